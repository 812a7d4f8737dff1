import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planShards } from '../../../src/action/plan.js';
import type { Cache } from '../../../src/cache/cache.js';
import type { Timings } from '../../../src/executor/timings.js';
import type { Graph } from '../../../src/graph/model.js';
import { parseGraphText } from '../../../src/graph/parse.js';
import { keyGraph } from '../../../src/ids/job-key.js';
import { decodePlan, KEY_PREFIX_LENGTH } from '../../../src/scale/shard-plan.js';
import { labelOf } from '../../helpers/graph-json.js';

const LEAVES = 8;

/**
 * `gen` writes its files into the checkout (in-place outputs); `lib` needs it, and every leaf needs `lib`. A job
 * that runs reads the in-place outputs of every job below it, not only of its direct dependencies, so a leaf
 * reads `gen` too: a shard whose leaves need it must get it from its owner, like `lib`.
 */
function graph(): Graph {
  const job = (name: string, deps: string[], outputs?: string[]) => ({
    ID: labelOf(name),
    Name: name,
    Inputs: null,
    Deps: deps.length > 0 ? deps.map(labelOf) : null,
    Cmds: [{ Exec: ['sh', '-c', `echo ${name}`], Environ: null, Wd: '' }],
    ...(outputs ? { Outputs: outputs } : {}),
  });
  const jobs = [job('gen', [], ['gen/**']), job('lib', ['gen'])];
  for (let i = 0; i < LEAVES; i++) jobs.push(job(`leaf-${i}`, ['lib']));
  const parsed = parseGraphText(JSON.stringify({ SourceFiles: null, Jobs: jobs }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

describe('planShards, pipelined', () => {
  let src: string;
  beforeAll(async () => {
    src = await mkdtemp(join(tmpdir(), 'disbuild-plan-'));
  });
  afterAll(async () => {
    await rm(src, { recursive: true, force: true });
  });

  it('exports every job a shard reads from another: in-place outputs of jobs below a dependency too', async () => {
    const g = graph();
    const empty: Cache = {
      lookup: () => Promise.resolve(new Map()),
      save: () => Promise.resolve({ saved: false, reason: 'disabled' }),
      close: () => Promise.resolve(),
    };
    const seconds: Record<string, number> = { gen: 5, lib: 5 };
    const timings: Timings = {
      get: (name) => (seconds[name] ?? 60) * 1000,
      record: () => undefined,
      flush: () => Promise.resolve(),
    };
    const planned = await planShards(
      g,
      {
        sourceDir: src,
        salt: '',
        targets: [],
        startupSeconds: 1,
        maxShards: 4,
        cores: 1,
        mode: 'pipelined',
        latencySeconds: 1,
      },
      empty,
      timings,
    );
    if (!planned.ok) throw new Error(JSON.stringify(planned.error));
    const plan = decodePlan(planned.value.encoded);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.value.shards.length).toBeGreaterThanOrEqual(2);
    const keys = await keyGraph(g, src, '');
    if (!keys.ok) throw new Error('keys');
    const prefix = (name: string): string =>
      keys.value.get(labelOf(name) as never)!.slice(0, KEY_PREFIX_LENGTH);
    const exported = new Map((plan.value.exports ?? []).map((e) => [e.key, e.owner]));
    const reads = (name: string): string[] =>
      name.startsWith('leaf-') ? ['lib', 'gen'] : name === 'lib' ? ['gen'] : [];
    const missing: string[] = [];
    plan.value.shards.forEach((mine, s) => {
      for (const job of ['gen', 'lib', ...Array.from({ length: LEAVES }, (_, i) => `leaf-${i}`)]) {
        if (!mine.includes(prefix(job))) continue;
        for (const dep of reads(job)) {
          if (mine.includes(prefix(dep))) continue;
          if (exported.get(prefix(dep)) === undefined) missing.push(`${job} on shard ${s + 1} reads ${dep}`);
        }
      }
    });
    expect(missing).toEqual([]);
  });
});
