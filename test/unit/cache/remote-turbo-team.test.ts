import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/cache/remote/http-client.js';
import { TurboStore } from '../../../src/cache/remote/turbo-store.js';

/** A Turborepo server that refuses every request without a team, as turborepo-remote-cache does (HTTP 400). */
describe('a Turborepo server that needs a team', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      req.resume();
      res.statusCode = q.has('teamId') || q.has('slug') ? 404 : 400;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const store = (team?: string): TurboStore =>
    new TurboStore(new HttpClient({ url, idleTimeoutMs: 5000, maxSockets: 2 }), team, 2);

  it('says that no team was given when it answers 400 to lookups, downloads and uploads', async () => {
    const s = store();
    try {
      const looked = await s.getMetas(['a'.repeat(64)]);
      expect(looked.ok).toBe(false);
      if (!looked.ok) expect(looked.error.message).toMatch(/HTTP 400 \(no team was given: --cache-team/);
      const got = await s.getBlob('a'.repeat(64));
      if (!got.ok) expect(got.error.message).toMatch(/no team was given/);
      expect(got.ok).toBe(false);
      const put = await s.put('meta', 'a'.repeat(64), Buffer.from('x'), 1);
      expect(put.ok).toBe(false);
      if (!put.ok) expect(put.error.message).toMatch(/no team was given/);
    } finally {
      s.close();
    }
  });

  it('with a team, finds nothing there and says nothing of teams', async () => {
    const s = store('my-team');
    try {
      const looked = await s.getMetas(['a'.repeat(64)]);
      expect(looked.ok && looked.value.size).toBe(0);
    } finally {
      s.close();
    }
  });
});
