import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import type { FileDigest, FileMode } from './brands.js';
import type { DigestMap, InputState } from './input-state.js';
import { ownLink, resolveInput, type EntryKind, type TreeView } from './resolve-input.js';

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
const stamps = new WeakMap<InputState, string>();

/** The stamp recorded when `state` was read from disk, or undefined when it came from git. */
export function stampOf(state: InputState): string | undefined {
  return stamps.get(state);
}

/**
 * What identifies a file's current version without reading it: inode, size, mtime, ctime, mode. ctime cannot be
 * set by a program, and any write, chmod or replacement moves it.
 */
export function statStamp(st: Stats): string {
  return `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.mode}`;
}

/**
 * The disk under `root` as a TreeView for `resolveInput`. Directories and links are remembered (inputs come many to
 * a directory); files are not, but the stat data of the last file looked at is kept for the reader.
 */
export class DiskView implements TreeView {
  private readonly known = new Map<string, EntryKind>();
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
  // Synchronous metadata and small reads: per-call thread-pool round trips cost more than the work itself.
  const r = resolveInput(view, rel);
  if (!r.ok) return r.missing ? { missing: true } : { problem: r.problem };
  const st = view.lastFile!;
  let link: FileDigest | undefined;
  let linkStamp = '';
  if (r.linked) {
    const own = ownLink(view, rel);
    if (own !== undefined) {
      link = blobId(view.link(own));
      linkStamp = '|' + statStamp(lstatSync(root + '/' + own));
    }
  }
  const mode: FileMode = st.mode & 0o100 ? 'executable' : 'regular';
  const path = root + '/' + r.real;
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
  stamps.set(state, statStamp(st) + linkStamp);
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
