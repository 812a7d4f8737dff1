/**
 * The keys a run computed last, kept so that a run of the same graph over the same input digests takes them
 * instead of computing them again: for 1,000 jobs of ten inputs each, most of what keying costs once the digests
 * are known (a fully cached run computes every key and needs them all).
 *
 * Exact, not a guess: keys are a function of the graph, the salt and the inputs' digests (job-key.ts), and the memo
 * is found by a digest of exactly those: the graph's identity (the digest of its validated form, every job field
 * for field; graph-identity.ts), the salt, every input's mode, blob ID and link blob ID in the graph's order, and
 * this code's own identity and key schema. The digests themselves come from git or the disk as in every run; only
 * the encoding and hashing of each job's record is skipped. A graph without an identity (one the validated-graph
 * cache neither gave nor kept) and a graph with a missing input are never memoized.
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
import { readOwnBytes } from '../util/read-own-file.js';
import type { Result } from '../util/result.js';
import { ok } from '../util/result.js';
import { writeStateFile } from '../util/state-file.js';
import type { JobKey } from './brands.js';
import type { InputState } from './input-state.js';

const MAGIC = 'disbuild-keys-memo';
/** Raised whenever what the memo holds, or how it is found, changes. */
const FORMAT = 1;
const KEY = /^[0-9a-f]{40}$/;

/**
 * The graph's keys from `file` when it holds those of this very graph, salt and digests; else computed by
 * `compute` and, when they could be, kept there for the next run. `inputs` are the graph's distinct input paths in
 * the order graphInputs gives them.
 */
export function memoizedKeys(
  file: string,
  graph: Graph,
  salt: string,
  schema: string,
  inputs: readonly string[],
  digests: ReadonlyMap<string, InputState>,
  compute: () => Result<Map<JobLabel, JobKey>, GraphProblem[]>,
): Result<Map<JobLabel, JobKey>, GraphProblem[]> {
  const identity = memoIdentity(graph, salt, schema, inputs, digests);
  if (identity === undefined) return compute();
  const kept = readMemo(file, identity, graph);
  if (kept !== undefined) return ok(kept);
  const keys = compute();
  if (keys.ok) writeMemo(file, identity, graph, keys.value);
  return keys;
}

/** The digest everything the keys depend on, or undefined when the graph has no identity or an input no digest. */
function memoIdentity(
  graph: Graph,
  salt: string,
  schema: string,
  inputs: readonly string[],
  digests: ReadonlyMap<string, InputState>,
): string | undefined {
  const graphKey = graphIdentity(graph);
  if (graphKey === undefined) return undefined;
  // Modes and blob IDs are ASCII words without spaces: one line per input is unambiguous, and the paths are the
  // graph's (its identity names them, in this order).
  let states = '';
  for (const p of inputs) {
    const s = digests.get(p);
    if (s === undefined || !('digest' in s)) return undefined;
    states += s.link === undefined ? `${s.mode} ${s.digest}\n` : `${s.mode} ${s.digest} ${s.link}\n`;
  }
  return createHash('sha256')
    .update(`${MAGIC}\0${FORMAT}\0${schema}\0${codeIdentity(fileURLToPath(import.meta.url))}\0`)
    .update(`${graphKey}\0${inputs.length}\0${Buffer.byteLength(salt)}\0${salt}\0`)
    .update(states)
    .digest('hex');
}

function payloadDigest(payload: string | Buffer): string {
  return createHash('sha256').update(payload).digest('hex');
}

/** The kept keys of `identity` by label, or undefined when the file holds another's, none, or is not to be trusted. */
function readMemo(file: string, identity: string, graph: Graph): Map<JobLabel, JobKey> | undefined {
  let bytes: Buffer | undefined;
  try {
    bytes = readOwnBytes(file);
  } catch {
    return undefined;
  }
  if (bytes === undefined) return undefined;
  const text = bytes.toString('latin1');
  const head = `${identity}\n`;
  if (!text.startsWith(head)) return undefined;
  const digestEnd = text.indexOf('\n', head.length);
  if (digestEnd < 0) return undefined;
  const payload = text.slice(digestEnd + 1);
  if (text.slice(head.length, digestEnd) !== payloadDigest(payload)) return undefined;
  const lines = payload.split('\n');
  if (lines.length !== graph.jobs.length) return undefined;
  const keys = new Map<JobLabel, JobKey>();
  for (let i = 0; i < lines.length; i++) {
    if (!KEY.test(lines[i]!)) return undefined;
    keys.set(graph.jobs[i]!.label, lines[i] as JobKey);
  }
  return keys;
}

/** Replaces the file with the keys of `identity`, one per job in the graph's order (see writeStateFile). */
function writeMemo(file: string, identity: string, graph: Graph, keys: ReadonlyMap<JobLabel, JobKey>): void {
  const payload = graph.jobs.map((j) => keys.get(j.label)!).join('\n');
  writeStateFile(file, `${identity}\n${payloadDigest(payload)}\n${payload}`);
}
