(function (__disbuild_import_meta) {const id = 707;
const ids = [707];
const modules = {

/***/ 8682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sn: () => (/* binding */ startRepoFiles),
/* harmony export */   V_: () => (/* binding */ untrackedOf),
/* harmony export */   Yj: () => (/* binding */ fileRange),
/* harmony export */   c$: () => (/* binding */ listRepoFiles),
/* harmony export */   jv: () => (/* binding */ hasFile),
/* harmony export */   mz: () => (/* binding */ filesUnder)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _ids_git_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8750);
/* harmony import */ var _ids_canonical_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7536);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8251);





/** The paths of each listing that git does not track (see untrackedOf). */
const untrackedPaths = new WeakMap();
/**
 * Of a listing made by listRepoFiles or startRepoFiles, the paths git does not track; undefined outside git,
 * where any file may be. Only those can be outputs (see select-inputs.ts): a tracked file is a source.
 */
function untrackedOf(files) {
    return untrackedPaths.get(files);
}
function withUntracked(files, untracked) {
    untrackedPaths.set(files, untracked);
    return files;
}
/**
 * The files a task's `inputs` globs choose from, relative to `dir`, sorted by UTF-16 code units: inside a git
 * work tree, what git tracks and what it would track (untracked, not ignored), less tracked files deleted from
 * the work tree and skip-worktree entries absent from it (a sparse checkout's); outside git, every file under
 * `dir` but `.git` and `node_modules`.
 */
async function listRepoFiles(dir) {
    // One call: `-t` tags each path (`H` tracked, `?` untracked, `R` deleted, `S` skip-worktree), so deleted files
    // can be left out.
    // It fails outside a work tree (no repository, a bare one, inside `.git`, no git): then every file is walked.
    const listed = await (0,_ids_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(dir, [
        'ls-files',
        '-z',
        '-t',
        '--cached',
        '--deleted',
        '--others',
        '--exclude-standard',
        '--',
        '.',
    ]);
    if (listed.ok)
        return parseListing(dir, listed.value);
    const out = [];
    walk(dir, '', out);
    return out.sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_3__/* .compareCodeUnits */ .U);
}
/**
 * The paths of a tagged listing (`ls-files -z -t`), less the deleted ones, sorted. Most listings tag every path
 * `H` (tracked) or `?` (untracked), and then name each path once: they are taken as they come, without the sets
 * (whose hashing of ten thousand new strings is most of the parse) that deleted, conflicted and skip-worktree
 * entries need.
 */
function parseListing(dir, listing) {
    const paths = [];
    const untracked = new Set();
    for (let start = 0; start < listing.length;) {
        let end = listing.indexOf('\0', start);
        if (end < 0)
            end = listing.length;
        if (end - start >= 3) {
            const tag = listing.charCodeAt(start);
            if (tag !== TAG_TRACKED && tag !== TAG_UNTRACKED)
                return parseTaggedListing(dir, listing);
            const path = listing.slice(start + 2, end);
            paths.push(path);
            if (tag === TAG_UNTRACKED)
                untracked.add(path);
        }
        start = end + 1;
    }
    return withUntracked(sortedByCodeUnits(paths), untracked);
}
const TAG_TRACKED = 'H'.charCodeAt(0);
const TAG_UNTRACKED = '?'.charCodeAt(0);
/** parseListing for any tags: a deleted file is listed twice (`H`, then `R`), a conflicted one once per stage. */
function parseTaggedListing(dir, listing) {
    const gone = new Set();
    const seen = new Set();
    const untracked = new Set();
    for (const entry of listing.split('\0')) {
        if (entry.length < 3)
            continue;
        const path = entry.slice(2);
        // Skip-worktree (`S`): git never looks at its file, which a sparse checkout leaves out: the disk says.
        if (entry[0] === 'R' || (entry[0] === 'S' && !inWorkTree((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, path))))
            gone.add(path);
        else
            seen.add(path);
        if (entry[0] === '?')
            untracked.add(path);
    }
    const files = [];
    for (const p of seen)
        if (!gone.has(p))
            files.push(p);
    return withUntracked(files.sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_3__/* .compareCodeUnits */ .U), untracked);
}
/** Sorts in place; git lists in order already (untracked paths first, then the index), so this is mostly a check. */
function sortedByCodeUnits(paths) {
    for (let i = 1; i < paths.length; i++) {
        if (!(paths[i - 1] < paths[i]))
            return paths.sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_3__/* .compareCodeUnits */ .U);
    }
    return paths;
}
/**
 * The same list as listRepoFiles, from the git calls a run starts for its keys anyway, so that all of git's work
 * overlaps Node's start-up instead of following it: the index's paths from the keys' `ls-files` (when the
 * listings were started with `untracked`; else one more call, `ls-files --cached`, which reads no file), deleted
 * files from the keys' `git status`, and untracked, not ignored files from the same status (else one more call
 * for those). Undefined outside a work tree or when git fails: the caller then asks listRepoFiles.
 */
