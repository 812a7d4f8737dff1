import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rig } from '../helpers/rig.js';
import { type Fault, FaultProxy } from '../helpers/remote/fault-proxy.js';
import { executed, snapshotTree, writeScenario } from '../helpers/remote/scenario.js';
import { type CacheServer, freePort, startNginx } from '../helpers/remote/servers.js';

const TOKEN = 'tok-77aa01bc93de';
const env = { DISBUILD_CACHE_TOKEN: TOKEN, DISBUILD_CACHE_TIMEOUT: '1' };

/** Warnings a run printed (the console reporter writes one `warning:` line each). */
const warnings = (out: string): string[] => out.split('\n').filter((l) => l.includes('warning:'));

describe('remote cache faults never break a build', () => {
  let server: CacheServer;
  let proxy: FaultProxy;
  let reference: Record<string, string>;
  beforeAll(async () => {
    server = await startNginx({ bearer: TOKEN });
    proxy = await FaultProxy.start(server.url);
    const ci = await Rig.create();
    try {
      await writeScenario(ci);
      const r = await ci.runGraph(
        ['--cache', 'http', '--cache-url', server.url, '--out-dir', ci.path('out')],
        env,
      );
      expect(r.code, r.stderr + r.stdout).toBe(0);
      reference = await snapshotTree(ci.path('out'));
    } finally {
      await ci.cleanup();
    }
  });
  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
  });

  /** A developer run with an empty local cache, through the proxy (or at `url`), asking for final's bytes. */
  async function devRun(fault: Fault, url = proxy.url) {
    proxy.fault = fault;
    const dev = await Rig.create();
    try {
      await writeScenario(dev);
      const r = await dev.runGraph(
        ['--cache', 'http', '--cache-url', url, '--out-dir', dev.path('out')],
        env,
      );
      return { ...r, out: await snapshotTree(dev.path('out')), ran: await executed(dev) };
    } finally {
      proxy.fault = 'none';
      await dev.cleanup();
    }
  }

  it('answers from the server when nothing goes wrong (the reference for the faults below)', async () => {
    const r = await devRun('none');
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.ran).toEqual([]);
    expect(r.out).toEqual(reference);
    expect(warnings(r.stdout + r.stderr)).toEqual([]);
  });

  for (const fault of ['500', '403', 'slow'] as const) {
    it(`builds locally with one warning when every request fails (${fault})`, async () => {
      const r = await devRun(fault);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.out).toEqual(reference);
      expect(r.ran.sort()).toEqual(['app', 'final', 'lib']);
      const w = warnings(r.stdout + r.stderr);
      expect(w, r.stdout).toHaveLength(1);
      expect(w[0]).toContain('remote cache');
      expect(r.stdout + r.stderr).not.toContain(TOKEN);
    });
  }

  it('builds locally with one warning when the server is down', async () => {
    const r = await devRun('none', `http://127.0.0.1:${await freePort()}`);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.out).toEqual(reference);
    expect(warnings(r.stdout + r.stderr)).toHaveLength(1);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  for (const fault of ['truncate', 'corrupt'] as const) {
    it(`never restores a ${fault === 'truncate' ? 'truncated' : 'corrupted'} archive: it rebuilds with one warning`, async () => {
      const r = await devRun(fault);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.out).toEqual(reference);
      // Only final's bytes were needed; its archive failed, so final was built from its (cached) inputs.
      expect(r.ran).toContain('final');
      const w = warnings(r.stdout + r.stderr);
      expect(w, r.stdout).toHaveLength(1);
      expect(w[0]).toMatch(/could not be restored/);
      expect(w[0]).toContain(server.url.replace(/\/$/, '').replace(/:\d+$/, ''));
      expect(r.stdout + r.stderr).not.toContain(TOKEN);
    });
  }
});
