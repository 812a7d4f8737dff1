import { randomBytes } from 'node:crypto';
import { chmod, lstat, readdir, rename, stat } from 'node:fs/promises';
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
  const dir = (await stat(entry)).mtimeMs;
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
  let shards: string[] = [];
  try {
    shards = await readdir(join(root, 'entries'));
  } catch {
    return { removed: 0, freedBytes: 0, remainingBytes: 0, problems };
  }
  // Leftovers of killed runs are space too, and never anyone's artifact.
  await removeDeadTemps(join(root, 'tmp'));
  for (const shard of shards) {
    for (const key of await readdir(join(root, 'entries', shard)).catch(() => [] as string[])) {
      const path = join(root, 'entries', shard, key);
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
