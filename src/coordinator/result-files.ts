import { chmod, copyFile, constants, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import type { ManifestEntry } from '../cache/cache.js';
import {
  describeTree,
  linkLeavingTree,
  pathUnderNonDirectory,
  symlinkEscapes,
  verifyTree,
} from '../cache/manifest.js';

/**
 * How a finished job's result travels through the coordinator. The protocol moves flat, labelled files, so
 * the output tree is flattened into one label per file (`out~<URI-encoded path>`), and everything else —
 * logs, duration, and the manifest of the tree (every file's hash and mode, directories, symlinks) — goes into
 * one `result.json`. The receiver trusts none of it: it rebuilds the tree and checks it against the manifest
 * exactly as a cache restore is checked, and refuses paths and links that leave the output directory.
 */
const OUT_PREFIX = 'out~';
const RESULT = 'result.json';

interface ResultMeta {
  durationMs: number;
  stdout: string;
  stderr: string;
  entries: ManifestEntry[];
}

const labelOf = (path: string): string => OUT_PREFIX + encodeURIComponent(path);

/**
 * Writes `result.json` into `scratchDir` and answers the labelled files to finish with. Throws when the tree
 * cannot be published (a link out of it, a device or socket): the same trees the cache refuses to save.
 */
export async function resultFiles(
  outputDir: string,
  scratchDir: string,
  result: { stdout: Buffer; stderr: Buffer; durationMs: number },
): Promise<Record<string, string>> {
  const tree = await describeTree(outputDir);
  if (!tree.ok) throw new Error(tree.error);
  const files: Record<string, string> = {};
  for (const e of tree.value) if (e.type === 'file') files[labelOf(e.path)] = join(outputDir, e.path);
  const meta: ResultMeta = {
    durationMs: result.durationMs,
    stdout: result.stdout.toString('base64'),
    stderr: result.stderr.toString('base64'),
    entries: tree.value,
  };
  await mkdir(scratchDir, { recursive: true });
  files[RESULT] = join(scratchDir, RESULT);
  await writeFile(files[RESULT], JSON.stringify(meta));
  return files;
}

/**
 * Rebuilds an output tree from the files another holder finished with, checks it against its manifest, and
 * answers its logs. Throws on anything that does not verify; the caller then builds the job itself.
 */
export async function fromResultFiles(
  files: Record<string, string>,
  outputDir: string,
): Promise<{ stdout: Buffer; stderr: Buffer; durationMs: number }> {
  const resultPath = files[RESULT];
  if (resultPath === undefined) throw new Error(`the result has no ${RESULT}`);
  const meta = parseMeta(await readFile(resultPath, 'utf8'));
  const expected = new Set<string>([RESULT]);
  for (const e of meta.entries) if (e.type === 'file') expected.add(labelOf(e.path));
  for (const label of Object.keys(files))
    if (!expected.has(label))
      throw new Error(`the result has a file ${JSON.stringify(label)} it does not list`);
  await mkdir(outputDir, { recursive: true });
  for (const e of meta.entries)
    if (e.type === 'dir') await mkdir(join(outputDir, e.path), { recursive: true });
  for (const e of meta.entries) {
    if (e.type !== 'file') continue;
    const from = files[labelOf(e.path)];
    if (from === undefined) throw new Error(`the result lacks ${e.path}`);
    const dest = join(outputDir, e.path);
    await mkdir(dirname(dest), { recursive: true });
    // A copy, never a link: a dependent that writes into its inputs must not change the coordinator's store.
    await copyFile(from, dest, constants.COPYFILE_FICLONE | constants.COPYFILE_EXCL);
    await chmod(dest, e.mode === 0o755 ? 0o755 : 0o644);
  }
  // Links last, so that no file above is ever written through one.
  for (const e of meta.entries) if (e.type === 'symlink') await symlink(e.target!, join(outputDir, e.path));
  const verified = await verifyTree(outputDir, meta);
  if (!verified.ok) throw new Error(`the result does not match its manifest: ${verified.error}`);
  return {
    stdout: Buffer.from(meta.stdout, 'base64'),
    stderr: Buffer.from(meta.stderr, 'base64'),
    durationMs: meta.durationMs,
  };
}

/** result.json as the receiver accepts it: every path relative and inside, every link inside the tree. */
function parseMeta(text: string): ResultMeta {
  const bad = (why: string): never => {
    throw new Error(`${RESULT} is not valid: ${why}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return bad((e as Error).message);
  }
  const m = raw as Partial<ResultMeta>;
  if (typeof m !== 'object' || m === null) return bad('not an object');
  if (typeof m.durationMs !== 'number' || typeof m.stdout !== 'string' || typeof m.stderr !== 'string')
    bad('missing logs or duration');
  if (!Array.isArray(m.entries)) return bad('no manifest');
  for (const e of m.entries as unknown[]) {
    const x = e as Partial<ManifestEntry>;
    if (typeof x !== 'object' || x === null || typeof x.path !== 'string')
      return bad('an entry without a path');
    if (!isPlainRelative(x.path)) bad(`path ${JSON.stringify(x.path)} leaves the output directory`);
    if (x.type === 'symlink') {
      if (typeof x.target !== 'string' || symlinkEscapes(x.path, x.target))
        bad(`symlink ${JSON.stringify(x.path)} points outside the output directory`);
    } else if (x.type !== 'file' && x.type !== 'dir')
      bad(`entry ${JSON.stringify(x.path)} has no known type`);
  }
  // Before any link is created: one made through another link must not land outside the output directory.
  const under = pathUnderNonDirectory(m.entries as ManifestEntry[]);
  if (under !== undefined) bad(`entry ${JSON.stringify(under)} is under a file or link`);
  const leaving = linkLeavingTree(m.entries as ManifestEntry[]);
  if (leaving !== undefined) bad(`symlink ${JSON.stringify(leaving)} points outside through other links`);
  return m as ResultMeta;
}

function isPlainRelative(path: string): boolean {
  if (path === '' || path.includes('\0') || posix.isAbsolute(path)) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
