import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../../src/cli/args.js';

const flags = { targets: { type: 'string', multiple: true }, jobs: { type: 'string', short: 'j' } } as const;

describe('parseCommandArgs', () => {
  it('names the option an unknown one is likely meant to be', () => {
    // Before: Node's "Unknown option '--target'. To specify a positional argument starting with a '-', ...".
    expect(parseCommandArgs(['--target', 'a'], flags)).toEqual({
      ok: false,
      error: 'unknown option --target; did you mean --targets?',
    });
    expect(parseCommandArgs(['--JOBS=2'], flags)).toEqual({
      ok: false,
      error: 'unknown option --JOBS; did you mean --jobs?',
    });
    expect(parseCommandArgs(['--lint'], flags)).toEqual({
      ok: false,
      error: "unknown option --lint (a name that starts with '-' goes after '--': -- --lint)",
    });
    expect(parseCommandArgs(['-x'], flags)).toEqual({
      ok: false,
      error: "unknown option -x (a name that starts with '-' goes after '--': -- -x)",
    });
    expect(parseCommandArgs(["--it's"], flags)).toEqual({
      ok: false,
      error: "unknown option --it's (a name that starts with '-' goes after '--': -- --it's)",
    });
  });

  it('keeps what Node says of other mistakes', () => {
    const r = parseCommandArgs(['--jobs'], flags);
    expect(r.ok || r.error).toMatch(/--jobs/);
  });
});
