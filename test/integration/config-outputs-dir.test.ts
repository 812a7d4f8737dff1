import { existsSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rig } from '../helpers/rig.js';

describe('in-place outputs of a task writing dist/sub/a.js', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  const build = (outputs: string[]): Promise<void> =>
    rig.write({
      'a.txt': 'a\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: { command: 'mkdir -p dist/sub && cp a.txt dist/sub/a.js', inputs: ['a.txt'], outputs },
        },
      }),
    });
  const run = (): ReturnType<Rig['run']> => rig.run(['run', '--cache-dir', rig.cacheDir]);

  it('named as a directory without a glob (`"dist"`): captured, and restored without a build', async () => {
    await build(['dist']);
    expect((await run()).code).toBe(0);
    await rm(rig.path('src/dist'), { recursive: true });
    const r = await run();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 cached, 0 built/);
    expect(await rig.read('src/dist/sub/a.js')).toBe('a\n');
  });

  it('matching no file the command wrote (a typo): one warning, naming the task and its outputs', async () => {
    await build(['dsit/**']);
    const r = await run();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.match(/warning/g)).toHaveLength(1);
    expect(r.stdout).toContain(
      'warning: "build" wrote no file its outputs (dsit/**) match as paths from the source directory (not from the command\'s cwd): none is cached',
    );
    await build(['dist/**']);
    const fixed = await run();
    expect(fixed.stdout).toMatch(/1 built/);
    expect(fixed.stdout).not.toMatch(/warning/);
  });

  it('with an output directory replaced by a file: one warning, and the job builds its outputs again', async () => {
    await build(['dist/**']);
    expect((await run()).code).toBe(0);
    await rm(rig.path('src/dist/sub'), { recursive: true });
    await rig.write({ 'dist/sub': 'a file where a directory was\n' });
    const r = await run();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.match(/warning/g)).toHaveLength(1);
    expect(await rig.read('src/dist/sub/a.js')).toBe('a\n');
  });
  it('with directories the command left empty: restored with the files, and a missing one restores the job', async () => {
    await rig.write({
      'a.txt': 'a\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: {
            command: 'mkdir -p dist/sub dist/logs dist/cache/v1 && cp a.txt dist/sub/a.js',
            inputs: ['a.txt'],
            outputs: ['dist/**'],
          },
        },
      }),
    });
    expect((await run()).code).toBe(0);
    await rm(rig.path('src/dist'), { recursive: true });
    const r = await run();
    expect(r.stdout, r.stdout + r.stderr).toMatch(/1 cached, 0 built/);
    expect(await rig.read('src/dist/sub/a.js')).toBe('a\n');
    for (const d of ['dist/logs', 'dist/cache/v1'])
      expect(statSync(rig.path(`src/${d}`)).isDirectory()).toBe(true);
    // Only the empty directory gone: put back, nothing built.
    await rm(rig.path('src/dist/cache/v1'), { recursive: true });
    const again = await run();
    expect(again.stdout, again.stdout + again.stderr).toMatch(/1 cached, 0 built/);
    expect(statSync(rig.path('src/dist/cache/v1')).isDirectory()).toBe(true);
  });
  it('with an empty directory the command no longer makes, or one made by hand: not cached', async () => {
    const task = (command: string): Promise<void> =>
      rig.write({
        'a.txt': 'a\n',
        'disbuild.json': JSON.stringify({
          tasks: { build: { command, inputs: ['a.txt'], outputs: ['dist/**'] } },
        }),
      });
    await task('mkdir -p dist/logs dist/sub && cp a.txt dist/sub/a.js');
    expect((await run()).code).toBe(0);
    await mkdir(rig.path('src/dist/by-hand/deep'), { recursive: true });
    await task('mkdir -p dist/sub && cp a.txt dist/sub/a.js && echo 2 > dist/sub/b.js');
    const built = await run();
    expect(built.stdout, built.stdout + built.stderr).toMatch(/1 built/);
    await rm(rig.path('src/dist'), { recursive: true });
    const r = await run();
    expect(r.stdout, r.stdout + r.stderr).toMatch(/1 cached, 0 built/);
    expect(await rig.read('src/dist/sub/b.js')).toBe('2\n');
    expect(existsSync(rig.path('src/dist/logs'))).toBe(false);
    expect(existsSync(rig.path('src/dist/by-hand'))).toBe(false);
  });
  it('that are only an empty directory the command made: cached without a warning, and restored', async () => {
    await rig.write({
      'a.txt': 'a\n',
      'disbuild.json': JSON.stringify({
        tasks: { build: { command: 'mkdir -p dist/cache', inputs: ['a.txt'], outputs: ['dist/**'] } },
      }),
    });
    const built = await run();
    expect(built.code, built.stdout + built.stderr).toBe(0);
    expect(built.stdout).not.toContain('warning');
    await rm(rig.path('src/dist'), { recursive: true });
    const r = await run();
    expect(r.stdout, r.stdout + r.stderr).toMatch(/1 cached, 0 built/);
    expect(statSync(rig.path('src/dist/cache')).isDirectory()).toBe(true);
  });
});
