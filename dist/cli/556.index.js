(function (__disbuild_import_meta) {const id = 556;
const ids = [556];
const modules = {

/***/ 5740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ removeDeadTemps),
/* harmony export */   _: () => (/* reexport safe */ _util_is_alive_js__WEBPACK_IMPORTED_MODULE_3__._)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_is_alive_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5510);
/* harmony import */ var _util_remove_tree_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8043);





/**
 * Temp directories are named `<pid>-<random>`: those whose process is gone are leftovers of a crash. Each is
 * removed on its own (read-only directories made writable first); one that cannot be removed is left for a
 * later run and never stops the others, nor the caller.
 *
 * Listed synchronously: the directory is nearly always empty, and a run that reads nothing else through the
 * thread pool never starts its threads (each one scheduled while git's listings hold both cores of a small
 * machine, which costs a fully cached run several milliseconds).
 */
async function removeDeadTemps(tmpDir) {
    let names;
    try {
        // Never through a symbolic link: what it leads to is not the cache's (a link to /etc would have had every name
        // there taken for a dead temp).
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(tmpDir).isDirectory())
            return;
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(tmpDir);
    }
    catch {
        return;
    }
    await Promise.all(names.map(async (name) => {
        const pid = Number(name.split('-')[0]);
        if (pid === process.pid)
            return;
        if (Number.isInteger(pid) && pid > 0 && (0,_util_is_alive_js__WEBPACK_IMPORTED_MODULE_3__/* .isAlive */ ._)(pid))
            return;
        await (0,_util_remove_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .removeTree */ .dM)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(tmpDir, name)).catch(() => undefined);
    }));
}


/***/ }),

/***/ 7126:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ checkManifest),
/* harmony export */   VH: () => (/* binding */ isSafeRelativePath),
/* harmony export */   zr: () => (/* binding */ parseEntryMeta)
/* harmony export */ });
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8251);

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * Reads `meta.json` of the entry for `key`, checking every field it relies on: a damaged file (empty, cut
 * short, edited, or another key's) is answered as a problem, never as a hit with wrong or ill-typed values.
 */
function parseEntryMeta(text, key) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch (e) {
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(`meta.json is not valid JSON (${e.message})`);
    }
    if (!isObject(v))
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)('meta.json is not an object');
    const { durationMs, stdout, stderr, manifest } = v;
    if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0) {
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(`meta.json has no valid durationMs (got ${JSON.stringify(durationMs)})`);
    }
    for (const [name, log] of [
        ['stdout', stdout],
        ['stderr', stderr],
    ]) {
        if (log !== undefined && typeof log !== 'string')
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(`meta.json has an ill-typed ${name}`);
    }
    const meta = { durationMs };
    if (typeof stdout === 'string')
        meta.stdout = stdout;
    if (typeof stderr === 'string')
        meta.stderr = stderr;
    if (manifest !== undefined) {
        // Its entries are checked when a restore needs them: a lookup stays one small parse per key.
        const checked = checkManifest(manifest, key, { entries: false });
        if (!checked.ok)
            return checked;
        meta.manifest = checked.value;
    }
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__.ok)(meta);
}
/**
 * A manifest as read from disk, checked to be for `key` and (unless `entries` is false) to list only safe,
 * well-typed entries.
 */
function checkManifest(v, key, opts = { entries: true }) {
    if (!isObject(v) || v.version !== 1)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)('the manifest is not a version 1 manifest');
    if (v.key !== key)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(`the manifest names another key (${JSON.stringify(v.key)})`);
    if (typeof v.stdoutSha256 !== 'string' || typeof v.stderrSha256 !== 'string') {
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)('the manifest has no log digests');
    }
    if (!Array.isArray(v.entries))
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)('the manifest has no entry list');
    if (!opts.entries)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__.ok)(v);
    for (const e of v.entries) {
        if (!isEntry(e))
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(`the manifest lists an invalid entry ${entryLabel(e)}`);
    }
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__.ok)(v);
}
/**
 * What names an entry in a message: its path when it has one, cut. Not the entry whole: a forged one can be nested
 * deeper than JSON.stringify's stack goes, or be megabytes long.
 */
function entryLabel(e) {
    if (!isObject(e))
        return e === null ? 'null' : Array.isArray(e) ? 'a list' : `a ${typeof e}`;
    if (typeof e.path !== 'string')
        return 'with no path';
    return e.path.length > 200 ? `${JSON.stringify(e.path.slice(0, 200))}...` : JSON.stringify(e.path);
}
function isEntry(e) {
    if (!isObject(e) || typeof e.path !== 'string' || !isSafeRelativePath(e.path))
        return false;
    if (typeof e.size !== 'number' || typeof e.sha256 !== 'string' || typeof e.mode !== 'number')
        return false;
    if (e.type === 'symlink')
        return typeof e.target === 'string';
    return e.type === 'file' || e.type === 'dir';
}
/** `a/b/c`: no empty, `.` or `..` component, not absolute. */
function isSafeRelativePath(p) {
    return p !== '' && p.split('/').every((c) => c !== '' && c !== '.' && c !== '..' && !c.includes('\0'));
}


/***/ }),

/***/ 5556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Um: () => (/* binding */ LocalCache),
  Uc: () => (/* reexport */ dead_temps/* removeDeadTemps */.U)
});

// UNUSED EXPORTS: isAlive

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
// EXTERNAL MODULE: ./src/util/free-space.ts
var free_space = __webpack_require__(6947);
// EXTERNAL MODULE: ./src/util/random-hex.ts
var random_hex = __webpack_require__(7773);
// EXTERNAL MODULE: ./src/util/read-own-file.ts
var read_own_file = __webpack_require__(5958);
// EXTERNAL MODULE: ./src/util/renamable-by-others.ts
var renamable_by_others = __webpack_require__(1909);
// EXTERNAL MODULE: ./src/util/remove-tree.ts
var remove_tree = __webpack_require__(8043);
// EXTERNAL MODULE: ./src/cache/entry-meta.ts
var entry_meta = __webpack_require__(7126);
// EXTERNAL MODULE: ./src/cache/manifest.ts
var cache_manifest = __webpack_require__(8445);
// EXTERNAL MODULE: ./src/cache/tree-copy.ts
var tree_copy = __webpack_require__(3076);
;// CONCATENATED MODULE: ./src/cache/entry-files.ts








/** Logs up to this size live inline in `meta.json`, so a lookup hit costs one small read, logs included. */
const INLINE_LOG_LIMIT = 16 * 1024;
/** The `meta.json` of a new entry, without its manifest; logs too large (or spilled) are left to `writeLog`. */
function entryMeta(a) {
    const meta = { durationMs: a.durationMs };
    if (a.stdoutFile === undefined && a.stdout.length <= INLINE_LOG_LIMIT) {
        meta.stdout = a.stdout.toString('base64');
    }
    if (a.stderrFile === undefined && a.stderr.length <= INLINE_LOG_LIMIT) {
        meta.stderr = a.stderr.toString('base64');
    }
    return meta;
}
/** Writes a log into an entry, from memory or (a spilled log) from its file; answers its SHA-256. */
async function writeLog(dest, bytes, file) {
    if (file === undefined) {
        await (0,promises_.writeFile)(dest, bytes);
        return (0,cache_manifest/* sha256 */.sc)(bytes);
    }
    await (0,promises_.copyFile)(file, dest, promises_.constants.COPYFILE_FICLONE);
    return (0,cache_manifest/* fileSha256 */.sN)(dest, (await (0,promises_.stat)(dest)).size);
}
/**
 * Restores the artifact of the entry at `entry` to `temp` (only what its manifest lists, each file verified
 * from the bytes that are written) and checks the logs against the manifest. Answers the first mismatch; throws on I/O trouble (a full disk).
 */
async function copyVerified(entry, key, meta, temp, restoreTree = tree_copy/* restoreListedTree */.Ev) {
    const manifest = meta.manifest ?? (await legacyManifest(entry, key));
    const safe = (0,entry_meta/* checkManifest */.K7)(manifest, key);
    if (!safe.ok)
        return safe;
    const verified = await restoreTree((0,external_node_path_.join)(entry, 'out'), temp, manifest.entries);
    if (!verified.ok)
        return verified;
    const digest = async (name) => {
        const inline = meta[name];
        if (inline !== undefined)
            return (0,cache_manifest/* sha256 */.sc)(Buffer.from(inline, 'base64'));
        const path = (0,external_node_path_.join)(entry, name);
        return (0,cache_manifest/* fileSha256 */.sN)(path, (await (0,promises_.stat)(path)).size);
    };
    if ((await digest('stdout')) !== manifest.stdoutSha256 ||
        (await digest('stderr')) !== manifest.stderrSha256) {
        return (0,result/* err */._)('logs do not match the manifest');
    }
    return verified;
}
/** Entries written before the manifest moved into `meta.json` keep it in a file of its own. */
async function legacyManifest(entry, key) {
    // As every file of an entry: never waiting on a FIFO put in its place.
    const fd = (0,read_own_file/* openRegularFile */.ZU)((0,external_node_path_.join)(entry, 'manifest.json'));
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(fd, 'utf8');
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    const manifest = (0,entry_meta/* checkManifest */.K7)(JSON.parse(text), key);
    if (!manifest.ok)
        throw new Error(manifest.error);
    return manifest.value;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/cache/adopt-archive.ts





/** Shard directories of entries (see adoptArchive) this thread made or found. */
const shards = new Set();
/**
 * Turns a downloaded archive into a committed local cache entry in one synchronous stretch, on whichever thread
 * runs it (the restore helper thread, normally): every file is checked against the manifest before anything is
 * written; then the entry is built in `temp` with its files and directories already read-only (as the executor
 * would seal them: no walk afterwards), its meta.json written, and renamed into place — the single commit point,
 * so a crash at any moment leaves either nothing or a complete entry (the temp directory of a dead process is
 * removed by the next run). Answers a mismatch; throws on I/O trouble (a full disk), leaving `temp` for the
 * caller to remove.
 *
 * Writes nothing through a link: the manifest's paths are safe and unique (checked when its record was read),
 * links are made last, and no path is written twice ('wx').
 */
function adoptArchive(r) {
    const clash = (0,cache_manifest/* pathUnderNonDirectory */.S$)(r.entries);
    if (clash !== undefined)
        return { ok: false, mismatch: `the file list puts ${JSON.stringify(clash)} under a file or link` };
    const files = r.entries.filter((e) => e.type === 'file');
    const total = files.reduce((s, e) => s + e.size, 0);
    let content = Buffer.from(r.archive.buffer, r.archive.byteOffset, r.archive.byteLength);
    if (r.encoding === 'gzip') {
        try {
            // Never more than the manifest promises: a small archive cannot expand into a huge one.
            content = (0,external_node_zlib_.gunzipSync)(content, { maxOutputLength: Math.max(1, total) });
        }
        catch (e) {
            return { ok: false, mismatch: `bad archive: ${e.message}` };
        }
    }
    if (content.length !== total) {
        return { ok: false, mismatch: `the archive holds ${content.length} bytes, the manifest ${total}` };
    }
    const parts = [];
    let at = 0;
    for (const e of files) {
        const bytes = content.subarray(at, at + e.size);
        at += e.size;
        if ((0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex') !== e.sha256) {
            return { ok: false, mismatch: `${JSON.stringify(e.path)} does not match the manifest` };
        }
        parts.push(bytes);
    }
    const out = (0,external_node_path_.join)(r.temp, 'out');
    (0,external_node_fs_.mkdirSync)(r.temp);
    (0,external_node_fs_.mkdirSync)(out);
    // Every directory of the tree, to be sealed once its contents are written.
    const dirs = [out];
    const made = new Set(dirs);
    const makeDir = (dir) => {
        if (made.has(dir))
            return;
        makeDir((0,external_node_path_.dirname)(dir));
        (0,external_node_fs_.mkdirSync)(dir);
        made.add(dir);
        dirs.push(dir);
    };
    let file = 0;
    for (const e of r.entries) {
        const path = (0,external_node_path_.join)(out, e.path);
        if (e.type === 'dir')
            makeDir(path);
        else if (e.type === 'file') {
            makeDir((0,external_node_path_.dirname)(path));
            // Read-only from the start: the mode the executor's seal would give it (umask only takes bits away).
            (0,external_node_fs_.writeFileSync)(path, parts[file++], { flag: 'wx', mode: (e.mode & 0o100 ? 0o755 : 0o644) & ~0o222 });
        }
    }
    for (const e of r.entries) {
        if (e.type !== 'symlink')
            continue;
        const path = (0,external_node_path_.join)(out, e.path);
        makeDir((0,external_node_path_.dirname)(path));
        (0,external_node_fs_.symlinkSync)(e.target, path);
    }
    // Deepest first: a directory is sealed after everything inside it was made.
    for (let i = dirs.length - 1; i >= 0; i--)
        (0,external_node_fs_.chmodSync)(dirs[i], 0o555);
    for (const log of r.logs)
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(r.temp, log.name), log.bytes);
    // Its mode spelled out, as a local save does (a umask of 000 would leave it writable by anyone, and refused).
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(r.temp, 'meta.json'), r.meta, { mode: 0o644 });
    // The entry's shard directory is made (or found) once per thread before its first rename, not after a rename
    // failed: a failed call costs an exception, and a new cache has 256 shards to make.
    const shard = (0,external_node_path_.dirname)(r.entry);
    if (!shards.has(shard)) {
        (0,external_node_fs_.mkdirSync)(shard, { recursive: true });
        shards.add(shard);
    }
    try {
        (0,external_node_fs_.renameSync)(r.temp, r.entry);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOTEMPTY' || code === 'EEXIST')
            return { ok: true, committed: false };
        if (code !== 'ENOENT')
            throw e;
        // The shard was removed meanwhile (the cache pruned or wiped while this runs).
        (0,external_node_fs_.mkdirSync)(shard, { recursive: true });
        (0,external_node_fs_.renameSync)(r.temp, r.entry);
    }
    return { ok: true, committed: true };
}

