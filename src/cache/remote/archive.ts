import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, mkdirSync, openSync, writeSync, type WriteStream } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip, deflateRawSync, type Gzip, constants as zlib } from 'node:zlib';
import { create as createTar, Parser, type ReadEntry } from 'tar';
import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';
import type { Manifest, ManifestEntry } from '../cache.js';
import { isSafeRelative } from './remote-record.js';

/** Archives up to this size are kept in memory between packing and uploading; bigger ones go to a file. */
export const IN_MEMORY_ARCHIVE = 4 * 1024 * 1024;

/** A packed archive: its bytes in memory, or (over `IN_MEMORY_ARCHIVE`) in the spill file. */
export interface PackedArchive {
  sha256: string;
  size: number;
  /** Undefined when the archive was written to the spill file. */
  bytes?: Buffer;
}

/**
 * Packs the tree at `dir` (exactly the manifest's entries, in its order) as a gzipped tar, streaming, and answers
 * the archive's SHA-256 and size. Portable and without times, so equal trees give equal archives. The tar is
 * written uncompressed and gzipped by Node's zlib in large chunks on its thread pool: the tar library's own
 * gzip compresses each small write synchronously on the main thread, where the run's jobs are handled.
 */
export async function packArchive(
  dir: string,
  manifest: Manifest,
  spillFile: string,
): Promise<PackedArchive> {
  const paths = ['.', ...manifest.entries.map((e) => e.path)];
  const tar = createTar(
    { cwd: dir, portable: true, noDirRecurse: true, mtime: new Date(0) },
    paths,
  ) as unknown as Readable;
  const digest = new Digest();
  const sink = new SpillSink(spillFile, IN_MEMORY_ARCHIVE);
  await pipeline(tar, new AdaptiveGzip(), digest, sink);
  const bytes = sink.bytes();
  return { sha256: digest.hex(), size: digest.size, ...(bytes ? { bytes } : {}) };
}

/** Writes the archive of the tree at `dir` to `file` (see `packArchive`). */
export async function packTree(
  dir: string,
  manifest: Manifest,
  file: string,
): Promise<{ sha256: string; size: number }> {
  const a = await packArchive(dir, manifest, file);
  if (a.bytes) await writeFile(file, a.bytes);
  return { sha256: a.sha256, size: a.size };
}

/** How much of an archive's start decides how it is compressed. */
const SAMPLE = 8 * 1024;
/** Level 1 shrinking the sample less than this much says the data has few repeats to find. */
const FEW_REPEATS = 0.65;

/**
 * gzip at level 1, or Huffman coding alone for data with few repeats. Deflate spends most of its time looking
 * for repeats, and in random-looking data (compressed files, base64, digests) it finds almost none: there,
 * Huffman coding alone gives the same size for a third of the CPU. Code and text keep level 1, which shrinks
 * them several times more. The archive's first bytes decide, so the same tree still gives the same archive.
 */
class AdaptiveGzip extends Transform {
  #head: Buffer[] = [];
  #headSize = 0;
  #gzip: Gzip | undefined;

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    if (this.#gzip) {
      this.#gzip.write(chunk, (e) => cb(e));
      return;
    }
    this.#head.push(chunk);
    this.#headSize += chunk.length;
    if (this.#headSize < SAMPLE) {
      cb();
      return;
    }
    this.#start().write(Buffer.concat(this.#head), (e) => cb(e));
    this.#head = [];
  }

  override _flush(cb: (e?: Error | null) => void): void {
    const gzip = this.#gzip ?? this.#start();
    if (this.#head.length > 0) gzip.write(Buffer.concat(this.#head));
    this.#head = [];
    gzip.once('end', () => cb());
    gzip.end();
  }

  #start(): Gzip {
    const head = Buffer.concat(this.#head);
    const sample = head.subarray(0, SAMPLE);
    const fewRepeats =
      sample.length >= SAMPLE &&
      deflateRawSync(sample, { level: zlib.Z_BEST_SPEED }).length > FEW_REPEATS * sample.length;
    const gzip = createGzip({
      level: zlib.Z_BEST_SPEED,
      chunkSize: 64 * 1024,
      ...(fewRepeats ? { strategy: zlib.Z_HUFFMAN_ONLY } : {}),
    });
    gzip.on('data', (c: Buffer) => this.push(c));
    gzip.on('error', (e) => this.destroy(e));
    this.#head = [head];
    this.#gzip = gzip;
    return gzip;
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
 * Extracts an archive stream into `dest` (an existing, empty, private directory), checking as it goes:
 * every member must be an entry of the (already checked) manifest with the same type, size and SHA-256; links
 * are created last, from the manifest, so no write ever goes through one; the archive's own size and SHA-256
 * must match the record. On failure `dest` holds partial files that the caller removes; nothing is written
 * elsewhere, whatever the archive holds.
 */
export async function unpackTree(
  body: Readable,
  dest: string,
  manifest: Manifest,
  archive: { sha256: string; size: number },
): Promise<Result<void, string>> {
  const want = new Map(manifest.entries.map((e) => [e.path, e]));
  const seen = new Set<string>();
  const made = new Set<string>();
  const writes: Promise<string | undefined>[] = [];
  let problem: string | undefined;
  // A member whose bytes stop coming (a truncated or corrupt body) would keep its write waiting forever.
  const stop = new AbortController();
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      const p = checkMember(entry, want, seen);
      if (typeof p === 'string') {
        problem ??= p;
        entry.resume();
        return;
      }
      if (p === undefined) {
        entry.resume();
        return;
      }
      writes.push(writeMember(entry, dest, p, stop.signal, made));
    },
  });
  parser.on('warn', (_code: string, message: string) => (problem ??= `bad archive: ${message}`));
  parser.on('error', (e: Error) => (problem ??= `bad archive: ${e.message}`));
  const digest = new Digest();
  try {
    await pipeline(
      body,
      digest,
      createGunzip({ chunkSize: 256 * 1024 }),
      async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) {
          if (problem) throw new Error(problem);
          if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
        }
        await new Promise<void>((r) => {
          parser.once('end', () => r());
          parser.end();
        });
      },
    );
  } catch (e) {
    problem ??= `the download failed: ${(e as Error).message}`;
  }
  if (problem) stop.abort();
  for (const w of await Promise.all(writes)) problem ??= w;
  if (problem) return err(problem);
  if (digest.size !== archive.size || digest.hex() !== archive.sha256)
    return err(`the archive does not match its record (${digest.size} of ${archive.size} bytes)`);
  for (const e of manifest.entries) {
    if (e.type !== 'symlink' && !seen.has(e.path)) return err(`${e.path} is missing from the archive`);
  }
  for (const e of manifest.entries) {
    if (e.type !== 'symlink') continue;
    await mkdir(dirname(join(dest, e.path)), { recursive: true });
    await symlink(e.target!, join(dest, e.path));
  }
  return ok(undefined);
}

