import { lstatSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../helpers/npm-workspace.js';
import { Rig } from '../helpers/rig.js';

/** A task after `build`. */
const afterBuild = (command: string, inputs: string[], outputs: string[]): object => ({
  command,
  inputs,
  outputs,
  deps: ['build'],
});

/** A committed repository of `files` (`dist/` ignored) whose `disbuild.json` holds `tasks`. */
async function committedRig(files: Record<string, string>, tasks: Record<string, object>): Promise<Rig> {
  const rig = await Rig.create();
  await rig.write({ ...files, '.gitignore': 'dist/\n', 'disbuild.json': JSON.stringify({ tasks }) });
  git(rig.src, 'init', '-q');
  git(rig.src, 'add', '-A');
  git(rig.src, 'commit', '-qm', 'c');
  return rig;
}

/** `disbuild run ARGS` in the rig with its cache: the output, once the run succeeded. */
async function runOk(rig: Rig, ...args: string[]): Promise<string> {
  const r = await rig.run(['run', ...args, '--cache-dir', rig.cacheDir]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r.stdout;
}

/**
 * A committed repository whose `disbuild.json` holds task `name`, depending on `build` (copying `src/a.txt`), and
 * the tasks of `more` as they are.
 */
function overlapRig(
  name: string,
  later: { command: string; outputs: string[] },
  more: Record<string, object> = {},
): Promise<Rig> {
  return committedRig(
    { 'src/a.txt': 'one\n' },
    {
      build: {
        command: 'mkdir -p dist && cp src/a.txt dist/index.txt',
        inputs: ['src/**'],
        outputs: ['dist/**'],
      },
      [name]: afterBuild(later.command, ['src/**'], later.outputs),
      ...more,
    },
  );
}

/**
 * Two tasks whose outputs globs match the same file, one depending on the other (`build` writes `dist/**`, then
 * `bundle` writes `dist/bundle.txt`): the file is the later task's. The earlier one does not take it for a stale
 * output of its own when it puts its artifact back.
 */
describe('outputs of two tasks that match the same file', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await overlapRig('bundle', {
      command: 'cat dist/index.txt dist/index.txt > dist/bundle.txt',
      outputs: ['dist/bundle.txt'],
    });
  });
  afterEach(async () => {
    await rig.cleanup();
  });
  const run = (...tasks: string[]): Promise<string> => runOk(rig, ...tasks);
  const bundle = (): string => join(rig.src, 'dist', 'bundle.txt');
  const identity = (): string => {
    const st = lstatSync(bundle());
    return `${st.ino}:${st.mtimeMs}`;
  };

  it('a fully cached run leaves the later task’s file alone, and a run of the earlier task keeps it', async () => {
    expect(await run()).toMatch(/2 built/);
    const before = identity();
    // Before: the earlier task took the file for a stale output, removed it, and the later one put it back, in
    // every fully cached run.
    expect(await run()).toMatch(/2 cached/);
    expect(identity()).toBe(before);
    // And a run of the earlier task alone removed it.
    expect(await run('build')).toMatch(/1 cached/);
    expect(identity()).toBe(before);
    expect(await rig.read('src/dist/bundle.txt')).toBe('one\none\n');
  });

  it('the earlier task’s artifact never holds the later task’s file', async () => {
    await run();
    await rig.write({ 'src/a.txt': 'two\n' });
    expect(await run()).toMatch(/2 built/);
    // Every output gone, the earlier task alone restored: nothing of the later task's comes back with it.
    rmSync(join(rig.src, 'dist'), { recursive: true, force: true });
    expect(await run('build')).toMatch(/1 cached/);
    expect(await rig.read('src/dist/index.txt')).toBe('two\n');
    expect(() => lstatSync(bundle())).toThrow();
    expect(await run()).toMatch(/2 cached/);
    expect(await rig.read('src/dist/bundle.txt')).toBe('two\ntwo\n');
  });
});

/**
 * The later task's globs match a file of the earlier task's that it reads (`build` writes `dist/index.txt`, then
 * `types` reads it and writes `dist/index.d.txt` under `dist/*.txt`): clearing its stale outputs before it runs
 * must leave its dependency's file in place.
 */
