import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LaterOwners } from '../../../src/executor/later-owners.js';
import { compileOutputGlobs } from '../../../src/executor/output-globs.js';
import type { Graph, Job, JobLabel } from '../../../src/graph/model.js';

const label = (name: string): JobLabel => createHash('sha1').update(name).digest('hex') as JobLabel;
const job = (name: string, outputs: string[] | undefined, deps: string[] = []): Job => ({
  label: label(name),
  name,
  inputs: [],
  deps: deps.map(label),
  cmds: [],
  ...(outputs ? { outputs } : {}),
});

function owners(jobs: Job[]): { owns: (earlier: string, path: string) => boolean; compiled: string[] } {
  const graph: Graph = { sourceFiles: new Map(), jobs, byLabel: new Map(jobs.map((j) => [j.label, j])) };
  const compiled: string[] = [];
  const globs = new Map<JobLabel, ReturnType<typeof compileOutputGlobs>>();
  const o = new LaterOwners(graph, (l) => {
    const outputs = graph.byLabel.get(l)?.outputs;
    if (!outputs) return undefined;
    if (!globs.has(l)) {
      compiled.push(graph.byLabel.get(l)!.name);
      globs.set(l, compileOutputGlobs(outputs));
    }
    return globs.get(l);
  });
  return { owns: (earlier, path) => o.owns(label(earlier), path), compiled };
}

describe('LaterOwners', () => {
  it('gives a file two dependent jobs match to the later one, whatever the shape of their globs', () => {
    const { owns } = owners([
      job('a', ['dist/**']),
      job('b', ['dist/bundle.js'], ['a']),
      // Depends on `a` through a job without outputs; a glob over the whole tree.
      job('plain', undefined, ['b']),
      job('c', ['**/*.md'], ['plain']),
      // Neither depends on `a` nor `a` on it.
      job('d', ['dist/sub/**']),
      // A directory beside `dist`: no say over `a`'s files.
      job('e', ['dist2/**'], ['a']),
      // Exclusions of its own: what it excludes stays `a`'s.
      job('f', ['dist/gen/**', '!dist/gen/keep/**'], ['a']),
    ]);
    expect(owns('a', 'dist/bundle.js')).toBe(true);
    expect(owns('a', 'dist/docs/x.md')).toBe(true);
    // `c` depends on `b` too.
    expect(owns('b', 'dist/bundle.md')).toBe(true);
    // Asked about a third earlier job, `c` answers from the set of its dependencies: `d` is not one.
    expect(owns('d', 'dist/sub/x.md')).toBe(false);
    expect(owns('a', 'dist/sub/y.txt')).toBe(false);
    expect(owns('a', 'dist/gen/x.js')).toBe(true);
    expect(owns('a', 'dist/gen/keep/x.js')).toBe(false);
    expect(owns('a', 'dist/index.js')).toBe(false);
    // The later job never gives its files to an earlier one.
    expect(owns('b', 'dist/bundle.js')).toBe(false);
  });

  it('compiles only the globs of jobs whose directories hold the file', () => {
    const jobs = [job('a', ['pkg0/dist/**'])];
    for (let i = 1; i < 50; i++) jobs.push(job(`p${i}`, [`pkg${i}/dist/**/*.js`], ['a']));
    const { owns, compiled } = owners(jobs);
    expect(owns('a', 'pkg0/dist/x.js')).toBe(false);
    expect(compiled).toEqual([]);
  });

  it('answers in linear time on a long chain under one glob over every job', () => {
    const n = 4000;
    const jobs = [job('gen', ['**/*.gen.ts'])];
    for (let i = 0; i < n; i++) jobs.push(job(`p${i}`, [`pkg${i}/dist/**`], [i === 0 ? 'gen' : `p${i - 1}`]));
    const { owns } = owners(jobs);
    const started = performance.now();
    const answers = new Set<boolean>();
    for (let i = 0; i < n; i++) answers.add(owns('gen', `pkg${i}/dist/x.gen.ts`));
    for (let i = 0; i < n; i += 100) answers.add(!owns(`p${i}`, `pkg${i}/dist/x.gen.ts`));
    expect(performance.now() - started).toBeLessThan(1000);
    expect([...answers]).toEqual([true]);
  });

  it('answers in linear time when one job that depends on every package claims a file in each', () => {
    const n = 10000;
    const jobs: Job[] = [];
    for (let i = 0; i < n; i++) jobs.push(job(`p${i}`, [`pkg${i}/dist/**`], i === 0 ? [] : [`p${i - 1}`]));
    // Half of them directly, half through a job of their own.
    const through = jobs.filter((_, i) => i % 2 === 1).map((p) => job(`app-${p.name}`, undefined, [p.name]));
    const direct = jobs.filter((_, i) => i % 2 === 0).map((p) => p.name);
    jobs.push(...through, job('bundle', ['pkg*/dist/bundle.js'], [...direct, ...through.map((a) => a.name)]));
    // Matched by the bundle's glob, not one of its dependencies.
    jobs.push(job('lone', ['pkg-lone/dist/**']));
    const { owns } = owners(jobs);
    const started = performance.now();
    const answers = new Set<boolean>();
    for (let i = 0; i < n; i++) answers.add(owns(`p${i}`, `pkg${i}/dist/bundle.js`));
    answers.add(!owns('p7', 'pkg7/dist/index.js'));
    answers.add(!owns('lone', 'pkg-lone/dist/bundle.js'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect([...answers]).toEqual([true]);
  });

  it('answers in linear time, with bounded memory, when every package has a later job above a long chain', () => {
    // p0 ← p1 ← … ← p(n-1), and for each package a job depending on the top of the chain that claims a file in it:
    // each later job is asked once, each walk from it goes down the chain. Before, every walk was kept whole
    // (n²/2 answers: 4.4 s and 343 MB of heap at 4,000 packages).
    const n = 10000;
    const jobs: Job[] = [];
    for (let i = 0; i < n; i++) jobs.push(job(`p${i}`, [`pkg${i}/dist/**`], i === 0 ? [] : [`p${i - 1}`]));
    for (let i = 0; i < n; i++) jobs.push(job(`gen${i}`, [`pkg${i}/dist/*.gen`], [`p${n - 1}`]));
    const { owns } = owners(jobs);
    const started = performance.now();
    const answers = new Set<boolean>();
    for (let i = 0; i < n; i++) answers.add(owns(`p${i}`, `pkg${i}/dist/x.gen`));
    answers.add(!owns(`p${n - 1}`, `pkg${n - 1}/dist/x.js`));
    // Linear: 0.7 s on a quiet machine, 3 s on a loaded one; the quadratic walk took 4.4 s at 4,000 packages.
    expect(performance.now() - started).toBeLessThan(8000);
    expect([...answers]).toEqual([true]);
  });

  it('finds the directory of a package whose name holds braces', () => {
    const { owns } = owners([
      job('a', ['pkg/a\\{b\\}/dist/**']),
      job('b', ['pkg/a\\{b\\}/dist/*.js'], ['a']),
    ]);
    expect(owns('a', 'pkg/a{b}/dist/b.js')).toBe(true);
  });
});
