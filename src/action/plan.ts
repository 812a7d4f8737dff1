import type { Cache } from '../cache/cache.js';
import { selectJobs } from '../executor/select.js';
import type { Timings } from '../executor/timings.js';
import type { Graph, GraphProblem, JobLabel } from '../graph/model.js';
import type { JobKey } from '../ids/brands.js';
import { keyGraph } from '../ids/job-key.js';
import { choosePlan, unrecordedSeconds, type ChosenPlan } from '../scale/choose-plan.js';
import { partition, type Partition, type WorkItem } from '../scale/partition.js';
import { pipelinePlan } from '../scale/pipeline.js';
import { encodePlan, graphDigest, KEY_PREFIX_LENGTH, type ShardPlan } from '../scale/shard-plan.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { assignShards, components } from './shards.js';

/** What plan mode decided: the trunk it builds itself, and the shards' parts. */
export interface Plan {
  total: number;
  missed: number;
  /** Missed jobs the planner builds before the matrix starts. */
  trunk: JobLabel[];
  /** Selected jobs the lookup found cached: no part builds them, and a part restores them only if it needs them. */
  cached: PlannedHit[];
  /** Missed jobs each shard builds, copies included. */
  shards: JobLabel[][];
  /** Jobs several shards build each, instead of waiting for the planner to build them (bounded duplication). */
  copies: CopiedJob[];
  /** The plan made: `requested` when that was `trunk` or `pipelined`, else what `auto` chose. */
  style: PlanStyle;
  requested: PlanMode;
  /** Why `auto` chose `style` (empty when the mode was given). */
  why: string;
  /** Pipelined plans: jobs one shard publishes for others while it runs (none in a trunk plan). */
  published: number;
  /** Work built more than once, in seconds (estimated from recorded durations), and its share of all the work. */
  duplicatedSeconds: number;
  duplicatedShare: number;
  /** The `plan` output for the shards. */
  encoded: string;
  /** What `encoded` says (see encodePlan). */
  shardPlan: ShardPlan;
  matrix: { shard: string[] };
  /** Estimated wall time of this plan and of one runner building everything, in seconds. */
  estimateSeconds: number;
  singleRunnerSeconds: number;
}

/** A selected job cached when the plan was made. */
export interface PlannedHit {
  label: JobLabel;
  name: string;
  key: JobKey;
  /** How long it took when it was built. */
  durationMs: number;
}

/** A job that more than one shard builds. */
export interface CopiedJob {
  name: string;
  /** How many shards build it. */
  shards: number;
  /** Its estimated duration. */
  seconds: number;
}

export interface PlanOptions {
  sourceDir: string;
  salt: string;
  targets: readonly string[];
  startupSeconds: number;
  maxShards: number;
  cores: number;
  /**
   * `trunk`: the planner builds what several shards need first; `pipelined`: shards hand jobs to each other;
   * `auto`: the better of the two for what the planner knows (scale/choose-plan.ts).
   */
  mode: PlanMode;
  /** Pipelined: seconds from one shard's build of a job to another shard having it (save, poll, download). */
  latencySeconds: number;
}

export type PlanStyle = 'trunk' | 'pipelined';
export type PlanMode = PlanStyle | 'auto';

/** What plan and shard both start from: the selected jobs (targets and their deps) and their keys. */
interface Keyed {
  selected: Set<JobLabel>;
  keys: Map<JobLabel, JobKey>;
}

async function selectAndKey(
  graph: Graph,
  sourceDir: string,
  salt: string,
  targets: readonly string[],
): Promise<Result<Keyed, GraphProblem[]>> {
  const selection = selectJobs(graph, targets);
  if (!selection.ok) return err(selection.error.map((message) => ({ field: 'targets', message })));
  const keys = await keyGraph(graph, sourceDir, salt);
  if (!keys.ok) return keys;
  return ok({ selected: selection.value.closure, keys: keys.value });
}

/**
 * `mode: plan`: keys and one lookup; the missed jobs are weighed by their recorded durations (unknown ones by
 * the median of the known, or with none known 1 s for a trunk, twice the exchange latency otherwise) and partitioned into a trunk and shards (scale/partition.ts) or into
 * pipelined shards (scale/pipeline.ts), as `mode` asks or `auto` chooses (scale/choose-plan.ts).
 * Nothing is built here: the caller builds the trunk.
 */
