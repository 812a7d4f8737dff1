import { connect as netConnect, isIP, type OnReadOpts, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/**
 * A new connection to a cache server's origin (https with the given CAs, else Node's own), without Nagle's delay
 * and with the idle time-out set. `onread`: a plain connection reads into that buffer instead of emitting data.
 */
export function connectTo(
  origin: URL,
  o: { idleTimeoutMs: number; ca?: string[] | undefined; onread?: OnReadOpts },
): Socket {
  const port = Number(origin.port) || (origin.protocol === 'https:' ? 443 : 80);
  const host = origin.hostname.replace(/^\[|\]$/g, '');
  const socket =
    origin.protocol === 'https:'
      ? tlsConnect({
          host,
          port,
          // A name to check the certificate against (an address is checked against the certificate's IPs).
          ...(isIP(host) === 0 ? { servername: host } : {}),
          ...(o.ca ? { ca: o.ca } : {}),
        })
      : netConnect({ host, port, ...(o.onread ? { onread: o.onread } : {}) });
  socket.setNoDelay(true);
  socket.setTimeout(o.idleTimeoutMs);
  return socket;
}

/**
 * The kept-alive connections of one client (the GET and PUT paths each have one): those idle, waiting for the
 * next request, and those in use. An idle connection is kept until the server closes it and dropped on anything
 * unexpected (an error, the time-out); it never keeps the process alive. Bytes that come while it is idle are
 * its user's to see: both read their connections for their whole life (Node's `onread`, or one 'data' listener)
 * and destroy one that receives bytes nobody asked for.
 */
export class KeptAlive<C> {
  readonly #socketOf: (c: C) => Socket;
  readonly #idle: C[] = [];
  readonly #busy = new Set<C>();
  readonly #parked = new Map<C, () => void>();

  constructor(socketOf: (c: C) => Socket) {
    this.#socketOf = socketOf;
  }

  /** How many connections wait idle. */
  get idle(): number {
    return this.#idle.length;
  }

  /** The connection parked last, taken for a request; undefined when none is idle. */
  take(): C | undefined {
    return this.#idle.pop();
  }

  /** `c` now carries a request: no longer watched as idle, and closed with the others. */
  use(c: C): void {
    this.#unpark(c);
    this.#busy.add(c);
  }

  /** `c` carries no request any more (it is then parked, or destroyed by its user). */
  release(c: C): void {
    this.#busy.delete(c);
  }

  park(c: C): void {
    const socket = this.#socketOf(c);
    const drop = (): void => {
      this.#unpark(c);
      const i = this.#idle.indexOf(c);
      if (i >= 0) this.#idle.splice(i, 1);
      socket.destroy();
    };
    for (const event of IDLE_ENDS) socket.on(event, drop);
    socket.unref();
    this.#idle.push(c);
    this.#parked.set(c, drop);
  }

  /** Destroys `c`, and forgets it at once when it was idle (not only once its 'close' comes). */
  drop(c: C): void {
    const drop = this.#parked.get(c);
    if (drop) drop();
    else this.#socketOf(c).destroy();
  }

  #unpark(c: C): void {
    const drop = this.#parked.get(c);
    if (drop === undefined) return;
    this.#parked.delete(c);
    const socket = this.#socketOf(c);
    for (const event of IDLE_ENDS) socket.off(event, drop);
    socket.ref();
  }

  /** Destroys every connection, idle or in use. */
  close(): void {
    for (const c of [...this.#idle, ...this.#busy]) this.#socketOf(c).destroy();
    this.#idle.length = 0;
    this.#parked.clear();
  }
}

/**
 * What ends an idle connection: the server closing it, an error, the idle time-out. Not 'data': a listener of it
 * added and removed with each request switched the socket's stream in and out of flowing mode every time.
 */
const IDLE_ENDS = ['close', 'end', 'error', 'timeout'] as const;
