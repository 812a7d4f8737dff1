import { afterAll, describe, expect, it } from 'vitest';
import { keptRig } from '../helpers/kept-rig.js';

/**
 * `git clean -ffdx` never sees some of what a job can leave in a tracked directory: an entry named `.git` (dir.c
 * skips it: a nested repository a job's `git init` made, or a gitfile), a named pipe, a Unix socket (dir.c lists
 * regular files, links and directories only). They survive both cleans and the checkout, and the next push's job
 * finds them where a fresh `git worktree add` has none. A job that globs its directory blocks on the pipe; a job's
 * git command in that directory acts on the nested repository (or, through a gitfile, on any other).
 */
describe('kept worktree: entries git clean cannot see', () => {
  const rigs: { rig: { cleanup(): Promise<void> } }[] = [];
  afterAll(async () => {
    for (const h of rigs) await h.rig.cleanup();
  });

  it('a named pipe and a socket a job left are gone', async () => {
    const h = await keptRig({
      extra: `if [ ! -f LOG.once ]; then touch LOG.once; mkfifo sub/pipe; python3 -c "import socket; socket.socket(socket.AF_UNIX).bind('sub/daemon.sock')"; fi`,
    });
    rigs.push(h);
    await h.pushBuildingA();
    const before = await h.worktreesAdded();
    const n = await h.pushBuildingA();
    expect(await h.worktreesAdded()).toBe(before); // the kept one was used
    expect(await h.lastRead()).toBe(`other\na${n}\none.txt\n`);
  });

  it('a repository a job initialised in a tracked directory is gone', async () => {
    const h = await keptRig({
      // Once: `git init` where the job works (a test suite's fixture, a scaffolder); then, each time, what git
      // says the directory's repository is.
      extra: `if [ ! -f LOG.once ]; then touch LOG.once; git init -q sub; fi; (cd sub && git rev-parse --show-prefix) >> LOG`,
    });
    rigs.push(h);
    await h.pushBuildingA();
    const n = await h.pushBuildingA();
    // Fresh: sub is packages/a/sub of the pushed commit's worktree, and `ls sub` shows only one.txt.
    expect(await h.lastRead()).toBe(`other\na${n}\none.txt\npackages/a/sub/\n`);
  });

  it('a gitfile a job left in a tracked directory is gone', async () => {
    const h = await keptRig({
      // Once: a `.git` file naming another repository (here the user's checkout's).
      extra: `if [ ! -f LOG.once ]; then touch LOG.once; printf 'gitdir: %s\\n' "$(git rev-parse --git-common-dir)" > sub/.git; fi; (cd sub && git rev-parse --show-prefix) >> LOG`,
    });
    rigs.push(h);
    await h.pushBuildingA();
    const n = await h.pushBuildingA();
    expect(await h.lastRead()).toBe(`other\na${n}\none.txt\npackages/a/sub/\n`);
  });
});
