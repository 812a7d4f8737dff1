import { simpleGit } from 'simple-git';

/** Where a repository's graph comes from, for the hook. */
export type GraphSource = { kind: 'file'; path: string } | { kind: 'command'; command: string };

export interface HookConfig {
  graph: GraphSource;
  salt: string;
}

/**
 * `git config disbuild.graph` (a path relative to the repository root) or `disbuild.graphCommand`, else
 * `disbuild.json` at the root of commit `sha`: `{"graph": "path"}` or `{"graphCommand": "cmd"}`, with an optional
 * `"salt"`. The file is read from the commit, never the working tree: what is pushed is what is checked, and
 * each commit (the pushed one, the remote's) is keyed with its own configuration. Answers a one-line hint when
 * there is none.
 */
export async function readHookConfig(
  repoDir: string,
  sha: string,
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
  let text: string;
  try {
    text = await git.raw(['show', `${sha}:disbuild.json`]);
  } catch {
    return {
      ok: false,
      error:
        'disbuild: no graph configured; run \'git config disbuild.graph PATH\' or add disbuild.json ({"graph": "PATH"})',
    };
  }
  try {
    const cfg = JSON.parse(text) as { graph?: unknown; graphCommand?: unknown; salt?: unknown };
    const s = typeof cfg.salt === 'string' ? cfg.salt : (salt ?? '');
    if (typeof cfg.graph === 'string')
      return { ok: true, value: { graph: { kind: 'file', path: cfg.graph }, salt: s } };
    if (typeof cfg.graphCommand === 'string') {
      return { ok: true, value: { graph: { kind: 'command', command: cfg.graphCommand }, salt: s } };
    }
    return {
      ok: false,
      error: 'disbuild: disbuild.json needs "graph" (a path) or "graphCommand" (a command)',
    };
  } catch (e) {
    return { ok: false, error: `disbuild: disbuild.json is not valid JSON: ${(e as Error).message}` };
  }
}
