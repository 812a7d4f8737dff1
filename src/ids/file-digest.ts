/**
 * Content digests of input files: git blob IDs of the bytes a job reads, from the cheapest place that knows them.
 *
 * Deals with: the git index fast path (unchanged tracked files that git does not convert cost nothing), reading
 * only what changed or what git converts (end of lines, filters such as LFS, `ident`, encodings), modes when git
 * ignores them (`core.fileMode=false`), symbolic links (followed inside the source directory), commit trees
 * (commit-digests.ts), and the streaming fallback outside git. All give identical digests for the same bytes.
 */
import { existsSync, lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PathSet } from '../graph/model.js';
import { realPathOr } from '../util/real-path.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { streamDigests } from './git-blob.js';
import { type GitRun, gitText, workTreePrefix } from './git-command.js';
import { systemAttributesFiles } from './git-attribute-files.js';
import { attributePlaces, convertedPaths, parseSettings, type GitSettings } from './git-conversions.js';
import { startWorkTreeCommands, workTreeCommands } from './work-tree-commands.js';
import {
  indexEntries,
  type IndexPaths,
  parseDirtyPaths,
  parseIndexListing,
  parseIndexListingWithPaths,
  type GitEntry,
  type GitMode,
} from './git-output.js';
import type { DigestMap, DigestSource, InputState } from './input-state.js';
import { commitTreeDigests } from './commit-digests.js';
import { checkedOutSubmodules, submoduleEnv } from './submodule-checkout.js';

export { blobId, digestFromDisk, streamDigests } from './git-blob.js';
export { commitTreeDigests } from './commit-digests.js';
export type { DigestMap, DigestSource, InputState } from './input-state.js';

/**
 * Whether the index holds a file at one of `places` (absolute), its paths being from `top`, the work tree's top:
 * git reads an attributes file from the index where the work tree lacks it.
 */
function indexHolds(index: ReadonlySet<string>, top: string, places: readonly string[]): boolean {
  if (index.size === 0) return false;
  const below = top === '/' ? top : top + '/';
  return places.some((f) => f.startsWith(below) && index.has(f.slice(below.length)));
}

/** The work tree's top: `dir` (the source directory, links resolved) less git's `prefix` for it. */
function workTreeTop(dir: string, prefix: string): string {
  const depth = prefix.split('/').filter(Boolean).length;
  return resolve(dir, ...Array<string>(depth).fill('..'));
}

/**
 * The git fast path: blob IDs and modes of tracked files come from `git ls-files -s -v`. Read from disk instead:
 * the requested paths that `git status` finds changed against the index (content, mode, type, deletion) or that
 * are not in the index (untracked, ignored); symbolic links (their targets are what a job reads); and the paths
 * git converts between blob and work tree, found by one `git check-attr` call over the remaining paths. With
 * `core.fileMode=false` the mode of each indexed file is taken from disk (one lstat), since git ignores it.
 * Fails when `sourceDir` is not in a git work tree or git fails.
 *
 * `git status` rather than `git diff-files`: both cost the same (about 160 ms on a 100,000-file index: each stats
 * every file), but status refreshes stale stat data, checking the content of a file that was touched but not
 * changed, and writes the refreshed index back when it can take the lock (an optional lock, as `git status`
 * always does). diff-files would report every touched file (after a copy, a cache restore, a `touch`) as changed
 * on every run, and each would be re-read: correct, but as slow as the fallback, forever.
 */
