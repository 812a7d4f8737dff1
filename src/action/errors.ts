import * as core from '@actions/core';
import { StepError } from './run-main.js';

/** What the main step's failure says: a user error verbatim, anything else as an internal error with its stack. */
export function describeMainError(e: unknown): string {
  if (e instanceof StepError) return e.message;
  return `disbuild failed unexpectedly: ${(e as Error).stack ?? String(e)}`;
}

/** Post only warns: cleaning up must never fail a job that succeeded. */
export function handlePostError(e: unknown): void {
  core.warning(`disbuild post step: ${(e as Error).message}`);
}
