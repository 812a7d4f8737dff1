import {
  BlobServiceClient,
  BlobSASPermissions,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Azurite } from './azurite.js';

/**
 * A stand-in for GitHub's twirp v2 CacheService in front of a real Azurite, on 127.0.0.1.
 *
 * Deals with: CreateCacheEntry / FinalizeCacheEntryUpload / GetCacheEntryDownloadURL with GitHub's rules —
 * immutable entries (409), keys of at most 512 characters, per-scope visibility (a token writes to its ref and
 * reads its ref first, then the others it is given, e.g. the default branch), newest-first prefix matching, an
 * optional create rate limit (429 + Retry-After) — plus request counting and fault injection for tests.
 * Downloads go through the stand-in (it proxies Azurite) so they can be counted and broken on purpose.
 */
const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const CONTAINER = 'actions-cache';
/** The stand-in's token with `actions: read`, for the REST listing. */
export const API_TOKEN = 'rest-token-with-actions-read';

export interface Scope {
  /** The ref this token writes to, e.g. refs/pull/7/merge or refs/heads/main. */
  ref: string;
  /** Refs whose entries it may read after its own, in order (typically the default branch). */
  readRefs: string[];
  /** A read-only token (untrusted triggers): reservations answer "cache write denied:". */
  readOnly?: boolean;
}

interface Entry {
  id: number;
  key: string;
  version: string;
  scope: string;
  blob: string;
  size: number;
  finalized: boolean;
}

export interface Fault {
  /** CreateCacheEntry, FinalizeCacheEntryUpload, GetCacheEntryDownloadURL, or 'download'. */
  method: string;
  times: number;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  /** For downloads: send this many bytes, then cut the connection. */
  truncateAt?: number;
}

export interface CacheService {
  url: string;
  tokenFor(scope: Scope): string;
  stats(): Record<string, number>;
  resetStats(): void;
  entries(): readonly Entry[];
  injectFault(f: Fault): void;
  /** Creates whose key matches answer 429, as the per-minute create limit does (undefined: none). */
  throttleCreates(match: ((key: string) => boolean) | undefined): void;
  /** Stores `archive` as a finalized entry, as if a client had saved it (for hand-made, e.g. hostile, archives). */
  putEntry(e: { key: string; version: string; scope: string; archive: Buffer }): Promise<void>;
  /** Evicts entries (entry and blob) whose key matches, as the service does after 7 idle days. */
  evict(match: (key: string) => boolean): Promise<number>;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startCacheService(
  azurite: Azurite,
  opts: { rateLimitPerMinute?: number } = {},
): Promise<CacheService> {
  const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);
  const blobService = new BlobServiceClient(`${azurite.endpoint}/${ACCOUNT}`, credential);
  const container = blobService.getContainerClient(CONTAINER);
  await container.createIfNotExists();
  const tokens = new Map<string, Scope>();
  const entries: Entry[] = [];
  const stats: Record<string, number> = {};
  const faults: Fault[] = [];
  const creates: number[] = [];
  let throttled: ((key: string) => boolean) | undefined;
  let nextId = 1;
  const bump = (k: string, n = 1): void => void (stats[k] = (stats[k] ?? 0) + n);

