import { execFileSync } from 'node:child_process';
import type { Graph, JobLabel } from '../graph/model.js';
import type { ManifestEntry } from '../cache/cache.js';
import {
  captureOutputs,
  clearOutputs,
  type OutputGlobs,
  type PlaceFailure,
  placeOutputs,
} from './in-place.js';
import { inPlacePaths, outputsInPlace, restoreInPlace, type StoredArtifact } from './in-place-restore.js';
import { LaterOwners } from './later-owners.js';
import { OutputStatRecords } from './output-stat-records.js';
import { WorkerPool } from './worker-pool.js';

/**
 * The in-place outputs of one run's jobs (`Outputs` in the graph), by job label. Jobs without `Outputs` cost
 * nothing here: every method returns at once for them.
 *
 * Deals with: which globs a job has, which jobs below a job have any, and never touching an input file.
 * Does not deal with: file operations (in-place.ts) or when they happen (execution.ts).
 */
export class InPlaceOutputs {
  readonly #graph: Graph;
  readonly #sourceDir: string;
  readonly #globs = new Map<JobLabel, OutputGlobs | undefined>();
  readonly #below = new Map<JobLabel, readonly JobLabel[]>();

  /**
   * The in-place files each job put in the checkout in this run (built, restored or found there already): a
   * manifest's until a job that runs asks (most never are asked).
   */
  readonly #held = new Map<JobLabel, ReadonlySet<string> | (() => ReadonlySet<string>)>();
  #inputs: Set<string> | undefined;

  /** Whether any job has in-place outputs: most graphs have none, and then nothing here costs anything. */
  readonly #any: boolean;

  /** Whether restored output directories are scratch nobody reads after placing (see `placeOutputs`). */
  readonly #move: boolean;

  readonly #compile: ((patterns: readonly string[]) => OutputGlobs) | undefined;

  readonly #records: OutputStatRecords;

  /** Whose outputs a file the checkout holds beyond a job's artifact is (see later-owners.ts). */
  readonly #owners: LaterOwners;

  /** Jobs writing in-place outputs from the cache at once (see restoreInPlace). */
  readonly #writers = new WorkerPool(8);

  /**
   * `compile` (output-globs.ts) is needed only when some job has `Outputs`: most runs never load it.
   * `recordsFile`: where the stat data of in-place output files is remembered between runs (none: every check
   * reads the files).
   */
  constructor(
    graph: Graph,
    sourceDir: string,
    opts: {
      moveFromRestores?: boolean;
      compile?: (patterns: readonly string[]) => OutputGlobs;
      recordsFile?: string;
    } = {},
  ) {
    this.#graph = graph;
    this.#sourceDir = sourceDir;
    this.#move = opts.moveFromRestores ?? false;
    this.#compile = opts.compile;
    this.#records = new OutputStatRecords(opts.recordsFile);
    this.#owners = new LaterOwners(graph, (label) => this.#of(label));
    this.#any = graph.jobs.some((j) => j.outputs !== undefined && j.outputs.length > 0);
  }

  #of(label: JobLabel): OutputGlobs | undefined {
    if (!this.#globs.has(label)) {
      const outputs = this.#graph.byLabel.get(label)?.outputs;
      if (outputs && outputs.length > 0 && !this.#compile) throw new Error('output globs without a compiler');
      this.#globs.set(label, outputs && outputs.length > 0 ? this.#compile!(outputs) : undefined);
    }
    return this.#globs.get(label);
  }

  /**
   * No file any job reads, and no file git tracks, is ever removed as a stale output or captured as one, whatever
   * the globs say (a broad glob such as `**\/*.js` must not take sources with it). Asked only when one matches.
   */
  readonly #protect = (path: string): boolean => {
    if (!this.#inputs) {
      this.#inputs = new Set(trackedFiles(this.#sourceDir));
      for (const j of this.#graph.jobs) for (const i of j.inputs) this.#inputs.add(i);
    }
    return this.#inputs.has(path);
  };

