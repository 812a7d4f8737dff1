import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyRecord } from './key-record.js';

/**
 * The last key record of each job name, one small file per name under `<cache-dir>/explain-v1/`. Written when a
 * job is built (temp file and rename: a reader sees the old record or the new one); advisory only — a missing or
 * unreadable record is "never built", never an error.
 */
export class KeyRecordStore {
  readonly #dir: string;
  #made = false;
  /** The record files there were when first asked: one listing instead of a failed open per job never built. */
  #listed: Set<string> | undefined;

  constructor(cacheDir: string) {
    this.#dir = join(cacheDir, 'explain-v1');
  }

  #file(name: string): string {
    return `${createHash('sha1').update(name).digest('hex')}.json`;
  }

  #path(name: string): string {
    return join(this.#dir, this.#file(name));
  }

  read(name: string): KeyRecord | undefined {
    if (this.#listed === undefined) {
      try {
        this.#listed = new Set(readdirSync(this.#dir));
      } catch {
        this.#listed = new Set();
      }
    }
    const file = this.#file(name);
    if (!this.#listed.has(file)) return undefined;
    try {
      const r = JSON.parse(readFileSync(join(this.#dir, file), 'utf8')) as KeyRecord;
      return r.version === 1 && r.name === name ? r : undefined;
    } catch {
      return undefined;
    }
  }

  write(record: KeyRecord): void {
    const path = this.#path(record.name);
    const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      if (!this.#made) mkdirSync(this.#dir, { recursive: true });
      this.#made = true;
      writeFileSync(temp, JSON.stringify(record));
      renameSync(temp, path);
      this.#listed?.add(this.#file(record.name));
    } catch {
      // A record that cannot be written costs a later explanation its detail, nothing else; a full disk must
      // not keep half of it either.
      rmSync(temp, { force: true });
    }
  }
}
