import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ManifestEntry } from './cache.js';
import { pathUnderNonDirectory } from './manifest.js';

/**
 * A downloaded archive to become a local cache entry (see `adoptArchive`). The archive is the bytes of the
 * manifest's files one after the other (gzipped when `gzip`), as remote/archive.ts packs it.
 */
export interface AdoptRequest {
  archive: Uint8Array;
  /** The archive's whole ArrayBuffer may move to the thread that adopts it (see ArchiveToAdopt.owned). */
  owned?: true;
  encoding: 'identity' | 'gzip';
  entries: readonly ManifestEntry[];
  /** The new entry's directory, in the cache's tmp/ (must not exist). */
  temp: string;
  /** Where the entry is committed. */
  entry: string;
  /** The entry's meta.json. */
  meta: string;
  /** Logs too big for meta.json, already checked against the manifest: written beside it. */
  logs: { name: 'stdout' | 'stderr'; bytes: Uint8Array }[];
}

/**
 * `committed`: renamed into place; false when something was in the way (another process's save, or damage):
 * `temp` is then complete, and the caller decides.
 */
export type AdoptOutcome = { ok: true; committed: boolean } | { ok: false; mismatch: string };

/** Shard directories of entries (see adoptArchive) this thread made or found. */
const shards = new Set<string>();

/**
 * Turns a downloaded archive into a committed local cache entry in one synchronous stretch, on whichever thread
 * runs it (the restore helper thread, normally): every file is checked against the manifest before anything is
 * written; then the entry is built in `temp` with its files and directories already read-only (as the executor
 * would seal them: no walk afterwards), its meta.json written, and renamed into place — the single commit point,
 * so a crash at any moment leaves either nothing or a complete entry (the temp directory of a dead process is
 * removed by the next run). Answers a mismatch; throws on I/O trouble (a full disk), leaving `temp` for the
 * caller to remove.
 *
 * Writes nothing through a link: the manifest's paths are safe and unique (checked when its record was read),
 * links are made last, and no path is written twice ('wx').
 */
export function adoptArchive(r: AdoptRequest): AdoptOutcome {
  const clash = pathUnderNonDirectory(r.entries);
  if (clash !== undefined)
    return { ok: false, mismatch: `the file list puts ${JSON.stringify(clash)} under a file or link` };
  const files = r.entries.filter((e) => e.type === 'file');
  const total = files.reduce((s, e) => s + e.size, 0);
  let content = Buffer.from(r.archive.buffer, r.archive.byteOffset, r.archive.byteLength);
  if (r.encoding === 'gzip') {
    try {
      // Never more than the manifest promises: a small archive cannot expand into a huge one.
      content = gunzipSync(content, { maxOutputLength: Math.max(1, total) });
    } catch (e) {
      return { ok: false, mismatch: `bad archive: ${(e as Error).message}` };
    }
  }
  if (content.length !== total) {
    return { ok: false, mismatch: `the archive holds ${content.length} bytes, the manifest ${total}` };
  }
  const parts: Buffer[] = [];
  let at = 0;
  for (const e of files) {
    const bytes = content.subarray(at, at + e.size);
    at += e.size;
    if (createHash('sha256').update(bytes).digest('hex') !== e.sha256) {
      return { ok: false, mismatch: `${JSON.stringify(e.path)} does not match the manifest` };
    }
    parts.push(bytes);
  }

  const out = join(r.temp, 'out');
  mkdirSync(r.temp);
  mkdirSync(out);
  // Every directory of the tree, to be sealed once its contents are written.
  const dirs = [out];
  const made = new Set(dirs);
  const makeDir = (dir: string): void => {
    if (made.has(dir)) return;
    makeDir(dirname(dir));
    mkdirSync(dir);
    made.add(dir);
    dirs.push(dir);
  };
  let file = 0;
  for (const e of r.entries) {
    const path = join(out, e.path);
    if (e.type === 'dir') makeDir(path);
    else if (e.type === 'file') {
      makeDir(dirname(path));
      // Read-only from the start: the mode the executor's seal would give it (umask only takes bits away).
      writeFileSync(path, parts[file++]!, { flag: 'wx', mode: (e.mode & 0o100 ? 0o755 : 0o644) & ~0o222 });
    }
  }
  for (const e of r.entries) {
    if (e.type !== 'symlink') continue;
    const path = join(out, e.path);
    makeDir(dirname(path));
    symlinkSync(e.target!, path);
  }
  // Deepest first: a directory is sealed after everything inside it was made.
  for (let i = dirs.length - 1; i >= 0; i--) chmodSync(dirs[i]!, 0o555);
  for (const log of r.logs) writeFileSync(join(r.temp, log.name), log.bytes);
  // Its mode spelled out, as a local save does (a umask of 000 would leave it writable by anyone, and refused).
  writeFileSync(join(r.temp, 'meta.json'), r.meta, { mode: 0o644 });
  // The entry's shard directory is made (or found) once per thread before its first rename, not after a rename
  // failed: a failed call costs an exception, and a new cache has 256 shards to make.
  const shard = dirname(r.entry);
  if (!shards.has(shard)) {
    mkdirSync(shard, { recursive: true });
    shards.add(shard);
  }
  try {
    renameSync(r.temp, r.entry);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return { ok: true, committed: false };
    if (code !== 'ENOENT') throw e;
    // The shard was removed meanwhile (the cache pruned or wiped while this runs).
    mkdirSync(shard, { recursive: true });
    renameSync(r.temp, r.entry);
  }
  return { ok: true, committed: true };
}
