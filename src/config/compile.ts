/**
 * Compiles `disbuild.json` tasks into the seed's graph JSON (DESIGN.md §1 and §10): one job per task, or per
 * workspace package for `script` tasks; inputs chosen by glob from the repository's files; in-place `Outputs`.
 *
 * Deterministic: jobs sorted by name, IDs the SHA-1 of package and task name (stable across runs and machines),
 * inputs sorted. Every problem is collected and reported at once, naming the file, the task and the field.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { findCycles } from '../graph/cycles.js';
import type { ConfigProblem, DisbuildConfig, TaskSpec } from './config-file.js';
import { CONFIG_FILE } from './config-file.js';
import type { Workspace, WorkspacePackage } from './workspaces.js';
import { selectInputs, type GeneratedFiles, generatedFiles } from './select-inputs.js';
import { isLiteral, normalizePattern } from './globs.js';
import { escapeGlob } from '../util/unescape-glob.js';
import { choosesEverything } from '../util/whole-tree-glob.js';
import { insideGitDir } from '../util/git-dir-path.js';

/** A job as Go's encoding/json writes it, plus the optional `Outputs`. */
export interface GoJob {
  ID: string;
  Name: string;
  Inputs: string[];
  Deps: string[];
  Cmds: { Exec: string[]; Environ: string[]; WorkingDirectory: string }[];
  Outputs?: string[];
}

export interface GoGraph {
  SourceFiles: null;
  Jobs: GoJob[];
}

/** One job to be: a task, in a package or at the repository root. */
export interface TaskInstance {
  task: string;
  spec: TaskSpec;
  /** Undefined for root tasks (`command`). */
  pkg?: WorkspacePackage;
  /** The task's directory relative to the repository root: the package's, or ''. */
  dir: string;
  name: string;
  label: string;
  /** Output globs relative to the repository root (`!` kept). */
  outputs: string[];
  /** The same, relative to `dir`: equal in every package of a task, so matched once per task. */
  relOutputs: readonly string[];
}

export interface CompileInput {
  config: DisbuildConfig & { tasks: ReadonlyMap<string, TaskSpec> };
  workspace: Workspace;
  /** The repository's files, relative, sorted by code units. */
  files: readonly string[];
  /** Those of them git does not track (see untrackedOf): only those can be outputs. Undefined: any can. */
  untracked?: ReadonlySet<string>;
  env: NodeJS.ProcessEnv;
}

/** The graph JSON of the config's tasks, or every problem found. */
export function compileTasks(input: CompileInput): { graph: GoGraph; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  // A task's problem is the same in every package it applies to: reported once.
  const seen = new Set<string>();
  const add = (
    task: string,
    field: string | undefined,
    message: string,
    more: Partial<ConfigProblem> = {},
  ): void => {
    const id = JSON.stringify([task, field, message]);
    if (seen.has(id)) return;
    seen.add(id);
    problems.push({ file: CONFIG_FILE, task, ...(field === undefined ? {} : { field }), message, ...more });
  };
  const instances = instantiate(input, add);
  const generated: GeneratedFiles = generatedFiles(instances, input.workspace, input.files, input.untracked);
  const byKey = new Map(instances.map((i) => [instanceKey(i.task, i.pkg?.name), i]));
  // Dependencies first (their problems said after the inputs', as before), for the packages `^task` passes through.
  const later: Parameters<typeof add>[] = [];
  const resolved = new Map(
    instances.map((inst) => [inst, resolveDeps(inst, input, byKey, (...a) => void later.push(a))]),
  );
  const through = new Map<string, TaskInstance>();
  for (const r of resolved.values()) {
    for (const t of r.through)
      if (!through.has(t.key)) through.set(t.key, passedThrough(t.task, t.pkg, input));
  }
  const inputs = selectInputs([...instances, ...through.values()], input.files, generated, add);
  for (const a of later) add(...a);
  const jobs: GoJob[] = instances.map((inst) => {
    const r = resolved.get(inst)!;
    let own = inputs.get(inst) ?? [];
    if (r.through.length > 0) {
      const all = new Set(own);
      for (const t of r.through) for (const f of inputs.get(through.get(t.key)!) ?? []) all.add(f);
      own = [...all].sort();
    }
    const job: GoJob = {
      ID: inst.label,
      Name: inst.name,
      Inputs: own,
      Deps: r.deps,
      Cmds: [command(inst, input, add)],
    };
    if (inst.outputs.length > 0) job.Outputs = inst.outputs;
    return job;
  });
  const byLabel = new Map(instances.map((i) => [i.label, i]));
  for (const cycle of findCycles(new Map(jobs.map((j) => [j.ID, j.Deps])))) {
    const first = byLabel.get(cycle[0]!)!;
    add(first.task, 'deps', `dependency cycle: ${cycle.map((l) => byLabel.get(l)!.name).join(' -> ')}`);
  }
  return { graph: { SourceFiles: null, Jobs: jobs }, problems };
}

