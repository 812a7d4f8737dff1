import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalCache } from '../../../src/cache/local-cache.js';
import type { ObjectStore } from '../../../src/cache/remote/object-store.js';
import { RemoteTier } from '../../../src/cache/remote/remote-tier.js';
import { TieredCache } from '../../../src/cache/remote/tiered-cache.js';
import type { JobKey } from '../../../src/ids/brands.js';
import { ok } from '../../../src/util/result.js';
import { fakeStore } from '../../helpers/remote/fake-store.js';

const key = (n: number): JobKey => n.toString(16).padStart(40, '0') as JobKey;

/** A server that has nothing, and counts the records it is asked for. */
function emptyServer(): ObjectStore & { asked: string[][] } {
  const asked: string[][] = [];
  const store = fakeStore({
    getMetas: (ids) => {
      asked.push([...ids]);
      return Promise.resolve(ok(new Map<string, Buffer>()));
    },
  });
  return Object.assign(store, { asked });
}

describe('a tiered cache asks the server about a key once per run', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('looks a key the server lacked up again in the local cache only, where another process may have saved it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'disbuild-tiered-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const server = emptyServer();
    const local = await LocalCache.create(join(dir, 'cache'));
    const tier = new RemoteTier({
      store: server,
      mode: 'read',
      scratchDir: join(dir, 'scratch'),
      uploadConcurrency: 1,
      uploadWaitMs: 1000,
      idleTimeoutMs: 1000,
      onWarning: (m) => {
        throw new Error(`unexpected warning: ${m}`);
      },
    });
    const cache = new TieredCache(local, tier);
    cleanups.push(() => cache.close());

    expect((await cache.lookup([key(1), key(2)])).size).toBe(0);
    expect(server.asked.map((ids) => ids.length)).toEqual([2]);

    // The look just before building (the engine's): local only.
    expect((await cache.lookup([key(1)])).size).toBe(0);
    // Another process sharing the local cache saved key 2 meanwhile: found there.
    const other = await LocalCache.create(join(dir, 'cache'));
    const out = join(dir, 'out');
    await mkdir(out);
    await writeFile(join(out, 'f.txt'), 'built elsewhere');
    await other.save(key(2), {
      outputDir: out,
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      durationMs: 1,
    });
    await other.close();
    expect([...(await cache.lookup([key(2)])).keys()]).toEqual([key(2)]);
    // A key not asked about before still goes to the server.
    await cache.lookup([key(1), key(3)]);
    expect(server.asked).toHaveLength(2);
    expect(server.asked[1]).toHaveLength(1);
  });
});