export async function workingTreeDigests(
  sourceDir: string,
  paths: readonly string[],
  listings: WorkTreeListings = startWorkTreeListings(sourceDir),
): Promise<Result<DigestMap, string>> {
  const prefix = await listings.prefix;
  if (prefix === undefined) return err(`${sourceDir} is not inside a git work tree`);
  const listed = await listings.index;
  if (!listed.ok) return listed;
  // ls-files, run in sourceDir, prints paths relative to it; status prints them from the repository root.
  const index = indexEntries(listed.value, paths);
  const settings = await listings.settings;
  // Asked while `git status` runs: of every indexed file, dirty or not (a dirty one is read from disk anyway).
  const candidates: string[] = [];
  for (const [p, e] of index) if (e.mode !== 'symlink') candidates.push(p);
  const [infoAttributes, realDir] = await Promise.all([listings.infoAttributes, listings.realDir]);
  const places =
    infoAttributes === undefined
      ? undefined
      : attributePlaces(
          realDir ?? sourceDir,
          prefix,
          candidates,
          infoAttributes,
          settings,
          await listings.systemAttributes,
          listings.env,
        );
  const attributed =
    places === undefined ||
    places.some((f) => existsSync(f)) ||
    indexHolds(await listings.indexAttributes, workTreeTop(realDir ?? sourceDir, prefix), places);
  const converting = attributed
    ? convertedPaths(sourceDir, candidates, settings, listings.env ? { env: listings.env } : {})
    : Promise.resolve(ok(new Set(settings.autocrlf ? candidates : [])));
  const changed = await listings.status;
  if (!changed.ok) return changed;
  const dirty = parseDirtyPaths(changed.value, prefix);
  const converted = await converting;
  if (!converted.ok) return converted;
  // The index map becomes the answer (one 100,000-entry map less at the peak): entries read from disk replace theirs.
  const out = index as Map<string, InputState | GitEntry>;
  const toRead: string[] = [];
  for (const p of paths) {
    const e = index.get(p);
    if (e === undefined || e.mode === 'symlink' || dirty.has(p) || converted.value.has(p)) {
      toRead.push(p);
    } else if (!settings.fileMode) {
      // git ignores the execute bit here, so its index keeps the mode of the last commit: the disk says.
      const st = lstatSync(sourceDir + '/' + p, { throwIfNoEntry: false });
      if (st?.isFile()) out.set(p, { mode: st.mode & 0o100 ? 'executable' : 'regular', digest: e.digest });
      else toRead.push(p);
    }
  }
  if (toRead.length === 0 && settings.fileMode && !attributed && places !== undefined) {
    listings.fromListingsAlone = { attributePlaces: places };
  }
  const fromSubmodules = toRead.length > 0 ? await submoduleDigests(sourceDir, toRead) : undefined;
  for (const [p, state] of fromSubmodules?.found ?? []) out.set(p, state);
  for (const [p, state] of await streamDigests(sourceDir, fromSubmodules?.rest ?? toRead)) out.set(p, state);
  // Every symlink entry was among the paths read: what is left of the index are files.
  return ok(out as DigestMap);
}

/**
 * Of `paths` (not in the index), the files inside a submodule checked out under `sourceDir`, by the same fast path
 * over the submodule's own index (which holds them, where the repository's does not), nested submodules in turn;
 * `rest` is left to the disk, as is a submodule with few files to digest. Only files come from the submodule: a
 * link there resolves inside the repository, as the disk's walk resolves it, not inside the submodule. Nothing
 * when the submodule's git fails.
 */
async function submoduleDigests(
  sourceDir: string,
  paths: string[],
): Promise<{ found: Map<string, InputState>; rest: string[] } | undefined> {
  const submodules = checkedOutSubmodules(sourceDir);
  if (submodules.length === 0) return undefined;
  const found = new Map<string, InputState>();
  const rest: string[] = [];
  const inside = new Map<string, string[]>(submodules.map((s) => [s, []]));
  for (const p of paths) {
    let held: string[] | undefined;
    for (let i = p.indexOf('/'); i > 0 && held === undefined; i = p.indexOf('/', i + 1))
      held = inside.get(p.slice(0, i));
    if (held) held.push(p);
    else rest.push(p);
  }
  // A submodule's listings are six git processes (tens of milliseconds): a few hundred files read from disk cost
  // less. A hundred submodules of ten files each took 11 s a run through their indexes, 1.2 s from the disk.
  const asked = [...inside].filter(([, ps]) => {
    if (ps.length >= INDEX_WORTHWHILE) return true;
    rest.push(...ps);
    return false;
  });
  // A few at a time: each submodule's listings are six git processes.
  for (let i = 0; i < asked.length; i += SUBMODULES_AT_ONCE) {
    await Promise.all(
      asked.slice(i, i + SUBMODULES_AT_ONCE).map(async ([submodule, ps]) => {
        const dir = `${sourceDir}/${submodule}`;
        const inner = await workingTreeDigests(
          dir,
          ps.map((p) => p.slice(submodule.length + 1)),
          startWorkTreeListings(dir, { env: submoduleEnv(dir) }),
        );
        for (const p of ps) {
          const state = inner.ok ? inner.value.get(p.slice(submodule.length + 1)) : undefined;
          if (state !== undefined && 'digest' in state && state.link === undefined) found.set(p, state);
          else rest.push(p);
        }
      }),
    );
  }
  return { found, rest };
}

/** How many submodules' listings run at once. */
const SUBMODULES_AT_ONCE = 4;

/** How many of a submodule's files a run must digest before its index is worth asking. */
const INDEX_WORTHWHILE = 500;

