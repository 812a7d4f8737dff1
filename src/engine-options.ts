import type { InputState, WorkTreeListings } from './ids/file-digest.js';
import type { JobKey } from './ids/brands.js';
import type { JobLabel } from './graph/model.js';
import type { Cache } from './cache/cache.js';
import type { Reporter } from './report/events.js';
import type { Timings } from './executor/timings.js';
import type { JobCoordinator } from './coordinator/job-coordinator.js';
import type { Launcher } from './executor/launcher.js';

/** How a run behaves; every adapter (CLI, Action, hook) builds one of these from its own inputs. */
export interface EngineOptions {
  /** Absolute path of the source checkout that inputs are relative to. */
  sourceDir: string;
  /** Folded into every key: OS, toolchain versions, anything the base environment implies. */
  salt: string;
  /** Maximum commands running at once (default: CPU count); as many jobs again are prepared ahead. */
  concurrency: number;
  /** Stop scheduling new jobs after the first failure (default: keep going). */
  failFast: boolean;
  /** Per-job time-out in milliseconds; 0 means none. */
  jobTimeoutMs: number;
  /** Job names or globs to build with their dependency closure; empty means all. */
  targets: readonly string[];
  /** 'minimal' restores a hit only when something needs its bytes; 'all' restores every hit. */
  download: 'minimal' | 'all';
  /** When set, the outputs of the selected targets are materialized under `<outDir>/<job name>/`. */
  outDir?: string;
  /** Which cached jobs' logs are replayed to the reporter. */
  logReplay: 'failed' | 'all' | 'none';
  /**
   * Whether a cached job's outcome carries its logs (default: yes). An adapter that neither replays nor reports
   * them says no: a hit's logs are then never read, and a remote cache's log blobs never downloaded, for a hit
   * whose bytes nothing needs (minimal download).
   */
  cachedLogs?: boolean;
  /** Only compute keys and look them up; run nothing. */
  dryRun: boolean;
  /**
   * Where the stat data and digests of in-place output files are kept between runs of this source directory, so
   * that a fully cached run checks them without reading them (see output-stat-records.ts); none: always read.
   */
  outputRecordsFile?: string;
  /** Scratch space for this run (job output dirs, temp dirs); removed at the end. */
  workDir: string;
  /** Base environment for exec commands (PATH, HOME); TMPDIR and coordinator variables are added per job. */
  baseEnv: Readonly<Record<string, string>>;
  /**
   * How input files are digested. 'working-tree' reads the checkout (git fast path when it is a work tree);
   * `{commit}` reads the tree of that commit (the pre-push hook) and never touches the working tree.
   */
  digests: 'working-tree' | { commit: string };
  /** With 'working-tree': the git fast path's calls, when the caller started them before reading the graph. */
  workTreeListings?: WorkTreeListings;
  /**
   * With 'working-tree': where keys computed from the same graph and digests are kept between runs, so that an
   * unchanged checkout takes them rather than computing them again (see keys-memo.ts); none: always computed.
   */
  keysMemoFile?: string;
  /** Called when the run is asked to stop (SIGINT/SIGTERM): jobs are killed, nothing partial is saved. */
  signal?: AbortSignal;
}

/** The implementations a run uses; only adapters construct them. */
export interface EngineDeps {
  cache: Cache;
  reporter: Reporter;
  /** Past build durations for critical-path scheduling; none by default. */
  timings?: Timings;
  /** Claims keys before building them so no key is built twice at once; a solo coordinator by default. */
  coordinator?: JobCoordinator;
  /**
   * A launcher the adapter started ahead (startLauncherAhead); the run uses it, and closes it when every
   * job hits. Without one the run starts its own when it needs one.
   */
  launcher?: Promise<Launcher | undefined>;
  /**
   * Whether jobs `timings` never saw are taken for misses: a run with many of them boots the launcher while keys
   * are computed (they were never built with this cache). True by default; false in front of a remote cache, where
   * an empty local cache is a fresh clone whose builds CI has done, and a launcher booted for nothing takes a core
   * from the lookups.
   */
  untimedWillBuild?: boolean;
  /** Told every job's key and the input digests they were made from, before anything runs (explanations). */
  onKeyed?: (digests: ReadonlyMap<string, InputState>, keys: ReadonlyMap<JobLabel, JobKey>) => void;
  /**
   * Told each cached job whose in-place outputs were found in place, nothing written, with the artifact (the
   * cache's name for it) they were checked against.
   */
  onInPlaceUnchanged?: (label: JobLabel, artifact: string) => void;
}
