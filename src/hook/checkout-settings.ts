import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import {
  EXEC_PATH_QUERY,
  globalAttributesFile,
  SYSTEM_ATTRIBUTES_QUERY,
  systemAttributesFiles,
} from '../ids/git-attribute-files.js';
import { type GitRun, gitTexts } from '../ids/git-command.js';
import { gitBoolean, parseConfigRecords } from '../ids/git-config-records.js';
import { realPathOr } from '../util/real-path.js';

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
  // Side by side from one `sh` (see gitTexts); a failed one answers as if nothing were set.
  const [config, infoPath, system, execPath] = await Promise.all(
    gitTexts(repoDir, [
      ['config', '-z', '--get-regexp', SETTINGS],
      ['rev-parse', '--git-path', 'info/attributes'],
      [...SYSTEM_ATTRIBUTES_QUERY],
      [...EXEC_PATH_QUERY],
    ]),
  );
  const answer = (r: GitRun | undefined): string | undefined => (r?.code === 0 ? r.out.trim() : undefined);
  const text = config?.code === 0 ? config.out : '';
  const values = parseConfigRecords(text);
  const truthy = (key: string): boolean => values.has(key) && gitBoolean(values.get(key));
  const attributesFile = values.get('core.attributesfile');
  const global = globalAttributesFile(attributesFile, env);
  const systemFiles = systemAttributesFiles(answer(system), env, answer(execPath));
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
      text,
      // Printed relative to the directory git ran in, links resolved.
      answer(infoPath) ? read(resolve(realPathOr(repoDir), answer(infoPath)!)) : null,
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
