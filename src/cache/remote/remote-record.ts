import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { JobKey } from '../../ids/brands.js';
import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';
import type { Manifest, ManifestEntry } from '../cache.js';
import type { ArchiveInfo } from './archive.js';
import { linkLeavingTree, pathUnderNonDirectory, sha256 } from '../manifest.js';
import { checkManifest } from '../entry-meta.js';

/** Logs up to this size travel inside the record; longer ones are blobs named by their SHA-256. */
export const INLINE_LOG_LIMIT = 64 * 1024;

/** Records whose JSON line fits in this many bytes are read whole by a lookup's one ranged GET. */
export const RECORD_HEAD = 4096;

/** Archives up to this size may travel inside their record (one upload instead of two). */
export const INLINE_ARCHIVE_LIMIT = 1024 * 1024;

/**
 * What the server keeps under a key: the manifest (what restoring must produce), the archive that holds the
 * output tree (the manifest's files one after the other, stored as is or gzipped; see archive.ts), and the logs.
 * Everything in it is untrusted on read.
 *
 * On the server the record is one line of JSON. A small archive follows that line in the same object
 * (`archive.inline`): one upload per artifact, a lookup reads the line with a ranged GET of its first
 * `RECORD_HEAD` bytes and a restore the archive with a second range. Otherwise the archive is a blob of its
 * own, named by its SHA-256.
 */
export interface RemoteRecord {
  version: 3;
  key: JobKey;
  archive: ArchiveInfo & {
    /** The archive's bytes follow the record's line in the same object. */
    inline?: true;
    /** Where they start in it: set on read from where the line ends, never taken from the server's JSON. */
    at?: number;
  };
  manifest: Manifest;
  stdout?: string;
  stderr?: string;
}

/**
 * The record's name on the server: versioned, so a format change never reads old records (v1 named tar
 * archives, v2 never held their archive) and older clients never read these.
 */
export function recordId(key: JobKey): string {
  return createHash('sha256').update(`disbuild-remote-v3\0${key}`).digest('hex');
}

/** The record's line as stored: its JSON and a newline (the inline archive, if any, follows). */
export function recordLine(record: RemoteRecord): Buffer {
  const { at: _at, ...archive } = record.archive;
  return Buffer.from(`${JSON.stringify({ ...record, archive })}\n`);
}

/**
 * The record's line out of what a lookup fetched: the whole object, or (`partial`) only its first bytes.
 * Undefined when those bytes end before the line does (a record too long for the first range).
 */
