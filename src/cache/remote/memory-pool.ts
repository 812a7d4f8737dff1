/**
 * Memory for records fetched whole, used again once their archives are written instead of allocated anew.
 *
 * Deals with: handing out buffers of their own (the whole of an ArrayBuffer is theirs, so they may move to another
 * thread) and taking that memory back. Memory the system has not handed to this process before costs a page fault
 * per page on first use, and a run that restores a thousand small archives would otherwise touch as much new
 * memory as it downloads (and leave the garbage collector that much more to do).
 * Does not deal with: bounding what is in use (the prefetch budget does).
 */
export class MemoryPool {
  readonly #largest: number;
  readonly #keepBytes: number;
  #keptBytes = 0;
  /** What waits in #free: memory given back twice is kept once (else two buffers would share it). */
  readonly #waiting = new WeakSet<ArrayBuffer>();
  /** Free pieces by size: powers of two from SMALLEST, so that a piece is at most twice what it holds. */
  readonly #free = new Map<number, ArrayBuffer[]>();

  /** Buffers up to `largest` bytes come from the pool; at most `keepBytes` of pieces wait to be reused. */
  constructor(largest: number, keepBytes: number) {
    this.#largest = largest;
    this.#keepBytes = keepBytes;
  }

  /** A buffer of `bytes` bytes, in memory of its own (reused when some of its size class was given back). */
  take(bytes: number): Buffer {
    if (bytes > this.#largest) return Buffer.allocUnsafeSlow(bytes);
    const size = pieceSize(bytes);
    const memory = this.#free.get(size)?.pop();
    if (memory === undefined) return Buffer.allocUnsafeSlow(size).subarray(0, bytes);
    this.#keptBytes -= size;
    this.#waiting.delete(memory);
    return Buffer.from(memory, 0, bytes);
  }

  /** Memory no one reads any more (from `take`, or moved back from another thread), to be used again. */
  give(memory: ArrayBuffer): void {
    const size = memory.byteLength;
    if (size !== pieceSize(size) || size > pieceSize(this.#largest)) return;
    if (this.#keptBytes + size > this.#keepBytes || this.#waiting.has(memory)) return;
    this.#waiting.add(memory);
    const free = this.#free.get(size) ?? [];
    free.push(memory);
    this.#free.set(size, free);
    this.#keptBytes += size;
  }
}

const SMALLEST = 64 * 1024;

function pieceSize(bytes: number): number {
  let size = SMALLEST;
  while (size < bytes) size *= 2;
  return size;
}
