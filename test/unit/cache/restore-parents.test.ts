import * as fs from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalCache } from '../../../src/cache/local-cache.js';
import type { JobKey } from '../../../src/ids/brands.js';

// Every mkdir the cache makes is counted by its path (the real call still happens).
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, mkdirSync: vi.fn(real.mkdirSync) };
});

describe('restores started together', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-restore-parents-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('make their common parent directory once, not once each', async () => {
    const cache = await LocalCache.create(join(dir, 'cache'));
    const keys = Array.from({ length: 30 }, (_, i) => i.toString(16).padStart(40, '0') as JobKey);
    for (const key of keys) {
      const out = join(dir, 'built', key);
      await mkdir(out, { recursive: true });
      await writeFile(join(out, 'f.txt'), key);
      expect(
        await cache.save(key, {
          outputDir: out,
          stdout: Buffer.alloc(0),
          stderr: Buffer.alloc(0),
          durationMs: 1,
        }),
      ).toMatchObject({ saved: true });
    }
    const hits = await cache.lookup(keys);
    const parent = join(dir, 'restored');
    vi.mocked(fs.mkdirSync).mockClear();
    const restored = await Promise.all(keys.map((k) => hits.get(k)!.restore(join(parent, k))));
    expect(restored.every((r) => r.ok)).toBe(true);
    const calls = vi.mocked(fs.mkdirSync).mock.calls.filter(([p]) => p === parent);
    expect(calls.length).toBe(1);
    await cache.close();
  });
});
