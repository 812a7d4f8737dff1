import { posix } from 'node:path';
import type { Cmd, Graph, Job, JobLabel } from './model.js';
import type { GraphProblem } from './model.js';
import { findCycles } from './cycles.js';
import { describe, isObject, readStruct, structType } from './go-json.js';
import { readCmd } from './validate-cmd.js';
import type { InputKind, ValidateOptions } from './validate-context.js';
import { hasDotDot } from './input-spelling.js';
import { isHex40, ValidateContext } from './validate-context.js';
import { printable, quoted } from '../util/printable.js';
import { insideGitDir } from '../util/git-dir-path.js';
import { oddSegments, spelledPathProblem } from '../util/unescape-glob.js';
import { choosesEverything } from '../util/whole-tree-glob.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';

export type { InputKind, ValidateOptions } from './validate-context.js';

const GRAPH = structType('SourceFiles', 'Jobs');
const JOB = structType('ID', 'Name', 'Inputs', 'Deps', 'Cmds', 'Outputs');

/** A validation's outcome, plus whether JSON.parse's key order may have changed it (see go-json.ts). */
export interface Validated {
  result: Result<Graph, GraphProblem[]>;
  ambiguousKeys: boolean;
}

/** Validates decoded graph JSON (DESIGN.md §1) into a Graph, or every problem found. */
export function validateGraph(raw: unknown, options: ValidateOptions = {}): Result<Graph, GraphProblem[]> {
  return validateDecoded(raw, options).result;
}

/**
 * As `validateGraph`, and says whether two differently cased keys matched one field somewhere, in which case a
 * caller holding the text decodes it again in document order (`decodeOrdered`). The decoded jobs are released
 * one by one as they are read, so a 100,000-job graph is never held twice over.
 */
export function validateDecoded(raw: unknown, options: ValidateOptions = {}): Validated {
  const cx = new ValidateContext(options);
  const result = validate(raw, cx);
  return { result, ambiguousKeys: cx.ambiguousKeys };
}

function validate(raw: unknown, cx: ValidateContext): Result<Graph, GraphProblem[]> {
  if (!isObject(raw)) return err([{ message: `the graph must be a JSON object, got ${describe(raw)}` }]);
  const { values: g, ambiguous, tooDeep } = readStruct(raw, GRAPH, 1);
  if (ambiguous) cx.ambiguousKeys = true;
  for (const key of tooDeep) cx.tooDeep(undefined, key);
  const sourceFiles = readSourceFiles(g.SourceFiles, cx);
  const rawJobs = g.Jobs ?? [];
  if (!Array.isArray(rawJobs)) {
    cx.add(undefined, 'Jobs', `must be a list of jobs, got ${describe(rawJobs)}`);
    return err(cx.problems);
  }
  const jobs: Job[] = [];
  const byLabel = new Map<JobLabel, Job>();
  const depOrigins = new Map<Job, number[]>();
  rawJobs.forEach((rawJob: unknown, i) => {
    const read = readJob(rawJob, i, cx);
    rawJobs[i] = null;
    if (!read) return;
    const { job, depOrigin } = read;
    if (depOrigin) depOrigins.set(job, depOrigin);
    const other = byLabel.get(job.label);
    if (other) {
      cx.add(job.name, 'ID', `duplicate ID ${job.label}, also used by job ${quoted(other.name)}`);
      return;
    }
    byLabel.set(job.label, job);
    jobs.push(job);
  });
  checkDeps(jobs, byLabel, depOrigins, cx);
  return cx.problems.length > 0 ? err(cx.problems) : ok({ sourceFiles, jobs, byLabel });
}

