import type { JobLabel } from '../graph/model.js';
import type { JobKey } from '../ids/brands.js';
import type { JobOutcome, JobStatus, RunSummary } from './events.js';
import type { JsonReport, ReportJob } from './json-report.js';

/** One runner's part of a scaled-out run: its report, or nothing when it never got to write one. */
export interface PartReport {
  /** `plan` for the planning runner, `shard i/n` for a shard. */
  part: string;
  report: JsonReport | undefined;
}

/** When runners report the same job, the most telling status wins: a build beats the restores of it. */
const RANK: Record<JobStatus, number> = { failed: 3, built: 2, skipped: 1, cached: 0 };

/**
 * The reports of the planner and the shards as one run's summary, as if one runner had built it all: each job
 * once (the planner's trunk is `built` even though the shards restored it), durations summed over the parts'
 * wall times' maximum, and a runner that left no report as a failure of its own.
 */
export function mergeReports(
  parts: readonly PartReport[],
  /** Why reports are missing, when known (the run may not write the cache); `passed`: not a failure then. */
  missing?: { why: string; passed: boolean },
): RunSummary {
  const jobs = new Map<string, JobOutcome>();
  let durationMs = 0;
  for (const { part, report } of parts) {
    if (!report) {
      if (!missing?.passed) jobs.set(`\0${part}`, missingPart(part, missing?.why));
      continue;
    }
    durationMs = Math.max(durationMs, report.durationMs);
    for (const j of report.jobs) {
      const outcome = fromReport(j);
      const seen = jobs.get(j.id);
      if (!seen || RANK[outcome.status] > RANK[seen.status]) jobs.set(j.id, outcome);
    }
  }
  const list = [...jobs.values()];
  const counts: Record<JobStatus, number> = { cached: 0, built: 0, failed: 0, skipped: 0 };
  for (const j of list) counts[j.status]++;
  return { jobs: list, counts, durationMs };
}

const STATUSES = new Set<string>(['cached', 'built', 'failed', 'skipped']);

function fromReport(j: ReportJob): JobOutcome {
  return {
    label: j.id as JobLabel,
    name: j.name,
    key: j.key as JobKey,
    status: STATUSES.has(j.status) ? (j.status as JobStatus) : 'failed',
    exitCode: j.exitCode,
    durationMs: j.durationMs,
    stdout: Buffer.from(j.stdout, 'utf8'),
    stderr: Buffer.from(j.stderr, 'utf8'),
    ...(j.message === undefined ? {} : { message: j.message }),
  };
}

function missingPart(part: string, why?: string): JobOutcome {
  return {
    label: '' as JobLabel,
    name: `(${part})`,
    key: '' as JobKey,
    status: 'failed',
    exitCode: null,
    durationMs: 0,
    stdout: Buffer.alloc(0),
    stderr: Buffer.alloc(0),
    message:
      why === undefined
        ? `${part} left no report: it crashed, was cancelled, or could not reach the cache; its jobs are not accounted for`
        : `${part} left no report: ${why}; its jobs are not accounted for`,
  };
}

/** Whether a report's job has the fields the merge reads, of their types (a report entry is untrusted). */
function isReportJob(j: unknown): j is ReportJob {
  if (typeof j !== 'object' || j === null) return false;
  const x = j as Record<string, unknown>;
  return (
    typeof x.id === 'string' &&
    typeof x.name === 'string' &&
    typeof x.key === 'string' &&
    typeof x.status === 'string' &&
    (x.exitCode === null || typeof x.exitCode === 'number') &&
    typeof x.durationMs === 'number' &&
    typeof x.stdout === 'string' &&
    typeof x.stderr === 'string' &&
    (x.message === undefined || typeof x.message === 'string')
  );
}

/** Reads a report file's text; anything else than a version 1 report is treated as no report at all. */
export function parseJsonReport(text: string): JsonReport | undefined {
  try {
    const v = JSON.parse(text) as JsonReport;
    if (
      v.version === 1 &&
      Array.isArray(v.jobs) &&
      typeof v.durationMs === 'number' &&
      v.jobs.every(isReportJob)
    )
      return v;
  } catch {
    // Fall through.
  }
  return undefined;
}
