import { lstatSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether the submodule at `path` (relative to `repoDir`) is checked out there: a `.git` of its own, reached
 * through no link (its files are listed and read under `path`, so no link on the way may lead elsewhere). One
 * that is not checked out is an empty directory.
 */
export function isCheckedOutSubmodule(repoDir: string, path: string): boolean {
  try {
    const real = join(realpathSync(repoDir), path);
    return (
      realpathSync(real) === real && lstatSync(join(real, '.git'), { throwIfNoEntry: false }) !== undefined
    );
  } catch {
    return false;
  }
}
