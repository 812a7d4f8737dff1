import { quoted } from '../util/printable.js';
import { setMaxListeners } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CacheHit, Cache, SaveOutcome } from '../cache/cache.js';
import type { Graph, Job, JobLabel } from '../graph/model.js';
import type { JobKey } from '../ids/brands.js';
import type { JobOutcome, JobRef, Reporter } from '../report/events.js';
import type { EngineOptions } from '../engine-options.js';
import { runCommands } from './run-command.js';
import { isInside, renderCommands } from './render-commands.js';
import { TempDirs } from './temp-dirs.js';
import type { Timings } from './timings.js';
import type { Claim, JobCoordinator } from '../coordinator/job-coordinator.js';
import type { WorkerPool } from './worker-pool.js';
import type { Launcher } from './launcher.js';
import { unreachable } from '../util/unreachable.js';
import { InPlaceOutputs } from './in-place-outputs.js';
import { IN_PLACE_DIR, type OutputGlobs } from './in-place.js';
import { removeTree } from '../util/remove-tree.js';
import { sealTree } from '../util/seal-tree.js';
import { realPathOr } from '../util/real-path.js';
import { freeBytes } from '../util/free-space.js';
import { restoreWatchers } from './restore-watchers.js';

/**
 * Whether a key's output directory is ready for dependents, and if not, why. `built`: this run made the directory
 * (a job wrote it), so it exists; others are made by the first job that names them, should they not exist.
 */
type Ready =
  | {
      ok: true;
      dir: string;
      outcome: JobOutcome;
      built?: true;
      /** Why `dir` is for this run only, when it is: not handed to other processes waiting for its key. */
      unpublished?: string;
    }
  | {
      ok: false;
      outcome: JobOutcome;
      /**
       * Its command failed on its own (not interrupted, timed out or out of disk space here): the failure is handed
       * to other processes waiting for its key. Any other failure is this run's: they build it themselves.
       */
      commandFailed?: true;
    };

export interface ExecutionParts {
  graph: Graph;
  keys: ReadonlyMap<JobLabel, JobKey>;
  hits: ReadonlyMap<JobKey, CacheHit>;
  priorities: Pick<ReadonlyMap<JobLabel, number>, 'get'>;
  /** Jobs in progress: claimed, prepared, running or saving. Larger than `commandSlots`, so that the next
   * jobs are ready to start the moment a command ends. */
  pool: WorkerPool;
  /** Commands running at once (`-j`), when this process starts them; the launcher has its own. */
  commandSlots: WorkerPool;
  cache: Cache;
  reporter: Reporter;
  timings: Timings;
  coordinator: JobCoordinator;
  launcher?: Launcher;
  options: EngineOptions;
  /** The jobs of this run, and those whose bytes are wanted (see restore-watchers.ts); none when absent. */
  selected?: readonly JobLabel[];
  wantBytes?: ReadonlySet<JobLabel>;
  /** The job's inputs that changed since they were keyed; a build reading any of them is not saved. */
  inputsChanged?: (job: Job) => Promise<string[]>;
  /** Called as the job's commands are about to start: what its inputs are then is compared after (see above). */
  inputsStarting?: (job: Job) => void;
  /** Compiles in-place output globs; needed only when some job has `Outputs` (see InPlaceOutputs). */
  outputGlobs?: (patterns: readonly string[]) => OutputGlobs;
  /**
   * Where a hit of this job is restored instead of this run's scratch space, when somewhere else is where its
   * tree is going (beside its --out-dir target, under a name that is cleaned up should the run die): a new path.
   */
  restoreDir?: (label: JobLabel) => string | undefined;
  /**
   * Every path git's index holds under the source directory, when the run has listed it and that listing still
   * holds; undefined: ask git (see InPlaceOutputs).
   */
  tracked?: () => readonly string[] | undefined;
  /** Where git's index is, absolute, when the source directory is in a work tree (see InPlaceOutputs). */
  indexFile?: string;
  /** See EngineDeps. */
  onInPlaceUnchanged?: (label: JobLabel, artifact: string) => void;
}

