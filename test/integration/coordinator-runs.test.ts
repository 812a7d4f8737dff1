import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
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
    const cli = `${process.execPath} ${CLI}`;
    await rig.write({
      'graph.json': graphJson([
        {
          name: 'tool',
          cmds: [
            {
              exec: [
                'sh',
                '-c',
                [
                  `test -n "$DISBUILD_COORDINATOR" && test -n "$DISBUILD_COORDINATOR_TOKEN"`,
                  `T=$(${cli} coordinator start ${key} | sed 's/.*"token":"\\([0-9a-f]*\\)".*/\\1/')`,
                  `printf payload > <out>/p.txt`,
                  `${cli} coordinator finish ${key} --token "$T" --file p=<out>/p.txt`,
                  `${cli} coordinator start ${key}`,
                ].join(' && '),
              ],
            },
          ],
        },
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
