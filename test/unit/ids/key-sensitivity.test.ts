import { chmod, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Graph } from '../../../src/graph/model.js';
import { parseGraphText } from '../../../src/graph/parse.js';
import { computeKeys, keyGraph, keyGraphAtCommit } from '../../../src/ids/job-key.js';
import { streamDigests } from '../../../src/ids/file-digest.js';
import { buildGraph, writeTree, type JobDef } from '../../helpers/graph-builder.js';
import { graphJson } from '../../helpers/graph-json.js';

const JOBS: JobDef[] = [
  { name: 'base', inputs: ['base.txt', 'tool.sh', 'link'], cmds: [{ exec: ['sh', 'tool.sh', '<out>'] }] },
  { name: 'mid', inputs: ['mid.txt'], deps: ['base'], cmds: [{ exec: ['cp', '<dep:base>/o', '<out>'] }] },
  { name: 'top', deps: ['mid'], cmds: [{ exec: ['cat', '<dep:mid>/o'], environ: ['LANG=C'] }] },
  { name: 'alone', cmds: [{ cat: 'text', to: '<out>/t' }] },
];

describe('job keys', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-keyset-'));
    await writeTree(dir, {
      'base.txt': 'base\n',
      'tool.sh': 'echo\n',
      'mid.txt': 'mid\n',
      'other.txt': 'o\n',
    });
    await symlink('base.txt', join(dir, 'link'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const keys = async (graph: Graph, salt = ''): Promise<string[]> => {
    const r = await keyGraph(graph, dir, salt);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return graph.jobs.map((j) => r.value.get(j.label)!);
  };
  const keysOf = (defs: JobDef[], salt = ''): Promise<string[]> => keys(buildGraph(defs), salt);
  /** Which of base, mid, top, alone changed. */
  const changedBy = async (change: () => Promise<unknown>, defs = JOBS): Promise<boolean[]> => {
    const before = await keysOf(JOBS);
    await change();
    const after = await keysOf(defs);
    return after.map((k, i) => k !== before[i]);
  };

  it('change with an input byte, for the job and its transitive dependents only', async () => {
    expect(await changedBy(() => writeFile(join(dir, 'base.txt'), 'basE\n'))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(await changedBy(() => writeFile(join(dir, 'mid.txt'), 'mid\n\n'))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('change with a file mode and a symlink target', async () => {
    expect(await changedBy(() => chmod(join(dir, 'tool.sh'), 0o755))).toEqual([true, true, true, false]);
    const relink = async (): Promise<void> => {
      await unlink(join(dir, 'link'));
      await symlink('mid.txt', join(dir, 'link'));
    };
    expect(await changedBy(relink)).toEqual([true, true, true, false]);
  });

  it('change with a command string, an Environ entry, a working directory, the salt', async () => {
    const edit = (f: (d: JobDef[]) => void): JobDef[] => {
      const d = structuredClone(JOBS);
      f(d);
      return d;
    };
    const same = async (): Promise<void> => {};
    expect(
      await changedBy(
        same,
        edit((d) => ((d[3]!.cmds[0] as { cat: string }).cat = 'text!')),
      ),
    ).toEqual([false, false, false, true]);
    expect(
      await changedBy(
        same,
        edit((d) => ((d[2]!.cmds[0] as { environ: string[] }).environ = ['LANG=D'])),
      ),
    ).toEqual([false, false, false, true].map((_, i) => i === 2));
    expect(
      await changedBy(
        same,
        edit((d) => ((d[0]!.cmds[0] as { wd?: string }).wd = 'sub')),
      ),
    ).toEqual([true, true, true, false]);
    const [a, b] = [await keysOf(JOBS, 'node20'), await keysOf(JOBS, 'node22')];
    expect(a.every((k, i) => k !== b[i])).toBe(true);
  });

  it('do not change with names or the producer’s labels', async () => {
    const before = await keysOf(JOBS);
    // Names, dependency references and template references renamed together; labels from another seed.
    const renamed = JSON.parse(
      JSON.stringify(JOBS).replace(/"(base|mid|top|alone)"|<dep:(base|mid)>/g, (m) =>
        m.startsWith('"') ? `${m.slice(0, -1)}-renamed"` : `${m.slice(0, -1)}-renamed>`,
      ),
    ) as JobDef[];
    expect(renamed[1]).toMatchObject({ name: 'mid-renamed', deps: ['base-renamed'] });
    expect(await keys(buildGraph(renamed, 'other-labels'))).toEqual(before);
  });

  it('do not depend on input order, duplicates or how a template is split', async () => {
    const before = await keysOf(JOBS);
    const graph = buildGraph(JOBS);
    const base = graph.jobs[0]!;
    const shuffled = { ...base, inputs: ['tool.sh', 'link', 'base.txt', 'link'] };
    const cmd = base.cmds[0]!;
    const split =
      cmd.kind === 'exec'
        ? {
            ...cmd,
            exec: [
              [
                { kind: 'text' as const, text: 's' },
                { kind: 'text' as const, text: 'h' },
              ],
              ...cmd.exec.slice(1),
            ],
            environ: [],
            workingDirectory: [{ kind: 'text' as const, text: '' }],
          }
        : cmd;
    const jobs = [{ ...shuffled, cmds: [split] }, ...graph.jobs.slice(1)];
    expect(await keys({ ...graph, jobs, byLabel: new Map(jobs.map((j) => [j.label, j])) })).toEqual(before);
  });

  it('are the same for both template spellings of a parsed graph', async () => {
    const spec = [
      { name: 'a', inputs: ['base.txt'], cmds: [{ exec: ['sh', '<src>/x', '<out>'] }] },
      { name: 'b', deps: ['a'], cmds: [{ cat: '<dep:a>', to: '<out>/f' }] },
    ];
    const parse = (s: 'plain' | 'go'): Graph => {
      const r = parseGraphText(graphJson(spec, s));
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    };
    expect(await keys(parse('go'))).toEqual(await keys(parse('plain')));
  });

  it('report every missing input with its job', async () => {
    const graph = buildGraph([
      { name: 'j', inputs: ['nope.txt', 'base.txt'], cmds: [{ exec: ['true'] }] },
      { name: 'k', inputs: ['gone/x'], cmds: [{ exec: ['true'] }] },
    ]);
    const r = computeKeys(graph, await streamDigests(dir, ['nope.txt', 'base.txt', 'gone/x']), '');
    expect(r).toMatchObject({
      ok: false,
      error: [
        // Indexed in the sorted list: base.txt, nope.txt.
        { job: 'j', field: 'Inputs[1]', message: expect.stringContaining('nope.txt') },
        { job: 'k', field: 'Inputs[0]', message: expect.stringContaining('gone/x') },
      ],
    });
  });

  it('report an unreadable commit as a problem', async () => {
    const r = await keyGraphAtCommit(buildGraph(JOBS), dir, 'HEAD', '');
    expect(r).toMatchObject({ ok: false, error: [{ message: expect.stringContaining('HEAD') }] });
  });

  it('key a 20,000-deep chain without overflowing the stack', () => {
    const defs: JobDef[] = Array.from({ length: 20_000 }, (_, i) => ({
      name: `j${i}`,
      deps: i === 0 ? [] : [`j${i - 1}`],
      cmds: [{ exec: ['true'] }],
    }));
    const graph = buildGraph(defs.reverse());
    const r = computeKeys(graph, new Map(), '');
    expect(r.ok && new Set(r.value.values()).size).toBe(20_000);
  });
});
