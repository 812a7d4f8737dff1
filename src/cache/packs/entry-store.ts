/**
 * What the pack cache needs from a remote store of immutable directory entries: fetch the entry saved under a
 * key (or the newest under a key prefix) into a private directory, and save a workspace directory under a new
 * key. The GitHub Actions cache is one; the interface keeps `@actions/*` out of the pack logic.
 */
export interface EntryStore {
  /**
   * Fetches the entry saved from workspace directory `dir` under `key` (exact, else the newest whose key
   * starts with it) and places that directory's content at `into` (which must not exist), checked member by
   * member: nothing is ever written elsewhere. With `lookupOnly`, only says which entry matches (no download).
   */
  fetch(dir: string, key: string, into: string, opts?: { lookupOnly?: boolean }): Promise<FetchResult>;
  /** Saves workspace directory `dir` under `key`. */
  save(dir: string, key: string): Promise<SaveResult>;
  /**
   * Optional: keys of the newest entries of `ref` starting with `prefix`, newest first (at most `count`);
   * undefined when the store cannot list (no permission).
   */
  list?(prefix: string, ref: string, count: number): Promise<string[] | undefined>;
  /** Optional: whether the store stopped answering (a call ran out of time), so that every later call fails at once. */
  stopped?(): boolean;
}

export type FetchResult =
  /** `key`: the entry's own key (may be longer than the one asked for: a prefix match). */
  | { kind: 'hit'; key: string }
  /** The service answered cleanly that no such entry exists (never saved, or evicted). */
  | { kind: 'miss' }
  /** An entry exists but its archive was refused (members escaping the entry, not a tar): a miss, warned. */
  | { kind: 'bad'; key: string; message: string }
  /** The service or the download failed: nothing is known about the entry. */
  | { kind: 'failed'; message: string };

/** `denied`: the token may not write (read-only runs); not a failure. */
export type SaveResult = 'saved' | 'failed' | 'denied';
