import { statfsSync } from 'node:fs';

/**
 * Below this much free space on the cache's disk, a run keeps its scratch files and job outputs elsewhere (the
 * system temp directory): a job must not fail because the cache filled its disk. Only where outputs are written
 * changes (a save then copies instead of renaming), so the margin can be generous.
 */
export const LOW_SPACE_BYTES = 512 * 1024 * 1024;

/** Bytes an unprivileged process may still write on the file system holding `path`; undefined when unknown. */
export function freeBytes(path: string): number | undefined {
  try {
    const s = statfsSync(path);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

/** Whether the disk holding `path` is known to be short of space (unknown counts as not short). */
export function isLowOnSpace(path: string, threshold = LOW_SPACE_BYTES): boolean {
  const free = freeBytes(path);
  return free !== undefined && free < threshold;
}

/** Whether an error says a disk or a quota is full. */
export function isDiskFull(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
