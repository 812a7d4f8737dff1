import { describe, expect, it } from 'vitest';
import { printable, quoted } from '../../../src/util/printable.js';

describe('printable text', () => {
  it('escapes C0, DEL, C1, line separators and bidirectional controls, and nothing else', () => {
    expect(printable('a\tb\nc\rd\x1b[31m\x7f\u0085\u009b\u2028\u202e\u2066é✓ 日本')).toBe(
      'a\\tb\\nc\\rd\\u001b[31m\\u007f\\u0085\\u009b\\u2028\\u202e\\u2066é✓ 日本',
    );
    expect(printable('back\\slash "quote"')).toBe('back\\slash "quote"');
  });

  it('quotes as JSON does, escaping more', () => {
    expect(quoted('a"b\\c\n\x9b')).toBe('"a\\"b\\\\c\\n\\u009b"');
    expect(quoted('plain')).toBe(JSON.stringify('plain'));
  });

  it('cuts long text and says how long it was', () => {
    expect(printable('x'.repeat(201))).toBe(`${'x'.repeat(200)}… (201 characters)`);
    expect(printable('x'.repeat(200))).toBe('x'.repeat(200));
    expect(quoted('abcdef', 3)).toBe('"abc…" (6 characters)');
    // Never half a surrogate pair.
    expect(printable('ab😀c', 3)).toBe('ab… (5 characters)');
  });
});
