(function (__disbuild_import_meta) {const id = 396;
const ids = [396];
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
// EXTERNAL MODULE: ./src/util/remove-tree.ts
var remove_tree = __webpack_require__(8043);
// EXTERNAL MODULE: ./src/cache/dead-temps.ts
var dead_temps = __webpack_require__(5740);
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
 * When an entry was last used: its meta.json's mtime, which lookups refresh (see LocalCache), or the directory's,
 * which versions before that refreshed instead: the later of the two.
 */
async function lastUse(entry) {
    const dir = (await (0,promises_.stat)(entry)).mtimeMs;
    const meta = await (0,promises_.lstat)((0,external_node_path_.join)(entry, 'meta.json')).catch(() => undefined);
    return meta === undefined ? dir : Math.max(dir, meta.mtimeMs);
}
/**
 * Removes the least recently used artifacts (by last use, which restores and log reads refresh) until the
 * local cache holds at most `maxSizeBytes`. Each entry is renamed out of `entries/` before it is deleted, so a
 * concurrent run sees it either complete or gone. Entries are read-only by design: each removal makes its
 * directories writable first, and one entry that cannot be removed never stops the others.
 */
async function pruneCache(dir, opts) {
    const root = (0,external_node_path_.join)(dir, 'v1');
    const entries = [];
    const problems = [];
    let shards = [];
    try {
        shards = await (0,promises_.readdir)((0,external_node_path_.join)(root, 'entries'));
    }
    catch {
        return { removed: 0, freedBytes: 0, remainingBytes: 0, problems };
    }
    // Leftovers of killed runs are space too, and never anyone's artifact.
    await (0,dead_temps/* removeDeadTemps */.U)((0,external_node_path_.join)(root, 'tmp'));
    for (const shard of shards) {
        for (const key of await (0,promises_.readdir)((0,external_node_path_.join)(root, 'entries', shard)).catch(() => [])) {
            const path = (0,external_node_path_.join)(root, 'entries', shard, key);
            try {
                entries.push({ path, size: await treeSize(path), used: await lastUse(path) });
            }
            catch {
                // Removed concurrently, or unreadable: counted as the oldest, so that it goes first.
                entries.push({ path, size: 0, used: -Infinity });
            }
        }
    }
    entries.sort((a, b) => a.used - b.used);
    let total = entries.reduce((s, e) => s + e.size, 0);
    let removed = 0;
    let freedBytes = 0;
    for (const e of entries) {
        if (total <= opts.maxSizeBytes && e.used !== -Infinity)
            break;
        const doomed = (0,external_node_path_.join)(root, 'tmp', `${process.pid}-prune-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
        try {
            // Moving a directory to another parent needs write permission on it (its `..` changes).
            await (0,promises_.chmod)(e.path, 0o755).catch(() => undefined);
            await (0,promises_.rename)(e.path, doomed);
        }
        catch (err) {
            if (err.code !== 'ENOENT')
                problems.push(`${e.path}: ${err.message}`);
            continue;
        }
        total -= e.size;
        freedBytes += e.size;
        removed++;
        await (0,remove_tree/* removeTree */.dM)(doomed).catch((err) => {
            problems.push(`${doomed}: ${err.message}`);
        });
    }
    return { removed, freedBytes, remainingBytes: total, problems };
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/run-env/local-state.ts
var local_state = __webpack_require__(5564);
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
    for (const p of r.problems)
        io.stderr.write(`disbuild cache prune: warning: could not remove ${p}\n`);
    io.stdout.write(`removed ${r.removed} artifacts (${r.freedBytes} bytes); ${r.remainingBytes} bytes remain in ${dir}\n`);
    return r.problems.length > 0 ? cli_io/* EXIT */.d.failed : cli_io/* EXIT */.d.ok;
};


/***/ }),

/***/ 1203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ defaultCacheDir)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** `$XDG_CACHE_HOME/disbuild`, else `~/.cache/disbuild`. */
function defaultCacheDir(env) {
    const xdg = env.XDG_CACHE_HOME;
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(xdg && xdg !== '' ? xdg : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)(), '.cache'), 'disbuild');
}


/***/ }),

/***/ 4170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ codeIdentity)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * The identity of the code in `self`: its path and the names, sizes, modification times and inodes of every file
 * beside it. The code that matters may sit in another file than the caller's module (a chunk of the bundle loaded on
 * demand, a module beside it when run from source): an upgrade, a rebuild or a `git pull` that rewrites only that
 * file must still differ. State kept between runs and keyed by this is never read by other code.
 */
function codeIdentity(self) {
    try {
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(self);
        const parts = [self];
        for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir).sort()) {
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(`${dir}/${name}`, { bigint: true });
            parts.push(`${name}\0${st.size}\0${st.mtimeNs}\0${st.ino}`);
        }
        return parts.join('\0');
    }
    catch {
        // Unknown: a value no other run shares, so nothing is reused.
        return `unknown\0${process.pid}\0${Date.now()}\0${Math.random()}`;
    }
}


/***/ }),

/***/ 6947:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Io: () => (/* binding */ isLowOnSpace),
/* harmony export */   b$: () => (/* binding */ isDiskFull),
/* harmony export */   go: () => (/* binding */ freeBytes)
/* harmony export */ });
/* unused harmony export LOW_SPACE_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Below this much free space on the cache's disk, a run keeps its scratch files and job outputs elsewhere (the
 * system temp directory): a job must not fail because the cache filled its disk. Only where outputs are written
 * changes (a save then copies instead of renaming), so the margin can be generous.
 */
const LOW_SPACE_BYTES = 512 * 1024 * 1024;
/** Bytes an unprivileged process may still write on the file system holding `path`; undefined when unknown. */
function freeBytes(path) {
    try {
        const s = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statfsSync)(path);
        return s.bavail * s.bsize;
    }
    catch {
        return undefined;
    }
}
/** Whether the disk holding `path` is known to be short of space (unknown counts as not short). */
function isLowOnSpace(path, threshold = LOW_SPACE_BYTES) {
    const free = freeBytes(path);
    return free !== undefined && free < threshold;
}
/** Whether an error says a disk or a quota is full. */
function isDiskFull(e) {
    const code = e?.code;
    return code === 'ENOSPC' || code === 'EDQUOT';
}


/***/ }),

/***/ 5510:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ isAlive)
/* harmony export */ });
/** Whether process `pid` exists (EPERM: it does, another user's). */
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

/***/ 74:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ ownDirectory)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The stat data of `dir` when it is a directory of this user's, not a link to one; else undefined. Throws as lstat
 * does. In a cache directory shared with another user, a directory that user made (or replaced with a link to any
 * directory this user may write) must not receive this user's state: whatever it holds could be overwritten, or
 * removed as a leftover, and the other user could replace what is written there.
 */
function ownDirectory(dir) {
    const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir);
    const uid = process.getuid?.();
    return st.isDirectory() && (uid === undefined || st.uid === uid) ? st : undefined;
}


/***/ }),

/***/ 5958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OQ: () => (/* binding */ readOwnFileIfAny),
/* harmony export */   XF: () => (/* binding */ readRegularFile),
/* harmony export */   ZU: () => (/* binding */ openRegularFile),
/* harmony export */   bv: () => (/* binding */ readOwnBytesIfAny),
/* harmony export */   lf: () => (/* binding */ openRegular),
/* harmony export */   zx: () => (/* binding */ readOwnFile)
/* harmony export */ });
/* unused harmony export readOwnBytes */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The text of `file` when it is a regular file that `accept` takes (by its stat data), else undefined; throws as
 * `open` does (ENOENT). Opened without blocking: a FIFO put in its place must not hang the run (it is then not a
 * regular file, and not read), nor a device be read without end.
 */
function readRegularFile(file, accept = () => true) {
    return readRegularBytes(file, accept)?.toString('utf8');
}
/**
 * A descriptor of `file`, opened for reading, when it is a regular file and not a link at its name; throws
 * otherwise (ELOOP for a link). For files that must be what a manifest says (a cache entry's): a FIFO or a device
 * put in one's place is damage, and opening it must neither hang the run nor read without end.
 */
function openRegularFile(file) {
    return openRegular(file).fd;
}
/** As openRegularFile, with the file's stat data (taken through the descriptor). */
function openRegular(file) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW);
    let stat;
    try {
        stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
    }
    finally {
        if (!stat?.isFile())
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    if (!stat.isFile())
        throw new Error(`${file} is not a regular file`);
    return { fd, stat };
}
/** As readRegularFile, the bytes; `flags` are added to the open's. */
function readRegularBytes(file, accept, flags = 0) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK | flags);
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        return st.isFile() && accept(st) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd) : undefined;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * The text of `file` when it is a regular file of this user that no one else may write, else undefined; throws as
 * `open` does (ENOENT, and ELOOP for a link). For state whose content vouches for something (outputs in place, a
 * compiled or validated graph, keys): whoever can write it can make a run trust anything, so a file another user
 * wrote or may write (a shared cache directory, a run under another account) is not read. Nor is a link at its name:
 * state files are never links, and one put there by another user would have the run read whatever it points to.
 */
function readOwnFile(file) {
    return readOwnBytes(file)?.toString('utf8');
}
/** As readOwnFile, the bytes: for a caller that checks a digest before it decodes anything. */
function readOwnBytes(file) {
    const uid = process.getuid?.();
    return readRegularBytes(file, (st) => (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW);
}
/** As readOwnBytes, but undefined as well for a file that cannot be opened (missing, a link, unreadable). */
function readOwnBytesIfAny(file) {
    try {
        return readOwnBytes(file);
    }
    catch {
        return undefined;
    }
}
/** As readOwnFile, but undefined as well for a file that cannot be opened (missing, a link, unreadable). */
function readOwnFileIfAny(file) {
    return readOwnBytesIfAny(file)?.toString('utf8');
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

/***/ 4956:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CD: () => (/* binding */ statKey),
/* harmony export */   ik: () => (/* binding */ exactIno),
/* harmony export */   ou: () => (/* binding */ settledMs),
/* harmony export */   zG: () => (/* binding */ dirKey)
/* harmony export */ });
/* unused harmony export SETTLED_MS */
/**
 * How long before its stat data was taken a file must have last changed for the stat data to vouch for its bytes.
 * Two writes land in the same timestamp when both fall in one tick of the file system's clock (a few
 * milliseconds; a second or two where timestamps are coarse: FAT, ext3, HFS+). Past this margin, any later write
 * moves the ctime. Stat data taken sooner is never believed (what git calls "racily clean").
 */
const SETTLED_MS = 3000;
/**
 * Whether stat data taken at `takenAtMs` (wall clock) is of a file that last changed well before (SETTLED_MS). In
 * Node's milliseconds: a double, a quarter of a microsecond apart at today's dates, far finer than that margin (see
 * OutputStatRecords).
 */
function settledMs(st, takenAtMs) {
    const before = takenAtMs - SETTLED_MS;
    return st.mtimeMs < before && st.ctimeMs < before;
}
/**
 * Whether the inode number survived Node's double: above 2^53 (some network and overlay file systems) two inodes
 * can read the same, and such a file's stat data vouches for nothing.
 */
function exactIno(st) {
    return Number.isSafeInteger(st.ino);
}
/** The stat data that must be unchanged for a file's bytes to be: undefined for anything but a regular file. */
function statKey(st) {
    if (!st?.isFile() || !exactIno(st))
        return undefined;
    return `${st.dev}:${st.ino}:${st.size}:${st.mode}:${st.mtimeMs}:${st.ctimeMs}`;
}
/** The stat data that must be unchanged for a directory to hold the same names (a rename in or out moves them). */
function dirKey(st) {
    if (!st?.isDirectory() || !exactIno(st))
        return undefined;
    return `${st.dev}:${st.ino}:${st.mode}:${st.uid}:${st.mtimeMs}:${st.ctimeMs}`;
}


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ writeStateFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _is_alive_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5510);
/* harmony import */ var _own_directory_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74);




/**
 * Replaces a file of state kept between runs with `text`, readable by this user alone in a directory of its own
 * (written aside as `<file>.<pid>.<ms>.tmp`, then renamed: a reader sees the old file or the new one, whole). In a
 * cache directory shared with another user, names are easy to guess and directories may be that user's: so nothing
 * is written in a directory that is a link or another user's, and the temp file is created, never opened (a link
 * planted at its name would have this run write through it into any file it may write, and rename the link into
 * place; anything at that name makes the write fail). The temp files that writers of this same file left when
 * killed before their rename are removed; a live process's is its write under way. Only those: the directory may
 * hold files of others (the cache directory's root holds the job timings). A failure is ignored: the state is only
 * a saving, and the next run does the work again.
 */
function writeStateFile(file, text) {
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    let made = false;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file), { recursive: true, mode: 0o700 });
        if (!(0,_own_directory_js__WEBPACK_IMPORTED_MODULE_2__/* .ownDirectory */ .c)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file)))
            return;
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(temp, 'wx', 0o600);
        made = true;
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(fd, text);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temp, file);
        removeDeadWrites(file);
    }
    catch {
        // Not made: whatever is at that name is not this run's to remove.
        if (!made)
            return;
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.unlinkSync)(temp);
        }
        catch {
            // Renamed, or gone already.
        }
    }
}
function removeDeadWrites(file) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file);
    const own = `${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file)}.`;
    for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir)) {
        if (!name.startsWith(own))
            continue;
        const pid = Number(/^(\d+)\.\d+\.tmp$/.exec(name.slice(own.length))?.[1]);
        if (!pid || pid === process.pid || (0,_is_alive_js__WEBPACK_IMPORTED_MODULE_3__/* .isAlive */ ._)(pid))
            continue;
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.unlinkSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name));
        }
        catch {
            // Gone already, or not ours to remove: left.
        }
    }
}


/***/ })

};

return { id, ids, modules };
})