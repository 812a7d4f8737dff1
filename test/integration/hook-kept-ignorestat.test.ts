import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * With `core.ignoreStat=true` git marks every entry it checks out "assume unchanged" (CE_VALID), and a checkout
 * (which preloads the index from 1,000 entries on) takes such an entry as up to date without looking at the file:
 * `checkout --force` of a kept worktree would leave a tracked file a job changed as the job left it. No worktree is
 * kept under that setting (nor `core.fsmonitor`): each push checks its commit out afresh.
 */
describe('the worktree of a push with core.ignoreStat=true', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  afterAll(async () => h?.rig.cleanup());

  it('is not kept, and a job reads what a fresh checkout holds', async () => {
    h = await keptRig({ pushConfig: ['core.ignoreStat', 'true'] });
    await h.pushBuildingA();
    expect(h.worktrees()).toEqual([]);
    const before = await h.worktreesAdded();
    const n = await h.pushBuildingA();
    expect(await h.worktreesAdded()).toBe(before + 1);
    expect(await h.lastRead()).toBe(`other\na${n}\none.txt\n`);
  });
});
