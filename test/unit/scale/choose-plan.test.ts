import { describe, expect, it } from 'vitest';
import {
  choosePlan,
  MIN_KNOWN_SHARE,
  peakPerMinute,
  unrecordedSeconds,
} from '../../../src/scale/choose-plan.js';
import type { WorkItem } from '../../../src/scale/partition.js';
import { prng } from '../../../bench/workspace.js';

/** A band like the benchmark graph's: up to 3 deps among the 40 previous items, 5–60 s each. */
function band(n: number): WorkItem[] {
  const rand = prng(42);
  return Array.from({ length: n }, (_, i) => {
    const deps = new Set<number>();
    const count = i === 0 ? 0 : Math.floor(rand() * 4);
    for (let d = 0; d < count; d++) deps.add(Math.max(0, i - 1 - Math.floor(rand() * Math.min(i, 40))));
    return { id: `p${i}`, deps: [...deps].sort((a, b) => a - b), seconds: 5 + Math.round(rand() * 55) };
  });
}

const shape = { startupSeconds: 30, maxShards: 8, cores: 2, latencySeconds: 15 };

describe('plan-mode auto', () => {
  it('pipelines a band whose durations are recorded: far faster than a trunk there', () => {
    const items = band(300);
    const c = choosePlan(items, { ...shape, known: items.length });
    expect(c.style).toBe('pipelined');
    expect(c.why).toMatch(/^estimated \d+ s pipelined against \d+ s with a trunk$/);
  });

  it('plans a trunk when some but most durations are unknown: the median of a few is a poor guess', () => {
    const items = band(300);
    const c = choosePlan(items, { ...shape, known: 1 });
    expect(c.style).toBe('trunk');
    expect(c.why).toBe('the durations of 299 of 300 missed jobs are not recorded yet');
    const some = Math.ceil(items.length * MIN_KNOWN_SHARE) - 1;
    expect(choosePlan(band(300), { ...shape, known: some }).style).toBe('trunk');
    expect(choosePlan(band(300), { ...shape, known: some + 1 }).style).toBe('pipelined');
  });

  it('pipelines a first run (nothing recorded) with every job weighed at twice the latency', () => {
    const items = band(300).map((it) => ({ ...it, seconds: unrecordedSeconds(shape.latencySeconds) }));
    expect(unrecordedSeconds(15)).toBe(30);
    const c = choosePlan(items, { ...shape, known: 0 });
    expect(c.style).toBe('pipelined');
  });

  it('plans a trunk when a pipelined plan would publish more jobs a minute than the service takes', () => {
    // A band of short jobs over many runners: hundreds of publications in the first minutes.
    const fast = band(3000).map((it) => ({ ...it, seconds: 1 + (it.seconds % 5) }));
    const c = choosePlan(fast, { ...shape, maxShards: 16, known: fast.length });
    expect(c.style).toBe('trunk');
    expect(c.why).toMatch(
      /^a pipelined plan would publish up to \d+ jobs a minute, more than the cache service takes$/,
    );
    expect(peakPerMinute([0, 10, 59.9, 60, 200])).toBe(3);
  });

  it('plans a trunk where nothing crosses shards worth pipelining: a fan, a chain, an empty plan', () => {
    const fan: WorkItem[] = [
      { id: 'root', deps: [], seconds: 60 },
      ...Array.from({ length: 200 }, (_, i) => ({ id: `leaf${i}`, deps: [0], seconds: 30 })),
    ];
    const f = choosePlan(fan, { ...shape, known: fan.length });
    expect(f.style).toBe('trunk');
    if (f.style === 'trunk') expect(f.partition.shards.length).toBeGreaterThan(1);
    const chain = Array.from({ length: 50 }, (_, i) => ({
      id: `c${i}`,
      deps: i ? [i - 1] : [],
      seconds: 10,
    }));
    expect(choosePlan(chain, { ...shape, known: chain.length })).toMatchObject({
      style: 'trunk',
      why: 'one runner builds it all soonest',
    });
    expect(choosePlan([], { ...shape, known: 0 }).style).toBe('trunk');
  });
});
