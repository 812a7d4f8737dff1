import { writeFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOnlyKept, gates, keptRig } from '../helpers/kept-rig.js';

/**
 * Two hooks at once: A takes kept, B makes its own and puts it back as kept first. When A is done, `git worktree
 * move <A's> kept` does not fail as remove() expects ("when another hook put one back meanwhile, this one goes"):
 * kept being a directory, git moves A's worktree INTO it, as kept/<pid>-<random>. A full second checkout then
 * sits inside the kept one (listed by `git worktree list`), and once the next push's `git clean -ffdx` deletes it,
 * its record is left behind, pointing nowhere.
 */
describe('kept worktree: two hooks at once', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  let g: Awaited<ReturnType<typeof gates>> | undefined;
  afterAll(async () => {
    await h?.rig.cleanup();
    await g?.remove();
  });

  it('leaves one kept worktree, nothing inside it, and no other record', async () => {
    g = await gates();
    h = await keptRig({
      // The first job to see HOLD waits for RELEASE: the hook holding the kept worktree is still building.
      extra: `if [ -f ${g.hold} ]; then rm -f ${g.hold}; touch ${g.started}; while [ ! -f ${g.release} ]; do sleep 0.1; done; fi`,
    });
    const base = (await h.rig.git(h.rig.clone, 'rev-parse', 'HEAD')).trim();
    await writeFile(g.hold, '');
    // Hook A: a real push, whose job waits.
    await h.commitA();
    const a = h.rig.push('-q', 'origin', 'main');
    await g.reached();
    // Hook B: another commit, built while A builds.
    await h.commitA();
    const b = await h.hook((await h.rig.git(h.rig.clone, 'rev-parse', 'HEAD')).trim(), base);
    expect(b.code, b.stderr).toBe(0);
    expect(h.worktrees()).toContain('kept');
    await g.open();
    const pushed = await a;
    expect(pushed.code, pushed.stderr).toBe(0);
    await expectOnlyKept(h);
  });
});
