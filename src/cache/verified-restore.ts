import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  createReadStream,
  fchmodSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import type { Manifest, ManifestEntry } from './cache.js';
import { sha256 } from './manifest.js';

/** Files up to this size are read once into memory, hashed, and written from the bytes that were hashed. */
const ONE_PASS_LIMIT = 8 * 1024 * 1024;

/**
 * Copies a stored output tree to `dest` (which must not exist) and verifies it against its manifest as it goes.
 *
 * A file up to 8 MiB is read once: the bytes read are hashed, compared with the manifest, and those same bytes are
 * written, so what lands at `dest` is exactly what was verified, at the cost of one read and one write (a copy
 * followed by a verifying re-read costs two reads and as many metadata calls again). Larger files are copied by
 * the kernel (a reflink where the file system has them) and the copy is hashed. The source tree must hold exactly
 * the manifest's entries: an extra, missing or retyped entry, a changed size, exec bit, symlink target or byte is
 * an error naming the path, and the caller discards `dest`.
 */
export async function restoreVerified(
  src: string,
  dest: string,
  manifest: Manifest,
): Promise<Result<void, string>> {
  const want = new Map<string, ManifestEntry>();
  for (const e of manifest.entries) want.set(e.path, e);
  const seen = new Set<string>();
  const large: { from: string; to: string; entry: ManifestEntry }[] = [];
  const walk = (rel: string): string | undefined => {
    mkdirSync(join(dest, rel));
    for (const d of readdirSync(join(src, rel), { withFileTypes: true })) {
      const r = rel === '' ? d.name : `${rel}/${d.name}`;
      const w = want.get(r);
      if (w === undefined) return `unexpected entry ${r}`;
      seen.add(r);
      const from = join(src, r);
      const to = join(dest, r);
      if (d.isDirectory()) {
        if (w.type !== 'dir') return `${r} does not match the manifest`;
        const problem = walk(r);
        if (problem !== undefined) return problem;
      } else if (d.isSymbolicLink()) {
        const target = readlinkSync(from);
        if (w.type !== 'symlink' || target !== w.target || sha256(target) !== w.sha256)
          return `${r} does not match the manifest`;
        symlinkSync(target, to);
      } else if (d.isFile()) {
        if (w.type !== 'file') return `${r} does not match the manifest`;
        const problem = copyFileVerified(from, to, w, large);
        if (problem !== undefined) return problem;
      } else {
        return `${r} does not match the manifest`;
      }
    }
    return undefined;
  };
  const problem = walk('');
  if (problem !== undefined) return err(problem);
  if (seen.size !== want.size) {
    for (const path of want.keys()) if (!seen.has(path)) return err(`${path} is missing`);
  }
  for (const { from, to, entry } of large) {
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
    if ((await streamSha256(to)) !== entry.sha256) return err(`${entry.path} does not match the manifest`);
  }
  return ok(undefined);
}

/** Copies one file through memory, verified; a large one is queued for a kernel copy and a hash of the copy. */
function copyFileVerified(
  from: string,
  to: string,
  w: ManifestEntry,
  large: { from: string; to: string; entry: ManifestEntry }[],
): string | undefined {
  const fd = openSync(from, 'r');
  let bytes: Buffer;
  let mode: number;
  try {
    const st = fstatSync(fd);
    mode = st.mode & 0o777;
    if (st.size !== w.size || (st.mode & 0o100 ? 0o755 : 0o644) !== w.mode)
      return `${w.path} does not match the manifest`;
    if (st.size > ONE_PASS_LIMIT) {
      large.push({ from, to, entry: w });
      return undefined;
    }
    bytes = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < bytes.length) {
      const n = readSync(fd, bytes, off, bytes.length - off, off);
      if (n === 0) return `${w.path} does not match the manifest`;
      off += n;
    }
  } finally {
    closeSync(fd);
  }
  if (sha256(bytes) !== w.sha256) return `${w.path} does not match the manifest`;
  const out = openSync(to, 'wx', mode);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(out, bytes, off, bytes.length - off);
    // The umask must not change the stored permission bits, as a kernel copy would not.
    fchmodSync(out, mode);
  } finally {
    closeSync(out);
  }
  return undefined;
}

async function streamSha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}
