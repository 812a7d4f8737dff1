import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphJson, type JobSpec } from '../helpers/graph-json.js';
import { Rig } from '../helpers/rig.js';

/**
 * A server that answers every request with a body it sends one byte a second: 4 KiB announced, or (`/chunked`)
 * no length at all, so that only the pace of the bytes can tell.
 */
describe('a cache server that trickles its answers', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      // Turborepo's batch query is a POST: its answer trickles too.
      const chunked = req.url!.startsWith('/chunked/') || req.method === 'POST';
      res.writeHead(200, {
        ...(chunked ? {} : { 'content-length': '4096' }),
        'content-type': 'application/octet-stream',
      });
      const drip = setInterval(() => res.write('x'), 1000);
      res.on('close', () => clearInterval(drip));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('holds a run up for a bounded time only when the trickle is the answer to a batch query', async () => {
    const rig = await Rig.create();
    try {
      const job = (name: string): JobSpec => ({
        name,
        cmds: [{ exec: ['sh', '-c', `echo ${name} > <out>/${name}`] }],
      });
      await rig.write({ 'graph.json': graphJson([job('a'), job('b')]) });
      const started = Date.now();
      const r = await rig.runGraph(
        ['--cache', 'turbo', '--cache-url', url, '--cache-team', 'team', '--cache-mode', 'read'],
        { DISBUILD_CACHE_TIMEOUT: '2', DISBUILD_CACHE_TOKEN: 'token' },
      );
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.jobs.get('a')?.status).toBe('built');
      expect(r.stdout.match(/warning/g)).toHaveLength(1);
      expect(r.stdout).toMatch(/slower than 16384 bytes a second/);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await rig.cleanup();
    }
  }, 60_000);

  for (const framing of ['announced', 'chunked'] as const) {
    it(`holds a run up for a bounded time only (${framing} length): one warning, and the job builds`, async () => {
      const rig = await Rig.create();
      try {
        await rig.write({
          'graph.json': graphJson([{ name: 'a', cmds: [{ exec: ['sh', '-c', 'echo a > <out>/a'] }] }]),
        });
        const base = framing === 'chunked' ? `${url}/chunked` : url;
        const started = Date.now();
        const r = await rig.runGraph(['--cache', 'http', '--cache-url', base, '--cache-mode', 'read'], {
          DISBUILD_CACHE_TIMEOUT: '2',
        });
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(r.jobs.get('a')?.status).toBe('built');
        expect(r.stdout.match(/warning/g)).toHaveLength(1);
        expect(r.stdout).toMatch(/GET answered slower than 16384 bytes a second/);
        expect(Date.now() - started).toBeLessThan(15_000);
      } finally {
        await rig.cleanup();
      }
    }, 60_000);
  }
});
