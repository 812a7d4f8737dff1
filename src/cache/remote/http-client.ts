import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { Readable } from 'node:stream';
import * as tls from 'node:tls';
import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';

/** Why a request did not give a usable answer; `status` for answers outside 2xx and 404. */
export interface HttpFailure {
  kind: 'network' | 'timeout' | 'status';
  status?: number;
  message: string;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Must be consumed or destroyed by the caller. */
  body: http.IncomingMessage;
}

export interface HttpClientOptions {
  /** Base URL; user info in it (`https://user:pass@host/`) becomes basic auth and never appears in messages. */
  url: string;
  /** Sent as `Authorization: Bearer`; takes precedence over user info. */
  token?: string;
  /** A request that makes no progress for this long is abandoned. */
  idleTimeoutMs: number;
  /** Connections kept open per client: lookups and transfers run this many at once. */
  maxSockets: number;
}

/**
 * A small keep-alive HTTP(S) client for cache servers.
 *
 * Deals with: connection reuse (a thousand lookups share a few sockets), authorization, idle time-outs, the trust
 * store (the system's CAs and NODE_EXTRA_CA_CERTS on top of Node's own), and keeping secrets out of every message.
 * Does not deal with: what the paths mean (the stores) or retries (the circuit breaker decides).
 */
export class HttpClient {
  readonly #base: URL;
  readonly #auth: string | undefined;
  readonly #secrets: string[];
  readonly #agent: http.Agent;
  readonly #timeoutMs: number;
  /** The base URL without credentials, for messages. */
  readonly display: string;

  constructor(o: HttpClientOptions) {
    const url = new URL(o.url);
    const user = decodeURIComponent(url.username);
    const pass = decodeURIComponent(url.password);
    url.username = '';
    url.password = '';
    this.#base = url;
    this.display = url.toString().replace(/\/$/, '');
    // The URL as given counts as a secret only when it carries credentials.
    this.#secrets = [o.token ?? '', pass, user || pass ? o.url : ''].filter((s) => s.length >= 4);
    if (o.token) this.#auth = `Bearer ${o.token}`;
    else if (user || pass) this.#auth = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    if (this.#auth) this.#secrets.push(this.#auth.slice(this.#auth.indexOf(' ') + 1));
    const agentOptions = { keepAlive: true, maxSockets: o.maxSockets, maxFreeSockets: o.maxSockets };
    this.#agent =
      url.protocol === 'https:'
        ? new https.Agent({ ...agentOptions, ...trustStore() })
        : new http.Agent(agentOptions);
    this.#timeoutMs = o.idleTimeoutMs;
  }

  /** Replaces every secret this client knows (token, password, credentials) in `text`. */
  redact(text: string): string {
    let out = text;
    for (const s of this.#secrets) out = out.split(s).join('***');
    return out;
  }

  /** `path` is appended to the base URL's path; `query` adds parameters. */
  request(
    method: 'GET' | 'HEAD' | 'PUT' | 'POST',
    path: string,
    opts: {
      query?: Record<string, string>;
      body?: Buffer | Readable;
      length?: number;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Result<HttpResponse, HttpFailure>> {
    const url = new URL(this.#base.toString());
    url.pathname = `${url.pathname.replace(/\/$/, '')}${path}`;
    for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = { ...opts.headers };
    if (this.#auth) headers.authorization = this.#auth;
    const length = Buffer.isBuffer(opts.body) ? opts.body.length : opts.length;
    if (length !== undefined) headers['content-length'] = String(length);
    const mod = url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      let settled = false;
      const fail = (f: HttpFailure): void => {
        if (settled) return;
        settled = true;
        req.destroy();
        resolve(err({ ...f, message: this.redact(f.message) }));
      };
      const req = mod.request(url, { method, headers, agent: this.#agent }, (res) => {
        if (settled) {
          res.destroy();
          return;
        }
        settled = true;
        resolve(ok({ status: res.statusCode ?? 0, headers: res.headers, body: res }));
      });
      req.setTimeout(this.#timeoutMs, () =>
        fail({ kind: 'timeout', message: `${method} timed out after ${this.#timeoutMs} ms` }),
      );
      req.on('error', (e) => fail({ kind: 'network', message: `${method} failed: ${e.message}` }));
      const body = opts.body;
      if (body === undefined) req.end();
      else if (Buffer.isBuffer(body)) req.end(body);
      else {
        body.on('error', (e) =>
          fail({ kind: 'network', message: `reading the upload failed: ${e.message}` }),
        );
        body.pipe(req);
      }
    });
  }

  /**
   * Reads a whole (small) response body, with the idle time-out applying between chunks. Events, not an async
   * iterator: a thousand lookups would pay a promise per chunk.
   */
  readBody(res: HttpResponse, limit: number): Promise<Result<Buffer, HttpFailure>> {
    const body = withIdleTimeout(res.body, this.#timeoutMs);
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = (r: Result<Buffer, HttpFailure>): void => {
        if (done) return;
        done = true;
        body.off('data', onData);
        resolve(r);
      };
      const onData = (chunk: Buffer): void => {
        size += chunk.length;
        if (size > limit) {
          body.destroy();
          finish(err({ kind: 'network', message: `response larger than ${limit} bytes` }));
          return;
        }
        chunks.push(chunk);
      };
      body.on('data', onData);
      body.once('end', () => {
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (!Number.isNaN(declared) && declared !== size) {
          finish(err({ kind: 'network', message: `response truncated (${size} of ${declared} bytes)` }));
        } else finish(ok(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
      });
      const failed = (e: Error): void =>
        finish(err({ kind: 'network', message: this.redact(`reading a response failed: ${e.message}`) }));
      body.once('error', failed);
      body.once('close', () => failed(new Error('the connection closed early')));
    });
  }

  /** Closes every socket: the kept-alive ones and those of requests still in flight. */
  close(): void {
    this.#agent.destroy();
  }
}

/** A response stream that errors when no data arrives for `ms` (a server that stalls mid-body). */
export function withIdleTimeout(body: http.IncomingMessage, ms: number): Readable {
  body.setTimeout(ms, () => body.destroy(new Error(`no data for ${ms} ms`)));
  return body;
}

let cachedTrust: { ca?: string[] } | undefined;

/**
 * Node trusts its own bundled CAs and, when no `ca` is given, NODE_EXTRA_CA_CERTS. Corporate caches are often
 * signed by a CA that only the system's store knows, so the system bundle is added, and with an explicit `ca`
 * list NODE_EXTRA_CA_CERTS must be added by hand (Node applies it only to its default list).
 */
function trustStore(): { ca?: string[] } {
  if (cachedTrust) return cachedTrust;
  const extra: string[] = [];
  const files = [
    process.env.SSL_CERT_FILE,
    '/etc/ssl/certs/ca-certificates.crt',
    '/etc/pki/tls/certs/ca-bundle.crt',
    '/etc/ssl/cert.pem',
    process.env.NODE_EXTRA_CA_CERTS,
  ];
  let system = false;
  for (const [i, f] of files.entries()) {
    if (!f || (system && i < files.length - 1)) continue;
    try {
      extra.push(readFileSync(f, 'utf8'));
      if (i < files.length - 1) system = true;
    } catch {
      // Not on this system.
    }
  }
  cachedTrust = extra.length === 0 ? {} : { ca: [...tls.rootCertificates, ...extra] };
  return cachedTrust;
}
