import { describe, expect, it } from 'vitest';
import { backgroundDone, inBackground } from '../../../src/util/background.js';

const later = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('work left in the background', () => {
  it('is awaited to the end, including work it registers as it goes, failures included', async () => {
    const done: string[] = [];
    inBackground(
      later(20).then(() => {
        done.push('first');
        inBackground(later(20).then(() => done.push('second')));
      }),
    );
    inBackground(later(5).then(() => Promise.reject(new Error('a failed clean-up'))));
    await backgroundDone();
    expect(done).toEqual(['first', 'second']);
    // Nothing is left pending: a second wait returns at once.
    await backgroundDone();
  });
});
