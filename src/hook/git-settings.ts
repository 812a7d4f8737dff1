import { gitText } from '../ids/git-command.js';

/**
 * Every `disbuild.*` setting of git's configuration for the repository at `repoDir`, read in one `git config` call
 * (a hook asked for seven keys one process each: a fifth of a push that builds nothing). Names as git prints them,
 * lower-cased; a key set more than once answers its last value, as `git config --get` does; empty values are left
 * out. Empty when git fails or nothing is set.
 */
export async function readDisbuildSettings(repoDir: string): Promise<ReadonlyMap<string, string>> {
  const settings = new Map<string, string>();
  const r = await gitText(repoDir, ['config', '-z', '--get-regexp', '^disbuild\\.']);
  if (!r.ok) return settings;
  // `<name>\n<value>\0`, or `<name>\0` for a key without a value.
  for (const record of r.value.split('\0')) {
    const nl = record.indexOf('\n');
    if (nl < 0) continue;
    const value = record.slice(nl + 1).trim();
    const name = record.slice(0, nl).toLowerCase();
    if (value === '') settings.delete(name);
    else settings.set(name, value);
  }
  return settings;
}
