/**
 * The index entry's content — where every artifact lives, so lookups need no further calls — and the pure
 * functions that combine indexes. The service has no compare-and-swap and answers only "the newest entry for
 * a prefix", so indexes written side by side (concurrent runs, shards, a pull request and its base branch) are
 * merged by readers and writers alike with `mergeIndexes`, then bounded with `pruneIndex`. Both are pure: the
 * same inputs give the same index, in any order.
 *
 * Deals with: the in-memory shape, its compact serialization, merging, pruning, "does this index hold those
 * additions". Does not deal with: the service, files, time (callers pass `today`/`now`).
 */

/** Day numbers (days since the Unix epoch) are what the index stores for ages: coarse and small. */
export const dayOf = (ms: number): number => Math.floor(ms / 86_400_000);

/** Artifacts no run has found for this many days are dropped; so are tombstones of dead packs. */
export const MAX_IDLE_DAYS = 30;
/** How many merged index keys an index remembers (readers skip siblings an index already holds). */
const MAX_SOURCES = 64;

export interface IndexedArtifact {
  pack: string;
  durationMs: number;
  /** When this pointer was written (ms since the epoch): per key, the newest pointer wins a merge. */
  savedAt: number;
  /** The last day a run found this artifact (days since the epoch). */
  lastHit: number;
  stdout?: InlineLog;
  stderr?: InlineLog;
}

/** A log held in the index: brotli, base64. `tail`: only its end fits; the whole log is in the pack. */
export interface InlineLog {
  data: string;
  tail: boolean;
  bytes: number;
}

export interface PackInfo {
  bytes: number;
}

export interface NameRecord {
  ms: number;
  at: number;
  rec?: string;
}

export interface PackIndex {
  artifacts: Map<string, IndexedArtifact>;
  packs: Map<string, PackInfo>;
  /** Packs found gone (evicted), with the day they were found: their artifacts are never resurrected by a merge. */
  dead: Map<string, number>;
  /**
   * Last recorded duration per job name (`at`: ms since the epoch), for planners that weigh jobs; `rec`: the
   * key-records entry holding the key record of that build (for `explain` on a runner with no local records).
   */
  durations: Map<string, NameRecord>;
  /** Keys of the index entries merged into this one, oldest first, bounded. */
  sources: string[];
}

export function emptyIndex(): PackIndex {
  return { artifacts: new Map(), packs: new Map(), dead: new Map(), durations: new Map(), sources: [] };
}

export function isEmptyIndex(i: PackIndex): boolean {
  return i.artifacts.size === 0 && i.dead.size === 0 && i.durations.size === 0;
}

/**
 * The union of `indexes`. Per artifact key the newest pointer wins (ties: the larger pack key, so the result
 * does not depend on the order), with the latest `lastHit` of any; artifacts of packs any index knows dead are
 * dropped, and so are packs no artifact points at.
 */
export function mergeIndexes(...indexes: readonly PackIndex[]): PackIndex {
  const out = emptyIndex();
  for (const ix of indexes) {
    for (const [p, day] of ix.dead) out.dead.set(p, Math.min(day, out.dead.get(p) ?? day));
    for (const [p, info] of ix.packs)
      out.packs.set(p, { bytes: Math.max(info.bytes, out.packs.get(p)?.bytes ?? 0) });
    for (const [k, a] of ix.artifacts) {
      const b = out.artifacts.get(k);
      if (!b) {
        out.artifacts.set(k, a);
        continue;
      }
      const newer = a.savedAt > b.savedAt || (a.savedAt === b.savedAt && a.pack > b.pack) ? a : b;
      out.artifacts.set(k, { ...newer, lastHit: Math.max(a.lastHit, b.lastHit) });
    }
    for (const [n, d] of ix.durations) {
      const e = out.durations.get(n);
      if (!e || d.at > e.at) out.durations.set(n, d);
    }
    for (const s of ix.sources) if (!out.sources.includes(s)) out.sources.push(s);
  }
  out.sources = out.sources.slice(-MAX_SOURCES);
  return dropUnreachable(out);
}

/** Drops artifacts not found for MAX_IDLE_DAYS, old tombstones and durations, and packs nothing points at. */
export function pruneIndex(ix: PackIndex, today: number): PackIndex {
  const out = emptyIndex();
  const oldest = today - MAX_IDLE_DAYS;
  for (const [k, a] of ix.artifacts) {
    if (Math.max(a.lastHit, dayOf(a.savedAt)) >= oldest) out.artifacts.set(k, a);
  }
  for (const [p, day] of ix.dead) if (day >= oldest) out.dead.set(p, day);
  // A job's last duration outlives its artifacts (an edited job keeps its weight): kept three times as long.
  for (const [n, d] of ix.durations) if (dayOf(d.at) >= today - 3 * MAX_IDLE_DAYS) out.durations.set(n, d);
  out.packs = new Map(ix.packs);
  out.sources = [...ix.sources];
  return dropUnreachable(out);
}

