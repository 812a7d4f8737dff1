/**
 * How the missed work of a graph is spread over the runners of a matrix (DESIGN.md §8).
 *
 * The plan has one fan-out: a **trunk** that the planning runner builds and saves first, then `n` **shards**
 * that restore the trunk from the cache and build the rest side by side. Real graphs are one connected
 * component around a few core libraries, so components alone give no parallelism; cutting the shared
 * ancestors out into the trunk splits the rest into many small components, which are dealt to shards by work.
 *
 * The trunk is always a prefix of the missed jobs sorted by the work that depends on them (their own plus all
 * their missed descendants'). A job's ancestors always weigh strictly more than the job, so every such prefix
 * holds its own dependencies: the planner never needs a shard's output. Among the prefixes and shard counts,
 * the plan with the smallest estimated makespan wins (fewer shards and a smaller trunk on ties): a shard must
 * save more than a runner's start-up costs, and one shard means the planner builds everything itself.
 *
 * Pure and deterministic: the same items give the same plan on every machine.
 */

/** One missed job. `deps` are indices of other missed items (dependencies that hit are free: restored). */
export interface WorkItem {
  /** Tie-breaker that is the same everywhere (the job's key). */
  id: string;
  deps: readonly number[];
  /** Estimated duration. */
  seconds: number;
}

export interface PartitionOptions {
  /** What starting one more runner costs before it does any work. */
  startupSeconds: number;
  maxShards: number;
  /** Jobs a runner runs at once. */
  cores: number;
}

export interface Partition {
  /** Items the planner builds before the shards start (ascending). */
  trunk: number[];
  /** Items each shard owns (ascending); `shards.length` is the number of runners of the matrix. */
  shards: number[][];
  /** Estimated wall time of planner + shards, and of one runner building everything (both with start-up). */
  estimateSeconds: number;
  singleRunnerSeconds: number;
}

/** Trunk sizes tried at most: enough to find the knee, cheap for 100,000 jobs. */
const MAX_CANDIDATES = 48;
/** Exact descendant sets cost items² bits; past this, an upper bound that keeps the ordering safe. */
const EXACT_LIMIT = 16_384;

export function partition(items: readonly WorkItem[], o: PartitionOptions): Partition {
  const m = items.length;
  const cores = Math.max(1, o.cores);
  const w = items.map((it) => Math.max(it.seconds, 1e-3));
  const order = topologicalOrder(items);
  const total = sum(w);
  const single = o.startupSeconds + Math.max(criticalPath(items, w, order, null), total / cores);
  const everythingOnPlanner: Partition = {
    trunk: order.slice().sort((a, b) => a - b),
    shards: [[]],
    estimateSeconds: single,
    singleRunnerSeconds: single,
  };
  if (m === 0) return { ...everythingOnPlanner, trunk: [], estimateSeconds: o.startupSeconds };
  if (o.maxShards < 2) return everythingOnPlanner;

  const weight = dependentWork(items, w, order);
  const byWeight = order
    .slice()
    .sort((a, b) => weight[b]! - weight[a]! || compare(items[a]!.id, items[b]!.id));
  let best = everythingOnPlanner;
  for (const size of candidateSizes(m)) {
    const inTrunk = new Uint8Array(m);
    for (let i = 0; i < size; i++) inTrunk[byWeight[i]!] = 1;
    const trunkSeconds =
      size === 0 ? 0 : Math.max(criticalPath(items, w, order, inTrunk), sumWhere(w, inTrunk, 1) / cores);
    const parts = components(items, w, order, inTrunk);
    for (const n of shardCounts(Math.min(o.maxShards, parts.length), parts.length)) {
      const loads = deal(parts, n, cores);
      const estimate = 2 * o.startupSeconds + trunkSeconds + Math.max(...loads.map((l) => l.seconds));
      if (estimate < best.estimateSeconds - 1e-9) {
        best = {
          trunk: byWeight.slice(0, size).sort((a, b) => a - b),
          shards: loads.map((l) => l.items.sort((a, b) => a - b)),
          estimateSeconds: estimate,
          singleRunnerSeconds: single,
        };
      }
    }
  }
  return best;
}

