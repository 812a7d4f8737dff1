import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/graph/model.js';
import { type InputKind, validateGraph } from '../../../src/graph/validate.js';
import { A, B, C, job, problems, valid } from './graph-test-utils.js';

describe('graph parsing with Go JSON conventions', () => {
  it('matches keys case-insensitively, treats null as empty and ignores unknown keys', () => {
    const g = valid({
      jobs: [
        { id: A.toUpperCase(), NAME: 'x', inputs: null, DEPS: null, cmds: [{ exec: ['echo'], extra: 1 }] },
      ],
      Whatever: true,
    });
    expect(g.jobs).toHaveLength(1);
    expect(g.jobs[0]).toMatchObject({ label: A, name: 'x', inputs: [], deps: [] });
  });

  it('normalises, sorts by UTF-16 code units and deduplicates inputs', () => {
    const g = valid({ Jobs: [job(A, 'x', { Inputs: ['b.txt', './a//c.txt', 'b.txt', 'B.txt'] })] });
    expect(g.jobs[0]!.inputs).toEqual(['B.txt', 'a/c.txt', 'b.txt']);
  });

  it('reads an output `dir/` as every path below dir, as disbuild.json does', () => {
    const g = valid({ Jobs: [job(A, 'x', { Outputs: ['dist/', '!dist/cache//', './out/./', 'a.txt'] })] });
    expect(g.jobs[0]!.outputs).toEqual(['dist/**', '!dist/cache/**', 'out/**', 'a.txt']);
    expect(problems({ Jobs: [job(A, 'x', { Outputs: ['./'] })] })).toEqual([
      expect.stringMatching(/job "x" Outputs\[0\]: must not be the whole source directory/),
    ]);
  });

  it('refuses outputs whose escapes spell `..`, `.` or an empty segment, and globs that choose every path', () => {
    // Before: `dist\\/..\\/..\\/b/**` passed (posix.normalize saw the segments `dist\\` and `..\\`), and the run
    // walked `dist/../../b` and removed the files there as stale; `**/**` passed where `**` is refused.
    expect(
      problems({
        Jobs: [
          job(A, 'x', {
            Outputs: ['dist\\/..\\/..\\/b/**', 'a/\\.\\./\\.\\./c', 'a\\/\\./b/**', 'ok/**', '**/**', '*/**'],
          }),
          job(B, 'y', { Outputs: ['*/*', '*/*/*', '!x/**'] }),
          job(C, 'z', { Outputs: ['*', 'a/**', '**/*.js', '*/dist/**'] }),
        ],
      }),
    ).toEqual([
      'job "x" Outputs[0]: must not leave the source directory, got "dist\\\\/..\\\\/..\\\\/b/**"',
      'job "x" Outputs[1]: must not leave the source directory, got "a/\\\\.\\\\./\\\\.\\\\./c"',
      'job "x" Outputs[2]: must not spell an empty, "." or ".." path segment with escapes, got "a\\\\/\\\\./b/**"',
      'job "x" Outputs[4]: must not be the whole source directory, got "**/**"',
      'job "x" Outputs[5]: must not be the whole source directory, got "*/**"',
      'job "y" Outputs: must not together be the whole source directory, got ["*/*","*/*/*","!x/**"]',
    ]);
  });

  it('normalises every input as posix.normalize does but for a `..` after a name, on the fast path and off it', () => {
    const paths = [
      'a',
      'a/b',
      '.a',
      '..a',
      'a..',
      'a/.b/c',
      'a/b/',
      'a//b',
      './a',
      'a/./b',
      'a/b/..',
      'a/../b',
      'a/b/.',
      'x/./../y',
      'd/...',
      '...',
      'a\\b',
      'ü/ß',
    ];
    const g = valid({
      Jobs: paths.map((p, i) =>
        job(`${String(i).padStart(2, '0')}`.padEnd(40, 'a'), `j${i}`, { Inputs: [p] }),
      ),
    });
    // A `..` after a name stays: were `b` a link, `a/b/../c` would read where it leads (see keys-dotdot-links).
    const kept: Record<string, string> = { 'a/b/..': 'a/b/..', 'a/../b': 'a/../b', 'x/./../y': 'x/../y' };
    expect(g.jobs.map((j) => j.inputs[0])).toEqual(
      paths.map((p) => kept[p] ?? posix.normalize(p).replace(/\/$/, '')),
    );
  });

  it('reads inputs listed in order as it reads the same inputs out of order, problems at their own index', () => {
    const kinds: Record<string, InputKind> = { 'b/gone': 'missing', c: 'dir', 'd\u0000': 'file' };
    const kind = (p: string): InputKind => kinds[p] ?? 'file';
    const read = (inputs: string[]): [readonly string[] | undefined, string[]] => {
      const r = validateGraph({ Jobs: [job(A, 'j', { Inputs: inputs })] }, { inputKind: kind });
      return r.ok ? [r.value.jobs[0]!.inputs, []] : [undefined, r.error.map(formatProblem)];
    };
    const inOrder = ['a', 'b/gone', 'c', 'e/f'];
    expect(read(inOrder)).toEqual([
      undefined,
      [
        'job "j" Inputs[1]: input file b/gone does not exist',
        'job "j" Inputs[2]: input c is a directory; list its files',
      ],
    ]);
    expect(read(['c', 'e/f', 'b/gone', 'a'])).toEqual([
      undefined,
      [
        'job "j" Inputs[0]: input c is a directory; list its files',
        'job "j" Inputs[2]: input file b/gone does not exist',
      ],
    ]);
    expect(read(['a', 'e/f'])).toEqual([['a', 'e/f'], []]);
    // Not in order, not normal, or refused: each read as before.
    expect(read(['e/f', 'a', 'a'])).toEqual([['a', 'e/f'], []]);
    expect(read(['a', 'e//f/'])).toEqual([['a', 'e/f'], []]);
    expect(read(['a', 'e/./f', 'e/f'])).toEqual([['a', 'e/f'], []]);
    expect(read(['a', 'd\u0000'])[1]).toEqual(['job "j" Inputs[1]: must not contain a NUL byte']);
    expect(read(['', 'a'])[1]).toEqual(['job "j" Inputs[0]: is empty']);
  });

  it('parses both template spellings to the same parts', () => {
    const plain = valid({
      Jobs: [
        job(A, 'a'),
        job(B, 'b', { Deps: [A], Cmds: [{ Exec: [`{{OUTPUT_DIR}}/{{SOURCE_DIR}}/{{DEP:${A}}}`] }] }),
      ],
    });
    const go = valid({
      Jobs: [
        job(A, 'a'),
        job(B, 'b', {
          Deps: [A],
          Cmds: [{ Exec: [`{{.OutputDir}}/{{ .SourceDir }}/{{index .Deps "${A}"}}`] }],
        }),
      ],
    });
    expect(go.jobs[1]!.cmds).toEqual(plain.jobs[1]!.cmds);
  });
});

