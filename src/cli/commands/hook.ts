import { existsSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { simpleGit } from 'simple-git';
import { CONFIG_FILE } from '../../config/config-file.js';
import { readDisbuildSettings } from '../../hook/git-settings.js';
import { installHook, uninstallHook } from '../../hook/install.js';
import { hookSourceDir } from '../../hook/source-dir.js';
import { runPrePush } from '../../hook/run-hook.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../io.js';
import { EXIT } from '../io.js';

const HELP = `Usage: disbuild hook install [--force]     write the pre-push hook (an existing one is chained)
       disbuild hook uninstall             remove it and restore what was there
       disbuild hook run pre-push [-v] REMOTE URL   what the hook runs (for husky, lefthook, pre-commit);
                                           -v (or DISBUILD_VERBOSE=1) prints the key salt

The graph comes from 'git config disbuild.graph PATH' (or disbuild.graphCommand), or disbuild.json at the
repository root, or in the directory 'git config disbuild.sourceDir DIR' names (where the hook then builds).
'git push --no-verify' or DISBUILD_SKIP=1 skips the check.
`;

/** `disbuild hook`: install, uninstall and run the pre-push hook. */
export const hook: Command = async (argv, io) => {
  const parsed = parseCommandArgs(argv, {
    force: { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
    help: { type: 'boolean', short: 'h' },
  });
  if (parsed.ok && parsed.value.values.help) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  if (!parsed.ok) return usage(io, parsed.error);
  const [op, ...rest] = parsed.value.positionals;
  // `hook pre-push` is accepted as a short form of `hook run pre-push`.
  if (op === 'run' || op === 'pre-push') {
    const args = op === 'run' ? rest : ['pre-push', ...rest];
    if (args[0] !== 'pre-push')
      return usage(io, `only the pre-push hook exists, got ${JSON.stringify(args[0] ?? '')}`);
    return runPrePush(args[1] ?? 'origin', io, { verbose: parsed.value.values.verbose ?? false });
  }
  let repoDir: string;
  try {
    repoDir = (await simpleGit(io.cwd).raw(['rev-parse', '--show-toplevel'])).trim();
  } catch {
    const bare = await simpleGit(io.cwd)
      .raw(['rev-parse', '--is-bare-repository'])
      .then(
        (s) => s.trim() === 'true',
        () => false,
      );
    io.stderr.write(
      bare
        ? 'disbuild hook: a bare repository has no work tree to build pushes from; install the hook in a checkout\n'
        : 'disbuild hook: not inside a git repository\n',
    );
    return EXIT.usage;
  }
  if (op === 'install') {
    try {
      const cli = resolve(process.argv[1] ?? 'dist/cli/index.js');
      const r = await installHook(repoDir, {
        node: process.execPath,
        cli,
        force: parsed.value.values.force ?? false,
      });
      const what = {
        installed: 'installed',
        unchanged: 'already installed',
        chained: 'installed (the existing hook runs first)',
      };
      io.stdout.write(`disbuild: pre-push hook ${what[r.outcome]}: ${r.path}\n`);
      const unchecked = await noGraphWarning(repoDir);
      if (unchecked !== undefined) io.stderr.write(unchecked);
      return EXIT.ok;
    } catch (e) {
      io.stderr.write(`disbuild hook install: ${(e as Error).message}\n`);
      return EXIT.failed;
    }
  }
  if (op === 'uninstall') {
    const r = await uninstallHook(repoDir);
    const what = {
      removed: 'removed',
      restored: 'removed; the previous hook is back',
      'not-installed': 'was not installed',
    };
    io.stdout.write(`disbuild: pre-push hook ${what[r]}\n`);
    return EXIT.ok;
  }
  return usage(io, `unknown hook command ${JSON.stringify(op ?? '')}`);
};

/**
 * What to warn of when the hook would find no graph: it reads disbuild.json at the repository root (or in
 * `disbuild.sourceDir`) from each pushed commit (or the graph git's configuration names), and lets every push
 * through until there is one. A file that is not in git is said so; a disbuild.json elsewhere is named, since a
 * user who wrote one there expects the hook to run it.
 */
async function noGraphWarning(repoDir: string): Promise<string | undefined> {
  const settings = await readDisbuildSettings(repoDir);
  const dir = await hookSourceDir(repoDir, settings);
  // The hook refuses every push with this reason until it is mended.
  if (!dir.ok) return `disbuild: warning: ${dir.error}: the hook refuses pushes until it is mended\n`;
  if (settings.has('disbuild.graph') || settings.has('disbuild.graphcommand')) return undefined;
  const config = posix.join(dir.value, CONFIG_FILE);
  const where =
    dir.value === '' ? 'at the repository root' : `in ${dir.value} (git config disbuild.sourceDir)`;
  // `-t` tags what the index holds (`H`, and others for skip-worktree or conflicted entries) apart from what git
  // does not track (`?`); the hook reads the pushed commit, so only the index's root file counts.
  const listed = await simpleGit(repoDir)
    .raw([
      'ls-files',
      '-z',
      '-t',
      '--cached',
      '--others',
      '--exclude-standard',
      '--',
      ':(top,glob)**/disbuild.json',
    ])
    .then((out) => out.split('\0').filter(Boolean))
    .catch(() => []);
  const tracked = new Set(listed.filter((l) => !l.startsWith('? ')).map((l) => l.slice(2)));
  if (tracked.has(config)) return undefined;
  const unchecked = 'the hook lets every push through unchecked';
  if (existsSync(join(repoDir, config))) {
    return `disbuild: warning: disbuild.json ${where} is not in git, and the hook reads it from each pushed commit: until it is committed, ${unchecked}\n`;
  }
  const others = [...new Set(listed.map((l) => l.slice(2)))].filter((p) => p !== config);
  const named =
    others.length === 0
      ? ''
      : ` (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''} ${others.length === 1 ? 'is' : 'are'} not read: 'git config disbuild.sourceDir DIR' names the directory whose file is)`;
  return `disbuild: warning: no disbuild.json ${where}${named}, nor 'git config disbuild.graph': until there is one, ${unchecked}\n`;
}

function usage(io: CliIo, message: string): number {
  io.stderr.write(`disbuild hook: ${message}\n\n${HELP}`);
  return EXIT.usage;
}
