import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../helpers/npm-workspace.js';
import { CLI, Rig, runProcess } from '../helpers/rig.js';
import { SETTLED_MS } from '../../src/util/settled-stat.js';

/** `git submodule` refuses local paths unless told otherwise (CVE-2022-39253). */
const SUBMODULE = ['-c', 'protocol.file.allow=always', 'submodule'];

/**
 * A repository whose files a task reads include a submodule's, checked out: `app/` with `vendor/lib` (a
 * submodule of `lib/`, itself holding the submodule `deep` of `deep/`).
 */
async function repository(rig: Rig, tasks: object): Promise<string> {
  await rig.write({ 'a.txt': 'deep one\n' }, join(rig.root, 'deep'));
  git(join(rig.root, 'deep'), 'init', '-q');
  git(join(rig.root, 'deep'), 'add', '-A');
  git(join(rig.root, 'deep'), 'commit', '-qm', 'deep');
  await rig.write({ 'a.txt': 'one\n', '.gitignore': '*.log\n' }, join(rig.root, 'lib'));
  git(join(rig.root, 'lib'), 'init', '-q');
  git(join(rig.root, 'lib'), ...SUBMODULE, 'add', '-q', '../deep', 'deep');
  git(join(rig.root, 'lib'), 'add', '-A');
  git(join(rig.root, 'lib'), 'commit', '-qm', 'lib');
  await rig.write({ '.gitignore': 'dist/\n', 'disbuild.json': JSON.stringify({ tasks }) });
  git(rig.src, 'init', '-q');
  git(rig.src, ...SUBMODULE, 'add', '-q', '../lib', 'vendor/lib');
  git(rig.src, ...SUBMODULE, 'update', '-q', '--init', '--recursive');
  git(rig.src, 'add', '-A');
  git(rig.src, 'commit', '-qm', 'app');
  return rig.src;
}

const inputsOf = (graph: string): string[] =>
  (JSON.parse(graph) as { Jobs: { Inputs: string[] }[] }).Jobs[0]!.Inputs;

