/** A glob's literal part as the path it names: `app/\(mkt\)` is the directory `app/(mkt)`. */
export function unescapeGlob(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/**
 * A path as a glob that matches it alone: the characters picomatch gives meaning to within a path are escaped
 * (`apps/(mkt)` → `apps/\(mkt\)`), and a leading `!`. Not `@`, `+` or `!` elsewhere: they mean something only
 * before a parenthesis, which is escaped. A path without any of these (nearly all) is its own glob, unchanged.
 */
export function escapeGlob(path: string): string {
  return path.replace(/[\\*?[\]{}()|]|^!/g, '\\$&');
}

/**
 * Whether one segment of a pattern can match more than its own spelling: an unescaped wildcard, class or group, or a
 * brace with a list or a range in it (picomatch matches `a{b}` as itself). Where unsure (`a[b`), a glob: a base
 * taken too high only costs a wider walk.
 */
function isGlobSegment(segment: string): boolean {
  const s = segment.replace(/\\./g, '');
  return /[*?[(]/.test(s) || (s.includes('{') && /,|\.\./.test(s));
}

/** The index of a pattern's first segment that can match more than its spelling; -1 when none can. */
function firstGlobSegment(segments: readonly string[]): number {
  return segments.findIndex(isGlobSegment);
}

/**
 * Whether a pattern can match more than the one path it spells. picomatch's own scan reads an escaped brace as
 * making the whole pattern no glob (`pkg/a\{b\}/**`), and so a brace without a list (`a{b}/**`), its base the
 * pattern itself.
 */
export function isGlobPattern(pattern: string): boolean {
  return firstGlobSegment(pattern.split('/')) >= 0;
}

/**
 * The directory every path a glob matches lies in, as a path on disk: its segments before the first that can match
 * more than its spelling (`pkg/a\{b\}/dist/**` → `pkg/a{b}/dist`); a pattern without any is the path it names.
 */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const glob = firstGlobSegment(segments);
  return unescapeGlob(glob < 0 ? pattern : segments.slice(0, glob).join('/'));
}
