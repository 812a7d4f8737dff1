import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';

/** A lock whose owner is alive is still broken after this long: taking over a coordinator takes well under it. */
const LIVE_OWNER_MAX_MS = 30_000;
const POLL_MS = 20;

/** Nonces of the locks this process holds right now (a lock with our pid and another nonce is a leftover). */
const heldHere = new Set<string>();

/**
 * A cross-process mutex for taking over the coordinator of a cache directory.
 *
 * The lock is a file that always names its owner (`<pid> <nonce>`): it is written under a unique name, then
 * hard-linked into place, so nobody ever sees it empty. Only a lock whose owner is dead (or that a live owner
 * has held far too long) is broken, and breaking is one rename to a name unique to the breaker: of several
 * processes that saw the same dead owner, exactly one moves that lock away. One that moved a fresh lock
 * instead (another breaker was faster and a new owner took it) sees a live owner in what it moved, and puts it
 * back. Age alone never breaks a lock, so a slow owner is not robbed of it.
 */
export async function withTakeoverLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const nonce = randomBytes(8).toString('hex');
  const me = `${process.pid} ${nonce}`;
  const mine = `${path}.${nonce}`;
  await writeFile(mine, me, { mode: 0o600 });
  try {
    for (;;) {
      try {
        await link(mine, path);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      if (await isStale(path)) await breakLock(path, nonce);
      else await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    await rm(mine, { force: true });
  }
  heldHere.add(nonce);
  try {
    return await fn();
  } finally {
    heldHere.delete(nonce);
    // Removed only while it is still ours: a lock that was broken meanwhile belongs to somebody else now.
    if ((await readFile(path, 'utf8').catch(() => undefined)) === me)
      await unlink(path).catch(() => undefined);
  }
}

async function isStale(path: string): Promise<boolean> {
  const [owner, st] = await Promise.all([
    readFile(path, 'utf8').catch(() => undefined),
    stat(path).catch(() => undefined),
  ]);
  // Gone meanwhile: not stale, just free; the next attempt takes it.
  if (owner === undefined || st === undefined) return false;
  return ownerIsGone(owner) || Date.now() - st.mtimeMs > LIVE_OWNER_MAX_MS;
}

function ownerIsGone(owner: string): boolean {
  const [pidText, nonce] = owner.trim().split(' ');
  const pid = Number(pidText);
  if (!Number.isSafeInteger(pid) || pid <= 0 || nonce === undefined) return true;
  if (pid === process.pid) return !heldHere.has(nonce);
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    // EPERM: alive, but another user's process.
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function breakLock(path: string, nonce: string): Promise<void> {
  const grave = `${path}.broken-${nonce}`;
  try {
    await rename(path, grave);
  } catch {
    return; // Released or broken by somebody else meanwhile.
  }
  if (!(await isStale(grave))) {
    // A live owner's lock, taken by mistake: give it back unless a new owner holds the name already.
    await link(grave, path).catch(() => undefined);
  }
  await rm(grave, { force: true });
}
