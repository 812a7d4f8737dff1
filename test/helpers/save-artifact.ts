// Saves one artifact into a local cache from its own process: `node --import tsx save-artifact.ts DIR KEY OUTDIR`.
import { LocalCache } from '../../src/cache/local-cache.js';
import type { JobKey } from '../../src/ids/brands.js';

const [dir, key, outputDir] = process.argv.slice(2) as [string, string, string];
const cache = await LocalCache.create(dir);
const outcome = await cache.save(key as JobKey, {
  outputDir,
  stdout: Buffer.from(`stdout of ${key}`),
  stderr: Buffer.alloc(0),
  durationMs: 5,
});
process.stdout.write(JSON.stringify(outcome));
