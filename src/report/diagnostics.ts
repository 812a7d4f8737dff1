import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';
import { withoutTerminalEscapes } from '../util/printable.js';

/** A compiler or linter message pointing at a place in the repository. */
export interface Diagnostic {
  file: string;
  line: number;
  column?: number;
  /** From the tool's own word for it, when it says one. */
  severity?: 'error' | 'warning';
  message: string;
}

const STYLES: RegExp[] = [
  // gcc, clang, go, tsc --pretty false with colons: "src/a.c:3:5: error: msg", "./main.go:3:5: msg"
  /^(?<file>[^\s:()][^:()]*?):(?<line>\d+):(?<column>\d+):\s*(?<message>.+)$/,
  // gcc, clang and many linters without a column: "src/a.c:3: error: msg"
  /^(?<file>[^\s:()][^:()]*?\.[A-Za-z0-9]+):(?<line>\d+):\s+(?<message>.+)$/,
  // tsc: "src/a.ts(3,5): error TS2322: msg"
  /^(?<file>[^\s:()][^:()]*?)\((?<line>\d+),(?<column>\d+)\):\s*(?<message>.+)$/,
  // tsc --pretty: "src/a.ts:3:5 - error TS2322: msg"
  /^(?<file>[^\s:()][^:()]*?):(?<line>\d+):(?<column>\d+) - (?<message>.+)$/,
];
// eslint's stylish format: a file line, then "  3:5  error  msg  rule" lines.
const ESLINT_FILE = /^(?<file>\/?[^\s:]+\.[A-Za-z0-9]+)$/;
const ESLINT_LINE =
  /^\s+(?<line>\d+):(?<column>\d+)\s+(?<severity>error|warning)\s+(?<message>.+?)(?:\s{2,}\S+)?$/;

/**
 * The diagnostic to annotate a failed job with: the first error in its output whose file lies inside
 * `repoDir`, else the first diagnostic of any severity (go and some linters print no severity), with its path
 * made relative to `repoDir`. Paths are resolved from `sourceDir` (where the job ran); anything outside the
 * repository (system headers, `../` escapes) is ignored, as are look-alikes such as `12:30:45:` timestamps.
 */
export function findDiagnostic(output: string, sourceDir: string, repoDir: string): Diagnostic | undefined {
  let first: Diagnostic | undefined;
  for (const d of diagnostics(output, sourceDir, repoDir)) {
    if (d.severity === 'error') return d;
    first ??= d;
  }
  return first;
}

/** Every diagnostic in the output that points inside the repository, in order. */
export function* diagnostics(output: string, sourceDir: string, repoDir: string): Generator<Diagnostic> {
  // Compilers colour their output (and some draw progress) when they think they talk to a terminal; the codes are
  // not part of paths.
  const lines = withoutTerminalEscapes(output).split('\n');
  let eslintFile: string | undefined;
  for (const raw of lines) {
    const line = raw.trimEnd();
    const style = STYLES.map((re) => re.exec(line)).find((m) => m?.groups);
    if (style?.groups) {
      const d = toDiagnostic(style.groups, sourceDir, repoDir);
      if (d) yield d;
      continue;
    }
    const file = ESLINT_FILE.exec(line);
    if (file?.groups) {
      eslintFile = file.groups.file;
      continue;
    }
    const e = eslintFile ? ESLINT_LINE.exec(line) : null;
    if (e?.groups && eslintFile) {
      const d = toDiagnostic({ ...e.groups, file: eslintFile }, sourceDir, repoDir);
      if (d) yield d;
    } else if (line !== '' && !/^\s/.test(line)) {
      // Anything else unindented ends eslint's block for that file.
      eslintFile = undefined;
    }
  }
}

function toDiagnostic(g: Record<string, string>, sourceDir: string, repoDir: string): Diagnostic | undefined {
  const file = g.file!;
  // `12:30:45: started` is a time of day, not a file.
  if (/^\d+$/.test(file)) return undefined;
  const abs = isAbsolute(file) ? normalize(file) : resolve(sourceDir, file);
  const rel = relative(repoDir, abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  const message = g.message!.trim();
  const severity = severityOf(g.severity, message);
  return {
    file: rel.split('\\').join('/'),
    line: Number(g.line),
    ...(g.column ? { column: Number(g.column) } : {}),
    ...(severity ? { severity } : {}),
    message,
  };
}

/** eslint names the severity in a column; compilers start the message with it (`error:`, `error TS2322:`). */
function severityOf(column: string | undefined, message: string): Diagnostic['severity'] {
  if (column === 'error' || column === 'warning') return column;
  if (/^(fatal )?error\b/i.test(message)) return 'error';
  if (/^warning\b/i.test(message)) return 'warning';
  return undefined;
}
