/**
 * Job keys (DESIGN.md §2): a job's key is the SHA-1 of a canonical record of everything that determines its
 * output — schema, salt, inputs (path, and the mode and blob ID of what reading it yields, plus the link text's
 * blob ID when it is a symbolic link), commands with dependency references replaced by the
 * dependencies' keys, and the dependencies' keys. Names and the producer's labels never enter a key.
 * The byte-level encoding is in docs/key-encoding.md.
 */
import type { Cmd, Graph, GraphProblem, Job, JobLabel, Template, TemplatePart } from '../graph/model.js';
import { missingSourceFile } from '../graph/model.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { unreachable } from '../util/unreachable.js';
import type { JobKey } from './brands.js';
import { CanonicalHasher, compareCodeUnits } from './canonical.js';
import { chooseDigests, commitTreeDigests, type WorkTreeListings } from './file-digest.js';
import type { DigestMap, DigestSource, InputState } from './input-state.js';
import { InputRecheck } from './input-recheck.js';
import { memoizedKeys } from './keys-memo.js';
import { topologicalOrder } from './topological-order.js';

/** Bumped whenever the encoding changes, so that no key ever changes meaning silently. */
export const KEY_SCHEMA = 'disbuild-key-v2';

type KeyOf = (label: JobLabel) => JobKey;

/**
 * Keys computed before for this same graph and salt (keys-memo.ts), and the input paths whose digests are not
 * what they were then. Only with digests that answer every input with a digest.
 */
export interface KnownKeys {
  keys: ReadonlyMap<JobLabel, JobKey>;
  changed: ReadonlySet<string>;
}

/**
 * Every job's key, dependencies before dependents. `digests` must answer every input path; an input that is
 * missing (or absent from the map), or that cannot be an input (a dangling link, a path leading outside the source
 * directory), is a problem naming the job and the input, and all such problems come back together. With `known`,
 * a job none of whose inputs changed and each of whose dependencies has its known key keeps its known key: every
 * part of its record is then what it was (the graph and salt being the same).
 */
export function computeKeys(
  graph: Graph,
  digests: ReadonlyMap<string, InputState>,
  salt: string,
  known?: KnownKeys,
): Result<Map<JobLabel, JobKey>, GraphProblem[]> {
  const keys = new Map<JobLabel, JobKey>();
  const problems: GraphProblem[] = [];
  const keyOf: KeyOf = (label) => keys.get(label)!;
  for (const job of topologicalOrder(graph)) {
    const kept = known?.keys.get(job.label);
    if (
      kept !== undefined &&
      !job.inputs.some((p) => known!.changed.has(p)) &&
      job.deps.every((d) => keys.get(d) === known!.keys.get(d))
    ) {
      keys.set(job.label, kept);
      continue;
    }
    const h = new CanonicalHasher().field('schema', KEY_SCHEMA).field('salt', salt);
    encodeInputs(h, job, digests, problems);
    h.count('cmds', job.cmds.length);
    for (const cmd of job.cmds) encodeCmd(h, cmd, keyOf);
    const depKeys = job.deps.map(keyOf).sort(compareCodeUnits);
    h.count('deps', depKeys.length);
    for (const k of depKeys) h.field('key', k);
    encodeOutputs(h, job);
    // The one place job keys are minted.
    keys.set(job.label, h.hex() as JobKey);
  }
  return problems.length > 0 ? err(problems) : ok(keys);
}

/**
 * In-place output globs, in the producer's order, only when the job has them: a graph without `Outputs` keys
 * exactly as before, and the same commands writing other paths in place are other work.
 */
function encodeOutputs(h: CanonicalHasher, job: Job): void {
  const outputs = job.outputs ?? [];
  if (outputs.length === 0) return;
  h.count('outputs', outputs.length);
  for (const o of outputs) h.field('output', o);
}

function encodeInputs(
  h: CanonicalHasher,
  job: Job,
  digests: ReadonlyMap<string, InputState>,
  problems: GraphProblem[],
): void {
  const inputs = sortedUnique(job.inputs);
  h.count('inputs', inputs.length);
  inputs.forEach((path, i) => {
    const state = digests.get(path);
    if (state === undefined || !('digest' in state)) {
      // The model's inputs are normalised and sorted: `i` is the index in that list (the parser names the
      // producer's own index when it finds the problem at load time, as `disbuild run` does).
      problems.push({
        job: job.name || job.label,
        field: `Inputs[${i}]`,
        message:
          state !== undefined && 'problem' in state ? state.problem : `input file ${path} does not exist`,
      });
      return;
    }
    h.input(path, state.mode, state.digest, state.link);
  });
}

/** The inputs in code-unit order without duplicates; the validated model already is, so this rarely copies. */
function sortedUnique(inputs: readonly string[]): readonly string[] {
  for (let i = 1; i < inputs.length; i++) {
    if (!(inputs[i - 1]! < inputs[i]!)) return [...new Set(inputs)].sort(compareCodeUnits);
  }
  return inputs;
}

