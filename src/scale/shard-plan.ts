import { createHash } from 'node:crypto';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';

/**
 * The plan a planning runner hands to its shards (as the `plan` output, read back by the `plan` input): which
 * keys each shard owns. Shards take their part from it instead of planning again, so a shard re-run after the
 * others saved does the same work (by then it all hits). Keys are cut to a prefix that is unique in practice
 * and keeps the plan of a 1,000-job graph at about 20 KB, well inside GitHub's 1 MB of outputs per job.
 *
 * A pipelined plan (see pipeline.ts) also says, for every key one shard builds and another needs, which shard
 * publishes it and when it is expected (seconds after the shards start): the waiting shard bounds its wait by
 * that. A plan without `exports` is a trunk plan: the planner built what several shards need.
 */
export interface ShardPlan {
  /** `shards[i]` holds the key prefixes shard `i+1/n` builds. */
  shards: string[][];
  /** Pipelined plans only: the keys shards hand to each other while they run. */
  exports?: PlannedExport[];
  /**
   * Pipelined plans: `seconds[i][j]` is what the plan weighed the job `shards[i][j]` at. A shard compares its
   * jobs' real durations with these and rescales its waits' bounds (importing-cache.ts).
   */
  seconds?: number[][];
  /**
   * The digest of the keys the planner selected (16 hex digits): two plans of two graphs that split alike (every
   * job on the planner, say) are still two plans, whose reports are kept apart (see planId).
   */
  graph?: string;
  /**
   * Set when the planner could not save to the cache (a fork's pull request's read-only token, `save: false`): the
   * shards cannot hand jobs to each other nor leave their reports, so the plan has no exports, and the aggregate
   * says why the reports are missing.
   */
  readOnly?: true;
  /** Read-only plans: the planner's own jobs (the trunk) failed, which no shard's result says. */
  trunkFailed?: true;
}

export interface PlannedExport {
  /** Key prefix. */
  key: string;
  /** The shard that builds and publishes it, 1-based as in `shard: i/n`. */
  owner: number;
  /** When it is expected, in seconds after the shards start. */
  at: number;
}

export const KEY_PREFIX_LENGTH = 16;

export function encodePlan(plan: ShardPlan): string {
  const g = {
    ...(plan.graph === undefined ? {} : { g: plan.graph }),
    ...(plan.readOnly ? { ro: plan.trunkFailed ? 2 : 1 } : {}),
  };
  if (plan.exports === undefined) return JSON.stringify({ v: 1, shards: plan.shards, ...g });
  // Tuples, not objects: a 1,000-job graph's exports are some 600 of them.
  const exports = plan.exports.map((e) => [e.key, e.owner, Math.round(e.at * 10) / 10]);
  const seconds = plan.seconds?.map((s) => s.map((x) => Math.round(x * 10) / 10));
  return JSON.stringify({ v: 2, shards: plan.shards, exports, ...(seconds ? { seconds } : {}), ...g });
}

/** ShardPlan.graph of the keys a planner selected. */
export function graphDigest(keys: Iterable<string>): string {
  return createHash('sha256')
    .update([...new Set(keys)].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
}

export function decodePlan(text: string): Result<ShardPlan, string> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return err(`not JSON (${(e as Error).message})`);
  }
  const o = v as {
    v?: unknown;
    shards?: unknown;
    exports?: unknown;
    seconds?: unknown;
    g?: unknown;
    ro?: unknown;
  } | null;
  const shards = o?.shards;
  const isKey = (k: unknown): k is string => typeof k === 'string' && /^[0-9a-f]+$/.test(k);
  const valid =
    (o?.v === 1 || o?.v === 2) &&
    Array.isArray(shards) &&
    shards.length > 0 &&
    shards.every((s) => Array.isArray(s) && s.every(isKey)) &&
    (o.g === undefined || (isKey(o.g) && o.g.length === 16)) &&
    (o.ro === undefined || o.ro === 1 || o.ro === 2);
  const bad = err("not a plan written by disbuild's plan mode");
  if (!valid) return bad;
  const graph = {
    ...(o.g === undefined ? {} : { graph: o.g as string }),
    ...(o.ro === 1 || o.ro === 2 ? { readOnly: true as const } : {}),
    ...(o.ro === 2 ? { trunkFailed: true as const } : {}),
  };
  if (o.v === 1) return ok({ shards: shards as string[][], ...graph });
  const n = shards.length;
  const exports = o.exports;
  if (
    !Array.isArray(exports) ||
    !exports.every(
      (e) =>
        Array.isArray(e) &&
        e.length === 3 &&
        isKey(e[0]) &&
        Number.isInteger(e[1]) &&
        (e[1] as number) >= 1 &&
        (e[1] as number) <= n &&
        typeof e[2] === 'number' &&
        Number.isFinite(e[2]) &&
        e[2] >= 0,
    )
  )
    return bad;
  const seconds = o.seconds;
  if (
    seconds !== undefined &&
    !(
      Array.isArray(seconds) &&
      seconds.length === n &&
      seconds.every(
        (s, i) =>
          Array.isArray(s) &&
          s.length === (shards[i] as unknown[]).length &&
          s.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0),
      )
    )
  )
    return bad;
  return ok({
    shards: shards as string[][],
    exports: (exports as [string, number, number][]).map(([key, owner, at]) => ({ key, owner, at })),
    ...(seconds !== undefined ? { seconds: seconds as number[][] } : {}),
    ...graph,
  });
}

/** A short name for a plan, so the entries of one plan's shards are told apart from another plan's. */
export function planId(encoded: string): string {
  return createHash('sha256').update(encoded).digest('hex').slice(0, 12);
}
