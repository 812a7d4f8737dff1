export const id = 632;
export const ids = [632];
export const modules = {

/***/ 5632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  baseEnvironment: () => (/* binding */ baseEnvironment),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/cache/null-cache.ts
var null_cache = __webpack_require__(2142);
// EXTERNAL MODULE: ./src/coordinator/shared-coordinator.ts + 6 modules
var shared_coordinator = __webpack_require__(5431);
// EXTERNAL MODULE: ./src/coordinator/lazy-coordinator.ts
var lazy_coordinator = __webpack_require__(3413);
// EXTERNAL MODULE: ./src/engine.ts + 17 modules
var engine = __webpack_require__(6840);
// EXTERNAL MODULE: ./src/ids/file-digest.ts + 3 modules
var file_digest = __webpack_require__(9870);
// EXTERNAL MODULE: ./src/graph/model.ts
var model = __webpack_require__(2573);
// EXTERNAL MODULE: ./src/report/console-reporter.ts
var console_reporter = __webpack_require__(3465);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/report/json-report.ts


/** Logs larger than this are cut in the report (and say so); the full text stays in the job's log. */
const REPORT_LOG_LIMIT = 1024 * 1024;
/** The report as data: pure, so tests and other reporters can use it without a file. */
function buildJsonReport(summary) {
    return {
        version: 1,
        counts: summary.counts,
        durationMs: summary.durationMs,
        jobs: summary.jobs.map((j) => {
            const job = {
                id: j.label,
                name: j.name,
                key: j.key,
                status: j.status,
                exitCode: j.exitCode,
                durationMs: j.durationMs,
                stdout: '',
                stderr: '',
            };
            job.stdout = j.stdout.subarray(0, REPORT_LOG_LIMIT).toString('utf8');
            if (j.stdout.length > REPORT_LOG_LIMIT)
                job.stdoutTruncated = true;
            job.stderr = j.stderr.subarray(0, REPORT_LOG_LIMIT).toString('utf8');
            if (j.stderr.length > REPORT_LOG_LIMIT)
                job.stderrTruncated = true;
            if (j.message !== undefined)
                job.message = j.message;
            return job;
        }),
    };
}
/** Writes the report atomically, so a reader never sees half a file. */
async function writeJsonReport(path, summary) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    try {
        await (0,promises_.writeFile)(tmp, JSON.stringify(buildJsonReport(summary), null, 2) + '\n');
        await (0,promises_.rename)(tmp, path);
    }
    catch (e) {
        // A full disk leaves no half-written file behind.
        await (0,promises_.rm)(tmp, { force: true }).catch(() => undefined);
        throw e;
    }
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/graph-input.ts
var graph_input = __webpack_require__(3311);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/cli/local-state.ts
var local_state = __webpack_require__(4709);
// EXTERNAL MODULE: ./src/explain/record-store.ts
var record_store = __webpack_require__(1806);
// EXTERNAL MODULE: ./src/explain/run-explainer.ts + 1 modules
var run_explainer = __webpack_require__(9814);
// EXTERNAL MODULE: ./src/cli/remote-cache.ts + 10 modules
var remote_cache = __webpack_require__(5874);
;// CONCATENATED MODULE: ./src/cli/commands/run.ts

















const HELP = `Usage: disbuild run [--graph FILE] [options] [TARGET...]

Runs a build graph: computes every job's key, restores hits from the cache, builds the misses.

Options:
  --graph FILE          the graph JSON (default: what disbuild.json in the source dir describes)
  --source-dir DIR      the checkout that inputs are relative to (default: current directory)
  --cache local|none|http|turbo  where artifacts are kept (default: local); http and turbo put a shared
                        remote cache behind the local one (Bazel HTTP cache / Turborepo Remote Cache API)
  --cache-url URL       the remote cache's base URL (token from DISBUILD_CACHE_TOKEN)
  --cache-team T        the Turborepo team (teamId when it starts with team_, else slug)
  --cache-mode read-write|read  read: never upload (default: read-write)
  --cache-dir DIR       local cache directory (default: $XDG_CACHE_HOME/disbuild or ~/.cache/disbuild)
  --report FILE         write the JSON report there
  -j, --jobs N          commands run at once (default: number of CPUs)
  --fail-fast           start no new job after the first failure (default: keep going)
  --timeout SECONDS     per-job time-out (default: none)
  --salt S              folded into every key (toolchain versions, OS, ...)
  --targets NAME        job names or globs to build with their dependencies (repeatable, comma-separated)
  --out-dir DIR         copy the targets' outputs to DIR/<job name>
  --download minimal|all  restore every hit, not only those something needs (default: minimal)
  --log-replay failed|all|none  print cached jobs' logs (default: failed)
  --dry-run             compute keys and look them up; run nothing
  -q, --quiet           do not stream job output
  -v, --verbose         print the key salt in use, and say why each job runs as it starts (see 'disbuild explain')
  -h, --help            show this help

Exit status: 0 when every job is cached or built, 1 when any failed or was skipped, 2 for bad usage or an invalid graph.
`;
const flags = {
    graph: { type: 'string' },
    'source-dir': { type: 'string' },
    cache: { type: 'string' },
    'cache-dir': { type: 'string' },
    'cache-url': { type: 'string' },
    'cache-team': { type: 'string' },
    'cache-mode': { type: 'string' },
    report: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    'fail-fast': { type: 'boolean' },
    timeout: { type: 'string' },
    salt: { type: 'string' },
    targets: { type: 'string', multiple: true },
    'out-dir': { type: 'string' },
    download: { type: 'string' },
    'log-replay': { type: 'string' },
    'dry-run': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    verbose: { type: 'boolean', short: 'v' },
    help: { type: 'boolean', short: 'h' },
};
/** `disbuild run`: the CLI adapter around the engine. */
const run = async (argv, io) => {
    const parsed = (0,args/* parseCommandArgs */.Qx)(argv, flags);
    if (!parsed.ok)
        return usageError(io, parsed.error);
    const v = parsed.value.values;
    if (v.help) {
        io.stdout.write(HELP);
        return cli_io/* EXIT */.d.ok;
    }
    const jobs = (0,args/* parsePositiveInt */.EJ)('--jobs', v.jobs, (0,external_node_os_.availableParallelism)());
    const timeout = (0,args/* parsePositiveInt */.EJ)('--timeout', v.timeout, 0);
    const cacheKind = (0,args/* parseChoice */.HU)('--cache', v.cache, ['local', 'none', 'http', 'turbo'], 'local');
    const download = (0,args/* parseChoice */.HU)('--download', v.download, ['minimal', 'all'], 'minimal');
    const logReplay = (0,args/* parseChoice */.HU)('--log-replay', v['log-replay'], ['failed', 'all', 'none'], 'failed');
    for (const r of [jobs, timeout, cacheKind, download, logReplay])
        if (!r.ok)
            return usageError(io, r.error);
    if (!jobs.ok || !timeout.ok || !cacheKind.ok || !download.ok || !logReplay.ok)
        return cli_io/* EXIT */.d.usage;
    const kind = cacheKind.value;
    const remote = (0,remote_cache/* parseRemoteSettings */.v)(kind === 'http' || kind === 'turbo'
        ? { kind, url: v['cache-url'], team: v['cache-team'], mode: v['cache-mode'] }
        : undefined, { url: '--cache-url', mode: '--cache-mode' }, io.env, 'read-write');
    if (!remote.ok)
        return usageError(io, remote.error);
    const sourceDir = (0,external_node_path_.resolve)(io.cwd, v['source-dir'] ?? '.');
    // git stats the work tree on another core while the graph is read. The check that inputs exist then takes
    // git's word for unchanged tracked files instead of listing their directories.
    const workTreeListings = (0,file_digest/* startWorkTreeListings */.$)(sourceDir);
    const knownFiles = (0,file_digest/* unchangedIndexedFiles */.IQ)(workTreeListings);
    const input = await (0,graph_input/* loadGraphOrReport */.C)(v.graph, sourceDir, io, knownFiles);
    if (!input)
        return cli_io/* EXIT */.d.usage;
    const { graph } = input;
    const state = await (0,local_state/* openLocalState */.p)(v['cache-dir'], io);
    const live = Boolean(io.stdout.isTTY) && !io.env.CI;
    const reporter = new console_reporter/* ConsoleReporter */.l({
        stream: io.stdout,
        live,
        logReplay: logReplay.value,
        streamOutput: !v.quiet,
    });
    const warn = (message) => reporter.onEvent({ type: 'warning', message });
    const salt = v.salt ?? input.salt ?? '';
    if (v.verbose)
        io.stderr.write(`disbuild: key salt ${JSON.stringify(salt)}\n`);
    const explainer = new run_explainer/* RunExplainer */.M(graph, salt, new record_store/* KeyRecordStore */.G(state.dir));
    const verbose = v.verbose ?? false;
    const cache = kind === 'none' ? new null_cache/* NullCache */.C() : (0,remote_cache/* withRemote */.T)(await state.openCache(warn), remote.value, state, warn);
    const coordinator = (0,lazy_coordinator/* openOnFirstClaim */.w)(() => shared_coordinator/* SharedCoordinator */.W.open(state.dir, { onWarning: warn }));
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        const targets = [...(v.targets ?? []).flatMap((t) => t.split(',')), ...parsed.value.positionals].filter(Boolean);
        const result = await (0,engine/* runGraph */.C)(graph, {
            sourceDir,
            salt,
            concurrency: jobs.value,
            failFast: v['fail-fast'] ?? false,
            jobTimeoutMs: timeout.value * 1000,
            targets,
            download: download.value,
            ...(v['out-dir'] === undefined ? {} : { outDir: (0,external_node_path_.resolve)(io.cwd, v['out-dir']) }),
            logReplay: logReplay.value,
            dryRun: v['dry-run'] ?? false,
            workDir: state.newRunDir(warn),
            baseEnv: baseEnvironment(io.env),
            digests: 'working-tree',
            workTreeListings,
            signal: controller.signal,
        }, {
            cache,
            reporter: {
                onEvent: (e) => {
                    if (e.type === 'job-start' && verbose) {
                        io.stdout.write(`why ${e.job.name}: ${explainer.reason(e.job.name)}\n`);
                    }
                    if (e.type === 'job-end' && e.outcome.status === 'built')
                        explainer.recordBuilt(e.outcome.name);
                    reporter.onEvent(e);
                },
            },
            onKeyed: explainer.onKeyed,
            timings: state.timings,
            coordinator,
        });
        if (!result.ok) {
            for (const p of result.error)
                io.stderr.write(`disbuild: ${(0,model/* formatProblem */.V)(p)}\n`);
            return cli_io/* EXIT */.d.usage;
        }
        explainer.flush();
        if (v.report !== undefined) {
            const path = (0,external_node_path_.resolve)(io.cwd, v.report);
            try {
                await writeJsonReport(path, result.value);
            }
            catch (e) {
                io.stderr.write(`disbuild: cannot write the report to ${path}: ${e.message}\n`);
                return cli_io/* EXIT */.d.failed;
            }
        }
        if (controller.signal.aborted)
            return 130;
        if (v['dry-run'])
            return cli_io/* EXIT */.d.ok;
        const { failed, skipped } = result.value.counts;
        return failed + skipped > 0 ? cli_io/* EXIT */.d.failed : cli_io/* EXIT */.d.ok;
    }
    finally {
        await coordinator.close({ drain: !controller.signal.aborted });
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
};
/** The minimal base environment of §5: what commands need to find tools, and nothing that varies silently. */
function baseEnvironment(env) {
    const base = { PATH: env.PATH ?? '/usr/local/bin:/usr/bin:/bin' };
    if (env.HOME !== undefined)
        base.HOME = env.HOME;
    return base;
}
function usageError(io, message) {
    io.stderr.write(`disbuild run: ${message}\nRun 'disbuild run --help' for usage.\n`);
    return cli_io/* EXIT */.d.usage;
}


/***/ }),

/***/ 5874:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ parseRemoteSettings),
  T: () => (/* binding */ withRemote)
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
    /** Renews the lease every `everyMs` until the returned function is called. */
    holdLease(importPath, token, everyMs) {
        const timer = setInterval(() => void this.renew(importPath, token), everyMs);
        timer.unref();
        return () => clearInterval(timer);
    }
    close() {
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

/***/ 6526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ soloCoordinator)
/* harmony export */ });
/** No coordinator: every claim builds and finishing does nothing (one process, its own memoization). */
const soloCoordinator = {
    env: {},
    claim: () => Promise.resolve({ kind: 'build', finish: () => Promise.resolve() }),
};


/***/ }),

/***/ 3413:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ openOnFirstClaim)
/* harmony export */ });
/**
 * A coordinator joined (or started) on the first claim. Only a miss claims, so a run whose every job hits never
 * touches the coordinator: no socket, no server, no store to clear, nothing to wait for at exit. Every miss still
 * goes through it.
 */
function openOnFirstClaim(open) {
    let opening;
    let opened;
    const get = () => (opening ??= open().then((c) => (opened = c)));
    return {
        // Jobs read it after their claim, by which time the coordinator is open.
        get env() {
            return opened?.env ?? {};
        },
        claim: async (key) => (await get()).claim(key),
        close: async (opts) => {
            if (opening)
                await (await opening).close(opts);
        },
    };
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
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/**
 * Who may be trusted with the coordinator's secrets: only files and sockets this user owns, in directories
 * nobody else can write. A directory another user can write lets that user swap a socket or a record under
 * us; a socket another user owns is that user's server, and our bearer token must never reach it.
 */
/** The effective uid files must belong to; undefined where the platform has none (then nothing is checked). */
const myUid = () => process.geteuid?.();
/**
 * Creates `dir` owner-only, or checks that an existing one is ours and tightens its mode. Answers a problem
 * when it is a symlink or belongs to somebody else.
 */
async function ensurePrivateDir(dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true, mode: 0o700 });
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(dir);
    if (!st.isDirectory())
        return `${dir} is not a directory`;
    const uid = myUid();
    if (uid !== undefined && st.uid !== uid)
        return `${dir} belongs to uid ${st.uid}, not to this user (${uid})`;
    if ((st.mode & 0o077) !== 0)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(dir, 0o700);
    return undefined;
}
/**
 * A socket may receive our token only when it is ours and sits in a directory that is ours and that nobody
 * else can write (so it cannot be replaced between this check and the connection).
 */
