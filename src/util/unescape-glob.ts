/** A glob's literal part as the path it names: `app/\(mkt\)` is the directory `app/(mkt)`. */
export function unescapeGlob(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
