import {
  chmodSync,
  constants,
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * Copies a directory tree, hard-linking files when `link` is set and the file system allows it.
 * Linking is for saves only: restores must copy, because a restored tree may be written to, while a saved
 * entry is verified against its manifest on every restore, so a later write through a link is caught there.
 * Synchronous: metadata calls and kernel-side copies are short, and per-call thread-pool round trips measured
 * slower than doing them in line.
 */
export function copyTree(src: string, dest: string, opts: { link: boolean }): void {
  mkdirSync(dest, { recursive: true });
  for (const entry of readdirSync(src, { withFileTypes: true })) {
    const from = join(src, entry.name);
    const to = join(dest, entry.name);
    if (entry.isDirectory()) copyTree(from, to, opts);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else if (entry.isFile()) copyFile(from, to, opts.link);
  }
}

function copyFile(from: string, to: string, tryLink: boolean): void {
  if (tryLink) {
    try {
      linkSync(from, to);
      return;
    } catch {
      // Another file system, or links not allowed: copy instead.
    }
  }
  copyFileSync(from, to, constants.COPYFILE_FICLONE);
  const mode = statSync(from).mode & 0o777;
  if (mode & 0o111) chmodSync(to, mode);
}
