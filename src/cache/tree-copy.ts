import { chmod, constants, copyFile, link, mkdir, readdir, readlink, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ManifestEntry } from './cache.js';

/**
 * Copies a directory tree, hard-linking files when `link` is set and the file system allows it.
 * Linking is for saves only: restores must copy, because a restored tree may be written to, while a saved
 * entry is verified against its manifest on every restore, so a later write through a link is caught there.
 * Asynchronous: creating a directory entry costs a fraction of a millisecond of kernel time on common disks,
 * and the event loop has jobs to start meanwhile.
 */
export async function copyTree(src: string, dest: string, opts: { link: boolean }): Promise<void> {
  await mkdir(dest, { recursive: true });
  for (const entry of await readdir(src, { withFileTypes: true })) {
    const from = join(src, entry.name);
    const to = join(dest, entry.name);
    if (entry.isDirectory()) await copyTree(from, to, opts);
    else if (entry.isSymbolicLink()) await symlink(await readlink(from), to);
    else if (entry.isFile()) await copyOne(from, to, opts.link);
  }
}

async function copyOne(from: string, to: string, tryLink: boolean): Promise<void> {
  if (tryLink) {
    try {
      await link(from, to);
      return;
    } catch {
      // Another file system, or links not allowed: copy instead.
    }
  }
  await copyFile(from, to, constants.COPYFILE_FICLONE);
  const mode = (await stat(from)).mode & 0o777;
  if (mode & 0o111) await chmod(to, mode);
}

/**
 * Copies exactly the entries a manifest lists (parents before children, as manifests are sorted) from `src` to
 * a new `dest`. Anything else in `src` is left behind: a dependent may have written there (Python's
 * `__pycache__`), and that is neither part of the artifact nor a reason to call it damaged. A path whose parent
 * is not a directory made by this copy is refused, so a listed symlink is never written through.
 */
export async function copyListedTree(
  src: string,
  dest: string,
  entries: readonly ManifestEntry[],
): Promise<void> {
  await mkdir(dest);
  const dirs = new Set<string>(['']);
  for (const e of entries) {
    const slash = e.path.lastIndexOf('/');
    if (!dirs.has(slash < 0 ? '' : e.path.slice(0, slash))) {
      throw new Error(`the manifest lists ${e.path} outside a listed directory`);
    }
    const to = join(dest, e.path);
    if (e.type === 'dir') {
      await mkdir(to);
      dirs.add(e.path);
    } else if (e.type === 'symlink') await symlink(e.target ?? '', to);
    else {
      // The entry's own mode is kept (a lost exec bit is damage that verification must see).
      await copyFile(join(src, e.path), to, constants.COPYFILE_FICLONE);
    }
  }
}
