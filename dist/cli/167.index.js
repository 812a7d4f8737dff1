(function (__disbuild_import_meta) {const id = 167;
const ids = [167];
const modules = {

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EJ: () => (/* binding */ parsePositiveInt),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   Qx: () => (/* binding */ parseCommandArgs)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_near_name_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1466);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8251);



/** node:util parseArgs with errors as values: unknown flags and missing values become one usage line. */
function parseCommandArgs(argv, options) {
    try {
        const parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)({ values: parsed.values, positionals: parsed.positionals, tokens: parsed.tokens });
    }
    catch (e) {
        const error = e;
        // Node's message for an unknown option is about positionals starting with '-': name the option meant instead,
        // and keep its advice for a name that is no option (a task named `--lint`).
        const unknown = /^Unknown option '(-{1,2})(.*)'\. To specify/s.exec(error.message);
        if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown !== null) {
            const dashes = unknown[1];
            const name = unknown[2];
            const near = dashes === '--' ? (0,_util_near_name_js__WEBPACK_IMPORTED_MODULE_2__/* .nearName */ .c)(name, Object.keys(options)) : undefined;
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(near !== undefined
                ? `unknown option ${dashes}${name}; did you mean --${near}?`
                : `unknown option ${dashes}${name} (a name that starts with '-' goes after '--': -- ${dashes}${name})`);
        }
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(error.message);
    }
}
/** A positive integer flag, with an error that quotes the bad value. */
function parsePositiveInt(flag, value, fallback) {
    if (value === undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)(fallback);
    if (!/^[1-9][0-9]*$/.test(value.trim()))
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(`${flag} must be a positive integer, got ${JSON.stringify(value)}`);
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)(Number(value.trim()));
}
/** A flag restricted to a few words, with an error listing them. */
function parseChoice(flag, value, choices, fallback) {
    if (value === undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)(fallback);
    if (choices.includes(value))
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)(value);
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(`${flag} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
}


/***/ }),

/***/ 167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   coordinator: () => (/* binding */ coordinator)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _coordinator_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(367);
/* harmony import */ var _coordinator_private_dir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3555);
/* harmony import */ var _coordinator_protocol_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6420);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7593);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1604);






const HELP = `Usage: disbuild coordinator start KEY
       disbuild coordinator finish KEY --token T (--file LABEL=PATH... | --error MESSAGE | --release)
         (PATH: a plain file in the job's output or temp directory, relative to the current one or absolute)
       disbuild coordinator renew KEY --token T

Speaks the Start/Finish protocol from a shell script inside a job, through $${_coordinator_protocol_js__WEBPACK_IMPORTED_MODULE_5__/* .ENV_ADDRESS */ .PM} and $${_coordinator_protocol_js__WEBPACK_IMPORTED_MODULE_5__/* .ENV_TOKEN */ .O3}.
Every answer is one JSON object on stdout:
  start   {"token": "..."}: build, then finish (renew within the lease, 10 s, while building)
          {"extra": {"LABEL": "PATH", ...}}: another holder built it; reuse those files
          {"error": "..."} (exit 1): another holder's build failed
  finish  {} when recorded (--release: built for this caller only; a waiter gets a token and builds it)
Exit status: 0 ok, 1 refused or failed, 2 bad usage or no coordinator in the environment.
`;
/** `disbuild coordinator`: the protocol for scripts inside jobs. */
const coordinator = async (argv, io) => {
    const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommandArgs */ .Qx)(argv, {
        token: { type: 'string' },
        file: { type: 'string', multiple: true },
        error: { type: 'string' },
        release: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
    });
    if (parsed.ok && parsed.value.values.help) {
        io.stdout.write(HELP);
        return _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok;
    }
    if (!parsed.ok)
        return usage(io, parsed.error);
    const [op, key, ...rest] = parsed.value.positionals;
    if (key === undefined || rest.length > 0 || !['start', 'finish', 'renew'].includes(op ?? '')) {
        return usage(io, 'expected start, finish or renew, and one KEY');
    }
    const address = io.env[_coordinator_protocol_js__WEBPACK_IMPORTED_MODULE_5__/* .ENV_ADDRESS */ .PM];
    const bearer = io.env[_coordinator_protocol_js__WEBPACK_IMPORTED_MODULE_5__/* .ENV_TOKEN */ .O3];
    if (!address || !bearer)
        return usage(io, `${_coordinator_protocol_js__WEBPACK_IMPORTED_MODULE_5__/* .ENV_ADDRESS */ .PM} and ${_coordinator_protocol_js__WEBPACK_IMPORTED_MODULE_5__/* .ENV_TOKEN */ .O3} must be set (they are, inside a job)`);
    const target = (0,_coordinator_client_js__WEBPACK_IMPORTED_MODULE_1__/* .parseAddress */ .o)(address);
    const notOurs = 'socketPath' in target ? await (0,_coordinator_private_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .socketProblem */ .jK)(target.socketPath) : undefined;
    if (notOurs) {
        io.stderr.write(`disbuild coordinator: not sending the token to ${address}: ${notOurs}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.failed;
    }
    const client = new _coordinator_client_js__WEBPACK_IMPORTED_MODULE_1__/* .CoordinatorClient */ .G(address, bearer);
    try {
        const v = parsed.value.values;
        if (op === 'start')
            return print(io, await client.start(key));
        if (v.token === undefined)
            return usage(io, '--token is required');
        if (op === 'renew')
            return print(io, await client.renew(key, v.token));
        if ([v.file, v.error, v.release].filter((x) => x !== undefined).length !== 1)
            return usage(io, 'give one of --file LABEL=PATH..., --error or --release');
        if (v.error !== undefined)
            return print(io, await client.finish(key, v.token, { error: v.error }));
        if (v.release)
            return print(io, await client.finish(key, v.token, { release: true }));
        const extra = {};
        for (const f of v.file ?? []) {
            const eq = f.indexOf('=');
            if (eq <= 0)
                return usage(io, `--file must be LABEL=PATH, got ${JSON.stringify(f)}`);
            // Resolved here: the serving process has another working directory, and takes absolute paths only.
            extra[f.slice(0, eq)] = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, f.slice(eq + 1));
        }
        return print(io, await client.finish(key, v.token, { extra }));
    }
    finally {
        client.close();
    }
};
function print(io, r) {
    io.stdout.write(JSON.stringify(r.ok ? (r.value ?? {}) : { error: r.error.message }) + '\n');
    return r.ok ? _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok : _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.failed;
}
function usage(io, message) {
    io.stderr.write(`disbuild coordinator: ${message}\n\n${HELP}`);
    return _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.usage;
}


