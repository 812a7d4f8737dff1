import type { CacheHit } from '../cache/cache.js';
import type { JobKey } from '../ids/brands.js';

/**
 * How the shards of one run hand single jobs to each other while they run (pipelined plans): the owner
 * publishes a job the moment it is saved, a waiting shard finds it by its key. Apart from the end-of-run
 * publication (packs and index), which stays what the next run reads. The GitHub cache backend is one.
 */
export interface JobExchange {
  /** Publishes a job this runner has just saved to its cache; false when that failed. */
  publish(key: JobKey): Promise<boolean>;
  /** Tells waiters that this runner will not publish `key` (its build failed, was skipped or cancelled). */
  withdraw(key: JobKey): Promise<void>;
  /** Looks once for a published job. */
  find(key: JobKey): Promise<Found>;
}

export type Found =
  | { kind: 'published'; hit: CacheHit }
  /** Its owner said it will not publish it. */
  | { kind: 'withdrawn' }
  /** A publication is there but cannot be used (archive or manifest refused, or this runner's cache is off): looking again will not change that. */
  | { kind: 'refused'; why: string }
  /** Not (yet) there, or the look-up failed: ask again later. */
  | { kind: 'absent' };
