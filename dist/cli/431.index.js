(function (__disbuild_import_meta) {const id = 431;
const ids = [431];
const modules = {

/***/ 367:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ CoordinatorClient),
/* harmony export */   o: () => (/* binding */ parseAddress)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8251);
/* harmony import */ var _protocol_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6420);



/** `unix:/path` or `http://127.0.0.1:PORT` → node:http connection options. */
function parseAddress(address) {
    if (address.startsWith('unix:'))
        return { socketPath: address.slice('unix:'.length) };
    const url = new URL(address);
    return { host: url.hostname, port: Number(url.port) };
}
/**
 * A client of the Start/Finish protocol over one keep-alive connection pool, or, in the process that serves
 * the coordinator, straight into it (`address` is still the one published to jobs and other processes).
 */
class CoordinatorClient {
    address;
    #target;
    #auth;
    #agent = new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent({ keepAlive: true, maxSockets: 64 });
    #inProcess;
    /** Leases being renewed, by renewal period (see holdLease). */
    #leases = new Map();
    constructor(address, bearer, inProcess) {
        this.address = address;
        this.#target = parseAddress(address);
        this.#auth = `Bearer ${bearer}`;
        this.#inProcess = inProcess;
    }
    /** Claims `importPath`: a token to build with, or the files of a finished build (waits while one runs). */
    async start(importPath) {
        const r = await this.#post(_protocol_js__WEBPACK_IMPORTED_MODULE_1__/* .START_ROUTE */ .F8, { importPath });
        if (!r.ok)
            return r;
        if (r.value.status === 409)
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)({ reason: 'build-failed', message: errorText(r.value.body) });
        if (r.value.status !== 200)
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)(refused(r.value));
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__.ok)(r.value.body);
    }
    async finish(importPath, token, result) {
        const r = await this.#post(_protocol_js__WEBPACK_IMPORTED_MODULE_1__/* .FINISH_ROUTE */ .YB, { importPath, token, ...result });
        if (!r.ok)
            return r;
        return r.value.status === 200 ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__.ok)(undefined) : (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)(refused(r.value));
    }
    /** With `timeoutMs`, a server that accepts the connection but does not answer in time counts as unreachable. */
    async renew(importPath, token, timeoutMs) {
        const r = await this.#post(_protocol_js__WEBPACK_IMPORTED_MODULE_1__/* .RENEW_ROUTE */ .uc, { importPath, token }, timeoutMs);
        if (!r.ok)
            return r;
        return r.value.status === 200 ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__.ok)(undefined) : (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)(refused(r.value));
    }
    /**
     * Renews the lease every `everyMs` until the returned function is called. The leases held at one period share
     * one timer: a timer per build cost more than the build's whole coordination.
     */
    holdLease(importPath, token, everyMs) {
        let group = this.#leases.get(everyMs);
        if (!group) {
            const held = new Set();
            const timer = setInterval(() => {
                for (const l of held)
                    void this.renew(l.importPath, l.token);
            }, everyMs);
            timer.unref();
            group = { timer, held };
            this.#leases.set(everyMs, group);
        }
        const lease = { importPath, token };
        group.held.add(lease);
        const { held } = group;
        return () => {
            held.delete(lease);
        };
    }
    close() {
        for (const { timer } of this.#leases.values())
            clearInterval(timer);
        this.#leases.clear();
        this.#agent.destroy();
    }
    #post(path, body, timeoutMs) {
        if (this.#inProcess)
            return this.#inProcess(path, body).then(_util_result_js__WEBPACK_IMPORTED_MODULE_2__.ok);
        const text = JSON.stringify(body);
        return new Promise((resolve) => {
            const req = (0,node_http__WEBPACK_IMPORTED_MODULE_0__.request)({
                ...this.#target,
                path,
                method: 'POST',
                agent: this.#agent,
                headers: {
                    authorization: this.#auth,
                    'content-type': 'application/json',
                    'content-length': Buffer.byteLength(text),
                },
            }, (res) => {
                const chunks = [];
                res.on('data', (c) => chunks.push(c));
                res.on('end', () => {
                    let parsed = {};
                    try {
                        parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
                    }
                    catch {
                        parsed = { error: Buffer.concat(chunks).toString('utf8') };
                    }
                    resolve((0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__.ok)({ status: res.statusCode ?? 0, body: parsed }));
                });
                res.on('error', (e) => resolve((0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)({ reason: 'unreachable', message: e.message })));
            });
            req.on('error', (e) => resolve((0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)({ reason: 'unreachable', message: e.message })));
            if (timeoutMs !== undefined)
                req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
            req.end(text);
        });
    }
}
function errorText(body) {
    const e = body.error;
    return typeof e === 'string' ? e : JSON.stringify(body);
}
function refused(r) {
    return { reason: 'refused', status: r.status, message: errorText(r.body) };
}


/***/ }),

/***/ 3555:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jK: () => (/* binding */ socketProblem),
/* harmony export */   q1: () => (/* binding */ readPrivateFile),
/* harmony export */   rh: () => (/* binding */ ensurePrivateDir)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9293);



/**
 * Who may be trusted with the coordinator's secrets: only files and sockets this user owns, in directories
 * nobody else can write. A directory another user can write lets that user swap a socket or a record under
 * us; a socket another user owns is that user's server, and our bearer token must never reach it.
 *
 * Synchronous: a handful of calls, made when a run first needs the coordinator. Through the thread pool each
 * waited behind the run's other work there (about 10 ms of the 17 ms a run took to open its coordinator).
 */
/** The effective uid files must belong to; undefined where the platform has none (then nothing is checked). */
const myUid = () => process.geteuid?.();
/**
 * Creates `dir` owner-only, or checks that an existing one is ours and tightens its mode. Answers a problem
 * when it is a symlink or belongs to somebody else.
 */
function ensurePrivateDir(dir) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir);
    if (!st.isDirectory())
        return `${dir} is not a directory`;
    const uid = myUid();
    if (uid !== undefined && st.uid !== uid)
        return `${dir} belongs to uid ${st.uid}, not to this user (${uid})`;
    if ((st.mode & 0o077) !== 0)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(dir, 0o700);
    return undefined;
}
/**
 * A socket may receive our token only when it is ours and sits in a directory that is ours and that nobody
 * else can write (so it cannot be replaced between this check and the connection).
 */
