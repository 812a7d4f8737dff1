import { quoted } from '../util/printable.js';
import type { Graph, JobLabel } from '../graph/model.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';

/** The jobs the user asked for, and those plus everything they depend on. */
export interface Selection {
  roots: JobLabel[];
  closure: Set<JobLabel>;
}

/** Compiles a target glob into a test of job names. */
export type GlobMatcher = (glob: string) => (name: string) => boolean;

/**
 * The jobs a run covers: the targets (names or globs, compiled by `glob`; all jobs when empty) and everything
 * they depend on. A target that matches no job is an error naming it, so a typo never becomes a silent no-op.
 */
export function selectWith(
  graph: Graph,
  targets: readonly string[],
  glob: GlobMatcher,
): Result<Selection, string[]> {
  if (targets.length === 0) {
    const all = graph.jobs.map((j) => j.label);
    return ok({ roots: all, closure: new Set(all) });
  }
  const roots: JobLabel[] = [];
  const problems: string[] = [];
  for (const target of targets) {
    const isMatch = glob(target);
    // A disbuild.json task name stands for that task in every package (`build` is `@scope/a#build`, …).
    const inPackages = `#${target}`;
    const matched = graph.jobs.filter(
      (j) => j.name === target || j.label === target || isMatch(j.name) || j.name.endsWith(inPackages),
    );
    if (matched.length === 0) problems.push(`target ${quoted(target)} matches no job name`);
    for (const j of matched) roots.push(j.label);
  }
  if (problems.length > 0) return err(problems);
  return ok({ roots: [...new Set(roots)], closure: dependencyClosure(graph, roots) });
}

/** `roots` and every job they transitively depend on. */
export function dependencyClosure(graph: Graph, roots: readonly JobLabel[]): Set<JobLabel> {
  const seen = new Set<JobLabel>();
  const stack = [...roots];
  while (stack.length > 0) {
    const label = stack.pop()!;
    if (seen.has(label)) continue;
    seen.add(label);
    for (const dep of graph.byLabel.get(label)?.deps ?? []) stack.push(dep);
  }
  return seen;
}
