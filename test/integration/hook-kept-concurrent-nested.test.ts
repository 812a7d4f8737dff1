import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * Two hooks at once: A takes kept, B makes its own and puts it back as kept first. When A is done, `git worktree
 * move <A's> kept` does not fail as remove() expects ("when another hook put one back meanwhile, this one goes"):
 * kept being a directory, git moves A's worktree INTO it, as kept/<pid>-<random>. A full second checkout then
 * sits inside the kept one (listed by `git worktree list`), and once the next push's `git clean -ffdx` deletes it,
 * its record is left behind, pointing nowhere.
 */
describe('kept worktree: two hooks at once', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  let gates = '';
  afterAll(async () => {
    await h?.rig.cleanup();
    if (gates) await rm(gates, { recursive: true, force: true });
  });

  it('leaves one kept worktree, nothing inside it, and no other record', async () => {
    gates = await mkdtemp(join(tmpdir(), 'disbuild-gates-'));
    const [holdFile, started, release] = ['hold', 'started', 'release'].map((n) => join(gates, n)) as [
      string,
      string,
      string,
    ];
    h = await keptRig({
      // The first job to see HOLD waits for RELEASE: the hook holding the kept worktree is still building.
      extra: `if [ -f ${holdFile} ]; then rm -f ${holdFile}; touch ${started}; while [ ! -f ${release} ]; do sleep 0.1; done; fi`,
    });
    const base = (await h.rig.git(h.rig.clone, 'rev-parse', 'HEAD')).trim();
    await writeFile(holdFile, '');
    // Hook A: a real push, whose job waits.
    await h.commitA();
    const a = h.rig.push('-q', 'origin', 'main');
    for (let i = 0; i < 300 && !existsSync(started); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(started)).toBe(true);
    // Hook B: another commit, built while A builds.
    await h.commitA();
    const b = await h.hook((await h.rig.git(h.rig.clone, 'rev-parse', 'HEAD')).trim(), base);
    expect(b.code, b.stderr).toBe(0);
    expect(h.worktrees()).toContain('kept');
    await writeFile(release, '');
    const pushed = await a;
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(h.worktrees()).toEqual(['kept']);
    expect(readdirSync(h.kept()).filter((n) => /^\d+-[0-9a-f]+$/.test(n))).toEqual([]);
    const list = await h.rig.git(h.rig.clone, 'worktree', 'list', '--porcelain');
    expect(list.split('\n').filter((l) => l.startsWith('worktree '))).toHaveLength(2);
  });
});
