import type { CliIo } from '../run-env/io.js';

export type { CliIo };

/** A sub-command: parses its own arguments, returns the process exit code (0 ok, 1 failed jobs, 2 bad usage). */
export type Command = (argv: string[], io: CliIo) => Promise<number>;

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
