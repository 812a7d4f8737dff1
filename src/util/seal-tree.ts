import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes a finished output tree read-only (directories r-x, files lose their write bits), so that a dependent
 * that tries to write into its dependency's outputs (Python's `__pycache__`, a lock file) gets EACCES instead of
 * changing what the cache holds. Root ignores modes: for it, restores copy only what the manifest lists, so such
 * writes are never mistaken for damage either. Symlinks are left alone (chmod would follow them).
 * Synchronous, as the manifest's walk is: a few metadata calls per file, cheaper in line than as thread-pool
 * round trips. Never throws: a tree that cannot be sealed is only less protected.
 */
export function sealTree(dir: string): void {
  try {
    setModes(dir, (mode, isDir) => (isDir ? 0o555 : mode & ~0o222 & 0o7777));
  } catch {
    // Gone, or not ours.
  }
}

/** The opposite, for copies handed to the user (`--out-dir`): the owner may write everything. */
export function unsealTree(dir: string): void {
  try {
    setModes(dir, (mode, isDir) => (isDir ? 0o755 : (mode & 0o7777) | 0o200));
  } catch {
    // As above.
  }
}

function setModes(path: string, next: (mode: number, isDir: boolean) => number): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return;
  const isDir = st.isDirectory();
  let current = st.mode & 0o7777;
  if (isDir) {
    // A directory is opened (made readable) before its children are visited and sealed after them.
    if ((current & 0o700) !== 0o700) chmodSync(path, (current |= 0o700));
    for (const name of readdirSync(path)) setModes(join(path, name), next);
  }
  const mode = next(st.mode, isDir);
  if (mode !== current) chmodSync(path, mode);
}
