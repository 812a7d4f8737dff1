import { gitText } from '../ids/git-command.js';
import { isCheckedOutSubmodule } from '../ids/submodule-checkout.js';

/**
 * The submodules of `.gitmodules` at `root` that are checked out there, relative to `root`: each a gitlink of
 * `files` (the repository's listing), a directory of its own (not reached through a link) holding a `.git`.
 * A submodule not checked out is an empty directory, whose files no build can read. A repository nested without
 * `.gitmodules` (`git add` of a directory with a `.git`) is left out: git itself does not clone it.
 */
export async function checkedOutSubmodules(
  root: string,
  hasFile: (path: string) => boolean,
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
    if (path === '' || !hasFile(path) || !isCheckedOutSubmodule(root, path)) continue;
    out.push(path);
  }
  return out;
}
