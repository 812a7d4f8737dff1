(function (__disbuild_import_meta) {const id = 511;
const ids = [511,340];
const modules = {

/***/ 3676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   newPool: () => (/* binding */ newPool)
/* harmony export */ });
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(883);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6615);
/* harmony import */ var undici_lib_dispatcher_pool_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(628);
/* harmony import */ var undici_lib_dispatcher_pool_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_pool_js__WEBPACK_IMPORTED_MODULE_2__);
/**
 * undici's connection pool with its `request` method, loaded without the rest of the package: `import 'undici'`
 * also loads fetch, WebSocket, the mock agents and the caches, about 900 kB that every run with a remote cache
 * (and its upload process) would parse for nothing. This is what undici's own entry does for `Pool`.
 */



let ready = false;
function newPool(origin, options) {
    if (!ready) {
        Object.assign((undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_0___default().prototype), undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_1__);
        ready = true;
    }
    return new (undici_lib_dispatcher_pool_js__WEBPACK_IMPORTED_MODULE_2___default())(origin, options);
}


/***/ }),

/***/ 1511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseRemoteSettings: () => (/* binding */ parseRemoteSettings),
  withRemote: () => (/* binding */ withRemote)
});

// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
// EXTERNAL MODULE: ./src/util/env-ms.ts
var env_ms = __webpack_require__(2340);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./src/cache/remote/kept-alive.ts


/**
 * A new connection to a cache server's origin (https with the given CAs, else Node's own), without Nagle's delay
 * and with the idle time-out set. `onread`: a plain connection reads into that buffer instead of emitting data.
 */
