import { randomBytes } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { isAlive } from '../cache/local-cache.js';
import { removeTree } from '../util/remove-tree.js';

/**
 * Temporary worktrees of pushed commits, under `<git common dir>/disbuild-worktrees/<pid>-<random>`, so that
 * uncommitted changes never leak into a build. Those of dead processes (a killed hook) are removed by the next.
 */
export class Worktrees {
  private constructor(
    readonly repoDir: string,
    readonly root: string,
  ) {}

  static async open(repoDir: string): Promise<Worktrees> {
    const common = (await simpleGit(repoDir).raw(['rev-parse', '--git-common-dir'])).trim();
    const root = join(isAbsolute(common) ? common : join(repoDir, common), 'disbuild-worktrees');
    const w = new Worktrees(repoDir, root);
    await w.#removeStale();
    return w;
  }

  /** Checks `sha` out, detached, into a fresh directory. */
  async add(sha: string): Promise<string> {
    await mkdir(this.root, { recursive: true });
    const dir = join(this.root, `${process.pid}-${randomBytes(4).toString('hex')}`);
    await simpleGit(this.repoDir).raw(['worktree', 'add', '--detach', '--quiet', dir, sha]);
    return dir;
  }

  async remove(dir: string): Promise<void> {
    await simpleGit(this.repoDir)
      .raw(['worktree', 'remove', '--force', dir])
      .catch(() => undefined);
    // Jobs may leave read-only directories in the checkout; one that still resists is left for the next run.
    await removeTree(dir).catch(() => undefined);
    await simpleGit(this.repoDir)
      .raw(['worktree', 'prune'])
      .catch(() => undefined);
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
