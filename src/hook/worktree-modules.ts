import { lstat, mkdir, readFile, readdir, realpath, symlink } from 'node:fs/promises';
import { dirname, join, posix, relative, sep } from 'node:path';
import { gitText } from '../ids/git-command.js';

/**
 * Points a worktree of a pushed commit at its own copies of the workspace packages the commit builds: for each
 * link a `node_modules` of the checkout holds to one of the checkout's own packages (npm, yarn and pnpm link
 * workspace packages so: `node_modules/@fx/a -> ../../packages/a`), the worktree gets the same link to its own
 * copy, when `builds` says the graph writes one of the files that package's manifest names for importers (`main`,
 * `types`, `exports`...). A package importing another then gets it as pushed and built in the worktree, never the
 * checkout's (absent, or built from another commit). Nothing else is linked: every other package is found, as
 * before, in the checkout's `node_modules` above the worktree (which lies under `.git/`). A package whose files
 * the graph does not build (its `dist/` made by `npm install`'s `prepare`), or that has packages in a
 * `node_modules` of its own (which its worktree copy lacks), stays the checkout's.
 *
 * Only into a `node_modules` git ignores there: one it does not ignore would hold untracked files, which a key
 * reads. Best effort: what cannot be linked is left out, and the build finds what it can, as before.
 */
export async function linkWorkspacePackages(
  checkout: string,
  worktree: string,
  builds: (path: string) => boolean,
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
  const decided = new Map<string, Promise<boolean>>();
  for (const c of candidates) {
    if (!ignored.has(c) && !ignored.has(c.slice(0, -1))) continue;
    for (const name of await linkNames(join(checkout, c))) {
      const real = await realpath(join(checkout, c, name)).catch(() => undefined);
      if (real === undefined) continue;
      const pkg = relative(root, real);
      const parts = pkg.split(sep);
      // A package of the workspace: inside the checkout, not installed (under no node_modules), not git's.
      if (pkg === '' || parts[0] === '..' || parts.some((s) => s === 'node_modules' || s === '.git'))
        continue;
      const dir = parts.join('/');
      if (!decided.has(dir)) {
        decided.set(
          dir,
          // A package with packages of its own (npm nests a conflicting version; pnpm's layout) finds them only
          // from the checkout's copy: it stays the checkout's.
          installsOwn(join(checkout, dir)).then((own) => !own && builtForImporters(worktree, dir, builds)),
        );
      }
      if (!(await decided.get(dir))) continue;
      const to = join(worktree, c, name);
      await mkdir(dirname(to), { recursive: true }).catch(() => undefined);
      await symlink(join(worktree, pkg), to).catch(() => undefined);
    }
  }
}

/** Whether the package at `dir` has packages in a `node_modules` of its own (not only `.cache` or `.bin`). */
async function installsOwn(dir: string): Promise<boolean> {
  const names = await readdir(join(dir, 'node_modules')).catch(() => [] as string[]);
  return names.some((n) => !n.startsWith('.'));
}

/** The names (`a`, `@fx/a`) of the links among a `node_modules` directory's entries. */
async function linkNames(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (e.isSymbolicLink()) names.push(e.name);
    else if (e.name.startsWith('@') && e.isDirectory()) {
      for (const s of await readdir(join(dir, e.name), { withFileTypes: true }).catch(() => [])) {
        if (s.isSymbolicLink()) names.push(`${e.name}/${s.name}`);
      }
    }
  }
  return names;
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
