import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
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
});
