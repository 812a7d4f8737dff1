import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Cache } from '../cache/cache.js';
import { githubEntryStore } from '../cache/github-actions-cache.js';
import { LocalCache } from '../cache/local-cache.js';
import { NullCache } from '../cache/null-cache.js';
import { PackCache } from '../cache/packs/pack-cache.js';
import { saveRetryPausesFromEnv, verifyDelayFromEnv } from '../cache/packs/index-sync.js';
import { openTieredCache, parseRemoteCacheOptions } from '../cache/remote/open-remote.js';
import { baseEnvironment } from '../run-env/base-environment.js';
import { defaultCacheDir } from '../run-env/cache-dir.js';
import { SharedCoordinator } from '../coordinator/shared-coordinator.js';
import { openOnFirstClaim } from '../coordinator/lazy-coordinator.js';
import type { EngineOptions } from '../engine-options.js';
import { runGraph } from '../engine.js';
import type { Graph, GraphProblem } from '../graph/model.js';
import { startWorkTreeListings, unchangedIndexedFiles, type WorkTreeListings } from '../ids/file-digest.js';
import { formatProblem, NO_JOBS } from '../graph/model.js';
import { annotateFailures, GithubReporter, writeStepSummary } from '../report/github-reporter.js';
import { writeJsonReport } from '../report/json-report.js';
import type { Reporter } from '../report/events.js';
import { KeyRecordStore } from '../explain/record-store.js';
import { RunExplainer } from '../explain/run-explainer.js';
import { unreachable } from '../util/unreachable.js';
import { StepError } from './errors.js';
import { loadActionGraph } from './graph-source.js';
import {
  type ActionOptions,
  ignoredRemoteInputs,
  Inputs,
  parseActionInputs,
  platformSalt,
} from './inputs.js';
import { printable } from '../util/printable.js';
import { idleOutputs, Outputs, planOutputs, runOutputs, setOutputs, State } from './outputs.js';
import { PartReports } from './part-reports.js';
import { encoded, type Plan, planShards, shardTargets } from './plan.js';
import { withPlannedHits } from './planned-hits.js';
import { decodePlan, planId, type ShardPlan } from '../scale/shard-plan.js';
import type { SaveResult } from '../cache/packs/entry-store.js';
import { ImportingCache } from '../scale/importing-cache.js';
import type { JobKey } from '../ids/brands.js';
import type { RunSummary } from '../report/events.js';
import { noTimings, type Timings } from '../executor/timings.js';

/** What the main step reads from its surroundings; tests run the bundle with real `INPUT_*` variables instead. */
export interface MainDeps {
  env: NodeJS.ProcessEnv;
  getInput: (name: string) => string;
}

/** The runner's environment, and inputs read as the runner passes them (`INPUT_<NAME>`). */
export function mainDeps(): MainDeps {
  return { env: process.env, getInput: (name) => core.getInput(name) };
}

/** Where one run of the step lives. */
interface Places {
  workspace: string;
  sourceDir: string;
  runnerTemp: string;
  workDir: string;
  /** PATH and HOME for the jobs (DESIGN.md §5); the rest of the runner's environment stays out. */
  baseEnv: Record<string, string>;
  /** git's listings of the source directory, started at once: the input check and the keys both use them. */
  workTree: WorkTreeListings;
  /** Where `cache: local` keeps its entries. */
  localCacheDir: string;
  /** When the step started (ms since the epoch): a pipelined shard's waits count from there. */
  startedAt: number;
}

/**
 * The Action's main step: inputs → graph → cache → engine → outputs, summary and annotations.
 * Throws StepError for problems the user must fix; answers whether every job succeeded.
 */
