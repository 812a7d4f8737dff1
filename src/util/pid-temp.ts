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
 * user made, nor a link.
 */
export function deadPidTemps(prefix: string): string[] {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return [];
  }
  const dead: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    const path = join(tmpdir(), name);
    try {
      const st = lstatSync(path);
      if (!st.isDirectory() || st.uid !== process.getuid?.()) continue;
    } catch {
      continue;
    }
    dead.push(path);
  }
  return dead;
}

const swept = new Set<string>();

/** Removes, once per process and prefix, what dead processes left (see deadPidTemps): small directories only. */
export async function removeDeadPidTemps(prefix: string): Promise<void> {
  if (swept.has(prefix)) return;
  swept.add(prefix);
  await Promise.all(deadPidTemps(prefix).map((d) => rm(d, { recursive: true, force: true }).catch(() => {})));
}
