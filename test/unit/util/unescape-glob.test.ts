import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileGlobs } from '../../../src/config/globs.js';
import { compileOutputGlobs } from '../../../src/executor/output-globs.js';
import { globBase, isGlobPattern, unescapeGlob } from '../../../src/util/unescape-glob.js';

/** Patterns, each with paths picomatch matches that a walk from its base must reach. */
const CASES: [string, string[]][] = [
  ['src/**', ['src/a.ts', 'src/b/c.ts']],
  ['pkg/a\\{b\\}/dist/**', ['pkg/a{b}/dist/x.js']],
  ['pkg/a{b}/dist/**', ['pkg/a{b}/dist/x.js']],
  ['pkg/c\\[d\\]/dist/*.js', ['pkg/c[d]/dist/y.js']],
  // A brace's list may hold a separator: the list starts the glob, not the segment after it.
  ['{packages/*,apps/*}/dist/**', ['packages/a/dist/x', 'apps/b/dist/y']],
  ['{src/**,package.json}', ['src/x.ts', 'package.json']],
  ['pkg/{a/b,c}/**', ['pkg/a/b/z', 'pkg/c/z']],
  ['{a/b,c}/x', ['a/b/x', 'c/x']],
  ['x{y/z,w}', ['xy/z', 'xw']],
  ['apps/web/{dist/esm,dist/cjs}/**', ['apps/web/dist/esm/a.js', 'apps/web/dist/cjs/a.js']],
  ['a/{1..3}/b', ['a/2/b']],
  // An escaped slash separates.
  ['dist\\/*.js', ['dist/x.js']],
  // An unescaped `|` makes the whole pattern an alternation; `+` after a brace is a quantifier.
  ['x/y|z', ['x/y', 'z']],
  ['a/b{c}+', ['a/b{c}}']],
  ['x/@(a|b)/y', ['x/a/y']],
];

describe('globBase', () => {
  it.each(CASES)('%s: every path picomatch matches lies under the base', (pattern, paths) => {
    const matches = picomatch(pattern, { dot: true });
    const base = globBase(pattern);
    expect(isGlobPattern(pattern)).toBe(true);
    for (const path of paths) {
      expect(matches(path)).toBe(true);
      expect(base === '' || path === base || path.startsWith(`${base}/`)).toBe(true);
    }
    // The walk for outputs and the choice of inputs find them too.
    const { bases } = compileOutputGlobs([pattern]);
    for (const path of paths) expect(bases.some((b) => b === '' || path.startsWith(`${b}/`))).toBe(true);
    const inputs = compileGlobs([pattern]);
    for (const path of paths) {
      expect(inputs.positives[0]!(path)).toBe(true);
      const where = inputs.within?.[0];
      if (where && 'dir' in where) expect(path.startsWith(`${where.dir}/`)).toBe(true);
    }
  });

  it('takes the segments before the glob, unescaped, as the base', () => {
    expect(globBase('pkg/a\\{b\\}/dist/**')).toBe('pkg/a{b}/dist');
    expect(globBase('pkg/{a/b,c}/**')).toBe('pkg');
    expect(globBase('{src/**,package.json}')).toBe('');
    expect(globBase('dist\\/*.js')).toBe('dist');
    expect(globBase('x/y|z')).toBe('');
  });

  it('reads a path that spells itself as no glob, as picomatch matches it', () => {
    for (const literal of ['dist', 'a{b}', 'a]b', 'file)', 'a\\(1\\).txt', 'a,b', 'a!b', 'a\\/b']) {
      expect(isGlobPattern(literal)).toBe(false);
      expect(picomatch(literal, { dot: true })(unescapeGlob(literal))).toBe(true);
      expect(globBase(literal)).toBe(unescapeGlob(literal));
    }
  });
});
