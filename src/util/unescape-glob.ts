import { posix } from 'node:path';

/** A glob's literal part as the path it names: `app/\(mkt\)` is the directory `app/(mkt)`. */
export function unescapeGlob(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** An empty, `.` or `..` segment of a path. */
export const ODD_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * What is wrong with the path a normalised glob spells once its escapes are read: `leaves` when it climbs out of its
 * directory, `odd` when it holds another empty, `.` or `..` segment, undefined when neither. `dist\/..\/..\/b/**`
 * normalises as the segments `dist\` and `..\`, yet names `dist/../../b`: its files would be walked, and stale
 * ones removed, two directories up.
 */
export function spelledPathProblem(pattern: string): 'leaves' | 'odd' | undefined {
  // Without escapes, posix.normalize has seen the segments as they are.
  if (!pattern.includes('\\')) return undefined;
  const plain = unescapeGlob(pattern);
  if (!ODD_SEGMENT.test(plain)) return undefined;
  const norm = posix.normalize(plain);
  return norm === '..' || norm.startsWith('../') ? 'leaves' : 'odd';
}

/** The problem of a glob whose escapes spell an empty, `.` or `..` segment (see spelledPathProblem). */
export const oddSegments = (pattern: string): string =>
  `must not spell an empty, "." or ".." path segment with escapes, got ${JSON.stringify(pattern)}`;

/**
 * A path as a glob that matches it alone: the characters picomatch gives meaning to within a path are escaped
 * (`apps/(mkt)` → `apps/\(mkt\)`), and a leading `!`. Not `@`, `+` or `!` elsewhere: they mean something only
 * before a parenthesis, which is escaped. A path without any of these (nearly all) is its own glob, unchanged.
 */
export function escapeGlob(path: string): string {
  return path.replace(/[\\*?[\]{}()|]|^!/g, '\\$&');
}

/** A brace picomatch matches as itself: no list, range, nesting, separator or escape inside (`a{b}`). */
const PLAIN_BRACE = /^\{(?:[^\\{}/,.]|\.(?!\.))*\}/;

/**
 * How much of a pattern is a literal path before anything that can match more than its spelling: the index of the
 * separator ending the last whole segment before it, 0 when it starts in the first segment, and -1 when there is
 * nothing of the kind (the pattern is the path it spells). Read as picomatch reads a pattern, over the whole of
 * it, not segment by segment: a brace's list may hold a separator (`{src/**,package.json}`), an escaped slash
 * separates (`dist\/*.js`), and an unescaped `|` anywhere makes the whole pattern an alternation. Where unsure (a
 * lone trailing backslash, a brace it cannot tell), a glob: a base taken too high only costs a wider walk.
 */
function literalEnd(pattern: string): number {
  if (pattern.startsWith('!')) return 0;
  let separator = 0;
  let end = -1;
  // The previous character when it was not escaped: `+` after a group, a class or a brace is a quantifier in the
  // regular expression picomatch makes.
  let last = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (i === pattern.length - 1) return end < 0 ? separator : end;
      if (pattern[i + 1] === '/') separator = i;
      i++;
      last = '';
      continue;
    }
    if (c === '|') return 0;
    if (end < 0) {
      if (c === '/') separator = i;
      else if (
        c === '*' ||
        c === '?' ||
        c === '[' ||
        c === '(' ||
        (c === '{' && !PLAIN_BRACE.test(pattern.slice(i))) ||
        (c === '+' && (last === ')' || last === ']' || last === '}'))
      )
        end = separator;
    }
    last = c;
  }
  return end;
}

/** Whether a pattern can match more than the one path it spells (picomatch's scan takes `a\{b\}/**` for none). */
export function isGlobPattern(pattern: string): boolean {
  return literalEnd(pattern) >= 0;
}

/**
 * The directory every path a glob matches lies in, as a path on disk: its whole segments before anything that can
 * match more than its spelling (`pkg/a\{b\}/dist/**` → `pkg/a{b}/dist`); a pattern without any is the path it
 * names.
 */
export function globBase(pattern: string): string {
  const end = literalEnd(pattern);
  return unescapeGlob(end < 0 ? pattern : pattern.slice(0, end));
}
