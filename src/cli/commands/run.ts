import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { startWorkTreeCommands } from '../../ids/work-tree-commands.js';
import { summaryLine } from '../../report/summary-line.js';
import { defaultCacheDir } from '../../run-env/cache-dir.js';
import { parseChoice, parseCommandArgs, parsePositiveInt } from '../args.js';
import { answeredByRecord, recordFile, type RunIdentity } from '../fully-cached.js';
import type { CliIo, Command } from '../io.js';
import { EXIT } from '../io.js';

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
  const startedAt = Date.now();
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

  const sourceDir = resolve(io.cwd, v['source-dir'] ?? '.');
  // git stats the work tree on another core while the rest starts. Without --graph, the compile of disbuild.json
  // takes the untracked files from the same call.
  const listingsStartedAt = Date.now();
  const listings = startWorkTreeCommands(sourceDir, v.graph === undefined);
  // A run whose answer a record of the last one vouches for (src/cli/fully-cached.ts): only one that prints
  // nothing but its summary and restores nothing.
  const recordable =
    cacheKind.value === 'local' &&
    v.report === undefined &&
    download.value === 'minimal' &&
    logReplay.value !== 'all' &&
    !v['dry-run'] &&
    !v.verbose;
  const cacheDir = v['cache-dir'] === undefined ? defaultCacheDir(io.env) : resolve(io.cwd, v['cache-dir']);
  const identity: RunIdentity | undefined = recordable
    ? {
        argv: recordedArgv(argv, parsed.value.tokens),
        outDir: v['out-dir'] !== undefined,
        cwd: io.cwd,
        env: io.env,
        sourceDir,
        // Not config-file.ts's name for it: that module loads a JSON parser a recorded run never needs.
        graphFile: v.graph === undefined ? join(sourceDir, 'disbuild.json') : resolve(io.cwd, v.graph),
        config: v.graph === undefined,
        cacheDir,
      }
    : undefined;
  const record = identity && { file: recordFile(cacheDir, identity), identity };
  let warnings: string[] = [];
  if (record) {
    const answer = await answeredByRecord(record.file, record.identity, listings);
    const failed = { ok: false as const, warnings: [] };
    const placed =
      answer?.outDir !== undefined
        ? await (
            await import('../fully-cached-out-dir.js')
          )
            .placeRecordedTargets(cacheDir, resolve(io.cwd, v['out-dir']!), answer.outDir)
            .catch(() => failed)
        : answer?.putBack !== undefined
          ? await (
              await import('../fully-cached-put-back.js')
            )
              .putBackRecorded(cacheDir, answer.putBack)
              .catch(() => failed)
          : { ok: true as const };
    if (answer !== undefined && placed.ok) {
      io.stdout.write(
        summaryLine({ cached: answer.jobs, built: 0, failed: 0, skipped: 0 }, Date.now() - startedAt),
      );
      return EXIT.ok;
    }
    if (!placed.ok) warnings = placed.warnings;
  }
  return (await import('./run-graph.js')).runGraphCommand(io, {
    values: v,
    positionals: parsed.value.positionals,
    jobs: jobs.value,
    timeoutSeconds: timeout.value,
    cacheKind: cacheKind.value,
    download: download.value,
    logReplay: logReplay.value,
    sourceDir,
    listings,
    listingsStartedAt,
    ...(record ? { record } : {}),
    warnings,
  });
};

/**
 * The arguments as a record knows them (fully-cached.ts): the value of `--out-dir` left out, as where the targets
 * are placed changes nothing a record vouches for, so that runs into a new directory each time share one.
 */
function recordedArgv(
  argv: readonly string[],
  tokens: Extract<ReturnType<typeof parseCommandArgs<typeof flags>>, { ok: true }>['value']['tokens'],
): string[] {
  const out = [...argv];
  for (const t of tokens) {
    if (t.kind !== 'option' || t.name !== 'out-dir') continue;
    if (t.inlineValue) out[t.index] = '--out-dir=';
    else out[t.index + 1] = '';
  }
  return out;
}

/** What `disbuild run` was asked, parsed and checked, for the full path (run-graph.ts). */
export interface RunRequest {
  values: RunValues;
  positionals: string[];
  jobs: number;
  timeoutSeconds: number;
  cacheKind: 'local' | 'none' | 'http' | 'turbo';
  download: 'minimal' | 'all';
  logReplay: 'failed' | 'all' | 'none';
  sourceDir: string;
  /** workTreeCommands, started at `listingsStartedAt`. */
  listings: ReturnType<typeof startWorkTreeCommands>;
  listingsStartedAt: number;
  /** Where a fully cached run of this request is recorded, when it may be (see fully-cached.ts). */
  record?: { file: string; identity: RunIdentity };
  /** What the record's answer ran into, for the full path to say (see fully-cached-out-dir.ts). */
  warnings: string[];
}

type RunValues = Extract<ReturnType<typeof parseCommandArgs<typeof flags>>, { ok: true }>['value']['values'];

export function usageError(io: CliIo, message: string): number {
  io.stderr.write(`disbuild run: ${message}\nRun 'disbuild run --help' for usage.\n`);
  return EXIT.usage;
}
