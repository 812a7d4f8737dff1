import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';
import { CLI, runProcess } from '../helpers/rig.js';

/** What the pre-push hook builds: the pushed commit whole, whatever the clone's own checkout looks like. */
describe('the pre-push hook and the clone it runs in', () => {
  let rig: PushRig;
  beforeEach(async () => {
    rig = await PushRig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  const tasks = (t: Record<string, { command: string; inputs: string[] }>): string =>
    JSON.stringify({ tasks: t });
  const start = async (files: Record<string, string>): Promise<void> => {
    await rig.commit(files);
    const pushed = await rig.push('-q', '--no-verify', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect((await rig.cli('hook', 'install')).code).toBe(0);
  };

  it('builds the whole commit from a sparse checkout', async () => {
    // Before: the worktree took over the sparse patterns; a good commit was refused ("pb/**" matches no file),
    // and a commit breaking a file outside the patterns was let through.
    await start({
      'disbuild.json': tasks({
        a: { command: 'grep -v FAIL pa/a.txt', inputs: ['pa/**'] },
        b: { command: 'grep -v FAIL pb/b.txt', inputs: ['pb/**'] },
      }),
      'pa/a.txt': '1\n',
      'pb/b.txt': '1\n',
    });
    await rig.git(rig.clone, 'sparse-checkout', 'set', 'pa');
    await rig.commit({ 'pa/a.txt': '2\n' });
    const good = await rig.push('origin', 'main');
    expect(good.code, good.stderr).toBe(0);
    // A commit breaking pb (made with the whole tree out), pushed from the sparse clone.
    await rig.git(rig.clone, 'sparse-checkout', 'disable');
    await rig.write({ 'pb/b.txt': 'FAIL\n' });
    await rig.git(rig.clone, 'commit', '-qam', 'break pb');
    await rig.git(rig.clone, 'sparse-checkout', 'set', 'pa');
    const bad = await rig.push('origin', 'main');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('push blocked: 1 job failed');
  });

  it('ignores the work tree and index that `git --work-tree=… push` hands down', async () => {
    // Before: the hook's git commands followed GIT_WORK_TREE into the clone, and found no files in the worktree
    // of the pushed commit: a broken commit went through, and a good one was refused.
    await start({
      'disbuild.json': tasks({ check: { command: 'grep -v FAIL a.txt', inputs: ['a.txt'] } }),
      'a.txt': '1\n',
    });
    const viaWorkTree = (): Promise<{ code: number | null; stderr: string }> =>
      runProcess(
        'git',
        [`--git-dir=${join(rig.clone, '.git')}`, `--work-tree=${rig.clone}`, 'push', 'origin', 'main'],
        {
          cwd: rig.clone,
          env: rig.env,
        },
      );
    await rig.commit({ 'a.txt': '2\n' });
    const good = await viaWorkTree();
    expect(good.code, good.stderr).toBe(0);
    await rig.commit({ 'a.txt': 'FAIL\n' });
    const bad = await viaWorkTree();
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('push blocked: 1 job failed');
  });

  it('builds a branch not checked out under `git --git-dir=… push`, and from a sparse clone under `git -c`', async () => {
    // Before: GIT_DIR took the worktree's git commands to the clone's index, where gen/keep.txt (tracked in the
    // pushed commit only) was untracked: cleared as a stale output, the job failed. And `git -c
    // core.sparseCheckout=true push` outweighed the hook's own setting.
    await start({ 'disbuild.json': tasks({ gen: { command: 'true', inputs: ['disbuild.json'] } }) });
    await rig.git(rig.clone, 'checkout', '-q', '-b', 'feature');
    await rig.commit({
      'gen/keep.txt': 'keep\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          gen: { command: 'cat gen/keep.txt > gen/out.txt', inputs: ['gen/keep.txt'], outputs: ['gen/**'] },
        },
      }),
    });
    await rig.git(rig.clone, 'checkout', '-q', 'main');
    const viaGitDir = await runProcess(
      'git',
      [`--git-dir=${join(rig.clone, '.git')}`, 'push', 'origin', 'feature'],
      {
        cwd: rig.clone,
        env: rig.env,
      },
    );
    expect(viaGitDir.code, viaGitDir.stderr).toBe(0);

    await rig.commit({
      'disbuild.json': tasks({
        a: { command: 'grep -v FAIL pa/a.txt', inputs: ['pa/**'] },
        b: { command: 'grep -v FAIL pb/b.txt', inputs: ['pb/**'] },
      }),
      'pa/a.txt': '1\n',
      'pb/b.txt': 'FAIL\n',
    });
    await rig.git(rig.clone, 'sparse-checkout', 'set', 'pa');
    const sparse = await runProcess('git', ['-c', 'core.sparseCheckout=true', 'push', 'origin', 'main'], {
      cwd: rig.clone,
      env: rig.env,
    });
    expect(sparse.code).not.toBe(0);
    expect(sparse.stderr).toContain('push blocked: 1 job failed');
  });

  it('leaves alone a push it has no checkout for: a bare repository, a git directory apart from its work tree', async () => {
    // Before: a deletion pushed from a bare mirror sharing the hooks crashed the hook (a stack trace, the push
    // refused); a dotfiles layout (`git --git-dir=DOT --work-tree=HOME push`) was refused on `.git` as a missing
    // input.
    await start({ 'disbuild.json': tasks({ c: { command: 'true', inputs: ['disbuild.json'] } }) });
    await rig.git(rig.clone, 'push', '-q', '--no-verify', 'origin', 'main:old');
    const hooks = rig.path('clone', '.git', 'hooks');
    await rig.git(rig.root, 'clone', '-q', '--bare', 'remote.git', 'mirror.git');
    await rig.git(rig.path('mirror.git'), 'config', 'core.hooksPath', hooks);
    const deleted = await runProcess('git', ['push', 'origin', ':old'], {
      cwd: rig.path('mirror.git'),
      env: rig.env,
    });
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stderr).not.toContain('Error');
    const fromBare = await runProcess('git', ['push', 'origin', 'main:from-bare'], {
      cwd: rig.path('mirror.git'),
      env: rig.env,
    });
    expect(fromBare.code, fromBare.stderr).toBe(0);
    // Before: "needs the git directory found from the work tree, not GIT_DIR=." (git sets it for a bare one).
    expect(fromBare.stderr).toContain(
      'disbuild: the pre-push hook builds from a work tree, and a bare repository has none; this push is not checked',
    );
    const install = await runProcess(process.execPath, [CLI, 'hook', 'install'], {
      cwd: rig.path('mirror.git'),
      env: rig.env,
    });
    // Before: "not inside a git repository".
    expect(install.stderr).toContain(
      'disbuild hook: a bare repository has no work tree to build pushes from',
    );

    const dot = rig.path('dot.git');
    const home = rig.path('dothome');
    await rig.git(rig.root, 'clone', '-q', '--bare', 'remote.git', 'dot.git');
    await rig.git(dot, 'config', 'core.hooksPath', hooks);
    await rig.git(dot, 'config', 'core.bare', 'false');
    await rig.git(dot, 'config', 'core.worktree', home);
    await mkdir(home);
    const g = (...args: string[]): Promise<{ code: number | null; stderr: string }> =>
      runProcess('git', [`--git-dir=${dot}`, `--work-tree=${home}`, ...args], { cwd: home, env: rig.env });
    await g('checkout', '-q', '-f', 'main');
    await writeFile(join(home, 'readme.txt'), 'x\n');
    await g('add', 'readme.txt');
    await g('commit', '-qm', 'good');
    const pushed = await g('push', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stderr).toContain('this push is not checked');
  });

  it("forgets only its own worktrees, not the user's whose directory is away", async () => {
    // Before: a `git worktree prune` after each build forgot a worktree on an unmounted disk, HEAD and index.
    await start({
      'disbuild.json': tasks({ a: { command: 'cat a.txt', inputs: ['a.txt'] } }),
      'a.txt': '1\n',
    });
    const away = rig.path('usb', 'feature');
    await rig.git(rig.clone, 'worktree', 'add', '-q', '-b', 'feature', away);
    await writeFile(join(away, 'wip.txt'), 'work in progress\n');
    await rig.git(away, 'add', 'wip.txt');
    await rename(rig.path('usb'), rig.path('usb-unmounted'));
    await rig.commit({ 'a.txt': '2\n' });
    const pushed = await rig.push('origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    await rename(rig.path('usb-unmounted'), rig.path('usb'));
    expect(await rig.git(rig.clone, 'worktree', 'list')).toContain(away);
    expect(await rig.git(away, 'diff', '--cached', '--name-only')).toBe('wip.txt\n');
  });
});

describe('the pre-push hook and what a push names', () => {
  let rig: PushRig;
  beforeEach(async () => {
    rig = await PushRig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  const failing = (log: string): string =>
    JSON.stringify({
      tasks: {
        test: { command: `echo ran >> ${log}; cat msg.txt >&2; grep -q ok msg.txt`, inputs: ['msg.txt'] },
      },
    });

  it('builds a commit once when its annotated tag is pushed with it, and lets tags of trees through', async () => {
    // Before: the tag was known by its own id, so the commit was built twice (two failures for one job); a tag
    // of a tree crashed the hook with a stack trace.
    const log = rig.path('runs.log');
    await rig.commit({ 'disbuild.json': failing(log), 'msg.txt': 'ok\n' });
    expect((await rig.push('-q', '--no-verify', 'origin', 'main')).code).toBe(0);
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    await rig.commit({ 'msg.txt': 'FAIL\n' });
    await rig.git(rig.clone, 'tag', '-a', '-m', 'v1.0', 'v1.0');
    const both = await rig.push('--follow-tags', 'origin', 'main');
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain('push blocked: 1 job failed');
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual(['ran']);
    await rig.git(rig.clone, 'tag', 'tree', 'HEAD^{tree}');
    const tree = await rig.push('origin', 'tree');
    expect(tree.code, tree.stderr).toBe(0);
    expect(tree.stderr).not.toContain('Error');
  });

  it('keeps one log per failure, says whose commit each is, and reports failures beside a broken config', async () => {
    // Before: the same job failing in two pushed commits wrote one log (the second's) that both lines named, and a
    // commit whose disbuild.json was broken stopped the hook before the other commit's failure was reported.
    const log = rig.path('runs.log');
    await rig.commit({ 'disbuild.json': failing(log), 'msg.txt': 'ok\n' });
    expect((await rig.push('-q', '--no-verify', 'origin', 'main')).code).toBe(0);
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const branch = async (name: string, files: Record<string, string>): Promise<string> => {
      await rig.git(rig.clone, 'checkout', '-q', '-b', name, 'main');
      await rig.commit(files);
      return (await rig.git(rig.clone, 'rev-parse', 'HEAD')).trim();
    };
    const x = await branch('x', { 'msg.txt': 'x: assertion failed\n' });
    const y = await branch('y', { 'msg.txt': 'y: timeout\n' });
    await branch('z', { 'disbuild.json': '{ "tasks": { "test": { "command": 5 } } }' });
    const pushed = await rig.push('origin', 'x', 'y', 'z');
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toContain('task "test" command');
    expect(pushed.stderr).toContain('push blocked: 2 jobs failed');
    expect(pushed.stderr).toContain(`test (${x.slice(0, 10)})`);
    expect(pushed.stderr).toContain(`test (${y.slice(0, 10)})`);
    const logs = [...pushed.stderr.matchAll(/full log: (.*)/g)].map((m) => m[1]!);
    expect(new Set(logs).size).toBe(2);
    const texts = await Promise.all(logs.map((l) => readFile(l, 'utf8')));
    expect(texts.some((t) => t.includes('x: assertion failed'))).toBe(true);
    expect(texts.some((t) => t.includes('y: timeout'))).toBe(true);
  });

  it('refuses a graph file naming a source file the commit lacks, as `disbuild run` does', async () => {
    // Before: `disbuild run` stopped on it (exit 2) while the hook built the commit and let it through.
    const graph = JSON.stringify({
      SourceFiles: { ['2'.repeat(40)]: 'missing.go' },
      Jobs: [
        { ID: '1'.repeat(40), Name: 'a', Inputs: ['a.txt'], Cmds: [{ Exec: ['sh', '-c', 'cat a.txt'] }] },
      ],
    });
    await rig.commit({ 'graph.json': graph, 'a.txt': '1\n' });
    await rig.git(rig.clone, 'config', 'disbuild.graph', 'graph.json');
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const run = await rig.cli('run', '--graph', 'graph.json', '--cache', 'none');
    expect(run.code).toBe(2);
    const pushed = await rig.push('origin', 'main');
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toContain(
      `SourceFiles["${'2'.repeat(40)}"]: source file missing.go does not exist`,
    );
    expect(pushed.stderr).toContain('push blocked');
  });

  it('refuses an incremental push deleting a source file no job reads', async () => {
    // Before: the push changed no job's input, so the hook never keyed it, and never checked SourceFiles.
    const graph = JSON.stringify({
      SourceFiles: { ['a'.repeat(40)]: 'extra.txt' },
      Jobs: [
        { ID: '1'.repeat(40), Name: 'a', Inputs: ['src.txt'], Cmds: [{ Exec: ['sh', '-c', 'cat src.txt'] }] },
      ],
    });
    await rig.commit({ 'graph.json': graph, 'src.txt': '1\n', 'extra.txt': 'x\n' });
    await rig.git(rig.clone, 'config', 'disbuild.graph', 'graph.json');
    expect((await rig.push('-q', '--no-verify', 'origin', 'main')).code).toBe(0);
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    await rig.git(rig.clone, 'rm', '-q', 'extra.txt');
    await rig.git(rig.clone, 'commit', '-qm', 'rm');
    const pushed = await rig.push('origin', 'main');
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toContain('source file extra.txt does not exist');
  });

  it('stops its build when git push alone is stopped', async () => {
    // Before: SIGTERM to `git push` (an editor's cancel) left the hook and its job running to the end.
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    await stopPushMidBuild(rig, rig.env, '20.25');
    // Its worktree goes too, once the hook has cleaned up: back to the one kept for the next push.
    const list = (await rig.git(rig.clone, 'worktree', 'list')).trim().split('\n');
    expect(list.filter((l) => l.includes('disbuild-worktrees')).map((l) => l.split(' ')[0])).toEqual([
      join(rig.clone, '.git/disbuild-worktrees/kept'),
    ]);
  });

  it('still builds, and lets through, a push whose starter exits first while the hook execs disbuild', async () => {
    // Before: with the hook exec-ing disbuild (node the child of git), the process watched was the one that
    // started git; a script ending in `git push &` exited, and the passing push was refused as "stopped".
    await rig.commit({
      'disbuild.json': JSON.stringify({
        tasks: { check: { command: 'sleep 2; grep -q good a.txt', inputs: ['a.txt'] } },
      }),
      'a.txt': 'good\n',
    });
    const hooks = rig.path('hooks');
    await mkdir(hooks);
    await writeFile(
      join(hooks, 'pre-push'),
      `#!/bin/sh\nexec ${process.execPath} ${CLI} hook run pre-push "$@"\n`,
      {
        mode: 0o755,
      },
    );
    await rig.git(rig.clone, 'config', 'core.hooksPath', hooks);
    const log = rig.path('push.log');
    const starter = await runProcess('sh', ['-c', `git push origin main > ${log} 2>&1 & sleep 0.5`], {
      cwd: rig.clone,
      env: rig.env,
    });
    expect(starter.code).toBe(0);
    const head = (await rig.git(rig.clone, 'rev-parse', 'HEAD')).trim();
    for (let i = 0; i < 200 && (await rig.remoteRef()) !== head; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await rig.remoteRef(), await readFile(log, 'utf8')).toBe(head);
  });

  it('builds from the top of the work tree under `git --git-dir=../.git push` from a subdirectory', async () => {
    // Before: git took the subdirectory for the top of the work tree, and the hook built from there.
    await rig.commit({
      'disbuild.json': JSON.stringify({
        tasks: { check: { command: 'grep -q good a.txt', inputs: ['a.txt'] } },
      }),
      'a.txt': 'good\n',
      'sub/x.txt': 'x\n',
    });
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const pushed = await runProcess('git', ['--git-dir=../.git', 'push', 'origin', 'main'], {
      cwd: join(rig.clone, 'sub'),
      env: rig.env,
    });
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stderr).toContain('1 built');
  });

  it('checks a push made inside .git, or under --git-dir from a directory holding a repository of its own', async () => {
    // Before: both were taken for pushes with no work tree (inside .git no top is found; from vendor/, asked without
    // GIT_DIR, git found the nested repository) and let through unchecked, failing job and all.
    await rig.commit({
      'disbuild.json': JSON.stringify({
        tasks: { check: { command: 'grep -q good a.txt', inputs: ['a.txt'] } },
      }),
      'a.txt': 'bad\n',
      '.gitignore': 'vendor/\n',
    });
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const inside = await runProcess('git', ['push', 'origin', 'main'], {
      cwd: join(rig.clone, '.git'),
      env: rig.env,
    });
    expect(inside.code).not.toBe(0);
    expect(inside.stderr).toContain('push blocked: 1 job failed');
    await mkdir(join(rig.clone, 'vendor'));
    await rig.git(join(rig.clone, 'vendor'), 'init', '-q');
    const nested = await runProcess('git', ['--git-dir=../.git', 'push', 'origin', 'main'], {
      cwd: join(rig.clone, 'vendor'),
      env: rig.env,
    });
    expect(nested.code).not.toBe(0);
    expect(nested.stderr).toContain('push blocked: 1 job failed');
    // A linked worktree's git directory sits under .git/worktrees, not at the top of its work tree.
    const linked = rig.path('linked');
    await rig.git(rig.clone, 'worktree', 'add', '-q', '-b', 'other', linked);
    const gitDir = (await rig.git(linked, 'rev-parse', '--absolute-git-dir')).trim();
    const fromLinked = await runProcess('git', [`--git-dir=${gitDir}`, 'push', 'origin', 'other'], {
      cwd: linked,
      env: rig.env,
    });
    expect(fromLinked.code).not.toBe(0);
    expect(fromLinked.stderr).toContain('push blocked: 1 job failed');
  });

  it('stops its build when the push is stopped, also through a git subcommand that runs disbuild', async () => {
    // Before: the process watched was the nearest `git`, here `git prepush-check`, which outlived the push.
    const bin = rig.path('bin');
    await mkdir(bin);
    const check = `#!/bin/sh\nexec ${process.execPath} ${CLI} hook run pre-push "$@"\n`;
    await writeFile(join(bin, 'git-prepush-check'), check, { mode: 0o755 });
    const hook = '#!/bin/sh\nexec git prepush-check "$@"\n';
    await writeFile(join(rig.clone, '.git', 'hooks', 'pre-push'), hook, { mode: 0o755 });
    await stopPushMidBuild(rig, { ...rig.env, PATH: `${bin}:${rig.env.PATH ?? ''}` }, '20.5');
  });
});

/**
 * Commits a task that sleeps for `seconds` (a number no other process sleeps for), pushes, stops `git push` alone
 * with SIGTERM once the task has started, and expects the task gone without finishing, and the hook exited.
 */
async function stopPushMidBuild(rig: PushRig, env: NodeJS.ProcessEnv, seconds: string): Promise<void> {
  const started = rig.path('started');
  const finished = rig.path('finished');
  await rig.commit({
    'disbuild.json': JSON.stringify({
      tasks: {
        slow: { command: `touch ${started}; sleep ${seconds}; touch ${finished}`, inputs: ['a.txt'] },
      },
    }),
    'a.txt': '1\n',
  });
  const git = spawn('git', ['push', 'origin', 'main'], { cwd: rig.clone, env, stdio: 'ignore' });
  const exited = new Promise((resolve) => git.on('exit', resolve));
  for (let i = 0; i < 200 && !existsSync(started); i++) await new Promise((r) => setTimeout(r, 50));
  expect(existsSync(started)).toBe(true);
  git.kill('SIGTERM');
  await exited;
  const sleeping = (): boolean =>
    execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .some((l) => l.startsWith(`sleep ${seconds}`));
  for (let i = 0; i < 100 && sleeping(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(sleeping()).toBe(false);
  await hookGone(rig);
  expect(existsSync(finished)).toBe(false);
}

/** Waits for the hook of a stopped push to exit (it names the remote's path), before the rig is removed. */
async function hookGone(rig: PushRig): Promise<void> {
  const remote = rig.path('remote.git');
  const alive = (): boolean => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).includes(remote);
  for (let i = 0; i < 200 && alive(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(alive()).toBe(false);
}
