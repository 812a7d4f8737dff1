(function (__disbuild_import_meta) {const id = 334;
const ids = [334];
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

/***/ 1637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   graph: () => (/* binding */ graph)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_config_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3797);
/* harmony import */ var _config_load_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8853);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7593);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1604);





const HELP = `Usage: disbuild graph [--source-dir DIR]

Compiles the tasks of disbuild.json (in the source dir, default: the current directory) and prints the graph
JSON that 'disbuild run' would run. Every problem is listed, each naming the file, the task and the field.
`;
/** `disbuild graph`: the compiled graph of disbuild.json's tasks, as JSON on stdout. */
const graph = async (argv, io) => {
    const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommandArgs */ .Qx)(argv, {
        'source-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    });
    if (!parsed.ok || parsed.value.values.help) {
        const wanted = parsed.ok;
        (wanted ? io.stdout : io.stderr).write((parsed.ok ? '' : `disbuild graph: ${parsed.error}\n`) + HELP);
        return wanted ? _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok : _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.usage;
    }
    const sourceDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, parsed.value.values['source-dir'] ?? '.');
    const source = await (0,_config_load_config_js__WEBPACK_IMPORTED_MODULE_2__/* .readConfigSource */ .az)(sourceDir);
    if (source === undefined) {
        io.stderr.write(`disbuild graph: no disbuild.json in ${sourceDir}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.usage;
    }
    const problems = (lines) => {
        io.stderr.write(`disbuild: invalid configuration (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n`);
        for (const l of lines)
            io.stderr.write(`  ${l}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.usage;
    };
    if (!source.ok)
        return problems(source.error.map(_config_config_file_js__WEBPACK_IMPORTED_MODULE_1__/* .formatConfigProblem */ .fc));
    if (source.value.kind !== 'tasks') {
        const where = source.value.kind === 'file' ? source.value.path : source.value.command;
        io.stderr.write(`disbuild graph: disbuild.json has no tasks; its graph comes from ${JSON.stringify(where)}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.usage;
    }
    const compiled = await (0,_config_load_config_js__WEBPACK_IMPORTED_MODULE_2__/* .compileConfig */ .q0)(sourceDir, source.value.config, io.env);
    if (!compiled.ok)
        return problems(compiled.error.map(_config_config_file_js__WEBPACK_IMPORTED_MODULE_1__/* .formatConfigProblem */ .fc));
    io.stdout.write(`${JSON.stringify(compiled.value.json, null, 2)}\n`);
    return _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok;
};


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