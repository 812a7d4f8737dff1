import { chmod, lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Whether an error is the kind that giving the owner write permission back can cure. */
export function isPermissionError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EPERM';
}

/**
 * Removes a directory tree (or a file) that may hold read-only directories: jobs leave them (Go's module cache
 * is made read-only on purpose) and committed cache entries are read-only by design. An unprivileged `rm -rf`
 * cannot empty such a directory, so on a permission error every directory of the tree is made writable by its
 * owner and the removal is tried once more. Throws only when that fails too (a tree owned by someone else).
 */
export async function removeTree(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
    return;
  } catch (e) {
    if (!isPermissionError(e)) throw e;
  }
  await makeDirsWritable(path);
  await rm(path, { recursive: true, force: true });
}

/** Gives the owner full access to every directory under `path` (symlinks are never followed). */
export async function makeDirsWritable(path: string): Promise<void> {
  let st;
  try {
    st = await lstat(path);
  } catch {
    return;
  }
  if (!st.isDirectory()) return;
  if ((st.mode & 0o700) !== 0o700) await chmod(path, (st.mode & 0o7777) | 0o700).catch(() => undefined);
  let names: string[];
  try {
    names = await readdir(path);
  } catch {
    return;
  }
  for (const name of names) await makeDirsWritable(join(path, name));
}
