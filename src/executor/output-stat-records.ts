import { lstatSync, type Stats } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { isSafeRelativePath } from '../cache/entry-meta.js';
import { readOwnFile } from '../util/read-own-file.js';
import { exactIno, settledMs } from '../util/settled-stat.js';
import { writeStateFile } from '../util/state-file.js';
import { lstatIfAny } from '../util/stat-if-any.js';
import { linkOnTheWay } from './link-on-the-way.js';

/** Records beyond this many are dropped when the run did not look at them (files of long-gone packages). */
const MAX_RECORDS = 200_000;

/**
 * Raised whenever what a listing holds changes: 3 once repositories of their own were left out of walks, 4 once a
 * listing that met one (or a submodule) was no longer kept.
 */
const VERSION = 4;

/** dev, ino, size, mode, mtime, ctime (milliseconds, fractional), SHA-256 hex. */
type Row = [number, number, number, number, number, number, string];

/** A directory's path (relative to the source directory), dev, ino, mtime, ctime (milliseconds, fractional). */
type DirRow = [string, number, number, number, number];

/**
 * What a full check of a job's in-place outputs found when they were all in place: the artifact checked against
 * (the cache's name for it, see CacheHit's `artifact`), its output directories, and the files listed there (all
 * of them, in their listing's order) with the SHA-256, exec bit and size the artifact gives each; a file there that
 * the globs leave out has an empty SHA-256 (it is no output: only its name counts).
 */
export interface Verdict {
  artifact: string;
  bases: string[];
  files: [path: string, sha256: string, exec: 0 | 1, size: number][];
}

/**
 * What a walk of one output directory found: every directory in it (itself first) with its stat data, and the
 * paths of every file and symlink in them.
 */
interface Tree {
  dirs: DirRow[];
  entries: string[];
}

/**
 * The SHA-256 of in-place output files, by path, with the stat data they had when hashed: what git's index is to
 * its work tree, so that a fully cached run checks `dist/` by `lstat` instead of reading and hashing every byte.
 *
 * A record answers only for a file whose device, inode, size, mode, mtime and ctime are all what they were, and
 * only when it was made from stat data taken at least SETTLED_MS after the file last changed, so that no write
 * after it can leave the same stat data behind (what git calls "racily clean" is never recorded). Times are
 * Node's milliseconds (a double: a quarter of a microsecond apart at today's dates), not BigInt nanoseconds,
 * which cost a fully cached run of a thousand packages several milliseconds to make and compare: any write after
 * a record sets the ctime to a moment at least SETTLED_MS past the recorded one, far beyond that rounding.
 * The stat data is always taken before the bytes are read: a write in between makes a record that never matches.
 *
 * Beside the files, the listing of each output directory (`dist`) walked, with the stat data of every directory
 * in it: a directory's mtime and ctime move whenever a name in it is added, removed or renamed, so while every
 * directory's stat data is what was recorded (under the same settling rule), its names are the recorded ones, and
 * a check lstats the recorded files instead of reading directories.
 *
 * Beside those, what the last full check of each job's in-place outputs found when they were all in place (a
 * Verdict, by job ID): a later run with the same artifact that finds every listing and every file's record as they
 * were then knows the outputs are still in place without reading the artifact's manifest. One per job, however
 * many artifacts it had; no more of them than listings are kept (see flush).
 *
 * One file per source directory, read once, written once at the end of a run that made new records (written
 * beside and renamed over: concurrent runs each leave a whole file, and every record checks itself); a run that
 * found everything as recorded writes nothing.
 */
export class OutputStatRecords {
  readonly #file: string | undefined;
  #rows: Map<string, Row> | undefined;
  #trees: Map<string, Tree> | undefined;
  readonly #used = new Set<string>();
  readonly #usedTrees = new Set<string>();
  #verdicts: Map<string, Verdict> | undefined;
  readonly #usedVerdicts = new Set<string>();
  #changed = false;
  readonly #now: () => number;

  /**
   * Without a file, nothing is remembered and every file is hashed. `now` is the clock that stat data taken for
   * directory listings is dated by.
   */
  constructor(file: string | undefined, opts: { now?: () => number } = {}) {
    this.#file = file;
    this.#now = opts.now ?? Date.now;
  }

