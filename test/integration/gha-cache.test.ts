import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { githubEntryStore } from '../../src/cache/github-actions-cache.js';
import { PackCache } from '../../src/cache/packs/pack-cache.js';
import type { JobKey } from '../../src/ids/brands.js';
import { type CacheService, type Scope } from '../helpers/gha/cache-service.js';
import { useStandIn } from '../helpers/gha/use-stand-in.js';

const MAIN: Scope = { ref: 'refs/heads/main', readRefs: [] };
const PR: Scope = { ref: 'refs/pull/7/merge', readRefs: ['refs/heads/main'] };
const key = (i: number): JobKey => i.toString(16).padStart(40, '0') as JobKey;

describe('the pack cache over the real @actions/cache client and a stand-in cache service', () => {
  const standIn = useStandIn('disbuild-gha-');
  const warnings = standIn.warnings;
  let service: CacheService;
  let root: string;

  beforeEach(() => {
    ({ service, root } = standIn);
  });

  /** A fresh runner: its own workspace and temp dir, a token for the scope, like a new job. */
  async function runner(
    scope: Scope,
    save = true,
    extra: { saveRetryPausesMs?: [number, number] } = {},
  ): Promise<PackCache> {
    const ws = await mkdtemp(join(root, 'ws-'));
    Object.assign(process.env, {
      ACTIONS_CACHE_SERVICE_V2: '1',
      ACTIONS_RESULTS_URL: service.url,
      ACTIONS_RUNTIME_TOKEN: service.tokenFor(scope),
      RUNNER_TEMP: join(ws, '.tmp'),
      GITHUB_WORKSPACE: ws,
    });
    delete process.env.GITHUB_SERVER_URL;
    process.chdir(ws);
    return new PackCache({
      store: githubEntryStore({ restoreTimeoutMs: 20_000, saveTimeoutMs: 20_000, scratch: join(ws, '.dl') }),
      keyPrefix: 'disbuild-v1',
      scope: { ref: scope.ref, readRefs: scope.readRefs },
      runPart: `${Date.now()}-${Math.random().toString(16).slice(2, 8)}`,
      save,
      workDir: join(ws, '.work'),
      workspace: ws,
      onWarning: (m) => warnings.push(m),
      // One runner at a time: no concurrent writer to look for after a publish, so the check comes at once.
      verifyDelayMs: 50,
      ...extra,
    });
  }

  async function output(i: number): Promise<string> {
    const dir = join(root, `out-${i}`);
    await mkdir(join(dir, 'sub'), { recursive: true });
    await writeFile(join(dir, 'sub', 'file.txt'), `artifact ${i}\n`);
    return dir;
  }

  it('saves 50 artifacts in at most 3 entries; a fresh runner finds them with 1 call and restores with 1 more', async () => {
    const cold = await runner(MAIN);
    expect((await cold.lookup([key(1)])).size).toBe(0);
    for (let i = 0; i < 50; i++) {
      const r = await cold.save(key(i), {
        outputDir: await output(i),
        stdout: Buffer.from(`out ${i}`),
        stderr: Buffer.alloc(0),
        durationMs: i,
      });
      expect(r.saved).toBe(true);
    }
    await cold.close();
    expect(service.stats().entriesCreated).toBeLessThanOrEqual(3);

    service.resetStats();
    const warm = await runner(MAIN);
    const hits = await warm.lookup(Array.from({ length: 60 }, (_, i) => key(i)));
    expect(hits.size).toBe(50);
    expect(await hits.get(key(7))!.logs()).toEqual({ stdout: Buffer.from('out 7'), stderr: Buffer.alloc(0) });
    expect(service.stats()).toMatchObject({ GetCacheEntryDownloadURL: 1, download: 1 });
    const dest = join(root, 'restored');
    expect(await hits.get(key(7))!.restore(dest)).toEqual({ ok: true, value: undefined });
    expect(await readFile(join(dest, 'sub', 'file.txt'), 'utf8')).toBe('artifact 7\n');
    expect((await hits.get(key(8))!.restore(join(root, 'r8'))).ok).toBe(true);
    expect(service.stats()).toMatchObject({ GetCacheEntryDownloadURL: 2, download: 2 });
    expect(warnings).toEqual([]);
  });

  it("keeps a pull request's saves from the default branch, and shows the default branch's to the pull request", async () => {
    const pr = await runner(PR);
    await pr.lookup([]);
    await pr.save(key(100), {
      outputDir: await output(100),
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      durationMs: 1,
    });
    await pr.close();
    const main = await runner(MAIN);
    expect((await main.lookup([key(100)])).size).toBe(0);
    await main.save(key(101), {
      outputDir: await output(101),
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      durationMs: 1,
    });
    await main.close();
    const pr2 = await runner({ ref: 'refs/pull/8/merge', readRefs: ['refs/heads/main'] });
    expect((await pr2.lookup([key(101)])).size).toBe(1);
  });

  it('degrades to misses with a warning under errors, and never restores a truncated pack', async () => {
    const cold = await runner(MAIN);
    await cold.lookup([]);
    await cold.save(key(200), {
      outputDir: await output(200),
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      durationMs: 1,
    });
    await cold.close();
    const warm = await runner(MAIN);
    const hit = (await warm.lookup([key(200)])).get(key(200))!;
    // Every attempt the client makes is cut short (it retries once).
    service.injectFault({ method: 'download', times: 2, truncateAt: 100 });
    const r = await hit.restore(join(root, 'truncated'));
    expect(r.ok).toBe(false);
    await expect(readFile(join(root, 'truncated', 'sub', 'file.txt'))).rejects.toThrow();

    // The refusals are counted, not timed: its saves are tried again after 100 ms, not 1 s and 3 s.
    const flaky = await runner(MAIN, true, { saveRetryPausesMs: [100, 100] });
    service.injectFault({ method: 'GetCacheEntryDownloadURL', times: 1, status: 429, retryAfter: 30 });
    expect((await flaky.lookup([key(200)])).size).toBe(0);
    service.injectFault({ method: 'CreateCacheEntry', times: 5, status: 429, retryAfter: 30 });
    await flaky.save(key(201), {
      outputDir: await output(201),
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      durationMs: 1,
    });
    await flaky.close();
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('waits out a short burst of 429s on save, then stores the pack', async () => {
    const r = await runner(MAIN);
    await r.lookup([]);
    await r.save(key(400), {
      outputDir: await output(400),
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      durationMs: 1,
    });
    service.injectFault({ method: 'CreateCacheEntry', times: 1, status: 429, retryAfter: 1 });
    await r.close();
    expect(warnings).toEqual([]);
    const next = await runner(MAIN);
    expect((await next.lookup([key(400)])).size).toBe(1);
  });

  it('compacts an index that points at too many packs, keeping every artifact', async () => {
    const scope: Scope = { ref: 'refs/heads/compaction', readRefs: [] };
    for (let i = 0; i < 17; i++) {
      const r = await runner(scope);
      await r.lookup([]);
      await r.save(key(500 + i), {
        outputDir: await output(500 + i),
        stdout: Buffer.from(`${i}`),
        stderr: Buffer.alloc(0),
        durationMs: 1,
      });
      await r.close();
    }
    const packCreatesBefore = service
      .entries()
      .filter((e) => e.scope === scope.ref && e.key.includes('-pack-')).length;
    expect(packCreatesBefore).toBe(17);
    const last = await runner(scope);
    await last.lookup([]);
    await last.save(key(600), {
      outputDir: await output(600),
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      durationMs: 1,
    });
    await last.close();
    const check = await runner(scope);
    const keys = [...Array.from({ length: 17 }, (_, i) => key(500 + i)), key(600)];
    const hits = await check.lookup(keys);
    expect(hits.size).toBe(18);
    service.resetStats();
    for (const k of keys) expect((await hits.get(k)!.restore(join(root, `c-${k}`))).ok).toBe(true);
    // 18 runs wrote 18 one-artifact packs; when the index reached 16, the smallest 8 were folded into that
    // run's pack, so the 18 artifacts now live in 10 packs (8 + 1 folded + 1 newest).
    const packs = service.entries().filter((e) => e.scope === scope.ref && e.key.includes('-pack-')).length;
    expect(packs).toBe(18);
    expect(service.stats().download).toBe(10);
  });

  it('makes no writes with save: false', async () => {
    const ro = await runner(MAIN, false);
    await ro.lookup([]);
    expect(
      await ro.save(key(300), {
        outputDir: await output(300),
        stdout: Buffer.alloc(0),
        stderr: Buffer.alloc(0),
        durationMs: 1,
      }),
    ).toMatchObject({ saved: false, reason: 'disabled' });
    await ro.close();
    expect(service.stats().CreateCacheEntry ?? 0).toBe(0);
    expect(warnings).toEqual([]);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
});
