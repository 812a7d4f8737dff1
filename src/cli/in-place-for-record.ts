/**
 * What the run that writes a record of a fully cached run (fully-cached.ts) vouches for of its in-place outputs. A
 * module apart from the record's checks (fully-cached-in-place.ts), which every answered run loads: only the run
 * that writes the record parses the index's listing here.
 */
import { OutputStatRecords } from '../executor/output-stat-records.js';
import type { WorkTreeListings } from '../ids/file-digest.js';
import { type IndexPaths, parseIndexListingWithPaths } from '../ids/git-output.js';
import { outputsAsRecorded } from './fully-cached-in-place.js';
import type { RecordedInPlace } from './fully-cached.js';

/**
 * The in-place outputs of a fully cached run, for its record; undefined when the record cannot vouch for them:
 * each job's must have been found in place, nothing written (`unchanged`: the artifact checked against), and be so
 * now by the record's own check. With the run's `lookups` when writing them back once gone (fully-cached-put-back.ts)
 * writes only what the full path writes: it leaves alone every file git tracks and every job's input
 * (InPlaceOutputs' protect), so no output may be one of those, and no submodule may be in the index (what those
 * track is not in the keys' `ls-files -s` of the source directory, `listings`). Each holds while the record does:
 * it compares that listing, and stands for the graph.
 */
export async function inPlaceForRecord(run: {
  records: string;
  realDir: string;
  jobs: readonly { label: string; key: string }[];
  unchanged: ReadonlyMap<string, string>;
  lookups: string[];
  listings: Pick<WorkTreeListings, 'indexPaths' | 'runs'>;
  inputs: () => ReadonlySet<string>;
}): Promise<RecordedInPlace | undefined> {
  const verdicts: RecordedInPlace['verdicts'] = [];
  for (const j of run.jobs) {
    const artifact = run.unchanged.get(j.label);
    if (artifact === undefined) return undefined;
    verdicts.push([j.label, artifact, j.key]);
  }
  const inPlace: RecordedInPlace = { records: run.records, verdicts };
  const stats = new OutputStatRecords(run.records);
  if (outputsAsRecorded(run.realDir, inPlace, stats)?.length !== 0) return undefined;
  const paths = await indexPaths(run.listings);
  if (paths === undefined || paths.gitlinks.length > 0) return inPlace;
  const tracked = new Set(paths.paths);
  const inputs = run.inputs();
  const likeFullPath = verdicts.every(([label, artifact]) =>
    stats
      .verdict(label, artifact)
      ?.files.every(([rel, sha256]) => sha256 === '' || !(tracked.has(rel) || inputs.has(rel))),
  );
  return likeFullPath ? { ...inPlace, lookups: run.lookups } : inPlace;
}

/**
 * The index's paths from the keys' listing: parsed once already for disbuild.json's runs (`indexPaths`), else
 * parsed here from the second of their calls (see workTreeCommands).
 */
async function indexPaths(l: Pick<WorkTreeListings, 'indexPaths' | 'runs'>): Promise<IndexPaths | undefined> {
  if (l.indexPaths !== undefined) {
    const parsed = await l.indexPaths;
    return parsed.ok ? parsed.value : undefined;
  }
  const run = await l.runs[1];
  return run?.code === 0 ? parseIndexListingWithPaths(run.out).paths : undefined;
}
