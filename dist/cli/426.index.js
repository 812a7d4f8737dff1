(function (__disbuild_import_meta) {const id = 426;
const ids = [426];
const modules = {

/***/ 5740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ removeDeadTemps),
/* harmony export */   _: () => (/* binding */ isAlive)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_remove_tree_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8043);



/**
 * Temp directories are named `<pid>-<random>`: those whose process is gone are leftovers of a crash. Each is
 * removed on its own (read-only directories made writable first); one that cannot be removed is left for a
 * later run and never stops the others, nor the caller.
 */
async function removeDeadTemps(tmpDir) {
    let names;
    try {
        names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(tmpDir);
    }
    catch {
        return;
    }
    await Promise.all(names.map(async (name) => {
        const pid = Number(name.split('-')[0]);
        if (pid === process.pid)
            return;
        if (Number.isInteger(pid) && pid > 0 && isAlive(pid))
            return;
        await (0,_util_remove_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .removeTree */ .dM)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(tmpDir, name)).catch(() => undefined);
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

/***/ 3171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadConfigGraph: () => (/* binding */ loadConfigGraph)
/* harmony export */ });
/* unused harmony export graphFromCommand */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _graph_model_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2573);
/* harmony import */ var _graph_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2349);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8251);
/* harmony import */ var _config_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3797);
/* harmony import */ var _load_config_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8853);








const sh = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.exec);
/**
 * The graph of `<sourceDir>/disbuild.json`, whichever of its three sources it uses: a graph file (relative to
 * the directory), a command printing the graph (run with a shell there), or tasks. Undefined when the file does
 * not exist; otherwise the graph or every problem as one line each (file, task and field; or job and field).
 * `shortcuts` serve tasks only (a file list already under way, the compiled-graph cache).
 */
async function loadConfigGraph(sourceDir, env, knownFiles, shortcuts = {}) {
    const source = await (0,_load_config_js__WEBPACK_IMPORTED_MODULE_6__/* .readConfigSource */ .az)(sourceDir);
    if (source === undefined)
        return undefined;
    if (!source.ok)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)(source.error.map(_config_file_js__WEBPACK_IMPORTED_MODULE_5__/* .formatConfigProblem */ .fc));
    const s = source.value;
    const salt = s.salt === undefined ? {} : { salt: s.salt };
    switch (s.kind) {
        case 'tasks': {
            const compiled = await (0,_load_config_js__WEBPACK_IMPORTED_MODULE_6__/* .compileConfig */ .q0)(sourceDir, s.config, env, shortcuts);
            if (!compiled.ok)
                return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)(compiled.error.map(_config_file_js__WEBPACK_IMPORTED_MODULE_5__/* .formatConfigProblem */ .fc));
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__.ok)({ graph: compiled.value.graph, source: s.kind, ...salt });
        }
        case 'file': {
            const loaded = await (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .loadGraphFile */ .rn)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(sourceDir, s.path), sourceDir, typeof knownFiles === 'function' ? knownFiles() : knownFiles);
            if (!loaded.ok)
                return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)(loaded.error.map((p) => `${s.path}: ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_3__/* .formatProblem */ .V)(p)}`));
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__.ok)({ graph: loaded.value, source: s.kind, ...salt });
        }
        case 'command': {
            const printed = await graphFromCommand(s.command, sourceDir);
            if (!printed.ok)
                return printed;
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__.ok)({ graph: printed.value, source: s.kind, ...salt });
        }
    }
}
/** Runs a command that prints a graph (with a shell, in `sourceDir`) and validates what it prints. */
async function graphFromCommand(command, sourceDir) {
    let stdout;
    try {
        // A graph of 100,000 jobs is tens of megabytes of JSON: allow far more than the default 1 MiB.
        ({ stdout } = await sh(command, { cwd: sourceDir, maxBuffer: 1 << 30 }));
    }
    catch (e) {
        const x = e;
        const why = x.stderr?.trim().split('\n').slice(-5).join('\n') || x.message.split('\n')[0];
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)([`graphCommand ${JSON.stringify(command)} failed (exit code ${String(x.code)}): ${why}`]);
    }
    const parsed = (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseGraphText */ .Vb)(stdout);
    if (!parsed.ok)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)(parsed.error.map((p) => `graphCommand output: ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_3__/* .formatProblem */ .V)(p)}`));
    const problems = (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .checkFilesExist */ .$n)(parsed.value, sourceDir);
    return problems.length > 0 ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)(problems.map(_graph_model_js__WEBPACK_IMPORTED_MODULE_3__/* .formatProblem */ .V)) : parsed;
}


/***/ }),

/***/ 8043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dM: () => (/* binding */ removeTree)
/* harmony export */ });
/* unused harmony exports isPermissionError, makeDirsWritable */
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


/***/ })

};

return { id, ids, modules };
})