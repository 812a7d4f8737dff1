import type { WorkItem } from '../src/scale/partition.js';

/**
 * A model of a design this release does not build: **pipelined shards**. No trunk: every missed job is
 * assigned to one runner of the matrix by earliest finish (list scheduling over all runners' slots, longest
 * remaining chain first, as HEFT does), and a job whose dependency another runner owns waits for that
 * runner's save to be visible through the cache (`latency` seconds after it finishes) instead of waiting for
 * a trunk. A dependency that is cheaper to build than to wait for is built locally as a copy, while the
 * copies stay within `maxDuplicateShare` of the work. Runners follow their planned order, so the planned
 * schedule is the simulated one (durations are exact here).
 */
export interface PipelineOptions {
  /** When the runners start doing work (after their start-up, and after the planner's when there is one). */
  start: number;
  runners: number;
  cores: number;
  /** Seconds from a job's end on one runner to its output being usable on another. */
  latency: number;
  maxDuplicateShare: number;
}

export interface PipelineOutcome {
  makespan: number;
  /** Runners used (the best count up to `runners`). */
  runners: number;
  executed: number;
  /** Dependencies that crossed runners (each one a save another runner polled for). */
  crossings: number;
}

/** The best runner count up to `o.runners`; one runner is among the candidates, so never slower than one. */
export function pipelined(items: readonly WorkItem[], o: PipelineOptions): PipelineOutcome {
  let best: PipelineOutcome | undefined;
  for (let k = 1; k <= o.runners; k++) {
    const out = scheduleOn(items, { ...o, runners: k });
    if (!best || out.makespan < best.makespan - 1e-9) best = out;
  }
  return best!;
}

function scheduleOn(items: readonly WorkItem[], o: PipelineOptions): PipelineOutcome {
  const m = items.length;
  const tail = bottomLevels(items);
  // Items are in topological order (the generators make them so); a larger tail comes before its dependents.
  const order = [...items.keys()].sort((a, b) => tail[b]! - tail[a]! || a - b);
  const slots = Array.from({ length: o.runners }, () => new Array<number>(o.cores).fill(o.start));
  const owner = new Int32Array(m).fill(-1);
  const finish = new Float64Array(m);
  // Copies: per runner, when a dependency built there as a copy is ready.
  const copies = Array.from({ length: o.runners }, () => new Map<number, number>());
  const total = items.reduce((s, it) => s + it.seconds, 0);
  let duplicated = 0;
  let crossings = 0;
  for (const j of order) {
    let pick = { r: 0, start: Infinity, end: Infinity, copied: [] as number[], dup: 0, cross: 0 };
    for (let r = 0; r < o.runners; r++) {
      const free = slots[r]!;
      const slot = Math.min(...free);
      let ready = o.start;
      const copied: number[] = [];
      let dup = 0;
      let cross = 0;
      let copyEnd = slot;
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
        const remote = finish[d]! + o.latency;
        // Build a dependency here (before the job, on the same slot) when that is sooner than its save arriving.
        const ownDeps = items[d]!.deps.every((x) => owner[x] === r || copies[r]!.has(x));
        const canCopy = ownDeps && duplicated + dup + items[d]!.seconds <= o.maxDuplicateShare * total;
        const depsReady = Math.max(
          0,
          ...items[d]!.deps.map((x) => (owner[x] === r ? finish[x]! : (copies[r]!.get(x) ?? Infinity))),
        );
        if (canCopy && Math.max(copyEnd, depsReady) + items[d]!.seconds < remote) {
          copyEnd = Math.max(copyEnd, depsReady) + items[d]!.seconds;
          copied.push(d);
          dup += items[d]!.seconds;
          ready = Math.max(ready, copyEnd);
        } else {
          ready = Math.max(ready, remote);
          cross++;
        }
      }
      const start = Math.max(ready, slot);
      const end = start + items[j]!.seconds;
      if (end < pick.end - 1e-9) pick = { r, start, end, copied, dup, cross };
    }
    const free = slots[pick.r]!;
    free[free.indexOf(Math.min(...free))] = pick.end;
    owner[j] = pick.r;
    finish[j] = pick.end;
    for (const d of pick.copied) copies[pick.r]!.set(d, pick.start);
    duplicated += pick.dup;
    crossings += pick.cross;
  }
  return {
    makespan: Math.max(o.start, ...finish),
    runners: o.runners,
    executed: total + duplicated,
    crossings,
  };
}

function bottomLevels(items: readonly WorkItem[]): number[] {
  const tail = items.map((it) => it.seconds);
  for (let i = items.length - 1; i >= 0; i--) {
    for (const d of items[i]!.deps) tail[d] = Math.max(tail[d]!, items[d]!.seconds + tail[i]!);
  }
  return tail;
}
