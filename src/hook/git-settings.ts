import { gitText } from '../ids/git-command.js';
import { gitBoolean, parseConfigRecords } from '../ids/git-config-records.js';

/**
 * Keys git reads as booleans: answered `true` or `false` as git reads them (see gitBoolean: a key without a value
 * is true, an empty value or `00` false), never left out.
 */
const BOOLEANS = new Set(['disbuild.keepworktree']);

/**
 * Every `disbuild.*` setting of git's configuration for the repository at `repoDir`, read in one `git config` call
 * (a hook asked for seven keys one process each: a fifth of a push that builds nothing). Names as git prints them,
 * lower-cased; a key set more than once answers its last value, as `git config --get` does; a last value that is
 * empty (or none) leaves the key out, but for booleans (see BOOLEANS). Empty when git fails or nothing is set.
 */
export async function readDisbuildSettings(repoDir: string): Promise<ReadonlyMap<string, string>> {
  const settings = new Map<string, string>();
  const r = await gitText(repoDir, ['config', '-z', '--get-regexp', '^disbuild\\.']);
  if (!r.ok) return settings;
  for (const [name, raw] of parseConfigRecords(r.value)) {
    // A key without a value reads as empty, as `git config --get` answers it.
    const value = raw?.trim() ?? '';
    if (BOOLEANS.has(name)) settings.set(name, String(gitBoolean(raw)));
    else if (value !== '') settings.set(name, value);
  }
  return settings;
}
