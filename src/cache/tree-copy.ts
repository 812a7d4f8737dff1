import { chmod, constants, copyFile, link, mkdir, readdir, readlink, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';

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
