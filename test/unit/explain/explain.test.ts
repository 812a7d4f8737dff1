import { describe, expect, it } from 'vitest';
import { describeChange } from '../../../src/explain/explain.js';

const blob = (c: string): string => c.repeat(40);

describe('an input change, as a phrase', () => {
  it('names the content when it changed, else the mode, else the link target', () => {
    const change = (old: string, now: string): string =>
      describeChange({ kind: 'input', path: 's.sh', old, new: now });
    expect(change(`100644 ${blob('a')}`, `100644 ${blob('b')}`)).toBe(
      `input s.sh changed (${blob('a').slice(0, 12)} -> ${blob('b').slice(0, 12)})`,
    );
    expect(change(`100644 ${blob('a')}`, `100755 ${blob('a')}`)).toBe(
      'input s.sh changed mode (100644 -> 100755)',
    );
    expect(change(`100644 ${blob('a')} link ${blob('c')}`, `100644 ${blob('a')} link ${blob('d')}`)).toBe(
      `input s.sh changed its link target (${blob('c').slice(0, 12)} -> ${blob('d').slice(0, 12)})`,
    );
    expect(change('missing', `100644 ${blob('a')}`)).toBe(
      `input s.sh changed (missing -> ${blob('a').slice(0, 12)})`,
    );
  });
});
