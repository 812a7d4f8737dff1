import { rm, symlink } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../helpers/npm-workspace.js';
import { Rig } from '../helpers/rig.js';

/** A file git tracks is a source: an outputs glob that matches it never takes it out of the key. */
describe('outputs globs over tracked files', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });
  const run = (): ReturnType<Rig['run']> => rig.run(['run', '--cache-dir', rig.cacheDir]);

  it('keeps a tracked file the glob matches among the inputs (an edit rebuilds, and is never overwritten), and leaves installed packages alone', async () => {
    await rig.write({
      'src/a.ts': 'x\n',
      'lib/config.js': 'v1\n',
      '.gitignore': 'out.txt\nsrc/a.js\nnode_modules\n',
      'node_modules/dep/index.js': 'installed\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: {
            command: 'cp src/a.ts src/a.js; cat lib/config.js > out.txt',
            outputs: ['**/*.js', 'out.txt'],
          },
        },
      }),
    });
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'c');
    expect((await run()).code).toBe(0);
    expect(await rig.read('src/out.txt')).toBe('v1\n');
    // Installed packages are not outputs either, whatever the glob matches.
    expect(await rig.read('src/node_modules/dep/index.js')).toBe('installed\n');

    await rig.write({ 'lib/config.js': 'v2\n' });
    const r = await run();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 built/);
    expect(await rig.read('src/lib/config.js')).toBe('v2\n');
    expect(await rig.read('src/out.txt')).toBe('v2\n');
  });

  it("never captures a tracked file that is not among the task's inputs, so no restore writes over an edit", async () => {
    await rig.write({
      'src/a.ts': 'x\n',
      'lib/config.js': 'v1\n',
      '.gitignore': 'src/a.js\n',
      'disbuild.json': JSON.stringify({
        tasks: { build: { command: 'cp src/a.ts src/a.js', inputs: ['src/**'], outputs: ['**/*.js'] } },
      }),
    });
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'c');
    expect((await run()).code).toBe(0);
    await rig.write({ 'lib/config.js': 'edited\n' });
    await rig.write({ 'src/a.ts': 'y\n' });
    expect((await run()).code).toBe(0);
    // Back to the first build's sources: its artifact is restored, and the edit stays.
    await rig.write({ 'src/a.ts': 'x\n' });
    const r = await run();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 cached/);
    expect(await rig.read('src/src/a.js')).toBe('x\n');
    expect(await rig.read('src/lib/config.js')).toBe('edited\n');
  });

  for (const flag of ['--assume-unchanged', '--skip-worktree']) {
    it(`never removes a tracked file marked ${flag} that the glob matches`, async () => {
      await rig.write({
        'in.txt': 'x\n',
        'dist/config.js': 'tracked\n',
        'disbuild.json': JSON.stringify({
          tasks: { build: { command: 'cat in.txt > dist/out.js', inputs: ['in.txt'], outputs: ['dist/**'] } },
        }),
      });
      git(rig.src, 'init', '-q');
      git(rig.src, 'add', '-A');
      git(rig.src, 'commit', '-qm', 'c');
      git(rig.src, 'update-index', flag, 'dist/config.js');
      for (let i = 0; i < 2; i++) {
        const r = await run();
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(await rig.read('src/dist/config.js')).toBe('tracked\n');
        expect(await rig.read('src/dist/out.js')).toBe('x\n');
      }
    });
  }

  // Which files git tracks is asked first either by the clear before `build` (after `track` ran), or earlier, by
  // the clear of a stale output of `track` itself (before keep.js is in the index): either way, a later clear
  // must know keep.js is tracked. Asked early, that takes noticing that the index changed: also where the source
  // directory (a subdirectory of the repository) is reached through a link, from which git's path to the index
  // (`../.git/index`, relative to the real directory) leads nowhere.
  for (const [askedEarly, throughLink] of [
    [false, false],
    [true, false],
    [true, true],
  ] as const) {
    it(`never removes a file a command of the run added to the index, that a later job's glob matches${askedEarly ? ', when the tracked files were asked before' : ''}${throughLink ? ', through a link to the source directory' : ''}`, async () => {
      const app = throughLink ? 'src/app' : 'src';
      await rig.write(
        {
          'in.txt': 'x\n',
          '.gitignore': 'track.out\n',
          'disbuild.json': JSON.stringify({
            tasks: {
              track: {
                command: 'echo t > track.out && echo kept > keep.js && git add keep.js',
                inputs: ['in.txt'],
                ...(askedEarly ? { outputs: ['track.out'] } : {}),
              },
              build: {
                command: 'cat in.txt > out.js',
                inputs: ['in.txt'],
                outputs: ['*.js'],
                deps: ['track'],
              },
            },
          }),
        },
        rig.path(app),
      );
      git(rig.src, 'init', '-q');
      git(rig.src, 'add', '-A');
      git(rig.src, 'commit', '-qm', 'c');
      if (askedEarly) await rig.write({ 'track.out': 'stale\n' }, rig.path(app));
      const sourceDir = rig.path('link');
      if (throughLink) await symlink(rig.path(app), sourceDir);
      const args = [
        'run',
        '--cache-dir',
        rig.cacheDir,
        '-j',
        '1',
        ...(throughLink ? ['--source-dir', sourceDir] : []),
      ];
      const r = await rig.run(args);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(await rig.read(`${app}/keep.js`)).toBe('kept\n');
      // The output was captured (through a link too: its glob's base is the link's target), and comes back.
      await rm(rig.path(app, 'out.js'));
      const again = await rig.run(args);
      expect(again.stdout + again.stderr).toMatch(/2 cached, 0 built/);
      expect(await rig.read(`${app}/out.js`)).toBe('x\n');
      expect(await rig.read(`${app}/keep.js`)).toBe('kept\n');
      const tracked = throughLink ? 'app/keep.js' : 'keep.js';
      expect(git(rig.src, 'status', '--porcelain', tracked)).toBe(`A  ${tracked}\n`);
    });
  }

  it('keeps restoring an artifact whose file was committed on another branch since: only that file is left as it is', async () => {
    await rig.write({
      'in.txt': 'x\n',
      '.gitignore': 'dist/\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: {
            command: 'mkdir -p dist && cat in.txt > dist/out.txt',
            inputs: ['in.txt'],
            outputs: ['dist/**'],
          },
        },
      }),
    });
    git(rig.src, 'init', '-q', '-b', 'main');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'c');
    expect((await run()).stdout).toMatch(/1 built/);
    git(rig.src, 'checkout', '-q', '-b', 'release');
    git(rig.src, 'add', '-f', 'dist/out.txt');
    git(rig.src, 'commit', '-qm', 'dist committed');
    const onRelease = await run();
    expect(onRelease.stdout, onRelease.stdout + onRelease.stderr).toMatch(/1 cached/);
    expect(onRelease.stdout).not.toContain('warning');
    git(rig.src, 'checkout', '-q', 'main');
    await rm(rig.path('src/dist'), { recursive: true, force: true });
    const back = await run();
    expect(back.stdout).toMatch(/1 cached/);
    expect(await rig.read('src/dist/out.txt')).toBe('x\n');
  });

  it('says nothing of outputs that match only files git tracks: they matched, and are sources', async () => {
    await rig.write({
      'in.txt': 'x\n',
      'gen/api.ts': 'old\n',
      'disbuild.json': JSON.stringify({
        tasks: { gen: { command: 'cat in.txt > gen/api.ts', inputs: ['in.txt'], outputs: ['gen/**'] } },
      }),
    });
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'c');
    const r = await run();
    expect(r.stdout, r.stdout + r.stderr).toMatch(/1 built/);
    expect(r.stdout).not.toContain('warning');
  });
  for (const ignored of [true, false]) {
    it(`never captures, overwrites nor removes the files of a repository nested in the work tree (${ignored ? 'ignored' : 'untracked'}), not a submodule`, async () => {
      await rig.write({
        'src/a.ts': 'x\n',
        '.gitignore': `src/a.js\n${ignored ? 'vendor/\n' : ''}`,
        'vendor/lib/index.js': 'v1\n',
        'disbuild.json': JSON.stringify({
          tasks: { build: { command: 'cp src/a.ts src/a.js', inputs: ['src/**'], outputs: ['**/*.js'] } },
        }),
      });
      // A clone of its own, as a developer makes one beside the code (git leaves it to its own repository).
      const nested = rig.path('src/vendor/lib');
      git(nested, 'init', '-q');
      git(nested, 'add', '-A');
      git(nested, 'commit', '-qm', 'lib');
      git(rig.src, 'init', '-q');
      git(rig.src, 'add', 'src', '.gitignore', 'disbuild.json');
      git(rig.src, 'commit', '-qm', 'c');
      expect((await run()).code).toBe(0);
      // The nested repository moves on: a pull there, a file of its own added.
      await rig.write({ 'vendor/lib/index.js': 'v2\n', 'vendor/lib/added.js': 'new\n' });
      await rig.write({ 'src/a.ts': 'y\n' });
      expect((await run()).code).toBe(0);
      // Back to the first build's sources: its artifact is restored, and the nested repository is left as it is.
      await rig.write({ 'src/a.ts': 'x\n' });
      const r = await run();
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/1 cached/);
      expect(await rig.read('src/src/a.js')).toBe('x\n');
      expect(await rig.read('src/vendor/lib/index.js')).toBe('v2\n');
      expect(await rig.read('src/vendor/lib/added.js')).toBe('new\n');
    });
  }
  it('leaves alone a clone .gitmodules lists that is no submodule of the index (after `git rm --cached`)', async () => {
    const foreign = rig.path('foreign');
    await rig.write({ 'dist/keep.txt': 'precious\n' }, foreign);
    git(foreign, 'init', '-q');
    git(foreign, 'add', '-A');
    git(foreign, 'commit', '-qm', 'f');
    await rig.write({
      'in.txt': 'a\n',
      '.gitmodules': '[submodule "x"]\n\tpath = vendor/x\n\turl = ../foreign\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: {
            command: 'mkdir -p vendor/out && cat in.txt > vendor/out/o.txt',
            inputs: ['in.txt'],
            outputs: ['vendor/**/*.txt'],
          },
        },
      }),
    });
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'c');
    git(rig.src, 'clone', '-q', foreign, 'vendor/x');
    await rig.write({ 'vendor/x/dist/mine.txt': 'edit\n' });
    for (const input of ['a\n', 'b\n', 'a\n']) {
      await rig.write({ 'in.txt': input });
      const r = await run();
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(await rig.read('src/vendor/out/o.txt')).toBe(input);
      expect(await rig.read('src/vendor/x/dist/keep.txt')).toBe('precious\n');
      expect(await rig.read('src/vendor/x/dist/mine.txt')).toBe('edit\n');
    }
  });
});
