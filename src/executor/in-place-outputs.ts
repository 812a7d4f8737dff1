import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Graph, JobLabel } from '../graph/model.js';
import type { ManifestEntry } from '../cache/cache.js';
import {
  captureOutputs,
  clearOutputs,
  type OutputGlobs,
  type PlaceFailure,
  placeOutputs,
} from './in-place.js';
import {
  inPlacePaths,
  outputsInPlace,
  placeStored,
  restoreInPlace,
  type StoredArtifact,
  verdictPlacement,
} from './in-place-restore.js';
import { LaterOwners } from './later-owners.js';
import { OutputStatRecords, verdictNow, verdictOutputs } from './output-stat-records.js';
import { WorkerPool } from './worker-pool.js';
import { checkedOutSubmodules, submoduleEnv } from '../ids/submodule-checkout.js';
import { inputsAsRead } from '../ids/inputs-as-read.js';

/** How far the file system's clock may lag the wall clock (one tick of the kernel's coarse clock, with room). */
const FS_CLOCK_SLACK_MS = 50;

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

  /**
   * The files a job's clear left as other jobs' (`#otherOwner`): as they were then (see `writtenAs`), and whether
   * another job held them (else the globs of one not settled matched them, and whose they are is not known).
   */
  readonly #spared = new Map<JobLabel, Map<string, { as: string; held: boolean }>>();
  /** When each job's stale outputs were cleared, before its command (see captureOutputs). */
  readonly #clearedAt = new Map<JobLabel, number>();

  /**
   * The files a job built in this run captured without its command writing them, spared by its clear only because
   * the globs of a job not settled matched them (see `capture`): whose they are is not known.
   */
  readonly #keptOnly = new Map<JobLabel, ReadonlySet<string>>();

  /** Files a capture left out because a job not settled names them (see `capture`): that job's clear spares them. */
  readonly #leftToNamer = new Set<string>();

  /** The jobs between their clear and their capture now, and those waiting for their turn (see `exclusive`). */
  readonly #writing = new Set<JobLabel>();
  readonly #queued: { label: JobLabel; go: () => void }[] = [];
  #inputs: Set<string> | undefined;
  /** The index as it was when `#inputs` was taken (see #indexStamp). */
  #stamp = '';
  #commandRan = false;
  readonly #indexFile: string | undefined;

  /** Whether any job has in-place outputs: most graphs have none, and then nothing here costs anything. */
  readonly #any: boolean;

  /** Whether restored output directories are scratch nobody reads after placing (see `placeOutputs`). */
  readonly #move: boolean;

  readonly #compile: ((patterns: readonly string[]) => OutputGlobs) | undefined;

  readonly #tracked: () => readonly string[];

  readonly #inRun: (label: JobLabel) => boolean;

  readonly #records: OutputStatRecords;

  readonly #onUnchanged: ((label: JobLabel, artifact: string) => void) | undefined;

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
      /** The jobs of this run (all of the graph's when absent). */
      inRun?: readonly JobLabel[];
      /**
       * Every path of the index under `sourceDir` whatever its tag or stage (what `git ls-files` prints), when the
       * run has listed it already and that listing still holds: then no git call of its own. Undefined: ask git.
       */
      tracked?: () => readonly string[] | undefined;
      /** Where git's index is, absolute: when it changes in a run, the files git tracks are asked again. */
      indexFile?: string;
      /**
       * Told each job whose outputs were found in place, nothing written, with the artifact they were checked
       * against (by its verdict, see fromVerdict, or in full).
       */
      onUnchanged?: (label: JobLabel, artifact: string) => void;
    } = {},
  ) {
    this.#graph = graph;
    this.#sourceDir = sourceDir;
    this.#move = opts.moveFromRestores ?? false;
    this.#compile = opts.compile;
    this.#tracked = () => opts.tracked?.() ?? trackedFiles(sourceDir);
    this.#indexFile = opts.indexFile;
    this.#records = new OutputStatRecords(opts.recordsFile);
    this.#onUnchanged = opts.onUnchanged;
    this.#owners = new LaterOwners(graph, (label) => this.#of(label));
    const inRun = opts.inRun;
    // A set only once asked: most runs never are (see #otherOwner).
    let set: ReadonlySet<JobLabel> | undefined;
    this.#inRun = inRun === undefined ? () => true : (label) => (set ??= new Set(inRun)).has(label);
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
    if (this.#commandRan) {
      // A command may have added files to the index (`git add`), as may the user meanwhile: the index says.
      this.#commandRan = false;
      const stamp = this.#indexStamp();
      if (stamp !== this.#stamp) this.#inputs = undefined;
    }
    if (!this.#inputs) {
      this.#stamp = this.#indexStamp();
      this.#inputs = inputsAsRead(this.#graph, this.#sourceDir);
      for (const p of this.#tracked()) this.#inputs.add(p);
    }
    return this.#inputs.has(path);
  };

  /** The index file as last seen (inode, size, modification time); '' when there is none to see. */
  #indexStamp(): string {
    if (this.#indexFile === undefined) return '';
    const st = statSync(this.#indexFile, { throwIfNoEntry: false, bigint: true });
    return st === undefined ? '' : `${st.ino}:${st.size}:${st.mtimeNs}`;
  }

  /** Called when a command of the run has ended: the files git tracks are asked again if the index changed. */
  commandEnded(): void {
    this.#commandRan = true;
  }

  /**
   * What putting a job's artifact back leaves alone beside its files: what `#protect` keeps, the outputs of jobs
   * that depend on it (see later-owners.ts), and what other jobs of this run put in the checkout (`#otherOwner`).
   */
  #keepOnRestore(label: JobLabel): (path: string) => boolean {
    return (path) => this.#protect(path) || this.#othersOwn(label, path);
  }

  /** A file the checkout holds beyond a job's artifact that is not the job's to remove or count. */
  #othersOwn(label: JobLabel, path: string): boolean {
    return this.#owners.owns(label, path) || this.#otherOwner(label, path) !== undefined;
  }

  /**
   * Whether `path` is another job's: 'held' when a job other than `label` put it in the checkout in this run
   * (built, restored or found in place); 'unsettled' when only the globs match it of a job of this run not settled
   * yet (queued or running) that does not depend on `label` (one that does writes later: its stale files are
   * stale). Sibling tasks whose globs overlap (`bundle`: `dist/bundle.js`, `types`: `dist/*.js`, both after
   * `build`) otherwise removed each other's files.
   */
  #otherOwner(label: JobLabel, path: string): 'held' | 'unsettled' | undefined {
    if (!this.#any) return undefined;
    let owner: 'held' | 'unsettled' | undefined;
    this.#owners.claimants(path, (other) => {
      if (other === label) return false;
      const held = this.#heldBy(other);
      if (held !== undefined) {
        if (held.has(path)) owner = 'held';
        return owner === 'held';
      }
      // One not in this run will not settle in it: the file is left to its globs only for a job that will.
      if (
        this.#inRun(other) &&
        this.#of(other)?.matches(path) === true &&
        !this.#owners.dependsOn(other, label)
      )
        owner ??= 'unsettled';
      return false;
    });
    return owner;
  }

  /** Whether a job of this run not settled yet, that does not depend on `label`, names `path` in its globs. */
  #namedByUnsettled(label: JobLabel, path: string): boolean {
    return this.#owners.claimants(
      path,
      (other) =>
        other !== label &&
        this.#heldBy(other) === undefined &&
        this.#inRun(other) &&
        this.#of(other)?.names(path) === true &&
        !this.#owners.dependsOn(other, label),
    );
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
   * Waits until no other job whose globs may match the same files is between its clear and its capture, and
   * answers the call that ends this job's turn (once captured, or failed). What a job's command wrote is told
   * from what changed between the two; a sibling writing under the same globs meanwhile made its file look like
   * this job's. `bundle` (`dist/bundle.js`) wrote its file at once and ended later, `types` (`dist/*.js`) ended
   * first and took the file; `bundle`, finding it held, left it out of its own artifact, and a later run where
   * `types` alone built removed it as a stale output. Which files two jobs may share is told by their globs'
   * bases (one within the other); jobs of different directories, nearly all, never wait for each other.
   * First come, first served: a job waits behind an earlier one it may share files with, so none waits forever.
   */
  async exclusive(label: JobLabel): Promise<() => void> {
    if (!this.#of(label)) return () => undefined;
    if (this.#mustWait(label, this.#queued))
      await new Promise<void>((go) => this.#queued.push({ label, go }));
    this.#writing.add(label);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#writing.delete(label);
      this.#admit();
    };
  }

  /** Lets in every queued job that shares files with no job writing now nor with one queued before it. */
  #admit(): void {
    const still: { label: JobLabel; go: () => void }[] = [];
    for (const q of this.#queued) {
      if (this.#mustWait(q.label, still)) still.push(q);
      else {
        this.#writing.add(q.label);
        q.go();
      }
    }
    this.#queued.splice(0, this.#queued.length, ...still);
  }

  /** Whether `label` may share files with a job writing now, or with one of `before` (queued ahead of it). */
  #mustWait(label: JobLabel, before: readonly { label: JobLabel }[]): boolean {
    const bases = this.#of(label)!.bases;
    const shares = (other: JobLabel): boolean => basesMeet(bases, this.#of(other)!.bases);
    for (const w of this.#writing) if (shares(w)) return true;
    return before.some((q) => shares(q.label));
  }

  /**
   * Before a job runs: its stale in-place outputs are removed, so that only what it writes is captured. Not a file
   * another job put in the checkout in this run: a job it depends on put it there for this one to read (`build`
   * writes `dist/index.js`, `types` reads it and writes `dist/*.d.ts` under `dist/*`); before, such a job removed
   * the very file it was to read, and failed. Nor one the globs of a job of this run not settled yet match, that does not
   * depend on this one. A stale file is removed when every other job whose globs match it settled in this run
   * without it.
   */
  clear(label: JobLabel): void {
    const globs = this.#of(label);
    if (!globs) return;
    const spared = new Map<string, { as: string; held: boolean }>();
    clearOutputs(this.#sourceDir, globs, new Set(), (path) => {
      if (this.#protect(path)) return true;
      // Left to this job by a sibling's capture: whose it is, this job's command tells (it writes it, or keeps it).
      // Removed, it was lost when the sibling had written it and this job's globs name a file it does not write.
      if (this.#leftToNamer.has(path) && globs.names(path)) {
        spared.set(path, { as: writtenAs(join(this.#sourceDir, path)), held: false });
        return true;
      }
      const owner = this.#otherOwner(label, path);
      if (owner === undefined) return false;
      spared.set(path, { as: writtenAs(join(this.#sourceDir, path)), held: owner === 'held' });
      return true;
    });
    if (spared.size > 0) this.#spared.set(label, spared);
    // On the file system's clock, which stamps a change with the time of its last tick (a few milliseconds behind
    // the wall clock): a directory the command made a moment after the clear could read as older than it.
    this.#clearedAt.set(label, Date.now() - FS_CLOCK_SLACK_MS);
  }

  /**
   * After a job succeeded: its in-place outputs join its output directory. Not a file another job holds that its
   * command did not write since the clear (a dependency's file; a sibling's, built, restored or found in place,
   * even while this one ran): an artifact holding it would put it back over the owner's newer one. Where the
   * holder is a job it does not depend on, not even a file this command wrote, unless the holder only kept it (see
   * below). A file spared only because the globs of a job not settled match it, and that the command left as it
   * was, is taken: it may be this job's own output that its command kept (`cmp -s new old || cp new old`), and
   * leaving it out would leave the artifact without it. Answers how many files the globs matched, taken or not,
   * or why it failed.
   */
  capture(
    label: JobLabel,
    outputDir: string,
  ): { error: string } | { matched: number } | { through: string } | undefined {
    const globs = this.#of(label);
    if (!globs) return undefined;
    const spared = this.#spared.get(label);
    this.#spared.delete(label);
    const since = this.#clearedAt.get(label);
    this.#clearedAt.delete(label);
    const below = this.transitiveWithOutputs(label);
    const keptOnly = new Set<string>();
    const notOwn = (path: string): boolean => {
      if (this.#protect(path)) return true;
      const was = spared?.get(path);
      const unchanged = was !== undefined && was.as === writtenAs(join(this.#sourceDir, path));
      if (unchanged && was.held) return true;
      const heldByOther = this.#owners.claimants(
        path,
        (other) =>
          other !== label &&
          !below.includes(other) &&
          this.#heldBy(other)?.has(path) === true &&
          (unchanged || this.#keptOnly.get(other)?.has(path) !== true),
      );
      if (heldByOther) return true;
      // A file a job not settled names outright, no wildcard, is that job's, which comes to it after this one (or
      // once it is restored). Left as it was, nothing else here says whose it is. Written since the clear, it may
      // be that job's too: waiting for this one's turn, it may have been built meanwhile by another process on the
      // same cache (a `disbuild run bundle` inside this job's command), whose writes this one cannot tell apart.
      if (this.#namedByUnsettled(label, path)) {
        this.#leftToNamer.add(path);
        return true;
      }
      if (unchanged) keptOnly.add(path);
      return false;
    };
    try {
      // Every file the globs match is asked about once: those left out (sources, other jobs') count as matched.
      let leftOut = 0;
      // A directory the command made counts as matched too: one it left empty is cached (see captureOutputs).
      const dirs: string[] = [];
      const captured = captureOutputs(
        this.#sourceDir,
        globs,
        outputDir,
        (p) => notOwn(p) && ++leftOut > 0,
        since,
        dirs,
        this.#protect,
      );
      this.#held.set(label, new Set(captured.files));
      if (keptOnly.size > 0) this.#keptOnly.set(label, keptOnly);
      // Held all the same (other jobs' captures leave those files alone), but not all the outputs: not cached.
      if (captured.through !== undefined) return { through: captured.through };
      return { matched: captured.files.length + leftOut + dirs.length };
    } catch (e) {
      return { error: (e as Error).message };
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

  /** Whether the job has in-place outputs (`Outputs` in the graph). */
  has(label: JobLabel): boolean {
    return (this.#graph.byLabel.get(label)?.outputs?.length ?? 0) > 0;
  }

  /**
   * A cached job's in-place outputs by what an earlier run's check against the same stored artifact (named
   * `artifact` by the cache) found (see verdictNow), without reading the artifact's manifest: true when they are in
   * the checkout as then, or when every output directory was gone and the files that check found are now written
   * back from the cache's stored files (each checked as it is written). False when that cannot be told, or a write
   * failed; restoreFromStore then checks in full.
   */
  async fromVerdict(
    label: JobLabel,
    artifact: string,
    stored: Pick<StoredArtifact, 'storedFile' | 'place'>,
  ): Promise<boolean> {
    if (!this.#move || !this.has(label)) return false;
    const verdict = this.#records.verdict(label, artifact);
    if (verdict === undefined) return false;
    try {
      const now = verdictNow(this.#sourceDir, verdict, this.#records);
      if (now === 'changed') return false;
      const outputs = verdictOutputs(verdict);
      this.#held.set(label, () => new Set(outputs.map((f) => f[0])));
      if (now === 'in-place') {
        this.#onUnchanged?.(label, artifact);
        return true;
      }
      // As a full check would: a file git tracks, or that a job reads, is never written over.
      const files = verdictPlacement(
        this.#sourceDir,
        outputs.filter(([rel]) => !this.#protect(rel)),
        stored.storedFile,
      );
      return (await placeStored(files, stored.place, this.#writers)).ok;
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
   * `named`: the cache's name for the artifact, by which what this check finds is remembered (fromVerdict).
   */
  async restoreFromStore(
    label: JobLabel,
    artifact: Omit<StoredArtifact, 'remember'>,
    named?: string,
  ): Promise<boolean> {
    const globs = this.#of(label);
    if (!globs || !this.#move) return false;
    // Held from the start: a sibling capturing while this restore is under way must not take its files. Only
    // those its globs match: an artifact holding another's file (refused: the job is rebuilt) claims none of it.
    this.#held.set(label, () => new Set([...inPlacePaths(artifact.entries)].filter(globs.matches)));
    try {
      const r = await restoreInPlace(
        this.#sourceDir,
        globs,
        named === undefined ? artifact : { ...artifact, remember: { job: label, artifact: named } },
        this.#records,
        this.#keepOnRestore(label),
        this.#protect,
        this.#writers,
      );
      if (r.kind === 'unchanged' && named !== undefined) this.#onUnchanged?.(label, named);
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
      const placed = placeOutputs(
        dir,
        this.#sourceDir,
        globs,
        this.#keepOnRestore(label),
        this.#protect,
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

/** Whether a directory of one list is, or holds, or lies within, one of the other's ('' is the checkout's root). */
function basesMeet(a: readonly string[], b: readonly string[]): boolean {
  const within = (path: string, dir: string): boolean =>
    dir === '' || path === dir || (path.startsWith(dir) && path[dir.length] === '/');
  return a.some((x) => b.some((y) => within(x, y) || within(y, x)));
}

/**
 * A file as written: its inode, size, and modification and change times to the nanosecond; a command that writes
 * it, even the same bytes, changes them. Empty when it is not there.
 */
function writtenAs(path: string): string {
  const st = lstatSync(path, { bigint: true, throwIfNoEntry: false });
  return st === undefined ? '' : `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

/**
 * The files git tracks under `dir`, relative to it, and those each submodule checked out there tracks (see
 * checkedOutSubmodules), nested ones too; none outside a work tree. A submodule whose git fails (a broken `.git`)
 * has every file in it taken as tracked: a source, never taken or removed as an output.
 */
function trackedFiles(dir: string, env?: NodeJS.ProcessEnv): string[] {
  let files: string[];
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 30,
      ...(env ? { env } : {}),
    });
    files = out.split('\0').filter(Boolean);
  } catch {
    return env === undefined ? [] : everyFile(dir);
  }
  const listed = new Set(files);
  for (const submodule of checkedOutSubmodules(dir, (p) => listed.has(p))) {
    const inside = join(dir, submodule);
    for (const f of trackedFiles(inside, submoduleEnv(inside))) files.push(`${submodule}/${f}`);
  }
  return files;
}

/** Every file and link under `dir` but its `.git`, relative to it. */
function everyFile(dir: string): string[] {
  try {
    return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
      .map((p) => p.split(sep).join('/'))
      .filter((p) => p !== '.git' && !p.startsWith('.git/') && !lstatSync(join(dir, p)).isDirectory());
  } catch {
    return [];
  }
}
