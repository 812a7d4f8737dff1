import { chmod, copyFile, mkdtemp, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalCache } from '../../../src/cache/local-cache.js';
import { MEMO_MIN_KEYS } from '../../../src/cache/lookup-memo.js';
import type { JobKey } from '../../../src/ids/brands.js';
import { SETTLED_MS } from '../../../src/util/settled-stat.js';
import { MEMO_KEYS, saveMemoEntry } from '../../helpers/memo-entries.js';

const KEYS = MEMO_KEYS;
const [FIRST, SECOND] = KEYS as [JobKey, JobKey];

describe('the lookup memo', () => {
  let dir: string;
  let warnings: string[];
  const open = (): Promise<LocalCache> =>
    LocalCache.create(join(dir, 'cache'), { onWarning: (m) => warnings.push(m) });
  const entryDir = (key: JobKey): string => join(dir, 'cache/v1/entries', key.slice(0, 2), key);
  const memoFile = (): string => join(dir, 'cache/v1/lookup-memo');
  const save = (cache: LocalCache, key: JobKey, durationMs: number): Promise<void> =>
    saveMemoEntry(cache, dir, key, durationMs);
  /** An entry's meta.json rewritten in place: its shard does not change, so only a read of the file shows it. */
  const rewriteDuration = async (key: JobKey, durationMs: number): Promise<void> => {
    const file = join(entryDir(key), 'meta.json');
    const meta = JSON.parse(await readFile(file, 'utf8')) as { durationMs: number };
    await writeFile(file, JSON.stringify({ ...meta, durationMs }));
  };
  /** The clock moved past the margin after which the shards' stat data vouch for their entries. */
  const later = (): void => {
    vi.setSystemTime(Date.now() + SETTLED_MS + 10_000);
  };
  const durations = async (cache: LocalCache, keys = KEYS): Promise<(number | undefined)[]> => {
    const hits = await cache.lookup(keys);
    return keys.map((k) => hits.get(k)?.durationMs);
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-lookup-memo-'));
    warnings = [];
    const cache = await open();
    for (const [i, key] of KEYS.entries()) await save(cache, key, i);
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await rm(dir, { recursive: true, force: true });
  });

  it('vouches for its hits only while its file is the one the lookup read or wrote', async () => {
    later();
    // Written by this lookup: vouched for; replaced by a copy of itself (another file, with the same bytes): not.
    const writer = await open();
    await writer.lookup(KEYS);
    await writer.close();
    expect(writer.vouchedHits(KEYS)?.memo).toEqual([memoFile(), expect.any(String)]);
    await copyFile(memoFile(), join(dir, 'older-memo'));
    await rename(join(dir, 'older-memo'), memoFile());
    expect(writer.vouchedHits(KEYS)).toBeUndefined();

    // Read by this lookup (unchanged, not written again): vouched for until another run puts its own in place.
    const reader = await open();
    await reader.lookup(KEYS);
    await reader.close();
    const vouched = reader.vouchedHits(KEYS);
    expect(vouched?.shards).toHaveLength(KEYS.length);
    await copyFile(memoFile(), join(dir, 'other-memo'));
    await rename(join(dir, 'other-memo'), memoFile());
    expect(reader.vouchedHits(KEYS)).toBeUndefined();
    // Nor for a key it does not keep.
    expect(writer.vouchedHits([...KEYS.slice(1), 'ff' + KEYS[0]!.slice(2)] as JobKey[])).toBeUndefined();
  });

  it('answers the next lookup of many keys from what the last one read, while no shard changed', async () => {
    later();
    expect(await durations(await open())).toEqual(KEYS.map((_, i) => i));
    await rewriteDuration(FIRST, 1000);
    // The memo answered: the meta.json rewritten in place was not read.
    expect((await durations(await open()))[0]).toBe(0);
    // A lookup of a few keys (a job's own) reads its entries, and leaves the memo as it was.
    expect((await durations(await open(), [FIRST]))[0]).toBe(1000);
    expect((await durations(await open()))[0]).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('reads the entries of a shard changed since: a removed entry misses, a saved one is found anew', async () => {
    later();
    await durations(await open());
    const cache = await open();
    await rm(entryDir(FIRST), { recursive: true });
    await rm(entryDir(SECOND), { recursive: true });
    await save(cache, SECOND, 2000);
    const after = await durations(await open());
    expect(after[0]).toBeUndefined();
    expect(after[1]).toBe(2000);
    expect(after.slice(2)).toEqual(KEYS.slice(2).map((_, i) => i + 2));
    // An entry moved aside as damaged is gone for the next lookup too.
    await (await open()).discard(KEYS[2]!);
    expect((await durations(await open()))[2]).toBeUndefined();
  });

  it('keeps nothing of a shard changed within the margin before it was read', async () => {
    // The entries were saved a moment ago: the lookup reads them, but keeps none.
    expect(await durations(await open())).toEqual(KEYS.map((_, i) => i));
    await rewriteDuration(FIRST, 1000);
    later();
    expect((await durations(await open()))[0]).toBe(1000);
  });

  it('believes no memo that is damaged, another user may write, or another code wrote', async () => {
    later();
    await durations(await open());
    await rewriteDuration(FIRST, 1000);
    const bytes = await readFile(memoFile());
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 1;
    await writeFile(memoFile(), damaged);
    expect((await durations(await open()))[0]).toBe(1000);

    await rewriteDuration(FIRST, 3000);
    await writeFile(memoFile(), bytes);
    await chmod(memoFile(), 0o666);
    expect((await durations(await open()))[0]).toBe(3000);

    const other = bytes
      .toString('latin1')
      .replace(/^(\S+ \S+ )[0-9a-f]{64}/, (_, head: string) => `${head}${'0'.repeat(64)}`);
    await writeFile(memoFile(), Buffer.from(other, 'latin1'), { mode: 0o600 });
    await chmod(memoFile(), 0o600);
    await rewriteDuration(FIRST, 4000);
    expect((await durations(await open()))[0]).toBe(4000);
  });

  it("gives a hit from the memo its logs, manifest and restore, read from the entry's meta.json as kept", async () => {
    later();
    await durations(await open());
    const hit = (await (await open()).lookup(KEYS)).get(FIRST)!;
    expect((await hit.logs()).stdout.toString()).toBe(`log of ${FIRST}\n`);
    expect(
      hit.entries!()!
        .map((e) => `${e.type} ${e.path}`)
        .sort(),
    ).toEqual(['dir empty', 'file a.txt']);
    expect((await hit.restore(join(dir, 'restored'))).ok).toBe(true);
    expect(await readFile(join(dir, 'restored/a.txt'), 'utf8')).toBe(`built ${FIRST}`);
    expect((await stat(join(dir, 'restored/empty'))).isDirectory()).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('records a use it made, so that the next run does not mark the same entries used again', async () => {
    const meta = join(entryDir(FIRST), 'meta.json');
    const hoursAgo = (h: number): Date => new Date(Date.now() - h * 3_600_000);
    for (const key of KEYS) {
      await utimes(join(entryDir(key), 'meta.json'), hoursAgo(2), hoursAgo(2));
      await utimes(entryDir(key), hoursAgo(2), hoursAgo(2));
    }
    later();
    await durations(await open());
    const cache = await open();
    const hit = (await cache.lookup(KEYS)).get(FIRST)!;
    hit.used!();
    await cache.close();
    const deadline = Date.now() + 10_000;
    while ((await stat(meta)).mtimeMs < Date.now() - 60_000 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    // Set back as if the use were half an hour old: a run that took the memo's stale last use would mark it again.
    await utimes(meta, hoursAgo(0.5), hoursAgo(0.5));
    const next = await open();
    (await next.lookup(KEYS)).get(FIRST)!.used!();
    await new Promise((r) => setTimeout(r, 200));
    expect(Math.abs((await stat(meta)).mtimeMs - hoursAgo(0.5).getTime())).toBeLessThan(1000);
  });
  it('repairs an entry damaged in place whose meta.json got a new inode with the same bytes', async () => {
    later();
    await durations(await open());
    // Outside disbuild (a backup tool, `sed -i`): meta.json written anew with the same bytes, and a file of the entry
    // changed. Neither is a rename in the shard: the memo still answers, with the identity meta.json had.
    const e = entryDir(FIRST);
    await chmod(e, 0o755);
    await copyFile(join(e, 'meta.json'), join(e, 'meta.json.new'));
    await rename(join(e, 'meta.json.new'), join(e, 'meta.json'));
    await chmod(join(e, 'out'), 0o755);
    await chmod(join(e, 'out/a.txt'), 0o644);
    await writeFile(join(e, 'out/a.txt'), 'damaged');
    const cache = await open();
    const restored = await (await cache.lookup(KEYS)).get(FIRST)!.restore(join(dir, 'restored'));
    expect(restored.ok).toBe(false);
    if (!restored.ok) expect(restored.error.message).toMatch(/is damaged .*; removed it/);
    // Moved aside, not taken for another run's save: the rebuilt job's save lands, and the next run finds it.
    await save(cache, FIRST, 5000);
    expect((await durations(await open()))[0]).toBe(5000);
  });
  it('keeps the hits of keys a lookup of part of the graph did not ask for', async () => {
    later();
    await durations(await open());
    const last = KEYS.at(-1)!;
    await rewriteDuration(last, 1000);
    // `disbuild run <task>`: most of the graph, not all of it.
    const part = KEYS.slice(0, MEMO_MIN_KEYS);
    expect(await durations(await open(), part)).toEqual(part.map((_, i) => i));
    // Before: that lookup's hits replaced the memo, and the next full run read the rest from their entries.
    expect((await durations(await open())).at(-1)).toBe(KEYS.length - 1);
    // A key left out whose shard the lookup of part found changed is not kept: read anew, it is found as it is.
    const cache = await open();
    const beside = `${last.slice(0, 2)}${'f'.repeat(38)}` as JobKey;
    await save(cache, beside, 7);
    later();
    await durations(await open(), [...part, beside]);
    expect((await durations(await open())).at(-1)).toBe(1000);
  });

  it('is written only when what it would hold changed', async () => {
    later();
    await durations(await open());
    const written = async (): Promise<string> => {
      const st = await stat(memoFile());
      return `${st.ino}:${st.mtimeMs}`;
    };
    const first = await written();
    await durations(await open());
    expect(await written()).toBe(first);
    // A build saves an entry beside FIRST's: that shard is read anew and, changed a moment ago, not kept.
    vi.setSystemTime(vi.getRealSystemTime());
    const cache = await open();
    const beside = `${FIRST.slice(0, 2)}${'f'.repeat(38)}` as JobKey;
    await save(cache, beside, 7);
    expect((await durations(await open(), [...KEYS, beside])).at(-1)).toBe(7);
    const without = await written();
    expect(without).not.toBe(first);
    // Still within the margin: the same hits read anew, none to keep, and the memo is left as it is.
    expect((await durations(await open(), [...KEYS, beside])).at(-1)).toBe(7);
    expect(await written()).toBe(without);
  });
});
