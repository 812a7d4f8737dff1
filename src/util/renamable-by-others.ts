import { chmodSync, lstatSync, type Stats, statSync } from 'node:fs';

/**
 * Why another user could rename what this user keeps in `dir` and put their own in its place, or undefined when
 * the cache's own directories are this user's. The owner of a directory may rename its entries whatever its
 * mode; so a cache directory another user made (a name squatted in `/tmp`, a team's directory whose `v1/` a
 * colleague made first) lets that user swap a job's output directory for a tree of their own between the job and
 * the hashing of its files, or a restored tree before a dependent reads it.
 *
 * So `dir` (followed, should it be a link) and each of `below` (inside it; real directories, not links) must be
 * this user's or root's. The directories above `dir` are not checked: what others may do to them is their owner's
 * choice, as for the checkout (whoever may rename a directory above the sources may replace the sources too), and
 * they are other users' in setups that are nobody's attack: root in a container whose home or workspace is the
 * host user's, a user namespace that shows the host's directories as nobody's. Throws as stat does (a missing
 * `dir`).
 */
export function renamableByOthers(dir: string, below: readonly string[] = []): string | undefined {
  const uid = process.geteuid?.();
  if (uid === undefined) return undefined;
  const problem = (path: string, st: Stats): string | undefined => {
    if (!st.isDirectory()) return `${path} is not a directory`;
    return st.uid !== uid && st.uid !== 0 ? `${path} belongs to another user (uid ${st.uid})` : undefined;
  };
  const own = problem(dir, statSync(dir));
  if (own !== undefined) return own;
  for (const name of below) {
    const path = `${dir}/${name}`;
    const why = problem(path, lstatSync(path));
    if (why !== undefined) return why;
  }
  return undefined;
}

/**
 * Takes the write bits of others (and, unless `keepGroup`, of its group) off `dir` when it is this user's and
 * has them without the sticky bit: a cache directory made under a umask of 000 (GitLab's Docker executor) would
 * let any user rename what it holds. Never throws: a directory it cannot change is left as it is.
 */
export function ownDirectoryTightened(dir: string, keepGroup = false): void {
  try {
    const st = lstatSync(dir);
    const uid = process.geteuid?.();
    if (!st.isDirectory() || uid === undefined || st.uid !== uid || (st.mode & 0o1000) !== 0) return;
    const loose = keepGroup ? 0o002 : 0o022;
    if ((st.mode & loose) !== 0) chmodSync(dir, st.mode & 0o7777 & ~loose);
  } catch {
    // As it is.
  }
}
