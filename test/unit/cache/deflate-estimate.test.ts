import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, constants as zlib } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { estimateDeflatedSize } from '../../../src/cache/remote/deflate-estimate.js';

const SAMPLE = 2048;
const deflated = (b: Buffer): number => deflateRawSync(b, { level: zlib.Z_BEST_SPEED }).length;

/** The first 2 KiB of the files of this repository's sources and tests, and of its dependencies' packages. */
function heads(dir: string, into: Buffer[], limit: number): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (into.length >= limit) return;
    const p = join(dir, e.name);
    if (e.isDirectory()) heads(p, into, limit);
    else if (e.isFile() && statSync(p).size >= 512) into.push(readFileSync(p).subarray(0, SAMPLE));
  }
}

describe('estimateDeflatedSize', () => {
  it('tells what compresses from what does not, as deflate at level 1 would', () => {
    const kinds: [string, Buffer, boolean][] = [
      ['random bytes', randomBytes(SAMPLE), false],
      ['base64', Buffer.from(randomBytes(1536).toString('base64')), false],
      ['hex digests', Buffer.from(randomBytes(1024).toString('hex')), true],
      ['zeros', Buffer.alloc(SAMPLE), true],
      [
        'JSON',
        Buffer.from(JSON.stringify(Array.from({ length: 60 }, (_, i) => ({ id: i, name: `n${i}` })))),
        true,
      ],
      ['source', readFileSync(new URL(import.meta.url)).subarray(0, SAMPLE), true],
      // Repeats made of short repeats (raw image rows): matches of the same length and distance cost deflate a
      // few bits each, not the price of an average match.
      [
        'runs of 5 equal bytes',
        Buffer.from(Array.from({ length: SAMPLE }, (_, i) => (Math.floor(i / 5) * 151 + 7) & 255)),
        true,
      ],
      [
        'pixels, each twice',
        Buffer.from(
          Array.from(
            { length: SAMPLE },
            (_, i) => [(i & ~7) * 37, (i & ~7) * 91 + 3, (i & ~7) * 13 + 5, 255][i % 4]! & 255,
          ),
        ),
        true,
      ],
      // Few symbols: each costs deflate about a bit.
      ['two symbols at random', Buffer.from(Array.from(randomBytes(SAMPLE), (b) => (b & 1 ? 255 : 0))), true],
    ];
    for (const [kind, bytes, compresses] of kinds) {
      const ratio = estimateDeflatedSize(bytes) / bytes.length;
      expect({ kind, compresses: ratio <= 0.65 }).toEqual({ kind, compresses });
      expect(Math.abs(ratio - deflated(bytes) / bytes.length), kind).toBeLessThan(0.2);
    }
  });

  it('stays close to zlib on real files', () => {
    const samples: Buffer[] = [];
    for (const dir of ['src', 'test', 'node_modules/@actions', 'node_modules/undici'])
      heads(join(import.meta.dirname, '../../..', dir), samples, samples.length + 300);
    expect(samples.length).toBeGreaterThan(500);
    let sameSide = 0;
    for (const s of samples) {
      const estimate = estimateDeflatedSize(s) / s.length;
      const real = deflated(s) / s.length;
      expect(Math.abs(estimate - real)).toBeLessThan(0.1);
      if (estimate <= 0.65 === real <= 0.65) sameSide++;
    }
    expect(sameSide / samples.length).toBeGreaterThan(0.99);
  });
});
