import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import type { ManifestEntry } from './cache.js';
import { removeTree } from '../util/remove-tree.js';
import { adoptArchive, type AdoptOutcome, type AdoptRequest } from './adopt-archive.js';
import { type PlaceFile, removePlacementLeftovers } from './place-files.js';
import { inBackground } from '../util/background.js';
import { ReadAhead } from './read-ahead.js';
import {
  type AdoptBatch,
  type AdoptMessage,
  type ReplyBatch,
  runTask,
  type TaskBatch,
  type TaskRequest,
  thrownError,
} from './restore-tasks.js';

interface AdoptTask {
  request: AdoptRequest;
  release: ((memory: ArrayBuffer) => void) | undefined;
  resolve(r: AdoptOutcome): void;
  reject(e: Error): void;
}

/**
 * An archive sent to the thread, with its size as it was sent: when its memory moved there (see #pump), the view
 * left here reads 0 bytes from then on.
 */
interface AdoptInThread {
  task: AdoptTask;
  bytes: number;
}

interface Task {
  request: TaskRequest;
  resolve(r: Result<void, string>): void;
  reject(e: Error): void;
}

// Read once at load: in the bundle this is the chunk's own file, beside which the build puts the worker.
const here = dirname(fileURLToPath(import.meta.url));

/**
 * Restores waiting at once that start the helper thread: a thread costs its start (about 30 ms of CPU) and a
 * message per restore, which a few hundred restores of small outputs do not pay back on a busy machine
 * (measured: 200 outputs slower with it, 1,000 faster). They also start reading stored files ahead, should those
 * be on disk (see read-ahead.ts).
 */
const THREAD_AFTER = 256;

/** Restores handed to the thread at once: enough that it never idles between two batches, few enough to balance. */
const THREAD_IN_FLIGHT = 8;

/**
 * Restores sent in one message (and answered in one), when that many wait: as for archives (ADOPT_BATCH), a
 * message each way costs about as much as a small restore. Every output restored at 1,000 packages, one message
 * per restore: 25 ms of the engine's thread in sending and answering them.
 */
const THREAD_BATCH = 4;

/**
 * Downloaded archives are committed on the thread once a run has this many: each is hashing and a dozen file
 * system calls, which the thread does on the other core while this one receives the next downloads (this one
 * still commits small ones beyond the thread's window: see #adoptHereNext).
 */
const ADOPT_THREAD_AFTER = 8;

/** Archives up to this size are also committed here while the thread is up, beyond its window (#adoptHereNext). */
const MAIN_ADOPT_LIMIT = 256 * 1024;

/**
 * Archives handed to the thread at once: it never idles while this thread, busy receiving the next downloads,
 * takes its time to read the answers (the lookups bound what waits: see remote-tier.ts, KEPT_AHEAD).
 */
const ADOPT_IN_FLIGHT = 32;

/**
 * Bytes of archives handed to the thread at once (at least one archive): a few milliseconds of its work. Large
 * archives beyond that are committed here as they wait (see #adoptHereNext), else this thread idles while the
 * other hashes and writes every byte.
 */
const ADOPT_IN_FLIGHT_BYTES = 16 * 1024 * 1024;

/**
 * Archives sent in one message (and answered in one), when that many wait: a message between threads costs about
 * as much as writing a small archive's file, so a thousand small archives are a quarter as many messages.
 */
const ADOPT_BATCH = 4;

/**
 * Verified restores of many trees at once, on two threads: this one and a helper thread started once a run
 * restores more than a few trees (every output restored into an --out-dir). A restore is mostly file-system
 * calls and hashing, which the helper does on the other core; both threads take the next restore from one queue,
 * so neither waits while the other has work. Each restore is `restoreListedTree`, whichever thread runs it.
 * Only the bundled build has the helper (beside the bundle, like the launcher); elsewhere, and should the
 * thread fail, every restore runs here.
 */
export class RestoreQueue {
  readonly #queue: Task[] = [];
  readonly #inThread = new Map<number, Task>();
  readonly #adopts: AdoptTask[] = [];
  readonly #adoptsInThread = new Map<number, AdoptInThread>();
  #adoptBytesInThread = 0;
  #adopted = 0;
  #worker: Worker | undefined;
  #workerFailed = false;
  #started = false;
  #closed = false;
  #next = 1;
  #mainScheduled = false;
  #readAhead: ReadAhead | undefined;
  readonly #newReadAhead: () => ReadAhead;
  readonly #program: string;

