import { chmod, constants, copyFile, link, mkdir, readdir, readlink, stat, symlink } from 'node:fs/promises';
import { closeSync, mkdirSync, readSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../util/result.js';
import { openRegular } from '../util/read-own-file.js';
import { err, ok } from '../util/result.js';
import type { ManifestEntry } from './cache.js';
import { fileSha256, linkLeavingTree, sha256, symlinkEscapes } from './manifest.js';

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

/** Files up to this size are restored from one read: hashed from memory and written from the same bytes. */
const IN_MEMORY_LIMIT = 4 * 1024 * 1024;

/** After this many bytes restored in line, the next file waits for one turn of the event loop (timers, leases). */
const YIELD_EVERY_BYTES = 16 * 1024 * 1024;

/**
 * Restores exactly the entries a manifest lists (parents before children, as manifests are sorted) from `src`
 * into a new `dest`, verifying as it goes: each file's bytes are read once, checked against the listed size and
 * SHA-256, and those same bytes are written (larger files: a kernel copy, reflink where possible, hashed after);
 * each symlink's target is checked against its digest and must stay inside the tree. Files get the listed mode. Anything else in `src` is left behind: a
 * dependent may have written there (Python's `__pycache__`), and that is neither part of the artifact nor a
 * reason to call it damaged. A path whose parent is not a directory made by this restore is refused, so a
 * listed symlink is never written through. Answers the first mismatch; throws on I/O trouble (a missing file,
 * a full disk).
 *
 * Synchronous for small files: an output is mostly small files, and three thread-pool round trips per file
 * (read, write, close) cost more than they overlap.
 */
export async function restoreListedTree(
  src: string,
  dest: string,
  entries: readonly ManifestEntry[],
): Promise<Result<void, string>> {
  const leaving = linkLeavingTree(entries);
  if (leaving !== undefined) return err(`symlink ${leaving} points outside the output directory`);
  mkdirSync(dest);
  const dirs = new Set<string>(['']);
  for (const e of entries) {
    const slash = e.path.lastIndexOf('/');
    if (!dirs.has(slash < 0 ? '' : e.path.slice(0, slash))) {
      return err(`the manifest lists ${e.path} outside a listed directory`);
    }
    const to = join(dest, e.path);
    if (e.type === 'dir') {
      mkdirSync(to);
      dirs.add(e.path);
    } else if (e.type === 'symlink') {
      const target = e.target ?? '';
      if (target.length !== e.size || sha256(target) !== e.sha256 || symlinkEscapes(e.path, target)) {
        return err(`${e.path} does not match the manifest`);
      }
      symlinkSync(target, to);
    } else if (!(await copyVerifiedFile(join(src, e.path), to, e))) {
      return err(`${e.path} does not match the manifest`);
    }
  }
  return ok(undefined);
}

let sinceYield = 0;

/**
 * Copies the stored file `from` to `to`, which must not exist, checking it against the listed size, exec bit and
 * SHA-256 as it goes; false when it does not match (`to` may then hold the copy: the caller removes it). The copy
 * gets the listed mode (0755 or 0644). Small files are read once, hashed from memory and written from the same
 * bytes; larger ones are a kernel copy (a reflink where possible), hashed after. Throws on I/O trouble (a missing
 * file, a full disk).
 */
export async function copyVerifiedFile(
  from: string,
  to: string,
  e: Pick<ManifestEntry, 'size' | 'mode' | 'sha256'>,
): Promise<boolean> {
  const mode = e.mode & 0o100 ? 0o755 : 0o644;
  if (e.size <= IN_MEMORY_LIMIT) {
    const bytes = readStored(from, e);
    if (bytes === undefined || sha256(bytes) !== e.sha256) return false;
    writeFileSync(to, bytes, { mode, flag: 'wx' });
    sinceYield += bytes.length;
    if (sinceYield >= YIELD_EVERY_BYTES) {
      sinceYield = 0;
      await new Promise((r) => setImmediate(r));
    }
    return true;
  }
  // The kernel's copy opens `from` itself, blocking: checked first to be a regular file (a FIFO in its place
  // would hang the run), as readStored does for a small one.
  const { fd } = openRegular(from);
  closeSync(fd);
  await copyFile(from, to, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
  const st = statSync(to);
  if (st.size !== e.size || (st.mode & 0o100) !== (e.mode & 0o100)) return false;
  await chmod(to, mode);
  return (await fileSha256(to, st.size)) === e.sha256;
}

/**
 * One buffer that every restored file is read into, hashed from and written from, in one synchronous stretch
 * (no other restore can use it meanwhile): a thousand restored files would otherwise be a thousand buffers
 * outside the heap, and the garbage collections they bring took a tenth of a restore of 1,000 outputs.
 */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * A stored file's bytes (in the shared scratch buffer, valid until the next call), or undefined when it is not the regular file of the listed size and exec bit (a
 * tampered entry is damaged even where the restored copy would come out right). The same calls as one
 * `readFileSync`: open, fstat, read, close.
 */
function readStored(path: string, e: Pick<ManifestEntry, 'size' | 'mode'>): Buffer | undefined {
  const { fd, stat: st } = openRegular(path);
  try {
    if (!st.isFile() || st.size !== e.size || (st.mode & 0o100) !== (e.mode & 0o100)) return undefined;
    if (scratch.length < e.size)
      scratch = Buffer.allocUnsafe(Math.min(IN_MEMORY_LIMIT, Math.max(e.size, 2 * scratch.length)));
    const bytes = scratch.subarray(0, e.size);
    let at = 0;
    while (at < e.size) {
      const n = readSync(fd, bytes, at, e.size - at, at);
      if (n === 0) return undefined;
      at += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}
