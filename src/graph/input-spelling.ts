import { posix } from 'node:path';

/**
 * Inputs are kept as spelled where a `..` follows a name (see validate.ts): after a symbolic link, `..` climbs from
 * where the link leads, which only a walk over the tree can say (resolve-input.ts). Code that matches inputs with
 * paths as git or a listing names them must take such a spelling into account.
 */

/** Whether a segment of the relative path `p` is `..`. */
export function hasDotDot(p: string): boolean {
  return p === '..' || p.startsWith('../') || p.endsWith('/..') || p.includes('/../');
}

/** The path `p` names where no symbolic link precedes a `..` in it: `a/../x.txt` is `x.txt`. */
export function lexicalPath(p: string): string {
  return hasDotDot(p) ? posix.normalize(p) : p;
}
