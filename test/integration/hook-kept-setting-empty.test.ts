import { afterEach, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * For git, a boolean set to the empty string (`git config disbuild.keepWorktree ""`, `keepWorktree =` in a
 * config file) is false (`git config --type=bool` prints false). readDisbuildSettings dropped empty values, so
 * the hook read "not set" and kept the worktree. So is an integer zero however written (`00`, `0x0`), which the
 * hook read as true.
 */
describe('disbuild.keepWorktree set to the empty string, or to zero written otherwise than 0', () => {
  let h: Awaited<ReturnType<typeof keptRig>> | undefined;
  afterEach(async () => {
    await h?.rig.cleanup();
    h = undefined;
  });

  it.each(['', '00'])('turns keeping off, as git reads it (%j)', async (value) => {
    h = await keptRig({ config: [['disbuild.keepWorktree', value]] });
    expect((await h.rig.git(h.rig.clone, 'config', '--type=bool', 'disbuild.keepWorktree')).trim()).toBe(
      'false',
    );
    await h.pushBuildingA();
    expect(h.worktrees()).toEqual([]);
  });
});
