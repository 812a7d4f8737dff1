import { createHash, randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Cache } from '../cache/cache.js';
import { LocalCache, removeDeadTemps } from '../cache/local-cache.js';
import { NullCache } from '../cache/null-cache.js';
import { FileTimings } from '../executor/timings.js';
import { freeBytes, isLowOnSpace } from '../util/free-space.js';
import { deadPidTemps, makePidTemp } from '../util/pid-temp.js';
import { removeTree } from '../util/remove-tree.js';
import { ownDirectoryTightened, renamableByOthers } from '../util/renamable-by-others.js';
import type { CliIo } from './io.js';
import { inBackground } from '../util/background.js';
import { defaultCacheDir } from './cache-dir.js';
import { ignoreCacheDir, isNewCacheDir } from './cache-dir-ignore.js';

/** Everything a local run keeps in its cache directory: artifacts, timings and per-run scratch space. */
export interface LocalState {
  dir: string;
  timings: FileTimings;
  openCache(onWarning: (message: string) => void): Promise<Cache>;
  /**
   * A fresh scratch directory for one run, on the cache's file system (so saves can rename, not copy); in the
   * system temp directory when the cache's disk is short of space, so that jobs do not fail for it (warned).
   */
  newRunDir(onWarning?: (message: string) => void): string;
  /** Where runs in `sourceDir` remember the stat data of its in-place output files (one file per directory). */
  outputRecordsFile(sourceDir: string): string;
  /** Where runs in `sourceDir` keep the graph last compiled from its disbuild.json (one file per directory). */
  compiledGraphFile(sourceDir: string): string;
  /** Where runs keep the validation of the graph file at `graphPath` (absolute; one file per graph file). */
  validatedGraphFile(graphPath: string): string;
  /** Where runs in `sourceDir` keep the keys they computed last (see keys-memo.ts). */
  keysMemoFile(sourceDir: string): string;
}

/** Run directories made in the system temp directory are named `disbuild-run-<pid>-<random>`. */
const FALLBACK_PREFIX = 'disbuild-run-';

export function openLocalState(cacheDirFlag: string | undefined, io: CliIo): LocalState {
  const dir = cacheDirFlag === undefined ? defaultCacheDir(io.env) : resolve(io.cwd, cacheDirFlag);
  const runsDir = join(dir, 'runs');
  // Before this run writes there (see ignoreCacheDir).
  let fresh = isNewCacheDir(dir);
  // Scratch directories of runs whose process is gone (killed, crashed) are removed by the next run, while it
  // reads its graph: a new run's own directory bears its own process ID, which that removal passes over.
  inBackground(removeDeadTemps(runsDir));
  return {
    dir,
    timings: FileTimings.read(join(dir, 'timings-v1.json')),
    // A cache that cannot be opened costs the run its cache, never the build.
    openCache: (onWarning) =>
      LocalCache.create(dir, { onWarning }).catch((e: unknown): Cache => {
        onWarning(`the local cache in ${dir} cannot be used (${(e as Error).message}); running without it`);
        return new NullCache();
      }),
    outputRecordsFile: (sourceDir) =>
      join(dir, 'in-place-v1', `${createHash('sha1').update(sourceDir).digest('hex')}.json`),
    compiledGraphFile: (sourceDir) =>
      join(dir, 'compiled-graph-v1', `${createHash('sha1').update(sourceDir).digest('hex')}.json`),
    // Sixteen slots, not a file per path: a graph generated into a new temp directory every run must not leave a
    // graph-sized file behind each time. The slot's key is the text's digest (a validation depends on nothing else).
    validatedGraphFile: (graphPath) =>
      join(dir, 'validated-graph-v1', `slot-${createHash('sha1').update(graphPath).digest('hex')[0]}.json`),
    // Sixteen slots as well: each holds the keys of one graph and checkout, whichever ran last in that slot.
    keysMemoFile: (sourceDir) =>
      join(dir, 'keys-memo-v1', `slot-${createHash('sha1').update(sourceDir).digest('hex')[0]}`),
    newRunDir: (onWarning) => {
      let why: string;
      if (isLowOnSpace(dir)) {
        why = `the disk of the cache directory ${dir} has ${Math.floor((freeBytes(dir) ?? 0) / 1024 / 1024)} MiB free`;
      } else {
        try {
          // Checked here: a cache directory this user cannot write (another user's, a read-only home) costs the
          // run its place there, never the build.
          mkdirSync(runsDir, { recursive: true, mode: 0o755 });
          accessSync(runsDir, constants.W_OK);
          ownDirectoryTightened(dir, true);
          ownDirectoryTightened(runsDir);
          // Dependencies' outputs are restored there and read back by their paths, as a job's own outputs are.
          const unsafe = renamableByOthers(dir, ['runs']);
          if (unsafe !== undefined) throw new Error(`${unsafe}, who could swap what is kept there`);
          if (fresh) {
            ignoreCacheDir(dir);
            fresh = false;
          }
          return join(runsDir, `${process.pid}-${randomBytes(4).toString('hex')}`);
        } catch (e) {
          why = `the cache directory ${dir} cannot hold this run's files (${(e as Error).message})`;
        }
      }
      removeDeadFallbacks();
      // mkdtemp: a fresh, owner-only directory, never one that someone else prepared in the shared temp dir.
      const runDir = makePidTemp(FALLBACK_PREFIX);
      onWarning?.(`${why}: this run keeps job outputs in ${runDir}`);
      return runDir;
    },
  };
}

/** Fallback run directories of dead runs of this user: a killed run leaves nothing behind for long. */
function removeDeadFallbacks(): void {
  for (const path of deadPidTemps(FALLBACK_PREFIX)) inBackground(removeTree(path));
}
