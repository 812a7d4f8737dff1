import { constants } from 'node:fs';
import { access, lstat, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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
 * What stood at a target while a tree was renamed over it (renameReplacing): `.disbuild-old-`, the process id and 12
 * hex digits, a directory holding it under the target's own name, which a later run puts back if it must. A name
 * beside the target (as ASIDE) would have to be cut for a long one, and could not be mapped back.
 */
const OLD = /^\.disbuild-old-([0-9]+)-[0-9a-f]{12}$/;

/**
 * Trees a run killed part way left beside their targets: only ever half-written or unplaced, never a target.
 * Those of a run still going (two runs into one --out-dir) are its own to place. A target that a killed run had
 * moved aside but not yet replaced is put back: the out dir then holds its old tree, not none. Called before this
 * run puts any tree there.
 */
export async function removeCopiesLeftBehind(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => []);
  // This run has made none yet when this is called: one named with its own pid was left by a killed run that had
  // the same pid (in a container, the run is process 1 every time).
  const dead = (pid: number | undefined): boolean =>
    pid === undefined || pid === process.pid || !isAlive(pid);
  await Promise.all(
    names.map(async (n) => {
      const held = OLD.exec(n);
      const m = held ?? ASIDE.exec(n);
      if (m === null || !dead(m[1] === undefined ? undefined : Number(m[1]))) return;
      if (held !== null) await putBack(join(outDir, n), outDir);
      await removeTree(join(outDir, n)).catch(() => undefined);
    }),
  );
}

/** Renames what `holder` holds back to its place in `outDir`, unless something stands there by now. */
async function putBack(holder: string, outDir: string): Promise<void> {
  for (const name of await readdir(holder).catch(() => [])) {
    const place = join(outDir, name);
    const free = await lstat(place).then(
      () => false,
      () => true,
    );
    if (free) await rename(join(holder, name), place).catch(() => undefined);
  }
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
 * Renames `from` onto `to`, replacing what the rename finds there. That is renamed aside first (see OLD), `from`
 * renamed into place, then the old tree removed: a kill part way leaves the old target, or the new one, or (between
 * the two renames) neither but the old one aside, which the next run puts back. Removing it in place first would
 * leave a part of it at the target. Another run may place the same target meanwhile (two runs into one out dir):
 * its tree is moved aside the same way, and the rename tried again, so that the last to place wins, with a whole
 * tree.
 *
 * What another user owns is never moved aside: this user could not remove it, and it would be left behind. It is
 * removed in place instead, which fails, and the error says why. So is anything that cannot be moved aside.
 */
export async function renameReplacing(from: string, to: string): Promise<void> {
  const held: string[] = [];
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await rename(from, to);
        return;
      } catch (e) {
        if (!IN_THE_WAY.has((e as NodeJS.ErrnoException).code ?? '') || attempt === MAX_ATTEMPTS) {
          await putBackLast(held, to);
          throw e;
        }
      }
      const holder = await movedAside(to);
      if (holder !== undefined) {
        held.push(holder);
        continue;
      }
      try {
        await rm(to, { recursive: true, force: true });
      } catch (e) {
        // Another run removing the same tree at once: a directory it has not emptied yet.
        if ((e as NodeJS.ErrnoException).code !== 'ENOTEMPTY' || attempt === MAX_ATTEMPTS) throw e;
      }
    }
  } finally {
    // Placed or not, what was moved aside is not needed: a tree this user may not remove in part stays there, and
    // later runs try again.
    await Promise.all(held.map((h) => removeTree(h).catch(() => undefined)));
  }
}

/**
 * Moves `to` into a new directory named by OLD beside it, under its own name; the holder, or undefined when it
 * cannot (another user's, a directory this user may not write to) or `to` has gone meanwhile.
 */
async function movedAside(to: string): Promise<string | undefined> {
  const st = await lstat(to).catch(() => undefined);
  const uid = process.getuid?.();
  if (st === undefined || (uid !== undefined && uid !== 0 && st.uid !== uid)) return undefined;
  const holder = join(dirname(to), `.disbuild-old-${process.pid}-${randomHex(6)}`);
  try {
    await mkdir(holder);
  } catch {
    return undefined;
  }
  try {
    await rename(to, join(holder, basename(to)));
    return holder;
  } catch (e) {
    // Gone meanwhile (another run moved it aside): the rename finds the way free, or another run's tree; the
    // empty holder goes with the others.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return holder;
    await rmdir(holder).catch(() => undefined);
    return undefined;
  }
}

/** Before giving up: the last tree moved aside goes back to `to` if nothing has taken its place. */
async function putBackLast(held: string[], to: string): Promise<void> {
  const holder = held.pop();
  if (holder === undefined) return;
  await putBack(holder, dirname(to));
  held.push(holder);
}

/** Renames onto a place that others keep filling give up after this many. */
const MAX_ATTEMPTS = 16;
