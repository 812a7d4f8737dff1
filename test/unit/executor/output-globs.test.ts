import { describe, expect, it } from 'vitest';
import { compileOutputGlobs } from '../../../src/executor/output-globs.js';

describe('output globs: may they match below a directory (a link the walk does not follow)', () => {
  const cases: [string[], string, boolean][] = [
    [['**/*.js'], 'lib', true],
    [['dist/**'], 'dist/lib', true],
    [['packages/*/dist/**'], 'packages/b', true],
    [['packages/*/dist/**'], 'apps/b', false],
    [['*.tsbuildinfo'], 'result', false],
    [['out/*.txt'], 'out/lib', false],
    [['out/*/x.txt'], 'out/lib', true],
    [['dist/**'], 'bazel-out', false],
    [['.next/**', '!.next/cache/**'], '.next/cache', false],
    [['.next/**', '!.next/cache/**'], '.next/cache/sub', false],
    [['.next/**', '!**/cache/**'], '.next/cache', false],
    [['.next/**', '!.next/cache/*.json'], '.next/cache', true],
    [['.next/**', '!.next/cache'], '.next/cache', true],
    [['{a,b}/**'], 'b/lib', true],
    [['{a,b}/**'], 'c/lib', false],
    // A group across a `/`: its segments cannot be told apart, so it may match below anything, and drops nothing.
    [['{dist,lib/out}/**'], 'other', true],
    [['dist/**', '!{dist/cache,x}/**'], 'dist/cache', true],
    [['apps/ui\\{old\\}/dist/**'], 'apps/ui{old}/dist/x', true],
    [['apps/ui\\{old\\}/dist/**'], 'apps/uio/dist/x', false],
    // Segments picomatch reads otherwise than alone: a globstar inside a group, a class that matches a `/`, an
    // escaped `/`, an empty segment. Each may match below anything (or, after `!`, drops nothing).
    [['out/{**,keep.txt}'], 'out/lib', true],
    [['out/@(**)'], 'out/lib', true],
    [['out[[:punct:]]lib/**'], 'out/lib', true],
    [['out[^a]lib/**'], 'out/lib', true],
    [['out\\/lib/**'], 'out/lib', true],
    [['dist/**', '!dist/cache/'], 'dist/cache', true],
    [['dist//**'], 'dist/x', true],
    // A segment's leading `!` is a character, not a negation of the segment.
    [['out/**', '!out/!cache/**'], 'out/lib', true],
    [['out/**', '!out/!(cache)/**'], 'out/lib', false],
  ];
  for (const [globs, dir, expected] of cases) {
    it(`${JSON.stringify(globs)} below ${dir}: ${expected}`, () => {
      expect(compileOutputGlobs(globs).mayMatchBelow(dir)).toBe(expected);
    });
  }
});

describe('output globs: which paths they match', () => {
  it('match a name holding a newline as the compile does', () => {
    // Before: picomatch without its `s` flag; the compile left `{dist,lib}/a\nb` out of the inputs as an output,
    // and the run then neither captured nor cleared it.
    const globs = compileOutputGlobs(['{dist,lib}/**', '**/*.map', '!**/keep\n.map']);
    expect(globs.matches('dist/a\nb')).toBe(true);
    expect(globs.matches('src/x\ny.map')).toBe(true);
    expect(globs.matches('src/keep\n.map')).toBe(false);
  });
});
