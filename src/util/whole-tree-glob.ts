import picomatch from 'picomatch';
import { globBase } from './unescape-glob.js';

/** Paths that only globs choosing every path below the first level match: names nobody writes, dot files too. */
const PROBES = ['disbuild-probe/.disbuild-probe', '.disbuild-probe/disbuild-probe/disbuild-probe.x'];

/**
 * Whether normalised, relative output globs (`!` ones are passed over) together choose every path in every
 * subdirectory of their directory: `**`, and what says the same (`**\/**`, `*\/**`, `{**,x}`). Such outputs would
 * have every untracked file there removed as stale. Only globs that start with a wildcard are compiled
 * (`pkg/dist/**` is not, nor is a plain path). `*` alone, the files at the top, is a choice some tasks make.
 */
export function choosesEverything(globs: readonly string[]): boolean {
  const open = globs.filter((g) => !g.startsWith('!') && globBase(g) === '');
  if (open.length === 0) return false;
  const matches = picomatch(open, { dot: true });
  return PROBES.every((p) => matches(p));
}
