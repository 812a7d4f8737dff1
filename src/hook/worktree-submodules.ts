import { existsSync } from 'node:fs';
import { readFile, readdir, realpath, rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { gitText } from '../ids/git-command.js';
import { isCheckedOutSubmodule } from '../ids/submodule-checkout.js';

/**
 * Submodules in a worktree of a pushed commit: each that the checkout has checked out is checked out in the
 * worktree too, at the commit its gitlink records, as a worktree of the checkout's submodule (its objects, no
 * fetch); nested ones in turn. A build then reads the submodule's files as a full checkout of the commit would,
 * and the compile lists them as `disbuild run` does in the checkout (see config/repo-files.ts).
 *
 * Deals with: a gitlink whose commit the checkout's submodule lacks (not fetched; said, see checkOutSubmodules'
 * answer) or that the checkout has not checked out: its directory stays empty, as in a clone without
 * `--recurse-submodules`, and the keys find its files missing alike (see commit-digests.ts); removing the
 * submodules' records of worktrees gone (git's own `worktree remove` of the outer worktree leaves them).
 */
export async function checkOutSubmodules(checkout: string, worktree: string, at = ''): Promise<string[]> {
  if (!hasSubmodules(checkout)) return [];
  const problems: string[] = [];
  for (const [path, commit] of await gitlinks(worktree)) {
    if (!isCheckedOutSubmodule(checkout, path)) continue;
    const added = await gitText(join(checkout, path), [
      'worktree',
      'add',
      '--detach',
      '--quiet',
      join(worktree, path),
      commit,
    ]);
    if (added.ok)
      problems.push(
        ...(await checkOutSubmodules(join(checkout, path), join(worktree, path), `${at}${path}/`)),
      );
    else problems.push(await notCheckedOut(join(checkout, path), `${at}${path}`, commit, added.error));
  }
  return problems;
}

/** Why the submodule at `dir` could not be checked out at `commit`: not fetched, or what git said (a full disk). */
async function notCheckedOut(dir: string, path: string, commit: string, error: string): Promise<string> {
  const known = await gitText(dir, ['cat-file', '-e', `${commit}^{commit}`]);
  const why = known.ok
    ? `could not be checked out at ${commit.slice(0, 12)} (${error})`
    : `its commit ${commit.slice(0, 12)} is not in this checkout's copy (\`git submodule update\` fetches it)`;
  return `submodule ${path}: ${why}; built without its files`;
}

/**
 * Removes the checkout's submodules' records of worktrees inside `worktree`, before it is removed: those of the
 * submodules checkOutSubmodules looked at (the worktree's gitlinks, while it is there: a branch may have a
 * submodule the checkout's index lacks, its directory left behind by a checkout), and the checkout's own.
 */
export async function forgetSubmoduleWorktrees(checkout: string, worktree: string): Promise<void> {
  if (!hasSubmodules(checkout)) return;
  const inside = [`${worktree}/`];
  const real = await realpath(worktree).catch(() => undefined);
  if (real !== undefined && real !== worktree) inside.push(`${real}/`);
  const paths = new Set([...(await gitlinks(worktree)).keys(), ...(await gitlinks(checkout)).keys()]);
  for (const path of paths) {
    if (!isCheckedOutSubmodule(checkout, path)) continue;
    const submodule = join(checkout, path);
    const common = await gitText(submodule, ['rev-parse', '--git-common-dir']);
    if (!common.ok) continue;
    const dir = common.value.trim();
    const records = join(isAbsolute(dir) ? dir : join(submodule, dir), 'worktrees');
    for (const name of await readdir(records).catch(() => [] as string[])) {
      const gitdir = (await readFile(join(records, name, 'gitdir'), 'utf8').catch(() => '')).trim();
      if (inside.some((p) => gitdir.startsWith(p)))
        await rm(join(records, name), { recursive: true, force: true });
    }
    await forgetSubmoduleWorktrees(submodule, join(worktree, path));
  }
}

/** Whether the work tree at `dir` may have submodules checked out: `git submodule` writes `.gitmodules`. */
export function hasSubmodules(dir: string): boolean {
  return existsSync(join(dir, '.gitmodules'));
}

/** The gitlinks of the index of the work tree at `dir`: path → the commit recorded. */
async function gitlinks(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const listed = await gitText(dir, ['ls-files', '-s', '-z']);
  if (!listed.ok) return out;
  // `<mode> <oid> <stage>\t<path>`
  for (const record of listed.value.split('\0')) {
    if (!record.startsWith('160000 ')) continue;
    const tab = record.indexOf('\t');
    out.set(record.slice(tab + 1), record.slice(7, record.indexOf(' ', 7)));
  }
  return out;
}
