/**
 * Where git reads attributes beside a tree's own `.gitattributes` files and the repository's `info/attributes`: the
 * global file and the system one. Keys (git-conversions.ts) and the hook's kept worktree (checkout-settings.ts)
 * must look where git looks: a file they miss converts bytes they take for unconverted.
 */
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { gitBoolean } from './git-config-records.js';

/**
 * The git arguments whose answer names the system file: git 2.42 and later print it (nothing, and fail, when
 * `GIT_ATTR_NOSYSTEM` turns it off); older ones fail, and systemAttributesFiles guesses.
 */
export const SYSTEM_ATTRIBUTES_QUERY: readonly string[] = ['var', 'GIT_ATTR_SYSTEM'];

/** The git arguments whose answer is git's exec-path (`<prefix>/libexec/git-core`): for systemAttributesFiles. */
export const EXEC_PATH_QUERY: readonly string[] = ['--exec-path'];

/** The global file: `core.attributesFile` (`~/` expanded, as git does), else git's place for it under XDG. */
export function globalAttributesFile(attributesFile: string | undefined, env: NodeJS.ProcessEnv): string {
  const home = env.HOME ?? homedir();
  return attributesFile
    ? attributesFile.replace(/^~(?=\/)/, home)
    : join(env.XDG_CONFIG_HOME || join(home, '.config'), 'git', 'attributes');
}

/**
 * The system files git may read: none when `GIT_ATTR_NOSYSTEM` is true (as git reads a boolean: `0` is false);
 * the one git named (`named`, the trimmed answer of SYSTEM_ATTRIBUTES_QUERY when it succeeded); else, for a git too
 * old to say, every place `$(sysconfdir)/gitattributes` may be: `/etc` (a git installed under `/usr`) and `etc`
 * under git's prefix (a git built with another, such as `/usr/local`), found from `execPath` (the answer of
 * EXEC_PATH_QUERY, `<prefix>/libexec/git-core`, right through a version manager's shim) and from the `git` that PATH
 * finds, as found and with links resolved: `<prefix>/bin/git`, or, when git runs us (a hook, an alias: it puts its
 * exec-path first on PATH), `<prefix>/libexec/git-core/git`. Homebrew's git, whose `sysconfdir` is none of these,
 * is recent enough to name it.
 */
export function systemAttributesFiles(
  named: string | undefined,
  env: NodeJS.ProcessEnv,
  execPath?: string,
): string[] {
  if (env.GIT_ATTR_NOSYSTEM !== undefined && gitBoolean(env.GIT_ATTR_NOSYSTEM)) return [];
  if (named) return [named];
  const prefixes: string[] = [];
  if (execPath) prefixes.push(prefixOf(join(execPath, 'git')));
  const git = gitOnPath(env.PATH ?? '');
  if (git !== undefined) prefixes.push(prefixOf(git.found), prefixOf(git.real));
  return [...new Set(['/etc/gitattributes', ...prefixes.map((p) => join(p, 'etc', 'gitattributes'))])];
}

/** The installation prefix of a `git` executable: above `bin/`, or above `libexec/git-core/` (`lib/git-core/`). */
function prefixOf(git: string): string {
  const dir = dirname(git);
  return basename(dir) === 'git-core' ? dirname(dirname(dir)) : dirname(dir);
}

/** The `git` executable PATH leads to, as found and with links resolved; undefined when none is found. */
function gitOnPath(path: string): { found: string; real: string } | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'git');
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return { found: candidate, real: realpathSync(candidate) };
    } catch {
      continue;
    }
  }
  return undefined;
}
