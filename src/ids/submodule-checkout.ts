import { lstatSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { gitText } from './git-command.js';

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

/**
 * The submodules of `.gitmodules` at `root` that are checked out there (see isCheckedOutSubmodule), relative to
 * `root`, each a path `isGitlink` accepts (by default, any). A repository nested without `.gitmodules` (`git add`
 * of a directory with a `.git`) is left out: git itself does not clone it.
 */
export async function checkedOutSubmodules(
  root: string,
  isGitlink: (path: string) => boolean = () => true,
): Promise<string[]> {
  const listed = await gitText(root, [
    'config',
    '-z',
    '--file',
    '.gitmodules',
    '--get-regexp',
    '^submodule\\..*\\.path$',
  ]);
  if (!listed.ok) return [];
  const out: string[] = [];
  // Records of `<key>\n<value>\0`.
  for (const record of listed.value.split('\0')) {
    const path = record.slice(record.indexOf('\n') + 1);
    if (path !== '' && isGitlink(path) && isCheckedOutSubmodule(root, path)) out.push(path);
  }
  return out;
}
