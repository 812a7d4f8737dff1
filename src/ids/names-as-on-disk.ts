/**
 * Settings for git's listings of the work tree, so that they name files as the disk does.
 *
 * `core.ignorecase=true` (which git sets on a case-insensitive file system, and which a repository copied from one
 * keeps) makes git take a name for any other that differs only in case. On Linux, whose file systems tell them
 * apart, a tracked `A.txt` renamed to `a.txt` is then listed as deleted while `a.txt` is listed nowhere, neither
 * tracked nor untracked: no input, so edits to it left every key that should read it unchanged. Listed with
 * `core.ignorecase=false`, as a fresh clone on this machine (CI's) is set, `a.txt` is untracked. Elsewhere the
 * repository's setting stands: on a case-insensitive disk, it is the true one.
 */
export const NAMES_AS_ON_DISK: readonly string[] =
  process.platform === 'linux' ? ['-c', 'core.ignorecase=false'] : [];
