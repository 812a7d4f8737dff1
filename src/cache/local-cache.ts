import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { cp, mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { JobKey } from '../ids/brands.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import type { ArtifactToSave, Cache, CacheHit, Manifest, RestoreFailure, SaveOutcome } from './cache.js';
import { buildManifest, sha256, verifyTree } from './manifest.js';

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

  async lookup(keys: readonly JobKey[]): Promise<Map<JobKey, CacheHit>> {
    const hits = new Map<JobKey, CacheHit>();
    await Promise.all(
      keys.map(async (key) => {
        try {
          const meta = JSON.parse(await readFile(join(this.#entry(key), 'meta.json'), 'utf8')) as {
            durationMs: number;
          };
          hits.set(key, this.#hit(key, meta.durationMs));
        } catch {
          // No entry (or an unreadable one): a miss.
        }
      }),
    );
    return hits;
  }

  #hit(key: JobKey, durationMs: number): CacheHit {
    const entry = this.#entry(key);
    return {
      key,
      durationMs,
      logs: async () => {
        const now = new Date();
        // The entry's mtime is its last use, for least-recently-used pruning.
        void utimes(entry, now, now).catch(() => undefined);
        const [stdout, stderr] = await Promise.all([
          readFile(join(entry, 'stdout')),
          readFile(join(entry, 'stderr')),
        ]);
        return { stdout, stderr };
      },
      restore: (destDir) => this.#restore(key, destDir),
    };
  }

  async #restore(key: JobKey, destDir: string): Promise<Result<void, RestoreFailure>> {
    const entry = this.#entry(key);
    const temp = `${destDir}.restore-${randomBytes(4).toString('hex')}`;
    try {
      const manifest = JSON.parse(await readFile(join(entry, 'manifest.json'), 'utf8')) as Manifest;
      await mkdir(dirname(destDir), { recursive: true });
      await cp(join(entry, 'out'), temp, {
        recursive: true,
        verbatimSymlinks: true,
        mode: constants.COPYFILE_FICLONE,
      });
      const [stdout, stderr] = await Promise.all([
        readFile(join(entry, 'stdout')),
        readFile(join(entry, 'stderr')),
      ]);
      let verified = await verifyTree(temp, manifest);
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
      await rm(destDir, { recursive: true, force: true });
      await rename(temp, destDir);
      const now = new Date();
      await utimes(entry, now, now).catch(() => undefined);
      return ok(undefined);
    } catch (e) {
      await rm(temp, { recursive: true, force: true });
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
    await rm(temp, { recursive: true, force: true });
  }

  async save(key: JobKey, artifact: ArtifactToSave): Promise<SaveOutcome> {
    const entry = this.#entry(key);
    if (await exists(join(entry, 'meta.json'))) return { saved: false, reason: 'exists' };
    const temp = this.#newTemp();
    try {
      await cp(artifact.outputDir, join(temp, 'out'), {
        recursive: true,
        verbatimSymlinks: true,
        mode: constants.COPYFILE_FICLONE,
      });
      // The manifest describes the copy, so it matches the stored bytes even if the job's directory changes now.
      const manifest = await buildManifest(
        join(temp, 'out'),
        key,
        artifact.durationMs,
        artifact.stdout,
        artifact.stderr,
      );
      if (!manifest.ok) {
        await rm(temp, { recursive: true, force: true });
        return { saved: false, reason: 'unsafe-output', message: manifest.error };
      }
      await Promise.all([
        writeFile(join(temp, 'stdout'), artifact.stdout),
        writeFile(join(temp, 'stderr'), artifact.stderr),
        writeFile(join(temp, 'manifest.json'), JSON.stringify(manifest.value)),
        writeFile(join(temp, 'meta.json'), JSON.stringify({ durationMs: artifact.durationMs })),
      ]);
      await mkdir(dirname(entry), { recursive: true });
      // The single commit point: before it, nothing is visible; after it, everything is.
      await rename(temp, entry);
      return { saved: true };
    } catch (e) {
      await rm(temp, { recursive: true, force: true });
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') return { saved: false, reason: 'exists' };
      this.#onWarning(`could not save ${key} to the local cache: ${(e as Error).message}`);
      return { saved: false, reason: 'cache-unavailable', message: (e as Error).message };
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
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