export async function runMain(deps: MainDeps): Promise<boolean> {
  const startedAt = Date.now();
  const parsed = parseActionInputs(deps.getInput);
  if (!parsed.ok) throw new StepError(parsed.error.join('\n'));
  for (const w of ignoredRemoteInputs(deps.getInput, parsed.value.cache)) core.warning(`disbuild: ${w}`);
  // Outputs built on one OS or architecture are not served to another unless the user says so.
  const o = { ...parsed.value, salt: platformSalt(parsed.value.salt, deps.env) };
  core.info(`disbuild: key salt ${JSON.stringify(o.salt)}`);
  const places = { ...(await locate(o, deps.env)), startedAt };
  // The cache service derives an entry's version from paths relative to the working directory.
  process.chdir(places.workspace);
  if (o.mode === 'aggregate') return aggregate(o, places, deps.env);
  const graph = await loadActionGraph(
    o.graph,
    places.workspace,
    places.sourceDir,
    places.baseEnv,
    unchangedIndexedFiles(places.workTree),
  );
  if (!graph.ok) throw stepError(graph.error);
  // Most often a slip (`{}`, a misspelled "Jobs", a graph command that printed nothing useful), which would pass.
  if (graph.value.jobs.length === 0) core.warning(`disbuild: ${NO_JOBS}`);
  // disbuild.json's salt applies unless the salt input is set.
  const salted =
    o.salt === '' && graph.value.configSalt !== undefined ? { ...o, salt: graph.value.configSalt } : o;
  core.saveState(State.workDir, places.workDir);
  const cache = await makeCache(salted, deps.env, places);
  switch (o.mode) {
    case 'plan':
      return plan(graph.value, salted, places, cache, deps.env);
    case 'run':
      return run(graph.value, salted, places, cache, deps.env);
    default:
      return unreachable(o.mode);
  }
}

