import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveToAdopt, Cache } from '../../../src/cache/cache.js';
import { LocalCache } from '../../../src/cache/local-cache.js';
import { ByteBudget } from '../../../src/cache/remote/byte-budget.js';
import { MemoryPool } from '../../../src/cache/remote/memory-pool.js';
import type { ObjectStore } from '../../../src/cache/remote/object-store.js';
import { INLINE_ARCHIVE_LIMIT, RECORD_HEAD } from '../../../src/cache/remote/remote-record.js';
import { RemoteTier, type RemoteTierOptions } from '../../../src/cache/remote/remote-tier.js';
import { TieredCache } from '../../../src/cache/remote/tiered-cache.js';
import type { JobKey } from '../../../src/ids/brands.js';
import { seedArtifacts, tierOptionsFor } from '../../helpers/remote/seed-tier.js';
import { type CacheServer, startNginx } from '../../helpers/remote/servers.js';

describe('ByteBudget', () => {
  it('lets takers wait for room, in order, and lets one too large for it through alone', async () => {
    const budget = new ByteBudget(100);
    const first = await budget.take(60);
    expect(budget.tryTake(50)).toBe(false);
    const order: string[] = [];
    const second = budget.take(50).then((give) => (order.push('second'), give));
    const third = budget.take(30).then((give) => (order.push('third'), give));
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([]);
    first();
    first(); // Given back once only.
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    expect(budget.held).toBe(0);
    const huge = await budget.take(500);
    expect(budget.tryTake(1)).toBe(false);
    huge();
    expect(budget.free).toBe(100);
  });
});

describe('MemoryPool', () => {
  it('hands out memory given back, of the same size class only, and keeps no more than it is told', () => {
    const K = 64 * 1024;
    const pool = new MemoryPool(1024 * K, 4 * K);
    const a = pool.take(100);
    expect(a.length).toBe(100);
    expect(a.buffer.byteLength).toBe(K);
    pool.give(a.buffer as ArrayBuffer);
    const again = pool.take(K - 1);
    expect(again.buffer).toBe(a.buffer);
    expect(again.length).toBe(K - 1);
    // Another size class: memory of its own.
    const bigger = pool.take(K + 1);
    expect(bigger.buffer.byteLength).toBe(2 * K);
    expect(bigger.buffer).not.toBe(a.buffer);
    // Larger than the pool serves: exactly its size, never kept.
    const huge = pool.take(2000 * K);
    pool.give(huge.buffer as ArrayBuffer);
    expect(pool.take(2000 * K).buffer).not.toBe(huge.buffer);
    // Memory given back twice is handed out once.
    const twice = pool.take(1).buffer as ArrayBuffer;
    pool.give(twice);
    pool.give(twice);
    expect([pool.take(1).buffer, pool.take(1).buffer].filter((m) => m === twice)).toHaveLength(1);
    // At most four pieces of 64 KiB wait.
    const kept = Array.from({ length: 5 }, () => pool.take(1).buffer as ArrayBuffer);
    for (const m of kept) pool.give(m);
    const taken = Array.from({ length: 5 }, () => pool.take(1).buffer);
    expect(taken.filter((m) => kept.includes(m as ArrayBuffer))).toHaveLength(4);
  });
});

const ARTIFACTS = 12;
/** Random bytes: stored as they are, so an archive is as large as its file. */
const SIZE = 100_000;
const keyOf = (i: number): JobKey => (i + 1).toString(16).padStart(40, '0') as JobKey;

