export const id = 693;
export const ids = [693];
export const modules = {

/***/ 4693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseRemoteSettings: () => (/* binding */ parseRemoteSettings),
/* harmony export */   withRemote: () => (/* binding */ withRemote)
/* harmony export */ });
/* harmony import */ var _cache_remote_open_remote_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1520);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8251);


/** Checks remote settings; undefined settings mean no remote cache. */
function parseRemoteSettings(s, names, env, defaultMode) {
    if (s === undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)(undefined);
    const token = env.DISBUILD_CACHE_TOKEN;
    return (0,_cache_remote_open_remote_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRemoteCacheOptions */ ._D)({ ...s, ...(token ? { token } : {}) }, names, env, defaultMode);
}
/**
 * The local cache, with the remote one behind it when configured. `restoresEverything`: the run restores every
 * hit it looks up (`--download all`).
 */
function withRemote(local, remote, state, onWarning, restoresEverything = false) {
    if (remote === undefined)
        return local;
    return (0,_cache_remote_open_remote_js__WEBPACK_IMPORTED_MODULE_0__/* .openTieredCache */ .gw)(local, remote, {
        scratchDir: `${state.newRunDir()}-uploads`,
        onWarning,
        restoresEverything,
    });
}


/***/ })

};
