import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { JobKey } from '../../ids/brands.js';
import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';
import type { ArtifactToSave, Cache, CacheHit, RestoreFailure, SaveOutcome } from '../cache.js';
import type { RemoteRecord } from './remote-record.js';
import type { RemoteTier } from './remote-tier.js';

/**
 * A local cache in front of a remote one.
 *
 * Deals with: answering lookups from the local cache first and asking the server only for the rest; storing a
 * remote hit locally as it is restored (so the next run needs no network); saving locally at once and uploading
 * in the background. A remote hit costs only its record until something needs its bytes.
 * Does not deal with: the protocols (the stores) or failures of the server (the tier's circuit breaker).
 */
export class TieredCache implements Cache {
  readonly #local: Cache;
  readonly #remote: RemoteTier;
  /** One download per key, shared by every restore of it. */
  readonly #pulls = new Map<JobKey, Promise<Result<CacheHit | undefined, string>>>();
  readonly newOutputDir?: (key: JobKey) => string;

  constructor(local: Cache, remote: RemoteTier) {
    this.#local = local;
    this.#remote = remote;
    const give = local.newOutputDir?.bind(local);
    if (give) this.newOutputDir = give;
  }

  async lookup(keys: readonly JobKey[]): Promise<Map<JobKey, CacheHit>> {
    const hits = await this.#local.lookup(keys);
    const rest = keys.filter((k) => !hits.has(k));
    for (const [key, record] of await this.#remote.lookup(rest)) hits.set(key, this.#remoteHit(record));
    return hits;
  }

  #remoteHit(record: RemoteRecord): CacheHit {
    const key = record.key;
    return {
      key,
      durationMs: record.manifest.durationMs,
      logs: async () => {
        const logs = await this.#remote.logs(record);
        if (!logs.ok) throw new Error(logs.error);
        return logs.value;
      },
      restore: async (dest) => {
        let pull = this.#pulls.get(key);
        if (!pull) {
          pull = this.#pullIntoLocal(record);
          this.#pulls.set(key, pull);
        }
        const local = await pull;
        // The tier has warned already (once per run): no second warning per artifact.
        if (!local.ok) {
          return err<RestoreFailure>({ reason: 'cache-unavailable', message: local.error, reported: true });
        }
        if (local.value) return local.value.restore(dest);
        // No local cache to keep it in: straight into place.
        return this.#fetchInto(record, dest);
      },
    };
  }

  /**
   * Downloads into a directory the local cache hands out and saves it there, so it is kept; answers the local
   * hit, or undefined when the local cache cannot take it (the caller then downloads into place).
   */
  async #pullIntoLocal(record: RemoteRecord): Promise<Result<CacheHit | undefined, string>> {
    if (!this.newOutputDir) return ok(undefined);
    let dir: string;
    try {
      dir = this.newOutputDir(record.key);
    } catch {
      return ok(undefined);
    }
    const fetched = await this.#remote.fetch(record, dir);
    if (!fetched.ok) return fetched;
    const logs = await this.#remote.logs(record);
    if (!logs.ok) return logs;
    const saved = await this.#local.save(record.key, {
      outputDir: dir,
      ...logs.value,
      durationMs: record.manifest.durationMs,
    });
    if (!saved.saved && saved.reason !== 'exists') return ok(undefined);
    return ok((await this.#local.lookup([record.key])).get(record.key));
  }

  async #fetchInto(record: RemoteRecord, dest: string): Promise<Result<void, RestoreFailure>> {
    const temp = `${dest}.remote-${randomBytes(4).toString('hex')}`;
    await mkdir(dirname(dest), { recursive: true });
    await mkdir(temp);
    const fetched = await this.#remote.fetch(record, temp);
    if (!fetched.ok) return err({ reason: 'cache-unavailable', message: fetched.error, reported: true });
    await rm(dest, { recursive: true, force: true });
    await rename(temp, dest);
    return ok(undefined);
  }

  async save(key: JobKey, artifact: ArtifactToSave): Promise<SaveOutcome> {
    const outcome = await this.#local.save(key, artifact);
    if (outcome.saved || outcome.reason !== 'unsafe-output') {
      this.#remote.upload(key, (outcome.saved && outcome.outputDir) || artifact.outputDir, artifact);
    }
    return outcome;
  }

  /** Uploads first: they read directories the local cache removes when it closes. */
  async close(): Promise<void> {
    await this.#remote.close();
    await this.#local.close();
  }
}
