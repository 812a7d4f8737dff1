import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Graph, GraphProblem, PathSet } from './model.js';
import { missingSourceFile } from './model.js';
import { decodeOrdered } from './go-decode.js';
import { jsonErrorLocation } from './json-position.js';
import type { InputKind, ValidateOptions } from './validate.js';
import { validateDecoded } from './validate.js';
import {
  keyOfUnchangedFile,
  readValidatedGraph,
  recordKeyOfUnchangedFile,
  validatedGraphKey,
  writeValidatedGraph,
} from './validated-graph-cache.js';
import { DiskView, unreadable } from '../ids/git-blob.js';
import { notALink, ownLink, resolveInput } from '../ids/resolve-input.js';
import { collectGarbage } from '../util/collect-garbage.js';
import { printable } from '../util/printable.js';
import { settledMs, statKey } from '../util/settled-stat.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';

/**
 * The largest graph text (in UTF-16 code units) whose validation is kept: keeping one holds its text and the kept
 * form in memory at once, and a graph of hundreds of megabytes is read keeping peak memory near its own size.
 */
const MAX_KEPT_TEXT = 32 * 1024 * 1024;

/** Parses and validates graph JSON; malformed JSON is reported with its line and column. */
export function parseGraphText(text: string): Result<Graph, GraphProblem[]> {
  return parseWith(text, {});
}

/**
 * As `parseGraphText`, also checking that every input and SourceFiles path exists under `sourceDir`, as
 * `loadGraphFile` does for a file (for a graph printed by a command, say).
 */
export function parseGraphTextIn(text: string, sourceDir: string): Result<Graph, GraphProblem[]> {
  return parseWith(text, { inputKind: pathKinds(sourceDir) });
}

function parseWith(text: string, options: ValidateOptions): Result<Graph, GraphProblem[]> {
  const raw = decode(text);
  if (!raw.ok) return raw;
  const first = validateDecoded(raw.value, options);
  // Rare: differently cased keys for one field, whose document order JSON.parse dropped. Decode again in order.
  return first.ambiguousKeys ? validateDecoded(decodeOrdered(text), options).result : first.result;
}

function decode(text: string): Result<unknown, GraphProblem[]> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = jsonErrorLocation(text, message);
    // The position becomes line:column; the text V8 quotes (the input, or a cut of it) goes; a quoted newline is
    // shown escaped.
    const reason = message
      .replace(/,? (\.\.\.)?"[^]*"(\.\.\.)? is not valid JSON$/, '')
      .replace(/ (in JSON )?at position \d+[^]*$/, '')
      .replace(/[\u0000-\u001f]/g, (c) => JSON.stringify(c).slice(1, -1));
    return err([{ message: `malformed JSON at line ${at.line}, column ${at.column}: ${reason}` }]);
  }
  return ok(value);
}

/**
 * Read in one call on this thread, not through the thread pool: git's listings start just before, and while their
 * processes take both cores of a small machine, each of the pool's round trips waits for one (14 ms for a 1.4 MB
 * graph, against 1 ms read here).
 */
/**
 * The bytes of the graph file at `path` and, when `withStat`, its stat data when they vouch for those bytes: a
 * regular file that last changed well before now (settled-stat.ts). Both through one descriptor, the stat data
 * taken before the read: the file whose stat data is recorded is the one whose bytes are keyed, whatever its path
 * leads to meanwhile (a link retargeted), and a write after the stat leaves stat data that never match again.
 * `known`, given the stat data, answers for the bytes instead (see loadGraphFile): the file is then not read.
 */
async function readGraphFile<T>(
  path: string,
  withStat: boolean,
  known: (stat: string) => Promise<T | undefined>,
): Promise<Result<{ bytes: Buffer; stat: string | undefined } | { known: T }, GraphProblem[]>> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return cannotRead(path, e);
  }
  try {
    const takenAt = Date.now();
    const st = withStat ? fstatSync(fd) : undefined;
    const stat = st !== undefined && settledMs(st, takenAt) ? statKey(st) : undefined;
    const answer = stat === undefined ? undefined : await known(stat);
    if (answer !== undefined) return ok({ known: answer });
    return ok({ bytes: readFileSync(fd), stat });
  } catch (e) {
    return cannotRead(path, e);
  } finally {
    closeSync(fd);
  }
}

function cannotRead(path: string, e: unknown): Result<never, GraphProblem[]> {
  const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return err([{ message: `cannot read graph file ${path}: ${why}` }]);
}

function readGraphBytes(path: string): Result<Buffer, GraphProblem[]> {
  try {
    return ok(readFileSync(path));
  } catch (e) {
    return cannotRead(path, e);
  }
}

