import { criticalPath, dependentsOf, dependentWork, EXACT_LIMIT, topologicalOrder } from './work-graph.js';

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
 * Then the tail of the chosen trunk is tried as **copies**: a trunk job that every shard needing it builds for
 * itself, so that no shard waits for the planner to build it. A copy is kept only when it makes the estimate
 * strictly shorter, within a bound on the work built more than once (`maxDuplicateShare`).
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
  /** Work that may be built more than once, as a share of all the missed work (default 0.1). */
  maxDuplicateShare?: number;
}

export interface Partition {
  /** Items the planner builds before the shards start (ascending). */
  trunk: number[];
  /**
   * Items each shard builds (ascending), copies included; `shards.length` is the number of runners of the
   * matrix.
   */
  shards: number[][];
  /** Items that more than one shard builds, each for itself, instead of waiting for the trunk (ascending). */
  copies: number[];
  /** Work built more than once: each copy's seconds times the number of shards building it, minus one. */
  duplicatedSeconds: number;
  /** Estimated wall time of planner + shards, and of one runner building everything (both with start-up). */
  estimateSeconds: number;
  singleRunnerSeconds: number;
}

/** Trunk sizes tried at most: enough to find the knee, cheap for 100,000 jobs. */
const MAX_CANDIDATES = 48;
/** Trunk jobs tried as copies, latest first: the cheap tail of a trunk is where a copy pays. */
const MAX_COPY_TRIALS = 32;

interface Ctx {
  items: readonly WorkItem[];
  w: readonly number[];
  order: readonly number[];
  dependents: readonly (readonly number[])[];
  o: PartitionOptions;
  cores: number;
}

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
    copies: [],
    duplicatedSeconds: 0,
    estimateSeconds: single,
    singleRunnerSeconds: single,
  };
  if (m === 0) return { ...everythingOnPlanner, trunk: [], estimateSeconds: o.startupSeconds };
  if (o.maxShards < 2) return everythingOnPlanner;

  const ctx: Ctx = { items, w, order, dependents: dependentsOf(items), o, cores };
  const weight = dependentWork(items, w, order);
  const byWeight = order
    .slice()
    .sort((a, b) => weight[b]! - weight[a]! || compare(items[a]!.id, items[b]!.id));
  let best = everythingOnPlanner;
  let bestTrunk: Uint8Array | undefined;
  for (const size of candidateSizes(m)) {
    const inTrunk = new Uint8Array(m);
    for (let i = 0; i < size; i++) inTrunk[byWeight[i]!] = 1;
    const plan = evaluate(ctx, inTrunk, new Uint8Array(m), null);
    if (plan && plan.estimateSeconds < best.estimateSeconds - 1e-9) {
      best = { ...plan, singleRunnerSeconds: single };
      bestTrunk = inTrunk;
    }
  }
  if (bestTrunk && best.trunk.length > 0) {
    best = withCopies(ctx, bestTrunk, best, (o.maxDuplicateShare ?? 0.1) * total);
  }
  return best;
}

/**
 * Takes trunk jobs out of the trunk, latest first, and lets every shard that needs one build it itself, when
 * that makes the estimate strictly shorter and the work built twice stays within `budget` seconds: a cheap job
 * the planner would otherwise build before any shard may start (DESIGN.md §8's bounded duplication). A job
 * leaves the trunk only after all its dependents did, so the trunk still never needs a shard's output.
 */
function withCopies(ctx: Ctx, inTrunk: Uint8Array, planned: Partition, budget: number): Partition {
  const trunk = Uint8Array.from(inTrunk);
  const copy = new Uint8Array(trunk.length);
  const n = planned.shards.length;
  let best = planned;
  let current = planned.estimateSeconds;
  const latestFirst = ctx.order.filter((i) => trunk[i] === 1).reverse();
  for (const x of latestFirst.slice(0, MAX_COPY_TRIALS)) {
    const deps = ctx.dependents[x]!;
    if (ctx.w[x]! > budget || deps.length === 0 || deps.some((d) => trunk[d] === 1)) continue;
    trunk[x] = 0;
    copy[x] = 1;
    const plan = evaluate(ctx, trunk, copy, n);
    // A step that only keeps the estimate is taken too (two parallel trunk jobs pay off only together), but
    // a plan is kept only when it is strictly shorter: ties go to the smaller duplication.
    if (plan && plan.duplicatedSeconds <= budget && plan.estimateSeconds < current + 1e-9) {
      current = plan.estimateSeconds;
      if (plan.estimateSeconds < best.estimateSeconds - 1e-9) {
        best = { ...plan, singleRunnerSeconds: planned.singleRunnerSeconds };
      }
    } else {
      trunk[x] = 1;
      copy[x] = 0;
    }
  }
  return best;
}

