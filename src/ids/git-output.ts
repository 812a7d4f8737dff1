/**
 * Pure parsers of git's `-z` listings (fixture-tested in test/unit/ids/git-output.test.ts). They scan with indexOf
 * and slice only the records of wanted paths: a 100,000-entry index parses in a few milliseconds.
 */
import type { FileDigest, FileMode } from './brands.js';

/** The mode of a blob entry in git's index or a tree: a file's, or a symbolic link's (whose blob is its text). */
export type GitMode = FileMode | 'symlink';

/** One blob entry of the index or a tree. */
export interface GitEntry {
  mode: GitMode;
  digest: FileDigest;
}

/** Git's file modes. 100664 is a legacy mode that git itself reads as 100644. */
const GIT_MODES: Readonly<Record<string, GitMode>> = {
  '100644': 'regular',
  '100664': 'regular',
  '100755': 'executable',
  '120000': 'symlink',
};

/** A SHA-1 object ID. Entries with other IDs (SHA-256 repositories) are not used: keys need SHA-1 blob IDs. */
const SHA1_HEX = /^[0-9a-f]{40}$/;

/**
 * Picks wanted paths out of `git ls-files -s -v -z` (`<tag> <mode> <oid> <stage>\t<path>`) or `git ls-tree -r -z`
 * (`<mode> <type> <oid>\t<path>`) output. `prefix` is stripped from paths (entries outside it are skipped).
 * Only regular files, executables and symlinks at stage 0 are returned; anything else (submodules, conflicts)
 * is left out so that the caller reads it from disk or reports it missing. So are index entries that git does not
 * compare with the working tree (tag other than `H`): skip-worktree entries, absent from a sparse checkout, and
 * assume-unchanged ones, which `git status` never reports changed however they are edited.
 */
export function parseListing(
  text: string,
  format: 'ls-files' | 'ls-tree',
  paths: readonly string[],
  prefix = '',
): Map<string, GitEntry> {
  // Results are keyed by the caller's own strings, not by slices of `text`: a lookup by slice returns the
  // caller's string, and storing that was 30% faster (and keeps no slice of the whole listing alive).
  const wanted = new Map<string, string>();
  for (const p of paths) wanted.set(p, p);
  const found = new Map<string, GitEntry>();
  forEachRecord(text, (start, tab, end) => {
    if (!text.startsWith(prefix, tab + 1)) return;
    const path = wanted.get(text.slice(tab + 1 + prefix.length, end));
    if (path === undefined) return;
    const state = parseMeta(text, start, tab, format);
    if (state) found.set(path, state);
  });
  return found;
}

/**
 * Every entry of a `git ls-files -s -v -z` listing that git compares with the working tree (tagged `H`, stage 0,
 * a file, an executable or a symlink), by path: its mode and blob ID, or only its mode when the ID is not SHA-1.
 * One pass serves both the check that inputs exist (`unchangedIndexedFiles`) and the keys (`indexEntries`).
 */
export function parseIndexListing(text: string): Map<string, GitEntry | GitMode> {
  return parseIndex(text, false).entries;
}

/**
 * The paths of the index, those of them git skips in the work tree (sparse checkout, `--skip-worktree`), and its
 * submodules (gitlinks), whose files the index does not hold.
 */
export interface IndexPaths {
  paths: string[];
  skipWorktree: string[];
  gitlinks: string[];
  /** The entries whose mode is a symbolic link's (120000). */
  symlinks: string[];
}

/**
 * parseIndexListing, and every path of the listing whatever its tag, stage or mode (the paths `ls-files --cached`
 * prints; a conflicted path once per stage), apart those tagged skip-worktree (`S`, `s` when also assumed
 * unchanged): git says nothing of their file, which a sparse checkout leaves out of the work tree. One pass over
 * the text, each path sliced once for both answers.
 */
export function parseIndexListingWithPaths(text: string): {
  entries: Map<string, GitEntry | GitMode>;
  paths: IndexPaths;
} {
  const parsed = parseIndex(text, true);
  return { entries: parsed.entries, paths: parsed.paths! };
}

