import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheVersion, download, lookupEntry } from './github-cache-download.js';
import { listEntryKeys } from './github-cache-list.js';
import type { EntryStore, FetchResult, SaveResult } from './packs/entry-store.js';
import { safeExtract } from './packs/safe-extract.js';

/**
 * The only module that talks to `@actions/cache`, and only to save: restoring goes through
 * github-cache-download.ts and `safeExtract`, because the toolkit extracts archives with `tar -P` in the
 * workspace. It encodes the toolkit's contract: the same `paths` list on save and lookup (the entry's version is
 * derived from it), keys of at most 512 characters without commas, `-1` from save when nothing was stored,
 * exceptions only for misuse. Every call has a time-out, because a stuck cache must never hold a build.
 */
export function githubEntryStore(opts: {
  restoreTimeoutMs?: number;
  saveTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Private directory for downloads. */
  scratch: string;
  /** A token with `actions: read`, for listing entries (see github-cache-list.ts). */
  listToken?: string;
}): EntryStore {
  const env = opts.env ?? process.env;
  const timeout = opts.restoreTimeoutMs ?? 120_000;
  let writeDenied = false;
  // A service that let a call run out of time is not asked again in this run: every later call would wait as
  // long, and a run makes a dozen (index reads, each pack's and records' saves, their retries): half an hour.
  let stuck: string | undefined;
  return {
    fetch: async (dir, key, into, fetchOpts): Promise<FetchResult> => {
      if (stuck !== undefined) return { kind: 'failed', message: stuck };
      const found = await lookupEntry(checkKey(key), await cacheVersion(dir), env, Math.min(timeout, 60_000));
      if (found.kind === 'failed' && found.timedOut)
        stuck = `the cache service stopped answering (${found.message}); not asked again in this run`;
      if (found.kind !== 'hit')
        return found.kind === 'failed' ? { kind: 'failed', message: found.message } : found;
      if (fetchOpts?.lookupOnly) return { kind: 'hit', key: found.key };
      mkdirSync(opts.scratch, { recursive: true, mode: 0o700 });
      const tmp = mkdtempSync(join(opts.scratch, 'download-'));
      try {
        const file = join(tmp, 'entry.archive');
        let got = await download(found.url, file, timeout);
        if (got.kind === 'failed') {
          rmSync(file, { force: true });
          got = await download(found.url, file, timeout);
        }
        // Listed a moment ago, then not served: a transient answer or an eviction in between, which the next
        // lookup tells apart. Not a clean miss: an index taken for absent would be replaced by one without what it
        // held, and a pack taken for evicted would be dropped from every index for good.
        if (got.kind === 'gone')
          return {
            kind: 'failed',
            message: `the cache entry ${found.key} was listed, but its download was refused (404)`,
          };
        if (got.kind === 'failed') return got;
        const unpacked = await safeExtract(file, dir, into);
        return unpacked.ok
          ? { kind: 'hit', key: found.key }
          : { kind: 'bad', key: found.key, message: unpacked.error };
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
    list: (prefix, ref, count) => listEntryKeys(prefix, ref, count, { env, token: opts.listToken }),
    stopped: () => stuck !== undefined,
    save: async (dir, key): Promise<SaveResult> => {
      const mode = (env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase();
      if (writeDenied || mode === 'read' || mode === 'none') return 'denied';
      if (stuck !== undefined) return 'failed';
      const cache = await import('@actions/cache');
      const denied = watchWriteDenied();
      try {
        const saveTimeoutMs = opts.saveTimeoutMs ?? 300_000;
        const id = await withTimeout(cache.saveCache([dir], checkKey(key)), saveTimeoutMs);
        if (id === TIMED_OUT) {
          stuck = `the cache service stopped answering (a save took over ${saveTimeoutMs / 1000} s); not asked again in this run`;
          return 'failed';
        }
        if (id !== undefined && id !== -1) return 'saved';
        writeDenied = denied.seen();
        return writeDenied ? 'denied' : 'failed';
      } finally {
        denied.stop();
      }
    },
  };
}

/**
 * A read-only token (untrusted triggers; toolkit 6.1+) makes the service refuse to reserve with
 * "cache write denied:", which the toolkit prints as a warning itself. That is not trouble, so the warning is
 * kept off the log and the caller is told the save was denied.
 */
function watchWriteDenied(): { seen(): boolean; stop(): void } {
  const write = process.stdout.write;
  let seen = false;
  process.stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    if (typeof chunk === 'string' && chunk.includes('cache write denied')) {
      seen = true;
      return true;
    }
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof process.stdout.write;
  return {
    seen: () => seen,
    stop: () => {
      process.stdout.write = write;
    },
  };
}

function checkKey(key: string): string {
  if (key.length > 512 || key.includes(','))
    throw new Error(`cache key not allowed by the service: ${key.slice(0, 80)}`);
  return key;
}

const TIMED_OUT = Symbol('timed out');

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}
