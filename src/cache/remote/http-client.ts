import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { Readable, Transform } from 'node:stream';
import * as tls from 'node:tls';
import { GetConnections } from './get-connections.js';
import { pacedBody, SLOW_ANSWER } from './paced-body.js';
import type { MemoryPool } from './memory-pool.js';
import { PutConnections } from './put-connections.js';
import type { Pool } from './undici-pool.js';
import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';
import { extraCaCertsFile } from '../../util/extra-ca-certs.js';

/** Why a request did not give a usable answer; `status` for answers outside 2xx and 404. */
export interface HttpFailure {
  kind: 'network' | 'timeout' | 'status';
  status?: number;
  message: string;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /**
   * Must be consumed or destroyed by the caller. Errors when no data arrives for the idle time-out, and when it
   * arrives too slowly on average (see paced-body.ts).
   */
  body: Readable;
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
 * A small keep-alive HTTP(S) client for cache servers, on undici (the HTTP/1.1 client Node's own `fetch` is
 * built on): a request costs a third of the CPU of `node:http`'s, which is most of what restoring a thousand
 * small artifacts costs.
 *
 * Deals with: connection reuse (a thousand lookups share a few sockets), authorization, idle time-outs (waiting
 * for the answer's headers, between its body's chunks, and between an upload's chunks), the trust store (the
 * system's CAs and NODE_EXTRA_CA_CERTS on top of Node's own), and keeping secrets out of every message.
 * Does not deal with: what the paths mean (the stores) or retries (the circuit breaker decides).
 */
export class HttpClient {
  readonly #base: URL;
  readonly #basePath: string;
  readonly #auth: string | undefined;
  readonly #secrets: string[];
  /** undici's pool, made on first use: uploads and lookups from memory never need it (see #poolNow). */
  #pool: Promise<Pool> | undefined;
  #closed = false;
  readonly #poolOptions: import('undici').Pool.Options;
  readonly #origin: string;
  readonly #puts: PutConnections;
  readonly #gets: GetConnections;
  readonly #timeoutMs: number;
  /** The base URL without credentials, for messages. */
  readonly display: string;

