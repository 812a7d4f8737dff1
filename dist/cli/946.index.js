(function (__disbuild_import_meta) {const id = 946;
const ids = [946];
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
    const dir = (await (0,promises_.lstat)(entry)).mtimeMs;
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
    const none = { removed: 0, freedBytes: 0, remainingBytes: 0, problems };
    // Nothing is listed, changed or removed through a symbolic link: what one leads to is not the cache's (a link
    // where a shard was, to /etc, once had /etc emptied). The cache's own directories must be directories.
    for (const own of ['', 'entries', 'tmp']) {
        const st = await (0,promises_.lstat)((0,external_node_path_.join)(root, own)).catch(() => undefined);
        if (st === undefined && own !== 'tmp')
            return none;
        if (st !== undefined && !st.isDirectory()) {
            problems.push(`${(0,external_node_path_.join)(root, own)}: not a directory of its own (a symbolic link is never followed); nothing pruned`);
            return none;
        }
    }
    // Leftovers of killed runs are space too, and never anyone's artifact.
    await (0,dead_temps/* removeDeadTemps */.U)((0,external_node_path_.join)(root, 'tmp'));
    for (const shard of await (0,promises_.readdir)((0,external_node_path_.join)(root, 'entries')).catch(() => [])) {
        const shardPath = (0,external_node_path_.join)(root, 'entries', shard);
        if (!(await directoryElseRemoved(shardPath, problems)))
            continue;
        for (const key of await (0,promises_.readdir)(shardPath).catch(() => [])) {
            const path = (0,external_node_path_.join)(shardPath, key);
            if (!(await directoryElseRemoved(path, problems)))
                continue;
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
/**
 * Whether `path` is a directory of its own; anything else where the cache keeps a directory (a symbolic link, a
 * file) is damage, removed as itself, never what a link leads to.
 */
async function directoryElseRemoved(path, problems) {
    const st = await (0,promises_.lstat)(path).catch(() => undefined);
    if (st === undefined || st.isDirectory())
        return st !== undefined;
    await (0,promises_.unlink)(path).catch((e) => problems.push(`${path}: ${e.message}`));
    return false;
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/run-env/cache-dir.ts
var cache_dir = __webpack_require__(1203);
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
        io.stderr.write(v['max-size'] === undefined
            ? `disbuild cache prune: --max-size is required (a size such as 500M or 2G)\n`
            : `disbuild cache prune: --max-size must be a size such as 500M or 2G, got ${JSON.stringify(v['max-size'])}\n`);
        return cli_io/* EXIT */.d.usage;
    }
    const dir = v['cache-dir'] === undefined ? (0,cache_dir/* defaultCacheDir */.$)(io.env) : (0,external_node_path_.resolve)(io.cwd, v['cache-dir']);
    const r = await pruneCache(dir, { maxSizeBytes: max });
    for (const p of r.problems)
        io.stderr.write(`disbuild cache prune: warning: could not remove ${p}\n`);
    io.stdout.write(`removed ${r.removed} artifact${r.removed === 1 ? '' : 's'} (${r.freedBytes} bytes); ${r.remainingBytes} bytes remain in ${dir}\n`);
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

return { id, ids, modules };
})