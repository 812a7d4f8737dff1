import picomatch from 'picomatch';
import { globBase, isGlobPattern, unescapeGlob } from '../util/unescape-glob.js';
import type { OutputGlobs } from './in-place.js';

/** A directory spelled without any character a glob gives meaning to: compared as a string. */
const PLAIN_DIR = /^[^\\*?[\]{}()!+@|]+$/;
/** An empty, `.` or `..` segment. */
const ODD_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * Compiles a job's in-place output globs (`!` excludes). `dir/**` (every job of a workspace task has one, each
 * with its own package's directory) is a string comparison, the same answer picomatch gives for the paths a
 * walk yields, and compiles nothing: a thousand regular expressions cost a fully cached run more than its keys.
 */
export function compileOutputGlobs(patterns: readonly string[]): OutputGlobs {
  const positives = patterns.filter((p) => !p.startsWith('!'));
  const negatives = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const bases = new Set<string>();
  const includes: ((path: string) => boolean)[] = [];
  for (const p of positives) {
    const plain = plainDirOf(p);
    includes.push(matcher(p, plain));
    if (plain !== undefined) {
      bases.add(plain);
      continue;
    }
    // A literal path is its own base: walking its parent would visit its siblings for nothing. Bases are paths on
    // disk: `app/\(mkt\)/**` walks `app/(mkt)`.
    bases.add(globBase(p));
  }
  const include = anyOf(includes);
  const exclude = negatives.length > 0 ? anyOf(negatives.map((p) => matcher(p, plainDirOf(p)))) : () => false;
  const named = new Set(positives.filter((p) => !isGlobPattern(p)).map(unescapeGlob));
  return {
    bases: [...bases].sort(),
    matches: (path) => include(path) && !exclude(path),
    names: (path) => named.has(path) && !exclude(path),
  };
}

function anyOf(tests: ((path: string) => boolean)[]): (path: string) => boolean {
  if (tests.length === 1) return tests[0]!;
  return (path) => tests.some((t) => t(path));
}

/** The directory of a `dir/**` pattern whose directory has no glob character (its base, as picomatch says). */
function plainDirOf(pattern: string): string | undefined {
  if (!pattern.endsWith('/**')) return undefined;
  const dir = pattern.slice(0, -3);
  // Paths come from walking directories: no empty, `.` or `..` segment, where the two could differ.
  if (!PLAIN_DIR.test(dir) || ODD_SEGMENT.test(dir)) return undefined;
  return dir;
}

/** `dir`: the pattern's plainDirOf. */
function matcher(pattern: string, dir: string | undefined): (path: string) => boolean {
  if (dir !== undefined) {
    const prefix = `${dir}/`;
    return (path) => path === dir || path.startsWith(prefix);
  }
  return picomatch(pattern, { dot: true });
}