/**
 * One run's memoized walk of the graph: each key is built or restored at most once, whichever job asks first.
 *
 * Deals with: ordering by dependencies, minimal download (a hit is restored only when asked for its bytes),
 * falling back to a build when a restore fails verification, keep-going / fail-fast, saving successes.
 * Does not deal with: keys, lookups or reporting formats — those are decided before and after.
 */
export class Execution {
  readonly #p: ExecutionParts;
  readonly #ready = new Map<JobKey, Promise<Ready>>();
  readonly #saves: Promise<unknown>[] = [];
  /** Whether each key built here made it into the cache (resolves when its save ends). */
  readonly #inCache = new Map<JobKey, Promise<boolean>>();
  #stopScheduling = false;
  readonly #tempDirs: TempDirs;
  readonly #outDirs: string;
  readonly #inPlace: InPlaceOutputs;
  /** Hits whose outcome waits for the dependents that may restore (and so perhaps rebuild) them. */
  readonly #watchers: Map<JobLabel, JobLabel[]>;
  readonly #outcomes = new Map<JobLabel, Promise<JobOutcome>>();
  /** Restored output directories that no command has read yet, left writable until one does. */
  readonly #unsealed = new Set<string>();
  /** Keys whose hit this run could not restore: not looked up again before they are built (see #lateHit). */
  readonly #unrestorable = new Set<JobKey>();

