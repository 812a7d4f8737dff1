import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { FaultProxy } from '../helpers/remote/fault-proxy.js';
import { snapshotTree } from '../helpers/remote/scenario.js';
import { type CacheServer, startNginx } from '../helpers/remote/servers.js';
import { Rig } from '../helpers/rig.js';

/** One job whose archive is over 4 MiB: uploaded and fetched as a stream of its own file, not from memory. */
const graph = graphJson([
  { name: 'big', cmds: [{ exec: ['sh', '-c', 'head -c 6000000 /dev/urandom > <out>/big.bin'] }] },
]);

describe('an artifact too big to upload from memory', () => {
  let server: CacheServer;
  beforeAll(async () => {
    server = await startNginx();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('is uploaded whole by the run that built it and restored byte-identical in another clone', async () => {
    const ci = await Rig.create();
    const dev = await Rig.create();
    try {
      await ci.write({ 'graph.json': graph });
      const built = await ci.runGraph([
        '--cache',
        'http',
        '--cache-url',
        server.url,
        '--out-dir',
        ci.path('out'),
      ]);
      expect(built.code, built.stderr + built.stdout).toBe(0);
      expect(built.stdout + built.stderr).not.toMatch(/warning/i);
      await dev.write({ 'graph.json': graph });
      const restored = await dev.runGraph([
        '--cache',
        'http',
        '--cache-url',
        server.url,
        '--out-dir',
        dev.path('out'),
      ]);
      expect(restored.code, restored.stderr + restored.stdout).toBe(0);
      expect(restored.stdout + restored.stderr).not.toMatch(/warning/i);
      expect(restored.jobs.get('big')?.status).toBe('cached');
      expect(await snapshotTree(dev.path('out'))).toEqual(await snapshotTree(ci.path('out')));
    } finally {
      await ci.cleanup();
      await dev.cleanup();
    }
  }, 120_000);

  it('gives up on an archive that trickles in: one warning, the job built, in bounded time', async () => {
    const ci = await Rig.create();
    const dev = await Rig.create();
    const proxy = await FaultProxy.start(server.url);
    try {
      await ci.write({ 'graph.json': graph });
      const built = await ci.runGraph(['--cache', 'http', '--cache-url', server.url]);
      expect(built.code, built.stderr + built.stdout).toBe(0);
      // Never idle for the time-out, and 6 MB at 5 KiB a second would take 20 minutes.
      proxy.fault = 'trickle';
      proxy.faultPath = '/cas/';
      await dev.write({ 'graph.json': graph });
      const started = Date.now();
      const r = await dev.runGraph(
        ['--cache', 'http', '--cache-url', proxy.url, '--cache-mode', 'read', '--out-dir', dev.path('out')],
        { DISBUILD_CACHE_TIMEOUT: '2' },
      );
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.jobs.get('big')?.status).toBe('built');
      expect(r.stdout.match(/warning/gi), r.stdout).toHaveLength(1);
      expect(r.stdout).toMatch(/slower than 16384 bytes a second/);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect((await stat(dev.path('out/big/big.bin'))).size).toBe(6_000_000);
    } finally {
      await proxy.stop();
      await ci.cleanup();
      await dev.cleanup();
    }
  }, 120_000);

  it('restores a job whose log is too big to hold whole: the whole log kept, its ends shown, nothing rebuilt', async () => {
    // 20 MB of stdout: spilled to a file by the run that built it, fetched into a file by the run that restores it.
    const logGraph = graphJson([
      { name: 'loud', cmds: [{ exec: ['sh', '-c', 'seq 1 2600000; echo done > <out>/result'] }] },
    ]);
    const ci = await Rig.create();
    const dev = await Rig.create();
    try {
      await ci.write({ 'graph.json': logGraph });
      const built = await ci.runGraph(['--cache', 'http', '--cache-url', server.url, '-q']);
      expect(built.code, built.stderr).toBe(0);
      await dev.write({ 'graph.json': logGraph });
      const restored = await dev.runGraph([
        '--cache',
        'http',
        '--cache-url',
        server.url,
        '--out-dir',
        dev.path('out'),
        '--log-replay',
        'all',
      ]);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout + restored.stderr).not.toMatch(/warning/i);
      expect(restored.jobs.get('loud')?.status).toBe('cached');
      // Shown: its two ends, not 20 MB.
      expect(restored.stdout.length).toBeLessThan(4 << 20);
      expect(restored.stdout).toContain('bytes left out here');
      expect(restored.stdout).toContain('2600000');
      // Kept whole in the local cache: its entry's log is all of it, and offline the next run restores from there.
      const root = join(dev.cacheDir, 'v1', 'entries');
      const logs: number[] = [];
      for (const shard of await readdir(root))
        for (const entry of await readdir(join(root, shard)))
          logs.push((await stat(join(root, shard, entry, 'stdout'))).size);
      let whole = 0;
      for (let i = 1; i <= 2600000; i++) whole += String(i).length + 1;
      expect(logs).toEqual([whole]);
      const offline = await dev.runGraph(['--out-dir', dev.path('out2'), '--log-replay', 'all']);
      expect(offline.code, offline.stderr).toBe(0);
      expect(offline.jobs.get('loud')?.status).toBe('cached');
      expect(offline.stdout).toContain('bytes left out here');
    } finally {
      await ci.cleanup();
      await dev.cleanup();
    }
  }, 120_000);

  it('does not download the log of a hit that nothing needs, unless the run shows or reports it', async () => {
    // A log of about 1.3 MB is a blob of its own (cas/); the job's one small output travels inside its record.
    const logGraph = graphJson([
      { name: 'chatty', cmds: [{ exec: ['sh', '-c', 'seq 1 200000; echo done > <out>/result'] }] },
    ]);
    const ci = await Rig.create();
    const dev = await Rig.create();
    const proxy = await FaultProxy.start(server.url);
    try {
      await ci.write({ 'graph.json': logGraph });
      const built = await ci.runGraph(['--cache', 'http', '--cache-url', server.url, '-q']);
      expect(built.code, built.stderr).toBe(0);
      await dev.write({ 'graph.json': logGraph });
      const remote = ['--cache', 'http', '--cache-url', proxy.url, '--cache-mode', 'read'];
      const blobGets = (): string[] => proxy.seen.filter((r) => r.startsWith('GET') && r.includes('/cas/'));

      // Minimal download, the default log replay and no report: the hit's bookkeeping needs its record only.
      const quiet = await dev.run(['run', '--graph', 'graph.json', '--cache-dir', dev.path('c1'), ...remote]);
      expect(quiet.code, quiet.stderr).toBe(0);
      expect(quiet.stdout).toMatch(/1 cached/);
      expect(proxy.seen.some((r) => r.includes('/ac/'))).toBe(true);
      expect(blobGets()).toEqual([]);

      // Shown (--log-replay all) or reported (--report), the log is fetched.
      const shown = await dev.run([
        'run',
        '--graph',
        'graph.json',
        '--cache-dir',
        dev.path('c2'),
        '--log-replay',
        'all',
        ...remote,
      ]);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toContain('200000');
      expect(blobGets()).toHaveLength(1);
      const reported = await dev.runGraph(['--cache-dir', dev.path('c3'), ...remote]);
      expect(reported.code, reported.stderr).toBe(0);
      expect(reported.jobs.get('chatty')?.stdout).toMatch(/^1\n2\n/);
      expect(blobGets()).toHaveLength(2);

      // The log cannot be fetched (the server fails it): the hit stays a hit, and the report and the replay say
      // its logs are missing instead of showing them empty.
      proxy.fault = '500';
      proxy.faultPath = '/cas/';
      const lost = await dev.runGraph(['--cache-dir', dev.path('c4'), '--log-replay', 'all', ...remote]);
      expect(lost.code, lost.stderr).toBe(0);
      const job = lost.jobs.get('chatty');
      expect(job?.status).toBe('cached');
      expect(job?.stdout).toBe('');
      expect(job?.message).toMatch(/logs could not be read from the cache/);
      expect(lost.stdout).toMatch(/chatty: its logs could not be read from the cache/);
      expect(lost.stdout.match(/warning/g)).toHaveLength(1);
    } finally {
      await proxy.stop();
      await ci.cleanup();
      await dev.cleanup();
    }
  }, 120_000);
});
