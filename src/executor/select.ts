import picomatch from 'picomatch';
import type { Graph } from '../graph/model.js';
import type { Result } from '../util/result.js';
import { type Selection, selectWith } from './select-core.js';

export { dependencyClosure, type Selection } from './select-core.js';

/**
 * The jobs a run covers: the targets (names or globs; all jobs when empty) and everything they depend on.
 * A target that matches no job is an error naming it, so a typo never becomes a silent no-op. The glob matcher
 * is loaded with this module; a run without targets uses select-core.ts alone.
 */
export function selectJobs(graph: Graph, targets: readonly string[]): Result<Selection, string[]> {
  return selectWith(graph, targets, (g) => picomatch(g, { dot: true }));
}
