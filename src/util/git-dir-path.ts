import { unescapeGlob } from './unescape-glob.js';

/**
 * Whether a relative path or glob names something inside a `.git` directory (the repository's or a nested one's):
 * outputs there would be cleared and restored like any others, deleting git's own files. Case-insensitively, as
 * macOS and Windows find `.GIT` to be `.git`.
 */
export function insideGitDir(pattern: string): boolean {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  return unescapeGlob(body)
    .split('/')
    .some((segment) => segment.toLowerCase() === '.git');
}
