import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * A process a job left running (setsid) that holds a file of the worktree open and works elsewhere (a daemon's
 * usual `cd /`): were the worktree kept, a tracked file the next commit does not change would not be written again
 * by `checkout --force`, and the process's later writes would land in the next push's checkout (they went into the
 * kept worktree when only working directories were looked at). It is not kept: its writes go to a removed file.
 */
describe('kept worktree: a left process holding a tracked file open, working in /', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  afterAll(async () => {
    const pid = Number(await readFile(`${h.log}.daemon`, 'utf8').catch(() => ''));
    if (pid > 0) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone.
      }
    }
    await h?.rig.cleanup();
  });

  it('does not write into the next push worktree', async () => {
    h = await keptRig({
      // First run: a detached process opens other.txt for appending, leaves for /, and appends once told.
      // Later runs: tell it, then read other.txt again.
      extra:
        "if [ ! -f LOG.daemon ]; then setsid sh -c 'echo $$ > LOG.daemon; exec 3>>other.txt; cd /; while [ ! -f LOG.go ]; do sleep 0.05; done; echo late >&3' </dev/null >/dev/null 2>&1 & sleep 0.5; else touch LOG.go; sleep 1; cat other.txt > LOG.after; fi",
    });
    const before = await h.worktreesAdded();
    await h.pushBuildingA();
    expect(await h.worktreesAdded()).toBe(before + 1); // not the kept one: a process held a file of it open
    // A fresh checkout's other.txt holds its blob's bytes only.
    expect(await readFile(`${h.log}.after`, 'utf8')).toBe('other\n');
  });
});
