import { randomBytes } from 'node:crypto';
import { type Dirent, existsSync, lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { mkdir, readFile, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { gitText } from '../ids/git-command.js';
import { NAMES_AS_ON_DISK } from '../ids/names-as-on-disk.js';
import { isAlive } from '../util/is-alive.js';
import { realPathOr } from '../util/real-path.js';
import type { Result } from '../util/result.js';
import { removeTree } from '../util/remove-tree.js';
import { type CheckoutSettings, checkoutSettings } from './checkout-settings.js';
import { checkOutSubmodules, forgetSubmoduleWorktrees, hasSubmodules } from './worktree-submodules.js';

/** A taken worktree as its checkout left it (see Worktrees.#checkedOut). */
interface CheckedOut {
  record: string;
  sha: string;
  index: string;
}

/** git without the repository's hooks (core.hooksPath naming no directory). */
const NO_HOOKS = ['-c', 'core.hooksPath=/dev/null'];

/** Where the hook's worktrees are, in the git common directory. */
export const WORKTREES_DIR = 'disbuild-worktrees';

/** The repository's common git directory (a linked worktree's is its main checkout's), absolute. */
export async function gitCommonDir(repoDir: string): Promise<string> {
  const raw = (await simpleGit(repoDir).raw(['rev-parse', '--git-common-dir'])).trim();
  return isAbsolute(raw) ? raw : join(repoDir, raw);
}

/** The worktree kept between pushes (see Worktrees), by its name under the root. */
const KEPT = 'kept';
/** In a kept worktree's record (`<git common dir>/worktrees/<name>`): the settings its files were written under. */
const SETTINGS_FILE = 'disbuild-checkout-settings';

/**
 * Temporary worktrees of pushed commits, under `<git common dir>/disbuild-worktrees/<pid>-<random>`, so that
 * uncommitted changes never leak into a build, with the submodules the checkout has (see worktree-submodules.ts).
 * Those of dead processes (a killed hook) are removed by the next.
 *
 * One is kept between pushes as `kept` (unless `keep` is off, the checkout has submodules, or a filter writes
 * files on checkout, as Git LFS does): checking out a repository of 10,000 files takes seconds, bringing a
 * worktree of the last push to the next commit a fraction of that. A hook takes it by moving it to a name of its
 * own (`git worktree move`: a rename, which one hook wins), brings it to the commit with `checkout --force` (every
 * tracked file git's stat data does not vouch for is written again) and `clean -ffdx` (every untracked and ignored
 * file goes: outputs, links, a build's leftovers), and moves it back when done. It then holds what a fresh
 * checkout holds only while nothing else decides a file's bytes differently (see #take): otherwise, and when
 * anything is wrong with it (its record removed by hand, a git that fails), it is removed, and the push gets a
 * fresh worktree.
 */
export class Worktrees {
  private constructor(
    readonly repoDir: string,
    readonly root: string,
    /** `<git common dir>/worktrees`: git's record of each worktree. */
    readonly records: string,
    /** Told, once each, what a worktree lacks that a full checkout of its commit would have. */
    readonly warn: (message: string) => void,
    /** Whether a worktree is kept between pushes. */
    readonly keep: boolean,
  ) {}

  /** This process's worktree taken from `kept` (at most one at a time), while it has it. */
  #taken: string | undefined;

  static async open(
    repoDir: string,
    warn: (message: string) => void = () => undefined,
    opts: { keep?: boolean } = {},
  ): Promise<Worktrees> {
    const common = await gitCommonDir(repoDir);
    const said = new Set<string>();
    const once = (m: string): void => {
      if (!said.has(m)) warn(m);
      said.add(m);
    };
    // Without /proc, a process left working in the worktree could not be seen (see workedIn).
    const keep = (opts.keep ?? true) && !hasSubmodules(repoDir) && existsSync('/proc/self/cwd');
    const w = new Worktrees(repoDir, join(common, WORKTREES_DIR), join(common, 'worktrees'), once, keep);
    await w.#removeStale();
    return w;
  }

  /** Checks `sha` out, detached, into a directory of this process's: the kept worktree when it can be had. */
  async add(sha: string): Promise<string> {
    await mkdir(this.root, { recursive: true });
    const dir = join(this.root, `${process.pid}-${randomBytes(4).toString('hex')}`);
    const settings = this.keep ? await this.#settings() : undefined;
    const keeping = settings !== undefined && !settings.unfit && this.#taken === undefined;
    if (keeping && (await this.#take(dir, sha, settings.fingerprint))) return dir;
    // Without the repository's post-checkout hook, as a CI checkout (and the kept worktree's) is made: the files a
    // hook writes are not the commit's.
    const added = await gitText(this.repoDir, [
      ...NO_HOOKS,
      'worktree',
      'add',
      '--detach',
      '--quiet',
      dir,
      sha,
    ]);
    if (!added.ok) throw new Error(added.error);
    for (const problem of await checkOutSubmodules(this.repoDir, dir)) this.warn(problem);
    if (keeping && this.#taken === undefined) {
      this.#taken = dir;
      this.#checkedOut = await this.#stateOf(await this.#recordOf(dir), sha);
    }
    return dir;
  }

  /**
   * The taken worktree as its checkout left it: git's record of it (which moving the worktree does not rename),
   * its commit and its index's stat data (see #unchangedByJobs).
   */
  #checkedOut: CheckedOut | undefined;

  /** The state of the worktree whose record is `record`, at `sha`; undefined without a record or an index. */
  async #stateOf(record: string | undefined, sha: string): Promise<CheckedOut | undefined> {
    if (record === undefined) return undefined;
    const st = lstatSync(join(record, 'index'), { throwIfNoEntry: false });
    return st && { record, sha, index: `${st.dev} ${st.ino} ${st.size} ${st.mtimeMs} ${st.ctimeMs}` };
  }

  /**
   * Whether the taken worktree is detached at the commit it was checked out at, with the index that checkout
   * wrote. A job's `git status` writes an index vouching for files it rewrote that convert back to the same blob
   * (`ident`, a clean-only filter), which `checkout --force` would then leave as they are; a job's `git checkout
   * <branch>` would hold that branch until the next push.
   */
  async #unchangedByJobs(): Promise<boolean> {
    const was = this.#checkedOut;
    if (was === undefined) return false;
    const head = await readFile(join(was.record, 'HEAD'), 'utf8').catch(() => '');
    return head === `${was.sha}\n` && (await this.#stateOf(was.record, was.sha))?.index === was.index;
  }

  #checkoutSettings: Promise<CheckoutSettings> | undefined;
  #settings(): Promise<CheckoutSettings> {
    return (this.#checkoutSettings ??= checkoutSettings(this.repoDir));
  }

  /**
   * Moves the kept worktree to `dir` and brings it to `sha`, exactly: false when there is none to take (another
   * hook has it), or when it cannot be brought there exactly (then it is removed). Exactly: its files were written
   * under the checkout settings `fingerprint` (see checkout-settings.ts), no attributes file of the tree differs
   * between its commit and `sha` (git does not write again a file whose blob did not change), and no process
   * works in it (a job's daemon that left its process group, writing where it was started).
   */
  async #take(dir: string, sha: string, fingerprint: string): Promise<boolean> {
    const kept = join(this.root, KEPT);
    if (!existsSync(kept)) return false;
    const moved = await gitText(this.repoDir, ['worktree', 'move', kept, dir]);
    if (!moved.ok) {
      // Still there: not a worktree git knows (its record removed by hand), which nothing can take.
      if (existsSync(kept)) await this.#removeWorktree(kept);
      return false;
    }
    this.#taken = dir;
    // Every git command on it names its record and work tree: never the `.git` file in it, which a job may have
    // pointed at another repository.
    const record = await this.#recordOf(dir);
    const git = (args: string[]) =>
      gitText(dir, [...(record ? ['--git-dir', record, '--work-tree', dir] : []), ...args]);
    const written = record ? await readFile(join(record, SETTINGS_FILE), 'utf8').catch(() => '') : '';
    const fit =
      written === fingerprint &&
      (await onlyGitsOwn(record)) &&
      !workedIn(dir) &&
      (await git(['diff', '--quiet', 'HEAD', sha, '--', ':(glob)**/.gitattributes'])).ok &&
      (await everyEntryLookedAt(git));
    // Cleaned first as well: an untracked attributes file would convert what the checkout writes, and a tracked
    // directory a job replaced by a link to its moved copy would pass for unchanged through the link. git's stat
    // data trusted only as `disbuild run` trusts it (change times included), every entry looked at; no hook run
    // (see add).
    // Cleaned with names as the disk has them (see names-as-on-disk.ts), else a job's `a.txt` beside a tracked `A.txt`
    // stays; checked out as the repository says, as the keys of a commit and a fresh worktree take it (attributes'
    // patterns match names in any case under core.ignoreCase=true).
    const steps: string[][] = [
      [...NAMES_AS_ON_DISK, 'clean', '-ffdxq'],
      [
        ...['-c', 'core.trustctime=true', '-c', 'core.checkStat=default'],
        ...['-c', 'core.ignoreStat=false', '-c', 'core.preloadIndex=false', '-c', 'core.fsmonitor=false'],
        ...NO_HOOKS,
        ...['checkout', '--force', '--detach', '--quiet', sha],
      ],
      [...NAMES_AS_ON_DISK, 'clean', '-ffdxq'],
    ];
    let done = fit;
    for (let i = 0; done && i < steps.length; i++) done = (await git(steps[i]!)).ok;
    // What git clean passes over: a FIFO or a socket (a job reading `*` would hang), a `.git` a job made (git
    // commands of the next job would act on that repository).
    if (done && strayEntry(dir) === undefined) {
      this.#checkedOut = await this.#stateOf(record, sha);
      return true;
    }
    this.#taken = undefined;
    await this.#removeWorktree(dir);
    return false;
  }

  async remove(dir: string): Promise<void> {
    if (dir === this.#taken) {
      this.#taken = undefined;
      // Back for the next push, with the settings its files were written under; not when another hook put one
      // back meanwhile (a move onto a directory moves into it), nor while a process still works in it.
      const kept = join(this.root, KEPT);
      const record = this.#checkedOut?.record;
      const noted =
        record !== undefined &&
        !existsSync(kept) &&
        (await this.#unchangedByJobs()) &&
        !workedIn(dir) &&
        (await writeFile(join(record, SETTINGS_FILE), (await this.#settings()).fingerprint).then(
          () => true,
          () => false,
        ));
      this.#checkedOut = undefined;
      if (noted && !existsSync(kept) && (await gitText(this.repoDir, ['worktree', 'move', dir, kept])).ok) {
        // Into one another hook put back in the moment between the look and the move: this one goes.
        const nested = join(kept, basename(dir));
        if (existsSync(nested)) await this.#removeWorktree(nested);
        return;
      }
    }
    await this.#removeWorktree(dir);
  }

  /** git's record of the worktree at `dir` (`<git common dir>/worktrees/<name>`), found by what the record says. */
  async #recordOf(dir: string): Promise<string | undefined> {
    return (await this.#recordsOf(dir))[0];
  }

  /**
   * Every record naming `dir` as its worktree, whether or not `dir` still exists: git may have written the path
   * through the real directory (a temp directory behind a link).
   */
  async #recordsOf(dir: string): Promise<string[]> {
    const paths = [join(dir, '.git')];
    const parent = await realpath(dirname(dir)).catch(() => undefined);
    if (parent !== undefined) paths.push(join(parent, basename(dir), '.git'));
    return (await this.#allRecords()).filter((r) => paths.includes(r.gitdir)).map((r) => r.path);
  }

  /** Every worktree record of the repository, with the `.git` path it names (empty when unreadable). */
  async #allRecords(): Promise<{ path: string; gitdir: string }[]> {
    const names = await readdir(this.records).catch(() => [] as string[]);
    return Promise.all(
      names.map(async (n) => ({
        path: join(this.records, n),
        gitdir: (await readFile(join(this.records, n, 'gitdir'), 'utf8').catch(() => '')).trim(),
      })),
    );
  }

  async #removeWorktree(dir: string): Promise<void> {
    // First: which submodules it holds is read from it.
    await forgetSubmoduleWorktrees(this.repoDir, dir);
    await simpleGit(this.repoDir)
      .raw(['worktree', 'remove', '--force', dir])
      .catch(() => undefined);
    // Jobs may leave read-only directories in the checkout; one that still resists is left for the next run.
    await removeTree(dir).catch(() => undefined);
    await this.#forget(dir);
  }

  /**
   * Removes git's record of the worktree at `dir` when `worktree remove` left it (its directory was gone or
   * resisted): this one record, not `git worktree prune`, which also forgets the user's own worktrees whose
   * directory is away for a moment (an unmounted disk), with their HEAD and index.
   */
  async #forget(dir: string): Promise<void> {
    for (const record of await this.#recordsOf(dir)) await rm(record, { recursive: true, force: true });
  }

  async #removeStale(): Promise<void> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    const stale = names.filter((n) => {
      if (n === KEPT) return !this.keep;
      return !liveHook(n);
    });
    for (const n of stale) await this.#removeWorktree(join(this.root, n));
    // git's records of worktrees whose directory is gone (removed by hand, or a hook killed inside `git worktree
    // move`): one naming `kept` would make every move back to it fail. Only `kept` and dead hooks' names, never
    // a live hook's, whose `worktree add` may not have made its directory yet. Wherever the hook's directory was:
    // a repository moved elsewhere keeps the records of its old place, which no name there matches again.
    const gone = (path: string): boolean => {
      const name = basename(dirname(path));
      return (
        basename(dirname(dirname(path))) === WORKTREES_DIR &&
        (name === KEPT || !liveHook(name)) &&
        !existsSync(dirname(path))
      );
    };
    for (const r of await this.#allRecords())
      if (r.gitdir !== '' && gone(r.gitdir)) await rm(r.path, { recursive: true, force: true });
  }
}

