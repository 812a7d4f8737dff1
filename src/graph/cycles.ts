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

/**
 * Components with more than one node, or one node depending on itself; nodes listed in the map's order. Nodes
 * are numbered once and the per-node state lives in typed arrays: on 100,000 jobs this is several times
 * cheaper, in time and memory, than maps keyed by node.
 */
function cyclicComponents<T>(deps: ReadonlyMap<T, readonly T[]>): T[][] {
  const nodes = [...deps.keys()];
  const number = new Map<T, number>();
  nodes.forEach((n, i) => number.set(n, i));
  const index = new Int32Array(nodes.length).fill(-1);
  const low = new Int32Array(nodes.length);
  const onStack = new Uint8Array(nodes.length);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  const visit = (v: number): void => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
  };
  for (let root = 0; root < nodes.length; root++) {
    if (index[root] !== -1) continue;
    const frames: { v: number; next: number }[] = [{ v: root, next: 0 }];
    visit(root);
    while (frames.length > 0) {
      const top = frames[frames.length - 1]!;
      const succ = deps.get(nodes[top.v]!)!;
      if (top.next < succ.length) {
        const w = number.get(succ[top.next++]!);
        if (w === undefined) continue;
        if (index[w] === -1) {
          visit(w);
          frames.push({ v: w, next: 0 });
        } else if (onStack[w]) low[top.v] = Math.min(low[top.v]!, index[w]!);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v]!, low[top.v]!);
      if (low[top.v] !== index[top.v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        component.push(w);
      } while (w !== top.v);
      if (component.length > 1 || succ.includes(nodes[top.v]!)) out.push(component.sort((a, b) => a - b));
    }
  }
  return out.sort((a, b) => a[0]! - b[0]!).map((c) => c.map((v) => nodes[v]!));
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
