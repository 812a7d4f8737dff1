/**
 * `disbuild.json`: the repository's own description of its build. Three sources of the graph share the file —
 * `graph` (a path), `graphCommand` (a command printing the graph) and `tasks` (compiled by compile.ts) — plus a
 * `salt`. This module reads the file and checks its shape; every problem is reported at once, each naming the
 * file, the task and the field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The package's ES build: its UMD one reaches for `require`, which the bundle's chunks cannot hold.
import { visit } from 'jsonc-parser/lib/esm/main.js';
import { jsonErrorLocation } from '../graph/json-position.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { stripBom } from '../util/strip-bom.js';
import { unknownKeyMessage } from './unknown-key.js';

export const CONFIG_FILE = 'disbuild.json';

/** One task as the file declares it, its shape checked. */
export interface TaskSpec {
  /** A shell string (run with `sh -c`) or an argv list; absent for `script` tasks. */
  command?: string | string[];
  /** The package.json script of that name, run in every workspace package that has it. */
  script?: string;
  /** Where the command runs, relative to the task's directory (the package, or the repository root). */
  cwd?: string;
  /** Globs relative to the task's directory, `!` to exclude; absent: every file of the directory. */
  inputs?: string[];
  /** Globs of the paths the command writes, relative to the task's directory. */
  outputs?: string[];
  /** Task names, and `^task` for the task of every workspace dependency. */
  deps?: string[];
  /** Environment variable names whose values enter the key and are passed to the command. */
  env?: string[];
}

export interface DisbuildConfig {
  graph?: string;
  graphCommand?: string;
  salt?: string;
  tasks?: ReadonlyMap<string, TaskSpec>;
  /**
   * Problems of the file's shape that leave its tasks compilable (a field of the wrong type, an unknown key): the
   * compile still runs, so that its own problems (an unknown task in `deps`, a glob matching nothing) are
   * reported with these, all at once, instead of one fix later. Set only with `tasks`.
   */
  shapeProblems?: readonly ConfigProblem[];
  /**
   * Tasks whose kind cannot be told (not an object; no `command` nor `script`, both, or one of the wrong type):
   * the compile leaves them out, and judges no other task's `deps` against them, so that their one problem is
   * not followed by others it caused.
   */
  brokenTasks?: ReadonlySet<string>;
}

/** One thing wrong with the configuration; rendered `disbuild.json: task "build" deps[1]: unknown task "x"`. */
export interface ConfigProblem {
  file: string;
  task?: string;
  field?: string;
  message: string;
  /** An input glob that matches no file (which `import turbo` leaves out rather than reports). */
  matchesNothing?: true;
  /** For such a glob that is a path: where it names a file in each directory of the task. */
  unlisted?: string[];
}

export function formatConfigProblem(p: ConfigProblem): string {
  const where = [p.file, p.task === undefined ? undefined : `task ${JSON.stringify(p.task)}`, p.field]
    .filter((s) => s !== undefined)
    .join(' ');
  return `${where}: ${p.message}`;
}

