import { goFold } from './go-json.js';

/**
 * Decodes JSON keeping Go's rule for repeated keys: of the keys of one object that fold to the same name, the
 * last in the document wins; a later `null` leaves an earlier string, number or boolean in place, because Go's
 * decoder leaves such fields unchanged on `null` (it empties only slices, maps and pointers).
 *
 * Only used when JSON.parse's result is ambiguous (two differently cased keys for one field), so it favours
 * plainness over speed. The text is known to be valid JSON: JSON.parse accepted it first.
 */
export function decodeOrdered(text: string): unknown {
  return new Decoder(text).value();
}

const WS = new Set([' ', '\t', '\n', '\r']);

/** A container being filled: an object (with the key whose value comes next) or a list. */
type Open =
  { obj: Record<string, unknown>; keyByFold: Map<string, string>; key: string } | { list: unknown[] };

/** Keeps open containers on a stack of its own, never the call stack: the depth is the producer's choice. */
class Decoder {
  private i = 0;
  constructor(private readonly text: string) {}

  value(): unknown {
    const open: Open[] = [];
    for (;;) {
      let v = this.valueStart(open);
      if (v === OPENED) continue;
      // Hand the value to its container; a container that closes is the value handed to the one around it.
      for (;;) {
        const top = open[open.length - 1];
        if (top === undefined) return v;
        if ('obj' in top) setLast(top.obj, top.keyByFold, top.key, v);
        else top.list.push(v);
        this.ws();
        if (this.text[this.i++] === ',') {
          if ('obj' in top) top.key = this.key();
          break;
        }
        open.pop();
        v = 'obj' in top ? top.obj : top.list;
      }
    }
  }

  /** A scalar or an empty container; or, for a container with members, `OPENED` after pushing it. */
  private valueStart(open: Open[]): unknown {
    this.ws();
    const c = this.text[this.i];
    if (c === '{') {
      this.i++;
      this.ws();
      const obj = Object.create(null) as Record<string, unknown>;
      if (this.text[this.i] === '}') {
        this.i++;
        return obj;
      }
      open.push({ obj, keyByFold: new Map(), key: this.key() });
      return OPENED;
    }
    if (c === '[') {
      this.i++;
      this.ws();
      if (this.text[this.i] === ']') {
        this.i++;
        return [];
      }
      open.push({ list: [] });
      return OPENED;
    }
    if (c === '"') return this.string();
    return this.scalar();
  }

  /** An object member's key and its colon. */
  private key(): string {
    this.ws();
    const key = this.string();
    this.ws();
    this.i++; // ':'
    return key;
  }

  private ws(): void {
    while (WS.has(this.text[this.i] ?? '')) this.i++;
  }

  private string(): string {
    const start = this.i;
    this.i++;
    while (this.text[this.i] !== '"') this.i += this.text[this.i] === '\\' ? 2 : 1;
    this.i++;
    return JSON.parse(this.text.slice(start, this.i)) as string;
  }

  private scalar(): unknown {
    const m = /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(this.text.slice(this.i, this.i + 400))!;
    this.i += m[0].length;
    return JSON.parse(m[0]);
  }
}

const OPENED = Symbol('opened');

function setLast(
  obj: Record<string, unknown>,
  keyByFold: Map<string, string>,
  key: string,
  v: unknown,
): void {
  const fold = goFold(key);
  const earlier = keyByFold.get(fold);
  if (earlier !== undefined) {
    const old = obj[earlier];
    if (v === null && old !== null && typeof old !== 'object') return;
    delete obj[earlier];
  }
  keyByFold.set(fold, key);
  obj[key] = v;
}
