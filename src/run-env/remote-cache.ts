import type { Cache } from '../cache/cache.js';
import type {
  RemoteCacheOptions,
  RemoteKind,
  RemoteMode,
  SettingNames,
} from '../cache/remote/open-remote.js';
import { openTieredCache, parseRemoteCacheOptions } from '../cache/remote/open-remote.js';
import type { Result } from '../util/result.js';
import { ok } from '../util/result.js';
import type { LocalState } from './local-state.js';

/** The remote cache settings of a CLI run or a hook: kind, URL, team and mode; the token comes from the env. */
export interface RemoteSettings {
  kind: RemoteKind;
  url?: string;
  team?: string;
  mode?: string;
}

/** Checks remote settings; undefined settings mean no remote cache. */
export function parseRemoteSettings(
  s: RemoteSettings | undefined,
  names: SettingNames,
  env: NodeJS.ProcessEnv,
  defaultMode: RemoteMode,
): Result<RemoteCacheOptions | undefined, string> {
  if (s === undefined) return ok(undefined);
  const token = env.DISBUILD_CACHE_TOKEN;
  return parseRemoteCacheOptions({ ...s, ...(token ? { token } : {}) }, names, env, defaultMode);
}

/**
 * The local cache, with the remote one behind it when configured. `restoresEverything`: the run restores every
 * hit it looks up (`--download all`).
 */
export function withRemote(
  local: Cache,
  remote: RemoteCacheOptions | undefined,
  state: LocalState,
  onWarning: (message: string) => void,
  restoresEverything = false,
): Cache {
  if (remote === undefined) return local;
  return openTieredCache(local, remote, {
    scratchDir: `${state.newRunDir()}-uploads`,
    onWarning,
    restoresEverything,
  });
}