function socketProblem(socketPath) {
    const uid = myUid();
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(socketPath);
    const d = (0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_2__/* .lstatIfAny */ .e)(dir);
    if (!d)
        return `${dir} does not exist`;
    if (!d.isDirectory())
        return `${dir} is not a directory`;
    if (uid !== undefined && d.uid !== uid)
        return `${dir} belongs to uid ${d.uid}, not to this user`;
    if ((d.mode & 0o022) !== 0)
        return `${dir} can be written by other users`;
    const s = (0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_2__/* .lstatIfAny */ .e)(socketPath);
    if (!s)
        return `${socketPath} does not exist`;
    if (!s.isSocket())
        return `${socketPath} is not a socket`;
    if (uid !== undefined && s.uid !== uid)
        return `${socketPath} belongs to uid ${s.uid}, not to this user`;
    return undefined;
}
/**
 * Reads a small owner-only file without following a symlink at its name; undefined when it is missing, not
 * ours, or readable by others (a record that others could have written is no record of ours).
 */
function readPrivateFile(path) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW);
    }
    catch {
        return undefined;
    }
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        const uid = myUid();
        if (!st.isFile() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o077) !== 0)
            return undefined;
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd, 'utf8');
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ }),

/***/ 6420:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AH: () => (/* binding */ coordinatorEnv),
/* harmony export */   F8: () => (/* binding */ START_ROUTE),
/* harmony export */   O3: () => (/* binding */ ENV_TOKEN),
/* harmony export */   PM: () => (/* binding */ ENV_ADDRESS),
/* harmony export */   W6: () => (/* binding */ labelProblem),
/* harmony export */   YB: () => (/* binding */ FINISH_ROUTE),
/* harmony export */   YK: () => (/* binding */ MAX_BODY_BYTES),
/* harmony export */   uc: () => (/* binding */ RENEW_ROUTE)
/* harmony export */ });
/**
 * The Start/Finish wire protocol (JSON over HTTP/1.1, bearer token), as DESIGN.md §4 specifies.
 * Contract types only; the transport lives in server.ts and client.ts.
 */
const START_ROUTE = '/never-build-twice.start';
const FINISH_ROUTE = '/never-build-twice.finish';
/** Extends the holder's lease; a holder that stops renewing loses its token to a waiter. */
const RENEW_ROUTE = '/never-build-twice.renew';
/** Largest request body the server reads. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Environment variables through which jobs reach the coordinator. */
const ENV_ADDRESS = 'DISBUILD_COORDINATOR';
const ENV_TOKEN = 'DISBUILD_COORDINATOR_TOKEN';
function coordinatorEnv(address, bearer) {
    return { [ENV_ADDRESS]: address, [ENV_TOKEN]: bearer };
}
/** A label names one file of a result: a single valid file-name part. */
function labelProblem(label) {
    if (label === '' || label === '.' || label === '..')
        return `label ${JSON.stringify(label)} is not a file name`;
    if (label.includes('/') || label.includes('\0'))
        return `label ${JSON.stringify(label)} must not contain "/" or NUL`;
    if (Buffer.byteLength(label) > 255)
        return `label ${JSON.stringify(label.slice(0, 40))}… is longer than 255 bytes`;
    return undefined;
}


/***/ }),

/***/ 5431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ENV_LEASE_MS: () => (/* binding */ ENV_LEASE_MS),
  SharedCoordinator: () => (/* binding */ SharedCoordinator),
  defaultLeaseMs: () => (/* binding */ defaultLeaseMs)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/coordinator/client.ts
var coordinator_client = __webpack_require__(367);
// EXTERNAL MODULE: ./src/coordinator/private-dir.ts
var private_dir = __webpack_require__(3555);
// EXTERNAL MODULE: ./src/util/renamable-by-others.ts
var renamable_by_others = __webpack_require__(1909);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
// EXTERNAL MODULE: ./src/coordinator/protocol.ts
var protocol = __webpack_require__(6420);
;// CONCATENATED MODULE: ./src/coordinator/state.ts
/**
 * The coordinator's pure state machine: no sockets, no timers, no files. Time is passed in.
 *
 * Lifecycle of one importPath (a job key):
 *
 *   (absent) --start--> RUNNING(token T, lease until now+L)   the caller gets {token: T} and must build
 *   RUNNING  --start--> RUNNING + waiter                       the caller waits (long poll)
 *   RUNNING  --renew(T)--> RUNNING, lease extended
 *   RUNNING  --finish(T, extra)--> DONE(extra, T)              every waiter gets {extra}
 *   RUNNING  --finish(T, error)--> (absent)                    every waiter gets {error}; a later start builds again
 *   RUNNING  --release(T)--> as when the holder is gone        the oldest waiter gets a fresh token
 *   RUNNING  --lease expired / holder lost--> RUNNING(T')      the oldest waiter gets a fresh token T';
 *                                                              with no waiter, the entry is dropped
 *   DONE     --start--> DONE                                   the caller gets {extra} at once
 *   DONE     --finish(T)--> DONE                               a repeated finish with the right token is a no-op
 *   any finish with a wrong token is refused; a finish for an absent importPath is "no build started".
 */
