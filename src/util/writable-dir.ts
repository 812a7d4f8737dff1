import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isPermissionError } from './remove-tree.js';

/**
 * Runs `op`, which makes, replaces or removes an entry of the directory `dir`; when the directory refuses it (a
 * job left it read-only, `chmod 555 dist/sub`, as Go's module cache is made read-only on purpose), gives its
 * owner write permission back and runs `op` once more. Throws the first error when that cannot be done (the
 * directory is someone else's, or the entry is immutable).
 */
export function inWritableDir<T>(dir: string, op: () => T): T {
  try {
    return op();
  } catch (e) {
    if (!isPermissionError(e) || !makeWritable(dir)) throw e;
  }
  return op();
}

/** As inWritableDir, for an asynchronous `op`. */
export async function inWritableDirAsync<T>(dir: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (!isPermissionError(e) || !makeWritable(dir)) throw e;
  }
  return op();
}

/** Whether `dir` was a directory its owner could not write, and now can. */
function makeWritable(dir: string): boolean {
  try {
    const st = lstatSync(dir);
    if (!st.isDirectory() || (st.mode & 0o300) === 0o300) return false;
    chmodSync(dir, (st.mode & 0o7777) | 0o300);
    return true;
  } catch {
    return false;
  }
}

/** `mkdir -p dir`; when the deepest directory that exists refuses (made read-only by a job), as inWritableDir. */
export function makeDirs(dir: string): void {
  let above = dirname(dir);
  try {
    mkdirSync(dir, { recursive: true });
    return;
  } catch (e) {
    if (!isPermissionError(e)) throw e;
  }
  while (above !== dirname(above) && !existsSync(above)) above = dirname(above);
  inWritableDir(above, () => mkdirSync(dir, { recursive: true }));
}

/**
 * Removes the file or tree at `path` (nothing when it is not there), as a job's stale output: read-only
 * directories the job made in it, and its parent, are made writable by their owner when they refuse.
 */
export function removeOutputTree(path: string): void {
  inWritableDir(dirname(path), () => {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch (e) {
      if (!isPermissionError(e)) throw e;
      makeTreeWritable(path);
      rmSync(path, { recursive: true, force: true });
    }
  });
}

/** Gives the owner write and search permission on every directory under `path` (links are never followed). */
function makeTreeWritable(path: string): void {
  if (!makeWritable(path) && !lstatSync(path, { throwIfNoEntry: false })?.isDirectory()) return;
  let names: string[];
  try {
    names = readdirSync(path);
  } catch {
    return;
  }
  for (const name of names) makeTreeWritable(join(path, name));
}
