import type { BigIntStats, Stats } from 'node:fs';

/**
 * How long before its stat data was taken a file must have last changed for the stat data to vouch for its bytes.
 * Two writes land in the same timestamp when both fall in one tick of the file system's clock (a few
 * milliseconds; a second or two where timestamps are coarse: FAT, ext3, HFS+). Past this margin, any later write
 * moves the ctime. Stat data taken sooner is never believed (what git calls "racily clean").
 */
export const SETTLED_MS = 3000;

/** Whether stat data taken at `takenAtMs` (wall clock) is of a file that last changed well before (SETTLED_MS). */
export function settled(st: BigIntStats, takenAtMs: number): boolean {
  const before = BigInt(Math.floor(takenAtMs - SETTLED_MS)) * 1_000_000n;
  return st.mtimeNs < before && st.ctimeNs < before;
}

/** As `settled`, for stat data in milliseconds (see OutputStatRecords for why they are precise enough there). */
export function settledMs(st: Stats, takenAtMs: number): boolean {
  const before = takenAtMs - SETTLED_MS;
  return st.mtimeMs < before && st.ctimeMs < before;
}
