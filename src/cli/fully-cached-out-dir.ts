/**
 * The `--out-dir` of a run that a record answers (fully-cached.ts): each target's outputs restored from the local
 * cache beside its place in the out dir, verified, then renamed over it, as the full path does (engine.ts,
 * copyToOutDir) but without the graph, the keys or the engine: their answers are the record's.
 *
 * All or nothing as far as the run can tell: on any trouble (a hit gone, a restore that fails its check, a target
 * that cannot be placed), what was restored and not placed is removed, and the caller takes the full path,
 * which places every target again and says what went wrong. Targets placed before the trouble hold the bytes the
 * full path would place there too.
 */
import { join } from 'node:path';
import type { JobKey } from '../ids/brands.js';
import { LocalCache } from '../cache/local-cache.js';
import { moved, prepareOutDir } from '../executor/out-dir-asides.js';
import { quoted } from '../util/printable.js';
import type { RecordedOutDir } from './fully-cached.js';

/**
 * Places every target's outputs under `outDir`; when it could not, the warnings the full path must give: what only
 * this attempt saw (a restore that failed its check, and removed the entry). What the full path finds again itself
 * (a hit gone by the lookup, an out dir that cannot be made, a target that cannot be placed) is left to it to say.
 */
export async function placeRecordedTargets(
  cacheDir: string,
  outDir: string,
  { targets, otherKeys }: RecordedOutDir,
): Promise<{ ok: true } | { ok: false; warnings: string[] }> {
  const warnings: string[] = [];
  const cache = await LocalCache.create(cacheDir, { onWarning: (m) => warnings.push(m) }).catch(
    () => undefined,
  );
  if (cache === undefined) return { ok: false, warnings };
  const byDir = new Map(targets.map(([name, dirName, key]) => [dirName, { name, key: key as JobKey }]));
  const asides = await prepareOutDir(outDir, (dirName: string) => (byDir.has(dirName) ? dirName : undefined));
  try {
    // The full path's lookup, of every key its run selected: with the lookup memo exactly when it has it.
    const hits = await cache.lookup([
      ...new Set([...targets.map(([, , key]) => key), ...otherKeys] as JobKey[]),
    ]);
    if (
      asides === undefined ||
      warnings.length > 0 ||
      targets.some(([, , key]) => !hits.has(key as JobKey))
    ) {
      return { ok: false, warnings };
    }
    let failed = false;
    const restored = await Promise.all(
      [...byDir].map(async ([dirName, { name, key }]) => {
        const dir = asides.take(dirName)!;
        const r = await hits.get(key)!.restore(dir);
        // A local entry is restored into `dir`, never elsewhere.
        if (r.ok && r.value === undefined) return { dir, dest: join(outDir, dirName) };
        failed = true;
        // A damaged entry is removed by now: the full path finds a miss and builds, and would not say why. What
        // else fails here (a full disk, a place it may not write) fails there too, and is said there.
        if (!r.ok && r.error.reason === 'corrupt') {
          warnings.push(
            `cached output of ${quoted(name)} could not be restored (${r.error.message}); building it instead`,
          );
        }
        return undefined;
      }),
    );
    if (failed) return { ok: false, warnings };
    // At once, as the engine places them: renames one after another wait a turn of the thread pool each.
    const placed = await Promise.all(
      restored.map(async (r) => {
        const done = await moved(r!.dir, r!.dest);
        if (done) asides.placed(r!.dir);
        return done;
      }),
    );
    return placed.every(Boolean) ? { ok: true } : { ok: false, warnings };
  } finally {
    await cache.close();
    await asides?.removeLeft();
  }
}
