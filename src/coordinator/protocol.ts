/**
 * The Start/Finish wire protocol (JSON over HTTP/1.1, bearer token), as DESIGN.md §4 specifies.
 * Contract types only; the transport lives in server.ts and client.ts.
 */

export const START_ROUTE = '/never-build-twice.start';
export const FINISH_ROUTE = '/never-build-twice.finish';
/** Extends the holder's lease; a holder that stops renewing loses its token to a waiter. */
export const RENEW_ROUTE = '/never-build-twice.renew';

/** Largest request body the server reads. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface StartRequest {
  importPath: string;
}

/** Either run the task and finish it (`token`), or reuse these files (`extra`: label → path). */
export type StartResponse = { token: string } | { extra: Record<string, string> };

/**
 * `extra`: the files, published to every waiter; `error`: the build failed, for every waiter too. `release` (this
 * implementation's addition, alone): built, but for this caller only (outputs its files do not hold): the oldest
 * waiter gets a fresh token and builds it itself, as when a holder goes away, without waiting for its lease.
 */
export interface FinishRequest {
  importPath: string;
  token: string;
  extra?: Record<string, string>;
  error?: string;
  release?: true;
}

export interface RenewRequest {
  importPath: string;
  token: string;
}

export interface ErrorResponse {
  error: string;
}

/** Environment variables through which jobs reach the coordinator. */
export const ENV_ADDRESS = 'DISBUILD_COORDINATOR';
export const ENV_TOKEN = 'DISBUILD_COORDINATOR_TOKEN';

export function coordinatorEnv(address: string, bearer: string): Record<string, string> {
  return { [ENV_ADDRESS]: address, [ENV_TOKEN]: bearer };
}

/** A label names one file of a result: a single valid file-name part. */
export function labelProblem(label: string): string | undefined {
  if (label === '' || label === '.' || label === '..')
    return `label ${JSON.stringify(label)} is not a file name`;
  if (label.includes('/') || label.includes('\0'))
    return `label ${JSON.stringify(label)} must not contain "/" or NUL`;
  if (Buffer.byteLength(label) > 255)
    return `label ${JSON.stringify(label.slice(0, 40))}… is longer than 255 bytes`;
  return undefined;
}
