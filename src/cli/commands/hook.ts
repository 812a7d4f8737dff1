import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { simpleGit } from 'simple-git';
import { CONFIG_FILE } from '../../config/config-file.js';
import { readDisbuildSettings } from '../../hook/git-settings.js';
import { installHook, uninstallHook } from '../../hook/install.js';
import { runPrePush } from '../../hook/run-hook.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../io.js';
import { EXIT } from '../io.js';

const HELP = `Usage: disbuild hook install [--force]     write the pre-push hook (an existing one is chained)
       disbuild hook uninstall             remove it and restore what was there
       disbuild hook run pre-push [-v] REMOTE URL   what the hook runs (for husky, lefthook, pre-commit);
                                           -v (or DISBUILD_VERBOSE=1) prints the key salt

The graph comes from 'git config disbuild.graph PATH' (or disbuild.graphCommand), or disbuild.json at the
repository root. 'git push --no-verify' or DISBUILD_SKIP=1 skips the check.
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
    io.stderr.write('disbuild hook: not inside a git repository\n');
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
 * What to warn of when the hook would find no graph: it reads disbuild.json at the repository root from each pushed
 * commit (or the graph git's configuration names), and lets every push through until there is one. A root file
 * that is not in git is said so; a disbuild.json in a subdirectory is named, since a user who wrote one there
 * expects the hook to run it.
 */
async function noGraphWarning(repoDir: string): Promise<string | undefined> {
  const settings = await readDisbuildSettings(repoDir);
  if (settings.has('disbuild.graph') || settings.has('disbuild.graphcommand')) return undefined;
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
  if (tracked.has(CONFIG_FILE)) return undefined;
  const unchecked = 'the hook lets every push through unchecked';
  if (existsSync(join(repoDir, CONFIG_FILE))) {
    return `disbuild: warning: disbuild.json at the repository root is not in git, and the hook reads it from each pushed commit: until it is committed, ${unchecked}\n`;
  }
  const below = [...new Set(listed.map((l) => l.slice(2)))];
  const where =
    below.length === 0
      ? ''
      : ` (${below.slice(0, 3).join(', ')}${below.length > 3 ? ', ...' : ''} ${below.length === 1 ? 'is' : 'are'} not read: only the root's is)`;
  return `disbuild: warning: no disbuild.json at the repository root${where}, nor 'git config disbuild.graph': until there is one, ${unchecked}\n`;
}

function usage(io: CliIo, message: string): number {
  io.stderr.write(`disbuild hook: ${message}\n\n${HELP}`);
  return EXIT.usage;
}
