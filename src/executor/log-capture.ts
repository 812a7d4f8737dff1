import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Past this size, a job's stdout (or stderr) goes to a file instead of memory. */
export const SPILL_BYTES = 16 * 1024 * 1024;

/** What is kept in memory of a spilled log, at each end: what reports show (the head) and tails show. */
export const KEPT_BYTES = 1024 * 1024;

/** A captured log: all of it in memory, or (spilled) its two ends in memory and all of it in `file`. */
export interface CapturedLog {
  /** The whole log; when spilled, its first and last `KEPT_BYTES` around a line saying what was left out. */
  bytes: Buffer;
  /** Set when spilled: the file holding the whole log. */
  file?: string;
  /** The whole log's size. */
  size: number;
}

/**
 * Collects one stream of a job's output. Up to `limit` bytes it keeps chunks in memory; past that it writes
 * them to a file in `spillDir` and keeps only the head and the tail, so a job that prints gigabytes costs a
 * file, not memory for the rest of the run. Should the file fail (a full disk), it keeps everything in memory.
 */
export class LogCapture {
  readonly #spillDir: string | undefined;
  readonly #limit: number;
  #chunks: Buffer[] = [];
  #size = 0;
  #fd: number | undefined;
  #file: string | undefined;
  #head = Buffer.alloc(0);
  #tail: Buffer[] = [];
  #tailSize = 0;

  constructor(spillDir: string | undefined, limit = SPILL_BYTES) {
    this.#spillDir = spillDir;
    this.#limit = limit;
  }

  push(chunk: Buffer): void {
    this.#size += chunk.length;
    if (this.#fd === undefined) {
      this.#chunks.push(chunk);
      if (this.#size > this.#limit && this.#spillDir !== undefined) this.#spill(this.#spillDir);
      return;
    }
    try {
      writeAll(this.#fd, chunk);
    } catch {
      this.#unspill();
      this.#chunks.push(chunk);
      return;
    }
    this.#keepTail(chunk);
  }

  #spill(dir: string): void {
    const whole = Buffer.concat(this.#chunks);
    try {
      mkdirSync(dir, { recursive: true });
      this.#file = join(dir, `log-${randomBytes(6).toString('hex')}`);
      this.#fd = openSync(this.#file, 'w', 0o600);
      writeAll(this.#fd, whole);
    } catch {
      this.#unspill();
      this.#chunks = [whole];
      return;
    }
    this.#head = Buffer.from(whole.subarray(0, KEPT_BYTES));
    this.#chunks = [];
    this.#keepTail(whole);
  }

  /** Back to memory only (the file could not be written): the file is no longer the whole log. */
  #unspill(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    this.#file = undefined;
  }

  #keepTail(chunk: Buffer): void {
    this.#tail.push(chunk.length > KEPT_BYTES ? Buffer.from(chunk.subarray(-KEPT_BYTES)) : chunk);
    this.#tailSize += this.#tail.at(-1)!.length;
    while (this.#tailSize - this.#tail[0]!.length >= KEPT_BYTES) this.#tailSize -= this.#tail.shift()!.length;
  }

  /** The captured log; call once, when the job's commands are done. */
  finish(): CapturedLog {
    if (this.#fd === undefined || this.#file === undefined) {
      return { bytes: Buffer.concat(this.#chunks), size: this.#size };
    }
    closeSync(this.#fd);
    this.#fd = undefined;
    const tail = Buffer.concat(this.#tail);
    const keep = Math.min(KEPT_BYTES, this.#size - this.#head.length);
    const kept = tail.subarray(tail.length - keep);
    const left = this.#size - this.#head.length - kept.length;
    const note = Buffer.from(`\n[… ${left} bytes left out here (${this.#size} in all) …]\n`);
    return { bytes: Buffer.concat([this.#head, note, kept]), file: this.#file, size: this.#size };
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off);
}
