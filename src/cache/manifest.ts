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

/** SHA-256 hex of a file's content (`size` picks the cheaper way to read it). */
export async function fileSha256(path: string, size: number): Promise<string> {
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

/** More link expansions than Linux follows in one lookup: such a chain cannot be followed at all. */
const MAX_LINK_HOPS = 40;

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
  const leaves = (path: string, target: string): boolean => {
    const at = path.split('/').slice(0, -1);
    const todo = target.split('/');
    let hops = 0;
    while (todo.length > 0) {
      const part = todo.shift()!;
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
      todo.unshift(...next.split('/'));
    }
    return false;
  };
  for (const [path, target] of links) if (isAbsolute(target) || leaves(path, target)) return path;
  return undefined;
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
        // The lexical check alone misses links through links (`c -> .`, `up -> c/..`): resolve them too.
        if (symlinkEscapes(r, target) || !resolvesInside(dir, r.split('/').slice(0, -1), target)) {
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
  if (problem !== undefined) return err(problem);
  const leaving = linkLeavingTree(entries);
  return leaving === undefined
    ? ok(entries)
    : err(`symlink ${leaving} points outside the output directory through other links`);
}

/** Symlinks followed while resolving one, in all (the kernel's limit); more is treated as escaping (a loop). */
const MAX_LINK_DEPTH = 40;

/**
 * Whether `target`, read from a symlink in directory `at` (components below `root`), resolves inside `root`,
 * following the symlinks it passes through as the kernel would: `c -> .` then `up -> c/..` escapes, although
 * `c/..` alone looks harmless. Components that do not exist are taken as they are written.
 */
export function resolvesInside(root: string, at: readonly string[], target: string): boolean {
  return resolveInside(root, at, target, { links: 0 }) !== undefined;
}

/** The components below `root` that `target` resolves to from `at`; undefined when it leaves `root`. */
function resolveInside(
  root: string,
  at: readonly string[],
  target: string,
  followed: { links: number },
): string[] | undefined {
  if (isAbsolute(target)) return undefined;
  let stack = [...at];
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (stack.pop() === undefined) return undefined;
      continue;
    }
    const here = join(root, ...stack, part);
    let isLink = false;
    try {
      isLink = lstatSync(here).isSymbolicLink();
    } catch {
      // Not there: nothing to follow.
    }
    if (!isLink) {
      stack.push(part);
      continue;
    }
    if (++followed.links > MAX_LINK_DEPTH) return undefined;
    const resolved = resolveInside(root, stack, readlinkSync(here), followed);
    if (resolved === undefined) return undefined;
    stack = resolved;
  }
  return stack;
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
