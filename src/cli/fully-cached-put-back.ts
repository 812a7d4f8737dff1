/**
 * In-place outputs gone whole (every output directory of a job removed, as a `git clean -X` or a fresh checkout
 * leaves them), written back for a run that a record answers (fully-cached.ts), as the full path does for a verdict
 * it finds gone (InPlaceOutputs.fromVerdict): each file of the verdict from the cache's stored file, checked as it
 * is written. No file written here is one git tracks or a job reads: the record allows the write-back only when no
 * output is one (see inPlaceForRecord).
 *
 * On any trouble (a hit gone or another artifact now, a stored file that fails its check), the caller takes the
 * full path, which checks what was written, writes the rest and says what went wrong.
 */
import type { JobKey } from '../ids/brands.js';
import { LocalCache } from '../cache/local-cache.js';
import { placeStored, verdictPlacement } from '../executor/in-place-restore.js';
import { WorkerPool } from '../executor/worker-pool.js';
import type { GoneOutputs } from './fully-cached-in-place.js';

/** Writes every gone job's outputs back under `realDir`; when it could not, what the cache warned of. */
export async function putBackRecorded(
  cacheDir: string,
  { realDir, jobs, lookups }: { realDir: string; jobs: readonly GoneOutputs[]; lookups: readonly string[] },
): Promise<{ ok: true } | { ok: false; warnings: string[] }> {
  const warnings: string[] = [];
  const cache = await LocalCache.create(cacheDir, { onWarning: (m) => warnings.push(m) }).catch(
    () => undefined,
  );
  if (cache === undefined) return { ok: false, warnings };
  try {
    // The full path's lookup, of every key of the run: with the lookup memo exactly when it has it (a lookup
    // without it reads each entry, and may find what the memo does not).
    const hits = await cache.lookup(lookups as JobKey[]);
    if (warnings.length > 0) return { ok: false, warnings };
    // As many jobs writing at once as the full path lets (see InPlaceOutputs).
    const writers = new WorkerPool(8);
    const placed = await Promise.all(
      jobs.map(async ({ key, artifact, files }) => {
        const hit = hits.get(key as JobKey);
        if (hit?.storedFile === undefined || hit.artifact !== artifact) return false;
        const place = hit.place?.bind(hit);
        const r = await placeStored(
          verdictPlacement(realDir, files, hit.storedFile.bind(hit)),
          place,
          writers,
        );
        return r.ok;
      }),
    );
    return warnings.length === 0 && placed.every(Boolean) ? { ok: true } : { ok: false, warnings };
  } finally {
    await cache.close();
  }
}
