import type { Graph, JobLabel } from '../graph/model.js';
import type { JobKey } from '../ids/brands.js';

/**
 * How `shard: i/n` splits a graph across the runners of a matrix when it is given no `plan` (DESIGN.md §8;
 * with a plan, the shards take their parts from it: see scale/partition.ts).
 *
 * The unit of work is a **connected component** of the selected jobs (jobs linked by `Deps` in either
 * direction). A component goes to one shard whole, so no shard ever builds a dependency that another shard
 * builds too: shards share nothing but the cache, and a component is never split across runners that start at
 * the same moment and could not see each other's saves. The price: a graph that is one component runs in one
 * shard.
 *
 * The partition depends only on the graph and the keys, never on what the cache holds, so every runner of the
 * matrix (and a re-run of one of them, after the others saved) computes the same assignment. Components are
 * weighed by their number of jobs and dealt largest first to the least loaded shard; ties are broken by the
 * smallest key of a component (producers' labels may be random from one graph generation to the next; keys
 * are content).
 */

/** The selected jobs, grouped into components (each sorted by key), largest first, then by smallest key. */
export function components(
  graph: Graph,
  selected: ReadonlySet<JobLabel>,
  keys: ReadonlyMap<JobLabel, JobKey>,
): JobLabel[][] {
  const parent = new Map<JobLabel, JobLabel>();
  const find = (l: JobLabel): JobLabel => {
    let root = l;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(l, root);
    return root;
  };
  for (const l of selected) parent.set(l, l);
  for (const l of selected) {
    for (const d of graph.byLabel.get(l)?.deps ?? []) {
      if (parent.has(d)) parent.set(find(d), find(l));
    }
  }
  const groups = new Map<JobLabel, JobLabel[]>();
  for (const l of selected) {
    const root = find(l);
    const g = groups.get(root);
    if (g) g.push(l);
    else groups.set(root, [l]);
  }
  const key = (l: JobLabel): string => keys.get(l) ?? l;
  const byKey = (a: JobLabel, b: JobLabel): number => compare(key(a), key(b));
  const list = [...groups.values()].map((g) => g.sort(byKey));
  return list.sort((a, b) => b.length - a.length || compare(key(a[0]!), key(b[0]!)));
}

/** Deals components to `count` shards; answers the jobs of each shard (index 0 is shard `1/count`). */
export function assignShards(parts: readonly JobLabel[][], count: number): JobLabel[][] {
  const shards: JobLabel[][] = Array.from({ length: count }, () => []);
  for (const part of parts) {
    let least = 0;
    for (let i = 1; i < count; i++) if (shards[i]!.length < shards[least]!.length) least = i;
    shards[least]!.push(...part);
  }
  return shards;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
