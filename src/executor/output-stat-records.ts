import { randomBytes } from 'node:crypto';
import { type BigIntStats, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * How long before its stat data is taken a file must have last changed for the stat data to vouch for its content.
 * A write lands in the same timestamp as the one before it when both fall in one tick of the file system's clock
 * (a few milliseconds; a second or two where timestamps are coarse: FAT, ext3, HFS+): a file changed in the tick
 * its stat data was taken may change again, keeping its size and times. Past this margin, any later write moves
 * its ctime.
 */
const SETTLED_MS = 3000;

/** Records beyond this many are dropped when the run did not look at them (files of long-gone packages). */
const MAX_RECORDS = 200_000;

const VERSION = 1;

/** dev, ino, size, mode, mtime ns, ctime ns (decimal strings), SHA-256 hex. */
type Row = [string, string, string, string, string, string, string];

/**
 * The SHA-256 of in-place output files, by path, with the stat data they had when hashed: what git's index is to
 * its work tree, so that a fully cached run checks `dist/` by `lstat` instead of reading and hashing every byte.
 *
 * A record answers only for a file whose device, inode, size, mode, mtime and ctime (nanoseconds) are all what
 * they were, and only when it was made from stat data taken at least SETTLED_MS after the file last changed, so
 * that no write after it can leave the same stat data behind (what git calls "racily clean" is never recorded).
 * The stat data is always taken before the bytes are read: a write in between makes a record that never matches.
 * One file per source directory, read once, written once at the end of a run that made new records (written
 * beside and renamed over: concurrent runs each leave a whole file, and every record checks itself).
 */
export class OutputStatRecords {
  readonly #file: string | undefined;
  #rows: Map<string, Row> | undefined;
  readonly #used = new Set<string>();
  #changed = false;

  /** Without a file, nothing is remembered and every file is hashed. */
  constructor(file: string | undefined) {
    this.#file = file;
  }

  #load(): Map<string, Row> {
    if (this.#rows) return this.#rows;
    this.#rows = new Map();
    if (this.#file === undefined) return this.#rows;
    try {
      const data = JSON.parse(readFileSync(this.#file, 'utf8')) as { version?: unknown; files?: unknown };
      if (data.version === VERSION && typeof data.files === 'object' && data.files !== null) {
        for (const [path, row] of Object.entries(data.files as Record<string, unknown>)) {
          if (Array.isArray(row) && row.length === 7 && row.every((x) => typeof x === 'string')) {
            this.#rows.set(path, row as Row);
          }
        }
      }
    } catch {
      // None yet, or unreadable: every file is hashed once more, and recorded.
    }
    return this.#rows;
  }

  /** The recorded SHA-256 of the file at `path` when `st` (its lstat, bigint) is exactly what was recorded. */
  digestOf(path: string, st: BigIntStats): string | undefined {
    if (this.#file === undefined) return undefined;
    const row = this.#load().get(path);
    if (row === undefined) return undefined;
    this.#used.add(path);
    const now = statRow(st, row[6]);
    for (let i = 0; i < 6; i++) if (row[i] !== now[i]) return undefined;
    return row[6];
  }

  /**
   * Remembers that the file at `path`, with stat data `st` taken at `statTakenAtMs` (before its bytes were
   * read), hashes to `sha256`; ignored when the file had changed too shortly before.
   */
  record(path: string, st: BigIntStats, sha256: string, statTakenAtMs: number): void {
    if (this.#file === undefined) return;
    const settledBefore = BigInt(Math.floor(statTakenAtMs - SETTLED_MS)) * 1_000_000n;
    if (st.ctimeNs >= settledBefore || st.mtimeNs >= settledBefore) return;
    const rows = this.#load();
    const row = statRow(st, sha256);
    const old = rows.get(path);
    this.#used.add(path);
    if (old !== undefined && old.every((x, i) => x === row[i])) return;
    rows.set(path, row);
    this.#changed = true;
  }

  /** Writes the records when this run made new ones; never fails a run. */
  flush(): void {
    if (this.#file === undefined || !this.#changed || !this.#rows) return;
    this.#changed = false;
    const files: Record<string, Row> = {};
    const keepAll = this.#rows.size <= MAX_RECORDS;
    for (const [path, row] of this.#rows) if (keepAll || this.#used.has(path)) files[path] = row;
    const temp = `${this.#file}.${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      mkdirSync(dirname(this.#file), { recursive: true });
      writeFileSync(temp, JSON.stringify({ version: VERSION, files }));
      renameSync(temp, this.#file);
    } catch {
      rmSync(temp, { force: true });
    }
  }
}

function statRow(st: BigIntStats, sha256: string): Row {
  return [
    String(st.dev),
    String(st.ino),
    String(st.size),
    String(st.mode),
    String(st.mtimeNs),
    String(st.ctimeNs),
    sha256,
  ];
}
