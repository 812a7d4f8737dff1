import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOnlyKept, gates, keptRig } from '../helpers/kept-rig.js';

/**
 * remove() checks `!existsSync(kept)` and then spawns `git worktree move <dir> kept`. Another hook that puts its
 * worktree back as kept in between (the spawn of a git process: milliseconds, two pushes finishing together)
 * makes git see `kept` as a directory and move the first hook's worktree INTO it (kept/<pid>-<random>): the
 * nesting the first review fixed, still there as a check-then-act race. Here the window is widened by a `git` on
 * PATH that waits before that one move; nothing else differs.
 */
describe('kept worktree: the check before moving back is not atomic', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  let g: Awaited<ReturnType<typeof gates>> | undefined;
  afterAll(async () => {
    await h?.rig.cleanup();
    await g?.remove();
  });

  it('never moves one hook worktree into the kept one', async () => {
    g = await gates();
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const bin = join(g.dir, 'bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\ncase "$*" in\n  *"worktree move "*/kept) touch ${g.started}; while [ ! -f ${g.release} ]; do sleep 0.05; done;;\nesac\nexec ${realGit} "$@"\n`,
      { mode: 0o755 },
    );
    h = await keptRig();
    const base = (await h.rig.git(h.rig.clone, 'rev-parse', 'HEAD')).trim();
    // Hook A: takes kept, builds, and (slowed) moves it back.
    await h.commitA();
    const a = h.hook((await h.rig.git(h.rig.clone, 'rev-parse', 'HEAD')).trim(), base, {
      PATH: `${bin}:${process.env.PATH}`,
    });
    await g.reached();
    // A has checked that no kept is there; hook B finishes now and puts its own back.
    await h.commitA();
    const b = await h.hook((await h.rig.git(h.rig.clone, 'rev-parse', 'HEAD')).trim(), base);
    expect(b.code, b.stderr).toBe(0);
    expect(h.worktrees()).toContain('kept');
    await g.open();
    const ra = await a;
    expect(ra.code, ra.stderr).toBe(0);
    await expectOnlyKept(h);
  });
});
