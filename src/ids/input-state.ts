import type { Result } from '../util/result.js';
import type { FileDigest, FileMode } from './brands.js';

/**
 * What a key records of one input: the mode and git blob ID of the bytes that reading it yields (symbolic links
 * followed), plus, when the input is itself a symbolic link, the blob ID of its link text. A symbolic link to a
 * directory (`directory`) records where it leads instead of bytes: the blob ID of the directory's path in the
 * source directory, links resolved, so retargeting it, or any link on its way, changes the key; the files there
 * are inputs by their own paths. `missing` when nothing is there; `problem` when the path cannot be an input (a
 * dangling link, a path leading outside the source directory, a directory that is no link), with a message naming
 * the input.
 */
export type InputState =
  | { mode: FileMode; digest: FileDigest; link?: FileDigest }
  | { mode: 'directory'; digest: FileDigest; link: FileDigest }
  | { missing: true }
  | { problem: string };

/** Relative path → state, for every path that was asked about. */
export type DigestMap = Map<string, InputState>;

/**
 * Answers the state of many paths (relative to a source directory, '/'-separated) at once. Every source gives
 * git blob IDs of the bytes a job reads, so the same bytes give the same key whichever source computed them.
 */
export interface DigestSource {
  /** How the digests are found, for messages and tests: `git-index`, `stream` or `git-commit`. */
  readonly kind: 'git-index' | 'stream' | 'git-commit';
  /** Fails only when the source itself is unusable (e.g. an unknown commit); a missing file is a value. */
  digests(paths: readonly string[]): Promise<Result<DigestMap, string>>;
}