  /**
   * What putting a job's artifact back leaves alone beside its files: what `#protect` keeps, the outputs of jobs
   * that depend on it (see later-owners.ts), and what other jobs of this run put in the checkout (`#others`).
   */
  #keepOnRestore(label: JobLabel): (path: string) => boolean {
    return (path) => this.#protect(path) || this.#othersOwn(label, path);
  }

  /** A file the checkout holds beyond a job's artifact that is not the job's to remove or count. */
  #othersOwn(label: JobLabel, path: string): boolean {
    return this.#owners.owns(label, path) || this.#others(label, path);
  }

  /**
   * Whether `path` is another job's: one of the files a job other than `label` put in the checkout in this run
   * (built, restored or found in place), or one the globs match of a job not settled yet (queued, running, or not
   * in this run) that neither depends on `label` (it writes later: its stale files are stale) nor is one `label`
   * depends on (those are settled; one with the same key as another may never be). Sibling tasks whose globs
   * overlap (`bundle`: `dist/bundle.js`, `types`: `dist/*.js`, both after `build`) otherwise removed each other's
   * files. `capture`: for what a job captures, where only files that jobs it does not depend on hold count (globs
   * must not take a job's own outputs out of its artifact).
   */
  #others(label: JobLabel, path: string, capture = false): boolean {
    if (!this.#any) return false;
    const below = this.transitiveWithOutputs(label);
    return this.#owners.claimants(path, (other) => {
      if (other === label) return false;
      const dependency = below.includes(other);
      if (capture && dependency) return false;
      const held = this.#heldBy(other);
      if (held !== undefined) return held.has(path);
      return (
        !capture &&
        !dependency &&
        this.#of(other)?.matches(path) === true &&
        !this.#owners.dependsOn(other, label)
      );
    });
  }

  #heldBy(label: JobLabel): ReadonlySet<string> | undefined {
    let held = this.#held.get(label);
    if (typeof held === 'function') {
      held = held();
      this.#held.set(label, held);
    }
    return held;
  }

  /** The jobs with in-place outputs among all that `label` depends on, directly or not. */
  transitiveWithOutputs(label: JobLabel): readonly JobLabel[] {
    if (!this.#any) return [];
    let below = this.#below.get(label);
    if (below) return below;
    const seen = new Set<JobLabel>();
    const stack = [...(this.#graph.byLabel.get(label)?.deps ?? [])];
    while (stack.length > 0) {
      const l = stack.pop()!;
      if (seen.has(l)) continue;
      seen.add(l);
      stack.push(...(this.#graph.byLabel.get(l)?.deps ?? []));
    }
    below = [...seen].filter((l) => this.#of(l) !== undefined);
    this.#below.set(label, below);
    return below;
  }

  /**
   * Before a job runs: its stale in-place outputs are removed, so that only what it writes is captured. Not a file
   * another job put in the checkout in this run: a job it depends on put it there for this one to read (`build`
   * writes `dist/index.js`, `types` reads it and writes `dist/*.d.ts` under `dist/*`); before, such a job removed
   * the very file it was to read, and failed. A stale file is removed when the jobs its globs match all settled
   * in this run without it (a dependency's globs matching a file it did not put there spare it no more).
   */
  clear(label: JobLabel): void {
    const globs = this.#of(label);
    if (!globs) return;
    clearOutputs(
      this.#sourceDir,
      globs,
      new Set(),
      (path) => this.#protect(path) || this.#others(label, path),
    );
  }

  /** After a job succeeded: its in-place outputs join its output directory. An error message on failure. */
  capture(label: JobLabel, outputDir: string): string | undefined {
    const globs = this.#of(label);
    if (!globs) return undefined;
    // A file of a job it depends on is captured with its own (its artifact stays the same whatever ran before
    // it); one a job it does not depend on holds, or may be writing now, is that job's.
    const notOwn = (path: string): boolean => this.#protect(path) || this.#others(label, path, true);
    try {
      this.#held.set(label, new Set(captureOutputs(this.#sourceDir, globs, outputDir, notOwn)));
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  }

  /** Whether a cached job's in-place outputs are in the checkout already, as its manifest says. */
  upToDate(label: JobLabel, entries: readonly ManifestEntry[] | undefined): boolean {
    const globs = this.#of(label);
    if (!globs || entries === undefined) return false;
    try {
      const inPlace = outputsInPlace(this.#sourceDir, globs, entries, this.#records, (p) =>
        this.#othersOwn(label, p),
      );
      if (inPlace) this.#held.set(label, () => inPlacePaths(entries));
      return inPlace;
    } catch {
      return false;
    }
  }

  /**
   * A cached job's in-place outputs, straight from the cache's stored files into the checkout (only what
   * differs is written): true when the checkout now holds them. False when this cannot be done here (an
   * artifact with more than in-place files, a stored file not matching its manifest, a write that failed):
   * then the caller restores the artifact through the cache, which verifies it whole and says what is wrong.
   * Only when restored output directories are scratch (`moveFromRestores`): nothing else needs the artifact.
   */
  async restoreFromStore(label: JobLabel, artifact: StoredArtifact): Promise<boolean> {
    const globs = this.#of(label);
    if (!globs || !this.#move) return false;
    try {
      const r = await restoreInPlace(
        this.#sourceDir,
        globs,
        artifact,
        this.#records,
        this.#keepOnRestore(label),
        this.#writers,
      );
      if (r.kind === 'not-here') return false;
      this.#held.set(label, () => inPlacePaths(artifact.entries));
      return true;
    } catch {
      return false;
    }
  }

  /** Keeps what this run learnt of output files' stat data for the next run. */
  flush(): void {
    this.#records.flush();
  }

  /**
   * After a job's artifact was restored to `dir`: its in-place outputs go back where they were written. With
   * `restored`, `dir` is a fresh restore that this run may take files from (when the options allow it).
   * Undefined once placed; else why not, and whether the artifact itself is at fault (`stray`: it holds more
   * than the job's outputs), which the cache should then drop.
   */
  place(label: JobLabel, dir: string, restored = false): PlaceFailure | undefined {
    const globs = this.#of(label);
    if (!globs) return undefined;
    try {
      const placed = placeOutputs(
        dir,
        this.#sourceDir,
        globs,
        this.#keepOnRestore(label),
        restored && this.#move,
      );
      if (!placed.ok) return placed.error;
      this.#held.set(label, new Set(placed.value));
      return undefined;
    } catch (e) {
      return { message: `in-place outputs: ${(e as Error).message}` };
    }
  }
}

/** The files git tracks under `dir`, relative to it; none outside a work tree. */
function trackedFiles(dir: string): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 30,
    });
    return out.split('\0').filter(Boolean);
  } catch {
    return [];
  }
}
