import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { removeTree } from '../util/remove-tree.js';
import { inBackground } from '../util/background.js';

/**
 * The per-job temp directories of one run. Every job gets an empty directory of its own; most jobs leave it
 * empty, and such a directory is handed to the next job instead of being removed and another created: on
 * common disks each of those is a fraction of a millisecond of kernel time, paid on the thread that starts jobs.
 */
export class TempDirs {
  readonly #root: string;
  readonly #free: string[] = [];
  #made = 0;

  constructor(root: string) {
    this.#root = root;
  }

  /** An empty directory that no other job holds. */
  take(): string {
    const reused = this.#free.pop();
    if (reused !== undefined) return reused;
    const dir = join(this.#root, String(this.#made++));
    // Writable by this user only whatever the umask: a job writes files there and reads them back.
    mkdirSync(dir, 0o755);
    return dir;
  }

  /** Gives a job's directory back: kept for the next job when the job left it empty, removed otherwise. */
  give(dir: string): void {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    if (names.length === 0) this.#free.push(dir);
    // Read-only directories in it (Go's module cache) are made writable first.
    else inBackground(removeTree(dir));
  }
}