/** The git calls of the fast path, running. */
export interface WorkTreeListings {
  /** Wall-clock time (ms) when the calls started: git looked at the work tree after this. */
  startedAt: number;
  /** The calls of workTreeCommands, as they answered. */
  runs: Promise<GitRun>[];
  /**
   * Set by workingTreeDigests when every path it was asked for was answered by these listings alone: a file in the
   * index that git finds unchanged, that no attributes file can convert (none stands at `attributePlaces`, the
   * places git would read one from) and whose mode git keeps (`core.fileMode`). Such digests are the same as long
   * as the listings' answers and the places are (see src/cli/fully-cached.ts).
   */
  fromListingsAlone?: { attributePlaces: string[] };
  /** The environment the calls ran with, when not this process's (a submodule's: see submoduleEnv). */
  env?: NodeJS.ProcessEnv;
  /** The source directory's path inside the work tree, or undefined outside one. */
  prefix: Promise<string | undefined>;
  /** `git ls-files -s -v`, parsed once for both its users (see parseIndexListing). */
  index: Promise<Result<ReadonlyMap<string, GitEntry | GitMode>, string>>;
  /**
   * The `.gitattributes` files the index holds, by their paths from the work tree's top (INDEX_ATTRIBUTES_QUERY):
   * git reads the index's copy where the work tree lacks it (deleted, or left out by a sparse checkout).
   */
  indexAttributes: Promise<ReadonlySet<string>>;
  status: Promise<Result<string, string>>;
  settings: Promise<GitSettings>;
  /** The system attributes files git may read (see systemAttributesFiles). */
  systemAttributes: Promise<string[]>;
  /** The source directory with its links resolved, as git sees it (inside a work tree). */
  realDir: Promise<string | undefined>;
  /** Where the repository's `info/attributes` file is (absolute). */
  infoAttributes: Promise<string | undefined>;
  /** Where the index is (absolute). */
  indexFile: Promise<string | undefined>;
  /**
   * Started with `untracked`: the untracked, not ignored files (every file, not directories), relative to the
   * repository root, from the same `git status` call; `status` itself is left with the tracked files' changes.
   */
  untracked?: Promise<Result<string[], string>>;
  /**
   * Started with `untracked`: every path of the index (see parseIndexListingWithPaths), from the same `ls-files`
   * call and pass as `index`, relative to the source directory: with `untracked`, the repository's files without
   * another git call.
   */
  indexPaths?: Promise<Result<IndexPaths, string>>;
}

/**
 * Starts the fast path's git calls. They depend on the directory only, not on the graph, so a caller can start
 * them before it reads the graph and have git stat the work tree on another core meanwhile. All run at once
 * (gitText never rejects); outside a work tree the listings fail, and only `prefix` is looked at. `runs`: the
 * calls of workTreeCommands, started already (at `startedAt`) with the same `untracked` and `env`.
 */
export function startWorkTreeListings(
  sourceDir: string,
  options: {
    untracked?: boolean;
    env?: NodeJS.ProcessEnv;
    runs?: Promise<GitRun>[];
    startedAt?: number;
  } = {},
): WorkTreeListings {
  const startedAt = options.startedAt ?? Date.now();
  // Asked by a caller that needs the untracked files too (the compile of disbuild.json): one walk in the same
  // call, rather than a second git process reading the index again.
  const untracked = options.untracked ?? false;
  const commands = workTreeCommands(untracked);
  const runs = options.runs ?? startWorkTreeCommands(sourceDir, untracked, options.env);
  const [where, index, status, config, system, execPath, attributes] = runs as [
    Promise<GitRun>,
    Promise<GitRun>,
    Promise<GitRun>,
    Promise<GitRun>,
    Promise<GitRun>,
    Promise<GitRun>,
    Promise<GitRun>,
  ];
  const place = where.then((r) => (r.code === 0 ? r.out.split('\n') : []));
  // Printed relative to the directory git ran in, which is the source directory with its links resolved.
  const gitPaths = place.then(([inside, , info, index]) => {
    if (inside !== 'true') return {};
    const real = realPathOr(sourceDir);
    return {
      realDir: real,
      infoAttributes: info ? resolve(real, info) : undefined,
      indexFile: index ? resolve(real, index) : undefined,
    };
  });
  // A listing that failed inside a work tree is asked again on its own, for git's message.
  const listing = async (run: Promise<GitRun>, args: string[]): Promise<Result<string, string>> => {
    const r = await run;
    if (r.code === 0) return ok(r.out);
    if ((await place)[0] !== 'true') return err(`${sourceDir} is not inside a git work tree`);
    return gitText(sourceDir, args, options.env ? { env: options.env } : {});
  };
  const statusText = listing(status, commands[2]!);
  const split = untracked ? statusText.then(splitUntracked) : undefined;
  const indexText = listing(index, commands[1]!);
  // With `untracked`, the paths come from the same pass over the listing as the entries.
  const parsed = indexText.then((r) =>
    r.ok
      ? ok(
          untracked
            ? parseIndexListingWithPaths(r.value)
            : { entries: parseIndexListing(r.value), paths: undefined },
        )
      : r,
  );
  return {
    startedAt,
    runs,
    ...(options.env ? { env: options.env } : {}),
    prefix: place.then(([inside, prefix]) => (inside === 'true' ? (prefix ?? '') : undefined)),
    index: parsed.then((r) => (r.ok ? ok(r.value.entries) : r)),
    indexAttributes: attributes.then(
      (r) => new Set(r.code === 0 ? r.out.split('\0').filter((p) => p !== '') : []),
    ),
    ...(untracked ? { indexPaths: parsed.then((r) => (r.ok ? ok(r.value.paths!) : r)) } : {}),
    status: split ? split.then((r) => (r.ok ? ok(r.value.tracked) : r)) : statusText,
    ...(split ? { untracked: split.then((r) => (r.ok ? ok(r.value.untracked) : r)) } : {}),
    settings: config.then((r) => parseSettings(r.code === 0 ? r.out : '')),
    systemAttributes: Promise.all([system, execPath]).then(([named, exec]) =>
      systemAttributesFiles(
        named.code === 0 ? named.out.trim() : undefined,
        options.env ?? process.env,
        exec.code === 0 ? exec.out.trim() : undefined,
      ),
    ),
    realDir: gitPaths.then((p) => p.realDir),
    infoAttributes: gitPaths.then((p) => p.infoAttributes),
    indexFile: gitPaths.then((p) => p.indexFile),
  };
}

