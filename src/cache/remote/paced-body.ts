import { type Readable, Transform } from 'node:stream';
import { MIN_BYTES_PER_SECOND } from './get-connections.js';

/** The `code` of the error a body too slow fails with. */
export const SLOW_ANSWER = 'DISBUILD_SLOW_ANSWER';

/** How often a streamed answer's pace is looked at. */
const CHECK_MS = 500;

/**
 * An answer's body, failed once it arrives slower than MIN_BYTES_PER_SECOND on average after `graceMs` from its
 * head, or within any window of `graceMs` (at least 2 s) after it: bytes that came fast at first earn no credit for
 * a trickle later (half of 6 MB at once, then a byte now and then, held a run for three minutes). The idle time-out
 * alone never ends an answer whose bytes trickle (one now and then restarts it): a server sending a byte a second
 * would hold a run, or a pre-push hook, for as long as its answer is long. Time during which bytes that came wait
 * for their reader (a slow disk under an unpacker) does not count: the pace is the server's, not the reader's.
 */
export function pacedBody(body: Readable, graceMs: number): Readable {
  let received = 0;
  let waited = 0;
  const since = Date.now();
  const windowMs = Math.max(graceMs, 4 * CHECK_MS);
  // Where the current window began (from the first look after the grace): time counted as the server's (ms from
  // the head), and bytes received by then.
  let windowAt: number | undefined;
  let windowReceived = 0;
  const out = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(null, chunk);
    },
  });
  const check = setInterval(() => {
    // Bytes held here for the reader: the server is not the one keeping them.
    if (out.readableLength > 0 || out.writableLength > 0 || body.readableLength > 0) {
      waited += CHECK_MS;
      return;
    }
    const active = Date.now() - since - waited;
    const late = active - graceMs;
    let slow = late > 0 && received < (late / 1000) * MIN_BYTES_PER_SECOND;
    if (late > 0 && windowAt === undefined) {
      windowAt = active;
      windowReceived = received;
    } else if (windowAt !== undefined && active - windowAt >= windowMs) {
      slow ||= received - windowReceived < ((active - windowAt) / 1000) * MIN_BYTES_PER_SECOND;
      windowAt = active;
      windowReceived = received;
    }
    if (slow) {
      const e = Object.assign(
        new Error(`the answer came slower than ${MIN_BYTES_PER_SECOND} bytes a second`),
        { code: SLOW_ANSWER },
      );
      out.destroy(e);
    }
  }, CHECK_MS);
  // The socket keeps the process alive while the answer is read; this timer alone must not.
  check.unref();
  const stop = (): void => {
    clearInterval(check);
    if (!body.destroyed) body.destroy();
  };
  out.on('close', stop);
  // A reader that stopped listening (a 404's body drained with resume()) must not have the failure crash the run.
  out.on('error', () => undefined);
  body.on('error', (e) => out.destroy(e));
  body.pipe(out);
  return out;
}
