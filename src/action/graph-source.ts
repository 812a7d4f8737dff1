import { exec } from 'node:child_process';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Graph, GraphProblem, PathSet } from '../graph/model.js';
import { checkFilesExist, loadGraphFile, parseGraphText } from '../graph/parse.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { loadConfigGraph } from '../config/config-graph.js';
import type { ActionOptions } from './inputs.js';
import { Inputs } from './inputs.js';

const sh = promisify(exec);
const quote = (v: string): string => JSON.stringify(v);

/**
 * The graph named by the inputs: a file (relative to the workspace) or what `graph-command` prints (run with a
 * shell in the source dir, with the jobs' base environment). Trouble reaching the graph names the input and quotes its value; problems inside
 * the graph are the graph's own, naming job and field.
 */
export async function loadActionGraph(
  graph: ActionOptions['graph'],
  workspace: string,
  sourceDir: string,
  baseEnv: Readonly<Record<string, string>>,
  knownFiles?: Promise<PathSet | undefined>,
): Promise<Result<Graph & { configSalt?: string }, GraphProblem[]>> {
  if (graph.kind === 'config') {
    const configured = await loadConfigGraph(sourceDir, process.env, knownFiles);
    if (configured === undefined) {
      return err([
        {
          message: `Input "${Inputs.graph}" (or "${Inputs.graphCommand}") is required when ${Inputs.sourceDir} has no disbuild.json`,
        },
      ]);
    }
    if (!configured.ok) return err(configured.error.map((message) => ({ message })));
    return ok(Object.assign(configured.value.graph, { configSalt: configured.value.salt }));
  }
  if (graph.kind === 'file') {
    const path = resolve(workspace, graph.path);
    try {
      await access(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      return err([{ message: `Input "${Inputs.graph}": cannot read ${quote(graph.path)} (${code})` }]);
    }
    return loadGraphFile(path, sourceDir, knownFiles);
  }
  let stdout: string;
  try {
    // A graph of 100,000 jobs is tens of megabytes of JSON: allow far more than the default 1 MiB.
    // The base environment, as jobs get: the runner's tokens (ACTIONS_RUNTIME_TOKEN, …) stay out of it.
    ({ stdout } = await sh(graph.command, { cwd: sourceDir, env: { ...baseEnv }, maxBuffer: 1 << 30 }));
  } catch (e) {
    const x = e as { code?: number | string; stderr?: string; message: string };
    const why = x.stderr?.trim().split('\n').slice(-5).join('\n') || x.message.split('\n')[0];
    return err([
      {
        message: `Input "${Inputs.graphCommand}": ${quote(graph.command)} failed (exit code ${String(x.code)}): ${why}`,
      },
    ]);
  }
  const parsed = parseGraphText(stdout);
  if (!parsed.ok) {
    return err(parsed.error.map((p) => ({ ...p, message: `${Inputs.graphCommand} output: ${p.message}` })));
  }
  const problems = checkFilesExist(parsed.value, sourceDir, { inputs: false });
  return problems.length > 0 ? err(problems) : parsed;
}
