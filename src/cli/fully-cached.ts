/**
 * A fully cached run answered from a record of the last one, before the engine and the graph are loaded: a run of
 * 200 jobs spends most of its time loading code and reading state (the graph, its validation, the keys' and the
 * lookup's memos) to find again that nothing changed.
 *
 * Exact, not a guess. A run's answer is a function of its code, its arguments, directory and environment, the graph
 * file, the digests of its inputs, and what the local cache holds. The record, written by a run whose every job was
 * cached (and that warned of nothing), holds what vouches for each, and is believed only when all of them still
 * hold:
 * - the code, the arguments, the working directory and the environment: one digest (`_` and `OLDPWD` left out,
 *   which shells change between commands);
 * - the graph file: its stat data, taken before it was read and settled by then (settled-stat.ts);
 * - the digests: every input was answered by git's listings alone (see `fromListingsAlone` in file-digest.ts), so
 *   they are the same when the listings' answers are, byte for byte, the source directory resolves to the same
 *   place and no attributes file stands where git would read one; the record keeps the answers themselves;
 * - the hits: the stat data of the directories holding them (Cache.vouchedHits), and of the lookup memo that
 *   vouched for them (a run without it reads every entry, and finds one damaged in place), and the time until
 *   which their last uses stand (a later run marks them used, for pruning, through the full path);
 * - the cache as the full path finds it (cacheAsRecorded): nothing it would warn about, and nothing left by a
 *   killed run for it to remove;
 * - outputs in place: each job's, found in place against its hit's artifact, are as the full path's check by stat
 *   data found them (verdictNow: the same names in the same directories, the same files by their stat data), or
 *   gone whole, and then written back from the cache as the full path does (fully-cached-put-back.ts);
 * - disbuild.json's tasks (no graph file): the graph kept from their last compile, reused because every file the
 *   compile read has the stat data that vouched for its bytes (KeptVouch); the record checks those stat data and
 *   links again, disbuild.json's stat data stand for the graph file's, and the listings are compared anyway.
 * Anything else (another flag, a missing or foreign record) is a run through the full path, which writes the
 * record anew when it finds everything cached. Only runs with the local cache, that print nothing but their
 * summary and restore nothing, are recorded: a report, `--download all`, `--dry-run`, `--verbose`, `--log-replay
 * all`, outputs in place that had to be put back or were checked otherwise, a job whose artifact holds more than
 * its outputs in place, and a disbuild.json naming a graph file or command all take the full path. On a terminal,
 * the record's answer is the summary alone: the full path draws a status line first, and erases it.
 *
 * The file (one of sixteen slots, by source directory and arguments) is read only when it is a regular file of this user that
 * nobody else may write, and its header carries a digest of its own; the listings' answers that follow it are
 * compared with git's, so damage there is a mismatch. Trouble of any kind costs the shortcut, never the run.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readdirSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPILER_MODULE, compilerIdentity, type KeptVouch } from '../config/compiled-graph-cache.js';
import { CanonicalHasher, compareCodeUnits } from '../ids/canonical.js';
import type { GoneOutputs } from './fully-cached-in-place.js';
import type { GitRun } from '../ids/git-command.js';
import { codeIdentity } from '../util/code-identity.js';
import { DISCARDED } from '../util/discarded.js';
import { isLowOnSpace } from '../util/free-space.js';
import { readOwnBytesIfAny } from '../util/read-own-file.js';
import { realPathOr } from '../util/real-path.js';
import { dirKey, settledMs, statKey } from '../util/settled-stat.js';
import { lstatIfAny, statIfAny } from '../util/stat-if-any.js';
import { writeStateFile } from '../util/state-file.js';

const MAGIC = 'disbuild-fully-cached';
const SELF = fileURLToPath(import.meta.url);
/** Raised whenever what the record holds, or how, changes. */
const FORMAT = 3;

