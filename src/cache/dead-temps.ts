import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../util/is-alive.js';
import { removeTree } from '../util/remove-tree.js';

export { isAlive };

/**
 * Temp directories are named `<pid>-<random>`: those whose process is gone are leftovers of a crash. Each is
 * removed on its own (read-only directories made writable first); one that cannot be removed is left for a
 * later run and never stops the others, nor the caller.
 *
 * Listed synchronously: the directory is nearly always empty, and a run that reads nothing else through the
 * thread pool never starts its threads (each one scheduled while git's listings hold both cores of a small
 * machine, which costs a fully cached run several milliseconds).
 */
export async function removeDeadTemps(tmpDir: string): Promise<void> {
  let names: string[];
  try {
    // Never through a symbolic link: what it leads to is not the cache's (a link to /etc would have had every name
    // there taken for a dead temp).
    if (!lstatSync(tmpDir).isDirectory()) return;
    names = readdirSync(tmpDir);
  } catch {
    return;
  }
  await Promise.all(
    names.map(async (name) => {
      const pid = Number(name.split('-')[0]);
      if (pid === process.pid) return;
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return;
      await removeTree(join(tmpDir, name)).catch(() => undefined);
    }),
  );
}
