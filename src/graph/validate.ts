import { posix } from 'node:path';
import type { Cmd, Graph, GraphProblem, Job, JobLabel, Template } from './model.js';
import { findCycle } from './cycles.js';
import { describe, field, isObject } from './go-json.js';
import { depLabels, parseTemplate } from './template.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';

const HEX40 = /^[0-9a-fA-F]{40}$/;

const templates = new Map<string, Template>();
const strings_ = new Map<string, string>();
/** One copy of each input path, however many jobs name it. */
function intern(s: string): string {
  const known = strings_.get(s);
  if (known !== undefined) return known;
  if (strings_.size < 1_000_000) strings_.set(s, s);
  return s;
}

/** Problems are collected, never thrown: a user sees every one of them at once. */
class Problems {
  readonly list: GraphProblem[] = [];
  add(job: string | undefined, field: string | undefined, message: string): void {
    this.list.push({
      ...(job === undefined ? {} : { job }),
      ...(field === undefined ? {} : { field }),
      message,
    });
  }
}

/** Validates decoded graph JSON (§1) into a Graph, or every problem found. Input files are not checked here. */
export function validateGraph(raw: unknown): Result<Graph, GraphProblem[]> {
  const problems = new Problems();
  if (!isObject(raw)) return err([{ message: `the graph must be a JSON object, got ${describe(raw)}` }]);
  const sourceFiles = readSourceFiles(field(raw, 'SourceFiles'), problems);
  const rawJobs = field(raw, 'Jobs') ?? [];
  if (!Array.isArray(rawJobs))
    return err([{ field: 'Jobs', message: `must be a list, got ${describe(rawJobs)}` }]);

  const jobs: Job[] = [];
  const byLabel = new Map<JobLabel, Job>();
  rawJobs.forEach((rawJob, i) => {
    const job = readJob(rawJob, i, problems);
    // Each decoded job is dropped once validated, so a 100,000-job graph is never held twice over.
    rawJobs[i] = null;
    if (!job) return;
    const other = byLabel.get(job.label);
    if (other) {
      problems.add(
        job.name,
        'ID',
        `duplicate ID ${job.label}, also used by job ${JSON.stringify(other.name)}`,
      );
      return;
    }
    byLabel.set(job.label, job);
    jobs.push(job);
  });
  for (const job of jobs) checkReferences(job, byLabel, problems);
  if (problems.list.length === 0) {
    const cycle = findCycle(new Map(jobs.map((j) => [j.label, j.deps])));
    if (cycle) {
      const names = cycle.map((l) => byLabel.get(l)!.name);
      problems.add(names[0], 'Deps', `dependency cycle: ${names.join(' -> ')}`);
    }
  }
  templates.clear();
  strings_.clear();
  return problems.list.length > 0 ? err(problems.list) : ok({ sourceFiles, jobs, byLabel });
}

function readSourceFiles(raw: unknown, problems: Problems): Map<string, string> {
  const files = new Map<string, string>();
  if (raw === null || raw === undefined) return files;
  if (!isObject(raw)) {
    problems.add(undefined, 'SourceFiles', `must be an object of ID to path, got ${describe(raw)}`);
    return files;
  }
  for (const [id, path] of Object.entries(raw)) {
    if (!HEX40.test(id))
      problems.add(undefined, `SourceFiles[${JSON.stringify(id)}]`, 'is not a 40-character hex ID');
    if (typeof path !== 'string')
      problems.add(undefined, `SourceFiles[${JSON.stringify(id)}]`, 'must be a path string');
    else files.set(id.toLowerCase(), path);
  }
  return files;
}

function strings(value: unknown, job: string, where: string, problems: Problems): string[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.add(job, where, `must be a list of strings, got ${describe(value)}`);
    return [];
  }
  const out: string[] = [];
  value.forEach((v, i) => {
    if (typeof v === 'string') out.push(v);
    else problems.add(job, `${where}[${i}]`, `must be a string, got ${describe(v)}`);
  });
  return out;
}

function str(value: unknown, job: string, where: string, problems: Problems): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  problems.add(job, where, `must be a string, got ${describe(value)}`);
  return '';
}

function readJob(raw: unknown, index: number, problems: Problems): Job | undefined {
  if (!isObject(raw)) {
    problems.add(undefined, `Jobs[${index}]`, `must be an object, got ${describe(raw)}`);
    return undefined;
  }
  const rawId = field(raw, 'ID');
  const nameValue = field(raw, 'Name');
  const idText = typeof rawId === 'string' ? rawId : '';
  const name = typeof nameValue === 'string' && nameValue !== '' ? nameValue : idText || `Jobs[${index}]`;
  if (nameValue !== undefined && nameValue !== null && typeof nameValue !== 'string') {
    problems.add(name, 'Name', `must be a string, got ${describe(nameValue)}`);
  }
  if (!HEX40.test(idText)) {
    problems.add(name, 'ID', `must be 40 hex characters, got ${JSON.stringify(rawId ?? null)}`);
    return undefined;
  }
  const label = idText.toLowerCase() as JobLabel;
  const inputs = readInputs(strings(field(raw, 'Inputs'), name, 'Inputs', problems), name, problems);
  const deps: JobLabel[] = [];
  strings(field(raw, 'Deps'), name, 'Deps', problems).forEach((d, i) => {
    if (!HEX40.test(d))
      problems.add(name, `Deps[${i}]`, `must be 40 hex characters, got ${JSON.stringify(d)}`);
    else if (!deps.includes(d.toLowerCase() as JobLabel)) deps.push(d.toLowerCase() as JobLabel);
  });
  const rawCmds = field(raw, 'Cmds') ?? [];
  const cmds: Cmd[] = [];
  if (!Array.isArray(rawCmds)) problems.add(name, 'Cmds', `must be a list, got ${describe(rawCmds)}`);
  else
    rawCmds.forEach((c, i) => {
      const cmd = readCmd(c, name, `Cmds[${i}]`, problems);
      if (cmd) cmds.push(cmd);
    });
  return { label, name, inputs, deps, cmds };
}

