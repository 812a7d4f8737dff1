import { realpathSync } from 'node:fs';

/**
 * `path` with its links resolved, as git sees the directory it runs in (paths git prints relative to its working
 * directory are relative to this, not to a link leading to it); `path` itself when that fails.
 */
export function realPathOr(path: string): string {
  return realPathIfAny(path) ?? path;
}

/** `path` with its links resolved; undefined when that fails (it leads nowhere, or loops). */
export function realPathIfAny(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
