/**
 * What the pack cache needs from a remote store of immutable directory entries: restore the entry saved under
 * a key (or the newest under a key prefix) into a fixed local directory, and save that directory under a new key.
 * The GitHub Actions cache is one; the interface keeps `@actions/*` out of the pack logic.
 */
export interface EntryStore {
  /** Restores into `dir` (relative to the workspace, fixed per kind); answers the matched key, or undefined. */
  restore(dir: string, key: string, restorePrefixes: string[]): Promise<string | undefined>;
  /** Saves `dir` under `key`; false when the store did not keep it. */
  save(dir: string, key: string): Promise<boolean>;
}
