(function (__disbuild_import_meta) {const id = 254;
const ids = [254];
const modules = {

/***/ 4254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileOutputGlobs: () => (/* binding */ compileOutputGlobs)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_unescape_glob_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(669);


/** A directory spelled without any character a glob gives meaning to: compared as a string. */
const PLAIN_DIR = /^[^\\*?[\]{}()!+@|]+$/;
/** An empty, `.` or `..` segment. */
const ODD_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;
/**
 * Compiles a job's in-place output globs (`!` excludes). `dir/**` (every job of a workspace task has one, each
 * with its own package's directory) is a string comparison, the same answer picomatch gives for the paths a
 * walk yields, and compiles nothing: a thousand regular expressions cost a fully cached run more than its keys.
 */
function compileOutputGlobs(patterns) {
    const positives = patterns.filter((p) => !p.startsWith('!'));
    const negatives = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const bases = new Set();
    const includes = [];
    for (const p of positives) {
        const plain = plainDirOf(p);
        includes.push(matcher(p, plain));
        if (plain !== undefined) {
            bases.add(plain);
            continue;
        }
        // A literal path is its own base: walking its parent would visit its siblings for nothing. Bases are paths on
        // disk: `app/\(mkt\)/**` walks `app/(mkt)`.
        bases.add((0,_util_unescape_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .globBase */ .EI)(p));
    }
    const include = anyOf(includes);
    const exclude = negatives.length > 0 ? anyOf(negatives.map((p) => matcher(p, plainDirOf(p)))) : () => false;
    const named = new Set(positives.filter((p) => !(0,_util_unescape_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .isGlobPattern */ .tv)(p)).map(_util_unescape_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .unescapeGlob */ .DU));
    return {
        bases: [...bases].sort(),
        matches: (path) => include(path) && !exclude(path),
        names: (path) => named.has(path) && !exclude(path),
    };
}
function anyOf(tests) {
    if (tests.length === 1)
        return tests[0];
    return (path) => tests.some((t) => t(path));
}
/** The directory of a `dir/**` pattern whose directory has no glob character (its base, as picomatch says). */
function plainDirOf(pattern) {
    if (!pattern.endsWith('/**'))
        return undefined;
    const dir = pattern.slice(0, -3);
    // Paths come from walking directories: no empty, `.` or `..` segment, where the two could differ.
    if (!PLAIN_DIR.test(dir) || ODD_SEGMENT.test(dir))
        return undefined;
    return dir;
}
/** `dir`: the pattern's plainDirOf. */
function matcher(pattern, dir) {
    if (dir !== undefined) {
        const prefix = `${dir}/`;
        return (path) => path === dir || path.startsWith(prefix);
    }
    return picomatch__WEBPACK_IMPORTED_MODULE_1___default()(pattern, { dot: true });
}


/***/ })

};

return { id, ids, modules };
})