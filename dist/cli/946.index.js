export const id = 946;
export const ids = [946];
export const modules = {

/***/ 7869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Um: () => (/* binding */ LocalCache),
  _n: () => (/* binding */ isAlive),
  Uc: () => (/* binding */ removeDeadTemps)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
// EXTERNAL MODULE: ./src/cache/manifest.ts
var cache_manifest = __webpack_require__(8445);
;// CONCATENATED MODULE: ./src/cache/tree-copy.ts


/**
 * Copies a directory tree, hard-linking files when `link` is set and the file system allows it.
 * Linking is for saves only: restores must copy, because a restored tree may be written to, while a saved
 * entry is verified against its manifest on every restore, so a later write through a link is caught there.
 * Asynchronous: creating a directory entry costs a fraction of a millisecond of kernel time on common disks,
 * and the event loop has jobs to start meanwhile.
 */
async function copyTree(src, dest, opts) {
    await (0,promises_.mkdir)(dest, { recursive: true });
    for (const entry of await (0,promises_.readdir)(src, { withFileTypes: true })) {
        const from = (0,external_node_path_.join)(src, entry.name);
        const to = (0,external_node_path_.join)(dest, entry.name);
        if (entry.isDirectory())
            await copyTree(from, to, opts);
        else if (entry.isSymbolicLink())
            await (0,promises_.symlink)(await (0,promises_.readlink)(from), to);
        else if (entry.isFile())
            await copyOne(from, to, opts.link);
    }
}
async function copyOne(from, to, tryLink) {
    if (tryLink) {
        try {
            await (0,promises_.link)(from, to);
            return;
        }
        catch {
            // Another file system, or links not allowed: copy instead.
        }
    }
    await (0,promises_.copyFile)(from, to, promises_.constants.COPYFILE_FICLONE);
    const mode = (await (0,promises_.stat)(from)).mode & 0o777;
    if (mode & 0o111)
        await (0,promises_.chmod)(to, mode);
}

;// CONCATENATED MODULE: ./src/cache/local-cache.ts







/** Logs up to this size live inline in `meta.json`, so a lookup hit costs one small read, logs included. */
const INLINE_LOG_LIMIT = 16 * 1024;
/**
 * The `local` backend: one directory per artifact under `<dir>/v1/entries/<key[0..2]>/<key>/`.
 *
 * Deals with: atomic saves (the whole entry is built in `v1/tmp/` and renamed into place, so an entry either
 * exists complete or not at all), races between processes (the first rename wins, the loser discards its copy),
 * verified restores (a tampered entry is removed and answered as a miss), and leftovers of killed processes.
 * Does not deal with: size bounds (`pruneCache`) or deciding what to restore.
 */
class LocalCache {
    #root;
    #onWarning;
    constructor(root, onWarning) {
        this.#root = root;
        this.#onWarning = onWarning;
    }
    /** Opens (creating) the cache at `dir`, removing temp directories that dead processes left behind. */
    static async create(dir, opts = {}) {
        const root = (0,external_node_path_.join)(dir, 'v1');
        await (0,promises_.mkdir)((0,external_node_path_.join)(root, 'entries'), { recursive: true });
        await (0,promises_.mkdir)((0,external_node_path_.join)(root, 'tmp'), { recursive: true });
        await removeDeadTemps((0,external_node_path_.join)(root, 'tmp'));
        return new LocalCache(root, opts.onWarning ?? (() => undefined));
    }
    #entry(key) {
        return (0,external_node_path_.join)(this.#root, 'entries', key.slice(0, 2), key);
    }
    #newTemp() {
        return (0,external_node_path_.join)(this.#root, 'tmp', `${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    }
    lookup(keys) {
        const hits = new Map();
        // Synchronous on purpose: a thousand tiny reads in a loop beat a thousand thread-pool round trips,
        // and nothing else runs while a run looks its keys up.
        for (const key of keys) {
            const path = (0,external_node_path_.join)(this.#entry(key), 'meta.json');
            // Asked first because a miss is the common case in a cold run, and a failed read costs an exception.
            if (!(0,external_node_fs_.existsSync)(path))
                continue;
            try {
                const meta = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
                hits.set(key, this.#hit(key, meta));
            }
            catch {
                // Gone meanwhile, or unreadable: a miss.
            }
        }
        return Promise.resolve(hits);
    }
    #hit(key, meta) {
        const entry = this.#entry(key);
        const log = async (name) => {
            const inline = meta[name];
            return inline !== undefined ? Buffer.from(inline, 'base64') : (0,promises_.readFile)((0,external_node_path_.join)(entry, name));
        };
        return {
            key,
            durationMs: meta.durationMs,
            logs: async () => {
                const now = new Date();
                // The entry's mtime is its last use, for least-recently-used pruning.
                void (0,promises_.utimes)(entry, now, now).catch(() => undefined);
                return { stdout: await log('stdout'), stderr: await log('stderr') };
            },
            restore: (destDir) => this.#restore(key, meta, destDir, log),
            entries: () => meta.manifest?.entries,
        };
    }
    async #restore(key, meta, destDir, log) {
        const entry = this.#entry(key);
        const temp = `${destDir}.restore-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
        try {
            const manifest = meta.manifest ?? JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(entry, 'manifest.json'), 'utf8'));
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(destDir), { recursive: true });
            await copyTree((0,external_node_path_.join)(entry, 'out'), temp, { link: false });
            const [stdout, stderr] = await Promise.all([log('stdout'), log('stderr')]);
            let verified = await (0,cache_manifest/* verifyTree */.aY)(temp, manifest);
            if (verified.ok &&
                ((0,cache_manifest/* sha256 */.sc)(stdout) !== manifest.stdoutSha256 || (0,cache_manifest/* sha256 */.sc)(stderr) !== manifest.stderrSha256)) {
                verified = (0,result/* err */._)('logs do not match the manifest');
            }
            if (!verified.ok) {
                await (0,promises_.rm)(temp, { recursive: true, force: true });
                await this.#quarantine(key);
                const message = `cache entry ${key} is corrupt (${verified.error}); removed it`;
                this.#onWarning(message);
                return (0,result/* err */._)({ reason: 'corrupt', message });
            }
            await (0,promises_.rm)(destDir, { recursive: true, force: true });
            await (0,promises_.rename)(temp, destDir);
            const now = new Date();
            await (0,promises_.utimes)(entry, now, now).catch(() => undefined);
            return (0,result.ok)(undefined);
        }
        catch (e) {
            await (0,promises_.rm)(temp, { recursive: true, force: true }).catch(() => undefined);
            const message = `cache entry ${key} could not be restored: ${e.message}`;
            this.#onWarning(message);
            return (0,result/* err */._)({ reason: 'missing', message });
        }
    }
    /** Moves a bad entry out of the way atomically, so the next save can replace it. */
    async #quarantine(key) {
        const temp = this.#newTemp();
        try {
            await (0,promises_.rename)(this.#entry(key), temp);
        }
        catch {
            return;
        }
        await (0,promises_.rm)(temp, { recursive: true, force: true }).catch(() => undefined);
    }
    /** Output directories handed to jobs inside `tmp/`, not yet committed as entries. */
    #handedOut = new Set();
    /**
     * A job that writes its outputs straight into a temp entry saves without copying or linking anything:
     * committing it is writing `meta.json` and one rename.
     */
    newOutputDir() {
        const temp = this.#newTemp();
        const out = (0,external_node_path_.join)(temp, 'out');
        try {
            (0,external_node_fs_.mkdirSync)(temp);
        }
        catch {
            // tmp/ itself removed while running: one more call, only then.
            (0,external_node_fs_.mkdirSync)(temp, { recursive: true });
        }
        (0,external_node_fs_.mkdirSync)(out);
        this.#handedOut.add(out);
        return out;
    }
    async save(key, artifact) {
        const entry = this.#entry(key);
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(entry, 'meta.json')))
            return { saved: false, reason: 'exists' };
        const adopt = this.#handedOut.has(artifact.outputDir);
        // Not taken over: the directory stays where dependents read it until `close` removes it.
        const dropTemp = (temp) => adopt ? Promise.resolve() : (0,promises_.rm)(temp, { recursive: true, force: true }).catch(() => undefined);
        const temp = adopt ? (0,external_node_path_.dirname)(artifact.outputDir) : this.#newTemp();
        try {
            if (!adopt)
                await copyTree(artifact.outputDir, (0,external_node_path_.join)(temp, 'out'), { link: true });
            // The manifest describes the copy, so it matches the stored bytes even if the job's directory changes now.
            const manifest = await (0,cache_manifest/* buildManifest */.u1)((0,external_node_path_.join)(temp, 'out'), key, artifact.durationMs, artifact.stdout, artifact.stderr);
            if (!manifest.ok) {
                await dropTemp(temp);
                return { saved: false, reason: 'unsafe-output', message: manifest.error };
            }
            const meta = { ...entryMeta(artifact), manifest: manifest.value };
            // Logs too big to live inline in meta.json get files of their own.
            if (meta.stdout === undefined)
                await (0,promises_.writeFile)((0,external_node_path_.join)(temp, 'stdout'), artifact.stdout);
            if (meta.stderr === undefined)
                await (0,promises_.writeFile)((0,external_node_path_.join)(temp, 'stderr'), artifact.stderr);
            // Synchronous: two small calls, cheaper in line than as thread-pool round trips (open, write, close, rename).
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(temp, 'meta.json'), JSON.stringify(meta));
            await this.#ensureShard((0,external_node_path_.dirname)(entry));
            // The single commit point: before it, nothing is visible; after it, everything is.
            (0,external_node_fs_.renameSync)(temp, entry);
            if (!adopt)
                return { saved: true };
            this.#handedOut.delete(artifact.outputDir);
            return { saved: true, outputDir: (0,external_node_path_.join)(entry, 'out') };
        }
        catch (e) {
            await dropTemp(temp);
            const code = e.code;
            if (code === 'ENOTEMPTY' || code === 'EEXIST')
                return { saved: false, reason: 'exists' };
            this.#onWarning(`could not save ${key} to the local cache: ${e.message}`);
            return { saved: false, reason: 'cache-unavailable', message: e.message };
        }
    }
    /** Removes the handed-out directories that were never committed (failed jobs, outputs that were not saved). */
    async close() {
        const left = [...this.#handedOut];
        this.#handedOut.clear();
        await Promise.all(left.map((out) => (0,promises_.rm)((0,external_node_path_.dirname)(out), { recursive: true, force: true }).catch(() => undefined)));
    }
    #shards = new Set();
    /** Each of the 256 shard directories is created once per process, not probed on every save. */
    async #ensureShard(dir) {
        if (this.#shards.has(dir))
            return;
        await (0,promises_.mkdir)(dir, { recursive: true });
        this.#shards.add(dir);
    }
}
function entryMeta(a) {
    const meta = { durationMs: a.durationMs };
    if (a.stdout.length <= INLINE_LOG_LIMIT)
        meta.stdout = a.stdout.toString('base64');
    if (a.stderr.length <= INLINE_LOG_LIMIT)
        meta.stderr = a.stderr.toString('base64');
    return meta;
}
/** Temp directories are named `<pid>-<random>`: those whose process is gone are leftovers of a crash. */
async function removeDeadTemps(tmpDir) {
    let names;
    try {
        names = await (0,promises_.readdir)(tmpDir);
    }
    catch {
        return;
    }
    await Promise.all(names.map(async (name) => {
        const pid = Number(name.split('-')[0]);
        if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid))
            return;
        if (pid === process.pid)
            return;
        await (0,promises_.rm)((0,external_node_path_.join)(tmpDir, name), { recursive: true, force: true });
    }));
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}


/***/ }),

/***/ 8445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aY: () => (/* binding */ verifyTree),
/* harmony export */   cn: () => (/* binding */ describeTree),
/* harmony export */   mu: () => (/* binding */ symlinkEscapes),
/* harmony export */   sc: () => (/* binding */ sha256),
/* harmony export */   u1: () => (/* binding */ buildManifest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8251);




function sha256(bytes) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
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
async function fileSha256(path, size) {
    if (size <= SYNC_HASH_LIMIT) {
        hashedSinceYield += size;
        if (hashedSinceYield >= YIELD_EVERY_BYTES) {
            hashedSinceYield = 0;
            await new Promise((r) => setImmediate(r));
        }
        return sha256((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path));
    }
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path))
        h.update(chunk);
    return h.digest('hex');
}
/** Does a symlink at `path` (relative, '/'-separated) with this target lead out of its tree? */
function symlinkEscapes(path, target) {
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_2__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_2__.posix.join(node_path__WEBPACK_IMPORTED_MODULE_2__.posix.dirname(path), target));
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(target) || target.includes('\0') || resolved === '..' || resolved.startsWith('../');
}
/** Every file, directory and symlink under `dir`, sorted by path; symlinks must stay inside the tree. */
async function describeTree(dir) {
    const entries = [];
    const walk = async (rel) => {
        // The walk is synchronous: it is a handful of metadata calls per file, and thousands of thread-pool round
        // trips per run would cost more than they overlap.
        const names = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, rel)).sort();
        for (const name of names) {
            const r = rel === '' ? name : `${rel}/${name}`;
            const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, r);
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(abs);
            if (st.isDirectory()) {
                entries.push({ path: r, type: 'dir', mode: 0o755, size: 0, sha256: '' });
                const problem = await walk(r);
                if (problem)
                    return problem;
            }
            else if (st.isSymbolicLink()) {
                const target = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readlinkSync)(abs);
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
            }
            else {
                return `${r} is neither a file, a directory nor a symlink`;
            }
        }
        return undefined;
    };
    const problem = await walk('');
    return problem === undefined ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_3__.ok)(entries) : (0,_util_result_js__WEBPACK_IMPORTED_MODULE_3__/* .err */ ._)(problem);
}
/** The manifest of an artifact whose output tree is at `outputDir`. */
async function buildManifest(outputDir, key, durationMs, stdout, stderr) {
    const entries = await describeTree(outputDir);
    if (!entries.ok)
        return entries;
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_3__.ok)({
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
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_3__/* .err */ ._)(`unexpected ${e.type} ${e.path}`);
        if (w.type !== e.type ||
            w.size !== e.size ||
            w.sha256 !== e.sha256 ||
            (w.type === 'file' && w.mode !== e.mode)) {
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_3__/* .err */ ._)(`${e.path} does not match the manifest`);
        }
        want.delete(e.path);
    }
    const missing = want.keys().next();
    return missing.done ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_3__.ok)(undefined) : (0,_util_result_js__WEBPACK_IMPORTED_MODULE_3__/* .err */ ._)(`${missing.value} is missing`);
}


/***/ }),

/***/ 2142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ NullCache)
/* harmony export */ });
/** `--cache none`: every lookup misses, every save is declined. */
class NullCache {
    lookup() {
        return Promise.resolve(new Map());
    }
    save() {
        return Promise.resolve({ saved: false, reason: 'disabled' });
    }
    close() {
        return Promise.resolve();
    }
}


/***/ }),

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EJ: () => (/* binding */ parsePositiveInt),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   Qx: () => (/* binding */ parseCommandArgs)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8251);


/** node:util parseArgs with errors as values: unknown flags and missing values become one usage line. */
function parseCommandArgs(argv, options) {
    try {
        const parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options, allowPositionals: true, strict: true });
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)({ values: parsed.values, positionals: parsed.positionals });
    }
    catch (e) {
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(e.message);
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

/***/ 8946:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cache: () => (/* binding */ cache),
  parseSize: () => (/* binding */ parseSize)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/cache/prune.ts



async function treeSize(path) {
    const st = await (0,promises_.lstat)(path);
    if (!st.isDirectory())
        return st.size;
    let total = 0;
    for (const name of await (0,promises_.readdir)(path))
        total += await treeSize((0,external_node_path_.join)(path, name));
    return total;
}
/**
 * Removes the least recently used artifacts (by entry mtime, which restores and log reads refresh) until the
 * local cache holds at most `maxSizeBytes`. Each entry is renamed out of `entries/` before it is deleted, so a
 * concurrent run sees it either complete or gone.
 */
async function pruneCache(dir, opts) {
    const root = (0,external_node_path_.join)(dir, 'v1');
    const entries = [];
    let shards = [];
    try {
        shards = await (0,promises_.readdir)((0,external_node_path_.join)(root, 'entries'));
    }
    catch {
        return { removed: 0, freedBytes: 0, remainingBytes: 0 };
    }
    for (const shard of shards) {
        for (const key of await (0,promises_.readdir)((0,external_node_path_.join)(root, 'entries', shard)).catch(() => [])) {
            const path = (0,external_node_path_.join)(root, 'entries', shard, key);
            try {
                entries.push({ path, size: await treeSize(path), used: (await (0,promises_.stat)(path)).mtimeMs });
            }
            catch {
                // Removed concurrently.
            }
        }
    }
    entries.sort((a, b) => a.used - b.used);
    let total = entries.reduce((s, e) => s + e.size, 0);
    let removed = 0;
    let freedBytes = 0;
    for (const e of entries) {
        if (total <= opts.maxSizeBytes)
            break;
        const doomed = (0,external_node_path_.join)(root, 'tmp', `${process.pid}-prune-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
        try {
            await (0,promises_.rename)(e.path, doomed);
        }
        catch {
            continue;
        }
        await (0,promises_.rm)(doomed, { recursive: true, force: true });
        total -= e.size;
        freedBytes += e.size;
        removed++;
    }
    return { removed, freedBytes, remainingBytes: total };
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/cli/local-state.ts
var local_state = __webpack_require__(4709);
;// CONCATENATED MODULE: ./src/cli/commands/cache.ts





const HELP = `Usage: disbuild cache prune --max-size SIZE [--cache-dir DIR]

Removes the least recently used artifacts until the local cache is at most SIZE (bytes, or with a K, M or G suffix).
`;
/** Parses `500M`, `2G`, `1048576`; undefined for anything else. */
function parseSize(text) {
    const m = /^(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?$/i.exec(text.trim());
    if (!m)
        return undefined;
    const power = ' KMGT'.indexOf((m[2] || ' ').toUpperCase());
    return Math.floor(Number(m[1]) * 1024 ** power);
}
/** `disbuild cache prune`: bounds the local cache's size. */
const cache = async (argv, io) => {
    const parsed = (0,args/* parseCommandArgs */.Qx)(argv, {
        'max-size': { type: 'string' },
        'cache-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    });
    if (parsed.ok && parsed.value.values.help) {
        io.stdout.write(HELP);
        return cli_io/* EXIT */.d.ok;
    }
    if (!parsed.ok || parsed.value.positionals[0] !== 'prune') {
        io.stderr.write(`disbuild cache: ${parsed.ok ? 'expected the sub-command "prune"' : parsed.error}\n${HELP}`);
        return cli_io/* EXIT */.d.usage;
    }
    const v = parsed.value.values;
    const max = v['max-size'] === undefined ? undefined : parseSize(v['max-size']);
    if (max === undefined) {
        io.stderr.write(`disbuild cache prune: --max-size must be a size such as 500M or 2G, got ${JSON.stringify(v['max-size'] ?? '')}\n`);
        return cli_io/* EXIT */.d.usage;
    }
    const dir = v['cache-dir'] === undefined ? (0,local_state/* defaultCacheDir */.$)(io.env) : (0,external_node_path_.resolve)(io.cwd, v['cache-dir']);
    const r = await pruneCache(dir, { maxSizeBytes: max });
    io.stdout.write(`removed ${r.removed} artifacts (${r.freedBytes} bytes); ${r.remainingBytes} bytes remain in ${dir}\n`);
    return cli_io/* EXIT */.d.ok;
};


/***/ }),

/***/ 4709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ defaultCacheDir),
/* harmony export */   p: () => (/* binding */ openLocalState)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _cache_local_cache_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7869);
/* harmony import */ var _cache_null_cache_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2142);
/* harmony import */ var _executor_timings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2670);






