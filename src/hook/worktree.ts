import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, realpath, rm } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { isAlive } from '../cache/local-cache.js';
import { removeTree } from '../util/remove-tree.js';
import { checkOutSubmodules, forgetSubmoduleWorktrees } from './worktree-submodules.js';

/**
 * Temporary worktrees of pushed commits, under `<git common dir>/disbuild-worktrees/<pid>-<random>`, so that
 * uncommitted changes never leak into a build, with the submodules the checkout has (see worktree-submodules.ts).
 * Those of dead processes (a killed hook) are removed by the next.
 */
export class Worktrees {
  private constructor(
    readonly repoDir: string,
    readonly root: string,
    /** `<git common dir>/worktrees`: git's record of each worktree. */
    readonly records: string,
    /** Told, once each, what a worktree lacks that a full checkout of its commit would have. */
    readonly warn: (message: string) => void,
  ) {}

  static async open(repoDir: string, warn: (message: string) => void = () => undefined): Promise<Worktrees> {
    const raw = (await simpleGit(repoDir).raw(['rev-parse', '--git-common-dir'])).trim();
    const common = isAbsolute(raw) ? raw : join(repoDir, raw);
    const said = new Set<string>();
    const once = (m: string): void => {
      if (!said.has(m)) warn(m);
      said.add(m);
    };
    const w = new Worktrees(repoDir, join(common, 'disbuild-worktrees'), join(common, 'worktrees'), once);
    await w.#removeStale();
    return w;
  }

  /** Checks `sha` out, detached, into a fresh directory. */
  async add(sha: string): Promise<string> {
    await mkdir(this.root, { recursive: true });
    const dir = join(this.root, `${process.pid}-${randomBytes(4).toString('hex')}`);
    await simpleGit(this.repoDir).raw(['worktree', 'add', '--detach', '--quiet', dir, sha]);
    for (const problem of await checkOutSubmodules(this.repoDir, dir)) this.warn(problem);
    return dir;
  }

  async remove(dir: string): Promise<void> {
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
    // git may have written the path through the real directory (a temp directory behind a link).
    const real = await realpath(this.root).then(
      (r) => join(r, basename(dir), '.git'),
      () => undefined,
    );
    const names = await readdir(this.records).catch(() => [] as string[]);
    for (const n of names) {
      const gitdir = (await readFile(join(this.records, n, 'gitdir'), 'utf8').catch(() => '')).trim();
      if (gitdir === join(dir, '.git') || gitdir === real)
        await rm(join(this.records, n), { recursive: true, force: true });
    }
  }

  async #removeStale(): Promise<void> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    const stale = names.filter((n) => {
      const pid = Number(n.split('-')[0]);
      return !(Number.isInteger(pid) && pid > 0 && isAlive(pid));
    });
    for (const n of stale) await this.remove(join(this.root, n));
  }
}
