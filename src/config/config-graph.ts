import { exec } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Graph, PathSet } from '../graph/model.js';
import { formatProblem } from '../graph/model.js';
import { checkFilesExist, loadGraphFile, parseGraphText } from '../graph/parse.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import type { KeptVouch } from './compiled-graph-cache.js';
import { formatConfigProblem } from './config-file.js';
import type { CompileShortcuts, ConfigSource } from './load-config.js';
import { compileConfig, readConfigSource } from './load-config.js';

const sh = promisify(exec);

/**
 * Paths known to be files (see loadGraphFile), or how to find them: asked only when a graph file is read, since a
 * compiled graph's inputs come from the listing itself.
 */
export type KnownFiles = Promise<PathSet | undefined> | (() => Promise<PathSet | undefined>);

/** The graph disbuild.json describes, and the salt it sets. */
export interface ConfigGraph {
  graph: Graph;
  salt?: string;
  source: ConfigSource['kind'];
  /** Tasks compiled no more, as the kept graph's files vouched by their stat data (see KeptVouch). */
  vouch?: KeptVouch;
}

/**
 * The graph of `<sourceDir>/disbuild.json`, whichever of its three sources it uses: a graph file (relative to
 * the directory), a command printing the graph (run with a shell there), or tasks. Undefined when the file does
 * not exist; otherwise the graph or every problem as one line each (file, task and field; or job and field).
 * `shortcuts` serve tasks only (a file list already under way, the compiled-graph cache).
 */
export async function loadConfigGraph(
  sourceDir: string,
  env: NodeJS.ProcessEnv,
  knownFiles?: KnownFiles,
  shortcuts: CompileShortcuts = {},
): Promise<Result<ConfigGraph, string[]> | undefined> {
  const source = await readConfigSource(sourceDir);
  if (source === undefined) return undefined;
  if (!source.ok) return err(source.error.map(formatConfigProblem));
  const s = source.value;
  const salt = s.salt === undefined ? {} : { salt: s.salt };
  switch (s.kind) {
    case 'tasks': {
      const compiled = await compileConfig(sourceDir, s.config, env, shortcuts);
      if (!compiled.ok) return err(compiled.error.map(formatConfigProblem));
      const { graph, vouch } = compiled.value;
      return ok({ graph, source: s.kind, ...salt, ...(vouch ? { vouch } : {}) });
    }
    case 'file': {
      const loaded = await loadGraphFile(
        resolve(sourceDir, s.path),
        sourceDir,
        typeof knownFiles === 'function' ? knownFiles() : knownFiles,
      );
      if (!loaded.ok) return err(loaded.error.map((p) => `${s.path}: ${formatProblem(p)}`));
      return ok({ graph: loaded.value, source: s.kind, ...salt });
    }
    case 'command': {
      const printed = await graphFromCommand(s.command, sourceDir);
      if (!printed.ok) return printed;
      return ok({ graph: printed.value, source: s.kind, ...salt });
    }
  }
}

/** Runs a command that prints a graph (with a shell, in `sourceDir`) and validates what it prints. */
export async function graphFromCommand(command: string, sourceDir: string): Promise<Result<Graph, string[]>> {
  let stdout: string;
  try {
    // A graph of 100,000 jobs is tens of megabytes of JSON: allow far more than the default 1 MiB.
    ({ stdout } = await sh(command, { cwd: sourceDir, maxBuffer: 1 << 30 }));
  } catch (e) {
    const x = e as { code?: number | string; stderr?: string; message: string };
    const why = x.stderr?.trim().split('\n').slice(-5).join('\n') || x.message.split('\n')[0];
    return err([`graphCommand ${JSON.stringify(command)} failed (exit code ${String(x.code)}): ${why}`]);
  }
  const parsed = parseGraphText(stdout);
  if (!parsed.ok) return err(parsed.error.map((p) => `graphCommand output: ${formatProblem(p)}`));
  const problems = checkFilesExist(parsed.value, sourceDir);
  return problems.length > 0 ? err(problems.map(formatProblem)) : parsed;
}
