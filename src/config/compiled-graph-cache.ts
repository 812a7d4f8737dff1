/**
 * The compiled graph of the last run, kept so that a run whose configuration and repository did not change skips
 * the compile (reading every package.json, matching globs over every file, resolving dependencies).
 *
 * Exact, not a guess: a kept graph is reused only when everything the compile reads is what it was — the tasks of
 * disbuild.json, the values of the variables the tasks' `env` names, the compiler itself (the files of this module's
 * directory, their sizes and times, and a format number), the repository's file list (tracked less deleted, plus untracked not
 * ignored: so `.gitignore`, `info/exclude` and `core.excludesFile` count through what they hide), whether each
 * symbolic link in that list leads to a directory (which is no input), and the bytes of every package.json and of
 * pnpm-workspace.yaml in that list.
 *
 * Those bytes are vouched for by stat data, as git's index does for its work tree: beside the hash of the bytes,
 * the file keeps each read file's device, inode, size, mode, mtime and ctime (Node's milliseconds, precise enough:
 * see OutputStatRecords), taken before its bytes were read, and only for a file that had last changed at least
 * SETTLED_MS before: a write in the same tick of the file system's clock as the stat data (same size, same times)
 * is never believed unchanged. A file whose stat data is not all as recorded (or was not recorded) makes the check
 * read and hash the bytes, as the compile would.
 *
 * Everything but the file list can be checked before git has listed the files: the caller does that while git
 * works (see compileConfig).
 *
 * Deals with: the digests, the stat data, reading and writing the cache file. Does not deal with: compiling
 * (compile.ts).
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, type Stats } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DisbuildConfig, TaskSpec } from './config-file.js';
import type { ListedLink } from './repo-files.js';
import { compareCodeUnits } from '../ids/canonical.js';
import { codeIdentity } from '../util/code-identity.js';
import { readOwnFile } from '../util/read-own-file.js';
import { settledMs, statKey } from '../util/settled-stat.js';
import { lstatIfAny } from '../util/stat-if-any.js';
import { writeStateFile } from '../util/state-file.js';
import type { ManifestTexts } from './workspace-prefetch.js';

/** Raised whenever the compiled graph's meaning changes in a way the code's file identity might not show. */
const FORMAT = 3;

/** What the cache file says about the graph it keeps (its first line). */
export interface KeptHeader {
  /** The compiler, the tasks and the variables' values (configDigest). */
  config: string;
  /** The repository's file list (fileListDigest). */
  files: string;
  /** The bytes of the files the compile read (ReadFiles.digest), and how many there were. */
  reads: string;
  readCount: number;
  /** Of those files, the ones whose stat data vouches for their bytes: their stat data (statKey), by path. */
  stats: Record<string, string>;
  /** The listed symbolic links, each with what it led to, its text and where (see withoutDirectories). */
  links: ListedLink[];
}

/** A kept graph whose configuration is the current one. */
export interface KeptGraph {
  header: KeptHeader;
  /** The graph's JSON. */
  text: string;
  /** Whether every file the compile read has its recorded stat data: its bytes are the ones hashed then. */
  readsUnchanged: boolean;
}

/**
 * What a graph reused from the kept one stood on beyond the listings' answers, when the stat data of every file the
 * compile reads vouched for its bytes: the record of a fully cached run checks these again (see fully-cached.ts)
 * instead of loading the compiler's checks. `indexLinks` and `untracked` are what linksAsListed was given.
 */
export interface KeptVouch {
  stats: Record<string, string>;
  links: ListedLink[];
  indexLinks: readonly string[] | undefined;
  untracked: readonly string[] | undefined;
  /** The variables the tasks' `env` names (see envNames). */
  env: readonly string[];
}

/** The files of `files` whose bytes the compile may read: every package.json, and pnpm's workspace file. */
export function readByCompile(files: readonly string[]): string[] {
  return files.filter(isReadByCompile);
}

export function isReadByCompile(f: string): boolean {
  return f === 'package.json' || f === 'pnpm-workspace.yaml' || f.endsWith('/package.json');
}

/** This module's file: in the bundle, the chunk it is in. */
export const COMPILER_MODULE = fileURLToPath(import.meta.url);

/** The compiler's identity (see codeIdentity): this module's file and every file beside it. */
export function compilerIdentity(self: string = COMPILER_MODULE): string {
  return codeIdentity(self);
}

/** The hash of the compile's inputs that are known before the files are listed: compiler, tasks, variables. */
export function configDigest(
  config: DisbuildConfig & { tasks: ReadonlyMap<string, TaskSpec> },
  env: NodeJS.ProcessEnv,
): string {
  const h = createHash('sha256');
  h.update(`disbuild-compiled-graph\0${FORMAT}\0${compilerIdentity()}\0`);
  h.update(JSON.stringify([...config.tasks]));
  h.update('\0env\0');
  // Set and unset differ (an unset variable is left out of the command's environment).
  for (const n of envNames(config)) h.update(JSON.stringify([n, env[n] ?? null]));
  return h.digest('hex');
}

