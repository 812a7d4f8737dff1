import { execFile } from 'node:child_process';
import { lstat, mkdir, readdir, realpath, symlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Gives a worktree of a pushed commit the checkout's installed packages, as links: each `node_modules` the
 * checkout has beside a `package.json` (the root's, each workspace package's) becomes a directory of the same
 * name in the worktree, holding a link to each of its entries. An entry that leads back into the checkout's own
 * packages (npm, yarn and pnpm link workspace packages so: `node_modules/@fx/a -> ../../packages/a`) leads to the
 * worktree's copy instead: a package importing another of the workspace gets it as pushed, built in the
 * worktree, never the checkout's (absent, or built from another commit).
 *
 * Only a `node_modules` git ignores there: one it does not ignore would be untracked files, which a key reads.
 * Best effort: what cannot be linked is left out, and the build finds what it can, as before.
 */
export async function linkInstalledModules(checkout: string, worktree: string): Promise<void> {
  const root = await realpath(checkout).catch(() => checkout);
  const manifests = await gitLines(worktree, ['ls-files', '-z', '--', 'package.json', '*/package.json']);
  const dirs = manifests.map((p) => p.slice(0, -'package.json'.length));
  const candidates: string[] = [];
  for (const d of dirs) {
    if (d.split('/').includes('node_modules')) continue;
    const st = await lstat(join(checkout, d, 'node_modules')).catch(() => undefined);
    if (st?.isDirectory() && !(await lstat(join(worktree, d, 'node_modules')).catch(() => undefined))) {
      candidates.push(`${d}node_modules/`);
    }
  }
  if (candidates.length === 0) return;
  const ignored = new Set(await gitLines(worktree, ['check-ignore', '-z', '--stdin'], candidates.join('\0')));
  for (const c of candidates) {
    if (!ignored.has(c) && !ignored.has(c.slice(0, -1))) continue;
    await linkDirectory(join(checkout, c), join(worktree, c), root, worktree).catch(() => undefined);
  }
}

/** `from`'s entries as links in a new directory `to`; a scope (`@fx`) one level deeper. */
async function linkDirectory(from: string, to: string, root: string, worktree: string): Promise<void> {
  await mkdir(to);
  for (const e of await readdir(from, { withFileTypes: true })) {
    if (e.name.startsWith('@') && e.isDirectory()) {
      await mkdir(join(to, e.name));
      for (const s of await readdir(join(from, e.name))) {
        await linkEntry(join(from, e.name, s), join(to, e.name, s), root, worktree);
      }
    } else await linkEntry(join(from, e.name), join(to, e.name), root, worktree);
  }
}

async function linkEntry(from: string, to: string, root: string, worktree: string): Promise<void> {
  const real = await realpath(from).catch(() => undefined);
  const inside = real === undefined ? undefined : relative(root, real);
  // A workspace package: inside the checkout, not installed (under no node_modules), not git's.
  const own =
    inside !== undefined &&
    inside !== '' &&
    !inside.startsWith(`..${sep}`) &&
    inside !== '..' &&
    !inside.split(sep).some((s) => s === 'node_modules' || s === '.git');
  await symlink(own ? join(worktree, inside) : from, to).catch(() => undefined);
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
