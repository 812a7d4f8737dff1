import { execFileSync } from 'node:child_process';
import { chmod, link, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutSettings } from '../../../src/hook/checkout-settings.js';

const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

/**
 * The fingerprint of what decides a checkout's bytes (see checkout-settings.ts) must change with the system
 * attributes file of the git that runs the hook: for a git older than 2.42 built under another prefix, found where
 * git puts it for a hook (its exec-path first on PATH, its git there a hard link to bin/git).
 */
describe('the checkout settings fingerprint', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-checkout-settings-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('follows <prefix>/etc/gitattributes of an older git running the hook', async () => {
    const prefix = join(dir, 'local');
    const exec = join(prefix, 'libexec', 'git-core');
    await mkdir(join(prefix, 'bin'), { recursive: true });
    await mkdir(exec, { recursive: true });
    await mkdir(join(prefix, 'etc'));
    // An older git: `git var GIT_ATTR_SYSTEM` fails.
    await writeFile(
      join(prefix, 'bin', 'git'),
      `#!/bin/sh\n[ "$1" = var ] && exit 129\nexec '${realGit}' "$@"\n`,
    );
    await chmod(join(prefix, 'bin', 'git'), 0o755);
    await link(join(prefix, 'bin', 'git'), join(exec, 'git'));
    const repo = join(dir, 'repo');
    await mkdir(repo);
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const env = { ...process.env, PATH: `${exec}:${join(prefix, 'bin')}:${process.env.PATH}` };
    const before = await checkoutSettings(repo, env);
    await writeFile(join(prefix, 'etc', 'gitattributes'), '*.txt text eol=crlf\n');
    const after = await checkoutSettings(repo, env);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });
});