/** `$XDG_CACHE_HOME/disbuild`, else `~/.cache/disbuild`. */
function defaultCacheDir(env) {
    const xdg = env.XDG_CACHE_HOME;
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(xdg && xdg !== '' ? xdg : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.cache'), 'disbuild');
}
async function openLocalState(cacheDirFlag, io) {
    const dir = cacheDirFlag === undefined ? defaultCacheDir(io.env) : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(io.cwd, cacheDirFlag);
    const runsDir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'runs');
    // Scratch directories of runs whose process is gone (killed, crashed) are removed by the next run.
    await (0,_cache_local_cache_js__WEBPACK_IMPORTED_MODULE_3__/* .removeDeadTemps */ .Uc)(runsDir);
    return {
        dir,
        timings: await _executor_timings_js__WEBPACK_IMPORTED_MODULE_4__/* .FileTimings */ .g.open((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'timings-v1.json')),
        // A cache that cannot be opened costs the run its cache, never the build.
        openCache: (onWarning) => _cache_local_cache_js__WEBPACK_IMPORTED_MODULE_3__/* .LocalCache */ .Um.create(dir, { onWarning }).catch((e) => {
            onWarning(`the local cache in ${dir} cannot be used (${e.message}); running without it`);
            return new _cache_null_cache_js__WEBPACK_IMPORTED_MODULE_5__/* .NullCache */ .C();
        }),
        newRunDir: () => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(runsDir, `${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`),
    };
}