/** The best plan for this trunk and these copies over the shard counts worth trying (or exactly `n`). */
function evaluate(ctx: Ctx, inTrunk: Uint8Array, copy: Uint8Array, n: number | null): Partition | undefined {
  const { items, w, order, o, cores } = ctx;
  const trunkWork = sumWhere(w, inTrunk, 1);
  const trunkSeconds =
    trunkWork === 0 ? 0 : Math.max(criticalPath(items, w, order, inTrunk), trunkWork / cores);
  const parts = components(ctx, inTrunk, copy);
  const counts = n === null ? shardCounts(Math.min(o.maxShards, parts.length), parts.length) : [n];
  let best: Partition | undefined;
  for (const count of counts) {
    const loads = deal(parts, count, cores, w);
    const estimate = 2 * o.startupSeconds + trunkSeconds + Math.max(...loads.map((l) => l.seconds));
    if (best && estimate >= best.estimateSeconds - 1e-9) continue;
    const built = new Map<number, number>();
    for (const l of loads) for (const c of l.copies) built.set(c, (built.get(c) ?? 0) + 1);
    best = {
      trunk: [...inTrunk.keys()].filter((i) => inTrunk[i] === 1),
      shards: loads.map((l) => [...l.items, ...l.copies].sort((a, b) => a - b)),
      copies: [...built]
        .filter(([, k]) => k > 1)
        .map(([c]) => c)
        .sort((a, b) => a - b),
      duplicatedSeconds: [...built].reduce((s, [c, k]) => s + (k - 1) * w[c]!, 0),
      estimateSeconds: estimate,
      singleRunnerSeconds: 0,
    };
  }
  return best;
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
  /** Copied jobs the part needs (each shard holding the part builds them once). */
  copies: number[];
  work: number;
  /** Longest chain, copies included. */
  criticalPath: number;
  /** Longest chain among its copies alone. */
  copyDepth: number;
  /** Smallest id, for a deterministic order among equal parts. */
  id: string;
}

/**
 * Connected components of the items that are neither trunk nor copies, with their work and critical path.
 * Copies do not join components: each part that needs one gets its own.
 */
function components(ctx: Ctx, inTrunk: Uint8Array, copy: Uint8Array): Part[] {
  const { items, w, order } = ctx;
  const placed = (i: number): boolean => inTrunk[i] !== 1 && copy[i] !== 1;
  const parent = Int32Array.from(items.keys());
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  items.forEach((it, i) => {
    if (!placed(i)) return;
    for (const d of it.deps) if (placed(d)) parent[find(d)] = find(i);
  });
  const finish = new Float64Array(items.length);
  // The copies each copy needs, itself included (copies are few: at most MAX_COPY_TRIALS).
  const needs = new Map<number, number[]>();
  const parts = new Map<number, Part & { copySet: Set<number> }>();
  for (const i of order) {
    if (inTrunk[i] === 1) continue;
    let start = 0;
    for (const d of items[i]!.deps) if (inTrunk[d] !== 1) start = Math.max(start, finish[d]!);
    finish[i] = start + w[i]!;
    const copyDeps = items[i]!.deps.filter((d) => copy[d] === 1).flatMap((d) => needs.get(d)!);
    if (copy[i] === 1) {
      needs.set(i, [i, ...copyDeps]);
      continue;
    }
    const root = find(i);
    let part = parts.get(root);
    if (!part) {
      part = {
        items: [],
        copies: [],
        copySet: new Set(),
        work: 0,
        criticalPath: 0,
        copyDepth: 0,
        id: items[i]!.id,
      };
      parts.set(root, part);
    }
    part.items.push(i);
    part.work += w[i]!;
    part.criticalPath = Math.max(part.criticalPath, finish[i]!);
    for (const c of copyDeps) {
      part.copySet.add(c);
      part.copyDepth = Math.max(part.copyDepth, finish[c]!);
    }
    if (compare(items[i]!.id, part.id) < 0) part.id = items[i]!.id;
  }
  return (
    [...parts.values()]
      .map(({ copySet, ...part }) => ({ ...part, copies: [...copySet].sort((a, b) => a - b) }))
      // Among equal parts, those that need the same copies are dealt one after the other, before those that
      // need none: they can then share shards (and copies), and the others fill the gaps.
      .sort(
        (a, b) =>
          b.work - a.work ||
          Math.sign(b.copies.length) - Math.sign(a.copies.length) ||
          compareLists(a.copies, b.copies) ||
          compare(a.id, b.id),
      )
  );
}

