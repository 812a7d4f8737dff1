import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  createReadStream,
  lstatSync,
  readSync,
  readdirSync,
  readlinkSync,
} from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
import type { JobKey } from '../ids/brands.js';
import type { Result } from '../util/result.js';
import { openRegularFile } from '../util/read-own-file.js';
import { err, ok } from '../util/result.js';
import type { Manifest, ManifestEntry } from './cache.js';

export function sha256(bytes: Buffer | string): string {
  // Most logs are empty, and a restore checks both of every artifact's: a hash object each costs more than that.
  if (bytes.length === 0) return EMPTY_SHA256;
  return createHash('sha256').update(bytes).digest('hex');
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Files up to this size are hashed with one synchronous read: far cheaper than a stream for typical outputs. */
const SYNC_HASH_LIMIT = 4 * 1024 * 1024;

/**
 * After this many bytes hashed synchronously, the next file waits for one turn of the event loop: a tree of
 * gigabytes in small files must not hold back timers (a coordinator lease renewal, a server's own lease
 * checks) for seconds.
 */
const YIELD_EVERY_BYTES = 16 * 1024 * 1024;
let hashedSinceYield = 0;

/** One read buffer for every file hashed synchronously: no allocation per file (thousands per cold run). */
const readBuffer = Buffer.allocUnsafe(256 * 1024);

/** SHA-256 hex of the first `size` bytes of a file (all of it, as it was sized), read through the shared buffer. */
function smallFileSha256(path: string, size: number): string {
  const h = createHash('sha256');
  const fd = openRegularFile(path);
  try {
    for (let done = 0; done < size;) {
      const n = readSync(fd, readBuffer, 0, Math.min(readBuffer.length, size - done), done);
      if (n === 0) break;
      h.update(readBuffer.subarray(0, n));
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/** SHA-256 hex of a file's content (`size` picks the cheaper way to read it). */
export async function fileSha256(path: string, size: number): Promise<string> {
  if (size <= SYNC_HASH_LIMIT) {
    hashedSinceYield += size;
    if (hashedSinceYield >= YIELD_EVERY_BYTES) {
      hashedSinceYield = 0;
      await new Promise((r) => setImmediate(r));
    }
    return smallFileSha256(path, size);
  }
  const h = createHash('sha256');
  for await (const chunk of createReadStream('', { fd: openRegularFile(path) })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Does a symlink at `path` (relative, '/'-separated) with this target lead out of its tree? */
export function symlinkEscapes(path: string, target: string): boolean {
  const resolved = posix.normalize(posix.join(posix.dirname(path), target));
  return isAbsolute(target) || target.includes('\0') || resolved === '..' || resolved.startsWith('../');
}

/** More link expansions than Linux follows in one lookup: such a chain cannot be followed at all. */
const MAX_LINK_HOPS = 40;

/** Directories deeper than a path the system takes (4,096 bytes) can spell: such a tree is refused. */
const MAX_DEPTH = 2048;

/**
 * The first symlink of a tree that leads out of it when followed through the tree's other links, or undefined.
 * Each link checked alone is not enough: with `a/b -> ..`, the link `c -> a/b/..` stays inside on paper and
 * resolves to the tree's parent. Names the tree does not have are taken as plain directories.
 */
export function linkLeavingTree(
  entries: readonly Pick<ManifestEntry, 'path' | 'type' | 'target'>[],
): string | undefined {
  const links = new Map<string, string>();
  for (const e of entries) if (e.type === 'symlink' && e.target !== undefined) links.set(e.path, e.target);
  // Parts walked over the whole tree, and the depth of a walk: bounded, so that a forged list of long, looping
  // links costs little to refuse (one of 300,000 parts took the stack; thirty looping ones, ten seconds). A tree
  // that needs more is refused as though it led out: the links of a package tree take a few parts each.
  let budget = 64 * 1024 + 32 * links.size;
  const leaves = (path: string, target: string): boolean => {
    const at = path.split('/').slice(0, -1);
    // Parts still to walk, the next one last.
    const todo = target.split('/').reverse();
    let hops = 0;
    while (todo.length > 0) {
      if (--budget < 0 || at.length > MAX_DEPTH) return true;
      const part = todo.pop()!;
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (at.length === 0) return true;
        at.pop();
        continue;
      }
      at.push(part);
      const next = links.get(at.join('/'));
      if (next === undefined) continue;
      if (isAbsolute(next)) return true;
      if (++hops > MAX_LINK_HOPS) return false;
      at.pop();
      const parts = next.split('/');
      for (let i = parts.length - 1; i >= 0; i--) todo.push(parts[i]!);
    }
    return false;
  };
  for (const [path, target] of links) if (isAbsolute(target) || leaves(path, target)) return path;
  return undefined;
}

/**
 * The first path the manifest places inside another of its entries that is not a directory (a file or a link):
 * writing it would fail half-way, or go through the link — each link lexically inside the tree, `d/l -> ..` makes
 * `d/l/m` at `m`. Such a list is refused before anything is made.
 */
export function pathUnderNonDirectory(
  entries: readonly Pick<ManifestEntry, 'path' | 'type'>[],
): string | undefined {
  const types = new Map(entries.map((e) => [e.path, e.type]));
  for (const e of entries) {
    for (let i = e.path.indexOf('/'); i !== -1; i = e.path.indexOf('/', i + 1)) {
      const above = types.get(e.path.slice(0, i));
      if (above !== undefined && above !== 'dir') return e.path;
    }
  }
  return undefined;
}

/**
 * Every file, directory and symlink under `dir`, sorted by path; symlinks must stay inside the tree. With `seal`,
 * the tree is also made read-only in the same pass, as sealTree (util/seal-tree.ts) does: each file loses its
 * write bits once hashed, each directory becomes r-x once its children are done, the tree's root last.
 */
export async function describeTree(
  dir: string,
  opts: { seal?: boolean } = {},
): Promise<Result<ManifestEntry[], string>> {
  const entries: ManifestEntry[] = [];
  const seal = opts.seal === true;
  const list = (abs: string): string[] => {
    try {
      return readdirSync(abs);
    } catch (e) {
      // A job may leave a directory it cannot read; sealing opens it, as sealTree does.
      if (!seal || (e as NodeJS.ErrnoException).code !== 'EACCES') throw e;
      chmodSync(abs, 0o700);
      return readdirSync(abs);
    }
  };
  const walk = async (rel: string): Promise<string | undefined> => {
    // The walk is synchronous: it is a handful of metadata calls per file, and thousands of thread-pool round
    // trips per run would cost more than they overlap.
    const names = list(join(dir, rel)).sort();
    for (const name of names) {
      const r = rel === '' ? name : `${rel}/${name}`;
      const abs = join(dir, r);
      const st = lstatSync(abs);
      if (st.isDirectory()) {
        entries.push({ path: r, type: 'dir', mode: 0o755, size: 0, sha256: '' });
        if (seal && (st.mode & 0o700) !== 0o700) chmodSync(abs, (st.mode & 0o7777) | 0o700);
        const problem = await walk(r);
        if (problem) return problem;
        if (seal) chmodSync(abs, 0o555);
      } else if (st.isSymbolicLink()) {
        const target = readlinkSync(abs);
        // Links through links (`c -> .`, `up -> c/..`) are resolved once the whole tree is known, below.
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
        if (seal && (st.mode & 0o222) !== 0) chmodSync(abs, st.mode & ~0o222 & 0o7777);
      } else {
        return `${r} is neither a file, a directory nor a symlink`;
      }
    }
    return undefined;
  };
  const problem = await walk('');
  if (problem !== undefined) return err(problem);
  if (seal) chmodSync(dir, 0o555);
  const leaving = linkLeavingTree(entries);
  return leaving === undefined
    ? ok(entries)
    : err(`symlink ${leaving} points outside the output directory through other links`);
}

/** The manifest of an artifact whose output tree is at `outputDir` (made read-only with `seal`, see above). */
export async function buildManifest(
  outputDir: string,
  key: JobKey,
  durationMs: number,
  stdout: Buffer,
  stderr: Buffer,
  opts: { seal?: boolean } = {},
): Promise<Result<Manifest, string>> {
  const entries = await describeTree(outputDir, opts);
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
