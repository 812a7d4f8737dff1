import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';
import { CLI, runProcess } from '../helpers/rig.js';

/*
 * The hook lets a push through disbuild.json without keying it when the pushed commit's and the remote's tasks
 * compile from their objects to the same graph and no input changed. Each case below was let through unbuilt,
 * or checked out needlessly, by a shortcut that judged the push by its paths alone.
 */

// The remote's commit has no graph (a glob matched nothing); adding a file the glob matches but a `!` excludes
// makes one: every job is new, though no changed path is an input.
describe('tasks fast path, remote commit whose graph does not compile', () => {
  let rig: PushRig;
  let log: string;
  const runs = async (): Promise<string[]> =>
    (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);

  beforeAll(async () => {
    rig = await PushRig.create();
    log = rig.path('runs.log');
    await rig.commit({
      'a.txt': 'a\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          // "fixtures/**" matches no file yet: the graph does not compile at this commit.
          t: { command: `echo t >> ${log}`, inputs: ['a.txt', 'fixtures/**', '!fixtures/*.tmp'] },
        },
      }),
    });
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    // The remote's commit got there without the hook (CI red, someone else's push).
    const first = await rig.push('-q', '--no-verify', 'origin', 'main');
    expect(first.code, first.stderr).toBe(0);
    // The hook does refuse this commit: its graph cannot be made.
    await rig.commit({ 'notes.md': 'x\n' });
    const refused = await rig.push('-q', 'origin', 'main');
    expect(refused.code).not.toBe(0);
    await rig.git(rig.clone, 'reset', '-q', '--hard', 'HEAD~');
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it('builds the jobs of a push that makes the graph compile, though no changed path is an input', async () => {
    // fixtures/** now matches (a file excluded by the `!` pattern): the graph compiles; t's inputs are a.txt.
    await rig.commit({ 'fixtures/scratch.tmp': 'x\n' });
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    // The remote's commit has no key for t (its graph cannot be made), so t must be built before the push.
    expect(await runs()).toEqual(['t']);
  });
});

// A submodule replaced by a regular file of its path is a type change (`T`), not a deletion, yet its files,
// inputs at the remote's commit, are gone.
const SUBMODULE = ['-c', 'protocol.file.allow=always', 'submodule'];

