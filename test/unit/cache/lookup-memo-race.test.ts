import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobKey } from '../../../src/ids/brands.js';
import { SETTLED_MS } from '../../../src/util/settled-stat.js';
import { MEMO_KEYS, saveMemoEntry } from '../../helpers/memo-entries.js';

/**
 * Runs once inside R1's restore, after it read the (damaged) entry and before it judges what it found: the race
 * made deterministic.
 */
const hook: { during?: () => Promise<void> } = {};
vi.mock('../../../src/cache/entry-files.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/cache/entry-files.js')>();
  return {
    ...real,
    copyVerified: async (...args: Parameters<typeof real.copyVerified>) => {
      const result = await real.copyVerified(...args);
      const during = hook.during;
      hook.during = undefined;
      if (during) await during();
      return result;
    },
  };
});
const { LocalCache } = await import('../../../src/cache/local-cache.js');

const KEYS = MEMO_KEYS;
const FIRST = KEYS[0]!;

describe('the lookup memo, with another run saving meanwhile', () => {
  let dir: string;
  const open = () => LocalCache.create(join(dir, 'cache'), { onWarning: () => undefined });
  const entryDir = (key: JobKey): string => join(dir, 'cache/v1/entries', key.slice(0, 2), key);
  const save = (cache: Awaited<ReturnType<typeof open>>, key: JobKey, durationMs: number): Promise<void> =>
    saveMemoEntry(cache, dir, key, durationMs);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-memo-race-'));
    const cache = await open();
    for (const [i, key] of KEYS.entries()) await save(cache, key, i);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + SETTLED_MS + 10_000);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await rm(dir, { recursive: true, force: true });
  });

  it("does not move aside another run's fresh save whose meta.json has the same bytes as the damaged entry's", async () => {
    await (await open()).lookup(KEYS); // writes the memo
    const original = await readFile(join(entryDir(FIRST), 'meta.json'));
    // FIRST's entry damaged (a file of it changed).
    const e = entryDir(FIRST);
    await chmod(e, 0o755);
    await chmod(join(e, 'out'), 0o755);
    await chmod(join(e, 'out/a.txt'), 0o644);
    await writeFile(join(e, 'out/a.txt'), 'damaged');

    // R1 takes FIRST from the memo (kept bytes, the memo's identity).
    const r1 = await open();
    const hit1 = (await r1.lookup(KEYS)).get(FIRST)!;
    // While R1 reads the damaged entry, R2 finds the damage too, moves it aside, rebuilds and saves: a
    // reproducible build of the same duration (or a re-adopted remote archive, which carries its manifest's
    // durationMs) writes the same meta.json bytes under a new inode.
    hook.during = async () => {
      const r2 = await open();
      const hit2 = (await r2.lookup([FIRST])).get(FIRST)!;
      expect((await hit2.restore(join(dir, 'r2-restored'))).ok).toBe(false);
      await save(r2, FIRST, 0);
      expect(await readFile(join(entryDir(FIRST), 'meta.json'))).toEqual(original);
    };
    const restored = await hit1.restore(join(dir, 'r1-restored'));
    expect(restored.ok).toBe(false);
    // R2's save is sound and may be what R2's dependents are reading right now: it must stay.
    expect(existsSync(join(entryDir(FIRST), 'meta.json'))).toBe(true);
    if (!restored.ok) expect(restored.error.message).toMatch(/was replaced while it was restored/);
  });
});
