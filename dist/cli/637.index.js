(function (__disbuild_import_meta) {const id = 637;
const ids = [637];
const modules = {

/***/ 1637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   graph: () => (/* binding */ graph)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_config_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7229);
/* harmony import */ var _config_load_config_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6943);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7593);
/* harmony import */ var _config_above_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4474);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1604);







const HELP = `Usage: disbuild graph [--source-dir DIR]

Compiles the tasks of disbuild.json (in the source dir, default: the current directory) and prints the graph
JSON that 'disbuild run' would run. Every problem is listed, each naming the file, the task and the field.
`;
/** `disbuild graph`: the compiled graph of disbuild.json's tasks, as JSON on stdout. */
const graph = async (argv, io) => {
    const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCommandArgs */ .Qx)(argv, {
        'source-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    });
    if (!parsed.ok || parsed.value.values.help) {
        const wanted = parsed.ok;
        (wanted ? io.stdout : io.stderr).write((parsed.ok ? '' : `disbuild graph: ${parsed.error}\n`) + HELP);
        return wanted ? _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.ok : _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.usage;
    }
    const sourceDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, parsed.value.values['source-dir'] ?? '.');
    const source = await (0,_config_load_config_js__WEBPACK_IMPORTED_MODULE_3__/* .readConfigSource */ .az)(sourceDir);
    if (source === undefined) {
        const above = (0,_config_above_js__WEBPACK_IMPORTED_MODULE_5__/* .configAbove */ .e)(sourceDir);
        const turbo = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sourceDir, 'turbo.json'))
            ? " ('disbuild import turbo' writes one from turbo.json)"
            : '';
        io.stderr.write(above === undefined
            ? `disbuild graph: no disbuild.json in ${sourceDir}${turbo}\n`
            : `disbuild graph: no disbuild.json in ${sourceDir}: ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(above, 'disbuild.json')} describes the build of ${above}; run disbuild graph there, or pass --source-dir ${above}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.usage;
    }
    const problems = (lines) => {
        io.stderr.write(`disbuild: invalid configuration (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n`);
        for (const l of lines)
            io.stderr.write(`  ${l}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.usage;
    };
    if (!source.ok)
        return problems(source.error.map(_config_config_file_js__WEBPACK_IMPORTED_MODULE_2__/* .formatConfigProblem */ .fc));
    if (source.value.kind !== 'tasks') {
        const where = source.value.kind === 'file' ? source.value.path : source.value.command;
        io.stderr.write(`disbuild graph: disbuild.json has no tasks; its graph comes from ${JSON.stringify(where)}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.usage;
    }
    const compiled = await (0,_config_load_config_js__WEBPACK_IMPORTED_MODULE_3__/* .compileConfig */ .q0)(sourceDir, source.value.config, io.env);
    if (!compiled.ok)
        return problems(compiled.error.map(_config_config_file_js__WEBPACK_IMPORTED_MODULE_2__/* .formatConfigProblem */ .fc));
    io.stdout.write(`${JSON.stringify(compiled.value.json, null, 2)}\n`);
    return _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.ok;
};


/***/ }),

/***/ 4474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ configAbove)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The nearest directory above `dir` holding a disbuild.json: a run in a package's directory meant that one. */
function configAbove(dir) {
    for (let at = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir); at !== dir; dir = at, at = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(at)) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(at, 'disbuild.json')))
            return at;
    }
    return undefined;
}


/***/ })

};

return { id, ids, modules };
})