describe('a task whose outputs match a file its dependency wrote', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await overlapRig('types', {
      command: 'cat dist/index.txt > dist/index.d.txt',
      outputs: ['dist/*.txt'],
    });
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('builds, and a later build after an edit still finds the file', async () => {
    // Before: the later task removed `dist/index.txt` as a stale output of its own, then failed to read it.
    for (const content of ['one\n', 'two\n']) {
      await rig.write({ 'src/a.txt': content });
      const r = await rig.run(['run', '--cache-dir', rig.cacheDir]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/2 built/);
      expect(await rig.read('src/dist/index.d.txt')).toBe(content);
    }
    // A stale file both tasks' outputs match is still removed, by the earlier task when it runs again.
    await rig.write({ 'dist/old.txt': 'stale\n', 'src/a.txt': 'three\n' });
    expect((await rig.run(['run', '--cache-dir', rig.cacheDir])).code).toBe(0);
    expect(() => lstatSync(join(rig.src, 'dist', 'old.txt'))).toThrow();
  });

  it('removes a stale file both tasks’ outputs match when only the later task runs', async () => {
    const r1 = await rig.run(['run', '--cache-dir', rig.cacheDir]);
    expect(r1.stdout).toMatch(/2 built/);
    // `build` stays cached (its file is in place); `types` has a new command, and a stale file under both globs.
    const config = JSON.parse(await rig.read('src/disbuild.json'));
    config.tasks.types.command = 'cat dist/index.txt dist/index.txt > dist/index.d.txt';
    await rig.write({ 'disbuild.json': JSON.stringify(config), 'dist/old.txt': 'stale\n' });
    const r2 = await rig.run(['run', '--cache-dir', rig.cacheDir]);
    expect(r2.code, r2.stdout + r2.stderr).toBe(0);
    expect(r2.stdout).toMatch(/1 cached, 1 built|1 built, 1 cached/);
    // Before: `build`'s globs matched it, so clearing `types`'s outputs spared it, and `types`'s artifact took it.
    expect(() => lstatSync(join(rig.src, 'dist', 'old.txt'))).toThrow();
    rmSync(join(rig.src, 'dist'), { recursive: true, force: true });
    expect((await rig.run(['run', '--cache-dir', rig.cacheDir])).stdout).toMatch(/2 cached/);
    expect(() => lstatSync(join(rig.src, 'dist', 'old.txt'))).toThrow();
    expect(await rig.read('src/dist/index.d.txt')).toBe('one\none\n');
  });
});

/**
 * Two tasks after `build` that do not depend on each other, one's globs matching the other's file (`bundle` writes
 * `dist/bundle.txt`, `types` writes `dist/index.d.txt` under `dist/*.txt`), and `pack` reading both.
 */
describe('sibling tasks whose outputs match each other’s files', () => {
  let rig: Rig;
  const types = (command: string): object => ({
    command,
    inputs: ['src/**'],
    outputs: ['dist/*.txt'],
    deps: ['build'],
  });
  beforeEach(async () => {
    rig = await overlapRig(
      'bundle',
      { command: 'cat dist/index.txt dist/index.txt > dist/bundle.txt', outputs: ['dist/bundle.txt'] },
      {
        types: types('cat dist/index.txt > dist/index.d.txt'),
        pack: {
          command: 'cat dist/bundle.txt dist/index.d.txt > pack.out',
          inputs: ['src/**'],
          deps: ['bundle', 'types'],
        },
      },
    );
  });
  afterEach(async () => {
    await rig.cleanup();
  });
  const run = (...args: string[]): Promise<string> => runOk(rig, ...args);

  it('a task that runs leaves its sibling’s file alone, and a fully cached run puts nothing back twice', async () => {
    expect(await run()).toMatch(/4 built/);
    const config = JSON.parse(await rig.read('src/disbuild.json'));
    config.tasks.types = types('cat dist/index.txt dist/index.txt > dist/index.d.txt');
    await rig.write({ 'disbuild.json': JSON.stringify(config) });
    // Before: `types` removed `dist/bundle.txt` (cached, in place) as a stale output of its own, and `pack` failed.
    expect(await run()).toMatch(/2 cached, 2 built/);
    expect(await rig.read('src/pack.out')).toBe('one\none\none\none\n');
    rmSync(join(rig.src, 'dist'), { recursive: true, force: true });
    expect(await run()).toMatch(/4 cached/);
    expect(await rig.read('src/dist/bundle.txt')).toBe('one\none\n');
    const st = lstatSync(join(rig.src, 'dist', 'bundle.txt'));
    // Nothing is put back again in a run where everything is in place.
    expect(await run()).toMatch(/4 cached/);
    const again = lstatSync(join(rig.src, 'dist', 'bundle.txt'));
    expect([again.ino, again.mtimeMs]).toEqual([st.ino, st.mtimeMs]);
  });
});

