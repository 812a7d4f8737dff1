import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rig } from '../helpers/rig.js';
import { FORK_RECORDER } from '../helpers/fork-recorder.js';
import { graphJson } from '../helpers/graph-json.js';
import { FaultProxy } from '../helpers/remote/fault-proxy.js';
import { executed, snapshotTree, writeScenario } from '../helpers/remote/scenario.js';
import { type CacheServer, startNginx, startTurboServer } from '../helpers/remote/servers.js';

const TOKEN = 'tok-3c1f9a7e5b2d';

/** Loaded into the CLI with `--require`: every path its process opens (or tries to), in $OPEN_LOG at its exit. */
const OPEN_RECORDER = `const fs = require('node:fs');
if (process.argv[1].endsWith('index.js')) {
  const opened = [];
  const real = fs.openSync;
  fs.openSync = function (p, ...rest) { if (typeof p === 'string') opened.push(p); return real.call(this, p, ...rest); };
  process.on('exit', () => fs.writeFileSync(process.env.OPEN_LOG, opened.join('\\n')));
}`;

const protocols = [
  { kind: 'http', start: () => startNginx({ bearer: TOKEN }), extra: [] as string[] },
  { kind: 'turbo', start: () => startTurboServer(TOKEN), extra: ['--cache-team', 'team_disbuild'] },
] as const;

