import type { Graph } from '../graph/model.js';
import { validateGraph } from '../graph/validate.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { compileTasks, type GoGraph } from './compile.js';
import type { ConfigProblem, DisbuildConfig, TaskSpec } from './config-file.js';
import { CONFIG_FILE, readConfigFile } from './config-file.js';
import { listRepoFiles } from './repo-files.js';
import { readWorkspace } from './workspaces.js';

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
  if (!read?.ok) return read;
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

/**
 * Compiles the tasks of disbuild.json at `root` into a validated Graph, and the graph JSON `disbuild graph`
 * prints. Environment variables named by tasks' `env` are read from `env`.
 */
export async function compileConfig(
  root: string,
  config: DisbuildConfig & { tasks: ReadonlyMap<string, TaskSpec> },
  env: NodeJS.ProcessEnv,
): Promise<Result<{ graph: Graph; json: GoGraph }, ConfigProblem[]>> {
  const files = await listRepoFiles(root);
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
  return ok({ graph: validated.value, json: compiled.graph });
}
