import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';
import { graphJson } from '../helpers/graph-json.js';
import { git } from '../helpers/npm-workspace.js';

/** `git submodule` refuses local paths unless told otherwise (CVE-2022-39253). */
const SUBMODULE = ['-c', 'protocol.file.allow=always', 'submodule'];

/**
 * The hook builds a pushed commit in a worktree of its own: the submodules the checkout has are checked out there
 * too, at the commits the pushed one records, so that a build reading them passes as in a full checkout and its
 * keys are the checkout's.
 */
describe('the pre-push hook on a repository with submodules', () => {
  let rig: PushRig;
  const lib = (): string => join(rig.clone, 'vendor/lib');
  const deep = (): string => join(rig.clone, 'vendor/lib/deep');
  const run = async (): Promise<{ out: string; cached: boolean }> => {
    const r = await rig.cli('run');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return {
      out: readFileSync(join(rig.clone, 'dist/out.txt'), 'utf8'),
      cached: /1 cached, 0 built/.test(r.stdout),
    };
  };
  const noWorktreesLeft = (): void => {
    expect(readdirSync(join(rig.clone, '.git/disbuild-worktrees'))).toEqual([]);
    for (const modules of ['.git/modules/vendor/lib', '.git/modules/vendor/lib/modules/deep']) {
      const records = join(rig.clone, modules, 'worktrees');
      expect(existsSync(records) ? readdirSync(records) : []).toEqual([]);
    }
  };

  beforeAll(async () => {
    rig = await PushRig.create();
    for (const [name, files] of [
      ['deep', { 'a.txt': 'deep one\n' }],
      ['lib', { 'a.txt': 'one\n' }],
    ] as const) {
      const dir = rig.path(name);
      await mkdir(dir);
      for (const [f, text] of Object.entries(files)) await writeFile(join(dir, f), text);
      git(dir, 'init', '-q');
      if (name === 'lib') git(dir, ...SUBMODULE, 'add', '-q', rig.path('deep'), 'deep');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', name);
    }
    git(rig.clone, ...SUBMODULE, 'add', '-q', rig.path('lib'), 'vendor/lib');
    git(rig.clone, ...SUBMODULE, 'update', '-q', '--init', '--recursive');
    await rig.commit({
      '.gitignore': 'dist/\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: {
            command: 'mkdir -p dist && cat vendor/lib/a.txt vendor/lib/deep/a.txt > dist/out.txt',
            outputs: ['dist/**'],
          },
        },
      }),
    });
    expect((await rig.cli('hook', 'install')).code).toBe(0);
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it('builds the pushed commit with its submodules checked out, under the keys the checkout computes', async () => {
    const r = await rig.push('-q', 'origin', 'main');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(rig.clone, 'dist'))).toBe(false);
    noWorktreesLeft();
    // What the hook built is the checkout's cache hit.
    expect(await run()).toEqual({ out: 'one\ndeep one\n', cached: true });
  }, 60_000);

  it('builds a bump of the submodules at the commits pushed, not at what the checkout has uncommitted', async () => {
    await writeFile(join(deep(), 'a.txt'), 'deep two\n');
    git(deep(), 'commit', '-qam', 'two');
    await writeFile(join(lib(), 'a.txt'), 'two\n');
    git(lib(), 'commit', '-qam', 'two');
    await rig.commit({ 'b.txt': 'bump\n' });
    // Edited after the commit: the hook builds what was committed.
    await writeFile(join(lib(), 'a.txt'), 'uncommitted\n');
    const r = await rig.push('-q', 'origin', 'main');
    expect(r.code, r.stderr).toBe(0);
    noWorktreesLeft();
    git(lib(), 'checkout', '-q', '--', 'a.txt');
    expect(await run()).toEqual({ out: 'two\ndeep two\n', cached: true });
  }, 60_000);

  it('refuses a push whose build fails on a submodule file as pushed', async () => {
    await rig.commit({
      'disbuild.json': JSON.stringify({
        tasks: { check: { command: 'grep -q three vendor/lib/a.txt' } },
      }),
    });
    const r = await rig.push('-q', 'origin', 'main');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('push blocked: 1 job failed');
    noWorktreesLeft();
  }, 60_000);

  it('checks a push that only bumps a submodule, with a graph file', async () => {
    const graph = (check: string): string =>
      graphJson([{ name: 'check', inputs: ['vendor/lib/a.txt'], cmds: [{ exec: ['sh', '-c', check] }] }]);
    await rig.commit({
      'disbuild.json': JSON.stringify({ graph: 'graph.json' }),
      'graph.json': graph('! grep -q broken vendor/lib/a.txt'),
    });
    const passed = await rig.push('-q', 'origin', 'main', '--force');
    expect(passed.code, passed.stderr).toBe(0);
    // The bump alone: the superproject's only changed path is the gitlink.
    await writeFile(join(lib(), 'a.txt'), 'broken\n');
    git(lib(), 'commit', '-qam', 'broken');
    git(rig.clone, 'add', 'vendor/lib');
    git(rig.clone, 'commit', '-qm', 'bump');
    const blocked = await rig.push('-q', 'origin', 'main');
    expect(blocked.code).not.toBe(0);
    expect(blocked.stderr).toContain('push blocked: 1 job failed');
    noWorktreesLeft();
  }, 60_000);

  it("says which submodule's commit the checkout lacks, and builds without its files", async () => {
    await rig.commit({
      'disbuild.json': JSON.stringify({ tasks: { check: { command: 'test ! -e vendor/lib/a.txt' } } }),
    });
    // A gitlink to a commit the checkout's submodule never fetched.
    git(rig.clone, 'update-index', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/lib`);
    git(rig.clone, 'commit', '-qm', 'unfetched');
    const r = await rig.push('-q', 'origin', 'main', '--force');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `disbuild: warning: submodule vendor/lib: its commit ${'1'.repeat(12)} is not in this checkout's copy`,
    );
    noWorktreesLeft();
    // A commit it has, that git still cannot check out (here: where the submodule records worktrees is a file).
    git(rig.clone, 'reset', '-q', '--hard', 'HEAD~1');
    const records = join(rig.clone, '.git/modules/vendor/lib/worktrees');
    await rm(records, { recursive: true, force: true });
    await writeFile(records, 'in the way\n');
    await rig.commit({ 'b.txt': 'in the way\n' });
    const failed = await rig.push('-q', 'origin', 'main', '--force');
    await rm(records);
    expect(failed.code, failed.stderr).toBe(0);
    // The commit the remote had before (the unfetched one) is checked out too, for its keys: said as before.
    const recorded = git(rig.clone, 'rev-parse', 'HEAD:vendor/lib').trim().slice(0, 12);
    expect(failed.stderr).toContain(
      `disbuild: warning: submodule vendor/lib: could not be checked out at ${recorded} (`,
    );
    expect(failed.stderr).not.toContain(`its commit ${recorded} is not in this checkout`);
    git(rig.clone, 'reset', '-q', '--hard', 'HEAD~2');
    git(rig.clone, ...SUBMODULE, 'update', '-q', '--recursive');
  }, 60_000);

  it("leaves no worktree record in a submodule that the pushed branch has and the checkout's index does not", async () => {
    git(rig.clone, 'checkout', '-q', '-b', 'extra');
    git(rig.clone, ...SUBMODULE, 'add', '-q', rig.path('deep'), 'extra');
    await rig.commit({
      'disbuild.json': JSON.stringify({ tasks: { check: { command: 'cat extra/a.txt' } } }),
    });
    // Back on main, git leaves the submodule's directory behind, checked out.
    git(rig.clone, 'checkout', '-q', 'main');
    expect(existsSync(join(rig.clone, 'extra/a.txt'))).toBe(true);
    const r = await rig.push('-q', 'origin', 'extra');
    expect(r.code, r.stderr).toBe(0);
    noWorktreesLeft();
    const records = join(rig.clone, '.git/modules/extra/worktrees');
    expect(existsSync(records) ? readdirSync(records) : []).toEqual([]);
  }, 60_000);
});
