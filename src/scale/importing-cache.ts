import type { ArtifactToSave, Cache, CacheHit, RestoreFailure, SaveOutcome } from '../cache/cache.js';
import type { JobKey } from '../ids/brands.js';
import type { Result } from '../util/result.js';
import { err } from '../util/result.js';
import { MAX_TIMER_MS } from '../util/env-ms.js';
import type { Found, JobExchange } from './job-exchange.js';
import { KEY_PREFIX_LENGTH, type ShardPlan } from './shard-plan.js';

/**
 * One shard of a pipelined plan, as a cache in front of the run's real one (DESIGN.md §8).
 *
 * The engine builds every missed job of its selection, and a shard's selection holds the jobs other shards
 * own (the dependencies of its own). So a missed job this shard does not build is answered as a hit whose
 * restore **waits**: it polls the exchange for the owner's publication (backing off up to `maxPollMs`) and
 * restores it once it appears. The wait is bounded: twice the time the plan expects the job at, plus a margin,
 * counted from this shard's start; or it ends at once when the owner withdraws it (its build failed). Then the
 * restore fails, and the engine builds the job here, as it does for any artifact that cannot be restored: the
 * duplication is reported (`onDuplicate`). An owner that crashed publishes nothing, so its waiters build the job
 * once the bound is past; nothing ever waits longer.
 *
 * A restore is asked for only when a job here needs the bytes, so jobs that other shards own and nothing here
 * reads directly cost no wait at all. A foreign job the plan does not export (no job here needs it directly) is
 * restored only after a wait on one that needs it gave up: it is built here at once.
 *
 * Jobs this shard owns and exports are published right after they are saved.
 *
 * The plan's times are estimates (on a first run, guesses), and the jobs of one matrix run on alike runners: a
 * shard whose own jobs take three times what the plan weighed them at finds the owners' late by as much. So the
 * bound is rescaled, at every look, by what this shard observes (`jobStarted`, `jobEnded`): its finished jobs'
 * real over planned seconds, or the elapsed over planned time of a job it still runs when that is more, never
 * below 1 and at most `maxScale` (which keeps a crashed owner's waiters from waiting without end).
 */
export interface ImportingOptions {
  plan: ShardPlan;
  /** This shard, 1-based. */
  shard: number;
  /** When this shard started, in ms since the epoch (the plan's times count from there). */
  startedAt: number;
  marginSeconds: number;
  /**
   * The most a wait's bound is rescaled by (default `MAX_SCALE`): however slow this shard's own jobs run, a
   * waiter whose owner crashed builds the job itself within `2 × maxScale × planned time + margin`.
   */
  maxScale?: number;
  /** The longest pause between two looks (default 5 s; the first is 0.5 s). */
  maxPollMs?: number;
  /**
   * How long a look still in flight at the bound may take past it (default 10 s): a look-up or download that
   * hangs must not hold the wait, and with it the job here, beyond its bound.
   */
  lookGraceMs?: number;
  /** A job another shard owns that this one builds itself after all, and why. */
  onDuplicate: (key: JobKey, why: string) => void;
  /** The run's cancellation: waits end with it (the engine builds nothing more, so nothing is duplicated). */
  signal?: AbortSignal;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** A timer that can be cancelled (default setTimeout): how a look in flight is cut off. */
  timer?: (ms: number) => { passed: Promise<void>; cancel: () => void };
}

type Wait =
  { kind: 'published'; hit: CacheHit } | { kind: 'given-up'; why: string } | { kind: 'interrupted' };

export class ImportingCache implements Cache {
  readonly #base: Cache;
  readonly #exchange: JobExchange;
  readonly #o: ImportingOptions;
  readonly #mine: Set<string>;
  readonly #exports: Map<string, { owner: number; at: number }>;
  readonly #waits = new Map<JobKey, Promise<Wait>>();
  readonly #givenUp = new Set<JobKey>();
  /** Exported jobs of this shard: published or withdrawn, each once. */
  readonly #settled = new Set<JobKey>();
  readonly #pending: Promise<unknown>[] = [];
  /** Planned seconds of this shard's own jobs, by key prefix (from the plan, when it says). */
  readonly #planned = new Map<string, number>();
  /** Own jobs running: when each started (ms, `now`). */
  readonly #running = new Map<string, number>();
  #realSeconds = 0;
  #plannedSeconds = 0;
  /** Settles when the run is cancelled (one listener for all the waits). */
  readonly #interrupted?: Promise<undefined>;
  readonly newOutputDir?: (key: JobKey) => string;
  readonly newRestoreDir?: (key: JobKey) => Promise<string>;

