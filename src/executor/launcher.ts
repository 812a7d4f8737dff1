import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LauncherEvent, LauncherRequest } from './launcher-protocol.js';
import { type Exit, killProcessGroup, type Launched } from './process-group.js';
import { WITHOUT_OPTIMIZING_COMPILERS } from '../util/jit-tiers.js';

interface Pending {
  onOutput(stream: 'stdout' | 'stderr', chunk: Buffer): void;
  onStarted(): void;
  resolve(r: Exit): void;
  /** The command's process group, once started. */
  pid?: number;
}

// Read once at load: in the bundle this is the chunk's own file, beside which the build puts the launcher.
const here = dirname(fileURLToPath(import.meta.url));

/**
 * Starts job commands from a small separate process instead of this one.
 *
 * Why: starting a process forks its parent, and a fork costs in proportion to the parent's memory. The engine's
 * process holds the graph, the keys and the logs, so each fork there costs a few milliseconds of its only
 * thread — the thread that also schedules, saves and reports. A launcher of a few tens of megabytes forks
 * several times faster, on another core. Only the bundled build has the launcher; elsewhere (and should it
 * fail to start or die) commands are started directly.
 */
export class Launcher {
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, Pending>();
  #next = 1;
  #alive = true;

  private constructor(child: ChildProcess) {
    this.#child = child;
    // Idle, the launcher does not keep this process alive: a run that ends without closing it (or a launcher
    // started early and never used) does not hang the exit. Commands in flight hold it.
    child.unref();
    child.channel?.unref();
    child.on('message', (e: LauncherEvent) => {
      const p = this.#pending.get(e.id);
      if (!p) return;
      if (e.type === 'output') p.onOutput(e.stream, Buffer.from(e.chunk, 'base64'));
      else if (e.type === 'started') {
        p.pid = e.pid;
        p.onStarted();
      } else {
        this.#pending.delete(e.id);
        if (this.#pending.size === 0) child.channel?.unref();
        p.resolve(e);
      }
    });
    const gone = (): void => {
      this.#alive = false;
      for (const p of this.#pending.values()) {
        // Killed itself (SIGKILL, the OOM killer), the launcher could not end its commands: they end here.
        if (p.pid !== undefined) killProcessGroup(p.pid);
        p.resolve({ code: null, signal: null, error: 'the launcher process exited' });
      }
      this.#pending.clear();
    };
    child.on('exit', gone);
    child.on('error', gone);
  }

  /** A launcher beside this module's bundle, or undefined when there is none (running from source). */
  static start(): Launcher | undefined {
    const program = join(here, 'launcher-process.js');
    if (!existsSync(program)) return undefined;
    try {
      const child = fork(program, [], {
        env: launcherEnv(process.env),
        serialization: 'json',
        // Small young generation: this process allocates little, and its size is what each fork copies. No
        // optimizing compilers: its code is a few calls per command, and compiling it cost 0.1 s of CPU in 1,000.
        execArgv: ['--max-semi-space-size=1', ...WITHOUT_OPTIMIZING_COMPILERS],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        // A group of its own: a kill of this process's group must leave it alive to end the commands.
        detached: true,
      });
      return new Launcher(child);
    } catch {
      return undefined;
    }
  }

  get alive(): boolean {
    return this.#alive && this.#child.connected;
  }

  /** Queues a command in the launcher, which starts it when one of `slots` is free (see command-queue.ts). */
  run(
    cmd: Omit<Extract<LauncherRequest, { type: 'run' }>, 'type' | 'id'>,
    onOutput: (stream: 'stdout' | 'stderr', chunk: Buffer) => void,
    onStarted: () => void,
  ): Launched {
    const id = this.#next++;
    if (!this.alive)
      return {
        exited: Promise.resolve({ code: null, signal: null, error: 'the launcher process exited' }),
        kill: () => undefined,
      };
    const exited = new Promise<Exit>((resolve) => this.#pending.set(id, { onOutput, onStarted, resolve }));
    if (this.#pending.size === 1) this.#child.channel?.ref();
    this.#send({ type: 'run', id, ...cmd });
    return { exited, kill: () => this.#send({ type: 'kill', id }) };
  }

  /** Ends the launcher; commands still running are killed by it. */
  close(): void {
    // One started ahead and never used may still be booting, and would exit only once it has booted far enough
    // to see the channel close: it has nothing to clean up, so it is killed at once.
    if (this.#next === 1 && this.#alive) this.#child.kill('SIGKILL');
    else if (this.#child.connected) this.#child.disconnect();
  }

  #send(m: LauncherRequest): void {
    try {
      if (this.#child.connected) this.#child.send(m);
    } catch {
      // The exit handler answers every pending command.
    }
  }
}

/**
 * The launcher's own environment: the engine's, less what only costs it time. With NODE_EXTRA_CA_CERTS set
 * (common behind a corporate proxy), Node reads and parses the whole certificate file as it starts, some 50 ms of
 * CPU per process, for a process that never opens a TLS connection. Commands are not affected: each gets the
 * environment the engine sends with it (the base environment and the job's own variables), not this one.
 */
export function launcherEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.NODE_EXTRA_CA_CERTS === undefined) return env;
  const { NODE_EXTRA_CA_CERTS: _unused, ...rest } = env;
  return rest;
}
