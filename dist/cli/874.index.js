export const id = 874;
export const ids = [874];
export const modules = {

/***/ 5874:
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
/** Answers a PUT: any 2xx is stored; a conflict means the object is there already. */
function expectStored(r, what) {
    if (!r.ok)
        return r;
    const { status } = r.value;
    r.value.body.resume();
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
/** GETs small records one request each, many at once over the kept-alive sockets. */
async function getMetasConcurrently(client, ids, pathOf, query, concurrency) {
    const found = new Map();
    const r = await mapBounded(ids, concurrency, async (id) => {
        const res = expectFound(await client.request('GET', pathOf(id), { query }), 'the cache server');
        if (!res.ok || res.value === undefined)
            return res.ok ? (0,result.ok)(undefined) : res;
        const body = await client.readBody(res.value, META_LIMIT);
        if (!body.ok)
            return body;
        found.set(id, body.value);
        return (0,result.ok)(undefined);
    });
    return r.ok ? (0,result.ok)(found) : r;
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
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
                ? new external_node_https_.Agent({ ...agentOptions, ...trustStore() })
                : new external_node_http_.Agent(agentOptions);
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
        const mod = url.protocol === 'https:' ? external_node_https_ : external_node_http_;
        return new Promise((resolve) => {
            let settled = false;
            const fail = (f) => {
                if (settled)
                    return;
                settled = true;
                req.destroy();
                resolve((0,result/* err */._)({ ...f, message: this.redact(f.message) }));
            };
            const req = mod.request(url, { method, headers, agent: this.#agent }, (res) => {
                if (settled) {
                    res.destroy();
                    return;
                }
                settled = true;
                resolve((0,result.ok)({ status: res.statusCode ?? 0, headers: res.headers, body: res }));
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
                    return (0,result/* err */._)({ kind: 'network', message: `response larger than ${limit} bytes` });
                }
                chunks.push(chunk);
            }
        }
        catch (e) {
            return (0,result/* err */._)({
                kind: 'network',
                message: this.redact(`reading a response failed: ${e.message}`),
            });
        }
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (!Number.isNaN(declared) && declared !== size) {
            return (0,result/* err */._)({ kind: 'network', message: `response truncated (${size} of ${declared} bytes)` });
        }
        return (0,result.ok)(Buffer.concat(chunks));
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/cache/manifest.ts
var cache_manifest = __webpack_require__(8445);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(8697);
;// CONCATENATED MODULE: ./src/cache/remote/remote-record.ts



/** Logs up to this size travel inside the record; longer ones are blobs named by their SHA-256. */
const INLINE_LOG_LIMIT = 64 * 1024;
/** The record's name on the server: versioned, so a format change never reads old records. */
function recordId(key) {
    return (0,external_node_crypto_.createHash)('sha256').update(`disbuild-remote-v1\0${key}`).digest('hex');
}
const HEX64 = /^[0-9a-f]{64}$/;
/** Parses and checks a record fetched for `key`: anything unexpected makes it unusable. */
function parseRecord(bytes, key) {
    let r;
    try {
        r = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return (0,result/* err */._)('the record is not JSON');
    }
    if (typeof r !== 'object' || r === null || r.version !== 1)
        return (0,result/* err */._)('the record has an unknown version');
    if (r.key !== key || r.manifest?.key !== key)
        return (0,result/* err */._)('the record names another key');
    const a = r.archive;
    if (!a || typeof a.sha256 !== 'string' || !HEX64.test(a.sha256) || !isSize(a.size))
        return (0,result/* err */._)('the record names no valid archive');
    const m = r.manifest;
    if (!HEX64.test(String(m.stdoutSha256)) || !HEX64.test(String(m.stderrSha256)) || !isSize(m.durationMs))
        return (0,result/* err */._)('the record has a malformed manifest');
    if (!Array.isArray(m.entries))
        return (0,result/* err */._)('the record has no file list');
    const seen = new Set();
    for (const e of m.entries) {
        const problem = entryProblem(e);
        if (problem)
            return (0,result/* err */._)(problem);
        if (seen.has(e.path))
            return (0,result/* err */._)(`the file list names ${JSON.stringify(e.path)} twice`);
        seen.add(e.path);
    }
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
            return undefined;
        case 'file':
            if (e.mode !== 0o644 && e.mode !== 0o755)
                return `the file list gives ${label} a bad mode`;
            return HEX64.test(String(e.sha256)) ? undefined : `the file list gives ${label} a bad digest`;
        case 'symlink': {
            const target = typeof e.target === 'string' ? e.target : '';
            const resolved = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(path), target));
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
    const tar = (0,index_min/* create */.vt)({ cwd: dir, portable: true, noDirRecurse: true, mtime: new Date(0) }, paths);
    const digest = new Digest();
    const sink = new SpillSink(spillFile, IN_MEMORY_ARCHIVE);
    await (0,external_node_stream_promises_.pipeline)(tar, new AdaptiveGzip(), digest, sink);
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
class AdaptiveGzip extends external_node_stream_.Transform {
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
            (0,external_node_zlib_.deflateRawSync)(sample, { level: external_node_zlib_.constants.Z_BEST_SPEED }).length > FEW_REPEATS * sample.length;
        const gzip = (0,external_node_zlib_.createGzip)({
            level: external_node_zlib_.constants.Z_BEST_SPEED,
            chunkSize: 64 * 1024,
            ...(fewRepeats ? { strategy: external_node_zlib_.constants.Z_HUFFMAN_ONLY } : {}),
        });
        gzip.on('data', (c) => this.push(c));
        gzip.on('error', (e) => this.destroy(e));
        this.#head = [head];
        this.#gzip = gzip;
        return gzip;
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
    const parser = new index_min/* Parser */.iX({
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
        await (0,external_node_stream_promises_.pipeline)(body, digest, (0,external_node_zlib_.createGunzip)({ chunkSize: 256 * 1024 }), async (source) => {
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
        return (0,result/* err */._)(problem);
    if (digest.size !== archive.size || digest.hex() !== archive.sha256)
        return (0,result/* err */._)(`the archive does not match its record (${digest.size} of ${archive.size} bytes)`);
    for (const e of manifest.entries) {
        if (e.type !== 'symlink' && !seen.has(e.path))
            return (0,result/* err */._)(`${e.path} is missing from the archive`);
    }
    for (const e of manifest.entries) {
        if (e.type !== 'symlink')
            continue;
        await (0,promises_.mkdir)((0,external_node_path_.dirname)((0,external_node_path_.join)(dest, e.path)), { recursive: true });
        await (0,promises_.symlink)(e.target, (0,external_node_path_.join)(dest, e.path));
    }
    return (0,result.ok)(undefined);
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
    const path = (0,external_node_path_.join)(dest, e.path);
    const failed = (x) => `could not write ${JSON.stringify(e.path)}: ${x.message}`;
    const makeDir = (dir) => {
        if (dir === dest || made.has(dir))
            return;
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
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
        makeDir((0,external_node_path_.dirname)(path));
        // 'wx': a member never replaces anything, so nothing can be written through a path already there.
        fd = (0,external_node_fs_.openSync)(path, 'wx', e.mode);
    }
    catch (x) {
        entry.resume();
        return Promise.resolve(failed(x));
    }
    return new Promise((resolve) => {
        const h = (0,external_node_crypto_.createHash)('sha256');
        let problem;
        let open = true;
        const finish = (answer) => {
            if (!open)
                return;
            open = false;
            try {
                (0,external_node_fs_.closeSync)(fd);
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
                    done += (0,external_node_fs_.writeSync)(fd, chunk, done);
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
class RemoteTier {
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
            return (0,result/* err */._)('the remote cache is off for this run');
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
            return (0,result.ok)(undefined);
        await (0,promises_.rm)(dest, { recursive: true, force: true }).catch(() => undefined);
        return (0,result/* err */._)(this.fail(`the artifact of ${record.key} could not be restored`, problem));
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
            if ((0,cache_manifest/* sha256 */.sc)(bytes) !== want) {
                this.fail(`the logs of ${record.key} are corrupt`, 'digest mismatch');
                return (0,result/* err */._)('the logs do not match the manifest');
            }
            out[name] = bytes;
        }
        return (0,result.ok)(out);
    }
    async #blob(id) {
        if (this.#down)
            return (0,result/* err */._)('the remote cache is off for this run');
        const res = await this.#o.store.getBlob(id);
        if (!res.ok || res.value === undefined) {
            const cause = res.ok ? 'missing on the server' : describe(res.error);
            this.fail('a log could not be fetched', cause);
            return (0,result/* err */._)(cause);
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
            return (0,result/* err */._)(e.message);
        }
        return (0,result.ok)(Buffer.concat(chunks));
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
            const built = await (0,cache_manifest/* buildManifest */.u1)(dir, key, a.durationMs, a.stdout, a.stderr);
            if (!built.ok)
                return;
            manifest = built.value;
        }
        if (!this.#scratchMade) {
            await (0,promises_.mkdir)(this.#o.scratchDir, { recursive: true });
            this.#scratchMade = true;
        }
        const file = (0,external_node_path_.join)(this.#o.scratchDir, `${key}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tgz`);
        try {
            const packed = await packArchive(dir, manifest, file);
            const archive = { sha256: packed.sha256, size: packed.size };
            const record = { version: 1, key, archive, manifest };
            const body = packed.bytes ?? (() => (0,external_node_fs_.createReadStream)(file));
            const puts = [
                () => this.#o.store.put('blob', archive.sha256, body, archive.size),
            ];
            for (const name of ['stdout', 'stderr']) {
                const spilled = name === 'stdout' ? a.stdoutFile : a.stderrFile;
                const digest = name === 'stdout' ? manifest.stdoutSha256 : manifest.stderrSha256;
                const log = a[name];
                if (spilled !== undefined && saved !== undefined) {
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
            const bytes = Buffer.from(JSON.stringify(record));
            const r = await this.#o.store.put('meta', recordId(key), bytes, bytes.length);
            if (!r.ok)
                this.fail('an upload failed', describe(r.error));
        }
        finally {
            await (0,promises_.unlink)(file).catch(() => undefined);
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
        await (0,promises_.rm)(this.#o.scratchDir, { recursive: true, force: true }).catch(() => undefined);
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
class TieredCache {
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
                        return (0,result.ok)(undefined);
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
        const temp = `${dest}.remote-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(dest), { recursive: true });
        await (0,promises_.mkdir)(temp);
        const fetched = await this.#remote.fetch(record, temp);
        // The tier has warned already (once per run): no second warning per artifact.
        if (!fetched.ok)
            return (0,result/* err */._)({ reason: 'cache-unavailable', message: fetched.error, reported: true });
        await (0,promises_.rm)(dest, { recursive: true, force: true });
        await (0,promises_.rename)(temp, dest);
        return (0,result.ok)(undefined);
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/cache/remote/upload-child.ts





const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
/** The niceness of the upload process: below the run, whose jobs come first. */
const UPLOAD_NICENESS = 10;
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
        const program = (0,external_node_path_.join)(here, 'upload-process.js');
        if (!(0,external_node_fs_.existsSync)(program))
            return undefined;
        const { token, ...start } = settings;
        try {
            const env = { ...process.env };
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
    const mode = raw.mode === undefined || raw.mode === '' ? defaultMode : raw.mode;
    if (mode !== 'read-write' && mode !== 'read')
        return (0,result/* err */._)(`${names.mode} must be one of read-write, read, got ${JSON.stringify(mode)}`);
    const seconds = (name, fallback) => {
        const v = env[name];
        if (v === undefined || v === '')
            return (0,result.ok)(fallback * 1000);
        const n = Number(v);
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
    const token = raw.token === undefined || raw.token === '' ? undefined : raw.token;
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

;// CONCATENATED MODULE: ./src/cli/remote-cache.ts


/** Checks remote settings; undefined settings mean no remote cache. */
function parseRemoteSettings(s, names, env, defaultMode) {
    if (s === undefined)
        return (0,result.ok)(undefined);
    const token = env.DISBUILD_CACHE_TOKEN;
    return parseRemoteCacheOptions({ ...s, ...(token ? { token } : {}) }, names, env, defaultMode);
}
/** The local cache, with the remote one behind it when configured. */
function withRemote(local, remote, state, onWarning) {
    if (remote === undefined)
        return local;
    return openTieredCache(local, remote, { scratchDir: `${state.newRunDir()}-uploads`, onWarning });
}


/***/ })

};
