import { randomBytes } from 'node:crypto';
import { lstatSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CoordinatorClient } from './client.js';
import { ensurePrivateDir, readPrivateFile, socketProblem } from './private-dir.js';
import { renamableByOthers } from '../util/renamable-by-others.js';
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

/** How long a recorded server may take to answer a newcomer before it is taken for gone. */
const PROBE_MS = 5000;

/** What server.json holds. */
interface ServerRecord {
  address: string;
  bearer: string;
  pid: number;
}

export async function joinOrStartCoordinator(
  cacheDir: string,
  opts: { leaseMs?: number; publishRoots?: readonly string[]; probeMs?: number } = {},
): Promise<Coordination> {
  const dir = join(cacheDir, 'coordinator');
  // Its own directory may be private and still be swapped whole by whoever owns the cache directory: a server
  // record, a store of published results of their own.
  const problem = ensurePrivateDir(dir) ?? renamableByOthers(cacheDir);
  if (problem) throw new Error(`cannot use the coordinator directory: ${problem}`);
  const recordPath = join(dir, 'server.json');

  /** `answered`: a server of ours listens on the recorded socket, even if it refused the recorded token. */
  const tryJoin = async (): Promise<{ joined?: Coordination; record?: ServerRecord; answered?: boolean }> => {
    const record = parseRecord(readPrivateFile(recordPath));
    if (!record) return {};
    if (socketProblem(socketOf(record))) return { record };
    const client = new CoordinatorClient(record.address, record.bearer);
    // A server that is stopped (Ctrl-Z) or hung accepts connections and never answers: without a time limit,
    // every later run on this cache directory would wait for it forever.
    const probe = await client.renew('probe', 'probe', opts.probeMs ?? PROBE_MS);
    // Our server answers our token with anything but 401; a refused or reset connection means none.
    if (probe.ok || (probe.error.reason === 'refused' && probe.error.status !== 401))
      return { joined: { client, bearer: record.bearer }, record };
    client.close();
    return { record, answered: probe.error.reason === 'refused' };
  };

  const first = await tryJoin();
  if (first.joined) return first.joined;
  return withTakeoverLock(join(dir, 'takeover.lock'), async () => {
    const again = await tryJoin();
    if (again.joined) return again.joined;
    // A dead server's socket and private directory are reused; a live one is never touched.
    const old = again.record && !again.answered ? socketOf(again.record) : undefined;
    const socketPath = newSocketPath(dir, old);
    if (old !== undefined && old !== socketPath && !socketProblem(old)) rmSync(old, { force: true });
    rmSync(socketPath, { force: true });
    const bearer = randomBytes(24).toString('hex');
    const started = await startCoordinatorServer({
      storeDir: join(dir, 'store'),
      bearer,
      listen: { socketPath },
      publishRoots: opts.publishRoots ?? [cacheDir],
      ...(opts.leaseMs === undefined ? {} : { leaseMs: opts.leaseMs }),
    });
    if (!started.ok) throw new Error(`cannot start the coordinator: ${started.error}`);
    const record: ServerRecord = { address: started.value.address, bearer, pid: process.pid };
    const temp = `${recordPath}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temp, JSON.stringify(record), { mode: 0o600 });
    renameSync(temp, recordPath);
    const server = started.value;
    return { client: new CoordinatorClient(server.address, bearer, server.call), bearer, server };
  });
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

/**
 * Unix socket paths are limited to about 107 bytes; a long cache path gets a private directory of the temp dir
 * instead. That directory is never removed: other processes and jobs may still hold its address, and once its
 * name were free, another user could create it and answer them. The next server of this cache directory
 * reuses it, so there is one per cache directory, not one per server.
 */
function newSocketPath(dir: string, previous: string | undefined): string {
  const inside = join(dir, 'sock');
  if (Buffer.byteLength(inside) < 100) return inside;
  if (previous !== undefined && dirname(previous) !== dir && isPrivateDir(dirname(previous))) return previous;
  // mkdtemp: a random name, created 0700 by this user, that fails rather than reuse an existing path.
  return join(mkdtempSync(join(tmpdir(), 'disbuild-coordinator-')), 'sock');
}

/** A directory only this user can enter (not a symlink), as mkdtemp made it. */
function isPrivateDir(path: string): boolean {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return false;
  }
  const uid = process.geteuid?.();
  return st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o077) === 0;
}
