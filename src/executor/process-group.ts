import { spawn, type StdioOptions } from 'node:child_process';
import { closeSync, constants, fstatSync, openSync, readSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';

/** How a command ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the command could not be started at all. */
  error?: string;
  /** Set when it was killed while still waiting for a slot (see command-queue.ts). */
  notStarted?: true;
}

/** A started command: its end, and how to kill its whole process group. */
export interface Launched {
  exited: Promise<Exit>;
  kill(): void;
  /** The process (and process group) ID, once started; undefined when the start failed. */
  readonly pid?: number | undefined;
}

type OnOutput = (stream: 'stdout' | 'stderr', chunk: Buffer) => void;

/**
 * Starts a command in a process group of its own, so that killing the group (a time-out, Ctrl-C, the engine
 * going away) kills everything the command started. Used by the engine directly and by the launcher process.
 *
 * Output goes to two anonymous files (created in `captureDir` and unlinked at once) rather than to pipes: a
 * pipe pair costs Node two stream objects and their events, about 0.4 ms of CPU per command, which for short
 * jobs is a sizeable share of the run. The files are read while the command runs (see `Captures`) and once
 * more when it exits, so output still arrives as it is written, within a poll interval. Should the files
 * not be creatable, the command gets pipes.
 */
export function startInGroup(
  cmd: { argv: string[]; cwd: string; env: Record<string, string>; captureDir?: string },
  onOutput: OnOutput,
  /** Handed to the command as its descriptor 3 (see group-watchdog.ts). */
  fd3?: Writable,
): Launched {
  const files = openCaptureFiles(cmd.captureDir ?? tmpdir());
  const stdio: StdioOptions = files
    ? ['ignore', files.stdout.fd, files.stderr.fd]
    : ['ignore', 'pipe', 'pipe'];
  let child;
  try {
    child = spawn(cmd.argv[0]!, cmd.argv.slice(1), {
      cwd: cmd.cwd,
      env: cmd.env,
      stdio: fd3 ? [...stdio, fd3] : stdio,
      detached: true,
    });
  } catch (e) {
    files?.close();
    throw e;
  }
  const killGroup = (): void => {
    if (child.pid !== undefined) killProcessGroup(child.pid);
  };
  if (files) captures.watch(files, onOutput);
  else {
    child.stdout!.on('data', (c: Buffer) => onOutput('stdout', c));
    child.stderr!.on('data', (c: Buffer) => onOutput('stderr', c));
  }
  let error: string | undefined;
  child.on('error', (e) => {
    error = e.message;
  });
  // Grandchildren left running in the group would go on writing (or hold the pipes open): they end with their
  // parent.
  child.on('exit', killGroup);
  return {
    exited: new Promise((resolve) =>
      child.on('close', (code, signal) => {
        if (files) captures.finish(files, onOutput);
        resolve({ code, signal, ...(error === undefined ? {} : { error }) });
      }),
    ),
    kill: killGroup,
    pid: child.pid,
  };
}

/** Kills everything in the process group `pid` leads. */
export function killProcessGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** One capture file: its descriptor and how much of it has been passed on. */
interface Capture {
  fd: number;
  read: number;
}

interface CaptureFiles {
  stdout: Capture;
  stderr: Capture;
  close(): void;
}

let captureSeq = 0;

function openCaptureFiles(dir: string): CaptureFiles | undefined {
  const opened: number[] = [];
  try {
    for (const name of ['out', 'err']) {
      const path = join(dir, `.disbuild-${name}-${process.pid}-${captureSeq++}`);
      // O_APPEND: every write of the command (and of whatever it starts) lands at the end, none overwrites.
      const flags = constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | constants.O_APPEND;
      opened.push(openSync(path, flags, 0o600));
      unlinkSync(path);
    }
  } catch {
    for (const fd of opened) closeSync(fd);
    return undefined;
  }
  const [out, err] = opened as [number, number];
  return {
    stdout: { fd: out, read: 0 },
    stderr: { fd: err, read: 0 },
    close: () => {
      closeSync(out);
      closeSync(err);
    },
  };
}

/** How often running commands' capture files are looked at for new output. */
const POLL_MS = 100;

/** The capture files of running commands, read on a timer while any runs. */
class Captures {
  readonly #running = new Map<CaptureFiles, OnOutput>();
  #timer: NodeJS.Timeout | undefined;

  watch(files: CaptureFiles, onOutput: OnOutput): void {
    this.#running.set(files, onOutput);
    // Unref'd: the commands themselves keep the process alive while they run.
    this.#timer ??= setInterval(() => this.#poll(), POLL_MS).unref();
  }

  /** Passes on the rest of a finished command's output and closes its files. */
  finish(files: CaptureFiles, onOutput: OnOutput): void {
    this.#running.delete(files);
    if (this.#running.size === 0 && this.#timer) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
    drain(files, onOutput);
    files.close();
  }

  #poll(): void {
    for (const [files, onOutput] of this.#running) drain(files, onOutput);
  }
}

const captures = new Captures();

function drain(files: CaptureFiles, onOutput: OnOutput): void {
  drainOne(files.stdout, (c) => onOutput('stdout', c));
  drainOne(files.stderr, (c) => onOutput('stderr', c));
}

const CHUNK = 1 << 20;

function drainOne(c: Capture, emit: (chunk: Buffer) => void): void {
  try {
    const size = fstatSync(c.fd).size;
    while (c.read < size) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, size - c.read));
      const n = readSync(c.fd, buf, 0, buf.length, c.read);
      if (n === 0) return;
      c.read += n;
      emit(n === buf.length ? buf : buf.subarray(0, n));
    }
  } catch {
    // A capture file that cannot be read loses the rest of that output, never the command.
  }
}
