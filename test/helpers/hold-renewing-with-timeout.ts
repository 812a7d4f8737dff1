// A holder that renews its lease with a time-out (CoordinatorClient.renew's timeoutMs), as a careful client may, so
// that a hung server does not hang it: `node --import tsx hold-renewing-with-timeout.ts ADDRESS BEARER KEY`.
// Prints `holding`, then every renewal's outcome that is not ok, then `finish <ok|error>` after 1.5 s.
import { CoordinatorClient } from '../../src/coordinator/client.js';

const [address, bearer, key] = process.argv.slice(2) as [string, string, string];
const client = new CoordinatorClient(address, bearer);
const r = await client.start(key);
if (!r.ok || !('token' in r.value)) throw new Error(`expected a token, got ${JSON.stringify(r)}`);
const token = r.value.token;
process.stdout.write('holding\n');
const renewing = setInterval(() => {
  void client.renew(key, token, 200).then((x) => {
    if (!x.ok) process.stdout.write(`renew ${JSON.stringify(x.error)}\n`);
  });
}, 100);
await new Promise((res) => setTimeout(res, 1500));
clearInterval(renewing);
const done = await client.finish(key, token, { error: 'built' });
process.stdout.write(`finish ${done.ok ? 'ok' : JSON.stringify(done.error)}\n`);
client.close();
