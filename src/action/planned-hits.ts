import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeReportFile } from '../report/json-report.js';
import { parseJsonReport } from '../report/merge-reports.js';
import type { PlannedHit } from './plan.js';

/**
 * The planner's part of the run for the aggregate step (see PartReports): its report, and every job it found
 * cached that it did not restore itself. A shard that needed one of them reports it too (the aggregate keeps each
 * job once); the others would be missing from the run's summary and counts, as if the graph were smaller.
 */
export function withPlannedHits(reportPath: string, hits: readonly PlannedHit[]): string {
  try {
    return reportWithPlannedHits(reportPath, hits);
  } catch {
    // Left out rather than no report at all: the aggregate then lists only what the parts built or restored.
    return reportPath;
  }
}

function reportWithPlannedHits(reportPath: string, hits: readonly PlannedHit[]): string {
  const report = parseJsonReport(readFileSync(reportPath, 'utf8'));
  if (report === undefined || hits.length === 0) return reportPath;
  const listed = new Set(report.jobs.map((j) => j.id));
  const added = hits
    .filter((h) => !listed.has(h.label))
    .map((h) => ({
      id: h.label,
      name: h.name,
      key: h.key,
      status: 'cached',
      exitCode: 0,
      // A damaged index may say anything: a report that says NaN is no report at all.
      durationMs: Number.isFinite(h.durationMs) && h.durationMs >= 0 ? h.durationMs : 0,
      stdout: '',
      stderr: '',
    }));
  const path = join(dirname(reportPath), 'disbuild-plan-part.json');
  writeReportFile(path, {
    ...report,
    counts: { ...report.counts, cached: report.counts.cached + added.length },
    jobs: [...report.jobs, ...added],
  });
  return path;
}
