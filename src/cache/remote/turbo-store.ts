import type { Readable } from 'node:stream';
import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';
import type { HttpClient, HttpFailure, HttpResponse } from './http-client.js';
import type { MemoryPool } from './memory-pool.js';
import type { ObjectStore, Space } from './object-store.js';
import { expectFound, expectStored, expectWhole, getMetasConcurrently, META_LIMIT } from './object-store.js';

/** Hashes per batch existence query. */
const BATCH = 500;

/** Records are small here (never an archive inside): their GETs are pipelined. */
const SMALL_RECORDS = { pipelined: true };

/**
 * The Turborepo Remote Cache API: `GET/PUT/HEAD /v8/artifacts/<hash>?teamId=…` (or `slug=…`) with
 * `Authorization: Bearer`, and the batch existence query `POST /v8/artifacts {"hashes": […]}`. Records and
 * blobs share the one artifact space; their names are SHA-256s of different things, so they never collide.
 *
 * Lookups ask the batch query first, so misses cost nothing more, then GET the records that exist. Servers
 * without the query (turborepo-remote-cache answers 404) get concurrent GETs of every record: a GET of a
 * missing record costs what a HEAD does, and for a hit it brings the record in the same round trip.
 */
export class TurboStore implements ObjectStore {
  readonly #c: HttpClient;
  readonly #query: Record<string, string>;
  readonly #concurrency: number;
  readonly #noTeam: boolean;
  #noBatch = false;

  constructor(client: HttpClient, team: string | undefined, concurrency: number) {
    this.#c = client;
    this.#noTeam = team === undefined;
    // Vercel tells team IDs (`team_…`) from slugs; self-hosted servers accept either name.
    this.#query = team === undefined ? {} : team.startsWith('team_') ? { teamId: team } : { slug: team };
    this.#concurrency = concurrency;
  }

  /**
   * The Turborepo API does not promise ranges: a lookup on a server without them would download every archive
   * that travelled inside its record. Archives stay blobs of their own here.
   */
  readonly inlineArchives = false;

  get display(): string {
    return this.#c.display;
  }

  redact(text: string): string {
    return this.#c.redact(text);
  }

  /**
   * A 400 from a server given no team says why: a self-hosted Turborepo server refuses a request without one,
   * and "HTTP 400" alone left a run (and every run after it) with no cache and no clue.
   */
  #why<T>(r: Result<T, HttpFailure>): Result<T, HttpFailure> {
    if (r.ok || !this.#noTeam || r.error.kind !== 'status' || r.error.status !== 400) return r;
    return err({
      ...r.error,
      message: `${r.error.message} (no team was given: --cache-team, the Action's cache-team, git config disbuild.cacheTeam)`,
    });
  }

  async getMetas(ids: readonly string[]): Promise<Result<Map<string, Buffer>, HttpFailure>> {
    return this.#why(await this.#getMetas(ids));
  }

  async #getMetas(ids: readonly string[]): Promise<Result<Map<string, Buffer>, HttpFailure>> {
    const path = (id: string): string => `/v8/artifacts/${id}`;
    if (this.#noBatch || ids.length < 2) {
      return getMetasConcurrently(this.#c, ids, path, this.#query, this.#concurrency, SMALL_RECORDS);
    }
    const existing: string[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      const some = await this.#exists(ids.slice(i, i + BATCH));
      if (!some.ok) return some;
      if (some.value === undefined) {
        this.#noBatch = true;
        return getMetasConcurrently(this.#c, ids, path, this.#query, this.#concurrency, SMALL_RECORDS);
      }
      existing.push(...some.value);
    }
    return getMetasConcurrently(this.#c, existing, path, this.#query, this.#concurrency, SMALL_RECORDS);
  }

  /** The batch query: the ids that exist, or undefined when the server has no such endpoint. */
  async #exists(ids: string[]): Promise<Result<string[] | undefined, HttpFailure>> {
    const r = await this.#c.request('POST', '/v8/artifacts', {
      query: this.#query,
      body: Buffer.from(JSON.stringify({ hashes: ids })),
      headers: { 'content-type': 'application/json' },
    });
    if (!r.ok) return r;
    if (r.value.status === 404 || r.value.status === 405) {
      r.value.body.resume();
      return ok(undefined);
    }
    const found = expectFound(r, 'the batch query');
    if (!found.ok || found.value === undefined) return found.ok ? ok(undefined) : found;
    const body = await this.#c.readBody(found.value, META_LIMIT);
    if (!body.ok) return body;
    try {
      const answer = JSON.parse(body.value.toString('utf8')) as Record<string, unknown>;
      return ok(ids.filter((id) => isPresent(answer[id])));
    } catch {
      return err({
        kind: 'status',
        status: r.value.status,
        message: 'the batch query answered malformed JSON',
      });
    }
  }

  async getBlob(id: string): Promise<Result<HttpResponse | undefined, HttpFailure>> {
    const r = await this.#c.request('GET', `/v8/artifacts/${id}`, { query: this.#query });
    return this.#why(expectFound(r, 'the cache server'));
  }

  async getBlobWhole(
    id: string,
    limit: number,
    memory: MemoryPool,
  ): Promise<Result<Buffer | undefined, HttpFailure>> {
    const r = await this.#c.getWhole(`/v8/artifacts/${id}`, { query: this.#query }, limit, memory);
    return this.#why(expectWhole(r, 'the cache server'));
  }

  getPart(): Promise<Result<HttpResponse | undefined, HttpFailure>> {
    return Promise.resolve(
      err({ kind: 'status', message: 'records on a Turborepo server never hold their archive' }),
    );
  }

  async put(
    _space: Space,
    id: string,
    body: Buffer | readonly Buffer[] | (() => Readable),
    size: number,
  ): Promise<Result<void, HttpFailure>> {
    const r = await this.#c.put(`/v8/artifacts/${id}`, {
      query: this.#query,
      body: typeof body === 'function' ? body() : body,
      length: size,
      headers: { 'content-type': 'application/octet-stream' },
    });
    return this.#why(expectStored(r, 'the cache server'));
  }

  close(): void {
    this.#c.close();
  }
}

/** An entry of the batch answer that names an artifact (`{size, …}`), not an error or a null. */
function isPresent(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !('error' in v);
}
