/**
 * The validated form of the graph file a run read last, kept so that a run of an unchanged graph file skips
 * decoding and validating it (for 1,000 inputs the larger part of reading a graph, and most of its garbage).
 *
 * Exact, not a guess: the cache file (one of sixteen slots, chosen by the graph file's path) holds the digest of
 * the graph's text (with the validating code's identity and a format number) and the graph validation made of
 * that text. It is used only when the digest matches the text just read, and only from a regular file of this
 * user that nobody else may write (its commands would run, and its inputs make the keys). The payload carries a
 * digest of its own: a damaged file (a bit flipped, a truncated write) is never believed. Whether every input
 * exists is not part of it: that is the work tree's state, checked each run as for a fresh graph. Trouble of any
 * kind costs the cache, never the run: the graph is then validated as usual and the file written anew. A graph
 * read or written here is known by its payload's digest (graph-identity.ts): all it holds, in the form it is kept.
 *
 * Deals with: the key, reading and writing the cache file. Does not deal with: validation (validate.ts).
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { codeIdentity } from '../util/code-identity.js';
import { rememberGraphIdentity } from './graph-identity.js';
import { readOwnBytesIfAny, readOwnFileIfAny } from '../util/read-own-file.js';
import { writeStateFile } from '../util/state-file.js';
import type { Cmd, Graph, Job, JobLabel } from './model.js';

/** Raised whenever the cached form's meaning changes in a way the code's file identity might not show. */
const FORMAT = 3;
const MAGIC = 'disbuild-validated-graph';

/**
 * The key of a graph's text: what a cached validation must have been made from. The file's bytes, as read, when
 * the caller has them: hashing them costs a tenth of decoding and hashing the text (the same key for UTF-8 text).
 */
export function validatedGraphKey(text: string | Buffer): string {
  return createHash('sha256')
    .update(`${MAGIC}\0${FORMAT}\0${codeIdentity(fileURLToPath(import.meta.url))}\0`)
    .update(text)
    .digest('hex');
}

/**
 * The key of the graph file whose stat data (statKey, settled, taken before its bytes were read) is `stat`, as the
 * run that read and hashed those bytes recorded it beside `cacheFile`: a run of an unchanged graph file then reads
 * neither the file nor its digest (for 1,000 jobs, 1.4 MB read and hashed: a twentieth of a fully cached run).
 * Vouched for as git's index vouches for a work tree: any write to the file after that stat data was taken moves
 * its ctime, which nobody can set back. Undefined when nothing is recorded for that stat data and this code.
 */
export function keyOfUnchangedFile(cacheFile: string, stat: string): string | undefined {
  const [vouch, key] = readOwnFileIfAny(statFile(cacheFile))?.split('\n') ?? [];
  return vouch === statVouch(stat) && key !== undefined && /^[0-9a-f]{64}$/.test(key) ? key : undefined;
}

/** Records that the graph file whose stat data is `stat` has the key `key` (see keyOfUnchangedFile). */
export function recordKeyOfUnchangedFile(cacheFile: string, stat: string, key: string): void {
  writeStateFile(statFile(cacheFile), `${statVouch(stat)}\n${key}\n`);
}

const statFile = (cacheFile: string): string => `${cacheFile}.stat`;

/** The stat data with this code's identity: a key recorded by other code names that code's validation. */
function statVouch(stat: string): string {
  return createHash('sha256')
    .update(`${MAGIC}-stat\0${FORMAT}\0${codeIdentity(fileURLToPath(import.meta.url))}\0${stat}`)
    .digest('hex');
}

/**
 * What the cache file holds after its two header lines (the key, the payload's digest), then a newline and the
 * SourceFiles map's entries as JSON. That map is informational: a run only checks that its paths exist, and most
 * of them are inputs, which are checked anyway. So it is parsed only if someone reads it (half of a kept graph's
 * parse for 10,000 files), and the few paths that need a check of their own come with the jobs.
 */
