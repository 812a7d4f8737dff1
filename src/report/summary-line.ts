import type { JobStatus } from './events.js';

/** The line that ends a run's console output: what became of its jobs, and how long it took. */
export function summaryLine(c: Readonly<Record<JobStatus, number>>, durationMs: number): string {
  const total = c.cached + c.built + c.failed + c.skipped;
  return `disbuild: ${total} jobs: ${c.cached} cached, ${c.built} built, ${c.failed} failed, ${c.skipped} skipped in ${(durationMs / 1000).toFixed(2)}s\n`;
}
