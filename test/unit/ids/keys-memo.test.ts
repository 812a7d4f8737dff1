import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem, type Graph, type JobLabel } from '../../../src/graph/model.js';
import { loadGraphFile, parseGraphTextIn } from '../../../src/graph/parse.js';
import type { FileDigest } from '../../../src/ids/brands.js';
import type { DigestMap } from '../../../src/ids/input-state.js';
import { computeKeys, graphInputs, KEY_SCHEMA } from '../../../src/ids/job-key.js';
import { memoizedKeys } from '../../../src/ids/keys-memo.js';
import { A, B, job } from '../graph/graph-test-utils.js';

let dir: string;
let memo: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'disbuild-keys-memo-'));
  await mkdir(join(dir, 'src'));
  for (const f of ['a.c', 'b.c', 'l.c']) await writeFile(join(dir, 'src', f), f);
  memo = join(dir, 'state', 'keys-memo-v1', 'slot-0');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const GRAPH = {
  Jobs: [
    job(A, 'lib', { Inputs: ['src/a.c', 'src/l.c'] }),
    job(B, 'app', {
      Inputs: ['src/b.c'],
      Deps: [A],
      Cmds: [{ Exec: ['cp', `{{DEP:${A}}}/x`, '{{OUTPUT_DIR}}'] }],
    }),
  ],
};

/** The graph loaded from its file as a run loads it (its identity known), from `text`. */
async function load(text = JSON.stringify(GRAPH)): Promise<Graph> {
  const path = join(dir, 'graph.json');
  await writeFile(path, text);
  const r = await loadGraphFile(path, dir, undefined, join(dir, 'state', 'validated.json'));
  if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
  return r.value;
}

const blob = (s: string): FileDigest => createHash('sha1').update(s).digest('hex') as FileDigest;

function digestsOf(graph: Graph, change: Record<string, object> = {}): DigestMap {
  return new Map(
    graphInputs(graph).map((p) => [p, { mode: 'regular', digest: blob(p), ...change[p] }] as const),
  ) as DigestMap;
}

function keysWith(graph: Graph, digests: DigestMap, salt = '') {
  return memoizedKeys(memo, graph, salt, KEY_SCHEMA, graphInputs(graph), digests, (known) =>
    computeKeys(graph, digests, salt, known),
  );
}

function computed(graph: Graph, digests: DigestMap, salt = ''): Map<JobLabel, string> {
  const r = computeKeys(graph, digests, salt);
  if (!r.ok) throw new Error('no keys');
  return r.value;
}

/** The memo's parts: identity, the states it holds, and the keys. */
function memoParts(): { identity: string; states: string; keys: string[] } {
  const text = readFileSync(memo, 'latin1');
  const [identity, , length] = text.split('\n', 3) as [string, string, string];
  const payload = text.slice(identity.length + 1 + 64 + 1 + length.length + 1);
  return {
    identity,
    states: payload.slice(0, Number(length)),
    keys: payload.slice(Number(length)).split('\n'),
  };
}

/** Rewrites the kept keys as the memo writes them (header and payload digest): what a run would then take. */
function plantKeys(keys: string[]): void {
  const { identity, states } = memoParts();
  const payload = states + keys.join('\n');
  const digest = createHash('sha256').update(payload).digest('hex');
  writeFileSync(memo, `${identity}\n${digest}\n${states.length}\n${payload}`, { mode: 0o600 });
}

const PLANTED = ['1'.repeat(40), '2'.repeat(40)];

