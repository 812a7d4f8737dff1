import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';

/**
 * Kills the process groups of the commands this process starts itself, should it die while they run (SIGKILL,
 * the OOM killer): the launcher does this for the commands it starts (launcher-process.ts), and a run that starts
 * a few commands itself instead of booting one keeps the same promise, that no job outlives its run.
 *
 * A `/bin/sh` in a process group of its own (a kill of this process's whole group leaves it alive) reads the
 * groups' IDs from a pipe: `+ID` from each command as it starts (see ANNOUNCE), `-ID` from here once it has ended
 * and its group was killed. When the pipe closes (this process gone, however it died, and every command's copy
 * closed), the shell kills every group still listed, and exits. A group is listed only while its command runs, so
 * an ID the system has since given to another process is never killed.
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

/**
 * How a watched command starts: a `/bin/sh` that writes its own process ID (its group's, which it leads) to the
 * watchdog on descriptor 3, closes that, and becomes the command. The command announces itself rather than this
 * process after the fork: a death of this process in between would leave it unlisted, whereas the watchdog sees
 * the pipe's end only once the new process has written and closed its copy. SIGPIPE is ignored for the write (a
 * watchdog gone is no reason not to run the command) and restored for the command. A command that cannot be
 * started is then the shell's message and exit status 127.
 */
const ANNOUNCE = `trap '' PIPE; { echo "+$$" >&3; } 2>/dev/null; exec 3>&-; trap - PIPE; exec "$@"`;

export interface GroupWatchdog {
  /** `argv` as a watched command starts (see ANNOUNCE), with `fd3` as its descriptor 3. */
  wrap(argv: readonly string[]): string[];
  readonly fd3: Writable;
  /** Lists the group of a command started with `wrap` until `ended` settles (its command over, its group killed). */
  watch(pgid: number, ended: Promise<unknown>): void;
}

/** The watchdog of this process while it runs; another is started should it die (killed by somebody). */
let running: (GroupWatchdog & { readonly alive: boolean }) | undefined;
/** Commands started under a watchdog of this process that have not ended yet. */
let watching = 0;
/** Set once no shell could be started at all: the commands then run unwatched. */
let cannotStart = false;

/** This process's watchdog, started on the first call (and again should it have died); null when none can be. */
export function groupWatchdog(): GroupWatchdog | null {
  if (running?.alive) return running;
  if (cannotStart) return null;
  try {
    const child = spawn('/bin/sh', ['-c', SCRIPT], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
    if (child.pid === undefined) {
      child.on('error', () => undefined);
      cannotStart = true;
      return null;
    }
    const pipe = child.stdin as Writable & { unref(): void };
    let alive = true;
    const gone = (): void => {
      alive = false;
    };
    child.on('error', gone);
    child.on('exit', gone);
    // A write to a watchdog that died fails with EPIPE: the commands it listed then run unwatched.
    pipe.on('error', gone);
    // Idle, neither keeps this process alive; its exit is what the shell waits for.
    child.unref();
    pipe.unref();
    running = {
      // A pipe already closed cannot be handed to a command (spawn refuses it): a dead watchdog is replaced.
      get alive() {
        return alive && !pipe.destroyed;
      },
      wrap: (argv) => ['/bin/sh', '-c', ANNOUNCE, 'disbuild-job', ...argv],
      fd3: pipe,
      watch: (pgid, ended) => {
        watching++;
        void ended.then(() => {
          watching--;
          if (alive && !pipe.destroyed) pipe.write(`-${pgid}\n`);
        });
      },
    };
    return running;
  } catch {
    cannotStart = true;
    return null;
  }
}

/**
 * Lets the watchdog go once the commands it watches have all ended: a run calls this when it will start no more, so
 * that the shell exits while the run finishes its own work rather than after the run's exit (a few milliseconds of
 * every run that built something). A later command starts a new one.
 */
export function releaseGroupWatchdog(): void {
  if (running === undefined || watching > 0) return;
  const { fd3 } = running;
  running = undefined;
  // End of file for the shell: what it was told before reaches it first.
  fd3.end();
}
