import type { EntryStore } from './packs/entry-store.js';

/**
 * The only module that talks to `@actions/cache`. It encodes the toolkit's contract: the same `paths` list on
 * save and restore (the entry's version is derived from it), keys of at most 512 characters without commas,
 * `undefined` from restore on a miss or a swallowed error, `-1` from save when nothing was stored, and
 * exceptions only for misuse. Every call has a time-out, because a stuck cache must never hold a build.
 */
export function githubEntryStore(
  opts: { restoreTimeoutMs?: number; saveTimeoutMs?: number } = {},
): EntryStore {
  const load = () => import('@actions/cache');
  return {
    restore: async (dir, key, restorePrefixes) => {
      const cache = await load();
      return withTimeout(
        cache.restoreCache([dir], checkKey(key), restorePrefixes.map(checkKey)),
        opts.restoreTimeoutMs ?? 120_000,
      );
    },
    save: async (dir, key) => {
      const cache = await load();
      const id = await withTimeout(cache.saveCache([dir], checkKey(key)), opts.saveTimeoutMs ?? 300_000);
      return id !== undefined && id !== -1;
    },
  };
}

function checkKey(key: string): string {
  if (key.length > 512 || key.includes(','))
    throw new Error(`cache key not allowed by the service: ${key.slice(0, 80)}`);
  return key;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}
