import { randomBytes } from 'node:crypto';
import { constants, createWriteStream, realpathSync } from 'node:fs';
import { type FileHandle, link, lstat, mkdir, open, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** A published path the store will not take; the message is for the publisher. */
export class RefusedFile extends Error {}

/**
 * Where finished results live: `<dir>/<importPath>/<label>`. A result is written into a temp directory and
 * renamed into place, so a reader never sees half of one; the producer may delete its own files as soon as
 * finish is answered.
 *
 * What may be published: plain files (never a symlink, a device or a directory) at absolute paths inside the
 * publish roots, the directories where this cache directory's jobs write outputs and temp files. A file is
 * hard-linked only when nothing else links to it (no second name for a file like /etc/passwd that a job
 * hard-linked into its output), and only when the link lands on the very file that was checked; otherwise it
 * is copied from the opened file.
 */
export class ResultStore {
  readonly #publishRoots: readonly string[];
  #roots: string[] | undefined;

  constructor(
    readonly dir: string,
    publishRoots: readonly string[],
  ) {
    this.#publishRoots = publishRoots;
  }

  /** Resolved on the first publication, in place: a server that publishes nothing starts no thread-pool call. */
  #resolvedRoots(): string[] {
    return (this.#roots ??= this.#publishRoots.map((r) => {
      try {
        // The native call, as `take` resolves published paths: the same case on case-insensitive disks.
        return realpathSync.native(r);
      } catch {
        return normalize(r);
      }
    }));
  }

  async put(importPath: string, files: Record<string, string>): Promise<Record<string, string>> {
    if (Object.keys(files).length === 0) return {};
    const roots = this.#resolvedRoots();
    const final = join(this.dir, importPath);
    const temp = join(this.dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    await mkdir(temp, { recursive: true });
    try {
      for (const [label, path] of Object.entries(files)) await take(label, path, roots, join(temp, label));
      try {
        await rename(temp, final);
      } catch (e) {
        // Already stored (a repeated finish): keep the first copy.
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw e;
      }
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
    return Object.fromEntries(Object.keys(files).map((label) => [label, join(final, label)]));
  }
}

async function take(label: string, path: string, roots: readonly string[], dest: string): Promise<void> {
  const refuse = (why: string): never => {
    throw new RefusedFile(`extra ${JSON.stringify(label)}: ${JSON.stringify(path)} ${why}`);
  };
  if (!isAbsolute(path)) refuse('is not an absolute path');
  const name = basename(normalize(path));
  if (name === '' || name === '.' || name === '..') refuse('is not a file path');
  // The directory's real path: a symlinked directory on the way must not lead out of the roots.
  const parent = await realpath(dirname(normalize(path))).catch(() => refuse('does not exist'));
  const real = join(parent, name);
  if (!roots.some((r) => real.startsWith(r.endsWith(sep) ? r : r + sep)))
    refuse(`is outside the directories results may be published from (${roots.join(', ')})`);
  let fh: FileHandle;
  try {
    fh = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return refuse(code === 'ELOOP' ? 'is a symlink' : `cannot be opened (${code ?? String(e)})`);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) refuse('is not a plain file');
    if (st.nlink === 1) {
      const linked = await link(real, dest).then(
        () => lstat(dest),
        () => undefined,
      );
      if (linked && linked.ino === st.ino && linked.dev === st.dev) return;
      await rm(dest, { force: true });
    }
    await pipeline(
      fh.createReadStream({ start: 0, autoClose: false }),
      createWriteStream(dest, { mode: st.mode & 0o777, flags: 'wx' }),
    );
  } finally {
    await fh.close();
  }
}
