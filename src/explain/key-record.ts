/**
 * A key's ingredients, kept per job name so that a later run can say what changed (`disbuild explain`). It holds
 * what the key is made of, in a form a person can read back: input paths with their digests, commands with
 * dependency references by name, environment variable names with a hash of their value (never the value), a
 * hash of the salt, and the dependencies' keys by name.
 */
import { createHash } from 'node:crypto';
import type { Graph, Job, JobLabel, Template } from '../graph/model.js';
import type { JobKey } from '../ids/brands.js';
import type { InputState } from '../ids/input-state.js';

export type CmdRecord =
  | { kind: 'exec'; argv: string[]; env: Record<string, string>; cwd: string }
  | { kind: 'cat'; content: string; output: string };

export interface KeyRecord {
  version: 1;
  name: string;
  key: string;
  /** SHA-256 of the salt. */
  salt: string;
  /** Input path → `<mode> <git blob ID>`, plus ` link <blob ID of the link text>` for a symbolic link. */
  inputs: Record<string, string>;
  cmds: CmdRecord[];
  /** Dependency name → its key. */
  deps: Record<string, string>;
  outputs: string[];
}

const hash = (s: string): string => createHash('sha256').update(s).digest('hex');

/** The salt is the same for every record of a run: hashed once. */
let saltHash: { salt: string; hash: string } | undefined;
const hashSalt = (salt: string): string => {
  if (saltHash?.salt !== salt) saltHash = { salt, hash: hash(salt) };
  return saltHash.hash;
};

/** The record of one job's key. */
export function keyRecord(
  graph: Graph,
  job: Job,
  digests: ReadonlyMap<string, InputState>,
  keys: ReadonlyMap<JobLabel, JobKey>,
  salt: string,
): KeyRecord {
  const depName = (l: JobLabel): string => graph.byLabel.get(l)?.name ?? l;
  const text = (t: Template): string =>
    t
      .map((p) =>
        p.kind === 'text'
          ? p.text
          : p.kind === 'output-dir'
            ? '{{OUTPUT_DIR}}'
            : p.kind === 'source-dir'
              ? '{{SOURCE_DIR}}'
              : `{{DEP:${depName(p.label)}}}`,
      )
      .join('');
  const inputs: Record<string, string> = {};
  for (const path of job.inputs) {
    const s = digests.get(path);
    inputs[path] =
      s === undefined || !('digest' in s)
        ? 'missing'
        : `${s.mode} ${s.digest}${s.link === undefined ? '' : ` link ${s.link}`}`;
  }
  const cmds = job.cmds.map((c): CmdRecord => {
    if (c.kind === 'cat')
      return { kind: 'cat', content: hash(text(c.catTemplate)), output: text(c.catOutput) };
    const env: Record<string, string> = {};
    for (const e of c.environ) {
      const entry = text(e);
      const eq = entry.indexOf('=');
      env[eq < 0 ? entry : entry.slice(0, eq)] = hash(eq < 0 ? '' : entry.slice(eq + 1));
    }
    return { kind: 'exec', argv: c.exec.map(text), env, cwd: text(c.workingDirectory) };
  });
  const deps: Record<string, string> = {};
  for (const d of job.deps) deps[depName(d)] = keys.get(d) ?? '';
  return {
    version: 1,
    name: job.name,
    key: keys.get(job.label) ?? '',
    salt: hashSalt(salt),
    inputs,
    cmds,
    deps,
    outputs: [...(job.outputs ?? [])],
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringMap = (v: unknown, value: (s: string) => boolean = () => true): boolean =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => isString(x) && value(x));
/** An input's state as keyRecord writes it: `missing`, or a mode and a blob ID, with a link's blob ID. */
const INPUT_STATE = /^(missing|\S+ [0-9a-f]+( link [0-9a-f]+)?)$/;

function isCmdRecord(c: unknown): boolean {
  if (typeof c !== 'object' || c === null) return false;
  const x = c as Record<string, unknown>;
  if (x.kind === 'cat') return isString(x.content) && isString(x.output);
  return (
    x.kind === 'exec' &&
    Array.isArray(x.argv) &&
    x.argv.every(isString) &&
    isStringMap(x.env) &&
    isString(x.cwd)
  );
}

/**
 * `r` when it is a whole key record of `name`, every field of the shape keyRecord writes; else undefined. Records
 * are read from a journal other processes append to and from a shared cache: one that is not whole is none.
 */
export function parseKeyRecord(name: string, r: unknown): KeyRecord | undefined {
  if (typeof r !== 'object' || r === null) return undefined;
  const x = r as Partial<Record<keyof KeyRecord, unknown>>;
  const whole =
    x.version === 1 &&
    x.name === name &&
    isString(x.key) &&
    isString(x.salt) &&
    isStringMap(x.inputs, (v) => INPUT_STATE.test(v)) &&
    Array.isArray(x.cmds) &&
    x.cmds.every(isCmdRecord) &&
    isStringMap(x.deps) &&
    Array.isArray(x.outputs) &&
    x.outputs.every(isString);
  return whole ? (r as KeyRecord) : undefined;
}