// EXTERNAL MODULE: ./src/cache/place-files.ts
var place_files = __webpack_require__(5451);
// EXTERNAL MODULE: ./src/util/background.ts
var background = __webpack_require__(3694);
;// CONCATENATED MODULE: ./src/cache/read-ahead.ts

/**
 * Files in flight at once. libuv reads four at a time (its thread pool, which the rest of the process shares);
 * the rest wait there, so that the pool has reads to do between two turns of this thread's event loop (one
 * restore each, see restore-helper.ts).
 */
const IN_FLIGHT = 16;
/**
 * Never opened through a link, and never waiting on a writer (a FIFO put in a damaged cache): what is read here is
 * the cache's stored files, regular files, which the restores then check.
 */
const OPEN_FLAGS = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0) | (external_node_fs_.constants.O_NONBLOCK ?? 0);
/** Bytes read of each file: whole small files; the kernel's own read-ahead follows a big file's first bytes. */
const CHUNK = 256 * 1024;
/**
 * Files read first, each timed, to tell whether the others are in memory already; from disk when most of them
 * took a disk's time (one that a busy machine paused meanwhile does not decide).
 */
const PROBES = 4;
const SLOW_PROBES = 3;
/**
 * Brings files into the page cache ahead of the synchronous reads that verify and copy them, many at once on
 * libuv's thread pool. A restore reads its stored files one after the other on each of two threads: when they are
 * on disk and not in memory (a cache last used a while ago), each read waits for the disk in turn, while a disk
 * serves several reads at once nearly as fast as one (1,000 files of 80 kB: 0.26 s one at a time, 0.11 s four at
 * a time, 0.09 s eight at a time). What is read here is thrown away: only the page cache keeps it.
 *
 * Only when needed: the first files are read and timed (see fromDisk), and when they came from memory nothing
 * more is read, as reading files in memory already would only copy them once more. Files that cannot be read are
 * passed over: the restore that reads them says why.
 */
class ReadAhead {
    #parts;
    #paths = [];
    #next = 0;
    #active = 0;
    #state = 'probing';
    constructor(parts = fileReads()) {
        this.#parts = parts;
    }
    /** Whether files are being read ahead: undefined until the first PROBES files have told. */
    get reading() {
        return this.#state === 'probing' ? undefined : this.#state === 'reading';
    }
    /** Queues `paths` to be read, in order, after those queued before. */
    add(paths) {
        if (this.#state === 'off')
            return;
        for (const p of paths)
            this.#paths.push(p);
        if (this.#state === 'probing') {
            if (this.#paths.length < PROBES)
                return;
            this.#next = PROBES;
            if (!this.#parts.probe(this.#paths.slice(0, PROBES)))
                return this.stop();
            this.#state = 'reading';
        }
        this.#pump();
    }
    /** Nothing more is read (the restores are over, or the run is); reads under way end on their own. */
    stop() {
        this.#state = 'off';
        this.#forget();
    }
    #pump() {
        while (this.#state === 'reading' && this.#active < IN_FLIGHT && this.#next < this.#paths.length) {
            this.#active++;
            this.#parts.readLater(this.#paths[this.#next++], () => {
                this.#active--;
                this.#pump();
            });
        }
        if (this.#next === this.#paths.length)
            this.#forget();
    }
    /** All handed out: the list starts anew with the next paths. */
    #forget() {
        this.#paths.length = 0;
        this.#next = 0;
    }
}
/**
 * Whether reading a file of `bytes` bytes took long enough that it came from disk. From memory an open, a read and
 * a close of 80 kB take 25–35 µs here; the bound is about three times that, 50 µs and 0.5 ns a byte. From disk:
 * 150–250 µs on a virtual disk, about 100 µs on an NVMe drive.
 */
function fromDisk(elapsedNs, bytes) {
    return elapsedNs > 50_000 + bytes * 0.5;
}
/** The real reads: into one scratch buffer, whose bytes are never looked at. */
function fileReads() {
    let scratch;
    const buffer = () => (scratch ??= Buffer.allocUnsafe(CHUNK));
    const readNow = (path) => {
        try {
            const fd = (0,external_node_fs_.openSync)(path, OPEN_FLAGS);
            try {
                return (0,external_node_fs_.readSync)(fd, buffer(), 0, CHUNK, 0);
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
        }
        catch {
            return 0;
        }
    };
    return {
        probe(paths) {
            let slow = 0;
            for (const p of paths) {
                const started = process.hrtime.bigint();
                const bytes = readNow(p);
                if (fromDisk(Number(process.hrtime.bigint() - started), bytes))
                    slow++;
            }
            return slow >= SLOW_PROBES;
        },
        readLater(path, done) {
            const into = buffer();
            (0,external_node_fs_.open)(path, OPEN_FLAGS, (e, fd) => {
                if (e)
                    return done();
                // Closed here: one more trip through the pool would cost this thread a callback and a turn.
                (0,external_node_fs_.read)(fd, into, 0, CHUNK, 0, () => {
                    try {
                        (0,external_node_fs_.closeSync)(fd);
                    }
                    catch {
                        // A file system that reports an error at close: nothing was written, and the restore reads it anew.
                    }
                    done();
                });
            });
        },
    };
}

;// CONCATENATED MODULE: ./src/cache/restore-tasks.ts


/** A queued task, on whichever thread runs it. */
function runTask(request) {
    return 'place' in request
        ? (0,place_files/* placeFiles */.h)(request.place)
        : (0,tree_copy/* restoreListedTree */.Ev)(request.src, request.dest, request.entries);
}
/** The error a task threw on the thread, as this thread rethrows it. */
function thrownError(thrown) {
    return Object.assign(new Error(thrown.message), { code: thrown.code });
}

;// CONCATENATED MODULE: ./src/cache/restore-helper.ts











// Read once at load: in the bundle this is the chunk's own file, beside which the build puts the worker.
const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(__disbuild_import_meta.url));
/**
 * Restores waiting at once that start the helper thread: a thread costs its start (about 30 ms of CPU) and a
 * message per restore, which a few hundred restores of small outputs do not pay back on a busy machine
 * (measured: 200 outputs slower with it, 1,000 faster). They also start reading stored files ahead, should those
 * be on disk (see read-ahead.ts).
 */
const THREAD_AFTER = 256;
/** Restores handed to the thread at once: enough that it never idles between two batches, few enough to balance. */
const THREAD_IN_FLIGHT = 8;
/**
 * Restores sent in one message (and answered in one), when that many wait: as for archives (ADOPT_BATCH), a
 * message each way costs about as much as a small restore. Every output restored at 1,000 packages, one message
 * per restore: 25 ms of the engine's thread in sending and answering them.
 */
const THREAD_BATCH = 4;
/**
 * Downloaded archives are committed on the thread once a run has this many: each is hashing and a dozen file
 * system calls, which the thread does on the other core while this one receives the next downloads (this one
 * still commits small ones beyond the thread's window: see #adoptHereNext).
 */
const ADOPT_THREAD_AFTER = 8;
/** Archives up to this size are also committed here while the thread is up, beyond its window (#adoptHereNext). */
const MAIN_ADOPT_LIMIT = 256 * 1024;
/**
 * Archives handed to the thread at once: it never idles while this thread, busy receiving the next downloads,
 * takes its time to read the answers (the lookups bound what waits: see remote-tier.ts, KEPT_AHEAD).
 */
const ADOPT_IN_FLIGHT = 32;
/**
 * Bytes of archives handed to the thread at once (at least one archive): a few milliseconds of its work. Large
 * archives beyond that are committed here as they wait (see #adoptHereNext), else this thread idles while the
 * other hashes and writes every byte.
 */
const ADOPT_IN_FLIGHT_BYTES = 16 * 1024 * 1024;
/**
 * Archives sent in one message (and answered in one), when that many wait: a message between threads costs about
 * as much as writing a small archive's file, so a thousand small archives are a quarter as many messages.
 */
const ADOPT_BATCH = 4;
/**
 * Verified restores of many trees at once, on two threads: this one and a helper thread started once a run
 * restores more than a few trees (every output restored into an --out-dir). A restore is mostly file-system
 * calls and hashing, which the helper does on the other core; both threads take the next restore from one queue,
 * so neither waits while the other has work. Each restore is `restoreListedTree`, whichever thread runs it.
 * Only the bundled build has the helper (beside the bundle, like the launcher); elsewhere, and should the
 * thread fail, every restore runs here.
 */
