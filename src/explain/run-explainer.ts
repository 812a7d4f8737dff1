import type { Graph, Job, JobLabel } from '../graph/model.js';
import type { JobKey } from '../ids/brands.js';
import type { InputState } from '../ids/input-state.js';
import { type Change, explain, oneLine, type RecordLookup } from './explain.js';
import { keyRecord, type KeyRecord, parseKeyRecord } from './key-record.js';
import type { KeyRecordStore } from './record-store.js';

/**
 * One run's explanations: this run's key records (made on demand from the digests the keys were computed from)
 * against the stored ones, and storing the records of the jobs it builds.
 *
 * Deals with: records by job name, lazily (a fully cached run makes none). Does not deal with: rendering.
 */
export class RunExplainer implements RecordLookup {
  readonly #graph: Graph;
  readonly #salt: string;
  readonly #store: KeyRecordStore;
  readonly #byName = new Map<string, Job>();
  readonly #current = new Map<string, KeyRecord>();
  readonly #previous = new Map<string, KeyRecord | undefined>();
  #digests: ReadonlyMap<string, InputState> = new Map();
  #keys: ReadonlyMap<JobLabel, JobKey> = new Map();

  constructor(graph: Graph, salt: string, store: KeyRecordStore) {
    this.#graph = graph;
    this.#salt = salt;
    this.#store = store;
    for (const j of graph.jobs) if (!this.#byName.has(j.name)) this.#byName.set(j.name, j);
  }

  /** For EngineDeps.onKeyed. */
  readonly onKeyed = (
    digests: ReadonlyMap<string, InputState>,
    keys: ReadonlyMap<JobLabel, JobKey>,
  ): void => {
    this.#digests = digests;
    this.#keys = keys;
  };

  current(name: string): KeyRecord | undefined {
    let r = this.#current.get(name);
    const job = this.#byName.get(name);
    if (r === undefined && job !== undefined && this.#keys.has(job.label)) {
      r = keyRecord(this.#graph, job, this.#digests, this.#keys, this.#salt);
      this.#current.set(name, r);
    }
    return r;
  }

  previous(name: string): KeyRecord | undefined {
    if (!this.#previous.has(name)) {
      this.#previous.set(name, this.#store.read(name));
      this.#looked.add(name);
    }
    return this.#previous.get(name);
  }

  previousWithKey(name: string, key: string): KeyRecord | undefined {
    return this.#store.readWithKey(name, key);
  }

  /** Names whose stored record was looked up (locally) since the last `preload` round. */
  readonly #looked = new Set<string>();

  /**
   * Takes the stored records of `names`, and of the dependencies their explanations reach, from a shared
   * cache (the GitHub cache's index: a fresh runner has no local records). A record found there replaces the
   * local one: it is the last one of the cache this run reads. Call before `reason`, after the run.
   */
  async preload(
    names: readonly string[],
    fetch: (names: string[]) => Promise<ReadonlyMap<string, unknown>>,
  ): Promise<void> {
    const asked = new Set<string>();
    let wanted = [...new Set(names)];
    while (wanted.length > 0) {
      for (const n of wanted) asked.add(n);
      const found = await fetch(wanted).catch(() => new Map<string, unknown>());
      for (const [n, r] of found) {
        const record = parseKeyRecord(n, r);
        if (record) this.#previous.set(n, record);
      }
      // Explaining them reaches the dependencies whose keys changed: their records are asked for next.
      this.#looked.clear();
      for (const n of names) this.changes(n);
      wanted = [...this.#looked].filter((n) => !asked.has(n));
    }
  }

  changes(name: string): Change[] {
    return explain(name, this);
  }

  reason(name: string): string {
    return oneLine(this.changes(name));
  }

  /**
   * Called when a job was built: its record becomes the one later runs compare with. Queued for the journal at
   * once, so that a run killed later keeps it (see record-store.ts); this run still explains against the records
   * from before it.
   */
  recordBuilt(name: string): void {
    const r = this.current(name);
    if (r) this.#store.write(r);
  }

  /** The run is over: the records still queued are written. */
  flush(): void {
    this.#store.flush(true);
  }
}
