import { describe, expect, it } from 'vitest';
import { IN_MEMORY_ARCHIVE } from '../../../src/cache/remote/archive.js';
import type { ObjectStore } from '../../../src/cache/remote/object-store.js';
import type { RemoteRecord } from '../../../src/cache/remote/remote-record.js';
import { RemoteTier } from '../../../src/cache/remote/remote-tier.js';
import type { JobKey } from '../../../src/ids/brands.js';

const KEY = 'ab'.repeat(20) as JobKey;

/** A record whose archive is `archive` bytes and whose files add up to `content` bytes. */
function record(archive: number, content: number): RemoteRecord {
  return {
    version: 3,
    key: KEY,
    archive: { sha256: 'b'.repeat(64), size: archive, encoding: 'gzip' },
    manifest: {
      version: 1,
      key: KEY,
      durationMs: 1,
      stdoutSha256: 'c'.repeat(64),
      stderrSha256: 'c'.repeat(64),
      entries: [{ path: 'big', type: 'file', mode: 0o644, size: content, sha256: 'd'.repeat(64) }],
    },
  } as RemoteRecord;
}

describe('which remote archives are unpacked in memory', () => {
  // The decision is made before any byte is fetched; only the record is read.
  const tier = new RemoteTier({
    store: {} as ObjectStore,
    mode: 'read',
    scratchDir: '/nonexistent',
    uploadConcurrency: 1,
    uploadWaitMs: 0,
  } as ConstructorParameters<typeof RemoteTier>[0]);

  it('takes a small archive of small contents whole', () => {
    expect(tier.fitsInMemory(record(1024, 4096))).toBe(true);
    expect(tier.fitsInMemory(record(IN_MEMORY_ARCHIVE, IN_MEMORY_ARCHIVE))).toBe(true);
  });

  it('streams a small gzip archive whose files add up to more (a bomb, or gigabytes of zeros)', () => {
    // Whole, its inflated contents would be one buffer as large as the manifest says: 3 GiB here.
    expect(tier.fitsInMemory(record(3 * 1024 * 1024, 3 * 1024 ** 3))).toBe(false);
    expect(tier.fitsInMemory(record(1024, IN_MEMORY_ARCHIVE + 1))).toBe(false);
  });
});
