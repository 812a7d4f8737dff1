/**
 * Restoring in-place outputs straight from a cache entry's stored files into the work tree, and checking that
 * the work tree holds them already, in one pass over each job's output directories.
 *
 * Deals with: which files differ (stat data first, see output-stat-records.ts; the bytes only when it cannot
 * tell), writing each differing file beside its place from bytes read once from the cache and checked against
 * the manifest, renaming it over its place, and removing files the globs match that the artifact lacks.
 * Does not deal with: artifacts holding anything but in-place files and directories (symlinks, files outside
 * `.in-place/`): the caller restores those through the cache's own verified restore (in-place.ts).
 */
import { lstatSync, readFileSync, readlinkSync, rmSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ManifestEntry } from '../cache/cache.js';
import { isSafeRelativePath } from '../cache/entry-meta.js';
import { sha256 } from '../cache/manifest.js';
import { type PlaceFile, placeFiles } from '../cache/place-files.js';
import type { Result } from '../util/result.js';
import { inWritableDir } from '../util/writable-dir.js';
import {
  emptyDirectories,
  IN_PLACE_DIR,
  inNestedRepository,
  isPlacementTemp,
  makeEmptyDirs,
  notAnOutput,
  notOnlyOutputs,
  type OutputGlobs,
  presentOutputs,
  removeLeftovers,
  throughLink,
} from './in-place.js';
import { linkOnTheWay } from './link-on-the-way.js';
import type { OutputStatRecords, Verdict } from './output-stat-records.js';
import type { WorkerPool } from './worker-pool.js';

const PREFIX = `${IN_PLACE_DIR}/`;

/** An artifact in a cache that keeps its files as files: its manifest, and where each listed file is stored. */
export interface StoredArtifact {
  entries: readonly ManifestEntry[];
  storedFile(path: string): string;
  /** Puts stored files in their places (placeFiles), maybe on another thread; here, in this one, without it. */
  place?(files: readonly PlaceFile[]): Promise<Result<void, string>>;
  /**
   * Where what a check finds is remembered (OutputStatRecords' Verdict): the job's ID, and the cache's name for
   * the artifact (CacheHit's `artifact`). Absent: it is not.
   */
  remember?: { job: string; artifact: string };
}

export type InPlaceRestore =
  /** The work tree held the outputs already; nothing was written. */
  | { kind: 'unchanged' }
  | { kind: 'restored'; written: number; removed: number }
  /**
   * Not for this path (see above): nothing was written. Or a stored file that does not match its manifest: the
   * files written before it are the artifact's, checked, and the caller restores the whole artifact another way.
   */
  | { kind: 'not-here'; message: string };

/**
 * Makes the work tree's in-place outputs for `globs` exactly the artifact's: same files, exec bits and bytes.
 * A file whose stat data or bytes say it is the artifact's already is not touched. Each stored file is checked
 * against its size, exec bit and SHA-256 as it is written, before it takes its place. Throws on I/O trouble (a
 * full disk, a file where a directory must go).
 */
