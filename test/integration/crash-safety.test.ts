import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
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
});
