/**
 * In-place outputs (a job's `Outputs`): files the commands write inside the source directory (`dist/**`).
 *
 * Deals with: finding the files the globs match, capturing them into the job's output directory (so the
 * artifact holds them), putting them back from an artifact — verified, replacing stale files, leaving
 * unchanged ones alone — and clearing stale ones before a job runs.
 * Does not deal with: when any of this happens (execution.ts decides) or caching (the artifact is the job's
 * output directory, saved and restored as a whole).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  constants,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { ManifestEntry } from '../cache/cache.js';

/** Where in a job's output directory its in-place outputs are kept, by their path in the source directory. */
export const IN_PLACE_DIR = '.in-place';

/** A job's output globs, compiled (by output-globs.ts, loaded only for a graph that has any). */
export interface OutputGlobs {
  /** Directories to walk: the fixed leading part of each positive glob. */
  bases: readonly string[];
  matches: (path: string) => boolean;
}

/** The files and symlinks under `root` that the globs match, relative, sorted; never inside `.git`. */
export function listOutputs(root: string, globs: OutputGlobs): string[] {
  const found = new Set<string>();
  const walk = (rel: string): void => {
    let st;
    try {
      st = lstatSync(join(root, rel));
    } catch {
      return;
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(join(root, rel));
      } catch {
        return;
      }
      for (const n of names) if (n !== '.git') walk(rel === '' ? n : `${rel}/${n}`);
    } else if ((st.isFile() || st.isSymbolicLink()) && globs.matches(rel)) found.add(rel);
  };
  for (const base of globs.bases) walk(base);
  return [...found].sort();
}

/** Copies the job's in-place outputs from the source directory into its output directory (before saving). */
export function captureOutputs(sourceDir: string, globs: OutputGlobs, outputDir: string): number {
  const files = listOutputs(sourceDir, globs);
  for (const rel of files) {
    const to = join(outputDir, IN_PLACE_DIR, rel);
    mkdirSync(dirname(to), { recursive: true });
    copyEntry(join(sourceDir, rel), to);
  }
  return files.length;
}

/**
 * Removes files the globs match that are not in `keep` (nor inputs of any job, in `protect`): stale outputs of
 * another build must not leak into this one's artifact, nor into what dependents read.
 */
export function clearOutputs(
  sourceDir: string,
  globs: OutputGlobs,
  keep: ReadonlySet<string>,
  protect: (path: string) => boolean,
): void {
  for (const rel of listOutputs(sourceDir, globs)) {
    if (!keep.has(rel) && !protect(rel)) rmSync(join(sourceDir, rel), { force: true });
  }
}

/**
 * Puts an artifact's in-place outputs back in the source directory: each file whose content, mode or type
 * differs is written beside its place and renamed over it, then checked; files the globs match that the
 * artifact lacks are removed. Answers an error message when a written file does not read back as the artifact's.
 */
export function placeOutputs(
  artifactDir: string,
  sourceDir: string,
  globs: OutputGlobs,
  protect: (path: string) => boolean,
): string | undefined {
  const base = join(artifactDir, IN_PLACE_DIR);
  const inArtifact = listOutputs(base, { bases: [''], matches: () => true });
  for (const rel of inArtifact) {
    const from = join(base, rel);
    const to = join(sourceDir, rel);
    if (sameEntry(from, to)) continue;
    mkdirSync(dirname(to), { recursive: true });
    const temp = `${to}.disbuild-${randomBytes(4).toString('hex')}`;
    copyEntry(from, temp);
    if (!sameEntry(from, temp)) {
      rmSync(temp, { force: true });
      return `${rel} could not be written in place`;
    }
    // A directory where the file goes (a stale tree) is replaced too.
    if (lstatSync(to, { throwIfNoEntry: false })?.isDirectory()) rmSync(to, { recursive: true, force: true });
    renameSync(temp, to);
  }
  clearOutputs(sourceDir, globs, new Set(inArtifact), protect);
  return undefined;
}

/**
 * Whether the checkout holds exactly an artifact's in-place outputs already (same files, types, exec bits and
 * SHA-256s as its manifest, and no other file the globs match): then nothing need be restored. False when the
 * artifact holds anything besides in-place outputs, which only a restore provides.
 */
export function outputsInPlace(
  sourceDir: string,
  globs: OutputGlobs,
  entries: readonly ManifestEntry[],
): boolean {
  const prefix = `${IN_PLACE_DIR}/`;
  const want = new Map<string, ManifestEntry>();
  for (const e of entries) {
    if (e.path === IN_PLACE_DIR) continue;
    if (!e.path.startsWith(prefix)) return false;
    if (e.type !== 'dir') want.set(e.path.slice(prefix.length), e);
  }
  const present = listOutputs(sourceDir, globs);
  if (present.length !== want.size) return false;
  for (const rel of present) {
    const e = want.get(rel);
    if (e === undefined) return false;
    const abs = join(sourceDir, rel);
    const st = lstatSync(abs, { throwIfNoEntry: false });
    if (st === undefined) return false;
    if (e.type === 'symlink') {
      if (!st.isSymbolicLink() || readlinkSync(abs) !== e.target) return false;
    } else if (!st.isFile() || st.size !== e.size || (st.mode & 0o100 ? 0o755 : 0o644) !== e.mode)
      return false;
    else if (digest(abs) !== e.sha256) return false;
  }
  return true;
}

function copyEntry(from: string, to: string): void {
  const st = lstatSync(from);
  if (st.isSymbolicLink()) {
    symlinkSync(readlinkSync(from), to);
    return;
  }
  // A copy, never a link: the work tree's file may be edited later, and the artifact must not change with it.
  copyFileSync(from, to, constants.COPYFILE_FICLONE);
  chmodSync(to, st.mode & 0o100 ? 0o755 : 0o644);
}

/** Same type, executable bit and content (or link text). */
function sameEntry(a: string, b: string): boolean {
  const sa = lstatSync(a);
  const sb = lstatSync(b, { throwIfNoEntry: false });
  if (!sb) return false;
  if (sa.isSymbolicLink() || sb.isSymbolicLink()) {
    return sa.isSymbolicLink() && sb.isSymbolicLink() && readlinkSync(a) === readlinkSync(b);
  }
  if (!sb.isFile() || sa.size !== sb.size || (sa.mode & 0o100) !== (sb.mode & 0o100)) return false;
  return digest(a) === digest(b);
}

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
