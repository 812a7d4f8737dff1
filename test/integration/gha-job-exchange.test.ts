import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { type CacheService, type Scope } from '../helpers/gha/cache-service.js';
import { useStandIn } from '../helpers/gha/use-stand-in.js';
import { hostileArchive, zstdVersion } from '../helpers/gha/hostile-archive.js';
import { key, packRunner, saveArtifact } from '../helpers/gha/pack-runner.js';

/**
 * The shards of a pipelined run hand single jobs to each other through the GitHub cache (PackCache.exchange).
 * That hand-over is an extra: it must never cost the run's own save, and a publication that cannot be used
 * must end a wait at once rather than be looked for again until the bound. Real @actions/cache client (saves),
 * stand-in service, real Azurite.
 */
describe('the job exchange between the shards of a pipelined run', () => {
  const standIn = useStandIn('disbuild-exchange-');
  const warnings = standIn.warnings;
  let service: CacheService;
  let root: string;
  const MAIN: Scope = { ref: 'refs/heads/main', readRefs: [] };
  const RUN = '4242-1';
  const entry = (i: number): string => `disbuild-v1-job-${RUN}-${key(i)}`;

  beforeEach(() => {
    ({ service, root } = standIn);
  });

  it('a published job is found by another runner and restored', async () => {
    const owner = await packRunner(service, root, MAIN, warnings);
    await owner.lookup([]);
    await saveArtifact(owner, root, 1);
    expect(await owner.exchange(RUN).publish(key(1))).toBe(true);
    await owner.close();
    const waiter = await packRunner(service, root, MAIN, warnings);
    const found = await waiter.exchange(RUN).find(key(1));
    expect(found.kind).toBe('published');
    if (found.kind !== 'published') return;
    expect((await found.hit.restore(join(root, 'restored'))).ok).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('publications the service refuses (its create limit) do not turn the cache off: the run still saves its packs and index', async () => {
    service.throttleCreates((k) => k.includes('-job-'));
    const owner = await packRunner(service, root, MAIN, warnings);
    await owner.lookup([]);
    const exchange = owner.exchange(RUN);
    const jobs = [11, 12, 13, 14];
    for (const i of jobs) {
      await saveArtifact(owner, root, i);
      expect(await exchange.publish(key(i))).toBe(false);
    }
    await owner.close();
    // The next run finds every job the first one built.
    const next = await packRunner(service, root, MAIN, warnings);
    expect((await next.lookup(jobs.map(key))).size).toBe(4);
    expect(warnings.filter((w) => w.includes('caching is off'))).toEqual([]);
    // Past three failures in a row the runner stops asking: the limit is not hammered for every job.
    expect(service.entries().filter((e) => jobs.some((i) => e.key.includes(key(i))))).toEqual([]);
    expect(service.stats().CreateCacheEntry).toBeLessThanOrEqual(3 * 2 + 2 + 1);
  }, 60_000);

  it('a publication whose archive is refused, or whose manifest is unreadable, ends the wait (refused), not "absent"', async () => {
    const version = zstdVersion('.disbuild-cache/pack');
    await service.putEntry({
      key: entry(5),
      version,
      scope: MAIN.ref,
      archive: hostileArchive([
        { name: '.disbuild-cache/pack/../../escape.txt', type: 'file', content: 'x' },
      ]),
    });
    await service.putEntry({
      key: entry(6),
      version,
      scope: MAIN.ref,
      archive: hostileArchive([
        { name: `.disbuild-cache/pack/${key(6)}/manifest.json`, type: 'file', content: '{not json' },
      ]),
    });
    const waiter = await packRunner(service, root, MAIN, warnings);
    const exchange = waiter.exchange(RUN);
    expect((await exchange.find(key(5))).kind).toBe('refused');
    expect((await exchange.find(key(6))).kind).toBe('refused');
    // Nothing published at all is still "absent": the owner may publish it later.
    expect((await exchange.find(key(7))).kind).toBe('absent');
  });
});
