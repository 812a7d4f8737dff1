import type { Result } from '../util/result.js';
import type { FileDigest, FileMode } from './brands.js';

/** What a key records of one input file: its mode and git blob ID, or that it does not exist. */
export type InputState = { mode: FileMode; digest: FileDigest } | { missing: true };

/** Relative path → state, for every path that was asked about. */
export type DigestMap = Map<string, InputState>;

/**
 * Answers the state of many paths (relative to a source directory, '/'-separated) at once. Every source gives
 * git blob IDs, so the same bytes give the same key whichever source computed them.
 */
export interface DigestSource {
  /** How the digests are found, for messages and tests: `git-index`, `stream` or `git-commit`. */
  readonly kind: 'git-index' | 'stream' | 'git-commit';
  /** Fails only when the source itself is unusable (e.g. an unknown commit); a missing file is a value. */
  digests(paths: readonly string[]): Promise<Result<DigestMap, string>>;
}
