import { formatProblem, type Graph } from '../../../src/graph/model.js';
import { parseGraphText } from '../../../src/graph/parse.js';

/** Labels for test jobs. */
export const A = 'a'.repeat(40);
export const B = 'b'.repeat(40);
export const C = 'c'.repeat(40);
export const D = 'd'.repeat(40);

/** A job as a Go producer writes it, with overrides. */
export function job(id: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ID: id, Name: name, Inputs: null, Deps: null, Cmds: [{ Exec: ['true'] }], ...extra };
}

/** The formatted problems of an invalid graph (given as text or as a value to stringify). */
export function problems(graph: unknown): string[] {
  const r = parseGraphText(typeof graph === 'string' ? graph : JSON.stringify(graph));
  if (r.ok) throw new Error('expected the graph to be invalid');
  return r.error.map(formatProblem);
}

/** The validated graph, or a thrown list of its problems. */
export function valid(graph: unknown): Graph {
  const r = parseGraphText(typeof graph === 'string' ? graph : JSON.stringify(graph));
  if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
  return r.value;
}
