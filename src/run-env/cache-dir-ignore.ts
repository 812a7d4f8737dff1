import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether `dir` is new to disbuild: not there yet, or empty. Asked before a run writes anything there. */
export function isNewCacheDir(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/**
 * Gives a cache directory a `.gitignore` that ignores everything in it (itself included), as pytest and mypy do
 * theirs: a cache inside a repository (`--cache-dir .cache/disbuild`) is then no untracked file of it, so neither
 * an input of a task whose inputs are every file (which its runs changed, and which then never stayed cached) nor
 * anything a glob of disbuild.json finds. Only for a directory the run found new (isNewCacheDir): one that holds
 * anything else may be the repository's own (`--cache-dir versions`, beside `v1/` and `v2/` of sources), whose new
 * files a `.gitignore` would hide from git and from the keys. Never over an existing file, and never a reason for a
 * run to fail.
 */
export function ignoreCacheDir(dir: string): void {
  try {
    writeFileSync(
      join(dir, '.gitignore'),
      '# written by disbuild: this cache is no part of the repository\n*\n',
      {
        flag: 'wx',
        mode: 0o644,
      },
    );
  } catch (e) {
    // There already, or the directory cannot be written: the run goes on. One made and not written whole (a full
    // disk) ignores nothing and is not left to say it does.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return;
    try {
      rmSync(join(dir, '.gitignore'), { force: true });
    } catch {
      // Not removable either: an empty file that ignores nothing, as before it was written.
    }
  }
}
