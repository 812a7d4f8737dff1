import { createServer, request, type IncomingMessage, type Server } from 'node:http';

/** What the proxy does to the traffic. Body faults hit only archives (gzip bodies), not records. */
export type Fault = 'none' | '500' | '403' | 'truncate' | 'corrupt' | 'slow' | 'trickle' | 'hang';

/**
 * A small HTTP proxy in front of a cache server that injects one fault: every request answered 500 or 403,
 * archive bodies cut short or with a flipped byte, every answer held back for `slowMs`, or every body sent 512
 * bytes every 100 ms (`trickle`: never idle for long, and far slower than any cache should be), or (`hang`) a server
 * that hangs right after an answer: each connection's first request is answered until one gets a second, and from
 * then on nothing is, on any connection, old or new.
 */
export class FaultProxy {
  fault: Fault = 'none';
  /** When set, only requests of this method get the fault. */
  faultMethod: string | undefined;
  /** When set, only requests whose path contains this get the fault. */
  faultPath: string | undefined;
  slowMs = 5000;
  /** Drops the requests' `Range` headers, as a server that ignores ranges would: every GET answers the whole object. */
  noRanges = false;
  /**
   * Body faults also hit a record carrying its archive when it is answered whole (as a run restoring everything
   * fetches it): the fault lands in the archive's part.
   */
  faultRecords = false;
  /** Requests seen, as "METHOD path". */
  readonly seen: string[] = [];
  /** `hang`: the requests answered on each connection, and whether the server has hung (see Fault). */
  readonly answeredOn = new WeakMap<object, number>();
  hung = false;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(upstream: string): Promise<FaultProxy> {
    const target = new URL(upstream);
    const box: { proxy?: FaultProxy } = {};
    const server = createServer((req, res) => {
      const proxy = box.proxy!;
      proxy.seen.push(`${req.method} ${req.url}`);
      const fault =
        (proxy.faultMethod === undefined || proxy.faultMethod === req.method) &&
        (proxy.faultPath === undefined || req.url!.includes(proxy.faultPath))
          ? proxy.fault
          : 'none';
      if (fault === 'hang') {
        const answered = proxy.answeredOn.get(req.socket) ?? 0;
        if (proxy.hung || answered > 0) {
          proxy.hung = true;
          req.resume();
          return;
        }
        proxy.answeredOn.set(req.socket, answered + 1);
      }
      if (fault === '500' || fault === '403') {
        req.resume();
        res.writeHead(Number(fault), { 'content-type': 'text/plain' }).end('injected fault');
        return;
      }
      const headers = { ...req.headers };
      if (proxy.noRanges) delete headers.range;
      const up = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
        (upRes) => void answer(proxy, fault, upRes, res),
      );
      up.on('error', () => res.destroy());
      req.pipe(up);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    box.proxy = new FaultProxy(server, `http://127.0.0.1:${port}`);
    return box.proxy;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

async function answer(
  proxy: FaultProxy,
  fault: Fault,
  upRes: IncomingMessage,
  res: import('node:http').ServerResponse,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of upRes) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  const gzipAt = (i: number): boolean => body.length > i + 2 && body[i] === 0x1f && body[i + 1] === 0x8b;
  // A record whose line is followed by its whole archive: the object itself, or a range that ends where it does.
  const line = body.indexOf(0x0a) + 1;
  const range = String(upRes.headers['content-range'] ?? '');
  const wholeRecord =
    proxy.faultRecords &&
    line > 0 &&
    gzipAt(line) &&
    (upRes.statusCode === 200 || range.endsWith(`-${body.length - 1}/${body.length}`));
  const isArchive = gzipAt(0) || wholeRecord;
  // Where the archive starts in the body.
  const start = wholeRecord ? line : 0;
  if (fault === 'slow') await new Promise((r) => setTimeout(r, proxy.slowMs));
  if (fault === 'trickle') {
    res.writeHead(upRes.statusCode ?? 502, upRes.headers);
    let sent = 0;
    const drip = setInterval(() => {
      if (sent >= body.length) {
        clearInterval(drip);
        res.end();
      } else res.write(body.subarray(sent, (sent += 512)));
    }, 100);
    res.on('close', () => clearInterval(drip));
    return;
  }
  res.writeHead(upRes.statusCode ?? 502, upRes.headers);
  if (fault === 'truncate' && isArchive) {
    res.write(body.subarray(0, start + Math.floor((body.length - start) / 2)));
    // The connection dies mid-body, as when a server or a network fails.
    setTimeout(() => res.destroy(), 20);
    return;
  }
  if (fault === 'corrupt' && isArchive) {
    const bad = Buffer.from(body);
    const i = start + Math.floor((bad.length - start) / 2);
    bad[i] = bad[i]! ^ 0xff;
    res.end(bad);
    return;
  }
  res.end(body);
}
