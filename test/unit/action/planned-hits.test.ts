import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withPlannedHits } from '../../../src/action/planned-hits.js';
import type { PlannedHit } from '../../../src/action/plan.js';
import type { JobLabel } from '../../../src/graph/model.js';
import type { JobKey } from '../../../src/ids/brands.js';
import { writeJsonReport } from '../../../src/report/json-report.js';
import { mergeReports, parseJsonReport } from '../../../src/report/merge-reports.js';

const hit = (name: string, durationMs = 5): PlannedHit => ({
  label: `id-${name}` as JobLabel,
  name,
  key: `${name}-key` as JobKey,
  durationMs,
});

describe('the planner’s report with the jobs it found cached', () => {
  let dir: string;
  let report: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'disbuild-planned-hits-'));
    report = join(dir, 'disbuild-report.json');
    // The trunk: one job built.
    writeJsonReport(report, {
      jobs: [
        {
          label: 'id-root' as JobLabel,
          name: 'root',
          key: 'root-key' as JobKey,
          status: 'built',
          exitCode: 0,
          durationMs: 100,
          stdout: Buffer.from('built\n'),
          stderr: Buffer.alloc(0),
        },
      ],
      counts: { cached: 0, built: 1, failed: 0, skipped: 0 },
      durationMs: 100,
    });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists each once, beside what it built, and leaves its own report as it was', () => {
    const before = readFileSync(report, 'utf8');
    const part = withPlannedHits(report, [hit('a'), hit('b'), hit('root')]);
    expect(readFileSync(report, 'utf8')).toBe(before);
    const merged = mergeReports([{ part: 'plan', report: parseJsonReport(readFileSync(part, 'utf8')) }]);
    expect(merged.counts).toEqual({ cached: 2, built: 1, failed: 0, skipped: 0 });
    expect(merged.jobs.map((j) => `${j.name}:${j.status}`).sort()).toEqual([
      'a:cached',
      'b:cached',
      'root:built',
    ]);
  });

  it('stays a report when an index said a duration that is no number (before: NaN, and no report at all)', () => {
    const part = withPlannedHits(report, [hit('a', Number.NaN), hit('b', -1), hit('c', Infinity)]);
    const parsed = parseJsonReport(readFileSync(part, 'utf8'));
    expect(parsed).toBeDefined();
    expect(parsed!.jobs.filter((j) => j.status === 'cached').map((j) => j.durationMs)).toEqual([0, 0, 0]);
  });

  it('hands over the report as it is when it cannot be read, or nothing was found cached', () => {
    expect(withPlannedHits(report, [])).toBe(report);
    writeFileSync(report, 'not json');
    expect(withPlannedHits(report, [hit('a')])).toBe(report);
    expect(withPlannedHits(join(dir, 'missing.json'), [hit('a')])).toBe(join(dir, 'missing.json'));
  });
});
