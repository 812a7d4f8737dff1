import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryStore, SaveResult } from './entry-store.js';

/** Fixed transfer directory (relative to the workspace): the store derives an entry's version from it. */
export const RECORDS_DIR = '.disbuild-cache/records';

/**
 * The key records of the jobs a run built (what `disbuild explain` compares a job's key with), saved as one
 * entry per run beside its packs, so that a fresh runner can say why a job ran. The index only names, per job
 * name, the entry holding its last record (`rec` of its duration): every run downloads the index, while an
 * entry of records is downloaded only by a run that must explain a job it builds.
 *
 * Deals with: the entry's file, saving it, fetching and reading entries once per run. Does not deal with: what
 * a record holds (opaque JSON here; src/explain checks it), the index.
 */
export class KeyRecordEntries {
  readonly #store: EntryStore;
  readonly #workDir: string;
  readonly #entries = new Map<string, Promise<Record<string, unknown>>>();

  constructor(store: EntryStore, workDir: string) {
    this.#store = store;
    this.#workDir = workDir;
  }

  /** Saves `records` (job name → record) from the workspace under `key`. */
  static async save(
    workspace: string,
    records: ReadonlyMap<string, unknown>,
    saveEntry: (dir: string) => Promise<SaveResult>,
  ): Promise<SaveResult> {
    const dir = join(workspace, RECORDS_DIR);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(
        join(dir, 'records.json'),
        JSON.stringify({ version: 1, records: Object.fromEntries(records) }),
      );
      return await saveEntry(RECORDS_DIR);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** The records of entry `key` by job name; empty when it is gone, unreadable or the service fails. */
  read(key: string): Promise<Record<string, unknown>> {
    let p = this.#entries.get(key);
    if (!p) {
      p = this.#fetch(key).catch(() => ({}));
      this.#entries.set(key, p);
    }
    return p;
  }

  async #fetch(key: string): Promise<Record<string, unknown>> {
    mkdirSync(this.#workDir, { recursive: true, mode: 0o700 });
    const into = join(this.#workDir, `records-${randomBytes(6).toString('hex')}`);
    try {
      const r = await this.#store.fetch(RECORDS_DIR, key, into);
      const file = join(into, 'records.json');
      if (r.kind !== 'hit' || r.key !== key || !existsSync(file)) return {};
      const j = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; records?: unknown };
      const records = j.records;
      return j.version === 1 && typeof records === 'object' && records !== null && !Array.isArray(records)
        ? (records as Record<string, unknown>)
        : {};
    } finally {
      rmSync(into, { recursive: true, force: true });
    }
  }
}
