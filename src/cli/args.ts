import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Result } from '../util/result.js';
import { nearName } from '../util/near-name.js';
import { err, ok } from '../util/result.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with errors as values: unknown flags and missing values become one usage line. */
export function parseCommandArgs<O extends Options>(
  argv: string[],
  options: O,
): Result<
  {
    values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>['values'];
    positionals: string[];
    /** Where each option and positional stood in `argv` (node:util's tokens). */
    tokens: NonNullable<
      ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; tokens: true }>>['tokens']
    >;
  },
  string
> {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
    return ok({ values: parsed.values, positionals: parsed.positionals, tokens: parsed.tokens });
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    // Node's message for an unknown option is about positionals starting with '-': name the option meant instead,
    // and keep its advice for a name that is no option (a task named `--lint`).
    const unknown = /^Unknown option '(-{1,2})(.*)'\. To specify/s.exec(error.message);
    if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown !== null) {
      const dashes = unknown[1]!;
      const name = unknown[2]!;
      const near = dashes === '--' ? nearName(name, Object.keys(options)) : undefined;
      return err(
        near !== undefined
          ? `unknown option ${dashes}${name}; did you mean --${near}?`
          : `unknown option ${dashes}${name} (a name that starts with '-' goes after '--': -- ${dashes}${name})`,
      );
    }
    return err(error.message);
  }
}

/** A positive integer flag, with an error that quotes the bad value. */
export function parsePositiveInt(
  flag: string,
  value: string | undefined,
  fallback: number,
): Result<number, string> {
  if (value === undefined) return ok(fallback);
  if (!/^[1-9][0-9]*$/.test(value.trim()))
    return err(`${flag} must be a positive integer, got ${JSON.stringify(value)}`);
  return ok(Number(value.trim()));
}

/** A flag restricted to a few words, with an error listing them. */
export function parseChoice<T extends string>(
  flag: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
): Result<T, string> {
  if (value === undefined) return ok(fallback);
  if ((choices as readonly string[]).includes(value)) return ok(value as T);
  return err(`${flag} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
}