describe('every validation problem names the job and the field', () => {
  const cases: [string, unknown, RegExp][] = [
    [
      'malformed JSON (line and column)',
      '{\n  "Jobs": [\n    {"ID": 1,}\n  ]\n}',
      /malformed JSON at line 3, column 14: Expected double-quoted property name/,
    ],
    [
      'a bad hex ID',
      { Jobs: [job('xyz', 'bad-id')] },
      /job "bad-id" ID: must be 40 hex characters, got "xyz"/,
    ],
    ['a bad hex dep', { Jobs: [job(A, 'j', { Deps: ['nothex'] })] }, /job "j" Deps\[0\]: must be 40 hex/],
    [
      'a duplicate ID',
      { Jobs: [job(A, 'first'), job(A, 'second')] },
      /job "second" ID: duplicate ID a{40}, also used by job "first"/,
    ],
    ['an unknown dep', { Jobs: [job(A, 'j', { Deps: [B] })] }, /job "j" Deps\[0\]: unknown dependency b{40}/],
    [
      'an absolute input',
      { Jobs: [job(A, 'j', { Inputs: ['/etc/passwd'] })] },
      /job "j" Inputs\[0\]: must be relative/,
    ],
    [
      'an escaping input',
      { Jobs: [job(A, 'j', { Inputs: ['a/../../x'] })] },
      /job "j" Inputs\[0\]: must not leave the source directory/,
    ],
    [
      'an output inside .git',
      { Jobs: [job(A, 'j', { Outputs: ['.git/hooks/**'] })] },
      /job "j" Outputs\[0\]: must not be inside \.git/,
    ],
    [
      'an unknown template variable',
      { Jobs: [job(A, 'j', { Cmds: [{ Exec: ['echo', '{{.Foo}}'] }] })] },
      /job "j" Cmds\[0\]\.Exec\[1\]: unknown template variable \{\{\.Foo\}\}/,
    ],
    [
      'a DEP not in Deps',
      { Jobs: [job(A, 'a'), job(B, 'j', { Cmds: [{ Exec: [`{{DEP:${A}}}`] }] })] },
      /job "j" Cmds\[0\]\.Exec\[0\]: refers to \{\{DEP:a{40}\}\}, which is not in Deps/,
    ],
    [
      'exec and cat mixed',
      { Jobs: [job(A, 'j', { Cmds: [{ Exec: ['x'], CatOutput: 'o' }] })] },
      /job "j" Cmds\[0\]: sets both Exec and CatOutput/,
    ],
    [
      'neither exec nor cat',
      { Jobs: [job(A, 'j', { Cmds: [{ Environ: ['A=1'] }] })] },
      /job "j" Cmds\[0\]: sets neither Exec nor CatOutput/,
    ],
    [
      'a bad Environ entry',
      { Jobs: [job(A, 'j', { Cmds: [{ Exec: ['x'], Environ: ['NOEQUALS'] }] })] },
      /job "j" Cmds\[0\]\.Environ\[0\]: must look like KEY=VALUE/,
    ],
    [
      'a wrong type',
      { Jobs: [job(A, 'j', { Inputs: 'a.txt' })] },
      /job "j" Inputs: must be a list of strings, got a string/,
    ],
    [
      'a cycle, as the chain of names',
      {
        Jobs: [job(A, 'alpha', { Deps: [B] }), job(B, 'beta', { Deps: [C] }), job(C, 'gamma', { Deps: [A] })],
      },
      /job "alpha" Deps\[0\]: dependency cycle: alpha -> beta -> gamma -> alpha/,
    ],
  ];
  for (const [what, graph, pattern] of cases) {
    it(what, () => {
      expect(problems(graph).join('\n')).toMatch(pattern);
    });
  }

  it('reports all problems at once', () => {
    const all = problems({
      Jobs: [
        job('zz', 'one'),
        job(A, 'two', { Deps: [B] }),
        job(C, 'three', { Cmds: [{ Exec: ['{{X}}'] }] }),
      ],
    });
    expect(all).toHaveLength(3);
  });

  it('names a job without a Name by its ID', () => {
    expect(problems({ Jobs: [{ ID: A, Deps: [B], Cmds: [{ Exec: ['x'] }] }] })[0]).toContain(
      `job "${A}" Deps[0]`,
    );
  });
});

