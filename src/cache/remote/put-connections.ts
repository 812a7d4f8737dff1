import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';
import { connectTo, KeptAlive } from './kept-alive.js';

/** Why a PUT gave no usable answer (the shape of http-client.ts's `HttpFailure`, without its `status`). */
export interface PutFailure {
  kind: 'network' | 'timeout';
  message: string;
}

export interface PutAnswer {
  status: number;
  headers: IncomingHttpHeaders;
}

export interface PutConnectionsOptions {
  /** The server's origin: protocol, host and port (no path, no credentials). */
  origin: URL;
  /** A request that makes no progress (nothing sent, nothing received) for this long is abandoned. */
  idleTimeoutMs: number;
  /** For https: the trusted CAs (undefined: Node's own). */
  ca?: string[];
}

/** An answer's head larger than this is not from a cache server. */
const HEAD_LIMIT = 64 * 1024;
/** What one read of a plain connection takes in: an answer's head, and the body of an error answer. */
const READ_SIZE = 16 * 1024;

/** A connection and whoever reads its bytes now: the request it carries, else nobody (idle). */
interface Connection {
  socket: Socket;
  onBytes: ((chunk: Buffer) => void) | undefined;
}

/**
 * Uploads of bodies already in memory, over kept-alive HTTP/1.1 connections: one write of the request (head and
 * body together), and a parse of the answer's status line and headers. A cold run uploads one small artifact per
 * job, and a general client's per-request machinery costs several times what the transfer itself costs on the
 * machine that runs the build (the upload process competes with the run's jobs for it).
 *
 * Deals with: connection reuse (an answer framed by Content-Length, or without a body, frees its connection; any
 * other framing closes it once the status is known, since an upload needs no more), a kept-alive connection the
 * server closed meanwhile (the PUT is sent again once on a new one: a PUT may be repeated), the idle time-out,
 * https with the given CAs. Does not deal with: bodies that stream from files (http-client.ts), authorization and
 * paths (the caller builds the head's lines), or what a status means.
 */
export class PutConnections {
  readonly #o: PutConnectionsOptions;
  readonly #sockets = new KeptAlive<Connection>((c) => c.socket);
  readonly #host: string;
  /** Every read of a plain connection lands here; each is consumed before the next one happens. */
  readonly #readBuffer = Buffer.allocUnsafeSlow(READ_SIZE);
  #closed = false;

  constructor(o: PutConnectionsOptions) {
    this.#o = o;
    this.#host = o.origin.host;
  }