function connectTo(origin, o) {
    const port = Number(origin.port) || (origin.protocol === 'https:' ? 443 : 80);
    const host = origin.hostname.replace(/^\[|\]$/g, '');
    const socket = origin.protocol === 'https:'
        ? (0,external_node_tls_.connect)({
            host,
            port,
            // A name to check the certificate against (an address is checked against the certificate's IPs).
            ...((0,external_node_net_.isIP)(host) === 0 ? { servername: host } : {}),
            ...(o.ca ? { ca: o.ca } : {}),
        })
        : (0,external_node_net_.connect)({ host, port, ...(o.onread ? { onread: o.onread } : {}) });
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
class KeptAlive {
    #socketOf;
    #idle = [];
    #busy = new Set();
    #parked = new Map();
    constructor(socketOf) {
        this.#socketOf = socketOf;
    }
    /** How many connections wait idle. */
    get idle() {
        return this.#idle.length;
    }
    /** The connection parked last, taken for a request; undefined when none is idle. */
    take() {
        return this.#idle.pop();
    }
    /** `c` now carries a request: no longer watched as idle, and closed with the others. */
    use(c) {
        this.#unpark(c);
        this.#busy.add(c);
    }
    /** `c` carries no request any more (it is then parked, or destroyed by its user). */
    release(c) {
        this.#busy.delete(c);
    }
    park(c) {
        const socket = this.#socketOf(c);
        const drop = () => {
            this.#unpark(c);
            const i = this.#idle.indexOf(c);
            if (i >= 0)
                this.#idle.splice(i, 1);
            socket.destroy();
        };
        for (const event of IDLE_ENDS)
            socket.on(event, drop);
        socket.unref();
        this.#idle.push(c);
        this.#parked.set(c, drop);
    }
    /** Destroys `c`, and forgets it at once when it was idle (not only once its 'close' comes). */
    drop(c) {
        const drop = this.#parked.get(c);
        if (drop)
            drop();
        else
            this.#socketOf(c).destroy();
    }
    #unpark(c) {
        const drop = this.#parked.get(c);
        if (drop === undefined)
            return;
        this.#parked.delete(c);
        const socket = this.#socketOf(c);
        for (const event of IDLE_ENDS)
            socket.off(event, drop);
        socket.ref();
    }
    /** Destroys every connection, idle or in use. */
    close() {
        for (const c of [...this.#idle, ...this.#busy])
            this.#socketOf(c).destroy();
        this.#idle.length = 0;
        this.#parked.clear();
    }
}
/**
 * What ends an idle connection: the server closing it, an error, the idle time-out. Not 'data': a listener of it
 * added and removed with each request switched the socket's stream in and out of flowing mode every time.
 */
const IDLE_ENDS = ['close', 'end', 'error', 'timeout'];

;// CONCATENATED MODULE: ./src/cache/remote/put-connections.ts


/** An answer's head larger than this is not from a cache server. */
const HEAD_LIMIT = 64 * 1024;
/** What one read of a plain connection takes in: an answer's head, and the body of an error answer. */
const READ_SIZE = 16 * 1024;
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
class PutConnections {
    #o;
    #sockets = new KeptAlive((c) => c.socket);
    #host;
    /** Every read of a plain connection lands here; each is consumed before the next one happens. */
    #readBuffer = Buffer.allocUnsafeSlow(READ_SIZE);
    #closed = false;
    constructor(o) {
        this.#o = o;
        this.#host = o.origin.host;
    }
    /**
     * `target`: path and query; `headers`: lowercase names, no `host` or `content-length` (added here); `body`: one
     * buffer, or pieces sent one after the other (no copy to join them). Once this answers, nothing reads `body`.
     */
    async put(target, headers, body) {
        const length = Buffer.isBuffer(body) ? body.length : body.reduce((n, b) => n + b.length, 0);
        let head = `PUT ${target} HTTP/1.1\r\nhost: ${this.#host}\r\ncontent-length: ${length}\r\n`;
        for (const [name, value] of Object.entries(headers)) {
            // A line break in a value would end the head early and smuggle in another request.
            if (/[\r\n\0]/.test(value))
                return (0,result/* err */._)({ kind: 'network', message: `PUT failed: invalid ${name} header` });
            head += `${name}: ${value}\r\n`;
        }
        head += '\r\n';
        const reused = this.#sockets.take();
        if (reused !== undefined) {
            const r = await this.#exchange(reused, head, body, true);
            // Closed by the server while it sat idle (nothing of an answer arrived): once more, on a new connection.
            if (r.ok || !r.error.stale)
                return r.ok ? r : (0,result/* err */._)({ kind: r.error.kind, message: r.error.message });
        }
        if (this.#closed)
            return (0,result/* err */._)({ kind: 'network', message: 'PUT failed: the client is closed' });
        const r = await this.#exchange(this.#open(), head, body, false);
        return r.ok ? r : (0,result/* err */._)({ kind: r.error.kind, message: r.error.message });
    }
    /**
     * A new connection, its bytes handed to the request it carries. Read through `onread` (or one 'data' listener
     * for https) for its whole life: a 'data' listener added and removed for each request switched the socket's
     * stream in and out of flowing mode, a cost per upload several times that of the parse. Bytes that come while
     * nobody reads (an idle connection) close it.
     */
    #open() {
        const c = { socket: undefined, onBytes: undefined };
        const feed = (chunk) => {
            if (c.onBytes)
                c.onBytes(chunk);
            else
                this.#sockets.drop(c);
        };
        const onread = {
            buffer: this.#readBuffer,
            callback: (n) => {
                feed(this.#readBuffer.subarray(0, n));
                return true;
            },
        };
        c.socket = connectTo(this.#o.origin, { ...this.#o, onread });
        // A TLS connection reads into buffers of its own.
        if (this.#o.origin.protocol === 'https:')
            c.socket.on('data', feed);
        return c;
    }
    /** Sends one request on `socket` and reads its answer's head; gives the socket back when it can carry another. */
    #exchange(c, head, body, reused) {
        const socket = c.socket;
        this.#sockets.use(c);
        return new Promise((resolve) => {
            /** Any byte of an answer came (a connection that fails before that may have been closed while idle). */
            let heard = false;
            /** The start of an answer's head that did not come whole in one read. */
            let partial;
            let answer;
            /** Body bytes of the answer still to skip before the connection is free. */
            let rest = 0;
            let settled = false;
            /** The whole request is with the system: the body's memory is no longer read. */
            let sent = false;
            /**
             * The idle time-out counts any byte as progress: an answer whose head never ends (interim answers without
             * end, a byte now and then) must have come whole within the time-out once the body has left.
             */
            let headTimer;
            const bodySent = () => {
                sent = true;
                if (!settled && answer === undefined)
                    headTimer = setTimeout(() => onTimeout(), this.#o.idleTimeoutMs);
            };
            const detach = () => {
                clearTimeout(headTimer);
                c.onBytes = undefined;
                socket.off('error', onError);
                socket.off('close', onClose);
                socket.off('timeout', onTimeout);
                this.#sockets.release(c);
            };
            const fail = (kind, message) => {
                if (settled)
                    return;
                settled = true;
                detach();
                socket.destroy();
                resolve((0,result/* err */._)({ kind, message, stale: kind === 'network' && !heard && reused }));
            };
            const done = (reusable) => {
                if (settled)
                    return;
                settled = true;
                detach();
                // An answer before the whole body left (a server that refused it early): what is left of the body must
                // never go out, neither ahead of the next request nor once its memory has been reused.
                if (reusable && sent && !this.#closed)
                    this.#sockets.park(c);
                else
                    socket.destroy();
                resolve((0,result.ok)(answer));
            };
            // `chunk` is the connection's read buffer (a plain connection): read before the next read, copied if kept.
            const onData = (chunk) => {
                if (answer !== undefined) {
                    rest -= chunk.length;
                    if (rest === 0)
                        done(true);
                    // More than the answer said: this connection is confused; close it.
                    else if (rest < 0)
                        done(false);
                    return;
                }
                heard = true;
                let bytes = partial === undefined ? chunk : Buffer.concat([partial, chunk]);
                partial = undefined;
                for (;;) {
                    const end = bytes.indexOf('\r\n\r\n');
                    if (end < 0) {
                        if (bytes.length > HEAD_LIMIT)
                            fail('network', 'PUT failed: the answer has no end of headers');
                        else
                            partial = Buffer.from(bytes);
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
                    if (rest === 0)
                        done(true);
                    else if (rest < 0)
                        done(false);
                    return;
                }
            };
            // Once the status is in, a body cut short does not matter to an upload.
            const onError = (e) => answer === undefined ? fail('network', `PUT failed: ${e.message}`) : done(false);
            const onClose = () => answer === undefined
                ? fail('network', 'PUT failed: the connection closed before the answer')
                : done(false);
            // Likewise a body that stops coming: the upload is done, only the connection is lost.
            const onTimeout = () => answer === undefined
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
                if (i < pieces.length - 1)
                    socket.write(piece);
                else
                    socket.write(piece, bodySent);
            }
            if (pieces.length === 0)
                bodySent();
            socket.uncork();
        });
    }
    /** Closes every connection, idle or in use. */
    close() {
        this.#closed = true;
        this.#sockets.close();
    }
}
/** Status line and headers; undefined when it is not an HTTP/1.x answer. */
function parseHead(text) {
    const lines = text.split('\r\n');
    const m = /^HTTP\/1\.([01]) (\d{3})(?: |$)/.exec(lines[0]);
    if (m === null)
        return undefined;
    const headers = {};
    for (let i = 1; i < lines.length; i++) {
        const line = lines[i];
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        const had = headers[name];
        // Two different lengths: no framing to trust.
        if (name === 'content-length' && had !== undefined && had !== value)
            headers[name] = 'invalid';
        else if (had === undefined)
            headers[name] = value;
        else if (Array.isArray(had))
            had.push(value);
        else if (name !== 'content-length')
            headers[name] = [had, value];
    }
    const connection = String(headers.connection ?? '').toLowerCase();
    let keepAlive = m[1] === '1' ? !connection.includes('close') : connection.includes('keep-alive');
    if (headers['transfer-encoding'] !== undefined) {
        // Both framings: another reader of this connection (a proxy) may have taken the length, and what follows
        // this answer for the next one: the connection carries nothing more.
        if (headers['content-length'] !== undefined)
            keepAlive = false;
        delete headers['content-length'];
    }
    return { status: Number(m[2]), headers, keepAlive };
}

;// CONCATENATED MODULE: ./src/cache/remote/get-connections.ts



/** The slowest an answer may arrive, on average, once the idle time-out has passed (see #exchange). */
const MIN_BYTES_PER_SECOND = 16 * 1024;
/** An answer's head larger than this is not from a cache server. */
const get_connections_HEAD_LIMIT = 64 * 1024;
const EMPTY = Buffer.alloc(0);
/**
 * An answer that is no success (a miss, a refusal) is read up to this much whatever was asked for: a proxy's error
 * page, larger than a record's first range, still says its status.
 */
const ERROR_PAGE_LIMIT = 256 * 1024;
/** The end of a body always read through the shared buffer (see AnswerReader.space). */
const LENT_TAIL = 16 * 1024;
/** What one read from a plain connection brings at most: the size Node reads with. */
const get_connections_READ_SIZE = 64 * 1024;
/** Pipelined GETs sent in one write on one connection, at most (see `get`). */
const PIPELINE_DEPTH = 4;
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
class GetConnections {
    #o;
    #connections = new KeptAlive((c) => c.socket);
    #host;
    /** Every read of a plain connection lands here; each is consumed before the next one happens. */
    #readBuffer = Buffer.allocUnsafeSlow(get_connections_READ_SIZE);
    /** The connection whose write of this turn pipelined GETs join (see #send). */
    #gathering;
    /** Busy connections carrying pipelined GETs. */
    #pipelined = new Set();
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
    #waiting = [];
    #closed = false;
    constructor(o) {
        this.#o = o;
        this.#host = o.origin.host;
    }
    /**
     * `target`: path and query; `headers`: lowercase names, no `host` (added here). A body longer than `limit`
     * fails. `memory(size)`: where a 2xx answer's body of `size` bytes goes (other answers' bodies are read and
     * dropped, so that the connection can carry the next request). `pipelined`: the GET may go out with others
     * asked for in the same turn, on one connection (small answers only: a large one would hold up those behind it).
     */
    get(target, headers, limit, memory, pipelined = false) {
        let head = `GET ${target} HTTP/1.1\r\nhost: ${this.#host}\r\n`;
        for (const [name, value] of Object.entries(headers)) {
            // A line break in a value would end the head early and smuggle in another request.
            if (/[\r\n\0]/.test(value))
                return Promise.resolve((0,result/* err */._)({ kind: 'network', message: `GET failed: invalid ${name} header` }));
            head += `${name}: ${value}\r\n`;
        }
        head += '\r\n';
        return new Promise((resolve) => this.#send({ head, limit, memory, pipelined, behind: false, resent: 0, sentAt: 0, resolve }));
    }
    /**
     * Sends `ex` on a connection: an idle one, a new one, or (pipelined) in the write being put together this turn.
     * Never behind GETs sent earlier: a server that skips requests (one that reads a request and drops the rest
     * of what came with it) would answer a later one in the place of one it skipped. A batch is answered whole, or
     * its GETs time out, before the connection carries another.
     */
    #send(ex) {
        if (this.#closed) {
            ex.resolve((0,result/* err */._)({ kind: 'network', message: 'GET failed: the client is closed' }));
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
        if (ex.pipelined)
            this.#pipelined.add(c);
        if (ex.pipelined && this.#pipelining) {
            // The GETs asked for in this turn join this one, in the same write.
            this.#gathering = c;
            c.socket.cork();
            process.nextTick(() => {
                if (this.#gathering === c)
                    this.#gathering = undefined;
                c.socket.uncork();
            });
        }
        ex.sentAt = performance.now();
        c.socket.write(ex.head, 'latin1');
    }
    /**
     * GETs that waited for a connection go out on `c`, whose last one was just answered: as many as one write carries.
     */
    #takeWaiting(c) {
        const batch = this.#waiting.splice(0, this.#pipelining ? PIPELINE_DEPTH : 1);
        if (batch.length === 0)
            return;
        c.socket.cork();
        for (const [i, ex] of batch.entries()) {
            ex.behind = i > 0;
            ex.sentAt = performance.now();
            c.queue.push(ex);
            c.socket.write(ex.head, 'latin1');
        }
        process.nextTick(() => c.socket.uncork());
    }
    #cap() {
        return Math.max(1, this.#o.pipelinedConnections ?? 1);
    }
    #open() {
        const connection = {
            socket: undefined,
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
        const feed = (bytes) => {
            // Bytes while idle: this connection is confused (or closing); it is dropped.
            if (connection.feed)
                connection.feed(bytes);
            else
                connection.socket.destroy();
        };
        // Asked for before every read. The rest of a body announced by its length is read straight into the body's
        // memory: no copy of it here. Only while an answer is being read, and only that rest: the memory is the
        // caller's once the answer is complete (it may move to another thread), and a connection whose answer fails is
        // destroyed, so that nothing reads into it after.
        const buffer = () => {
            const space = connection.feed ? connection.reader?.space() : undefined;
            connection.lent = space !== undefined;
            return space ?? this.#readBuffer;
        };
        const onread = {
            buffer,
            callback: (n) => {
                if (!connection.lent)
                    feed(this.#readBuffer.subarray(0, n));
                else if (connection.filled)
                    connection.filled(n);
                else
                    connection.socket.destroy();
                connection.lent = false;
                return true;
            },
        };
        connection.socket = connectTo(this.#o.origin, { ...this.#o, onread });
        connection.socket.once('connect', () => (connection.connected = true));
        // A TLS connection reads into buffers of its own.
        if (this.#o.origin.protocol === 'https:')
            connection.socket.on('data', feed);
        return connection;
    }
    /**
     * Reads the answers to `c`'s GETs, in order, until none waits (the connection is then parked) or the
     * connection fails (the GET being answered fails; those behind it are sent again).
     */
    #listen(c) {
        const socket = c.socket;
        const detach = () => {
            this.#stopTimers(c);
            c.feed = undefined;
            c.filled = undefined;
            c.reader = undefined;
            socket.off('end', onEnd);
            socket.off('error', onError);
            socket.off('close', onEnd);
            socket.off('timeout', onTimeout);
            this.#pipelined.delete(c);
            if (this.#gathering === c)
                this.#gathering = undefined;
            this.#connections.release(c);
        };
        /**
         * The connection is done with. The GET being answered gets `first`, or (`again`) goes out again, counted (see
         * RESENDS). Those behind it, and those waiting for a connection, get `behindToo`, or go out again uncounted:
         * the GET before each was answered, failed or counted, so that this ends even with a server that closes after
         * every answer.
         */
        const end = (first, again = false, behindToo) => {
            const [ex, ...behind] = c.queue.splice(0);
            detach();
            socket.destroy();
            if (ex !== undefined && again && ex.resent < RESENDS) {
                ex.resent++;
                this.#send(ex);
            }
            else
                ex?.resolve(first);
            for (const b of [...behind, ...this.#waiting.splice(0)]) {
                if (behindToo)
                    b.resolve((0,result/* err */._)(behindToo));
                else
                    this.#send(b);
            }
        };
        const fail = (kind, message) => {
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
                    for (const ex of [...c.queue, ...this.#waiting])
                        ex.probe = true;
                    end((0,result/* err */._)(failure), true);
                }
                else
                    end((0,result/* err */._)(failure), false, failure);
                return;
            }
            // Closed before any of the answer came. After other answers (kept alive, or pipelined): the server closed
            // it meanwhile, or (a GET sent behind another) takes no pipelined GETs. On a new connection carrying
            // several: a server, or a proxy, that may refuse pipelined GETs by closing (not one that was never
            // connected: a server restarting). Each goes out again, alone from now on when pipelining may be to blame.
            const refused = nothing && (c.queue[0]?.behind === true || (!c.reused && c.connected && c.queue.length > 1));
            if (refused)
                this.#pipelining = false;
            end((0,result/* err */._)(failure), nothing && (c.reused || refused));
        };
        /** The answer being read is in: its GET is answered; whether the next one waiting on `c` is now read. */
        const finish = (extra) => {
            const reader = c.reader;
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
                const refused = reader.reusable || this.#closed ? false : c.queue.length > 1 && (!c.reused || status >= 400);
                if (refused)
                    this.#pipelining = false;
                end((0,result.ok)(answer.value), refused && status >= 400);
                return false;
            }
            const ex = c.queue.shift();
            c.reused = true;
            // Only a connection counted among the pipelined ones (see #cap) takes those waiting.
            if (c.queue.length === 0 && this.#pipelined.has(c))
                this.#takeWaiting(c);
            if (c.queue.length > 0)
                this.#current(c);
            else {
                detach();
                this.#connections.park(c);
            }
            ex.resolve((0,result.ok)(answer.value));
            return c.queue.length > 0;
        };
        const took = (problem, bytes, extra = false) => {
            const reader = c.reader;
            if (reader.headed && c.slowTimer === undefined) {
                clearTimeout(c.headTimer);
                this.#heard(c);
                // An answer whole in the read that brought its head (a miss, a record) needs no timer for its body.
                if (problem === undefined && reader.complete)
                    return finish(extra);
                c.headedAt = Date.now();
                this.#timeBody(c, fail);
            }
            else
                c.received += bytes;
            if (problem !== undefined)
                fail('network', problem);
            else if (reader.complete)
                return finish(extra);
            return false;
        };
        c.feed = (bytes) => {
            let rest = bytes;
            for (;;) {
                const r = c.reader.feed(rest);
                if (typeof r === 'string') {
                    took(r, rest.length);
                    return;
                }
                // Bytes after an answer are the next one's, when a GET waits for one (else finish ends the connection).
                if (!took(undefined, rest.length - r.length, r.length > 0) || r.length === 0)
                    return;
                rest = r;
            }
        };
        c.filled = (n) => {
            c.reader.filled(n);
            took(undefined, n);
        };
        const onEnd = () => {
            // An answer framed by the connection's end is complete now; any other is cut short. A connection this
            // client closed (close()) ended nothing: what came of the answer is only part of it.
            const reader = c.reader;
            if (this.#closed)
                fail('network', 'GET failed: the client is closed');
            else if (reader?.endsAtClose())
                finish(false);
            else
                fail('network', reader?.cutShort() ?? 'GET failed: the connection closed');
        };
        const onError = (e) => fail('network', `GET failed: ${e.message}`);
        const onTimeout = () => fail('timeout', `GET timed out after ${c.deadlineMs} ms`);
        c.onTimeout = onTimeout;
        socket.on('end', onEnd);
        socket.on('error', onError);
        socket.on('close', onEnd);
        socket.on('timeout', onTimeout);
    }
    /** The first GET waiting on `c` is the one being answered now: its reader, and its head's time-out. */
    #current(c) {
        const ex = c.queue[0];
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
            if (first >= idle)
                return c.onTimeout?.();
            // Decided once the reads already due are read (timers run before them): a thread kept busy past the short
            // wait must not take the answer waiting in its socket for a hung server.
            setImmediate(() => {
                // Moved on, answered, or closed by close() (whose failure comes with the socket's close).
                if (this.#closed || c.reader !== reader || reader.headed)
                    return;
                if (reader.started || this.#heardAt > ex.sentAt) {
                    // The server is up: this GET has the rest of the whole time-out.
                    c.deadlineMs = idle;
                    c.headTimer = setTimeout(() => c.onTimeout?.(), idle - first);
                }
                else
                    c.onTimeout?.();
            });
        }, first);
        c.slowTimer = undefined;
        c.received = 0;
    }
    /** The head of the answer `c` is reading came whole: the server is up (see PROBE_FACTOR). */
    #heard(c) {
        const now = performance.now();
        this.#slowestHeadMs = Math.max(this.#slowestHeadMs, now - Math.max(c.queue[0].sentAt, c.currentAt));
        this.#heardAt = now;
        // The socket's own idle time-out may end the body: named as such.
        c.deadlineMs = this.#o.idleTimeoutMs;
    }
    /**
     * Nor may a body trickle (a byte now and then keeps the idle time-out away): once the head is in, the body must
     * come at MIN_BYTES_PER_SECOND on average after a grace of the time-out, announced length or not (a chunked
     * answer has none). One timer, set for when the bytes received so far stop being enough.
     */
    #timeBody(c, fail) {
        const due = c.headedAt + this.#o.idleTimeoutMs + (c.received / MIN_BYTES_PER_SECOND) * 1000;
        const before = c.received;
        c.slowTimer = setTimeout(() => {
            if (c.received > before)
                this.#timeBody(c, fail);
            else
                fail('timeout', `GET answered slower than ${MIN_BYTES_PER_SECOND} bytes a second`);
        }, Math.max(0, Math.ceil(due - Date.now())));
    }
    #stopTimers(c) {
        clearTimeout(c.headTimer);
        clearTimeout(c.slowTimer);
        c.headTimer = undefined;
        c.slowTimer = undefined;
    }
    /** Closes every connection, idle or in use. */
    close() {
        this.#closed = true;
        this.#connections.close();
        for (const ex of this.#waiting.splice(0))
            ex.resolve((0,result/* err */._)({ kind: 'network', message: 'GET failed: the client is closed' }));
    }
}
/**
 * One answer, parsed from the bytes as they come: the head, then the body by its framing. Every byte it keeps is
 * copied (the reads' buffer is used again for the next read).
 */
class AnswerReader {
    #limit;
    #memory;
    #head;
    #status = 0;
    #headers = {};
    #framing = 'head';
    /** Length framing: the body's memory and how much of it has come. */
    #body;
    #at = 0;
    /**
     * Chunks and the connection's end: the body so far, and its size. One buffer grown by doubling, not a piece per
     * chunk: a body of 1-byte chunks would cost an object per byte, a hundred times its size.
     */
    #kept = EMPTY;
    #size = 0;
    /** Chunk framing: where the parser is, and the bytes left of the current chunk. */
    #chunk = 'size';
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
    constructor(limit, memory) {
        this.#limit = limit;
        this.#memory = memory;
    }
    /** The final answer's head is in. */
    get headed() {
        return this.#framing !== 'head';
    }
    get complete() {
        return this.#framing === 'done';
    }
    /** The body's length, once the head has announced it (undefined: chunked, or up to the connection's end). */
    get bodyLength() {
        return this.#body?.length;
    }
    get reusable() {
        return this.#keepAlive && this.#framing === 'done';
    }
    endsAtClose() {
        if (this.#framing === 'close')
            this.#framing = 'done';
        return this.#framing === 'done';
    }
    cutShort() {
        if (this.#framing === 'head')
            return 'GET failed: the connection closed before the answer';
        if (this.#framing === 'length')
            return `response truncated (${this.#at} of ${this.#body.length} bytes)`;
        return 'reading a response failed: the connection closed early';
    }
    answer() {
        let body = this.#body;
        if (body === undefined) {
            body = this.#ok() ? this.#memory(this.#size) : Buffer.allocUnsafe(this.#size);
            this.#kept.copy(body, 0, 0, this.#size);
        }
        return (0,result.ok)({ status: this.#status, headers: this.#headers, body });
    }
    /**
     * Where the next bytes may be read straight into: the rest of a body announced by its length, but for its last
     * LENT_TAIL bytes. Those come through the shared buffer, with whatever the server sent after them, so that a
     * connection that sent more than its answer is still seen and not reused. Only a rest of a read's size at least:
     * a smaller one would cost a read of its own (records of 80 kB: three reads instead of two).
     */
    space() {
        if (this.#framing !== 'length')
            return undefined;
        const end = this.#body.length - LENT_TAIL;
        return end - this.#at >= get_connections_READ_SIZE ? this.#body.subarray(this.#at, end) : undefined;
    }
    /** `n` bytes were read into `space()` (never its last byte: see there). */
    filled(n) {
        if (n > 0)
            this.started = true;
        this.#at += n;
    }
    #ok() {
        return this.#status >= 200 && this.#status < 300;
    }
    #bodyLimit() {
        return this.#ok() ? this.#limit : Math.max(this.#limit, ERROR_PAGE_LIMIT);
    }
    #tooLarge() {
        return this.#ok()
            ? `response larger than ${this.#limit} bytes`
            : `HTTP ${this.#status}, its answer larger than ${this.#bodyLimit()} bytes`;
    }
    /**
     * Takes the next bytes, up to the end of the answer: what is wrong with them, or the bytes after the answer
     * (empty when it took them all).
     */
    feed(bytes) {
        if (bytes.length > 0)
            this.started = true;
        let rest = bytes;
        while (rest.length > 0) {
            switch (this.#framing) {
                case 'head': {
                    const r = this.#feedHead(rest);
                    if (typeof r === 'string')
                        return r;
                    rest = r;
                    break;
                }
                case 'length': {
                    const n = Math.min(rest.length, this.#body.length - this.#at);
                    this.#at += rest.copy(this.#body, this.#at, 0, n);
                    rest = rest.subarray(n);
                    if (this.#at === this.#body.length)
                        this.#framing = 'done';
                    break;
                }
                case 'close': {
                    const problem = this.#keep(rest);
                    if (problem)
                        return problem;
                    rest = rest.subarray(rest.length);
                    break;
                }
                case 'chunked': {
                    const r = this.#feedChunked(rest);
                    if (typeof r === 'string')
                        return r;
                    rest = r;
                    break;
                }
                case 'done':
                    return rest;
            }
        }
        return EMPTY;
    }
    #feedHead(bytes) {
        const before = this.#head?.length ?? 0;
        // The blank line may straddle two reads: look from a little before the new bytes. Only the head is copied
        // (the read that brings its end usually brings much of the body too).
        const head = this.#head === undefined ? bytes : Buffer.concat([this.#head, bytes]);
        const end = head.indexOf('\r\n\r\n', Math.max(0, before - 3));
        if (end < 0) {
            if (head.length > get_connections_HEAD_LIMIT)
                return 'GET failed: the answer has no end of headers';
            this.#head = this.#head === undefined ? Buffer.from(bytes) : head;
            return bytes.subarray(bytes.length);
        }
        this.#head = undefined;
        const rest = bytes.subarray(end + 4 - before);
        const parsed = parseHead(head.subarray(0, end).toString('latin1'));
        if (parsed === undefined)
            return 'GET failed: the server did not answer in HTTP/1.1';
        // An interim answer (100 Continue): the final one follows.
        if (parsed.status >= 100 && parsed.status < 200)
            return rest;
        this.#status = parsed.status;
        this.#headers = parsed.headers;
        this.#keepAlive = parsed.keepAlive;
        const coding = String(parsed.headers['transfer-encoding'] ?? '').toLowerCase();
        const length = parsed.headers['content-length'];
        if (parsed.status === 204 || parsed.status === 304)
            this.#framing = 'done';
        else if (coding !== '')
            this.#framing = /(?:^|,)\s*chunked\s*$/.test(coding) ? 'chunked' : 'close';
        else if (length === undefined)
            this.#framing = 'close';
        else if (!/^\d+$/.test(String(length)))
            return 'GET failed: the answer has no valid Content-Length';
        else {
            const size = Number(length);
            if (size > this.#bodyLimit())
                return this.#tooLarge();
            this.#body = this.#ok() ? this.#memory(size) : Buffer.allocUnsafe(size);
            this.#framing = size === 0 ? 'done' : 'length';
        }
        // Framed by the connection's end: it carries nothing after this answer.
        if (this.#framing === 'close')
            this.#keepAlive = false;
        return rest;
    }
    #keep(bytes) {
        const size = this.#size + bytes.length;
        if (size > this.#bodyLimit())
            return this.#tooLarge();
        if (size > this.#kept.length) {
            const grown = Buffer.allocUnsafe(Math.min(this.#bodyLimit(), Math.max(size, 2 * this.#kept.length, 16 * 1024)));
            this.#kept.copy(grown, 0, 0, this.#size);
            this.#kept = grown;
        }
        bytes.copy(this.#kept, this.#size);
        this.#size = size;
        return undefined;
    }
    #feedChunked(bytes) {
        let rest = bytes;
        while (rest.length > 0) {
            if (this.#chunk === 'data') {
                const n = Math.min(rest.length, this.#chunkLeft);
                const problem = this.#keep(rest.subarray(0, n));
                if (problem)
                    return problem;
                this.#chunkLeft -= n;
                rest = rest.subarray(n);
                if (this.#chunkLeft === 0)
                    this.#chunk = 'data-end';
                continue;
            }
            // Lines: a chunk's size, the end of its data, the trailers.
            const nl = rest.indexOf(0x0a);
            const take = nl < 0 ? rest.length : nl + 1;
            this.#line += rest.subarray(0, take).toString('latin1');
            rest = rest.subarray(take);
            if (this.#line.length > get_connections_HEAD_LIMIT)
                return 'reading a response failed: a chunk line too long';
            if (nl < 0)
                continue;
            this.#framed += this.#line.length;
            if (this.#chunk === 'trailers')
                this.#trailed += this.#line.length;
            // A body of 1-byte chunks takes 5 bytes of framing a byte.
            if (this.#framed > get_connections_HEAD_LIMIT + 8 * this.#bodyLimit() || this.#trailed > get_connections_HEAD_LIMIT)
                return 'reading a response failed: more chunk framing or trailers than an answer needs';
            const line = this.#line.replace(/\r?\n$/, '');
            this.#line = '';
            if (this.#chunk === 'data-end') {
                if (line !== '')
                    return 'reading a response failed: a chunk not followed by its line end';
                this.#chunk = 'size';
            }
            else if (this.#chunk === 'size') {
                const m = /^([0-9a-fA-F]{1,8})(?:[ \t]*;.*)?$/.exec(line);
                if (m === null)
                    return 'reading a response failed: an invalid chunk size';
                this.#chunkLeft = parseInt(m[1], 16);
                this.#chunk = this.#chunkLeft === 0 ? 'trailers' : 'data';
            }
            else if (line === '') {
                this.#framing = 'done';
                return rest;
            }
        }
        return rest;
    }
}

;// CONCATENATED MODULE: ./src/cache/remote/object-store.ts



/** Metadata records are small; anything bigger is not ours. */
const META_LIMIT = 4 * 1024 * 1024;
/** Answers a GET: the response for 2xx, undefined for 404, a failure otherwise (the body is discarded). */
function expectFound(r, what) {
    if (!r.ok)
        return r;
    const { status } = r.value;
    if (status >= 200 && status < 300)
        return r;
    r.value.body.resume();
    if (status === 404)
        return (0,result.ok)(undefined);
    return (0,result/* err */._)({ kind: 'status', status, message: `${what} answered HTTP ${status}` });
}
/** Answers a GET read whole: its body for 2xx, undefined for 404, a failure otherwise. */
function expectWhole(r, what) {
    if (!r.ok)
        return r;
    const { status, body } = r.value;
    if (status >= 200 && status < 300)
        return (0,result.ok)(body);
    if (status === 404)
        return (0,result.ok)(undefined);
    return (0,result/* err */._)({ kind: 'status', status, message: `${what} answered HTTP ${status}` });
}
/** Answers a PUT by its status: any 2xx is stored; a conflict means the object is there already. */
function expectStored(r, what) {
    if (!r.ok)
        return r;
    const status = r.value;
    if ((status >= 200 && status < 300) || status === 409)
        return (0,result.ok)(undefined);
    return (0,result/* err */._)({ kind: 'status', status, message: `${what} answered HTTP ${status}` });
}
/** Runs `fn` over `items` with at most `limit` at once; stops early at the first failure. */
async function mapBounded(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (failure === undefined && next < items.length) {
            const i = next++;
            const r = await fn(items[i]);
            if (r.ok)
                out[i] = r.value;
            else
                failure ??= r.error;
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return failure ? (0,result/* err */._)(failure) : (0,result.ok)(out);
}
/**
 * GETs small records (or their first `head` bytes) one request each, many at once over the kept-alive sockets:
 * `concurrency` connections. `pipelined` (small answers only: a whole record with its archive, up to a megabyte,
 * would hold up the GETs behind it): PIPELINE_DEPTH GETs to a connection (see get-connections.ts).
 */
async function getMetasConcurrently(client, ids, pathOf, query, concurrency, o = {}) {
    const { head, arrived, memory, missed, pipelined = false } = o;
    const found = new Map();
    const range = (bytes) => ({ range: `bytes=0-${bytes - 1}` });
    const fixed = typeof head === 'number' ? range(head) : undefined;
    const r = await mapBounded(ids, pipelined ? concurrency * PIPELINE_DEPTH : concurrency, async (id) => {
        const asked = typeof head === 'function' ? await head(id) : head;
        const headers = typeof head === 'function' ? range(asked) : fixed;
        const res = await client.getWhole(pathOf(id), { query, pipelined, ...(headers ? { headers } : {}) }, META_LIMIT, arrived ? (memory ?? true) : undefined);
        if (!res.ok)
            return res;
        const { status, body } = res.value;
        if (status === 404) {
            missed?.(id);
            return (0,result.ok)(undefined);
        }
        if (status < 200 || status >= 300)
            return (0,result/* err */._)({ kind: 'status', status, message: `the cache server answered HTTP ${status}` });
        // A server that ignores the range sends the whole object: only the bytes asked for are kept (copied, so that
        // the rest goes), or a thousand lookups would hold a thousand whole records. `arrived` keeps what it needs
        // itself: a whole line, which cutting would make a record to ask for again.
        if (arrived)
            found.set(id, arrived(id, body));
        else
            found.set(id, asked !== undefined && body.length > asked ? Buffer.from(body.subarray(0, asked)) : body);
        return (0,result.ok)(undefined);
    });
    return r.ok ? (0,result.ok)(found) : r;
}
/**
 * The answer to a ranged GET of `size` bytes from `start`, as a body of exactly those bytes: a 206 must name that
 * range; a 200 (a server that ignores ranges) sends the whole object, whose first `start` bytes are dropped here.
 * What follows the range in a 200 is left to the reader's size check (it fails the restore).
 */
function rangeBody(r, start, size) {
    if (!r.ok || r.value === undefined)
        return r;
    const res = r.value;
    if (res.status === 206) {
        const want = `bytes ${start}-${start + size - 1}/`;
        const got = String(res.headers['content-range'] ?? '');
        if (got.startsWith(want))
            return r;
        res.body.resume();
        return (0,result/* err */._)({ kind: 'status', status: 206, message: `the cache server answered another range (${got})` });
    }
    if (start === 0)
        return r;
    let skip = start;
    const rest = new external_node_stream_.Transform({
        transform(chunk, _enc, cb) {
            if (skip >= chunk.length) {
                skip -= chunk.length;
                cb();
                return;
            }
            const part = skip === 0 ? chunk : chunk.subarray(skip);
            skip = 0;
            cb(null, part);
        },
    });
    res.body.on('error', (e) => rest.destroy(e));
    // A reader that stops early (a failed check) lets go of the connection too.
    rest.once('close', () => {
        if (!res.body.readableEnded)
            res.body.destroy();
    });
    res.body.pipe(rest);
    return (0,result.ok)({ ...res, body: rest });
}

;// CONCATENATED MODULE: ./src/cache/remote/bazel-store.ts

/**
 * The Bazel HTTP cache protocol: `GET/PUT/HEAD <url>/ac/<sha256>` for records and `<url>/cas/<sha256>` for
 * content, where a `cas` name is the SHA-256 of its bytes (bazel-remote checks that on upload). Records are not
 * Bazel ActionResults, so bazel-remote needs `--disable_http_ac_validation`; nginx with WebDAV takes anything.
 */
class BazelStore {
    #c;
    #concurrency;
    constructor(client, concurrency) {
        this.#c = client;
        this.#concurrency = concurrency;
    }
    get display() {
        return this.#c.display;
    }
    redact(text) {
        return this.#c.redact(text);
    }
    /** nginx and bazel-remote serve ranges of what they store; a server that does not sends whole objects. */
    inlineArchives = true;
    getMetas(ids, head, arrived, memory, missed) {
        return getMetasConcurrently(this.#c, ids, (id) => `/ac/${id}`, {}, this.#concurrency, 
        // Ranged GETs of a record's first bytes (lookups) are pipelined.
        { head, arrived, memory, missed, pipelined: typeof head === 'number' });
    }
    async getPart(id, start, size) {
        const r = await this.#c.request('GET', `/ac/${id}`, {
            headers: { range: `bytes=${start}-${start + size - 1}` },
        });
        return rangeBody(expectFound(r, 'the cache server'), start, size);
    }
    async getBlob(id) {
        return expectFound(await this.#c.request('GET', `/cas/${id}`), 'the cache server');
    }
    async getBlobWhole(id, limit, memory) {
        return expectWhole(await this.#c.getWhole(`/cas/${id}`, {}, limit, memory), 'the cache server');
    }
    async put(space, id, body, size) {
        const path = space === 'meta' ? `/ac/${id}` : `/cas/${id}`;
        const r = await this.#c.put(path, {
            body: typeof body === 'function' ? body() : body,
            length: size,
            headers: { 'content-type': 'application/octet-stream' },
        });
        return expectStored(r, 'the cache server');
    }
    close() {
        this.#c.close();
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/cache/remote/paced-body.ts


/** The `code` of the error a body too slow fails with. */
const SLOW_ANSWER = 'DISBUILD_SLOW_ANSWER';
/** How often a streamed answer's pace is looked at. */
const CHECK_MS = 500;
/**
 * An answer's body, failed once it arrives slower than MIN_BYTES_PER_SECOND on average after `graceMs` from its
 * head, or within any window of `graceMs` (at least 2 s) after it: bytes that came fast at first earn no credit for
 * a trickle later (half of 6 MB at once, then a byte now and then, held a run for three minutes). The idle time-out
 * alone never ends an answer whose bytes trickle (one now and then restarts it): a server sending a byte a second
 * would hold a run, or a pre-push hook, for as long as its answer is long. Time during which bytes that came wait
 * for their reader (a slow disk under an unpacker) does not count: the pace is the server's, not the reader's.
 */
function pacedBody(body, graceMs) {
    let received = 0;
    let waited = 0;
    const since = Date.now();
    const windowMs = Math.max(graceMs, 4 * CHECK_MS);
    // Where the current window began (from the first look after the grace): time counted as the server's (ms from
    // the head), and bytes received by then.
    let windowAt;
    let windowReceived = 0;
    const out = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            received += chunk.length;
            done(null, chunk);
        },
    });
    const check = setInterval(() => {
        // Bytes held here for the reader: the server is not the one keeping them.
        if (out.readableLength > 0 || out.writableLength > 0 || body.readableLength > 0) {
            waited += CHECK_MS;
            return;
        }
        const active = Date.now() - since - waited;
        const late = active - graceMs;
        let slow = late > 0 && received < (late / 1000) * MIN_BYTES_PER_SECOND;
        if (late > 0 && windowAt === undefined) {
            windowAt = active;
            windowReceived = received;
        }
        else if (windowAt !== undefined && active - windowAt >= windowMs) {
            slow ||= received - windowReceived < ((active - windowAt) / 1000) * MIN_BYTES_PER_SECOND;
            windowAt = active;
            windowReceived = received;
        }
        if (slow) {
            const e = Object.assign(new Error(`the answer came slower than ${MIN_BYTES_PER_SECOND} bytes a second`), { code: SLOW_ANSWER });
            out.destroy(e);
        }
    }, CHECK_MS);
    // The socket keeps the process alive while the answer is read; this timer alone must not.
    check.unref();
    const stop = () => {
        clearInterval(check);
        if (!body.destroyed)
            body.destroy();
    };
    out.on('close', stop);
    // A reader that stopped listening (a 404's body drained with resume()) must not have the failure crash the run.
    out.on('error', () => undefined);
    body.on('error', (e) => out.destroy(e));
    body.pipe(out);
    return out;
}

// EXTERNAL MODULE: ./src/util/extra-ca-certs.ts
var extra_ca_certs = __webpack_require__(1737);
;// CONCATENATED MODULE: ./src/cache/remote/http-client.ts








/**
 * A small keep-alive HTTP(S) client for cache servers, on undici (the HTTP/1.1 client Node's own `fetch` is
 * built on): a request costs a third of the CPU of `node:http`'s, which is most of what restoring a thousand
 * small artifacts costs.
 *
 * Deals with: connection reuse (a thousand lookups share a few sockets), authorization, idle time-outs (waiting
 * for the answer's headers, between its body's chunks, and between an upload's chunks), the trust store (the
 * system's CAs and NODE_EXTRA_CA_CERTS on top of Node's own), and keeping secrets out of every message.
 * Does not deal with: what the paths mean (the stores) or retries (the circuit breaker decides).
 */
class HttpClient {
    #base;
    #basePath;
    #auth;
    #secrets;
    /** undici's pool, made on first use: uploads and lookups from memory never need it (see #poolNow). */
    #pool;
    #closed = false;
    #poolOptions;
    #origin;
    #puts;
    #gets;
    #timeoutMs;
    /** The base URL without credentials, for messages. */
    display;
    constructor(o) {
        const url = new URL(o.url);
        // Checked by parseRemoteCacheOptions where sent: with a token, user information may hold any `%`.
        const user = decodeURIComponentSafe(url.username);
        const pass = decodeURIComponentSafe(url.password);
        url.username = '';
        url.password = '';
        this.#base = url;
        this.#basePath = url.pathname.replace(/\/$/, '');
        // A path or query holding an `@` may be the rest of a password whose `/` or `?` was not encoded (its first
        // part parsed as a user and a port): neither is shown, nor left in a message.
        const tail = url.pathname + url.search;
        const hidden = tail.includes('@');
        // A query given with the URL goes with every request: a server that takes its token there, a signed URL. It
        // is shown as `?…`, and its values are secrets as the token is.
        const query = url.search.slice(1);
        this.display = hidden
            ? `${url.origin}/…`
            : `${url.origin}${url.pathname.replace(/\/$/, '')}${query === '' ? '' : '?…'}`;
        // The URL as given counts as a secret only when it carries credentials.
        this.#secrets = [
            o.token ?? '',
            pass,
            url.password,
            user || pass ? o.url : '',
            ...(hidden
                ? [url.pathname, url.search].flatMap((p) => {
                    const part = p.replace(/\/$/, '');
                    return part.includes('@') ? [part, decodeURIComponentSafe(part)] : [];
                })
                : []),
            query,
            // Each value alone too, but for short ones (`v=1`, `gzip=true`): a word that common would go from messages.
            ...query.split('&').flatMap((p) => {
                const value = p.slice(p.indexOf('=') + 1);
                return [value, decodeURIComponentSafe(value.replaceAll('+', ' '))].filter((v) => v.length >= 8);
            }),
        ].filter((s) => s.length >= 4);
        if (o.token)
            this.#auth = `Bearer ${o.token}`;
        else if (user || pass)
            this.#auth = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
        if (this.#auth)
            this.#secrets.push(this.#auth.slice(this.#auth.indexOf(' ') + 1));
        this.#timeoutMs = o.idleTimeoutMs;
        const ca = url.protocol === 'https:' ? trustStore().ca : undefined;
        this.#puts = new PutConnections({
            origin: new URL(url.origin),
            idleTimeoutMs: o.idleTimeoutMs,
            ...(ca ? { ca } : {}),
        });
        this.#gets = new GetConnections({
            origin: new URL(url.origin),
            idleTimeoutMs: o.idleTimeoutMs,
            pipelinedConnections: o.maxSockets,
            ...(ca ? { ca } : {}),
        });
        this.#origin = url.origin;
        this.#poolOptions = {
            connections: o.maxSockets,
            headersTimeout: o.idleTimeoutMs,
            bodyTimeout: o.idleTimeoutMs,
            connect: {
                timeout: o.idleTimeoutMs,
                ...(url.protocol === 'https:' ? trustStore() : {}),
            },
        };
    }
    /**
     * undici's pool, its code loaded and run the first time a request needs it. A process that only uploads and
     * fetches from memory (the upload process, a run's lookups) never loads undici and the Node modules it takes
     * (http2, perf_hooks, worker_threads…): a run's lookups of 1,000 keys spent 7 ms of CPU on them through the
     * code cache, the upload process (which compiles its program anew each time) more. In the bundle, not a chunk of
     * its own ("eager"): the programs beside the CLI are single files.
     */
    #poolNow() {
        // Closed before its first such request: none is made, as the pool closed with the client refuses them.
        if (this.#closed && this.#pool === undefined)
            return Promise.reject(new Error('the client is closed'));
        this.#pool ??= Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 3676)).then(({ newPool }) => newPool(this.#origin, this.#poolOptions));
        return this.#pool;
    }
    /** Replaces every secret this client knows (token, password, credentials) in `text`. */
    redact(text) {
        let out = text;
        for (const s of this.#secrets)
            out = out.split(s).join('***');
        return out;
    }
    /** `path` is appended to the base URL's path; `query` adds parameters. */
    async request(method, path, opts = {}) {
        const target = this.#target(path, opts.query);
        const headers = this.#headers(opts.headers);
        const body = Array.isArray(opts.body)
            ? Buffer.concat(opts.body)
            : opts.body;
        const length = Buffer.isBuffer(body) ? body.length : opts.length;
        if (length !== undefined)
            headers['content-length'] = String(length);
        // undici times out waiting for headers and between body chunks; a streamed upload that stops moving (a
        // server that no longer reads) is abandoned here.
        const upload = body !== undefined && !Buffer.isBuffer(body) ? body : undefined;
        const abort = new AbortController();
        let stalled;
        let stalledOut = false;
        const watch = (ms = this.#timeoutMs) => {
            clearTimeout(stalled);
            stalled = setTimeout(() => {
                stalledOut = true;
                abort.abort(new Error(upload ? 'the upload made no progress' : 'no answer'));
            }, ms);
        };
        // A download's answer must begin within a bound of its own: undici's wait for its head starts again at each
        // interim answer (`102 Processing`), and a server sending one every so often would hold the run forever. An
        // upload's bound runs from its last piece sent; one from memory is sent whole first, however long that takes.
        if (body === undefined)
            watch(2 * this.#timeoutMs);
        // undici reads the caller's stream through this one, which marks each chunk's passing. Never set flowing here
        // (a 'data' listener): what it read before undici's socket connected would be lost.
        const sent = upload
            ? new external_node_stream_.Transform({
                transform: (chunk, _encoding, done) => {
                    watch();
                    done(null, chunk);
                },
            })
            : undefined;
        let readFailed;
        if (upload && sent) {
            upload.once('error', (e) => {
                readFailed = e;
                sent.destroy(e);
            });
            upload.pipe(sent);
            watch();
        }
        try {
            const res = await (await this.#poolNow()).request({
                method,
                path: target,
                headers,
                ...(body === undefined ? {} : { body: sent ?? body }),
                signal: abort.signal,
            });
            clearTimeout(stalled);
            // A HEAD's answer has no body to pace (and a thousand lookups need no timer each).
            const answer = method === 'HEAD' ? res.body : pacedBody(res.body, this.#timeoutMs);
            return (0,result.ok)({ status: res.statusCode, headers: res.headers, body: answer });
        }
        catch (e) {
            if (stalledOut)
                return (0,result/* err */._)({ kind: 'timeout', message: `${method} timed out after ${this.#timeoutMs} ms` });
            if (readFailed) {
                return (0,result/* err */._)({
                    kind: 'network',
                    message: this.redact(`reading the upload failed: ${readFailed.message}`),
                });
            }
            return (0,result/* err */._)(this.#failure(method, e));
        }
        finally {
            clearTimeout(stalled);
            // Its file closed however the request ended (undici ends or destroys only the stream it was given).
            upload?.destroy();
        }
    }
    /** The caller's headers, and the authorization of every request. */
    #headers(extra) {
        const headers = { ...extra };
        if (this.#auth)
            headers.authorization = this.#auth;
        return headers;
    }
    /** `path` appended to the base URL's path, with the base URL's query and `query`. */
    #target(path, query) {
        let target = `${this.#basePath}${path}`;
        const search = this.#base.search.slice(1);
        const extra = query && Object.keys(query).length > 0 ? new URLSearchParams(query) : undefined;
        if (search || extra)
            target += `?${[search, extra?.toString()].filter(Boolean).join('&')}`;
        return target;
    }
    /**
     * A GET whose whole answer is read into memory, `limit` bytes at most (see get-connections.ts: a lighter path
     * than undici's for many small objects). `own`: a 2xx answer's body is in memory of its own (from that pool,
     * when one is given), which its reader may hand on to another thread. `pipelined`: a small answer, whose GET
     * may go out with others asked for in the same turn, on one connection (lookups; see get-connections.ts).
     */
    async getWhole(path, opts, limit, own) {
        const headers = this.#headers(opts.headers);
        const memory = own === undefined
            ? (size) => Buffer.allocUnsafe(size)
            : own === true
                ? (size) => Buffer.allocUnsafeSlow(size)
                : (size) => own.take(size);
        const r = await this.#gets.get(this.#target(path, opts.query), headers, limit, memory, opts.pipelined);
        if (!r.ok)
            return (0,result/* err */._)({ kind: r.error.kind, message: this.redact(r.error.message) });
        return r;
    }
    /**
     * A PUT, answered by its status (the answer's body is dropped). A body in memory (one buffer, or pieces sent
     * one after the other) takes a lighter path than undici's (see put-connections.ts): a cold run uploads one
     * small artifact per job, and a stream per answer cost more than the parse of its head. A stream goes through
     * `request`.
     */
    async put(path, opts) {
        if (opts.body instanceof external_node_stream_.Readable) {
            const r = await this.request('PUT', path, opts);
            if (!r.ok)
                return r;
            r.value.body.resume();
            return (0,result.ok)(r.value.status);
        }
        const headers = this.#headers(opts.headers);
        const r = await this.#puts.put(this.#target(path, opts.query), headers, opts.body);
        if (!r.ok)
            return (0,result/* err */._)({ kind: r.error.kind, message: this.redact(r.error.message) });
        return (0,result.ok)(r.value.status);
    }
    #failure(method, e) {
        const code = e.code ?? '';
        if (code === 'UND_ERR_HEADERS_TIMEOUT' ||
            code === 'UND_ERR_BODY_TIMEOUT' ||
            code === 'UND_ERR_CONNECT_TIMEOUT')
            return { kind: 'timeout', message: `${method} timed out after ${this.#timeoutMs} ms` };
        // undici reports a socket closed early as "other side closed"; the cause (when any) says more.
        const detail = e.cause && e.cause.message && e.cause.message !== e.message ? `: ${e.cause.message}` : '';
        return { kind: 'network', message: this.redact(`${method} failed: ${e.message}${detail}`) };
    }
    /** Reads a whole (small) response body. Events, not an async iterator: no promise per chunk. */
    readBody(res, limit) {
        const body = res.body;
        return new Promise((resolve) => {
            const chunks = [];
            let size = 0;
            let done = false;
            const finish = (r) => {
                if (done)
                    return;
                done = true;
                body.off('data', onData);
                resolve(r);
            };
            const onData = (chunk) => {
                size += chunk.length;
                if (size > limit) {
                    body.destroy();
                    finish((0,result/* err */._)({ kind: 'network', message: `response larger than ${limit} bytes` }));
                    return;
                }
                chunks.push(chunk);
            };
            body.on('data', onData);
            body.once('end', () => {
                const declared = Number(res.headers['content-length'] ?? NaN);
                if (!Number.isNaN(declared) && declared !== size) {
                    finish((0,result/* err */._)({ kind: 'network', message: `response truncated (${size} of ${declared} bytes)` }));
                }
                else
                    finish((0,result.ok)(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
            });
            const failed = (e) => finish((0,result/* err */._)({
                kind: e.code === 'UND_ERR_BODY_TIMEOUT' || e.code === SLOW_ANSWER ? 'timeout' : 'network',
                message: this.redact(`reading a response failed: ${e.message}`),
            }));
            body.once('error', failed);
            body.once('close', () => failed(new Error('the connection closed early')));
        });
    }
    /** Closes every socket: the kept-alive ones and those of requests still in flight. */
    close() {
        this.#closed = true;
        this.#puts.close();
        this.#gets.close();
        void this.#pool?.then((p) => p.destroy()).catch(() => undefined);
    }
}
let cachedTrust;
/**
 * Node trusts its own bundled CAs and, when no `ca` is given, NODE_EXTRA_CA_CERTS. Corporate caches are often
 * signed by a CA that only the system's store knows, so the system bundle is added, and with an explicit `ca`
 * list NODE_EXTRA_CA_CERTS must be added by hand (Node applies it only to its default list), as must the file a
 * process was handed under another name (extra-ca-certs.ts): the upload process's Node never saw it.
 */
function trustStore() {
    if (cachedTrust)
        return cachedTrust;
    const extra = [];
    const files = [
        process.env.SSL_CERT_FILE,
        '/etc/ssl/certs/ca-certificates.crt',
        '/etc/pki/tls/certs/ca-bundle.crt',
        '/etc/ssl/cert.pem',
        (0,extra_ca_certs/* extraCaCertsFile */.y7)(),
    ];
    let system = false;
    for (const [i, f] of files.entries()) {
        if (!f || (system && i < files.length - 1))
            continue;
        try {
            extra.push((0,external_node_fs_.readFileSync)(f, 'utf8'));
            if (i < files.length - 1)
                system = true;
        }
        catch {
            // Not on this system.
        }
    }
    cachedTrust = extra.length === 0 ? {} : { ca: [...external_node_tls_.rootCertificates, ...extra] };
    return cachedTrust;
}
/** `s` decoded, or as it is when it is not valid percent-encoding. */
function decodeURIComponentSafe(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/cache/remote/byte-budget.ts
/**
 * A bound on the bytes held in memory at once, shared by whoever holds them: downloaded archives waiting to be
 * written, records fetched whole ahead of their restore.
 *
 * `take` waits for room (first come, first served); `tryTake` takes only what is free now. A request larger than
 * the whole budget is let through alone, when nothing else is held, so that it cannot wait forever.
 */
class ByteBudget {
    #limit;
    #held = 0;
    #waiting = [];
    constructor(limit) {
        this.#limit = limit;
    }
    /** Bytes held now. */
    get held() {
        return this.#held;
    }
    /** Bytes that could be taken now. */
    get free() {
        return Math.max(0, this.#limit - this.#held);
    }
    /** Takes `bytes` if they fit now; the caller gives them back with `give`. */
    tryTake(bytes) {
        if (this.#waiting.length > 0 || !this.#fits(bytes))
            return false;
        this.#held += bytes;
        return true;
    }
    /** Waits until `bytes` fit, takes them, and answers the function that gives them back (once). */
    async take(bytes) {
        if (!this.tryTake(bytes)) {
            await new Promise((go) => this.#waiting.push({ bytes, go }));
        }
        let given = false;
        return () => {
            if (given)
                return;
            given = true;
            this.give(bytes);
        };
    }
    give(bytes) {
        this.#held -= bytes;
        while (this.#waiting.length > 0 && this.#fits(this.#waiting[0].bytes)) {
            const next = this.#waiting.shift();
            this.#held += next.bytes;
            next.go();
        }
    }
    #fits(bytes) {
        return this.#held + bytes <= this.#limit || this.#held === 0;
    }
}

;// CONCATENATED MODULE: ./src/cache/remote/memory-pool.ts
/**
 * Memory for records fetched whole, used again once their archives are written instead of allocated anew.
 *
 * Deals with: handing out buffers of their own (the whole of an ArrayBuffer is theirs, so they may move to another
 * thread) and taking that memory back. Memory the system has not handed to this process before costs a page fault
 * per page on first use, and a run that restores a thousand small archives would otherwise touch as much new
 * memory as it downloads (and leave the garbage collector that much more to do).
 * Does not deal with: bounding what is in use (the prefetch budget does).
 */
class MemoryPool {
    #largest;
    #keepBytes;
    #keptBytes = 0;
    /** What waits in #free: memory given back twice is kept once (else two buffers would share it). */
    #waiting = new WeakSet();
    /** Free pieces by size: powers of two from SMALLEST, so that a piece is at most twice what it holds. */
    #free = new Map();
    /** Buffers up to `largest` bytes come from the pool; at most `keepBytes` of pieces wait to be reused. */
    constructor(largest, keepBytes) {
        this.#largest = largest;
        this.#keepBytes = keepBytes;
    }
    /** A buffer of `bytes` bytes, in memory of its own (reused when some of its size class was given back). */
    take(bytes) {
        if (bytes > this.#largest)
            return Buffer.allocUnsafeSlow(bytes);
        const size = pieceSize(bytes);
        const memory = this.#free.get(size)?.pop();
        if (memory === undefined)
            return Buffer.allocUnsafeSlow(size).subarray(0, bytes);
        this.#keptBytes -= size;
        this.#waiting.delete(memory);
        return Buffer.from(memory, 0, bytes);
    }
    /** Memory no one reads any more (from `take`, or moved back from another thread), to be used again. */
    give(memory) {
        const size = memory.byteLength;
        if (size !== pieceSize(size) || size > pieceSize(this.#largest))
            return;
        if (this.#keptBytes + size > this.#keepBytes || this.#waiting.has(memory))
            return;
        this.#waiting.add(memory);
        const free = this.#free.get(size) ?? [];
        free.push(memory);
        this.#free.set(size, free);
        this.#keptBytes += size;
    }
}
const SMALLEST = 64 * 1024;
function pieceSize(bytes) {
    let size = SMALLEST;
    while (size < bytes)
        size *= 2;
    return size;
}

// EXTERNAL MODULE: ./src/cache/manifest.ts
var cache_manifest = __webpack_require__(8445);
// EXTERNAL MODULE: ./src/cache/log-file.ts
var log_file = __webpack_require__(7891);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/util/read-own-file.ts
var read_own_file = __webpack_require__(5958);
;// CONCATENATED MODULE: ./src/cache/remote/deflate-estimate.ts
/** Positions of 4-byte sequences by hash (plus one; 0: none seen), and symbol counts: reused by every call. */
const lastSeen = new Int32Array(1 << 12);
/** Deflate's literal/length alphabet: bytes, end of block (256), length codes (257–285). */
const literalsAndLengths = new Int32Array(286);
const distances = new Int32Array(30);
/** What a dynamic block's code tables cost: a fixed part, and a few bits for each symbol the block uses. */
const HEADER_BITS = 160;
const HEADER_BITS_PER_SYMBOL = 4;
/**
 * About how many bytes deflate at level 1 would make of `bytes` (meant for a sample of a few KiB), modelled on
 * what it does: a greedy parse into 4-byte-or-longer matches, found through a hash of each sequence's last
 * position as fast compressors find them; then deflate's symbols (literals, length and distance codes with their
 * extra bits), each costing what a Huffman code for its frequency would (its entropy, at least one bit), plus the
 * code tables; or deflate's fixed codes, when those come out smaller. Tried on 5,228 file heads of 2 KiB (code,
 * JSON, source maps, text, translations, fonts, executables, libraries, images, compressed files, base64 and hex)
 * its ratio is within 0.08 of zlib's level 1 (0.014 on average), and on which side of 0.65 it falls agrees with
 * zlib's on 99.9 % of them, the others all near the line (98.9 % of heads of 512 bytes). It costs a third to a
 * fifth of zlib's time, whose set-up alone (a stream, its window and tables) costs more than compressing 2 KiB.
 */
function estimateDeflatedSize(bytes) {
    lastSeen.fill(0);
    literalsAndLengths.fill(0);
    distances.fill(0);
    const n = bytes.length;
    let symbols = 0;
    let matches = 0;
    let extraBits = 0;
    let i = 0;
    // The 4 bytes at i, little-endian: rolled on by one byte after a literal, read anew after a match. (A second
    // table of the sequences last seen, to check a candidate in one comparison, was slower: its 16 KiB are out of
    // the CPU's caches at each call in the upload process.)
    let seq = n >= 4 ? bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24) : 0;
    while (i + 4 <= n) {
        const slot = Math.imul(seq, 0x9e3779b1) >>> 20;
        const at = lastSeen[slot] - 1;
        lastSeen[slot] = i + 1;
        if (at >= 0 &&
            bytes[at] === bytes[i] &&
            bytes[at + 1] === bytes[i + 1] &&
            bytes[at + 2] === bytes[i + 2] &&
            bytes[at + 3] === bytes[i + 3]) {
            let length = 4;
            while (i + length < n && length < 258 && bytes[at + length] === bytes[i + length])
                length++;
            const distance = i - at;
            literalsAndLengths[257 + lengthCode(length)]++;
            distances[distanceCode(distance)]++;
            extraBits += lengthExtraBits(length) + distanceExtraBits(distance);
            matches++;
            symbols++;
            i += length;
            if (i + 4 <= n)
                seq = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
        }
        else {
            literalsAndLengths[bytes[i]]++;
            symbols++;
            if (i + 4 < n)
                seq = (seq >>> 8) | (bytes[i + 4] << 24);
            i++;
        }
    }
    for (; i < n; i++, symbols++)
        literalsAndLengths[bytes[i]]++;
    literalsAndLengths[256] = 1;
    symbols++;
    const dynamic = HEADER_BITS + extraBits + huffmanBits(literalsAndLengths, symbols) + huffmanBits(distances, matches);
    let fixed = extraBits + matches * 5;
    for (let s = 0; s < 286; s++) {
        const c = literalsAndLengths[s];
        if (c > 0)
            fixed += c * (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8);
    }
    return Math.min(dynamic, fixed) / 8;
}
/** The bits of the symbols counted in `counts` under codes fitted to their frequencies, with their table entries. */
function huffmanBits(counts, total) {
    let bits = 0;
    for (let s = 0; s < counts.length; s++) {
        const c = counts[s];
        if (c > 0)
            bits += HEADER_BITS_PER_SYMBOL + c * Math.max(1, -Math.log2(c / total));
    }
    return bits;
}
/** The index (0–28) of the length code of a match of `length` bytes (3–258), as RFC 1951 numbers them. */
function lengthCode(length) {
    if (length <= 10)
        return length - 3;
    if (length === 258)
        return 28;
    const extra = lengthExtraBits(length);
    return 4 + extra * 4 + ((length - 3) >> extra) - 4;
}
function lengthExtraBits(length) {
    return length <= 10 || length === 258 ? 0 : 29 - Math.clz32(length - 3);
}
/** The distance code (0–29) of a match `distance` bytes back (1–32,768). */
function distanceCode(distance) {
    if (distance <= 4)
        return distance - 1;
    const extra = distanceExtraBits(distance);
    return 2 * extra + 2 + (((distance - 1) >> extra) & 1);
}
function distanceExtraBits(distance) {
    return distance <= 4 ? 0 : 30 - Math.clz32(distance - 1);
}

// EXTERNAL MODULE: ./src/util/free-space.ts
var free_space = __webpack_require__(6947);
;// CONCATENATED MODULE: ./src/cache/remote/archive.ts












/** Archives up to this size are kept in memory between packing and uploading, and restored from one buffer. */
const IN_MEMORY_ARCHIVE = 4 * 1024 * 1024;
const gzipAsync = (0,external_node_util_.promisify)(external_node_zlib_.gzip);
// The callback forms, not fs/promises: a FileHandle costs the main thread several times more per small file.
const mkdir = (0,external_node_util_.promisify)(external_node_fs_.mkdir);
const writeFile = (0,external_node_util_.promisify)(external_node_fs_.writeFile);
const gunzipAsync = (0,external_node_util_.promisify)(external_node_zlib_.gunzip);
/** How much of an archive's start decides how it is stored. */
const SAMPLE = 2 * 1024;
/** Compression pays when level 1 would shrink the sample to at most this fraction. */
const WORTH_COMPRESSING = 0.65;
/** Files up to this size are read in one call; bigger ones stream. */
const READ_WHOLE = 1024 * 1024;
/**
 * Stored as is, or gzipped at level 1, from the archive's first bytes (so the same tree still gives the same
 * archive). Text, code and JSON shrink three to five times at level 1 and are gzipped; compressed files, base64 and
 * digests shrink by a quarter at best (Huffman coding of ~64 symbols), which costs more CPU on both ends than the
 * bytes it saves cost to send to a cache server: those are stored as is.
 */
function chooseEncoding(head) {
    if (head.length < 512)
        return 'identity';
    const sample = head.length > SAMPLE ? head.subarray(0, SAMPLE) : head;
    return estimateDeflatedSize(sample) <= WORTH_COMPRESSING * sample.length ? 'gzip' : 'identity';
}
const filesOf = (manifest) => manifest.entries.filter((e) => e.type === 'file');
/**
 * Packs the tree at `dir` (exactly the manifest's files, in its order) and answers the archive's SHA-256, size
 * and encoding. Small archives are built in memory from one read per file, straight into one buffer (from
 * `memory` when given: see `PackedArchive.release`); bigger ones stream through `spillFile`.
 * A file whose size differs from the manifest's (changed since it was hashed) fails the pack.
 */
async function packArchive(dir, manifest, spillFile, memory) {
    const files = filesOf(manifest);
    const total = files.reduce((s, e) => s + e.size, 0);
    if (total <= IN_MEMORY_ARCHIVE) {
        // A byte more than the files hold: one that grew since it was hashed shows.
        const room = memory ? memory.take(total + 1) : Buffer.allocUnsafe(total + 1);
        let release = memory ? () => memory.give(room.buffer) : undefined;
        try {
            let at = 0;
            for (const e of files)
                at += readInto((0,external_node_path_.join)(dir, e.path), e.size, room, at);
            const content = room.subarray(0, total);
            const encoding = chooseEncoding(content);
            let bytes = content;
            if (encoding === 'gzip') {
                bytes = await gzipAsync(content, { level: external_node_zlib_.constants.Z_BEST_SPEED });
                release?.();
                release = undefined;
            }
            const sha256 = encoding === 'identity' && files.length === 1
                ? files[0].sha256
                : (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
            return { sha256, size: bytes.length, encoding, bytes, ...(release ? { release } : {}) };
        }
        catch (e) {
            release?.();
            throw e;
        }
    }
    const first = files.find((e) => e.size > 0);
    const encoding = chooseEncoding(readHead((0,external_node_path_.join)(dir, first.path), SAMPLE));
    const digest = new Digest();
    const sink = new SpillSink(spillFile, IN_MEMORY_ARCHIVE);
    const source = external_node_stream_.Readable.from(fileBytes(dir, files));
    if (encoding === 'gzip') {
        await (0,external_node_stream_promises_.pipeline)(source, (0,external_node_zlib_.createGzip)({ level: external_node_zlib_.constants.Z_BEST_SPEED, chunkSize: 64 * 1024 }), digest, sink);
    }
    else
        await (0,external_node_stream_promises_.pipeline)(source, digest, sink);
    const bytes = sink.bytes();
    return { sha256: digest.hex(), size: digest.size, encoding, ...(bytes ? { bytes } : {}) };
}
/** Writes the archive of the tree at `dir` to `file` (see `packArchive`). */
async function packTree(dir, manifest, file) {
    const a = await packArchive(dir, manifest, file);
    if (a.bytes)
        await writeFile(file, a.bytes);
    return { sha256: a.sha256, size: a.size, encoding: a.encoding };
}
/** The whole of a small file, which must be exactly `size` bytes: one open, one read, one close. */
function readExactly(path, size) {
    const buf = Buffer.allocUnsafe(size + 1);
    readInto(path, size, buf, 0);
    return buf.subarray(0, size);
}
/**
 * Reads the file at `path`, which must be exactly `size` bytes, into `buf` from `at` (where `size + 1` bytes
 * must fit: the byte past its end is overwritten, to see whether it grew); answers `size`.
 */
function readInto(path, size, buf, at) {
    const fd = (0,read_own_file/* openRegularFile */.ZU)(path);
    try {
        let got = 0;
        for (;;) {
            const n = (0,external_node_fs_.readSync)(fd, buf, at + got, size + 1 - got, null);
            if (n === 0)
                break;
            got += n;
            if (got > size)
                break;
        }
        if (got !== size)
            throw new Error(`${path} changed since it was saved (${got} bytes, not ${size})`);
        return size;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function readHead(path, n) {
    const fd = (0,read_own_file/* openRegularFile */.ZU)(path);
    try {
        const buf = Buffer.allocUnsafe(n);
        return buf.subarray(0, (0,external_node_fs_.readSync)(fd, buf, 0, n, 0));
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** The files' bytes in order, each checked to be exactly as long as the manifest says. */
async function* fileBytes(dir, files) {
    for (const e of files) {
        const path = (0,external_node_path_.join)(dir, e.path);
        if (e.size <= READ_WHOLE) {
            yield readExactly(path, e.size);
            continue;
        }
        let got = 0;
        for await (const chunk of (0,external_node_fs_.createReadStream)('', {
            fd: (0,read_own_file/* openRegularFile */.ZU)(path),
            highWaterMark: 256 * 1024,
        })) {
            got += chunk.length;
            if (got > e.size)
                break;
            yield chunk;
        }
        if (got !== e.size)
            throw new Error(`${path} changed since it was saved`);
    }
}
/** Keeps what is written in memory up to `limit` bytes, then moves it all to `file` and streams the rest there. */
class SpillSink extends external_node_stream_.Writable {
    #file;
    #limit;
    #chunks = [];
    #size = 0;
    #out;
    constructor(file, limit) {
        super();
        this.#file = file;
        this.#limit = limit;
    }
    _write(chunk, _enc, cb) {
        if (this.#out === undefined && this.#size + chunk.length <= this.#limit) {
            this.#chunks.push(chunk);
            this.#size += chunk.length;
            cb();
            return;
        }
        let bytes = chunk;
        if (this.#out === undefined) {
            this.#out = (0,external_node_fs_.createWriteStream)(this.#file, { flags: 'wx' });
            // Reported through the write callbacks and `_final`.
            this.#out.on('error', () => undefined);
            bytes = Buffer.concat([...this.#chunks, chunk]);
            this.#chunks = [];
        }
        // One write at a time: its callback carries any error, and nothing piles up in memory.
        this.#out.write(bytes, (e) => cb(e));
    }
    _final(cb) {
        if (this.#out === undefined) {
            cb();
            return;
        }
        const out = this.#out;
        out.once('error', cb);
        out.end(() => {
            out.off('error', cb);
            cb();
        });
    }
    _destroy(e, cb) {
        this.#out?.destroy();
        cb(e);
    }
    /** The archive, when it stayed in memory. */
    bytes() {
        return this.#out === undefined ? Buffer.concat(this.#chunks, this.#size) : undefined;
    }
}
/** Counts and hashes what flows through it. */
class Digest extends external_node_stream_.Transform {
    #h = (0,external_node_crypto_.createHash)('sha256');
    size = 0;
    _transform(chunk, _enc, cb) {
        this.#h.update(chunk);
        this.size += chunk.length;
        this.push(chunk);
        cb();
    }
    hex() {
        return this.#h.digest('hex');
    }
}
/**
 * Reads a whole body of exactly `size` bytes into one buffer of its own (from `memory` when given: memory used
 * before costs no page faults, and a restore of a hundred 4 MB archives otherwise spends more time on them than
 * on the copy). Events, not an async iterator: a promise per chunk costs more than the copy, over a thousand small
 * downloads.
 */
function readAll(body, size, memory) {
    return new Promise((resolve) => {
        // Its own memory, never a slice of a shared ArrayBuffer: it may move to another thread whole.
        const buf = memory ? memory.take(size) : Buffer.allocUnsafeSlow(size);
        let got = 0;
        let done = false;
        const finish = (r) => {
            if (done)
                return;
            done = true;
            body.off('data', onData);
            resolve(r);
        };
        const onData = (c) => {
            if (got + c.length > size) {
                body.destroy();
                finish((0,result/* err */._)(`the archive is longer than its record says (${size} bytes)`));
                return;
            }
            c.copy(buf, got);
            got += c.length;
        };
        body.on('data', onData);
        body.once('end', () => finish(got === size ? (0,result.ok)(buf) : (0,result/* err */._)(`the archive is truncated (${got} of ${size} bytes)`)));
        body.once('error', (e) => finish((0,result/* err */._)(`the download failed: ${e.message}`)));
        // A body that ends early without an error (a dropped connection) still closes.
        body.once('close', () => finish((0,result/* err */._)(`the archive is truncated (${got} of ${size} bytes)`)));
    });
}
/**
 * Extracts an archive into `dest` (an existing, empty, private directory), checking as it goes: the archive's
 * size must match the record, and every file's bytes the manifest's size and SHA-256 (small archives: each file is
 * checked before it is written). The manifest (already checked: safe relative paths only) says what goes where;
 * directories are made from it, links are made last, so no write ever goes through one. On failure `dest` may
 * hold partial files that the caller removes; nothing is written elsewhere, whatever the archive holds.
 *
 * Every byte restored is checked against the manifest, so the archive's own digest is not computed again: a
 * different archive that restores the same verified files is harmless.
 */
async function unpackTree(body, dest, manifest, archive) {
    const files = filesOf(manifest);
    const total = files.reduce((s, e) => s + e.size, 0);
    const made = new Set([dest]);
    let wrote;
    // Whole only when its inflated contents are small too (see RemoteTier.fitsInMemory).
    if (archive.size <= IN_MEMORY_ARCHIVE && total <= IN_MEMORY_ARCHIVE) {
        const raw = await readAll(body, archive.size);
        if (!raw.ok)
            return raw;
        let content = raw.value;
        if (archive.encoding === 'gzip') {
            try {
                // Never more than the manifest promises: a small archive cannot expand into a huge one.
                content = await gunzipAsync(raw.value, { maxOutputLength: Math.max(1, total) });
            }
            catch (e) {
                return (0,result/* err */._)(`bad archive: ${e.message}`);
            }
        }
        if (content.length !== total)
            return (0,result/* err */._)(`the archive holds ${content.length} bytes, the manifest ${total}`);
        wrote = await writeFromBuffer(content, dest, manifest, made);
    }
    else {
        // Files are checked as their last byte is written: a record declaring more than the disk holds is refused
        // before it fills the disk.
        const free = (0,free_space/* freeBytes */.go)(dest);
        if (free !== undefined && total > free)
            return (0,result/* err */._)(`its ${total} bytes would not fit on the disk (${free} bytes free)`);
        wrote = await writeFromStream(body, dest, manifest, archive, total, made);
    }
    if (!wrote.ok)
        return wrote;
    try {
        for (const e of manifest.entries) {
            if (e.type !== 'symlink')
                continue;
            makeDir((0,external_node_path_.dirname)((0,external_node_path_.join)(dest, e.path)), made);
            (0,external_node_fs_.symlinkSync)(e.target, (0,external_node_path_.join)(dest, e.path));
        }
    }
    catch (x) {
        return (0,result/* err */._)(`could not restore a link: ${x.message}`);
    }
    return (0,result.ok)(undefined);
}
function makeDir(dir, made) {
    if (made.has(dir))
        return;
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    made.add(dir);
}
const failedOn = (e, x) => `could not write ${JSON.stringify(e.path)}: ${x.message}`;
/**
 * Every file is checked before anything is written; then the directories, in order, and the files, side by side.
 * Asynchronous: creating files and directories is what a restore of small artifacts mostly costs, and on the
 * thread pool it runs beside the main thread (on the other core) instead of stalling every other transfer.
 */
async function writeFromBuffer(content, dest, manifest, made) {
    const files = [];
    let at = 0;
    for (const e of manifest.entries) {
        if (e.type !== 'file')
            continue;
        const bytes = content.subarray(at, at + e.size);
        at += e.size;
        if ((0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex') !== e.sha256)
            return (0,result/* err */._)(`${JSON.stringify(e.path)} does not match the manifest`);
        files.push({ e, bytes });
    }
    for (const e of manifest.entries) {
        const path = (0,external_node_path_.join)(dest, e.path);
        const dir = e.type === 'dir' ? path : e.type === 'file' ? (0,external_node_path_.dirname)(path) : undefined;
        if (dir === undefined || made.has(dir))
            continue;
        try {
            await mkdir(dir, { recursive: true });
            made.add(dir);
        }
        catch (x) {
            return (0,result/* err */._)(failedOn(e, x));
        }
    }
    const failures = await Promise.all(files.map(({ e, bytes }) => 
    // 'wx': a file never replaces anything, nor writes through a path already there.
    writeFile((0,external_node_path_.join)(dest, e.path), bytes, { flag: 'wx', mode: e.mode }).then(() => undefined, (x) => failedOn(e, x))));
    const failed = failures.find((f) => f !== undefined);
    return failed === undefined ? (0,result.ok)(undefined) : (0,result/* err */._)(failed);
}
/**
 * Large archives: the body streams (gunzipped when it is gzip) and is cut into the files as it arrives, each
 * written and hashed chunk by chunk; a file is checked when its last byte is written.
 */
async function writeFromStream(body, dest, manifest, archive, total, made) {
    const files = filesOf(manifest);
    for (const e of manifest.entries) {
        if (e.type !== 'dir')
            continue;
        // A name the file system refuses (too long, no room, no access) makes the archive unusable, not the run.
        try {
            makeDir((0,external_node_path_.join)(dest, e.path), made);
        }
        catch (x) {
            return (0,result/* err */._)(failedOn(e, x));
        }
    }
    let raw = 0;
    let index = 0;
    let left = 0;
    let fd;
    let hash = (0,external_node_crypto_.createHash)('sha256');
    let problem;
    const open = () => {
        // Empty files are complete before any byte arrives.
        while (index < files.length && left === 0 && fd === undefined) {
            const e = files[index];
            const path = (0,external_node_path_.join)(dest, e.path);
            makeDir((0,external_node_path_.dirname)(path), made);
            fd = (0,external_node_fs_.openSync)(path, 'wx', e.mode);
            hash = (0,external_node_crypto_.createHash)('sha256');
            left = e.size;
            if (left === 0)
                close();
        }
    };
    const close = () => {
        const e = files[index];
        (0,external_node_fs_.closeSync)(fd);
        fd = undefined;
        if (hash.digest('hex') !== e.sha256)
            throw new Error(`${JSON.stringify(e.path)} does not match the manifest`);
        index++;
    };
    const counter = new external_node_stream_.Transform({
        transform(chunk, _enc, cb) {
            raw += chunk.length;
            if (raw > archive.size)
                cb(new Error(`the archive is longer than its record says (${archive.size} bytes)`));
            else
                cb(null, chunk);
        },
    });
    const sink = new external_node_stream_.Writable({
        write(chunk, _enc, cb) {
            try {
                let at = 0;
                while (at < chunk.length) {
                    open();
                    if (fd === undefined)
                        throw new Error(`the archive holds more than the manifest's ${total} bytes`);
                    const n = Math.min(left, chunk.length - at);
                    const part = chunk.subarray(at, at + n);
                    hash.update(part);
                    for (let done = 0; done < n;)
                        done += (0,external_node_fs_.writeSync)(fd, part, done);
                    at += n;
                    left -= n;
                    if (left === 0)
                        close();
                }
                cb();
            }
            catch (x) {
                cb(x);
            }
        },
        final(cb) {
            try {
                open();
                cb(index === files.length ? null : new Error('the archive is truncated'));
            }
            catch (x) {
                cb(x);
            }
        },
    });
    try {
        if (archive.encoding === 'gzip')
            await (0,external_node_stream_promises_.pipeline)(body, counter, (0,external_node_zlib_.createGunzip)({ chunkSize: 256 * 1024 }), sink);
        else
            await (0,external_node_stream_promises_.pipeline)(body, counter, sink);
    }
    catch (x) {
        problem = x.message;
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
    if (problem === undefined && raw !== archive.size)
        problem = `the archive is truncated (${raw} of ${archive.size} bytes)`;
    return problem === undefined ? (0,result.ok)(undefined) : (0,result/* err */._)(problem);
}

// EXTERNAL MODULE: ./src/cache/entry-meta.ts
var entry_meta = __webpack_require__(7126);
;// CONCATENATED MODULE: ./src/cache/remote/remote-record.ts





/** Logs up to this size travel inside the record; longer ones are blobs named by their SHA-256. */
const INLINE_LOG_LIMIT = 64 * 1024;
/** Records whose JSON line fits in this many bytes are read whole by a lookup's one ranged GET. */
const RECORD_HEAD = 4096;
/** Archives up to this size may travel inside their record (one upload instead of two). */
const INLINE_ARCHIVE_LIMIT = 1024 * 1024;
/**
 * The record's name on the server: versioned, so a format change never reads old records (v1 named tar
 * archives, v2 never held their archive) and older clients never read these.
 */
function recordId(key) {
    return (0,external_node_crypto_.createHash)('sha256').update(`disbuild-remote-v3\0${key}`).digest('hex');
}
/** The record's line as stored: its JSON and a newline (the inline archive, if any, follows). */
function recordLine(record) {
    const { at: _at, ...archive } = record.archive;
    return Buffer.from(`${JSON.stringify({ ...record, archive })}\n`);
}
/**
 * The record's line out of what a lookup fetched: the whole object, or (`partial`) only its first bytes.
 * Undefined when those bytes end before the line does (a record too long for the first range).
 */
function splitRecord(bytes, partial) {
    const nl = bytes.indexOf(0x0a);
    if (nl >= 0)
        return { line: bytes.subarray(0, nl), end: nl + 1 };
    return partial ? undefined : { line: bytes, end: bytes.length };
}
const HEX64 = /^[0-9a-f]{64}$/;
/**
 * Parses and checks a record fetched for `key` (its whole object, or a first part holding its whole line):
 * anything unexpected makes it unusable.
 */
function parseRecord(bytes, key) {
    // Whatever a server sends is refused as a bad record, never taken for the run's own failure.
    try {
        return checkRecord(bytes, key);
    }
    catch (e) {
        return (0,result/* err */._)(`the record cannot be checked (${e instanceof Error ? e.message : String(e)})`);
    }
}
/** The longest text a link may have (Linux's PATH_MAX, less its NUL). */
const MAX_LINK_TEXT = 4095;
function checkRecord(bytes, key) {
    const split = splitRecord(bytes, false);
    let r;
    try {
        r = JSON.parse(split.line.toString('utf8'));
    }
    catch {
        return (0,result/* err */._)('the record is not JSON');
    }
    if (typeof r !== 'object' || r === null || r.version !== 3)
        return (0,result/* err */._)('the record has an unknown version');
    if (r.key !== key || r.manifest?.key !== key)
        return (0,result/* err */._)('the record names another key');
    const a = r.archive;
    if (!a ||
        typeof a.sha256 !== 'string' ||
        !HEX64.test(a.sha256) ||
        !isSize(a.size) ||
        (a.encoding !== 'identity' && a.encoding !== 'gzip'))
        return (0,result/* err */._)('the record names no valid archive');
    if (a.inline !== undefined && (a.inline !== true || a.size === 0 || a.size > INLINE_ARCHIVE_LIMIT))
        return (0,result/* err */._)('the record names no valid archive');
    delete a.at;
    if (a.inline) {
        // The archive is whatever follows the line: the server cannot place it anywhere else.
        if (split.end === bytes.length && split.line.length === bytes.length)
            return (0,result/* err */._)('the record holds no archive');
        a.at = split.end;
    }
    // At least what the local cache requires when it reads the manifest back: a hit committed to it that this
    // would refuse would be called damaged by every later run.
    const checked = (0,entry_meta/* checkManifest */.K7)(r.manifest, key);
    if (!checked.ok)
        return (0,result/* err */._)(`the record has a malformed manifest: ${checked.error}`);
    const m = checked.value;
    if (!HEX64.test(m.stdoutSha256) || !HEX64.test(m.stderrSha256) || !isSize(m.durationMs))
        return (0,result/* err */._)('the record has a malformed manifest');
    const seen = new Set();
    for (const e of m.entries) {
        const problem = entryProblem(e);
        if (problem)
            return (0,result/* err */._)(problem);
        if (seen.has(e.path))
            return (0,result/* err */._)(`the file list names ${JSON.stringify(e.path)} twice`);
        seen.add(e.path);
    }
    const under = (0,cache_manifest/* pathUnderNonDirectory */.S$)(m.entries);
    if (under !== undefined)
        return (0,result/* err */._)(`the file list puts ${JSON.stringify(under)} under a file or link`);
    // Each link was checked alone above; followed through one another, links can still climb out of the tree.
    const leaving = (0,cache_manifest/* linkLeavingTree */.X8)(m.entries);
    if (leaving !== undefined)
        return (0,result/* err */._)(`the file list has a link ${JSON.stringify(leaving)} that points outside the output`);
    for (const name of ['stdout', 'stderr']) {
        if (r[name] !== undefined && typeof r[name] !== 'string')
            return (0,result/* err */._)(`the record's ${name} is malformed`);
    }
    return (0,result.ok)(r);
}
const isSize = (n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
/** A manifest entry that could write outside the restore directory, or describe something odd, is refused. */
function entryProblem(e) {
    const path = typeof e.path === 'string' ? e.path : '';
    const label = JSON.stringify(path);
    if (!isSafeRelative(path))
        return `the file list names an unsafe path ${label}`;
    if (!isSize(e.size))
        return `the file list gives ${label} a bad size`;
    switch (e.type) {
        case 'dir':
            // As the tree's own description gives a directory (describeTree): else every restore calls it damaged.
            return e.size === 0 && e.sha256 === ''
                ? undefined
                : `the file list gives the directory ${label} a size`;
        case 'file':
            if (e.mode !== 0o644 && e.mode !== 0o755)
                return `the file list gives ${label} a bad mode`;
            return HEX64.test(String(e.sha256)) ? undefined : `the file list gives ${label} a bad digest`;
        case 'symlink': {
            const target = typeof e.target === 'string' ? e.target : '';
            const resolved = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(path), target));
            // No system makes a link of a longer text (ENAMETOOLONG): only a forged list holds one.
            if (Buffer.byteLength(target) > MAX_LINK_TEXT)
                return `the file list has a link ${label} longer than a link can be`;
            if (target === '' ||
                target.startsWith('/') ||
                target.includes('\0') ||
                resolved === '..' ||
                resolved.startsWith('../'))
                return `the file list has a link ${label} that points outside the output`;
            if (e.size !== target.length || e.sha256 !== (0,cache_manifest/* sha256 */.sc)(target))
                return `the file list gives the link ${label} a size or digest not of its text`;
            return undefined;
        }
        default:
            return `the file list has an entry ${label} of unknown type`;
    }
}
/** Relative, '/'-separated, without empty, `.` or `..` parts, NULs or backslashes. */
function isSafeRelative(path) {
    if (path === '' || path.startsWith('/') || path.includes('\0') || path.includes('\\'))
        return false;
    return path.split('/').every((p) => p !== '' && p !== '.' && p !== '..');
}

;// CONCATENATED MODULE: ./src/cache/remote/remote-tier.ts












/**
 * Memory of records and archives fetched whole kept for reuse: about what is on its way and waiting to be written
 * at once (32 requests in flight, the restore thread's batch and the archives behind it: a few hundred small ones,
 * or eight of the largest archives fetched whole).
 */
const POOLED_BYTES = 32 * 1024 * 1024;
/**
 * When restores begin as records arrive, archives waiting to be written beyond which the next record waits: a
 * hundred small ones, more than the restore thread takes at once. Lookups ahead of the disk would only hold more
 * memory (memory not touched before, at that: see MemoryPool) and finish no sooner.
 */
const KEPT_AHEAD = 8 * 1024 * 1024;
/** What a record parsed on arrival leaves in the lookup's answers. */
const NOTHING = Buffer.alloc(0);
/** Archives fetched whole at once, each on its own connection (see RemoteTier.fetchArchive). */
const WHOLE_GETS_AT_ONCE = 32;
/** Bytes of those archives at once (see RemoteTier.#wholeBytes). */
const WHOLE_GET_BYTES = 16 * 1024 * 1024;
/**
 * Archive bytes kept of lookups' first ranges, without `prefetchBytes` (see RemoteTier.#keepHeadArchive): a thousand
 * records' worth of the archives that fit in a range.
 */
const HEAD_ARCHIVE_BYTES = 8 * 1024 * 1024;
/** Memory of packed archives kept for reuse: about what the uploads at once hold (a few small archives each). */
const PACKED_BYTES = 16 * 1024 * 1024;
/** Logs up to this size are fetched into memory; bigger ones into a file (see RemoteTier.logs). */
const LOG_IN_MEMORY = 16 * 1024 * 1024;
/**
 * The most bytes of one log a run fetches (RemoteTierOptions.maxLogBytes): a record may name any blob as its log,
 * and one that never ends would otherwise fill the disk.
 */
const MAX_LOG_BYTES = 1024 ** 3;
/**
 * The remote half of a tiered cache: records and archives on a cache server.
 *
 * Deals with: batched lookups, verified streaming downloads, background uploads with bounded concurrency and
 * a bounded wait at the end, and the circuit breaker — the first failure of any kind (server down, an error
 * status, a stall, a truncated or unverifiable body) turns the remote off for the rest of the run with one
 * warning, and everything after it is a miss or a skipped upload.
 * Does not deal with: the local cache (see tiered-cache.ts) or deciding what to download.
 */
class RemoteTier {
    #o;
    #down = false;
    #uploads = new Set();
    #queue = [];
    #active = 0;
    #pending = 0;
    #closing = false;
    /** Set by `interrupt`. */
    #interrupted = false;
    /**
     * Uploads given up by `interrupt` (those under way, and saves that end after it), told once: at `close`, or at
     * once when it comes during `close`. Some may have reached the server: the upload process reports what it
     * finished in batches, and is killed.
     */
    #givenUp;
    #scratchMade = false;
    #spills = 0;
    /** Each record's logs, fetched once (see logs). */
    #logs = new Map();
    /** The upload process: undefined until the first upload, null when uploads run in this process. */
    #child;
    #prefetchBudget;
    /** Memory for records and archives fetched whole, given back once their archives are written (see `recycle`). */
    #memory = new MemoryPool(IN_MEMORY_ARCHIVE, POOLED_BYTES);
    /** Archives that came with their records, counted in #prefetchBudget until taken and done with. */
    #prefetched = new Map();
    /** Bytes of those archives (kept and not yet done with), and the lookups waiting for fewer (see KEPT_AHEAD). */
    #keptBytes = 0;
    /** Archives that came whole in the first range of their records' lookups, without a prefetch budget. */
    #headArchives = new Map();
    #headArchiveBytes = 0;
    #waitingForRoom = [];
    /**
     * Memory of archives packed for upload, used again once each is sent: a run that uploads a thousand small
     * artifacts would otherwise touch as much new memory as it uploads (a page fault per page, on a busy machine).
     */
    #packMemory;
    /**
     * Archive blobs read whole at once (see fetchArchive), each on a connection of its own: as many as undici's pool
     * would have opened for them.
     */
    #wholeGets = new ByteBudget(WHOLE_GETS_AT_ONCE);
    /**
     * And their bytes at once: the server sends the archives side by side, so the first of them arrives whole only
     * once this much has, and nothing is written until then.
     */
    #wholeBytes = new ByteBudget(WHOLE_GET_BYTES);
    constructor(options) {
        this.#o = options;
        const budget = options.prefetchBytes ?? 0;
        if (budget > 0 && options.store.inlineArchives) {
            this.#prefetchBudget = new ByteBudget(budget);
        }
    }
    get down() {
        return this.#down;
    }
    /** Turns the remote off once, with one warning naming the server and the cause (secrets redacted). */
    fail(what, cause) {
        const message = this.#o.store.redact(`remote cache ${this.#o.store.display}: ${what} (${cause}); using the local cache only for the rest of this run`);
        if (this.#down)
            return message;
        this.#down = true;
        this.#child?.kill();
        this.#o.onWarning(message);
        return message;
    }
    /**
     * The records of `keys` that the server has. `early`: told of each record whose archive came along with it
     * (see `prefetchBytes`) as soon as it arrives, while the others are still on their way, so that its restore can
     * begin (`takePrefetched`); a record told of may still be missing from the answer, should a later one fail the
     * lookups.
     */
    async lookup(keys, early) {
        const found = new Map();
        if (this.#down || keys.length === 0)
            return found;
        const ids = new Map(keys.map((k) => [recordId(k), k]));
        // What followed the line of records fetched whole, by id: counted in the prefetch budget until sorted out.
        const tails = new Map();
        // Records asked for whole, by id: the budget they hold until they arrive.
        const whole = new Map();
        try {
            return await this.#lookup(ids, tails, whole, found, early);
        }
        finally {
            for (const tail of tails.values())
                this.#prefetchBudget?.give(tail.length);
            for (const reserved of whole.values())
                this.#prefetchBudget?.give(reserved);
            whole.clear();
        }
    }
    async #lookup(ids, tails, whole, found, early) {
        const store = this.#o.store;
        // Records read as they arrived (see `early`), by id: not parsed twice; and why those that could not be used.
        const parsed = new Map();
        const unusable = new Map();
        const budget = this.#prefetchBudget;
        // Where records may carry their archive, only their first bytes: the line, rarely more. Unless every hit
        // will be restored: then, while the budget lasts, small records whole (RECORD_HEAD bounds the line).
        // A record is asked for whole only with room for the most it can bring, taken before it is asked for: room
        // judged on arrival would download (and drop) every record once the room left is less than one archive.
        // When restores begin as records arrive (`early`), the room comes back as they are written: the next record
        // waits for it rather than coming by halves (its line now, its archive in a request of its own later), and
        // the memory of the archives written is used again for the next ones instead of memory the system has yet to
        // hand over.
        const wholeRecord = RECORD_HEAD + INLINE_ARCHIVE_LIMIT;
        const head = !store.inlineArchives
            ? undefined
            : !budget
                ? RECORD_HEAD
                : early !== undefined
                    ? async (id) => {
                        while (this.#keptBytes >= KEPT_AHEAD && !this.#down)
                            await new Promise((r) => this.#waitingForRoom.push(r));
                        await budget.take(wholeRecord);
                        whole.set(id, wholeRecord);
                        return wholeRecord;
                    }
                    : (id) => {
                        if (!budget.tryTake(wholeRecord))
                            return RECORD_HEAD;
                        whole.set(id, wholeRecord);
                        return wholeRecord;
                    };
        // A miss brings nothing: its room goes back at once.
        const missed = (id) => {
            const reserved = whole.get(id);
            if (reserved === undefined)
                return;
            whole.delete(id);
            budget.give(reserved);
        };
        // What is kept of an answer but its archive: the line, copied; or, when the line did not fit, the first
        // RECORD_HEAD bytes, which say so (the record is asked for again whole, below). A server that ignores the
        // range may send megabytes: none of them outlives the lookup.
        const lineOf = (bytes, split) => split !== undefined
            ? Buffer.from(bytes.subarray(0, split.end))
            : bytes.length > RECORD_HEAD
                ? Buffer.from(bytes.subarray(0, RECORD_HEAD))
                : bytes;
        const arrived = (id, bytes) => {
            const reserved = whole.get(id);
            if (reserved === undefined)
                return lineOf(bytes, splitRecord(bytes, true));
            whole.delete(id);
            const split = splitRecord(bytes, true);
            const rest = split === undefined ? 0 : bytes.length - split.end;
            // The rest is kept within what was taken for it (a server that ignores the range may send more); the line
            // is copied, so that it alone outlives the lookup when the rest goes.
            const keep = rest > 0 && rest <= reserved;
            budget.give(keep ? reserved - rest : reserved);
            // Nothing kept past the line: a record whose line did not fit, or one with more than its room, would hold
            // its whole answer outside the budget until every lookup is done.
            if (!keep)
                return lineOf(bytes, split);
            // The body is in memory of its own (see getMetas): the archive may move on with it.
            tails.set(id, bytes.subarray(split.end));
            const line = Buffer.from(bytes.subarray(0, split.end));
            if (early === undefined)
                return line;
            const record = parseRecord(line, ids.get(id));
            // An unusable record is left to the loop below, which fails the lookups.
            if (!record.ok)
                return line;
            parsed.set(id, record.value);
            if (this.#keepPrefetched(record.value, tails.get(id)))
                early(record.value);
            tails.delete(id);
            return line;
        };
        const metas = await store.getMetas([...ids.keys()], head, budget ? arrived : undefined, budget ? this.#memory : undefined, budget ? missed : undefined);
        if (metas.ok && store.inlineArchives) {
            // Lines longer than the first range (records of many files): those records whole.
            const long = [...metas.value].filter(([, b]) => !splitRecord(b, b.length >= RECORD_HEAD));
            if (long.length > 0) {
                // Parsed as they arrive, the lines alone kept: whole records are up to META_LIMIT each.
                const full = await store.getMetas(long.map(([id]) => id), undefined, (id, bytes) => {
                    const record = parseRecord(bytes, ids.get(id));
                    if (record.ok)
                        parsed.set(id, record.value);
                    else
                        unusable.set(id, record.error);
                    return NOTHING;
                });
                if (!full.ok) {
                    this.fail('lookups failed', describe(full.error));
                    return found;
                }
                for (const [id] of long) {
                    const bytes = full.value.get(id);
                    if (bytes === undefined)
                        metas.value.delete(id);
                    else
                        metas.value.set(id, bytes);
                }
            }
        }
        if (!metas.ok) {
            this.fail('lookups failed', describe(metas.error));
            return found;
        }
        for (const [id, bytes] of metas.value) {
            const key = ids.get(id);
            const known = parsed.get(id);
            const refused = unusable.get(id);
            const record = known ? (0,result.ok)(known) : refused !== undefined ? (0,result/* err */._)(refused) : parseRecord(bytes, key);
            if (!record.ok) {
                this.fail(`the record of ${key} is unusable`, record.error);
                return new Map();
            }
            found.set(key, record.value);
            const tail = tails.get(id);
            if (tail === undefined) {
                if (budget === undefined && store.inlineArchives)
                    this.#keepHeadArchive(record.value, bytes);
                continue;
            }
            tails.delete(id);
            this.#keepPrefetched(record.value, tail);
        }
        return found;
    }
    /**
     * Keeps the archive that came after `record`'s line for its restore (see `takePrefetched`), or gives its room
     * back. Only an archive that came whole, and that a restore will take from memory (else the bytes would sit in
     * the budget until the end, and the archive be fetched again); the restore checks every file of it against the
     * manifest, as any other.
     */
    #keepPrefetched(record, tail) {
        const a = record.archive;
        // A later lookup of the key answers for it: the record may have been written anew meanwhile.
        const earlier = this.#prefetched.get(record.key);
        if (earlier !== undefined) {
            this.#prefetched.delete(record.key);
            this.#unkeep(earlier.counted);
        }
        if (a.inline && a.size <= tail.length && this.fitsInMemory(record)) {
            // Counted as it came: the bytes past the archive (none from a well-formed record) go with it.
            this.#prefetched.set(record.key, {
                bytes: tail.subarray(0, a.size),
                sha256: a.sha256,
                counted: tail.length,
            });
            this.#keptBytes += tail.length;
            return true;
        }
        this.#prefetchBudget.give(tail.length);
        return false;
    }
    /**
     * Keeps a small archive that came whole with the first bytes of its record's lookup (`bytes`, an answer no longer
     * than the range asked for), for a restore that may follow: it would otherwise ask for the same bytes again. Up
     * to HEAD_ARCHIVE_BYTES of answers in all, since hits that no job needs are never restored; copied only when
     * taken.
     */
    #keepHeadArchive(record, bytes) {
        const a = record.archive;
        // A later lookup of the key answers for it: the record may have been written anew meanwhile.
        this.#dropHeadArchive(record.key);
        if (!a.inline || a.size === 0 || bytes.length > RECORD_HEAD || !this.fitsInMemory(record))
            return;
        // Counted whole: a small answer lives in a block of memory it shares, which it keeps alive.
        const counted = Math.max(bytes.length, bytes.buffer.byteLength);
        if (this.#headArchiveBytes + counted > HEAD_ARCHIVE_BYTES)
            return;
        const split = splitRecord(bytes, true);
        if (split === undefined || bytes.length - split.end < a.size)
            return;
        this.#headArchives.set(record.key, {
            archive: bytes.subarray(split.end, split.end + a.size),
            sha256: a.sha256,
            counted,
        });
        this.#headArchiveBytes += counted;
    }
    #dropHeadArchive(key) {
        const head = this.#headArchives.get(key);
        if (head === undefined)
            return undefined;
        this.#headArchives.delete(key);
        this.#headArchiveBytes -= head.counted;
        return head;
    }
    /**
     * The archive of `record` if it came with the record's lookup (see `prefetchBytes` and #keepHeadArchive), handed
     * over once. Undefined once the remote is off: then, as for any other restore, nothing more comes from it.
     */
    takePrefetched(record) {
        const head = this.#dropHeadArchive(record.key);
        // Only the archive of this very record (the same key may have been looked up again, and answered anew).
        if (head !== undefined &&
            head.sha256 === record.archive.sha256 &&
            head.archive.length === record.archive.size) {
            if (this.#down)
                return undefined;
            // In memory of its own: the answer it came in may share its memory with others.
            const bytes = Buffer.allocUnsafeSlow(head.archive.length);
            head.archive.copy(bytes);
            return { bytes, done: () => undefined };
        }
        const prefetched = this.#prefetched.get(record.key);
        if (prefetched === undefined)
            return undefined;
        this.#prefetched.delete(record.key);
        const counted = prefetched.counted;
        // Only the archive of this very record (see #keepPrefetched).
        const theirs = prefetched.sha256 === record.archive.sha256 && prefetched.bytes.length === record.archive.size;
        if (this.#down || !theirs) {
            this.#unkeep(counted);
            return undefined;
        }
        let given = false;
        return {
            bytes: prefetched.bytes,
            done: () => {
                if (given)
                    return;
                given = true;
                this.#unkeep(counted);
            },
        };
    }
    /** A kept archive's bytes are free again: its room in the budget, and the lookups waiting for fewer kept. */
    #unkeep(counted) {
        this.#prefetchBudget.give(counted);
        this.#keptBytes -= counted;
        while (this.#keptBytes < KEPT_AHEAD && this.#waitingForRoom.length > 0)
            this.#waitingForRoom.shift()();
    }
    /** The memory of an archive from `takePrefetched` or `fetchArchive` that no one reads any more, to be reused. */
    recycle(memory) {
        this.#memory.give(memory);
    }
    /** Downloads and extracts the artifact into `dest` (existing and empty), verified; removes what it wrote on failure. */
    async fetch(record, dest) {
        if (this.#down)
            return (0,result/* err */._)('the remote cache is off for this run');
        let problem;
        if (record.archive.size === 0) {
            // Nothing but directories and links: no archive was stored.
            const unpacked = await unpackTree(external_node_stream_.Readable.from([]), dest, record.manifest, record.archive);
            if (!unpacked.ok)
                problem = unpacked.error;
        }
        else {
            const res = await this.#archiveBody(record);
            if (!res.ok)
                problem = describe(res.error);
            else if (res.value === undefined)
                problem = 'the server no longer has its archive';
            else {
                const body = res.value.body;
                const unpacked = await unpackTree(body, dest, record.manifest, record.archive);
                body.destroy();
                if (!unpacked.ok)
                    problem = unpacked.error;
            }
        }
        if (problem === undefined)
            return (0,result.ok)(undefined);
        await (0,promises_.rm)(dest, { recursive: true, force: true }).catch(() => undefined);
        return (0,result/* err */._)(this.fail(`the artifact of ${record.key} could not be restored`, problem));
    }
    /**
     * Whether the archive of `record` is small enough to be fetched whole (`fetchArchive`) and checked in memory
     * before anything is written. Its files must be small too: a few megabytes of gzip can inflate to gigabytes
     * (zeros, or a hostile record), all in one buffer; such an archive is streamed instead.
     */
    fitsInMemory(record) {
        return record.archive.size <= IN_MEMORY_ARCHIVE && contentSize(record.manifest) <= IN_MEMORY_ARCHIVE;
    }
    /**
     * The whole archive of `record` (see `fitsInMemory`), exactly as long as the record says, in memory of its own
     * (it may move to another thread); its contents are not
     * checked here (whoever writes them checks every file against the manifest first). A failure turns the remote
     * off, as a failed `fetch` does.
     */
    async fetchArchive(record) {
        if (this.#down)
            return (0,result/* err */._)('the remote cache is off for this run');
        if (record.archive.size === 0)
            return (0,result.ok)(Buffer.allocUnsafeSlow(0));
        const got = record.archive.at === undefined ? await this.#blobWhole(record) : await this.#partWhole(record);
        return got.ok ? got : (0,result/* err */._)(this.fail(`the artifact of ${record.key} could not be restored`, got.error));
    }
    /** An archive that is a blob of its own, read straight into its memory: no stream, no copy of every chunk. */
    async #blobWhole(record) {
        const a = record.archive;
        const done = await this.#wholeGets.take(1);
        const bytes = await this.#wholeBytes.take(a.size);
        const got = await this.#o.store.getBlobWhole(a.sha256, a.size, this.#memory).finally(() => {
            bytes();
            done();
        });
        if (!got.ok)
            return (0,result/* err */._)(describe(got.error));
        if (got.value === undefined)
            return (0,result/* err */._)('the server no longer has its archive');
        if (got.value.length === a.size)
            return (0,result.ok)(got.value);
        this.#memory.give(got.value.buffer);
        return (0,result/* err */._)(`the archive is truncated (${got.value.length} of ${a.size} bytes)`);
    }
    /** An archive carried by its record: the range of it, read whole. */
    async #partWhole(record) {
        const res = await this.#archiveBody(record);
        if (!res.ok)
            return (0,result/* err */._)(describe(res.error));
        if (res.value === undefined)
            return (0,result/* err */._)('the server no longer has its archive');
        const body = res.value.body;
        const bytes = await readAll(body, record.archive.size, this.#memory);
        body.destroy();
        return bytes;
    }
    /** The archive's bytes: a range of the record that carries it, or its own blob. */
    #archiveBody(record) {
        const a = record.archive;
        return a.at === undefined
            ? this.#o.store.getBlob(a.sha256)
            : this.#o.store.getPart(recordId(record.key), a.at, a.size);
    }
    /** A downloaded archive whose files do not match the record: the server's copy is unusable. */
    corrupt(record, problem) {
        return this.fail(`the artifact of ${record.key} could not be restored`, problem);
    }
    /**
     * The logs of a record, inline or fetched (and verified) from their blobs; fetched once per run, whichever
     * restore or report asks first. A log too big to hold whole is written to a file of the scratch space (see
     * RemoteLogs), which the run keeps with the entry before this tier closes.
     */
    logs(record) {
        let got = this.#logs.get(record.key);
        if (got === undefined) {
            got = this.#fetchLogs(record);
            this.#logs.set(record.key, got);
        }
        return got;
    }
    async #fetchLogs(record) {
        const out = { stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) };
        for (const name of ['stdout', 'stderr']) {
            const want = name === 'stdout' ? record.manifest.stdoutSha256 : record.manifest.stderrSha256;
            const inline = record[name];
            const got = inline === undefined ? await this.#blob(want) : (0,result.ok)(inlineLog(Buffer.from(inline, 'base64')));
            if (!got.ok)
                return got;
            if (got.value.digest !== want) {
                if (got.value.file !== undefined)
                    await (0,promises_.unlink)(got.value.file).catch(() => undefined);
                this.fail(`the logs of ${record.key} are corrupt`, 'digest mismatch');
                return (0,result/* err */._)('the logs do not match the manifest');
            }
            out[name] = got.value.display;
            if (got.value.file !== undefined)
                out[name === 'stdout' ? 'stdoutFile' : 'stderrFile'] = got.value.file;
        }
        return (0,result.ok)(out);
    }
    /**
     * A log blob, hashed as it arrives: in memory up to LOG_IN_MEMORY bytes, else in a file of the scratch space
     * (no log is too big to restore), with its two ends for display.
     */
    async #blob(id) {
        if (this.#down)
            return (0,result/* err */._)('the remote cache is off for this run');
        const res = await this.#o.store.getBlob(id);
        if (!res.ok || res.value === undefined) {
            const cause = res.ok ? 'missing on the server' : describe(res.error);
            this.fail('a log could not be fetched', cause);
            return (0,result/* err */._)(cause);
        }
        const hash = (0,external_node_crypto_.createHash)('sha256');
        const chunks = [];
        let size = 0;
        let file;
        let out;
        try {
            for await (const c of res.value.body) {
                const chunk = c;
                hash.update(chunk);
                size += chunk.length;
                if (size > (this.#o.maxLogBytes ?? MAX_LOG_BYTES))
                    throw new Error('log too large');
                if (out === undefined && size > LOG_IN_MEMORY) {
                    if (!this.#scratchMade) {
                        await (0,promises_.mkdir)(this.#o.scratchDir, { recursive: true });
                        this.#scratchMade = true;
                    }
                    file = (0,external_node_path_.join)(this.#o.scratchDir, `${id}-${++this.#spills}.log`);
                    out = await (0,promises_.open)(file, 'wx');
                    for (const held of chunks.splice(0))
                        await out.write(held);
                }
                if (out !== undefined)
                    await out.write(chunk);
                else
                    chunks.push(chunk);
            }
            await out?.close();
            out = undefined;
            const digest = hash.digest('hex');
            if (file === undefined)
                return (0,result.ok)({ digest, display: Buffer.concat(chunks) });
            return (0,result.ok)({ digest, display: await (0,log_file/* readLogForDisplay */.CJ)(file), file });
        }
        catch (e) {
            await out?.close().catch(() => undefined);
            if (file !== undefined)
                await (0,promises_.unlink)(file).catch(() => undefined);
            this.fail('a log could not be fetched', e.message);
            return (0,result/* err */._)(e.message);
        }
    }
    /**
     * Queues the upload of a saved artifact from `dir` (which stays untouched until `close`). `manifest`: the one
     * the local cache just built for these files, so that the upload does not hash them again.
     */
    upload(key, dir, artifact, manifest) {
        if (this.#givenUp)
            this.#givenUp.count++;
        if (this.#o.mode === 'read' || this.#down || this.#closing)
            return;
        if (this.#child === undefined && this.#o.startUploadChild) {
            this.#child = this.#o.startUploadChild((message) => this.#failedInChild(message)) ?? null;
        }
        if (this.#child) {
            this.#child.upload(key, dir, artifact, manifest);
            return;
        }
        this.#pending++;
        this.#queue.push(async () => {
            try {
                if (!this.#down)
                    await this.#uploadOne(key, dir, artifact, manifest);
            }
            finally {
                this.#pending--;
                this.#o.onUploadSettled?.();
            }
        });
        this.#pump();
    }
    #pump() {
        while (this.#active < this.#o.uploadConcurrency && this.#queue.length > 0) {
            const job = this.#queue.shift();
            this.#active++;
            const p = job()
                .catch((e) => {
                this.fail('an upload failed', e.message);
            })
                .finally(() => {
                this.#active--;
                this.#uploads.delete(p);
                this.#pump();
            });
            this.#uploads.add(p);
        }
    }
    /** Blob first, record last: a record never names an archive the server lacks. */
    async #uploadOne(key, dir, a, saved) {
        let manifest = saved;
        if (manifest === undefined) {
            const built = await (0,cache_manifest/* buildManifest */.u1)(dir, key, a.durationMs, a.stdout, a.stderr);
            if (!built.ok)
                return;
            manifest = built.value;
            // A spilled log's buffer holds only its two ends: the log is its file, and so is its digest. (A saved
            // manifest names the file's digest already.)
            if (a.stdoutFile !== undefined)
                manifest.stdoutSha256 = await spilledSha256(a.stdoutFile);
            if (a.stderrFile !== undefined)
                manifest.stderrSha256 = await spilledSha256(a.stderrFile);
        }
        if (!this.#scratchMade) {
            await (0,promises_.mkdir)(this.#o.scratchDir, { recursive: true });
            this.#scratchMade = true;
        }
        // Made only for archives too big to keep in memory.
        const file = (0,external_node_path_.join)(this.#o.scratchDir, `${key}-${++this.#spills}.archive`);
        let spilled = false;
        let release;
        try {
            this.#packMemory ??= new MemoryPool(IN_MEMORY_ARCHIVE + 1, PACKED_BYTES);
            const packed = await packArchive(dir, manifest, file, this.#packMemory);
            release = packed.release;
            spilled = packed.bytes === undefined;
            const archive = {
                sha256: packed.sha256,
                size: packed.size,
                encoding: packed.encoding,
            };
            const record = { version: 3, key, archive, manifest };
            const body = packed.bytes ?? (() => (0,external_node_fs_.createReadStream)(file));
            // A small archive travels inside its record: one upload, not two (see remote-record.ts).
            const inline = this.#o.store.inlineArchives &&
                packed.bytes !== undefined &&
                archive.size > 0 &&
                archive.size <= INLINE_ARCHIVE_LIMIT;
            const puts = archive.size === 0 || inline
                ? []
                : [() => this.#o.store.put('blob', archive.sha256, body, archive.size)];
            for (const name of ['stdout', 'stderr']) {
                const spilled = name === 'stdout' ? a.stdoutFile : a.stderrFile;
                const digest = name === 'stdout' ? manifest.stdoutSha256 : manifest.stderrSha256;
                const log = a[name];
                if (spilled !== undefined) {
                    // The whole log is in its file (the buffer holds only its ends); the saved manifest names the file's digest.
                    const size = (await (0,promises_.stat)(spilled)).size;
                    puts.push(() => this.#o.store.put('blob', digest, () => (0,external_node_fs_.createReadStream)(spilled), size));
                }
                else if (log.length <= INLINE_LOG_LIMIT)
                    record[name] = log.toString('base64');
                else
                    puts.push(() => this.#o.store.put('blob', (0,cache_manifest/* sha256 */.sc)(log), log, log.length));
            }
            for (const put of puts) {
                const r = await put();
                if (!r.ok) {
                    this.fail('an upload failed', describe(r.error));
                    return;
                }
            }
            let bytes;
            if (inline) {
                const withArchive = recordLine({ ...record, archive: { ...archive, inline: true } });
                // A line a lookup's first range would not hold keeps its archive apart (one more GET per lookup otherwise).
                if (withArchive.length <= RECORD_HEAD)
                    bytes = [withArchive, packed.bytes];
                else {
                    const r = await this.#o.store.put('blob', archive.sha256, packed.bytes, archive.size);
                    if (!r.ok) {
                        this.fail('an upload failed', describe(r.error));
                        return;
                    }
                }
            }
            bytes ??= recordLine(record);
            const size = Buffer.isBuffer(bytes) ? bytes.length : bytes[0].length + bytes[1].length;
            const r = await this.#o.store.put('meta', recordId(key), bytes, size);
            if (!r.ok)
                this.fail('an upload failed', describe(r.error));
        }
        finally {
            // Every request that sent the archive has answered (or failed): nothing reads its memory any more.
            release?.();
            if (spilled)
                await (0,promises_.unlink)(file).catch(() => undefined);
        }
    }
    /**
     * The run was stopped: every request still under way is abandoned (its sockets closed), the upload process
     * killed, and nothing more is asked of the server; one warning counts the uploads given up.
     */
    interrupt() {
        if (this.#interrupted)
            return;
        this.#interrupted = true;
        // Counted only while the remote was up: after a failure, its warning said that nothing more is uploaded.
        if (!this.#down && this.#o.mode !== 'read') {
            this.#givenUp = { count: (this.#child?.pending ?? 0) + this.#pending };
        }
        this.#down = true;
        // Stopped while `close` waits for the uploads: no save can follow, the count is final.
        if (this.#closing)
            this.#tellGivenUp();
        this.#child?.kill();
        this.#queue.length = 0;
        this.#o.store.close();
        for (const wake of this.#waitingForRoom.splice(0))
            wake();
    }
    #tellGivenUp() {
        const count = this.#givenUp?.count ?? 0;
        this.#givenUp = undefined;
        if (count === 0)
            return;
        this.#o.onWarning(`remote cache ${this.#o.store.display}: the run was interrupted before ${count} uploads were known to be done; what the server did not get, later runs will build again`);
    }
    /** The upload process reported the first failure: the same breaker as a failure here. */
    #failedInChild(message) {
        if (this.#down)
            return;
        this.#down = true;
        this.#o.onWarning(message);
    }
    /** `ended`: how the upload process ended, when it did before its queue was done (else the wait was over). */
    #notUploaded(count, ended) {
        if (this.#down || count <= 0)
            return;
        this.#down = true;
        const why = ended === undefined
            ? ` within ${Math.round(this.#o.uploadWaitMs / 1000)} s`
            : `: the upload process ended (${ended}) before them`;
        this.#o.onWarning(`remote cache ${this.#o.store.display}: ${count} artifacts were not uploaded${why}; later runs will build them again`);
    }
    /** Waits for the uploads, at most `uploadWaitMs`; warns about what did not make it, then closes the sockets. */
    async close() {
        this.#closing = true;
        this.#tellGivenUp();
        if (this.#child) {
            const child = this.#child;
            const unfinished = await child.close(this.#o.uploadWaitMs);
            if (unfinished !== undefined)
                this.#notUploaded(child.pending, 'ended' in unfinished ? unfinished.ended : undefined);
        }
        if (this.#pending > 0) {
            let timer;
            const timedOut = await Promise.race([
                (async () => {
                    while (this.#uploads.size > 0)
                        await Promise.allSettled([...this.#uploads]);
                    return false;
                })(),
                new Promise((r) => {
                    timer = setTimeout(() => r(true), this.#o.uploadWaitMs);
                }),
            ]);
            clearTimeout(timer);
            if (timedOut)
                this.#notUploaded(this.#pending);
        }
        this.#queue.length = 0;
        for (const p of this.#prefetched.values())
            this.#unkeep(p.counted);
        this.#prefetched.clear();
        this.#o.store.close();
        // In place: a run whose lookups were all it asked of the server has not started the thread pool for
        // anything else (see removeDeadTemps), and the scratch directory is nearly always empty or absent.
        try {
            (0,external_node_fs_.rmSync)(this.#o.scratchDir, { recursive: true, force: true });
        }
        catch {
            // Left for the next run's clean-up of dead runs' scratch space.
        }
    }
}
function describe(f) {
    return f.message;
}
/** The bytes of a manifest's files, the archive's size once inflated. */
function contentSize(manifest) {
    let total = 0;
    for (const e of manifest.entries)
        if (e.type === 'file')
            total += e.size;
    return total;
}
/** A log that came inside its record. */
function inlineLog(bytes) {
    return { digest: (0,cache_manifest/* sha256 */.sc)(bytes), display: bytes };
}
/** The SHA-256 of a spilled log's file. */
async function spilledSha256(path) {
    return (0,cache_manifest/* fileSha256 */.sN)(path, (await (0,promises_.stat)(path)).size);
}

;// CONCATENATED MODULE: ./src/cache/remote/tiered-cache.ts




/**
 * Small archives held in memory at once between download and commit: enough for the restore thread's batch and
 * the downloads behind it at the largest in-memory size (4 MiB), whatever the number of restores.
 */
const ARCHIVE_BYTES = 64 * 1024 * 1024;
/**
 * A local cache in front of a remote one.
 *
 * Deals with: answering lookups from the local cache first and asking the server only for the rest; storing a
 * remote hit locally once it is restored (so the next run needs no network); saving locally at once and uploading
 * in the background. A remote hit costs only its record until something needs its bytes.
 * Does not deal with: the protocols (the stores) or failures of the server (the tier's circuit breaker).
 */
class TieredCache {
    #local;
    #remote;
    /** Remote hits being (or already) stored in the local cache. */
    #kept = new Map();
    /**
     * Restores begun as their archives arrived with the lookups (`--download all`, see RemoteTier.lookup), by key:
     * a run that restores every hit writes the first archives while the last ones are still on their way.
     */
    #early = new Map();
    /**
     * Keys the server did not have when this run asked: not asked for again (see `lookup`). Also those a failed
     * lookup left unanswered: the remote is off for the rest of the run then.
     */
    #missed = new Set();
    /** Archives downloaded whole and not yet committed (see #adopt). */
    #inMemory;
    newOutputDir;
    /**
     * `archiveBytes`: at most this many bytes of small archives are held between their download and their commit;
     * further restores wait for room (the network can outrun the disk, and a run may restore thousands).
     */
    constructor(local, remote, o = {}) {
        this.#local = local;
        this.#remote = remote;
        this.#inMemory = new ByteBudget(o.archiveBytes ?? ARCHIVE_BYTES);
        const give = local.newOutputDir?.bind(local);
        if (give)
            this.newOutputDir = give;
    }
    /**
     * A key the server did not have when this run asked is looked up again in the local cache only. The engine
     * looks once more just before it builds a missed job, for a save by another process sharing the local cache
     * meanwhile; asking the server too would put a round trip before every job that runs, all of them in a cold
     * run, for a hit only another machine building the same keys at that very moment could give.
     */
    async lookup(keys) {
        const hits = await this.#local.lookup(keys);
        const rest = keys.filter((k) => !hits.has(k) && !this.#missed.has(k));
        if (rest.length === 0)
            return hits;
        const early = this.#local.adoptArchive
            ? (record) => void this.#early.set(record.key, this.#adopt(record))
            : undefined;
        const found = await this.#remote.lookup(rest, early);
        for (const key of rest) {
            const record = found.get(key);
            if (record === undefined)
                this.#missed.add(key);
            else
                hits.set(key, this.#remoteHit(record));
        }
        return hits;
    }
    #remoteHit(record) {
        const key = record.key;
        return {
            key,
            durationMs: record.manifest.durationMs,
            logs: async () => {
                const logs = await this.#remote.logs(record);
                if (!logs.ok)
                    throw new Error(logs.error);
                return { stdout: logs.value.stdout, stderr: logs.value.stderr };
            },
            restore: async (dest) => {
                // Begun as its archive arrived: that restore answers (it is the one that keeps it locally).
                const begun = this.#early.get(key);
                this.#early.delete(key);
                // Once kept locally (by an earlier restore of this key), the local copy answers.
                if (begun === undefined && this.#kept.has(key)) {
                    await this.#kept.get(key);
                    const local = (await this.#local.lookup([key])).get(key);
                    const restored = await local?.restore(dest);
                    if (restored?.ok)
                        return restored;
                }
                const adopted = await (begun ?? this.#adopt(record));
                if (adopted !== undefined)
                    return adopted;
                const inLocal = await this.#restoreIntoLocal(record);
                if (inLocal !== undefined)
                    return inLocal;
                const fetched = await this.#fetchInto(record, dest);
                if (fetched.ok) {
                    // Kept before the tree is handed over: the engine may move a restored tree away (into --out-dir).
                    const keeping = this.#keep(record, dest).then(() => undefined);
                    this.#kept.set(key, keeping);
                    await keeping;
                }
                return fetched;
            },
        };
    }
    /**
     * A small archive is downloaded whole and handed to the local cache, which checks it, writes the entry
     * (read-only, so the run need not seal it) and commits it away from this thread. Undefined when the local cache
     * cannot take archives (or not now: a nearly full disk) or the archive is large: the caller streams it.
     */
    async #adopt(record) {
        if (!this.#local.adoptArchive || !this.#remote.fitsInMemory(record))
            return undefined;
        // Came with its record (held in the lookups' own budget), or downloaded once there is room.
        const prefetched = this.#remote.takePrefetched(record);
        const done = prefetched?.done ?? (await this.#inMemory.take(record.archive.size));
        try {
            return await this.#adoptHeld(record, prefetched?.bytes);
        }
        finally {
            done();
        }
    }
    async #adoptHeld(record, prefetched) {
        // The tier has warned already on any failure (once per run): no second warning per artifact.
        const logs = await this.#remote.logs(record);
        if (!logs.ok)
            return (0,result/* err */._)({ reason: 'cache-unavailable', message: logs.error, reported: true });
        // A log fetched into a file is kept by a save (see #keep), which the caller's streamed restore makes.
        if (logs.value.stdoutFile !== undefined || logs.value.stderrFile !== undefined)
            return undefined;
        const archive = prefetched ? (0,result.ok)(prefetched) : await this.#remote.fetchArchive(record);
        if (!archive.ok)
            return (0,result/* err */._)({ reason: 'cache-unavailable', message: archive.error, reported: true });
        const adopted = await this.#local.adoptArchive(record.key, {
            archive: archive.value,
            // Both are buffers of their own (see RemoteTier.takePrefetched and fetchArchive), reused once written.
            owned: true,
            release: (memory) => this.#remote.recycle(memory),
            encoding: record.archive.encoding,
            manifest: record.manifest,
            stdout: logs.value.stdout,
            stderr: logs.value.stderr,
            durationMs: record.manifest.durationMs,
        });
        if (adopted.ok) {
            this.#kept.set(record.key, Promise.resolve());
            return adopted;
        }
        if (adopted.error.reason === 'corrupt') {
            const message = this.#remote.corrupt(record, adopted.error.message);
            return (0,result/* err */._)({ reason: 'cache-unavailable', message, reported: true });
        }
        return undefined;
    }
    /**
     * Downloads straight into a new local cache entry and commits it (meta.json, one rename): the run reads the
     * tree there, as it does a build's outputs the cache took over. One tree written, no copy, no link, no second
     * hash. Undefined when the local cache hands out no directory (another backend, a nearly full disk): the
     * caller downloads into the run's own directory instead.
     */
    async #restoreIntoLocal(record) {
        let out;
        try {
            if (this.#local.newRestoreDir)
                out = await this.#local.newRestoreDir(record.key);
            else if (this.newOutputDir)
                out = this.newOutputDir(record.key);
            else
                return undefined;
        }
        catch {
            return undefined;
        }
        const fetched = await this.#remote.fetch(record, out);
        // The tier has warned already (once per run); what was handed out is removed when the local cache closes.
        if (!fetched.ok)
            return (0,result/* err */._)({ reason: 'cache-unavailable', message: fetched.error, reported: true });
        const keeping = this.#keep(record, out).then(
        // Not taken over (saved by another process meanwhile): the tree stays where it is until the run ends.
        (saved) => (saved?.saved && saved.outputDir) || out);
        this.#kept.set(record.key, keeping.then(() => undefined));
        return (0,result.ok)({ dir: await keeping });
    }
    /**
     * Stores a restored artifact in the local cache: the save hard-links the restored files and keeps the
     * record's manifest, so a remote hit costs one download, one extraction and one hash pass.
     */
    async #keep(record, dir) {
        const logs = await this.#remote.logs(record);
        if (!logs.ok)
            return undefined;
        return this.#local
            .save(record.key, {
            outputDir: dir,
            ...logs.value,
            durationMs: record.manifest.durationMs,
            // Every file was hashed against it as it was written: no second hash pass.
            verifiedManifest: record.manifest,
        })
            .catch(() => undefined);
    }
    /**
     * Downloads straight into `dest` (new, or empty: nothing of the archive is written through what is there),
     * verified as it arrives; on failure the tier removes what it wrote.
     */
    async #fetchInto(record, dest) {
        try {
            this.#makeParent((0,external_node_path_.dirname)(dest));
            (0,external_node_fs_.mkdirSync)(dest);
        }
        catch (e) {
            if (e.code !== 'EEXIST' || (0,external_node_fs_.readdirSync)(dest).length > 0)
                return (0,result/* err */._)({ reason: 'cache-unavailable', message: e.message });
        }
        const fetched = await this.#remote.fetch(record, dest);
        // The tier has warned already (once per run): no second warning per artifact.
        if (!fetched.ok)
            return (0,result/* err */._)({ reason: 'cache-unavailable', message: fetched.error, reported: true });
        return (0,result.ok)(undefined);
    }
    /** Parents already made in this run: restores share a few. */
    #parents = new Set();
    #makeParent(dir) {
        if (this.#parents.has(dir))
            return;
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        this.#parents.add(dir);
    }
    async save(key, artifact) {
        const outcome = await this.#local.save(key, artifact);
        if (outcome.saved || outcome.reason !== 'unsafe-output') {
            const dir = (outcome.saved && outcome.outputDir) || artifact.outputDir;
            this.#remote.upload(key, dir, artifact, outcome.saved ? outcome.manifest : undefined);
        }
        return outcome;
    }
    expectRestores(count) {
        this.#local.expectRestores?.(count);
    }
    /** The local copy goes (kept from the server, say), and the server is not asked for the key again this run. */
    async discard(key) {
        this.#missed.add(key);
        await this.#kept.get(key)?.catch(() => undefined);
        this.#kept.delete(key);
        await this.#local.discard?.(key);
    }
    interrupt() {
        this.#remote.interrupt();
    }
    /** Uploads and local copies first: they read directories the local cache removes when it closes. */
    async close() {
        // Restores begun early that no one asked for (lookups that failed after their archives came): their entries
        // are complete, or removed with the rest of what the local cache handed out.
        await Promise.allSettled([...this.#early.values()]);
        this.#early.clear();
        await Promise.allSettled([...this.#kept.values()]);
        await this.#remote.close();
        await this.#local.close();
    }
}

;// CONCATENATED MODULE: ./src/cache/remote/turbo-store.ts


/** Hashes per batch existence query. */
const BATCH = 500;
/** Records are small here (never an archive inside): their GETs are pipelined. */
const SMALL_RECORDS = { pipelined: true };
/**
 * The Turborepo Remote Cache API: `GET/PUT/HEAD /v8/artifacts/<hash>?teamId=…` (or `slug=…`) with
 * `Authorization: Bearer`, and the batch existence query `POST /v8/artifacts {"hashes": […]}`. Records and
 * blobs share the one artifact space; their names are SHA-256s of different things, so they never collide.
 *
 * Lookups ask the batch query first, so misses cost nothing more, then GET the records that exist. Servers
 * without the query (turborepo-remote-cache answers 404) get concurrent GETs of every record: a GET of a
 * missing record costs what a HEAD does, and for a hit it brings the record in the same round trip.
 */
class TurboStore {
    #c;
    #query;
    #concurrency;
    #noTeam;
    #noBatch = false;
    constructor(client, team, concurrency) {
        this.#c = client;
        this.#noTeam = team === undefined;
        // Vercel tells team IDs (`team_…`) from slugs; self-hosted servers accept either name.
        this.#query = team === undefined ? {} : team.startsWith('team_') ? { teamId: team } : { slug: team };
        this.#concurrency = concurrency;
    }
    /**
     * The Turborepo API does not promise ranges: a lookup on a server without them would download every archive
     * that travelled inside its record. Archives stay blobs of their own here.
     */
    inlineArchives = false;
    get display() {
        return this.#c.display;
    }
    redact(text) {
        return this.#c.redact(text);
    }
    /**
     * A 400 from a server given no team says why: a self-hosted Turborepo server refuses a request without one,
     * and "HTTP 400" alone left a run (and every run after it) with no cache and no clue.
     */
    #why(r) {
        if (r.ok || !this.#noTeam || r.error.kind !== 'status' || r.error.status !== 400)
            return r;
        return (0,result/* err */._)({
            ...r.error,
            message: `${r.error.message} (no team was given: --cache-team, the Action's cache-team, git config disbuild.cacheTeam)`,
        });
    }
    async getMetas(ids) {
        return this.#why(await this.#getMetas(ids));
    }
    async #getMetas(ids) {
        const path = (id) => `/v8/artifacts/${id}`;
        if (this.#noBatch || ids.length < 2) {
            return getMetasConcurrently(this.#c, ids, path, this.#query, this.#concurrency, SMALL_RECORDS);
        }
        const existing = [];
        for (let i = 0; i < ids.length; i += BATCH) {
            const some = await this.#exists(ids.slice(i, i + BATCH));
            if (!some.ok)
                return some;
            if (some.value === undefined) {
                this.#noBatch = true;
                return getMetasConcurrently(this.#c, ids, path, this.#query, this.#concurrency, SMALL_RECORDS);
            }
            existing.push(...some.value);
        }
        return getMetasConcurrently(this.#c, existing, path, this.#query, this.#concurrency, SMALL_RECORDS);
    }
    /** The batch query: the ids that exist, or undefined when the server has no such endpoint. */
    async #exists(ids) {
        const r = await this.#c.request('POST', '/v8/artifacts', {
            query: this.#query,
            body: Buffer.from(JSON.stringify({ hashes: ids })),
            headers: { 'content-type': 'application/json' },
        });
        if (!r.ok)
            return r;
        if (r.value.status === 404 || r.value.status === 405) {
            r.value.body.resume();
            return (0,result.ok)(undefined);
        }
        const found = expectFound(r, 'the batch query');
        if (!found.ok || found.value === undefined)
            return found.ok ? (0,result.ok)(undefined) : found;
        const body = await this.#c.readBody(found.value, META_LIMIT);
        if (!body.ok)
            return body;
        try {
            const answer = JSON.parse(body.value.toString('utf8'));
            return (0,result.ok)(ids.filter((id) => isPresent(answer[id])));
        }
        catch {
            return (0,result/* err */._)({
                kind: 'status',
                status: r.value.status,
                message: 'the batch query answered malformed JSON',
            });
        }
    }
    async getBlob(id) {
        const r = await this.#c.request('GET', `/v8/artifacts/${id}`, { query: this.#query });
        return this.#why(expectFound(r, 'the cache server'));
    }
    async getBlobWhole(id, limit, memory) {
        const r = await this.#c.getWhole(`/v8/artifacts/${id}`, { query: this.#query }, limit, memory);
        return this.#why(expectWhole(r, 'the cache server'));
    }
    getPart() {
        return Promise.resolve((0,result/* err */._)({ kind: 'status', message: 'records on a Turborepo server never hold their archive' }));
    }
    async put(_space, id, body, size) {
        const r = await this.#c.put(`/v8/artifacts/${id}`, {
            query: this.#query,
            body: typeof body === 'function' ? body() : body,
            length: size,
            headers: { 'content-type': 'application/octet-stream' },
        });
        return this.#why(expectStored(r, 'the cache server'));
    }
    close() {
        this.#c.close();
    }
}
/** An entry of the batch answer that names an artifact (`{size, …}`), not an error or a null. */
function isPresent(v) {
    return typeof v === 'object' && v !== null && !('error' in v);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/cache/remote/upload-child.ts






const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(__disbuild_import_meta.url));
/** The niceness of the upload process: below the run, whose jobs come first. */
const UPLOAD_NICENESS = 10;
/**
 * Artifacts saved within this long go to the upload process in one message: each message wakes it (and it
 * answers), which on a busy machine costs more than the message itself.
 */
const BATCH_MS = 20;
const BATCH_MAX = 64;
/**
 * The engine's side of the upload process (see upload-process.ts).
 *
 * Deals with: starting it (only the bundled build has it; `start` answers undefined elsewhere), lowering its
 * priority, handing it artifacts, counting those not yet uploaded, and the bounded wait at the end (after which
 * it is killed). Does not deal with: the circuit breaker's warning text (the process sends it ready-made).
 */
class UploadChild {
    #child;
    #pending = 0;
    #exited = false;
    /** How the process ended, once it has. */
    #ending;
    #batch = [];
    #timer;
    #exit;
    constructor(child, onFailed) {
        this.#child = child;
        this.#exit = new Promise((resolve) => {
            const gone = () => {
                this.#exited = true;
                resolve();
            };
            child.once('exit', (code, signal) => {
                this.#ending = { code, signal };
                gone();
            });
            child.once('error', gone);
        });
        child.on('message', (e) => {
            if (e.type === 'settled')
                this.#pending -= e.count;
            else
                onFailed(e.message);
        });
    }
    /** `program`: the upload process's own (another only in tests). */
    static start(settings, onFailed, program = (0,external_node_path_.join)(here, 'upload-process.js')) {
        if (!(0,external_node_fs_.existsSync)(program))
            return undefined;
        const { token, ...start } = settings;
        try {
            // Node parses NODE_EXTRA_CA_CERTS as it starts (20-30 ms of CPU here, taken from the jobs): handed over under
            // another name, which the upload process's trust store reads when it opens an https connection.
            const env = (0,extra_ca_certs/* handOverCaCerts */.RC)({ ...process.env });
            if (token === undefined)
                delete env.DISBUILD_CACHE_TOKEN;
            else
                env.DISBUILD_CACHE_TOKEN = token;
            const child = (0,external_node_child_process_.fork)(program, [], {
                serialization: 'json',
                stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
                env,
            });
            if (child.pid === undefined)
                return undefined;
            // Never what keeps the run alive: `close` waits for it explicitly.
            child.unref();
            child.channel?.unref();
            try {
                (0,external_node_os_.setPriority)(child.pid, UPLOAD_NICENESS);
            }
            catch {
                // Not allowed here: it runs at the run's own priority.
            }
            const c = new UploadChild(child, onFailed);
            c.#send({ type: 'start', ...start });
            return c;
        }
        catch {
            return undefined;
        }
    }
    upload(key, dir, a, manifest) {
        this.#pending++;
        this.#batch.push({
            key,
            dir,
            durationMs: a.durationMs,
            stdout: a.stdout.toString('base64'),
            stderr: a.stderr.toString('base64'),
            ...(a.stdoutFile === undefined ? {} : { stdoutFile: a.stdoutFile }),
            ...(a.stderrFile === undefined ? {} : { stderrFile: a.stderrFile }),
            ...(manifest === undefined ? {} : { manifest }),
        });
        if (this.#batch.length >= BATCH_MAX)
            this.#flush();
        else if (this.#timer === undefined) {
            this.#timer = setTimeout(() => this.#flush(), BATCH_MS);
            this.#timer.unref();
        }
    }
    #flush() {
        clearTimeout(this.#timer);
        this.#timer = undefined;
        if (this.#batch.length === 0)
            return;
        const items = this.#batch;
        this.#batch = [];
        this.#send({ type: 'uploads', items });
    }
    /** Uploads not yet over. */
    get pending() {
        return this.#pending;
    }
    /**
     * Lets the queue drain for at most `waitMs`, then kills the process. Answers undefined when it finished in time,
     * else why not: the wait was over, or the process had ended first (how, named), its queue not done.
     */
    async close(waitMs) {
        this.#flush();
        // A process gone before it could be told (its channel closed) has not dealt with its queue, whatever its code.
        const told = !this.#exited && this.#child.connected;
        this.#send({ type: 'end' });
        let timer;
        const finished = await Promise.race([
            this.#exit.then(() => true),
            new Promise((r) => {
                timer = setTimeout(() => r(false), waitMs);
            }),
        ]);
        clearTimeout(timer);
        if (!finished) {
            this.#child.kill('SIGKILL');
            await this.#exit;
            return { waited: true };
        }
        const e = this.#ending;
        // It exits with 0 only once its queue is done (what it skipped after a failure, it reported as the failure):
        // the count here is then settled, whether or not its last report was read before its exit was.
        if (told && e?.signal === null && e.code === 0)
            return undefined;
        if (this.#pending === 0)
            return undefined;
        if (e === undefined)
            return { ended: 'after an error' };
        return { ended: e.signal === null ? `exit code ${e.code ?? 0}` : `signal ${e.signal}` };
    }
    /** Ends the process at once (the remote turned off): what it was doing is abandoned. */
    kill() {
        clearTimeout(this.#timer);
        this.#batch = [];
        if (!this.#exited)
            this.#child.kill('SIGKILL');
    }
    #send(m) {
        if (this.#exited || !this.#child.connected)
            return;
        this.#child.send(m, undefined, undefined, () => undefined);
    }
}

;// CONCATENATED MODULE: ./src/cache/remote/open-remote.ts








/** The longest time a timer takes, in whole seconds. */
const MAX_TIMER_SECONDS = Math.floor(env_ms/* MAX_TIMER_MS */._ / 1000);
/** Checks the raw settings of a remote cache; errors quote the bad value with any credentials removed. */
function parseRemoteCacheOptions(raw, names, env, defaultMode) {
    const url = raw.url ?? '';
    if (url === '')
        return (0,result/* err */._)(`${names.url} is required with a ${raw.kind} cache`);
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return (0,result/* err */._)(`${names.url} must be an http or https URL, got ${JSON.stringify(withoutCredentials(url))}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        return (0,result/* err */._)(`${names.url} must be an http or https URL, got ${JSON.stringify(withoutCredentials(url))}`);
    // A fragment is never sent to a server: in a cache's URL it is the sign of a password with a `#` not encoded,
    // whose digits before it parsed as a port, and the rest of it would be shown in messages. So is an `@` in the
    // path or query the sign of one with a `/` or `?` not encoded: what comes before it (`user:4242`, a token) would
    // be taken for the host, shown in messages, looked up and connected to, the token sent there.
    const encode = "percent-encode a password's special characters (%23 for #, %2F for /, %3F for ?, %40 for @)";
    if (parsed.hash !== '' || url.includes('#'))
        return (0,result/* err */._)(`${names.url} ${JSON.stringify(withoutCredentials(url))} has a fragment ('#'): ${encode}`);
    if (parsed.pathname.includes('@') || parsed.search.includes('@'))
        return (0,result/* err */._)(`${names.url} ${JSON.stringify(withoutCredentials(url))} has an '@' after its host: ${encode}, and an @ in a path as %40`);
    const token = raw.token === undefined || raw.token === '' ? undefined : raw.token;
    // Sent only without a token (which takes precedence over user information).
    try {
        if (token === undefined) {
            decodeURIComponent(parsed.username);
            decodeURIComponent(parsed.password);
        }
    }
    catch {
        return (0,result/* err */._)(`${names.url} ${JSON.stringify(withoutCredentials(url))} has a '%' in its user or password that is no escape of UTF-8 text: write a % itself as %25`);
    }
    const mode = raw.mode === undefined || raw.mode === '' ? defaultMode : raw.mode;
    if (mode !== 'read-write' && mode !== 'read')
        return (0,result/* err */._)(`${names.mode} must be one of read-write, read, got ${JSON.stringify(mode)}`);
    const seconds = (name, fallback) => {
        const v = env[name];
        if (v === undefined || v === '')
            return (0,result.ok)(fallback * 1000);
        const n = Number(v);
        // Node fires a longer timer after 1 ms: a huge value meant as "no limit" would be the opposite.
        if (Number.isFinite(n) && n > MAX_TIMER_SECONDS)
            return (0,result/* err */._)(`${name} must be at most ${MAX_TIMER_SECONDS} seconds (about 24 days), got ${JSON.stringify(v)}`);
        return Number.isFinite(n) && n > 0
            ? (0,result.ok)(n * 1000)
            : (0,result/* err */._)(`${name} must be a positive number of seconds, got ${JSON.stringify(v)}`);
    };
    const idle = seconds('DISBUILD_CACHE_TIMEOUT', 30);
    const wait = seconds('DISBUILD_CACHE_UPLOAD_WAIT', 300);
    if (!idle.ok)
        return idle;
    if (!wait.ok)
        return wait;
    const team = raw.team === undefined || raw.team === '' ? undefined : raw.team;
    return (0,result.ok)({
        kind: raw.kind,
        url,
        mode,
        idleTimeoutMs: idle.value,
        uploadWaitMs: wait.value,
        ...(team === undefined ? {} : { team }),
        ...(token === undefined ? {} : { token }),
    });
}
/**
 * `url` with everything between `//` and its last `@` masked: a password written unencoded may hold `/`, `?`
 * or `#`, where a URL's own parse would end the user information. An `@` in a path masks more than needed. So are
 * the query's values and any fragment: a signed URL's signature, or a token, is a secret too (`?sig=***`).
 */
function withoutCredentials(url) {
    const start = url.indexOf('//');
    const at = url.lastIndexOf('@');
    const masked = start !== -1 && at > start ? `${url.slice(0, start + 2)}***${url.slice(at)}` : url;
    const query = masked.indexOf('?', start === -1 ? 0 : start + 2);
    const hash = masked.indexOf('#', start === -1 ? 0 : start + 2);
    const end = hash === -1 ? masked.length : hash;
    const head = query === -1 || query > end ? masked.slice(0, end) : masked.slice(0, query);
    const params = query === -1 || query > end
        ? ''
        : '?' +
            masked
                .slice(query + 1, end)
                .split('&')
                .map((p) => (p.includes('=') ? `${p.slice(0, p.indexOf('='))}=***` : p === '' ? p : '***'))
                .join('&');
    return `${head}${params}${hash === -1 ? '' : '#***'}`;
}
/** Connections per server: lookups run this many at once over kept-alive sockets. */
const SOCKETS = 32;
const UPLOADS_AT_ONCE = 8;
/** The store that speaks `o`'s protocol over a keep-alive client. */
function openStore(o) {
    const client = new HttpClient({
        url: o.url,
        ...(o.token === undefined ? {} : { token: o.token }),
        idleTimeoutMs: o.idleTimeoutMs,
        maxSockets: SOCKETS,
    });
    return o.kind === 'http' ? new BazelStore(client, SOCKETS) : new TurboStore(client, o.team, SOCKETS);
}
/**
 * Archive bytes that lookups may fetch ahead of their restores when every hit will be restored (one request per
 * artifact instead of two): each request in flight holds room for the largest archive a record carries (a little
 * over 1 MiB, 32 requests at once), and archives waiting to be written are few (see remote-tier.ts, KEPT_AHEAD).
 */
const PREFETCH_BYTES = 40 * 1024 * 1024;
/**
 * `local` in front of the remote cache `o`; scratch space for uploads goes in `scratchDir`. `restoresEverything`:
 * the run restores every hit it looks up, so lookups may bring small archives along.
 */
function openTieredCache(local, o, ctx) {
    const store = openStore(o);
    const remote = new RemoteTier({
        store,
        mode: o.mode,
        scratchDir: ctx.scratchDir,
        uploadConcurrency: UPLOADS_AT_ONCE,
        uploadWaitMs: o.uploadWaitMs,
        idleTimeoutMs: o.idleTimeoutMs,
        ...(ctx.restoresEverything ? { prefetchBytes: PREFETCH_BYTES } : {}),
        onWarning: (m) => ctx.onWarning(store.redact(m)),
        startUploadChild: (onFailed) => UploadChild.start({
            kind: o.kind,
            url: o.url,
            ...(o.team === undefined ? {} : { team: o.team }),
            ...(o.token === undefined ? {} : { token: o.token }),
            idleTimeoutMs: o.idleTimeoutMs,
            scratchDir: ctx.scratchDir,
            concurrency: UPLOADS_AT_ONCE,
        }, onFailed),
    });
    return new TieredCache(local, remote);
}

;// CONCATENATED MODULE: ./src/run-env/remote-cache.ts


/** Checks remote settings; undefined settings mean no remote cache. */
function parseRemoteSettings(s, names, env, defaultMode) {
    if (s === undefined)
        return (0,result.ok)(undefined);
    const token = env.DISBUILD_CACHE_TOKEN;
    return parseRemoteCacheOptions({ ...s, ...(token ? { token } : {}) }, names, env, defaultMode);
}
/**
 * The local cache, with the remote one behind it when configured. `restoresEverything`: the run restores every
 * hit it looks up (`--download all`).
 */
function withRemote(local, remote, state, onWarning, restoresEverything = false) {
    if (remote === undefined)
        return local;
    return openTieredCache(local, remote, {
        scratchDir: `${state.newRunDir()}-uploads`,
        onWarning,
        restoresEverything,
    });
}


/***/ }),

/***/ 2340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ MAX_TIMER_MS),
/* harmony export */   e: () => (/* binding */ envMs)
/* harmony export */ });
/** The largest delay a timer takes as given (Node clamps longer ones to 1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * A number of milliseconds from the environment variable `name`: a whole number from `min` to the longest timer,
 * written in digits alone; anything else (unset, empty, signs, units, too large) is undefined, so the default
 * applies.
 */
function envMs(env, name, min = 0) {
    const set = env[name];
    if (set === undefined || !/^[0-9]+$/.test(set))
        return undefined;
    const ms = Number(set);
    return ms >= min && ms <= MAX_TIMER_MS ? ms : undefined;
}


/***/ })

};

return { id, ids, modules };
})