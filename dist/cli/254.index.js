export const id = 254;
export const ids = [254];
export const modules = {

/***/ 4254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileOutputGlobs: () => (/* binding */ compileOutputGlobs)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);

/** Compiles a job's in-place output globs (`!` excludes). */
function compileOutputGlobs(patterns) {
    const positives = patterns.filter((p) => !p.startsWith('!'));
    const negatives = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const include = picomatch__WEBPACK_IMPORTED_MODULE_0___default()(positives, { dot: true });
    const exclude = negatives.length > 0 ? picomatch__WEBPACK_IMPORTED_MODULE_0___default()(negatives, { dot: true }) : () => false;
    const bases = new Set();
    for (const p of positives) {
        const scan = picomatch__WEBPACK_IMPORTED_MODULE_0___default().scan(p);
        // A literal path is its own base: walking its parent would visit its siblings for nothing.
        bases.add(scan.isGlob ? scan.base : p);
    }
    return { bases: [...bases].sort(), matches: (path) => include(path) && !exclude(path) };
}


/***/ })

};
