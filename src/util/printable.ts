/**
 * User-given text (job names, paths, IDs, values from a graph) made safe to print: control characters cannot
 * move the cursor, recolour the terminal, start a fake line ("\n0 failed") or reorder what follows, and a huge
 * value cannot flood a message. Every place that prints such text to a terminal, a log or a summary goes through
 * here; the JSON report keeps the text as it is.
 */

/** How many characters of one value a message shows; the rest is cut and its length said. */
export const SHOWN_CHARS = 200;

/**
 * C0 controls, DEL, C1 controls (U+009B is a one-character CSI to some terminals), the line and paragraph
 * separators, and the bidirectional embeddings, overrides and isolates, which reorder the text around them.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_OR_QUOTE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069"\\]/g;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };

function escapeChar(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The first `max` characters of `s`, never ending inside a surrogate pair, or undefined when it fits. */
function cut(s: string, max: number): string | undefined {
  if (s.length <= max) return undefined;
  const end = max > 0 && /[\ud800-\udbff]/.test(s[max - 1]!) ? max - 1 : max;
  return s.slice(0, end);
}

/**
 * `s` with control characters escaped as `\n`, `\u001b` and the like, cut after `max` characters with
 * `… (N characters)`. Unquoted: for names at the start of a line or between fixed words.
 */
export function printable(s: string, max = SHOWN_CHARS): string {
  const head = cut(s, max);
  const text = (head ?? s).replace(UNSAFE, escapeChar);
  return head === undefined ? text : `${text}… (${s.length} characters)`;
}

/**
 * `s` in double quotes, escaped as a JSON string is (plus DEL, C1 controls and bidirectional controls), cut after
 * `max` characters: `"ab…" (10485760 characters)`. For values inside a sentence.
 */
export function quoted(s: string, max = SHOWN_CHARS): string {
  const head = cut(s, max);
  const text = `"${(head ?? s).replace(UNSAFE_OR_QUOTE, escapeChar)}`;
  return head === undefined ? `${text}"` : `${text}…" (${s.length} characters)`;
}

/** UNSAFE less the newline and the tab, which a log's lines keep. */
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** Terminal escape sequences: CSI (colours, cursor moves, erasing), OSC (titles, hyperlinks), and two-byte ones. */
const TERMINAL_ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;

/**
 * A log's text made safe to show as lines (a summary's code block, an annotation): terminal escape sequences and
 * carriage returns taken out (GitHub shows them as text, or as line breaks), every other control character escaped
 * as printable does; newlines and tabs kept. Not cut: the caller takes the lines it shows.
 */
export function printableLines(s: string): string {
  return withoutTerminalEscapes(s).replace(/\r/g, '').replace(UNSAFE_IN_LINES, escapeChar);
}

/** `s` without terminal escape sequences (colours, cursor moves, hyperlinks): what a program meant a terminal to show. */
export function withoutTerminalEscapes(s: string): string {
  return s.replace(TERMINAL_ESCAPES, '');
}
