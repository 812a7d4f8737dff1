import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';
import { graphJson } from '../helpers/graph-json.js';
import { CLI, Rig } from '../helpers/rig.js';

/**
 * A cache server, listening for the tests of the enclosing `describe`, that takes every request and answers none of
 * some: `lookups` hang (every request), or only `uploads` do (a lookup is a quick 404; a PUT's body is read, and its
 * answer never comes). Counts what it received; `url` is known once it listens.
 */
function silentServer(hang: 'lookups' | 'uploads'): { url: () => string; received: string[] } {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = '';
    // After a request with a body (a PUT's), nothing more on the connection is parsed: the rest is its body.
    let inBody = false;
    socket.on('data', (chunk: Buffer) => {
      if (inBody) return;
      pending += chunk.toString('latin1');
      for (;;) {
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = pending.slice(0, end);
        const line = head.split('\r\n')[0]!;
        received.push(line);
        inBody = /\r\ncontent-length: *[1-9]/i.test(head);
        pending = pending.slice(end + 4);
        if (hang === 'uploads' && !line.startsWith('PUT ') && !line.startsWith('POST ')) {
          socket.write('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n');
        }
        if (inBody) return;
      }
    });
  });
  server.on('close', () => {
    for (const s of sockets) s.destroy();
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });
  return { url: () => `http://127.0.0.1:${(server.address() as { port: number }).port}`, received };
}

/**
 * A signal stops a run whose remote cache does not answer at once: its requests are abandoned, not waited for
 * until they time out (DISBUILD_CACHE_TIMEOUT, 30 s) or, at the end of a run, until its uploads may no longer
 * (DISBUILD_CACHE_UPLOAD_WAIT, 300 s).
 */
describe('a signal while the remote cache does not answer', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  const start = (
    args: string[],
  ): { exited: Promise<number | null>; output: () => string; kill: (s: NodeJS.Signals) => void } => {
    const child = spawn(
      process.execPath,
      [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, ...args],
      {
        cwd: rig.src,
        env: {
          PATH: process.env.PATH,
          HOME: rig.path('home'),
          CI: '1',
          DISBUILD_CACHE_TOKEN: 'secret-token',
        },
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    return { exited, output: () => out, kill: (s) => child.kill(s) };
  };
  const until = async (what: () => boolean, ms: number): Promise<void> => {
    const end = Date.now() + ms;
    while (!what()) {
      if (Date.now() > end) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  describe('lookups that hang', () => {
    const { url, received } = silentServer('lookups');

    for (const [protocol, signal] of [
      ['http', 'SIGINT'],
      ['turbo', 'SIGTERM'],
    ] as const) {
      it(`${signal} ends a run waiting for a ${protocol} lookup at once: nothing runs, no warning`, async () => {
        const marker = rig.path('ran');
        await rig.write({ 'graph.json': graphJson([{ name: 'a', cmds: [{ exec: ['touch', marker] }] }]) });
        received.length = 0;
        const run = start(['--cache', protocol, '--cache-url', url(), '--cache-team', 'team']);
        await until(() => received.length > 0, 15_000);
        const signalled = Date.now();
        run.kill(signal);
        expect(await run.exited, run.output()).toBe(130);
        expect(Date.now() - signalled).toBeLessThan(5_000);
        expect(run.output()).toMatch(/a skipped: not started: the run was interrupted/);
        expect(run.output()).not.toMatch(/warning/);
        expect(run.output()).not.toContain('secret-token');
      }, 60_000);
    }
  });

  describe('uploads that hang at the end of a run', () => {
    const { url, received } = silentServer('uploads');

    it('SIGINT ends the wait for them: the build is kept locally, and one warning says what was not uploaded', async () => {
      await rig.write({
        'graph.json': graphJson([{ name: 'a', cmds: [{ exec: ['sh', '-c', 'echo built > <out>/a.txt'] }] }]),
      });
      received.length = 0;
      const run = start(['--cache', 'http', '--cache-url', url()]);
      await until(() => received.some((l) => l.startsWith('PUT ')), 15_000);
      const signalled = Date.now();
      run.kill('SIGINT');
      expect(await run.exited, run.output()).toBe(130);
      expect(Date.now() - signalled).toBeLessThan(5_000);
      expect(run.output()).toMatch(/✓ a built/);
      const warnings = run.output().match(/warning:.*/g) ?? [];
      expect(warnings, run.output()).toHaveLength(1);
      expect(warnings[0]).toMatch(/the run was interrupted before 1 uploads were known to be done/);
      // What was built is in the local cache.
      const again = await rig.runGraph();
      expect(again.jobs.get('a')?.status, again.stdout + again.stderr).toBe('cached');
    }, 60_000);

    it('SIGINT while a build is being saved: its upload, asked for after the signal, is counted too', async () => {
      const done = rig.path('command-done');
      // 300 MB to save locally (read and hashed): the signal comes once the command is over, before the save is.
      await rig.write({
        'graph.json': graphJson([
          {
            name: 'big',
            cmds: [{ exec: ['sh', '-c', `head -c 300000000 /dev/zero > <out>/big.bin; touch ${done}`] }],
          },
        ]),
      });
      received.length = 0;
      const run = start(['--cache', 'http', '--cache-url', url()]);
      await until(() => existsSync(done), 30_000);
      await new Promise((r) => setTimeout(r, 50));
      run.kill('SIGINT');
      expect(await run.exited, run.output()).toBe(130);
      expect(run.output()).toMatch(/✓ big built/);
      const warnings = run.output().match(/warning:.*/g) ?? [];
      expect(warnings, run.output()).toHaveLength(1);
      expect(warnings[0]).toMatch(/the run was interrupted before 1 uploads were known to be done/);
    }, 60_000);
  });

  describe('the pre-push hook', () => {
    const { url, received } = silentServer('lookups');

    it('Ctrl-C while its lookups wait: the push stops at once, without a warning', async () => {
      const push = await PushRig.create();
      try {
        const marker = push.path('ran');
        await push.commit({
          'graph.json': graphJson([{ name: 'a', inputs: ['a.txt'], cmds: [{ exec: ['touch', marker] }] }]),
          'a.txt': 'a\n',
        });
        await push.git(push.clone, 'config', 'disbuild.graph', 'graph.json');
        await push.git(push.clone, 'config', 'disbuild.cacheUrl', url());
        expect((await push.cli('hook', 'install')).code).toBe(0);
        received.length = 0;
        const git = spawn('git', ['push', '-q', 'origin', 'main'], {
          cwd: push.clone,
          env: push.env,
          detached: true,
        });
        let out = '';
        git.stderr.on('data', (c: Buffer) => (out += c.toString()));
        const exited = new Promise<number | null>((resolve) => git.on('close', (code) => resolve(code)));
        await until(() => received.length > 0, 15_000);
        const signalled = Date.now();
        // As a terminal does: to the whole process group, git and its hook.
        process.kill(-git.pid!, 'SIGINT');
        await exited;
        expect(Date.now() - signalled, out).toBeLessThan(5_000);
        expect(out).not.toMatch(/warning/);
        expect(existsSync(marker)).toBe(false);
        expect(await push.remoteRef()).toBeUndefined();
      } finally {
        await push.cleanup();
      }
    }, 60_000);
  });
});
