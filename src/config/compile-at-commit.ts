/**
 * disbuild.json's tasks compiled as of a commit from git's objects alone, without checking the commit out: its
 * file list from `git ls-tree`, its workspace manifests from `git cat-file --batch`. A checkout of a repository of
 * 10,000 files took 3.5 s here, and the pre-push hook needs the graphs of two commits (the pushed one and the
 * remote's) where most pushes then run nothing.
 *
 * Deals with: commits whose files are all regular files, and whose manifests and disbuild.json git checks out
 * byte for byte.
 * Does not deal with: submodules and symbolic links (a submodule's files, and whether a link leads to a
 * directory, are known from a checkout), files a filter, `working-tree-encoding` or `ident` may change on
 * checkout, nor paths equal but for case where the file system folds case (a checkout keeps one of them): for
 * those the caller compiles in a checkout.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Graph } from '../graph/model.js';
import type { GoGraph } from './compile.js';
import { parseBatch } from '../ids/commit-digests.js';
import { gitBytes, gitText } from '../ids/git-command.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { ABANDONED_MS, makePidTemp, removeDeadPidTemps } from '../util/pid-temp.js';
import { isReadByCompile, readByCompile } from './compiled-graph-cache.js';
import { CONFIG_FILE, type ConfigProblem, type DisbuildConfig, type TaskSpec } from './config-file.js';
import { compileListed } from './load-config.js';
import { sortedByCodeUnits } from './repo-files.js';

/** Why a commit needs a checkout to be compiled (see the module's note). */
export type NeedsCheckout = { needsCheckout: string };

/**
 * What compiles of several commits of one repository, at one moment (one push), may share: git's answers about
 * attributes and case folding, which the commits of a push mostly share.
 */
export class SharedAnswers {
  readonly attributes = new Map<string, Promise<Result<string | undefined, string>>>();
  foldsCase: Promise<boolean> | undefined;
}

/**
 * The graph of `config` (the commit's own disbuild.json) over the files of commit `sha` of the repository at
 * `repoDir` (its top), for the disbuild.json in directory `dir` of the commit (`''`: the top; `a/b` otherwise):
 * paths are relative to it, as a run there sees them. Environment variables named by tasks' `env` are read from
 * `env`.
 */
export async function compileAtCommit(
  repoDir: string,
  sha: string,
  config: DisbuildConfig & { tasks: ReadonlyMap<string, TaskSpec> },
  env: NodeJS.ProcessEnv,
  shared: SharedAnswers = new SharedAnswers(),
  dir = '',
): Promise<Result<{ graph: Graph; json: GoGraph }, ConfigProblem[]> | NeedsCheckout> {
  const listed = await gitText(repoDir, ['ls-tree', '-r', '-z', '--full-tree', sha]);
  if (!listed.ok) return { needsCheckout: listed.error };
  const prefix = dir === '' ? '' : `${dir}/`;
  const files: string[] = [];
  /** Blob IDs of the files read (manifests, by their path in `dir`), and of attributes files (by their path). */
  const blobs = new Map<string, string>();
  /** The commit's attributes files, as `git update-index --index-info` reads entries. */
  const attributes: string[] = [];
  // `<mode> SP <type> SP <object> TAB <path> NUL`, read in place: twenty thousand records per commit.
  const text = listed.value;
  for (let at = 0; at < text.length;) {
    let end = text.indexOf('\0', at);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', at);
    const path = text.slice(tab + 1, end);
    const inside = path.startsWith(prefix);
    const regular = text.startsWith('100644 ', at) || text.startsWith('100755 ', at);
    // Outside `dir` only attributes files count (those of the directories above it apply inside it).
    if (inside && !regular) return { needsCheckout: `${path} is not a regular file` };
    const attributesFile = regular && (path === '.gitattributes' || path.endsWith('/.gitattributes'));
    const own = inside ? path.slice(prefix.length) : undefined;
    if (own !== undefined) files.push(own);
    if (attributesFile || (own !== undefined && isReadByCompile(own))) {
      const id = text.slice(text.lastIndexOf(' ', tab) + 1, tab);
      if (own !== undefined) blobs.set(own, id);
      if (attributesFile) attributes.push(`${text.slice(at, at + 6)} ${id}\t${path}`);
    }
    at = end + 1;
  }
  sortedByCodeUnits(files);
  const manifests = readByCompile(files);
  const [texts, changing, folded] = await Promise.all([
    blobTexts(repoDir, manifests, blobs),
    rewrittenOnCheckout(
      repoDir,
      attributes,
      [...manifests, CONFIG_FILE].map((p) => prefix + p),
      shared,
    ),
    caseFolded(repoDir, files, shared),
  ]);
  if (!texts.ok) return { needsCheckout: texts.error };
  if (!changing.ok) return { needsCheckout: changing.error };
  if (changing.value !== undefined) return { needsCheckout: `${changing.value} may change on checkout` };
  if (folded !== undefined) return { needsCheckout: `${folded} differ only in case` };
  const compiled = await compileListed(
    // Nothing of a commit is untracked: as in a fresh checkout, no file it holds can be an output.
    { root: undefined, files, untracked: new Set(), manifests: texts.value },
    config,
    env,
  );
  return compiled.ok ? ok(compiled.value) : err(compiled.error);
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
  const byId = parseBatch(out.value);
  for (const p of paths) {
    const text = byId.get(blobs.get(p)!);
    if (text === undefined) return err(`git cat-file: no blob for ${p}`);
    texts.set(p, text);
  }
  return ok(texts);
}

