import { execFile } from 'node:child_process';
import { lstat, mkdir, readdir, realpath, symlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Gives a worktree of a pushed commit the checkout's installed packages, as links: each `node_modules` the
 * checkout has beside a `package.json` (the root's, each workspace package's) becomes a directory of the same
 * name in the worktree, holding a link to each installed package and to `.bin`. An entry that leads back into
 * one of the checkout's own packages (npm, yarn and pnpm link workspace packages so: `node_modules/@fx/a ->
 * ../../packages/a`) leads to the worktree's copy instead when `builtHere` says the graph builds its outputs: a
 * package importing another of the workspace gets it as pushed, built in the worktree, never the checkout's
 * (absent, or built from another commit). One the graph does not build (its `dist/` made by `npm install`'s
 * `prepare`) stays the checkout's, as it was before these links.
 *
 * Other dot-entries (`.cache`, `.vite`, `.package-lock.json`) are left out: tools write there, and a job of the
 * hook must write in its worktree, never in the checkout. Only a `node_modules` git ignores there: one it does not
 * ignore would be untracked files, which a key reads. Best effort: what cannot be linked is left out, and the
 * build finds what it can, as before.
 */
export async function linkInstalledModules(
  checkout: string,
  worktree: string,
  builtHere: (dir: string) => boolean,
): Promise<void> {
  const root = await realpath(checkout).catch(() => checkout);
  const manifests = await gitLines(worktree, ['ls-files', '-z', '--', 'package.json', '*/package.json']);
  const candidates: string[] = [];
  for (const m of manifests) {
    const d = m.slice(0, -'package.json'.length);
    if (d.split('/').includes('node_modules')) continue;
    const st = await lstat(join(checkout, d, 'node_modules')).catch(() => undefined);
    if (st?.isDirectory() && !(await lstat(join(worktree, d, 'node_modules')).catch(() => undefined))) {
      candidates.push(`${d}node_modules/`);
    }
  }
  if (candidates.length === 0) return;
  const ignored = new Set(await gitLines(worktree, ['check-ignore', '-z', '--stdin'], candidates.join('\0')));
  const links: [from: string, to: string][] = [];
  for (const c of candidates) {
    if (!ignored.has(c) && !ignored.has(c.slice(0, -1))) continue;
    await listEntries(join(checkout, c), join(worktree, c), links).catch(() => undefined);
  }
  // A few thousand links in a large pnpm workspace: made side by side, not one after another.
  for (let i = 0; i < links.length; i += 64) {
    await Promise.all(
      links.slice(i, i + 64).map(async ([from, to]) => {
        const target = await linkTarget(from, root, worktree, builtHere);
        await symlink(target, to).catch(() => undefined);
      }),
    );
  }
}

/** Makes `to` (and a directory per scope) and lists the links to make in it, one per entry of `from`. */
async function listEntries(from: string, to: string, links: [string, string][]): Promise<void> {
  await mkdir(to);
  for (const e of await readdir(from, { withFileTypes: true })) {
    if (e.name.startsWith('.') && e.name !== '.bin') continue;
    if (e.name.startsWith('@') && e.isDirectory()) {
      await mkdir(join(to, e.name));
      for (const s of await readdir(join(from, e.name)))
        links.push([join(from, e.name, s), join(to, e.name, s)]);
    } else links.push([join(from, e.name), join(to, e.name)]);
  }
}

/** Where the worktree's link to the checkout's entry `from` leads (see linkInstalledModules). */
async function linkTarget(
  from: string,
  root: string,
  worktree: string,
  builtHere: (dir: string) => boolean,
): Promise<string> {
  const real = await realpath(from).catch(() => undefined);
  if (real === undefined) return from;
  const inside = relative(root, real);
  const parts = inside.split(sep);
  // A package of the workspace: inside the checkout, not installed (under no node_modules), not git's.
  const own = inside !== '' && parts[0] !== '..' && !parts.some((s) => s === 'node_modules' || s === '.git');
  return own && builtHere(parts.join('/')) ? join(worktree, inside) : from;
}

/** The NUL-separated lines git prints, whatever its exit code (check-ignore exits 1 when nothing is ignored). */
function gitLines(cwd: string, args: string[], input = ''): Promise<string[]> {
  return new Promise((resolve) => {
    const child = execFile('git', args, { cwd, maxBuffer: 1 << 28 }, (_e, stdout) =>
      resolve(typeof stdout === 'string' ? stdout.split('\0').filter(Boolean) : []),
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}
