import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What disbuild keeps at the top of a cache directory: `v1`, `runs`, `coordinator`, `code`, `logs` and its
 * versioned state (`keys-memo-v1`, `timings-v1.json`).
 */
const OWN_NAME = /^(?:v\d+|runs|coordinator|code|logs|[a-z]+(?:-[a-z]+)*-v\d+(?:\.json)?|\.gitignore)$/;

/**
 * Gives a cache directory a `.gitignore` that ignores everything in it (itself included), as pytest and mypy do
 * theirs: a cache inside a repository (`--cache-dir .cache/disbuild`) is then no untracked file of it, so neither
 * an input of a task whose inputs are every file (which its runs changed, and which then never stayed cached) nor
 * anything a glob of disbuild.json finds. Only in a directory that holds nothing but disbuild's own files (a
 * `--cache-dir .` or one shared with other files is left alone), never over an existing file, and never a reason
 * for a run to fail.
 */
export function ignoreCacheDir(dir: string): void {
  try {
    const names = readdirSync(dir);
    if (names.includes('.gitignore') || !names.every((n) => OWN_NAME.test(n))) return;
    writeFileSync(
      join(dir, '.gitignore'),
      '# written by disbuild: this cache is no part of the repository\n*\n',
      {
        flag: 'wx',
        mode: 0o644,
      },
    );
  } catch {
    // Another run wrote it meanwhile, or the directory cannot be written: the next run tries again.
  }
}
