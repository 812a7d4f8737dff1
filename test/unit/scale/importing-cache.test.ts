import { describe, expect, it } from 'vitest';
import type { Cache, CacheHit } from '../../../src/cache/cache.js';
import type { JobKey } from '../../../src/ids/brands.js';
import { ImportingCache } from '../../../src/scale/importing-cache.js';
import type { Found, JobExchange } from '../../../src/scale/job-exchange.js';
import { ok } from '../../../src/util/result.js';

const key = (c: string): JobKey => c.repeat(64) as JobKey;
const A = key('a');
const B = key('b');
const C = key('c');
const prefix = (k: JobKey): string => k.slice(0, 16);

/** Shard 1 builds A; shard 2 builds B, which needs A; C is shard 1's too but nobody else needs it. */
const plan = {
  shards: [[prefix(A), prefix(C)], [prefix(B)]],
  exports: [{ key: prefix(A), owner: 1, at: 10 }],
};

const empty: Cache = {
  lookup: () => Promise.resolve(new Map()),
  save: () => Promise.resolve({ saved: true }),
  close: () => Promise.resolve(),
};

function hitFor(k: JobKey): CacheHit {
  return {
    key: k,
    durationMs: 5,
    logs: () => Promise.resolve({ stdout: Buffer.from('built'), stderr: Buffer.alloc(0) }),
    restore: () => Promise.resolve(ok(undefined)),
  };
}

/** A clock that only moves when the cache sleeps, and an exchange that answers from a script. */
function rig(answer: (t: number) => Found['kind']) {
  let now = 1_000_000;
  const looks: number[] = [];
  const exchange: JobExchange = {
    publish: () => Promise.resolve(true),
    withdraw: () => Promise.resolve(),
    find: (k) => {
      looks.push(now);
      const kind = answer(now - 1_000_000);
      return Promise.resolve(kind === 'published' ? { kind, hit: hitFor(k) } : { kind });
    },
  };
  const duplicated: string[] = [];
  const cache = new ImportingCache(empty, exchange, {
    plan,
    shard: 2,
    startedAt: now,
    marginSeconds: 5,
    onDuplicate: (_k, why) => duplicated.push(why),
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
  });
  return { cache, looks: () => looks.map((t) => t - 1_000_000), duplicated };
}

describe('ImportingCache', () => {
  it('answers another shard’s job as a hit that is restored once it is published, with backing-off looks', async () => {
    const r = rig((t) => (t >= 3000 ? 'published' : 'absent'));
    const hits = await r.cache.lookup([A, B, C]);
    // B is this shard's: a plain miss. A and C are others': awaited hits.
    expect([...hits.keys()].sort()).toEqual([A, C]);
    const restored = await hits.get(A)!.restore('/nowhere');
    expect(restored.ok).toBe(true);
    expect(r.looks()).toEqual([0, 500, 1500, 3500]);
    expect(r.duplicated).toEqual([]);
    expect((await hits.get(A)!.logs()).stdout.toString()).toBe('built');
  });

  it('gives up at the bound (twice the planned time plus the margin), then lets this shard build it', async () => {
    const r = rig(() => 'absent');
    const hits = await r.cache.lookup([A]);
    const restored = await hits.get(A)!.restore('/nowhere');
    expect(restored.ok).toBe(false);
    // Pauses double up to 5 s; the last look is at the bound, 25 s.
    expect(r.looks()).toEqual([0, 500, 1500, 3500, 7500, 12500, 17500, 22500, 25000]);
    expect(r.duplicated).toEqual(["shard 1/2 did not publish it within 25 s of this shard's start"]);
    // From now on the job is a plain miss here: the engine's look before building finds nothing to wait for.
    expect((await r.cache.lookup([A])).has(A)).toBe(false);
  });

  it('stops waiting as soon as the owner withdraws the job', async () => {
    const r = rig((t) => (t >= 1000 ? 'withdrawn' : 'absent'));
    const restored = await (await r.cache.lookup([A])).get(A)!.restore('/nowhere');
    expect(restored.ok).toBe(false);
    expect(r.looks()).toEqual([0, 500, 1500]);
    expect(r.duplicated).toEqual(['shard 1/2 did not build it']);
  });

  it('does not wait for a job nobody publishes (needed only through one it gave up on)', async () => {
    const r = rig(() => 'published');
    const restored = await (await r.cache.lookup([C])).get(C)!.restore('/nowhere');
    expect(restored.ok).toBe(false);
    expect(r.looks()).toEqual([]);
  });

  it('as the owner: publishes an exported job once saved, and withdraws one it did not build', async () => {
    const calls: string[] = [];
    const exchange: JobExchange = {
      publish: (k) => (calls.push(`publish ${k[0]}`), Promise.resolve(k === A)),
      withdraw: (k) => (calls.push(`withdraw ${k[0]}`), Promise.resolve()),
      find: () => Promise.resolve({ kind: 'absent' }),
    };
    const owner = new ImportingCache(empty, exchange, {
      plan: { ...plan, exports: [...plan.exports, { key: prefix(C), owner: 1, at: 1 }] },
      shard: 1,
      startedAt: 0,
      marginSeconds: 5,
      onDuplicate: () => undefined,
    });
    const artifact = { outputDir: '/x', stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), durationMs: 1 };
    await owner.save(A, artifact);
    await owner.save(B, artifact);
    // A failed publication is withdrawn at once, so waiters do not wait out their bound.
    await owner.save(C, artifact);
    owner.notBuilt(C);
    owner.notBuilt(B);
    await owner.close();
    expect(calls).toEqual(['publish a', 'publish c', 'withdraw c']);
  });
});
