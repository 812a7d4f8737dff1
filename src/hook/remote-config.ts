import type { RemoteCacheOptions } from '../cache/remote/open-remote.js';
import { parseRemoteSettings } from '../run-env/remote-cache.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { readDisbuildSettings } from './git-settings.js';

/**
 * The hook's remote cache, from `git config disbuild.cache` (http or turbo; http when only a URL is set),
 * `disbuild.cacheUrl`, `disbuild.cacheTeam` and `disbuild.cacheMode`. A hook only reads unless the mode says
 * read-write: a developer's machine is not a trusted writer (see the README's trust model).
 */
export async function readHookRemote(
  repoDir: string,
  env: NodeJS.ProcessEnv,
  settings?: ReadonlyMap<string, string>,
): Promise<Result<RemoteCacheOptions | undefined, string>> {
  const s = settings ?? (await readDisbuildSettings(repoDir));
  const [kind, url, team, mode] = ['cache', 'cacheurl', 'cacheteam', 'cachemode'].map((k) =>
    s.get(`disbuild.${k}`),
  );
  const k = kind ?? (url === undefined ? 'local' : 'http');
  if (k === 'local' || k === 'none') return ok(undefined);
  if (k !== 'http' && k !== 'turbo')
    return err(`git config disbuild.cache must be one of http, turbo, local, got ${JSON.stringify(k)}`);
  return parseRemoteSettings(
    { kind: k, url, team, mode },
    { url: 'git config disbuild.cacheUrl', mode: 'git config disbuild.cacheMode' },
    env,
    'read',
  );
}
