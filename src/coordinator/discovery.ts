import { randomBytes } from 'node:crypto';
import { mkdtemp, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CoordinatorClient } from './client.js';
import { ensurePrivateDir, readPrivateFile, socketProblem } from './private-dir.js';
import { type CoordinatorServer, startCoordinatorServer } from './server.js';
import { withTakeoverLock } from './takeover-lock.js';

/**
 * How several disbuild processes on one cache directory share one coordinator.
 *
 * The first process serves it in-process and records where, with which bearer token, in
 * `<cacheDir>/coordinator/server.json` (owner-only, in an owner-only directory); the others read the record and
 * join. A process that cannot reach the recorded server takes over under a lock (so two processes never both
 * replace a dead one) with a fresh token: a token outlives no server. The socket is `<cacheDir>/coordinator/sock`,
 * or, when that path is too long for a socket, `sock` in a fresh owner-only directory of the temp dir: never a
 * name another user could guess and create first. A client sends its token only to a socket that is ours, in a
 * directory that is ours and that nobody else can write; anything else is somebody else's server, and is ignored.
 * A serving process that finishes its own run keeps serving until nobody else builds or waits (see `close`).
 */
export interface Coordination {
  client: CoordinatorClient;
  bearer: string;
  /** Set when this process serves the coordinator. */
  server?: CoordinatorServer;
}

/** What server.json holds. */
interface ServerRecord {
  address: string;
  bearer: string;
  pid: number;
}

export async function joinOrStartCoordinator(
  cacheDir: string,
  opts: { leaseMs?: number; publishRoots?: readonly string[] } = {},
): Promise<Coordination> {
  const dir = join(cacheDir, 'coordinator');
  const problem = await ensurePrivateDir(dir);
  if (problem) throw new Error(`cannot use the coordinator directory: ${problem}`);
  const recordPath = join(dir, 'server.json');

  const tryJoin = async (): Promise<{ joined?: Coordination; record?: ServerRecord }> => {
    const record = parseRecord(await readPrivateFile(recordPath));
    if (!record) return {};
    if (await socketProblem(socketOf(record))) return { record };
    const client = new CoordinatorClient(record.address, record.bearer);
    if (await isOurs(client)) return { joined: { client, bearer: record.bearer }, record };
    client.close();
    return { record };
  };

  const first = await tryJoin();
  if (first.joined) return first.joined;
  return withTakeoverLock(join(dir, 'takeover.lock'), async () => {
    const again = await tryJoin();
    if (again.joined) return again.joined;
    const { socketPath, privateTemp } = await newSocketPath(dir);
    const old = again.record ? socketOf(again.record) : undefined;
    if (old !== undefined && old !== socketPath) await removeSocket(old, dir);
    await rm(socketPath, { force: true });
    const bearer = randomBytes(24).toString('hex');
    const started = await startCoordinatorServer({
      storeDir: join(dir, 'store'),
      bearer,
      listen: { socketPath },
      publishRoots: opts.publishRoots ?? [cacheDir],
      ...(opts.leaseMs === undefined ? {} : { leaseMs: opts.leaseMs }),
    });
    if (!started.ok) {
      if (privateTemp) await rmdir(privateTemp).catch(() => undefined);
      throw new Error(`cannot start the coordinator: ${started.error}`);
    }
    const record: ServerRecord = { address: started.value.address, bearer, pid: process.pid };
    const temp = `${recordPath}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(temp, JSON.stringify(record), { mode: 0o600 });
    await rename(temp, recordPath);
    const inner = started.value;
    const server: CoordinatorServer = privateTemp
      ? {
          ...inner,
          close: async () => {
            await inner.close();
            await rmdir(privateTemp).catch(() => undefined);
          },
        }
      : inner;
    return { client: new CoordinatorClient(server.address, bearer, server.call), bearer, server };
  });
}

/** Our server answers our token with anything but 401; a refused or reset connection means none. */
async function isOurs(client: CoordinatorClient): Promise<boolean> {
  const r = await client.renew('probe', 'probe');
  return r.ok || (r.error.reason === 'refused' && r.error.status !== 401);
}

const socketOf = (r: ServerRecord): string => r.address.slice('unix:'.length);

function parseRecord(text: string | undefined): ServerRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const r = JSON.parse(text) as Partial<ServerRecord>;
    if (typeof r.address !== 'string' || !r.address.startsWith('unix:') || typeof r.bearer !== 'string')
      return undefined;
    return { address: r.address, bearer: r.bearer, pid: Number(r.pid) };
  } catch {
    return undefined;
  }
}

/** Unix socket paths are limited to about 107 bytes; a long cache path gets a fresh private directory instead. */
async function newSocketPath(dir: string): Promise<{ socketPath: string; privateTemp?: string }> {
  const inside = join(dir, 'sock');
  if (Buffer.byteLength(inside) < 100) return { socketPath: inside };
  // mkdtemp: a random name, created 0700 by this user, that fails rather than reuse an existing path.
  const privateTemp = await mkdtemp(join(tmpdir(), 'disbuild-coordinator-'));
  return { socketPath: join(privateTemp, 'sock'), privateTemp };
}

/** A dead server's socket, and its private temp directory if it had one (only when both are ours). */
async function removeSocket(socketPath: string, dir: string): Promise<void> {
  if (await socketProblem(socketPath)) return;
  await rm(socketPath, { force: true });
  if (dirname(socketPath) !== dir) await rmdir(dirname(socketPath)).catch(() => undefined);
}
