import { mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { copyTree } from './cache/tree-copy.js';
import type { Graph, GraphProblem, JobLabel } from './graph/model.js';
import type { JobKey } from './ids/brands.js';
import { keyGraphAndInputs, keyGraphAtCommit } from './ids/job-key.js';
import type { InputRecheck } from './ids/input-recheck.js';
import type { EngineDeps, EngineOptions } from './engine-options.js';
import { Execution } from './executor/execution.js';
import { releaseGroupWatchdog } from './executor/group-watchdog.js';
import { criticalPathPriorities } from './executor/priorities.js';
import { selectWith } from './executor/select-core.js';
import { noTimings } from './executor/timings.js';
import { soloCoordinator } from './coordinator/job-coordinator.js';
import { discardDir } from './util/discard-dir.js';
import { removeTree } from './util/remove-tree.js';
import { unsealTree } from './util/seal-tree.js';
import { outDirCollisions, outDirName } from './executor/out-dir-names.js';
import {
  asideOf,
  moved,
  type OutDirAsides,
  prepareOutDir,
  removeCopiesLeftBehind,
  renameReplacing,
} from './executor/out-dir-asides.js';
import { WorkerPool } from './executor/worker-pool.js';
import type { Launcher } from './executor/launcher.js';
import { stopOptimizingCompilers } from './util/jit-tiers.js';
import { Deferred } from './util/deferred.js';
import type { JobOutcome, JobStatus, RunSummary } from './report/events.js';
import type { Result } from './util/result.js';
import { err, ok } from './util/result.js';

/**
 * Runs a validated graph: keys every selected job, looks the keys up, and builds only the misses.
 * The one place that wires the core together; it knows nothing of terminals, GitHub or git hooks.
 * Returns problems (bad targets, missing inputs) before anything runs; job failures are in the summary.
 */
export async function runGraph(
  graph: Graph,
  options: EngineOptions,
  deps: EngineDeps,
): Promise<Result<RunSummary, GraphProblem[]>> {
  // A stopped run waits for no server: what the cache still waits for is abandoned (see Cache.interrupt).
  const signal = options.signal;
  const interrupt = (): void => deps.cache.interrupt?.();
  if (signal?.aborted) interrupt();
  else signal?.addEventListener('abort', interrupt, { once: true });
  try {
    return await runSelected(graph, options, deps);
  } finally {
    signal?.removeEventListener('abort', interrupt);
  }
}

async function runSelected(
  graph: Graph,
  options: EngineOptions,
  deps: EngineDeps,
): Promise<Result<RunSummary, GraphProblem[]>> {
  // Not performance.now(): the global loads perf_hooks (seven of Node's modules), which a fully cached run needs
  // for nothing else.
  const started = process.hrtime.bigint();
  // The glob matcher (and for in-place outputs the glob compiler) is loaded only for a run that has any.
  const selection =
    options.targets.length === 0
      ? selectWith(graph, [], () => () => false)
      : (await import('./executor/select.js')).selectJobs(graph, options.targets);
  if (!selection.ok) {
    closeLauncher(deps.launcher);
    return err(selection.error.map((message) => ({ field: 'targets', message })));
  }
  if (options.outDir !== undefined) {
    const collisions = outDirCollisions(graph, selection.value.roots);
    if (collisions.length > 0) {
      closeLauncher(deps.launcher);
      return err(collisions);
    }
  }
  const timings = deps.timings ?? noTimings;
  const selected = graph.jobs.map((j) => j.label).filter((l) => selection.value.closure.has(l));
  // When a run will likely build more than a few jobs, the launcher boots while keys are computed instead of
  // delaying the first command: a job this cache never timed was never built with it (a fresh cache, new
  // packages). An edit may rebuild one job or all of them; which, the lookups tell (below).
  const likelyToBuild =
    !options.dryRun &&
    deps.timings !== undefined &&
    deps.untimedWillBuild !== false &&
    selected.filter((l) => timings.get(graph.byLabel.get(l)!.name) === undefined).length > DIRECT_MISSES;
  // Every target restored into --out-dir (or every job with --download all): a cache that restores on a helper
  // thread boots it while keys are computed, not after the restores are asked for.
  if (!options.dryRun && (options.outDir !== undefined || options.download === 'all')) {
    deps.cache.expectRestores?.(options.download === 'all' ? selected.length : selection.value.roots.length);
  }
  let launcher = (await deps.launcher) ?? (likelyToBuild ? await startLauncher() : undefined);
  let keys: ReadonlyMap<JobLabel, JobKey>;
  let recheck: InputRecheck | undefined;
  let hits: Awaited<ReturnType<typeof deps.cache.lookup>>;
  try {
    const keyed = await computeKeys(graph, options, deps.onKeyed);
    if (!keyed.ok) {
      launcher?.close();
      return keyed;
    }
    ({ keys, recheck } = keyed.value);
    hits = await deps.cache.lookup([...new Set(selected.map((l) => keys.get(l)!))]);
  } catch (e) {
    launcher?.close();
    throw e;
  }
  const cachedCount = selected.filter((l) => hits.has(keys.get(l)!)).length;
  deps.reporter.onEvent({
    type: 'run-start',
    total: selected.length,
    cached: cachedCount,
    toRun: selected.length - cachedCount,
  });

  // Otherwise started once the misses are known, and only for more than a few: a run whose every job hits starts
  // no process, so it neither pays for one nor waits for one to exit, and a run with a few misses starts their
  // commands itself. A run with many queues its first commands while the launcher boots.
  if (options.dryRun || cachedCount === selected.length) {
    launcher?.close();
    launcher = undefined;
  } else if (selected.length - cachedCount > DIRECT_MISSES) {
    launcher ??= await startLauncher();
    // For the rest of this process (see jit-tiers.ts): its commands need the CPU more than this code needs speed.
    await stopOptimizingCompilers();
  }
  // A target's tree restored from the cache goes straight to a directory beside its --out-dir target: placing it
  // is then one rename, and a cache on another file system costs no second copy.
  const outDirAsides =
    options.outDir !== undefined && !options.dryRun
      ? await prepareOutDir(options.outDir, dirNameOfTarget(graph, selection.value.roots))
      : undefined;
  const wantBytes = new Set<JobLabel>(
    options.download === 'all' ? selected : options.outDir !== undefined ? selection.value.roots : [],
  );
  // In-place outputs are wanted where they belong: a cached job with `Outputs` is restored into the checkout.
  for (const l of selected) if (graph.byLabel.get(l)!.outputs) wantBytes.add(l);
  // The outcomes of hits whose bytes nobody wants (their bookkeeping only) wait for the first command to start,
  // or for every miss to end without one: a run that rebuilds one leaf of a thousand starts its command, then
  // tells the rest apart while it runs, instead of first. Hits to restore (in-place outputs, --out-dir,
  // --download all) start at once: a miss may take long to reach its command (a remote download of its
  // dependency, a claim another run holds), and their restores must not queue behind it.
  const firstCommand = new Deferred<void>();
  // Every path of the index, when the keys' listing kept them (the compile of disbuild.json asks for them): the
  // files git tracks, which in-place outputs never touch, without a git call of their own. Only until a command
  // has started: one may have added a file to the index since (`git add`), as may its user meanwhile. Not with
  // submodules: the files they track are sources too, and only git's own listing of them has them.
  const indexPaths =
    options.digests === 'working-tree' ? await options.workTreeListings?.indexPaths : undefined;
  const indexFile =
    options.digests === 'working-tree' ? await options.workTreeListings?.indexFile : undefined;
  let commandStarted = false;
  const execution = new Execution({
    graph,
    keys,
    hits,
    // Only jobs that build are ordered, and only misses build (a hit whose restore fails is the rare exception):
    // their critical paths, worked out when the first of them is scheduled, and not at all in a run with none.
    priorities: lazily(() =>
      criticalPathPriorities(graph, new Set(selected.filter((l) => !hits.has(keys.get(l)!))), (l) =>
        timings.get(graph.byLabel.get(l)!.name),
      ),
    ),
    // -j bounds the commands running at once; as many jobs again are claimed and prepared ahead (directories,
    // commands), each queued to start the moment a running command ends (see command-queue.ts). Not with
    // --fail-fast: a queued command would start before the engine heard that the one before it failed; with no
    // more jobs in progress than slots, no command ever waits, and none starts after a failure is known.
    pool: new WorkerPool(options.failFast ? options.concurrency : options.concurrency * 2),
    commandSlots: new WorkerPool(options.concurrency),
    cache: deps.cache,
    reporter: {
      onEvent: (e) => {
        if (e.type === 'job-start') {
          commandStarted = true;
          firstCommand.resolve();
        }
        deps.reporter.onEvent(e);
      },
    },
    timings,
    coordinator: deps.coordinator ?? soloCoordinator,
    ...(launcher ? { launcher } : {}),
    ...(recheck
      ? {
          inputsChanged: (job) => recheck.changed(job.inputs),
          inputsStarting: (job) => recheck.started(job.inputs),
        }
      : {}),
    ...(graph.jobs.some((j) => j.outputs !== undefined && j.outputs.length > 0)
      ? { outputGlobs: (await import('./executor/output-globs.js')).compileOutputGlobs }
      : {}),
    options,
    selected,
    wantBytes,
    ...(outDirAsides ? { restoreDir: outDirAsides.take } : {}),
    ...(indexPaths?.ok && indexPaths.value.gitlinks.length === 0
      ? { tracked: () => (commandStarted ? undefined : indexPaths.value.paths) }
      : {}),
    ...(indexFile ? { indexFile } : {}),
    ...(deps.onInPlaceUnchanged ? { onInPlaceUnchanged: deps.onInPlaceUnchanged } : {}),
  });
  // Scratch space only for a run that builds or restores something: nothing to create, and nothing to remove.
  if (!options.dryRun && (cachedCount < selected.length || wantBytes.size > 0)) {
    // Synchronous: a cached run may never need the thread pool (see removeDeadTemps).
    // Writable by this user only whatever the umask: restored trees there are read back by their paths.
    mkdirSync(join(options.workDir, 'out'), { recursive: true, mode: 0o755 });
    mkdirSync(join(options.workDir, 'tmp'), { recursive: true, mode: 0o755 });
  }
  let jobs: JobOutcome[];
  let outDirFailures: string[] = [];
  try {
    const outcomeOf = async (label: JobLabel): Promise<JobOutcome> => {
      const outcome = options.dryRun
        ? dryRunOutcome(execution, label, hits.has(keys.get(label)!))
        : await execution.outcome(label, wantBytes.has(label));
      deps.reporter.onEvent({ type: 'job-end', outcome });
      return outcome;
    };
    const missed = selected.filter((l) => !hits.has(keys.get(l)!));
    // What the misses' inputs are as the lookups end, before any command runs: a file swapped in while a job waits
    // for its dependencies is then another file when it ends (see input-recheck.ts).
    if (!options.dryRun) recheck?.started(missed.flatMap((l) => graph.byLabel.get(l)!.inputs));
    const misses = new Map(missed.map((l) => [l, outcomeOf(l)]));
    if (options.dryRun || misses.size === 0) firstCommand.resolve();
    else void Promise.allSettled(misses.values()).then(() => firstCommand.resolve());
    jobs = await Promise.all(
      selected.map(
        (l) =>
          misses.get(l) ?? (wantBytes.has(l) ? outcomeOf(l) : firstCommand.promise.then(() => outcomeOf(l))),
      ),
    );
    // Saves and publications read output directories: they end before any directory is moved to the out dir.
    await execution.settle();
    if (options.outDir !== undefined && !options.dryRun) {
      outDirFailures = await copyToOutDir(
        execution,
        selection.value.roots,
        options.outDir,
        graph,
        options.workDir,
        outDirAsides,
      );
    }
  } finally {
    launcher?.close();
    // Commands this process started itself are over (unless the run failed midway): their watchdog exits now.
    releaseGroupWatchdog();
    await Promise.allSettled([deps.cache.close(), timings.flush()]);
    // Trees restored beside their targets that were not placed (a failed run, a target that could not be replaced):
    // removed once the cache is closed, so that no restore still under way writes one anew.
    if (outDirAsides) await outDirAsides.removeLeft();
    discardDir(options.workDir);
  }
  const summary: RunSummary = {
    jobs,
    counts: countStatuses(jobs),
    durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e6),
    ...(outDirFailures.length > 0 ? { outDirFailures } : {}),
  };
  for (const message of outDirFailures) deps.reporter.onEvent({ type: 'warning', message });
  deps.reporter.onEvent({ type: 'run-end', summary });
  return ok(summary);
}

