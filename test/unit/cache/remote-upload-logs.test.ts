import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../../src/cache/remote/object-store.js';
import { RemoteTier } from '../../../src/cache/remote/remote-tier.js';
import type { JobKey } from '../../../src/ids/brands.js';
import { ok } from '../../../src/util/result.js';
import { fakeStore } from '../../helpers/remote/fake-store.js';

const KEY = 'cd'.repeat(20) as JobKey;
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A server that keeps what it is sent, by space and id. */
function keepingServer(): ObjectStore & { objects: Map<string, Buffer> } {
  const objects = new Map<string, Buffer>();
  const store = fakeStore({
    put: async (space, id, body) => {
      let bytes: Buffer;
      if (typeof body === 'function') {
        const chunks: Buffer[] = [];
        for await (const c of body() as Readable) chunks.push(c as Buffer);
        bytes = Buffer.concat(chunks);
      } else bytes = Buffer.isBuffer(body) ? body : Buffer.concat(body as Buffer[]);
      objects.set(`${space}/${id}`, bytes);
      return ok(undefined);
    },
  });
  return Object.assign(store, { objects });
}

describe('uploading a job whose log was spilled to a file', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  // The buffer of a spilled log holds only its two ends, for display. When the local cache could not save the
  // artifact (a full disk, a directory this user may not write), there is no saved manifest to take the log's
  // digest from: the upload must still send the whole file, under its own digest.
  it('sends the whole file and names its digest, also when the local cache saved nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'disbuild-upload-logs-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const out = join(dir, 'out');
    await mkdir(out);
    await writeFile(join(out, 'result'), 'built\n');
    const whole = Buffer.from(Array.from({ length: 200_000 }, (_, i) => `line ${i}\n`).join(''));
    const spill = join(dir, 'stdout.log');
    await writeFile(spill, whole);
    const ends = Buffer.concat([
      whole.subarray(0, 1000),
      Buffer.from('\n[… left out …]\n'),
      whole.subarray(-1000),
    ]);
    const server = keepingServer();
    const warnings: string[] = [];
    const tier = new RemoteTier({
      store: server,
      mode: 'read-write',
      scratchDir: join(dir, 'scratch'),
      uploadConcurrency: 1,
      uploadWaitMs: 10_000,
      idleTimeoutMs: 1000,
      onWarning: (m) => warnings.push(m),
    });
    tier.upload(KEY, out, {
      outputDir: out,
      stdout: ends,
      stderr: Buffer.alloc(0),
      stdoutFile: spill,
      durationMs: 5,
    });
    await tier.close();
    expect(warnings).toEqual([]);
    expect(server.objects.get(`blob/${sha256(whole)}`)?.equals(whole)).toBe(true);
    expect([...server.objects.values()].some((b) => b.equals(ends))).toBe(false);
    const [record] = [...server.objects].filter(([k]) => k.startsWith('meta/'));
    const line = record![1].toString('utf8').split('\n')[0]!;
    expect((JSON.parse(line) as { manifest: { stdoutSha256: string } }).manifest.stdoutSha256).toBe(
      sha256(whole),
    );
  });
});
