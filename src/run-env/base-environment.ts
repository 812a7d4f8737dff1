/** The minimal base environment of §5: what commands need to find tools, and nothing that varies silently. */
export function baseEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const base: Record<string, string> = { PATH: env.PATH ?? '/usr/local/bin:/usr/bin:/bin' };
  if (env.HOME !== undefined) base.HOME = env.HOME;
  return base;
}
