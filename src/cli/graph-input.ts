import { resolve } from 'node:path';
import type { Graph } from '../graph/model.js';
import { formatProblem } from '../graph/model.js';
import { loadGraphFile } from '../graph/parse.js';
import type { CliIo } from './io.js';

/** Loads and validates a graph file; prints every problem and answers undefined when it is invalid. */
export async function loadGraphOrReport(
  graphPath: string,
  sourceDir: string,
  io: CliIo,
  knownFiles?: Promise<ReadonlySet<string> | undefined>,
): Promise<Graph | undefined> {
  const loaded = await loadGraphFile(resolve(io.cwd, graphPath), sourceDir, knownFiles);
  if (loaded.ok) return loaded.value;
  io.stderr.write(
    `disbuild: invalid graph ${graphPath} (${loaded.error.length} problem${loaded.error.length === 1 ? '' : 's'}):\n`,
  );
  for (const p of loaded.error) io.stderr.write(`  ${formatProblem(p)}\n`);
  return undefined;
}
