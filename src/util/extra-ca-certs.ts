/**
 * NODE_EXTRA_CA_CERTS under another name, for Node processes that must not parse the file as they start (tens of
 * milliseconds of CPU each, before any of their code runs) and that read it themselves when they need it: the CLI
 * (bin/disbuild hands it over) and the upload process.
 */
export const HANDED_OVER_CA_CERTS = 'DISBUILD_NODE_EXTRA_CA_CERTS';

/** `env` with NODE_EXTRA_CA_CERTS moved to HANDED_OVER_CA_CERTS (a copy; `env` itself when it is not set). */
export function handOverCaCerts(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const file = env.NODE_EXTRA_CA_CERTS;
  if (file === undefined) return env;
  const { NODE_EXTRA_CA_CERTS: _moved, ...rest } = env;
  return { ...rest, [HANDED_OVER_CA_CERTS]: file };
}

/** The extra CA certificates file, under either name. */
export function extraCaCertsFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.NODE_EXTRA_CA_CERTS ?? env[HANDED_OVER_CA_CERTS];
}