  /**
   * `target`: path and query; `headers`: lowercase names, no `host` or `content-length` (added here); `body`: one
   * buffer, or pieces sent one after the other (no copy to join them). Once this answers, nothing reads `body`.
   */
  async put(
    target: string,
    headers: Record<string, string>,
    body: Buffer | readonly Buffer[],
  ): Promise<Result<PutAnswer, PutFailure>> {
    const length = Buffer.isBuffer(body) ? body.length : body.reduce((n, b) => n + b.length, 0);
    let head = `PUT ${target} HTTP/1.1\r\nhost: ${this.#host}\r\ncontent-length: ${length}\r\n`;
    for (const [name, value] of Object.entries(headers)) {
      // A line break in a value would end the head early and smuggle in another request.
      if (/[\r\n\0]/.test(value))
        return err({ kind: 'network', message: `PUT failed: invalid ${name} header` });
      head += `${name}: ${value}\r\n`;
    }
    head += '\r\n';
    const reused = this.#sockets.take();
    if (reused !== undefined) {
      const r = await this.#exchange(reused, head, body, true);
      // Closed by the server while it sat idle (nothing of an answer arrived): once more, on a new connection.
      if (r.ok || !r.error.stale) return r.ok ? r : err({ kind: r.error.kind, message: r.error.message });
    }
    if (this.#closed) return err({ kind: 'network', message: 'PUT failed: the client is closed' });
    const r = await this.#exchange(this.#open(), head, body, false);
    return r.ok ? r : err({ kind: r.error.kind, message: r.error.message });
  }

  /**
   * A new connection, its bytes handed to the request it carries. Read through `onread` (or one 'data' listener
   * for https) for its whole life: a 'data' listener added and removed for each request switched the socket's
   * stream in and out of flowing mode, a cost per upload several times that of the parse. Bytes that come while
   * nobody reads (an idle connection) close it.
   */
  #open(): Connection {
    const c: Connection = { socket: undefined as unknown as Socket, onBytes: undefined };
    const feed = (chunk: Buffer): void => {
      if (c.onBytes) c.onBytes(chunk);
      else this.#sockets.drop(c);
    };
    const onread = {
      buffer: this.#readBuffer,
      callback: (n: number): boolean => {
        feed(this.#readBuffer.subarray(0, n));
        return true;
      },
    };
    c.socket = connectTo(this.#o.origin, { ...this.#o, onread });
    // A TLS connection reads into buffers of its own.
    if (this.#o.origin.protocol === 'https:') c.socket.on('data', feed);
    return c;
  }

  /** Sends one request on `socket` and reads its answer's head; gives the socket back when it can carry another. */
  #exchange(
    c: Connection,
    head: string,
    body: Buffer | readonly Buffer[],
    reused: boolean,
  ): Promise<Result<PutAnswer, PutFailure & { stale: boolean }>> {
    const socket = c.socket;
    this.#sockets.use(c);
    return new Promise((resolve) => {
      /** Any byte of an answer came (a connection that fails before that may have been closed while idle). */
      let heard = false;
      /** The start of an answer's head that did not come whole in one read. */
      let partial: Buffer | undefined;
      let answer: PutAnswer | undefined;
      /** Body bytes of the answer still to skip before the connection is free. */
      let rest = 0;
      let settled = false;
      /** The whole request is with the system: the body's memory is no longer read. */
      let sent = false;
      /**
       * The idle time-out counts any byte as progress: an answer whose head never ends (interim answers without
       * end, a byte now and then) must have come whole within the time-out once the body has left.
       */
      let headTimer: NodeJS.Timeout | undefined;
      const bodySent = (): void => {
        sent = true;
        if (!settled && answer === undefined)
          headTimer = setTimeout(() => onTimeout(), this.#o.idleTimeoutMs);
      };
      const detach = (): void => {
        clearTimeout(headTimer);
        c.onBytes = undefined;
        socket.off('error', onError);
        socket.off('close', onClose);
        socket.off('timeout', onTimeout);
        this.#sockets.release(c);
      };
      const fail = (kind: PutFailure['kind'], message: string): void => {
        if (settled) return;
        settled = true;
        detach();
        socket.destroy();
        resolve(err({ kind, message, stale: kind === 'network' && !heard && reused }));
      };
      const done = (reusable: boolean): void => {
        if (settled) return;
        settled = true;
        detach();
        // An answer before the whole body left (a server that refused it early): what is left of the body must
        // never go out, neither ahead of the next request nor once its memory has been reused.
        if (reusable && sent && !this.#closed) this.#sockets.park(c);
        else socket.destroy();
        resolve(ok(answer!));
      };
      // `chunk` is the connection's read buffer (a plain connection): read before the next read, copied if kept.
      const onData = (chunk: Buffer): void => {
        if (answer !== undefined) {
          rest -= chunk.length;
          if (rest === 0) done(true);
          // More than the answer said: this connection is confused; close it.
          else if (rest < 0) done(false);
          return;
        }
        heard = true;
        let bytes = partial === undefined ? chunk : Buffer.concat([partial, chunk]);
        partial = undefined;
        for (;;) {
          const end = bytes.indexOf('\r\n\r\n');
          if (end < 0) {
            if (bytes.length > HEAD_LIMIT) fail('network', 'PUT failed: the answer has no end of headers');
            else partial = Buffer.from(bytes);
            return;
          }
          const parsed = parseHead(bytes.subarray(0, end).toString('latin1'));
          const after = bytes.subarray(end + 4);
          if (parsed === undefined) {
            fail('network', 'PUT failed: the server did not answer in HTTP/1.1');
            return;
          }
          // An interim answer (100 Continue): the final one follows.
          if (parsed.status >= 100 && parsed.status < 200) {
            bytes = after;
            continue;
          }
          answer = { status: parsed.status, headers: parsed.headers };
          clearTimeout(headTimer);
          const length = parsed.headers['content-length'];
          const noBody = parsed.status === 204 || parsed.status === 304;
          const keep = parsed.keepAlive && (noBody || (length !== undefined && /^\d+$/.test(length)));
          if (!keep) {
            // Framed by chunks or by the connection's end: the status is all an upload needs.
            done(false);
            return;
          }
          rest = noBody ? 0 : Number(length);
          rest -= after.length;
          if (rest === 0) done(true);
          else if (rest < 0) done(false);
          return;
        }
      };
      // Once the status is in, a body cut short does not matter to an upload.
      const onError = (e: Error): void =>
        answer === undefined ? fail('network', `PUT failed: ${e.message}`) : done(false);
      const onClose = (): void =>
        answer === undefined
          ? fail('network', 'PUT failed: the connection closed before the answer')
          : done(false);
      // Likewise a body that stops coming: the upload is done, only the connection is lost.
      const onTimeout = (): void =>
        answer === undefined
          ? fail('timeout', `PUT timed out after ${this.#o.idleTimeoutMs} ms`)
          : done(false);
      c.onBytes = onData;
      socket.on('error', onError);
      socket.on('close', onClose);
      socket.on('timeout', onTimeout);
      socket.cork();
      socket.write(head, 'latin1');
      const pieces = Buffer.isBuffer(body) ? [body] : body;
      for (const [i, piece] of pieces.entries()) {
        if (i < pieces.length - 1) socket.write(piece);
        else socket.write(piece, bodySent);
      }
      if (pieces.length === 0) bodySent();
      socket.uncork();
    });
  }

  /** Closes every connection, idle or in use. */
  close(): void {
    this.#closed = true;
    this.#sockets.close();
  }
}

/** Status line and headers; undefined when it is not an HTTP/1.x answer. */
export function parseHead(
  text: string,
): { status: number; headers: IncomingHttpHeaders; keepAlive: boolean } | undefined {
  const lines = text.split('\r\n');
  const m = /^HTTP\/1\.([01]) (\d{3})(?: |$)/.exec(lines[0]!);
  if (m === null) return undefined;
  const headers: IncomingHttpHeaders = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const had = headers[name];
    // Two different lengths: no framing to trust.
    if (name === 'content-length' && had !== undefined && had !== value) headers[name] = 'invalid';
    else if (had === undefined) headers[name] = value;
    else if (Array.isArray(had)) had.push(value);
    else if (name !== 'content-length') headers[name] = [had as string, value];
  }
  const connection = String(headers.connection ?? '').toLowerCase();
  let keepAlive = m[1] === '1' ? !connection.includes('close') : connection.includes('keep-alive');
  if (headers['transfer-encoding'] !== undefined) {
    // Both framings: another reader of this connection (a proxy) may have taken the length, and what follows
    // this answer for the next one: the connection carries nothing more.
    if (headers['content-length'] !== undefined) keepAlive = false;
    delete headers['content-length'];
  }
  return { status: Number(m[2]), headers, keepAlive };
}
