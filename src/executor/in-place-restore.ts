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
import { createHash } from 'node:crypto';
import {
  type BigIntStats,
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readlinkSync,
  rmSync,
} from 'node:fs';
import * as fs from 'node:fs';
import { chmod, copyFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ManifestEntry } from '../cache/cache.js';
import { isSafeRelativePath } from '../cache/entry-meta.js';
import { IN_PLACE_DIR, type OutputGlobs, presentOutputs } from './in-place.js';
import type { OutputStatRecords } from './output-stat-records.js';
import type { WorkerPool } from './worker-pool.js';

const PREFIX = `${IN_PLACE_DIR}/`;

/** An artifact in a cache that keeps its files as files: its manifest, and where each listed file is stored. */
export interface StoredArtifact {
  entries: readonly ManifestEntry[];
  storedFile(path: string): string;
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
  writers?: WorkerPool,
): Promise<InPlaceRestore> {
  const want = wantedFiles(artifact.entries, globs);
  if (want === undefined) return { kind: 'not-here', message: 'the artifact holds more than in-place files' };
  const statTakenAt = Date.now();
  const present = presentOutputs(sourceDir, globs, records);
  const stale: [string, ManifestEntry][] = [];
  for (const [rel, e] of want) {
    const st = present.get(rel);
    if (st === undefined || !sameFile(sourceDir, rel, st, e, records, statTakenAt)) stale.push([rel, e]);
  }
  // Each file's bytes are read from the cache once, checked, and those bytes written: a damaged entry stops
  // the restore at its first bad file, and the cache's own restore (which the caller falls back on) says what is
  // wrong with it and moves it aside. Files written before it are the artifact's, checked: nothing half-written.
  if (stale.length > 0) {
    // The reads and writes run on the thread pool, a few jobs at a time: the kernel's copying overlaps the
    // hashing here, and a thousand jobs restoring at once do not hold a thousand files in memory.
    const write = (): Promise<string | undefined> => writeStale(sourceDir, stale, artifact);
    const bad = await (writers ? writers.run(0, write) : write());
    if (bad !== undefined) return { kind: 'not-here', message: `${bad} does not match the manifest` };
  }
  let removed = 0;
  for (const rel of present.keys()) {
    if (want.has(rel) || protect(rel)) continue;
    try {
      rmSync(join(sourceDir, rel), { force: true });
      removed++;
    } catch {
      // Gone with a stale tree that a file of the artifact replaced (ENOTDIR).
    }
  }
  if (stale.length === 0 && removed === 0) return { kind: 'unchanged' };
  return { kind: 'restored', written: stale.length, removed };
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
): boolean {
  const want = wantedEntries(entries);
  if (want === undefined) return false;
  const statTakenAt = Date.now();
  const present = presentOutputs(sourceDir, globs, records);
  if (present.size !== want.size) return false;
  for (const [rel, st] of present) {
    const e = want.get(rel);
    if (e === undefined) return false;
    if (e.type === 'symlink') {
      if (!st.isSymbolicLink() || readlinkText(join(sourceDir, rel)) !== e.target) return false;
    } else if (!sameFile(sourceDir, rel, st, e, records, statTakenAt)) return false;
  }
  return true;
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
 * As wantedEntries, and undefined when any is not a plain file at a plain path that the job's globs match (the
 * manifest is read as the cache gives it: its paths decide where files are written in the checkout).
 */
function wantedFiles(
  entries: readonly ManifestEntry[],
  globs: OutputGlobs,
): Map<string, ManifestEntry> | undefined {
  const want = wantedEntries(entries);
  if (want === undefined) return undefined;
  for (const [rel, e] of want) {
    if (e.type !== 'file' || !isSafeRelativePath(rel) || !globs.matches(rel)) return undefined;
    if (!Number.isSafeInteger(e.size) || e.size < 0 || typeof e.sha256 !== 'string') return undefined;
  }
  return want;
}

