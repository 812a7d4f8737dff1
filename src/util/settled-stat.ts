import type { Stats } from 'node:fs';

/**
 * How long before its stat data was taken a file must have last changed for the stat data to vouch for its bytes.
 * Two writes land in the same timestamp when both fall in one tick of the file system's clock (a few
 * milliseconds; a second or two where timestamps are coarse: FAT, ext3, HFS+). Past this margin, any later write
 * moves the ctime. Stat data taken sooner is never believed (what git calls "racily clean").
 */
export const SETTLED_MS = 3000;

/**
 * Whether stat data taken at `takenAtMs` (wall clock) is of a file that last changed well before (SETTLED_MS). In
 * Node's milliseconds: a double, a quarter of a microsecond apart at today's dates, far finer than that margin (see
 * OutputStatRecords).
 */
export function settledMs(st: Stats, takenAtMs: number): boolean {
  const before = takenAtMs - SETTLED_MS;
  return st.mtimeMs < before && st.ctimeMs < before;
}

/**
 * Whether the inode number survived Node's double: above 2^53 (some network and overlay file systems) two inodes
 * can read the same, and such a file's stat data vouches for nothing.
 */
export function exactIno(st: Stats): boolean {
  return Number.isSafeInteger(st.ino);
}

/** The stat data that must be unchanged for a file's bytes to be: undefined for anything but a regular file. */
export function statKey(st: Stats | undefined): string | undefined {
  if (!st?.isFile() || !exactIno(st)) return undefined;
  return `${st.dev}:${st.ino}:${st.size}:${st.mode}:${st.mtimeMs}:${st.ctimeMs}`;
}

/** The stat data that must be unchanged for a directory to hold the same names (a rename in or out moves them). */
export function dirKey(st: Stats | undefined): string | undefined {
  if (!st?.isDirectory() || !exactIno(st)) return undefined;
  return `${st.dev}:${st.ino}:${st.mode}:${st.uid}:${st.mtimeMs}:${st.ctimeMs}`;
}
