import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';
import { graphJson } from '../helpers/graph-json.js';
import { CLI, runProcess } from '../helpers/rig.js';
import { FaultProxy } from '../helpers/remote/fault-proxy.js';
import { type CacheServer, startNginx } from '../helpers/remote/servers.js';

const TOKEN = 'tok-hook-5e6f7a8b';

describe('the pre-push hook with a remote cache', () => {
  let server: CacheServer;
  beforeAll(async () => {
    server = await startNginx({ bearer: TOKEN });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('runs nothing for a commit CI already built, and uploads nothing of what it builds itself', async () => {
    const rig = await PushRig.create();
    const proxies: FaultProxy[] = [];
    try {
      const log = rig.path('executions.log');
      const executions = async (): Promise<string[]> =>
        (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean).sort();
      await rig.commit({
        'graph.json': graphJson([
          {
            name: 'lib',
            inputs: ['lib.txt'],
            cmds: [{ exec: ['sh', '-c', `echo lib >> ${log}; cat lib.txt > <out>/lib`] }],
          },
          {
            name: 'check',
            deps: ['lib'],
            cmds: [{ exec: ['sh', '-c', `echo check >> ${log}; grep -q v <dep:lib>/lib`] }],
          },
          {
            name: 'docs',
            inputs: ['docs.txt'],
            // A log of about 1.3 MB: a blob of its own on the server, which the hook never shows.
            cmds: [{ exec: ['sh', '-c', `echo docs >> ${log}; cat docs.txt; seq 1 200000`] }],
          },
        ]),
        'lib.txt': 'v1\n',
        'docs.txt': 'docs\n',
      });
      // CI builds the commit with its own cache directory and uploads.
      const ci = await runProcess(
        process.execPath,
        [
          CLI,
          'run',
          '--graph',
          'graph.json',
          '--cache',
          'http',
          '--cache-url',
          server.url,
          '--cache-dir',
          rig.path('ci-cache'),
        ],
        { cwd: rig.clone, env: { ...rig.env, DISBUILD_CACHE_TOKEN: TOKEN } },
      );
      expect(ci.code, ci.stderr + ci.stdout).toBe(0);
      expect(await executions()).toEqual(['check', 'docs', 'lib']);
      const stored = await server.storedFiles();
      expect(stored).toBeGreaterThan(0);
      await writeFile(log, '');

      await rig.git(rig.clone, 'config', 'disbuild.graph', 'graph.json');
      // Through a proxy that lists the requests: the hook fetches records, never a log nothing shows.
      const proxy = await FaultProxy.start(server.url);
      proxies.push(proxy);
      await rig.git(rig.clone, 'config', 'disbuild.cacheUrl', proxy.url);
      expect((await rig.cli('hook', 'install')).code).toBe(0);
      rig.extraEnv = { DISBUILD_CACHE_TOKEN: TOKEN };
      const push = await rig.push('-q', 'origin', 'main');
      expect(push.code, push.stderr).toBe(0);
      expect(await executions()).toEqual([]);
      expect(push.stderr).not.toContain(TOKEN);
      expect(proxy.seen.some((r) => r.startsWith('GET') && r.includes('/ac/'))).toBe(true);
      expect(proxy.seen.filter((r) => r.includes('/cas/'))).toEqual([]);

      // A change CI has not seen: the hook builds it, and (reading only, by default) uploads nothing.
      await rig.commit({ 'docs.txt': 'more docs\n' });
      const second = await rig.push('-q', 'origin', 'main');
      expect(second.code, second.stderr).toBe(0);
      expect(await executions()).toEqual(['docs']);
      expect(await server.storedFiles()).toBe(stored);
    } finally {
      for (const p of proxies) await p.stop();
      await rig.cleanup();
    }
  });
});
