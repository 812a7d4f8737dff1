import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Cache } from '../cache/cache.js';
import { LocalCache, removeDeadTemps } from '../cache/local-cache.js';
import { NullCache } from '../cache/null-cache.js';
import { FileTimings } from '../executor/timings.js';
import type { CliIo } from './io.js';

/** Everything a local run keeps in its cache directory: artifacts, timings and per-run scratch space. */
export interface LocalState {
  dir: string;
  timings: FileTimings;
  openCache(onWarning: (message: string) => void): Promise<Cache>;
  /** A fresh scratch directory for one run, on the cache's file system (so saves can rename, not copy). */
  newRunDir(): string;
}

/** `$XDG_CACHE_HOME/disbuild`, else `~/.cache/disbuild`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && xdg !== '' ? xdg : join(env.HOME ?? homedir(), '.cache'), 'disbuild');
}

export async function openLocalState(cacheDirFlag: string | undefined, io: CliIo): Promise<LocalState> {
  const dir = cacheDirFlag === undefined ? defaultCacheDir(io.env) : resolve(io.cwd, cacheDirFlag);
  const runsDir = join(dir, 'runs');
  // Scratch directories of runs whose process is gone (killed, crashed) are removed by the next run.
  await removeDeadTemps(runsDir);
  return {
    dir,
    timings: await FileTimings.open(join(dir, 'timings-v1.json')),
    // A cache that cannot be opened costs the run its cache, never the build.
    openCache: (onWarning) =>
      LocalCache.create(dir, { onWarning }).catch((e: unknown): Cache => {
        onWarning(`the local cache in ${dir} cannot be used (${(e as Error).message}); running without it`);
        return new NullCache();
      }),
    newRunDir: () => join(runsDir, `${process.pid}-${randomBytes(4).toString('hex')}`),
  };
}
