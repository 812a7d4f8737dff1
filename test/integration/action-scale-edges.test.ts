import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRig } from '../helpers/action-rig.js';
import type { JobSpec } from '../helpers/graph-json.js';
import { decodePlan } from '../../src/scale/shard-plan.js';

/**
 * Scale-out at its edges: shards run on another commit than their plan, and job names that hold workflow
 * commands. A root job and eight leaves over two shards, one of which publishes the root for the other.
 */
describe('scale-out: a plan and its shards', () => {
  let rig: ActionRig;
  let ran: string;
  const LEAVES = 8;

  const graph = (rootName = 'root'): string => {
    const job = (name: string, script: string, deps: string[] = []): JobSpec => ({
      name,
      deps,
      cmds: [{ exec: ['sh', '-c', `echo ${name.split('\n')[0]} >> ${ran}; ${script}`] }],
    });
    const jobs: JobSpec[] = [
      {
        ...job(
          rootName,
          'if [ -f broken ]; then exit 3; fi; sleep 0.5; cat x.txt > <out>/r; if [ -f scribble ]; then echo z >> x.txt; fi',
        ),
        inputs: ['x.txt'],
      },
    ];
    for (let i = 0; i < LEAVES; i++)
      jobs.push(job(`leaf-${i}`, `sleep 0.2; cat <dep:${rootName}>/r > <out>/l`, [rootName]));
    return rig.graph(jobs);
  };

  beforeAll(async () => {
    rig = await ActionRig.create({ 'x.txt': 'x\n' });
    ran = join(rig.root, 'ran.log');
  });
  afterAll(() => rig.close());

  const common = {
    concurrency: '1',
    'runner-startup': '1',
    'max-shards': '2',
    'plan-mode': 'pipelined',
    'publish-latency': '1',
  };

  async function planTwo(prefix: string, g: string) {
    const planned = await rig.main(
      { ...common, 'key-prefix': prefix, mode: 'plan' },
      { edit: { 'graph.json': g } },
    );
    expect(planned.code, planned.stdout).toBe(0);
    const decoded = decodePlan(planned.outputs.plan!);
    if (!decoded.ok) throw new Error(decoded.error);
    const owner = decoded.value.exports![0]!.owner;
    return { encoded: planned.outputs.plan!, owner: `${owner}/2`, waiter: `${3 - owner}/2` };
  }

  it('fails shards run on a checkout whose keys are not the plan’s, and the aggregate with them', async () => {
    // Before: each shard kept the jobs of the plan it could find (none), said "owns 0 jobs" and passed; so did the
    // aggregate ("all jobs succeeded, 0 built"), and nothing was built.
    await writeFile(ran, '');
    const { encoded } = await planTwo('changed', graph());
    // A commit pushed between the plan and the shards: x.txt differs, and so do the keys.
    const edit = { 'graph.json': graph(), 'x.txt': 'y\n' };
    const shards = await Promise.all(
      ['1/2', '2/2'].map((s) =>
        rig.main({ ...common, 'key-prefix': 'changed', shard: s, plan: encoded }, { edit }),
      ),
    );
    for (const r of shards) {
      expect(r.code, r.stdout).toBe(1);
      expect(r.stdout).toMatch(
        /::error::plan: \d+ of the \d+ jobs the plan gives shard [12]\/2 are not jobs of this graph/,
      );
    }
    const agg = await rig.main({ 'key-prefix': 'changed', mode: 'aggregate', plan: encoded }, { edit });
    expect(agg.code).not.toBe(0);
    expect(await readFile(ran, 'utf8')).toBe('');
  }, 60_000);

  it('keeps the reports of two pipelines of one run apart, though their plans split alike', async () => {
    // Before: both planners built everything and wrote the same plan, whose reports shared their entries' names:
    // the aggregate of the failing pipeline read the other's report and passed.
    const alone = { DISBUILD_GHA_INDEX_CHECK_DELAY_MS: '50' };
    const edit = {
      'graph-a.json': rig.graph([{ name: 'a-test', cmds: [{ exec: ['sh', '-c', 'exit 1'] }] }]),
      'graph-b.json': rig.graph([{ name: 'b-lint', cmds: [{ exec: ['sh', '-c', 'echo ok > <out>/o'] }] }]),
    };
    const plans = [];
    for (const graph of ['graph-a.json', 'graph-b.json']) {
      const planned = await rig.main({ graph, mode: 'plan', 'runner-startup': '1' }, { edit, env: alone });
      for (const shard of JSON.parse(planned.outputs.matrix!).shard as string[])
        await rig.main({ graph, shard, plan: planned.outputs.plan! }, { edit, env: alone });
      plans.push(planned);
    }
    expect(plans[0]!.code).not.toBe(0);
    expect(plans[0]!.outputs.plan).not.toBe(plans[1]!.outputs.plan);
    const agg = await rig.main({ mode: 'aggregate', plan: plans[0]!.outputs.plan! }, { edit, env: alone });
    expect(agg.code).not.toBe(0);
    expect(agg.outputs['failed-jobs']).toBe('["a-test"]');
  }, 60_000);

  it('withdraws a job its owner finds cached, so that its waiter does not wait for it to its bound', async () => {
    // Before: an owner whose exported job another run had saved since the plan neither published nor withdrew it,
    // and the waiter waited out its bound (37 s here) before building it itself.
    await writeFile(ran, '');
    const { encoded, owner, waiter } = await planTwo('concurrent', graph());
    const edit = { 'graph.json': graph() };
    const margin = 30;
    const started = performance.now();
    const w = rig.main(
      { ...common, 'key-prefix': 'concurrent', shard: waiter, plan: encoded, 'wait-margin': String(margin) },
      { edit },
    );
    await new Promise((r) => setTimeout(r, 1500));
    // Meanwhile another run (an earlier push's) builds and saves everything.
    const other = await rig.main(
      { concurrency: '1', 'key-prefix': 'concurrent' },
      { edit, env: { DISBUILD_GHA_INDEX_CHECK_DELAY_MS: '50', GITHUB_RUN_ID: '41' } },
    );
    expect(other.code).toBe(0);
    const o = await rig.main(
      { ...common, 'key-prefix': 'concurrent', shard: owner, plan: encoded },
      { edit },
    );
    expect(o.code).toBe(0);
    const r = await w;
    expect(r.code).toBe(0);
    expect((performance.now() - started) / 1000).toBeLessThan(margin - 5);
  }, 120_000);

  it('on a fork’s pull request, shards do not wait for each other, and the aggregate judges by the shards’ result', async () => {
    // Before: the owner's publication was refused (a read-only token), and so was its withdrawal: the waiter waited
    // out its bound (31 s with a margin of 25). The aggregate then failed every time, each part "crashed",
    // since no part may leave a report there.
    await writeFile(ran, '');
    const fork = { ref: 'refs/pull/9/merge', readRefs: ['refs/heads/main'], readOnly: true };
    const edit = { 'graph.json': graph() };
    const planned = await rig.main({ ...common, 'key-prefix': 'fork', mode: 'plan' }, { edit, scope: fork });
    expect(planned.code, planned.stdout).toBe(0);
    const encoded = planned.outputs.plan!;
    const decoded = decodePlan(encoded);
    expect(decoded.ok && decoded.value).toMatchObject({ readOnly: true });
    expect(decoded.ok && decoded.value.exports).toBeUndefined();
    const margin = 25;
    const started = performance.now();
    const shards = await Promise.all(
      (JSON.parse(planned.outputs.matrix!).shard as string[]).map((shard) =>
        rig.main(
          { ...common, 'key-prefix': 'fork', shard, plan: encoded, 'wait-margin': String(margin) },
          { edit, scope: fork },
        ),
      ),
    );
    for (const r of shards) expect(r.code, r.stdout).toBe(0);
    expect((performance.now() - started) / 1000).toBeLessThan(margin - 5);
    const aggregate = (extra: Record<string, string>) =>
      rig.main({ 'key-prefix': 'fork', mode: 'aggregate', plan: encoded, ...extra }, { edit, scope: fork });
    const judged = await aggregate({ 'shards-result': 'success' });
    expect(judged.code, judged.stdout).toBe(0);
    expect(judged.stdout).toContain('the parts could not leave reports');
    const failed = await aggregate({ 'shards-result': 'failure' });
    expect(failed.code).toBe(1);
    expect(failed.outputs['failed-jobs']).toBe('["(plan)","(shard 1/2)","(shard 2/2)"]');
    const unsaid = await aggregate({});
    expect(unsaid.code).toBe(1);
    expect(unsaid.stdout).toContain('this run may not write the cache');
  }, 120_000);

  it('on a fork’s pull request, fails the aggregate when the planner’s own jobs failed, whatever the shards did', async () => {
    const fork = { ref: 'refs/pull/10/merge', readRefs: ['refs/heads/main'], readOnly: true };
    const edit = { 'graph.json': graph(), broken: '' };
    const planned = await rig.main(
      { ...common, 'plan-mode': 'trunk', 'key-prefix': 'fork-trunk', mode: 'plan' },
      { edit, scope: fork },
    );
    expect(planned.code).toBe(1);
    const decoded = decodePlan(planned.outputs.plan!);
    expect(decoded.ok && decoded.value).toMatchObject({ readOnly: true, trunkFailed: true });
    const agg = await rig.main(
      {
        'key-prefix': 'fork-trunk',
        mode: 'aggregate',
        plan: planned.outputs.plan!,
        'shards-result': 'success',
      },
      { edit, scope: fork },
    );
    expect(agg.code).toBe(1);
  }, 60_000);

  it('withdraws a job its owner built but cannot save, so that its waiter does not wait for it to its bound', async () => {
    // Before: the owner's root changed its own input while it ran, so its build was not saved, and neither
    // published nor withdrawn: the waiter waited out its bound.
    await writeFile(ran, '');
    const { encoded, owner, waiter } = await planTwo('unsaved', graph());
    const edit = { 'graph.json': graph() };
    const margin = 30;
    const started = performance.now();
    const w = rig.main(
      { ...common, 'key-prefix': 'unsaved', shard: waiter, plan: encoded, 'wait-margin': String(margin) },
      { edit },
    );
    const o = await rig.main(
      { ...common, 'key-prefix': 'unsaved', shard: owner, plan: encoded },
      { edit: { ...edit, scribble: '' } },
    );
    expect(o.stdout).toMatch(/was not cached: its input x\.txt changed while it ran/);
    const r = await w;
    expect(r.code).toBe(0);
    expect((performance.now() - started) / 1000).toBeLessThan(margin - 5);
  }, 120_000);

  it('prints job names that hold workflow commands as text', async () => {
    // Before: the waiter's line naming the jobs it built for another shard printed the name as it is, and the
    // runner took its lines for a warning and a mask.
    await writeFile(ran, '');
    const evil = 'root\n::warning title=pwned::INJECTED\n::add-mask::leaf';
    const g = graph(evil);
    const { encoded, owner, waiter } = await planTwo('inject', g);
    const edit = { 'graph.json': g };
    const w = rig.main(
      { ...common, 'key-prefix': 'inject', shard: waiter, plan: encoded, 'wait-margin': '60' },
      { edit },
    );
    // The owner fails the job, so the waiter builds it itself.
    await rig.main(
      { ...common, 'key-prefix': 'inject', shard: owner, plan: encoded },
      { edit: { ...edit, broken: '' } },
    );
    const r = await w;
    expect(r.stdout).toContain('another shard owns: root\\n::warning');
    expect(r.stdout.split('\n').filter((l) => /^::(warning title=pwned|add-mask::leaf)/.test(l))).toEqual([]);
  }, 120_000);
});