class CoordinatorState {
    #entries = new Map();
    /** Keys released, with the token that released each (tokens are never reused): see `release`. */
    #released = new Set();
    #leaseMs;
    #newToken;
    constructor(opts) {
        this.#leaseMs = opts.leaseMs;
        this.#newToken = opts.newToken;
    }
    start(importPath, waiter, now) {
        const e = this.#entries.get(importPath);
        if (!e) {
            const token = this.#newToken();
            this.#entries.set(importPath, {
                state: 'running',
                token,
                leaseUntil: now + this.#leaseMs,
                waiters: [],
            });
            return { kind: 'answer', answer: { token } };
        }
        if (e.state === 'done')
            return { kind: 'answer', answer: { extra: e.extra } };
        e.waiters.push(waiter);
        return { kind: 'wait' };
    }
    renew(importPath, token, now) {
        const e = this.#entries.get(importPath);
        if (!e || e.state !== 'running' || e.token !== token)
            return false;
        e.leaseUntil = now + this.#leaseMs;
        return true;
    }
    /** Whether `token` may finish `importPath`: 'ok', 'done' (a repeated finish: a no-op), or the refusal. */
    checkFinish(importPath, token) {
        const e = this.#entries.get(importPath);
        if (!e)
            return { status: 404, error: `no build started for ${importPath}` };
        if (e.token !== token)
            return { status: 403, error: `wrong token for ${importPath}` };
        return e.state === 'done' ? 'done' : 'ok';
    }
    finish(importPath, token, result) {
        const check = this.checkFinish(importPath, token);
        if (check === 'done')
            return { ok: true, deliveries: [], recorded: false };
        if (check !== 'ok')
            return { ok: false, ...check };
        const e = this.#entries.get(importPath);
        if (result.error === undefined && result.extra === undefined) {
            return { ok: false, status: 400, error: 'finish needs either "extra" (the files) or "error"' };
        }
        const answer = result.error !== undefined ? { error: result.error } : { extra: result.extra };
        if (result.error !== undefined)
            this.#entries.delete(importPath);
        else
            this.#entries.set(importPath, { state: 'done', token, extra: result.extra });
        return { ok: true, deliveries: e.waiters.map((w) => ({ waiter: w, answer })), recorded: true };
    }
    /**
     * The holder of `token` built `importPath` for itself only (see FinishRequest.release): the key is handed on as
     * when the holder is gone. A release after the key was finished, and a repeated one (a client sending again a
     * request whose answer it lost), are no-ops, as a repeated finish is.
     */
    release(importPath, token, now) {
        const released = `${importPath}\0${token}`;
        const check = this.#released.has(released) ? 'done' : this.checkFinish(importPath, token);
        if (check === 'done')
            return { ok: true, deliveries: [], recorded: false };
        if (check !== 'ok')
            return { ok: false, ...check };
        this.#released.add(released);
        return { ok: true, deliveries: this.holderGone(importPath, token, now), recorded: false };
    }
    /** A waiting start request went away (its connection closed). */
    waiterGone(importPath, waiter) {
        const e = this.#entries.get(importPath);
        if (e?.state === 'running')
            e.waiters = e.waiters.filter((w) => w !== waiter);
    }
    /** The holder of `token` is known to be gone (its process died): hand the key on at once. */
    holderGone(importPath, token, now) {
        const e = this.#entries.get(importPath);
        if (!e || e.state !== 'running' || e.token !== token)
            return [];
        return this.#handOver(importPath, e, now);
    }
    /** Hands every expired lease to the oldest waiter. Call periodically. */
    expire(now) {
        const out = [];
        for (const [importPath, e] of this.#entries) {
            if (e.state === 'running' && e.leaseUntil <= now)
                out.push(...this.#handOver(importPath, e, now));
        }
        return out;
    }
    /** The earliest lease expiry, for the transport's timer; undefined when nothing is running. */
    nextExpiry() {
        let next;
        for (const e of this.#entries.values()) {
            if (e.state === 'running' && (next === undefined || e.leaseUntil < next))
                next = e.leaseUntil;
        }
        return next;
    }
    /** Number of keys being built right now. */
    get running() {
        let n = 0;
        for (const e of this.#entries.values())
            if (e.state === 'running')
                n++;
        return n;
    }
    #handOver(importPath, e, now) {
        const next = e.waiters.shift();
        if (next === undefined) {
            this.#entries.delete(importPath);
            return [];
        }
        e.token = this.#newToken();
        e.leaseUntil = now + this.#leaseMs;
        return [{ waiter: next, answer: { token: e.token } }];
    }
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/coordinator/store.ts





/** A published path the store will not take; the message is for the publisher. */
class RefusedFile extends Error {
}
/**
 * Where finished results live: `<dir>/<importPath>/<label>`. A result is written into a temp directory and
 * renamed into place, so a reader never sees half of one; the producer may delete its own files as soon as
 * finish is answered.
 *
 * What may be published: plain files (never a symlink, a device or a directory) at absolute paths inside the
 * publish roots, the directories where this cache directory's jobs write outputs and temp files. A file is
 * hard-linked only when nothing else links to it (no second name for a file like /etc/passwd that a job
 * hard-linked into its output), and only when the link lands on the very file that was checked; otherwise it
 * is copied from the opened file.
 */
class ResultStore {
    dir;
    #publishRoots;
    #roots;
    constructor(dir, publishRoots) {
        this.dir = dir;
        this.#publishRoots = publishRoots;
    }
    /** Resolved on the first publication, in place: a server that publishes nothing starts no thread-pool call. */
    #resolvedRoots() {
        return (this.#roots ??= this.#publishRoots.map((r) => {
            try {
                // The native call, as `take` resolves published paths: the same case on case-insensitive disks.
                return external_node_fs_.realpathSync.native(r);
            }
            catch {
                return (0,external_node_path_.normalize)(r);
            }
        }));
    }
    async put(importPath, files) {
        if (Object.keys(files).length === 0)
            return {};
        const roots = this.#resolvedRoots();
        const final = (0,external_node_path_.join)(this.dir, importPath);
        const temp = (0,external_node_path_.join)(this.dir, `.tmp-${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
        await (0,promises_.mkdir)(temp, { recursive: true });
        try {
            for (const [label, path] of Object.entries(files))
                await take(label, path, roots, (0,external_node_path_.join)(temp, label));
            try {
                await (0,promises_.rename)(temp, final);
            }
            catch (e) {
                // Already stored (a repeated finish): keep the first copy.
                const code = e.code;
                if (code !== 'ENOTEMPTY' && code !== 'EEXIST')
                    throw e;
            }
        }
        finally {
            await (0,promises_.rm)(temp, { recursive: true, force: true });
        }
        return Object.fromEntries(Object.keys(files).map((label) => [label, (0,external_node_path_.join)(final, label)]));
    }
}
async function take(label, path, roots, dest) {
    const refuse = (why) => {
        throw new RefusedFile(`extra ${JSON.stringify(label)}: ${JSON.stringify(path)} ${why}`);
    };
    if (!(0,external_node_path_.isAbsolute)(path))
        refuse('is not an absolute path');
    const name = (0,external_node_path_.basename)((0,external_node_path_.normalize)(path));
    if (name === '' || name === '.' || name === '..')
        refuse('is not a file path');
    // The directory's real path: a symlinked directory on the way must not lead out of the roots.
    const parent = await (0,promises_.realpath)((0,external_node_path_.dirname)((0,external_node_path_.normalize)(path))).catch(() => refuse('does not exist'));
    const real = (0,external_node_path_.join)(parent, name);
    if (!roots.some((r) => real.startsWith(r.endsWith(external_node_path_.sep) ? r : r + external_node_path_.sep)))
        refuse(`is outside the directories results may be published from (${roots.join(', ')})`);
    let fh;
    try {
        fh = await (0,promises_.open)(real, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (e) {
        const code = e.code;
        return refuse(code === 'ELOOP' ? 'is a symlink' : `cannot be opened (${code ?? String(e)})`);
    }
    try {
        const st = await fh.stat();
        if (!st.isFile())
            refuse('is not a plain file');
        if (st.nlink === 1) {
            const linked = await (0,promises_.link)(real, dest).then(() => (0,promises_.lstat)(dest), () => undefined);
            if (linked && linked.ino === st.ino && linked.dev === st.dev)
                return;
            await (0,promises_.rm)(dest, { force: true });
        }
        await (0,external_node_stream_promises_.pipeline)(fh.createReadStream({ start: 0, autoClose: false }), (0,external_node_fs_.createWriteStream)(dest, { mode: st.mode & 0o777, flags: 'wx' }));
    }
    finally {
        await fh.close();
    }
}

// EXTERNAL MODULE: ./src/util/discard-dir.ts
var discard_dir = __webpack_require__(7516);
// EXTERNAL MODULE: ./src/util/random-hex.ts
var random_hex = __webpack_require__(7773);
;// CONCATENATED MODULE: ./src/coordinator/server.ts









const DEFAULT_LEASE_MS = 10_000;
/**
 * The Start/Finish coordinator over HTTP/1.1: a thin transport around `CoordinatorState`.
 * Deals with: authentication, body limits, JSON, long-polling waiters, lease timers, the result store.
 * Does not deal with: the protocol's decisions (state.ts) or discovery (discovery.ts).
 */
async function startCoordinatorServer(opts) {
    const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
    const state = new CoordinatorState({ leaseMs, newToken: () => (0,random_hex/* randomHex */.n)(16) });
    const store = new ResultStore(opts.storeDir, opts.publishRoots);
    // A previous server's results are stale; they are moved away at once and deleted in the background.
    (0,discard_dir/* discardDir */._)(opts.storeDir);
    const stats = { start: 0, finish: 0, renew: 0, recorded: 0, rejected: 0 };
    const waiting = new Map();
    let nextWaiter = 1;
    const expected = Buffer.from(`Bearer ${opts.bearer}`);
    const deliver = (deliveries) => {
        for (const d of deliveries) {
            const send = waiting.get(d.waiter);
            if (!send)
                continue;
            waiting.delete(d.waiter);
            send(answerReply(d.answer));
        }
    };
    const timer = setInterval(() => deliver(state.expire(Date.now())), Math.max(20, Math.floor(leaseMs / 4)));
    timer.unref();
    /**
     * One protocol call on a parsed body, for both transports. A start that must wait resolves when answered;
     * `onWait` receives the way to give up waiting (a dropped connection), so no answer is sent into the void.
     */
    const operate = async (route, body, onWait) => {
        const importPath = body.importPath;
        if (typeof importPath !== 'string' || (0,protocol/* labelProblem */.W6)(importPath) !== undefined) {
            stats.rejected++;
            return { status: 400, body: { error: 'importPath must be a non-empty string usable as a file name' } };
        }
        if (route === protocol/* START_ROUTE */.F8) {
            stats.start++;
            const waiter = nextWaiter++;
            const outcome = state.start(importPath, waiter, Date.now());
            if (outcome.kind === 'answer')
                return answerReply(outcome.answer);
            return new Promise((resolve) => {
                waiting.set(waiter, resolve);
                onWait?.(() => {
                    if (waiting.delete(waiter))
                        state.waiterGone(importPath, waiter);
                });
            });
        }
        const token = body.token;
        if (typeof token !== 'string')
            return { status: 400, body: { error: 'token must be a string' } };
        if (route === protocol/* RENEW_ROUTE */.uc) {
            stats.renew++;
            return state.renew(importPath, token, Date.now())
                ? { status: 200, body: {} }
                : { status: 409, body: { error: `no lease on ${importPath} for that token` } };
        }
        stats.finish++;
        return finish(importPath, token, body);
    };
    const finish = async (importPath, token, body) => {
        const extra = body.extra;
        if (extra !== undefined) {
            if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) {
                return { status: 400, body: { error: 'extra must be an object of label to path' } };
            }
            for (const [label, path] of Object.entries(extra)) {
                const problem = (0,protocol/* labelProblem */.W6)(label) ?? (typeof path === 'string' ? undefined : `extra ${label} must be a path`);
                if (problem)
                    return { status: 400, body: { error: problem } };
            }
        }
        if (body.error !== undefined && typeof body.error !== 'string')
            return { status: 400, body: { error: 'error must be a string' } };
        if (body.release !== undefined) {
            if (body.release !== true || extra !== undefined || body.error !== undefined)
                return { status: 400, body: { error: 'release must be true, without "extra" or "error"' } };
            const released = state.release(importPath, token, Date.now());
            if (!released.ok)
                return { status: released.status, body: { error: released.error } };
            deliver(released.deliveries);
            return { status: 200, body: {} };
        }
        // Checked before any file is copied: a wrong token must not write to the store.
        const check = state.checkFinish(importPath, token);
        if (check === 'done')
            return { status: 200, body: {} };
        if (check !== 'ok')
            return { status: check.status, body: { error: check.error } };
        let stored;
        if (extra !== undefined) {
            try {
                stored = await store.put(importPath, extra);
            }
            catch (e) {
                return { status: 400, body: { error: `cannot store the files: ${e.message}` } };
            }
        }
        const outcome = state.finish(importPath, token, {
            ...(stored ? { extra: stored } : {}),
            ...(body.error !== undefined ? { error: body.error } : {}),
        });
        if (!outcome.ok)
            return { status: outcome.status, body: { error: outcome.error } };
        if (outcome.recorded)
            stats.recorded++;
        deliver(outcome.deliveries);
        return { status: 200, body: {} };
    };
    const handle = async (req, res) => {
        // A client sends its next request on a connection once it has read the answer to the last one: the keys
        // answered before are its own now, whatever becomes of the connection later (a request it gives up closes it).
        handedOver.get(req.socket)?.clear();
        const auth = Buffer.from(req.headers.authorization ?? '');
        if (auth.length !== expected.length || !(0,external_node_crypto_.timingSafeEqual)(auth, expected)) {
            stats.rejected++;
            return reply(res, { status: 401, body: { error: 'missing or wrong bearer token' } });
        }
        const route = req.url ?? '';
        if (req.method !== 'POST' || !ROUTES.includes(route)) {
            stats.rejected++;
            return reply(res, { status: 404, body: { error: `unknown route ${req.method ?? ''} ${route}` } });
        }
        const body = await readJson(req);
        if (!body.ok) {
            stats.rejected++;
            return reply(res, { status: body.error.status, body: { error: body.error.message } });
        }
        const answer = await operate(route, body.value, (cancel) => res.on('close', cancel));
        reply(res, answer);
        const token = answer.body.token;
        if (route === protocol/* START_ROUTE */.F8 && typeof token === 'string') {
            handOnIfLost(req.socket, body.value.importPath, token);
        }
    };
    /** The keys handed over each connection, by its socket (see handOnIfLost). */
    const handedOver = new WeakMap();
    /**
     * A key handed to a caller whose connection fails before the caller sends anything more on it (the waiter killed
     * as the key was handed to it: the answer meets a closed socket) is handed on at once, as when a holder is known
     * to be gone, rather than when its lease ends. A connection that merely closes says nothing (a client lets go of
     * its idle connections), and neither does one that fails after its next request: that request shows the answer
     * was read (see handle). A holder that has finished (or released) meanwhile is not affected: the key is no longer
     * its token's. Over loopback TCP an answer to a dead peer is taken by the kernel without an error: there, as for
     * a holder that dies later, the lease decides.
     */
    const handOnIfLost = (socket, importPath, token) => {
        if (socket.destroyed) {
            deliver(state.holderGone(importPath, token, Date.now()));
            return;
        }
        let keys = handedOver.get(socket);
        if (keys === undefined) {
            const handed = new Map();
            keys = handed;
            handedOver.set(socket, handed);
            socket.once('close', (failed) => {
                if (!failed)
                    return;
                for (const [path, t] of handed)
                    deliver(state.holderGone(path, t, Date.now()));
            });
        }
        keys.set(importPath, token);
    };
    const server = (0,external_node_http_.createServer)((req, res) => {
        handle(req, res).catch((e) => reply(res, { status: 500, body: { error: `internal error: ${e.message}` } }));
    });
    server.keepAliveTimeout = 60_000;
    const listening = await listen(server, opts.listen);
    if (!listening.ok)
        return listening;
    return (0,result.ok)({
        address: listening.value,
        stats,
        call: (route, body) => ROUTES.includes(route) ? operate(route, body) : Promise.resolve(unknownRoute(route)),
        drain: async (maxMs) => {
            const until = Date.now() + maxMs;
            while ((state.running > 0 || waiting.size > 0) && Date.now() < until) {
                await new Promise((r) => setTimeout(r, 50));
            }
        },
        close: async () => {
            clearInterval(timer);
            for (const send of waiting.values())
                send({ status: 503, body: { error: 'coordinator shutting down' } });
            waiting.clear();
            server.closeAllConnections();
            await new Promise((r) => server.close(() => r()));
            if ('socketPath' in opts.listen)
                (0,external_node_fs_.rmSync)(opts.listen.socketPath, { force: true });
        },
    });
}
const ROUTES = [protocol/* START_ROUTE */.F8, protocol/* FINISH_ROUTE */.YB, protocol/* RENEW_ROUTE */.uc];
function unknownRoute(route) {
    return { status: 404, body: { error: `unknown route ${route}` } };
}
function answerReply(a) {
    // A build that failed elsewhere is an error answer, as every protocol error is.
    return { status: 'error' in a ? 409 : 200, body: a };
}
function reply(res, r) {
    if (res.headersSent || res.destroyed)
        return;
    const text = JSON.stringify(r.body);
    res.writeHead(r.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
}
async function readJson(req) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size > protocol/* MAX_BODY_BYTES */.YK) {
            req.resume();
            return (0,result/* err */._)({ status: 413, message: `request body larger than ${protocol/* MAX_BODY_BYTES */.YK} bytes` });
        }
        chunks.push(chunk);
    }
    try {
        const value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            return (0,result/* err */._)({ status: 400, message: 'request body must be a JSON object' });
        }
        return (0,result.ok)(value);
    }
    catch (e) {
        return (0,result/* err */._)({ status: 400, message: `malformed JSON: ${e.message}` });
    }
}
async function listen(server, where) {
    return new Promise((resolve) => {
        server.once('error', (e) => resolve((0,result/* err */._)(`${e.code ?? 'error'}: ${e.message}`)));
        if ('socketPath' in where) {
            // Owner-only from the first moment: the umask covers the window before chmod.
            const old = process.umask(0o177);
            server.listen(where.socketPath, () => {
                process.umask(old);
                // In place, as the rest of a claim's first steps: see removeDeadTemps.
                try {
                    (0,external_node_fs_.chmodSync)(where.socketPath, 0o600);
                    resolve((0,result.ok)(`unix:${where.socketPath}`));
                }
                catch (e) {
                    resolve((0,result/* err */._)(e.message));
                }
            });
            process.umask(old);
        }
        else {
            server.listen(0, '127.0.0.1', () => resolve((0,result.ok)(`http://127.0.0.1:${server.address().port}`)));
        }
    });
}

