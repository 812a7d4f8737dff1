import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, type Graph, type GraphProblem } from '../../../src/graph/model.js';
import { checkFilesExist, loadGraphFile, parseGraphText } from '../../../src/graph/parse.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

function job(id: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ID: id, Name: name, Inputs: null, Deps: null, Cmds: [{ Exec: ['true'] }], ...extra };
}

function problems(graph: unknown): string[] {
  const r = parseGraphText(typeof graph === 'string' ? graph : JSON.stringify(graph));
  if (r.ok) throw new Error('expected the graph to be invalid');
  return r.error.map(formatProblem);
}

function valid(graph: unknown): Graph {
  const r = parseGraphText(JSON.stringify(graph));
  if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
  return r.value;
}

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

  it('normalises, sorts and deduplicates inputs', () => {
    const g = valid({ Jobs: [job(A, 'x', { Inputs: ['b.txt', './a//c.txt', 'b.txt', 'B.txt'] })] });
    expect(g.jobs[0]!.inputs).toEqual(['B.txt', 'a/c.txt', 'b.txt']);
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

describe('loadGraphFile', () => {
  it('reports missing input files and missing SourceFiles paths', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'disbuild-graph-'));
    try {
      await mkdir(join(dir, 'sub'));
      await writeFile(join(dir, 'here.txt'), 'x');
      const graphPath = join(dir, 'graph.json');
      await writeFile(
        graphPath,
        JSON.stringify({
          SourceFiles: { [C]: 'gone.c' },
          Jobs: [job(A, 'j', { Inputs: ['here.txt', 'missing.txt', 'sub'] })],
        }),
      );
      const r = await loadGraphFile(graphPath, dir);
      expect(r.ok).toBe(false);
      expect((r as { error: GraphProblem[] }).error.map(formatProblem).join('\n')).toMatch(
        /SourceFiles\["c{40}"\]: source file gone.c does not exist/,
      );
      const g = parseGraphText(
        JSON.stringify({ Jobs: [job(A, 'j', { Inputs: ['here.txt', 'missing.txt', 'sub'] })] }),
      );
      const text = checkFilesExist((g as { value: Graph }).value, dir)
        .map(formatProblem)
        .join('\n');
      expect(text).toMatch(/job "j" Inputs\[1\]: input file missing.txt does not exist/);
      expect(text).toMatch(/job "j" Inputs\[2\]: input sub is a directory/);
      const unreadable = await loadGraphFile(join(dir, 'nope.json'), dir);
      expect(unreadable.ok).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
