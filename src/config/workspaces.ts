/**
 * Workspace packages: npm and yarn `workspaces` in the root package.json, or pnpm's pnpm-workspace.yaml. Each
 * package's name, directory, scripts, and the other packages of the workspace it depends on.
 *
 * Deals with: finding packages among the repository's files and reading their package.json.
 * Does not deal with: tasks (compile.ts) or installing anything.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import picomatch from 'picomatch';
import type { ConfigProblem } from './config-file.js';
import { hasFile } from './repo-files.js';
import type { ManifestTexts } from './workspace-prefetch.js';
import { stripBom } from '../util/strip-bom.js';

export interface WorkspacePackage {
  name: string;
  /** Relative to the repository root; '' for the root package. */
  dir: string;
  scripts: ReadonlyMap<string, string>;
  /** Names of workspace packages this one depends on (any dependency field), sorted. */
  deps: readonly string[];
}

export type PackageManager = 'npm' | 'yarn' | 'pnpm' | 'bun';

export interface Workspace {
  /** The workspace packages by name, or the root package alone when there are no workspaces. */
  packages: ReadonlyMap<string, WorkspacePackage>;
  /** Whether the repository declares workspaces (else the root package is the only one). */
  declared: boolean;
  manager: PackageManager;
  /**
   * Whether a manifest could not be read or named a package twice: packages may then be missing, and a script
   * no package has is no problem of its own.
   */
  incomplete?: boolean;
}

const DEP_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

interface PackageJson {
  name?: unknown;
  scripts?: unknown;
  workspaces?: unknown;
  packageManager?: unknown;
  [field: string]: unknown;
}

/**
 * The workspace of the repository at `root`, whose files (sorted, relative) are `files`. `manifests`: package.json
 * texts read ahead (see workspace-prefetch.ts), used for the listed ones among them instead of reading them again.
 * `root` undefined: there is no work tree to read (a commit's objects), and `manifests` holds every manifest and
 * pnpm-workspace.yaml that `files` lists.
 */
export async function readWorkspace(
  root: string | undefined,
  files: readonly string[],
  problems: ConfigProblem[],
  manifests: ManifestTexts = new Map(),
): Promise<Workspace> {
  const known = problems.length;
  const readPackageJson = (path: string): PackageJson | undefined =>
    readManifest(root, path, manifests.get(path), problems);
  const rootPkg = hasFile(files, 'package.json') ? readPackageJson('package.json') : undefined;
  let patterns: string[] | undefined;
  let manager: PackageManager = 'npm';
  if (hasFile(files, 'pnpm-workspace.yaml')) {
    manager = 'pnpm';
    patterns = await pnpmPatterns(root, manifests.get('pnpm-workspace.yaml'), problems);
  } else if (rootPkg) {
    const ws = rootPkg.workspaces;
    const list = Array.isArray(ws)
      ? ws
      : isRecord(ws) && Array.isArray(ws.packages)
        ? ws.packages
        : undefined;
    if (list) patterns = list.filter((p): p is string => typeof p === 'string');
    // Read as no workspace at all, it made every script task's problem "the root package.json has no script".
    if (ws !== undefined && (list === undefined || patterns!.length !== list.length)) {
      problems.push({
        file: 'package.json',
        field: 'workspaces',
        message: 'must be a list of globs, or an object whose "packages" is one',
      });
    }
  }
  if (typeof rootPkg?.packageManager === 'string') {
    const m = /^(npm|yarn|pnpm|bun)@/.exec(rootPkg.packageManager);
    if (m) manager = m[1] as PackageManager;
  } else if (hasFile(files, 'pnpm-lock.yaml')) manager = 'pnpm';
  else if (hasFile(files, 'yarn.lock')) manager = 'yarn';
  else if (hasFile(files, 'bun.lock') || hasFile(files, 'bun.lockb')) manager = 'bun';

  const packages = new Map<string, WorkspacePackage>();
  if (patterns === undefined) {
    if (rootPkg) packages.set(packageName(rootPkg, ''), toPackage(rootPkg, '', new Set()));
    return { packages, declared: false, manager, incomplete: problems.length > known };
  }
  const dirs = packageDirs(files, patterns);
  // Synchronous: a thousand small reads in a loop cost less than a thousand thread-pool round trips.
  const read = dirs.map((d) => readPackageJson(`${d}/package.json`));
  const dirsOf = new Map<string, string[]>();
  const pkgs: { json: PackageJson; dir: string; name: string }[] = [];
  dirs.forEach((dir, i) => {
    const json = read[i];
    if (!json) return;
    const name = packageName(json, dir);
    const same = dirsOf.get(name);
    if (same === undefined) dirsOf.set(name, [dir]);
    else same.push(dir);
    pkgs.push({ json, dir, name });
  });
  // A name two packages declare is neither's: which one a dependency means cannot be told, and picking one
  // brought problems of its own making (a cycle through the other's dependencies).
  const names = new Set<string>();
  for (const [name, where] of dirsOf) {
    if (where.length === 1) names.add(name);
    else {
      problems.push({
        file: `${where[1]!}/package.json`,
        field: 'name',
        message: `package ${name} is declared ${where.length === 2 ? 'twice' : `${where.length} times`}: in ${where.map((d) => `${d}/package.json`).join(', ')}`,
      });
    }
  }
  for (const { json, dir, name } of pkgs)
    if (names.has(name)) packages.set(name, toPackage(json, dir, names));
  return { packages, declared: true, manager, incomplete: problems.length > known };
}

