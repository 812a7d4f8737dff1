/** The restore helper thread (see restore-helper.ts): runs the restores it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import type { RestoreReply, RestoreRequest } from './restore-helper.js';
import { restoreListedTree } from './tree-copy.js';

parentPort!.on('message', (m: RestoreRequest) => {
  restoreListedTree(m.src, m.dest, m.entries).then(
    (r) =>
      parentPort!.postMessage(
        (r.ok ? { id: m.id, ok: true } : { id: m.id, ok: false, mismatch: r.error }) satisfies RestoreReply,
      ),
    (e: NodeJS.ErrnoException) =>
      parentPort!.postMessage({
        id: m.id,
        ok: false,
        thrown: { message: e.message, ...(e.code ? { code: e.code } : {}) },
      } satisfies RestoreReply),
  );
});
