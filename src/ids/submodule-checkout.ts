import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

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
 * The submodules that the repository holding `dir` lists in its `.gitmodules` and that are checked out (see
 * isCheckedOutSubmodule) under `dir`, relative to it, each a path `isGitlink` accepts (by default, any); nested
 * ones are the submodules' own. Whether a submodule is active (`submodule.<name>.active`, or a URL in the
 * configuration) does not matter: its files are on disk for a build to read. A repository nested without
 * `.gitmodules` (`git add` of a directory with a `.git`) is left out: git itself does not clone it. Synchronous:
 * asked only where a `.gitmodules` lists a directory with a `.git`, one short `git config` per version of the
 * file in a process (the listing, the keys and the in-place outputs all ask).
 */
export function checkedOutSubmodules(
  from: string,
  isGitlink: (path: string) => boolean = () => true,
): string[] {
  const dir = resolve(from);
  const top = workTreeTop(dir);
  const file = top === undefined ? undefined : join(top, '.gitmodules');
  if (file === undefined || !existsSync(file)) return [];
  // Paths in `.gitmodules` are from the top; `dir` may be below it.
  const below = relative(top!, dir).split(sep).join('/');
  const prefix = below === '' ? '' : `${below}/`;
  const candidates = plainPaths(file);
  if (
    candidates !== undefined &&
    !candidates.some((p) => p.startsWith(prefix) && existsSync(join(top!, p, '.git')))
  )
    return [];
  const listed = pathsGitReads(file, top!);
  if (listed === undefined) return [];
  const out = new Set<string>();
  for (const path of listed) {
    if (path === '' || !path.startsWith(prefix)) continue;
    const inside = path.slice(prefix.length);
    // A path of `.` or through `..` would list a repository as its own submodule, without end.
    if (inside.split('/').some((s) => s === '' || s === '.' || s === '..')) continue;
    if (isGitlink(inside) && isCheckedOutSubmodule(dir, inside)) out.add(inside);
  }
  return [...out];
}

/** What git read of each `.gitmodules`, with the file's stat data then: a run asks for it more than once. */
const readByGit = new Map<string, { stamp: string; paths: string[] | undefined }>();

/**
 * The `path` values of the `.gitmodules` file `file` at the top `top` of a work tree, as `git config` reads
 * them; undefined when git cannot. Asked again only once the file has changed.
 */
function pathsGitReads(file: string, top: string): string[] | undefined {
  const st = statSync(file, { bigint: true, throwIfNoEntry: false });
  const stamp = st === undefined ? '' : `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  const kept = readByGit.get(file);
  if (kept !== undefined && kept.stamp === stamp && stamp !== '') return kept.paths;
  let paths: string[] | undefined;
  try {
    const listed = execFileSync(
      'git',
      ['config', '-z', '--file', file, '--get-regexp', '^submodule\\..*\\.path$'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: submoduleEnv(top) },
    );
    // Records of `<key>\n<value>\0`.
    paths = listed.split('\0').map((record) => record.slice(record.indexOf('\n') + 1));
  } catch {
    paths = undefined;
  }
  readByGit.set(file, { stamp, paths });
  return paths;
}

/**
 * The `path` values of a `.gitmodules` read as plain text, when none is quoted or escaped (the usual file, as
 * `git submodule add` writes it): enough to tell that none is checked out without starting git, which then
 * reads the file for the answer. Undefined when git must read it (quotes, escapes, or no file).
 */
function plainPaths(file: string): string[] | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const paths: string[] = [];
  for (const m of text.matchAll(/^\s*path\s*=(.*)$/gim)) {
    const value = m[1]!;
    if (/["\\]/.test(value)) return undefined;
    // An unquoted `#` or `;` begins a comment.
    paths.push(value.replace(/[#;].*$/, '').trim());
  }
  // A key written where the lines above do not look (after a section's header, on its line): git reads it.
  if ((text.match(/path\s*=/gi) ?? []).length !== paths.length) return undefined;
  return paths;
}

/**
 * The top of the work tree holding `dir`: the nearest directory at or above it with a `.git` (a directory, or
 * the file of a linked worktree or a submodule). Undefined when there is none.
 */
function workTreeTop(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * git's variables that tie a command to one repository (`git rev-parse --local-env-vars`), less those carrying
 * `-c` settings, which git itself passes on to submodules.
 */
const LOCAL_ENV = [
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_CONFIG',
  'GIT_OBJECT_DIRECTORY',
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_IMPLICIT_WORK_TREE',
  'GIT_GRAFT_FILE',
  'GIT_INDEX_FILE',
  'GIT_NO_REPLACE_OBJECTS',
  'GIT_REPLACE_REF_BASE',
  'GIT_PREFIX',
  'GIT_INTERNAL_SUPER_PREFIX',
  'GIT_SHALLOW_FILE',
  'GIT_COMMON_DIR',
];

/**
 * The environment for git commands in the submodule at `dir`: this process's, less the variables that would point
 * them at the repository around it (a pre-commit hook runs with `GIT_INDEX_FILE`; `GIT_DIR` and `GIT_WORK_TREE`
 * name the superproject), and with git's search for a repository stopped above `dir`: a submodule whose `.git`
 * is broken must fail, not be taken for a directory of the superproject.
 */
export function submoduleEnv(dir: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of LOCAL_ENV) delete env[name];
  let parent = dirname(dir);
  try {
    parent = realpathSync(parent);
  } catch {
    // As given: git fails on a directory that is not there anyway.
  }
  env.GIT_CEILING_DIRECTORIES = parent;
  return env;
}
