import {
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { lstatIfAny } from '../util/stat-if-any.js';

/**
 * Who may be trusted with the coordinator's secrets: only files and sockets this user owns, in directories
 * nobody else can write. A directory another user can write lets that user swap a socket or a record under
 * us; a socket another user owns is that user's server, and our bearer token must never reach it.
 *
 * Synchronous: a handful of calls, made when a run first needs the coordinator. Through the thread pool each
 * waited behind the run's other work there (about 10 ms of the 17 ms a run took to open its coordinator).
 */

/** The effective uid files must belong to; undefined where the platform has none (then nothing is checked). */
const myUid = (): number | undefined => process.geteuid?.();

/**
 * Creates `dir` owner-only, or checks that an existing one is ours and tightens its mode. Answers a problem
 * when it is a symlink or belongs to somebody else.
 */
export function ensurePrivateDir(dir: string): string | undefined {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  if (!st.isDirectory()) return `${dir} is not a directory`;
  const uid = myUid();
  if (uid !== undefined && st.uid !== uid)
    return `${dir} belongs to uid ${st.uid}, not to this user (${uid})`;
  if ((st.mode & 0o077) !== 0) chmodSync(dir, 0o700);
  return undefined;
}

/**
 * A socket may receive our token only when it is ours and sits in a directory that is ours and that nobody
 * else can write (so it cannot be replaced between this check and the connection).
 */
export function socketProblem(socketPath: string): string | undefined {
  const uid = myUid();
  const dir = dirname(socketPath);
  const d = lstatIfAny(dir);
  if (!d) return `${dir} does not exist`;
  if (!d.isDirectory()) return `${dir} is not a directory`;
  if (uid !== undefined && d.uid !== uid) return `${dir} belongs to uid ${d.uid}, not to this user`;
  if ((d.mode & 0o022) !== 0) return `${dir} can be written by other users`;
  const s = lstatIfAny(socketPath);
  if (!s) return `${socketPath} does not exist`;
  if (!s.isSocket()) return `${socketPath} is not a socket`;
  if (uid !== undefined && s.uid !== uid) return `${socketPath} belongs to uid ${s.uid}, not to this user`;
  return undefined;
}

/**
 * Reads a small owner-only file without following a symlink at its name; undefined when it is missing, not
 * ours, or readable by others (a record that others could have written is no record of ours).
 */
export function readPrivateFile(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    const uid = myUid();
    if (!st.isFile() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o077) !== 0) return undefined;
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}
