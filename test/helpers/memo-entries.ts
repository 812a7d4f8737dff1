import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cache } from '../../src/cache/cache.js';
import type { JobKey } from '../../src/ids/brands.js';

/** 40 keys over 40 shards: a lookup of a run's graph, which the lookup memo is for (one of a few keys is not). */
export const MEMO_KEYS = Array.from(
  { length: 40 },
  (_, i) => `${(i * 5).toString(16).padStart(2, '0')}${'0123456789'.repeat(4).slice(2)}` as JobKey,
);

/** Saves `key`'s artifact (a file naming the key, an empty directory, a log) from `dir/out`; throws unless saved. */
export async function saveMemoEntry(
  cache: Cache,
  dir: string,
  key: JobKey,
  durationMs: number,
): Promise<void> {
  await rm(join(dir, 'out'), { recursive: true, force: true });
  await mkdir(join(dir, 'out/empty'), { recursive: true });
  await writeFile(join(dir, 'out/a.txt'), `built ${key}`);
  const saved = await cache.save(key, {
    outputDir: join(dir, 'out'),
    stdout: Buffer.from(`log of ${key}\n`),
    stderr: Buffer.alloc(0),
    durationMs,
  });
  if (!saved.saved) throw new Error(`${key} not saved: ${JSON.stringify(saved)}`);
}
