import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * For git, a boolean set to the empty string (`git config disbuild.keepWorktree ""`, `keepWorktree =` in a
 * config file) is false (`git config --type=bool` prints false). readDisbuildSettings dropped empty values, so
 * the hook read "not set" and kept the worktree.
 */
describe('disbuild.keepWorktree set to the empty string', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  afterAll(async () => h?.rig.cleanup());

  it('turns keeping off, as git reads it', async () => {
    h = await keptRig({ config: [['disbuild.keepWorktree', '']] });
    expect((await h.rig.git(h.rig.clone, 'config', '--type=bool', 'disbuild.keepWorktree')).trim()).toBe(
      'false',
    );
    await h.pushBuildingA();
    expect(h.worktrees()).toEqual([]);
  });
});