/** A regular file of the entry's size, exec bit and SHA-256: from the stat records, else hashed and recorded. */
function sameFile(
  sourceDir: string,
  rel: string,
  st: BigIntStats,
  e: ManifestEntry,
  records: OutputStatRecords,
  statTakenAt: number,
): boolean {
  if (!st.isFile() || st.size !== BigInt(e.size)) return false;
  if ((st.mode & 0o100n ? 0o755 : 0o644) !== e.mode) return false;
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

/** Files up to this size are read whole, hashed from memory and written from the same bytes. */
const IN_MEMORY_LIMIT = 8 * 1024 * 1024;
/** Files up to this size are read and written with synchronous calls (see writeVerified). */
const SYNC_LIMIT = 256 * 1024;
const syncBuffer = Buffer.allocUnsafeSlow(SYNC_LIMIT);

let temps = 0;

/** Writes the stale files, in order; the manifest path of the first whose stored bytes are not the entry's. */
async function writeStale(
  sourceDir: string,
  stale: readonly [string, ManifestEntry][],
  artifact: StoredArtifact,
): Promise<string | undefined> {
  const made = new Set<string>();
  for (const [rel, e] of stale) {
    const to = join(sourceDir, rel);
    const parent = dirname(to);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    if (!(await writeVerified(artifact.storedFile(e.path), e, to))) return e.path;
  }
  return undefined;
}

/**
 * Writes the stored file beside `to`, checked against the entry, and renames it over `to` (a directory in the
 * way, a stale tree, goes first). False, with nothing left behind, when the stored file is not the entry's.
 */
async function writeVerified(stored: string, e: ManifestEntry, to: string): Promise<boolean> {
  const mode = e.mode & 0o100 ? 0o755 : 0o644;
  const temp = `${to}.disbuild-${process.pid}-${temps++}`;
  try {
    if (e.size <= SYNC_LIMIT) {
      // A small file costs more in thread-pool round trips (open, fstat, read, close, open, write, close) than
      // in the calls themselves: done in place, on this thread, from a buffer that is never pooled out.
      const bytes = readStoredSync(stored, e, syncBuffer);
      if (bytes === undefined || sha256(bytes) !== e.sha256) return false;
      writeNewSync(temp, bytes, mode);
    } else if (e.size <= IN_MEMORY_LIMIT) {
      const buffer = takeBuffer(e.size);
      try {
        const bytes = await readStored(stored, e, buffer);
        if (bytes === undefined || sha256(bytes) !== e.sha256) return false;
        await writeNew(temp, bytes, mode);
      } finally {
        giveBuffer(buffer);
      }
    } else {
      // A kernel copy (a clone where the file system can), read back and hashed before it takes its place.
      const st = lstatSync(stored, { throwIfNoEntry: false });
      if (!st?.isFile() || st.size !== e.size || (st.mode & 0o100) !== (e.mode & 0o100)) return false;
      await copyFile(stored, temp, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
      await chmod(temp, mode);
      if (lstatSync(temp).size !== e.size || fileSha256(temp) !== e.sha256) {
        rmSync(temp, { force: true });
        return false;
      }
    }
    try {
      await rename(temp, to);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EISDIR' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
      rmSync(to, { recursive: true, force: true });
      await rename(temp, to);
    }
    return true;
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/**
 * Read buffers are reused from file to file: a thousand fresh 80 KB buffers cost a restore more in garbage
 * collection than the copying itself. A buffer goes back only once every read and write into it has ended.
 */
const POOLED_BYTES = 1 << 20;
const spareBuffers: Buffer[] = [];

function takeBuffer(size: number): Buffer {
  if (size > POOLED_BYTES) return Buffer.allocUnsafe(size);
  return spareBuffers.pop() ?? Buffer.allocUnsafeSlow(POOLED_BYTES);
}

function giveBuffer(buffer: Buffer): void {
  if (buffer.length === POOLED_BYTES && spareBuffers.length < 16) spareBuffers.push(buffer);
}

/**
 * A stored file's bytes (in `buffer`), or undefined when it is not the regular file of the listed size and exec
 * bit (a tampered entry is damaged even where the written copy would come out right): open, fstat, read, close,
 * on plain descriptors (a FileHandle per file costs more than the reads).
 */
async function readStored(path: string, e: ManifestEntry, buffer: Buffer): Promise<Buffer | undefined> {
  let fd: number;
  try {
    fd = await call<number>((cb) => fs.open(path, 'r', cb));
  } catch {
    return undefined;
  }
  try {
    const st = await call<fs.Stats>((cb) => fs.fstat(fd, cb));
    if (!st.isFile() || st.size !== e.size || (st.mode & 0o100) !== (e.mode & 0o100)) return undefined;
    let at = 0;
    while (at < e.size) {
      const n = await call<number>((cb) => fs.read(fd, buffer, at, e.size - at, at, cb));
      if (n === 0) return undefined;
      at += n;
    }
    return buffer.subarray(0, e.size);
  } finally {
    await call<void>((cb) => fs.close(fd, cb));
  }
}

/** As readStored, with synchronous calls. */
function readStoredSync(path: string, e: ManifestEntry, buffer: Buffer): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size !== e.size || (st.mode & 0o100) !== (e.mode & 0o100)) return undefined;
    let at = 0;
    while (at < e.size) {
      const n = readSync(fd, buffer, at, e.size - at, at);
      if (n === 0) return undefined;
      at += n;
    }
    return buffer.subarray(0, e.size);
  } finally {
    closeSync(fd);
  }
}

/** As writeNew, with synchronous calls. */
function writeNewSync(path: string, bytes: Buffer, mode: number): void {
  const fd = openSync(path, 'wx', mode);
  try {
    let at = 0;
    while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at);
  } finally {
    closeSync(fd);
  }
}

/** Creates `path` (it must not exist) with `bytes` and `mode`. */
async function writeNew(path: string, bytes: Buffer, mode: number): Promise<void> {
  const fd = await call<number>((cb) => fs.open(path, 'wx', mode, cb));
  try {
    let at = 0;
    while (at < bytes.length) {
      at += await call<number>((cb) => fs.write(fd, bytes, at, bytes.length - at, null, cb));
    }
  } finally {
    await call<void>((cb) => fs.close(fd, cb));
  }
}

/** A callback-style fs call as a promise. */
function call<T>(start: (cb: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value))));
}

function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function readlinkText(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