class RestoreQueue {
    #queue = [];
    #inThread = new Map();
    #adopts = [];
    #adoptsInThread = new Map();
    #adoptBytesInThread = 0;
    #adopted = 0;
    #worker;
    #workerFailed = false;
    #started = false;
    #closed = false;
    #next = 1;
    #mainScheduled = false;
    #readAhead;
    #newReadAhead;
    #program;
    constructor(newReadAhead = () => new ReadAhead(), 
    /** The helper thread's program: the bundle's, beside this module (there is none beside the sources). */
    program = (0,external_node_path_.join)(here, 'restore-worker.js')) {
        this.#newReadAhead = newReadAhead;
        this.#program = program;
    }
    /**
     * Restores the listed tree from `src` into a new `dest` (see restoreListedTree). Queued, never started at
     * once: a run asks for all its restores in one stretch (every output restored into an --out-dir), and only a
     * queue shows how many are coming while the thread can still take its share. Restored here one per turn of
     * the event loop meanwhile, so that a few (the dependencies of a job that runs) never wait for a thread.
     */
    restore = (src, dest, entries) => this.#enqueue({ src, dest, entries });
    /**
     * Puts stored files in their places (see placeFiles), queued with the restores: in-place outputs restored into
     * the checkout by a thousand jobs share both threads as a thousand restores do.
     */
    place = (files) => this.#enqueue({ place: files });
    #enqueue(request) {
        return new Promise((resolve, reject) => {
            this.#queue.push({ request, resolve, reject });
            if (this.#readAhead)
                readAhead(this.#readAhead, request);
            if (this.#queue.length >= THREAD_AFTER)
                this.#manyRestores();
            this.#pump();
        });
    }
    /**
     * Commits a downloaded archive as a cache entry (see adoptArchive): on the helper thread once a run has a few
     * (the archive's memory moves there, not copied), here until then, when there is no thread, and for small ones
     * beyond the thread's window (see #adoptHereNext). `release`: called
     * with an owned archive's memory once it is written, wherever that was (not when the thread stopped with it).
     */
    adopt = (request, release) => {
        if (++this.#adopted === ADOPT_THREAD_AFTER)
            this.#startWorker();
        // While the thread starts, archives queue for it (those that came with their lookups arrive all at once), and
        // this thread takes one of them per turn meanwhile (see #pump, #adoptHereNext).
        if (this.#worker === undefined && !(this.#started && !this.#workerFailed)) {
            try {
                return Promise.resolve(adoptHere({ request, release }));
            }
            catch (e) {
                return Promise.reject(e);
            }
        }
        return new Promise((resolve, reject) => {
            this.#adopts.push({ request, release, resolve, reject });
            this.#pump();
        });
    };
    /**
     * Up to `count` restores may come: as many as start the thread once queued start it now, so that it has booted
     * (about a tenth of a second of loading) by the time they are asked for. Should they not come (misses), the
     * idle thread keeps nothing alive and ends with the run.
     */
    expect(count) {
        if (count >= THREAD_AFTER)
            this.#manyRestores();
    }
    /**
     * Once: the helper thread starts, and from now on the stored files of every restore are read ahead (see
     * read-ahead.ts), those queued already first.
     */
    #manyRestores() {
        this.#startWorker();
        if (this.#readAhead)
            return;
        this.#readAhead = this.#newReadAhead();
        for (const task of this.#queue)
            readAhead(this.#readAhead, task.request);
    }
    /**
     * Ends the helper thread (restores still queued run here). The thread stays this queue's until it has exited, so
     * that what it held is answered as when it dies (see #adopt): its restores run here, its archives are refused.
     */
    close() {
        this.#closed = true;
        this.#readAhead?.stop();
        void this.#worker?.terminate();
    }
    #pump() {
        const worker = this.#worker;
        // A batch once there is room for one (or for all that wait, when fewer do).
        while (worker &&
            this.#adopts.length > 0 &&
            ADOPT_IN_FLIGHT - this.#adoptsInThread.size >= Math.min(ADOPT_BATCH, this.#adopts.length) &&
            (this.#adoptBytesInThread < ADOPT_IN_FLIGHT_BYTES || this.#adoptsInThread.size === 0)) {
            const adopts = [];
            const moved = new Set();
            const batch = this.#takeAdoptBatch();
            for (const task of batch) {
                const id = this.#next++;
                const bytes = task.request.archive.byteLength;
                this.#adoptsInThread.set(id, { task, bytes });
                this.#adoptBytesInThread += bytes;
                const { entries: _entries, ...request } = task.request;
                const a = request.archive;
                // Its own memory moves to the thread (the view keeps its place in it); a slice of a shared pool is copied.
                const whole = a.byteOffset === 0 && a.byteLength === a.buffer.byteLength;
                if (whole || request.owned)
                    moved.add(a.buffer);
                adopts.push({ id, adopt: true, ...request });
            }
            if (this.#inThread.size + this.#adoptsInThread.size === adopts.length)
                worker.ref();
            try {
                worker.postMessage({ adopts }, [...moved]);
            }
            catch (e) {
                // Not sent (memory that cannot move): those archives are not committed; their callers fetch them again.
                for (const m of adopts)
                    this.#leaveThread(m.id);
                for (const task of batch)
                    task.reject(e);
            }
        }
        while (worker &&
            this.#queue.length > 0 &&
            THREAD_IN_FLIGHT - this.#inThread.size >= Math.min(THREAD_BATCH, this.#queue.length)) {
            const tasks = this.#queue.splice(0, THREAD_BATCH).map((task) => {
                const id = this.#next++;
                this.#inThread.set(id, task);
                return { id, ...task.request };
            });
            if (this.#inThread.size + this.#adoptsInThread.size === tasks.length)
                worker.ref();
            worker.postMessage({ tasks });
        }
        // One restore or commit per turn of the event loop here, so that the thread's replies (and its next tasks)
        // and the downloads are seen between two.
        if (this.#mainScheduled || (this.#queue.length === 0 && !this.#adoptHereNext()))
            return;
        this.#mainScheduled = true;
        setImmediate(() => {
            this.#mainScheduled = false;
            const task = this.#queue.shift();
            if (task) {
                runTask(task.request).then(task.resolve, task.reject);
            }
            else if (this.#adoptHereNext()) {
                const adopt = this.#adopts.shift();
                if (adopt) {
                    try {
                        adopt.resolve(adoptHere(adopt));
                    }
                    catch (e) {
                        adopt.reject(e);
                    }
                }
            }
            this.#pump();
        });
    }
    /** The next archives for the thread: up to ADOPT_BATCH, within its window of bytes (at least one). */
    #takeAdoptBatch() {
        let n = 1;
        let bytes = this.#adoptBytesInThread + this.#adopts[0].request.archive.byteLength;
        while (n < ADOPT_BATCH && n < this.#adopts.length) {
            bytes += this.#adopts[n].request.archive.byteLength;
            if (bytes > ADOPT_IN_FLIGHT_BYTES)
                break;
            n++;
        }
        return this.#adopts.splice(0, n);
    }
    /** An archive the thread answered for (or that never reached it), no longer counted in its window. */
    #leaveThread(id) {
        const sent = this.#adoptsInThread.get(id);
        if (sent === undefined)
            return undefined;
        this.#adoptsInThread.delete(id);
        this.#adoptBytesInThread -= sent.bytes;
        return sent.task;
    }
    /**
     * Whether this thread commits the next waiting archive: always while the thread boots (or when there is none);
     * once it is up, archives wait here only beyond its window (ADOPT_IN_FLIGHT, ADOPT_IN_FLIGHT_BYTES), and this
     * thread takes a small one (MAIN_ADOPT_LIMIT). The thread is the slower side then, and downloads wait for room
     * as archives are written (see remote-tier.ts, KEPT_AHEAD), so this thread would otherwise idle: about a third of
     * a --download all run of 1,000 jobs of 80 kB. A big archive holds this thread for milliseconds while downloads
     * and replies wait, so it is taken only once the thread holds its window's bytes: with a hundred archives of
     * 4 MB, the thread hashed and wrote every byte while this one idled a third of the time.
     */
    #adoptHereNext() {
        const next = this.#adopts[0];
        if (next === undefined)
            return false;
        return (this.#worker === undefined ||
            next.request.archive.byteLength <= MAIN_ADOPT_LIMIT ||
            this.#adoptBytesInThread >= ADOPT_IN_FLIGHT_BYTES);
    }
    /**
     * Threads' code is loaded here, by the run that starts one: the others (a fully cached run restores nothing)
     * do not pay for it at start. Meanwhile restores go on here.
     */
    #startWorker() {
        // Once: restores and downloads may each ask for it.
        if (this.#started)
            return;
        this.#started = true;
        const program = this.#program;
        // One core: a second thread would only take turns with this one.
        if (this.#workerFailed || (0,external_node_os_.availableParallelism)() < 2 || !(0,external_node_fs_.existsSync)(program)) {
            this.#workerFailed = true;
            return;
        }
        void Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 5919, 23)).then((threads) => this.#adopt(threads.Worker, program), () => this.#noThread());
    }
    /** No thread after all: the archives waiting for it are committed here. */
    #noThread() {
        this.#workerFailed = true;
        for (const task of this.#adopts.splice(0)) {
            try {
                task.resolve(adoptHere(task));
            }
            catch (e) {
                task.reject(e);
            }
        }
    }
    #adopt(Thread, program) {
        if (this.#closed) {
            this.#noThread();
            return;
        }
        let worker;
        try {
            worker = new Thread(program);
        }
        catch {
            this.#noThread();
            return;
        }
        // Idle, it keeps nothing alive; a restore in flight does.
        worker.unref();
        worker.on('message', (r) => {
            for (const reply of r.replies) {
                const task = this.#inThread.get(reply.id);
                if (task) {
                    this.#inThread.delete(reply.id);
                    if (reply.ok)
                        task.resolve((0,result.ok)(undefined));
                    else if ('mismatch' in reply)
                        task.resolve((0,result/* err */._)(reply.mismatch));
                    else
                        task.reject(thrownError(reply.thrown));
                    continue;
                }
                const adopting = this.#leaveThread(reply.id);
                if (!adopting)
                    continue;
                if (reply.ok && reply.memory)
                    adopting.release?.(reply.memory);
                if (reply.ok)
                    adopting.resolve({ ok: true, committed: reply.committed === true });
                else if ('mismatch' in reply)
                    adopting.resolve(reply);
                else
                    adopting.reject(thrownError(reply.thrown));
            }
            if (this.#inThread.size + this.#adoptsInThread.size === 0)
                worker.unref();
            this.#pump();
        });
        const gone = () => {
            if (this.#worker !== worker)
                return;
            this.#worker = undefined;
            this.#workerFailed = true;
            // What it had not answered is done again here, from the start: a restore writes only into its new `dest`,
            // which the thread may have begun.
            const unanswered = [...this.#inThread.values()];
            this.#inThread.clear();
            // An archive sent there is gone with it (its memory moved): the caller downloads it again. Those not sent
            // yet are committed here.
            for (const { task } of this.#adoptsInThread.values())
                task.reject(new Error('the restore thread stopped'));
            this.#adoptsInThread.clear();
            this.#adoptBytesInThread = 0;
            this.#noThread();
            for (const task of unanswered) {
                // Files put in place are written beside their places and renamed: what the thread was writing is removed,
                // and placing them again is placing them.
                const { request } = task;
                const begun = 'dest' in request
                    ? (0,remove_tree/* removeTree */.dM)(request.dest).catch(() => undefined)
                    : Promise.resolve().then(() => (0,place_files/* removePlacementLeftovers */.Q)(request.place));
                (0,background/* inBackground */.k)(begun.then(() => {
                    this.#queue.unshift(task);
                    this.#pump();
                }));
            }
        };
        worker.on('error', gone);
        worker.on('exit', gone);
        this.#worker = worker;
        this.#pump();
    }
}
/** adoptArchive on this thread; an owned archive's memory is released once it is written. */
function adoptHere(task) {
    const outcome = adoptArchive(task.request);
    if (outcome.ok && task.request.owned)
        task.release?.(task.request.archive.buffer);
    return outcome;
}
/**
 * Files above this size are not read ahead: a restore copies them with the kernel, which with reflinks reads
 * nothing (see tree-copy.ts, IN_MEMORY_LIMIT).
 */
const READ_AHEAD_MAX = 4 * 1024 * 1024;
/** Hands the stored files a restore reads to `ahead`, in the order it reads them; never fails the restore. */
function readAhead(ahead, request) {
    const files = 'place' in request
        ? request.place.filter((f) => f.size <= READ_AHEAD_MAX).map((f) => f.stored)
        : request.entries
            .filter((e) => e.type === 'file' && e.size <= READ_AHEAD_MAX)
            .map((e) => (0,external_node_path_.join)(request.src, e.path));
    try {
        ahead.add(files);
    }
    catch {
        // Only ever a help: the restore reads its files itself.
    }
}

// EXTERNAL MODULE: ./src/cache/log-file.ts
var log_file = __webpack_require__(7891);
// EXTERNAL MODULE: ./src/cache/dead-temps.ts
var dead_temps = __webpack_require__(5740);
// EXTERNAL MODULE: ./src/util/code-identity.ts
var code_identity = __webpack_require__(4170);
// EXTERNAL MODULE: ./src/util/settled-stat.ts
var settled_stat = __webpack_require__(4956);
// EXTERNAL MODULE: ./src/util/state-file.ts
var state_file = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/util/stat-if-any.ts
var stat_if_any = __webpack_require__(9293);
;// CONCATENATED MODULE: ./src/cache/lookup-memo.ts








/**
 * Lookups of fewer keys (the one key of a job about to run, say) neither use the memo nor replace it: it holds
 * what a run's lookup of its whole graph found.
 */
const MEMO_MIN_KEYS = 32;
/** An entry's meta.json longer than this is read from the entry each time: the memo stays small. */
const MEMO_MAX_META = 4096;
/** The most a memo holds: past it, the hits of a lookup are read from their entries (a string has a limit too). */
const MEMO_MAX_BYTES = 64 * 1024 * 1024;
/** What a hit's line holds beside its meta.json, at most: its key, last use, identity and duration (see memoText). */
const LINE_BYTES = 200;
const MAGIC = 'disbuild-lookup-memo';
/** Raised whenever what the memo holds, or how, changes. */
const FORMAT = 1;
/**
 * What the last lookup of many keys found in the local cache, so that the next one does not open a thousand
 * meta.json files again: a fully cached run of 1,000 jobs spent a tenth of its main thread on those opens.
 *
 * Kept per shard directory (`entries/<key[0..2]>/`), with the shard's stat data: every save, removal and
 * replacement of an entry is a rename into or out of its shard, which moves the shard's mtime and ctime, and nobody
 * can set a ctime back. A kept hit is used only while its shard's stat data are those recorded, and they are recorded
 * only when taken before the shard's entries were read and settled by then (settled-stat.ts): a change in the same
 * tick of the clock as the reading would otherwise look like no change. An entry's own meta.json is only ever
 * written before its entry is renamed into place, so an unchanged shard holds the entries it held.
 *
 * Deals with: reading and writing the memo (a regular file of this user's that nobody else may write, with a
 * digest of its payload, so that a damaged or planted one is never believed), and the shards' stat data.
 * Does not deal with: checking an entry's meta.json when it is read (LocalCache does, as for any read).
 */
class LookupMemo {
    #file;
    #entries;
    /** The shards' stat data the memo was written with, and its hits. */
    #shards;
    #kept;
    /** The shards' stat data taken in this lookup, before any of their entries was read (undefined: none there). */
    #taken = new Map();
    /** Each shard asked for: its stat data when they are those the memo recorded, else null. */
    #unchanged = new Map();
    #takenAtMs = Date.now();
    /** What this lookup found, to be kept. */
    #found = new Map();
    /** The memo as this lookup wrote it (or found it, when unchanged), for `touched`. */
    #written;
    #touched = false;
    /** The file `#written` stands in: as read (its stat data, taken before), or as this lookup wrote it. */
    #source;
    constructor(file, entries, shards, kept) {
        this.#file = file;
        this.#entries = entries;
        this.#shards = shards;
        this.#kept = kept;
    }
    /** The memo at `file` for the entries under `entries`; empty when there is none to believe. */
    static open(file, entries) {
        // Before it is read: a memo put in its place after this is another memo, with other stat data.
        const before = (0,stat_if_any/* lstatIfAny */.e)(file);
        const read = parseMemo((0,read_own_file/* readOwnBytesIfAny */.bv)(file));
        const memo = new LookupMemo(file, entries, read?.shards ?? new Map(), read?.hits ?? new Map());
        memo.#source = read === undefined ? undefined : { read: (0,settled_stat/* statKey */.CD)(before) };
        return memo;
    }
    /** The hit kept for `key`, when its shard is as it was. */
    kept(key) {
        const hit = this.#kept.get(key);
        if (hit === undefined)
            return undefined;
        const shard = key.slice(0, 2);
        let unchanged = this.#unchanged.get(shard);
        if (unchanged === undefined) {
            const recorded = this.#shards.get(shard);
            unchanged = recorded !== undefined && (0,settled_stat/* dirKey */.zG)(this.shardStat(shard)) === recorded ? recorded : null;
            this.#unchanged.set(shard, unchanged);
        }
        return unchanged !== null ? hit : undefined;
    }
    /**
     * The stat data of `key`'s shard, taken once per lookup: before reading an entry from disk, so that a change
     * after it shows in them.
     */
    shardStat(shard) {
        if (this.#taken.has(shard))
            return this.#taken.get(shard);
        let st;
        try {
            st = (0,external_node_fs_.lstatSync)(`${this.#entries}/${shard}`, { throwIfNoEntry: false });
        }
        catch {
            // Unsearchable: nothing of it is kept.
        }
        this.#taken.set(shard, st);
        return st;
    }
    /** For a hit `kept` answered: its shard's stat data, as the memo recorded them and this lookup found them. */
    shardKey(key) {
        return this.#unchanged.get(key.slice(0, 2)) ?? undefined;
    }
    /** A hit of this lookup: `kept`'s, or one read from its entry (after `shardStat` of its shard). */
    found(key, hit) {
        this.#found.set(key, hit);
    }
    /**
     * Keeps what this lookup found for the next one: the hits whose shard's stat data had settled when taken, and
     * whose meta.json is small. And the memo's other hits, of keys this lookup did not ask for (a lookup of part of
     * the graph: `disbuild run <task>`, `disbuild explain <task>`), while their shard is as recorded or was not
     * looked at: before, such a lookup replaced the memo with its own hits, and the next full run read the rest
     * from their entries again. Nothing is written when the hits to keep are those the memo holds.
     */
    keep() {
        const shards = new Map();
        const hits = new Map();
        let bytes = 0;
        const add = (key, hit, shard, id) => {
            bytes += hit.meta.length + LINE_BYTES;
            if (bytes > MEMO_MAX_BYTES)
                return false;
            shards.set(shard, id);
            hits.set(key, hit);
            return true;
        };
        let room = true;
        for (const [key, hit] of this.#found) {
            // One line per hit: a meta.json with a line break of its own (not as JSON.stringify writes it) is not kept.
            if (hit.meta.length > MEMO_MAX_META || hit.meta.includes('\n'))
                continue;
            const shard = key.slice(0, 2);
            const st = this.#taken.get(shard);
            const id = (0,settled_stat/* dirKey */.zG)(st);
            if (st === undefined || id === undefined || !(0,settled_stat/* settledMs */.ou)(st, this.#takenAtMs))
                continue;
            if (!(room = add(key, hit, shard, id)))
                break;
        }
        for (const [key, hit] of room ? this.#kept : []) {
            if (this.#found.has(key))
                continue;
            const shard = key.slice(0, 2);
            const recorded = this.#shards.get(shard);
            if (recorded === undefined)
                continue;
            // A shard this lookup looked at holds the entries it held only when its stat data are still the recorded ones.
            if (this.#taken.has(shard) && (0,settled_stat/* dirKey */.zG)(this.#taken.get(shard)) !== recorded)
                continue;
            if (!add(key, hit, shard, recorded))
                break;
        }
        // Every hit to keep taken from the memo, and no other there: it stays as it is. So it does when the only hits
        // read anew are in shards that changed a moment ago (a leaf's build saved one there), which are not kept.
        let unchanged = hits.size === this.#kept.size;
        for (const [key, hit] of hits)
            if (unchanged && this.#kept.get(key) !== hit)
                unchanged = false;
        if (unchanged) {
            this.#written = { shards: this.#shards, hits: this.#kept };
            return;
        }
        this.#written = { shards, hits };
        this.#source = { wrote: (0,state_file/* writeStateFile */.V)(this.#file, memoText(shards, hits)) };
    }
    /** A kept hit's entry was marked used now: the memo records it (see `flush`), or every run would mark it again. */
    touched(key, atMs) {
        const hit = this.#written?.hits.get(key);
        if (hit === undefined)
            return;
        this.#written.hits.set(key, { ...hit, usedAtMs: atMs });
        this.#touched = true;
    }
    /**
     * What vouches, after this lookup, that the hits of `keys` are still there: the stat data of their shards, as
     * recorded (settled) when the memo was written, and the oldest last use among them; undefined when the memo does
     * not keep one of them. A shard whose stat data are still these holds the entries it held (see above).
     */
    vouched(keys) {
        const file = this.#fileNow();
        if (this.#written === undefined || file === undefined)
            return undefined;
        const shards = new Map();
        let oldestUseMs = Infinity;
        for (const key of keys) {
            const hit = this.#written.hits.get(key);
            const shard = key.slice(0, 2);
            const id = this.#written.shards.get(shard);
            if (hit === undefined || id === undefined)
                return undefined;
            shards.set(shard, id);
            oldestUseMs = Math.min(oldestUseMs, hit.usedAtMs);
        }
        return { shards, oldestUseMs, file };
    }
    /**
     * The stat data of the memo's file, when it is still the one this lookup read or wrote last (another run may
     * have replaced it since, without this lookup's hits); undefined otherwise.
     */
    #fileNow() {
        const now = (0,stat_if_any/* lstatIfAny */.e)(this.#file);
        const source = this.#source;
        if (source === undefined || now === undefined)
            return undefined;
        if ('read' in source)
            return (0,settled_stat/* statKey */.CD)(now) === source.read ? source.read : undefined;
        const w = source.wrote;
        return w !== undefined && now.dev === w.dev && now.ino === w.ino && now.size === w.size
            ? (0,settled_stat/* statKey */.CD)(now)
            : undefined;
    }
    /** Writes the uses recorded by `touched`, with the shards' stat data as they were when the memo was written. */
    flush() {
        if (!this.#touched || this.#written === undefined)
            return;
        this.#touched = false;
        this.#source = { wrote: (0,state_file/* writeStateFile */.V)(this.#file, memoText(this.#written.shards, this.#written.hits)) };
    }
}
const NEWLINE = 0x0a;
/**
 * `<MAGIC> <FORMAT> <this code's identity> <sha256 of the rest>`, then a line per shard (`S <shard> <stat data>`)
 * and per hit (`H <key> <used at> <identity> <duration> <meta.json>`): none of those hold a space but the last,
 * nor a line break (see `keep`). The code's identity: a meta.json this code checked is one it reads back unchecked.
 */
function memoText(shards, hits) {
    let body = '';
    for (const [shard, id] of shards)
        body += `S ${shard} ${id}\n`;
    for (const [key, hit] of hits)
        body += `H ${key} ${hit.usedAtMs} ${hit.ino} ${hit.durationMs} ${hit.meta}\n`;
    const bytes = Buffer.from(body, 'latin1');
    return Buffer.concat([Buffer.from(`${header(bytes)}\n`), bytes]);
}
/** Read as one latin1 string (see KeptHit.meta), split with string operations: a native call per field cost more. */
function parseMemo(bytes) {
    if (bytes === undefined)
        return undefined;
    const head = bytes.indexOf(NEWLINE);
    if (head < 0 || bytes.toString('latin1', 0, head) !== header(bytes.subarray(head + 1)))
        return undefined;
    const text = bytes.toString('latin1', head + 1);
    const shards = new Map();
    const hits = new Map();
    for (let at = 0; at < text.length;) {
        const end = text.indexOf('\n', at);
        const a = text.indexOf(' ', at + 2);
        if (end < 0 || a < 0 || a > end)
            return undefined;
        if (text.startsWith('S ', at)) {
            shards.set(text.slice(at + 2, a), text.slice(a + 1, end));
        }
        else {
            const b = text.indexOf(' ', a + 1);
            const c = text.indexOf(' ', b + 1);
            const d = text.indexOf(' ', c + 1);
            if (!text.startsWith('H ', at) || b < 0 || c < 0 || d < 0 || d > end)
                return undefined;
            const usedAtMs = Number(text.slice(a + 1, b));
            const durationMs = Number(text.slice(c + 1, d));
            if (!Number.isFinite(usedAtMs) || !Number.isFinite(durationMs))
                return undefined;
            hits.set(text.slice(at + 2, a), {
                usedAtMs,
                ino: text.slice(b + 1, c),
                durationMs,
                meta: text.slice(d + 1, end),
            });
        }
        at = end + 1;
    }
    return { shards, hits };
}
/** This code's identity, digested: asked once per process (see `header`). */
let code;
function header(body) {
    // Once per process: the memo is read and written by the code this process loaded.
    code ??= (0,external_node_crypto_.createHash)('sha256')
        .update((0,code_identity/* codeIdentity */.y)((0,external_node_url_.fileURLToPath)(__disbuild_import_meta.url)))
        .digest('hex');
    return `${MAGIC} ${FORMAT} ${code} ${(0,external_node_crypto_.createHash)('sha256').update(body).digest('hex')}`;
}

;// CONCATENATED MODULE: ./src/cache/local-cache.ts





















/** How precisely an entry's last use is recorded (its meta.json's mtime, which pruning orders by). */
const USE_RESOLUTION_MS = 60 * 60 * 1000;
/** How long a free-space reading is trusted before `newOutputDir` asks the file system again. */
const SPACE_CHECK_MS = 250;
/** The log of a job that printed nothing: most cached jobs' logs, and not decoded a thousand times over. */
const NO_LOG = Buffer.alloc(0);
/**
 * The `local` backend: one directory per artifact under `<dir>/v1/entries/<key[0..2]>/<key>/`.
 *
 * Deals with: atomic saves (the whole entry is built in `v1/tmp/` and renamed into place, so an entry either
 * exists complete or not at all), races between processes (the first rename wins, the loser discards its copy),
 * verified restores, damaged entries (moved aside once, with one warning, so the rebuilt artifact takes their
 * place), a full disk (saves stop with one warning; outputs are no longer handed out here), and leftovers of
 * killed processes. Does not deal with: size bounds (`pruneCache`) or deciding what to restore.
 */
class LocalCache {
    #root;
    #entries;
    #tmp;
    #onWarning;
    #restores = new RestoreQueue();
    /** Set once the disk said it is full: saves are skipped for the rest of the run (one warning). */
    #full = false;
    /** Entries looked up that are another user's (see #readMeta), and whether the run was told. */
    #foreign = [];
    #foreignWarned = false;
    /** Asked once: a lookup compares a thousand meta.json owners with it, each a system call otherwise. */
    #uid = process.geteuid?.();
    #spaceCheckedAt = -Infinity;
    #lowOnSpace = false;
    /** The memo of the last lookup of many keys (see lookup-memo.ts), for the uses it records until `close`. */
    #memo;
    constructor(root, onWarning) {
        this.#root = root;
        this.#entries = (0,external_node_path_.join)(root, 'entries');
        this.#tmp = (0,external_node_path_.join)(root, 'tmp');
        this.#onWarning = onWarning;
    }
    /** Opens (creating) the cache at `dir`, removing temp directories that dead processes left behind. */
    static async create(dir, opts = {}) {
        const root = (0,external_node_path_.join)(dir, 'v1');
        // Synchronous, as removeDeadTemps lists: see there.
        // Writable by this user only, whatever the umask, so that nobody else may rename what they hold.
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(root, 'entries'), { recursive: true, mode: 0o755 });
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(root, 'tmp'), { recursive: true, mode: 0o755 });
        // Entries are written, and dead temps removed, in these: never through a symbolic link, whose target is not
        // the cache's.
        for (const d of [root, (0,external_node_path_.join)(root, 'entries'), (0,external_node_path_.join)(root, 'tmp')])
            if (!(0,external_node_fs_.lstatSync)(d).isDirectory())
                throw new Error(`${d} is not a directory of its own (a symbolic link?)`);
        // The cache directory keeps a group's write bit (a team's setgid directory): its members are trusted.
        (0,renamable_by_others/* ownDirectoryTightened */.w)(dir, true);
        for (const d of [root, (0,external_node_path_.join)(root, 'tmp'), (0,external_node_path_.join)(root, 'entries')])
            (0,renamable_by_others/* ownDirectoryTightened */.w)(d);
        const unsafe = (0,renamable_by_others/* renamableByOthers */.A)(dir, ['v1', 'v1/tmp', 'v1/entries']);
        if (unsafe !== undefined)
            throw new Error(`${unsafe}, who could put their own files in this user's builds`);
        await (0,dead_temps/* removeDeadTemps */.U)((0,external_node_path_.join)(root, 'tmp'));
        return new LocalCache(root, opts.onWarning ?? (() => undefined));
    }
    /**
     * Spelled out, not joined: a key is hex, and `join` normalizes what it builds (5 ms in a 1,000-key lookup). So are
     * the paths below an entry or a temp directory, whose names are fixed (13 ms of 1,000 archives committed).
     */
    #entry(key) {
        return `${this.#entries}/${key.slice(0, 2)}/${key}`;
    }
    #newTemp() {
        return `${this.#tmp}/${process.pid}-${(0,random_hex/* randomHex */.n)(6)}`;
    }
    lookup(keys) {
        const hits = new Map();
        const memo = keys.length >= MEMO_MIN_KEYS
            ? LookupMemo.open((0,external_node_path_.join)(this.#root, 'lookup-memo'), this.#entries)
            : undefined;
        if (memo)
            this.#memo = memo;
        // Synchronous on purpose: a thousand tiny reads in a loop beat a thousand thread-pool round trips,
        // and nothing else runs while a run looks its keys up.
        for (const key of keys) {
            const kept = memo?.kept(key);
            if (kept !== undefined) {
                hits.set(key, this.#hit(key, kept.durationMs, keptMeta(kept, key), kept.usedAtMs, kept.ino, () => kept.meta, memo.shardKey(key)));
                memo.found(key, kept);
                continue;
            }
            // Before its entries are read: a change after this shows in the shard's stat data (see lookup-memo.ts). No
            // shard, no entry: a fresh cache's thousand lookups cost no failed open (and no error made) each. An entry
            // another run saves into a new shard meanwhile is a miss here, as if saved just after this lookup: the
            // claim of its job looks again before building it.
            if (memo && memo.shardStat(key.slice(0, 2)) === undefined)
                continue;
            // meta.json opened straight away, without a stat of the entry first: a miss costs a failed open either way,
            // and the open's fstat gives what the hit needs (see #hit).
            const read = this.#readMeta(key);
            if (read.kind === 'damaged')
                this.#damaged(key, read.problem);
            if (read.kind === 'foreign')
                this.#foreign.push(key);
            if (read.kind !== 'text')
                continue;
            const meta = (0,entry_meta/* parseEntryMeta */.zr)(read.bytes.toString('utf8'), key);
            if (!meta.ok) {
                this.#damaged(key, meta.error);
                continue;
            }
            const { durationMs } = meta.value;
            const ino = identity(read.stat);
            hits.set(key, this.#hit(key, durationMs, () => meta.value, read.stat.mtimeMs, ino, () => read.bytes.toString('latin1')));
            if (memo) {
                const found = { meta: read.bytes.toString('latin1'), durationMs, usedAtMs: read.stat.mtimeMs, ino };
                memo.found(key, found);
            }
        }
        memo?.keep();
        if (this.#foreign.length > 0 && !this.#foreignWarned) {
            this.#foreignWarned = true;
            this.#onWarning(`${this.#foreign.length === 1 ? `cache entry ${this.#foreign[0]} is` : `${this.#foreign.length} cache entries (${this.#foreign[0]}, …) are`} ` +
                `another user's: not used, the jobs are built here`);
        }
        return Promise.resolve(hits);
    }
    /**
     * An entry's meta.json, read without blocking and never through a link. `missing` when there is none to read (a
     * plain miss, as is one whose directory cannot be read); `damaged` when what stands there cannot be one (a FIFO, a
     * directory, a link) or anyone may write it; `foreign` when another user wrote it. Its digests are what a restore
     * checks the bytes against, so whoever can write it decides what is restored, in a cache directory others
     * share.
     */
    #readMeta(key) {
        const path = `${this.#entry(key)}/meta.json`;
        let fd;
        let st;
        try {
            ({ fd, stat: st } = (0,read_own_file/* openRegular */.lf)(path));
        }
        catch (e) {
            // One that cannot even be seen (an unreadable directory) is a plain miss; a link is damage.
            const code = e.code;
            if (code === 'ENOENT' || (code !== 'ELOOP' && !(0,external_node_fs_.existsSync)(path)))
                return { kind: 'missing' };
            return { kind: 'damaged', problem: e.message };
        }
        try {
            if (this.#uid !== undefined && st.uid !== this.#uid)
                return { kind: 'foreign' };
            // This user's, but anyone may have written it: moved aside and saved anew (with its mode).
            if ((st.mode & 0o002) !== 0)
                return { kind: 'damaged', problem: 'its meta.json is writable by anyone' };
            // Of the size fstat gave (a lookup reads a thousand of these): one read, no second fstat.
            const bytes = Buffer.allocUnsafe(st.size);
            let at = 0;
            for (let n = -1; at < st.size && n !== 0; at += n)
                n = (0,external_node_fs_.readSync)(fd, bytes, at, st.size - at, at);
            return { kind: 'text', bytes: bytes.subarray(0, at), stat: st };
        }
        catch (e) {
            return { kind: 'damaged', problem: e.message };
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    async discard(key) {
        await this.#quarantine(key);
    }
    /** A damaged entry is a miss: moved aside at once (so the rebuilt artifact can be saved), warned about once. */
    #damaged(key, problem) {
        this.#onWarning(`cache entry ${key} is damaged (${problem}); removed it, the job will be rebuilt`);
        (0,background/* inBackground */.k)(this.#quarantine(key));
    }
    /** `shard`: for a hit the lookup memo answered, its shard's stat data as the memo recorded them (see #since). */
    #hit(key, durationMs, meta, usedAtMs, ino, metaText, shard) {
        const entry = this.#entry(key);
        const log = async (name) => {
            const inline = meta()[name];
            if (inline === '')
                return NO_LOG;
            if (inline !== undefined)
                return Buffer.from(inline, 'base64');
            const path = (0,external_node_path_.join)(entry, name);
            let problem;
            let failure;
            try {
                const { shown, whole } = await (0,log_file/* readLogShown */.ut)(path);
                // Checked as a restore checks it: a log whose bytes changed on disk is damage, not what the job printed.
                // Only a log shown whole: one over 16 MiB is shown by its two ends, and hashing hundreds of megabytes to
                // show two would cost a report seconds (a restore checks it all the same).
                const want = meta().manifest?.[name === 'stdout' ? 'stdoutSha256' : 'stderrSha256'];
                if (want === undefined || !whole || (0,cache_manifest/* sha256 */.sc)(shown) === want)
                    return shown;
                problem = 'does not match the manifest';
                failure = new Error(`the ${name} of cache entry ${key} does not match its manifest`);
            }
            catch (e) {
                problem = `cannot be read: ${e.code ?? e.message}`;
                failure = e;
            }
            // Another run's entry now (it moved the looked-up one aside and saved its own): not this one's to judge.
            if (this.#since(key, ino, shard) !== undefined)
                throw failure;
            // Damage like any other (the file removed, made unreadable, changed): the entry goes, so that the next run
            // rebuilds the job and keeps its logs again, instead of every run finding them missing or wrong.
            const stuck = await this.#quarantine(key);
            const done = stuck === undefined ? 'removed it' : `could not remove it (${stuck})`;
            this.#onWarning(`cache entry ${key} is damaged (its ${name} ${problem}); ${done}`);
            throw failure;
        };
        // The mtime of the entry's meta.json is its last use, for least-recently-used pruning: set at most once per
        // run, and only when the last recorded use is older than USE_RESOLUTION_MS (like a file system's relatime),
        // so that a run over entries used within the hour does not pay one metadata write per hit.
        let touched = Date.now() - usedAtMs < USE_RESOLUTION_MS;
        const touch = () => {
            if (touched)
                return;
            touched = true;
            const now = new Date();
            (0,background/* inBackground */.k)((0,promises_.utimes)(`${entry}/meta.json`, now, now));
            this.#memo?.touched(key, now.getTime());
            // The directory too: versions before this one prune by its mtime alone, and may share the directory.
            (0,background/* inBackground */.k)((0,promises_.utimes)(entry, now, now));
        };
        return {
            key,
            durationMs,
            logs: async () => {
                touch();
                return { stdout: await log('stdout'), stderr: await log('stderr') };
            },
            restore: async (destDir) => {
                const restored = await this.#restore(key, meta(), destDir, ino, shard);
                if (restored.ok)
                    touch();
                return restored;
            },
            used: touch,
            entries: () => meta().manifest?.entries,
            storedFile: (path) => (0,external_node_path_.join)(entry, 'out', path),
            place: this.#restores.place,
            // By content, as this lookup read it (or its memo did): an entry saved again with another manifest is another.
            get artifact() {
                return digestOf(metaText());
            },
        };
    }
    /**
     * Restores and verifies straight into `destDir`, the caller's own scratch (nothing there is read before this
     * answers): no temp directory and no rename per restore. On failure `destDir` is removed again; the caller warns
     * (naming the job), so this only moves the entry aside.
     */
    async #restore(key, meta, destDir, ino, shard) {
        const entry = this.#entry(key);
        let verified;
        try {
            this.#ensureDir((0,external_node_path_.dirname)(destDir));
            verified = await this.#copyInto(entry, key, meta, destDir);
        }
        catch (e) {
            await (0,remove_tree/* removeTree */.dM)(destDir).catch(() => undefined);
            if ((0,free_space/* isDiskFull */.b$)(e)) {
                return (0,result/* err */._)({ reason: 'cache-unavailable', message: `cache entry ${key}: ${e.message}` });
            }
            // The destination's fault (a name too long, a directory this user may not write, a file in the way), not
            // the entry's: a sound entry is kept, and the caller told it was not restored.
            if (!(await canMake(destDir))) {
                return (0,result/* err */._)({
                    reason: 'missing',
                    message: `cache entry ${key} could not be restored into ${destDir}: ${e.message}`,
                });
            }
            verified = (0,result/* err */._)(e.message);
        }
        if (!verified.ok) {
            await (0,remove_tree/* removeTree */.dM)(destDir).catch(() => undefined);
            const since = this.#since(key, ino, shard);
            if (since !== undefined) {
                return (0,result/* err */._)({ reason: 'corrupt', message: `cache entry ${key} was ${since} while it was restored` });
            }
            await this.#quarantine(key);
            return (0,result/* err */._)({
                reason: 'corrupt',
                message: `cache entry ${key} is damaged (${verified.error}); removed it`,
            });
        }
        return (0,result.ok)(undefined);
    }
    /**
     * copyVerified into `destDir`, which the interface lets a caller hand over existing and empty (or left by a
     * restore that failed): whatever is there is removed once, and the restore tried again.
     */
    async #copyInto(entry, key, meta, destDir) {
        try {
            return await copyVerified(entry, key, meta, destDir, this.#restores.restore);
        }
        catch (e) {
            if (e.code !== 'EEXIST' || !(0,external_node_fs_.existsSync)(destDir))
                throw e;
        }
        await (0,remove_tree/* removeTree */.dM)(destDir);
        return copyVerified(entry, key, meta, destDir, this.#restores.restore);
    }
    /**
     * What became of the entry of `key` since it was looked up (`ino`, see identity), when it is no longer that
     * entry: `replaced` (another run moved it aside and saved its own, which is left be) or `removed` (a prune
     * took it). Damage found after a lookup is then not that entry's. `shard`: for a hit the lookup memo answered,
     * the stat data its shard had then. The identity the memo knew may be older than this run: a meta.json written
     * anew in place (by anything but a save, which never does) has another inode, and is still this entry while no
     * rename in its shard (a save, a removal) happened since, whose damage must be repaired rather than left for every
     * later run to find. A shard changed since may hold another run's save, which is left be.
     */
    #since(key, ino, shard) {
        const entry = this.#entry(key);
        let meta;
        try {
            meta = (0,external_node_fs_.lstatSync)(`${entry}/meta.json`, { throwIfNoEntry: false });
        }
        catch {
            // Not to be looked at (EACCES, ENOTDIR): the directory says why.
        }
        if (meta !== undefined) {
            if (identity(meta) === ino)
                return undefined;
            let now;
            try {
                now = shard === undefined ? undefined : (0,settled_stat/* dirKey */.zG)((0,external_node_fs_.lstatSync)((0,external_node_path_.dirname)(entry), { throwIfNoEntry: false }));
            }
            catch {
                // Its shard unsearchable: vouches for nothing.
            }
            return now !== undefined && now === shard ? undefined : 'replaced';
        }
        // No meta.json to be seen: the entry gone, something else in its place, or this one damaged (its meta.json
        // removed, its directory made unsearchable).
        let dir;
        try {
            dir = (0,external_node_fs_.lstatSync)(entry, { throwIfNoEntry: false });
        }
        catch {
            // Its shard unsearchable: damage, still this entry's.
            return undefined;
        }
        if (dir === undefined)
            return 'removed by another process';
        return dir.isDirectory() ? undefined : 'replaced';
    }
    /**
     * Moves a bad entry out of the way atomically, so the next save can replace it. Answers why it could not (an
     * entry another user owns and left unreadable cannot be moved by this one), or undefined once it is gone.
     */
    async #quarantine(key) {
        const entry = this.#entry(key);
        const temp = this.#newTemp();
        try {
            // Moving a directory to another parent needs write permission on it (its `..` changes).
            (0,external_node_fs_.chmodSync)(entry, 0o755);
        }
        catch {
            // Gone already, or not ours: the rename says which.
        }
        try {
            (0,external_node_fs_.renameSync)(entry, temp);
        }
        catch (e) {
            return e.code === 'ENOENT' ? undefined : e.message;
        }
        await (0,remove_tree/* removeTree */.dM)(temp).catch(() => undefined);
        return undefined;
    }
    /** Output directories handed to jobs inside `tmp/`, not yet committed as entries. */
    #handedOut = new Set();
    /**
     * A job that writes its outputs straight into a temp entry saves without copying or linking anything:
     * committing it is writing `meta.json` and one rename. Throws when the cache's disk is (nearly) full, so that
     * the job writes its outputs where the run keeps its own files instead.
     */
    newOutputDir() {
        if (this.#full || this.#isLowOnSpace())
            throw new Error('the cache disk is low on space');
        const temp = this.#newTemp();
        const out = `${temp}/out`;
        try {
            (0,external_node_fs_.mkdirSync)(temp, 0o755);
        }
        catch {
            // tmp/ itself removed while running: one more call, only then.
            (0,external_node_fs_.mkdirSync)(temp, { recursive: true, mode: 0o755 });
        }
        (0,external_node_fs_.mkdirSync)(out, 0o755);
        this.#handedOut.add(out);
        return out;
    }
    /** As `newOutputDir`, the directories made on the thread pool: for restores, which run many at once. */
    async newRestoreDir() {
        if (this.#full || this.#isLowOnSpace())
            throw new Error('the cache disk is low on space');
        const temp = this.#newTemp();
        const out = `${temp}/out`;
        await (0,promises_.mkdir)(temp, 0o755).catch(() => (0,promises_.mkdir)(temp, { recursive: true, mode: 0o755 }));
        await (0,promises_.mkdir)(out, 0o755);
        this.#handedOut.add(out);
        return out;
    }
    #isLowOnSpace() {
        const now = performance.now();
        if (now - this.#spaceCheckedAt > SPACE_CHECK_MS) {
            this.#spaceCheckedAt = now;
            this.#lowOnSpace = (0,free_space/* isLowOnSpace */.Io)(this.#root);
        }
        return this.#lowOnSpace;
    }
    async save(key, artifact) {
        const entry = this.#entry(key);
        if ((0,external_node_fs_.existsSync)(`${entry}/meta.json`))
            return { saved: false, reason: 'exists' };
        const adopt = this.#handedOut.has(artifact.outputDir);
        if (this.#full && !adopt)
            return { saved: false, reason: 'cache-unavailable', message: 'disk full' };
        // Not taken over: the directory stays where dependents read it until `close` removes it.
        const dropTemp = (temp) => adopt ? Promise.resolve() : (0,remove_tree/* removeTree */.dM)(temp).catch(() => undefined);
        const temp = adopt ? (0,external_node_path_.dirname)(artifact.outputDir) : this.#newTemp();
        try {
            if (!adopt)
                await (0,tree_copy/* copyTree */.EL)(artifact.outputDir, `${temp}/out`, { link: true });
            // The manifest describes the copy, so it matches the stored bytes even if the job's directory changes now.
            // A tree taken over is sealed as it is hashed (see ArtifactToSave.seal).
            const seal = adopt && artifact.seal === true && !artifact.verifiedManifest;
            const manifest = artifact.verifiedManifest
                ? (0,result.ok)(artifact.verifiedManifest)
                : await (0,cache_manifest/* buildManifest */.u1)(`${temp}/out`, key, artifact.durationMs, artifact.stdout, artifact.stderr, {
                    seal,
                });
            if (!manifest.ok) {
                await dropTemp(temp);
                return { saved: false, reason: 'unsafe-output', message: manifest.error };
            }
            const meta = { ...entryMeta(artifact), manifest: manifest.value };
            // Logs too big to live inline in meta.json get files of their own.
            if (meta.stdout === undefined) {
                meta.manifest.stdoutSha256 = await writeLog((0,external_node_path_.join)(temp, 'stdout'), artifact.stdout, artifact.stdoutFile);
            }
            if (meta.stderr === undefined) {
                meta.manifest.stderrSha256 = await writeLog((0,external_node_path_.join)(temp, 'stderr'), artifact.stderr, artifact.stderrFile);
            }
            // Synchronous: two small calls, cheaper in line than as thread-pool round trips (open, write, close, rename).
            // Its mode spelled out: under a umask of 000 (GitLab's Docker executor) anyone could write it, and it is refused.
            (0,external_node_fs_.writeFileSync)(`${temp}/meta.json`, JSON.stringify(meta), { mode: 0o644 });
            await this.#commit(key, temp);
            if (!adopt)
                return { saved: true, manifest: meta.manifest };
            this.#handedOut.delete(artifact.outputDir);
            return {
                saved: true,
                outputDir: `${entry}/out`,
                manifest: meta.manifest,
                ...(seal ? { sealed: true } : {}),
            };
        }
        catch (e) {
            await dropTemp(temp);
            if (e instanceof EntryInTheWay) {
                // Not in the cache, and not claimed to be: the build stands on its own, and later runs build it too.
                this.#onWarning(e.message);
                return { saved: false, reason: 'cache-unavailable', message: e.message };
            }
            const code = e.code;
            if (code === 'ENOTEMPTY' || code === 'EEXIST')
                return { saved: false, reason: 'exists' };
            return this.#saveFailed(key, e);
        }
    }
    /**
     * A remote hit's archive becomes an entry without passing through a job's directory: checked, written
     * read-only, given its meta.json and committed in one go on the restore thread (see adopt-archive.ts), while
     * this thread goes on receiving. When another process saved the key meanwhile, the complete tree stays where
     * it was built, in tmp/, until the run ends (as a tree handed out by `newRestoreDir` does).
     */
    async adoptArchive(key, a) {
        if (this.#full || this.#isLowOnSpace()) {
            return (0,result/* err */._)({ reason: 'cache-unavailable', message: 'the cache disk is low on space' });
        }
        const entry = this.#entry(key);
        const temp = this.#newTemp();
        const out = `${temp}/out`;
        const meta = { ...entryMeta({ outputDir: out, ...a }), manifest: a.manifest };
        const logs = [];
        if (meta.stdout === undefined)
            logs.push({ name: 'stdout', bytes: a.stdout });
        if (meta.stderr === undefined)
            logs.push({ name: 'stderr', bytes: a.stderr });
        // Removed at `close` unless committed, whatever happens to the thread meanwhile.
        this.#handedOut.add(out);
        const request = {
            archive: a.archive,
            ...(a.owned ? { owned: true } : {}),
            encoding: a.encoding,
            entries: a.manifest.entries,
            temp,
            entry,
            meta: JSON.stringify(meta),
            logs,
        };
        // Only the commit's own "something is in the way" means another process won: the same code thrown while the
        // tree was being built means it is incomplete (and not sealed).
        let built = false;
        try {
            const adopted = await this.#restores.adopt(request, a.release);
            if (!adopted.ok) {
                this.#handedOut.delete(out);
                await (0,remove_tree/* removeTree */.dM)(temp).catch(() => undefined);
                return (0,result/* err */._)({ reason: 'corrupt', message: adopted.mismatch });
            }
            built = true;
            if (!adopted.committed)
                await this.#commit(key, temp);
            this.#handedOut.delete(out);
            return (0,result.ok)({ dir: `${entry}/out`, sealed: true });
        }
        catch (e) {
            if (e instanceof EntryInTheWay)
                this.#onWarning(e.message);
            const code = e.code;
            // Saved by another process meanwhile (or in the way): this complete tree is read where it is.
            if (built && (e instanceof EntryInTheWay || code === 'ENOTEMPTY' || code === 'EEXIST'))
                return (0,result.ok)({ dir: out, sealed: true });
            this.#handedOut.delete(out);
            await (0,remove_tree/* removeTree */.dM)(temp).catch(() => undefined);
            const failed = this.#saveFailed(key, e);
            return (0,result/* err */._)({ reason: 'cache-unavailable', message: failed.saved ? '' : (failed.message ?? '') });
        }
    }
    /**
     * The single commit point: before the rename, nothing is visible; after it, everything is. An entry already
     * in the way is another process's save (then this one is a no-op) or damage that lookups could not see (an
     * unreadable directory, no meta.json): that one is moved aside and the rename tried once more.
     */
    async #commit(key, temp) {
        const entry = this.#entry(key);
        try {
            renameOrMakeParent(temp, entry);
            return;
        }
        catch (e) {
            const code = e.code;
            if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || this.#isValidEntry(key))
                throw e;
        }
        const stuck = await this.#quarantine(key);
        if (stuck !== undefined)
            throw new EntryInTheWay(key, stuck);
        this.#onWarning(`cache entry ${key} is damaged (its meta.json cannot be read); replaced it`);
        (0,external_node_fs_.renameSync)(temp, entry);
    }
    /** Whether the entry of `key` is one to keep: a valid one, or another user's, which is not this run's to replace. */
    #isValidEntry(key) {
        const read = this.#readMeta(key);
        return (read.kind === 'foreign' || (read.kind === 'text' && (0,entry_meta/* parseEntryMeta */.zr)(read.bytes.toString('utf8'), key).ok));
    }
    #saveFailed(key, e) {
        if ((0,free_space/* isDiskFull */.b$)(e)) {
            if (!this.#full) {
                this.#full = true;
                this.#onWarning(`the local cache's disk is full (${e.message}); nothing more is saved to it in this run`);
            }
            return { saved: false, reason: 'cache-unavailable', message: e.message };
        }
        this.#onWarning(`could not save ${key} to the local cache: ${e.message}`);
        return { saved: false, reason: 'cache-unavailable', message: e.message };
    }
    vouchedHits(keys) {
        const vouched = keys.length >= MEMO_MIN_KEYS ? this.#memo?.vouched(keys) : undefined;
        if (vouched === undefined)
            return undefined;
        return {
            shards: [...vouched.shards].map(([shard, id]) => [`${this.#entries}/${shard}`, id]),
            memo: [(0,external_node_path_.join)(this.#root, 'lookup-memo'), vouched.file],
            // Past this, a run must mark the oldest of them used again (see #hit's `touch`).
            freshUntilMs: vouched.oldestUseMs + USE_RESOLUTION_MS,
        };
    }
    expectRestores(count) {
        this.#restores.expect(count);
    }
    /** Removes the handed-out directories that were never committed (failed jobs, outputs that were not saved). */
    async close() {
        this.#memo?.flush();
        this.#restores.close();
        const left = [...this.#handedOut];
        this.#handedOut.clear();
        await Promise.all(left.map((out) => (0,remove_tree/* removeTree */.dM)((0,external_node_path_.dirname)(out)).catch(() => undefined)));
    }
    #dirs = new Set();
    /**
     * Restore destinations' parents are created once per process, not probed on every restore (200 restores into
     * one directory, one `mkdir -p`); in place, so that a run restoring a few dependencies never starts the thread
     * pool for it (see removeDeadTemps). A failure is asked again next time.
     */
    #ensureDir(dir) {
        if (this.#dirs.has(dir))
            return;
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        this.#dirs.add(dir);
    }
}
/**
 * Renames `from` to `to`, making `to`'s parent (an entry's shard directory) only when the rename says it is
 * missing: a cache's 256 shards soon all exist, and a save then costs no call to probe for its shard.
 */
function renameOrMakeParent(from, to) {
    try {
        (0,external_node_fs_.renameSync)(from, to);
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            throw e;
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(to), { recursive: true, mode: 0o755 });
        (0,external_node_fs_.renameSync)(from, to);
    }
}
/** Whether a directory can be made at `dir` (then removed again): asked only after a restore failed. */
async function canMake(dir) {
    try {
        await (0,promises_.mkdir)(dir, { recursive: true });
    }
    catch {
        return false;
    }
    await (0,remove_tree/* removeTree */.dM)(dir).catch(() => undefined);
    return true;
}
/** An unreadable entry this process can neither read nor move aside (another user's): skipped, never replaced. */
class EntryInTheWay extends Error {
    constructor(key, why) {
        super(`cache entry ${key} cannot be read and cannot be replaced (${why}); the job's output is not saved`);
    }
}
/**
 * A kept hit's meta.json, decoded and parsed on first use. This code checked it when it was kept (the memo is
 * this code's alone: see lookup-memo.ts), so it parses as it did then.
 */
function keptMeta(kept, key) {
    let meta;
    return () => {
        if (meta !== undefined)
            return meta;
        const parsed = (0,entry_meta/* parseEntryMeta */.zr)(Buffer.from(kept.meta, 'latin1').toString('utf8'), key);
        if (!parsed.ok)
            throw new Error(`cache entry ${key}: ${parsed.error}`);
        meta = parsed.value;
        return meta;
    };
}
/**
 * A name for a meta.json's bytes (one character per byte), which hold the entry's key and manifest: SHA-256 in one
 * call where Node has the one-shot hash (20.12 on), through a Hash object where it has not.
 */
function digestOf(latin1) {
    // A namespace, not a named import: a Node without `hash` must load this module all the same.
    return typeof external_node_crypto_.hash === 'function'
        ? external_node_crypto_.hash('sha256', latin1, 'base64url')
        : external_node_crypto_.createHash('sha256').update(latin1).digest('base64url');
}
/**
 * Which entry a meta.json belongs to (every save writes a new one): its inode, and its birth time, since a file
 * system gives a file removed a moment ago's inode to the next one made. Not its mtime or ctime, which this run's
 * own use of the entry changes.
 */
function identity(st) {
    return `${st.ino}:${st.birthtimeMs}`;
}


/***/ }),

/***/ 7891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CJ: () => (/* binding */ readLogForDisplay),
/* harmony export */   ut: () => (/* binding */ readLogShown)
/* harmony export */ });
/* unused harmony export withWholeLogs */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);


/** Logs larger than this are read for display as their two ends, never whole into memory. */
const DISPLAY_WHOLE_LIMIT = 16 * 1024 * 1024;
const DISPLAY_END_BYTES = 1024 * 1024;
/**
 * A stored log as reporters see it: the whole file up to 16 MiB, else its first and last MiB around a line
 * saying how much was left out (the same shape a live job's spilled output has). Replaying a cached job that
 * printed gigabytes costs two megabytes of memory.
 */
async function readLogForDisplay(path) {
    return (await readLogShown(path)).shown;
}
/** readLogForDisplay's bytes, and whether they are the whole file (then they can be checked against a digest). */
async function readLogShown(path) {
    const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW);
    try {
        const st = await fh.stat();
        // A FIFO in its place is damage, not a log to wait for.
        if (!st.isFile())
            throw new Error(`${path} is not a regular file`);
        const size = st.size;
        if (size <= DISPLAY_WHOLE_LIMIT)
            return { shown: await fh.readFile(), whole: true };
        const head = Buffer.alloc(DISPLAY_END_BYTES);
        const tail = Buffer.alloc(DISPLAY_END_BYTES);
        await fh.read(head, 0, head.length, 0);
        await fh.read(tail, 0, tail.length, size - tail.length);
        const left = size - head.length - tail.length;
        const marker = Buffer.from(`\n[… ${left} bytes left out here (${size} in all) …]\n`);
        return { shown: Buffer.concat([head, marker, tail]), whole: false };
    }
    finally {
        await fh.close();
    }
}
/**
 * The artifact with its spilled logs read back whole, for backends that store logs from memory (packs). Costs
 * the log's size in memory for the time of one save, never for the rest of the run.
 */
async function withWholeLogs(a) {
    if (a.stdoutFile === undefined && a.stderrFile === undefined)
        return a;
    return {
        outputDir: a.outputDir,
        durationMs: a.durationMs,
        stdout: a.stdoutFile === undefined ? a.stdout : await readFile(a.stdoutFile),
        stderr: a.stderrFile === undefined ? a.stderr : await readFile(a.stderrFile),
    };
}


/***/ }),

/***/ 8445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S$: () => (/* binding */ pathUnderNonDirectory),
/* harmony export */   X8: () => (/* binding */ linkLeavingTree),
/* harmony export */   aY: () => (/* binding */ verifyTree),
/* harmony export */   cn: () => (/* binding */ describeTree),
/* harmony export */   mu: () => (/* binding */ symlinkEscapes),
/* harmony export */   sN: () => (/* binding */ fileSha256),
/* harmony export */   sc: () => (/* binding */ sha256),
/* harmony export */   u1: () => (/* binding */ buildManifest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_read_own_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5958);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8251);





function sha256(bytes) {
    // Most logs are empty, and a restore checks both of every artifact's: a hash object each costs more than that.
    if (bytes.length === 0)
        return EMPTY_SHA256;
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
}
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
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
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const fd = (0,_util_read_own_file_js__WEBPACK_IMPORTED_MODULE_3__/* .openRegularFile */ .ZU)(path);
    try {
        for (let done = 0; done < size;) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, readBuffer, 0, Math.min(readBuffer.length, size - done), done);
            if (n === 0)
                break;
            h.update(readBuffer.subarray(0, n));
            done += n;
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
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
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)('', { fd: (0,_util_read_own_file_js__WEBPACK_IMPORTED_MODULE_3__/* .openRegularFile */ .ZU)(path) }))
        h.update(chunk);
    return h.digest('hex');
}
/** Does a symlink at `path` (relative, '/'-separated) with this target lead out of its tree? */
function symlinkEscapes(path, target) {
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_2__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_2__.posix.join(node_path__WEBPACK_IMPORTED_MODULE_2__.posix.dirname(path), target));
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(target) || target.includes('\0') || resolved === '..' || resolved.startsWith('../');
}
/** More link expansions than Linux follows in one lookup: such a chain cannot be followed at all. */
const MAX_LINK_HOPS = 40;
/** Directories deeper than a path the system takes (4,096 bytes) can spell: such a tree is refused. */
const MAX_DEPTH = 2048;
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
    // Parts walked over the whole tree, and the depth of a walk: bounded, so that a forged list of long, looping
    // links costs little to refuse (one of 300,000 parts took the stack; thirty looping ones, ten seconds). A tree
    // that needs more is refused as though it led out: the links of a package tree take a few parts each.
    let budget = 64 * 1024 + 32 * links.size;
    const leaves = (path, target) => {
        const at = path.split('/').slice(0, -1);
        // Parts still to walk, the next one last.
        const todo = target.split('/').reverse();
        let hops = 0;
        while (todo.length > 0) {
            if (--budget < 0 || at.length > MAX_DEPTH)
                return true;
            const part = todo.pop();
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
            if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(next))
                return true;
            if (++hops > MAX_LINK_HOPS)
                return false;
            at.pop();
            const parts = next.split('/');
            for (let i = parts.length - 1; i >= 0; i--)
                todo.push(parts[i]);
        }
        return false;
    };
    for (const [path, target] of links)
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(target) || leaves(path, target))
            return path;
    return undefined;
}
/**
 * The first path the manifest places inside another of its entries that is not a directory (a file or a link):
 * writing it would fail half-way, or go through the link — each link lexically inside the tree, `d/l -> ..` makes
 * `d/l/m` at `m`. Such a list is refused before anything is made.
 */
