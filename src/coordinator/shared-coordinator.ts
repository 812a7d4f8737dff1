import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobKey } from '../ids/brands.js';
import type { CoordinatorClient } from './client.js';
import { type Coordination, joinOrStartCoordinator } from './discovery.js';
import type { BuiltResult, Claim, JobCoordinator } from './job-coordinator.js';
import { soloCoordinator } from './job-coordinator.js';
import { coordinatorEnv } from './protocol.js';
import { fromResultFiles, resultFiles } from './result-files.js';
import { envMs } from '../util/env-ms.js';

/** A coordinator as the adapters hold it: the engine's interface plus closing. */
export type OpenedCoordinator = JobCoordinator & { close(opts?: { drain: boolean }): Promise<void> };

/** How long a process that serves the coordinator stays up for others after its own run, at most. */
const DRAIN_MS = 30 * 60 * 1000;

/** A holder's lease when the caller sets none: 10 s, or `DISBUILD_COORDINATOR_LEASE_MS` (a positive integer). */
const DEFAULT_LEASE_MS = 10_000;
export const ENV_LEASE_MS = 'DISBUILD_COORDINATOR_LEASE_MS';

/**
 * The lease of a server this process starts. A key whose holder neither finishes nor renews (it died without its
 * connection closing) is handed on only when its lease runs out, and the serving process stays up until then.
 */
export function defaultLeaseMs(env: NodeJS.ProcessEnv = process.env): number {
  return envMs(env, ENV_LEASE_MS, 1) ?? DEFAULT_LEASE_MS;
}

/**
 * The engine's JobCoordinator over the shared Start/Finish coordinator of a cache directory.
 * Deals with: claiming keys, publishing results as labelled files, renewing leases while a job builds, and
 * finding a new coordinator when the serving process is gone. Coordinator trouble never fails a build: the
 * job is then built without one, with a warning.
 */
export class SharedCoordinator implements JobCoordinator {
  #c: Coordination;
  /** The rediscovery under way, if any: every claim that lost the server awaits this one. */
  #rediscovering: Promise<void> | undefined;
  /** Every server this process started; closed on `close`, whichever is current. */
  readonly #servers = new Set<NonNullable<Coordination['server']>>();
  readonly #cacheDir: string;
  readonly #o: SharedCoordinatorOptions & { leaseMs: number };
  #warned = false;

  private constructor(c: Coordination, cacheDir: string, o: SharedCoordinatorOptions & { leaseMs: number }) {
    this.#c = c;
    this.#cacheDir = cacheDir;
    this.#o = o;
    this.#adopt(c);
  }

  /**
   * Joins or starts the coordinator of `cacheDir`. Should that fail (a socket that cannot be created, a server
   * that refuses our token), the run goes on without one, with a warning: coordination saves work, it is never
   * a reason to fail a build.
   */
  static async open(cacheDir: string, opts: SharedCoordinatorOptions): Promise<OpenedCoordinator> {
    const o = { ...opts, leaseMs: opts.leaseMs ?? defaultLeaseMs() };
    try {
      return new SharedCoordinator(await joinOrStartCoordinator(cacheDir, discoveryOptions(o)), cacheDir, o);
    } catch (e) {
      opts.onWarning(`${(e as Error).message}; jobs run without a coordinator`);
      return { ...soloCoordinator, close: () => Promise.resolve() };
    }
  }

