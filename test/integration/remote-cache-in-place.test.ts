import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readFile, readdir, symlink } from 'node:fs/promises';
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
  /** Puts a record on the server, as a writer of the cache can. */
  const store = async (key: string, body: Buffer): Promise<void> => {
    const r = await fetch(`${server.url}/ac/${recordName(key)}`, { method: 'PUT', body });
    expect(r.status).toBeLessThan(300);
  };
  const remote = (): string[] => ['--cache', 'http', '--cache-url', server.url, '--cache-mode', 'read'];

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

      const first = await dev.runGraph(remote());
      expect(first.code, first.stdout + first.stderr).toBe(0);
      // Built here instead, from the sources, with one warning each.
      expect([first.jobs.get('a')?.status, first.jobs.get('b')?.status]).toEqual(['built', 'built']);
      expect(first.stdout.match(/warning: cached output of "a" could not be restored/g)).toHaveLength(1);
      expect(first.stdout).toMatch(
        /warning: cached output of "b" could not be restored \(the artifact's link/,
      );
      // The local cache kept the builds, not the forgeries: the next run restores those, with no warning.
      const second = await dev.runGraph(remote());
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
  it('never write over a file git tracks, and are refused when they hold a file inside node_modules or .git, or links leaving the checkout through one another', async () => {
    const dev = await Rig.create();
    try {
      const graph = JSON.parse(
        graphJson([
          // A glob as broad as `**/*.js` takes no source: tools/build.js is tracked.
          { name: 'a', cmds: [{ exec: ['sh', '-c', 'mkdir -p lib && echo a > lib/a.js'] }] },
          // The capture never walks into node_modules or .git below its globs' fixed part.
          { name: 'b', cmds: [{ exec: ['sh', '-c', 'mkdir -p pkg/out && echo b > pkg/out/b.js'] }] },
          { name: 'c', cmds: [{ exec: ['sh', '-c', 'mkdir -p gen && echo c > gen/c.txt'] }] },
          { name: 'd', cmds: [{ exec: ['sh', '-c', 'mkdir -p dist && echo d > dist/d.txt'] }] },
        ]),
      ) as { Jobs: { Outputs?: string[] }[] };
      graph.Jobs[0]!.Outputs = ['**/*.js'];
      graph.Jobs[1]!.Outputs = ['pkg/**'];
      graph.Jobs[2]!.Outputs = ['gen/**'];
      graph.Jobs[3]!.Outputs = ['dist/**'];
      await dev.write({
        'graph.json': JSON.stringify(graph),
        'tools/build.js': 'console.log("source");\n',
        '.gitignore': 'pkg/\n',
      });
      const git = (...args: string[]): string =>
        execFileSync('git', args, { cwd: dev.src, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      git('init', '-q');
      git('add', '-A');
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'sources');
      await dev.write({ 'pkg/node_modules/tool/index.js': 'module.exports = "genuine";\n' });
      // A link the checkout holds, as `npm link` makes, to a directory beside it.
      await dev.write({ 'linked/ext/index.js': 'linked\n' }, dev.root);
      await mkdir(dev.path('src/node_modules'));
      await symlink(dev.path('linked/ext'), dev.path('src/node_modules/ext'));
      const keys = JSON.parse((await dev.run(['ids', '--graph', 'graph.json', '--json'])).stdout) as Record<
        string,
        string
      >;
      await store(
        keys.a!,
        forgedRecord(keys.a!, [
          dirEntry('.in-place'),
          dirEntry('.in-place/lib'),
          fileEntry('.in-place/lib/a.js', 'a\n'),
          dirEntry('.in-place/tools'),
          fileEntry('.in-place/tools/build.js', 'console.log("forged");\n'),
        ]),
      );
      await store(
        keys.b!,
        forgedRecord(keys.b!, [
          dirEntry('.in-place'),
          dirEntry('.in-place/pkg'),
          dirEntry('.in-place/pkg/out'),
          fileEntry('.in-place/pkg/out/b.js', 'b\n'),
          dirEntry('.in-place/pkg/node_modules'),
          dirEntry('.in-place/pkg/node_modules/tool'),
          fileEntry('.in-place/pkg/node_modules/tool/index.js', 'module.exports = "forged";\n'),
          dirEntry('.in-place/pkg/.git'),
          fileEntry('.in-place/pkg/.git/config', '[core]\n'),
        ]),
      );
      await store(
        keys.c!,
        forgedRecord(keys.c!, [
          dirEntry('.in-place'),
          dirEntry('.in-place/gen'),
          fileEntry('.in-place/gen/c.txt', 'c\n'),
          // Each inside the checkout on its own: gen/a is the checkout, so gen/out (gen/a/..) is beside it.
          linkEntry('.in-place/gen/a', '..'),
          linkEntry('.in-place/gen/out', 'a/..'),
        ]),
      );

      await store(
        keys.d!,
        forgedRecord(keys.d!, [
          dirEntry('.in-place'),
          dirEntry('.in-place/dist'),
          fileEntry('.in-place/dist/d.txt', 'd\n'),
          // Inside the checkout read as text (node_modules), beside it as the kernel follows node_modules/ext.
          linkEntry('.in-place/dist/esc', '../node_modules/ext/..'),
        ]),
      );
      const check = async (): Promise<void> => {
        await expect(lstat(dev.path('src/dist/esc'))).rejects.toThrow(/ENOENT/);
        expect(await readFile(dev.path('src/dist/d.txt'), 'utf8')).toBe('d\n');
        expect(await readFile(dev.path('src/tools/build.js'), 'utf8')).toBe('console.log("source");\n');
        expect(await readFile(dev.path('src/pkg/node_modules/tool/index.js'), 'utf8')).toBe(
          'module.exports = "genuine";\n',
        );
        await expect(lstat(dev.path('src/pkg/.git'))).rejects.toThrow(/ENOENT/);
        await expect(lstat(dev.path('src/gen/a'))).rejects.toThrow(/ENOENT/);
        await expect(lstat(dev.path('src/gen/out'))).rejects.toThrow(/ENOENT/);
        expect(await readFile(dev.path('src/lib/a.js'), 'utf8')).toBe('a\n');
        expect(await readFile(dev.path('src/pkg/out/b.js'), 'utf8')).toBe('b\n');
        expect(await readFile(dev.path('src/gen/c.txt'), 'utf8')).toBe('c\n');
      };
      const first = await dev.runGraph(remote());
      expect(first.code, first.stdout + first.stderr).toBe(0);
      // The tracked file is left as it is, and the rest of the artifact taken (it may have become a source since:
      // committed on another branch); the others are built here.
      expect(['a', 'b', 'c', 'd'].map((n) => first.jobs.get(n)?.status)).toEqual([
        'cached',
        'built',
        'built',
        'built',
      ]);
      expect(first.stdout).not.toMatch(/"a" could not be restored/);
      for (const n of ['b', 'c', 'd']) {
        expect(
          first.stdout.match(new RegExp(`warning: cached output of "${n}" could not be restored`, 'g')),
        ).toHaveLength(1);
      }
      await check();
      // What the local cache kept are the builds, restored in place once their outputs are gone.
      await dev.write({ 'lib/a.js': 'stale\n' });
      const second = await dev.runGraph(remote());
      expect(second.code, second.stdout + second.stderr).toBe(0);
      expect(['a', 'b', 'c', 'd'].map((n) => second.jobs.get(n)?.status)).toEqual([
        'cached',
        'cached',
        'cached',
        'cached',
      ]);
      expect(second.stdout).not.toMatch(/warning/);
      await check();
    } finally {
      await dev.cleanup();
    }
  }, 60_000);
});
