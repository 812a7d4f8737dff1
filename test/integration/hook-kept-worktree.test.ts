import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';

/**
 * The pre-push hook keeps the worktree it built a push in, and brings it to the next pushed commit instead of
 * checking that commit out afresh (seconds for a repository of 10,000 files). What a job reads in it must be what
 * a fresh checkout holds, whatever the last build or the user left there, and whatever git's settings now say.
 */
describe('the worktree the pre-push hook keeps between pushes', () => {
  let rig: PushRig;
  let trace: string;
  let log: string;
  let edits = 0;
  const worktreesAdded = async (): Promise<number> =>
    (await readFile(trace, 'utf8').catch(() => '')).split('\n').filter((l) => / git worktree add /.test(l))
      .length;
  const worktrees = (): string[] => readdirSync(rig.path('clone/.git/disbuild-worktrees')).sort();
  const kept = (...p: string[]): string => rig.path('clone/.git/disbuild-worktrees/kept', ...p);
  /** What package a's build read the last time it ran. */
  const lastRead = async (): Promise<string> => {
    const runs = (await readFile(log, 'utf8')).split('=== a\n');
    return runs[runs.length - 1]!;
  };
  /** A push that builds package a (a new line in its source). */
  const pushBuildingA = async (files: Record<string, string> = {}): Promise<void> => {
    await rig.commit({ ...files, 'packages/a/src.txt': `a${++edits}\n` });
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
  };

  beforeAll(async () => {
    rig = await PushRig.create();
    trace = rig.path('git-trace.log');
    log = rig.path('reads.log');
    rig.extraEnv = { GIT_TRACE: trace };
    await rig.commit({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/a/package.json': JSON.stringify({ name: 'a' }),
      'packages/a/src.txt': 'a0\n',
      'packages/a/other.txt': 'other\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: {
            // Every .txt file of the package, as it lies in the worktree.
            command: `{ echo === a; cat *.txt; } >> ${log}; mkdir -p dist; cat *.txt > dist/out.txt`,
            cwd: 'packages/a',
            outputs: ['dist/**'],
          },
        },
      }),
      '.gitignore': 'dist/\n',
    });
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const first = await rig.push('-q', 'origin', 'main');
    expect(first.code, first.stderr).toBe(0);
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it('is brought to the next pushed commit instead of a new one being checked out', async () => {
    await pushBuildingA();
    expect(worktrees()).toEqual(['kept']);
    const before = await worktreesAdded();
    // Before: every push that built anything checked its commit out afresh, and removed it after.
    await pushBuildingA();
    expect(await worktreesAdded()).toBe(before);
    expect(await lastRead()).toBe(`other\na${edits}\n`);
    expect(worktrees()).toEqual(['kept']);
    expect(await rig.git(rig.clone, 'worktree', 'list')).toContain('disbuild-worktrees/kept');
  });

  it('holds what a fresh checkout holds, whatever was changed or left in it', async () => {
    await pushBuildingA();
    // A tracked file the next commit does not change, edited; files git does not track, ignored or not.
    await writeFile(kept('packages/a/other.txt'), 'tampered\n');
    await writeFile(kept('packages/a/untracked.txt'), 'left over\n');
    await writeFile(kept('packages/a/dist/stale.txt'), 'stale\n');
    const before = await worktreesAdded();
    await pushBuildingA();
    expect(await worktreesAdded()).toBe(before);
    expect(await lastRead()).toBe(`other\na${edits}\n`);
    expect(existsSync(kept('packages/a/dist/stale.txt'))).toBe(false);
  });

  it('is checked out afresh when git would write its files otherwise now', async () => {
    await pushBuildingA();
    // Line endings: a fresh checkout writes CRLF for every text file, the kept one has LF in the file no commit
    // changed.
    await rig.git(rig.clone, 'config', 'core.autocrlf', 'true');
    try {
      let before = await worktreesAdded();
      await pushBuildingA();
      expect(await worktreesAdded()).toBe(before + 1);
      expect(await lastRead()).toBe(`other\r\na${edits}\r\n`);
      // Under the same settings, kept again.
      before = await worktreesAdded();
      await pushBuildingA();
      expect(await worktreesAdded()).toBe(before);
      expect(await lastRead()).toBe(`other\r\na${edits}\r\n`);
    } finally {
      await rig.git(rig.clone, 'config', '--unset', 'core.autocrlf');
    }
    // Attributes the pushed commit adds: other.txt's blob is as before, its checkout is not.
    await pushBuildingA();
    const before = await worktreesAdded();
    await pushBuildingA({ 'packages/a/.gitattributes': 'other.txt eol=crlf\n' });
    expect(await worktreesAdded()).toBe(before + 1);
    expect(await lastRead()).toBe(`other\r\na${edits}\n`);
    await rig.git(rig.clone, 'rm', '-q', 'packages/a/.gitattributes');
    await pushBuildingA();
    expect(await lastRead()).toBe(`other\na${edits}\n`);
  });

  it('is left to the hook that has it, and taken back from one that died', async () => {
    await pushBuildingA();
    // Another hook has it, under a name of its own (its process alive).
    const other = spawn('sleep', ['60']);
    const theirs = rig.path(`clone/.git/disbuild-worktrees/${other.pid}-aaaaaaaa`);
    try {
      await rig.git(rig.clone, 'worktree', 'move', kept(), theirs);
      let before = await worktreesAdded();
      await pushBuildingA();
      expect(await worktreesAdded()).toBe(before + 1);
      expect(await lastRead()).toBe(`other\na${edits}\n`);
      // Its own was put back as the kept one; theirs is untouched.
      expect(worktrees()).toEqual([`${other.pid}-aaaaaaaa`, 'kept']);
      // That hook dies: the next push removes what it held, and keeps using its own.
      other.kill('SIGKILL');
      await new Promise((r) => other.once('exit', r));
      before = await worktreesAdded();
      await pushBuildingA();
      expect(await worktreesAdded()).toBe(before);
      expect(worktrees()).toEqual(['kept']);
      expect(await rig.git(rig.clone, 'worktree', 'list')).not.toContain('aaaaaaaa');
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('is not kept with disbuild.keepWorktree false', async () => {
    await rig.git(rig.clone, 'config', 'disbuild.keepWorktree', 'false');
    try {
      const before = await worktreesAdded();
      await pushBuildingA();
      await pushBuildingA();
      expect(await worktreesAdded()).toBe(before + 2);
      expect(worktrees()).toEqual([]);
      expect(await rig.git(rig.clone, 'worktree', 'list')).not.toContain('disbuild-worktrees');
    } finally {
      await rig.git(rig.clone, 'config', '--unset', 'disbuild.keepWorktree');
    }
  });
  it('goes with the hook: uninstall removes it and its record, and install starts afresh', async () => {
    await pushBuildingA();
    expect(existsSync(kept())).toBe(true);
    const removed = await rig.cli('hook', 'uninstall');
    expect(removed.code, removed.stderr).toBe(0);
    // Before: kept for good (no later push would remove it), holding its commit from git's garbage collection.
    expect(existsSync(rig.path('clone/.git/disbuild-worktrees'))).toBe(false);
    expect(await rig.git(rig.clone, 'worktree', 'list')).not.toContain('disbuild-worktrees');
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    await pushBuildingA();
    expect(worktrees()).toEqual(['kept']);
  });
});
