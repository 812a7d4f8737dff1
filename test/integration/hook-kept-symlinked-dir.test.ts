import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * A job moves a tracked directory elsewhere and leaves a symlink to it in its place. `checkout --force` lstat()s
 * `sub/one.txt` through the link, finds the very inode and stat data it recorded, and writes nothing;
 * `git clean -ffdx` then removes the link (and the moved directory, when it is in the worktree): the next push's
 * job finds the tracked files of sub/ missing, where a fresh checkout has them.
 */
describe('kept worktree: a tracked directory replaced by a symlink to where it was moved', () => {
  const rigs: { rig: { cleanup(): Promise<void> } }[] = [];
  let outside = '';
  afterAll(async () => {
    for (const h of rigs) await h.rig.cleanup();
    if (outside) await rm(outside, { recursive: true, force: true });
  });

  it('has its files back at the next push (moved within the worktree)', async () => {
    const h = await keptRig({
      extra: 'if [ -d sub ] && [ ! -L sub ]; then mv sub .sub-moved && ln -s .sub-moved sub; fi',
    });
    rigs.push(h);
    const before = await h.worktreesAdded();
    const n = await h.pushBuildingA();
    expect(await h.worktreesAdded()).toBe(before);
    expect(await h.lastRead()).toBe(`other\na${n}\none.txt\n`);
  });

  it('has its files back at the next push (moved outside, same file system)', async () => {
    outside = await mkdtemp(join(tmpdir(), 'disbuild-outside-'));
    const to = join(outside, 'sub');
    const h = await keptRig({
      extra: `if [ -d sub ] && [ ! -L sub ]; then rm -rf ${to}; mv sub ${to} && ln -s ${to} sub; fi`,
    });
    rigs.push(h);
    const n = await h.pushBuildingA();
    expect(await h.lastRead()).toBe(`other\na${n}\none.txt\n`);
  });
});
