/**
 * In-place outputs (a job's `Outputs`): files the commands write inside the source directory (`dist/**`).
 *
 * Deals with: finding the files the globs match, capturing them into the job's output directory (so the
 * artifact holds them), putting them back from an artifact — verified, replacing stale files, leaving
 * unchanged ones alone — and clearing stale ones before a job runs.
 * Does not deal with: when any of this happens (execution.ts decides) or caching (the artifact is the job's
 * output directory, saved and restored as a whole).
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  constants,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  type Stats,
  symlinkSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { ManifestEntry } from '../cache/cache.js';
import { linkLeavingTree } from '../cache/manifest.js';
import { parseIndexListingWithPaths } from '../ids/git-output.js';
import { checkedOutSubmodules, submoduleEnv } from '../ids/submodule-checkout.js';
import { isAlive } from '../util/is-alive.js';
import { realPathIfAny } from '../util/real-path.js';
import type { Result } from '../util/result.js';
import { inWritableDir, makeDirs, removeOutputTree } from '../util/writable-dir.js';
import type { OutputStatRecords } from './output-stat-records.js';
import { withoutPathspecSettings } from '../ids/git-command.js';
import { linkOnTheWay } from './link-on-the-way.js';

/** Where in a job's output directory its in-place outputs are kept, by their path in the source directory. */
export const IN_PLACE_DIR = '.in-place';

/** A job's output globs, compiled (by output-globs.ts, loaded only for a graph that has any). */
export interface OutputGlobs {
  /** Directories to walk: the fixed leading part of each positive glob. */
  bases: readonly string[];
  matches: (path: string) => boolean;
  /** Whether a positive glob spells `path` outright, no wildcard (`dist/bundle.js`), and no `!` glob drops it. */
  names: (path: string) => boolean;
  /**
   * Whether the globs may match a path below the directory `dir`: a glob starting with `**` below any, `*.tsbuildinfo`
   * below none, `.next/**` not below `.next/cache` when `!.next/cache/**` drops all of it. When unsure, true.
   */
  mayMatchBelow: (dir: string) => boolean;
}

/** The files and symlinks under `root` that the globs match, relative, sorted; never inside `.git`. */
export function listOutputs(root: string, globs: OutputGlobs): string[] {
  return [...presentOutputs(root, globs).keys()].sort();
}

/**
 * The files and symlinks under the globs' bases that they match, with their lstat, by path relative to
 * `root`; never inside `.git`. What cannot be read is not there. With `leftovers`, the temp files of placements
 * that never ended found on the way are added to it (see deadTemp), for a caller that knows what it may remove.
 *
 * With `records`, a base whose directories are all as recorded is not read again: its recorded files are lstat-ed
 * (see OutputStatRecords.listing); a walk records what it found.
 */
export function presentOutputs(
  root: string,
  globs: OutputGlobs,
  records?: OutputStatRecords,
  leftovers?: string[],
): Map<string, Stats> {
  const found = new Map<string, Stats>();
  const remember = records?.enabled === true;
  for (const base of globs.bases) {
    // Recorded directories are checked by inode, and a directory moved elsewhere keeps its inode: only where no
    // link leads to the base (as a walk checks) do the records say what is there.
    const throughLink = linkOnTheWay(root, base) !== undefined;
    if (leftovers !== undefined && !throughLink) tempsBeside(root, base, globs, leftovers);
    const known = remember && !throughLink ? records.listing(root, base) : undefined;
    if (known !== undefined && statListed(root, known, globs, found)) continue;
    const dirs: [string, Stats][] | undefined = remember ? [] : undefined;
    const entries: [string, Stats][] = [];
    const statTakenAt = remember ? records.now() : 0;
    const complete = walkOutputs(root, base, dirs, entries);
    for (const [rel, st] of entries) {
      if (globs.matches(rel)) found.set(rel, st);
      else if (leftovers !== undefined && deadTemp(rel, st, globs)) leftovers.push(rel);
    }
    if (remember && complete) {
      records.recordListing(
        base,
        dirs!,
        entries.map(([rel]) => rel),
        statTakenAt,
      );
    }
  }
  return found;
}

