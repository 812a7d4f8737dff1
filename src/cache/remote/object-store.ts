import { type Readable, Transform } from 'node:stream';
import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';
import type { HttpClient, HttpFailure, HttpResponse } from './http-client.js';
import type { MemoryPool } from './memory-pool.js';
import { PIPELINE_DEPTH } from './get-connections.js';

/** `meta`: small records looked up by a key's ID; `blob`: content-addressed bytes (archives, long logs). */
export type Space = 'meta' | 'blob';

/** Metadata records are small; anything bigger is not ours. */
export const META_LIMIT = 4 * 1024 * 1024;

/**
 * What the remote cache needs from a server: fetch many small records at once, stream one blob, store either.
 * Implemented over the Bazel HTTP cache protocol and the Turborepo Remote Cache API.
 */
export interface ObjectStore {
  /** The server's URL without credentials, for messages. */
  readonly display: string;
  redact(text: string): string;
  /**
   * Whether a record may carry its archive (read back with `getPart`). Only where the protocol's servers answer
   * ranged GETs, or at least whole objects, for records: there a lookup fetches only a record's first bytes.
   */
  readonly inlineArchives: boolean;
  /**
   * The records that exist among `ids`; absent ids are misses. Batched or run concurrently, never in series.
   * `head`: only the first `head` bytes of each are needed (servers that ignore the range send all); a function
   * is asked (and waited for) before each request. `arrived`: called as each record arrives, with a buffer in
   * memory of its own (from `memory` when given), which `arrived` may hand on; what it answers is kept instead.
   * `missed`: called for each id the server does not have, once its answer is in.
   */
  getMetas(
    ids: readonly string[],
    head?: number | ((id: string) => number | Promise<number>),
    arrived?: (id: string, bytes: Buffer) => Buffer,
    memory?: MemoryPool,
    missed?: (id: string) => void,
  ): Promise<Result<Map<string, Buffer>, HttpFailure>>;
  /** A blob as a stream, or undefined when the server does not have it. */
  getBlob(id: string): Promise<Result<HttpResponse | undefined, HttpFailure>>;
  /**
   * A blob of at most `limit` bytes read whole, in memory of its own from `memory` (it may move to another
   * thread), or undefined when the server does not have it; a longer one fails.
   */
  getBlobWhole(
    id: string,
    limit: number,
    memory: MemoryPool,
  ): Promise<Result<Buffer | undefined, HttpFailure>>;
  /** `size` bytes from `start` of the record `id`, as a stream of exactly those bytes, or undefined when missing. */
  getPart(id: string, start: number, size: number): Promise<Result<HttpResponse | undefined, HttpFailure>>;
  /** `body`: bytes, pieces of them (sent one after the other), or a stream made for each attempt. */
  put(
    space: Space,
    id: string,
    body: Buffer | readonly Buffer[] | (() => Readable),
    size: number,
  ): Promise<Result<void, HttpFailure>>;
  close(): void;
}

/** Answers a GET: the response for 2xx, undefined for 404, a failure otherwise (the body is discarded). */
export function expectFound(
  r: Result<HttpResponse, HttpFailure>,
  what: string,
): Result<HttpResponse | undefined, HttpFailure> {
  if (!r.ok) return r;
  const { status } = r.value;
  if (status >= 200 && status < 300) return r;
  r.value.body.resume();
  if (status === 404) return ok(undefined);
  return err({ kind: 'status', status, message: `${what} answered HTTP ${status}` });
}

/** Answers a GET read whole: its body for 2xx, undefined for 404, a failure otherwise. */
export function expectWhole(
  r: Result<{ status: number; body: Buffer }, HttpFailure>,
  what: string,
): Result<Buffer | undefined, HttpFailure> {
  if (!r.ok) return r;
  const { status, body } = r.value;
  if (status >= 200 && status < 300) return ok(body);
  if (status === 404) return ok(undefined);
  return err({ kind: 'status', status, message: `${what} answered HTTP ${status}` });
}

/** Answers a PUT by its status: any 2xx is stored; a conflict means the object is there already. */
export function expectStored(r: Result<number, HttpFailure>, what: string): Result<void, HttpFailure> {
  if (!r.ok) return r;
  const status = r.value;
  if ((status >= 200 && status < 300) || status === 409) return ok(undefined);
  return err({ kind: 'status', status, message: `${what} answered HTTP ${status}` });
}

