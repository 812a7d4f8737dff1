import { describe, expect, it } from 'vitest';
import type { JobOutcome, RunSummary } from '../../../src/report/events.js';
import { renderSummaryMarkdown, summaryData } from '../../../src/report/run-summary-markdown.js';

function job(name: string, status: JobOutcome['status'], stderr = ''): JobOutcome {
  return {
    label: name as JobOutcome['label'],
    key: name as JobOutcome['key'],
    name,
    status,
    exitCode: status === 'failed' ? 2 : 0,
    durationMs: 1500,
    stdout: Buffer.alloc(0),
    stderr: Buffer.from(stderr),
  };
}

function summary(jobs: JobOutcome[]): RunSummary {
  const counts = { cached: 0, built: 0, failed: 0, skipped: 0 };
  for (const j of jobs) counts[j.status]++;
  return { jobs, counts, durationMs: 4200 };
}

describe('renderSummaryMarkdown', () => {
  it('puts failed jobs first with exit code, duration and the tail of stderr, then every job', () => {
    const md = renderSummaryMarkdown(
      summaryData(summary([job('a', 'cached'), job('b', 'failed', 'line1\nboom'), job('c', 'built')]), 10),
    );
    expect(md).toContain('## disbuild: 1 failed');
    expect(md).toContain('**b**: exit code 2 (exit code 2, 1.5 s)');
    expect(md.indexOf('boom')).toBeLessThan(md.indexOf('### Jobs'));
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| job'));
    expect(rows.map((r) => r.split('|')[1]!.trim())).toEqual(['b', 'c', 'a']);
  });

  it('stays under the size limit and says how many rows it left out', () => {
    const many = Array.from({ length: 5000 }, (_, i) => job(`job-${i}-${'x'.repeat(50)}`, 'cached'));
    const md = renderSummaryMarkdown(summaryData(summary(many), 10), 50_000);
    expect(md.length).toBeLessThanOrEqual(50_000);
    expect(md).toMatch(/… and \d+ more jobs/);
  });

  it('counts failed jobs beyond the annotation limit', () => {
    const failed = Array.from({ length: 12 }, (_, i) => job(`f${i}`, 'failed'));
    expect(renderSummaryMarkdown(summaryData(summary(failed), 10))).toContain(
      '2 more failed jobs have no annotation',
    );
  });
});
