import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import type { Result } from '../../util/result.js';
import { err, ok } from '../../util/result.js';
import { connectTo, KeptAlive } from './kept-alive.js';
import { parseHead, type PutFailure } from './put-connections.js';

/** The slowest an answer may arrive, on average, once the idle time-out has passed (see #exchange). */
export const MIN_BYTES_PER_SECOND = 16 * 1024;

/** Why a GET gave no usable answer (the shape of http-client.ts's `HttpFailure`, without its `status`). */
export type GetFailure = PutFailure;

/** A whole answer: its body is complete (as long as the server framed it) and in memory. */
export interface WholeAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface GetConnectionsOptions {
  /** The server's origin: protocol, host and port (no path, no credentials). */
  origin: URL;
  /** A request that makes no progress (nothing sent, nothing received) for this long is abandoned. */
  idleTimeoutMs: number;
  /** For https: the trusted CAs (undefined: Node's own). */
  ca?: string[];
  /** Connections that carry pipelined GETs (see `get`), at most; beyond them, such GETs wait for one. */
  pipelinedConnections?: number;
}

/** An answer's head larger than this is not from a cache server. */
const HEAD_LIMIT = 64 * 1024;

const EMPTY = Buffer.alloc(0);

/**
 * An answer that is no success (a miss, a refusal) is read up to this much whatever was asked for: a proxy's error
 * page, larger than a record's first range, still says its status.
 */
const ERROR_PAGE_LIMIT = 256 * 1024;

/** The end of a body always read through the shared buffer (see AnswerReader.space). */
const LENT_TAIL = 16 * 1024;

/** What one read from a plain connection brings at most: the size Node reads with. */
const READ_SIZE = 64 * 1024;

/** Pipelined GETs sent in one write on one connection, at most (see `get`). */
export const PIPELINE_DEPTH = 4;

/**
 * Times a GET is sent again after a connection closed before any of its answer came: a kept-alive connection the
 * server closed meanwhile, or one closed after an earlier answer while this GET waited behind it.
 */
const RESENDS = 2;

/**
 * A pipelined GET that timed out with nothing of its answer, behind one that was answered, reads as a server that
 * takes no pipelined GETs: it, those sent behind it and those waiting for a connection go out again, alone. Or the server hung right after that
 * answer, and a second whole time-out would double what a run waits for it (a minute, by default). So each of
 * those GETs must have its answer's head within this many times the slowest head so far (at least PROBE_FLOOR_MS,
 * at most the idle time-out); unless the server was heard from since it went out (another answer's head, or bytes
 * of its own answer), which gives it the rest of the idle time-out.
 */
const PROBE_FACTOR = 4;
const PROBE_FLOOR_MS = 2000;

/**
 * GETs of small objects read whole into memory (records, and the archives that travel inside them), over
 * kept-alive HTTP/1.1 connections. A lookup of a thousand keys with `--download all` receives 80 MB in a thousand
 * answers on the thread that schedules the run; a general client costs it, per answer, a stream, a promise per
 * step, a fresh buffer per read (memory the system must hand over page by page) and a copy into its parser.
 * Here a plain connection reads into one buffer, used again for every read of every connection (Node's `onread`),
 * and the body goes from there into its final memory, sized once from Content-Length: one copy, no garbage.
 *
 * Lookups are pipelined (RFC 9112, section 9.3.2): the GETs asked for in one turn of the event loop go out on one
 * connection in one write, up to PIPELINE_DEPTH, and their answers come back in order, often in one read. A
 * thousand lookups are then a quarter as many writes and reads on both sides, and over a network with latency a
 * quarter as many round trips per connection.
 *
 * Deals with: framing (Content-Length, chunks, or the connection's end), connection reuse (only after an answer
 * framed by length or chunks, read to its end), a kept-alive connection the server closed meanwhile and GETs left
 * unanswered behind a connection's last answer (sent again on a new connection), a server that never answers a
 * pipelined GET (pipelining is then given up), the idle time-out, https with the given CAs, a bound on the body.
 * Does not deal with: authorization and paths (the caller builds the head's lines) or what a status means.
 */
