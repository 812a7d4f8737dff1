import { describe, expect, it } from 'vitest';
import { mergeReports, parseJsonReport } from '../../../src/report/merge-reports.js';

const job = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'a',
  name: 'a',
  key: 'k',
  status: 'built',
  exitCode: 0,
  durationMs: 1,
  stdout: '',
  stderr: '',
  ...over,
});
const report = (jobs: unknown[]): string => JSON.stringify({ version: 1, counts: {}, durationMs: 1, jobs });

describe('parts’ reports', () => {
  it('takes a report whose jobs have the fields the merge reads', () => {
    const r = parseJsonReport(report([job()]));
    expect(r).toBeDefined();
    expect(mergeReports([{ part: 'shard 1/1', report: r }]).counts.built).toBe(1);
  });

  it('takes a report with a job of the wrong shape for none: a missing part, not a crash', () => {
    // Before: taken, and the merge threw on a stdout that is not a string ("failed unexpectedly").
    for (const bad of [job({ stdout: 5 }), job({ name: null }), null, job({ exitCode: 'x' })]) {
      const r = parseJsonReport(report([bad]));
      expect(r).toBeUndefined();
      const merged = mergeReports([{ part: 'shard 1/1', report: r }]);
      expect(merged.counts.failed).toBe(1);
      expect(merged.jobs[0]!.message).toMatch(/shard 1\/1 left no report/);
    }
  });
});
