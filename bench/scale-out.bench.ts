import { choosePlan, unrecordedSeconds } from '../src/scale/choose-plan.js';
import { MAX_SCALE } from '../src/scale/importing-cache.js';
import { partition, type Partition, type WorkItem } from '../src/scale/partition.js';
import { pipelinePlan, type PipelinePlan } from '../src/scale/pipeline.js';
import { exchangeCost } from './exchange-cost.js';
import type { BenchContext, BenchRow } from './harness.js';
import { pipelined, type PipelineOutcome } from './pipelined-model.js';
import { simulateShards } from './shard-simulation.js';
import { prng } from './workspace.js';

/**
 * Scale-out simulated: plan + shards over a GitHub matrix, with job durations and a runner start-up cost.
 * Every runner schedules its jobs critical-path-first on `CORES` slots, as the engine does; the planner builds
 * the trunk, then the shards start (each paying the start-up) and build their parts. Measured against the bound
 * `start-up + max(critical path, work / (n × cores))` and against one runner building everything.
 */
const STARTUP = Number(process.env.SCALE_STARTUP ?? 30);
const CORES = 2;
const RUNNERS = [1, 4, 8, 16];
/** Seconds from one runner's save to another runner using it (pack + index upload, a poll, a download). */
const LATENCY = Number(process.env.SCALE_LATENCY ?? 15);
/** The `wait-margin` input: a waiter builds a job itself once 2 × its planned time + this has passed. */
const MARGIN = Number(process.env.SCALE_WAIT_MARGIN ?? 60);
/** The most a waiter rescales its planned times by (what it observes of its own jobs, real over planned). */
const SCALE_CAP = Number(process.env.SCALE_CAP ?? MAX_SCALE);
/** What the planner weighs a job at when none is recorded (twice the latency, as the planner does). */
const BLIND = Number(process.env.SCALE_BLIND_SECONDS ?? unrecordedSeconds(LATENCY));
/** Seconds from a job's end to its publication being found (a single-job save). */
const SAVE = 5;

interface Workload {
  name: string;
  items: WorkItem[];
}

