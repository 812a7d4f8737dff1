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
 * remote hit locally once it is restored (so the next run needs no network); saving locally at once and uploading
 * in the background. A remote hit costs only its record until something needs its bytes.
 * Does not deal with: the protocols (the stores) or failures of the server (the tier's circuit breaker).
 */
export class TieredCache implements Cache {
  readonly #local: Cache;
  readonly #remote: RemoteTier;
  /** Remote hits being (or already) stored in the local cache. */
  readonly #kept = new Map<JobKey, Promise<void>>();
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
        // Once kept locally (by an earlier restore of this key), the local copy answers.
        if (this.#kept.has(key)) {
          await this.#kept.get(key);
          const local = (await this.#local.lookup([key])).get(key);
          if (local && (await local.restore(dest)).ok) return ok(undefined);
        }
        const fetched = await this.#fetchInto(record, dest);
        if (fetched.ok) {
          // Kept before the tree is handed over: the engine may move a restored tree away (into --out-dir).
          const keeping = this.#keep(record, dest);
          this.#kept.set(key, keeping);
          await keeping;
        }
        return fetched;
      },
    };
  }

  /**
   * Stores a restored artifact in the local cache: the save hard-links the restored files and keeps the
   * record's manifest, so a remote hit costs one download, one extraction and one hash pass.
   */
  async #keep(record: RemoteRecord, dir: string): Promise<void> {
    const logs = await this.#remote.logs(record);
    if (!logs.ok) return;
    await this.#local
      .save(record.key, {
        outputDir: dir,
        ...logs.value,
        durationMs: record.manifest.durationMs,
        // Every file was hashed against it as it was extracted: no second hash pass.
        verifiedManifest: record.manifest,
      })
      .catch(() => undefined);
  }

  /** Downloads into a private directory beside `dest`, verified as it arrives, then moves it into place. */
  async #fetchInto(record: RemoteRecord, dest: string): Promise<Result<void, RestoreFailure>> {
    const temp = `${dest}.remote-${randomBytes(4).toString('hex')}`;
    await mkdir(dirname(dest), { recursive: true });
    await mkdir(temp);
    const fetched = await this.#remote.fetch(record, temp);
    // The tier has warned already (once per run): no second warning per artifact.
    if (!fetched.ok) return err({ reason: 'cache-unavailable', message: fetched.error, reported: true });
    await rm(dest, { recursive: true, force: true });
    await rename(temp, dest);
    return ok(undefined);
  }

  async save(key: JobKey, artifact: ArtifactToSave): Promise<SaveOutcome> {
    const outcome = await this.#local.save(key, artifact);
    if (outcome.saved || outcome.reason !== 'unsafe-output') {
      const dir = (outcome.saved && outcome.outputDir) || artifact.outputDir;
      this.#remote.upload(key, dir, artifact, outcome.saved ? outcome.manifest : undefined);
    }
    return outcome;
  }

  /** Uploads and local copies first: they read directories the local cache removes when it closes. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#kept.values()]);
    await this.#remote.close();
    await this.#local.close();
  }
}
