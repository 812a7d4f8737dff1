import { access, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  CONFIG_FILE,
  type ConfigProblem,
  formatConfigProblem,
  parseConfigText,
  readJsonWithComments,
} from '../../config/config-file.js';
import { importTurbo, type TurboImport } from '../../config/import-turbo.js';
import { compileConfig } from '../../config/load-config.js';
import { listRepoFiles } from '../../config/repo-files.js';
import { readWorkspace } from '../../config/workspaces.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../io.js';
import { EXIT } from '../io.js';

const HELP = `Usage: disbuild import turbo [--source-dir DIR] [--force] [--stdout]

Reads turbo.json or turbo.jsonc ("tasks", or "pipeline") and the workspaces, and writes an equivalent disbuild.json beside it.
Everything that has no equivalent is listed on stderr. Exits with 1, after writing it, when the configuration
needs fixing before it can run (listed too); with 2 when nothing was written.

Options:
  --source-dir DIR   the repository (default: current directory)
  --force            replace an existing disbuild.json
  --stdout           print the configuration instead of writing it
`;

/** `disbuild import turbo`: turbo.json to disbuild.json. */
export const importCommand: Command = async (argv, io) => {
  const parsed = parseCommandArgs(argv, {
    'source-dir': { type: 'string' },
    force: { type: 'boolean' },
    stdout: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (parsed.ok && parsed.value.values.help) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const from = parsed.ok ? parsed.value.positionals[0] : undefined;
  if (!parsed.ok || from !== 'turbo' || parsed.value.positionals.length !== 1) {
    const why = !parsed.ok
      ? parsed.error
      : from === undefined
        ? 'say what to import: turbo'
        : `cannot import ${JSON.stringify(from)}; only turbo`;
    io.stderr.write(`disbuild import: ${why}\n${HELP}`);
    return EXIT.usage;
  }
  const v = parsed.value.values;
  const root = resolve(io.cwd, v['source-dir'] ?? '.');
  let turbo: unknown;
  const exists = (path: string): Promise<boolean> =>
    access(path).then(
      () => true,
      () => false,
    );
  // turbo.json, or turbo.jsonc as Turborepo 2 also reads it; either may hold comments and trailing commas.
  const jsonc = join(root, 'turbo.jsonc');
  const source =
    !(await exists(join(root, 'turbo.json'))) && (await exists(jsonc)) ? jsonc : join(root, 'turbo.json');
  try {
    const read = readJsonWithComments(await readFile(source, 'utf8'));
    if (!read.ok) throw new Error(read.error);
    turbo = read.value;
  } catch (e) {
    io.stderr.write(`disbuild import: cannot read ${source}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  const target = join(root, CONFIG_FILE);
  if (!v.stdout && !v.force && (await exists(target))) {
    io.stderr.write(`disbuild import: ${target} exists; pass --force to replace it, or --stdout\n`);
    return EXIT.usage;
  }
  const problems: { file: string; message: string }[] = [];
  const files = await listRepoFiles(root);
  const ws = await readWorkspace(root, files, problems);
  for (const p of problems) io.stderr.write(`disbuild import: ${p.file}: ${p.message}\n`);
  const result = importTurbo(turbo, ws);
  if (source !== jsonc && (await exists(jsonc))) result.notes.push('turbo.jsonc: not read (turbo.json is)');
  // A package's own turbo.json (`extends`) changes its tasks there: said, not silently dropped.
  for (const f of files) {
    if (f.includes('/') && (f.endsWith('/turbo.json') || f.endsWith('/turbo.jsonc')))
      result.notes.push(`${f}: a package's own configuration not translated`);
  }
  const toFix = await leaveOutEmptyInputs(root, result, io.env);
  const text = `${JSON.stringify(result.config, null, 2)}\n`;
  if (v.stdout) io.stdout.write(text);
  else await writeFile(target, text);
  const n = Object.keys(result.config.tasks).length;
  io.stderr.write(
    `disbuild import: ${n} task${n === 1 ? '' : 's'} translated${v.stdout ? '' : ` into ${target}`}\n`,
  );
  if (result.notes.length > 0) {
    io.stderr.write(`Not translated:\n${result.notes.map((s) => `  - ${s}\n`).join('')}`);
  }
  if (toFix.length > 0) {
    io.stderr.write(
      `To fix before it runs:\n${toFix.map((p) => `  - ${formatConfigProblem(p)}\n`).join('')}`,
    );
    // Written, to be fixed in place; but `disbuild import turbo && disbuild run` must not go on as if it could run.
    // Not 2: that says nothing was written (bad usage, turbo.json unreadable, disbuild.json there already).
    return EXIT.failed;
  }
  return EXIT.ok;
};

/**
 * Turborepo accepts an input glob that matches no file; disbuild refuses one (a mistyped glob would leave a key
 * blind to what was meant). Compiled against the repository, such globs are left out of the translation, and
 * said so; a task left with none reads every file of its package. Answers what else the compile finds.
 */
async function leaveOutEmptyInputs(
  root: string,
  result: TurboImport,
  env: NodeJS.ProcessEnv,
): Promise<ConfigProblem[]> {
  const compile = async (): Promise<ConfigProblem[]> => {
    const parsed = parseConfigText(JSON.stringify(result.config));
    if (!parsed.ok) return parsed.error;
    const config = parsed.value;
    if (config.tasks === undefined) return [];
    const compiled = await compileConfig(root, { ...config, tasks: config.tasks }, env);
    return compiled.ok ? [] : compiled.error;
  };
  const problems = await compile();
  const empty = new Map<string, Set<number>>();
  for (const p of problems) {
    const at = /^inputs\[(\d+)\]$/.exec(p.field ?? '');
    if (p.task === undefined || at === null || p.matchesNothing !== true) continue;
    empty.set(p.task, (empty.get(p.task) ?? new Set()).add(Number(at[1])));
  }
  if (empty.size === 0) return problems;
  for (const [task, indices] of empty) {
    const spec = result.config.tasks[task]!;
    const inputs = spec.inputs ?? [];
    for (const i of indices) {
      result.notes.push(
        `${task}: input ${JSON.stringify(inputs[i])} matches no file of a package with the script; left out`,
      );
    }
    const kept = inputs.filter((_, i) => !indices.has(i));
    if (kept.some((g) => !g.startsWith('!'))) spec.inputs = kept;
    else delete spec.inputs;
  }
  return compile();
}