function startRepoFiles(sourceDir, listings) {
    const cached = listings.indexPaths
        ? undefined
        : (0,_ids_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(sourceDir, ['ls-files', '-z', '-t', '--cached', '--', '.']).then((r) => {
            if (!r.ok)
                return r;
            // `-t` tags each path: `S` skip-worktree, `H` and the rest otherwise.
            const paths = [];
            const skipWorktree = [];
            for (const entry of r.value.split('\0')) {
                if (entry.length < 3)
                    continue;
                paths.push(entry.slice(2));
                if (entry[0] === 'S')
                    skipWorktree.push(entry.slice(2));
            }
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_4__.ok)({ paths, skipWorktree });
        });
    const others = listings.untracked
        ? undefined
        : (0,_ids_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(sourceDir, ['ls-files', '-z', '--others', '--exclude-standard', '--', '.']);
    return (async () => {
        const [prefix, index, status, fromStatus, untracked] = await Promise.all([
            listings.prefix,
            listings.indexPaths ?? cached,
            listings.status,
            listings.untracked,
            others,
        ]);
        if (prefix === undefined || !index.ok || !status.ok)
            return undefined;
        const seen = new Set();
        if (fromStatus?.ok) {
            // Relative to the repository root, like every path of `git status`.
            for (const p of fromStatus.value)
                if (p.startsWith(prefix))
                    seen.add(p.slice(prefix.length));
        }
        else if (untracked?.ok) {
            for (const p of untracked.value.split('\0'))
                if (p !== '')
                    seen.add(p);
        }
        else
            return undefined;
        // Until the index's paths join them.
        const notTracked = new Set(seen);
        const gone = new Set();
        // `git status --porcelain=v1 -z --no-renames` records (the tracked files' changes), paths relative to the
        // repository root.
        for (const f of status.value.split('\0')) {
            if (f.length <= 3 || !f.startsWith(prefix, 3))
                continue;
            const path = f.slice(3 + prefix.length);
            // A conflict (`UU`, `AA`, `DD`, `UD`, ...) does not say whether the work tree has the file, not even `UD`
            // (deleted by them: our file stays): the disk does, as for `ls-files --deleted`.
            if (UNMERGED.has(f.slice(0, 2))) {
                if (!inWorkTree(`${sourceDir}/${path}`))
                    gone.add(path);
            }
            else if (f[1] === 'D')
                gone.add(path);
        }
        // Relative to the source directory; a conflicted path may come once per stage, hence the set.
        for (const p of index.value.skipWorktree)
            if (!inWorkTree(`${sourceDir}/${p}`))
                gone.add(p);
        for (const p of index.value.paths)
            if (!gone.has(p))
                seen.add(p);
        return withUntracked([...seen].sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_3__/* .compareCodeUnits */ .U), notTracked);
    })();
}
/** Whether the work tree has something at `path`: not when lstat fails (ENOENT, or ENOTDIR under a file). */
function inWorkTree(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path, { throwIfNoEntry: false }) !== undefined;
    }
    catch {
        return false;
    }
}
/** The status codes of a path with a conflict (git-status(1), "Short Format"). */
const UNMERGED = new Set(['DD', 'AU', 'UD', 'UA', 'DU', 'AA', 'UU']);
function walk(root, rel, out) {
    let entries;
    try {
        entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel), { withFileTypes: true });
    }
    catch {
        return;
    }
    for (const e of entries) {
        const r = rel === '' ? e.name : `${rel}/${e.name}`;
        if (e.isDirectory()) {
            if (e.name !== '.git' && e.name !== 'node_modules')
                walk(root, r, out);
        }
        else if (e.isFile() || e.isSymbolicLink())
            out.push(r);
    }
}
/**
 * The half-open range of `files` (sorted) that lie under directory `dir` ('' is everything), searched for within
 * `[lo, hi)` when that range is known to hold them (the range of a directory above).
 */
