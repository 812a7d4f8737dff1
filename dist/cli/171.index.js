(function (__disbuild_import_meta) {const id = 171;
const ids = [171];
const modules = {

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
/* harmony import */ var _graph_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1905);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8251);
/* harmony import */ var _config_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7229);
/* harmony import */ var _load_config_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6943);








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
            const { graph, vouch } = compiled.value;
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__.ok)({ graph, source: s.kind, ...salt, ...(vouch ? { vouch } : {}) });
        }
        case 'file': {
            const loaded = await (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .loadGraphFile */ .rn)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(sourceDir, s.path), sourceDir, typeof knownFiles === 'function' ? knownFiles() : knownFiles);
            if (!loaded.ok)
                return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)(loaded.error.map((p) => `${s.path}: ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_3__/* .formatProblem */ .Vw)(p)}`));
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
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)(parsed.error.map((p) => `graphCommand output: ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_3__/* .formatProblem */ .Vw)(p)}`));
    const problems = (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .checkFilesExist */ .$n)(parsed.value, sourceDir);
    return problems.length > 0 ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)(problems.map(_graph_model_js__WEBPACK_IMPORTED_MODULE_3__/* .formatProblem */ .Vw)) : parsed;
}


/***/ })

};

return { id, ids, modules };
})