/** Directories holding a package.json that the workspace globs choose (`!` excludes), sorted. */
function packageDirs(files: readonly string[], patterns: readonly string[]): string[] {
  const norm = (p: string): string => posix.normalize(p).replace(/^\.\//, '').replace(/\/+$/, '');
  const include = patterns.filter((p) => !p.startsWith('!')).map(norm);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => norm(p.slice(1)));
  const isIn = picomatch(include.length > 0 ? include : ['\0'], { dot: false });
  const isOut = exclude.length > 0 ? picomatch(exclude) : () => false;
  const dirs: string[] = [];
  for (const f of files) {
    if (!f.endsWith('/package.json') || f.includes('node_modules/')) continue;
    const dir = f.slice(0, -'/package.json'.length);
    if (isIn(dir) && !isOut(dir)) dirs.push(dir);
  }
  return dirs;
}

async function pnpmPatterns(
  root: string | undefined,
  text: string | undefined,
  problems: ConfigProblem[],
): Promise<string[]> {
  const file = 'pnpm-workspace.yaml';
  try {
    // The YAML parser is a large module: loaded only for the repositories that have this file.
    const { parse: parseYaml } = await import('yaml');
    const doc = parseYaml(text ?? (await readFile(inWorkTree(root, file), 'utf8'))) as unknown;
    const list = isRecord(doc) ? doc.packages : undefined;
    if (list === undefined || list === null) return [];
    if (!Array.isArray(list) || list.some((p) => typeof p !== 'string')) {
      problems.push({ file, field: 'packages', message: 'must be a list of globs' });
      return [];
    }
    return list as string[];
  } catch (e) {
    problems.push({ file, message: `cannot be read: ${(e as Error).message.split('\n')[0]!}` });
    return [];
  }
}

/** A package.json, from `text` when it was read already. */
function readManifest(
  root: string | undefined,
  path: string,
  text: string | undefined,
  problems: ConfigProblem[],
): PackageJson | undefined {
  try {
    const json = JSON.parse(stripBom(text ?? readFileSync(inWorkTree(root, path), 'utf8'))) as unknown;
    if (isRecord(json)) {
      // Fields the compile reads, of a type it would otherwise pass over without a word (a package then known by
      // its directory, or without its dependencies).
      if (json.name !== undefined && typeof json.name !== 'string')
        problems.push({ file: path, field: 'name', message: 'must be a string' });
      for (const field of ['scripts', ...DEP_FIELDS]) {
        if (json[field] !== undefined && !isRecord(json[field]))
          problems.push({ file: path, field, message: 'must be an object' });
      }
      return json;
    }
    problems.push({ file: path, message: 'must be a JSON object' });
  } catch (e) {
    problems.push({ file: path, message: `cannot be read: ${(e as Error).message}` });
  }
  return undefined;
}

/** `path` in the work tree at `root`; without one, a file not given cannot be read. */
function inWorkTree(root: string | undefined, path: string): string {
  if (root === undefined) throw new Error('not among the files read');
  return join(root, path);
}

/** A package without a name is known by its directory (the root's by "//", as Turborepo calls it). */
function packageName(json: PackageJson, dir: string): string {
  return typeof json.name === 'string' && json.name !== '' ? json.name : dir === '' ? '//' : dir;
}

function toPackage(json: PackageJson, dir: string, names: ReadonlySet<string>): WorkspacePackage {
  const scripts = new Map<string, string>();
  if (isRecord(json.scripts)) {
    for (const [k, v] of Object.entries(json.scripts)) if (typeof v === 'string') scripts.set(k, v);
  }
  const self = packageName(json, dir);
  const deps = new Set<string>();
  for (const field of DEP_FIELDS) {
    const d = json[field];
    if (!isRecord(d)) continue;
    for (const [key, spec] of Object.entries(d)) {
      const n = aliasedWorkspacePackage(spec) ?? key;
      if (names.has(n) && n !== self) deps.add(n);
    }
  }
  return { name: self, dir, scripts, deps: [...deps].sort() };
}

/**
 * The package a pnpm alias of a workspace package names (`"my-a": "workspace:@org/a@*"`, `workspace:a@^1`), for
 * which the key is only the name it is imported by; undefined for every other version specification.
 */
function aliasedWorkspacePackage(spec: unknown): string | undefined {
  if (typeof spec !== 'string' || !spec.startsWith('workspace:')) return undefined;
  // As pnpm reads it: a name, then `@` and the version range (`workspace:^1` has no `@`, so no name).
  return /^workspace:([^._/][^@]*)@/.exec(spec)?.[1];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
