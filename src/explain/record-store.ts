import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

  constructor(cacheDir: string) {
    this.#dir = join(cacheDir, 'explain-v1');
  }

  #path(name: string): string {
    return join(this.#dir, `${createHash('sha1').update(name).digest('hex')}.json`);
  }

  read(name: string): KeyRecord | undefined {
    try {
      const r = JSON.parse(readFileSync(this.#path(name), 'utf8')) as KeyRecord;
      return r.version === 1 && r.name === name ? r : undefined;
    } catch {
      return undefined;
    }
  }

  write(record: KeyRecord): void {
    try {
      if (!this.#made) mkdirSync(this.#dir, { recursive: true });
      this.#made = true;
      const path = this.#path(record.name);
      const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
      writeFileSync(temp, JSON.stringify(record));
      renameSync(temp, path);
    } catch {
      // A record that cannot be written costs a later explanation its detail, nothing else.
    }
  }
}
