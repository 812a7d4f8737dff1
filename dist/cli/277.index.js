(function (__disbuild_import_meta) {const id = 277;
const ids = [277];
const modules = {

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


/***/ })

};

return { id, ids, modules };
})