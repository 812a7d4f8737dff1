import { execFileSync, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson, type JobSpec } from '../helpers/graph-json.js';
import { CLI, Rig } from '../helpers/rig.js';

describe('runs sharing a cache directory go through one coordinator', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });
  const cli = `${process.execPath} ${CLI}`;
  /** The token of a `coordinator start` answer. */
  const tokenOf = `sed 's/.*"token":"\\([0-9a-f]*\\)".*/\\1/'`;
  /** A graph of one job, `tool`, running `steps` one after the other while each succeeds. */
  const toolGraph = (steps: string[]): string =>
    graphJson([{ name: 'tool', cmds: [{ exec: ['sh', '-c', steps.join(' && ')] }] }]);

  it('two runs started at once execute every job exactly once and report identical outputs', async () => {
    const log = rig.path('executions.log');
    const job = (name: string, deps: string[] = []): JobSpec => ({
      name,
      deps,
      cmds: [
        {
          exec: [
            'sh',
            '-c',
            `echo ${name} >> ${log}; sleep 0.3; { echo ${name}; ${deps.map((d) => `cat <dep:${d}>/o.txt;`).join(' ')} } > <out>/o.txt; cat <out>/o.txt`,
          ],
        },
      ],
    });
    await rig.write({
      'graph.json': graphJson([
        job('a'),
        job('b'),
        job('c', ['a']),
        job('d', ['a', 'b']),
        job('e', ['c', 'd']),
        job('f'),
      ]),
    });
    const [one, two] = await Promise.all([rig.runGraph(['-j', '2']), rig.runGraph(['-j', '2'])]);
    expect(one.code, one.stderr + one.stdout).toBe(0);
    expect(two.code, two.stderr + two.stdout).toBe(0);
    const executions = (await readFile(log, 'utf8')).split('\n').filter(Boolean).sort();
    expect(executions).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) {
      expect(two.jobs.get(name)?.stdout).toBe(one.jobs.get(name)?.stdout);
      expect(two.jobs.get(name)?.key).toBe(one.jobs.get(name)?.key);
    }
    expect(one.jobs.get('e')?.stdout).toBe('e\nc\na\nd\na\nb\n');
  });

  it('exposes the coordinator to jobs, whose scripts can speak the protocol', async () => {
    const key = 'cd'.repeat(20);
    await rig.write({
      'graph.json': toolGraph([
        `test -n "$DISBUILD_COORDINATOR" && test -n "$DISBUILD_COORDINATOR_TOKEN"`,
        `T=$(${cli} coordinator start ${key} | ${tokenOf})`,
        `printf payload > <out>/p.txt`,
        `${cli} coordinator finish ${key} --token "$T" --file p=<out>/p.txt`,
        `${cli} coordinator start ${key}`,
      ]),
    });
    const r = await rig.runGraph();
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const lines = r.jobs.get('tool')!.stdout.trim().split('\n');
    expect(lines[0]).toBe('{}');
    const reused = JSON.parse(lines[1]!) as { extra: { p: string } };
    expect(reused.extra.p).toMatch(/coordinator\/store\/c{1}d/);
    const usage = await rig.run(['coordinator', 'start', key]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('DISBUILD_COORDINATOR');
  });

  it("publishes a job's --file with a relative path from the job's own directory", async () => {
    const key = 'ef'.repeat(20);
    // The serving process runs in src/: a relative path resolved there would publish this decoy.
    await rig.write({
      'p.txt': 'decoy',
      'graph.json': toolGraph([
        `T=$(${cli} coordinator start ${key} | ${tokenOf})`,
        `cd <out>`,
        `printf payload > p.txt`,
        `${cli} coordinator finish ${key} --token "$T" --file p=p.txt`,
        `P=$(${cli} coordinator start ${key} | sed 's/.*"p":"\\([^"]*\\)".*/\\1/')`,
        `cat "$P"`,
      ]),
    });
    const r = await rig.runGraph();
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.jobs.get('tool')!.stdout).toBe('{}\npayload');
  });

  it('releases a key from a script: the next start gets a token of its own', async () => {
    const key = 'cd'.repeat(20);
    await rig.write({
      'graph.json': toolGraph([
        `T=$(${cli} coordinator start ${key} | ${tokenOf})`,
        `${cli} coordinator finish ${key} --token "$T" --release`,
        `U=$(${cli} coordinator start ${key} | ${tokenOf})`,
        `test -n "$U" && test "$U" != "$T" && echo fresh`,
        `(${cli} coordinator finish ${key} --token "$U" --release --error x || echo refused)`,
        // Not left to its lease: the serving process would wait for it to run out.
        `${cli} coordinator finish ${key} --token "$U" --release`,
      ]),
    });
    const r = await rig.runGraph();
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.jobs.get('tool')!.stdout.trim().split('\n')).toEqual(['{}', 'fresh', 'refused', '{}']);
  });

  it('gives every server a token of its own', async () => {
    const tokens = rig.path('tokens.log');
    await rig.write({
      'graph.json': graphJson([
        { name: 't', cmds: [{ exec: ['sh', '-c', `echo "$DISBUILD_COORDINATOR_TOKEN" >> ${tokens}`] }] },
      ]),
    });
    expect((await rig.runGraph(['--cache', 'none'])).code).toBe(0);
    expect((await rig.runGraph(['--cache', 'none'])).code).toBe(0);
    const seen = (await readFile(tokens, 'utf8')).split('\n').filter(Boolean);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/^[0-9a-f]{32,}$/);
    expect(seen[1]).not.toBe(seen[0]);
  });

  it('exits when its work is done after the serving process is killed under two waiting claims', async () => {
    const log = rig.path('executions.log');
    const slow = (name: string) => ({
      name,
      cmds: [{ exec: ['sh', '-c', `echo ${name} >> ${log}; sleep 2; echo ${name} done`] }],
    });
    await rig.write({ 'graph.json': graphJson([slow('x'), slow('y')]) });
    const first = spawn(
      process.execPath,
      [CLI, 'run', '-j', '2', '--graph', 'graph.json', '--cache-dir', rig.cacheDir],
      {
        cwd: rig.src,
        env: { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1' },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let seen = '';
    await new Promise<void>((res) =>
      first.stdout.on('data', (c: Buffer) => {
        seen += c.toString();
        if (seen.includes('▶ x') && seen.includes('▶ y')) res();
      }),
    );
    const report = rig.path('second.json');
    const second = spawn(
      process.execPath,
      [CLI, 'run', '-j', '2', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '--report', report],
      {
        cwd: rig.src,
        env: { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1' },
        stdio: 'ignore',
      },
    );
    // Killed once both of the second run's claims wait on it: the listening socket plus two accepted ones.
    const sock = join(rig.cacheDir, 'coordinator', 'sock');
    const connections = async (): Promise<number> =>
      (await readFile('/proc/net/unix', 'utf8')).split('\n').filter((l) => l.endsWith(` ${sock}`)).length;
    while ((await connections()) < 3) await new Promise((r) => setTimeout(r, 20));
    first.kill('SIGKILL');
    const code = await new Promise<number | null | 'hung'>((res) => {
      const t = setTimeout(() => res('hung'), 20_000);
      second.on('exit', (c) => {
        clearTimeout(t);
        res(c);
      });
    });
    if (code === 'hung') second.kill('SIGKILL');
    expect(code).toBe(0);
    const jobs = (JSON.parse(await readFile(report, 'utf8')) as { jobs: { name: string; status: string }[] })
      .jobs;
    expect(jobs.map((j) => j.status)).toEqual(['built', 'built']);
    // Nothing of either run is left in the process table.
    await new Promise((r) => setTimeout(r, 200));
    const ps = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
    expect(ps.split('\n').filter((l) => l.includes(rig.cacheDir) || l.includes(log))).toEqual([]);
  });

  it('takes over cleanly when the serving process was killed', async () => {
    const log = rig.path('executions.log');
    await rig.write({
      'graph.json': graphJson([
        { name: 'slow', cmds: [{ exec: ['sh', '-c', `echo run >> ${log}; sleep 1; echo done`] }] },
      ]),
    });
    const first = spawn(
      process.execPath,
      [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir],
      {
        cwd: rig.src,
        env: { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1' },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    await new Promise<void>((res) =>
      first.stdout.on('data', (c: Buffer) => c.toString().includes('▶ slow') && res()),
    );
    const second = rig.runGraph();
    await new Promise((r) => setTimeout(r, 200));
    first.kill('SIGKILL');
    const r = await second;
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.jobs.get('slow')).toMatchObject({ status: 'built', stdout: 'done\n' });
    // A third run finds the result in the cache, through a coordinator the second run left behind or a new one.
    const third = await rig.runGraph();
    expect(third.jobs.get('slow')?.status).toBe('cached');
  });
});
