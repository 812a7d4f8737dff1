import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readSync,
  renameSync,
  type Stats,
  writeFileSync,
} from 'node:fs';
import * as crypto from 'node:crypto';
import { mkdir, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { JobKey } from '../ids/brands.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { isDiskFull, isLowOnSpace } from '../util/free-space.js';
import { randomHex } from '../util/random-hex.js';
import { openRegular } from '../util/read-own-file.js';
import { ownDirectoryTightened, renamableByOthers } from '../util/renamable-by-others.js';
import { removeTree } from '../util/remove-tree.js';
import type {
  ArchiveToAdopt,
  ArtifactToSave,
  Cache,
  CacheHit,
  RestoredElsewhere,
  RestoreFailure,
  SaveOutcome,
  VouchedHits,
} from './cache.js';
import type { AdoptRequest } from './adopt-archive.js';
import type { EntryMeta } from './entry-meta.js';
import { parseEntryMeta } from './entry-meta.js';
import { copyVerified, entryMeta, writeLog } from './entry-files.js';
import { buildManifest, sha256 } from './manifest.js';
import { copyTree } from './tree-copy.js';
import { RestoreQueue } from './restore-helper.js';
import { readLogShown } from './log-file.js';
import { removeDeadTemps } from './dead-temps.js';
import { inBackground } from '../util/background.js';
import { type KeptHit, LookupMemo, MEMO_MIN_KEYS } from './lookup-memo.js';
import { dirKey } from '../util/settled-stat.js';

export { isAlive, removeDeadTemps } from './dead-temps.js';

/** How precisely an entry's last use is recorded (its meta.json's mtime, which pruning orders by). */
const USE_RESOLUTION_MS = 60 * 60 * 1000;

/** How long a free-space reading is trusted before `newOutputDir` asks the file system again. */
const SPACE_CHECK_MS = 250;

/** The log of a job that printed nothing: most cached jobs' logs, and not decoded a thousand times over. */
const NO_LOG = Buffer.alloc(0);

/**
 * The `local` backend: one directory per artifact under `<dir>/v1/entries/<key[0..2]>/<key>/`.
 *
 * Deals with: atomic saves (the whole entry is built in `v1/tmp/` and renamed into place, so an entry either
 * exists complete or not at all), races between processes (the first rename wins, the loser discards its copy),
 * verified restores, damaged entries (moved aside once, with one warning, so the rebuilt artifact takes their
 * place), a full disk (saves stop with one warning; outputs are no longer handed out here), and leftovers of
 * killed processes. Does not deal with: size bounds (`pruneCache`) or deciding what to restore.
 */
export class LocalCache implements Cache {
  readonly #root: string;
  readonly #entries: string;
  readonly #tmp: string;
  readonly #onWarning: (message: string) => void;
  readonly #restores = new RestoreQueue();
  /** Set once the disk said it is full: saves are skipped for the rest of the run (one warning). */
  #full = false;
  /** Entries looked up that are another user's (see #readMeta), and whether the run was told. */
  readonly #foreign: JobKey[] = [];
  #foreignWarned = false;
  /** Asked once: a lookup compares a thousand meta.json owners with it, each a system call otherwise. */
  readonly #uid = process.geteuid?.();
  #spaceCheckedAt = -Infinity;
  #lowOnSpace = false;
  /** The memo of the last lookup of many keys (see lookup-memo.ts), for the uses it records until `close`. */
  #memo: LookupMemo | undefined;

  private constructor(root: string, onWarning: (message: string) => void) {
    this.#root = root;
    this.#entries = join(root, 'entries');
    this.#tmp = join(root, 'tmp');
    this.#onWarning = onWarning;
  }

  /** Opens (creating) the cache at `dir`, removing temp directories that dead processes left behind. */
  static async create(
    dir: string,
    opts: { onWarning?: (message: string) => void } = {},
  ): Promise<LocalCache> {
    const root = join(dir, 'v1');
    // Synchronous, as removeDeadTemps lists: see there.
    // Writable by this user only, whatever the umask, so that nobody else may rename what they hold.
    mkdirSync(join(root, 'entries'), { recursive: true, mode: 0o755 });
    mkdirSync(join(root, 'tmp'), { recursive: true, mode: 0o755 });
    // Entries are written, and dead temps removed, in these: never through a symbolic link, whose target is not
    // the cache's.
    for (const d of [root, join(root, 'entries'), join(root, 'tmp')])
      if (!lstatSync(d).isDirectory())
        throw new Error(`${d} is not a directory of its own (a symbolic link?)`);
    // The cache directory keeps a group's write bit (a team's setgid directory): its members are trusted.
    ownDirectoryTightened(dir, true);
    for (const d of [root, join(root, 'tmp'), join(root, 'entries')]) ownDirectoryTightened(d);
    const unsafe = renamableByOthers(dir, ['v1', 'v1/tmp', 'v1/entries']);
    if (unsafe !== undefined)
      throw new Error(`${unsafe}, who could put their own files in this user's builds`);
    await removeDeadTemps(join(root, 'tmp'));
    return new LocalCache(root, opts.onWarning ?? (() => undefined));
  }

  /**
   * Spelled out, not joined: a key is hex, and `join` normalizes what it builds (5 ms in a 1,000-key lookup). So are
   * the paths below an entry or a temp directory, whose names are fixed (13 ms of 1,000 archives committed).
   */
  #entry(key: JobKey): string {
    return `${this.#entries}/${key.slice(0, 2)}/${key}`;
  }

  #newTemp(): string {
    return `${this.#tmp}/${process.pid}-${randomHex(6)}`;
  }

  lookup(keys: readonly JobKey[]): Promise<Map<JobKey, CacheHit>> {
    const hits = new Map<JobKey, CacheHit>();
    const memo =
      keys.length >= MEMO_MIN_KEYS
        ? LookupMemo.open(join(this.#root, 'lookup-memo'), this.#entries)
        : undefined;
    if (memo) this.#memo = memo;
    // Synchronous on purpose: a thousand tiny reads in a loop beat a thousand thread-pool round trips,
    // and nothing else runs while a run looks its keys up.
    for (const key of keys) {
      const kept = memo?.kept(key);
      if (kept !== undefined) {
        hits.set(
          key,
          this.#hit(
            key,
            kept.durationMs,
            keptMeta(kept, key),
            kept.usedAtMs,
            kept.ino,
            () => kept.meta,
            memo!.shardKey(key),
          ),
        );
        memo!.found(key, kept);
        continue;
      }
      // Before its entries are read: a change after this shows in the shard's stat data (see lookup-memo.ts). No
      // shard, no entry: a fresh cache's thousand lookups cost no failed open (and no error made) each. An entry
      // another run saves into a new shard meanwhile is a miss here, as if saved just after this lookup: the
      // claim of its job looks again before building it.
      if (memo && memo.shardStat(key.slice(0, 2)) === undefined) continue;
      // meta.json opened straight away, without a stat of the entry first: a miss costs a failed open either way,
      // and the open's fstat gives what the hit needs (see #hit).
      const read = this.#readMeta(key);
      if (read.kind === 'damaged') this.#damaged(key, read.problem);
      if (read.kind === 'foreign') this.#foreign.push(key);
      if (read.kind !== 'text') continue;
      const meta = parseEntryMeta(read.bytes.toString('utf8'), key);
      if (!meta.ok) {
        this.#damaged(key, meta.error);
        continue;
      }
      const { durationMs } = meta.value;
      const ino = identity(read.stat);
      hits.set(
        key,
        this.#hit(
          key,
          durationMs,
          () => meta.value,
          read.stat.mtimeMs,
          ino,
          () => read.bytes.toString('latin1'),
        ),
      );
      if (memo) {
        const found = { meta: read.bytes.toString('latin1'), durationMs, usedAtMs: read.stat.mtimeMs, ino };
        memo.found(key, found);
      }
    }
    memo?.keep();
    if (this.#foreign.length > 0 && !this.#foreignWarned) {
      this.#foreignWarned = true;
      this.#onWarning(
        `${this.#foreign.length === 1 ? `cache entry ${this.#foreign[0]} is` : `${this.#foreign.length} cache entries (${this.#foreign[0]}, …) are`} ` +
          `another user's: not used, the jobs are built here`,
      );
    }
    return Promise.resolve(hits);
  }

  /**
   * An entry's meta.json, read without blocking and never through a link. `missing` when there is none to read (a
   * plain miss, as is one whose directory cannot be read); `damaged` when what stands there cannot be one (a FIFO, a
   * directory, a link) or anyone may write it; `foreign` when another user wrote it. Its digests are what a restore
   * checks the bytes against, so whoever can write it decides what is restored, in a cache directory others
   * share.
   */
  #readMeta(key: JobKey): MetaRead {
    const path = `${this.#entry(key)}/meta.json`;
    let fd: number;
    let st: Stats;
    try {
      ({ fd, stat: st } = openRegular(path));
    } catch (e) {
      // One that cannot even be seen (an unreadable directory) is a plain miss; a link is damage.
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || (code !== 'ELOOP' && !existsSync(path))) return { kind: 'missing' };
      return { kind: 'damaged', problem: (e as Error).message };
    }
    try {
      if (this.#uid !== undefined && st.uid !== this.#uid) return { kind: 'foreign' };
      // This user's, but anyone may have written it: moved aside and saved anew (with its mode).
      if ((st.mode & 0o002) !== 0) return { kind: 'damaged', problem: 'its meta.json is writable by anyone' };
      // Of the size fstat gave (a lookup reads a thousand of these): one read, no second fstat.
      const bytes = Buffer.allocUnsafe(st.size);
      let at = 0;
      for (let n = -1; at < st.size && n !== 0; at += n) n = readSync(fd, bytes, at, st.size - at, at);
      return { kind: 'text', bytes: bytes.subarray(0, at), stat: st };
    } catch (e) {
      return { kind: 'damaged', problem: (e as Error).message };
    } finally {
      closeSync(fd);
    }
  }

  async discard(key: JobKey): Promise<void> {
    await this.#quarantine(key);
  }

  /** A damaged entry is a miss: moved aside at once (so the rebuilt artifact can be saved), warned about once. */
  #damaged(key: JobKey, problem: string): void {
    this.#onWarning(`cache entry ${key} is damaged (${problem}); removed it, the job will be rebuilt`);
    inBackground(this.#quarantine(key));
  }

  /** `shard`: for a hit the lookup memo answered, its shard's stat data as the memo recorded them (see #since). */
  #hit(
    key: JobKey,
    durationMs: number,
    meta: () => EntryMeta,
    usedAtMs: number,
    ino: string,
    metaText: () => string,
    shard?: string,
  ): CacheHit {
    const entry = this.#entry(key);
    const log = async (name: 'stdout' | 'stderr'): Promise<Buffer> => {
      const inline = meta()[name];
      if (inline === '') return NO_LOG;
      if (inline !== undefined) return Buffer.from(inline, 'base64');
      const path = join(entry, name);
      let problem: string;
      let failure: Error;
      try {
        const { shown, whole } = await readLogShown(path);
        // Checked as a restore checks it: a log whose bytes changed on disk is damage, not what the job printed.
        // Only a log shown whole: one over 16 MiB is shown by its two ends, and hashing hundreds of megabytes to
        // show two would cost a report seconds (a restore checks it all the same).
        const want = meta().manifest?.[name === 'stdout' ? 'stdoutSha256' : 'stderrSha256'];
        if (want === undefined || !whole || sha256(shown) === want) return shown;
        problem = 'does not match the manifest';
        failure = new Error(`the ${name} of cache entry ${key} does not match its manifest`);
      } catch (e) {
        problem = `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
        failure = e as Error;
      }
      // Another run's entry now (it moved the looked-up one aside and saved its own): not this one's to judge.
      if (this.#since(key, ino, shard) !== undefined) throw failure;
      // Damage like any other (the file removed, made unreadable, changed): the entry goes, so that the next run
      // rebuilds the job and keeps its logs again, instead of every run finding them missing or wrong.
      const stuck = await this.#quarantine(key);
      const done = stuck === undefined ? 'removed it' : `could not remove it (${stuck})`;
      this.#onWarning(`cache entry ${key} is damaged (its ${name} ${problem}); ${done}`);
      throw failure;
    };
    // The mtime of the entry's meta.json is its last use, for least-recently-used pruning: set at most once per
    // run, and only when the last recorded use is older than USE_RESOLUTION_MS (like a file system's relatime),
    // so that a run over entries used within the hour does not pay one metadata write per hit.
    let touched = Date.now() - usedAtMs < USE_RESOLUTION_MS;
    const touch = (): void => {
      if (touched) return;
      touched = true;
      const now = new Date();
      inBackground(utimes(`${entry}/meta.json`, now, now));
      this.#memo?.touched(key, now.getTime());
      // The directory too: versions before this one prune by its mtime alone, and may share the directory.
      inBackground(utimes(entry, now, now));
    };
    return {
      key,
      durationMs,
      logs: async () => {
        touch();
        return { stdout: await log('stdout'), stderr: await log('stderr') };
      },
      restore: async (destDir) => {
        const restored = await this.#restore(key, meta(), destDir, ino, shard);
        if (restored.ok) touch();
        return restored;
      },
      used: touch,
      entries: () => meta().manifest?.entries,
      storedFile: (path) => join(entry, 'out', path),
      place: this.#restores.place,
      // By content, as this lookup read it (or its memo did): an entry saved again with another manifest is another.
      get artifact(): string {
        return digestOf(metaText());
      },
    };
  }

  /**
   * Restores and verifies straight into `destDir`, the caller's own scratch (nothing there is read before this
   * answers): no temp directory and no rename per restore. On failure `destDir` is removed again; the caller warns
   * (naming the job), so this only moves the entry aside.
   */
  async #restore(
    key: JobKey,
    meta: EntryMeta,
    destDir: string,
    ino: string,
    shard?: string,
  ): Promise<Result<void, RestoreFailure>> {
    const entry = this.#entry(key);
    let verified: Result<void, string>;
    try {
      this.#ensureDir(dirname(destDir));
      verified = await this.#copyInto(entry, key, meta, destDir);
    } catch (e) {
      await removeTree(destDir).catch(() => undefined);
      if (isDiskFull(e)) {
        return err({ reason: 'cache-unavailable', message: `cache entry ${key}: ${(e as Error).message}` });
      }
      // The destination's fault (a name too long, a directory this user may not write, a file in the way), not
      // the entry's: a sound entry is kept, and the caller told it was not restored.
      if (!(await canMake(destDir))) {
        return err({
          reason: 'missing',
          message: `cache entry ${key} could not be restored into ${destDir}: ${(e as Error).message}`,
        });
      }
      verified = err((e as Error).message);
    }
    if (!verified.ok) {
      await removeTree(destDir).catch(() => undefined);
      const since = this.#since(key, ino, shard);
      if (since !== undefined) {
        return err({ reason: 'corrupt', message: `cache entry ${key} was ${since} while it was restored` });
      }
      await this.#quarantine(key);
      return err({
        reason: 'corrupt',
        message: `cache entry ${key} is damaged (${verified.error}); removed it`,
      });
    }
    return ok(undefined);
  }

  /**
   * copyVerified into `destDir`, which the interface lets a caller hand over existing and empty (or left by a
   * restore that failed): whatever is there is removed once, and the restore tried again.
   */
  async #copyInto(
    entry: string,
    key: JobKey,
    meta: EntryMeta,
    destDir: string,
  ): Promise<Result<void, string>> {
    try {
      return await copyVerified(entry, key, meta, destDir, this.#restores.restore);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !existsSync(destDir)) throw e;
    }
    await removeTree(destDir);
    return copyVerified(entry, key, meta, destDir, this.#restores.restore);
  }

  /**
   * What became of the entry of `key` since it was looked up (`ino`, see identity), when it is no longer that
   * entry: `replaced` (another run moved it aside and saved its own, which is left be) or `removed` (a prune
   * took it). Damage found after a lookup is then not that entry's. `shard`: for a hit the lookup memo answered,
   * the stat data its shard had then. The identity the memo knew may be older than this run: a meta.json written
   * anew in place (by anything but a save, which never does) has another inode, and is still this entry while no
   * rename in its shard (a save, a removal) happened since, whose damage must be repaired rather than left for every
   * later run to find. A shard changed since may hold another run's save, which is left be.
   */
  #since(key: JobKey, ino: string, shard?: string): 'replaced' | 'removed by another process' | undefined {
    const entry = this.#entry(key);
    let meta: Stats | undefined;
    try {
      meta = lstatSync(`${entry}/meta.json`, { throwIfNoEntry: false });
    } catch {
      // Not to be looked at (EACCES, ENOTDIR): the directory says why.
    }
    if (meta !== undefined) {
      if (identity(meta) === ino) return undefined;
      let now: string | undefined;
      try {
        now = shard === undefined ? undefined : dirKey(lstatSync(dirname(entry), { throwIfNoEntry: false }));
      } catch {
        // Its shard unsearchable: vouches for nothing.
      }
      return now !== undefined && now === shard ? undefined : 'replaced';
    }
    // No meta.json to be seen: the entry gone, something else in its place, or this one damaged (its meta.json
    // removed, its directory made unsearchable).
    let dir: Stats | undefined;
    try {
      dir = lstatSync(entry, { throwIfNoEntry: false });
    } catch {
      // Its shard unsearchable: damage, still this entry's.
      return undefined;
    }
    if (dir === undefined) return 'removed by another process';
    return dir.isDirectory() ? undefined : 'replaced';
  }

  /**
   * Moves a bad entry out of the way atomically, so the next save can replace it. Answers why it could not (an
   * entry another user owns and left unreadable cannot be moved by this one), or undefined once it is gone.
   */
  async #quarantine(key: JobKey): Promise<string | undefined> {
    const entry = this.#entry(key);
    const temp = this.#newTemp();
    try {
      // Moving a directory to another parent needs write permission on it (its `..` changes).
      chmodSync(entry, 0o755);
    } catch {
      // Gone already, or not ours: the rename says which.
    }
    try {
      renameSync(entry, temp);
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : (e as Error).message;
    }
    await removeTree(temp).catch(() => undefined);
    return undefined;
  }

  /** Output directories handed to jobs inside `tmp/`, not yet committed as entries. */
  readonly #handedOut = new Set<string>();

  /**
   * A job that writes its outputs straight into a temp entry saves without copying or linking anything:
   * committing it is writing `meta.json` and one rename. Throws when the cache's disk is (nearly) full, so that
   * the job writes its outputs where the run keeps its own files instead.
   */
  newOutputDir(): string {
    if (this.#full || this.#isLowOnSpace()) throw new Error('the cache disk is low on space');
    const temp = this.#newTemp();
    const out = `${temp}/out`;
    try {
      mkdirSync(temp, 0o755);
    } catch {
      // tmp/ itself removed while running: one more call, only then.
      mkdirSync(temp, { recursive: true, mode: 0o755 });
    }
    mkdirSync(out, 0o755);
    this.#handedOut.add(out);
    return out;
  }

  /** As `newOutputDir`, the directories made on the thread pool: for restores, which run many at once. */
  async newRestoreDir(): Promise<string> {
    if (this.#full || this.#isLowOnSpace()) throw new Error('the cache disk is low on space');
    const temp = this.#newTemp();
    const out = `${temp}/out`;
    await mkdir(temp, 0o755).catch(() => mkdir(temp, { recursive: true, mode: 0o755 }));
    await mkdir(out, 0o755);
    this.#handedOut.add(out);
    return out;
  }

  #isLowOnSpace(): boolean {
    const now = performance.now();
    if (now - this.#spaceCheckedAt > SPACE_CHECK_MS) {
      this.#spaceCheckedAt = now;
      this.#lowOnSpace = isLowOnSpace(this.#root);
    }
    return this.#lowOnSpace;
  }

  async save(key: JobKey, artifact: ArtifactToSave): Promise<SaveOutcome> {
    const entry = this.#entry(key);
    if (existsSync(`${entry}/meta.json`)) return { saved: false, reason: 'exists' };
    const adopt = this.#handedOut.has(artifact.outputDir);
    if (this.#full && !adopt) return { saved: false, reason: 'cache-unavailable', message: 'disk full' };
    // Not taken over: the directory stays where dependents read it until `close` removes it.
    const dropTemp = (temp: string): Promise<void> =>
      adopt ? Promise.resolve() : removeTree(temp).catch(() => undefined);
    const temp = adopt ? dirname(artifact.outputDir) : this.#newTemp();
    try {
      if (!adopt) await copyTree(artifact.outputDir, `${temp}/out`, { link: true });
      // The manifest describes the copy, so it matches the stored bytes even if the job's directory changes now.
      // A tree taken over is sealed as it is hashed (see ArtifactToSave.seal).
      const seal = adopt && artifact.seal === true && !artifact.verifiedManifest;
      const manifest = artifact.verifiedManifest
        ? ok(artifact.verifiedManifest)
        : await buildManifest(`${temp}/out`, key, artifact.durationMs, artifact.stdout, artifact.stderr, {
            seal,
          });
      if (!manifest.ok) {
        await dropTemp(temp);
        return { saved: false, reason: 'unsafe-output', message: manifest.error };
      }
      const meta = { ...entryMeta(artifact), manifest: manifest.value };
      // Logs too big to live inline in meta.json get files of their own.
      if (meta.stdout === undefined) {
        meta.manifest.stdoutSha256 = await writeLog(
          join(temp, 'stdout'),
          artifact.stdout,
          artifact.stdoutFile,
        );
      }
      if (meta.stderr === undefined) {
        meta.manifest.stderrSha256 = await writeLog(
          join(temp, 'stderr'),
          artifact.stderr,
          artifact.stderrFile,
        );
      }
      // Synchronous: two small calls, cheaper in line than as thread-pool round trips (open, write, close, rename).
      // Its mode spelled out: under a umask of 000 (GitLab's Docker executor) anyone could write it, and it is refused.
      writeFileSync(`${temp}/meta.json`, JSON.stringify(meta), { mode: 0o644 });
      await this.#commit(key, temp);
      if (!adopt) return { saved: true, manifest: meta.manifest };
      this.#handedOut.delete(artifact.outputDir);
      return {
        saved: true,
        outputDir: `${entry}/out`,
        manifest: meta.manifest,
        ...(seal ? { sealed: true as const } : {}),
      };
    } catch (e) {
      await dropTemp(temp);
      if (e instanceof EntryInTheWay) {
        // Not in the cache, and not claimed to be: the build stands on its own, and later runs build it too.
        this.#onWarning(e.message);
        return { saved: false, reason: 'cache-unavailable', message: e.message };
      }
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') return { saved: false, reason: 'exists' };
      return this.#saveFailed(key, e as Error);
    }
  }

  /**
   * A remote hit's archive becomes an entry without passing through a job's directory: checked, written
   * read-only, given its meta.json and committed in one go on the restore thread (see adopt-archive.ts), while
   * this thread goes on receiving. When another process saved the key meanwhile, the complete tree stays where
   * it was built, in tmp/, until the run ends (as a tree handed out by `newRestoreDir` does).
   */
  async adoptArchive(
    key: JobKey,
    a: ArchiveToAdopt,
  ): Promise<Result<RestoredElsewhere, { reason: 'corrupt' | 'cache-unavailable'; message: string }>> {
    if (this.#full || this.#isLowOnSpace()) {
      return err({ reason: 'cache-unavailable', message: 'the cache disk is low on space' });
    }
    const entry = this.#entry(key);
    const temp = this.#newTemp();
    const out = `${temp}/out`;
    const meta = { ...entryMeta({ outputDir: out, ...a }), manifest: a.manifest };
    const logs: AdoptRequest['logs'] = [];
    if (meta.stdout === undefined) logs.push({ name: 'stdout', bytes: a.stdout });
    if (meta.stderr === undefined) logs.push({ name: 'stderr', bytes: a.stderr });
    // Removed at `close` unless committed, whatever happens to the thread meanwhile.
    this.#handedOut.add(out);
    const request: AdoptRequest = {
      archive: a.archive,
      ...(a.owned ? { owned: true as const } : {}),
      encoding: a.encoding,
      entries: a.manifest.entries,
      temp,
      entry,
      meta: JSON.stringify(meta),
      logs,
    };
    // Only the commit's own "something is in the way" means another process won: the same code thrown while the
    // tree was being built means it is incomplete (and not sealed).
    let built = false;
    try {
      const adopted = await this.#restores.adopt(request, a.release);
      if (!adopted.ok) {
        this.#handedOut.delete(out);
        await removeTree(temp).catch(() => undefined);
        return err({ reason: 'corrupt', message: adopted.mismatch });
      }
      built = true;
      if (!adopted.committed) await this.#commit(key, temp);
      this.#handedOut.delete(out);
      return ok({ dir: `${entry}/out`, sealed: true });
    } catch (e) {
      if (e instanceof EntryInTheWay) this.#onWarning(e.message);
      const code = (e as NodeJS.ErrnoException).code;
      // Saved by another process meanwhile (or in the way): this complete tree is read where it is.
      if (built && (e instanceof EntryInTheWay || code === 'ENOTEMPTY' || code === 'EEXIST'))
        return ok({ dir: out, sealed: true });
      this.#handedOut.delete(out);
      await removeTree(temp).catch(() => undefined);
      const failed = this.#saveFailed(key, e as Error);
      return err({ reason: 'cache-unavailable', message: failed.saved ? '' : (failed.message ?? '') });
    }
  }

  /**
   * The single commit point: before the rename, nothing is visible; after it, everything is. An entry already
   * in the way is another process's save (then this one is a no-op) or damage that lookups could not see (an
   * unreadable directory, no meta.json): that one is moved aside and the rename tried once more.
   */
  async #commit(key: JobKey, temp: string): Promise<void> {
    const entry = this.#entry(key);
    try {
      renameOrMakeParent(temp, entry);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || this.#isValidEntry(key)) throw e;
    }
    const stuck = await this.#quarantine(key);
    if (stuck !== undefined) throw new EntryInTheWay(key, stuck);
    this.#onWarning(`cache entry ${key} is damaged (its meta.json cannot be read); replaced it`);
    renameSync(temp, entry);
  }

  /** Whether the entry of `key` is one to keep: a valid one, or another user's, which is not this run's to replace. */
  #isValidEntry(key: JobKey): boolean {
    const read = this.#readMeta(key);
    return (
      read.kind === 'foreign' || (read.kind === 'text' && parseEntryMeta(read.bytes.toString('utf8'), key).ok)
    );
  }

  #saveFailed(key: JobKey, e: Error): SaveOutcome {
    if (isDiskFull(e)) {
      if (!this.#full) {
        this.#full = true;
        this.#onWarning(
          `the local cache's disk is full (${e.message}); nothing more is saved to it in this run`,
        );
      }
      return { saved: false, reason: 'cache-unavailable', message: e.message };
    }
    this.#onWarning(`could not save ${key} to the local cache: ${e.message}`);
    return { saved: false, reason: 'cache-unavailable', message: e.message };
  }

  vouchedHits(keys: readonly JobKey[]): VouchedHits | undefined {
    const vouched = keys.length >= MEMO_MIN_KEYS ? this.#memo?.vouched(keys) : undefined;
    if (vouched === undefined) return undefined;
    return {
      shards: [...vouched.shards].map(([shard, id]) => [`${this.#entries}/${shard}`, id]),
      memo: [join(this.#root, 'lookup-memo'), vouched.file],
      // Past this, a run must mark the oldest of them used again (see #hit's `touch`).
      freshUntilMs: vouched.oldestUseMs + USE_RESOLUTION_MS,
    };
  }

  expectRestores(count: number): void {
    this.#restores.expect(count);
  }

  /** Removes the handed-out directories that were never committed (failed jobs, outputs that were not saved). */
  async close(): Promise<void> {
    this.#memo?.flush();
    this.#restores.close();
    const left = [...this.#handedOut];
    this.#handedOut.clear();
    await Promise.all(left.map((out) => removeTree(dirname(out)).catch(() => undefined)));
  }

  readonly #dirs = new Set<string>();

  /**
   * Restore destinations' parents are created once per process, not probed on every restore (200 restores into
   * one directory, one `mkdir -p`); in place, so that a run restoring a few dependencies never starts the thread
   * pool for it (see removeDeadTemps). A failure is asked again next time.
   */
  #ensureDir(dir: string): void {
    if (this.#dirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.#dirs.add(dir);
  }
}

/**
 * Renames `from` to `to`, making `to`'s parent (an entry's shard directory) only when the rename says it is
 * missing: a cache's 256 shards soon all exist, and a save then costs no call to probe for its shard.
 */
function renameOrMakeParent(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dirname(to), { recursive: true, mode: 0o755 });
    renameSync(from, to);
  }
}

