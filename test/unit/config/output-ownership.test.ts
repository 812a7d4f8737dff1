import { describe, expect, it } from 'vitest';
import { type OwnershipJob, ownershipExclusions } from '../../../src/config/output-ownership.js';

const job = (ID: string, Outputs: string[] | undefined, Deps: string[] = []): OwnershipJob => ({
  ID,
  Deps,
  ...(Outputs ? { Outputs } : {}),
});

describe('ownershipExclusions', () => {
  it('gives a file two dependent jobs match to the later one, whatever the shape of their globs', () => {
    const jobs = [
      job('a', ['dist/**']),
      job('b', ['dist/bundle.js', 'dist/bundle.js/**'], ['a']),
      // Depends on `a` through a job without outputs; a glob over the whole tree.
      job('plain', undefined, ['b']),
      job('c', ['**/*.md'], ['plain']),
      // Not depending on `a`, nor `a` on it: no claim either way.
      job('d', ['dist/sub/**']),
      // A directory beside `dist`, not below it.
      job('e', ['dist2/**'], ['a']),
      // Exclusions of its own: "its globs but not those" is not one exclusion of `a`'s.
      job('f', ['dist/gen/**', '!dist/gen/keep/**'], ['a']),
    ];
    expect(Object.fromEntries(ownershipExclusions(jobs))).toEqual({
      a: ['!**/*.md', '!dist/bundle.js', '!dist/bundle.js/**'],
      b: ['!**/*.md'],
    });
  });

  it('nothing for jobs whose directories do not meet, nor for a cycle', () => {
    const packages = Array.from({ length: 50 }, (_, i) =>
      job(`p${i}`, [`pkg${i}/dist/**`], i > 0 ? [`p${i - 1}`] : []),
    );
    expect(ownershipExclusions(packages).size).toBe(0);
    expect(ownershipExclusions([job('x', ['out/**'], ['y']), job('y', ['out/y.txt'], ['x'])]).size).toBe(0);
  });

  it('stays linear on a long chain under one glob that covers every job', () => {
    const n = 4000;
    const jobs = [job('gen', ['**/*.gen.ts'])];
    for (let i = 0; i < n; i++) jobs.push(job(`p${i}`, [`pkg${i}/dist/**`], [i === 0 ? 'gen' : `p${i - 1}`]));
    const started = performance.now();
    const r = ownershipExclusions(jobs);
    expect(performance.now() - started).toBeLessThan(2000);
    // Every package depends on `gen`: its files under the packages' outputs are theirs.
    expect(r.get('gen')).toHaveLength(n);
    expect(r.get('p0')).toBeUndefined();
  });
});
