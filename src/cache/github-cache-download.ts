import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { envMs } from '../util/env-ms.js';

/**
 * The read half of the GitHub Actions cache protocol, without `@actions/cache`'s extraction: that client runs
 * `tar -xf … -P` in the workspace, which writes absolute, `..` and through-symlink members wherever they point.
 * Here the entry is looked up (twirp `GetCacheEntryDownloadURL`, or the legacy REST lookup on GHES) and its
 * archive downloaded to a file; `safeExtract` unpacks it. Mirrors @actions/cache 6.3.0 `restoreCacheV2`/`V1`
 * for the version, the URLs and the headers, so entries saved by the toolkit are found.
 */

export type Lookup =
  | { kind: 'hit'; key: string; url: string }
  | { kind: 'miss' }
  /** `timedOut`: the service did not answer within the time given (not tried again: it waited that long). */
  | { kind: 'failed'; message: string; timedOut?: boolean };

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL';
/** Pauses before the second and third attempts after a 5xx or an unreadable answer. */
const RETRY_PAUSES_MS = [1000, 2000];
/** Sets both pauses to one number of milliseconds (a non-negative integer): for callers that inject failures. */
export const ENV_LOOKUP_RETRY_PAUSE_MS = 'DISBUILD_GHA_LOOKUP_RETRY_PAUSE_MS';

/** The pauses before a lookup's second and third attempts. */
export function lookupRetryPauses(env: NodeJS.ProcessEnv): readonly number[] {
  const ms = envMs(env, ENV_LOOKUP_RETRY_PAUSE_MS);
  return ms === undefined ? RETRY_PAUSES_MS : RETRY_PAUSES_MS.map(() => ms);
}

let compression: Promise<string> | undefined;

/** The toolkit's `getCompressionMethod`: zstd when a `zstd` binary answers, else gzip. */
function compressionMethod(): Promise<string> {
  compression ??= new Promise((resolve) =>
    execFile('zstd', ['--quiet', '--version'], (e, stdout, stderr) =>
      resolve(!e && `${stdout}${stderr}`.trim() !== '' ? 'zstd-without-long' : 'gzip'),
    ),
  );
  return compression;
}

/** The toolkit's `getCacheVersion([dir], compression)`: entries are only visible under the same version. */
export async function cacheVersion(dir: string): Promise<string> {
  const parts = [dir, await compressionMethod()];
  if (process.platform === 'win32') parts.push('windows-only');
  parts.push('1.0');
  return createHash('sha256').update(parts.join('|')).digest('hex');
}

/** The toolkit's choice of protocol (internal/config.js): v1 on GHES hosts or without the v2 flag. */
function serviceVersion(env: NodeJS.ProcessEnv): 'v1' | 'v2' {
  const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toUpperCase();
  const ghes = host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST');
  return !ghes && env.ACTIONS_CACHE_SERVICE_V2 ? 'v2' : 'v1';
}

/** The newest entry whose key is `key`, or starts with it, under `version`. */
export async function lookupEntry(
  key: string,
  version: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<Lookup> {
  const mode = (env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase();
  if (mode === 'none' || mode === 'write-only') return { kind: 'miss' };
  const token = env.ACTIONS_RUNTIME_TOKEN;
  if (!token) return { kind: 'failed', message: 'ACTIONS_RUNTIME_TOKEN is not set' };
  const pauses = lookupRetryPauses(env);
  for (let attempt = 0; ; attempt++) {
    // A network error is tried again too: a kept-alive connection the server has just closed fails this way.
    const r = await lookupOnce(key, version, env, token, timeoutMs).catch(
      (e: unknown): Lookup & { retry?: boolean } =>
        (e as Error).name === 'TimeoutError'
          ? { kind: 'failed', message: `no answer within ${timeoutMs / 1000} s`, timedOut: true }
          : { kind: 'failed', message: (e as Error).message, retry: true },
    );
    if (!('retry' in r) || !r.retry || attempt >= pauses.length) return r;
    await new Promise((res) => setTimeout(res, pauses[attempt]));
  }
}

async function lookupOnce(
  key: string,
  version: string,
  env: NodeJS.ProcessEnv,
  token: string,
  timeoutMs: number,
): Promise<Lookup & { retry?: boolean }> {
  const signal = AbortSignal.timeout(timeoutMs);
  const headers = { authorization: `Bearer ${token}`, 'user-agent': 'disbuild' };
  let res: Response;
  if (serviceVersion(env) === 'v2') {
    const base = env.ACTIONS_RESULTS_URL;
    if (!base) return { kind: 'failed', message: 'ACTIONS_RESULTS_URL is not set' };
    res = await fetch(new URL(TWIRP, base), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ key, version }),
      signal,
    });
  } else {
    const base = env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL;
    if (!base) return { kind: 'failed', message: 'ACTIONS_CACHE_URL is not set' };
    const url = `${base}_apis/artifactcache/cache?keys=${encodeURIComponent(key)}&version=${version}`;
    res = await fetch(url, {
      headers: { ...headers, accept: 'application/json;api-version=6.0-preview.1' },
      signal,
    });
    if (res.status === 204) return { kind: 'miss' };
  }
  const text = await res.text();
  const retry = res.status >= 500;
  if (!res.ok)
    return { kind: 'failed', message: `cache lookup answered ${res.status}: ${text.slice(0, 200)}`, retry };
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { kind: 'failed', message: 'cache lookup answered something other than JSON', retry: true };
  }
  const url = body.signed_download_url ?? body.signedDownloadUrl ?? body.archiveLocation;
  const matched = body.matched_key ?? body.matchedKey ?? body.cacheKey;
  if (body.ok === false || typeof url !== 'string' || typeof matched !== 'string') return { kind: 'miss' };
  return { kind: 'hit', key: matched, url };
}

/** Downloads `url` to `file`; `gone` when the blob is not there (404), which the caller treats as a miss. */
export async function download(
  url: string,
  file: string,
  timeoutMs: number,
): Promise<{ kind: 'ok' } | { kind: 'gone' } | { kind: 'failed'; message: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (res.status === 404) {
      await res.body?.cancel();
      return { kind: 'gone' };
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      return { kind: 'failed', message: `download answered ${res.status}` };
    }
    const expected = Number(res.headers.get('content-length') ?? NaN);
    let got = 0;
    const body = Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
    body.on('data', (c: Buffer) => void (got += c.length));
    await pipeline(body, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    if (!Number.isNaN(expected) && got !== expected)
      return { kind: 'failed', message: `download cut short (${got} of ${expected} bytes)` };
    return { kind: 'ok' };
  } catch (e) {
    return { kind: 'failed', message: `download failed: ${(e as Error).message}` };
  }
}