/** What a run was asked to do, and where. */
export interface RunIdentity {
  /** The arguments, the value of `--out-dir` left out (see recordedArgv). */
  argv: readonly string[];
  /** Whether the run has an `--out-dir`: its targets are then placed there. */
  outDir: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  sourceDir: string;
  /** The graph file, absolute: with `config`, disbuild.json. */
  graphFile: string;
  /** Whether the graph is disbuild.json's tasks, compiled (see KeptVouch). */
  config: boolean;
  /** The local cache's directory. */
  cacheDir: string;
}

/** What the full path found, for a record (see recordFullyCached). */
export interface FullyCachedRun {
  /** The graph file's stat data, taken before it was read. */
  graphStat: { stat: Stats; takenAtMs: number };
  /** The listings the digests came from (WorkTreeListings.runs). */
  runs: Promise<GitRun>[];
  /** WorkTreeListings.fromListingsAlone. */
  attributePlaces: string[];
  realDir: string;
  /** Cache.vouchedHits of every job's key. */
  shards: [dir: string, stat: string][];
  memo: [file: string, stat: string];
  freshUntilMs: number;
  /** How many jobs the run had, all cached. */
  jobs: number;
  /** With `--out-dir`: its targets, placed there, and the keys of the other jobs it looked up. */
  outDir?: RecordedOutDir;
  /** Of a run of disbuild.json's tasks: what vouched for the kept compiled graph. */
  compile?: KeptVouch;
  /** Of a run with in-place outputs: every such job's, found as a recorded check left them. */
  inPlace?: RecordedInPlace;
}

/**
 * The in-place outputs of a run: the file of their stat data (OutputStatRecords), and each job's ID with the
 * artifact whose earlier check found them in place (see verdictNow), and its key. With `lookups` (every key the
 * run looked up), outputs gone whole are written back as the full path does (see inPlaceForRecord); without,
 * the full path writes them.
 */
export interface RecordedInPlace {
  records: string;
  verdicts: [label: string, artifact: string, key: string][];
  lookups?: string[];
}

/** A target of a run with `--out-dir`: its job's name, its directory's name in the out dir, and its key. */
export type RecordedTarget = [name: string, dirName: string, key: string];

/**
 * What a run with `--out-dir` placed: its targets (no two with one key), and the keys of the other jobs it looked up
 * with them, so that the record's answer looks up what the full path does (the lookup memo serves lookups of many
 * keys only; a lookup without it reads each entry, and may find what the memo does not).
 */
export interface RecordedOutDir {
  targets: RecordedTarget[];
  otherKeys: string[];
}

/** What a record answers for a run. */
export interface RecordedAnswer {
  /** How many jobs the run has, all cached. */
  jobs: number;
  /** With `--out-dir`: what to place there (fully-cached-out-dir.ts). */
  outDir?: RecordedOutDir;
  /** Jobs whose in-place outputs are gone whole: what to write back (fully-cached-put-back.ts). */
  putBack?: { realDir: string; jobs: GoneOutputs[]; lookups: string[] };
}

interface Header {
  realDir: string;
  graphStat: string;
  /** Each listing's exit code (null: not run) and the UTF-8 length of its answer, which follow the header. */
  runs: [number | null, number][];
  attributePlaces: string[];
  shards: [string, string][];
  /** The lookup memo, and its stat data (statKey). */
  memo: [string, string];
  freshUntilMs: number;
  jobs: number;
  outDir?: RecordedOutDir;
  compile?: KeptVouch;
  inPlace?: RecordedInPlace;
}

/** Environment variables that shells change from one command to the next, and that no run reads. */
const VOLATILE = new Set(['_', 'OLDPWD']);

/**
 * The record's file for a run, under the cache directory: one of sixteen, chosen by what the record vouches for of
 * the run itself, so that runs that alternate (of a few targets and of the whole graph; from a terminal and from
 * an editor, whose environments differ) each keep their own rather than find the other's and write over it.
 */
export function recordFile(cacheDir: string, run: RunIdentity): string {
  return join(cacheDir, 'fully-cached-v1', `slot-${runDigest(run)[0]}`);
}

