/**
 * Stored files put in their places, each checked as it is written (as a restore copies them, see tree-copy.ts),
 * beside its place, then renamed over it. In-place outputs go into
 * the checkout this way (executor/in-place-restore.ts), on whichever thread has time (restore-helper.ts).
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { inWritableDirAsync, makeDirs, removeOutputTree } from '../util/writable-dir.js';
import { basename, dirname, join } from 'node:path';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { copyVerifiedFile } from './tree-copy.js';

/** One file to place: its manifest path (named when it does not match), where it is stored, where it goes. */
export interface PlaceFile {
  path: string;
  stored: string;
  to: string;
  size: number;
  /** The manifest's mode: only its exec bit counts. */
  mode: number;
  sha256: string;
}

/**
 * Temp names are unique to this thread as well as this process: both threads of a run place files, and two jobs
 * whose outputs overlap may place the same path.
 */
const tempPrefix = `disbuild-${process.pid}-${randomBytes(4).toString('hex')}`;
let temps = 0;

/**
 * Writes each stored file at its place (`to`), checked against its entry as it is written, in order; the manifest
 * path of the first whose stored bytes are not the entry's. Parent directories are made as needed.
 */
export async function placeFiles(files: readonly PlaceFile[]): Promise<Result<void, string>> {
  const made = new Set<string>();
  for (const f of files) {
    const parent = dirname(f.to);
    if (!made.has(parent)) {
      makeDirs(parent);
      made.add(parent);
    }
    if (!(await writeVerified(f))) return err(f.path);
  }
  return ok(undefined);
}

/**
 * Removes what placements of `files` that never ended left beside their places (a helper thread that died while
 * writing one): temp files of any thread and process, named `<place>.disbuild-…`.
 */
export function removePlacementLeftovers(files: readonly PlaceFile[]): void {
  for (const f of files) {
    const prefix = `${basename(f.to)}.disbuild-`;
    let names: string[];
    try {
      names = readdirSync(dirname(f.to));
    } catch {
      continue;
    }
    for (const name of names) if (name.startsWith(prefix)) rmSync(join(dirname(f.to), name), { force: true });
  }
}

/**
 * Writes the stored file beside `to`, checked against the entry (copyVerifiedFile), and renames it over `to` (a
 * directory in the way, a stale tree, goes first). False, with nothing left behind, when the stored file is not
 * the entry's.
 */
async function writeVerified(e: PlaceFile): Promise<boolean> {
  const temp = `${e.to}.${tempPrefix}-${temps++}`;
  try {
    if (!(await inWritableDirAsync(dirname(e.to), () => copyVerifiedFile(e.stored, temp, e)))) {
      rmSync(temp, { force: true });
      return false;
    }
    try {
      renameSync(temp, e.to);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EISDIR' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
      // A stale tree of the job's outputs alone (the caller checked what it holds).
      removeOutputTree(e.to);
      renameSync(temp, e.to);
    }
    return true;
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
