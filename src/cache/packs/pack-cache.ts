import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobKey } from '../../ids/brands.js';
import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';
import type { ArtifactToSave, Cache, CacheHit, Manifest, RestoreFailure, SaveOutcome } from '../cache.js';
import { buildManifest, sha256, verifyTree } from '../manifest.js';
import { copyTree } from '../tree-copy.js';
import { withWholeLogs } from '../log-file.js';
import type { EntryStore } from './entry-store.js';
import { emptyIndex, type IndexedArtifact, type PackIndex, parseIndex } from './index-file.js';

/** Fixed transfer directories (relative to the workspace): the store derives an entry's version from them. */
const INDEX_DIR = '.disbuild-cache/index';
const PACK_DIR = '.disbuild-cache/pack';
const INLINE_LOG_LIMIT = 64 * 1024;
const MAX_PACK_BYTES = 512 * 1024 * 1024;
/** An index pointing at more packs than this gets its smallest packs merged into the run's new pack. */
const MAX_PACKS = 16;
/** Consecutive failures after which the store is considered down for the rest of the run. */
const MAX_FAILURES = 3;

export interface PackCacheOptions {
  store: EntryStore;
  keyPrefix: string;
  /** Unique per run (run id, attempt, time): names the entries this run writes. */
  runStamp: string;
  save: boolean;
  /** Scratch directory for staging and unpacked packs. */
  workDir: string;
  /** The workspace the transfer directories are relative to (the store's working directory). */
  workspace: string;
  onWarning(message: string): void;
}

/**
 * A cache over a store that wants few, large, immutable entries (the GitHub Actions cache, ~200 creates per
 * minute): a run writes its new artifacts as one or a few packs plus one index entry, and a later run restores
 * the newest index once, answers every lookup from it, and downloads only the packs whose bytes it needs.
 */
export class PackCache implements Cache {
  readonly #o: PackCacheOptions;
  #index: Promise<PackIndex> | undefined;
  readonly #packs = new Map<string, Promise<string | undefined>>();
  readonly #staged = new Map<JobKey, IndexedArtifact & { dir: string; bytes: number }>();
  #failures = 0;
  #down = false;
  #transfer: Promise<unknown> = Promise.resolve();

  constructor(options: PackCacheOptions) {
    this.#o = options;
  }

