import { describe, expect, it } from 'vitest';
import { findCycle, findCycles } from '../../../src/graph/cycles.js';
import { A, B, C, D, job, problems } from './graph-test-utils.js';

const graph = (edges: Record<string, string[]>): Map<string, string[]> => new Map(Object.entries(edges));

describe('findCycle', () => {
  it('returns undefined for an acyclic graph, diamonds included', () => {
    expect(findCycle(graph({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toBeUndefined();
  });

  it('returns the cycle in order, closed on its first node', () => {
    expect(findCycle(graph({ a: ['b'], b: ['c'], c: ['a'] }))).toEqual(['a', 'b', 'c', 'a']);
  });

  it('finds a node depending on itself', () => {
    expect(findCycle(graph({ a: [], b: ['b'] }))).toEqual(['b', 'b']);
  });

  it('gives the shortest cycle through the first node of the component', () => {
    const g = graph({ s: ['a'], a: ['b', 'x'], b: ['c'], c: ['a'], x: ['a'] });
    expect(findCycle(g)).toEqual(['a', 'x', 'a']);
  });

  it('ignores successors that are not nodes', () => {
    expect(findCycle(graph({ a: ['missing'], b: ['a'] }))).toBeUndefined();
  });

  it('reports one cycle per strongly connected component, in node order', () => {
    const g = graph({ p: ['q'], q: ['p'], r: ['s'], s: ['t'], t: ['r'], u: ['p', 'r'] });
    expect(findCycles(g)).toEqual([
      ['p', 'q', 'p'],
      ['r', 's', 't', 'r'],
    ]);
  });

  it('handles a 100,000-long chain without overflowing the stack', () => {
    const n = 100_000;
    const g = new Map<number, number[]>();
    for (let i = 0; i < n; i++) g.set(i, [i + 1 < n ? i + 1 : 0]);
    const cycle = findCycle(g)!;
    expect(cycle).toHaveLength(n + 1);
    expect(cycle.slice(0, 3)).toEqual([0, 1, 2]);
    g.set(n - 1, []);
    expect(findCycle(g)).toBeUndefined();
  });
});

describe('cycles in graphs', () => {
  it('lists the job names in order, naming the first job and its Deps entry', () => {
    expect(
      problems({
        Jobs: [
          job(A, 'alpha', { Deps: [D, B] }),
          job(B, 'beta', { Deps: [C] }),
          job(C, 'gamma', { Deps: [A] }),
          job(D, 'delta'),
        ],
      }),
    ).toEqual(['job "alpha" Deps[1]: dependency cycle: alpha -> beta -> gamma -> alpha']);
  });

  it('reports every cycle, alongside other problems', () => {
    const all = problems({
      Jobs: [
        job(A, 'a', { Deps: [A] }),
        job(B, 'b', { Deps: [C, 'f'.repeat(40)] }),
        job(C, 'c', { Deps: [B] }),
      ],
    });
    expect(all).toEqual([
      `job "b" Deps[1]: unknown dependency ${'f'.repeat(40)}`,
      'job "a" Deps[0]: dependency cycle: a -> a',
      'job "b" Deps[0]: dependency cycle: b -> c -> b',
    ]);
  });

  it('names a job without a Name by its label in the cycle', () => {
    const all = problems({
      Jobs: [
        { ID: A, Deps: [B], Cmds: [] },
        { ID: B, Name: 'b', Deps: [A] },
      ],
    });
    expect(all).toEqual([`job "${A}" Deps[0]: dependency cycle: ${A} -> b -> ${A}`]);
  });
});
