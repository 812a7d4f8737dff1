import { describe, expect, it } from 'vitest';
import { ENV_LOOKUP_RETRY_PAUSE_MS, lookupRetryPauses } from '../../../src/cache/github-cache-download.js';
import { ENV_VERIFY_DELAY_MS, verifyDelayFromEnv } from '../../../src/cache/packs/index-sync.js';

describe('the github cache backend’s timing variables', () => {
  it('a lookup retries after 1 s and 2 s unless DISBUILD_GHA_LOOKUP_RETRY_PAUSE_MS sets both pauses', () => {
    expect(lookupRetryPauses({})).toEqual([1000, 2000]);
    expect(lookupRetryPauses({ [ENV_LOOKUP_RETRY_PAUSE_MS]: '50' })).toEqual([50, 50]);
    expect(lookupRetryPauses({ [ENV_LOOKUP_RETRY_PAUSE_MS]: '0' })).toEqual([0, 0]);
    for (const bad of ['', '-1', '1.5', '1s'])
      expect(lookupRetryPauses({ [ENV_LOOKUP_RETRY_PAUSE_MS]: bad }), bad).toEqual([1000, 2000]);
  });

  it('a publish is checked after pauses of its own length unless DISBUILD_GHA_INDEX_CHECK_DELAY_MS fixes them', () => {
    expect(verifyDelayFromEnv({})).toEqual({});
    expect(verifyDelayFromEnv({ [ENV_VERIFY_DELAY_MS]: '50' })).toEqual({ verifyDelayMs: 50 });
    for (const bad of ['', '-1', '0.5', 'soon'])
      expect(verifyDelayFromEnv({ [ENV_VERIFY_DELAY_MS]: bad }), bad).toEqual({});
  });
});