function encodeCmd(h: CanonicalHasher, cmd: Cmd, keyOf: KeyOf): void {
  switch (cmd.kind) {
    case 'cat':
      h.field('cmd', 'cat');
      encodeTemplate(h, cmd.catTemplate, keyOf);
      encodeTemplate(h, cmd.catOutput, keyOf);
      return;
    case 'exec':
      h.field('cmd', 'exec');
      h.count('argv', cmd.exec.length);
      for (const a of cmd.exec) encodeTemplate(h, a, keyOf);
      h.count('environ', cmd.environ.length);
      for (const e of cmd.environ) encodeTemplate(h, e, keyOf);
      encodeTemplate(h, cmd.workingDirectory, keyOf);
      return;
    default:
      unreachable(cmd);
  }
}

function encodeTemplate(h: CanonicalHasher, template: Template, keyOf: KeyOf): void {
  const parts = canonicalParts(template);
  h.count('parts', parts.length);
  for (const p of parts) {
    switch (p.kind) {
      case 'text':
        h.field('text', p.text);
        break;
      case 'output-dir':
        h.field('var', 'OUTPUT_DIR');
        break;
      case 'source-dir':
        h.field('var', 'SOURCE_DIR');
        break;
      case 'dep':
        // The producer's label is replaced by the dependency's key: labels are arbitrary, keys are content.
        h.field('dep', keyOf(p.label));
        break;
      default:
        unreachable(p);
    }
  }
}

/**
 * The template with no empty text parts and no two text parts in a row, so that templates which render the same
 * way encode the same way. The parser already produces this form; then the template itself is returned.
 */
function canonicalParts(template: Template): Template {
  let canonical = true;
  for (let i = 0; i < template.length && canonical; i++) {
    const p = template[i]!;
    if (p.kind === 'text' && (p.text === '' || template[i - 1]?.kind === 'text')) canonical = false;
  }
  if (canonical) return template;
  const out: TemplatePart[] = [];
  for (const p of template) {
    const last = out[out.length - 1];
    if (p.kind !== 'text') out.push(p);
    else if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + p.text };
    else if (p.text !== '') out.push(p);
  }
  return out;
}

/** Every distinct input path of the graph. */
export function graphInputs(graph: Graph): string[] {
  const set = new Set<string>();
  for (const j of graph.jobs) for (const i of j.inputs) set.add(i);
  return [...set];
}

/** Keys with digests from any DigestSource; a source that fails is one problem. */
export async function keyGraphWith(
  graph: Graph,
  source: DigestSource,
  salt: string,
): Promise<Result<Map<JobLabel, JobKey>, GraphProblem[]>> {
  const digests = await source.digests(graphInputs(graph));
  if (!digests.ok) return err([{ message: digests.error }]);
  return computeKeys(graph, digests.value, salt);
}

/**
 * Keys from the source directory as it is now (git fast path inside a work tree, streaming outside); `listings`
 * are the fast path's git calls when the caller started them early.
 */
export async function keyGraph(
  graph: Graph,
  sourceDir: string,
  salt: string,
  listings?: WorkTreeListings,
): Promise<Result<Map<JobLabel, JobKey>, GraphProblem[]>> {
  const r = await keyGraphAndInputs(graph, sourceDir, salt, listings);
  return r.ok ? ok(r.value.keys) : r;
}

/**
 * As keyGraph, with what the keys were computed from: the check before saving a build (input-recheck.ts) asks
 * whether its inputs are still those. With `memoFile`, keys computed from the same graph and digests by an earlier
 * run are taken from there (keys-memo.ts).
 */
export async function keyGraphAndInputs(
  graph: Graph,
  sourceDir: string,
  salt: string,
  listings?: WorkTreeListings,
  memoFile?: string,
): Promise<
  Result<{ keys: Map<JobLabel, JobKey>; digests: DigestMap; recheck: InputRecheck }, GraphProblem[]>
> {
  const since = listings?.startedAt ?? Date.now();
  const inputs = graphInputs(graph);
  const digests = await chooseDigests(sourceDir, inputs, listings);
  const compute = (known?: KnownKeys): Result<Map<JobLabel, JobKey>, GraphProblem[]> =>
    computeKeys(graph, digests, salt, known);
  const keys =
    memoFile === undefined
      ? compute()
      : memoizedKeys(memoFile, graph, salt, KEY_SCHEMA, inputs, digests, compute);
  return keys.ok
    ? ok({ keys: keys.value, digests, recheck: new InputRecheck(sourceDir, digests, since) })
    : keys;
}

/** Keys from a commit's tree: what the pre-push hook uses, so uncommitted changes never count. */
export async function keyGraphAtCommit(
  graph: Graph,
  repoDir: string,
  commit: string,
  salt: string,
): Promise<Result<Map<JobLabel, JobKey>, GraphProblem[]>> {
  const inputs = graphInputs(graph);
  // SourceFiles must exist as a checkout's do (parse.ts checkFilesExist): asked for beside the inputs.
  const sources = [...new Set(graph.sourceFiles.values())];
  const digests = await commitTreeDigests(repoDir, commit, [...new Set([...inputs, ...sources])]);
  if (!digests.ok) return err([{ message: `cannot read the tree of ${commit}: ${digests.error}` }]);
  const missing: GraphProblem[] = [];
  for (const [id, path] of graph.sourceFiles) {
    const state = digests.value.get(path);
    if (state !== undefined && 'missing' in state) missing.push(missingSourceFile(id, path));
  }
  const keys = computeKeys(graph, digests.value, salt);
  if (missing.length === 0) return keys;
  return err([...missing, ...(keys.ok ? [] : keys.error)]);
}