export async function planShards(
  graph: Graph,
  o: PlanOptions,
  cache: Cache,
  timings: Timings,
): Promise<Result<Plan, GraphProblem[]>> {
  const keyed = await selectAndKey(graph, o.sourceDir, o.salt, o.targets);
  if (!keyed.ok) return keyed;
  const { selected, keys } = keyed.value;
  const hits = await cache.lookup([...new Set([...selected].map((l) => keys.get(l)!))]);
  // Jobs of one key are one piece of work: plan each key once.
  const missedKeys: JobKey[] = [];
  const labelsOf = new Map<JobKey, JobLabel[]>();
  for (const job of graph.jobs) {
    const key = keys.get(job.label)!;
    if (!selected.has(job.label) || hits.has(key)) continue;
    const same = labelsOf.get(key);
    if (same) same.push(job.label);
    else {
      labelsOf.set(key, [job.label]);
      missedKeys.push(key);
    }
  }
  const indexOf = new Map(missedKeys.map((k, i) => [k, i]));
  const known = missedKeys
    .map((k) => timings.get(graph.byLabel.get(labelsOf.get(k)![0]!)!.name))
    .filter((d): d is number => d !== undefined);
  // With nothing recorded, a trunk plan keeps its 1 s guess (it never waits on another shard's times); a
  // pipelined or chosen plan weighs a job at about twice the exchange latency (scale/choose-plan.ts).
  const fallbackMs =
    known.length > 0 ? median(known) : o.mode === 'trunk' ? 1000 : unrecordedSeconds(o.latencySeconds) * 1000;
  // A job that runs reads the in-place outputs of every job below it (the executor restores them all), so in a
  // pipelined plan those are dependencies too: another shard's must be published for it, like a direct one's.
  const workItems = (below: Map<JobLabel, JobLabel[]>): WorkItem[] =>
    missedKeys.map((key) => {
      const job = graph.byLabel.get(labelsOf.get(key)![0]!)!;
      const deps = new Set<number>();
      for (const d of [...job.deps, ...(below.get(job.label) ?? [])]) {
        const i = indexOf.get(keys.get(d)!);
        if (i !== undefined) deps.add(i);
      }
      return { id: key, deps: [...deps], seconds: (timings.get(job.name) ?? fallbackMs) / 1000 };
    });
  const items = workItems(new Map());
  const pipeItems = o.mode === 'trunk' ? items : workItems(inPlaceBelow(graph));
  const prefix = (i: number): string => missedKeys[i]!.slice(0, KEY_PREFIX_LENGTH);
  const shape = { startupSeconds: o.startupSeconds, maxShards: o.maxShards, cores: o.cores };
  let chosen: ChosenPlan;
  if (o.mode === 'auto') {
    chosen = choosePlan(items, {
      ...shape,
      latencySeconds: o.latencySeconds,
      known: known.length,
      pipeItems,
    });
  } else if (o.mode === 'pipelined') {
    const pipeline = pipelinePlan(pipeItems, { ...shape, latencySeconds: o.latencySeconds });
    chosen = { style: 'pipelined', pipeline, why: '' };
  } else {
    chosen = { style: 'trunk', partition: partition(items, shape), why: '' };
  }
  let p: Partition;
  let shardPlan: ShardPlan;
  if (chosen.style === 'pipelined') {
    const pp = chosen.pipeline;
    p = { ...pp, trunk: pp.onPlanner };
    shardPlan = {
      shards: pp.shards.map((s) => s.map(prefix)),
      exports: pp.exports.map((e) => ({ key: prefix(e.item), owner: e.owner + 1, at: e.finish })),
      seconds: pp.shards.map((s) => s.map((i) => pipeItems[i]!.seconds)),
    };
  } else {
    p = chosen.partition;
    shardPlan = { shards: p.shards.map((s) => s.map(prefix)) };
  }
  const labels = (i: number): JobLabel[] => labelsOf.get(missedKeys[i]!)!;
  const work = items.reduce((s, it) => s + it.seconds, 0);
  return ok({
    total: selected.size,
    missed: [...labelsOf.values()].reduce((n, ls) => n + ls.length, 0),
    trunk: p.trunk.flatMap(labels),
    cached: graph.jobs.flatMap((job) => {
      const hit = selected.has(job.label) ? hits.get(keys.get(job.label)!) : undefined;
      return hit ? [{ label: job.label, name: job.name, key: hit.key, durationMs: hit.durationMs }] : [];
    }),
    shards: p.shards.map((s) => s.flatMap(labels)),
    copies: p.copies.map((i) => ({
      name: graph.byLabel.get(labels(i)[0]!)!.name,
      shards: p.shards.filter((s) => s.includes(i)).length,
      seconds: items[i]!.seconds,
    })),
    style: chosen.style,
    requested: o.mode,
    why: o.mode === 'auto' ? chosen.why : '',
    published: shardPlan.exports?.length ?? 0,
    duplicatedSeconds: p.duplicatedSeconds,
    duplicatedShare: work > 0 ? p.duplicatedSeconds / work : 0,
    ...encoded({ ...shardPlan, graph: graphDigest([...selected].map((l) => keys.get(l)!)) }),
    matrix: { shard: p.shards.map((_, i) => `${i + 1}/${p.shards.length}`) },
    estimateSeconds: p.estimateSeconds,
    singleRunnerSeconds: p.singleRunnerSeconds,
  });
}

