import type { WorkItem } from './partition.js';

/**
 * The pipelined plan (DESIGN.md §8, `plan-mode: pipelined`): no trunk. The planner only plans; every missed job
 * is owned by one shard, chosen by earliest finish over all runners' slots (list scheduling, longest remaining
 * chain first, as HEFT does). A job whose dependency another shard owns waits for that shard to publish it
 * (`latencySeconds` after it is built: save, poll, download), unless building a copy of the dependency on the
 * spot finishes sooner; copies stay within `maxDuplicateShare` of the missed work.
 *
 * What the shards need from it: which items each builds (copies included), who owns (and so publishes) each
 * item another shard needs, and when that item is expected, in seconds after the shards start (waiters bound
 * their wait by it).
 *
 * Pure and deterministic: the same items give the same plan on every machine.
 */

export interface PipelineOptions {
  /** What starting one more runner costs before it does any work. */
  startupSeconds: number;
  maxShards: number;
  /** Jobs a runner runs at once. */
  cores: number;
  /** Seconds from a job's end on one runner to its output being usable on another (default 15). */
  latencySeconds?: number;
  /** Work that may be built more than once, as a share of all the missed work (default 0.1). */
  maxDuplicateShare?: number;
}

/** An item one shard publishes for others. */
export interface Export {
  item: number;
  /** Index of the owning shard (0 is shard `1/n`). */
  owner: number;
  /** When it is expected to be built, in seconds after the shards start. */
  finish: number;
}

export interface PipelinePlan {
  /**
   * Items each shard builds (ascending), copies included; empty (`[[]]`) with everything in `onPlanner` when
   * no matrix beats one runner.
   */
  shards: number[][];
  /** Items the planner builds itself: all of them when one runner is fastest, else none. */
  onPlanner: number[];
  /** Items that some shard builds as a copy besides their owner (ascending). */
  copies: number[];
  exports: Export[];
  /** Work built more than once, in seconds. */
  duplicatedSeconds: number;
  /** Estimated wall time of planner + shards, and of one runner building everything (both with start-up). */
  estimateSeconds: number;
  singleRunnerSeconds: number;
  /** Dependencies that cross shards (one publication awaited each). */
  crossings: number;
}

const DEFAULT_LATENCY = 15;

export function pipelinePlan(items: readonly WorkItem[], o: PipelineOptions): PipelinePlan {
  const cores = Math.max(1, o.cores);
  const w = items.map((it) => Math.max(it.seconds, 1e-3));
  const order = priorityOrder(items, w);
  const single = o.startupSeconds + scheduleOn(items, w, order, 1, cores, Infinity, 0).makespan;
  const alone: PipelinePlan = {
    shards: [[]],
    onPlanner: [...items.keys()],
    copies: [],
    exports: [],
    duplicatedSeconds: 0,
    estimateSeconds: items.length === 0 ? o.startupSeconds : single,
    singleRunnerSeconds: single,
    crossings: 0,
  };
  if (items.length === 0 || o.maxShards < 2) return alone;
  const latency = o.latencySeconds ?? DEFAULT_LATENCY;
  const budget = (o.maxDuplicateShare ?? 0.1) * w.reduce((a, b) => a + b, 0);
  let best: (Schedule & { n: number }) | undefined;
  for (const n of runnerCounts(items.length, o.maxShards)) {
    const s = scheduleOn(items, w, order, n, cores, latency, budget);
    if (!best || s.makespan < best.makespan - 1e-9) best = { ...s, n };
  }
  const estimate = 2 * o.startupSeconds + best!.makespan;
  if (estimate >= single - 1e-9) return alone;
  return toPlan(items, best!, estimate, single);
}

interface Schedule {
  makespan: number;
  owner: Int32Array;
  finish: Float64Array;
  /** Per runner, the items it copies. */
  copied: Set<number>[];
  duplicated: number;
  crossings: number;
}

function toPlan(
  items: readonly WorkItem[],
  s: Schedule & { n: number },
  estimate: number,
  single: number,
): PipelinePlan {
  const built: number[][] = Array.from({ length: s.n }, () => []);
  items.forEach((_, i) => built[s.owner[i]!]!.push(i));
  s.copied.forEach((c, r) => built[r]!.push(...c));
  // A runner left without work is no shard: the others are numbered without it.
  const used = [...built.keys()].filter((r) => built[r]!.length > 0);
  const renumber = new Map(used.map((r, k) => [r, k]));
  const shards = used.map((r) => built[r]!);
  const exported = new Set<number>();
  items.forEach((it, i) => {
    const r = s.owner[i]!;
    // A copy's own dependencies are its copier's or copies there too: only owned items import.
    for (const d of it.deps) if (s.owner[d] !== r && !s.copied[r]!.has(d)) exported.add(d);
  });
  const copies = new Set<number>();
  for (const c of s.copied) for (const i of c) copies.add(i);
  return {
    shards: shards.map((x) => [...new Set(x)].sort((a, b) => a - b)),
    onPlanner: [],
    copies: [...copies].sort((a, b) => a - b),
    exports: [...exported]
      .sort((a, b) => a - b)
      .map((item) => ({ item, owner: renumber.get(s.owner[item]!)!, finish: s.finish[item]! })),
    duplicatedSeconds: s.duplicated,
    estimateSeconds: estimate,
    singleRunnerSeconds: single,
    crossings: s.crossings,
  };
}

