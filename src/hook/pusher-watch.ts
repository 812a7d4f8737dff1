import { readFileSync } from 'node:fs';
import { isAlive } from '../util/is-alive.js';

/**
 * Calls `onGone` once the process that started the hook's parent has exited: `git push` runs the hook through
 * a shell, and when git alone is stopped (an editor's cancel, a CI step's timeout sends it SIGTERM) the shell and
 * this process are left running, building for a push that no longer exists. Also when this process's own parent
 * is gone. Linux only (it reads /proc); elsewhere nothing is watched. Answers the stop of the watch.
 */
export function watchPusher(onGone: () => void, everyMs = 500): () => void {
  const parent = process.ppid;
  const pusher = parentOf(parent);
  if (pusher === undefined || pusher <= 1) return () => undefined;
  const timer = setInterval(() => {
    if (process.ppid === parent && isAlive(pusher)) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The parent of process `pid`, from /proc/PID/stat (its fourth field, after the name in parentheses). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}
