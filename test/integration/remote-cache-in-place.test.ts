import { lstat, readFile, readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { dirEntry, fileEntry, forgedRecord, linkEntry, recordName } from '../helpers/remote/forged-record.js';
import { type CacheServer, startNginx } from '../helpers/remote/servers.js';
import { Rig } from '../helpers/rig.js';

/**
 * A writer of the remote cache forges records for jobs with in-place outputs: well-formed, every digest right,
 * holding paths beyond the jobs' `Outputs` and links out of the checkout. A reader's run must use neither.
 */
describe('forged in-place outputs in a remote cache', () => {
  let server: CacheServer;
  beforeAll(async () => {
    server = await startNginx();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('are refused: no source overwritten or removed, nothing written or removed beside the checkout', async () => {
    const dev = await Rig.create();
    try {
      const graph = JSON.parse(
        graphJson([
          {
            name: 'a',
            inputs: ['victim.txt'],
            cmds: [{ exec: ['sh', '-c', 'mkdir -p dist && echo a > dist/a.txt'] }],
          },
          { name: 'b', cmds: [{ exec: ['sh', '-c', 'mkdir -p gen && echo b > gen/b.txt'] }] },
        ]),
      ) as { Jobs: { Outputs?: string[] }[] };
      graph.Jobs[0]!.Outputs = ['dist/**'];
      graph.Jobs[1]!.Outputs = ['gen/**'];
      await dev.write({
        'graph.json': JSON.stringify(graph),
        'victim.txt': 'source\n',
        'lib/code.ts': 'code\n',
      });
      await dev.write({ 'beside.txt': 'beside the checkout\n', 'precious/data.txt': 'data\n' }, dev.root);
      const ids = await dev.run(['ids', '--graph', 'graph.json', '--json']);
      const keys = JSON.parse(ids.stdout) as Record<string, string>;
      const store = async (key: string, body: Buffer): Promise<void> => {
        const r = await fetch(`${server.url}/ac/${recordName(key)}`, { method: 'PUT', body });
        expect(r.status).toBeLessThan(300);
      };
      await store(
        keys.a!,
        forgedRecord(keys.a!, [
          dirEntry('.in-place'),
          dirEntry('.in-place/dist'),
          fileEntry('.in-place/dist/a.txt', 'a\n'),
          fileEntry('.in-place/victim.txt', 'overwritten\n'),
          fileEntry('.in-place/lib', 'a file where the lib directory is\n'),
          linkEntry('.in-place/up', '..'),
        ]),
      );
      await store(
        keys.b!,
        forgedRecord(keys.b!, [
          dirEntry('.in-place'),
          dirEntry('.in-place/gen'),
          fileEntry('.in-place/gen/b.txt', 'b\n'),
          // Inside its globs, but a link out of the checkout (`..` from gen/ is the checkout, `../..` beside it).
          linkEntry('.in-place/gen/out', '../..'),
        ]),
      );

      const remote = ['--cache', 'http', '--cache-url', server.url, '--cache-mode', 'read'];
      const first = await dev.runGraph(remote);
      expect(first.code, first.stdout + first.stderr).toBe(0);
      // Built here instead, from the sources, with one warning each.
      expect([first.jobs.get('a')?.status, first.jobs.get('b')?.status]).toEqual(['built', 'built']);
      expect(first.stdout.match(/warning: cached output of "a" could not be restored/g)).toHaveLength(1);
      expect(first.stdout).toMatch(
        /warning: cached output of "b" could not be restored \(the artifact's link/,
      );
      // The local cache kept the builds, not the forgeries: the next run restores those, with no warning.
      const second = await dev.runGraph(remote);
      expect(second.code, second.stdout + second.stderr).toBe(0);
      expect([second.jobs.get('a')?.status, second.jobs.get('b')?.status]).toEqual(['cached', 'cached']);
      expect(second.stdout).not.toMatch(/warning/);
      expect(await readFile(dev.path('src/victim.txt'), 'utf8')).toBe('source\n');
      expect(await readFile(dev.path('src/lib/code.ts'), 'utf8')).toBe('code\n');
      await expect(lstat(dev.path('src/up'))).rejects.toThrow(/ENOENT/);
      expect((await lstat(dev.path('src/gen/out')).catch(() => undefined))?.isSymbolicLink()).not.toBe(true);
      expect(await readFile(dev.path('src/dist/a.txt'), 'utf8')).toBe('a\n');
      expect(await readFile(dev.path('beside.txt'), 'utf8')).toBe('beside the checkout\n');
      expect(await readdir(dev.path('precious'))).toEqual(['data.txt']);
    } finally {
      await dev.cleanup();
    }
  }, 60_000);
});
