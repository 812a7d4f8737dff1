import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Graph } from '../graph/model.js';
import { formatProblem } from '../graph/model.js';
import { loadGraphFile } from '../graph/parse.js';
import type { KnownFiles } from '../config/config-graph.js';
import type { KeptVouch } from '../config/compiled-graph-cache.js';
import type { CompileShortcuts } from '../config/load-config.js';
import { configAbove } from './config-above.js';
import type { CliIo } from './io.js';

/** A graph to run, and the salt disbuild.json sets (the `--salt` flag wins over it). */
export interface GraphInput {
  graph: Graph;
  salt?: string;
  /** disbuild.json's tasks, compiled no more: what vouched for the kept graph (see KeptVouch). */
  vouch?: KeptVouch;
}

/**
 * The graph of `--graph FILE`, or without it the one `<sourceDir>/disbuild.json` describes (a graph file, a
 * graph command, or tasks). Prints every problem and answers undefined when there is none or it is invalid.
 * `validatedGraphFile` names where a graph file's validation is kept for the next run (see parse.ts).
 */
export async function loadGraphOrReport(
  graphPath: string | undefined,
  sourceDir: string,
  io: CliIo,
  knownFiles?: KnownFiles,
  shortcuts?: CompileShortcuts,
  validatedGraphFile?: (graphPath: string) => string,
): Promise<GraphInput | undefined> {
  if (graphPath === undefined) {
    // Loaded only here: a run given --graph does not pay for compiling disbuild.json (globs, YAML).
    const { loadConfigGraph } = await import('../config/config-graph.js');
    const configured = await loadConfigGraph(sourceDir, io.env, knownFiles, shortcuts);
    if (configured === undefined) {
      const above = configAbove(resolve(sourceDir));
      const turbo = existsSync(join(sourceDir, 'turbo.json'))
        ? " ('disbuild import turbo' writes one from turbo.json)"
        : '';
      io.stderr.write(
        above === undefined
          ? `disbuild: no graph: pass --graph FILE, or describe the build in ${resolve(sourceDir, 'disbuild.json')}${turbo}\n`
          : `disbuild: no graph here: ${join(above, 'disbuild.json')} describes the build of ${above}; run disbuild there, or pass --source-dir ${above}\n`,
      );
      return undefined;
    }
    if (configured.ok) return configured.value;
    const n = configured.error.length;
    io.stderr.write(`disbuild: invalid configuration (${n} problem${n === 1 ? '' : 's'}):\n`);
    for (const line of configured.error) io.stderr.write(`  ${line}\n`);
    return undefined;
  }
  const path = resolve(io.cwd, graphPath);
  const loaded = await loadGraphFile(
    path,
    sourceDir,
    typeof knownFiles === 'function' ? knownFiles() : knownFiles,
    validatedGraphFile?.(path),
  );
  if (loaded.ok) return { graph: loaded.value };
  io.stderr.write(
    `disbuild: invalid graph ${graphPath} (${loaded.error.length} problem${loaded.error.length === 1 ? '' : 's'}):\n`,
  );
  for (const p of loaded.error) io.stderr.write(`  ${formatProblem(p)}\n`);
  return undefined;
}
