import type { WorkItem } from '../src/scale/partition.js';
import type { PipelinePlan } from '../src/scale/pipeline.js';

/**
 * The shards of a pipelined plan, simulated as they run: each runner list-schedules the items it builds on
 * `cores` slots (longest remaining chain first, as the engine does) from `start`; an item it does not build
 * is usable there `latency` seconds after its owner built it (publication, poll, download). Durations are
 * exact, so the difference from the plan's estimate is the engine's own ordering, not noise.
 *
 * With `marginSeconds`, waits are bounded as a shard bounds them: a runner that needs an exported item waits
 * until `start + 2 × the plan's time for it + margin`; if the publication has not arrived by then, it builds the
 * item itself (and, at once, whatever of its dependencies is neither its own nor exported). This is what a plan
 * made with wrong durations costs: its times are guesses, and its bounds pass before the owners publish.
 * With `plannedSeconds` (the durations the plan was made with), a waiter rescales its bounds by what it
 * observes of its own jobs (`start + 2 × the plan's time × scale + margin`, the scale capped by `scaleCap`).
 */
export function simulateShards(
  items: readonly WorkItem[],
  plan: PipelinePlan,
  o: {
    start: number;
    cores: number;
    latency: number;
    marginSeconds?: number;
    /**
     * The durations the plan was made with, when they differ from the real ones (a first run). With it, a
     * waiter's bound is rescaled by what it observes: its own finished jobs' real over planned durations
     * (at least 1, and at least the elapsed over planned time of a job still running; at most `scaleCap`),
     * re-evaluated at every step.
     */
    plannedSeconds?: readonly number[];
    scaleCap?: number;
  },
): { makespan: number; executed: number; gaveUp: number; builtAt: Float64Array } {
  const m = items.length;
  const tail = items.map((it) => it.seconds);
  for (let i = m - 1; i >= 0; i--) {
    for (const d of items[i]!.deps) tail[d] = Math.max(tail[d]!, items[d]!.seconds + tail[i]!);
  }
  const owner = new Int32Array(m).fill(-1);
  for (const e of plan.exports) owner[e.item] = e.owner;
  plan.shards.forEach((s, r) => s.forEach((i) => (owner[i] === -1 ? (owner[i] = r) : undefined)));
  const n = plan.shards.length;
  // finish[r][i]: when item i ends on runner r (built there); undefined until it starts.
  const finish = Array.from({ length: n }, () => new Map<number, number>());
  const pending = plan.shards.map((s) => new Set(s));
  const slots = Array.from({ length: n }, () => new Array<number>(o.cores).fill(o.start));
  const expected = new Map(plan.exports.map((e) => [e.item, e.finish]));
  const bounded = o.marginSeconds !== undefined;
  let gaveUp = 0;
  // Items a runner takes on itself during the pass (applied after it: `pending` is being iterated).
  const adopt: [number, number][] = [];
  /** When `d` is usable on `r`: a time, undefined (not yet known), or NaN (r builds it itself from now). */
  const availableOn = (r: number, d: number): number | undefined => {
    const here = finish[r]!.get(d);
    if (pending[r]!.has(d) || here !== undefined) return here;
    const there = finish[owner[d]!]!.get(d);
    const published = there === undefined ? undefined : there + o.latency;
    if (!bounded) return published;
    const at = expected.get(d);
    if (at === undefined) return NaN;
    const bound = o.start + 2 * at * scales[r]! + o.marginSeconds!;
    if (published !== undefined && published <= bound) return published;
    if (now >= bound) return NaN;
    next = Math.min(next, bound);
    return published;
  };
  /** Runner r's observed scale: real over planned seconds of the jobs it finished by `now`. */
  const scaleOf = (r: number): number => {
    const p = o.plannedSeconds;
    if (!p) return 1;
    let real = 0;
    let planned = 0;
    // A job still running has taken at least its time so far (a job far longer than planned raises the scale
    // before it ends).
    let running = 1;
    for (const [i, end] of finish[r]!) {
      if (end > now) {
        running = Math.max(running, (now - (end - items[i]!.seconds)) / p[i]!);
        continue;
      }
      real += items[i]!.seconds;
      planned += p[i]!;
    }
    const seen = Math.max(planned > 0 ? real / planned : 1, running);
    return Math.min(seen, o.scaleCap ?? Infinity);
  };
  let now = o.start;
  let executed = 0;
  let makespan = o.start;
  let left = plan.shards.reduce((t, s) => t + s.length, 0);
  let next = Infinity;
  const scales = new Array<number>(n).fill(1);
  while (left > 0) {
    next = Infinity;
    if (o.plannedSeconds) for (let r = 0; r < n; r++) scales[r] = scaleOf(r);
    for (let r = 0; r < n; r++) {
      const ready: number[] = [];
      for (const i of pending[r]!) {
        let at = 0;
        for (const d of items[i]!.deps) {
          const t = availableOn(r, d);
          if (t !== undefined && Number.isNaN(t)) {
            adopt.push([r, d]);
            at = Infinity;
          } else at = t === undefined ? Infinity : Math.max(at, t);
        }
        if (at <= now) ready.push(i);
        else if (at < Infinity) next = Math.min(next, at);
      }
      ready.sort((a, b) => tail[b]! - tail[a]! || a - b);
      const free = slots[r]!;
      for (let c = 0; c < o.cores; c++) {
        if (free[c]! > now) {
          next = Math.min(next, free[c]!);
          continue;
        }
        const i = ready.shift();
        if (i === undefined) continue;
        const end = now + items[i]!.seconds;
        free[c] = end;
        finish[r]!.set(i, end);
        pending[r]!.delete(i);
        executed += items[i]!.seconds;
        makespan = Math.max(makespan, end);
        next = Math.min(next, end);
        left--;
      }
    }
    for (const [r, d] of adopt.splice(0)) {
      if (pending[r]!.has(d) || finish[r]!.has(d)) continue;
      pending[r]!.add(d);
      if (expected.has(d)) gaveUp++;
      left++;
      next = now;
    }
    if (left > 0 && next === Infinity)
      throw new Error('simulation: the plan waits for an item nobody builds');
    now = Math.max(now, next);
  }
  // When each item's owner built it (NaN when it did not): what its waiters poll for.
  const builtAt = new Float64Array(m).fill(NaN);
  for (let i = 0; i < m; i++) if (owner[i]! >= 0) builtAt[i] = finish[owner[i]!]!.get(i) ?? NaN;
  return { makespan, executed, gaveUp, builtAt };
}
