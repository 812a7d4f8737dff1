import { createHash } from 'node:crypto';
import { lstatSync, type Stats } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codeIdentity } from '../util/code-identity.js';
import { readOwnBytesIfAny } from '../util/read-own-file.js';
import { dirKey, settledMs, statKey } from '../util/settled-stat.js';
import { type WrittenFile, writeStateFile } from '../util/state-file.js';
import { lstatIfAny } from '../util/stat-if-any.js';

/**
 * Lookups of fewer keys (the one key of a job about to run, say) neither use the memo nor replace it: it holds
 * what a run's lookup of its whole graph found.
 */
export const MEMO_MIN_KEYS = 32;

/** An entry's meta.json longer than this is read from the entry each time: the memo stays small. */
const MEMO_MAX_META = 4096;

/** The most a memo holds: past it, the hits of a lookup are read from their entries (a string has a limit too). */
const MEMO_MAX_BYTES = 64 * 1024 * 1024;

/** What a hit's line holds beside its meta.json, at most: its key, last use, identity and duration (see memoText). */
const LINE_BYTES = 200;

const MAGIC = 'disbuild-lookup-memo';
/** Raised whenever what the memo holds, or how, changes. */
const FORMAT = 1;

/** What a lookup keeps of a hit: its meta.json's bytes, the last use it records, and which file it was. */
export interface KeptHit {
  /**
   * The bytes, one character per byte (latin1): a memo is read as one string, and each meta.json decoded as UTF-8
   * (and parsed) only when the run asks for more than the hit's duration.
   */
  meta: string;
  durationMs: number;
  usedAtMs: number;
  /** The meta.json's identity (see LocalCache's `identity`). */
  ino: string;
}

/**
 * What the last lookup of many keys found in the local cache, so that the next one does not open a thousand
 * meta.json files again: a fully cached run of 1,000 jobs spent a tenth of its main thread on those opens.
 *
 * Kept per shard directory (`entries/<key[0..2]>/`), with the shard's stat data: every save, removal and
 * replacement of an entry is a rename into or out of its shard, which moves the shard's mtime and ctime, and nobody
 * can set a ctime back. A kept hit is used only while its shard's stat data are those recorded, and they are recorded
 * only when taken before the shard's entries were read and settled by then (settled-stat.ts): a change in the same
 * tick of the clock as the reading would otherwise look like no change. An entry's own meta.json is only ever
 * written before its entry is renamed into place, so an unchanged shard holds the entries it held.
 *
 * Deals with: reading and writing the memo (a regular file of this user's that nobody else may write, with a
 * digest of its payload, so that a damaged or planted one is never believed), and the shards' stat data.
 * Does not deal with: checking an entry's meta.json when it is read (LocalCache does, as for any read).
 */
export class LookupMemo {
  readonly #file: string;
  readonly #entries: string;
  /** The shards' stat data the memo was written with, and its hits. */
  readonly #shards: Map<string, string>;
  readonly #kept: Map<string, KeptHit>;
  /** The shards' stat data taken in this lookup, before any of their entries was read (undefined: none there). */
  readonly #taken = new Map<string, Stats | undefined>();
  /** Each shard asked for: its stat data when they are those the memo recorded, else null. */
  readonly #unchanged = new Map<string, string | null>();
  readonly #takenAtMs = Date.now();
  /** What this lookup found, to be kept. */
  readonly #found = new Map<string, KeptHit>();
  /** The memo as this lookup wrote it (or found it, when unchanged), for `touched`. */
  #written: { shards: Map<string, string>; hits: Map<string, KeptHit> } | undefined;
  #touched = false;
  /** The file `#written` stands in: as read (its stat data, taken before), or as this lookup wrote it. */
  #source: { read: string | undefined } | { wrote: WrittenFile | undefined } | undefined;

  private constructor(
    file: string,
    entries: string,
    shards: Map<string, string>,
    kept: Map<string, KeptHit>,
  ) {
    this.#file = file;
    this.#entries = entries;
    this.#shards = shards;
    this.#kept = kept;
  }

  /** The memo at `file` for the entries under `entries`; empty when there is none to believe. */
  static open(file: string, entries: string): LookupMemo {
    // Before it is read: a memo put in its place after this is another memo, with other stat data.
    const before = lstatIfAny(file);
    const read = parseMemo(readOwnBytesIfAny(file));
    const memo = new LookupMemo(file, entries, read?.shards ?? new Map(), read?.hits ?? new Map());
    memo.#source = read === undefined ? undefined : { read: statKey(before) };
    return memo;
  }

