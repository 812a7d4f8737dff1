import { spawn } from 'node:child_process';
import {
  closeSync,
  constants,
  copyFileSync,
  createReadStream,
  mkdirSync,
  openSync,
  readSync,
  rmSync,
  symlinkSync,
  writeSync,
} from 'node:fs';
import { join, posix } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';
import { linkLeavingTree } from '../manifest.js';

/**
 * Unpacks a cache archive (tar, zstd- or gzip-compressed, as `@actions/cache` writes it) into a new private
 * directory, refusing anything that could write elsewhere: members outside `root` (the one directory the
 * entry was saved from), absolute paths, `..`, anything below a symlink member, symlinks that leave the tree,
 * hard links to anything but an earlier regular member, devices and FIFOs. The archive is untrusted: any
 * writer of one entry in a scope the run reads may have made it. On refusal nothing is left at `into`.
 *
 * Does not deal with: downloading, or what the files mean (the manifest check is the caller's).
 */
export async function safeExtract(
  archive: string,
  root: string,
  into: string,
): Promise<Result<void, string>> {
  mkdirSync(into, { recursive: true, mode: 0o700 });
  const w = new TreeWriter(root.replace(/\/+$/, ''), into);
  const parser = new Parser({ strict: true, onReadEntry: (e) => w.entry(e) });
  const decompressed = await decompress(archive);
  const done = new Promise<void>((resolve, reject) => {
    parser.on('error', reject);
    parser.on('end', () => resolve());
    decompressed.stream.on('error', reject);
  });
  decompressed.stream.pipe(parser as unknown as NodeJS.WritableStream);
  const outcome = await done.then(
    async () =>
      (await decompressed.exited)
        ? (w.problem ?? w.linkProblem())
        : (w.problem ?? 'the archive could not be decompressed'),
    (e: unknown) => `the archive is not a valid tar (${(e as Error).message})`,
  );
  w.closeOpen();
  if (outcome === undefined) return ok(undefined);
  rmSync(into, { recursive: true, force: true });
  return err(outcome);
}

async function decompress(archive: string): Promise<{ stream: Readable; exited: Promise<boolean> }> {
  const magic = Buffer.alloc(4);
  const fd = openSync(archive, 'r');
  readSync(fd, magic, 0, 4, 0);
  closeSync(fd);
  if (magic.readUInt32LE(0) === 0xfd2fb528) {
    const child = spawn('zstd', ['-d', '-c', '-q', archive], { stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = new Promise<boolean>((r) => {
      child.on('error', () => r(false));
      child.on('close', (code) => r(code === 0));
    });
    return { stream: child.stdout, exited };
  }
  const file = createReadStream(archive);
  if (magic[0] === 0x1f && magic[1] === 0x8b)
    return { stream: file.pipe(createGunzip()), exited: Promise.resolve(true) };
  return { stream: file, exited: Promise.resolve(true) };
}

/** Writes checked members synchronously, in archive order, so no member can race an earlier one. */
class TreeWriter {
  problem: string | undefined;
  /** Symlink members, by path: their targets. */
  readonly #links = new Map<string, string>();
  readonly #files = new Set<string>();
  #open: number | undefined;

  constructor(
    readonly root: string,
    readonly into: string,
  ) {}

  /**
   * Once every member is in: a symlink that leaves the tree through others, each of which stays inside on its own
   * (`a -> .`, `b -> a/..`). No member is written through one (members below a link are refused), but the
   * restore reads the tree by its paths, and would read what such a chain leads to.
   */
  linkProblem(): string | undefined {
    const leaving = linkLeavingTree(
      [...this.#links].map(([path, target]) => ({ path, type: 'symlink' as const, target })),
    );
    return leaving === undefined
      ? undefined
      : `member ${JSON.stringify(leaving)} is a symlink leaving the entry`;
  }

  entry(e: ReadEntry): void {
    if (this.problem !== undefined) return void e.resume();
    try {
      this.problem = this.#write(e);
    } catch (x) {
      this.problem = `member ${JSON.stringify(e.path)} could not be written (${(x as Error).message})`;
    }
    if (this.problem !== undefined) {
      this.closeOpen();
      e.resume();
    }
  }

  closeOpen(): void {
    if (this.#open !== undefined) closeSync(this.#open);
    this.#open = undefined;
  }

  /** The member's path below root, or undefined for root itself and its ancestors (harmless directories). */
  #relative(path: string): string | null | undefined {
    const p = path.replace(/\/+$/, '');
    if (
      p.includes('\0') ||
      p.startsWith('/') ||
      p.split('/').some((c) => c === '..' || c === '.' || c === '')
    )
      return null;
    if (p === this.root || `${this.root}/`.startsWith(`${p}/`)) return undefined;
    return p.startsWith(`${this.root}/`) ? p.slice(this.root.length + 1) : null;
  }

  #write(e: ReadEntry): string | undefined {
    const rel = this.#relative(e.path);
    const bad = (why: string): string => `member ${JSON.stringify(e.path)} ${why}`;
    if (rel === null) return bad('is outside the entry');
    if (rel === undefined) {
      if (e.type !== 'Directory') return bad('is not a directory');
      e.resume();
      return undefined;
    }
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (this.#links.has(parts.slice(0, i).join('/'))) return bad('lies below a symlink');
    }
    const dest = join(this.into, rel);
    mkdirSync(join(this.into, ...parts.slice(0, -1)), { recursive: true, mode: 0o700 });
    switch (e.type) {
      case 'Directory':
        mkdirSync(dest, { recursive: true, mode: 0o755 });
        e.resume();
        return undefined;
      case 'File':
      case 'OldFile':
      case 'ContiguousFile': {
        // 'wx' fails on anything already there, including a symlink: a member never writes through one.
        const fd = openSync(dest, 'wx', e.mode !== undefined && e.mode & 0o100 ? 0o755 : 0o644);
        this.#open = fd;
        this.#files.add(rel);
        e.on('data', (c: Buffer) => {
          if (this.#open !== fd) return;
          // Thrown here, a failed write (a full disk) escaped the parser: the error went unhandled and the
          // extraction never ended.
          try {
            writeSync(fd, c);
          } catch (x) {
            this.problem ??= `member ${JSON.stringify(e.path)} could not be written (${(x as Error).message})`;
            this.closeOpen();
          }
        });
        e.on('end', () => {
          if (this.#open === fd) this.closeOpen();
        });
        return undefined;
      }
      case 'SymbolicLink': {
        const target = e.linkpath ?? '';
        const resolved = posix.normalize(posix.join(posix.dirname(rel), target));
        if (target === '' || target.startsWith('/') || resolved === '..' || resolved.startsWith('../'))
          return bad(`is a symlink leaving the entry (${JSON.stringify(target)})`);
        symlinkSync(target, dest);
        this.#links.set(rel, target);
        e.resume();
        return undefined;
      }
      case 'Link': {
        const target = this.#relative(e.linkpath ?? '');
        if (typeof target !== 'string' || !this.#files.has(target))
          return bad(
            `is a hard link to something other than an earlier file (${JSON.stringify(e.linkpath)})`,
          );
        copyFileSync(join(this.into, target), dest, constants.COPYFILE_EXCL);
        this.#files.add(rel);
        e.resume();
        return undefined;
      }
      default:
        return bad(`has a type the cache never writes (${e.type})`);
    }
  }
}
