import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { CLI, Rig } from '../helpers/rig.js';

describe('interruption', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} kills the running job's process group and saves nothing`, async () => {
      const marker = rig.path('grandchild-survived');
      await rig.write({
        'graph.json': graphJson([
          {
            name: 'long',
            cmds: [
              {
                exec: [
                  'sh',
                  '-c',
                  `echo partial > <out>/o.txt; echo started; (sleep 2; touch ${marker}) & sleep 30`,
                ],
              },
            ],
          },
        ]),
      });
      const child = spawn(
        process.execPath,
        [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir],
        {
          cwd: rig.src,
          env: { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1' },
        },
      );
      let out = '';
      const started = new Promise<void>((resolve) =>
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('long | started')) resolve();
        }),
      );
      await started;
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      child.kill(signal);
      expect(await exited).toBe(130);
      await new Promise((r) => setTimeout(r, 2500));
      await expect(readFile(marker)).rejects.toThrow();
      const plan = await rig.runGraph(['--dry-run']);
      expect(plan.jobs.get('long')).toMatchObject({ status: 'skipped', message: 'dry run: would build' });
    });
  }

  it('Ctrl-C skips a job still waiting for a slot: it never starts', async () => {
    const marker = rig.path('queued-job-ran');
    const report = rig.path('report.json');
    await rig.write({
      'graph.json': graphJson([
        { name: 'long', cmds: [{ exec: ['sh', '-c', 'echo started; sleep 30'] }] },
        { name: 'queued', cmds: [{ exec: ['touch', marker] }] },
      ]),
    });
    // One slot: `long` (listed first, the same priority) runs; `queued` is prepared and waits in the launcher.
    const child = spawn(
      process.execPath,
      [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '-j', '1', '--report', report],
      { cwd: rig.src, env: { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1' } },
    );
    let out = '';
    const started = new Promise<void>((resolve) =>
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('started')) resolve();
      }),
    );
    await started;
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const jobs = (JSON.parse(await readFile(report, 'utf8')) as { jobs: { name: string }[] }).jobs;
    const ran = jobs.find((j) => j.name === 'long');
    const waited = jobs.find((j) => j.name === 'queued');
    expect(out).not.toContain('▶ queued');
    expect(ran).toMatchObject({ status: 'failed' });
    expect(waited).toMatchObject({ status: 'skipped', message: 'not started: the run was interrupted' });
    await expect(readFile(marker)).rejects.toThrow();
  });

  it('SIGKILL of the engine still ends its jobs: the launcher kills their groups when the engine goes', async () => {
    const marker = rig.path('job-survived');
    await rig.write({
      'graph.json': graphJson([
        {
          name: 'long',
          cmds: [{ exec: ['sh', '-c', `echo "started $PPID $$"; sleep 2; touch ${marker}`] }],
        },
      ]),
    });
    const child = spawn(
      process.execPath,
      [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir],
      {
        cwd: rig.src,
        env: { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1' },
      },
    );
    let out = '';
    const ids = await new Promise<{ parent: number }>((resolve) =>
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /long \| started (\d+) (\d+)/.exec(out);
        if (m) resolve({ parent: Number(m[1]) });
      }),
    );
    // Commands are started by the launcher process, not by the engine's own process.
    expect(ids.parent).not.toBe(child.pid);
    const exited = new Promise((resolve) => child.on('close', resolve));
    child.kill('SIGKILL');
    await exited;
    await new Promise((r) => setTimeout(r, 2500));
    await expect(readFile(marker)).rejects.toThrow();
  });

  it('SIGKILL of the launcher fails its jobs, running and waiting, and the engine ends the running ones', async () => {
    const ran = rig.path('running-job-survived');
    const waited = rig.path('waiting-job-ran');
    const report = rig.path('report.json');
    await rig.write({
      'graph.json': graphJson([
        { name: 'long', cmds: [{ exec: ['sh', '-c', `echo "started $PPID"; sleep 2; touch ${ran}`] }] },
        { name: 'queued', cmds: [{ exec: ['touch', waited] }] },
      ]),
    });
    const child = spawn(
      process.execPath,
      [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '-j', '1', '--report', report],
      { cwd: rig.src, env: { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1' } },
    );
    let out = '';
    // The running job's parent is the launcher.
    const launcher = await new Promise<number>((resolve) =>
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /long \| started (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    process.kill(launcher, 'SIGKILL');
    expect(await exited).toBe(1);
    const jobs = (JSON.parse(await readFile(report, 'utf8')) as { jobs: { name: string }[] }).jobs;
    for (const name of ['long', 'queued']) {
      expect(jobs.find((j) => j.name === name)).toMatchObject({
        status: 'failed',
        message: expect.stringContaining('the launcher process exited') as unknown,
      });
    }
    await new Promise((r) => setTimeout(r, 2500));
    await expect(readFile(ran)).rejects.toThrow();
    await expect(readFile(waited)).rejects.toThrow();
  });
});
