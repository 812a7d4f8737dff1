import { describe, expect, it } from 'vitest';
import { selectJobs } from '../../../src/executor/select.js';
import type { Graph, Job, JobLabel } from '../../../src/graph/model.js';

const job = (n: number, name: string, deps: number[] = []): Job => ({
  label: String(n).repeat(40) as JobLabel,
  name,
  inputs: [],
  deps: deps.map((d) => String(d).repeat(40) as JobLabel),
  cmds: [],
});

describe('selectJobs', () => {
  const jobs = [job(1, '@x/a#build'), job(2, '@x/b#build', [1]), job(3, '@x/b#test', [2]), job(4, 'lint')];
  const graph: Graph = { sourceFiles: new Map(), jobs, byLabel: new Map(jobs.map((j) => [j.label, j])) };
  const names = (targets: string[]): string[] => {
    const r = selectJobs(graph, targets);
    if (!r.ok) throw new Error(r.error.join());
    return jobs.filter((j) => r.value.closure.has(j.label)).map((j) => j.name);
  };

  it('takes a disbuild.json task name for that task in every package', () => {
    expect(names(['build'])).toEqual(['@x/a#build', '@x/b#build']);
    expect(names(['test'])).toEqual(['@x/a#build', '@x/b#build', '@x/b#test']);
    expect(names(['lint'])).toEqual(['lint']);
    expect(selectJobs(graph, ['nope']).ok).toBe(false);
  });
});
