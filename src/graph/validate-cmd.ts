import type { Cmd, JobLabel, Template } from './model.js';
import { describe, isObject, readStruct, structType } from './go-json.js';
import type { ValidateContext } from './validate-context.js';
import { quoted } from '../util/printable.js';

const CMD = structType('Exec', 'Environ', 'WorkingDirectory', 'CatTemplate', 'CatOutput');

/**
 * One `Cmd`: an exec (`Exec` set) or a cat (`CatOutput` set), never both, never neither. Every string is a
 * template, and each one's `{{DEP:x}}` must name one of the job's `deps`. `where` is `Cmds[i]`.
 */
export function readCmd(
  raw: unknown,
  job: string,
  deps: readonly JobLabel[],
  where: string,
  cx: ValidateContext,
): Cmd | undefined {
  if (!isObject(raw)) {
    cx.add(job, where, `must be an object, got ${describe(raw)}`);
    return undefined;
  }
  // Depth 5: the graph, Jobs, the job, its Cmds, the command.
  const { values: f, ambiguous, tooDeep } = readStruct(raw, CMD, 5);
  if (ambiguous) cx.ambiguousKeys = true;
  for (const key of tooDeep) cx.tooDeep(job, `${where}.${key}`);
  // A NUL byte cannot reach a program's arguments, its environment, or a path; a cat's content may hold one.
  // Field names (`Cmds[0].Exec[2]`) are spelled out only for a problem.
  const template = (value: string, field: () => string, nulAllowed = false): Template => {
    const at = (): string => `${where}.${field()}`;
    if (!nulAllowed && value.includes('\0')) {
      cx.add(job, at(), 'must not contain a NUL byte');
      return [];
    }
    const t = cx.template(value, job, at);
    for (const p of t) {
      if (p.kind === 'dep' && !deps.includes(p.label))
        cx.add(job, at(), `refers to {{DEP:${p.label}}}, which is not in Deps`);
    }
    return t;
  };
  const hasExec = f.Exec !== null && f.Exec !== undefined;
  const catOutput = cx.string(f.CatOutput, job, `${where}.CatOutput`);
  if (hasExec && catOutput !== '') {
    cx.add(job, where, 'sets both Exec and CatOutput; a command is either an exec or a cat');
    return undefined;
  }
  if (catOutput !== '') {
    const catTemplate = cx.string(f.CatTemplate, job, `${where}.CatTemplate`);
    return {
      kind: 'cat',
      catTemplate: template(catTemplate, () => 'CatTemplate', true),
      catOutput: template(catOutput, () => 'CatOutput'),
    };
  }
  if (!hasExec) {
    cx.add(job, where, 'sets neither Exec nor CatOutput; a command is either an exec or a cat');
    return undefined;
  }
  const exec = cx.strings(f.Exec, job, `${where}.Exec`);
  if (Array.isArray(f.Exec) && exec.length === 0)
    cx.add(job, `${where}.Exec`, 'is empty: an exec needs a program');
  if (exec[0] === '') cx.add(job, `${where}.Exec[0]`, 'is empty: an exec needs a program');
  const environ = cx.strings(f.Environ, job, `${where}.Environ`);
  environ.forEach((e, i) => {
    if (e !== undefined && !/^[^=]+=/.test(e)) {
      cx.add(job, `${where}.Environ[${i}]`, `must look like KEY=VALUE, got ${quoted(e)}`);
    }
  });
  const templates = (list: (string | undefined)[], field: string): Template[] =>
    list.map((s, i) => (s === undefined ? [] : template(s, () => `${field}[${i}]`)));
  return {
    kind: 'exec',
    exec: templates(exec, 'Exec'),
    environ: templates(environ, 'Environ'),
    workingDirectory: template(
      cx.string(f.WorkingDirectory, job, `${where}.WorkingDirectory`),
      () => 'WorkingDirectory',
    ),
  };
}
