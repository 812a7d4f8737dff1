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
  const d = new Decoder(text);
  return d.value();
}

const WS = new Set([' ', '\t', '\n', '\r']);

class Decoder {
  private i = 0;
  constructor(private readonly text: string) {}

  value(): unknown {
    this.ws();
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.list();
    if (c === '"') return this.string();
    return this.scalar();
  }

  private ws(): void {
    while (WS.has(this.text[this.i] ?? '')) this.i++;
  }

  private object(): Record<string, unknown> {
    const obj = Object.create(null) as Record<string, unknown>;
    const keyByFold = new Map<string, string>();
    this.i++;
    this.ws();
    if (this.text[this.i] === '}') {
      this.i++;
      return obj;
    }
    for (;;) {
      this.ws();
      const key = this.string();
      this.ws();
      this.i++; // ':'
      const v = this.value();
      setLast(obj, keyByFold, key, v);
      this.ws();
      if (this.text[this.i++] === '}') return obj;
    }
  }

  private list(): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.ws();
    if (this.text[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      if (this.text[this.i++] === ']') return out;
    }
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