function parseIndex(
  text: string,
  withPaths: boolean,
): { entries: Map<string, GitEntry | GitMode>; paths?: IndexPaths } {
  const entries = new Map<string, GitEntry | GitMode>();
  const paths: string[] = [];
  const skipWorktree: string[] = [];
  const gitlinks: string[] = [];
  const symlinks: string[] = [];
  forEachRecord(text, (start, tab, end) => {
    const mode = lsFilesHead(text, start, tab);
    if (mode === undefined && !withPaths) return;
    const path = text.slice(tab + 1, end);
    if (mode !== undefined) entries.set(path, parseMeta(text, start, tab, 'ls-files') ?? mode);
    if (!withPaths) return;
    paths.push(path);
    const tag = text.charCodeAt(start);
    if ((tag === 0x53 || tag === 0x73) && text.charCodeAt(start + 1) === 0x20) skipWorktree.push(path); // "S ", "s "
    if (mode === undefined && text.startsWith('160000 ', start + 2)) gitlinks.push(path);
    if (text.startsWith('120000 ', start + 2)) symlinks.push(path);
  });
  return withPaths ? { entries, paths: { paths, skipWorktree, gitlinks, symlinks } } : { entries };
}

/** Of a parsed index listing, the entries of `paths` that have a SHA-1 blob ID (as `parseListing` picks them). */
export function indexEntries(
  index: ReadonlyMap<string, GitEntry | GitMode>,
  paths: readonly string[],
): Map<string, GitEntry> {
  const found = new Map<string, GitEntry>();
  for (const p of paths) {
    const e = index.get(p);
    if (e !== undefined && typeof e !== 'string') found.set(p, e);
  }
  return found;
}

/**
 * Every path of a `git ls-files -s -v -z` listing that the index holds as a file whose working-tree copy git
 * checks: a regular file or an executable, at stage 0, tagged `H`. Whatever else (symbolic links, whose targets
 * git does not look at; submodules, conflicts, skip-worktree and assume-unchanged entries) the caller looks up on
 * disk.
 */
export function indexedFilePaths(text: string): Set<string> {
  const paths = new Set<string>();
  forEachRecord(text, (start, tab, end) => {
    const mode = lsFilesHead(text, start, tab);
    if (mode !== undefined && mode !== 'symlink') paths.add(text.slice(tab + 1, end));
  });
  return paths;
}

/**
 * Every entry of a `git ls-tree -r -z` listing under `prefix` (stripped), for resolving links within a tree:
 * blobs with their mode and ID, and anything else (a submodule) as `other`.
 */
export function parseTreeEntries(text: string, prefix = ''): Map<string, GitEntry | 'other'> {
  const entries = new Map<string, GitEntry | 'other'>();
  forEachRecord(text, (start, tab, end) => {
    if (!text.startsWith(prefix, tab + 1)) return;
    entries.set(text.slice(tab + 1 + prefix.length, end), parseMeta(text, start, tab, 'ls-tree') ?? 'other');
  });
  return entries;
}

/**
 * The submodules of a `git ls-tree -r -z` listing under `prefix` (stripped): each gitlink's path and the commit it
 * records.
 */
export function gitlinkEntries(text: string, prefix = ''): Map<string, string> {
  const links = new Map<string, string>();
  forEachRecord(text, (start, tab, end) => {
    if (!text.startsWith('160000 commit ', start) || !text.startsWith(prefix, tab + 1)) return;
    links.set(text.slice(tab + 1 + prefix.length, end), text.slice(start + 14, tab));
  });
  return links;
}

/** The `.gitattributes` blobs of a `git ls-tree -r -z` listing, as `git update-index --index-info` lines. */
export function attributeFiles(text: string): string[] {
  const lines: string[] = [];
  forEachRecord(text, (start, tab, end) => {
    const path = text.slice(tab + 1, end);
    if (path === '.gitattributes' || path.endsWith('/.gitattributes')) lines.push(text.slice(start, end));
  });
  return lines;
}

