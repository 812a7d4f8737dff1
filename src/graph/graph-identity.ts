import type { Graph } from './model.js';

/**
 * What a graph object holds, as a digest: that of its validated form as the validated-graph cache keeps it (every
 * job, field for field; validated-graph-cache.ts), known for a graph read from that cache or written to it. Kept
 * beside the object rather than in it, so that a graph built from another (a selection, a shard, a spread copy)
 * never carries an identity that is not its own.
 */
const identities = new WeakMap<Graph, string>();

/** Records that `graph` holds what the validated form whose digest is `digest` holds. */
export function rememberGraphIdentity(graph: Graph, digest: string): void {
  identities.set(graph, digest);
}

/** The identity recorded for this very object, or undefined (then it is known by its content only). */
export function graphIdentity(graph: Graph): string | undefined {
  return identities.get(graph);
}
