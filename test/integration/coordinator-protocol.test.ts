import { execFileSync, spawn } from 'node:child_process';
import { link, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoordinatorClient } from '../../src/coordinator/client.js';
import { FINISH_ROUTE, START_ROUTE } from '../../src/coordinator/protocol.js';
import { startCoordinatorServer, type CoordinatorServer } from '../../src/coordinator/server.js';
import { serveCoordinator } from '../helpers/coordinator-server.js';

const KEY = 'ab'.repeat(20);

/** Waits for a key over a connection of its own: `node -e WAIT_FOR_KEY SOCKET BEARER KEY START_ROUTE`. */
const WAIT_FOR_KEY = `
const [socketPath, bearer, importPath, path] = process.argv.slice(1);
const body = JSON.stringify({ importPath });
const headers = { authorization: 'Bearer ' + bearer, 'content-length': Buffer.byteLength(body) };
const req = require('node:http').request({ socketPath, path, method: 'POST', headers });
req.on('error', () => undefined);
req.end(body, () => process.stdout.write('waiting\\n'));
setInterval(() => undefined, 1000);
`;

describe('the Start/Finish coordinator over a real Unix socket', () => {
  let dir: string;
  let server: CoordinatorServer;
  let client: CoordinatorClient;
  const BEARER = 'secret-bearer';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-coord-'));
    server = await serveCoordinator(dir, BEARER, { leaseMs: 400 });
    client = new CoordinatorClient(server.address, BEARER);
  });
  afterEach(async () => {
    client.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function files(): Promise<Record<string, string>> {
    await writeFile(join(dir, 'a.out'), 'content of a');
    await writeFile(join(dir, 'b.out'), 'content of b');
    return { a: join(dir, 'a.out'), b: join(dir, 'b.out') };
  }

  it('refuses finish before any start: "no build started" for that key', async () => {
    const r = await client.finish(KEY, 'tok', { error: 'x' });
    expect(r).toEqual({
      ok: false,
      error: { reason: 'refused', status: 404, message: `no build started for ${KEY}` },
    });
  });

  it('makes 10 concurrent starts wait, then gives all of them both labelled files', async () => {
    const first = await client.start(KEY);
    expect(first.ok && 'token' in first.value).toBe(true);
    const token = (first as { value: { token: string } }).value.token;
    const waiters = Array.from({ length: 10 }, () => client.start(KEY));
    await new Promise((r) => setTimeout(r, 50));
    const produced = await files();
    expect(await client.finish(KEY, token, { extra: produced })).toEqual({ ok: true, value: undefined });
    // The producer may delete its copies once finish is answered.
    await rm(produced.a!);
    for (const w of await Promise.all(waiters)) {
      expect(w.ok).toBe(true);
      const extra = (w as { value: { extra: Record<string, string> } }).value.extra;
      expect(Object.keys(extra).sort()).toEqual(['a', 'b']);
      expect(await readFile(extra.a!, 'utf8')).toBe('content of a');
      expect(await readFile(extra.b!, 'utf8')).toBe('content of b');
    }
    // A later start gets the files at once.
    const later = await client.start(KEY);
    expect(later.ok && 'extra' in later.value).toBe(true);
  });

  it('accepts the right token 10 times and records the work once', async () => {
    const { value } = (await client.start(KEY)) as { value: { token: string } };
    const produced = await files();
    const all = await Promise.all(
      Array.from({ length: 10 }, () => client.finish(KEY, value.token, { extra: produced })),
    );
    expect(all.every((r) => r.ok)).toBe(true);
    expect(server.stats.recorded).toBe(1);
  });

  it('refuses 10 wrong tokens, then accepts the right one', async () => {
    const { value } = (await client.start(KEY)) as { value: { token: string } };
    const produced = await files();
    const wrong = await Promise.all(
      Array.from({ length: 10 }, (_, i) => client.finish(KEY, `wrong${i}`, { extra: produced })),
    );
    for (const r of wrong) expect(r).toMatchObject({ ok: false, error: { status: 403 } });
    expect((await client.finish(KEY, value.token, { extra: produced })).ok).toBe(true);
  });

  it('gives every waiter the error of a failed build, and refuses a finish with neither files nor error', async () => {
    const { value } = (await client.start(KEY)) as { value: { token: string } };
    const neither = await client.finish(KEY, value.token, {} as { error: string });
    expect(neither).toMatchObject({ ok: false, error: { status: 400 } });
    const waiters = Array.from({ length: 5 }, () => client.start(KEY));
    await new Promise((r) => setTimeout(r, 50));
    expect((await client.finish(KEY, value.token, { error: 'compile failed' })).ok).toBe(true);
    for (const w of await Promise.all(waiters)) {
      expect(w).toEqual({ ok: false, error: { reason: 'build-failed', message: 'compile failed' } });
    }
    // After a failure, the next start may try again.
    const retry = await client.start(KEY);
    expect(retry.ok && 'token' in retry.value).toBe(true);
  });

  it('hands a released key to exactly one waiter at once, and refuses a release with files or an error', async () => {
    const { value } = (await client.start(KEY)) as { value: { token: string } };
    const produced = await files();
    for (const both of [{ extra: produced }, { error: 'x' }, { release: 'yes' }]) {
      const r = await client.finish(KEY, value.token, { release: true, ...both } as { release: true });
      expect(r).toMatchObject({ ok: false, error: { status: 400 } });
    }
    const waiters = Array.from({ length: 3 }, () => client.start(KEY));
    await new Promise((r) => setTimeout(r, 50));
    expect((await client.finish(KEY, 'wrong', { release: true })).ok).toBe(false);
    const releasedAt = Date.now();
    expect((await client.finish(KEY, value.token, { release: true })).ok).toBe(true);
    const first = await Promise.race(waiters);
    // Well within the lease (400 ms): handed on by the release, not by its end.
    expect(Date.now() - releasedAt).toBeLessThan(200);
    expect(first.ok && 'token' in first.value).toBe(true);
    const token = (first as { value: { token: string } }).value.token;
    expect((await client.finish(KEY, token, { extra: produced })).ok).toBe(true);
    const answers = await Promise.all(waiters);
    expect(answers.filter((a) => a.ok && 'token' in a.value)).toHaveLength(1);
    expect(answers.filter((a) => a.ok && 'extra' in a.value)).toHaveLength(2);
    expect(server.stats.recorded).toBe(1);
  });

  it('hands the key on at once when the waiter it was handed to died as it was handed over', async () => {
    // A lease long enough to tell a hand-over from its end.
    const long = await serveCoordinator(dir, BEARER, { leaseMs: 5000, name: 'sock-long' });
    const patient = new CoordinatorClient(long.address, BEARER);
    // The first waiter: a process of its own, killed below.
    const waiter = spawn(process.execPath, [
      '-e',
      WAIT_FOR_KEY,
      join(dir, 'sock-long'),
      BEARER,
      KEY,
      START_ROUTE,
    ]);
    try {
      const held = await patient.start(KEY);
      const token = (held as { value: { token: string } }).value.token;
      await new Promise<void>((r) => waiter.stdout.on('data', () => r()));
      while (long.stats.start < 2) await new Promise((r) => setTimeout(r, 10));
      const second = patient.start(KEY);
      while (long.stats.start < 3) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
      // Killed, and the key released to it, before this process's event loop has read that its connection closed:
      // blocked until the waiter is dead (a zombie: its descriptors are closed).
      const pid = waiter.pid!;
      execFileSync('sh', [
        '-c',
        `kill -9 ${pid}; until [ "$(cut -d' ' -f3 /proc/${pid}/stat)" = Z ]; do :; done`,
      ]);
      const releasedAt = Date.now();
      expect(await long.call(FINISH_ROUTE, { importPath: KEY, token, release: true })).toEqual({
        status: 200,
        body: {},
      });
      const answer = await second;
      // Well within the lease (5 s): handed on once its reply to the dead waiter failed, not when the lease ended.
      expect(Date.now() - releasedAt).toBeLessThan(1000);
      expect(answer.ok && 'token' in answer.value).toBe(true);
    } finally {
      waiter.kill('SIGKILL');
      patient.close();
      await long.close();
    }
  });

  it("hands a killed holder's key to exactly one waiter within the lease; the rest get that one's result", async () => {
    const script = resolve(import.meta.dirname, '../helpers/hold-token.ts');
    const holder = spawn(process.execPath, ['--import', 'tsx', script, server.address, BEARER, KEY]);
    await new Promise<void>((r) => holder.stdout.on('data', () => r()));
    const waiters = Array.from({ length: 5 }, () => client.start(KEY));
    await new Promise((r) => setTimeout(r, 600));
    // While the holder renews, nobody gets the key, even past one lease.
    expect(server.stats.start).toBe(6);
    const killedAt = Date.now();
    holder.kill('SIGKILL');
    const firstAnswer = await Promise.race(waiters);
    expect(Date.now() - killedAt).toBeLessThan(1000);
    expect(firstAnswer.ok && 'token' in firstAnswer.value).toBe(true);
    const token = (firstAnswer as { value: { token: string } }).value.token;
    expect((await client.finish(KEY, token, { extra: await files() })).ok).toBe(true);
    const answers = await Promise.all(waiters);
    expect(answers.filter((a) => a.ok && 'token' in a.value)).toHaveLength(1);
    expect(answers.filter((a) => a.ok && 'extra' in a.value)).toHaveLength(4);
  });

  it('refuses bad labels, malformed JSON, unknown routes, oversize bodies and bad bearer tokens, and keeps serving', async () => {
    const { value } = (await client.start(KEY)) as { value: { token: string } };
    const produced = await files();
    for (const label of ['a/b', '..', '']) {
      const r = await client.finish(KEY, value.token, { extra: { [label]: produced.a! } });
      expect(r).toMatchObject({ ok: false, error: { status: 400 } });
    }
    const raw = (path: string, body: string, auth = `Bearer ${BEARER}`) =>
      new Promise<{ status: number; body: string }>((res, rej) => {
        const req = request(
          { socketPath: join(dir, 'sock'), path, method: 'POST', headers: { authorization: auth } },
          (r) => {
            let b = '';
            r.on('data', (c: Buffer) => (b += c.toString()));
            r.on('end', () => res({ status: r.statusCode ?? 0, body: b }));
          },
        );
        req.on('error', rej);
        req.end(body);
      });
    expect(await raw('/never-build-twice.start', '{nope')).toMatchObject({
      status: 400,
      body: expect.stringContaining('malformed JSON'),
    });
    expect(await raw('/never-build-twice.explode', '{}')).toMatchObject({
      status: 404,
      body: expect.stringContaining('unknown route'),
    });
    expect(
      (await raw('/never-build-twice.start', JSON.stringify({ importPath: 'x'.repeat(2_000_000) }))).status,
    ).toBe(413);
    expect((await raw('/never-build-twice.start', '{}', '')).status).toBe(401);
    expect((await raw('/never-build-twice.start', '{}', 'Bearer wrong')).status).toBe(401);
    expect(((await stat(join(dir, 'sock'))).mode & 0o777).toString(8)).toBe('600');
    expect((await client.finish(KEY, value.token, { extra: produced })).ok).toBe(true);
  });

  it('publishes only plain files at absolute paths inside its roots, and never a second name for a foreign file', async () => {
    const { value } = (await client.start(KEY)) as { value: { token: string } };
    const passwd = await stat('/etc/passwd');
    const refusedPaths = {
      outside: '/etc/passwd',
      // Resolved in the server's directory, this would be another file than the caller meant.
      relative: 'package.json',
      symlink: join(dir, 'link'),
      throughDir: join(dir, 'etc-dir', 'passwd'),
    };
    await symlink('/etc/passwd', refusedPaths.symlink);
    await symlink('/etc', join(dir, 'etc-dir'));
    for (const [what, path] of Object.entries(refusedPaths)) {
      const r = await client.finish(KEY, value.token, { extra: { f: path } });
      expect(r, what).toMatchObject({ ok: false, error: { status: 400 } });
    }
    expect((await stat('/etc/passwd')).nlink).toBe(passwd.nlink);
    // A job's output that is a hard link to a foreign file is published as a copy, not as a third name.
    await link('/etc/passwd', join(dir, 'hardlink'));
    const own = await files();
    const r = await client.finish(KEY, value.token, { extra: { f: join(dir, 'hardlink'), a: own.a! } });
    expect(r.ok).toBe(true);
    const later = (await client.start(KEY)) as { value: { extra: Record<string, string> } };
    expect((await stat(later.value.extra.f!)).ino).not.toBe(passwd.ino);
    expect(await readFile(later.value.extra.f!, 'utf8')).toBe(await readFile('/etc/passwd', 'utf8'));
    // A plain file of the publisher's own is linked, not copied.
    expect((await stat(later.value.extra.a!)).ino).toBe((await stat(own.a!)).ino);
    await rm(join(dir, 'hardlink'));
    expect((await stat('/etc/passwd')).nlink).toBe(passwd.nlink);
  });

  it('also serves over loopback TCP', async () => {
    const tcp = await startCoordinatorServer({
      storeDir: join(dir, 'store2'),
      bearer: 'b',
      listen: { tcp: true },
      publishRoots: [dir],
    });
    if (!tcp.ok) throw new Error(tcp.error);
    const c = new CoordinatorClient(tcp.value.address, 'b');
    expect(tcp.value.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await c.start(KEY);
    expect(r.ok && 'token' in r.value).toBe(true);
    c.close();
    await tcp.value.close();
  });
});
