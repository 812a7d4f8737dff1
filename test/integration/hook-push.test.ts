import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson, type JobSpec } from '../helpers/graph-json.js';
import { PushRig } from '../helpers/git-repo.js';

describe('the pre-push hook, with real git pushes', () => {
  let rig: PushRig;
  let log: string;
  const jobs = (): JobSpec[] => [
    {
      name: 'lib',
      inputs: ['lib.txt'],
      cmds: [{ exec: ['sh', '-c', `echo lib >> ${log}; cat lib.txt > <out>/lib`] }],
    },
    {
      name: 'check',
      inputs: ['check.sh'],
      deps: ['lib'],
      cmds: [{ exec: ['sh', '-c', `echo check >> ${log}; sh check.sh <dep:lib>/lib`] }],
    },
    {
      name: 'docs',
      inputs: ['docs.txt'],
      cmds: [{ exec: ['sh', '-c', `echo docs >> ${log}; cat docs.txt`] }],
    },
  ];
  const executions = async (): Promise<string[]> =>
    (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean).sort();

  beforeEach(async () => {
    rig = await PushRig.create();
    log = rig.path('executions.log');
    await rig.commit({
      'graph.json': graphJson(jobs()),
      'lib.txt': 'v1\n',
      'check.sh': 'grep -q v "$1" || { echo "check failed: $1" >&2; exit 3; }\n',
      'docs.txt': 'docs\n',
    });
    await rig.git(rig.clone, 'config', 'disbuild.graph', 'graph.json');
    const installed = await rig.cli('hook', 'install');
    expect(installed.code, installed.stderr).toBe(0);
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('lets a passing push through, moves the remote ref, and runs only affected jobs on the next push', async () => {
    const first = await rig.push('-q', 'origin', 'main');
    expect(first.code, first.stderr).toBe(0);
    expect(await rig.remoteRef()).toBe((await rig.git(rig.clone, 'rev-parse', 'HEAD')).trim());
    expect(await executions()).toEqual(['check', 'docs', 'lib']);

    await writeFile(log, '');
    await rig.commit({ 'docs.txt': 'more docs\n' });
    const second = await rig.push('-q', 'origin', 'main');
    expect(second.code, second.stderr).toBe(0);
    expect(await executions()).toEqual(['docs']);

    await writeFile(log, '');
    await rig.commit({ README: 'not an input\n' });
    const third = await rig.push('-q', 'origin', 'main');
    expect(third.code).toBe(0);
    expect(await executions()).toEqual([]);
    expect(
      third.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('disbuild')).length,
    ).toBeLessThanOrEqual(1);
  });

  it('refuses a push whose job fails, naming the job and its exit code; the remote ref does not move', async () => {
    await rig.push('-q', 'origin', 'main');
    const before = await rig.remoteRef();
    await rig.commit({ 'lib.txt': 'broken\n' });
    const r = await rig.push('-q', 'origin', 'main');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('push blocked');
    // Before: "exited with code 3 (exit code 3)".
    expect(r.stderr).toContain('✗ check: exited with code 3\n');
    expect(r.stderr).toContain('check failed');
    const logPath = /full log: (\S+)/.exec(r.stderr)![1]!;
    expect(await readFile(logPath, 'utf8')).toContain('check failed');
    expect(await rig.remoteRef()).toBe(before);
  });

  it('builds the commit being pushed, not the working tree', async () => {
    await rig.write({ 'lib.txt': 'broken but unstaged\n', 'untracked.txt': 'x' });
    await writeFile(join(rig.clone, 'check.sh'), 'exit 9\n');
    const r = await rig.push('-q', 'origin', 'main');
    expect(r.code, r.stderr).toBe(0);
    expect(await rig.remoteRef()).toBeDefined();
  });

  it('runs nothing for a deleted branch, and checks both branches of a two-branch push', async () => {
    await rig.push('-q', 'origin', 'main');
    await rig.git(rig.clone, 'checkout', '-q', '-b', 'good');
    await rig.commit({ 'docs.txt': 'good docs\n' });
    await rig.git(rig.clone, 'checkout', '-q', 'main');
    await rig.git(rig.clone, 'checkout', '-q', '-b', 'bad');
    await rig.commit({ 'lib.txt': 'broken\n' });
    await writeFile(log, '');
    const both = await rig.push('-q', 'origin', 'good', 'bad');
    expect(both.code).not.toBe(0);
    expect(await executions()).toEqual(['check', 'docs', 'lib']);
    expect(await rig.remoteRef('good')).toBeUndefined();

    await rig.push('-q', '--no-verify', 'origin', 'bad');
    await writeFile(log, '');
    const del = await rig.push('-q', 'origin', '--delete', 'bad');
    expect(del.code, del.stderr).toBe(0);
    expect(await executions()).toEqual([]);
    expect(await rig.remoteRef('bad')).toBeUndefined();
  });

  it('prints the key salt it uses with DISBUILD_VERBOSE=1', async () => {
    await rig.git(rig.clone, 'config', 'disbuild.salt', 'gcc-14');
    rig.extraEnv.DISBUILD_VERBOSE = '1';
    const r = await rig.push('-q', 'origin', 'main');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('disbuild: key salt "gcc-14"');
  });

  it('is bypassed by --no-verify and DISBUILD_SKIP=1', async () => {
    await rig.commit({ 'lib.txt': 'broken\n' });
    expect((await rig.push('-q', '--no-verify', 'origin', 'main')).code).toBe(0);
    await rig.commit({ 'lib.txt': 'still broken\n' });
    rig.extraEnv = { DISBUILD_SKIP: '1' };
    expect((await rig.push('-q', 'origin', 'main')).code).toBe(0);
    expect(await executions()).toEqual([]);
  });

  it('chains an existing hook (it sees stdin, its failure blocks) and uninstall restores it', async () => {
    await rig.cli('hook', 'uninstall');
    const hooks = join(rig.clone, '.git', 'hooks');
    const seen = rig.path('legacy-saw');
    const legacy = `#!/bin/sh\ncat > ${seen}\n[ -f ${rig.path('legacy-fails')} ] && exit 5\nexit 0\n`;
    await writeFile(join(hooks, 'pre-push'), legacy);
    await chmod(join(hooks, 'pre-push'), 0o755);
    expect((await rig.cli('hook', 'install')).stdout).toContain('existing hook runs first');
    expect((await rig.cli('hook', 'install')).stdout).toContain('already installed');
    expect((await rig.push('-q', 'origin', 'main')).code).toBe(0);
    expect(await readFile(seen, 'utf8')).toMatch(/^refs\/heads\/main [0-9a-f]{40} refs\/heads\/main 0{40}/);
    await writeFile(rig.path('legacy-fails'), '');
    await rig.commit({ 'docs.txt': 'x\n' });
    expect((await rig.push('-q', 'origin', 'main')).code).not.toBe(0);
    await rig.cli('hook', 'uninstall');
    expect(await readFile(join(hooks, 'pre-push'), 'utf8')).toBe(legacy);
  });

  it('respects core.hooksPath, and works when called husky-style', async () => {
    await rig.cli('hook', 'uninstall');
    await rig.git(rig.clone, 'config', 'core.hooksPath', '.husky');
    const r = await rig.cli('hook', 'install');
    expect(r.stdout).toContain(join(rig.clone, '.husky', 'pre-push'));
    await rig.cli('hook', 'uninstall');
    // What a husky configuration holds: a script of its own that calls disbuild.
    const { CLI } = await import('../helpers/rig.js');
    await rig.write({
      '.husky/pre-push': `#!/bin/sh\n"${process.execPath}" "${CLI}" hook run pre-push "$@"\n`,
    });
    await chmod(join(rig.clone, '.husky', 'pre-push'), 0o755);
    await rig.commit({ 'lib.txt': 'broken\n' });
    const blocked = await rig.push('-q', 'origin', 'main');
    expect(blocked.code).not.toBe(0);
    expect(blocked.stderr).toContain('push blocked');
  });

  it('leaves no worktree behind but the kept one, also when interrupted', async () => {
    await rig.commit({
      'docs.txt': 'slow\n',
      'graph.json': graphJson([...jobs(), { name: 'slow', cmds: [{ exec: ['sleep', '20'] }] }]),
    });
    const { spawn } = await import('node:child_process');
    const push = spawn('git', ['push', '-q', 'origin', 'main'], {
      cwd: rig.clone,
      env: rig.env,
      detached: true,
    });
    for (let i = 0; i < 200 && !(await readFile(log, 'utf8').catch(() => '')).includes('docs'); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 300));
    process.kill(-push.pid!, 'SIGINT');
    await new Promise((r) => push.on('close', r));
    await new Promise((r) => setTimeout(r, 300));
    // The checkout's, and the one kept for the next push (brought to its next commit afresh).
    const list = (await rig.git(rig.clone, 'worktree', 'list')).trim().split('\n');
    expect(list.slice(1).map((l) => l.split(' ')[0])).toEqual([
      join(rig.clone, '.git/disbuild-worktrees/kept'),
    ]);
    expect(await rig.remoteRef()).toBeUndefined();
  });
});