  get env(): Record<string, string> {
    return coordinatorEnv(this.#c.client.address, this.#c.bearer);
  }

  /** True when this process serves the coordinator (tests and diagnostics). */
  get serving(): boolean {
    return this.#c.server !== undefined;
  }

  async claim(key: JobKey): Promise<Claim> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const c = this.#c;
      const client = c.client;
      const r = await client.start(key);
      if (r.ok) {
        if ('token' in r.value) return this.#buildClaim(client, key, r.value.token);
        const files = r.value.extra;
        // No files: the holder saved the result to the cache this coordinator belongs to.
        if (Object.keys(files).length === 0) return { kind: 'cached' };
        return { kind: 'reuse', restore: (outputDir) => fromResultFiles(files, outputDir) };
      }
      if (r.error.reason === 'build-failed') return { kind: 'failed', error: r.error.message };
      // The serving process went away, is shutting down, or was replaced by a server with a token of its own
      // (401): find or become the next one, and ask again.
      if (
        r.error.reason === 'unreachable' ||
        (r.error.reason === 'refused' && (r.error.status === 503 || r.error.status === 401))
      ) {
        await this.#rediscover(c);
        continue;
      }
      this.#warn(`the coordinator refused ${key}: ${r.error.message}`);
      break;
    }
    return { kind: 'build', finish: () => Promise.resolve() };
  }

  #buildClaim(client: CoordinatorClient, key: JobKey, token: string): Claim {
    const stopRenewing = client.holdLease(key, token, Math.max(20, Math.floor(this.#o.leaseMs / 4)));
    return {
      kind: 'build',
      finish: async (result: BuiltResult | { error: string } | { unpublished: string }) => {
        stopRenewing();
        // Not handed to anyone: a waiter gets a token of its own at once, rather than when the lease runs out.
        const release = async (): Promise<void> => void (await client.finish(key, token, { release: true }));
        if ('unpublished' in result) {
          await release();
          return;
        }
        if ('error' in result) {
          await client.finish(key, token, { error: result.error });
          return;
        }
        // In the shared cache already: publishing no files tells waiters to restore it from there, and spares
        // copying every output into the coordinator's store.
        if (result.inCache) {
          await client.finish(key, token, { extra: {} });
          return;
        }
        const scratch = join(
          this.#cacheDir,
          'coordinator',
          'scratch',
          `${process.pid}-${randomBytes(4).toString('hex')}`,
        );
        try {
          let extra: Record<string, string>;
          try {
            extra = await resultFiles(result.outputDir, scratch, result);
          } catch (e) {
            // Not publishable (a link out of the tree): a waiter builds it itself, as it would for an output
            // the cache refuses.
            this.#warn(`could not publish ${key}: ${(e as Error).message}`);
            await release();
            return;
          }
          const r = await client.finish(key, token, { extra });
          if (!r.ok && r.error.reason !== 'unreachable') {
            this.#warn(`could not publish ${key}: ${r.error.message}`);
            // Refused (files it may not take, as a run kept in the temp directory has): still this run's claim, which
            // would hold waiters, and this run's own exit, until its lease ran out.
            await release();
          }
        } finally {
          await rm(scratch, { recursive: true, force: true });
        }
      },
    };
  }

  /**
   * Finds or becomes the next server after `lost` stopped answering, once per loss: claims that noticed the same
   * loss share one rediscovery, and a claim that noticed it after a new server was found just asks again.
   */
  async #rediscover(lost: Coordination): Promise<void> {
    if (this.#c !== lost) return;
    this.#rediscovering ??= (async () => {
      lost.client.close();
      try {
        const next = await joinOrStartCoordinator(this.#cacheDir, discoveryOptions(this.#o));
        this.#adopt(next);
        this.#c = next;
      } catch (e) {
        this.#warn((e as Error).message);
      }
    })().finally(() => (this.#rediscovering = undefined));
    await this.#rediscovering;
  }

  #adopt(c: Coordination): void {
    if (c.server) this.#servers.add(c.server);
    this.#o.onSecret?.(c.bearer);
  }

  #warn(message: string): void {
    if (this.#warned) return;
    this.#warned = true;
    this.#o.onWarning(`${message}; building without the coordinator where needed`);
  }

  /**
   * Stops serving only once no other process builds or waits through this one; with `drain: false`
   * (an interrupted run) it stops at once, and the others take over.
   */
  async close(opts = { drain: true }): Promise<void> {
    await this.#rediscovering;
    this.#c.client.close();
    const servers = [...this.#servers];
    this.#servers.clear();
    await Promise.all(
      servers.map(async (server) => {
        if (opts.drain) await server.drain(DRAIN_MS);
        await server.close();
      }),
    );
  }
}

export interface SharedCoordinatorOptions {
  leaseMs?: number;
  onWarning: (message: string) => void;
  /** Called with every bearer token this process learns (one per server), e.g. to mask it in logs. */
  onSecret?: (secret: string) => void;
  /**
   * Where this process's jobs write outputs and temp files, should it serve: the only places `finish` may
   * publish files from. Default: the cache directory.
   */
  publishRoots?: readonly string[];
}

function discoveryOptions(o: SharedCoordinatorOptions & { leaseMs: number }): {
  leaseMs: number;
  publishRoots?: readonly string[];
} {
  return { leaseMs: o.leaseMs, ...(o.publishRoots ? { publishRoots: o.publishRoots } : {}) };
}
