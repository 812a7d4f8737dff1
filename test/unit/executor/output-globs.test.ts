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
  ];
  for (const [globs, dir, expected] of cases) {
    it(`${JSON.stringify(globs)} below ${dir}: ${expected}`, () => {
      expect(compileOutputGlobs(globs).mayMatchBelow(dir)).toBe(expected);
    });
  }
});
