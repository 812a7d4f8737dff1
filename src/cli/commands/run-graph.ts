import { resolve } from 'node:path';
import type { Cache } from '../../cache/cache.js';
import { NullCache } from '../../cache/null-cache.js';
import { openOnFirstClaim } from '../../coordinator/lazy-coordinator.js';
import { closeLauncher, runGraph, startLauncherAhead } from '../../engine.js';
import { startWorkTreeListings, unchangedIndexedFiles } from '../../ids/file-digest.js';
import { inputsAsRead } from '../../ids/inputs-as-read.js';
import { formatProblem, type Graph, NO_JOBS, type PathSet } from '../../graph/model.js';
import { ConsoleReporter } from '../../report/console-reporter.js';
import type { JobRef, Reporter, RunEvent } from '../../report/events.js';
import { writeJsonReport } from '../../report/json-report.js';
import { reportAmongInputs } from '../report-among-inputs.js';
import { startRepoFiles } from '../../config/repo-files.js';
import { loadGraphOrReport } from '../graph-input.js';
import type { CliIo } from '../io.js';
import { EXIT } from '../io.js';
import { baseEnvironment } from '../../run-env/base-environment.js';
import { openLocalState } from '../../run-env/local-state.js';
import { KeyRecordStore } from '../../explain/record-store.js';
import { RunExplainer } from '../../explain/run-explainer.js';
import { printable } from '../../util/printable.js';
import { type RecordedOutDir, recordFullyCached } from '../fully-cached.js';
import { outDirName } from '../../executor/out-dir-names.js';
import { statIfAny } from '../../util/stat-if-any.js';
import { type RunRequest, usageError } from './run.js';

