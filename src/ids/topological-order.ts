import type { Graph, Job, JobLabel } from '../graph/model.js';

/**
 * The jobs ordered so that every job comes after its dependencies (the validated graph is acyclic), starting from
 * the producer's order. Iterative, so a 100,000-deep chain does not overflow the stack.
 */
export function topologicalOrder(graph: Graph): Job[] {
  const order: Job[] = [];
  const seen = new Set<JobLabel>();
  const stack: { job: Job; next: number }[] = [];
  for (const root of graph.jobs) {
    if (seen.has(root.label)) continue;
    seen.add(root.label);
    stack.push({ job: root, next: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.job.deps.length) {
        const dep = top.job.deps[top.next++]!;
        if (seen.has(dep)) continue;
        seen.add(dep);
        stack.push({ job: graph.byLabel.get(dep)!, next: 0 });
      } else {
        order.push(top.job);
        stack.pop();
      }
    }
  }
  return order;
}