async function socketProblem(socketPath) {
    const uid = myUid();
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(socketPath);
    const d = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(dir).catch(() => undefined);
    if (!d)
        return `${dir} does not exist`;
    if (!d.isDirectory())
        return `${dir} is not a directory`;
    if (uid !== undefined && d.uid !== uid)
        return `${dir} belongs to uid ${d.uid}, not to this user`;
    if ((d.mode & 0o022) !== 0)
        return `${dir} can be written by other users`;
    const s = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(socketPath).catch(() => undefined);
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
async function readPrivateFile(path) {
    let fh;
    try {
        fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW);
    }
    catch {
        return undefined;
    }
    try {
        const st = await fh.stat();
        const uid = myUid();
        if (!st.isFile() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o077) !== 0)
            return undefined;
        return await fh.readFile('utf8');
    }
    finally {
        await fh.close();
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


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ SharedCoordinator)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/coordinator/client.ts
var coordinator_client = __webpack_require__(367);
// EXTERNAL MODULE: ./src/coordinator/private-dir.ts
var private_dir = __webpack_require__(3555);
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
 *   RUNNING  --lease expired / holder lost--> RUNNING(T')      the oldest waiter gets a fresh token T';
 *                                                              with no waiter, the entry is dropped
 *   DONE     --start--> DONE                                   the caller gets {extra} at once
 *   DONE     --finish(T)--> DONE                               a repeated finish with the right token is a no-op
 *   any finish with a wrong token is refused; a finish for an absent importPath is "no build started".
 */
class CoordinatorState {
    #entries = new Map();
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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
    #roots;
    constructor(dir, publishRoots) {
        this.dir = dir;
        this.#roots = Promise.all(publishRoots.map((r) => (0,promises_.realpath)(r).catch(() => (0,external_node_path_.normalize)(r))));
    }
    async put(importPath, files) {
        if (Object.keys(files).length === 0)
            return {};
        const roots = await this.#roots;
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
;// CONCATENATED MODULE: ./src/coordinator/server.ts








const DEFAULT_LEASE_MS = 10_000;
/**
 * The Start/Finish coordinator over HTTP/1.1: a thin transport around `CoordinatorState`.
 * Deals with: authentication, body limits, JSON, long-polling waiters, lease timers, the result store.
 * Does not deal with: the protocol's decisions (state.ts) or discovery (discovery.ts).
 */
async function startCoordinatorServer(opts) {
    const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
    const state = new CoordinatorState({ leaseMs, newToken: () => (0,external_node_crypto_.randomBytes)(16).toString('hex') });
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
        reply(res, await operate(route, body.value, (cancel) => res.on('close', cancel)));
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
                await (0,promises_.rm)(opts.listen.socketPath, { force: true });
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
                (0,promises_.chmod)(where.socketPath, 0o600).then(() => resolve((0,result.ok)(`unix:${where.socketPath}`)), (e) => resolve((0,result/* err */._)(e.message)));
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
 */
async function withTakeoverLock(path, fn) {
    const nonce = (0,external_node_crypto_.randomBytes)(8).toString('hex');
    const me = `${process.pid} ${nonce}`;
    // Counted as held from before it appears under the name: our own lock is never mistaken for a leftover.
    heldHere.add(nonce);
    try {
        while (!(await createComplete(path, me))) {
            const stale = await staleContent(path);
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
            if ((await (0,promises_.readFile)(path, 'utf8').catch(() => undefined)) === me)
                await (0,promises_.unlink)(path).catch(() => undefined);
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
async function createComplete(path, content) {
    const temp = `${path}.${(0,external_node_crypto_.randomBytes)(8).toString('hex')}.tmp`;
    await (0,promises_.writeFile)(temp, content, { mode: 0o600 });
    try {
        await (0,promises_.link)(temp, path);
        return true;
    }
    catch (e) {
        if (e.code !== 'EEXIST')
            throw e;
        return false;
    }
    finally {
        await (0,promises_.rm)(temp, { force: true });
    }
}
/** The lock's content when it may be broken; undefined while it is held (or gone, so free). */
async function staleContent(path) {
    const [owner, st] = await Promise.all([
        (0,promises_.readFile)(path, 'utf8').catch(() => undefined),
        (0,promises_.stat)(path).catch(() => undefined),
    ]);
    if (owner === undefined || st === undefined)
        return undefined;
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
    const marker = `${path}.breaking-${(0,external_node_crypto_.createHash)('sha1').update(stale).digest('hex').slice(0, 16)}`;
    const nonce = (0,external_node_crypto_.randomBytes)(8).toString('hex');
    heldHere.add(nonce);
    try {
        if (!(await createComplete(marker, `${process.pid} ${nonce}`))) {
            // Somebody else breaks this instance; a breaker that died doing so must not block everyone forever.
            if ((await staleContent(marker)) !== undefined)
                await (0,promises_.unlink)(marker).catch(() => undefined);
            await pause();
            return;
        }
        try {
            if ((await (0,promises_.readFile)(path, 'utf8').catch(() => undefined)) === stale)
                await (0,promises_.unlink)(path).catch(() => undefined);
        }
        finally {
            await (0,promises_.rm)(marker, { force: true });
        }
    }
    finally {
        heldHere.delete(nonce);
    }
}

;// CONCATENATED MODULE: ./src/coordinator/discovery.ts








/** How long a recorded server may take to answer a newcomer before it is taken for gone. */
const PROBE_MS = 5000;
async function joinOrStartCoordinator(cacheDir, opts = {}) {
    const dir = (0,external_node_path_.join)(cacheDir, 'coordinator');
    const problem = await (0,private_dir/* ensurePrivateDir */.rh)(dir);
    if (problem)
        throw new Error(`cannot use the coordinator directory: ${problem}`);
    const recordPath = (0,external_node_path_.join)(dir, 'server.json');
    /** `answered`: a server of ours listens on the recorded socket, even if it refused the recorded token. */
    const tryJoin = async () => {
        const record = parseRecord(await (0,private_dir/* readPrivateFile */.q1)(recordPath));
        if (!record)
            return {};
        if (await (0,private_dir/* socketProblem */.jK)(socketOf(record)))
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
        const socketPath = await newSocketPath(dir, old);
        if (old !== undefined && old !== socketPath && !(await (0,private_dir/* socketProblem */.jK)(old)))
            await (0,promises_.rm)(old, { force: true });
        await (0,promises_.rm)(socketPath, { force: true });
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
        await (0,promises_.writeFile)(temp, JSON.stringify(record), { mode: 0o600 });
        await (0,promises_.rename)(temp, recordPath);
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
async function newSocketPath(dir, previous) {
    const inside = (0,external_node_path_.join)(dir, 'sock');
    if (Buffer.byteLength(inside) < 100)
        return inside;
    if (previous !== undefined && (0,external_node_path_.dirname)(previous) !== dir && (await isPrivateDir((0,external_node_path_.dirname)(previous))))
        return previous;
    // mkdtemp: a random name, created 0700 by this user, that fails rather than reuse an existing path.
    return (0,external_node_path_.join)(await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'disbuild-coordinator-')), 'sock');
}
/** A directory only this user can enter (not a symlink), as mkdtemp made it. */
async function isPrivateDir(path) {
    const st = await (0,promises_.lstat)(path).catch(() => undefined);
    const uid = process.geteuid?.();
    return !!st && st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o077) === 0;
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

;// CONCATENATED MODULE: ./src/coordinator/shared-coordinator.ts







/** How long a process that serves the coordinator stays up for others after its own run, at most. */
const DRAIN_MS = 30 * 60 * 1000;
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
        const o = { ...opts, leaseMs: opts.leaseMs ?? 10_000 };
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
                        // Not publishable (a link out of the tree): without a finish, the lease runs out and a waiter
                        // builds it itself, as it would for an output the cache refuses.
                        this.#warn(`could not publish ${key}: ${e.message}`);
                        return;
                    }
                    const r = await client.finish(key, token, { extra });
                    if (!r.ok && r.error.reason !== 'unreachable')
                        this.#warn(`could not publish ${key}: ${r.error.message}`);
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


/***/ }),

/***/ 6840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ runGraph),
  j: () => (/* reexport */ safeName)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/cache/tree-copy.ts
var tree_copy = __webpack_require__(3076);
;// CONCATENATED MODULE: ./src/util/rename-replacing.ts

/** Renames `from` onto `to`, removing whatever is at `to` first only when the rename finds something there. */
async function renameReplacing(from, to) {
    try {
        await (0,promises_.rename)(from, to);
    }
    catch (e) {
        const code = e.code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR' && code !== 'EISDIR')
            throw e;
        await (0,promises_.rm)(to, { recursive: true, force: true });
        await (0,promises_.rename)(from, to);
    }
}

// EXTERNAL MODULE: ./src/ids/job-key.ts + 2 modules
var job_key = __webpack_require__(8519);
// EXTERNAL MODULE: ./src/util/printable.ts
var printable = __webpack_require__(1095);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/util/deferred.ts
/** A promise whose settlement is decided elsewhere. */
class Deferred {
    promise;
    #resolve;
    #reject;
    #settled = false;
    constructor() {
        this.promise = new Promise((resolve, reject) => {
            this.#resolve = resolve;
            this.#reject = reject;
        });
    }
    get settled() {
        return this.#settled;
    }
    resolve(value) {
        if (this.#settled)
            return;
        this.#settled = true;
        this.#resolve(value);
    }
    reject(reason) {
        if (this.#settled)
            return;
        this.#settled = true;
        this.#reject(reason);
    }
}

;// CONCATENATED MODULE: ./src/executor/command-queue.ts

/**
 * Starts a command once one of `slots` is free and nothing of higher priority waits, and frees the slot the
 * moment the command exits, before anyone is told: the next command starts at once instead of after the news of
 * this exit has travelled to the engine and a new request back (two process wake-ups, about 0.7 ms a command
 * on a virtual machine). `onStarted` is called as the command starts. `kill` on a command still waiting removes
 * it: it ends as not started.
 *
 * Used where commands are started: in the launcher process, and in the engine when it starts them itself.
 */
function queueCommand(slots, priority, start, onStarted) {
    let launched;
    const exited = new Deferred();
    void slots.run(priority, async (release) => {
        if (exited.settled)
            return;
        try {
            launched = start();
        }
        catch (e) {
            // Refused before any process existed (an argument Node rejects): an end like a failed start.
            onStarted(undefined);
            release();
            exited.resolve({ code: null, signal: null, error: e.message });
            return;
        }
        onStarted(launched.pid);
        const r = await launched.exited;
        release();
        exited.resolve(r);
    });
    return {
        exited: exited.promise,
        kill: () => {
            if (launched)
                launched.kill();
            else
                exited.resolve({ code: null, signal: null, notStarted: true });
        },
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/executor/log-capture.ts



/** Past this size, a job's stdout (or stderr) goes to a file instead of memory. */
const SPILL_BYTES = 16 * 1024 * 1024;
/** What is kept in memory of a spilled log, at each end: what reports show (the head) and tails show. */
const KEPT_BYTES = 1024 * 1024;
/**
 * Collects one stream of a job's output. Up to `limit` bytes it keeps chunks in memory; past that it writes
 * them to a file in `spillDir` and keeps only the head and the tail, so a job that prints gigabytes costs a
 * file, not memory for the rest of the run. Should the file fail (a full disk), it keeps everything in memory.
 */
class LogCapture {
    #spillDir;
    #limit;
    #chunks = [];
    #size = 0;
    #fd;
    #file;
    #head = Buffer.alloc(0);
    #tail = [];
    #tailSize = 0;
    constructor(spillDir, limit = SPILL_BYTES) {
        this.#spillDir = spillDir;
        this.#limit = limit;
    }
    push(chunk) {
        this.#size += chunk.length;
        if (this.#fd === undefined) {
            this.#chunks.push(chunk);
            if (this.#size > this.#limit && this.#spillDir !== undefined)
                this.#spill(this.#spillDir);
            return;
        }
        try {
            writeAll(this.#fd, chunk);
        }
        catch {
            this.#unspill();
            this.#chunks.push(chunk);
            return;
        }
        this.#keepTail(chunk);
    }
    #spill(dir) {
        const whole = Buffer.concat(this.#chunks);
        try {
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
            this.#file = (0,external_node_path_.join)(dir, `log-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
            this.#fd = (0,external_node_fs_.openSync)(this.#file, 'w', 0o600);
            writeAll(this.#fd, whole);
        }
        catch {
            this.#unspill();
            this.#chunks = [whole];
            return;
        }
        this.#head = Buffer.from(whole.subarray(0, KEPT_BYTES));
        this.#chunks = [];
        this.#keepTail(whole);
    }
    /** Back to memory only (the file could not be written): the file is no longer the whole log. */
    #unspill() {
        if (this.#fd !== undefined)
            (0,external_node_fs_.closeSync)(this.#fd);
        this.#fd = undefined;
        this.#file = undefined;
    }
    #keepTail(chunk) {
        this.#tail.push(chunk.length > KEPT_BYTES ? Buffer.from(chunk.subarray(-KEPT_BYTES)) : chunk);
        this.#tailSize += this.#tail.at(-1).length;
        while (this.#tailSize - this.#tail[0].length >= KEPT_BYTES)
            this.#tailSize -= this.#tail.shift().length;
    }
    /** The captured log; call once, when the job's commands are done. */
    finish() {
        if (this.#fd === undefined || this.#file === undefined) {
            return { bytes: Buffer.concat(this.#chunks), size: this.#size };
        }
        (0,external_node_fs_.closeSync)(this.#fd);
        this.#fd = undefined;
        const tail = Buffer.concat(this.#tail);
        const keep = Math.min(KEPT_BYTES, this.#size - this.#head.length);
        const kept = tail.subarray(tail.length - keep);
        const left = this.#size - this.#head.length - kept.length;
        const note = Buffer.from(`\n[… ${left} bytes left out here (${this.#size} in all) …]\n`);
        return { bytes: Buffer.concat([this.#head, note, kept]), file: this.#file, size: this.#size };
    }
}
function writeAll(fd, bytes) {
    for (let off = 0; off < bytes.length;)
        off += (0,external_node_fs_.writeSync)(fd, bytes, off);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/executor/process-group.ts




/**
 * Starts a command in a process group of its own, so that killing the group (a time-out, Ctrl-C, the engine
 * going away) kills everything the command started. Used by the engine directly and by the launcher process.
 *
 * Output goes to two anonymous files (created in `captureDir` and unlinked at once) rather than to pipes: a
 * pipe pair costs Node two stream objects and their events, about 0.4 ms of CPU per command, which for short
 * jobs is a sizeable share of the run. The files are read while the command runs (see `Captures`) and once
 * more when it exits, so output still arrives as it is written, within a poll interval. Should the files
 * not be creatable, the command gets pipes.
 */
function startInGroup(cmd, onOutput) {
    const files = openCaptureFiles(cmd.captureDir ?? (0,external_node_os_.tmpdir)());
    let child;
    try {
        child = (0,external_node_child_process_.spawn)(cmd.argv[0], cmd.argv.slice(1), {
            cwd: cmd.cwd,
            env: cmd.env,
            stdio: files ? ['ignore', files.stdout.fd, files.stderr.fd] : ['ignore', 'pipe', 'pipe'],
            detached: true,
        });
    }
    catch (e) {
        files?.close();
        throw e;
    }
    const killGroup = () => {
        if (child.pid !== undefined)
            killProcessGroup(child.pid);
    };
    if (files)
        captures.watch(files, onOutput);
    else {
        child.stdout.on('data', (c) => onOutput('stdout', c));
        child.stderr.on('data', (c) => onOutput('stderr', c));
    }
    let error;
    child.on('error', (e) => {
        error = e.message;
    });
    // Grandchildren left running in the group would go on writing (or hold the pipes open): they end with their
    // parent.
    child.on('exit', killGroup);
    return {
        exited: new Promise((resolve) => child.on('close', (code, signal) => {
            if (files)
                captures.finish(files, onOutput);
            resolve({ code, signal, ...(error === undefined ? {} : { error }) });
        })),
        kill: killGroup,
        pid: child.pid,
    };
}
/** Kills everything in the process group `pid` leads. */
function killProcessGroup(pid) {
    try {
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        // Already gone.
    }
}
let captureSeq = 0;
function openCaptureFiles(dir) {
    const opened = [];
    try {
        for (const name of ['out', 'err']) {
            const path = (0,external_node_path_.join)(dir, `.disbuild-${name}-${process.pid}-${captureSeq++}`);
            // O_APPEND: every write of the command (and of whatever it starts) lands at the end, none overwrites.
            const flags = external_node_fs_.constants.O_RDWR | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_APPEND;
            opened.push((0,external_node_fs_.openSync)(path, flags, 0o600));
            (0,external_node_fs_.unlinkSync)(path);
        }
    }
    catch {
        for (const fd of opened)
            (0,external_node_fs_.closeSync)(fd);
        return undefined;
    }
    const [out, err] = opened;
    return {
        stdout: { fd: out, read: 0 },
        stderr: { fd: err, read: 0 },
        close: () => {
            (0,external_node_fs_.closeSync)(out);
            (0,external_node_fs_.closeSync)(err);
        },
    };
}
/** How often running commands' capture files are looked at for new output. */
const POLL_MS = 100;
/** The capture files of running commands, read on a timer while any runs. */
class Captures {
    #running = new Map();
    #timer;
    watch(files, onOutput) {
        this.#running.set(files, onOutput);
        // Unref'd: the commands themselves keep the process alive while they run.
        this.#timer ??= setInterval(() => this.#poll(), POLL_MS).unref();
    }
    /** Passes on the rest of a finished command's output and closes its files. */
    finish(files, onOutput) {
        this.#running.delete(files);
        if (this.#running.size === 0 && this.#timer) {
            clearInterval(this.#timer);
            this.#timer = undefined;
        }
        drain(files, onOutput);
        files.close();
    }
    #poll() {
        for (const [files, onOutput] of this.#running)
            drain(files, onOutput);
    }
}
const captures = new Captures();
function drain(files, onOutput) {
    drainOne(files.stdout, (c) => onOutput('stdout', c));
    drainOne(files.stderr, (c) => onOutput('stderr', c));
}
const CHUNK = 1 << 20;
function drainOne(c, emit) {
    try {
        const size = (0,external_node_fs_.fstatSync)(c.fd).size;
        while (c.read < size) {
            const buf = Buffer.allocUnsafe(Math.min(CHUNK, size - c.read));
            const n = (0,external_node_fs_.readSync)(c.fd, buf, 0, buf.length, c.read);
            if (n === 0)
                return;
            c.read += n;
            emit(n === buf.length ? buf : buf.subarray(0, n));
        }
    }
    catch {
        // A capture file that cannot be read loses the rest of that output, never the command.
    }
}

;// CONCATENATED MODULE: ./src/executor/run-command.ts






/** When the job started, and its deadline; set by whichever command starts first. */
class JobClock {
    timeoutMs;
    onStarted;
    startedAt;
    deadline = Infinity;
    constructor(timeoutMs, onStarted) {
        this.timeoutMs = timeoutMs;
        this.onStarted = onStarted;
    }
    start() {
        if (this.startedAt !== undefined)
            return;
        this.startedAt = performance.now();
        if (this.timeoutMs > 0)
            this.deadline = Date.now() + this.timeoutMs;
        this.onStarted?.();
    }
}
/** Runs a job's commands in order, stopping at the first failure. Output is captured in full. */
async function runCommands(cmds, opts) {
    const out = new LogCapture(opts.spillDir);
    const err = new LogCapture(opts.spillDir);
    const onOutput = (stream, chunk) => {
        (stream === 'stdout' ? out : err).push(chunk);
        opts.onOutput(stream, chunk);
    };
    const clock = new JobClock(opts.timeoutMs, opts.onStarted);
    // A job without commands starts and ends at once.
    if (cmds.length === 0)
        clock.start();
    let result = { exitCode: 0, signal: null, timedOut: false, interrupted: false };
    for (const cmd of cmds) {
        if (opts.signal?.aborted) {
            result = { exitCode: null, signal: null, timedOut: false, interrupted: true };
            break;
        }
        if (cmd.kind === 'exec')
            result = await runExec(cmd, opts, clock, onOutput);
        else {
            clock.start();
            const error = await runCat(cmd);
            result = {
                exitCode: error === undefined ? 0 : 1,
                signal: null,
                timedOut: false,
                interrupted: false,
                ...(error === undefined ? {} : { error }),
            };
        }
        if (result.exitCode !== 0)
            break;
    }
    // Not started: the run was interrupted before the first command had a slot. A command that could not be
    // started at all (the launcher gone, say) is a failure, not this.
    if (clock.startedAt === undefined && result.interrupted)
        result = { ...result, notStarted: true };
    const stdout = out.finish();
    const stderr = err.finish();
    return {
        ...result,
        ...(clock.startedAt === undefined ? {} : { startedAt: clock.startedAt }),
        stdout: stdout.bytes,
        stderr: stderr.bytes,
        ...(stdout.file === undefined ? {} : { stdoutFile: stdout.file }),
        ...(stderr.file === undefined ? {} : { stderrFile: stderr.file }),
    };
}
async function runCat(cmd) {
    try {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(cmd.path), { recursive: true });
        await (0,promises_.writeFile)(cmd.path, cmd.content);
        return undefined;
    }
    catch (e) {
        return `cannot write ${(0,printable/* quoted */.TL)(cmd.path)}: ${e.message}`;
    }
}
function runExec(cmd, opts, clock, onOutput) {
    const env = { ...opts.env };
    for (const entry of cmd.environ) {
        const eq = entry.indexOf('=');
        env[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
    const started = {
        argv: cmd.argv,
        cwd: cmd.cwd,
        env,
        ...(opts.captureDir === undefined ? {} : { captureDir: opts.captureDir }),
    };
    let timedOut = false;
    let interrupted = false;
    let timer;
    // The time-out runs from the job's start, not from when its commands were queued.
    const onStarted = () => {
        clock.start();
        if (clock.deadline === Infinity)
            return;
        timer = setTimeout(() => {
            timedOut = true;
            proc.kill();
        }, Math.max(0, clock.deadline - Date.now()));
    };
    const proc = opts.launcher?.alive
        ? opts.launcher.run({ ...started, priority: opts.priority, slots: opts.slots.size }, onOutput, onStarted)
        : queueCommand(opts.slots, opts.priority, () => startInGroup(started, onOutput), onStarted);
    const onAbort = () => {
        interrupted = true;
        proc.kill();
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    return proc.exited.then((r) => {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        return {
            exitCode: r.error !== undefined ? 127 : r.code,
            signal: r.signal,
            timedOut,
            interrupted,
            ...(r.error === undefined ? {} : { error: `cannot run ${(0,printable/* quoted */.TL)(cmd.argv[0] ?? '')}: ${r.error}` }),
        };
    });
}

// EXTERNAL MODULE: ./src/graph/template.ts
var template = __webpack_require__(6244);
;// CONCATENATED MODULE: ./src/executor/render-commands.ts


/** Whether `path` lies strictly inside `dir`. */
function isInside(dir, path) {
    const rel = (0,external_node_path_.relative)(dir, path);
    return rel !== '' && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel);
}
/** Substitutes every template variable of a job's commands. */
function renderCommands(job, dirs) {
    const vars = {
        outputDir: dirs.outputDir,
        sourceDir: dirs.sourceDir,
        depDir: (label) => dirs.depDirs.get(label),
    };
    const r = (t) => (0,template/* renderTemplate */.Xm)(t, vars);
    return job.cmds.map((cmd) => {
        if (cmd.kind === 'cat') {
            const path = r(cmd.catOutput);
            return {
                kind: 'cat',
                content: r(cmd.catTemplate),
                path: (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(dirs.sourceDir, path),
            };
        }
        const wd = r(cmd.workingDirectory);
        return {
            kind: 'exec',
            argv: cmd.exec.map(r),
            environ: cmd.environ.map(r),
            cwd: wd === '' ? dirs.sourceDir : (0,external_node_path_.isAbsolute)(wd) ? wd : (0,external_node_path_.join)(dirs.sourceDir, wd),
        };
    });
}

// EXTERNAL MODULE: ./src/util/remove-tree.ts
var remove_tree = __webpack_require__(8043);
;// CONCATENATED MODULE: ./src/executor/temp-dirs.ts



/**
 * The per-job temp directories of one run. Every job gets an empty directory of its own; most jobs leave it
 * empty, and such a directory is handed to the next job instead of being removed and another created: on
 * common disks each of those is a fraction of a millisecond of kernel time, paid on the thread that starts jobs.
 */
class TempDirs {
    #root;
    #free = [];
    #made = 0;
    constructor(root) {
        this.#root = root;
    }
    /** An empty directory that no other job holds. */
    take() {
        const reused = this.#free.pop();
        if (reused !== undefined)
            return reused;
        const dir = (0,external_node_path_.join)(this.#root, String(this.#made++));
        (0,external_node_fs_.mkdirSync)(dir);
        return dir;
    }
    /** Gives a job's directory back: kept for the next job when the job left it empty, removed otherwise. */
    give(dir) {
        let names;
        try {
            names = (0,external_node_fs_.readdirSync)(dir);
        }
        catch {
            return;
        }
        if (names.length === 0)
            this.#free.push(dir);
        // Read-only directories in it (Go's module cache) are made writable first.
        else
            void (0,remove_tree/* removeTree */.dM)(dir).catch(() => undefined);
    }
}

// EXTERNAL MODULE: ./src/util/unreachable.ts
var unreachable = __webpack_require__(3914);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/executor/in-place.ts
/**
 * In-place outputs (a job's `Outputs`): files the commands write inside the source directory (`dist/**`).
 *
 * Deals with: finding the files the globs match, capturing them into the job's output directory (so the
 * artifact holds them), putting them back from an artifact — verified, replacing stale files, leaving
 * unchanged ones alone — and clearing stale ones before a job runs.
 * Does not deal with: when any of this happens (execution.ts decides) or caching (the artifact is the job's
 * output directory, saved and restored as a whole).
 */




/** Where in a job's output directory its in-place outputs are kept, by their path in the source directory. */
const IN_PLACE_DIR = '.in-place';
function compileOutputGlobs(patterns) {
    const positives = patterns.filter((p) => !p.startsWith('!'));
    const negatives = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const include = picomatch_default()(positives, { dot: true });
    const exclude = negatives.length > 0 ? picomatch_default()(negatives, { dot: true }) : () => false;
    const bases = new Set();
    for (const p of positives) {
        const scan = picomatch_default().scan(p);
        // A literal path is its own base: walking its parent would visit its siblings for nothing.
        bases.add(scan.isGlob ? scan.base : p);
    }
    return { bases: [...bases].sort(), matches: (path) => include(path) && !exclude(path) };
}
/** The files and symlinks under `root` that the globs match, relative, sorted; never inside `.git`. */
function listOutputs(root, globs) {
    const found = new Set();
    const walk = (rel) => {
        let st;
        try {
            st = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(root, rel));
        }
        catch {
            return;
        }
        if (st.isDirectory()) {
            let names;
            try {
                names = (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(root, rel));
            }
            catch {
                return;
            }
            for (const n of names)
                if (n !== '.git')
                    walk(rel === '' ? n : `${rel}/${n}`);
        }
        else if ((st.isFile() || st.isSymbolicLink()) && globs.matches(rel))
            found.add(rel);
    };
    for (const base of globs.bases)
        walk(base);
    return [...found].sort();
}
/** Copies the job's in-place outputs from the source directory into its output directory (before saving). */
function captureOutputs(sourceDir, globs, outputDir) {
    const files = listOutputs(sourceDir, globs);
    for (const rel of files) {
        const to = (0,external_node_path_.join)(outputDir, IN_PLACE_DIR, rel);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(to), { recursive: true });
        copyEntry((0,external_node_path_.join)(sourceDir, rel), to);
    }
    return files.length;
}
/**
 * Removes files the globs match that are not in `keep` (nor inputs of any job, in `protect`): stale outputs of
 * another build must not leak into this one's artifact, nor into what dependents read.
 */
function clearOutputs(sourceDir, globs, keep, protect) {
    for (const rel of listOutputs(sourceDir, globs)) {
        if (!keep.has(rel) && !protect(rel))
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(sourceDir, rel), { force: true });
    }
}
/**
 * Puts an artifact's in-place outputs back in the source directory: each file whose content, mode or type
 * differs is written beside its place and renamed over it, then checked; files the globs match that the
 * artifact lacks are removed. Answers an error message when a written file does not read back as the artifact's.
 *
 * With `move`, `artifactDir` is this run's own verified copy of the artifact, which nothing reads afterwards:
 * a regular file that no other name shares (one link: never a cache entry's file) is renamed into place
 * instead of copied and read back — the bytes are the ones just verified — and is gone from `artifactDir`.
 */
function placeOutputs(artifactDir, sourceDir, globs, protect, move = false) {
    const base = (0,external_node_path_.join)(artifactDir, IN_PLACE_DIR);
    const inArtifact = listOutputs(base, { bases: [''], matches: () => true });
    // Per file: one lstat of its place, and each side read once at most (the artifact's side only when a file
    // of the same size is there, or once written); each parent directory is made once.
    const made = new Set();
    for (const rel of inArtifact) {
        const from = describe((0,external_node_path_.join)(base, rel));
        const to = (0,external_node_path_.join)(sourceDir, rel);
        if (sameEntry(from, to))
            continue;
        const parent = (0,external_node_path_.dirname)(to);
        if (!made.has(parent)) {
            (0,external_node_fs_.mkdirSync)(parent, { recursive: true });
            made.add(parent);
        }
        if (move && moveFile(from, to))
            continue;
        const temp = `${to}.disbuild-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
        copyEntry(from.path, temp);
        if (!sameEntry(from, temp)) {
            (0,external_node_fs_.rmSync)(temp, { force: true });
            return `${rel} could not be written in place`;
        }
        // A directory where the file goes (a stale tree) is replaced too.
        if ((0,external_node_fs_.lstatSync)(to, { throwIfNoEntry: false })?.isDirectory())
            (0,external_node_fs_.rmSync)(to, { recursive: true, force: true });
        (0,external_node_fs_.renameSync)(temp, to);
    }
    clearOutputs(sourceDir, globs, new Set(inArtifact), protect);
    return undefined;
}
/**
 * Whether the checkout holds exactly an artifact's in-place outputs already (same files, types, exec bits and
 * SHA-256s as its manifest, and no other file the globs match): then nothing need be restored. False when the
 * artifact holds anything besides in-place outputs, which only a restore provides.
 */
function outputsInPlace(sourceDir, globs, entries) {
    const prefix = `${IN_PLACE_DIR}/`;
    const want = new Map();
    for (const e of entries) {
        if (e.path === IN_PLACE_DIR)
            continue;
        if (!e.path.startsWith(prefix))
            return false;
        if (e.type !== 'dir')
            want.set(e.path.slice(prefix.length), e);
    }
    const present = listOutputs(sourceDir, globs);
    if (present.length !== want.size)
        return false;
    for (const rel of present) {
        const e = want.get(rel);
        if (e === undefined)
            return false;
        const abs = (0,external_node_path_.join)(sourceDir, rel);
        const st = (0,external_node_fs_.lstatSync)(abs, { throwIfNoEntry: false });
        if (st === undefined)
            return false;
        if (e.type === 'symlink') {
            if (!st.isSymbolicLink() || (0,external_node_fs_.readlinkSync)(abs) !== e.target)
                return false;
        }
        else if (!st.isFile() || st.size !== e.size || (st.mode & 0o100 ? 0o755 : 0o644) !== e.mode)
            return false;
        else if (digest(abs) !== e.sha256)
            return false;
    }
    return true;
}
/** Renames a private regular file over `to` with the mode a copy would get; false when it cannot. */
function moveFile(from, to) {
    if (!from.stat.isFile() || from.stat.nlink !== 1)
        return false;
    try {
        (0,external_node_fs_.chmodSync)(from.path, from.stat.mode & 0o100 ? 0o755 : 0o644);
        // A directory where the file goes (a stale tree) is replaced too.
        if ((0,external_node_fs_.lstatSync)(to, { throwIfNoEntry: false })?.isDirectory())
            (0,external_node_fs_.rmSync)(to, { recursive: true, force: true });
        (0,external_node_fs_.renameSync)(from.path, to);
        return true;
    }
    catch {
        // Another file system, say: copied instead.
        return false;
    }
}
function copyEntry(from, to) {
    const st = (0,external_node_fs_.lstatSync)(from);
    if (st.isSymbolicLink()) {
        (0,external_node_fs_.symlinkSync)((0,external_node_fs_.readlinkSync)(from), to);
        return;
    }
    // A copy, never a link: the work tree's file may be edited later, and the artifact must not change with it.
    (0,external_node_fs_.copyFileSync)(from, to, external_node_fs_.constants.COPYFILE_FICLONE);
    (0,external_node_fs_.chmodSync)(to, st.mode & 0o100 ? 0o755 : 0o644);
}
function describe(path) {
    const stat = (0,external_node_fs_.lstatSync)(path);
    let content;
    return {
        path,
        stat,
        content: () => (content ??= stat.isSymbolicLink() ? (0,external_node_fs_.readlinkSync)(path) : digest(path)),
    };
}
/** Same type, executable bit and content (or link text). */
function sameEntry(a, b) {
    const sa = a.stat;
    const sb = (0,external_node_fs_.lstatSync)(b, { throwIfNoEntry: false });
    if (!sb)
        return false;
    if (sa.isSymbolicLink() || sb.isSymbolicLink()) {
        return sa.isSymbolicLink() && sb.isSymbolicLink() && a.content() === (0,external_node_fs_.readlinkSync)(b);
    }
    if (!sb.isFile() || sa.size !== sb.size || (sa.mode & 0o100) !== (sb.mode & 0o100))
        return false;
    return a.content() === digest(b);
}
function digest(path) {
    return (0,external_node_crypto_.createHash)('sha256').update((0,external_node_fs_.readFileSync)(path)).digest('hex');
}

;// CONCATENATED MODULE: ./src/executor/in-place-outputs.ts


/**
 * The in-place outputs of one run's jobs (`Outputs` in the graph), by job label. Jobs without `Outputs` cost
 * nothing here: every method returns at once for them.
 *
 * Deals with: which globs a job has, which jobs below a job have any, and never touching an input file.
 * Does not deal with: file operations (in-place.ts) or when they happen (execution.ts).
 */
class InPlaceOutputs {
    #graph;
    #sourceDir;
    #globs = new Map();
    #below = new Map();
    #inputs;
    /** Whether any job has in-place outputs: most graphs have none, and then nothing here costs anything. */
    #any;
    /** Whether restored output directories are scratch nobody reads after placing (see `placeOutputs`). */
    #move;
    constructor(graph, sourceDir, opts = {}) {
        this.#graph = graph;
        this.#sourceDir = sourceDir;
        this.#move = opts.moveFromRestores ?? false;
        this.#any = graph.jobs.some((j) => j.outputs !== undefined && j.outputs.length > 0);
    }
    #of(label) {
        if (!this.#globs.has(label)) {
            const outputs = this.#graph.byLabel.get(label)?.outputs;
            this.#globs.set(label, outputs && outputs.length > 0 ? compileOutputGlobs(outputs) : undefined);
        }
        return this.#globs.get(label);
    }
    /**
     * No file any job reads, and no file git tracks, is ever removed as a stale output, whatever the globs say (a
     * broad glob such as `**\/*.js` must not take sources with it). Asked only when a removal is due.
     */
    #protect = (path) => {
        if (!this.#inputs) {
            this.#inputs = new Set(trackedFiles(this.#sourceDir));
            for (const j of this.#graph.jobs)
                for (const i of j.inputs)
                    this.#inputs.add(i);
        }
        return this.#inputs.has(path);
    };
    /** The jobs with in-place outputs among all that `label` depends on, directly or not. */
    transitiveWithOutputs(label) {
        if (!this.#any)
            return [];
        let below = this.#below.get(label);
        if (below)
            return below;
        const seen = new Set();
        const stack = [...(this.#graph.byLabel.get(label)?.deps ?? [])];
        while (stack.length > 0) {
            const l = stack.pop();
            if (seen.has(l))
                continue;
            seen.add(l);
            stack.push(...(this.#graph.byLabel.get(l)?.deps ?? []));
        }
        below = [...seen].filter((l) => this.#of(l) !== undefined);
        this.#below.set(label, below);
        return below;
    }
    /** Before a job runs: its stale in-place outputs are removed, so that only what it writes is captured. */
    clear(label) {
        const globs = this.#of(label);
        if (globs)
            clearOutputs(this.#sourceDir, globs, new Set(), this.#protect);
    }
    /** After a job succeeded: its in-place outputs join its output directory. An error message on failure. */
    capture(label, outputDir) {
        const globs = this.#of(label);
        if (!globs)
            return undefined;
        try {
            captureOutputs(this.#sourceDir, globs, outputDir);
            return undefined;
        }
        catch (e) {
            return e.message;
        }
    }
    /** Whether a cached job's in-place outputs are in the checkout already, as its manifest says. */
    upToDate(label, entries) {
        const globs = this.#of(label);
        if (!globs || entries === undefined)
            return false;
        try {
            return outputsInPlace(this.#sourceDir, globs, entries);
        }
        catch {
            return false;
        }
    }
    /**
     * After a job's artifact was restored to `dir`: its in-place outputs go back where they were written. With
     * `restored`, `dir` is a fresh restore that this run may take files from (when the options allow it).
     */
    place(label, dir, restored = false) {
        const globs = this.#of(label);
        if (!globs)
            return undefined;
        try {
            return placeOutputs(dir, this.#sourceDir, globs, this.#protect, restored && this.#move);
        }
        catch (e) {
            return `in-place outputs: ${e.message}`;
        }
    }
}
/** The files git tracks under `dir`, relative to it; none outside a work tree. */
function trackedFiles(dir) {
    try {
        const out = (0,external_node_child_process_.execFileSync)('git', ['ls-files', '-z', '--', '.'], {
            cwd: dir,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            maxBuffer: 1 << 30,
        });
        return out.split('\0').filter(Boolean);
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/util/seal-tree.ts


/**
 * Makes a finished output tree read-only (directories r-x, files lose their write bits), so that a dependent
 * that tries to write into its dependency's outputs (Python's `__pycache__`, a lock file) gets EACCES instead of
 * changing what the cache holds. Root ignores modes: for it, restores copy only what the manifest lists, so such
 * writes are never mistaken for damage either. Symlinks are left alone (chmod would follow them).
 * Synchronous, as the manifest's walk is: a few metadata calls per file, cheaper in line than as thread-pool
 * round trips. Never throws: a tree that cannot be sealed is only less protected.
 */
function sealTree(dir) {
    try {
        setModes(dir, (mode, isDir) => (isDir ? 0o555 : mode & ~0o222 & 0o7777));
    }
    catch {
        // Gone, or not ours.
    }
}
/** The opposite, for copies handed to the user (`--out-dir`): the owner may write everything. */
function unsealTree(dir) {
    try {
        setModes(dir, (mode, isDir) => (isDir ? 0o755 : (mode & 0o7777) | 0o200));
    }
    catch {
        // As above.
    }
}
function setModes(path, next) {
    const st = (0,external_node_fs_.lstatSync)(path);
    if (st.isSymbolicLink())
        return;
    const isDir = st.isDirectory();
    let current = st.mode & 0o7777;
    if (isDir) {
        // A directory is opened (made readable) before its children are visited and sealed after them.
        if ((current & 0o700) !== 0o700)
            (0,external_node_fs_.chmodSync)(path, (current |= 0o700));
        for (const name of (0,external_node_fs_.readdirSync)(path))
            setModes((0,external_node_path_.join)(path, name), next);
    }
    const mode = next(st.mode, isDir);
    if (mode !== current)
        (0,external_node_fs_.chmodSync)(path, mode);
}

// EXTERNAL MODULE: ./src/util/free-space.ts
var free_space = __webpack_require__(6947);
;// CONCATENATED MODULE: ./src/executor/restore-watchers.ts
/**
 * For each cache hit whose output a dependent may yet ask for, the dependents that may ask.
 *
 * A hit nobody needs the bytes of is reported `cached` at once. But a hit that some job restores (a dependent
 * that must build, an `--out-dir` target) may fail verification and be rebuilt, and then it is `built`: its
 * outcome must wait for the dependents that could cause that. A job may cause it when it misses, when its bytes
 * are wanted, or when it is itself such a hit (its own restore may fail and rebuild it). Empty — and free — for a
 * run where everything is cached and nothing is downloaded.
 */
function restoreWatchers(graph, selected, isHit, wantBytes) {
    const active = new Set(selected.filter((l) => !isHit(l) || wantBytes.has(l)));
    const watchers = new Map();
    if (active.size === 0)
        return watchers;
    const inSelection = new Set(selected);
    const queue = [...active];
    for (let i = 0; i < queue.length; i++) {
        const label = queue[i];
        for (const dep of graph.byLabel.get(label).deps) {
            if (!inSelection.has(dep) || !isHit(dep))
                continue;
            const list = watchers.get(dep);
            if (list)
                list.push(label);
            else
                watchers.set(dep, [label]);
            if (!active.has(dep)) {
                active.add(dep);
                queue.push(dep);
            }
        }
    }
    // A hit whose bytes are wanted is restored for its own sake: nothing to wait for.
    for (const l of wantBytes)
        watchers.delete(l);
    return watchers;
}

;// CONCATENATED MODULE: ./src/executor/execution.ts













/**
 * One run's memoized walk of the graph: each key is built or restored at most once, whichever job asks first.
 *
 * Deals with: ordering by dependencies, minimal download (a hit is restored only when asked for its bytes),
 * falling back to a build when a restore fails verification, keep-going / fail-fast, saving successes.
 * Does not deal with: keys, lookups or reporting formats — those are decided before and after.
 */
class Execution {
    #p;
    #ready = new Map();
    #saves = [];
    /** Whether each key built here made it into the cache (resolves when its save ends). */
    #inCache = new Map();
    #stopScheduling = false;
    #tempDirs;
    #inPlace;
    /** Hits whose outcome waits for the dependents that may restore (and so perhaps rebuild) them. */
    #watchers;
    #outcomes = new Map();
    constructor(parts) {
        this.#p = parts;
        // Restored output directories are this run's scratch; only --out-dir and --download all read them whole.
        this.#inPlace = new InPlaceOutputs(parts.graph, parts.options.sourceDir, {
            moveFromRestores: parts.options.outDir === undefined && parts.options.download !== 'all',
        });
        // Every job in progress listens to the signal: more than the default ten at -j 5 and above.
        if (parts.options.signal)
            (0,external_node_events_.setMaxListeners)(0, parts.options.signal);
        this.#tempDirs = new TempDirs((0,external_node_path_.join)(parts.options.workDir, 'tmp'));
        this.#watchers = restoreWatchers(parts.graph, parts.selected ?? [], (l) => parts.hits.has(parts.keys.get(l)), parts.wantBytes ?? new Set());
    }
    ref(label) {
        const job = this.#p.graph.byLabel.get(label);
        return { label, name: job.name, key: this.#p.keys.get(label) };
    }
    /** The job's outcome; restores a hit only when `needBytes` is set. */
    outcome(label, needBytes) {
        // Memoized only where outcomes wait for each other; a fully cached run keeps no map.
        if (this.#watchers.size === 0)
            return this.#decide(label, needBytes);
        let outcome = this.#outcomes.get(label);
        if (!outcome) {
            outcome = this.#decide(label, needBytes);
            this.#outcomes.set(label, outcome);
        }
        return outcome;
    }
    async #decide(label, needBytes) {
        const ref = this.ref(label);
        const hit = this.#p.hits.get(ref.key);
        if (hit && !needBytes) {
            const watchers = this.#watchers.get(label);
            if (watchers) {
                await Promise.all(watchers.map((w) => this.outcome(w, this.#p.wantBytes?.has(w) ?? false)));
            }
            // Not asked for by anyone: cached. Asked for: whatever its restore (or the rebuild after it) turned out.
            if (!this.#ready.has(ref.key))
                return this.#cachedOutcome(ref, hit);
        }
        const ready = await this.materialize(label);
        return { ...ready.outcome, label: ref.label, name: ref.name };
    }
    /** The job's output directory, restoring or building it (and its dependencies) as needed. */
    materialize(label) {
        const key = this.#p.keys.get(label);
        let ready = this.#ready.get(key);
        if (!ready) {
            ready = this.#restoreOrBuild(label);
            this.#ready.set(key, ready);
        }
        return ready;
    }
    /** Waits for the background saves; call once every outcome is known. */
    async settle() {
        await Promise.allSettled(this.#saves);
    }
    async #cachedOutcome(ref, hit) {
        const logs = await hit.logs().catch(() => ({ stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) }));
        return { ...ref, status: 'cached', exitCode: 0, durationMs: hit.durationMs, ...logs };
    }
    async #restoreOrBuild(label) {
        const ref = this.ref(label);
        const hit = this.#p.hits.get(ref.key);
        if (hit) {
            const dir = this.#outputDir(ref.key);
            if (this.#inPlaceAlready(label, hit)) {
                // Its artifact holds nothing but in-place outputs, and those are in the checkout: nothing to fetch. Its
                // (empty) output directory is made only when a job that runs names it (#build): a fully cached run of
                // a thousand such jobs would otherwise spend most of its file-system time making empty directories.
                return { ok: true, dir, outcome: await this.#cachedOutcome(ref, hit) };
            }
            const restored = await hit.restore(dir);
            const placed = restored.ok ? this.#inPlace.place(label, dir, true) : restored.error.message;
            if (placed === undefined) {
                sealTree(dir);
                return { ok: true, dir, outcome: await this.#cachedOutcome(ref, hit) };
            }
            const message = `cached output of ${(0,printable/* quoted */.TL)(ref.name)} could not be restored (${placed}); building it instead`;
            // A backend that turned itself off has said so once; every restore after that is a plain miss.
            if (restored.ok || !(restored.error.reason === 'cache-unavailable' && restored.error.reported))
                this.#p.reporter.onEvent({ type: 'warning', job: ref, message });
            await (0,remove_tree/* removeTree */.dM)(dir).catch(() => undefined);
            const ready = await this.#build(this.#p.graph.byLabel.get(label), ref);
            // Built, not cached: the report says so, and why.
            ready.outcome.message ??= message;
            return ready;
        }
        return this.#build(this.#p.graph.byLabel.get(label), ref);
    }
    /** Only when no one wants the output directory's bytes (`--download all`, `--out-dir`). */
    #inPlaceAlready(label, hit) {
        const { options } = this.#p;
        if (options.download === 'all' || options.outDir !== undefined)
            return false;
        return this.#inPlace.upToDate(label, hit.entries?.());
    }
    async #build(job, ref) {
        // A job that runs reads the in-place outputs of every job below it, not only of its direct dependencies.
        const below = this.#inPlace.transitiveWithOutputs(job.label);
        const needed = below.length === 0 ? job.deps : [...new Set([...job.deps, ...below])];
        const deps = await Promise.all(needed.map(async (d) => ({ label: d, ready: await this.materialize(d) })));
        const broken = deps.find((d) => !d.ready.ok);
        if (broken) {
            const name = this.#p.graph.byLabel.get(broken.label).name;
            return this.#notRun(ref, `dependency ${(0,printable/* quoted */.TL)(name)} ${broken.ready.outcome.status}`);
        }
        if (this.#stopScheduling)
            return this.#notRun(ref, 'not started: an earlier job failed (--fail-fast)');
        if (this.#p.options.signal?.aborted)
            return this.#notRun(ref, 'not started: the run was interrupted');
        // The first `job.deps.length` entries are the direct dependencies, whose directories commands may name.
        const depDirs = new Map(deps.slice(0, job.deps.length).map((d) => [d.label, d.ready.dir]));
        for (const dir of depDirs.values())
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        return this.#p.pool.run(this.#p.priorities.get(ref.label) ?? 0, (release) => this.#runJob(job, ref, depDirs, release));
    }
    #notRun(ref, message) {
        const outcome = {
            ...ref,
            status: 'skipped',
            exitCode: null,
            durationMs: 0,
            stdout: Buffer.alloc(0),
            stderr: Buffer.alloc(0),
            message,
        };
        return { ok: false, outcome };
    }
    async #runJob(job, ref, depDirs, release) {
        const { options } = this.#p;
        // Checked again here: the failure that stops scheduling may have happened while this job queued.
        if (this.#stopScheduling)
            return this.#notRun(ref, 'not started: an earlier job failed (--fail-fast)');
        if (options.signal?.aborted)
            return this.#notRun(ref, 'not started: the run was interrupted');
        const claim = await this.#p.coordinator.claim(ref.key);
        switch (claim.kind) {
            case 'reuse':
                return ((await this.#reuse(ref, claim.restore)) ??
                    this.#buildClaimed(job, ref, depDirs, release, () => Promise.resolve()));
            case 'failed':
                return this.#failedElsewhere(ref, claim.error);
            case 'cached':
                // Built elsewhere and saved to the shared cache; should that fail to restore, build it here.
                return ((await this.#lateHit(ref)) ??
                    this.#buildClaimed(job, ref, depDirs, release, () => Promise.resolve()));
            case 'build': {
                const late = await this.#lateHit(ref);
                if (late) {
                    this.#saves.push(this.#finish(ref, late, claim.finish));
                    return late;
                }
                return this.#buildClaimed(job, ref, depDirs, release, claim.finish);
            }
            default:
                return (0,unreachable/* unreachable */.H)(claim);
        }
    }
    /**
     * A key can reach the cache between this run's lookup and its claim (another process built and saved it,
     * then its coordinator went away): look once more before building.
     */
    async #lateHit(ref) {
        const hit = (await this.#p.cache.lookup([ref.key])).get(ref.key);
        if (!hit)
            return undefined;
        const dir = this.#outputDir(ref.key);
        const restored = await hit.restore(dir);
        const placed = restored.ok ? this.#inPlace.place(ref.label, dir) : restored.error.message;
        if (placed !== undefined) {
            const message = `cached output of ${(0,printable/* quoted */.TL)(ref.name)} could not be restored (${placed}); building it instead`;
            this.#p.reporter.onEvent({ type: 'warning', job: ref, message });
            await (0,remove_tree/* removeTree */.dM)(dir).catch(() => undefined);
            return undefined;
        }
        sealTree(dir);
        return { ok: true, dir, outcome: await this.#cachedOutcome(ref, hit) };
    }
    /**
     * Another worker or process built this key while we waited: its files are the result, once they verify.
     * Undefined when they do not (unreadable, or not matching their manifest): the caller builds it here.
     */
    async #reuse(ref, restore) {
        const outputDir = this.#outputDir(ref.key);
        await (0,remove_tree/* removeTree */.dM)(outputDir).catch(() => undefined);
        try {
            const logs = await restore(outputDir);
            const placed = this.#inPlace.place(ref.label, outputDir);
            if (placed !== undefined)
                throw new Error(placed);
            sealTree(outputDir);
            const outcome = {
                ...ref,
                status: 'cached',
                exitCode: 0,
                ...logs,
                message: 'built by a concurrent run',
            };
            return { ok: true, dir: outputDir, outcome };
        }
        catch (e) {
            await (0,remove_tree/* removeTree */.dM)(outputDir).catch(() => undefined);
            this.#p.reporter.onEvent({
                type: 'warning',
                job: ref,
                message: `the result of ${(0,printable/* quoted */.TL)(ref.name)} from a concurrent run could not be used (${e.message}); building it instead`,
            });
            return undefined;
        }
    }
    #failedElsewhere(ref, error) {
        const outcome = {
            ...ref,
            status: 'failed',
            exitCode: null,
            durationMs: 0,
            stdout: Buffer.alloc(0),
            stderr: Buffer.alloc(0),
            message: `failed in a concurrent run: ${error}`,
        };
        return { ok: false, outcome };
    }
    async #buildClaimed(job, ref, depDirs, release, finish) {
        let ready;
        try {
            ready = await this.#execute(job, ref, depDirs, release);
        }
        finally {
            // Published in the background: dependents here read the output directory directly, so the worker slot
            // is free for the next job while other processes' waiters get the result a moment later.
            this.#saves.push(this.#finish(ref, ready, finish));
        }
        return ready;
    }
    async #finish(ref, ready, finish) {
        try {
            // Published after the save: a waiter told "it is in the cache" must find it there.
            const inCache = ready?.ok
                ? await (this.#inCache.get(ref.key) ?? Promise.resolve(ready.outcome.status === 'cached'))
                : false;
            await finish(ready?.ok
                ? { outputDir: ready.dir, ...ready.outcome, inCache }
                : { error: ready?.outcome.message ?? 'the build threw' });
        }
        catch (e) {
            this.#p.reporter.onEvent({
                type: 'warning',
                job: ref,
                message: `could not publish ${(0,printable/* quoted */.TL)(ref.name)} to the coordinator: ${e.message}`,
            });
        }
    }
    async #execute(job, ref, depDirs, release) {
        const { options, reporter } = this.#p;
        let outputDir;
        let tmpDir;
        try {
            outputDir = this.#newOutputDir(ref.key);
            tmpDir = this.#tempDirs.take();
        }
        catch (e) {
            const outcome = {
                ...ref,
                status: 'failed',
                exitCode: null,
                durationMs: 0,
                stdout: Buffer.alloc(0),
                stderr: Buffer.alloc(0),
                message: `not started: cannot create its directories (${e.message})${diskFullNote(options.workDir)}`,
            };
            return { ok: false, outcome };
        }
        this.#inPlace.clear(job.label);
        const cmds = renderCommands(job, { outputDir, sourceDir: options.sourceDir, depDirs });
        for (const c of cmds) {
            if (c.kind === 'cat' && !isInside(outputDir, c.path)) {
                reporter.onEvent({
                    type: 'warning',
                    job: ref,
                    message: `${(0,printable/* quoted */.TL)(job.name)} writes ${(0,printable/* quoted */.TL)(c.path)} outside its output directory: that file is not cached`,
                });
                break;
            }
        }
        const result = await runCommands(cmds, {
            env: { ...options.baseEnv, ...this.#p.coordinator.env, TMPDIR: tmpDir },
            captureDir: tmpDir,
            // Beside the run's other files, not in the job's temp directory: saving needs them after the job.
            spillDir: (0,external_node_path_.join)(options.workDir, 'logs'),
            timeoutMs: options.jobTimeoutMs,
            ...(options.signal ? { signal: options.signal } : {}),
            slots: this.#p.commandSlots,
            priority: this.#p.priorities.get(ref.label) ?? 0,
            ...(this.#p.launcher ? { launcher: this.#p.launcher } : {}),
            onStarted: () => reporter.onEvent({ type: 'job-start', job: ref }),
            onOutput: (stream, chunk) => reporter.onEvent({ type: 'job-output', job: ref, stream, chunk }),
        });
        const durationMs = Math.round(performance.now() - (result.startedAt ?? performance.now()));
        // Asked before the temp directory is emptied: a job that filled the disk is told so.
        const fullNote = result.exitCode === 0 ? '' : diskFullNote(outputDir, tmpDir);
        this.#tempDirs.give(tmpDir);
        if (result.notStarted)
            return this.#notRun(ref, 'not started: the run was interrupted');
        const succeeded = result.exitCode === 0 && !result.interrupted && !result.timedOut;
        const outcome = {
            ...ref,
            status: succeeded ? 'built' : 'failed',
            exitCode: result.exitCode,
            durationMs,
            stdout: result.stdout,
            stderr: result.stderr,
        };
        if (!succeeded) {
            outcome.message = result.timedOut
                ? `timed out after ${options.jobTimeoutMs} ms`
                : result.interrupted
                    ? 'interrupted'
                    : (result.error ??
                        (result.signal ? `killed by ${result.signal}` : `exited with code ${String(result.exitCode)}`));
            outcome.message += fullNote;
            if (options.failFast)
                this.#stopScheduling = true;
            return { ok: false, outcome };
        }
        this.#p.timings.record(job.name, durationMs);
        const captured = this.#inPlace.capture(job.label, outputDir);
        if (captured !== undefined) {
            outcome.status = 'failed';
            outcome.message = `its in-place outputs could not be captured: ${captured}`;
            return { ok: false, outcome };
        }
        const changed = (await this.#p.inputsChanged?.(job)) ?? [];
        if (changed.length > 0) {
            // The job may have read the new bytes: filed under the key of the old ones, it would be served for them.
            reporter.onEvent({
                type: 'warning',
                job: ref,
                message: `${JSON.stringify(job.name)} was not cached: ${changed.length === 1 ? 'its input' : 'inputs'} ${changed.join(', ')} changed while it ran`,
            });
            this.#inCache.set(ref.key, Promise.resolve(false));
            return { ok: true, dir: outputDir, outcome };
        }
        // Dependents get outputs they cannot write into, whether they read them here or from a later restore.
        sealTree(outputDir);
        const artifact = {
            outputDir,
            stdout: result.stdout,
            stderr: result.stderr,
            durationMs,
            jobName: ref.name,
            ...(result.stdoutFile === undefined ? {} : { stdoutFile: result.stdoutFile }),
            ...(result.stderrFile === undefined ? {} : { stderrFile: result.stderrFile }),
        };
        const saving = this.#p.cache
            .save(ref.key, artifact)
            // Backends answer trouble as outcomes; should one throw all the same, the build goes on without it.
            .catch((e) => ({
            saved: false,
            reason: 'cache-unavailable',
            message: e.message,
        }));
        const saved = saving.then((saved) => {
            if (!saved.saved && saved.reason === 'unsafe-output') {
                reporter.onEvent({
                    type: 'warning',
                    job: ref,
                    message: `${(0,printable/* quoted */.TL)(job.name)} was not cached: ${saved.message ?? 'unsafe output'}`,
                });
            }
            // 'exists': another process saved the same key first, so it is in the cache all the same.
            return saved.saved || saved.reason === 'exists';
        });
        this.#inCache.set(ref.key, saved);
        this.#saves.push(saved);
        if (this.#p.cache.newOutputDir === undefined)
            return { ok: true, dir: outputDir, outcome };
        // The cache takes the directory over: dependents read it where the save puts it. The slot is free already.
        release();
        const s = await saving;
        return { ok: true, dir: (s.saved && s.outputDir) || outputDir, outcome };
    }
    /** Where a job writes its outputs: a directory the cache can take over whole, or one in this run's tree. */
    #newOutputDir(key) {
        if (this.#p.cache.newOutputDir) {
            try {
                return this.#p.cache.newOutputDir(key);
            }
            catch {
                // The cache cannot give one (a full or read-only cache disk): the job still runs, in this run's tree.
            }
        }
        const dir = this.#outputDir(key);
        // Fresh per key: nothing can be there unless a failed restore left it, and that path removes it.
        // Synchronous: a thread-pool round trip here would idle the slot between jobs.
        (0,external_node_fs_.mkdirSync)(dir);
        return dir;
    }
    #outputDir(key) {
        return (0,external_node_path_.join)(this.#p.options.workDir, 'out', key);
    }
}
/** Below this, a failed job's disk is called full in its message: the likely reason it failed. */
const FULL_DISK_BYTES = 1024 * 1024;
/** `; the disk holding DIR is full` when one of these directories' disks is (nearly) out of space; else ''. */
function diskFullNote(...dirs) {
    for (const dir of dirs) {
        const free = (0,free_space/* freeBytes */.go)(dir);
        if (free !== undefined && free < FULL_DISK_BYTES) {
            return `; the disk holding ${dir} is full (${free} bytes free)`;
        }
    }
    return '';
}

;// CONCATENATED MODULE: ./src/executor/priorities.ts
/**
 * Critical-path-first priorities: a job's priority is its own estimated duration plus the longest chain of
 * estimated durations among the jobs that depend on it, so the pool always starts the job that delays the end most.
 * Jobs with no recorded duration are estimated at the median of the known ones (1 when none is known), which
 * degrades to "number of dependents on the longest chain".
 */
function criticalPathPriorities(graph, selected, estimate) {
    const known = [...selected].map(estimate).filter((d) => d !== undefined);
    known.sort((a, b) => a - b);
    const fallback = known.length > 0 ? Math.max(1, known[Math.floor(known.length / 2)]) : 1;
    const dependents = new Map();
    const pendingDependents = new Map();
    for (const label of selected)
        pendingDependents.set(label, 0);
    for (const label of selected) {
        for (const dep of graph.byLabel.get(label).deps) {
            if (!selected.has(dep))
                continue;
            let list = dependents.get(dep);
            if (!list)
                dependents.set(dep, (list = []));
            list.push(label);
            pendingDependents.set(dep, pendingDependents.get(dep) + 1);
        }
    }
    // Kahn's algorithm from the sinks upwards: iterative, so 100,000-job chains do not overflow the stack.
    const priority = new Map();
    const ready = [...selected].filter((l) => pendingDependents.get(l) === 0);
    while (ready.length > 0) {
        const label = ready.pop();
        let longestAfter = 0;
        for (const d of dependents.get(label) ?? [])
            longestAfter = Math.max(longestAfter, priority.get(d));
        priority.set(label, (estimate(label) ?? fallback) + longestAfter);
        for (const dep of graph.byLabel.get(label).deps) {
            if (!selected.has(dep))
                continue;
            const left = pendingDependents.get(dep) - 1;
            pendingDependents.set(dep, left);
            if (left === 0)
                ready.push(dep);
        }
    }
    return priority;
}

// EXTERNAL MODULE: ./src/executor/select.ts
var executor_select = __webpack_require__(5277);
// EXTERNAL MODULE: ./src/executor/timings.ts
var executor_timings = __webpack_require__(2670);
// EXTERNAL MODULE: ./src/coordinator/job-coordinator.ts
var job_coordinator = __webpack_require__(6526);
// EXTERNAL MODULE: ./src/util/discard-dir.ts
var discard_dir = __webpack_require__(7516);
;// CONCATENATED MODULE: ./src/executor/out-dir-names.ts
/** A job name as one path component: anything but letters, digits, `.`, `_` and `-` becomes `_`. */
function safeName(name) {
    const s = name.replace(/[^A-Za-z0-9._-]/g, '_');
    return s === '.' || s === '..' ? '_' : s;
}
/** Where `--out-dir` puts a target's outputs: its name made safe (the label when it has none). */
function outDirName(graph, label) {
    return safeName(graph.byLabel.get(label).name || label);
}
/**
 * Targets that `--out-dir` would put in the same directory (`a/b`, `a_b` and `a b` all become `a_b`), one
 * problem per shared directory naming every job in it. Names differing only in case count as the same, so that
 * a graph that works on Linux does not silently overwrite outputs on macOS or Windows.
 */
function outDirCollisions(graph, roots) {
    const byDir = new Map();
    for (const label of roots) {
        const dir = outDirName(graph, label);
        const slot = byDir.get(dir.toLowerCase());
        const name = graph.byLabel.get(label).name || label;
        if (slot)
            slot.names.push(name);
        else
            byDir.set(dir.toLowerCase(), { dir, names: [name] });
    }
    return [...byDir.values()]
        .filter((s) => s.names.length > 1)
        .map((s) => ({
        field: 'out-dir',
        message: `jobs ${s.names.map((n) => JSON.stringify(n)).join(', ')} would all be copied to ${JSON.stringify(s.dir)}; rename them or select fewer targets`,
    }));
}

;// CONCATENATED MODULE: ./src/executor/worker-pool.ts
/**
 * A bounded pool of slots whose queue is ordered by priority (highest first, then arrival).
 *
 * Deals with: how many tasks (jobs, or commands) run at once and which waiting one goes next.
 * Does not deal with: dependencies — a task is only submitted once its inputs are ready.
 */
class WorkerPool {
    #size;
    #running = 0;
    #seq = 0;
    #drainScheduled = false;
    #queue = [];
    constructor(size) {
        this.#size = Math.max(1, Math.floor(size));
    }
    get size() {
        return this.#size;
    }
    /**
     * Runs `task` when a slot is free and nothing of higher priority waits. The slot is freed when the task ends,
     * or earlier when the task calls `release` (work that follows, such as saving, need not hold it).
     */
    async run(priority, task) {
        await this.#acquire(priority);
        let held = true;
        const release = () => {
            if (!held)
                return;
            held = false;
            this.#release();
        };
        try {
            return await task(release);
        }
        finally {
            release();
        }
    }
    #acquire(priority) {
        return new Promise((resolve) => {
            const entry = { priority, seq: this.#seq++, start: resolve };
            // Binary insertion keeps the queue sorted: O(log n) search, and the head is always next.
            let lo = 0;
            let hi = this.#queue.length;
            while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                const other = this.#queue[mid];
                if (other.priority > priority || (other.priority === priority && other.seq < entry.seq))
                    lo = mid + 1;
                else
                    hi = mid;
            }
            this.#queue.splice(lo, 0, entry);
            this.#scheduleDrain();
        });
    }
    // Slots are handed out on the next turn of the event loop, not at once: everything that became ready in this
    // turn is queued by then, so the first jobs started are the most urgent ones, not merely the first to ask.
    #scheduleDrain() {
        if (this.#drainScheduled)
            return;
        this.#drainScheduled = true;
        setImmediate(() => {
            this.#drainScheduled = false;
            this.#drain();
        });
    }
    #release() {
        this.#running--;
        this.#drain();
    }
    #drain() {
        while (this.#running < this.#size && this.#queue.length > 0) {
            this.#running++;
            this.#queue.shift().start();
        }
    }
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/executor/launcher.ts





// Read once at load: in the bundle this is the chunk's own file, beside which the build puts the launcher.
const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
/**
 * Starts job commands from a small separate process instead of this one.
 *
 * Why: starting a process forks its parent, and a fork costs in proportion to the parent's memory. The engine's
 * process holds the graph, the keys and the logs, so each fork there costs a few milliseconds of its only
 * thread — the thread that also schedules, saves and reports. A launcher of a few tens of megabytes forks
 * several times faster, on another core. Only the bundled build has the launcher; elsewhere (and should it
 * fail to start or die) commands are started directly.
 */
class Launcher {
    #child;
    #pending = new Map();
    #next = 1;
    #alive = true;
    constructor(child) {
        this.#child = child;
        // Idle, the launcher does not keep this process alive: a run that ends without closing it (or a launcher
        // started early and never used) does not hang the exit. Commands in flight hold it.
        child.unref();
        child.channel?.unref();
        child.on('message', (e) => {
            const p = this.#pending.get(e.id);
            if (!p)
                return;
            if (e.type === 'output')
                p.onOutput(e.stream, Buffer.from(e.chunk, 'base64'));
            else if (e.type === 'started') {
                p.pid = e.pid;
                p.onStarted();
            }
            else {
                this.#pending.delete(e.id);
                if (this.#pending.size === 0)
                    child.channel?.unref();
                p.resolve(e);
            }
        });
        const gone = () => {
            this.#alive = false;
            for (const p of this.#pending.values()) {
                // Killed itself (SIGKILL, the OOM killer), the launcher could not end its commands: they end here.
                if (p.pid !== undefined)
                    killProcessGroup(p.pid);
                p.resolve({ code: null, signal: null, error: 'the launcher process exited' });
            }
            this.#pending.clear();
        };
        child.on('exit', gone);
        child.on('error', gone);
    }
    /** A launcher beside this module's bundle, or undefined when there is none (running from source). */
    static start() {
        const program = (0,external_node_path_.join)(here, 'launcher-process.js');
        if (!(0,external_node_fs_.existsSync)(program))
            return undefined;
        try {
            const child = (0,external_node_child_process_.fork)(program, [], {
                serialization: 'json',
                // Small young generation: this process allocates little, and its size is what each fork copies.
                execArgv: ['--max-semi-space-size=1'],
                stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
                // A group of its own: a kill of this process's group must leave it alive to end the commands.
                detached: true,
            });
            return new Launcher(child);
        }
        catch {
            return undefined;
        }
    }
    get alive() {
        return this.#alive && this.#child.connected;
    }
    /** Queues a command in the launcher, which starts it when one of `slots` is free (see command-queue.ts). */
    run(cmd, onOutput, onStarted) {
        const id = this.#next++;
        if (!this.alive)
            return {
                exited: Promise.resolve({ code: null, signal: null, error: 'the launcher process exited' }),
                kill: () => undefined,
            };
        const exited = new Promise((resolve) => this.#pending.set(id, { onOutput, onStarted, resolve }));
        if (this.#pending.size === 1)
            this.#child.channel?.ref();
        this.#send({ type: 'run', id, ...cmd });
        return { exited, kill: () => this.#send({ type: 'kill', id }) };
    }
    /** Ends the launcher; commands still running are killed by it. */
    close() {
        if (this.#child.connected)
            this.#child.disconnect();
    }
    #send(m) {
        try {
            if (this.#child.connected)
                this.#child.send(m);
        }
        catch {
            // The exit handler answers every pending command.
        }
    }
}

// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
;// CONCATENATED MODULE: ./src/engine.ts

















/**
 * Runs a validated graph: keys every selected job, looks the keys up, and builds only the misses.
 * The one place that wires the core together; it knows nothing of terminals, GitHub or git hooks.
 * Returns problems (bad targets, missing inputs) before anything runs; job failures are in the summary.
 */
async function runGraph(graph, options, deps) {
    const started = performance.now();
    const selection = (0,executor_select/* selectJobs */.h)(graph, options.targets);
    if (!selection.ok)
        return (0,result/* err */._)(selection.error.map((message) => ({ field: 'targets', message })));
    if (options.outDir !== undefined) {
        const collisions = outDirCollisions(graph, selection.value.roots);
        if (collisions.length > 0)
            return (0,result/* err */._)(collisions);
    }
    const keyed = await computeKeys(graph, options, deps.onKeyed);
    if (!keyed.ok)
        return keyed;
    const { keys, recheck } = keyed.value;
    const selected = graph.jobs.map((j) => j.label).filter((l) => selection.value.closure.has(l));
    const hits = await deps.cache.lookup([...new Set(selected.map((l) => keys.get(l)))]);
    const cachedCount = selected.filter((l) => hits.has(keys.get(l))).length;
    deps.reporter.onEvent({
        type: 'run-start',
        total: selected.length,
        cached: cachedCount,
        toRun: selected.length - cachedCount,
    });
    // Started on the first miss, not before: a run whose every job hits starts no process, so it neither pays for
    // one nor waits for one to exit. A run with misses queues its first commands while the launcher boots.
    const launcher = options.dryRun || cachedCount === selected.length ? undefined : Launcher.start();
    const timings = deps.timings ?? executor_timings/* noTimings */.D;
    const wantBytes = new Set(options.download === 'all' ? selected : options.outDir !== undefined ? selection.value.roots : []);
    // In-place outputs are wanted where they belong: a cached job with `Outputs` is restored into the checkout.
    for (const l of selected)
        if (graph.byLabel.get(l).outputs)
            wantBytes.add(l);
    const execution = new Execution({
        graph,
        keys,
        hits,
        priorities: criticalPathPriorities(graph, selection.value.closure, (l) => {
            const job = graph.byLabel.get(l);
            return timings.get(job.name) ?? hits.get(keys.get(l))?.durationMs;
        }),
        // -j bounds the commands running at once; as many jobs again are claimed and prepared ahead (directories,
        // commands), each queued to start the moment a running command ends (see command-queue.ts). Not with
        // --fail-fast: a queued command would start before the engine heard that the one before it failed; with no
        // more jobs in progress than slots, no command ever waits, and none starts after a failure is known.
        pool: new WorkerPool(options.failFast ? options.concurrency : options.concurrency * 2),
        commandSlots: new WorkerPool(options.concurrency),
        cache: deps.cache,
        reporter: deps.reporter,
        timings,
        coordinator: deps.coordinator ?? job_coordinator/* soloCoordinator */.E,
        ...(launcher ? { launcher } : {}),
        ...(recheck ? { inputsChanged: (job) => recheck.changed(job.inputs) } : {}),
        options,
        selected,
        wantBytes,
    });
    // Scratch space only for a run that builds or restores something: nothing to create, and nothing to remove.
    if (!options.dryRun && (cachedCount < selected.length || wantBytes.size > 0)) {
        await (0,promises_.mkdir)((0,external_node_path_.join)(options.workDir, 'out'), { recursive: true });
        await (0,promises_.mkdir)((0,external_node_path_.join)(options.workDir, 'tmp'), { recursive: true });
    }
    let jobs;
    try {
        jobs = await Promise.all(selected.map(async (label) => {
            const outcome = options.dryRun
                ? dryRunOutcome(execution, label, hits.has(keys.get(label)))
                : await execution.outcome(label, wantBytes.has(label));
            deps.reporter.onEvent({ type: 'job-end', outcome });
            return outcome;
        }));
        // Saves and publications read output directories: they end before any directory is moved to the out dir.
        await execution.settle();
        if (options.outDir !== undefined && !options.dryRun) {
            await copyToOutDir(execution, selection.value.roots, options.outDir, graph, options.workDir);
        }
    }
    finally {
        launcher?.close();
        await Promise.allSettled([deps.cache.close(), timings.flush()]);
        (0,discard_dir/* discardDir */._)(options.workDir);
    }
    const summary = {
        jobs,
        counts: countStatuses(jobs),
        durationMs: Math.round(performance.now() - started),
    };
    deps.reporter.onEvent({ type: 'run-end', summary });
    return (0,result.ok)(summary);
}
/**
 * Keys, and for the working tree the check that a build's inputs did not change while it ran (a commit cannot);
 * the digests go to whoever explains the keys (`onKeyed`).
 */
async function computeKeys(graph, options, onKeyed) {
    if (options.digests === 'working-tree') {
        const keyed = await (0,job_key/* keyGraphAndInputs */.Cq)(graph, options.sourceDir, options.salt, options.workTreeListings);
        if (keyed.ok)
            onKeyed?.(keyed.value.digests, keyed.value.keys);
        return keyed;
    }
    const keys = await (0,job_key/* keyGraphAtCommit */.CS)(graph, options.sourceDir, options.digests.commit, options.salt);
    return keys.ok ? (0,result.ok)({ keys: keys.value }) : keys;
}
function dryRunOutcome(execution, label, hit) {
    return {
        ...execution.ref(label),
        status: hit ? 'cached' : 'skipped',
        exitCode: hit ? 0 : null,
        durationMs: 0,
        stdout: Buffer.alloc(0),
        stderr: Buffer.alloc(0),
        ...(hit ? {} : { message: 'dry run: would build' }),
    };
}
/** Copies each built or restored target's outputs to `<outDir>/<name>` (names made file-system safe). */
async function copyToOutDir(execution, roots, outDir, graph, workDir) {
    await (0,promises_.mkdir)(outDir, { recursive: true });
    // A tree restored into this run's scratch space is nobody else's by now (every job has ended): it is moved into
    // place, not copied a second time. Outputs that live in the cache (built by this run) are copied.
    const scratch = (0,external_node_path_.join)(workDir, 'out') + external_node_path_.sep;
    const placed = new Map();
    for (const label of roots) {
        const ready = await execution.materialize(label);
        if (!ready.ok)
            continue;
        const dest = (0,external_node_path_.join)(outDir, outDirName(graph, label));
        const from = placed.get(ready.dir) ?? ready.dir;
        if (from === ready.dir && ready.dir.startsWith(scratch) && (await moved(ready.dir, dest))) {
            placed.set(ready.dir, dest);
        }
        else {
            await (0,remove_tree/* removeTree */.dM)(dest);
            await (0,tree_copy/* copyTree */.E)(from, dest, { link: false });
        }
        // Outputs are read-only while dependents read them; the user's copy is the user's to change.
        unsealTree(dest);
    }
}
/** Moves `from` onto `to` (replacing what is there); false when it cannot, another file system, say. */
async function moved(from, to) {
    try {
        await renameReplacing(from, to);
        return true;
    }
    catch {
        return false;
    }
}

function countStatuses(jobs) {
    const counts = { cached: 0, built: 0, failed: 0, skipped: 0 };
    for (const j of jobs)
        counts[j.status]++;
    return counts;
}


/***/ }),

/***/ 5277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ selectJobs)
/* harmony export */ });
/* unused harmony export dependencyClosure */
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1095);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8251);



/**
 * The jobs a run covers: the targets (names or globs; all jobs when empty) and everything they depend on.
 * A target that matches no job is an error naming it, so a typo never becomes a silent no-op.
 */
function selectJobs(graph, targets) {
    if (targets.length === 0) {
        const all = graph.jobs.map((j) => j.label);
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)({ roots: all, closure: new Set(all) });
    }
    const roots = [];
    const problems = [];
    for (const target of targets) {
        const isMatch = picomatch__WEBPACK_IMPORTED_MODULE_2___default()(target, { dot: true });
        // A disbuild.json task name stands for that task in every package (`build` is `@scope/a#build`, …).
        const inPackages = `#${target}`;
        const matched = graph.jobs.filter((j) => j.name === target || j.label === target || isMatch(j.name) || j.name.endsWith(inPackages));
        if (matched.length === 0)
            problems.push(`target ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(target)} matches no job name`);
        for (const j of matched)
            roots.push(j.label);
    }
    if (problems.length > 0)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(problems);
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)({ roots: [...new Set(roots)], closure: dependencyClosure(graph, roots) });
}
/** `roots` and every job they transitively depend on. */
function dependencyClosure(graph, roots) {
    const seen = new Set();
    const stack = [...roots];
    while (stack.length > 0) {
        const label = stack.pop();
        if (seen.has(label))
            continue;
        seen.add(label);
        for (const dep of graph.byLabel.get(label)?.deps ?? [])
            stack.push(dep);
    }
    return seen;
}


/***/ }),

/***/ 4624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   WE: () => (/* binding */ explain),
/* harmony export */   ZN: () => (/* binding */ detailLines)
/* harmony export */ });
/* unused harmony export describeChange */
/** The changes between a job's current record and the last stored one. */
function explain(name, records, seen = new Set()) {
    const now = records.current(name);
    const before = records.previous(name);
    if (now === undefined || before === undefined)
        return [{ kind: 'never-built' }];
    if (now.key === before.key)
        return [{ kind: 'same-key' }];
    seen.add(name);
    const changes = [];
    if (now.salt !== before.salt)
        changes.push({ kind: 'salt' });
    for (const path of unionKeys(now.inputs, before.inputs)) {
        const [n, b] = [now.inputs[path], before.inputs[path]];
        if (n === b)
            continue;
        changes.push({
            kind: 'input',
            path,
            ...(b === undefined ? {} : { old: b }),
            ...(n === undefined ? {} : { new: n }),
        });
    }
    changes.push(...commandChanges(now.cmds, before.cmds));
    if (now.outputs.join('\0') !== before.outputs.join('\0'))
        changes.push({ kind: 'outputs' });
    for (const dep of unionKeys(now.deps, before.deps)) {
        const [n, b] = [now.deps[dep], before.deps[dep]];
        if (n === b)
            continue;
        if (n === undefined || b === undefined)
            changes.push({ kind: 'dep-list', name: dep, how: n ? 'added' : 'removed' });
        else {
            const because = seen.has(dep) ? [] : explain(dep, records, seen);
            // The dependency was rebuilt since this job was: its own record already has the new key.
            changes.push({ kind: 'dep', name: dep, because: because[0]?.kind === 'same-key' ? [] : because });
        }
    }
    return changes;
}
function commandChanges(now, before) {
    const out = [];
    if (now.length !== before.length)
        return [{ kind: 'command', field: `Cmds (${before.length} -> ${now.length})` }];
    now.forEach((n, i) => {
        const b = before[i];
        const at = `Cmds[${i}]`;
        if (n.kind !== b.kind)
            out.push({ kind: 'command', field: at });
        else if (n.kind === 'cat' && b.kind === 'cat') {
            if (n.content !== b.content)
                out.push({ kind: 'command', field: `${at}.CatTemplate` });
            if (n.output !== b.output)
                out.push({ kind: 'command', field: `${at}.CatOutput` });
        }
        else if (n.kind === 'exec' && b.kind === 'exec') {
            const len = Math.max(n.argv.length, b.argv.length);
            for (let k = 0; k < len; k++) {
                if (n.argv[k] !== b.argv[k])
                    out.push({ kind: 'command', field: `${at}.Exec[${k}]` });
            }
            if (n.cwd !== b.cwd)
                out.push({ kind: 'command', field: `${at}.WorkingDirectory` });
            for (const name of unionKeys(n.env, b.env)) {
                if (n.env[name] === b.env[name])
                    continue;
                const how = b.env[name] === undefined ? 'added' : n.env[name] === undefined ? 'removed' : 'changed';
                out.push({ kind: 'env', name, how });
            }
        }
    });
    return out;
}
function unionKeys(a, b) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
const short = (state) => state === undefined ? 'none' : state === 'missing' ? 'missing' : state.split(' ')[1].slice(0, 12);
/** One change as a phrase. */
function describeChange(c) {
    switch (c.kind) {
        case 'never-built':
            return 'never built';
        case 'same-key':
            return 'built before with this key, but the cache no longer has it';
        case 'salt':
            return 'salt changed';
        case 'input':
            if (c.old === undefined)
                return `input ${c.path} added (${short(c.new)})`;
            if (c.new === undefined)
                return `input ${c.path} removed (was ${short(c.old)})`;
            return `input ${c.path} changed (${short(c.old)} -> ${short(c.new)})`;
        case 'command':
            return `command changed (${c.field})`;
        case 'env':
            return `env ${c.name} ${c.how}`;
        case 'outputs':
            return 'outputs changed';
        case 'dep-list':
            return `dependency ${JSON.stringify(c.name)} ${c.how}`;
        case 'dep': {
            const root = c.because.find((x) => x.kind !== 'dep') ?? c.because[0];
            return `dependency ${JSON.stringify(c.name)} changed${root ? `: ${describeChange(root)}` : ''}`;
        }
    }
}
/** The reason in one line: the job's own first change (before any dependency's), and how many more. */
function oneLine(changes) {
    const own = changes.find((c) => c.kind !== 'dep') ?? changes[0];
    if (!own)
        return 'key changed';
    const more = changes.length - 1;
    return more > 0 ? `${describeChange(own)} (+${more} more)` : describeChange(own);
}
/** Every change, one per line, dependencies' causes indented below them. */
function detailLines(changes, indent = '  ') {
    const out = [];
    for (const c of changes) {
        out.push(`${indent}${c.kind === 'dep' ? `dependency ${JSON.stringify(c.name)} changed` : describeChange(c)}`);
        if (c.kind === 'dep')
            out.push(...detailLines(c.because, `${indent}  `));
    }
    return out;
}


/***/ }),

/***/ 1806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ KeyRecordStore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/**
 * The last key record of each job name, one small file per name under `<cache-dir>/explain-v1/`. Written when a
 * job is built (temp file and rename: a reader sees the old record or the new one); advisory only — a missing or
 * unreadable record is "never built", never an error.
 */
class KeyRecordStore {
    #dir;
    #made = false;
    /** The record files there were when first asked: one listing instead of a failed open per job never built. */
    #listed;
    constructor(cacheDir) {
        this.#dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cacheDir, 'explain-v1');
    }
    #file(name) {
        return `${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(name).digest('hex')}.json`;
    }
    #path(name) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.#dir, this.#file(name));
    }
    read(name) {
        if (this.#listed === undefined) {
            try {
                this.#listed = new Set((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(this.#dir));
            }
            catch {
                this.#listed = new Set();
            }
        }
        const file = this.#file(name);
        if (!this.#listed.has(file))
            return undefined;
        try {
            const r = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.#dir, file), 'utf8'));
            return r.version === 1 && r.name === name ? r : undefined;
        }
        catch {
            return undefined;
        }
    }
    write(record) {
        const path = this.#path(record.name);
        const temp = `${path}.${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
        try {
            if (!this.#made)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(this.#dir, { recursive: true });
            this.#made = true;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(temp, JSON.stringify(record));
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, path);
            this.#listed?.add(this.#file(record.name));
        }
        catch {
            // A record that cannot be written costs a later explanation its detail, nothing else; a full disk must
            // not keep half of it either.
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(temp, { force: true });
        }
    }
}


/***/ }),

/***/ 9814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M: () => (/* binding */ RunExplainer)
});

// EXTERNAL MODULE: ./src/explain/explain.ts
var explain = __webpack_require__(4624);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/explain/key-record.ts
/**
 * A key's ingredients, kept per job name so that a later run can say what changed (`disbuild explain`). It holds
 * what the key is made of, in a form a person can read back: input paths with their digests, commands with
 * dependency references by name, environment variable names with a hash of their value (never the value), a
 * hash of the salt, and the dependencies' keys by name.
 */

const hash = (s) => (0,external_node_crypto_.createHash)('sha256').update(s).digest('hex');
/** The record of one job's key. */
function keyRecord(graph, job, digests, keys, salt) {
    const depName = (l) => graph.byLabel.get(l)?.name ?? l;
    const text = (t) => t
        .map((p) => p.kind === 'text'
        ? p.text
        : p.kind === 'output-dir'
            ? '{{OUTPUT_DIR}}'
            : p.kind === 'source-dir'
                ? '{{SOURCE_DIR}}'
                : `{{DEP:${depName(p.label)}}}`)
        .join('');
    const inputs = {};
    for (const path of job.inputs) {
        const s = digests.get(path);
        inputs[path] =
            s === undefined || !('digest' in s)
                ? 'missing'
                : `${s.mode} ${s.digest}${s.link === undefined ? '' : ` link ${s.link}`}`;
    }
    const cmds = job.cmds.map((c) => {
        if (c.kind === 'cat')
            return { kind: 'cat', content: hash(text(c.catTemplate)), output: text(c.catOutput) };
        const env = {};
        for (const e of c.environ) {
            const entry = text(e);
            const eq = entry.indexOf('=');
            env[eq < 0 ? entry : entry.slice(0, eq)] = hash(eq < 0 ? '' : entry.slice(eq + 1));
        }
        return { kind: 'exec', argv: c.exec.map(text), env, cwd: text(c.workingDirectory) };
    });
    const deps = {};
    for (const d of job.deps)
        deps[depName(d)] = keys.get(d) ?? '';
    return {
        version: 1,
        name: job.name,
        key: keys.get(job.label) ?? '',
        salt: hash(salt),
        inputs,
        cmds,
        deps,
        outputs: [...(job.outputs ?? [])],
    };
}

;// CONCATENATED MODULE: ./src/explain/run-explainer.ts


/** A record from elsewhere, checked before it is compared with anything. */
function isKeyRecord(name, r) {
    if (typeof r !== 'object' || r === null)
        return false;
    const x = r;
    const isMap = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    return (x.version === 1 &&
        x.name === name &&
        typeof x.key === 'string' &&
        typeof x.salt === 'string' &&
        isMap(x.inputs) &&
        Array.isArray(x.cmds) &&
        isMap(x.deps) &&
        Array.isArray(x.outputs));
}
/**
 * One run's explanations: this run's key records (made on demand from the digests the keys were computed from)
 * against the stored ones, and storing the records of the jobs it builds.
 *
 * Deals with: records by job name, lazily (a fully cached run makes none). Does not deal with: rendering.
 */
class RunExplainer {
    #graph;
    #salt;
    #store;
    #byName = new Map();
    #current = new Map();
    #previous = new Map();
    #digests = new Map();
    #keys = new Map();
    constructor(graph, salt, store) {
        this.#graph = graph;
        this.#salt = salt;
        this.#store = store;
        for (const j of graph.jobs)
            if (!this.#byName.has(j.name))
                this.#byName.set(j.name, j);
    }
    /** For EngineDeps.onKeyed. */
    onKeyed = (digests, keys) => {
        this.#digests = digests;
        this.#keys = keys;
    };
    current(name) {
        let r = this.#current.get(name);
        const job = this.#byName.get(name);
        if (r === undefined && job !== undefined && this.#keys.has(job.label)) {
            r = keyRecord(this.#graph, job, this.#digests, this.#keys, this.#salt);
            this.#current.set(name, r);
        }
        return r;
    }
    previous(name) {
        if (!this.#previous.has(name)) {
            this.#previous.set(name, this.#store.read(name));
            this.#looked.add(name);
        }
        return this.#previous.get(name);
    }
    /** Names whose stored record was looked up (locally) since the last `preload` round. */
    #looked = new Set();
    /**
     * Takes the stored records of `names`, and of the dependencies their explanations reach, from a shared
     * cache (the GitHub cache's index: a fresh runner has no local records). A record found there replaces the
     * local one: it is the last one of the cache this run reads. Call before `reason`, after the run.
     */
    async preload(names, fetch) {
        const asked = new Set();
        let wanted = [...new Set(names)];
        while (wanted.length > 0) {
            for (const n of wanted)
                asked.add(n);
            const found = await fetch(wanted).catch(() => new Map());
            for (const [n, r] of found)
                if (isKeyRecord(n, r))
                    this.#previous.set(n, r);
            // Explaining them reaches the dependencies whose keys changed: their records are asked for next.
            this.#looked.clear();
            for (const n of names)
                this.changes(n);
            wanted = [...this.#looked].filter((n) => !asked.has(n));
        }
    }
    changes(name) {
        return (0,explain/* explain */.WE)(name, this);
    }
    reason(name) {
        return (0,explain/* oneLine */.TN)(this.changes(name));
    }
    #built = [];
    /** Called when a job was built: its record becomes the one later runs compare with (written by `flush`). */
    recordBuilt(name) {
        // The record it replaces is read first: dependents still explain themselves against it in this run.
        this.previous(name);
        this.#built.push(name);
    }
    /** Writes the records of the jobs built, after the run: nothing is written while jobs wait to start. */
    flush() {
        for (const name of this.#built.splice(0)) {
            const r = this.current(name);
            if (r)
                this.#store.write(r);
        }
    }
}


/***/ }),

/***/ 3465:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ ConsoleReporter)
/* harmony export */ });
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1095);
/* harmony import */ var _util_unreachable_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3914);


/**
 * Renders run events for people. Deals with: prefixing job output line by line, the live status line,
 * the closing summary. Does not deal with: deciding anything about the run.
 *
 * Names and messages are the producer's text: they are printed escaped and cut (see printable.ts), so that
 * none can recolour the terminal or print a line of its own. Jobs' output is theirs and passes unchanged.
 */
class ConsoleReporter {
    #o;
    #partial = new Map();
    #running = new Map();
    #counts = { cached: 0, built: 0, failed: 0, skipped: 0 };
    #total = 0;
    #statusShown = false;
    #lastDraw = 0;
    constructor(options) {
        this.#o = options;
    }
    onEvent(event) {
        switch (event.type) {
            case 'run-start':
                this.#total = event.total;
                break;
            case 'job-start':
                this.#running.set(event.job.key + event.job.label, (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(event.job.name));
                if (!this.#o.live)
                    this.#line(`▶ ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(event.job.name)}`);
                break;
            case 'job-output':
                if (this.#o.streamOutput)
                    this.#output(event.job, event.stream, event.chunk);
                break;
            case 'job-end':
                this.#jobEnd(event.outcome);
                break;
            case 'warning':
                this.#line(`warning: ${message(event.message)}`);
                break;
            case 'run-end':
                this.#runEnd(event.summary);
                return;
            default:
                (0,_util_unreachable_js__WEBPACK_IMPORTED_MODULE_1__/* .unreachable */ .H)(event);
        }
        this.#drawStatus(false);
    }
    #output(job, stream, chunk) {
        const id = `${job.label}:${stream}`;
        const text = (this.#partial.get(id) ?? '') + chunk.toString('utf8');
        const lines = text.split('\n');
        this.#partial.set(id, lines.pop());
        const name = (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(job.name);
        for (const l of lines)
            this.#line(`${name} | ${l}`);
    }
    #flushPartial(job) {
        for (const stream of ['stdout', 'stderr']) {
            const id = `${job.label}:${stream}`;
            const rest = this.#partial.get(id);
            if (rest)
                this.#line(`${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(job.name)} | ${rest}`);
            this.#partial.delete(id);
        }
    }
    #jobEnd(o) {
        this.#counts[o.status]++;
        this.#running.delete(o.key + o.label);
        this.#flushPartial(o);
        const secs = (o.durationMs / 1000).toFixed(1);
        const name = (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(o.name);
        switch (o.status) {
            case 'cached':
                if (this.#o.logReplay === 'all')
                    this.#replay(o);
                break;
            case 'built':
                if (!this.#o.live)
                    this.#line(`✓ ${name} built in ${secs}s`);
                break;
            case 'failed':
                this.#line(`✗ ${name} failed after ${secs}s: ${message(o.message ?? `exit code ${String(o.exitCode)}`)}`);
                if (!this.#o.streamOutput)
                    this.#replay(o);
                break;
            case 'skipped':
                if (!this.#o.live)
                    this.#line(`- ${name} skipped: ${message(o.message ?? '')}`);
                break;
            default:
                (0,_util_unreachable_js__WEBPACK_IMPORTED_MODULE_1__/* .unreachable */ .H)(o.status);
        }
    }
    #replay(o) {
        this.#output(o, 'stdout', o.stdout);
        this.#output(o, 'stderr', o.stderr);
        this.#flushPartial(o);
    }
    #runEnd(s) {
        this.#clearStatus();
        const c = s.counts;
        const total = c.cached + c.built + c.failed + c.skipped;
        this.#o.stream.write(`disbuild: ${total} jobs: ${c.cached} cached, ${c.built} built, ${c.failed} failed, ${c.skipped} skipped in ${(s.durationMs / 1000).toFixed(2)}s\n`);
        const failed = s.jobs.filter((j) => j.status === 'failed');
        for (const j of failed)
            this.#o.stream.write(`  failed: ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(j.name)} (${message(j.message ?? `exit ${String(j.exitCode)}`)})\n`);
    }
    #line(text) {
        this.#clearStatus();
        this.#o.stream.write(text + '\n');
    }
    #clearStatus() {
        if (this.#statusShown)
            this.#o.stream.write('\r\x1b[2K');
        this.#statusShown = false;
    }
    #drawStatus(force) {
        if (!this.#o.live)
            return;
        const now = Date.now();
        if (!force && this.#statusShown && now - this.#lastDraw < 80)
            return;
        this.#lastDraw = now;
        const c = this.#counts;
        const done = c.cached + c.built + c.failed + c.skipped;
        const running = [...this.#running.values()].slice(0, 3).join(', ');
        const text = `[${done}/${this.#total}] cached ${c.cached} · built ${c.built} · failed ${c.failed} · remaining ${this.#total - done}${running ? ` · running ${running}` : ''}`;
        const cols = this.#o.stream.columns ?? 100;
        this.#clearStatus();
        this.#o.stream.write(text.slice(0, Math.max(20, cols - 1)));
        this.#statusShown = true;
    }
}
/** A message of the engine's: its own words, with names and paths in it; escaped, never cut. */
function message(text) {
    return (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(text, Infinity);
}


/***/ }),

/***/ 7516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ discardDir)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _remove_tree_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8043);




/** Trees of at most this many entries are removed in line: cheaper than starting a process, and nothing waits. */
const INLINE_LIMIT = 64;
/**
 * Removes a scratch directory without making the caller wait: it is renamed out of the way at once (so nothing
 * sees it half-deleted), then deleted by a detached `rm -rf` that may outlive this process. Deleting thousands of
 * job directories costs hundreds of milliseconds that no user should wait for at the end of a run. A small tree
 * (a run that built a few jobs, an empty store) is removed in line instead: a process of its own would cost more
 * than the removal, and would still be running when this one exits. Read-only directories in it (left by jobs,
 * or sealed outputs) are made writable when the first removal fails.
 */
function discardDir(path) {
    const doomed = `${path}.discard-${process.pid}-${Date.now()}`;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(path, doomed);
    }
    catch {
        return; // Already gone.
    }
    const inProcess = () => void (0,_remove_tree_js__WEBPACK_IMPORTED_MODULE_3__/* .removeTree */ .dM)(doomed).catch(() => undefined);
    if (isSmallTree(doomed)) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(doomed, { recursive: true, force: true });
            return;
        }
        catch {
            // Left to rm below, which makes read-only directories writable.
        }
    }
    try {
        const script = 'rm -rf -- "$1" 2>/dev/null || { chmod -R u+rwX -- "$1"; rm -rf -- "$1"; }';
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('sh', ['-c', script, 'sh', doomed], { detached: true, stdio: 'ignore' });
        child.on('error', inProcess);
        child.unref();
    }
    catch {
        inProcess();
    }
}
/** Whether `dir` holds at most INLINE_LIMIT entries, looking at no more than that many. */
function isSmallTree(dir) {
    let budget = INLINE_LIMIT;
    const stack = [dir];
    while (stack.length > 0) {
        const d = stack.pop();
        let entries;
        try {
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(d, { withFileTypes: true });
        }
        catch {
            return false;
        }
        budget -= entries.length;
        if (budget < 0)
            return false;
        for (const e of entries)
            if (e.isDirectory())
                stack.push((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(d, e.name));
    }
    return true;
}


/***/ })

};
