(function (__disbuild_import_meta) {const id = 691;
const ids = [691];
const modules = {

/***/ 6691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   prefetchManifests: () => (/* binding */ prefetchManifests)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _util_read_own_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5958);
/* harmony import */ var _util_strip_bom_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3305);
/**
 * Reads workspace manifests ahead, while git is still listing the repository's files: the package.json files that
 * the root package.json's `workspaces` globs find on the disk. Only a guess: readWorkspace decides from the
 * listing which are packages, as ever, and takes their texts from here instead of reading them again; a manifest
 * the guess missed is read then, one it read needlessly is dropped.
 *
 * Deals with: globs made of plain directory names and one-segment wildcards (`packages/*`, `apps/web`).
 * Does not deal with: `**`, braces, pnpm-workspace.yaml (their packages are simply read after the listing).
 */





/** Past this many directories the guess stops: the rest is read after the listing, as without it. */
const MAX_DIRS = 20_000;
function prefetchManifests(root) {
    const texts = new Map();
    try {
        guess(root, texts);
    }
    catch {
        // A guess that fails (a glob picomatch refuses) leaves every manifest to be read after the listing.
    }
    return texts;
}
function guess(root, texts) {
    const rootText = tryRead(root, 'package.json');
    if (rootText === undefined)
        return;
    texts.set('package.json', rootText);
    let patterns;
    try {
        const json = JSON.parse((0,_util_strip_bom_js__WEBPACK_IMPORTED_MODULE_3__/* .stripBom */ .F)(rootText));
        const ws = json.workspaces;
        patterns = Array.isArray(ws) ? ws : ws?.packages;
    }
    catch {
        return;
    }
    if (!Array.isArray(patterns))
        return;
    let budget = MAX_DIRS;
    for (const pattern of patterns) {
        if (typeof pattern !== 'string' || pattern.startsWith('!'))
            continue;
        for (const dir of expand(root, pattern, () => --budget >= 0)) {
            const path = `${dir}/package.json`;
            if (texts.has(path))
                continue;
            const text = tryRead(root, path);
            if (text !== undefined)
                texts.set(path, text);
        }
    }
}
/** The directories a glob of plain names and one-segment wildcards matches; none for any other glob. */
function expand(root, pattern, more) {
    const norm = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(pattern).replace(/^\.\//, '').replace(/\/+$/, '');
    const segments = norm.split('/');
    if (norm === '' || norm === '.' || segments.some((s) => s === '..' || s === '**' || /[{}()!+@]/.test(s))) {
        return [];
    }
    let dirs = [''];
    for (const segment of segments) {
        const next = [];
        const isGlob = picomatch__WEBPACK_IMPORTED_MODULE_4___default().scan(segment).isGlob;
        const matches = isGlob ? picomatch__WEBPACK_IMPORTED_MODULE_4___default()(segment, { dot: false }) : undefined;
        for (const dir of dirs) {
            if (matches === undefined) {
                if (!more())
                    return [];
                next.push(dir === '' ? segment : `${dir}/${segment}`);
                continue;
            }
            let entries;
            try {
                entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, dir), { withFileTypes: true });
            }
            catch {
                continue;
            }
            for (const e of entries) {
                if (!e.isDirectory() || e.name === 'node_modules' || !matches(e.name))
                    continue;
                if (!more())
                    return [];
                next.push(dir === '' ? e.name : `${dir}/${e.name}`);
            }
        }
        dirs = next;
    }
    return dirs;
}
/**
 * A regular file's text. The guess goes by the disk, not the listing: it may meet what git never lists and the
 * compile never reads, such as a FIFO (opened without waiting for a writer, and left alone) or a device.
 */
function tryRead(root, path) {
    try {
        return (0,_util_read_own_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readRegularFile */ .XF)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, path));
    }
    catch {
        return undefined;
    }
}


/***/ })

};

return { id, ids, modules };
})