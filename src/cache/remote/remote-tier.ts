import { createReadStream, rmSync } from 'node:fs';
import { type FileHandle, mkdir, open, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { JobKey } from '../../ids/brands.js';
import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';
import { Readable } from 'node:stream';
import type { ArtifactToSave, Manifest } from '../cache.js';
import { ByteBudget } from './byte-budget.js';
import { MemoryPool } from './memory-pool.js';
import { buildManifest, fileSha256, sha256 } from '../manifest.js';
import { readLogForDisplay } from '../log-file.js';
import { IN_MEMORY_ARCHIVE, packArchive, readAll, unpackTree } from './archive.js';
import type { HttpFailure, HttpResponse } from './http-client.js';
import type { ObjectStore } from './object-store.js';
import type { UploadChild } from './upload-child.js';
import {
  INLINE_ARCHIVE_LIMIT,
  INLINE_LOG_LIMIT,
  parseRecord,
  RECORD_HEAD,
  recordId,
  recordLine,
  type RemoteRecord,
  splitRecord,
} from './remote-record.js';

/**
 * Memory of records and archives fetched whole kept for reuse: about what is on its way and waiting to be written
 * at once (32 requests in flight, the restore thread's batch and the archives behind it: a few hundred small ones,
 * or eight of the largest archives fetched whole).
 */
const POOLED_BYTES = 32 * 1024 * 1024;

/**
 * When restores begin as records arrive, archives waiting to be written beyond which the next record waits: a
 * hundred small ones, more than the restore thread takes at once. Lookups ahead of the disk would only hold more
 * memory (memory not touched before, at that: see MemoryPool) and finish no sooner.
 */
const KEPT_AHEAD = 8 * 1024 * 1024;
/** What a record parsed on arrival leaves in the lookup's answers. */
const NOTHING = Buffer.alloc(0);
/** Archives fetched whole at once, each on its own connection (see RemoteTier.fetchArchive). */
const WHOLE_GETS_AT_ONCE = 32;
/** Bytes of those archives at once (see RemoteTier.#wholeBytes). */
const WHOLE_GET_BYTES = 16 * 1024 * 1024;

/**
 * Archive bytes kept of lookups' first ranges, without `prefetchBytes` (see RemoteTier.#keepHeadArchive): a thousand
 * records' worth of the archives that fit in a range.
 */
const HEAD_ARCHIVE_BYTES = 8 * 1024 * 1024;

/** Memory of packed archives kept for reuse: about what the uploads at once hold (a few small archives each). */
const PACKED_BYTES = 16 * 1024 * 1024;

export interface RemoteTierOptions {
  store: ObjectStore;
  /** `read`: look up and restore, never upload. */
  mode: 'read-write' | 'read';
  /** Private scratch space for archives being uploaded. */
  scratchDir: string;
  uploadConcurrency: number;
  /** How long the end of a run waits for uploads still in flight. */
  uploadWaitMs: number;
  idleTimeoutMs: number;
  onWarning(message: string): void;
  /** The most bytes of one log fetched (MAX_LOG_BYTES by default); past it, the log is refused. */
  maxLogBytes?: number;
  /** Called as each queued upload is over, however it ended. */
  onUploadSettled?(): void;
  /**
   * Starts a lower-priority process to upload in (see upload-child.ts), at the first upload; when it answers
   * undefined (no such program beside this bundle), uploads run in this process.
   */
  startUploadChild?(onFailed: (message: string) => void): UploadChild | undefined;
  /**
   * Every hit will be restored (`--download all`): lookups fetch small records whole, archive included, so a
   * restore needs no request of its own. Up to this many archive bytes are kept so; past that, lookups fetch only
   * the records' first bytes, as without it.
   */
  prefetchBytes?: number;
}

/** An archive that came with its record's lookup (see `prefetchBytes`); `done` once it is no longer held. */
export interface PrefetchedArchive {
  /** In memory of its own: it may move to another thread, and come back to `recycle`. */
  bytes: Buffer;
  done(): void;
}

/** Logs up to this size are fetched into memory; bigger ones into a file (see RemoteTier.logs). */
const LOG_IN_MEMORY = 16 * 1024 * 1024;

/**
 * The most bytes of one log a run fetches (RemoteTierOptions.maxLogBytes): a record may name any blob as its log,
 * and one that never ends would otherwise fill the disk.
 */
const MAX_LOG_BYTES = 1024 ** 3;

/**
 * A remote hit's logs, for display (`stdout`, `stderr`: whole, or a big log's two ends) and, for a log fetched into
 * a file, that file: the whole log, which a save of the hit keeps (as a spilled log, see ArtifactToSave).
 */
export interface RemoteLogs {
  stdout: Buffer;
  stderr: Buffer;
  stdoutFile?: string;
  stderrFile?: string;
}

interface FetchedLog {
  digest: string;
  display: Buffer;
  file?: string;
}

/**
 * The remote half of a tiered cache: records and archives on a cache server.
 *
 * Deals with: batched lookups, verified streaming downloads, background uploads with bounded concurrency and
 * a bounded wait at the end, and the circuit breaker — the first failure of any kind (server down, an error
 * status, a stall, a truncated or unverifiable body) turns the remote off for the rest of the run with one
 * warning, and everything after it is a miss or a skipped upload.
 * Does not deal with: the local cache (see tiered-cache.ts) or deciding what to download.
 */
export class RemoteTier {
  readonly #o: RemoteTierOptions;
  #down = false;
  readonly #uploads = new Set<Promise<void>>();
  readonly #queue: (() => Promise<void>)[] = [];
  #active = 0;
  #pending = 0;
  #closing = false;
  /** Set by `interrupt`. */
  #interrupted = false;
  /**
   * Uploads given up by `interrupt` (those under way, and saves that end after it), told once: at `close`, or at
   * once when it comes during `close`. Some may have reached the server: the upload process reports what it
   * finished in batches, and is killed.
   */
  #givenUp: { count: number } | undefined;
  #scratchMade = false;
  #spills = 0;
  /** Each record's logs, fetched once (see logs). */
  readonly #logs = new Map<JobKey, Promise<Result<RemoteLogs, string>>>();
  /** The upload process: undefined until the first upload, null when uploads run in this process. */
  #child: UploadChild | null | undefined;
  readonly #prefetchBudget: ByteBudget | undefined;
  /** Memory for records and archives fetched whole, given back once their archives are written (see `recycle`). */
  readonly #memory = new MemoryPool(IN_MEMORY_ARCHIVE, POOLED_BYTES);
  /** Archives that came with their records, counted in #prefetchBudget until taken and done with. */
  readonly #prefetched = new Map<JobKey, { bytes: Buffer; sha256: string; counted: number }>();
  /** Bytes of those archives (kept and not yet done with), and the lookups waiting for fewer (see KEPT_AHEAD). */
  #keptBytes = 0;
  /** Archives that came whole in the first range of their records' lookups, without a prefetch budget. */
  readonly #headArchives = new Map<JobKey, { archive: Buffer; sha256: string; counted: number }>();
  #headArchiveBytes = 0;
  readonly #waitingForRoom: (() => void)[] = [];
  /**
   * Memory of archives packed for upload, used again once each is sent: a run that uploads a thousand small
   * artifacts would otherwise touch as much new memory as it uploads (a page fault per page, on a busy machine).
   */
  #packMemory: MemoryPool | undefined;
  /**
   * Archive blobs read whole at once (see fetchArchive), each on a connection of its own: as many as undici's pool
   * would have opened for them.
   */
  readonly #wholeGets = new ByteBudget(WHOLE_GETS_AT_ONCE);
  /**
   * And their bytes at once: the server sends the archives side by side, so the first of them arrives whole only
   * once this much has, and nothing is written until then.
   */
  readonly #wholeBytes = new ByteBudget(WHOLE_GET_BYTES);

  constructor(options: RemoteTierOptions) {
    this.#o = options;
    const budget = options.prefetchBytes ?? 0;
    if (budget > 0 && options.store.inlineArchives) {
      this.#prefetchBudget = new ByteBudget(budget);
    }
  }

  get down(): boolean {
    return this.#down;
  }

  /** Turns the remote off once, with one warning naming the server and the cause (secrets redacted). */
  fail(what: string, cause: string): string {
    const message = this.#o.store.redact(
      `remote cache ${this.#o.store.display}: ${what} (${cause}); using the local cache only for the rest of this run`,
    );
    if (this.#down) return message;
    this.#down = true;
    this.#child?.kill();
    this.#o.onWarning(message);
    return message;
  }

  /**
   * The records of `keys` that the server has. `early`: told of each record whose archive came along with it
   * (see `prefetchBytes`) as soon as it arrives, while the others are still on their way, so that its restore can
   * begin (`takePrefetched`); a record told of may still be missing from the answer, should a later one fail the
   * lookups.
   */
  async lookup(
    keys: readonly JobKey[],
    early?: (record: RemoteRecord) => void,
  ): Promise<Map<JobKey, RemoteRecord>> {
    const found = new Map<JobKey, RemoteRecord>();
    if (this.#down || keys.length === 0) return found;
    const ids = new Map(keys.map((k) => [recordId(k), k]));
    // What followed the line of records fetched whole, by id: counted in the prefetch budget until sorted out.
    const tails = new Map<string, Buffer>();
    // Records asked for whole, by id: the budget they hold until they arrive.
    const whole = new Map<string, number>();
    try {
      return await this.#lookup(ids, tails, whole, found, early);
    } finally {
      for (const tail of tails.values()) this.#prefetchBudget?.give(tail.length);
      for (const reserved of whole.values()) this.#prefetchBudget?.give(reserved);
      whole.clear();
    }
  }

  async #lookup(
    ids: Map<string, JobKey>,
    tails: Map<string, Buffer>,
    whole: Map<string, number>,
    found: Map<JobKey, RemoteRecord>,
    early: ((record: RemoteRecord) => void) | undefined,
  ): Promise<Map<JobKey, RemoteRecord>> {
    const store = this.#o.store;
    // Records read as they arrived (see `early`), by id: not parsed twice; and why those that could not be used.
    const parsed = new Map<string, RemoteRecord>();
    const unusable = new Map<string, string>();
    const budget = this.#prefetchBudget;
    // Where records may carry their archive, only their first bytes: the line, rarely more. Unless every hit
    // will be restored: then, while the budget lasts, small records whole (RECORD_HEAD bounds the line).
    // A record is asked for whole only with room for the most it can bring, taken before it is asked for: room
    // judged on arrival would download (and drop) every record once the room left is less than one archive.
    // When restores begin as records arrive (`early`), the room comes back as they are written: the next record
    // waits for it rather than coming by halves (its line now, its archive in a request of its own later), and
    // the memory of the archives written is used again for the next ones instead of memory the system has yet to
    // hand over.
    const wholeRecord = RECORD_HEAD + INLINE_ARCHIVE_LIMIT;
    const head = !store.inlineArchives
      ? undefined
      : !budget
        ? RECORD_HEAD
        : early !== undefined
          ? async (id: string): Promise<number> => {
              while (this.#keptBytes >= KEPT_AHEAD && !this.#down)
                await new Promise<void>((r) => this.#waitingForRoom.push(r));
              await budget.take(wholeRecord);
              whole.set(id, wholeRecord);
              return wholeRecord;
            }
          : (id: string): number => {
              if (!budget.tryTake(wholeRecord)) return RECORD_HEAD;
              whole.set(id, wholeRecord);
              return wholeRecord;
            };
    // A miss brings nothing: its room goes back at once.
    const missed = (id: string): void => {
      const reserved = whole.get(id);
      if (reserved === undefined) return;
      whole.delete(id);
      budget!.give(reserved);
    };
    // What is kept of an answer but its archive: the line, copied; or, when the line did not fit, the first
    // RECORD_HEAD bytes, which say so (the record is asked for again whole, below). A server that ignores the
    // range may send megabytes: none of them outlives the lookup.
    const lineOf = (bytes: Buffer, split: { end: number } | undefined): Buffer =>
      split !== undefined
        ? Buffer.from(bytes.subarray(0, split.end))
        : bytes.length > RECORD_HEAD
          ? Buffer.from(bytes.subarray(0, RECORD_HEAD))
          : bytes;
    const arrived = (id: string, bytes: Buffer): Buffer => {
      const reserved = whole.get(id);
      if (reserved === undefined) return lineOf(bytes, splitRecord(bytes, true));
      whole.delete(id);
      const split = splitRecord(bytes, true);
      const rest = split === undefined ? 0 : bytes.length - split.end;
      // The rest is kept within what was taken for it (a server that ignores the range may send more); the line
      // is copied, so that it alone outlives the lookup when the rest goes.
      const keep = rest > 0 && rest <= reserved;
      budget!.give(keep ? reserved - rest : reserved);
      // Nothing kept past the line: a record whose line did not fit, or one with more than its room, would hold
      // its whole answer outside the budget until every lookup is done.
      if (!keep) return lineOf(bytes, split);
      // The body is in memory of its own (see getMetas): the archive may move on with it.
      tails.set(id, bytes.subarray(split!.end));
      const line = Buffer.from(bytes.subarray(0, split!.end));
      if (early === undefined) return line;
      const record = parseRecord(line, ids.get(id)!);
      // An unusable record is left to the loop below, which fails the lookups.
      if (!record.ok) return line;
      parsed.set(id, record.value);
      if (this.#keepPrefetched(record.value, tails.get(id)!)) early(record.value);
      tails.delete(id);
      return line;
    };
    const metas = await store.getMetas(
      [...ids.keys()],
      head,
      budget ? arrived : undefined,
      budget ? this.#memory : undefined,
      budget ? missed : undefined,
    );
    if (metas.ok && store.inlineArchives) {
      // Lines longer than the first range (records of many files): those records whole.
      const long = [...metas.value].filter(([, b]) => !splitRecord(b, b.length >= RECORD_HEAD));
      if (long.length > 0) {
        // Parsed as they arrive, the lines alone kept: whole records are up to META_LIMIT each.
        const full = await store.getMetas(
          long.map(([id]) => id),
          undefined,
          (id, bytes) => {
            const record = parseRecord(bytes, ids.get(id)!);
            if (record.ok) parsed.set(id, record.value);
            else unusable.set(id, record.error);
            return NOTHING;
          },
        );
        if (!full.ok) {
          this.fail('lookups failed', describe(full.error));
          return found;
        }
        for (const [id] of long) {
          const bytes = full.value.get(id);
          if (bytes === undefined) metas.value.delete(id);
          else metas.value.set(id, bytes);
        }
      }
    }
    if (!metas.ok) {
      this.fail('lookups failed', describe(metas.error));
      return found;
    }
    for (const [id, bytes] of metas.value) {
      const key = ids.get(id)!;
      const known = parsed.get(id);
      const refused = unusable.get(id);
      const record = known ? ok(known) : refused !== undefined ? err(refused) : parseRecord(bytes, key);
      if (!record.ok) {
        this.fail(`the record of ${key} is unusable`, record.error);
        return new Map();
      }
      found.set(key, record.value);
      const tail = tails.get(id);
      if (tail === undefined) {
        if (budget === undefined && store.inlineArchives) this.#keepHeadArchive(record.value, bytes);
        continue;
      }
      tails.delete(id);
      this.#keepPrefetched(record.value, tail);
    }
    return found;
  }

  /**
   * Keeps the archive that came after `record`'s line for its restore (see `takePrefetched`), or gives its room
   * back. Only an archive that came whole, and that a restore will take from memory (else the bytes would sit in
   * the budget until the end, and the archive be fetched again); the restore checks every file of it against the
   * manifest, as any other.
   */
  #keepPrefetched(record: RemoteRecord, tail: Buffer): boolean {
    const a = record.archive;
    // A later lookup of the key answers for it: the record may have been written anew meanwhile.
    const earlier = this.#prefetched.get(record.key);
    if (earlier !== undefined) {
      this.#prefetched.delete(record.key);
      this.#unkeep(earlier.counted);
    }
    if (a.inline && a.size <= tail.length && this.fitsInMemory(record)) {
      // Counted as it came: the bytes past the archive (none from a well-formed record) go with it.
      this.#prefetched.set(record.key, {
        bytes: tail.subarray(0, a.size),
        sha256: a.sha256,
        counted: tail.length,
      });
      this.#keptBytes += tail.length;
      return true;
    }
    this.#prefetchBudget!.give(tail.length);
    return false;
  }

  /**
   * Keeps a small archive that came whole with the first bytes of its record's lookup (`bytes`, an answer no longer
   * than the range asked for), for a restore that may follow: it would otherwise ask for the same bytes again. Up
   * to HEAD_ARCHIVE_BYTES of answers in all, since hits that no job needs are never restored; copied only when
   * taken.
   */
  #keepHeadArchive(record: RemoteRecord, bytes: Buffer): void {
    const a = record.archive;
    // A later lookup of the key answers for it: the record may have been written anew meanwhile.
    this.#dropHeadArchive(record.key);
    if (!a.inline || a.size === 0 || bytes.length > RECORD_HEAD || !this.fitsInMemory(record)) return;
    // Counted whole: a small answer lives in a block of memory it shares, which it keeps alive.
    const counted = Math.max(bytes.length, bytes.buffer.byteLength);
    if (this.#headArchiveBytes + counted > HEAD_ARCHIVE_BYTES) return;
    const split = splitRecord(bytes, true);
    if (split === undefined || bytes.length - split.end < a.size) return;
    this.#headArchives.set(record.key, {
      archive: bytes.subarray(split.end, split.end + a.size),
      sha256: a.sha256,
      counted,
    });
    this.#headArchiveBytes += counted;
  }

  #dropHeadArchive(key: JobKey): { archive: Buffer; sha256: string } | undefined {
    const head = this.#headArchives.get(key);
    if (head === undefined) return undefined;
    this.#headArchives.delete(key);
    this.#headArchiveBytes -= head.counted;
    return head;
  }

  /**
   * The archive of `record` if it came with the record's lookup (see `prefetchBytes` and #keepHeadArchive), handed
   * over once. Undefined once the remote is off: then, as for any other restore, nothing more comes from it.
   */
  takePrefetched(record: RemoteRecord): PrefetchedArchive | undefined {
    const head = this.#dropHeadArchive(record.key);
    // Only the archive of this very record (the same key may have been looked up again, and answered anew).
    if (
      head !== undefined &&
      head.sha256 === record.archive.sha256 &&
      head.archive.length === record.archive.size
    ) {
      if (this.#down) return undefined;
      // In memory of its own: the answer it came in may share its memory with others.
      const bytes = Buffer.allocUnsafeSlow(head.archive.length);
      head.archive.copy(bytes);
      return { bytes, done: () => undefined };
    }
    const prefetched = this.#prefetched.get(record.key);
    if (prefetched === undefined) return undefined;
    this.#prefetched.delete(record.key);
    const counted = prefetched.counted;
    // Only the archive of this very record (see #keepPrefetched).
    const theirs =
      prefetched.sha256 === record.archive.sha256 && prefetched.bytes.length === record.archive.size;
    if (this.#down || !theirs) {
      this.#unkeep(counted);
      return undefined;
    }
    let given = false;
    return {
      bytes: prefetched.bytes,
      done: () => {
        if (given) return;
        given = true;
        this.#unkeep(counted);
      },
    };
  }

  /** A kept archive's bytes are free again: its room in the budget, and the lookups waiting for fewer kept. */
  #unkeep(counted: number): void {
    this.#prefetchBudget!.give(counted);
    this.#keptBytes -= counted;
    while (this.#keptBytes < KEPT_AHEAD && this.#waitingForRoom.length > 0) this.#waitingForRoom.shift()!();
  }

  /** The memory of an archive from `takePrefetched` or `fetchArchive` that no one reads any more, to be reused. */
  recycle(memory: ArrayBuffer): void {
    this.#memory.give(memory);
  }

  /** Downloads and extracts the artifact into `dest` (existing and empty), verified; removes what it wrote on failure. */
  async fetch(record: RemoteRecord, dest: string): Promise<Result<void, string>> {
    if (this.#down) return err('the remote cache is off for this run');
    let problem: string | undefined;
    if (record.archive.size === 0) {
      // Nothing but directories and links: no archive was stored.
      const unpacked = await unpackTree(Readable.from([]), dest, record.manifest, record.archive);
      if (!unpacked.ok) problem = unpacked.error;
    } else {
      const res = await this.#archiveBody(record);
      if (!res.ok) problem = describe(res.error);
      else if (res.value === undefined) problem = 'the server no longer has its archive';
      else {
        const body = res.value.body;
        const unpacked = await unpackTree(body, dest, record.manifest, record.archive);
        body.destroy();
        if (!unpacked.ok) problem = unpacked.error;
      }
    }
    if (problem === undefined) return ok(undefined);
    await rm(dest, { recursive: true, force: true }).catch(() => undefined);
    return err(this.fail(`the artifact of ${record.key} could not be restored`, problem));
  }

  /**
   * Whether the archive of `record` is small enough to be fetched whole (`fetchArchive`) and checked in memory
   * before anything is written. Its files must be small too: a few megabytes of gzip can inflate to gigabytes
   * (zeros, or a hostile record), all in one buffer; such an archive is streamed instead.
   */
  fitsInMemory(record: RemoteRecord): boolean {
    return record.archive.size <= IN_MEMORY_ARCHIVE && contentSize(record.manifest) <= IN_MEMORY_ARCHIVE;
  }

  /**
   * The whole archive of `record` (see `fitsInMemory`), exactly as long as the record says, in memory of its own
   * (it may move to another thread); its contents are not
   * checked here (whoever writes them checks every file against the manifest first). A failure turns the remote
   * off, as a failed `fetch` does.
   */
  async fetchArchive(record: RemoteRecord): Promise<Result<Buffer, string>> {
    if (this.#down) return err('the remote cache is off for this run');
    if (record.archive.size === 0) return ok(Buffer.allocUnsafeSlow(0));
    const got =
      record.archive.at === undefined ? await this.#blobWhole(record) : await this.#partWhole(record);
    return got.ok ? got : err(this.fail(`the artifact of ${record.key} could not be restored`, got.error));
  }

  /** An archive that is a blob of its own, read straight into its memory: no stream, no copy of every chunk. */
  async #blobWhole(record: RemoteRecord): Promise<Result<Buffer, string>> {
    const a = record.archive;
    const done = await this.#wholeGets.take(1);
    const bytes = await this.#wholeBytes.take(a.size);
    const got = await this.#o.store.getBlobWhole(a.sha256, a.size, this.#memory).finally(() => {
      bytes();
      done();
    });
    if (!got.ok) return err(describe(got.error));
    if (got.value === undefined) return err('the server no longer has its archive');
    if (got.value.length === a.size) return ok(got.value);
    this.#memory.give(got.value.buffer as ArrayBuffer);
    return err(`the archive is truncated (${got.value.length} of ${a.size} bytes)`);
  }

  /** An archive carried by its record: the range of it, read whole. */
  async #partWhole(record: RemoteRecord): Promise<Result<Buffer, string>> {
    const res = await this.#archiveBody(record);
    if (!res.ok) return err(describe(res.error));
    if (res.value === undefined) return err('the server no longer has its archive');
    const body = res.value.body;
    const bytes = await readAll(body, record.archive.size, this.#memory);
    body.destroy();
    return bytes;
  }

  /** The archive's bytes: a range of the record that carries it, or its own blob. */
  #archiveBody(record: RemoteRecord): Promise<Result<HttpResponse | undefined, HttpFailure>> {
    const a = record.archive;
    return a.at === undefined
      ? this.#o.store.getBlob(a.sha256)
      : this.#o.store.getPart(recordId(record.key), a.at, a.size);
  }

  /** A downloaded archive whose files do not match the record: the server's copy is unusable. */
  corrupt(record: RemoteRecord, problem: string): string {
    return this.fail(`the artifact of ${record.key} could not be restored`, problem);
  }

  /**
   * The logs of a record, inline or fetched (and verified) from their blobs; fetched once per run, whichever
   * restore or report asks first. A log too big to hold whole is written to a file of the scratch space (see
   * RemoteLogs), which the run keeps with the entry before this tier closes.
   */
  logs(record: RemoteRecord): Promise<Result<RemoteLogs, string>> {
    let got = this.#logs.get(record.key);
    if (got === undefined) {
      got = this.#fetchLogs(record);
      this.#logs.set(record.key, got);
    }
    return got;
  }

  async #fetchLogs(record: RemoteRecord): Promise<Result<RemoteLogs, string>> {
    const out: RemoteLogs = { stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) };
    for (const name of ['stdout', 'stderr'] as const) {
      const want = name === 'stdout' ? record.manifest.stdoutSha256 : record.manifest.stderrSha256;
      const inline = record[name];
      const got: Result<FetchedLog, string> =
        inline === undefined ? await this.#blob(want) : ok(inlineLog(Buffer.from(inline, 'base64')));
      if (!got.ok) return got;
      if (got.value.digest !== want) {
        if (got.value.file !== undefined) await unlink(got.value.file).catch(() => undefined);
        this.fail(`the logs of ${record.key} are corrupt`, 'digest mismatch');
        return err('the logs do not match the manifest');
      }
      out[name] = got.value.display;
      if (got.value.file !== undefined) out[name === 'stdout' ? 'stdoutFile' : 'stderrFile'] = got.value.file;
    }
    return ok(out);
  }

  /**
   * A log blob, hashed as it arrives: in memory up to LOG_IN_MEMORY bytes, else in a file of the scratch space
   * (no log is too big to restore), with its two ends for display.
   */
  async #blob(id: string): Promise<Result<FetchedLog, string>> {
    if (this.#down) return err('the remote cache is off for this run');
    const res = await this.#o.store.getBlob(id);
    if (!res.ok || res.value === undefined) {
      const cause = res.ok ? 'missing on the server' : describe(res.error);
      this.fail('a log could not be fetched', cause);
      return err(cause);
    }
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    let file: string | undefined;
    let out: FileHandle | undefined;
    try {
      for await (const c of res.value.body) {
        const chunk = c as Buffer;
        hash.update(chunk);
        size += chunk.length;
        if (size > (this.#o.maxLogBytes ?? MAX_LOG_BYTES)) throw new Error('log too large');
        if (out === undefined && size > LOG_IN_MEMORY) {
          if (!this.#scratchMade) {
            await mkdir(this.#o.scratchDir, { recursive: true });
            this.#scratchMade = true;
          }
          file = join(this.#o.scratchDir, `${id}-${++this.#spills}.log`);
          out = await open(file, 'wx');
          for (const held of chunks.splice(0)) await out.write(held);
        }
        if (out !== undefined) await out.write(chunk);
        else chunks.push(chunk);
      }
      await out?.close();
      out = undefined;
      const digest = hash.digest('hex');
      if (file === undefined) return ok({ digest, display: Buffer.concat(chunks) });
      return ok({ digest, display: await readLogForDisplay(file), file });
    } catch (e) {
      await out?.close().catch(() => undefined);
      if (file !== undefined) await unlink(file).catch(() => undefined);
      this.fail('a log could not be fetched', (e as Error).message);
      return err((e as Error).message);
    }
  }

  /**
   * Queues the upload of a saved artifact from `dir` (which stays untouched until `close`). `manifest`: the one
   * the local cache just built for these files, so that the upload does not hash them again.
   */
  upload(key: JobKey, dir: string, artifact: ArtifactToSave, manifest?: Manifest): void {
    if (this.#givenUp) this.#givenUp.count++;
    if (this.#o.mode === 'read' || this.#down || this.#closing) return;
    if (this.#child === undefined && this.#o.startUploadChild) {
      this.#child = this.#o.startUploadChild((message) => this.#failedInChild(message)) ?? null;
    }
    if (this.#child) {
      this.#child.upload(key, dir, artifact, manifest);
      return;
    }
    this.#pending++;
    this.#queue.push(async () => {
      try {
        if (!this.#down) await this.#uploadOne(key, dir, artifact, manifest);
      } finally {
        this.#pending--;
        this.#o.onUploadSettled?.();
      }
    });
    this.#pump();
  }

  #pump(): void {
    while (this.#active < this.#o.uploadConcurrency && this.#queue.length > 0) {
      const job = this.#queue.shift()!;
      this.#active++;
      const p = job()
        .catch((e: unknown) => {
          this.fail('an upload failed', (e as Error).message);
        })
        .finally(() => {
          this.#active--;
          this.#uploads.delete(p);
          this.#pump();
        });
      this.#uploads.add(p);
    }
  }

  /** Blob first, record last: a record never names an archive the server lacks. */
  async #uploadOne(key: JobKey, dir: string, a: ArtifactToSave, saved?: Manifest): Promise<void> {
    let manifest = saved;
    if (manifest === undefined) {
      const built = await buildManifest(dir, key, a.durationMs, a.stdout, a.stderr);
      if (!built.ok) return;
      manifest = built.value;
      // A spilled log's buffer holds only its two ends: the log is its file, and so is its digest. (A saved
      // manifest names the file's digest already.)
      if (a.stdoutFile !== undefined) manifest.stdoutSha256 = await spilledSha256(a.stdoutFile);
      if (a.stderrFile !== undefined) manifest.stderrSha256 = await spilledSha256(a.stderrFile);
    }
    if (!this.#scratchMade) {
      await mkdir(this.#o.scratchDir, { recursive: true });
      this.#scratchMade = true;
    }
    // Made only for archives too big to keep in memory.
    const file = join(this.#o.scratchDir, `${key}-${++this.#spills}.archive`);
    let spilled = false;
    let release: (() => void) | undefined;
    try {
      this.#packMemory ??= new MemoryPool(IN_MEMORY_ARCHIVE + 1, PACKED_BYTES);
      const packed = await packArchive(dir, manifest, file, this.#packMemory);
      release = packed.release;
      spilled = packed.bytes === undefined;
      const archive: RemoteRecord['archive'] = {
        sha256: packed.sha256,
        size: packed.size,
        encoding: packed.encoding,
      };
      const record: RemoteRecord = { version: 3, key, archive, manifest };
      const body = packed.bytes ?? ((): Readable => createReadStream(file));
      // A small archive travels inside its record: one upload, not two (see remote-record.ts).
      const inline =
        this.#o.store.inlineArchives &&
        packed.bytes !== undefined &&
        archive.size > 0 &&
        archive.size <= INLINE_ARCHIVE_LIMIT;
      const puts: (() => Promise<Result<void, HttpFailure>>)[] =
        archive.size === 0 || inline
          ? []
          : [() => this.#o.store.put('blob', archive.sha256, body, archive.size)];
      for (const name of ['stdout', 'stderr'] as const) {
        const spilled = name === 'stdout' ? a.stdoutFile : a.stderrFile;
        const digest = name === 'stdout' ? manifest.stdoutSha256 : manifest.stderrSha256;
        const log = a[name];
        if (spilled !== undefined) {
          // The whole log is in its file (the buffer holds only its ends); the saved manifest names the file's digest.
          const size = (await stat(spilled)).size;
          puts.push(() => this.#o.store.put('blob', digest, () => createReadStream(spilled), size));
        } else if (log.length <= INLINE_LOG_LIMIT) record[name] = log.toString('base64');
        else puts.push(() => this.#o.store.put('blob', sha256(log), log, log.length));
      }
      for (const put of puts) {
        const r = await put();
        if (!r.ok) {
          this.fail('an upload failed', describe(r.error));
          return;
        }
      }
      let bytes: Buffer | Buffer[] | undefined;
      if (inline) {
        const withArchive = recordLine({ ...record, archive: { ...archive, inline: true } });
        // A line a lookup's first range would not hold keeps its archive apart (one more GET per lookup otherwise).
        if (withArchive.length <= RECORD_HEAD) bytes = [withArchive, packed.bytes!];
        else {
          const r = await this.#o.store.put('blob', archive.sha256, packed.bytes!, archive.size);
          if (!r.ok) {
            this.fail('an upload failed', describe(r.error));
            return;
          }
        }
      }
      bytes ??= recordLine(record);
      const size = Buffer.isBuffer(bytes) ? bytes.length : bytes[0]!.length + bytes[1]!.length;
      const r = await this.#o.store.put('meta', recordId(key), bytes, size);
      if (!r.ok) this.fail('an upload failed', describe(r.error));
    } finally {
      // Every request that sent the archive has answered (or failed): nothing reads its memory any more.
      release?.();
      if (spilled) await unlink(file).catch(() => undefined);
    }
  }

  /**
   * The run was stopped: every request still under way is abandoned (its sockets closed), the upload process
   * killed, and nothing more is asked of the server; one warning counts the uploads given up.
   */
  interrupt(): void {
    if (this.#interrupted) return;
    this.#interrupted = true;
    // Counted only while the remote was up: after a failure, its warning said that nothing more is uploaded.
    if (!this.#down && this.#o.mode !== 'read') {
      this.#givenUp = { count: (this.#child?.pending ?? 0) + this.#pending };
    }
    this.#down = true;
    // Stopped while `close` waits for the uploads: no save can follow, the count is final.
    if (this.#closing) this.#tellGivenUp();
    this.#child?.kill();
    this.#queue.length = 0;
    this.#o.store.close();
    for (const wake of this.#waitingForRoom.splice(0)) wake();
  }

  #tellGivenUp(): void {
    const count = this.#givenUp?.count ?? 0;
    this.#givenUp = undefined;
    if (count === 0) return;
    this.#o.onWarning(
      `remote cache ${this.#o.store.display}: the run was interrupted before ${count} uploads were known to be done; what the server did not get, later runs will build again`,
    );
  }

  /** The upload process reported the first failure: the same breaker as a failure here. */
  #failedInChild(message: string): void {
    if (this.#down) return;
    this.#down = true;
    this.#o.onWarning(message);
  }

  /** `ended`: how the upload process ended, when it did before its queue was done (else the wait was over). */
  #notUploaded(count: number, ended?: string): void {
    if (this.#down || count <= 0) return;
    this.#down = true;
    const why =
      ended === undefined
        ? ` within ${Math.round(this.#o.uploadWaitMs / 1000)} s`
        : `: the upload process ended (${ended}) before them`;
    this.#o.onWarning(
      `remote cache ${this.#o.store.display}: ${count} artifacts were not uploaded${why}; later runs will build them again`,
    );
  }

  /** Waits for the uploads, at most `uploadWaitMs`; warns about what did not make it, then closes the sockets. */
  async close(): Promise<void> {
    this.#closing = true;
    this.#tellGivenUp();
    if (this.#child) {
      const child = this.#child;
      const unfinished = await child.close(this.#o.uploadWaitMs);
      if (unfinished !== undefined)
        this.#notUploaded(child.pending, 'ended' in unfinished ? unfinished.ended : undefined);
    }
    if (this.#pending > 0) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        (async () => {
          while (this.#uploads.size > 0) await Promise.allSettled([...this.#uploads]);
          return false;
        })(),
        new Promise<boolean>((r) => {
          timer = setTimeout(() => r(true), this.#o.uploadWaitMs);
        }),
      ]);
      clearTimeout(timer);
      if (timedOut) this.#notUploaded(this.#pending);
    }
    this.#queue.length = 0;
    for (const p of this.#prefetched.values()) this.#unkeep(p.counted);
    this.#prefetched.clear();
    this.#o.store.close();
    // In place: a run whose lookups were all it asked of the server has not started the thread pool for
    // anything else (see removeDeadTemps), and the scratch directory is nearly always empty or absent.
    try {
      rmSync(this.#o.scratchDir, { recursive: true, force: true });
    } catch {
      // Left for the next run's clean-up of dead runs' scratch space.
    }
  }
}

function describe(f: HttpFailure): string {
  return f.message;
}

/** The bytes of a manifest's files, the archive's size once inflated. */
function contentSize(manifest: Manifest): number {
  let total = 0;
  for (const e of manifest.entries) if (e.type === 'file') total += e.size;
  return total;
}

/** A log that came inside its record. */
function inlineLog(bytes: Buffer): FetchedLog {
  return { digest: sha256(bytes), display: bytes };
}

/** The SHA-256 of a spilled log's file. */
async function spilledSha256(path: string): Promise<string> {
  return fileSha256(path, (await stat(path)).size);
}
