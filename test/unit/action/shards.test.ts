import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assignShards, components } from '../../../src/action/shards.js';
import type { Graph, JobLabel } from '../../../src/graph/model.js';
import { parseGraphText } from '../../../src/graph/parse.js';
import type { JobKey } from '../../../src/ids/brands.js';
import { graphJson, type JobSpec, labelOf } from '../../helpers/graph-json.js';

function graph(jobs: JobSpec[]): Graph {
  const r = parseGraphText(graphJson(jobs));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const job = (name: string, deps: string[] = []): JobSpec => ({ name, deps, cmds: [{ exec: ['true'] }] });
/** Content keys stand-in: a digest of the name, unrelated to the label. */
const keysOf = (g: Graph): Map<JobLabel, JobKey> =>
  new Map(g.jobs.map((j) => [j.label, createHash('sha1').update(`key:${j.name}`).digest('hex') as JobKey]));
const names = (g: Graph, labels: JobLabel[]): string[] => labels.map((l) => g.byLabel.get(l)!.name).sort();
const all = (g: Graph): Set<JobLabel> => new Set(g.jobs.map((j) => j.label));

describe('components', () => {
  const g = graph([job('a'), job('b', ['a']), job('c', ['a']), job('x'), job('y', ['x']), job('solo')]);

  it('groups jobs linked by deps in either direction, largest first', () => {
    const parts = components(g, all(g), keysOf(g));
    expect(parts.map((p) => names(g, p))).toEqual([['a', 'b', 'c'], ['x', 'y'], ['solo']]);
  });

  it('looks only at the selected jobs', () => {
    const selected = new Set([labelOf('a'), labelOf('b'), labelOf('solo')] as JobLabel[]);
    expect(components(g, selected, keysOf(g)).map((p) => names(g, p))).toEqual([['a', 'b'], ['solo']]);
  });

  it('orders equal-sized components by key, not by label or graph order', () => {
    const one = graph([job('p'), job('q'), job('r')]);
    const reversed = graph([job('r'), job('q'), job('p')]);
    const order = (x: Graph): string[] => components(x, all(x), keysOf(x)).map((p) => names(x, p)[0]!);
    expect(order(one)).toEqual(order(reversed));
    const byKey = [...keysOf(one)]
      .sort((a, b) => (a[1] < b[1] ? -1 : 1))
      .map(([l]) => one.byLabel.get(l)!.name);
    expect(order(one)).toEqual(byKey);
  });
});

describe('assignShards', () => {
  it('puts every job in exactly one shard, components whole, balanced', () => {
    const jobs: JobSpec[] = [];
    for (let c = 0; c < 20; c++) {
      jobs.push(job(`c${c}-root`));
      for (let i = 0; i < c % 4; i++) jobs.push(job(`c${c}-${i}`, [`c${c}-root`]));
    }
    const g = graph(jobs);
    const shards = assignShards(components(g, all(g), keysOf(g)), 3);
    const flat = shards.flat();
    expect(flat).toHaveLength(g.jobs.length);
    expect(new Set(flat).size).toBe(g.jobs.length);
    for (const s of shards) {
      const comps = new Set(names(g, s).map((n) => n.split('-')[0]));
      for (const c of comps)
        expect(names(g, s).filter((n) => n.startsWith(`${c}-`)).length).toBe(1 + (Number(c!.slice(1)) % 4));
    }
    const sizes = shards.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(3);
  });

  it('answers the same partition for the same graph and keys, whatever the job order', () => {
    const specs = [job('a'), job('b', ['a']), job('c'), job('d'), job('e', ['d'])];
    const g1 = graph(specs);
    const g2 = graph([...specs].reverse());
    const part = (g: Graph): string[][] =>
      assignShards(components(g, all(g), keysOf(g)), 2).map((s) => names(g, s));
    expect(part(g1)).toEqual(part(g2));
  });

  it('leaves extra shards empty rather than splitting a component', () => {
    const g = graph([job('a'), job('b', ['a'])]);
    expect(assignShards(components(g, all(g), keysOf(g)), 3).map((s) => s.length)).toEqual([2, 0, 0]);
  });
});
