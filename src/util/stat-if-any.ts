import { lstatSync, statSync, type Stats } from 'node:fs';

/**
 * A path's stat data (of a link itself, not of what it leads to); undefined when it cannot be had for any reason:
 * missing, or behind a directory that became a file or that may not be entered. Whoever asks treats that as
 * nothing there, and never fails for it.
 */
export function lstatIfAny(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** As lstatIfAny, following links. */
export function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