export class GetConnections {
  readonly #o: GetConnectionsOptions;
  readonly #connections = new KeptAlive<Connection>((c) => c.socket);
  readonly #host: string;
  /** Every read of a plain connection lands here; each is consumed before the next one happens. */
  readonly #readBuffer = Buffer.allocUnsafeSlow(READ_SIZE);
  /** The connection whose write of this turn pipelined GETs join (see #send). */
  #gathering: Connection | undefined;
  /** Busy connections carrying pipelined GETs. */
  readonly #pipelined = new Set<Connection>();
  /** Given up once a server left a pipelined GET unanswered. */
  #pipelining = true;
  /**
   * The slowest head so far, from its GET's write (or the end of the answer before it on its connection, if later)
   * to its last byte; and when the last one came (performance.now()).
   */
  #slowestHeadMs = 0;
  #heardAt = -Infinity;
  /**
   * Pipelined GETs waiting for a connection: when they were asked for, every one allowed was busy and none was
   * gathering a write. Only a connection counted among those allowed takes them (see #takeWaiting).
   */
  readonly #waiting: Exchange[] = [];
  #closed = false;

  constructor(o: GetConnectionsOptions) {
    this.#o = o;
    this.#host = o.origin.host;
  }

  /**
   * `target`: path and query; `headers`: lowercase names, no `host` (added here). A body longer than `limit`
   * fails. `memory(size)`: where a 2xx answer's body of `size` bytes goes (other answers' bodies are read and
   * dropped, so that the connection can carry the next request). `pipelined`: the GET may go out with others
   * asked for in the same turn, on one connection (small answers only: a large one would hold up those behind it).
   */
  get(
    target: string,
    headers: Record<string, string>,
    limit: number,
    memory: (size: number) => Buffer,
    pipelined = false,
  ): Promise<Result<WholeAnswer, GetFailure>> {
    let head = `GET ${target} HTTP/1.1\r\nhost: ${this.#host}\r\n`;
    for (const [name, value] of Object.entries(headers)) {
      // A line break in a value would end the head early and smuggle in another request.
      if (/[\r\n\0]/.test(value))
        return Promise.resolve(err({ kind: 'network', message: `GET failed: invalid ${name} header` }));
      head += `${name}: ${value}\r\n`;
    }
    head += '\r\n';
    return new Promise((resolve) =>
      this.#send({ head, limit, memory, pipelined, behind: false, resent: 0, sentAt: 0, resolve }),
    );
  }

  /**
   * Sends `ex` on a connection: an idle one, a new one, or (pipelined) in the write being put together this turn.
   * Never behind GETs sent earlier: a server that skips requests (one that reads a request and drops the rest
   * of what came with it) would answer a later one in the place of one it skipped. A batch is answered whole, or
   * its GETs time out, before the connection carries another.
   */
  #send(ex: Exchange): void {
    if (this.#closed) {
      ex.resolve(err({ kind: 'network', message: 'GET failed: the client is closed' }));
      return;
    }
    ex.behind = false;
    if (ex.pipelined) {
      const busy = this.#connections.idle === 0 && this.#pipelined.size >= this.#cap();
      const behind = this.#gathering;
      if (behind !== undefined && behind.queue.length < PIPELINE_DEPTH && this.#pipelining) {
        ex.behind = true;
        ex.sentAt = performance.now();
        behind.queue.push(ex);
        behind.socket.write(ex.head, 'latin1');
        return;
      }
      if (busy) {
        this.#waiting.push(ex);
        return;
      }
    }
    // One sent again goes on a new connection: the kept-alive ones may be closing as the last one did.
    const reused = ex.resent === 0 ? this.#connections.take() : undefined;
    const c = reused ?? this.#open();
    c.reused = reused !== undefined;
    c.queue.push(ex);
    this.#connections.use(c);
    this.#listen(c);
    this.#current(c);
    if (ex.pipelined) this.#pipelined.add(c);
    if (ex.pipelined && this.#pipelining) {
      // The GETs asked for in this turn join this one, in the same write.
      this.#gathering = c;
      c.socket.cork();
      process.nextTick(() => {
        if (this.#gathering === c) this.#gathering = undefined;
        c.socket.uncork();
      });
    }
    ex.sentAt = performance.now();
    c.socket.write(ex.head, 'latin1');
  }

