// One writer of the concurrency benchmark, in its own process as a runner is:
// `node --import tsx bench/gha-writer.ts SERVICE_URL TOKEN WORKSPACE OUTPUTS FROM COUNT`.
// Looks its keys up, saves them all (as if it had built them), closes; prints the keys it saved.
import { join } from 'node:path';
import { githubEntryStore } from '../src/cache/github-actions-cache.js';
import { PackCache } from '../src/cache/packs/pack-cache.js';
import { benchKey } from './gha-keys.js';

const [url, token, ws, outputs, from, count] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
];
Object.assign(process.env, {
  ACTIONS_CACHE_SERVICE_V2: '1',
  ACTIONS_RESULTS_URL: url,
  ACTIONS_RUNTIME_TOKEN: token,
  RUNNER_TEMP: join(ws, '.tmp'),
  GITHUB_WORKSPACE: ws,
});
process.chdir(ws);
const quiet = process.stdout.write.bind(process.stdout);
process.stdout.write = (() => true) as typeof process.stdout.write;
const cache = new PackCache({
  store: githubEntryStore({ scratch: join(ws, '.dl') }),
  keyPrefix: 'bench-concurrent',
  scope: { ref: 'refs/heads/main', readRefs: [] },
  runPart: `writer${from}-1`,
  save: true,
  workDir: join(ws, '.work'),
  workspace: ws,
  onWarning: (m) => process.stderr.write(`warning: ${m}\n`),
});
const keys = Array.from({ length: Number(count) }, (_, i) => benchKey(Number(from) + i));
const hits = await cache.lookup(keys);
for (const k of keys) {
  if (hits.has(k)) continue;
  await cache.save(k, {
    outputDir: join(outputs, String(parseInt(k.slice(0, 8), 16) % 1000)),
    stdout: Buffer.from('ok'),
    stderr: Buffer.alloc(0),
    durationMs: 1,
    jobName: `job-${k.slice(0, 8)}`,
  });
}
await cache.close();
process.stdout.write = quiet;
process.stdout.write(`${keys.length - hits.size}\n`);
process.exit(0);