;// CONCATENATED MODULE: ./src/coordinator/takeover-lock.ts


/** A lock whose owner is alive is still broken after this long: taking over a coordinator takes well under it. */
const LIVE_OWNER_MAX_MS = 30_000;
const POLL_MS = 20;
/** Nonces of the locks this process holds right now (a lock with our pid and another nonce is a leftover). */
const heldHere = new Set();
/** Resolved whenever a lock of this process is released, so that its other waiters need not poll for it. */
let released = signal();
function signal() {
    let fire;
    const promise = new Promise((r) => (fire = r));
    return { promise, fire };
}
const pause = () => Promise.race([new Promise((r) => setTimeout(r, POLL_MS)), released.promise]);
/**
 * A cross-process mutex for taking over the coordinator of a cache directory.
 *
 * The lock is a file that always names its owner (`<pid> <nonce>`): it is written under a unique name, then
 * hard-linked into place, so nobody ever sees it empty. Only a lock whose owner is dead (or that a live owner
 * has held far too long) is broken. Age alone never breaks a lock, so a slow owner is not robbed of it.
 *
 * Breaking is where two processes used to both win: each saw the same dead owner, one removed that lock and
 * took a new one, and the other then removed the new one. Here a lock instance (known by its content, unique
 * per acquisition) can be broken once: the breaker first creates `<lock>.breaking-<instance>` exclusively, and
 * removes the lock only if it still is that instance. Whoever comes later cannot create the marker, or, once
 * the marker is gone, finds another instance under the name and leaves it alone.
 *
 * The file operations are synchronous (a few small files): through the thread pool each waited behind the run's
 * other work there. Only the wait for a live owner is asynchronous.
 */
