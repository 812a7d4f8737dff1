import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoordinatorClient } from './client.js';
import { type CoordinatorServer, startCoordinatorServer } from './server.js';

/**
 * How several disbuild processes on one cache directory share one coordinator.
 *
 * The first process serves it in-process on `<cacheDir>/coordinator/sock`; the others find the socket and join.
 * The socket is the registry: a process that cannot reach it takes over under a short mutex (so two processes
 * never both replace a dead one), and every server uses the same bearer token, kept in an owner-only file.
 * A serving process that finishes its own run keeps serving until nobody else builds or waits (see `close`).
 */
export interface Coordination {
  client: CoordinatorClient;
  bearer: string;
  /** Set when this process serves the coordinator. */
  server?: CoordinatorServer;
}

export async function joinOrStartCoordinator(
  cacheDir: string,
  opts: { leaseMs?: number; transport?: 'unix' | 'tcp' } = {},
): Promise<Coordination> {
  const dir = join(cacheDir, 'coordinator');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const bearer = await sharedBearer(join(dir, 'bearer'));
  const socketPath = socketPathFor(dir);
  const addressFile = join(dir, 'address');

  const tryJoin = async (): Promise<Coordination | undefined> => {
    const address =
      opts.transport === 'tcp'
        ? await readFile(addressFile, 'utf8').catch(() => undefined)
        : `unix:${socketPath}`;
    if (address === undefined) return undefined;
    const client = new CoordinatorClient(address, bearer);
    if (await isAlive(client)) return { client, bearer };
    client.close();
    return undefined;
  };

  const joined = await tryJoin();
  if (joined) return joined;
  return withMutex(join(dir, 'takeover.lock'), async () => {
    const again = await tryJoin();
    if (again) return again;
    await rm(socketPath, { force: true });
    const started = await startCoordinatorServer({
      storeDir: join(dir, 'store'),
      bearer,
      listen: opts.transport === 'tcp' ? { tcp: true } : { socketPath },
      ...(opts.leaseMs === undefined ? {} : { leaseMs: opts.leaseMs }),
    });
    if (!started.ok) throw new Error(`cannot start the coordinator: ${started.error}`);
    const temp = `${addressFile}.${process.pid}`;
    await writeFile(temp, started.value.address, { mode: 0o600 });
    await rename(temp, addressFile);
    const server = started.value;
    return { client: new CoordinatorClient(server.address, bearer, server.call), bearer, server };
  });
}

/** Any HTTP answer means a live server; a refused or reset connection means none. */
async function isAlive(client: CoordinatorClient): Promise<boolean> {
  const r = await client.renew('probe', 'probe');
  return r.ok || r.error.reason !== 'unreachable';
}

/**
 * The bearer every server of this cache directory uses. Written to a temp file and hard-linked into place, so a
 * process starting at the same moment never reads a created-but-still-empty file.
 */
async function sharedBearer(path: string): Promise<string> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temp, randomBytes(24).toString('hex'), { mode: 0o600 });
  try {
    await link(temp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    await rm(temp, { force: true });
  }
  return (await readFile(path, 'utf8')).trim();
}

/** Unix socket paths are limited to about 107 bytes; long cache paths get a stable name in the temp dir. */
function socketPathFor(dir: string): string {
  const inside = join(dir, 'sock');
  if (Buffer.byteLength(inside) < 100) return inside;
  return join(tmpdir(), `disbuild-${createHash('sha1').update(dir).digest('hex').slice(0, 16)}.sock`);
}

/** A cross-process mutex: a directory made atomically; one older than 5 s is a dead holder's and is broken. */
async function withMutex<T>(path: string, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await mkdir(path);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age =
        Date.now() -
        (await stat(path).then(
          (s) => s.mtimeMs,
          () => Date.now(),
        ));
      if (age > 5000) await rmdir(path).catch(() => undefined);
      else await new Promise((r) => setTimeout(r, 20));
    }
  }
  try {
    return await fn();
  } finally {
    await rmdir(path).catch(() => undefined);
  }
}
