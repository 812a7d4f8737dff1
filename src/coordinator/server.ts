import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import {
  FINISH_ROUTE,
  type FinishRequest,
  labelProblem,
  MAX_BODY_BYTES,
  RENEW_ROUTE,
  START_ROUTE,
} from './protocol.js';
import { type Answer, CoordinatorState, type Delivery, type WaiterId } from './state.js';
import { ResultStore } from './store.js';
import { discardDir } from '../util/discard-dir.js';

export interface CoordinatorServerOptions {
  /** Where finished files are kept. Cleared at start: results live as long as the server. */
  storeDir: string;
  bearer: string;
  /** A Unix socket path, or loopback TCP on a random port. */
  listen: { socketPath: string } | { tcp: true };
  leaseMs?: number;
}

export interface CoordinatorServer {
  /** `unix:<path>` or `http://127.0.0.1:<port>`. */
  address: string;
  /** Requests per route, and results recorded (a repeated finish is not recorded twice). */
  stats: { start: number; finish: number; renew: number; recorded: number; rejected: number };
  /** Resolves once no key is being built and nobody waits (or after `maxMs`), so closing strands no one. */
  drain(maxMs: number): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_LEASE_MS = 10_000;

/**
 * The Start/Finish coordinator over HTTP/1.1: a thin transport around `CoordinatorState`.
 * Deals with: authentication, body limits, JSON, long-polling waiters, lease timers, the result store.
 * Does not deal with: the protocol's decisions (state.ts) or discovery (discovery.ts).
 */
export async function startCoordinatorServer(
  opts: CoordinatorServerOptions,
): Promise<Result<CoordinatorServer, string>> {
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const state = new CoordinatorState({ leaseMs, newToken: () => randomBytes(16).toString('hex') });
  const store = new ResultStore(opts.storeDir);
  // A previous server's results are stale; they are moved away at once and deleted in the background.
  discardDir(opts.storeDir);
  const stats = { start: 0, finish: 0, renew: 0, recorded: 0, rejected: 0 };
  const waiting = new Map<WaiterId, { res: ServerResponse; importPath: string }>();
  let nextWaiter = 1;
  const expected = Buffer.from(`Bearer ${opts.bearer}`);

  const deliver = (deliveries: Delivery[]): void => {
    for (const d of deliveries) {
      const w = waiting.get(d.waiter);
      if (!w) continue;
      waiting.delete(d.waiter);
      answer(w.res, d.answer);
    }
  };
  const timer = setInterval(() => deliver(state.expire(Date.now())), Math.max(20, Math.floor(leaseMs / 4)));
  timer.unref();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) {
      stats.rejected++;
      return reply(res, 401, { error: 'missing or wrong bearer token' });
    }
    const route = req.url ?? '';
    if (req.method !== 'POST' || ![START_ROUTE, FINISH_ROUTE, RENEW_ROUTE].includes(route)) {
      stats.rejected++;
      return reply(res, 404, { error: `unknown route ${req.method ?? ''} ${route}` });
    }
    const body = await readJson(req);
    if (!body.ok) {
      stats.rejected++;
      return reply(res, body.error.status, { error: body.error.message });
    }
    const importPath = (body.value as { importPath?: unknown }).importPath;
    if (typeof importPath !== 'string' || labelProblem(importPath) !== undefined) {
      stats.rejected++;
      return reply(res, 400, { error: 'importPath must be a non-empty string usable as a file name' });
    }
    if (route === START_ROUTE) {
      stats.start++;
      const waiter = nextWaiter++;
      const outcome = state.start(importPath, waiter, Date.now());
      if (outcome.kind === 'answer') return answer(res, outcome.answer);
      waiting.set(waiter, { res, importPath });
      // A waiter whose connection drops is forgotten, so the result is not sent into the void.
      res.on('close', () => {
        if (waiting.delete(waiter)) state.waiterGone(importPath, waiter);
      });
      return;
    }
    const token = (body.value as { token?: unknown }).token;
    if (typeof token !== 'string') return reply(res, 400, { error: 'token must be a string' });
    if (route === RENEW_ROUTE) {
      stats.renew++;
      return state.renew(importPath, token, Date.now())
        ? reply(res, 200, {})
        : reply(res, 409, { error: `no lease on ${importPath} for that token` });
    }
    stats.finish++;
    return finish(importPath, token, body.value as FinishRequest, res);
  };

  const finish = async (
    importPath: string,
    token: string,
    body: FinishRequest,
    res: ServerResponse,
  ): Promise<void> => {
    const extra = body.extra;
    if (extra !== undefined) {
      if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) {
        return reply(res, 400, { error: 'extra must be an object of label to path' });
      }
      for (const [label, path] of Object.entries(extra)) {
        const problem =
          labelProblem(label) ?? (typeof path === 'string' ? undefined : `extra ${label} must be a path`);
        if (problem) return reply(res, 400, { error: problem });
      }
    }
    if (body.error !== undefined && typeof body.error !== 'string')
      return reply(res, 400, { error: 'error must be a string' });
    // Checked before any file is copied: a wrong token must not write to the store.
    const check = state.checkFinish(importPath, token);
    if (check === 'done') return reply(res, 200, {});
    if (check !== 'ok') return reply(res, check.status, { error: check.error });
    let stored: Record<string, string> | undefined;
    if (extra !== undefined) {
      try {
        stored = await store.put(importPath, extra);
      } catch (e) {
        return reply(res, 400, { error: `cannot store the files: ${(e as Error).message}` });
      }
    }
    const outcome = state.finish(importPath, token, {
      ...(stored ? { extra: stored } : {}),
      ...(body.error !== undefined ? { error: body.error } : {}),
    });
    if (!outcome.ok) return reply(res, outcome.status, { error: outcome.error });
    if (outcome.recorded) stats.recorded++;
    deliver(outcome.deliveries);
    reply(res, 200, {});
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) =>
      reply(res, 500, { error: `internal error: ${(e as Error).message}` }),
    );
  });
  server.keepAliveTimeout = 60_000;
  const listening = await listen(server, opts.listen);
  if (!listening.ok) return listening;
  return ok({
    address: listening.value,
    stats,
    drain: async (maxMs) => {
      const until = Date.now() + maxMs;
      while ((state.running > 0 || waiting.size > 0) && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: async () => {
      clearInterval(timer);
      for (const { res } of waiting.values()) reply(res, 503, { error: 'coordinator shutting down' });
      waiting.clear();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      if ('socketPath' in opts.listen) await rm(opts.listen.socketPath, { force: true });
    },
  });
}

function answer(res: ServerResponse, a: Answer): void {
  // A build that failed elsewhere is an error answer, as every protocol error is.
  if ('error' in a) reply(res, 409, a);
  else reply(res, 200, a);
}

function reply(res: ServerResponse, status: number, body: object): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Result<unknown, { status: number; message: string }>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      req.resume();
      return err({ status: 413, message: `request body larger than ${MAX_BODY_BYTES} bytes` });
    }
    chunks.push(chunk as Buffer);
  }
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return err({ status: 400, message: 'request body must be a JSON object' });
    }
    return ok(value);
  } catch (e) {
    return err({ status: 400, message: `malformed JSON: ${(e as Error).message}` });
  }
}

async function listen(
  server: Server,
  where: CoordinatorServerOptions['listen'],
): Promise<Result<string, string>> {
  return new Promise((resolve) => {
    server.once('error', (e: NodeJS.ErrnoException) => resolve(err(`${e.code ?? 'error'}: ${e.message}`)));
    if ('socketPath' in where) {
      // Owner-only from the first moment: the umask covers the window before chmod.
      const old = process.umask(0o177);
      server.listen(where.socketPath, () => {
        process.umask(old);
        chmod(where.socketPath, 0o600).then(
          () => resolve(ok(`unix:${where.socketPath}`)),
          (e: Error) => resolve(err(e.message)),
        );
      });
      process.umask(old);
    } else {
      server.listen(0, '127.0.0.1', () =>
        resolve(ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      );
    }
  });
}
