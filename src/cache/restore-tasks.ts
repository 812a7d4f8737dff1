/**
 * What the engine's thread and the restore helper thread (restore-helper.ts, restore-worker.ts) say to each other,
 * and the one task both run. Apart from the queue, so that the thread's program carries no more than it runs.
 */
import type { Result } from '../util/result.js';
import type { AdoptRequest } from './adopt-archive.js';
import type { ManifestEntry } from './cache.js';
import { type PlaceFile, placeFiles } from './place-files.js';
import { restoreListedTree } from './tree-copy.js';

/** A restore asked of the helper thread, and how it ended (see restore-worker.ts). */
export type RestoreRequest = { id: number } & TaskRequest;
/** Restores sent to the thread in one message, answered in one (see THREAD_BATCH). */
export interface TaskBatch {
  tasks: RestoreRequest[];
}
/** A tree restored into a new `dest` (restoreListedTree), or stored files put in their places (placeFiles). */
export type TaskRequest =
  { src: string; dest: string; entries: readonly ManifestEntry[] } | { place: readonly PlaceFile[] };
/**
 * A downloaded archive to commit as a local cache entry (see adopt-archive.ts). Its file list is read from `meta`
 * there: one string is cheaper to pass between threads than as many objects as the artifact has files.
 */
export interface AdoptMessage extends Omit<AdoptRequest, 'entries'> {
  id: number;
  adopt: true;
}
/** Archives sent to the thread in one message, answered in one (see ADOPT_BATCH). */
export interface AdoptBatch {
  adopts: AdoptMessage[];
}
export interface ReplyBatch {
  replies: RestoreReply[];
}
/** `memory`: an owned archive's, moved back once written (see RestoreQueue.adopt's `release`). */
export type RestoreReply =
  | { id: number; ok: true; committed?: boolean; memory?: ArrayBuffer }
  | { id: number; ok: false; mismatch: string }
  | { id: number; ok: false; thrown: { message: string; code?: string } };

/** A queued task, on whichever thread runs it. */
export function runTask(request: TaskRequest): Promise<Result<void, string>> {
  return 'place' in request
    ? placeFiles(request.place)
    : restoreListedTree(request.src, request.dest, request.entries);
}

/** The error a task threw on the thread, as this thread rethrows it. */
export function thrownError(thrown: { message: string; code?: string }): Error {
  return Object.assign(new Error(thrown.message), { code: thrown.code });
}
