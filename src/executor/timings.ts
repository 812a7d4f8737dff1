import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isAlive } from '../util/is-alive.js';

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
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
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

  record(name: string, durationMs: number): void {
    this.#data.set(name, Math.round(durationMs));
    this.#dirty = true;
  }

  /**
   * Written in line: a small file, whose three calls through the thread pool waited behind the run's other work at
   * its very end. Beside the cache's other files (not a directory of its own): only its own temp files, of writers
   * that were killed before their rename, are removed. A lost hint costs scheduling quality, never correctness.
   */
  flush(): Promise<void> {
    if (!this.#dirty) return Promise.resolve();
    this.#dirty = false;
    const temp = `${this.#path}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.#path), { recursive: true });
      writeFileSync(temp, JSON.stringify(Object.fromEntries(this.#data)));
      renameSync(temp, this.#path);
      this.#removeDeadTemps();
    } catch {
      rmSync(temp, { force: true });
    }
    return Promise.resolve();
  }

  #removeDeadTemps(): void {
    const dir = dirname(this.#path);
    const name = basename(this.#path);
    for (const entry of readdirSync(dir)) {
      if (!entry.startsWith(`${name}.`) || !entry.endsWith('.tmp')) continue;
      const pid = Number(entry.slice(name.length + 1, -'.tmp'.length));
      if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
      rmSync(join(dir, entry), { force: true });
    }
  }
}
