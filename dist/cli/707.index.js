export const id = 707;
export const ids = [707];
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

/***/ 5277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ selectJobs)
/* harmony export */ });
/* unused harmony export dependencyClosure */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8251);


/**
 * The jobs a run covers: the targets (names or globs; all jobs when empty) and everything they depend on.
 * A target that matches no job is an error naming it, so a typo never becomes a silent no-op.
 */
function selectJobs(graph, targets) {
    if (targets.length === 0) {
        const all = graph.jobs.map((j) => j.label);
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__.ok)({ roots: all, closure: new Set(all) });
    }
    const roots = [];
    const problems = [];
    for (const target of targets) {
        const isMatch = picomatch__WEBPACK_IMPORTED_MODULE_1___default()(target, { dot: true });
        // A disbuild.json task name stands for that task in every package (`build` is `@scope/a#build`, …).
        const inPackages = `#${target}`;
        const matched = graph.jobs.filter((j) => j.name === target || j.label === target || isMatch(j.name) || j.name.endsWith(inPackages));
        if (matched.length === 0)
            problems.push(`target ${JSON.stringify(target)} matches no job name`);
        for (const j of matched)
            roots.push(j.label);
    }
    if (problems.length > 0)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(problems);
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__.ok)({ roots: [...new Set(roots)], closure: dependencyClosure(graph, roots) });
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
    constructor(cacheDir) {
        this.#dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cacheDir, 'explain-v1');
    }
    #path(name) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.#dir, `${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(name).digest('hex')}.json`);
    }
    read(name) {
        try {
            const r = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(this.#path(name), 'utf8'));
            return r.version === 1 && r.name === name ? r : undefined;
        }
        catch {
            return undefined;
        }
    }
    write(record) {
        try {
            if (!this.#made)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(this.#dir, { recursive: true });
            this.#made = true;
            const path = this.#path(record.name);
            const temp = `${path}.${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(temp, JSON.stringify(record));
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, path);
        }
        catch {
            // A record that cannot be written costs a later explanation its detail, nothing else.
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
        inputs[path] = s === undefined || 'missing' in s ? 'missing' : `${s.mode} ${s.digest}`;
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
        if (!this.#previous.has(name))
            this.#previous.set(name, this.#store.read(name));
        return this.#previous.get(name);
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


/***/ })

};
