import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdirSync,
  openSync,
  readSync,
  symlinkSync,
  writeSync,
  type WriteStream,
} from 'node:fs';
import { mkdir as mkdirCb, writeFile as writeFileCb } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGunzip, createGzip, gunzip, gzip, constants as zlib } from 'node:zlib';
import type { Result } from '../../util/result.js';
import { openRegularFile } from '../../util/read-own-file.js';
import { err, ok } from '../../util/result.js';
import type { Manifest, ManifestEntry } from '../cache.js';
import { estimateDeflatedSize } from './deflate-estimate.js';
import type { MemoryPool } from './memory-pool.js';
import { freeBytes } from '../../util/free-space.js';

/** Archives up to this size are kept in memory between packing and uploading, and restored from one buffer. */
export const IN_MEMORY_ARCHIVE = 4 * 1024 * 1024;

/**
 * How an archive's bytes are stored. The archive itself is the bytes of the manifest's files, one after the
 * other in the manifest's order: the manifest (which the record carries anyway) is the only index, so there are
 * no headers to write, parse or distrust. `gzip` when compressing pays (see `chooseEncoding`).
 */
export type ArchiveEncoding = 'identity' | 'gzip';

export interface ArchiveInfo {
  sha256: string;
  size: number;
  encoding: ArchiveEncoding;
}

/** A packed archive: its bytes in memory, or (over `IN_MEMORY_ARCHIVE`) in the spill file. */
export interface PackedArchive extends ArchiveInfo {
  /** Undefined when the archive was written to the spill file. */
  bytes?: Buffer;
  /** Set when `bytes` is memory of the pool given to `packArchive`: gives it back, once nothing reads it. */
  release?: () => void;
}

const gzipAsync = promisify(gzip);
// The callback forms, not fs/promises: a FileHandle costs the main thread several times more per small file.
const mkdir = promisify(mkdirCb);
const writeFile = promisify(writeFileCb);
const gunzipAsync = promisify(gunzip);

/** How much of an archive's start decides how it is stored. */
const SAMPLE = 2 * 1024;
/** Compression pays when level 1 would shrink the sample to at most this fraction. */
const WORTH_COMPRESSING = 0.65;
/** Files up to this size are read in one call; bigger ones stream. */
const READ_WHOLE = 1024 * 1024;

/**
 * Stored as is, or gzipped at level 1, from the archive's first bytes (so the same tree still gives the same
 * archive). Text, code and JSON shrink three to five times at level 1 and are gzipped; compressed files, base64 and
 * digests shrink by a quarter at best (Huffman coding of ~64 symbols), which costs more CPU on both ends than the
 * bytes it saves cost to send to a cache server: those are stored as is.
 */
export function chooseEncoding(head: Buffer): ArchiveEncoding {
  if (head.length < 512) return 'identity';
  const sample = head.length > SAMPLE ? head.subarray(0, SAMPLE) : head;
  return estimateDeflatedSize(sample) <= WORTH_COMPRESSING * sample.length ? 'gzip' : 'identity';
}

const filesOf = (manifest: Manifest): ManifestEntry[] => manifest.entries.filter((e) => e.type === 'file');

/**
 * Packs the tree at `dir` (exactly the manifest's files, in its order) and answers the archive's SHA-256, size
 * and encoding. Small archives are built in memory from one read per file, straight into one buffer (from
 * `memory` when given: see `PackedArchive.release`); bigger ones stream through `spillFile`.
 * A file whose size differs from the manifest's (changed since it was hashed) fails the pack.
 */
export async function packArchive(
  dir: string,
  manifest: Manifest,
  spillFile: string,
  memory?: MemoryPool,
): Promise<PackedArchive> {
  const files = filesOf(manifest);
  const total = files.reduce((s, e) => s + e.size, 0);
  if (total <= IN_MEMORY_ARCHIVE) {
    // A byte more than the files hold: one that grew since it was hashed shows.
    const room = memory ? memory.take(total + 1) : Buffer.allocUnsafe(total + 1);
    let release = memory ? (): void => memory.give(room.buffer as ArrayBuffer) : undefined;
    try {
      let at = 0;
      for (const e of files) at += readInto(join(dir, e.path), e.size, room, at);
      const content = room.subarray(0, total);
      const encoding = chooseEncoding(content);
      let bytes = content;
      if (encoding === 'gzip') {
        bytes = await gzipAsync(content, { level: zlib.Z_BEST_SPEED });
        release?.();
        release = undefined;
      }
      const sha256 =
        encoding === 'identity' && files.length === 1
          ? files[0]!.sha256
          : createHash('sha256').update(bytes).digest('hex');
      return { sha256, size: bytes.length, encoding, bytes, ...(release ? { release } : {}) };
    } catch (e) {
      release?.();
      throw e;
    }
  }
  const first = files.find((e) => e.size > 0)!;
  const encoding = chooseEncoding(readHead(join(dir, first.path), SAMPLE));
  const digest = new Digest();
  const sink = new SpillSink(spillFile, IN_MEMORY_ARCHIVE);
  const source = Readable.from(fileBytes(dir, files));
  if (encoding === 'gzip') {
    await pipeline(source, createGzip({ level: zlib.Z_BEST_SPEED, chunkSize: 64 * 1024 }), digest, sink);
  } else await pipeline(source, digest, sink);
  const bytes = sink.bytes();
  return { sha256: digest.hex(), size: digest.size, encoding, ...(bytes ? { bytes } : {}) };
}

