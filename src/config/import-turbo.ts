/**
 * `disbuild import turbo`: turbo.json (`tasks`, or `pipeline` before Turborepo 2) to an equivalent disbuild.json.
 * A task of turbo.json runs a package.json script in every package that has it: here it becomes a `script`
 * task. Whatever has no equivalent is listed as a note, never silently dropped.
 */
import type { TaskSpec } from './config-file.js';
import type { Workspace } from './workspaces.js';

export interface TurboImport {
  config: { $schema: string; tasks: Record<string, TaskSpec> };
  /** What could not be translated, one sentence each. */
  notes: string[];
}

export const SCHEMA_REF = './node_modules/disbuild/schema/disbuild.schema.json';

const IGNORED = new Set(['outputLogs', 'outputMode', 'interactive', 'description']);

/** Translates parsed turbo.json; `ws` says which packages have which scripts and the package manager. */
export function importTurbo(turbo: unknown, ws: Workspace): TurboImport {
  const notes: string[] = [];
  const tasks: Record<string, TaskSpec> = {};
  if (!isRecord(turbo))
    return { config: { $schema: SCHEMA_REF, tasks }, notes: ['turbo.json is not an object'] };
  const raw = isRecord(turbo.tasks) ? turbo.tasks : isRecord(turbo.pipeline) ? turbo.pipeline : {};
  for (const key of ['tasks', 'pipeline'] as const) {
    if (turbo[key] === undefined) continue;
    if (!isRecord(turbo[key])) notes.push(`${key}: not an object; not translated`);
    else if (raw !== turbo[key])
      notes.push(`${key}: not translated (Turborepo reads "tasks" when both are there)`);
  }
  const globalDependencies = strings(turbo.globalDependencies, 'globalDependencies', notes);
  // Before Turborepo 2, `$NAME` among them was an environment variable every task's hash covers.
  const globalEnv = [
    ...names(turbo.globalEnv, 'globalEnv', notes),
    ...names(
      globalDependencies.filter((g) => g.startsWith('$')).map((g) => g.slice(1)),
      'globalDependencies $',
      notes,
    ),
  ];
  // Files at the root every task's hash covers: inputs from the repository's root (`//`) of every task.
  const globalInputs = globalDependencies
    .filter((g) => !g.startsWith('$'))
    .map((g) => (g.startsWith('!') ? `!//${g.slice(1)}` : `//${g}`));
  for (const key of Object.keys(turbo).sort()) {
    if (!['$schema', 'tasks', 'pipeline', 'globalEnv', 'globalDependencies', 'ui', 'daemon'].includes(key)) {
      notes.push(`${key}: not translated`);
    }
  }
  const scripts = new Set<string>();
  for (const p of ws.packages.values()) for (const s of p.scripts.keys()) scripts.add(s);
  for (const name of Object.keys(raw).sort()) {
    const t = raw[name];
    if (!isRecord(t)) {
      notes.push(`${name}: not an object; left out`);
      continue;
    }
    if (name.includes('#')) {
      notes.push(
        `${name}: a package-specific task is not translated (a disbuild task applies to every package with the script)`,
      );
      continue;
    }
    if (t.persistent === true) {
      notes.push(
        `${name}: persistent (long-running) task left out: a build graph only runs tasks that finish`,
      );
      continue;
    }
    if (!scripts.has(name)) {
      notes.push(`${name}: no package has a "${name}" script; left out`);
      continue;
    }
    const spec = translateTask(name, t, globalEnv, notes);
    if (globalInputs.length > 0) spec.inputs = [...(spec.inputs ?? ['**']), ...globalInputs];
    tasks[name] = spec;
  }
  // Turborepo skips a dependency on a task no package has; disbuild refuses one: it is dropped, and said so.
  for (const [name, spec] of Object.entries(tasks)) {
    if (!spec.deps) continue;
    const kept = spec.deps.filter((d) => {
      if (tasks[d.replace(/^\^/, '')] !== undefined) return true;
      notes.push(`${name}: dependsOn ${JSON.stringify(d)} names a task left out above; dropped`);
      return false;
    });
    if (kept.length > 0) spec.deps = kept;
    else delete spec.deps;
  }
  return { config: { $schema: SCHEMA_REF, tasks }, notes };
}

