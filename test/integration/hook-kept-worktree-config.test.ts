import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * With extensions.worktreeConfig (which `git sparse-checkout init` sets, or a user who keeps per-worktree settings),
 * each worktree reads `config.worktree` from its own record. A job's `git config --worktree ...` writes the kept
 * worktree's: the fingerprint is read from the user's checkout (`git config` there) and does not see it, and the
 * next push's `checkout --force` in the kept worktree writes files under it. A fresh worktree has no such file.
 */
describe('kept worktree: a per-worktree setting a job wrote', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  afterAll(async () => h?.rig.cleanup());

  it('does not decide how the next pushed commit is written', async () => {
    h = await keptRig({
      config: [['extensions.worktreeConfig', 'true']],
      extra: `if [ ! -f LOG.once ]; then touch LOG.once; git config --worktree core.autocrlf true; fi`,
    });
    await h.pushBuildingA();
    const before = await h.worktreesAdded();
    const n = await h.pushBuildingA();
    expect(await h.worktreesAdded()).toBe(before); // the kept one was used
    expect(JSON.stringify(await h.lastRead())).toBe(JSON.stringify(`other\na${n}\none.txt\n`));
  });
});

/**
 * The same file can say `core.worktree`: git then takes that directory as the work tree of every command run in the
 * kept worktree, and the next push's `git clean -ffdx` and `checkout --force` run on it. Here it names the user's
 * checkout: its untracked and ignored files (node_modules, .env, new files) and uncommitted edits go.
 */
describe('kept worktree: a core.worktree a job wrote into its config.worktree', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  afterAll(async () => h?.rig.cleanup());

  it('never cleans nor checks out the user checkout', async () => {
    h = await keptRig({
      config: [['extensions.worktreeConfig', 'true']],
      extra: `if [ ! -f LOG.once ]; then touch LOG.once; git config --worktree core.worktree "$(cd "$(git rev-parse --git-common-dir)/.." && pwd)"; fi`,
    });
    await h.pushBuildingA();
    await h.commitA();
    // The user's work in progress: an untracked file, an edit.
    await h.rig.write({ 'notes.txt': 'mine\n', 'packages/a/other.txt': 'edited by the user\n' });
    const pushed = await h.rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    const status = await h.rig.git(h.rig.clone, 'status', '--porcelain');
    expect(status).toBe(' M packages/a/other.txt\n?? notes.txt\n');
  });
});