/***/ }),

/***/ 2670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ noTimings),
/* harmony export */   g: () => (/* binding */ FileTimings)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


const noTimings = {
    get: () => undefined,
    record: () => undefined,
    flush: () => Promise.resolve(),
};
/** Timings kept in one JSON file, read once and rewritten atomically at the end of a run. */
class FileTimings {
    #path;
    #data;
    #dirty = false;
    constructor(path, data) {
        this.#path = path;
        this.#data = data;
    }
    static async open(path) {
        let data = new Map();
        try {
            const parsed = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8'));
            if (parsed && typeof parsed === 'object') {
                data = new Map(Object.entries(parsed).filter((e) => typeof e[1] === 'number'));
            }
        }
        catch {
            // Missing or unreadable: start afresh, timings are only a hint.
        }
        return new FileTimings(path, data);
    }
    get(name) {
        return this.#data.get(name);
    }
    record(name, durationMs) {
        this.#data.set(name, Math.round(durationMs));
        this.#dirty = true;
    }
    async flush() {
        if (!this.#dirty)
            return;
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(this.#path), { recursive: true });
            const tmp = `${this.#path}.${process.pid}.tmp`;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(tmp, JSON.stringify(Object.fromEntries(this.#data)));
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(tmp, this.#path);
            this.#dirty = false;
        }
        catch {
            // A lost hint costs scheduling quality, never correctness.
        }
    }
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


/***/ })

};