export async function restoreInPlace(
  sourceDir: string,
  globs: OutputGlobs,
  artifact: StoredArtifact,
  records: OutputStatRecords,
  protect: (path: string) => boolean,
  sources: (path: string) => boolean,
  writers?: WorkerPool,
): Promise<InPlaceRestore> {
  const want = wantedFiles(artifact.entries, globs);
  const dirs = want && wantedDirs(artifact.entries, globs);
  if (want === undefined || dirs === undefined)
    return { kind: 'not-here', message: 'the artifact holds more than in-place files' };
  const statTakenAt = records.now();
  const leftovers: string[] = [];
  const present = presentOutputs(sourceDir, globs, records, leftovers);
  // A killed run's temps, but a source of that name (see presentOutputs).
  if (leftovers.length > 0) removeLeftovers(sourceDir, leftovers, protect);
  const stale: [string, ManifestEntry][] = [];
  const nested = new Map<string, boolean>();
  let allSame = true;
  for (const [rel, e] of want) {
    const st = present.get(rel);
    if (st !== undefined && sameFile(sourceDir, rel, st, e, records, statTakenAt)) continue;
    allSame = false;
    // A source is never written over: it stays as it is (see notAnOutput), as does a file of a repository of its
    // own. Asked only of a file to write, so that a checkout holding its outputs already never lists what git
    // tracks.
    if (!sources(rel) && !inNestedRepository(sourceDir, rel, globs, nested)) stale.push([rel, e]);
  }
  // Each file's bytes are read from the cache once, checked, and those bytes written: a damaged entry stops
  // the restore at its first bad file, and the cache's own restore (which the caller falls back on) says what is
  // wrong with it and moves it aside. Files written before it are the artifact's, checked: nothing half-written.
  if (stale.length > 0) {
    const real = new Set<string>();
    for (const [rel] of stale) {
      const link = linkOnTheWay(sourceDir, rel, real);
      if (link !== undefined) return { kind: 'not-here', message: throughLink(rel, link) };
      // A directory where the file goes is replaced only when all it holds are the job's outputs (as placeOutputs
      // does): a file of the user's in it, tracked or not, is never removed with it.
      const foreign = lstatSync(join(sourceDir, rel), { throwIfNoEntry: false })?.isDirectory()
        ? notOnlyOutputs(sourceDir, rel, globs, protect)
        : undefined;
      if (foreign !== undefined) return { kind: 'not-here', message: foreign };
    }
    const files = stale.map(([rel, e]): PlaceFile => ({
      path: e.path,
      stored: artifact.storedFile(e.path),
      to: join(sourceDir, rel),
      size: e.size,
      mode: e.mode,
      sha256: e.sha256,
    }));
    const placed = await placeStored(files, artifact.place, writers);
    if (!placed.ok) return { kind: 'not-here', message: `${placed.error} does not match the manifest` };
  }
  let removed = 0;
  for (const rel of present.keys()) {
    if (want.has(rel) || protect(rel)) continue;
    const path = join(sourceDir, rel);
    try {
      inWritableDir(dirname(path), () => rmSync(path, { force: true }));
      removed++;
    } catch (e) {
      // Gone with a stale tree that a file of the artifact replaced (ENOTDIR); else it stays, and the job is not
      // restored here.
      if ((e as NodeJS.ErrnoException).code !== 'ENOTDIR')
        return { kind: 'not-here', message: `${rel} cannot be removed: ${(e as Error).message}` };
    }
  }
  // After the stale files went: one may stand where the artifact has an empty directory.
  const made = makeEmptyDirs(sourceDir, dirs, globs);
  if (typeof made === 'string') return { kind: 'not-here', message: made };
  if (stale.length === 0 && removed === 0 && made === 0) {
    const { remember } = artifact;
    const { bases } = globs;
    if (allSame && remember && bases.length > 0 && dirs.length === 0 && present.size === want.size) {
      const files = verdictFiles(sourceDir, globs, want, present, records);
      if (files !== undefined)
        records.recordVerdict(remember.job, { artifact: remember.artifact, bases: [...bases], files });
    }
    return { kind: 'unchanged' };
  }
  return { kind: 'restored', written: stale.length + made, removed };
}

/** The files of a verdict (`[path, sha256, exec, size]`, outputs only), as placeStored writes them under `sourceDir`. */
export function verdictPlacement(
  sourceDir: string,
  files: Verdict['files'],
  storedFile: (path: string) => string,
): PlaceFile[] {
  return files.map(([rel, sha256, exec, size]) => {
    const path = `${IN_PLACE_DIR}/${rel}`;
    return {
      path,
      stored: storedFile(path),
      to: join(sourceDir, rel),
      size,
      mode: exec ? 0o755 : 0o644,
      sha256,
    };
  });
}

/**
 * Puts stored files in their places: where the cache can, on its helper thread as well as this one (a thousand
 * restores use both cores); here otherwise, a few jobs at a time (`writers`), so that a thousand jobs restoring at
 * once do not hold a thousand files in memory.
 */
export function placeStored(
  files: readonly PlaceFile[],
  place: StoredArtifact['place'],
  writers: WorkerPool | undefined,
): Promise<Result<void, string>> {
  const run = (): Promise<Result<void, string>> => (place ?? placeFiles)(files);
  return place || !writers ? run() : writers.run(0, run);
}

/**
 * What a check that found every in-place output of an artifact in place (and nothing else the globs match) may
 * leave for the next run: undefined unless the records vouch for every output directory's listing, which must hold
 * the artifact's files and, besides, only files the globs leave out (`!.next/cache/**`), and for each output's
 * bytes by its stat data. A file left out is kept by its name alone (an empty SHA-256): it is no output, whatever
 * it holds, but a listing without it is another. An artifact with empty directories is checked in full every time.
 */
function verdictFiles(
  sourceDir: string,
  globs: OutputGlobs,
  want: ReadonlyMap<string, ManifestEntry>,
  present: ReadonlyMap<string, Stats>,
  records: OutputStatRecords,
): Verdict['files'] | undefined {
  const files: Verdict['files'] = [];
  // Counted once where bases overlap (`dist/**` and `dist/types/**`), listed under each as verdictNow reads them.
  const outputs = new Set<string>();
  for (const base of globs.bases) {
    const listed = records.listing(sourceDir, base);
    if (listed === undefined) return undefined;
    for (const rel of listed) {
      const e = want.get(rel);
      if (e === undefined) {
        // A placement's temp is for a full check to judge (a dead one is removed).
        if (globs.matches(rel) || isPlacementTemp(rel)) return undefined;
        files.push([rel, '', 0, 0]);
        continue;
      }
      const st = present.get(rel);
      if (st === undefined || records.digestOf(rel, st) !== e.sha256) return undefined;
      files.push([rel, e.sha256, e.mode & 0o100 ? 1 : 0, e.size]);
      outputs.add(rel);
    }
  }
  return outputs.size === want.size ? files : undefined;
}