/***/ }),

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

/***/ 1466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ nearName)
/* harmony export */ });
/** The name among `known` that `name` is most likely meant to be: the same in another case or number (`output`). */
function nearName(name, known) {
    const folded = name.toLowerCase();
    for (const k of known) {
        const other = k.toLowerCase();
        if (other === folded || other === `${folded}s` || `${other}s` === folded)
            return k;
    }
    return undefined;
}


/***/ }),

/***/ 8251:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ err),
/* harmony export */   ok: () => (/* binding */ ok)
/* harmony export */ });
const ok = (value) => ({ ok: true, value });
const err = (error) => ({ ok: false, error });


/***/ }),

/***/ 9293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ lstatIfAny),
/* harmony export */   k: () => (/* binding */ statIfAny)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A path's stat data (of a link itself, not of what it leads to); undefined when it cannot be had for any reason:
 * missing, or behind a directory that became a file or that may not be entered. Whoever asks treats that as
 * nothing there, and never fails for it.
 */
function lstatIfAny(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path, { throwIfNoEntry: false });
    }
    catch {
        return undefined;
    }
}
/** As lstatIfAny, following links. */
function statIfAny(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path, { throwIfNoEntry: false });
    }
    catch {
        return undefined;
    }
}


/***/ })

};

return { id, ids, modules };
})