/**
 * Keys, and for the working tree the check that a build's inputs did not change while it ran (a commit cannot);
 * the digests go to whoever explains the keys (`onKeyed`).
 */
async function computeKeys(
  graph: Graph,
  options: EngineOptions,
  onKeyed: EngineDeps['onKeyed'],
): Promise<Result<{ keys: Map<JobLabel, JobKey>; recheck?: InputRecheck }, GraphProblem[]>> {
  if (options.digests === 'working-tree') {
    const keyed = await keyGraphAndInputs(
      graph,
      options.sourceDir,
      options.salt,
      options.workTreeListings,
      options.keysMemoFile,
    );
    if (keyed.ok) onKeyed?.(keyed.value.digests, keyed.value.keys);
    return keyed;
  }
  const keys = await keyGraphAtCommit(graph, options.sourceDir, options.digests.commit, options.salt);
  return keys.ok ? ok({ keys: keys.value }) : keys;
}

function dryRunOutcome(execution: Execution, label: JobLabel, hit: boolean): JobOutcome {
  return {
    ...execution.ref(label),
    status: hit ? 'cached' : 'skipped',
    exitCode: hit ? 0 : null,
    durationMs: 0,
    stdout: Buffer.alloc(0),
    stderr: Buffer.alloc(0),
    ...(hit ? {} : { message: 'dry run: would build' }),
  };
}

