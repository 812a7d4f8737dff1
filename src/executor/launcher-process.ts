/**
 * The launcher process: starts the commands the engine sends it and streams back their output and exit.
 * Runs as its own small program (bundled as `launcher-process.js` beside the entry that uses it).
 *
 * Each command gets its own process group; when the command exits, whatever it left running in that group is
 * killed, so its pipes close. When the engine goes away (the IPC channel closes), every group still running is
 * killed: no job outlives the run that started it.
 */
import { spawn } from 'node:child_process';
import type { LauncherEvent, LauncherRequest } from './launcher-protocol.js';

const groups = new Map<number, number>();

function send(e: LauncherEvent): void {
  if (process.connected) process.send!(e);
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function run(m: Extract<LauncherRequest, { type: 'run' }>): void {
  const child = spawn(m.argv[0]!, m.argv.slice(1), {
    cwd: m.cwd,
    env: m.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid !== undefined) groups.set(m.id, child.pid);
  child.stdout.on('data', (chunk: Buffer) =>
    send({ type: 'output', id: m.id, stream: 'stdout', chunk: chunk.toString('base64') }),
  );
  child.stderr.on('data', (chunk: Buffer) =>
    send({ type: 'output', id: m.id, stream: 'stderr', chunk: chunk.toString('base64') }),
  );
  let error: string | undefined;
  child.on('error', (e) => {
    error = e.message;
  });
  child.on('exit', () => killGroup(child.pid));
  child.on('close', (code, signal) => {
    groups.delete(m.id);
    send({ type: 'exit', id: m.id, code, signal, ...(error === undefined ? {} : { error }) });
  });
}

process.on('message', (m: LauncherRequest) => {
  if (m.type === 'kill') killGroup(groups.get(m.id));
  else run(m);
});
process.on('disconnect', () => {
  for (const pid of groups.values()) killGroup(pid);
  process.exit(0);
});
// Ctrl-C reaches the whole foreground process group: the engine decides what to kill and tells us.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
