import { lstatSync, realpathSync, type Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Why another user could rename what this user keeps in `dir` and put their own in its place, or undefined when
 * nobody can. A directory's entries can be renamed by its owner and, without the sticky bit, by whoever may
 * write it; so can the directory itself, by those of its parent. A cache keeps job outputs in `dir` before it
 * hashes them, and reads restored trees back by their paths: another user who could swap one for a tree of
 * their own between two of those steps would have their files saved as this user's build.
 *
 * So every directory from the root down to `dir` must be this user's or root's, and writable by nobody else
 * (a group that is this process's own counts as its own, as user-private groups under a umask of 002 make every
 * directory group-writable) unless it is sticky. Checked along the path as written (a link there is replaced by
 * whoever owns its directory, which the check of that directory covers) and along the path it resolves to.
 * `below`: directories inside `dir` to check as well (each must be one, not a link), at the cost of one call each.
 * Throws as lstat does (a missing `dir`).
 */
export function renamableByOthers(dir: string, below: readonly string[] = []): string | undefined {
  const uid = process.geteuid?.();
  const gid = process.getegid?.();
  if (uid === undefined) return undefined;
  const problem = (path: string, st: Stats): string | undefined => {
    if (st.uid !== uid && st.uid !== 0) return `${path} belongs to another user (uid ${st.uid})`;
    const sticky = (st.mode & 0o1000) !== 0;
    if (sticky) return undefined;
    if ((st.mode & 0o002) !== 0) return `${path} can be written by any user`;
    if ((st.mode & 0o020) !== 0 && st.gid !== gid) return `${path} can be written by group ${st.gid}`;
    return undefined;
  };
  const chain = (path: string, stat: (p: string) => Stats): string | undefined => {
    for (let p = path; ; p = dirname(p)) {
      const st = stat(p);
      // A link is checked where it points, along the resolved path.
      const why = st.isSymbolicLink() ? undefined : problem(p, st);
      if (why !== undefined) return why;
      if (dirname(p) === p) return undefined;
    }
  };
  const written = resolve(dir);
  const above = chain(written, lstatSync) ?? chain(realpathSync.native(written), statSync);
  if (above !== undefined) return above;
  for (const name of below) {
    const path = `${written}/${name}`;
    const st = lstatSync(path);
    const why = st.isDirectory() ? problem(path, st) : `${path} is not a directory`;
    if (why !== undefined) return why;
  }
  return undefined;
}
