import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * `checkout --force` writes a tracked file again only when the index's stat data does not vouch for it. A job
 * that rewrites a tracked file, and then runs `git status` / `git diff` / `git describe --dirty` (they refresh and
 * write the index), makes git record the job's file as clean whenever its bytes convert back (checkin: `ident`,
 * a clean-only filter) to the same blob at the same size: a kept worktree's next checkout would leave the job's
 * bytes, which a fresh checkout does not have. A worktree whose index is not the one its checkout wrote is not kept.
 */
describe('kept worktree: a tracked file the job rewrote, then `git status` in the job', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  afterAll(async () => h?.rig.cleanup());

  it('is written again for the next push', async () => {
    h = await keptRig({
      files: { '.gitattributes': '*.txt ident\n', 'packages/a/other.txt': '$Id$\n' },
      extra: `sed -i 's/[0-9a-f]\\{40\\}/0000000000000000000000000000000000000000/' other.txt; git status --porcelain > /dev/null`,
    });
    const blob = (await h.rig.git(h.rig.clone, 'rev-parse', 'HEAD:packages/a/other.txt')).trim();
    await h.pushBuildingA();
    expect(h.worktrees()).toEqual([]);
    const before = await h.worktreesAdded();
    const n = await h.pushBuildingA();
    expect(await h.worktreesAdded()).toBe(before + 1); // not kept: the job's git status wrote its index
    // What `git worktree add --detach` writes.
    expect(await h.lastRead()).toBe(`$Id: ${blob} $\na${n}\none.txt\n`);
  });
});