function filesUnder(files, dir, lo = 0, hi = files.length) {
    if (dir === '')
        return [lo, hi];
    const prefix = `${dir}/`;
    // '/' + 1 is '0': every path with the prefix sorts before `${dir}0`.
    const start = lowerBound(files, prefix, lo, hi);
    return [start, gallop(files, `${dir}0`, start, hi)];
}
/**
 * lowerBound for a bound expected near `lo` (a directory's end, a few files past its start): steps of 1, 2, 4, …
 * first, so that a small directory costs a few comparisons rather than a search of the whole list.
 */
function gallop(files, s, lo, hi) {
    let step = 1;
    while (lo + step < hi && files[lo + step] < s) {
        lo += step;
        step *= 2;
    }
    return lowerBound(files, s, lo, Math.min(lo + step, hi));
}
/** Whether `files` (sorted) has `path`. */
function hasFile(files, path) {
    return files[lowerBound(files, path, 0, files.length)] === path;
}
/**
 * The half-open range of `files` (sorted) that is `path`, searched for within `[lo, hi)`: empty where it would be
 * when there is no such file.
 */
function fileRange(files, path, lo = 0, hi = files.length) {
    const at = lowerBound(files, path, lo, hi);
    return [at, at < hi && files[at] === path ? at + 1 : at];
}
function lowerBound(files, s, lo, hi) {
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (files[mid] < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}


/***/ }),

/***/ 4956:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ik: () => (/* binding */ exactIno),
/* harmony export */   ou: () => (/* binding */ settledMs)
/* harmony export */ });
/* unused harmony export SETTLED_MS */
/**
 * How long before its stat data was taken a file must have last changed for the stat data to vouch for its bytes.
 * Two writes land in the same timestamp when both fall in one tick of the file system's clock (a few
 * milliseconds; a second or two where timestamps are coarse: FAT, ext3, HFS+). Past this margin, any later write
 * moves the ctime. Stat data taken sooner is never believed (what git calls "racily clean").
 */
const SETTLED_MS = 3000;
/**
 * Whether stat data taken at `takenAtMs` (wall clock) is of a file that last changed well before (SETTLED_MS). In
 * Node's milliseconds: a double, a quarter of a microsecond apart at today's dates, far finer than that margin (see
 * OutputStatRecords).
 */
function settledMs(st, takenAtMs) {
    const before = takenAtMs - SETTLED_MS;
    return st.mtimeMs < before && st.ctimeMs < before;
}
/**
 * Whether the inode number survived Node's double: above 2^53 (some network and overlay file systems) two inodes
 * can read the same, and such a file's stat data vouches for nothing.
 */
function exactIno(st) {
    return Number.isSafeInteger(st.ino);
}


/***/ })

};

return { id, ids, modules };
})