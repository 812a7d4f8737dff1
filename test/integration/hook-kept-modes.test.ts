import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../helpers/rig.js';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * Permission bits a fresh checkout gives are those of the umask of the push (git creates files 0666 and directories
 * 0777, less the umask); `checkout --force` rewrites only files whose stat data changed, and never a directory.
 * A job that packs its sources (tar, npm pack, a zip, a docker layer) records those bits, and its output differs
 * from what the same commit gives in a fresh checkout, under the same key.
 */
describe('kept worktree: permission bits', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  afterAll(async () => h?.rig.cleanup());
  const modes = async (): Promise<string> => {
    const read = await h.lastRead();
    return read
      .split('\n')
      .filter((l) => l.startsWith('mode '))
      .join('\n');
  };

  it('are those of a fresh checkout under the umask of the push', async () => {
    h = await keptRig({ extra: 'stat -c "mode %a %n" other.txt sub >> LOG' });
    expect(h.worktrees()).toEqual(['kept']);
    await h.commitA();
    const pushed = await runProcess('sh', ['-c', 'umask 077; exec git push -q origin main'], {
      cwd: h.rig.clone,
      env: { ...h.rig.env, ...h.rig.extraEnv },
    });
    expect(pushed.code, pushed.stderr).toBe(0);
    // What `umask 077; git worktree add --detach` writes: 600 files, 700 directories.
    expect(await modes()).toBe('mode 600 other.txt\nmode 700 sub');
  });

  it('a fresh checkout, keepWorktree off, gives 600 and 700 under umask 077', async () => {
    await h.rig.git(h.rig.clone, 'config', 'disbuild.keepWorktree', 'false');
    await h.commitA();
    const pushed = await runProcess('sh', ['-c', 'umask 077; exec git push -q origin main'], {
      cwd: h.rig.clone,
      env: { ...h.rig.env, ...h.rig.extraEnv },
    });
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(await modes()).toBe('mode 600 other.txt\nmode 700 sub');
  });
});
