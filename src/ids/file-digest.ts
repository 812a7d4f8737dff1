import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import type { FileDigest, FileMode } from './brands.js';

/** What a key records of one input file. */
export type InputState = { mode: FileMode; digest: FileDigest } | { missing: true };

/** Git's blob ID of some bytes: SHA-1 of `blob <size>\0<bytes>`, exactly what `git hash-object` prints. */
export function blobId(bytes: Buffer | string): FileDigest {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return createHash('sha1').update(`blob ${b.length}\0`).update(b).digest('hex') as FileDigest;
}

const SMALL_FILE = 1024 * 1024;

/** Reads one file from disk and digests it as git would (symlinks digest their target text). */
export async function digestFromDisk(path: string): Promise<InputState> {
  // Synchronous metadata and small reads: per-call thread-pool round trips cost more than the work itself.
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (st === undefined) return { missing: true };
  if (st.isSymbolicLink()) return { mode: 'symlink', digest: blobId(readlinkSync(path)) };
  if (!st.isFile()) return { missing: true };
  const mode: FileMode = st.mode & 0o100 ? 'executable' : 'regular';
  if (st.size <= SMALL_FILE) {
    // One synchronous read beats a stream's open/read/close round trips by far for typical source files.
    const bytes = readFileSync(path);
    if (bytes.length === st.size) return { mode, digest: blobId(bytes) };
    return digestFromDisk(path);
  }
  const hash = createHash('sha1').update(`blob ${st.size}\0`);
  let read = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    read += (chunk as Buffer).length;
  }
  // A file that changed size while being read would give a digest of neither version: treat it as unreadable.
  if (read !== st.size) return digestFromDisk(path);
  return { mode, digest: hash.digest('hex') as FileDigest };
}

/** Digests many files from disk with bounded concurrency (the fallback outside git, and changed files inside). */
export async function streamDigests(
  sourceDir: string,
  paths: readonly string[],
): Promise<Map<string, InputState>> {
  const out = new Map<string, InputState>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const p = paths[next++]!;
      out.set(p, await digestFromDisk(join(sourceDir, p)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, paths.length) }, worker));
  return out;
}

const GIT_MODES: Record<string, FileMode> = {
  '100644': 'regular',
  '100755': 'executable',
  '120000': 'symlink',
};

/** Where sourceDir sits in its git work tree, or undefined outside git. */
async function gitPrefix(sourceDir: string): Promise<string | undefined> {
  try {
    const out = await simpleGit(sourceDir).raw(['rev-parse', '--is-inside-work-tree', '--show-prefix']);
    const [inside, prefix] = out.split('\n');
    return inside === 'true' ? (prefix ?? '') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Picks the requested paths out of `git ls-files -s -z` / `git ls-tree -r -z` records, as path → {mode, blob}.
 * Scans with indexOf and builds entries only for wanted paths: a 100,000-file index is parsed in a few ms.
 */
function parseEntries(
  out: string,
  format: 'ls-files' | 'ls-tree',
  wanted: ReadonlySet<string>,
  prefix = '',
): Map<string, { mode: string; blob: string }> {
  const entries = new Map<string, { mode: string; blob: string }>();
  let start = 0;
  while (start < out.length) {
    let end = out.indexOf('\0', start);
    if (end < 0) end = out.length;
    const tab = out.indexOf('\t', start);
    if (tab > start && tab < end) {
      const path = out.slice(tab + 1 + prefix.length, end);
      if (wanted.has(path) && out.startsWith(prefix, tab + 1)) {
        // ls-files -s: "<mode> <blob> <stage>"; ls-tree: "<mode> <type> <blob>".
        const sp1 = out.indexOf(' ', start);
        const blob = format === 'ls-files' ? out.slice(sp1 + 1, sp1 + 41) : out.slice(tab - 40, tab);
        entries.set(path, { mode: out.slice(start, sp1), blob });
      }
    }
    start = end + 1;
  }
  return entries;
}

function fromEntry(e: { mode: string; blob: string } | undefined): InputState | undefined {
  const mode = e && GIT_MODES[e.mode];
  return mode ? { mode, digest: e.blob as FileDigest } : undefined;
}

/**
 * The git fast path: unchanged tracked files take their blob IDs from the index for free; only files that
 * `git diff-files` reports as changed, and untracked files, are read. Outside a work tree, every file is streamed.
 * Both paths give identical digests (git blob IDs), so keys do not depend on which one ran.
 */
export async function workingTreeDigests(
  sourceDir: string,
  paths: readonly string[],
): Promise<Map<string, InputState>> {
  const prefix = await gitPrefix(sourceDir);
  if (prefix === undefined) return streamDigests(sourceDir, paths);
  const git = simpleGit(sourceDir);
  // Run in sourceDir, both list paths relative to it (ls-files) or need the prefix stripped (diff-files).
  const [indexOut, changedOut] = await Promise.all([
    git.raw(['ls-files', '-s', '-z', '--', '.']),
    git.raw(['diff-files', '--name-only', '-z', '--', '.']),
  ]);
  const index = parseEntries(indexOut, 'ls-files', new Set(paths));
  const changed = new Set(
    changedOut
      .split('\0')
      .filter(Boolean)
      .map((p) => (p.startsWith(prefix) ? p.slice(prefix.length) : p)),
  );
  const out = new Map<string, InputState>();
  const toRead: string[] = [];
  for (const p of paths) {
    const known = changed.has(p) ? undefined : fromEntry(index.get(p));
    if (known) out.set(p, known);
    else toRead.push(p);
  }
  for (const [p, state] of await streamDigests(sourceDir, toRead)) out.set(p, state);
  return out;
}

/** Digests from a commit's tree (`git ls-tree -r`): the working tree is never read. */
export async function commitTreeDigests(
  sourceDir: string,
  commit: string,
  paths: readonly string[],
): Promise<Map<string, InputState>> {
  const prefix = (await gitPrefix(sourceDir)) ?? '';
  const tree = parseEntries(
    await simpleGit(sourceDir).raw(['ls-tree', '-r', '-z', '--full-tree', commit]),
    'ls-tree',
    new Set(paths),
    prefix,
  );
  const out = new Map<string, InputState>();
  for (const p of paths) out.set(p, fromEntry(tree.get(p)) ?? { missing: true });
  return out;
}