/** Normalises input paths (`./a//b` → `a/b`), refusing absolute and escaping ones; sorted, deduplicated. */
function readInputs(raw: string[], job: string, problems: Problems): string[] {
  const out = new Set<string>();
  raw.forEach((p, i) => {
    const where = `Inputs[${i}]`;
    if (p === '') return problems.add(job, where, 'is empty');
    if (p.startsWith('/'))
      return problems.add(job, where, `must be relative to the source directory, got ${JSON.stringify(p)}`);
    const norm = posix.normalize(p);
    if (norm === '..' || norm.startsWith('../')) {
      return problems.add(job, where, `must not leave the source directory, got ${JSON.stringify(p)}`);
    }
    if (norm === '.') return problems.add(job, where, `must name a file, got ${JSON.stringify(p)}`);
    out.add(intern(norm.replace(/\/$/, '')));
  });
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function template(value: string, job: string, where: string, problems: Problems): Template {
  const cached = templates.get(value);
  if (cached) return cached;
  const t = parseTemplate(value);
  if (t.ok) {
    // Graphs repeat the same strings (`sh`, `-c`, paths) thousands of times: one parsed copy serves all.
    if (templates.size < 1_000_000) templates.set(value, t.value);
    return t.value;
  }
  problems.add(job, where, t.error);
  return [];
}

function readCmd(raw: unknown, job: string, where: string, problems: Problems): Cmd | undefined {
  if (!isObject(raw)) {
    problems.add(job, where, `must be an object, got ${describe(raw)}`);
    return undefined;
  }
  const execRaw = field(raw, 'Exec');
  const exec = strings(execRaw, job, `${where}.Exec`, problems);
  const catOutput = str(field(raw, 'CatOutput'), job, `${where}.CatOutput`, problems);
  const hasExec = execRaw !== null && execRaw !== undefined;
  if (hasExec && catOutput !== '') {
    problems.add(job, where, 'sets both Exec and CatOutput; a command is either an exec or a cat');
    return undefined;
  }
  if (catOutput !== '') {
    return {
      kind: 'cat',
      catOutput: template(catOutput, job, `${where}.CatOutput`, problems),
      catTemplate: template(
        str(field(raw, 'CatTemplate'), job, `${where}.CatTemplate`, problems),
        job,
        `${where}.CatTemplate`,
        problems,
      ),
    };
  }
  if (exec.length === 0) {
    problems.add(job, where, hasExec ? 'Exec is empty' : 'sets neither Exec nor CatOutput');
    return undefined;
  }
  const environ = strings(field(raw, 'Environ'), job, `${where}.Environ`, problems);
  environ.forEach((e, i) => {
    if (!/^[^=]+=/.test(e))
      problems.add(job, `${where}.Environ[${i}]`, `must look like KEY=VALUE, got ${JSON.stringify(e)}`);
  });
  return {
    kind: 'exec',
    exec: exec.map((a, i) => template(a, job, `${where}.Exec[${i}]`, problems)),
    environ: environ.map((e, i) => template(e, job, `${where}.Environ[${i}]`, problems)),
    workingDirectory: template(
      str(field(raw, 'WorkingDirectory'), job, `${where}.WorkingDirectory`, problems),
      job,
      `${where}.WorkingDirectory`,
      problems,
    ),
  };
}

/** Unknown deps, and `{{DEP:x}}` references to jobs not listed in Deps. */
function checkReferences(job: Job, byLabel: ReadonlyMap<JobLabel, Job>, problems: Problems): void {
  job.deps.forEach((d, i) => {
    if (!byLabel.has(d)) problems.add(job.name, `Deps[${i}]`, `unknown dependency ${d}`);
  });
  job.cmds.forEach((cmd, i) => {
    const fields: [string, Template][] =
      cmd.kind === 'cat'
        ? [
            ['CatTemplate', cmd.catTemplate],
            ['CatOutput', cmd.catOutput],
          ]
        : [
            ...cmd.exec.map((t, k): [string, Template] => [`Exec[${k}]`, t]),
            ...cmd.environ.map((t, k): [string, Template] => [`Environ[${k}]`, t]),
            ['WorkingDirectory', cmd.workingDirectory],
          ];
    for (const [name, t] of fields) {
      for (const label of depLabels(t)) {
        if (!job.deps.includes(label)) {
          problems.add(job.name, `Cmds[${i}].${name}`, `refers to {{DEP:${label}}}, which is not in Deps`);
        }
      }
    }
  });
}
