import type { Cmd, Graph, GraphProblem, JobLabel, Template } from '../graph/model.js';
import type { JobKey } from './brands.js';
import { CanonicalHasher, compareCodeUnits } from './canonical.js';
import type { InputState } from './file-digest.js';
import { commitTreeDigests, workingTreeDigests } from './file-digest.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';

/** Bumped whenever the encoding changes, so that no key ever changes meaning silently. */
export const KEY_SCHEMA = 'disbuild-key-v1';

function encodeTemplate(h: CanonicalHasher, t: Template, keyOf: (label: JobLabel) => JobKey): void {
  h.count('parts', t.length);
  for (const p of t) {
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
    }
  }
}

function encodeCmd(h: CanonicalHasher, cmd: Cmd, keyOf: (label: JobLabel) => JobKey): void {
  if (cmd.kind === 'cat') {
    h.field('cmd', 'cat');
    encodeTemplate(h, cmd.catTemplate, keyOf);
    encodeTemplate(h, cmd.catOutput, keyOf);
    return;
  }
  h.field('cmd', 'exec');
  h.count('argv', cmd.exec.length);
  for (const a of cmd.exec) encodeTemplate(h, a, keyOf);
  h.count('environ', cmd.environ.length);
  for (const e of cmd.environ) encodeTemplate(h, e, keyOf);
  encodeTemplate(h, cmd.workingDirectory, keyOf);
}

/**
 * Every job's key, dependencies first. `digests` must hold every input path; a missing input is a problem that
 * names the job and the input. Name and labels never enter a key.
 */
export function computeKeys(
  graph: Graph,
  digests: ReadonlyMap<string, InputState>,
  salt: string,
): Result<Map<JobLabel, JobKey>, GraphProblem[]> {
  const keys = new Map<JobLabel, JobKey>();
  const problems: GraphProblem[] = [];
  const keyOf = (label: JobLabel): JobKey => keys.get(label)!;
  for (const label of topologicalOrder(graph)) {
    const job = graph.byLabel.get(label)!;
    const h = new CanonicalHasher().field('schema', KEY_SCHEMA).field('salt', salt);
    h.count('inputs', job.inputs.length);
    job.inputs.forEach((path, i) => {
      const state = digests.get(path);
      if (!state || 'missing' in state) {
        problems.push({ job: job.name, field: `Inputs[${i}]`, message: `input file ${path} does not exist` });
        return;
      }
      h.field('path', path).field('mode', state.mode).field('digest', state.digest);
    });
    h.count('cmds', job.cmds.length);
    for (const cmd of job.cmds) encodeCmd(h, cmd, keyOf);
    const depKeys = job.deps.map(keyOf).sort(compareCodeUnits);
    h.count('deps', depKeys.length);
    for (const k of depKeys) h.field('key', k);
    keys.set(label, h.hex() as JobKey);
  }
  return problems.length > 0 ? err(problems) : ok(keys);
}

/** Labels ordered so that every job comes after its dependencies (the graph is known to be acyclic). */
function topologicalOrder(graph: Graph): JobLabel[] {
  const order: JobLabel[] = [];
  const state = new Map<JobLabel, 1 | 2>();
  for (const root of graph.jobs) {
    if (state.has(root.label)) continue;
    const stack: { label: JobLabel; next: number }[] = [{ label: root.label, next: 0 }];
    state.set(root.label, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const deps = graph.byLabel.get(top.label)!.deps;
      if (top.next < deps.length) {
        const d = deps[top.next++]!;
        if (!state.has(d)) {
          state.set(d, 1);
          stack.push({ label: d, next: 0 });
        }
      } else {
        state.set(top.label, 2);
        order.push(top.label);
        stack.pop();
      }
    }
  }
  return order;
}

function allInputs(graph: Graph): string[] {
  const set = new Set<string>();
  for (const j of graph.jobs) for (const i of j.inputs) set.add(i);
  return [...set];
}

/** Keys from the source directory as it is now (git fast path inside a work tree, streaming outside). */
export async function keyGraph(
  graph: Graph,
  sourceDir: string,
  salt: string,
): Promise<Result<Map<JobLabel, JobKey>, GraphProblem[]>> {
  return computeKeys(graph, await workingTreeDigests(sourceDir, allInputs(graph)), salt);
}

/** Keys from a commit's tree: what the pre-push hook uses, so uncommitted changes never count. */
export async function keyGraphAtCommit(
  graph: Graph,
  sourceDir: string,
  commit: string,
  salt: string,
): Promise<Result<Map<JobLabel, JobKey>, GraphProblem[]>> {
  return computeKeys(graph, await commitTreeDigests(sourceDir, commit, allInputs(graph)), salt);
}
