import { createHash } from 'node:crypto';

/**
 * The canonical encoding that keys are hashed over: a sequence of fields, each written as
 * `<tag> <byte length>\n<bytes>\n`. Length prefixes make it unambiguous (["ab","c"] ≠ ["a","bc"]) without escaping,
 * and lists are preceded by their count so a list's end is never confused with the next field.
 * docs/key-encoding.md describes it byte by byte; golden tests in test/unit/ids/ pin it.
 */
export class CanonicalHasher {
  // Fields are gathered into one string and hashed once: one hash update per field measured 3× slower.
  private pending = '';

  /** Appends one field: a tag and a string value (UTF-8). */
  field(tag: string, value: string): this {
    this.pending += tag + ' ' + utf8Length(value) + '\n' + value + '\n';
    return this;
  }

  /**
   * Appends the fields of one input (`path`, `mode`, `digest`, and `link` when given) in one step: the same bytes
   * as one field() call each, built with one concatenation because this runs once per input of every job (a
   * million times in a large graph). `mode`, `digest` and `link` are ASCII.
   */
  input(path: string, mode: string, digest: string, link?: string): this {
    this.pending +=
      'path ' +
      utf8Length(path) +
      '\n' +
      path +
      '\nmode ' +
      mode.length +
      '\n' +
      mode +
      '\ndigest ' +
      digest.length +
      '\n' +
      digest +
      '\n';
    if (link !== undefined) this.pending += 'link ' + link.length + '\n' + link + '\n';
    return this;
  }

  /** Appends a list's length. */
  count(tag: string, n: number): this {
    return this.field(tag, String(n));
  }

  /** The SHA-1 of everything appended, as 40 lower-case hex characters. */
  hex(): string {
    return createHash('sha1').update(this.pending, 'utf8').digest('hex');
  }

  /** The bytes hashed so far, for documentation and debugging (`disbuild explain`). */
  bytes(): Buffer {
    return Buffer.from(this.pending, 'utf8');
  }
}

/** UTF-8 byte length, without Buffer.byteLength's call cost for the usual all-ASCII string. */
function utf8Length(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return Buffer.byteLength(s, 'utf8');
  return s.length;
}

/** Sorts by UTF-16 code units: the same order on every machine and locale (never localeCompare). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
