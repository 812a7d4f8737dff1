import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { snapshotTree } from '../helpers/remote/scenario.js';
import { type CacheServer, startNginx } from '../helpers/remote/servers.js';
import { CLI, Rig } from '../helpers/rig.js';

const JOBS = 150;

/** Jobs whose outputs differ (random bytes, a name): one archive each on the server. */
const graph = graphJson(
  Array.from({ length: JOBS }, (_, i) => ({
    name: `j${i}`,
    cmds: [
      {
        exec: [
          'sh',
          '-c',
          `head -c 40000 /dev/urandom > <out>/data.bin; mkdir <out>/d; echo j${i} > <out>/d/name`,
        ],
      },
    ],
  })),
);

/** Committed entries of a local cache (their directories under entries/<shard>/). */
async function entriesOf(cacheDir: string): Promise<string[]> {
  const root = join(cacheDir, 'v1', 'entries');
  const out: string[] = [];
  for (const shard of await readdir(root).catch(() => [] as string[])) {
    for (const key of await readdir(join(root, shard))) out.push(join(root, shard, key));
  }
  return out;
}

/** Paths under `dir` that someone could write to (a write bit on a file or directory). */
async function writable(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  const st = await lstat(join(dir, rel));
  if (!st.isSymbolicLink() && (st.mode & 0o222) !== 0) out.push(rel || '.');
  if (st.isDirectory()) {
    for (const name of await readdir(join(dir, rel)))
      out.push(...(await writable(dir, rel ? `${rel}/${name}` : name)));
  }
  return out;
}

describe('restoring many small artifacts from a remote cache', () => {
  let server: CacheServer;
  let ci: Rig;
  let reference: Record<string, string>;
  beforeAll(async () => {
    server = await startNginx();
    ci = await Rig.create();
    await ci.write({ 'graph.json': graph });
    const r = await ci.runGraph(['--cache', 'http', '--cache-url', server.url, '--out-dir', ci.path('out')]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    reference = await snapshotTree(ci.path('out'));
  }, 120_000);
  afterAll(async () => {
    await ci?.cleanup();
    await server?.stop();
  });

  it('keeps them in the local cache read-only, whole, and verified (as an unprivileged user)', async () => {
    const dev = await Rig.create();
    try {
      await dev.write({ 'graph.json': graph });
      // Root ignores modes: the restore runs as another user, who must still be able to build read-only entries.
      execFileSync('chown', ['-R', '65534:65534', dev.root]);
      const r = await dev.runAsNobody(
        ['run', '--graph', 'graph.json', '--cache-dir', dev.cacheDir, '--cache', 'http'].concat([
          '--cache-url',
          server.url,
          '--download',
          'all',
        ]),
      );
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(/warning/i);
      expect(r.stdout + r.stderr).toContain(`${JOBS} cached, 0 built`);
      const entries = await entriesOf(dev.cacheDir);
      expect(entries).toHaveLength(JOBS);
      // As a tree the run sealed itself: a dependent cannot change what the cache holds.
      for (const e of entries) expect(await writable(join(e, 'out'))).toEqual([]);
      expect(await readdir(join(dev.cacheDir, 'v1', 'tmp'))).toEqual([]);

      // Offline, the local cache alone answers, every file verified on the way out (to the same user: entries
      // another user wrote are not used).
      const offline = await dev.runAsNobody([
        'run',
        '--graph',
        'graph.json',
        '--cache-dir',
        dev.cacheDir,
        '--out-dir',
        dev.path('out'),
      ]);
      expect(offline.code, offline.stderr).toBe(0);
      expect(offline.stdout + offline.stderr).not.toMatch(/warning/i);
      expect(await snapshotTree(dev.path('out'))).toEqual(reference);
    } finally {
      await dev.cleanup();
    }
  }, 120_000);

  it('a run killed with SIGKILL mid-restore leaves only whole entries, and the next run completes it', async () => {
    const dev = await Rig.create();
    try {
      await dev.write({ 'graph.json': graph });
      const child = spawn(
        process.execPath,
        [CLI, 'run', '--graph', 'graph.json', '--cache-dir', dev.cacheDir, '-q', '--cache', 'http'].concat([
          '--cache-url',
          server.url,
          '--download',
          'all',
        ]),
        { cwd: dev.src, env: { PATH: process.env.PATH, HOME: dev.path('home'), CI: '1' }, stdio: 'ignore' },
      );
      const exited = new Promise((r) => child.on('close', r));
      // Killed once a few entries are committed: others are being written at that moment.
      for (;;) {
        if ((await entriesOf(dev.cacheDir)).length >= 10 || child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 2));
      }
      child.kill('SIGKILL');
      await exited;

      const committed = await entriesOf(dev.cacheDir);
      expect(committed.length).toBeGreaterThanOrEqual(10);
      for (const e of committed) {
        expect(existsSync(join(e, 'meta.json')), e).toBe(true);
        expect((await readdir(join(e, 'out'))).sort()).toEqual(['d', 'data.bin']);
      }

      const again = await dev.runGraph([
        '--cache',
        'http',
        '--cache-url',
        server.url,
        '--out-dir',
        dev.path('out'),
      ]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout + again.stderr).not.toMatch(/warning|damaged|corrupt/i);
      expect([...again.jobs.values()].every((j) => j.status === 'cached')).toBe(true);
      expect(await snapshotTree(dev.path('out'))).toEqual(reference);
      // The dead run's half-written entries were removed by the next one.
      expect(await readdir(join(dev.cacheDir, 'v1', 'tmp'))).toEqual([]);
      expect(await entriesOf(dev.cacheDir)).toHaveLength(JOBS);
    } finally {
      await dev.cleanup();
    }
  }, 120_000);

  // Last: it damages the server's archives.
  it('a damaged archive among many is never kept: one warning, the rest is built, every entry verifies', async () => {
    // Small archives travel inside their records (ac/), after the record's line.
    const ac = join(server.storeDir, 'ac');
    const archives: string[] = [];
    for (const shard of await readdir(ac, { recursive: true, withFileTypes: true })) {
      if (shard.isFile()) archives.push(join(shard.parentPath, shard.name));
    }
    expect(archives).toHaveLength(JOBS);
    // One in three, spread over the run: good ones are committed before the first bad one and after it.
    for (const f of archives.filter((_, i) => i % 3 === 1)) {
      const bytes = await readFile(f);
      const at = bytes.indexOf(0x0a) + 1 + 1000;
      expect(bytes.length).toBeGreaterThan(at);
      bytes[at]! ^= 0xff;
      await writeFile(f, bytes);
    }
    const dev = await Rig.create();
    try {
      await dev.write({ 'graph.json': graph });
      const r = await dev.runGraph(['--cache', 'http', '--cache-url', server.url, '--download', 'all']);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      const warnings = (r.stdout + r.stderr).split('\n').filter((l) => l.includes('warning:'));
      expect(warnings, r.stdout).toHaveLength(1);
      expect(warnings[0]).toMatch(/could not be restored/);
      expect([...r.jobs.values()].some((j) => j.status === 'built')).toBe(true);
      // Whatever was kept (restored or built) verifies on the way out: nothing damaged was committed.
      const offline = await dev.runGraph(['--out-dir', dev.path('out')]);
      expect(offline.code, offline.stderr).toBe(0);
      expect(offline.stdout + offline.stderr).not.toMatch(/warning|damaged/i);
      expect([...offline.jobs.values()].every((j) => j.status === 'cached')).toBe(true);
    } finally {
      await dev.cleanup();
    }
  }, 120_000);
});
