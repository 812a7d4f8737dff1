/**
 * A bounded pool of slots whose queue is ordered by priority (highest first, then arrival).
 *
 * Deals with: how many tasks (jobs, or commands) run at once and which waiting one goes next.
 * Does not deal with: dependencies — a task is only submitted once its inputs are ready.
 */
export class WorkerPool {
  readonly #size: number;
  #running = 0;
  #seq = 0;
  #drainScheduled = false;
  readonly #queue: { priority: number; seq: number; start: () => void }[] = [];

  constructor(size: number) {
    this.#size = Math.max(1, Math.floor(size));
  }

  get size(): number {
    return this.#size;
  }

  /**
   * Runs `task` when a slot is free and nothing of higher priority waits. The slot is freed when the task ends,
   * or earlier when the task calls `release` (work that follows, such as saving, need not hold it).
   */
  async run<T>(priority: number, task: (release: () => void) => Promise<T>): Promise<T> {
    await this.#acquire(priority);
    let held = true;
    const release = (): void => {
      if (!held) return;
      held = false;
      this.#release();
    };
    try {
      return await task(release);
    } finally {
      release();
    }
  }

  #acquire(priority: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = { priority, seq: this.#seq++, start: resolve };
      // Binary insertion keeps the queue sorted: O(log n) search, and the head is always next.
      let lo = 0;
      let hi = this.#queue.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const other = this.#queue[mid]!;
        if (other.priority > priority || (other.priority === priority && other.seq < entry.seq)) lo = mid + 1;
        else hi = mid;
      }
      this.#queue.splice(lo, 0, entry);
      this.#scheduleDrain();
    });
  }

  // Slots are handed out on the next turn of the event loop, not at once: everything that became ready in this
  // turn is queued by then, so the first jobs started are the most urgent ones, not merely the first to ask.
  #scheduleDrain(): void {
    if (this.#drainScheduled) return;
    this.#drainScheduled = true;
    setImmediate(() => {
      this.#drainScheduled = false;
      this.#drain();
    });
  }

  #release(): void {
    this.#running--;
    this.#drain();
  }

  #drain(): void {
    while (this.#running < this.#size && this.#queue.length > 0) {
      this.#running++;
      this.#queue.shift()!.start();
    }
  }
}
