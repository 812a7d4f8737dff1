import * as fs from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalCache } from '../../../src/cache/local-cache.js';
import type { JobKey } from '../../../src/ids/brands.js';

// Every rename is counted (the real call still happens).
vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  return { ...real, rename: vi.fn(real.rename) };
});
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, renameSync: vi.fn(real.renameSync) };
});

describe('a restore from the local cache', () => {
  let dir: string;
  let cache: LocalCache;
  const keys = Array.from({ length: 5 }, (_, i) => i.toString(16).padStart(40, '0') as JobKey);
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-restore-calls-'));
    cache = await LocalCache.create(join(dir, 'cache'));
    for (const key of keys) {
      const out = join(dir, 'built', key);
      await mkdir(join(out, 'sub'), { recursive: true });
      await writeFile(join(out, 'sub', 'f.txt'), key);
      await writeFile(join(out, 'run.sh'), '#!/bin/sh\n');
      await chmod(join(out, 'run.sh'), 0o755);
      const saved = await cache.save(key, {
        outputDir: out,
        stdout: Buffer.alloc(0),
        stderr: Buffer.alloc(0),
        durationMs: 1,
      });
      expect(saved).toMatchObject({ saved: true });
    }
  });
  afterEach(async () => {
    await cache.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes straight into its destination: no temp directory, no rename', async () => {
    const hits = await cache.lookup(keys);
    const parent = join(dir, 'restored');
    vi.mocked(fsPromises.rename).mockClear();
    vi.mocked(fs.renameSync).mockClear();
    const restored = await Promise.all(keys.map((k) => hits.get(k)!.restore(join(parent, k))));
    expect(restored.every((r) => r.ok)).toBe(true);
    expect(vi.mocked(fsPromises.rename).mock.calls.length + vi.mocked(fs.renameSync).mock.calls.length).toBe(
      0,
    );
    expect((await readdir(parent)).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      expect(await readFile(join(parent, k, 'sub', 'f.txt'), 'utf8')).toBe(k);
      expect(fs.statSync(join(parent, k, 'run.sh')).mode & 0o777).toBe(0o755);
    }
  });

  it('takes a destination that exists and is empty', async () => {
    const hits = await cache.lookup([keys[0]!]);
    const dest = join(dir, 'empty');
    await mkdir(dest);
    const restored = await hits.get(keys[0]!)!.restore(dest);
    expect(restored.ok).toBe(true);
    expect(await readFile(join(dest, 'sub', 'f.txt'), 'utf8')).toBe(keys[0]);
  });

  it('leaves nothing at its destination when the entry is damaged, and moves the entry aside', async () => {
    const key = keys[1]!;
    const stored = join(dir, 'cache', 'v1', 'entries', key.slice(0, 2), key, 'out', 'sub', 'f.txt');
    await chmod(join(stored, '..'), 0o755);
    await chmod(stored, 0o644);
    await writeFile(stored, 'tampered, same size, other bytes'.slice(0, key.length).padEnd(key.length, '!'));
    const hits = await cache.lookup([key]);
    const dest = join(dir, 'restored-bad');
    const restored = await hits.get(key)!.restore(dest);
    expect(restored.ok).toBe(false);
    expect(fs.existsSync(dest)).toBe(false);
    expect((await cache.lookup([key])).size).toBe(0);
  });

  it('keeps a sound entry when its destination cannot be written, and says it was not restored', async () => {
    const key = keys[2]!;
    await writeFile(join(dir, 'a-file'), '');
    // A name past NAME_MAX, and a path under a file: the destination's fault, not the entry's.
    for (const dest of [join(dir, 'x'.repeat(300)), join(dir, 'a-file', 'sub')]) {
      const restored = await (await cache.lookup([key])).get(key)!.restore(dest);
      expect(restored).toMatchObject({ ok: false, error: { reason: 'missing' } });
      expect(restored.ok || restored.error.message).not.toMatch(/damaged/);
    }
    const hits = await cache.lookup([key]);
    expect(hits.size).toBe(1);
    expect((await hits.get(key)!.restore(join(dir, 'fine'))).ok).toBe(true);
    expect(await readFile(join(dir, 'fine', 'sub', 'f.txt'), 'utf8')).toBe(key);
  });
});