  /** The hit kept for `key`, when its shard is as it was. */
  kept(key: string): KeptHit | undefined {
    const hit = this.#kept.get(key);
    if (hit === undefined) return undefined;
    const shard = key.slice(0, 2);
    let unchanged = this.#unchanged.get(shard);
    if (unchanged === undefined) {
      const recorded = this.#shards.get(shard);
      unchanged = recorded !== undefined && dirKey(this.shardStat(shard)) === recorded ? recorded : null;
      this.#unchanged.set(shard, unchanged);
    }
    return unchanged !== null ? hit : undefined;
  }

  /**
   * The stat data of `key`'s shard, taken once per lookup: before reading an entry from disk, so that a change
   * after it shows in them.
   */
  shardStat(shard: string): Stats | undefined {
    if (this.#taken.has(shard)) return this.#taken.get(shard);
    let st: Stats | undefined;
    try {
      st = lstatSync(`${this.#entries}/${shard}`, { throwIfNoEntry: false });
    } catch {
      // Unsearchable: nothing of it is kept.
    }
    this.#taken.set(shard, st);
    return st;
  }

  /** For a hit `kept` answered: its shard's stat data, as the memo recorded them and this lookup found them. */
  shardKey(key: string): string | undefined {
    return this.#unchanged.get(key.slice(0, 2)) ?? undefined;
  }

  /** A hit of this lookup: `kept`'s, or one read from its entry (after `shardStat` of its shard). */
  found(key: string, hit: KeptHit): void {
    this.#found.set(key, hit);
  }

  /**
   * Keeps what this lookup found for the next one: the hits whose shard's stat data had settled when taken, and
   * whose meta.json is small. And the memo's other hits, of keys this lookup did not ask for (a lookup of part of
   * the graph: `disbuild run <task>`, `disbuild explain <task>`), while their shard is as recorded or was not
   * looked at: before, such a lookup replaced the memo with its own hits, and the next full run read the rest
   * from their entries again. Nothing is written when the hits to keep are those the memo holds.
   */
  keep(): void {
    const shards = new Map<string, string>();
    const hits = new Map<string, KeptHit>();
    let bytes = 0;
    const add = (key: string, hit: KeptHit, shard: string, id: string): boolean => {
      bytes += hit.meta.length + LINE_BYTES;
      if (bytes > MEMO_MAX_BYTES) return false;
      shards.set(shard, id);
      hits.set(key, hit);
      return true;
    };
    let room = true;
    for (const [key, hit] of this.#found) {
      // One line per hit: a meta.json with a line break of its own (not as JSON.stringify writes it) is not kept.
      if (hit.meta.length > MEMO_MAX_META || hit.meta.includes('\n')) continue;
      const shard = key.slice(0, 2);
      const st = this.#taken.get(shard);
      const id = dirKey(st);
      if (st === undefined || id === undefined || !settledMs(st, this.#takenAtMs)) continue;
      if (!(room = add(key, hit, shard, id))) break;
    }
    for (const [key, hit] of room ? this.#kept : []) {
      if (this.#found.has(key)) continue;
      const shard = key.slice(0, 2);
      const recorded = this.#shards.get(shard);
      if (recorded === undefined) continue;
      // A shard this lookup looked at holds the entries it held only when its stat data are still the recorded ones.
      if (this.#taken.has(shard) && dirKey(this.#taken.get(shard)) !== recorded) continue;
      if (!add(key, hit, shard, recorded)) break;
    }
    // Every hit to keep taken from the memo, and no other there: it stays as it is. So it does when the only hits
    // read anew are in shards that changed a moment ago (a leaf's build saved one there), which are not kept.
    let unchanged = hits.size === this.#kept.size;
    for (const [key, hit] of hits) if (unchanged && this.#kept.get(key) !== hit) unchanged = false;
    if (unchanged) {
      this.#written = { shards: this.#shards, hits: this.#kept };
      return;
    }
    this.#written = { shards, hits };
    this.#source = { wrote: writeStateFile(this.#file, memoText(shards, hits)) };
  }

  /** A kept hit's entry was marked used now: the memo records it (see `flush`), or every run would mark it again. */
  touched(key: string, atMs: number): void {
    const hit = this.#written?.hits.get(key);
    if (hit === undefined) return;
    this.#written!.hits.set(key, { ...hit, usedAtMs: atMs });
    this.#touched = true;
  }

  /**
   * What vouches, after this lookup, that the hits of `keys` are still there: the stat data of their shards, as
   * recorded (settled) when the memo was written, and the oldest last use among them; undefined when the memo does
   * not keep one of them. A shard whose stat data are still these holds the entries it held (see above).
   */
  vouched(
    keys: Iterable<string>,
  ): { shards: Map<string, string>; oldestUseMs: number; file: string } | undefined {
    const file = this.#fileNow();
    if (this.#written === undefined || file === undefined) return undefined;
    const shards = new Map<string, string>();
    let oldestUseMs = Infinity;
    for (const key of keys) {
      const hit = this.#written.hits.get(key);
      const shard = key.slice(0, 2);
      const id = this.#written.shards.get(shard);
      if (hit === undefined || id === undefined) return undefined;
      shards.set(shard, id);
      oldestUseMs = Math.min(oldestUseMs, hit.usedAtMs);
    }
    return { shards, oldestUseMs, file };
  }

  /**
   * The stat data of the memo's file, when it is still the one this lookup read or wrote last (another run may
   * have replaced it since, without this lookup's hits); undefined otherwise.
   */
  #fileNow(): string | undefined {
    const now = lstatIfAny(this.#file);
    const source = this.#source;
    if (source === undefined || now === undefined) return undefined;
    if ('read' in source) return statKey(now) === source.read ? source.read : undefined;
    const w = source.wrote;
    return w !== undefined && now.dev === w.dev && now.ino === w.ino && now.size === w.size
      ? statKey(now)
      : undefined;
  }

  /** Writes the uses recorded by `touched`, with the shards' stat data as they were when the memo was written. */
  flush(): void {
    if (!this.#touched || this.#written === undefined) return;
    this.#touched = false;
    this.#source = { wrote: writeStateFile(this.#file, memoText(this.#written.shards, this.#written.hits)) };
  }
}

const NEWLINE = 0x0a;

/**
 * `<MAGIC> <FORMAT> <this code's identity> <sha256 of the rest>`, then a line per shard (`S <shard> <stat data>`)
 * and per hit (`H <key> <used at> <identity> <duration> <meta.json>`): none of those hold a space but the last,
 * nor a line break (see `keep`). The code's identity: a meta.json this code checked is one it reads back unchecked.
 */
function memoText(shards: Map<string, string>, hits: Map<string, KeptHit>): Buffer {
  let body = '';
  for (const [shard, id] of shards) body += `S ${shard} ${id}\n`;
  for (const [key, hit] of hits)
    body += `H ${key} ${hit.usedAtMs} ${hit.ino} ${hit.durationMs} ${hit.meta}\n`;
  const bytes = Buffer.from(body, 'latin1');
  return Buffer.concat([Buffer.from(`${header(bytes)}\n`), bytes]);
}

/** Read as one latin1 string (see KeptHit.meta), split with string operations: a native call per field cost more. */
function parseMemo(
  bytes: Buffer | undefined,
): { shards: Map<string, string>; hits: Map<string, KeptHit> } | undefined {
  if (bytes === undefined) return undefined;
  const head = bytes.indexOf(NEWLINE);
  if (head < 0 || bytes.toString('latin1', 0, head) !== header(bytes.subarray(head + 1))) return undefined;
  const text = bytes.toString('latin1', head + 1);
  const shards = new Map<string, string>();
  const hits = new Map<string, KeptHit>();
  for (let at = 0; at < text.length;) {
    const end = text.indexOf('\n', at);
    const a = text.indexOf(' ', at + 2);
    if (end < 0 || a < 0 || a > end) return undefined;
    if (text.startsWith('S ', at)) {
      shards.set(text.slice(at + 2, a), text.slice(a + 1, end));
    } else {
      const b = text.indexOf(' ', a + 1);
      const c = text.indexOf(' ', b + 1);
      const d = text.indexOf(' ', c + 1);
      if (!text.startsWith('H ', at) || b < 0 || c < 0 || d < 0 || d > end) return undefined;
      const usedAtMs = Number(text.slice(a + 1, b));
      const durationMs = Number(text.slice(c + 1, d));
      if (!Number.isFinite(usedAtMs) || !Number.isFinite(durationMs)) return undefined;
      hits.set(text.slice(at + 2, a), {
        usedAtMs,
        ino: text.slice(b + 1, c),
        durationMs,
        meta: text.slice(d + 1, end),
      });
    }
    at = end + 1;
  }
  return { shards, hits };
}

/** This code's identity, digested: asked once per process (see `header`). */
let code: string | undefined;

function header(body: Buffer): string {
  // Once per process: the memo is read and written by the code this process loaded.
  code ??= createHash('sha256')
    .update(codeIdentity(fileURLToPath(import.meta.url)))
    .digest('hex');
  return `${MAGIC} ${FORMAT} ${code} ${createHash('sha256').update(body).digest('hex')}`;
}
