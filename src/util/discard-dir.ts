import { spawn } from 'node:child_process';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { removeTree } from './remove-tree.js';
import { inBackground } from './background.js';
import { DISCARDED } from './discarded.js';

/** Trees of at most this many entries are removed in line: cheaper than starting a process, and nothing waits. */
const INLINE_LIMIT = 64;

/**
 * Removes a scratch directory without making the caller wait: it is renamed out of the way at once (so nothing
 * sees it half-deleted), then deleted by a detached `rm -rf` that may outlive this process. Deleting thousands of
 * job directories costs hundreds of milliseconds that no user should wait for at the end of a run. A small tree
 * (a run that built a few jobs, an empty store) is removed in line instead: a process of its own would cost more
 * than the removal, and would still be running when this one exits. Read-only directories in it (left by jobs,
 * or sealed outputs) are made writable when the first removal fails.
 */
export function discardDir(path: string): void {
  const doomed = `${path}${DISCARDED}${process.pid}-${Date.now()}`;
  try {
    renameSync(path, doomed);
  } catch {
    return; // Already gone.
  }
  const inProcess = (): void => inBackground(removeTree(doomed));
  if (isSmallTree(doomed)) {
    try {
      rmSync(doomed, { recursive: true, force: true });
      return;
    } catch {
      // Left to rm below, which makes read-only directories writable.
    }
  }
  try {
    const script = 'rm -rf -- "$1" 2>/dev/null || { chmod -R u+rwX -- "$1"; rm -rf -- "$1"; }';
    const child = spawn('sh', ['-c', script, 'sh', doomed], { detached: true, stdio: 'ignore' });
    child.on('error', inProcess);
    child.unref();
  } catch {
    inProcess();
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
