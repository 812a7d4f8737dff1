import { describe, expect, it } from 'vitest';
import type { WorkItem } from '../../../src/scale/partition.js';
import { pipelinePlan, type PipelinePlan } from '../../../src/scale/pipeline.js';
import { decodePlan, encodePlan } from '../../../src/scale/shard-plan.js';
import { prng } from '../../../bench/workspace.js';

const fan = (leaves: number, seconds: number, root = seconds): WorkItem[] => [
  { id: 'root', deps: [], seconds: root },
  ...Array.from({ length: leaves }, (_, i) => ({
    id: `leaf${String(i).padStart(3, '0')}`,
    deps: [0],
    seconds,
  })),
];

/** A graph shaped like the benchmark's: up to 3 deps among the 40 previous items, 5–60 s each. */
function layered(n: number): WorkItem[] {
  const rand = prng(42);
  return Array.from({ length: n }, (_, i) => {
    const deps = new Set<number>();
    const count = i === 0 ? 0 : Math.floor(rand() * 4);
    for (let d = 0; d < count; d++) deps.add(Math.max(0, i - 1 - Math.floor(rand() * Math.min(i, 40))));
    return { id: `p${i}`, deps: [...deps].sort((a, b) => a - b), seconds: 5 + Math.round(rand() * 55) };
  });
}

/**
 * Every item is built by its owner (and copies by the shards copying them); every dependency a shard does not
 * build is exported by the shard that owns it; copies stay within the duplication bound.
 */
function expectSound(items: readonly WorkItem[], p: PipelinePlan, share = 0.1): void {
  const built = p.shards.map((s) => new Set(s));
  const exports = new Map(p.exports.map((e) => [e.item, e]));
  const owners = items.map((_, i) => built.filter((s) => s.has(i)).length);
  for (const [i, n] of owners.entries()) expect(n, `item ${i}`).toBeGreaterThanOrEqual(1);
  items.forEach((it, i) => {
    built.forEach((s, r) => {
      if (!s.has(i)) return;
      for (const d of it.deps) {
        if (s.has(d)) continue;
        const e = exports.get(d);
        expect(e, `item ${i} on shard ${r} needs ${d}`).toBeDefined();
        expect(built[e!.owner]!.has(d)).toBe(true);
      }
    });
  });
  for (const e of p.exports) expect(e.finish).toBeGreaterThan(0);
  const work = items.reduce((t, it) => t + it.seconds, 0);
  const executed = p.shards.reduce((t, s) => t + s.reduce((u, i) => u + items[i]!.seconds, 0), 0);
  expect(executed - work).toBeCloseTo(p.duplicatedSeconds, 6);
  expect(p.duplicatedSeconds).toBeLessThanOrEqual(share * work + 1e-6);
}

