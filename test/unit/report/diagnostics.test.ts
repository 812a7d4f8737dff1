import { describe, expect, it } from 'vitest';
import { diagnostics, findDiagnostic } from '../../../src/report/diagnostics.js';

const repo = '/repo';
const src = '/repo/pkg';

describe('findDiagnostic', () => {
  it.each([
    [
      'gcc/clang',
      'In file included\nsrc/a.c:3:5: error: expected ;',
      { file: 'pkg/src/a.c', line: 3, column: 5, severity: 'error', message: 'error: expected ;' },
    ],
    [
      'gcc without a column',
      'src/a.c:3: error: expected ;',
      { file: 'pkg/src/a.c', line: 3, severity: 'error', message: 'error: expected ;' },
    ],
    [
      'go',
      './main.go:12:2: undefined: x',
      { file: 'pkg/main.go', line: 12, column: 2, message: 'undefined: x' },
    ],
    [
      'tsc',
      "src/a.ts(3,5): error TS2322: Type 'x'",
      { file: 'pkg/src/a.ts', line: 3, column: 5, severity: 'error', message: "error TS2322: Type 'x'" },
    ],
    [
      'tsc pretty',
      'src/a.ts:3:5 - error TS2322: bad',
      { file: 'pkg/src/a.ts', line: 3, column: 5, severity: 'error', message: 'error TS2322: bad' },
    ],
    [
      'eslint stylish',
      '/repo/pkg/src/b.js\n  7:11  error  Unexpected var  no-var\n',
      { file: 'pkg/src/b.js', line: 7, column: 11, severity: 'error', message: 'Unexpected var' },
    ],
    [
      'colours stripped',
      '\x1b[1msrc/a.c:1:2:\x1b[0m error',
      { file: 'pkg/src/a.c', line: 1, column: 2, severity: 'error', message: 'error' },
    ],
    [
      // Before: only colours were taken out, and a line that erased itself first was no diagnostic.
      'terminal escapes other than colours',
      '\x1b[2K\x1b]8;;file:///repo/pkg/src/a.c\x1b\\src/a.c:4:2:\x1b]8;;\x1b\\ error: hyperlinked',
      { file: 'pkg/src/a.c', line: 4, column: 2, severity: 'error', message: 'error: hyperlinked' },
    ],
    [
      'absolute paths inside the repository',
      '/repo/lib/x.c:9:1: error: no',
      { file: 'lib/x.c', line: 9, column: 1, severity: 'error', message: 'error: no' },
    ],
  ])('reads %s output', (_, output, expected) => {
    expect(findDiagnostic(output, src, repo)).toEqual(expected);
  });

  it('prefers the first error over earlier warnings and notes', () => {
    const out = [
      'src/a.c:1:1: warning: unused variable',
      '/repo/pkg/src/b.js',
      '  2:1  warning  Unexpected console  no-console',
      '  4:3  error  Missing semicolon  semi',
      'src/a.c:8:2: error: boom',
    ].join('\n');
    expect(findDiagnostic(out, src, repo)).toMatchObject({ file: 'pkg/src/b.js', line: 4, column: 3 });
    expect([...diagnostics(out, src, repo)].map((d) => d.line)).toEqual([1, 2, 4, 8]);
  });

  it('falls back to the first diagnostic when none says error', () => {
    expect(findDiagnostic('x.go:1:1: a\ny.go:2:2: b', src, repo)).toMatchObject({
      file: 'pkg/x.go',
      line: 1,
    });
  });

  it('ignores paths outside the repository and text without diagnostics', () => {
    expect(findDiagnostic('/usr/include/stdio.h:3:1: note: here', src, repo)).toBeUndefined();
    expect(findDiagnostic('../../elsewhere.c:3:1: error', src, repo)).toBeUndefined();
    expect(findDiagnostic('all good\nexit 1', src, repo)).toBeUndefined();
    expect(findDiagnostic('/repo/pkg/src/b.js\n  no position here', src, repo)).toBeUndefined();
  });

  it('does not read timestamps, URLs or make errors as diagnostics', () => {
    for (const line of [
      '12:30:45: starting build',
      'fetching http://example.com:8080/x:1:2: done',
      'make: *** [Makefile:3: all] Error 1',
      'Error: something failed',
    ]) {
      expect(findDiagnostic(line, src, repo), line).toBeUndefined();
    }
  });

  it('does not let an eslint position attach to a file named long before', () => {
    const out = '/repo/pkg/src/b.js\nsome other tool says hi\n  7:11  error  Unexpected var  no-var';
    expect(findDiagnostic(out, src, repo)).toBeUndefined();
  });
});