  constructor(parts: ExecutionParts) {
    this.#p = parts;
    // Restored output directories are this run's scratch; only --out-dir and --download all read them whole.
    // From the source directory's real path, as git sees it: from a link to it, the walk of a glob's base at its
    // top (`*.js`) would meet the link itself, and find nothing under it.
    this.#inPlace = new InPlaceOutputs(parts.graph, realPathOr(parts.options.sourceDir), {
      moveFromRestores: parts.options.outDir === undefined && parts.options.download !== 'all',
      ...(parts.outputGlobs ? { compile: parts.outputGlobs } : {}),
      ...(parts.options.outputRecordsFile ? { recordsFile: parts.options.outputRecordsFile } : {}),
      ...(parts.selected ? { inRun: parts.selected } : {}),
      ...(parts.tracked ? { tracked: parts.tracked } : {}),
      ...(parts.indexFile ? { indexFile: parts.indexFile } : {}),
      ...(parts.onInPlaceUnchanged ? { onUnchanged: parts.onInPlaceUnchanged } : {}),
    });
    // Every job in progress listens to the signal: more than the default ten at -j 5 and above.
    if (parts.options.signal) setMaxListeners(0, parts.options.signal);
    this.#tempDirs = new TempDirs(join(parts.options.workDir, 'tmp'));
    this.#outDirs = join(parts.options.workDir, 'out');
    this.#watchers = restoreWatchers(
      parts.graph,
      parts.selected ?? [],
      (l) => parts.hits.has(parts.keys.get(l)!),
      parts.wantBytes ?? new Set(),
    );
  }

  ref(label: JobLabel): JobRef {
    const job = this.#p.graph.byLabel.get(label)!;
    return { label, name: job.name, key: this.#p.keys.get(label)! };
  }

  /** The job's outcome; restores a hit only when `needBytes` is set. */
  outcome(label: JobLabel, needBytes: boolean): Promise<JobOutcome> {
    // Memoized only where outcomes wait for each other; a fully cached run keeps no map.
    if (this.#watchers.size === 0) return this.#decide(label, needBytes);
    let outcome = this.#outcomes.get(label);
    if (!outcome) {
      outcome = this.#decide(label, needBytes);
      this.#outcomes.set(label, outcome);
    }
    return outcome;
  }

  async #decide(label: JobLabel, needBytes: boolean): Promise<JobOutcome> {
    const ref = this.ref(label);
    const hit = this.#p.hits.get(ref.key);
    if (hit && !needBytes) {
      const watchers = this.#watchers.get(label);
      if (watchers) {
        await Promise.all(watchers.map((w) => this.outcome(w, this.#p.wantBytes?.has(w) ?? false)));
      }
      // Not asked for by anyone: cached. Asked for: whatever its restore (or the rebuild after it) turned out.
      if (!this.#ready.has(ref.key)) return this.#cachedOutcome(ref, hit);
    }
    const ready = await this.materialize(label);
    return { ...ready.outcome, label: ref.label, name: ref.name };
  }

  /** The job's output directory, restoring or building it (and its dependencies) as needed. */
  materialize(label: JobLabel): Promise<Ready> {
    const key = this.#p.keys.get(label)!;
    let ready = this.#ready.get(key);
    if (!ready) {
      ready = this.#restoreOrBuild(label);
      this.#ready.set(key, ready);
    }
    return ready;
  }

  /** Whether `dir`, an output directory of this run, was made read-only (see sealTree); restored ones that no
   * command read were not. */
  sealed(dir: string): boolean {
    return !this.#unsealed.has(dir);
  }

  /** Waits for the background saves; call once every outcome is known. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.#saves);
    this.#inPlace.flush();
  }

  async #cachedOutcome(ref: JobRef, hit: CacheHit): Promise<JobOutcome> {
    const outcome = { ...ref, status: 'cached' as const, exitCode: 0, durationMs: hit.durationMs };
    const none = { stdout: NO_BYTES, stderr: NO_BYTES };
    if (this.#p.options.cachedLogs === false) {
      hit.used?.();
      return { ...outcome, ...none };
    }
    try {
      return { ...outcome, ...(await hit.logs()) };
    } catch (e) {
      // Its outputs are as good as any hit's; only its logs are lost (a remote cache that turned off since the
      // lookup, say), and the report says so rather than show them empty.
      return {
        ...outcome,
        ...none,
        message: `its logs could not be read from the cache: ${(e as Error).message}`,
      };
    }
  }

  async #restoreOrBuild(label: JobLabel): Promise<Ready> {
    const ref = this.ref(label);
    const hit = this.#p.hits.get(ref.key);
    if (hit) {
      const dir = this.#p.restoreDir?.(label) ?? this.#outputDir(ref.key);
      if (this.#inPlaceAlready(label, hit) || (await this.#inPlaceFromStore(label, hit))) {
        // Its artifact holds nothing but in-place outputs, and those are in the checkout (or now are, written
        // there from the cache's files): nothing else to fetch. Its (empty) output directory is made only when
        // a job that runs names it (#build): a fully cached run of a thousand such jobs would otherwise spend
        // most of its file-system time making empty directories.
        return { ok: true, dir, outcome: await this.#cachedOutcome(ref, hit) };
      }
      const restored = await hit.restore(dir);
      const at = (restored.ok && restored.value?.dir) || dir;
      // Files may be moved out of a tree restored into this run's scratch space, never out of the cache's.
      const placed = restored.ok
        ? this.#inPlace.place(label, at, at === dir)
        : { message: restored.error.message };
      if (placed === undefined) {
        // A tree in this run's scratch space is sealed when a command reads it; one restored into a cache entry
        // is the cache's, immutable from the start.
        if (at === dir) this.#unsealed.add(dir);
        else if (!(restored.ok && restored.value?.sealed)) sealTree(at);
        return { ok: true, dir: at, outcome: await this.#cachedOutcome(ref, hit) };
      }
      const message = `cached output of ${quoted(ref.name)} could not be restored (${placed.message}); building it instead`;
      // A backend that turned itself off has said so once; every restore after that is a plain miss.
      if (restored.ok || !(restored.error.reason === 'cache-unavailable' && restored.error.reported))
        this.#p.reporter.onEvent({ type: 'warning', job: ref, message });
      await removeTree(dir).catch(() => undefined);
      this.#unrestorable.add(ref.key);
      // Not the job's artifact: the cache drops it, so that the build's takes its place.
      if (placed.stray) await this.#p.cache.discard?.(ref.key);
      const ready = await this.#build(this.#p.graph.byLabel.get(label)!, ref);
      // Built, not cached: the report says so, and why.
      ready.outcome.message ??= message;
      return ready;
    }
    return this.#build(this.#p.graph.byLabel.get(label)!, ref);
  }

  /** Only when no one wants the output directory's bytes (`--download all`, `--out-dir`). */
  #inPlaceAlready(label: JobLabel, hit: CacheHit): boolean {
    const { options } = this.#p;
    if (options.download === 'all' || options.outDir !== undefined) return false;
    // A cache that keeps its files as files checks and restores in one pass (#inPlaceFromStore).
    if (hit.storedFile) return false;
    return this.#inPlace.upToDate(label, hit.entries?.());
  }

  /**
   * A cache that keeps artifacts as plain files: in-place outputs that differ are written straight from its files
   * into the checkout (checked as they are written), with no output directory in between.
   */
  async #inPlaceFromStore(label: JobLabel, hit: CacheHit): Promise<boolean> {
    const { options } = this.#p;
    if (options.download === 'all' || options.outDir !== undefined || !hit.storedFile) return false;
    if (!this.#inPlace.has(label)) return false;
    const place = hit.place?.bind(hit);
    const stored = { storedFile: hit.storedFile.bind(hit), ...(place ? { place } : {}) };
    // Read once: a cache may name the artifact by hashing its record.
    const artifact = hit.artifact;
    // Found in place against this very artifact before, and unchanged since (or gone whole): its manifest is not
    // even parsed.
    if (artifact !== undefined && (await this.#inPlace.fromVerdict(label, artifact, stored))) return true;
    const entries = hit.entries?.();
    if (entries === undefined) return false;
    return this.#inPlace.restoreFromStore(label, { entries, ...stored }, artifact);
  }

  async #build(job: Job, ref: JobRef): Promise<Ready> {
    // A job that runs reads the in-place outputs of every job below it, not only of its direct dependencies.
    const below = this.#inPlace.transitiveWithOutputs(job.label);
    const needed = below.length === 0 ? job.deps : [...new Set([...job.deps, ...below])];
    const deps = await Promise.all(needed.map(async (d) => ({ label: d, ready: await this.materialize(d) })));
    const broken = deps.find((d) => !d.ready.ok);
    if (broken) {
      const name = this.#p.graph.byLabel.get(broken.label)!.name;
      return this.#notRun(ref, `dependency ${quoted(name)} ${broken.ready.outcome.status}`);
    }
    if (this.#stopScheduling) return this.#notRun(ref, 'not started: an earlier job failed (--fail-fast)');
    if (this.#p.options.signal?.aborted) return this.#notRun(ref, 'not started: the run was interrupted');
    // The first `job.deps.length` entries are the direct dependencies, whose directories commands may name.
    const direct = deps.slice(0, job.deps.length) as {
      label: JobLabel;
      ready: Extract<Ready, { ok: true }>;
    }[];
    const depDirs = new Map(direct.map((d) => [d.label, d.ready.dir]));
    for (const d of direct) {
      // A restored tree is sealed when a command is about to read it, not when it is restored: most restored
      // trees are read by no command (--out-dir targets, --download all), and sealing is a walk of the tree.
      if (this.#unsealed.delete(d.ready.dir)) sealTree(d.ready.dir);
      // A directory built here exists: no call. Others are made so a command may enter an empty one (an artifact
      // of in-place outputs only is never restored); a dependency whose tree went away (a broken cache
      // directory) is not this job's failure: the command sees what is there.
      if (d.ready.built) continue;
      try {
        mkdirSync(d.ready.dir, { recursive: true });
      } catch {
        // As above.
      }
    }
    // The in-place turn (see InPlaceOutputs.exclusive) is taken before the worker slot and the coordinator claim:
    // a job waiting for it holds neither, so it keeps no unrelated job from a slot, and no tool inside the
    // turn-holder's command waits for a key claimed by a job queued behind it.
    const endTurn = await this.#inPlace.exclusive(job.label);
    try {
      return await this.#p.pool.run(this.#p.priorities.get(ref.label) ?? 0, (release) =>
        this.#runJob(job, ref, depDirs, release, endTurn),
      );
    } finally {
      endTurn();
    }
  }

  #notRun(ref: JobRef, message: string): Ready {
    return unrun(ref, 'skipped', message);
  }

  async #runJob(
    job: Job,
    ref: JobRef,
    depDirs: ReadonlyMap<JobLabel, string>,
    release: () => void,
    endTurn: () => void,
  ): Promise<Ready> {
    const { options } = this.#p;
    // Checked again here: the failure that stops scheduling may have happened while this job queued.
    if (this.#stopScheduling) return this.#notRun(ref, 'not started: an earlier job failed (--fail-fast)');
    if (options.signal?.aborted) return this.#notRun(ref, 'not started: the run was interrupted');
    const claim = await this.#p.coordinator.claim(ref.key);
    switch (claim.kind) {
      case 'reuse':
        return (
          (await this.#reuse(ref, claim.restore)) ??
          this.#buildClaimed(job, ref, depDirs, release, () => Promise.resolve(), endTurn)
        );
      case 'failed':
        return this.#failedElsewhere(ref, claim.error);
      case 'cached':
        // Built elsewhere and saved to the shared cache; should that fail to restore, build it here.
        return (
          (await this.#lateHit(ref)) ??
          this.#buildClaimed(job, ref, depDirs, release, () => Promise.resolve(), endTurn)
        );
      case 'build': {
        const late = await this.#lateHit(ref);
        if (late) {
          this.#saves.push(this.#finish(ref, late, claim.finish));
          return late;
        }
        return this.#buildClaimed(job, ref, depDirs, release, claim.finish, endTurn);
      }
      default:
        return unreachable(claim);
    }
  }

  /**
   * A key can reach the cache between this run's lookup and its claim (another process built and saved it,
   * then its coordinator went away): look once more before building.
   */
  async #lateHit(ref: JobRef): Promise<Ready | undefined> {
    // The same entry would fail the same way, and say so once more.
    if (this.#unrestorable.has(ref.key)) return undefined;
    const hit = (await this.#p.cache.lookup([ref.key])).get(ref.key);
    if (!hit) return undefined;
    const dir = this.#outputDir(ref.key);
    const restored = await hit.restore(dir);
    const at = (restored.ok && restored.value?.dir) || dir;
    const placed = restored.ok ? this.#inPlace.place(ref.label, at) : { message: restored.error.message };
    if (placed !== undefined) {
      const message = `cached output of ${quoted(ref.name)} could not be restored (${placed.message}); building it instead`;
      this.#p.reporter.onEvent({ type: 'warning', job: ref, message });
      await removeTree(dir).catch(() => undefined);
      if (placed.stray) await this.#p.cache.discard?.(ref.key);
      return undefined;
    }
    // A tree in this run's scratch space is sealed when a command reads it; one restored into a cache entry
    // is the cache's, immutable from the start.
    if (at === dir) this.#unsealed.add(dir);
    else if (!(restored.ok && restored.value?.sealed)) sealTree(at);
    return { ok: true, dir: at, outcome: await this.#cachedOutcome(ref, hit) };
  }

  /**
   * Another worker or process built this key while we waited: its files are the result, once they verify.
   * Undefined when they do not (unreadable, or not matching their manifest): the caller builds it here.
   */
  async #reuse(
    ref: JobRef,
    restore: Extract<Claim, { kind: 'reuse' }>['restore'],
  ): Promise<Ready | undefined> {
    const outputDir = this.#outputDir(ref.key);
    await removeTree(outputDir).catch(() => undefined);
    try {
      const logs = await restore(outputDir);
      const placed = this.#inPlace.place(ref.label, outputDir);
      if (placed !== undefined) throw new Error(placed.message);
      this.#unsealed.add(outputDir);
      const outcome: JobOutcome = {
        ...ref,
        status: 'cached',
        exitCode: 0,
        ...logs,
        message: 'built by a concurrent run',
      };
      return { ok: true, dir: outputDir, outcome };
    } catch (e) {
      await removeTree(outputDir).catch(() => undefined);
      this.#p.reporter.onEvent({
        type: 'warning',
        job: ref,
        message: `the result of ${quoted(ref.name)} from a concurrent run could not be used (${(e as Error).message}); building it instead`,
      });
      return undefined;
    }
  }

  #failedElsewhere(ref: JobRef, error: string): Ready {
    return unrun(ref, 'failed', `failed in a concurrent run: ${error}`);
  }

  async #buildClaimed(
    job: Job,
    ref: JobRef,
    depDirs: ReadonlyMap<JobLabel, string>,
    release: () => void,
    finish: Extract<Claim, { kind: 'build' }>['finish'],
    endTurn: () => void,
  ): Promise<Ready> {
    let ready: Ready | undefined;
    try {
      ready = await this.#execute(job, ref, depDirs, release, endTurn);
    } finally {
      // Published in the background: dependents here read the output directory directly, so the worker slot
      // is free for the next job while other processes' waiters get the result a moment later.
      this.#saves.push(this.#finish(ref, ready, finish));
    }
    return ready;
  }

  async #finish(
    ref: JobRef,
    ready: Ready | undefined,
    finish: Extract<Claim, { kind: 'build' }>['finish'],
  ): Promise<void> {
    try {
      // Published after the save: a waiter told "it is in the cache" must find it there.
      const inCache = ready?.ok
        ? await (this.#inCache.get(ref.key) ?? Promise.resolve(ready.outcome.status === 'cached'))
        : false;
      await finish(claimResult(ready, inCache));
    } catch (e) {
      this.#p.reporter.onEvent({
        type: 'warning',
        job: ref,
        message: `could not publish ${quoted(ref.name)} to the coordinator: ${(e as Error).message}`,
      });
    }
  }

  async #execute(
    job: Job,
    ref: JobRef,
    depDirs: ReadonlyMap<JobLabel, string>,
    release: () => void,
    endTurn: () => void,
  ): Promise<Ready> {
    const { options, reporter } = this.#p;
    let outputDir: string;
    let tmpDir: string;
    try {
      outputDir = this.#newOutputDir(ref.key);
      tmpDir = this.#tempDirs.take();
    } catch (e) {
      return unrun(
        ref,
        'failed',
        `not started: cannot create its directories (${(e as Error).message})${diskFullNote(options.workDir)}`,
      );
    }
    try {
      this.#inPlace.clear(job.label);
    } catch (e) {
      this.#tempDirs.give(tmpDir);
      return unrun(
        ref,
        'failed',
        `not started: its stale in-place outputs cannot be removed (${(e as Error).message})`,
      );
    }
    const cmds = renderCommands(job, { outputDir, sourceDir: options.sourceDir, depDirs });
    for (const c of cmds) {
      if (c.kind === 'cat' && !isInside(outputDir, c.path)) {
        reporter.onEvent({
          type: 'warning',
          job: ref,
          message: `${quoted(job.name)} writes ${quoted(c.path)} outside its output directory: that file is not cached`,
        });
        break;
      }
    }
    this.#p.inputsStarting?.(job);
    const result = await runCommands(cmds, {
      env: { ...options.baseEnv, ...this.#p.coordinator.env, TMPDIR: tmpDir },
      captureDir: tmpDir,
      // Beside the run's other files, not in the job's temp directory: saving needs them after the job.
      spillDir: join(options.workDir, 'logs'),
      timeoutMs: options.jobTimeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
      slots: this.#p.commandSlots,
      priority: this.#p.priorities.get(ref.label) ?? 0,
      ...(this.#p.launcher ? { launcher: this.#p.launcher } : {}),
      onStarted: () => reporter.onEvent({ type: 'job-start', job: ref }),
      onOutput: (stream, chunk) => reporter.onEvent({ type: 'job-output', job: ref, stream, chunk }),
    });
    this.#inPlace.commandEnded();
    const durationMs = Math.round(performance.now() - (result.startedAt ?? performance.now()));
    // Asked before the temp directory is emptied: a job that filled the disk is told so.
    const fullNote = result.exitCode === 0 ? '' : diskFullNote(outputDir, tmpDir);
    this.#tempDirs.give(tmpDir);
    if (result.notStarted) return this.#notRun(ref, 'not started: the run was interrupted');
    const succeeded = result.exitCode === 0 && !result.interrupted && !result.timedOut;
    const outcome: JobOutcome = {
      ...ref,
      status: succeeded ? 'built' : 'failed',
      exitCode: result.exitCode,
      durationMs,
      stdout: result.stdout,
      stderr: result.stderr,
    };
    if (!succeeded) {
      outcome.message = result.timedOut
        ? `timed out after ${options.jobTimeoutMs} ms`
        : result.interrupted
          ? 'interrupted'
          : (result.error ??
            (result.signal ? `killed by ${result.signal}` : `exited with code ${String(result.exitCode)}`));
      outcome.message += fullNote;
      if (options.failFast) this.#stopScheduling = true;
      const own = !result.interrupted && !result.timedOut && fullNote === '';
      return own ? { ok: false, outcome, commandFailed: true } : { ok: false, outcome };
    }
    this.#p.timings.record(job.name, durationMs);
    const captured = this.#inPlace.capture(job.label, outputDir);
    endTurn();
    if (captured !== undefined && 'error' in captured) {
      outcome.status = 'failed';
      outcome.message = `its in-place outputs could not be captured: ${captured.error}`;
      return { ok: false, outcome };
    }
    if (captured !== undefined && 'through' in captured) {
      reporter.onEvent({
        type: 'warning',
        job: ref,
        message: `${quoted(job.name)} was not cached: it may have written outputs through the symbolic link ${quoted(captured.through)}, and nothing is taken through a link`,
      });
      return this.#notCached(outputDir, outcome, `outputs written through ${captured.through}`);
    }
    // As Turborepo does: a glob with a typo, or a tool writing elsewhere, would otherwise cache nothing in silence,
    // and a deleted `dist/` would never come back.
    // Only when nothing matches: a tracked file, or one another job holds, is matched and left out on purpose.
    if (captured?.matched === 0) {
      reporter.onEvent({
        type: 'warning',
        job: ref,
        message: `${quoted(job.name)} wrote no file its outputs (${(job.outputs ?? []).join(', ')}) match as paths from the source directory (not from the command's cwd): none is cached`,
      });
    }
    const changed = (await this.#p.inputsChanged?.(job)) ?? [];
    if (changed.length > 0) {
      // The job may have read the new bytes: filed under the key of the old ones, it would be served for them.
      reporter.onEvent({
        type: 'warning',
        job: ref,
        // Most often the job's own doing (a generator, a formatter writing its inputs back): say what to change.
        message: `${JSON.stringify(job.name)} was not cached: ${changed.length === 1 ? 'its input' : 'inputs'} ${changed.join(', ')} changed while it ran; a job that writes its own inputs, even the same bytes, is never cached (leave what it writes out of its inputs)`,
      });
      return this.#notCached(outputDir, outcome, 'inputs changed while it ran');
    }
    // Dependents get outputs they cannot write into, whether they read them here or from a later restore. A
    // cache that takes the directory over seals it as it hashes it (dependents read it after the save); here
    // otherwise, before anyone reads it.
    const sealInSave = this.#p.cache.newOutputDir !== undefined;
    if (!sealInSave) sealTree(outputDir);
    const artifact = {
      outputDir,
      ...(sealInSave ? { seal: true } : {}),
      stdout: result.stdout,
      stderr: result.stderr,
      durationMs,
      jobName: ref.name,
      ...(result.stdoutFile === undefined ? {} : { stdoutFile: result.stdoutFile }),
      ...(result.stderrFile === undefined ? {} : { stderrFile: result.stderrFile }),
    };
    const saving = this.#p.cache
      .save(ref.key, artifact)
      // Backends answer trouble as outcomes; should one throw all the same, the build goes on without it.
      .catch((e: unknown): SaveOutcome => ({
        saved: false,
        reason: 'cache-unavailable',
        message: (e as Error).message,
      }));
    const saved = saving.then((saved) => {
      if (!saved.saved && saved.reason === 'unsafe-output') {
        reporter.onEvent({
          type: 'warning',
          job: ref,
          message: `${quoted(job.name)} was not cached: ${asInCheckout(saved.message ?? 'unsafe output')}`,
        });
      }
      // 'exists': another process saved the same key first, so it is in the cache all the same.
      return saved.saved || saved.reason === 'exists';
    });
    this.#inCache.set(ref.key, saved);
    this.#saves.push(saved);
    if (this.#p.cache.newOutputDir === undefined) return { ok: true, dir: outputDir, outcome, built: true };
    // The cache takes the directory over: dependents read it where the save puts it. The slot is free already.
    release();
    const s = await saving;
    const dir = (s.saved && s.outputDir) || outputDir;
    if (!(s.saved && s.sealed)) sealTree(dir);
    // Refused by the cache for what it holds (said above): not offered to waiters either, who build it themselves.
    const refused = !s.saved && s.reason === 'unsafe-output';
    return { ok: true, dir, outcome, built: true, ...(refused ? { unpublished: 'unsafe output' } : {}) };
  }

  /**
   * A job built and not saved: dependents in this run read its outputs where it wrote them. `unpublished`: why
   * they are this run's alone, so that a process waiting for the same key builds it itself.
   */
  #notCached(outputDir: string, outcome: JobOutcome, unpublished?: string): Ready {
    this.#inCache.set(outcome.key, Promise.resolve(false));
    this.#p.cache.unsaved?.(outcome.key);
    return { ok: true, dir: outputDir, outcome, built: true, ...(unpublished ? { unpublished } : {}) };
  }

  /** Where a job writes its outputs: a directory the cache can take over whole, or one in this run's tree. */
  #newOutputDir(key: JobKey): string {
    if (this.#p.cache.newOutputDir) {
      try {
        return this.#p.cache.newOutputDir(key);
      } catch {
        // The cache cannot give one (a full or read-only cache disk): the job still runs, in this run's tree.
      }
    }
    const dir = this.#outputDir(key);
    // Fresh per key: nothing can be there unless a failed restore left it, and that path removes it.
    // Synchronous: a thread-pool round trip here would idle the slot between jobs. Writable by this user only,
    // whatever the umask, as the cache's own output directories are.
    mkdirSync(dir, 0o755);
    return dir;
  }

  // Spelled out, not joined: asked for every job of a cached run, and a key is hex.
  #outputDir(key: JobKey): string {
    return `${this.#outDirs}/${key}`;
  }
}

/** The logs of a cached job whose logs are not read: one buffer for a thousand such jobs, none can write to it. */
const NO_BYTES = Buffer.alloc(0);

/** Below this, a failed job's disk is called full in its message: the likely reason it failed. */
const FULL_DISK_BYTES = 1024 * 1024;

/** `; the disk holding DIR is full` when one of these directories' disks is (nearly) out of space; else ''. */
function diskFullNote(...dirs: string[]): string {
  for (const dir of dirs) {
    const free = freeBytes(dir);
    if (free !== undefined && free < FULL_DISK_BYTES) {
      return `; the disk holding ${dir} is full (${free} bytes free)`;
    }
  }
  return '';
}

/**
 * What a claim is finished with: the build for other processes waiting on its key; a failure of its command, which
 * they would meet too; or, for anything that is this run's alone, nothing (they build it themselves).
 */
function claimResult(
  ready: Ready | undefined,
  inCache: boolean,
): Parameters<Extract<Claim, { kind: 'build' }>['finish']>[0] {
  if (ready === undefined) return { unpublished: 'the build threw' };
  if (!ready.ok) {
    const message = ready.outcome.message ?? 'the build failed';
    return ready.commandFailed ? { error: message } : { unpublished: message };
  }
  if (ready.unpublished !== undefined) return { unpublished: ready.unpublished };
  return { outputDir: ready.dir, ...ready.outcome, inCache };
}

/** A job whose command did not run here, skipped or failed: no exit code, no output, the reason. */
function unrun(ref: JobRef, status: 'skipped' | 'failed', message: string): Ready {
  const outcome: JobOutcome = {
    ...ref,
    status,
    exitCode: null,
    durationMs: 0,
    stdout: Buffer.alloc(0),
    stderr: Buffer.alloc(0),
    message,
  };
  return { ok: false, outcome };
}

/**
 * A save's message with the paths of in-place outputs as the checkout has them: in the artifact they lie under
 * IN_PLACE_DIR, a name the user never wrote.
 */
function asInCheckout(message: string): string {
  // The path opens each of the save's messages ("symlink <path> points…", "<path> is neither…").
  const prefix = `${IN_PLACE_DIR}/`;
  if (message.startsWith(prefix)) return message.slice(prefix.length);
  if (message.startsWith(`symlink ${prefix}`)) return `symlink ${message.slice(`symlink ${prefix}`.length)}`;
  return message;
}
