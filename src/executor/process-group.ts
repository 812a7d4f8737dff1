import { spawn } from 'node:child_process';

/** A started command: its end, and how to kill its whole process group. */
export interface Launched {
  /** `error` is set when the command could not be started at all. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: string }>;
  kill(): void;
}

/**
 * Starts a command in a process group of its own, so that killing the group (a time-out, Ctrl-C, the engine
 * going away) kills everything the command started. Used by the engine directly and by the launcher process.
 */
export function startInGroup(
  cmd: { argv: string[]; cwd: string; env: Record<string, string> },
  onOutput: (stream: 'stdout' | 'stderr', chunk: Buffer) => void,
): Launched {
  const child = spawn(cmd.argv[0]!, cmd.argv.slice(1), {
    cwd: cmd.cwd,
    env: cmd.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const killGroup = (): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  child.stdout.on('data', (c: Buffer) => onOutput('stdout', c));
  child.stderr.on('data', (c: Buffer) => onOutput('stderr', c));
  let error: string | undefined;
  child.on('error', (e) => {
    error = e.message;
  });
  // Grandchildren left running in the group would hold the pipes open: they end with their parent.
  child.on('exit', killGroup);
  return {
    exited: new Promise((resolve) =>
      child.on('close', (code, signal) =>
        resolve({ code, signal, ...(error === undefined ? {} : { error }) }),
      ),
    ),
    kill: killGroup,
  };
}
