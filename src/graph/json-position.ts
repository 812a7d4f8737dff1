import { MAX_NESTING_DEPTH } from './go-json.js';

/**
 * Where a JSON text goes wrong, as line:column (both from 1; columns count UTF-16 code units, as editors do).
 * The scanner keeps open brackets on a stack of its own, never the JavaScript call stack: the depth is the
 * producer's to choose. Past Go's nesting limit it stops, as Go's scanner does.
 */

/** A line:column position, and its offset in UTF-16 code units. */
export interface JsonPosition {
  line: number;
  column: number;
  offset: number;
}

/**
 * Where a text JSON.parse refused first goes wrong. Node 20's JSON.parse says "at position N" for most errors;
 * for the others ("Unexpected token '}', … is not valid JSON", "Unexpected end of JSON input") a scanner finds the
 * offset itself.
 */
export function jsonErrorLocation(text: string, message = ''): JsonPosition {
  const stated = / at position (\d+)/.exec(message);
  return positionAt(text, stated ? Math.min(Number(stated[1]), text.length) : firstErrorOffset(text));
}

/** The line and column of `offset` in `text`. */
export function positionAt(text: string, offset: number): JsonPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** Thrown inside the scanner with the offset of the first error. */
class ScanError {
  constructor(readonly offset: number) {}
}

/** A validating scanner that builds nothing: the offset of the first error, or the text's length if none. */
function firstErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new ScanError(i);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = (): void => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += m![0].length;
  };
  /**
   * Scans a value up to its first scalar: each container it opens on the way is pushed on `open` (an empty one
   * is read whole), and the scalar that ends the descent is read.
   */
  const valueStart = (open: string[]): void => {
    for (;;) {
      ws();
      const c = text[i];
      if (c === '{' || c === '[') {
        if (open.length >= MAX_NESTING_DEPTH) fail();
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
          return;
        }
        open.push(c);
        if (c === '{') member();
        continue;
      }
      if (c === '"') string();
      else if (c === 't') literal('true');
      else if (c === 'f') literal('false');
      else if (c === 'n') literal('null');
      else number();
      return;
    }
  };
  /** An object member's key and colon; its value follows. */
  const member = (): void => {
    ws();
    string();
    ws();
    if (text[i] !== ':') fail();
    i++;
  };
  try {
    const open: string[] = [];
    valueStart(open);
    // After each value: close finished containers, or go on with the next member or element.
    while (open.length > 0) {
      ws();
      const top = open[open.length - 1]!;
      if (text[i] === ',') {
        i++;
        if (top === '{') member();
        valueStart(open);
      } else if (text[i] === (top === '{' ? '}' : ']')) {
        i++;
        open.pop();
      } else fail();
    }
    ws();
    if (i < text.length) fail();
    return text.length;
  } catch (e) {
    if (e instanceof ScanError) return e.offset;
    throw e;
  }
}
