import { readRegularFile } from '../util/read-own-file.js';
import { writeStateFile } from '../util/state-file.js';

/**
 * Durations of past builds by job name, for critical-path scheduling of jobs that miss the cache.
 * Names, not keys: a key changes with every edit, while a job's cost rarely does.
 */
export interface Timings {
  get(name: string): number | undefined;
  record(name: string, durationMs: number): void;
  flush(): Promise<void>;
}

export const noTimings: Timings = {
  get: () => undefined,
  record: () => undefined,
  flush: () => Promise.resolve(),
};

/** Timings kept in one JSON file, read once and rewritten atomically at the end of a run. */
export class FileTimings implements Timings {
  readonly #path: string;
  readonly #data: Map<string, number>;
  #dirty = false;

  private constructor(path: string, data: Map<string, number>) {
    this.#path = path;
    this.#data = data;
  }

  /** Read at once: whether a run boots its launcher ahead depends on it (a cache that never timed a job). */
  static read(path: string): FileTimings {
    let data = new Map<string, number>();
    try {
      // Not blocking: a FIFO in its place must not hang the run. Another user's file is read: a hint, no more.
      const parsed = JSON.parse(readRegularFile(path) ?? '') as unknown;
      if (parsed && typeof parsed === 'object') {
        data = new Map(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number'));
      }
    } catch {
      // Missing or unreadable: start afresh, timings are only a hint.
    }
    return new FileTimings(path, data);
  }

  get(name: string): number | undefined {
    return this.#data.get(name);
  }

  /** No job was ever timed with this cache: a fresh one (or one whose timings were lost). */
  get empty(): boolean {
    return this.#data.size === 0;
  }

  /**
   * Kept when it is news: a job never timed, or one whose time moved by more than a quarter and 50 ms. A run that
   * rebuilds one leaf in about the time it took before then writes nothing (the file's encoding is a millisecond
   * or two of a short run's end); schedules are drawn from proportions, which such a change does not move.
   */
  record(name: string, durationMs: number): void {
    const ms = Math.round(durationMs);
    const before = this.#data.get(name);
    if (before !== undefined && Math.abs(ms - before) <= Math.max(50, before / 4)) return;
    this.#data.set(name, ms);
    this.#dirty = true;
  }

  /**
   * Written in line (see writeStateFile): a small file, whose three calls through the thread pool waited behind the
   * run's other work at its very end. A lost hint costs scheduling quality, never correctness.
   */
  flush(): Promise<void> {
    if (!this.#dirty) return Promise.resolve();
    this.#dirty = false;
    writeStateFile(this.#path, JSON.stringify(Object.fromEntries(this.#data)));
    return Promise.resolve();
  }
}
