import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';
import { runProcess } from '../helpers/rig.js';

describe('the kept worktree of a repository moved elsewhere', () => {
  let rig: PushRig;
  afterEach(() => rig.cleanup());

  it('leaves no record of the old place behind, and keeps one at the new', async () => {
    rig = await PushRig.create();
    await rig.commit({
      'a.txt': 'a1\n',
      'disbuild.json': JSON.stringify({ tasks: { t: { command: 'cat a.txt', inputs: ['a.txt'] } } }),
    });
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    expect((await rig.push('-q', 'origin', 'main')).code).toBe(0);
    const moved = rig.path('moved');
    await rename(rig.clone, moved);
    await writeFile(join(moved, 'a.txt'), 'a2\n');
    await rig.git(moved, 'commit', '-qam', 'a2');
    const pushed = await runProcess('git', ['push', '-q', 'origin', 'main'], { cwd: moved, env: rig.env });
    expect(pushed.code, pushed.stderr).toBe(0);
    const list = await rig.git(moved, 'worktree', 'list', '--porcelain');
    // Before: `<old place>/.git/disbuild-worktrees/kept ... prunable`, for good.
    expect(list).not.toContain(rig.clone);
    expect(list).not.toContain('prunable');
    expect(list).toContain(join(moved, '.git/disbuild-worktrees/kept'));
  });
});
