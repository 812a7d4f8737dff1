import type { WorkItem } from './partition.js';

/** Graph arithmetic over missed work items, shared by the partitioner and its copy refinement. */

/** Exact descendant sets cost items² bits; past this, an upper bound that keeps the ordering safe. */
export const EXACT_LIMIT = 16_384;

/** Indices in an order where every item comes after its dependencies. */
export function topologicalOrder(items: readonly WorkItem[]): number[] {
  const pending = items.map((it) => it.deps.length);
  const dependents: number[][] = items.map(() => []);
  items.forEach((it, i) => it.deps.forEach((d) => dependents[d]!.push(i)));
  const order: number[] = [];
  items.forEach((_, i) => {
    if (pending[i] === 0) order.push(i);
  });
  for (let k = 0; k < order.length; k++) {
    for (const j of dependents[order[k]!]!) if (--pending[j]! === 0) order.push(j);
  }
  if (order.length !== items.length) throw new Error('partition: the work items have a cycle');
  return order;
}

/** Longest chain of work among the items with `mask[i] === 1` (all items when `mask` is null). */
export function criticalPath(
  items: readonly WorkItem[],
  w: readonly number[],
  order: readonly number[],
  mask: Uint8Array | null,
): number {
  const finish = new Float64Array(items.length);
  let longest = 0;
  for (const i of order) {
    if (mask && mask[i] !== 1) continue;
    let start = 0;
    for (const d of items[i]!.deps) if (!mask || mask[d] === 1) start = Math.max(start, finish[d]!);
    finish[i] = start + w[i]!;
    longest = Math.max(longest, finish[i]!);
  }
  return longest;
}

/**
 * The work that waits for each item: its own and all its descendants'. Exact (bit sets) for graphs up to
 * EXACT_LIMIT items; beyond, the sum over dependents, which overcounts shared descendants but keeps the one
 * property the trunk needs: an item always weighs strictly more than any of its dependents.
 */
export function dependentWork(
  items: readonly WorkItem[],
  w: readonly number[],
  order: readonly number[],
): number[] {
  const m = items.length;
  const out = new Array<number>(m).fill(0);
  const dependents = dependentsOf(items);
  if (m > EXACT_LIMIT) {
    for (let k = m - 1; k >= 0; k--) {
      const i = order[k]!;
      out[i] = w[i]! + dependents[i]!.reduce((s, j) => s + out[j]!, 0);
    }
    return out;
  }
  const words = Math.ceil(m / 32);
  const sets: Uint32Array[] = new Array<Uint32Array>(m);
  for (let k = m - 1; k >= 0; k--) {
    const i = order[k]!;
    const set = new Uint32Array(words);
    set[i >>> 5]! |= 1 << (i & 31);
    for (const j of dependents[i]!) {
      const other = sets[j]!;
      for (let x = 0; x < words; x++) set[x]! |= other[x]!;
    }
    sets[i] = set;
  }
  for (let i = 0; i < m; i++) {
    const set = sets[i]!;
    let total = 0;
    for (let x = 0; x < words; x++) {
      let bits = set[x]!;
      while (bits !== 0) {
        const low = bits & -bits;
        total += w[(x << 5) + 31 - Math.clz32(low)]!;
        bits ^= low;
      }
    }
    out[i] = total;
  }
  return out;
}

/** For each item, the items that list it as a dependency. */
export function dependentsOf(items: readonly WorkItem[]): number[][] {
  const dependents: number[][] = items.map(() => []);
  items.forEach((it, i) => it.deps.forEach((d) => dependents[d]!.push(i)));
  return dependents;
}