async function withTakeoverLock(path, fn) {
    const nonce = (0,external_node_crypto_.randomBytes)(8).toString('hex');
    const me = `${process.pid} ${nonce}`;
    // Counted as held from before it appears under the name: our own lock is never mistaken for a leftover.
    heldHere.add(nonce);
    try {
        while (!createComplete(path, me)) {
            const stale = staleContent(path);
            if (stale !== undefined)
                await breakLock(path, stale);
            else
                await pause();
        }
        try {
            return await fn();
        }
        finally {
            // Removed only while it is still ours: a lock that was broken meanwhile belongs to somebody else now.
            if (readOrUndefined(path) === me)
                unlinkQuietly(path);
            const s = released;
            released = signal();
            s.fire();
        }
    }
    finally {
        heldHere.delete(nonce);
    }
}
/** Creates `path` with `content` unless it exists; nobody ever sees it empty or half-written. */
function createComplete(path, content) {
    const temp = `${path}.${(0,external_node_crypto_.randomBytes)(8).toString('hex')}.tmp`;
    (0,external_node_fs_.writeFileSync)(temp, content, { mode: 0o600 });
    try {
        (0,external_node_fs_.linkSync)(temp, path);
        return true;
    }
    catch (e) {
        if (e.code !== 'EEXIST')
            throw e;
        return false;
    }
    finally {
        (0,external_node_fs_.rmSync)(temp, { force: true });
    }
}
/** The lock's content when it may be broken; undefined while it is held (or gone, so free). */
function staleContent(path) {
    const owner = readOrUndefined(path);
    if (owner === undefined)
        return undefined;
    let st;
    try {
        st = (0,external_node_fs_.statSync)(path);
    }
    catch {
        return undefined;
    }
    return ownerIsGone(owner) || Date.now() - st.mtimeMs > LIVE_OWNER_MAX_MS ? owner : undefined;
}
function ownerIsGone(owner) {
    const [pidText, nonce] = owner.trim().split(' ');
    const pid = Number(pidText);
    if (!Number.isSafeInteger(pid) || pid <= 0 || nonce === undefined)
        return true;
    if (pid === process.pid)
        return !heldHere.has(nonce);
    try {
        process.kill(pid, 0);
        return false;
    }
    catch (e) {
        // EPERM: alive, but another user's process.
        return e.code === 'ESRCH';
    }
}
async function breakLock(path, stale) {
    // A turn of the event loop first: a lock that cannot be broken (a file this process may not remove) must not
    // hold this thread in a loop of synchronous calls that nothing, not even a signal, interrupts.
    await new Promise((resolve) => setImmediate(resolve));
    const marker = `${path}.breaking-${(0,external_node_crypto_.createHash)('sha1').update(stale).digest('hex').slice(0, 16)}`;
    const nonce = (0,external_node_crypto_.randomBytes)(8).toString('hex');
    heldHere.add(nonce);
    try {
        if (!createComplete(marker, `${process.pid} ${nonce}`)) {
            // Somebody else breaks this instance; a breaker that died doing so must not block everyone forever.
            if (staleContent(marker) !== undefined)
                unlinkQuietly(marker);
            await pause();
            return;
        }
        try {
            if (readOrUndefined(path) === stale)
                unlinkQuietly(path);
        }
        finally {
            (0,external_node_fs_.rmSync)(marker, { force: true });
        }
    }
    finally {
        heldHere.delete(nonce);
    }
}
function readOrUndefined(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        return undefined;
    }
}
function unlinkQuietly(path) {
    try {
        (0,external_node_fs_.unlinkSync)(path);
    }
    catch {
        // Gone already, or somebody else's to remove.
    }
}

