import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileGlobs, type GlobList } from '../../../src/config/globs.js';
import { filesUnder } from '../../../src/config/repo-files.js';
import type { TaskInstance } from '../../../src/config/compile.js';
import { generatedFiles, scanRanges } from '../../../src/config/select-inputs.js';
import type { Workspace } from '../../../src/config/workspaces.js';

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

describe('filesUnder', () => {
  it('is the range of the paths under a directory, searched for anywhere or within a range', () => {
    const dirs = [
      '',
      'pkg',
      'pkg/sub',
      'src',
      'src/a',
      'src/b/deep',
      'pkg/src-other',
      'nothing',
      'src0',
      'zzz',
      '.a',
    ];
    for (const dir of dirs) {
      const inside = FILES.flatMap((f, i) => (dir === '' || f.startsWith(`${dir}/`) ? [i] : []));
      const [lo, hi] = filesUnder(FILES, dir);
      expect(FILES.slice(lo, hi)).toEqual(inside.map((i) => FILES[i]));
      expect(filesUnder(FILES, dir, lo, hi)).toEqual([lo, hi]);
      if (dir.includes('/')) {
        const parent = dir.slice(0, dir.lastIndexOf('/'));
        expect(filesUnder(FILES, dir, ...filesUnder(FILES, parent))).toEqual([lo, hi]);
      }
    }
  });
});

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

describe('generatedFiles', () => {
  const pkgDirs = ['pkg', 'pkg/sub', 'pkg0'];
  const inst = (task: string, dir: string, relOutputs: string[]): TaskInstance =>
    ({ task, dir, relOutputs }) as unknown as TaskInstance;
  const ws = {
    packages: new Map(pkgDirs.map((d) => [d, { name: d, dir: d, scripts: new Map(), deps: [] }])),
    declared: true,
    manager: 'npm',
  } as Workspace;
  const cases: [string, TaskInstance[]][] = [
    ['package outputs, nested package without', [inst('build', 'pkg', ['src/**', '!src/a/**'])]],
    [
      'nested package with its own',
      [
        inst('build', 'pkg', ['src/**']),
        inst('build', 'pkg/sub', ['src/**']),
        inst('gen', 'pkg/sub', ['**/.*']),
      ],
    ],
    ['a package\u2019s globs reaching into a nested package', [inst('build', 'pkg', ['**/*.ts', 'sub/**'])]],
    ['root task outputs', [inst('r', '', ['src/**/*.ts', 'pkg/sub/docs/**'])]],
    ['anywhere', [inst('t', 'pkg', ['**/*.md']), inst('r', '', ['*.json', '!package.json', 'lib/**'])]],
  ];
  for (const [what, instances] of cases) {
    it(`marks what testing every file against its own package's globs marks: ${what}`, () => {
      const generated = generatedFiles(instances, ws, FILES);
      const matches = (dir: string, rel: string): boolean =>
        instances.some((i) => {
          if (i.dir !== dir) return false;
          const pos = i.relOutputs.filter((p) => !p.startsWith('!'));
          const neg = i.relOutputs.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
          return (
            picomatch(pos, { dot: true })(rel) && !(neg.length > 0 && picomatch(neg, { dot: true })(rel))
          );
        });
      const expected = FILES.map((f) => {
        const own = pkgDirs.filter((d) => f.startsWith(`${d}/`)).sort((a, b) => b.length - a.length)[0];
        return matches('', f) || (own !== undefined && matches(own, f.slice(own.length + 1)));
      });
      expect(FILES.map((_, i) => generated(i))).toEqual(expected);
    });
  }
});

describe('compileGlobs', () => {
  it('matches as picomatch does: escaped characters, and a pattern that spells a path with parentheses', () => {
    const matches = (pattern: string, path: string): boolean => compileGlobs([pattern]).positives[0]!(path);
    expect(matches('a\\(1\\).txt', 'a(1).txt')).toBe(true);
    expect(matches('app/\\[slug\\]/page.tsx', 'app/[slug]/page.tsx')).toBe(true);
    expect(matches('app/\\(mkt\\)/**', 'app/(mkt)/page.tsx')).toBe(true);
    expect(matches('a(1).txt', 'a(1).txt')).toBe(true);
    expect(matches('src/**', 'src/a.ts')).toBe(true);
    expect(matches('src/**', 'lib/a.ts')).toBe(false);
  });
});

describe('compileGlobs', () => {
  it('matches names with a newline in them, as git lists them', () => {
    const glob = compileGlobs(['src/**', '!src/skip/**']);
    expect(glob.positives[0]!('src/nl\nname.txt')).toBe(true);
    expect(glob.positives[0]!('src/a\n/b\nc.txt')).toBe(true);
    expect(glob.excluded('src/skip/x\ny')).toBe(true);
    expect(compileGlobs(['**/*.txt']).positives[0]!('d\ne/f\ng.txt')).toBe(true);
  });
});
