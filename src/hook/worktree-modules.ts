import { lstat, mkdir, readFile, readdir, realpath, symlink } from 'node:fs/promises';
import { dirname, join, posix, relative, sep } from 'node:path';
import { gitText } from '../ids/git-command.js';

/** What a worktree's links ask of the graph: whether it writes a file, and the directories its outputs lie under. */
export interface GraphOutputs {
  /** Whether an output glob of a job matches `path` (relative to the source directory). */
  matches(path: string): boolean;
  /** The directories the output globs start from (`dist`, `node_modules/gen`; `''` for the top). */
  bases: readonly string[];
}

/**
 * Gives a worktree of a pushed commit the installed packages of the checkout, with its own copies of the
 * workspace packages the commit builds. The worktree lies under `.git/`, so the checkout's top `node_modules` is
 * found above it, as it is; a package's own `node_modules` (pnpm's layout, npm's nested installs) is not: the
 * worktree gets one of its own, with a link to each entry of the checkout's (never the dot-entries but `.bin`,
 * nor one the graph's outputs lie in: what the build writes stays in the worktree).
 *
 * For each link a `node_modules` of the checkout holds to one of the checkout's own packages (npm, yarn and pnpm
 * link workspace packages so: `node_modules/@fx/a -> ../../packages/a`), the worktree gets the same link to its
 * own copy, when the graph writes one of the files that package's manifest names for importers (`main`, `types`,
 * `exports`...). A package importing another then gets it as pushed and built in the worktree, never the
 * checkout's (absent, or built from another commit). A package whose files the graph does not build (its `dist/`
 * made by `npm install`'s `prepare`), or whose own `node_modules` the worktree cannot be given, stays the checkout's.
 *
 * Only into a `node_modules` git ignores there: one it does not ignore would hold untracked files, which a key
 * reads. Best effort: what cannot be linked is left out, and the build finds what it can, as before.
 */
export async function linkWorkspacePackages(
  checkout: string,
  worktree: string,
  outputs: GraphOutputs,
): Promise<void> {
  const root = await realpath(checkout).catch(() => checkout);
  const manifests = await gitPaths(worktree, ['ls-files', '-z', '--', 'package.json', '*/package.json']);
  const candidates: string[] = [];
  for (const m of manifests) {
    const d = m.slice(0, -'package.json'.length);
    if (d.split('/').includes('node_modules')) continue;
    const st = await lstat(join(checkout, d, 'node_modules')).catch(() => undefined);
    if (st?.isDirectory()) candidates.push(`${d}node_modules/`);
  }
  if (candidates.length === 0) return;
  const ignored = new Set(await gitPaths(worktree, ['check-ignore', '-z', '--stdin'], candidates.join('\0')));
  const given = candidates.filter((c) => ignored.has(c) || ignored.has(c.slice(0, -1)));
  // The packages whose own node_modules the worktree gets (see above), by directory.
  const mirrored = new Set(
    given.filter((c) => c !== 'node_modules/').map((c) => c.slice(0, -'/node_modules/'.length)),
  );
  const decided = new Map<string, Promise<boolean>>();
  const ownCopy = (dir: string): Promise<boolean> => {
    let d = decided.get(dir);
    if (d === undefined) {
      // A package with packages of its own that the worktree is not given finds them only from the checkout's copy.
      d = (mirrored.has(dir) ? Promise.resolve(false) : installsOwn(join(checkout, dir))).then(
        (lacking) => !lacking && builtForImporters(worktree, dir, outputs.matches),
      );
      decided.set(dir, d);
    }
    return d;
  };
  for (const c of given) {
    const top = c === 'node_modules/';
    for (const { name, link } of await moduleEntries(join(checkout, c))) {
      let target: string | undefined;
      if (link) {
        const real = await realpath(join(checkout, c, name)).catch(() => undefined);
        const pkg = real === undefined ? undefined : relative(root, real);
        const parts = pkg?.split(sep) ?? [];
        // A package of the workspace: inside the checkout, not installed (under no node_modules), not git's.
        if (pkg && parts[0] !== '..' && !parts.some((s) => s === 'node_modules' || s === '.git')) {
          if (await ownCopy(parts.join('/'))) target = join(worktree, pkg);
        }
      }
      if (target === undefined) {
        // The top one is found above the worktree, as it is.
        if (top || (name.startsWith('.') && name !== '.bin') || holdsOutputs(`${c}${name}`, outputs.bases))
          continue;
        target = join(checkout, c, name);
      }
      const to = join(worktree, c, name);
      await mkdir(dirname(to), { recursive: true }).catch(() => undefined);
      await symlink(target, to).catch(() => undefined);
    }
  }
}

/** Whether an output glob starts at `path` or inside it. */
function holdsOutputs(path: string, bases: readonly string[]): boolean {
  return bases.some((b) => b === path || b.startsWith(`${path}/`));
}

/** Whether the package at `dir` has packages in a `node_modules` of its own (not only `.cache` or `.bin`). */
async function installsOwn(dir: string): Promise<boolean> {
  const names = await readdir(join(dir, 'node_modules')).catch(() => [] as string[]);
  return names.some((n) => !n.startsWith('.'));
}

/** The entries (`a`, `@fx/a`, `.bin`) of a `node_modules` directory, the scopes' read through, and which are links. */
async function moduleEntries(dir: string): Promise<{ name: string; link: boolean }[]> {
  const found: { name: string; link: boolean }[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (e.name.startsWith('@') && e.isDirectory()) {
      for (const s of await readdir(join(dir, e.name), { withFileTypes: true }).catch(() => [])) {
        found.push({ name: `${e.name}/${s.name}`, link: s.isSymbolicLink() });
      }
    } else found.push({ name: e.name, link: e.isSymbolicLink() });
  }
  return found;
}

/** Whether the graph writes a file the pushed commit's manifest of the package at `dir` names for importers. */
async function builtForImporters(
  worktree: string,
  dir: string,
  builds: (path: string) => boolean,
): Promise<boolean> {
  let manifest: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(await readFile(join(worktree, dir, 'package.json'), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
    manifest = parsed as Record<string, unknown>;
  } catch {
    return false;
  }
  const files: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') files.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(collect);
  };
  for (const field of ['main', 'module', 'types', 'typings', 'exports']) collect(manifest[field]);
  if (manifest.main === undefined && manifest.exports === undefined) files.push('index.js');
  return files.some((f) => {
    const path = posix.normalize(posix.join(dir, f.replace(/\*/g, 'x')));
    return !path.startsWith('../') && builds(path);
  });
}

/** The NUL-separated paths git prints; none when it fails (check-ignore exits 1 when none is ignored). */
async function gitPaths(cwd: string, args: string[], input?: string): Promise<string[]> {
  const r = await gitText(cwd, args, input === undefined ? {} : { input });
  return r.ok ? r.value.split('\0').filter(Boolean) : [];
}
