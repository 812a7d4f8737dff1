/**
 * disbuild.json's tasks compiled as of a commit from git's objects alone, without checking the commit out: its
 * file list from `git ls-tree`, its workspace manifests from `git cat-file --batch`. A checkout of a repository of
 * 10,000 files took 3.5 s here, and the pre-push hook needs the graphs of two commits (the pushed one and the
 * remote's) where most pushes then run nothing.
 *
 * Deals with: commits whose files are all regular files, and whose manifests git checks out byte for byte.
 * Does not deal with: submodules and symbolic links (a submodule's files, and whether a link leads to a
 * directory, are known from a checkout), nor manifests a filter, `working-tree-encoding` or `ident` may change
 * on checkout: for those the caller compiles in a checkout.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { posix, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { Graph } from '../graph/model.js';
import { compareCodeUnits } from '../ids/canonical.js';
import { gitBytes, gitText } from '../ids/git-command.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { readByCompile } from './compiled-graph-cache.js';
import type { ConfigProblem, DisbuildConfig, TaskSpec } from './config-file.js';
import { compileListed } from './load-config.js';

/** Why a commit needs a checkout to be compiled (see the module's note). */
export type NeedsCheckout = { needsCheckout: string };

/**
 * The graph of `config` (the commit's own disbuild.json) over the files of commit `sha` of the repository at
 * `repoDir` (its top). Environment variables named by tasks' `env` are read from `env`.
 */
export async function compileAtCommit(
  repoDir: string,
  sha: string,
  config: DisbuildConfig & { tasks: ReadonlyMap<string, TaskSpec> },
  env: NodeJS.ProcessEnv,
): Promise<Result<Graph, ConfigProblem[]> | NeedsCheckout> {
  const listed = await gitText(repoDir, ['ls-tree', '-r', '-z', '--full-tree', sha]);
  if (!listed.ok) return { needsCheckout: listed.error };
  const files: string[] = [];
  const blobs = new Map<string, string>();
  const attributes: string[] = [];
  for (const record of listed.value.split('\0')) {
    if (record === '') continue;
    // `<mode> SP <type> SP <object> TAB <path>`
    const tab = record.indexOf('\t');
    const [mode, , id] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    if (mode !== '100644' && mode !== '100755') return { needsCheckout: `${path} is not a regular file` };
    files.push(path);
    blobs.set(path, id!);
    if (path === '.gitattributes' || path.endsWith('/.gitattributes')) attributes.push(path);
  }
  files.sort(compareCodeUnits);
  const manifests = readByCompile(files);
  const texts = await blobTexts(repoDir, [...manifests, ...attributes], blobs);
  if (!texts.ok) return { needsCheckout: texts.error };
  const changing = await changedOnCheckout(repoDir, manifests, attributes, texts.value);
  if (changing !== undefined) return { needsCheckout: `${changing} may change on checkout` };
  const compiled = await compileListed(
    // Nothing of a commit is untracked: as in a fresh checkout, no file it holds can be an output.
    { root: undefined, files, untracked: new Set(), manifests: texts.value },
    config,
    env,
  );
  return compiled.ok ? ok(compiled.value.graph) : err(compiled.error);
}

/** The texts of `paths` (UTF-8), by path, from one `git cat-file --batch`. */
async function blobTexts(
  repoDir: string,
  paths: readonly string[],
  blobs: ReadonlyMap<string, string>,
): Promise<Result<Map<string, string>, string>> {
  const texts = new Map<string, string>();
  if (paths.length === 0) return ok(texts);
  const ids = [...new Set(paths.map((p) => blobs.get(p)!))];
  const out = await gitBytes(repoDir, ['cat-file', '--batch'], ids.join('\n') + '\n');
  if (!out.ok) return out;
  const byId = new Map<string, string>();
  const bytes = out.value;
  for (let at = 0; at < bytes.length;) {
    const nl = bytes.indexOf(0x0a, at);
    if (nl < 0) break;
    const [id = '', type, size] = bytes.subarray(at, nl).toString('utf8').split(' ');
    if (type !== 'blob' || size === undefined) return err(`git cat-file: no blob ${id}`);
    const end = nl + 1 + Number(size);
    byId.set(id, bytes.subarray(nl + 1, end).toString('utf8'));
    at = end + 1;
  }
  for (const p of paths) {
    const text = byId.get(blobs.get(p)!);
    if (text === undefined) return err(`git cat-file: no blob for ${p}`);
    texts.set(p, text);
  }
  return ok(texts);
}

/** Attributes under which a checkout writes other bytes than the blob's, beyond line endings. */
const REWRITING = /(^|\s)(filter|working-tree-encoding|ident)(=|\s|$)/;

/**
 * A manifest whose checkout may hold other bytes than its blob, or undefined: any attribute line that sets a
 * filter, an encoding or `ident`, in the commit's `.gitattributes` files or in attributes from outside it (the
 * repository's `info/attributes`, the user's and the system's files), and whose pattern may match a manifest. Line
 * endings do not matter: JSON and YAML read alike with either.
 */
async function changedOnCheckout(
  repoDir: string,
  manifests: readonly string[],
  attributeFiles: readonly string[],
  texts: ReadonlyMap<string, string>,
): Promise<string | undefined> {
  const [info, user] = await Promise.all([
    gitText(repoDir, ['rev-parse', '--git-path', 'info/attributes']),
    gitText(repoDir, ['config', '--path', '--get', 'core.attributesFile']),
  ]);
  const userFile = user.ok
    ? user.value.trim()
    : `${process.env.XDG_CONFIG_HOME || `${homedir()}/.config`}/git/attributes`;
  const outside: { dir: string; text: string }[] = [];
  for (const path of [info.ok ? info.value.trim() : '', userFile, '/etc/gitattributes']) {
    if (path === '') continue;
    const text = await readFile(resolve(repoDir, path), 'utf8').catch(() => '');
    if (text !== '') outside.push({ dir: '', text });
  }
  const sources = [
    ...outside,
    ...attributeFiles.map((f) => ({
      dir: posix.dirname(f) === '.' ? '' : posix.dirname(f),
      text: texts.get(f)!,
    })),
  ];
  for (const { dir, text } of sources) {
    for (const line of text.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const space = trimmed.search(/\s/);
      if (space < 0 || !REWRITING.test(trimmed.slice(space))) continue;
      const pattern = trimmed.slice(0, space);
      const hit = manifests.find((m) => mayMatch(pattern, dir, m));
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

/**
 * Whether a gitattributes pattern of the file in `dir` may match `path`, erring towards yes: a pattern without a
 * slash matches a name at any depth below `dir`; one with a slash, or quoted, or a macro, is taken to match.
 */
function mayMatch(pattern: string, dir: string, path: string): boolean {
  if (dir !== '' && !path.startsWith(`${dir}/`)) return false;
  if (pattern.startsWith('"') || pattern.startsWith('[attr]') || pattern.includes('/')) return true;
  return picomatch(pattern, { dot: true })(posix.basename(path));
}
