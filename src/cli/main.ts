import './handed-over-env.js';
import { runCli } from './dispatch.js';
import { backgroundDone } from '../util/background.js';

// A reader that goes away (`disbuild run | head -1`, a closed terminal) costs the rest of the output, never the
// run: the jobs go on, are cached and counted in the exit code and the report. Other stream errors stay fatal.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // A getter: touching process.stdin creates the stream (a handle probe and the tty or net modules loaded), a
  // cost every run paid though only the hook reads it.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  cwd: process.cwd(),
});
// Ended here rather than left to wind down: with the command over, Node would first finish whatever collection V8
// has begun (about 10 ms after a fully cached run of 1,000 jobs). Work nobody awaited is finished first, and what
// stdout and stderr still hold for a reader that is slow (a pipe is written asynchronously) is written out. The
// exit comes once this module has finished: from within, it would count as a module that never settled (code 13).
await backgroundDone();
await Promise.all([written(process.stdout), written(process.stderr)]);
setImmediate(() => process.exit());

/** Resolves once what was written to `stream` before has reached its file descriptor (or the stream failed). */
function written(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.writableLength === 0 || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => stream.write('', () => resolve()));
}