/** The variables the tasks' `env` names, sorted: their values are in the compiled graph. */
export function envNames(config: { tasks: ReadonlyMap<string, TaskSpec> }): string[] {
  const names = new Set<string>();
  for (const spec of config.tasks.values()) for (const n of spec.env ?? []) names.add(n);
  return [...names].sort();
}

/** The hash of the repository's file list. */
export function fileListDigest(
  files: readonly string[],
  untracked?: ReadonlySet<string>,
  typeChanged?: ReadonlySet<string>,
): string {
  const h = createHash('sha256').update(`${files.length}\0`).update(files.join('\0'));
  // Which are tracked decides which can be outputs (see untrackedOf): a `git add` changes the compile.
  if (untracked !== undefined) h.update(`\0untracked\0${[...untracked].sort(compareCodeUnits).join('\0')}`);
  // A tracked file replaced by a link (to a directory, which is no input) lists as before (see typeChangedOf).
  if (typeChanged !== undefined && typeChanged.size > 0)
    h.update(`\0type-changed\0${[...typeChanged].sort(compareCodeUnits).join('\0')}`);
  return h.digest('hex');
}

/** The files the compile reads, hashed, with the stat data of those that were settled. */
export interface ReadFiles {
  digest: string;
  count: number;
  stats: Record<string, string>;
  /** The texts of the files read, by path: the compile reads these rather than the files again. */
  texts: ManifestTexts;
}

/**
 * Hashes the bytes of the files of `files` that the compile reads, each lstat'ed before it is read (a write in
 * between leaves stat data that never matches again). `now` is the clock the stat data is dated by.
 */
export function readFiles(root: string, files: readonly string[], now: () => number = Date.now): ReadFiles {
  const h = createHash('sha256');
  // No prototype: paths are keys.
  const stats = Object.create(null) as Record<string, string>;
  const read = readByCompile(files);
  const bytesOf = new Map<string, Buffer>();
  // Taken before any lstat: every stat datum is at least this recent.
  const takenAt = now();
  for (const f of read) {
    // Concatenated, not joined: `root` is absolute and `f` a clean relative path (join's normalising costs more).
    const path = `${root}/${f}`;
    let st: Stats | undefined;
    let bytes: Buffer;
    try {
      st = lstatSync(path, { throwIfNoEntry: false });
      bytes = readFileSync(path);
    } catch (e) {
      h.update(`${f}\0error ${(e as NodeJS.ErrnoException).code ?? ''}\0`);
      continue;
    }
    h.update(`${f}\0${bytes.length}\0`);
    h.update(bytes);
    bytesOf.set(f, bytes);
    const key = statKey(st);
    if (key !== undefined && settledMs(st!, takenAt)) stats[f] = key;
  }
  // Decoded only when the compile asks: a check that finds the bytes unchanged needs no text.
  const texts = { get: (path: string): string | undefined => bytesOf.get(path)?.toString('utf8') };
  return { digest: h.digest('hex'), count: read.length, stats, texts };
}

/**
 * The graph kept in `file` when it was compiled under configuration `config` (configDigest), with whether the
 * files the compile read are unchanged by their stat data; undefined when the file holds another configuration's
 * graph (or none, or is unreadable, or is not this user's own: its commands would run).
 */
export function readKeptGraph(file: string, config: string, root: string): KeptGraph | undefined {
  let text: string | undefined;
  try {
    text = readOwnFile(file);
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  const eol = text.indexOf('\n');
  if (eol < 0) return undefined;
  let header: KeptHeader;
  try {
    header = JSON.parse(text.slice(0, eol)) as KeptHeader;
  } catch {
    return undefined;
  }
  if (!isHeader(header) || header.config !== config) return undefined;
  const paths = Object.keys(header.stats);
  let readsUnchanged = paths.length === header.readCount;
  for (let i = 0; readsUnchanged && i < paths.length; i++) {
    readsUnchanged = statKey(lstatIfAny(`${root}/${paths[i]!}`)) === header.stats[paths[i]!];
  }
  return { header, text: text.slice(eol + 1), readsUnchanged };
}

function isHeader(h: unknown): h is KeptHeader {
  if (typeof h !== 'object' || h === null) return false;
  const x = h as Record<string, unknown>;
  return (
    typeof x.config === 'string' &&
    typeof x.files === 'string' &&
    typeof x.reads === 'string' &&
    typeof x.readCount === 'number' &&
    typeof x.stats === 'object' &&
    x.stats !== null &&
    Object.values(x.stats).every((v) => typeof v === 'string') &&
    Array.isArray(x.links) &&
    x.links.every(
      (l) =>
        Array.isArray(l) &&
        l.length === 4 &&
        typeof l[0] === 'string' &&
        (l[1] === 'directory' || l[1] === 'file' || l[1] === 'nothing') &&
        typeof l[2] === 'string' &&
        typeof l[3] === 'string',
    )
  );
}

/** Replaces the cache file (see writeStateFile); a failure is ignored: the next run compiles again. */
export function writeCompiledGraph(file: string, header: KeptHeader, graphText: string): void {
  writeStateFile(file, `${JSON.stringify(header)}\n${graphText}`);
}
