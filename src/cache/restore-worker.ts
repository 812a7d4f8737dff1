/**
 * The restore helper thread (see restore-helper.ts, and restore-tasks.ts for what is said): runs the restores,
 * placements and commits it is sent, a few to a message, and answers each message with one.
 */
import { parentPort } from 'node:worker_threads';
import { adoptArchive } from './adopt-archive.js';
import type { EntryMeta } from './entry-meta.js';
import {
  type AdoptBatch,
  type AdoptMessage,
  type ReplyBatch,
  type RestoreReply,
  runTask,
  type TaskBatch,
} from './restore-tasks.js';

const thrown = (id: number, e: NodeJS.ErrnoException): RestoreReply => ({
  id,
  ok: false,
  thrown: { message: e.message, ...(e.code ? { code: e.code } : {}) },
});

/** Commits one archive; an owned archive's memory goes back once written, to be used again for the next download. */
function adopt(m: AdoptMessage): { reply: RestoreReply; memory?: ArrayBuffer } {
  try {
    const entries = (JSON.parse(m.meta) as Required<Pick<EntryMeta, 'manifest'>>).manifest.entries;
    const r = adoptArchive({ ...m, entries });
    if (!r.ok) return { reply: { id: m.id, ok: false, mismatch: r.mismatch } };
    if (!m.owned) return { reply: { id: m.id, ok: true, committed: r.committed } };
    const memory = m.archive.buffer as ArrayBuffer;
    return { reply: { id: m.id, ok: true, committed: r.committed, memory }, memory };
  } catch (e) {
    return { reply: thrown(m.id, e as NodeJS.ErrnoException) };
  }
}

parentPort!.on('message', (m: TaskBatch | AdoptBatch) => {
  if ('adopts' in m) {
    const replies: RestoreReply[] = [];
    const moved = new Set<ArrayBuffer>();
    for (const one of m.adopts) {
      const { reply, memory } = adopt(one);
      replies.push(reply);
      if (memory) moved.add(memory);
    }
    parentPort!.postMessage({ replies } satisfies ReplyBatch, [...moved]);
    return;
  }
  void Promise.all(
    m.tasks.map((t) =>
      runTask(t).then(
        (r): RestoreReply => (r.ok ? { id: t.id, ok: true } : { id: t.id, ok: false, mismatch: r.error }),
        (e: NodeJS.ErrnoException) => thrown(t.id, e),
      ),
    ),
  ).then((replies) => parentPort!.postMessage({ replies } satisfies ReplyBatch));
});
