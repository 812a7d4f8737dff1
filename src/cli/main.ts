import './handed-over-env.js';
import { runCli } from './dispatch.js';

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
