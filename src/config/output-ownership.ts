import picomatch from 'picomatch';
import { unescapeGlob } from '../util/unescape-glob.js';

/** What the rule reads of a compiled job. */
export interface OwnershipJob {
  ID: string;
  Deps: readonly string[];
  Outputs?: readonly string[];
}

/**
 * The exclusions (`!glob`) each job's outputs get so that a file the outputs of two tasks match, one depending on
 * the other (`build`: `dist/**`, then `bundle`: `dist/bundle.js`), is the later task's: it runs later and writes
 * last. Written into the earlier job's `Outputs`, they are part of its key: a dependent that starts or stops
 * claiming a file changes what the earlier job's artifact holds, and so its key. Without them the earlier job
 * captured the file, took it for a stale output of its own, and every fully cached run removed it for the later
 * job to put back.
 *
 * A later job whose outputs have exclusions of their own claims nothing here: "its globs but not those" cannot be
 * said as one more exclusion of the earlier job. Jobs that do not depend on one another get nothing: they must not
 * write the same files. Cost: jobs whose output directories do not lie in one another (one per package) are
 * compared through a sorted list of those directories, not pairwise; reachability is asked only of the rest, with
 * one memo per earlier job. Empty when the dependencies have a cycle (reported elsewhere).
 */
export function ownershipExclusions(jobs: readonly OwnershipJob[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const withOutputs = jobs.filter((j) => (j.Outputs ?? []).some((p) => !p.startsWith('!')));
  if (withOutputs.length < 2) return out;
  const index = topologicalIndex(jobs);
  if (index === undefined) return out;
  const byId = new Map(jobs.map((j) => [j.ID, j]));
  const bases = new Map<string, string[]>();
  for (const j of withOutputs) bases.set(j.ID, positives(j).map(baseOf));
  const sorted = [...bases].flatMap(([id, bs]) => bs.map((b): [string, string] => [b, id]));
  sorted.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const exact = new Map<string, string[]>();
  for (const [b, id] of sorted) {
    const same = exact.get(b);
    if (same) same.push(id);
    else exact.set(b, [id]);
  }
  for (const earlier of withOutputs) {
    const claims = new Set<string>();
    let reaches: ((id: string) => boolean) | undefined;
    for (const id of meeting(bases.get(earlier.ID)!, exact, sorted)) {
      const later = byId.get(id)!;
      if (id === earlier.ID || index.get(id)! <= index.get(earlier.ID)!) continue;
      if ((later.Outputs ?? []).some((p) => p.startsWith('!'))) continue;
      reaches ??= reachesFrom(earlier.ID, byId, index);
      if (reaches(id)) for (const p of positives(later)) claims.add(`!${p}`);
    }
    if (claims.size > 0) out.set(earlier.ID, [...claims].sort());
  }
  return out;
}

function positives(j: OwnershipJob): string[] {
  return (j.Outputs ?? []).filter((p) => !p.startsWith('!'));
}

/** The directory (or literal path) below which a glob's matches lie; '' for the whole tree. */
function baseOf(glob: string): string {
  const scan = picomatch.scan(glob);
  return unescapeGlob(scan.isGlob ? scan.base : glob);
}

/** The jobs with a base above, at or below one of `own`. */
function meeting(
  own: readonly string[],
  exact: ReadonlyMap<string, string[]>,
  sorted: readonly [string, string][],
): Set<string> {
  const found = new Set<string>();
  for (const base of own) {
    for (const id of exact.get('') ?? []) found.add(id);
    for (let i = base.indexOf('/'); ; i = base.indexOf('/', i + 1)) {
      for (const id of exact.get(i < 0 ? base : base.slice(0, i)) ?? []) found.add(id);
      if (i < 0) break;
    }
    // Bases below it: sorted, they follow `base/` until the first that does not start with it.
    const under = base === '' ? '' : `${base}/`;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]![0] < under) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i]![0].startsWith(under); i++) found.add(sorted[i]![1]);
  }
  return found;
}

/** Each job's place in an order where dependencies come first; undefined on a cycle or an unknown dependency. */
function topologicalIndex(jobs: readonly OwnershipJob[]): Map<string, number> | undefined {
  const byId = new Map(jobs.map((j) => [j.ID, j]));
  const index = new Map<string, number>();
  const state = new Map<string, 'open' | 'done'>();
  for (const root of jobs) {
    if (state.has(root.ID)) continue;
    const stack: [OwnershipJob, number][] = [[root, 0]];
    state.set(root.ID, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [job, next] = top;
      if (next < job.Deps.length) {
        top[1]++;
        const dep = byId.get(job.Deps[next]!);
        if (dep === undefined) return undefined;
        const s = state.get(dep.ID);
        if (s === 'open') return undefined;
        if (s === undefined) {
          state.set(dep.ID, 'open');
          stack.push([dep, 0]);
        }
      } else {
        state.set(job.ID, 'done');
        index.set(job.ID, index.size);
        stack.pop();
      }
    }
  }
  return index;
}

/**
 * Whether a job depends on `target`, directly or not. A path down to it passes only jobs placed after it, so
 * the walk goes no lower; answers are kept for the next question about the same target.
 */
function reachesFrom(
  target: string,
  byId: ReadonlyMap<string, OwnershipJob>,
  index: ReadonlyMap<string, number>,
): (id: string) => boolean {
  const floor = index.get(target)!;
  const memo = new Map<string, boolean>([[target, true]]);
  const reaches = (start: string): boolean => {
    if (memo.has(start)) return memo.get(start)!;
    // Iterative: a long chain of dependencies must not exhaust the stack.
    const stack: [string, number][] = [[start, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [id, next] = top;
      const deps = byId.get(id)!.Deps;
      if (memo.get(id) !== true && next < deps.length) {
        top[1]++;
        const dep = deps[next]!;
        if (index.get(dep)! < floor) continue;
        const known = memo.get(dep);
        if (known === true) memo.set(id, true);
        else if (known === undefined) stack.push([dep, 0]);
        continue;
      }
      if (!memo.has(id)) memo.set(id, false);
      stack.pop();
      // A dependency that reaches the target makes its dependent reach it too.
      if (memo.get(id) === true && stack.length > 0) memo.set(stack[stack.length - 1]![0], true);
    }
    return memo.get(start)!;
  };
  return reaches;
}
