import { spawn } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * When the kept worktree's directory is gone but git's record of it is not, `git worktree move <new> kept` refuses
 * for good ("a missing but already registered worktree"): every later push checks its commit out afresh and throws
 * it away, silently, until `git worktree prune` (which `git gc` runs only for records older than 3 months).
 * Two ways there: the user deletes `.git/disbuild-worktrees` to get the disk back (the README says what it costs),
 * or a hook is killed inside `git worktree move kept <pid>-<random>` after the rename and before git rewrote the
 * record: the next hook removes `<pid>-<random>` (a dead process's), and #forget looks for a record naming that
 * path, while the record still names `kept`.
 */
describe('kept worktree whose record outlived its directory', () => {
  const rigs: { rig: { cleanup(): Promise<void> } }[] = [];
  afterAll(async () => {
    for (const h of rigs) await h.rig.cleanup();
  });

  it('is kept again after the user removed .git/disbuild-worktrees', async () => {
    const h = await keptRig();
    rigs.push(h);
    await rm(h.rig.path('clone/.git/disbuild-worktrees'), { recursive: true, force: true });
    await h.pushBuildingA(); // a fresh checkout: expected
    expect(h.worktrees()).toEqual(['kept']);
    const before = await h.worktreesAdded();
    await h.pushBuildingA();
    expect(await h.worktreesAdded()).toBe(before);
  });

  it('is kept again after a hook was killed inside `git worktree move kept <pid>-<random>`', async () => {
    const h = await keptRig();
    rigs.push(h);
    // The state such a kill leaves: the directory renamed, the record still naming kept; its hook dead.
    const dead = spawn('true');
    await new Promise((r) => dead.once('exit', r));
    await rename(h.kept(), h.rig.path(`clone/.git/disbuild-worktrees/${dead.pid}-deadbeef`));
    await h.pushBuildingA(); // a fresh checkout: expected
    expect(h.worktrees()).toEqual(['kept']);
    const before = await h.worktreesAdded();
    await h.pushBuildingA();
    expect(await h.worktreesAdded()).toBe(before);
  });
});
