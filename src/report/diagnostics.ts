import { isAbsolute, normalize, relative, resolve } from 'node:path';

/** A compiler or linter message pointing at a place in the repository. */
export interface Diagnostic {
  file: string;
  line: number;
  column?: number;
  message: string;
}

const STYLES: RegExp[] = [
  // gcc, clang, go, tsc --pretty false with colons: "src/a.c:3:5: error: msg", "./main.go:3:5: msg"
  /^(?<file>[^\s:()][^:()]*?):(?<line>\d+):(?<column>\d+):\s*(?<message>.+)$/,
  // tsc: "src/a.ts(3,5): error TS2322: msg"
  /^(?<file>[^\s:()][^:()]*?)\((?<line>\d+),(?<column>\d+)\):\s*(?<message>.+)$/,
  // tsc --pretty: "src/a.ts:3:5 - error TS2322: msg"
  /^(?<file>[^\s:()][^:()]*?):(?<line>\d+):(?<column>\d+) - (?<message>.+)$/,
];
// eslint's stylish format: a file line, then "  3:5  error  msg  rule" lines.
const ESLINT_FILE = /^(?<file>\/?[^\s:]+\.[A-Za-z0-9]+)$/;
const ESLINT_LINE = /^\s+(?<line>\d+):(?<column>\d+)\s+(?:error|warning)\s+(?<message>.+?)(?:\s{2,}\S+)?$/;

/**
 * The first diagnostic in a job's output whose file lies inside `repoDir`, with its path made relative to it.
 * Paths are resolved from `sourceDir` (where the job ran); anything outside the repository is ignored.
 */
export function findDiagnostic(output: string, sourceDir: string, repoDir: string): Diagnostic | undefined {
  const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  let eslintFile: string | undefined;
  for (const raw of lines) {
    const line = raw.trimEnd();
    for (const style of STYLES) {
      const m = style.exec(line);
      const d = m?.groups && toDiagnostic(m.groups, sourceDir, repoDir);
      if (d) return d;
    }
    const file = ESLINT_FILE.exec(line);
    if (file?.groups) {
      eslintFile = file.groups.file;
      continue;
    }
    const e = eslintFile ? ESLINT_LINE.exec(line) : null;
    if (e?.groups && eslintFile) {
      const d = toDiagnostic({ ...e.groups, file: eslintFile }, sourceDir, repoDir);
      if (d) return d;
    }
  }
  return undefined;
}

function toDiagnostic(g: Record<string, string>, sourceDir: string, repoDir: string): Diagnostic | undefined {
  const file = g.file!;
  const abs = isAbsolute(file) ? normalize(file) : resolve(sourceDir, file);
  const rel = relative(repoDir, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return {
    file: rel.split('\\').join('/'),
    line: Number(g.line),
    ...(g.column ? { column: Number(g.column) } : {}),
    message: g.message!.trim(),
  };
}
