import { describe, expect, it } from 'vitest';
import { findDiagnostic } from '../../../src/report/diagnostics.js';

const repo = '/repo';
const src = '/repo/pkg';

describe('findDiagnostic', () => {
  it.each([
    [
      'gcc/clang',
      'In file included\nsrc/a.c:3:5: error: expected ;',
      { file: 'pkg/src/a.c', line: 3, column: 5, message: 'error: expected ;' },
    ],
    [
      'go',
      './main.go:12:2: undefined: x',
      { file: 'pkg/main.go', line: 12, column: 2, message: 'undefined: x' },
    ],
    [
      'tsc',
      "src/a.ts(3,5): error TS2322: Type 'x'",
      { file: 'pkg/src/a.ts', line: 3, column: 5, message: "error TS2322: Type 'x'" },
    ],
    [
      'tsc pretty',
      'src/a.ts:3:5 - error TS2322: bad',
      { file: 'pkg/src/a.ts', line: 3, column: 5, message: 'error TS2322: bad' },
    ],
    [
      'eslint stylish',
      '/repo/pkg/src/b.js\n  7:11  error  Unexpected var  no-var\n',
      { file: 'pkg/src/b.js', line: 7, column: 11, message: 'Unexpected var' },
    ],
    [
      'colours stripped',
      '\x1b[1msrc/a.c:1:2:\x1b[0m error',
      { file: 'pkg/src/a.c', line: 1, column: 2, message: 'error' },
    ],
  ])('reads %s output', (_, output, expected) => {
    expect(findDiagnostic(output, src, repo)).toEqual(expected);
  });

  it('ignores paths outside the repository and text without diagnostics', () => {
    expect(findDiagnostic('/usr/include/stdio.h:3:1: note: here', src, repo)).toBeUndefined();
    expect(findDiagnostic('../../elsewhere.c:3:1: error', src, repo)).toBeUndefined();
    expect(findDiagnostic('all good\nexit 1', src, repo)).toBeUndefined();
  });
});
