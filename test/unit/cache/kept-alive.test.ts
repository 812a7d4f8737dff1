import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectTo, KeptAlive } from '../../../src/cache/remote/kept-alive.js';

describe('KeptAlive', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  async function connection(): Promise<Socket> {
    const server: Server = createServer(() => undefined);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const socket = connectTo(new URL(`http://127.0.0.1:${port}`), { idleTimeoutMs: 5000 });
    cleanups.push(() => {
      socket.destroy();
      server.close();
    });
    await new Promise((r) => socket.once('connect', r));
    return socket;
  }

  // A user that sees bytes nobody asked for on an idle connection drops it: the next request must not take it in
  // the moment before its 'close' comes (it would fail there and be sent again).
  it('forgets a dropped idle connection at once, and destroys it', async () => {
    const kept = new KeptAlive<Socket>((s) => s);
    const socket = await connection();
    kept.use(socket);
    kept.release(socket);
    kept.park(socket);
    expect(kept.idle).toBe(1);
    kept.drop(socket);
    expect(kept.idle).toBe(0);
    expect(socket.destroyed).toBe(true);
    expect(kept.take()).toBeUndefined();
  });

  it('destroys a dropped connection that was not idle', async () => {
    const kept = new KeptAlive<Socket>((s) => s);
    const socket = await connection();
    kept.use(socket);
    kept.drop(socket);
    expect(socket.destroyed).toBe(true);
    expect(kept.idle).toBe(0);
  });
});