/** Indices in an order where every item comes after its dependencies. */
function topologicalOrder(items: readonly WorkItem[]): number[] {
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
function criticalPath(
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
function dependentWork(items: readonly WorkItem[], w: readonly number[], order: readonly number[]): number[] {
  const m = items.length;
  const out = new Array<number>(m).fill(0);
  const dependents: number[][] = items.map(() => []);
  items.forEach((it, i) => it.deps.forEach((d) => dependents[d]!.push(i)));
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

/** 0, every size up to 16, then sizes spread geometrically up to all but one item (fewer for huge graphs). */
function candidateSizes(m: number): number[] {
  const sizes = new Set<number>();
  for (let s = 0; s <= Math.min(16, m - 1); s++) sizes.add(s);
  const steps = (m > EXACT_LIMIT ? MAX_CANDIDATES / 2 : MAX_CANDIDATES) - sizes.size;
  for (let k = 1; k <= steps && m > 17; k++) sizes.add(Math.round(17 * ((m - 1) / 17) ** (k / steps)));
  return [...sizes].filter((s) => s < m).sort((a, b) => a - b);
}

/** Every shard count from 2 to `most`; only powers of two and `most` when dealing that many parts would be slow. */
function shardCounts(most: number, parts: number): number[] {
  const counts: number[] = [];
  for (let n = 2; n <= most; n++)
    if (parts * most < 50_000 || (n & (n - 1)) === 0 || n === most) counts.push(n);
  return counts;
}

interface Part {
  items: number[];
  work: number;
  criticalPath: number;
  /** Smallest id, for a deterministic order among equal parts. */
  id: string;
}

/** Connected components of the items outside the trunk, with their work and critical path. */
function components(
  items: readonly WorkItem[],
  w: readonly number[],
  order: readonly number[],
  inTrunk: Uint8Array,
): Part[] {
  const parent = Int32Array.from(items.keys());
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  items.forEach((it, i) => {
    if (inTrunk[i]) return;
    for (const d of it.deps) if (!inTrunk[d]) parent[find(d)] = find(i);
  });
  const finish = new Float64Array(items.length);
  const parts = new Map<number, Part>();
  for (const i of order) {
    if (inTrunk[i]) continue;
    let start = 0;
    for (const d of items[i]!.deps) if (!inTrunk[d]) start = Math.max(start, finish[d]!);
    finish[i] = start + w[i]!;
    const root = find(i);
    let part = parts.get(root);
    if (!part) parts.set(root, (part = { items: [], work: 0, criticalPath: 0, id: items[i]!.id }));
    part.items.push(i);
    part.work += w[i]!;
    part.criticalPath = Math.max(part.criticalPath, finish[i]!);
    if (compare(items[i]!.id, part.id) < 0) part.id = items[i]!.id;
  }
  return [...parts.values()].sort((a, b) => b.work - a.work || compare(a.id, b.id));
}

/** Largest part first to the shard that would finish first; a shard takes max(work / cores, longest chain). */
function deal(parts: readonly Part[], n: number, cores: number): { items: number[]; seconds: number }[] {
  const shards = Array.from({ length: n }, () => ({ items: [] as number[], work: 0, chain: 0, seconds: 0 }));
  for (const part of parts) {
    let target = shards[0]!;
    let targetAfter = Infinity;
    for (const s of shards) {
      const after = Math.max((s.work + part.work) / cores, s.chain, part.criticalPath);
      if (after < targetAfter - 1e-12 || (after < targetAfter + 1e-12 && s.work < target.work)) {
        target = s;
        targetAfter = after;
      }
    }
    target.items.push(...part.items);
    target.work += part.work;
    target.chain = Math.max(target.chain, part.criticalPath);
    target.seconds = targetAfter;
  }
  return shards;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const sumWhere = (xs: readonly number[], mask: Uint8Array, v: number): number =>
  xs.reduce((a, x, i) => (mask[i] === v ? a + x : a), 0);
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
