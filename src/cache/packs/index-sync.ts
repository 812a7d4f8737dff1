import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryStore } from './entry-store.js';
import {
  dayOf,
  emptyIndex,
  holdsAdditions,
  mergeIndexes,
  type PackIndex,
  parseIndex,
  pruneIndex,
  serializeIndex,
} from './index-file.js';
import { envMs } from '../../util/env-ms.js';

/** Fixed transfer directory (relative to the workspace): the store derives an entry's version from it. */
export const INDEX_DIR = '.disbuild-cache/index';
/** Publishing tries this many times to leave an index that holds this run's additions as the newest. */
const MAX_PUBLISH_ATTEMPTS = 4;
/** With listing: how many of a ref's newest index entries are checked, and at most how many fetched besides. */
const LIST_COUNT = 30;
const MAX_SHADOWED = 10;

export interface IndexSyncOptions {
  store: EntryStore;
  keyPrefix: string;
  /** `ref`: where this run saves; `readRefs`: refs whose newest index it also reads (base, default branch). */
  scope: { ref: string; readRefs: readonly string[] };
  /** Names this run's index entries, unique per run attempt: `<run id>-<attempt>[-<i>of<n>]`. */
  runPart: string;
  /** Unique per PackCache (time and random): matrix legs share a run id and attempt. */
  stamp: string;
  workDir: string;
  workspace: string;
  onWarning(message: string): void;
  now(): number;
  /** How long a run waits after publishing before it checks the newest index (see `publish`). */
  verifyDelayMs?: number;
}

/**
 * Sets `verifyDelayMs` (milliseconds, a non-negative integer) where the Action makes its cache: for callers whose
 * runs never publish at the same time. Unset, the pause follows the publish's duration (see `publish`).
 */
export const ENV_VERIFY_DELAY_MS = 'DISBUILD_GHA_INDEX_CHECK_DELAY_MS';

export function verifyDelayFromEnv(env: NodeJS.ProcessEnv): { verifyDelayMs?: number } {
  const ms = envMs(env, ENV_VERIFY_DELAY_MS);
  return ms === undefined ? {} : { verifyDelayMs: ms };
}

/**
 * Sets both of `saveRetryPausesMs` (milliseconds, a non-negative integer) where the Action makes its cache: for
 * callers whose refusals are injected and counted. Unset, a refused save is tried again after 1 s and 3 s.
 */
export const ENV_SAVE_RETRY_PAUSE_MS = 'DISBUILD_GHA_SAVE_RETRY_PAUSE_MS';

export function saveRetryPausesFromEnv(env: NodeJS.ProcessEnv): { saveRetryPausesMs?: [number, number] } {
  const ms = envMs(env, ENV_SAVE_RETRY_PAUSE_MS);
  return ms === undefined ? {} : { saveRetryPausesMs: [ms, ms] };
}

export type ReadResult = { ok: true; index: PackIndex } | { ok: false; message: string };

/**
 * Reads and publishes indexes so that no saved artifact is lost to later lookups, though the service has no
 * compare-and-swap and its lookup answers only the newest entry for a prefix.
 *
 * Index keys name the ref they were saved from (`<prefix>-index2-<ref tag>-<run>-<stamp>-<attempt>`), so one
 * lookup per ref finds that ref's newest index even where the service would answer the run's own scope first:
 * a pull request reads its own newest index and its base branch's, and merges them. When the newest is a
 * shard's (`…-<i>of<n>-…`), the sibling shards' newest indexes are merged too, unless it already holds them.
 *
 * Publishing: re-read the newest indexes, merge this run's additions, save, then (twice, after pauses three
 * times as long as the publish took) check that the newest index holds the additions; if not, merge again and save again, a
 * bounded number of times. With a store that can list (`actions: read`), readers also merge the recent index
 * entries the newest does not hold, which makes reads exact whatever the timing.
 */
export class IndexSync {
  readonly #o: IndexSyncOptions;
  #warned = new Set<string>();
  /** Whether the store listed entries for this run (a token with `actions: read`). */
  #listing = false;

  constructor(o: IndexSyncOptions) {
    this.#o = o;
  }

  /** The key prefix of one ref's indexes. */
  prefixOf(ref: string): string {
    return `${this.#o.keyPrefix}-index2-${refTag(ref)}-`;
  }

