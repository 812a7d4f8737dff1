import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import type { FileDigest, FileMode } from './brands.js';
import type { DigestMap, InputState } from './input-state.js';
import { notALink, ownLink, resolveInput, type EntryKind, type TreeView } from './resolve-input.js';

/** Git's blob ID of some bytes: SHA-1 of `blob <size>\0<bytes>`, exactly what `git hash-object` prints. */
export function blobId(bytes: Buffer | string): FileDigest {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return createHash('sha1').update(`blob ${b.length}\0`).update(b).digest('hex') as FileDigest;
}

/** Files up to this size are read in one call; larger ones are streamed so memory stays bounded. */
const SMALL_FILE = 1024 * 1024;
/** Large files streamed at once: enough to keep a disk busy, few enough to bound memory (32 × 64 KB). */
const CONCURRENCY = 32;

/**
 * The stat data of what each state was read from (see `statStamp`), for the check before saving that an input did
 * not change during the run. Kept beside the states, not in them: states are compared across digest sources, and
 * the git index's states have none.
 */
const stamps = new WeakMap<InputState, StatStamp>();

/**
 * What identifies a file's current version without reading it: inode, size, mtime, ctime, mode (ctime cannot be
 * set by a program, and any write, chmod or replacement moves it); for a link, the link's own after the file's.
 * Numbers, not a string: formatting them cost more than the rest of keying a small file.
 */
export type StatStamp = readonly number[];

/** The stamp recorded when `state` was read from disk, or undefined when it came from git. */
export function stampOf(state: InputState): StatStamp | undefined {
  return stamps.get(state);
}

/** The stamp of `st`, appended to `link`'s when given. */
export function statStamp(st: Stats, link?: Stats): StatStamp {
  const s = [st.ino, st.size, st.mtimeMs, st.ctimeMs, st.mode];
  if (link) s.push(link.ino, link.size, link.mtimeMs, link.ctimeMs, link.mode);
  return s;
}

/** Whether two stamps are equal. */
export function sameStamp(a: StatStamp, b: StatStamp): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * The disk under `root` as a TreeView for `resolveInput`. Directories and links are remembered (inputs come many to
 * a directory); files are not, but the stat data of the last file looked at is kept for the reader.
 */
export class DiskView implements TreeView {
  private readonly known = new Map<string, EntryKind>();
  private readonly realDirs = new Map<string, boolean>();
  private readonly linkBytes = new Map<string, Buffer>();
  /** The stat data of the last path `kind` found to be a file. */
  lastFile: Stats | undefined;

  constructor(readonly root: string) {}

  kind(path: string): EntryKind {
    const known = this.known.get(path);
    if (known !== undefined) return known;
    const st = lstatSync(this.root + '/' + path, { throwIfNoEntry: false });
    if (st === undefined) return 'missing';
    if (st.isFile()) {
      this.lastFile = st;
      return 'file';
    }
    const k: EntryKind = st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'link' : 'other';
    this.known.set(path, k);
    return k;
  }

  /** Whether `dir` (relative, '' for the root) is a directory reached without following a link. */
  isRealDir(dir: string): boolean {
    if (dir === '') return true;
    let real = this.realDirs.get(dir);
    if (real === undefined) {
      const slash = dir.lastIndexOf('/');
      real = this.isRealDir(slash < 0 ? '' : dir.slice(0, slash)) && this.kind(dir) === 'dir';
      this.realDirs.set(dir, real);
    }
    return real;
  }

  linkText(path: string): string {
    return this.link(path).toString('utf8');
  }

  link(path: string): Buffer {
    let b = this.linkBytes.get(path);
    if (b === undefined) {
      b = readlinkSync(this.root + '/' + path, { encoding: 'buffer' });
      this.linkBytes.set(path, b);
    }
    return b;
  }
}

/**
 * Reads one input and digests what reading it yields: links are followed inside `root` (see resolve-input.ts), the
 * mode is the owner's execute bit of the file reached (git's `ce_mode_from_stat`), and an input that is itself a
 * link also records the blob ID of its link text. The digest is git's blob ID of the bytes on disk, as
 * `git hash-object --no-filters` prints it.
 */
export async function digestFromDisk(
  root: string,
  rel: string,
  view: DiskView = new DiskView(root),
): Promise<InputState> {
  try {
    return await readDigest(root, rel, view);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined) throw e;
    // Gone between the look and the read.
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    return { problem: unreadable(rel, e) };
  }
}

/**
 * The problem of an input the system refuses to look at or read (a directory on its way without search permission
 * for this user, a file without read permission, an I/O error): no key can say what it holds.
 */
export function unreadable(rel: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === undefined) throw e;
  return `input ${rel} cannot be read: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code}`;
}

async function readDigest(root: string, rel: string, view: DiskView): Promise<InputState> {
  // Synchronous metadata and small reads: per-call thread-pool round trips cost more than the work itself.
  // The usual input, a file in a directory reached without links, is one lstat; anything else takes the walk.
  const slash = rel.lastIndexOf('/');
  let st: Stats | undefined;
  let real = rel;
  let link: FileDigest | undefined;
  let linkStats: Stats | undefined;
  if (view.isRealDir(slash < 0 ? '' : rel.slice(0, slash)) && !rel.endsWith('/.') && !rel.endsWith('/..')) {
    st = lstatSync(root + '/' + rel, { throwIfNoEntry: false });
    if (st === undefined) return { missing: true };
  }
  if (st === undefined || !st.isFile()) {
    const r = resolveInput(view, rel);
    if (!r.ok) return r.missing ? { missing: true } : { problem: r.problem };
    if (r.directory) {
      // No stat data kept: the directory's own change as files come and go says nothing of where the link leads,
      // so the check before saving reads it again (a readlink and a walk).
      const own = ownLink(view, rel);
      if (own === undefined) return { problem: notALink(rel).problem };
      return { mode: 'directory', digest: blobId(r.real), link: blobId(view.link(own)) };
    }
    st = view.lastFile!;
    real = r.real;
    const own = r.linked ? ownLink(view, rel) : undefined;
    if (own !== undefined) {
      link = blobId(view.link(own));
      linkStats = lstatSync(root + '/' + own);
    }
  }
  const mode: FileMode = st.mode & 0o100 ? 'executable' : 'regular';
  const path = root + '/' + real;
  let digest: FileDigest;
  if (st.size <= SMALL_FILE) {
    const bytes = readFileSync(path);
    // A file rewritten between lstat and read: digest it again rather than mix two versions' size and bytes.
    if (bytes.length !== st.size) return digestFromDisk(root, rel, new DiskView(root));
    digest = blobId(bytes);
  } else {
    const hash = createHash('sha1').update(`blob ${st.size}\0`);
    let read = 0;
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      read += (chunk as Buffer).length;
    }
    if (read !== st.size) return digestFromDisk(root, rel, new DiskView(root));
    digest = hash.digest('hex') as FileDigest;
  }
  const state: InputState = link === undefined ? { mode, digest } : { mode, digest, link };
  stamps.set(state, statStamp(st, linkStats));
  return state;
}

/**
 * The fallback outside git (and the reader of changed and converted files inside it): digests every path from disk
 * with bounded concurrency. Gives exactly the blob IDs git gives unconverted files, so keys do not depend on which
 * path ran.
 */
export async function streamDigests(sourceDir: string, paths: readonly string[]): Promise<DigestMap> {
  const out: DigestMap = new Map();
  const view = new DiskView(sourceDir);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const p = paths[next++]!;
      out.set(p, await digestFromDisk(sourceDir, p, view));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, paths.length) }, worker));
  return out;
}
