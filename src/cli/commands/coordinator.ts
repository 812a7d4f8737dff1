import { resolve } from 'node:path';
import { CoordinatorClient, parseAddress } from '../../coordinator/client.js';
import { socketProblem } from '../../coordinator/private-dir.js';
import { ENV_ADDRESS, ENV_TOKEN } from '../../coordinator/protocol.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../io.js';
import { EXIT } from '../io.js';

const HELP = `Usage: disbuild coordinator start KEY
       disbuild coordinator finish KEY --token T (--file LABEL=PATH... | --error MESSAGE | --release)
         (PATH: a plain file in the job's output or temp directory, relative to the current one or absolute)
       disbuild coordinator renew KEY --token T

Speaks the Start/Finish protocol from a shell script inside a job, through $${ENV_ADDRESS} and $${ENV_TOKEN}.
Every answer is one JSON object on stdout:
  start   {"token": "..."}: build, then finish (renew within the lease, 10 s, while building)
          {"extra": {"LABEL": "PATH", ...}}: another holder built it; reuse those files
          {"error": "..."} (exit 1): another holder's build failed
  finish  {} when recorded (--release: built for this caller only; a waiter gets a token and builds it)
Exit status: 0 ok, 1 refused or failed, 2 bad usage or no coordinator in the environment.
`;

/** `disbuild coordinator`: the protocol for scripts inside jobs. */
export const coordinator: Command = async (argv, io) => {
  const parsed = parseCommandArgs(argv, {
    token: { type: 'string' },
    file: { type: 'string', multiple: true },
    error: { type: 'string' },
    release: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (parsed.ok && parsed.value.values.help) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  if (!parsed.ok) return usage(io, parsed.error);
  const [op, key, ...rest] = parsed.value.positionals;
  if (key === undefined || rest.length > 0 || !['start', 'finish', 'renew'].includes(op ?? '')) {
    return usage(io, 'expected start, finish or renew, and one KEY');
  }
  const address = io.env[ENV_ADDRESS];
  const bearer = io.env[ENV_TOKEN];
  if (!address || !bearer)
    return usage(io, `${ENV_ADDRESS} and ${ENV_TOKEN} must be set (they are, inside a job)`);
  const target = parseAddress(address);
  const notOurs = 'socketPath' in target ? await socketProblem(target.socketPath) : undefined;
  if (notOurs) {
    io.stderr.write(`disbuild coordinator: not sending the token to ${address}: ${notOurs}\n`);
    return EXIT.failed;
  }
  const client = new CoordinatorClient(address, bearer);
  try {
    const v = parsed.value.values;
    if (op === 'start') return print(io, await client.start(key));
    if (v.token === undefined) return usage(io, '--token is required');
    if (op === 'renew') return print(io, await client.renew(key, v.token));
    if ([v.file, v.error, v.release].filter((x) => x !== undefined).length !== 1)
      return usage(io, 'give one of --file LABEL=PATH..., --error or --release');
    if (v.error !== undefined) return print(io, await client.finish(key, v.token, { error: v.error }));
    if (v.release) return print(io, await client.finish(key, v.token, { release: true }));
    const extra: Record<string, string> = {};
    for (const f of v.file ?? []) {
      const eq = f.indexOf('=');
      if (eq <= 0) return usage(io, `--file must be LABEL=PATH, got ${JSON.stringify(f)}`);
      // Resolved here: the serving process has another working directory, and takes absolute paths only.
      extra[f.slice(0, eq)] = resolve(io.cwd, f.slice(eq + 1));
    }
    return print(io, await client.finish(key, v.token, { extra }));
  } finally {
    client.close();
  }
};

function print(
  io: CliIo,
  r: { ok: true; value: unknown } | { ok: false; error: { message: string } },
): number {
  io.stdout.write(JSON.stringify(r.ok ? (r.value ?? {}) : { error: r.error.message }) + '\n');
  return r.ok ? EXIT.ok : EXIT.failed;
}

function usage(io: CliIo, message: string): number {
  io.stderr.write(`disbuild coordinator: ${message}\n\n${HELP}`);
  return EXIT.usage;
}
