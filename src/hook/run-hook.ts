import { exec } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { simpleGit } from 'simple-git';
import type { Cache } from '../cache/cache.js';
import { baseEnvironment } from '../cli/commands/run.js';
import type { CliIo } from '../cli/io.js';
import { openLocalState } from '../cli/local-state.js';
import { withRemote } from '../cli/remote-cache.js';
import { SharedCoordinator } from '../coordinator/shared-coordinator.js';
import { runGraph, safeName } from '../engine.js';
import type { Graph, JobLabel } from '../graph/model.js';
import { formatProblem } from '../graph/model.js';
import { parseGraphText } from '../graph/parse.js';
import { keyGraphAtCommit } from '../ids/job-key.js';
import { ConsoleReporter } from '../report/console-reporter.js';
import type { JobOutcome } from '../report/events.js';
import { type GraphSource, readHookConfig } from './config.js';
import { isDeletion, isNewBranch, parsePushInput } from './parse-push-input.js';
import { readHookRemote } from './remote-config.js';
import { Worktrees } from './worktree.js';

const sh = promisify(exec);

/**
 * `disbuild hook run pre-push <remote> <url>`: builds what is being pushed, from the pushed commits' trees.
 * A job runs when its key differs from the key at the remote's commit and the local cache lacks it; it runs in
 * a temporary worktree of the pushed commit. Quiet when nothing needs to run; a failure blocks the push.
 */
