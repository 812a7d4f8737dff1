import { describe, expect, it } from 'vitest';
import { describeChange, detailLines, explain, oneLine } from '../../../src/explain/explain.js';
import type { KeyRecord } from '../../../src/explain/key-record.js';

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

describe('explanations', () => {
  const rec = (
    name: string,
    key: string,
    inputs: Record<string, string>,
    deps: Record<string, string> = {},
  ): KeyRecord => ({
    version: 1,
    name,
    key,
    salt: 's',
    inputs,
    cmds: [],
    deps,
    outputs: [],
  });

  it('print paths and names with their control characters escaped', () => {
    const path = 'src/esc\u001b]0;title\u0007\u001b[2Jx';
    const phrase = describeChange({ kind: 'input', path, new: `100644 ${blob('a')}` });
    expect(phrase).toBe(`input src/esc\\u001b]0;title\\u0007\\u001b[2Jx added (${blob('a').slice(0, 12)})`);
    const dep = { kind: 'dep' as const, name: 'l\u009bib', because: [] };
    expect(describeChange(dep)).toBe('dependency "l\\u009bib" changed');
    expect(detailLines([dep])).toEqual(['  dependency "l\\u009bib" changed']);
    expect(oneLine([dep])).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('follow a dependency to its root cause through the record of the key the dependent saw', () => {
    // lib rebuilt on its own since app was built: its last record already has its current key, and the
    // record before it has the key app was built with.
    const libOld = rec('lib', 'L1', { 'lib.txt': `100644 ${blob('1')}` });
    const libNow = rec('lib', 'L2', { 'lib.txt': `100644 ${blob('2')}` });
    const appOld = rec('app', 'A1', {}, { lib: 'L1' });
    const appNow = rec('app', 'A2', {}, { lib: 'L2' });
    const current = new Map([
      ['lib', libNow],
      ['app', appNow],
    ]);
    const previous = new Map([
      ['lib', libNow],
      ['app', appOld],
    ]);
    const changes = explain('app', {
      current: (n) => current.get(n),
      previous: (n) => previous.get(n),
      previousWithKey: (n, k) => (n === 'lib' && k === 'L1' ? libOld : undefined),
    });
    expect(changes).toEqual([
      {
        kind: 'dep',
        name: 'lib',
        because: [{ kind: 'input', path: 'lib.txt', old: `100644 ${blob('1')}`, new: `100644 ${blob('2')}` }],
      },
    ]);
  });

  it('tell a moved input from a removed and an added one, and name the output globs that changed', () => {
    const before = {
      ...rec('a', 'K1', { 'src/old.ts': `100644 ${blob('1')}`, 'src/b.ts': `100644 ${blob('2')}` }),
      outputs: ['dist/**'],
    };
    const now = {
      ...rec('a', 'K2', { 'src/new.ts': `100644 ${blob('1')}`, 'src/b.ts': `100644 ${blob('3')}` }),
      outputs: ['out/**'],
    };
    const changes = explain('a', { current: () => now, previous: () => before });
    expect(changes.map(describeChange)).toEqual([
      `input src/b.ts changed (${blob('2').slice(0, 12)} -> ${blob('3').slice(0, 12)})`,
      'input src/old.ts moved to src/new.ts',
      'outputs changed (+"out/**", -"dist/**")',
    ]);
  });
});
