import * as core from '@actions/core';
import { exec } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir, availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Cache } from '../cache/cache.js';
import { githubEntryStore } from '../cache/github-actions-cache.js';
import { LocalCache } from '../cache/local-cache.js';
import { NullCache } from '../cache/null-cache.js';
import { PackCache } from '../cache/packs/pack-cache.js';
import { baseEnvironment } from '../cli/commands/run.js';
import { defaultCacheDir } from '../cli/local-state.js';
import { SharedCoordinator } from '../coordinator/shared-coordinator.js';
import { runGraph } from '../engine.js';
import type { Graph, GraphProblem } from '../graph/model.js';
import { formatProblem } from '../graph/model.js';
import { loadGraphFile, parseGraphText } from '../graph/parse.js';
import { keyGraph } from '../ids/job-key.js';
import { annotateFailures, GithubReporter, writeStepSummary } from '../report/github-reporter.js';
import { writeJsonReport } from '../report/json-report.js';
import type { Result } from '../util/result.js';
import { err } from '../util/result.js';
import { type ActionOptions, parseActionInputs } from './inputs.js';

const sh = promisify(exec);

/** A failure of the step itself (bad inputs, invalid graph), as opposed to failed jobs. */
export class StepError extends Error {}

/**
 * The Action's main step: inputs → graph → cache → engine → outputs, summary and annotations.
 * Throws StepError for problems the user must fix; returns whether every job succeeded.
 */
export async function runMain(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const parsed = parseActionInputs((name) => core.getInput(name));
  if (!parsed.ok) throw new StepError(parsed.error.join('\n'));
  const o = parsed.value;
  const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  // The cache service stores entries relative to the workspace; transfers use paths relative to it.
  process.chdir(workspace);
  const sourceDir = resolve(workspace, o.sourceDir);
  const graph = await loadGraph(o, workspace, sourceDir);
  if (!graph.ok) throw new StepError(graph.error.map(formatProblem).join('\n'));
  const runnerTemp = env.RUNNER_TEMP ?? tmpdir();
  const workDir = join(runnerTemp, `disbuild-${process.pid}-${randomBytes(4).toString('hex')}`);
  const reporter = new GithubReporter(process.stdout, o.logReplay);
  const cache = makeCache(o, env, workspace, workDir, (m) => core.warning(m));

  if (o.mode === 'plan') return plan(graph.value, o, sourceDir, cache);
  let targets = o.targets;
  if (o.shard) {
    const mine = await shardTargets(graph.value, o, sourceDir);
    if (!mine.ok) throw new StepError(mine.error.map(formatProblem).join('\n'));
    if (mine.value.length === 0) {
      core.info(`disbuild: shard ${o.shard.index}/${o.shard.count} has no jobs`);
      for (const k of ['cached', 'built', 'failed', 'skipped'] as const) core.setOutput(k, '0');
      core.setOutput('failed-jobs', '[]');
      return true;
    }
    targets = mine.value;
  }
  const coordinator = await SharedCoordinator.open(join(runnerTemp, 'disbuild-state'), {
    onWarning: (m) => core.warning(m),
  });
  try {
    const result = await runGraph(
      graph.value,
      {
        sourceDir,
        salt: o.salt,
        concurrency: o.concurrency,
        failFast: !o.keepGoing,
        jobTimeoutMs: 0,
        targets,
        download: o.download,
        ...(o.outDir === undefined ? {} : { outDir: resolve(workspace, o.outDir) }),
        logReplay: o.logReplay,
        dryRun: false,
        workDir: join(workDir, 'run'),
        baseEnv: baseEnvironment(env),
        digests: 'working-tree',
      },
      { cache, reporter, coordinator },
    );
    if (!result.ok) throw new StepError(result.error.map(formatProblem).join('\n'));
    const summary = result.value;
    const reportPath = join(runnerTemp, 'disbuild-report.json');
    await writeJsonReport(reportPath, summary);
    core.setOutput(
      'failed-jobs',
      JSON.stringify(summary.jobs.filter((j) => j.status === 'failed').map((j) => j.name)),
    );
    for (const k of ['cached', 'built', 'failed', 'skipped'] as const)
      core.setOutput(k, String(summary.counts[k]));
    core.setOutput('report', reportPath);
    await writeStepSummary(summary);
    annotateFailures(summary, sourceDir, workspace);
    return summary.counts.failed + summary.counts.skipped === 0;
  } finally {
    await coordinator.close();
  }
}

