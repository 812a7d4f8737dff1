import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * A job's process that left its process group (setsid: a build daemon, a language server, a cache uploader) and
 * writes relative to its working directory keeps writing into the worktree: before, that directory was deleted
 * when the push ended; now it becomes the next push's worktree (a rename keeps the inode the process's cwd is),
 * after that push's `git clean`, while its job runs.
 */
describe('kept worktree: a process a job left running', () => {
  let h: Awaited<ReturnType<typeof keptRig>>;
  afterAll(async () => {
    const pid = Number(await readFile(`${h.log}.daemon`, 'utf8').catch(() => ''));
    if (pid > 0) process.kill(pid, 'SIGKILL');
    await h?.rig.cleanup();
  });

  it('does not write into the next push worktree', async () => {
    h = await keptRig({
      // Once: a detached process that, for 20 s, rewrites a file next to the job's sources.
      extra:
        "if [ ! -f LOG.daemon ]; then setsid sh -c 'echo $$ > LOG.daemon; for i in $(seq 1 200); do echo late > late.txt 2>/dev/null; sleep 0.1; done' </dev/null >/dev/null 2>&1 & sleep 0.5; fi; sleep 1; cat *.txt >> LOG",
    });
    const n = await h.pushBuildingA();
    const read = await h.lastRead();
    // A fresh checkout of the commit has no late.txt.
    expect(read.startsWith(`other\na${n}\n`), read).toBe(true);
    expect(read).not.toContain('late');
  });
});
