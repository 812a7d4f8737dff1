import type { Graph, JobLabel } from '../graph/model.js';

/**
 * Critical-path-first priorities: a job's priority is its own estimated duration plus the longest chain of
 * estimated durations among the jobs that depend on it, so the pool always starts the job that delays the end most.
 * Jobs with no recorded duration are estimated at the median of the known ones (1 when none is known), which
 * degrades to "number of dependents on the longest chain".
 */
export function criticalPathPriorities(
  graph: Graph,
  selected: ReadonlySet<JobLabel>,
  estimate: (label: JobLabel) => number | undefined,
): Map<JobLabel, number> {
  const known = [...selected].map(estimate).filter((d): d is number => d !== undefined);
  known.sort((a, b) => a - b);
  const fallback = known.length > 0 ? Math.max(1, known[Math.floor(known.length / 2)]!) : 1;

  const dependents = new Map<JobLabel, JobLabel[]>();
  const pendingDependents = new Map<JobLabel, number>();
  for (const label of selected) pendingDependents.set(label, 0);
  for (const label of selected) {
    for (const dep of graph.byLabel.get(label)!.deps) {
      if (!selected.has(dep)) continue;
      let list = dependents.get(dep);
      if (!list) dependents.set(dep, (list = []));
      list.push(label);
      pendingDependents.set(dep, pendingDependents.get(dep)! + 1);
    }
  }
  // Kahn's algorithm from the sinks upwards: iterative, so 100,000-job chains do not overflow the stack.
  const priority = new Map<JobLabel, number>();
  const ready = [...selected].filter((l) => pendingDependents.get(l) === 0);
  while (ready.length > 0) {
    const label = ready.pop()!;
    let longestAfter = 0;
    for (const d of dependents.get(label) ?? []) longestAfter = Math.max(longestAfter, priority.get(d)!);
    priority.set(label, (estimate(label) ?? fallback) + longestAfter);
    for (const dep of graph.byLabel.get(label)!.deps) {
      if (!selected.has(dep)) continue;
      const left = pendingDependents.get(dep)! - 1;
      pendingDependents.set(dep, left);
      if (left === 0) ready.push(dep);
    }
  }
  return priority;
}
