import { chmodSync, lstatSync } from 'node:fs';
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
