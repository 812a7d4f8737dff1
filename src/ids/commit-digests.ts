/**
 * Digests as of a commit (the pre-push hook): what a checkout of that commit would hold, without making one.
 *
 * Blob IDs and modes come from `git ls-tree -r`; links are resolved inside the tree by the walk the working-tree
 * path uses on disk (resolve-input.ts), so the hook and `disbuild run` agree on every link. Paths git converts on
 * checkout (decided by the commit's own `.gitattributes`) are checked out by git itself, into a temporary
 * directory through a temporary index holding only them and the attribute files, and hashed from there: the same
 * code path as a real checkout, filters (LFS) and `ident` included. Only converted paths pay for this.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { ABANDONED_MS, makePidTemp, removeDeadPidTemps } from '../util/pid-temp.js';
import type { FileDigest, FileMode } from './brands.js';
import { blobId } from './git-blob.js';
import { gitBytes, gitText, workTreePrefix } from './git-command.js';
import { convertedPaths, readSettings, type GitSettings } from './git-conversions.js';
import {
  attributeFiles,
  gitlinkEntries,
  parseListing,
  parseTreeEntries,
  type GitEntry,
} from './git-output.js';
import type { DigestMap } from './input-state.js';
import { hasDotDot } from '../graph/input-spelling.js';
import {
  notALink,
  ownLink,
  resolveDir,
  resolveInput,
  type EntryKind,
  type TreeView,
} from './resolve-input.js';
import { isCheckedOutSubmodule } from './submodule-checkout.js';

/** A resolved input: the tree path of the file it reads, that file's mode and blob, and its own link's blob. */
interface Resolved {
  real: string;
  mode: FileMode;
  digest: FileDigest;
  link?: FileDigest;
}

/**
 * Digests as of `commit`, never reading the working tree. `repoDir` may be a subdirectory of the work tree: paths
 * are relative to it, and links must stay inside it. A path absent from the commit is missing; an unknown commit,
 * or a failing checkout filter, is an error. A path inside a submodule is taken from the commit the gitlink
 * records, in the submodule checked out at `repoDir` (see submoduleDigests).
 */
export async function commitTreeDigests(
  repoDir: string,
  commit: string,
  paths: readonly string[],
  /** Where `repoDir` lies in the source directory the keys are of (`sm/` for a submodule's): a link to a directory is keyed by its path from there. */
  at = '',
): Promise<Result<DigestMap, string>> {
  if (commit.startsWith('-')) return err(`not a commit: ${JSON.stringify(commit)}`);
  const [prefix = '', listed, settings] = await Promise.all([
    workTreePrefix(repoDir),
    gitText(repoDir, ['ls-tree', '-r', '-z', '--full-tree', commit]),
    readSettings(repoDir),
  ]);
  if (!listed.ok) return listed;
  let view: CommitView | undefined;
  // An input spelled with `..` after a name is looked up where its climbing leads (see climbed): out of a
  // submodule (`sm/../x.txt`), or into one (`a/../sm/x.txt`), which the walk over this tree alone cannot enter.
  const climbs = new Map<string, string>();
  if (paths.some(hasDotDot)) {
    const loaded = await CommitView.load(repoDir, listed.value, prefix, settings);
    if (!loaded.ok) return loaded;
    view = loaded.value;
    for (const p of paths) {
      const c = hasDotDot(p) ? climbed(view, p) : undefined;
      if (c !== undefined) climbs.set(p, c);
    }
  }
  const tree = parseListing(listed.value, 'ls-tree', [...paths, ...climbs.values()], prefix);
  const out: DigestMap = new Map();
  const resolved = new Map<string, Resolved>();
  const gitlinks = gitlinkEntries(listed.value, prefix);
  const inSubmodules = new Map<string, [input: string, path: string][]>();
  for (const p of paths) {
    const listedAs = climbs.get(p) ?? p;
    const e = tree.get(listedAs);
    if (e !== undefined && (e.mode !== 'symlink' || !settings.symlinks)) {
      resolved.set(p, { real: listedAs, ...fileOf(e) });
      continue;
    }
    const submodule = gitlinks.size > 0 && e === undefined ? gitlinkAbove(gitlinks, listedAs) : undefined;
    if (submodule !== undefined) {
      const inside = inSubmodules.get(submodule);
      if (inside) inside.push([p, listedAs]);
      else inSubmodules.set(submodule, [[p, listedAs]]);
      continue;
    }
    if (view === undefined) {
      const loaded = await CommitView.load(repoDir, listed.value, prefix, settings);
      if (!loaded.ok) return loaded;
      view = loaded.value;
    }
    const r = resolveInput(view, p);
    if (!r.ok) {
      out.set(p, r.missing ? { missing: true } : { problem: r.problem });
      continue;
    }
    if (r.directory) {
      // As the disk's walk records it (git-blob.ts): where the link leads, and its text.
      const own = ownLink(view, p);
      out.set(
        p,
        own === undefined
          ? { problem: notALink(p).problem }
          : { mode: 'directory', digest: blobId(at + r.real), link: view.entry(own)!.digest },
      );
      continue;
    }
    const own = r.linked ? ownLink(view, p) : undefined;
    const target = view.entry(r.real)!;
    resolved.set(p, { real: r.real, ...fileOf(target), ...(own ? { link: view.entry(own)!.digest } : {}) });
  }
  const checkedOut = await convertedDigests(repoDir, prefix, listed.value, resolved, settings);
  if (!checkedOut.ok) return checkedOut;
  for (const [p, r] of resolved) {
    const digest = checkedOut.value.get(r.real) ?? r.digest;
    out.set(p, r.link === undefined ? { mode: r.mode, digest } : { mode: r.mode, digest, link: r.link });
  }
  for (const [submodule, inside] of inSubmodules) {
    const digests = await submoduleDigests(
      repoDir,
      submodule,
      gitlinks.get(submodule)!,
      inside.map(([, path]) => path),
      at,
    );
    if (!digests.ok) return digests;
    for (const [p, path] of inside) out.set(p, digests.value.get(path)!);
  }
  return ok(out);
}

