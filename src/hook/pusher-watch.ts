import { readFileSync } from 'node:fs';

/**
 * Calls `onGone` once the `git push` that runs this hook has exited: git runs the hook through a shell, or execs
 * it, and when git alone is stopped (an editor's cancel, a CI step's timeout sends it SIGTERM) the hook is left
 * running, building for a push that no longer exists. With no `git` among its ancestors (run by hand, or on a
 * system without /proc) nothing is watched. Answers the stop of the watch.
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

/**
 * Among this process's ancestors (up to a few levels: hook managers add some), the nearest `git` given `push`,
 * else the nearest `git`: a hook may reach disbuild through a git subcommand (`git prepush-check`), which outlives
 * the push it serves.
 */
function gitAncestor(): number | undefined {
  let nearest: number | undefined;
  let pid = process.ppid;
  for (let level = 0; level < 10 && pid > 1; level++) {
    const s = stat(pid);
    if (s === undefined) break;
    if (s.name === 'git') {
      if (pushing(pid)) return pid;
      nearest ??= pid;
    }
    pid = s.ppid;
  }
  return nearest;
}

/** Whether process `pid` was started with the argument `push` (its /proc/PID/cmdline, NUL-separated). */
function pushing(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('push');
  } catch {
    return false;
  }
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
