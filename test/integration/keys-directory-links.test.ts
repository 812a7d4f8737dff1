/**
 * A symbolic link to a directory as an input: keyed by where it leads (its directory's path in the source
 * directory, links resolved) and its own text, through the CLI and the pre-push hook alike. Once it was no input at
 * all: retargeting `cur -> a` to `cur -> b` left the key as it was, and a command reading `cur/x.txt` had its old
 * output restored.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { commitAll, PushRig } from '../helpers/git-repo.js';
import { Rig } from '../helpers/rig.js';

describe('a link to a directory among the inputs (CLI)', () => {
  let rig: Rig;
  afterEach(() => rig.cleanup());

  const retarget = async (link: string, to: string): Promise<void> => {
    await unlink(join(rig.src, link));
    await symlink(to, join(rig.src, link));
  };
  const run = (): ReturnType<Rig['run']> => rig.run(['run', '--cache-dir', rig.cacheDir]);
  /** A repository of `a/x.txt`, `b/x.txt` and a task reading `cur/x.txt` with `inputs`, with `links` committed. */
  const repository = async (inputs: string[] | undefined, links: [string, string][]): Promise<void> => {
    rig = await Rig.create();
    execFileSync('git', ['init', '-q'], { cwd: rig.src });
    const t = { command: 'cat cur/x.txt > out.txt', outputs: ['out.txt'], ...(inputs ? { inputs } : {}) };
    await rig.write({
      'a/x.txt': 'A\n',
      'b/x.txt': 'B\n',
      '.gitignore': 'out.txt\n',
      'disbuild.json': JSON.stringify({ tasks: { t } }),
    });
    for (const [link, to] of links) await symlink(to, join(rig.src, link));
    commitAll(rig.src);
  };

  it('rebuilds a task reading through it when it is retargeted, with the default inputs', async () => {
    await repository(undefined, [['cur', 'a']]);
    expect((await run()).stdout).toContain('1 built');
    await retarget('cur', 'b');
    const moved = await run();
    // Before: "1 cached", and out.txt restored with A.
    expect(moved.stdout).toContain('1 built');
    expect(await rig.read('src/out.txt')).toBe('B\n');
    await retarget('cur', 'a');
    expect((await run()).stdout).toContain('1 cached');
    expect(await rig.read('src/out.txt')).toBe('A\n');
  });

  it('takes a link named as an input, and rebuilds when a link on its way is retargeted', async () => {
    await repository(
      ['cur', 'a/**', 'b/**'],
      [
        ['cur', 'mid'],
        ['mid', 'a'],
      ],
    );
    // Before: "inputs[0]" matched no file.
    const first = await run();
    expect(first.code, first.stderr).toBe(0);
    await retarget('mid', 'b');
    expect((await run()).stdout).toContain('1 built');
    expect(await rig.read('src/out.txt')).toBe('B\n');
  });

  it('refuses one that leads out of the source directory, as a link to a file, until it is left out', async () => {
    rig = await Rig.create();
    execFileSync('git', ['init', '-q'], { cwd: rig.src });
    await rig.write({ 'x.txt': 'outside\n' }, rig.path('outside'));
    await rig.write({
      '.gitignore': 'out.txt\n',
      'disbuild.json': JSON.stringify({
        tasks: { t: { command: 'cat ext/x.txt > out.txt', outputs: ['out.txt'] } },
      }),
    });
    await symlink('../outside', join(rig.src, 'ext'));
    commitAll(rig.src);
    // Before: built, then cached whatever the directory outside held.
    const refused = await run();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /input ext resolves outside the source directory \(through ext -> \.\.\/outside\)/,
    );
    await rig.write({
      'disbuild.json': JSON.stringify({
        tasks: { t: { command: 'cat ext/x.txt > out.txt', inputs: ['**', '!ext'], outputs: ['out.txt'] } },
      }),
    });
    const excluded = await run();
    expect(excluded.code, excluded.stderr).toBe(0);
  });

  it('keys a graph file input that is a link to a directory, and refuses a directory that is none', async () => {
    rig = await Rig.create();
    await rig.write({ 'a/x.txt': 'A\n', 'b/x.txt': 'B\n', 'b/sub/y.txt': 'y\n' });
    await symlink('a', join(rig.src, 'cur'));
    const graph = (inputs: string[]): string =>
      graphJson([{ name: 'j', inputs, cmds: [{ exec: ['sh', '-c', 'cat cur/x.txt > <out>/o'] }] }]);
    await rig.write({ 'graph.json': graph(['cur', 'a/x.txt', 'b/x.txt']) });
    expect((await rig.runGraph()).jobs.get('j')?.status).toBe('built');
    await unlink(join(rig.src, 'cur'));
    await symlink('b', join(rig.src, 'cur'));
    // Outside git: the disk's walk keys it as git's listings do.
    expect((await rig.runGraph()).jobs.get('j')?.status).toBe('built');
    expect((await rig.runGraph()).jobs.get('j')?.status).toBe('cached');
    for (const dir of ['a', 'cur/sub']) {
      await rig.write({ 'graph.json': graph([dir]) });
      const r = await rig.runGraph();
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`input ${dir} is a directory; list its files`);
    }
  });

  it('saves a build that writes into the directory such an input leads to', async () => {
    rig = await Rig.create();
    execFileSync('git', ['init', '-q'], { cwd: rig.src });
    await rig.write({
      'gen/keep.txt': 'k\n',
      '.gitignore': 'gen/new.txt\n',
      'disbuild.json': JSON.stringify({
        tasks: { t: { command: 'echo n > latest/new.txt', inputs: ['latest'], outputs: ['gen/new.txt'] } },
      }),
    });
    await symlink('gen', join(rig.src, 'latest'));
    commitAll(rig.src);
    const built = await run();
    expect(built.stderr).not.toContain('changed');
    expect(built.stdout).toContain('1 built');
    expect((await run()).stdout).toContain('1 cached');
  });
});

