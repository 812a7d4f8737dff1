import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { JobKey } from '../ids/brands.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import type { ArtifactToSave, Cache, CacheHit, Manifest, RestoreFailure, SaveOutcome } from './cache.js';
import { buildManifest, sha256 } from './manifest.js';
import { restoreVerified } from './verified-restore.js';
import { renameReplacing } from '../util/rename-replacing.js';
import { copyTree } from './tree-copy.js';

/** Logs up to this size live inline in `meta.json`, so a lookup hit costs one small read, logs included. */
const INLINE_LOG_LIMIT = 16 * 1024;

/** The per-entry file that lookups read; the manifest lives in it, so a save writes one file besides the tree. */
interface EntryMeta {
  durationMs: number;
  stdout?: string;
  stderr?: string;
  /** Absent in entries written before the manifest moved in here: those have a `manifest.json`. */
  manifest?: Manifest;
}

/**
 * The `local` backend: one directory per artifact under `<dir>/v1/entries/<key[0..2]>/<key>/`.
 *
 * Deals with: atomic saves (the whole entry is built in `v1/tmp/` and renamed into place, so an entry either
 * exists complete or not at all), races between processes (the first rename wins, the loser discards its copy),
 * verified restores (a tampered entry is removed and answered as a miss), and leftovers of killed processes.
 * Does not deal with: size bounds (`pruneCache`) or deciding what to restore.
 */
export class LocalCache implements Cache {
  readonly #root: string;
  readonly #onWarning: (message: string) => void;

  private constructor(root: string, onWarning: (message: string) => void) {
    this.#root = root;
    this.#onWarning = onWarning;
  }

  /** Opens (creating) the cache at `dir`, removing temp directories that dead processes left behind. */
  static async create(
    dir: string,
    opts: { onWarning?: (message: string) => void } = {},
  ): Promise<LocalCache> {
    const root = join(dir, 'v1');
    await mkdir(join(root, 'entries'), { recursive: true });
    await mkdir(join(root, 'tmp'), { recursive: true });
    await removeDeadTemps(join(root, 'tmp'));
    return new LocalCache(root, opts.onWarning ?? (() => undefined));
  }

  #entry(key: JobKey): string {
    return join(this.#root, 'entries', key.slice(0, 2), key);
  }

  #newTemp(): string {
    return join(this.#root, 'tmp', `${process.pid}-${randomBytes(6).toString('hex')}`);
  }

  lookup(keys: readonly JobKey[]): Promise<Map<JobKey, CacheHit>> {
    const hits = new Map<JobKey, CacheHit>();
    // Synchronous on purpose: a thousand tiny reads in a loop beat a thousand thread-pool round trips,
    // and nothing else runs while a run looks its keys up.
    for (const key of keys) {
      const path = join(this.#entry(key), 'meta.json');
      // Asked first because a miss is the common case in a cold run, and a failed read costs an exception.
      if (!existsSync(path)) continue;
      try {
        const meta = JSON.parse(readFileSync(path, 'utf8')) as EntryMeta;
        hits.set(key, this.#hit(key, meta));
      } catch {
        // Gone meanwhile, or unreadable: a miss.
      }
    }
    return Promise.resolve(hits);
  }

  #hit(key: JobKey, meta: EntryMeta): CacheHit {
    const entry = this.#entry(key);
    const log = async (name: 'stdout' | 'stderr'): Promise<Buffer> => {
      const inline = meta[name];
      return inline !== undefined ? Buffer.from(inline, 'base64') : readFile(join(entry, name));
    };
    // The entry's mtime is its last use, for least-recently-used pruning: set once per run, however often used.
    let touched = false;
    const touch = (): void => {
      if (touched) return;
      touched = true;
      const now = new Date();
      void utimes(entry, now, now).catch(() => undefined);
    };
    return {
      key,
      durationMs: meta.durationMs,
      logs: async () => {
        touch();
        return { stdout: await log('stdout'), stderr: await log('stderr') };
      },
      restore: (destDir) => this.#restore(key, meta, destDir, log, touch),
      entries: () => meta.manifest?.entries,
    };
  }

  async #restore(
    key: JobKey,
    meta: EntryMeta,
    destDir: string,
    log: (name: 'stdout' | 'stderr') => Promise<Buffer>,
    touch: () => void,
  ): Promise<Result<void, RestoreFailure>> {
    const entry = this.#entry(key);
    const temp = `${destDir}.restore-${randomBytes(4).toString('hex')}`;
    try {
      const manifest =
        meta.manifest ?? (JSON.parse(await readFile(join(entry, 'manifest.json'), 'utf8')) as Manifest);
      await this.#ensureDir(dirname(destDir));
      // Copied and verified in one pass: every restored byte is one that was checked against the manifest.
      let verified = await restoreVerified(join(entry, 'out'), temp, manifest);
      const [stdout, stderr] = await Promise.all([log('stdout'), log('stderr')]);
      if (
        verified.ok &&
        (sha256(stdout) !== manifest.stdoutSha256 || sha256(stderr) !== manifest.stderrSha256)
      ) {
        verified = err('logs do not match the manifest');
      }
      if (!verified.ok) {
        await rm(temp, { recursive: true, force: true });
        await this.#quarantine(key);
        const message = `cache entry ${key} is corrupt (${verified.error}); removed it`;
        this.#onWarning(message);
        return err({ reason: 'corrupt', message });
      }
      await renameReplacing(temp, destDir);
      touch();
      return ok(undefined);
    } catch (e) {
      await rm(temp, { recursive: true, force: true }).catch(() => undefined);
      const message = `cache entry ${key} could not be restored: ${(e as Error).message}`;
      this.#onWarning(message);
      return err({ reason: 'missing', message });
    }
  }