export function splitRecord(bytes: Buffer, partial: boolean): { line: Buffer; end: number } | undefined {
  const nl = bytes.indexOf(0x0a);
  if (nl >= 0) return { line: bytes.subarray(0, nl), end: nl + 1 };
  return partial ? undefined : { line: bytes, end: bytes.length };
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Parses and checks a record fetched for `key` (its whole object, or a first part holding its whole line):
 * anything unexpected makes it unusable.
 */
export function parseRecord(bytes: Buffer, key: JobKey): Result<RemoteRecord, string> {
  // Whatever a server sends is refused as a bad record, never taken for the run's own failure.
  try {
    return checkRecord(bytes, key);
  } catch (e) {
    return err(`the record cannot be checked (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The longest text a link may have (Linux's PATH_MAX, less its NUL). */
const MAX_LINK_TEXT = 4095;

function checkRecord(bytes: Buffer, key: JobKey): Result<RemoteRecord, string> {
  const split = splitRecord(bytes, false)!;
  let r: RemoteRecord;
  try {
    r = JSON.parse(split.line.toString('utf8')) as RemoteRecord;
  } catch {
    return err('the record is not JSON');
  }
  if (typeof r !== 'object' || r === null || r.version !== 3) return err('the record has an unknown version');
  if (r.key !== key || r.manifest?.key !== key) return err('the record names another key');
  const a = r.archive as Partial<RemoteRecord['archive']> | undefined;
  if (
    !a ||
    typeof a.sha256 !== 'string' ||
    !HEX64.test(a.sha256) ||
    !isSize(a.size) ||
    (a.encoding !== 'identity' && a.encoding !== 'gzip')
  )
    return err('the record names no valid archive');
  if (a.inline !== undefined && (a.inline !== true || a.size === 0 || a.size > INLINE_ARCHIVE_LIMIT))
    return err('the record names no valid archive');
  delete a.at;
  if (a.inline) {
    // The archive is whatever follows the line: the server cannot place it anywhere else.
    if (split.end === bytes.length && split.line.length === bytes.length)
      return err('the record holds no archive');
    a.at = split.end;
  }
  // At least what the local cache requires when it reads the manifest back: a hit committed to it that this
  // would refuse would be called damaged by every later run.
  const checked = checkManifest(r.manifest, key);
  if (!checked.ok) return err(`the record has a malformed manifest: ${checked.error}`);
  const m = checked.value;
  if (!HEX64.test(m.stdoutSha256) || !HEX64.test(m.stderrSha256) || !isSize(m.durationMs))
    return err('the record has a malformed manifest');
  const seen = new Set<string>();
  for (const e of m.entries) {
    const problem = entryProblem(e);
    if (problem) return err(problem);
    if (seen.has(e.path)) return err(`the file list names ${JSON.stringify(e.path)} twice`);
    seen.add(e.path);
  }
  const under = pathUnderNonDirectory(m.entries);
  if (under !== undefined) return err(`the file list puts ${JSON.stringify(under)} under a file or link`);
  // Each link was checked alone above; followed through one another, links can still climb out of the tree.
  const leaving = linkLeavingTree(m.entries);
  if (leaving !== undefined)
    return err(`the file list has a link ${JSON.stringify(leaving)} that points outside the output`);
  for (const name of ['stdout', 'stderr'] as const) {
    if (r[name] !== undefined && typeof r[name] !== 'string') return err(`the record's ${name} is malformed`);
  }
  return ok(r);
}

const isSize = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** A manifest entry that could write outside the restore directory, or describe something odd, is refused. */
function entryProblem(e: ManifestEntry): string | undefined {
  const path = typeof e.path === 'string' ? e.path : '';
  const label = JSON.stringify(path);
  if (!isSafeRelative(path)) return `the file list names an unsafe path ${label}`;
  if (!isSize(e.size)) return `the file list gives ${label} a bad size`;
  switch (e.type) {
    case 'dir':
      // As the tree's own description gives a directory (describeTree): else every restore calls it damaged.
      return e.size === 0 && e.sha256 === ''
        ? undefined
        : `the file list gives the directory ${label} a size`;
    case 'file':
      if (e.mode !== 0o644 && e.mode !== 0o755) return `the file list gives ${label} a bad mode`;
      return HEX64.test(String(e.sha256)) ? undefined : `the file list gives ${label} a bad digest`;
    case 'symlink': {
      const target = typeof e.target === 'string' ? e.target : '';
      const resolved = posix.normalize(posix.join(posix.dirname(path), target));
      // No system makes a link of a longer text (ENAMETOOLONG): only a forged list holds one.
      if (Buffer.byteLength(target) > MAX_LINK_TEXT)
        return `the file list has a link ${label} longer than a link can be`;
      if (
        target === '' ||
        target.startsWith('/') ||
        target.includes('\0') ||
        resolved === '..' ||
        resolved.startsWith('../')
      )
        return `the file list has a link ${label} that points outside the output`;
      if (e.size !== target.length || e.sha256 !== sha256(target))
        return `the file list gives the link ${label} a size or digest not of its text`;
      return undefined;
    }
    default:
      return `the file list has an entry ${label} of unknown type`;
  }
}

/** Relative, '/'-separated, without empty, `.` or `..` parts, NULs or backslashes. */
export function isSafeRelative(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\0') || path.includes('\\')) return false;
  return path.split('/').every((p) => p !== '' && p !== '.' && p !== '..');
}
