(function (__disbuild_import_meta) {const id = 30;
const ids = [30,277];
const modules = {

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

/***/ 5342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   explainCommand: () => (/* binding */ explainCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cache_local_cache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5556);
/* harmony import */ var _cache_null_cache_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(2142);
/* harmony import */ var _executor_select_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5277);
/* harmony import */ var _explain_explain_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4624);
/* harmony import */ var _explain_record_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1806);
/* harmony import */ var _explain_run_explainer_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1395);
/* harmony import */ var _graph_model_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2573);
/* harmony import */ var _ids_file_digest_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(679);
/* harmony import */ var _ids_job_key_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(371);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7593);
/* harmony import */ var _graph_input_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3311);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1604);
/* harmony import */ var _run_env_cache_dir_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1203);
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(1095);















const HELP = `Usage: disbuild explain [--graph FILE] [--source-dir DIR] [--cache-dir DIR] [--salt S] [TASK...]

For each job that would run (its key is not in the local cache), says why: which inputs changed (path, old and
new digest), which command fields, which env variables (names only), the salt, or which dependency changed (down
to the root cause) — against the key last recorded for the job's name when it was built. "never built" when
there is none. TASK: job names, globs, or disbuild.json task names; default: every job.
`;
/** `disbuild explain`: why each job that would run must run. */
const explainCommand = async (argv, io) => {
    const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .parseCommandArgs */ .Qx)(argv, {
        graph: { type: 'string' },
        'source-dir': { type: 'string' },
        'cache-dir': { type: 'string' },
        salt: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    });
    if (!parsed.ok || parsed.value.values.help) {
        const wanted = parsed.ok;
        (wanted ? io.stdout : io.stderr).write((parsed.ok ? '' : `disbuild explain: ${parsed.error}\n`) + HELP);
        return wanted ? _io_js__WEBPACK_IMPORTED_MODULE_11__/* .EXIT */ .d.ok : _io_js__WEBPACK_IMPORTED_MODULE_11__/* .EXIT */ .d.usage;
    }
    const v = parsed.value.values;
    const sourceDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, v['source-dir'] ?? '.');
    const input = await (0,_graph_input_js__WEBPACK_IMPORTED_MODULE_10__/* .loadGraphOrReport */ .C)(v.graph, sourceDir, io);
    if (!input)
        return _io_js__WEBPACK_IMPORTED_MODULE_11__/* .EXIT */ .d.usage;
    const { graph } = input;
    const selection = (0,_executor_select_js__WEBPACK_IMPORTED_MODULE_2__.selectJobs)(graph, parsed.value.positionals);
    if (!selection.ok) {
        for (const m of selection.error)
            io.stderr.write(`disbuild explain: ${m}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_11__/* .EXIT */ .d.usage;
    }
    const salt = v.salt ?? input.salt ?? '';
    const digests = await (0,_ids_file_digest_js__WEBPACK_IMPORTED_MODULE_7__/* .chooseDigests */ .Dj)(sourceDir, (0,_ids_job_key_js__WEBPACK_IMPORTED_MODULE_8__/* .graphInputs */ .qP)(graph));
    const keys = (0,_ids_job_key_js__WEBPACK_IMPORTED_MODULE_8__/* .computeKeys */ .yp)(graph, digests, salt);
    if (!keys.ok) {
        for (const p of keys.error)
            io.stderr.write(`disbuild: ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_6__/* .formatProblem */ .V)(p)}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_11__/* .EXIT */ .d.usage;
    }
    const cacheDir = v['cache-dir'] === undefined ? (0,_run_env_cache_dir_js__WEBPACK_IMPORTED_MODULE_12__/* .defaultCacheDir */ .$)(io.env) : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, v['cache-dir']);
    // A cache that cannot be opened (a link to nowhere, another user's) holds nothing: every job would run.
    const cache = await _cache_local_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .LocalCache */ .Um.create(cacheDir).catch((e) => {
        io.stderr.write(`disbuild explain: the local cache in ${cacheDir} cannot be used (${e.message})\n`);
        return new _cache_null_cache_js__WEBPACK_IMPORTED_MODULE_14__/* .NullCache */ .C();
    });
    const jobs = graph.jobs.filter((j) => selection.value.closure.has(j.label));
    const hits = await cache.lookup(jobs.map((j) => keys.value.get(j.label)));
    const explainer = new _explain_run_explainer_js__WEBPACK_IMPORTED_MODULE_5__/* .RunExplainer */ .M(graph, salt, new _explain_record_store_js__WEBPACK_IMPORTED_MODULE_4__/* .KeyRecordStore */ .G(cacheDir));
    explainer.onKeyed(digests, keys.value);
    const toRun = jobs.filter((j) => !hits.has(keys.value.get(j.label)));
    if (toRun.length === 0) {
        io.stdout.write(`nothing would run: all ${jobs.length} jobs are cached\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_11__/* .EXIT */ .d.ok;
    }
    const told = new Set(toRun.map((j) => j.name));
    for (const job of toRun) {
        const changes = explainer.changes(job.name);
        io.stdout.write(`${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_13__/* .printable */ .g$)(job.name)}: ${(0,_explain_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(changes)}\n`);
        if ((0,_explain_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .hasMoreDetail */ .Jt)(changes, told))
            io.stdout.write((0,_explain_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .detailLines */ .ZN)(changes, '    ', told).join('\n') + '\n');
    }
    return _io_js__WEBPACK_IMPORTED_MODULE_11__/* .EXIT */ .d.ok;
};


/***/ }),

/***/ 1017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ dependencyClosure),
/* harmony export */   X: () => (/* binding */ selectWith)
/* harmony export */ });
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1095);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8251);


/**
 * The jobs a run covers: the targets (names or globs, compiled by `glob`; all jobs when empty) and everything
 * they depend on. A target that matches no job is an error naming it, so a typo never becomes a silent no-op.
 */
function selectWith(graph, targets, glob) {
    if (targets.length === 0) {
        const all = graph.jobs.map((j) => j.label);
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)({ roots: all, closure: new Set(all) });
    }
    const roots = [];
    const problems = [];
    for (const target of targets) {
        const isMatch = glob(target);
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

/***/ 5277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dependencyClosure: () => (/* reexport safe */ _select_core_js__WEBPACK_IMPORTED_MODULE_0__.N),
/* harmony export */   selectJobs: () => (/* binding */ selectJobs)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _select_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1017);



/**
 * The jobs a run covers: the targets (names or globs; all jobs when empty) and everything they depend on.
 * A target that matches no job is an error naming it, so a typo never becomes a silent no-op. The glob matcher
 * is loaded with this module; a run without targets uses select-core.ts alone.
 */
function selectJobs(graph, targets) {
    return (0,_select_core_js__WEBPACK_IMPORTED_MODULE_0__/* .selectWith */ .X)(graph, targets, (g) => picomatch__WEBPACK_IMPORTED_MODULE_1___default()(g, { dot: true }));
}


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