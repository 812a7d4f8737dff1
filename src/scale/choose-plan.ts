import { partition, type Partition, type WorkItem } from './partition.js';
import { pipelinePlan, type PipelinePlan } from './pipeline.js';

/**
 * `plan-mode: auto` (the default): which of the two plans a planner uses, decided from what it knows.
 *
 * A pipelined plan is only as good as its times. Every waiter bounds its wait by twice the time the plan
 * expects a job at, rescaled by how much slower than planned its own shard's jobs run, plus a margin. On a
 * first run nothing is recorded: every job weighs `unrecordedSeconds` (about twice the exchange latency), and
 * the rescaled bounds keep guessed times from giving up waits (bench/RESULTS.md: the 1,000-job graph's first
 * run), so the plan is chosen as with durations. Recorded durations set the scale: unknown jobs then
 * weigh the median of the known ones, which the simulator finds good enough down to a few percent recorded on a
 * graph whose durations share one distribution; real graphs mix short and long jobs, so pipelining asks for
 * most of the missed jobs' durations recorded (`MIN_KNOWN_SHARE`), and then it must also be clearly faster
 * than the trunk plan on the same estimates (`MIN_GAIN`): a plan with no cross-shard dependency worth pipelining (a fan, whose root every shard
 * needs; a chain, which one runner builds) gains nothing from publications and polls, and the trunk plan
 * builds no job twice there.
 */

/**
 * Pipelined only when at least this share of the missed jobs has a recorded duration, or none has (a first
 * run: every job then weighs `unrecordedSeconds`, and the waiters rescale their bounds by what they see).
 */
export const MIN_KNOWN_SHARE = 0.5;
/**
 * With no duration recorded, a job weighs this many exchange latencies. At 1 s (a blind guess far below the
 * latency) the pipelined planner finds every crossing dear and makes too few shards; at about twice the latency
 * a crossing costs what it does for a job of some tens of seconds, the usual build step, and the waiters'
 * rescaled bounds (importing-cache.ts) absorb jobs that are in fact longer (bench/RESULTS.md: 1.06-1.12x the
 * bound on the 1,000-job graph's first run).
 */
export const UNRECORDED_LATENCIES = 2;

/** What a planner weighs a job at when no missed job's duration is recorded. */
export function unrecordedSeconds(latencySeconds: number): number {
  return UNRECORDED_LATENCIES * latencySeconds;
}
/** Pipelined only when its estimated wall time is at most this share of the trunk plan's. */
export const MIN_GAIN = 0.9;
/**
 * Pipelined only when its owners publish at most this many jobs in any 60 s of the plan: the service takes
 * about 200 new entries per minute per repository, and the run's packs, indexes and reports (and other
 * workflows) need some of them. A refused publication costs its waiters a wait to their bound and a rebuild.
 */
export const MAX_PUBLICATIONS_PER_MINUTE = 150;

export type ChosenPlan =
  | { style: 'trunk'; partition: Partition; why: string }
  | { style: 'pipelined'; pipeline: PipelinePlan; why: string };

export interface ChooseOptions {
  startupSeconds: number;
  maxShards: number;
  cores: number;
  latencySeconds: number;
  /** How many of the items have a recorded duration (the others weigh an estimate). */
  known: number;
  /**
   * The same items with the dependencies a pipelined plan must also honour (in-place outputs below a job,
   * which the executor restores for it); default `items`.
   */
  pipeItems?: readonly WorkItem[];
}

export function choosePlan(items: readonly WorkItem[], o: ChooseOptions): ChosenPlan {
  const shape = { startupSeconds: o.startupSeconds, maxShards: o.maxShards, cores: o.cores };
  const trunk = partition(items, shape);
  const m = items.length;
  const share = m === 0 ? 1 : o.known / m;
  if (share < MIN_KNOWN_SHARE && o.known > 0) {
    return {
      style: 'trunk',
      partition: trunk,
      why: `the durations of ${m - o.known} of ${m} missed jobs are not recorded yet`,
    };
  }
  const pipeline = pipelinePlan(o.pipeItems ?? items, { ...shape, latencySeconds: o.latencySeconds });
  if (pipeline.onPlanner.length > 0 && trunk.shards.length < 2)
    return { style: 'trunk', partition: trunk, why: 'one runner builds it all soonest' };
  const peak = peakPerMinute(pipeline.exports.map((e) => e.finish));
  if (peak > MAX_PUBLICATIONS_PER_MINUTE) {
    return {
      style: 'trunk',
      partition: trunk,
      why: `a pipelined plan would publish up to ${peak} jobs a minute, more than the cache service takes`,
    };
  }
  if (pipeline.exports.length > 0 && pipeline.estimateSeconds <= MIN_GAIN * trunk.estimateSeconds) {
    return {
      style: 'pipelined',
      pipeline,
      why: `estimated ${Math.round(pipeline.estimateSeconds)} s pipelined against ${Math.round(trunk.estimateSeconds)} s with a trunk`,
    };
  }
  return {
    style: 'trunk',
    partition: trunk,
    why:
      pipeline.exports.length === 0
        ? 'no job crosses shards in a pipelined plan'
        : `pipelining would save too little (estimated ${Math.round(pipeline.estimateSeconds)} s against ${Math.round(trunk.estimateSeconds)} s with a trunk)`,
  };
}

/** The most of `times` (seconds) that fall in any 60 s. */
export function peakPerMinute(times: readonly number[]): number {
  const t = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let a = 0, b = 0; b < t.length; b++) {
    while (t[b]! - t[a]! >= 60) a++;
    peak = Math.max(peak, b - a + 1);
  }
  return peak;
}
