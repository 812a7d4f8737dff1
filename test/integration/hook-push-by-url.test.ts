import { readFile, rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';

describe('the pre-push hook, pushing a new branch by the remote URL', () => {
  let rig: PushRig;
  afterEach(() => rig.cleanup());

  it("compares with the remote's default branch, as a push by the remote's name does", async () => {
    rig = await PushRig.create();
    const log = rig.path('runs.log');
    const task = (name: string): Record<string, unknown> => ({
      command: `echo ${name} >> ${log}`,
      inputs: [`${name}.txt`],
    });
    await rig.commit({
      'a.txt': 'a\n',
      'b.txt': 'b\n',
      'disbuild.json': JSON.stringify({ tasks: { a: task('a'), b: task('b') } }),
    });
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    expect((await rig.push('-q', 'origin', 'main')).code).toBe(0);
    await rig.git(rig.clone, 'checkout', '-q', '-b', 'fix');
    await rig.commit({ 'b.txt': 'b, fixed\n' });
    // A fresh cache: only what changed since the remote's main may run.
    await rm(rig.path('xdg'), { recursive: true, force: true });
    await rm(log, { force: true });
    const byUrl = await rig.push('-q', rig.path('remote.git'), 'fix:fix1');
    expect(byUrl.code, byUrl.stderr).toBe(0);
    // Before: both tasks ran (no refs/remotes/<url>/main to find a base in).
    expect(await readFile(log, 'utf8')).toBe('b\n');
  });
});