export default async function scaleOut(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const load of workloads()) {
    const total = load.items.reduce((s, it) => s + it.seconds, 0);
    const cp = criticalPath(load.items);
    const single = STARTUP + schedule(load.items, allOf(load.items));
    for (const n of RUNNERS) {
      const bound = STARTUP + Math.max(cp, total / (n * CORES));
      const ample = total / n >= 10 * STARTUP;
      const row = (design: string, span: number, work: number): void => {
        rows.push({
          benchmark: 'scale-out (simulated)',
          measure: `${load.name}, n = ${n}: ${design} makespan`,
          value: `${span.toFixed(0)} s`,
          reference: `bound ${bound.toFixed(0)} s; one runner ${single.toFixed(0)} s`,
          ratio: span / bound,
          target: ample ? '≤ 1.3× bound, ≤ one runner' : '≤ one runner',
          pass: span <= single + 1e-6 && (!ample || span / bound <= 1.3),
        });
        rows.push({
          benchmark: 'scale-out (simulated)',
          measure: `${load.name}, n = ${n}: ${design} work executed`,
          value: `${work.toFixed(0)} s`,
          reference: `one runner ${total.toFixed(0)} s`,
          ratio: work / total,
          target: '≤ 1.1×',
          pass: work <= 1.1 * total + 1e-6,
        });
      };
      const shape = { startupSeconds: STARTUP, maxShards: n, cores: CORES };

      const t0 = performance.now();
      const plan = partition(load.items, shape);
      const planMs = performance.now() - t0;
      const trunk = runTrunk(load.items, plan);
      const tshape = trunkShape(plan);
      ctx.log(
        `${load.name} n=${n}: ${tshape}, makespan ${trunk.makespan.toFixed(0)} s, bound ${bound.toFixed(0)} s, one runner ${single.toFixed(0)} s, planned in ${planMs.toFixed(0)} ms`,
      );
      row(`built: plan + trunk + shards (${tshape})`, trunk.makespan, trunk.executed);

      // The pipelined plan, from the real partitioner; its shards simulated as the engine runs them (every
      // runner list-schedules what it builds; a job another shard owns arrives LATENCY s after it is built,
      // and a waiter past its bound builds it itself).
      const t1 = performance.now();
      const pp = pipelinePlan(load.items, { ...shape, latencySeconds: LATENCY });
      const ppMs = performance.now() - t1;
      const sim = runPipelined(load.items, pp, single, total);
      const pshape = pipeShape(pp, sim.gaveUp);
      ctx.log(
        `  pipelined: ${pshape}, ${pp.crossings} crossings, makespan ${sim.makespan.toFixed(0)} s (planned ${pp.estimateSeconds.toFixed(0)} s) in ${ppMs.toFixed(0)} ms`,
      );
      row(`built: plan job + pipelined shards (${pshape})`, sim.makespan, sim.executed);
      if (pp.onPlanner.length === 0) {
        const cost = exchangeCost(load.items, pp, sim.builtAt, { start: 2 * STARTUP, saveSeconds: SAVE });
        ctx.log(
          `  cost: ${cost.publications} publications (at most ${cost.peakPublicationsPerMinute} in 60 s), ${cost.waits} waits, ${cost.looks} look-ups (at most ${cost.peakLooksPerMinute} in a minute)`,
        );
      }

      // The default (`plan-mode: auto`): the same choice the Action makes (scale/choose-plan.ts), with the
      // durations recorded by an earlier run, and on a first run, when none is: every job then weighs `BLIND`
      // for the planner (its times are guesses, which the waiters rescale) while the jobs take what they take.
      for (const recorded of [true, false]) {
        const planned = recorded ? load.items : load.items.map((it) => ({ ...it, seconds: BLIND }));
        const chosen = choosePlan(planned, {
          ...shape,
          latencySeconds: LATENCY,
          known: recorded ? planned.length : 0,
        });
        const out =
          chosen.style === 'trunk'
            ? { ...runTrunk(load.items, chosen.partition), what: trunkShape(chosen.partition) }
            : (() => {
                // The shards rescale their waits by their own jobs' times against the plan's, as in the Action.
                const r = runPipelined(
                  load.items,
                  chosen.pipeline,
                  single,
                  total,
                  planned.map((it) => it.seconds),
                );
                return { ...r, what: pipeShape(chosen.pipeline, r.gaveUp) };
              })();
        const when = recorded ? 'durations recorded' : 'first run, nothing recorded';
        ctx.log(`  default, ${when}: ${chosen.style} (${chosen.why}), makespan ${out.makespan.toFixed(0)} s`);
        row(`default (auto), ${when}: ${chosen.style} (${out.what})`, out.makespan, out.executed);
        if (!recorded) {
          // The same blind pipelined plan with the waits' bounds left unscaled (what the rescaling buys).
          const blind = pipelinePlan(planned, { ...shape, latencySeconds: LATENCY });
          const b = runPipelined(load.items, blind, single, total);
          row(`pipelined, ${when} (${pipeShape(blind, b.gaveUp)})`, b.makespan, b.executed);
          const s = runPipelined(
            load.items,
            blind,
            single,
            total,
            planned.map((it) => it.seconds),
          );
          row(`pipelined, ${when}, bounds rescaled (${pipeShape(blind, s.gaveUp)})`, s.makespan, s.executed);
        }
      }

      // How much must be recorded: a share of the durations, the others weighing the median of those
      // (as the planner weighs them), for the rule's MIN_KNOWN_SHARE (logged, not tabled).
      if (load.name.startsWith('1,000') && n > 1) {
        for (const share of [0.01, 0.1, 0.5]) {
          const rand = prng(7);
          const known = load.items.map(() => rand() < share);
          const ks = load.items.filter((_, i) => known[i]).map((it) => it.seconds);
          const med = ks.sort((a, b) => a - b)[Math.floor(ks.length / 2)] ?? 1;
          const planned = load.items.map((it, i) => ({ ...it, seconds: known[i] ? it.seconds : med }));
          const part = pipelinePlan(planned, { ...shape, latencySeconds: LATENCY });
          const r = runPipelined(load.items, part, single, total);
          ctx.log(
            `  pipelined with ${share * 100} % of durations recorded: ${(r.makespan / bound).toFixed(2)}× bound, work ${(r.executed / total).toFixed(2)}×, ${r.gaveUp} waits given up`,
          );
        }
      }

      // A model of a design not built (see pipelined-model.ts): pipelined shards without a plan job.
      const o = { runners: n, cores: CORES, latency: LATENCY, maxDuplicateShare: 0.1 };
      // A plan that finds no gain leaves everything to one runner, as the built planner does.
      const orOne = (p: PipelineOutcome): PipelineOutcome =>
        p.makespan < single ? p : { makespan: single, executed: total, runners: 1, crossings: 0 };
      const c = orOne(pipelined(load.items, { ...o, start: STARTUP }));
      row(`model: static matrix of pipelined shards (${c.runners} runners)`, c.makespan, c.executed);
    }
  }
  return rows;
}

const trunkShape = (p: Partition): string =>
  `${p.shards.length} shards, trunk ${p.trunk.length}, ${p.copies.length} copied`;

const pipeShape = (p: PipelinePlan, gaveUp: number): string =>
  `${p.shards.length} shards, ${p.exports.length} published, ${p.copies.length} copied` +
  (gaveUp > 0 ? `, ${gaveUp} waits given up` : '');

/** The planner builds the trunk (with the real durations), then every shard starts and builds its part. */
function runTrunk(items: readonly WorkItem[], plan: Partition): { makespan: number; executed: number } {
  const trunkEnd = STARTUP + schedule(items, new Set(plan.trunk));
  let makespan = trunkEnd;
  let executed = plan.trunk.reduce((s, i) => s + items[i]!.seconds, 0);
  for (const shard of plan.shards) {
    if (shard.length === 0) continue;
    makespan = Math.max(makespan, trunkEnd + STARTUP + schedule(items, new Set(shard)));
    executed += shard.reduce((s, i) => s + items[i]!.seconds, 0);
  }
  return { makespan, executed };
}