/**
 * What a placement of an in-place file leaves beside it until its rename: `<name>.disbuild-<pid>-<hex>[-<n>]`
 * (`<name>.disbuild-<hex>` before temp names carried the pid). The globs match the file it was to become, seldom
 * the temp's own name (`dist/*.js`): a run killed while it wrote one leaves it for good unless a walk removes it.
 */
const TEMP_NAME = /^(.+)\.disbuild-(?:(\d+)-)?[0-9a-f]{8}(?:-\d+)?$/;

/** Whether `rel` is named as a placement's temp is (see TEMP_NAME), dead or not. */
export function isPlacementTemp(rel: string): boolean {
  return TEMP_NAME.test(rel);
}

/** A placement's temp unwritten for this long is dead whoever wrote it (a pid reused, or in another namespace). */
const ABANDONED_MS = 10 * 60_000;
/** One whose process is gone: after a while still, for a writer in another pid namespace that it cannot see. */
const ORPHANED_MS = 30_000;

/** Whether `rel` is the temp of a placement, of a file the globs match, that will never end. */
function deadTemp(rel: string, st: Stats, globs: OutputGlobs): boolean {
  const m = TEMP_NAME.exec(rel);
  // A link too: a placement of a link output writes it as one.
  if (m === null || !(st.isFile() || st.isSymbolicLink()) || !globs.matches(m[1]!)) return false;
  const idle = Date.now() - st.mtimeMs;
  if (idle >= ABANDONED_MS) return true;
  const pid = m[2] === undefined ? undefined : Number(m[2]);
  return pid !== undefined && pid !== process.pid && idle >= ORPHANED_MS && !isAlive(pid);
}

/**
 * The dead temps of placements of a base that is no directory (an output naming a file, `out.txt`), into
 * `leftovers`: they lie beside it, where no walk of its bases goes. A base that is missing is looked beside only
 * when an output names it: `dist` of `dist/**` is gone whole far more often than it is ever a file.
 * Never asked of a base reached through a link (see linkOnTheWay): it may lead outside the checkout.
 */
function tempsBeside(root: string, base: string, globs: OutputGlobs, leftovers: string[]): void {
  if (base === '') return;
  const path = `${root}/${base}`;
  let names: string[];
  try {
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (st === undefined ? !globs.names(base) : st.isDirectory()) return;
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  const slash = base.lastIndexOf('/');
  const prefix = `${base.slice(slash + 1)}.disbuild-`;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const rel = base.slice(0, slash + 1) + name;
    let st: Stats | undefined;
    try {
      st = lstatSync(`${root}/${rel}`, { throwIfNoEntry: false });
    } catch {
      continue;
    }
    if (st !== undefined && deadTemp(rel, st, globs)) leftovers.push(rel);
  }
}

/** Removes the temps `leftovers` holds (see presentOutputs) but those `keep` says are not to be touched. */
export function removeLeftovers(
  root: string,
  leftovers: readonly string[],
  keep: (path: string) => boolean,
): void {
  for (const rel of leftovers) {
    if (keep(rel)) continue;
    const path = `${root}/${rel}`;
    try {
      inWritableDir(dirname(path), () => rmSync(path, { force: true }));
    } catch {
      // Left for a later run.
    }
  }
}

/**
 * The lstat of each listed path the globs match, into `found`; false (with nothing added) when one is no longer
 * a file or symlink, which the recorded directories say cannot happen: then the caller walks.
 */
function statListed(
  root: string,
  listed: readonly string[],
  globs: OutputGlobs,
  found: Map<string, Stats>,
): boolean {
  const add: [string, Stats][] = [];
  for (const rel of listed) {
    if (!globs.matches(rel)) {
      // A placement's temp, recorded while its process lived (or by a version that left such temps alone): a walk
      // tells whether it is dead now.
      if (TEMP_NAME.test(rel)) return false;
      continue;
    }
    let st: Stats | undefined;
    try {
      // Spelled out, not joined: a listed path is already plain, and `join` normalizes (a third of this loop).
      st = lstatSync(`${root}/${rel}`, { throwIfNoEntry: false });
    } catch {
      return false;
    }
    if (st === undefined || !(st.isFile() || st.isSymbolicLink())) return false;
    add.push([rel, st]);
  }
  for (const [rel, st] of add) found.set(rel, st);
  return true;
}