  async lookup(keys: readonly JobKey[]): Promise<Map<JobKey, CacheHit>> {
    const index = await this.#loadIndex();
    const hits = new Map<JobKey, CacheHit>();
    for (const key of keys) {
      const a = index.artifacts[key];
      if (a) hits.set(key, this.#hit(key, a));
    }
    return hits;
  }

  #loadIndex(): Promise<PackIndex> {
    this.#index ??= this.#serial(async () => {
      const dir = join(this.#o.workspace, INDEX_DIR);
      rmSync(dir, { recursive: true, force: true });
      const matched = await this.#call(
        () => this.#o.store.restore(INDEX_DIR, `${this.#o.keyPrefix}-index-`, []),
        false,
      );
      if (matched === undefined) return emptyIndex();
      const index = existsSync(join(dir, 'index.json'))
        ? parseIndex(readFileSync(join(dir, 'index.json'), 'utf8'))
        : emptyIndex();
      rmSync(dir, { recursive: true, force: true });
      return index;
    });
    return this.#index;
  }

  #hit(key: JobKey, a: IndexedArtifact): CacheHit {
    return {
      key,
      durationMs: a.durationMs,
      logs: async () => {
        if (a.stdout !== undefined && a.stderr !== undefined) {
          return { stdout: Buffer.from(a.stdout, 'base64'), stderr: Buffer.from(a.stderr, 'base64') };
        }
        const pack = await this.#pack(a.pack);
        const read = (name: string, inline?: string): Buffer =>
          inline !== undefined
            ? Buffer.from(inline, 'base64')
            : pack
              ? readFileSync(join(pack, key, name))
              : Buffer.alloc(0);
        return { stdout: read('stdout', a.stdout), stderr: read('stderr', a.stderr) };
      },
      restore: (dest) => this.#restore(key, a, dest),
    };
  }

  async #restore(key: JobKey, a: IndexedArtifact, dest: string): Promise<Result<void, RestoreFailure>> {
    const pack = await this.#pack(a.pack);
    if (!pack) return err({ reason: 'cache-unavailable', message: `pack ${a.pack} could not be downloaded` });
    const temp = `${dest}.restore-${randomBytes(4).toString('hex')}`;
    try {
      const manifest = JSON.parse(readFileSync(join(pack, key, 'manifest.json'), 'utf8')) as Manifest;
      if (manifest.key !== key) throw new Error('manifest names another key');
      await copyTree(join(pack, key, 'out'), temp, { link: false });
      const verified = await verifyTree(temp, manifest);
      const logs = await this.#hit(key, a).logs();
      if (
        !verified.ok ||
        sha256(logs.stdout) !== manifest.stdoutSha256 ||
        sha256(logs.stderr) !== manifest.stderrSha256
      ) {
        throw new Error(verified.ok ? 'logs do not match the manifest' : verified.error);
      }
      rmSync(dest, { recursive: true, force: true });
      renameSync(temp, dest);
      return ok(undefined);
    } catch (e) {
      rmSync(temp, { recursive: true, force: true });
      const message = `cached artifact ${key} failed verification (${(e as Error).message}); it will be rebuilt`;
      this.#o.onWarning(message);
      return err({ reason: 'corrupt', message });
    }
  }

  /** Downloads and unpacks a pack once per run; concurrent restores share the download. */
  #pack(packKey: string): Promise<string | undefined> {
    let p = this.#packs.get(packKey);
    if (!p) {
      p = this.#serial(async () => {
        const transfer = join(this.#o.workspace, PACK_DIR);
        rmSync(transfer, { recursive: true, force: true });
        const matched = await this.#call(() => this.#o.store.restore(PACK_DIR, packKey, []), true);
        if (matched !== packKey || !existsSync(transfer)) {
          rmSync(transfer, { recursive: true, force: true });
          return undefined;
        }
        const dir = join(this.#o.workDir, 'packs', randomBytes(6).toString('hex'));
        mkdirSync(join(this.#o.workDir, 'packs'), { recursive: true });
        renameSync(transfer, dir);
        return dir;
      });
      this.#packs.set(packKey, p);
    }
    return p;
  }

  async save(key: JobKey, spilled: ArtifactToSave): Promise<SaveOutcome> {
    if (!this.#o.save) return { saved: false, reason: 'disabled' };
    const artifact = await withWholeLogs(spilled);
    if (this.#down) return { saved: false, reason: 'cache-unavailable' };
    const dir = join(this.#o.workDir, 'staging', key);
    if (this.#staged.has(key) || existsSync(dir)) return { saved: false, reason: 'exists' };
    await copyTree(artifact.outputDir, join(dir, 'out'), { link: true });
    const manifest = await buildManifest(
      join(dir, 'out'),
      key,
      artifact.durationMs,
      artifact.stdout,
      artifact.stderr,
    );
    if (!manifest.ok) {
      rmSync(dir, { recursive: true, force: true });
      return { saved: false, reason: 'unsafe-output', message: manifest.error };
    }
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest.value));
    const entry: IndexedArtifact & { dir: string; bytes: number } = {
      pack: '',
      durationMs: artifact.durationMs,
      dir,
      bytes: 0,
    };
    for (const [name, log] of [
      ['stdout', artifact.stdout],
      ['stderr', artifact.stderr],
    ] as const) {
      if (log.length <= INLINE_LOG_LIMIT) entry[name] = log.toString('base64');
      else writeFileSync(join(dir, name), log);
    }
    entry.bytes = manifest.value.entries.reduce((s, e) => s + e.size, 0) + 1024;
    this.#staged.set(key, entry);
    return { saved: true };
  }

  /** Writes the staged artifacts as packs and a new index: at most a few entries per run. */
  async close(): Promise<void> {
    if (!this.#o.save || this.#down || this.#staged.size === 0) return;
    const index = structuredClone(await this.#loadIndex());
    const merged = await this.#compactInto(index);
    const groups = splitBySize([...this.#staged, ...merged], MAX_PACK_BYTES);
    for (const [i, group] of groups.entries()) {
      const packKey = `${this.#o.keyPrefix}-pack-${this.#o.runStamp}-${i}`;
      const transfer = join(this.#o.workspace, PACK_DIR);
      rmSync(transfer, { recursive: true, force: true });
      mkdirSync(transfer, { recursive: true });
      for (const [key, a] of group) renameSync(a.dir, join(transfer, key));
      const saved = await this.#serial(() => this.#saveWithBackOff(PACK_DIR, packKey));
      rmSync(transfer, { recursive: true, force: true });
      if (!saved) {
        // Without its pack, an index entry would point at nothing: write no index.
        this.#o.onWarning(
          `the cache service did not store ${group.length} new artifacts; the next run rebuilds them`,
        );
        return;
      }
      index.packs[packKey] = { bytes: group.reduce((s, [, a]) => s + a.bytes, 0), count: group.length };
      for (const [key, a] of group) {
        index.artifacts[key] = {
          pack: packKey,
          durationMs: a.durationMs,
          ...(a.stdout === undefined ? {} : { stdout: a.stdout }),
          ...(a.stderr === undefined ? {} : { stderr: a.stderr }),
        };
      }
    }
    const live = new Set(Object.values(index.artifacts).map((a) => a.pack));
    for (const p of Object.keys(index.packs)) if (!live.has(p)) delete index.packs[p];
    const dir = join(this.#o.workspace, INDEX_DIR);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
    const indexKey = `${this.#o.keyPrefix}-index-${this.#o.runStamp}`;
    if (!(await this.#serial(() => this.#saveWithBackOff(INDEX_DIR, indexKey)))) {
      this.#o.onWarning(
        'the cache service did not store the new index; the next run rebuilds what this run built',
      );
    }
    rmSync(dir, { recursive: true, force: true });
  }

  /** When the index points at too many packs, the artifacts of the smallest ones move into this run's pack. */
  async #compactInto(
    index: PackIndex,
  ): Promise<[JobKey, IndexedArtifact & { dir: string; bytes: number }][]> {
    const packs = Object.entries(index.packs).sort((a, b) => a[1].bytes - b[1].bytes);
    if (packs.length < MAX_PACKS) return [];
    const out: [JobKey, IndexedArtifact & { dir: string; bytes: number }][] = [];
    for (const [packKey, info] of packs.slice(0, packs.length - MAX_PACKS / 2)) {
      const pack = await this.#pack(packKey);
      if (!pack) return out;
      for (const [key, a] of Object.entries(index.artifacts)) {
        if (a.pack !== packKey || this.#staged.has(key as JobKey)) continue;
        const dir = join(this.#o.workDir, 'staging', key);
        if (existsSync(dir)) continue;
        await copyTree(join(pack, key), dir, { link: true });
        out.push([key as JobKey, { ...a, dir, bytes: info.bytes / Math.max(1, info.count) }]);
      }
    }
    return out;
  }

  /**
   * A save the service refused is tried again after a pause (1 s, then 3 s): a burst of 429s from the
   * per-minute create limit often clears that fast. The toolkit keeps the Retry-After value to itself, so the
   * pauses are fixed; past them the failure counts towards turning the cache off.
   */
  async #saveWithBackOff(dir: string, key: string): Promise<boolean> {
    for (const pauseMs of [1000, 3000, -1]) {
      const saved = await this.#call(() => this.#o.store.save(dir, key), pauseMs < 0);
      if (saved) return true;
      if (pauseMs < 0 || this.#down) return false;
      await new Promise((r) => setTimeout(r, pauseMs));
    }
    return false;
  }

  /** One transfer at a time: the transfer directories are fixed paths. */
  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#transfer.then(fn, fn);
    this.#transfer = next.catch(() => undefined);
    return next;
  }

  /** Runs a store call under the circuit breaker: after repeated failures the store is off for the run. */
  async #call<T>(fn: () => Promise<T | undefined | false>, missIsFailure: boolean): Promise<T | undefined> {
    if (this.#down) return undefined;
    let value: T | undefined | false;
    try {
      value = await fn();
    } catch (e) {
      this.#o.onWarning(`cache service error: ${(e as Error).message}`);
      value = undefined;
    }
    if (value === undefined || value === false) {
      if (missIsFailure && ++this.#failures >= MAX_FAILURES) {
        this.#down = true;
        this.#o.onWarning('the cache service failed repeatedly; caching is off for the rest of this run');
      }
      return undefined;
    }
    this.#failures = 0;
    return value;
  }
}

function splitBySize<T extends { bytes: number }>(items: [JobKey, T][], max: number): [JobKey, T][][] {
  const groups: [JobKey, T][][] = [[]];
  let size = 0;
  for (const item of items) {
    if (size + item[1].bytes > max && groups[groups.length - 1]!.length > 0) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1]!.push(item);
    size += item[1].bytes;
  }
  return groups;
}