interface Load {
  items: number[];
  copies: number[];
  seconds: number;
}

/**
 * Largest part first to the shard that would finish first; a shard takes max(work / cores, longest chain),
 * its work counting each copy it needs once, and no less than its copies' longest chain followed by its own
 * work (what depends on a copy waits for it; counting all of it as waiting keeps a copy from looking free).
 * A part that needs copies rather joins a shard that builds them already, while that shard stays within what
 * the busiest shard would take without copies plus one part's copies: copies are then built by few shards.
 */
function deal(parts: readonly Part[], n: number, cores: number, w: readonly number[]): Load[] {
  const copying = parts.some((p) => p.copies.length > 0);
  if (!copying) return dealWithin(parts, n, cores, w, null);
  const plain = Math.max(...dealWithin(parts, n, cores, w, null).map((l) => l.seconds));
  const copyWork = Math.max(...parts.map((p) => p.copies.reduce((t, c) => t + w[c]!, 0)));
  return dealWithin(parts, n, cores, w, plain + copyWork / cores);
}

/** `capacity` null: copies are ignored (a plain deal, to size the capacity). */
function dealWithin(
  parts: readonly Part[],
  n: number,
  cores: number,
  w: readonly number[],
  capacity: number | null,
): Load[] {
  const shards = Array.from({ length: n }, () => ({
    items: [] as number[],
    copies: new Set<number>(),
    work: 0,
    owned: 0,
    chain: 0,
    copyDepth: 0,
    seconds: 0,
  }));
  for (const part of parts) {
    let target = shards[0]!;
    let targetAfter = Infinity;
    let targetExtra = 0;
    let sticky = false;
    for (const s of shards) {
      let extra = 0;
      if (capacity !== null) for (const c of part.copies) if (!s.copies.has(c)) extra += w[c]!;
      const after = Math.max(
        (s.work + part.work + extra) / cores,
        s.chain,
        part.criticalPath,
        capacity === null ? 0 : Math.max(s.copyDepth, part.copyDepth) + (s.owned + part.work) / cores,
      );
      const joins = capacity !== null && part.copies.length > 0 && extra === 0 && after <= capacity + 1e-9;
      if (sticky && !joins) continue;
      if (
        (joins && !sticky) ||
        after < targetAfter - 1e-12 ||
        (after < targetAfter + 1e-12 && s.work < target.work)
      ) {
        target = s;
        targetAfter = after;
        targetExtra = extra;
        sticky = joins;
      }
    }
    target.items.push(...part.items);
    if (capacity !== null) for (const c of part.copies) target.copies.add(c);
    target.work += part.work + targetExtra;
    target.owned += part.work;
    target.copyDepth = Math.max(target.copyDepth, part.copyDepth);
    target.chain = Math.max(target.chain, part.criticalPath);
    target.seconds = targetAfter;
  }
  return shards.map((s) => ({ items: s.items, copies: [...s.copies], seconds: s.seconds }));
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const sumWhere = (xs: readonly number[], mask: Uint8Array, v: number): number =>
  xs.reduce((a, x, i) => (mask[i] === v ? a + x : a), 0);
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareLists = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
};
