import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { FaultProxy } from '../helpers/remote/fault-proxy.js';
import { snapshotTree } from '../helpers/remote/scenario.js';
import { type CacheServer, startNginx } from '../helpers/remote/servers.js';
import { Rig } from '../helpers/rig.js';

/**
 * nginx behind a proxy that drops `Range`, as a server that ignores it would answer: a record whose line is longer
 * than the room a `--download all` lookup takes for it (14,000 files: 2.4 MB) comes whole at the first GET, and is
 * not asked for again. Before: the lookup kept its first megabyte only, which held no whole line, and fetched the
 * record a second time.
 */
describe('a record longer than its room, from a server that ignores Range', () => {
  const graph = graphJson([
    { name: 'small', cmds: [{ exec: ['sh', '-c', 'head -c 3000 /dev/urandom > <out>/s.bin'] }] },
    {
      name: 'huge',
      cmds: [
        {
          exec: [
            'sh',
            '-c',
            'mkdir -p <out>/d; cd <out>/d; for i in $(seq 1 14000); do : > f-a-rather-long-file-name-to-grow-the-line-$i; done',
          ],
        },
      ],
    },
  ]);
  let server: CacheServer;
  let proxy: FaultProxy;
  beforeAll(async () => {
    server = await startNginx();
    proxy = await FaultProxy.start(server.url);
    proxy.noRanges = true;
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
  });

  it('is fetched once, and restored byte for byte', async () => {
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
      expect(built.code, built.stderr).toBe(0);
      await dev.write({ 'graph.json': graph });
      const r = await dev.runGraph([
        '--cache',
        'http',
        '--cache-url',
        `${proxy.url}${new URL(server.url).pathname}`,
        '--download',
        'all',
        '--out-dir',
        dev.path('out'),
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect([...r.jobs.values()].map((j) => j.status)).toEqual(['cached', 'cached']);
      expect(await snapshotTree(dev.path('out'))).toEqual(await snapshotTree(ci.path('out')));
      const records = proxy.seen.filter((r) => r.startsWith('GET ') && r.includes('/ac/'));
      expect(records.length).toBe(new Set(records).size);
    } finally {
      await ci.cleanup();
      await dev.cleanup();
    }
  }, 120_000);
});
