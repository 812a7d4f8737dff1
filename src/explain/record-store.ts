import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { ownDirectory } from '../util/own-directory.js';
import { type KeyRecord, parseKeyRecord } from './key-record.js';

/** How long a built job's record may wait in memory before it is appended (what a SIGKILL can lose). */
const APPEND_DELAY_MS = 100;

/** A journal is rewritten (compacted) once it is this much larger than its last compaction left it. */
const COMPACT_SLACK_BYTES = 4 * 1024 * 1024;

/**
 * Lines a compaction keeps of each name: its last record and those before it, so that a dependent built before
 * the dependency's last builds can still be explained against the record of the key it saw (see explain.ts).
 */
const KEPT_PER_NAME = 4;

/** At most this much of the journal survives a compaction: the records of the names built most recently. */
const KEPT_BYTES = 16 * 1024 * 1024;

/** The first line of a compacted journal: how long the journal was then. */
const HEADER = '{"compacted":';

/**
 * The last key records of each job name, kept in one journal, `<cache-dir>/explain-v2/records.jsonl`: one line
 * per build, `<name as JSON>\t<record as JSON>`, the last whole line of a name being its record. Advisory only: a
 * missing or unreadable record is "never built", never an error; a line that is not a whole record is skipped.
 *
 * Writes: a built job's record is appended within APPEND_DELAY_MS (and at `flush`), the records of that interval
 * in one write of whole lines to the journal opened for appending: no file and no rename per job, and a run
 * killed mid-way keeps the records of every job it finished, but for its last APPEND_DELAY_MS. Concurrent runs'
 * appends land whole, one after the other; a line that does not parse (a write cut short by a full disk) is
 * skipped, and each batch starts on a new line (empty lines are skipped too), so that records appended after a
 * cut line are not lost with it.
 *
 * Reads: the journal as it was when this process first wrote or read it, through a descriptor opened then — a run
 * explains its jobs against the records before it, not against its own, and a compaction by another process
 * meanwhile does not change what it reads. A name's record is parsed only when asked for.
 *
 * Compaction: `flush(true)` (the end of a run) rewrites the journal with each name's last KEPT_PER_NAME lines, of
 * the names built most recently up to KEPT_BYTES, once it has grown COMPACT_SLACK_BYTES past what the last
 * compaction left (a temp file renamed over it). A record another
 * run appends between that rewrite's read and its rename is lost: the cost is an explanation against an older
 * record, or "never built", for that job.
 */
export class KeyRecordStore {
  readonly #dir: string;
  readonly #path: string;
  /** The journal as first seen: its descriptor and length (-1 when there was none). */
  #snapshot: { fd: number; size: number } | undefined;
  /** Job name → its lines (unparsed, oldest first), read from the snapshot on the first `read`. */
  #index: Map<string, string[]> | undefined;
  #pending: string[] = [];
  #timer: NodeJS.Timeout | undefined;
  #made = false;

  constructor(cacheDir: string) {
    this.#dir = join(cacheDir, 'explain-v2');
    this.#path = join(this.#dir, 'records.jsonl');
  }

  /** The last whole record of `name`. */
  read(name: string): KeyRecord | undefined {
    return this.#find(name, () => true);
  }

  /** The last whole record of `name` whose key is `key`. */
  readWithKey(name: string, key: string): KeyRecord | undefined {
    return this.#find(name, (r) => r.key === key);
  }

