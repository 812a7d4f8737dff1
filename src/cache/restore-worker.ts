/** The restore helper thread (see restore-helper.ts): runs the restores and commits it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { adoptArchive } from './adopt-archive.js';
import type { EntryMeta } from './entry-meta.js';
import type { AdoptMessage, RestoreReply, RestoreRequest } from './restore-helper.js';
import { restoreListedTree } from './tree-copy.js';

const thrown = (id: number, e: NodeJS.ErrnoException): RestoreReply => ({
  id,
  ok: false,
  thrown: { message: e.message, ...(e.code ? { code: e.code } : {}) },
});

parentPort!.on('message', (m: RestoreRequest | AdoptMessage) => {
  if ('adopt' in m) {
    let reply: RestoreReply;
    // An owned archive's memory goes back once written, to be used again for the next download.
    let memory: ArrayBuffer | undefined;
    try {
      const entries = (JSON.parse(m.meta) as Required<Pick<EntryMeta, 'manifest'>>).manifest.entries;
      const r = adoptArchive({ ...m, entries });
      if (r.ok && m.owned) memory = m.archive.buffer as ArrayBuffer;
      reply = r.ok
        ? { id: m.id, ok: true, committed: r.committed, ...(memory ? { memory } : {}) }
        : { id: m.id, ok: false, mismatch: r.mismatch };
    } catch (e) {
      reply = thrown(m.id, e as NodeJS.ErrnoException);
    }
    parentPort!.postMessage(reply, memory ? [memory] : []);
    return;
  }
  restoreListedTree(m.src, m.dest, m.entries).then(
    (r) =>
      parentPort!.postMessage(
        (r.ok ? { id: m.id, ok: true } : { id: m.id, ok: false, mismatch: r.error }) satisfies RestoreReply,
      ),
    (e: NodeJS.ErrnoException) => parentPort!.postMessage(thrown(m.id, e)),
  );
});
