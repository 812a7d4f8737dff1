import { chmod, readFile, rename, rm, rmdir, writeFile, mkdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { gitCommonDir, Worktrees, WORKTREES_DIR } from './worktree.js';

/** Marks a hook file as ours, so install is idempotent and uninstall knows what to restore. */
export const MARKER = '# disbuild pre-push hook';

/** Where git looks for hooks, resolved by git itself (core.hooksPath, worktrees). */
export async function hooksDir(repoDir: string): Promise<string> {
  const out = (await simpleGit(repoDir).raw(['rev-parse', '--git-path', 'hooks'])).trim();
  return isAbsolute(out) ? out : join(repoDir, out);
}

/** The script git runs. It chains a pre-existing hook first, with the same arguments and stdin. */
export function hookScript(node: string, cli: string): string {
  const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  return `#!/bin/sh
${MARKER}: installed by 'disbuild hook install'; 'disbuild hook uninstall' restores what was here.
input=$(cat)
legacy="$(dirname "$0")/pre-push.legacy"
if [ -x "$legacy" ]; then
  printf '%s\\n' "$input" | "$legacy" "$@" || exit $?
fi
[ "$DISBUILD_SKIP" = "1" ] && exit 0
# As bin/disbuild does: Node would parse this file at start; the CLI puts it back for what it starts.
if [ -n "\${NODE_EXTRA_CA_CERTS-}" ]; then
  DISBUILD_NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS
  export DISBUILD_NODE_EXTRA_CA_CERTS
  unset NODE_EXTRA_CA_CERTS
fi
if [ -x ${q(node)} ] && [ -f ${q(cli)} ]; then
  printf '%s\\n' "$input" | ${q(node)} --v8-pool-size=2 ${q(cli)} hook run pre-push "$@"
else
  printf '%s\\n' "$input" | npx --no-install disbuild hook run pre-push "$@"
fi
`;
}

export type InstallOutcome = 'installed' | 'unchanged' | 'chained';

/** Writes the pre-push hook; an existing foreign hook is kept as pre-push.legacy and still runs first. */
export async function installHook(
  repoDir: string,
  opts: { node: string; cli: string; force: boolean },
): Promise<{ outcome: InstallOutcome; path: string }> {
  const dir = await hooksDir(repoDir);
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'pre-push');
  const script = hookScript(opts.node, opts.cli);
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing === script) return { outcome: 'unchanged', path };
  let outcome: InstallOutcome = 'installed';
  if (existing !== undefined && !existing.includes(MARKER)) {
    const legacy = join(dir, 'pre-push.legacy');
    const legacyExists = await readFile(legacy).then(
      () => true,
      () => false,
    );
    if (legacyExists && !opts.force) {
      throw new Error(`${legacy} already exists; move it away or use --force to replace it`);
    }
    await rename(path, legacy);
    outcome = 'chained';
  }
  await writeFile(`${path}.tmp`, script, { mode: 0o755 });
  await chmod(`${path}.tmp`, 0o755);
  await rename(`${path}.tmp`, path);
  return { outcome, path };
}

/** Removes our hook and puts back the one it chained, exactly as it was. */
export async function uninstallHook(repoDir: string): Promise<'removed' | 'restored' | 'not-installed'> {
  const dir = await hooksDir(repoDir);
  const path = join(dir, 'pre-push');
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing === undefined || !existing.includes(MARKER)) return 'not-installed';
  const legacy = join(dir, 'pre-push.legacy');
  let done: 'removed' | 'restored';
  try {
    await rename(legacy, path);
    done = 'restored';
  } catch {
    await rm(path, { force: true });
    done = 'removed';
  }
  // The worktree kept between pushes, and any a killed hook left: no later push would remove them, and the kept
  // one is a checkout's worth of disk holding its commit from git's garbage collection.
  await Worktrees.open(repoDir, undefined, { keep: false }).catch(() => undefined);
  await rmdir(join(await gitCommonDir(repoDir), WORKTREES_DIR)).catch(() => undefined);
  return done;
}