  #find(name: string, wanted: (r: KeyRecord) => boolean): KeyRecord | undefined {
    const lines = this.#lines().get(name) ?? [];
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i]!;
      let r: KeyRecord | undefined;
      try {
        r = parseKeyRecord(name, JSON.parse(line.slice(line.indexOf('\t') + 1)));
      } catch {
        // Not a record: the one before it is asked.
      }
      if (r && wanted(r)) return r;
    }
    return undefined;
  }

  /** Queues `record` for appending; it reaches the journal within APPEND_DELAY_MS, or at `flush`. */
  write(record: KeyRecord): void {
    this.#open();
    this.#pending.push(`${JSON.stringify(record.name)}\t${JSON.stringify(record)}\n`);
    // Unref'd: a run that ends without `flush` is not kept alive for it (it loses that interval's records).
    this.#timer ??= setTimeout(() => this.#append(), APPEND_DELAY_MS).unref();
  }

  /**
   * Appends what is queued. With `end` (the run is over), also rewrites an overgrown journal (see above) and lets
   * go of the snapshot: records not read by then read as missing.
   */
  flush(end = false): void {
    this.#append();
    if (!end) return;
    if (this.#made) this.#compactIfOvergrown();
    if (this.#snapshot !== undefined && this.#snapshot.fd >= 0) {
      closeSync(this.#snapshot.fd);
      this.#snapshot = { fd: -1, size: 0 };
    }
  }

  #open(): { fd: number; size: number } {
    if (this.#snapshot === undefined) {
      this.#snapshot = { fd: -1, size: 0 };
      try {
        const fd = openOwn(this.#path, constants.O_RDONLY | constants.O_NONBLOCK);
        if (fd !== undefined) this.#snapshot = { fd, size: fstatSync(fd).size };
      } catch {
        // None: every record reads as missing.
      }
    }
    return this.#snapshot;
  }

  #lines(): Map<string, string[]> {
    if (this.#index !== undefined) return this.#index;
    const { fd, size } = this.#open();
    this.#index = new Map();
    if (fd < 0 || size === 0) return this.#index;
    let text: string;
    try {
      text = readAll(fd, size);
    } catch {
      return this.#index;
    }
    indexLines(text, this.#index);
    return this.#index;
  }

  #append(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending.length === 0) return;
    // Each batch starts a line of its own: after a line cut short (a run killed mid-write, a short write on a full
    // disk) it would otherwise continue that line, and its first record would be lost with it.
    const text = `\n${this.#pending.join('')}`;
    this.#pending = [];
    let fd: number | undefined;
    try {
      if (!this.#made) mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
      this.#made = true;
      // Opened per batch, not held: a journal compacted by another process meanwhile is appended to, not its
      // replaced predecessor.
      fd = openOwn(this.#path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT);
      if (fd !== undefined) writeSync(fd, text);
    } catch {
      // A record that cannot be written costs a later explanation its detail, nothing else; a full disk keeps
      // no empty journal either.
      try {
        if (fd !== undefined && fstatSync(fd).size === 0) unlinkSync(this.#path);
      } catch {
        // Gone already.
      }
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  #compactIfOvergrown(): void {
    let fd: number | undefined;
    let temp: string | undefined;
    try {
      fd = openOwn(this.#path, constants.O_RDONLY | constants.O_NONBLOCK);
      if (fd === undefined) return;
      const size = fstatSync(fd).size;
      if (size <= compactedSize(fd) + COMPACT_SLACK_BYTES) return;
      const last = new Map<string, string[]>();
      indexLines(readAll(fd, size), last);
      // The names built most recently, within KEPT_BYTES: names no graph has any more (renamed jobs, other
      // repositories sharing the cache) go first, instead of growing the journal every explanation reads.
      const kept: string[] = [];
      let bytes = 0;
      for (const lines of [...last.values()].reverse()) {
        const text = lines
          .slice(-KEPT_PER_NAME)
          .map((l) => `${l}\n`)
          .join('');
        bytes += Buffer.byteLength(text);
        if (bytes > KEPT_BYTES) break;
        kept.push(text);
      }
      const body = kept.reverse().join('');
      const header = `${HEADER}${Buffer.byteLength(body)}}\n`;
      temp = `${this.#path}.${process.pid}-${randomBytes(4).toString('hex')}`;
      writeFileSync(temp, header + body, { mode: 0o600, flag: 'wx' });
      renameSync(temp, this.#path);
      temp = undefined;
    } catch {
      // Left as it is: a larger journal, nothing worse.
    } finally {
      if (fd !== undefined) closeSync(fd);
      if (temp !== undefined) rmSync(temp, { force: true });
    }
  }
}

/**
 * The journal opened with `flags`, never through a link, when it is a regular file of this user that no one else
 * may write; else undefined (closed again). Its records make what `explain` says, and a shared cache directory
 * may hold another user's file, or a link to any file, in its place: neither is read nor appended to.
 */
function openOwn(path: string, flags: number): number | undefined {
  // Nor through a directory that is a link, or another user's.
  const dir = ownDirectory(dirname(path));
  if (dir === undefined) return undefined;
  const uid = process.getuid?.();
  // This user's, and others may write it: made by an earlier version under a umask of 002 (the default of many
  // systems). Made private, rather than passed over for good.
  if ((dir.mode & 0o077) !== 0) chmodSync(dirname(path), 0o700);
  const fd = openSync(path, flags | constants.O_NOFOLLOW, 0o600);
  const st = fstatSync(fd);
  // One name only: a hard link to another of this user's files would have it rewritten and made private.
  if (st.isFile() && st.nlink === 1 && (uid === undefined || st.uid === uid)) {
    if ((st.mode & 0o077) !== 0) fchmodSync(fd, 0o600);
    return fd;
  }
  closeSync(fd);
  return undefined;
}

function readAll(fd: number, size: number): string {
  const buf = Buffer.allocUnsafe(size);
  let got = 0;
  while (got < size) {
    const n = readSync(fd, buf, got, size - got, got);
    if (n === 0) break;
    got += n;
  }
  return buf.toString('utf8', 0, got);
}

/** Adds every record line of `text` to `into` (name → its lines, in order). Other lines are skipped. */
function indexLines(text: string, into: Map<string, string[]>): void {
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    // A last line without its newline was cut short (a full disk, a crash mid-write): not a record.
    if (end < 0) break;
    const line = text.slice(at, end);
    at = end + 1;
    const tab = line.indexOf('\t');
    // A record is a JSON object: a line that does not end like one was cut short, and must not hide its name's
    // previous record.
    if (tab <= 0 || line.charCodeAt(line.length - 1) !== 0x7d) continue;
    try {
      const name: unknown = JSON.parse(line.slice(0, tab));
      if (typeof name !== 'string') continue;
      const lines = into.get(name);
      if (lines === undefined) into.set(name, [line]);
      else {
        // Moved last: the map's order is that of the names' latest lines (see compaction).
        into.delete(name);
        lines.push(line);
        into.set(name, lines);
      }
    } catch {
      // Not a record line.
    }
  }
}

/** The length the journal had after its last compaction (its header says), 0 when never compacted. */
function compactedSize(fd: number): number {
  const buf = Buffer.alloc(64);
  const n = readSync(fd, buf, 0, buf.length, 0);
  const head = buf.toString('utf8', 0, n);
  if (!head.startsWith(HEADER)) return 0;
  const size = Number.parseInt(head.slice(HEADER.length), 10);
  return Number.isFinite(size) ? size : 0;
}
