import type { Cache, CacheHit, SaveOutcome } from './cache.js';
import type { JobKey } from '../ids/brands.js';

/** `--cache none`: every lookup misses, every save is declined. */
export class NullCache implements Cache {
  lookup(): Promise<Map<JobKey, CacheHit>> {
    return Promise.resolve(new Map());
  }
  save(): Promise<SaveOutcome> {
    return Promise.resolve({ saved: false, reason: 'disabled' });
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
