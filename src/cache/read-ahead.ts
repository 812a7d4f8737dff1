import { closeSync, constants, open, openSync, read, readSync } from 'node:fs';

/**
 * Files in flight at once. libuv reads four at a time (its thread pool, which the rest of the process shares);
 * the rest wait there, so that the pool has reads to do between two turns of this thread's event loop (one
 * restore each, see restore-helper.ts).
 */
const IN_FLIGHT = 16;

/**
 * Never opened through a link, and never waiting on a writer (a FIFO put in a damaged cache): what is read here is
 * the cache's stored files, regular files, which the restores then check.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Bytes read of each file: whole small files; the kernel's own read-ahead follows a big file's first bytes. */
const CHUNK = 256 * 1024;

/**
 * Files read first, each timed, to tell whether the others are in memory already; from disk when most of them
 * took a disk's time (one that a busy machine paused meanwhile does not decide).
 */
const PROBES = 4;
const SLOW_PROBES = 3;

export interface ReadAheadParts {
  /** Reads the file into the page cache, then calls `done` (also when it cannot be read). */
  readLater(path: string, done: () => void): void;
  /** Reads the first files now, and answers whether they came from disk (most of them). */
  probe(paths: readonly string[]): boolean;
}

/**
 * Brings files into the page cache ahead of the synchronous reads that verify and copy them, many at once on
 * libuv's thread pool. A restore reads its stored files one after the other on each of two threads: when they are
 * on disk and not in memory (a cache last used a while ago), each read waits for the disk in turn, while a disk
 * serves several reads at once nearly as fast as one (1,000 files of 80 kB: 0.26 s one at a time, 0.11 s four at
 * a time, 0.09 s eight at a time). What is read here is thrown away: only the page cache keeps it.
 *
 * Only when needed: the first files are read and timed (see fromDisk), and when they came from memory nothing
 * more is read, as reading files in memory already would only copy them once more. Files that cannot be read are
 * passed over: the restore that reads them says why.
 */
export class ReadAhead {
  readonly #parts: ReadAheadParts;
  readonly #paths: string[] = [];
  #next = 0;
  #active = 0;
  #state: 'probing' | 'reading' | 'off' = 'probing';

  constructor(parts: ReadAheadParts = fileReads()) {
    this.#parts = parts;
  }

  /** Whether files are being read ahead: undefined until the first PROBES files have told. */
  get reading(): boolean | undefined {
    return this.#state === 'probing' ? undefined : this.#state === 'reading';
  }

  /** Queues `paths` to be read, in order, after those queued before. */
  add(paths: readonly string[]): void {
    if (this.#state === 'off') return;
    for (const p of paths) this.#paths.push(p);
    if (this.#state === 'probing') {
      if (this.#paths.length < PROBES) return;
      this.#next = PROBES;
      if (!this.#parts.probe(this.#paths.slice(0, PROBES))) return this.stop();
      this.#state = 'reading';
    }
    this.#pump();
  }

  /** Nothing more is read (the restores are over, or the run is); reads under way end on their own. */
  stop(): void {
    this.#state = 'off';
    this.#forget();
  }

  #pump(): void {
    while (this.#state === 'reading' && this.#active < IN_FLIGHT && this.#next < this.#paths.length) {
      this.#active++;
      this.#parts.readLater(this.#paths[this.#next++]!, () => {
        this.#active--;
        this.#pump();
      });
    }
    if (this.#next === this.#paths.length) this.#forget();
  }

  /** All handed out: the list starts anew with the next paths. */
  #forget(): void {
    this.#paths.length = 0;
    this.#next = 0;
  }
}

/**
 * Whether reading a file of `bytes` bytes took long enough that it came from disk. From memory an open, a read and
 * a close of 80 kB take 25–35 µs here; the bound is about three times that, 50 µs and 0.5 ns a byte. From disk:
 * 150–250 µs on a virtual disk, about 100 µs on an NVMe drive.
 */
export function fromDisk(elapsedNs: number, bytes: number): boolean {
  return elapsedNs > 50_000 + bytes * 0.5;
}

/** The real reads: into one scratch buffer, whose bytes are never looked at. */
export function fileReads(): ReadAheadParts {
  let scratch: Buffer | undefined;
  const buffer = (): Buffer => (scratch ??= Buffer.allocUnsafe(CHUNK));
  const readNow = (path: string): number => {
    try {
      const fd = openSync(path, OPEN_FLAGS);
      try {
        return readSync(fd, buffer(), 0, CHUNK, 0);
      } finally {
        closeSync(fd);
      }
    } catch {
      return 0;
    }
  };
  return {
    probe(paths) {
      let slow = 0;
      for (const p of paths) {
        const started = process.hrtime.bigint();
        const bytes = readNow(p);
        if (fromDisk(Number(process.hrtime.bigint() - started), bytes)) slow++;
      }
      return slow >= SLOW_PROBES;
    },
    readLater(path, done) {
      const into = buffer();
      open(path, OPEN_FLAGS, (e, fd) => {
        if (e) return done();
        // Closed here: one more trip through the pool would cost this thread a callback and a turn.
        read(fd, into, 0, CHUNK, 0, () => {
          try {
            closeSync(fd);
          } catch {
            // A file system that reports an error at close: nothing was written, and the restore reads it anew.
          }
          done();
        });
      });
    },
  };
}