describe('more problems, each naming the job and the field', () => {
  it('refuses an empty input path and a path naming the source directory itself', () => {
    expect(problems({ Jobs: [job(A, 'j', { Inputs: ['ok', '', './', 'a/..'] })] })).toEqual([
      'job "j" Inputs[1]: is empty',
      'job "j" Inputs[2]: must name a file, got "./"',
      'job "j" Inputs[3]: must name a file, got "a/.."',
    ]);
  });

  it('treats a backslash as an ordinary file-name character', () => {
    expect(valid({ Jobs: [job(A, 'j', { Inputs: ['a\\..\\..\\b', 'c\\d'] })] }).jobs[0]!.inputs).toEqual([
      'a\\..\\..\\b',
      'c\\d',
    ]);
  });

  it('sorts inputs by code units, not by locale', () => {
    const g = valid({ Jobs: [job(A, 'j', { Inputs: ['é', 'z', 'Z', 'a', '\u{1F600}', '\uFF61'] })] });
    expect(g.jobs[0]!.inputs).toEqual(['Z', 'a', 'z', 'é', '\u{1F600}', '\uFF61']);
  });

  it('normalises IDs to lower case and deduplicates deps, keeping their order', () => {
    const g = valid({
      Jobs: [job(C, 'c'), job(B, 'b'), job(A.toUpperCase(), 'a', { Deps: [C, B.toUpperCase(), C] })],
    });
    expect(g.jobs[2]).toMatchObject({ label: A, deps: [C, B] });
    expect(g.byLabel.get(A as never)?.name).toBe('a');
  });

  it("names a dep by the producer's index even after duplicates were dropped", () => {
    expect(problems({ Jobs: [job(A, 'j', { Deps: [A.slice(1) + 'x', B, B, C] })] })).toEqual([
      `job "j" Deps[0]: must be 40 hex characters, got "${A.slice(1)}x"`,
      `job "j" Deps[1]: unknown dependency ${B}`,
      `job "j" Deps[3]: unknown dependency ${C}`,
    ]);
  });

  it('refuses a missing, empty or non-string ID, naming the job by its Name or its index', () => {
    expect(
      problems({
        Jobs: [
          { Name: 'no-id', Cmds: [] },
          { ID: '', Cmds: [] },
          { ID: 7, Name: 'num' },
        ],
      }),
    ).toEqual([
      'job "no-id" ID: must be 40 hex characters, got nothing',
      'job "Jobs[1]" ID: must be 40 hex characters, got ""',
      'job "num" ID: must be 40 hex characters, got 7',
    ]);
  });

  it('names both jobs of a duplicate ID, whatever the case of its hex', () => {
    expect(problems({ Jobs: [job(A, 'first'), job(A.toUpperCase(), 'second')] })).toEqual([
      `job "second" ID: duplicate ID ${A}, also used by job "first"`,
    ]);
  });

  it('refuses an exec with no program', () => {
    expect(problems({ Jobs: [job(A, 'j', { Cmds: [{ Exec: [] }, { Exec: ['', 'x'] }] })] })).toEqual([
      'job "j" Cmds[0].Exec: is empty: an exec needs a program',
      'job "j" Cmds[1].Exec[0]: is empty: an exec needs a program',
    ]);
  });

  it('accepts a cat with an empty template, and an Environ value containing "="', () => {
    const g = valid({
      Jobs: [job(A, 'j', { Cmds: [{ CatOutput: 'o' }, { Exec: ['x'], Environ: ['A=b=c', 'EMPTY='] }] })],
    });
    expect(g.jobs[0]!.cmds[0]).toEqual({
      kind: 'cat',
      catTemplate: [],
      catOutput: [{ kind: 'text', text: 'o' }],
    });
    expect(g.jobs[0]!.cmds[1]).toMatchObject({ kind: 'exec', workingDirectory: [] });
  });

  it('refuses an Environ entry without a key', () => {
    expect(
      problems({ Jobs: [job(A, 'j', { Cmds: [{ Exec: ['x'], Environ: ['=v', 'OK=1', 'NOEQ'] }] })] }),
    ).toEqual([
      'job "j" Cmds[0].Environ[0]: must look like KEY=VALUE, got "=v"',
      'job "j" Cmds[0].Environ[2]: must look like KEY=VALUE, got "NOEQ"',
    ]);
  });

  it('refuses wrongly typed SourceFiles entries and non-hex SourceFiles IDs', () => {
    expect(problems({ SourceFiles: { xyz: 'a', [A]: 3 } })).toEqual([
      'SourceFiles["xyz"]: is not a 40-character hex ID',
      `SourceFiles["${A}"]: must be a path string, got a number`,
    ]);
  });

  it('reports every problem of a graph with many at once', () => {
    const text = readFileSync(new URL('../../fixtures/graphs/many-problems.json', import.meta.url), 'utf8');
    const cmds = '2'.repeat(40);
    expect(problems(text)).toEqual([
      'job "bad-id" ID: must be 40 hex characters, got "not-hex"',
      'job "paths" Inputs[0]: must be relative to the source directory, got "/abs"',
      'job "paths" Inputs[1]: must not leave the source directory, got "../up"',
      'job "paths" Inputs[2]: is empty',
      'job "paths" Inputs[4]: must not leave the source directory, got "a/../../b"',
      'job "cmds" Deps[1]: must be 40 hex characters, got "zz"',
      'job "cmds" Cmds[0].Environ[0]: must look like KEY=VALUE, got "NOEQUALS"',
      'job "cmds" Cmds[0].Exec[0]: unknown template variable {{.Foo}}',
      'job "cmds" Cmds[1]: sets both Exec and CatOutput; a command is either an exec or a cat',
      'job "cmds" Cmds[2]: sets neither Exec nor CatOutput; a command is either an exec or a cat',
      `job "cmds" Cmds[3].Exec[0]: refers to {{DEP:${'4'.repeat(40)}}}, which is not in Deps`,
      'job "cmds" Cmds[4].Exec: is empty: an exec needs a program',
      `job "dup" ID: duplicate ID ${'1'.repeat(40)}, also used by job "paths"`,
      `job "cmds" Deps[0]: unknown dependency ${'3'.repeat(40)}`,
      'job "loop-a" Deps[0]: dependency cycle: loop-a -> loop-b -> loop-a',
    ]);
    expect(cmds).toHaveLength(40);
  });
});

