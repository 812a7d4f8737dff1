import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { FileDigest, FileMode } from './brands.js';
import type { DigestMap, InputState } from './input-state.js';

/** Git's blob ID of some bytes: SHA-1 of `blob <size>\0<bytes>`, exactly what `git hash-object` prints. */
export function blobId(bytes: Buffer | string): FileDigest {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return createHash('sha1').update(`blob ${b.length}\0`).update(b).digest('hex') as FileDigest;
}

/** Files up to this size are read in one call; larger ones are streamed so memory stays bounded. */
const SMALL_FILE = 1024 * 1024;
/** Large files streamed at once: enough to keep a disk busy, few enough to bound memory (32 × 64 KB). */
const CONCURRENCY = 32;

/**
 * Reads one file and digests it as git would: mode from the owner's execute bit (as git's `ce_mode_from_stat`),
 * a symlink as the blob of its target text (never followed). Anything else (directory, socket) is missing.
 */
export async function digestFromDisk(path: string): Promise<InputState> {
  // Synchronous metadata and small reads: per-call thread-pool round trips cost more than the work itself.
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (st === undefined) return { missing: true };
  if (st.isSymbolicLink()) {
    return { mode: 'symlink', digest: blobId(readlinkSync(path, { encoding: 'buffer' })) };
  }
  if (!st.isFile()) return { missing: true };
  const mode: FileMode = st.mode & 0o100 ? 'executable' : 'regular';
  if (st.size <= SMALL_FILE) {
    const bytes = readFileSync(path);
    // A file rewritten between lstat and read: digest it again rather than mix two versions' size and bytes.
    return bytes.length === st.size ? { mode, digest: blobId(bytes) } : digestFromDisk(path);
  }
  const hash = createHash('sha1').update(`blob ${st.size}\0`);
  let read = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    read += (chunk as Buffer).length;
  }
  if (read !== st.size) return digestFromDisk(path);
  return { mode, digest: hash.digest('hex') as FileDigest };
}

/**
 * The fallback outside git (and the reader of changed files inside it): digests every path from disk with
 * bounded concurrency. Gives exactly the blob IDs git would, so keys do not depend on which path ran.
 */
export async function streamDigests(sourceDir: string, paths: readonly string[]): Promise<DigestMap> {
  const out: DigestMap = new Map();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const p = paths[next++]!;
      out.set(p, await digestFromDisk(join(sourceDir, p)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, paths.length) }, worker));
  return out;
}
