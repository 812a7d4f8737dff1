import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';
import { MAX_TIMER_MS } from '../../util/env-ms.js';
import type { Cache } from '../cache.js';
import { BazelStore } from './bazel-store.js';
import { HttpClient } from './http-client.js';
import type { ObjectStore } from './object-store.js';
import { RemoteTier } from './remote-tier.js';
import { TieredCache } from './tiered-cache.js';
import { TurboStore } from './turbo-store.js';
import { UploadChild } from './upload-child.js';

export type RemoteKind = 'http' | 'turbo';
export type RemoteMode = 'read-write' | 'read';

/** A remote cache, as the CLI flags, the hook's git config and the Action's inputs describe it. */
export interface RemoteCacheOptions {
  kind: RemoteKind;
  url: string;
  team?: string;
  mode: RemoteMode;
  /** From DISBUILD_CACHE_TOKEN or the Action's `cache-token`; never printed. */
  token?: string;
  /** Seconds without progress before a request is abandoned (DISBUILD_CACHE_TIMEOUT, default 30). */
  idleTimeoutMs: number;
  /** Seconds the end of a run waits for uploads (DISBUILD_CACHE_UPLOAD_WAIT, default 300). */
  uploadWaitMs: number;
}

/** The names the surrounding adapter gives the settings, so errors speak its language. */
export interface SettingNames {
  url: string;
  mode: string;
}

/** The longest time a timer takes, in whole seconds. */
const MAX_TIMER_SECONDS = Math.floor(MAX_TIMER_MS / 1000);

