import type { Readable } from 'node:stream';
import type { Result } from '../../util/result.js';
import type { HttpClient, HttpFailure, HttpResponse } from './http-client.js';
import type { MemoryPool } from './memory-pool.js';
import type { ObjectStore, Space } from './object-store.js';
import { expectFound, expectStored, expectWhole, getMetasConcurrently, rangeBody } from './object-store.js';

/**
 * The Bazel HTTP cache protocol: `GET/PUT/HEAD <url>/ac/<sha256>` for records and `<url>/cas/<sha256>` for
 * content, where a `cas` name is the SHA-256 of its bytes (bazel-remote checks that on upload). Records are not
 * Bazel ActionResults, so bazel-remote needs `--disable_http_ac_validation`; nginx with WebDAV takes anything.
 */
export class BazelStore implements ObjectStore {
  readonly #c: HttpClient;
  readonly #concurrency: number;

  constructor(client: HttpClient, concurrency: number) {
    this.#c = client;
    this.#concurrency = concurrency;
  }

  get display(): string {
    return this.#c.display;
  }

  redact(text: string): string {
    return this.#c.redact(text);
  }

  /** nginx and bazel-remote serve ranges of what they store; a server that does not sends whole objects. */
  readonly inlineArchives = true;

  getMetas(
    ids: readonly string[],
    head?: number | ((id: string) => number | Promise<number>),
    arrived?: (id: string, bytes: Buffer) => Buffer,
    memory?: MemoryPool,
    missed?: (id: string) => void,
  ): Promise<Result<Map<string, Buffer>, HttpFailure>> {
    return getMetasConcurrently(
      this.#c,
      ids,
      (id) => `/ac/${id}`,
      {},
      this.#concurrency,
      // Ranged GETs of a record's first bytes (lookups) are pipelined.
      { head, arrived, memory, missed, pipelined: typeof head === 'number' },
    );
  }

  async getPart(
    id: string,
    start: number,
    size: number,
  ): Promise<Result<HttpResponse | undefined, HttpFailure>> {
    const r = await this.#c.request('GET', `/ac/${id}`, {
      headers: { range: `bytes=${start}-${start + size - 1}` },
    });
    return rangeBody(expectFound(r, 'the cache server'), start, size);
  }

  async getBlob(id: string): Promise<Result<HttpResponse | undefined, HttpFailure>> {
    return expectFound(await this.#c.request('GET', `/cas/${id}`), 'the cache server');
  }

  async getBlobWhole(
    id: string,
    limit: number,
    memory: MemoryPool,
  ): Promise<Result<Buffer | undefined, HttpFailure>> {
    return expectWhole(await this.#c.getWhole(`/cas/${id}`, {}, limit, memory), 'the cache server');
  }

  async put(
    space: Space,
    id: string,
    body: Buffer | readonly Buffer[] | (() => Readable),
    size: number,
  ): Promise<Result<void, HttpFailure>> {
    const path = space === 'meta' ? `/ac/${id}` : `/cas/${id}`;
    const r = await this.#c.put(path, {
      body: typeof body === 'function' ? body() : body,
      length: size,
      headers: { 'content-type': 'application/octet-stream' },
    });
    return expectStored(r, 'the cache server');
  }

  close(): void {
    this.#c.close();
  }
}
