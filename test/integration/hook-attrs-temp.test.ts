import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';
import { CLI, runProcess } from '../helpers/rig.js';

/**
 * The hook asks git which attributes apply to a commit's manifests through a temporary index in the system's temp
 * directory (see compile-at-commit.ts, commit-digests.ts): a hook killed meanwhile must not leave it there for
 * good, and a temp directory that cannot be written is an error the user can act on, not a crash.
 */
describe('the temporary index of the pre-push hook', () => {
  let rig: PushRig;
  let pushLine: string;
  let remoteUrl: string;
  const attrsTemps = async (tmp: string): Promise<string[]> =>
    (await readdir(tmp)).filter((n) => n.startsWith('disbuild-attrs-'));
  const hook = (env: NodeJS.ProcessEnv, onSpawn?: (pid: number) => void) =>
    runProcess(process.execPath, [CLI, 'hook', 'run', 'pre-push', 'origin', remoteUrl], {
      cwd: rig.clone,
      env,
      input: pushLine,
      onSpawn,
    });

  beforeAll(async () => {
    rig = await PushRig.create();
    remoteUrl = rig.path('remote.git');
    await rig.commit({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/a/package.json': JSON.stringify({
        name: 'a',
        scripts: { build: 'mkdir -p dist; cp src.txt dist/' },
      }),
      'packages/a/src.txt': 'a1\n',
      'disbuild.json': JSON.stringify({ tasks: { build: { script: 'build', outputs: ['dist/**'] } } }),
      '.gitattributes': '*.txt text\n',
      '.gitignore': 'dist/\n',
    });
    await rig.git(rig.clone, 'push', '-q', 'origin', 'main');
    await rig.commit({ 'packages/a/src.txt': 'a2\n' });
    const local = (await rig.git(rig.clone, 'rev-parse', 'HEAD')).trim();
    const remote = (await rig.git(rig.clone, 'rev-parse', 'origin/main')).trim();
    pushLine = `refs/heads/main ${local} refs/heads/main ${remote}\n`;
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it('is removed by the next hook when a hook is killed while git reads it', async () => {
    const tmp = rig.path('tmp-killed');
    await mkdir(tmp);
    // A git that hangs when asked for attributes: the hook is killed while its temporary index exists. It is
    // killed only once git hangs there, so that no git of its own still writes the index after it is gone.
    const slow = rig.path('slow-git');
    const hanging = rig.path('hanging');
    await mkdir(slow);
    await writeFile(
      join(slow, 'git'),
      `#!/bin/sh\ncase "$*" in *check-attr*) : > '${hanging}'; exec sleep 60 ;; esac\nexec /usr/bin/git "$@"\n`,
    );
    await chmod(join(slow, 'git'), 0o755);
    let pid = 0;
    const killed = hook({ ...rig.env, TMPDIR: tmp, PATH: `${slow}:${rig.env.PATH}` }, (p) => (pid = p));
    const deadline = Date.now() + 20_000;
    while (!existsSync(hanging) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    process.kill(pid, 'SIGKILL');
    expect((await killed).code).toBe(null);
    const [killedTemp] = await attrsTemps(tmp);
    expect(killedTemp).toMatch(new RegExp(`^disbuild-attrs-${pid}-`));
    // And what a hook killed while it checked converted files out left (a pid no process has).
    const leftover = join(tmp, `disbuild-checkout-${2 ** 22 + 1}-abcdef`);
    await mkdir(join(leftover, 'wt'), { recursive: true });
    // One of a dead pid, but changed a moment ago: maybe a live hook's in another PID namespace (a container
    // sharing this temp directory), which this one cannot see.
    const recent = join(tmp, `disbuild-attrs-${2 ** 22 + 1}-recent`);
    await mkdir(recent);
    // The others, left 11 minutes ago.
    const then = (Date.now() - 11 * 60_000) / 1000;
    for (const dir of [join(tmp, killedTemp!), leftover]) await utimes(dir, then, then);

    const next = await hook({ ...rig.env, TMPDIR: tmp });
    expect(next.code, next.stderr).toBe(0);
    expect(await readdir(tmp)).toEqual([`disbuild-attrs-${2 ** 22 + 1}-recent`]);
  });

  it('says what is wrong, without a stack trace, when the temp directory cannot be written', async () => {
    // A file where the temp directory should be: mkdtemp fails as on a full or read-only disk.
    const tmp = rig.path('tmp-not-a-dir');
    await writeFile(tmp, '');
    const run = await hook({ ...rig.env, TMPDIR: tmp });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).toContain(`no temporary directory to check converted files out into (ENOTDIR`);
    expect(run.stderr).toContain('push blocked');
  });
});
