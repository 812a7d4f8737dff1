import { Agent, request } from 'node:http';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { FINISH_ROUTE, RENEW_ROUTE, START_ROUTE, type StartResponse } from './protocol.js';

/** Why a call did not succeed. */
export type CoordinatorError =
  /** The holder finished with an error (delivered to waiters). */
  | { reason: 'build-failed'; message: string }
  /** The server refused the request (bad token, bad label, no build started, …). */
  | { reason: 'refused'; status: number; message: string }
  /** No server answered: it is gone or never was. */
  | { reason: 'unreachable'; message: string };

/** `unix:/path` or `http://127.0.0.1:PORT` → node:http connection options. */
export function parseAddress(address: string): { socketPath: string } | { host: string; port: number } {
  if (address.startsWith('unix:')) return { socketPath: address.slice('unix:'.length) };
  const url = new URL(address);
  return { host: url.hostname, port: Number(url.port) };
}

/** Calls the serving coordinator in-process: same routes and bodies as the wire, no socket. */
export type InProcessCall = (route: string, body: object) => Promise<{ status: number; body: object }>;

/**
 * A client of the Start/Finish protocol over one keep-alive connection pool, or, in the process that serves
 * the coordinator, straight into it (`address` is still the one published to jobs and other processes).
 */
export class CoordinatorClient {
  readonly #target: { socketPath: string } | { host: string; port: number };
  readonly #auth: string;
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 64 });
  readonly #inProcess: InProcessCall | undefined;
  /** Leases being renewed, by renewal period (see holdLease). */
  readonly #leases = new Map<
    number,
    { timer: NodeJS.Timeout; held: Set<{ importPath: string; token: string }> }
  >();

  constructor(
    readonly address: string,
    bearer: string,
    inProcess?: InProcessCall,
  ) {
    this.#target = parseAddress(address);
    this.#auth = `Bearer ${bearer}`;
    this.#inProcess = inProcess;
  }

  /** Claims `importPath`: a token to build with, or the files of a finished build (waits while one runs). */
  async start(importPath: string): Promise<Result<StartResponse, CoordinatorError>> {
    const r = await this.#post(START_ROUTE, { importPath });
    if (!r.ok) return r;
    if (r.value.status === 409) return err({ reason: 'build-failed', message: errorText(r.value.body) });
    if (r.value.status !== 200) return err(refused(r.value));
    return ok(r.value.body as StartResponse);
  }

  async finish(
    importPath: string,
    token: string,
    result: { extra: Record<string, string> } | { error: string } | { release: true },
  ): Promise<Result<void, CoordinatorError>> {
    const r = await this.#post(FINISH_ROUTE, { importPath, token, ...result });
    if (!r.ok) return r;
    return r.value.status === 200 ? ok(undefined) : err(refused(r.value));
  }

  /** With `timeoutMs`, a server that accepts the connection but does not answer in time counts as unreachable. */
  async renew(
    importPath: string,
    token: string,
    timeoutMs?: number,
  ): Promise<Result<void, CoordinatorError>> {
    const r = await this.#post(RENEW_ROUTE, { importPath, token }, timeoutMs);
    if (!r.ok) return r;
    return r.value.status === 200 ? ok(undefined) : err(refused(r.value));
  }

  /**
   * Renews the lease every `everyMs` until the returned function is called. The leases held at one period share
   * one timer: a timer per build cost more than the build's whole coordination.
   */
  holdLease(importPath: string, token: string, everyMs: number): () => void {
    let group = this.#leases.get(everyMs);
    if (!group) {
      const held = new Set<{ importPath: string; token: string }>();
      const timer = setInterval(() => {
        for (const l of held) void this.renew(l.importPath, l.token);
      }, everyMs);
      timer.unref();
      group = { timer, held };
      this.#leases.set(everyMs, group);
    }
    const lease = { importPath, token };
    group.held.add(lease);
    const { held } = group;
    return () => {
      held.delete(lease);
    };
  }

  close(): void {
    for (const { timer } of this.#leases.values()) clearInterval(timer);
    this.#leases.clear();
    this.#agent.destroy();
  }

  #post(
    path: string,
    body: object,
    timeoutMs?: number,
  ): Promise<Result<{ status: number; body: unknown }, CoordinatorError>> {
    if (this.#inProcess) return this.#inProcess(path, body).then(ok);
    const text = JSON.stringify(body);
    return new Promise((resolve) => {
      const req = request(
        {
          ...this.#target,
          path,
          method: 'POST',
          agent: this.#agent,
          headers: {
            authorization: this.#auth,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            let parsed: unknown = {};
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              parsed = { error: Buffer.concat(chunks).toString('utf8') };
            }
            resolve(ok({ status: res.statusCode ?? 0, body: parsed }));
          });
          res.on('error', (e) => resolve(err({ reason: 'unreachable', message: e.message })));
        },
      );
      req.on('error', (e) => resolve(err({ reason: 'unreachable', message: e.message })));
      if (timeoutMs !== undefined)
        req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.end(text);
    });
  }
}

function errorText(body: unknown): string {
  const e = (body as { error?: unknown }).error;
  return typeof e === 'string' ? e : JSON.stringify(body);
}

function refused(r: { status: number; body: unknown }): CoordinatorError {
  return { reason: 'refused', status: r.status, message: errorText(r.body) };
}
