import picomatch from 'picomatch';
import { globBase } from './unescape-glob.js';

/** Paths below the first level, of names nobody writes and common ones, dot files among them. */
const PROBES = [
  'x/y',
  'notes/today.txt',
  'disbuild-probe/.disbuild-probe',
  '.disbuild-probe/disbuild-probe/disbuild-probe.x',
  'A/B/C.D',
];

/**
 * Whether normalised, relative output globs (`!` ones are passed over) together choose every path in the
 * subdirectories of their directory, or all but a few: `**`, and what says nearly the same (`**\/**`, `*\/**`,
 * `**\/*.*`, `**\/!(x)`). Such outputs would have every untracked file there removed as stale. A guard against a
 * slip, not a proof: all but one of PROBES matched. Only globs that start with a wildcard are compiled
 * (`pkg/dist/**` is not, nor is a plain path). `*` alone, the files at the top, is a choice some tasks make.
 */
export function choosesEverything(globs: readonly string[]): boolean {
  const open = globs.filter((g) => !g.startsWith('!') && globBase(g) === '');
  if (open.length === 0) return false;
  const matches = picomatch(open, { dot: true });
  return PROBES.filter((p) => matches(p)).length >= PROBES.length - 1;
}