describe('remote restores hold a bounded number of archive bytes', () => {
  let server: CacheServer;
  let dir: string;
  const tierOptions = (extra: Partial<RemoteTierOptions> = {}): RemoteTierOptions =>
    tierOptionsFor(server.url, dir, extra);

  beforeAll(async () => {
    server = await startNginx();
    dir = await mkdtemp(join(tmpdir(), 'disbuild-budget-'));
    await seedArtifacts(
      tierOptions(),
      dir,
      Array.from({ length: ARTIFACTS }, (_, i) => keyOf(i)),
      () => randomBytes(SIZE),
      (i) => Buffer.from(`built ${i}\n`),
    );
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A local cache that commits slowly (a busy disk) and records the archive bytes it holds at once. */
  async function slowLocal(name: string): Promise<{ cache: Cache; most: () => number }> {
    const local = await LocalCache.create(join(dir, name));
    let held = 0;
    let most = 0;
    const adopt = local.adoptArchive.bind(local);
    local.adoptArchive = async (key: JobKey, a: ArchiveToAdopt) => {
      held += a.archive.length;
      most = Math.max(most, held);
      await new Promise((r) => setTimeout(r, 20));
      try {
        return await adopt(key, a);
      } finally {
        held -= a.archive.length;
      }
    };
    return { cache: local, most: () => most };
  }

  async function restoreAll(cache: Cache): Promise<void> {
    const hits = await cache.lookup(Array.from({ length: ARTIFACTS }, (_, i) => keyOf(i)));
    expect(hits.size).toBe(ARTIFACTS);
    const restored = await Promise.all(
      [...hits.values()].map((h, i) => h.restore(join(dir, 'dest', `${Math.random()}-${i}`))),
    );
    for (const r of restored) expect(r.ok && r.value?.sealed).toBe(true);
  }

  it('waits for room rather than downloading every archive at once', async () => {
    const { cache, most } = await slowLocal('bounded');
    const tiered = new TieredCache(cache, new RemoteTier(tierOptions({ mode: 'read' })), {
      archiveBytes: 3 * SIZE,
    });
    await restoreAll(tiered);
    await tiered.close();
    expect(most()).toBeGreaterThan(0);
    expect(most()).toBeLessThanOrEqual(3 * SIZE);

    // Without that bound, every archive is held at once while the disk lags.
    const unbounded = await slowLocal('unbounded');
    const wide = new TieredCache(unbounded.cache, new RemoteTier(tierOptions({ mode: 'read' })), {
      archiveBytes: 100 * SIZE,
    });
    await restoreAll(wide);
    await wide.close();
    expect(unbounded.most()).toBeGreaterThan(3 * SIZE);
  }, 30_000);

  it('fetches an archive whole into memory given back by an earlier one', async () => {
    const tier = new RemoteTier(tierOptions({ mode: 'read' }));
    const records = await tier.lookup([keyOf(0), keyOf(1)]);
    const first = await tier.fetchArchive(records.get(keyOf(0))!);
    if (!first.ok) throw new Error(first.error);
    const copy = Buffer.from(first.value);
    tier.recycle(first.value.buffer as ArrayBuffer);
    const second = await tier.fetchArchive(records.get(keyOf(1))!);
    if (!second.ok) throw new Error(second.error);
    // The same memory, holding the second archive whole (the bytes differ: random files).
    expect(second.value.buffer).toBe(first.value.buffer);
    expect(second.value.length).toBe(SIZE);
    expect(second.value.equals(copy)).toBe(false);
    await tier.close();
  }, 30_000);

  it('brings archives along with lookups only within their own budget, and restores them verified', async () => {
    const tier = new RemoteTier(tierOptions({ mode: 'read', prefetchBytes: 4 * SIZE }));
    const records = await tier.lookup(Array.from({ length: ARTIFACTS }, (_, i) => keyOf(i)));
    expect(records.size).toBe(ARTIFACTS);
    const came = [...records.values()].map((r) => tier.takePrefetched(r));
    const held = came.filter((p) => p !== undefined);
    expect(held.length).toBeGreaterThan(0);
    expect(held.length).toBeLessThanOrEqual(4);
    expect(held.reduce((s, p) => s + p.bytes.length, 0)).toBeLessThanOrEqual(4 * SIZE);
    for (const p of held) p.done();
    await tier.close();

    // Through the tiered cache: every artifact restored (archives that came along are checked as any other) and kept.
    const local = await LocalCache.create(join(dir, 'prefetched'));
    const tiered = new TieredCache(
      local,
      new RemoteTier(tierOptions({ mode: 'read', prefetchBytes: 100 * SIZE })),
    );
    await restoreAll(tiered);
    await tiered.close();
    const again = await LocalCache.create(join(dir, 'prefetched'));
    const hits = await again.lookup(Array.from({ length: ARTIFACTS }, (_, i) => keyOf(i)));
    expect(hits.size).toBe(ARTIFACTS);
    for (const [i, h] of [...hits.values()].entries()) {
      const r = await h.restore(join(dir, 'check', String(i)));
      expect(r.ok).toBe(true);
    }
  }, 30_000);

  it('with every hit to be restored, begins each restore as its archive arrives, before the lookups end', async () => {
    // Room for every record whole (each asked for with room for the largest archive a record carries).
    const options = tierOptions({ mode: 'read', prefetchBytes: ARTIFACTS * 1.1 * 1024 * 1024 });
    const local = await LocalCache.create(join(dir, 'early'));
    const adopted: JobKey[] = [];
    const adopt = local.adoptArchive.bind(local);
    local.adoptArchive = (key: JobKey, a: ArchiveToAdopt) => {
      adopted.push(key);
      return adopt(key, a);
    };
    let whenLookupsEnded = -1;
    const getMetas = options.store.getMetas.bind(options.store);
    options.store.getMetas = async (...args: Parameters<ObjectStore['getMetas']>) => {
      const found = await getMetas(...args);
      // The last record is in: what was begun by now was begun while records were still arriving.
      await new Promise((r) => setTimeout(r, 50));
      whenLookupsEnded = adopted.length;
      return found;
    };
    const tiered = new TieredCache(local, new RemoteTier(options));
    await restoreAll(tiered);
    await tiered.close();
    expect(whenLookupsEnded).toBe(ARTIFACTS);
    // Each archive written once: the restores asked for afterwards answer from those begun early (in the entry,
    // sealed: not a second copy out of it).
    expect(adopted).toHaveLength(ARTIFACTS);
  }, 30_000);

  it('with every hit to be restored and room for only a few records, waits for room: each archive comes once, with its record', async () => {
    // Room for three records in flight (each asked for with room for the largest archive a record carries), a
    // disk slower than the network, and misses among the keys (they must give their room back at once).
    const options = tierOptions({ mode: 'read', prefetchBytes: 3.5 * (RECORD_HEAD + INLINE_ARCHIVE_LIMIT) });
    const local = await slowLocal('waiting');
    let wholeRecords = 0;
    let parts = 0;
    const store = options.store;
    const getMetas = store.getMetas.bind(store);
    store.getMetas = (ids, head, arrived, memory, missed) =>
      getMetas(
        ids,
        head,
        arrived &&
          ((id, bytes) => {
            if (bytes.length > SIZE) wholeRecords++;
            return arrived(id, bytes);
          }),
        memory,
        missed,
      );
    const getPart = store.getPart.bind(store);
    store.getPart = (...args) => {
      parts++;
      return getPart(...args);
    };
    const tiered = new TieredCache(local.cache, new RemoteTier(options));
    const missing = Array.from({ length: 30 }, (_, i) => keyOf(1000 + i));
    const hits = await tiered.lookup([...missing, ...Array.from({ length: ARTIFACTS }, (_, i) => keyOf(i))]);
    expect(hits.size).toBe(ARTIFACTS);
    for (const [i, h] of [...hits.values()].entries()) {
      const r = await h.restore(join(dir, 'waiting-out', String(i)));
      expect(r.ok).toBe(true);
    }
    await tiered.close();
    expect(wholeRecords).toBe(ARTIFACTS);
    expect(parts).toBe(0);
    expect(local.most()).toBeLessThanOrEqual(3.5 * (RECORD_HEAD + INLINE_ARCHIVE_LIMIT));
  }, 30_000);

  it('with every hit to be restored, keeps only so many archives ahead of a slow disk, whatever the budget', async () => {
    // 200 archives of 100 kB (20 MB): more than the lookups keep ahead (8 MiB) plus what 32 requests bring at once.
    const many = 200;
    const big = 100_000;
    const keyOfBig = (i: number): JobKey => (0x5000 + i).toString(16).padStart(40, '0') as JobKey;
    const seed = new RemoteTier(tierOptions());
    for (let i = 0; i < many; i++) {
      const out = join(dir, 'big-outputs', String(i));
      await mkdir(out, { recursive: true });
      await writeFile(join(out, 'data.bin'), randomBytes(big));
      seed.upload(keyOfBig(i), out, {
        outputDir: out,
        stdout: Buffer.alloc(0),
        stderr: Buffer.alloc(0),
        durationMs: 1,
      });
    }
    await seed.close();

    // Room in the budget for every record at once; a disk that writes one archive at a time, 5 ms each.
    const options = tierOptions({ mode: 'read', prefetchBytes: many * (RECORD_HEAD + INLINE_ARCHIVE_LIMIT) });
    const local = await LocalCache.create(join(dir, 'kept-ahead'));
    let arrived = 0;
    let written = 0;
    let most = 0;
    const adopt = local.adoptArchive.bind(local);
    let disk = Promise.resolve();
    local.adoptArchive = (key: JobKey, a: ArchiveToAdopt) => {
      const turn = disk.then(async () => {
        await new Promise((r) => setTimeout(r, 5));
        const r = await adopt(key, a);
        written += a.archive.length;
        return r;
      });
      disk = turn.then(() => undefined);
      return turn;
    };
    const store = options.store;
    const getMetas = store.getMetas.bind(store);
    store.getMetas = (ids, head, onArrival, memory, missed) =>
      getMetas(
        ids,
        head,
        onArrival &&
          ((id, bytes) => {
            arrived += bytes.length;
            most = Math.max(most, arrived - written);
            return onArrival(id, bytes);
          }),
        memory,
        missed,
      );
    const tiered = new TieredCache(local, new RemoteTier(options));
    const hits = await tiered.lookup(Array.from({ length: many }, (_, i) => keyOfBig(i)));
    expect(hits.size).toBe(many);
    for (const [i, h] of [...hits.values()].entries()) {
      const r = await h.restore(join(dir, 'kept-ahead-out', String(i)));
      expect(r.ok).toBe(true);
    }
    await tiered.close();
    expect(written).toBe(many * big);
    // At most 8 MiB kept, plus what the requests in flight when that was reached brought.
    expect(most).toBeLessThan(8 * 1024 * 1024 + 32 * (big + RECORD_HEAD));
  }, 60_000);

  it('downloads no record whole whose archive the lookups budget cannot keep', async () => {
    // Room for four and a half archives: once four are held, a fifth cannot be, and its record is not worth
    // downloading whole.
    const options = tierOptions({ mode: 'read', prefetchBytes: 4.5 * SIZE });
    let downloaded = 0;
    const getMetas = options.store.getMetas.bind(options.store);
    options.store.getMetas = (ids, head, arrived) =>
      getMetas(ids, head, (id, bytes) => {
        downloaded += bytes.length;
        return arrived ? arrived(id, bytes) : bytes;
      });
    const tier = new RemoteTier(options);
    const records = await tier.lookup(Array.from({ length: ARTIFACTS }, (_, i) => keyOf(i)));
    expect(records.size).toBe(ARTIFACTS);
    const held = [...records.values()].map((r) => tier.takePrefetched(r)).filter((p) => p !== undefined);
    expect(held.length).toBeGreaterThan(0);
    const kept = held.reduce((s, p) => s + p.bytes.length, 0);
    for (const p of held) p.done();
    await tier.close();
    // What came and was not kept: the records' first bytes, not their archives.
    expect(downloaded - kept).toBeLessThanOrEqual(ARTIFACTS * 4096);
  }, 30_000);

  it('keeps no archive a restore will not take from memory (small, but its files add up to more than 4 MiB)', async () => {
    const key = 'f'.repeat(40) as JobKey;
    const out = join(dir, 'outputs', 'zeros');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'zeros.bin'), Buffer.alloc(5 * 1024 * 1024));
    const seed = new RemoteTier(tierOptions());
    seed.upload(key, out, {
      outputDir: out,
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      durationMs: 1,
    });
    await seed.close();

    const tier = new RemoteTier(tierOptions({ mode: 'read', prefetchBytes: 100 * SIZE }));
    const record = (await tier.lookup([key])).get(key)!;
    expect(record.archive.inline).toBe(true);
    expect(tier.fitsInMemory(record)).toBe(false);
    // Kept, it would hold its bytes in the budget until the end while the restore fetched the archive again.
    expect(tier.takePrefetched(record)).toBeUndefined();
    await tier.close();
  }, 30_000);
});
