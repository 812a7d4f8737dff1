import { spawn } from 'node:child_process';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Trees of at most this many entries are removed in line: cheaper than starting a process, and nothing waits. */
const INLINE_LIMIT = 64;

/**
 * Removes a scratch directory without making the caller wait: it is renamed out of the way at once (so nothing
 * sees it half-deleted), then deleted by a detached `rm -rf` that may outlive this process. Deleting thousands of
 * job directories costs hundreds of milliseconds that no user should wait for at the end of a run. A small tree
 * (a run that built a few jobs, an empty store) is removed in line instead: a process of its own would cost more
 * than the removal, and would still be running when this one exits.
 */
export function discardDir(path: string): void {
  const doomed = `${path}.discard-${process.pid}-${Date.now()}`;
  try {
    renameSync(path, doomed);
  } catch {
    return; // Already gone.
  }
  if (isSmallTree(doomed)) {
    try {
      rmSync(doomed, { recursive: true, force: true });
      return;
    } catch {
      // Left to rm below.
    }
  }
  try {
    const child = spawn('rm', ['-rf', doomed], { detached: true, stdio: 'ignore' });
    child.on('error', () => rmSync(doomed, { recursive: true, force: true }));
    child.unref();
  } catch {
    rmSync(doomed, { recursive: true, force: true });
  }
}

/** Whether `dir` holds at most INLINE_LIMIT entries, looking at no more than that many. */
function isSmallTree(dir: string): boolean {
  let budget = INLINE_LIMIT;
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return false;
    }
    budget -= entries.length;
    if (budget < 0) return false;
    for (const e of entries) if (e.isDirectory()) stack.push(join(d, e.name));
  }
  return true;
}