function dropUnreachable(ix: PackIndex): PackIndex {
  for (const [k, a] of ix.artifacts) if (ix.dead.has(a.pack)) ix.artifacts.delete(k);
  const live = new Set([...ix.artifacts.values()].map((a) => a.pack));
  for (const p of ix.packs.keys()) if (!live.has(p)) ix.packs.delete(p);
  return ix;
}

/**
 * Whether `ix` holds everything `additions` says: each artifact (this pointer or a newer one, found at least as
 * recently) and each dead pack. A run checks this on the newest index after publishing its own.
 */
export function holdsAdditions(ix: PackIndex, additions: PackIndex): boolean {
  for (const [k, a] of additions.artifacts) {
    const b = ix.artifacts.get(k);
    if (!b || b.savedAt < a.savedAt || b.lastHit < a.lastHit) return false;
  }
  for (const p of additions.dead.keys()) if (!ix.dead.has(p)) return false;
  for (const [n, d] of additions.durations) if ((ix.durations.get(n)?.at ?? -1) < d.at) return false;
  return true;
}

/**
 * Serialized form, compact because an index is downloaded by every run: packs are listed once and artifacts
 * refer to them by position; an artifact is `[pack, durationMs, savedAt, lastHit, stdout?, stderr?]` with
 * logs as `"f:<base64>"` (whole) or `"t:<bytes>:<base64>"` (tail) and `0` for none. Key-records entries are
 * listed once too (`records`, optional) and a duration is `[ms, at, record?]` by position: readers that predate
 * them ignore both.
 */
interface IndexJson {
  version: 2;
  packs: [string, number][];
  dead: [string, number][];
  artifacts: Record<string, (string | number)[]>;
  durations: Record<string, [number, number] | [number, number, number]>;
  records?: string[];
  sources: string[];
}

export function serializeIndex(ix: PackIndex): string {
  const records = [...new Set([...ix.durations.values()].flatMap((d) => (d.rec ? [d.rec] : [])))].sort();
  const recIndex = new Map(records.map((r, i) => [r, i]));
  const recAt = (r: string): number => recIndex.get(r)!;
  const packs = [...ix.packs.keys()].sort();
  const at = new Map(packs.map((p, i) => [p, i]));
  const artifacts: IndexJson['artifacts'] = {};
  for (const [k, a] of [...ix.artifacts].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const row: (string | number)[] = [at.get(a.pack)!, a.durationMs, a.savedAt, a.lastHit];
    if (a.stdout || a.stderr) row.push(a.stdout ? logText(a.stdout) : 0);
    if (a.stderr) row.push(logText(a.stderr));
    artifacts[k] = row;
  }
  const json: IndexJson = {
    version: 2,
    packs: packs.map((p) => [p, ix.packs.get(p)!.bytes]),
    dead: [...ix.dead],
    artifacts,
    durations: Object.fromEntries(
      [...ix.durations].map(([n, d]) => [n, d.rec === undefined ? [d.ms, d.at] : [d.ms, d.at, recAt(d.rec)]]),
    ),
    ...(records.length > 0 ? { records } : {}),
    sources: ix.sources,
  };
  return JSON.stringify(json);
}

const logText = (l: InlineLog): string => (l.tail ? `t:${l.bytes}:${l.data}` : `f:${l.data}`);

function parseLog(v: unknown): InlineLog | undefined {
  if (typeof v !== 'string') return undefined;
  if (v.startsWith('f:')) return { data: v.slice(2), tail: false, bytes: -1 };
  const m = /^t:(\d+):(.*)$/s.exec(v);
  return m ? { data: m[2]!, tail: true, bytes: Number(m[1]) } : undefined;
}

/** Reads an index; undefined for anything that is not a well-formed version-2 index. */
export function parseIndex(text: string): PackIndex | undefined {
  try {
    const j = JSON.parse(text) as IndexJson;
    if (j.version !== 2 || !Array.isArray(j.packs) || typeof j.artifacts !== 'object') return undefined;
    const ix = emptyIndex();
    for (const [p, bytes] of j.packs) ix.packs.set(String(p), { bytes: Number(bytes) });
    for (const [p, day] of j.dead ?? []) ix.dead.set(String(p), Number(day));
    for (const [k, row] of Object.entries(j.artifacts)) {
      const pack = j.packs[Number(row[0])]?.[0];
      if (pack === undefined || !/^[0-9a-f]{40}$/.test(k)) return undefined;
      const stdout = parseLog(row[4]);
      const stderr = parseLog(row[5]);
      ix.artifacts.set(k, {
        pack,
        durationMs: Number(row[1]),
        savedAt: Number(row[2]),
        lastHit: Number(row[3]),
        ...(stdout ? { stdout } : {}),
        ...(stderr ? { stderr } : {}),
      });
    }
    for (const [n, d] of Object.entries(j.durations ?? {})) {
      const rec = d[2] === undefined ? undefined : j.records?.[d[2]];
      ix.durations.set(n, { ms: d[0], at: d[1], ...(typeof rec === 'string' ? { rec } : {}) });
    }
    ix.sources = (j.sources ?? []).map(String);
    return ix;
  } catch {
    return undefined;
  }
}
