import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Cache } from '../../cache/cache.js';
import { NullCache } from '../../cache/null-cache.js';
import { openOnFirstClaim } from '../../coordinator/lazy-coordinator.js';
import { closeLauncher, runGraph, startLauncherAhead } from '../../engine.js';
import { startWorkTreeListings, unchangedIndexedFiles } from '../../ids/file-digest.js';
import { formatProblem, type PathSet } from '../../graph/model.js';
import { ConsoleReporter } from '../../report/console-reporter.js';
import type { Reporter, RunEvent } from '../../report/events.js';
import { writeJsonReport } from '../../report/json-report.js';
import { parseChoice, parseCommandArgs, parsePositiveInt } from '../args.js';
import { startRepoFiles } from '../../config/repo-files.js';
import { loadGraphOrReport } from '../graph-input.js';
import type { CliIo, Command } from '../io.js';
import { EXIT } from '../io.js';
import { baseEnvironment } from '../../run-env/base-environment.js';
import { openLocalState } from '../../run-env/local-state.js';
import { KeyRecordStore } from '../../explain/record-store.js';
import { RunExplainer } from '../../explain/run-explainer.js';
import { printable } from '../../util/printable.js';

const HELP = `Usage: disbuild run [--graph FILE] [options] [TARGET...]

Runs a build graph: computes every job's key, restores hits from the cache, builds the misses.

Options:
  --graph FILE          the graph JSON (default: what disbuild.json in the source dir describes)
  --source-dir DIR      the checkout that inputs are relative to (default: current directory)
  --cache local|none|http|turbo  where artifacts are kept (default: local); http and turbo put a shared
                        remote cache behind the local one (Bazel HTTP cache / Turborepo Remote Cache API)
  --cache-url URL       the remote cache's base URL (token from DISBUILD_CACHE_TOKEN)
  --cache-team T        the Turborepo team (teamId when it starts with team_, else slug)
  --cache-mode read-write|read  read: never upload (default: read-write)
  --cache-dir DIR       local cache directory (default: $XDG_CACHE_HOME/disbuild or ~/.cache/disbuild)
  --report FILE         write the JSON report there
  -j, --jobs N          commands run at once (default: number of CPUs)
  --fail-fast           start no new job after the first failure (default: keep going)
  --timeout SECONDS     per-job time-out (default: none)
  --salt S              folded into every key (toolchain versions, OS, ...)
  --targets NAME        job names or globs to build with their dependencies (repeatable, comma-separated)
  --out-dir DIR         copy the targets' outputs to DIR/<job name>
  --download minimal|all  restore every hit, not only those something needs (default: minimal)
  --log-replay failed|all|none  print cached jobs' logs (default: failed)
  --dry-run             compute keys and look them up; run nothing
  -q, --quiet           do not stream job output
  -v, --verbose         print the key salt in use, and say why each job runs as it starts (see 'disbuild explain')
  -h, --help            show this help

Exit status: 0 when every job is cached or built, 1 when any failed or was skipped, 2 for bad usage or an invalid graph.
`;