describe('pipelinePlan', () => {
  it('no trunk: one component of 1,000 jobs spreads over shards that hand jobs to each other', () => {
    const items = layered(1000);
    const p = pipelinePlan(items, { startupSeconds: 30, maxShards: 8, cores: 2, latencySeconds: 15 });
    expectSound(items, p);
    expect(p.onPlanner).toEqual([]);
    expect(p.shards.length).toBe(8);
    expect(p.exports.length).toBeGreaterThan(100);
    const work = items.reduce((t, it) => t + it.seconds, 0);
    const finish: number[] = [];
    items.forEach((it, i) => (finish[i] = Math.max(0, ...it.deps.map((d) => finish[d]!)) + it.seconds));
    const bound = 30 + Math.max(Math.max(...finish), work / 16);
    // Within 1.3× of start-up + max(critical path, work / (n × cores)), its plan job included: what the trunk
    // plan misses by 2–4× on this shape.
    expect(p.estimateSeconds).toBeLessThan(1.3 * bound);
  });

  it('waits for a shared root when copying it costs more than the bound allows', () => {
    // 9 s of work: a 10 % bound allows no copy of a 1 s root.
    const items = fan(8, 1);
    const p = pipelinePlan(items, { startupSeconds: 1, maxShards: 2, cores: 1, latencySeconds: 1 });
    expectSound(items, p);
    expect(p.shards).toHaveLength(2);
    expect(p.copies).toEqual([]);
    expect(p.exports).toEqual([{ item: 0, owner: p.shards.findIndex((s) => s.includes(0)), finish: 1 }]);
  });

  it('copies a cheap root into every shard instead of waiting for its publication', () => {
    const items = fan(200, 30, 2);
    const p = pipelinePlan(items, { startupSeconds: 30, maxShards: 4, cores: 2, latencySeconds: 15 });
    expectSound(items, p);
    expect(p.copies).toEqual([0]);
    expect(p.exports).toEqual([]);
    expect(p.shards.every((s) => s.includes(0))).toBe(true);
  });

  it('spreads same-length sibling chains over runners instead of piling them onto the first', () => {
    // A root and three chains of five equal jobs: every next job of a chain ends as soon on the root's runner
    // as on an idle one, and taking the first runner on such ties put all three chains on it.
    const items: WorkItem[] = [{ id: 'root', deps: [], seconds: 1 }];
    for (const c of ['a', 'b', 'c'])
      for (let i = 0; i < 5; i++)
        items.push({ id: `${c}${i}`, deps: [i === 0 ? 0 : items.length - 1], seconds: 0.5 });
    const p = pipelinePlan(items, { startupSeconds: 1, maxShards: 3, cores: 1, latencySeconds: 1 });
    expect(p.shards.length).toBeGreaterThan(1);
    expect(p.estimateSeconds).toBeLessThan(0.9 * p.singleRunnerSeconds);
    expectSound(items, p);
  });

  it('never plans slower than one runner: a chain stays on the planner', () => {
    const items = Array.from({ length: 50 }, (_, i) => ({
      id: `c${i}`,
      deps: i ? [i - 1] : [],
      seconds: 10,
    }));
    const p = pipelinePlan(items, { startupSeconds: 30, maxShards: 16, cores: 2 });
    expect(p.shards).toEqual([[]]);
    expect(p.onPlanner).toHaveLength(50);
    expect(p.estimateSeconds).toBe(p.singleRunnerSeconds);
  });

  it('is deterministic, and the encoded plan gives every shard the same owners and exports', () => {
    const items = layered(300);
    const o = { startupSeconds: 10, maxShards: 6, cores: 2, latencySeconds: 5 };
    const a = pipelinePlan(items, o);
    const b = pipelinePlan(
      items.map((it) => ({ ...it, deps: [...it.deps] })),
      o,
    );
    expect(b).toEqual(a);
    const key = (i: number): string => i.toString(16).padStart(16, '0');
    const plan = {
      shards: a.shards.map((s) => s.map(key)),
      exports: a.exports.map((e) => ({ key: key(e.item), owner: e.owner + 1, at: e.finish })),
    };
    const decoded = decodePlan(encodePlan(plan));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.shards).toEqual(plan.shards);
    expect(decoded.value.exports!.map((e) => [e.key, e.owner])).toEqual(
      plan.exports.map((e) => [e.key, e.owner]),
    );
    for (const [i, e] of decoded.value.exports!.entries()) expect(e.at).toBeCloseTo(plan.exports[i]!.at, 1);
    // Decoding again (another shard, a re-run) gives the same.
    expect(decodePlan(encodePlan(plan))).toEqual(decoded);
  });

  it('refuses plans whose exports name shards that do not exist', () => {
    expect(decodePlan('{"v":2,"shards":[["ab"]],"exports":[["ab",2,1]]}').ok).toBe(false);
    expect(decodePlan('{"v":2,"shards":[["ab"]],"exports":[["ab",1,-1]]}').ok).toBe(false);
    expect(decodePlan('{"v":2,"shards":[["ab"]]}').ok).toBe(false);
    expect(decodePlan('{"v":2,"shards":[["ab"],["cd"]],"exports":[["ab",1,1.5]]}')).toEqual({
      ok: true,
      value: { shards: [['ab'], ['cd']], exports: [{ key: 'ab', owner: 1, at: 1.5 }] },
    });
  });

  it('plans 20,000 jobs in seconds', () => {
    const items = layered(20_000);
    const t0 = performance.now();
    const p = pipelinePlan(items, { startupSeconds: 30, maxShards: 16, cores: 4 });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(p.shards.length).toBeGreaterThan(1);
  });
});
