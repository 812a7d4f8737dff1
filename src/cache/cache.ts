import type { JobKey } from '../ids/brands.js';
import type { Result } from '../util/result.js';
import type { PlaceFile } from './place-files.js';

/**
 * The cache contract every backend implements (local, github, http, layered, null).
 *
 * Deals with: finding which keys have artifacts, restoring one on demand, saving one.
 * Does not deal with: deciding what to restore — the engine calls `restore()` only when something needs the bytes.
 * A backend never throws for cache trouble: it answers a miss, or a failed outcome, and reports a warning.
 */
export interface Cache {
  /** Which of these keys have a complete artifact. Keys absent from the map are misses. */
  lookup(keys: readonly JobKey[]): Promise<Map<JobKey, CacheHit>>;
  /** Stores a successful job's outputs. Saving a key that exists is a harmless no-op. */
  save(key: JobKey, artifact: ArtifactToSave): Promise<SaveOutcome>;
  /**
   * Optional: a new empty directory for a job's outputs that `save` can take over instead of copying it. When
   * it does, the outputs move, and the outcome says where (`outputDir`). Directories not taken over are the
   * backend's to remove at `close`.
   */
  newOutputDir?(key: JobKey): string;
  /** Optional: as `newOutputDir`, without blocking: for a backend that restores into this one, many at once. */
  newRestoreDir?(key: JobKey): Promise<string>;
  /**
   * Optional: stores an artifact that arrived as one archive (a remote hit) and answers where its tree is now,
   * for the caller to read in place. Every file is checked against the manifest before anything is written, and
   * the tree is stored read-only (`sealed`). `corrupt`: the archive does not match the manifest (nothing was
   * stored); `cache-unavailable`: this cache could not take it (the caller restores it some other way).
   */
  adoptArchive?(
    key: JobKey,
    artifact: ArchiveToAdopt,
  ): Promise<Result<RestoredElsewhere, { reason: 'corrupt' | 'cache-unavailable'; message: string }>>;
  /**
   * Optional: up to `count` restores may follow soon (an --out-dir of that many targets), so a backend that
   * spreads restores over a helper thread can start booting it now, while keys are still being computed.
   */
  expectRestores?(count: number): void;
  /**
   * Optional: the caller found the artifact of `key` unusable for its job (in-place files beyond the job's
   * outputs, a link out of the checkout): a backend that keeps artifacts drops its copy, so that the job's build
   * takes its place, and does not offer it again in this run.
   */
  discard?(key: JobKey): Promise<void>;
  /**
   * Optional: a build of `key` in this run that will not be saved (its inputs changed while it ran, it wrote
   * through a link): a backend that told others to expect it says it will not come.
   */
  unsaved?(key: JobKey): void;
  /**
   * Optional: after `close`, what vouches that the hits of `keys`, every one of which this run's lookup found, are
   * still there without looking them up again: the directories holding them, each with the stat data it must
   * still have (see dirKey); undefined when nothing does.
   */
  vouchedHits?(keys: readonly JobKey[]): VouchedHits | undefined;
  /**
   * Optional: the run was asked to stop (a signal). A backend that waits on a server abandons what it still
   * waits for (lookups, uploads) at once, and asks nothing more: its lookups then miss, and `close` does not wait.
   */
  interrupt?(): void;
  /** Called once at the end of a run (backends that batch writes, such as packs, flush here). */
  close(): Promise<void>;
}

/** See Cache.vouchedHits. */
export interface VouchedHits {
  shards: [dir: string, stat: string][];
  /**
   * The file that vouched for the hits without their entries being read, with the stat data it must still have: a
   * lookup without it reads every entry (and may find one damaged in place).
   */
  memo: [file: string, stat: string];
  /** Until when the hits' last uses stand; a run after this marks them used again. */
  freshUntilMs: number;
}

/** What a successful job leaves behind. */
export interface ArtifactToSave {
  /** Directory whose whole tree is the job's output. */
  outputDir: string;
  stdout: Buffer;
  stderr: Buffer;
  /**
   * Set when a log grew too large to keep in memory: this file holds all of it, and `stdout` (`stderr`) only
   * its two ends for display. Backends store the file, never the display bytes.
   */
  stdoutFile?: string;
  stderrFile?: string;
  durationMs: number;
  /** The job's name, when known: backends that keep durations by name (for planners) record it. */
  jobName?: string;
  /**
   * The tree's manifest, when the caller has just hashed these very files against it (a verified download):
   * the save trusts it instead of hashing the tree again. Its logs' digests must be those of `stdout`/`stderr`.
   */
  verifiedManifest?: Manifest;
  /**
   * Make the tree read-only (as util/seal-tree.ts does) while hashing it, when the save takes the directory over
   * and hashes it: one pass over the tree instead of two. The outcome says whether it did (`sealed`).
   */
  seal?: boolean;
}

