import type { Graph, JobLabel } from '../graph/model.js';
import { globBase } from '../util/unescape-glob.js';
import type { OutputGlobs } from './in-place.js';

/**
 * Whether a file in the checkout that a job's output globs match, but its artifact lacks, is the output of a job
 * that depends on it (directly or not): that job runs later and writes last, so the file is its own, and the
 * earlier job must neither take it for a stale output of its own (remove it when it puts its artifact back) nor
 * count it against its outputs being in place. Before, a fully cached run of `build` (`dist/**`) and `bundle`
 * (`dist/bundle.js`, depending on `build`) removed `dist/bundle.js` for `bundle` to put back, every time, and a
 * run of `build` alone removed it.
 *
 * Only that judgement: what a job captures stays its own globs' (so its artifact, and its key, depend on nothing
 * but its own definition).
 *
 * Asked only about such extra files, which a run rarely finds: the jobs' output directories and their order are
 * indexed on the first question (one pass over the graph, no glob compiled), a job's matcher is compiled only when
 * its directory holds the file. Whether one job depends on another is answered first from the later job's own
 * dependencies (a bundle or a types task writing into the package it depends on); else by a walk that goes no lower
 * than the earlier job's place in a topological order, remembered for the next question about the same earlier
 * job (one glob over every package: one earlier job, many later ones). A job asked or walked through again and
 * again (a later job reaching many earlier ones only through others; the top of a chain that many later jobs
 * depend on) gets the set of every job it depends on, which answers for it from then on; the sets, and the walks'
 * memos, stay within a bound.
 */
export class LaterOwners {
  readonly #graph: Graph;
  readonly #globsOf: (label: JobLabel) => OutputGlobs | undefined;
  #index: { bases: Map<string, JobLabel[]>; order: Map<JobLabel, number> } | undefined;
  readonly #reaches = new Map<JobLabel, (later: JobLabel) => boolean>();
  readonly #direct = new Map<JobLabel, ReadonlySet<JobLabel>>();
  /**
   * How often a job was asked about, or walked through, for a job it does not depend on directly; and, past
   * WALKS, every job it depends on.
   */
  readonly #walks = new Map<JobLabel, number>();
  readonly #dependencies = new Map<JobLabel, ReadonlySet<JobLabel>>();
  #held = 0;
  /** The answers the walks' memos hold, in all. */
  #remembered = 0;

  /** `globsOf`: a job's own compiled output globs (undefined for a job without outputs). */
  constructor(graph: Graph, globsOf: (label: JobLabel) => OutputGlobs | undefined) {
    this.#graph = graph;
    this.#globsOf = globsOf;
  }

  /** Whether `path` is the output of a job that depends on `earlier`. */
  owns(earlier: JobLabel, path: string): boolean {
    const { order } = (this.#index ??= this.#build());
    const floor = order.get(earlier);
    if (floor === undefined) return false;
    return this.claimants(path, (later) => {
      return (
        later !== earlier &&
        order.get(later)! > floor &&
        this.#globsOf(later)?.matches(path) === true &&
        this.#dependsOn(later, earlier)
      );
    });
  }

  /**
   * Whether `test` holds for one of the jobs that have an output directory at or above `path` (the only ones
   * whose globs can match it): '', each directory on its way, the path itself.
   */
  claimants(path: string, test: (job: JobLabel) => boolean): boolean {
    const { bases } = (this.#index ??= this.#build());
    const claimed = (base: string): boolean => (bases.get(base) ?? []).some(test);
    if (claimed('')) return true;
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1))
      if (claimed(path.slice(0, i))) return true;
    return claimed(path);
  }