/** Writes the archive of the tree at `dir` to `file` (see `packArchive`). */
export async function packTree(dir: string, manifest: Manifest, file: string): Promise<ArchiveInfo> {
  const a = await packArchive(dir, manifest, file);
  if (a.bytes) await writeFile(file, a.bytes);
  return { sha256: a.sha256, size: a.size, encoding: a.encoding };
}

/** The whole of a small file, which must be exactly `size` bytes: one open, one read, one close. */
function readExactly(path: string, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size + 1);
  readInto(path, size, buf, 0);
  return buf.subarray(0, size);
}

/**
 * Reads the file at `path`, which must be exactly `size` bytes, into `buf` from `at` (where `size + 1` bytes
 * must fit: the byte past its end is overwritten, to see whether it grew); answers `size`.
 */
function readInto(path: string, size: number, buf: Buffer, at: number): number {
  const fd = openRegularFile(path);
  try {
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, at + got, size + 1 - got, null);
      if (n === 0) break;
      got += n;
      if (got > size) break;
    }
    if (got !== size) throw new Error(`${path} changed since it was saved (${got} bytes, not ${size})`);
    return size;
  } finally {
    closeSync(fd);
  }
}

function readHead(path: string, n: number): Buffer {
  const fd = openRegularFile(path);
  try {
    const buf = Buffer.allocUnsafe(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/** The files' bytes in order, each checked to be exactly as long as the manifest says. */
async function* fileBytes(dir: string, files: readonly ManifestEntry[]): AsyncGenerator<Buffer> {
  for (const e of files) {
    const path = join(dir, e.path);
    if (e.size <= READ_WHOLE) {
      yield readExactly(path, e.size);
      continue;
    }
    let got = 0;
    for await (const chunk of createReadStream('', {
      fd: openRegularFile(path),
      highWaterMark: 256 * 1024,
    })) {
      got += (chunk as Buffer).length;
      if (got > e.size) break;
      yield chunk as Buffer;
    }
    if (got !== e.size) throw new Error(`${path} changed since it was saved`);
  }
}

/** Keeps what is written in memory up to `limit` bytes, then moves it all to `file` and streams the rest there. */
class SpillSink extends Writable {
  readonly #file: string;
  readonly #limit: number;
  #chunks: Buffer[] = [];
  #size = 0;
  #out: WriteStream | undefined;

  constructor(file: string, limit: number) {
    super();
    this.#file = file;
    this.#limit = limit;
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    if (this.#out === undefined && this.#size + chunk.length <= this.#limit) {
      this.#chunks.push(chunk);
      this.#size += chunk.length;
      cb();
      return;
    }
    let bytes = chunk;
    if (this.#out === undefined) {
      this.#out = createWriteStream(this.#file, { flags: 'wx' });
      // Reported through the write callbacks and `_final`.
      this.#out.on('error', () => undefined);
      bytes = Buffer.concat([...this.#chunks, chunk]);
      this.#chunks = [];
    }
    // One write at a time: its callback carries any error, and nothing piles up in memory.
    this.#out.write(bytes, (e) => cb(e));
  }

  override _final(cb: (e?: Error | null) => void): void {
    if (this.#out === undefined) {
      cb();
      return;
    }
    const out = this.#out;
    out.once('error', cb);
    out.end(() => {
      out.off('error', cb);
      cb();
    });
  }

  override _destroy(e: Error | null, cb: (e?: Error | null) => void): void {
    this.#out?.destroy();
    cb(e);
  }

  /** The archive, when it stayed in memory. */
  bytes(): Buffer | undefined {
    return this.#out === undefined ? Buffer.concat(this.#chunks, this.#size) : undefined;
  }
}

/** Counts and hashes what flows through it. */
class Digest extends Transform {
  readonly #h = createHash('sha256');
  size = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.#h.update(chunk);
    this.size += chunk.length;
    this.push(chunk);
    cb();
  }
  hex(): string {
    return this.#h.digest('hex');
  }
}

/**
 * Reads a whole body of exactly `size` bytes into one buffer of its own (from `memory` when given: memory used
 * before costs no page faults, and a restore of a hundred 4 MB archives otherwise spends more time on them than
 * on the copy). Events, not an async iterator: a promise per chunk costs more than the copy, over a thousand small
 * downloads.
 */
export function readAll(body: Readable, size: number, memory?: MemoryPool): Promise<Result<Buffer, string>> {
  return new Promise((resolve) => {
    // Its own memory, never a slice of a shared ArrayBuffer: it may move to another thread whole.
    const buf = memory ? memory.take(size) : Buffer.allocUnsafeSlow(size);
    let got = 0;
    let done = false;
    const finish = (r: Result<Buffer, string>): void => {
      if (done) return;
      done = true;
      body.off('data', onData);
      resolve(r);
    };
    const onData = (c: Buffer): void => {
      if (got + c.length > size) {
        body.destroy();
        finish(err(`the archive is longer than its record says (${size} bytes)`));
        return;
      }
      c.copy(buf, got);
      got += c.length;
    };
    body.on('data', onData);
    body.once('end', () =>
      finish(got === size ? ok(buf) : err(`the archive is truncated (${got} of ${size} bytes)`)),
    );
    body.once('error', (e) => finish(err(`the download failed: ${e.message}`)));
    // A body that ends early without an error (a dropped connection) still closes.
    body.once('close', () => finish(err(`the archive is truncated (${got} of ${size} bytes)`)));
  });
}

/**
 * Extracts an archive into `dest` (an existing, empty, private directory), checking as it goes: the archive's
 * size must match the record, and every file's bytes the manifest's size and SHA-256 (small archives: each file is
 * checked before it is written). The manifest (already checked: safe relative paths only) says what goes where;
 * directories are made from it, links are made last, so no write ever goes through one. On failure `dest` may
 * hold partial files that the caller removes; nothing is written elsewhere, whatever the archive holds.
 *
 * Every byte restored is checked against the manifest, so the archive's own digest is not computed again: a
 * different archive that restores the same verified files is harmless.
 */
export async function unpackTree(
  body: Readable,
  dest: string,
  manifest: Manifest,
  archive: Pick<ArchiveInfo, 'size' | 'encoding'>,
): Promise<Result<void, string>> {
  const files = filesOf(manifest);
  const total = files.reduce((s, e) => s + e.size, 0);
  const made = new Set<string>([dest]);
  let wrote: Result<void, string>;
  // Whole only when its inflated contents are small too (see RemoteTier.fitsInMemory).
  if (archive.size <= IN_MEMORY_ARCHIVE && total <= IN_MEMORY_ARCHIVE) {
    const raw = await readAll(body, archive.size);
    if (!raw.ok) return raw;
    let content = raw.value;
    if (archive.encoding === 'gzip') {
      try {
        // Never more than the manifest promises: a small archive cannot expand into a huge one.
        content = await gunzipAsync(raw.value, { maxOutputLength: Math.max(1, total) });
      } catch (e) {
        return err(`bad archive: ${(e as Error).message}`);
      }
    }
    if (content.length !== total)
      return err(`the archive holds ${content.length} bytes, the manifest ${total}`);
    wrote = await writeFromBuffer(content, dest, manifest, made);
  } else {
    // Files are checked as their last byte is written: a record declaring more than the disk holds is refused
    // before it fills the disk.
    const free = freeBytes(dest);
    if (free !== undefined && total > free)
      return err(`its ${total} bytes would not fit on the disk (${free} bytes free)`);
    wrote = await writeFromStream(body, dest, manifest, archive, total, made);
  }
  if (!wrote.ok) return wrote;
  try {
    for (const e of manifest.entries) {
      if (e.type !== 'symlink') continue;
      makeDir(dirname(join(dest, e.path)), made);
      symlinkSync(e.target!, join(dest, e.path));
    }
  } catch (x) {
    return err(`could not restore a link: ${(x as Error).message}`);
  }
  return ok(undefined);
}

function makeDir(dir: string, made: Set<string>): void {
  if (made.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  made.add(dir);
}

const failedOn = (e: ManifestEntry, x: unknown): string =>
  `could not write ${JSON.stringify(e.path)}: ${(x as Error).message}`;

/**
 * Every file is checked before anything is written; then the directories, in order, and the files, side by side.
 * Asynchronous: creating files and directories is what a restore of small artifacts mostly costs, and on the
 * thread pool it runs beside the main thread (on the other core) instead of stalling every other transfer.
 */
async function writeFromBuffer(
  content: Buffer,
  dest: string,
  manifest: Manifest,
  made: Set<string>,
): Promise<Result<void, string>> {
  const files: { e: ManifestEntry; bytes: Buffer }[] = [];
  let at = 0;
  for (const e of manifest.entries) {
    if (e.type !== 'file') continue;
    const bytes = content.subarray(at, at + e.size);
    at += e.size;
    if (createHash('sha256').update(bytes).digest('hex') !== e.sha256)
      return err(`${JSON.stringify(e.path)} does not match the manifest`);
    files.push({ e, bytes });
  }
  for (const e of manifest.entries) {
    const path = join(dest, e.path);
    const dir = e.type === 'dir' ? path : e.type === 'file' ? dirname(path) : undefined;
    if (dir === undefined || made.has(dir)) continue;
    try {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    } catch (x) {
      return err(failedOn(e, x));
    }
  }
  const failures = await Promise.all(
    files.map(({ e, bytes }) =>
      // 'wx': a file never replaces anything, nor writes through a path already there.
      writeFile(join(dest, e.path), bytes, { flag: 'wx', mode: e.mode }).then(
        () => undefined,
        (x: unknown) => failedOn(e, x),
      ),
    ),
  );
  const failed = failures.find((f) => f !== undefined);
  return failed === undefined ? ok(undefined) : err(failed);
}

/**
 * Large archives: the body streams (gunzipped when it is gzip) and is cut into the files as it arrives, each
 * written and hashed chunk by chunk; a file is checked when its last byte is written.
 */
async function writeFromStream(
  body: Readable,
  dest: string,
  manifest: Manifest,
  archive: Pick<ArchiveInfo, 'size' | 'encoding'>,
  total: number,
  made: Set<string>,
): Promise<Result<void, string>> {
  const files = filesOf(manifest);
  for (const e of manifest.entries) {
    if (e.type !== 'dir') continue;
    // A name the file system refuses (too long, no room, no access) makes the archive unusable, not the run.
    try {
      makeDir(join(dest, e.path), made);
    } catch (x) {
      return err(failedOn(e, x));
    }
  }
  let raw = 0;
  let index = 0;
  let left = 0;
  let fd: number | undefined;
  let hash = createHash('sha256');
  let problem: string | undefined;
  const open = (): void => {
    // Empty files are complete before any byte arrives.
    while (index < files.length && left === 0 && fd === undefined) {
      const e = files[index]!;
      const path = join(dest, e.path);
      makeDir(dirname(path), made);
      fd = openSync(path, 'wx', e.mode);
      hash = createHash('sha256');
      left = e.size;
      if (left === 0) close();
    }
  };
  const close = (): void => {
    const e = files[index]!;
    closeSync(fd!);
    fd = undefined;
    if (hash.digest('hex') !== e.sha256)
      throw new Error(`${JSON.stringify(e.path)} does not match the manifest`);
    index++;
  };
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      raw += chunk.length;
      if (raw > archive.size)
        cb(new Error(`the archive is longer than its record says (${archive.size} bytes)`));
      else cb(null, chunk);
    },
  });
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      try {
        let at = 0;
        while (at < chunk.length) {
          open();
          if (fd === undefined) throw new Error(`the archive holds more than the manifest's ${total} bytes`);
          const n = Math.min(left, chunk.length - at);
          const part = chunk.subarray(at, at + n);
          hash.update(part);
          for (let done = 0; done < n;) done += writeSync(fd, part, done);
          at += n;
          left -= n;
          if (left === 0) close();
        }
        cb();
      } catch (x) {
        cb(x as Error);
      }
    },
    final(cb) {
      try {
        open();
        cb(index === files.length ? null : new Error('the archive is truncated'));
      } catch (x) {
        cb(x as Error);
      }
    },
  });
  try {
    if (archive.encoding === 'gzip')
      await pipeline(body, counter, createGunzip({ chunkSize: 256 * 1024 }), sink);
    else await pipeline(body, counter, sink);
  } catch (x) {
    problem = (x as Error).message;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (problem === undefined && raw !== archive.size)
    problem = `the archive is truncated (${raw} of ${archive.size} bytes)`;
  return problem === undefined ? ok(undefined) : err(problem);
}
