/**
 * Go's encoding/json conventions over decoded JSON: struct fields match keys case-insensitively, `null` is an
 * empty slice or map, unknown keys are ignored, and when several keys match one field the last one in the
 * document wins (Go decodes keys in order, each overwriting the field).
 *
 * JSON.parse keeps a key's first position but its last value, so when two differently cased keys match the same
 * field the document order is lost. `readStruct` notices that case and says so; the caller then decodes the text
 * again with `decodeOrdered` (go-decode.ts), which keeps Go's order. Graph producers written in Go never emit
 * such keys, so the fast path is the only one that matters for speed.
 */

/**
 * Go's case folding of a key, as `encoding/json` matches keys to fields (`unicode.ToUpper(unicode.ToLower(r))`
 * per rune): ASCII case, plus the four non-ASCII letters that fold onto ASCII ones, the long s (ſ), the dotless
 * and the dotted capital i (ı, İ) and the Kelvin sign (U+212A). They are replaced before lower-casing, because
 * JavaScript lower-cases İ to two characters.
 */
export function goFold(key: string): string {
  return key.replace(/[\u017f\u0131\u0130\u212a]/g, (c) => NON_ASCII_FOLDS[c]!).toLowerCase();
}

const NON_ASCII_FOLDS: Record<string, string> = {
  '\u017f': 's',
  '\u0131': 'i',
  '\u0130': 'i',
  '\u212a': 'k',
};

/**
 * Go's encoding/json refuses a document nested more deeply than this anywhere, unknown keys included
 * (`maxNestingDepth` in encoding/json/scanner.go, since Go 1.15). So do we: a graph Go cannot read is not one.
 */
export const MAX_NESTING_DEPTH = 10_000;

/** The values of a struct's fields, plus whether two keys of the object matched one field. */
export interface StructFields<F extends string> {
  values: Partial<Record<F, unknown>>;
  ambiguous: boolean;
  /** Unknown keys whose values nest past `MAX_NESTING_DEPTH`. */
  tooDeep: string[];
}

/** A struct's field names by folded key, built once per struct type. */
export type StructType<F extends string> = ReadonlyMap<string, F>;

/** Describes a Go struct by its field names. */
export function structType<F extends string>(...fields: F[]): StructType<F> {
  // Exact spellings first: producers write the Go field names, so most keys are found without folding.
  return new Map([
    ...fields.map((f): [string, F] => [f, f]),
    ...fields.map((f): [string, F] => [goFold(f), f]),
  ]);
}

/**
 * Reads a JSON object as the Go struct `type` would be decoded: one `Object.keys` walk per object. `depth` is the
 * object's own nesting depth in the document (the top-level object's is 1). The values of known fields are the
 * caller's to check (a value nested where a field expects a string or a list of strings is a type error anyway);
 * unknown keys' values, which Go skips but still scans, are checked against its nesting limit here.
 */
export function readStruct<F extends string>(
  obj: Record<string, unknown>,
  type: StructType<F>,
  depth: number,
): StructFields<F> {
  const values: Partial<Record<F, unknown>> = {};
  let ambiguous = false;
  const tooDeep: string[] = [];
  for (const key of Object.keys(obj)) {
    const f = type.get(key) ?? type.get(goFold(key));
    if (f === undefined) {
      if (nestsDeeperThan(obj[key], MAX_NESTING_DEPTH - depth)) tooDeep.push(key);
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(values, f)) ambiguous = true;
    values[f] = obj[key];
  }
  return { values, ambiguous, tooDeep };
}

/** Whether `v` has more than `levels` levels of objects and lists, walked level by level (no recursion). */
export function nestsDeeperThan(v: unknown, levels: number): boolean {
  let level: object[] = typeof v === 'object' && v !== null ? [v] : [];
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > levels) return true;
    const next: object[] = [];
    for (const container of level) {
      for (const child of Object.values(container))
        if (typeof child === 'object' && child !== null) next.push(child as object);
    }
    level = next;
  }
  return false;
}

/** True for a JSON object (not null, not a list). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON type name for messages: "a number", "an object". */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}