async function locate(o: ActionOptions, env: NodeJS.ProcessEnv): Promise<Omit<Places, 'startedAt'>> {
  const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const sourceDir = resolve(workspace, o.sourceDir);
  const isDir = await stat(sourceDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  // By their real paths: a workspace reached through a link (a self-hosted runner's `_work`) holds the directory
  // its real path names, and a link in the workspace to elsewhere does not.
  const real = (path: string): Promise<string> => realpath(path).catch(() => path);
  const inside = relative(await real(workspace), await real(sourceDir));
  if (!isDir || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new StepError(
      `Input "${Inputs.sourceDir}" must be a directory in the workspace, got ${JSON.stringify(o.sourceDir)}`,
    );
  }
  const runnerTemp = resolve(env.RUNNER_TEMP ?? tmpdir());
  const workDir = join(runnerTemp, `disbuild-${process.pid}-${randomBytes(4).toString('hex')}`);
  return {
    workspace,
    sourceDir,
    runnerTemp,
    workDir,
    baseEnv: baseEnvironment(env),
    workTree: startWorkTreeListings(sourceDir),
    localCacheDir: defaultCacheDir(env),
  };
}

/** Problems as one message; a bad target is the `targets` input's fault, and says so. */
const stepError = (problems: readonly GraphProblem[]): StepError =>
  new StepError(
    problems
      .map((p) =>
        p.field === 'targets' && p.job === undefined
          ? `Input "${Inputs.targets}": ${p.message}`
          : formatProblem(p),
      )
      .join('\n'),
  );

async function plan(
  graph: Graph,
  o: ActionOptions,
  p: Places,
  cache: Cache,
  env: NodeJS.ProcessEnv,
): Promise<boolean> {
  const planned = await planShards(
    graph,
    {
      sourceDir: p.sourceDir,
      salt: o.salt,
      targets: o.targets,
      startupSeconds: o.runnerStartupSeconds,
      maxShards: o.maxShards,
      cores: o.concurrency,
      mode: o.planMode,
      latencySeconds: o.publishLatencySeconds,
    },
    cache,
    await recordedTimings(cache),
  );
  if (!planned.ok) {
    await cache.close();
    throw stepError(planned.error);
  }
  let pl = planned.value;
  core.info(describePlan(pl));
  // The shards restore what the planner builds from the cache; these caches do not span runners.
  const shardsWork = pl.shards.some((jobs) => jobs.length > 0);
  if ((o.cache === 'none' || o.cache === 'local') && pl.trunk.length > 0 && shardsWork) {
    core.warning(
      `disbuild: mode plan with cache ${o.cache}: the shards cannot restore what the planner builds${o.cache === 'local' ? ' unless the runners share its cache directory' : ''}, and build it again (cache: github, http or turbo spans runners)`,
    );
  }
  let ok = true;
  let saved: SaveResult | undefined;
  if (pl.trunk.length > 0) {
    // The trunk: what several shards need is built (and saved) once, here, before any shard starts.
    const summary = await build(graph, o, p, cache, pl.trunk);
    saved = await reportParts(o, p, env, pl.encoded)?.save(0, withPlannedHits(summary.reportPath, pl.cached));
    ok = summary.ok;
  } else {
    await cache.close();
    const report = emptyReport(p);
    setOutputs(idleOutputs(report));
    if (o.cache === 'github')
      saved = await reportParts(o, p, env, pl.encoded)?.save(0, withPlannedHits(report, pl.cached));
  }
  if (saved === 'denied') pl = readOnlyPlan(pl, !ok);
  setOutputs(planOutputs(pl));
  if (!ok) throw new StepError('disbuild: the trunk failed; the shards will skip what depends on it');
  return true;
}

/**
 * The plan of a run that may not write the cache (a fork's pull request's token): its shards can neither hand
 * jobs to each other, so each builds what it needs itself instead of waiting, nor leave reports, which the
 * aggregate then says (see aggregate).
 */
function readOnlyPlan(pl: Plan, trunkFailed: boolean): Plan {
  core.warning(
    'disbuild: this run may not write the cache (a pull request from a fork?): the shards build the jobs they need from each other themselves, and cannot leave reports for the aggregate step',
  );
  const { shards, graph } = pl.shardPlan;
  return {
    ...pl,
    published: 0,
    ...encoded({
      shards,
      ...(graph ? { graph } : {}),
      readOnly: true,
      ...(trunkFailed ? { trunkFailed: true } : {}),
    }),
  };
}

/** The durations the cache recorded per job name (the GitHub index keeps them), for weighing missed jobs. */
async function recordedTimings(cache: Cache): Promise<Timings> {
  if (!(cache instanceof PackCache)) return noTimings;
  const durations = await cache.recordedDurations();
  return { get: (name) => durations.get(name), record: () => undefined, flush: () => Promise.resolve() };
}

function describePlan(pl: Plan): string {
  const n = pl.matrix.shard.length;
  const shards = pl.shards.filter((s) => s.length > 0).length;
  const copies =
    pl.copies.length === 0
      ? ''
      : [
          `\n  ${pl.copies.length} job${pl.copies.length === 1 ? '' : 's'} built by several shards each instead of `,
          `waiting for ${pl.style === 'pipelined' ? 'another shard' : 'the trunk'} (${pl.duplicatedSeconds.toFixed(1)} s built more than once, `,
          `${(100 * pl.duplicatedShare).toFixed(1)} % of the work): `,
          pl.copies.map((c) => `${printable(c.name)} ×${c.shards}`).join(', '),
        ].join('');
  const split =
    pl.missed === 0
      ? 'nothing to do; '
      : pl.style === 'pipelined'
        ? pl.trunk.length > 0
          ? `all of them here (no matrix beats one runner); `
          : `all in ${shards} shard${shards === 1 ? '' : 's'} (matrix of ${n}) that publish ${pl.published} jobs for each other as they build them; `
        : shards === 0
          ? `all ${pl.trunk.length} here (the trunk); the matrix of ${n} has nothing left to build; `
          : `${pl.trunk.length} here first (the trunk), the rest in ${shards} shard${shards === 1 ? '' : 's'} (matrix of ${n}); `;
  const mode =
    pl.requested === 'auto' ? `\n  plan-mode auto chose ${pl.style}: ${pl.why}` : `\n  plan-mode ${pl.style}`;
  return [
    `disbuild plan: ${pl.missed} of ${pl.total} jobs to build: `,
    split,
    `estimated ${Math.round(pl.estimateSeconds)} s against ${Math.round(pl.singleRunnerSeconds)} s on one runner`,
    mode,
    copies,
  ].join('');
}

/** Where the planner and shards leave their reports for the aggregate step: only the GitHub cache spans runners. */
function reportParts(
  o: ActionOptions,
  p: Places,
  env: NodeJS.ProcessEnv,
  encodedPlan: string,
): PartReports | undefined {
  if (o.cache !== 'github') return undefined;
  return new PartReports(githubEntryStore({ scratch: join(p.workDir, 'downloads') }), p.workspace, {
    keyPrefix: o.keyPrefix,
    runId: env.GITHUB_RUN_ID ?? 'local',
    planId: planId(encodedPlan),
    attempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    scratch: join(p.workDir, 'reports'),
  });
}

function emptyReport(p: Places): string {
  const path = join(p.runnerTemp, 'disbuild-report.json');
  writeJsonReport(path, {
    jobs: [],
    counts: { cached: 0, built: 0, failed: 0, skipped: 0 },
    durationMs: 0,
  });
  return path;
}

/** `mode: aggregate`: every part's report as one run's outputs, summary and annotations. */
async function aggregate(o: ActionOptions, p: Places, env: NodeJS.ProcessEnv): Promise<boolean> {
  const decoded = decodePlan(o.plan!);
  if (!decoded.ok) throw new StepError(`Input "${Inputs.plan}": ${decoded.error}`);
  const parts = reportParts(o, p, env, o.plan!);
  if (!parts)
    throw new StepError(
      `Input "${Inputs.mode}": aggregate needs cache github, got ${JSON.stringify(o.cache)}`,
    );
  // Reports the parts could not leave: the workflow's word for the shards' result, when given, decides, and the
  // plan's for the planner's own jobs.
  const passed = o.shardsResult === 'success' && !decoded.value.trunkFailed;
  if (decoded.value.readOnly && passed)
    core.warning(
      `disbuild: the parts could not leave reports (this run may not write the cache); ${Inputs.shardsResult} says they succeeded: each shard's step shows its jobs`,
    );
  const summary = await parts.merged(
    decoded.value.shards.length,
    decoded.value.readOnly
      ? {
          why: `this run may not write the cache (a pull request from a fork?), so no part could${o.shardsResult === undefined ? ` (pass "${Inputs.shardsResult}: \${{ needs.<shard job>.result }}" to judge by the shards' results)` : ''}`,
          passed,
        }
      : undefined,
  );
  // One index for the next run to read, instead of one per shard (readers merge those too, but at a call each).
  const cache = await makeCache(o, env, p);
  if (cache instanceof PackCache) await cache.consolidate();
  await cache.close();
  const reportPath = join(p.runnerTemp, 'disbuild-report.json');
  await publish(summary, reportPath, p);
  return summary.counts.failed + summary.counts.skipped === 0;
}

/** The report file, outputs, step summary and annotations of a finished run (or of all parts, merged). */
async function publish(
  summary: RunSummary,
  reportPath: string,
  p: Places,
  reasons?: ReadonlyMap<string, string>,
): Promise<void> {
  writeJsonReport(reportPath, summary);
  setOutputs(runOutputs(summary, reportPath));
  await writeStepSummary(summary, reasons);
  annotateFailures(summary, p.sourceDir, p.workspace);
}

/** With `shard: i/n`, the labels this shard owns (see shards.ts), and the plan; otherwise the targets input. */
async function ownTargets(
  graph: Graph,
  o: ActionOptions,
  p: Places,
): Promise<{ targets: readonly string[]; plan?: ShardPlan }> {
  if (!o.shard) return { targets: o.targets };
  let plan: ShardPlan | undefined;
  if (o.plan !== undefined) {
    const decoded = decodePlan(o.plan);
    if (!decoded.ok) throw new StepError(`Input "${Inputs.plan}": ${decoded.error}`);
    plan = decoded.value;
  }
  const mine = await shardTargets(graph, {
    sourceDir: p.sourceDir,
    salt: o.salt,
    targets: o.targets,
    shard: o.shard,
    ...(plan ? { plan } : {}),
  });
  if (!mine.ok) throw stepError(mine.error);
  core.info(`disbuild: shard ${o.shard.index}/${o.shard.count} owns ${mine.value.length} jobs`);
  return { targets: mine.value, ...(plan ? { plan } : {}) };
}

function engineOptions(
  o: ActionOptions,
  p: Places,
  targets: readonly string[],
  signal: AbortSignal,
): EngineOptions {
  return {
    sourceDir: p.sourceDir,
    salt: o.salt,
    concurrency: o.concurrency,
    failFast: !o.keepGoing,
    jobTimeoutMs: 0,
    targets,
    download: o.download,
    ...(o.outDir === undefined ? {} : { outDir: resolve(p.workspace, o.outDir) }),
    logReplay: o.logReplay,
    dryRun: false,
    workDir: join(p.workDir, 'run'),
    baseEnv: p.baseEnv,
    digests: 'working-tree',
    workTreeListings: p.workTree,
    signal,
  };
}

async function run(
  graph: Graph,
  o: ActionOptions,
  p: Places,
  cache: Cache,
  env: NodeJS.ProcessEnv,
): Promise<boolean> {
  const { targets, plan } = await ownTargets(graph, o, p);
  const parts = o.shard && o.plan !== undefined ? reportParts(o, p, env, o.plan) : undefined;
  if (o.shard && targets.length === 0) {
    await cache.close();
    const report = emptyReport(p);
    setOutputs(idleOutputs(report));
    await parts?.save(o.shard.index, report);
    return true;
  }
  // The run's cancellation, made here so that the waits for other shards' jobs end with it too.
  const controller = new AbortController();
  const importing =
    o.shard && plan?.exports
      ? pipelinedShard(o, p, env, cache, plan, o.shard.index, controller.signal)
      : undefined;
  const built = await build(graph, o, p, cache, targets, importing, controller);
  if (importing) {
    const names = built.names;
    const dup = importing.duplicated.map((d) => ({ name: names.get(d.key) ?? d.key, why: d.why }));
    if (dup.length > 0) {
      core.info(
        `disbuild: built ${dup.length} job${dup.length === 1 ? '' : 's'} another shard owns: ${dup.map((d) => `${printable(d.name)} (${printable(d.why)})`).join(', ')}`,
      );
    }
    setOutputs({ [Outputs.duplicated]: JSON.stringify(dup) });
  }
  if (o.shard) await parts?.save(o.shard.index, built.reportPath);
  return built.ok;
}

/**
 * A shard of a pipelined plan: jobs other shards own are awaited through the cache (scale/importing-cache.ts);
 * the GitHub cache is the only one shared by the runners of a matrix, so another cache builds them here.
 */
function pipelinedShard(
  o: ActionOptions,
  p: Places,
  env: NodeJS.ProcessEnv,
  cache: Cache,
  plan: ShardPlan,
  shard: number,
  signal: AbortSignal,
): { cache: ImportingCache; duplicated: { key: JobKey; why: string }[] } | undefined {
  if (!(cache instanceof PackCache)) {
    core.warning(
      `disbuild: a pipelined plan's shards share jobs through cache github; with cache ${o.cache} this shard builds the jobs it needs from other shards itself`,
    );
    return undefined;
  }
  // The shards of a matrix share these settings: when this one may not write (or read) the cache, neither may
  // the owners, whose jobs would then never be published nor withdrawn, and every wait would run to its bound.
  const mode = (env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase();
  if (!o.save || ['read', 'none', 'write-only'].includes(mode)) {
    core.warning(
      `disbuild: a pipelined plan's shards share jobs through the cache; with ${o.save ? `ACTIONS_CACHE_MODE=${mode}` : 'save: false'} they cannot, so this shard builds the jobs it needs from other shards itself`,
    );
    return undefined;
  }
  const duplicated: { key: JobKey; why: string }[] = [];
  const run = `${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
  const importing = new ImportingCache(cache, cache.exchange(run), {
    plan,
    shard,
    startedAt: p.startedAt,
    marginSeconds: o.waitMarginSeconds,
    onDuplicate: (key, why) => duplicated.push({ key, why }),
    signal,
  });
  return { cache: importing, duplicated };
}

/** Runs the engine over `targets` and publishes the outcome; answers whether every job succeeded. */
async function build(
  graph: Graph,
  o: ActionOptions,
  p: Places,
  cache: Cache,
  targets: readonly string[],
  importing?: { cache: ImportingCache },
  controller = new AbortController(),
): Promise<{ ok: boolean; reportPath: string; names: Map<JobKey, string> }> {
  const coordinator = openOnFirstClaim(() =>
    SharedCoordinator.open(join(p.runnerTemp, 'disbuild-state'), {
      onWarning: (m) => core.warning(m),
      // A job that prints its environment must not print the coordinator's token into the log.
      onSecret: (secret) => core.setSecret(secret),
      // Jobs write outputs and temp files under the runner temp dir, or into the local cache's own tree.
      publishRoots: [
        p.runnerTemp,
        ...(['local', 'http', 'turbo'].includes(o.cache) ? [p.localCacheDir] : []),
      ],
    }),
  );
  // The runner cancels a step with SIGINT, then SIGTERM: kill the jobs, save nothing partial.
  const onSignal = (): void => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const github = new GithubReporter(process.stdout, o.logReplay);
    // Why each job ran, against the key records of the runner's local cache directory (see the README).
    // With the github cache, also against the records it keeps: a hosted runner's local directory is empty.
    const explainer = new RunExplainer(graph, o.salt, new KeyRecordStore(defaultCacheDir(process.env)));
    const pack = cache instanceof PackCache ? cache : undefined;
    const reasons = new Map<string, string>();
    const names = new Map<JobKey, string>();
    const reporter: Reporter = {
      onEvent: (e) => {
        if (e.type === 'job-start') {
          reasons.set(e.job.name, '');
          // The shard's own jobs against the plan's times: how its waits' bounds are rescaled.
          importing?.cache.jobStarted(e.job.key);
        }
        if (e.type === 'job-end') {
          names.set(e.outcome.key, e.outcome.name);
          importing?.cache.jobEnded(
            e.outcome.key,
            e.outcome.status === 'built' ? e.outcome.durationMs : undefined,
          );
          if (e.outcome.status !== 'built') importing?.cache.notBuilt(e.outcome.key);
        }
        if (e.type === 'job-end' && e.outcome.status === 'built') {
          explainer.recordBuilt(e.outcome.name);
          pack?.stageKeyRecord(e.outcome.name, explainer.current(e.outcome.name));
        }
        github.onEvent(e);
      },
    };
    const result = await runGraph(graph, engineOptions(o, p, targets, controller.signal), {
      cache: importing?.cache ?? cache,
      reporter,
      coordinator,
      onKeyed: explainer.onKeyed,
    });
    if (!result.ok) throw stepError(result.error);
    if (pack) await explainer.preload([...reasons.keys()], (names) => pack.keyRecords(names));
    for (const name of reasons.keys()) reasons.set(name, explainer.reason(name));
    explainer.flush();
    const summary = result.value;
    const reportPath = join(p.runnerTemp, 'disbuild-report.json');
    // Without a cache every job runs for that reason alone: "built before, but the cache no longer has it" would
    // mislead.
    await publish(summary, reportPath, p, o.cache === 'none' ? undefined : reasons);
    if (controller.signal.aborted) throw new StepError('disbuild: cancelled; jobs were stopped');
    const ok = summary.counts.failed + summary.counts.skipped === 0 && summary.outDirFailures === undefined;
    return { ok, reportPath, names };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // Nobody else can join this process's coordinator once the step ends: do not wait for latecomers.
    await coordinator.close({ drain: false });
  }
}

async function makeCache(o: ActionOptions, env: NodeJS.ProcessEnv, p: Places): Promise<Cache> {
  const warn = (m: string): void => core.warning(m);
  switch (o.cache) {
    case 'github': {
      const shard = o.shard ? `-${o.shard.index}of${o.shard.count}` : '';
      return new PackCache({
        store: githubEntryStore({
          scratch: join(p.workDir, 'downloads'),
          ...(o.githubToken === '' ? {} : { listToken: o.githubToken }),
        }),
        keyPrefix: o.keyPrefix,
        scope: cacheScope(env),
        // Unique per run, attempt and shard: entries are immutable, and shards of one run save side by side.
        runPart: `${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}${shard}`,
        save: o.save,
        workDir: join(p.workDir, 'packs'),
        workspace: p.workspace,
        onWarning: warn,
        ...verifyDelayFromEnv(env),
        ...saveRetryPausesFromEnv(env),
      });
    }
    case 'local':
      return lazyLocal(p.localCacheDir, warn);
    case 'http':
    case 'turbo':
      return remoteCache(o, env, p, warn);
    case 'none':
      return new NullCache();
    default:
      return unreachable(o.cache);
  }
}

/**
 * Where this run's cache entries go and which other refs' indexes it reads: a pull request reads its base
 * branch, any other ref the repository's default branch (from the event payload), as the service allows.
 */
export function cacheScope(env: NodeJS.ProcessEnv): { ref: string; readRefs: string[] } {
  const ref = env.GITHUB_REF ?? 'refs/heads/local';
  const reads: string[] = [];
  if (env.GITHUB_BASE_REF) reads.push(`refs/heads/${env.GITHUB_BASE_REF}`);
  const defaultBranch = readDefaultBranch(env.GITHUB_EVENT_PATH);
  if (defaultBranch) reads.push(`refs/heads/${defaultBranch}`);
  return { ref, readRefs: [...new Set(reads)].filter((r) => r !== ref) };
}

function readDefaultBranch(eventPath: string | undefined): string | undefined {
  if (!eventPath) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as {
      repository?: { default_branch?: unknown };
    };
    const b = event.repository?.default_branch;
    return typeof b === 'string' && b !== '' ? b : undefined;
  } catch {
    return undefined;
  }
}

/** The runner's local cache in front of the team's cache server; `save: false` makes it read-only. */
async function remoteCache(
  o: ActionOptions,
  env: NodeJS.ProcessEnv,
  p: Places,
  warn: (m: string) => void,
): Promise<Cache> {
  const raw = o.remote ?? { url: '', team: '', token: '' };
  // Masked in every log line the runner prints, on top of our own redaction.
  if (raw.token !== '') core.setSecret(raw.token);
  const remote = parseRemoteCacheOptions(
    { kind: o.cache === 'turbo' ? 'turbo' : 'http', ...raw, mode: o.save ? 'read-write' : 'read' },
    { url: `Input "${Inputs.cacheUrl}"`, mode: `Input "${Inputs.save}"` },
    env,
    'read-write',
  );
  if (!remote.ok) throw new StepError(remote.error);
  const dir = p.localCacheDir;
  const local = await LocalCache.create(dir, { onWarning: warn }).catch((e: unknown): Cache => {
    warn(`disbuild: the local cache at ${dir} is unusable, using the remote cache alone: ${String(e)}`);
    return new NullCache();
  });
  return openTieredCache(local, remote.value, { scratchDir: join(p.workDir, 'uploads'), onWarning: warn });
}

/** LocalCache.create is async and may fail; the first call opens it, and a failure degrades to no cache. */
function lazyLocal(dir: string, warn: (m: string) => void): Cache {
  const opened = LocalCache.create(dir, { onWarning: warn }).catch((e: unknown) => {
    warn(`disbuild: the local cache at ${dir} is unusable, building without it: ${String(e)}`);
    return new NullCache();
  });
  return {
    lookup: async (keys) => (await opened).lookup(keys),
    save: async (key, a) => (await opened).save(key, a),
    close: async () => (await opened).close(),
  };
}
