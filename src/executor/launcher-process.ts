/**
 * The launcher process: starts the commands the engine sends it, as many at once as the engine's concurrency and
 * highest priority first, and streams back their start, output and exit. Runs as its own small program (bundled
 * as `launcher-process.js` beside the entry that uses it).
 *
 * Each command gets its own process group; when the command exits, whatever it left running in that group is
 * killed. When the engine goes away, every group still running is killed and this process exits: no job
 * outlives the run that started it. The engine's death shows in three ways, and whichever comes first counts:
 * the IPC channel closes, a message to the engine fails (EPIPE, or the channel already closed), or this
 * process's parent changes (it was re-parented; a safety net should the channel's end be held open elsewhere).
 * The engine starts this process in a process group of its own, so that a kill of the engine's whole group
 * (`kill -9 -PGID`, `timeout -s KILL`) leaves it alive to do this clean-up.
 */
import { queueCommand } from './command-queue.js';
import type { LauncherEvent, LauncherRequest } from './launcher-protocol.js';
import { type Launched, startInGroup } from './process-group.js';
import { WorkerPool } from './worker-pool.js';

const running = new Map<number, Launched>();
/** Sized by the first request: the engine's concurrency. */
let slots: WorkerPool | undefined;

/** How often the parent is checked (see above); a job may outlive a dead engine by up to this long. */
const PARENT_CHECK_MS = 250;

function send(e: LauncherEvent): void {
  if (!process.connected) return engineGone();
  // With a callback, a failed write is reported to it instead of as an 'error' event that would kill this
  // process before it could end the commands.
  process.send!(e, undefined, undefined, (err: Error | null) => {
    if (err) engineGone();
  });
}

let ending = false;

/** Kills every command, running or waiting, and exits. */
function engineGone(code = 0): void {
  if (ending) return;
  ending = true;
  for (const launched of running.values()) launched.kill();
  process.exit(code);
}

function run(m: Extract<LauncherRequest, { type: 'run' }>): void {
  slots ??= new WorkerPool(m.slots);
  const launched = queueCommand(
    slots,
    m.priority,
    () =>
      startInGroup(m, (stream, chunk) =>
        send({ type: 'output', id: m.id, stream, chunk: chunk.toString('base64') }),
      ),
    (pid) => send({ type: 'started', id: m.id, ...(pid === undefined ? {} : { pid }) }),
  );
  running.set(m.id, launched);
  void launched.exited.then((r) => {
    running.delete(m.id);
    send({ type: 'exit', id: m.id, ...r });
  });
}

process.on('message', (m: LauncherRequest) => {
  if (m.type === 'kill') running.get(m.id)?.kill();
  else run(m);
});
process.on('disconnect', () => engineGone());
process.on('error', () => engineGone());
// A bug here must not leave the commands running either.
process.on('uncaughtException', (e) => {
  process.stderr.write(`disbuild launcher: ${e.stack ?? String(e)}\n`);
  engineGone(1);
});
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) engineGone();
}, PARENT_CHECK_MS).unref();
// Signals meant for the run go to the engine, which decides what to kill and tells us.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
