import { describe, expect, it } from 'vitest';
import { ENV_LOOKUP_RETRY_PAUSE_MS, lookupRetryPauses } from '../../../src/cache/github-cache-download.js';
import {
  ENV_SAVE_RETRY_PAUSE_MS,
  ENV_VERIFY_DELAY_MS,
  saveRetryPausesFromEnv,
  verifyDelayFromEnv,
} from '../../../src/cache/packs/index-sync.js';

describe('the github cache backend’s timing variables', () => {
  it('a lookup retries after 1 s and 2 s unless DISBUILD_GHA_LOOKUP_RETRY_PAUSE_MS sets both pauses', () => {
    expect(lookupRetryPauses({})).toEqual([1000, 2000]);
    expect(lookupRetryPauses({ [ENV_LOOKUP_RETRY_PAUSE_MS]: '50' })).toEqual([50, 50]);
    expect(lookupRetryPauses({ [ENV_LOOKUP_RETRY_PAUSE_MS]: '0' })).toEqual([0, 0]);
    for (const bad of ['', '-1', '1.5', '1s', '2147483648'])
      expect(lookupRetryPauses({ [ENV_LOOKUP_RETRY_PAUSE_MS]: bad }), bad).toEqual([1000, 2000]);
  });

  it('a publish is checked after pauses of its own length unless DISBUILD_GHA_INDEX_CHECK_DELAY_MS fixes them', () => {
    expect(verifyDelayFromEnv({})).toEqual({});
    expect(verifyDelayFromEnv({ [ENV_VERIFY_DELAY_MS]: '50' })).toEqual({ verifyDelayMs: 50 });
    for (const bad of ['', '-1', '0.5', 'soon', '99999999999'])
      expect(verifyDelayFromEnv({ [ENV_VERIFY_DELAY_MS]: bad }), bad).toEqual({});
  });

  it('a refused save is tried again after 1 s and 3 s unless DISBUILD_GHA_SAVE_RETRY_PAUSE_MS sets both pauses', () => {
    expect(saveRetryPausesFromEnv({})).toEqual({});
    expect(saveRetryPausesFromEnv({ [ENV_SAVE_RETRY_PAUSE_MS]: '100' })).toEqual({
      saveRetryPausesMs: [100, 100],
    });
    for (const bad of ['', '-1', '0.5', 'soon', '99999999999'])
      expect(saveRetryPausesFromEnv({ [ENV_SAVE_RETRY_PAUSE_MS]: bad }), bad).toEqual({});
  });
});
