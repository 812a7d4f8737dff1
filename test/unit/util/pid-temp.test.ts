import { spawn } from 'node:child_process';
import { chown, mkdir, mkdtemp, readdir, rm, symlink, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadPidTemps, makePidTemp, removeDeadPidTemps } from '../../../src/util/pid-temp.js';

/** A pid no process can have (above the kernel's largest). */
const NEVER = 2 ** 22 + 1;

describe('temp directories named by their process', () => {
  let tmp: string;
  let before: string | undefined;
  beforeEach(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'pid-temp-'));
    before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
  });
  afterEach(async () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    await rm(tmp, { recursive: true, force: true });
  });

  it("are found as dead only when their process is gone, never a link or this process's own", async () => {
    const own = makePidTemp('x-');
    expect(basename(own)).toMatch(new RegExp(`^x-${process.pid}-`));
    const live = spawn('sleep', ['30']);
    try {
      await mkdir(join(tmp, `x-${live.pid}-aaaaaa`));
      await mkdir(join(tmp, `x-${NEVER}-bbbbbb`));
      await mkdir(join(tmp, `y-${NEVER}-cccccc`));
      await mkdir(join(tmp, `x-notapid-dddddd`));
      // Not as mkdtemp names them: a number that is no pid (an older name's random part), a longer suffix.
      await mkdir(join(tmp, `x-0x1A2B-gggggg`));
      await mkdir(join(tmp, `x-${NEVER}-hhhhhhh`));
      await symlink(own, join(tmp, `x-${NEVER}-eeeeee`));
      // Another user's (made here as root, given away): theirs to remove.
      await mkdir(join(tmp, `x-${NEVER}-ffffff`));
      if (process.getuid?.() === 0) await chown(join(tmp, `x-${NEVER}-ffffff`), 65534, 65534);
      else await rm(join(tmp, `x-${NEVER}-ffffff`), { recursive: true });
      expect(deadPidTemps('x-')).toEqual([join(tmp, `x-${NEVER}-bbbbbb`)]);
      await removeDeadPidTemps('x-');
      expect((await readdir(tmp)).sort()).toEqual(
        [
          basename(own),
          `x-${live.pid}-aaaaaa`,
          `y-${NEVER}-cccccc`,
          'x-notapid-dddddd',
          'x-0x1A2B-gggggg',
          `x-${NEVER}-hhhhhhh`,
          `x-${NEVER}-eeeeee`,
          ...(process.getuid?.() === 0 ? [`x-${NEVER}-ffffff`] : []),
        ].sort(),
      );
    } finally {
      live.kill('SIGKILL');
    }
  });

  it('are dead only once unchanged for the age asked, when one is', async () => {
    await mkdir(join(tmp, `z-${NEVER}-aaaaaa`));
    await mkdir(join(tmp, `z-${NEVER}-bbbbbb`));
    const then = (Date.now() - 60_000) / 1000;
    await utimes(join(tmp, `z-${NEVER}-bbbbbb`), then, then);
    expect(deadPidTemps('z-', 30_000)).toEqual([join(tmp, `z-${NEVER}-bbbbbb`)]);
    expect(deadPidTemps('z-').sort()).toEqual([
      join(tmp, `z-${NEVER}-aaaaaa`),
      join(tmp, `z-${NEVER}-bbbbbb`),
    ]);
  });
});
