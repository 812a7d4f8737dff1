import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
import type { JobKey } from '../ids/brands.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import type { Manifest, ManifestEntry } from './cache.js';

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Files up to this size are hashed with one synchronous read: far cheaper than a stream for typical outputs. */
const SYNC_HASH_LIMIT = 4 * 1024 * 1024;

/**
 * After this many bytes hashed synchronously, the next file waits for one turn of the event loop: a tree of
 * gigabytes in small files must not hold back timers (a coordinator lease renewal, a server's own lease
 * checks) for seconds.
 */
const YIELD_EVERY_BYTES = 16 * 1024 * 1024;
let hashedSinceYield = 0;

async function fileSha256(path: string, size: number): Promise<string> {
  if (size <= SYNC_HASH_LIMIT) {
    hashedSinceYield += size;
    if (hashedSinceYield >= YIELD_EVERY_BYTES) {
      hashedSinceYield = 0;
      await new Promise((r) => setImmediate(r));
    }
    return sha256(readFileSync(path));
  }
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Does a symlink at `path` (relative, '/'-separated) with this target lead out of its tree? */
export function symlinkEscapes(path: string, target: string): boolean {
  const resolved = posix.normalize(posix.join(posix.dirname(path), target));
  return isAbsolute(target) || target.includes('\0') || resolved === '..' || resolved.startsWith('../');
}

/** Every file, directory and symlink under `dir`, sorted by path; symlinks must stay inside the tree. */
export async function describeTree(dir: string): Promise<Result<ManifestEntry[], string>> {
  const entries: ManifestEntry[] = [];
  const walk = async (rel: string): Promise<string | undefined> => {
    // The walk is synchronous: it is a handful of metadata calls per file, and thousands of thread-pool round
    // trips per run would cost more than they overlap.
    const names = readdirSync(join(dir, rel)).sort();
    for (const name of names) {
      const r = rel === '' ? name : `${rel}/${name}`;
      const abs = join(dir, r);
      const st = lstatSync(abs);
      if (st.isDirectory()) {
        entries.push({ path: r, type: 'dir', mode: 0o755, size: 0, sha256: '' });
        const problem = await walk(r);
        if (problem) return problem;
      } else if (st.isSymbolicLink()) {
        const target = readlinkSync(abs);
        if (symlinkEscapes(r, target)) {
          return `symlink ${r} points outside the output directory (${target})`;
        }
        entries.push({
          path: r,
          type: 'symlink',
          mode: 0o777,
          size: target.length,
          sha256: sha256(target),
          target,
        });
      } else if (st.isFile()) {
        const mode = st.mode & 0o100 ? 0o755 : 0o644;
        entries.push({ path: r, type: 'file', mode, size: st.size, sha256: await fileSha256(abs, st.size) });
      } else {
        return `${r} is neither a file, a directory nor a symlink`;
      }
    }
    return undefined;
  };
  const problem = await walk('');
  return problem === undefined ? ok(entries) : err(problem);
}

/** The manifest of an artifact whose output tree is at `outputDir`. */
export async function buildManifest(
  outputDir: string,
  key: JobKey,
  durationMs: number,
  stdout: Buffer,
  stderr: Buffer,
): Promise<Result<Manifest, string>> {
  const entries = await describeTree(outputDir);
  if (!entries.ok) return entries;
  return ok({
    version: 1,
    key,
    durationMs,
    stdoutSha256: sha256(stdout),
    stderrSha256: sha256(stderr),
    entries: entries.value,
  });
}

/** Checks that `dir` holds exactly the manifest's tree: same entries, types, sizes, exec bits and hashes. */
export async function verifyTree(
  dir: string,
  manifest: Pick<Manifest, 'entries'>,
): Promise<Result<void, string>> {
  const actual = await describeTree(dir);
  if (!actual.ok) return actual;
  const want = new Map(manifest.entries.map((e) => [e.path, e]));
  for (const e of actual.value) {
    const w = want.get(e.path);
    if (!w) return err(`unexpected ${e.type} ${e.path}`);
    if (
      w.type !== e.type ||
      w.size !== e.size ||
      w.sha256 !== e.sha256 ||
      (w.type === 'file' && w.mode !== e.mode)
    ) {
      return err(`${e.path} does not match the manifest`);
    }
    want.delete(e.path);
  }
  const missing = want.keys().next();
  return missing.done ? ok(undefined) : err(`${missing.value} is missing`);
}
