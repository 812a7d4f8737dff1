// Claims a key, renews its lease, then hashes a large output tree (as a cache save does) and finishes:
// `node --import tsx hash-holder.ts ADDRESS BEARER KEY DIR LEASE_MS`.
import { describeTree } from '../../src/cache/manifest.js';
import { CoordinatorClient } from '../../src/coordinator/client.js';

const [address, bearer, key, dir, leaseMs] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const client = new CoordinatorClient(address, bearer);
const r = await client.start(key);
if (!r.ok || !('token' in r.value)) throw new Error(`expected a token, got ${JSON.stringify(r)}`);
const stop = client.holdLease(key, r.value.token, Math.floor(Number(leaseMs) / 4));
process.stdout.write('holding\n');
await new Promise((res) => setTimeout(res, 100));
const tree = await describeTree(dir);
if (!tree.ok) throw new Error(tree.error);
stop();
await client.finish(key, r.value.token, { error: `hashed ${tree.value.length} files` });
client.close();
