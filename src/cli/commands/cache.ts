import { resolve } from 'node:path';
import { pruneCache } from '../../cache/prune.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../io.js';
import { EXIT } from '../io.js';
import { defaultCacheDir } from '../../run-env/cache-dir.js';

const HELP = `Usage: disbuild cache prune --max-size SIZE [--cache-dir DIR]

Removes the least recently used artifacts until the local cache is at most SIZE (bytes, or with a K, M or G suffix).
`;

/** Parses `500M`, `2G`, `1048576`; undefined for anything else. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?$/i.exec(text.trim());
  if (!m) return undefined;
  const power = ' KMGT'.indexOf((m[2] || ' ').toUpperCase());
  return Math.floor(Number(m[1]) * 1024 ** power);
}

/** `disbuild cache prune`: bounds the local cache's size. */
export const cache: Command = async (argv, io) => {
  const parsed = parseCommandArgs(argv, {
    'max-size': { type: 'string' },
    'cache-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (parsed.ok && parsed.value.values.help) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  if (!parsed.ok || parsed.value.positionals[0] !== 'prune') {
    io.stderr.write(
      `disbuild cache: ${parsed.ok ? 'expected the sub-command "prune"' : parsed.error}\n${HELP}`,
    );
    return EXIT.usage;
  }
  const v = parsed.value.values;
  const max = v['max-size'] === undefined ? undefined : parseSize(v['max-size']);
  if (max === undefined) {
    io.stderr.write(
      v['max-size'] === undefined
        ? `disbuild cache prune: --max-size is required (a size such as 500M or 2G)\n`
        : `disbuild cache prune: --max-size must be a size such as 500M or 2G, got ${JSON.stringify(v['max-size'])}\n`,
    );
    return EXIT.usage;
  }
  const dir = v['cache-dir'] === undefined ? defaultCacheDir(io.env) : resolve(io.cwd, v['cache-dir']);
  const r = await pruneCache(dir, { maxSizeBytes: max });
  for (const p of r.problems) io.stderr.write(`disbuild cache prune: warning: could not remove ${p}\n`);
  io.stdout.write(
    `removed ${r.removed} artifact${r.removed === 1 ? '' : 's'} (${r.freedBytes} bytes); ${r.remainingBytes} bytes remain in ${dir}\n`,
  );
  return r.problems.length > 0 ? EXIT.failed : EXIT.ok;
};
