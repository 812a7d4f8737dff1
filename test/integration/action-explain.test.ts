import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRig, type StepResult } from '../helpers/action-rig.js';
import type { JobSpec } from '../helpers/graph-json.js';

/**
 * Issue 13: the step summary says why each job ran even on a fresh runner (no local key records), from the key
 * records the github cache keeps beside its packs.
 */
describe('the bundled Action explains rebuilds from the github cache', () => {
  let rig: ActionRig;
  let jobs: JobSpec[];

  beforeAll(async () => {
    rig = await ActionRig.create({ 'lib.txt': 'lib v1\n', 'app.txt': 'app\n' });
    jobs = [
      rig.job('lib', 'cat lib.txt > <out>/lib', { inputs: ['lib.txt'] }),
      rig.job('app', 'cat <dep:lib>/lib app.txt > <out>/app', { inputs: ['app.txt'], deps: ['lib'] }),
    ];
  });
  afterAll(() => rig.close());

  /** A main step on a runner of its own: a fresh workspace, temp dir and local cache directory. */
  const freshRunner = async (edit: Record<string, string>): Promise<StepResult> => {
    const home = await mkdtemp(join(rig.root, 'runner-cache-'));
    const r = await rig.main({ 'key-prefix': 'why' }, { edit, env: { XDG_CACHE_HOME: home } });
    expect(r.code, r.stdout).toBe(0);
    return r;
  };

  it('names the edited input, and the dependency it changed, on a runner that never built anything', async () => {
    const graph = { 'graph.json': rig.graph(jobs) };
    const cold = await freshRunner(graph);
    expect(cold.outputs).toMatchObject({ built: '2' });
    expect(cold.summary).toContain('- **lib**: never built');
    const records = rig.service.entries().filter((e) => e.key.startsWith('why-records-'));
    expect(records).toHaveLength(1);

    rig.service.resetStats();
    const edited = await freshRunner({ ...graph, 'lib.txt': 'lib v2\n' });
    expect(edited.executions).toEqual(['app', 'lib']);
    expect(edited.summary).toMatch(
      /- \*\*lib\*\*: input lib\.txt changed \([0-9a-f]{12} -\\?> [0-9a-f]{12}\)/,
    );
    expect(edited.summary).toContain('- **app**: dependency "lib" changed: input lib.txt changed');
    // The index (at the start and again before publishing) and the one entry of records, for both jobs.
    expect(rig.service.stats().download).toBe(3);

    // The records of the second run now stand for both jobs: a third runner compares with them.
    const again = await freshRunner({ ...graph, 'lib.txt': 'lib v2\n', 'app.txt': 'app v2\n' });
    expect(again.executions).toEqual(['app']);
    expect(again.summary).toMatch(/- \*\*app\*\*: input app\.txt changed/);
  }, 60_000);
});