/**
 * Siblings with inputs of their own (`bundle`: `dist/bundle.txt` from `src/b.txt`; `types`: `dist/types.txt`
 * under `dist/*.txt` from `src/t.txt`), built apart from each other.
 */
describe('sibling tasks built apart', () => {
  let rig: Rig;
  afterEach(async () => {
    await rig.cleanup();
  });

  it('each artifact holds its own files: nothing stale comes back, and cached runs write nothing', async () => {
    rig = await committedRig(
      { 'src/a.txt': 'one\n', 'src/b.txt': 'B1\n', 'src/t.txt': 'T1\n' },
      {
        build: {
          command: 'mkdir -p dist && cp src/a.txt dist/index.txt',
          inputs: ['src/a.txt'],
          outputs: ['dist/index.txt'],
        },
        bundle: afterBuild(
          'cat dist/index.txt src/b.txt > dist/bundle.txt',
          ['src/b.txt'],
          ['dist/bundle.txt'],
        ),
        types: afterBuild('cat dist/index.txt src/t.txt > dist/types.txt', ['src/t.txt'], ['dist/*.txt']),
      },
    );
    const run = (...args: string[]): Promise<string> => runOk(rig, ...args);
    const bundle = join(rig.src, 'dist', 'bundle.txt');
    expect(await run()).toMatch(/3 built/);
    // `types` alone, `bundle` not in the run: `dist/bundle.txt` is left alone, and not taken.
    await rig.write({ 'src/t.txt': 'T2\n' });
    expect(await run('types')).toMatch(/1 built/);
    await rig.write({ 'src/b.txt': 'B2\n' });
    expect(await run()).toMatch(/1 built/);
    expect(await rig.read('src/dist/bundle.txt')).toBe('one\nB2\n');
    const st = lstatSync(bundle);
    for (let i = 0; i < 2; i++) {
      expect(await run()).toMatch(/3 cached/);
      expect(await rig.read('src/dist/bundle.txt')).toBe('one\nB2\n');
      // Before: the two artifacts each held the file, with different bytes, and every run put one back.
      const now = lstatSync(bundle);
      expect([now.ino, now.mtimeMs]).toEqual([st.ino, st.mtimeMs]);
    }
    // Before: `bundle`'s own artifact lost its file to `types`, and B1 came back.
    rmSync(join(rig.src, 'dist'), { recursive: true, force: true });
    expect(await run()).toMatch(/3 cached/);
    expect(await rig.read('src/dist/bundle.txt')).toBe('one\nB2\n');
    expect(await rig.read('src/dist/types.txt')).toBe('one\nT2\n');
  });
});

/**
 * Siblings that run side by side (`bundle` quick, `types` sleeping first), `types`' globs matching `bundle`'s file.
 */
