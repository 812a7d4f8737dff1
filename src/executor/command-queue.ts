import { Deferred } from '../util/deferred.js';
import type { Exit, Launched } from './process-group.js';
import type { WorkerPool } from './worker-pool.js';

/**
 * Starts a command once one of `slots` is free and nothing of higher priority waits, and frees the slot the
 * moment the command exits, before anyone is told: the next command starts at once instead of after the news of
 * this exit has travelled to the engine and a new request back (two process wake-ups, about 0.7 ms a command
 * on a virtual machine). `onStarted` is called as the command starts. `kill` on a command still waiting removes
 * it: it ends as not started.
 *
 * Used where commands are started: in the launcher process, and in the engine when it starts them itself.
 */
export function queueCommand(
  slots: WorkerPool,
  priority: number,
  start: () => Launched,
  onStarted: (pid: number | undefined) => void,
): Launched {
  let launched: Launched | undefined;
  const exited = new Deferred<Exit>();
  void slots.run(priority, async (release) => {
    if (exited.settled) return;
    try {
      launched = start();
    } catch (e) {
      // Refused before any process existed (an argument Node rejects): an end like a failed start.
      onStarted(undefined);
      release();
      exited.resolve({ code: null, signal: null, error: (e as Error).message });
      return;
    }
    onStarted(launched.pid);
    const r = await launched.exited;
    release();
    exited.resolve(r);
  });
  return {
    exited: exited.promise,
    kill: () => {
      if (launched) launched.kill();
      else exited.resolve({ code: null, signal: null, notStarted: true });
    },
  };
}
