import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { gitText } from '../ids/git-command.js';

/** git's settings that decide how a blob is written into a work tree. */
const SETTINGS =
  '^(core\\.(autocrlf|eol|safecrlf|symlinks|filemode|ignorecase|precomposeunicode|checkroundtripencoding|attributesfile|ignorestat|fsmonitor)|filter\\.)';

export interface CheckoutSettings {
  /** The digest of every setting and attributes file outside the tree that decides what a checkout writes. */
  fingerprint: string;
  /**
   * Whether a worktree cannot be brought from commit to commit exactly under these settings: a filter writes
   * files on checkout (`filter.<name>.smudge` or `.process`: Git LFS, whose objects come and go), git takes files
   * for unchanged without looking (`core.ignoreStat`, `core.fsmonitor`), or the global attributes file is named
   * relative to where git runs.
   */
  unfit: boolean;
}

/**
 * What, beside a commit's own files, decides the bytes a checkout of it writes: git's conversion and filter
 * settings and the attributes files outside the tree (the repository's `info/attributes`, the global and the
 * system one). A worktree brought from commit to commit by `checkout --force` equals a fresh checkout only while
 * these are what they were when its files were written: git writes no file whose blob and stat data are as
 * before, whatever its settings say now. Unreadable files count as absent.
 */
export async function checkoutSettings(repoDir: string, env = process.env): Promise<CheckoutSettings> {
  const [config, infoPath, execPath] = await Promise.all([
    gitText(repoDir, ['config', '-z', '--get-regexp', SETTINGS]),
    gitText(repoDir, ['rev-parse', '--git-path', 'info/attributes']),
    gitText(repoDir, ['--exec-path']),
  ]);
  const records = (config.ok ? config.value : '').split('\0').filter(Boolean);
  const values = new Map<string, string>();
  for (const r of records) {
    const nl = r.indexOf('\n');
    values.set((nl < 0 ? r : r.slice(0, nl)).toLowerCase(), nl < 0 ? 'true' : r.slice(nl + 1));
  }
  const truthy = (key: string): boolean =>
    values.has(key) && !/^(false|no|off|0|)$/i.test(values.get(key)!.trim());
  const attributesFile = values.get('core.attributesfile');
  const home = env.HOME ?? homedir();
  const global = attributesFile
    ? attributesFile.replace(/^~(?=\/)/, home)
    : join(env.XDG_CONFIG_HOME || join(home, '.config'), 'git', 'attributes');
  // The system file is `$(prefix)/etc/gitattributes`: /etc's, or beside the prefix git runs from (`<prefix>/libexec/
  // git-core`), both read.
  const prefix = execPath.ok ? dirname(dirname(execPath.value.trim())) : undefined;
  const systemFiles = env.GIT_ATTR_NOSYSTEM
    ? []
    : [...new Set(['/etc/gitattributes', ...(prefix ? [join(prefix, 'etc', 'gitattributes')] : [])])];
  const read = (path: string): string | null => {
    try {
      return readFileSync(path, 'latin1');
    } catch {
      return null;
    }
  };
  const h = createHash('sha256');
  h.update(
    JSON.stringify([
      records,
      infoPath.ok ? read(resolve(repoDir, infoPath.value.trim())) : null,
      read(global),
      systemFiles.map(read),
      // A checkout's files and directories take their modes from it.
      umask(),
    ]),
  );
  return {
    fingerprint: h.digest('hex'),
    unfit:
      [...values.keys()].some((k) => /^filter\..*\.(smudge|process)$/.test(k)) ||
      truthy('core.ignorestat') ||
      truthy('core.fsmonitor') ||
      (attributesFile !== undefined && !isAbsolute(global)),
  };
}

/** This process's umask, read where it can be without setting it (process.umask() with no argument is deprecated). */
function umask(): string {
  try {
    return /^Umask:\s*(\d+)$/m.exec(readFileSync('/proc/self/status', 'latin1'))?.[1] ?? '';
  } catch {
    return '';
  }
}
