import type { Graph } from '../graph/model.js';
import { validateGraph } from '../graph/validate.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import type { GoGraph } from './compile.js';
import type { ConfigProblem, DisbuildConfig, TaskSpec } from './config-file.js';
import { CONFIG_FILE, readConfigFile } from './config-file.js';
import { compileFingerprint, readCompiledGraph, writeCompiledGraph } from './compiled-graph-cache.js';
import { listRepoFiles } from './repo-files.js';

/** Where the graph comes from, as disbuild.json says. */
export type ConfigSource =
  | { kind: 'file'; path: string; salt?: string }
  | { kind: 'command'; command: string; salt?: string }
  | { kind: 'tasks'; config: DisbuildConfig & { tasks: ReadonlyMap<string, TaskSpec> }; salt?: string };

/** The graph source of `<dir>/disbuild.json`; undefined when there is no such file. */
export async function readConfigSource(
  dir: string,
): Promise<Result<ConfigSource, ConfigProblem[]> | undefined> {
  const read = await readConfigFile(dir);
  return read === undefined ? undefined : configSourceOf(read);
}

/** The graph source a read disbuild.json names (from a file, or from a commit: see the hook). */
export function configSourceOf(
  read: Result<DisbuildConfig, ConfigProblem[]>,
): Result<ConfigSource, ConfigProblem[]> {
  if (!read.ok) return read;
  const c = read.value;
  const salt = c.salt === undefined ? {} : { salt: c.salt };
  if (c.graph !== undefined) return ok({ kind: 'file', path: c.graph, ...salt });
  if (c.graphCommand !== undefined) return ok({ kind: 'command', command: c.graphCommand, ...salt });
  if (c.tasks !== undefined) return ok({ kind: 'tasks', config: { ...c, tasks: c.tasks }, ...salt });
  return err([
    {
      file: CONFIG_FILE,
      message:
        'needs "tasks" (see the README), "graph" (a path) or "graphCommand" (a command printing the graph)',
    },
  ]);
}

/** What a caller may lend the compile: the repository's files listed already, and where compiled graphs are kept. */
export interface CompileShortcuts {
  /** The repository's files as listRepoFiles lists them (see startRepoFiles); undefined: list them here. */
  files?: Promise<readonly string[] | undefined>;
  /** The file keeping the last compiled graph (see compiled-graph-cache.ts); absent: compile every time. */
  cacheFile?: string;
}

/**
 * Compiles the tasks of disbuild.json at `root` into a validated Graph, and the graph JSON `disbuild graph`
 * prints. Environment variables named by tasks' `env` are read from `env`. `cached` says whether the compile was
 * skipped because nothing it reads changed since the graph in `shortcuts.cacheFile` was compiled.
 */
export async function compileConfig(
  root: string,
  config: DisbuildConfig & { tasks: ReadonlyMap<string, TaskSpec> },
  env: NodeJS.ProcessEnv,
  shortcuts: CompileShortcuts = {},
): Promise<Result<{ graph: Graph; json: GoGraph; cached: boolean }, ConfigProblem[]>> {
  const files = (await shortcuts.files) ?? (await listRepoFiles(root));
  const { cacheFile } = shortcuts;
  const fingerprint = cacheFile === undefined ? undefined : compileFingerprint(root, config, files, env);
  if (cacheFile !== undefined && fingerprint !== undefined) {
    const json = readCompiledGraph(cacheFile, fingerprint);
    // Validated like any graph; a graph that no longer validates is compiled afresh (and its problems reported).
    const validated = json && validateGraph({ ...json, Jobs: [...json.Jobs] });
    if (json && validated?.ok) return ok({ graph: validated.value, json, cached: true });
  }
  // The compiler's modules are loaded only when there is something to compile.
  const [{ compileTasks }, { readWorkspace }] = await Promise.all([
    import('./compile.js'),
    import('./workspaces.js'),
  ]);
  const problems: ConfigProblem[] = [];
  const workspace = await readWorkspace(root, files, problems);
  const compiled = compileTasks({ config, workspace, files, env });
  problems.push(...compiled.problems);
  if (problems.length > 0) return err(problems);
  // The validator empties the list it reads: it gets a copy, the JSON stays whole for printing.
  const validated = validateGraph({ ...compiled.graph, Jobs: [...compiled.graph.Jobs] });
  if (!validated.ok) {
    const taskOf = new Map(compiled.graph.Jobs.map((j) => [j.Name, j.Name.replace(/^.*#/, '')]));
    return err(
      validated.error.map((p) => ({
        file: CONFIG_FILE,
        ...(p.job === undefined ? {} : { task: taskOf.get(p.job) ?? p.job }),
        field: p.field?.startsWith('Cmds') ? 'command' : (p.field ?? 'tasks'),
        message: p.message,
      })),
    );
  }
  if (cacheFile !== undefined && fingerprint !== undefined) {
    writeCompiledGraph(cacheFile, fingerprint, compiled.graph);
  }
  return ok({ graph: validated.value, json: compiled.graph, cached: false });
}
