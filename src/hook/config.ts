import { posix } from 'node:path';
import { gitText } from '../ids/git-command.js';
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

/** Links followed from disbuild.json before giving up, as for a loop. */
const MAX_LINKS = 8;

/**
 * The text of the file at `path` of commit `sha`, symbolic links followed within the commit's tree as a checkout
 * reads them (`disbuild.json -> config/disbuild.json`: the hook read the link's text as JSON); undefined when
 * there is none. A link leading out of the repository, absolute or dangling is an error, as for any input.
 */
async function configText(
  repoDir: string,
  sha: string,
  path: string,
): Promise<Result<string | undefined, string>> {
  let at = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const listed = await gitText(repoDir, ['ls-tree', '-z', '--full-tree', sha, '--', at]);
    // `<mode> SP <type> SP <id> TAB <path> NUL`
    const entry = listed.ok ? /^(\d+) blob ([0-9a-f]+)\t/.exec(listed.value) : null;
    if (entry === null)
      return hops === 0 ? ok(undefined) : err(`${path} is a dangling symbolic link (to ${at})`);
    const blob = await gitText(repoDir, ['cat-file', 'blob', entry[2]!]);
    if (!blob.ok) return err(`${path}: ${blob.error}`);
    if (entry[1] !== '120000') return ok(blob.value);
    const target = posix.normalize(posix.join(posix.dirname(at), blob.value));
    if (posix.isAbsolute(blob.value) || target === '..' || target.startsWith('../'))
      return err(`${path} is a symbolic link leading out of the repository (${at} -> ${blob.value})`);
    at = target;
  }
  return err(`${path}: too many levels of symbolic links`);
}
