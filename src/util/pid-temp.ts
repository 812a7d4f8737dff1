import { lstatSync, mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from './is-alive.js';

/**
 * A fresh, owner-only directory in the system's temp directory named `<prefix><pid>-<random>`, so that what a
 * killed process leaves there can be told from what a live one is using (see deadPidTemps). Throws as mkdtemp
 * does (an unwritable or full temp directory).
 */
export function makePidTemp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}${process.pid}-`));
}

/**
 * The directories makePidTemp made with `prefix` for processes of this user that are gone; never one another
 * user made, nor a link. A process is gone when no process of its ID exists here, which says nothing of one in
 * another PID namespace sharing the temp directory (a container): with `minAgeMs`, a directory is gone only once
 * unchanged for that long as well, which a short-lived one in use never is.
 */
export function deadPidTemps(prefix: string, minAgeMs = 0): string[] {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return [];
  }
  const dead: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    // Exactly as mkdtemp names them: `<pid>-` and six characters.
    const m = /^([1-9]\d*)-[A-Za-z0-9]{6}$/.exec(name.slice(prefix.length));
    const pid = Number(m?.[1]);
    if (m === null || pid === process.pid || isAlive(pid)) continue;
    const path = join(tmpdir(), name);
    try {
      const st = lstatSync(path);
      if (!st.isDirectory() || st.uid !== process.getuid?.() || Date.now() - st.mtimeMs < minAgeMs) continue;
    } catch {
      continue;
    }
    dead.push(path);
  }
  return dead;
}

const swept = new Set<string>();

/** Removes, once per process and prefix, what dead processes left (see deadPidTemps): small directories only. */
export async function removeDeadPidTemps(prefix: string, minAgeMs = 0): Promise<void> {
  if (swept.has(prefix)) return;
  swept.add(prefix);
  await Promise.all(
    deadPidTemps(prefix, minAgeMs).map((d) => rm(d, { recursive: true, force: true }).catch(() => {})),
  );
}

/**
 * How long a hook's temporary index (a few git commands' worth of use) stays unchanged before it counts as left
 * by a process that is gone, seen from another PID namespace as well (see deadPidTemps).
 */
export const ABANDONED_MS = 10 * 60_000;
