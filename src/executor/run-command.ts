import { quoted } from '../util/printable.js';
import { statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { queueCommand } from './command-queue.js';
import type { Launcher } from './launcher.js';
import { LogCapture } from './log-capture.js';
import { groupWatchdog } from './group-watchdog.js';
import { type Launched, startInGroup } from './process-group.js';
import type { WorkerPool } from './worker-pool.js';

/** A command with every template variable already substituted. */
export type RenderedCmd =
  | { kind: 'exec'; argv: string[]; environ: string[]; cwd: string }
  | { kind: 'cat'; content: string; path: string };

export interface CommandsResult {
  /** Exit status of the last command run; null when killed by a signal or never started. */
  exitCode: number | null;
  /** Set when a command was killed (time-out, interruption). */
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  interrupted: boolean;
  /** Set when the job never started: interrupted while its first command waited for a slot. */
  notStarted?: true;
  /** Why the commands failed when no exit code tells it (spawn error, cat write error). */
  error?: string;
  /** When the first command started (`performance.now()`); run times and the time-out count from there. */
  startedAt?: number;
  /** The whole output, or when it grew past the spill size, its two ends (see log-capture.ts). */
  stdout: Buffer;
  stderr: Buffer;
  /** Set when the output spilled: the file holding all of it. */
  stdoutFile?: string;
  stderrFile?: string;
}

export interface RunCommandsOptions {
  /** The base environment; each exec adds its own Environ entries on top. */
  env: Readonly<Record<string, string>>;
  /** For the job, from the start of its first command; 0 for none. */
  timeoutMs: number;
  /** Kills whatever runs or waits: the run is interrupted. */
  signal?: AbortSignal;
  /** The slots that exec commands wait for (in this process, or its size for the launcher's). */
  slots: WorkerPool;
  /** The job's priority among commands waiting for a slot. */
  priority: number;
  /** Where commands' output is captured (in files unlinked at once); the system temp directory by default. */
  captureDir?: string;
  /** Where output past the spill size is written; kept in memory when absent. */
  spillDir?: string;
  /** Starts commands from a small process of its own when set and alive (see launcher.ts). */
  launcher?: Launcher;
  onOutput(stream: 'stdout' | 'stderr', chunk: Buffer): void;
  /** Called once, as the job's first command starts. */
  onStarted?(): void;
}

type CommandResult = Omit<CommandsResult, 'stdout' | 'stderr' | 'stdoutFile' | 'stderrFile' | 'startedAt'>;

/** When the job started, and its deadline; set by whichever command starts first. */
class JobClock {
  startedAt: number | undefined;
  deadline = Infinity;
  constructor(
    private readonly timeoutMs: number,
    private readonly onStarted?: () => void,
  ) {}

  start(): void {
    if (this.startedAt !== undefined) return;
    this.startedAt = performance.now();
    if (this.timeoutMs > 0) this.deadline = Date.now() + this.timeoutMs;
    this.onStarted?.();
  }
}

/** Runs a job's commands in order, stopping at the first failure. Output is captured in full. */
export async function runCommands(
  cmds: readonly RenderedCmd[],
  opts: RunCommandsOptions,
): Promise<CommandsResult> {
  const out = new LogCapture(opts.spillDir);
  const err = new LogCapture(opts.spillDir);
  const onOutput = (stream: 'stdout' | 'stderr', chunk: Buffer): void => {
    (stream === 'stdout' ? out : err).push(chunk);
    opts.onOutput(stream, chunk);
  };
  const clock = new JobClock(opts.timeoutMs, opts.onStarted);
  // A job without commands starts and ends at once.
  if (cmds.length === 0) clock.start();
  let result: CommandResult = { exitCode: 0, signal: null, timedOut: false, interrupted: false };
  for (const cmd of cmds) {
    if (opts.signal?.aborted) {
      result = { exitCode: null, signal: null, timedOut: false, interrupted: true };
      break;
    }
    if (cmd.kind === 'exec') result = await runExec(cmd, opts, clock, onOutput);
    else {
      clock.start();
      const error = await runCat(cmd);
      result = {
        exitCode: error === undefined ? 0 : 1,
        signal: null,
        timedOut: false,
        interrupted: false,
        ...(error === undefined ? {} : { error }),
      };
    }
    if (result.exitCode !== 0) break;
  }
  // Not started: the run was interrupted before the first command had a slot. A command that could not be
  // started at all (the launcher gone, say) is a failure, not this.
  if (clock.startedAt === undefined && result.interrupted) result = { ...result, notStarted: true };
  const stdout = out.finish();
  const stderr = err.finish();
  return {
    ...result,
    ...(clock.startedAt === undefined ? {} : { startedAt: clock.startedAt }),
    stdout: stdout.bytes,
    stderr: stderr.bytes,
    ...(stdout.file === undefined ? {} : { stdoutFile: stdout.file }),
    ...(stderr.file === undefined ? {} : { stderrFile: stderr.file }),
  };
}

async function runCat(cmd: { content: string; path: string }): Promise<string | undefined> {
  try {
    await mkdir(dirname(cmd.path), { recursive: true });
    await writeFile(cmd.path, cmd.content);
    return undefined;
  } catch (e) {
    return `cannot write ${quoted(cmd.path)}: ${(e as Error).message}`;
  }
}

function runExec(
  cmd: { argv: string[]; environ: string[]; cwd: string },
  opts: RunCommandsOptions,
  clock: JobClock,
  onOutput: (stream: 'stdout' | 'stderr', chunk: Buffer) => void,
): Promise<CommandResult> {
  const env: Record<string, string> = { ...opts.env };
  for (const entry of cmd.environ) {
    const eq = entry.indexOf('=');
    env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  const started = {
    argv: cmd.argv,
    cwd: cmd.cwd,
    env,
    ...(opts.captureDir === undefined ? {} : { captureDir: opts.captureDir }),
  };
  let timedOut = false;
  let interrupted = false;
  let timer: NodeJS.Timeout | undefined;
  // The time-out runs from the job's start, not from when its commands were queued.
  let running = false;
  const onStarted = (): void => {
    running = true;
    clock.start();
    if (clock.deadline === Infinity) return;
    timer = setTimeout(
      () => {
        timedOut = true;
        proc.kill();
      },
      Math.max(0, clock.deadline - Date.now()),
    );
  };
  const proc = opts.launcher?.alive
    ? opts.launcher.run({ ...started, priority: opts.priority, slots: opts.slots.size }, onOutput, onStarted)
    : queueCommand(opts.slots, opts.priority, () => startWatched(started, onOutput), onStarted);
  // Every job hears the abort in one turn. Commands still waiting for a slot are withdrawn first, the running
  // ones killed after: a killed command frees its slot, and a waiting one the launcher had not yet been told to
  // drop would start in it.
  const onAbort = (): void => {
    interrupted = true;
    if (running) queueMicrotask(() => proc.kill());
    else proc.kill();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  return proc.exited.then((r) => {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    return {
      exitCode: r.error !== undefined ? 127 : r.code,
      signal: r.signal,
      timedOut,
      interrupted,
      ...(r.error === undefined ? {} : { error: notStarted(cmd, r.error) }),
    };
  });
}

/** Why a command did not start: spawn says ENOENT alike for a missing program and a missing directory. */
function notStarted(cmd: { argv: string[]; cwd: string }, error: string): string {
  const missingDir = error.includes('ENOENT') && !statSync(cmd.cwd, { throwIfNoEntry: false })?.isDirectory();
  return `cannot run ${quoted(cmd.argv[0] ?? '')}: ${missingDir ? `its working directory ${quoted(cmd.cwd)} does not exist` : error}`;
}

/**
 * Starts a command from this process, watched while it runs (group-watchdog.ts); unwatched only when the watchdog
 * cannot be started (no `/bin/sh`).
 */
function startWatched(
  cmd: Parameters<typeof startInGroup>[0],
  onOutput: Parameters<typeof startInGroup>[1],
): Launched {
  const watchdog = groupWatchdog();
  if (!watchdog) return startInGroup(cmd, onOutput);
  const launched = startInGroup({ ...cmd, argv: watchdog.wrap(cmd.argv) }, onOutput, watchdog.fd3);
  if (launched.pid !== undefined) watchdog.watch(launched.pid, launched.exited);
  return launched;
}
