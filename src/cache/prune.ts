import { randomBytes } from 'node:crypto';
import { lstat, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface PruneResult {
  removed: number;
  freedBytes: number;
  remainingBytes: number;
}

async function treeSize(path: string): Promise<number> {
  const st = await lstat(path);
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const name of await readdir(path)) total += await treeSize(join(path, name));
  return total;
}

/**
 * Removes the least recently used artifacts (by entry mtime, which restores and log reads refresh) until the
 * local cache holds at most `maxSizeBytes`. Each entry is renamed out of `entries/` before it is deleted, so a
 * concurrent run sees it either complete or gone.
 */
export async function pruneCache(dir: string, opts: { maxSizeBytes: number }): Promise<PruneResult> {
  const root = join(dir, 'v1');
  const entries: { path: string; size: number; used: number }[] = [];
  let shards: string[] = [];
  try {
    shards = await readdir(join(root, 'entries'));
  } catch {
    return { removed: 0, freedBytes: 0, remainingBytes: 0 };
  }
  for (const shard of shards) {
    for (const key of await readdir(join(root, 'entries', shard)).catch(() => [] as string[])) {
      const path = join(root, 'entries', shard, key);
      try {
        entries.push({ path, size: await treeSize(path), used: (await stat(path)).mtimeMs });
      } catch {
        // Removed concurrently.
      }
    }
  }
  entries.sort((a, b) => a.used - b.used);
  let total = entries.reduce((s, e) => s + e.size, 0);
  let removed = 0;
  let freedBytes = 0;
  for (const e of entries) {
    if (total <= opts.maxSizeBytes) break;
    const doomed = join(root, 'tmp', `${process.pid}-prune-${randomBytes(4).toString('hex')}`);
    try {
      await rename(e.path, doomed);
    } catch {
      continue;
    }
    await rm(doomed, { recursive: true, force: true });
    total -= e.size;
    freedBytes += e.size;
    removed++;
  }
  return { removed, freedBytes, remainingBytes: total };
}
