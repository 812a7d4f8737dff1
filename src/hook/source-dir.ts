import { realpath, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';

/**
 * The directory the hook reads `disbuild.json` from and builds in, relative to the repository's top:
 * `git config disbuild.sourceDir` (as the CLI's `--source-dir` and the Action's `source-dir`), `''` for the top.
 * A project whose `disbuild.json` lives in `web/` is then keyed and built there, as a run in `web/` is, so the
 * hook finds what such a run (CI's) cached.
 *
 * It must name a directory of the checkout pushing, not one reached through a link: the keys of a commit are read
 * through git from there (see commit-digests.ts), and a link could lead them elsewhere than the commit's own.
 */
export async function hookSourceDir(
  top: string,
  settings: ReadonlyMap<string, string>,
): Promise<Result<string, string>> {
  const given = settings.get('disbuild.sourcedir');
  if (given === undefined) return ok('');
  const dir = posix.normalize(given.replace(/\/+$/, ''));
  const refused = (why: string): Result<string, string> =>
    err(`git config disbuild.sourceDir ${JSON.stringify(given)}: ${why}`);
  if (dir === '.') return ok('');
  if (posix.isAbsolute(dir) || dir === '..' || dir.startsWith('../'))
    return refused('must be a directory inside the repository, relative to its top');
  const [realTop, realDir] = await Promise.all([
    realpath(top).catch(() => undefined),
    realpath(join(top, dir)).catch(() => undefined),
  ]);
  if (realTop === undefined || realDir === undefined) return refused('no such directory in this checkout');
  if (realDir !== join(realTop, dir)) return refused('is reached through a symbolic link');
  if (!(await stat(realDir).catch(() => undefined))?.isDirectory()) return refused('is not a directory');
  return ok(dir);
}
