/**
 * Reads workspace manifests ahead, while git is still listing the repository's files: the package.json files that
 * the root package.json's `workspaces` globs find on the disk. Only a guess: readWorkspace decides from the
 * listing which are packages, as ever, and takes their texts from here instead of reading them again; a manifest
 * the guess missed is read then, one it read needlessly is dropped.
 *
 * Deals with: globs made of plain directory names and one-segment wildcards (`packages/*`, `apps/web`).
 * Does not deal with: `**`, braces, pnpm-workspace.yaml (their packages are simply read after the listing).
 */
import { readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import picomatch from 'picomatch';
import { readRegularFile } from '../util/read-own-file.js';
import { stripBom } from '../util/strip-bom.js';

/** Past this many directories the guess stops: the rest is read after the listing, as without it. */
const MAX_DIRS = 20_000;

/** package.json texts by path relative to the repository (`package.json`, `packages/a/package.json`). */
export interface ManifestTexts {
  get(path: string): string | undefined;
}

export function prefetchManifests(root: string): ReadonlyMap<string, string> {
  const texts = new Map<string, string>();
  try {
    guess(root, texts);
  } catch {
    // A guess that fails (a glob picomatch refuses) leaves every manifest to be read after the listing.
  }
  return texts;
}

function guess(root: string, texts: Map<string, string>): void {
  const rootText = tryRead(root, 'package.json');
  if (rootText === undefined) return;
  texts.set('package.json', rootText);
  let patterns: unknown;
  try {
    const json = JSON.parse(stripBom(rootText)) as { workspaces?: unknown };
    const ws = json.workspaces;
    patterns = Array.isArray(ws) ? ws : (ws as { packages?: unknown } | undefined)?.packages;
  } catch {
    return;
  }
  if (!Array.isArray(patterns)) return;
  let budget = MAX_DIRS;
  for (const pattern of patterns) {
    if (typeof pattern !== 'string' || pattern.startsWith('!')) continue;
    for (const dir of expand(root, pattern, () => --budget >= 0)) {
      const path = `${dir}/package.json`;
      if (texts.has(path)) continue;
      const text = tryRead(root, path);
      if (text !== undefined) texts.set(path, text);
    }
  }
}

/** The directories a glob of plain names and one-segment wildcards matches; none for any other glob. */
function expand(root: string, pattern: string, more: () => boolean): string[] {
  const norm = posix.normalize(pattern).replace(/^\.\//, '').replace(/\/+$/, '');
  const segments = norm.split('/');
  if (norm === '' || norm === '.' || segments.some((s) => s === '..' || s === '**' || /[{}()!+@]/.test(s))) {
    return [];
  }
  let dirs = [''];
  for (const segment of segments) {
    const next: string[] = [];
    const isGlob = picomatch.scan(segment).isGlob;
    const matches = isGlob ? picomatch(segment, { dot: false }) : undefined;
    for (const dir of dirs) {
      if (matches === undefined) {
        if (!more()) return [];
        next.push(dir === '' ? segment : `${dir}/${segment}`);
        continue;
      }
      let entries;
      try {
        entries = readdirSync(join(root, dir), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (!e.isDirectory() || e.name === 'node_modules' || !matches(e.name)) continue;
        if (!more()) return [];
        next.push(dir === '' ? e.name : `${dir}/${e.name}`);
      }
    }
    dirs = next;
  }
  return dirs;
}

/**
 * A regular file's text. The guess goes by the disk, not the listing: it may meet what git never lists and the
 * compile never reads, such as a FIFO (opened without waiting for a writer, and left alone) or a device.
 */
function tryRead(root: string, path: string): string | undefined {
  try {
    return readRegularFile(join(root, path));
  } catch {
    return undefined;
  }
}