const flags = {
  graph: { type: 'string' },
  'source-dir': { type: 'string' },
  cache: { type: 'string' },
  'cache-dir': { type: 'string' },
  'cache-url': { type: 'string' },
  'cache-team': { type: 'string' },
  'cache-mode': { type: 'string' },
  report: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'fail-fast': { type: 'boolean' },
  timeout: { type: 'string' },
  salt: { type: 'string' },
  targets: { type: 'string', multiple: true },
  'out-dir': { type: 'string' },
  download: { type: 'string' },
  'log-replay': { type: 'string' },
  'dry-run': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `disbuild run`: the CLI adapter around the engine. */
export const run: Command = async (argv, io) => {
  const parsed = parseCommandArgs(argv, flags);
  if (!parsed.ok) return usageError(io, parsed.error);
  const v = parsed.value.values;
  if (v.help) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const jobs = parsePositiveInt('--jobs', v.jobs, availableParallelism());
  const timeout = parsePositiveInt('--timeout', v.timeout, 0);
  const cacheKind = parseChoice('--cache', v.cache, ['local', 'none', 'http', 'turbo'] as const, 'local');
  const download = parseChoice('--download', v.download, ['minimal', 'all'] as const, 'minimal');
  const logReplay = parseChoice(
    '--log-replay',
    v['log-replay'],
    ['failed', 'all', 'none'] as const,
    'failed',
  );
  for (const r of [jobs, timeout, cacheKind, download, logReplay]) if (!r.ok) return usageError(io, r.error);
  if (!jobs.ok || !timeout.ok || !cacheKind.ok || !download.ok || !logReplay.ok) return EXIT.usage;
  const kind = cacheKind.value;
  // The remote cache's code (HTTP, archives) is loaded only for a run that has one.
  const remoteKind = kind === 'http' || kind === 'turbo' ? kind : undefined;
  const remoteCache = remoteKind ? await import('../../run-env/remote-cache.js') : undefined;
  const remote =
    remoteCache && remoteKind
      ? remoteCache.parseRemoteSettings(
          { kind: remoteKind, url: v['cache-url'], team: v['cache-team'], mode: v['cache-mode'] },
          { url: '--cache-url', mode: '--cache-mode' },
          io.env,
          'read-write',
        )
      : undefined;
  if (remote && !remote.ok) return usageError(io, remote.error);

  const sourceDir = resolve(io.cwd, v['source-dir'] ?? '.');
  // git stats the work tree on another core while the graph is read. The check that inputs exist then takes
  // git's word for unchanged tracked files instead of listing their directories.
  const workTreeListings = startWorkTreeListings(sourceDir, { untracked: v.graph === undefined });
  const knownFiles = (): Promise<PathSet | undefined> => unchangedIndexedFiles(workTreeListings);
  // Through disbuild.json: the compile's file list comes from git calls started now, the keys' status among
  // them, and an unchanged repository and configuration reuse the graph compiled last time.
  const repoFiles = v.graph === undefined ? startRepoFiles(sourceDir, workTreeListings) : undefined;
  const state = openLocalState(v['cache-dir'], io);
  // A fresh cache will build everything: the launcher boots while the graph is read and keyed, not after. It is
  // forked before the graph is read, whose reading and validating take this thread for as long as they last.
  // Not in front of a remote cache: there an empty local cache is a fresh clone whose builds CI has done, and a
  // launcher booted for nothing takes a core from the lookups and downloads.
  const launcher = v['dry-run'] || remote !== undefined ? undefined : startLauncherAhead(state.timings.empty);
  if (launcher) await launcher;
  const compiledFile = state.compiledGraphFile(sourceDir);
  const shortcuts = repoFiles && {
    files: repoFiles,
    cacheFile: compiledFile,
    validatedFile: state.validatedGraphFile(compiledFile),
  };
  const input = await loadGraphOrReport(
    v.graph,
    sourceDir,
    io,
    knownFiles,
    shortcuts,
    state.validatedGraphFile,
  );
  if (!input) {
    closeLauncher(launcher);
    return EXIT.usage;
  }
  const { graph } = input;

  const live = Boolean(io.stdout.isTTY) && !io.env.CI;
  const reporter: Reporter = new ConsoleReporter({
    stream: io.stdout,
    live,
    logReplay: logReplay.value,
    streamOutput: !v.quiet,
  });
  const warn = (message: string): void => reporter.onEvent({ type: 'warning', message });
  const salt = v.salt ?? input.salt ?? '';
  if (v.verbose) io.stderr.write(`disbuild: key salt ${JSON.stringify(salt)}\n`);
  const explainer = new RunExplainer(graph, salt, new KeyRecordStore(state.dir));
  const verbose = v.verbose ?? false;
  const local = kind === 'none' ? undefined : await state.openCache(warn);
  const cache: Cache =
    local === undefined
      ? new NullCache()
      : remoteCache && remote?.ok
        ? remoteCache.withRemote(
            local,
            remote.value,
            state,
            warn,
            download.value === 'all' && !(v['dry-run'] ?? false),
          )
        : local;
  // Its server's code is loaded with it, on the first miss.
  const coordinator = openOnFirstClaim(async () =>
    (await import('../../coordinator/shared-coordinator.js')).SharedCoordinator.open(state.dir, {
      onWarning: warn,
    }),
  );

  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const targets = [...(v.targets ?? []).flatMap((t) => t.split(',')), ...parsed.value.positionals].filter(
      Boolean,
    );
    const result = await runGraph(
      graph,
      {
        sourceDir,
        salt,
        concurrency: jobs.value,
        failFast: v['fail-fast'] ?? false,
        jobTimeoutMs: timeout.value * 1000,
        targets,
        download: download.value,
        ...(v['out-dir'] === undefined ? {} : { outDir: resolve(io.cwd, v['out-dir']) }),
        logReplay: logReplay.value,
        // Shown only when replayed, kept only in a report.
        cachedLogs: logReplay.value === 'all' || v.report !== undefined,
        dryRun: v['dry-run'] ?? false,
        workDir: state.newRunDir(warn),
        outputRecordsFile: state.outputRecordsFile(sourceDir),
        keysMemoFile: state.keysMemoFile(sourceDir),
        baseEnv: baseEnvironment(io.env),
        digests: 'working-tree',
        workTreeListings,
        signal: controller.signal,
      },
      {
        cache,
        reporter: {
          onEvent: (e: RunEvent) => {
            if (e.type === 'job-start' && verbose) {
              io.stdout.write(`why ${printable(e.job.name)}: ${explainer.reason(e.job.name)}\n`);
            }
            if (e.type === 'job-end' && e.outcome.status === 'built') explainer.recordBuilt(e.outcome.name);
            reporter.onEvent(e);
          },
        },
        onKeyed: explainer.onKeyed,
        timings: state.timings,
        coordinator,
        ...(launcher ? { launcher } : {}),
      },
    );
    if (!result.ok) {
      for (const p of result.error) io.stderr.write(`disbuild: ${formatProblem(p)}\n`);
      return EXIT.usage;
    }
    if (v.report !== undefined) {
      const path = resolve(io.cwd, v.report);
      try {
        writeJsonReport(path, result.value);
      } catch (e) {
        io.stderr.write(`disbuild: cannot write the report to ${path}: ${(e as Error).message}\n`);
        return EXIT.failed;
      }
    }
    if (controller.signal.aborted) return 130;
    if (v['dry-run']) return EXIT.ok;
    const { failed, skipped } = result.value.counts;
    return failed + skipped > 0 || result.value.outDirFailures !== undefined ? EXIT.failed : EXIT.ok;
  } finally {
    // Closed by the run already; should the run have thrown before it took the launcher, closed here.
    closeLauncher(launcher);
    // Records are appended as jobs are built; the last ones, and a compaction when due, are written here.
    explainer.flush();
    await coordinator.close({ drain: !controller.signal.aborted });
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
};

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`disbuild run: ${message}\nRun 'disbuild run --help' for usage.\n`);
  return EXIT.usage;
}
