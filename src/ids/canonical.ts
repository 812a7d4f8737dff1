import { createHash, type Hash } from 'node:crypto';

/**
 * The canonical encoding that keys are hashed over: a sequence of fields, each written as
 * `<tag> <byte length>\n<bytes>\n`. Length prefixes make it unambiguous (["ab","c"] ≠ ["a","bc"]) without escaping.
 * docs/key-encoding.md describes it byte by byte; golden tests pin it.
 */
export class CanonicalHasher {
  readonly #hash: Hash = createHash('sha1');

  field(tag: string, value: string | Buffer): this {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    this.#hash.update(`${tag} ${bytes.length}\n`);
    this.#hash.update(bytes);
    this.#hash.update('\n');
    return this;
  }

  /** A list's length, so that a list's end can never be confused with the next field. */
  count(tag: string, n: number): this {
    return this.field(tag, String(n));
  }

  hex(): string {
    return this.#hash.digest('hex');
  }
}

/** Sorts by UTF-16 code units: the same order on every machine and locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
