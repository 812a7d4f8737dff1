import picomatch from 'picomatch';
import type { OutputGlobs } from './in-place.js';

/** Compiles a job's in-place output globs (`!` excludes). */
export function compileOutputGlobs(patterns: readonly string[]): OutputGlobs {
  const positives = patterns.filter((p) => !p.startsWith('!'));
  const negatives = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const include = picomatch(positives, { dot: true });
  const exclude = negatives.length > 0 ? picomatch(negatives, { dot: true }) : () => false;
  const bases = new Set<string>();
  for (const p of positives) {
    const scan = picomatch.scan(p);
    // A literal path is its own base: walking its parent would visit its siblings for nothing.
    bases.add(scan.isGlob ? scan.base : p);
  }
  return { bases: [...bases].sort(), matches: (path) => include(path) && !exclude(path) };
}