  /** Moves a bad entry out of the way atomically, so the next save can replace it. */
  async #quarantine(key: JobKey): Promise<void> {
    const temp = this.#newTemp();
    try {
      await rename(this.#entry(key), temp);
    } catch {
      return;
    }
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }

  /** Output directories handed to jobs inside `tmp/`, not yet committed as entries. */
  readonly #handedOut = new Set<string>();

  /**
   * A job that writes its outputs straight into a temp entry saves without copying or linking anything:
   * committing it is writing `meta.json` and one rename.
   */
  newOutputDir(): string {
    const temp = this.#newTemp();
    const out = join(temp, 'out');
    try {
      mkdirSync(temp);
    } catch {
      // tmp/ itself removed while running: one more call, only then.
      mkdirSync(temp, { recursive: true });
    }
    mkdirSync(out);
    this.#handedOut.add(out);
    return out;
  }

  async save(key: JobKey, artifact: ArtifactToSave): Promise<SaveOutcome> {
    const entry = this.#entry(key);
    if (existsSync(join(entry, 'meta.json'))) return { saved: false, reason: 'exists' };
    const adopt = this.#handedOut.has(artifact.outputDir);
    // Not taken over: the directory stays where dependents read it until `close` removes it.
    const dropTemp = (temp: string): Promise<void> =>
      adopt ? Promise.resolve() : rm(temp, { recursive: true, force: true }).catch(() => undefined);
    const temp = adopt ? dirname(artifact.outputDir) : this.#newTemp();
    try {
      if (!adopt) await copyTree(artifact.outputDir, join(temp, 'out'), { link: true });
      // The manifest describes the copy, so it matches the stored bytes even if the job's directory changes now.
      const manifest = await buildManifest(
        join(temp, 'out'),
        key,
        artifact.durationMs,
        artifact.stdout,
        artifact.stderr,
      );
      if (!manifest.ok) {
        await dropTemp(temp);
        return { saved: false, reason: 'unsafe-output', message: manifest.error };
      }
      const meta = { ...entryMeta(artifact), manifest: manifest.value };
      // Logs too big to live inline in meta.json get files of their own.
      if (meta.stdout === undefined) await writeFile(join(temp, 'stdout'), artifact.stdout);
      if (meta.stderr === undefined) await writeFile(join(temp, 'stderr'), artifact.stderr);
      // Synchronous: two small calls, cheaper in line than as thread-pool round trips (open, write, close, rename).
      writeFileSync(join(temp, 'meta.json'), JSON.stringify(meta));
      await this.#ensureShard(dirname(entry));
      // The single commit point: before it, nothing is visible; after it, everything is.
      renameSync(temp, entry);
      if (!adopt) return { saved: true };
      this.#handedOut.delete(artifact.outputDir);
      return { saved: true, outputDir: join(entry, 'out') };
    } catch (e) {
      await dropTemp(temp);
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') return { saved: false, reason: 'exists' };
      this.#onWarning(`could not save ${key} to the local cache: ${(e as Error).message}`);
      return { saved: false, reason: 'cache-unavailable', message: (e as Error).message };
    }
  }

  /** Removes the handed-out directories that were never committed (failed jobs, outputs that were not saved). */
  async close(): Promise<void> {
    const left = [...this.#handedOut];
    this.#handedOut.clear();
    await Promise.all(
      left.map((out) => rm(dirname(out), { recursive: true, force: true }).catch(() => undefined)),
    );
  }

  readonly #shards = new Set<string>();
  readonly #dirs = new Set<string>();

  /** Restore destinations' parents are created once per process, not probed on every restore. */
  async #ensureDir(dir: string): Promise<void> {
    if (this.#dirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.#dirs.add(dir);
  }

  /** Each of the 256 shard directories is created once per process, not probed on every save. */
  async #ensureShard(dir: string): Promise<void> {
    if (this.#shards.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.#shards.add(dir);
  }
}

function entryMeta(a: ArtifactToSave): EntryMeta {
  const meta: EntryMeta = { durationMs: a.durationMs };
  if (a.stdout.length <= INLINE_LOG_LIMIT) meta.stdout = a.stdout.toString('base64');
  if (a.stderr.length <= INLINE_LOG_LIMIT) meta.stderr = a.stderr.toString('base64');
  return meta;
}

/** Temp directories are named `<pid>-<random>`: those whose process is gone are leftovers of a crash. */
export async function removeDeadTemps(tmpDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(tmpDir);
  } catch {
    return;
  }
  await Promise.all(
    names.map(async (name) => {
      const pid = Number(name.split('-')[0]);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) return;
      if (pid === process.pid) return;
      await rm(join(tmpDir, name), { recursive: true, force: true });
    }),
  );
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