describe('sibling tasks running side by side', () => {
  let rig: Rig;
  afterEach(async () => {
    await rig.cleanup();
  });
  const setUp = async (bundleCommand: string): Promise<void> => {
    rig = await committedRig(
      { 'src/a.txt': 'one\n', 'src/b.txt': 'b\n', 'src/c.txt': 'c1\n', 'src/note.txt': '1\n' },
      {
        build: {
          command: 'mkdir -p dist && cp src/a.txt dist/index.txt',
          inputs: ['src/a.txt'],
          outputs: ['dist/**'],
        },
        bundle: afterBuild(bundleCommand, ['src/c.txt', 'src/note.txt'], ['dist/bundle.txt']),
        types: afterBuild(
          'sleep 1; cat dist/index.txt src/b.txt > dist/index.d.txt',
          ['src/b.txt', 'src/note.txt'],
          ['dist/*.txt'],
        ),
      },
    );
  };
  const run = (): Promise<string> => runOk(rig, '-j', '2');

  it('the file the quick one wrote while the other ran stays out of the other’s artifact', async () => {
    await setUp('cat dist/index.txt src/c.txt > dist/bundle.txt');
    expect(await run()).toMatch(/3 built/);
    await rig.write({ 'src/c.txt': 'c2\n' });
    expect(await run()).toMatch(/1 built/);
    const st = lstatSync(join(rig.src, 'dist', 'bundle.txt'));
    // Before: `types` took `bundle`'s file (written after its clear) into its artifact, and every cached run put
    // back one copy or the other.
    for (let i = 0; i < 2; i++) {
      expect(await run()).toMatch(/3 cached/);
      expect(await rig.read('src/dist/bundle.txt')).toBe('one\nc2\n');
      const now = lstatSync(join(rig.src, 'dist', 'bundle.txt'));
      expect([now.ino, now.mtimeMs]).toEqual([st.ino, st.mtimeMs]);
    }
    rmSync(join(rig.src, 'dist'), { recursive: true, force: true });
    expect(await run()).toMatch(/3 cached/);
    expect(await rig.read('src/dist/bundle.txt')).toBe('one\nc2\n');
  });

  it('a file a command keeps as it was is still its own', async () => {
    // Writes only when the bytes differ, as many generators do.
    await setUp(
      'cat dist/index.txt src/c.txt > "$TMPDIR/w"; cmp -s "$TMPDIR/w" dist/bundle.txt || cp "$TMPDIR/w" dist/bundle.txt',
    );
    expect(await run()).toMatch(/3 built/);
    await rig.write({ 'src/note.txt': '2\n' });
    expect(await run()).toMatch(/2 built/);
    // Before: spared as maybe `types`' (not settled), kept by the command, left out: no artifact held it.
    rmSync(join(rig.src, 'dist'), { recursive: true, force: true });
    expect(await run()).toMatch(/3 cached/);
    expect(await rig.read('src/dist/bundle.txt')).toBe('one\nc1\n');
    // Nor did `types`, clearing while `bundle` had not settled, take the file `bundle` kept: when `bundle` alone
    // changes, cached runs leave its new bytes alone, and they are what comes back.
    await rig.write({ 'src/c.txt': 'c2\n' });
    expect(await run()).toMatch(/1 built/);
    const st = lstatSync(join(rig.src, 'dist', 'bundle.txt'));
    expect(await run()).toMatch(/3 cached/);
    const now = lstatSync(join(rig.src, 'dist', 'bundle.txt'));
    expect([now.ino, now.mtimeMs]).toEqual([st.ino, st.mtimeMs]);
    rmSync(join(rig.src, 'dist'), { recursive: true, force: true });
    expect(await run()).toMatch(/3 cached/);
    expect(await rig.read('src/dist/bundle.txt')).toBe('one\nc2\n');
  });
  it('a file the slow one wrote early stays its own when the quick one ends first', async () => {
    // `bundle` writes its file at once and ends a second later; `types`, whose globs match the file, ends before.
    await setUp('cat dist/index.txt src/c.txt > dist/bundle.txt; sleep 1.5');
    const types = JSON.parse(await rig.read('src/disbuild.json')).tasks.types;
    const retype = async (command: string): Promise<void> => {
      const config = JSON.parse(await rig.read('src/disbuild.json'));
      config.tasks.types = { ...types, command };
      await rig.write({ 'disbuild.json': JSON.stringify(config) });
    };
    await retype('sleep 0.5; cat dist/index.txt src/b.txt > dist/index.d.txt');
    expect(await run()).toMatch(/3 built/);
    // Before: `types` took the file into its artifact, and `bundle`, finding it held, left it out of its own. A run
    // where `types` alone builds then took the file for a stale output of its own and removed it.
    await retype('cat src/b.txt dist/index.txt > dist/index.d.txt');
    expect(await run()).toMatch(/2 cached, 1 built/);
    expect(await rig.read('src/dist/bundle.txt')).toBe('one\nc1\n');
    rmSync(join(rig.src, 'dist'), { recursive: true, force: true });
    expect(await run()).toMatch(/3 cached/);
    expect(await rig.read('src/dist/bundle.txt')).toBe('one\nc1\n');
    expect(await rig.read('src/dist/index.d.txt')).toBe('b\none\n');
  });
});

/**
 * A file that moves between sibling tasks (`all`: `dist/**`, `one`: `dist/*.txt`) as their commands change. Where
 * the file was before this run says nothing of whose it is now: a command that leaves an identical file as it is
 * (`cp -u`) still makes it its own output. Two forms that went by which job last wrote a file (remembered between
 * runs) lost the file in each of the cases below.
 */
