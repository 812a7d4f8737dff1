import { availableParallelism } from 'node:os';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';

/** Input names, mirroring action.yml. */
export const Inputs = {
  graph: 'graph',
  graphCommand: 'graph-command',
  sourceDir: 'source-dir',
  targets: 'targets',
  cache: 'cache',
  cacheUrl: 'cache-url',
  cacheTeam: 'cache-team',
  cacheToken: 'cache-token',
  keyPrefix: 'key-prefix',
  salt: 'salt',
  concurrency: 'concurrency',
  keepGoing: 'keep-going',
  save: 'save',
  download: 'download',
  outDir: 'out-dir',
  shard: 'shard',
  mode: 'mode',
  plan: 'plan',
  runnerStartup: 'runner-startup',
  maxShards: 'max-shards',
  planMode: 'plan-mode',
  publishLatency: 'publish-latency',
  waitMargin: 'wait-margin',
  logReplay: 'log-replay',
  githubToken: 'github-token',
  shardsResult: 'shards-result',
} as const;

export type CacheKind = 'github' | 'local' | 'none' | 'http' | 'turbo';

/** Every input, parsed once and checked. */
export interface ActionOptions {
  /** `config`: neither input is set, so the graph is what disbuild.json in the source dir describes. */
  graph: { kind: 'file'; path: string } | { kind: 'command'; command: string } | { kind: 'config' };
  sourceDir: string;
  targets: string[];
  cache: CacheKind;
  /** With cache http or turbo: the server, as given (checked when the cache is opened). */
  remote?: { url: string; team: string; token: string };
  keyPrefix: string;
  salt: string;
  concurrency: number;
  keepGoing: boolean;
  save: boolean;
  download: 'minimal' | 'all';
  outDir?: string;
  shard?: { index: number; count: number };
  mode: 'run' | 'plan' | 'aggregate';
  /** The plan mode's `plan` output, for shards and the aggregate step. */
  plan?: string;
  /** What starting a runner costs, in seconds: plan mode adds a shard only when it saves more than that. */
  runnerStartupSeconds: number;
  maxShards: number;
  /** How plan mode splits the work: a trunk built first, or shards that hand jobs to each other. */
  planMode: 'auto' | 'trunk' | 'pipelined';
  /** Pipelined plans: seconds from one shard building a job to another having it, as the planner weighs it. */
  publishLatencySeconds: number;
  /** Pipelined shards: seconds a shard waits for another's job beyond twice its planned time, then builds it. */
  waitMarginSeconds: number;
  logReplay: 'failed' | 'all' | 'none';
  /** Lists the cache's index entries when it has `actions: read`; empty: no listing. */
  githubToken: string;
  /**
   * `mode: aggregate`: the shards' result as the workflow knows it (`needs.<job>.result`), for a run whose parts
   * could not leave reports (a token that may not write the cache); undefined when not given.
   */
  shardsResult?: 'success' | 'failure' | 'cancelled' | 'skipped';
}

const quote = (v: string): string => JSON.stringify(v);

function choice<T extends string>(
  name: string,
  value: string,
  choices: readonly T[],
  fallback: T,
): Result<T, string> {
  if (value === '') return ok(fallback);
  if ((choices as readonly string[]).includes(value)) return ok(value as T);
  return err(`Input "${name}" must be one of ${choices.join(', ')}, got ${quote(value)}`);
}

function bool(name: string, value: string, fallback: boolean): Result<boolean, string> {
  if (value === '') return ok(fallback);
  if (/^(true|yes|1)$/i.test(value)) return ok(true);
  if (/^(false|no|0)$/i.test(value)) return ok(false);
  return err(`Input "${name}" must be true or false, got ${quote(value)}`);
}

/** A whole number ≥ 1 (≥ 0 with `zero`). */
function positive(
  name: string,
  value: string,
  fallback: number,
  zero = false,
  max = Number.MAX_SAFE_INTEGER,
): Result<number, string> {
  if (value === '') return ok(fallback);
  if (!(zero ? /^[0-9]+$/.test(value) : /^[1-9][0-9]*$/.test(value)))
    return err(
      `Input "${name}" must be a ${zero ? 'non-negative' : 'positive'} integer, got ${quote(value)}`,
    );
  if (Number(value) > max) return err(`Input "${name}" must be at most ${max}, got ${quote(value)}`);
  return ok(Number(value));
}

/** GitHub's matrix runs at most this many jobs: more shards could never all start. */
export const MAX_SHARDS = 256;
/** Bounds of inputs given in seconds (a day; an hour): a wait of weeks is a typo, and timers stop at 24.8 days. */
const MAX_WAIT_SECONDS = 86_400;
const MAX_LATENCY_SECONDS = 3_600;

/** `i/n` with 1 ≤ i ≤ n. */
export function parseShard(value: string): Result<{ index: number; count: number } | undefined, string> {
  if (value === '') return ok(undefined);
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || index < 1 || count < 1 || index > count) {
    return err(`Input "shard" must look like i/n with 1 <= i <= n, got ${quote(value)}`);
  }
  if (count > MAX_SHARDS)
    return err(`Input "shard" must have at most ${MAX_SHARDS} shards, got ${quote(value)}`);
  return ok({ index, count });
}

