import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatConfigProblem } from '../../config/config-file.js';
import { compileConfig, readConfigSource } from '../../config/load-config.js';
import { parseCommandArgs } from '../args.js';
import { configAbove } from '../config-above.js';
import type { Command } from '../io.js';
import { EXIT } from '../io.js';

const HELP = `Usage: disbuild graph [--source-dir DIR]

Compiles the tasks of disbuild.json (in the source dir, default: the current directory) and prints the graph
JSON that 'disbuild run' would run. Every problem is listed, each naming the file, the task and the field.
`;

/** `disbuild graph`: the compiled graph of disbuild.json's tasks, as JSON on stdout. */
export const graph: Command = async (argv, io) => {
  const parsed = parseCommandArgs(argv, {
    'source-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok || parsed.value.values.help) {
    const wanted = parsed.ok;
    (wanted ? io.stdout : io.stderr).write((parsed.ok ? '' : `disbuild graph: ${parsed.error}\n`) + HELP);
    return wanted ? EXIT.ok : EXIT.usage;
  }
  const sourceDir = resolve(io.cwd, parsed.value.values['source-dir'] ?? '.');
  const source = await readConfigSource(sourceDir);
  if (source === undefined) {
    const above = configAbove(sourceDir);
    const turbo = existsSync(join(sourceDir, 'turbo.json'))
      ? " ('disbuild import turbo' writes one from turbo.json)"
      : '';
    io.stderr.write(
      above === undefined
        ? `disbuild graph: no disbuild.json in ${sourceDir}${turbo}\n`
        : `disbuild graph: no disbuild.json in ${sourceDir}: ${join(above, 'disbuild.json')} describes the build of ${above}; run disbuild graph there, or pass --source-dir ${above}\n`,
    );
    return EXIT.usage;
  }
  const problems = (lines: string[]): number => {
    io.stderr.write(
      `disbuild: invalid configuration (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n`,
    );
    for (const l of lines) io.stderr.write(`  ${l}\n`);
    return EXIT.usage;
  };
  if (!source.ok) return problems(source.error.map(formatConfigProblem));
  if (source.value.kind !== 'tasks') {
    const where = source.value.kind === 'file' ? source.value.path : source.value.command;
    io.stderr.write(
      `disbuild graph: disbuild.json has no tasks; its graph comes from ${JSON.stringify(where)}\n`,
    );
    return EXIT.usage;
  }
  const compiled = await compileConfig(sourceDir, source.value.config, io.env);
  if (!compiled.ok) return problems(compiled.error.map(formatConfigProblem));
  io.stdout.write(`${JSON.stringify(compiled.value.json, null, 2)}\n`);
  return EXIT.ok;
};
