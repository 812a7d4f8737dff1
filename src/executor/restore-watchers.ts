import type { Graph, JobLabel } from '../graph/model.js';

/**
 * For each cache hit whose output a dependent may yet ask for, the dependents that may ask.
 *
 * A hit nobody needs the bytes of is reported `cached` at once. But a hit that some job restores (a dependent
 * that must build, an `--out-dir` target) may fail verification and be rebuilt, and then it is `built`: its
 * outcome must wait for the dependents that could cause that. A job may cause it when it misses, when its bytes
 * are wanted, or when it is itself such a hit (its own restore may fail and rebuild it). Empty — and free — for a
 * run where everything is cached and nothing is downloaded.
 */
export function restoreWatchers(
  graph: Graph,
  selected: readonly JobLabel[],
  isHit: (label: JobLabel) => boolean,
  wantBytes: ReadonlySet<JobLabel>,
): Map<JobLabel, JobLabel[]> {
  const active = new Set<JobLabel>(selected.filter((l) => !isHit(l) || wantBytes.has(l)));
  const watchers = new Map<JobLabel, JobLabel[]>();
  if (active.size === 0) return watchers;
  const inSelection = new Set(selected);
  const queue = [...active];
  for (let i = 0; i < queue.length; i++) {
    const label = queue[i]!;
    for (const dep of graph.byLabel.get(label)!.deps) {
      if (!inSelection.has(dep) || !isHit(dep)) continue;
      const list = watchers.get(dep);
      if (list) list.push(label);
      else watchers.set(dep, [label]);
      if (!active.has(dep)) {
        active.add(dep);
        queue.push(dep);
      }
    }
  }
  // A hit whose bytes are wanted is restored for its own sake: nothing to wait for.
  for (const l of wantBytes) watchers.delete(l);
  return watchers;
}
