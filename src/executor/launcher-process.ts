/**
 * The launcher process: starts the commands the engine sends it, as many at once as the engine's concurrency and
 * highest priority first, and streams back their start, output and exit. Runs as its own small program (bundled
 * as `launcher-process.js` beside the entry that uses it).
 *
 * Each command gets its own process group; when the command exits, whatever it left running in that group is
 * killed. When the engine goes away (the IPC channel closes), every group still running is
 * killed: no job outlives the run that started it.
 */
import { queueCommand } from './command-queue.js';
import type { LauncherEvent, LauncherRequest } from './launcher-protocol.js';
import { type Launched, startInGroup } from './process-group.js';
import { WorkerPool } from './worker-pool.js';

const running = new Map<number, Launched>();
/** Sized by the first request: the engine's concurrency. */
let slots: WorkerPool | undefined;

function send(e: LauncherEvent): void {
  if (process.connected) process.send!(e);
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
process.on('disconnect', () => {
  for (const launched of running.values()) launched.kill();
  process.exit(0);
});
// Ctrl-C reaches the whole foreground process group: the engine decides what to kill and tells us.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