/** `disbuild run` through the engine: every run the record of a fully cached one does not answer (see run.ts). */
export async function runGraphCommand(io: CliIo, request: RunRequest): Promise<number> {
  const { values: v, sourceDir, record } = request;
  const kind = request.cacheKind;
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

  // git stats the work tree on another core while the graph is read. The check that inputs exist then takes
  // git's word for unchanged tracked files instead of listing their directories.
  const workTreeListings = startWorkTreeListings(sourceDir, {
    untracked: v.graph === undefined,
    runs: request.listings,
    startedAt: request.listingsStartedAt,
  });
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
  // Taken before the graph is read: a record of this run must not vouch for a graph file changed since.
  const graphStat = record && { takenAtMs: Date.now(), stat: statIfAny(record.identity.graphFile) };
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
    logReplay: request.logReplay,
    streamOutput: !v.quiet,
  });
  // A run that warned is not recorded (see fully-cached.ts): the next one must warn again.
  let warned = false;
  const warn = (message: string): void => {
    warned = true;
    reporter.onEvent({ type: 'warning', message });
  };
  // What the record's answer ran into (a damaged entry it found, say): the run then builds what the record had.
  for (const message of request.warnings) warn(message);
  // Most often a slip (`{}`, a misspelled "Jobs", a graph command that printed nothing useful), which would pass.
  if (graph.jobs.length === 0) warn(NO_JOBS);
  const reportRead = v.report && reportAmongInputs(graph, resolve(sourceDir), resolve(io.cwd, v.report));
  if (reportRead) warn(reportRead);
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
            request.download === 'all' && !(v['dry-run'] ?? false),
          )
        : local;
  // Its server's code is loaded with it, on the first miss.
  const coordinator = openOnFirstClaim(async () =>
    (await import('../../coordinator/shared-coordinator.js')).SharedCoordinator.open(state.dir, {
      onWarning: warn,
    }),
  );

  // Cached jobs whose in-place outputs were found in place, nothing written: the artifact each was checked against.
  const inPlaceUnchanged = new Map<string, string>();
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const targets = [...(v.targets ?? []).flatMap((t) => t.split(',')), ...request.positionals].filter(
      Boolean,
    );
    const result = await runGraph(
      graph,
      {
        sourceDir,
        salt,
        concurrency: request.jobs,
        failFast: v['fail-fast'] ?? false,
        jobTimeoutMs: request.timeoutSeconds * 1000,
        targets,
        download: request.download,
        ...(v['out-dir'] === undefined ? {} : { outDir: resolve(io.cwd, v['out-dir']) }),
        logReplay: request.logReplay,
        // Shown only when replayed, kept only in a report.
        cachedLogs: request.logReplay === 'all' || v.report !== undefined,
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
            if (e.type === 'warning') warned = true;
            reporter.onEvent(e);
          },
        },
        onKeyed: explainer.onKeyed,
        ...(record
          ? { onInPlaceUnchanged: (label: string, artifact: string) => inPlaceUnchanged.set(label, artifact) }
          : {}),
        timings: state.timings,
        untimedWillBuild: remote === undefined,
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
    const { cached, failed, skipped } = result.value.counts;
    if (record && graphStat?.stat && !warned && cached === result.value.jobs.length) {
      const alone = workTreeListings.fromListingsAlone;
      const placed =
        v['out-dir'] === undefined ? undefined : await placedTargets(graph, targets, result.value.jobs);
      const vouched = cache.vouchedHits?.(result.value.jobs.map((j) => j.key));
      const known = await knownFiles();
      const realDir = await workTreeListings.realDir;
      // SourceFiles that are no job's input are checked on disk when git does not vouch for them; outputs in place
      // only as inPlaceForRecord finds them, and disbuild.json's tasks only when the kept graph was reused by stat
      // data (which the record checks again).
      const withOutputs = result.value.jobs.filter(
        (j) => (graph.byLabel.get(j.label)!.outputs?.length ?? 0) > 0,
      );
      const inPlace =
        withOutputs.length === 0 || !realDir
          ? undefined
          : await (
              await import('../in-place-for-record.js')
            ).inPlaceForRecord({
              records: state.outputRecordsFile(sourceDir),
              realDir,
              jobs: withOutputs,
              unchanged: inPlaceUnchanged,
              lookups: result.value.jobs.map((j) => j.key),
              listings: workTreeListings,
              // Made only when a write-back would be allowed otherwise: a graph's every input.
              inputs: () => inputsAsRead(graph, sourceDir),
            });
      if (
        alone &&
        vouched &&
        known &&
        realDir &&
        [...graph.sourceFiles.values()].every((p) => known.has(p)) &&
        (withOutputs.length === 0 || inPlace !== undefined) &&
        (input.vouch !== undefined) === record.identity.config &&
        (v['out-dir'] === undefined || placed !== undefined)
      ) {
        await recordFullyCached(record.file, record.identity, {
          graphStat: { stat: graphStat.stat, takenAtMs: graphStat.takenAtMs },
          runs: workTreeListings.runs,
          attributePlaces: alone.attributePlaces,
          realDir,
          shards: vouched.shards,
          memo: vouched.memo,
          freshUntilMs: vouched.freshUntilMs,
          jobs: cached,
          ...(placed ? { outDir: placed } : {}),
          ...(input.vouch ? { compile: input.vouch } : {}),
          ...(inPlace ? { inPlace } : {}),
        });
      }
    }
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
}

/**
 * What the run placed in its `--out-dir` (every job is a target without --targets), for its record; undefined when
 * two targets have one key (the engine restores it once, and copies it for the second).
 */
async function placedTargets(
  graph: Graph,
  targets: readonly string[],
  jobs: readonly JobRef[],
): Promise<RecordedOutDir | undefined> {
  const selection =
    targets.length === 0 ? undefined : (await import('../../executor/select.js')).selectJobs(graph, targets);
  if (selection?.ok === false) return undefined;
  const roots = selection && new Set(selection.value.roots);
  const placed = jobs.filter((j) => roots?.has(j.label) ?? true);
  if (new Set(placed.map((j) => j.key)).size !== placed.length) return undefined;
  return {
    targets: placed.map((j) => [j.name, outDirName(graph, j.label), j.key]),
    otherKeys: jobs.filter((j) => roots !== undefined && !roots.has(j.label)).map((j) => j.key),
  };
}