function readSourceFiles(raw: unknown, cx: ValidateContext): Map<string, string> {
  const files = new Map<string, string>();
  if (raw === null || raw === undefined) return files;
  if (!isObject(raw)) {
    cx.add(undefined, 'SourceFiles', `must be an object of ID to path, got ${describe(raw)}`);
    return files;
  }
  const kind = cx.options.inputKind;
  // Tens of thousands of entries in a large graph: the field name is spelled out only for a problem.
  const where = (id: string): string => `SourceFiles[${quoted(id)}]`;
  for (const id in raw) {
    const path = raw[id];
    const lower = id.toLowerCase();
    if (!isHex40(id)) cx.add(undefined, where(id), 'is not a 40-character hex ID');
    else if (files.has(lower)) cx.ambiguousKeys = true;
    if (typeof path !== 'string')
      cx.add(undefined, where(id), `must be a path string, got ${describe(path)}`);
    else if (path.includes('\0')) cx.add(undefined, where(id), 'must not contain a NUL byte');
    else {
      files.set(lower, path);
      if (kind !== undefined && kind(path) === 'missing')
        cx.add(undefined, where(id), `source file ${printable(path)} does not exist`);
    }
  }
  return files;
}

/** A job read from JSON; `depOrigin[k]` is the producer's index of `job.deps[k]` when the two differ. */
interface ReadJob {
  job: Job;
  depOrigin?: number[];
}

/** A job is named by its Name, or by its label when the name is empty (or by its index when the ID is bad). */
function readJob(raw: unknown, index: number, cx: ValidateContext): ReadJob | undefined {
  if (!isObject(raw)) {
    cx.add(undefined, `Jobs[${index}]`, `must be an object, got ${describe(raw)}`);
    return undefined;
  }
  // Depth 3: the graph object, its Jobs list, the job.
  const { values: f, ambiguous, tooDeep } = readStruct(raw, JOB, 3);
  if (ambiguous) cx.ambiguousKeys = true;
  const validId = typeof f.ID === 'string' && isHex40(f.ID) ? f.ID.toLowerCase() : undefined;
  const nameText = typeof f.Name === 'string' ? f.Name : '';
  const idText = typeof f.ID === 'string' && f.ID !== '' ? f.ID : undefined;
  const name = nameText !== '' ? nameText : (validId ?? idText ?? `Jobs[${index}]`);
  cx.string(f.Name, name, 'Name');
  for (const key of tooDeep) cx.tooDeep(name, key);
  if (validId === undefined) {
    cx.add(
      name,
      'ID',
      `must be 40 hex characters, got ${typeof f.ID === 'string' ? quoted(f.ID) : f.ID === undefined ? 'nothing' : isObject(f.ID) || Array.isArray(f.ID) ? describe(f.ID) : JSON.stringify(f.ID)}`,
    );
  }
  const inputs = readInputs(cx.strings(f.Inputs, name, 'Inputs'), name, cx);
  const deps: JobLabel[] = [];
  const depOrigin: number[] = [];
  cx.strings(f.Deps, name, 'Deps').forEach((d, i) => {
    if (d === undefined) return;
    const label = d.toLowerCase() as JobLabel;
    if (!isHex40(d)) cx.add(name, `Deps[${i}]`, `must be 40 hex characters, got ${quoted(d)}`);
    else if (!deps.includes(label)) {
      deps.push(label);
      depOrigin.push(i);
    }
  });
  const cmds: Cmd[] = [];
  const rawCmds = f.Cmds ?? [];
  if (!Array.isArray(rawCmds)) cx.add(name, 'Cmds', `must be a list of commands, got ${describe(rawCmds)}`);
  else {
    rawCmds.forEach((c: unknown, i) => {
      const cmd = readCmd(c, name, deps, `Cmds[${i}]`, cx);
      if (cmd) cmds.push(cmd);
    });
  }
  const outputs = readOutputs(cx.strings(f.Outputs, name, 'Outputs'), name, cx);
  if (validId === undefined) return undefined;
  const job: Job = { label: validId as JobLabel, name, inputs, deps, cmds };
  if (outputs.length > 0) job.outputs = outputs;
  // Kept only when deduplication shifted an index, so messages still name the producer's `Deps[i]`.
  return depOrigin.every((o, k) => o === k) ? { job } : { job, depOrigin };
}