  /** Merges the newest index of every readable ref; fails only when the run's own ref cannot be read. */
  async read(): Promise<ReadResult> {
    let merged = emptyIndex();
    for (const [i, ref] of [this.#o.scope.ref, ...this.#o.scope.readRefs].entries()) {
      const r = await this.#fetch(this.prefixOf(ref));
      if (r.kind === 'failed') {
        if (i === 0) return { ok: false, message: r.message };
        continue;
      }
      const newest =
        r.kind === 'hit' ? mergeIndexes(r.index, await this.#siblings(ref, r.key, r.index)) : undefined;
      merged = mergeIndexes(merged, ...(newest ? [newest] : []), await this.#shadowed(ref, newest));
    }
    return { ok: true, index: merged };
  }

  /**
   * With a store that can list (a token with `actions: read`), the recent index entries of `ref` that the
   * newest one does not already hold: what concurrent writers published side by side. This makes reads exact.
   */
  async #shadowed(ref: string, newest: PackIndex | undefined): Promise<PackIndex> {
    const keys = await this.#o.store.list?.(this.prefixOf(ref), ref, LIST_COUNT);
    if (keys) this.#listing = true;
    let merged = emptyIndex();
    const held = new Set(newest?.sources ?? []);
    for (const key of (keys ?? []).filter((k) => !held.has(k)).slice(0, MAX_SHADOWED)) {
      if (held.has(key)) continue;
      const r = await this.#fetch(key);
      if (r.kind !== 'hit') continue;
      merged = mergeIndexes(merged, r.index);
      for (const s of r.index.sources) held.add(s);
    }
    return merged;
  }

  /** The newest indexes of the other shards of the run that wrote `key`, unless `index` already holds them. */
  async #siblings(ref: string, key: string, index: PackIndex): Promise<PackIndex> {
    const m = /^(.*)-(\d+)of(\d+)-\d+-[0-9a-f]+-\d+$/.exec(key.slice(this.prefixOf(ref).length));
    if (!m) return emptyIndex();
    let merged = emptyIndex();
    const count = Number(m[3]);
    for (let j = 1; j <= Math.min(count, 64); j++) {
      const prefix = `${this.prefixOf(ref)}${m[1]}-${j}of${count}-`;
      if (j === Number(m[2]) || index.sources.some((s) => s.startsWith(prefix))) continue;
      const r = await this.#fetch(prefix);
      if (r.kind === 'hit') merged = mergeIndexes(merged, r.index);
    }
    return merged;
  }

  /**
   * Publishes `mergeIndexes(newest, base, additions)`; answers whether the newest index now holds the
   * additions. Never publishes when the newest index cannot be read: that could drop what it holds.
   */
  async publish(base: PackIndex, additions: PackIndex): Promise<boolean> {
    const published: string[] = [];
    for (let attempt = 1; attempt <= MAX_PUBLISH_ATTEMPTS; attempt++) {
      const started = Date.now();
      const heads = await this.read();
      if (!heads.ok) {
        this.#o.onWarning(
          `the cache index could not be read before saving (${heads.message}); the new index was not saved, so this run's artifacts are not reused`,
        );
        return false;
      }
      const index = pruneIndex(mergeIndexes(heads.index, base, additions), dayOf(this.#o.now()));
      // A listing reader need not fetch this run's earlier attempts: this index holds them.
      index.sources.push(...published.filter((k) => !index.sources.includes(k)));
      const key = `${this.prefixOf(this.#o.scope.ref)}${this.#o.runPart}-${this.#o.stamp}-${attempt}`;
      const dir = join(this.#o.workspace, INDEX_DIR);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index.json'), serializeIndex(index));
      const saved = await this.#o.store.save(INDEX_DIR, key);
      rmSync(dir, { recursive: true, force: true });
      published.push(key);
      if (saved === 'denied') return false;
      if (saved === 'failed') {
        this.#o.onWarning(
          'the cache service did not store the new index; the next run rebuilds what this run built',
        );
        return false;
      }
      // Checked twice, after pauses three times as long as this publish took (read, merge, save): a writer that
      // read before this save and takes up to about six times as long to publish is seen, and this run merges
      // and publishes again. Readers that can list find such shadowed indexes themselves: with listing, one check at once.
      const elapsed = Date.now() - started;
      const pause =
        this.#o.verifyDelayMs ?? (this.#listing ? 0 : Math.min(10_000, Math.max(500, 3 * elapsed)));
      if (await this.#stillHeld(key, additions, pause)) return true;
    }
    this.#o.onWarning(
      'other runs kept publishing cache indexes over this one; some of its artifacts may be rebuilt by later runs',
    );
    return false;
  }

  /** Whether the newest index (after a pause, twice) is `key` or holds `additions`. */
  async #stillHeld(key: string, additions: PackIndex, pause: number): Promise<boolean> {
    for (let check = 0; check < (this.#listing ? 1 : 2); check++) {
      if (pause > 0) await new Promise((r) => setTimeout(r, pause * (0.75 + Math.random() / 2)));
      const prefix = this.prefixOf(this.#o.scope.ref);
      const found = await this.#o.store.fetch(INDEX_DIR, prefix, join(this.#o.workDir, 'unused'), {
        lookupOnly: true,
      });
      // Unreadable now: the save succeeded, and the next writer merges it.
      if (found.kind !== 'hit' || found.key === key) continue;
      const newest = await this.#fetch(prefix);
      if (newest.kind === 'hit' && !holdsAdditions(newest.index, additions)) return false;
    }
    return true;
  }

  /** The newest index entry whose key starts with `prefix`, read and checked. */
  async #fetch(
    prefix: string,
  ): Promise<
    { kind: 'hit'; key: string; index: PackIndex } | { kind: 'miss' } | { kind: 'failed'; message: string }
  > {
    const into = join(this.#o.workDir, `index-${randomBytes(6).toString('hex')}`);
    try {
      const r = await this.#o.store.fetch(INDEX_DIR, prefix, into);
      if (r.kind === 'failed' || r.kind === 'miss') return r;
      const file = join(into, 'index.json');
      const index = r.kind === 'hit' && existsSync(file) ? parseIndex(readFileSync(file, 'utf8')) : undefined;
      if (!index) {
        const why = r.kind === 'bad' ? r.message : 'not a disbuild index';
        this.#warnOnce(`the cache index ${r.key} was refused and is ignored: ${why}`);
        return { kind: 'miss' };
      }
      if (!index.sources.includes(r.key)) index.sources.push(r.key);
      return { kind: 'hit', key: r.key, index };
    } finally {
      rmSync(into, { recursive: true, force: true });
    }
  }

  #warnOnce(message: string): void {
    if (this.#warned.size > 0) return;
    this.#warned.add(message);
    this.#o.onWarning(message);
  }
}

/** A ref as a key part: readable, and unambiguous as a prefix (the hash has a fixed length). */
export function refTag(ref: string): string {
  const name = ref
    .replace(/^refs\/(heads\/)?/, '')
    .replace(/[^A-Za-z0-9_]/g, '_')
    .slice(-40);
  return `${name}.${createHash('sha1').update(ref).digest('hex').slice(0, 8)}`;
}