  #build(): { bases: Map<string, JobLabel[]>; order: Map<JobLabel, number> } {
    const bases = new Map<string, JobLabel[]>();
    for (const job of this.#graph.jobs) {
      for (const p of job.outputs ?? []) {
        if (p.startsWith('!')) continue;
        const base = globBase(p);
        const same = bases.get(base);
        if (same === undefined) bases.set(base, [job.label]);
        else if (same[same.length - 1] !== job.label) same.push(job.label);
      }
    }
    return { bases, order: topologicalOrder(this.#graph) };
  }

  /** Whether `later` depends on `earlier`, directly or not. */
  dependsOn(later: JobLabel, earlier: JobLabel): boolean {
    this.#index ??= this.#build();
    return this.#dependsOn(later, earlier);
  }

  #dependsOn(later: JobLabel, earlier: JobLabel): boolean {
    let direct = this.#direct.get(later);
    if (direct === undefined) {
      direct = new Set(this.#graph.byLabel.get(later)?.deps);
      this.#direct.set(later, direct);
    }
    if (direct.has(earlier)) return true;
    return this.#dependencySet(later)?.has(earlier) ?? this.#reachesFrom(earlier)(later);
  }

  /**
   * The set of every job `label` depends on, once walks have passed through it more than WALKS times (and the
   * sets held stay within HELD labels); undefined before.
   */
  #dependencySet(label: JobLabel): ReadonlySet<JobLabel> | undefined {
    const known = this.#dependencies.get(label);
    if (known !== undefined) return known;
    const walks = (this.#walks.get(label) ?? 0) + 1;
    this.#walks.set(label, walks);
    if (walks <= WALKS || this.#held >= HELD) return undefined;
    const dependencies = this.#dependenciesOf(label);
    this.#dependencies.set(label, dependencies);
    this.#held += dependencies.size;
    return dependencies;
  }

  /** Every job `label` depends on, directly or not. */
  #dependenciesOf(label: JobLabel): Set<JobLabel> {
    const seen = new Set<JobLabel>();
    const stack = [label];
    while (stack.length > 0) {
      for (const dep of this.#graph.byLabel.get(stack.pop()!)?.deps ?? []) {
        if (seen.has(dep)) continue;
        seen.add(dep);
        stack.push(dep);
      }
    }
    return seen;
  }

  /** Whether a job depends on `target`, directly or not; answers kept for the next question about `target`. */
  #reachesFrom(target: JobLabel): (later: JobLabel) => boolean {
    let reaches = this.#reaches.get(target);
    if (reaches) return reaches;
    const order = this.#index!.order;
    const floor = order.get(target)!;
    const memo = new Map<JobLabel, boolean>([[target, true]]);
    reaches = (start) => {
      if (memo.has(start)) return memo.get(start)!;
      const before = memo.size;
      // Iterative: a long chain of dependencies must not exhaust the stack. A path down to `target` passes only
      // jobs placed after it, so the walk goes no lower.
      const stack: [JobLabel, number][] = [[start, 0]];
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const [label, next] = top;
        const deps = this.#graph.byLabel.get(label)?.deps ?? [];
        if (memo.get(label) !== true && next < deps.length) {
          top[1]++;
          const dep = deps[next]!;
          if ((order.get(dep) ?? -1) < floor) continue;
          let known = memo.get(dep);
          if (known === undefined) {
            // A job many walks pass through (one that every later job depends on) answers from its set.
            known = this.#dependencySet(dep)?.has(target);
            if (known !== undefined) memo.set(dep, known);
          }
          if (known === true) memo.set(label, true);
          else if (known === undefined) stack.push([dep, 0]);
          continue;
        }
        if (!memo.has(label)) memo.set(label, false);
        stack.pop();
        // A dependency that reaches the target makes its dependent reach it too.
        if (memo.get(label) === true && stack.length > 0) memo.set(stack[stack.length - 1]![0], true);
      }
      const answer = memo.get(start)!;
      // The answers kept for every target stay within a bound: past it, they are forgotten and walked again.
      this.#remembered += memo.size - before;
      if (this.#remembered > HELD) {
        this.#reaches.clear();
        this.#remembered = 0;
      }
      return answer;
    };
    this.#reaches.set(target, reaches);
    return reaches;
  }
}

/** Walks for one later job before it gets the set of its dependencies, and the labels such sets may hold in all. */
const WALKS = 8;
const HELD = 1_000_000;

/** Each job's place in an order where dependencies come first (a valid graph has no cycle). */
function topologicalOrder(graph: Graph): Map<JobLabel, number> {
  const order = new Map<JobLabel, number>();
  const open = new Set<JobLabel>();
  for (const root of graph.jobs) {
    if (order.has(root.label)) continue;
    const stack: [JobLabel, number][] = [[root.label, 0]];
    open.add(root.label);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [label, next] = top;
      const deps = graph.byLabel.get(label)?.deps ?? [];
      if (next < deps.length) {
        top[1]++;
        const dep = deps[next]!;
        if (order.has(dep) || open.has(dep) || !graph.byLabel.has(dep)) continue;
        open.add(dep);
        stack.push([dep, 0]);
      } else {
        open.delete(label);
        order.set(label, order.size);
        stack.pop();
      }
    }
  }
  return order;
}
