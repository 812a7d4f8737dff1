import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoordinatorClient } from '../src/coordinator/client.js';
import { startCoordinatorServer } from '../src/coordinator/server.js';
import type { BenchContext, BenchRow } from './harness.js';

const PAIRS = 2000;

/** Start/finish throughput and latency against a bare echo server on the same kind of socket; 1,000 waiters. */
export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'disbuild-bench-coord-'));
  try {
    const echoSock = join(dir, 'echo.sock');
    const echo = createServer((req, res) => {
      req.resume();
      req.on('end', () =>
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 2 }).end('{}'),
      );
    });
    await new Promise<void>((r) => echo.listen(echoSock, r));
    const coord = await startCoordinatorServer({
      storeDir: join(dir, 'store'),
      bearer: 'b',
      listen: { socketPath: join(dir, 'c.sock') },
      publishRoots: [dir],
    });
    if (!coord.ok) throw new Error(coord.error);
    const echoClient = new CoordinatorClient(`unix:${echoSock}`, 'b');
    const client = new CoordinatorClient(coord.value.address, 'b');

    // A pair is two requests either way: start + finish, or two echoes.
    const echoPair = async (): Promise<void> => {
      await echoClient.renew('k', 't');
      await echoClient.renew('k', 't');
    };
    let n = 0;
    const coordPair = async (): Promise<void> => {
      const key = `k${n++}`;
      const r = await client.start(key);
      if (!r.ok || !('token' in r.value)) throw new Error('no token');
      const f = await client.finish(key, r.value.token, { extra: {} });
      if (!f.ok) throw new Error(f.error.message);
    };
    const rows: BenchRow[] = [];
    for (const concurrency of [1, 64]) {
      ctx.log(`pairs at concurrency ${concurrency}`);
      const e = await measure(echoPair, concurrency);
      const c = await measure(coordPair, concurrency);
      rows.push({
        benchmark: `start/finish pairs, ${concurrency === 1 ? 'one connection' : '64 concurrent clients'}`,
        measure: 'pairs/s (p50 / p99 ms)',
        value: `${c.perSec.toFixed(0)} (${c.p50.toFixed(2)} / ${c.p99.toFixed(2)})`,
        reference: `echo ${e.perSec.toFixed(0)} (${e.p50.toFixed(2)} / ${e.p99.toFixed(2)})`,
        ratio: c.perSec / e.perSec,
        target: '≥ 0.5×',
        pass: c.perSec / e.perSec >= 0.5,
      });
    }
    ctx.log('1,000 waiters on one key');
    const fanOut = await waiters(coord.value.address);
    rows.push({
      benchmark: '1,000 waiters on one key',
      measure: 'finish → last waiter answered',
      value: `${fanOut.toFixed(1)} ms`,
      target: '≤ 100 ms',
      pass: fanOut <= 100,
    });
    echoClient.close();
    client.close();
    await coord.value.close();
    await new Promise<void>((r) => echo.close(() => r()));
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function measure(
  pair: () => Promise<void>,
  concurrency: number,
): Promise<{ perSec: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let left = PAIRS;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) {
        const s = performance.now();
        await pair();
        latencies.push(performance.now() - s);
      }
    }),
  );
  const wall = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  return {
    perSec: (PAIRS / wall) * 1000,
    p50: latencies[Math.floor(latencies.length * 0.5)]!,
    p99: latencies[Math.floor(latencies.length * 0.99)]!,
  };
}

async function waiters(address: string): Promise<number> {
  const holder = new CoordinatorClient(address, 'b');
  const r = await holder.start('fan');
  if (!r.ok || !('token' in r.value)) throw new Error('no token');
  const clients = Array.from({ length: 10 }, () => new CoordinatorClient(address, 'b'));
  const done = Array.from({ length: 1000 }, (_, i) =>
    clients[i % 10]!.start('fan').then(() => performance.now()),
  );
  await new Promise((res) => setTimeout(res, 1500));
  const t0 = performance.now();
  await holder.finish('fan', r.value.token, { extra: {} });
  const last = Math.max(...(await Promise.all(done)));
  for (const c of [holder, ...clients]) c.close();
  return last - t0;
}
