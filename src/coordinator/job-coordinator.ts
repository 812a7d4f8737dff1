import type { JobKey } from '../ids/brands.js';

/**
 * What the engine needs from the Start/Finish coordinator, without knowing its transport.
 *
 * Deals with: claiming a key before building it, publishing the result, and reusing a result that another
 * worker or process produced for the same key. Does not deal with: caching across time (that is the cache).
 */
export interface JobCoordinator {
  /** Variables exported to every job so that tools inside it can speak the protocol too. */
  readonly env: Readonly<Record<string, string>>;
  /** Waits until this caller may build `key`, or until somebody else's result for it is available. */
  claim(key: JobKey): Promise<Claim>;
}

export type Claim =
  /**
   * Build it, then call `finish` exactly once with the built result or an error; or with `unpublished` (why) when
   * the result is this caller's alone (outputs its directory does not hold): a waiter builds it itself.
   */
  | {
      kind: 'build';
      finish(result: BuiltResult | { error: string } | { unpublished: string }): Promise<void>;
    }
  /** Another holder built it: `restore` writes its outputs into `outputDir` and answers its logs. */
  | { kind: 'reuse'; restore(outputDir: string): Promise<Omit<BuiltResult, 'outputDir' | 'inCache'>> }
  /** Another holder built it and saved it to the shared cache: restore it from there. */
  | { kind: 'cached' }
  /** Another holder failed it. */
  | { kind: 'failed'; error: string };

/** A successful build as the engine holds it; the coordinator turns it into labelled files if it publishes. */
export interface BuiltResult {
  outputDir: string;
  stdout: Buffer;
  stderr: Buffer;
  durationMs: number;
  /** The result is in the cache the coordinator's processes share, so waiters can restore it from there. */
  inCache: boolean;
}

/** No coordinator: every claim builds and finishing does nothing (one process, its own memoization). */
export const soloCoordinator: JobCoordinator = {
  env: {},
  claim: () => Promise.resolve({ kind: 'build', finish: () => Promise.resolve() }),
};
