import * as core from '@actions/core';

/** A failure of the step itself (bad inputs, invalid graph), as opposed to failed jobs: shown verbatim. */
export class StepError extends Error {}

/** What the main step's failure says: a user error verbatim, anything else as an internal error with its stack. */
export function describeMainError(e: unknown): string {
  if (e instanceof StepError) return e.message;
  return `disbuild failed unexpectedly: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}

/**
 * Runs the main step and fails it when a job failed or the step could not run. The only `core.setFailed` of
 * the main entry.
 */
export async function handleMain(run: () => Promise<boolean>): Promise<void> {
  let failure: string | undefined;
  try {
    if (!(await run())) failure = 'disbuild: some jobs failed (see the step summary)';
  } catch (e) {
    failure = describeMainError(e);
  }
  if (failure !== undefined) core.setFailed(failure);
}

/** Runs the post step; it only warns: cleaning up must never fail a job that succeeded. */
export async function handlePost(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    core.warning(`disbuild post step: ${e instanceof Error ? e.message : String(e)}`);
  }
}