/**
 * Whether `name` is a worktree of a hook that is still running: named `<pid>-<8 hex digits>` (see add) after a
 * process that exists. Anything else under the hook's root is a dead hook's, or no hook's.
 */
function liveHook(name: string): boolean {
  const m = /^([1-9]\d*)-[0-9a-f]{8}$/.exec(name);
  return m !== null && isAlive(Number(m[1]));
}

/**
 * Whether a process works in `dir`: its working directory, its root or a file it holds open lies there (a daemon a
 * job started out of its process group, appending to a log or changing into the work tree): it would go on writing
 * into the next push's checkout. Asked of /proc (synchronously: a few microseconds a link, where the thread pool's
 * round trips cost tens); where there is none, keeping is off (see open). Processes this user cannot see
 * (another's, another PID namespace's, a container's) are not found.
 */
function workedIn(dir: string): boolean {
  const real = realPathOr(dir);
  const inside = (path: string): boolean => path === real || path.startsWith(`${real}/`);
  const link = (path: string): string => {
    try {
      return readlinkSync(path);
    } catch {
      return '';
    }
  };
  let pids: string[];
  try {
    pids = readdirSync('/proc');
  } catch {
    return true;
  }
  for (const pid of pids) {
    if (pid.charCodeAt(0) > 57) continue;
    if (inside(link(`/proc/${pid}/cwd`)) || inside(link(`/proc/${pid}/root`))) return true;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) if (inside(link(`/proc/${pid}/fd/${fd}`))) return true;
  }
  return false;
}

