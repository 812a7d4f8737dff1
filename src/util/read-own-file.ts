import { type Stats, closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/**
 * The text of `file` when it is a regular file that `accept` takes (by its stat data), else undefined; throws as
 * `open` does (ENOENT). Opened without blocking: a FIFO put in its place must not hang the run (it is then not a
 * regular file, and not read), nor a device be read without end.
 */
export function readRegularFile(
  file: string,
  accept: (st: Stats) => boolean = () => true,
): string | undefined {
  return readRegularBytes(file, accept)?.toString('utf8');
}

/**
 * A descriptor of `file`, opened for reading, when it is a regular file and not a link at its name; throws
 * otherwise (ELOOP for a link). For files that must be what a manifest says (a cache entry's): a FIFO or a device
 * put in one's place is damage, and opening it must neither hang the run nor read without end.
 */
export function openRegularFile(file: string): number {
  return openRegular(file).fd;
}

/** As openRegularFile, with the file's stat data (taken through the descriptor). */
export function openRegular(file: string): { fd: number; stat: Stats } {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  let stat: Stats | undefined;
  try {
    stat = fstatSync(fd);
  } finally {
    if (!stat?.isFile()) closeSync(fd);
  }
  if (!stat.isFile()) throw new Error(`${file} is not a regular file`);
  return { fd, stat };
}

/** As readRegularFile, the bytes; `flags` are added to the open's. */
function readRegularBytes(file: string, accept: (st: Stats) => boolean, flags = 0): Buffer | undefined {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | flags);
  try {
    const st = fstatSync(fd);
    return st.isFile() && accept(st) ? readFileSync(fd) : undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of `file` when it is a regular file of this user that no one else may write, else undefined; throws as
 * `open` does (ENOENT, and ELOOP for a link). For state whose content vouches for something (outputs in place, a
 * compiled or validated graph, keys): whoever can write it can make a run trust anything, so a file another user
 * wrote or may write (a shared cache directory, a run under another account) is not read. Nor is a link at its name:
 * state files are never links, and one put there by another user would have the run read whatever it points to.
 */
export function readOwnFile(file: string): string | undefined {
  return readOwnBytes(file)?.toString('utf8');
}

/** As readOwnFile, the bytes: for a caller that checks a digest before it decodes anything. */
export function readOwnBytes(file: string): Buffer | undefined {
  const uid = process.getuid?.();
  return readRegularBytes(
    file,
    (st) => (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0,
    constants.O_NOFOLLOW,
  );
}

/** As readOwnBytes, but undefined as well for a file that cannot be opened (missing, a link, unreadable). */
export function readOwnBytesIfAny(file: string): Buffer | undefined {
  try {
    return readOwnBytes(file);
  } catch {
    return undefined;
  }
}

/** As readOwnFile, but undefined as well for a file that cannot be opened (missing, a link, unreadable). */
export function readOwnFileIfAny(file: string): string | undefined {
  return readOwnBytesIfAny(file)?.toString('utf8');
}
