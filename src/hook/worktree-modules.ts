import { type Dirent, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { gitText } from '../ids/git-command.js';
import { realPathIfAny } from '../util/real-path.js';

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
 * found above it, as it is, unless the checkout is not above the worktree: a linked worktree's (the hook's
 * worktrees are under the main checkout's `.git/`), or the directory `disbuild.sourceDir` names below the root
 * (the worktree builds its copy of that directory). Then, and for a package's own `node_modules` (pnpm's layout,
 * npm's nested installs), which is never found so: the
 * worktree gets one of its own, with a link to each entry of the checkout's: `.bin` (a directory of links, so
 * that a command a build adds stays in the worktree) and the packages; never the other dot-entries (`.cache`), nor
 * an entry an output glob may match in, which the build makes in the worktree. Every package's: a job may run a
 * script of any other (`node ../../tools/gen.js`).
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
  const root = realPathIfAny(checkout) ?? checkout;
  const topAbove = realPathIfAny(worktree)?.startsWith(`${root}${sep}`) === true;
  const manifests = await gitPaths(worktree, ['ls-files', '-z', '--', 'package.json', '*/package.json']);
  const candidates: string[] = [];
  for (const m of manifests) {
    const d = m.slice(0, -'package.json'.length);
    if (d.split('/').includes('node_modules')) continue;
    let st;
    try {
      st = lstatSync(join(checkout, d, 'node_modules'), { throwIfNoEntry: false });
    } catch {
      // A file where the commit has a directory (ENOTDIR), an unreadable one: nothing installed there to give.
      continue;
    }
    if (st?.isDirectory()) candidates.push(`${d}node_modules/`);
  }
  if (candidates.length === 0) return;
  const ignored = new Set(await gitPaths(worktree, ['check-ignore', '-z', '--stdin'], candidates.join('\0')));
  const given = candidates.filter((c) => ignored.has(c) || ignored.has(c.slice(0, -1)));
  // The packages whose own node_modules the worktree can be given whole (see above), by directory: not one an
  // output glob starts in (`node_modules/gen-*/out.txt`), whose entries the build may write.
  const whole = new Set(
    given
      .filter((c) => c !== 'node_modules/' && !outputs.bases.some((b) => `${b}/`.startsWith(c)))
      .map((c) => c.slice(0, -'/node_modules/'.length)),
  );
  const decided = new Map<string, boolean>();
  const ownCopy = (dir: string): boolean => {
    let d = decided.get(dir);
    if (d === undefined) {
      // A package with packages of its own that the worktree is not given finds them only from the checkout's copy.
      d =
        (whole.has(dir) || !installsOwn(join(checkout, dir))) &&
        builtForImporters(worktree, dir, outputs.matches);
      decided.set(dir, d);
    }
    return d;
  };
  // Synchronous: nothing else runs meanwhile, and thousands of links through the thread pool cost seconds.
  const made = new Set<string>();
  const madeDir = (dir: string): boolean => {
    try {
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      return true;
    } catch {
      return false;
    }
  };
  const linkAt = (path: string, target: string): void => {
    try {
      if (madeDir(dirname(path))) symlinkSync(target, path);
    } catch {
      // Left out: the build finds what it can.
    }
  };
  /** The worktree's copy of the workspace package a link at `at` leads to, when the worktree is to use it. */
  const worktreeCopy = (at: string): string | undefined => {
    const real = realPathIfAny(join(checkout, at));
    const pkg = real === undefined ? undefined : relative(root, real);
    const parts = pkg?.split(sep) ?? [];
    // A package of the workspace: inside the checkout, not installed (under no node_modules), not git's.
    if (!pkg || parts[0] === '..' || parts.some((s) => s === 'node_modules' || s === '.git'))
      return undefined;
    return ownCopy(parts.join('/')) ? join(worktree, pkg) : undefined;
  };
  for (const c of given) {
    const top = c === 'node_modules/' && topAbove;
    for (const { name, link } of moduleEntries(join(checkout, c))) {
      const at = `${c}${name}`;
      const copy = link ? worktreeCopy(at) : undefined;
      if (copy !== undefined) {
        linkAt(join(worktree, at), copy);
        continue;
      }
      // The top one is found above the worktree, as it is; what the build may write is left to it.
      if (top || (name.startsWith('.') && name !== '.bin') || holdsOutputs(at, c, outputs.bases)) continue;
      if (name !== '.bin') {
        linkAt(join(worktree, at), join(checkout, at));
        continue;
      }
      // A directory of its own, so that a build adding a command adds it in the worktree.
      if (!madeDir(join(worktree, at))) continue;
      for (const bin of entriesOf(join(checkout, at))) {
        linkAt(join(worktree, at, bin.name), join(checkout, at, bin.name));
      }
    }
  }
}

function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * Whether an output glob may match inside the entry at `path` of the node_modules directory `dir`: it starts at
 * the entry or inside it, or in `dir` or a scope of it above the entry (`node_modules/gen-*\/out.txt`).
 */
function holdsOutputs(path: string, dir: string, bases: readonly string[]): boolean {
  return bases.some(
    (b) => b === path || b.startsWith(`${path}/`) || (path.startsWith(`${b}/`) && `${b}/`.startsWith(dir)),
  );
}

/** Whether the package at `dir` has packages in a `node_modules` of its own (not only `.cache` or `.bin`). */
function installsOwn(dir: string): boolean {
  return entriesOf(join(dir, 'node_modules')).some((e) => !e.name.startsWith('.'));
}

/** The entries (`a`, `@fx/a`, `.bin`) of a `node_modules` directory, the scopes' read through, and which are links. */
function moduleEntries(dir: string): { name: string; link: boolean }[] {
  const found: { name: string; link: boolean }[] = [];
  for (const e of entriesOf(dir)) {
    if (e.name.startsWith('@') && e.isDirectory()) {
      for (const s of entriesOf(join(dir, e.name))) {
        found.push({ name: `${e.name}/${s.name}`, link: s.isSymbolicLink() });
      }
    } else found.push({ name: e.name, link: e.isSymbolicLink() });
  }
  return found;
}

/** Whether the graph writes a file the pushed commit's manifest of the package at `dir` names for importers. */
function builtForImporters(worktree: string, dir: string, builds: (path: string) => boolean): boolean {
  let manifest: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(worktree, dir, 'package.json'), 'utf8'));
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