/**
 * The path `p` (with a `..` after a name) leads to, its climbing done: the directory its last `..` reaches, resolved
 * in `view` (links followed, a submodule a directory), then the rest as written. Undefined when that walk fails, or
 * enters a submodule, whose files `view` does not hold (`sm/d/../x.txt`: the submodule resolves it).
 */
function climbed(view: CommitView, p: string): string | undefined {
  const last = p.endsWith('/..') ? p.length - 2 : p.lastIndexOf('/../') + 1;
  const rest = p.slice(last + 3);
  if (rest === '' || last < 1) return undefined;
  const dir = resolveDir(view, p.slice(0, last + 2));
  return dir === undefined ? undefined : dir === '' ? rest : `${dir}/${rest}`;
}

/** The gitlink whose directory holds `path`, the innermost first (a tree holds no gitlink inside another). */
function gitlinkAbove(gitlinks: ReadonlyMap<string, string>, path: string): string | undefined {
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
    if (gitlinks.has(path.slice(0, i))) return path.slice(0, i);
  }
  return undefined;
}

/**
 * Digests of `paths` (relative to `repoDir`) inside the submodule at `submodule`, as of the commit `commit` its
 * gitlink records, from the submodule's own repository where `repoDir` has it checked out (its own links,
 * attributes and submodules apply). Where it is not checked out, or lacks that commit (not fetched), the paths
 * are missing, as they are from a worktree of the commit the hook checks the submodule out in (see worktree.ts).
 */
async function submoduleDigests(
  repoDir: string,
  submodule: string,
  commit: string,
  paths: readonly string[],
  at: string,
): Promise<Result<DigestMap, string>> {
  const dir = join(repoDir, submodule);
  const missing = (): Result<DigestMap, string> => ok(new Map(paths.map((p) => [p, { missing: true }])));
  if (!isCheckedOutSubmodule(repoDir, submodule)) return missing();
  const known = await gitText(dir, ['cat-file', '-e', `${commit}^{commit}`]);
  if (!known.ok) return missing();
  const inner = await commitTreeDigests(
    dir,
    commit,
    paths.map((p) => p.slice(submodule.length + 1)),
    `${at}${submodule}/`,
  );
  if (!inner.ok) return err(`submodule ${submodule}: ${inner.error}`);
  return ok(new Map(paths.map((p) => [p, inner.value.get(p.slice(submodule.length + 1))!])));
}

/** A blob entry as a file: with `core.symlinks=false` a link is checked out as a file holding its text. */
function fileOf(e: GitEntry): { mode: FileMode; digest: FileDigest } {
  return { mode: e.mode === 'symlink' ? 'regular' : e.mode, digest: e.digest };
}

/** convertedDigests checks files out into `<tmp>/disbuild-checkout-<pid>-<random>`. */
const CHECKOUT_PREFIX = 'disbuild-checkout-';

/**
 * The blob IDs of what a checkout writes for the resolved files that git converts, by tree path; the others are
 * left out (their blob is what a checkout writes).
 */