export async function runPrePush(remote: string, io: CliIo): Promise<number> {
  if (io.env.DISBUILD_SKIP === '1') return 0;
  const { refs, errors } = parsePushInput(await readAll(io.stdin));
  for (const e of errors) io.stderr.write(`disbuild: ${e}\n`);
  const shas = [...new Set(refs.filter((r) => !isDeletion(r)).map((r) => r.localSha))];
  if (shas.length === 0) return errors.length > 0 ? 1 : 0;
  const repoDir = (await simpleGit(io.cwd).raw(['rev-parse', '--show-toplevel'])).trim();
  const config = await readHookConfig(repoDir);
  if (!config.ok) {
    io.stderr.write(`${config.error}\n`);
    return 0;
  }
  const state = await openLocalState(undefined, io);
  const warn = (m: string): boolean => io.stderr.write(`disbuild: warning: ${m}\n`);
  const shared = await readHookRemote(repoDir, io.env);
  // A broken cache setting costs the push its remote cache, never the push.
  if (!shared.ok) warn(`${shared.error}; not using a remote cache`);
  const cache = withRemote(await state.openCache(warn), shared.ok ? shared.value : undefined, state, warn);
  const worktrees = await Worktrees.open(repoDir);
  const live = new Set<string>();
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const failures: JobOutcome[] = [];
  try {
    for (const sha of shas) {
      const ref = refs.find((r) => r.localSha === sha)!;
      const base = await baseCommit(repoDir, remote, ref.remoteSha, isNewBranch(ref), sha);
      const plan = await planCommit(
        repoDir,
        sha,
        base,
        config.value.graph,
        config.value.salt,
        cache,
        worktrees,
        live,
      );
      if ('problem' in plan) {
        io.stderr.write(`${plan.problem}\n`);
        return 1;
      }
      if (plan.toRun.length === 0) {
        if (plan.changed > 0) io.stderr.write(`disbuild: ${plan.changed} changed jobs, all cached\n`);
        if (plan.worktree) await worktrees.remove(plan.worktree);
        continue;
      }
      const wt = plan.worktree ?? (await worktrees.add(sha));
      live.add(wt);
      try {
        failures.push(
          ...(await buildInWorktree(
            plan.graph,
            plan.toRun,
            wt,
            sha,
            config.value.salt,
            cache,
            state,
            io,
            controller.signal,
          )),
        );
      } finally {
        await worktrees.remove(wt);
        live.delete(wt);
      }
      if (controller.signal.aborted) return 130;
    }
  } finally {
    for (const wt of live) await worktrees.remove(wt);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (failures.length === 0) return 0;
  await reportFailures(failures, state.dir, io);
  return 1;
}

type Plan = { problem: string } | { graph: Graph; toRun: JobLabel[]; changed: number; worktree?: string };

async function planCommit(
  repoDir: string,
  sha: string,
  base: string | undefined,
  source: GraphSource,
  salt: string,
  cache: Cache,
  worktrees: Worktrees,
  live: Set<string>,
): Promise<Plan> {
  // A graph command may read any file, so it runs in a worktree of the pushed commit; a graph file is read
  // straight from the commit, and no worktree is made unless something has to run.
  let worktree: string | undefined;
  if (source.kind === 'command') {
    worktree = await worktrees.add(sha);
    live.add(worktree);
  }
  const graph = await graphAt(repoDir, sha, source, worktree);
  if (typeof graph === 'string') return { problem: graph };
  if (
    base !== undefined &&
    source.kind === 'file' &&
    !(await touchesGraph(repoDir, base, sha, source.path, graph))
  ) {
    return { graph, toRun: [], changed: 0, ...(worktree ? { worktree } : {}) };
  }
  const keys = await keyGraphAtCommit(graph, repoDir, sha, salt);
  if (!keys.ok) return { problem: keys.error.map((p) => `disbuild: ${formatProblem(p)}`).join('\n') };
  const before = new Set<string>();
  if (base !== undefined && source.kind === 'file') {
    const old = await graphAt(repoDir, base, source, undefined);
    const oldKeys = typeof old === 'string' ? undefined : await keyGraphAtCommit(old, repoDir, base, salt);
    if (oldKeys?.ok) for (const k of oldKeys.value.values()) before.add(k);
  }
  const changed = graph.jobs.filter((j) => !before.has(keys.value.get(j.label)!));
  const hits = await cache.lookup(changed.map((j) => keys.value.get(j.label)!));
  const toRun = changed.filter((j) => !hits.has(keys.value.get(j.label)!)).map((j) => j.label);
  return { graph, toRun, changed: changed.length, ...(worktree ? { worktree } : {}) };
}

/**
 * Whether the change from `base` to `sha` can change any key: it can only if it touches the graph file or an
 * input (keys are made of inputs, commands and dependencies, nothing else). The common push — code the graph
 * does not read, or nothing relevant — is then decided by one `git diff` instead of hashing two trees.
 */
async function touchesGraph(
  repoDir: string,
  base: string,
  sha: string,
  graphPath: string,
  graph: Graph,
): Promise<boolean> {
  let changed: string[];
  try {
    const out = await simpleGit(repoDir).raw(['diff', '--name-only', '--no-renames', '-z', base, sha]);
    changed = out.split('\0').filter(Boolean);
  } catch {
    return true;
  }
  const inputs = new Set<string>([graphPath.replace(/^\.\//, ''), 'disbuild.json']);
  for (const j of graph.jobs) for (const i of j.inputs) inputs.add(i);
  return changed.some((p) => inputs.has(p));
}

async function graphAt(
  repoDir: string,
  sha: string,
  source: GraphSource,
  worktree: string | undefined,
): Promise<Graph | string> {
  let text: string;
  try {
    text =
      source.kind === 'file'
        ? await simpleGit(repoDir).raw(['show', `${sha}:${source.path}`])
        : (await sh(source.command, { cwd: worktree, maxBuffer: 1 << 30 })).stdout;
  } catch (e) {
    return `disbuild: cannot read the graph at ${sha.slice(0, 10)} (${source.kind === 'file' ? source.path : source.command}): ${(e as Error).message.split('\n')[0]}`;
  }
  const parsed = parseGraphText(text);
  if (!parsed.ok) return parsed.error.map((p) => `disbuild: invalid graph: ${formatProblem(p)}`).join('\n');
  return parsed.value;
}

/** The commit the remote has: its sha when known locally, else the merge base with its default branch. */
async function baseCommit(
  repoDir: string,
  remote: string,
  remoteSha: string,
  isNew: boolean,
  sha: string,
): Promise<string | undefined> {
  const git = simpleGit(repoDir);
  if (!isNew) {
    const known = await git.raw(['cat-file', '-e', `${remoteSha}^{commit}`]).then(
      () => true,
      () => false,
    );
    if (known) return remoteSha;
  }
  for (const ref of [
    `refs/remotes/${remote}/HEAD`,
    `refs/remotes/${remote}/main`,
    `refs/remotes/${remote}/master`,
  ]) {
    const base = await git.raw(['merge-base', ref, sha]).then(
      (s) => s.trim(),
      () => '',
    );
    if (base !== '') return base;
  }
  return undefined;
}

async function buildInWorktree(
  graph: Graph,
  toRun: JobLabel[],
  wt: string,
  sha: string,
  salt: string,
  cache: Cache,
  state: Awaited<ReturnType<typeof openLocalState>>,
  io: CliIo,
  signal: AbortSignal,
): Promise<JobOutcome[]> {
  const reporter = new ConsoleReporter({
    stream: io.stderr,
    live: Boolean(io.stderr.isTTY) && !io.env.CI,
    logReplay: 'none',
    streamOutput: !io.stderr.isTTY,
  });
  const coordinator = await SharedCoordinator.open(state.dir, {
    onWarning: (m) => reporter.onEvent({ type: 'warning', message: m }),
  });
  try {
    const result = await runGraph(
      graph,
      {
        sourceDir: wt,
        salt,
        concurrency: (await import('node:os')).availableParallelism(),
        failFast: false,
        jobTimeoutMs: 0,
        targets: toRun,
        download: 'minimal',
        logReplay: 'none',
        dryRun: false,
        workDir: state.newRunDir(),
        baseEnv: baseEnvironment(io.env),
        digests: { commit: sha },
        signal,
      },
      { cache, reporter, timings: state.timings, coordinator },
    );
    if (!result.ok) {
      for (const p of result.error) io.stderr.write(`disbuild: ${formatProblem(p)}\n`);
      return [];
    }
    return result.value.jobs.filter((j) => j.status === 'failed');
  } finally {
    await coordinator.close({ drain: !signal.aborted });
  }
}

async function reportFailures(failures: JobOutcome[], cacheDir: string, io: CliIo): Promise<void> {
  const dir = join(cacheDir, 'logs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  await mkdir(dir, { recursive: true });
  io.stderr.write(
    `\ndisbuild: push blocked: ${failures.length} job${failures.length === 1 ? '' : 's'} failed\n`,
  );
  for (const f of failures) {
    const log = join(dir, `${safeName(f.name)}.log`);
    await writeFile(log, Buffer.concat([f.stdout, Buffer.from('\n--- stderr ---\n'), f.stderr]));
    io.stderr.write(
      `  ✗ ${f.name}: ${f.message ?? `exit code ${String(f.exitCode)}`} (exit code ${String(f.exitCode)})\n`,
    );
    const tail = f.stderr.toString('utf8').trimEnd().split('\n').slice(-10);
    for (const line of tail) if (line !== '') io.stderr.write(`      ${line}\n`);
    io.stderr.write(`    full log: ${log}\n`);
  }
  io.stderr.write(`Fix the failures, or push with --no-verify (or DISBUILD_SKIP=1) to skip this check.\n`);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString('utf8');
}
