/**
 * A bound on the bytes held in memory at once, shared by whoever holds them: downloaded archives waiting to be
 * written, records fetched whole ahead of their restore.
 *
 * `take` waits for room (first come, first served); `tryTake` takes only what is free now. A request larger than
 * the whole budget is let through alone, when nothing else is held, so that it cannot wait forever.
 */
export class ByteBudget {
  readonly #limit: number;
  #held = 0;
  readonly #waiting: { bytes: number; go(): void }[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Bytes held now. */
  get held(): number {
    return this.#held;
  }

  /** Bytes that could be taken now. */
  get free(): number {
    return Math.max(0, this.#limit - this.#held);
  }

  /** Takes `bytes` if they fit now; the caller gives them back with `give`. */
  tryTake(bytes: number): boolean {
    if (this.#waiting.length > 0 || !this.#fits(bytes)) return false;
    this.#held += bytes;
    return true;
  }

  /** Waits until `bytes` fit, takes them, and answers the function that gives them back (once). */
  async take(bytes: number): Promise<() => void> {
    if (!this.tryTake(bytes)) {
      await new Promise<void>((go) => this.#waiting.push({ bytes, go }));
    }
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.give(bytes);
    };
  }

  give(bytes: number): void {
    this.#held -= bytes;
    while (this.#waiting.length > 0 && this.#fits(this.#waiting[0]!.bytes)) {
      const next = this.#waiting.shift()!;
      this.#held += next.bytes;
      next.go();
    }
  }

  #fits(bytes: number): boolean {
    return this.#held + bytes <= this.#limit || this.#held === 0;
  }
}
