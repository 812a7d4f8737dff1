import { access, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRig, parseFileCommands } from '../helpers/action-rig.js';
import type { JobSpec } from '../helpers/graph-json.js';

const exists = (p: string): Promise<boolean> =>
  access(p).then(
    () => true,
    () => false,
  );

describe('the bundled Action, run as the runner runs it', () => {
  let rig: ActionRig;
  let jobs: JobSpec[];

  beforeAll(async () => {
    rig = await ActionRig.create({ 'lib.txt': 'lib v1\n', 'app.txt': 'app\n', 'docs.txt': 'docs\n' });
    jobs = [
      rig.job('lib', 'cat lib.txt > <out>/lib', { inputs: ['lib.txt'] }),
      rig.job('app', 'cat <dep:lib>/lib app.txt > <out>/app', { inputs: ['app.txt'], deps: ['lib'] }),
      rig.job('docs', 'cat docs.txt > <out>/docs', { inputs: ['docs.txt'] }),
    ];
  });
  afterAll(() => rig.close());

  /**
   * The file's runs never overlap, so no other run can publish an index beside one's own: a saving run checks
   * its publish after 50 ms instead of after pauses meant for concurrent writers. Calls are the same.
   */
  const env = { DISBUILD_GHA_INDEX_CHECK_DELAY_MS: '50' };

  const withGraph = (graph: JobSpec[], more: Record<string, string> = {}) => ({
    'graph.json': rig.graph(graph),
    ...more,
  });

  it('builds and saves in at most 3 entries; a fresh workspace then executes nothing; an edit rebuilds exactly what it affects', async () => {
    const edit = withGraph(jobs);
    rig.service.resetStats();
    const cold = await rig.main({ 'key-prefix': 'k1' }, { edit, env });
    expect(cold.code, cold.stdout).toBe(0);
    expect(cold.executions).toEqual(['app', 'docs', 'lib']);
    expect(cold.outputs).toMatchObject({
      built: '3',
      cached: '0',
      failed: '0',
      skipped: '0',
      'failed-jobs': '[]',
    });
    expect(rig.service.stats().CreateCacheEntry).toBeLessThanOrEqual(3);
    expect(cold.summary).toContain('## disbuild: all jobs succeeded');
    const report = JSON.parse(await readFile(cold.outputs.report!, 'utf8')) as {
      version: number;
      jobs: { name: string; status: string; key: string }[];
    };
    expect(report.version).toBe(1);
    expect(report.jobs.map((j) => [j.name, j.status]).sort()).toEqual([
      ['app', 'built'],
      ['docs', 'built'],
      ['lib', 'built'],
    ]);

    rig.service.resetStats();
    const warm = await rig.main({ 'key-prefix': 'k1' }, { edit, env });
    expect(warm.code, warm.stdout).toBe(0);
    expect(warm.executions).toEqual([]);
    expect(warm.outputs).toMatchObject({ cached: '3', built: '0' });
    // Nothing needed the bytes: only the index was downloaded, and nothing was written.
    expect(rig.service.stats()).toMatchObject({ download: 1 });
    expect(rig.service.stats().CreateCacheEntry ?? 0).toBe(0);

    const edited = await rig.main({ 'key-prefix': 'k1' }, { edit: { ...edit, 'app.txt': 'app v2\n' }, env });
    expect(edited.code).toBe(0);
    expect(edited.executions).toEqual(['app']);
    expect(edited.outputs).toMatchObject({ built: '1', cached: '2' });
  });

  it('materializes out-dir targets from the cache', async () => {
    const edit = withGraph(jobs);
    await rig.main({ 'key-prefix': 'k2' }, { edit, env });
    const r = await rig.main({ 'key-prefix': 'k2', targets: 'app', 'out-dir': 'out' }, { edit, env });
    expect(r.code, r.stdout).toBe(0);
    expect(r.executions).toEqual([]);
    expect(await readFile(join(r.ws, 'out', 'app', 'app'), 'utf8')).toBe('lib v1\napp\n');
  });

  it('reads the graph from graph-command, run in source-dir', async () => {
    const graph = rig.graph([rig.job('gen', 'echo generated > <out>/g')]);
    const r = await rig.main(
      { graph: '', 'graph-command': 'cat generated.json', 'source-dir': 'sub', cache: 'none' },
      { edit: { 'sub/generated.json': graph } },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(r.executions).toEqual(['gen']);
  });

  it("runs graph-command without the runner's secrets, and masks the coordinator's token", async () => {
    const envFile = join(rig.root, 'graph-command.env');
    const tokenFile = join(rig.root, 'job.token');
    const graph = rig.graph([rig.job('tok', `printf %s "$DISBUILD_COORDINATOR_TOKEN" > ${tokenFile}`)]);
    const r = await rig.main(
      { graph: '', 'graph-command': `env > ${envFile}; cat generated.json`, cache: 'none' },
      { edit: { 'generated.json': graph } },
    );
    expect(r.code, r.stdout).toBe(0);
    const env = await readFile(envFile, 'utf8');
    expect(env).not.toContain('ACTIONS_RUNTIME_TOKEN');
    expect(env).not.toContain('ACTIONS_RESULTS_URL');
    const token = await readFile(tokenFile, 'utf8');
    expect(token).toMatch(/^[0-9a-f]{32,}$/);
    expect(r.stdout).toContain(`::add-mask::${token}`);
  });

  it('fails the step for a failing job, names it, lists it first, and annotates the file and line', async () => {
    const failing = [
      ...jobs,
      rig.job('compile', 'echo "src/a.c:3:5: error: expected ;" >&2; exit 2', { inputs: ['src/a.c'] }),
      rig.job('link', 'true', { deps: ['compile'] }),
    ];
    const r = await rig.main(
      { 'key-prefix': 'k3' },
      { edit: withGraph(failing, { 'src/a.c': 'int x\n' }), env },
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.outputs['failed-jobs']!)).toEqual(['compile']);
    expect(r.outputs).toMatchObject({ failed: '1', skipped: '1', built: '3' });
    expect(r.summary).toContain('## disbuild: 1 failed');
    expect(r.summary.indexOf('**compile**')).toBeLessThan(r.summary.indexOf('| lib'));
    expect(r.summary).toContain('src/a.c:3:5: error: expected ;');
    expect(r.stdout).toMatch(
      /::error title=disbuild%3A compile failed \(exit code 2\),file=src\/a\.c,line=3,col=5::error: expected ;/,
    );
    expect(r.stdout).toContain('::error::disbuild: some jobs failed');
    expect(r.stdout).toContain('::group::❌ compile: failed');
  });

  it('annotates relative to the workspace when the graph lives in a sub-directory', async () => {
    const graph = rig.graph([rig.job('lint', 'echo "src/b.ts(4,2): error TS1005: oops"; exit 1')]);
    const r = await rig.main(
      { graph: 'pkg/graph.json', 'source-dir': 'pkg', cache: 'none' },
      { edit: { 'pkg/graph.json': graph, 'pkg/src/b.ts': 'x\n' } },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error title=[^:]*,file=pkg\/src\/b\.ts,line=4,col=2::error TS1005: oops/);
  });

  it('annotates at most 10 failed jobs and counts the rest in the summary', async () => {
    const many = Array.from({ length: 12 }, (_, i) => rig.job(`bad-${i}`, `echo "broken ${i}" >&2; exit 1`));
    const r = await rig.main({ cache: 'none' }, { edit: withGraph(many) });
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^::error title=disbuild%3A bad-\d+ failed/gm)).toHaveLength(10);
    // With no diagnostic to point at, the annotation holds the end of the log (before: "exited with code 1" alone).
    expect(r.stdout).toContain('::exited with code 1%0Abroken 0\n');
    expect(r.summary).toContain('2 more failed jobs have no annotation');
    expect(JSON.parse(r.outputs['failed-jobs']!)).toHaveLength(12);
  });

  it("warns of a remote cache's settings given without one, and runs", async () => {
    const r = await rig.main(
      { cache: 'none', 'cache-url': 'https://cache.example' },
      { edit: withGraph(jobs) },
    );
    // Before: ignored in silence.
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(
      '::warning::disbuild: Input "cache-url" is set, but "cache" is none: it is not used (cache: http or turbo uses it)',
    );
  });

  it('names a job killed by a signal without an exit code it does not have', async () => {
    const r = await rig.main({ cache: 'none' }, { edit: withGraph([rig.job('sig', 'kill -9 $$')]) });
    expect(r.code).toBe(1);
    // Before: "(exit code null)" in the annotation's title and the summary.
    expect(r.stdout).toContain('::error title=disbuild%3A sig failed::killed by SIGKILL');
    expect(r.summary).toContain('**sig**: killed by SIGKILL (');
    expect(r.stdout + r.summary).not.toContain('exit code null');
  });

  it('post removes what main leaves in the workspace and runner temp, and never fails', async () => {
    const main = await rig.main({ 'key-prefix': 'k6' }, { edit: withGraph(jobs), env });
    expect(main.code).toBe(0);
    const post = await rig.post(main);
    expect(post.code, post.stdout + post.stderr).toBe(0);
    expect(await exists(join(main.ws, '.disbuild-cache'))).toBe(false);
    const workDir = parseFileCommands(await readFile(join(main.temp, 'state'), 'utf8'))['work-dir']!;
    expect(workDir.startsWith(main.temp)).toBe(true);
    expect(await exists(workDir)).toBe(false);
    // The report stays: later steps upload it.
    expect(await exists(main.outputs.report!)).toBe(true);
  });

  it('fails the step on bad inputs, naming the input and quoting the value', async () => {
    const edit = withGraph(jobs);
    const cases: [Record<string, string>, string][] = [
      [{ concurrency: 'lots' }, 'Input "concurrency" must be a positive integer, got "lots"'],
      [{ cache: 'floppy' }, 'Input "cache" must be one of github, local, none, http, turbo, got "floppy"'],
      [{ cache: 'http' }, 'Input "cache-url" is required with cache http, got ""'],
      [{ graph: 'nope.json' }, 'Input "graph": cannot read "nope.json" (ENOENT)'],
      [{ shard: '5/4' }, 'Input "shard" must look like i/n with 1 <= i <= n, got "5/4"'],
      [{ 'source-dir': 'missing' }, 'Input "source-dir" must be a directory in the workspace, got "missing"'],
      // Before: accepted, although the message says "in the workspace".
      [{ 'source-dir': '..' }, 'Input "source-dir" must be a directory in the workspace, got ".."'],
      [{ 'source-dir': '/etc' }, 'Input "source-dir" must be a directory in the workspace, got "/etc"'],
      [{ graph: '', 'graph-command': 'exit 3' }, 'Input "graph-command": "exit 3" failed (exit code 3)'],
      [{ targets: 'nosuch' }, 'Input "targets": target "nosuch" matches no job name'],
    ];
    for (const [inputs, message] of cases) {
      const r = await rig.main(inputs, { edit });
      expect(r.code, message).toBe(1);
      expect(r.stdout).toContain(`::error::${message}`);
      expect(r.executions).toEqual([]);
    }
  });

  it('warns of a graph of no jobs, and says in the summary when outputs could not be placed in out-dir', async () => {
    // Before: a graph command that printed `{}` passed in silence.
    const empty = await rig.main({ cache: 'none' }, { edit: { 'graph.json': '{}' } });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('::warning::disbuild: the graph has no jobs');
    // Before: the step failed and its summary said "all jobs succeeded", "0 failed".
    const placed = await rig.main({ cache: 'none', 'out-dir': 'graph.json' }, { edit: withGraph(jobs) });
    expect(placed.code).toBe(1);
    expect(placed.summary).toContain('## disbuild: outputs not placed in the out dir (');
    expect(placed.summary).toContain('### Outputs not placed in the out dir');
    expect(placed.summary).not.toContain('all jobs succeeded');
    // Without a cache, every job runs for that reason alone (before: "built before with this key, but the cache no
    // longer has it" from the second run on).
    const again = await rig.main({ cache: 'none' }, { edit: withGraph(jobs) });
    expect(again.summary).not.toContain('### Why jobs ran');
    // Before: a plan with no cache spanning runners, whose shards build the trunk again, said nothing.
    const fan = [
      rig.job('root', 'echo root > <out>/r'),
      ...Array.from({ length: 12 }, (_, i) => rig.job(`leaf-${i}`, 'true', { deps: ['root'] })),
    ];
    const plan = { mode: 'plan', 'plan-mode': 'trunk', 'runner-startup': '1', 'max-shards': '4' };
    const planned = await rig.main({ cache: 'none', ...plan }, { edit: withGraph(fan) });
    expect(planned.stdout).toContain(
      '::warning::disbuild: mode plan with cache none: the shards cannot restore',
    );
    // Not when the shards have nothing to build.
    const alone = await rig.main({ cache: 'none', mode: 'plan' }, { edit: withGraph(jobs) });
    expect(alone.stdout).not.toContain('::warning::disbuild: mode plan');
    // A plan of nothing to build says so (before: "all 0 here (the trunk)"), and warns of nothing.
    const salt = `cached-plan-${Date.now()}`;
    expect((await rig.main({ cache: 'local', salt }, { edit: withGraph(jobs) })).code).toBe(0);
    const cachedPlan = await rig.main({ cache: 'local', salt, mode: 'plan' }, { edit: withGraph(jobs) });
    expect(cachedPlan.stdout).toContain('disbuild plan: 0 of 3 jobs to build: nothing to do;');
    expect(cachedPlan.stdout).not.toContain('::warning::');
  });

  it('takes source-dir by its real path: a link in the workspace to elsewhere is outside it', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'disbuild-outside-'));
    const link = join(rig.template, 'elsewhere');
    await symlink(outside, link);
    try {
      // Before: accepted, and the step ran on a directory outside the workspace.
      const r = await rig.main({ cache: 'none', 'source-dir': 'elsewhere' }, { edit: withGraph(jobs) });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        '::error::Input "source-dir" must be a directory in the workspace, got "elsewhere"',
      );
    } finally {
      await rm(link);
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('reports every problem of an invalid graph, naming the job and field', async () => {
    const bad = [rig.job('x', 'true', { deps: ['y'] }), rig.job('y', 'true', { deps: ['x'] })];
    const r = await rig.main({ cache: 'none' }, { edit: withGraph(bad) });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::.*cycle/);
  });
});