function pathUnderNonDirectory(entries) {
    const types = new Map(entries.map((e) => [e.path, e.type]));
    for (const e of entries) {
        for (let i = e.path.indexOf('/'); i !== -1; i = e.path.indexOf('/', i + 1)) {
            const above = types.get(e.path.slice(0, i));
            if (above !== undefined && above !== 'dir')
                return e.path;
        }
    }
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
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(abs);
        }
        catch (e) {
            // A job may leave a directory it cannot read; sealing opens it, as sealTree does.
            if (!seal || e.code !== 'EACCES')
                throw e;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.chmodSync)(abs, 0o700);
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(abs);
        }
    };
    const walk = async (rel) => {
        // The walk is synchronous: it is a handful of metadata calls per file, and thousands of thread-pool round
        // trips per run would cost more than they overlap.
        const names = list((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, rel)).sort();
        for (const name of names) {
            const r = rel === '' ? name : `${rel}/${name}`;
            const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, r);
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(abs);
            if (st.isDirectory()) {
                entries.push({ path: r, type: 'dir', mode: 0o755, size: 0, sha256: '' });
                if (seal && (st.mode & 0o700) !== 0o700)
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.chmodSync)(abs, (st.mode & 0o7777) | 0o700);
                const problem = await walk(r);
                if (problem)
                    return problem;
                if (seal)
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.chmodSync)(abs, 0o555);
            }
            else if (st.isSymbolicLink()) {
                const target = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readlinkSync)(abs);
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
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.chmodSync)(abs, st.mode & ~0o222 & 0o7777);
            }
            else {
                return `${r} is neither a file, a directory nor a symlink`;
            }
        }
        return undefined;
    };
    const problem = await walk('');
    if (problem !== undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_4__/* .err */ ._)(problem);
    if (seal)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.chmodSync)(dir, 0o555);
    const leaving = linkLeavingTree(entries);
    return leaving === undefined
        ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_4__.ok)(entries)
        : (0,_util_result_js__WEBPACK_IMPORTED_MODULE_4__/* .err */ ._)(`symlink ${leaving} points outside the output directory through other links`);
}
/** The manifest of an artifact whose output tree is at `outputDir` (made read-only with `seal`, see above). */
async function buildManifest(outputDir, key, durationMs, stdout, stderr, opts = {}) {
    const entries = await describeTree(outputDir, opts);
    if (!entries.ok)
        return entries;
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_4__.ok)({
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
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_4__/* .err */ ._)(`unexpected ${e.type} ${e.path}`);
        if (w.type !== e.type ||
            w.size !== e.size ||
            w.sha256 !== e.sha256 ||
            (w.type === 'file' && w.mode !== e.mode)) {
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_4__/* .err */ ._)(`${e.path} does not match the manifest`);
        }
        want.delete(e.path);
    }
    const missing = want.keys().next();
    return missing.done ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_4__.ok)(undefined) : (0,_util_result_js__WEBPACK_IMPORTED_MODULE_4__/* .err */ ._)(`${missing.value} is missing`);
}


