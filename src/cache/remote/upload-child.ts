import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobKey } from '../../ids/brands.js';
import { handOverCaCerts } from '../../util/extra-ca-certs.js';
import type { ArtifactToSave, Manifest } from '../cache.js';
import type { UploadEvent, UploadItem, UploadRequest } from './upload-protocol.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The niceness of the upload process: below the run, whose jobs come first. */
const UPLOAD_NICENESS = 10;
/**
 * Artifacts saved within this long go to the upload process in one message: each message wakes it (and it
 * answers), which on a busy machine costs more than the message itself.
 */
const BATCH_MS = 20;
const BATCH_MAX = 64;

export type UploadSettings = Omit<Extract<UploadRequest, { type: 'start' }>, 'type'> & { token?: string };

/**
 * The engine's side of the upload process (see upload-process.ts).
 *
 * Deals with: starting it (only the bundled build has it; `start` answers undefined elsewhere), lowering its
 * priority, handing it artifacts, counting those not yet uploaded, and the bounded wait at the end (after which
 * it is killed). Does not deal with: the circuit breaker's warning text (the process sends it ready-made).
 */
export class UploadChild {
  readonly #child: ChildProcess;
  #pending = 0;
  #exited = false;
  /** How the process ended, once it has. */
  #ending: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  #batch: UploadItem[] = [];
  #timer: NodeJS.Timeout | undefined;
  readonly #exit: Promise<void>;

  private constructor(child: ChildProcess, onFailed: (message: string) => void) {
    this.#child = child;
    this.#exit = new Promise((resolve) => {
      const gone = (): void => {
        this.#exited = true;
        resolve();
      };
      child.once('exit', (code, signal) => {
        this.#ending = { code, signal };
        gone();
      });
      child.once('error', gone);
    });
    child.on('message', (e: UploadEvent) => {
      if (e.type === 'settled') this.#pending -= e.count;
      else onFailed(e.message);
    });
  }

  /** `program`: the upload process's own (another only in tests). */
  static start(
    settings: UploadSettings,
    onFailed: (message: string) => void,
    program = join(here, 'upload-process.js'),
  ): UploadChild | undefined {
    if (!existsSync(program)) return undefined;
    const { token, ...start } = settings;
    try {
      // Node parses NODE_EXTRA_CA_CERTS as it starts (20-30 ms of CPU here, taken from the jobs): handed over under
      // another name, which the upload process's trust store reads when it opens an https connection.
      const env = handOverCaCerts({ ...process.env });
      if (token === undefined) delete env.DISBUILD_CACHE_TOKEN;
      else env.DISBUILD_CACHE_TOKEN = token;
      const child = fork(program, [], {
        serialization: 'json',
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
        env,
      });
      if (child.pid === undefined) return undefined;
      // Never what keeps the run alive: `close` waits for it explicitly.
      child.unref();
      child.channel?.unref();
      try {
        setPriority(child.pid, UPLOAD_NICENESS);
      } catch {
        // Not allowed here: it runs at the run's own priority.
      }
      const c = new UploadChild(child, onFailed);
      c.#send({ type: 'start', ...start });
      return c;
    } catch {
      return undefined;
    }
  }

  upload(key: JobKey, dir: string, a: ArtifactToSave, manifest?: Manifest): void {
    this.#pending++;
    this.#batch.push({
      key,
      dir,
      durationMs: a.durationMs,
      stdout: a.stdout.toString('base64'),
      stderr: a.stderr.toString('base64'),
      ...(a.stdoutFile === undefined ? {} : { stdoutFile: a.stdoutFile }),
      ...(a.stderrFile === undefined ? {} : { stderrFile: a.stderrFile }),
      ...(manifest === undefined ? {} : { manifest }),
    });
    if (this.#batch.length >= BATCH_MAX) this.#flush();
    else if (this.#timer === undefined) {
      this.#timer = setTimeout(() => this.#flush(), BATCH_MS);
      this.#timer.unref();
    }
  }

  #flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#batch.length === 0) return;
    const items = this.#batch;
    this.#batch = [];
    this.#send({ type: 'uploads', items });
  }

  /** Uploads not yet over. */
  get pending(): number {
    return this.#pending;
  }

  /**
   * Lets the queue drain for at most `waitMs`, then kills the process. Answers undefined when it finished in time,
   * else why not: the wait was over, or the process had ended first (how, named), its queue not done.
   */
  async close(waitMs: number): Promise<{ waited: true } | { ended: string } | undefined> {
    this.#flush();
    // A process gone before it could be told (its channel closed) has not dealt with its queue, whatever its code.
    const told = !this.#exited && this.#child.connected;
    this.#send({ type: 'end' });
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      this.#exit.then(() => true),
      new Promise<boolean>((r) => {
        timer = setTimeout(() => r(false), waitMs);
      }),
    ]);
    clearTimeout(timer);
    if (!finished) {
      this.#child.kill('SIGKILL');
      await this.#exit;
      return { waited: true };
    }
    const e = this.#ending;
    // It exits with 0 only once its queue is done (what it skipped after a failure, it reported as the failure):
    // the count here is then settled, whether or not its last report was read before its exit was.
    if (told && e?.signal === null && e.code === 0) return undefined;
    if (this.#pending === 0) return undefined;
    if (e === undefined) return { ended: 'after an error' };
    return { ended: e.signal === null ? `exit code ${e.code ?? 0}` : `signal ${e.signal}` };
  }

  /** Ends the process at once (the remote turned off): what it was doing is abandoned. */
  kill(): void {
    clearTimeout(this.#timer);
    this.#batch = [];
    if (!this.#exited) this.#child.kill('SIGKILL');
  }

  #send(m: UploadRequest): void {
    if (this.#exited || !this.#child.connected) return;
    this.#child.send(m, undefined, undefined, () => undefined);
  }
}