async function convertedDigests(
  repoDir: string,
  prefix: string,
  listing: string,
  resolved: ReadonlyMap<string, Resolved>,
  settings: GitSettings,
): Promise<Result<Map<string, FileDigest>, string>> {
  const files = new Map<string, Resolved>();
  for (const r of resolved.values()) files.set(r.real, r);
  const out = new Map<string, FileDigest>();
  if (files.size === 0) return ok(out);
  // A hook killed while it converted leaves its directory behind: the next one removes it.
  await removeDeadPidTemps(CHECKOUT_PREFIX, ABANDONED_MS);
  let temp: string;
  try {
    temp = makePidTemp(CHECKOUT_PREFIX);
  } catch (e) {
    return err(`no temporary directory to check converted files out into (${(e as Error).message})`);
  }
  try {
    const index = join(temp, 'index');
    // The commit's attribute files in an index of their own: `check-attr --cached` then answers for the commit.
    const attrs = attributeFiles(listing);
    if (attrs.length > 0) {
      const made = await gitText(repoDir, ['update-index', '-z', '--index-info'], {
        input: attrs.join('\0') + '\0',
        env: { ...process.env, GIT_INDEX_FILE: index },
      });
      if (!made.ok) return made;
    }
    const converted = await convertedPaths(repoDir, [...files.keys()], settings, {
      cached: true,
      env: { ...process.env, GIT_INDEX_FILE: index },
    });
    if (!converted.ok) return converted;
    if (converted.value.size === 0) return ok(out);
    const gitDir = await gitText(repoDir, ['rev-parse', '--absolute-git-dir']);
    if (!gitDir.ok) return gitDir;
    const wt = join(temp, 'wt');
    const env = {
      ...process.env,
      GIT_DIR: gitDir.value.trim(),
      GIT_WORK_TREE: wt,
      GIT_INDEX_FILE: index,
    };
    const lines = [...converted.value].map((real) => {
      const r = files.get(real)!;
      return `${r.mode === 'executable' ? '100755' : '100644'} ${r.digest}\t${prefix}${real}`;
    });
    const added = await gitText(repoDir, ['update-index', '-z', '--index-info'], {
      input: lines.join('\0') + '\0',
      env,
    });
    if (!added.ok) return added;
    await mkdir(wt);
    const written = await gitText(wt, ['checkout-index', '--all', '--force'], { env });
    if (!written.ok) return written;
    for (const real of converted.value) out.set(real, blobId(await readFile(join(wt, prefix + real))));
    return ok(out);
  } finally {
    await rm(temp, { recursive: true, force: true }).catch(() => {});
  }
}

/** A commit's tree under the source directory as a TreeView, with the text of its links. */
export class CommitView implements TreeView {
  private constructor(
    private readonly entries: Map<string, GitEntry | 'other'>,
    private readonly dirs: Set<string>,
    private readonly links: Map<string, string>,
    private readonly symlinks: boolean,
  ) {}

  static async load(
    repoDir: string,
    listing: string,
    prefix: string,
    settings: GitSettings,
  ): Promise<Result<CommitView, string>> {
    const entries = parseTreeEntries(listing, prefix);
    const dirs = new Set<string>();
    const linkIds = new Map<string, string>();
    for (const [path, e] of entries) {
      for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
        const dir = path.slice(0, i);
        if (dirs.has(dir)) break;
        dirs.add(dir);
      }
      if (e !== 'other' && e.mode === 'symlink') linkIds.set(path, e.digest);
    }
    const links = new Map<string, string>();
    if (settings.symlinks && linkIds.size > 0) {
      const ids = [...new Set(linkIds.values())];
      const batch = await gitBytes(repoDir, ['cat-file', '--batch'], ids.join('\n') + '\n');
      if (!batch.ok) return batch;
      const texts = parseBatch(batch.value);
      for (const [path, id] of linkIds) links.set(path, texts.get(id) ?? '');
    }
    return ok(new CommitView(entries, dirs, links, settings.symlinks));
  }

  entry(path: string): GitEntry | undefined {
    const e = this.entries.get(path);
    return e === 'other' ? undefined : e;
  }

  kind(path: string): EntryKind {
    const e = this.entries.get(path);
    // A submodule is checked out as a directory.
    if (e === 'other') return 'dir';
    if (e !== undefined) return e.mode === 'symlink' && this.symlinks ? 'link' : 'file';
    return this.dirs.has(path) ? 'dir' : 'missing';
  }

  linkText(path: string): string {
    return this.links.get(path) ?? '';
  }
}

/** Object ID → content (as UTF-8 text) from `git cat-file --batch` output (`<id> <type> <size>\n<bytes>\n`). */
export function parseBatch(out: Buffer): Map<string, string> {
  const texts = new Map<string, string>();
  let at = 0;
  while (at < out.length) {
    const nl = out.indexOf(0x0a, at);
    if (nl < 0) break;
    const [id = '', , size] = out.subarray(at, nl).toString('utf8').split(' ');
    if (size === undefined) {
      at = nl + 1; // `<id> missing`
      continue;
    }
    const n = Number(size);
    texts.set(id, out.subarray(nl + 1, nl + 1 + n).toString('utf8'));
    at = nl + 1 + n + 1;
  }
  return texts;
}