async function loadGraph(
  o: ActionOptions,
  workspace: string,
  sourceDir: string,
): Promise<Result<Graph, GraphProblem[]>> {
  if (o.graph.kind === 'file') {
    const r = await loadGraphFile(resolve(workspace, o.graph.path), sourceDir);
    if (!r.ok && r.error.some((p) => p.message.startsWith('cannot read graph file'))) {
      return err([
        { message: `Input "graph": cannot read ${JSON.stringify(o.graph.path)} (${r.error[0]!.message})` },
      ]);
    }
    return r;
  }
  try {
    const { stdout } = await sh(o.graph.command, { cwd: sourceDir, maxBuffer: 1 << 30 });
    return parseGraphText(stdout);
  } catch (e) {
    return err([
      {
        message: `Input "graph-command": ${JSON.stringify(o.graph.command)} failed: ${(e as Error).message.split('\n')[0]}`,
      },
    ]);
  }
}

function makeCache(
  o: ActionOptions,
  env: NodeJS.ProcessEnv,
  workspace: string,
  workDir: string,
  warn: (m: string) => void,
): Cache {
  switch (o.cache) {
    case 'github':
      return new PackCache({
        store: githubEntryStore(),
        keyPrefix: o.keyPrefix,
        runStamp: `${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${o.shard ? `${o.shard.index}of${o.shard.count}-` : ''}${Date.now()}`,
        save: o.save,
        workDir: join(workDir, 'packs'),
        workspace,
        onWarning: warn,
      });
    case 'local':
      return lazyLocal(defaultCacheDir(env), warn);
    case 'none':
      return new NullCache();
  }
}

/** LocalCache.create is async; the Action builds its cache synchronously, so the first call opens it. */
function lazyLocal(dir: string, warn: (m: string) => void): Cache {
  const opened = LocalCache.create(dir, { onWarning: warn });
  return {
    lookup: async (keys) => (await opened).lookup(keys),
    save: async (key, a) => (await opened).save(key, a),
    close: async () => (await opened).close(),
  };
}

/** Plan mode: keys and lookups only; the missed work as a matrix of shards. */
async function plan(graph: Graph, o: ActionOptions, sourceDir: string, cache: Cache): Promise<boolean> {
  const keys = await keyGraph(graph, sourceDir, o.salt);
  if (!keys.ok) throw new StepError(keys.error.map(formatProblem).join('\n'));
  const hits = await cache.lookup([...new Set(keys.value.values())]);
  const missed = graph.jobs.filter((j) => !hits.has(keys.value.get(j.label)!)).length;
  const n = Math.max(1, Math.min(16, Math.ceil(missed / 50), availableParallelism() * 8));
  core.setOutput('matrix', JSON.stringify({ shard: Array.from({ length: n }, (_, i) => `${i + 1}/${n}`) }));
  for (const k of ['cached', 'built', 'failed', 'skipped'] as const)
    core.setOutput(k, k === 'cached' ? String(graph.jobs.length - missed) : '0');
  core.info(
    `disbuild plan: ${missed} of ${graph.jobs.length} jobs to build, in ${n} shard${n === 1 ? '' : 's'}`,
  );
  return true;
}

/**
 * A shard's targets: the jobs whose key hashes to it. Dependencies still build (or restore) where needed, so a
 * shard that finds a dependency already saved by another shard reuses it.
 */
async function shardTargets(
  graph: Graph,
  o: ActionOptions,
  sourceDir: string,
): Promise<Result<string[], GraphProblem[]>> {
  const keys = await keyGraph(graph, sourceDir, o.salt);
  if (!keys.ok) return keys;
  const { index, count } = o.shard!;
  const mine = graph.jobs.filter((j) => {
    const h = createHash('sha1').update(keys.value.get(j.label)!).digest().readUInt32BE(0);
    return h % count === index - 1;
  });
  const wanted = new Set(o.targets);
  const labels = mine.filter((j) => wanted.size === 0 || wanted.has(j.name)).map((j) => j.label);
  return { ok: true, value: labels };
}
