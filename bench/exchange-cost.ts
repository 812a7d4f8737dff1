import type { WorkItem } from '../src/scale/partition.js';
import type { PipelinePlan } from '../src/scale/pipeline.js';

/**
 * What a pipelined run costs the cache service, from a simulated run: the entries its owners create for each
 * other (one per exported job) and the look-ups its waiters make, replayed with the waiters' own polling rule
 * (scale/importing-cache.ts: every wait starts with its shard, and looks first at once, or an eighth of the
 * planned time later when that is a minute or more; before the planned time a pause of an eighth of the time still expected, at least 0.5 s doubling to 5 s; after it, every 5 s). A publication is visible
 * `saveSeconds` after its owner built it.
 */
export interface ExchangeCost {
  publications: number;
  /** Most publications created in any 60 s (the service takes ~200 new entries per minute per repository). */
  peakPublicationsPerMinute: number;
  waits: number;
  looks: number;
  /** Most look-ups in any one minute, all shards together. */
  peakLooksPerMinute: number;
}

export function exchangeCost(
  items: readonly WorkItem[],
  plan: PipelinePlan,
  builtAt: Float64Array,
  o: { start: number; saveSeconds: number },
): ExchangeCost {
  const visible = (i: number): number => builtAt[i]! + o.saveSeconds;
  const times = plan.exports
    .map((e) => visible(e.item))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  let peakPub = 0;
  for (let a = 0, b = 0; b < times.length; b++) {
    while (times[b]! - times[a]! >= 60) a++;
    peakPub = Math.max(peakPub, b - a + 1);
  }
  const expected = new Map(plan.exports.map((e) => [e.item, e.finish]));
  const perMinute = new Map<number, number>();
  let waits = 0;
  let looks = 0;
  plan.shards.forEach((built) => {
    const here = new Set(built);
    const awaited = new Set<number>();
    for (const i of built)
      for (const d of items[i]!.deps) if (!here.has(d) && expected.has(d)) awaited.add(d);
    for (const d of awaited) {
      waits++;
      const at = o.start + expected.get(d)!;
      const arrives = visible(d);
      let t = o.start;
      // As the shard does: a job expected a minute or more after the start is first looked for at an eighth of that.
      if (at - t >= 60) t += (at - t) / 8;
      let pause = 0.5;
      for (;;) {
        looks++;
        const minute = Math.floor(t / 60);
        perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
        if (t >= arrives) break;
        t += Math.max(pause, (at - t) / 8);
        pause = Math.min(pause * 2, 5);
      }
    }
  });
  return {
    publications: plan.exports.length,
    peakPublicationsPerMinute: peakPub,
    waits,
    looks,
    peakLooksPerMinute: Math.max(0, ...perMinute.values()),
  };
}
