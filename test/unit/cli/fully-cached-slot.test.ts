import { describe, expect, it } from 'vitest';
import { recordFile } from '../../../src/cli/fully-cached.js';

describe("the record of a fully cached run's place", () => {
  it('is chosen by the arguments as well as the source directory: a run of some targets keeps its own', () => {
    const whole = recordFile('/cache', '/src', ['--graph', 'graph.json']);
    expect(whole).toMatch(/^\/cache\/fully-cached-v1\/slot-[0-9a-f]$/);
    expect(recordFile('/cache', '/src', ['--graph', 'graph.json'])).toBe(whole);
    // These three fall in three slots (of sixteen).
    const slots = new Set([
      whole,
      recordFile('/cache', '/src', ['--graph', 'graph.json', 'build']),
      recordFile('/cache', '/src', ['--graph', 'graph.json', 'test']),
    ]);
    expect(slots.size).toBe(3);
  });
});