/** A plan with its encoding (the plan mode's `plan` output). */
export function encoded(shardPlan: ShardPlan): { shardPlan: ShardPlan; encoded: string } {
  return { shardPlan, encoded: encodePlan(shardPlan) };
}

/**
 * `shard: i/n`: the labels of the jobs shard i builds, to be passed to the engine as targets. With a plan, the
 * jobs whose keys it lists for shard i; without one, whole connected components dealt by size (shards.ts).
 */
export async function shardTargets(
  graph: Graph,
  o: {
    sourceDir: string;
    salt: string;
    targets: readonly string[];
    shard: { index: number; count: number };
    plan?: ShardPlan;
  },
): Promise<Result<JobLabel[], GraphProblem[]>> {
  const keyed = await selectAndKey(graph, o.sourceDir, o.salt, o.targets);
  if (!keyed.ok) return keyed;
  const { selected, keys } = keyed.value;
  if (o.plan) {
    if (o.plan.shards.length !== o.shard.count) {
      return err([
        {
          field: 'plan',
          message: `the plan has ${o.plan.shards.length} shards, but this is shard ${o.shard.index}/${o.shard.count}`,
        },
      ]);
    }
    const mine = new Set(o.plan.shards[o.shard.index - 1]);
    const targets = [...selected].filter((l) => mine.has(keys.get(l)!.slice(0, KEY_PREFIX_LENGTH)));
    // Every key the plan gives this shard is a job of this graph, or the plan was made for another one (another
    // commit, salt or targets, or a runner of another system): building what matches would leave the rest unbuilt,
    // and the run green.
    const found = new Set(targets.map((l) => keys.get(l)!.slice(0, KEY_PREFIX_LENGTH)));
    const missing = [...mine].filter((k) => !found.has(k)).length;
    if (missing > 0) {
      return err([
        {
          field: 'plan',
          message:
            `${missing} of the ${mine.size} jobs the plan gives shard ${o.shard.index}/${o.shard.count} are not jobs ` +
            'of this graph with these keys: the plan was made for another commit, salt, targets or runner system ' +
            '(run the planner and the shards on the same commit with the same inputs)',
        },
      ]);
    }
    return ok(targets);
  }
  const shards = assignShards(components(graph, selected, keys), o.shard.count);
  return ok(shards[o.shard.index - 1] ?? []);
}

/** For each job, the jobs with in-place outputs among all it depends on, directly or not (none: empty map). */
function inPlaceBelow(graph: Graph): Map<JobLabel, JobLabel[]> {
  const out = new Map<JobLabel, JobLabel[]>();
  if (!graph.jobs.some((j) => (j.outputs?.length ?? 0) > 0)) return out;
  const sets = new Map<JobLabel, Set<JobLabel>>();
  // Post-order without recursion: a long chain must not overflow the stack.
  for (const start of graph.jobs) {
    const stack: { label: JobLabel; expanded: boolean }[] = [{ label: start.label, expanded: false }];
    while (stack.length > 0) {
      const top = stack.pop()!;
      if (sets.has(top.label)) continue;
      const deps = graph.byLabel.get(top.label)?.deps ?? [];
      if (!top.expanded) {
        stack.push({ label: top.label, expanded: true });
        for (const d of deps) if (!sets.has(d)) stack.push({ label: d, expanded: false });
        continue;
      }
      const set = new Set<JobLabel>();
      for (const d of deps) {
        if ((graph.byLabel.get(d)?.outputs?.length ?? 0) > 0) set.add(d);
        for (const x of sets.get(d) ?? []) set.add(x);
      }
      sets.set(top.label, set);
    }
  }
  for (const [label, set] of sets) if (set.size > 0) out.set(label, [...set]);
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
