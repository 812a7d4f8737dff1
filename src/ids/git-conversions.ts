/**
 * Which paths git converts between their blob and the work tree, and the settings that decide it: the git calls
 * and pure parsers of their `-z` output (fixture-tested in test/unit/ids/git-conversions.test.ts).
 *
 * A converted path's index entry (and a commit's blob) is not the bytes a job reads: `* text eol=crlf` stores `a\n`
 * for a work-tree `a\r\n`, an LFS filter stores a pointer for the real content, `ident` expands `$Id$`,
 * `working-tree-encoding` re-encodes. Such paths are read from disk; the rest keep the index's blob IDs for free.
 */

import { join, resolve } from 'node:path';
import type { Result } from '../util/result.js';
import { ok } from '../util/result.js';
import { globalAttributesFile } from './git-attribute-files.js';
import { gitText } from './git-command.js';
import { gitBoolean, parseConfigRecords } from './git-config-records.js';
import { NAMES_AS_ON_DISK } from './names-as-on-disk.js';

/** The settings that change what the work tree holds. */
export interface GitSettings {
  /** `core.autocrlf` is `true` or `input`: paths without text attributes are converted too. */
  autocrlf: boolean;
  /** `core.fileMode` (true unless set false): git compares the execute bit with the index. */
  fileMode: boolean;
  /** `core.symlinks` (true unless set false): links are checked out as links, not as files holding their text. */
  symlinks: boolean;
  /** `core.attributesFile`, when set (as written: `~/` not expanded). */
  attributesFile?: string;
  /** `attr.tree` (git 2.46 and later), when set: the tree git reads `.gitattributes` from instead of the disk. */
  attrTree?: string;
  /** `core.ignoreCase`: attributes' patterns match names whatever their case (see convertedPaths). */
  ignoreCase: boolean;
}

/** The regular expression of the `git config --get-regexp` call that reads GitSettings. */
export const SETTINGS_REGEXP =
  '^(core\\.(autocrlf|filemode|symlinks|attributesfile|ignorecase)|attr\\.tree)$';

/** GitSettings from `git config -z --get-regexp SETTINGS_REGEXP` (see parseConfigRecords). */
export function parseSettings(text: string): GitSettings {
  const values = parseConfigRecords(text);
  const bool = (key: string): boolean | undefined =>
    values.has(key) ? gitBoolean(values.get(key)) : undefined;
  const attributesFile = values.get('core.attributesfile');
  const attrTree = values.get('attr.tree');
  return {
    // `input` is not a boolean but converts as `true` does (in the clean direction).
    autocrlf: bool('core.autocrlf') ?? false,
    fileMode: bool('core.filemode') ?? true,
    symlinks: bool('core.symlinks') ?? true,
    ignoreCase: bool('core.ignorecase') ?? false,
    ...(attributesFile ? { attributesFile } : {}),
    ...(attrTree !== undefined ? { attrTree } : {}),
  };
}

/**
 * The paths among `paths` that git may convert, from a `git check-attr -a -z` answer for them
 * (`<path>\0<attribute>\0<value>\0` for each attribute a path has; none for a path without attributes, which is
 * why `-a` is asked: its answer for a repository without attributes is empty, where naming six attributes printed
 * 21 MB for 100,000 paths and took four times as long). Errs on the side of converting: a value git would ignore (a
 * filter with no driver, `text=foo`) still sends the path to disk, which is always correct, only slower.
 */
export function parseConvertedPaths(text: string, paths: readonly string[], autocrlf: boolean): Set<string> {
  const attrs = new Map<string, Map<string, string>>();
  const fields = text.split('\0');
  for (let i = 0; i + 2 < fields.length; i += 3) {
    let m = attrs.get(fields[i]!);
    if (m === undefined) attrs.set(fields[i]!, (m = new Map()));
    m.set(fields[i + 1]!, fields[i + 2]!);
  }
  const converted = new Set<string>();
  const none = new Map<string, string>();
  // Without attributes a path converts only under core.autocrlf: then every path is asked about.
  for (const p of autocrlf ? paths : attrs.keys())
    if (converts(attrs.get(p) ?? none, autocrlf)) converted.add(p);
  return converted;
}

/** convert.c's decision, conservatively: does any conversion apply to a path with these attribute values? */
function converts(attrs: ReadonlyMap<string, string>, autocrlf: boolean): boolean {
  const given = (name: string): boolean => {
    const v = attrs.get(name) ?? 'unspecified';
    return v !== 'unspecified' && v !== 'unset';
  };
  if (given('filter') || given('ident') || given('working-tree-encoding')) return true;
  let text = attrs.get('text') ?? 'unspecified';
  // `crlf` is the old name of `text`, read only when `text` says nothing.
  if (text === 'unspecified') text = attrs.get('crlf') ?? 'unspecified';
  // `-text` (binary) turns every end-of-line conversion off, `eol` included.
  if (text === 'unset') return false;
  if (text !== 'unspecified') return true;
  return given('eol') || autocrlf;
}

