import { constants } from 'node:fs';
import { access, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isAlive } from '../cache/dead-temps.js';
import { randomHex } from '../util/random-hex.js';
import { removeTree } from '../util/remove-tree.js';

/**
 * A tree beside its --out-dir target (see copyToOutDir), renamed over it once complete: `<name>.disbuild-`, the
 * process id and 12 hex digits. Builds before this one named them without the process id.
 */
const ASIDE = /\.disbuild-(?:([0-9]+)-)?[0-9a-f]{12}$/;

export function asideOf(dest: string): string {
  const suffix = `.disbuild-${process.pid}-${randomHex(6)}`;
  // A target's name may use up to NAME_MAX bytes itself (out-dir names are ASCII): the name beside it is cut to
  // fit, still ending in the suffix by which a later run recognises it.
  const cut = Math.max(0, Buffer.byteLength(basename(dest)) + suffix.length - NAME_MAX);
  return `${cut === 0 ? dest : dest.slice(0, dest.length - cut)}${suffix}`;
}

/** The longest file name Linux and macOS file systems take, in bytes. */
const NAME_MAX = 255;

/**
 * Trees a run killed part way left beside their targets: only ever half-written or unplaced, never a target.
 * Those of a run still going (two runs into one --out-dir) are its own to place. Called before this run puts
 * any tree there.
 */
export async function removeCopiesLeftBehind(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => []);
  await Promise.all(
    names
      .filter((n) => {
        const m = ASIDE.exec(n);
        if (m === null) return false;
        const pid = m[1] === undefined ? undefined : Number(m[1]);
        // This run has made none yet when this is called: one named with its own pid was left by a killed run
        // that had the same pid (in a container, the run is process 1 every time).
        return pid === undefined || pid === process.pid || !isAlive(pid);
      })
      .map((n) => removeTree(join(outDir, n)).catch(() => undefined)),
  );
}

/** Where the run's --out-dir targets are restored (see runGraph), and which of those trees are still unplaced. */
export interface OutDirAsides<T> {
  /** A new directory beside the target's place when `target` is one; undefined otherwise. */
  take(target: T): string | undefined;
  has(dir: string): boolean;
  placed(dir: string): void;
  removeLeft(): Promise<void>;
}

/**
 * Makes the out dir and removes what killed runs left there, before anything is restored beside the targets;
 * `dirNameOf` names a target's directory there (undefined: not a target). Undefined when it cannot be made or written to: the targets are then restored into the run's scratch space, and placing them
 * says what is wrong.
 */
export async function prepareOutDir<T>(
  outDir: string,
  dirNameOf: (target: T) => string | undefined,
): Promise<OutDirAsides<T> | undefined> {
  try {
    await mkdir(outDir, { recursive: true });
    // One this user may not write to (another's, a read-only file system) takes no tree beside a target: a hit
    // restored there would fail, and be built again for nothing.
    await access(outDir, constants.W_OK);
  } catch {
    return undefined;
  }
  await removeCopiesLeftBehind(outDir);
  const left = new Set<string>();
  return {
    take: (target) => {
      const name = dirNameOf(target);
      if (name === undefined) return undefined;
      const dir = asideOf(join(outDir, name));
      left.add(dir);
      return dir;
    },
    has: (dir) => left.has(dir),
    placed: (dir) => void left.delete(dir),
    removeLeft: async () => {
      await Promise.all([...left].map((dir) => removeTree(dir).catch(() => undefined)));
      left.clear();
    },
  };
}

/** Moves `from` onto `to` (replacing what is there); false when it cannot, another file system, say. */
export async function moved(from: string, to: string): Promise<boolean> {
  try {
    await renameReplacing(from, to);
    return true;
  } catch {
    return false;
  }
}

/** Codes of a rename onto something that stands in the way. */
const IN_THE_WAY = new Set(['ENOTEMPTY', 'EEXIST', 'ENOTDIR', 'EISDIR']);

/**
 * Renames `from` onto `to`, removing what stands there first when the rename finds something. Another run may place
 * the same target meanwhile (two runs into one out dir): its tree is removed the same way, and the rename tried
 * again, so that the last to place wins, with a whole tree. What this user may not remove stays, and the error says
 * why (what stands there is never moved aside: an aside this user could not remove either would be left behind).
 */
export async function renameReplacing(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      if (!IN_THE_WAY.has((e as NodeJS.ErrnoException).code ?? '') || attempt === MAX_ATTEMPTS) throw e;
    }
    try {
      await rm(to, { recursive: true, force: true });
    } catch (e) {
      // Another run removing the same tree at once: a directory it has not emptied yet.
      if ((e as NodeJS.ErrnoException).code !== 'ENOTEMPTY' || attempt === MAX_ATTEMPTS) throw e;
    }
  }
}

/** Renames onto a place that others keep filling give up after this many. */
const MAX_ATTEMPTS = 16;
