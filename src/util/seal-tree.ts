import { chmod, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Makes a finished output tree read-only (directories r-x, files lose their write bits), so that a dependent
 * that tries to write into its dependency's outputs (Python's `__pycache__`, a lock file) gets EACCES instead of
 * changing what the cache holds. Root ignores modes: for it, restores copy only what the manifest lists, so such
 * writes are never mistaken for damage either. Symlinks are left alone (chmod would follow them).
 */
export async function sealTree(dir: string): Promise<void> {
  await setModes(dir, (mode, isDir) => (isDir ? 0o555 : mode & ~0o222 & 0o7777));
}

/** The opposite, for copies handed to the user (`--out-dir`): the owner may write everything. */
export async function unsealTree(dir: string): Promise<void> {
  await setModes(dir, (mode, isDir) => (isDir ? 0o755 : (mode & 0o7777) | 0o200));
}

async function setModes(path: string, next: (mode: number, isDir: boolean) => number): Promise<void> {
  const st = await lstat(path);
  if (st.isSymbolicLink()) return;
  const isDir = st.isDirectory();
  let current = st.mode & 0o7777;
  if (isDir) {
    // A directory is opened (made readable) before its children are visited and sealed after them.
    if ((current & 0o700) !== 0o700) await chmod(path, (current |= 0o700));
    for (const name of await readdir(path)) await setModes(join(path, name), next);
  }
  const mode = next(st.mode, isDir);
  if (mode !== current) await chmod(path, mode);
}
