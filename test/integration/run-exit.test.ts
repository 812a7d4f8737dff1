import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { CLI, Rig } from '../helpers/rig.js';

/**
 * The CLI ends its process as soon as a command is over (cli/main.ts), rather than letting Node wind down: nothing
 * it still owes may be lost to that.
 */
describe('the end of a run', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('writes all of its output to a pipe whose reader is slow', async () => {
    const lines = 100_000;
    await rig.write({
      'graph.json': graphJson([
        // About 1.5 MB of output: far more than a pipe holds.
        { name: 'loud', cmds: [{ exec: ['sh', '-c', `seq ${lines} | sed 's/^/line /'; : > <out>/done`] }] },
      ]),
    });
    expect((await rig.runGraph(['-q'])).code).toBe(0);
    // The cached job's log is replayed in one write at the end of a run that starts no process (a command's
    // process would share the pipe, and make it blocking): it is still in the process's buffers when the run is
    // over.
    const child = spawn(
      process.execPath,
      [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '-j', '1', '--log-replay', 'all'],
      {
        cwd: rig.src,
        env: { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // Nothing is read until the run has had ample time to end: what it wrote waits in its own buffers.
    child.stdout.pause();
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise((r) => setTimeout(r, 3000));
    child.stdout.resume();
    const code = await closed;
    const out = Buffer.concat(chunks).toString();
    expect(code).toBe(0);
    expect(out.match(/line \d+/g)?.length).toBe(lines);
    expect(out).toContain(`line ${lines}`);
    expect(out).toMatch(/1 jobs: 1 cached, 0 built, 0 failed/);
  });

  it('finishes the clean-up it started in the background: a dead run’s scratch directory is gone at exit', async () => {
    await rig.write({
      'graph.json': graphJson([{ name: 'a', cmds: [{ exec: ['sh', '-c', 'echo a > <out>/a'] }] }]),
    });
    expect((await rig.runGraph(['-q'])).code).toBe(0);
    // What a run killed with SIGKILL leaves: its scratch directory, named for a process that no longer exists, big
    // enough that removing it outlasts the fully cached run below.
    const dead = rig.path('cache', 'runs', '2147483646-deadbeef', 'out');
    for (let d = 0; d < 100; d++) {
      await mkdir(join(dead, String(d)), { recursive: true });
      await Promise.all(
        Array.from({ length: 100 }, (_, f) => writeFile(join(dead, String(d), String(f)), 'x')),
      );
    }
    const r = await rig.runGraph(['-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(await readdir(rig.path('cache', 'runs'))).toEqual([]);
  });
});
