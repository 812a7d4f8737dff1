import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({});
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./src/util/result.ts
const result_ok = (value) => ({ ok: true, value });
const result_err = (error) => ({ ok: false, error });

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
        return result_ok(undefined);
    return result_err({ kind: 'status', status, message: `${what} answered HTTP ${status}` });
}
/** Answers a PUT: any 2xx is stored; a conflict means the object is there already. */
function expectStored(r, what) {
    if (!r.ok)
        return r;
    const { status } = r.value;
    r.value.body.resume();
    if ((status >= 200 && status < 300) || status === 409)
        return result_ok(undefined);
    return result_err({ kind: 'status', status, message: `${what} answered HTTP ${status}` });
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
    return failure ? result_err(failure) : result_ok(out);
}
/** GETs small records one request each, many at once over the kept-alive sockets. */
async function getMetasConcurrently(client, ids, pathOf, query, concurrency) {
    const found = new Map();
    const r = await mapBounded(ids, concurrency, async (id) => {
        const res = expectFound(await client.request('GET', pathOf(id), { query }), 'the cache server');
        if (!res.ok || res.value === undefined)
            return res.ok ? result_ok(undefined) : res;
        const body = await client.readBody(res.value, META_LIMIT);
        if (!body.ok)
            return body;
        found.set(id, body.value);
        return result_ok(undefined);
    });
    return r.ok ? result_ok(found) : r;
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
    getMetas(ids) {
        return getMetasConcurrently(this.#c, ids, (id) => `/ac/${id}`, {}, this.#concurrency);
    }
    async getBlob(id) {
        return expectFound(await this.#c.request('GET', `/cas/${id}`), 'the cache server');
    }
    async put(space, id, body, size) {
        const path = space === 'meta' ? `/ac/${id}` : `/cas/${id}`;
        const r = await this.#c.request('PUT', path, {
            body: Buffer.isBuffer(body) ? body : body(),
            length: size,
            headers: { 'content-type': 'application/octet-stream' },
        });
        return expectStored(r, 'the cache server');
    }
    close() {
        this.#c.close();
    }
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
;// CONCATENATED MODULE: external "node:tls"
const external_node_tls_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");
;// CONCATENATED MODULE: ./src/cache/remote/http-client.ts





/**
 * A small keep-alive HTTP(S) client for cache servers.
 *
 * Deals with: connection reuse (a thousand lookups share a few sockets), authorization, idle time-outs, the trust
 * store (the system's CAs and NODE_EXTRA_CA_CERTS on top of Node's own), and keeping secrets out of every message.
 * Does not deal with: what the paths mean (the stores) or retries (the circuit breaker decides).
 */
class HttpClient {
    #base;
    #auth;
    #secrets;
    #agent;
    #timeoutMs;
    /** The base URL without credentials, for messages. */
    display;
    constructor(o) {
        const url = new URL(o.url);
        const user = decodeURIComponent(url.username);
        const pass = decodeURIComponent(url.password);
        url.username = '';
        url.password = '';
        this.#base = url;
        this.display = url.toString().replace(/\/$/, '');
        // The URL as given counts as a secret only when it carries credentials.
        this.#secrets = [o.token ?? '', pass, user || pass ? o.url : ''].filter((s) => s.length >= 4);
        if (o.token)
            this.#auth = `Bearer ${o.token}`;
        else if (user || pass)
            this.#auth = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
        if (this.#auth)
            this.#secrets.push(this.#auth.slice(this.#auth.indexOf(' ') + 1));
        const agentOptions = { keepAlive: true, maxSockets: o.maxSockets, maxFreeSockets: o.maxSockets };
        this.#agent =
            url.protocol === 'https:'
                ? new external_node_https_namespaceObject.Agent({ ...agentOptions, ...trustStore() })
                : new external_node_http_namespaceObject.Agent(agentOptions);
        this.#timeoutMs = o.idleTimeoutMs;
    }
    /** Replaces every secret this client knows (token, password, credentials) in `text`. */
    redact(text) {
        let out = text;
        for (const s of this.#secrets)
            out = out.split(s).join('***');
        return out;
    }
    /** `path` is appended to the base URL's path; `query` adds parameters. */
    request(method, path, opts = {}) {
        const url = new URL(this.#base.toString());
        url.pathname = `${url.pathname.replace(/\/$/, '')}${path}`;
        for (const [k, v] of Object.entries(opts.query ?? {}))
            url.searchParams.set(k, v);
        const headers = { ...opts.headers };
        if (this.#auth)
            headers.authorization = this.#auth;
        const length = Buffer.isBuffer(opts.body) ? opts.body.length : opts.length;
        if (length !== undefined)
            headers['content-length'] = String(length);
        const mod = url.protocol === 'https:' ? external_node_https_namespaceObject : external_node_http_namespaceObject;
        return new Promise((resolve) => {
            let settled = false;
            const fail = (f) => {
                if (settled)
                    return;
                settled = true;
                req.destroy();
                resolve(result_err({ ...f, message: this.redact(f.message) }));
            };
            const req = mod.request(url, { method, headers, agent: this.#agent }, (res) => {
                if (settled) {
                    res.destroy();
                    return;
                }
                settled = true;
                resolve(result_ok({ status: res.statusCode ?? 0, headers: res.headers, body: res }));
            });
            req.setTimeout(this.#timeoutMs, () => fail({ kind: 'timeout', message: `${method} timed out after ${this.#timeoutMs} ms` }));
            req.on('error', (e) => fail({ kind: 'network', message: `${method} failed: ${e.message}` }));
            const body = opts.body;
            if (body === undefined)
                req.end();
            else if (Buffer.isBuffer(body))
                req.end(body);
            else {
                body.on('error', (e) => fail({ kind: 'network', message: `reading the upload failed: ${e.message}` }));
                body.pipe(req);
            }
        });
    }
    /** Reads a whole (small) response body, with the idle time-out applying between chunks. */
    async readBody(res, limit) {
        const chunks = [];
        let size = 0;
        try {
            for await (const chunk of withIdleTimeout(res.body, this.#timeoutMs)) {
                size += chunk.length;
                if (size > limit) {
                    res.body.destroy();
                    return result_err({ kind: 'network', message: `response larger than ${limit} bytes` });
                }
                chunks.push(chunk);
            }
        }
        catch (e) {
            return result_err({
                kind: 'network',
                message: this.redact(`reading a response failed: ${e.message}`),
            });
        }
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (!Number.isNaN(declared) && declared !== size) {
            return result_err({ kind: 'network', message: `response truncated (${size} of ${declared} bytes)` });
        }
        return result_ok(Buffer.concat(chunks));
    }
    /** Closes every socket: the kept-alive ones and those of requests still in flight. */
    close() {
        this.#agent.destroy();
    }
}
/** A response stream that errors when no data arrives for `ms` (a server that stalls mid-body). */
function withIdleTimeout(body, ms) {
    body.setTimeout(ms, () => body.destroy(new Error(`no data for ${ms} ms`)));
    return body;
}
let cachedTrust;
/**
 * Node trusts its own bundled CAs and, when no `ca` is given, NODE_EXTRA_CA_CERTS. Corporate caches are often
 * signed by a CA that only the system's store knows, so the system bundle is added, and with an explicit `ca`
 * list NODE_EXTRA_CA_CERTS must be added by hand (Node applies it only to its default list).
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
        process.env.NODE_EXTRA_CA_CERTS,
    ];
    let system = false;
    for (const [i, f] of files.entries()) {
        if (!f || (system && i < files.length - 1))
            continue;
        try {
            extra.push((0,external_node_fs_namespaceObject.readFileSync)(f, 'utf8'));
            if (i < files.length - 1)
                system = true;
        }
        catch {
            // Not on this system.
        }
    }
    cachedTrust = extra.length === 0 ? {} : { ca: [...external_node_tls_namespaceObject.rootCertificates, ...extra] };
    return cachedTrust;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/cache/manifest.ts




function sha256(bytes) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(bytes).digest('hex');
}
/** Files up to this size are hashed with one synchronous read: far cheaper than a stream for typical outputs. */
const SYNC_HASH_LIMIT = 4 * 1024 * 1024;
/**
 * After this many bytes hashed synchronously, the next file waits for one turn of the event loop: a tree of
 * gigabytes in small files must not hold back timers (a coordinator lease renewal, a server's own lease
 * checks) for seconds.
 */
const YIELD_EVERY_BYTES = 16 * 1024 * 1024;
let hashedSinceYield = 0;
/** One read buffer for every file hashed synchronously: no allocation per file (thousands per cold run). */
const readBuffer = Buffer.allocUnsafe(256 * 1024);
/** SHA-256 hex of the first `size` bytes of a file (all of it, as it was sized), read through the shared buffer. */
function smallFileSha256(path, size) {
    const h = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const fd = (0,external_node_fs_namespaceObject.openSync)(path, 'r');
    try {
        for (let done = 0; done < size;) {
            const n = (0,external_node_fs_namespaceObject.readSync)(fd, readBuffer, 0, Math.min(readBuffer.length, size - done), done);
            if (n === 0)
                break;
            h.update(readBuffer.subarray(0, n));
            done += n;
        }
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
    return h.digest('hex');
}
/** SHA-256 hex of a file's content (`size` picks the cheaper way to read it). */
async function fileSha256(path, size) {
    if (size <= SYNC_HASH_LIMIT) {
        hashedSinceYield += size;
        if (hashedSinceYield >= YIELD_EVERY_BYTES) {
            hashedSinceYield = 0;
            await new Promise((r) => setImmediate(r));
        }
        return smallFileSha256(path, size);
    }
    const h = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)(path))
        h.update(chunk);
    return h.digest('hex');
}
/** Does a symlink at `path` (relative, '/'-separated) with this target lead out of its tree? */
function symlinkEscapes(path, target) {
    const resolved = external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.dirname(path), target));
    return (0,external_node_path_namespaceObject.isAbsolute)(target) || target.includes('\0') || resolved === '..' || resolved.startsWith('../');
}
/** More link expansions than Linux follows in one lookup: such a chain cannot be followed at all. */
const MAX_LINK_HOPS = 40;
/**
 * The first symlink of a tree that leads out of it when followed through the tree's other links, or undefined.
 * Each link checked alone is not enough: with `a/b -> ..`, the link `c -> a/b/..` stays inside on paper and
 * resolves to the tree's parent. Names the tree does not have are taken as plain directories.
 */
function linkLeavingTree(entries) {
    const links = new Map();
    for (const e of entries)
        if (e.type === 'symlink' && e.target !== undefined)
            links.set(e.path, e.target);
    const leaves = (path, target) => {
        const at = path.split('/').slice(0, -1);
        const todo = target.split('/');
        let hops = 0;
        while (todo.length > 0) {
            const part = todo.shift();
            if (part === '' || part === '.')
                continue;
            if (part === '..') {
                if (at.length === 0)
                    return true;
                at.pop();
                continue;
            }
            at.push(part);
            const next = links.get(at.join('/'));
            if (next === undefined)
                continue;
            if ((0,external_node_path_namespaceObject.isAbsolute)(next))
                return true;
            if (++hops > MAX_LINK_HOPS)
                return false;
            at.pop();
            todo.unshift(...next.split('/'));
        }
        return false;
    };
    for (const [path, target] of links)
        if ((0,external_node_path_namespaceObject.isAbsolute)(target) || leaves(path, target))
            return path;
    return undefined;
}
/**
 * Every file, directory and symlink under `dir`, sorted by path; symlinks must stay inside the tree. With `seal`,
 * the tree is also made read-only in the same pass, as sealTree (util/seal-tree.ts) does: each file loses its
 * write bits once hashed, each directory becomes r-x once its children are done, the tree's root last.
 */
async function describeTree(dir, opts = {}) {
    const entries = [];
    const seal = opts.seal === true;
    const list = (abs) => {
        try {
            return (0,external_node_fs_namespaceObject.readdirSync)(abs);
        }
        catch (e) {
            // A job may leave a directory it cannot read; sealing opens it, as sealTree does.
            if (!seal || e.code !== 'EACCES')
                throw e;
            (0,external_node_fs_namespaceObject.chmodSync)(abs, 0o700);
            return (0,external_node_fs_namespaceObject.readdirSync)(abs);
        }
    };
    const walk = async (rel) => {
        // The walk is synchronous: it is a handful of metadata calls per file, and thousands of thread-pool round
        // trips per run would cost more than they overlap.
        const names = list((0,external_node_path_namespaceObject.join)(dir, rel)).sort();
        for (const name of names) {
            const r = rel === '' ? name : `${rel}/${name}`;
            const abs = (0,external_node_path_namespaceObject.join)(dir, r);
            const st = (0,external_node_fs_namespaceObject.lstatSync)(abs);
            if (st.isDirectory()) {
                entries.push({ path: r, type: 'dir', mode: 0o755, size: 0, sha256: '' });
                if (seal && (st.mode & 0o700) !== 0o700)
                    (0,external_node_fs_namespaceObject.chmodSync)(abs, (st.mode & 0o7777) | 0o700);
                const problem = await walk(r);
                if (problem)
                    return problem;
                if (seal)
                    (0,external_node_fs_namespaceObject.chmodSync)(abs, 0o555);
            }
            else if (st.isSymbolicLink()) {
                const target = (0,external_node_fs_namespaceObject.readlinkSync)(abs);
                // Links through links (`c -> .`, `up -> c/..`) are resolved once the whole tree is known, below.
                if (symlinkEscapes(r, target)) {
                    return `symlink ${r} points outside the output directory (${target})`;
                }
                entries.push({
                    path: r,
                    type: 'symlink',
                    mode: 0o777,
                    size: target.length,
                    sha256: sha256(target),
                    target,
                });
            }
            else if (st.isFile()) {
                const mode = st.mode & 0o100 ? 0o755 : 0o644;
                entries.push({ path: r, type: 'file', mode, size: st.size, sha256: await fileSha256(abs, st.size) });
                if (seal && (st.mode & 0o222) !== 0)
                    (0,external_node_fs_namespaceObject.chmodSync)(abs, st.mode & ~0o222 & 0o7777);
            }
            else {
                return `${r} is neither a file, a directory nor a symlink`;
            }
        }
        return undefined;
    };
    const problem = await walk('');
    if (problem !== undefined)
        return result_err(problem);
    if (seal)
        (0,external_node_fs_namespaceObject.chmodSync)(dir, 0o555);
    const leaving = linkLeavingTree(entries);
    return leaving === undefined
        ? result_ok(entries)
        : result_err(`symlink ${leaving} points outside the output directory through other links`);
}
/** The manifest of an artifact whose output tree is at `outputDir` (made read-only with `seal`, see above). */
async function buildManifest(outputDir, key, durationMs, stdout, stderr, opts = {}) {
    const entries = await describeTree(outputDir, opts);
    if (!entries.ok)
        return entries;
    return result_ok({
        version: 1,
        key,
        durationMs,
        stdoutSha256: sha256(stdout),
        stderrSha256: sha256(stderr),
        entries: entries.value,
    });
}
/** Checks that `dir` holds exactly the manifest's tree: same entries, types, sizes, exec bits and hashes. */
async function verifyTree(dir, manifest) {
    const actual = await describeTree(dir);
    if (!actual.ok)
        return actual;
    const want = new Map(manifest.entries.map((e) => [e.path, e]));
    for (const e of actual.value) {
        const w = want.get(e.path);
        if (!w)
            return err(`unexpected ${e.type} ${e.path}`);
        if (w.type !== e.type ||
            w.size !== e.size ||
            w.sha256 !== e.sha256 ||
            (w.type === 'file' && w.mode !== e.mode)) {
            return err(`${e.path} does not match the manifest`);
        }
        want.delete(e.path);
    }
    const missing = want.keys().next();
    return missing.done ? ok(undefined) : err(`${missing.value} is missing`);
}

;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: external "events"
const external_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: external "node:events"
const external_node_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
;// CONCATENATED MODULE: external "buffer"
const external_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");
;// CONCATENATED MODULE: external "zlib"
const external_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");
var external_zlib_namespaceObject_0 = /*#__PURE__*/__nccwpck_require__.t(external_zlib_namespaceObject, 2);
;// CONCATENATED MODULE: external "node:assert"
const external_node_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");
;// CONCATENATED MODULE: ./node_modules/tar/dist/esm/index.min.js
var zr=Object.defineProperty;var Ur=(s,t)=>{for(var e in t)zr(s,e,{get:t[e],enumerable:!0})};var Ds=typeof process=="object"&&process?process:{stdout:null,stderr:null},Wr=s=>!!s&&typeof s=="object"&&(s instanceof A||s instanceof external_node_stream_namespaceObject||Gr(s)||Zr(s)),Gr=s=>!!s&&typeof s=="object"&&s instanceof external_node_events_namespaceObject.EventEmitter&&typeof s.pipe=="function"&&s.pipe!==external_node_stream_namespaceObject.Writable.prototype.pipe,Zr=s=>!!s&&typeof s=="object"&&s instanceof external_node_events_namespaceObject.EventEmitter&&typeof s.write=="function"&&typeof s.end=="function",Q=Symbol("EOF"),J=Symbol("maybeEmitEnd"),nt=Symbol("emittedEnd"),De=Symbol("emittingEnd"),qt=Symbol("emittedError"),Ne=Symbol("closed"),Ns=Symbol("read"),Ae=Symbol("flush"),As=Symbol("flushChunk"),z=Symbol("encoding"),Mt=Symbol("decoder"),g=Symbol("flowing"),Qt=Symbol("paused"),Bt=Symbol("resume"),b=Symbol("buffer"),N=Symbol("pipes"),_=Symbol("bufferLength"),bi=Symbol("bufferPush"),Ie=Symbol("bufferShift"),L=Symbol("objectMode"),S=Symbol("destroyed"),_i=Symbol("error"),Oi=Symbol("emitData"),Is=Symbol("emitEnd"),Ti=Symbol("emitEnd2"),Z=Symbol("async"),xi=Symbol("abort"),Ce=Symbol("aborted"),Jt=Symbol("signal"),Rt=Symbol("dataListeners"),C=Symbol("discarded"),jt=s=>Promise.resolve().then(s),Yr=s=>s(),Kr=s=>s==="end"||s==="finish"||s==="prefinish",Vr=s=>s instanceof ArrayBuffer||!!s&&typeof s=="object"&&s.constructor&&s.constructor.name==="ArrayBuffer"&&s.byteLength>=0,$r=s=>!Buffer.isBuffer(s)&&ArrayBuffer.isView(s),Fe=class{src;dest;opts;ondrain;constructor(t,e,i){this.src=t,this.dest=e,this.opts=i,this.ondrain=()=>t[Bt](),this.dest.on("drain",this.ondrain)}unpipe(){this.dest.removeListener("drain",this.ondrain)}proxyErrors(t){}end(){this.unpipe(),this.opts.end&&this.dest.end()}},Li=class extends Fe{unpipe(){this.src.removeListener("error",this.proxyErrors),super.unpipe()}constructor(t,e,i){super(t,e,i),this.proxyErrors=r=>this.dest.emit("error",r),t.on("error",this.proxyErrors)}},Xr=s=>!!s.objectMode,qr=s=>!s.objectMode&&!!s.encoding&&s.encoding!=="buffer",A=class extends external_node_events_namespaceObject.EventEmitter{[g]=!1;[Qt]=!1;[N]=[];[b]=[];[L];[z];[Z];[Mt];[Q]=!1;[nt]=!1;[De]=!1;[Ne]=!1;[qt]=null;[_]=0;[S]=!1;[Jt];[Ce]=!1;[Rt]=0;[C]=!1;writable=!0;readable=!0;constructor(...t){let e=t[0]||{};if(super(),e.objectMode&&typeof e.encoding=="string")throw new TypeError("Encoding and objectMode may not be used together");Xr(e)?(this[L]=!0,this[z]=null):qr(e)?(this[z]=e.encoding,this[L]=!1):(this[L]=!1,this[z]=null),this[Z]=!!e.async,this[Mt]=this[z]?new external_node_string_decoder_namespaceObject.StringDecoder(this[z]):null,e&&e.debugExposeBuffer===!0&&Object.defineProperty(this,"buffer",{get:()=>this[b]}),e&&e.debugExposePipes===!0&&Object.defineProperty(this,"pipes",{get:()=>this[N]});let{signal:i}=e;i&&(this[Jt]=i,i.aborted?this[xi]():i.addEventListener("abort",()=>this[xi]()))}get bufferLength(){return this[_]}get encoding(){return this[z]}set encoding(t){throw new Error("Encoding must be set at instantiation time")}setEncoding(t){throw new Error("Encoding must be set at instantiation time")}get objectMode(){return this[L]}set objectMode(t){throw new Error("objectMode must be set at instantiation time")}get async(){return this[Z]}set async(t){this[Z]=this[Z]||!!t}[xi](){this[Ce]=!0,this.emit("abort",this[Jt]?.reason),this.destroy(this[Jt]?.reason)}get aborted(){return this[Ce]}set aborted(t){}write(t,e,i){if(this[Ce])return!1;if(this[Q])throw new Error("write after end");if(this[S])return this.emit("error",Object.assign(new Error("Cannot call write after a stream was destroyed"),{code:"ERR_STREAM_DESTROYED"})),!0;typeof e=="function"&&(i=e,e="utf8"),e||(e="utf8");let r=this[Z]?jt:Yr;if(!this[L]&&!Buffer.isBuffer(t)){if($r(t))t=Buffer.from(t.buffer,t.byteOffset,t.byteLength);else if(Vr(t))t=Buffer.from(t);else if(typeof t!="string")throw new Error("Non-contiguous data written to non-objectMode stream")}return this[L]?(this[g]&&this[_]!==0&&this[Ae](!0),this[g]?this.emit("data",t):this[bi](t),this[_]!==0&&this.emit("readable"),i&&r(i),this[g]):t.length?(typeof t=="string"&&!(e===this[z]&&!this[Mt]?.lastNeed)&&(t=Buffer.from(t,e)),Buffer.isBuffer(t)&&this[z]&&(t=this[Mt].write(t)),this[g]&&this[_]!==0&&this[Ae](!0),this[g]?this.emit("data",t):this[bi](t),this[_]!==0&&this.emit("readable"),i&&r(i),this[g]):(this[_]!==0&&this.emit("readable"),i&&r(i),this[g])}read(t){if(this[S])return null;if(this[C]=!1,this[_]===0||t===0||t&&t>this[_])return this[J](),null;this[L]&&(t=null),this[b].length>1&&!this[L]&&(this[b]=[this[z]?this[b].join(""):Buffer.concat(this[b],this[_])]);let e=this[Ns](t||null,this[b][0]);return this[J](),e}[Ns](t,e){if(this[L])this[Ie]();else{let i=e;t===i.length||t===null?this[Ie]():typeof i=="string"?(this[b][0]=i.slice(t),e=i.slice(0,t),this[_]-=t):(this[b][0]=i.subarray(t),e=i.subarray(0,t),this[_]-=t)}return this.emit("data",e),!this[b].length&&!this[Q]&&this.emit("drain"),e}end(t,e,i){return typeof t=="function"&&(i=t,t=void 0),typeof e=="function"&&(i=e,e="utf8"),t!==void 0&&this.write(t,e),i&&this.once("end",i),this[Q]=!0,this.writable=!1,(this[g]||!this[Qt])&&this[J](),this}[Bt](){this[S]||(!this[Rt]&&!this[N].length&&(this[C]=!0),this[Qt]=!1,this[g]=!0,this.emit("resume"),this[b].length?this[Ae]():this[Q]?this[J]():this.emit("drain"))}resume(){return this[Bt]()}pause(){this[g]=!1,this[Qt]=!0,this[C]=!1}get destroyed(){return this[S]}get flowing(){return this[g]}get paused(){return this[Qt]}[bi](t){this[L]?this[_]+=1:this[_]+=t.length,this[b].push(t)}[Ie](){return this[L]?this[_]-=1:this[_]-=this[b][0].length,this[b].shift()}[Ae](t=!1){do;while(this[As](this[Ie]())&&this[b].length);!t&&!this[b].length&&!this[Q]&&this.emit("drain")}[As](t){return this.emit("data",t),this[g]}pipe(t,e){if(this[S])return t;this[C]=!1;let i=this[nt];return e=e||{},t===Ds.stdout||t===Ds.stderr?e.end=!1:e.end=e.end!==!1,e.proxyErrors=!!e.proxyErrors,i?e.end&&t.end():(this[N].push(e.proxyErrors?new Li(this,t,e):new Fe(this,t,e)),this[Z]?jt(()=>this[Bt]()):this[Bt]()),t}unpipe(t){let e=this[N].find(i=>i.dest===t);e&&(this[N].length===1?(this[g]&&this[Rt]===0&&(this[g]=!1),this[N]=[]):this[N].splice(this[N].indexOf(e),1),e.unpipe())}addListener(t,e){return this.on(t,e)}on(t,e){let i=super.on(t,e);if(t==="data")this[C]=!1,this[Rt]++,!this[N].length&&!this[g]&&this[Bt]();else if(t==="readable"&&this[_]!==0)super.emit("readable");else if(Kr(t)&&this[nt])super.emit(t),this.removeAllListeners(t);else if(t==="error"&&this[qt]){let r=e;this[Z]?jt(()=>r.call(this,this[qt])):r.call(this,this[qt])}return i}removeListener(t,e){return this.off(t,e)}off(t,e){let i=super.off(t,e);return t==="data"&&(this[Rt]=this.listeners("data").length,this[Rt]===0&&!this[C]&&!this[N].length&&(this[g]=!1)),i}removeAllListeners(t){let e=super.removeAllListeners(t);return(t==="data"||t===void 0)&&(this[Rt]=0,!this[C]&&!this[N].length&&(this[g]=!1)),e}get emittedEnd(){return this[nt]}[J](){!this[De]&&!this[nt]&&!this[S]&&this[b].length===0&&this[Q]&&(this[De]=!0,this.emit("end"),this.emit("prefinish"),this.emit("finish"),this[Ne]&&this.emit("close"),this[De]=!1)}emit(t,...e){let i=e[0];if(t!=="error"&&t!=="close"&&t!==S&&this[S])return!1;if(t==="data")return!this[L]&&!i?!1:this[Z]?(jt(()=>this[Oi](i)),!0):this[Oi](i);if(t==="end")return this[Is]();if(t==="close"){if(this[Ne]=!0,!this[nt]&&!this[S])return!1;let n=super.emit("close");return this.removeAllListeners("close"),n}else if(t==="error"){this[qt]=i,super.emit(_i,i);let n=!this[Jt]||this.listeners("error").length?super.emit("error",i):!1;return this[J](),n}else if(t==="resume"){let n=super.emit("resume");return this[J](),n}else if(t==="finish"||t==="prefinish"){let n=super.emit(t);return this.removeAllListeners(t),n}let r=super.emit(t,...e);return this[J](),r}[Oi](t){for(let i of this[N])i.dest.write(t)===!1&&this.pause();let e=this[C]?!1:super.emit("data",t);return this[J](),e}[Is](){return this[nt]?!1:(this[nt]=!0,this.readable=!1,this[Z]?(jt(()=>this[Ti]()),!0):this[Ti]())}[Ti](){if(this[Mt]){let e=this[Mt].end();if(e){for(let i of this[N])i.dest.write(e);this[C]||super.emit("data",e)}}for(let e of this[N])e.end();let t=super.emit("end");return this.removeAllListeners("end"),t}async collect(){let t=Object.assign([],{dataLength:0});this[L]||(t.dataLength=0);let e=this.promise();return this.on("data",i=>{t.push(i),this[L]||(t.dataLength+=i.length)}),await e,t}async concat(){if(this[L])throw new Error("cannot concat in objectMode");let t=await this.collect();return this[z]?t.join(""):Buffer.concat(t,t.dataLength)}async promise(){return new Promise((t,e)=>{this.on(S,()=>e(new Error("stream destroyed"))),this.on("error",i=>e(i)),this.on("end",()=>t())})}[Symbol.asyncIterator](){this[C]=!1;let t=!1,e=async()=>(this.pause(),t=!0,{value:void 0,done:!0});return{next:()=>{if(t)return e();let r=this.read();if(r!==null)return Promise.resolve({done:!1,value:r});if(this[Q])return e();let n,o,h=d=>{this.off("data",a),this.off("end",l),this.off(S,c),e(),o(d)},a=d=>{this.off("error",h),this.off("end",l),this.off(S,c),this.pause(),n({value:d,done:!!this[Q]})},l=()=>{this.off("error",h),this.off("data",a),this.off(S,c),e(),n({done:!0,value:void 0})},c=()=>h(new Error("stream destroyed"));return new Promise((d,y)=>{o=y,n=d,this.once(S,c),this.once("error",h),this.once("end",l),this.once("data",a)})},throw:e,return:e,[Symbol.asyncIterator](){return this},[Symbol.asyncDispose]:async()=>{}}}[Symbol.iterator](){this[C]=!1;let t=!1,e=()=>(this.pause(),this.off(_i,e),this.off(S,e),this.off("end",e),t=!0,{done:!0,value:void 0}),i=()=>{if(t)return e();let r=this.read();return r===null?e():{done:!1,value:r}};return this.once("end",e),this.once(_i,e),this.once(S,e),{next:i,throw:e,return:e,[Symbol.iterator](){return this},[Symbol.dispose]:()=>{}}}destroy(t){if(this[S])return t?this.emit("error",t):this.emit(S),this;this[S]=!0,this[C]=!0,this[b].length=0,this[_]=0;let e=this;return typeof e.close=="function"&&!this[Ne]&&e.close(),t?this.emit("error",t):this.emit(S),this}static get isStream(){return Wr}};var Jr=external_fs_namespaceObject.writev,ht=Symbol("_autoClose"),H=Symbol("_close"),te=Symbol("_ended"),m=Symbol("_fd"),Ni=Symbol("_finished"),tt=Symbol("_flags"),Ai=Symbol("_flush"),ki=Symbol("_handleChunk"),vi=Symbol("_makeBuf"),ie=Symbol("_mode"),ke=Symbol("_needDrain"),Ut=Symbol("_onerror"),Ht=Symbol("_onopen"),Ii=Symbol("_onread"),Pt=Symbol("_onwrite"),at=Symbol("_open"),U=Symbol("_path"),ot=Symbol("_pos"),Y=Symbol("_queue"),zt=Symbol("_read"),Ci=Symbol("_readSize"),j=Symbol("_reading"),ee=Symbol("_remain"),Fi=Symbol("_size"),ve=Symbol("_write"),gt=Symbol("_writing"),Me=Symbol("_defaultFlag"),bt=Symbol("_errored"),_t=class extends A{[bt]=!1;[m];[U];[Ci];[j]=!1;[Fi];[ee];[ht];constructor(t,e){if(e=e||{},super(e),this.readable=!0,this.writable=!1,typeof t!="string")throw new TypeError("path must be a string");this[bt]=!1,this[m]=typeof e.fd=="number"?e.fd:void 0,this[U]=t,this[Ci]=e.readSize||16*1024*1024,this[j]=!1,this[Fi]=typeof e.size=="number"?e.size:1/0,this[ee]=this[Fi],this[ht]=typeof e.autoClose=="boolean"?e.autoClose:!0,typeof this[m]=="number"?this[zt]():this[at]()}get fd(){return this[m]}get path(){return this[U]}write(){throw new TypeError("this is a readable stream")}end(){throw new TypeError("this is a readable stream")}[at](){external_fs_namespaceObject.open(this[U],"r",(t,e)=>this[Ht](t,e))}[Ht](t,e){t?this[Ut](t):(this[m]=e,this.emit("open",e),this[zt]())}[vi](){return Buffer.allocUnsafe(Math.min(this[Ci],this[ee]))}[zt](){if(!this[j]){this[j]=!0;let t=this[vi]();if(t.length===0)return process.nextTick(()=>this[Ii](null,0,t));external_fs_namespaceObject.read(this[m],t,0,t.length,null,(e,i,r)=>this[Ii](e,i,r))}}[Ii](t,e,i){this[j]=!1,t?this[Ut](t):this[ki](e,i)&&this[zt]()}[H](){if(this[ht]&&typeof this[m]=="number"){let t=this[m];this[m]=void 0,external_fs_namespaceObject.close(t,e=>e?this.emit("error",e):this.emit("close"))}}[Ut](t){this[j]=!0,this[H](),this.emit("error",t)}[ki](t,e){let i=!1;return this[ee]-=t,t>0&&(i=super.write(t<e.length?e.subarray(0,t):e)),(t===0||this[ee]<=0)&&(i=!1,this[H](),super.end()),i}emit(t,...e){switch(t){case"prefinish":case"finish":return!1;case"drain":return typeof this[m]=="number"&&this[zt](),!1;case"error":return this[bt]?!1:(this[bt]=!0,super.emit(t,...e));default:return super.emit(t,...e)}}},Be=class extends _t{[at](){let t=!0;try{this[Ht](null,external_fs_namespaceObject.openSync(this[U],"r")),t=!1}finally{t&&this[H]()}}[zt](){let t=!0;try{if(!this[j]){this[j]=!0;do{let e=this[vi](),i=e.length===0?0:external_fs_namespaceObject.readSync(this[m],e,0,e.length,null);if(!this[ki](i,e))break}while(!0);this[j]=!1}t=!1}finally{t&&this[H]()}}[H](){if(this[ht]&&typeof this[m]=="number"){let t=this[m];this[m]=void 0,external_fs_namespaceObject.closeSync(t),this.emit("close")}}},et=class extends external_events_namespaceObject{readable=!1;writable=!0;[bt]=!1;[gt]=!1;[te]=!1;[Y]=[];[ke]=!1;[U];[ie];[ht];[m];[Me];[tt];[Ni]=!1;[ot];constructor(t,e){e=e||{},super(e),this[U]=t,this[m]=typeof e.fd=="number"?e.fd:void 0,this[ie]=e.mode===void 0?438:e.mode,this[ot]=typeof e.start=="number"?e.start:void 0,this[ht]=typeof e.autoClose=="boolean"?e.autoClose:!0;let i=this[ot]!==void 0?"r+":"w";this[Me]=e.flags===void 0,this[tt]=e.flags===void 0?i:e.flags,this[m]===void 0&&this[at]()}emit(t,...e){if(t==="error"){if(this[bt])return!1;this[bt]=!0}return super.emit(t,...e)}get fd(){return this[m]}get path(){return this[U]}[Ut](t){this[H](),this[gt]=!0,this.emit("error",t)}[at](){external_fs_namespaceObject.open(this[U],this[tt],this[ie],(t,e)=>this[Ht](t,e))}[Ht](t,e){this[Me]&&this[tt]==="r+"&&t&&t.code==="ENOENT"?(this[tt]="w",this[at]()):t?this[Ut](t):(this[m]=e,this.emit("open",e),this[gt]||this[Ai]())}end(t,e){return t&&this.write(t,e),this[te]=!0,!this[gt]&&!this[Y].length&&typeof this[m]=="number"&&this[Pt](null,0),this}write(t,e){return typeof t=="string"&&(t=Buffer.from(t,e)),this[te]?(this.emit("error",new Error("write() after end()")),!1):this[m]===void 0||this[gt]||this[Y].length?(this[Y].push(t),this[ke]=!0,!1):(this[gt]=!0,this[ve](t),!0)}[ve](t){external_fs_namespaceObject.write(this[m],t,0,t.length,this[ot],(e,i)=>this[Pt](e,i))}[Pt](t,e){t?this[Ut](t):(this[ot]!==void 0&&typeof e=="number"&&(this[ot]+=e),this[Y].length?this[Ai]():(this[gt]=!1,this[te]&&!this[Ni]?(this[Ni]=!0,this[H](),this.emit("finish")):this[ke]&&(this[ke]=!1,this.emit("drain"))))}[Ai](){if(this[Y].length===0)this[te]&&this[Pt](null,0);else if(this[Y].length===1)this[ve](this[Y].pop());else{let t=this[Y];this[Y]=[],Jr(this[m],t,this[ot],(e,i)=>this[Pt](e,i))}}[H](){if(this[ht]&&typeof this[m]=="number"){let t=this[m];this[m]=void 0,external_fs_namespaceObject.close(t,e=>e?this.emit("error",e):this.emit("close"))}}},Wt=class extends et{[at](){let t;if(this[Me]&&this[tt]==="r+")try{t=external_fs_namespaceObject.openSync(this[U],this[tt],this[ie])}catch(e){if(e?.code==="ENOENT")return this[tt]="w",this[at]();throw e}else t=external_fs_namespaceObject.openSync(this[U],this[tt],this[ie]);this[Ht](null,t)}[H](){if(this[ht]&&typeof this[m]=="number"){let t=this[m];this[m]=void 0,external_fs_namespaceObject.closeSync(t),this.emit("close")}}[ve](t){let e=!0;try{this[Pt](null,external_fs_namespaceObject.writeSync(this[m],t,0,t.length,this[ot])),e=!1}finally{if(e)try{this[H]()}catch{}}}};var jr=new Map([["C","cwd"],["f","file"],["z","gzip"],["P","preservePaths"],["U","unlink"],["strip-components","strip"],["stripComponents","strip"],["keep-newer","newer"],["keepNewer","newer"],["keep-newer-files","newer"],["keepNewerFiles","newer"],["k","keep"],["keep-existing","keep"],["keepExisting","keep"],["m","noMtime"],["no-mtime","noMtime"],["p","preserveOwner"],["L","follow"],["h","follow"],["onentry","onReadEntry"]]),Fs=s=>!!s.sync&&!!s.file,ks=s=>!s.sync&&!!s.file,vs=s=>!!s.sync&&!s.file,Ms=s=>!s.sync&&!s.file;var Bs=s=>!!s.file;var tn=s=>{let t=jr.get(s);return t||s},se=(s={})=>{if(!s)return{};let t={};for(let[e,i]of Object.entries(s)){let r=tn(e);t[r]=i}return t.chmod===void 0&&t.noChmod===!1&&(t.chmod=!0),delete t.noChmod,t};var K=(s,t,e,i,r)=>Object.assign((n=[],o,h)=>{Array.isArray(n)&&(o=n,n={}),typeof o=="function"&&(h=o,o=void 0),o=o?Array.from(o):[];let a=se(n);if(r?.(a,o),Fs(a)){if(typeof h=="function")throw new TypeError("callback not supported for sync tar functions");return s(a,o)}else if(ks(a)){let l=t(a,o);return h?l.then(()=>h(),h):l}else if(vs(a)){if(typeof h=="function")throw new TypeError("callback not supported for sync tar functions");return e(a,o)}else if(Ms(a)){if(typeof h=="function")throw new TypeError("callback only supported with file option");return i(a,o)}throw new Error("impossible options??")},{syncFile:s,asyncFile:t,syncNoFile:e,asyncNoFile:i,validate:r});var sn=external_zlib_namespaceObject.constants||{ZLIB_VERNUM:4736},M=Object.freeze(Object.assign(Object.create(null),{Z_NO_FLUSH:0,Z_PARTIAL_FLUSH:1,Z_SYNC_FLUSH:2,Z_FULL_FLUSH:3,Z_FINISH:4,Z_BLOCK:5,Z_OK:0,Z_STREAM_END:1,Z_NEED_DICT:2,Z_ERRNO:-1,Z_STREAM_ERROR:-2,Z_DATA_ERROR:-3,Z_MEM_ERROR:-4,Z_BUF_ERROR:-5,Z_VERSION_ERROR:-6,Z_NO_COMPRESSION:0,Z_BEST_SPEED:1,Z_BEST_COMPRESSION:9,Z_DEFAULT_COMPRESSION:-1,Z_FILTERED:1,Z_HUFFMAN_ONLY:2,Z_RLE:3,Z_FIXED:4,Z_DEFAULT_STRATEGY:0,DEFLATE:1,INFLATE:2,GZIP:3,GUNZIP:4,DEFLATERAW:5,INFLATERAW:6,UNZIP:7,BROTLI_DECODE:8,BROTLI_ENCODE:9,Z_MIN_WINDOWBITS:8,Z_MAX_WINDOWBITS:15,Z_DEFAULT_WINDOWBITS:15,Z_MIN_CHUNK:64,Z_MAX_CHUNK:1/0,Z_DEFAULT_CHUNK:16384,Z_MIN_MEMLEVEL:1,Z_MAX_MEMLEVEL:9,Z_DEFAULT_MEMLEVEL:8,Z_MIN_LEVEL:-1,Z_MAX_LEVEL:9,Z_DEFAULT_LEVEL:-1,BROTLI_OPERATION_PROCESS:0,BROTLI_OPERATION_FLUSH:1,BROTLI_OPERATION_FINISH:2,BROTLI_OPERATION_EMIT_METADATA:3,BROTLI_MODE_GENERIC:0,BROTLI_MODE_TEXT:1,BROTLI_MODE_FONT:2,BROTLI_DEFAULT_MODE:0,BROTLI_MIN_QUALITY:0,BROTLI_MAX_QUALITY:11,BROTLI_DEFAULT_QUALITY:11,BROTLI_MIN_WINDOW_BITS:10,BROTLI_MAX_WINDOW_BITS:24,BROTLI_LARGE_MAX_WINDOW_BITS:30,BROTLI_DEFAULT_WINDOW:22,BROTLI_MIN_INPUT_BLOCK_BITS:16,BROTLI_MAX_INPUT_BLOCK_BITS:24,BROTLI_PARAM_MODE:0,BROTLI_PARAM_QUALITY:1,BROTLI_PARAM_LGWIN:2,BROTLI_PARAM_LGBLOCK:3,BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING:4,BROTLI_PARAM_SIZE_HINT:5,BROTLI_PARAM_LARGE_WINDOW:6,BROTLI_PARAM_NPOSTFIX:7,BROTLI_PARAM_NDIRECT:8,BROTLI_DECODER_RESULT_ERROR:0,BROTLI_DECODER_RESULT_SUCCESS:1,BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:2,BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:3,BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION:0,BROTLI_DECODER_PARAM_LARGE_WINDOW:1,BROTLI_DECODER_NO_ERROR:0,BROTLI_DECODER_SUCCESS:1,BROTLI_DECODER_NEEDS_MORE_INPUT:2,BROTLI_DECODER_NEEDS_MORE_OUTPUT:3,BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE:-1,BROTLI_DECODER_ERROR_FORMAT_RESERVED:-2,BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE:-3,BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET:-4,BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME:-5,BROTLI_DECODER_ERROR_FORMAT_CL_SPACE:-6,BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE:-7,BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT:-8,BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1:-9,BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2:-10,BROTLI_DECODER_ERROR_FORMAT_TRANSFORM:-11,BROTLI_DECODER_ERROR_FORMAT_DICTIONARY:-12,BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS:-13,BROTLI_DECODER_ERROR_FORMAT_PADDING_1:-14,BROTLI_DECODER_ERROR_FORMAT_PADDING_2:-15,BROTLI_DECODER_ERROR_FORMAT_DISTANCE:-16,BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET:-19,BROTLI_DECODER_ERROR_INVALID_ARGUMENTS:-20,BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES:-21,BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS:-22,BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP:-25,BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1:-26,BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2:-27,BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES:-30,BROTLI_DECODER_ERROR_UNREACHABLE:-31},sn));var rn=external_buffer_namespaceObject.Buffer.concat,zs=Object.getOwnPropertyDescriptor(external_buffer_namespaceObject.Buffer,"concat"),nn=s=>s,Bi=zs?.writable===!0||zs?.set!==void 0?s=>{external_buffer_namespaceObject.Buffer.concat=s?nn:rn}:s=>{},Tt=Symbol("_superWrite"),Gt=class extends Error{code;errno;constructor(t,e){super("zlib: "+t.message,{cause:t}),this.code=t.code,this.errno=t.errno,this.code||(this.code="ZLIB_ERROR"),this.message="zlib: "+t.message,Error.captureStackTrace(this,e??this.constructor)}get name(){return"ZlibError"}},Pi=Symbol("flushFlag"),re=class extends A{#t=!1;#i=!1;#s;#n;#r;#e;#o;get sawError(){return this.#t}get handle(){return this.#e}get flushFlag(){return this.#s}constructor(t,e){if(!t||typeof t!="object")throw new TypeError("invalid options for ZlibBase constructor");if(super(t),this.#s=t.flush??0,this.#n=t.finishFlush??0,this.#r=t.fullFlushFlag??0,typeof external_zlib_namespaceObject_0[e]!="function")throw new TypeError("Compression method not supported: "+e);try{this.#e=new external_zlib_namespaceObject_0[e](t)}catch(i){throw new Gt(i,this.constructor)}this.#o=i=>{this.#t||(this.#t=!0,this.close(),this.emit("error",i))},this.#e?.on("error",i=>this.#o(new Gt(i))),this.once("end",()=>this.close)}close(){this.#e&&(this.#e.close(),this.#e=void 0,this.emit("close"))}reset(){if(!this.#t)return external_assert_namespaceObject(this.#e,"zlib binding closed"),this.#e.reset?.()}flush(t){this.ended||(typeof t!="number"&&(t=this.#r),this.write(Object.assign(external_buffer_namespaceObject.Buffer.alloc(0),{[Pi]:t})))}end(t,e,i){return typeof t=="function"&&(i=t,e=void 0,t=void 0),typeof e=="function"&&(i=e,e=void 0),t&&(e?this.write(t,e):this.write(t)),this.flush(this.#n),this.#i=!0,super.end(i)}get ended(){return this.#i}[Tt](t){return super.write(t)}write(t,e,i){if(typeof e=="function"&&(i=e,e="utf8"),typeof t=="string"&&(t=external_buffer_namespaceObject.Buffer.from(t,e)),this.#t)return;external_assert_namespaceObject(this.#e,"zlib binding closed");let r=this.#e._handle,n=r.close;r.close=()=>{};let o=this.#e.close;this.#e.close=()=>{},Bi(!0);let h;try{let l=typeof t[Pi]=="number"?t[Pi]:this.#s;h=this.#e._processChunk(t,l),Bi(!1)}catch(l){Bi(!1),this.#o(new Gt(l,this.write))}finally{this.#e&&(this.#e._handle=r,r.close=n,this.#e.close=o,this.#e.removeAllListeners("error"))}this.#e&&this.#e.on("error",l=>this.#o(new Gt(l,this.write)));let a;if(h)if(Array.isArray(h)&&h.length>0){let l=h[0];a=this[Tt](external_buffer_namespaceObject.Buffer.from(l));for(let c=1;c<h.length;c++)a=this[Tt](h[c])}else a=this[Tt](external_buffer_namespaceObject.Buffer.from(h));return i&&i(),a}},Pe=class extends re{#t;#i;constructor(t,e){t=t||{},t.flush=t.flush||M.Z_NO_FLUSH,t.finishFlush=t.finishFlush||M.Z_FINISH,t.fullFlushFlag=M.Z_FULL_FLUSH,super(t,e),this.#t=t.level,this.#i=t.strategy}params(t,e){if(!this.sawError){if(!this.handle)throw new Error("cannot switch params when binding is closed");if(!this.handle.params)throw new Error("not supported in this implementation");if(this.#t!==t||this.#i!==e){this.flush(M.Z_SYNC_FLUSH),external_assert_namespaceObject(this.handle,"zlib binding closed");let i=this.handle.flush;this.handle.flush=(r,n)=>{typeof r=="function"&&(n=r,r=this.flushFlag),this.flush(r),n?.()};try{this.handle.params(t,e)}finally{this.handle.flush=i}this.handle&&(this.#t=t,this.#i=e)}}}};var ze=class extends Pe{#t;constructor(t){super(t,"Gzip"),this.#t=t&&!!t.portable}[Tt](t){return this.#t?(this.#t=!1,t[9]=255,super[Tt](t)):super[Tt](t)}};var Ue=class extends Pe{constructor(t){super(t,"Unzip")}},He=class extends re{constructor(t,e){t=t||{},t.flush=t.flush||M.BROTLI_OPERATION_PROCESS,t.finishFlush=t.finishFlush||M.BROTLI_OPERATION_FINISH,t.fullFlushFlag=M.BROTLI_OPERATION_FLUSH,super(t,e)}},We=class extends He{constructor(t){super(t,"BrotliCompress")}},Ge=class extends He{constructor(t){super(t,"BrotliDecompress")}},Ze=class extends re{constructor(t,e){t=t||{},t.flush=t.flush||M.ZSTD_e_continue,t.finishFlush=t.finishFlush||M.ZSTD_e_end,t.fullFlushFlag=M.ZSTD_e_flush,super(t,e)}},Ye=class extends Ze{constructor(t){super(t,"ZstdCompress")}},Ke=class extends Ze{constructor(t){super(t,"ZstdDecompress")}};var Us=(s,t)=>{if(Number.isSafeInteger(s))s<0?an(s,t):hn(s,t);else throw Error("cannot encode number outside of javascript safe integer range");return t},hn=(s,t)=>{t[0]=128;for(var e=t.length;e>1;e--)t[e-1]=s&255,s=Math.floor(s/256)},an=(s,t)=>{t[0]=255;var e=!1;s=s*-1;for(var i=t.length;i>1;i--){var r=s&255;s=Math.floor(s/256),e?t[i-1]=Ws(r):r===0?t[i-1]=0:(e=!0,t[i-1]=Gs(r))}},Hs=s=>{let t=s[0],e=t===128?cn(s.subarray(1,s.length)):t===255?ln(s):null;if(e===null)throw Error("invalid base256 encoding");if(!Number.isSafeInteger(e))throw Error("parsed number outside of javascript safe integer range");return e},ln=s=>{for(var t=s.length,e=0,i=!1,r=t-1;r>-1;r--){var n=Number(s[r]),o;i?o=Ws(n):n===0?o=n:(i=!0,o=Gs(n)),o!==0&&(e-=o*Math.pow(256,t-r-1))}return e},cn=s=>{for(var t=s.length,e=0,i=t-1;i>-1;i--){var r=Number(s[i]);r!==0&&(e+=r*Math.pow(256,t-i-1))}return e},Ws=s=>(255^s)&255,Gs=s=>(255^s)+1&255;var Hi={};Ur(Hi,{code:()=>Ve,isCode:()=>ne,isName:()=>dn,name:()=>oe,normalFsTypes:()=>Ui});var ne=s=>oe.has(s),dn=s=>Ve.has(s),Ui=new Set(["0","","1","2","3","4","5","6","7","D"]),oe=new Map([["0","File"],["","OldFile"],["1","Link"],["2","SymbolicLink"],["3","CharacterDevice"],["4","BlockDevice"],["5","Directory"],["6","FIFO"],["7","ContiguousFile"],["g","GlobalExtendedHeader"],["x","ExtendedHeader"],["A","SolarisACL"],["D","GNUDumpDir"],["I","Inode"],["K","NextFileHasLongLinkpath"],["L","NextFileHasLongPath"],["M","ContinuationFile"],["N","OldGnuLongPath"],["S","SparseFile"],["V","TapeVolumeHeader"],["X","OldExtendedHeader"]]),Ve=new Map(Array.from(oe).map(s=>[s[1],s[0]]));var un=s=>s===void 0||s<0?void 0:s,F=class{cksumValid=!1;needPax=!1;nullBlock=!1;block;path;mode;uid;gid;size;cksum;#t="Unsupported";linkpath;uname;gname;devmaj=0;devmin=0;atime;ctime;mtime;charset;comment;constructor(t,e=0,i,r){Buffer.isBuffer(t)?this.decode(t,e||0,i,r):t&&this.#i(t)}decode(t,e,i,r){if(e||(e=0),!t||!(t.length>=e+512))throw new Error("need 512 bytes for header");let n=xt(t,e+156,1),o=Ui.has(n),h=o?i:void 0,a=o?r:void 0;if(this.path=h?.path??xt(t,e,100),this.mode=h?.mode??a?.mode??lt(t,e+100,8),this.uid=h?.uid??a?.uid??lt(t,e+108,8),this.gid=h?.gid??a?.gid??lt(t,e+116,8),this.size=un(h?.size??a?.size??lt(t,e+124,12)),this.mtime=h?.mtime??a?.mtime??Wi(t,e+136,12),this.cksum=lt(t,e+148,12),a&&this.#i(a,!0),h&&this.#i(h),ne(n)&&(this.#t=n||"0"),this.#t==="0"&&this.path.slice(-1)==="/"&&(this.#t="5"),this.#t==="5"&&(this.size=0),this.linkpath=xt(t,e+157,100),t.subarray(e+257,e+265).toString()==="ustar\x0000")if(this.uname=h?.uname??a?.uname??xt(t,e+265,32),this.gname=h?.gname??a?.gname??xt(t,e+297,32),this.devmaj=h?.devmaj??a?.devmaj??lt(t,e+329,8)??0,this.devmin=h?.devmin??a?.devmin??lt(t,e+337,8)??0,t[e+475]!==0){let c=xt(t,e+345,155);this.path=c+"/"+this.path}else{let c=xt(t,e+345,130);c&&(this.path=c+"/"+this.path),this.atime=i?.atime??r?.atime??Wi(t,e+476,12),this.ctime=i?.ctime??r?.ctime??Wi(t,e+488,12)}let l=256;for(let c=e;c<e+148;c++)l+=t[c];for(let c=e+156;c<e+512;c++)l+=t[c];this.cksumValid=l===this.cksum,this.cksum===void 0&&l===256&&(this.nullBlock=!0)}#i(t,e=!1){Object.assign(this,Object.fromEntries(Object.entries(t).filter(([i,r])=>!(r==null||i==="size"&&Number(r)<0||i==="path"&&e||i==="linkpath"&&e||i==="global"))))}encode(t,e=0){if(t||(t=this.block=Buffer.alloc(512)),this.#t==="Unsupported"&&(this.#t="0"),!(t.length>=e+512))throw new Error("need 512 bytes for header");let i=this.ctime||this.atime?130:155,r=mn(this.path||"",i),n=r[0],o=r[1];this.needPax=!!r[2],this.needPax=Lt(t,e,100,n)||this.needPax,this.needPax=ct(t,e+100,8,this.mode)||this.needPax,this.needPax=ct(t,e+108,8,this.uid)||this.needPax,this.needPax=ct(t,e+116,8,this.gid)||this.needPax,this.needPax=ct(t,e+124,12,this.size)||this.needPax,this.needPax=Gi(t,e+136,12,this.mtime)||this.needPax,t[e+156]=Number(this.#t.codePointAt(0)),this.needPax=Lt(t,e+157,100,this.linkpath)||this.needPax,t.write("ustar\x0000",e+257,8),this.needPax=Lt(t,e+265,32,this.uname)||this.needPax,this.needPax=Lt(t,e+297,32,this.gname)||this.needPax,this.needPax=ct(t,e+329,8,this.devmaj)||this.needPax,this.needPax=ct(t,e+337,8,this.devmin)||this.needPax,this.needPax=Lt(t,e+345,i,o)||this.needPax,t[e+475]!==0?this.needPax=Lt(t,e+345,155,o)||this.needPax:(this.needPax=Lt(t,e+345,130,o)||this.needPax,this.needPax=Gi(t,e+476,12,this.atime)||this.needPax,this.needPax=Gi(t,e+488,12,this.ctime)||this.needPax);let h=256;for(let a=e;a<e+148;a++)h+=t[a];for(let a=e+156;a<e+512;a++)h+=t[a];return this.cksum=h,ct(t,e+148,8,this.cksum),this.cksumValid=!0,this.needPax}get type(){return this.#t==="Unsupported"?this.#t:oe.get(this.#t)}get typeKey(){return this.#t}set type(t){let e=String(Ve.get(t));if(ne(e)||e==="Unsupported")this.#t=e;else if(ne(t))this.#t=t;else throw new TypeError("invalid entry type: "+t)}},mn=(s,t)=>{let i=s,r="",n,o=external_node_path_namespaceObject.posix.parse(s).root||".";if(Buffer.byteLength(i)<100)n=[i,r,!1];else{r=external_node_path_namespaceObject.posix.dirname(i),i=external_node_path_namespaceObject.posix.basename(i);do Buffer.byteLength(i)<=100&&Buffer.byteLength(r)<=t?n=[i,r,!1]:Buffer.byteLength(i)>100&&Buffer.byteLength(r)<=t?n=[i.slice(0,99),r,!0]:(i=external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.basename(r),i),r=external_node_path_namespaceObject.posix.dirname(r));while(r!==o&&n===void 0);n||(n=[s.slice(0,99),"",!0])}return n},xt=(s,t,e)=>s.subarray(t,t+e).toString("utf8").replace(/\0.*/,""),Wi=(s,t,e)=>pn(lt(s,t,e)),pn=s=>s===void 0?void 0:new Date(s*1e3),lt=(s,t,e)=>Number(s[t])&128?Hs(s.subarray(t,t+e)):wn(s,t,e),En=s=>isNaN(s)?void 0:s,wn=(s,t,e)=>En(parseInt(s.subarray(t,t+e).toString("utf8").replace(/\0.*$/,"").trim(),8)),Sn={12:8589934591,8:2097151},ct=(s,t,e,i)=>i===void 0?!1:i>Sn[e]||i<0?(Us(i,s.subarray(t,t+e)),!0):(yn(s,t,e,i),!1),yn=(s,t,e,i)=>s.write(Rn(i,e),t,e,"ascii"),Rn=(s,t)=>gn(Math.floor(s).toString(8),t),gn=(s,t)=>(s.length===t-1?s:new Array(t-s.length-1).join("0")+s+" ")+"\0",Gi=(s,t,e,i)=>i===void 0?!1:ct(s,t,e,i.getTime()/1e3),bn=new Array(156).join("\0"),Lt=(s,t,e,i)=>i===void 0?!1:(s.write(i+bn,t,e,"utf8"),i.length!==Buffer.byteLength(i)||i.length>e);var ft=class s{atime;mtime;ctime;charset;comment;gid;uid;gname;uname;linkpath;dev;ino;nlink;path;size;mode;global;constructor(t,e=!1){this.atime=t.atime,this.charset=t.charset,this.comment=t.comment,this.ctime=t.ctime,this.dev=t.dev,this.gid=t.gid,this.global=e,this.gname=t.gname,this.ino=t.ino,this.linkpath=t.linkpath,this.mtime=t.mtime,this.nlink=t.nlink,this.path=t.path,this.size=t.size,this.uid=t.uid,this.uname=t.uname}encode(){let t=this.encodeBody();if(t==="")return Buffer.allocUnsafe(0);let e=Buffer.byteLength(t),i=512*Math.ceil(1+e/512),r=Buffer.allocUnsafe(i);for(let n=0;n<512;n++)r[n]=0;new F({path:("PaxHeader/"+(0,external_node_path_namespaceObject.basename)(this.path??"")).slice(0,99),mode:this.mode||420,uid:this.uid,gid:this.gid,size:e,mtime:this.mtime,type:this.global?"GlobalExtendedHeader":"ExtendedHeader",linkpath:"",uname:this.uname||"",gname:this.gname||"",devmaj:0,devmin:0,atime:this.atime,ctime:this.ctime}).encode(r),r.write(t,512,e,"utf8");for(let n=e+512;n<r.length;n++)r[n]=0;return r}encodeBody(){return this.encodeField("path")+this.encodeField("ctime")+this.encodeField("atime")+this.encodeField("dev")+this.encodeField("ino")+this.encodeField("nlink")+this.encodeField("charset")+this.encodeField("comment")+this.encodeField("gid")+this.encodeField("gname")+this.encodeField("linkpath")+this.encodeField("mtime")+this.encodeField("size")+this.encodeField("uid")+this.encodeField("uname")}encodeField(t){if(this[t]===void 0)return"";let e=this[t],i=e instanceof Date?e.getTime()/1e3:e,r=" "+(t==="dev"||t==="ino"||t==="nlink"?"SCHILY.":"")+t+"="+i+`
`,n=Buffer.byteLength(r),o=Math.floor(Math.log(n)/Math.log(10))+1;return n+o>=Math.pow(10,o)&&(o+=1),o+n+r}static parse(t,e,i=!1){return new s(On(Tn(t),e),i)}},On=(s,t)=>t?Object.assign({},t,s):s,Tn=s=>s.replace(/\n$/,"").split(`
`).reduce(xn,Object.create(null)),xn=(s,t)=>{let e=parseInt(t,10);if(e!==Buffer.byteLength(t)+1)return s;t=t.slice((e+" ").length);let i=t.split("="),r=i.shift();if(!r)return s;let n=r.replace(/^SCHILY\.(dev|ino|nlink)/,"$1"),o=i.join("=").replace(/\0.*/,"");switch(n){case"path":case"linkpath":case"type":case"charset":case"comment":case"gname":case"uname":s[n]=o;break;case"ctime":case"atime":case"mtime":s[n]=new Date(Number(o)*1e3);break;case"size":let h=+o;h>=0&&(s[n]=h);break;case"gid":case"uid":case"dev":case"ino":case"nlink":case"mode":s[n]=+o;break}return s};var Ln=process.env.TESTING_TAR_FAKE_PLATFORM||process.platform,f=Ln!=="win32"?s=>String(s):s=>String(s).replaceAll(/\\/g,"/");var $e=class extends A{extended;globalExtended;header;startBlockSize;blockRemain;remain;type;meta=!1;ignore=!1;path;mode;uid;gid;uname;gname;size=0;mtime;atime;ctime;linkpath;dev;ino;nlink;invalid=!1;absolute;unsupported=!1;constructor(t,e,i){switch(super({}),this.pause(),this.extended=e,this.globalExtended=i,this.header=t,this.remain=t.size??0,this.startBlockSize=512*Math.ceil(this.remain/512),this.blockRemain=this.startBlockSize,this.type=t.type,this.type){case"File":case"OldFile":case"Link":case"SymbolicLink":case"CharacterDevice":case"BlockDevice":case"Directory":case"FIFO":case"ContiguousFile":case"GNUDumpDir":break;case"NextFileHasLongLinkpath":case"NextFileHasLongPath":case"OldGnuLongPath":case"GlobalExtendedHeader":case"ExtendedHeader":case"OldExtendedHeader":this.meta=!0;break;default:this.ignore=!0}if(!t.path)throw new Error("no path provided for tar.ReadEntry");this.path=f(t.path),this.mode=t.mode,this.mode&&(this.mode=this.mode&4095),this.uid=t.uid,this.gid=t.gid,this.uname=t.uname,this.gname=t.gname,this.size=this.remain,this.mtime=t.mtime,this.atime=t.atime,this.ctime=t.ctime,this.linkpath=t.linkpath?f(t.linkpath):void 0,this.uname=t.uname,this.gname=t.gname,e&&this.#t(e),i&&this.#t(i,!0)}write(t){let e=t.length;if(e>this.blockRemain)throw new Error("writing more to entry than is appropriate");let i=this.remain,r=this.blockRemain;return this.remain=Math.max(0,i-e),this.blockRemain=Math.max(0,r-e),this.ignore?!0:i>=e?super.write(t):super.write(t.subarray(0,i))}#t(t,e=!1){t.path&&(t.path=f(t.path)),t.linkpath&&(t.linkpath=f(t.linkpath)),Object.assign(this,Object.fromEntries(Object.entries(t).filter(([i,r])=>!(r==null||i==="path"&&e))))}};var Dt=(s,t,e,i={})=>{s.file&&(i.file=s.file),s.cwd&&(i.cwd=s.cwd),i.code=e instanceof Error&&e.code||t,i.tarCode=t,!s.strict&&i.recoverable!==!1?(e instanceof Error&&(i=Object.assign(e,i),e=e.message),s.emit("warn",t,e,i)):e instanceof Error?s.emit("error",Object.assign(e,i)):s.emit("error",Object.assign(new Error(`${t}: ${e}`),i))};var Nn=1024*1024,Xi=Buffer.from([31,139]),qi=Buffer.from([40,181,47,253]),An=Math.max(Xi.length,qi.length),B=Symbol("state"),Nt=Symbol("writeEntry"),it=Symbol("readEntry"),Zi=Symbol("nextEntry"),Zs=Symbol("processEntry"),V=Symbol("extendedHeader"),he=Symbol("globalExtendedHeader"),dt=Symbol("meta"),Ys=Symbol("emitMeta"),p=Symbol("buffer"),st=Symbol("queue"),ut=Symbol("ended"),Yi=Symbol("emittedEnd"),At=Symbol("emit"),w=Symbol("unzip"),Xe=Symbol("consumeChunk"),qe=Symbol("consumeChunkSub"),Ki=Symbol("consumeBody"),Ks=Symbol("consumeMeta"),Vs=Symbol("consumeHeader"),ae=Symbol("consuming"),Vi=Symbol("bufferConcat"),Qe=Symbol("maybeEnd"),Yt=Symbol("writing"),$=Symbol("aborted"),Je=Symbol("onDone"),It=Symbol("sawValidEntry"),je=Symbol("sawNullBlock"),ti=Symbol("sawEOF"),$s=Symbol("closeStream"),In=1e3,le=Symbol("compressedBytesRead"),$i=Symbol("decompressedBytesRead"),Xs=Symbol("checkDecompressionRatio"),Cn=()=>!0,rt=class extends external_events_namespaceObject.EventEmitter{file;strict;maxMetaEntrySize;filter;brotli;zstd;maxDecompressionRatio;writable=!0;readable=!1;[st]=[];[p];[it];[Nt];[B]="begin";[dt]="";[V];[he];[ut]=!1;[w];[$]=!1;[It];[je]=!1;[ti]=!1;[Yt]=!1;[ae]=!1;[Yi]=!1;[le]=0;[$i]=0;constructor(t={}){super(),this.file=t.file||"",this.on(Je,()=>{(this[B]==="begin"||this[It]===!1)&&this.warn("TAR_BAD_ARCHIVE","Unrecognized archive format")}),t.ondone?this.on(Je,t.ondone):this.on(Je,()=>{this.emit("prefinish"),this.emit("finish"),this.emit("end")}),this.strict=!!t.strict,this.maxDecompressionRatio=typeof t.maxDecompressionRatio=="number"?t.maxDecompressionRatio:In,this.maxMetaEntrySize=t.maxMetaEntrySize||Nn,this.filter=typeof t.filter=="function"?t.filter:Cn;let e=t.file&&(t.file.endsWith(".tar.br")||t.file.endsWith(".tbr"));this.brotli=!(t.gzip||t.zstd)&&t.brotli!==void 0?t.brotli:e?void 0:!1;let i=t.file&&(t.file.endsWith(".tar.zst")||t.file.endsWith(".tzst"));this.zstd=!(t.gzip||t.brotli)&&t.zstd!==void 0?t.zstd:i?!0:void 0,this.on("end",()=>this[$s]()),typeof t.onwarn=="function"&&this.on("warn",t.onwarn),typeof t.onReadEntry=="function"&&this.on("entry",t.onReadEntry)}warn(t,e,i={}){Dt(this,t,e,i)}[Vs](t,e){this[It]===void 0&&(this[It]=!1);let i;try{i=new F(t,e,this[V],this[he])}catch(r){return this.warn("TAR_ENTRY_INVALID",r)}if(i.nullBlock)this[je]?(this[ti]=!0,this[B]==="begin"&&(this[B]="header"),this[At]("eof")):(this[je]=!0,this[At]("nullBlock"));else if(this[je]=!1,!i.cksumValid)this.warn("TAR_ENTRY_INVALID","checksum failure",{header:i});else if(!i.path)this.warn("TAR_ENTRY_INVALID","path is required",{header:i});else{let r=i.type;if(/^(Symbolic)?Link$/.test(r)&&!i.linkpath)this.warn("TAR_ENTRY_INVALID","linkpath required",{header:i});else if(!/^(Symbolic)?Link$/.test(r)&&!/^(Global)?ExtendedHeader$/.test(r)&&i.linkpath)this.warn("TAR_ENTRY_INVALID","linkpath forbidden",{header:i});else{let n=this[Nt]=new $e(i,this[V],this[he]);if(!this[It])if(n.remain){let o=()=>{n.invalid||(this[It]=!0)};n.on("end",o)}else this[It]=!0;n.meta?n.size>this.maxMetaEntrySize?(n.ignore=!0,this[At]("ignoredEntry",n),this[B]="ignore",n.resume()):n.size>0&&(this[dt]="",n.on("data",o=>this[dt]+=o),this[B]="meta"):(this[V]=void 0,n.ignore=n.ignore||!this.filter(n.path,n),n.ignore?(this[At]("ignoredEntry",n),this[B]=n.remain?"ignore":"header",n.resume()):(n.remain?this[B]="body":(this[B]="header",n.end()),this[it]?this[st].push(n):(this[st].push(n),this[Zi]())))}}}[$s](){queueMicrotask(()=>this.emit("close"))}[Zs](t){let e=!0;if(!t)this[it]=void 0,e=!1;else if(Array.isArray(t)){let[i,...r]=t;this.emit(i,...r)}else this[it]=t,this.emit("entry",t),t.emittedEnd||(t.on("end",()=>this[Zi]()),e=!1);return e}[Zi](){do;while(this[Zs](this[st].shift()));if(this[st].length===0){let t=this[it];!t||t.flowing||t.size===t.remain?this[Yt]||this.emit("drain"):t.once("drain",()=>this.emit("drain"))}}[Ki](t,e){let i=this[Nt];if(!i)throw new Error("attempt to consume body without entry??");let r=i.blockRemain??0,n=r>=t.length&&e===0?t:t.subarray(e,e+r);return i.write(n),i.blockRemain||(this[B]="header",this[Nt]=void 0,i.end()),n.length}[Ks](t,e){let i=this[Nt],r=this[Ki](t,e);return!this[Nt]&&i&&this[Ys](i),r}[At](t,e,i){this[st].length===0&&!this[it]?this.emit(t,e,i):this[st].push([t,e,i])}[Ys](t){switch(this[At]("meta",this[dt]),t.type){case"ExtendedHeader":case"OldExtendedHeader":this[V]=ft.parse(this[dt],this[V],!1);break;case"GlobalExtendedHeader":this[he]=ft.parse(this[dt],this[he],!0);break;case"NextFileHasLongPath":case"OldGnuLongPath":{let e=this[V]??Object.create(null);this[V]=e,e.path=this[dt].replace(/\0.*/,"");break}case"NextFileHasLongLinkpath":{let e=this[V]||Object.create(null);this[V]=e,e.linkpath=this[dt].replace(/\0.*/,"");break}default:throw new Error("unknown meta: "+t.type)}}abort(t){if(!this[$]){if(this[w]){let e=this[w];e.write=()=>!0,e.end=()=>e,e.emit=()=>!1,e.destroy?.()}this[$]=!0,this.emit("abort",t),this.warn("TAR_ABORT",t,{recoverable:!1})}}[Xs](t){this[$i]+=t.length;let e=this[$i]/this[le];return e>this.maxDecompressionRatio?(this.abort(new Error(`max decompression ratio exceeded: ${e.toFixed(2)} > ${this.maxDecompressionRatio}`)),!1):!0}write(t,e,i){if(typeof e=="function"&&(i=e,e=void 0),typeof t=="string"&&(t=Buffer.from(t,typeof e=="string"?e:"utf8")),this[$])return i?.(),!1;if((this[w]===void 0||this.brotli===void 0&&this[w]===!1)&&t){if(this[p]&&(t=Buffer.concat([this[p],t]),this[p]=void 0),t.length<An)return this[p]=t,i?.(),!0;for(let a=0;this[w]===void 0&&a<Xi.length;a++)t[a]!==Xi[a]&&(this[w]=!1);let o=!1;if(this[w]===!1&&this.zstd!==!1){o=!0;for(let a=0;a<qi.length;a++)if(t[a]!==qi[a]){o=!1;break}}let h=this.brotli===void 0&&!o;if(this[w]===!1&&h)if(t.length<512)if(this[ut])this.brotli=!0;else return this[p]=t,i?.(),!0;else try{new F(t.subarray(0,512)),this.brotli=!1}catch{this.brotli=!0}if(this[w]===void 0||this[w]===!1&&(this.brotli||o)){let a=this[ut];this[ut]=!1,this[w]=this[w]===void 0?new Ue({}):o?new Ke({}):new Ge({}),this[w].on("data",c=>{this[Xs](c)&&this[Xe](c)}),this[w].on("error",c=>{this[$]||this.abort(c)}),this[w].on("end",()=>{this[ut]=!0,this[Xe]()}),this[Yt]=!0,this[le]+=t.length;let l=!!this[w][a?"end":"write"](t);return this[Yt]=!1,i?.(),l}}this[Yt]=!0,this[w]?(this[le]+=t.length,this[w].write(t)):this[Xe](t),this[Yt]=!1;let n=this[st].length>0?!1:this[it]?this[it].flowing:!0;return!n&&this[st].length===0&&this[it]?.once("drain",()=>this.emit("drain")),i?.(),n}[Vi](t){t&&!this[$]&&(this[p]=this[p]?Buffer.concat([this[p],t]):t)}[Qe](){if(this[ut]&&!this[Yi]&&!this[$]&&!this[ae]){this[Yi]=!0;let t=this[Nt];if(t?.blockRemain){let e=this[p]?this[p].length:0;this.warn("TAR_BAD_ARCHIVE",`Truncated input (needed ${t.blockRemain} more bytes, only ${e} available)`,{entry:t}),this[p]&&t.write(this[p]),t.end()}this[At](Je)}}[Xe](t){if(this[ae]&&t)this[Vi](t);else if(!t&&!this[p])this[Qe]();else if(t){if(this[ae]=!0,this[p]){this[Vi](t);let e=this[p];this[p]=void 0,this[qe](e)}else this[qe](t);for(;this[p]&&this[p]?.length>=512&&!this[$]&&!this[ti];){let e=this[p];this[p]=void 0,this[qe](e)}this[ae]=!1}(!this[p]||this[ut])&&this[Qe]()}[qe](t){let e=0,i=t.length;for(;e+512<=i&&!this[$]&&!this[ti];)switch(this[B]){case"begin":case"header":this[Vs](t,e),e+=512;break;case"ignore":case"body":e+=this[Ki](t,e);break;case"meta":e+=this[Ks](t,e);break;default:throw new Error("invalid state: "+this[B])}e<i&&(this[p]=this[p]?Buffer.concat([t.subarray(e),this[p]]):t.subarray(e))}end(t,e,i){return typeof t=="function"&&(i=t,e=void 0,t=void 0),typeof e=="function"&&(i=e,e=void 0),typeof t=="string"&&(t=Buffer.from(t,e)),i&&this.once("finish",i),this[$]||(this[w]?(t&&(this[le]+=t.length,this[w].write(t)),this[w].end()):(this[ut]=!0,(this.brotli===void 0||this.zstd===void 0)&&(t=t||Buffer.alloc(0)),t&&this.write(t),this[Qe]())),this}};var mt=s=>{let t=s.length-1,e=-1;for(;t>-1&&s.charAt(t)==="/";)e=t,t--;return e===-1?s:s.slice(0,e)};var vn=s=>{let t=s.onReadEntry;s.onReadEntry=t?e=>{t(e),e.resume()}:e=>e.resume()},Qi=(s,t)=>{let e=new Map(t.map(o=>[mt(o),!0])),i=s.filter,r=100,n=(o,h="",a=0)=>{if(a>=r)return e.set(o,!1),!1;let l=h||(0,external_path_namespaceObject.parse)(o).root||".",c;if(o===l)c=!1;else{let d=e.get(o);c=d!==void 0?d:n((0,external_path_namespaceObject.dirname)(o),l,a+1)}return e.set(o,c),c};s.filter=i?(o,h)=>i(o,h)&&n(mt(o)):o=>n(mt(o))},Mn=s=>{let t=new rt(s),e=s.file,i;try{i=external_node_fs_namespaceObject.openSync(e,"r");let r=external_node_fs_namespaceObject.fstatSync(i),n=s.maxReadSize||16*1024*1024;if(r.size<n){let o=Buffer.allocUnsafe(r.size),h=external_node_fs_namespaceObject.readSync(i,o,0,r.size,0);t.end(h===o.byteLength?o:o.subarray(0,h))}else{let o=0,h=Buffer.allocUnsafe(n);for(;o<r.size;){let a=external_node_fs_namespaceObject.readSync(i,h,0,n,o);if(a===0)break;o+=a,t.write(h.subarray(0,a))}t.end()}}finally{if(typeof i=="number")try{external_node_fs_namespaceObject.closeSync(i)}catch{}}},Bn=(s,t)=>{let e=new rt(s),i=s.maxReadSize||16*1024*1024,r=s.file;return new Promise((o,h)=>{e.on("error",h),e.on("end",o),external_node_fs_namespaceObject.stat(r,(a,l)=>{if(a)h(a);else{let c=new _t(r,{readSize:i,size:l.size});c.on("error",h),c.pipe(e)}})})},Ct=K(Mn,Bn,s=>new rt(s),s=>new rt(s),(s,t)=>{t?.length&&Qi(s,t),s.noResume||vn(s)});var Ji=(s,t,e)=>(s&=4095,e&&(s=(s|384)&-19),t&&(s&256&&(s|=64),s&32&&(s|=8),s&4&&(s|=1)),s);var{isAbsolute:zn,parse:qs}=external_node_path_namespaceObject.win32,ce=s=>{let t="",e=qs(s);for(;zn(s)||e.root;){let i=s.charAt(0)==="/"&&s.slice(0,4)!=="//?/"?"/":e.root;s=s.slice(i.length),t+=i,e=qs(s)}return[t,s]};var ei=["|","<",">","?",":"],ji=ei.map(s=>String.fromCodePoint(61440+Number(s.codePointAt(0)))),Un=new Map(ei.map((s,t)=>[s,ji[t]])),Hn=new Map(ji.map((s,t)=>[s,ei[t]])),ts=s=>ei.reduce((t,e)=>t.split(e).join(Un.get(e)),s),Qs=s=>ji.reduce((t,e)=>t.split(e).join(Hn.get(e)),s);var rr=(s,t)=>t?(s=f(s).replace(/^\.(\/|$)/,""),mt(t)+"/"+s):f(s),Wn=16*1024*1024,tr=Symbol("process"),er=Symbol("file"),ir=Symbol("directory"),is=Symbol("symlink"),sr=Symbol("hardlink"),fe=Symbol("header"),ii=Symbol("read"),ss=Symbol("lstat"),si=Symbol("onlstat"),rs=Symbol("onread"),ns=Symbol("onreadlink"),os=Symbol("openfile"),hs=Symbol("onopenfile"),pt=Symbol("close"),ri=Symbol("mode"),as=Symbol("awaitDrain"),es=Symbol("ondrain"),q=Symbol("prefix"),de=class extends A{path;portable;myuid=process.getuid&&process.getuid()||0;myuser=process.env.USER||"";maxReadSize;linkCache;statCache;preservePaths;cwd;strict;mtime;noPax;noMtime;prefix;fd;blockLen=0;blockRemain=0;buf;pos=0;remain=0;length=0;offset=0;win32;absolute;header;type;linkpath;stat;onWriteEntry;#t=!1;constructor(t,e={}){let i=se(e);super(),this.path=f(t),this.portable=!!i.portable,this.maxReadSize=i.maxReadSize||Wn,this.linkCache=i.linkCache||new Map,this.statCache=i.statCache||new Map,this.preservePaths=!!i.preservePaths,this.cwd=f(i.cwd||process.cwd()),this.strict=!!i.strict,this.noPax=!!i.noPax,this.noMtime=!!i.noMtime,this.mtime=i.mtime,this.prefix=i.prefix?f(i.prefix):void 0,this.onWriteEntry=i.onWriteEntry,typeof i.onwarn=="function"&&this.on("warn",i.onwarn);let r=!1;if(!this.preservePaths){let[o,h]=ce(this.path);o&&typeof h=="string"&&(this.path=h,r=o)}this.win32=!!i.win32||process.platform==="win32",this.win32&&(this.path=Qs(this.path.replaceAll(/\\/g,"/")),t=t.replaceAll(/\\/g,"/")),this.absolute=f(i.absolute||external_path_namespaceObject.resolve(this.cwd,t)),this.path===""&&(this.path="./"),r&&this.warn("TAR_ENTRY_INFO",`stripping ${r} from absolute path`,{entry:this,path:r+this.path});let n=this.statCache.get(this.absolute);n?this[si](n):this[ss]()}warn(t,e,i={}){return Dt(this,t,e,i)}emit(t,...e){return t==="error"&&(this.#t=!0),super.emit(t,...e)}[ss](){external_fs_namespaceObject.lstat(this.absolute,(t,e)=>{if(t)return this.emit("error",t);this[si](e)})}[si](t){this.statCache.set(this.absolute,t),this.stat=t,t.isFile()||(t.size=0),this.type=Gn(t),this.emit("stat",t),this[tr]()}[tr](){switch(this.type){case"File":return this[er]();case"Directory":return this[ir]();case"SymbolicLink":return this[is]();default:return this.end()}}[ri](t){return Ji(t,this.type==="Directory",this.portable)}[q](t){return rr(t,this.prefix)}[fe](){if(!this.stat)throw new Error("cannot write header before stat");this.type==="Directory"&&this.portable&&(this.noMtime=!0),this.onWriteEntry?.(this),this.header=new F({path:this[q](this.path),linkpath:this.type==="Link"&&this.linkpath!==void 0?this[q](this.linkpath):this.linkpath,mode:this[ri](this.stat.mode),uid:this.portable?void 0:this.stat.uid,gid:this.portable?void 0:this.stat.gid,size:this.stat.size,mtime:this.noMtime?void 0:this.mtime||this.stat.mtime,type:this.type==="Unsupported"?void 0:this.type,uname:this.portable?void 0:this.stat.uid===this.myuid?this.myuser:"",atime:this.portable?void 0:this.stat.atime,ctime:this.portable?void 0:this.stat.ctime}),this.header.encode()&&!this.noPax&&super.write(new ft({atime:this.portable?void 0:this.header.atime,ctime:this.portable?void 0:this.header.ctime,gid:this.portable?void 0:this.header.gid,mtime:this.noMtime?void 0:this.mtime||this.header.mtime,path:this[q](this.path),linkpath:this.type==="Link"&&this.linkpath!==void 0?this[q](this.linkpath):this.linkpath,size:this.header.size,uid:this.portable?void 0:this.header.uid,uname:this.portable?void 0:this.header.uname,dev:this.portable?void 0:this.stat.dev,ino:this.portable?void 0:this.stat.ino,nlink:this.portable?void 0:this.stat.nlink}).encode());let t=this.header?.block;if(!t)throw new Error("failed to encode header");super.write(t)}[ir](){if(!this.stat)throw new Error("cannot create directory entry without stat");this.path.slice(-1)!=="/"&&(this.path+="/"),this.stat.size=0,this[fe](),this.end()}[is](){external_fs_namespaceObject.readlink(this.absolute,(t,e)=>{if(t)return this.emit("error",t);this[ns](e)})}[ns](t){this.linkpath=f(t),this[fe](),this.end()}[sr](t){if(!this.stat)throw new Error("cannot create link entry without stat");this.type="Link",this.linkpath=f(external_path_namespaceObject.relative(this.cwd,t)),this.stat.size=0,this[fe](),this.end()}[er](){if(!this.stat)throw new Error("cannot create file entry without stat");if(this.stat.nlink>1){let t=`${this.stat.dev}:${this.stat.ino}`,e=this.linkCache.get(t);if(e?.indexOf(this.cwd)===0)return this[sr](e);this.linkCache.set(t,this.absolute)}if(this[fe](),this.stat.size===0)return this.end();this[os]()}[os](){external_fs_namespaceObject.open(this.absolute,"r",(t,e)=>{if(t)return this.emit("error",t);this[hs](e)})}[hs](t){if(this.fd=t,this.#t)return this[pt]();if(!this.stat)throw new Error("should stat before calling onopenfile");this.blockLen=512*Math.ceil(this.stat.size/512),this.blockRemain=this.blockLen;let e=Math.min(this.blockLen,this.maxReadSize);this.buf=Buffer.allocUnsafe(e),this.offset=0,this.pos=0,this.remain=this.stat.size,this.length=this.buf.length,this[ii]()}[ii](){let{fd:t,buf:e,offset:i,length:r,pos:n}=this;if(t===void 0||e===void 0)throw new Error("cannot read file without first opening");external_fs_namespaceObject.read(t,e,i,r,n,(o,h)=>{if(o)return this[pt](()=>this.emit("error",o));this[rs](h)})}[pt](t=()=>{}){this.fd!==void 0&&external_fs_namespaceObject.close(this.fd,t)}[rs](t){if(t<=0&&this.remain>0){let r=Object.assign(new Error("encountered unexpected EOF"),{path:this.absolute,syscall:"read",code:"EOF"});return this[pt](()=>this.emit("error",r))}if(t>this.remain){let r=Object.assign(new Error("did not encounter expected EOF"),{path:this.absolute,syscall:"read",code:"EOF"});return this[pt](()=>this.emit("error",r))}if(!this.buf)throw new Error("should have created buffer prior to reading");if(t===this.remain)for(let r=t;r<this.length&&t<this.blockRemain;r++)this.buf[r+this.offset]=0,t++,this.remain++;let e=this.offset===0&&t===this.buf.length?this.buf:this.buf.subarray(this.offset,this.offset+t);this.write(e)?this[es]():this[as](()=>this[es]())}[as](t){this.once("drain",t)}write(t,e,i){if(typeof e=="function"&&(i=e,e=void 0),typeof t=="string"&&(t=Buffer.from(t,typeof e=="string"?e:"utf8")),this.blockRemain<t.length){let r=Object.assign(new Error("writing more data than expected"),{path:this.absolute});return this.emit("error",r)}return this.remain-=t.length,this.blockRemain-=t.length,this.pos+=t.length,this.offset+=t.length,super.write(t,null,i)}[es](){if(!this.remain)return this.blockRemain&&super.write(Buffer.alloc(this.blockRemain)),this[pt](t=>t?this.emit("error",t):this.end());if(!this.buf)throw new Error("buffer lost somehow in ONDRAIN");this.offset>=this.length&&(this.buf=Buffer.allocUnsafe(Math.min(this.blockRemain,this.buf.length)),this.offset=0),this.length=this.buf.length-this.offset,this[ii]()}},ni=class extends de{sync=!0;[ss](){this[si](external_fs_namespaceObject.lstatSync(this.absolute))}[is](){this[ns](external_fs_namespaceObject.readlinkSync(this.absolute))}[os](){this[hs](external_fs_namespaceObject.openSync(this.absolute,"r"))}[ii](){let t=!0;try{let{fd:e,buf:i,offset:r,length:n,pos:o}=this;if(e===void 0||i===void 0)throw new Error("fd and buf must be set in READ method");let h=external_fs_namespaceObject.readSync(e,i,r,n,o);this[rs](h),t=!1}finally{if(t)try{this[pt](()=>{})}catch{}}}[as](t){t()}[pt](t=()=>{}){this.fd!==void 0&&external_fs_namespaceObject.closeSync(this.fd),t()}},oi=class extends A{blockLen=0;blockRemain=0;buf=0;pos=0;remain=0;length=0;preservePaths;portable;strict;noPax;noMtime;readEntry;type;prefix;path;mode;uid;gid;uname;gname;header;mtime;atime;ctime;linkpath;size;onWriteEntry;warn(t,e,i={}){return Dt(this,t,e,i)}constructor(t,e={}){let i=se(e);super(),this.preservePaths=!!i.preservePaths,this.portable=!!i.portable,this.strict=!!i.strict,this.noPax=!!i.noPax,this.noMtime=!!i.noMtime,this.onWriteEntry=i.onWriteEntry,this.readEntry=t;let{type:r}=t;if(r==="Unsupported")throw new Error("writing entry that should be ignored");this.type=r,this.type==="Directory"&&this.portable&&(this.noMtime=!0),this.prefix=i.prefix,this.path=f(t.path),this.mode=t.mode!==void 0?this[ri](t.mode):void 0,this.uid=this.portable?void 0:t.uid,this.gid=this.portable?void 0:t.gid,this.uname=this.portable?void 0:t.uname,this.gname=this.portable?void 0:t.gname,this.size=t.size,this.mtime=this.noMtime?void 0:i.mtime||t.mtime,this.atime=this.portable?void 0:t.atime,this.ctime=this.portable?void 0:t.ctime,this.linkpath=t.linkpath!==void 0?f(t.linkpath):void 0,typeof i.onwarn=="function"&&this.on("warn",i.onwarn);let n=!1;if(!this.preservePaths){let[h,a]=ce(this.path);h&&typeof a=="string"&&(this.path=a,n=h)}this.remain=t.size,this.blockRemain=t.startBlockSize,this.onWriteEntry?.(this),this.header=new F({path:this[q](this.path),linkpath:this.type==="Link"&&this.linkpath!==void 0?this[q](this.linkpath):this.linkpath,mode:this.mode,uid:this.portable?void 0:this.uid,gid:this.portable?void 0:this.gid,size:this.size,mtime:this.noMtime?void 0:this.mtime,type:this.type,uname:this.portable?void 0:this.uname,atime:this.portable?void 0:this.atime,ctime:this.portable?void 0:this.ctime}),n&&this.warn("TAR_ENTRY_INFO",`stripping ${n} from absolute path`,{entry:this,path:n+this.path}),this.header.encode()&&!this.noPax&&super.write(new ft({atime:this.portable?void 0:this.atime,ctime:this.portable?void 0:this.ctime,gid:this.portable?void 0:this.gid,mtime:this.noMtime?void 0:this.mtime,path:this[q](this.path),linkpath:this.type==="Link"&&this.linkpath!==void 0?this[q](this.linkpath):this.linkpath,size:this.size,uid:this.portable?void 0:this.uid,uname:this.portable?void 0:this.uname,dev:this.portable?void 0:this.readEntry.dev,ino:this.portable?void 0:this.readEntry.ino,nlink:this.portable?void 0:this.readEntry.nlink}).encode());let o=this.header?.block;if(!o)throw new Error("failed to encode header");super.write(o),t.pipe(this)}[q](t){return rr(t,this.prefix)}[ri](t){return Ji(t,this.type==="Directory",this.portable)}write(t,e,i){typeof e=="function"&&(i=e,e=void 0),typeof t=="string"&&(t=Buffer.from(t,typeof e=="string"?e:"utf8"));let r=t.length;if(r>this.blockRemain)throw new Error("writing more to entry than is appropriate");return this.blockRemain-=r,super.write(t,i)}end(t,e,i){return this.blockRemain&&super.write(Buffer.alloc(this.blockRemain)),typeof t=="function"&&(i=t,e=void 0,t=void 0),typeof e=="function"&&(i=e,e=void 0),typeof t=="string"&&(t=Buffer.from(t,e??"utf8")),i&&this.once("finish",i),t?super.end(t,i):super.end(i),this}},Gn=s=>s.isFile()?"File":s.isDirectory()?"Directory":s.isSymbolicLink()?"SymbolicLink":"Unsupported";var hi=class s{tail;head;length=0;static create(t=[]){return new s(t)}constructor(t=[]){for(let e of t)this.push(e)}*[Symbol.iterator](){for(let t=this.head;t;t=t.next)yield t.value}removeNode(t){if(t.list!==this)throw new Error("removing node which does not belong to this list");let e=t.next,i=t.prev;return e&&(e.prev=i),i&&(i.next=e),t===this.head&&(this.head=e),t===this.tail&&(this.tail=i),this.length--,t.next=void 0,t.prev=void 0,t.list=void 0,e}unshiftNode(t){if(t===this.head)return;t.list&&t.list.removeNode(t);let e=this.head;t.list=this,t.next=e,e&&(e.prev=t),this.head=t,this.tail||(this.tail=t),this.length++}pushNode(t){if(t===this.tail)return;t.list&&t.list.removeNode(t);let e=this.tail;t.list=this,t.prev=e,e&&(e.next=t),this.tail=t,this.head||(this.head=t),this.length++}push(...t){for(let e=0,i=t.length;e<i;e++)Yn(this,t[e]);return this.length}unshift(...t){for(var e=0,i=t.length;e<i;e++)Kn(this,t[e]);return this.length}pop(){if(!this.tail)return;let t=this.tail.value,e=this.tail;return this.tail=this.tail.prev,this.tail?this.tail.next=void 0:this.head=void 0,e.list=void 0,this.length--,t}shift(){if(!this.head)return;let t=this.head.value,e=this.head;return this.head=this.head.next,this.head?this.head.prev=void 0:this.tail=void 0,e.list=void 0,this.length--,t}forEach(t,e){e=e||this;for(let i=this.head,r=0;i;r++)t.call(e,i.value,r,this),i=i.next}forEachReverse(t,e){e=e||this;for(let i=this.tail,r=this.length-1;i;r--)t.call(e,i.value,r,this),i=i.prev}get(t){let e=0,i=this.head;for(;i&&e<t;e++)i=i.next;if(e===t&&i)return i.value}getReverse(t){let e=0,i=this.tail;for(;i&&e<t;e++)i=i.prev;if(e===t&&i)return i.value}map(t,e){e=e||this;let i=new s;for(let r=this.head;r;)i.push(t.call(e,r.value,this)),r=r.next;return i}mapReverse(t,e){e=e||this;var i=new s;for(let r=this.tail;r;)i.push(t.call(e,r.value,this)),r=r.prev;return i}reduce(t,e){let i,r=this.head;if(arguments.length>1)i=e;else if(this.head)r=this.head.next,i=this.head.value;else throw new TypeError("Reduce of empty list with no initial value");for(var n=0;r;n++)i=t(i,r.value,n),r=r.next;return i}reduceReverse(t,e){let i,r=this.tail;if(arguments.length>1)i=e;else if(this.tail)r=this.tail.prev,i=this.tail.value;else throw new TypeError("Reduce of empty list with no initial value");for(let n=this.length-1;r;n--)i=t(i,r.value,n),r=r.prev;return i}toArray(){let t=new Array(this.length);for(let e=0,i=this.head;i;e++)t[e]=i.value,i=i.next;return t}toArrayReverse(){let t=new Array(this.length);for(let e=0,i=this.tail;i;e++)t[e]=i.value,i=i.prev;return t}slice(t=0,e=this.length){e<0&&(e+=this.length),t<0&&(t+=this.length);let i=new s;if(e<t||e<0)return i;t<0&&(t=0),e>this.length&&(e=this.length);let r=this.head,n=0;for(n=0;r&&n<t;n++)r=r.next;for(;r&&n<e;n++,r=r.next)i.push(r.value);return i}sliceReverse(t=0,e=this.length){e<0&&(e+=this.length),t<0&&(t+=this.length);let i=new s;if(e<t||e<0)return i;t<0&&(t=0),e>this.length&&(e=this.length);let r=this.length,n=this.tail;for(;n&&r>e;r--)n=n.prev;for(;n&&r>t;r--,n=n.prev)i.push(n.value);return i}splice(t,e=0,...i){t>this.length&&(t=this.length-1),t<0&&(t=this.length+t);let r=this.head;for(let o=0;r&&o<t;o++)r=r.next;let n=[];for(let o=0;r&&o<e;o++)n.push(r.value),r=this.removeNode(r);r?r!==this.tail&&(r=r.prev):r=this.tail;for(let o of i)r=Zn(this,r,o);return n}reverse(){let t=this.head,e=this.tail;for(let i=t;i;i=i.prev){let r=i.prev;i.prev=i.next,i.next=r}return this.head=e,this.tail=t,this}};function Zn(s,t,e){let i=t,r=t?t.next:s.head,n=new ue(e,i,r,s);return n.next===void 0&&(s.tail=n),n.prev===void 0&&(s.head=n),s.length++,n}function Yn(s,t){s.tail=new ue(t,s.tail,void 0,s),s.head||(s.head=s.tail),s.length++}function Kn(s,t){s.head=new ue(t,void 0,s.head,s),s.tail||(s.tail=s.head),s.length++}var ue=class{list;next;prev;value;constructor(t,e,i,r){this.list=r,this.value=t,e?(e.next=this,this.prev=e):this.prev=void 0,i?(i.prev=this,this.next=i):this.next=void 0}};var pi=class{path;absolute;entry;stat;readdir;pending=!1;pendingLink=!1;ignore=!1;piped=!1;constructor(t,e){this.path=t||"./",this.absolute=e}},nr=Buffer.alloc(1024),li=Symbol("onStat"),me=Symbol("ended"),W=Symbol("queue"),pe=Symbol("pendingLinks"),Et=Symbol("current"),Ft=Symbol("process"),Ee=Symbol("processing"),ai=Symbol("processJob"),G=Symbol("jobs"),ls=Symbol("jobDone"),ci=Symbol("addFSEntry"),or=Symbol("addTarEntry"),ds=Symbol("stat"),us=Symbol("readdir"),fi=Symbol("onreaddir"),di=Symbol("pipe"),hr=Symbol("entry"),cs=Symbol("entryOpt"),ui=Symbol("writeEntryClass"),lr=Symbol("write"),fs=Symbol("ondrain"),wt=class extends A{sync=!1;opt;cwd;maxReadSize;preservePaths;strict;noPax;prefix;linkCache;statCache;file;portable;zip;readdirCache;noDirRecurse;follow;noMtime;mtime;filter;jobs;[ui];onWriteEntry;[W];[pe]=new Map;[G]=0;[Ee]=!1;[me]=!1;constructor(t={}){if(super(),this.opt=t,this.file=t.file||"",this.cwd=t.cwd||process.cwd(),this.maxReadSize=t.maxReadSize,this.preservePaths=!!t.preservePaths,this.strict=!!t.strict,this.noPax=!!t.noPax,this.prefix=f(t.prefix||""),this.linkCache=t.linkCache||new Map,this.statCache=t.statCache||new Map,this.readdirCache=t.readdirCache||new Map,this.onWriteEntry=t.onWriteEntry,this[ui]=de,typeof t.onwarn=="function"&&this.on("warn",t.onwarn),this.portable=!!t.portable,t.gzip||t.brotli||t.zstd){if((t.gzip?1:0)+(t.brotli?1:0)+(t.zstd?1:0)>1)throw new TypeError("gzip, brotli, zstd are mutually exclusive");if(t.gzip&&(typeof t.gzip!="object"&&(t.gzip={}),this.portable&&(t.gzip.portable=!0),this.zip=new ze(t.gzip)),t.brotli&&(typeof t.brotli!="object"&&(t.brotli={}),this.zip=new We(t.brotli)),t.zstd&&(typeof t.zstd!="object"&&(t.zstd={}),this.zip=new Ye(t.zstd)),!this.zip)throw new Error("impossible");let e=this.zip;e.on("data",i=>super.write(i)),e.on("end",()=>super.end()),e.on("drain",()=>this[fs]()),this.on("resume",()=>e.resume())}else this.on("drain",this[fs]);this.noDirRecurse=!!t.noDirRecurse,this.follow=!!t.follow,this.noMtime=!!t.noMtime,t.mtime&&(this.mtime=t.mtime),this.filter=typeof t.filter=="function"?t.filter:()=>!0,this[W]=new hi,this[G]=0,this.jobs=Number(t.jobs)||4,this[Ee]=!1,this[me]=!1}[lr](t){return super.write(t)}add(t){return this.write(t),this}end(t,e,i){return typeof t=="function"&&(i=t,t=void 0),typeof e=="function"&&(i=e,e=void 0),t&&this.add(t),this[me]=!0,this[Ft](),i&&i(),this}write(t){if(this[me])throw new Error("write after end");return typeof t=="string"?this[ci](t):this[or](t),this.flowing}[or](t){let e=f(external_path_namespaceObject.resolve(this.cwd,t.path));if(!this.filter(t.path,t))t.resume();else{let i=new pi(t.path,e);i.entry=new oi(t,this[cs](i)),i.entry.on("end",()=>this[ls](i)),this[G]+=1,this[W].push(i)}this[Ft]()}[ci](t){let e=f(external_path_namespaceObject.resolve(this.cwd,t));this[W].push(new pi(t,e)),this[Ft]()}[ds](t){t.pending=!0,this[G]+=1;let e=this.follow?"stat":"lstat";external_fs_namespaceObject[e](t.absolute,(i,r)=>{t.pending=!1,this[G]-=1,i?this.emit("error",i):this[li](t,r)})}[li](t,e){if(this.statCache.set(t.absolute,e),t.stat=e,!this.filter(t.path,e))t.ignore=!0;else if(e.isFile()&&e.nlink>1&&!this.linkCache.get(`${e.dev}:${e.ino}`)&&!this.sync)if(t===this[Et])this[ai](t);else{let i=`${e.dev}:${e.ino}`,r=this[pe].get(i);r?r.push(t):this[pe].set(i,[t]),t.pendingLink=!0,t.pending=!0}this[Ft]()}[us](t){t.pending=!0,this[G]+=1,external_fs_namespaceObject.readdir(t.absolute,(e,i)=>{if(t.pending=!1,this[G]-=1,e)return this.emit("error",e);this[fi](t,i)})}[fi](t,e){this.readdirCache.set(t.absolute,e),t.readdir=e,this[Ft]()}[Ft](){if(!this[Ee]){this[Ee]=!0;for(let t=this[W].head;t&&this[G]<this.jobs;t=t.next)if(this[ai](t.value),t.value.ignore){let e=t.next;this[W].removeNode(t),t.next=e}this[Ee]=!1,this[me]&&this[W].length===0&&this[G]===0&&(this.zip?this.zip.end(nr):(super.write(nr),super.end()))}}get[Et](){return this[W]&&this[W].head&&this[W].head.value}[ls](t){this[W].shift(),this[G]-=1;let{stat:e}=t;if(e&&e.isFile()&&e.nlink>1){let i=`${e.dev}:${e.ino}`,r=this[pe].get(i);if(r){this[pe].delete(i);for(let n of r)n.pending=!1,this[ai](n)}}this[Ft]()}[ai](t){if(t.pending&&t.pendingLink&&t===this[Et]&&(t.pending=!1,t.pendingLink=!1),!t.pending){if(t.entry){t===this[Et]&&!t.piped&&this[di](t);return}if(!t.stat){let e=this.statCache.get(t.absolute);e?this[li](t,e):this[ds](t)}if(t.stat&&!t.ignore){if(!this.noDirRecurse&&t.stat.isDirectory()&&!t.readdir){let e=this.readdirCache.get(t.absolute);if(e?this[fi](t,e):this[us](t),!t.readdir)return}if(t.entry=this[hr](t),!t.entry){t.ignore=!0;return}t===this[Et]&&!t.piped&&this[di](t)}}}[cs](t){return{onwarn:(e,i,r)=>this.warn(e,i,r),noPax:this.noPax,cwd:this.cwd,absolute:t.absolute,preservePaths:this.preservePaths,maxReadSize:this.maxReadSize,strict:this.strict,portable:this.portable,linkCache:this.linkCache,statCache:this.statCache,noMtime:this.noMtime,mtime:this.mtime,prefix:this.prefix,onWriteEntry:this.onWriteEntry}}[hr](t){this[G]+=1;try{return new this[ui](t.path,this[cs](t)).on("end",()=>this[ls](t)).on("error",i=>this.emit("error",i))}catch(e){this.emit("error",e)}}[fs](){this[Et]&&this[Et].entry&&this[Et].entry.resume()}[di](t){t.piped=!0,t.readdir&&t.readdir.forEach(r=>{let n=t.path,o=n==="./"?"":n.replace(/\/*$/,"/");this[ci](o+r)});let e=t.entry,i=this.zip;if(!e)throw new Error("cannot pipe without source");i?e.on("data",r=>{i.write(r)||e.pause()}):e.on("data",r=>{super.write(r)||e.pause()})}pause(){return this.zip&&this.zip.pause(),super.pause()}warn(t,e,i={}){Dt(this,t,e,i)}},kt=class extends wt{sync=!0;constructor(t){super(t),this[ui]=ni}pause(){}resume(){}[ds](t){let e=this.follow?"statSync":"lstatSync";this[li](t,external_fs_namespaceObject[e](t.absolute))}[us](t){this[fi](t,external_fs_namespaceObject.readdirSync(t.absolute))}[di](t){let e=t.entry,i=this.zip;if(t.readdir&&t.readdir.forEach(r=>{let n=t.path,o=n==="./"?"":n.replace(/\/*$/,"/");this[ci](o+r)}),!e)throw new Error("Cannot pipe without source");i?e.on("data",r=>{i.write(r)}):e.on("data",r=>{super[lr](r)})}};var Vn=(s,t)=>{let e=new kt(s),i=new Wt(s.file,{mode:s.mode||438});e.pipe(i),fr(e,t)},$n=(s,t)=>{let e=new wt(s),i=new et(s.file,{mode:s.mode||438});e.pipe(i);let r=new Promise((n,o)=>{i.on("error",o),i.on("close",n),e.on("error",o)});return dr(e,t).catch(n=>e.emit("error",n)),r},fr=(s,t)=>{t.forEach(e=>{e.charAt(0)==="@"?Ct({file:external_node_path_namespaceObject.resolve(s.cwd,e.slice(1)),sync:!0,noResume:!0,onReadEntry:i=>s.add(i)}):s.add(e)}),s.end()},dr=async(s,t)=>{for(let e of t)e.charAt(0)==="@"?await Ct({file:external_node_path_namespaceObject.resolve(String(s.cwd),e.slice(1)),noResume:!0,onReadEntry:i=>{s.add(i)}}):s.add(e);s.end()},Xn=(s,t)=>{let e=new kt(s);return fr(e,t),e},qn=(s,t)=>{let e=new wt(s);return dr(e,t).catch(i=>e.emit("error",i)),e},Qn=K(Vn,$n,Xn,qn,(s,t)=>{if(!t?.length)throw new TypeError("no paths specified to add to archive")});var Jn=process.env.__FAKE_PLATFORM__||process.platform,Er=Jn==="win32",{O_CREAT:wr,O_NOFOLLOW:ur,O_TRUNC:Sr,O_WRONLY:yr}=external_fs_namespaceObject.constants,Rr=Number(process.env.__FAKE_FS_O_FILENAME__)||external_fs_namespaceObject.constants.UV_FS_O_FILEMAP||0,jn=Er&&!!Rr,to=512*1024,eo=Rr|Sr|wr|yr,mr=!Er&&typeof ur=="number"?ur|Sr|wr|yr:null,ms=mr!==null?()=>mr:jn?s=>s<to?eo:"w":()=>"w";var ps=(s,t,e)=>{try{return external_node_fs_namespaceObject.lchownSync(s,t,e)}catch(i){if(i?.code!=="ENOENT")throw i}},Ei=(s,t,e,i)=>{external_node_fs_namespaceObject.lchown(s,t,e,r=>{i(r&&r?.code!=="ENOENT"?r:null)})},io=(s,t,e,i,r)=>{if(t.isDirectory())Es(external_node_path_namespaceObject.resolve(s,t.name),e,i,n=>{if(n)return r(n);let o=external_node_path_namespaceObject.resolve(s,t.name);Ei(o,e,i,r)});else{let n=external_node_path_namespaceObject.resolve(s,t.name);Ei(n,e,i,r)}},Es=(s,t,e,i)=>{external_node_fs_namespaceObject.readdir(s,{withFileTypes:!0},(r,n)=>{if(r){if(r.code==="ENOENT")return i();if(r.code!=="ENOTDIR"&&r.code!=="ENOTSUP")return i(r)}if(r||!n.length)return Ei(s,t,e,i);let o=n.length,h=null,a=l=>{if(!h){if(l)return i(h=l);if(--o===0)return Ei(s,t,e,i)}};for(let l of n)io(s,l,t,e,a)})},so=(s,t,e,i)=>{t.isDirectory()&&ws(external_node_path_namespaceObject.resolve(s,t.name),e,i),ps(external_node_path_namespaceObject.resolve(s,t.name),e,i)},ws=(s,t,e)=>{let i;try{i=external_node_fs_namespaceObject.readdirSync(s,{withFileTypes:!0})}catch(r){let n=r;if(n?.code==="ENOENT")return;if(n?.code==="ENOTDIR"||n?.code==="ENOTSUP")return ps(s,t,e);throw n}for(let r of i)so(s,r,t,e);return ps(s,t,e)};var Se=class extends Error{path;code;syscall="chdir";constructor(t,e){super(`${e}: Cannot cd into '${t}'`),this.path=t,this.code=e}get name(){return"CwdError"}};var St=class extends Error{path;symlink;syscall="symlink";code="TAR_SYMLINK_ERROR";constructor(t,e){super("TAR_SYMLINK_ERROR: Cannot extract through symbolic link"),this.symlink=t,this.path=e}get name(){return"SymlinkError"}};var no=(s,t)=>{external_node_fs_namespaceObject.stat(s,(e,i)=>{(e||!i.isDirectory())&&(e=new Se(s,e?.code||"ENOTDIR")),t(e)})},gr=(s,t,e)=>{s=f(s);let i=t.umask??18,r=t.mode|448,n=(r&i)!==0,o=t.uid,h=t.gid,a=typeof o=="number"&&typeof h=="number"&&(o!==t.processUid||h!==t.processGid),l=t.preserve,c=t.unlink,d=f(t.cwd),y=(E,x)=>{E?e(E):x&&a?Es(x,o,h,Le=>y(Le)):n?external_node_fs_namespaceObject.chmod(s,r,e):e()};if(s===d)return no(s,y);if(l)return promises_namespaceObject.mkdir(s,{mode:r,recursive:!0}).then(E=>y(null,E??void 0),y);let D=f(external_node_path_namespaceObject.relative(d,s)).split("/");Ss(d,D,r,c,d,void 0,y)},Ss=(s,t,e,i,r,n,o)=>{if(t.length===0)return o(null,n);let h=t.shift(),a=f(external_node_path_namespaceObject.resolve(s+"/"+h));external_node_fs_namespaceObject.mkdir(a,e,br(a,t,e,i,r,n,o))},br=(s,t,e,i,r,n,o)=>h=>{h?external_node_fs_namespaceObject.lstat(s,(a,l)=>{if(a)a.path=a.path&&f(a.path),o(a);else if(l.isDirectory())Ss(s,t,e,i,r,n,o);else if(i)external_node_fs_namespaceObject.unlink(s,c=>{if(c)return o(c);external_node_fs_namespaceObject.mkdir(s,e,br(s,t,e,i,r,n,o))});else{if(l.isSymbolicLink())return o(new St(s,s+"/"+t.join("/")));o(h)}}):(n=n||s,Ss(s,t,e,i,r,n,o))},oo=s=>{let t=!1,e;try{t=external_node_fs_namespaceObject.statSync(s).isDirectory()}catch(i){e=i?.code}finally{if(!t)throw new Se(s,e??"ENOTDIR")}},_r=(s,t)=>{s=f(s);let e=t.umask??18,i=t.mode|448,r=(i&e)!==0,n=t.uid,o=t.gid,h=typeof n=="number"&&typeof o=="number"&&(n!==t.processUid||o!==t.processGid),a=t.preserve,l=t.unlink,c=f(t.cwd),d=E=>{E&&h&&ws(E,n,o),r&&external_node_fs_namespaceObject.chmodSync(s,i)};if(s===c)return oo(c),d();if(a)return d(external_node_fs_namespaceObject.mkdirSync(s,{mode:i,recursive:!0})??void 0);let T=f(external_node_path_namespaceObject.relative(c,s)).split("/"),D;for(let E=T.shift(),x=c;E&&(x+="/"+E);E=T.shift()){x=f(external_node_path_namespaceObject.resolve(x));try{external_node_fs_namespaceObject.mkdirSync(x,i),D=D||x}catch{let Le=external_node_fs_namespaceObject.lstatSync(x);if(Le.isDirectory())continue;if(l){external_node_fs_namespaceObject.unlinkSync(x),external_node_fs_namespaceObject.mkdirSync(x,i),D=D||x;continue}else if(Le.isSymbolicLink())return new St(x,x+"/"+T.join("/"))}}return d(D)};var ys=Object.create(null),Or=1e4,Vt=new Set,Tr=s=>{Vt.has(s)?Vt.delete(s):ys[s]=s.normalize("NFD").toLocaleLowerCase("en").toLocaleUpperCase("en"),Vt.add(s);let t=ys[s],e=Vt.size-Or;if(e>Or/10){for(let i of Vt)if(Vt.delete(i),delete ys[i],--e<=0)break}return t};var ho=process.env.TESTING_TAR_FAKE_PLATFORM||process.platform,ao=ho==="win32",lo=s=>s.split("/").slice(0,-1).reduce((e,i)=>{let r=e.at(-1);return r!==void 0&&(i=(0,external_node_path_namespaceObject.join)(r,i)),e.push(i||"/"),e},[]),yi=class{#t=new Map;#i=new Map;#s=new Set;reserve(t,e){t=ao?["win32 parallelization disabled"]:t.map(r=>mt((0,external_node_path_namespaceObject.join)(Tr(r))));let i=new Set(t.map(r=>lo(r)).reduce((r,n)=>r.concat(n)));this.#i.set(e,{dirs:i,paths:t});for(let r of t){let n=this.#t.get(r);n?n.push(e):this.#t.set(r,[e])}for(let r of i){let n=this.#t.get(r);if(!n)this.#t.set(r,[new Set([e])]);else{let o=n.at(-1);o instanceof Set?o.add(e):n.push(new Set([e]))}}return this.#r(e)}#n(t){let e=this.#i.get(t);if(!e)throw new Error("function does not have any path reservations");return{paths:e.paths.map(i=>this.#t.get(i)),dirs:[...e.dirs].map(i=>this.#t.get(i))}}check(t){let{paths:e,dirs:i}=this.#n(t);return e.every(r=>r&&r[0]===t)&&i.every(r=>r&&r[0]instanceof Set&&r[0].has(t))}#r(t){return this.#s.has(t)||!this.check(t)?!1:(this.#s.add(t),t(()=>this.#e(t)),!0)}#e(t){if(!this.#s.has(t))return!1;let e=this.#i.get(t);if(!e)throw new Error("invalid reservation");let{paths:i,dirs:r}=e,n=new Set;for(let o of i){let h=this.#t.get(o);if(!h||h?.[0]!==t)continue;let a=h[1];if(!a){this.#t.delete(o);continue}if(h.shift(),typeof a=="function")n.add(a);else for(let l of a)n.add(l)}for(let o of r){let h=this.#t.get(o),a=h?.[0];if(!(!h||!(a instanceof Set)))if(a.size===1&&h.length===1){this.#t.delete(o);continue}else if(a.size===1){h.shift();let l=h[0];typeof l=="function"&&n.add(l)}else a.delete(t)}return this.#s.delete(t),n.forEach(o=>this.#r(o)),!0}};var Lr=()=>process.umask();var Dr=Symbol("onEntry"),_s=Symbol("checkFs"),Nr=Symbol("checkFs2"),Os=Symbol("isReusable"),P=Symbol("makeFs"),Ts=Symbol("file"),xs=Symbol("directory"),gi=Symbol("link"),Ar=Symbol("symlink"),Ir=Symbol("hardlink"),Re=Symbol("ensureNoSymlink"),Cr=Symbol("unsupported"),Fr=Symbol("checkPath"),Rs=Symbol("stripAbsolutePath"),yt=Symbol("mkdir"),O=Symbol("onError"),Ri=Symbol("pending"),kr=Symbol("pend"),$t=Symbol("unpend"),gs=Symbol("ended"),bs=Symbol("maybeClose"),Ls=Symbol("skip"),ge=Symbol("doChown"),be=Symbol("uid"),_e=Symbol("gid"),Oe=Symbol("checkedCwd"),fo=process.env.TESTING_TAR_FAKE_PLATFORM||process.platform,Te=fo==="win32",uo=1024,mo=(s,t)=>{if(!Te)return external_node_fs_namespaceObject.unlink(s,t);let e=s+".DELETE."+(0,external_node_crypto_namespaceObject.randomBytes)(16).toString("hex");external_node_fs_namespaceObject.rename(s,e,i=>{if(i)return t(i);external_node_fs_namespaceObject.unlink(e,t)})},po=s=>{if(!Te)return external_node_fs_namespaceObject.unlinkSync(s);let t=s+".DELETE."+(0,external_node_crypto_namespaceObject.randomBytes)(16).toString("hex");external_node_fs_namespaceObject.renameSync(s,t),external_node_fs_namespaceObject.unlinkSync(t)},vr=(s,t,e)=>s!==void 0&&s===s>>>0?s:t!==void 0&&t===t>>>0?t:e,Xt=class extends rt{[gs]=!1;[Oe]=!1;[Ri]=0;reservations=new yi;transform;writable=!0;readable=!1;uid;gid;setOwner;preserveOwner;processGid;processUid;maxDepth;forceChown;win32;newer;keep;noMtime;preservePaths;unlink;cwd;strip;processUmask;umask;dmode;fmode;chmod;constructor(t={}){if(t.ondone=()=>{this[gs]=!0,this[bs]()},super(t),this.transform=t.transform,this.chmod=!!t.chmod,typeof t.uid=="number"||typeof t.gid=="number"){if(typeof t.uid!="number"||typeof t.gid!="number")throw new TypeError("cannot set owner without number uid and gid");if(t.preserveOwner)throw new TypeError("cannot preserve owner in archive and also set owner explicitly");this.uid=t.uid,this.gid=t.gid,this.setOwner=!0}else this.uid=void 0,this.gid=void 0,this.setOwner=!1;this.preserveOwner=t.preserveOwner===void 0&&typeof t.uid!="number"?process.getuid?.()===0:!!t.preserveOwner,this.processUid=(this.preserveOwner||this.setOwner)&&process.getuid?process.getuid():void 0,this.processGid=(this.preserveOwner||this.setOwner)&&process.getgid?process.getgid():void 0,this.maxDepth=typeof t.maxDepth=="number"?t.maxDepth:uo,this.forceChown=t.forceChown===!0,this.win32=!!t.win32||Te,this.newer=!!t.newer,this.keep=!!t.keep,this.noMtime=!!t.noMtime,this.preservePaths=!!t.preservePaths,this.unlink=!!t.unlink,this.cwd=f(external_node_path_namespaceObject.resolve(t.cwd||process.cwd())),this.strip=Number(t.strip)||0,this.processUmask=this.chmod?typeof t.processUmask=="number"?t.processUmask:Lr():0,this.umask=typeof t.umask=="number"?t.umask:this.processUmask,this.dmode=t.dmode||511&~this.umask,this.fmode=t.fmode||438&~this.umask,this.on("entry",e=>this[Dr](e))}warn(t,e,i={}){return(t==="TAR_BAD_ARCHIVE"||t==="TAR_ABORT")&&(i.recoverable=!1),super.warn(t,e,i)}[bs](){this[gs]&&this[Ri]===0&&(this.emit("prefinish"),this.emit("finish"),this.emit("end"))}[Rs](t,e){let i=t[e],{type:r}=t;if(!i||this.preservePaths)return!0;let[n,o]=ce(i),h=o.replaceAll(/\\/g,"/").split("/");if(h.includes("..")||Te&&/^[a-z]:\.\.$/i.test(h[0]??"")){if(e==="path"||r==="Link")return this.warn("TAR_ENTRY_ERROR",`${e} contains '..'`,{entry:t,[e]:i}),!1;let a=external_node_path_namespaceObject.posix.dirname(t.path),l=external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(a,h.join("/")));if(l.startsWith("../")||l==="..")return this.warn("TAR_ENTRY_ERROR",`${e} escapes extraction directory`,{entry:t,[e]:i}),!1}return n&&(t[e]=String(o),this.warn("TAR_ENTRY_INFO",`stripping ${n} from absolute ${e}`,{entry:t,[e]:i})),!0}[Fr](t){let e=f(t.path),i=e.split("/");if(this.strip){if(i.length<this.strip)return!1;if(t.type==="Link"){let r=f(String(t.linkpath)).split("/");if(r.length>=this.strip)t.linkpath=r.slice(this.strip).join("/");else return!1}i.splice(0,this.strip),t.path=i.join("/")}if(isFinite(this.maxDepth)&&i.length>this.maxDepth)return this.warn("TAR_ENTRY_ERROR","path excessively deep",{entry:t,path:e,depth:i.length,maxDepth:this.maxDepth}),!1;if(!this[Rs](t,"path")||!this[Rs](t,"linkpath"))return!1;if(t.absolute=external_node_path_namespaceObject.isAbsolute(t.path)?f(external_node_path_namespaceObject.resolve(t.path)):f(external_node_path_namespaceObject.resolve(this.cwd,t.path)),!this.preservePaths&&typeof t.absolute=="string"&&t.absolute.indexOf(this.cwd+"/")!==0&&t.absolute!==this.cwd)return this.warn("TAR_ENTRY_ERROR","path escaped extraction target",{entry:t,path:f(t.path),resolvedPath:t.absolute,cwd:this.cwd}),!1;if(t.absolute===this.cwd&&t.type!=="Directory"&&t.type!=="GNUDumpDir")return!1;if(this.win32){let{root:r}=external_node_path_namespaceObject.win32.parse(String(t.absolute));t.absolute=r+ts(String(t.absolute).slice(r.length));let{root:n}=external_node_path_namespaceObject.win32.parse(t.path);t.path=n+ts(t.path.slice(n.length))}return!0}[Dr](t){if(!this[Fr](t))return t.resume();switch(external_node_assert_namespaceObject.equal(typeof t.absolute,"string"),t.type){case"Directory":case"GNUDumpDir":t.mode&&(t.mode=t.mode|448);case"File":case"OldFile":case"ContiguousFile":case"Link":case"SymbolicLink":return this[_s](t);default:return this[Cr](t)}}[O](t,e){t.name==="CwdError"?this.emit("error",t):(this.warn("TAR_ENTRY_ERROR",t,{entry:e}),this[$t](),e.resume())}[yt](t,e,i){gr(f(t),{uid:this.uid,gid:this.gid,processUid:this.processUid,processGid:this.processGid,umask:this.processUmask,preserve:this.preservePaths,unlink:this.unlink,cwd:this.cwd,mode:e},i)}[ge](t){return this.forceChown||this.preserveOwner&&(typeof t.uid=="number"&&t.uid!==this.processUid||typeof t.gid=="number"&&t.gid!==this.processGid)||typeof this.uid=="number"&&this.uid!==this.processUid||typeof this.gid=="number"&&this.gid!==this.processGid}[be](t){return vr(this.uid,t.uid,this.processUid)}[_e](t){return vr(this.gid,t.gid,this.processGid)}[Ts](t,e){let i=typeof t.mode=="number"?t.mode&4095:this.fmode,r=new et(String(t.absolute),{flags:ms(t.size),mode:i,autoClose:!1});r.on("error",a=>{r.fd&&external_node_fs_namespaceObject.close(r.fd,()=>{}),r.write=()=>!0,this[O](a,t),e()});let n=1,o=a=>{if(a){r.fd&&external_node_fs_namespaceObject.close(r.fd,()=>{}),this[O](a,t),e();return}--n===0&&r.fd!==void 0&&external_node_fs_namespaceObject.close(r.fd,l=>{l?this[O](l,t):this[$t](),e()})};r.on("finish",()=>{let a=String(t.absolute),l=r.fd;if(typeof l=="number"&&t.mtime&&!this.noMtime){n++;let c=t.atime||new Date,d=t.mtime;external_node_fs_namespaceObject.futimes(l,c,d,y=>y?external_node_fs_namespaceObject.utimes(a,c,d,T=>o(T&&y)):o())}if(typeof l=="number"&&this[ge](t)){n++;let c=this[be](t),d=this[_e](t);typeof c=="number"&&typeof d=="number"&&external_node_fs_namespaceObject.fchown(l,c,d,y=>y?external_node_fs_namespaceObject.chown(a,c,d,T=>o(T&&y)):o())}o()});let h=this.transform&&this.transform(t)||t;h!==t&&(h.on("error",a=>{this[O](a,t),e()}),t.pipe(h)),h.pipe(r)}[xs](t,e){let i=typeof t.mode=="number"?t.mode&4095:this.dmode;this[yt](String(t.absolute),i,r=>{if(r){this[O](r,t),e();return}let n=1,o=()=>{--n===0&&(e(),this[$t](),t.resume())};t.mtime&&!this.noMtime&&(n++,external_node_fs_namespaceObject.utimes(String(t.absolute),t.atime||new Date,t.mtime,o)),this[ge](t)&&(n++,external_node_fs_namespaceObject.chown(String(t.absolute),Number(this[be](t)),Number(this[_e](t)),o)),o()})}[Cr](t){t.unsupported=!0,this.warn("TAR_ENTRY_UNSUPPORTED",`unsupported entry type: ${t.type}`,{entry:t}),t.resume()}[Ar](t,e){let i=f(external_node_path_namespaceObject.relative(this.cwd,external_node_path_namespaceObject.resolve(external_node_path_namespaceObject.dirname(String(t.absolute)),String(t.linkpath)))).split("/");this[Re](t,this.cwd,i,()=>this[gi](t,String(t.linkpath),"symlink",e),r=>{this[O](r,t),e()})}[Ir](t,e){let i=f(external_node_path_namespaceObject.resolve(this.cwd,String(t.linkpath))),r=f(String(t.linkpath)).split("/");this[Re](t,this.cwd,r,()=>this[gi](t,i,"link",e),n=>{this[O](n,t),e()})}[Re](t,e,i,r,n){let o=i.shift();if(this.preservePaths||o===void 0)return r();let h=external_node_path_namespaceObject.resolve(e,o);external_node_fs_namespaceObject.lstat(h,(a,l)=>{if(a)return r();if(l?.isSymbolicLink())return n(new St(h,external_node_path_namespaceObject.resolve(h,i.join("/"))));this[Re](t,h,i,r,n)})}[kr](){this[Ri]++}[$t](){this[Ri]--,this[bs]()}[Ls](t){this[$t](),t.resume()}[Os](t,e){return t.type==="File"&&!this.unlink&&e.isFile()&&e.nlink<=1&&!Te}[_s](t){this[kr]();let e=[t.path];t.linkpath&&e.push(t.linkpath),this.reservations.reserve(e,i=>this[Nr](t,i))}[Nr](t,e){let i=h=>{e(h)},r=()=>{this[yt](this.cwd,this.dmode,h=>{if(h){this[O](h,t),i();return}this[Oe]=!0,n()})},n=()=>{if(t.absolute!==this.cwd){let h=f(external_node_path_namespaceObject.dirname(String(t.absolute)));if(h!==this.cwd)return this[yt](h,this.dmode,a=>{if(a){this[O](a,t),i();return}o()})}o()},o=()=>{external_node_fs_namespaceObject.lstat(String(t.absolute),(h,a)=>{if(a&&(this.keep||this.newer&&a.mtime>(t.mtime??a.mtime))){this[Ls](t),i();return}if(h||this[Os](t,a))return this[P](null,t,i);if(a.isDirectory()){if(t.type==="Directory"){let l=this.chmod&&t.mode&&(a.mode&4095)!==t.mode,c=d=>this[P](d??null,t,i);return l?external_node_fs_namespaceObject.chmod(String(t.absolute),Number(t.mode),c):c()}if(t.absolute!==this.cwd)return external_node_fs_namespaceObject.rmdir(String(t.absolute),l=>this[P](l??null,t,i))}if(t.absolute===this.cwd)return this[P](null,t,i);mo(String(t.absolute),l=>this[P](l??null,t,i))})};this[Oe]?n():r()}[P](t,e,i){if(t){this[O](t,e),i();return}switch(e.type){case"File":case"OldFile":case"ContiguousFile":return this[Ts](e,i);case"Link":return this[Ir](e,i);case"SymbolicLink":return this[Ar](e,i);case"Directory":case"GNUDumpDir":return this[xs](e,i)}}[gi](t,e,i,r){external_node_fs_namespaceObject[i](e,String(t.absolute),n=>{n?this[O](n,t):(this[$t](),t.resume()),r()})}},ye=s=>{try{return[null,s()]}catch(t){return[t,null]}},xe=class extends Xt{sync=!0;[P](t,e){return super[P](t,e,()=>{})}[_s](t){if(!this[Oe]){let n=this[yt](this.cwd,this.dmode);if(n)return this[O](n,t);this[Oe]=!0}if(t.absolute!==this.cwd){let n=f(external_node_path_namespaceObject.dirname(String(t.absolute)));if(n!==this.cwd){let o=this[yt](n,this.dmode);if(o)return this[O](o,t)}}let[e,i]=ye(()=>external_node_fs_namespaceObject.lstatSync(String(t.absolute)));if(i&&(this.keep||this.newer&&i.mtime>(t.mtime??i.mtime)))return this[Ls](t);if(e||this[Os](t,i))return this[P](null,t);if(i.isDirectory()){if(t.type==="Directory"){let o=this.chmod&&t.mode&&(i.mode&4095)!==t.mode,[h]=o?ye(()=>{external_node_fs_namespaceObject.chmodSync(String(t.absolute),Number(t.mode))}):[];return this[P](h,t)}let[n]=ye(()=>external_node_fs_namespaceObject.rmdirSync(String(t.absolute)));this[P](n,t)}let[r]=t.absolute===this.cwd?[]:ye(()=>po(String(t.absolute)));this[P](r,t)}[Ts](t,e){let i=typeof t.mode=="number"?t.mode&4095:this.fmode,r=h=>{let a;try{external_node_fs_namespaceObject.closeSync(n)}catch(l){a=l}(h||a)&&this[O](h||a,t),e()},n;try{n=external_node_fs_namespaceObject.openSync(String(t.absolute),ms(t.size),i)}catch(h){return r(h)}let o=this.transform&&this.transform(t)||t;o!==t&&(o.on("error",h=>this[O](h,t)),t.pipe(o)),o.on("data",h=>{try{external_node_fs_namespaceObject.writeSync(n,h,0,h.length)}catch(a){r(a)}}),o.on("end",()=>{let h=null;if(t.mtime&&!this.noMtime){let a=t.atime||new Date,l=t.mtime;try{external_node_fs_namespaceObject.futimesSync(n,a,l)}catch(c){try{external_node_fs_namespaceObject.utimesSync(String(t.absolute),a,l)}catch{h=c}}}if(this[ge](t)){let a=this[be](t),l=this[_e](t);try{external_node_fs_namespaceObject.fchownSync(n,Number(a),Number(l))}catch(c){try{external_node_fs_namespaceObject.chownSync(String(t.absolute),Number(a),Number(l))}catch{h=h||c}}}r(h)})}[xs](t,e){let i=typeof t.mode=="number"?t.mode&4095:this.dmode,r=this[yt](String(t.absolute),i);if(r){this[O](r,t),e();return}if(t.mtime&&!this.noMtime)try{external_node_fs_namespaceObject.utimesSync(String(t.absolute),t.atime||new Date,t.mtime)}catch{}if(this[ge](t))try{external_node_fs_namespaceObject.chownSync(String(t.absolute),Number(this[be](t)),Number(this[_e](t)))}catch{}e(),t.resume()}[yt](t,e){try{return _r(f(t),{uid:this.uid,gid:this.gid,processUid:this.processUid,processGid:this.processGid,umask:this.processUmask,preserve:this.preservePaths,unlink:this.unlink,cwd:this.cwd,mode:e})}catch(i){return i}}[Re](t,e,i,r,n){if(this.preservePaths||i.length===0)return r();let o=e;for(let h of i){o=external_node_path_namespaceObject.resolve(o,h);let[a,l]=ye(()=>external_node_fs_namespaceObject.lstatSync(o));if(a)return r();if(l.isSymbolicLink())return n(new St(o,external_node_path_namespaceObject.resolve(e,i.join("/"))))}r()}[gi](t,e,i,r){let n=`${i}Sync`;try{external_node_fs_namespaceObject[n](e,String(t.absolute)),r(),t.resume()}catch(o){return this[O](o,t)}}};var Eo=s=>{let t=new xe(s),e=s.file,i=external_node_fs_namespaceObject.statSync(e),r=s.maxReadSize||16*1024*1024;new Be(e,{readSize:r,size:i.size}).pipe(t)},wo=(s,t)=>{let e=new Xt(s),i=s.maxReadSize||16*1024*1024,r=s.file;return new Promise((o,h)=>{e.on("error",h),e.on("close",o),external_node_fs_namespaceObject.stat(r,(a,l)=>{if(a)h(a);else{let c=new _t(r,{readSize:i,size:l.size});c.on("error",h),c.pipe(e)}})})},So=K(Eo,wo,s=>new xe(s),s=>new Xt(s),(s,t)=>{t?.length&&Qi(s,t)});var yo=(s,t)=>{let e=new kt(s),i=!0,r,n;try{try{r=external_node_fs_namespaceObject.openSync(s.file,"r+")}catch(a){if(a?.code==="ENOENT")r=external_node_fs_namespaceObject.openSync(s.file,"w+");else throw a}let o=external_node_fs_namespaceObject.fstatSync(r),h=Buffer.alloc(512);t:for(n=0;n<o.size;n+=512){for(let c=0,d=0;c<512;c+=d){if(d=external_node_fs_namespaceObject.readSync(r,h,c,h.length-c,n+c),n===0&&h[0]===31&&h[1]===139)throw new Error("cannot append to compressed archives");if(!d)break t}let a=new F(h);if(!a.cksumValid)break;let l=512*Math.ceil((a.size||0)/512);if(n+l+512>o.size)break;n+=l,s.mtimeCache&&a.mtime&&s.mtimeCache.set(String(a.path),a.mtime)}i=!1,Ro(s,e,n,r,t)}finally{if(i)try{external_node_fs_namespaceObject.closeSync(r)}catch{}}},Ro=(s,t,e,i,r)=>{let n=new Wt(s.file,{fd:i,start:e});t.pipe(n),bo(t,r)},go=(s,t)=>{t=Array.from(t);let e=new wt(s),i=(n,o,h)=>{let a=(T,D)=>{T?external_node_fs_namespaceObject.close(n,E=>h(T)):h(null,D)},l=0;if(o===0)return a(null,0);let c=0,d=Buffer.alloc(512),y=(T,D)=>{if(T||D===void 0)return a(T);if(c+=D,c<512&&D)return external_node_fs_namespaceObject.read(n,d,c,d.length-c,l+c,y);if(l===0&&d[0]===31&&d[1]===139)return a(new Error("cannot append to compressed archives"));if(c<512)return a(null,l);let E=new F(d);if(!E.cksumValid)return a(null,l);let x=512*Math.ceil((E.size??0)/512);if(l+x+512>o||(l+=x+512,l>=o))return a(null,l);s.mtimeCache&&E.mtime&&s.mtimeCache.set(String(E.path),E.mtime),c=0,external_node_fs_namespaceObject.read(n,d,0,512,l,y)};external_node_fs_namespaceObject.read(n,d,0,512,l,y)};return new Promise((n,o)=>{e.on("error",o);let h="r+",a=(l,c)=>{if(l&&l.code==="ENOENT"&&h==="r+")return h="w+",external_node_fs_namespaceObject.open(s.file,h,a);if(l||!c)return o(l);external_node_fs_namespaceObject.fstat(c,(d,y)=>{if(d)return external_node_fs_namespaceObject.close(c,()=>o(d));i(c,y.size,(T,D)=>{if(T)return o(T);let E=new et(s.file,{fd:c,start:D});e.pipe(E),E.on("error",o),E.on("close",n),_o(e,t)})})};external_node_fs_namespaceObject.open(s.file,h,a)})},bo=(s,t)=>{t.forEach(e=>{e.charAt(0)==="@"?Ct({file:external_node_path_namespaceObject.resolve(s.cwd,e.slice(1)),sync:!0,noResume:!0,onReadEntry:i=>s.add(i)}):s.add(e)}),s.end()},_o=async(s,t)=>{for(let e of t)e.charAt(0)==="@"?await Ct({file:external_node_path_namespaceObject.resolve(String(s.cwd),e.slice(1)),noResume:!0,onReadEntry:i=>s.add(i)}):s.add(e);s.end()},vt=K(yo,go,()=>{throw new TypeError("file is required")},()=>{throw new TypeError("file is required")},(s,t)=>{if(!Bs(s))throw new TypeError("file is required");if(s.gzip||s.brotli||s.zstd||s.file.endsWith(".br")||s.file.endsWith(".tbr"))throw new TypeError("cannot append to compressed archives");if(!t?.length)throw new TypeError("no paths specified to add/replace")});var Oo=K(vt.syncFile,vt.asyncFile,vt.syncNoFile,vt.asyncNoFile,(s,t=[])=>{vt.validate?.(s,t),To(s)}),To=s=>{let t=s.filter;s.mtimeCache||(s.mtimeCache=new Map),s.filter=t?(e,i)=>t(e,i)&&!((s.mtimeCache?.get(e)??i.mtime??0)>(i.mtime??0)):(e,i)=>!((s.mtimeCache?.get(e)??i.mtime??0)>(i.mtime??0))};
//# sourceMappingURL=index.min.js.map

;// CONCATENATED MODULE: ./src/cache/remote/remote-record.ts



/** Logs up to this size travel inside the record; longer ones are blobs named by their SHA-256. */
const INLINE_LOG_LIMIT = 64 * 1024;
/** The record's name on the server: versioned, so a format change never reads old records. */
function recordId(key) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(`disbuild-remote-v1\0${key}`).digest('hex');
}
const HEX64 = /^[0-9a-f]{64}$/;
/** Parses and checks a record fetched for `key`: anything unexpected makes it unusable. */
function parseRecord(bytes, key) {
    let r;
    try {
        r = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return result_err('the record is not JSON');
    }
    if (typeof r !== 'object' || r === null || r.version !== 1)
        return result_err('the record has an unknown version');
    if (r.key !== key || r.manifest?.key !== key)
        return result_err('the record names another key');
    const a = r.archive;
    if (!a || typeof a.sha256 !== 'string' || !HEX64.test(a.sha256) || !isSize(a.size))
        return result_err('the record names no valid archive');
    const m = r.manifest;
    if (!HEX64.test(String(m.stdoutSha256)) || !HEX64.test(String(m.stderrSha256)) || !isSize(m.durationMs))
        return result_err('the record has a malformed manifest');
    if (!Array.isArray(m.entries))
        return result_err('the record has no file list');
    const seen = new Set();
    for (const e of m.entries) {
        const problem = entryProblem(e);
        if (problem)
            return result_err(problem);
        if (seen.has(e.path))
            return result_err(`the file list names ${JSON.stringify(e.path)} twice`);
        seen.add(e.path);
    }
    for (const name of ['stdout', 'stderr']) {
        if (r[name] !== undefined && typeof r[name] !== 'string')
            return result_err(`the record's ${name} is malformed`);
    }
    return result_ok(r);
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
            return undefined;
        case 'file':
            if (e.mode !== 0o644 && e.mode !== 0o755)
                return `the file list gives ${label} a bad mode`;
            return HEX64.test(String(e.sha256)) ? undefined : `the file list gives ${label} a bad digest`;
        case 'symlink': {
            const target = typeof e.target === 'string' ? e.target : '';
            const resolved = external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.dirname(path), target));
            if (target === '' ||
                target.startsWith('/') ||
                target.includes('\0') ||
                resolved === '..' ||
                resolved.startsWith('../'))
                return `the file list has a link ${label} that points outside the output`;
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

;// CONCATENATED MODULE: ./src/cache/remote/archive.ts










/** Archives up to this size are kept in memory between packing and uploading; bigger ones go to a file. */
const IN_MEMORY_ARCHIVE = 4 * 1024 * 1024;
/**
 * Packs the tree at `dir` (exactly the manifest's entries, in its order) as a gzipped tar, streaming, and answers
 * the archive's SHA-256 and size. Portable and without times, so equal trees give equal archives. The tar is
 * written uncompressed and gzipped by Node's zlib in large chunks on its thread pool: the tar library's own
 * gzip compresses each small write synchronously on the main thread, where the run's jobs are handled.
 */
async function packArchive(dir, manifest, spillFile) {
    const paths = ['.', ...manifest.entries.map((e) => e.path)];
    const tar = Qn({ cwd: dir, portable: true, noDirRecurse: true, mtime: new Date(0) }, paths);
    const digest = new Digest();
    const sink = new SpillSink(spillFile, IN_MEMORY_ARCHIVE);
    await (0,external_node_stream_promises_namespaceObject.pipeline)(tar, new AdaptiveGzip(), digest, sink);
    const bytes = sink.bytes();
    return { sha256: digest.hex(), size: digest.size, ...(bytes ? { bytes } : {}) };
}
/** Writes the archive of the tree at `dir` to `file` (see `packArchive`). */
async function packTree(dir, manifest, file) {
    const a = await packArchive(dir, manifest, file);
    if (a.bytes)
        await writeFile(file, a.bytes);
    return { sha256: a.sha256, size: a.size };
}
/** How much of an archive's start decides how it is compressed. */
const SAMPLE = 8 * 1024;
/** Level 1 shrinking the sample less than this much says the data has few repeats to find. */
const FEW_REPEATS = 0.65;
/**
 * gzip at level 1, or Huffman coding alone for data with few repeats. Deflate spends most of its time looking
 * for repeats, and in random-looking data (compressed files, base64, digests) it finds almost none: there,
 * Huffman coding alone gives the same size for a third of the CPU. Code and text keep level 1, which shrinks
 * them several times more. The archive's first bytes decide, so the same tree still gives the same archive.
 */
class AdaptiveGzip extends external_node_stream_namespaceObject.Transform {
    #head = [];
    #headSize = 0;
    #gzip;
    _transform(chunk, _enc, cb) {
        if (this.#gzip) {
            this.#gzip.write(chunk, (e) => cb(e));
            return;
        }
        this.#head.push(chunk);
        this.#headSize += chunk.length;
        if (this.#headSize < SAMPLE) {
            cb();
            return;
        }
        this.#start().write(Buffer.concat(this.#head), (e) => cb(e));
        this.#head = [];
    }
    _flush(cb) {
        const gzip = this.#gzip ?? this.#start();
        if (this.#head.length > 0)
            gzip.write(Buffer.concat(this.#head));
        this.#head = [];
        gzip.once('end', () => cb());
        gzip.end();
    }
    #start() {
        const head = Buffer.concat(this.#head);
        const sample = head.subarray(0, SAMPLE);
        const fewRepeats = sample.length >= SAMPLE &&
            (0,external_node_zlib_namespaceObject.deflateRawSync)(sample, { level: external_node_zlib_namespaceObject.constants.Z_BEST_SPEED }).length > FEW_REPEATS * sample.length;
        const gzip = (0,external_node_zlib_namespaceObject.createGzip)({
            level: external_node_zlib_namespaceObject.constants.Z_BEST_SPEED,
            chunkSize: 64 * 1024,
            ...(fewRepeats ? { strategy: external_node_zlib_namespaceObject.constants.Z_HUFFMAN_ONLY } : {}),
        });
        gzip.on('data', (c) => this.push(c));
        gzip.on('error', (e) => this.destroy(e));
        this.#head = [head];
        this.#gzip = gzip;
        return gzip;
    }
}
/** Keeps what is written in memory up to `limit` bytes, then moves it all to `file` and streams the rest there. */
class SpillSink extends external_node_stream_namespaceObject.Writable {
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
            this.#out = (0,external_node_fs_namespaceObject.createWriteStream)(this.#file, { flags: 'wx' });
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
class Digest extends external_node_stream_namespaceObject.Transform {
    #h = (0,external_node_crypto_namespaceObject.createHash)('sha256');
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
 * Extracts an archive stream into `dest` (an existing, empty, private directory), checking as it goes:
 * every member must be an entry of the (already checked) manifest with the same type, size and SHA-256; links
 * are created last, from the manifest, so no write ever goes through one; the archive's own size and SHA-256
 * must match the record. On failure `dest` holds partial files that the caller removes; nothing is written
 * elsewhere, whatever the archive holds.
 */
async function unpackTree(body, dest, manifest, archive) {
    const want = new Map(manifest.entries.map((e) => [e.path, e]));
    const seen = new Set();
    const made = new Set();
    const writes = [];
    let problem;
    // A member whose bytes stop coming (a truncated or corrupt body) would keep its write waiting forever.
    const stop = new AbortController();
    const parser = new rt({
        strict: true,
        onReadEntry: (entry) => {
            const p = checkMember(entry, want, seen);
            if (typeof p === 'string') {
                problem ??= p;
                entry.resume();
                return;
            }
            if (p === undefined) {
                entry.resume();
                return;
            }
            writes.push(writeMember(entry, dest, p, stop.signal, made));
        },
    });
    parser.on('warn', (_code, message) => (problem ??= `bad archive: ${message}`));
    parser.on('error', (e) => (problem ??= `bad archive: ${e.message}`));
    const digest = new Digest();
    try {
        await (0,external_node_stream_promises_namespaceObject.pipeline)(body, digest, (0,external_node_zlib_namespaceObject.createGunzip)({ chunkSize: 256 * 1024 }), async (source) => {
            for await (const chunk of source) {
                if (problem)
                    throw new Error(problem);
                if (!parser.write(chunk))
                    await new Promise((r) => parser.once('drain', r));
            }
            await new Promise((r) => {
                parser.once('end', () => r());
                parser.end();
            });
        });
    }
    catch (e) {
        problem ??= `the download failed: ${e.message}`;
    }
    if (problem)
        stop.abort();
    for (const w of await Promise.all(writes))
        problem ??= w;
    if (problem)
        return result_err(problem);
    if (digest.size !== archive.size || digest.hex() !== archive.sha256)
        return result_err(`the archive does not match its record (${digest.size} of ${archive.size} bytes)`);
    for (const e of manifest.entries) {
        if (e.type !== 'symlink' && !seen.has(e.path))
            return result_err(`${e.path} is missing from the archive`);
    }
    for (const e of manifest.entries) {
        if (e.type !== 'symlink')
            continue;
        await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)((0,external_node_path_namespaceObject.join)(dest, e.path)), { recursive: true });
        await (0,promises_namespaceObject.symlink)(e.target, (0,external_node_path_namespaceObject.join)(dest, e.path));
    }
    return result_ok(undefined);
}
/**
 * The manifest entry a member stands for; undefined for members to skip (the root, links, which are made from
 * the manifest); a message for members that must not be there.
 */
function checkMember(entry, want, seen) {
    const path = entry.path.replace(/^\.\//, '').replace(/\/$/, '');
    if (path === '.' || path === '')
        return entry.type === 'Directory' ? undefined : 'bad archive root';
    const label = JSON.stringify(path);
    const e = want.get(path);
    if (!isSafeRelative(path) || !e)
        return `the archive holds ${label}, which the manifest does not list`;
    if (seen.has(path))
        return `the archive holds ${label} twice`;
    seen.add(path);
    const type = entry.type === 'Directory'
        ? 'dir'
        : entry.type === 'SymbolicLink'
            ? 'symlink'
            : entry.type === 'File' || entry.type === 'OldFile' || entry.type === 'ContiguousFile'
                ? 'file'
                : 'other';
    if (type !== e.type)
        return `the archive holds ${label} as a ${entry.type}, not a ${e.type}`;
    if (type === 'symlink')
        return entry.linkpath === e.target ? undefined : `the link ${label} differs from the manifest`;
    if (type === 'file' && entry.size !== e.size)
        return `${label} has the wrong size`;
    return e;
}
/**
 * Writes one member, hashing exactly the bytes written. Synchronous writes: a member's chunks arrive from the
 * parser already in memory, and a write into the page cache costs less in line than a thread-pool round trip.
 * Directories made here are remembered in `made`, so each is created once.
 */
function writeMember(entry, dest, e, signal, made) {
    const path = (0,external_node_path_namespaceObject.join)(dest, e.path);
    const failed = (x) => `could not write ${JSON.stringify(e.path)}: ${x.message}`;
    const makeDir = (dir) => {
        if (dir === dest || made.has(dir))
            return;
        (0,external_node_fs_namespaceObject.mkdirSync)(dir, { recursive: true });
        made.add(dir);
    };
    if (e.type === 'dir') {
        entry.resume();
        try {
            makeDir(path);
            return Promise.resolve(undefined);
        }
        catch (x) {
            return Promise.resolve(failed(x));
        }
    }
    let fd;
    try {
        makeDir((0,external_node_path_namespaceObject.dirname)(path));
        // 'wx': a member never replaces anything, so nothing can be written through a path already there.
        fd = (0,external_node_fs_namespaceObject.openSync)(path, 'wx', e.mode);
    }
    catch (x) {
        entry.resume();
        return Promise.resolve(failed(x));
    }
    return new Promise((resolve) => {
        const h = (0,external_node_crypto_namespaceObject.createHash)('sha256');
        let problem;
        let open = true;
        const finish = (answer) => {
            if (!open)
                return;
            open = false;
            try {
                (0,external_node_fs_namespaceObject.closeSync)(fd);
            }
            catch (x) {
                answer ??= failed(x);
            }
            resolve(answer);
        };
        // A member whose bytes stop coming (a truncated or corrupt body) never ends: the abort settles it.
        if (signal.aborted)
            finish('aborted');
        signal.addEventListener('abort', () => finish('aborted'), { once: true });
        entry.on('data', (chunk) => {
            if (problem !== undefined || !open)
                return;
            try {
                h.update(chunk);
                for (let done = 0; done < chunk.length;)
                    done += (0,external_node_fs_namespaceObject.writeSync)(fd, chunk, done);
            }
            catch (x) {
                problem = failed(x);
            }
        });
        entry.on('end', () => finish(problem ??
            (h.digest('hex') === e.sha256
                ? undefined
                : `${JSON.stringify(e.path)} does not match the manifest`)));
    });
}

;// CONCATENATED MODULE: ./src/cache/remote/remote-tier.ts










/**
 * The remote half of a tiered cache: records and archives on a cache server.
 *
 * Deals with: batched lookups, verified streaming downloads, background uploads with bounded concurrency and
 * a bounded wait at the end, and the circuit breaker — the first failure of any kind (server down, an error
 * status, a stall, a truncated or unverifiable body) turns the remote off for the rest of the run with one
 * warning, and everything after it is a miss or a skipped upload.
 * Does not deal with: the local cache (see tiered-cache.ts) or deciding what to download.
 */
class remote_tier_RemoteTier {
    #o;
    #down = false;
    #uploads = new Set();
    #queue = [];
    #active = 0;
    #pending = 0;
    #closing = false;
    #scratchMade = false;
    /** The upload process: undefined until the first upload, null when uploads run in this process. */
    #child;
    constructor(options) {
        this.#o = options;
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
    async lookup(keys) {
        const found = new Map();
        if (this.#down || keys.length === 0)
            return found;
        const ids = new Map(keys.map((k) => [recordId(k), k]));
        const metas = await this.#o.store.getMetas([...ids.keys()]);
        if (!metas.ok) {
            this.fail('lookups failed', describe(metas.error));
            return found;
        }
        for (const [id, bytes] of metas.value) {
            const key = ids.get(id);
            const record = parseRecord(bytes, key);
            if (!record.ok) {
                this.fail(`the record of ${key} is unusable`, record.error);
                return new Map();
            }
            found.set(key, record.value);
        }
        return found;
    }
    /** Downloads and extracts the artifact into `dest` (existing and empty), verified; removes what it wrote on failure. */
    async fetch(record, dest) {
        if (this.#down)
            return result_err('the remote cache is off for this run');
        const res = await this.#o.store.getBlob(record.archive.sha256);
        let problem;
        if (!res.ok)
            problem = describe(res.error);
        else if (res.value === undefined)
            problem = 'the server no longer has its archive';
        else {
            const body = withIdleTimeout(res.value.body, this.#o.idleTimeoutMs);
            const unpacked = await unpackTree(body, dest, record.manifest, record.archive);
            body.destroy();
            if (!unpacked.ok)
                problem = unpacked.error;
        }
        if (problem === undefined)
            return result_ok(undefined);
        await (0,promises_namespaceObject.rm)(dest, { recursive: true, force: true }).catch(() => undefined);
        return result_err(this.fail(`the artifact of ${record.key} could not be restored`, problem));
    }
    /** The logs of a record, inline or fetched (and verified) from their blobs. */
    async logs(record) {
        const out = { stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) };
        for (const name of ['stdout', 'stderr']) {
            const want = name === 'stdout' ? record.manifest.stdoutSha256 : record.manifest.stderrSha256;
            const inline = record[name];
            let bytes = inline === undefined ? undefined : Buffer.from(inline, 'base64');
            if (bytes === undefined) {
                const got = await this.#blob(want);
                if (!got.ok)
                    return got;
                bytes = got.value;
            }
            if (sha256(bytes) !== want) {
                this.fail(`the logs of ${record.key} are corrupt`, 'digest mismatch');
                return result_err('the logs do not match the manifest');
            }
            out[name] = bytes;
        }
        return result_ok(out);
    }
    async #blob(id) {
        if (this.#down)
            return result_err('the remote cache is off for this run');
        const res = await this.#o.store.getBlob(id);
        if (!res.ok || res.value === undefined) {
            const cause = res.ok ? 'missing on the server' : describe(res.error);
            this.fail('a log could not be fetched', cause);
            return result_err(cause);
        }
        const chunks = [];
        let size = 0;
        try {
            for await (const c of withIdleTimeout(res.value.body, this.#o.idleTimeoutMs)) {
                size += c.length;
                if (size > 64 * META_LIMIT)
                    throw new Error('log too large');
                chunks.push(c);
            }
        }
        catch (e) {
            this.fail('a log could not be fetched', e.message);
            return result_err(e.message);
        }
        return result_ok(Buffer.concat(chunks));
    }
    /**
     * Queues the upload of a saved artifact from `dir` (which stays untouched until `close`). `manifest`: the one
     * the local cache just built for these files, so that the upload does not hash them again.
     */
    upload(key, dir, artifact, manifest) {
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
            const built = await buildManifest(dir, key, a.durationMs, a.stdout, a.stderr);
            if (!built.ok)
                return;
            manifest = built.value;
        }
        if (!this.#scratchMade) {
            await (0,promises_namespaceObject.mkdir)(this.#o.scratchDir, { recursive: true });
            this.#scratchMade = true;
        }
        const file = (0,external_node_path_namespaceObject.join)(this.#o.scratchDir, `${key}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}.tgz`);
        try {
            const packed = await packArchive(dir, manifest, file);
            const archive = { sha256: packed.sha256, size: packed.size };
            const record = { version: 1, key, archive, manifest };
            const body = packed.bytes ?? (() => (0,external_node_fs_namespaceObject.createReadStream)(file));
            const puts = [
                () => this.#o.store.put('blob', archive.sha256, body, archive.size),
            ];
            for (const name of ['stdout', 'stderr']) {
                const spilled = name === 'stdout' ? a.stdoutFile : a.stderrFile;
                const digest = name === 'stdout' ? manifest.stdoutSha256 : manifest.stderrSha256;
                const log = a[name];
                if (spilled !== undefined && saved !== undefined) {
                    // The whole log is in its file (the buffer holds only its ends); the saved manifest names the file's digest.
                    const size = (await (0,promises_namespaceObject.stat)(spilled)).size;
                    puts.push(() => this.#o.store.put('blob', digest, () => (0,external_node_fs_namespaceObject.createReadStream)(spilled), size));
                }
                else if (log.length <= INLINE_LOG_LIMIT)
                    record[name] = log.toString('base64');
                else
                    puts.push(() => this.#o.store.put('blob', sha256(log), log, log.length));
            }
            for (const put of puts) {
                const r = await put();
                if (!r.ok) {
                    this.fail('an upload failed', describe(r.error));
                    return;
                }
            }
            const bytes = Buffer.from(JSON.stringify(record));
            const r = await this.#o.store.put('meta', recordId(key), bytes, bytes.length);
            if (!r.ok)
                this.fail('an upload failed', describe(r.error));
        }
        finally {
            await (0,promises_namespaceObject.unlink)(file).catch(() => undefined);
        }
    }
    /** The upload process reported the first failure: the same breaker as a failure here. */
    #failedInChild(message) {
        if (this.#down)
            return;
        this.#down = true;
        this.#o.onWarning(message);
    }
    #notUploaded(count) {
        if (this.#down || count <= 0)
            return;
        this.#down = true;
        this.#o.onWarning(`remote cache ${this.#o.store.display}: ${count} artifacts were not uploaded within ${Math.round(this.#o.uploadWaitMs / 1000)} s; later runs will build them again`);
    }
    /** Waits for the uploads, at most `uploadWaitMs`; warns about what did not make it, then closes the sockets. */
    async close() {
        this.#closing = true;
        if (this.#child) {
            const child = this.#child;
            await child.close(this.#o.uploadWaitMs);
            this.#notUploaded(child.pending);
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
        this.#o.store.close();
        await (0,promises_namespaceObject.rm)(this.#o.scratchDir, { recursive: true, force: true }).catch(() => undefined);
    }
}
function describe(f) {
    return f.message;
}

;// CONCATENATED MODULE: ./src/cache/remote/tiered-cache.ts




/**
 * A local cache in front of a remote one.
 *
 * Deals with: answering lookups from the local cache first and asking the server only for the rest; storing a
 * remote hit locally once it is restored (so the next run needs no network); saving locally at once and uploading
 * in the background. A remote hit costs only its record until something needs its bytes.
 * Does not deal with: the protocols (the stores) or failures of the server (the tier's circuit breaker).
 */
class tiered_cache_TieredCache {
    #local;
    #remote;
    /** Remote hits being (or already) stored in the local cache. */
    #kept = new Map();
    newOutputDir;
    constructor(local, remote) {
        this.#local = local;
        this.#remote = remote;
        const give = local.newOutputDir?.bind(local);
        if (give)
            this.newOutputDir = give;
    }
    async lookup(keys) {
        const hits = await this.#local.lookup(keys);
        const rest = keys.filter((k) => !hits.has(k));
        for (const [key, record] of await this.#remote.lookup(rest))
            hits.set(key, this.#remoteHit(record));
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
                return logs.value;
            },
            restore: async (dest) => {
                // Once kept locally (by an earlier restore of this key), the local copy answers.
                if (this.#kept.has(key)) {
                    await this.#kept.get(key);
                    const local = (await this.#local.lookup([key])).get(key);
                    if (local && (await local.restore(dest)).ok)
                        return ok(undefined);
                }
                const fetched = await this.#fetchInto(record, dest);
                if (fetched.ok) {
                    // Kept before the tree is handed over: the engine may move a restored tree away (into --out-dir).
                    const keeping = this.#keep(record, dest);
                    this.#kept.set(key, keeping);
                    await keeping;
                }
                return fetched;
            },
        };
    }
    /**
     * Stores a restored artifact in the local cache: the save hard-links the restored files and keeps the
     * record's manifest, so a remote hit costs one download, one extraction and one hash pass.
     */
    async #keep(record, dir) {
        const logs = await this.#remote.logs(record);
        if (!logs.ok)
            return;
        await this.#local
            .save(record.key, {
            outputDir: dir,
            ...logs.value,
            durationMs: record.manifest.durationMs,
            // Every file was hashed against it as it was extracted: no second hash pass.
            verifiedManifest: record.manifest,
        })
            .catch(() => undefined);
    }
    /** Downloads into a private directory beside `dest`, verified as it arrives, then moves it into place. */
    async #fetchInto(record, dest) {
        const temp = `${dest}.remote-${randomBytes(4).toString('hex')}`;
        await mkdir(dirname(dest), { recursive: true });
        await mkdir(temp);
        const fetched = await this.#remote.fetch(record, temp);
        // The tier has warned already (once per run): no second warning per artifact.
        if (!fetched.ok)
            return err({ reason: 'cache-unavailable', message: fetched.error, reported: true });
        await rm(dest, { recursive: true, force: true });
        await rename(temp, dest);
        return ok(undefined);
    }
    async save(key, artifact) {
        const outcome = await this.#local.save(key, artifact);
        if (outcome.saved || outcome.reason !== 'unsafe-output') {
            const dir = (outcome.saved && outcome.outputDir) || artifact.outputDir;
            this.#remote.upload(key, dir, artifact, outcome.saved ? outcome.manifest : undefined);
        }
        return outcome;
    }
    /** Uploads and local copies first: they read directories the local cache removes when it closes. */
    async close() {
        await Promise.allSettled([...this.#kept.values()]);
        await this.#remote.close();
        await this.#local.close();
    }
}

;// CONCATENATED MODULE: ./src/cache/remote/turbo-store.ts


/** Hashes per batch existence query. */
const BATCH = 500;
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
    #noBatch = false;
    constructor(client, team, concurrency) {
        this.#c = client;
        // Vercel tells team IDs (`team_…`) from slugs; self-hosted servers accept either name.
        this.#query = team === undefined ? {} : team.startsWith('team_') ? { teamId: team } : { slug: team };
        this.#concurrency = concurrency;
    }
    get display() {
        return this.#c.display;
    }
    redact(text) {
        return this.#c.redact(text);
    }
    async getMetas(ids) {
        const path = (id) => `/v8/artifacts/${id}`;
        if (this.#noBatch || ids.length < 2) {
            return getMetasConcurrently(this.#c, ids, path, this.#query, this.#concurrency);
        }
        const existing = [];
        for (let i = 0; i < ids.length; i += BATCH) {
            const some = await this.#exists(ids.slice(i, i + BATCH));
            if (!some.ok)
                return some;
            if (some.value === undefined) {
                this.#noBatch = true;
                return getMetasConcurrently(this.#c, ids, path, this.#query, this.#concurrency);
            }
            existing.push(...some.value);
        }
        return getMetasConcurrently(this.#c, existing, path, this.#query, this.#concurrency);
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
            return result_ok(undefined);
        }
        const found = expectFound(r, 'the batch query');
        if (!found.ok || found.value === undefined)
            return found.ok ? result_ok(undefined) : found;
        const body = await this.#c.readBody(found.value, META_LIMIT);
        if (!body.ok)
            return body;
        try {
            const answer = JSON.parse(body.value.toString('utf8'));
            return result_ok(ids.filter((id) => isPresent(answer[id])));
        }
        catch {
            return result_err({
                kind: 'status',
                status: r.value.status,
                message: 'the batch query answered malformed JSON',
            });
        }
    }
    async getBlob(id) {
        const r = await this.#c.request('GET', `/v8/artifacts/${id}`, { query: this.#query });
        return expectFound(r, 'the cache server');
    }
    async put(_space, id, body, size) {
        const r = await this.#c.request('PUT', `/v8/artifacts/${id}`, {
            query: this.#query,
            body: Buffer.isBuffer(body) ? body : body(),
            length: size,
            headers: { 'content-type': 'application/octet-stream' },
        });
        return expectStored(r, 'the cache server');
    }
    close() {
        this.#c.close();
    }
}
/** An entry of the batch answer that names an artifact (`{size, …}`), not an error or a null. */
function isPresent(v) {
    return typeof v === 'object' && v !== null && !('error' in v);
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/cache/remote/upload-child.ts





const here = (0,external_node_path_namespaceObject.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url));
/** The niceness of the upload process: below the run, whose jobs come first. */
const UPLOAD_NICENESS = 10;
/**
 * The engine's side of the upload process (see upload-process.ts).
 *
 * Deals with: starting it (only the bundled build has it; `start` answers undefined elsewhere), lowering its
 * priority, handing it artifacts, counting those not yet uploaded, and the bounded wait at the end (after which
 * it is killed). Does not deal with: the circuit breaker's warning text (the process sends it ready-made).
 */
class upload_child_UploadChild {
    #child;
    #pending = 0;
    #exited = false;
    #exit;
    constructor(child, onFailed) {
        this.#child = child;
        this.#exit = new Promise((resolve) => {
            const gone = () => {
                this.#exited = true;
                resolve();
            };
            child.once('exit', gone);
            child.once('error', gone);
        });
        child.on('message', (e) => {
            if (e.type === 'settled')
                this.#pending--;
            else
                onFailed(e.message);
        });
    }
    static start(settings, onFailed) {
        const program = join(here, 'upload-process.js');
        if (!existsSync(program))
            return undefined;
        const { token, ...start } = settings;
        try {
            const env = { ...process.env };
            if (token === undefined)
                delete env.DISBUILD_CACHE_TOKEN;
            else
                env.DISBUILD_CACHE_TOKEN = token;
            const child = fork(program, [], {
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
                setPriority(child.pid, UPLOAD_NICENESS);
            }
            catch {
                // Not allowed here: it runs at the run's own priority.
            }
            const c = new upload_child_UploadChild(child, onFailed);
            c.#send({ type: 'start', ...start });
            return c;
        }
        catch {
            return undefined;
        }
    }
    upload(key, dir, a, manifest) {
        this.#pending++;
        this.#send({
            type: 'upload',
            key,
            dir,
            durationMs: a.durationMs,
            stdout: a.stdout.toString('base64'),
            stderr: a.stderr.toString('base64'),
            ...(a.stdoutFile === undefined ? {} : { stdoutFile: a.stdoutFile }),
            ...(a.stderrFile === undefined ? {} : { stderrFile: a.stderrFile }),
            ...(manifest === undefined ? {} : { manifest }),
        });
    }
    /** Uploads not yet over. */
    get pending() {
        return this.#pending;
    }
    /** Lets the queue drain for at most `waitMs`, then kills the process; answers whether it finished in time. */
    async close(waitMs) {
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
        }
        return finished;
    }
    /** Ends the process at once (the remote turned off): what it was doing is abandoned. */
    kill() {
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







/** Checks the raw settings of a remote cache; errors quote the bad value with any credentials removed. */
function parseRemoteCacheOptions(raw, names, env, defaultMode) {
    const url = raw.url ?? '';
    if (url === '')
        return err(`${names.url} is required with a ${raw.kind} cache`);
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return err(`${names.url} must be an http or https URL, got ${JSON.stringify(withoutCredentials(url))}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        return err(`${names.url} must be an http or https URL, got ${JSON.stringify(withoutCredentials(url))}`);
    const mode = raw.mode === undefined || raw.mode === '' ? defaultMode : raw.mode;
    if (mode !== 'read-write' && mode !== 'read')
        return err(`${names.mode} must be one of read-write, read, got ${JSON.stringify(mode)}`);
    const seconds = (name, fallback) => {
        const v = env[name];
        if (v === undefined || v === '')
            return ok(fallback * 1000);
        const n = Number(v);
        return Number.isFinite(n) && n > 0
            ? ok(n * 1000)
            : err(`${name} must be a positive number of seconds, got ${JSON.stringify(v)}`);
    };
    const idle = seconds('DISBUILD_CACHE_TIMEOUT', 30);
    const wait = seconds('DISBUILD_CACHE_UPLOAD_WAIT', 300);
    if (!idle.ok)
        return idle;
    if (!wait.ok)
        return wait;
    const team = raw.team === undefined || raw.team === '' ? undefined : raw.team;
    const token = raw.token === undefined || raw.token === '' ? undefined : raw.token;
    return ok({
        kind: raw.kind,
        url,
        mode,
        idleTimeoutMs: idle.value,
        uploadWaitMs: wait.value,
        ...(team === undefined ? {} : { team }),
        ...(token === undefined ? {} : { token }),
    });
}
function withoutCredentials(url) {
    return url.replace(/\/\/[^/@]*@/, '//***@');
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
/** `local` in front of the remote cache `o`; scratch space for uploads goes in `scratchDir`. */
function openTieredCache(local, o, ctx) {
    const store = openStore(o);
    const remote = new RemoteTier({
        store,
        mode: o.mode,
        scratchDir: ctx.scratchDir,
        uploadConcurrency: UPLOADS_AT_ONCE,
        uploadWaitMs: o.uploadWaitMs,
        idleTimeoutMs: o.idleTimeoutMs,
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

;// CONCATENATED MODULE: ./src/cache/remote/upload-process.ts


let tier;
function send(e) {
    if (process.connected)
        process.send(e, undefined, undefined, () => undefined);
}
process.on('disconnect', () => process.exit(0));
process.on('message', (m) => {
    if (m.type === 'start') {
        const store = openStore({
            kind: m.kind,
            url: m.url,
            ...(m.team === undefined ? {} : { team: m.team }),
            ...(process.env.DISBUILD_CACHE_TOKEN ? { token: process.env.DISBUILD_CACHE_TOKEN } : {}),
            idleTimeoutMs: m.idleTimeoutMs,
        });
        tier = new remote_tier_RemoteTier({
            store,
            mode: 'read-write',
            scratchDir: m.scratchDir,
            uploadConcurrency: m.concurrency,
            // The engine's process bounds the wait and kills this one when it is over.
            uploadWaitMs: 2 ** 31 - 1,
            idleTimeoutMs: m.idleTimeoutMs,
            onWarning: (message) => send({ type: 'failed', message }),
            onUploadSettled: () => send({ type: 'settled' }),
        });
    }
    else if (m.type === 'upload') {
        tier?.upload(m.key, m.dir, {
            outputDir: m.dir,
            durationMs: m.durationMs,
            stdout: Buffer.from(m.stdout, 'base64'),
            stderr: Buffer.from(m.stderr, 'base64'),
            ...(m.stdoutFile === undefined ? {} : { stdoutFile: m.stdoutFile }),
            ...(m.stderrFile === undefined ? {} : { stderrFile: m.stderrFile }),
        }, m.manifest);
    }
    else if (m.type === 'end') {
        void (async () => {
            await tier?.close();
            process.disconnect();
        })();
    }
});

