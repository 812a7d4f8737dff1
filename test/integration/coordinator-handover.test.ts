import { execFile, execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoordinatorClient } from '../../src/coordinator/client.js';
import { FINISH_ROUTE, START_ROUTE } from '../../src/coordinator/protocol.js';
import type { CoordinatorServer } from '../../src/coordinator/server.js';
import { serveCoordinator } from '../helpers/coordinator-server.js';
import { CLI } from '../helpers/rig.js';

const A = 'aa'.repeat(20);
const B = 'bb'.repeat(20);
const BEARER = 'secret-bearer';
const run = promisify(execFile);

/**
 * A live holder that speaks the protocol over one keep-alive connection, as a tool inside a job may: it claims A,
 * then waits for B over the same connection, gives up waiting after 300 ms (a request time-out, the connection is
 * closed), and goes on building A: it renews A's lease (on a connection of its own) and finally finishes A.
 * `node -e HOLDER ADDRESS BEARER A B`; prints `holding`, `waiting`, `gave-up`, then `finish <status>`.
 */
const HOLDER = `
const http = require('node:http');
const [address, bearer, a, b, startRoute, finishRoute] = process.argv.slice(1);
const target = address.startsWith('unix:') ? { socketPath: address.slice(5) } : (() => { const u = new URL(address); return { host: u.hostname, port: Number(u.port) }; })();
const one = new http.Agent({ keepAlive: true, maxSockets: 1 });
const other = new http.Agent({ keepAlive: true, maxSockets: 1 });
const post = (agent, path, body, timeoutMs) => new Promise((resolve) => {
  const text = JSON.stringify(body);
  const req = http.request({ ...target, agent, path, method: 'POST', headers: { authorization: 'Bearer ' + bearer, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (res) => {
    const chunks = []; res.on('data', (c) => chunks.push(c)); res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }));
  });
  req.on('error', (e) => resolve({ status: 0, body: { error: e.message } }));
  if (timeoutMs) req.setTimeout(timeoutMs, () => req.destroy(new Error('timed out')));
  req.end(text);
});
(async () => {
  const got = await post(one, startRoute, { importPath: a });
  const token = got.body.token;
  if (!token) throw new Error('no token: ' + JSON.stringify(got));
  process.stdout.write('holding\\n');
  const renewals = setInterval(() => post(other, '/never-build-twice.renew', { importPath: a, token }), 100);
  process.stdout.write('waiting\\n');
  const waited = await post(one, startRoute, { importPath: b }, 300);
  process.stdout.write('gave-up ' + waited.status + '\\n');
  await new Promise((r) => setTimeout(r, 1500));
  clearInterval(renewals);
  const done = await post(other, finishRoute, { importPath: a, token, error: 'built' });
  process.stdout.write('finish ' + done.status + '\\n');
  process.exit(0);
})();
`;

function lines(child: ChildProcessWithoutNullStreams): (want: string) => Promise<string> {
  let out = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    for (const w of waiters.splice(0)) w();
  });
  return async (want) => {
    for (;;) {
      const line = out.split('\n').find((l) => l.startsWith(want));
      if (line !== undefined) return line;
      await new Promise<void>((r) => waiters.push(r));
    }
  };
}

const pending = <T>(p: Promise<T>): Promise<'pending' | T> =>
  Promise.race([p, new Promise<'pending'>((r) => setTimeout(() => r('pending'), 1000))]);