  /** Whether anything is remembered at all (else there is no point in collecting what to record). */
  get enabled(): boolean {
    return this.#file !== undefined;
  }

  /** When stat data taken now was taken, by the records' clock (milliseconds). */
  now(): number {
    return this.#now();
  }

  #load(): Map<string, Row> {
    if (this.#rows) return this.#rows;
    this.#rows = new Map();
    this.#trees = new Map();
    this.#verdicts = new Map();
    if (this.#file === undefined) return this.#rows;
    try {
      const text = readOwnFile(this.#file);
      if (text === undefined) return this.#rows;
      const data = JSON.parse(text) as {
        version?: unknown;
        files?: unknown;
        trees?: unknown;
        verdicts?: unknown;
      };
      if (data.version === VERSION && typeof data.files === 'object' && data.files !== null) {
        for (const [path, row] of Object.entries(data.files as Record<string, unknown>)) {
          if (isRow(row)) this.#rows.set(path, row);
        }
        // Absent from files written before listings were recorded: then every directory is read once more.
        if (typeof data.trees === 'object' && data.trees !== null) {
          for (const [base, tree] of Object.entries(data.trees as Record<string, unknown>)) {
            if (isTree(tree) && isWholeTree(base, tree)) this.#trees.set(base, tree);
          }
        }
        if (typeof data.verdicts === 'object' && data.verdicts !== null) {
          for (const [job, v] of Object.entries(data.verdicts as Record<string, unknown>)) {
            if (isVerdict(v)) this.#verdicts.set(job, v);
          }
        }
      }
    } catch {
      // None yet, or unreadable: every file is hashed once more, and recorded.
    }
    return this.#rows;
  }

  /**
   * The files and symlinks under `base` (relative to `root`), when every directory under it is as recorded:
   * each directory is lstat-ed, none read. Undefined when there is no record or anything differs.
   */
  listing(root: string, base: string): readonly string[] | undefined {
    if (this.#file === undefined) return undefined;
    this.#load();
    const tree = this.#trees!.get(base);
    if (tree === undefined) return undefined;
    this.#usedTrees.add(base);
    // An output that names a file (`out.txt`): while a file or a link stands there, nothing can be below it.
    if (tree.dirs.length === 0)
      return lstatIfAny(`${root}/${base}`)?.isDirectory() === false ? tree.entries : undefined;
    for (const d of tree.dirs) {
      let st: Stats | undefined;
      try {
        st = lstatSync(d[0] === '' ? root : `${root}/${d[0]}`, { throwIfNoEntry: false });
      } catch {
        return undefined;
      }
      if (
        st === undefined ||
        !st.isDirectory() ||
        !exactIno(st) ||
        st.mtimeMs !== d[3] ||
        st.ctimeMs !== d[4] ||
        st.ino !== d[2] ||
        st.dev !== d[1]
      )
        return undefined;
    }
    return tree.entries;
  }

  /**
   * Remembers the listing of `base`: its directories with their lstat (bigint, each taken before the directory
   * was read) and the files and symlinks found in them. Ignored unless every directory's stat data was taken, at
   * `statTakenAtMs`, well after its last change (see SETTLED_MS). A file (or link) at `base` itself is remembered
   * as the listing of itself alone, which holds whenever no directory stands there (see `listing`).
   */
  recordListing(
    base: string,
    dirs: readonly (readonly [string, Stats])[],
    entries: readonly string[],
    statTakenAtMs: number,
  ): void {
    if (this.#file === undefined) return;
    if (dirs.length === 0 && !(entries.length === 1 && entries[0] === base)) return;
    for (const [, st] of dirs) if (!settledMs(st, statTakenAtMs) || !exactIno(st)) return;
    this.#load();
    const tree: Tree = {
      dirs: dirs.map(([rel, st]) => [rel, st.dev, st.ino, st.mtimeMs, st.ctimeMs]),
      entries: [...entries],
    };
    this.#usedTrees.add(base);
    const old = this.#trees!.get(base);
    if (old !== undefined && sameTree(old, tree)) return;
    this.#trees!.set(base, tree);
    this.#changed = true;
  }

  /** The recorded SHA-256 of the file at `path` when `st` (its lstat) is exactly what was recorded. */
  digestOf(path: string, st: Stats): string | undefined {
    if (this.#file === undefined) return undefined;
    const row = this.#load().get(path);
    if (row === undefined || !exactIno(st)) return undefined;
    this.#used.add(path);
    return row[0] === st.dev &&
      row[1] === st.ino &&
      row[2] === st.size &&
      row[3] === st.mode &&
      row[4] === st.mtimeMs &&
      row[5] === st.ctimeMs
      ? row[6]
      : undefined;
  }

  /**
   * Remembers that the file at `path`, with stat data `st` taken at `statTakenAtMs` (before its bytes were
   * read), hashes to `sha256`; ignored when the file had changed too shortly before.
   */
  record(path: string, st: Stats, sha256: string, statTakenAtMs: number): void {
    if (this.#file === undefined) return;
    if (!settledMs(st, statTakenAtMs) || !exactIno(st)) return;
    const rows = this.#load();
    const row = statRow(st, sha256);
    const old = rows.get(path);
    this.#used.add(path);
    if (old !== undefined && old.every((x, i) => x === row[i])) return;
    rows.set(path, row);
    this.#changed = true;
  }

  /** What the last full check of `job` (its ID)'s in-place outputs found, if against the artifact named `artifact`. */
  verdict(job: string, artifact: string): Verdict | undefined {
    if (this.#file === undefined) return undefined;
    this.#load();
    const v = this.#verdicts!.get(job);
    if (v === undefined || v.artifact !== artifact) return undefined;
    this.#usedVerdicts.add(job);
    return v;
  }

  /** Remembers what a full check of `job`'s in-place outputs found (in place for the verdict's artifact). */
  recordVerdict(job: string, verdict: Verdict): void {
    if (this.#file === undefined) return;
    this.#load();
    this.#usedVerdicts.add(job);
    const old = this.#verdicts!.get(job);
    if (old !== undefined && isDeepStrictEqual(old, verdict)) return;
    this.#verdicts!.set(job, verdict);
    this.#changed = true;
  }

  /** Writes the records when this run made new ones; never fails a run. */
  flush(): void {
    if (this.#file === undefined || !this.#changed || !this.#rows) return;
    this.#changed = false;
    // Objects made from entries, never assigned into: a path or ID `__proto__` stays a key like any other.
    const kept = <T>(all: Map<string, T>, used: ReadonlySet<string>, max: number): Record<string, T> =>
      Object.fromEntries(all.size <= max ? all : [...all].filter(([k]) => used.has(k)));
    const files = kept(this.#rows, this.#used, MAX_RECORDS);
    const trees = kept(this.#trees!, this.#usedTrees, MAX_RECORDS / 10);
    // Each verdict stands on the listing of its first output directory: more of them than listings are those of
    // jobs gone from the graph (or whose IDs change from run to run), and only this run's are kept then.
    const verdicts = kept(this.#verdicts!, this.#usedVerdicts, Object.keys(trees).length);
    writeStateFile(this.#file, JSON.stringify({ version: VERSION, files, trees, verdicts }));
  }
}

/**
 * Whether a verdict read from the file hangs together: plain relative paths, every file inside one of its output
 * directories. A verdict decides where files are written when its directories are gone (see fromVerdict), so one
 * that does not is dropped, as a damaged listing is.
 */
function isVerdict(x: unknown): x is Verdict {
  if (typeof x !== 'object' || x === null) return false;
  const { artifact, bases, files } = x as { artifact?: unknown; bases?: unknown; files?: unknown };
  if (typeof artifact !== 'string' || !Array.isArray(bases) || bases.length === 0 || !Array.isArray(files))
    return false;
  if (!bases.every((b) => typeof b === 'string' && isSafeRelativePath(b))) return false;
  const inBase = (p: string): boolean => (bases as string[]).some((b) => p === b || p.startsWith(`${b}/`));
  return files.every(
    (f) =>
      Array.isArray(f) &&
      f.length === 4 &&
      typeof f[0] === 'string' &&
      isSafeRelativePath(f[0]) &&
      inBase(f[0]) &&
      typeof f[1] === 'string' &&
      (f[2] === 0 || f[2] === 1) &&
      Number.isSafeInteger(f[3]) &&
      f[3] >= 0,
  );
}

function isTree(x: unknown): x is Tree {
  if (typeof x !== 'object' || x === null) return false;
  const { dirs, entries } = x as { dirs?: unknown; entries?: unknown };
  return (
    Array.isArray(dirs) &&
    dirs.every(
      (d) => Array.isArray(d) && d.length === 5 && typeof d[0] === 'string' && numbersFrom(d, 1, 5),
    ) &&
    Array.isArray(entries) &&
    entries.every((e) => typeof e === 'string')
  );
}

/**
 * Whether a listing hangs together as a walk of `base` makes it: `base` first, and every other directory and
 * every entry inside a listed directory. One that does not is damaged (and could hide files that must be seen,
 * an extra file in `dist`): the directory is read again. A whole subdirectory left out cannot be told from here
 * (directories' names are not kept); whoever could write that is kept out by the file's owner check.
 */
function isWholeTree(base: string, tree: Tree): boolean {
  if (tree.dirs.length === 0) return tree.entries.length === 1 && tree.entries[0] === base;
  if (tree.dirs[0]![0] !== base) return false;
  const dirs = new Set<string>();
  const inside = (path: string): boolean => {
    const slash = path.lastIndexOf('/');
    return dirs.has(slash < 0 ? '' : path.slice(0, slash));
  };
  for (const [i, d] of tree.dirs.entries()) {
    if (i > 0 && !inside(d[0])) return false;
    dirs.add(d[0]);
  }
  return tree.entries.every(inside);
}

function sameTree(a: Tree, b: Tree): boolean {
  return (
    a.dirs.length === b.dirs.length &&
    a.entries.length === b.entries.length &&
    a.dirs.every((d, i) => d.every((v, j) => v === b.dirs[i]![j])) &&
    a.entries.every((e, i) => e === b.entries[i])
  );
}

function numbersFrom(a: unknown[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (typeof a[i] !== 'number') return false;
  return true;
}

function isRow(x: unknown): x is Row {
  return Array.isArray(x) && x.length === 7 && numbersFrom(x, 0, 6) && typeof x[6] === 'string';
}

/** A verdict's output files (not the names it lists beside them), each once however many of its bases list it. */
export function verdictOutputs(verdict: Verdict): Verdict['files'] {
  const seen = new Set<string>();
  return verdict.files.filter(([rel, sha256]) => sha256 !== '' && !seen.has(rel) && seen.add(rel));
}

function statRow(st: Stats, sha256: string): Row {
  return [st.dev, st.ino, st.size, st.mode, st.mtimeMs, st.ctimeMs, sha256];
}

/**
 * What became of the in-place outputs a verdict describes, reading no file and no directory:
 * - 'in-place': every output directory is reached through real directories and its listing is as recorded (so it
 *   holds the same names), and every file in it is the verdict's by its recorded stat data (same bytes, same exec
 *   bit);
 * - 'gone': every output directory is gone, with real directories (or none) on the way: the verdict's files are
 *   what a restore writes there;
 * - 'changed': anything else, which only a full check can tell.
 */
export function verdictNow(
  sourceDir: string,
  verdict: Verdict,
  records: OutputStatRecords,
): 'in-place' | 'gone' | 'changed' {
  const real = new Set<string>();
  let gone = 0;
  let i = 0;
  for (const base of verdict.bases) {
    if (linkOnTheWay(sourceDir, base, real) !== undefined) return 'changed';
    const listed = records.listing(sourceDir, base);
    if (listed === undefined) {
      if (lstatSync(`${sourceDir}/${base}`, { throwIfNoEntry: false }) !== undefined) return 'changed';
      gone++;
      continue;
    }
    for (const rel of listed) {
      const f = verdict.files[i++];
      if (f === undefined || f[0] !== rel) return 'changed';
      if (f[1] === '') continue;
      // Spelled out, not joined: a listed path is plain (see statListed).
      const st = lstatSync(`${sourceDir}/${rel}`, { throwIfNoEntry: false });
      if (st === undefined || !st.isFile() || (st.mode & 0o100 ? 1 : 0) !== f[2]) return 'changed';
      if (records.digestOf(rel, st) !== f[1]) return 'changed';
    }
  }
  if (gone === verdict.bases.length) return 'gone';
  return gone === 0 && i === verdict.files.length ? 'in-place' : 'changed';
}