/**
 * Every file and symlink under `base` with its lstat, into `entries`, and every directory with its lstat (taken
 * before it was read) into `dirs`; false when a directory could not be read, or held a `.git` below `base` (the
 * listing is then not one to keep).
 * Nothing under a base reached through a link (see linkOnTheWay) is listed.
 */
function walkOutputs(
  root: string,
  base: string,
  dirs: [string, Stats][] | undefined,
  entries: [string, Stats][],
  everything = false,
): boolean {
  let complete = true;
  const walk = (rel: string): void => {
    let st: Stats | undefined;
    try {
      st = lstatSync(join(root, rel), { throwIfNoEntry: false });
    } catch {
      complete = false;
      return;
    }
    if (st === undefined) return;
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(join(root, rel));
      } catch {
        complete = false;
        return;
      }
      dirs?.push([rel, st]);
      // Nor into a repository of its own (a clone beside the code, which git leaves alone too): its files are that
      // repository's. Whether it is one depends on more than the directories (`.gitmodules`, the index): a listing
      // that met one is not kept (see presentOutputs).
      if (!everything && rel !== base && names.includes('.git')) {
        complete = false;
        if (!isSubmodule(root, rel)) return;
      }
      // Nor into installed packages: a glob as broad as `**/*.js` must not claim them (a base inside one, named
      // by the glob itself, is walked).
      for (const n of names) if (everything || !skipped(n)) walk(rel === '' ? n : `${rel}/${n}`);
    } else if (st.isFile() || st.isSymbolicLink()) entries.push([rel, st]);
  };
  if (linkOnTheWay(root, base) === undefined) walk(base);
  return complete;
}

/**
 * Whether the directory `rel` under `root` is a repository of its own, not part of this one: it holds a `.git` (of
 * any kind: a directory, a gitfile, a link, even a dangling one, as the walk sees its name) and is not a
 * submodule checked out there (see isSubmodule).
 */
function ownRepositoryAt(root: string, rel: string): boolean {
  return holdsGit(`${root}/${rel}`) && !isSubmodule(root, rel);
}