describe('a live holder keeps its key, whatever becomes of a connection that carried it', () => {
  let dir: string;
  let server: CoordinatorServer;
  let client: CoordinatorClient;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-handover-'));
    server = await serveCoordinator(dir, BEARER, { leaseMs: 5000 });
    client = new CoordinatorClient(server.address, BEARER);
  });
  afterEach(async () => {
    client.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Until the server has seen `n` starts. */
  const startsSeen = async (n: number): Promise<void> => {
    while (server.stats.start < n) await new Promise((r) => setTimeout(r, 10));
  };
  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    DISBUILD_COORDINATOR: server.address,
    DISBUILD_COORDINATOR_TOKEN: BEARER,
  });
  const cli = async (...args: string[]): Promise<string> =>
    (await run(process.execPath, [CLI, 'coordinator', ...args], { env: env(), encoding: 'utf8' })).stdout;

  it('`disbuild coordinator start` in a process that then exits keeps the key for a later finish', async () => {
    const token = (JSON.parse(await cli('start', A)) as { token: string }).token;
    const other = new CoordinatorClient(server.address, BEARER);
    try {
      const waiting = other.start(A);
      expect(await pending(waiting)).toBe('pending');
      expect((await cli('finish', A, '--token', token, '--error', 'x')).trim()).toBe('{}');
      expect(await waiting).toMatchObject({ ok: false, error: { reason: 'build-failed' } });
    } finally {
      other.close();
    }
  });

  it('`disbuild coordinator start` handed the key as a waiter, then exiting, keeps it', async () => {
    const held = await client.start(A);
    const first = (held as { value: { token: string } }).value.token;
    const cliStart = spawn(process.execPath, [CLI, 'coordinator', 'start', A], { env: env() });
    let out = '';
    cliStart.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<void>((r) => cliStart.on('exit', () => r()));
    await startsSeen(2);
    const other = new CoordinatorClient(server.address, BEARER);
    try {
      const waiting = other.start(A);
      await startsSeen(3);
      await client.finish(A, first, { release: true });
      await exited;
      const token = (JSON.parse(out) as { token: string }).token;
      expect(await pending(waiting)).toBe('pending');
      expect((await cli('finish', A, '--token', token, '--error', 'x')).trim()).toBe('{}');
    } finally {
      other.close();
    }
  });

  it('a holder that gives up waiting for another key over the same connection keeps the key it builds', async () => {
    const owner = new CoordinatorClient(server.address, BEARER);
    const heldB = await owner.start(B);
    const tokenB = (heldB as { value: { token: string } }).value.token;
    const holder = spawn(process.execPath, [
      '-e',
      HOLDER,
      server.address,
      BEARER,
      A,
      B,
      START_ROUTE,
      FINISH_ROUTE,
    ]);
    const line = lines(holder);
    try {
      await line('waiting');
      await startsSeen(3);
      const waitingA = client.start(A);
      await startsSeen(4);
      // The holder gives up on B (300 ms) while this process is busy; B is handed to it just then, and the
      // answer meets the connection it closed. (The same race, without the sleep, whenever B is released
      // within the time the serving process takes to read that the connection closed.)
      execFileSync('sleep', ['0.6']);
      await server.call(FINISH_ROUTE, { importPath: B, token: tokenB, release: true });
      await line('gave-up');
      // The holder is alive and renewing A: nobody else may get A.
      // The waiter for A gets the live holder's result, never a token of its own.
      const [other, finished] = await Promise.all([waitingA, line('finish')]);
      expect({ other, finished }).toEqual({
        other: { ok: false, error: { reason: 'build-failed', message: 'built' } },
        finished: 'finish 200',
      });
    } finally {
      holder.kill('SIGKILL');
      owner.close();
    }
  });

  it('a holder whose renewal times out on a busy server keeps its key: that is no sign it is gone', async () => {
    const script = resolve(import.meta.dirname, '../helpers/hold-renewing-with-timeout.ts');
    const holder = spawn(process.execPath, ['--import', 'tsx', script, server.address, BEARER, A]);
    const line = lines(holder);
    try {
      await line('holding');
      const waitingA = client.start(A);
      await startsSeen(2);
      // The serving process is busy for 600 ms (a sync hash, a GC pause, a loaded machine): one renewal times out.
      execFileSync('sleep', ['0.6']);
      // The waiter for A gets the live holder's result, never a token of its own.
      const [other, finished] = await Promise.all([waitingA, line('finish')]);
      expect({ other, finished }).toEqual({
        other: { ok: false, error: { reason: 'build-failed', message: 'built' } },
        finished: 'finish ok',
      });
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
