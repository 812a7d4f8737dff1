import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * A job's git commands write the kept worktree's index (in its record, `.git/worktrees/<name>/index`). An entry
 * marked skip-worktree (`git update-index --skip-worktree`, or what `git sparse-checkout set` does to every path
 * outside its patterns) is never compared with its file again: `checkout --force` of the next commit leaves the
 * file as the job left it (edited, or deleted), even with core.sparseCheckout=false. A fresh `git worktree add`
 * has a new index, and writes every file.
 */
describe('kept worktree: index flags a job set', () => {
  const rigs: { rig: { cleanup(): Promise<void> } }[] = [];
  afterAll(async () => {
    for (const h of rigs) await h.rig.cleanup();
  });

  it('a skip-worktree entry a job edited is written again', async () => {
    const h = await keptRig({
      // Once: a job that hides its edit of a tracked file from `git status` (a generated, committed file).
      extra: `if [ ! -f LOG.once ]; then touch LOG.once; git update-index --skip-worktree other.txt; echo EDITED > other.txt; fi`,
    });
    rigs.push(h);
    await h.pushBuildingA(); // the job edits other.txt
    const before = await h.worktreesAdded();
    const n = await h.pushBuildingA();
    expect(await h.worktreesAdded()).toBe(before); // the kept one was used
    expect(await h.lastRead()).toBe(`other\na${n}\none.txt\n`);
  });

  it('a skip-worktree entry a job deleted (as git sparse-checkout does) is written again', async () => {
    const h = await keptRig({
      extra: `if [ ! -f LOG.once ]; then touch LOG.once; git update-index --skip-worktree sub/one.txt; rm sub/one.txt; fi`,
    });
    rigs.push(h);
    await h.pushBuildingA();
    const n = await h.pushBuildingA();
    expect(await h.lastRead()).toBe(`other\na${n}\none.txt\n`);
  });

  it('an assume-unchanged entry a job edited is written again (1,100 files: preloaded index)', async () => {
    const data: Record<string, string> = {};
    for (let i = 0; i < 1100; i++) data[`data/f${i}.txt`] = `${i}\n`;
    const h = await keptRig({
      files: data,
      extra: `if [ ! -f LOG.once ]; then touch LOG.once; git update-index --assume-unchanged other.txt; echo EDITED > other.txt; fi`,
    });
    rigs.push(h);
    await h.pushBuildingA();
    const n = await h.pushBuildingA();
    expect(await h.lastRead()).toBe(`other\na${n}\none.txt\n`);
  });
});
