import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileGlobs, type GlobList } from '../../../src/config/globs.js';
import { filesUnder } from '../../../src/config/repo-files.js';
import { scanRanges } from '../../../src/config/select-inputs.js';

const TREE = [
  '.eslintrc',
  '.github/workflows/ci.yml',
  'README.md',
  'a b/c.ts',
  'docs/d.md',
  'lib/l.ts',
  'package.json',
  'src-other/a.ts',
  'src/.hidden/h.ts',
  'src/a.ts',
  'src/a/x.ts',
  'src/a/y.ts',
  'src/b/.env',
  'src/b/deep/z.tsx',
  'src/index.test.ts',
  'src/index.ts',
  'src0/a.ts',
  'srcx/a.ts',
  'ü/x.ts',
  '\u{1F600}/e.ts',
];
const FILES = [...TREE, ...TREE.map((f) => `pkg/${f}`), ...TREE.map((f) => `pkg/sub/${f}`), 'pkg0/a.ts'].sort(
  (a, b) => (a < b ? -1 : a > b ? 1 : 0),
);

const PATTERNS: string[][] = [
  ['**'],
  ['src/**'],
  ['src/**', '!src/**/*.test.ts'],
  ['**/*.ts'],
  ['*.md', 'docs/**'],
  ['{src,lib}/**/*.ts'],
  ['src/{a,b}/*.ts'],
  ['.github/**'],
  ['**/.*'],
  ['src/.hidden/**'],
  ['package.json', 'src/index.ts'],
  ['src/*.ts', 'src/**/*.ts'],
  ['lib/**', 'src/**', 'package.json'],
  ['src/**', 'src/a/**', '!src/a/y.ts'],
  ['!src/**'],
  ['sr*/**'],
  ['src/a/[xy].ts'],
  ['src/?.ts'],
  ['nothing/**', 'missing.txt'],
  ['src', 'src/a'],
  ['ü/*', '\u{1F600}/**'],
  ['src/**/!(*.test).ts'],
];

/** The files of `dir` chosen by testing every one of them, or only those of scanRanges. */
function chosen(glob: GlobList, dir: string, ranges: [number, number][]): string[] {
  const cut = dir === '' ? 0 : dir.length + 1;
  const out: string[] = [];
  for (const [lo, hi] of ranges) {
    for (let i = lo; i < hi; i++) {
      const rel = FILES[i]!.slice(cut);
      if (glob.positives.some((m) => m(rel)) && !glob.excluded(rel)) out.push(FILES[i]!);
    }
  }
  return out;
}

describe('scanRanges', () => {
  for (const patterns of PATTERNS) {
    for (const dir of ['', 'pkg', 'pkg/sub']) {
      it(`chooses what matching every file chooses: ${JSON.stringify(patterns)} in ${JSON.stringify(dir)}`, () => {
        const glob = compileGlobs(patterns);
        const ranges = scanRanges(FILES, dir, glob);
        const [lo, hi] = filesUnder(FILES, dir);
        // In order, disjoint, inside the directory.
        ranges.forEach(([a, b], k) => {
          expect(a).toBeLessThan(b);
          expect(a).toBeGreaterThanOrEqual(k === 0 ? lo : ranges[k - 1]![1] + 1);
          expect(b).toBeLessThanOrEqual(hi);
        });
        const narrowed = chosen(glob, dir, ranges);
        expect(narrowed).toEqual(chosen(glob, dir, [[lo, hi]]));
        // And what picomatch itself chooses (no file of the tree is named like a glob's directory).
        const positive = patterns.filter((p) => !p.startsWith('!'));
        const negative = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
        const isIn = positive.length > 0 ? picomatch(positive, { dot: true }) : () => false;
        const isOut = negative.length > 0 ? picomatch(negative, { dot: true }) : () => false;
        const cut = dir === '' ? 0 : dir.length + 1;
        const plain = FILES.slice(lo, hi).filter((f) => isIn(f.slice(cut)) && !isOut(f.slice(cut)));
        expect(narrowed).toEqual(plain);
      });
    }
  }

  it('looks only under the globs\u2019 own directories when each has one', () => {
    const glob = compileGlobs(['src/a/**', 'lib/**', 'package.json']);
    const ranges = scanRanges(FILES, '', glob);
    expect(ranges.flatMap(([a, b]) => FILES.slice(a, b))).toEqual([
      'lib/l.ts',
      'package.json',
      'src/a/x.ts',
      'src/a/y.ts',
    ]);
    expect(scanRanges(FILES, '', compileGlobs(['src/**', '**/*.md']))).toEqual([filesUnder(FILES, '')]);
  });
});
