import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRig, type StepResult } from '../helpers/action-rig.js';
import type { JobSpec } from '../helpers/graph-json.js';
import { decodePlan, type ShardPlan } from '../../src/scale/shard-plan.js';

interface Report {
  jobs: { name: string; status: string; message?: string }[];
}

const LEAVES = 8;

/**
 * `plan-mode: pipelined` (DESIGN.md §8): the planner builds nothing; the shard that owns the root publishes it
 * as soon as it is built, and the other shard waits for that publication instead of building it, within a bound.
 */
describe('the bundled Action: pipelined shards hand jobs to each other', () => {
  let rig: ActionRig;
  let ran: string;
  let release: string;

  /**
   * A root and leaves that need it. The root hangs in a workspace holding `hang` (until the test ends) and fails in
   * one holding `broken`: neither file is an input, so every workspace has the same keys and plan.
   */
  const graph = (): string => {
    const job = (name: string, script: string, deps: string[] = []): JobSpec => ({
      name,
      deps,
      cmds: [{ exec: ['sh', '-c', `echo ${name} >> ${ran}; ${script}`] }],
    });
    const root = [
      `if [ -f hang ]; then while [ ! -f ${release} ]; do sleep 0.1; done; fi`,
      'if [ -f broken ]; then exit 3; fi',
      'sleep 0.5',
      'cat x.txt > <out>/r',
    ].join('; ');
    const jobs: JobSpec[] = [{ ...job('root', root), inputs: ['x.txt'] }];
    for (let i = 0; i < LEAVES; i++)
      jobs.push(job(`leaf-${i}`, 'sleep 0.2; cat <dep:root>/r > <out>/l', ['root']));
    return rig.graph(jobs);
  };

  beforeAll(async () => {
    rig = await ActionRig.create({ 'x.txt': 'x\n' });
    ran = join(rig.root, 'ran.log');
    release = join(rig.root, 'release');
  });
  afterAll(async () => {
    // A root left hanging by a killed shard ends now.
    await writeFile(release, '');
    await rig.close();
  });

  const lines = async (): Promise<string[]> =>
    (await readFile(ran, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const report = async (r: StepResult): Promise<Report> =>
    JSON.parse(await readFile(r.outputs.report!, 'utf8')) as Report;
  const common = {
    concurrency: '1',
    'runner-startup': '1',
    'max-shards': '2',
    'plan-mode': 'pipelined',
    'publish-latency': '1',
  };
  /**
   * For a run that publishes an index while no other run of the test can (the shards it follows are done, or
   * dead): it checks its publish after 50 ms instead of after pauses meant for concurrent writers.
   */
  const alone = { DISBUILD_GHA_INDEX_CHECK_DELAY_MS: '50' };

  /** Plans under `prefix`; answers the plan, the owner of the root and the shard that waits for it. */
  async function planTwo(
    prefix: string,
  ): Promise<{ encoded: string; plan: ShardPlan; owner: string; waiter: string }> {
    const edit = { 'graph.json': graph() };
    const planned = await rig.main({ ...common, 'key-prefix': prefix, mode: 'plan' }, { edit });
    expect(planned.code, planned.stdout).toBe(0);
    expect(planned.stdout).toContain('that publish 1 jobs for each other');
    const decoded = decodePlan(planned.outputs.plan!);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(JSON.parse(planned.outputs.matrix!)).toEqual({ shard: ['1/2', '2/2'] });
    expect(decoded.value.exports).toHaveLength(1);
    const owner = decoded.value.exports![0]!.owner;
    // The plan carries who owns the root: both shards read the same assignment from it.
    expect(decoded.value.shards[owner - 1]).toContain(decoded.value.exports![0]!.key);
    expect(decoded.value.shards[2 - owner]).not.toContain(decoded.value.exports![0]!.key);
    return {
      encoded: planned.outputs.plan!,
      plan: decoded.value,
      owner: `${owner}/2`,
      waiter: `${3 - owner}/2`,
    };
  }

  it('the waiting shard restores the root from its owner’s publication and does not build it', async () => {
    await writeFile(ran, '');
    const { encoded, owner, waiter } = await planTwo('pipe');
    expect(await lines()).toEqual([]);
    const edit = { 'graph.json': graph() };
    const [a, b] = await Promise.all([
      rig.main({ ...common, 'key-prefix': 'pipe', shard: owner, plan: encoded }, { edit }),
      rig.main({ ...common, 'key-prefix': 'pipe', shard: waiter, plan: encoded }, { edit }),
    ]);
    expect(a.code, a.stdout).toBe(0);
    expect(b.code, b.stdout).toBe(0);
    const built = await lines();
    expect(built.filter((n) => n === 'root')).toHaveLength(1);
    expect(built.filter((n) => n.startsWith('leaf-')).sort()).toEqual(
      Array.from({ length: LEAVES }, (_, i) => `leaf-${i}`),
    );
    const waited = await report(b);
    expect(waited.jobs.find((j) => j.name === 'root')?.status).toBe('cached');
    expect(waited.jobs.filter((j) => j.status === 'built').length).toBeGreaterThan(0);
    expect(b.outputs.duplicated).toBe('[]');

    // One report for the whole run: every job once, the root as built.
    const agg = await rig.main(
      { 'key-prefix': 'pipe', mode: 'aggregate', plan: encoded },
      { edit, env: alone },
    );
    expect(agg.code, agg.stdout).toBe(0);
    expect(agg.outputs).toMatchObject({ built: String(LEAVES + 1), failed: '0', cached: '0' });

    // The end-of-run publication still serves the next run: everything hits.
    const again = await rig.main({ concurrency: '1', 'key-prefix': 'pipe' }, { edit, env: alone });
    expect(again.outputs).toMatchObject({ cached: String(LEAVES + 1), built: '0' });
  });

  it('a waiter whose owner was killed builds the root itself within the bound and reports the duplication', async () => {
    await writeFile(ran, '');
    const { encoded, plan, owner, waiter } = await planTwo('killed');
    const edit = { 'graph.json': graph() };
    let ownerPid = 0;
    const ownerRun = rig.main(
      { ...common, 'key-prefix': 'killed', shard: owner, plan: encoded },
      { edit: { ...edit, hang: '' }, onSpawn: (pid) => (ownerPid = pid) },
    );
    // The bound: twice the root's planned time (nothing was ever timed: twice the 1 s latency) plus the margin,
    // from the start. The waiter runs none of its own jobs before the root, so nothing rescales it.
    const margin = 2;
    const started = performance.now();
    // Its owner dies before it publishes anything, so the waiter publishes alone.
    const waiterRun = rig.main(
      { ...common, 'key-prefix': 'killed', shard: waiter, plan: encoded, 'wait-margin': String(margin) },
      { edit, env: alone },
    );
    // Once the owner is building the root, it dies.
    while (!(await lines()).includes('root')) await new Promise((r) => setTimeout(r, 50));
    process.kill(ownerPid, 'SIGKILL');
    const killed = await ownerRun;
    expect(killed.code).toBeNull();
    const w = await waiterRun;
    const tookS = (performance.now() - started) / 1000;
    expect(w.code, w.stdout).toBe(0);
    const rootAt = plan.exports![0]!.at;
    expect(rootAt).toBe(2);
    const bound = 2 * rootAt + margin;
    // Within the bound, plus its own work (the root and its leaves, well under 10 s even on a loaded machine).
    expect(tookS).toBeLessThan(bound + 10);
    const dup = JSON.parse(w.outputs.duplicated!) as { name: string; why: string }[];
    expect(dup).toEqual([
      { name: 'root', why: `shard ${owner} did not publish it within ${bound} s of this shard's start` },
    ]);
    const rep = await report(w);
    expect(rep.jobs.find((j) => j.name === 'root')).toMatchObject({ status: 'built' });
    expect(w.stdout).toContain('building it instead');
    expect(existsSync(release)).toBe(false);
  });

  it('a waiter whose owner failed the root stops waiting at once and builds it itself', async () => {
    await writeFile(ran, '');
    const { encoded, owner, waiter } = await planTwo('failed');
    const edit = { 'graph.json': graph() };
    const started = performance.now();
    // A long margin: only the owner's word ends this wait early.
    const waiterRun = rig.main(
      { ...common, 'key-prefix': 'failed', shard: waiter, plan: encoded, 'wait-margin': '120' },
      { edit },
    );
    const o = await rig.main(
      { ...common, 'key-prefix': 'failed', shard: owner, plan: encoded },
      { edit: { ...edit, broken: '' } },
    );
    expect(o.code).not.toBe(0);
    const w = await waiterRun;
    expect(w.code, w.stdout).toBe(0);
    expect((performance.now() - started) / 1000).toBeLessThan(60);
    const dup = JSON.parse(w.outputs.duplicated!) as { name: string; why: string }[];
    expect(dup).toEqual([{ name: 'root', why: `shard ${owner} did not build it` }]);
  });

  it('shards that may not write the cache (save: false) do not wait for publications nobody can make', async () => {
    await writeFile(ran, '');
    const { encoded, owner, waiter } = await planTwo('nosave');
    const edit = { 'graph.json': graph() };
    const started = performance.now();
    const margin = 40;
    const shard = (s: string) =>
      rig.main(
        {
          ...common,
          'key-prefix': 'nosave',
          shard: s,
          plan: encoded,
          save: 'false',
          'wait-margin': String(margin),
        },
        { edit },
      );
    const [o, w] = await Promise.all([shard(owner), shard(waiter)]);
    expect(o.code, o.stdout).toBe(0);
    expect(w.code, w.stdout).toBe(0);
    // The bound is 2 × 1 + 40 s; the owner can neither publish nor withdraw, so only not waiting is quick.
    expect((performance.now() - started) / 1000).toBeLessThan(margin - 5);
    expect(w.stdout).toContain('builds the jobs it needs from other shards itself');
  });

  it('a waiter cancelled while it waits stops at once instead of waiting out its bound', async () => {
    await writeFile(ran, '');
    const { encoded, owner, waiter } = await planTwo('cancel');
    const edit = { 'graph.json': graph() };
    let ownerPid = 0;
    let waiterPid = 0;
    const ownerRun = rig.main(
      { ...common, 'key-prefix': 'cancel', shard: owner, plan: encoded },
      { edit: { ...edit, hang: '' }, onSpawn: (pid) => (ownerPid = pid) },
    );
    const waiterRun = rig.main(
      { ...common, 'key-prefix': 'cancel', shard: waiter, plan: encoded, 'wait-margin': '120' },
      { edit, onSpawn: (pid) => (waiterPid = pid) },
    );
    // The owner is building the root (it hangs), so the waiter's leaves are waiting for it.
    while (!(await lines()).includes('root')) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1000));
    const cancelled = performance.now();
    process.kill(waiterPid, 'SIGTERM');
    const w = await waiterRun;
    expect((performance.now() - cancelled) / 1000).toBeLessThan(15);
    expect(w.code).not.toBe(0);
    expect(w.stdout).toContain('cancelled');
    // Cancelled is not duplicated: it built nothing the owner owns.
    expect((await lines()).filter((n) => n === 'root')).toHaveLength(1);
    process.kill(ownerPid, 'SIGKILL');
    await ownerRun;
  });
});