/**
 * Reads a graph file and validates it, also checking that every input and every SourceFiles path exists under
 * `sourceDir`. All problems come back together, missing inputs named by job and the producer's `Inputs[i]`.
 * `knownFiles` are paths already known to be files, not looked up: git's account of the work tree, which costs
 * nothing more when keys use it anyway. It is awaited only after the graph is validated, with every path taken
 * for a file meanwhile: git lists the work tree on other cores while this one validates. Should a path then turn
 * out not to be a file (rare: a graph naming a missing input), the file is validated again, with the truth.
 * With `cacheFile`, the validation of the file's exact text is kept there and reused by the next run (for graph
 * texts up to MAX_KEPT_TEXT).
 */
export async function loadGraphFile(
  path: string,
  sourceDir: string,
  knownFiles?: Promise<PathSet | undefined>,
  cacheFile?: string,
): Promise<Result<Graph, GraphProblem[]>> {
  // An unchanged graph file was validated by an earlier run: its validation is reused (validated-graph-cache.ts);
  // whether its files exist is checked as for any graph. Its key is known without reading it when its stat data is
  // as recorded; the text is decoded only when no validation serves.
  let statedKey: string | undefined;
  const read = await readGraphFile(path, cacheFile !== undefined, async (stat) => {
    statedKey = keyOfUnchangedFile(cacheFile!, stat);
    const stated = statedKey === undefined ? undefined : readValidatedGraph(cacheFile!, statedKey);
    return stated !== undefined &&
      allFiles(stated.graph, pathKinds(sourceDir, await knownFiles), stated.sourceOnly)
      ? stated.graph
      : undefined;
  });
  if (!read.ok) return read;
  if ('known' in read.value) return ok(read.value.known);
  const { bytes, stat } = read.value;
  const key = cacheFile === undefined || bytes.length > MAX_KEPT_TEXT ? undefined : validatedGraphKey(bytes);
  const cached =
    cacheFile === undefined || key === undefined ? undefined : readValidatedGraph(cacheFile, key);
  if (cached !== undefined && stat !== undefined && key !== statedKey) {
    recordKeyOfUnchangedFile(cacheFile!, stat, key!);
  }
  if (
    cached !== undefined &&
    allFiles(cached.graph, pathKinds(sourceDir, await knownFiles), cached.sourceOnly)
  )
    return ok(cached.graph);
  // None, or a missing input: validated below from the very bytes keyed, which names every problem.
  let text = bytes.toString('utf8');
  const raw = decode(text);
  // The text is dropped before validation: for large graphs it is tens of megabytes nobody needs any more.
  text = '';
  if (!raw.ok) return raw;
  let validated = validateDecoded(raw.value, { inputKind: () => 'file' });
  let sameBytes = true;
  const kind = pathKinds(sourceDir, await knownFiles);
  if (validated.ambiguousKeys || !validated.result.ok || !allFiles(validated.result.value, kind)) {
    // Rare (a problem, or keys whose order JSON.parse lost, see parseGraphText): the file is read again rather
    // than its text kept through every validation.
    const again = readGraphBytes(path);
    if (!again.ok) return again;
    // Changed in between: this validation is not of the bytes keyed, and is not kept under their key.
    sameBytes = key !== undefined && validatedGraphKey(again.value) === key;
    const againText = again.value.toString('utf8');
    const decoded = validated.ambiguousKeys ? ok(decodeOrdered(againText)) : decode(againText);
    if (!decoded.ok) return decoded;
    validated = validateDecoded(decoded.value, { inputKind: kind });
  }
  if (
    validated.result.ok &&
    sameBytes &&
    cacheFile !== undefined &&
    key !== undefined &&
    cached === undefined
  ) {
    writeValidatedGraph(cacheFile, key, validated.result.value);
    if (stat !== undefined) recordKeyOfUnchangedFile(cacheFile, stat, key);
  }
  // The decoded JSON tree of a large graph is hundreds of megabytes of garbage by now: collect it before keying.
  if (validated.result.ok && validated.result.value.jobs.length > 10_000) await collectGarbage();
  return validated.result;
}

/**
 * What is at each relative path under `sourceDir`, asked once per path. Each directory is listed once (with
 * file types) instead of one lstat per file: inputs come many to a directory, and 10,000 inputs in 1,000
 * directories cost a third of the time. A name the listing does not show (or does not type) is lstat-ed, so
 * case-insensitive file systems and odd file systems answer exactly as lstat does. Paths in `knownFiles` are
 * files without asking. A path that is a symbolic link, or lies below one, is resolved as keys resolve it
 * (resolve-input.ts): a dangling link or a path leading outside `sourceDir` is a problem.
 */
