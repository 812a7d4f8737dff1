import { readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, Rig, runProcess } from '../helpers/rig.js';

const BIG = 200_000_000;

describe('an in-place restore killed while it writes', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  const env = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: rig.path('home'),
    XDG_CACHE_HOME: rig.path('xdg'),
    CI: '1',
  });
  const run = (): ReturnType<Rig['run']> => rig.run(['run', '--cache-dir', rig.cacheDir]);
  const temps = (): string[] => {
    try {
      return readdirSync(rig.path('src/dist')).filter((n) => n.includes('.disbuild-'));
    } catch {
      return [];
    }
  };

  it('leaves a temp file beside the output that the next run removes, even where the globs do not match it', async () => {
    await rig.write({
      'a.txt': 'a\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: {
            command: `mkdir -p dist && head -c ${BIG} /dev/urandom > dist/big.js && cp a.txt dist/a.js`,
            inputs: ['a.txt'],
            outputs: ['dist/*.js'],
          },
        },
      }),
    });
    const built = await run();
    expect(built.code, built.stdout + built.stderr).toBe(0);
    await rm(rig.path('src/dist'), { recursive: true });

    // SIGKILL the moment the restore's temp file for big.js appears (a.js's lives too briefly to be caught): a
    // crash, not a stop the run could clean up after.
    let poll: NodeJS.Timeout | undefined;
    let dead = 0;
    const killed = await runProcess(process.execPath, [CLI, 'run', '--cache-dir', rig.cacheDir], {
      cwd: rig.src,
      env: env(),
      onSpawn: (pid) => {
        dead = pid;
        poll = setInterval(() => {
          if (temps().some((n) => n.startsWith('big.js.'))) {
            clearInterval(poll);
            process.kill(pid, 'SIGKILL');
          }
        }, 1);
      },
    });
    clearInterval(poll);
    expect(killed.code, 'the restore ended before it could be killed').toBeNull();
    const left = temps();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^big\.js\.disbuild-/);

    // Not removed: a temp of a process still alive (another run placing that file now), and one beside a file
    // the globs do not match (not an output's).
    await rig.write({
      [`dist/c.js.disbuild-${process.pid}-0123abcd-0`]: 'live\n',
      [`dist/notes.txt.disbuild-${dead}-0123abcd`]: 'not an output\n',
    });
    const next = await run();
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(next.stdout).toMatch(/1 cached, 0 built/);
    expect(temps().sort()).toEqual([
      `c.js.disbuild-${process.pid}-0123abcd-0`,
      `notes.txt.disbuild-${dead}-0123abcd`,
    ]);
    expect(
      readdirSync(rig.path('src/dist'))
        .filter((n) => !n.includes('.disbuild-'))
        .sort(),
    ).toEqual(['a.js', 'big.js']);
    expect(statSync(rig.path('src/dist/big.js')).size).toBe(BIG);
  }, 60_000);
});
