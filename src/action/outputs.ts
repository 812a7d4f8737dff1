import * as core from '@actions/core';
import type { JobStatus, RunSummary } from '../report/events.js';

/** Output names, mirroring action.yml. */
export const Outputs = {
  failedJobs: 'failed-jobs',
  cached: 'cached',
  built: 'built',
  failed: 'failed',
  skipped: 'skipped',
  report: 'report',
  matrix: 'matrix',
  plan: 'plan',
  duplicated: 'duplicated',
  planMode: 'plan-mode',
} as const;

/** What main hands to post through the runner's state file. */
export const State = {
  /** The run's scratch directory under RUNNER_TEMP, removed by post should main have been cut short. */
  workDir: 'work-dir',
} as const;

const STATUSES: readonly JobStatus[] = ['cached', 'built', 'failed', 'skipped'];

/** Every output a run sets, as data: tests and the step both read it from here. */
export function runOutputs(summary: RunSummary, reportPath: string): Record<string, string> {
  const out: Record<string, string> = {
    [Outputs.failedJobs]: JSON.stringify(
      summary.jobs.filter((j) => j.status === 'failed').map((j) => j.name),
    ),
    [Outputs.report]: reportPath,
  };
  for (const s of STATUSES) out[s] = String(summary.counts[s]);
  return out;
}

/** A shard with nothing to do (or a planner with no trunk): no job ran, none failed; `reportPath` says so. */
export function idleOutputs(reportPath: string): Record<string, string> {
  const out: Record<string, string> = { [Outputs.failedJobs]: '[]', [Outputs.report]: reportPath };
  for (const s of STATUSES) out[s] = '0';
  return out;
}

/**
 * Plan mode's outputs: the matrix and the plan for the shards. The counts are the planner's own run (the
 * trunk), set by the engine's outputs before these; `cached` here counts every selected job that already hit.
 */
export function planOutputs(plan: {
  total: number;
  missed: number;
  encoded: string;
  matrix: { shard: string[] };
  copies: readonly { name: string; shards: number; seconds: number }[];
  style: string;
}): Record<string, string> {
  return {
    [Outputs.planMode]: plan.style,
    [Outputs.matrix]: JSON.stringify(plan.matrix),
    [Outputs.duplicated]: JSON.stringify(plan.copies),
    [Outputs.plan]: plan.encoded,
    [Outputs.cached]: String(plan.total - plan.missed),
  };
}

/** The one place outputs are written. */
export function setOutputs(outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}
