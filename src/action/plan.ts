import type { Cache } from '../cache/cache.js';
import { selectJobs } from '../executor/select.js';
import type { Graph, GraphProblem, JobLabel } from '../graph/model.js';
import type { JobKey } from '../ids/brands.js';
import { keyGraph } from '../ids/job-key.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { assignShards, components, shardCount, shardMatrix } from './shards.js';

/** What plan mode found: the selected jobs, how many missed the cache, and the matrix to run them with. */
export interface Plan {
  total: number;
  missed: number;
  matrix: { shard: string[] };
}

/** What plan and shard both start from: the selected jobs (targets and their deps) and their keys. */
interface Keyed {
  selected: Set<JobLabel>;
  keys: Map<JobLabel, JobKey>;
}

async function selectAndKey(
  graph: Graph,
  sourceDir: string,
  salt: string,
  targets: readonly string[],
): Promise<Result<Keyed, GraphProblem[]>> {
  const selection = selectJobs(graph, targets);
  if (!selection.ok) return err(selection.error.map((message) => ({ field: 'targets', message })));
  const keys = await keyGraph(graph, sourceDir, salt);
  if (!keys.ok) return keys;
  return ok({ selected: selection.value.closure, keys: keys.value });
}

/** `mode: plan`: keys and one lookup, nothing built or downloaded; the missed work as a matrix of shards. */
export async function planShards(
  graph: Graph,
  o: { sourceDir: string; salt: string; targets: readonly string[] },
  cache: Cache,
): Promise<Result<Plan, GraphProblem[]>> {
  const keyed = await selectAndKey(graph, o.sourceDir, o.salt, o.targets);
  if (!keyed.ok) return keyed;
  const { selected, keys } = keyed.value;
  try {
    const hits = await cache.lookup([...new Set([...selected].map((l) => keys.get(l)!))]);
    const missed = (l: JobLabel): boolean => !hits.has(keys.get(l)!);
    const parts = components(graph, selected, keys);
    const missedJobs = [...selected].filter(missed).length;
    const count = shardCount(missedJobs, parts.filter((p) => p.some(missed)).length);
    return ok({ total: selected.size, missed: missedJobs, matrix: shardMatrix(count) });
  } finally {
    await cache.close();
  }
}

/**
 * `shard: i/n`: the labels of the jobs shard i builds (or restores), to be passed to the engine as targets.
 * Whole components, so the engine's dependency closure adds nothing another shard owns. See shards.ts.
 */
export async function shardTargets(
  graph: Graph,
  o: { sourceDir: string; salt: string; targets: readonly string[]; shard: { index: number; count: number } },
): Promise<Result<JobLabel[], GraphProblem[]>> {
  const keyed = await selectAndKey(graph, o.sourceDir, o.salt, o.targets);
  if (!keyed.ok) return keyed;
  const { selected, keys } = keyed.value;
  const shards = assignShards(components(graph, selected, keys), o.shard.count);
  return ok(shards[o.shard.index - 1] ?? []);
}
