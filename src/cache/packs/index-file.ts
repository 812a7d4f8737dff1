/** The index entry's content: where every artifact lives, so lookups need no further calls. */
export interface PackIndex {
  version: 1;
  artifacts: Record<string, IndexedArtifact>;
  /** Pack key → its size in bytes and how many artifacts it holds. */
  packs: Record<string, { bytes: number; count: number }>;
}

export interface IndexedArtifact {
  pack: string;
  durationMs: number;
  /** Base64 logs when small; otherwise they are in the pack. */
  stdout?: string;
  stderr?: string;
}

export function emptyIndex(): PackIndex {
  return { version: 1, artifacts: {}, packs: {} };
}

/** Reads an index, answering an empty one for anything unreadable (a broken index is a miss, never an error). */
export function parseIndex(text: string): PackIndex {
  try {
    const v = JSON.parse(text) as PackIndex;
    if (v.version === 1 && typeof v.artifacts === 'object' && typeof v.packs === 'object') return v;
  } catch {
    // Fall through.
  }
  return emptyIndex();
}