  constructor(base: Cache, exchange: JobExchange, o: ImportingOptions) {
    this.#base = base;
    this.#exchange = exchange;
    this.#o = o;
    this.#mine = new Set(o.plan.shards[o.shard - 1] ?? []);
    this.#exports = new Map((o.plan.exports ?? []).map((e) => [e.key, { owner: e.owner, at: e.at }]));
    const mine = o.plan.shards[o.shard - 1] ?? [];
    const seconds = o.plan.seconds?.[o.shard - 1];
    if (seconds) mine.forEach((k, i) => this.#planned.set(k, seconds[i]!));
    const signal = o.signal;
    if (signal) {
      this.#interrupted = signal.aborted
        ? Promise.resolve(undefined)
        : new Promise((r) => signal.addEventListener('abort', () => r(undefined), { once: true }));
    }
    if (base.newOutputDir) this.newOutputDir = base.newOutputDir.bind(base);
    if (base.newRestoreDir) this.newRestoreDir = base.newRestoreDir.bind(base);
  }

  async lookup(keys: readonly JobKey[]): Promise<Map<JobKey, CacheHit>> {
    const hits = await this.#base.lookup(keys);
    for (const key of keys) {
      if (hits.has(key) || this.#givenUp.has(key) || this.#mine.has(prefix(key))) continue;
      hits.set(key, this.#awaitedHit(key));
    }
    return hits;
  }

  async save(key: JobKey, artifact: ArtifactToSave): Promise<SaveOutcome> {
    const saved = await this.#base.save(key, artifact);
    if (this.#exports.get(prefix(key))?.owner === this.#o.shard && !this.#settled.has(key)) {
      this.#settled.add(key);
      const published = saved.saved ? this.#exchange.publish(key) : Promise.resolve(false);
      // A job whose save failed will not appear: its waiters are told at once instead of at their bound.
      const done = published.then((ok) => (ok ? undefined : this.#exchange.withdraw(key)));
      this.#pending.push(done.catch(() => undefined));
      await done.catch(() => undefined);
    }
    return saved;
  }

  /**
   * A job of this shard's ended without an artifact of its own (failed, skipped), or found one another run saved
   * since the plan (cached, which this shard has no bytes of to publish): its waiters need not wait for it, and
   * build it themselves.
   */
  notBuilt(key: JobKey): void {
    if (this.#exports.get(prefix(key))?.owner !== this.#o.shard || this.#settled.has(key)) return;
    this.#settled.add(key);
    this.#pending.push(this.#exchange.withdraw(key).catch(() => undefined));
  }

  /** A job of this shard's was built but will not be saved: as for one not built. */
  unsaved(key: JobKey): void {
    this.notBuilt(key);
  }

  /** A job of this shard's began to run. */
  jobStarted(key: JobKey): void {
    if (this.#planned.has(prefix(key))) this.#running.set(prefix(key), (this.#o.now ?? Date.now)());
  }

  /** A job of this shard's ended; built, it ran for `durationMs` (a failed job's time says little). */
  jobEnded(key: JobKey, durationMs?: number): void {
    const p = prefix(key);
    this.#running.delete(p);
    const planned = this.#planned.get(p);
    if (durationMs === undefined || planned === undefined || planned <= 0) return;
    this.#realSeconds += durationMs / 1000;
    this.#plannedSeconds += planned;
  }

  /** How much slower than planned this shard's own jobs run (1 when not slower), capped. */
  scale(): number {
    const now = (this.#o.now ?? Date.now)();
    let seen = this.#plannedSeconds > 0 ? this.#realSeconds / this.#plannedSeconds : 1;
    // A job far longer than planned raises the scale before it ends.
    for (const [p, at] of this.#running) {
      const planned = this.#planned.get(p)!;
      if (planned > 0) seen = Math.max(seen, (now - at) / 1000 / planned);
    }
    return Math.min(Math.max(seen, 1), this.#o.maxScale ?? MAX_SCALE);
  }

  interrupt(): void {
    this.#base.interrupt?.();
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.#pending);
    await this.#base.close();
  }

  #awaitedHit(key: JobKey): CacheHit {
    let found: CacheHit | undefined;
    return {
      key,
      durationMs: 0,
      // The owner's report carries the logs; a shard that only restored the job has none to show.
      logs: () => found?.logs() ?? Promise.resolve({ stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) }),
      restore: async (dest): Promise<Result<void | { dir: string }, RestoreFailure>> => {
        const wait = await this.#wait(key);
        if (wait.kind === 'published') {
          found = wait.hit;
          const restored = await wait.hit.restore(dest);
          if (restored.ok) return restored;
          this.#giveUp(key, `its publication could not be restored: ${restored.error.message}`);
          return restored;
        }
        return err({
          reason: 'missing',
          message: wait.kind === 'interrupted' ? 'the run was interrupted while waiting for it' : wait.why,
        });
      },
    };
  }

  #wait(key: JobKey): Promise<Wait> {
    let w = this.#waits.get(key);
    if (!w) {
      w = this.#poll(key).then((r) => {
        if (r.kind === 'given-up') this.#giveUp(key, r.why);
        return r;
      });
      this.#waits.set(key, w);
    }
    return w;
  }

  #giveUp(key: JobKey, why: string): void {
    if (this.#givenUp.has(key)) return;
    this.#givenUp.add(key);
    this.#o.onDuplicate(key, why);
  }

  async #poll(key: JobKey): Promise<Wait> {
    const planned = this.#exports.get(prefix(key));
    if (!planned || planned.owner === this.#o.shard) {
      return { kind: 'given-up', why: 'no shard publishes it (a job here that needs it is built here too)' };
    }
    const now = this.#o.now ?? Date.now;
    // The bound and the expected time follow the observed scale: both are read again before every look.
    let boundSeconds = 0;
    let deadline = 0;
    let expectedAt = 0;
    const rescale = (): void => {
      const scale = this.scale();
      boundSeconds = 2 * planned.at * scale + this.#o.marginSeconds;
      deadline = this.#o.startedAt + boundSeconds * 1000;
      expectedAt = this.#o.startedAt + planned.at * scale * 1000;
    };
    rescale();
    const owner = `shard ${planned.owner}/${this.#o.plan.shards.length}`;
    const late = (): Wait => ({
      kind: 'given-up' as const,
      why: `${owner} did not publish it within ${Math.round(boundSeconds)} s of this shard's start`,
    });
    let pause = 500;
    const signal = this.#o.signal;
    const interrupted = this.#interrupted;
    // A pause (a minute or more before a late job) is cancelled with the run: no timer holds the process then.
    const pauseFor = async (ms: number): Promise<void> => {
      const pausing = this.#o.sleep ? { passed: this.#o.sleep(ms), cancel: () => undefined } : timer(ms);
      await Promise.race([pausing.passed, ...(interrupted ? [interrupted] : [])]).finally(pausing.cancel);
    };
    // A job expected a minute or more after the start is not there at the start: the first look waits an eighth
    // of that, like every look before the planned time. Else every wait of every shard looks at once when the
    // shards start (some 900 look-ups in one minute on the benchmark graph).
    if (expectedAt - now() >= FIRST_LOOK_AFTER_MS) await pauseFor(Math.round((expectedAt - now()) / 8));
    for (;;) {
      if (signal?.aborted) return { kind: 'interrupted' };
      rescale();
      // A look answers, or the wait ends once the bound (plus a grace for a look begun just before it) is past.
      const cutOff = (this.#o.timer ?? timer)(
        Math.max(deadline - now(), 0) + (this.#o.lookGraceMs ?? 10_000),
      );
      const found = await Promise.race([
        this.#exchange.find(key).catch((): Found => ({ kind: 'absent' })),
        cutOff.passed.then(() => undefined),
        ...(interrupted ? [interrupted] : []),
      ]).finally(cutOff.cancel);
      if (signal?.aborted) return { kind: 'interrupted' };
      if (found === undefined) {
        // Cut off at the bound as it stood; a scale that grew meanwhile moves it, and the wait goes on.
        rescale();
        if (deadline - now() <= 0) return late();
        continue;
      }
      if (found.kind === 'published') return found;
      if (found.kind === 'withdrawn') return { kind: 'given-up', why: `${owner} did not build it` };
      if (found.kind === 'refused')
        return { kind: 'given-up', why: `${owner}'s publication of it cannot be used: ${found.why}` };
      rescale();
      const left = deadline - now();
      if (left <= 0) return late();
      // Before the job is expected, a look rarely finds it: the pause is an eighth of the time still expected
      // (a few dozen look-ups for a wait of minutes instead of one every 5 s), so an owner faster than planned is
      // noticed within an eighth of what remained. The waits of a shard all start with it, and a run has hundreds.
      const early = Math.round((expectedAt - now()) / 8);
      // The last look is at the bound itself: a job published just before it is still restored, not rebuilt.
      const ms = Math.min(Math.max(pause, early), left);
      await pauseFor(ms);
      pause = Math.min(pause * 2, this.#o.maxPollMs ?? 5000);
    }
  }
}

/**
 * The most a wait's bound is rescaled by: jobs ten times longer than planned (a first run's guesses) are still
 * waited for, and a crashed owner's waiters build its job within 20 × its planned time plus the margin.
 */
export const MAX_SCALE = 10;

/** Jobs expected this long after the start or later are first looked for an eighth of that after it. */
const FIRST_LOOK_AFTER_MS = 60_000;

function timer(ms: number): { passed: Promise<void>; cancel: () => void } {
  let t: NodeJS.Timeout | undefined;
  // Node fires a longer timer after 1 ms: a plan's far-off time would make the waits look again and again.
  const passed = new Promise<void>((r) => (t = setTimeout(r, Math.min(ms, MAX_TIMER_MS))));
  // Cancelled once the look answers, so no timer outlives the wait (and holds the process).
  return { passed, cancel: () => clearTimeout(t) };
}

const prefix = (key: JobKey): string => key.slice(0, KEY_PREFIX_LENGTH);
