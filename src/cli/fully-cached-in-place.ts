/**
 * The checks of a fully cached run's record (fully-cached.ts) that only some runs need, loaded only for them:
 * that disbuild.json's tasks would compile to the kept graph again, and that in-place outputs are as a recorded
 * check found them. Each is the full path's own check, run on what the record kept of its inputs.
 */
import { linksAsListed } from '../config/repo-files.js';
import type { KeptVouch } from '../config/compiled-graph-cache.js';
import { OutputStatRecords, verdictNow } from '../executor/output-stat-records.js';
import { statKey } from '../util/settled-stat.js';
import { lstatIfAny } from '../util/stat-if-any.js';
import type { RecordedInPlace } from './fully-cached.js';

/**
 * Whether the kept graph still stands as the compile found it (see compileConfig): every file it read has the stat
 * data that vouched for its bytes, and every link leads where it did. The listings, which the rest stands on, are
 * compared by the record itself.
 */
export function compileAsRecorded(sourceDir: string, vouch: KeptVouch): boolean {
  for (const [path, stat] of Object.entries(vouch.stats)) {
    if (statKey(lstatIfAny(`${sourceDir}/${path}`)) !== stat) return false;
  }
  return linksAsListed(sourceDir, vouch.links, vouch.indexLinks, vouch.untracked && new Set(vouch.untracked));
}

/** Whether every recorded job's in-place outputs are as its verdict says, by stat data alone (see verdictNow). */
export function outputsAsRecorded(realDir: string, { records, verdicts }: RecordedInPlace): boolean {
  const stats = new OutputStatRecords(records);
  return verdicts.every(([label, artifact]) => {
    const verdict = stats.verdict(label, artifact);
    return verdict !== undefined && verdictNow(realDir, verdict, stats) === 'in-place';
  });
}
