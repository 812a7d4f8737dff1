import { simpleGit } from 'simple-git';
import { formatConfigProblem } from '../config/config-file.js';
import { readConfigSource } from '../config/load-config.js';

/**
 * Where a repository's graph comes from, for the hook: a file, a command, or the tasks of disbuild.json (compiled
 * from the pushed commit's own disbuild.json).
 */
export type GraphSource =
  { kind: 'file'; path: string } | { kind: 'command'; command: string } | { kind: 'tasks' };

export interface HookConfig {
  graph: GraphSource;
  salt: string;
}

/**
 * `git config disbuild.graph` (a path relative to the repository root) or `disbuild.graphCommand`, else
 * `disbuild.json` at the root: `{"graph": "path"}`, `{"graphCommand": "cmd"}` or `{"tasks": …}`, with an optional `"salt"`.
 * Answers a one-line hint when there is none.
 */
export async function readHookConfig(
  repoDir: string,
): Promise<{ ok: true; value: HookConfig } | { ok: false; error: string }> {
  const git = simpleGit(repoDir);
  const get = async (key: string): Promise<string | undefined> => {
    const v = (await git.raw(['config', '--get', key]).catch(() => '')).trim();
    return v === '' ? undefined : v;
  };
  const [graph, command, salt] = await Promise.all([
    get('disbuild.graph'),
    get('disbuild.graphCommand'),
    get('disbuild.salt'),
  ]);
  if (graph !== undefined)
    return { ok: true, value: { graph: { kind: 'file', path: graph }, salt: salt ?? '' } };
  if (command !== undefined)
    return { ok: true, value: { graph: { kind: 'command', command }, salt: salt ?? '' } };
  const source = await readConfigSource(repoDir);
  if (source === undefined) {
    return {
      ok: false,
      error:
        "disbuild: no graph configured; describe the build in disbuild.json (see the README), or run 'git config disbuild.graph PATH'",
    };
  }
  if (!source.ok) {
    return { ok: false, error: source.error.map((p) => `disbuild: ${formatConfigProblem(p)}`).join('\n') };
  }
  const s = source.value.salt ?? salt ?? '';
  switch (source.value.kind) {
    case 'file':
      return { ok: true, value: { graph: { kind: 'file', path: source.value.path }, salt: s } };
    case 'command':
      return { ok: true, value: { graph: { kind: 'command', command: source.value.command }, salt: s } };
    case 'tasks':
      return { ok: true, value: { graph: { kind: 'tasks' }, salt: s } };
  }
}
