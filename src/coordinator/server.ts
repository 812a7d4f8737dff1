import { timingSafeEqual } from 'node:crypto';
import { chmodSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
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
import { randomHex } from '../util/random-hex.js';

export interface CoordinatorServerOptions {
  /** Where finished files are kept. Cleared at start: results live as long as the server. */
  storeDir: string;
  bearer: string;
  /** A Unix socket path, or loopback TCP on a random port. */
  listen: { socketPath: string } | { tcp: true };
  leaseMs?: number;
  /** Directories whose plain files `finish` may publish (job outputs and temp dirs); see ResultStore. */
  publishRoots: readonly string[];
}

export interface CoordinatorServer {
  /** `unix:<path>` or `http://127.0.0.1:<port>`. */
  address: string;
  /** Requests per route, and results recorded (a repeated finish is not recorded twice). */
  stats: { start: number; finish: number; renew: number; recorded: number; rejected: number };
  /**
   * The same protocol without the socket, for the process that serves it: its own jobs' calls then cost a
   * function call instead of an HTTP round trip through its own event loop. Bodies are the wire's JSON objects.
   */
  call(route: string, body: object): Promise<Reply>;
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
  const state = new CoordinatorState({ leaseMs, newToken: () => randomHex(16) });
  const store = new ResultStore(opts.storeDir, opts.publishRoots);
  // A previous server's results are stale; they are moved away at once and deleted in the background.
  discardDir(opts.storeDir);
  const stats = { start: 0, finish: 0, renew: 0, recorded: 0, rejected: 0 };
  const waiting = new Map<WaiterId, (reply: Reply) => void>();
  let nextWaiter = 1;
  const expected = Buffer.from(`Bearer ${opts.bearer}`);

  const deliver = (deliveries: Delivery[]): void => {
    for (const d of deliveries) {
      const send = waiting.get(d.waiter);
      if (!send) continue;
      waiting.delete(d.waiter);
      send(answerReply(d.answer));
    }
  };
  const timer = setInterval(() => deliver(state.expire(Date.now())), Math.max(20, Math.floor(leaseMs / 4)));
  timer.unref();

  /**
   * One protocol call on a parsed body, for both transports. A start that must wait resolves when answered;
   * `onWait` receives the way to give up waiting (a dropped connection), so no answer is sent into the void.
   */
  const operate = async (
    route: string,
    body: object,
    onWait?: (cancel: () => void) => void,
  ): Promise<Reply> => {
    const importPath = (body as { importPath?: unknown }).importPath;
    if (typeof importPath !== 'string' || labelProblem(importPath) !== undefined) {
      stats.rejected++;
      return { status: 400, body: { error: 'importPath must be a non-empty string usable as a file name' } };
    }
    if (route === START_ROUTE) {
      stats.start++;
      const waiter = nextWaiter++;
      const outcome = state.start(importPath, waiter, Date.now());
      if (outcome.kind === 'answer') return answerReply(outcome.answer);
      return new Promise<Reply>((resolve) => {
        waiting.set(waiter, resolve);
        onWait?.(() => {
          if (waiting.delete(waiter)) state.waiterGone(importPath, waiter);
        });
      });
    }
    const token = (body as { token?: unknown }).token;
    if (typeof token !== 'string') return { status: 400, body: { error: 'token must be a string' } };
    if (route === RENEW_ROUTE) {
      stats.renew++;
      return state.renew(importPath, token, Date.now())
        ? { status: 200, body: {} }
        : { status: 409, body: { error: `no lease on ${importPath} for that token` } };
    }
    stats.finish++;
    return finish(importPath, token, body as FinishRequest);
  };

  const finish = async (importPath: string, token: string, body: FinishRequest): Promise<Reply> => {
    const extra = body.extra;
    if (extra !== undefined) {
      if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) {
        return { status: 400, body: { error: 'extra must be an object of label to path' } };
      }
      for (const [label, path] of Object.entries(extra)) {
        const problem =
          labelProblem(label) ?? (typeof path === 'string' ? undefined : `extra ${label} must be a path`);
        if (problem) return { status: 400, body: { error: problem } };
      }
    }
    if (body.error !== undefined && typeof body.error !== 'string')
      return { status: 400, body: { error: 'error must be a string' } };
    if (body.release !== undefined) {
      if (body.release !== true || extra !== undefined || body.error !== undefined)
        return { status: 400, body: { error: 'release must be true, without "extra" or "error"' } };
      const released = state.release(importPath, token, Date.now());
      if (!released.ok) return { status: released.status, body: { error: released.error } };
      deliver(released.deliveries);
      return { status: 200, body: {} };
    }
    // Checked before any file is copied: a wrong token must not write to the store.
    const check = state.checkFinish(importPath, token);
    if (check === 'done') return { status: 200, body: {} };
    if (check !== 'ok') return { status: check.status, body: { error: check.error } };
    let stored: Record<string, string> | undefined;
    if (extra !== undefined) {
      try {
        stored = await store.put(importPath, extra);
      } catch (e) {
        return { status: 400, body: { error: `cannot store the files: ${(e as Error).message}` } };
      }
    }
    const outcome = state.finish(importPath, token, {
      ...(stored ? { extra: stored } : {}),
      ...(body.error !== undefined ? { error: body.error } : {}),
    });
    if (!outcome.ok) return { status: outcome.status, body: { error: outcome.error } };
    if (outcome.recorded) stats.recorded++;
    deliver(outcome.deliveries);
    return { status: 200, body: {} };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // A client sends its next request on a connection once it has read the answer to the last one: the keys
    // answered before are its own now, whatever becomes of the connection later (a request it gives up closes it).
    handedOver.get(req.socket)?.clear();
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) {
      stats.rejected++;
      return reply(res, { status: 401, body: { error: 'missing or wrong bearer token' } });
    }
    const route = req.url ?? '';
    if (req.method !== 'POST' || !ROUTES.includes(route)) {
      stats.rejected++;
      return reply(res, { status: 404, body: { error: `unknown route ${req.method ?? ''} ${route}` } });
    }
    const body = await readJson(req);
    if (!body.ok) {
      stats.rejected++;
      return reply(res, { status: body.error.status, body: { error: body.error.message } });
    }
    const answer = await operate(route, body.value, (cancel) => res.on('close', cancel));
    reply(res, answer);
    const token = (answer.body as { token?: unknown }).token;
    if (route === START_ROUTE && typeof token === 'string') {
      handOnIfLost(req.socket, (body.value as { importPath: string }).importPath, token);
    }
  };

  /** The keys handed over each connection, by its socket (see handOnIfLost). */
  const handedOver = new WeakMap<Socket, Map<string, string>>();

  /**
   * A key handed to a caller whose connection fails before the caller sends anything more on it (the waiter killed
   * as the key was handed to it: the answer meets a closed socket) is handed on at once, as when a holder is known
   * to be gone, rather than when its lease ends. A connection that merely closes says nothing (a client lets go of
   * its idle connections), and neither does one that fails after its next request: that request shows the answer
   * was read (see handle). A holder that has finished (or released) meanwhile is not affected: the key is no longer
   * its token's. Over loopback TCP an answer to a dead peer is taken by the kernel without an error: there, as for
   * a holder that dies later, the lease decides.
   */
  const handOnIfLost = (socket: Socket, importPath: string, token: string): void => {
    if (socket.destroyed) {
      deliver(state.holderGone(importPath, token, Date.now()));
      return;
    }
    let keys = handedOver.get(socket);
    if (keys === undefined) {
      const handed = new Map<string, string>();
      keys = handed;
      handedOver.set(socket, handed);
      socket.once('close', (failed: boolean) => {
        if (!failed) return;
        for (const [path, t] of handed) deliver(state.holderGone(path, t, Date.now()));
      });
    }
    keys.set(importPath, token);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) =>
      reply(res, { status: 500, body: { error: `internal error: ${(e as Error).message}` } }),
    );
  });
  server.keepAliveTimeout = 60_000;
  const listening = await listen(server, opts.listen);
  if (!listening.ok) return listening;
  return ok({
    address: listening.value,
    stats,
    call: (route, body) =>
      ROUTES.includes(route) ? operate(route, body) : Promise.resolve(unknownRoute(route)),
    drain: async (maxMs) => {
      const until = Date.now() + maxMs;
      while ((state.running > 0 || waiting.size > 0) && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: async () => {
      clearInterval(timer);
      for (const send of waiting.values())
        send({ status: 503, body: { error: 'coordinator shutting down' } });
      waiting.clear();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      if ('socketPath' in opts.listen) rmSync(opts.listen.socketPath, { force: true });
    },
  });
}

/** A protocol answer, before any transport writes it. */
export interface Reply {
  status: number;
  body: object;
}

const ROUTES = [START_ROUTE, FINISH_ROUTE, RENEW_ROUTE];

function unknownRoute(route: string): Reply {
  return { status: 404, body: { error: `unknown route ${route}` } };
}

function answerReply(a: Answer): Reply {
  // A build that failed elsewhere is an error answer, as every protocol error is.
  return { status: 'error' in a ? 409 : 200, body: a };
}

function reply(res: ServerResponse, r: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(r.body);
  res.writeHead(r.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Result<object, { status: number; message: string }>> {
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
        // In place, as the rest of a claim's first steps: see removeDeadTemps.
        try {
          chmodSync(where.socketPath, 0o600);
          resolve(ok(`unix:${where.socketPath}`));
        } catch (e) {
          resolve(err((e as Error).message));
        }
      });
      process.umask(old);
    } else {
      server.listen(0, '127.0.0.1', () =>
        resolve(ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      );
    }
  });
}
