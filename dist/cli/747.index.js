(function (__disbuild_import_meta) {const id = 747;
const ids = [747];
const modules = {

/***/ 9747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ids: () => (/* binding */ ids)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _graph_model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2573);
/* harmony import */ var _ids_job_key_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(371);
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1095);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7593);
/* harmony import */ var _graph_input_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3311);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1604);







const HELP = `Usage: disbuild ids [--graph FILE] [--source-dir DIR] [--salt S] [--json]

Prints every job's content key: one "<name> <key>" line per job, or a JSON object name -> key.
Without --graph, the graph is what disbuild.json in the source dir describes.
`;
/** `disbuild ids`: job name → key, without running anything. */
const ids = async (argv, io) => {
    const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCommandArgs */ .Qx)(argv, {
        graph: { type: 'string' },
        'source-dir': { type: 'string' },
        salt: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
    });
    if (!parsed.ok || parsed.value.values.help) {
        const wanted = parsed.ok && parsed.value.values.help;
        (wanted ? io.stdout : io.stderr).write((parsed.ok ? '' : `disbuild ids: ${parsed.error}\n`) + HELP);
        return wanted ? _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.ok : _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.usage;
    }
    const v = parsed.value.values;
    const sourceDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, v['source-dir'] ?? '.');
    const input = await (0,_graph_input_js__WEBPACK_IMPORTED_MODULE_5__/* .loadGraphOrReport */ .C)(v.graph, sourceDir, io);
    if (!input)
        return _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.usage;
    const { graph } = input;
    const keys = await (0,_ids_job_key_js__WEBPACK_IMPORTED_MODULE_2__/* .keyGraph */ .Sw)(graph, sourceDir, v.salt ?? input.salt ?? '');
    if (!keys.ok) {
        for (const p of keys.error)
            io.stderr.write(`disbuild: ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_1__/* .formatProblem */ .V)(p)}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.usage;
    }
    if (v.json) {
        io.stdout.write(JSON.stringify(Object.fromEntries(graph.jobs.map((j) => [j.name, keys.value.get(j.label)])), null, 2) +
            '\n');
    }
    else {
        io.stdout.write(graph.jobs.map((j) => `${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g$)(j.name)} ${keys.value.get(j.label)}\n`).join(''));
    }
    return _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.ok;
};


/***/ }),

/***/ 3311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ loadGraphOrReport)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _graph_model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2573);
/* harmony import */ var _graph_parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1905);




/** The nearest directory above `dir` holding a disbuild.json: a run in a package's directory meant that one. */
function configAbove(dir) {
    for (let at = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir); at !== dir; dir = at, at = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(at)) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(at, 'disbuild.json')))
            return at;
    }
    return undefined;
}
/**
 * The graph of `--graph FILE`, or without it the one `<sourceDir>/disbuild.json` describes (a graph file, a
 * graph command, or tasks). Prints every problem and answers undefined when there is none or it is invalid.
 * `validatedGraphFile` names where a graph file's validation is kept for the next run (see parse.ts).
 */
async function loadGraphOrReport(graphPath, sourceDir, io, knownFiles, shortcuts, validatedGraphFile) {
    if (graphPath === undefined) {
        // Loaded only here: a run given --graph does not pay for compiling disbuild.json (globs, YAML).
        const { loadConfigGraph } = await Promise.all(/* import() */[__webpack_require__.e(370), __webpack_require__.e(943), __webpack_require__.e(171)]).then(__webpack_require__.bind(__webpack_require__, 3171));
        const configured = await loadConfigGraph(sourceDir, io.env, knownFiles, shortcuts);
        if (configured === undefined) {
            const above = configAbove((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(sourceDir));
            const turbo = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sourceDir, 'turbo.json'))
                ? " ('disbuild import turbo' writes one from turbo.json)"
                : '';
            io.stderr.write(above === undefined
                ? `disbuild: no graph: pass --graph FILE, or describe the build in ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(sourceDir, 'disbuild.json')}${turbo}\n`
                : `disbuild: no graph here: ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(above, 'disbuild.json')} describes the build of ${above}; run disbuild there, or pass --source-dir ${above}\n`);
            return undefined;
        }
        if (configured.ok)
            return configured.value;
        const n = configured.error.length;
        io.stderr.write(`disbuild: invalid configuration (${n} problem${n === 1 ? '' : 's'}):\n`);
        for (const line of configured.error)
            io.stderr.write(`  ${line}\n`);
        return undefined;
    }
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, graphPath);
    const loaded = await (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .loadGraphFile */ .rn)(path, sourceDir, typeof knownFiles === 'function' ? knownFiles() : knownFiles, validatedGraphFile?.(path));
    if (loaded.ok)
        return { graph: loaded.value };
    io.stderr.write(`disbuild: invalid graph ${graphPath} (${loaded.error.length} problem${loaded.error.length === 1 ? '' : 's'}):\n`);
    for (const p of loaded.error)
        io.stderr.write(`  ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_2__/* .formatProblem */ .V)(p)}\n`);
    return undefined;
}


/***/ })

};

return { id, ids, modules };
})