/** Whether the directory at `path` holds a `.git` entry; false when it is no directory (ENOTDIR) or is missing. */
function holdsGit(path: string): boolean {
  try {
    return lstatSync(`${path}/.git`, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Whether the directory `rel` under `root` is a submodule checked out there (nested ones too): part of the project,
 * whose files are inputs (see repo-files.ts) and whose build outputs are outputs like any others. What it tracks
 * is a source, protected as the repository's own files are (see in-place-outputs.ts), by the same rule: listed in
 * `.gitmodules` and a gitlink of the index. A clone `.gitmodules` still lists after `git rm --cached` is not one.
 */
function isSubmodule(root: string, rel: string): boolean {
  const slash = rel.lastIndexOf('/');
  const parent = slash < 0 ? root : `${root}/${rel.slice(0, slash)}`;
  const name = rel.slice(slash + 1);
  const inSubmodule = slash >= 0 && heldByRepository(root, rel.slice(0, slash));
  return checkedOutSubmodules(parent, (p) => p === name && isGitlink(parent, p, inSubmodule)).includes(name);
}

/**
 * Whether the directory `rel` under `root`, or one above it below `root`, holds a `.git`: `rel` is then inside a
 * submodule (the only repository a walk enters), whose git is asked without the variables of the one around it.
 */
function heldByRepository(root: string, rel: string): boolean {
  for (let i = rel.indexOf('/'); ; i = rel.indexOf('/', i + 1)) {
    const dir = i < 0 ? rel : rel.slice(0, i);
    if (holdsGit(`${root}/${dir}`)) return true;
    if (i < 0) return false;
  }
}

/** Whether `name` is a gitlink in the index of the repository holding `dir` (asked of git once per process). */
function isGitlink(dir: string, name: string, inSubmodule: boolean): boolean {
  const path = `${dir}/${name}`;
  let known = gitlinks.get(path);
  if (known === undefined) {
    let env: NodeJS.ProcessEnv = process.env;
    if (inSubmodule) {
      // Not the variables that tie git to the repository around the submodule (a hook's GIT_INDEX_FILE).
      env = submoduleEnv(dir);
      delete env.GIT_CEILING_DIRECTORIES;
    }
    // git refuses --literal-pathspecs beside any other global pathspec setting the user's environment may hold.
    env = withoutPathspecSettings(env);
    try {
      // The name as it is on disk, never read as pathspec magic (`:(glob)…`).
      const out = execFileSync('git', ['--literal-pathspecs', 'ls-files', '-s', '-v', '-z', '--', name], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        env,
      });
      known = parseIndexListingWithPaths(out).paths.gitlinks.includes(name);
    } catch {
      known = false;
    }
    gitlinks.set(path, known);
  }
  return known;
}

const gitlinks = new Map<string, boolean>();

/** Directories the capture never walks into below a glob's fixed part (see walkOutputs). */
const skipped = (name: string): boolean => name === '.git' || name === 'node_modules';

/**
 * Whether `rel` lies in a repository of its own below the fixed part of every glob that could reach it: a directory
 * on the way holds `.git` (see walkOutputs). Such a file is that repository's, not the job's: never written,
 * captured or removed as an output, even when an artifact made before the repository was there holds it.
 * `checked` remembers what directories were found to hold, for the calls of one pass.
 */
export function inNestedRepository(
  root: string,
  rel: string,
  globs: OutputGlobs,
  checked = new Map<string, boolean>(),
): boolean {
  const ownRepository = (dir: string): boolean => {
    let own = checked.get(dir);
    if (own === undefined) {
      own = ownRepositoryAt(root, dir);
      checked.set(dir, own);
    }
    return own;
  };
  let reachable = false;
  for (const base of globs.bases) {
    // A base is a directory the glob names, or the one file it names.
    if (base !== '' && rel !== base && !rel.startsWith(`${base}/`)) continue;
    reachable = true;
    let blocked = false;
    const below = base === '' ? 0 : base.length + 1;
    for (let i = rel.indexOf('/', below); i !== -1; i = rel.indexOf('/', i + 1)) {
      if (ownRepository(rel.slice(0, i))) {
        blocked = true;
        break;
      }
    }
    if (!blocked) return false;
  }
  return reachable;
}

/**
 * Why `rel` cannot be one of a job's in-place outputs as the capture takes them, so that an artifact holding it is
 * not the job's: the globs do not match it, or it lies in `.git` or `node_modules` below every glob's fixed part
 * (the capture never walks there). Undefined when it can be. (A source, a file git tracks or a job reads, the
 * capture leaves out too; but one may have become a source since the artifact was made, a file committed on
 * another branch, say: a restore leaves such a file as it is, and takes the rest.)
 */
export function notAnOutput(rel: string, globs: OutputGlobs): string | undefined {
  if (!globs.matches(rel)) return "which the job's outputs do not match";
  const reached = globs.bases.some((base) => {
    if (base !== '' && rel !== base && !rel.startsWith(`${base}/`)) return false;
    const below = base === '' ? rel : rel.slice(base.length + 1);
    return !below.split('/').some(skipped);
  });
  if (!reached) return 'inside .git or node_modules, where outputs are never taken from';
  return undefined;
}

/**
 * Copies the job's in-place outputs from the source directory into its output directory (before saving); none
 * that `protect` names (a file git tracks or a job reads, which a later restore must never write over). Answers
 * their paths. The directories the globs match are made there too, so that one the command left empty
 * (`dist/logs/`) is put back with the files (see emptyDirectories); with `since` (when the command's stale outputs
 * had been cleared), only those changed since: one made by hand or by an older build, which the clear leaves, is
 * not cached again and again. The directories taken go into `takenDirs`.
 *
 * `through`: a symbolic link on the way to a glob's base, or the base itself a link to a directory, or a link
 * below a base to a directory where the globs may match paths, where the walk does not go (nothing is listed
 * through a link): what the command wrote there is not taken, so the files answered are not all of its outputs, and
 * must not be cached. Other links below a base are outputs as files are, but for a link to a file in the checkout
 * that is neither taken nor `everywhere` (a file git tracks): a clone restoring it would find nothing behind it.
 */
export function captureOutputs(
  sourceDir: string,
  globs: OutputGlobs,
  outputDir: string,
  protect: (path: string) => boolean = () => false,
  since?: number,
  takenDirs: string[] = [],
  everywhere: (path: string) => boolean = () => false,
): { files: string[]; through?: string } {
  const entries: [string, Stats][] = [];
  const dirs: [string, Stats][] = [];
  let through: string | undefined;
  for (const base of globs.bases) {
    // A link above the base, or the base itself a link to a directory (a link to a file is an output like another).
    const above = linkOnTheWay(sourceDir, base);
    const link = above ?? base;
    if (
      link !== '' &&
      lstatSync(`${sourceDir}/${link}`, { throwIfNoEntry: false })?.isSymbolicLink() &&
      (above !== undefined || statSync(`${sourceDir}/${link}`, { throwIfNoEntry: false })?.isDirectory())
    )
      through ??= link;
    walkOutputs(sourceDir, base, dirs, entries);
  }
  for (const [rel, st] of entries) {
    if (through !== undefined) break;
    if (
      st.isSymbolicLink() &&
      statSync(`${sourceDir}/${rel}`, { throwIfNoEntry: false })?.isDirectory() &&
      globs.mayMatchBelow(rel) &&
      !takenAtTarget(sourceDir, rel, globs, dirs, entries)
    )
      through = rel;
  }
  const files = [...new Set(entries.filter(([rel]) => globs.matches(rel)).map(([rel]) => rel))]
    .sort()
    .filter((rel) => !protect(rel));
  if (through === undefined) through = linkToLeftFile(sourceDir, globs, files, entries, everywhere);
  for (const rel of files) {
    const to = join(outputDir, IN_PLACE_DIR, rel);
    mkdirSync(dirname(to), { recursive: true });
    copyEntry(join(sourceDir, rel), to);
  }
  for (const [rel, st] of dirs) {
    if (rel === '' || !globs.matches(rel) || (since !== undefined && st.ctimeMs <= since)) continue;
    // Not a repository of its own the walk stopped at (its directory is listed all the same).
    if (ownRepositoryAt(sourceDir, rel)) continue;
    mkdirSync(join(outputDir, IN_PLACE_DIR, rel), { recursive: true });
    takenDirs.push(rel);
  }
  return through === undefined ? { files } : { files, through };
}

/**
 * The first link the globs match (taken, or one git tracks) that leads to a file of the checkout neither taken nor
 * `everywhere`: what the command wrote through it is not taken.
 */
function linkToLeftFile(
  sourceDir: string,
  globs: OutputGlobs,
  files: readonly string[],
  entries: readonly [string, Stats][],
  everywhere: (path: string) => boolean,
): string | undefined {
  const links = entries.filter(([rel, st]) => st.isSymbolicLink() && globs.matches(rel)).map(([rel]) => rel);
  if (links.length === 0) return undefined;
  const taken = new Set(files);
  for (const rel of links) {
    // Dangling, it restores as it is; out of the checkout, the cache refuses it whatever it leads to.
    const target = targetInCheckout(sourceDir, rel);
    if (target === undefined || !statSync(`${sourceDir}/${target}`, { throwIfNoEntry: false })?.isFile())
      continue;
    if (!taken.has(target) && !everywhere(target)) return rel;
  }
  return undefined;
}

/** Where the link `rel` leads, relative to `sourceDir` (a real path); undefined when nowhere, or out of it. */
function targetInCheckout(sourceDir: string, rel: string): string | undefined {
  const real = realPathIfAny(`${sourceDir}/${rel}`);
  return real?.startsWith(`${sourceDir}/`) ? real.slice(sourceDir.length + 1) : undefined;
}

/**
 * Whether what lies below the link `link` (to a directory) is taken where it really is: the link leads to a
 * directory this capture walked (`.venv/lib64 -> lib` with `.venv/**`), and every file found there that the globs
 * match through the link they match there too. A restore then puts the files back there, and the link (an output,
 * or the checkout's) leads to them.
 */
function takenAtTarget(
  sourceDir: string,
  link: string,
  globs: OutputGlobs,
  dirs: readonly [string, Stats][],
  entries: readonly [string, Stats][],
): boolean {
  const target = targetInCheckout(sourceDir, link);
  if (target === undefined || !dirs.some(([rel]) => rel === target)) return false;
  const prefix = `${target}/`;
  return entries.every(
    ([rel]) =>
      !rel.startsWith(prefix) || globs.matches(rel) || !globs.matches(`${link}/${rel.slice(prefix.length)}`),
  );
}

/**
 * The directories of a tree that hold nothing in it (`paths`: every path of the tree, directories included): in an
 * artifact's in-place tree, those a capture took empty, which a restore makes. Any other directory is made for the
 * files it holds.
 */
export function emptyDirectories(paths: readonly { path: string; type: string }[]): string[] {
  const parents = new Set<string>();
  for (const { path } of paths) {
    const slash = path.lastIndexOf('/');
    if (slash > 0) parents.add(path.slice(0, slash));
  }
  return paths.filter((e) => e.type === 'dir' && !parents.has(e.path)).map((e) => e.path);
}

/**
 * Makes each of `dirs` that is missing (those inside a repository of its own are left: see inNestedRepository).
 * Answers how many it made, or why it cannot: the way there passes through a link.
 */
export function makeEmptyDirs(
  sourceDir: string,
  dirs: readonly string[],
  globs: OutputGlobs,
): number | string {
  let made = 0;
  const nested = new Map<string, boolean>();
  const real = new Set<string>();
  for (const dir of dirs) {
    if (inNestedRepository(sourceDir, dir, globs, nested)) continue;
    // Anything else standing there or on the way (a file git tracks, say) is left as it is, as a source a file
    // would meet; a link is not passed through.
    const inTheWay = linkOnTheWay(sourceDir, dir, real);
    if (inTheWay !== undefined) {
      if (lstatSync(join(sourceDir, inTheWay)).isSymbolicLink()) return throughLink(dir, inTheWay);
      continue;
    }
    if (lstatSync(join(sourceDir, dir), { throwIfNoEntry: false }) !== undefined) continue;
    makeDirs(join(sourceDir, dir));
    made++;
  }
  return made;
}

/**
 * Why the directory at `rel` (where an output file goes) must stay: it holds something that is not the job's
 * output (a file of the user's, tracked or not). Undefined when all it holds are the job's outputs: it may then be
 * replaced with the file.
 */
export function notOnlyOutputs(
  sourceDir: string,
  rel: string,
  globs: OutputGlobs,
  protect: (path: string) => boolean,
): string | undefined {
  // All of it: installed packages and repositories of their own in there are never the job's outputs either.
  const entries: [string, Stats][] = [];
  walkOutputs(sourceDir, rel, undefined, entries, true);
  const kept = entries
    .map(([p]) => p)
    .filter(
      (p) =>
        !globs.matches(p) ||
        protect(p) ||
        p
          .slice(rel.length + 1)
          .split('/')
          .some(skipped),
    )
    .sort();
  return kept.length > 0
    ? `${rel} is a directory holding ${kept[0]}, which is not the job's output`
    : undefined;
}

/**
 * Removes files the globs match that are not in `keep` (nor inputs of any job, in `protect`): stale outputs of
 * another build must not leak into this one's artifact, nor into what dependents read.
 */
export function clearOutputs(
  sourceDir: string,
  globs: OutputGlobs,
  keep: ReadonlySet<string>,
  protect: (path: string) => boolean,
): void {
  const leftovers: string[] = [];
  for (const rel of [...presentOutputs(sourceDir, globs, undefined, leftovers).keys()].sort()) {
    if (keep.has(rel) || protect(rel)) continue;
    const path = join(sourceDir, rel);
    inWritableDir(dirname(path), () => rmSync(path, { force: true }));
  }
  removeLeftovers(sourceDir, leftovers, protect);
}

/**
 * Puts an artifact's in-place outputs back in the source directory (answering their paths): each file whose content, mode or type
 * differs is written beside its place and renamed over it, then checked; files the globs match that the
 * artifact lacks are removed. Answers why not when it cannot: the artifact holds more than the job's outputs, a
 * place is reached through a link, or a written file does not read back as the artifact's.
 *
 * With `move`, `artifactDir` is this run's own verified copy of the artifact, which nothing reads afterwards:
 * a regular file that no other name shares (one link: never a cache entry's file) is renamed into place
 * instead of copied and read back — the bytes are the ones just verified — and is gone from `artifactDir`.
 */
export function placeOutputs(
  artifactDir: string,
  sourceDir: string,
  globs: OutputGlobs,
  protect: (path: string) => boolean,
  sources: (path: string) => boolean,
  move = false,
): Result<readonly string[], PlaceFailure> {
  const base = join(artifactDir, IN_PLACE_DIR);
  // All of it, `.git` and `node_modules` included: what the artifact holds there is not the job's either.
  const entries: [string, Stats][] = [];
  const dirs: [string, Stats][] = [];
  walkOutputs(base, '', dirs, entries, true);
  const inArtifact = entries.map(([rel]) => rel).sort();
  const emptyDirs = emptyDirectories([
    ...dirs.filter(([rel]) => rel !== '').map(([path]) => ({ path, type: 'dir' })),
    ...entries.map(([path]) => ({ path, type: 'file' })),
  ]);
  const strayDir = emptyDirs.find((d) => notAnOutput(d, globs) !== undefined);
  if (strayDir !== undefined) {
    return failed({
      message: `the artifact holds ${strayDir}/, ${notAnOutput(strayDir, globs)!}`,
      stray: true,
    });
  }
  // An artifact is the job's only if all it holds could be the job's outputs, and its links stay in the checkout:
  // one from a cache another writer can reach must not put anything beside the checkout within its reach. The
  // caller learns that the artifact itself is at fault (`stray`), and drops it.
  const stray = strayEntry(base, inArtifact, globs, sourceDir);
  if (stray !== undefined) return failed({ message: stray, stray: true });
  // Nor is a source ever written over (see notAnOutput), nor a file of a repository of its own: they stay as
  // they are.
  const nested = new Map<string, boolean>();
  const placing = inArtifact.filter(
    (rel) => !sources(rel) && !inNestedRepository(sourceDir, rel, globs, nested),
  );
  // Per file: one lstat of its place, and each side read once at most (the artifact's side only when a file
  // of the same size is there, or once written); each parent directory is made once.
  const made = new Set<string>();
  const real = new Set<string>();
  for (const rel of placing) {
    const link = linkOnTheWay(sourceDir, rel, real);
    if (link !== undefined) return failed({ message: throughLink(rel, link) });
    const from = describe(join(base, rel));
    const to = join(sourceDir, rel);
    if (sameEntry(from, to)) continue;
    const parent = dirname(to);
    if (!made.has(parent)) {
      makeDirs(parent);
      made.add(parent);
    }
    // A directory where the file goes (a stale tree) is replaced too, when all it holds are the job's outputs.
    const inTheWay = lstatSync(to, { throwIfNoEntry: false })?.isDirectory() === true;
    const foreign = inTheWay ? notOnlyOutputs(sourceDir, rel, globs, protect) : undefined;
    if (foreign !== undefined) return failed({ message: foreign });
    if (move && moveFile(from, to, inTheWay)) continue;
    const temp = `${to}.disbuild-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      inWritableDir(parent, () => copyEntry(from.path, temp));
      if (!sameEntry(from, temp)) {
        rmSync(temp, { force: true });
        return failed({ message: `${rel} could not be written in place` });
      }
      if (inTheWay) removeOutputTree(to);
      renameSync(temp, to);
    } catch (e) {
      rmSync(temp, { force: true });
      throw e;
    }
  }
  clearOutputs(sourceDir, globs, new Set(inArtifact), protect);
  // After the stale files went: one may stand where the artifact has an empty directory.
  const madeDirs = makeEmptyDirs(sourceDir, emptyDirs, globs);
  if (typeof madeDirs === 'string') return failed({ message: madeDirs });
  return { ok: true, value: placing };
}

const failed = (error: PlaceFailure): Result<never, PlaceFailure> => ({ ok: false, error });

/**
 * Why the artifact is not the job's: the first of `inArtifact` that cannot be its output (see notAnOutput), or a
 * link whose target leaves the checkout, absolute or through `..`, on its own or through the artifact's other
 * links (`gen/a -> ..` is the checkout, so `gen/out -> a/..` is beside it).
 */
function strayEntry(
  base: string,
  inArtifact: readonly string[],
  globs: OutputGlobs,
  sourceDir: string,
): string | undefined {
  const links: Pick<ManifestEntry, 'path' | 'type' | 'target'>[] = [];
  for (const rel of inArtifact) {
    const why = notAnOutput(rel, globs);
    if (why !== undefined) return `the artifact holds ${rel}, ${why}`;
    if (lstatSync(join(base, rel)).isSymbolicLink()) {
      links.push({ path: rel, type: 'symlink', target: readlinkSync(join(base, rel)) });
    }
  }
  const own = new Set(links.map((l) => l.path));
  const leaving =
    linkLeavingTree(links) ?? links.find((l) => upThroughLink(sourceDir, l.path, l.target!, own))?.path;
  if (leaving === undefined) return undefined;
  const target = links.find((l) => l.path === leaving)!.target!;
  return `the artifact's link ${leaving} points out of the checkout (${JSON.stringify(target)})`;
}

/**
 * Whether the target of the artifact's link at `path` goes up (`..`) after passing through a link the checkout
 * holds (not one of the artifact's, `own`): the kernel follows that link first, and `node_modules/ext/..` is
 * beside wherever `npm link` put `ext`, not `node_modules`. Said of the target's text, not resolved: such a
 * link is refused even when the checkout's link happens to point inside it.
 */
function upThroughLink(sourceDir: string, path: string, target: string, own: ReadonlySet<string>): boolean {
  const at = path.split('/').slice(0, -1);
  let throughLink = false;
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (throughLink) return true;
      at.pop();
      continue;
    }
    at.push(part);
    const rel = at.join('/');
    if (!own.has(rel) && lstatSync(join(sourceDir, rel), { throwIfNoEntry: false })?.isSymbolicLink()) {
      throughLink = true;
    }
  }
  return false;
}

/** Why in-place outputs were not put back; `stray`: the artifact itself is not the job's (see placeOutputs). */
export interface PlaceFailure {
  message: string;
  stray?: true;
}

/** Why an in-place output is not put back (see linkOnTheWay). */
export const throughLink = (rel: string, link: string): string =>
  `${rel} would be written through ${link}, which is not a directory (a symbolic link, say)`;

/**
 * Renames a private regular file over `to` with the mode a copy would get, the directory there first removed when
 * `dirInTheWay`; false when it cannot.
 */
function moveFile(from: Described, to: string, dirInTheWay: boolean): boolean {
  if (!from.stat.isFile() || from.stat.nlink !== 1) return false;
  try {
    chmodSync(from.path, from.stat.mode & 0o100 ? 0o755 : 0o644);
    if (dirInTheWay) removeOutputTree(to);
    renameSync(from.path, to);
    return true;
  } catch {
    // Another file system, say: copied instead.
    return false;
  }
}

function copyEntry(from: string, to: string): void {
  const st = lstatSync(from);
  if (st.isSymbolicLink()) {
    symlinkSync(readlinkSync(from), to);
    return;
  }
  // A copy, never a link: the work tree's file may be edited later, and the artifact must not change with it.
  copyFileSync(from, to, constants.COPYFILE_FICLONE);
  chmodSync(to, st.mode & 0o100 ? 0o755 : 0o644);
}

/** An artifact's file, its digest (or link text) read once, when first needed. */
interface Described {
  path: string;
  stat: Stats;
  content(): string;
}

function describe(path: string): Described {
  const stat = lstatSync(path);
  let content: string | undefined;
  return {
    path,
    stat,
    content: () => (content ??= stat.isSymbolicLink() ? readlinkSync(path) : digest(path)),
  };
}

/** Same type, executable bit and content (or link text). */
function sameEntry(a: Described, b: string): boolean {
  const sa = a.stat;
  const sb = lstatSync(b, { throwIfNoEntry: false });
  if (!sb) return false;
  if (sa.isSymbolicLink() || sb.isSymbolicLink()) {
    return sa.isSymbolicLink() && sb.isSymbolicLink() && a.content() === readlinkSync(b);
  }
  if (!sb.isFile() || sa.size !== sb.size || (sa.mode & 0o100) !== (sb.mode & 0o100)) return false;
  return a.content() === digest(b);
}

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
