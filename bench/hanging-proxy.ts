import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startProxyProcess } from './proxy-process.js';

/**
 * A TCP proxy on 127.0.0.1 in front of an HTTP server that hangs right after an answer: of each connection made
 * within `windowMs` of the first one, the first answer (its head and a body framed by Content-Length) passes; after
 * that nothing does, on any connection, and no connection is closed. A process of its own (see proxy-process.ts),
 * one per timed run (the window starts at its first connection).
 */
export function startHangingProxy(upstream: URL, windowMs: number): Promise<{ url: string; stop(): void }> {
  return startProxyProcess(import.meta.url, [upstream.port, String(windowMs)]);
}

function serve(upstreamPort: number, windowMs: number): void {
  let first: number | undefined;
  const server = createServer((client) => {
    first ??= Date.now();
    const answers = Date.now() - first <= windowMs;
    const up = connect(upstreamPort, '127.0.0.1');
    client.on('error', () => up.destroy());
    up.on('error', () => client.destroy());
    client.on('close', () => up.destroy());
    up.on('close', () => client.destroy());
    client.pipe(up);
    let head = Buffer.alloc(0);
    let passed = !answers;
    up.on('data', (bytes: Buffer) => {
      if (passed) return;
      head = Buffer.concat([head, bytes]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head.subarray(0, end).toString('latin1'));
      const whole = end + 4 + (length ? Number(length[1]) : 0);
      if (head.length < whole) return;
      client.write(head.subarray(0, whole));
      passed = true;
    });
  });
  server.listen(0, '127.0.0.1', () =>
    console.log(`http://127.0.0.1:${(server.address() as { port: number }).port}`),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  serve(Number(process.argv[2]), Number(process.argv[3]));