  const sas = (blob: string, perms: string): string =>
    generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: blob,
        permissions: BlobSASPermissions.parse(perms),
        expiresOn: new Date(Date.now() + 3600_000),
      },
      credential,
    ).toString();

  const takeFault = (method: string): Fault | undefined => {
    const f = faults.find((x) => x.method === method && x.times > 0);
    if (f) f.times--;
    return f;
  };

  const json = (
    res: ServerResponse,
    status: number,
    body: object,
    headers: Record<string, string> = {},
  ): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(text);
  };

  const find = (scope: Scope, key: string, version: string, restoreKeys: string[]): Entry | undefined => {
    const visible = (ref: string) =>
      entries.filter((e) => e.finalized && e.version === version && e.scope === ref).reverse();
    for (const ref of [scope.ref, ...scope.readRefs]) {
      const es = visible(ref);
      for (const k of [key, ...restoreKeys]) {
        const hit = es.find((e) => e.key === k) ?? es.find((e) => e.key.startsWith(k));
        if (hit) return hit;
      }
    }
    return undefined;
  };

  const twirp = async (
    method: string,
    scope: Scope,
    body: Record<string, unknown>,
    res: ServerResponse,
    origin: string,
  ): Promise<void> => {
    const key = String(body.key ?? '');
    const version = String(body.version ?? '');
    switch (method) {
      case 'CreateCacheEntry': {
        if (key.length > 512)
          return json(res, 400, { code: 'invalid_argument', msg: 'key longer than 512 characters' });
        const now = Date.now();
        while (creates.length > 0 && creates[0]! < now - 60_000) creates.shift();
        if (
          (opts.rateLimitPerMinute !== undefined && creates.length >= opts.rateLimitPerMinute) ||
          throttled?.(key)
        ) {
          return json(res, 429, { code: 'resource_exhausted', msg: 'rate limited' }, { 'retry-after': '60' });
        }
        if (entries.some((e) => e.key === key && e.version === version && e.scope === scope.ref)) {
          return json(res, 409, {
            code: 'already_exists',
            msg: 'cache entry with the same key, version, and scope already exists',
          });
        }
        if (scope.readOnly) {
          return json(res, 200, {
            ok: false,
            message: 'cache write denied: the token of this run is read-only',
          });
        }
        creates.push(now);
        bump('entriesCreated');
        const blob = `${nextId}-${randomBytes(6).toString('hex')}.tar`;
        entries.push({ id: nextId++, key, version, scope: scope.ref, blob, size: 0, finalized: false });
        return json(res, 200, {
          ok: true,
          signed_upload_url: `${container.getBlockBlobClient(blob).url}?${sas(blob, 'cw')}`,
        });
      }
      case 'FinalizeCacheEntryUpload': {
        const e = entries.find(
          (x) => x.key === key && x.version === version && x.scope === scope.ref && !x.finalized,
        );
        if (!e) return json(res, 404, { code: 'not_found', msg: 'no reserved entry' });
        const props = await container.getBlockBlobClient(e.blob).getProperties();
        if (String(props.contentLength) !== String(body.size_bytes))
          return json(res, 400, { code: 'invalid_argument', msg: 'size mismatch' });
        e.size = Number(body.size_bytes);
        e.finalized = true;
        return json(res, 200, { ok: true, entry_id: String(e.id) });
      }
      case 'GetCacheEntryDownloadURL': {
        const e = find(scope, key, version, (body.restore_keys as string[] | undefined) ?? []);
        if (!e) return json(res, 200, { ok: false });
        return json(res, 200, {
          ok: true,
          signed_download_url: `${origin}/download/${e.blob}?${sas(e.blob, 'r')}`,
          matched_key: e.key,
        });
      }
      default:
        return json(res, 404, { code: 'bad_route', msg: `no method ${method}` });
    }
  };

  const download = (req: IncomingMessage, res: ServerResponse, fault: Fault | undefined): void => {
    const blobPath = (req.url ?? '').replace(/^\/download\//, '');
    const upstream = httpRequest(`${azurite.endpoint}/${ACCOUNT}/${CONTAINER}/${blobPath}`, (up) => {
      res.writeHead(up.statusCode ?? 500, {
        'content-type': 'application/octet-stream',
        ...(up.headers['content-length'] ? { 'content-length': up.headers['content-length'] } : {}),
      });
      let sent = 0;
      up.on('data', (c: Buffer) => {
        if (fault?.truncateAt !== undefined && sent + c.length > fault.truncateAt) {
          res.write(c.subarray(0, Math.max(0, fault.truncateAt - sent)));
          bump('downloadBytes', Math.max(0, fault.truncateAt - sent));
          res.destroy();
          up.destroy();
          return;
        }
        sent += c.length;
        bump('downloadBytes', c.length);
        res.write(c);
      });
      up.on('end', () => res.end());
    });
    upstream.on('error', () => res.destroy());
    upstream.end();
  };

  /**
   * The REST listing (`GET /repos/{owner}/{repo}/actions/caches?key=&ref=`), newest first, for a token with
   * `actions: read` (API_TOKEN); any other token gets GitHub's 403.
   */
  const listCaches = (req: IncomingMessage, res: ServerResponse): void => {
    req.resume();
    if (req.headers.authorization !== `Bearer ${API_TOKEN}`)
      return json(res, 403, { message: 'Resource not accessible by integration' });
    const q = new URL(req.url ?? '', 'http://x').searchParams;
    const key = q.get('key') ?? '';
    const ref = q.get('ref');
    const perPage = Number(q.get('per_page') ?? 30);
    const found = entries
      .filter((e) => e.finalized && e.key.startsWith(key) && (ref === null || e.scope === ref))
      .reverse();
    return json(res, 200, {
      total_count: found.length,
      actions_caches: found.slice(0, perPage).map((e) => ({
        id: e.id,
        ref: e.scope,
        key: e.key,
        version: e.version,
        size_in_bytes: e.size,
      })),
    });
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = req.url ?? '';
      const method = url.startsWith('/download/')
        ? 'download'
        : url.startsWith(SERVICE)
          ? url.slice(SERVICE.length)
          : /^\/repos\/[^/]+\/[^/]+\/actions\/caches\?/.test(url)
            ? 'listCaches'
            : url;
      bump(method);
      const fault = takeFault(method);
      if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault?.status) {
        req.resume();
        return json(
          res,
          fault.status,
          { code: 'injected', msg: `injected ${fault.status}` },
          fault.retryAfter ? { 'retry-after': String(fault.retryAfter) } : {},
        );
      }
      if (method === 'download') return download(req, res, fault);
      if (method === 'listCaches') return listCaches(req, res);
      const auth = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const scope = tokens.get(auth);
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (!scope) return json(res, 401, { code: 'unauthenticated', msg: 'bad token' });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
      } catch {
        return json(res, 400, { code: 'malformed', msg: 'not JSON' });
      }
      await twirp(method, scope, body, res, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    })().catch((e: unknown) => json(res, 500, { code: 'internal', msg: String(e) }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    tokenFor: (scope) => {
      const t = randomBytes(12).toString('hex');
      tokens.set(t, scope);
      return t;
    },
    stats: () => ({ ...stats }),
    resetStats: () => {
      for (const k of Object.keys(stats)) delete stats[k];
    },
    entries: () => entries,
    injectFault: (f) => faults.push({ ...f }),
    putEntry: async (e) => {
      const blob = `${nextId}-${randomBytes(6).toString('hex')}.tar`;
      const { archive, ...entry } = e;
      await container.getBlockBlobClient(blob).uploadData(archive);
      entries.push({ id: nextId++, ...entry, blob, size: archive.length, finalized: true });
    },
    evict: async (match) => {
      const gone = entries.filter((e) => match(e.key));
      for (const e of gone) {
        await container.getBlockBlobClient(e.blob).deleteIfExists();
        entries.splice(entries.indexOf(e), 1);
      }
      return gone.length;
    },
    clearFaults: () => {
      faults.splice(0);
      throttled = undefined;
    },
    throttleCreates: (match) => void (throttled = match),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
