/**
 * Work nobody waits for, which must still be done before the process ends: clean-ups of scratch directories, a
 * damaged cache entry moved aside, an entry's last use recorded. The CLI ends its process as soon as a command is
 * over (see cli/main.ts), so such work is registered here and awaited first. Failures are the work's own concern:
 * it is registered with its errors already handled.
 */
const pending = new Set<Promise<unknown>>();

export function inBackground(work: Promise<unknown>): void {
  const settled: Promise<unknown> = work.catch(() => undefined).finally(() => pending.delete(settled));
  pending.add(settled);
}

/** Resolves once everything registered, including what that work registered in turn, is done. */
export async function backgroundDone(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}