for (const p of protocols) {
  describe(`remote cache over ${p.kind}`, () => {
    let server: CacheServer;
    beforeAll(async () => {
      server = await p.start();
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('a CI run uploads; a developer run in another clone with an empty cache executes nothing', async () => {
      const ci = await Rig.create();
      const dev = await Rig.create();
      try {
        const remote = ['--cache', p.kind, '--cache-url', server.url, ...p.extra];
        const env = { DISBUILD_CACHE_TOKEN: TOKEN };
        await writeScenario(ci);
        await writeScenario(dev);

        const built = await ci.runGraph([...remote, '--out-dir', ci.path('out')], env);
        expect(built.code, built.stderr + built.stdout).toBe(0);
        expect([...built.jobs.values()].map((j) => j.status)).toEqual(['built', 'built', 'built']);
        expect(await executed(ci)).toHaveLength(3);
        expect(built.stdout + built.stderr).not.toMatch(/warning/i);
        // Bazel HTTP: 3 records carrying their small archives + lib's long stdout. Turborepo (no ranges):
        // 3 records + 3 archives + the stdout.
        expect(await server.storedFiles()).toBe(p.kind === 'http' ? 4 : 7);

        await writeFile(dev.path('forks.mjs'), FORK_RECORDER);
        const lookedUp = await dev.runGraph(remote, {
          ...env,
          NODE_OPTIONS: `--import ${pathToFileURL(dev.path('forks.mjs')).href}`,
          PROCESS_LOG: dev.path('forks.log'),
        });
        expect(lookedUp.code, lookedUp.stderr + lookedUp.stdout).toBe(0);
        expect([...lookedUp.jobs.values()].map((j) => j.status)).toEqual(['cached', 'cached', 'cached']);
        expect(lookedUp.jobs.get('lib')!.stdout).toBe(built.jobs.get('lib')!.stdout);
        expect(await executed(dev)).toEqual([]);
        // An empty local cache in front of a remote one is not a cold build: no launcher is booted ahead.
        expect(await readFile(dev.path('forks.log'), 'utf8').catch(() => '')).not.toContain(
          'launcher-process',
        );

        const restored = await dev.runGraph(
          [...remote, '--out-dir', dev.path('out'), '--download', 'all'],
          env,
        );
        expect(restored.code, restored.stderr).toBe(0);
        expect(await executed(dev)).toEqual([]);
        expect(await snapshotTree(dev.path('out'))).toEqual(await snapshotTree(ci.path('out')));

        // Restored hits were kept locally: with the server gone, the developer's cache alone answers.
        const offline = await dev.runGraph(['--out-dir', dev.path('out2')]);
        expect([...offline.jobs.values()].map((j) => j.status)).toEqual(['cached', 'cached', 'cached']);
        expect(await snapshotTree(dev.path('out2'))).toEqual(await snapshotTree(ci.path('out')));

        for (const r of [built, lookedUp, restored]) expect(r.stdout + r.stderr).not.toContain(TOKEN);
      } finally {
        await ci.cleanup();
        await dev.cleanup();
      }
    });

    it('a read-only run builds what it misses and uploads nothing', async () => {
      const rig = await Rig.create();
      try {
        await writeScenario(rig);
        await rig.write({ 'a.txt': 'changed for this test\n' });
        const before = await server.storedFiles();
        const r = await rig.runGraph(
          ['--cache', p.kind, '--cache-url', server.url, '--cache-mode', 'read', ...p.extra],
          { DISBUILD_CACHE_TOKEN: TOKEN },
        );
        expect(r.code, r.stderr + r.stdout).toBe(0);
        expect(r.jobs.get('lib')!.status).toBe('built');
        expect(await server.storedFiles()).toBe(before);
      } finally {
        await rig.cleanup();
      }
    });
  });
}

describe('remote cache in front of an empty local cache, many jobs', () => {
  let server: CacheServer;
  beforeAll(async () => {
    server = await startNginx();
  });
  afterAll(async () => {
    await server?.stop();
  });

  // Above the few misses a run starts itself (engine.ts, DIRECT_MISSES): a run with that many jobs this cache never
  // timed boots the launcher while keys are computed, unless a remote cache may answer them.
  it('boots no launcher for jobs the remote answers, and opens no entry of the empty local cache', async () => {
    const ci = await Rig.create();
    const dev = await Rig.create();
    try {
      const jobs = Array.from({ length: 40 }, (_, i) => ({
        name: `j${i}`,
        inputs: [`in${i}.txt`],
        cmds: [{ exec: ['sh', '-c', `cat in${i}.txt > <out>/o.txt`] }],
      }));
      const files = Object.fromEntries(jobs.map((_, i) => [`in${i}.txt`, `input ${i}\n`]));
      for (const rig of [ci, dev]) await rig.write({ ...files, 'graph.json': graphJson(jobs) });
      const remote = ['--cache', 'http', '--cache-url', server.url];
      const built = await ci.runGraph(remote);
      expect(built.code, built.stderr).toBe(0);
      expect([...built.jobs.values()].every((j) => j.status === 'built')).toBe(true);

      await writeFile(dev.path('forks.mjs'), FORK_RECORDER);
      await writeFile(dev.path('opens.cjs'), OPEN_RECORDER);
      const lookedUp = await dev.runGraph(remote, {
        NODE_OPTIONS: `--import ${pathToFileURL(dev.path('forks.mjs')).href} --require ${dev.path('opens.cjs')}`,
        PROCESS_LOG: dev.path('forks.log'),
        OPEN_LOG: dev.path('opens.log'),
      });
      expect(lookedUp.code, lookedUp.stderr).toBe(0);
      expect([...lookedUp.jobs.values()].every((j) => j.status === 'cached')).toBe(true);
      expect(await readFile(dev.path('forks.log'), 'utf8').catch(() => '')).not.toContain('launcher-process');
      // Its shards do not exist: no entry's meta.json is tried (each a failed open, and an error made).
      const opened = (await readFile(dev.path('opens.log'), 'utf8')).split('\n');
      expect(opened.some((p) => p.endsWith('/v1/lookup-memo'))).toBe(true);
      expect(opened.filter((p) => p.includes('/v1/entries/'))).toEqual([]);
    } finally {
      await ci.cleanup();
      await dev.cleanup();
    }
  });
});

describe('remote cache on a server that ignores ranges', () => {
  let server: CacheServer;
  let proxy: FaultProxy;
  beforeAll(async () => {
    server = await startNginx();
    proxy = await FaultProxy.start(server.url);
    proxy.noRanges = true;
  });
  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
  });

  it('looks up and restores records that carry their archive from whole objects', async () => {
    const ci = await Rig.create();
    const dev = await Rig.create();
    try {
      const remote = ['--cache', 'http', '--cache-url', proxy.url];
      await writeScenario(ci);
      await writeScenario(dev);
      const built = await ci.runGraph([...remote, '--out-dir', ci.path('out')]);
      expect(built.code, built.stderr + built.stdout).toBe(0);
      expect(await server.storedFiles()).toBe(4);
      const restored = await dev.runGraph([...remote, '--out-dir', dev.path('out'), '--download', 'all']);
      expect(restored.code, restored.stderr + restored.stdout).toBe(0);
      expect(restored.stdout + restored.stderr).not.toMatch(/warning/i);
      expect([...restored.jobs.values()].map((j) => j.status)).toEqual(['cached', 'cached', 'cached']);
      expect(await executed(dev)).toEqual([]);
      expect(await snapshotTree(dev.path('out'))).toEqual(await snapshotTree(ci.path('out')));
      expect(proxy.seen.filter((s) => s.startsWith('PUT /cas/'))).toHaveLength(1);
    } finally {
      await ci.cleanup();
      await dev.cleanup();
    }
  });
});

describe('remote cache behind basic auth', () => {
  it('sends the URL credentials as basic auth and never prints the password', async () => {
    const server = await startNginx({ basic: { user: 'ci', pass: 'pw-9a8b7c6d' } });
    const rig = await Rig.create();
    try {
      await writeScenario(rig);
      const url = server.url.replace('://', '://ci:pw-9a8b7c6d@');
      const r = await rig.runGraph(['--cache', 'http', '--cache-url', url]);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(/warning:/);
      expect(await server.storedFiles()).toBe(4);
      const wrong = await Rig.create();
      try {
        await writeScenario(wrong);
        const bad = await wrong.runGraph([
          '--cache',
          'http',
          '--cache-url',
          url.replace('pw-9a8b7c6d', 'pw-wrong-1234'),
        ]);
        expect(bad.code).toBe(0);
        expect(bad.stdout + bad.stderr).toMatch(/warning: remote cache http:\/\/127\.0\.0\.1:\d+: .*401/);
        expect(bad.stdout + bad.stderr).not.toContain('pw-wrong-1234');
      } finally {
        await wrong.cleanup();
      }
    } finally {
      await rig.cleanup();
      await server.stop();
    }
  });
});
