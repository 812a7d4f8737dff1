export const id = 254;
export const ids = [254];
export const modules = {

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
        // disk: `app/\(mkt\)/**` walks `app/(mkt)`. One that is not a clean relative path (the graph's checks refuse
        // such globs) is never walked: `a/../..` would reach outside the source directory.
        const base = (0,_util_unescape_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .globBase */ .EI)(p);
        if (base === '' || (!base.startsWith('/') && !_util_unescape_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .ODD_SEGMENT */ .E5.test(base)))
            bases.add(base);
    }
    const include = anyOf(includes);
    const exclude = negatives.length > 0 ? anyOf(negatives.map((p) => matcher(p, plainDirOf(p)))) : () => false;
    const named = new Set(positives.filter((p) => !(0,_util_unescape_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .isGlobPattern */ .tv)(p)).map(_util_unescape_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .unescapeGlob */ .DU));
    // Compiled on first use: only a job whose outputs hold a link to a directory asks.
    let below;
    return {
        bases: [...bases].sort(),
        matches: (path) => include(path) && !exclude(path),
        names: (path) => named.has(path) && !exclude(path),
        mayMatchBelow: (dir) => (below ??= belowMatcher(positives, negatives))(dir),
    };
}
/** A `**` segment. */
const GLOBSTAR = Symbol('**');
/**
 * See OutputGlobs.mayMatchBelow: the globs compared with a directory's path a segment at a time. A glob with a
 * segment that picomatch may not read as one (see segmentsOf) may match below anything, and drops nothing.
 */
function belowMatcher(positives, negatives) {
    const may = positives.map(segmentsOf);
    const drops = negatives.map(segmentsOf).filter((n) => n !== undefined);
    return (dir) => {
        const path = dir.split('/');
        return (may.some((g) => g === undefined || mayMatch(g, 0, path, 0)) && !drops.some((n) => covers(n, 0, path, 0)));
    };
}
/**
 * A glob's segments, or undefined where picomatch, reading the whole glob, may cross a `/` within one (or treat it
 * otherwise than alone): a group spanning a `/` (`{dist,lib/out}/**`), an escaped `/`, `**` within a segment
 * (`{**,a}`, `@(**)`: a globstar there), a character class (`[^a]` and `[[:punct:]]` match a `/`), an empty segment
 * (`dist/`, `a//b`).
 */
function segmentsOf(pattern) {
    if (pattern.includes('\\/'))
        return undefined;
    const parts = pattern.split('/');
    const plain = (part) => part !== '' && !part.includes('[') && (part === '**' || !part.includes('**')) && balanced(part);
    if (!parts.every(plain))
        return undefined;
    // A segment's leading `!` is a character here, not the negation of the segment.
    return parts.map((part) => part === '**' ? GLOBSTAR : picomatch__WEBPACK_IMPORTED_MODULE_1___default()(part, { dot: true, nonegate: true, flags: 's' }));
}
/** Whether a segment closes every group it opens (`\` escapes), so that no group spans a `/`. */
function balanced(part) {
    let depth = 0;
    for (let i = 0; i < part.length; i++) {
        const c = part[i];
        if (c === '\\')
            i++;
        else if (c === '{' || c === '(')
            depth++;
        else if (c === '}' || c === ')')
            depth--;
        if (depth < 0)
            return false;
    }
    return depth === 0;
}
/** Whether glob segments from `i` may match some path that continues below path segments from `j`. */
function mayMatch(g, i, path, j) {
    if (j === path.length)
        return i < g.length;
    if (i === g.length)
        return false;
    const s = g[i];
    // It may take the rest of the path, and what follows it may match whatever lies below.
    if (s === GLOBSTAR)
        return true;
    return s(path[j]) && mayMatch(g, i + 1, path, j + 1);
}
/** Whether glob segments from `i` match every path below path segments from `j`. */
function covers(g, i, path, j) {
    if (j === path.length)
        return i < g.length && g.slice(i).every((s) => s === GLOBSTAR);
    if (i === g.length)
        return false;
    const s = g[i];
    if (s === GLOBSTAR)
        return covers(g, i + 1, path, j) || covers(g, i, path, j + 1);
    return s(path[j]) && covers(g, i + 1, path, j + 1);
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
    if (!PLAIN_DIR.test(dir) || _util_unescape_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .ODD_SEGMENT */ .E5.test(dir))
        return undefined;
    return dir;
}
/** `dir`: the pattern's plainDirOf. */
function matcher(pattern, dir) {
    if (dir !== undefined) {
        const prefix = `${dir}/`;
        return (path) => path === dir || path.startsWith(prefix);
    }
    // As the compile matches (config/globs.ts): `.` matches a newline too, so a name holding one is an output there
    // and here alike.
    return picomatch__WEBPACK_IMPORTED_MODULE_1___default()(pattern, { dot: true, flags: 's' });
}


/***/ })

};
