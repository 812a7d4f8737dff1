import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Launcher } from './launcher.js';
import { startInGroup } from './process-group.js';

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
  /** Why the commands failed when no exit code tells it (spawn error, cat write error). */
  error?: string;
  stdout: Buffer;
  stderr: Buffer;
}

export interface RunCommandsOptions {
  /** The base environment; each exec adds its own Environ entries on top. */
  env: Readonly<Record<string, string>>;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Where commands' output is captured (in files unlinked at once); the system temp directory by default. */
  captureDir?: string;
  /** Starts commands from a small process of its own when set and alive (see launcher.ts). */
  launcher?: Launcher;
  onOutput(stream: 'stdout' | 'stderr', chunk: Buffer): void;
}

/** Runs a job's commands in order, stopping at the first failure. Output is captured in full. */
export async function runCommands(
  cmds: readonly RenderedCmd[],
  opts: RunCommandsOptions,
): Promise<CommandsResult> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const onOutput = (stream: 'stdout' | 'stderr', chunk: Buffer): void => {
    (stream === 'stdout' ? out : err).push(chunk);
    opts.onOutput(stream, chunk);
  };
  const deadline = opts.timeoutMs > 0 ? Date.now() + opts.timeoutMs : Infinity;
  let result: Omit<CommandsResult, 'stdout' | 'stderr'> = {
    exitCode: 0,
    signal: null,
    timedOut: false,
    interrupted: false,
  };
  for (const cmd of cmds) {
    if (opts.signal?.aborted) {
      result = { exitCode: null, signal: null, timedOut: false, interrupted: true };
      break;
    }
    result =
      cmd.kind === 'exec'
        ? await runExec(cmd, opts, deadline, onOutput)
        : await runCat(cmd).then((error) => ({
            exitCode: error === undefined ? 0 : 1,
            signal: null,
            timedOut: false,
            interrupted: false,
            ...(error === undefined ? {} : { error }),
          }));
    if (result.exitCode !== 0) break;
  }
  return { ...result, stdout: Buffer.concat(out), stderr: Buffer.concat(err) };
}

async function runCat(cmd: { content: string; path: string }): Promise<string | undefined> {
  try {
    await mkdir(dirname(cmd.path), { recursive: true });
    await writeFile(cmd.path, cmd.content);
    return undefined;
  } catch (e) {
    return `cannot write ${cmd.path}: ${(e as Error).message}`;
  }
}

function runExec(
  cmd: { argv: string[]; environ: string[]; cwd: string },
  opts: RunCommandsOptions,
  deadline: number,
  onOutput: (stream: 'stdout' | 'stderr', chunk: Buffer) => void,
): Promise<Omit<CommandsResult, 'stdout' | 'stderr'>> {
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
  const proc = opts.launcher?.alive ? opts.launcher.run(started, onOutput) : startInGroup(started, onOutput);
  let timedOut = false;
  let interrupted = false;
  const timer =
    deadline === Infinity
      ? undefined
      : setTimeout(
          () => {
            timedOut = true;
            proc.kill();
          },
          Math.max(0, deadline - Date.now()),
        );
  const onAbort = (): void => {
    interrupted = true;
    proc.kill();
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
      ...(r.error === undefined ? {} : { error: `cannot run ${JSON.stringify(cmd.argv[0])}: ${r.error}` }),
    };
  });
}
