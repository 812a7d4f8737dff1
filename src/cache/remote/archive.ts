import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, constants as zlib } from 'node:zlib';
import { create as createTar, Parser, type ReadEntry } from 'tar';
import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';
import type { Manifest, ManifestEntry } from '../cache.js';
import { isSafeRelative } from './remote-record.js';

/**
 * Writes the tree at `dir` (exactly the manifest's entries, in its order) as a gzipped tar to `file`, streaming,
 * and answers the archive's SHA-256 and size. Portable and without times, so equal trees give equal archives.
 */
export async function packTree(
  dir: string,
  manifest: Manifest,
  file: string,
): Promise<{ sha256: string; size: number }> {
  const paths = ['.', ...manifest.entries.map((e) => e.path)];
  const tar = createTar(
    { cwd: dir, gzip: { level: zlib.Z_BEST_SPEED }, portable: true, noDirRecurse: true, mtime: new Date(0) },
    paths,
  );
  const digest = new Digest();
  await pipeline(tar as unknown as Readable, digest, createWriteStream(file));
  return { sha256: digest.hex(), size: digest.size };
}

/** Counts and hashes what flows through it. */
class Digest extends Transform {
  readonly #h = createHash('sha256');
  size = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.#h.update(chunk);
    this.size += chunk.length;
    this.push(chunk);
    cb();
  }
  hex(): string {
    return this.#h.digest('hex');
  }
}

/**
 * Extracts an archive stream into `dest` (an existing, empty, private directory), checking as it goes:
 * every member must be an entry of the (already checked) manifest with the same type, size and SHA-256; links
 * are created last, from the manifest, so no write ever goes through one; the archive's own size and SHA-256
 * must match the record. On failure `dest` holds partial files that the caller removes; nothing is written
 * elsewhere, whatever the archive holds.
 */
export async function unpackTree(
  body: Readable,
  dest: string,
  manifest: Manifest,
  archive: { sha256: string; size: number },
): Promise<Result<void, string>> {
  const want = new Map(manifest.entries.map((e) => [e.path, e]));
  const seen = new Set<string>();
  const writes: Promise<string | undefined>[] = [];
  let problem: string | undefined;
  // A member whose bytes stop coming (a truncated or corrupt body) would keep its write waiting forever.
  const stop = new AbortController();
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      const p = checkMember(entry, want, seen);
      if (typeof p === 'string') {
        problem ??= p;
        entry.resume();
        return;
      }
      if (p === undefined) {
        entry.resume();
        return;
      }
      writes.push(writeMember(entry, dest, p, stop.signal));
    },
  });
  parser.on('warn', (_code: string, message: string) => (problem ??= `bad archive: ${message}`));
  parser.on('error', (e: Error) => (problem ??= `bad archive: ${e.message}`));
  const digest = new Digest();
  try {
    await pipeline(body, digest, createGunzip(), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        if (problem) throw new Error(problem);
        if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
      }
      await new Promise<void>((r) => {
        parser.once('end', () => r());
        parser.end();
      });
    });
  } catch (e) {
    problem ??= `the download failed: ${(e as Error).message}`;
  }
  if (problem) stop.abort();
  for (const w of await Promise.all(writes)) problem ??= w;
  if (problem) return err(problem);
  if (digest.size !== archive.size || digest.hex() !== archive.sha256)
    return err(`the archive does not match its record (${digest.size} of ${archive.size} bytes)`);
  for (const e of manifest.entries) {
    if (e.type !== 'symlink' && !seen.has(e.path)) return err(`${e.path} is missing from the archive`);
  }
  for (const e of manifest.entries) {
    if (e.type !== 'symlink') continue;
    await mkdir(dirname(join(dest, e.path)), { recursive: true });
    await symlink(e.target!, join(dest, e.path));
  }
  return ok(undefined);
}

/**
 * The manifest entry a member stands for; undefined for members to skip (the root, links, which are made from
 * the manifest); a message for members that must not be there.
 */
function checkMember(
  entry: ReadEntry,
  want: ReadonlyMap<string, ManifestEntry>,
  seen: Set<string>,
): ManifestEntry | string | undefined {
  const path = entry.path.replace(/^\.\//, '').replace(/\/$/, '');
  if (path === '.' || path === '') return entry.type === 'Directory' ? undefined : 'bad archive root';
  const label = JSON.stringify(path);
  const e = want.get(path);
  if (!isSafeRelative(path) || !e) return `the archive holds ${label}, which the manifest does not list`;
  if (seen.has(path)) return `the archive holds ${label} twice`;
  seen.add(path);
  const type =
    entry.type === 'Directory'
      ? 'dir'
      : entry.type === 'SymbolicLink'
        ? 'symlink'
        : entry.type === 'File' || entry.type === 'OldFile' || entry.type === 'ContiguousFile'
          ? 'file'
          : 'other';
  if (type !== e.type) return `the archive holds ${label} as a ${entry.type}, not a ${e.type}`;
  if (type === 'symlink')
    return entry.linkpath === e.target ? undefined : `the link ${label} differs from the manifest`;
  if (type === 'file' && entry.size !== e.size) return `${label} has the wrong size`;
  return e;
}

async function writeMember(
  entry: ReadEntry,
  dest: string,
  e: ManifestEntry,
  signal: AbortSignal,
): Promise<string | undefined> {
  const path = join(dest, e.path);
  let ws: WriteStream | undefined;
  const write = async (): Promise<string | undefined> => {
    if (e.type === 'dir') {
      entry.resume();
      await mkdir(path, { recursive: true });
      return undefined;
    }
    await mkdir(dirname(path), { recursive: true });
    const h = createHash('sha256');
    // 'wx': a member never replaces anything, so nothing can be written through a path already there.
    ws = createWriteStream(path, { flags: 'wx', mode: e.mode });
    await once(ws, 'open');
    // One consumer: the bytes hashed are exactly the bytes written.
    for await (const chunk of entry as AsyncIterable<Buffer>) {
      h.update(chunk);
      if (!ws.write(chunk)) await once(ws, 'drain');
    }
    ws.end();
    await once(ws, 'close');
    return h.digest('hex') === e.sha256 ? undefined : `${JSON.stringify(e.path)} does not match the manifest`;
  };
  const aborted = new Promise<string>((r) => {
    if (signal.aborted) r('aborted');
    signal.addEventListener('abort', () => r('aborted'), { once: true });
  });
  try {
    return await Promise.race([write(), aborted]);
  } catch (x) {
    entry.resume();
    return `could not write ${JSON.stringify(e.path)}: ${(x as Error).message}`;
  } finally {
    if (signal.aborted) ws?.destroy();
  }
}
