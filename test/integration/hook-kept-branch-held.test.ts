import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * A job that checks a branch out in its worktree (`git checkout side`, `git switch -c`) leaves the kept worktree's
 * HEAD attached to it, and remove() keeps the worktree regardless of its HEAD. Until the next push that builds,
 * git refuses the user the branch: `git checkout side` in the checkout fails ("already used by worktree at
 * .git/disbuild-worktrees/kept"), as do `git branch -D/-f side` and fetches into it. A fresh worktree was removed
 * at the end of its push, freeing the branch.
 */
describe('kept worktree: a job checked a branch out in it', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  afterAll(async () => h?.rig.cleanup());

  it('does not hold the branch after the push', async () => {
    h = await keptRig({ extra: 'git checkout -q side 2>/dev/null || true' });
    await h.rig.git(h.rig.clone, 'branch', 'side');
    await h.pushBuildingA();
    const r = await h.rig.git(h.rig.clone, 'checkout', '-q', 'side').then(
      () => 'ok',
      (e: Error) => e.message,
    );
    expect(r).toBe('ok');
  });
});
