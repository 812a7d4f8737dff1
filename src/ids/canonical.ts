import { createHash, type Hash } from 'node:crypto';

/**
 * The canonical encoding that keys are hashed over: a sequence of fields, each written as
 * `<tag> <byte length>\n<bytes>\n`. Length prefixes make it unambiguous (["ab","c"] ≠ ["a","bc"]) without escaping.
 * docs/key-encoding.md describes it byte by byte; golden tests pin it.
 */
export class CanonicalHasher {
  readonly #hash: Hash = createHash('sha1');
  // Fields are gathered into one string and hashed once: one hash update per field measured 3× slower.
  #pending = '';

  field(tag: string, value: string): this {
    this.#pending += `${tag} ${Buffer.byteLength(value, 'utf8')}\n${value}\n`;
    return this;
  }

  /** A list's length, so that a list's end can never be confused with the next field. */
  count(tag: string, n: number): this {
    return this.field(tag, String(n));
  }

  hex(): string {
    return this.#hash.update(this.#pending, 'utf8').digest('hex');
  }
}

/** Sorts by UTF-16 code units: the same order on every machine and locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