/** Runs `fn` over `items` with at most `limit` at once; stops early at the first failure. */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<Result<R, HttpFailure>>,
): Promise<Result<R[], HttpFailure>> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: HttpFailure | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const i = next++;
      const r = await fn(items[i]!);
      if (r.ok) out[i] = r.value;
      else failure ??= r.error;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return failure ? err(failure) : ok(out);
}

/**
 * GETs small records (or their first `head` bytes) one request each, many at once over the kept-alive sockets:
 * `concurrency` connections. `pipelined` (small answers only: a whole record with its archive, up to a megabyte,
 * would hold up the GETs behind it): PIPELINE_DEPTH GETs to a connection (see get-connections.ts).
 */
export async function getMetasConcurrently(
  client: HttpClient,
  ids: readonly string[],
  pathOf: (id: string) => string,
  query: Record<string, string>,
  concurrency: number,
  o: {
    head?: number | ((id: string) => number | Promise<number>) | undefined;
    arrived?: ((id: string, bytes: Buffer) => Buffer) | undefined;
    memory?: MemoryPool | undefined;
    missed?: ((id: string) => void) | undefined;
    pipelined?: boolean;
  } = {},
): Promise<Result<Map<string, Buffer>, HttpFailure>> {
  const { head, arrived, memory, missed, pipelined = false } = o;
  const found = new Map<string, Buffer>();
  const range = (bytes: number): Record<string, string> => ({ range: `bytes=0-${bytes - 1}` });
  const fixed = typeof head === 'number' ? range(head) : undefined;
  const r = await mapBounded(ids, pipelined ? concurrency * PIPELINE_DEPTH : concurrency, async (id) => {
    const asked = typeof head === 'function' ? await head(id) : head;
    const headers = typeof head === 'function' ? range(asked!) : fixed;
    const res = await client.getWhole(
      pathOf(id),
      { query, pipelined, ...(headers ? { headers } : {}) },
      META_LIMIT,
      arrived ? (memory ?? true) : undefined,
    );
    if (!res.ok) return res;
    const { status, body } = res.value;
    if (status === 404) {
      missed?.(id);
      return ok(undefined);
    }
    if (status < 200 || status >= 300)
      return err({ kind: 'status', status, message: `the cache server answered HTTP ${status}` });
    // A server that ignores the range sends the whole object: only the bytes asked for are kept (copied, so that
    // the rest goes), or a thousand lookups would hold a thousand whole records. `arrived` keeps what it needs
    // itself: a whole line, which cutting would make a record to ask for again.
    if (arrived) found.set(id, arrived(id, body));
    else
      found.set(id, asked !== undefined && body.length > asked ? Buffer.from(body.subarray(0, asked)) : body);
    return ok(undefined);
  });
  return r.ok ? ok(found) : r;
}

/**
 * The answer to a ranged GET of `size` bytes from `start`, as a body of exactly those bytes: a 206 must name that
 * range; a 200 (a server that ignores ranges) sends the whole object, whose first `start` bytes are dropped here.
 * What follows the range in a 200 is left to the reader's size check (it fails the restore).
 */
export function rangeBody(
  r: Result<HttpResponse | undefined, HttpFailure>,
  start: number,
  size: number,
): Result<HttpResponse | undefined, HttpFailure> {
  if (!r.ok || r.value === undefined) return r;
  const res = r.value;
  if (res.status === 206) {
    const want = `bytes ${start}-${start + size - 1}/`;
    const got = String(res.headers['content-range'] ?? '');
    if (got.startsWith(want)) return r;
    res.body.resume();
    return err({ kind: 'status', status: 206, message: `the cache server answered another range (${got})` });
  }
  if (start === 0) return r;
  let skip = start;
  const rest = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (skip >= chunk.length) {
        skip -= chunk.length;
        cb();
        return;
      }
      const part = skip === 0 ? chunk : chunk.subarray(skip);
      skip = 0;
      cb(null, part);
    },
  });
  res.body.on('error', (e) => rest.destroy(e));
  // A reader that stops early (a failed check) lets go of the connection too.
  rest.once('close', () => {
    if (!res.body.readableEnded) res.body.destroy();
  });
  res.body.pipe(rest);
  return ok({ ...res, body: rest });
}
