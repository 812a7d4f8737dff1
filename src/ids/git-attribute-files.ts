/**
 * Where git reads attributes beside a tree's own `.gitattributes` files and the repository's `info/attributes`: the
 * global file and the system one. Keys (git-conversions.ts) and the hook's kept worktree (checkout-settings.ts)
 * must look where git looks: a file they miss converts bytes they take for unconverted.
 */
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { gitBoolean } from './git-config-records.js';

/**
 * The git arguments whose answer names the system file: git 2.42 and later print it (nothing, and fail, when
 * `GIT_ATTR_NOSYSTEM` turns it off); older ones fail, and systemAttributesFiles guesses.
 */
export const SYSTEM_ATTRIBUTES_QUERY: readonly string[] = ['var', 'GIT_ATTR_SYSTEM'];

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
 * old to say, both places `$(sysconfdir)/gitattributes` may be: `/etc` (a git installed under `/usr`) and `etc`
 * beside the `bin` of the `git` that PATH finds, links followed (a git built with another prefix, such as
 * `/usr/local`). Homebrew's git, whose `sysconfdir` is neither, is recent enough to name it.
 */
export function systemAttributesFiles(named: string | undefined, env: NodeJS.ProcessEnv): string[] {
  if (env.GIT_ATTR_NOSYSTEM !== undefined && gitBoolean(env.GIT_ATTR_NOSYSTEM)) return [];
  if (named) return [named];
  const git = gitOnPath(env.PATH ?? '');
  const beside = git === undefined ? [] : [join(dirname(dirname(git)), 'etc', 'gitattributes')];
  return [...new Set(['/etc/gitattributes', ...beside])];
}

/** The `git` executable PATH leads to, links resolved; undefined when none is found. */
function gitOnPath(path: string): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'git');
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return realpathSync(candidate);
    } catch {
      continue;
    }
  }
  return undefined;
}
