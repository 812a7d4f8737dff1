import { posix } from 'node:path';
import picomatch from 'picomatch';
import {
  globBase,
  isGlobPattern,
  oddSegments,
  spelledPathProblem,
  unescapeGlob,
} from '../util/unescape-glob.js';

/** A glob list compiled once: positive patterns choose, `!` patterns exclude. */
export interface GlobList {
  /** The positive patterns' indices in the declared list. */
  positiveIndex: readonly number[];
  positives: readonly ((path: string) => boolean)[];
  excluded: (path: string) => boolean;
  /** Whether there are `!` patterns at all (else `excluded` is always false). */
  excludes: boolean;
  /** Every positive pattern is `**`: everything is chosen, nothing need be matched. */
  everything: boolean;
  /**
   * Where the positive patterns can match, one place each: under a directory (`src/**`, `src/*.ts`: under `src`)
   * or one path (a literal); undefined when some pattern can match anywhere (`**`, `*.md`).
   */
  within: readonly Within[] | undefined;
}

/** Where a pattern's matches can be: under a directory, or at one path. */
export type Within = { dir: string } | { path: string };

/**
 * Normalises one pattern relative to a directory: `./a` → `a`, `dir/` → `dir/**`; answers an error for absolute
 * patterns and patterns that climb out with `..`.
 */
export function normalizePattern(
  pattern: string,
): { ok: true; value: string } | { ok: false; error: string } {
  const p = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (p === '') return { ok: false, error: 'is empty' };
  if (p.startsWith('/')) return { ok: false, error: `must be relative, got ${JSON.stringify(pattern)}` };
  let norm = posix.normalize(p);
  const spelled = spelledPathProblem(norm);
  if (norm === '..' || norm.startsWith('../') || spelled === 'leaves') {
    return { ok: false, error: `must stay inside its directory, got ${JSON.stringify(pattern)}` };
  }
  if (spelled === 'odd') return { ok: false, error: oddSegments(pattern) };
  if (norm.endsWith('/')) norm += '**';
  if (norm === '.') norm = '**';
  return { ok: true, value: norm };
}

/**
 * Dot files match; `.` matches a newline too (the `s` flag): git tracks a file named `a\nb`, and `src/**` must
 * not pass over it.
 */
const GLOB_OPTIONS = { dot: true, flags: 's' };

/** Compiles already normalised patterns (`!` kept in front of exclusions). */
export function compileGlobs(patterns: readonly string[]): GlobList {
  const positiveIndex: number[] = [];
  const positives: ((path: string) => boolean)[] = [];
  const negatives: string[] = [];
  let within: Within[] | undefined = [];
  patterns.forEach((p, i) => {
    if (p.startsWith('!')) negatives.push(p.slice(1));
    else {
      const m = matcher(p);
      positiveIndex.push(i);
      positives.push(m.matches);
      within = m.within && within?.concat(m.within);
    }
  });
  const everything = positives.length > 0 && patterns.every((p) => p === '**' || p.startsWith('!'));
  return {
    positiveIndex,
    positives,
    excluded: negatives.length === 0 ? () => false : picomatch(negatives, GLOB_OPTIONS),
    excludes: negatives.length > 0,
    everything,
    within,
  };
}

/** Whether a normalised pattern names one path (no wildcard, class or brace in it). */
export function isLiteral(pattern: string): boolean {
  return !isGlobPattern(pattern);
}

/**
 * A literal path is a string comparison, and a glob with a fixed leading directory (`dist/**`) first compares
 * that prefix: both far cheaper than a regular expression over thousands of files that mostly do not match.
 */
function matcher(pattern: string): { matches: (path: string) => boolean; within?: Within } {
  if (pattern === '**') return { matches: () => true };
  if (!isGlobPattern(pattern)) {
    // `a\(1\).txt` names `a(1).txt`.
    const literal = unescapeGlob(pattern);
    return { matches: (path) => path === literal, within: { path: literal } };
  }
  const re = picomatch.makeRe(pattern, GLOB_OPTIONS);
  // As picomatch itself does: a pattern is also the path it spells (`app/(mkt)/page.tsx`, `a(1).txt`).
  const base = globBase(pattern);
  if (base === '') return { matches: (path) => path === pattern || re.test(path) };
  const prefix = `${base}/`;
  return {
    matches: (path) => path === pattern || (path.startsWith(prefix) && re.test(path)),
    within: { dir: base },
  };
}
