import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { githubEntryStore } from '../src/cache/github-actions-cache.js';
import { PackCache } from '../src/cache/packs/pack-cache.js';
import type { JobKey } from '../src/ids/brands.js';
import { startAzurite } from '../test/helpers/gha/azurite.js';
import { API_TOKEN, startCacheService, type CacheService } from '../test/helpers/gha/cache-service.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { benchKey } from './gha-keys.js';
import type { BenchContext, BenchRow } from './harness.js';

const N = 1000;
const key = (i: number): JobKey => `${i.toString(16).padStart(8, '0')}${'0'.repeat(32)}` as JobKey;

/**
 * The github backend against the stand-in service: a 1,000-artifact graph at 0 %, 90 % and 100 % hits.
 * A run looks every key up, restores what a run would need (for 90 %: the dependencies of the misses, 100
 * artifacts), saves the misses and closes. Counted at the service: calls, blob downloads, bytes.
 */
export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const azurite = await startAzurite();
  const service = await startCacheService(azurite);
  const quiet = process.stdout.write.bind(process.stdout);
  // @actions/core writes ::debug:: lines for every call; they are not the benchmark's output.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
    typeof chunk === 'string' && chunk.startsWith('::')
      ? true
      : quiet(chunk, ...(rest as []))) as typeof process.stdout.write;
  const rows: BenchRow[] = [];
  try {
    const outputs = join(ctx.workDir, 'outputs');
    for (let i = 0; i < N; i++) {
      await mkdir(join(outputs, String(i)), { recursive: true });
      await writeFile(join(outputs, String(i), 'out.txt'), `artifact ${i}\n`.repeat(100));
    }
    // Seed: artifacts 0..899 exist (so a later run sees 90 %), then measure 0 %, 90 %, 100 %.
    await pass(ctx, service, outputs, 'seed', 0, 900, 0);
    rows.push(await pass(ctx, service, outputs, 'cold (0 % hits)', 2000, 3000, 0, { saveOffset: 2000 }));
    rows.push(await pass(ctx, service, outputs, '90 % hits', 0, 1000, 100));
    rows.push(await pass(ctx, service, outputs, '100 % hits', 0, 1000, 0));
    rows.push(...(await concurrentWriters(ctx, service, outputs)));
  } finally {
    process.stdout.write = quiet;
    await service.close();
    await azurite.stop();
  }
  return rows.filter((r) => r.benchmark !== 'seed');
}

async function pass(
  ctx: BenchContext,
  service: CacheService,
  outputs: string,
  name: string,
  from: number,
  to: number,
  restores: number,
  opts: { saveOffset?: number } = {},
): Promise<BenchRow> {
  const ws = await mkdtemp(join(ctx.workDir, 'ws-'));
  Object.assign(process.env, {
    ACTIONS_CACHE_SERVICE_V2: '1',
    ACTIONS_RESULTS_URL: service.url,
    ACTIONS_RUNTIME_TOKEN: service.tokenFor({ ref: 'refs/heads/main', readRefs: [] }),
    RUNNER_TEMP: join(ws, '.tmp'),
    GITHUB_WORKSPACE: ws,
  });
  const startDir = process.cwd();
  process.chdir(ws);
  const cache = new PackCache({
    store: githubEntryStore({ scratch: join(ws, '.dl') }),
    keyPrefix: 'bench',
    scope: { ref: 'refs/heads/main', readRefs: [] },
    runPart: name.replace(/\W/g, ''),
    save: true,
    workDir: join(ws, '.work'),
    workspace: ws,
    onWarning: (m) => ctx.log(`warning: ${m}`),
  });
  service.resetStats();
  const t0 = performance.now();
  const keys = Array.from({ length: to - from }, (_, i) => key(from + i));
  const hits = await cache.lookup(keys);
  let restored = 0;
  for (const [k, hit] of hits) {
    if (restored >= restores) break;
    if ((await hit.restore(join(ws, 'restored', k))).ok) restored++;
  }
  for (const k of keys) {
    if (hits.has(k)) continue;
    const i = parseInt(k.slice(0, 8), 16) - (opts.saveOffset ?? 0);
    await cache.save(k, {
      outputDir: join(outputs, String(i % 1000)),
      stdout: Buffer.from('ok'),
      stderr: Buffer.alloc(0),
      durationMs: 1,
    });
  }
  await cache.close();
  const ms = performance.now() - t0;
  const s = service.stats();
  const calls =
    (s.CreateCacheEntry ?? 0) + (s.FinalizeCacheEntryUpload ?? 0) + (s.GetCacheEntryDownloadURL ?? 0);
  // Back out before deleting it: later modules spawn processes, which cannot start in a deleted directory.
  process.chdir(startDir);
  await rm(ws, { recursive: true, force: true });
  const target = name.startsWith('100')
    ? '≤ 5 calls, index only'
    : name.startsWith('90')
      ? '≤ 10 calls'
      : '≤ 3 entries';
  const pass = name.startsWith('100')
    ? calls <= 5 && (s.download ?? 0) === 1
    : name.startsWith('90')
      ? calls <= 10
      : (s.entriesCreated ?? 0) <= 3;
  return {
    benchmark: `github cache, 1,000 artifacts, ${name}`,
    measure: 'service calls / entries created / blobs downloaded / bytes down / wall',
    value: `${calls} / ${s.entriesCreated ?? 0} / ${s.download ?? 0} / ${s.downloadBytes ?? 0} / ${(ms / 1000).toFixed(2)} s`,
    target,
    pass,
  };
}

const WRITERS = 8;
const PER_WRITER = 125;
const CONCURRENT_PREFIX = 'bench-concurrent';

