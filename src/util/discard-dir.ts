import { spawn } from 'node:child_process';
import { renameSync } from 'node:fs';
import { removeTree } from './remove-tree.js';

/**
 * Removes a scratch directory without making the caller wait: it is renamed out of the way at once (so nothing
 * sees it half-deleted), then deleted by a detached `rm -rf` that may outlive this process. Deleting thousands of
 * job directories costs hundreds of milliseconds that no user should wait for at the end of a run.
 * Read-only directories in it (left by jobs, or sealed outputs) are made writable when the first `rm` fails.
 */
export function discardDir(path: string): void {
  const doomed = `${path}.discard-${process.pid}-${Date.now()}`;
  try {
    renameSync(path, doomed);
  } catch {
    return; // Already gone.
  }
  const inProcess = (): void => void removeTree(doomed).catch(() => undefined);
  try {
    const script = 'rm -rf -- "$1" 2>/dev/null || { chmod -R u+rwX -- "$1"; rm -rf -- "$1"; }';
    const child = spawn('sh', ['-c', script, 'sh', doomed], { detached: true, stdio: 'ignore' });
    child.on('error', inProcess);
    child.unref();
  } catch {
    inProcess();
  }
}