  constructor(
    newReadAhead: () => ReadAhead = () => new ReadAhead(),
    /** The helper thread's program: the bundle's, beside this module (there is none beside the sources). */
    program = join(here, 'restore-worker.js'),
  ) {
    this.#newReadAhead = newReadAhead;
    this.#program = program;
  }

  /**
   * Restores the listed tree from `src` into a new `dest` (see restoreListedTree). Queued, never started at
   * once: a run asks for all its restores in one stretch (every output restored into an --out-dir), and only a
   * queue shows how many are coming while the thread can still take its share. Restored here one per turn of
   * the event loop meanwhile, so that a few (the dependencies of a job that runs) never wait for a thread.
   */
  readonly restore = (
    src: string,
    dest: string,
    entries: readonly ManifestEntry[],
  ): Promise<Result<void, string>> => this.#enqueue({ src, dest, entries });

  /**
   * Puts stored files in their places (see placeFiles), queued with the restores: in-place outputs restored into
   * the checkout by a thousand jobs share both threads as a thousand restores do.
   */
  readonly place = (files: readonly PlaceFile[]): Promise<Result<void, string>> =>
    this.#enqueue({ place: files });

  #enqueue(request: TaskRequest): Promise<Result<void, string>> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ request, resolve, reject });
      if (this.#readAhead) readAhead(this.#readAhead, request);
      if (this.#queue.length >= THREAD_AFTER) this.#manyRestores();
      this.#pump();
    });
  }

  /**
   * Commits a downloaded archive as a cache entry (see adoptArchive): on the helper thread once a run has a few
   * (the archive's memory moves there, not copied), here until then, when there is no thread, and for small ones
   * beyond the thread's window (see #adoptHereNext). `release`: called
   * with an owned archive's memory once it is written, wherever that was (not when the thread stopped with it).
   */
  readonly adopt = (
    request: AdoptRequest,
    release?: (memory: ArrayBuffer) => void,
  ): Promise<AdoptOutcome> => {
    if (++this.#adopted === ADOPT_THREAD_AFTER) this.#startWorker();
    // While the thread starts, archives queue for it (those that came with their lookups arrive all at once), and
    // this thread takes one of them per turn meanwhile (see #pump, #adoptHereNext).
    if (this.#worker === undefined && !(this.#started && !this.#workerFailed)) {
      try {
        return Promise.resolve(adoptHere({ request, release }));
      } catch (e) {
        return Promise.reject(e as Error);
      }
    }
    return new Promise((resolve, reject) => {
      this.#adopts.push({ request, release, resolve, reject });
      this.#pump();
    });
  };

  /**
   * Up to `count` restores may come: as many as start the thread once queued start it now, so that it has booted
   * (about a tenth of a second of loading) by the time they are asked for. Should they not come (misses), the
   * idle thread keeps nothing alive and ends with the run.
   */
  expect(count: number): void {
    if (count >= THREAD_AFTER) this.#manyRestores();
  }

  /**
   * Once: the helper thread starts, and from now on the stored files of every restore are read ahead (see
   * read-ahead.ts), those queued already first.
   */
  #manyRestores(): void {
    this.#startWorker();
    if (this.#readAhead) return;
    this.#readAhead = this.#newReadAhead();
    for (const task of this.#queue) readAhead(this.#readAhead, task.request);
  }

  /**
   * Ends the helper thread (restores still queued run here). The thread stays this queue's until it has exited, so
   * that what it held is answered as when it dies (see #adopt): its restores run here, its archives are refused.
   */
  close(): void {
    this.#closed = true;
    this.#readAhead?.stop();
    void this.#worker?.terminate();
  }

  #pump(): void {
    const worker = this.#worker;
    // A batch once there is room for one (or for all that wait, when fewer do).
    while (
      worker &&
      this.#adopts.length > 0 &&
      ADOPT_IN_FLIGHT - this.#adoptsInThread.size >= Math.min(ADOPT_BATCH, this.#adopts.length) &&
      (this.#adoptBytesInThread < ADOPT_IN_FLIGHT_BYTES || this.#adoptsInThread.size === 0)
    ) {
      const adopts: AdoptMessage[] = [];
      const moved = new Set<ArrayBuffer>();
      const batch = this.#takeAdoptBatch();
      for (const task of batch) {
        const id = this.#next++;
        const bytes = task.request.archive.byteLength;
        this.#adoptsInThread.set(id, { task, bytes });
        this.#adoptBytesInThread += bytes;
        const { entries: _entries, ...request } = task.request;
        const a = request.archive;
        // Its own memory moves to the thread (the view keeps its place in it); a slice of a shared pool is copied.
        const whole = a.byteOffset === 0 && a.byteLength === a.buffer.byteLength;
        if (whole || request.owned) moved.add(a.buffer as ArrayBuffer);
        adopts.push({ id, adopt: true, ...request });
      }
      if (this.#inThread.size + this.#adoptsInThread.size === adopts.length) worker.ref();
      try {
        worker.postMessage({ adopts } satisfies AdoptBatch, [...moved]);
      } catch (e) {
        // Not sent (memory that cannot move): those archives are not committed; their callers fetch them again.
        for (const m of adopts) this.#leaveThread(m.id);
        for (const task of batch) task.reject(e as Error);
      }
    }
    while (
      worker &&
      this.#queue.length > 0 &&
      THREAD_IN_FLIGHT - this.#inThread.size >= Math.min(THREAD_BATCH, this.#queue.length)
    ) {
      const tasks = this.#queue.splice(0, THREAD_BATCH).map((task) => {
        const id = this.#next++;
        this.#inThread.set(id, task);
        return { id, ...task.request };
      });
      if (this.#inThread.size + this.#adoptsInThread.size === tasks.length) worker.ref();
      worker.postMessage({ tasks } satisfies TaskBatch);
    }
    // One restore or commit per turn of the event loop here, so that the thread's replies (and its next tasks)
    // and the downloads are seen between two.
    if (this.#mainScheduled || (this.#queue.length === 0 && !this.#adoptHereNext())) return;
    this.#mainScheduled = true;
    setImmediate(() => {
      this.#mainScheduled = false;
      const task = this.#queue.shift();
      if (task) {
        runTask(task.request).then(task.resolve, task.reject);
      } else if (this.#adoptHereNext()) {
        const adopt = this.#adopts.shift();
        if (adopt) {
          try {
            adopt.resolve(adoptHere(adopt));
          } catch (e) {
            adopt.reject(e as Error);
          }
        }
      }
      this.#pump();
    });
  }

  /** The next archives for the thread: up to ADOPT_BATCH, within its window of bytes (at least one). */
  #takeAdoptBatch(): AdoptTask[] {
    let n = 1;
    let bytes = this.#adoptBytesInThread + this.#adopts[0]!.request.archive.byteLength;
    while (n < ADOPT_BATCH && n < this.#adopts.length) {
      bytes += this.#adopts[n]!.request.archive.byteLength;
      if (bytes > ADOPT_IN_FLIGHT_BYTES) break;
      n++;
    }
    return this.#adopts.splice(0, n);
  }

  /** An archive the thread answered for (or that never reached it), no longer counted in its window. */
  #leaveThread(id: number): AdoptTask | undefined {
    const sent = this.#adoptsInThread.get(id);
    if (sent === undefined) return undefined;
    this.#adoptsInThread.delete(id);
    this.#adoptBytesInThread -= sent.bytes;
    return sent.task;
  }

  /**
   * Whether this thread commits the next waiting archive: always while the thread boots (or when there is none);
   * once it is up, archives wait here only beyond its window (ADOPT_IN_FLIGHT, ADOPT_IN_FLIGHT_BYTES), and this
   * thread takes a small one (MAIN_ADOPT_LIMIT). The thread is the slower side then, and downloads wait for room
   * as archives are written (see remote-tier.ts, KEPT_AHEAD), so this thread would otherwise idle: about a third of
   * a --download all run of 1,000 jobs of 80 kB. A big archive holds this thread for milliseconds while downloads
   * and replies wait, so it is taken only once the thread holds its window's bytes: with a hundred archives of
   * 4 MB, the thread hashed and wrote every byte while this one idled a third of the time.
   */
  #adoptHereNext(): boolean {
    const next = this.#adopts[0];
    if (next === undefined) return false;
    return (
      this.#worker === undefined ||
      next.request.archive.byteLength <= MAIN_ADOPT_LIMIT ||
      this.#adoptBytesInThread >= ADOPT_IN_FLIGHT_BYTES
    );
  }

  /**
   * Threads' code is loaded here, by the run that starts one: the others (a fully cached run restores nothing)
   * do not pay for it at start. Meanwhile restores go on here.
   */
  #startWorker(): void {
    // Once: restores and downloads may each ask for it.
    if (this.#started) return;
    this.#started = true;
    const program = this.#program;
    // One core: a second thread would only take turns with this one.
    if (this.#workerFailed || availableParallelism() < 2 || !existsSync(program)) {
      this.#workerFailed = true;
      return;
    }
    void import('node:worker_threads').then(
      (threads) => this.#adopt(threads.Worker, program),
      () => this.#noThread(),
    );
  }

  /** No thread after all: the archives waiting for it are committed here. */
  #noThread(): void {
    this.#workerFailed = true;
    for (const task of this.#adopts.splice(0)) {
      try {
        task.resolve(adoptHere(task));
      } catch (e) {
        task.reject(e as Error);
      }
    }
  }

  #adopt(Thread: typeof Worker, program: string): void {
    if (this.#closed) {
      this.#noThread();
      return;
    }
    let worker: Worker;
    try {
      worker = new Thread(program);
    } catch {
      this.#noThread();
      return;
    }
    // Idle, it keeps nothing alive; a restore in flight does.
    worker.unref();
    worker.on('message', (r: ReplyBatch) => {
      for (const reply of r.replies) {
        const task = this.#inThread.get(reply.id);
        if (task) {
          this.#inThread.delete(reply.id);
          if (reply.ok) task.resolve(ok(undefined));
          else if ('mismatch' in reply) task.resolve(err(reply.mismatch));
          else task.reject(thrownError(reply.thrown));
          continue;
        }
        const adopting = this.#leaveThread(reply.id);
        if (!adopting) continue;
        if (reply.ok && reply.memory) adopting.release?.(reply.memory);
        if (reply.ok) adopting.resolve({ ok: true, committed: reply.committed === true });
        else if ('mismatch' in reply) adopting.resolve(reply);
        else adopting.reject(thrownError(reply.thrown));
      }
      if (this.#inThread.size + this.#adoptsInThread.size === 0) worker.unref();
      this.#pump();
    });
    const gone = (): void => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#workerFailed = true;
      // What it had not answered is done again here, from the start: a restore writes only into its new `dest`,
      // which the thread may have begun.
      const unanswered = [...this.#inThread.values()];
      this.#inThread.clear();
      // An archive sent there is gone with it (its memory moved): the caller downloads it again. Those not sent
      // yet are committed here.
      for (const { task } of this.#adoptsInThread.values())
        task.reject(new Error('the restore thread stopped'));
      this.#adoptsInThread.clear();
      this.#adoptBytesInThread = 0;
      this.#noThread();
      for (const task of unanswered) {
        // Files put in place are written beside their places and renamed: what the thread was writing is removed,
        // and placing them again is placing them.
        const { request } = task;
        const begun =
          'dest' in request
            ? removeTree(request.dest).catch(() => undefined)
            : Promise.resolve().then(() => removePlacementLeftovers(request.place));
        inBackground(
          begun.then(() => {
            this.#queue.unshift(task);
            this.#pump();
          }),
        );
      }
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    this.#worker = worker;
    this.#pump();
  }
}

/** adoptArchive on this thread; an owned archive's memory is released once it is written. */
function adoptHere(task: Pick<AdoptTask, 'request' | 'release'>): AdoptOutcome {
  const outcome = adoptArchive(task.request);
  if (outcome.ok && task.request.owned) task.release?.(task.request.archive.buffer as ArrayBuffer);
  return outcome;
}

/**
 * Files above this size are not read ahead: a restore copies them with the kernel, which with reflinks reads
 * nothing (see tree-copy.ts, IN_MEMORY_LIMIT).
 */
const READ_AHEAD_MAX = 4 * 1024 * 1024;

/** Hands the stored files a restore reads to `ahead`, in the order it reads them; never fails the restore. */
function readAhead(ahead: ReadAhead, request: TaskRequest): void {
  const files =
    'place' in request
      ? request.place.filter((f) => f.size <= READ_AHEAD_MAX).map((f) => f.stored)
      : request.entries
          .filter((e) => e.type === 'file' && e.size <= READ_AHEAD_MAX)
          .map((e) => join(request.src, e.path));
  try {
    ahead.add(files);
  } catch {
    // Only ever a help: the restore reads its files itself.
  }
}
