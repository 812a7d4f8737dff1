/**
 * Dependency cycles. Every cycle is reported at once: one per strongly connected component (Tarjan's algorithm,
 * iterative so that a 100,000-deep chain does not overflow the stack), each as the shortest cycle through the
 * component's first node in the map's order, so that messages are short and stable.
 *
 * Deals with: nodes and their successors. Does not deal with: names or messages (validate.ts renders those).
 * Successors that are not keys of the map (unknown deps, reported elsewhere) are ignored.
 */

/** One cycle, as the nodes along it with the first repeated at the end (`a b c a`); undefined when acyclic. */
export function findCycle<T>(deps: ReadonlyMap<T, readonly T[]>): T[] | undefined {
  return findCycles(deps)[0];
}

/** One cycle per strongly connected component that has one, in the map's order of their first nodes. */
export function findCycles<T>(deps: ReadonlyMap<T, readonly T[]>): T[][] {
  const cycles: T[][] = [];
  for (const component of cyclicComponents(deps)) {
    const start = component[0]!;
    cycles.push(shortestCycleThrough(start, new Set(component), deps));
  }
  return cycles;
}

/** Components with more than one node, or one node depending on itself; nodes listed in the map's order. */
function cyclicComponents<T>(deps: ReadonlyMap<T, readonly T[]>): T[][] {
  const order = new Map<T, number>();
  for (const node of deps.keys()) order.set(node, order.size);
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const out: T[][] = [];
  for (const root of deps.keys()) {
    if (index.has(root)) continue;
    const frames: { node: T; next: number }[] = [{ node: root, next: 0 }];
    const visit = (node: T): void => {
      index.set(node, index.size);
      low.set(node, index.get(node)!);
      stack.push(node);
      onStack.add(node);
    };
    visit(root);
    while (frames.length > 0) {
      const top = frames[frames.length - 1]!;
      const succ = deps.get(top.node)!;
      if (top.next < succ.length) {
        const child = succ[top.next++]!;
        if (!deps.has(child)) continue;
        if (!index.has(child)) {
          visit(child);
          frames.push({ node: child, next: 0 });
        } else if (onStack.has(child)) {
          low.set(top.node, Math.min(low.get(top.node)!, index.get(child)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) !== index.get(top.node)) continue;
      const component: T[] = [];
      let n: T;
      do {
        n = stack.pop()!;
        onStack.delete(n);
        component.push(n);
      } while (n !== top.node);
      if (component.length > 1 || deps.get(top.node)!.includes(top.node)) {
        out.push(component.sort((a, b) => order.get(a)! - order.get(b)!));
      }
    }
  }
  return out.sort((a, b) => order.get(a[0]!)! - order.get(b[0]!)!);
}

/** Breadth-first search inside one component, from `start` back to it. */
function shortestCycleThrough<T>(start: T, within: ReadonlySet<T>, deps: ReadonlyMap<T, readonly T[]>): T[] {
  const parent = new Map<T, T>();
  let frontier = [start];
  while (frontier.length > 0) {
    const next: T[] = [];
    for (const node of frontier) {
      for (const child of deps.get(node)!) {
        if (child === start) return [...pathTo(node, start, parent), start];
        if (!within.has(child) || parent.has(child)) continue;
        parent.set(child, node);
        next.push(child);
      }
    }
    frontier = next;
  }
  // A strongly connected component always leads back to its start.
  throw new Error('no cycle through a node of a cyclic component');
}

function pathTo<T>(node: T, start: T, parent: ReadonlyMap<T, T>): T[] {
  const path = [node];
  for (let n = node; n !== start;) {
    n = parent.get(n)!;
    path.push(n);
  }
  return path.reverse();
}
