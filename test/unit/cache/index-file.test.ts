import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  dayOf,
  emptyIndex,
  holdsAdditions,
  type IndexedArtifact,
  MAX_IDLE_DAYS,
  mergeIndexes,
  type PackIndex,
  parseIndex,
  pruneIndex,
  serializeIndex,
} from '../../../src/cache/packs/index-file.js';
import { inlineLog, readInlineLog } from '../../../src/cache/packs/inline-logs.js';

const k = (i: number): string => i.toString(16).padStart(40, '0');
const NOW = Date.UTC(2026, 11, 1);
const TODAY = dayOf(NOW);

function index(entries: [number, Partial<IndexedArtifact> & { pack: string }][]): PackIndex {
  const ix = emptyIndex();
  for (const [i, a] of entries) {
    ix.artifacts.set(k(i), { durationMs: 1, savedAt: NOW, lastHit: TODAY, ...a });
    ix.packs.set(a.pack, { bytes: 10 });
  }
  return ix;
}

describe('index files', () => {
  it('merge: union of artifacts, the newest pointer per key wins, the latest hit is kept, in any order', () => {
    const a = index([
      [1, { pack: 'p1', savedAt: NOW - 10, lastHit: TODAY }],
      [2, { pack: 'p1' }],
    ]);
    const b = index([
      [1, { pack: 'p2', savedAt: NOW, lastHit: TODAY - 3 }],
      [3, { pack: 'p2' }],
    ]);
    for (const m of [mergeIndexes(a, b), mergeIndexes(b, a)]) {
      expect([...m.artifacts.keys()].sort()).toEqual([k(1), k(2), k(3)]);
      expect(m.artifacts.get(k(1))).toMatchObject({ pack: 'p2', lastHit: TODAY });
      expect([...m.packs.keys()].sort()).toEqual(['p1', 'p2']);
    }
    expect(serializeIndex(mergeIndexes(a, b))).toBe(serializeIndex(mergeIndexes(b, a)));
  });

  it('merge: a dead pack stays dead, its artifacts do not come back from an older index', () => {
    const old = index([
      [1, { pack: 'gone' }],
      [2, { pack: 'alive' }],
    ]);
    const repaired = mergeIndexes(old);
    repaired.dead.set('gone', TODAY);
    const m = mergeIndexes(old, mergeIndexes(repaired));
    expect([...m.artifacts.keys()]).toEqual([k(2)]);
    expect([...m.packs.keys()]).toEqual(['alive']);
    expect(m.dead.has('gone')).toBe(true);
  });

  it('prune: drops artifacts not found for 30 days, old tombstones, and packs left empty', () => {
    const ix = index([
      [1, { pack: 'p1', savedAt: NOW - 40 * 86_400_000, lastHit: TODAY - MAX_IDLE_DAYS - 1 }],
      [2, { pack: 'p2', savedAt: NOW - 40 * 86_400_000, lastHit: TODAY - 2 }],
    ]);
    ix.dead.set('ancient', TODAY - 31);
    ix.dead.set('recent', TODAY - 1);
    const p = pruneIndex(ix, TODAY);
    expect([...p.artifacts.keys()]).toEqual([k(2)]);
    expect([...p.packs.keys()]).toEqual(['p2']);
    expect([...p.dead.keys()]).toEqual(['recent']);
  });

  it('holdsAdditions: an index holds a run additions when it has them or newer', () => {
    const mine = index([[1, { pack: 'mine' }]]);
    mine.durations.set('compile', { ms: 5, at: NOW });
    expect(holdsAdditions(index([[2, { pack: 'other' }]]), mine)).toBe(false);
    const newer = index([[1, { pack: 'later', savedAt: NOW + 1 }]]);
    newer.durations.set('compile', { ms: 7, at: NOW + 1 });
    expect(holdsAdditions(newer, mine)).toBe(true);
    expect(holdsAdditions(mergeIndexes(index([[2, { pack: 'other' }]]), mine), mine)).toBe(true);
  });

  it('serialization round-trips, logs included; anything else parses as undefined', () => {
    const ix = index([[1, { pack: 'p', stdout: inlineLog(Buffer.from('hello\n'))! }]]);
    ix.artifacts.set(k(2), {
      pack: 'p',
      durationMs: 3,
      savedAt: NOW,
      lastHit: TODAY,
      stderr: inlineLog(Buffer.from('e'))!,
    });
    ix.durations.set('job', { ms: 12, at: NOW });
    ix.dead.set('q', TODAY);
    ix.sources = ['a', 'b'];
    const back = parseIndex(serializeIndex(ix))!;
    expect(serializeIndex(back)).toBe(serializeIndex(ix));
    expect(readInlineLog(back.artifacts.get(k(1))!.stdout).toString()).toBe('hello\n');
    expect(readInlineLog(back.artifacts.get(k(2))!.stderr).toString()).toBe('e');
    expect(back.artifacts.get(k(2))!.stdout).toBeUndefined();
    for (const bad of [
      '',
      '{',
      '{"version":1,"artifacts":{},"packs":{}}',
      '{"version":2,"packs":[],"artifacts":{"x":[0]}}',
    ])
      expect(parseIndex(bad)).toBeUndefined();
  });

  it('names the key-records entry of each job name compactly; merges keep it with the newest duration', () => {
    const ix = emptyIndex();
    ix.durations.set('a', { ms: 1, at: NOW, rec: 'p-records-1' });
    ix.durations.set('b', { ms: 2, at: NOW, rec: 'p-records-1' });
    ix.durations.set('c', { ms: 3, at: NOW });
    const text = serializeIndex(ix);
    expect(text.split('p-records-1')).toHaveLength(2);
    expect(parseIndex(text)!.durations).toEqual(ix.durations);
    const newer = emptyIndex();
    newer.durations.set('a', { ms: 5, at: NOW + 1, rec: 'p-records-2' });
    newer.durations.set('c', { ms: 5, at: NOW - 1, rec: 'p-records-0' });
    const merged = mergeIndexes(ix, newer);
    expect(merged.durations.get('a')).toEqual({ ms: 5, at: NOW + 1, rec: 'p-records-2' });
    expect(merged.durations.get('c')).toEqual({ ms: 3, at: NOW });
    // An index written before records existed still reads, without them.
    const old = '{"version":2,"packs":[],"dead":[],"artifacts":{},"durations":{"a":[1,2]},"sources":[]}';
    expect(parseIndex(old)!.durations.get('a')).toEqual({ ms: 1, at: 2 });
  });

  it('records of 1,000 job names add little to a compressed index (size printed)', () => {
    const [plain, withRecords] = [false, true].map((rec) => {
      const ix = emptyIndex();
      ix.packs.set('disbuild-v1-pack-123456789-1-1764547200000-a1b2c3-0', { bytes: 1e8 });
      for (let i = 0; i < 1000; i++) {
        ix.artifacts.set(execLessSha(i), {
          pack: 'disbuild-v1-pack-123456789-1-1764547200000-a1b2c3-0',
          durationMs: (i * 37) % 60_000,
          savedAt: NOW,
          lastHit: TODAY,
        });
        ix.durations.set(`pkg${i}#build`, {
          ms: (i * 37) % 60_000,
          at: NOW + i,
          ...(rec ? { rec: `disbuild-v1-records-${1000 + (i % 20)}-1-1764547200000-a1b2c3` } : {}),
        });
      }
      return execFileSync('zstd', ['-q', '-c'], { input: serializeIndex(ix) }).length;
    });
    process.stdout.write(`index of 1,000 jobs: ${plain} B, with records named: ${withRecords!} B\n`);
    expect(withRecords! - plain!).toBeLessThan(2048);
  });

  it('a long log keeps its end inline, small, and says where the rest is', () => {
    const log = Buffer.from(
      Array.from({ length: 5000 }, (_, i) => `${(i * 7919) % 10007} ${Math.sin(i)}\n`).join(''),
    );
    const l = inlineLog(log)!;
    expect(l.tail).toBe(true);
    expect(Buffer.from(l.data, 'base64').length).toBeLessThanOrEqual(1024);
    const text = readInlineLog(l).toString();
    expect(text).toMatch(/^\[disbuild: \d+ earlier bytes of this log are in the cache pack/);
    expect(log.toString().endsWith(text.slice(text.indexOf('\n') + 1))).toBe(true);
  });

  it('stays under a few MB for 100,000 artifacts in 16 packs, with durations for each job name', () => {
    const ix = emptyIndex();
    for (let p = 0; p < 16; p++)
      ix.packs.set(`disbuild-v1-pack-123456789-1-1764547200000-a1b2c3-${p}`, { bytes: 1e8 });
    const packs = [...ix.packs.keys()];
    const logs = Array.from({ length: 100 }, (_, i) =>
      inlineLog(Buffer.from(`compiled src/module-${i}.ts\n`))!,
    );
    for (let i = 0; i < 100_000; i++) {
      const key = execLessSha(i);
      ix.artifacts.set(key, {
        pack: packs[i % 16]!,
        durationMs: (i * 37) % 60_000,
        savedAt: NOW - (i % 1000) * 1000,
        lastHit: TODAY - (i % 20),
        stdout: logs[i % 100]!,
      });
      ix.durations.set(`pkg-${i}:build`, { ms: (i * 37) % 60_000, at: NOW });
    }
    const text = serializeIndex(ix);
    const compressed = execFileSync('zstd', ['-q', '-c'], { input: text, maxBuffer: 1 << 30 });
    expect(compressed.length).toBeLessThan(4 * 1024 * 1024);
    expect(parseIndex(text)!.artifacts.size).toBe(100_000);
  });
});

/** A distinct 40-hex key per artifact. */
function execLessSha(i: number): string {
  return createHash('sha1').update(String(i)).digest('hex');
}
