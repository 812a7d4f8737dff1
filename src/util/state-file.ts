import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  type Stats,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isAlive } from './is-alive.js';
import { ownDirectory } from './own-directory.js';

/**
 * Replaces a file of state kept between runs with `text`, readable by this user alone in a directory of its own
 * (written aside as `<file>.<pid>.<ms>.tmp`, then renamed: a reader sees the old file or the new one, whole). In a
 * cache directory shared with another user, names are easy to guess and directories may be that user's: so nothing
 * is written in a directory that is a link or another user's, and the temp file is created, never opened (a link
 * planted at its name would have this run write through it into any file it may write, and rename the link into
 * place; anything at that name makes the write fail). The temp files that writers of this same file left when
 * killed before their rename are removed; a live process's is its write under way. Only those: the directory may
 * hold files of others (the cache directory's root holds the job timings). A failure is ignored: the state is only
 * a saving, and the next run does the work again. Answers which file it wrote; undefined when it wrote none.
 */
export function writeStateFile(file: string, text: string | Uint8Array): WrittenFile | undefined {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  let made = false;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    if (!ownDirectory(dirname(file))) return undefined;
    const fd = openSync(temp, 'wx', 0o600);
    made = true;
    let st: Stats;
    try {
      writeFileSync(fd, text);
      st = fstatSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    removeDeadWrites(file);
    return { dev: st.dev, ino: st.ino, size: st.size };
  } catch {
    // Not made: whatever is at that name is not this run's to remove.
    if (!made) return undefined;
    try {
      unlinkSync(temp);
    } catch {
      // Renamed, or gone already.
    }
    return undefined;
  }
}

/**
 * Which file writeStateFile wrote (as it stood before its rename, which may move its ctime): whether the file at the
 * name is still that one.
 */
export interface WrittenFile {
  dev: number;
  ino: number;
  size: number;
}

function removeDeadWrites(file: string): void {
  const dir = dirname(file);
  const own = `${basename(file)}.`;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(own)) continue;
    const pid = Number(/^(\d+)\.\d+\.tmp$/.exec(name.slice(own.length))?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Gone already, or not ours to remove: left.
    }
  }
}
