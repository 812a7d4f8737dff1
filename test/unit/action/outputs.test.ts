import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Inputs } from '../../../src/action/inputs.js';
import { idleOutputs, Outputs, planOutputs, runOutputs } from '../../../src/action/outputs.js';
import type { JobOutcome, RunSummary } from '../../../src/report/events.js';

function job(name: string, status: JobOutcome['status']): JobOutcome {
  return {
    label: name as JobOutcome['label'],
    key: name as JobOutcome['key'],
    name,
    status,
    exitCode: status === 'failed' ? 1 : 0,
    durationMs: 1,
    stdout: Buffer.alloc(0),
    stderr: Buffer.alloc(0),
  };
}

describe('action outputs', () => {
  it('names failed jobs as JSON and counts every status', () => {
    const jobs = [job('a', 'cached'), job('b "quoted"', 'failed'), job('c', 'skipped'), job('d', 'built')];
    const summary: RunSummary = {
      jobs,
      counts: { cached: 1, built: 1, failed: 1, skipped: 1 },
      durationMs: 5,
    };
    expect(runOutputs(summary, '/tmp/r.json')).toEqual({
      'failed-jobs': '["b \\"quoted\\""]',
      cached: '1',
      built: '1',
      failed: '1',
      skipped: '1',
      report: '/tmp/r.json',
    });
  });

  it('plan mode sets the matrix, the plan for the shards, the plan made, the copied jobs, and counts what is cached already', () => {
    expect(
      planOutputs({
        total: 10,
        missed: 4,
        encoded: '{"v":1}',
        matrix: { shard: ['1/2', '2/2'] },
        copies: [{ name: 'gen', shards: 2, seconds: 1.5 }],
        style: 'trunk',
      }),
    ).toEqual({
      'plan-mode': 'trunk',
      matrix: '{"shard":["1/2","2/2"]}',
      plan: '{"v":1}',
      duplicated: '[{"name":"gen","shards":2,"seconds":1.5}]',
      cached: '6',
    });
  });

  it('mirrors action.yml: every input and output declared there, and nothing else', async () => {
    const yml = await readFile(resolve(import.meta.dirname, '../../../action.yml'), 'utf8');
    const section = (name: string): string[] => {
      const body = yml.split(new RegExp(`^${name}:\\n`, 'm'))[1]!.split(/^\S/m)[0]!;
      return [...body.matchAll(/^ {2}([a-z-]+):$/gm)].map((m) => m[1]!).sort();
    };
    expect(section('inputs')).toEqual(Object.values(Inputs).sort());
    expect(section('outputs')).toEqual(Object.values(Outputs).sort());
    expect(yml).toMatch(/using: node24\n\s+main: dist\/main\/index\.js\n\s+post: dist\/post\/index\.js/);
  });

  it('an idle shard, or a planner with no trunk, sets the report output too (documented as always set)', () => {
    // Before: every output but `report`.
    expect(idleOutputs('/tmp/r.json')).toEqual({
      [Outputs.failedJobs]: '[]',
      [Outputs.report]: '/tmp/r.json',
      cached: '0',
      built: '0',
      failed: '0',
      skipped: '0',
    });
  });
});