function identityOf(run: RunIdentity): string {
  return (
    new CanonicalHasher()
      .field('record', `${MAGIC} ${FORMAT}`)
      .field('code', codeIdentity(SELF))
      // The compiler's code too, when another directory than this module's holds it (from source; the bundle's
      // chunks are all beside this one).
      .field(
        'config',
        !run.config ? '' : dirname(COMPILER_MODULE) === dirname(SELF) ? 'beside' : compilerIdentity(),
      )
      .field('run', runDigest(run))
      .hex()
  );
}

/** The run's own part of what the record vouches for: its directories, graph file, arguments and environment. */
function runDigest(run: RunIdentity): string {
  // Once per run: its slot (recordFile) and its identity (identityOf) both stand on it.
  let digest = runDigests.get(run);
  if (digest !== undefined) return digest;
  const h = new CanonicalHasher()
    .field('cwd', run.cwd)
    .field('source', run.sourceDir)
    .field('graph', run.graphFile)
    .count('argv', run.argv.length);
  for (const a of run.argv) h.field('arg', a);
  const env = Object.entries(run.env).filter(([k, v]) => v !== undefined && !VOLATILE.has(k));
  env.sort(([a], [b]) => compareCodeUnits(a, b));
  h.count('env', env.length);
  for (const [k, v] of env) h.field('name', k).field('value', v!);
  digest = h.hex();
  runDigests.set(run, digest);
  return digest;
}
const runDigests = new WeakMap<RunIdentity, string>();

function headerDigest(header: Buffer): string {
  return createHash('sha256').update(header).digest('hex');
}

/**
 * The run's answer when the record in `file` vouches for it (see above); undefined when it does not, and the run
 * takes the full path. `runs`: workTreeCommands started for this run.
 */
export async function answeredByRecord(
  file: string,
  run: RunIdentity,
  runs: Promise<GitRun>[],
): Promise<RecordedAnswer | undefined> {
  try {
    return await checkRecord(file, run, runs);
  } catch {
    // A record of the wrong shape, a directory that cannot be looked into: the full path answers.
    return undefined;
  }
}

async function checkRecord(
  file: string,
  run: RunIdentity,
  runs: Promise<GitRun>[],
): Promise<RecordedAnswer | undefined> {
  const bytes = readOwnBytesIfAny(file);
  if (bytes === undefined) return undefined;
  const lineEnd = bytes.indexOf(0x0a);
  if (lineEnd < 0) return undefined;
  const [magic, format, identity, digest, length] = bytes.toString('latin1', 0, lineEnd).split(' ');
  if (magic !== MAGIC || format !== String(FORMAT) || identity !== identityOf(run)) return undefined;
  const headerEnd = lineEnd + 1 + Number(length);
  if (!Number.isSafeInteger(headerEnd) || headerEnd > bytes.length) return undefined;
  const headerBytes = bytes.subarray(lineEnd + 1, headerEnd);
  if (headerDigest(headerBytes) !== digest) return undefined;
  let header: Header;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as Header;
  } catch {
    return undefined;
  }
  // The cheap checks first, while git lists the work tree.
  if (!(Date.now() < header.freshUntilMs)) return undefined;
  if (!cacheAsRecorded(run.cacheDir)) return undefined;
  if (statKey(statIfAny(run.graphFile)) !== header.graphStat) return undefined;
  if (realPathOr(run.sourceDir) !== header.realDir) return undefined;
  for (const [dir, stat] of header.shards) {
    if (dirKey(lstatIfAny(dir)) !== stat) return undefined;
  }
  // The memo is only ever replaced whole (a rename): another memo is another inode.
  if (statKey(lstatIfAny(header.memo[0])) !== header.memo[1]) return undefined;
  if (header.attributePlaces.some((f) => existsSync(f))) return undefined;
  if ((header.compile !== undefined) !== run.config) return undefined;
  let gone: GoneOutputs[] | undefined;
  if (header.compile !== undefined || header.inPlace !== undefined) {
    const { compileAsRecorded, outputsAsRecorded } = await import('./fully-cached-in-place.js');
    if (header.compile !== undefined && !compileAsRecorded(run.sourceDir, header.compile)) return undefined;
    if (header.inPlace !== undefined) {
      gone = outputsAsRecorded(header.realDir, header.inPlace);
      if (gone === undefined || (gone.length > 0 && header.inPlace.lookups === undefined)) return undefined;
    }
  }
  const answers = await Promise.all(runs);
  if (answers.length !== header.runs.length) return undefined;
  let at = headerEnd;
  for (let i = 0; i < answers.length; i++) {
    const [code, size] = header.runs[i]!;
    if ((answers[i]!.code ?? null) !== code || at + size > bytes.length) return undefined;
    if (bytes.toString('utf8', at, at + size) !== answers[i]!.out) return undefined;
    at += size;
  }
  if (at !== bytes.length || !Number.isSafeInteger(header.jobs)) return undefined;
  if ((header.outDir !== undefined) !== run.outDir) return undefined;
  return {
    jobs: header.jobs,
    ...(header.outDir ? { outDir: header.outDir } : {}),
    ...(gone?.length
      ? { putBack: { realDir: header.realDir, jobs: gone, lookups: header.inPlace!.lookups! } }
      : {}),
  };
}

