import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRig } from '../helpers/action-rig.js';
import { Rig } from '../helpers/rig.js';
import { type CacheServer, startTurboServer } from '../helpers/remote/servers.js';

const TOKEN = 'tok-action-0d1e2f3a';

describe('the bundled Action with a remote cache', () => {
  let server: CacheServer;
  let action: ActionRig;
  let files: Record<string, string>;
  beforeAll(async () => {
    server = await startTurboServer(TOKEN);
    files = { 'lib.txt': 'v1\n' };
    // The jobs log to a path outside both checkouts, the same for both, so the keys agree.
    action = await ActionRig.create(files);
    files['graph.json'] = action.graph([
      action.job('lib', 'cat lib.txt > <out>/lib', { inputs: ['lib.txt'] }),
      action.job('app', 'cat <dep:lib>/lib > <out>/app; echo built app', { deps: ['lib'] }),
    ]);
  });
  afterAll(async () => {
    await action?.close();
    await server?.stop();
  });

  it('uploads what CI builds; a developer run with an empty cache then executes nothing', async () => {
    const inputs = { cache: 'turbo', 'cache-url': server.url, 'cache-team': 'team_ci', 'cache-token': TOKEN };
    const ci = await action.main(inputs, { edit: { 'graph.json': files['graph.json']! } });
    expect(ci.code, ci.stdout + ci.stderr).toBe(0);
    expect(ci.executions).toEqual(['app', 'lib']);
    expect(ci.outputs.built).toBe('2');
    // `::add-mask::` is read by the runner, which then hides the token everywhere; nothing else may carry it.
    const shown = (ci.stdout + ci.stderr).replace(/^::add-mask::.*$/m, '');
    expect(shown).not.toContain(TOKEN);
    // Two records and one archive: both outputs are the same bytes, stored as is, so they share their blob.
    expect(await server.storedFiles()).toBe(3);

    await writeFile(action.log, '');
    const dev = await Rig.create();
    try {
      await dev.write(files);
      const r = await dev.runGraph(
        [
          '--cache',
          'turbo',
          '--cache-url',
          server.url,
          '--cache-team',
          'team_ci',
          '--out-dir',
          dev.path('out'),
          // The Action folds the runner's OS and architecture into its keys (here, outside a runner, Node's).
          '--salt',
          `${process.platform}/${process.arch}`,
        ],
        { DISBUILD_CACHE_TOKEN: TOKEN },
      );
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect([...r.jobs.values()].map((j) => j.status)).toEqual(['cached', 'cached']);
      expect(r.jobs.get('app')!.stdout).toBe('built app\n');
      expect(await readFile(join(dev.path('out'), 'app', 'app'), 'utf8')).toBe('v1\n');
      expect((await readFile(action.log, 'utf8')).trim()).toBe('');
    } finally {
      await dev.cleanup();
    }
  });
});
