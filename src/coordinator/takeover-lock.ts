import { createHash, randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';

/** A lock whose owner is alive is still broken after this long: taking over a coordinator takes well under it. */
const LIVE_OWNER_MAX_MS = 30_000;
const POLL_MS = 20;

/** Nonces of the locks this process holds right now (a lock with our pid and another nonce is a leftover). */
const heldHere = new Set<string>();

/** Resolved whenever a lock of this process is released, so that its other waiters need not poll for it. */
let released = signal();

function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((r) => (fire = r));
  return { promise, fire };
}

const pause = (): Promise<unknown> =>
  Promise.race([new Promise((r) => setTimeout(r, POLL_MS)), released.promise]);

/**
 * A cross-process mutex for taking over the coordinator of a cache directory.
 *
 * The lock is a file that always names its owner (`<pid> <nonce>`): it is written under a unique name, then
 * hard-linked into place, so nobody ever sees it empty. Only a lock whose owner is dead (or that a live owner
 * has held far too long) is broken. Age alone never breaks a lock, so a slow owner is not robbed of it.
 *
 * Breaking is where two processes used to both win: each saw the same dead owner, one removed that lock and
 * took a new one, and the other then removed the new one. Here a lock instance (known by its content, unique
 * per acquisition) can be broken once: the breaker first creates `<lock>.breaking-<instance>` exclusively, and
 * removes the lock only if it still is that instance. Whoever comes later cannot create the marker, or, once
 * the marker is gone, finds another instance under the name and leaves it alone.
 *
 * The file operations are synchronous (a few small files): through the thread pool each waited behind the run's
 * other work there. Only the wait for a live owner is asynchronous.
 */
export async function withTakeoverLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const nonce = randomBytes(8).toString('hex');
  const me = `${process.pid} ${nonce}`;
  // Counted as held from before it appears under the name: our own lock is never mistaken for a leftover.
  heldHere.add(nonce);
  try {
    while (!createComplete(path, me)) {
      const stale = staleContent(path);
      if (stale !== undefined) await breakLock(path, stale);
      else await pause();
    }
    try {
      return await fn();
    } finally {
      // Removed only while it is still ours: a lock that was broken meanwhile belongs to somebody else now.
      if (readOrUndefined(path) === me) unlinkQuietly(path);
      const s = released;
      released = signal();
      s.fire();
    }
  } finally {
    heldHere.delete(nonce);
  }
}

/** Creates `path` with `content` unless it exists; nobody ever sees it empty or half-written. */
function createComplete(path: string, content: string): boolean {
  const temp = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  writeFileSync(temp, content, { mode: 0o600 });
  try {
    linkSync(temp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return false;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** The lock's content when it may be broken; undefined while it is held (or gone, so free). */
function staleContent(path: string): string | undefined {
  const owner = readOrUndefined(path);
  if (owner === undefined) return undefined;
  let st;
  try {
    st = statSync(path);
  } catch {
    return undefined;
  }
  return ownerIsGone(owner) || Date.now() - st.mtimeMs > LIVE_OWNER_MAX_MS ? owner : undefined;
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

async function breakLock(path: string, stale: string): Promise<void> {
  // A turn of the event loop first: a lock that cannot be broken (a file this process may not remove) must not
  // hold this thread in a loop of synchronous calls that nothing, not even a signal, interrupts.
  await new Promise((resolve) => setImmediate(resolve));
  const marker = `${path}.breaking-${createHash('sha1').update(stale).digest('hex').slice(0, 16)}`;
  const nonce = randomBytes(8).toString('hex');
  heldHere.add(nonce);
  try {
    if (!createComplete(marker, `${process.pid} ${nonce}`)) {
      // Somebody else breaks this instance; a breaker that died doing so must not block everyone forever.
      if (staleContent(marker) !== undefined) unlinkQuietly(marker);
      await pause();
      return;
    }
    try {
      if (readOrUndefined(path) === stale) unlinkQuietly(path);
    } finally {
      rmSync(marker, { force: true });
    }
  } finally {
    heldHere.delete(nonce);
  }
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already, or somebody else's to remove.
  }
}
