import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { githubEntryStore } from '../../src/cache/github-actions-cache.js';
import { ENV_LOOKUP_RETRY_PAUSE_MS } from '../../src/cache/github-cache-download.js';
import { dayOf, emptyIndex, parseIndex, serializeIndex } from '../../src/cache/packs/index-file.js';
import { refTag } from '../../src/cache/packs/index-sync.js';
import { API_TOKEN, type CacheService, type Scope } from '../helpers/gha/cache-service.js';
import { useStandIn } from '../helpers/gha/use-stand-in.js';
import { hostileArchive, type Member, zstdVersion } from '../helpers/gha/hostile-archive.js';
import { key, output, packRunner, saveArtifact } from '../helpers/gha/pack-runner.js';

/**
 * Issue 11: restores never write outside a private directory, evicted packs are repaired, a failed index
 * restore never costs earlier artifacts, and a pull request sees its base branch. Real @actions/cache client
 * (for saves), stand-in service, real Azurite.
 */
describe('the github cache backend is safe and never loses work', () => {
  const standIn = useStandIn('disbuild-ghasafe-');
  const warnings = standIn.warnings;
  let service: CacheService;
  let root: string;
  const MAIN: Scope = { ref: 'refs/heads/main', readRefs: [] };

  beforeEach(() => {
    ({ service, root } = standIn);
  });

  /** What a hostile writer aims at: a directory and a file outside every workspace. */
  async function targets(): Promise<{ outside: string; victim: string; variants: Member[][] }> {
    const outside = join(root, 'outside');
    await mkdir(outside);
    const victim = join(root, 'victim.txt');
    await writeFile(victim, 'victim\n');
    const variants: Member[][] = [
      [{ name: join(outside, 'absolute.txt'), type: 'file', content: 'pwned' }],
      [{ name: '.disbuild-cache/pack/../../../dotdot.txt', type: 'file', content: 'pwned' }],
      [
        { name: '.disbuild-cache/pack/link', type: 'symlink', link: outside },
        { name: '.disbuild-cache/pack/link/through.txt', type: 'file', content: 'pwned' },
      ],
      [
        { name: '.disbuild-cache/pack/hard', type: 'hardlink', link: victim },
        { name: '.disbuild-cache/pack/hard', type: 'file', content: 'pwned' },
      ],
      // Each link stays inside on its own; through one another they climb out (b is the pack's parent).
      [
        { name: '.disbuild-cache/pack/a', type: 'symlink', link: '.' },
        { name: '.disbuild-cache/pack/b', type: 'symlink', link: 'a/..' },
        { name: '.disbuild-cache/pack/c', type: 'symlink', link: 'b/a/..' },
      ],
    ];
    return { outside, victim, variants };
  }

  async function expectNothingOutside(t: { outside: string; victim: string }): Promise<void> {
    expect(readdirSync(t.outside)).toEqual([]);
    expect(existsSync(join(root, 'dotdot.txt'))).toBe(false);
    expect(await readFile(t.victim, 'utf8')).toBe('victim\n');
    expect(statSync(t.victim).nlink).toBe(1);
  }

  it('refuses packs holding absolute, .., through-symlink, hard-link and link-chain members: nothing written outside, one warning, rebuilt', async () => {
    const t = await targets();
    const n = t.variants.length;
    const keys = Array.from({ length: n }, (_, i) => key(i + 1));
    for (let i = 1; i <= n; i++) {
      const w = await packRunner(service, root, MAIN, warnings);
      await w.lookup([]);
      await saveArtifact(w, root, i);
      await w.close();
    }
    const packs = service.entries().filter((e) => e.key.includes('-pack-'));
    expect(packs).toHaveLength(n); // the first test: the service holds nothing else yet
    for (const [i, p] of packs.entries()) {
      await service.evict((k) => k === p.key);
      await service.putEntry({
        key: p.key,
        version: zstdVersion('.disbuild-cache/pack'),
        scope: MAIN.ref,
        archive: hostileArchive(t.variants[i]!),
      });
    }
    expect(warnings).toEqual([]);
    const r = await packRunner(service, root, MAIN, warnings);
    const hits = await r.lookup(keys);
    expect(hits.size).toBe(n);
    for (let i = 1; i <= n; i++) {
      const restored = await hits.get(key(i))!.restore(join(root, `r-${i}`));
      expect(restored.ok).toBe(false);
    }
    await expectNothingOutside(t);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/was refused/);
    for (let i = 1; i <= n; i++) await saveArtifact(r, root, i);
    await r.close();

    warnings.length = 0;
    const next = await packRunner(service, root, MAIN, warnings);
    const again = await next.lookup(keys);
    for (let i = 1; i <= n; i++)
      expect((await again.get(key(i))!.restore(join(root, `n-${i}`))).ok).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('refuses a hostile index: nothing written outside, a miss with one warning, and the next index replaces it', async () => {
    const t = await targets();
    const w = await packRunner(service, root, MAIN, warnings);
    await w.lookup([]);
    await saveArtifact(w, root, 10);
    await w.close();
    const prefix = `disbuild-v1-index2-${refTag(MAIN.ref)}-`;
    const index = (m: Member): Member => ({
      ...m,
      name: m.name.replace('.disbuild-cache/pack', '.disbuild-cache/index'),
    });
    for (const [i, variant] of t.variants.entries()) {
      await service.putEntry({
        key: `${prefix}zz-hostile-${i}`,
        version: zstdVersion('.disbuild-cache/index'),
        scope: MAIN.ref,
        archive: hostileArchive([
          { name: '.disbuild-cache/index/index.json', type: 'file', content: '{"version":2}' },
          ...variant.map(index),
        ]),
      });
      warnings.length = 0;
      const r = await packRunner(service, root, MAIN, warnings);
      expect((await r.lookup([key(10)])).size).toBe(0);
      await r.close();
      await expectNothingOutside(t);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/was refused/);
    }
    warnings.length = 0;
    const r = await packRunner(service, root, MAIN, warnings);
    await r.lookup([key(10)]);
    await saveArtifact(r, root, 10);
    await r.close();
    warnings.length = 0;
    const next = await packRunner(service, root, MAIN, warnings);
    expect((await next.lookup([key(10)])).size).toBe(1);
    expect(warnings).toEqual([]);
  });

  /** The packs the newest index of `scope` names, read as a reader would. */
  async function newestIndexPacks(scope: Scope): Promise<string[]> {
    const into = join(root, `peek-${Math.random().toString(16).slice(2)}`);
    const store = githubEntryStore({ scratch: join(root, 'peek-dl') });
    const r = await store.fetch('.disbuild-cache/index', `disbuild-v1-index2-${refTag(scope.ref)}-`, into);
    expect(r.kind).toBe('hit');
    return [...parseIndex(await readFile(join(into, 'index.json'), 'utf8'))!.packs.keys()];
  }

  it('evicted packs: the run that needs them rebuilds and still saves; the next run is fully restored without a warning', async () => {
    const since = Math.max(0, ...service.entries().map((e) => e.id));
    for (let i = 40; i < 44; i++) {
      const w = await packRunner(service, root, MAIN, warnings);
      await w.lookup([]);
      await saveArtifact(w, root, i);
      await w.close();
    }
    const packs = service.entries().filter((e) => e.id > since && e.key.includes('-pack-'));
    expect(await service.evict((k) => packs.slice(0, 3).some((p) => p.key === k))).toBe(3);

    const r = await packRunner(service, root, MAIN, warnings);
    const keys = [40, 41, 42, 43].map(key);
    const hits = await r.lookup(keys);
    const restored = await Promise.all(keys.map((k) => hits.get(k)!.restore(join(root, `r-${k}`))));
    expect(restored.map((x) => (x.ok ? 'ok' : x.error.reason))).toEqual([
      'missing',
      'missing',
      'missing',
      'ok',
    ]);
    for (let i = 40; i < 43; i++) await saveArtifact(r, root, i);
    await r.close();
    expect(warnings).toEqual([]);
    const live = new Set(service.entries().map((e) => e.key));
    for (const p of await newestIndexPacks(MAIN)) expect(live.has(p)).toBe(true);

    const next = await packRunner(service, root, MAIN, warnings);
    const again = await next.lookup(keys);
    for (const k of keys) expect((await again.get(k)!.restore(join(root, `n-${k}`))).ok).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('an evicted pack nobody rebuilds leaves the index after the next saving run', async () => {
    const since = Math.max(0, ...service.entries().map((e) => e.id));
    for (let i = 50; i < 52; i++) {
      const w = await packRunner(service, root, MAIN, warnings);
      await w.lookup([]);
      await saveArtifact(w, root, i);
      await w.close();
    }
    const first = service.entries().find((e) => e.id > since && e.key.includes('-pack-'))!;
    await service.evict((k) => k === first.key);
    const r = await packRunner(service, root, MAIN, warnings);
    const hits = await r.lookup([key(50), key(51)]);
    expect((await hits.get(key(50))!.restore(join(root, 'x'))).ok).toBe(false);
    await r.close();
    expect(await newestIndexPacks(MAIN)).not.toContain(first.key);
    const next = await packRunner(service, root, MAIN, warnings);
    expect([...(await next.lookup([key(50), key(51)])).keys()]).toEqual([key(51)]);
    expect(warnings).toEqual([]);
  });

  it('an index restore that fails with 5xx is not an empty cache: the next healthy run finds every earlier artifact', async () => {
    const w = await packRunner(service, root, MAIN, warnings);
    await w.lookup([]);
    await saveArtifact(w, root, 60);
    await saveArtifact(w, root, 61);
    await w.close();

    // The faults are counted in tries, not time: each retry comes after 50 ms instead of 1 s and 2 s.
    process.env[ENV_LOOKUP_RETRY_PAUSE_MS] = '50';
    onTestFinished(() => {
      delete process.env[ENV_LOOKUP_RETRY_PAUSE_MS];
    });
    // Down for the whole run (three tries when loading, three when publishing): no index is published.
    service.injectFault({ method: 'GetCacheEntryDownloadURL', times: 6, status: 503 });
    const down = await packRunner(service, root, MAIN, warnings);
    expect((await down.lookup([key(60), key(61), key(62)])).size).toBe(0);
    for (const i of [60, 61, 62]) await saveArtifact(down, root, i);
    await down.close();
    expect(warnings.join('\n')).toMatch(/could not be read/);

    // Down when it loads, back when it publishes: it merges what it could not read at first.
    service.injectFault({ method: 'GetCacheEntryDownloadURL', times: 3, status: 503 });
    const flaky = await packRunner(service, root, MAIN, warnings);
    expect((await flaky.lookup([key(60)])).size).toBe(0);
    await saveArtifact(flaky, root, 63);
    await flaky.close();

    warnings.length = 0;
    const healthy = await packRunner(service, root, MAIN, warnings);
    const hits = await healthy.lookup([60, 61, 62, 63].map(key));
    expect([...hits.keys()].sort()).toEqual([60, 61, 63].map(key));
    expect(warnings).toEqual([]);
  }, 60_000);

  it("a pull request reads its own index and its base branch's, merged; the base branch never sees the pull request's", async () => {
    const PR: Scope = { ref: 'refs/pull/7/merge', readRefs: ['refs/heads/main'] };
    const pr = await packRunner(service, root, PR, warnings);
    await pr.lookup([]);
    await saveArtifact(pr, root, 70);
    await pr.close();
    const main = await packRunner(service, root, MAIN, warnings);
    expect((await main.lookup([key(70)])).size).toBe(0);
    await saveArtifact(main, root, 71);
    await main.close();

    const again = await packRunner(service, root, PR, warnings);
    const hits = await again.lookup([key(70), key(71)]);
    expect([...hits.keys()].sort()).toEqual([key(70), key(71)]);
    expect((await hits.get(key(71))!.restore(join(root, 'r71'))).ok).toBe(true);
    const mainAgain = await packRunner(service, root, MAIN, warnings);
    expect((await mainAgain.lookup([key(70), key(71)])).size).toBe(1);
    expect(warnings).toEqual([]);
  });

  it("with actions: read, a reader also finds what a concurrent writer's newer index shadowed", async () => {
    const scope: Scope = { ref: 'refs/heads/shadowed', readRefs: [] };
    const w = await packRunner(service, root, scope, warnings);
    await w.lookup([]);
    await saveArtifact(w, root, 80);
    await w.close();
    // A writer that read before that save publishes after it: its index is newer and lacks artifact 80.
    const shadow = emptyIndex();
    shadow.packs.set('disbuild-v1-pack-elsewhere', { bytes: 1 });
    shadow.artifacts.set(key(81), {
      pack: 'disbuild-v1-pack-elsewhere',
      durationMs: 1,
      savedAt: Date.now(),
      lastHit: dayOf(Date.now()),
    });
    await service.putEntry({
      key: `disbuild-v1-index2-${refTag(scope.ref)}-zz-concurrent-1`,
      version: zstdVersion('.disbuild-cache/index'),
      scope: scope.ref,
      archive: hostileArchive([
        { name: '.disbuild-cache/index/index.json', type: 'file', content: serializeIndex(shadow) },
      ]),
    });
    const keys = [key(80), key(81)];
    const plain = await packRunner(service, root, scope, warnings);
    expect([...(await plain.lookup(keys)).keys()]).toEqual([key(81)]);
    const denied = await packRunner(service, root, scope, warnings, { listToken: 'no-actions-read' });
    expect([...(await denied.lookup(keys)).keys()]).toEqual([key(81)]);
    const listing = await packRunner(service, root, scope, warnings, { listToken: API_TOKEN });
    expect([...(await listing.lookup(keys)).keys()].sort()).toEqual(keys);
    expect(warnings).toEqual([]);
  });

  it('drops artifacts no run found for 30 days, keeps those found, and records durations by job name', async () => {
    const scope: Scope = { ref: 'refs/heads/aging', readRefs: [] };
    const day = 86_400_000;
    const t0 = Date.now();
    const w = await packRunner(service, root, scope, warnings, { now: () => t0 });
    await w.lookup([]);
    for (const i of [90, 91]) {
      const saved = await w.save(key(i), {
        outputDir: await output(root, i),
        stdout: Buffer.alloc(0),
        stderr: Buffer.alloc(0),
        durationMs: 1000 + i,
        jobName: `job-${i}`,
      });
      expect(saved.saved).toBe(true);
    }
    await w.close();
    // Day 20: a run finds 90 only (a hit older than a week is recorded again: that run writes an index).
    const found = await packRunner(service, root, scope, warnings, { now: () => t0 + 20 * day });
    expect((await found.lookup([key(90)])).size).toBe(1);
    await found.close();
    // Day 40: a saving run that does not look 91 up; 91 was last found (saved) 40 days ago, 90 20 days ago.
    const later = await packRunner(service, root, scope, warnings, { now: () => t0 + 40 * day });
    expect([...(await later.lookup([key(90)])).keys()]).toEqual([key(90)]);
    await saveArtifact(later, root, 92);
    await later.close();
    const next = await packRunner(service, root, scope, warnings, { now: () => t0 + 40 * day });
    expect([...(await next.lookup([key(90), key(91), key(92)])).keys()]).toEqual([key(90), key(92)]);
    expect(await next.recordedDurations()).toEqual(
      new Map([
        ['job-90', 1090],
        ['job-91', 1091],
      ]),
    );
    expect(warnings).toEqual([]);
  });

  it('compaction skips dead packs and goes on folding the live ones', async () => {
    const scope: Scope = { ref: 'refs/heads/compact-dead', readRefs: [] };
    const w = await packRunner(service, root, scope, warnings);
    await w.lookup([]);
    await saveArtifact(w, root, 100);
    await w.close();
    const real = service.entries().find((e) => e.scope === scope.ref && e.key.includes('-pack-'))!.key;
    // An index over 17 packs: the smallest 9 get folded; 8 of those are gone, one is live.
    const ix = emptyIndex();
    const now = Date.now();
    const add = (i: number, pack: string, bytes: number): void => {
      ix.packs.set(pack, { bytes });
      ix.artifacts.set(key(i), { pack, durationMs: 1, savedAt: now, lastHit: dayOf(now) });
    };
    for (let i = 0; i < 8; i++) add(200 + i, `disbuild-v1-pack-gone-${i}`, 1);
    add(100, real, 2);
    for (let i = 0; i < 8; i++) add(300 + i, `disbuild-v1-pack-big-${i}`, 1e9);
    await service.putEntry({
      key: `disbuild-v1-index2-${refTag(scope.ref)}-zz-many-packs-1`,
      version: zstdVersion('.disbuild-cache/index'),
      scope: scope.ref,
      archive: hostileArchive([
        { name: '.disbuild-cache/index/index.json', type: 'file', content: serializeIndex(ix) },
      ]),
    });
    const r = await packRunner(service, root, scope, warnings);
    await r.lookup([]);
    await saveArtifact(r, root, 101);
    await r.close();
    const packs = await newestIndexPacks(scope);
    expect(packs).not.toContain(real);
    expect(packs.filter((p) => p.includes('-pack-gone-'))).toEqual([]);
    const next = await packRunner(service, root, scope, warnings);
    const hits = await next.lookup([key(100), key(101), key(200)]);
    expect([...hits.keys()].sort()).toEqual([key(100), key(101)]);
    expect((await hits.get(key(100))!.restore(join(root, 'r100'))).ok).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('a 404 on the newest index, which the service had just listed, is a failed read: no index replaces it', async () => {
    const S: Scope = { ref: 'refs/heads/index-404', readRefs: [] };
    for (const i of [1, 2]) {
      const w = await packRunner(service, root, S, warnings);
      await w.lookup([]);
      await saveArtifact(w, root, i);
      await w.close();
    }
    expect(warnings).toEqual([]);
    // Both reads of the run's index (its lookup, and the check before it publishes) answered 404.
    service.injectFault({ method: 'download', times: 2, status: 404 });
    const c = await packRunner(service, root, S, warnings);
    await c.lookup([key(1), key(2), key(3)]);
    await saveArtifact(c, root, 3);
    await c.close();
    service.clearFaults();
    expect(warnings.join('\n')).toMatch(/404/);
    const d = await packRunner(service, root, S, warnings);
    const hits = await d.lookup([key(1), key(2), key(3)]);
    expect([...hits.keys()].sort()).toEqual([key(1), key(2)]);
  });

  it('a 404 on a pack the index names, which the service had just listed, leaves it in the index', async () => {
    const S: Scope = { ref: 'refs/heads/pack-404', readRefs: [] };
    const w = await packRunner(service, root, S, warnings);
    await w.lookup([]);
    await saveArtifact(w, root, 1);
    await saveArtifact(w, root, 2);
    await w.close();
    const r = await packRunner(service, root, S, warnings);
    const hits = await r.lookup([key(1), key(2)]);
    service.injectFault({ method: 'download', times: 1, status: 404 });
    expect((await hits.get(key(1))!.restore(join(root, 'r1'))).ok).toBe(false);
    await r.close();
    service.clearFaults();
    const n = await packRunner(service, root, S, warnings);
    const again = await n.lookup([key(1), key(2)]);
    expect([...again.keys()].sort()).toEqual([key(1), key(2)]);
    expect((await again.get(key(1))!.restore(join(root, 'r1-again'))).ok).toBe(true);
  });

  for (const [what, methods] of [
    ['lookups and saves', ['GetCacheEntryDownloadURL', 'CreateCacheEntry']],
    ['saves', ['CreateCacheEntry']],
  ] as const) {
    it(`a service that stops answering ${what} is not asked again: one time-out, not one per call and retry`, async () => {
      const S: Scope = { ref: `refs/heads/hung-${methods.length}`, readRefs: [] };
      // Answers later than the run waits (1 s).
      for (const method of methods) service.injectFault({ method, times: 1000, delayMs: 1500 });
      const w = await packRunner(service, root, S, warnings, { timeoutMs: 1000 });
      const started = Date.now();
      expect((await w.lookup([key(1)])).size).toBe(0);
      await saveArtifact(w, root, 1);
      await w.close();
      const took = Date.now() - started;
      service.clearFaults();
      // Before, each index read was tried three times, and each save (pack, records, index) three times with
      // pauses of 1 s and 3 s between: 5 s and more here, half an hour with the Action's time-outs.
      // Room for a loaded machine; before, 7 s and 13 s.
      expect(took).toBeLessThan(4000);
      expect(service.stats().CreateCacheEntry ?? 0).toBeLessThanOrEqual(1);
      expect(warnings.join('\n')).toMatch(
        /could not be read \(no answer within 1 s\)|did not store 1 new artifacts/,
      );
    });
  }
});
