import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { gitText } from '../ids/git-command.js';

/** git's settings that decide how a blob is written into a work tree. */
const SETTINGS =
  '^(core\\.(autocrlf|eol|safecrlf|symlinks|filemode|ignorecase|precomposeunicode|checkroundtripencoding|attributesfile)|filter\\.)';

export interface CheckoutSettings {
  /** The digest of every setting and attributes file outside the tree that decides what a checkout writes. */
  fingerprint: string;
  /** Whether a filter that writes files on checkout is configured (`filter.<name>.smudge` or `.process`). */
  smudges: boolean;
}

/**
 * What, beside a commit's own files, decides the bytes a checkout of it writes: git's conversion and filter
 * settings and the attributes files outside the tree (the repository's `info/attributes`, the global and the
 * system one). A worktree brought from commit to commit by `checkout --force` equals a fresh checkout only while
 * these are what they were when its files were written: git writes no file whose blob and stat data are as
 * before, whatever its settings say now. Unreadable files count as absent.
 */
export async function checkoutSettings(repoDir: string, env = process.env): Promise<CheckoutSettings> {
  const [config, infoPath] = await Promise.all([
    gitText(repoDir, ['config', '-z', '--get-regexp', SETTINGS]),
    gitText(repoDir, ['rev-parse', '--git-path', 'info/attributes']),
  ]);
  const text = config.ok ? config.value : '';
  const keys = text.split('\0').map((r) => r.split('\n')[0]!.toLowerCase());
  const attributesFile = text
    .split('\0')
    .filter((r) => r.toLowerCase().startsWith('core.attributesfile\n'))
    .map((r) => r.slice(r.indexOf('\n') + 1))
    .pop();
  const home = env.HOME ?? homedir();
  const global = attributesFile
    ? attributesFile.replace(/^~(?=\/)/, home)
    : join(env.XDG_CONFIG_HOME || join(home, '.config'), 'git', 'attributes');
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
      infoPath.ok ? read(resolve(repoDir, infoPath.value.trim())) : null,
      read(resolve(repoDir, global)),
      env.GIT_ATTR_NOSYSTEM ? null : read('/etc/gitattributes'),
    ]),
  );
  return {
    fingerprint: h.digest('hex'),
    smudges: keys.some((k) => /^filter\..*\.(smudge|process)$/.test(k)),
  };
}