const TOP_KEYS = new Set(['$schema', 'graph', 'graphCommand', 'salt', 'tasks']);
const TASK_KEYS = new Set(['command', 'script', 'cwd', 'inputs', 'outputs', 'deps', 'env', 'description']);
const TASK_NAME = /^[^#^!\s][^#\s]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads `<dir>/disbuild.json`; `undefined` when there is none. */
export async function readConfigFile(
  dir: string,
): Promise<Result<DisbuildConfig, ConfigProblem[]> | undefined> {
  let text: string;
  try {
    // In one call, not through the thread pool: it is read as git's listings start, while they hold the cores.
    text = readFileSync(join(dir, CONFIG_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return err([{ file: CONFIG_FILE, message: `cannot be read: ${(e as Error).message}` }]);
  }
  return parseConfigText(text);
}

/** The parser's message with the line and column where the text goes wrong, as an editor shows them. */
function withLine(message: string, text: string): string {
  const at = jsonErrorLocation(text, message);
  return `${message} (line ${at.line}, column ${at.column})`;
}

/**
 * The file's value. Comments and trailing commas are allowed, as in turbo.json and tsconfig.json: JSON.parse reads
 * the file, and when it refuses, the same text with its comments and trailing commas blanked out (offsets kept, so
 * that its message points at the right line). JSON.parse, not a tolerant parser's values: those set a `__proto__`
 * key as the object's prototype, and a file with a comment then meant something else.
 */
function parseJsonWithComments(text: string, scan: JsonScan): Result<unknown, string> {
  try {
    return ok(JSON.parse(text));
  } catch (e) {
    if (scan.trivia.length === 0) return err(withLine((e as Error).message, text));
  }
  // By UTF-16 unit, as the tokenizer's offsets and JSON.parse's positions count.
  const units = text.split('');
  for (const [at, length] of scan.trivia) {
    for (let i = at; i < at + length; i++) if (units[i] !== '\n' && units[i] !== '\r') units[i] = ' ';
  }
  const cleaned = units.join('');
  try {
    return ok(JSON.parse(cleaned));
  } catch (e) {
    return err(withLine((e as Error).message, cleaned));
  }
}

/** A JSON file's value, read as disbuild.json is: comments, trailing commas and a byte order mark allowed. */
export function readJsonWithComments(withBom: string): Result<unknown, string> {
  const text = stripBom(withBom);
  return parseJsonWithComments(text, scanJson(text, CONFIG_FILE));
}

/**
 * Checks the file's shape: unknown keys, wrong types and bad names are problems, all reported together. When the
 * file has tasks and nothing else is wrong with it as a whole, its problems travel with the config instead
 * (`shapeProblems`): a task keeps the fields that were right.
 */
export function parseConfigText(
  withBom: string,
  file = CONFIG_FILE,
): Result<DisbuildConfig, ConfigProblem[]> {
  const text = stripBom(withBom);
  const scan = scanJson(text, file);
  const parsed = parseJsonWithComments(text, scan);
  if (!parsed.ok) return err([{ file, message: `is not valid JSON: ${parsed.error}` }]);
  const raw = parsed.value;
  const problems: ConfigProblem[] = [...scan.duplicates];
  if (!isRecord(raw)) return err([{ file, message: `must be a JSON object, got ${describe(raw)}` }]);
  const config: DisbuildConfig = {};
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.has(key)) problems.push({ file, field: key, message: unknownKeyMessage(key, TOP_KEYS) });
  }
  for (const key of ['graph', 'graphCommand', 'salt'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v === 'string') config[key] = v;
    else problems.push({ file, field: key, message: `must be a string, got ${describe(v)}` });
  }
  if (raw.tasks !== undefined) {
    if (!isRecord(raw.tasks)) {
      problems.push({
        file,
        field: 'tasks',
        message: `must be an object of tasks, got ${describe(raw.tasks)}`,
      });
    } else {
      const tasks = new Map<string, TaskSpec>();
      const broken = new Set<string>();
      for (const name of Object.keys(raw.tasks).sort()) {
        const read = readTask(name, raw.tasks[name], file, problems);
        tasks.set(name, read.spec);
        if (read.broken) broken.add(name);
      }
      config.tasks = tasks;
      if (broken.size > 0) config.brokenTasks = broken;
    }
  }
  const sources = (['graph', 'graphCommand', 'tasks'] as const).filter((k) => raw[k] !== undefined);
  if (sources.length > 1) {
    problems.push({ file, field: sources[1], message: `cannot be used together with "${sources[0]!}"` });
  }
  if (problems.length === 0) return ok(config);
  const compilable = config.tasks !== undefined && sources.length === 1;
  return compilable ? ok({ ...config, shapeProblems: problems }) : err(problems);
}

/** What one pass of a JSON tokenizer finds that JSON.parse does not say (see scanJson). */
interface JsonScan {
  /** Keys written more than once in one object, as problems. */
  duplicates: ConfigProblem[];
  /** Comments and trailing commas: offset and length. */
  trivia: [number, number][];
}

/**
 * Keys written more than once in one object (JSON.parse keeps the last without a word, and an edit of the other
 * copy then changes nothing), and where the comments and trailing commas are. A file nested beyond the
 * tokenizer's depth (thousands of levels) is not scanned: JSON.parse still reads it, as before.
 */
function scanJson(text: string, file: string): JsonScan {
  const objects: Map<string, number[]>[] = [];
  const found: { path: (string | number)[]; lines: number[] }[] = [];
  const trivia: [number, number][] = [];
  let comma: number | undefined;
  const value = (): void => void (comma = undefined);
  const close = (): void => {
    if (comma !== undefined) trivia.push([comma, 1]);
    comma = undefined;
  };
  try {
    visit(
      text,
      {
        onObjectBegin: () => {
          value();
          objects.push(new Map());
        },
        onObjectProperty: (key, _offset, _length, line, _column, pathSupplier) => {
          value();
          const seen = objects[objects.length - 1]!;
          const lines = seen.get(key);
          if (lines === undefined) seen.set(key, [line + 1]);
          else {
            if (lines.length === 1) found.push({ path: [...pathSupplier(), key], lines });
            lines.push(line + 1);
          }
        },
        onObjectEnd: () => {
          close();
          objects.pop();
        },
        onArrayBegin: value,
        onArrayEnd: close,
        onLiteralValue: value,
        onSeparator: (character, offset) => {
          if (character === ',') comma = offset;
        },
        onComment: (offset, length) => void trivia.push([offset, length]),
      },
      { allowTrailingComma: true, disallowComments: false },
    );
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { duplicates: [], trivia: [] };
  }
  const duplicates = found.map(({ path, lines }): ConfigProblem => {
    const where = new Set(lines).size === 1 ? `line ${lines[0]!}` : `lines ${lines.join(', ')}`;
    const message = `written more than once (${where}); JSON keeps only the last, keep one`;
    if (path[0] === 'tasks' && path.length >= 2) {
      const field = fieldPath(path.slice(2));
      return { file, task: String(path[1]), ...(field === '' ? {} : { field }), message };
    }
    return { file, field: fieldPath(path), message };
  });
  return { duplicates, trivia };
}

/** A path in the file as the other problems spell it: `inputs[0].x`. */
function fieldPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** One task's spec, and whether its kind (command or script) could be told (see DisbuildConfig.brokenTasks). */
function readTask(
  name: string,
  raw: unknown,
  file: string,
  problems: ConfigProblem[],
): { spec: TaskSpec; broken: boolean } {
  const add = (field: string | undefined, message: string): void => {
    problems.push({ file, task: name, ...(field === undefined ? {} : { field }), message });
  };
  if (!TASK_NAME.test(name))
    add(undefined, 'task names must not contain "#" or spaces, nor start with "^" or "!"');
  if (!isRecord(raw)) {
    add(undefined, `must be an object, got ${describe(raw)}`);
    // Still a task: another's `deps` naming it is not also "unknown".
    return { spec: {}, broken: true };
  }
  for (const key of Object.keys(raw)) if (!TASK_KEYS.has(key)) add(key, unknownKeyMessage(key, TASK_KEYS));
  const spec: TaskSpec = {};
  const cmd = raw.command;
  if (typeof cmd === 'string') {
    if (cmd.trim() === '') add('command', 'is empty');
    spec.command = cmd;
  } else if (Array.isArray(cmd)) {
    const argv = stringList(cmd, 'command', add);
    if (argv.length === 0) add('command', 'must not be an empty list');
    spec.command = argv;
  } else if (cmd !== undefined) add('command', `must be a string or a list of strings, got ${describe(cmd)}`);
  for (const key of ['script', 'cwd'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') add(key, `must be a string, got ${describe(v)}`);
    else spec[key] = v;
  }
  if (spec.script === '') add('script', 'is empty');
  if ((raw.command === undefined) === (raw.script === undefined)) {
    add(
      undefined,
      'needs exactly one of "command" (a shell string or argv) and "script" (a package.json script)',
    );
  }
  const kindUnknown =
    (raw.command === undefined) === (raw.script === undefined) ||
    (cmd !== undefined && typeof cmd !== 'string' && !Array.isArray(cmd)) ||
    (raw.script !== undefined && (typeof raw.script !== 'string' || raw.script === ''));
  for (const key of ['inputs', 'outputs', 'deps', 'env'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (!Array.isArray(v)) add(key, `must be a list of strings, got ${describe(v)}`);
    else {
      const list = stringList(v, key, add);
      // Left out when an entry is not a string: what is said later of its entries would name them by their places
      // in a shorter list (`inputs[0]` for the second). The file is refused for that entry anyway.
      if (list.length === v.length) spec[key] = list;
    }
  }
  spec.env?.forEach((e, i) => {
    if (!ENV_NAME.test(e)) add(`env[${i}]`, `must be an environment variable name, got ${JSON.stringify(e)}`);
  });
  return { spec, broken: kindUnknown };
}

function stringList(v: unknown[], field: string, add: (field: string, message: string) => void): string[] {
  const out: string[] = [];
  v.forEach((x, i) => {
    if (typeof x === 'string') out.push(x);
    else add(`${field}[${i}]`, `must be a string, got ${describe(x)}`);
  });
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${JSON.stringify(v)}`;
}