export function pathKinds(sourceDir: string, knownFiles?: PathSet): (rel: string) => InputKind {
  const memo = new Map<string, InputKind>();
  const listings = new Map<string, Map<string, ListedKind> | undefined>();
  const realDirs = new Map<string, boolean>();
  const disk = new DiskView(sourceDir);
  // Keyed by the directory's relative path: joining and normalising every input path costs more than the calls.
  const listed = (relDir: string): Map<string, ListedKind> | undefined => {
    if (listings.has(relDir)) return listings.get(relDir);
    let kinds: Map<string, ListedKind> | undefined;
    try {
      kinds = new Map();
      for (const e of readdirSync(join(sourceDir, relDir), { withFileTypes: true })) {
        const k: ListedKind | undefined = e.isFile()
          ? 'file'
          : e.isSymbolicLink()
            ? 'link'
            : e.isDirectory()
              ? 'dir'
              : e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice()
                ? 'other'
                : undefined;
        if (k !== undefined) kinds.set(e.name, k);
      }
    } catch {
      kinds = undefined;
    }
    listings.set(relDir, kinds);
    return kinds;
  };
  // Whether a directory is reached without following a link (then its listing is the truth about its entries).
  const isRealDir = (relDir: string): boolean => {
    if (relDir === '') return true;
    let real = realDirs.get(relDir);
    if (real === undefined) {
      const slash = relDir.lastIndexOf('/');
      const parent = slash < 0 ? '' : relDir.slice(0, slash);
      real = isRealDir(parent) && listed(parent)?.get(relDir.slice(slash + 1)) === 'dir';
      realDirs.set(relDir, real);
    }
    return real;
  };
  return (rel) => {
    if (knownFiles?.has(rel)) return 'file';
    let k = memo.get(rel);
    if (k === undefined) {
      const slash = rel.lastIndexOf('/');
      const dir = slash < 0 ? '' : rel.slice(0, slash);
      try {
        const listedKind = isRealDir(dir)
          ? (listed(dir)?.get(rel.slice(slash + 1)) ?? lstatKind(join(sourceDir, rel)))
          : 'link';
        k = listedKind === 'link' ? resolvedKind(disk, rel) : listedKind;
      } catch (e) {
        k = { problem: unreadable(rel, e) };
      }
      memo.set(rel, k);
    }
    return k;
  };
}

/**
 * Whether validation with `kind` would find no problem with the paths of the valid `graph`. `sourceOnly`, when
 * known, are the SourceFiles paths that are no job's input (the others are files when the inputs are).
 */
function allFiles(
  graph: Graph,
  kind: (rel: string) => InputKind,
  sourceOnly: Iterable<string> = graph.sourceFiles.values(),
): boolean {
  for (const job of graph.jobs) for (const p of job.inputs) if (kind(p) !== 'file') return false;
  // A SourceFiles path is a problem only when missing.
  for (const p of sourceOnly) if (kind(p) === 'missing') return false;
  return true;
}

type ListedKind = 'file' | 'dir' | 'other' | 'missing' | 'link';

/** A path that is, or lies below, a symbolic link: what reading it yields, as keys resolve it. */
function resolvedKind(disk: DiskView, rel: string): InputKind {
  if (rel.includes('\0')) return 'missing';
  const r = resolveInput(disk, rel);
  // A link to a directory is an input (where it leads); a directory reached through one is not.
  if (r.ok && r.directory && ownLink(disk, rel) === undefined) return { problem: notALink(rel).problem };
  return r.ok ? 'file' : r.missing ? 'missing' : { problem: r.problem };
}

function lstatKind(path: string): ListedKind {
  // Validation refuses such paths; a caller that skipped it still gets an answer, not an exception.
  if (path.includes('\0')) return 'missing';
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (st === undefined) return 'missing';
  if (st.isFile()) return 'file';
  if (st.isSymbolicLink()) return 'link';
  return st.isDirectory() ? 'dir' : 'other';
}

/**
 * Checks that the files of an already validated graph exist under `sourceDir`: SourceFiles paths always, inputs
 * unless `inputs` is false (for callers whose keying step reports missing inputs itself). Inputs are named by
 * their index in the normalised, sorted list.
 */
export function checkFilesExist(graph: Graph, sourceDir: string, opts = { inputs: true }): GraphProblem[] {
  const kind = pathKinds(sourceDir);
  const problems: GraphProblem[] = [];
  for (const job of opts.inputs ? graph.jobs : []) {
    job.inputs.forEach((input, i) => {
      const k = kind(input);
      const field = `Inputs[${i}]`;
      const shown = printable(input);
      if (k === 'missing')
        problems.push({ job: job.name, field, message: `input file ${shown} does not exist` });
      else if (k === 'dir')
        problems.push({ job: job.name, field, message: `input ${shown} is a directory; list its files` });
      else if (k === 'other') {
        problems.push({
          job: job.name,
          field,
          message: `input ${shown} is not a regular file or a symbolic link`,
        });
      } else if (typeof k === 'object') problems.push({ job: job.name, field, message: k.problem });
    });
  }
  for (const [id, path] of graph.sourceFiles) {
    if (kind(path) === 'missing') problems.push(missingSourceFile(id, path));
  }
  return problems;
}
