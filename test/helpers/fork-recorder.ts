/**
 * A module for the CLI's `--import` (through NODE_OPTIONS) that records every process it forks in $PROCESS_LOG,
 * one line each: `fork <program> with|without NODE_EXTRA_CA_CERTS` (in the environment the child is given).
 */
export const FORK_RECORDER = `
import childProcess from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const real = childProcess.fork;
childProcess.fork = function (program, ...rest) {
  const options = rest.find((a) => a !== null && typeof a === 'object' && !Array.isArray(a));
  const env = options?.env ?? process.env;
  const ca = env.NODE_EXTRA_CA_CERTS === undefined ? 'without' : 'with';
  appendFileSync(process.env.PROCESS_LOG, 'fork ' + program + ' ' + ca + ' NODE_EXTRA_CA_CERTS\\n');
  return real.call(this, program, ...rest);
};
syncBuiltinESMExports();
`;
