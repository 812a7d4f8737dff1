import type { JobKey } from '../src/ids/brands.js';

/** The key of artifact `i` in the github cache benchmarks. */
export const benchKey = (i: number): JobKey =>
  `${i.toString(16).padStart(8, '0')}${'0'.repeat(32)}` as JobKey;
