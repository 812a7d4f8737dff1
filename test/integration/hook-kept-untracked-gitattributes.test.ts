import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * `git checkout` reads attributes from the index first and then from the work tree: a `.gitattributes` a job left
 * (untracked) in the kept worktree decides how the next push's changed files are written, because
 * `git clean -ffdx` runs only after the checkout. A fresh checkout never sees it.
 */
describe('kept worktree: an untracked .gitattributes left by a job', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  afterAll(async () => h?.rig.cleanup());

  it('does not decide how the next pushed commit is written', async () => {
    // The job leaves a .gitattributes in its package (a generator, a copied template...).
    h = await keptRig({ extra: `printf '*.txt eol=crlf\\n' > .gitattributes` });
    await h.pushBuildingA();
    expect(h.worktrees()).toEqual(['kept']);
    const before = await h.worktreesAdded();
    const n = await h.pushBuildingA();
    expect(await h.worktreesAdded()).toBe(before); // the kept one was used
    // A fresh `git worktree add` writes src.txt with LF: the commit has no attributes.
    expect(await h.lastRead()).toBe(`other\na${n}\none.txt\n`);
  });
});
