import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';

/**
 * Kills the process groups of the commands this process starts itself, should it die while they run (SIGKILL,
 * the OOM killer): the launcher does this for the commands it starts (launcher-process.ts), and a run that starts
 * a few commands itself instead of booting one keeps the same promise, that no job outlives its run.
 *
 * A `sh` in a process group of its own (a kill of this process's whole group leaves it alive) reads the groups'
 * IDs from a pipe, one line as each starts (`+ID`) and one as each has ended (`-ID`). The pipe closes when this
 * process exits, however it dies; the shell then kills every group still listed, and exits. A group is listed only
 * while its command runs, so an ID the system has since given to another process is never killed. The pipe's end
 * here is close-on-exec: no command holds it open.
 */
const SCRIPT = [
  "live=' '",
  'while read -r line; do',
  '  case $line in',
  '    +*) live="$live${line#+} " ;;',
  '    -*) id=${line#-}; case $live in *" $id "*) live="${live%% $id *} ${live#* $id }" ;; esac ;;',
  '  esac',
  'done',
  'for id in $live; do kill -s KILL -- "-$id" 2>/dev/null; done',
].join('\n');

export interface GroupWatchdog {
  /** Lists a command's process group, started by this process. */
  add(pgid: number): void;
  /** Drops a group whose command has ended (its group killed). */
  remove(pgid: number): void;
}

let started: GroupWatchdog | null | undefined;

/** This process's watchdog, started on the first call; null when it cannot be started. */
export function groupWatchdog(): GroupWatchdog | null {
  if (started !== undefined) return started;
  try {
    const child = spawn('sh', ['-c', SCRIPT], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
    const pipe = child.stdin as Writable & { unref(): void };
    let alive = child.pid !== undefined;
    const gone = (): void => {
      alive = false;
    };
    child.on('error', gone);
    child.on('exit', gone);
    // A write to a watchdog that died fails with EPIPE: the commands then run unwatched, as they would have.
    pipe.on('error', gone);
    // Idle, neither keeps this process alive; its exit is what the shell waits for.
    child.unref();
    pipe.unref();
    const send = (line: string): void => {
      if (alive) pipe.write(line);
    };
    started = alive ? { add: (pgid) => send(`+${pgid}\n`), remove: (pgid) => send(`-${pgid}\n`) } : null;
  } catch {
    started = null;
  }
  return started;
}
