// Claims a key and holds its lease until killed: `node --import tsx hold-token.ts ADDRESS BEARER KEY`.
import { CoordinatorClient } from '../../src/coordinator/client.js';

const [address, bearer, key] = process.argv.slice(2) as [string, string, string];
const client = new CoordinatorClient(address, bearer);
const r = await client.start(key);
if (!r.ok || !('token' in r.value)) throw new Error(`expected a token, got ${JSON.stringify(r)}`);
client.holdLease(key, r.value.token, 50);
process.stdout.write('holding\n');
setInterval(() => undefined, 1000);
