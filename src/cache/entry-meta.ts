import type { JobKey } from '../ids/brands.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import type { Manifest, ManifestEntry } from './cache.js';

/** The per-entry file that lookups read; the manifest lives in it, so a save writes one file besides the tree. */
export interface EntryMeta {
  durationMs: number;
  stdout?: string;
  stderr?: string;
  /** Absent in entries written before the manifest moved in here: those have a `manifest.json`. */
  manifest?: Manifest;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads `meta.json` of the entry for `key`, checking every field it relies on: a damaged file (empty, cut
 * short, edited, or another key's) is answered as a problem, never as a hit with wrong or ill-typed values.
 */
export function parseEntryMeta(text: string, key: JobKey): Result<EntryMeta, string> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return err(`meta.json is not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(v)) return err('meta.json is not an object');
  const { durationMs, stdout, stderr, manifest } = v;
  if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0) {
    return err(`meta.json has no valid durationMs (got ${JSON.stringify(durationMs)})`);
  }
  for (const [name, log] of [
    ['stdout', stdout],
    ['stderr', stderr],
  ] as const) {
    if (log !== undefined && typeof log !== 'string') return err(`meta.json has an ill-typed ${name}`);
  }
  const meta: EntryMeta = { durationMs };
  if (typeof stdout === 'string') meta.stdout = stdout;
  if (typeof stderr === 'string') meta.stderr = stderr;
  if (manifest !== undefined) {
    // Its entries are checked when a restore needs them: a lookup stays one small parse per key.
    const checked = checkManifest(manifest, key, { entries: false });
    if (!checked.ok) return checked;
    meta.manifest = checked.value;
  }
  return ok(meta);
}

/**
 * A manifest as read from disk, checked to be for `key` and (unless `entries` is false) to list only safe,
 * well-typed entries.
 */
export function checkManifest(
  v: unknown,
  key: JobKey,
  opts: { entries: boolean } = { entries: true },
): Result<Manifest, string> {
  if (!isObject(v) || v.version !== 1) return err('the manifest is not a version 1 manifest');
  if (v.key !== key) return err(`the manifest names another key (${JSON.stringify(v.key)})`);
  if (typeof v.stdoutSha256 !== 'string' || typeof v.stderrSha256 !== 'string') {
    return err('the manifest has no log digests');
  }
  if (!Array.isArray(v.entries)) return err('the manifest has no entry list');
  if (!opts.entries) return ok(v as unknown as Manifest);
  for (const e of v.entries as unknown[]) {
    if (!isEntry(e)) return err(`the manifest lists an invalid entry ${entryLabel(e)}`);
  }
  return ok(v as unknown as Manifest);
}

/**
 * What names an entry in a message: its path when it has one, cut. Not the entry whole: a forged one can be nested
 * deeper than JSON.stringify's stack goes, or be megabytes long.
 */
function entryLabel(e: unknown): string {
  if (!isObject(e)) return e === null ? 'null' : Array.isArray(e) ? 'a list' : `a ${typeof e}`;
  if (typeof e.path !== 'string') return 'with no path';
  return e.path.length > 200 ? `${JSON.stringify(e.path.slice(0, 200))}...` : JSON.stringify(e.path);
}

function isEntry(e: unknown): e is ManifestEntry {
  if (!isObject(e) || typeof e.path !== 'string' || !isSafeRelativePath(e.path)) return false;
  if (typeof e.size !== 'number' || typeof e.sha256 !== 'string' || typeof e.mode !== 'number') return false;
  if (e.type === 'symlink') return typeof e.target === 'string';
  return e.type === 'file' || e.type === 'dir';
}

/** `a/b/c`: no empty, `.` or `..` component, not absolute. */
export function isSafeRelativePath(p: string): boolean {
  return p !== '' && p.split('/').every((c) => c !== '' && c !== '.' && c !== '..' && !c.includes('\0'));
}