/**
 * Copies each built or restored target's outputs to `<outDir>/<name>` (names made file-system safe). A target that
 * cannot be placed (a directory in the way the user may not remove, a full disk) is a message, not a crash: the
 * other targets are still placed, and none is ever left half-written.
 */
async function copyToOutDir(
  execution: Execution,
  roots: JobLabel[],
  outDir: string,
  graph: Graph,
  workDir: string,
  asides: OutDirAsides<JobLabel> | undefined,
): Promise<string[]> {
  if (asides === undefined) {
    try {
      await mkdir(outDir, { recursive: true });
    } catch (e) {
      // A file in its place, a directory this user may not write in: no target can be placed.
      return roots.map(
        (label) =>
          `cannot place the outputs of ${graph.byLabel.get(label)!.name} in ${join(outDir, outDirName(graph, label))}: ${(e as Error).message}`,
      );
    }
    await removeCopiesLeftBehind(outDir);
  }
  // A tree restored into this run's scratch space, or beside its target, is nobody else's by now (every job has
  // ended): it is moved into place, not copied a second time. Outputs that live in the cache (built by this run) are copied, and so is a
  // tree a second target shares (two targets with one key), from where the first one went.
  const scratch = join(workDir, 'out') + sep;
  const moves = new Map<string, { label: JobLabel; dest: string }>();
  const copies: { label: JobLabel; dir: string; dest: string }[] = [];
  for (const label of roots) {
    const ready = await execution.materialize(label);
    if (!ready.ok) continue;
    const dest = join(outDir, outDirName(graph, label));
    const movable = ready.dir.startsWith(scratch) || asides?.has(ready.dir) === true;
    if (movable && !moves.has(ready.dir)) moves.set(ready.dir, { label, dest });
    else copies.push({ label, dir: ready.dir, dest });
  }
  const failures: string[] = [];
  const placing = async (label: JobLabel, dest: string, place: () => Promise<void>): Promise<void> => {
    try {
      await place();
    } catch (e) {
      failures.push(
        `cannot place the outputs of ${graph.byLabel.get(label)!.name} in ${dest}: ${(e as Error).message}`,
      );
    }
  };
  // Outputs are read-only while dependents read them; the user's copy is the user's to change. A restored tree
  // that no command read was never sealed (see Execution), and neither is a copy of it. A copy is made beside its
  // target and renamed over it (renameReplacing), so a failure or a kill part way leaves the old target or the new
  // one: an old target a kill left moved aside is put back by the next run.
  const copy = async (from: string, dest: string, sealed: boolean): Promise<void> => {
    const temp = asideOf(dest);
    try {
      await copyTree(from, temp, { link: false });
      if (sealed) unsealTree(temp);
      await renameReplacing(temp, dest);
    } finally {
      await removeTree(temp);
    }
  };
  // The moves at once: a thousand renames one after another wait a thousand turns of the thread pool. Each ends
  // before the run removes its scratch space, failed or not.
  const placed = new Map<string, string>();
  await Promise.all(
    [...moves].map(([dir, { label, dest }]) =>
      placing(label, dest, async () => {
        // Unsealed before it is placed, never at its place: another run placing the same target at once removes
        // what stands there, and cannot remove a read-only tree.
        if (execution.sealed(dir)) unsealTree(dir);
        if (await moved(dir, dest)) {
          placed.set(dir, dest);
          asides?.placed(dir);
        } else await copy(dir, dest, false);
      }),
    ),
  );
  for (const { label, dir, dest } of copies) {
    const from = placed.get(dir);
    await placing(label, dest, () =>
      from === undefined ? copy(dir, dest, execution.sealed(dir)) : copy(from, dest, false),
    );
  }
  return failures;
}

