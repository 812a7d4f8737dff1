import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRig } from '../helpers/action-rig.js';
import type { JobSpec } from '../helpers/graph-json.js';

interface Report {
  jobs: { name: string; status: string }[];
}

/** DESIGN.md §8: plan the missed work into a matrix, run each shard against the same cache. */
describe('the bundled Action in plan mode and in shards', () => {
  let rig: ActionRig;
  let edit: Record<string, string>;
  const FLAT = 110;

  beforeAll(async () => {
    rig = await ActionRig.create({ 'x.txt': 'x\n' });
    // Many independent cheap jobs, and one chain that must stay on one shard.
    const jobs: JobSpec[] = Array.from({ length: FLAT }, (_, i) => ({
      name: `leaf-${i}`,
      cmds: [{ cat: `leaf ${i}\n`, to: '<out>/leaf' }],
    }));
    jobs.push(
      rig.job('chain-1', 'cat x.txt > <out>/c', { inputs: ['x.txt'] }),
      rig.job('chain-2', 'cat <dep:chain-1>/c > <out>/c', { deps: ['chain-1'] }),
      rig.job('chain-3', 'cat <dep:chain-2>/c > <out>/c', { deps: ['chain-2'] }),
    );
    edit = { 'graph.json': rig.graph(jobs) };
  });
  afterAll(() => rig.close());

  it('plans about one shard per 50 missed jobs; the shards build every job exactly once; a new plan finds all cached', async () => {
    const plan = await rig.main({ 'key-prefix': 'p1', mode: 'plan' }, { edit });
    expect(plan.code, plan.stdout).toBe(0);
    expect(plan.executions).toEqual([]);
    const matrix = JSON.parse(plan.outputs.matrix!) as { shard: string[] };
    expect(matrix).toEqual({ shard: ['1/3', '2/3', '3/3'] });
    expect(plan.outputs).toMatchObject({ cached: '0' });

    const built: string[] = [];
    const chainRanIn: number[] = [];
    for (const [i, shard] of matrix.shard.entries()) {
      const r = await rig.main({ 'key-prefix': 'p1', shard }, { edit });
      expect(r.code, r.stdout).toBe(0);
      const report = JSON.parse(await readFile(r.outputs.report!, 'utf8')) as Report;
      built.push(...report.jobs.filter((j) => j.status === 'built').map((j) => j.name));
      if (r.executions.length > 0) {
        expect(r.executions).toEqual(['chain-1', 'chain-2', 'chain-3']);
        chainRanIn.push(i);
      }
      // Balanced: no shard takes (nearly) everything.
      expect(report.jobs.length).toBeLessThan(FLAT);
    }
    expect(chainRanIn).toHaveLength(1);
    expect(built).toHaveLength(FLAT + 3);
    expect(new Set(built).size).toBe(FLAT + 3);

    const replan = await rig.main({ 'key-prefix': 'p1', mode: 'plan' }, { edit });
    expect(JSON.parse(replan.outputs.matrix!)).toEqual({ shard: ['1/1'] });
    expect(replan.outputs).toMatchObject({ cached: String(FLAT + 3) });
  });

  it('shards running at the same time all save: a new plan finds every job cached', async () => {
    const plan = await rig.main({ 'key-prefix': 'p4', mode: 'plan' }, { edit });
    const matrix = JSON.parse(plan.outputs.matrix!) as { shard: string[] };
    expect(matrix.shard.length).toBeGreaterThan(1);
    const runs = await Promise.all(
      matrix.shard.map((shard) => rig.main({ 'key-prefix': 'p4', shard }, { edit })),
    );
    for (const r of runs) expect(r.code, r.stdout).toBe(0);
    const replan = await rig.main({ 'key-prefix': 'p4', mode: 'plan' }, { edit });
    expect(replan.outputs).toMatchObject({ cached: String(FLAT + 3) });
  });

  it('plans only the selected targets and their dependencies', async () => {
    const plan = await rig.main({ 'key-prefix': 'p2', mode: 'plan', targets: 'chain-3' }, { edit });
    expect(plan.code, plan.stdout).toBe(0);
    expect(JSON.parse(plan.outputs.matrix!)).toEqual({ shard: ['1/1'] });
    expect(plan.stdout).toContain('3 of 3 jobs to build');
  });

  it('a shard with no jobs succeeds at once', async () => {
    const small = { 'graph.json': rig.graph([rig.job('only', 'true')]) };
    const r = await rig.main({ 'key-prefix': 'p3', shard: '2/2' }, { edit: small });
    expect(r.code, r.stdout).toBe(0);
    expect(r.executions).toEqual([]);
    expect(r.outputs).toMatchObject({ built: '0', failed: '0', 'failed-jobs': '[]' });
  });
});
