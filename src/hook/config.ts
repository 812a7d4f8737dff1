import { posix } from 'node:path';
import { CommitView } from '../ids/commit-digests.js';
import { gitText } from '../ids/git-command.js';
import { readSettings } from '../ids/git-conversions.js';
import { resolveInput } from '../ids/resolve-input.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { CONFIG_FILE, formatConfigProblem, parseConfigText } from '../config/config-file.js';
import type { DisbuildConfig, TaskSpec } from '../config/config-file.js';
import { configSourceOf } from '../config/load-config.js';
import { readDisbuildSettings } from './git-settings.js';

/**
 * Where a repository's graph comes from, for the hook: a file, a command, or the tasks of disbuild.json (compiled
 * from the pushed commit's own disbuild.json).
 */
export type GraphSource =
  | { kind: 'file'; path: string }
  | { kind: 'command'; command: string }
  | { kind: 'tasks'; config: DisbuildConfig & { tasks: ReadonlyMap<string, TaskSpec> } };

export interface HookConfig {
  /** A graph file's path is relative to the repository's top, whichever directory the hook builds in. */
  graph: GraphSource;
  salt: string;
}

/**
 * `git config disbuild.graph` (a path relative to the repository root) or `disbuild.graphCommand`, else
 * `disbuild.json` in directory `dir` of commit `sha` (`''`: the root; see source-dir.ts): `{"graph": "path"}`
 * (relative to that directory), `{"graphCommand": "cmd"}` or `{"tasks": …}`, with an optional `"salt"`. The file
 * is read from the commit, never the working tree: what is pushed is what is checked, and each commit (the pushed
 * one, the remote's) is keyed with its own configuration. Answers a one-line hint when there is none, and the
 * file's problems (`invalid`) when it cannot be used.
 */
export async function readHookConfig(
  repoDir: string,
  sha: string,
  settings?: ReadonlyMap<string, string>,
  dir = '',
): Promise<{ ok: true; value: HookConfig } | { ok: false; error: string; invalid: boolean }> {
  const set = settings ?? (await readDisbuildSettings(repoDir));
  const [graph, command, salt] = ['graph', 'graphcommand', 'salt'].map((k) => set.get(`disbuild.${k}`));
  if (graph !== undefined)
    return { ok: true, value: { graph: { kind: 'file', path: graph }, salt: salt ?? '' } };
  if (command !== undefined)
    return { ok: true, value: { graph: { kind: 'command', command }, salt: salt ?? '' } };
  const read = await configText(repoDir, sha, posix.join(dir, CONFIG_FILE));
  if (!read.ok) return { ok: false, invalid: true, error: `disbuild: ${read.error}` };
  const text = read.value;
  if (text === undefined && dir !== '') {
    // A `dir` that is a link or a submodule in this commit would be built elsewhere than a run in it builds.
    const notDir = await notADirectory(repoDir, sha, dir);
    if (notDir !== undefined)
      return {
        ok: false,
        invalid: true,
        error: `disbuild: ${notDir} at ${sha.slice(0, 10)}: git config disbuild.sourceDir names a directory`,
      };
  }
  const source = text === undefined ? undefined : configSourceOf(parseConfigText(text));
  if (source === undefined) {
    return {
      ok: false,
      invalid: false,
      error:
        dir === ''
          ? "disbuild: no graph configured; describe the build in disbuild.json (see the README), or run 'git config disbuild.graph PATH'"
          : `disbuild: no ${posix.join(dir, CONFIG_FILE)} (git config disbuild.sourceDir) at ${sha.slice(0, 10)}`,
    };
  }
  if (!source.ok) {
    return {
      ok: false,
      invalid: true,
      error: source.error.map((p) => `disbuild: ${formatConfigProblem(p)}`).join('\n'),
    };
  }
  const s = source.value.salt ?? salt ?? '';
  switch (source.value.kind) {
    case 'file':
      // `git show` names paths from the top: `sub/../graph.json` would be refused.
      return {
        ok: true,
        value: {
          graph: { kind: 'file', path: posix.normalize(posix.join(dir, source.value.path)) },
          salt: s,
        },
      };
    case 'command':
      return { ok: true, value: { graph: { kind: 'command', command: source.value.command }, salt: s } };
    case 'tasks':
      return { ok: true, value: { graph: { kind: 'tasks', config: source.value.config }, salt: s } };
  }
}

/**
 * The text of the file at `path` of commit `sha`, symbolic links followed within the commit's tree as a checkout
 * reads them, by the walk keys use (resolve-input.ts): `disbuild.json -> config/disbuild.json` (the hook once read
 * the link's text as JSON). Undefined when there is none. A link leading out of the repository, absolute,
 * dangling, looping or to a directory is an error naming it.
 */
async function configText(
  repoDir: string,
  sha: string,
  path: string,
): Promise<Result<string | undefined, string>> {
  const listed = await gitText(repoDir, ['ls-tree', '-z', '--full-tree', sha, '--', path]);
  // `<mode> SP <type> SP <id> TAB <path> NUL`
  const entry = listed.ok ? /^(\d+) blob ([0-9a-f]+)\t/.exec(listed.value) : null;
  if (entry === null) return ok(undefined);
  let id = entry[2]!;
  if (entry[1] === '120000') {
    // Rare: the whole tree is listed only then.
    const [tree, settings] = await Promise.all([
      gitText(repoDir, ['ls-tree', '-r', '-z', '--full-tree', sha]),
      readSettings(repoDir),
    ]);
    if (!tree.ok) return err(`${path}: ${tree.error}`);
    const view = await CommitView.load(repoDir, tree.value, '', settings);
    if (!view.ok) return err(`${path}: ${view.error}`);
    const r = resolveInput(view.value, path);
    if (!r.ok || r.directory) {
      const why = r.ok ? `${path} leads to a directory` : r.problem.replace(/^input (file )?/, '');
      return err(`${path} is a symbolic link the hook cannot read through: ${why}`);
    }
    id = view.value.entry(r.real)!.digest;
  }
  const blob = await gitText(repoDir, ['cat-file', 'blob', id]);
  return blob.ok ? ok(blob.value) : err(`${path}: ${blob.error}`);
}

/**
 * What the first of `dir`'s components that is no directory is in commit `sha` (`web is a symbolic link`), or
 * undefined when each is a directory, or one is missing (a commit without the project).
 */
async function notADirectory(repoDir: string, sha: string, dir: string): Promise<string | undefined> {
  const parts = dir.split('/');
  const components = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  const listed = await gitText(repoDir, ['ls-tree', '-z', '--full-tree', sha, '--', ...components]);
  if (!listed.ok) return undefined;
  const modes = new Map<string, string>();
  for (const entry of listed.value.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab > 0) modes.set(entry.slice(tab + 1), entry.slice(0, entry.indexOf(' ')));
  }
  for (const c of components) {
    const mode = modes.get(c);
    if (mode === undefined) return undefined;
    if (mode === '120000') return `${c} is a symbolic link`;
    if (mode === '160000') return `${c} is a submodule`;
    if (mode !== '040000') return `${c} is a file`;
  }
  return undefined;
}