/**
 * Calls `f` with each NUL-terminated record's start, its first tab (which ends the metadata) and its end.
 *
 * Records whose path holds U+FFFD are left out. git's paths are bytes, decoded as UTF-8: a name that is not UTF-8
 * (`b\xff`) comes out as U+FFFD, and so does the valid name spelled with that character (`b\xef\xbf\xbd`), so two
 * files would share one entry and either could answer for the other. Left out, such a path is not in the index
 * for the work tree (an input so named is read from disk) nor in a commit's tree (where it is not found).
 */
function forEachRecord(text: string, f: (start: number, tab: number, end: number) => void): void {
  const lossy = text.includes('\uFFFD');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\0', start);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', start);
    if (tab > start && tab < end && !(lossy && holdsReplacement(text, tab, end))) f(start, tab, end);
    start = end + 1;
  }
}

function holdsReplacement(text: string, from: number, end: number): boolean {
  const at = text.indexOf('\uFFFD', from);
  return at !== -1 && at < end;
}

/** `ls-files -s -v`: `<tag> <6-digit mode> <oid> <stage>\t`; with a SHA-1 ID the tab is at offset 51. */
const LS_FILES_SHA1_TAB = 51;
/** `ls-tree` with a SHA-1 ID: `<6-digit mode> blob <40 hex>\t`. */
const LS_TREE_BLOB_SHA1_TAB = 52;

/** The mode of an `ls-files -s -v` record that git keeps in step with the working tree, at stage 0. */
function lsFilesHead(text: string, start: number, tab: number): GitMode | undefined {
  const checked = text.charCodeAt(start) === 0x48 && text.charCodeAt(start + 1) === 0x20; // "H "
  const stage0 = text.charCodeAt(tab - 1) === 0x30 && text.charCodeAt(tab - 2) === 0x20; // " 0"
  return checked && stage0 ? modeAt(text, start + 2) : undefined;
}

/**
 * The mode and blob ID of the record `text[start, tab)`. The usual layout is read at fixed offsets (slicing and
 * splitting every record tripled the parse time of a 100,000-file index); anything else takes the general path.
 */
function parseMeta(
  text: string,
  start: number,
  tab: number,
  format: 'ls-files' | 'ls-tree',
): GitEntry | undefined {
  if (format === 'ls-files') {
    const mode = lsFilesHead(text, start, tab);
    if (mode === undefined) return undefined;
    if (tab - start === LS_FILES_SHA1_TAB) return { mode, digest: sha1At(text, start + 9) };
    const oid = text.slice(start + 9, tab - 2);
    return SHA1_HEX.test(oid) ? { mode, digest: oid as FileDigest } : undefined;
  }
  const mode = modeAt(text, start);
  if (tab - start === LS_TREE_BLOB_SHA1_TAB && text.startsWith(' blob ', start + 6)) {
    return mode ? { mode, digest: sha1At(text, start + 12) } : undefined;
  }
  const [, type = '', oid = ''] = text.slice(start, tab).split(' ');
  return mode && type === 'blob' && SHA1_HEX.test(oid) ? { mode, digest: oid as FileDigest } : undefined;
}

function modeAt(text: string, at: number): GitMode | undefined {
  if (text.charCodeAt(at + 6) !== 0x20) return undefined;
  return GIT_MODES[text.slice(at, at + 6)];
}

function sha1At(text: string, at: number): FileDigest {
  return text.slice(at, at + 40) as FileDigest;
}

/**
 * The paths whose working-tree file differs from the index, from `git status --porcelain=v1 -z`
 * (`XY <path>`, plus `<orig path>` after renames and copies). Y is the index → working tree column, so a
 * staged-only change (`M `) is not dirty: the index already holds its blob. Paths are relative to the repository
 * root in this format; `prefix` is stripped and paths outside it are dropped.
 */
export function parseDirtyPaths(text: string, prefix = ''): Set<string> {
  const dirty = new Set<string>();
  const fields = text.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.length < 4) continue;
    const x = f[0]!;
    const y = f[1]!;
    if (y !== ' ' && f.startsWith(prefix, 3)) dirty.add(f.slice(3 + prefix.length));
    // A rename or copy is followed by its source path, which is not a record of its own.
    if (x === 'R' || x === 'C' || y === 'R' || y === 'C') i++;
  }
  return dirty;
}