/**
 * The paths among `paths` (relative to `dir`, all tracked) that git converts between blob and work tree, by one
 * `git check-attr --stdin` call. No call when there are no paths.
 *
 * In a work tree under core.ignoreCase=true where the disk tells case apart (see names-as-on-disk.ts), a second
 * call with core.ignoreCase=false, and the paths either converts: `*.TXT eol=crlf` applies to `a.txt` as the
 * checkout wrote it, and not as the keys' `git status` (run with false) compares it again. A path is taken from
 * the index only when neither would have changed its bytes.
 */
export async function convertedPaths(
  dir: string,
  paths: readonly string[],
  settings: GitSettings,
  options: { cached?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<Result<Set<string>, string>> {
  if (paths.length === 0) return ok(new Set());
  const ask = (names: readonly string[]) =>
    gitText(dir, [...names, 'check-attr', ...(options.cached ? ['--cached'] : []), '--stdin', '-z', '-a'], {
      input: paths.join('\0') + '\0',
      ...(options.env ? { env: options.env } : {}),
    });
  const both = !options.cached && settings.ignoreCase && NAMES_AS_ON_DISK.length > 0;
  const [answer, asOnDisk] = await Promise.all([ask([]), both ? ask(NAMES_AS_ON_DISK) : undefined]);
  if (!answer.ok) return answer;
  const converted = parseConvertedPaths(answer.value, paths, settings.autocrlf);
  if (asOnDisk === undefined) return ok(converted);
  if (!asOnDisk.ok) return asOnDisk;
  for (const p of parseConvertedPaths(asOnDisk.value, paths, settings.autocrlf)) converted.add(p);
  return ok(converted);
}

/** The settings that decide conversions and modes, from `git config`; git's defaults when none is set. */
export async function readSettings(dir: string): Promise<GitSettings> {
  // Exit code 1 means none of the keys is set.
  const r = await gitText(dir, ['config', '-z', '--get-regexp', SETTINGS_REGEXP]);
  return parseSettings(r.ok ? r.value : '');
}

/**
 * Every place an attributes file could apply to `paths` from (relative to `realDir`, the source directory with its
 * links resolved, which sits at `prefix` in the work tree at `top`), in the order to look: the repository's
 * `info/attributes` (`infoAttributes`, absolute), the global file (`core.attributesFile`, else
 * `$XDG_CONFIG_HOME/git/attributes` or `~/.config/git/attributes`), the system one (`systemFiles`: see
 * systemAttributesFiles), and a `.gitattributes` in the directory of a path or any directory above it up to the
 * top. When none exists no path has an attribute, and `git check-attr` need not be asked: a few hundred lstat
 * calls for 100,000 paths in 200 directories, against 0.1–0.4 s. Undefined when the disk cannot tell (see below).
 */
export function attributePlaces(
  realDir: string,
  prefix: string,
  paths: readonly string[],
  infoAttributes: string,
  settings: GitSettings,
  systemFiles: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): string[] | undefined {
  // Attributes read from a tree rather than the disk (`attr.tree`, `GIT_ATTR_SOURCE`), or a global file named as
  // git expands and this does not (`~user/`, `%(prefix)/`): no file on disk tells, so git is asked.
  if (settings.attrTree !== undefined || env.GIT_ATTR_SOURCE !== undefined) return undefined;
  const global = globalAttributesFile(settings.attributesFile, env);
  if (/^(?:~[^/]|%\(prefix\)\/)/.test(global)) return undefined;
  // git runs from the work tree's top: a relative global file is read from there. The top is above the real
  // directory (`prefix` is git's), not above a link leading to it.
  const depth = prefix.split('/').filter(Boolean).length;
  const top = resolve(realDir, ...Array<string>(depth).fill('..'));
  const places = [infoAttributes, resolve(top, global), ...systemFiles];
  // The directories from the work tree's top down to the source directory, then those of the paths.
  let above = realDir;
  for (let i = depth; i >= 0; i--) {
    places.push(join(above, '.gitattributes'));
    above = join(above, '..');
  }
  const seen = new Set<string>();
  for (const p of paths) {
    for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
      const dir = p.slice(0, i);
      if (seen.has(dir)) break;
      seen.add(dir);
      places.push(realDir + '/' + dir + '/.gitattributes');
    }
  }
  return places;
}