  constructor(o: HttpClientOptions) {
    const url = new URL(o.url);
    // Checked by parseRemoteCacheOptions where sent: with a token, user information may hold any `%`.
    const user = decodeURIComponentSafe(url.username);
    const pass = decodeURIComponentSafe(url.password);
    url.username = '';
    url.password = '';
    this.#base = url;
    this.#basePath = url.pathname.replace(/\/$/, '');
    // A path or query holding an `@` may be the rest of a password whose `/` or `?` was not encoded (its first
    // part parsed as a user and a port): neither is shown, nor left in a message.
    const tail = url.pathname + url.search;
    const hidden = tail.includes('@');
    // A query given with the URL goes with every request: a server that takes its token there, a signed URL. It
    // is shown as `?…`, and its values are secrets as the token is.
    const query = url.search.slice(1);
    this.display = hidden
      ? `${url.origin}/…`
      : `${url.origin}${url.pathname.replace(/\/$/, '')}${query === '' ? '' : '?…'}`;
    // The URL as given counts as a secret only when it carries credentials.
    this.#secrets = [
      o.token ?? '',
      pass,
      url.password,
      user || pass ? o.url : '',
      ...(hidden
        ? [url.pathname, url.search].flatMap((p) => {
            const part = p.replace(/\/$/, '');
            return part.includes('@') ? [part, decodeURIComponentSafe(part)] : [];
          })
        : []),
      query,
      // Each value alone too, but for short ones (`v=1`, `gzip=true`): a word that common would go from messages.
      ...query.split('&').flatMap((p) => {
        const value = p.slice(p.indexOf('=') + 1);
        return [value, decodeURIComponentSafe(value.replaceAll('+', ' '))].filter((v) => v.length >= 8);
      }),
    ].filter((s) => s.length >= 4);
    if (o.token) this.#auth = `Bearer ${o.token}`;
    else if (user || pass) this.#auth = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    if (this.#auth) this.#secrets.push(this.#auth.slice(this.#auth.indexOf(' ') + 1));
    this.#timeoutMs = o.idleTimeoutMs;
    const ca = url.protocol === 'https:' ? trustStore().ca : undefined;
    this.#puts = new PutConnections({
      origin: new URL(url.origin),
      idleTimeoutMs: o.idleTimeoutMs,
      ...(ca ? { ca } : {}),
    });
    this.#gets = new GetConnections({
      origin: new URL(url.origin),
      idleTimeoutMs: o.idleTimeoutMs,
      pipelinedConnections: o.maxSockets,
      ...(ca ? { ca } : {}),
    });
    this.#origin = url.origin;
    this.#poolOptions = {
      connections: o.maxSockets,
      headersTimeout: o.idleTimeoutMs,
      bodyTimeout: o.idleTimeoutMs,
      connect: {
        timeout: o.idleTimeoutMs,
        ...(url.protocol === 'https:' ? trustStore() : {}),
      },
    };
  }

  /**
   * undici's pool, its code loaded and run the first time a request needs it. A process that only uploads and
   * fetches from memory (the upload process, a run's lookups) never loads undici and the Node modules it takes
   * (http2, perf_hooks, worker_threads…): a run's lookups of 1,000 keys spent 7 ms of CPU on them through the
   * code cache, the upload process (which compiles its program anew each time) more. In the bundle, not a chunk of
   * its own ("eager"): the programs beside the CLI are single files.
   */
  #poolNow(): Promise<Pool> {
    // Closed before its first such request: none is made, as the pool closed with the client refuses them.
    if (this.#closed && this.#pool === undefined) return Promise.reject(new Error('the client is closed'));
    this.#pool ??= import(/* webpackMode: "eager" */ './undici-pool.js').then(({ newPool }) =>
      newPool(this.#origin, this.#poolOptions),
    );
    return this.#pool;
  }

  /** Replaces every secret this client knows (token, password, credentials) in `text`. */
  redact(text: string): string {
    let out = text;
    for (const s of this.#secrets) out = out.split(s).join('***');
    return out;
  }

  /** `path` is appended to the base URL's path; `query` adds parameters. */
  async request(
    method: 'GET' | 'HEAD' | 'PUT' | 'POST',
    path: string,
    opts: {
      query?: Record<string, string>;
      /** Pieces: sent one after the other (PUT only). */
      body?: Buffer | readonly Buffer[] | Readable;
      length?: number;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Result<HttpResponse, HttpFailure>> {
    const target = this.#target(path, opts.query);
    const headers = this.#headers(opts.headers);
    const body = Array.isArray(opts.body)
      ? Buffer.concat(opts.body)
      : (opts.body as Buffer | Readable | undefined);
    const length = Buffer.isBuffer(body) ? body.length : opts.length;
    if (length !== undefined) headers['content-length'] = String(length);
    // undici times out waiting for headers and between body chunks; a streamed upload that stops moving (a
    // server that no longer reads) is abandoned here.
    const upload = body !== undefined && !Buffer.isBuffer(body) ? body : undefined;
    const abort = new AbortController();
    let stalled: NodeJS.Timeout | undefined;
    let stalledOut = false;
    const watch = (ms = this.#timeoutMs): void => {
      clearTimeout(stalled);
      stalled = setTimeout(() => {
        stalledOut = true;
        abort.abort(new Error(upload ? 'the upload made no progress' : 'no answer'));
      }, ms);
    };
    // A download's answer must begin within a bound of its own: undici's wait for its head starts again at each
    // interim answer (`102 Processing`), and a server sending one every so often would hold the run forever. An
    // upload's bound runs from its last piece sent; one from memory is sent whole first, however long that takes.
    if (body === undefined) watch(2 * this.#timeoutMs);
    // undici reads the caller's stream through this one, which marks each chunk's passing. Never set flowing here
    // (a 'data' listener): what it read before undici's socket connected would be lost.
    const sent = upload
      ? new Transform({
          transform: (chunk, _encoding, done) => {
            watch();
            done(null, chunk);
          },
        })
      : undefined;
    let readFailed: Error | undefined;
    if (upload && sent) {
      upload.once('error', (e) => {
        readFailed = e;
        sent.destroy(e);
      });
      upload.pipe(sent);
      watch();
    }
    try {
      const res = await (
        await this.#poolNow()
      ).request({
        method,
        path: target,
        headers,
        ...(body === undefined ? {} : { body: sent ?? body }),
        signal: abort.signal,
      });
      clearTimeout(stalled);
      // A HEAD's answer has no body to pace (and a thousand lookups need no timer each).
      const answer = method === 'HEAD' ? res.body : pacedBody(res.body, this.#timeoutMs);
      return ok({ status: res.statusCode, headers: res.headers, body: answer });
    } catch (e) {
      if (stalledOut)
        return err({ kind: 'timeout', message: `${method} timed out after ${this.#timeoutMs} ms` });
      if (readFailed) {
        return err({
          kind: 'network',
          message: this.redact(`reading the upload failed: ${readFailed.message}`),
        });
      }
      return err(this.#failure(method, e as Error & { code?: string; cause?: Error }));
    } finally {
      clearTimeout(stalled);
      // Its file closed however the request ended (undici ends or destroys only the stream it was given).
      upload?.destroy();
    }
  }

  /** The caller's headers, and the authorization of every request. */
  #headers(extra: Record<string, string> | undefined): Record<string, string> {
    const headers: Record<string, string> = { ...extra };
    if (this.#auth) headers.authorization = this.#auth;
    return headers;
  }

  /** `path` appended to the base URL's path, with the base URL's query and `query`. */
  #target(path: string, query?: Record<string, string>): string {
    let target = `${this.#basePath}${path}`;
    const search = this.#base.search.slice(1);
    const extra = query && Object.keys(query).length > 0 ? new URLSearchParams(query) : undefined;
    if (search || extra) target += `?${[search, extra?.toString()].filter(Boolean).join('&')}`;
    return target;
  }

  /**
   * A GET whose whole answer is read into memory, `limit` bytes at most (see get-connections.ts: a lighter path
   * than undici's for many small objects). `own`: a 2xx answer's body is in memory of its own (from that pool,
   * when one is given), which its reader may hand on to another thread. `pipelined`: a small answer, whose GET
   * may go out with others asked for in the same turn, on one connection (lookups; see get-connections.ts).
   */
  async getWhole(
    path: string,
    opts: { query?: Record<string, string>; headers?: Record<string, string>; pipelined?: boolean },
    limit: number,
    own?: true | MemoryPool,
  ): Promise<Result<{ status: number; headers: IncomingHttpHeaders; body: Buffer }, HttpFailure>> {
    const headers = this.#headers(opts.headers);
    const memory =
      own === undefined
        ? (size: number) => Buffer.allocUnsafe(size)
        : own === true
          ? (size: number) => Buffer.allocUnsafeSlow(size)
          : (size: number) => own.take(size);
    const r = await this.#gets.get(this.#target(path, opts.query), headers, limit, memory, opts.pipelined);
    if (!r.ok) return err({ kind: r.error.kind, message: this.redact(r.error.message) });
    return r;
  }

  /**
   * A PUT, answered by its status (the answer's body is dropped). A body in memory (one buffer, or pieces sent
   * one after the other) takes a lighter path than undici's (see put-connections.ts): a cold run uploads one
   * small artifact per job, and a stream per answer cost more than the parse of its head. A stream goes through
   * `request`.
   */
  async put(
    path: string,
    opts: {
      query?: Record<string, string>;
      body: Buffer | readonly Buffer[] | Readable;
      length?: number;
      headers?: Record<string, string>;
    },
  ): Promise<Result<number, HttpFailure>> {
    if (opts.body instanceof Readable) {
      const r = await this.request('PUT', path, opts);
      if (!r.ok) return r;
      r.value.body.resume();
      return ok(r.value.status);
    }
    const headers = this.#headers(opts.headers);
    const r = await this.#puts.put(this.#target(path, opts.query), headers, opts.body);
    if (!r.ok) return err({ kind: r.error.kind, message: this.redact(r.error.message) });
    return ok(r.value.status);
  }

  #failure(method: string, e: Error & { code?: string; cause?: Error }): HttpFailure {
    const code = e.code ?? '';
    if (
      code === 'UND_ERR_HEADERS_TIMEOUT' ||
      code === 'UND_ERR_BODY_TIMEOUT' ||
      code === 'UND_ERR_CONNECT_TIMEOUT'
    )
      return { kind: 'timeout', message: `${method} timed out after ${this.#timeoutMs} ms` };
    // undici reports a socket closed early as "other side closed"; the cause (when any) says more.
    const detail = e.cause && e.cause.message && e.cause.message !== e.message ? `: ${e.cause.message}` : '';
    return { kind: 'network', message: this.redact(`${method} failed: ${e.message}${detail}`) };
  }

  /** Reads a whole (small) response body. Events, not an async iterator: no promise per chunk. */
  readBody(res: HttpResponse, limit: number): Promise<Result<Buffer, HttpFailure>> {
    const body = res.body;
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
      const failed = (e: Error & { code?: string }): void =>
        finish(
          err({
            kind: e.code === 'UND_ERR_BODY_TIMEOUT' || e.code === SLOW_ANSWER ? 'timeout' : 'network',
            message: this.redact(`reading a response failed: ${e.message}`),
          }),
        );
      body.once('error', failed);
      body.once('close', () => failed(new Error('the connection closed early')));
    });
  }

  /** Closes every socket: the kept-alive ones and those of requests still in flight. */
  close(): void {
    this.#closed = true;
    this.#puts.close();
    this.#gets.close();
    void this.#pool?.then((p) => p.destroy()).catch(() => undefined);
  }
}

let cachedTrust: { ca?: string[] } | undefined;

/**
 * Node trusts its own bundled CAs and, when no `ca` is given, NODE_EXTRA_CA_CERTS. Corporate caches are often
 * signed by a CA that only the system's store knows, so the system bundle is added, and with an explicit `ca`
 * list NODE_EXTRA_CA_CERTS must be added by hand (Node applies it only to its default list), as must the file a
 * process was handed under another name (extra-ca-certs.ts): the upload process's Node never saw it.
 */
function trustStore(): { ca?: string[] } {
  if (cachedTrust) return cachedTrust;
  const extra: string[] = [];
  const files = [
    process.env.SSL_CERT_FILE,
    '/etc/ssl/certs/ca-certificates.crt',
    '/etc/pki/tls/certs/ca-bundle.crt',
    '/etc/ssl/cert.pem',
    extraCaCertsFile(),
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

/** `s` decoded, or as it is when it is not valid percent-encoding. */
function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
