import { mkdirSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JobKey } from '../../ids/brands.js';
import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';
import type {
  ArtifactToSave,
  Cache,
  CacheHit,
  RestoredElsewhere,
  RestoreFailure,
  SaveOutcome,
} from '../cache.js';
import { ByteBudget } from './byte-budget.js';
import type { RemoteRecord } from './remote-record.js';
import type { RemoteTier } from './remote-tier.js';

/**
 * Small archives held in memory at once between download and commit: enough for the restore thread's batch and
 * the downloads behind it at the largest in-memory size (4 MiB), whatever the number of restores.
 */
const ARCHIVE_BYTES = 64 * 1024 * 1024;

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
  /**
   * Restores begun as their archives arrived with the lookups (`--download all`, see RemoteTier.lookup), by key:
   * a run that restores every hit writes the first archives while the last ones are still on their way.
   */
  readonly #early = new Map<JobKey, Promise<Result<RestoredElsewhere, RestoreFailure> | undefined>>();
  /**
   * Keys the server did not have when this run asked: not asked for again (see `lookup`). Also those a failed
   * lookup left unanswered: the remote is off for the rest of the run then.
   */
  readonly #missed = new Set<JobKey>();
  /** Archives downloaded whole and not yet committed (see #adopt). */
  readonly #inMemory: ByteBudget;
  readonly newOutputDir?: (key: JobKey) => string;

  /**
   * `archiveBytes`: at most this many bytes of small archives are held between their download and their commit;
   * further restores wait for room (the network can outrun the disk, and a run may restore thousands).
   */
  constructor(local: Cache, remote: RemoteTier, o: { archiveBytes?: number } = {}) {
    this.#local = local;
    this.#remote = remote;
    this.#inMemory = new ByteBudget(o.archiveBytes ?? ARCHIVE_BYTES);
    const give = local.newOutputDir?.bind(local);
    if (give) this.newOutputDir = give;
  }

  /**
   * A key the server did not have when this run asked is looked up again in the local cache only. The engine
   * looks once more just before it builds a missed job, for a save by another process sharing the local cache
   * meanwhile; asking the server too would put a round trip before every job that runs, all of them in a cold
   * run, for a hit only another machine building the same keys at that very moment could give.
   */
  async lookup(keys: readonly JobKey[]): Promise<Map<JobKey, CacheHit>> {
    const hits = await this.#local.lookup(keys);
    const rest = keys.filter((k) => !hits.has(k) && !this.#missed.has(k));
    if (rest.length === 0) return hits;
    const early = this.#local.adoptArchive
      ? (record: RemoteRecord): void => void this.#early.set(record.key, this.#adopt(record))
      : undefined;
    const found = await this.#remote.lookup(rest, early);
    for (const key of rest) {
      const record = found.get(key);
      if (record === undefined) this.#missed.add(key);
      else hits.set(key, this.#remoteHit(record));
    }
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
        return { stdout: logs.value.stdout, stderr: logs.value.stderr };
      },
      restore: async (dest) => {
        // Begun as its archive arrived: that restore answers (it is the one that keeps it locally).
        const begun = this.#early.get(key);
        this.#early.delete(key);
        // Once kept locally (by an earlier restore of this key), the local copy answers.
        if (begun === undefined && this.#kept.has(key)) {
          await this.#kept.get(key);
          const local = (await this.#local.lookup([key])).get(key);
          const restored = await local?.restore(dest);
          if (restored?.ok) return restored;
        }
        const adopted = await (begun ?? this.#adopt(record));
        if (adopted !== undefined) return adopted;
        const inLocal = await this.#restoreIntoLocal(record);
        if (inLocal !== undefined) return inLocal;
        const fetched = await this.#fetchInto(record, dest);
        if (fetched.ok) {
          // Kept before the tree is handed over: the engine may move a restored tree away (into --out-dir).
          const keeping = this.#keep(record, dest).then(() => undefined);
          this.#kept.set(key, keeping);
          await keeping;
        }
        return fetched;
      },
    };
  }

  /**
   * A small archive is downloaded whole and handed to the local cache, which checks it, writes the entry
   * (read-only, so the run need not seal it) and commits it away from this thread. Undefined when the local cache
   * cannot take archives (or not now: a nearly full disk) or the archive is large: the caller streams it.
   */
  async #adopt(record: RemoteRecord): Promise<Result<RestoredElsewhere, RestoreFailure> | undefined> {
    if (!this.#local.adoptArchive || !this.#remote.fitsInMemory(record)) return undefined;
    // Came with its record (held in the lookups' own budget), or downloaded once there is room.
    const prefetched = this.#remote.takePrefetched(record);
    const done = prefetched?.done ?? (await this.#inMemory.take(record.archive.size));
    try {
      return await this.#adoptHeld(record, prefetched?.bytes);
    } finally {
      done();
    }
  }

  async #adoptHeld(
    record: RemoteRecord,
    prefetched: Buffer | undefined,
  ): Promise<Result<RestoredElsewhere, RestoreFailure> | undefined> {
    // The tier has warned already on any failure (once per run): no second warning per artifact.
    const logs = await this.#remote.logs(record);
    if (!logs.ok) return err({ reason: 'cache-unavailable', message: logs.error, reported: true });
    // A log fetched into a file is kept by a save (see #keep), which the caller's streamed restore makes.
    if (logs.value.stdoutFile !== undefined || logs.value.stderrFile !== undefined) return undefined;
    const archive = prefetched ? ok(prefetched) : await this.#remote.fetchArchive(record);
    if (!archive.ok) return err({ reason: 'cache-unavailable', message: archive.error, reported: true });
    const adopted = await this.#local.adoptArchive!(record.key, {
      archive: archive.value,
      // Both are buffers of their own (see RemoteTier.takePrefetched and fetchArchive), reused once written.
      owned: true,
      release: (memory) => this.#remote.recycle(memory),
      encoding: record.archive.encoding,
      manifest: record.manifest,
      stdout: logs.value.stdout,
      stderr: logs.value.stderr,
      durationMs: record.manifest.durationMs,
    });
    if (adopted.ok) {
      this.#kept.set(record.key, Promise.resolve());
      return adopted;
    }
    if (adopted.error.reason === 'corrupt') {
      const message = this.#remote.corrupt(record, adopted.error.message);
      return err({ reason: 'cache-unavailable', message, reported: true });
    }
    return undefined;
  }

  /**
   * Downloads straight into a new local cache entry and commits it (meta.json, one rename): the run reads the
   * tree there, as it does a build's outputs the cache took over. One tree written, no copy, no link, no second
   * hash. Undefined when the local cache hands out no directory (another backend, a nearly full disk): the
   * caller downloads into the run's own directory instead.
   */
  async #restoreIntoLocal(
    record: RemoteRecord,
  ): Promise<Result<RestoredElsewhere, RestoreFailure> | undefined> {
    let out: string;
    try {
      if (this.#local.newRestoreDir) out = await this.#local.newRestoreDir(record.key);
      else if (this.newOutputDir) out = this.newOutputDir(record.key);
      else return undefined;
    } catch {
      return undefined;
    }
    const fetched = await this.#remote.fetch(record, out);
    // The tier has warned already (once per run); what was handed out is removed when the local cache closes.
    if (!fetched.ok) return err({ reason: 'cache-unavailable', message: fetched.error, reported: true });
    const keeping = this.#keep(record, out).then(
      // Not taken over (saved by another process meanwhile): the tree stays where it is until the run ends.
      (saved) => (saved?.saved && saved.outputDir) || out,
    );
    this.#kept.set(
      record.key,
      keeping.then(() => undefined),
    );
    return ok({ dir: await keeping });
  }

  /**
   * Stores a restored artifact in the local cache: the save hard-links the restored files and keeps the
   * record's manifest, so a remote hit costs one download, one extraction and one hash pass.
   */
  async #keep(record: RemoteRecord, dir: string): Promise<SaveOutcome | undefined> {
    const logs = await this.#remote.logs(record);
    if (!logs.ok) return undefined;
    return this.#local
      .save(record.key, {
        outputDir: dir,
        ...logs.value,
        durationMs: record.manifest.durationMs,
        // Every file was hashed against it as it was written: no second hash pass.
        verifiedManifest: record.manifest,
      })
      .catch(() => undefined);
  }

  /**
   * Downloads straight into `dest` (new, or empty: nothing of the archive is written through what is there),
   * verified as it arrives; on failure the tier removes what it wrote.
   */
  async #fetchInto(record: RemoteRecord, dest: string): Promise<Result<void, RestoreFailure>> {
    try {
      this.#makeParent(dirname(dest));
      mkdirSync(dest);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || readdirSync(dest).length > 0)
        return err({ reason: 'cache-unavailable', message: (e as Error).message });
    }
    const fetched = await this.#remote.fetch(record, dest);
    // The tier has warned already (once per run): no second warning per artifact.
    if (!fetched.ok) return err({ reason: 'cache-unavailable', message: fetched.error, reported: true });
    return ok(undefined);
  }

  /** Parents already made in this run: restores share a few. */
  readonly #parents = new Set<string>();

  #makeParent(dir: string): void {
    if (this.#parents.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.#parents.add(dir);
  }

  async save(key: JobKey, artifact: ArtifactToSave): Promise<SaveOutcome> {
    const outcome = await this.#local.save(key, artifact);
    if (outcome.saved || outcome.reason !== 'unsafe-output') {
      const dir = (outcome.saved && outcome.outputDir) || artifact.outputDir;
      this.#remote.upload(key, dir, artifact, outcome.saved ? outcome.manifest : undefined);
    }
    return outcome;
  }

  expectRestores(count: number): void {
    this.#local.expectRestores?.(count);
  }

  /** The local copy goes (kept from the server, say), and the server is not asked for the key again this run. */
  async discard(key: JobKey): Promise<void> {
    this.#missed.add(key);
    await this.#kept.get(key)?.catch(() => undefined);
    this.#kept.delete(key);
    await this.#local.discard?.(key);
  }

  interrupt(): void {
    this.#remote.interrupt();
  }

  /** Uploads and local copies first: they read directories the local cache removes when it closes. */
  async close(): Promise<void> {
    // Restores begun early that no one asked for (lookups that failed after their archives came): their entries
    // are complete, or removed with the rest of what the local cache handed out.
    await Promise.allSettled([...this.#early.values()]);
    this.#early.clear();
    await Promise.allSettled([...this.#kept.values()]);
    await this.#remote.close();
    await this.#local.close();
  }
}
