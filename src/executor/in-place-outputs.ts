import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Graph, JobLabel } from '../graph/model.js';
import type { ManifestEntry } from '../cache/cache.js';
import {
  captureOutputs,
  clearOutputs,
  IN_PLACE_DIR,
  listOutputs,
  type OutputGlobs,
  type PlaceFailure,
  placeOutputs,
} from './in-place.js';
import { outputsInPlace, restoreInPlace, type StoredArtifact } from './in-place-restore.js';
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
  readonly #rawGlobs = new Map<JobLabel, OutputGlobs | undefined>();
  readonly #globs = new Map<JobLabel, OutputGlobs | undefined>();
  #bases: { exact: Map<string, JobLabel[]>; sorted: [string, JobLabel][] } | undefined;
  readonly #below = new Map<JobLabel, readonly JobLabel[]>();
  #inputs: Set<string> | undefined;

  /** Whether any job has in-place outputs: most graphs have none, and then nothing here costs anything. */
  readonly #any: boolean;

  /** Whether restored output directories are scratch nobody reads after placing (see `placeOutputs`). */
  readonly #move: boolean;

  readonly #compile: ((patterns: readonly string[]) => OutputGlobs) | undefined;

  readonly #records: OutputStatRecords;

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
    this.#any = graph.jobs.some((j) => j.outputs !== undefined && j.outputs.length > 0);
  }

  /** The job's own globs, as written. */
  #raw(label: JobLabel): OutputGlobs | undefined {
    if (!this.#rawGlobs.has(label)) {
      const outputs = this.#graph.byLabel.get(label)?.outputs;
      if (outputs && outputs.length > 0 && !this.#compile) throw new Error('output globs without a compiler');
      this.#rawGlobs.set(label, outputs && outputs.length > 0 ? this.#compile!(outputs) : undefined);
    }
    return this.#rawGlobs.get(label);
  }

  /**
   * The job's outputs: what its globs match, less what the globs of a job that depends on it (directly or not)
   * match. That job runs later and writes last, so a file both match is its own: the earlier job neither captures
   * it nor takes it for a stale output of its own (which a fully cached run would remove, for the later job to put
   * back, every time). Jobs that do not depend on one another must not write the same files.
   */
  #of(label: JobLabel): OutputGlobs | undefined {
    if (this.#globs.has(label)) return this.#globs.get(label);
    const own = this.#raw(label);
    const later = own === undefined ? [] : this.#meeting(label, own).filter((l) => this.#dependsOn(l, label));
    const globs: OutputGlobs | undefined =
      own === undefined || later.length === 0
        ? own
        : {
            bases: own.bases,
            matches: (p) => own.matches(p) && !later.some((l) => this.#raw(l)!.matches(p)),
          };
    this.#globs.set(label, globs);
    return globs;
  }

  /** The other jobs with outputs whose bases meet one of `own`'s (one lies in the other): they may share files. */
  #meeting(label: JobLabel, own: OutputGlobs): JobLabel[] {
    const bases = this.#baseIndex();
    const found = new Set<JobLabel>();
    for (const base of own.bases) {
      // Bases above this one, or this one: '', then each directory on its way, then itself.
      for (const l of bases.exact.get('') ?? []) found.add(l);
      for (let i = base.indexOf('/'); ; i = base.indexOf('/', i + 1)) {
        const above = i < 0 ? base : base.slice(0, i);
        for (const l of bases.exact.get(above) ?? []) found.add(l);
        if (i < 0) break;
      }
      // Bases below it: sorted, they follow `base/` until the first that does not start with it.
      const under = base === '' ? '' : `${base}/`;
      let lo = 0;
      let hi = bases.sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (bases.sorted[mid]![0] < under) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < bases.sorted.length && bases.sorted[i]![0].startsWith(under); i++) {
        found.add(bases.sorted[i]![1]);
      }
    }
    found.delete(label);
    return [...found];
  }

  /**
   * After a job's outputs were captured into `outputDir`: a warning when one of them is also matched by the
   * outputs of a job that neither depends on it nor is one of its dependencies (which copy ends in place then
   * depends on the order the two finish).
   */
  sharedOutput(label: JobLabel, outputDir: string): string | undefined {
    const own = this.#raw(label);
    if (own === undefined) return undefined;
    const others = this.#meeting(label, own).filter(
      (l) => !this.#dependsOn(l, label) && !this.#dependsOn(label, l),
    );
    if (others.length === 0) return undefined;
    for (const rel of listOutputs(join(outputDir, IN_PLACE_DIR), { bases: [''], matches: () => true })) {
      const other = others.find((l) => this.#raw(l)!.matches(rel));
      if (other === undefined) continue;
      const name = this.#graph.byLabel.get(other)?.name ?? other;
      return `its in-place output ${rel} is also an output of ${JSON.stringify(name)}, and neither job depends on the other: which one's copy stays in place depends on the order they finish`;
    }
    return undefined;
  }

  /** Every job's output bases, by base and sorted (for the bases below a directory). */
  #baseIndex(): { exact: Map<string, JobLabel[]>; sorted: [string, JobLabel][] } {
    if (this.#bases) return this.#bases;
    const exact = new Map<string, JobLabel[]>();
    const sorted: [string, JobLabel][] = [];
    for (const job of this.#graph.jobs) {
      for (const base of this.#raw(job.label)?.bases ?? []) {
        const same = exact.get(base);
        if (same) same.push(job.label);
        else exact.set(base, [job.label]);
        sorted.push([base, job.label]);
      }
    }
    sorted.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return (this.#bases = { exact, sorted });
  }

  /** Whether `later` depends on `earlier`, directly or not (both have outputs). */
  #dependsOn(later: JobLabel, earlier: JobLabel): boolean {
    return this.transitiveWithOutputs(later).includes(earlier);
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
    below = [...seen].filter((l) => this.#raw(l) !== undefined);
    this.#below.set(label, below);
    return below;
  }

  /** Before a job runs: its stale in-place outputs are removed, so that only what it writes is captured. */
  clear(label: JobLabel): void {
    const globs = this.#of(label);
    if (globs) clearOutputs(this.#sourceDir, globs, new Set(), this.#protect);
  }

  /** After a job succeeded: its in-place outputs join its output directory. An error message on failure. */
  capture(label: JobLabel, outputDir: string): string | undefined {
    const globs = this.#of(label);
    if (!globs) return undefined;
    try {
      captureOutputs(this.#sourceDir, globs, outputDir, this.#protect);
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
      return outputsInPlace(this.#sourceDir, globs, entries, this.#records);
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
        this.#protect,
        this.#writers,
      );
      return r.kind !== 'not-here';
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
      return placeOutputs(dir, this.#sourceDir, globs, this.#protect, restored && this.#move);
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
