import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 that holds every piece of data for `oneWayMs` before passing it on, in each direction:
 * a server `2 × oneWayMs` of round trip away, as a cache across a network is. Order is kept (every piece waits the
 * same time); bandwidth is not limited.
 */
export async function startLatencyProxy(
  upstream: URL,
  oneWayMs: number,
): Promise<{ url: string; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const up = connect(Number(upstream.port), upstream.hostname);
    for (const s of [client, up]) {
      s.setNoDelay(true);
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    const relay = (from: Socket, to: Socket): void => {
      from.on('data', (bytes) => setTimeout(() => to.destroyed || to.write(bytes), oneWayMs));
      from.on('end', () => setTimeout(() => to.end(), oneWayMs));
      from.on('error', () => to.destroy());
    };
    relay(client, up);
    relay(up, client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
