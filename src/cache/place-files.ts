/**
 * Stored files put in their places, each checked as it is written: read once from where a cache keeps it, checked
 * against its size, exec bit and SHA-256, written beside its place and renamed over it. In-place outputs go into
 * the checkout this way (executor/in-place-restore.ts), on whichever thread has time (restore-helper.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, lstatSync, mkdirSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import * as fs from 'node:fs';
import { chmod, copyFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';

/** One file to place: its manifest path (named when it does not match), where it is stored, where it goes. */
export interface PlaceFile {
  path: string;
  stored: string;
  to: string;
  size: number;
  /** The manifest's mode: only its exec bit counts. */
  mode: number;
  sha256: string;
}

/** Files up to this size are read whole, hashed from memory and written from the same bytes. */
const IN_MEMORY_LIMIT = 8 * 1024 * 1024;
/** Files up to this size are read and written with synchronous calls (see writeVerified). */
const SYNC_LIMIT = 256 * 1024;
const syncBuffer = Buffer.allocUnsafeSlow(SYNC_LIMIT);

/**
 * Temp names are unique to this thread as well as this process: both threads of a run place files, and two jobs
 * whose outputs overlap may place the same path.
 */
const tempPrefix = `disbuild-${process.pid}-${randomBytes(4).toString('hex')}`;
let temps = 0;

/**
 * Writes each stored file at its place (`to`), checked against its entry as it is written, in order; the manifest
 * path of the first whose stored bytes are not the entry's. Parent directories are made as needed.
 */
export async function placeFiles(files: readonly PlaceFile[]): Promise<Result<void, string>> {
  const made = new Set<string>();
  for (const f of files) {
    const parent = dirname(f.to);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    if (!(await writeVerified(f))) return err(f.path);
  }
  return ok(undefined);
}

/**
 * Removes what placements of `files` that never ended left beside their places (a helper thread that died while
 * writing one): temp files of any thread and process, named `<place>.disbuild-…`.
 */
export function removePlacementLeftovers(files: readonly PlaceFile[]): void {
  for (const f of files) {
    const prefix = `${basename(f.to)}.disbuild-`;
    let names: string[];
    try {
      names = readdirSync(dirname(f.to));
    } catch {
      continue;
    }
    for (const name of names) if (name.startsWith(prefix)) rmSync(join(dirname(f.to), name), { force: true });
  }
}

/**
 * Writes the stored file beside `to`, checked against the entry, and renames it over `to` (a directory in the
 * way, a stale tree, goes first). False, with nothing left behind, when the stored file is not the entry's.
 */
async function writeVerified(e: PlaceFile): Promise<boolean> {
  const { stored, to } = e;
  const mode = e.mode & 0o100 ? 0o755 : 0o644;
  const temp = `${to}.${tempPrefix}-${temps++}`;
  try {
    if (e.size <= SYNC_LIMIT) {
      // A small file costs more in thread-pool round trips (open, fstat, read, close, open, write, close) than
      // in the calls themselves: done in place, on this thread, from a buffer that is never pooled out.
      const bytes = readStoredSync(stored, e, syncBuffer);
      if (bytes === undefined || sha256(bytes) !== e.sha256) return false;
      writeNewSync(temp, bytes, mode);
    } else {
      const release = await bigFileSlot();
      try {
        if (!(await placeBig(e, temp, mode))) return false;
      } finally {
        release();
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
 * Files past SYNC_LIMIT placed at once on one thread. A run asks for all its placements in one stretch, and this
 * thread takes up one per turn of its event loop without waiting for the one before (see restore-helper.ts): each
 * of these holds up to IN_MEMORY_LIMIT bytes until it is written, and a thousand of them must not all at once.
 */
const BIG_FILES_AT_ONCE = 4;
let bigFiles = 0;
const waitingForBig: (() => void)[] = [];

async function bigFileSlot(): Promise<() => void> {
  if (bigFiles >= BIG_FILES_AT_ONCE) await new Promise<void>((resolve) => waitingForBig.push(resolve));
  else bigFiles++;
  return () => {
    const next = waitingForBig.shift();
    if (next) next();
    else bigFiles--;
  };
}

/** writeVerified's part for a file past SYNC_LIMIT: the checked copy at `temp`, or false (nothing left there). */
async function placeBig(e: PlaceFile, temp: string, mode: number): Promise<boolean> {
  const { stored } = e;
  if (e.size <= IN_MEMORY_LIMIT) {
    const buffer = takeBuffer(e.size);
    try {
      const bytes = await readStored(stored, e, buffer);
      if (bytes === undefined || sha256(bytes) !== e.sha256) return false;
      await writeNew(temp, bytes, mode);
    } finally {
      giveBuffer(buffer);
    }
    return true;
  }
  // A kernel copy (a clone where the file system can), read back and hashed before it takes its place.
  const st = lstatSync(stored, { throwIfNoEntry: false });
  if (!st?.isFile() || st.size !== e.size || (st.mode & 0o100) !== (e.mode & 0o100)) return false;
  await copyFile(stored, temp, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
  await chmod(temp, mode);
  if (lstatSync(temp).size !== e.size || fileSha256(temp) !== e.sha256) {
    rmSync(temp, { force: true });
    return false;
  }
  return true;
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
async function readStored(path: string, e: PlaceFile, buffer: Buffer): Promise<Buffer | undefined> {
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
function readStoredSync(path: string, e: PlaceFile, buffer: Buffer): Buffer | undefined {
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

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
