import { execFileSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { dirEntry, fileEntry, forgedRecord, linkEntry, recordName } from '../helpers/remote/forged-record.js';
import { type CacheServer, startNginx } from '../helpers/remote/servers.js';
import { Rig } from '../helpers/rig.js';

/**
 * Records a writer of the remote cache could forge, every digest right: links each inside the output on paper but
 * made one through another (`d/l -> ..` is the output's root, so `d/l/m -> ..` is made at `m` and points above
 * the output, and `d/l/m/pwned` would be made there), in an archive large enough to be unpacked as it streams in;
 * a file declared larger than the disk; a file list holding `null`; a directory whose name no file system takes;
 * and manifests the local cache would call damaged once committed to it.
 */
/** Writes a graph of one job, `a`, and answers its key. */
async function oneJob(dev: Rig): Promise<Record<string, string>> {
  await dev.write({
    'graph.json': graphJson([{ name: 'a', cmds: [{ exec: ['sh', '-c', 'echo a > <out>/a.txt'] }] }]),
  });
  return JSON.parse((await dev.run(['ids', '--graph', 'graph.json', '--json'])).stdout) as Record<
    string,
    string
  >;
}

describe('forged records in a remote cache', () => {
  let server: CacheServer;
  beforeAll(async () => {
    server = await startNginx();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  /** Offers `record` for `key` on the server, as a writer of the remote cache could. */
  const offer = async (key: string, record: Buffer): Promise<void> => {
    const put = await fetch(`${server.url}/ac/${recordName(key)}`, { method: 'PUT', body: record });
    expect(put.status).toBeLessThan(300);
  };

  /** A run that reads the remote only, with an empty local cache: the forgery is what the remote offers. */
  const readingRemote = async (dev: Rig, extra: string[]): ReturnType<Rig['runGraph']> => {
    await dev.run(['cache', 'prune', '--max-size', '0', '--cache-dir', dev.cacheDir]);
    return dev.runGraph(['--cache', 'http', '--cache-url', server.url, '--cache-mode', 'read', ...extra]);
  };

  it('of links made through links are refused, with one warning: nothing made outside the output, the job built here', async () => {
    const dev = await Rig.create();
    try {
      const keys = await oneJob(dev);
      const record = forgedRecord(
        keys.a!,
        [
          dirEntry('d'),
          fileEntry('big.bin', '\0'.repeat(5 * 1024 * 1024)),
          linkEntry('d/l', '..'),
          linkEntry('d/l/m', '..'),
          linkEntry('d/l/m/pwned', 'big.bin'),
        ],
        { gzip: true },
      );
      await offer(keys.a!, record);

      for (const extra of [[], ['--download', 'all'], ['--out-dir', dev.path('out')]]) {
        const r = await readingRemote(dev, extra);
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(execFileSync('find', [dev.root, '-name', 'pwned'], { encoding: 'utf8' })).toBe('');
        expect(r.stdout.match(/warning/g), r.stdout).toHaveLength(1);
        expect(r.stdout).toMatch(/under a file or link/);
        expect(r.jobs.get('a')?.status).toBe('built');
      }
    } finally {
      await dev.cleanup();
    }
  }, 60_000);

  it('declaring more bytes than the disk holds is refused before anything is written', async () => {
    const dev = await Rig.create();
    try {
      const keys = await oneJob(dev);
      const huge = { ...fileEntry('huge.bin', '\0'.repeat(1024 * 1024)), size: 2 ** 50 };
      const put = await fetch(`${server.url}/ac/${recordName(keys.a!)}`, {
        method: 'PUT',
        body: forgedRecord(keys.a!, [huge], { gzip: true }),
      });
      expect(put.status).toBeLessThan(300);
      const r = await dev.runGraph(['--cache', 'http', '--cache-url', server.url, '--download', 'all']);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/would not fit on the disk/);
      expect(r.jobs.get('a')?.status).toBe('built');
    } finally {
      await dev.cleanup();
    }
  }, 60_000);

  it('whose file list holds null are refused, with one warning, and the job built here', async () => {
    const dev = await Rig.create();
    try {
      const keys = await oneJob(dev);
      const record = forgedRecord(keys.a!, [fileEntry('a.txt', 'a\n')], {
        manifest: (m) => {
          m.entries = [null];
        },
      });
      await offer(keys.a!, record);
      for (const extra of [[], ['--download', 'all']]) {
        const r = await readingRemote(dev, extra);
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(r.stdout.match(/warning/g), r.stdout).toHaveLength(1);
        expect(r.stdout).toMatch(/is unusable/);
        expect(r.jobs.get('a')?.status).toBe('built');
      }
    } finally {
      await dev.cleanup();
    }
  }, 60_000);

  it('naming a directory that cannot be made are refused as they stream in, nothing left behind', async () => {
    const dev = await Rig.create();
    try {
      const keys = await oneJob(dev);
      // Over 255 bytes: ENAMETOOLONG, on any file system. The archive inflates past the in-memory limit.
      const record = forgedRecord(
        keys.a!,
        [dirEntry('d'.repeat(300)), fileEntry('big.bin', '\0'.repeat(5 * 1024 * 1024))],
        { gzip: true },
      );
      await offer(keys.a!, record);
      for (const extra of [
        ['--download', 'all'],
        ['--out-dir', dev.path('out')],
      ]) {
        const r = await readingRemote(dev, extra);
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(r.stdout.match(/warning/g), r.stdout).toHaveLength(1);
        expect(r.stdout).toMatch(/could not be restored/);
        expect(r.jobs.get('a')?.status).toBe('built');
        expect(await readdir(join(dev.cacheDir, 'v1', 'tmp'))).toEqual([]);
      }
    } finally {
      await dev.cleanup();
    }
  }, 60_000);

  it('with manifests the local cache would refuse are refused here too, and never committed to it', async () => {
    const dev = await Rig.create();
    try {
      const keys = await oneJob(dev);
      const edits: ((m: Record<string, unknown>) => void)[] = [
        (m) => {
          delete m.version;
        },
        (m) => {
          m.entries = [{ path: 'd', type: 'dir', size: 0 }, ...(m.entries as unknown[])];
        },
        (m) => {
          m.entries = [...(m.entries as unknown[]), { path: 'l', type: 'symlink', size: 5, target: 'a.txt' }];
        },
      ];
      for (const manifest of edits) {
        const record = forgedRecord(keys.a!, [fileEntry('a.txt', 'a\n')], { manifest });
        await offer(keys.a!, record);
        const r = await readingRemote(dev, ['--download', 'all']);
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(r.stdout).toMatch(/is unusable/);
        expect(r.jobs.get('a')?.status).toBe('built');
        // What the local cache holds now is the job's own build: a local run takes it, without a warning.
        const local = await dev.runGraph(['--cache', 'local']);
        expect(local.code, local.stdout + local.stderr).toBe(0);
        expect(local.stdout).not.toMatch(/warning/);
        expect(local.jobs.get('a')?.status).toBe('cached');
      }
    } finally {
      await dev.cleanup();
    }
  }, 60_000);
});