/**
 * 8 runs on one branch at once, 125 new artifacts each, each in its own process (bench/gha-writer.ts), then a
 * run that looks all 1,000 up. Then half of the packs are evicted: a run that needs every artifact's bytes
 * repairs the index (rebuilding and saving what was lost), and the run after it looks everything up again.
 */
async function concurrentWriters(
  ctx: BenchContext,
  service: CacheService,
  outputs: string,
): Promise<BenchRow[]> {
  const run = promisify(execFile);
  const writer = join(ctx.root, 'bench', 'gha-writer.ts');
  service.resetStats();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      const ws = await mkdtemp(join(ctx.workDir, `writer-${w}-`));
      const token = service.tokenFor({ ref: 'refs/heads/main', readRefs: [] });
      const from = 10_000 + w * PER_WRITER;
      const r = await run(
        process.execPath,
        ['--import', 'tsx', writer, service.url, token, ws, outputs, String(from), String(PER_WRITER)],
        { cwd: ctx.root },
      );
      if (r.stderr.trim() !== '') ctx.log(r.stderr.trim());
    }),
  );
  const writeMs = performance.now() - t0;
  const keys = Array.from({ length: WRITERS * PER_WRITER }, (_, i) => benchKey(10_000 + i));
  const next = await reader(ctx, service, keys, 'after 8 concurrent writers', { restore: false });
  const listed = await reader(ctx, service, keys, 'listing', { restore: false, listToken: API_TOKEN });
  const rows: BenchRow[] = [
    {
      benchmark: `github cache, ${WRITERS} concurrent writers of ${PER_WRITER} jobs, then a run looking all up`,
      measure: 'next run: hits / service calls / blobs downloaded (writers: wall)',
      value: `${next.hits} / ${next.calls} / ${next.downloads} (${(writeMs / 1000).toFixed(1)} s)`,
      target: `${keys.length} hits, ≤ 12 calls`,
      pass: next.hits === keys.length && next.calls <= 12,
    },
    {
      benchmark: `github cache, the same, the next run's token with actions: read (REST listing)`,
      measure: 'next run: hits / service calls / blobs downloaded / listing calls',
      value: `${listed.hits} / ${listed.calls} / ${listed.downloads} / ${listed.lists}`,
      target: `${keys.length} hits, ≤ 12 calls`,
      pass: listed.hits === keys.length && listed.calls <= 12,
    },
  ];
  const packs = service.entries().filter((e) => e.key.startsWith(`${CONCURRENT_PREFIX}-pack-`));
  const evicted = new Set(packs.slice(0, Math.ceil(packs.length / 2)).map((p) => p.key));
  await service.evict((k) => evicted.has(k));
  const repair = await reader(ctx, service, keys, 'repair', { restore: true, outputs });
  const after = await reader(ctx, service, keys, 'after repair', { restore: false });
  rows.push({
    benchmark: `github cache, ${evicted.size} of ${packs.length} packs evicted: the repair run, then the next run`,
    measure: 'repair: calls / rebuilt; next: hits / calls',
    value: `${repair.calls} / ${repair.rebuilt}; ${after.hits} / ${after.calls}`,
    target: `next run ${keys.length} hits, ≤ 5 calls`,
    pass: after.hits === keys.length && after.calls <= 5,
  });
  return rows;
}

/** One run: looks `keys` up; with `restore`, restores every hit and saves (rebuilds) what could not be. */
async function reader(
  ctx: BenchContext,
  service: CacheService,
  keys: JobKey[],
  name: string,
  opts: { restore: boolean; outputs?: string; listToken?: string },
): Promise<{ hits: number; calls: number; downloads: number; rebuilt: number; lists: number }> {
  const ws = await mkdtemp(join(ctx.workDir, 'reader-'));
  Object.assign(process.env, {
    ACTIONS_CACHE_SERVICE_V2: '1',
    ACTIONS_RESULTS_URL: service.url,
    ACTIONS_RUNTIME_TOKEN: service.tokenFor({ ref: 'refs/heads/main', readRefs: [] }),
    RUNNER_TEMP: join(ws, '.tmp'),
    GITHUB_WORKSPACE: ws,
    GITHUB_API_URL: service.url,
    GITHUB_REPOSITORY: 'octo/repo',
  });
  const startDir = process.cwd();
  process.chdir(ws);
  const cache = new PackCache({
    store: githubEntryStore({
      scratch: join(ws, '.dl'),
      ...(opts.listToken ? { listToken: opts.listToken } : {}),
    }),
    keyPrefix: CONCURRENT_PREFIX,
    scope: { ref: 'refs/heads/main', readRefs: [] },
    runPart: name.replace(/\W/g, ''),
    save: true,
    workDir: join(ws, '.work'),
    workspace: ws,
    onWarning: (m) => ctx.log(`warning: ${m}`),
  });
  service.resetStats();
  const hits = await cache.lookup(keys);
  let rebuilt = 0;
  if (opts.restore) {
    for (const k of keys) {
      const hit = hits.get(k);
      if (hit && (await hit.restore(join(ws, 'restored', k))).ok) continue;
      rebuilt++;
      await cache.save(k, {
        outputDir: join(opts.outputs!, String(parseInt(k.slice(0, 8), 16) % 1000)),
        stdout: Buffer.from('ok'),
        stderr: Buffer.alloc(0),
        durationMs: 1,
      });
    }
  }
  await cache.close();
  const s = service.stats();
  process.chdir(startDir);
  await rm(ws, { recursive: true, force: true });
  return {
    hits: hits.size,
    calls: (s.CreateCacheEntry ?? 0) + (s.FinalizeCacheEntryUpload ?? 0) + (s.GetCacheEntryDownloadURL ?? 0),
    downloads: s.download ?? 0,
    rebuilt,
    lists: s.listCaches ?? 0,
  };
}
