import { chmod, writeFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * `git worktree add` ran the repository's post-checkout hook in the new worktree (husky's, a hook that writes a
 * `.env`, generated files, `npm install` when the lock file changed); the kept worktree's `git clean -ffdx` deletes
 * what such a hook writes: a job saw the hook's files when its push checked the commit out afresh and not when the
 * worktree was kept, so what it built (and cached under the same key) depended on which worktree it got. Neither
 * runs the hook now, as a CI checkout does not: the files a hook writes are not the commit's.
 */
describe('kept worktree: a post-checkout hook', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  afterAll(async () => h?.rig.cleanup());

  it('runs in neither a fresh nor a kept worktree', async () => {
    h = await keptRig();
    const hooks = (await h.rig.git(h.rig.clone, 'rev-parse', '--git-path', 'hooks')).trim();
    const hook = h.rig.path('clone', hooks, 'post-checkout');
    await writeFile(hook, '#!/bin/sh\necho generated > packages/a/sub/hooked.txt\n');
    await chmod(hook, 0o755);
    // A fresh worktree: keeping off.
    await h.rig.git(h.rig.clone, 'config', 'disbuild.keepWorktree', 'false');
    const f = await h.pushBuildingA();
    const fresh = await h.lastRead();
    expect(fresh).toBe(`other\na${f}\none.txt\n`);
    // Kept: one push to make it, the next takes it.
    await h.rig.git(h.rig.clone, 'config', 'disbuild.keepWorktree', 'true');
    await h.pushBuildingA();
    const before = await h.worktreesAdded();
    const n = await h.pushBuildingA();
    expect(await h.worktreesAdded()).toBe(before); // the kept one was used
    expect(await h.lastRead()).toBe(`other\na${n}\none.txt\n`);
  });
});
