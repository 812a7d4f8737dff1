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
function rig(
  answer: (t: number) => Found['kind'] | 'never',
  at = 10,
  signal?: AbortSignal,
  more: { seconds?: number[][]; maxScale?: number } = {},
) {
  let now = 1_000_000;
  const looks: number[] = [];
  const exchange: JobExchange = {
    publish: () => Promise.resolve(true),
    withdraw: () => Promise.resolve(),
    find: (k) => {
      looks.push(now);
      const kind = answer(now - 1_000_000);
      // 'never': a look-up the service never answers (a connection that hangs).
      if (kind === 'never') return new Promise<Found>(() => undefined);
      if (kind === 'refused')
        return Promise.resolve({ kind, why: 'its archive was refused (a member escapes)' });
      return Promise.resolve(kind === 'published' ? { kind, hit: hitFor(k) } : { kind });
    },
  };
  const duplicated: string[] = [];
  const cache = new ImportingCache(empty, exchange, {
    plan: {
      ...plan,
      exports: [{ ...plan.exports[0]!, at }],
      ...(more.seconds ? { seconds: more.seconds } : {}),
    },
    ...(signal ? { signal } : {}),
    ...(more.maxScale !== undefined ? { maxScale: more.maxScale } : {}),
    shard: 2,
    startedAt: now,
    marginSeconds: 5,
    onDuplicate: (_k, why) => duplicated.push(why),
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
    // A cut-off fires after every answer already given (a macrotask later), and only then moves the clock.
    timer: (ms) => {
      let t: NodeJS.Immediate | undefined;
      const passed = new Promise<void>((r) => {
        t = setImmediate(() => {
          now += ms;
          r();
        });
      });
      return { passed, cancel: () => clearImmediate(t) };
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
    expect(r.looks()).toEqual([0, 1250, 2344, 4344]);
    expect(r.duplicated).toEqual([]);
    expect((await hits.get(A)!.logs()).stdout.toString()).toBe('built');
  });

  it('gives up at the bound (twice the planned time plus the margin), then lets this shard build it', async () => {
    const r = rig(() => 'absent');
    const hits = await r.cache.lookup([A]);
    const restored = await hits.get(A)!.restore('/nowhere');
    expect(restored.ok).toBe(false);
    // Before the expected 10 s an eighth of the time left, then pauses double up to 5 s; the last look is at the
    // bound, 25 s.
    expect(r.looks()).toEqual([0, 1250, 2344, 4344, 8344, 13344, 18344, 23344, 25000]);
    expect(r.duplicated).toEqual(["shard 1/2 did not publish it within 25 s of this shard's start"]);
    // From now on the job is a plain miss here: the engine's look before building finds nothing to wait for.
    expect((await r.cache.lookup([A])).has(A)).toBe(false);
  });

  it('rescales its bound by how much slower than planned this shard’s own jobs ran', async () => {
    // B (this shard's, planned at 10 s) took 30 s: the owner's A, planned at 10 s, is due at about 30 s, and
    // the bound is 2 × 10 × 3 + 5 = 65 s. A published at 50 s is restored, not rebuilt.
    const r = rig((t) => (t >= 50_000 ? 'published' : 'absent'), 10, undefined, { seconds: [[1, 1], [10]] });
    r.cache.jobStarted(B);
    r.cache.jobEnded(B, 30_000);
    expect(r.cache.scale()).toBe(3);
    const restored = await (await r.cache.lookup([A])).get(A)!.restore('/nowhere');
    expect(restored.ok).toBe(true);
    expect(r.duplicated).toEqual([]);
    // Unscaled (no planned times in the plan), the same wait gives up at 25 s.
    const plain = rig((t) => (t >= 50_000 ? 'published' : 'absent'));
    plain.cache.jobEnded(B, 30_000);
    expect((await (await plain.cache.lookup([A])).get(A)!.restore('/nowhere')).ok).toBe(false);
    expect(plain.duplicated).toEqual(["shard 1/2 did not publish it within 25 s of this shard's start"]);
  });

  it('rescales at every look by a job of its own still running longer than planned', async () => {
    // B, planned at 2 s, has run since the start and never ends: at each look the scale is the time so far
    // over 2 s, so the bound keeps moving until the cap (10): 2 × 10 × 10 + 5 = 205 s.
    const r = rig((t) => (t >= 150_000 ? 'published' : 'absent'), 10, undefined, { seconds: [[1, 1], [2]] });
    r.cache.jobStarted(B);
    const restored = await (await r.cache.lookup([A])).get(A)!.restore('/nowhere');
    expect(restored.ok).toBe(true);
    expect(r.looks().at(-1)).toBeGreaterThanOrEqual(150_000);
    expect(r.duplicated).toEqual([]);
  });

  it('caps the scale: a waiter on an owner that was killed still ends, within cap × 2 × planned + margin', async () => {
    // B took 1,000 times its planned time; with a cap of 4 the bound is 2 × 10 × 4 + 5 = 85 s.
    const r = rig(() => 'absent', 10, undefined, { seconds: [[1, 1], [1]], maxScale: 4 });
    r.cache.jobEnded(B, 1_000_000);
    expect(r.cache.scale()).toBe(4);
    const restored = await (await r.cache.lookup([A])).get(A)!.restore('/nowhere');
    expect(restored.ok).toBe(false);
    expect(r.looks().at(-1)).toBe(85_000);
    expect(r.duplicated).toEqual(["shard 1/2 did not publish it within 85 s of this shard's start"]);
    // The default cap, with a job of its own that never ends (the runner is stuck): 2 × 10 × 10 + 5 = 205 s.
    const stuck = rig(() => 'absent', 10, undefined, { seconds: [[1, 1], [1]] });
    stuck.cache.jobStarted(B);
    expect((await (await stuck.cache.lookup([A])).get(A)!.restore('/nowhere')).ok).toBe(false);
    expect(stuck.looks().at(-1)).toBe(205_000);
  });

  it('looks rarely before the job is expected, and often once it is due: a few dozen look-ups per wait, not hundreds', async () => {
    // Expected 600 s after the start; published at 610 s.
    const r = rig((t) => (t >= 610_000 ? 'published' : 'absent'), 600);
    const restored = await (await r.cache.lookup([A])).get(A)!.restore('/nowhere');
    expect(restored.ok).toBe(true);
    const looks = r.looks();
    expect(looks.length).toBeLessThanOrEqual(40);
    // Not at the start (no job expected minutes later is there yet): an eighth of the planned time after it.
    expect(looks[0]).toBe(75_000);
    // Found within one pause (at most 5 s) of its publication.
    expect(looks[looks.length - 1]! - 610_000).toBeLessThanOrEqual(5000);
    // An owner faster than planned is noticed within an eighth of the time that was still expected.
    const early = rig((t) => (t >= 100_000 ? 'published' : 'absent'), 600);
    await (await early.cache.lookup([A])).get(A)!.restore('/nowhere');
    expect(early.looks()[early.looks().length - 1]! - 100_000).toBeLessThanOrEqual(500_000 / 8 + 1);
  });

  it('stops waiting as soon as the owner withdraws the job', async () => {
    const r = rig((t) => (t >= 1000 ? 'withdrawn' : 'absent'));
    const restored = await (await r.cache.lookup([A])).get(A)!.restore('/nowhere');
    expect(restored.ok).toBe(false);
    expect(r.looks()).toEqual([0, 1250]);
    expect(r.duplicated).toEqual(['shard 1/2 did not build it']);
  });

  it('does not wait past its bound for a look-up that hangs', async () => {
    const r = rig((t) => (t >= 20_000 ? 'never' : 'absent'));
    const restored = await (await r.cache.lookup([A])).get(A)!.restore('/nowhere');
    expect(restored.ok).toBe(false);
    expect(r.looks()).toEqual([0, 1250, 2344, 4344, 8344, 13344, 18344, 23344]);
    expect(r.duplicated).toEqual(["shard 1/2 did not publish it within 25 s of this shard's start"]);
  }, 2000);

  it('stops waiting at once for a publication that cannot be used (refused archive): looking again will not help', async () => {
    const r = rig((t) => (t >= 1000 ? 'refused' : 'absent'));
    const restored = await (await r.cache.lookup([A])).get(A)!.restore('/nowhere');
    expect(restored.ok).toBe(false);
    expect(r.looks()).toEqual([0, 1250]);
    expect(r.duplicated).toEqual([
      "shard 1/2's publication of it cannot be used: its archive was refused (a member escapes)",
    ]);
  });

  it('stops waiting when the run is interrupted, and does not call that a duplication', async () => {
    const stop = new AbortController();
    const r = rig(
      (t) => {
        if (t >= 1000) stop.abort();
        return 'absent';
      },
      10,
      stop.signal,
    );
    const restored = await (await r.cache.lookup([A])).get(A)!.restore('/nowhere');
    expect(restored.ok).toBe(false);
    expect(r.looks()).toEqual([0, 1250]);
    expect(r.duplicated).toEqual([]);
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
