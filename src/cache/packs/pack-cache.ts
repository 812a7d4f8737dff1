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
import type { EntryStore, SaveResult } from './entry-store.js';
import { dayOf, emptyIndex, type IndexedArtifact, isEmptyIndex, type PackIndex } from './index-file.js';
import { IndexSync, type ReadResult } from './index-sync.js';
import { inlineLog, readInlineLog } from './inline-logs.js';
import { KeyRecordEntries } from './key-records.js';
import type { Found, JobExchange } from '../../scale/job-exchange.js';

/** Fixed transfer directory (relative to the workspace): the store derives an entry's version from it. */
const PACK_DIR = '.disbuild-cache/pack';
const MAX_PACK_BYTES = 512 * 1024 * 1024;
/** Suffix of the marker a shard saves for a job it will not publish. */
const WITHDRAWN = '-withdrawn';
/** An index pointing at more packs than this gets its smallest packs merged into the run's new pack. */
const MAX_PACKS = 16;
/** Consecutive failures after which the store is considered down for the rest of the run. */
const MAX_FAILURES = 3;
/** A hit older than this is recorded again (the index is rewritten at most about once a week for it). */
const HIT_REFRESH_DAYS = 7;

export interface PackCacheOptions {
  store: EntryStore;
  keyPrefix: string;
  /** `ref`: where this run saves; `readRefs`: refs whose indexes it also reads (base branch, default branch). */
  scope: { ref: string; readRefs: readonly string[] };
  /** Names this run's entries, unique per run attempt: `<run id>-<attempt>[-<i>of<n>]`. */
  runPart: string;
  save: boolean;
  /** Private scratch directory: downloads, unpacked packs, staging. */
  workDir: string;
  /** The workspace the transfer directories are relative to (the store's working directory). */
  workspace: string;
  onWarning(message: string): void;
  now?: () => number;
  verifyDelayMs?: number;
  /** The pauses before a refused save's second and third tries; default 1 s and 3 s (see `#saveWithBackOff`). */
  saveRetryPausesMs?: readonly [number, number];
}

type Staged = IndexedArtifact & { dir: string; bytes: number };
type PackState = { kind: 'ok'; dir: string } | { kind: 'gone' } | { kind: 'failed' };

/**
 * A cache over a store that wants few, large, immutable entries (the GitHub Actions cache, ~200 creates per
 * minute): a run writes its new artifacts as one or a few packs plus one index entry, and a later run reads
 * the newest indexes once (index-sync.ts), answers every lookup from them, and downloads only the packs whose
 * bytes it needs. A pack the service no longer has (evicted) is recorded dead and its artifacts rebuilt; that
 * is not a service failure. Restores unpack into private directories and verify every file.
 */
export class PackCache implements Cache {
  readonly #o: PackCacheOptions;
  readonly #sync: IndexSync;
  readonly #now: () => number;
  readonly #stamp: string;
  #loaded: Promise<ReadResult> | undefined;
  readonly #packs = new Map<string, Promise<PackState>>();
  readonly #packDirs = new Map<string, string>();
  readonly #staged = new Map<JobKey, Staged>();
  /** What this run adds to the index besides its new packs: dead packs, refreshed hits, durations. */
  readonly #delta: PackIndex = emptyIndex();
  #failures = 0;
  #down = false;
  /** The job exchange's own failures in a row (publications, withdrawals), and whether it gave up. */
  #exchangeFailures = 0;
  #exchangeOff = false;
  #denied = false;
  #warnedBad = false;
  #transfer: Promise<unknown> = Promise.resolve();
  /** Key records of the jobs this run built, by job name, saved in one entry by `close`. */
  readonly #records = new Map<string, unknown>();
  readonly #recordEntries: KeyRecordEntries;

