import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeOrdered } from '../../../src/graph/go-decode.js';
import { A, B, job, problems, valid } from './graph-test-utils.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/graphs/${name}`, import.meta.url), 'utf8');

describe("Go's encoding/json conventions", () => {
  it('matches keys case-insensitively at every level', () => {
    const g = valid({
      jobs: [
        {
          id: A.toUpperCase(),
          NAME: 'x',
          inputs: ['f'],
          DEPS: null,
          cmds: [{ exec: ['echo'], ENVIRON: ['K=v'] }],
        },
      ],
      SOURCEFILES: { [B]: 'f' },
    });
    expect(g.jobs[0]).toMatchObject({ label: A, name: 'x', inputs: ['f'], deps: [] });
    expect(g.jobs[0]!.cmds[0]).toMatchObject({ kind: 'exec', environ: [[{ kind: 'text', text: 'K=v' }]] });
    expect([...g.sourceFiles]).toEqual([[B, 'f']]);
  });

  it('folds the four non-ASCII letters that Go folds onto ASCII ones', () => {
    const text = JSON.stringify({
      ſourceFiles: { [B]: 'f' },
      Jobs: [{ İD: A, Name: 'n', Cmds: [{ Exec: ['x'], WorKingDirectory: '{{.Bad}}', Envıron: ['E'] }] }],
    });
    expect(problems(text)).toEqual([
      'job "n" Cmds[0].Environ[0]: must look like KEY=VALUE, got "E"',
      'job "n" Cmds[0].WorkingDirectory: unknown template variable {{.Bad}}',
    ]);
    expect([...valid({ ſourceFiles: { [B]: 'f' } }).sourceFiles]).toEqual([[B, 'f']]);
  });

  it('treats null lists and maps as empty', () => {
    const g = valid({
      SourceFiles: null,
      Jobs: [{ ID: A, Name: 'n', Inputs: null, Deps: null, Cmds: null }],
    });
    expect(g.jobs[0]).toMatchObject({ inputs: [], deps: [], cmds: [] });
    expect(g.sourceFiles.size).toBe(0);
    expect(valid({ Jobs: null }).jobs).toEqual([]);
    expect(valid({}).jobs).toEqual([]);
  });

  it('ignores unknown keys', () => {
    const g = valid({
      Version: 3,
      Jobs: [job(A, 'x', { Extra: { deep: [1] }, Cmds: [{ Exec: ['a'], Shell: 1 }] })],
    });
    expect(g.jobs[0]!.cmds).toHaveLength(1);
  });

  it('keeps the last of differently cased keys for one field, in document order', () => {
    // JSON.parse would keep "Name" (first position) with its last value; Go keeps the last key written.
    const text = `{"Jobs": [{"ID": "${A}", "Name": "first", "name": "second", "Name": "third", "Cmds": [{"Exec": ["x"]}]}]}`;
    expect(valid(text).jobs[0]!.name).toBe('third');
    const lists = `{"jobs": [], "Jobs": [{"ID": "${A}", "Name": "kept", "Cmds": [{"Exec": ["x"]}]}], "JOBS": null}`;
    expect(valid(lists).jobs).toEqual([]);
    const inner = `{"Jobs": [{"ID": "${A}", "Name": "n", "Cmds": [{"exec": ["a"], "Exec": ["b"], "EXEC": ["c"]}]}]}`;
    expect(valid(inner).jobs[0]!.cmds[0]).toMatchObject({ exec: [[{ kind: 'text', text: 'c' }]] });
  });

  it('lets a later null leave an earlier string in place, as Go leaves scalar fields on null', () => {
    const text = `{"Jobs": [{"ID": "${A}", "Name": "kept", "NAME": null, "Cmds": [{"Exec": ["x"]}]}]}`;
    expect(valid(text).jobs[0]!.name).toBe('kept');
  });

  it('keeps the last of two spellings of one SourceFiles ID', () => {
    const text = `{"SourceFiles": {"${A.toUpperCase()}": "one", "${A}": "two", "${A.toUpperCase()}": "three"}}`;
    expect([...valid(text).sourceFiles]).toEqual([[A, 'three']]);
  });

  it('reports a string where a list is expected as a type error naming the field', () => {
    const all = problems({
      Jobs: [job(A, 'j', { Inputs: 'a.txt', Deps: B, Cmds: [{ Exec: 'make', Environ: 'A=1' }] })],
    });
    expect(all).toEqual([
      'job "j" Inputs: must be a list of strings, got a string',
      'job "j" Deps: must be a list of strings, got a string',
      'job "j" Cmds[0].Exec: must be a list of strings, got a string',
      'job "j" Cmds[0].Environ: must be a list of strings, got a string',
    ]);
    expect(problems({ Jobs: { a: 1 } })).toEqual(['Jobs: must be a list of jobs, got an object']);
    expect(problems({ Jobs: [job(A, 'j', { Cmds: 'x' })] })).toEqual([
      'job "j" Cmds: must be a list of commands, got a string',
    ]);
    expect(problems([1])).toEqual(['the graph must be a JSON object, got a list']);
  });

  it('names the index of a wrong element in a list', () => {
    expect(
      problems({ Jobs: [job(A, 'j', { Inputs: ['a', 2, 'b'], Cmds: [{ Exec: ['x', null, '{{.Y}}'] }] })] }),
    ).toEqual([
      'job "j" Inputs[1]: must be a string, got a number',
      'job "j" Cmds[0].Exec[1]: must be a string, got null',
      'job "j" Cmds[0].Exec[2]: unknown template variable {{.Y}}',
    ]);
  });

  it('decodes a graph as a Go program writes it', () => {
    const g = valid(fixture('go-encoded.json'));
    const unnamed = '9'.repeat(40);
    expect(g.jobs.map((j) => j.name)).toEqual(['gen', 'compile', unnamed]);
    expect(g.jobs[1]).toMatchObject({
      inputs: ['src/main.c', 'src/util.h'],
      deps: ['6100000000000000000000000000000000000000'],
    });
    expect(g.jobs[1]!.cmds.map((c) => c.kind)).toEqual(['exec', 'cat']);
    expect(g.sourceFiles.get('aa00000000000000000000000000000000000000')).toBe('src/main.c');
  });
});

describe('decodeOrdered', () => {
  it('decodes every JSON value as JSON.parse does when no keys repeat', () => {
    const text =
      '{"a": [1, -2.5e3, true, false, null, "s\\u00e9\\n\\"q\\""], "b": {}, "c": [], "__proto__": 1}';
    expect(JSON.stringify(decodeOrdered(text))).toBe(JSON.stringify(JSON.parse(text)));
  });
});
