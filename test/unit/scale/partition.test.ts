import { describe, expect, it } from 'vitest';
import { partition, type WorkItem } from '../../../src/scale/partition.js';

const fan = (leaves: number, seconds = 0.1): WorkItem[] => [
  { id: 'root', deps: [], seconds },
  ...Array.from({ length: leaves }, (_, i) => ({
    id: `leaf${String(i).padStart(3, '0')}`,
    deps: [0],
    seconds,
  })),
];
const chain = (n: number, seconds: number): WorkItem[] =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i}`, deps: i === 0 ? [] : [i - 1], seconds }));

/**
 * Every item is planned once (a copy once per shard that builds it), and nothing a shard builds depends on
 * another shard's items.
 */
function expectSound(items: readonly WorkItem[], p: ReturnType<typeof partition>): void {
  const copies = new Set(p.copies);
  const owner = new Map<number, number>();
  p.trunk.forEach((i) => owner.set(i, -1));
  p.shards.forEach((s, k) => s.forEach((i) => (copies.has(i) ? undefined : owner.set(i, k))));
  for (const c of copies) expect(p.shards.filter((s) => s.includes(c)).length).toBeGreaterThan(1);
  expect(p.trunk.length + p.shards.flat().filter((i) => !copies.has(i)).length + copies.size).toBe(
    items.length,
  );
  expect(owner.size + copies.size).toBe(items.length);
  items.forEach((it, i) => {
    for (const d of it.deps) {
      // The trunk holds its own dependencies; a shard's dependencies are in the trunk or in the same shard.
      if (owner.get(i) === -1) expect(owner.get(d)).toBe(-1);
      else if (copies.has(d)) {
        for (const s of p.shards) if (s.includes(i)) expect(s).toContain(d);
      } else if (copies.has(i)) expect(owner.get(d)).toBe(-1);
      else expect([-1, owner.get(i)]).toContain(owner.get(d));
    }
  });
  const w = (i: number): number => items[i]!.seconds;
  const duplicated = p.copies.reduce(
    (t, c) => t + w(c) * (p.shards.filter((s) => s.includes(c)).length - 1),
    0,
  );
  expect(p.duplicatedSeconds).toBeCloseTo(duplicated, 6);
}

/** Two independent roots of 3 s, each needed by every other of `leaves` leaves of 1 s. */
const twoRoots = (leaves: number): WorkItem[] => [
  { id: 'a', deps: [], seconds: 3 },
  { id: 'b', deps: [], seconds: 3 },
  ...Array.from({ length: leaves }, (_, i) => ({
    id: `l${String(i).padStart(3, '0')}`,
    deps: [i % 2],
    seconds: 1,
  })),
];

describe('partition', () => {
  it('one component around a root: the root is the trunk, the leaves spread over many shards by work', () => {
    const items = fan(200);
    const p = partition(items, { startupSeconds: 1, maxShards: 16, cores: 2 });
    expectSound(items, p);
    expect(p.trunk).toEqual([0]);
    expect(p.shards.length).toBeGreaterThanOrEqual(4);
    const sizes = p.shards.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(p.estimateSeconds).toBeLessThan(0.5 * p.singleRunnerSeconds);
  });

  it('balances shards by work, not by job count', () => {
    const items: WorkItem[] = [
      ...Array.from({ length: 4 }, (_, i) => ({ id: `big${i}`, deps: [], seconds: 100 })),
      ...Array.from({ length: 40 }, (_, i) => ({
        id: `small${String(i).padStart(2, '0')}`,
        deps: [],
        seconds: 10,
      })),
    ];
    const p = partition(items, { startupSeconds: 5, maxShards: 4, cores: 1 });
    expectSound(items, p);
    const work = p.shards.map((s) => s.reduce((t, i) => t + items[i]!.seconds, 0));
    expect(Math.max(...work)).toBeLessThanOrEqual(210);
  });

  it('asks for no more shards than save their start-up; one shard means the planner builds it all', () => {
    const items = fan(10, 1);
    expect(partition(items, { startupSeconds: 60, maxShards: 16, cores: 2 })).toMatchObject({
      trunk: items.map((_, i) => i),
      shards: [[]],
    });
    const few = partition(fan(40, 10), { startupSeconds: 30, maxShards: 16, cores: 2 });
    expect(few.shards.length).toBeGreaterThan(1);
    expect(few.shards.length).toBeLessThan(16);
  });

  it('never plans slower than one runner: a chain stays on the planner', () => {
    const items = chain(50, 10);
    const p = partition(items, { startupSeconds: 30, maxShards: 16, cores: 2 });
    expect(p.shards).toEqual([[]]);
    expect(p.estimateSeconds).toBe(p.singleRunnerSeconds);
  });

  it('is deterministic and independent of the order items are given in', () => {
    const items = fan(30, 2);
    const a = partition(items, { startupSeconds: 1, maxShards: 8, cores: 2 });
    expect(partition(items, { startupSeconds: 1, maxShards: 8, cores: 2 })).toEqual(a);
    // The same work listed backwards (dependencies renumbered): the same ids land together.
    const reversed = [...items]
      .reverse()
      .map((it) => ({ ...it, deps: it.deps.map((d) => items.length - 1 - d) }));
    const b = partition(reversed, { startupSeconds: 1, maxShards: 8, cores: 2 });
    const ids = (xs: WorkItem[], p: ReturnType<typeof partition>): string[][] =>
      p.shards.map((s) => s.map((i) => xs[i]!.id).sort()).sort();
    expect(ids(reversed, b)).toEqual(ids(items, a));
  });

  it('plans 50,000 jobs in seconds', () => {
    const items: WorkItem[] = Array.from({ length: 50_000 }, (_, i) => ({
      id: `j${i}`,
      deps: i < 10 ? [] : [i % 10, i - 1 - (i % 7)].filter((d, k, all) => all.indexOf(d) === k),
      seconds: 1 + (i % 5),
    }));
    const t0 = performance.now();
    const p = partition(items, { startupSeconds: 30, maxShards: 16, cores: 4 });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expectSound(items, p);
  });

  it('copies cheap trunk jobs into the shards that need them when that beats waiting for the planner', () => {
    const items = twoRoots(80);
    const o = { startupSeconds: 1, maxShards: 4, cores: 1 };
    const waiting = partition(items, { ...o, maxDuplicateShare: 0 });
    expectSound(items, waiting);
    expect(waiting.trunk).toEqual([0, 1]);
    expect(waiting.copies).toEqual([]);

    const p = partition(items, o);
    expectSound(items, p);
    // Nothing is waited for: each root is built by the two shards whose leaves need it, not by the planner.
    expect(p.trunk).toEqual([]);
    expect(p.copies).toEqual([0, 1]);
    for (const root of [0, 1]) expect(p.shards.filter((s) => s.includes(root))).toHaveLength(2);
    expect(p.duplicatedSeconds).toBe(6);
    expect(p.estimateSeconds).toBeLessThan(waiting.estimateSeconds);
  });

  it('keeps duplicated work within its bound, and copies nothing that only moves the wait', () => {
    const items = twoRoots(80);
    const total = items.reduce((t, it) => t + it.seconds, 0);
    for (const share of [0.02, 0.05, 0.1, 0.3]) {
      const p = partition(items, { startupSeconds: 1, maxShards: 4, cores: 1, maxDuplicateShare: share });
      expectSound(items, p);
      expect(p.duplicatedSeconds).toBeLessThanOrEqual(share * total + 1e-9);
    }
    // A root every shard needs, on the critical path whoever builds it: copying it only costs work.
    const p = partition(fan(200, 1), { startupSeconds: 1, maxShards: 8, cores: 2, maxDuplicateShare: 1 });
    expect(p.trunk).toEqual([0]);
    expect(p.copies).toEqual([]);
    expect(p.duplicatedSeconds).toBe(0);
  });
});