  constructor(options: PackCacheOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
    this.#stamp = `${this.#now()}-${randomBytes(3).toString('hex')}`;
    this.#sync = new IndexSync({
      ...options,
      now: this.#now,
      stamp: this.#stamp,
      workDir: join(options.workDir, 'fetch'),
    });
    this.#recordEntries = new KeyRecordEntries(options.store, join(options.workDir, 'records'));
  }

  async lookup(keys: readonly JobKey[]): Promise<Map<JobKey, CacheHit>> {
    const loaded = await this.#load();
    const hits = new Map<JobKey, CacheHit>();
    if (!loaded.ok) return hits;
    const today = dayOf(this.#now());
    for (const key of keys) {
      const a = loaded.index.artifacts.get(key);
      if (!a || this.#delta.dead.has(a.pack)) continue;
      hits.set(key, this.#hit(key, a));
      if (a.lastHit < today - HIT_REFRESH_DAYS) this.#delta.artifacts.set(key, { ...a, lastHit: today });
    }
    return hits;
  }

  /** Last recorded duration per job name, from the indexes this run read (for planners). */
  async recordedDurations(): Promise<Map<string, number>> {
    const loaded = await this.#load();
    return new Map(loaded.ok ? [...loaded.index.durations].map(([n, d]) => [n, d.ms]) : []);
  }

  /** Keeps the key record of a job this run built, for later runs' explanations (saved by `close`). */
  stageKeyRecord(name: string, record: unknown): void {
    this.#records.set(name, record);
  }

  /**
   * The last key record stored for each of `names`, from the indexes this run read (before its own were
   * published): each entry of records they point at is downloaded once. Names with none are left out.
   */
  async keyRecords(names: readonly string[]): Promise<Map<string, unknown>> {
    const loaded = await this.#load();
    const out = new Map<string, unknown>();
    if (!loaded.ok || this.#down) return out;
    for (const name of names) {
      const rec = loaded.index.durations.get(name)?.rec;
      if (rec === undefined) continue;
      const records = await this.#recordEntries.read(rec);
      if (Object.hasOwn(records, name)) out.set(name, records[name]);
    }
    return out;
  }

  #load(): Promise<ReadResult> {
    this.#loaded ??= this.#sync.read().then((r) => {
      if (!r.ok)
        this.#o.onWarning(`the cache index could not be read (${r.message}); building without the cache`);
      return r;
    });
    return this.#loaded;
  }

  #hit(key: JobKey, a: IndexedArtifact): CacheHit {
    return {
      key,
      durationMs: a.durationMs,
      logs: () => Promise.resolve(this.#logs(key, a)),
      restore: (dest) => this.#restore(key, a, dest),
    };
  }

  /** From the pack when it is here anyway, else what the index holds: logs never cause a download. */
  #logs(key: JobKey, a: IndexedArtifact): { stdout: Buffer; stderr: Buffer } {
    const pack = this.#packDirs.get(a.pack);
    const read = (name: 'stdout' | 'stderr'): Buffer => {
      if (pack)
        return existsSync(join(pack, key, name)) ? readFileSync(join(pack, key, name)) : Buffer.alloc(0);
      return readInlineLog(a[name]);
    };
    return { stdout: read('stdout'), stderr: read('stderr') };
  }

  async #restore(key: JobKey, a: IndexedArtifact, dest: string): Promise<Result<void, RestoreFailure>> {
    const pack = await this.#pack(a.pack);
    if (pack.kind === 'gone')
      return err({ reason: 'missing', message: `its cache pack is gone from the cache service (evicted)` });
    if (pack.kind === 'failed')
      return err({ reason: 'cache-unavailable', message: `pack ${a.pack} could not be downloaded` });
    const temp = `${dest}.restore-${randomBytes(4).toString('hex')}`;
    try {
      const manifest = JSON.parse(readFileSync(join(pack.dir, key, 'manifest.json'), 'utf8')) as Manifest;
      if (manifest.key !== key) throw new Error('manifest names another key');
      await copyTree(join(pack.dir, key, 'out'), temp, { link: false });
      const verified = await verifyTree(temp, manifest);
      const logs = this.#logs(key, a);
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

  /** Downloads and unpacks a pack once per run, into a private directory; concurrent restores share it. */
  #pack(packKey: string): Promise<PackState> {
    let p = this.#packs.get(packKey);
    if (!p) {
      p = this.#fetchPack(packKey);
      this.#packs.set(packKey, p);
    }
    return p;
  }

  async #fetchPack(packKey: string): Promise<PackState> {
    if (this.#down) return { kind: 'failed' };
    const dir = join(this.#o.workDir, 'packs', randomBytes(6).toString('hex'));
    mkdirSync(join(this.#o.workDir, 'packs'), { recursive: true, mode: 0o700 });
    const r = await this.#o.store.fetch(PACK_DIR, packKey, dir).catch((e: unknown) => ({
      kind: 'failed' as const,
      message: (e as Error).message,
    }));
    if (r.kind === 'hit' && r.key === packKey) {
      this.#failures = 0;
      this.#packDirs.set(packKey, dir);
      return { kind: 'ok', dir };
    }
    rmSync(dir, { recursive: true, force: true });
    if (r.kind === 'failed') {
      this.#failure(r.message);
      return { kind: 'failed' };
    }
    if (r.kind === 'bad' && !this.#warnedBad) {
      this.#warnedBad = true;
      this.#o.onWarning(`the cache pack ${packKey} was refused (${r.message}); its artifacts are rebuilt`);
    }
    // A clean miss (or a prefix match of another pack): the pack is gone, and so are its artifacts.
    this.#delta.dead.set(packKey, dayOf(this.#now()));
    return { kind: 'gone' };
  }

  async save(key: JobKey, spilled: ArtifactToSave): Promise<SaveOutcome> {
    if (!this.#o.save || this.#denied) return { saved: false, reason: 'disabled' };
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
    if (artifact.stdout.length > 0) writeFileSync(join(dir, 'stdout'), artifact.stdout);
    if (artifact.stderr.length > 0) writeFileSync(join(dir, 'stderr'), artifact.stderr);
    const stdout = inlineLog(artifact.stdout);
    const stderr = inlineLog(artifact.stderr);
    this.#staged.set(key, {
      pack: '',
      durationMs: artifact.durationMs,
      savedAt: 0,
      lastHit: 0,
      ...(stdout ? { stdout } : {}),
      ...(stderr ? { stderr } : {}),
      dir,
      bytes: manifest.value.entries.reduce((s, e) => s + e.size, 0) + 1024,
    });
    if (artifact.jobName !== undefined)
      this.#delta.durations.set(artifact.jobName, { ms: artifact.durationMs, at: this.#now() });
    return { saved: true };
  }

  /**
   * The shards of one run (`run`: its id and attempt) handing single jobs to each other while they run: a job is
   * published as a pack of its own under a key every shard of the run can compute, and a job its owner will not
   * publish gets a marker under that key plus a suffix, so one look-up answers both. The end-of-run packs and
   * index are unchanged: they still hold the job for later runs.
   */
  exchange(run: string): JobExchange {
    const entry = (key: JobKey): string => `${this.#o.keyPrefix}-job-${run}-${key}`;
    return {
      publish: (key) => this.#publishJob(key, entry(key)),
      withdraw: async (key) => {
        if (!this.#o.save || this.#down || this.#denied || this.#exchangeOff) return;
        await this.#serial(async () => {
          const transfer = join(this.#o.workspace, PACK_DIR);
          rmSync(transfer, { recursive: true, force: true });
          mkdirSync(transfer, { recursive: true });
          writeFileSync(join(transfer, 'withdrawn'), '');
          try {
            this.#exchanged(
              await this.#o.store.save(PACK_DIR, `${entry(key)}${WITHDRAWN}`).catch(() => 'failed'),
            );
          } finally {
            rmSync(transfer, { recursive: true, force: true });
          }
        });
      },
      find: (key) => this.#findJob(key, entry(key)),
    };
  }

  async #publishJob(key: JobKey, entryKey: string): Promise<boolean> {
    const staged = this.#staged.get(key);
    if (!staged || !this.#o.save || this.#down || this.#denied || this.#exchangeOff) return false;
    return this.#serial(async () => {
      const transfer = join(this.#o.workspace, PACK_DIR);
      rmSync(transfer, { recursive: true, force: true });
      mkdirSync(transfer, { recursive: true });
      try {
        await copyTree(staged.dir, join(transfer, key), { link: true });
        // One try: a refusal here is most often the per-minute create limit, which a pause of seconds does not
        // clear, and waiters have their bound.
        return this.#exchanged(await this.#o.store.save(PACK_DIR, entryKey).catch(() => 'failed' as const));
      } finally {
        rmSync(transfer, { recursive: true, force: true });
      }
    });
  }

  /**
   * Counts the exchange's saves apart from the run's own: hundreds of single-job saves meet the service's
   * create limit long before a run's few packs do, and that must not turn the cache off for the packs and the
   * index, which later runs read. Past a few failures in a row the exchange stops (waiters build after their
   * bound), so the limit is not pressed harder for every job.
   */
  #exchanged(saved: SaveResult): boolean {
    if (saved === 'denied') this.#denied = true;
    if (saved !== 'failed') {
      this.#exchangeFailures = 0;
      return saved === 'saved';
    }
    if (++this.#exchangeFailures >= MAX_FAILURES && !this.#exchangeOff) {
      this.#exchangeOff = true;
      this.#o.onWarning(
        `the cache service refused ${MAX_FAILURES} publications to other shards in a row; this shard publishes no more jobs during the run (the shards that wait for them build them after their bound)`,
      );
    }
    return false;
  }

  async #findJob(key: JobKey, entryKey: string): Promise<Found> {
    // Nothing found now could be restored: waiting for it is time lost.
    if (this.#down) return { kind: 'refused', why: 'the cache service is off for this shard' };
    const dir = join(this.#o.workDir, 'packs', randomBytes(6).toString('hex'));
    mkdirSync(join(this.#o.workDir, 'packs'), { recursive: true, mode: 0o700 });
    const r = await this.#o.store.fetch(PACK_DIR, entryKey, dir).catch(() => ({ kind: 'failed' as const }));
    if (r.kind === 'hit' && r.key === entryKey) {
      try {
        const manifest = JSON.parse(readFileSync(join(dir, key, 'manifest.json'), 'utf8')) as Manifest;
        if (manifest.key !== key) throw new Error('its manifest names another key');
        this.#packDirs.set(entryKey, dir);
        this.#packs.set(entryKey, Promise.resolve({ kind: 'ok', dir }));
        const a: IndexedArtifact = {
          pack: entryKey,
          durationMs: manifest.durationMs,
          savedAt: 0,
          lastHit: 0,
        };
        return { kind: 'published', hit: this.#hit(key, a) };
      } catch (e) {
        // The entry is there for good (entries are immutable): looking again would download the same bytes.
        rmSync(dir, { recursive: true, force: true });
        return { kind: 'refused', why: `its manifest cannot be read (${(e as Error).message})` };
      }
    }
    rmSync(dir, { recursive: true, force: true });
    if (r.kind === 'bad' && r.key === entryKey)
      return { kind: 'refused', why: `its archive was refused (${r.message})` };
    return r.kind === 'hit' && r.key === `${entryKey}${WITHDRAWN}`
      ? { kind: 'withdrawn' }
      : { kind: 'absent' };
  }

  /**
   * Publishes one index holding everything readable now: the indexes that the shards of a run wrote side by
   * side, merged, so that the next run reads one entry instead of one per shard. False when nothing was published.
   */
  async consolidate(): Promise<boolean> {
    if (!this.#o.save || this.#down || this.#denied) return false;
    const loaded = await this.#load();
    if (!loaded.ok) return false;
    return this.#serial(() => this.#sync.publish(loaded.index, emptyIndex()));
  }

  /** Writes the staged artifacts as packs, then publishes an index holding them and what else this run learnt. */
  async close(): Promise<void> {
    if (!this.#o.save || this.#down || this.#denied) return;
    const loaded = await this.#load();
    const base = loaded.ok ? loaded.index : emptyIndex();
    // One save at a time like the packs: the service client reports a refused save on the process's stdout, and
    // two saves watching it at once would let one's refusal through as a warning.
    const records = this.#serial(() => this.#saveKeyRecords()).catch(() => undefined);
    if (this.#staged.size > 0) {
      const moved = await this.#compactInto(base);
      for (const [i, group] of splitBySize([...this.#staged, ...moved], MAX_PACK_BYTES).entries()) {
        const packKey = `${this.#o.keyPrefix}-pack-${this.#o.runPart}-${this.#stamp}-${i}`;
        const saved = await this.#savePack(packKey, group);
        if (saved === 'denied' || this.#down) return;
        if (saved === 'failed') {
          this.#o.onWarning(
            `the cache service did not store ${group.length} new artifacts; the next run rebuilds them`,
          );
          continue;
        }
        this.#delta.packs.set(packKey, { bytes: group.reduce((s, [, a]) => s + a.bytes, 0) });
        for (const [key, { dir: _dir, bytes: _bytes, ...a }] of group) {
          this.#delta.artifacts.set(key, {
            ...a,
            pack: packKey,
            savedAt: this.#now(),
            lastHit: dayOf(this.#now()),
          });
        }
      }
    }
    await records;
    if (isEmptyIndex(this.#delta)) return;
    await this.#serial(() => this.#sync.publish(base, this.#delta));
  }

  /** One entry for the key records of the jobs whose artifacts this run saved; the index points names at it. */
  async #saveKeyRecords(): Promise<void> {
    const records = new Map([...this.#records].filter(([name]) => this.#delta.durations.has(name)));
    if (records.size === 0 || this.#down || this.#denied) return;
    const key = `${this.#o.keyPrefix}-records-${this.#o.runPart}-${this.#stamp}`;
    const saved = await KeyRecordEntries.save(this.#o.workspace, records, (dir) =>
      this.#saveWithBackOff(dir, key),
    );
    if (saved !== 'saved') return;
    for (const name of records.keys()) {
      const d = this.#delta.durations.get(name)!;
      this.#delta.durations.set(name, { ...d, rec: key });
    }
  }

  async #savePack(packKey: string, group: [JobKey, Staged][]): Promise<SaveResult> {
    return this.#serial(async () => {
      const transfer = join(this.#o.workspace, PACK_DIR);
      rmSync(transfer, { recursive: true, force: true });
      mkdirSync(transfer, { recursive: true });
      for (const [key, a] of group) renameSync(a.dir, join(transfer, key));
      try {
        return await this.#saveWithBackOff(PACK_DIR, packKey);
      } finally {
        rmSync(transfer, { recursive: true, force: true });
      }
    });
  }

  /** When the index points at too many packs, the artifacts of the smallest ones move into this run's pack. */
  async #compactInto(index: PackIndex): Promise<[JobKey, Staged][]> {
    const packs = [...index.packs].sort((a, b) => a[1].bytes - b[1].bytes);
    if (packs.length < MAX_PACKS) return [];
    const out: [JobKey, Staged][] = [];
    for (const [packKey] of packs.slice(0, packs.length - MAX_PACKS / 2)) {
      const pack = await this.#pack(packKey);
      // Dead packs are skipped (their artifacts leave the index); an unreachable service ends compaction.
      if (pack.kind === 'failed') return out;
      if (pack.kind === 'gone') continue;
      for (const [key, a] of index.artifacts) {
        if (a.pack !== packKey || this.#staged.has(key as JobKey)) continue;
        const dir = join(this.#o.workDir, 'staging', key);
        if (existsSync(dir) || !existsSync(join(pack.dir, key))) continue;
        await copyTree(join(pack.dir, key), dir, { link: true });
        const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
        out.push([key as JobKey, { ...a, dir, bytes: m.entries.reduce((s, e) => s + e.size, 0) + 1024 }]);
      }
    }
    return out;
  }

  /**
   * A save the service refused is tried again after a pause (1 s, then 3 s): a burst of 429s from the
   * per-minute create limit often clears that fast. The toolkit keeps the Retry-After value to itself, so the
   * pauses are fixed; past them the failure counts towards turning the cache off.
   */
  async #saveWithBackOff(dir: string, key: string): Promise<SaveResult> {
    for (const pauseMs of [...(this.#o.saveRetryPausesMs ?? [1000, 3000]), -1]) {
      const saved = await this.#o.store.save(dir, key).catch(() => 'failed' as const);
      if (saved === 'denied') this.#denied = true;
      if (saved !== 'failed') {
        if (saved === 'saved') this.#failures = 0;
        return saved;
      }
      // A store that stopped answering fails every try at once: no pause gives it back.
      if (pauseMs < 0 || this.#o.store.stopped?.()) break;
      await new Promise((r) => setTimeout(r, pauseMs));
    }
    this.#failure('a save failed three times');
    return 'failed';
  }

  #failure(message: string): void {
    if (++this.#failures >= MAX_FAILURES && !this.#down) {
      this.#down = true;
      this.#o.onWarning(
        `the cache service failed repeatedly (${message}); caching is off for the rest of this run`,
      );
    }
  }

  /** One save at a time: the transfer directories are fixed paths in the workspace. */
  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#transfer.then(fn, fn);
    this.#transfer = next.catch(() => undefined);
    return next;
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
  return groups.filter((g) => g.length > 0);
}
