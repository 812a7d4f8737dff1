import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { githubEntryStore } from '../src/cache/github-actions-cache.js';
import { PackCache } from '../src/cache/packs/pack-cache.js';
import type { JobKey } from '../src/ids/brands.js';
import { startAzurite } from '../test/helpers/gha/azurite.js';
import { startCacheService, type CacheService } from '../test/helpers/gha/cache-service.js';
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
