import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRig, type StepResult } from '../helpers/action-rig.js';
import type { JobSpec } from '../helpers/graph-json.js';
import { decodePlan } from '../../src/scale/shard-plan.js';

interface Report {
  jobs: { name: string; status: string }[];
}

/**
 * Each chain's jobs' seconds. Distinct, and a root twice the longest: on a graph this small the planners' estimates
 * lie close, and with these the pipelined plan wins clearly (and the root is published, not copied) for any
 * recorded durations between 1 and 1.8 times these (checked against choosePlan).
 */
const CHAINS = { a: 0.6, b: 0.5, c: 0.4 };
const LENGTH = 6;
const ROOT_SECONDS = 2;

/**
 * `plan-mode: auto`, the default (DESIGN.md §8): on a first run (nothing recorded) and once a run recorded the
 * jobs' durations, a graph whose work crosses shards everywhere is planned pipelined, and its shards restore each other's publications instead of
 * building them again.
 */
describe('the bundled Action: plan-mode auto', () => {
  let rig: ActionRig;
  let ran: string;

  /** A root (reads x.txt), three chains that need it, and a join that needs every chain's end. */
  const graph = (): string => {
    const job = (name: string, seconds: number, deps: string[]): JobSpec => ({
      name,
      deps,
      cmds: [{ exec: ['sh', '-c', `echo ${name} >> ${ran}; sleep ${seconds}; cat x.txt > <out>/o`] }],
      inputs: ['x.txt'],
    });
    const jobs: JobSpec[] = [job('root', ROOT_SECONDS, [])];
    for (const [c, seconds] of Object.entries(CHAINS))
      for (let i = 1; i <= LENGTH; i++)
        jobs.push(job(`${c}${i}`, seconds, [i === 1 ? 'root' : `${c}${i - 1}`]));
    jobs.push(
      job(
        'join',
        0.3,
        Object.keys(CHAINS).map((c) => `${c}${LENGTH}`),
      ),
    );
    return rig.graph(jobs);
  };

  beforeAll(async () => {
    rig = await ActionRig.create({ 'x.txt': 'x\n' });
    ran = join(rig.root, 'ran.log');
  });
  afterAll(() => rig.close());

  const lines = async (): Promise<string[]> =>
    (await readFile(ran, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const report = async (r: StepResult): Promise<Report> =>
    JSON.parse(await readFile(r.outputs.report!, 'utf8')) as Report;
  const common = {
    concurrency: '1',
    'runner-startup': '1',
    'max-shards': '3',
    'publish-latency': '1',
    'key-prefix': 'auto',
  };
  const all = [
    'root',
    ...Object.keys(CHAINS).flatMap((c) => Array.from({ length: LENGTH }, (_, i) => `${c}${i + 1}`)),
    'join',
  ];

  /**
   * Runs a plan's shards at once: every job is built exactly once across them (a job the plan itself gives to
   * several shards, when building it beats waiting for it, once by each shard copying it), no shard gives up a
   * wait, and the shards restore what others published. Then the
   * aggregate counts every job built once.
   */
  async function shardsBuildOnce(
    planned: StepResult,
    edit: Record<string, string>,
    rootPublished: boolean,
  ): Promise<void> {
    expect(planned.outputs['plan-mode'], planned.stdout).toBe('pipelined');
    expect(planned.stdout).toMatch(
      /plan-mode auto chose pipelined: estimated \d+ s pipelined against \d+ s with a trunk/,
    );
    expect(await lines()).toEqual([]);
    const decoded = decodePlan(planned.outputs.plan!);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.value.exports!.length).toBeGreaterThan(0);
    const copies = JSON.parse(planned.outputs.duplicated!) as { name: string; shards: number }[];
    const matrix = JSON.parse(planned.outputs.matrix!) as { shard: string[] };
    expect(matrix.shard.length).toBeGreaterThan(1);
    const shards = await Promise.all(
      matrix.shard.map((shard) =>
        rig.main({ ...common, shard, plan: planned.outputs.plan! }, { edit, listing: true }),
      ),
    );
    for (const s of shards) expect(s.code, s.stdout).toBe(0);
    const expected = [...all, ...copies.flatMap((c) => Array<string>(c.shards - 1).fill(c.name))];
    expect((await lines()).sort()).toEqual(expected.sort());
    // With recorded durations the root (the longest job) is published, never copied; on a first run every job
    // weighs the same guess and copying the root may beat waiting for it: a planned, reported copy.
    if (rootPublished) expect(copies.every((c) => c.name !== 'root')).toBe(true);
    for (const s of shards) expect(s.outputs.duplicated).toBe('[]');
    const restored = (await Promise.all(shards.map(report))).flatMap((r) =>
      r.jobs.filter((j) => j.status === 'cached').map((j) => j.name),
    );
    if (copies.every((c) => c.name !== 'root')) expect(restored).toContain('root');
    else expect(restored.length).toBeGreaterThan(0);
    // The aggregate step has the shards' token (`actions: read`), as in one workflow.
    const agg = await rig.main(
      { ...common, mode: 'aggregate', plan: planned.outputs.plan! },
      { edit, listing: true },
    );
    expect(agg.code, agg.stdout).toBe(0);
    expect(agg.outputs).toMatchObject({ built: String(all.length), failed: '0' });
  }

  it('plans pipelined shards on a first run (nothing recorded) and once durations are recorded; each job built once', async () => {
    // A first run: no duration recorded, every job weighs twice the exchange latency, and pipelining wins.
    const edit = { 'graph.json': graph() };
    await writeFile(ran, '');
    const cold = await rig.main({ ...common, mode: 'plan' }, { edit, listing: true });
    expect(cold.code, cold.stdout).toBe(0);
    await shardsBuildOnce(cold, edit, false);

    // The shards recorded every job's duration; then the root's input changes: every key misses.
    const edited = { ...edit, 'x.txt': 'y\n' };
    await writeFile(ran, '');
    const plan = await rig.main({ ...common, mode: 'plan' }, { edit: edited, listing: true });
    expect(plan.code, plan.stdout).toBe(0);
    await shardsBuildOnce(plan, edited, true);
  });
});
