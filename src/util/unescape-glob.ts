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