export { safeName } from './executor/out-dir-names.js';

/** The out-dir names of `roots` (outDirName), undefined for any other job. */
function dirNameOfTarget(graph: Graph, roots: readonly JobLabel[]): (label: JobLabel) => string | undefined {
  const targets = new Set(roots);
  return (label) => (targets.has(label) ? outDirName(graph, label) : undefined);
}

function countStatuses(jobs: readonly JobOutcome[]): Record<JobStatus, number> {
  const counts: Record<JobStatus, number> = { cached: 0, built: 0, failed: 0, skipped: 0 };
  for (const j of jobs) counts[j.status]++;
  return counts;
}

/**
 * Misses up to which a run starts their commands itself rather than through a launcher (launcher.ts). Booting
 * one is a Node process's start, about 25 ms of a core that the run's own work is waiting for; a command started
 * from the engine's process costs that thread a fork, about 1 ms at a thousand jobs' worth of memory (some 2 ms
 * at 400 MB). One leaf edited at 1,000 packages: 231.5 → 208.3 ms without the launcher; every job rebuilt: 93 ms
 * more without it.
 */
const DIRECT_MISSES = 32;

/**
 * For an adapter that reads the graph itself: boots the launcher while the graph is still being read when the
 * run will build everything (`neverTimed`: a cache that has timed no job), and hands it to runGraph as
 * `EngineDeps.launcher`. Undefined otherwise: the run decides once it knows its misses (see runGraph). Whoever
 * does not pass it on closes it (closeLauncher).
 */
export async function startLauncherAhead(neverTimed: boolean): Promise<Launcher | undefined> {
  return neverTimed ? startLauncher() : undefined;
}

/** Closes a launcher started ahead (startLauncherAhead) once it is known, if it was started. */
export function closeLauncher(launcher: Promise<Launcher | undefined> | undefined): void {
  void launcher?.then((l) => l?.close());
}

/** A map made on its first read. */
function lazily<K, V>(make: () => ReadonlyMap<K, V>): Pick<ReadonlyMap<K, V>, 'get'> {
  let made: ReadonlyMap<K, V> | undefined;
  return { get: (k) => (made ??= make()).get(k) };
}

/** The launcher's code is loaded only by a run that starts one. */
async function startLauncher(): Promise<Launcher | undefined> {
  return (await import('./executor/launcher.js')).Launcher.start();
}