/** What a worktree's record holds when only git made it (a job's `git config --worktree`, sparse patterns do not). */
const RECORD_FILES = new Set(['HEAD', 'ORIG_HEAD', 'commondir', 'gitdir', 'index', 'logs', SETTINGS_FILE]);

/** Whether the record at `record` holds only what git itself writes there (see RECORD_FILES). */
async function onlyGitsOwn(record: string | undefined): Promise<boolean> {
  if (record === undefined) return false;
  const names = await readdir(record).catch(() => undefined);
  return names !== undefined && names.every((n) => RECORD_FILES.has(n));
}

/**
 * Whether git compares every entry of the index with its file: none skip-worktree or assume-unchanged (a job's
 * `git update-index --skip-worktree`, `git sparse-checkout set`), which `checkout --force` would leave as the job
 * left it.
 */
async function everyEntryLookedAt(
  git: (args: string[]) => Promise<Result<string, string>>,
): Promise<boolean> {
  const listed = await git(['ls-files', '-v', '-z']);
  // `<tag> <path>\0`: `H` for an entry git compares, anything else (`S`, a lower-case tag) for one it does not.
  return listed.ok && listed.value.split('\0').every((r) => r === '' || r.startsWith('H '));
}

/** The first entry under `dir` that is not a file, link or directory, or a `.git` other than its own; undefined if none. */
function strayEntry(dir: string): string | undefined {
  const pending = [''];
  for (let rel = pending.pop(); rel !== undefined; rel = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(rel === '' ? dir : join(dir, rel), { withFileTypes: true });
    } catch {
      return rel;
    }
    for (const e of entries) {
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.name === '.git') {
        if (path !== '.git') return path;
      } else if (e.isDirectory()) pending.push(path);
      else if (!e.isFile() && !e.isSymbolicLink()) return path;
    }
  }
  return undefined;
}
