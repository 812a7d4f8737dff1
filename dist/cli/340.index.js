(function (__disbuild_import_meta) {const id = 340;
const ids = [340];
const modules = {

/***/ 2340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ MAX_TIMER_MS),
/* harmony export */   e: () => (/* binding */ envMs)
/* harmony export */ });
/** The largest delay a timer takes as given (Node clamps longer ones to 1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * A number of milliseconds from the environment variable `name`: a whole number from `min` to the longest timer,
 * written in digits alone; anything else (unset, empty, signs, units, too large) is undefined, so the default
 * applies.
 */
function envMs(env, name, min = 0) {
    const set = env[name];
    if (set === undefined || !/^[0-9]+$/.test(set))
        return undefined;
    const ms = Number(set);
    return ms >= min && ms <= MAX_TIMER_MS ? ms : undefined;
}


/***/ })

};

return { id, ids, modules };
})