/** The shards of a pipelined plan, with bounded waits (`WAIT_MARGIN`); a plan for one runner is one runner. */
function runPipelined(
  items: readonly WorkItem[],
  plan: PipelinePlan,
  single: number,
  total: number,
  plannedSeconds?: readonly number[],
): ReturnType<typeof simulateShards> {
  if (plan.onPlanner.length > 0)
    return {
      makespan: single,
      executed: total,
      gaveUp: 0,
      builtAt: new Float64Array(items.length).fill(NaN),
    };
  return simulateShards(items, plan, {
    start: 2 * STARTUP,
    cores: CORES,
    latency: LATENCY,
    marginSeconds: MARGIN,
    ...(plannedSeconds ? { plannedSeconds, scaleCap: SCALE_CAP } : {}),
  });
}

function workloads(): Workload[] {
  // SCALE_DURATIONS stretches the 1,000-job graph's durations (how the plans fare with jobs longer or shorter
  // than the planner's guess on a first run).
  const stretch = Number(process.env.SCALE_DURATIONS ?? 1);
  const bench = benchmarkGraph(1000).map((it) => ({ ...it, seconds: it.seconds * stretch }));
  return [
    { name: '1,000-job graph, cold', items: bench },
    { name: '1,000-job graph, root edited', items: missedAfterEditing(bench, 0) },
    { name: '200-leaf fan', items: fan(200) },
    { name: 'chain of 100', items: chain(100) },
  ];
}

/** The benchmark workspace's shape (bench/workspace.ts): up to 3 deps among the 40 previous jobs; 5–60 s each. */
function benchmarkGraph(jobs: number): WorkItem[] {
  const rand = prng(42);
  const items: WorkItem[] = [];
  for (let i = 0; i < jobs; i++) {
    const deps = new Set<number>();
    const nDeps = i === 0 ? 0 : Math.floor(rand() * 4);
    for (let d = 0; d < nDeps; d++) deps.add(Math.max(0, i - 1 - Math.floor(rand() * Math.min(i, 40))));
    items.push({
      id: `pkg${i}`,
      deps: [...deps].sort((a, b) => a - b),
      seconds: 5 + Math.round(rand() * 55),
    });
  }
  return items;
}

/** The jobs that depend on `edited` (and it), renumbered: what a run misses after that edit. */
function missedAfterEditing(items: readonly WorkItem[], edited: number): WorkItem[] {
  const missed = new Set([edited]);
  items.forEach((it, i) => {
    if (it.deps.some((d) => missed.has(d))) missed.add(i);
  });
  const index = new Map([...missed].map((old, i) => [old, i]));
  return [...missed].map((old) => ({
    ...items[old]!,
    deps: items[old]!.deps.filter((d) => missed.has(d)).map((d) => index.get(d)!),
  }));
}

function fan(leaves: number): WorkItem[] {
  return [
    { id: 'root', deps: [], seconds: 60 },
    ...Array.from({ length: leaves }, (_, i) => ({ id: `leaf${i}`, deps: [0], seconds: 30 })),
  ];
}

function chain(length: number): WorkItem[] {
  return Array.from({ length }, (_, i) => ({ id: `c${i}`, deps: i === 0 ? [] : [i - 1], seconds: 10 }));
}

const allOf = (items: readonly WorkItem[]): Set<number> => new Set(items.keys());

function criticalPath(items: readonly WorkItem[]): number {
  const finish: number[] = [];
  items.forEach((it, i) => (finish[i] = Math.max(0, ...it.deps.map((d) => finish[d]!)) + it.seconds));
  return Math.max(0, ...finish);
}

/**
 * List scheduling of `set` on CORES slots, longest remaining chain first; dependencies outside the set are
 * already in the cache. Items are in topological order (every generator above makes them so).
 */
function schedule(items: readonly WorkItem[], set: ReadonlySet<number>): number {
  const dependents = new Map<number, number[]>();
  const pending = new Map<number, number>();
  for (const i of set) {
    const inside = items[i]!.deps.filter((d) => set.has(d));
    pending.set(i, inside.length);
    for (const d of inside) dependents.set(d, [...(dependents.get(d) ?? []), i]);
  }
  const tail = new Map<number, number>();
  for (const i of [...set].sort((a, b) => b - a)) {
    tail.set(i, items[i]!.seconds + Math.max(0, ...(dependents.get(i) ?? []).map((j) => tail.get(j)!)));
  }
  const ready = [...set].filter((i) => pending.get(i) === 0);
  const running: { item: number; end: number }[] = [];
  let now = 0;
  let done = 0;
  while (done < set.size) {
    ready.sort((a, b) => tail.get(b)! - tail.get(a)! || a - b);
    while (running.length < CORES && ready.length > 0) {
      const item = ready.shift()!;
      running.push({ item, end: now + items[item]!.seconds });
    }
    running.sort((a, b) => a.end - b.end);
    const next = running.shift()!;
    now = next.end;
    done++;
    for (const j of dependents.get(next.item) ?? []) {
      pending.set(j, pending.get(j)! - 1);
      if (pending.get(j) === 0) ready.push(j);
    }
  }
  return now;
}
