import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PlaceFile, placeFiles, removePlacementLeftovers } from '../../../src/cache/place-files.js';

const MiB = 1024 * 1024;

describe('stored files put in their places', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-place-'));
    await mkdir(join(dir, 'store'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function stored(name: string, bytes: Buffer): Promise<Omit<PlaceFile, 'to' | 'path'>> {
    const path = join(dir, 'store', name);
    await writeFile(path, bytes, { mode: 0o444 });
    return {
      stored: path,
      size: bytes.length,
      mode: 0o644,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }

  it('holds few large files in memory at once, however many placements are asked for together', async () => {
    // A thousand jobs restoring their outputs ask for all their placements in one stretch.
    const n = 64;
    const files = await Promise.all(
      Array.from({ length: n }, async (_, i) => ({
        ...(await stored(`f${i}`, randomBytes(MiB - 1))),
        path: `f${i}`,
        to: join(dir, 'checkout', `p${i}`, 'f'),
      })),
    );
    const before = process.memoryUsage().arrayBuffers;
    let peak = 0;
    const sampler = setInterval(
      () => (peak = Math.max(peak, process.memoryUsage().arrayBuffers - before)),
      0,
    );
    const placed = await Promise.all(files.map((f) => placeFiles([f])));
    clearInterval(sampler);
    expect(placed.every((r) => r.ok)).toBe(true);
    for (const f of files) expect((await readFile(f.to)).equals(await readFile(f.stored))).toBe(true);
    // Each large file in flight holds a buffer of a MiB until it is written: a few at once, not one per placement.
    expect(peak).toBeLessThan(32 * MiB);
  });

  it('removes what a placement that never ended left beside its place, and nothing else', async () => {
    const to = join(dir, 'checkout', 'dist', 'out.txt');
    const f = { ...(await stored('a', Buffer.from('a\n'))), path: 'a', to };
    expect((await placeFiles([f])).ok).toBe(true);
    // A helper thread that died while writing: its temp file (another thread's name), and the user's own files.
    await writeFile(`${to}.disbuild-4242-0a1b2c3d-7`, 'half');
    await writeFile(join(dir, 'checkout', 'dist', 'out.txt.orig'), 'mine');
    removePlacementLeftovers([f]);
    expect((await readdir(join(dir, 'checkout', 'dist'))).sort()).toEqual(['out.txt', 'out.txt.orig']);
  });
});
