import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCache } from '../../../src/cache/local-cache.js';
import { recordId } from '../../../src/cache/remote/remote-record.js';
import { RemoteTier, type RemoteTierOptions } from '../../../src/cache/remote/remote-tier.js';
import { TieredCache } from '../../../src/cache/remote/tiered-cache.js';
import type { JobKey } from '../../../src/ids/brands.js';
import { seedArtifacts, tierOptionsFor } from '../../helpers/remote/seed-tier.js';
import { type CacheServer, startNginx } from '../../helpers/remote/servers.js';

const ARTIFACTS = 6;
/** Random bytes, stored as they are: an archive that fits in a lookup's first range with its record. */
const SIZE = 700;
const keyOf = (i: number): JobKey => (i + 0xa1).toString(16).padStart(40, '0') as JobKey;

describe('a small archive that came with its record’s lookup', () => {
  let server: CacheServer;
  let dir: string;
  const contents = new Map<JobKey, Buffer>();
  const tierOptions = (): RemoteTierOptions => tierOptionsFor(server.url, dir, { mode: 'read' });

  beforeAll(async () => {
    server = await startNginx();
    dir = await mkdtemp(join(tmpdir(), 'disbuild-head-archives-'));
    const keys = Array.from({ length: ARTIFACTS }, (_, i) => keyOf(i));
    for (const key of keys) contents.set(key, randomBytes(SIZE));
    await seedArtifacts(tierOptions(), dir, keys, (i) => contents.get(keyOf(i))!);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is restored from those bytes, verified, not asked for again', async () => {
    const options = tierOptions();
    const store = options.store;
    let archiveRequests = 0;
    const getPart = store.getPart.bind(store);
    store.getPart = (...args) => {
      archiveRequests++;
      return getPart(...args);
    };
    const getBlob = store.getBlob.bind(store);
    store.getBlob = (...args) => {
      archiveRequests++;
      return getBlob(...args);
    };
    const local = await LocalCache.create(join(dir, 'local'));
    const tiered = new TieredCache(local, new RemoteTier(options));
    const hits = await tiered.lookup(Array.from({ length: ARTIFACTS }, (_, i) => keyOf(i)));
    expect(hits.size).toBe(ARTIFACTS);
    // Two restored, as a run that needs two of its hits does; before, each asked the server for its archive again.
    for (const i of [1, 4]) {
      const dest = join(dir, 'dest', String(i));
      const r = await hits.get(keyOf(i))!.restore(dest);
      expect(r.ok).toBe(true);
      const at = r.ok && r.value ? r.value.dir : dest;
      expect((await readFile(join(at, 'data.bin'))).equals(contents.get(keyOf(i))!)).toBe(true);
    }
    expect(archiveRequests).toBe(0);
    await tiered.close();
  }, 30_000);

  // Without --download all the archive came in the first range; with it (prefetchBytes), in the whole record.
  for (const prefetchBytes of [undefined, 8 * 1024 * 1024]) {
    it(`is the archive of the record the restore holds: a key looked up again, its record written anew, is not taken for the old (${prefetchBytes === undefined ? 'first range' : 'whole records'})`, async () => {
      const tier = new RemoteTier({
        ...tierOptions(),
        ...(prefetchBytes === undefined ? {} : { prefetchBytes }),
      });
      const first = (await tier.lookup([keyOf(3)])).get(keyOf(3))!;
      // Another writer replaces the record of key 3 (here: with key 5's, relabelled), then the key is looked up again.
      const path = (i: number): string => join(server.storeDir, 'ac', recordId(keyOf(i)));
      const before = await readFile(path(3));
      await writeFile(
        path(3),
        Buffer.from((await readFile(path(5))).toString('latin1').split(keyOf(5)).join(keyOf(3)), 'latin1'),
      );
      try {
        const second = (await tier.lookup([keyOf(3)])).get(keyOf(3))!;
        expect(second.archive.sha256).not.toBe(first.archive.sha256);
        // The first record's archive is gone with its lookup: no bytes of the second are handed for it.
        expect(tier.takePrefetched(first)).toBeUndefined();
        const third = (await tier.lookup([keyOf(3)])).get(keyOf(3))!;
        const taken = tier.takePrefetched(third)!;
        expect(taken.bytes.length).toBe(third.archive.size);
        const answer = await readFile(path(3));
        const line = answer.indexOf(0x0a) + 1;
        expect(taken.bytes.equals(answer.subarray(line, line + third.archive.size))).toBe(true);
      } finally {
        await writeFile(path(3), before);
        await tier.close();
      }
    });
  }

  it('is refused when its bytes are not the record’s, and the restore fails without writing them', async () => {
    const options = tierOptions();
    const store = options.store;
    // The first range of every record, with the archive's last byte flipped.
    const getMetas = store.getMetas.bind(store);
    store.getMetas = async (...args) => {
      const got = await getMetas(...args);
      if (got.ok) for (const bytes of got.value.values()) bytes[bytes.length - 1]! ^= 0xff;
      return got;
    };
    const warnings: string[] = [];
    const local = await LocalCache.create(join(dir, 'flipped'));
    const tiered = new TieredCache(local, new RemoteTier({ ...options, onWarning: (m) => warnings.push(m) }));
    const hits = await tiered.lookup([keyOf(2)]);
    const r = await hits.get(keyOf(2))!.restore(join(dir, 'dest-flipped'));
    expect(r.ok).toBe(false);
    await tiered.close();
    const again = await LocalCache.create(join(dir, 'flipped'));
    expect((await again.lookup([keyOf(2)])).size).toBe(0);
  }, 30_000);
});