/** Attributes under which a checkout writes other bytes than the blob's, beyond line endings. */
const REWRITING = ['filter', 'working-tree-encoding', 'ident'];

/**
 * The first of `paths` whose checkout may hold other bytes than its blob, or undefined. git itself is asked
 * (`check-attr --cached`, over a temporary index holding the commit's `attributes` files only, as `ls-tree`
 * entries): those files and the repository's, user's and system's attributes, macros, and case folding are then
 * read exactly as a checkout reads them. Line endings do not matter: JSON and YAML read alike with either.
 */
function rewrittenOnCheckout(
  repoDir: string,
  attributes: readonly string[],
  paths: readonly string[],
  shared: SharedAnswers,
): Promise<Result<string | undefined, string>> {
  const key = `${attributes.join('\0')}\0\0${paths.join('\0')}`;
  let answer = shared.attributes.get(key);
  if (answer === undefined) shared.attributes.set(key, (answer = askAttributes(repoDir, attributes, paths)));
  return answer;
}

/** The temporary indexes of askAttributes are `<tmp>/disbuild-attrs-<pid>-<random>/index`. */
const ATTRS_PREFIX = 'disbuild-attrs-';

async function askAttributes(
  repoDir: string,
  attributes: readonly string[],
  paths: readonly string[],
): Promise<Result<string | undefined, string>> {
  // A hook killed while it asked leaves its index behind: the next one removes it.
  await removeDeadPidTemps(ATTRS_PREFIX, ABANDONED_MS);
  let dir: string;
  try {
    dir = makePidTemp(ATTRS_PREFIX);
  } catch (e) {
    return err(`no temporary index for git check-attr (${(e as Error).message})`);
  }
  try {
    const env = { ...process.env, GIT_INDEX_FILE: join(dir, 'index') };
    if (attributes.length > 0) {
      const input = attributes.join('\0') + '\0';
      const made = await gitText(repoDir, ['update-index', '-z', '--index-info'], { env, input });
      if (!made.ok) return made;
    }
    const asked = await gitText(repoDir, ['check-attr', '--cached', '-z', '--stdin', ...REWRITING], {
      env,
      input: paths.join('\0') + '\0',
    });
    if (!asked.ok) return asked;
    // `<path>\0<attribute>\0<value>\0` for each path and attribute.
    const fields = asked.value.split('\0');
    for (let i = 0; i + 2 < fields.length; i += 3) {
      if (fields[i + 2] !== 'unspecified' && fields[i + 2] !== 'unset') return ok(fields[i]);
    }
    return ok(undefined);
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

/** Two of `files` equal but for case, when git says the file system folds case (`core.ignorecase`). */
async function caseFolded(
  repoDir: string,
  files: readonly string[],
  shared: SharedAnswers,
): Promise<string | undefined> {
  shared.foldsCase ??= gitText(repoDir, ['config', '--bool', 'core.ignorecase']).then(
    (r) => r.ok && r.value.trim() === 'true',
  );
  if (!(await shared.foldsCase)) return undefined;
  const seen = new Map<string, string>();
  for (const f of files) {
    const key = f.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) return `${other} and ${f}`;
    seen.set(key, f);
  }
  return undefined;
}