function instanceKey(task: string, pkg: string | undefined): string {
  return `${pkg ?? ''}\0${task}`;
}

/** Stable across runs and machines: the package and task names, nothing else. */
export function taskLabel(task: string, pkg: string | undefined): string {
  return createHash('sha1')
    .update(`disbuild-task\0${pkg ?? ''}\0${task}`)
    .digest('hex');
}

function instantiate(
  input: CompileInput,
  add: (task: string, field: string | undefined, message: string) => void,
): TaskInstance[] {
  const out: TaskInstance[] = [];
  const packages = [...input.workspace.packages.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const [task, spec] of input.config.tasks) {
    // Its one problem is reported already (config-file.ts); compiled as something it may not be, it would add others.
    if (input.config.brokenTasks?.has(task)) continue;
    const relOutputs = (spec.outputs ?? []).flatMap((p, i) => {
      const n = normalizePattern(p);
      if (!n.ok) {
        add(task, `outputs[${i}]`, n.error);
        return [];
      }
      if (insideGitDir(n.value)) {
        add(task, `outputs[${i}]`, `must not be inside .git (git's own files), got ${JSON.stringify(p)}`);
        return [];
      }
      if (spec.script === undefined && !p.startsWith('!') && choosesEverything([n.value])) {
        add(task, `outputs[${i}]`, `must not be the whole repository, got ${JSON.stringify(p)}`);
        return [];
      }
      const not = p.startsWith('!') ? '!' : '';
      // A plain path is a file or a directory (`"dist"`): what is in that directory is the task's too.
      return isLiteral(n.value) ? [`${not}${n.value}`, `${not}${n.value}/**`] : [`${not}${n.value}`];
    });
    const outputs = (base: string): string[] =>
      base === ''
        ? relOutputs
        : // A package directory is a path, not a glob: `apps/(marketing)` must match itself.
          relOutputs.map((p) => {
            const dir = escapeGlob(base);
            return p.startsWith('!') ? `!${dir}/${p.slice(1)}` : `${dir}/${p}`;
          });
    if (spec.script === undefined) {
      const label = taskLabel(task, undefined);
      out.push({ task, spec, dir: '', name: task, label, outputs: relOutputs, relOutputs });
      continue;
    }
    const chosen = packages.filter((p) => p.scripts.has(spec.script!));
    if (chosen.length === 0 && input.workspace.incomplete !== true) {
      const script = JSON.stringify(spec.script);
      add(
        task,
        'script',
        input.workspace.declared
          ? `no workspace package has a script ${script}`
          : `the root package.json has no script ${script}`,
      );
    }
    for (const pkg of chosen) {
      const name = `${pkg.name}#${task}`;
      const label = taskLabel(task, pkg.name);
      out.push({ task, spec, pkg, dir: pkg.dir, name, label, outputs: outputs(pkg.dir), relOutputs });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A package `^task` passed through (it lacks the task's script), and the task it lacks. */
interface PassedThrough {
  key: string;
  task: string;
  pkg: WorkspacePackage;
}

/**
 * What a package without the task's script would read as that task: its files that the task's globs select, its
 * package.json and the lock files. Never a job: its inputs are read by the jobs whose `^task` passes through it, so
 * that an edit of a package with nothing to build (types consumed from source) rebuilds its dependents, as
 * Turborepo's hash of a task without a script covers the package's files.
 */
function passedThrough(task: string, pkg: WorkspacePackage, input: CompileInput): TaskInstance {
  const spec = input.config.tasks.get(task)!;
  return {
    task,
    spec,
    pkg,
    dir: pkg.dir,
    name: `${pkg.name}#${task}`,
    label: '',
    outputs: [],
    relOutputs: [],
  };
}

function resolveDeps(
  inst: TaskInstance,
  input: CompileInput,
  byKey: ReadonlyMap<string, TaskInstance>,
  add: (task: string, field: string | undefined, message: string) => void,
): { deps: string[]; through: PassedThrough[] } {
  const tasks = input.config.tasks;
  const out = new Set<string>();
  const through = new Map<string, PassedThrough>();
  (inst.spec.deps ?? []).forEach((d, i) => {
    const field = `deps[${i}]`;
    const upstream = d.startsWith('^');
    const name = upstream ? d.slice(1) : d;
    const target = tasks.get(name);
    if (!target) {
      add(inst.task, field, unknownTask(name, tasks));
      return;
    }
    // Whether `^name` fits cannot be told of a task whose kind is unknown (see instantiate).
    if (input.config.brokenTasks?.has(name)) return;
    // Said once for the task, not as a cycle in each of its packages.
    if (!upstream && name === inst.task) {
      const hint =
        target.script === undefined ? '' : `; "^${name}" is the same task of its workspace dependencies`;
      add(inst.task, field, `a task cannot depend on itself${hint}`);
      return;
    }
    if (upstream) {
      if (!inst.pkg || target.script === undefined) {
        add(
          inst.task,
          field,
          `"^${name}" needs a script task on both sides (the same task of every workspace dependency)`,
        );
        return;
      }
      const up = upstreamLabels(inst.pkg, name, input.workspace, byKey);
      for (const l of up.labels) out.add(l);
      for (const pkg of up.through) {
        const key = instanceKey(name, pkg.name);
        through.set(key, { key, task: name, pkg });
      }
    } else if (target.script === undefined) {
      out.add(byKey.get(instanceKey(name, undefined))!.label);
    } else if (inst.pkg) {
      const same = byKey.get(instanceKey(name, inst.pkg.name));
      if (same) out.add(same.label);
    } else {
      for (const other of byKey.values()) if (other.task === name) out.add(other.label);
    }
  });
  return { deps: [...out].sort(), through: [...through.values()] };
}

/** Why a name in `deps` names no task, with the task it likely meant. */
function unknownTask(name: string, tasks: ReadonlyMap<string, unknown>): string {
  if (name.includes('#') && tasks.has(name.slice(name.lastIndexOf('#') + 1))) {
    return `unknown task ${JSON.stringify(name)}: deps name a task ("${name.slice(name.lastIndexOf('#') + 1)}"), not one package's`;
  }
  let best: string | undefined;
  let bestDistance = 3;
  for (const t of tasks.keys()) {
    const d = editDistance(name, t);
    if (d < bestDistance) [best, bestDistance] = [t, d];
  }
  return `unknown task ${JSON.stringify(name)}${best === undefined ? '' : `; did you mean ${JSON.stringify(best)}?`}`;
}

/** Levenshtein distance, for names of a few dozen characters. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * `^task` from package P: the task in each workspace dependency of P that has it; through a dependency that does
 * not, on to its own dependencies (so that the order still holds across a package with nothing to build), and
 * that dependency in `through`.
 */
function upstreamLabels(
  pkg: WorkspacePackage,
  task: string,
  ws: Workspace,
  byKey: ReadonlyMap<string, TaskInstance>,
): { labels: string[]; through: WorkspacePackage[] } {
  const labels: string[] = [];
  const through: WorkspacePackage[] = [];
  const seen = new Set<string>([pkg.name]);
  const stack = [...pkg.deps];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const inst = byKey.get(instanceKey(task, name));
    if (inst) labels.push(inst.label);
    else {
      const other = ws.packages.get(name);
      if (other === undefined) continue;
      through.push(other);
      stack.push(...other.deps);
    }
  }
  return { labels, through };
}

function command(
  inst: TaskInstance,
  input: CompileInput,
  add: (task: string, field: string | undefined, message: string) => void,
): GoJob['Cmds'][number] {
  const { spec } = inst;
  const exec =
    spec.script !== undefined
      ? [input.workspace.manager, 'run', spec.script]
      : typeof spec.command === 'string'
        ? ['sh', '-c', spec.command]
        : [...(spec.command ?? [])];
  let wd = inst.dir;
  if (spec.cwd !== undefined) {
    const n = normalizeDir(spec.cwd);
    if (!n.ok) add(inst.task, 'cwd', n.error);
    else if (n.value !== '') wd = wd === '' ? n.value : `${wd}/${n.value}`;
  }
  // Unset variables are left out (and so differ from set-but-empty ones in the key).
  const environ = (spec.env ?? []).flatMap((name) => {
    const v = input.env[name];
    return v === undefined ? [] : [`${name}=${v}`];
  });
  return { Exec: exec, Environ: environ, WorkingDirectory: wd };
}

/** A directory relative to the task's own (`cwd`): a path, not a glob; `.`, `sub/` and `./sub` are plain. */
function normalizeDir(dir: string): { ok: true; value: string } | { ok: false; error: string } {
  if (dir === '') return { ok: false, error: 'is empty' };
  if (dir.startsWith('/')) return { ok: false, error: `must be relative, got ${JSON.stringify(dir)}` };
  const norm = posix.normalize(dir).replace(/\/+$/, '');
  if (norm === '..' || norm.startsWith('../')) {
    return { ok: false, error: `must stay inside its directory, got ${JSON.stringify(dir)}` };
  }
  return { ok: true, value: norm === '.' ? '' : norm };
}