/** `git status --porcelain=v1 -z --no-renames` text parted into its `??` records' paths and the rest, as text. */
function splitUntracked(r: Result<string, string>): Result<{ tracked: string; untracked: string[] }, string> {
  if (!r.ok) return r;
  if (r.value === '') return ok({ tracked: '', untracked: [] });
  const tracked: string[] = [];
  const untracked: string[] = [];
  for (const f of r.value.split('\0')) {
    if (f.startsWith('?? ')) untracked.push(f.slice(3));
    else if (f !== '') tracked.push(f);
  }
  return ok({ tracked: tracked.length === 0 ? '' : `${tracked.join('\0')}\0`, untracked });
}

/**
 * The paths under the source directory that are files right now by git's account: in the index as a file that git
 * compares with the working tree (see `indexedFilePaths`), and not changed, deleted or replaced there. A caller
 * checking that inputs exist need not look these up on disk. Undefined outside a work tree or when git fails.
 * A view of the parsed listing, not a set of its own: one path asked is two map lookups, where a set of every
 * indexed file cost a pass over the index and its memory in every run.
 */
export async function unchangedIndexedFiles(listings: WorkTreeListings): Promise<PathSet | undefined> {
  const prefix = await listings.prefix;
  if (prefix === undefined) return undefined;
  const [listed, changed] = await Promise.all([listings.index, listings.status]);
  if (!listed.ok || !changed.ok) return undefined;
  const index = listed.value;
  const dirty = parseDirtyPaths(changed.value, prefix);
  return {
    has: (p) => {
      const e = index.get(p);
      return e !== undefined && (typeof e === 'string' ? e : e.mode) !== 'symlink' && !dirty.has(p);
    },
  };
}

/**
 * The working tree's digests by the fastest correct means: the git fast path inside a work tree, else (or when
 * git fails there) the streaming fallback. Never fails: a missing file is a value.
 */
export async function chooseDigests(
  sourceDir: string,
  paths: readonly string[],
  listings?: WorkTreeListings,
): Promise<DigestMap> {
  const fast = await workingTreeDigests(sourceDir, paths, listings);
  return fast.ok ? fast.value : streamDigests(sourceDir, paths);
}

/** The streaming fallback as a DigestSource. */
export function streamSource(sourceDir: string): DigestSource {
  return { kind: 'stream', digests: async (paths) => ok(await streamDigests(sourceDir, paths)) };
}

/** The git fast path as a DigestSource (fails outside a work tree). */
export function workingTreeSource(sourceDir: string): DigestSource {
  return { kind: 'git-index', digests: (paths) => workingTreeDigests(sourceDir, paths) };
}

/** A commit's tree as a DigestSource. */
export function commitTreeSource(repoDir: string, commit: string): DigestSource {
  return { kind: 'git-commit', digests: (paths) => commitTreeDigests(repoDir, commit, paths) };
}

/** The source chooseDigests would use for `sourceDir`: git's index inside a work tree, streaming outside. */
export async function chooseDigestSource(sourceDir: string): Promise<DigestSource> {
  return (await workTreePrefix(sourceDir)) === undefined
    ? streamSource(sourceDir)
    : { kind: 'git-index', digests: async (paths) => ok(await chooseDigests(sourceDir, paths)) };
}
