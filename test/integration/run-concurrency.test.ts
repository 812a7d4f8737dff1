import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { Rig } from '../helpers/rig.js';

describe('concurrency (-j) and job start', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('runs at most -j commands at once, though more jobs are prepared ahead, and times each from its start', async () => {
    const log = rig.path('log');
    const job = (i: number): { name: string; cmds: { exec: string[] }[] } => ({
      name: `j${i}`,
      cmds: [{ exec: ['sh', '-c', `echo + >> ${log}; sleep 0.4; echo - >> ${log}; echo ${i}`] }],
    });
    await rig.write({ 'graph.json': graphJson([0, 1, 2, 3, 4, 5].map(job)) });
    const r = await rig.runGraph(['-j', '2']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    let running = 0;
    let most = 0;
    for (const mark of (await rig.read('log')).trim().split('\n')) {
      running += mark === '+' ? 1 : -1;
      most = Math.max(most, running);
    }
    expect(most).toBe(2);
    // Queued behind two rounds of others, the last jobs still report their own run time, not the wait. The engine
    // hears of a start from the launcher: on a loaded machine that news can lag the start by tens of ms.
    for (const j of r.jobs.values()) {
      expect(j.status).toBe('built');
      expect(j.durationMs).toBeGreaterThanOrEqual(300);
      expect(j.durationMs).toBeLessThan(1000);
    }
  });

  it('counts the time-out from a job’s start, not from when it was queued', async () => {
    await rig.write({
      'graph.json': graphJson([
        { name: 'first', cmds: [{ exec: ['sleep', '1.5'] }] },
        // A different command: the same one would be the same key, built once.
        { name: 'second', cmds: [{ exec: ['sleep', '1.50'] }] },
      ]),
    });
    const r = await rig.runGraph(['-j', '1', '--timeout', '2']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.jobs.get('first')?.status).toBe('built');
    expect(r.jobs.get('second')?.status).toBe('built');
  });

  it('builds a job without commands at once, and its dependents after it', async () => {
    await rig.write({
      'graph.json': graphJson([
        { name: 'group', cmds: [] },
        { name: 'after', deps: ['group'], cmds: [{ exec: ['echo', 'after'] }] },
      ]),
    });
    const r = await rig.runGraph();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.jobs.get('group')).toMatchObject({ status: 'built', exitCode: 0 });
    expect(r.jobs.get('after')).toMatchObject({ status: 'built', stdout: 'after\n' });
  });
  it('restores a hit in place at once, while its run waits on another run that holds its only miss', async () => {
    await rig.write({
      'disbuild.json': JSON.stringify({
        tasks: {
          gen: {
            command: 'mkdir -p out && cat gen.txt > out/gen.txt',
            inputs: ['gen.txt'],
            outputs: ['out/gen.txt'],
          },
          // Built by run A, which holds its claim until the test releases it; run B waits on A for it.
          slow: {
            command: `touch ${rig.path('started')}; i=0; while [ ! -e ${rig.path('release')} ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done; cat slow.txt > slow.out`,
            inputs: ['slow.txt'],
          },
        },
      }),
      'gen.txt': 'g',
      'slow.txt': 'one',
    });
    await writeFile(rig.path('release'), '');
    expect((await rig.run(['run', '--cache-dir', rig.cacheDir, '-q'])).code).toBe(0);
    await rm(rig.path('release'));
    await rm(rig.path('started'));
    await rig.write({ 'slow.txt': 'two' });
    const a = rig.run(['run', '--cache-dir', rig.cacheDir, '-q']);
    const until = async (what: () => boolean, ms: number): Promise<boolean> => {
      for (const end = Date.now() + ms; Date.now() < end;) {
        if (what()) return true;
        await new Promise((r) => setTimeout(r, 20));
      }
      return what();
    };
    expect(await until(() => existsSync(rig.path('started')), 10_000)).toBe(true);
    await rm(rig.path('src/out/gen.txt'));
    const b = rig.run(['run', '--cache-dir', rig.cacheDir, '-q']);
    // Back while A still holds the claim: B's restore does not queue behind B's miss.
    expect(await until(() => existsSync(rig.path('src/out/gen.txt')), 5_000)).toBe(true);
    await writeFile(rig.path('release'), '');
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    expect(await rig.read('src/out/gen.txt')).toBe('g');
  });
});