describe('tasks fast path, a submodule turned into a file', () => {
  let rig: PushRig;
  let log: string;
  const runs = async (): Promise<string[]> =>
    (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);

  beforeAll(async () => {
    rig = await PushRig.create();
    log = rig.path('runs.log');
    const lib = rig.path('lib');
    await rig.git(rig.root, 'init', '-q', '-b', 'main', 'lib');
    await rig.git(lib, 'commit', '-q', '--allow-empty', '-m', 'init');
    await writeFile(join(lib, 'x.c'), 'int x;\n');
    await rig.git(lib, 'add', '-A');
    await rig.git(lib, 'commit', '-qm', 'x');
    await rig.git(rig.clone, ...SUBMODULE, 'add', '-q', lib, 'sub');
    await rig.commit({
      'main.c': 'int main;\n',
      'disbuild.json': JSON.stringify({ tasks: { t: { command: `echo t >> ${log}`, inputs: ['**/*.c'] } } }),
    });
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const first = await rig.push('-q', 'origin', 'main');
    expect(first.code, first.stderr).toBe(0);
    expect(await runs()).toEqual(['t']);
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it('keys a push that turns the submodule into a regular file (status T, no D)', async () => {
    // The commit pushed: `sub` a regular file, .gitmodules left as it was; made without touching the checkout,
    // which keeps the submodule checked out (the user pushes another branch than the one checked out).
    const blob = (await rig.git(rig.clone, 'hash-object', '-w', join(rig.clone, 'main.c'))).trim();
    const env = { GIT_INDEX_FILE: rig.path('tmp-index') };
    const withIndex = (...args: string[]): Promise<string> =>
      new Promise((resolve, reject) =>
        execFile('git', args, { cwd: rig.clone, env: { ...rig.env, ...env } }, (e, out, err) =>
          e ? reject(new Error(err)) : resolve(out),
        ),
      );
    await withIndex('read-tree', 'HEAD');
    await withIndex('update-index', '--force-remove', 'sub');
    await withIndex('update-index', '--add', '--cacheinfo', `100644,${blob},sub`);
    const tree = (await withIndex('write-tree')).trim();
    const sha = (await rig.git(rig.clone, 'commit-tree', tree, '-p', 'HEAD', '-m', 'sub is a file')).trim();
    const diff = await rig.git(rig.clone, 'diff', '--name-status', '--no-renames', 'HEAD', sha);
    expect(diff.trim()).toBe('T\tsub');
    const pushed = await rig.push('-q', 'origin', `${sha}:refs/heads/main`);
    expect(pushed.code, pushed.stderr).toBe(0);
    // At the remote's commit t read sub/x.c; at the pushed one it does not: another key, never built.
    expect(await runs()).toEqual(['t', 't']);
  });
});

// A commit that needs a checkout to be compiled (it holds a link) whose tree is the remote's needs none.
describe("a push whose tree is the remote commit's, in a repository with a symbolic link", () => {
  let rig: PushRig;
  let trace: string;
  const worktreesAdded = async (): Promise<number> =>
    (await readFile(trace, 'utf8').catch(() => '')).split('\n').filter((l) => / git worktree add /.test(l))
      .length;

  beforeAll(async () => {
    rig = await PushRig.create();
    trace = rig.path('git-trace.log');
    rig.extraEnv = { GIT_TRACE: trace };
    await symlink('a.txt', join(rig.clone, 'link.txt'));
    await rig.commit({
      'a.txt': 'a\n',
      'disbuild.json': JSON.stringify({ tasks: { t: { command: 'true', inputs: ['a.txt'] } } }),
    });
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const first = await rig.push('-q', 'origin', 'main');
    expect(first.code, first.stderr).toBe(0);
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it('makes no worktree for an empty commit', async () => {
    const before = await worktreesAdded();
    await rig.git(rig.clone, 'commit', '-q', '--allow-empty', '-m', 'retrigger CI');
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(await worktreesAdded()).toBe(before);
  });

  it('makes no worktree for a tag of a commit the remote has', async () => {
    const before = await worktreesAdded();
    await rig.git(rig.clone, 'tag', '-a', '-m', 'v1', 'v1');
    const pushed = await rig.push('-q', 'origin', 'v1');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(await worktreesAdded()).toBe(before);
  });
});

// A refused push returned while the remote commit's compile still ran: its git processes were orphaned, and the
// temporary index of its attributes left in TMPDIR.
describe('a blocked push leaves nothing running', () => {
  let rig: PushRig;
  let tmp: string;

  beforeAll(async () => {
    rig = await PushRig.create();
    tmp = rig.path('tmp');
    await mkdir(tmp);
    const files: Record<string, string> = {
      'disbuild.json': JSON.stringify({ tasks: { t: { command: 'true', inputs: ['src/**'] } } }),
      '.gitattributes': '*.c text\n',
    };
    for (let i = 0; i < 1500; i++) files[`src/d${i % 40}/f${i}.c`] = `int f${i};\n`;
    await rig.commit(files);
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const first = await rig.push('-q', 'origin', 'main');
    expect(first.code, first.stderr).toBe(0);
    rig.extraEnv = { TMPDIR: tmp };
  }, 60_000);
  afterAll(async () => {
    await rig.cleanup();
  });

  it('leaves no temporary directory behind', async () => {
    // The pushed commit's tasks do not compile (a dependency on no task); its attributes differ from the
    // remote commit's, so the remote commit asks git on its own (nothing shared).
    await rig.commit({
      'disbuild.json': JSON.stringify({
        tasks: { t: { command: 'true', inputs: ['src/**'], deps: ['nope'] } },
      }),
      '.gitattributes': '*.c text\n*.h text\n',
    });
    for (let i = 0; i < 5; i++) {
      const pushed = await rig.push('-q', 'origin', 'main');
      expect(pushed.code).not.toBe(0);
      expect(pushed.stderr).toMatch(/push blocked/);
    }
    // Anything still running would have finished by now.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await readdir(tmp)).filter((n) => n.startsWith('disbuild-'))).toEqual([]);
  }, 60_000);
});

describe('the hook with a package.json that links to a file of another name', () => {
  let rig: PushRig;
  let log: string;
  const runs = async (): Promise<string[]> =>
    (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);

  beforeAll(async () => {
    rig = await PushRig.create();
    log = rig.path('runs.log');
    await rig.write({
      'workspace-root.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/a'] }),
      'packages/a/package.json': JSON.stringify({ name: 'a', scripts: { build: `echo a >> ${log}` } }),
      'packages/a/src.txt': 'a1\n',
      // Not a workspace package yet; its build fails.
      'packages/b/package.json': JSON.stringify({
        name: 'b',
        scripts: { build: `echo b >> ${log}; exit 1` },
      }),
      'packages/b/src.txt': 'b1\n',
      'disbuild.json': JSON.stringify({ tasks: { build: { script: 'build' } } }),
    });
    await symlink('workspace-root.json', join(rig.clone, 'package.json'));
    await rig.git(rig.clone, 'add', '-A');
    await rig.git(rig.clone, 'commit', '-qm', 'one');
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const first = await rig.push('-q', 'origin', 'main');
    expect(first.code, first.stderr).toBe(0);
    expect(await runs()).toEqual(['a']);
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it('builds the package a push adds to the workspace through the link target', async () => {
    // The push: workspace-root.json (M, 100644) now makes packages/b a workspace package. CI, compiling the
    // checkout, has a job b#build; the remote's commit had none: it has to run (and fails).
    await rig.commit({
      'workspace-root.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
    });
    const graph = await runProcess(process.execPath, [CLI, 'graph'], { cwd: rig.clone, env: rig.env });
    expect(graph.stdout).toContain('b#build');
    const pushed = await rig.push('-q', 'origin', 'main');
    // Let through, b#build never run, when the remote's graph was taken to be the pushed one (the diff names
    // no manifest; the compile in a checkout reads one through its link).
    expect(await runs()).toContain('b');
    expect(pushed.code, pushed.stderr).not.toBe(0);
  });
});

describe('the hook with a submodule that .gitmodules says to ignore', () => {
  let rig: PushRig;
  let log: string;
  const runs = async (): Promise<string[]> =>
    (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const sub = (): string => rig.path('sub-origin');

  beforeAll(async () => {
    rig = await PushRig.create();
    log = rig.path('runs.log');
    await rig.git(rig.root, 'init', '-q', '-b', 'main', 'sub-origin');
    await writeFile(
      rig.path('sub-origin', 'package.json'),
      JSON.stringify({ name: 's', scripts: { build: `echo s >> ${log}; test "$(cat src.txt)" = ok` } }),
    );
    await writeFile(rig.path('sub-origin', 'src.txt'), 'ok');
    await rig.git(sub(), 'add', '-A');
    await rig.git(sub(), 'commit', '-qm', 's1');
    await rig.git(rig.clone, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub(), 'sub');
    await rig.git(rig.clone, 'config', '-f', '.gitmodules', 'submodule.sub.ignore', 'all');
    await rig.commit({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['sub'] }),
      'disbuild.json': JSON.stringify({ tasks: { build: { script: 'build' } } }),
      'notes.md': 'one\n',
    });
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const first = await rig.push('-q', 'origin', 'main');
    expect(first.code, first.stderr).toBe(0);
    expect(await runs()).toEqual(['s']);
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it('builds the submodule package whose files a bump changed (and refuses: its build fails)', async () => {
    // The submodule's source breaks its build; the outer commit records the bump only.
    await writeFile(rig.path('clone', 'sub', 'src.txt'), 'broken');
    await rig.git(rig.path('clone', 'sub'), 'commit', '-qam', 's2');
    await rig.git(rig.clone, 'add', 'sub');
    await rig.git(rig.clone, 'commit', '-qm', 'bump sub');
    // What `git diff` and `git diff-tree` say: nothing. The push went through unkeyed.
    expect(await rig.git(rig.clone, 'diff', '--raw', 'HEAD~', 'HEAD')).toBe('');
    expect(await rig.git(rig.clone, 'diff-tree', '-r', 'HEAD~', 'HEAD')).toBe('');
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(await runs()).toEqual(['s', 's']);
    expect(pushed.code, pushed.stderr).not.toBe(0);
  });
});