/***/ }),

/***/ 5451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ removePlacementLeftovers),
/* harmony export */   h: () => (/* binding */ placeFiles)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_writable_dir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5184);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8251);
/* harmony import */ var _tree_copy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3076);
/**
 * Stored files put in their places, each checked as it is written (as a restore copies them, see tree-copy.ts),
 * beside its place, then renamed over it. In-place outputs go into
 * the checkout this way (executor/in-place-restore.ts), on whichever thread has time (restore-helper.ts).
 */






/**
 * Temp names are unique to this thread as well as this process: both threads of a run place files, and two jobs
 * whose outputs overlap may place the same path.
 */
const tempPrefix = `disbuild-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
let temps = 0;
/**
 * Writes each stored file at its place (`to`), checked against its entry as it is written, in order; the manifest
 * path of the first whose stored bytes are not the entry's. Parent directories are made as needed.
 */
async function placeFiles(files) {
    const made = new Set();
    for (const f of files) {
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(f.to);
        if (!made.has(parent)) {
            (0,_util_writable_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .makeDirs */ .X2)(parent);
            made.add(parent);
        }
        if (!(await writeVerified(f)))
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__/* .err */ ._)(f.path);
    }
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__.ok)(undefined);
}
/**
 * Removes what placements of `files` that never ended left beside their places (a helper thread that died while
 * writing one): temp files of any thread and process, named `<place>.disbuild-…`.
 */
function removePlacementLeftovers(files) {
    for (const f of files) {
        const prefix = `${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(f.to)}.disbuild-`;
        let names;
        try {
            names = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(f.to));
        }
        catch {
            continue;
        }
        for (const name of names)
            if (name.startsWith(prefix))
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(f.to), name), { force: true });
    }
}
/**
 * Writes the stored file beside `to`, checked against the entry (copyVerifiedFile), and renames it over `to` (a
 * directory in the way, a stale tree, goes first). False, with nothing left behind, when the stored file is not
 * the entry's.
 */
async function writeVerified(e) {
    const temp = `${e.to}.${tempPrefix}-${temps++}`;
    try {
        if (!(await (0,_util_writable_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .inWritableDirAsync */ .n_)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(e.to), () => (0,_tree_copy_js__WEBPACK_IMPORTED_MODULE_4__/* .copyVerifiedFile */ .Yq)(e.stored, temp, e)))) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(temp, { force: true });
            return false;
        }
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, e.to);
        }
        catch (err) {
            const code = err.code;
            if (code !== 'EISDIR' && code !== 'ENOTEMPTY' && code !== 'EEXIST')
                throw err;
            // A stale tree of the job's outputs alone (the caller checked what it holds).
            (0,_util_writable_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .removeOutputTree */ .kh)(e.to);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, e.to);
        }
        return true;
    }
    catch (err) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(temp, { force: true });
        throw err;
    }
}


/***/ }),

/***/ 3076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EL: () => (/* binding */ copyTree),
/* harmony export */   Ev: () => (/* binding */ restoreListedTree),
/* harmony export */   Yq: () => (/* binding */ copyVerifiedFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_read_own_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5958);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8251);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8445);






/**
 * Copies a directory tree, hard-linking files when `link` is set and the file system allows it.
 * Linking is for saves only: restores must copy, because a restored tree may be written to, while a saved
 * entry is verified against its manifest on every restore, so a later write through a link is caught there.
 * Asynchronous: creating a directory entry costs a fraction of a millisecond of kernel time on common disks,
 * and the event loop has jobs to start meanwhile.
 */
async function copyTree(src, dest, opts) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dest, { recursive: true });
    for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(src, { withFileTypes: true })) {
        const from = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(src, entry.name);
        const to = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dest, entry.name);
        if (entry.isDirectory())
            await copyTree(from, to, opts);
        else if (entry.isSymbolicLink())
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.symlink)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readlink)(from), to);
        else if (entry.isFile())
            await copyOne(from, to, opts.link);
    }
}
async function copyOne(from, to, tryLink) {
    if (tryLink) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.link)(from, to);
            return;
        }
        catch {
            // Another file system, or links not allowed: copy instead.
        }
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)(from, to, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.constants.COPYFILE_FICLONE);
    const mode = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(from)).mode & 0o777;
    if (mode & 0o111)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(to, mode);
}
/** Files up to this size are restored from one read: hashed from memory and written from the same bytes. */
const IN_MEMORY_LIMIT = 4 * 1024 * 1024;
/** After this many bytes restored in line, the next file waits for one turn of the event loop (timers, leases). */
const YIELD_EVERY_BYTES = 16 * 1024 * 1024;
/**
 * Restores exactly the entries a manifest lists (parents before children, as manifests are sorted) from `src`
 * into a new `dest`, verifying as it goes: each file's bytes are read once, checked against the listed size and
 * SHA-256, and those same bytes are written (larger files: a kernel copy, reflink where possible, hashed after);
 * each symlink's target is checked against its digest and must stay inside the tree. Files get the listed mode. Anything else in `src` is left behind: a
 * dependent may have written there (Python's `__pycache__`), and that is neither part of the artifact nor a
 * reason to call it damaged. A path whose parent is not a directory made by this restore is refused, so a
 * listed symlink is never written through. Answers the first mismatch; throws on I/O trouble (a missing file,
 * a full disk).
 *
 * Synchronous for small files: an output is mostly small files, and three thread-pool round trips per file
 * (read, write, close) cost more than they overlap.
 */
async function restoreListedTree(src, dest, entries) {
    const leaving = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .linkLeavingTree */ .X8)(entries);
    if (leaving !== undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__/* .err */ ._)(`symlink ${leaving} points outside the output directory`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(dest);
    const dirs = new Set(['']);
    for (const e of entries) {
        const slash = e.path.lastIndexOf('/');
        if (!dirs.has(slash < 0 ? '' : e.path.slice(0, slash))) {
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__/* .err */ ._)(`the manifest lists ${e.path} outside a listed directory`);
        }
        const to = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dest, e.path);
        if (e.type === 'dir') {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(to);
            dirs.add(e.path);
        }
        else if (e.type === 'symlink') {
            const target = e.target ?? '';
            if (target.length !== e.size || (0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256 */ .sc)(target) !== e.sha256 || (0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .symlinkEscapes */ .mu)(e.path, target)) {
                return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__/* .err */ ._)(`${e.path} does not match the manifest`);
            }
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.symlinkSync)(target, to);
        }
        else if (!(await copyVerifiedFile((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(src, e.path), to, e))) {
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__/* .err */ ._)(`${e.path} does not match the manifest`);
        }
    }
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__.ok)(undefined);
}
let sinceYield = 0;
/**
 * Copies the stored file `from` to `to`, which must not exist, checking it against the listed size, exec bit and
 * SHA-256 as it goes; false when it does not match (`to` may then hold the copy: the caller removes it). The copy
 * gets the listed mode (0755 or 0644). Small files are read once, hashed from memory and written from the same
 * bytes; larger ones are a kernel copy (a reflink where possible), hashed after. Throws on I/O trouble (a missing
 * file, a full disk).
 */
async function copyVerifiedFile(from, to, e) {
    const mode = e.mode & 0o100 ? 0o755 : 0o644;
    if (e.size <= IN_MEMORY_LIMIT) {
        const bytes = readStored(from, e);
        if (bytes === undefined || (0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256 */ .sc)(bytes) !== e.sha256)
            return false;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(to, bytes, { mode, flag: 'wx' });
        sinceYield += bytes.length;
        if (sinceYield >= YIELD_EVERY_BYTES) {
            sinceYield = 0;
            await new Promise((r) => setImmediate(r));
        }
        return true;
    }
    // The kernel's copy opens `from` itself, blocking: checked first to be a regular file (a FIFO in its place
    // would hang the run), as readStored does for a small one.
    const { fd } = (0,_util_read_own_file_js__WEBPACK_IMPORTED_MODULE_3__/* .openRegular */ .lf)(from);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)(from, to, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.constants.COPYFILE_EXCL | node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.constants.COPYFILE_FICLONE);
    const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(to);
    if (st.size !== e.size || (st.mode & 0o100) !== (e.mode & 0o100))
        return false;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(to, mode);
    return (await (0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .fileSha256 */ .sN)(to, st.size)) === e.sha256;
}
/**
 * One buffer that every restored file is read into, hashed from and written from, in one synchronous stretch
 * (no other restore can use it meanwhile): a thousand restored files would otherwise be a thousand buffers
 * outside the heap, and the garbage collections they bring took a tenth of a restore of 1,000 outputs.
 */
let scratch = Buffer.allocUnsafe(64 * 1024);
/**
 * A stored file's bytes (in the shared scratch buffer, valid until the next call), or undefined when it is not the regular file of the listed size and exec bit (a
 * tampered entry is damaged even where the restored copy would come out right). The same calls as one
 * `readFileSync`: open, fstat, read, close.
 */
function readStored(path, e) {
    const { fd, stat: st } = (0,_util_read_own_file_js__WEBPACK_IMPORTED_MODULE_3__/* .openRegular */ .lf)(path);
    try {
        if (!st.isFile() || st.size !== e.size || (st.mode & 0o100) !== (e.mode & 0o100))
            return undefined;
        if (scratch.length < e.size)
            scratch = Buffer.allocUnsafe(Math.min(IN_MEMORY_LIMIT, Math.max(e.size, 2 * scratch.length)));
        const bytes = scratch.subarray(0, e.size);
        let at = 0;
        while (at < e.size) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, bytes, at, e.size - at, at);
            if (n === 0)
                return undefined;
            at += n;
        }
        return bytes;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
}


/***/ }),

/***/ 7773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ randomHex)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** Random bytes drawn at once and handed out in slices: one system call and one OpenSSL call per 4 KiB. */
const pool = Buffer.allocUnsafe(4096);
let used = pool.length;
/**
 * `bytes` cryptographically random bytes as hex, for names and tokens made once per job (temp directories, lease
 * tokens). Same randomness as `randomBytes(bytes).toString('hex')`, at a fraction of its cost: each of those is a
 * job of its own in Node's crypto layer, some 5–15 µs, paid twice per built job.
 */
function randomHex(bytes) {
    if (bytes > pool.length)
        throw new RangeError(`randomHex: at most ${pool.length} bytes`);
    if (used + bytes > pool.length) {
        (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomFillSync)(pool);
        used = 0;
    }
    const hex = pool.toString('hex', used, used + bytes);
    // Never handed out twice.
    pool.fill(0, used, used + bytes);
    used += bytes;
    return hex;
}


/***/ }),

/***/ 8043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dM: () => (/* binding */ removeTree),
/* harmony export */   gj: () => (/* binding */ isPermissionError)
/* harmony export */ });
/* unused harmony export makeDirsWritable */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** Whether an error is the kind that giving the owner write permission back can cure. */
function isPermissionError(e) {
    const code = e?.code;
    return code === 'EACCES' || code === 'EPERM';
}
/**
 * Removes a directory tree (or a file) that may hold read-only directories: jobs leave them (Go's module cache
 * is made read-only on purpose) and committed cache entries are read-only by design. An unprivileged `rm -rf`
 * cannot empty such a directory, so on a permission error every directory of the tree is made writable by its
 * owner and the removal is tried once more. Throws only when that fails too (a tree owned by someone else).
 */
async function removeTree(path) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(path, { recursive: true, force: true });
        return;
    }
    catch (e) {
        if (!isPermissionError(e))
            throw e;
    }
    await makeDirsWritable(path);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(path, { recursive: true, force: true });
}
/** Gives the owner full access to every directory under `path` (symlinks are never followed). */
async function makeDirsWritable(path) {
    let st;
    try {
        st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(path);
    }
    catch {
        return;
    }
    if (!st.isDirectory())
        return;
    if ((st.mode & 0o700) !== 0o700)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(path, (st.mode & 0o7777) | 0o700).catch(() => undefined);
    let names;
    try {
        names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(path);
    }
    catch {
        return;
    }
    for (const name of names)
        await makeDirsWritable((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, name));
}


/***/ }),

/***/ 1909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ renamableByOthers),
/* harmony export */   w: () => (/* binding */ ownDirectoryTightened)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Why another user could rename what this user keeps in `dir` and put their own in its place, or undefined when
 * the cache's own directories are this user's. The owner of a directory may rename its entries whatever its
 * mode; so a cache directory another user made (a name squatted in `/tmp`, a team's directory whose `v1/` a
 * colleague made first) lets that user swap a job's output directory for a tree of their own between the job and
 * the hashing of its files, or a restored tree before a dependent reads it.
 *
 * So `dir` (followed, should it be a link) and each of `below` (inside it; real directories, not links) must be
 * this user's or root's. The directories above `dir` are not checked: what others may do to them is their owner's
 * choice, as for the checkout (whoever may rename a directory above the sources may replace the sources too), and
 * they are other users' in setups that are nobody's attack: root in a container whose home or workspace is the
 * host user's, a user namespace that shows the host's directories as nobody's. Throws as stat does (a missing
 * `dir`).
 */
function renamableByOthers(dir, below = []) {
    const uid = process.geteuid?.();
    if (uid === undefined)
        return undefined;
    const problem = (path, st) => {
        if (!st.isDirectory())
            return `${path} is not a directory`;
        return st.uid !== uid && st.uid !== 0 ? `${path} belongs to another user (uid ${st.uid})` : undefined;
    };
    const own = problem(dir, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(dir));
    if (own !== undefined)
        return own;
    for (const name of below) {
        const path = `${dir}/${name}`;
        const why = problem(path, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path));
        if (why !== undefined)
            return why;
    }
    return undefined;
}
/**
 * Takes the write bits of others (and, unless `keepGroup`, of its group) off `dir` when it is this user's and
 * has them without the sticky bit: a cache directory made under a umask of 000 (GitLab's Docker executor) would
 * let any user rename what it holds. Never throws: a directory it cannot change is left as it is.
 */
function ownDirectoryTightened(dir, keepGroup = false) {
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir);
        const uid = process.geteuid?.();
        if (!st.isDirectory() || uid === undefined || st.uid !== uid || (st.mode & 0o1000) !== 0)
            return;
        const loose = keepGroup ? 0o002 : 0o022;
        if ((st.mode & loose) !== 0)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(dir, st.mode & 0o7777 & ~loose);
    }
    catch {
        // As it is.
    }
}


/***/ }),

/***/ 5184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X2: () => (/* binding */ makeDirs),
/* harmony export */   ZW: () => (/* binding */ inWritableDir),
/* harmony export */   kh: () => (/* binding */ removeOutputTree),
/* harmony export */   n_: () => (/* binding */ inWritableDirAsync)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _remove_tree_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8043);



/**
 * Runs `op`, which makes, replaces or removes an entry of the directory `dir`; when the directory refuses it (a
 * job left it read-only, `chmod 555 dist/sub`, as Go's module cache is made read-only on purpose), gives its
 * owner write permission back and runs `op` once more. Throws the first error when that cannot be done (the
 * directory is someone else's, or the entry is immutable).
 */
function inWritableDir(dir, op) {
    try {
        return op();
    }
    catch (e) {
        if (!(0,_remove_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .isPermissionError */ .gj)(e) || !makeWritable(dir))
            throw e;
    }
    return op();
}
/** As inWritableDir, for an asynchronous `op`. */
async function inWritableDirAsync(dir, op) {
    try {
        return await op();
    }
    catch (e) {
        if (!(0,_remove_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .isPermissionError */ .gj)(e) || !makeWritable(dir))
            throw e;
    }
    return op();
}
/** Whether `dir` was a directory its owner could not write, and now can. */
function makeWritable(dir) {
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir);
        if (!st.isDirectory() || (st.mode & 0o300) === 0o300)
            return false;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(dir, (st.mode & 0o7777) | 0o300);
        return true;
    }
    catch {
        return false;
    }
}
/** `mkdir -p dir`; when the deepest directory that exists refuses (made read-only by a job), as inWritableDir. */
function makeDirs(dir) {
    let above = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
        return;
    }
    catch (e) {
        if (!(0,_remove_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .isPermissionError */ .gj)(e))
            throw e;
    }
    while (above !== (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(above) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(above))
        above = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(above);
    inWritableDir(above, () => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true }));
}
/**
 * Removes the file or tree at `path` (nothing when it is not there), as a job's stale output: read-only
 * directories the job made in it, and its parent, are made writable by their owner when they refuse.
 */
function removeOutputTree(path) {
    inWritableDir((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), () => {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { recursive: true, force: true });
        }
        catch (e) {
            if (!(0,_remove_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .isPermissionError */ .gj)(e))
                throw e;
            makeTreeWritable(path);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { recursive: true, force: true });
        }
    });
}
/** Gives the owner write and search permission on every directory under `path` (links are never followed). */
function makeTreeWritable(path) {
    if (!makeWritable(path) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path, { throwIfNoEntry: false })?.isDirectory())
        return;
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(path);
    }
    catch {
        return;
    }
    for (const name of names)
        makeTreeWritable((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, name));
}


/***/ })

};

return { id, ids, modules };
})