function translateTask(
  name: string,
  t: Record<string, unknown>,
  globalEnv: string[],
  notes: string[],
): TaskSpec {
  const spec: TaskSpec = { script: name };
  const deps: string[] = [];
  const env = [...globalEnv];
  for (const d of strings(t.dependsOn, `${name}: dependsOn`, notes)) {
    if (d.startsWith('$')) env.push(...names([d.slice(1)], `${name}: dependsOn $`, notes));
    else if (d.includes('#'))
      notes.push(`${name}: dependsOn ${JSON.stringify(d)} (a package-specific task) not translated`);
    else deps.push(d);
  }
  if (deps.length > 0) spec.deps = deps;
  const inputs = translateInputs(name, strings(t.inputs, `${name}: inputs`, notes), notes);
  if (inputs) spec.inputs = inputs;
  const outputs = strings(t.outputs, `${name}: outputs`, notes).filter((o) => {
    if (!o.includes('$TURBO_')) return true;
    notes.push(`${name}: output ${JSON.stringify(o)} not translated`);
    return false;
  });
  if (outputs.length > 0) spec.outputs = outputs;
  env.push(...names(t.env, `${name}: env`, notes));
  if (env.length > 0) spec.env = [...new Set(env)].sort();
  if (t.cache === false) {
    notes.push(
      `${name}: "cache": false not translated; disbuild caches every task by its inputs, command and env`,
    );
  }
  if (Array.isArray(t.passThroughEnv) && t.passThroughEnv.length > 0) {
    notes.push(`${name}: passThroughEnv not translated; commands see only PATH, HOME and the task's env`);
  }
  for (const key of Object.keys(t)) {
    const known = ['dependsOn', 'inputs', 'outputs', 'env', 'cache', 'persistent', 'passThroughEnv'];
    if (!known.includes(key) && !IGNORED.has(key)) notes.push(`${name}: ${key} not translated`);
  }
  return spec;
}

/**
 * `$TURBO_DEFAULT$` is disbuild's default (every file of the package); `$TURBO_ROOT$/` is `//`, the repository's
 * root.
 */
function translateInputs(name: string, inputs: string[], notes: string[]): string[] | undefined {
  if (inputs.length === 0) return undefined;
  const out: string[] = [];
  for (const i of inputs) {
    const rooted = /^(!?)\$TURBO_ROOT\$\/(.+)$/.exec(i);
    if (i === '$TURBO_DEFAULT$') out.push('**');
    else if (rooted !== null && !rooted[2]!.startsWith('../')) out.push(`${rooted[1]!}//${rooted[2]!}`);
    else if (i.includes('$TURBO_ROOT$') || i.startsWith('../')) {
      notes.push(`${name}: input ${JSON.stringify(i)} outside the package not translated`);
    } else out.push(i);
  }
  if (out.length === 0) return undefined;
  // Exclusions alone take away from Turborepo's default, which is every file of the package.
  return out.every((i) => i.startsWith('!')) ? ['**', ...out] : out;
}

/** Variable names; wildcards and exclusions have no equivalent. */
function names(v: unknown, where: string, notes: string[]): string[] {
  return strings(v, where, notes).filter((n) => {
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) return true;
    notes.push(`${where} ${JSON.stringify(n)} not translated (disbuild names variables one by one)`);
    return false;
  });
}

/** A list of strings; anything else in its place is said, not silently dropped. */
function strings(v: unknown, where: string, notes: string[]): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    notes.push(`${where}: must be a list, got ${JSON.stringify(v)}; not translated`);
    return [];
  }
  const kept = v.filter((x): x is string => typeof x === 'string');
  if (kept.length < v.length) notes.push(`${where}: entries that are not strings left out`);
  return kept;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
