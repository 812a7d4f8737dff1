import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * A job may rewrite the worktree's `.git` file to point at another repository (the checkout's own, here): git
 * commands run in the worktree would then act on that repository. The hook names the worktree's record itself.
 */
describe('a kept worktree whose .git file a job pointed at the checkout', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  afterAll(async () => h?.rig.cleanup());

  it("leaves the checkout's repository untouched, and the next push builds in a true checkout", async () => {
    h = await keptRig({
      extra:
        '[ -f LOG.done ] || { echo "gitdir: $(git rev-parse --git-common-dir)" > ../../.git; touch LOG.done; }',
    });
    // Before: the settings of the worktree were written into the checkout's git directory.
    expect(existsSync(join(h.rig.clone, '.git', 'disbuild-checkout-settings'))).toBe(false);
    expect((await h.rig.git(h.rig.clone, 'symbolic-ref', 'HEAD')).trim()).toBe('refs/heads/main');
    expect(await h.rig.git(h.rig.clone, 'status', '--porcelain')).toBe('');
    const n = await h.pushBuildingA();
    expect(await h.lastRead()).toBe(`other\na${n}\none.txt\n`);
    expect((await h.rig.git(h.rig.clone, 'symbolic-ref', 'HEAD')).trim()).toBe('refs/heads/main');
    expect(await h.rig.git(h.rig.clone, 'status', '--porcelain')).toBe('');
  });
});
