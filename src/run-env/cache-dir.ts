import { homedir } from 'node:os';
import { join } from 'node:path';

/** `$XDG_CACHE_HOME/disbuild`, else `~/.cache/disbuild`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && xdg !== '' ? xdg : join(env.HOME ?? homedir(), '.cache'), 'disbuild');
}
