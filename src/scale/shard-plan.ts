import { createHash } from 'node:crypto';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';

/**
 * The plan a planning runner hands to its shards (as the `plan` output, read back by the `plan` input): which
 * keys each shard owns. Shards take their part from it instead of planning again, so a shard re-run after the
 * others saved does the same work (by then it all hits). Keys are cut to a prefix that is unique in practice
 * and keeps the plan of a 1,000-job graph at about 20 KB, well inside GitHub's 1 MB of outputs per job.
 */
export interface ShardPlan {
  /** `shards[i]` holds the key prefixes shard `i+1/n` builds. */
  shards: string[][];
}

export const KEY_PREFIX_LENGTH = 16;

export function encodePlan(plan: ShardPlan): string {
  return JSON.stringify({ v: 1, shards: plan.shards });
}

export function decodePlan(text: string): Result<ShardPlan, string> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return err(`not JSON (${(e as Error).message})`);
  }
  const shards = (v as { shards?: unknown } | null)?.shards;
  const valid =
    (v as { v?: unknown } | null)?.v === 1 &&
    Array.isArray(shards) &&
    shards.length > 0 &&
    shards.every((s) => Array.isArray(s) && s.every((k) => typeof k === 'string' && /^[0-9a-f]+$/.test(k)));
  return valid ? ok({ shards: shards as string[][] }) : err("not a plan written by disbuild's plan mode");
}

/** A short name for a plan, so the entries of one plan's shards are told apart from another plan's. */
export function planId(encoded: string): string {
  return createHash('sha256').update(encoded).digest('hex').slice(0, 12);
}