describe('disbuild.json: the files of a checked-out submodule', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  const run = async (
    opts: { env?: Record<string, string>; cwd?: string } = {},
  ): Promise<{ out: string; built: boolean }> => {
    const r = await rig.run(['run', '--cache-dir', rig.cacheDir], opts);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const out = await readFile(join(opts.cwd ?? rig.src, 'dist/out.txt'), 'utf8');
    return { out, built: /1 built/.test(r.stdout + r.stderr) };
  };
  const catLib = {
    build: { command: 'mkdir -p dist && cat vendor/lib/a.txt > dist/out.txt', outputs: ['dist/**'] },
  };

  it('are inputs of a task whose directory holds them: an edit, a commit and a bump rebuild, going back restores', async () => {
    const app = await repository(rig, {
      build: {
        command: 'mkdir -p dist && cat vendor/lib/a.txt vendor/lib/deep/a.txt > dist/out.txt',
        outputs: ['dist/**'],
      },
    });
    const inputs = inputsOf((await rig.run(['graph'])).stdout);
    expect(inputs).toEqual(
      expect.arrayContaining(['vendor/lib/a.txt', 'vendor/lib/.gitignore', 'vendor/lib/deep/a.txt']),
    );
    // The gitlinks are directories, not files; `.git` of a submodule is git's, not the build's.
    expect(inputs).not.toContain('vendor/lib');
    expect(inputs).not.toContain('vendor/lib/deep');
    expect(inputs.filter((p) => p.endsWith('.git'))).toEqual([]);
    expect(await run()).toEqual({ out: 'one\ndeep one\n', built: true });

    // An edit in the submodule's work tree, not committed anywhere.
    await writeFile(join(app, 'vendor/lib/a.txt'), 'two\n');
    expect(await run()).toEqual({ out: 'two\ndeep one\n', built: true });
    // In the nested one.
    await writeFile(join(app, 'vendor/lib/deep/a.txt'), 'deep two\n');
    expect(await run()).toEqual({ out: 'two\ndeep two\n', built: true });
    // Committed in the submodules and the superproject: the same bytes, the same key.
    git(join(app, 'vendor/lib/deep'), 'commit', '-qam', 'two');
    git(join(app, 'vendor/lib'), 'commit', '-qam', 'two');
    git(app, 'commit', '-qam', 'bump');
    expect(await run()).toEqual({ out: 'two\ndeep two\n', built: false });
    // Back to the first commit of the submodule: its key, its output.
    git(app, 'checkout', '-q', 'HEAD~1');
    git(app, ...SUBMODULE, 'update', '-q', '--recursive');
    expect(await run()).toEqual({ out: 'one\ndeep one\n', built: false });
  });

  it('match a glob naming them; an untracked file counts, one the submodule ignores does not', async () => {
    const app = await repository(rig, {
      build: {
        command: 'mkdir -p dist && cat vendor/lib/*.txt > dist/out.txt',
        inputs: ['vendor/lib/**', '!vendor/lib/deep/**'],
        outputs: ['dist/**'],
      },
    });
    expect(inputsOf((await rig.run(['graph'])).stdout)).toEqual([
      'vendor/lib/.gitignore',
      'vendor/lib/.gitmodules',
      'vendor/lib/a.txt',
    ]);
    expect(await run()).toEqual({ out: 'one\n', built: true });
    await writeFile(join(app, 'vendor/lib/debug.log'), 'ignored\n');
    expect(await run()).toEqual({ out: 'one\n', built: false });
    await writeFile(join(app, 'vendor/lib/b.txt'), 'new\n');
    expect(inputsOf((await rig.run(['graph'])).stdout)).toContain('vendor/lib/b.txt');
    expect(await run()).toEqual({ out: 'one\nnew\n', built: true });
  });

  it('are sources to an outputs glob that matches them: never captured, so no restore writes over an edit', async () => {
    const app = await repository(rig, {
      build: { command: 'mkdir -p dist && cp in.txt dist/out.js', inputs: ['in.txt'], outputs: ['**/*.js'] },
    });
    await writeFile(join(app, 'vendor/lib/index.js'), 'v1\n');
    git(join(app, 'vendor/lib'), 'add', 'index.js');
    git(join(app, 'vendor/lib'), 'commit', '-qm', 'js');
    await writeFile(join(app, 'in.txt'), 'x\n');
    git(app, 'add', '-A');
    git(app, 'commit', '-qm', 'bump');
    const outputs = async (): Promise<string> => {
      const r = await rig.run(['run', '--cache-dir', rig.cacheDir]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      return `${await rig.read('src/dist/out.js')}${await rig.read('src/vendor/lib/index.js')}`;
    };
    expect(await outputs()).toBe('x\nv1\n');
    await writeFile(join(app, 'vendor/lib/index.js'), 'edited\n');
    await writeFile(join(app, 'in.txt'), 'y\n');
    expect(await outputs()).toBe('y\nedited\n');
    // Back to the first build's sources: its artifact is restored, and the edit stays.
    await writeFile(join(app, 'in.txt'), 'x\n');
    expect(await outputs()).toBe('x\nedited\n');
  });

  it('hold outputs like any directory: a glob through them captures what git does not track there', async () => {
    const app = await repository(rig, {
      build: {
        command: 'for d in vendor/*; do mkdir -p $d/dist && cat $d/a.txt > $d/dist/out.txt; done',
        inputs: ['vendor/*/a.txt'],
        outputs: ['vendor/*/dist/**'],
      },
    });
    await writeFile(join(app, 'vendor/lib/.gitignore'), 'dist/\n');
    const r = await rig.run(['run', '--cache-dir', rig.cacheDir]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    await rm(join(app, 'vendor/lib/dist'), { recursive: true });
    const again = await rig.run(['run', '--cache-dir', rig.cacheDir]);
    expect(again.stdout, again.stdout + again.stderr).toMatch(/1 cached/);
    expect(await rig.read('src/vendor/lib/dist/out.txt')).toBe('one\n');
  });

  it('once removed from .gitmodules, is a clone of its own whose files no restore removes, though a run kept a listing of them', async () => {
    const app = await repository(rig, {
      build: {
        command: 'mkdir -p vendor/out && cat in.txt > vendor/out/o.txt',
        inputs: ['in.txt'],
        outputs: ['vendor/**/*.txt'],
      },
    });
    const run = async (input: string): Promise<string> => {
      await writeFile(join(app, 'in.txt'), input);
      const r = await rig.run(['run', '--cache-dir', rig.cacheDir]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      return r.stdout;
    };
    await run('a\n');
    await run('b\n');
    // Settled, so that a run may keep the listing of the output directories (see OutputStatRecords).
    await new Promise((r) => setTimeout(r, SETTLED_MS + 500));
    expect(await run('b\n')).toMatch(/1 cached/);
    git(app, 'config', '-f', '.gitmodules', '--remove-section', 'submodule.vendor/lib');
    git(app, 'commit', '-qam', 'no longer a submodule');
    expect(await run('a\n')).toMatch(/1 cached/);
    expect(await rig.read('src/vendor/lib/a.txt')).toBe('one\n');
    expect(await rig.read('src/vendor/lib/deep/a.txt')).toBe('deep one\n');
  });

  it("that a hook's index lacks (GIT_INDEX_FILE) is a clone of its own there, below the top as at it", async () => {
    const app = await repository(rig, {
      build: { command: 'cat in.txt > vendor/out.js', inputs: ['in.txt'], outputs: ['vendor/*/*.js'] },
    });
    await writeFile(join(app, 'vendor/lib/x.js'), 'tracked by lib\n');
    git(join(app, 'vendor/lib'), 'add', 'x.js');
    git(join(app, 'vendor/lib'), 'commit', '-qm', 'x');
    await writeFile(join(app, 'in.txt'), 'a\n');
    git(app, 'add', '-A');
    git(app, 'commit', '-qm', 'bump');
    // The index a pre-commit hook may see (`git commit -- in.txt`): without the gitlink.
    await writeFile(join(rig.root, 'alt-index'), await readFile(join(app, '.git/index')));
    const env = { GIT_INDEX_FILE: join(rig.root, 'alt-index') };
    git(app, '-c', `core.indexFile=${env.GIT_INDEX_FILE}`, 'status', '-s');
    execFileSync('git', ['rm', '--cached', '-q', 'vendor/lib'], {
      cwd: app,
      env: { ...process.env, ...env },
    });
    const r = await rig.run(['run', '--cache-dir', rig.cacheDir], { env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(await rig.read('src/vendor/lib/x.js')).toBe('tracked by lib\n');
  });

  it("under git's variables of the repository around them (a pre-commit hook's GIT_INDEX_FILE, GIT_DIR and GIT_WORK_TREE)", async () => {
    const app = await repository(rig, catLib);
    const variables: Record<string, string>[] = [
      { GIT_INDEX_FILE: join(app, '.git/index') },
      { GIT_DIR: join(app, '.git'), GIT_WORK_TREE: app },
    ];
    for (const [i, env] of variables.entries()) {
      expect(inputsOf((await rig.run(['graph'], { env })).stdout)).toContain('vendor/lib/deep/a.txt');
      await writeFile(join(app, 'vendor/lib/a.txt'), `edit ${i}\n`);
      expect(await run({ env })).toEqual({ out: `edit ${i}\n`, built: true });
    }
  });

  it('with a broken .git: every file of it an input, none an output', async () => {
    const app = await repository(rig, {
      build: {
        command: 'mkdir -p dist && cat vendor/lib/a.txt > dist/out.txt',
        outputs: ['dist/**', '**/*.js'],
      },
    });
    await writeFile(join(app, 'vendor/lib/keep.js'), 'keep\n');
    for (const broken of ['gitdir: /nowhere\n', 'directory']) {
      await rm(join(app, 'vendor/lib/.git'), { recursive: true, force: true });
      if (broken === 'directory') await mkdir(join(app, 'vendor/lib/.git'));
      else await writeFile(join(app, 'vendor/lib/.git'), broken);
      await writeFile(join(app, 'vendor/lib/a.txt'), `${broken.length}\n`);
      expect(await run()).toEqual({ out: `${broken.length}\n`, built: true });
      expect(await readFile(join(app, 'vendor/lib/keep.js'), 'utf8')).toBe('keep\n');
    }
  });

  it("whose own index git cannot read: the repository's tracked files are still never outputs", async () => {
    const app = await repository(rig, {
      build: { command: 'mkdir -p dist && cp in.txt dist/out.js', inputs: ['in.txt'], outputs: ['**/*.js'] },
    });
    await writeFile(join(app, 'in.txt'), 'x\n');
    await writeFile(join(app, 'src.js'), 'keep\n');
    git(app, 'add', '-A');
    git(app, 'commit', '-qm', 'src');
    await writeFile(join(app, '.git/modules/vendor/lib/index'), 'DIRCgarbage');
    const r = await rig.run(['run', '--cache-dir', rig.cacheDir]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(await readFile(join(app, 'src.js'), 'utf8')).toBe('keep\n');
    expect(await readFile(join(app, 'dist/out.js'), 'utf8')).toBe('x\n');
  });

  it('from a disbuild.json in a subdirectory of the repository', async () => {
    await repository(rig, {});
    const proj = join(rig.src, 'proj');
    await mkdir(proj);
    await writeFile(join(proj, 'disbuild.json'), JSON.stringify({ tasks: catLib }));
    await writeFile(join(proj, '.gitignore'), 'dist/\n');
    git(rig.src, ...SUBMODULE, 'add', '-q', join(rig.root, 'lib'), 'proj/vendor/lib');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'proj');
    expect(await run({ cwd: proj })).toEqual({ out: 'one\n', built: true });
    await writeFile(join(proj, 'vendor/lib/a.txt'), 'two\n');
    expect(await run({ cwd: proj })).toEqual({ out: 'two\n', built: true });
  });

  it('checked out but not initialized (cloned by hand), or listed twice in .gitmodules', async () => {
    const app = await repository(rig, {
      build: {
        command: 'mkdir -p dist && cp in.txt dist/out.js && cp in.txt dist/out.txt',
        inputs: ['in.txt', 'vendor/lib/a.txt'],
        outputs: ['**/*.js', 'dist/**'],
      },
    });
    await writeFile(join(app, 'vendor/lib/index.js'), 'v1\n');
    git(join(app, 'vendor/lib'), 'add', 'index.js');
    git(join(app, 'vendor/lib'), 'commit', '-qm', 'js');
    await writeFile(join(app, 'in.txt'), 'x\n');
    // The same path under a second name.
    git(app, 'config', '--file', '.gitmodules', 'submodule.again.path', 'vendor/lib');
    git(app, 'add', '-A');
    git(app, 'commit', '-qm', 'bump');
    const clone = join(rig.root, 'clone');
    git(rig.root, 'clone', '-q', app, clone);
    git(clone, 'clone', '-q', join(app, 'vendor/lib'), 'vendor/lib');
    const inputs = inputsOf((await rig.run(['graph'], { cwd: clone })).stdout);
    expect(inputs.filter((p) => p === 'vendor/lib/a.txt')).toEqual(['vendor/lib/a.txt']);
    expect(await run({ cwd: clone })).toEqual({ out: 'x\n', built: true });
    await writeFile(join(clone, 'vendor/lib/index.js'), 'edited\n');
    await writeFile(join(clone, 'in.txt'), 'y\n');
    expect(await run({ cwd: clone })).toEqual({ out: 'y\n', built: true });
    // Back to the first build's inputs: its artifact is restored, and the edit stays.
    await writeFile(join(clone, 'in.txt'), 'x\n');
    expect(await run({ cwd: clone })).toEqual({ out: 'x\n', built: false });
    expect(await readFile(join(clone, 'vendor/lib/index.js'), 'utf8')).toBe('edited\n');
  });

  it('in their tens, with few file descriptors: listed a few at a time, and a git that cannot start is not a crash', async () => {
    await rig.write({ 'a.txt': 'one\n' }, join(rig.root, 'lib'));
    git(join(rig.root, 'lib'), 'init', '-q');
    git(join(rig.root, 'lib'), 'add', '-A');
    git(join(rig.root, 'lib'), 'commit', '-qm', 'lib');
    await rig.write({
      '.gitignore': 'dist/\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: { command: 'mkdir -p dist && cat vendor/*/a.txt > dist/out.txt', outputs: ['dist/**'] },
        },
      }),
    });
    git(rig.src, 'init', '-q');
    for (let i = 0; i < 20; i++)
      git(rig.src, ...SUBMODULE, 'add', '-q', join(rig.root, 'lib'), `vendor/l${i}`);
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'app');
    const run = (): ReturnType<typeof runProcess> =>
      runProcess(
        'sh',
        ['-c', 'ulimit -n 40 && exec "$0" "$@"', process.execPath, CLI, 'run', '--cache-dir', rig.cacheDir],
        { cwd: rig.src, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: rig.path('home'), CI: '1' } },
      );
    const first = await run();
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(await rig.read('src/dist/out.txt')).toBe('one\n'.repeat(20));
    await writeFile(join(rig.src, 'vendor/l7/a.txt'), 'two\n');
    const second = await run();
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/1 built/);
  });

  it("listed in .gitmodules at '.' or through '..': never taken for a submodule of its own repository", async () => {
    const app = await repository(rig, {
      build: {
        command: 'mkdir -p dist && cat in.txt > dist/out.txt',
        inputs: ['in.txt', 'vendor/**'],
        outputs: ['dist/**'],
      },
    });
    await writeFile(join(app, 'in.txt'), 'x\n');
    await writeFile(
      join(app, '.gitmodules'),
      `${await readFile(join(app, '.gitmodules'), 'utf8')}[submodule "self"]\n\tpath = .\n\turl = ./x\n[submodule "up"]\n\tpath = vendor/..\n\turl = ./y\n`,
    );
    await writeFile(join(app, 'vendor/lib/.gitmodules'), '[submodule "back"]\n\tpath = ..\n\turl = ./z\n');
    const started = Date.now();
    expect(await run()).toEqual({ out: 'x\n', built: true });
    expect(await run()).toEqual({ out: 'x\n', built: false });
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('that is not checked out: nothing of it, and no error', async () => {
    await repository(rig, {
      build: { command: 'mkdir -p dist && echo x > dist/out.txt', outputs: ['dist/**'] },
    });
    git(rig.src, ...SUBMODULE, 'deinit', '-q', '--all', '--force');
    await mkdir(rig.path('src/vendor/lib'), { recursive: true });
    const inputs = inputsOf((await rig.run(['graph'])).stdout);
    expect(inputs.filter((p) => p.startsWith('vendor/'))).toEqual([]);
    expect(await run()).toEqual({ out: 'x\n', built: true });
  });
});