/** Every runner count from 2 to `most`; only powers of two and `most` for graphs where that would be slow. */
function runnerCounts(m: number, most: number): number[] {
  const counts: number[] = [];
  for (let n = 2; n <= most; n++) if (m * most < 200_000 || (n & (n - 1)) === 0 || n === most) counts.push(n);
  return counts;
}

/** Items by longest remaining chain first (dependencies always come before their dependents), then index. */
function priorityOrder(items: readonly WorkItem[], w: readonly number[]): number[] {
  const m = items.length;
  const dependents: number[][] = items.map(() => []);
  const pending = items.map((it) => it.deps.length);
  items.forEach((it, i) => it.deps.forEach((d) => dependents[d]!.push(i)));
  const topo: number[] = [];
  items.forEach((_, i) => {
    if (pending[i] === 0) topo.push(i);
  });
  for (let k = 0; k < topo.length; k++) {
    for (const j of dependents[topo[k]!]!) if (--pending[j]! === 0) topo.push(j);
  }
  if (topo.length !== m) throw new Error('pipeline: the work items have a cycle');
  const tail = new Float64Array(m);
  for (let k = m - 1; k >= 0; k--) {
    const i = topo[k]!;
    let longest = 0;
    for (const j of dependents[i]!) longest = Math.max(longest, tail[j]!);
    tail[i] = w[i]! + longest;
  }
  const rank = new Int32Array(m);
  topo.forEach((i, k) => (rank[i] = k));
  // A dependency's tail is strictly longer than its dependent's, so this order keeps dependencies first.
  return [...items.keys()].sort(
    (a, b) => tail[b]! - tail[a]! || rank[a]! - rank[b]! || compare(items[a]!.id, items[b]!.id),
  );
}

/**
 * Places items in `order` on `n` runners of `cores` slots each, starting at 0, each on the runner where it
 * would end first: a dependency owned elsewhere arrives `latency` after it ends there, or is copied (built
 * before the item on the same slot) when that ends sooner and the copies stay within `budget` seconds.
 */
function scheduleOn(
  items: readonly WorkItem[],
  w: readonly number[],
  order: readonly number[],
  n: number,
  cores: number,
  latency: number,
  budget: number,
): Schedule {
  const m = items.length;
  const slots = Array.from({ length: n }, () => new Float64Array(cores));
  const owner = new Int32Array(m).fill(-1);
  const finish = new Float64Array(m);
  // Per runner, when a copy built there is ready.
  const copies = Array.from({ length: n }, () => new Map<number, number>());
  let duplicated = 0;
  let crossings = 0;
  for (const j of order) {
    let pick = {
      r: 0,
      slot: 0,
      at: Infinity,
      start: Infinity,
      end: Infinity,
      copied: [] as number[],
      dup: 0,
      cross: 0,
    };
    for (let r = 0; r < n; r++) {
      const free = slots[r]!;
      let slot = 0;
      for (let c = 1; c < cores; c++) if (free[c]! < free[slot]!) slot = c;
      const at = free[slot]!;
      let ready = 0;
      const copied: number[] = [];
      let dup = 0;
      let cross = 0;
      let copyEnd = at;
      for (const d of items[j]!.deps) {
        if (owner[d] === r) {
          ready = Math.max(ready, finish[d]!);
          continue;
        }
        const local = copies[r]!.get(d);
        if (local !== undefined) {
          ready = Math.max(ready, local);
          continue;
        }
        const remote = finish[d]! + latency;
        let depsReady = 0;
        let here = true;
        for (const x of items[d]!.deps) {
          const t = owner[x] === r ? finish[x]! : copies[r]!.get(x);
          if (t === undefined) here = false;
          else depsReady = Math.max(depsReady, t);
        }
        const copyDone = Math.max(copyEnd, depsReady) + w[d]!;
        if (here && duplicated + dup + w[d]! <= budget + 1e-9 && copyDone < remote) {
          copyEnd = copyDone;
          copied.push(d);
          dup += w[d]!;
          ready = Math.max(ready, copyEnd);
        } else {
          ready = Math.max(ready, remote);
          cross++;
        }
      }
      const start = Math.max(ready, at);
      const end = start + w[j]!;
      // On a tie the runner free soonest takes it: the other stays free for what follows. Lowest index first
      // would pile same-length siblings onto one runner whose every next job then ends "as soon" as elsewhere.
      if (end < pick.end - 1e-9 || (end < pick.end + 1e-9 && at < pick.at - 1e-9))
        pick = { r, slot, at, start, end, copied, dup, cross };
    }
    slots[pick.r]![pick.slot] = pick.end;
    owner[j] = pick.r;
    finish[j] = pick.end;
    for (const d of pick.copied) copies[pick.r]!.set(d, pick.start);
    duplicated += pick.dup;
    crossings += pick.cross;
  }
  let makespan = 0;
  for (let i = 0; i < m; i++) makespan = Math.max(makespan, finish[i]!);
  return {
    makespan,
    owner,
    finish,
    copied: copies.map((c) => new Set(c.keys())),
    duplicated,
    crossings,
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
