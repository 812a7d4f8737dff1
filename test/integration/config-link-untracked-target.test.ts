import { mkdir, readFile, rm, symlink } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';

/**
 * A committed link to a directory where git tracks nothing (`tools -> ../node_modules/.bin`): what it leads to is
 * no source, and at a pushed commit it dangles. disbuild.json's globs leave it out, so
 * that a run before the packages are installed, one after, and the pre-push hook key the task alike.
 */
describe('a committed link into what git does not track', () => {
  let rig: PushRig;
  afterEach(() => rig.cleanup());

  const summary = (cached: number, built: number): RegExp =>
    new RegExp(`^disbuild: ${cached + built} jobs: ${cached} cached, ${built} built, 0 failed`, 'm');

  it('is no input of the globs: runs before and after an install, and the hook, agree', async () => {
    rig = await PushRig.create();
    const log = rig.path('ran.log');
    await rig.write({
      '.gitignore': 'node_modules/\n',
      'pkg/a.txt': 'a\n',
      'src/x.txt': 'x\n',
      'disbuild.json': JSON.stringify({
        tasks: { t: { command: `cat a.txt; echo ran >> ${log}`, cwd: 'pkg' } },
      }),
    });
    await symlink('../node_modules/.bin', rig.path('clone', 'pkg', 'tools'));
    await rig.git(rig.clone, 'add', '-A');
    await rig.git(rig.clone, 'commit', '-qm', 'links');

    // Before: "input pkg/tools is a dangling symbolic link", exit 2.
    const fresh = await rig.cli('run');
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toMatch(summary(0, 1));
    await mkdir(rig.path('clone', 'node_modules', '.bin'), { recursive: true });
    const installed = await rig.cli('run');
    expect(installed.stdout).toMatch(summary(1, 0));

    // Before: "push blocked: the build graph of … cannot be made" (the link dangles at the commit).
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(await readFile(log, 'utf8')).toBe('ran\n');

    // Retargeted to what git tracks: an input again, by where it leads.
    await rm(rig.path('clone', 'pkg', 'tools'));
    await symlink('../src', rig.path('clone', 'pkg', 'tools'));
    const retargeted = await rig.cli('run');
    expect(retargeted.stdout).toMatch(summary(0, 1));
    const graph = await rig.cli('graph');
    expect((JSON.parse(graph.stdout) as { Jobs: { Inputs: string[] }[] }).Jobs[0]!.Inputs).toEqual([
      '.gitignore',
      'disbuild.json',
      'pkg/a.txt',
      'pkg/tools',
      'src/x.txt',
    ]);
  });

  it('stays an input when it leads to files git lists untracked, and keys where it leads', async () => {
    rig = await PushRig.create();
    const log = rig.path('ran.log');
    await rig.write({
      'pkg/a.txt': 'a\n',
      'pkg/d1/x.txt': 'one\n',
      'pkg/d2/x.txt': 'two\n',
      'disbuild.json': JSON.stringify({ tasks: { t: { command: `cat tools/x.txt >> ${log}`, cwd: 'pkg' } } }),
    });
    await symlink('d1', rig.path('clone', 'pkg', 'tools'));
    await rig.git(rig.clone, 'add', 'disbuild.json', 'pkg/a.txt', 'pkg/tools');
    await rig.git(rig.clone, 'commit', '-qm', 'a link to what git lists untracked');
    expect((await rig.cli('run')).stdout).toMatch(summary(0, 1));
    await rm(rig.path('clone', 'pkg', 'tools'));
    await symlink('d2', rig.path('clone', 'pkg', 'tools'));
    // Before (the link left out as leading where git tracks nothing): cached, the job never reading d2.
    expect((await rig.cli('run')).stdout).toMatch(summary(0, 1));
    expect(await readFile(log, 'utf8')).toBe('one\ntwo\n');
  });

  it('names a committed loop of links, and a link to a file whose text ends in a slash, where runs failed with a stack trace', async () => {
    rig = await PushRig.create();
    await rig.write({
      'a.txt': 'a\n',
      'disbuild.json': JSON.stringify({ tasks: { t: { command: 'cat a.txt' } } }),
    });
    await symlink('loop2', rig.path('clone', 'loop'));
    await symlink('loop', rig.path('clone', 'loop2'));
    // Only a directory is at the end of a link whose text ends in `/`: before, a run failed on ENOTDIR.
    await symlink('a.txt/', rig.path('clone', 'slash'));
    await rig.git(rig.clone, 'add', '-A');
    await rig.git(rig.clone, 'commit', '-qm', 'loop');
    const r = await rig.cli('run');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Inputs\[\d\]: input loop: too many levels of symbolic links/);
    expect(r.stderr).toContain('input slash is a dangling symbolic link (slash -> a.txt/: not a directory)');
    expect(r.stderr).not.toMatch(/ELOOP|ENOTDIR|    at /);
  });
});
