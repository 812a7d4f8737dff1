import type { JobLabel } from '../graph/model.js';
import type { JobKey } from '../ids/brands.js';

/** The final state of one job in a run. */
export type JobStatus = 'cached' | 'built' | 'failed' | 'skipped';

/** Identifies a job in events and reports. */
export interface JobRef {
  label: JobLabel;
  name: string;
  key: JobKey;
}

/** Everything known about one job once the run has decided it. */
export interface JobOutcome extends JobRef {
  status: JobStatus;
  /** Exit status of the failing (or last) command; null when killed by a signal, skipped, or never run. */
  exitCode: number | null;
  durationMs: number;
  stdout: Buffer;
  stderr: Buffer;
  /** Why a job failed or was skipped, in words a user can act on. */
  message?: string;
}

export interface RunSummary {
  jobs: JobOutcome[];
  counts: Record<JobStatus, number>;
  durationMs: number;
  /** Targets whose outputs could not be put in `--out-dir`, in words a user can act on; the run failed. */
  outDirFailures?: string[];
}

/** What the engine tells reporters, in order. Reporters render; they never decide. */
export type RunEvent =
  | { type: 'run-start'; total: number; cached: number; toRun: number }
  | { type: 'job-start'; job: JobRef }
  | { type: 'job-output'; job: JobRef; stream: 'stdout' | 'stderr'; chunk: Buffer }
  | { type: 'job-end'; outcome: JobOutcome }
  | { type: 'warning'; message: string; job?: JobRef }
  | { type: 'run-end'; summary: RunSummary };

/** Receives events; implementations write to an injected stream. */
export interface Reporter {
  onEvent(event: RunEvent): void;
}
