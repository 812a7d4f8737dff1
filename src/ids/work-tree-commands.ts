import { EXEC_PATH_QUERY, SYSTEM_ATTRIBUTES_QUERY } from './git-attribute-files.js';
import { SETTINGS_REGEXP } from './git-conversions.js';
import { type GitRun, gitTexts } from './git-command.js';
import { NAMES_AS_ON_DISK } from './names-as-on-disk.js';

/**
 * The git calls a run's digests start from (see startWorkTreeListings in file-digest.ts), in this order: where the
 * source directory sits, the index, the status, the settings that convert bytes, where the system attributes
 * file is, git's exec-path, and the index's attributes files. A module of their own: a fully cached run's record (src/cli/fully-cached.ts) compares their answers
 * with those of the run that wrote it, before anything that reads them is loaded.
 */
export function workTreeCommands(untracked: boolean): string[][] {
  return [
    // One rev-parse answers where the source directory sits, and where the repository's attributes file and
    // index are.
    [
      'rev-parse',
      '--is-inside-work-tree',
      '--show-prefix',
      '--git-path',
      'info/attributes',
      '--git-path',
      'index',
    ],
    ['ls-files', '-s', '-v', '-z', '--', '.'],
    [
      // Never the index's lock: a status refreshes stale stat data in the index and writes it under
      // `.git/index.lock`, and a `git commit` of the user's at that moment would fail on the lock.
      '--no-optional-locks',
      // git compares every file's ctime (and inode, owner, device) with its index whatever the repository says:
      // under core.trustctime=false or core.checkStat=minimal, a file edited to the same size with its mtime put
      // back looks unchanged, and its key would be the old bytes'. Nor does it ask a file-system monitor what
      // changed: one that misses events (inotify over a bind mount or NFS) would keep an edited input's old key.
      '-c',
      'core.trustctime=true',
      '-c',
      'core.checkStat=default',
      '-c',
      'core.fsmonitor=false',
      ...NAMES_AS_ON_DISK,
      'status',
      '--porcelain=v1',
      '-z',
      untracked ? '--untracked-files=all' : '--untracked-files=no',
      '--ignore-submodules=all',
      '--no-renames',
      '--',
      '.',
    ],
    // Exit code 1 means none of the keys is set.
    ['config', '-z', '--get-regexp', SETTINGS_REGEXP],
    [...SYSTEM_ATTRIBUTES_QUERY],
    [...EXEC_PATH_QUERY],
    // Every `.gitattributes` the index holds, from the top: git reads one the work tree lacks (deleted, left out
    // by a sparse checkout) from the index, above the source directory too.
    [...INDEX_ATTRIBUTES_QUERY],
  ];
}

/** The git arguments whose answer lists the index's `.gitattributes` files, by their paths from the top. */
export const INDEX_ATTRIBUTES_QUERY: readonly string[] = [
  'ls-files',
  '-z',
  '--full-name',
  '--',
  ':(top,glob)**/.gitattributes',
];

/** workTreeCommands, started in `sourceDir` (see gitTexts). */
export function startWorkTreeCommands(
  sourceDir: string,
  untracked: boolean,
  env?: NodeJS.ProcessEnv,
): Promise<GitRun>[] {
  return gitTexts(sourceDir, workTreeCommands(untracked), env);
}
