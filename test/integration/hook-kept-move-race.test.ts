import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * remove() checks `!existsSync(kept)` and then spawns `git worktree move <dir> kept`. Another hook that puts its
 * worktree back as kept in between (the spawn of a git process: milliseconds, two pushes finishing together)
 * makes git see `kept` as a directory and move the first hook's worktree INTO it (kept/<pid>-<random>): the
 * nesting the first review fixed, still there as a check-then-act race. Here the window is widened by a `git` on
 * PATH that waits before that one move; nothing else differs.
 */
describe('kept worktree: the check before moving back is not atomic', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  let gates = '';
  afterAll(async () => {
    await h?.rig.cleanup();
    if (gates) await rm(gates, { recursive: true, force: true });
  });

  it('never moves one hook worktree into the kept one', async () => {
    gates = await mkdtemp(join(tmpdir(), 'disbuild-race-'));
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const bin = join(gates, 'bin');
    execFileSync('mkdir', [bin]);
    const started = join(gates, 'started');
    const release = join(gates, 'release');
    await writeFile(
      join(bin, 'git'),
      `#!/bin/sh\ncase "$*" in\n  *"worktree move "*/kept) touch ${started}; while [ ! -f ${release} ]; do sleep 0.05; done;;\nesac\nexec ${realGit} "$@"\n`,
    );
    chmodSync(join(bin, 'git'), 0o755);
    h = await keptRig();
    const base = (await h.rig.git(h.rig.clone, 'rev-parse', 'HEAD')).trim();
    // Hook A: takes kept, builds, and (slowed) moves it back.
    await h.commitA();
    const a = h.hook((await h.rig.git(h.rig.clone, 'rev-parse', 'HEAD')).trim(), base, {
      PATH: `${bin}:${process.env.PATH}`,
    });
    for (let i = 0; i < 300 && !existsSync(started); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(started)).toBe(true);
    // A has checked that no kept is there; hook B finishes now and puts its own back.
    await h.commitA();
    const b = await h.hook((await h.rig.git(h.rig.clone, 'rev-parse', 'HEAD')).trim(), base);
    expect(b.code, b.stderr).toBe(0);
    expect(h.worktrees()).toContain('kept');
    await writeFile(release, '');
    const ra = await a;
    expect(ra.code, ra.stderr).toBe(0);
    const nested = readdirSync(h.kept()).filter((n) => /^\d+-[0-9a-f]+$/.test(n));
    const list = await h.rig.git(h.rig.clone, 'worktree', 'list', '--porcelain');
    expect({ nested, worktrees: list.split('\n').filter((l) => l.startsWith('worktree ')).length }).toEqual({
      nested: [],
      worktrees: 2,
    });
  });
});
