/**
 * The keys a run computed last, kept with the input digests they were computed from, so that a run of the same
 * graph takes them instead of computing them again: all of them when no digest changed (a fully cached run), and
 * all but those of the jobs an edit reaches otherwise (one leaf edited: one key computed). For 1,000 jobs of ten
 * inputs each, that is most of what keying costs once the digests are known.
 *
 * Exact, not a guess: keys are a function of the graph, the salt and the inputs' digests (job-key.ts). The memo is
 * found by a digest of the graph's identity (the digest of its validated form, every job field for field;
 * graph-identity.ts), the salt, and this code's own identity and key schema; it holds every input's mode, blob ID
 * and link blob ID, in the graph's order, as they were, and each job's key. A job keeps its kept key only when
 * none of its inputs changed and every dependency kept its own (computeKeys). The digests themselves are found as
 * in every run. A graph without an identity (one the validated-graph cache neither gave nor kept) and a graph with
 * a missing input are never memoized.
 *
 * The file (one of sixteen slots, chosen by the caller) is read only when it is a regular file of this user that
 * nobody else may write (its keys decide what is restored), and its payload carries a digest of its own: a
 * damaged file is never believed. Trouble of any kind costs the memo, never the run.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Graph, GraphProblem, JobLabel } from '../graph/model.js';
import { graphIdentity } from '../graph/graph-identity.js';
import { codeIdentity } from '../util/code-identity.js';
import { readOwnBytesIfAny } from '../util/read-own-file.js';
import type { Result } from '../util/result.js';
import { ok } from '../util/result.js';
import { writeStateFile } from '../util/state-file.js';
import type { JobKey } from './brands.js';
import type { InputState } from './input-state.js';
import type { KnownKeys } from './job-key.js';

const MAGIC = 'disbuild-keys-memo';
/** Raised whenever what the memo holds, or how it is found, changes. */
const FORMAT = 2;
const KEY = /^[0-9a-f]{40}$/;

/**
 * The graph's keys, computed by `compute` with what `file` holds of this graph and salt (see KnownKeys), then kept
 * there for the next run; taken from there whole when no input's digest changed. `inputs` are the graph's
 * distinct input paths in the order graphInputs gives them.
 */
export function memoizedKeys(
  file: string,
  graph: Graph,
  salt: string,
  schema: string,
  inputs: readonly string[],
  digests: ReadonlyMap<string, InputState>,
  compute: (known?: KnownKeys) => Result<Map<JobLabel, JobKey>, GraphProblem[]>,
): Result<Map<JobLabel, JobKey>, GraphProblem[]> {
  const graphKey = graphIdentity(graph);
  const states = graphKey === undefined ? undefined : statesText(inputs, digests);
  if (graphKey === undefined || states === undefined) return compute();
  const identity = createHash('sha256')
    .update(`${MAGIC}\0${FORMAT}\0${schema}\0${codeIdentity(fileURLToPath(import.meta.url))}\0`)
    .update(`${graphKey}\0${inputs.length}\0${Buffer.byteLength(salt)}\0${salt}\0`)
    .digest('hex');
  const kept = readMemo(file, identity, graph);
  if (kept !== undefined && kept.states === states) return ok(kept.keys);
  const keys = compute(kept && { keys: kept.keys, changed: changedInputs(kept.states, states, inputs) });
  if (keys.ok) writeMemo(file, identity, states, graph, keys.value);
  return keys;
}

/**
 * One line per input: its mode, blob ID and link blob ID, ASCII words without spaces (so the lines are
 * unambiguous, and the paths are the graph's, in its order). Undefined when an input has no digest.
 */
function statesText(inputs: readonly string[], digests: ReadonlyMap<string, InputState>): string | undefined {
  let text = '';
  for (const p of inputs) {
    const s = digests.get(p);
    if (s === undefined || !('digest' in s)) return undefined;
    text += s.link === undefined ? `${s.mode} ${s.digest}\n` : `${s.mode} ${s.digest} ${s.link}\n`;
  }
  return text;
}

/** The inputs whose line differs between two states texts of the same inputs. */
function changedInputs(before: string, now: string, inputs: readonly string[]): Set<string> {
  const a = before.split('\n');
  const b = now.split('\n');
  const changed = new Set<string>();
  for (let i = 0; i < inputs.length; i++) if (a[i] !== b[i]) changed.add(inputs[i]!);
  return changed;
}

function payloadDigest(payload: string): string {
  return createHash('sha256').update(payload, 'latin1').digest('hex');
}

/**
 * What the file holds for `identity` (the states text, and the keys by label), or undefined when it holds another
 * graph's, none, or is not to be trusted. The file: the identity, the payload's digest, the states text's length,
 * each on a line, then the payload (the states text, then one key per job in the graph's order).
 */
function readMemo(
  file: string,
  identity: string,
  graph: Graph,
): { states: string; keys: Map<JobLabel, JobKey> } | undefined {
  const bytes = readOwnBytesIfAny(file);
  if (bytes === undefined) return undefined;
  const text = bytes.toString('latin1');
  const head = `${identity}\n`;
  if (!text.startsWith(head)) return undefined;
  const digestEnd = text.indexOf('\n', head.length);
  const lengthEnd = digestEnd < 0 ? -1 : text.indexOf('\n', digestEnd + 1);
  if (lengthEnd < 0) return undefined;
  const payload = text.slice(lengthEnd + 1);
  if (text.slice(head.length, digestEnd) !== payloadDigest(payload)) return undefined;
  const statesLength = Number(text.slice(digestEnd + 1, lengthEnd));
  if (!Number.isSafeInteger(statesLength) || statesLength < 0 || statesLength > payload.length)
    return undefined;
  const keysText = payload.slice(statesLength);
  const lines = keysText === '' ? [] : keysText.split('\n');
  if (lines.length !== graph.jobs.length) return undefined;
  const keys = new Map<JobLabel, JobKey>();
  for (let i = 0; i < lines.length; i++) {
    if (!KEY.test(lines[i]!)) return undefined;
    keys.set(graph.jobs[i]!.label, lines[i] as JobKey);
  }
  return { states: payload.slice(0, statesLength), keys };
}

/** Replaces the file with the keys of `identity` and the states they were computed from (see writeStateFile). */
function writeMemo(
  file: string,
  identity: string,
  states: string,
  graph: Graph,
  keys: ReadonlyMap<JobLabel, JobKey>,
): void {
  const payload = states + graph.jobs.map((j) => keys.get(j.label)!).join('\n');
  writeStateFile(file, `${identity}\n${payloadDigest(payload)}\n${states.length}\n${payload}`);
}