describe('keys memo', () => {
  it('keeps the keys it computed, and gives back the kept keys for the same graph, salt and digests', async () => {
    const graph = await load();
    const digests = digestsOf(graph);
    const first = keysWith(graph, digests);
    expect(first).toEqual({ ok: true, value: computed(graph, digests) });
    expect(existsSync(memo)).toBe(true);
    // A later run (the graph loaded again) takes what the memo holds: planted keys prove it was read.
    plantKeys(PLANTED);
    const again = await load();
    expect(keysWith(again, digestsOf(again))).toEqual({
      ok: true,
      value: new Map([
        [A, PLANTED[0]],
        [B, PLANTED[1]],
      ]),
    });
  });

  it('computes again only the keys an edit reaches: the jobs that read a changed input, and their dependents', async () => {
    const graph = await load();
    const app = digestsOf(graph, { 'src/b.c': { digest: blob('edited') } });
    const lib = digestsOf(graph, { 'src/a.c': { digest: blob('edited') } });
    // With the keys kept as they were computed, each edit gives exactly the keys computing every key gives.
    for (const digests of [digestsOf(graph), app, lib, digestsOf(graph), lib, app]) {
      expect(keysWith(graph, digests)).toEqual({ ok: true, value: computed(graph, digests) });
    }
    // Which keys were taken: with planted ones kept, an input of the dependent only leaves the dependency's.
    keysWith(graph, digestsOf(graph));
    plantKeys(PLANTED);
    const r = keysWith(graph, app);
    expect(r.ok && r.value.get(A as JobLabel)).toBe(PLANTED[0]);
    expect(r.ok && r.value.get(B as JobLabel)).not.toBe(PLANTED[1]);
    // An input of the dependency: neither is taken.
    plantKeys(PLANTED);
    const both = keysWith(graph, lib);
    expect(both.ok && [...both.value.values()]).toEqual([...computed(graph, lib).values()]);
    // The memo holds the last keys and states: the same digests again take them whole.
    plantKeys(PLANTED);
    expect(keysWith(graph, lib)).toEqual({
      ok: true,
      value: new Map([
        [A, PLANTED[0]],
        [B, PLANTED[1]],
      ]),
    });
  });

  it('keeps the (no) keys of a graph without jobs, and takes them from the memo', async () => {
    const graph = await load(JSON.stringify({ Jobs: [] }));
    expect(keysWith(graph, digestsOf(graph))).toEqual({ ok: true, value: new Map() });
    const ino = statSync(memo).ino;
    expect(keysWith(await load(JSON.stringify({ Jobs: [] })), new Map())).toEqual({
      ok: true,
      value: new Map(),
    });
    // Not written again: a hit.
    expect(statSync(memo).ino).toBe(ino);
  });

  it.each([
    ['an input blob', (g: Graph) => keysWith(g, digestsOf(g, { 'src/l.c': { digest: blob('edited') } }))],
    ['an input mode', (g: Graph) => keysWith(g, digestsOf(g, { 'src/a.c': { mode: 'executable' } }))],
    [
      'an input becoming a link',
      (g: Graph) => keysWith(g, digestsOf(g, { 'src/a.c': { link: blob('to') } })),
    ],
    ['the salt', (g: Graph) => keysWith(g, digestsOf(g), 'v2')],
    [
      'the schema',
      (g: Graph) =>
        memoizedKeys(memo, g, '', 'other', graphInputs(g), digestsOf(g), () =>
          computeKeys(g, digestsOf(g), ''),
        ),
    ],
  ])('computes the keys again after a change of %s', async (_what, run) => {
    const graph = await load();
    keysWith(graph, digestsOf(graph));
    plantKeys(PLANTED);
    const r = run(graph);
    expect(r.ok && [...r.value.values()]).not.toContain(PLANTED[0]);
    expect(r.ok && [...r.value.values()]).not.toContain(PLANTED[1]);
  });

  it('computes the keys again for another graph text, even one with the same inputs', async () => {
    const graph = await load();
    keysWith(graph, digestsOf(graph));
    plantKeys(PLANTED);
    const other = await load(
      JSON.stringify({ Jobs: [GRAPH.Jobs[0], { ...GRAPH.Jobs[1], Name: 'renamed' }] }),
    );
    const digests = digestsOf(other);
    expect(keysWith(other, digests)).toEqual({ ok: true, value: computed(other, digests) });
  });

  it('never keeps the keys of a graph it cannot name (built in memory, or a copy of a loaded one)', async () => {
    const parsed = parseGraphTextIn(JSON.stringify(GRAPH), dir);
    if (!parsed.ok) throw new Error('invalid');
    keysWith(parsed.value, digestsOf(parsed.value));
    const loaded = await load();
    const copy: Graph = { ...loaded, jobs: [...loaded.jobs] };
    keysWith(copy, digestsOf(copy));
    expect(existsSync(memo)).toBe(false);
  });

  it('keeps nothing while an input is missing, and names the problem', async () => {
    const graph = await load();
    const digests = digestsOf(graph);
    digests.set('src/l.c', { missing: true });
    const r = keysWith(graph, digests);
    expect(r.ok).toBe(false);
    expect(existsSync(memo)).toBe(false);
  });

  it('does not believe a damaged memo, nor one that another user owns or may write, and writes it anew', async () => {
    const graph = await load();
    const digests = digestsOf(graph);
    const expected = { ok: true, value: computed(graph, digests) };
    keysWith(graph, digests);
    plantKeys(PLANTED);
    // A flipped bit in the payload: its digest no longer matches.
    writeFileSync(memo, readFileSync(memo, 'latin1').replace(/2$/, '3'), { mode: 0o600 });
    expect(keysWith(graph, digests)).toEqual(expected);
    plantKeys(PLANTED);
    chmodSync(memo, 0o620);
    expect(keysWith(graph, digests)).toEqual(expected);
    plantKeys(PLANTED);
    chownSync(memo, 65534, 65534);
    expect(keysWith(graph, digests)).toEqual(expected);
    // Each time the computed keys were kept again, over what was there.
    expect(memoParts().keys).toEqual([...expected.value.values()]);
  });
});