  /**
   * GETs that waited for a connection go out on `c`, whose last one was just answered: as many as one write carries.
   */
  #takeWaiting(c: Connection): void {
    const batch = this.#waiting.splice(0, this.#pipelining ? PIPELINE_DEPTH : 1);
    if (batch.length === 0) return;
    c.socket.cork();
    for (const [i, ex] of batch.entries()) {
      ex.behind = i > 0;
      ex.sentAt = performance.now();
      c.queue.push(ex);
      c.socket.write(ex.head, 'latin1');
    }
    process.nextTick(() => c.socket.uncork());
  }

  #cap(): number {
    return Math.max(1, this.#o.pipelinedConnections ?? 1);
  }

  #open(): Connection {
    const connection: Connection = {
      socket: undefined as unknown as Socket,
      queue: [],
      reader: undefined,
      feed: undefined,
      filled: undefined,
      lent: false,
      reused: false,
      connected: false,
      deadlineMs: this.#o.idleTimeoutMs,
      currentAt: 0,
      headedAt: 0,
      received: 0,
    };
    const feed = (bytes: Buffer): void => {
      // Bytes while idle: this connection is confused (or closing); it is dropped.
      if (connection.feed) connection.feed(bytes);
      else connection.socket.destroy();
    };
    // Asked for before every read. The rest of a body announced by its length is read straight into the body's
    // memory: no copy of it here. Only while an answer is being read, and only that rest: the memory is the
    // caller's once the answer is complete (it may move to another thread), and a connection whose answer fails is
    // destroyed, so that nothing reads into it after.
    const buffer = (): Uint8Array => {
      const space = connection.feed ? connection.reader?.space() : undefined;
      connection.lent = space !== undefined;
      return space ?? this.#readBuffer;
    };
    const onread = {
      buffer,
      callback: (n: number): boolean => {
        if (!connection.lent) feed(this.#readBuffer.subarray(0, n));
        else if (connection.filled) connection.filled(n);
        else connection.socket.destroy();
        connection.lent = false;
        return true;
      },
    };
    connection.socket = connectTo(this.#o.origin, { ...this.#o, onread });
    connection.socket.once('connect', () => (connection.connected = true));
    // A TLS connection reads into buffers of its own.
    if (this.#o.origin.protocol === 'https:') connection.socket.on('data', feed);
    return connection;
  }

  /**
   * Reads the answers to `c`'s GETs, in order, until none waits (the connection is then parked) or the
   * connection fails (the GET being answered fails; those behind it are sent again).
   */
  #listen(c: Connection): void {
    const socket = c.socket;
    const detach = (): void => {
      this.#stopTimers(c);
      c.feed = undefined;
      c.filled = undefined;
      c.reader = undefined;
      socket.off('end', onEnd);
      socket.off('error', onError);
      socket.off('close', onEnd);
      socket.off('timeout', onTimeout);
      this.#pipelined.delete(c);
      if (this.#gathering === c) this.#gathering = undefined;
      this.#connections.release(c);
    };
    /**
     * The connection is done with. The GET being answered gets `first`, or (`again`) goes out again, counted (see
     * RESENDS). Those behind it, and those waiting for a connection, get `behindToo`, or go out again uncounted:
     * the GET before each was answered, failed or counted, so that this ends even with a server that closes after
     * every answer.
     */
    const end = (first: Result<WholeAnswer, GetFailure>, again = false, behindToo?: GetFailure): void => {
      const [ex, ...behind] = c.queue.splice(0);
      detach();
      socket.destroy();
      if (ex !== undefined && again && ex.resent < RESENDS) {
        ex.resent++;
        this.#send(ex);
      } else ex?.resolve(first);
      for (const b of [...behind, ...this.#waiting.splice(0)]) {
        if (behindToo) b.resolve(err(behindToo));
        else this.#send(b);
      }
    };
    const fail = (kind: GetFailure['kind'], message: string): void => {
      const failure = { kind, message };
      const nothing = c.reader !== undefined && !c.reader.started;
      if (kind === 'timeout') {
        // Nothing of the answer to a GET sent behind an answered one: the server does not answer pipelined GETs.
        // It goes out again, and every GET alone from now on. Else the server answered nothing in the time-out:
        // the GETs sent with this one, and those waiting for a connection to it, would wait as long (before
        // pipelining each had a connection and a time-out of its own).
        if (nothing && c.queue[0]?.behind) {
          this.#pipelining = false;
          // Those waiting for a connection too: sent now on one a plain GET left, they would wait a whole time-out.
          for (const ex of [...c.queue, ...this.#waiting]) ex.probe = true;
          end(err(failure), true);
        } else end(err(failure), false, failure);
        return;
      }
      // Closed before any of the answer came. After other answers (kept alive, or pipelined): the server closed
      // it meanwhile, or (a GET sent behind another) takes no pipelined GETs. On a new connection carrying
      // several: a server, or a proxy, that may refuse pipelined GETs by closing (not one that was never
      // connected: a server restarting). Each goes out again, alone from now on when pipelining may be to blame.
      const refused =
        nothing && (c.queue[0]?.behind === true || (!c.reused && c.connected && c.queue.length > 1));
      if (refused) this.#pipelining = false;
      end(err(failure), nothing && (c.reused || refused));
    };
    /** The answer being read is in: its GET is answered; whether the next one waiting on `c` is now read. */
    const finish = (extra: boolean): boolean => {
      const reader = c.reader!;
      const answer = reader.answer();
      if (!answer.ok) {
        fail('network', answer.error);
        return false;
      }
      this.#stopTimers(c);
      // Bytes after the last answer awaited: the connection is confused, and not used again.
      if (!reader.reusable || this.#closed || (extra && c.queue.length === 1)) {
        // The server closes the connection with GETs sent behind this one: after its first answer (it keeps no
        // connection alive), or on an error (a proxy may answer pipelined GETs so, the first one too). Each goes
        // out again, alone from now on; an error answer too.
        const status = answer.value.status;
        const refused =
          reader.reusable || this.#closed ? false : c.queue.length > 1 && (!c.reused || status >= 400);
        if (refused) this.#pipelining = false;
        end(ok(answer.value), refused && status >= 400);
        return false;
      }
      const ex = c.queue.shift()!;
      c.reused = true;
      // Only a connection counted among the pipelined ones (see #cap) takes those waiting.
      if (c.queue.length === 0 && this.#pipelined.has(c)) this.#takeWaiting(c);
      if (c.queue.length > 0) this.#current(c);
      else {
        detach();
        this.#connections.park(c);
      }
      ex.resolve(ok(answer.value));
      return c.queue.length > 0;
    };
    const took = (problem: string | undefined, bytes: number, extra = false): boolean => {
      const reader = c.reader!;
      if (reader.headed && c.slowTimer === undefined) {
        clearTimeout(c.headTimer);
        this.#heard(c);
        // An answer whole in the read that brought its head (a miss, a record) needs no timer for its body.
        if (problem === undefined && reader.complete) return finish(extra);
        c.headedAt = Date.now();
        this.#timeBody(c, fail);
      } else c.received += bytes;
      if (problem !== undefined) fail('network', problem);
      else if (reader.complete) return finish(extra);
      return false;
    };
    c.feed = (bytes: Buffer): void => {
      let rest = bytes;
      for (;;) {
        const r = c.reader!.feed(rest);
        if (typeof r === 'string') {
          took(r, rest.length);
          return;
        }
        // Bytes after an answer are the next one's, when a GET waits for one (else finish ends the connection).
        if (!took(undefined, rest.length - r.length, r.length > 0) || r.length === 0) return;
        rest = r;
      }
    };
    c.filled = (n: number): void => {
      c.reader!.filled(n);
      took(undefined, n);
    };
    const onEnd = (): void => {
      // An answer framed by the connection's end is complete now; any other is cut short. A connection this
      // client closed (close()) ended nothing: what came of the answer is only part of it.
      const reader = c.reader;
      if (this.#closed) fail('network', 'GET failed: the client is closed');
      else if (reader?.endsAtClose()) finish(false);
      else fail('network', reader?.cutShort() ?? 'GET failed: the connection closed');
    };
    const onError = (e: Error): void => fail('network', `GET failed: ${e.message}`);
    const onTimeout = (): void => fail('timeout', `GET timed out after ${c.deadlineMs} ms`);
    c.onTimeout = onTimeout;
    socket.on('end', onEnd);
    socket.on('error', onError);
    socket.on('close', onEnd);
    socket.on('timeout', onTimeout);
  }

  /** The first GET waiting on `c` is the one being answered now: its reader, and its head's time-out. */
  #current(c: Connection): void {
    const ex = c.queue[0]!;
    c.reader = new AnswerReader(ex.limit, ex.memory);
    // The idle time-out does not end an answer whose head never ends (one byte now and then, or interim answers
    // without end): its head must have come whole within the time-out, or sooner while the server may be hung.
    const idle = this.#o.idleTimeoutMs;
    const first = ex.probe
      ? Math.min(idle, Math.max(PROBE_FLOOR_MS, Math.ceil(PROBE_FACTOR * this.#slowestHeadMs)))
      : idle;
    const reader = c.reader;
    c.currentAt = performance.now();
    c.deadlineMs = first;
    c.headTimer = setTimeout(() => {
      if (first >= idle) return c.onTimeout?.();
      // Decided once the reads already due are read (timers run before them): a thread kept busy past the short
      // wait must not take the answer waiting in its socket for a hung server.
      setImmediate(() => {
        // Moved on, answered, or closed by close() (whose failure comes with the socket's close).
        if (this.#closed || c.reader !== reader || reader.headed) return;
        if (reader.started || this.#heardAt > ex.sentAt) {
          // The server is up: this GET has the rest of the whole time-out.
          c.deadlineMs = idle;
          c.headTimer = setTimeout(() => c.onTimeout?.(), idle - first);
        } else c.onTimeout?.();
      });
    }, first);
    c.slowTimer = undefined;
    c.received = 0;
  }

  /** The head of the answer `c` is reading came whole: the server is up (see PROBE_FACTOR). */
  #heard(c: Connection): void {
    const now = performance.now();
    this.#slowestHeadMs = Math.max(this.#slowestHeadMs, now - Math.max(c.queue[0]!.sentAt, c.currentAt));
    this.#heardAt = now;
    // The socket's own idle time-out may end the body: named as such.
    c.deadlineMs = this.#o.idleTimeoutMs;
  }

  /**
   * Nor may a body trickle (a byte now and then keeps the idle time-out away): once the head is in, the body must
   * come at MIN_BYTES_PER_SECOND on average after a grace of the time-out, announced length or not (a chunked
   * answer has none). One timer, set for when the bytes received so far stop being enough.
   */
  #timeBody(c: Connection, fail: (kind: GetFailure['kind'], message: string) => void): void {
    const due = c.headedAt + this.#o.idleTimeoutMs + (c.received / MIN_BYTES_PER_SECOND) * 1000;
    const before = c.received;
    c.slowTimer = setTimeout(
      () => {
        if (c.received > before) this.#timeBody(c, fail);
        else fail('timeout', `GET answered slower than ${MIN_BYTES_PER_SECOND} bytes a second`);
      },
      Math.max(0, Math.ceil(due - Date.now())),
    );
  }

  #stopTimers(c: Connection): void {
    clearTimeout(c.headTimer);
    clearTimeout(c.slowTimer);
    c.headTimer = undefined;
    c.slowTimer = undefined;
  }

  /** Closes every connection, idle or in use. */
  close(): void {
    this.#closed = true;
    this.#connections.close();
    for (const ex of this.#waiting.splice(0))
      ex.resolve(err({ kind: 'network', message: 'GET failed: the client is closed' }));
  }
}

/** One GET: its request's head, where its answer goes, and who waits for it. */
interface Exchange {
  head: string;
  limit: number;
  memory: (size: number) => Buffer;
  pipelined: boolean;
  /** Sent on a connection while earlier GETs there waited for their answers. */
  behind: boolean;
  /** Times sent again (see RESENDS). */
  resent: number;
  /** When its head was last written (performance.now()). */
  sentAt: number;
  /** Sent again alone after a pipelined time-out: its head has the short wait (see PROBE_FACTOR). */
  probe?: true;
  resolve(r: Result<WholeAnswer, GetFailure>): void;
}

/**
 * A socket, the GETs it carries (the first is being answered, by `reader`), and whoever reads its bytes now (none
 * while it waits idle): `feed` takes bytes read into the shared buffer, `filled` counts those read straight into
 * the reader's `space` (`lent`: the next read goes there).
 */
interface Connection {
  socket: Socket;
  queue: Exchange[];
  reader: AnswerReader | undefined;
  feed: ((bytes: Buffer) => void) | undefined;
  filled: ((n: number) => void) | undefined;
  lent: boolean;
  /** It carried an answer before the one being read: a close before any of it means the server closed it idle. */
  reused: boolean;
  /** Its connection was made (a refused one says nothing of pipelining). */
  connected: boolean;
  onTimeout?: () => void;
  /** The time-out of the answer being read, as its failure names it. */
  deadlineMs: number;
  /** When the answer being read became the one awaited (performance.now()). */
  currentAt: number;
  headTimer?: NodeJS.Timeout | undefined;
  slowTimer?: NodeJS.Timeout | undefined;
  headedAt: number;
  received: number;
}

/**
 * One answer, parsed from the bytes as they come: the head, then the body by its framing. Every byte it keeps is
 * copied (the reads' buffer is used again for the next read).
 */
class AnswerReader {
  readonly #limit: number;
  readonly #memory: (size: number) => Buffer;
  #head: Buffer | undefined;
  #status = 0;
  #headers: IncomingHttpHeaders = {};
  #framing: 'head' | 'length' | 'chunked' | 'close' | 'done' = 'head';
  /** Length framing: the body's memory and how much of it has come. */
  #body: Buffer | undefined;
  #at = 0;
  /**
   * Chunks and the connection's end: the body so far, and its size. One buffer grown by doubling, not a piece per
   * chunk: a body of 1-byte chunks would cost an object per byte, a hundred times its size.
   */
  #kept = EMPTY;
  #size = 0;
  /** Chunk framing: where the parser is, and the bytes left of the current chunk. */
  #chunk: 'size' | 'data' | 'data-end' | 'trailers' = 'size';
  #chunkLeft = 0;
  #line = '';
  /**
   * Framing lines read so far (sizes, line ends, trailers), in bytes: capped, or a server sending trailer lines (or
   * sizes with long extensions) forever would keep the pace check content and the answer never end.
   */
  #framed = 0;
  #trailed = 0;
  #keepAlive = false;
  started = false;

  constructor(limit: number, memory: (size: number) => Buffer) {
    this.#limit = limit;
    this.#memory = memory;
  }

  /** The final answer's head is in. */
  get headed(): boolean {
    return this.#framing !== 'head';
  }

  get complete(): boolean {
    return this.#framing === 'done';
  }

  /** The body's length, once the head has announced it (undefined: chunked, or up to the connection's end). */
  get bodyLength(): number | undefined {
    return this.#body?.length;
  }

  get reusable(): boolean {
    return this.#keepAlive && this.#framing === 'done';
  }

  endsAtClose(): boolean {
    if (this.#framing === 'close') this.#framing = 'done';
    return this.#framing === 'done';
  }

  cutShort(): string {
    if (this.#framing === 'head') return 'GET failed: the connection closed before the answer';
    if (this.#framing === 'length') return `response truncated (${this.#at} of ${this.#body!.length} bytes)`;
    return 'reading a response failed: the connection closed early';
  }

  answer(): Result<WholeAnswer, string> {
    let body = this.#body;
    if (body === undefined) {
      body = this.#ok() ? this.#memory(this.#size) : Buffer.allocUnsafe(this.#size);
      this.#kept.copy(body, 0, 0, this.#size);
    }
    return ok({ status: this.#status, headers: this.#headers, body });
  }

  /**
   * Where the next bytes may be read straight into: the rest of a body announced by its length, but for its last
   * LENT_TAIL bytes. Those come through the shared buffer, with whatever the server sent after them, so that a
   * connection that sent more than its answer is still seen and not reused. Only a rest of a read's size at least:
   * a smaller one would cost a read of its own (records of 80 kB: three reads instead of two).
   */
  space(): Buffer | undefined {
    if (this.#framing !== 'length') return undefined;
    const end = this.#body!.length - LENT_TAIL;
    return end - this.#at >= READ_SIZE ? this.#body!.subarray(this.#at, end) : undefined;
  }

  /** `n` bytes were read into `space()` (never its last byte: see there). */
  filled(n: number): void {
    if (n > 0) this.started = true;
    this.#at += n;
  }

  #ok(): boolean {
    return this.#status >= 200 && this.#status < 300;
  }

  #bodyLimit(): number {
    return this.#ok() ? this.#limit : Math.max(this.#limit, ERROR_PAGE_LIMIT);
  }

  #tooLarge(): string {
    return this.#ok()
      ? `response larger than ${this.#limit} bytes`
      : `HTTP ${this.#status}, its answer larger than ${this.#bodyLimit()} bytes`;
  }

  /**
   * Takes the next bytes, up to the end of the answer: what is wrong with them, or the bytes after the answer
   * (empty when it took them all).
   */
  feed(bytes: Buffer): string | Buffer {
    if (bytes.length > 0) this.started = true;
    let rest = bytes;
    while (rest.length > 0) {
      switch (this.#framing) {
        case 'head': {
          const r = this.#feedHead(rest);
          if (typeof r === 'string') return r;
          rest = r;
          break;
        }
        case 'length': {
          const n = Math.min(rest.length, this.#body!.length - this.#at);
          this.#at += rest.copy(this.#body!, this.#at, 0, n);
          rest = rest.subarray(n);
          if (this.#at === this.#body!.length) this.#framing = 'done';
          break;
        }
        case 'close': {
          const problem = this.#keep(rest);
          if (problem) return problem;
          rest = rest.subarray(rest.length);
          break;
        }
        case 'chunked': {
          const r = this.#feedChunked(rest);
          if (typeof r === 'string') return r;
          rest = r;
          break;
        }
        case 'done':
          return rest;
      }
    }
    return EMPTY;
  }

  #feedHead(bytes: Buffer): Buffer | string {
    const before = this.#head?.length ?? 0;
    // The blank line may straddle two reads: look from a little before the new bytes. Only the head is copied
    // (the read that brings its end usually brings much of the body too).
    const head = this.#head === undefined ? bytes : Buffer.concat([this.#head, bytes]);
    const end = head.indexOf('\r\n\r\n', Math.max(0, before - 3));
    if (end < 0) {
      if (head.length > HEAD_LIMIT) return 'GET failed: the answer has no end of headers';
      this.#head = this.#head === undefined ? Buffer.from(bytes) : head;
      return bytes.subarray(bytes.length);
    }
    this.#head = undefined;
    const rest = bytes.subarray(end + 4 - before);
    const parsed = parseHead(head.subarray(0, end).toString('latin1'));
    if (parsed === undefined) return 'GET failed: the server did not answer in HTTP/1.1';
    // An interim answer (100 Continue): the final one follows.
    if (parsed.status >= 100 && parsed.status < 200) return rest;
    this.#status = parsed.status;
    this.#headers = parsed.headers;
    this.#keepAlive = parsed.keepAlive;
    const coding = String(parsed.headers['transfer-encoding'] ?? '').toLowerCase();
    const length = parsed.headers['content-length'];
    if (parsed.status === 204 || parsed.status === 304) this.#framing = 'done';
    else if (coding !== '') this.#framing = /(?:^|,)\s*chunked\s*$/.test(coding) ? 'chunked' : 'close';
    else if (length === undefined) this.#framing = 'close';
    else if (!/^\d+$/.test(String(length))) return 'GET failed: the answer has no valid Content-Length';
    else {
      const size = Number(length);
      if (size > this.#bodyLimit()) return this.#tooLarge();
      this.#body = this.#ok() ? this.#memory(size) : Buffer.allocUnsafe(size);
      this.#framing = size === 0 ? 'done' : 'length';
    }
    // Framed by the connection's end: it carries nothing after this answer.
    if (this.#framing === 'close') this.#keepAlive = false;
    return rest;
  }

  #keep(bytes: Buffer): string | undefined {
    const size = this.#size + bytes.length;
    if (size > this.#bodyLimit()) return this.#tooLarge();
    if (size > this.#kept.length) {
      const grown = Buffer.allocUnsafe(
        Math.min(this.#bodyLimit(), Math.max(size, 2 * this.#kept.length, 16 * 1024)),
      );
      this.#kept.copy(grown, 0, 0, this.#size);
      this.#kept = grown;
    }
    bytes.copy(this.#kept, this.#size);
    this.#size = size;
    return undefined;
  }

  #feedChunked(bytes: Buffer): Buffer | string {
    let rest = bytes;
    while (rest.length > 0) {
      if (this.#chunk === 'data') {
        const n = Math.min(rest.length, this.#chunkLeft);
        const problem = this.#keep(rest.subarray(0, n));
        if (problem) return problem;
        this.#chunkLeft -= n;
        rest = rest.subarray(n);
        if (this.#chunkLeft === 0) this.#chunk = 'data-end';
        continue;
      }
      // Lines: a chunk's size, the end of its data, the trailers.
      const nl = rest.indexOf(0x0a);
      const take = nl < 0 ? rest.length : nl + 1;
      this.#line += rest.subarray(0, take).toString('latin1');
      rest = rest.subarray(take);
      if (this.#line.length > HEAD_LIMIT) return 'reading a response failed: a chunk line too long';
      if (nl < 0) continue;
      this.#framed += this.#line.length;
      if (this.#chunk === 'trailers') this.#trailed += this.#line.length;
      // A body of 1-byte chunks takes 5 bytes of framing a byte.
      if (this.#framed > HEAD_LIMIT + 8 * this.#bodyLimit() || this.#trailed > HEAD_LIMIT)
        return 'reading a response failed: more chunk framing or trailers than an answer needs';
      const line = this.#line.replace(/\r?\n$/, '');
      this.#line = '';
      if (this.#chunk === 'data-end') {
        if (line !== '') return 'reading a response failed: a chunk not followed by its line end';
        this.#chunk = 'size';
      } else if (this.#chunk === 'size') {
        const m = /^([0-9a-fA-F]{1,8})(?:[ \t]*;.*)?$/.exec(line);
        if (m === null) return 'reading a response failed: an invalid chunk size';
        this.#chunkLeft = parseInt(m[1]!, 16);
        this.#chunk = this.#chunkLeft === 0 ? 'trailers' : 'data';
      } else if (line === '') {
        this.#framing = 'done';
        return rest;
      }
    }
    return rest;
  }
}
