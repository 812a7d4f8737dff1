/**
 * Content digests of input files: git blob IDs, from the cheapest place that knows them.
 *
 * Deals with: the git index fast path (unchanged tracked files cost nothing), reading only what changed, commit
 * trees (no working-tree reads), and the streaming fallback outside git. All give identical digests.
 * Does not deal with: git's clean filters (autocrlf, LFS). The index holds the filtered blob while a changed file is
 * hashed as the bytes on disk, exactly as the fallback hashes it; both change whenever the content does, which is
 * what a cache key needs, but such a file's digest is not the same on both paths (docs/key-encoding.md).
 */
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { streamDigests } from './git-blob.js';
import { gitText, workTreePrefix } from './git-command.js';
import { indexedFilePaths, parseDirtyPaths, parseListing } from './git-output.js';
import type { DigestMap, DigestSource } from './input-state.js';

export { blobId, digestFromDisk, streamDigests } from './git-blob.js';
export type { DigestMap, DigestSource, InputState } from './input-state.js';

/**
 * The git fast path: blob IDs and modes of tracked files come from `git ls-files -s -v`; only the requested paths
 * that `git status` finds changed against the index (content, mode, type, deletion) or that are not in the index
 * (untracked, ignored) are read from disk. Fails when `sourceDir` is not in a git work tree or git fails.
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
  const index = parseListing(listed.value, 'ls-files', paths);
  const changed = await listings.status;
  if (!changed.ok) return changed;
  const dirty = parseDirtyPaths(changed.value, prefix);
  // The index map becomes the answer (one 100,000-entry map less at the peak): dirty entries are replaced below.
  const out: DigestMap = index;
  const toRead = paths.filter((p) => dirty.has(p) || !out.has(p));
  for (const [p, state] of await streamDigests(sourceDir, toRead)) out.set(p, state);
  return ok(out);
}

/** The three git calls of the fast path, running. */
export interface WorkTreeListings {
  /** The source directory's path inside the work tree, or undefined outside one. */
  prefix: Promise<string | undefined>;
  index: Promise<Result<string, string>>;
  status: Promise<Result<string, string>>;
}

/**
 * Starts the fast path's git calls. They depend on the directory only, not on the graph, so a caller can start
 * them before it reads the graph and have git stat the work tree on another core meanwhile. All three run at
 * once (gitText never rejects); outside a work tree the listings fail, and only `prefix` is looked at.
 */
export function startWorkTreeListings(sourceDir: string): WorkTreeListings {
  return {
    prefix: workTreePrefix(sourceDir),
    index: gitText(sourceDir, ['ls-files', '-s', '-v', '-z', '--', '.']),
    status: gitText(sourceDir, [
      'status',
      '--porcelain=v1',
      '-z',
      '--untracked-files=no',
      '--ignore-submodules=all',
      '--no-renames',
      '--',
      '.',
    ]),
  };
}

/**
 * The paths under the source directory that are files right now by git's account: in the index as a file that git
 * compares with the working tree (see `indexedFilePaths`), and not changed, deleted or replaced there. A caller
 * checking that inputs exist need not look these up on disk. Undefined outside a work tree or when git fails.
 */
export async function unchangedIndexedFiles(
  listings: WorkTreeListings,
): Promise<ReadonlySet<string> | undefined> {
  const prefix = await listings.prefix;
  if (prefix === undefined) return undefined;
  const [listed, changed] = await Promise.all([listings.index, listings.status]);
  if (!listed.ok || !changed.ok) return undefined;
  const files = indexedFilePaths(listed.value);
  for (const p of parseDirtyPaths(changed.value, prefix)) files.delete(p);
  return files;
}

/**
 * Digests as of a commit, from `git ls-tree -r --full-tree <commit>`: the working tree is never read (the pre-push
 * hook keys the pushed commit, not the checkout). `repoDir` may be a subdirectory of the work tree: paths are
 * relative to it. A path absent from the commit is missing; an unknown commit is an error.
 */
export async function commitTreeDigests(
  repoDir: string,
  commit: string,
  paths: readonly string[],
): Promise<Result<DigestMap, string>> {
  if (commit.startsWith('-')) return err(`not a commit: ${JSON.stringify(commit)}`);
  const prefix = (await workTreePrefix(repoDir)) ?? '';
  const listed = await gitText(repoDir, ['ls-tree', '-r', '-z', '--full-tree', commit]);
  if (!listed.ok) return listed;
  const tree = parseListing(listed.value, 'ls-tree', paths, prefix);
  const out: DigestMap = new Map();
  for (const p of paths) out.set(p, tree.get(p) ?? { missing: true });
  return ok(out);
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