interface Payload {
  jobs: readonly Job[];
  /** The SourceFiles paths that are no job's input. */
  sourceOnly: string[];
}

/** A kept validation, and the SourceFiles paths a run must see exist beside the inputs. */
export interface KeptGraph {
  graph: Graph;
  sourceOnly: readonly string[];
}

/**
 * The graph validated from the text of `key`, or undefined when the file holds another (or none), is damaged, is
 * not a regular file, or another user owns it or may write it.
 */
export function readValidatedGraph(file: string, key: string): KeptGraph | undefined {
  const bytes = readOwnBytesIfAny(file);
  if (bytes === undefined) return undefined;
  // Checked as bytes: most of a large graph's cost here was decoding and hashing text (see validatedGraphKey).
  const head = `${key}\n`;
  if (bytes.length <= head.length || bytes.toString('latin1', 0, head.length) !== head) return undefined;
  const digestEnd = bytes.indexOf(0x0a, head.length);
  if (digestEnd < 0) return undefined;
  const payload = bytes.subarray(digestEnd + 1);
  if (bytes.toString('latin1', head.length, digestEnd) !== payloadDigest(payload)) return undefined;
  const split = payload.indexOf(0x0a);
  if (split < 0) return undefined;
  // JSON text without escapes is often all ASCII: then Latin-1 decodes it to the same string, without UTF-8's
  // checks and in a string of one byte a character from the start.
  const text = (b: Buffer): string => b.toString(isAscii(b) ? 'latin1' : 'utf8');
  try {
    const p = JSON.parse(text(payload.subarray(0, split))) as Payload;
    const sourceFiles = payload.subarray(split + 1);
    const kept = graphOf(p, () => JSON.parse(text(sourceFiles)) as [string, string][]);
    if (kept) rememberGraphIdentity(kept.graph, bytes.toString('latin1', head.length, digestEnd));
    return kept;
  } catch {
    return undefined;
  }
}

/**
 * Replaces the cache file with `graph`, validated from the text of `key` (written aside, then renamed: a reader
 * sees the old file or the new one, whole). A failure is ignored: the next run validates again.
 */
export function writeValidatedGraph(file: string, key: string, graph: Graph): void {
  const inputs = new Set<string>();
  for (const job of graph.jobs) for (const p of job.inputs) inputs.add(p);
  const sourceOnly = [...new Set(graph.sourceFiles.values())].filter((p) => !inputs.has(p));
  // JSON text holds no raw newline: the first one after the header ends the jobs.
  const payload =
    JSON.stringify({ jobs: graph.jobs, sourceOnly } satisfies Payload) +
    '\n' +
    JSON.stringify([...graph.sourceFiles]);
  const digest = payloadDigest(payload);
  // What the graph holds, as the next run reads it back: the identity of this object as of that run's.
  rememberGraphIdentity(graph, digest);
  writeStateFile(file, `${key}\n${digest}\n${payload}`);
}

function payloadDigest(payload: string | Buffer): string {
  return createHash('sha256').update(payload).digest('hex');
}

/**
 * The graph of a payload this code wrote (its digest checked): the lookup map is rebuilt, nothing re-validated;
 * SourceFiles is parsed when first read.
 */
function graphOf(p: Payload, sourceFiles: () => [string, string][]): KeptGraph | undefined {
  if (!Array.isArray(p.sourceOnly) || !Array.isArray(p.jobs)) return undefined;
  const byLabel = new Map<JobLabel, Job>();
  for (const job of p.jobs) {
    if (typeof job.label !== 'string' || !Array.isArray(job.inputs) || !Array.isArray(job.deps))
      return undefined;
    if (!Array.isArray(job.cmds as readonly Cmd[])) return undefined;
    byLabel.set(job.label, job);
  }
  let map: ReadonlyMap<string, string> | undefined;
  const graph: Graph = {
    get sourceFiles() {
      return (map ??= new Map(sourceFiles()));
    },
    jobs: p.jobs,
    byLabel,
  };
  return { graph, sourceOnly: p.sourceOnly };
}
