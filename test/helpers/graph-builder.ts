/**
 * Builds validated `Graph` values directly (no parser), for tests of what consumes graphs.
 * Commands are written as strings in which `<out>`, `<src>` and `<dep:NAME>` stand for the template variables.
 */
import { createHash } from 'node:crypto';
import type { Cmd, Graph, Job, JobLabel, Template, TemplatePart } from '../../src/graph/model.js';

export type CmdDef = { exec: string[]; environ?: string[]; wd?: string } | { cat: string; to: string };

export interface JobDef {
  name: string;
  inputs?: string[];
  /** Dependencies by name. */
  deps?: string[];
  cmds: CmdDef[];
}

/** A producer's label for a name: 40 hex characters, unrelated to content. `seed` gives another labelling. */
export function labelFor(name: string, seed = ''): JobLabel {
  return createHash('sha1').update(`label:${seed}:${name}`).digest('hex') as JobLabel;
}

/** Splits a command string at `<out>`, `<src>`, `<dep:NAME>` into template parts. */
export function template(s: string, seed = ''): Template {
  const parts: TemplatePart[] = [];
  const re = /<out>|<src>|<dep:([^>]+)>/g;
  let last = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m.index > last) parts.push({ kind: 'text', text: s.slice(last, m.index) });
    if (m[0] === '<out>') parts.push({ kind: 'output-dir' });
    else if (m[0] === '<src>') parts.push({ kind: 'source-dir' });
    else parts.push({ kind: 'dep', label: labelFor(m[1]!, seed) });
    last = m.index + m[0].length;
  }
  if (last < s.length) parts.push({ kind: 'text', text: s.slice(last) });
  return parts;
}

function cmd(c: CmdDef, seed: string): Cmd {
  if ('cat' in c) return { kind: 'cat', catTemplate: template(c.cat, seed), catOutput: template(c.to, seed) };
  return {
    kind: 'exec',
    exec: c.exec.map((a) => template(a, seed)),
    environ: (c.environ ?? []).map((e) => template(e, seed)),
    workingDirectory: template(c.wd ?? '', seed),
  };
}

/**
 * The Graph of these jobs, as the parser would produce it (inputs sorted by code units and deduplicated).
 * `seed` changes every label (and every reference to it) consistently.
 */
export function buildGraph(defs: JobDef[], seed = ''): Graph {
  const jobs: Job[] = defs.map((d) => ({
    label: labelFor(d.name, seed),
    name: d.name,
    inputs: [...new Set(d.inputs ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    deps: (d.deps ?? []).map((n) => labelFor(n, seed)),
    cmds: d.cmds.map((c) => cmd(c, seed)),
  }));
  return { sourceFiles: new Map(), jobs, byLabel: new Map(jobs.map((j) => [j.label, j])) };
}

/** Writes files (path → content) under dir, creating directories. */
export async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { dirname, join } = await import('node:path');
  for (const [p, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, p)), { recursive: true });
    await writeFile(join(dir, p), content);
  }
}
