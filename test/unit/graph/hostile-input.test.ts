import { describe, expect, it } from 'vitest';
import { decodeOrdered } from '../../../src/graph/go-decode.js';
import { A, B, job, problems, valid } from './graph-test-utils.js';

/** `levels` nested lists: `[[…]]`. */
const lists = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);

describe("nesting past Go's limit", () => {
  const refused = "nests more than 10000 levels deep, which Go's encoding/json refuses";

  it('is refused in an unknown key at any level, naming the job and the key', () => {
    // The graph object is level 1, so a value of 9,999 levels under it reaches Go's limit exactly.
    expect(valid(`{"Extra": ${lists(9_999)}, "Jobs": null}`).jobs).toEqual([]);
    expect(problems(`{"Extra": ${lists(10_000)}, "Jobs": null}`)).toEqual([`Extra: ${refused}`]);
    const inJob = JSON.stringify({ Jobs: [job(A, 'j', { Extra: 0 })] }).replace('0', lists(9_998));
    expect(problems(inJob)).toEqual([`job "j" Extra: ${refused}`]);
    const inCmd = JSON.stringify({ Jobs: [job(A, 'j', { Cmds: [{ Exec: ['x'], Extra: 0 }] })] }).replace(
      '0',
      lists(9_996),
    );
    expect(problems(inCmd)).toEqual([`job "j" Cmds[0].Extra: ${refused}`]);
    expect(valid(inCmd.replace(lists(9_996), lists(9_995))).jobs).toHaveLength(1);
  });

  it('is refused when the keys of one field differ in case, which decodes the text a second time', () => {
    const text = `{"Extra": {"a": ${lists(100_000)}}, "jobs": null, "Jobs": ${JSON.stringify([job(A, 'j')])}}`;
    expect(problems(text)).toEqual([`Extra: ${refused}`]);
  });

  it('decodes in document order without recursion', () => {
    const deep = lists(100_000);
    let v = decodeOrdered(`{"a": ${deep}, "A": 1}`) as Record<string, unknown>;
    expect(v).toEqual({ A: 1 });
    let levels = 0;
    for (let l: unknown = decodeOrdered(deep); Array.isArray(l); l = l[0]) levels++;
    expect(levels).toBe(100_000);
    v = decodeOrdered('{"k": [1, {"x": "y\\"", "X": null}, [], {}], "K": [true]}') as Record<string, unknown>;
    expect(v).toEqual({ K: [true] });
    expect(decodeOrdered('{"k": [1, {"x": "y\\"", "X": null}, [], {}]}')).toEqual({
      k: [1, { x: 'y"' }, [], {}],
    });
  });
});

describe('NUL bytes', () => {
  const nul = 'must not contain a NUL byte';

  it('are refused in input and SourceFiles paths', () => {
    expect(problems({ Jobs: [job(A, 'j', { Inputs: ['ok', 'a\0b'] })] })).toEqual([
      `job "j" Inputs[1]: ${nul}`,
    ]);
    expect(problems({ SourceFiles: { [B]: 'a\0' }, Jobs: null })).toEqual([`SourceFiles["${B}"]: ${nul}`]);
  });

  it('are refused in every string a command passes to the system, and kept in a cat template', () => {
    const cmds = [
      { Exec: ['a\0'], Environ: ['K=\0'], WorkingDirectory: 'd\0' },
      { CatTemplate: 'bytes\0ok', CatOutput: 'o\0' },
    ];
    expect(problems({ Jobs: [job(A, 'j', { Cmds: cmds })] })).toEqual([
      `job "j" Cmds[0].Exec[0]: ${nul}`,
      `job "j" Cmds[0].Environ[0]: ${nul}`,
      `job "j" Cmds[0].WorkingDirectory: ${nul}`,
      `job "j" Cmds[1].CatOutput: ${nul}`,
    ]);
    const cat = valid({ Jobs: [job(A, 'j', { Cmds: [{ CatTemplate: 'a\0b', CatOutput: 'o' }] })] });
    expect(cat.jobs[0]!.cmds[0]).toMatchObject({
      kind: 'cat',
      catTemplate: [{ kind: 'text', text: 'a\0b' }],
    });
  });
});

describe('names and values in messages', () => {
  it('are escaped: a name cannot move the cursor or fake a line', () => {
    const name = 'x\x1b[2K\r\n0 failed\u009b31m\u202e';
    expect(problems({ Jobs: [job(A, name, { Deps: ['zz'] })] })).toEqual([
      'job "x\\u001b[2K\\r\\n0 failed\\u009b31m\\u202e" Deps[0]: must be 40 hex characters, got "zz"',
    ]);
  });

  it('are cut, with their length, however long', () => {
    const long = 'p'.repeat(1_000_000);
    const [message] = problems({ Jobs: [job(A, long, { Inputs: [`/${long}`] })] });
    expect(message).toBe(
      `job "${'p'.repeat(200)}…" (1000000 characters) Inputs[0]: must be relative to the source directory, got "/${'p'.repeat(199)}…" (1000001 characters)`,
    );
  });

  it('in a cycle, are escaped too', () => {
    const [message] = problems({
      Jobs: [job(A, 'a\nb', { Deps: [B] }), job(B, 'c', { Deps: [A] })],
    });
    expect(message).toBe('job "a\\nb" Deps[0]: dependency cycle: a\\nb -> c -> a\\nb');
  });
});
