import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { githubEntryStore } from '../../../src/cache/github-actions-cache.js';
import { PackCache } from '../../../src/cache/packs/pack-cache.js';
import type { JobKey } from '../../../src/ids/brands.js';
import type { CacheService, Scope } from './cache-service.js';

export const key = (i: number): JobKey => i.toString(16).padStart(40, '0') as JobKey;

/**
 * A fresh runner in this process, as a new job would be: its own workspace and temp dir, a token for the scope,
 * the real `@actions/cache` client. Process-wide settings (cwd, env) are the runner's, so one at a time.
 */
export async function packRunner(
  service: CacheService,
  root: string,
  scope: Scope,
  warnings: string[],
  opts: { save?: boolean; now?: () => number; listToken?: string; timeoutMs?: number } = {},
): Promise<PackCache & { ws: string }> {
  const ws = await mkdtemp(join(root, 'ws-'));
  Object.assign(process.env, {
    ACTIONS_CACHE_SERVICE_V2: '1',
    ACTIONS_RESULTS_URL: service.url,
    ACTIONS_RUNTIME_TOKEN: service.tokenFor(scope),
    RUNNER_TEMP: join(ws, '.tmp'),
    GITHUB_WORKSPACE: ws,
    GITHUB_API_URL: service.url,
    GITHUB_REPOSITORY: 'octo/repo',
  });
  delete process.env.GITHUB_SERVER_URL;
  process.chdir(ws);
  const cache = new PackCache({
    store: githubEntryStore({
      restoreTimeoutMs: opts.timeoutMs ?? 20_000,
      saveTimeoutMs: opts.timeoutMs ?? 20_000,
      scratch: join(ws, '.dl'),
      ...(opts.listToken ? { listToken: opts.listToken } : {}),
    }),
    keyPrefix: 'disbuild-v1',
    scope: { ref: scope.ref, readRefs: scope.readRefs },
    runPart: `${Date.now()}-${Math.random().toString(16).slice(2, 8)}`,
    save: opts.save ?? true,
    workDir: join(ws, '.work'),
    workspace: ws,
    onWarning: (m) => warnings.push(m),
    verifyDelayMs: 50,
    ...(opts.now ? { now: opts.now } : {}),
  });
  return Object.assign(cache, { ws });
}

/** An output tree for artifact `i` under `root`. */
export async function output(root: string, i: number): Promise<string> {
  const dir = join(root, `out-${i}`);
  await mkdir(join(dir, 'sub'), { recursive: true });
  await writeFile(join(dir, 'sub', 'file.txt'), `artifact ${i}\n`);
  return dir;
}

/** Saves artifact `i` as a job that printed `stdout`. */
export async function saveArtifact(
  cache: PackCache,
  root: string,
  i: number,
  stdout = `out ${i}`,
): Promise<void> {
  const r = await cache.save(key(i), {
    outputDir: await output(root, i),
    stdout: Buffer.from(stdout),
    stderr: Buffer.alloc(0),
    durationMs: i,
  });
  if (!r.saved) throw new Error(`artifact ${i} was not saved: ${JSON.stringify(r)}`);
}