/**
 * An artifact as one archive: the bytes of the manifest's files one after the other, in its order (gzipped when
 * `encoding` says so); the logs already checked against the manifest's digests.
 */
export interface ArchiveToAdopt {
  archive: Buffer;
  /**
   * Nothing else reads the memory under `archive` (its whole ArrayBuffer): the cache may move it to another
   * thread instead of copying it, leaving it unusable here.
   */
  owned?: true;
  /** Called with the memory of an `owned` archive once nothing reads it any more (when the cache knows it). */
  release?(memory: ArrayBuffer): void;
  encoding: 'identity' | 'gzip';
  manifest: Manifest;
  stdout: Buffer;
  stderr: Buffer;
  durationMs: number;
}

/** A found artifact; its bytes are fetched only by `restore`. */
export interface CacheHit {
  key: JobKey;
  /** How long the job took when it was built. */
  durationMs: number;
  /** The job's captured logs (cheap: no output bytes are moved). Counts as a use (see `used`). */
  logs(): Promise<{ stdout: Buffer; stderr: Buffer }>;
  /**
   * Optional: tells a backend that orders its entries by last use (least-recently-used pruning) that the run used
   * this hit, for a hit neither restored nor asked for its logs.
   */
  used?(): void;
  /**
   * Writes the output tree into `destDir` (which must not exist yet, or be empty) and verifies every file against
   * the manifest. On failure nothing is left at `destDir` and the caller treats the key as a miss. A backend may
   * instead answer `{dir}`: the verified tree is there, in a directory it keeps (as `save` does with a
   * `newOutputDir`), which the caller reads in place and never moves or changes.
   */
  restore(destDir: string): Promise<Result<void | RestoredElsewhere, RestoreFailure>>;
  /**
   * Optional: the artifact's manifest entries when the backend holds them without fetching anything, so that
   * in-place outputs already in the checkout can be checked against them instead of restored.
   */
  entries?(): readonly ManifestEntry[] | undefined;
  /**
   * Optional: where a backend that keeps artifacts as plain files stores the file at a manifest path, to be read
   * (never written) and checked against `entries()`, so that in-place outputs go straight into the checkout.
   */
  storedFile?(path: string): string;
  /**
   * Optional, with `storedFile`: puts stored files in their places, each checked as it is written (placeFiles),
   * on whichever of the backend's threads has time; the manifest path of the first that does not match.
   */
  place?(files: readonly PlaceFile[]): Promise<Result<void, string>>;
  /**
   * Optional, with `storedFile`: a name for the stored artifact that no artifact with another manifest has (not
   * even one saved later under the same key), so that what a check of in-place outputs against it found may be
   * remembered.
   */
  artifact?: string;
}

/** Where a restore put the tree instead of `destDir`. */
export interface RestoredElsewhere {
  dir: string;
  /** The tree there is read-only already (as util/seal-tree.ts makes it): the caller need not seal it. */
  sealed?: true;
}

export type RestoreFailure =
  | { reason: 'corrupt'; message: string }
  | { reason: 'missing'; message: string }
  /** `reported`: the backend has already warned that it is off for the run; the caller need not warn again. */
  | { reason: 'cache-unavailable'; message: string; reported?: boolean };

export type SaveOutcome =
  /**
   * `outputDir`: where the outputs are now, when the save took over a directory from `newOutputDir`;
   * `manifest`: what the backend stored, when it built one (uploads reuse it instead of hashing again);
   * `sealed`: the tree at `outputDir` was made read-only, as `seal` asked.
   */
  | { saved: true; outputDir?: string; manifest?: Manifest; sealed?: true }
  | { saved: false; reason: 'exists' | 'disabled' | 'cache-unavailable' | 'unsafe-output'; message?: string };

/** One file of an artifact's output tree, as recorded in its manifest. */
export interface ManifestEntry {
  /** Relative path with '/' separators. */
  path: string;
  type: 'file' | 'dir' | 'symlink';
  /** Permission bits (0o755 or 0o644 for files). */
  mode: number;
  size: number;
  /** SHA-256 hex of the content (files), of the target string (symlinks), '' for dirs. */
  sha256: string;
  /** Symlink target, relative and inside the tree. */
  target?: string;
}

export interface Manifest {
  version: 1;
  key: JobKey;
  durationMs: number;
  stdoutSha256: string;
  stderrSha256: string;
  entries: ManifestEntry[];
}
