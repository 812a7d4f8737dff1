import { readFileSync } from 'node:fs';

/**
 * Calls `onGone` once the `git push` that runs this hook has exited: git runs the hook through a shell, or execs
 * it, and when git alone is stopped (an editor's cancel, a CI step's timeout sends it SIGTERM) the hook is left
 * running, building for a push that no longer exists. The git process is the nearest ancestor named `git`; with
 * none (run by hand, or on a system without /proc) nothing is watched. Answers the stop of the watch.
 */
export function watchPusher(onGone: () => void, everyMs = 500): () => void {
  const git = gitAncestor();
  if (git === undefined) return () => undefined;
  const timer = setInterval(() => {
    if (running(git)) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The nearest of this process's ancestors (up to a few levels: hook managers add some) whose name is `git`. */
function gitAncestor(): number | undefined {
  let pid = process.ppid;
  for (let level = 0; level < 6 && pid > 1; level++) {
    const s = stat(pid);
    if (s === undefined) return undefined;
    if (s.name === 'git') return pid;
    pid = s.ppid;
  }
  return undefined;
}

/** Whether `pid` is a live process (a zombie, exited but not yet reaped, is not). */
function running(pid: number): boolean {
  const s = stat(pid);
  return s !== undefined && s.state !== 'Z';
}

/** Name, state and parent of process `pid`, from /proc/PID/stat (the name is in parentheses, and may hold any). */
function stat(pid: number): { name: string; state: string; ppid: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    const [state = '', ppid = ''] = text.slice(close + 2).split(' ');
    return { name: text.slice(open + 1, close), state, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}