/** Parses every input; answers all problems at once, each naming the input and quoting the value. */
export function parseActionInputs(get: (name: string) => string): Result<ActionOptions, string[]> {
  const problems: string[] = [];
  const take = <T>(r: Result<T, string>, fallback: T): T => {
    if (r.ok) return r.value;
    problems.push(r.error);
    return fallback;
  };
  const graphPath = get(Inputs.graph);
  const graphCommand = get(Inputs.graphCommand);
  const mode = take(
    choice(Inputs.mode, get(Inputs.mode), ['run', 'plan', 'aggregate'] as const, 'run'),
    'run',
  );
  if (graphPath !== '' && graphCommand !== '')
    problems.push('Inputs "graph" and "graph-command" exclude each other; set one');
  const cache = take(
    choice(Inputs.cache, get(Inputs.cache), ['github', 'local', 'none', 'http', 'turbo'] as const, 'github'),
    'github',
  );
  const remote =
    cache === 'http' || cache === 'turbo'
      ? { url: get(Inputs.cacheUrl), team: get(Inputs.cacheTeam), token: get(Inputs.cacheToken) }
      : undefined;
  if (remote && remote.url === '') problems.push(`Input "cache-url" is required with cache ${cache}, got ""`);
  const concurrency = take(positive(Inputs.concurrency, get(Inputs.concurrency), availableParallelism()), 1);
  const runnerStartupSeconds = take(
    positive(Inputs.runnerStartup, get(Inputs.runnerStartup), 30, true, MAX_LATENCY_SECONDS),
    30,
  );
  const maxShards = take(positive(Inputs.maxShards, get(Inputs.maxShards), 16, false, MAX_SHARDS), 16);
  const outDir = get(Inputs.outDir);
  const plan = get(Inputs.plan);
  if (mode === 'aggregate' && plan === '')
    problems.push('Input "plan" is required with mode aggregate (the plan step\'s "plan" output), got ""');
  const shard = take(parseShard(get(Inputs.shard)), undefined);
  // A shard's plan without its shard: every leg of the matrix would build the whole graph.
  if (mode === 'run' && plan !== '' && shard === undefined && get(Inputs.shard) === '')
    problems.push('Input "plan" needs "shard" in mode run (shard: ${{ matrix.shard }}), got shard ""');
  const given = get(Inputs.shardsResult);
  const shardsResult =
    given === ''
      ? undefined
      : take(
          choice(
            Inputs.shardsResult,
            given,
            ['success', 'failure', 'cancelled', 'skipped'] as const,
            'failure',
          ),
          undefined,
        );
  const options: ActionOptions = {
    graph:
      graphCommand !== ''
        ? { kind: 'command', command: graphCommand }
        : graphPath !== ''
          ? { kind: 'file', path: graphPath }
          : { kind: 'config' },
    sourceDir: get(Inputs.sourceDir) || '.',
    targets: get(Inputs.targets)
      .split(/[,\n]/)
      .map((t) => t.trim())
      .filter(Boolean),
    cache,
    ...(remote ? { remote } : {}),
    keyPrefix: get(Inputs.keyPrefix) || 'disbuild-v1',
    salt: get(Inputs.salt),
    concurrency,
    keepGoing: take(bool(Inputs.keepGoing, get(Inputs.keepGoing), true), true),
    save: take(bool(Inputs.save, get(Inputs.save), true), true),
    download: take(
      choice(Inputs.download, get(Inputs.download), ['minimal', 'all'] as const, 'minimal'),
      'minimal',
    ),
    ...(outDir === '' ? {} : { outDir }),
    ...(shard ? { shard } : {}),
    mode,
    ...(plan === '' ? {} : { plan }),
    runnerStartupSeconds,
    maxShards,
    planMode: take(
      choice(Inputs.planMode, get(Inputs.planMode), ['auto', 'trunk', 'pipelined'] as const, 'auto'),
      'auto',
    ),
    publishLatencySeconds: take(
      positive(Inputs.publishLatency, get(Inputs.publishLatency), 15, true, MAX_LATENCY_SECONDS),
      15,
    ),
    waitMarginSeconds: take(
      positive(Inputs.waitMargin, get(Inputs.waitMargin), 60, true, MAX_WAIT_SECONDS),
      60,
    ),
    logReplay: take(
      choice(Inputs.logReplay, get(Inputs.logReplay), ['failed', 'all', 'none'] as const, 'failed'),
      'failed',
    ),
    githubToken: get(Inputs.githubToken),
    ...(shardsResult === undefined ? {} : { shardsResult }),
  };
  if (options.keyPrefix.length > 200 || options.keyPrefix.includes(',')) {
    problems.push(
      `Input "key-prefix" must be at most 200 characters without commas, got ${quote(options.keyPrefix)}`,
    );
  }
  return problems.length > 0 ? err(problems) : ok(options);
}

/**
 * Warnings for a remote cache's settings given without one (`cache` neither http nor turbo): most often a
 * workflow that meant to share artifacts and does not; but also one that sets them always and picks `cache` per
 * leg or per event (a fork's pull request, which gets no secrets, falling back on github), so not refused.
 */
export function ignoredRemoteInputs(get: (name: string) => string, cache: ActionOptions['cache']): string[] {
  if (cache === 'http' || cache === 'turbo') return [];
  return [Inputs.cacheUrl, Inputs.cacheTeam, Inputs.cacheToken]
    .filter((name) => get(name) !== '')
    .map(
      (name) =>
        `Input "${name}" is set, but "cache" is ${cache}: it is not used (cache: http or turbo uses it)`,
    );
}

/**
 * The salt the Action folds into every key: the runner's OS and architecture, then the `salt` input, so that a
 * macOS leg of a matrix is never served a Linux leg's outputs. `RUNNER_OS`/`RUNNER_ARCH` never hold a `/`.
 */
export function platformSalt(salt: string, env: NodeJS.ProcessEnv): string {
  const platform = `${env.RUNNER_OS ?? process.platform}/${env.RUNNER_ARCH ?? process.arch}`;
  return salt === '' ? platform : `${platform}/${salt}`;
}
