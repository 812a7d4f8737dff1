/**
 * The text without a leading byte order mark, which some editors write at the start of a UTF-8 file: JSON.parse
 * refuses it, while npm and TypeScript read such a package.json or tsconfig.json as if it were not there.
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