/**
 * Normalises input paths (`./a//b` → `a/b`; a `..` after a name is kept, see withoutEmptyOrDot), refusing empty,
 * absolute and escaping ones (a backslash is an ordinary character, as it is in a POSIX file name); sorted by
 * UTF-16 code units, deduplicated. When the options can look paths up, a missing input is reported with the
 * producer's index.
 */
function readInputs(raw: (string | undefined)[], job: string, cx: ValidateContext): string[] {
  const kind = cx.options.inputKind;
  if (inOrderAndNormal(raw)) {
    // Nothing to normalise, drop or sort: only the lookups can find a problem, each at the producer's index.
    const paths = raw.map((p) => cx.intern(p));
    if (kind !== undefined)
      paths.forEach((p, i) => inputKindProblem(kind(p), p, job, () => `Inputs[${i}]`, cx));
    return paths;
  }
  const out = new Set<string>();
  // Messages (and their strings) are made only for a problem: ten thousand inputs are almost always fine.
  raw.forEach((p, i) => {
    if (p === undefined) return;
    const where = (): string => `Inputs[${i}]`;
    if (p === '') return cx.add(job, where(), 'is empty');
    // No file has such a name, and the file system calls refuse it.
    if (p.includes('\0')) return cx.add(job, where(), 'must not contain a NUL byte');
    if (p.charCodeAt(0) === SLASH) {
      return cx.add(job, where(), `must be relative to the source directory, got ${quoted(p)}`);
    }
    const norm = isNormalPath(p) ? p : posix.normalize(p).replace(/\/$/, '');
    if (norm === '..' || norm.startsWith('../')) {
      return cx.add(job, where(), `must not leave the source directory, got ${quoted(p)}`);
    }
    if (norm === '.') return cx.add(job, where(), `must name a file, got ${quoted(p)}`);
    const path = hasDotDot(p) ? withoutEmptyOrDot(p) : norm;
    if (out.has(path)) return;
    out.add(cx.intern(path));
    if (kind !== undefined) inputKindProblem(kind(path), path, job, where, cx);
  });
  const sorted = [...out];
  // Producers usually list inputs in order already: checking is cheaper than sorting.
  for (let i = 1; i < sorted.length; i++) {
    if (!(sorted[i - 1]! < sorted[i]!)) return sorted.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return sorted;
}

/** Records what is wrong with what is at an input path, if anything. */
function inputKindProblem(
  k: InputKind,
  path: string,
  job: string,
  where: () => string,
  cx: ValidateContext,
): void {
  if (k === 'file') return;
  const shown = printable(path);
  if (k === 'missing') cx.add(job, where(), `input file ${shown} does not exist`);
  else if (k === 'dir') cx.add(job, where(), `input ${shown} is a directory; list its files`);
  else if (k === 'other') cx.add(job, where(), `input ${shown} is not a regular file or a symbolic link`);
  else cx.add(job, where(), k.problem);
}

/**
 * Whether every input is a normal relative path (see isNormalPath), without a NUL byte, each after the one before
 * by UTF-16 code units: then readInputs has nothing to refuse, normalise, deduplicate or sort. Compiled graphs,
 * and producers that list their inputs sorted, are all such.
 */
function inOrderAndNormal(raw: readonly (string | undefined)[]): raw is string[] {
  let prev = '';
  for (let i = 0; i < raw.length; i++) {
    const p = raw[i];
    if (p === undefined || (i > 0 && !(prev < p)) || !isNormalPath(p) || p.includes('\0')) return false;
    prev = p;
  }
  return true;
}

/**
 * `p` without its empty and `.` segments, and no trailing slash, its `..` segments kept: after a symbolic link,
 * `..` climbs from the directory the link leads to (`lnk/../x.txt` with `lnk -> sub/dir` reads `sub/x.txt`), which
 * only the walk over the tree can say (resolve-input.ts). Lexical normalising named another file, which keys then
 * digested in its place.
 */
function withoutEmptyOrDot(p: string): string {
  return p
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

const SLASH = 0x2f;
const DOT = 0x2e;

/**
 * True when `posix.normalize` would leave the relative path `p` as it is: no empty, `.` or `..` segment and no
 * trailing slash. One pass over the characters, where normalising builds a new string for every input.
 */
function isNormalPath(p: string): boolean {
  let start = 0;
  for (let i = 0; i <= p.length; i++) {
    if (i < p.length && p.charCodeAt(i) !== SLASH) continue;
    const len = i - start;
    if (len === 0) return false;
    if (p.charCodeAt(start) === DOT && (len === 1 || (len === 2 && p.charCodeAt(start + 1) === DOT)))
      return false;
    start = i + 1;
  }
  return true;
}

/**
 * In-place output globs: relative to the source directory and inside it (`!` excludes), in the producer's order.
 * Only present when the producer sets them (disbuild.json does); graphs without them are unchanged.
 */
function readOutputs(raw: (string | undefined)[], job: string, cx: ValidateContext): string[] {
  const out: string[] = [];
  raw.forEach((p, i) => {
    if (p === undefined) return;
    const where = `Outputs[${i}]`;
    const body = p.startsWith('!') ? p.slice(1) : p;
    if (body === '') return cx.add(job, where, 'is empty');
    if (body.startsWith('/')) {
      return cx.add(job, where, `must be relative to the source directory, got ${JSON.stringify(p)}`);
    }
    let norm = posix.normalize(body);
    // `dir/` is every path below dir, as in disbuild.json (config/globs.ts): to picomatch it is the directory's own
    // path, which no walk of output files yields, so the job would capture nothing there and exclude nothing.
    if (norm.endsWith('/')) norm = norm === './' ? '.' : `${norm}**`;
    const spelled = spelledPathProblem(norm);
    if (norm === '..' || norm.startsWith('../') || spelled === 'leaves') {
      return cx.add(job, where, `must not leave the source directory, got ${JSON.stringify(p)}`);
    }
    if (spelled === 'odd') return cx.add(job, where, oddSegments(p));
    if (norm === '.' || norm === '**' || norm === '**/*' || (body === p && choosesEverything([norm]))) {
      return cx.add(job, where, `must not be the whole source directory, got ${JSON.stringify(p)}`);
    }
    if (insideGitDir(norm)) {
      return cx.add(job, where, `must not be inside .git (git's own files), got ${JSON.stringify(p)}`);
    }
    out.push(p.startsWith('!') ? `!${norm}` : norm);
  });
  if (out.length > 1 && choosesEverything(out)) {
    cx.add(job, 'Outputs', `must not together be the whole source directory, got ${JSON.stringify(raw)}`);
  }
  return out;
}

/** Unknown deps, then every dependency cycle, each as the chain of job names. */
function checkDeps(
  jobs: readonly Job[],
  byLabel: ReadonlyMap<JobLabel, Job>,
  depOrigins: ReadonlyMap<Job, number[]>,
  cx: ValidateContext,
): void {
  const field = (job: Job, k: number): string => `Deps[${depOrigins.get(job)?.[k] ?? k}]`;
  for (const job of jobs) {
    job.deps.forEach((d, k) => {
      if (!byLabel.has(d)) cx.add(job.name, field(job, k), `unknown dependency ${d}`);
    });
  }
  for (const cycle of findCycles(new Map(jobs.map((j) => [j.label, j.deps])))) {
    const first = byLabel.get(cycle[0]!)!;
    const names = cycle.map((l) => printable(byLabel.get(l)!.name));
    cx.add(
      first.name,
      field(first, first.deps.indexOf(cycle[1]!)),
      `dependency cycle: ${names.join(' -> ')}`,
    );
  }
}