/**
 * The manifest entry a member stands for; undefined for members to skip (the root, links, which are made from
 * the manifest); a message for members that must not be there.
 */
function checkMember(
  entry: ReadEntry,
  want: ReadonlyMap<string, ManifestEntry>,
  seen: Set<string>,
): ManifestEntry | string | undefined {
  const path = entry.path.replace(/^\.\//, '').replace(/\/$/, '');
  if (path === '.' || path === '') return entry.type === 'Directory' ? undefined : 'bad archive root';
  const label = JSON.stringify(path);
  const e = want.get(path);
  if (!isSafeRelative(path) || !e) return `the archive holds ${label}, which the manifest does not list`;
  if (seen.has(path)) return `the archive holds ${label} twice`;
  seen.add(path);
  const type =
    entry.type === 'Directory'
      ? 'dir'
      : entry.type === 'SymbolicLink'
        ? 'symlink'
        : entry.type === 'File' || entry.type === 'OldFile' || entry.type === 'ContiguousFile'
          ? 'file'
          : 'other';
  if (type !== e.type) return `the archive holds ${label} as a ${entry.type}, not a ${e.type}`;
  if (type === 'symlink')
    return entry.linkpath === e.target ? undefined : `the link ${label} differs from the manifest`;
  if (type === 'file' && entry.size !== e.size) return `${label} has the wrong size`;
  return e;
}

/**
 * Writes one member, hashing exactly the bytes written. Synchronous writes: a member's chunks arrive from the
 * parser already in memory, and a write into the page cache costs less in line than a thread-pool round trip.
 * Directories made here are remembered in `made`, so each is created once.
 */
function writeMember(
  entry: ReadEntry,
  dest: string,
  e: ManifestEntry,
  signal: AbortSignal,
  made: Set<string>,
): Promise<string | undefined> {
  const path = join(dest, e.path);
  const failed = (x: unknown): string => `could not write ${JSON.stringify(e.path)}: ${(x as Error).message}`;
  const makeDir = (dir: string): void => {
    if (dir === dest || made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
  if (e.type === 'dir') {
    entry.resume();
    try {
      makeDir(path);
      return Promise.resolve(undefined);
    } catch (x) {
      return Promise.resolve(failed(x));
    }
  }
  let fd: number;
  try {
    makeDir(dirname(path));
    // 'wx': a member never replaces anything, so nothing can be written through a path already there.
    fd = openSync(path, 'wx', e.mode);
  } catch (x) {
    entry.resume();
    return Promise.resolve(failed(x));
  }
  return new Promise((resolve) => {
    const h = createHash('sha256');
    let problem: string | undefined;
    let open = true;
    const finish = (answer: string | undefined): void => {
      if (!open) return;
      open = false;
      try {
        closeSync(fd);
      } catch (x) {
        answer ??= failed(x);
      }
      resolve(answer);
    };
    // A member whose bytes stop coming (a truncated or corrupt body) never ends: the abort settles it.
    if (signal.aborted) finish('aborted');
    signal.addEventListener('abort', () => finish('aborted'), { once: true });
    entry.on('data', (chunk: Buffer) => {
      if (problem !== undefined || !open) return;
      try {
        h.update(chunk);
        for (let done = 0; done < chunk.length;) done += writeSync(fd, chunk, done);
      } catch (x) {
        problem = failed(x);
      }
    });
    entry.on('end', () =>
      finish(
        problem ??
          (h.digest('hex') === e.sha256
            ? undefined
            : `${JSON.stringify(e.path)} does not match the manifest`),
      ),
    );
  });
}
