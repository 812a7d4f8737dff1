import { chmodSync, lstatSync, realpathSync, type Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Why another user could rename what this user keeps in `dir` and put their own in its place, or undefined when
 * no other user owns a directory on its way. The owner of a directory may rename its entries whatever its mode
 * (sticky or not); so a cache directory another user made (a name squatted in `/tmp`, a team's directory whose
 * `v1/` a colleague made first) lets that user swap a job's output directory for a tree of their own between
 * the job and the hashing of its files, or a restored tree before a dependent reads it.
 *
 * So every directory from the root down to `dir` (and each of `below`, inside it) must be this user's or
 * root's. Checked along the path as written (a link there is replaced only by whoever owns its directory, which
 * that directory's check covers) and along the path it resolves to. What the mode of one of those lets others do
 * is the owner's choice (a checkout made under a umask of 000 lets anyone edit the sources too); the cache's own
 * directories are made and kept writable by this user only (ownDirectoryTightened). Throws as lstat does (a
 * missing `dir`).
 */
export function renamableByOthers(dir: string, below: readonly string[] = []): string | undefined {
  const uid = process.geteuid?.();
  if (uid === undefined) return undefined;
  const problem = (path: string, st: Stats): string | undefined =>
    st.uid !== uid && st.uid !== 0 ? `${path} belongs to another user (uid ${st.uid})` : undefined;
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

/**
 * Takes group and others' write bits off `dir` when it is this user's and has them without the sticky bit: a
 * cache directory made under a umask of 000 (GitLab's Docker executor) would let any user rename what it holds.
 * Never throws: a directory it cannot change is left as it is.
 */
export function ownDirectoryTightened(dir: string): void {
  try {
    const st = lstatSync(dir);
    const uid = process.geteuid?.();
    if (!st.isDirectory() || uid === undefined || st.uid !== uid) return;
    if ((st.mode & 0o022) !== 0 && (st.mode & 0o1000) === 0) chmodSync(dir, st.mode & 0o7755);
  } catch {
    // As it is.
  }
}