describe('a file that moves between sibling tasks', () => {
  let rig: Rig;
  afterEach(async () => {
    await rig.cleanup();
  });
  const configure = async (tasks: object): Promise<void> => {
    await rig.write({ 'disbuild.json': JSON.stringify({ tasks }) });
    git(rig.src, 'commit', '-qam', 'tasks');
  };
  const copy = (files: string, more: object = {}): object => ({
    command: `mkdir -p dist && cp ${files} dist/`,
    ...more,
  });

  it('is taken by the task whose command now keeps it', async () => {
    const all = (command: string): object => ({
      command: `sleep 0.5; mkdir -p dist && cp src/x.txt dist/${command}`,
      inputs: ['src/x.txt', 'src/a.txt'],
      outputs: ['dist/**'],
    });
    const one = (file: string): object =>
      copy(`src/${file}`, { inputs: ['src/a.txt', 'src/b.txt'], outputs: ['dist/*.txt'] });
    rig = await committedRig(
      { 'src/a.txt': 'a\n', 'src/b.txt': 'b\n', 'src/x.txt': 'x\n' },
      { all: all(''), one: one('a.txt') },
    );
    const run = (): Promise<string> => runOk(rig, '-j', '1');
    expect(await run()).toMatch(/2 built/);
    // `a.txt` moves from `one` to `all`, whose command leaves an identical file as it is (`cp -u`).
    await configure({ all: all(' && cp -u src/a.txt dist/'), one: one('b.txt') });
    expect(await run()).toMatch(/2 built/);
    await configure({ all: all(' && cp -u src/a.txt dist/') });
    expect(await run()).toMatch(/1 cached/);
    expect(await rig.read('src/dist/a.txt')).toBe('a\n');
    rmSync(join(rig.src, 'dist'), { recursive: true, force: true });
    expect(await run()).toMatch(/1 cached/);
    expect(await rig.read('src/dist/a.txt')).toBe('a\n');
  });

  it('is taken by the task whose command now keeps it, while the other waits for a dependency', async () => {
    const tasks = (allMore: string, oneFile: string): Record<string, object> => ({
      slow: { command: 'sleep 1', inputs: ['src/s.txt'] },
      all: {
        command: `mkdir -p dist && cp src/x.txt dist/${allMore}`,
        inputs: ['src/x.txt', 'src/a.txt'],
        outputs: ['dist/**'],
      },
      one: copy(`src/${oneFile}`, {
        deps: ['slow'],
        inputs: ['src/a.txt', 'src/b.txt'],
        outputs: ['dist/*.txt'],
      }),
    });
    rig = await committedRig(
      { 'src/a.txt': 'a\n', 'src/b.txt': 'b\n', 'src/x.txt': 'x\n', 'src/s.txt': 's\n' },
      tasks('', 'a.txt'),
    );
    const run = (): Promise<string> => runOk(rig, '-j', '2');
    expect(await run()).toMatch(/3 built/);
    await rig.write({ 'src/s.txt': 's2\n' });
    await configure(tasks(' && cp -u src/a.txt dist/', 'b.txt'));
    expect(await run()).toMatch(/3 built/);
    expect(await rig.read('src/dist/a.txt')).toBe('a\n');
    expect(await run()).toMatch(/3 cached/);
    rmSync(join(rig.src, 'dist'), { recursive: true, force: true });
    expect(await run()).toMatch(/3 cached/);
    expect(await rig.read('src/dist/a.txt')).toBe('a\n');
  });

  it('moved back, stays for a task that reads it when both siblings are cached', async () => {
    const tasks = (allFiles: string, oneFiles: string): Record<string, object> => ({
      all: copy(allFiles, { inputs: ['src/x.txt', 'src/a.txt'], outputs: ['dist/**'] }),
      one: copy(oneFiles, { inputs: ['src/a.txt', 'src/b.txt'], outputs: ['dist/*.txt'] }),
      use: {
        command: 'mkdir -p use && cat src/u.txt dist/a.txt > use/out',
        deps: ['all'],
        inputs: ['src/u.txt'],
        outputs: ['use/**'],
      },
    });
    const a = tasks('src/x.txt src/a.txt', 'src/b.txt');
    rig = await committedRig(
      { 'src/a.txt': 'a\n', 'src/b.txt': 'b\n', 'src/x.txt': 'x\n', 'src/u.txt': 'u\n' },
      a,
    );
    const run = (): Promise<string> => runOk(rig, '-j', '1');
    expect(await run()).toMatch(/3 built/);
    await configure(tasks('src/x.txt', 'src/a.txt src/b.txt'));
    expect(await run()).toMatch(/3 built/);
    await rig.write({ 'src/u.txt': 'u2\n' });
    await configure(a);
    expect(await run()).toMatch(/2 cached, 1 built/);
    expect(await rig.read('src/use/out')).toBe('u2\na\n');
  });
});