/**
 * Whether the checkout holds exactly an artifact's in-place outputs already (same files, types, exec bits and
 * SHA-256s as its manifest, and no other file the globs match), reading only what stat data cannot vouch for.
 * False when the artifact holds anything besides in-place outputs, which only a restore provides.
 */
export function outputsInPlace(
  sourceDir: string,
  globs: OutputGlobs,
  entries: readonly ManifestEntry[],
  records: OutputStatRecords,
  othersOwn: (path: string) => boolean = () => false,
): boolean {
  const want = wantedEntries(entries);
  if (want === undefined) return false;
  // A missing one is not in place; anything standing there, or in a repository of its own, a restore leaves.
  const nested = new Map<string, boolean>();
  for (const dir of emptyInPlaceDirs(entries)) {
    if (standsThere(join(sourceDir, dir))) continue;
    if (!inNestedRepository(sourceDir, dir, globs, nested)) return false;
  }
  const statTakenAt = Date.now();
  const present = presentOutputs(sourceDir, globs, records);
  let found = 0;
  for (const [rel, st] of present) {
    const e = want.get(rel);
    if (e === undefined) {
      // Another job's output (see later-owners.ts) is not this job's to count.
      if (othersOwn(rel)) continue;
      return false;
    }
    found++;
    if (e.type === 'symlink') {
      if (!st.isSymbolicLink() || readlinkText(join(sourceDir, rel)) !== e.target) return false;
    } else if (!sameFile(sourceDir, rel, st, e, records, statTakenAt)) return false;
  }
  return found === want.size;
}

/** The work-tree paths of an artifact's in-place files and symlinks. */
export function inPlacePaths(entries: readonly ManifestEntry[]): ReadonlySet<string> {
  return new Set(wantedEntries(entries)?.keys());
}

/** The artifact's in-place files and symlinks by work-tree path; undefined when it holds anything else. */
function wantedEntries(entries: readonly ManifestEntry[]): Map<string, ManifestEntry> | undefined {
  const want = new Map<string, ManifestEntry>();
  for (const e of entries) {
    if (e.path === IN_PLACE_DIR) continue;
    if (!e.path.startsWith(PREFIX)) return undefined;
    if (e.type !== 'dir') want.set(e.path.slice(PREFIX.length), e);
  }
  return want;
}

/**
 * As wantedEntries, and undefined when any is not a plain file at a plain path that could be the job's output (see
 * notAnOutput: the manifest is read as the cache gives it, and its paths decide where files are written in the
 * checkout).
 */
function wantedFiles(
  entries: readonly ManifestEntry[],
  globs: OutputGlobs,
): Map<string, ManifestEntry> | undefined {
  const want = wantedEntries(entries);
  if (want === undefined) return undefined;
  for (const [rel, e] of want) {
    if (e.type !== 'file' || !isSafeRelativePath(rel)) return undefined;
    if (notAnOutput(rel, globs) !== undefined) return undefined;
    if (!Number.isSafeInteger(e.size) || e.size < 0 || typeof e.sha256 !== 'string') return undefined;
  }
  return want;
}

/** Whether anything is at `path`, or a file on the way to it (ENOTDIR). */
function standsThere(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOTDIR';
  }
}

/**
 * The directories the artifact's in-place tree holds empty, by work-tree path: taken from the whole manifest (an
 * in-place tree is all an in-place artifact holds, see wantedEntries), without a copy of its entries per check.
 */
function emptyInPlaceDirs(entries: readonly ManifestEntry[]): string[] {
  return emptyDirectories(entries)
    .filter((p) => p.startsWith(PREFIX))
    .map((p) => p.slice(PREFIX.length));
}

/**
 * The directories the artifact holds empty (see captureOutputs), by work-tree path; undefined when any is not at a
 * plain path the globs match (see notAnOutput).
 */
function wantedDirs(entries: readonly ManifestEntry[], globs: OutputGlobs): string[] | undefined {
  const dirs = emptyInPlaceDirs(entries);
  return dirs.every((d) => isSafeRelativePath(d) && notAnOutput(d, globs) === undefined) ? dirs : undefined;
}

/** A regular file of the entry's size, exec bit and SHA-256: from the stat records, else hashed and recorded. */
function sameFile(
  sourceDir: string,
  rel: string,
  st: Stats,
  e: ManifestEntry,
  records: OutputStatRecords,
  statTakenAt: number,
): boolean {
  if (!st.isFile() || st.size !== e.size) return false;
  if ((st.mode & 0o100 ? 0o755 : 0o644) !== e.mode) return false;
  let digest = records.digestOf(rel, st);
  if (digest === undefined) {
    try {
      digest = sha256(readFileSync(join(sourceDir, rel)));
    } catch {
      return false;
    }
    records.record(rel, st, digest, statTakenAt);
  }
  return digest === e.sha256;
}

function readlinkText(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}
