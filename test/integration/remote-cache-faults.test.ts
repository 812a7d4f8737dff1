import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  async function devRun(
    fault: Fault,
    url = proxy.url,
    extra: string[] = [],
    moreEnv: Record<string, string> = {},
  ) {
    proxy.fault = fault;
    const dev = await Rig.create();
    try {
      await writeScenario(dev);
      const started = Date.now();
      const r = await dev.runGraph(
        ['--cache', 'http', '--cache-url', url, '--out-dir', dev.path('out'), ...extra],
        { ...env, ...moreEnv },
      );
      // The run's own time, without the rig's setup and clean-up around it.
      const ms = Date.now() - started;
      return { ...r, ms, out: await snapshotTree(dev.path('out')), ran: await executed(dev) };
    } finally {
      proxy.fault = 'none';
      proxy.faultRecords = false;
      proxy.hung = false;
      await dev.cleanup();
    }
  }

  /** The warning of a run that built every job itself, right, and warned once, without the token. */
  function builtLocally(r: Awaited<ReturnType<typeof devRun>>): string {
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.out).toEqual(reference);
    expect(r.ran.sort()).toEqual(['app', 'final', 'lib']);
    const w = warnings(r.stdout + r.stderr);
    expect(w, r.stdout).toHaveLength(1);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    return w[0]!;
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
      expect(builtLocally(await devRun(fault))).toContain('remote cache');
    });
  }

  it('gives up on a server that hangs right after an answer after the time-out and 2 s, not two time-outs', async () => {
    // The lookups go out together on one connection: the first is answered, the next one never. Read at first as
    // a server that takes no pipelined GETs, they go out again alone, each with a short wait.
    const r = await devRun('hang', proxy.url, [], { DISBUILD_CACHE_TIMEOUT: '6' });
    expect(builtLocally(r)).toContain('GET timed out after 2000 ms');
    // 6 s and 2 s, and the run; two time-outs would be 12 s.
    expect(r.ms).toBeGreaterThanOrEqual(8000);
    expect(r.ms).toBeLessThan(11_000);
  });

  it('builds locally with one warning when the server is down', async () => {
    const r = await devRun('none', `http://127.0.0.1:${await freePort()}`);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.out).toEqual(reference);
    expect(warnings(r.stdout + r.stderr)).toHaveLength(1);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  // The scenario's archives are small: each comes whole in the first range of its record's lookup, and its
  // restore takes it from there. The faults hit it there.
  for (const fault of ['truncate', 'corrupt'] as const) {
    it(`never restores a ${fault === 'truncate' ? 'truncated' : 'corrupted'} archive: it rebuilds with one warning`, async () => {
      proxy.faultRecords = true;
      const r = await devRun(fault);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.out).toEqual(reference);
      // Only final's bytes were needed; its archive failed, so final was built from its (cached) inputs. A cut
      // body fails the lookups instead: nothing is known to be cached.
      expect(r.ran).toContain('final');
      const w = warnings(r.stdout + r.stderr);
      expect(w, r.stdout).toHaveLength(1);
      expect(w[0]).toMatch(fault === 'truncate' ? /lookups failed/ : /could not be restored/);
      expect(w[0]).toContain(server.url.replace(/\/$/, '').replace(/:\d+$/, ''));
      expect(r.stdout + r.stderr).not.toContain(TOKEN);
    });
  }

  it('with --download all, fetches each record once: its archive comes along with the lookup', async () => {
    const before = proxy.seen.length;
    const r = await devRun('none', proxy.url, ['--download', 'all']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.ran).toEqual([]);
    expect(r.out).toEqual(reference);
    const gets = proxy.seen.slice(before).filter((s) => s.startsWith('GET '));
    const records = gets.filter((s) => s.startsWith('GET /ac/'));
    expect(new Set(records).size).toBe(3);
    // Each record once; besides them, only lib's long log (a blob of its own), no archive.
    expect(records, gets.join('\n')).toHaveLength(3);
    expect(new Set(gets.filter((s) => !s.startsWith('GET /ac/'))).size, gets.join('\n')).toBeLessThanOrEqual(
      1,
    );
  });

  // Restoring everything, lookups bring small archives along with their records: the same faults hit them there.
  for (const fault of ['truncate', 'corrupt'] as const) {
    it(`with --download all, never restores a ${fault === 'truncate' ? 'truncated' : 'corrupted'} archive that came with its record`, async () => {
      proxy.faultRecords = true;
      const r = await devRun(fault, proxy.url, ['--download', 'all']);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.out).toEqual(reference);
      // A cut body fails the lookups (nothing is known to be cached); a damaged one fails its restore.
      expect(r.ran.length).toBeGreaterThan(0);
      const w = warnings(r.stdout + r.stderr);
      expect(w, r.stdout).toHaveLength(1);
      expect(w[0]).toMatch(fault === 'truncate' ? /lookups failed/ : /could not be restored/);
      expect(r.stdout + r.stderr).not.toContain(TOKEN);
    });
  }

  describe('uploads', () => {
    /**
     * A cold run (new keys) through the proxy, with `fault` on its PUTs only; answers its output and timing.
     * `meanwhile`: runs alongside it.
     */
    async function coldRun(fault: Fault, extraEnv: Record<string, string>, meanwhile?: () => Promise<void>) {
      proxy.fault = fault;
      proxy.faultMethod = 'PUT';
      const ci = await Rig.create();
      try {
        await writeScenario(ci);
        const before = await server.storedFiles();
        const t0 = Date.now();
        const running = ci.runGraph(
          ['--cache', 'http', '--cache-url', proxy.url, '--salt', `uploads-${fault}`],
          { ...env, ...extraEnv },
        );
        await meanwhile?.();
        const r = await running;
        const ms = Date.now() - t0;
        return { ...r, ms, stored: (await server.storedFiles()) - before, ran: await executed(ci) };
      } finally {
        proxy.fault = 'none';
        proxy.faultMethod = undefined;
        await ci.cleanup();
      }
    }

    /** Upload processes started by this file's runs (their environment carries this file's token). */
    const uploaders = (): string[] =>
      execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => l.includes('upload-process.js'))
        .filter((l) => {
          try {
            return readFileSync(`/proc/${l.trim().split(' ')[0]}/environ`, 'utf8').includes(TOKEN);
          } catch {
            return false;
          }
        });

    it('a failing upload costs one warning, stores no record, and leaves no upload process', async () => {
      const r = await coldRun('500', {});
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.ran.sort()).toEqual(['app', 'final', 'lib']);
      const w = warnings(r.stdout + r.stderr);
      expect(w, r.stdout).toHaveLength(1);
      expect(w[0]).toMatch(/remote cache .*upload failed.*HTTP 500/);
      expect(r.stdout + r.stderr).not.toContain(TOKEN);
      expect(r.stored).toBe(0);
      expect(uploaders()).toEqual([]);
    });

    it('an upload process killed with uploads queued costs one warning that says so, not the whole wait', async () => {
      proxy.slowMs = 20_000;
      try {
        let killed = '';
        const r = await coldRun(
          'slow',
          { DISBUILD_CACHE_UPLOAD_WAIT: '60', DISBUILD_CACHE_TIMEOUT: '60' },
          async () => {
            // Killed once it holds uploads: the proxy holds up their PUTs.
            const deadline = Date.now() + 10_000;
            let pid: string | undefined;
            while (pid === undefined && Date.now() < deadline) {
              pid = uploaders().map((l) => l.trim().split(' ')[0]!)[0];
              await new Promise((res) => setTimeout(res, 20));
            }
            if (pid === undefined) throw new Error('no upload process started');
            await new Promise((res) => setTimeout(res, 500));
            process.kill(Number(pid), 'SIGKILL');
            killed = pid;
          },
        );
        expect(killed).not.toBe('');
        expect(r.code, r.stderr + r.stdout).toBe(0);
        const w = warnings(r.stdout + r.stderr);
        expect(w, r.stdout).toHaveLength(1);
        expect(w[0]).toMatch(
          /artifacts were not uploaded: the upload process ended \(signal SIGKILL\) before them/,
        );
        expect(r.ms).toBeLessThan(15_000);
        expect(uploaders()).toEqual([]);
      } finally {
        proxy.slowMs = 5000;
      }
    });

    it('uploads still running when the wait is over are abandoned with one warning, in time', async () => {
      proxy.slowMs = 20_000;
      try {
        const r = await coldRun('slow', { DISBUILD_CACHE_UPLOAD_WAIT: '1', DISBUILD_CACHE_TIMEOUT: '60' });
        expect(r.code, r.stderr + r.stdout).toBe(0);
        const w = warnings(r.stdout + r.stderr);
        expect(w, r.stdout).toHaveLength(1);
        expect(w[0]).toMatch(/artifacts were not uploaded within 1 s/);
        expect(r.ms).toBeLessThan(15_000);
        // Blobs may have reached the server; records (written last) did not.
        expect(uploaders()).toEqual([]);
      } finally {
        proxy.slowMs = 5000;
      }
    });
  });
});