/** Checks the raw settings of a remote cache; errors quote the bad value with any credentials removed. */
export function parseRemoteCacheOptions(
  raw: { kind: RemoteKind; url?: string; team?: string; mode?: string; token?: string },
  names: SettingNames,
  env: NodeJS.ProcessEnv,
  defaultMode: RemoteMode,
): Result<RemoteCacheOptions, string> {
  const url = raw.url ?? '';
  if (url === '') return err(`${names.url} is required with a ${raw.kind} cache`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return err(`${names.url} must be an http or https URL, got ${JSON.stringify(withoutCredentials(url))}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return err(`${names.url} must be an http or https URL, got ${JSON.stringify(withoutCredentials(url))}`);
  // A fragment is never sent to a server: in a cache's URL it is the sign of a password with a `#` not encoded,
  // whose digits before it parsed as a port, and the rest of it would be shown in messages. So is an `@` in the
  // path or query the sign of one with a `/` or `?` not encoded: what comes before it (`user:4242`, a token) would
  // be taken for the host, shown in messages, looked up and connected to, the token sent there.
  const encode =
    "percent-encode a password's special characters (%23 for #, %2F for /, %3F for ?, %40 for @)";
  if (parsed.hash !== '' || url.includes('#'))
    return err(`${names.url} ${JSON.stringify(withoutCredentials(url))} has a fragment ('#'): ${encode}`);
  if (parsed.pathname.includes('@') || parsed.search.includes('@'))
    return err(
      `${names.url} ${JSON.stringify(withoutCredentials(url))} has an '@' after its host: ${encode}, and an @ in a path as %40`,
    );
  const token = raw.token === undefined || raw.token === '' ? undefined : raw.token;
  // Sent only without a token (which takes precedence over user information).
  try {
    if (token === undefined) {
      decodeURIComponent(parsed.username);
      decodeURIComponent(parsed.password);
    }
  } catch {
    return err(
      `${names.url} ${JSON.stringify(withoutCredentials(url))} has a '%' in its user or password that is no escape of UTF-8 text: write a % itself as %25`,
    );
  }
  const mode = raw.mode === undefined || raw.mode === '' ? defaultMode : raw.mode;
  if (mode !== 'read-write' && mode !== 'read')
    return err(`${names.mode} must be one of read-write, read, got ${JSON.stringify(mode)}`);
  const seconds = (name: string, fallback: number): Result<number, string> => {
    const v = env[name];
    if (v === undefined || v === '') return ok(fallback * 1000);
    const n = Number(v);
    // Node fires a longer timer after 1 ms: a huge value meant as "no limit" would be the opposite.
    if (Number.isFinite(n) && n > MAX_TIMER_SECONDS)
      return err(
        `${name} must be at most ${MAX_TIMER_SECONDS} seconds (about 24 days), got ${JSON.stringify(v)}`,
      );
    return Number.isFinite(n) && n > 0
      ? ok(n * 1000)
      : err(`${name} must be a positive number of seconds, got ${JSON.stringify(v)}`);
  };
  const idle = seconds('DISBUILD_CACHE_TIMEOUT', 30);
  const wait = seconds('DISBUILD_CACHE_UPLOAD_WAIT', 300);
  if (!idle.ok) return idle;
  if (!wait.ok) return wait;
  const team = raw.team === undefined || raw.team === '' ? undefined : raw.team;
  return ok({
    kind: raw.kind,
    url,
    mode,
    idleTimeoutMs: idle.value,
    uploadWaitMs: wait.value,
    ...(team === undefined ? {} : { team }),
    ...(token === undefined ? {} : { token }),
  });
}

/**
 * `url` with everything between `//` and its last `@` masked: a password written unencoded may hold `/`, `?`
 * or `#`, where a URL's own parse would end the user information. An `@` in a path masks more than needed. So are
 * the query's values and any fragment: a signed URL's signature, or a token, is a secret too (`?sig=***`).
 */
function withoutCredentials(url: string): string {
  const start = url.indexOf('//');
  const at = url.lastIndexOf('@');
  const masked = start !== -1 && at > start ? `${url.slice(0, start + 2)}***${url.slice(at)}` : url;
  const query = masked.indexOf('?', start === -1 ? 0 : start + 2);
  const hash = masked.indexOf('#', start === -1 ? 0 : start + 2);
  const end = hash === -1 ? masked.length : hash;
  const head = query === -1 || query > end ? masked.slice(0, end) : masked.slice(0, query);
  const params =
    query === -1 || query > end
      ? ''
      : '?' +
        masked
          .slice(query + 1, end)
          .split('&')
          .map((p) => (p.includes('=') ? `${p.slice(0, p.indexOf('='))}=***` : p === '' ? p : '***'))
          .join('&');
  return `${head}${params}${hash === -1 ? '' : '#***'}`;
}

/** Connections per server: lookups run this many at once over kept-alive sockets. */
const SOCKETS = 32;
const UPLOADS_AT_ONCE = 8;

/** The store that speaks `o`'s protocol over a keep-alive client. */
export function openStore(
  o: Pick<RemoteCacheOptions, 'kind' | 'url' | 'team' | 'token' | 'idleTimeoutMs'>,
): ObjectStore {
  const client = new HttpClient({
    url: o.url,
    ...(o.token === undefined ? {} : { token: o.token }),
    idleTimeoutMs: o.idleTimeoutMs,
    maxSockets: SOCKETS,
  });
  return o.kind === 'http' ? new BazelStore(client, SOCKETS) : new TurboStore(client, o.team, SOCKETS);
}

/**
 * Archive bytes that lookups may fetch ahead of their restores when every hit will be restored (one request per
 * artifact instead of two): each request in flight holds room for the largest archive a record carries (a little
 * over 1 MiB, 32 requests at once), and archives waiting to be written are few (see remote-tier.ts, KEPT_AHEAD).
 */
const PREFETCH_BYTES = 40 * 1024 * 1024;

/**
 * `local` in front of the remote cache `o`; scratch space for uploads goes in `scratchDir`. `restoresEverything`:
 * the run restores every hit it looks up, so lookups may bring small archives along.
 */
export function openTieredCache(
  local: Cache,
  o: RemoteCacheOptions,
  ctx: { scratchDir: string; onWarning(message: string): void; restoresEverything?: boolean },
): Cache {
  const store = openStore(o);
  const remote = new RemoteTier({
    store,
    mode: o.mode,
    scratchDir: ctx.scratchDir,
    uploadConcurrency: UPLOADS_AT_ONCE,
    uploadWaitMs: o.uploadWaitMs,
    idleTimeoutMs: o.idleTimeoutMs,
    ...(ctx.restoresEverything ? { prefetchBytes: PREFETCH_BYTES } : {}),
    onWarning: (m) => ctx.onWarning(store.redact(m)),
    startUploadChild: (onFailed) =>
      UploadChild.start(
        {
          kind: o.kind,
          url: o.url,
          ...(o.team === undefined ? {} : { team: o.team }),
          ...(o.token === undefined ? {} : { token: o.token }),
          idleTimeoutMs: o.idleTimeoutMs,
          scratchDir: ctx.scratchDir,
          concurrency: UPLOADS_AT_ONCE,
        },
        onFailed,
      ),
  });
  return new TieredCache(local, remote);
}
