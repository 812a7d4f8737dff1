import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, stat, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { CLI, Rig } from '../helpers/rig.js';

const BIG = 64 * 1024 * 1024;

describe('crash safety', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('a run killed with SIGKILL while saving leaves nothing that restores as valid', async () => {
    await rig.write({
      'graph.json': graphJson([
        { name: 'big', cmds: [{ exec: ['sh', '-c', `head -c ${BIG} /dev/urandom > <out>/big.bin`] }] },
      ]),
    });
    const tmp = join(rig.cacheDir, 'v1', 'tmp');
    const child = spawn(
      process.execPath,
      [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '-q'],
      {
        cwd: rig.src,
        env: { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1' },
        stdio: 'ignore',
      },
    );
    const exited = new Promise((r) => child.on('close', r));
    // Kill it the moment a save has started writing its temp entry.
    for (;;) {
      const names = await readdir(tmp).catch(() => [] as string[]);
      if (names.length > 0 || child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    child.kill('SIGKILL');
    await exited;

    const again = await rig.runGraph(['--out-dir', rig.path('out')]);
    expect(again.code, again.stderr).toBe(0);
    // Either the entry was never committed (a miss: rebuilt) or it was committed whole (a verified hit).
    expect(['built', 'cached']).toContain(again.jobs.get('big')?.status);
    expect((await stat(rig.path('out/big/big.bin'))).size).toBe(BIG);
    expect(again.stdout).not.toContain('corrupt');
    // The dead process's temp entry was cleaned up by the next run.
    expect((await readdir(tmp)).length).toBe(0);
  });

  it('a run killed with SIGKILL while restoring into --out-dir leaves no half target; the next run places them all', async () => {
    const n = 200;
    const names = Array.from({ length: n }, (_, i) => `j${i}`);
    await rig.write({
      'graph.json': graphJson(
        names.map((name) => ({
          name,
          cmds: [
            { cat: `${name}\n`.repeat(4096), to: '<out>/d/f' },
            { cat: `${name}\n`, to: '<out>/g' },
          ],
        })),
      ),
    });
    expect((await rig.runGraph()).code).toBe(0);
    const out = rig.path('out');
    const child = spawn(
      process.execPath,
      [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '-q', '--out-dir', out],
      { cwd: rig.src, env: { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1' }, stdio: 'ignore' },
    );
    const exited = new Promise((r) => child.on('close', r));
    const aside = (f: string): boolean => /\.disbuild-[0-9]+-[0-9a-f]{12}$/.test(f);
    // Killed at the first tree begun beside its target (on a busy machine the run may be through by then).
    for (;;) {
      const found = await readdir(out).catch(() => [] as string[]);
      if (found.some(aside) || child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 1));
    }
    child.kill('SIGKILL');
    await exited;
    const whole = async (name: string): Promise<void> => {
      expect(await readFile(join(out, name, 'd', 'f'), 'utf8')).toBe(`${name}\n`.repeat(4096));
      expect(await readFile(join(out, name, 'g'), 'utf8')).toBe(`${name}\n`);
    };
    // Under a target's own name there is only ever a whole tree; anything else is named as a leftover.
    for (const f of await readdir(out)) if (!aside(f)) await whole(f);

    const again = await rig.runGraph(['--out-dir', out]);
    expect(again.code, again.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual([...names].sort());
    for (const name of names) await whole(name);
  });

  it('a run killed with SIGKILL keeps the key records of the jobs it built: explain compares with them', async () => {
    // `b` waits while the file `hold` exists (not an input: keys do not see it), so the run can be killed there.
    await rig.write({
      'a.txt': 'one\n',
      'graph.json': graphJson([
        { name: 'a', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'cat a.txt > <out>/a'] }] },
        {
          name: 'b',
          deps: ['a'],
          cmds: [{ exec: ['sh', '-c', 'while [ -e hold ]; do sleep 0.05; done; cat <dep:a>/a > <out>/b'] }],
        },
      ]),
    });
    const args = [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir];
    const env = { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1' };
    const explain = async (): Promise<string> =>
      (await rig.run(['explain', '--graph', 'graph.json', '--cache-dir', rig.cacheDir])).stdout;
    expect((await rig.runGraph()).code).toBe(0);

    await rig.write({ 'a.txt': 'two\n', hold: '' });
    const child = spawn(process.execPath, args, { cwd: rig.src, env, stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = new Promise((r) => child.on('close', r));
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (/▶ b/.test(out)) resolve();
      });
      child.on('close', () => resolve());
    });
    expect(out).toMatch(/a built/);
    // `a` ended a moment ago; `b` is running. A crash loses the records of its last tenth of a second at most.
    await new Promise((r) => setTimeout(r, 400));
    child.kill('SIGKILL');
    await exited;
    await rm(rig.path('src/hold'));

    await writeFile(rig.path('src/a.txt'), 'three\n');
    const blob = (s: string): string =>
      createHash('sha1').update(`blob ${s.length}\0${s}`).digest('hex').slice(0, 12);
    // `a` against the killed run's build of it (two), not the one before it (one); `b`, which the killed run never
    // built, against the build of `a` it was last built with (one).
    const change = `input a.txt changed (${blob('two\n')} -> ${blob('three\n')})`;
    const sinceB = `input a.txt changed (${blob('one\n')} -> ${blob('three\n')})`;
    expect(await explain()).toBe(`a: ${change}\nb: dependency "a" changed: ${sinceB}\n`);
  });
});
