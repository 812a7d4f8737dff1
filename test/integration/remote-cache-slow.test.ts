import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { Rig } from '../helpers/rig.js';

/** A server that answers every request with a 4 KiB body it sends one byte a second. */
describe('a cache server that trickles its answers', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-length': '4096', 'content-type': 'application/octet-stream' });
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

  it('holds a run up for a bounded time only: one warning, and the job builds', async () => {
    const rig = await Rig.create();
    try {
      await rig.write({
        'graph.json': graphJson([{ name: 'a', cmds: [{ exec: ['sh', '-c', 'echo a > <out>/a'] }] }]),
      });
      const started = Date.now();
      const r = await rig.runGraph(['--cache', 'http', '--cache-url', url, '--cache-mode', 'read'], {
        DISBUILD_CACHE_TIMEOUT: '2',
      });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.jobs.get('a')?.status).toBe('built');
      expect(r.stdout.match(/warning/g)).toHaveLength(1);
      expect(r.stdout).toMatch(/GET took longer than/);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await rig.cleanup();
    }
  }, 60_000);
});
