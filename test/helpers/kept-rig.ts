import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * Files through which a test holds one hook at a point of its making while another runs: the held side touches
 * `started` and waits for `release`; `hold` is there for a job to take (it removes it) when only the first job of
 * several must wait.
 */
export async function gates() {
  const dir = await mkdtemp(join(tmpdir(), 'disbuild-gates-'));
  const [hold, started, release] = ['hold', 'started', 'release'].map((n) => join(dir, n)) as [
    string,
    string,
    string,
  ];
  return {
    dir,
    hold,
    started,
    release,
    /** Waits (up to 30 s) for the held side to arrive, and says it did. */
    reached: async (): Promise<void> => {
      for (let i = 0; i < 300 && !existsSync(started); i++) await new Promise((r) => setTimeout(r, 100));
      expect(existsSync(started)).toBe(true);
    },
    open: (): Promise<void> => writeFile(release, ''),
    remove: (): Promise<void> => rm(dir, { recursive: true, force: true }),
  };
}

/** That one kept worktree is left, with no hook worktree inside it, and git lists no other but the checkout. */
export async function expectOnlyKept(h: Awaited<ReturnType<typeof keptRig>>): Promise<void> {
  const nested = readdirSync(h.kept()).filter((n) => /^\d+-[0-9a-f]+$/.test(n));
  const list = await h.rig.git(h.rig.clone, 'worktree', 'list', '--porcelain');
  expect({
    kept: h.worktrees(),
    nested,
    worktrees: list.split('\n').filter((l) => l.startsWith('worktree ')).length,
  }).toEqual({ kept: ['kept'], nested: [], worktrees: 2 });
}
