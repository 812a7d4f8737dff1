import { connect, createServer, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startProxyProcess } from './proxy-process.js';

/**
 * A TCP proxy on 127.0.0.1 that holds every piece of data for `oneWayMs` before passing it on, in each direction:
 * a server `2 × oneWayMs` of round trip away, as a cache across a network is. Order is kept (every piece waits the
 * same time); bandwidth is not limited. A process of its own (see proxy-process.ts).
 */
export function startLatencyProxy(upstream: URL, oneWayMs: number): Promise<{ url: string; stop(): void }> {
  return startProxyProcess(import.meta.url, [upstream.port, String(oneWayMs)]);
}

function serve(upstreamPort: number, oneWayMs: number): void {
  const server = createServer((client) => {
    const up = connect(upstreamPort, '127.0.0.1');
    client.setNoDelay(true);
    up.setNoDelay(true);
    const relay = (from: Socket, to: Socket): void => {
      from.on('data', (bytes) => setTimeout(() => to.destroyed || to.write(bytes), oneWayMs));
      from.on('end', () => setTimeout(() => to.end(), oneWayMs));
      from.on('error', () => to.destroy());
    };
    relay(client, up);
    relay(up, client);
  });
  server.listen(0, '127.0.0.1', () =>
    console.log(`http://127.0.0.1:${(server.address() as { port: number }).port}`),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  serve(Number(process.argv[2]), Number(process.argv[3]));
