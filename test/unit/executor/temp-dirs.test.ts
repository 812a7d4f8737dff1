import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TempDirs } from '../../../src/executor/temp-dirs.js';

describe('TempDirs', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'disbuild-tempdirs-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('gives every holder an empty directory of its own, and hands an emptied one on', async () => {
    const dirs = new TempDirs(root);
    const a = dirs.take();
    const b = dirs.take();
    expect(a).not.toBe(b);
    expect(await readdir(a)).toEqual([]);
    dirs.give(a);
    // Left empty: the next job gets the same directory instead of a new one.
    expect(dirs.take()).toBe(a);
  });

  it('removes a directory its job left files in, and never hands it on', async () => {
    const dirs = new TempDirs(root);
    const a = dirs.take();
    await writeFile(join(a, 'leftover'), 'x');
    dirs.give(a);
    const next = dirs.take();
    expect(next).not.toBe(a);
    expect(await readdir(next)).toEqual([]);
    // The removal runs in the background.
    for (
      let i = 0;
      i < 100 &&
      (await stat(a).then(
        () => true,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 10));
    await expect(stat(a)).rejects.toThrow();
  });
});
