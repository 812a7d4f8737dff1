import { readFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { PushRig } from './git-repo.js';
import { CLI, runProcess, type CliResult } from './rig.js';

/**
 * A PushRig with package a, whose build appends what it reads (every .txt of the package) to reads.log, then runs
 * `extra` (what the job leaves behind), and a GIT_TRACE log that counts `git worktree add`.
 */
export async function keptRig(
  opts: {
    extra?: string;
    files?: Record<string, string>;
    config?: string[][];
    pushConfig?: [string, string];
  } = {},
) {
  const rig = await PushRig.create();
  // Settings the clone has while it pushes only (the test's own commits are made without them).
  if (opts.pushConfig) {
    const [k, v] = opts.pushConfig;
    const push = rig.push.bind(rig);
    rig.push = async (...args: string[]) => {
      await rig.git(rig.clone, 'config', k, v);
      try {
        return await push(...args);
      } finally {
        await rig.git(rig.clone, 'config', '--unset', k);
      }
    };
  }
  const trace = rig.path('git-trace.log');
  const log = rig.path('reads.log');
  rig.extraEnv = { GIT_TRACE: trace };
  for (const c of opts.config ?? []) await rig.git(rig.clone, 'config', ...c);
  let edits = 0;
  const build = `{ echo === a; cat *.txt; ls sub 2>&1; } >> ${log}; mkdir -p dist; cat *.txt > dist/out.txt${opts.extra ? `; ${opts.extra.replaceAll('LOG', log)}` : ''}`;
  await rig.commit({
    'packages/a/package.json': JSON.stringify({ name: 'a' }),
    'packages/a/src.txt': 'a0\n',
    'packages/a/other.txt': 'other\n',
    'packages/a/sub/one.txt': 'one\n',
    // A command, not a package script: `npm run` would cost each push most of a second.
    'disbuild.json': JSON.stringify({
      tasks: { build: { command: build, cwd: 'packages/a', outputs: ['dist/**'] } },
    }),
    '.gitignore': 'dist/\n',
    ...opts.files,
  });
  expect((await rig.cli('hook', 'install')).code).toBe(0);
  const first = await rig.push('-q', 'origin', 'main');
  expect(first.code, first.stderr).toBe(0);
  const h = {
    rig,
    log,
    kept: (...p: string[]): string => rig.path('clone/.git/disbuild-worktrees/kept', ...p),
    worktrees: (): string[] => readdirSync(rig.path('clone/.git/disbuild-worktrees')).sort(),
    worktreesAdded: async (): Promise<number> =>
      (await readFile(trace, 'utf8').catch(() => '')).split('\n').filter((l) => / git worktree add /.test(l))
        .length,
    lastRead: async (): Promise<string> => {
      const runs = (await readFile(log, 'utf8')).split('=== a\n');
      return runs[runs.length - 1]!;
    },
    /** A commit that changes package a's src.txt (its job then runs). */
    commitA: async (files: Record<string, string> = {}): Promise<number> => {
      await rig.commit({ ...files, 'packages/a/src.txt': `a${++edits}\n` });
      return edits;
    },
    pushBuildingA: async (files: Record<string, string> = {}): Promise<number> => {
      const n = await h.commitA(files);
      const pushed = await rig.push('-q', 'origin', 'main');
      expect(pushed.code, pushed.stderr).toBe(0);
      return n;
    },
    /** The hook run directly, as git runs it, for `local` pushed over `remote`. */
    hook: (local: string, remote: string, env: Record<string, string> = {}): Promise<CliResult> =>
      runProcess(process.execPath, [CLI, 'hook', 'run', 'pre-push', 'origin', rig.path('remote.git')], {
        cwd: rig.clone,
        env: { ...rig.env, ...rig.extraEnv, ...env },
        input: `refs/heads/main ${local} refs/heads/main ${remote}\n`,
      }),
  };
  return h;
}
