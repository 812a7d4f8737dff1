import { describe, expect, it } from 'vitest';
import { defaultLeaseMs, ENV_LEASE_MS } from '../../../src/coordinator/shared-coordinator.js';

describe('the lease of a server a process starts', () => {
  it('is 10 s unless DISBUILD_COORDINATOR_LEASE_MS sets a positive number of milliseconds', () => {
    expect(defaultLeaseMs({})).toBe(10_000);
    expect(defaultLeaseMs({ [ENV_LEASE_MS]: '500' })).toBe(500);
    for (const bad of ['', '0', '-5', '1.5', '2s', ' 500', '2147483648'])
      expect(defaultLeaseMs({ [ENV_LEASE_MS]: bad }), bad).toBe(10_000);
  });
});
