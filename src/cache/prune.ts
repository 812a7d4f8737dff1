import { randomBytes } from 'node:crypto';
import { chmod, lstat, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTree } from '../util/remove-tree.js';
import { removeDeadTemps } from './dead-temps.js';

export interface PruneResult {
  removed: number;
  freedBytes: number;
  remainingBytes: number;
  /** Entries that could not be removed (owned by another user, say), each with the reason. */
  problems: string[];
}

async function treeSize(path: string): Promise<number> {
  const st = await lstat(path);
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const name of await readdir(path)) total += await treeSize(join(path, name));
  return total;
}

/**
 * When an entry was last used: its meta.json's mtime, which lookups refresh (see LocalCache), or the directory's,
 * which versions before that refreshed instead: the later of the two.
 */
async function lastUse(entry: string): Promise<number> {
  const dir = (await lstat(entry)).mtimeMs;
  const meta = await lstat(join(entry, 'meta.json')).catch(() => undefined);
  return meta === undefined ? dir : Math.max(dir, meta.mtimeMs);
}

/**
 * Removes the least recently used artifacts (by last use, which restores and log reads refresh) until the
 * local cache holds at most `maxSizeBytes`. Each entry is renamed out of `entries/` before it is deleted, so a
 * concurrent run sees it either complete or gone. Entries are read-only by design: each removal makes its
 * directories writable first, and one entry that cannot be removed never stops the others.
 */
export async function pruneCache(dir: string, opts: { maxSizeBytes: number }): Promise<PruneResult> {
  const root = join(dir, 'v1');
  const entries: { path: string; size: number; used: number }[] = [];
  const problems: string[] = [];
  const none = { removed: 0, freedBytes: 0, remainingBytes: 0, problems };
  // Nothing is listed, changed or removed through a symbolic link: what one leads to is not the cache's (a link
  // where a shard was, to /etc, once had /etc emptied). The cache's own directories must be directories.
  for (const own of ['', 'entries', 'tmp']) {
    const st = await lstat(join(root, own)).catch(() => undefined);
    if (st === undefined && own !== 'tmp') return none;
    if (st !== undefined && !st.isDirectory()) {
      problems.push(
        `${join(root, own)}: not a directory of its own (a symbolic link is never followed); nothing pruned`,
      );
      return none;
    }
  }
  // Leftovers of killed runs are space too, and never anyone's artifact.
  await removeDeadTemps(join(root, 'tmp'));
  for (const shard of await readdir(join(root, 'entries')).catch(() => [] as string[])) {
    const shardPath = join(root, 'entries', shard);
    if (!(await directoryElseRemoved(shardPath, problems))) continue;
    for (const key of await readdir(shardPath).catch(() => [] as string[])) {
      const path = join(shardPath, key);
      if (!(await directoryElseRemoved(path, problems))) continue;
      try {
        entries.push({ path, size: await treeSize(path), used: await lastUse(path) });
      } catch {
        // Removed concurrently, or unreadable: counted as the oldest, so that it goes first.
        entries.push({ path, size: 0, used: -Infinity });
      }
    }
  }
  entries.sort((a, b) => a.used - b.used);
  let total = entries.reduce((s, e) => s + e.size, 0);
  let removed = 0;
  let freedBytes = 0;
  for (const e of entries) {
    if (total <= opts.maxSizeBytes && e.used !== -Infinity) break;
    const doomed = join(root, 'tmp', `${process.pid}-prune-${randomBytes(4).toString('hex')}`);
    try {
      // Moving a directory to another parent needs write permission on it (its `..` changes).
      await chmod(e.path, 0o755).catch(() => undefined);
      await rename(e.path, doomed);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        problems.push(`${e.path}: ${(err as Error).message}`);
      continue;
    }
    total -= e.size;
    freedBytes += e.size;
    removed++;
    await removeTree(doomed).catch((err: unknown) => {
      problems.push(`${doomed}: ${(err as Error).message}`);
    });
  }
  return { removed, freedBytes, remainingBytes: total, problems };
}

/**
 * Whether `path` is a directory of its own; anything else where the cache keeps a directory (a symbolic link, a
 * file) is damage, removed as itself, never what a link leads to.
 */
async function directoryElseRemoved(path: string, problems: string[]): Promise<boolean> {
  const st = await lstat(path).catch(() => undefined);
  if (st === undefined || st.isDirectory()) return st !== undefined;
  await unlink(path).catch((e: Error) => problems.push(`${path}: ${e.message}`));
  return false;
}