describe('malformed JSON is reported with its line and column', () => {
  const cases: [string, string, string][] = [
    [
      'a trailing comma',
      '{\n  "Jobs": [\n    {"ID": 1,}\n  ]\n}',
      '3, column 14: Expected double-quoted property name',
    ],
    ['an unterminated string', '{\n"Jobs": [\n  "abc', '3, column 7: Unterminated string'],
    ['an empty file', '', '1, column 1: Unexpected end of JSON input'],
    ['a truncated file', '{"Jobs": [\n', '2, column 1: Unexpected end of JSON input'],
    ['a misspelt literal', '{\n  "Jobs": nul\n}', "2, column 14: Unexpected token '\\n'"],
    ['a bad token after a value', '{"a": tru}', "1, column 10: Unexpected token '}'"],
    ['text after the graph', '{}\n\n  x', '3, column 3: Unexpected non-whitespace character after JSON'],
    ['a missing colon', '{"Jobs"\r\n []}', "2, column 2: Expected ':' after property name"],
    [
      'a control character in a string',
      '{"a": "x\ty"}',
      '1, column 9: Bad control character in string literal',
    ],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => {
      const all = problems(text);
      expect(all).toHaveLength(1);
      expect(all[0]).toBe(`malformed JSON at line ${expected}`);
    });
  }

  it('points at the error however deeply it is nested', () => {
    // JSON.parse gives no position for this one: the scanner finds it, without recursion.
    expect(problems('['.repeat(9_000) + '}')).toEqual([
      "malformed JSON at line 1, column 9001: Unexpected token '}'",
    ]);
    expect(problems('['.repeat(200_000) + '}')[0]).toMatch(
      /^malformed JSON at line 1, column (10001|200001): /,
    );
  });
});
