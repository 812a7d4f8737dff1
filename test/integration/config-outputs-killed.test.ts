import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { lutimes, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../helpers/npm-workspace.js';
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

    // The kill a while ago: a temp is removed only once its process is gone and it has not been written for 30 s
    // (a writer in another pid namespace is not seen as alive), or not for 10 minutes whoever wrote it.
    const ago = (s: number): Date => new Date(Date.now() - s * 1000);
    await utimes(rig.path('src/dist', left[0]!), ago(40), ago(40));
    await rig.write({
      [`dist/c.js.disbuild-${process.pid}-0123abcd-0`]: 'a live writer\n',
      [`dist/d.js.disbuild-${dead}-0123abcd`]: 'written a moment ago\n',
      'dist/e.js.disbuild-0123abcd': 'before temps carried a pid\n',
      [`dist/f.js.disbuild-${process.pid}-0123abcd-0`]: 'its pid reused\n',
      [`dist/notes.txt.disbuild-${dead}-0123abcd`]: 'not an output\n',
    });
    // A link output's temp is a link.
    symlinkSync('a.js', rig.path('src/dist', `l.js.disbuild-${dead}-0123abcd-0`));
    await lutimes(rig.path('src/dist', `l.js.disbuild-${dead}-0123abcd-0`), ago(700), ago(700));
    for (const n of [
      'e.js.disbuild-0123abcd',
      `f.js.disbuild-${process.pid}-0123abcd-0`,
      `notes.txt.disbuild-${dead}-0123abcd`,
    ])
      await utimes(rig.path('src/dist', n), ago(700), ago(700));
    const next = await run();
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(next.stdout).toMatch(/1 cached, 0 built/);
    expect(temps().sort()).toEqual([
      `c.js.disbuild-${process.pid}-0123abcd-0`,
      `d.js.disbuild-${dead}-0123abcd`,
      `notes.txt.disbuild-${dead}-0123abcd`,
    ]);
    expect(
      readdirSync(rig.path('src/dist'))
        .filter((n) => !n.includes('.disbuild-'))
        .sort(),
    ).toEqual(['a.js', 'big.js']);
    expect(statSync(rig.path('src/dist/big.js')).size).toBe(BIG);

    // The live writer's temp is in the listing that run recorded; once abandoned, a cached run still finds it.
    await utimes(rig.path('src/dist', `c.js.disbuild-${process.pid}-0123abcd-0`), ago(700), ago(700));
    const later = await run();
    expect(later.stdout).toMatch(/1 cached, 0 built/);
    expect(temps().sort()).toEqual([`d.js.disbuild-${dead}-0123abcd`, `notes.txt.disbuild-${dead}-0123abcd`]);
  }, 60_000);

  it('removes the dead temps beside outputs that name files, where no walk of a directory goes', async () => {
    await rig.write({
      'a.txt': 'a\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: {
            command: 'cp a.txt out.txt && mkdir -p sub && cp a.txt sub/o.txt',
            inputs: ['a.txt'],
            outputs: ['out.txt', 'sub/o.txt'],
          },
        },
      }),
    });
    const built = await run();
    expect(built.code, built.stdout + built.stderr).toBe(0);
    const dead = spawnSync('true').pid!;
    const ago = (s: number): Date => new Date(Date.now() - s * 1000);
    const names = {
      deadAtRoot: `out.txt.disbuild-${dead}-0123abcd-0`,
      deadBelow: `sub/o.txt.disbuild-${dead}-0123abcd`,
      live: `out.txt.disbuild-${process.pid}-0123abcd-1`,
      notAnOutput: `a.txt.disbuild-${dead}-0123abcd`,
    };
    await rig.write(Object.fromEntries(Object.values(names).map((n) => [n, 'half of it\n'])));
    for (const n of Object.values(names)) await utimes(rig.path('src', n), ago(40), ago(40));
    const beside = (): string[] =>
      [...readdirSync(rig.src), ...readdirSync(rig.path('src/sub')).map((n) => `sub/${n}`)]
        .filter((n) => n.includes('.disbuild-'))
        .sort();

    // Both outputs gone: the run puts them back, and takes the dead temps beside them away.
    await rm(rig.path('src/out.txt'));
    await rm(rig.path('src/sub/o.txt'));
    const next = await run();
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(next.stdout).toMatch(/1 cached, 0 built/);
    expect(await rig.read('src/out.txt')).toBe('a\n');
    expect(await rig.read('src/sub/o.txt')).toBe('a\n');
    expect(beside()).toEqual([names.notAnOutput, names.live].sort());

    // So does a build.
    await rig.write({ 'a.txt': 'b\n', [names.deadAtRoot]: 'half of it\n' });
    await utimes(rig.path('src', names.deadAtRoot), ago(40), ago(40));
    const rebuilt = await run();
    expect(rebuilt.stdout).toMatch(/0 cached, 1 built/);
    expect(beside()).toEqual([names.notAnOutput, names.live].sort());
  });

  it('never looks beside an output through a link: the directory it leads to may be outside the checkout', async () => {
    const ago = (s: number): Date => new Date(Date.now() - s * 1000);
    const dead = spawnSync('true').pid!;
    await rig.write({
      'a.txt': 'a\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: { command: 'mkdir -p sub && cp a.txt sub/o.txt', inputs: ['a.txt'], outputs: ['sub/o.txt'] },
        },
      }),
    });
    const built = await run();
    expect(built.code, built.stdout + built.stderr).toBe(0);
    // `sub` now leads outside the checkout, where a file is named like a dead temp of sub/o.txt.
    await rm(rig.path('src/sub'), { recursive: true });
    await mkdir(rig.path('outside'));
    const theirs = rig.path('outside', `o.txt.disbuild-${dead}-0123abcd`);
    await writeFile(theirs, 'not ours\n');
    await utimes(theirs, ago(40), ago(40));
    symlinkSync('../outside', rig.path('src/sub'));
    // A restore in place (refused: it would write through the link) and a build (which clears first).
    const restored = await run();
    expect(restored.stdout + restored.stderr).toMatch(/through/);
    expect(existsSync(theirs)).toBe(true);
    await rig.write({ 'a.txt': 'b\n' });
    await run();
    expect(existsSync(theirs)).toBe(true);
  });

  it('never removes a file named like a temp that git tracks or a job reads', async () => {
    const name = 'a.js.disbuild-99999999-deadbeef';
    await rig.write({
      'a.txt': 'a\n',
      [`dist/${name}`]: 'committed\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: { command: 'cp a.txt dist/a.js', inputs: ['a.txt', `dist/${name}`], outputs: ['dist/*.js'] },
        },
      }),
    });
    await utimes(rig.path('src/dist', name), new Date(0), new Date(0));
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'c');
    for (const expected of [/0 cached, 1 built/, /1 cached, 0 built/]) {
      await rm(rig.path('src/dist/a.js'), { force: true });
      const r = await run();
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(expected);
      expect(await rig.read(`src/dist/${name}`)).toBe('committed\n');
    }
  });
});