describe('a link to a directory among the inputs (pre-push hook)', () => {
  let rig: PushRig;
  afterEach(() => rig.cleanup());

  it('runs the task of a pushed commit that retargets it, and nothing for a commit a run keyed alike', async () => {
    rig = await PushRig.create();
    const log = rig.path('runs.log');
    await rig.commit({
      'a/x.txt': 'A\n',
      'b/x.txt': 'B\n',
      '.gitignore': 'out.txt\n',
      'disbuild.json': JSON.stringify({
        tasks: { t: { command: `echo t >> ${log}; cat cur/x.txt > out.txt`, outputs: ['out.txt'] } },
      }),
    });
    await symlink('a', join(rig.clone, 'cur'));
    await rig.commit({});
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    expect((await rig.push('-q', 'origin', 'main')).code).toBe(0);
    await rm(log, { force: true });
    await unlink(join(rig.clone, 'cur'));
    await symlink('b', join(rig.clone, 'cur'));
    await rig.commit({});
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    // Before: nothing ran; the key at the pushed commit was the remote's.
    expect(await readFile(log, 'utf8')).toBe('t\n');
    // A run in the checkout keys as the hook does: a commit it built runs nothing.
    await unlink(join(rig.clone, 'cur'));
    await symlink('a', join(rig.clone, 'cur'));
    await rig.commit({});
    const built = await rig.cli('run', '-q');
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain('1 cached');
    await rm(log, { force: true });
    expect((await rig.push('-q', 'origin', 'main')).code).toBe(0);
    expect(await readFile(log, 'utf8').catch(() => '')).toBe('');
  });
  it('keys one inside a submodule from the commit as a run keys it from the checkout', async () => {
    rig = await PushRig.create();
    const log = rig.path('runs.log');
    const sub = rig.path('sub');
    await mkdir(join(sub, 'a'), { recursive: true });
    await writeFile(join(sub, 'a/x.txt'), 'x\n');
    await symlink('a', join(sub, 'cur'));
    const git = (cwd: string, ...args: string[]): Promise<string> => rig.git(cwd, ...args);
    await git(rig.root, 'init', '-q', 'sub');
    await git(sub, 'add', '-A');
    await git(sub, 'commit', '-qm', 's');
    await git(rig.clone, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'sm');
    await rig.commit({
      '.gitignore': 'out.txt\n',
      'disbuild.json': JSON.stringify({
        tasks: { t: { command: `echo t >> ${log}; cat sm/cur/x.txt > out.txt`, outputs: ['out.txt'] } },
      }),
    });
    const { built, installed, pushed, logged } = await rig.runThenPush(log, '-q');
    expect(built.code, built.stderr).toBe(0);
    expect(installed.code).toBe(0);
    expect(pushed.code, pushed.stderr).toBe(0);
    // Before: the hook keyed sm/cur by where it leads within the submodule (`a`), the run by its path (`sm/a`),
    // and built again.
    expect(logged).toBe('');
  });
});
