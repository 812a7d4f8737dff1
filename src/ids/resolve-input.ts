/**
 * Where reading an input path leads: symbolic links followed one component at a time, as the kernel does, over any
 * view of a directory tree (the disk, or a commit's tree). The CLI and the pre-push hook resolve inputs with this
 * same walk, so they agree on every link: which file an input reads, and which inputs are errors.
 *
 * Inputs must stay inside the source directory: a link that leads above it, or an absolute link (whose meaning
 * depends on where the checkout sits, so a commit alone cannot say what it reads), is refused.
 */

/** What a view holds at a path whose parent directories are real (no links among them). */
export type EntryKind = 'file' | 'dir' | 'link' | 'other' | 'missing';

/** A directory tree, asked only about paths whose parents the walk has already resolved. */
export interface TreeView {
  kind(path: string): EntryKind;
  /** The text of the link at `path` (called only where `kind` said `link`). */
  linkText(path: string): string;
}

/** Links followed while resolving one path before giving up, as Linux's ELOOP limit. */
const MAX_LINKS = 40;

export type Resolution =
  /**
   * `real` is the file's path with no link in it; `linked` when a link was followed on the way; `directory` when
   * a link led to a directory (`real`): only a link of its own makes such a path an input (see ownLink).
   */
  | { ok: true; real: string; linked: boolean; directory?: true }
  /** `missing` when nothing is there and no link was followed: the plain "does not exist". */
  | { ok: false; problem: string; missing?: true };

/** Resolves `path` (relative, '/'-separated, normalised) to the file reading it yields, or says why it cannot. */
export function resolveInput(view: TreeView, path: string): Resolution {
  const pending = path.split('/').reverse();
  let real = '';
  let links = 0;
  let via: string | undefined; // the last link followed, for messages
  let finalKind: EntryKind = 'dir';
  while (pending.length > 0) {
    const c = pending.pop()!;
    if (c === '' || c === '.') continue;
    if (c === '..') {
      if (real === '') return outside(path, via);
      real = real.slice(0, Math.max(0, real.lastIndexOf('/')));
      finalKind = 'dir';
      continue;
    }
    const candidate = real === '' ? c : real + '/' + c;
    const kind = view.kind(candidate);
    if (kind === 'link') {
      if (++links > MAX_LINKS)
        return { ok: false, problem: `input ${path}: too many levels of symbolic links` };
      const text = view.linkText(candidate);
      via = `${candidate} -> ${text}`;
      if (text.startsWith('/')) {
        return {
          ok: false,
          problem: `input ${path} goes through the absolute symbolic link ${via}: links an input goes through must be relative and stay inside the source directory`,
        };
      }
      pending.push(...text.split('/').reverse());
      continue;
    }
    const last = pending.length === 0 || pending.every((p) => p === '' || p === '.');
    if (kind === 'missing' || (!last && kind !== 'dir')) {
      return via === undefined
        ? { ok: false, problem: `input file ${path} does not exist`, missing: true }
        : {
            ok: false,
            problem: `input ${path} is a dangling symbolic link (${via}: ${kind === 'missing' ? 'no such file' : 'not a directory'})`,
          };
    }
    // A link whose text ends in `/` (`a.txt/`) leads only to a directory, as the system resolves it: reading it
    // fails (ENOTDIR) where a file is.
    if (last && pending.length > 0 && kind !== 'dir') {
      return via === undefined
        ? { ok: false, problem: `input file ${path} does not exist`, missing: true }
        : { ok: false, problem: `input ${path} is a dangling symbolic link (${via}: not a directory)` };
    }
    real = candidate;
    finalKind = kind;
    if (last) break;
  }
  if (finalKind === 'file') return { ok: true, real, linked: via !== undefined };
  if (finalKind === 'dir' && via !== undefined) return { ok: true, real, linked: true, directory: true };
  if (finalKind === 'dir') return notALink(path);
  return { ok: false, problem: `input ${path} is not a regular file or a symbolic link` };
}

/**
 * The path of the link that `path` itself is (its last component, once its parent directories are resolved), or
 * undefined when it is not a link. Only worth asking when `resolveInput` said a link was followed.
 */
export function ownLink(view: TreeView, path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  let dir = '';
  if (slash >= 0) {
    const parent = resolveDir(view, path.slice(0, slash));
    if (parent === undefined) return undefined;
    dir = parent;
  }
  const candidate = (dir === '' ? '' : dir + '/') + path.slice(slash + 1);
  return view.kind(candidate) === 'link' ? candidate : undefined;
}

/** The path with no link in it of the directory `dir` leads to, or undefined when it leads to none. */
export function resolveDir(view: TreeView, dir: string): string | undefined {
  // A directory resolves as a file does, but must end at a directory: walk it with a marker file name and drop it.
  const probe: TreeView = {
    kind: (p) => (p.endsWith('/\0') || p === '\0' ? 'file' : view.kind(p)),
    linkText: (p) => view.linkText(p),
  };
  const r = resolveInput(probe, dir + '/\0');
  return r.ok ? r.real.slice(0, -2) : undefined;
}

/** The problem of a directory named as an input, which is not a link to one. */
export function notALink(path: string): { ok: false; problem: string } {
  return { ok: false, problem: `input ${path} is a directory; list its files` };
}

function outside(path: string, via: string | undefined): Resolution {
  return {
    ok: false,
    problem: `input ${path} resolves outside the source directory${via === undefined ? '' : ` (through ${via})`}`,
  };
}