;// CONCATENATED MODULE: ./src/coordinator/discovery.ts









/** How long a recorded server may take to answer a newcomer before it is taken for gone. */
const PROBE_MS = 5000;
async function joinOrStartCoordinator(cacheDir, opts = {}) {
    const dir = (0,external_node_path_.join)(cacheDir, 'coordinator');
    // Its own directory may be private and still be swapped whole by whoever owns the cache directory: a server
    // record, a store of published results of their own.
    const problem = (0,private_dir/* ensurePrivateDir */.rh)(dir) ?? (0,renamable_by_others/* renamableByOthers */.A)(cacheDir);
    if (problem)
        throw new Error(`cannot use the coordinator directory: ${problem}`);
    const recordPath = (0,external_node_path_.join)(dir, 'server.json');
    /** `answered`: a server of ours listens on the recorded socket, even if it refused the recorded token. */
    const tryJoin = async () => {
        const record = parseRecord((0,private_dir/* readPrivateFile */.q1)(recordPath));
        if (!record)
            return {};
        if ((0,private_dir/* socketProblem */.jK)(socketOf(record)))
            return { record };
        const client = new coordinator_client/* CoordinatorClient */.G(record.address, record.bearer);
        // A server that is stopped (Ctrl-Z) or hung accepts connections and never answers: without a time limit,
        // every later run on this cache directory would wait for it forever.
        const probe = await client.renew('probe', 'probe', opts.probeMs ?? PROBE_MS);
        // Our server answers our token with anything but 401; a refused or reset connection means none.
        if (probe.ok || (probe.error.reason === 'refused' && probe.error.status !== 401))
            return { joined: { client, bearer: record.bearer }, record };
        client.close();
        return { record, answered: probe.error.reason === 'refused' };
    };
    const first = await tryJoin();
    if (first.joined)
        return first.joined;
    return withTakeoverLock((0,external_node_path_.join)(dir, 'takeover.lock'), async () => {
        const again = await tryJoin();
        if (again.joined)
            return again.joined;
        // A dead server's socket and private directory are reused; a live one is never touched.
        const old = again.record && !again.answered ? socketOf(again.record) : undefined;
        const socketPath = newSocketPath(dir, old);
        if (old !== undefined && old !== socketPath && !(0,private_dir/* socketProblem */.jK)(old))
            (0,external_node_fs_.rmSync)(old, { force: true });
        (0,external_node_fs_.rmSync)(socketPath, { force: true });
        const bearer = (0,external_node_crypto_.randomBytes)(24).toString('hex');
        const started = await startCoordinatorServer({
            storeDir: (0,external_node_path_.join)(dir, 'store'),
            bearer,
            listen: { socketPath },
            publishRoots: opts.publishRoots ?? [cacheDir],
            ...(opts.leaseMs === undefined ? {} : { leaseMs: opts.leaseMs }),
        });
        if (!started.ok)
            throw new Error(`cannot start the coordinator: ${started.error}`);
        const record = { address: started.value.address, bearer, pid: process.pid };
        const temp = `${recordPath}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
        (0,external_node_fs_.writeFileSync)(temp, JSON.stringify(record), { mode: 0o600 });
        (0,external_node_fs_.renameSync)(temp, recordPath);
        const server = started.value;
        return { client: new coordinator_client/* CoordinatorClient */.G(server.address, bearer, server.call), bearer, server };
    });
}
const socketOf = (r) => r.address.slice('unix:'.length);
function parseRecord(text) {
    if (text === undefined)
        return undefined;
    try {
        const r = JSON.parse(text);
        if (typeof r.address !== 'string' || !r.address.startsWith('unix:') || typeof r.bearer !== 'string')
            return undefined;
        return { address: r.address, bearer: r.bearer, pid: Number(r.pid) };
    }
    catch {
        return undefined;
    }
}
/**
 * Unix socket paths are limited to about 107 bytes; a long cache path gets a private directory of the temp dir
 * instead. That directory is never removed: other processes and jobs may still hold its address, and once its
 * name were free, another user could create it and answer them. The next server of this cache directory
 * reuses it, so there is one per cache directory, not one per server.
 */
function newSocketPath(dir, previous) {
    const inside = (0,external_node_path_.join)(dir, 'sock');
    if (Buffer.byteLength(inside) < 100)
        return inside;
    if (previous !== undefined && (0,external_node_path_.dirname)(previous) !== dir && isPrivateDir((0,external_node_path_.dirname)(previous)))
        return previous;
    // mkdtemp: a random name, created 0700 by this user, that fails rather than reuse an existing path.
    return (0,external_node_path_.join)((0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'disbuild-coordinator-')), 'sock');
}
/** A directory only this user can enter (not a symlink), as mkdtemp made it. */
function isPrivateDir(path) {
    let st;
    try {
        st = (0,external_node_fs_.lstatSync)(path);
    }
    catch {
        return false;
    }
    const uid = process.geteuid?.();
    return st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o077) === 0;
}

// EXTERNAL MODULE: ./src/coordinator/job-coordinator.ts
var job_coordinator = __webpack_require__(6526);
// EXTERNAL MODULE: ./src/cache/manifest.ts
var manifest = __webpack_require__(8445);
;// CONCATENATED MODULE: ./src/coordinator/result-files.ts



/**
 * How a finished job's result travels through the coordinator. The protocol moves flat, labelled files, so
 * the output tree is flattened into one label per file (`out~<URI-encoded path>`), and everything else —
 * logs, duration, and the manifest of the tree (every file's hash and mode, directories, symlinks) — goes into
 * one `result.json`. The receiver trusts none of it: it rebuilds the tree and checks it against the manifest
 * exactly as a cache restore is checked, and refuses paths and links that leave the output directory.
 */
const OUT_PREFIX = 'out~';
const RESULT = 'result.json';
const labelOf = (path) => OUT_PREFIX + encodeURIComponent(path);
/**
 * Writes `result.json` into `scratchDir` and answers the labelled files to finish with. Throws when the tree
 * cannot be published (a link out of it, a device or socket): the same trees the cache refuses to save.
 */
async function resultFiles(outputDir, scratchDir, result) {
    const tree = await (0,manifest/* describeTree */.cn)(outputDir);
    if (!tree.ok)
        throw new Error(tree.error);
    const files = {};
    for (const e of tree.value)
        if (e.type === 'file')
            files[labelOf(e.path)] = (0,external_node_path_.join)(outputDir, e.path);
    const meta = {
        durationMs: result.durationMs,
        stdout: result.stdout.toString('base64'),
        stderr: result.stderr.toString('base64'),
        entries: tree.value,
    };
    await (0,promises_.mkdir)(scratchDir, { recursive: true });
    files[RESULT] = (0,external_node_path_.join)(scratchDir, RESULT);
    await (0,promises_.writeFile)(files[RESULT], JSON.stringify(meta));
    return files;
}
/**
 * Rebuilds an output tree from the files another holder finished with, checks it against its manifest, and
 * answers its logs. Throws on anything that does not verify; the caller then builds the job itself.
 */
async function fromResultFiles(files, outputDir) {
    const resultPath = files[RESULT];
    if (resultPath === undefined)
        throw new Error(`the result has no ${RESULT}`);
    const meta = parseMeta(await (0,promises_.readFile)(resultPath, 'utf8'));
    const expected = new Set([RESULT]);
    for (const e of meta.entries)
        if (e.type === 'file')
            expected.add(labelOf(e.path));
    for (const label of Object.keys(files))
        if (!expected.has(label))
            throw new Error(`the result has a file ${JSON.stringify(label)} it does not list`);
    await (0,promises_.mkdir)(outputDir, { recursive: true });
    for (const e of meta.entries)
        if (e.type === 'dir')
            await (0,promises_.mkdir)((0,external_node_path_.join)(outputDir, e.path), { recursive: true });
    for (const e of meta.entries) {
        if (e.type !== 'file')
            continue;
        const from = files[labelOf(e.path)];
        if (from === undefined)
            throw new Error(`the result lacks ${e.path}`);
        const dest = (0,external_node_path_.join)(outputDir, e.path);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(dest), { recursive: true });
        // A copy, never a link: a dependent that writes into its inputs must not change the coordinator's store.
        await (0,promises_.copyFile)(from, dest, promises_.constants.COPYFILE_FICLONE | promises_.constants.COPYFILE_EXCL);
        await (0,promises_.chmod)(dest, e.mode === 0o755 ? 0o755 : 0o644);
    }
    // Links last, so that no file above is ever written through one.
    for (const e of meta.entries)
        if (e.type === 'symlink')
            await (0,promises_.symlink)(e.target, (0,external_node_path_.join)(outputDir, e.path));
    const verified = await (0,manifest/* verifyTree */.aY)(outputDir, meta);
    if (!verified.ok)
        throw new Error(`the result does not match its manifest: ${verified.error}`);
    return {
        stdout: Buffer.from(meta.stdout, 'base64'),
        stderr: Buffer.from(meta.stderr, 'base64'),
        durationMs: meta.durationMs,
    };
}
/** result.json as the receiver accepts it: every path relative and inside, every link inside the tree. */
function parseMeta(text) {
    const bad = (why) => {
        throw new Error(`${RESULT} is not valid: ${why}`);
    };
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (e) {
        return bad(e.message);
    }
    const m = raw;
    if (typeof m !== 'object' || m === null)
        return bad('not an object');
    if (typeof m.durationMs !== 'number' || typeof m.stdout !== 'string' || typeof m.stderr !== 'string')
        bad('missing logs or duration');
    if (!Array.isArray(m.entries))
        return bad('no manifest');
    for (const e of m.entries) {
        const x = e;
        if (typeof x !== 'object' || x === null || typeof x.path !== 'string')
            return bad('an entry without a path');
        if (!isPlainRelative(x.path))
            bad(`path ${JSON.stringify(x.path)} leaves the output directory`);
        if (x.type === 'symlink') {
            if (typeof x.target !== 'string' || (0,manifest/* symlinkEscapes */.mu)(x.path, x.target))
                bad(`symlink ${JSON.stringify(x.path)} points outside the output directory`);
        }
        else if (x.type !== 'file' && x.type !== 'dir')
            bad(`entry ${JSON.stringify(x.path)} has no known type`);
    }
    // Before any link is created: one made through another link must not land outside the output directory.
    const under = (0,manifest/* pathUnderNonDirectory */.S$)(m.entries);
    if (under !== undefined)
        bad(`entry ${JSON.stringify(under)} is under a file or link`);
    const leaving = (0,manifest/* linkLeavingTree */.X8)(m.entries);
    if (leaving !== undefined)
        bad(`symlink ${JSON.stringify(leaving)} points outside through other links`);
    return m;
}
function isPlainRelative(path) {
    if (path === '' || path.includes('\0') || external_node_path_.posix.isAbsolute(path))
        return false;
    return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

// EXTERNAL MODULE: ./src/util/env-ms.ts
var env_ms = __webpack_require__(2340);
;// CONCATENATED MODULE: ./src/coordinator/shared-coordinator.ts








/** How long a process that serves the coordinator stays up for others after its own run, at most. */
const DRAIN_MS = 30 * 60 * 1000;
/** A holder's lease when the caller sets none: 10 s, or `DISBUILD_COORDINATOR_LEASE_MS` (a positive integer). */
const shared_coordinator_DEFAULT_LEASE_MS = 10_000;
const ENV_LEASE_MS = 'DISBUILD_COORDINATOR_LEASE_MS';
/**
 * The lease of a server this process starts. A key whose holder neither finishes nor renews (it died without its
 * connection closing) is handed on only when its lease runs out, and the serving process stays up until then.
 */
function defaultLeaseMs(env = process.env) {
    return (0,env_ms/* envMs */.e)(env, ENV_LEASE_MS, 1) ?? shared_coordinator_DEFAULT_LEASE_MS;
}
/**
 * The engine's JobCoordinator over the shared Start/Finish coordinator of a cache directory.
 * Deals with: claiming keys, publishing results as labelled files, renewing leases while a job builds, and
 * finding a new coordinator when the serving process is gone. Coordinator trouble never fails a build: the
 * job is then built without one, with a warning.
 */
class SharedCoordinator {
    #c;
    /** The rediscovery under way, if any: every claim that lost the server awaits this one. */
    #rediscovering;
    /** Every server this process started; closed on `close`, whichever is current. */
    #servers = new Set();
    #cacheDir;
    #o;
    #warned = false;
    constructor(c, cacheDir, o) {
        this.#c = c;
        this.#cacheDir = cacheDir;
        this.#o = o;
        this.#adopt(c);
    }
    /**
     * Joins or starts the coordinator of `cacheDir`. Should that fail (a socket that cannot be created, a server
     * that refuses our token), the run goes on without one, with a warning: coordination saves work, it is never
     * a reason to fail a build.
     */
    static async open(cacheDir, opts) {
        const o = { ...opts, leaseMs: opts.leaseMs ?? defaultLeaseMs() };
        try {
            return new SharedCoordinator(await joinOrStartCoordinator(cacheDir, discoveryOptions(o)), cacheDir, o);
        }
        catch (e) {
            opts.onWarning(`${e.message}; jobs run without a coordinator`);
            return { ...job_coordinator/* soloCoordinator */.E, close: () => Promise.resolve() };
        }
    }
    get env() {
        return (0,protocol/* coordinatorEnv */.AH)(this.#c.client.address, this.#c.bearer);
    }
    /** True when this process serves the coordinator (tests and diagnostics). */
    get serving() {
        return this.#c.server !== undefined;
    }
    async claim(key) {
        for (let attempt = 0; attempt < 3; attempt++) {
            const c = this.#c;
            const client = c.client;
            const r = await client.start(key);
            if (r.ok) {
                if ('token' in r.value)
                    return this.#buildClaim(client, key, r.value.token);
                const files = r.value.extra;
                // No files: the holder saved the result to the cache this coordinator belongs to.
                if (Object.keys(files).length === 0)
                    return { kind: 'cached' };
                return { kind: 'reuse', restore: (outputDir) => fromResultFiles(files, outputDir) };
            }
            if (r.error.reason === 'build-failed')
                return { kind: 'failed', error: r.error.message };
            // The serving process went away, is shutting down, or was replaced by a server with a token of its own
            // (401): find or become the next one, and ask again.
            if (r.error.reason === 'unreachable' ||
                (r.error.reason === 'refused' && (r.error.status === 503 || r.error.status === 401))) {
                await this.#rediscover(c);
                continue;
            }
            this.#warn(`the coordinator refused ${key}: ${r.error.message}`);
            break;
        }
        return { kind: 'build', finish: () => Promise.resolve() };
    }
    #buildClaim(client, key, token) {
        const stopRenewing = client.holdLease(key, token, Math.max(20, Math.floor(this.#o.leaseMs / 4)));
        return {
            kind: 'build',
            finish: async (result) => {
                stopRenewing();
                // Not handed to anyone: a waiter gets a token of its own at once, rather than when the lease runs out.
                const release = async () => void (await client.finish(key, token, { release: true }));
                if ('unpublished' in result) {
                    await release();
                    return;
                }
                if ('error' in result) {
                    await client.finish(key, token, { error: result.error });
                    return;
                }
                // In the shared cache already: publishing no files tells waiters to restore it from there, and spares
                // copying every output into the coordinator's store.
                if (result.inCache) {
                    await client.finish(key, token, { extra: {} });
                    return;
                }
                const scratch = (0,external_node_path_.join)(this.#cacheDir, 'coordinator', 'scratch', `${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
                try {
                    let extra;
                    try {
                        extra = await resultFiles(result.outputDir, scratch, result);
                    }
                    catch (e) {
                        // Not publishable (a link out of the tree): a waiter builds it itself, as it would for an output
                        // the cache refuses.
                        this.#warn(`could not publish ${key}: ${e.message}`);
                        await release();
                        return;
                    }
                    const r = await client.finish(key, token, { extra });
                    if (!r.ok && r.error.reason !== 'unreachable') {
                        this.#warn(`could not publish ${key}: ${r.error.message}`);
                        // Refused (files it may not take, as a run kept in the temp directory has): still this run's claim, which
                        // would hold waiters, and this run's own exit, until its lease ran out.
                        await release();
                    }
                }
                finally {
                    await (0,promises_.rm)(scratch, { recursive: true, force: true });
                }
            },
        };
    }
    /**
     * Finds or becomes the next server after `lost` stopped answering, once per loss: claims that noticed the same
     * loss share one rediscovery, and a claim that noticed it after a new server was found just asks again.
     */
    async #rediscover(lost) {
        if (this.#c !== lost)
            return;
        this.#rediscovering ??= (async () => {
            lost.client.close();
            try {
                const next = await joinOrStartCoordinator(this.#cacheDir, discoveryOptions(this.#o));
                this.#adopt(next);
                this.#c = next;
            }
            catch (e) {
                this.#warn(e.message);
            }
        })().finally(() => (this.#rediscovering = undefined));
        await this.#rediscovering;
    }
    #adopt(c) {
        if (c.server)
            this.#servers.add(c.server);
        this.#o.onSecret?.(c.bearer);
    }
    #warn(message) {
        if (this.#warned)
            return;
        this.#warned = true;
        this.#o.onWarning(`${message}; building without the coordinator where needed`);
    }
    /**
     * Stops serving only once no other process builds or waits through this one; with `drain: false`
     * (an interrupted run) it stops at once, and the others take over.
     */
    async close(opts = { drain: true }) {
        await this.#rediscovering;
        this.#c.client.close();
        const servers = [...this.#servers];
        this.#servers.clear();
        await Promise.all(servers.map(async (server) => {
            if (opts.drain)
                await server.drain(DRAIN_MS);
            await server.close();
        }));
    }
}
function discoveryOptions(o) {
    return { leaseMs: o.leaseMs, ...(o.publishRoots ? { publishRoots: o.publishRoots } : {}) };
}


/***/ })

};

return { id, ids, modules };
})