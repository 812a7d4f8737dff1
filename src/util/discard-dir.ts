import { spawn } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';

/**
 * Removes a scratch directory without making the caller wait: it is renamed out of the way at once (so nothing
 * sees it half-deleted), then deleted by a detached `rm -rf` that may outlive this process. Deleting thousands of
 * job directories costs hundreds of milliseconds that no user should wait for at the end of a run.
 */
export function discardDir(path: string): void {
  const doomed = `${path}.discard-${process.pid}-${Date.now()}`;
  try {
    renameSync(path, doomed);
  } catch {
    return; // Already gone.
  }
  try {
    const child = spawn('rm', ['-rf', doomed], { detached: true, stdio: 'ignore' });
    child.on('error', () => rmSync(doomed, { recursive: true, force: true }));
    child.unref();
  } catch {
    rmSync(doomed, { recursive: true, force: true });
  }
}
