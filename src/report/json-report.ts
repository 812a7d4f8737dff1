import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunSummary } from './events.js';

/** Logs larger than this are cut in the report (and say so); the full text stays in the job's log. */
export const REPORT_LOG_LIMIT = 1024 * 1024;

/** One job in the JSON report; the shape is a public contract (`version: 1`). */
export interface ReportJob {
  id: string;
  name: string;
  key: string;
  status: string;
  exitCode: number | null;
  durationMs: number;
  stdout: string;
  stderr: string;
  stdoutTruncated?: true;
  stderrTruncated?: true;
  message?: string;
}

export interface JsonReport {
  version: 1;
  counts: RunSummary['counts'];
  durationMs: number;
  jobs: ReportJob[];
}

/** The report as data: pure, so tests and other reporters can use it without a file. */
export function buildJsonReport(summary: RunSummary): JsonReport {
  return {
    version: 1,
    counts: summary.counts,
    durationMs: summary.durationMs,
    jobs: summary.jobs.map((j) => {
      const job: ReportJob = {
        id: j.label,
        name: j.name,
        key: j.key,
        status: j.status,
        exitCode: j.exitCode,
        durationMs: j.durationMs,
        stdout: '',
        stderr: '',
      };
      job.stdout = j.stdout.subarray(0, REPORT_LOG_LIMIT).toString('utf8');
      if (j.stdout.length > REPORT_LOG_LIMIT) job.stdoutTruncated = true;
      job.stderr = j.stderr.subarray(0, REPORT_LOG_LIMIT).toString('utf8');
      if (j.stderr.length > REPORT_LOG_LIMIT) job.stderrTruncated = true;
      if (j.message !== undefined) job.message = j.message;
      return job;
    }),
  };
}

/**
 * Writes the report atomically, so a reader never sees half a file. In place: a run that needed no thread pool
 * does not start one for its last file (see removeDeadTemps).
 */
export function writeJsonReport(path: string, summary: RunSummary): void {
  writeReportFile(path, buildJsonReport(summary));
}

/** As writeJsonReport, of a report as data. */
export function writeReportFile(path: string, report: JsonReport): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, JSON.stringify(report, null, 2) + '\n');
    renameSync(tmp, path);
  } catch (e) {
    // A full disk leaves no half-written file behind; the error that says why is the one reported.
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing more to do about it.
    }
    throw e;
  }
}
