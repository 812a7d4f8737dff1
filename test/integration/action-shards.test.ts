import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRig, type StepResult } from '../helpers/action-rig.js';
import type { JobSpec } from '../helpers/graph-json.js';

interface Report {
  jobs: { name: string; status: string }[];
}

const LEAVES = 200;
/**
 * The leaves of the fan the other tests plan: as on the large fan, nothing is recorded under their fresh key
 * prefixes, so every job weighs the same guess and the plan is the same (the root in the trunk, the leaves over
 * every shard), at an eighth of the building.
 */
const FEW = 24;
/** A leaf of the small fan that fails: not the first, so being listed first is the aggregate's doing. */
const BROKEN = 'leaf-013';

/** DESIGN.md §8: plan the missed work (trunk + shards), run the shards side by side, aggregate their reports. */
describe('the bundled Action: plan, shards, aggregate', () => {
  let rig: ActionRig;
  let ran: string;
  let edit: Record<string, string>;
  let few: Record<string, string>;

  /** One component: a root that every leaf needs; each job appends its name to `ran` (never reset). */
  const fanGraph = (leaves: number, failing?: string): string => {
    const job = (name: string, script: string, deps: string[] = []): JobSpec => ({
      name,
      deps,
      cmds: [{ exec: ['sh', '-c', `echo ${name} >> ${ran}; ${script}`] }],
    });
    const jobs: JobSpec[] = [{ ...job('root', 'sleep 0.1; cat x.txt > <out>/r'), inputs: ['x.txt'] }];
    for (let i = 0; i < leaves; i++) {
      const name = `leaf-${String(i).padStart(3, '0')}`;
      // One process a leaf (the shell's builtins, then `exec sleep`): on two cores, four shards side by side
      // would otherwise spend as much CPU forking the leaves' helpers as disbuild spends on the leaves.
      const script =
        name === failing
          ? 'echo "src/leaf.c:3:7: error: broken leaf" >&2; exit 3'
          : 'read -r l < <dep:root>/r; echo "$l" > <out>/l; exec sleep 0.1';
      jobs.push(job(name, script, ['root']));
    }
    return rig.graph(jobs);
  };

  beforeAll(async () => {
    rig = await ActionRig.create({ 'x.txt': 'x\n' });
    ran = join(rig.root, 'ran.log');
    edit = { 'graph.json': fanGraph(LEAVES) };
    few = { 'graph.json': fanGraph(FEW) };
  });
  afterAll(() => rig.close());

  const lines = async (): Promise<string[]> =>
    (await readFile(ran, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const report = async (r: StepResult): Promise<Report> =>
    JSON.parse(await readFile(r.outputs.report!, 'utf8')) as Report;
  // Runners of one core each: the jobs' sleeps, not the machine, bound every runner.
  const common = { concurrency: '1', 'runner-startup': '1', 'max-shards': '4' };

  it('builds the trunk once in the planner, every leaf once across concurrent shards, in half the time of one runner', async () => {
    // Every runner may list the cache's entries (`actions: read`, as in the example workflow): a publish is
    // checked once, not after pauses, so what is timed is building, not waiting.
    const listing = true;
    /**
     * One runner building everything, then plan + concurrent shards, under fresh key prefixes: one pair. The
     * machine's load changes between the two halves of a pair; a second pair is taken only when the first misses
     * the target, and the claim holds when one pair meets it. What is held to half the single runner's time is
     * the shards running side by side, as the claim reads; the plan step before them (a whole Action run that
     * builds and saves the root, 1–2 s here) is held, with them, to 0.6 of it.
     */
    const pair = async (prefix: string) => {
      await writeFile(ran, '');
      const single = performance.now();
      const one = await rig.main({ ...common, 'key-prefix': `${prefix}-single` }, { edit, listing });
      const singleMs = performance.now() - single;
      expect(one.code, one.stdout).toBe(0);
      await writeFile(ran, '');

      const started = performance.now();
      const plan = await rig.main({ ...common, 'key-prefix': prefix, mode: 'plan' }, { edit, listing });
      expect(plan.code, plan.stdout).toBe(0);
      // The default plan mode (auto) plans a trunk: no duration is recorded yet (and a fan has nothing to
      // pipeline), so no shard polls for another's jobs; what is timed is building and saving.
      expect(plan.outputs['plan-mode']).toBe('trunk');
      expect(await lines()).toEqual(['root']);
      const matrix = JSON.parse(plan.outputs.matrix!) as { shard: string[] };
      expect(matrix.shard.length).toBeGreaterThanOrEqual(4);
      const sharded = performance.now();
      const shards = await Promise.all(
        matrix.shard.map((shard) =>
          rig.main({ ...common, 'key-prefix': prefix, shard, plan: plan.outputs.plan! }, { edit, listing }),
        ),
      );
      const shardsMs = performance.now() - sharded;
      const scaledMs = performance.now() - started;
      for (const s of shards) expect(s.code, s.stdout).toBe(0);
      const built = await lines();
      expect(built.filter((n) => n === 'root')).toHaveLength(1);
      expect(built.filter((n) => n.startsWith('leaf-')).sort()).toEqual(
        Array.from({ length: LEAVES }, (_, i) => `leaf-${String(i).padStart(3, '0')}`),
      );
      const ratios = { shards: shardsMs / singleMs, withPlan: scaledMs / singleMs };
      return { prefix, plan, matrix, shards, ratios, met: ratios.shards <= 0.5 && ratios.withPlan <= 0.6 };
    };
    let timed = await pair('fan');
    if (!timed.met) timed = await pair('fan-again');
    expect(timed.ratios.shards).toBeLessThanOrEqual(0.5);
    expect(timed.ratios.withPlan).toBeLessThanOrEqual(0.6);
    const { prefix: fan, plan, matrix, shards } = timed;

    // Without the aggregate step nothing is lost: a reader merges the shards' side-by-side indexes.
    const calls = (): number =>
      Object.entries(rig.service.stats())
        .filter(([k]) => k !== 'downloadBytes' && k !== 'entriesCreated')
        .reduce((n, [, v]) => n + v, 0);
    await writeFile(ran, '');
    const unmerged = await rig.main({ ...common, 'key-prefix': fan, save: 'false' }, { edit });
    expect(unmerged.outputs).toMatchObject({ cached: String(LEAVES + 1), built: '0' });
    expect(await lines()).toEqual([]);

    // The shards are done: the aggregate publishes the merged index alone, and checks it after 50 ms.
    const agg = await rig.main(
      { 'key-prefix': fan, mode: 'aggregate', plan: plan.outputs.plan! },
      { edit, env: { DISBUILD_GHA_INDEX_CHECK_DELAY_MS: '50' } },
    );
    expect(agg.code, agg.stdout).toBe(0);
    expect(agg.outputs).toMatchObject({ built: String(LEAVES + 1), failed: '0', 'failed-jobs': '[]' });

    // After it, a fresh run reads one merged index: fully cached, a handful of calls, one download.
    rig.service.resetStats();
    const fresh = await rig.main({ ...common, 'key-prefix': fan }, { edit });
    expect(fresh.outputs).toMatchObject({ cached: String(LEAVES + 1), built: '0' });
    expect(await lines()).toEqual([]);
    expect(calls()).toBeLessThanOrEqual(5);
    expect(rig.service.stats().download).toBe(1);

    // A shard run again (after everyone saved) takes the same part from the plan, and now restores it all.
    const first = (await report(shards[1]!)).jobs.map((j) => j.name).sort();
    await writeFile(ran, '');
    const again = await rig.main(
      { ...common, 'key-prefix': fan, shard: matrix.shard[1]!, plan: plan.outputs.plan! },
      { edit },
    );
    expect(again.code, again.stdout).toBe(0);
    expect((await report(again)).jobs.map((j) => j.name).sort()).toEqual(first);
    expect(await lines()).toEqual([]);
    // A second pair, taken only under load, needs more than the default minute.
  }, 150_000);

  it('a failing job fails its shard, and the aggregate lists it first with its annotation', async () => {
    const broken = { 'graph.json': fanGraph(FEW, BROKEN) };
    // Runners that may list the cache's entries, as in the timed test: what is checked is reporting, not publishing.
    const listing = true;
    const plan = await rig.main(
      { ...common, 'key-prefix': 'broken', mode: 'plan' },
      { edit: broken, listing },
    );
    expect(plan.code, plan.stdout).toBe(0);
    const matrix = JSON.parse(plan.outputs.matrix!) as { shard: string[] };
    expect(matrix.shard.length).toBeGreaterThanOrEqual(4);
    const shards = await Promise.all(
      matrix.shard.map((shard) =>
        rig.main(
          { ...common, 'key-prefix': 'broken', shard, plan: plan.outputs.plan! },
          { edit: broken, listing },
        ),
      ),
    );
    const failing = shards.filter((s) => s.code !== 0);
    expect(failing).toHaveLength(1);
    expect(failing[0]!.outputs['failed-jobs']).toBe(`["${BROKEN}"]`);

    const agg = await rig.main(
      { 'key-prefix': 'broken', mode: 'aggregate', plan: plan.outputs.plan! },
      { edit: broken, listing },
    );
    expect(agg.code).not.toBe(0);
    expect(agg.outputs).toMatchObject({ failed: '1', 'failed-jobs': `["${BROKEN}"]`, built: String(FEW) });
    expect(agg.summary.indexOf(BROKEN)).toBeLessThan(agg.summary.indexOf('leaf-000'));
    expect(agg.stdout).toMatch(
      new RegExp(`::error title=disbuild%3A ${BROKEN} failed.*,file=src/leaf\\.c,line=3,col=7::`),
    );
  });

  it('copies cheap shared jobs into the shards that need them instead of waiting for the planner', async () => {
    // Two roots, each needed by every other leaf: on one core, building both before the matrix starts costs
    // more than each shard building the one or two its leaves need (duplicated work within 10 %).
    const job = (name: string, deps: string[]): JobSpec => ({
      name,
      deps,
      cmds: [{ exec: ['sh', '-c', `echo ${name} >> ${ran}; echo ${name} > <out>/o`] }],
    });
    const jobs = [job('root-a', []), job('root-b', [])];
    for (let i = 0; i < 40; i++) jobs.push(job(`leaf-${i}`, [i % 2 === 0 ? 'root-a' : 'root-b']));
    const roots = { 'graph.json': rig.graph(jobs) };
    // Runners that may list the cache's entries, as in the timed test: what is checked is planning, not publishing.
    const listing = true;
    await writeFile(ran, '');
    const plan = await rig.main(
      { ...common, 'key-prefix': 'copies', mode: 'plan' },
      { edit: roots, listing },
    );
    expect(plan.code, plan.stdout).toBe(0);
    // The trunk is not waited for: the planner built nothing.
    expect(await lines(), plan.stdout).toEqual([]);
    expect(plan.stdout).toContain('0 here first (the trunk)');
    expect(plan.stdout).toMatch(/2 jobs built by several shards each instead of waiting for the trunk/);
    const copies = JSON.parse(plan.outputs.duplicated!) as { name: string; shards: number }[];
    expect(copies.map((c) => [c.name, c.shards]).sort()).toEqual([
      ['root-a', 2],
      ['root-b', 2],
    ]);
    const matrix = JSON.parse(plan.outputs.matrix!) as { shard: string[] };
    const shards = await Promise.all(
      matrix.shard.map((shard) =>
        rig.main(
          { ...common, 'key-prefix': 'copies', shard, plan: plan.outputs.plan! },
          { edit: roots, listing },
        ),
      ),
    );
    for (const s of shards) expect(s.code, s.stdout).toBe(0);
    const built = await lines();
    // Each root is built by exactly the shards that copy it; every leaf once.
    expect(built.filter((n) => n === 'root-a')).toHaveLength(2);
    expect(built.filter((n) => n === 'root-b')).toHaveLength(2);
    expect(built.filter((n) => n.startsWith('leaf-')).sort()).toEqual(
      Array.from({ length: 40 }, (_, i) => `leaf-${i}`).sort(),
    );
  });

  it('the aggregate reports a shard that left no report as crashed', async () => {
    // Runners that may list the cache's entries, as in the timed test: what is checked is reporting, not publishing.
    const listing = true;
    const plan = await rig.main({ ...common, 'key-prefix': 'crash', mode: 'plan' }, { edit: few, listing });
    expect(plan.code, plan.stdout).toBe(0);
    const matrix = JSON.parse(plan.outputs.matrix!) as { shard: string[] };
    // Every shard but the last runs; the last never reports.
    const shards = await Promise.all(
      matrix.shard
        .slice(0, -1)
        .map((shard) =>
          rig.main(
            { ...common, 'key-prefix': 'crash', shard, plan: plan.outputs.plan! },
            { edit: few, listing },
          ),
        ),
    );
    for (const s of shards) expect(s.code, s.stdout).toBe(0);
    const agg = await rig.main(
      { 'key-prefix': 'crash', mode: 'aggregate', plan: plan.outputs.plan! },
      { edit: few, listing },
    );
    expect(agg.code).not.toBe(0);
    const last = matrix.shard.at(-1)!;
    expect(agg.summary).toContain(`shard ${last} left no report`);
  });

  it('shards running at the same time all save: a new plan finds every job cached', async () => {
    const plan = await rig.main({ ...common, 'key-prefix': 'p4', mode: 'plan' }, { edit: few });
    const matrix = JSON.parse(plan.outputs.matrix!) as { shard: string[] };
    expect(matrix.shard.length).toBeGreaterThan(1);
    const runs = await Promise.all(
      matrix.shard.map((shard) =>
        rig.main({ ...common, 'key-prefix': 'p4', shard, plan: plan.outputs.plan! }, { edit: few }),
      ),
    );
    for (const r of runs) expect(r.code, r.stdout).toBe(0);
    const replan = await rig.main({ ...common, 'key-prefix': 'p4', mode: 'plan' }, { edit: few });
    expect(replan.outputs).toMatchObject({ cached: String(FEW + 1) });

    // One leaf more: the shards build it alone, and the aggregate counts every job of the run, those the plan
    // found cached too (before, only the root, which a shard restored: the summary said 2 jobs of 26).
    const more = { 'graph.json': fanGraph(FEW + 1) };
    const grown = await rig.main({ ...common, 'key-prefix': 'p4', mode: 'plan' }, { edit: more });
    expect(grown.outputs).toMatchObject({ cached: String(FEW + 1) });
    const grownMatrix = JSON.parse(grown.outputs.matrix!) as { shard: string[] };
    const grownRuns = await Promise.all(
      grownMatrix.shard.map((shard) =>
        rig.main({ ...common, 'key-prefix': 'p4', shard, plan: grown.outputs.plan! }, { edit: more }),
      ),
    );
    for (const r of grownRuns) expect(r.code, r.stdout).toBe(0);
    const agg = await rig.main(
      { 'key-prefix': 'p4', mode: 'aggregate', plan: grown.outputs.plan! },
      { edit: more },
    );
    expect(agg.code, agg.stdout).toBe(0);
    expect(agg.outputs).toMatchObject({ built: '1', cached: String(FEW + 1), failed: '0' });
  });

  it('plans only the selected targets and their dependencies', async () => {
    const plan = await rig.main(
      { ...common, 'key-prefix': 'targets', mode: 'plan', targets: 'leaf-007' },
      { edit },
    );
    expect(plan.code, plan.stdout).toBe(0);
    expect(JSON.parse(plan.outputs.matrix!)).toEqual({ shard: ['1/1'] });
    expect(plan.stdout).toContain('2 of 2 jobs to build');
    // Before: "2 here first (the trunk), the rest in 0 shards (matrix of 1)".
    expect(plan.stdout).toContain('all 2 here (the trunk); the matrix of 1 has nothing left to build');
  });

  it('a shard with no jobs succeeds at once', async () => {
    const small = { 'graph.json': rig.graph([rig.job('only', 'true')]) };
    const r = await rig.main({ 'key-prefix': 'idle', shard: '2/2' }, { edit: small });
    expect(r.code, r.stdout).toBe(0);
    expect(r.executions).toEqual([]);
    // The report output is set as for any run (before: every output but this one).
    expect(JSON.parse(await readFile(r.outputs.report!, 'utf8'))).toMatchObject({ jobs: [] });
    expect(r.outputs).toMatchObject({ built: '0', failed: '0', 'failed-jobs': '[]' });
  });
});
