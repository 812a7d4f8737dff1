import { type Readable, Transform } from 'node:stream';
import { MIN_BYTES_PER_SECOND } from './get-connections.js';

/** The `code` of the error a body too slow fails with. */
export const SLOW_ANSWER = 'DISBUILD_SLOW_ANSWER';

/** How often a streamed answer's pace is looked at. */
const CHECK_MS = 500;

/**
 * A streamed answer's body, failed once it arrives slower than MIN_BYTES_PER_SECOND on average after `graceMs`
 * from its head. The idle time-out alone never ends an answer whose bytes trickle (one now and then restarts
 * it): a server sending a byte a second would hold a run, or a pre-push hook, for as long as its archive is
 * long. Bytes count as they are read: whoever reads the body reads it at once (to a file, a hash, an unpacker).
 */
export function pacedBody(body: Readable, graceMs: number): Readable {
  const since = Date.now();
  let received = 0;
  const out = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(null, chunk);
    },
  });
  const check = setInterval(() => {
    const late = Date.now() - since - graceMs;
    if (late > 0 && received < (late / 1000) * MIN_BYTES_PER_SECOND) {
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
