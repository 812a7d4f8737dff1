import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../../src/cache/remote/object-store.js';
import type { RemoteRecord } from '../../../src/cache/remote/remote-record.js';
import { RemoteTier } from '../../../src/cache/remote/remote-tier.js';
import type { JobKey } from '../../../src/ids/brands.js';
import { ok } from '../../../src/util/result.js';
import { fakeStore } from '../../helpers/remote/fake-store.js';

const KEY = 'ef'.repeat(20) as JobKey;
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A server holding `blobs`, sent in 1 MiB chunks, that counts the blobs it is asked for. */
function blobServer(blobs: Map<string, Buffer>): ObjectStore & { asked: string[] } {
  const asked: string[] = [];
  const store = fakeStore({
    getBlob: (id) => {
      asked.push(id);
      const b = blobs.get(id);
      if (b === undefined) return Promise.resolve(ok(undefined));
      const chunks: Buffer[] = [];
      for (let at = 0; at < b.length; at += 1 << 20) chunks.push(b.subarray(at, at + (1 << 20)));
      return Promise.resolve(ok({ status: 200, headers: {}, body: Readable.from(chunks) }));
    },
  });
  return Object.assign(store, { asked });
}

function recordWith(stdout: string, stderr: string): RemoteRecord {
  return {
    version: 3,
    key: KEY,
    archive: { sha256: '0'.repeat(64), size: 0, encoding: 'identity' },
    manifest: {
      version: 1,
      key: KEY,
      durationMs: 1,
      stdoutSha256: stdout,
      stderrSha256: stderr,
      entries: [],
    },
  } as RemoteRecord;
}

describe("a remote hit's logs", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  async function tier(
    blobs: Map<string, Buffer>,
    maxLogBytes?: number,
  ): Promise<{
    tier: RemoteTier;
    server: ReturnType<typeof blobServer>;
    warnings: string[];
    scratch: string;
  }> {
    const dir = await mkdtemp(join(tmpdir(), 'disbuild-remote-logs-'));
    const server = blobServer(blobs);
    const warnings: string[] = [];
    const t = new RemoteTier({
      store: server,
      mode: 'read',
      scratchDir: join(dir, 'scratch'),
      uploadConcurrency: 1,
      uploadWaitMs: 1000,
      idleTimeoutMs: 1000,
      onWarning: (m) => warnings.push(m),
      ...(maxLogBytes === undefined ? {} : { maxLogBytes }),
    });
    cleanups.push(async () => {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    });
    return { tier: t, server, warnings, scratch: join(dir, 'scratch') };
  }

  // A log over what is held in memory goes to a file, whatever its size (one of 300 MB once turned the remote off
  // for the whole run), and only its two ends are shown; the save of the hit keeps the file.
  it('fetches a big log into a file, checked, shows its ends, and fetches it once per run', async () => {
    const big = Buffer.from(Array.from({ length: 2_000_000 }, (_, i) => `line ${i}\n`).join(''));
    const small = Buffer.from('a few words\n');
    const {
      tier: t,
      server,
      warnings,
    } = await tier(
      new Map([
        [sha256(big), big],
        [sha256(small), small],
      ]),
    );
    const record = recordWith(sha256(big), sha256(small));
    const logs = await t.logs(record);
    expect(warnings).toEqual([]);
    expect(logs.ok).toBe(true);
    if (!logs.ok) return;
    expect(logs.value.stderr.equals(small)).toBe(true);
    expect(logs.value.stderrFile).toBeUndefined();
    expect((await readFile(logs.value.stdoutFile!)).equals(big)).toBe(true);
    expect(logs.value.stdout.length).toBeLessThan(3 << 20);
    expect(logs.value.stdout.subarray(0, 7).toString()).toBe('line 0\n');
    expect(logs.value.stdout.toString()).toContain('bytes left out here');
    expect((await t.logs(record)).ok).toBe(true);
    expect(server.asked).toEqual([sha256(big), sha256(small)]);
  });

  // A record may name any blob as its log: one that never ends must not fill the disk.
  it('refuses a log past the most a run fetches, with one warning, and leaves no file', async () => {
    const big = Buffer.alloc(20 << 20, 7);
    const { tier: t, warnings, scratch } = await tier(new Map([[sha256(big), big]]), 18 << 20);
    const logs = await t.logs(recordWith(sha256(big), sha256(big)));
    expect(logs.ok).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('log too large');
    expect(await readdir(scratch)).toEqual([]);
  });

  it("refuses a big log whose bytes are not the manifest's, and leaves no file", async () => {
    const big = Buffer.alloc(20 << 20, 1);
    const claimed = 'a'.repeat(64);
    const { tier: t, warnings, scratch } = await tier(new Map([[claimed, big]]));
    const logs = await t.logs(recordWith(claimed, claimed));
    expect(logs.ok).toBe(false);
    expect(await readdir(scratch)).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('corrupt');
  });
});
