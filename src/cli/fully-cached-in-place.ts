/**
 * The checks of a fully cached run's record (fully-cached.ts) that only some runs need, loaded only for them:
 * that disbuild.json's tasks would compile to the kept graph again, and that in-place outputs are as a recorded
 * check found them (or gone whole). Each is the full path's own check, run on what the record kept of its inputs.
 */
import { linksAsListed } from '../config/repo-files.js';
import type { KeptVouch } from '../config/compiled-graph-cache.js';
import {
  OutputStatRecords,
  type Verdict,
  verdictNow,
  verdictOutputs,
} from '../executor/output-stat-records.js';
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

/**
 * What became of every recorded job's in-place outputs, by stat data alone (see verdictNow): undefined when any
 * changed (only the full path can tell what to do); else the jobs whose output directories are all gone, with
 * the files their verdict found there, which the full path writes back from the cache's stored files.
 */
export function outputsAsRecorded(
  realDir: string,
  { records, verdicts }: RecordedInPlace,
  stats = new OutputStatRecords(records),
): GoneOutputs[] | undefined {
  const gone: GoneOutputs[] = [];
  for (const [label, artifact, key] of verdicts) {
    const verdict = stats.verdict(label, artifact);
    if (verdict === undefined) return undefined;
    const now = verdictNow(realDir, verdict, stats);
    if (now === 'changed') return undefined;
    if (now === 'gone') gone.push({ artifact, key, files: verdictOutputs(verdict) });
  }
  return gone;
}

/** A job's in-place outputs gone whole: its hit's key and artifact, and the files to write back (Verdict). */
export interface GoneOutputs {
  artifact: string;
  key: string;
  files: Verdict['files'];
}