/** Whether a directory can be made at `dir` (then removed again): asked only after a restore failed. */
async function canMake(dir: string): Promise<boolean> {
  try {
    await mkdir(dir, { recursive: true });
  } catch {
    return false;
  }
  await removeTree(dir).catch(() => undefined);
  return true;
}

/** An unreadable entry this process can neither read nor move aside (another user's): skipped, never replaced. */
class EntryInTheWay extends Error {
  constructor(key: JobKey, why: string) {
    super(`cache entry ${key} cannot be read and cannot be replaced (${why}); the job's output is not saved`);
  }
}

/**
 * A kept hit's meta.json, decoded and parsed on first use. This code checked it when it was kept (the memo is
 * this code's alone: see lookup-memo.ts), so it parses as it did then.
 */
function keptMeta(kept: KeptHit, key: JobKey): () => EntryMeta {
  let meta: EntryMeta | undefined;
  return () => {
    if (meta !== undefined) return meta;
    const parsed = parseEntryMeta(Buffer.from(kept.meta, 'latin1').toString('utf8'), key);
    if (!parsed.ok) throw new Error(`cache entry ${key}: ${parsed.error}`);
    meta = parsed.value;
    return meta;
  };
}

/**
 * A name for a meta.json's bytes (one character per byte), which hold the entry's key and manifest: SHA-256 in one
 * call where Node has the one-shot hash (20.12 on), through a Hash object where it has not.
 */
function digestOf(latin1: string): string {
  // A namespace, not a named import: a Node without `hash` must load this module all the same.
  return typeof crypto.hash === 'function'
    ? crypto.hash('sha256', latin1, 'base64url')
    : crypto.createHash('sha256').update(latin1).digest('base64url');
}

/**
 * Which entry a meta.json belongs to (every save writes a new one): its inode, and its birth time, since a file
 * system gives a file removed a moment ago's inode to the next one made. Not its mtime or ctime, which this run's
 * own use of the entry changes.
 */
function identity(st: { ino: number; birthtimeMs: number }): string {
  return `${st.ino}:${st.birthtimeMs}`;
}

/** What an entry's meta.json holds, as #readMeta finds it. */
type MetaRead =
  | { kind: 'text'; bytes: Buffer; stat: Stats }
  | { kind: 'missing' }
  | { kind: 'damaged'; problem: string }
  | { kind: 'foreign' };
