import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { CLI, Rig } from '../helpers/rig.js';

describe('failures, invalidation and selection', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('marks a failing job failed, skips its dependents, builds independent jobs, exits 1', async () => {
    await rig.write({
      'graph.json': graphJson([
        { name: 'bad', cmds: [{ exec: ['sh', '-c', 'echo broken >&2; exit 3'] }] },
        { name: 'after-bad', deps: ['bad'], cmds: [{ exec: ['echo', 'never'] }] },
        { name: 'after-after', deps: ['after-bad'], cmds: [{ exec: ['echo', 'never'] }] },
        { name: 'independent', cmds: [{ exec: ['echo', 'fine'] }] },
      ]),
    });
    const r = await rig.runGraph();
    expect(r.code).toBe(1);
    expect(r.jobs.get('bad')).toMatchObject({ status: 'failed', exitCode: 3, stderr: 'broken\n' });
    expect(r.jobs.get('after-bad')).toMatchObject({ status: 'skipped' });
    expect(r.jobs.get('after-after')).toMatchObject({ status: 'skipped' });
    expect(r.jobs.get('independent')).toMatchObject({ status: 'built', stdout: 'fine\n' });
    expect(r.stdout).toContain('bad');
    // A failure is never cached: the next run tries again.
    const again = await rig.runGraph();
    expect(again.jobs.get('bad')?.status).toBe('failed');
    expect(again.jobs.get('independent')?.status).toBe('cached');
  });

  it('says that a working directory does not exist, not that the program is missing', async () => {
    await rig.write({
      'graph.json': graphJson([{ name: 'lost', cmds: [{ exec: ['echo', 'hi'], wd: 'nope' }] }]),
    });
    const r = await rig.runGraph();
    expect(r.code).toBe(1);
    // Before: `cannot run "echo": spawn echo ENOENT`.
    expect(r.jobs.get('lost')?.message).toMatch(
      /cannot run "echo": its working directory ".*\/nope" does not exist/,
    );
  });

  it('builds without a cache it cannot open, with a warning', async () => {
    await rig.write({ 'graph.json': graphJson([{ name: 'one', cmds: [{ exec: ['echo', 'ran'] }] }]) });
    // The cache's temp directory is a file: the cache cannot be opened at all.
    await rig.write({ 'v1/tmp': 'not a directory' }, rig.cacheDir);
    const r = await rig.runGraph();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.jobs.get('one')).toMatchObject({ status: 'built', stdout: 'ran\n' });
    expect(r.stdout).toMatch(/local cache .* cannot be used/);
  });

  it('builds when the cache breaks during the run: later jobs write their outputs in the run, not the cache', async () => {
    const tmp = `${rig.cacheDir}/v1/tmp`;
    await rig.write({
      'graph.json': graphJson([
        { name: 'breaker', cmds: [{ exec: ['sh', '-c', `rm -rf ${tmp} && echo x > ${tmp}`] }] },
        {
          name: 'after',
          deps: ['breaker'],
          cmds: [{ exec: ['sh', '-c', 'echo ok > <out>/o.txt; cat <out>/o.txt'] }],
        },
      ]),
    });
    // `breaker` cannot publish its result to the coordinator, so its lease is left to run out, and the run that
    // serves the coordinator stays up until it has: a short lease ends the run soon after its jobs.
    const r = await rig.runGraph(['-j', '1'], { DISBUILD_COORDINATOR_LEASE_MS: '500' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.jobs.get('breaker')?.status).toBe('built');
    expect(r.jobs.get('after')).toMatchObject({ status: 'built', stdout: 'ok\n' });
    expect(r.stdout).toContain('could not save');
  });

  it('rebuilds exactly the job whose input changed and its dependents', async () => {
    const log = rig.path('executions.log');
    const job = (name: string, extra: { inputs?: string[]; deps?: string[] }) => ({
      name,
      ...extra,
      cmds: [
        { exec: ['sh', '-c', `echo ${name} >> ${log}; cat ${(extra.inputs ?? []).join(' ')} /dev/null`] },
      ],
    });
    await rig.write({
      'a.txt': 'a1',
      'b.txt': 'b1',
      'graph.json': graphJson([
        job('a', { inputs: ['a.txt'] }),
        job('b', { inputs: ['b.txt'] }),
        job('c', { deps: ['a'] }),
        job('d', { deps: ['b'] }),
        job('e', { deps: ['c', 'd'] }),
      ]),
    });
    expect((await rig.runGraph()).code).toBe(0);
    await writeFile(log, '');
    await rig.write({ 'a.txt': 'a2' });
    const r = await rig.runGraph();
    expect(r.code).toBe(0);
    const statuses = Object.fromEntries([...r.jobs].map(([n, j]) => [n, j.status]));
    expect(statuses).toEqual({ a: 'built', b: 'cached', c: 'built', d: 'cached', e: 'built' });
    expect((await readFile(log, 'utf8')).split('\n').filter(Boolean).sort()).toEqual(['a', 'c', 'e']);
  });

  it('builds only the selected targets and their dependencies', async () => {
    await rig.write({
      'graph.json': graphJson([
        { name: 'lib', cmds: [{ exec: ['sh', '-c', 'echo lib > <out>/lib.txt'] }] },
        { name: 'app', deps: ['lib'], cmds: [{ exec: ['cat', '<dep:lib>/lib.txt'] }] },
        { name: 'docs', cmds: [{ exec: ['echo', 'docs'] }] },
      ]),
    });
    const r = await rig.runGraph(['--targets', 'app', '--out-dir', rig.path('out')]);
    expect(r.code, r.stderr).toBe(0);
    expect([...r.jobs.keys()].sort()).toEqual(['app', 'lib']);
    const unknown = await rig.runGraph(['--targets', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('target "nope" matches no job');
  });

  it('materializes out-dir targets from the cache', async () => {
    await rig.write({
      'graph.json': graphJson([
        { name: 'gen', cmds: [{ exec: ['sh', '-c', 'printf generated > <out>/g.txt'] }] },
      ]),
    });
    expect((await rig.runGraph()).code).toBe(0);
    // A copy a run killed part way left beside its target is removed; nothing else in the directory is.
    await mkdir(rig.path('out/gen.disbuild-0123456789ab/half'), { recursive: true });
    // Named with the process id: a dead process's is removed, a live one's (another run placing its outputs) kept.
    await mkdir(rig.path('out/gen.disbuild-999999999-0123456789ab/half'), { recursive: true });
    await mkdir(rig.path('out/gen.disbuild-1-0123456789ab'), { recursive: true });
    await writeFile(rig.path('out/mine.txt'), 'kept');
    const r = await rig.runGraph(['--out-dir', rig.path('out')]);
    expect(r.jobs.get('gen')?.status).toBe('cached');
    expect(await rig.read('out/gen/g.txt')).toBe('generated');
    expect((await readdir(rig.path('out'))).sort()).toEqual([
      'gen',
      'gen.disbuild-1-0123456789ab',
      'mine.txt',
    ]);
  });

  it('reports an out-dir target it cannot place, places the others whole, and fails the run', async () => {
    await rig.write({
      'graph.json': graphJson([
        { name: 'a', cmds: [{ exec: ['sh', '-c', 'printf new > <out>/a.txt'] }] },
        { name: 'b', cmds: [{ exec: ['sh', '-c', 'printf b > <out>/b.txt'] }] },
      ]),
    });
    await chmod(rig.root, 0o755);
    execFileSync('chown', ['-R', '65534:65534', rig.root]);
    // What the run may not remove (as an unprivileged user): an earlier out/a with a root-owned file in it.
    await mkdir(rig.path('out/a'), { recursive: true });
    await writeFile(rig.path('out/a/old.txt'), 'old');
    execFileSync('chown', ['65534:65534', rig.path('out')]);
    const args = ['run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '--out-dir', rig.path('out')];
    // Built (copied from the cache), then cached (moved from the run's scratch space): both ways of placing.
    for (const status of ['built', 'cached']) {
      const r = await rig.runAsNobody(args);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout + r.stderr).toMatch(/cannot place the outputs of a in .*out\/a: EACCES/);
      expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).toContain(status === 'built' ? '2 built' : '2 cached');
      expect(await readFile(rig.path('out/b/b.txt'), 'utf8')).toBe('b');
      expect(await readFile(rig.path('out/a/old.txt'), 'utf8')).toBe('old');
      expect((await readdir(rig.path('out'))).sort()).toEqual(['a', 'b']);
    }
  });

  it('stops scheduling after the first failure with --fail-fast', async () => {
    // `fails` heads the longest chain, so with one slot it runs first; nothing starts after it fails.
    await rig.write({
      'graph.json': graphJson([
        { name: 'independent', cmds: [{ exec: ['echo', 'x'] }] },
        { name: 'fails', cmds: [{ exec: ['false'] }] },
        { name: 'next', deps: ['fails'], cmds: [{ exec: ['echo', 'x'] }] },
        { name: 'last', deps: ['next'], cmds: [{ exec: ['echo', 'x'] }] },
      ]),
    });
    const r = await rig.runGraph(['--fail-fast', '-j', '1']);
    expect(r.code).toBe(1);
    expect(r.jobs.get('fails')?.status).toBe('failed');
    expect(r.jobs.get('independent')).toMatchObject({ status: 'skipped' });
    expect(r.jobs.get('independent')?.message).toContain('fail-fast');
    expect(r.jobs.get('last')).toMatchObject({ status: 'skipped' });
  });

  it('kills a job that exceeds the time-out, with its whole process group', async () => {
    const marker = rig.path('grandchild-survived');
    await rig.write({
      'graph.json': graphJson([
        { name: 'slow', cmds: [{ exec: ['sh', '-c', `(sleep 3; touch ${marker}) & sleep 30`] }] },
      ]),
    });
    const started = Date.now();
    const r = await rig.runGraph(['--timeout', '1']);
    expect(r.code).toBe(1);
    expect(r.jobs.get('slow')).toMatchObject({ status: 'failed', message: 'timed out after 1000 ms' });
    expect(Date.now() - started).toBeLessThan(10_000);
    await new Promise((res) => setTimeout(res, 2500));
    await expect(readFile(marker)).rejects.toThrow();
  });

  it('plans without running in --dry-run', async () => {
    const side = rig.path('ran');
    await rig.write({ 'graph.json': graphJson([{ name: 'j', cmds: [{ exec: ['touch', side] }] }]) });
    const r = await rig.runGraph(['--dry-run']);
    expect(r.code).toBe(0);
    expect(r.jobs.get('j')).toMatchObject({ status: 'skipped', message: 'dry run: would build' });
    await expect(readFile(side)).rejects.toThrow();
  });

  it('reports every graph problem with the job and field, and exits 2', async () => {
    const graph = JSON.parse(
      graphJson([
        { name: 'one', deps: ['ghost'], cmds: [{ exec: ['true'] }] },
        { name: 'two', inputs: ['../escape.txt'], cmds: [{ exec: ['true'] }] },
      ]),
    ) as unknown;
    await rig.write({ 'graph.json': JSON.stringify(graph) });
    const r = await rig.runGraph();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/job "one" Deps\[0\]/);
    expect(r.stderr).toMatch(/job "two" Inputs\[0\]/);
  });

  it('prints help and rejects bad usage with exit 2', async () => {
    const help = await rig.run(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--graph FILE');
    const bad = await rig.run(['run', '--graph', 'g.json', '-j', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--jobs must be a positive integer, got "lots"');
  });

  it('goes on when its reader goes away (`disbuild run | head -1`): the build completes, nothing crashes', async () => {
    const jobs = Array.from({ length: 40 }, (_, i) => ({
      name: `j${i}`,
      cmds: [{ exec: ['echo', `${i}`] }],
    }));
    await rig.write({ 'graph.json': graphJson(jobs) });
    const runClosingStdout = (args: string[]): Promise<{ code: number | null; stderr: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [CLI, ...args], {
          cwd: rig.src,
          env: { ...process.env, CI: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
        // The reader takes one chunk and leaves, as `head -1` does.
        child.stdout.once('data', () => child.stdout.destroy());
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const r = await runClosingStdout([
      'run',
      '--graph',
      'graph.json',
      '--cache-dir',
      rig.cacheDir,
      '-j',
      '1',
    ]);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.code).toBe(0);
    const shards = await readdir(join(rig.cacheDir, 'v1/entries'));
    const entries = (
      await Promise.all(shards.map((s) => readdir(join(rig.cacheDir, 'v1/entries', s))))
    ).flat();
    expect(entries).toHaveLength(40);
    const explained = await runClosingStdout([
      'explain',
      '--graph',
      'graph.json',
      '--cache-dir',
      rig.path('other'),
    ]);
    expect(explained.stderr).not.toMatch(/EPIPE|Error/);
    expect(explained.code).toBe(0);
  });
});
