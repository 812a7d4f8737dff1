import { lstatSync, type Stats } from 'node:fs';

/**
 * The stat data of `dir` when it is a directory of this user's, not a link to one; else undefined. Throws as lstat
 * does. In a cache directory shared with another user, a directory that user made (or replaced with a link to any
 * directory this user may write) must not receive this user's state: whatever it holds could be overwritten, or
 * removed as a leftover, and the other user could replace what is written there.
 */
export function ownDirectory(dir: string): Stats | undefined {
  const st = lstatSync(dir);
  const uid = process.getuid?.();
  return st.isDirectory() && (uid === undefined || st.uid === uid) ? st : undefined;
}
