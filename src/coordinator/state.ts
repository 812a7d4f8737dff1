/**
 * The coordinator's pure state machine: no sockets, no timers, no files. Time is passed in.
 *
 * Lifecycle of one importPath (a job key):
 *
 *   (absent) --start--> RUNNING(token T, lease until now+L)   the caller gets {token: T} and must build
 *   RUNNING  --start--> RUNNING + waiter                       the caller waits (long poll)
 *   RUNNING  --renew(T)--> RUNNING, lease extended
 *   RUNNING  --finish(T, extra)--> DONE(extra, T)              every waiter gets {extra}
 *   RUNNING  --finish(T, error)--> (absent)                    every waiter gets {error}; a later start builds again
 *   RUNNING  --release(T)--> as when the holder is gone        the oldest waiter gets a fresh token
 *   RUNNING  --lease expired / holder lost--> RUNNING(T')      the oldest waiter gets a fresh token T';
 *                                                              with no waiter, the entry is dropped
 *   DONE     --start--> DONE                                   the caller gets {extra} at once
 *   DONE     --finish(T)--> DONE                               a repeated finish with the right token is a no-op
 *   any finish with a wrong token is refused; a finish for an absent importPath is "no build started".
 */

export type WaiterId = number;

export type Answer = { token: string } | { extra: Record<string, string> } | { error: string };

/** Something the transport must do: answer a waiting start request. */
export interface Delivery {
  waiter: WaiterId;
  answer: Answer;
}

type Entry =
  | { state: 'running'; token: string; leaseUntil: number; waiters: WaiterId[] }
  | { state: 'done'; token: string; extra: Record<string, string> };

export type StartOutcome = { kind: 'answer'; answer: Answer } | { kind: 'wait' };

export type FinishOutcome =
  | { ok: true; deliveries: Delivery[]; recorded: boolean }
  | { ok: false; status: 400 | 403 | 404; error: string };

export class CoordinatorState {
  readonly #entries = new Map<string, Entry>();
  /** Keys released, with the token that released each (tokens are never reused): see `release`. */
  readonly #released = new Set<string>();
  readonly #leaseMs: number;
  readonly #newToken: () => string;

  constructor(opts: { leaseMs: number; newToken: () => string }) {
    this.#leaseMs = opts.leaseMs;
    this.#newToken = opts.newToken;
  }

  start(importPath: string, waiter: WaiterId, now: number): StartOutcome {
    const e = this.#entries.get(importPath);
    if (!e) {
      const token = this.#newToken();
      this.#entries.set(importPath, {
        state: 'running',
        token,
        leaseUntil: now + this.#leaseMs,
        waiters: [],
      });
      return { kind: 'answer', answer: { token } };
    }
    if (e.state === 'done') return { kind: 'answer', answer: { extra: e.extra } };
    e.waiters.push(waiter);
    return { kind: 'wait' };
  }

  renew(importPath: string, token: string, now: number): boolean {
    const e = this.#entries.get(importPath);
    if (!e || e.state !== 'running' || e.token !== token) return false;
    e.leaseUntil = now + this.#leaseMs;
    return true;
  }

  /** Whether `token` may finish `importPath`: 'ok', 'done' (a repeated finish: a no-op), or the refusal. */
  checkFinish(importPath: string, token: string): 'ok' | 'done' | { status: 403 | 404; error: string } {
    const e = this.#entries.get(importPath);
    if (!e) return { status: 404, error: `no build started for ${importPath}` };
    if (e.token !== token) return { status: 403, error: `wrong token for ${importPath}` };
    return e.state === 'done' ? 'done' : 'ok';
  }

  finish(
    importPath: string,
    token: string,
    result: { extra?: Record<string, string>; error?: string },
  ): FinishOutcome {
    const check = this.checkFinish(importPath, token);
    if (check === 'done') return { ok: true, deliveries: [], recorded: false };
    if (check !== 'ok') return { ok: false, ...check };
    const e = this.#entries.get(importPath) as Extract<Entry, { state: 'running' }>;
    if (result.error === undefined && result.extra === undefined) {
      return { ok: false, status: 400, error: 'finish needs either "extra" (the files) or "error"' };
    }
    const answer: Answer = result.error !== undefined ? { error: result.error } : { extra: result.extra! };
    if (result.error !== undefined) this.#entries.delete(importPath);
    else this.#entries.set(importPath, { state: 'done', token, extra: result.extra! });
    return { ok: true, deliveries: e.waiters.map((w) => ({ waiter: w, answer })), recorded: true };
  }

  /**
   * The holder of `token` built `importPath` for itself only (see FinishRequest.release): the key is handed on as
   * when the holder is gone. A release after the key was finished, and a repeated one (a client sending again a
   * request whose answer it lost), are no-ops, as a repeated finish is.
   */
  release(importPath: string, token: string, now: number): FinishOutcome {
    const released = `${importPath}\0${token}`;
    const check = this.#released.has(released) ? 'done' : this.checkFinish(importPath, token);
    if (check === 'done') return { ok: true, deliveries: [], recorded: false };
    if (check !== 'ok') return { ok: false, ...check };
    this.#released.add(released);
    return { ok: true, deliveries: this.holderGone(importPath, token, now), recorded: false };
  }

  /** A waiting start request went away (its connection closed). */
  waiterGone(importPath: string, waiter: WaiterId): void {
    const e = this.#entries.get(importPath);
    if (e?.state === 'running') e.waiters = e.waiters.filter((w) => w !== waiter);
  }

  /** The holder of `token` is known to be gone (its process died): hand the key on at once. */
  holderGone(importPath: string, token: string, now: number): Delivery[] {
    const e = this.#entries.get(importPath);
    if (!e || e.state !== 'running' || e.token !== token) return [];
    return this.#handOver(importPath, e, now);
  }

  /** Hands every expired lease to the oldest waiter. Call periodically. */
  expire(now: number): Delivery[] {
    const out: Delivery[] = [];
    for (const [importPath, e] of this.#entries) {
      if (e.state === 'running' && e.leaseUntil <= now) out.push(...this.#handOver(importPath, e, now));
    }
    return out;
  }

  /** The earliest lease expiry, for the transport's timer; undefined when nothing is running. */
  nextExpiry(): number | undefined {
    let next: number | undefined;
    for (const e of this.#entries.values()) {
      if (e.state === 'running' && (next === undefined || e.leaseUntil < next)) next = e.leaseUntil;
    }
    return next;
  }

  /** Number of keys being built right now. */
  get running(): number {
    let n = 0;
    for (const e of this.#entries.values()) if (e.state === 'running') n++;
    return n;
  }

  #handOver(importPath: string, e: Extract<Entry, { state: 'running' }>, now: number): Delivery[] {
    const next = e.waiters.shift();
    if (next === undefined) {
      this.#entries.delete(importPath);
      return [];
    }
    e.token = this.#newToken();
    e.leaseUntil = now + this.#leaseMs;
    return [{ waiter: next, answer: { token: e.token } }];
  }
}
