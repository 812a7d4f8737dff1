import { closeSync, readFileSync } from 'node:fs';
import { constants, copyFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobKey } from '../ids/brands.js';
import type { Result } from '../util/result.js';
import { openRegularFile } from '../util/read-own-file.js';
import { err } from '../util/result.js';
import type { ArtifactToSave, Manifest } from './cache.js';
import type { EntryMeta } from './entry-meta.js';
import { checkManifest } from './entry-meta.js';
import { fileSha256, sha256 } from './manifest.js';
import { restoreListedTree } from './tree-copy.js';

/** Logs up to this size live inline in `meta.json`, so a lookup hit costs one small read, logs included. */
const INLINE_LOG_LIMIT = 16 * 1024;

/** The `meta.json` of a new entry, without its manifest; logs too large (or spilled) are left to `writeLog`. */
export function entryMeta(a: ArtifactToSave): EntryMeta {
  const meta: EntryMeta = { durationMs: a.durationMs };
  if (a.stdoutFile === undefined && a.stdout.length <= INLINE_LOG_LIMIT) {
    meta.stdout = a.stdout.toString('base64');
  }
  if (a.stderrFile === undefined && a.stderr.length <= INLINE_LOG_LIMIT) {
    meta.stderr = a.stderr.toString('base64');
  }
  return meta;
}

/** Writes a log into an entry, from memory or (a spilled log) from its file; answers its SHA-256. */
export async function writeLog(dest: string, bytes: Buffer, file: string | undefined): Promise<string> {
  if (file === undefined) {
    await writeFile(dest, bytes);
    return sha256(bytes);
  }
  await copyFile(file, dest, constants.COPYFILE_FICLONE);
  return fileSha256(dest, (await stat(dest)).size);
}

/**
 * Restores the artifact of the entry at `entry` to `temp` (only what its manifest lists, each file verified
 * from the bytes that are written) and checks the logs against the manifest. Answers the first mismatch; throws on I/O trouble (a full disk).
 */
export async function copyVerified(
  entry: string,
  key: JobKey,
  meta: EntryMeta,
  temp: string,
  restoreTree: typeof restoreListedTree = restoreListedTree,
): Promise<Result<void, string>> {
  const manifest = meta.manifest ?? (await legacyManifest(entry, key));
  const safe = checkManifest(manifest, key);
  if (!safe.ok) return safe;
  const verified = await restoreTree(join(entry, 'out'), temp, manifest.entries);
  if (!verified.ok) return verified;
  const digest = async (name: 'stdout' | 'stderr'): Promise<string> => {
    const inline = meta[name];
    if (inline !== undefined) return sha256(Buffer.from(inline, 'base64'));
    const path = join(entry, name);
    return fileSha256(path, (await stat(path)).size);
  };
  if (
    (await digest('stdout')) !== manifest.stdoutSha256 ||
    (await digest('stderr')) !== manifest.stderrSha256
  ) {
    return err('logs do not match the manifest');
  }
  return verified;
}

/** Entries written before the manifest moved into `meta.json` keep it in a file of its own. */
async function legacyManifest(entry: string, key: JobKey): Promise<Manifest> {
  // As every file of an entry: never waiting on a FIFO put in its place.
  const fd = openRegularFile(join(entry, 'manifest.json'));
  let text: string;
  try {
    text = readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
  const manifest = checkManifest(JSON.parse(text), key);
  if (!manifest.ok) throw new Error(manifest.error);
  return manifest.value;
}
