import type { JobLabel } from './model.js';

/**
 * Finds one dependency cycle, as the labels along it with the first repeated at the end (`a b c a`).
 * Iterative depth-first search with colours, so deep graphs do not overflow the stack.
 */
export function findCycle(deps: ReadonlyMap<JobLabel, readonly JobLabel[]>): JobLabel[] | undefined {
  const colour = new Map<JobLabel, 1 | 2>(); // 1: on the current path, 2: done
  for (const start of deps.keys()) {
    if (colour.has(start)) continue;
    const path: JobLabel[] = [];
    const stack: { label: JobLabel; next: number }[] = [{ label: start, next: 0 }];
    colour.set(start, 1);
    path.push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const children = deps.get(top.label) ?? [];
      if (top.next < children.length) {
        const child = children[top.next++]!;
        if (!deps.has(child)) continue;
        const c = colour.get(child);
        if (c === 1) return [...path.slice(path.indexOf(child)), child];
        if (c === undefined) {
          colour.set(child, 1);
          path.push(child);
          stack.push({ label: child, next: 0 });
        }
      } else {
        colour.set(top.label, 2);
        path.pop();
        stack.pop();
      }
    }
  }
  return undefined;
}
