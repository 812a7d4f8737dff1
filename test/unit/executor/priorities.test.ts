import { describe, expect, it } from 'vitest';
import type { Graph, Job, JobLabel } from '../../../src/graph/model.js';
import { criticalPathPriorities } from '../../../src/executor/priorities.js';
import { dependencyClosure } from '../../../src/executor/select.js';

function graphOf(edges: Record<string, string[]>): Graph {
  const jobs: Job[] = Object.entries(edges).map(([name, deps]) => ({
    label: name as JobLabel,
    name,
    inputs: [],
    deps: deps as JobLabel[],
    cmds: [],
  }));
  return { sourceFiles: new Map(), jobs, byLabel: new Map(jobs.map((j) => [j.label, j])) };
}

describe('criticalPathPriorities', () => {
  it('weighs a job by the longest chain of durations it delays', () => {
    // a -> c (long) and b -> d (short): a must go first even though b was declared first.
    const g = graphOf({ b: [], a: [], d: ['b'], c: ['a'] });
    const durations: Record<string, number> = { a: 10, b: 10, c: 100, d: 1 };
    const p = criticalPathPriorities(g, new Set(g.jobs.map((j) => j.label)), (l) => durations[l]);
    expect(p.get('a' as JobLabel)).toBe(110);
    expect(p.get('b' as JobLabel)).toBe(11);
    expect(p.get('c' as JobLabel)).toBe(100);
  });

  it('falls back to the median known duration, and to chain length when nothing is known', () => {
    const g = graphOf({ a: [], b: ['a'], c: ['b'], x: [] });
    const p = criticalPathPriorities(g, new Set(g.jobs.map((j) => j.label)), () => undefined);
    expect([
      p.get('a' as JobLabel),
      p.get('b' as JobLabel),
      p.get('c' as JobLabel),
      p.get('x' as JobLabel),
    ]).toEqual([3, 2, 1, 1]);
  });

  it('handles a 100,000-job chain without deep recursion', () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 100_000; i++) edges[`j${i}`] = i === 0 ? [] : [`j${i - 1}`];
    const g = graphOf(edges);
    const all = dependencyClosure(g, ['j99999' as JobLabel]);
    expect(all.size).toBe(100_000);
    expect(criticalPathPriorities(g, all, () => 1).get('j0' as JobLabel)).toBe(100_000);
  });
});
