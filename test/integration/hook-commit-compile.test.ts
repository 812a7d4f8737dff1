import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';
import { CLI, runProcess } from '../helpers/rig.js';

/**
 * disbuild.json tasks are compiled from the pushed commit's and the remote's commit's objects: a push makes a
 * worktree only to run what must run (a checkout of a large repository takes seconds).
 */
describe('the pre-push hook compiles disbuild.json tasks without checking commits out', () => {
  let rig: PushRig;
  let adds: string;
  const worktreesAdded = async (): Promise<number> =>
    (await readFile(adds, 'utf8').catch(() => '')).split('\n').filter((l) => / git worktree add /.test(l))
      .length;

  beforeAll(async () => {
    rig = await PushRig.create();
    // git's trace names every git command the hook starts (git puts its own directory first on a hook's PATH).
    adds = rig.path('git-trace.log');
    rig.extraEnv = { GIT_TRACE: adds };
    const log = rig.path('runs.log');
    await rig.commit({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/a/package.json': JSON.stringify({
        name: 'a',
        scripts: { build: `echo a >> ${log}; mkdir -p dist; cat src.txt > dist/out.txt` },
      }),
      'packages/a/src.txt': 'a1\n',
      'packages/b/package.json': JSON.stringify({
        name: 'b',
        scripts: { build: `echo b >> ${log}; mkdir -p dist; cat src.txt ../a/dist/out.txt > dist/out.txt` },
        dependencies: { a: '*' },
      }),
      'packages/b/src.txt': 'b1\n',
      'disbuild.json': JSON.stringify({
        tasks: { build: { script: 'build', outputs: ['dist/**'], deps: ['^build'] } },
      }),
      '.gitignore': 'dist/\n',
      'notes.md': 'one\n',
    });
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    // Each push checks its commit out afresh: the worktrees counted are those a push needs (see
    // hook-kept-worktree.test.ts for the one kept between pushes).
    await rig.git(rig.clone, 'config', 'disbuild.keepWorktree', 'false');
    const first = await rig.push('-q', 'origin', 'main');
    expect(first.code, first.stderr).toBe(0);
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it('makes no worktree for a push that needs nothing built', async () => {
    const before = await worktreesAdded();
    // Before: two worktrees, one of the pushed commit and one of the remote's, each only to compile its graph.
    await rig.commit({ 'notes.md': 'two\n' });
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(await worktreesAdded()).toBe(before);
  });

  it("compiles the pushed commit's tasks only, when the push changes nothing the compile reads", async () => {
    const listings = async (): Promise<number> =>
      (await readFile(adds, 'utf8').catch(() => '')).split('\n').filter((l) => / git ls-tree -r /.test(l))
        .length;
    let before = await listings();
    // Before: the remote's commit was listed and compiled too, to the same graph.
    await rig.commit({ 'notes.md': 'edited\n', 'packages/a/src.txt': 'a1\n' });
    let pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(await listings()).toBe(before + 1);
    // A file added: the remote's commit lists other files, and is compiled on its own.
    before = await listings();
    await rig.commit({ 'notes-2.md': 'new\n' });
    pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(await listings()).toBe(before + 2);
  });

  it('makes one worktree, of the pushed commit, to build what changed', async () => {
    const before = await worktreesAdded();
    const log = rig.path('runs.log');
    const runs = (await readFile(log, 'utf8')).split('\n').filter(Boolean).length;
    await rig.commit({ 'packages/b/src.txt': 'b2\n' });
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect((await readFile(log, 'utf8')).split('\n').filter(Boolean).slice(runs)).toEqual(['b']);
    expect(await worktreesAdded()).toBe(before + 1);
  });

  it('still keys every job when a push deletes a file, adds an input or edits a manifest', async () => {
    const log = rig.path('runs.log');
    const runs = async (): Promise<string[]> => (await readFile(log, 'utf8')).split('\n').filter(Boolean);
    const before = (await runs()).length;
    // A new file of package a is one of its inputs.
    await rig.commit({ 'packages/a/extra.txt': 'x\n' });
    let pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect((await runs()).slice(before)).toEqual(['a', 'b']);
    // Deleting it puts a's inputs back as they were: the changed jobs are found, and the cache has them.
    await rig.git(rig.clone, 'rm', '-q', 'packages/a/extra.txt');
    await rig.commit({});
    pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stderr).toContain('2 changed jobs, all cached');
    // A script edited in a manifest.
    await rig.commit({
      'packages/b/package.json': JSON.stringify({
        name: 'b',
        scripts: { build: `echo b2 >> ${log}; mkdir -p dist; cat src.txt > dist/out.txt` },
        dependencies: { a: '*' },
      }),
    });
    pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect((await runs()).slice(before)).toEqual(['a', 'b', 'b2']);
    // A file no task reads: nothing keyed, nothing said.
    await rig.commit({ 'notes.md': 'four\n' });
    pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stderr).toBe('');
  });

  it('compiles in a checkout a commit holding a symbolic link, as before', async () => {
    await symlink('notes.md', join(rig.clone, 'notes-link.md'));
    await rig.commit({ 'notes.md': 'three\n' });
    const before = await worktreesAdded();
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    // The pushed commit's checkout; the remote's commit has no link and needs none.
    expect(await worktreesAdded()).toBe(before + 1);
  });
});

describe('the pre-push hook with a disbuild.json a checkout rewrites', () => {
  let rig: PushRig;
  beforeAll(async () => {
    rig = await PushRig.create();
    await rig.commit({
      'a.txt': 'a\n',
      'disbuild.json': JSON.stringify({ tasks: { t: { command: 'true', inputs: ['a.txt'] } } }),
    });
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    expect((await rig.push('-q', 'origin', 'main')).code).toBe(0);
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it('refuses a commit whose checkout holds a disbuild.json no checkout can read', async () => {
    // git keeps the blob as UTF-8 and writes UTF-16 on checkout. Compiled from the blob, the push went through.
    await rig.write({
      '.gitattributes': 'disbuild.json working-tree-encoding=UTF-16LE-BOM\n',
      'a.txt': 'b\n',
    });
    await writeFile(
      join(rig.clone, 'disbuild.json'),
      Buffer.from(
        '\ufeff' + JSON.stringify({ tasks: { t: { command: 'true', inputs: ['a.txt'] } } }),
        'utf16le',
      ),
    );
    await rig.git(rig.clone, 'add', '-A');
    await rig.git(rig.clone, 'commit', '-qm', 'utf16');
    // What CI sees: a checkout of the commit cannot compile its graph.
    const inCheckout = await runProcess(process.execPath, [CLI, 'graph'], { cwd: rig.clone, env: rig.env });
    expect(inCheckout.code).not.toBe(0);
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).not.toBe(0);
  });
});