/**
 * Whether the full path would find the local cache in `cacheDir` as the run that wrote the record did, and keep its
 * run's files there without a word: the cache's directories are there (a file in place of one makes the run go
 * without the cache), the runs' directory is one this process may write, the disk is not short of space (both
 * would be warned of; see LocalState's newRunDir), and no scratch directory is left in `runs` or `v1/tmp` (a run
 * removes those of dead processes; a live one's is another run under way), but for one moved aside to be removed.
 */
function cacheAsRecorded(cacheDir: string): boolean {
  // Directories of their own: one that is a symbolic link makes the full path go without the cache (LocalCache).
  for (const dir of ['v1', 'v1/entries', 'v1/tmp', 'runs']) {
    if (lstatIfAny(join(cacheDir, dir))?.isDirectory() !== true) return false;
  }
  try {
    accessSync(join(cacheDir, 'runs'), constants.W_OK);
    // A run's directory being removed after it (discardDir) is none: it was moved aside, and goes either way.
    if (
      readdirSync(join(cacheDir, 'runs')).some((n) => !n.includes(DISCARDED)) ||
      readdirSync(join(cacheDir, 'v1/tmp')).length > 0
    )
      return false;
  } catch {
    return false;
  }
  return !isLowOnSpace(cacheDir);
}

/** Writes the record of a fully cached run (see above); nothing when the graph file's stat data vouch for nothing. */
export async function recordFullyCached(
  file: string,
  run: RunIdentity,
  found: FullyCachedRun,
): Promise<void> {
  const graphStat = statKey(found.graphStat.stat);
  if (graphStat === undefined || !settledMs(found.graphStat.stat, found.graphStat.takenAtMs)) return;
  // A variable the record leaves out of the environment it vouches for, but whose value is in the graph.
  if (found.compile?.env.some((n) => VOLATILE.has(n))) return;
  const answers = await Promise.all(found.runs);
  const outputs = answers.map((a) => Buffer.from(a.out, 'utf8'));
  const header: Header = {
    realDir: found.realDir,
    graphStat,
    runs: answers.map((a, i) => [a.code ?? null, outputs[i]!.length]),
    attributePlaces: found.attributePlaces,
    shards: found.shards,
    memo: found.memo,
    freshUntilMs: found.freshUntilMs,
    jobs: found.jobs,
    ...(found.outDir ? { outDir: found.outDir } : {}),
    ...(found.compile ? { compile: found.compile } : {}),
    ...(found.inPlace ? { inPlace: found.inPlace } : {}),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const line = `${MAGIC} ${FORMAT} ${identityOf(run)} ${headerDigest(headerBytes)} ${headerBytes.length}\n`;
  writeStateFile(file, Buffer.concat([Buffer.from(line, 'latin1'), headerBytes, ...outputs]));
}
