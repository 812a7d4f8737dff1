(function (__disbuild_import_meta) {const id = 844;
const ids = [844];
const modules = {

/***/ 8939:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ni: () => (/* binding */ restoreInPlace),
/* harmony export */   VM: () => (/* binding */ outputsInPlace),
/* harmony export */   Xl: () => (/* binding */ verdictPlacement),
/* harmony export */   hN: () => (/* binding */ placeStored),
/* harmony export */   pl: () => (/* binding */ inPlacePaths)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _cache_entry_meta_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7126);
/* harmony import */ var _cache_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8445);
/* harmony import */ var _cache_place_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5451);
/* harmony import */ var _util_writable_dir_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5184);
/* harmony import */ var _in_place_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1732);
/* harmony import */ var _link_on_the_way_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4807);
/**
 * Restoring in-place outputs straight from a cache entry's stored files into the work tree, and checking that
 * the work tree holds them already, in one pass over each job's output directories.
 *
 * Deals with: which files differ (stat data first, see output-stat-records.ts; the bytes only when it cannot
 * tell), writing each differing file beside its place from bytes read once from the cache and checked against
 * the manifest, renaming it over its place, and removing files the globs match that the artifact lacks.
 * Does not deal with: artifacts holding anything but in-place files and directories (symlinks, files outside
 * `.in-place/`): the caller restores those through the cache's own verified restore (in-place.ts).
 */








const PREFIX = `${_in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .IN_PLACE_DIR */ .kO}/`;
/**
 * Makes the work tree's in-place outputs for `globs` exactly the artifact's: same files, exec bits and bytes.
 * A file whose stat data or bytes say it is the artifact's already is not touched. Each stored file is checked
 * against its size, exec bit and SHA-256 as it is written, before it takes its place. Throws on I/O trouble (a
 * full disk, a file where a directory must go).
 */
async function restoreInPlace(sourceDir, globs, artifact, records, protect, sources, writers) {
    const want = wantedFiles(artifact.entries, globs);
    const dirs = want && wantedDirs(artifact.entries, globs);
    if (want === undefined || dirs === undefined)
        return { kind: 'not-here', message: 'the artifact holds more than in-place files' };
    const statTakenAt = records.now();
    const leftovers = [];
    const present = (0,_in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .presentOutputs */ .Op)(sourceDir, globs, records, leftovers);
    // A killed run's temps, but a source of that name (see presentOutputs).
    if (leftovers.length > 0)
        (0,_in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .removeLeftovers */ .DA)(sourceDir, leftovers, protect);
    const stale = [];
    const nested = new Map();
    let allSame = true;
    for (const [rel, e] of want) {
        const st = present.get(rel);
        if (st !== undefined && sameFile(sourceDir, rel, st, e, records, statTakenAt))
            continue;
        allSame = false;
        // A source is never written over: it stays as it is (see notAnOutput), as does a file of a repository of its
        // own. Asked only of a file to write, so that a checkout holding its outputs already never lists what git
        // tracks.
        if (!sources(rel) && !(0,_in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .inNestedRepository */ .bJ)(sourceDir, rel, globs, nested))
            stale.push([rel, e]);
    }
    // Each file's bytes are read from the cache once, checked, and those bytes written: a damaged entry stops
    // the restore at its first bad file, and the cache's own restore (which the caller falls back on) says what is
    // wrong with it and moves it aside. Files written before it are the artifact's, checked: nothing half-written.
    if (stale.length > 0) {
        const real = new Set();
        for (const [rel] of stale) {
            const link = (0,_link_on_the_way_js__WEBPACK_IMPORTED_MODULE_6__/* .linkOnTheWay */ .K)(sourceDir, rel, real);
            if (link !== undefined)
                return { kind: 'not-here', message: (0,_in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .throughLink */ .OD)(rel, link) };
            // A directory where the file goes is replaced only when all it holds are the job's outputs (as placeOutputs
            // does): a file of the user's in it, tracked or not, is never removed with it.
            const foreign = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sourceDir, rel), { throwIfNoEntry: false })?.isDirectory()
                ? (0,_in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .notOnlyOutputs */ .eL)(sourceDir, rel, globs, protect)
                : undefined;
            if (foreign !== undefined)
                return { kind: 'not-here', message: foreign };
        }
        const files = stale.map(([rel, e]) => ({
            path: e.path,
            stored: artifact.storedFile(e.path),
            to: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sourceDir, rel),
            size: e.size,
            mode: e.mode,
            sha256: e.sha256,
        }));
        const placed = await placeStored(files, artifact.place, writers);
        if (!placed.ok)
            return { kind: 'not-here', message: `${placed.error} does not match the manifest` };
    }
    let removed = 0;
    for (const rel of present.keys()) {
        if (want.has(rel) || protect(rel))
            continue;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sourceDir, rel);
        try {
            (0,_util_writable_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .inWritableDir */ .ZW)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), () => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { force: true }));
            removed++;
        }
        catch (e) {
            // Gone with a stale tree that a file of the artifact replaced (ENOTDIR); else it stays, and the job is not
            // restored here.
            if (e.code !== 'ENOTDIR')
                return { kind: 'not-here', message: `${rel} cannot be removed: ${e.message}` };
        }
    }
    // After the stale files went: one may stand where the artifact has an empty directory.
    const made = (0,_in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .makeEmptyDirs */ .cT)(sourceDir, dirs, globs);
    if (typeof made === 'string')
        return { kind: 'not-here', message: made };
    if (stale.length === 0 && removed === 0 && made === 0) {
        const { remember } = artifact;
        const { bases } = globs;
        if (allSame && remember && bases.length > 0 && dirs.length === 0 && present.size === want.size) {
            const files = verdictFiles(sourceDir, globs, want, present, records);
            if (files !== undefined)
                records.recordVerdict(remember.job, { artifact: remember.artifact, bases: [...bases], files });
        }
        return { kind: 'unchanged' };
    }
    return { kind: 'restored', written: stale.length + made, removed };
}
/** The files of a verdict (`[path, sha256, exec, size]`, outputs only), as placeStored writes them under `sourceDir`. */
function verdictPlacement(sourceDir, files, storedFile) {
    return files.map(([rel, sha256, exec, size]) => {
        const path = `${_in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .IN_PLACE_DIR */ .kO}/${rel}`;
        return {
            path,
            stored: storedFile(path),
            to: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sourceDir, rel),
            size,
            mode: exec ? 0o755 : 0o644,
            sha256,
        };
    });
}
/**
 * Puts stored files in their places: where the cache can, on its helper thread as well as this one (a thousand
 * restores use both cores); here otherwise, a few jobs at a time (`writers`), so that a thousand jobs restoring at
 * once do not hold a thousand files in memory.
 */
function placeStored(files, place, writers) {
    const run = () => (place ?? _cache_place_files_js__WEBPACK_IMPORTED_MODULE_3__/* .placeFiles */ .h)(files);
    return place || !writers ? run() : writers.run(0, run);
}
/**
 * What a check that found every in-place output of an artifact in place (and nothing else the globs match) may
 * leave for the next run: undefined unless the records vouch for every output directory's listing, which must hold
 * the artifact's files and, besides, only files the globs leave out (`!.next/cache/**`), and for each output's
 * bytes by its stat data. A file left out is kept by its name alone (an empty SHA-256): it is no output, whatever
 * it holds, but a listing without it is another. An artifact with empty directories is checked in full every time.
 */
function verdictFiles(sourceDir, globs, want, present, records) {
    const files = [];
    // Counted once where bases overlap (`dist/**` and `dist/types/**`), listed under each as verdictNow reads them.
    const outputs = new Set();
    for (const base of globs.bases) {
        const listed = records.listing(sourceDir, base);
        if (listed === undefined)
            return undefined;
        for (const rel of listed) {
            const e = want.get(rel);
            if (e === undefined) {
                // A placement's temp is for a full check to judge (a dead one is removed).
                if (globs.matches(rel) || (0,_in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .isPlacementTemp */ .u1)(rel))
                    return undefined;
                files.push([rel, '', 0, 0]);
                continue;
            }
            const st = present.get(rel);
            if (st === undefined || records.digestOf(rel, st) !== e.sha256)
                return undefined;
            files.push([rel, e.sha256, e.mode & 0o100 ? 1 : 0, e.size]);
            outputs.add(rel);
        }
    }
    return outputs.size === want.size ? files : undefined;
}
/**
 * Whether the checkout holds exactly an artifact's in-place outputs already (same files, types, exec bits and
 * SHA-256s as its manifest, and no other file the globs match), reading only what stat data cannot vouch for.
 * False when the artifact holds anything besides in-place outputs, which only a restore provides.
 */
function outputsInPlace(sourceDir, globs, entries, records, othersOwn = () => false) {
    const want = wantedEntries(entries);
    if (want === undefined)
        return false;
    // A missing one is not in place; anything standing there, or in a repository of its own, a restore leaves.
    const nested = new Map();
    for (const dir of emptyInPlaceDirs(entries)) {
        if (standsThere((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sourceDir, dir)))
            continue;
        if (!(0,_in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .inNestedRepository */ .bJ)(sourceDir, dir, globs, nested))
            return false;
    }
    const statTakenAt = Date.now();
    const present = (0,_in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .presentOutputs */ .Op)(sourceDir, globs, records);
    let found = 0;
    for (const [rel, st] of present) {
        const e = want.get(rel);
        if (e === undefined) {
            // Another job's output (see later-owners.ts) is not this job's to count.
            if (othersOwn(rel))
                continue;
            return false;
        }
        found++;
        if (e.type === 'symlink') {
            if (!st.isSymbolicLink() || readlinkText((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sourceDir, rel)) !== e.target)
                return false;
        }
        else if (!sameFile(sourceDir, rel, st, e, records, statTakenAt))
            return false;
    }
    return found === want.size;
}
/** The work-tree paths of an artifact's in-place files and symlinks. */
function inPlacePaths(entries) {
    return new Set(wantedEntries(entries)?.keys());
}
/** The artifact's in-place files and symlinks by work-tree path; undefined when it holds anything else. */
function wantedEntries(entries) {
    const want = new Map();
    for (const e of entries) {
        if (e.path === _in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .IN_PLACE_DIR */ .kO)
            continue;
        if (!e.path.startsWith(PREFIX))
            return undefined;
        if (e.type !== 'dir')
            want.set(e.path.slice(PREFIX.length), e);
    }
    return want;
}
/**
 * As wantedEntries, and undefined when any is not a plain file at a plain path that could be the job's output (see
 * notAnOutput: the manifest is read as the cache gives it, and its paths decide where files are written in the
 * checkout).
 */
function wantedFiles(entries, globs) {
    const want = wantedEntries(entries);
    if (want === undefined)
        return undefined;
    for (const [rel, e] of want) {
        if (e.type !== 'file' || !(0,_cache_entry_meta_js__WEBPACK_IMPORTED_MODULE_7__/* .isSafeRelativePath */ .VH)(rel))
            return undefined;
        if ((0,_in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .notAnOutput */ ._i)(rel, globs) !== undefined)
            return undefined;
        if (!Number.isSafeInteger(e.size) || e.size < 0 || typeof e.sha256 !== 'string')
            return undefined;
    }
    return want;
}
/** Whether anything is at `path`, or a file on the way to it (ENOTDIR). */
function standsThere(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path, { throwIfNoEntry: false }) !== undefined;
    }
    catch (e) {
        return e.code === 'ENOTDIR';
    }
}
/**
 * The directories the artifact's in-place tree holds empty, by work-tree path: taken from the whole manifest (an
 * in-place tree is all an in-place artifact holds, see wantedEntries), without a copy of its entries per check.
 */
function emptyInPlaceDirs(entries) {
    return (0,_in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .emptyDirectories */ .b3)(entries)
        .filter((p) => p.startsWith(PREFIX))
        .map((p) => p.slice(PREFIX.length));
}
/**
 * The directories the artifact holds empty (see captureOutputs), by work-tree path; undefined when any is not at a
 * plain path the globs match (see notAnOutput).
 */
function wantedDirs(entries, globs) {
    const dirs = emptyInPlaceDirs(entries);
    return dirs.every((d) => (0,_cache_entry_meta_js__WEBPACK_IMPORTED_MODULE_7__/* .isSafeRelativePath */ .VH)(d) && (0,_in_place_js__WEBPACK_IMPORTED_MODULE_5__/* .notAnOutput */ ._i)(d, globs) === undefined) ? dirs : undefined;
}
/** A regular file of the entry's size, exec bit and SHA-256: from the stat records, else hashed and recorded. */
function sameFile(sourceDir, rel, st, e, records, statTakenAt) {
    if (!st.isFile() || st.size !== e.size)
        return false;
    if ((st.mode & 0o100 ? 0o755 : 0o644) !== e.mode)
        return false;
    let digest = records.digestOf(rel, st);
    if (digest === undefined) {
        try {
            digest = (0,_cache_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256 */ .sc)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sourceDir, rel)));
        }
        catch {
            return false;
        }
        records.record(rel, st, digest, statTakenAt);
    }
    return digest === e.sha256;
}
function readlinkText(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(path);
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 1732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DA: () => (/* binding */ removeLeftovers),
/* harmony export */   OD: () => (/* binding */ throughLink),
/* harmony export */   Op: () => (/* binding */ presentOutputs),
/* harmony export */   WR: () => (/* binding */ placeOutputs),
/* harmony export */   _Y: () => (/* binding */ clearOutputs),
/* harmony export */   _i: () => (/* binding */ notAnOutput),
/* harmony export */   b3: () => (/* binding */ emptyDirectories),
/* harmony export */   bJ: () => (/* binding */ inNestedRepository),
/* harmony export */   cT: () => (/* binding */ makeEmptyDirs),
/* harmony export */   eL: () => (/* binding */ notOnlyOutputs),
/* harmony export */   hk: () => (/* binding */ captureOutputs),
/* harmony export */   kO: () => (/* binding */ IN_PLACE_DIR),
/* harmony export */   u1: () => (/* binding */ isPlacementTemp)
/* harmony export */ });
/* unused harmony export listOutputs */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _cache_manifest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8445);
/* harmony import */ var _ids_git_output_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9766);
/* harmony import */ var _ids_submodule_checkout_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4313);
/* harmony import */ var _util_is_alive_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(5510);
/* harmony import */ var _util_real_path_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3516);
/* harmony import */ var _util_writable_dir_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5184);
/* harmony import */ var _ids_git_command_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8750);
/* harmony import */ var _link_on_the_way_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4807);
/**
 * In-place outputs (a job's `Outputs`): files the commands write inside the source directory (`dist/**`).
 *
 * Deals with: finding the files the globs match, capturing them into the job's output directory (so the
 * artifact holds them), putting them back from an artifact — verified, replacing stale files, leaving
 * unchanged ones alone — and clearing stale ones before a job runs.
 * Does not deal with: when any of this happens (execution.ts decides) or caching (the artifact is the job's
 * output directory, saved and restored as a whole).
 */












/** Where in a job's output directory its in-place outputs are kept, by their path in the source directory. */
const IN_PLACE_DIR = '.in-place';
/** The files and symlinks under `root` that the globs match, relative, sorted; never inside `.git`. */
function listOutputs(root, globs) {
    return [...presentOutputs(root, globs).keys()].sort();
}
/**
 * The files and symlinks under the globs' bases that they match, with their lstat, by path relative to
 * `root`; never inside `.git`. What cannot be read is not there. With `leftovers`, the temp files of placements
 * that never ended found on the way are added to it (see deadTemp), for a caller that knows what it may remove.
 *
 * With `records`, a base whose directories are all as recorded is not read again: its recorded files are lstat-ed
 * (see OutputStatRecords.listing); a walk records what it found.
 */
function presentOutputs(root, globs, records, leftovers) {
    const found = new Map();
    const remember = records?.enabled === true;
    for (const base of globs.bases) {
        // Recorded directories are checked by inode, and a directory moved elsewhere keeps its inode: only where no
        // link leads to the base (as a walk checks) do the records say what is there.
        const throughLink = (0,_link_on_the_way_js__WEBPACK_IMPORTED_MODULE_10__/* .linkOnTheWay */ .K)(root, base) !== undefined;
        if (leftovers !== undefined && !throughLink)
            tempsBeside(root, base, globs, leftovers);
        const known = remember && !throughLink ? records.listing(root, base) : undefined;
        if (known !== undefined && statListed(root, known, globs, found))
            continue;
        const dirs = remember ? [] : undefined;
        const entries = [];
        const statTakenAt = remember ? records.now() : 0;
        const complete = walkOutputs(root, base, dirs, entries);
        for (const [rel, st] of entries) {
            if (globs.matches(rel))
                found.set(rel, st);
            else if (leftovers !== undefined && deadTemp(rel, st, globs))
                leftovers.push(rel);
        }
        if (remember && complete) {
            records.recordListing(base, dirs, entries.map(([rel]) => rel), statTakenAt);
        }
    }
    return found;
}
/**
 * What a placement of an in-place file leaves beside it until its rename: `<name>.disbuild-<pid>-<hex>[-<n>]`
 * (`<name>.disbuild-<hex>` before temp names carried the pid). The globs match the file it was to become, seldom
 * the temp's own name (`dist/*.js`): a run killed while it wrote one leaves it for good unless a walk removes it.
 */
const TEMP_NAME = /^(.+)\.disbuild-(?:(\d+)-)?[0-9a-f]{8}(?:-\d+)?$/;
/** Whether `rel` is named as a placement's temp is (see TEMP_NAME), dead or not. */
function isPlacementTemp(rel) {
    return TEMP_NAME.test(rel);
}
/** A placement's temp unwritten for this long is dead whoever wrote it (a pid reused, or in another namespace). */
const ABANDONED_MS = 10 * 60_000;
/** One whose process is gone: after a while still, for a writer in another pid namespace that it cannot see. */
const ORPHANED_MS = 30_000;
/** Whether `rel` is the temp of a placement, of a file the globs match, that will never end. */
function deadTemp(rel, st, globs) {
    const m = TEMP_NAME.exec(rel);
    // A link too: a placement of a link output writes it as one.
    if (m === null || !(st.isFile() || st.isSymbolicLink()) || !globs.matches(m[1]))
        return false;
    const idle = Date.now() - st.mtimeMs;
    if (idle >= ABANDONED_MS)
        return true;
    const pid = m[2] === undefined ? undefined : Number(m[2]);
    return pid !== undefined && pid !== process.pid && idle >= ORPHANED_MS && !(0,_util_is_alive_js__WEBPACK_IMPORTED_MODULE_11__/* .isAlive */ ._)(pid);
}
/**
 * The dead temps of placements of a base that is no directory (an output naming a file, `out.txt`), into
 * `leftovers`: they lie beside it, where no walk of its bases goes. A base that is missing is looked beside only
 * when an output names it: `dist` of `dist/**` is gone whole far more often than it is ever a file.
 * Never asked of a base reached through a link (see linkOnTheWay): it may lead outside the checkout.
 */
function tempsBeside(root, base, globs, leftovers) {
    if (base === '')
        return;
    const path = `${root}/${base}`;
    let names;
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(path, { throwIfNoEntry: false });
        if (st === undefined ? !globs.names(base) : st.isDirectory())
            return;
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path));
    }
    catch {
        return;
    }
    const slash = base.lastIndexOf('/');
    const prefix = `${base.slice(slash + 1)}.disbuild-`;
    for (const name of names) {
        if (!name.startsWith(prefix))
            continue;
        const rel = base.slice(0, slash + 1) + name;
        let st;
        try {
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(`${root}/${rel}`, { throwIfNoEntry: false });
        }
        catch {
            continue;
        }
        if (st !== undefined && deadTemp(rel, st, globs))
            leftovers.push(rel);
    }
}
/** Removes the temps `leftovers` holds (see presentOutputs) but those `keep` says are not to be touched. */
function removeLeftovers(root, leftovers, keep) {
    for (const rel of leftovers) {
        if (keep(rel))
            continue;
        const path = `${root}/${rel}`;
        try {
            (0,_util_writable_dir_js__WEBPACK_IMPORTED_MODULE_8__/* .inWritableDir */ .ZW)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path), () => (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmSync)(path, { force: true }));
        }
        catch {
            // Left for a later run.
        }
    }
}
/**
 * The lstat of each listed path the globs match, into `found`; false (with nothing added) when one is no longer
 * a file or symlink, which the recorded directories say cannot happen: then the caller walks.
 */
function statListed(root, listed, globs, found) {
    const add = [];
    for (const rel of listed) {
        if (!globs.matches(rel)) {
            // A placement's temp, recorded while its process lived (or by a version that left such temps alone): a walk
            // tells whether it is dead now.
            if (TEMP_NAME.test(rel))
                return false;
            continue;
        }
        let st;
        try {
            // Spelled out, not joined: a listed path is already plain, and `join` normalizes (a third of this loop).
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(`${root}/${rel}`, { throwIfNoEntry: false });
        }
        catch {
            return false;
        }
        if (st === undefined || !(st.isFile() || st.isSymbolicLink()))
            return false;
        add.push([rel, st]);
    }
    for (const [rel, st] of add)
        found.set(rel, st);
    return true;
}
/**
 * Every file and symlink under `base` with its lstat, into `entries`, and every directory with its lstat (taken
 * before it was read) into `dirs`; false when a directory could not be read, or held a `.git` below `base` (the
 * listing is then not one to keep).
 * Nothing under a base reached through a link (see linkOnTheWay) is listed.
 */
function walkOutputs(root, base, dirs, entries, everything = false) {
    let complete = true;
    const walk = (rel) => {
        let st;
        try {
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, rel), { throwIfNoEntry: false });
        }
        catch {
            complete = false;
            return;
        }
        if (st === undefined)
            return;
        if (st.isDirectory()) {
            let names;
            try {
                names = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, rel));
            }
            catch {
                complete = false;
                return;
            }
            dirs?.push([rel, st]);
            // Nor into a repository of its own (a clone beside the code, which git leaves alone too): its files are that
            // repository's. Whether it is one depends on more than the directories (`.gitmodules`, the index): a listing
            // that met one is not kept (see presentOutputs).
            if (!everything && rel !== base && names.includes('.git')) {
                complete = false;
                if (!isSubmodule(root, rel))
                    return;
            }
            // Nor into installed packages: a glob as broad as `**/*.js` must not claim them (a base inside one, named
            // by the glob itself, is walked).
            for (const n of names)
                if (everything || !skipped(n))
                    walk(rel === '' ? n : `${rel}/${n}`);
        }
        else if (st.isFile() || st.isSymbolicLink())
            entries.push([rel, st]);
    };
    if ((0,_link_on_the_way_js__WEBPACK_IMPORTED_MODULE_10__/* .linkOnTheWay */ .K)(root, base) === undefined)
        walk(base);
    return complete;
}
/**
 * Whether the directory `rel` under `root` is a repository of its own, not part of this one: it holds a `.git` (of
 * any kind: a directory, a gitfile, a link, even a dangling one, as the walk sees its name) and is not a
 * submodule checked out there (see isSubmodule).
 */
function ownRepositoryAt(root, rel) {
    return holdsGit(`${root}/${rel}`) && !isSubmodule(root, rel);
}
/** Whether the directory at `path` holds a `.git` entry; false when it is no directory (ENOTDIR) or is missing. */
function holdsGit(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(`${path}/.git`, { throwIfNoEntry: false }) !== undefined;
    }
    catch {
        return false;
    }
}
/**
 * Whether the directory `rel` under `root` is a submodule checked out there (nested ones too): part of the project,
 * whose files are inputs (see repo-files.ts) and whose build outputs are outputs like any others. What it tracks
 * is a source, protected as the repository's own files are (see in-place-outputs.ts), by the same rule: listed in
 * `.gitmodules` and a gitlink of the index. A clone `.gitmodules` still lists after `git rm --cached` is not one.
 */
function isSubmodule(root, rel) {
    const slash = rel.lastIndexOf('/');
    const parent = slash < 0 ? root : `${root}/${rel.slice(0, slash)}`;
    const name = rel.slice(slash + 1);
    const inSubmodule = slash >= 0 && heldByRepository(root, rel.slice(0, slash));
    return (0,_ids_submodule_checkout_js__WEBPACK_IMPORTED_MODULE_6__/* .checkedOutSubmodules */ .Fc)(parent, (p) => p === name && isGitlink(parent, p, inSubmodule)).includes(name);
}
/**
 * Whether the directory `rel` under `root`, or one above it below `root`, holds a `.git`: `rel` is then inside a
 * submodule (the only repository a walk enters), whose git is asked without the variables of the one around it.
 */
function heldByRepository(root, rel) {
    for (let i = rel.indexOf('/');; i = rel.indexOf('/', i + 1)) {
        const dir = i < 0 ? rel : rel.slice(0, i);
        if (holdsGit(`${root}/${dir}`))
            return true;
        if (i < 0)
            return false;
    }
}
/** Whether `name` is a gitlink in the index of the repository holding `dir` (asked of git once per process). */
function isGitlink(dir, name, inSubmodule) {
    const path = `${dir}/${name}`;
    let known = gitlinks.get(path);
    if (known === undefined) {
        let env = process.env;
        if (inSubmodule) {
            // Not the variables that tie git to the repository around the submodule (a hook's GIT_INDEX_FILE).
            env = (0,_ids_submodule_checkout_js__WEBPACK_IMPORTED_MODULE_6__/* .submoduleEnv */ .OQ)(dir);
            delete env.GIT_CEILING_DIRECTORIES;
        }
        // git refuses --literal-pathspecs beside any other global pathspec setting the user's environment may hold.
        env = (0,_ids_git_command_js__WEBPACK_IMPORTED_MODULE_9__/* .withoutPathspecSettings */ .UW)(env);
        try {
            // The name as it is on disk, never read as pathspec magic (`:(glob)…`).
            const out = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', ['--literal-pathspecs', 'ls-files', '-s', '-v', '-z', '--', name], {
                cwd: dir,
                encoding: 'utf8',
                stdio: ['ignore', 'pipe', 'ignore'],
                env,
            });
            known = (0,_ids_git_output_js__WEBPACK_IMPORTED_MODULE_5__/* .parseIndexListingWithPaths */ .wn)(out).paths.gitlinks.includes(name);
        }
        catch {
            known = false;
        }
        gitlinks.set(path, known);
    }
    return known;
}
const gitlinks = new Map();
/** Directories the capture never walks into below a glob's fixed part (see walkOutputs). */
const skipped = (name) => name === '.git' || name === 'node_modules';
/**
 * Whether `rel` lies in a repository of its own below the fixed part of every glob that could reach it: a directory
 * on the way holds `.git` (see walkOutputs). Such a file is that repository's, not the job's: never written,
 * captured or removed as an output, even when an artifact made before the repository was there holds it.
 * `checked` remembers what directories were found to hold, for the calls of one pass.
 */
function inNestedRepository(root, rel, globs, checked = new Map()) {
    const ownRepository = (dir) => {
        let own = checked.get(dir);
        if (own === undefined) {
            own = ownRepositoryAt(root, dir);
            checked.set(dir, own);
        }
        return own;
    };
    let reachable = false;
    for (const base of globs.bases) {
        // A base is a directory the glob names, or the one file it names.
        if (base !== '' && rel !== base && !rel.startsWith(`${base}/`))
            continue;
        reachable = true;
        let blocked = false;
        const below = base === '' ? 0 : base.length + 1;
        for (let i = rel.indexOf('/', below); i !== -1; i = rel.indexOf('/', i + 1)) {
            if (ownRepository(rel.slice(0, i))) {
                blocked = true;
                break;
            }
        }
        if (!blocked)
            return false;
    }
    return reachable;
}
/**
 * Why `rel` cannot be one of a job's in-place outputs as the capture takes them, so that an artifact holding it is
 * not the job's: the globs do not match it, or it lies in `.git` or `node_modules` below every glob's fixed part
 * (the capture never walks there). Undefined when it can be. (A source, a file git tracks or a job reads, the
 * capture leaves out too; but one may have become a source since the artifact was made, a file committed on
 * another branch, say: a restore leaves such a file as it is, and takes the rest.)
 */
function notAnOutput(rel, globs) {
    if (!globs.matches(rel))
        return "which the job's outputs do not match";
    const reached = globs.bases.some((base) => {
        if (base !== '' && rel !== base && !rel.startsWith(`${base}/`))
            return false;
        const below = base === '' ? rel : rel.slice(base.length + 1);
        return !below.split('/').some(skipped);
    });
    if (!reached)
        return 'inside .git or node_modules, where outputs are never taken from';
    return undefined;
}
/**
 * Copies the job's in-place outputs from the source directory into its output directory (before saving); none
 * that `protect` names (a file git tracks or a job reads, which a later restore must never write over). Answers
 * their paths. The directories the globs match are made there too, so that one the command left empty
 * (`dist/logs/`) is put back with the files (see emptyDirectories); with `since` (when the command's stale outputs
 * had been cleared), only those changed since: one made by hand or by an older build, which the clear leaves, is
 * not cached again and again. The directories taken go into `takenDirs`.
 *
 * `through`: a symbolic link on the way to a glob's base, or the base itself a link to a directory, or a link
 * below a base to a directory where the globs may match paths, where the walk does not go (nothing is listed
 * through a link): what the command wrote there is not taken, so the files answered are not all of its outputs, and
 * must not be cached. Other links below a base are outputs as files are, but for a link to a file in the checkout
 * that is neither taken nor `everywhere` (a file git tracks): a clone restoring it would find nothing behind it.
 */
function captureOutputs(sourceDir, globs, outputDir, protect = () => false, since, takenDirs = [], everywhere = () => false) {
    const entries = [];
    const dirs = [];
    let through;
    for (const base of globs.bases) {
        // A link above the base, or the base itself a link to a directory (a link to a file is an output like another).
        const above = (0,_link_on_the_way_js__WEBPACK_IMPORTED_MODULE_10__/* .linkOnTheWay */ .K)(sourceDir, base);
        const link = above ?? base;
        if (link !== '' &&
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(`${sourceDir}/${link}`, { throwIfNoEntry: false })?.isSymbolicLink() &&
            (above !== undefined || (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(`${sourceDir}/${link}`, { throwIfNoEntry: false })?.isDirectory()))
            through ??= link;
        walkOutputs(sourceDir, base, dirs, entries);
    }
    for (const [rel, st] of entries) {
        if (through !== undefined)
            break;
        if (st.isSymbolicLink() &&
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(`${sourceDir}/${rel}`, { throwIfNoEntry: false })?.isDirectory() &&
            globs.mayMatchBelow(rel) &&
            !takenAtTarget(sourceDir, rel, globs, dirs, entries))
            through = rel;
    }
    const files = [...new Set(entries.filter(([rel]) => globs.matches(rel)).map(([rel]) => rel))]
        .sort()
        .filter((rel) => !protect(rel));
    if (through === undefined)
        through = linkToLeftFile(sourceDir, globs, files, entries, everywhere);
    for (const rel of files) {
        const to = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(outputDir, IN_PLACE_DIR, rel);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(to), { recursive: true });
        copyEntry((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(sourceDir, rel), to);
    }
    for (const [rel, st] of dirs) {
        if (rel === '' || !globs.matches(rel) || (since !== undefined && st.ctimeMs <= since))
            continue;
        // Not a repository of its own the walk stopped at (its directory is listed all the same).
        if (ownRepositoryAt(sourceDir, rel))
            continue;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(outputDir, IN_PLACE_DIR, rel), { recursive: true });
        takenDirs.push(rel);
    }
    return through === undefined ? { files } : { files, through };
}
/**
 * The first link the globs match (taken, or one git tracks) that leads to a file of the checkout neither taken nor
 * `everywhere`: what the command wrote through it is not taken.
 */
function linkToLeftFile(sourceDir, globs, files, entries, everywhere) {
    const links = entries.filter(([rel, st]) => st.isSymbolicLink() && globs.matches(rel)).map(([rel]) => rel);
    if (links.length === 0)
        return undefined;
    const taken = new Set(files);
    for (const rel of links) {
        // Dangling, it restores as it is; out of the checkout, the cache refuses it whatever it leads to.
        const target = targetInCheckout(sourceDir, rel);
        if (target === undefined || !(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(`${sourceDir}/${target}`, { throwIfNoEntry: false })?.isFile())
            continue;
        if (!taken.has(target) && !everywhere(target))
            return rel;
    }
    return undefined;
}
/** Where the link `rel` leads, relative to `sourceDir` (a real path); undefined when nowhere, or out of it. */
function targetInCheckout(sourceDir, rel) {
    const real = (0,_util_real_path_js__WEBPACK_IMPORTED_MODULE_7__/* .realPathIfAny */ .b)(`${sourceDir}/${rel}`);
    return real?.startsWith(`${sourceDir}/`) ? real.slice(sourceDir.length + 1) : undefined;
}
/**
 * Whether what lies below the link `link` (to a directory) is taken where it really is: the link leads to a
 * directory this capture walked (`.venv/lib64 -> lib` with `.venv/**`), and every file found there that the globs
 * match through the link they match there too. A restore then puts the files back there, and the link (an output,
 * or the checkout's) leads to them.
 */
function takenAtTarget(sourceDir, link, globs, dirs, entries) {
    const target = targetInCheckout(sourceDir, link);
    if (target === undefined || !dirs.some(([rel]) => rel === target))
        return false;
    const prefix = `${target}/`;
    return entries.every(([rel]) => !rel.startsWith(prefix) || globs.matches(rel) || !globs.matches(`${link}/${rel.slice(prefix.length)}`));
}
/**
 * The directories of a tree that hold nothing in it (`paths`: every path of the tree, directories included): in an
 * artifact's in-place tree, those a capture took empty, which a restore makes. Any other directory is made for the
 * files it holds.
 */
function emptyDirectories(paths) {
    const parents = new Set();
    for (const { path } of paths) {
        const slash = path.lastIndexOf('/');
        if (slash > 0)
            parents.add(path.slice(0, slash));
    }
    return paths.filter((e) => e.type === 'dir' && !parents.has(e.path)).map((e) => e.path);
}
/**
 * Makes each of `dirs` that is missing (those inside a repository of its own are left: see inNestedRepository).
 * Answers how many it made, or why it cannot: the way there passes through a link.
 */
function makeEmptyDirs(sourceDir, dirs, globs) {
    let made = 0;
    const nested = new Map();
    const real = new Set();
    for (const dir of dirs) {
        if (inNestedRepository(sourceDir, dir, globs, nested))
            continue;
        // Anything else standing there or on the way (a file git tracks, say) is left as it is, as a source a file
        // would meet; a link is not passed through.
        const inTheWay = (0,_link_on_the_way_js__WEBPACK_IMPORTED_MODULE_10__/* .linkOnTheWay */ .K)(sourceDir, dir, real);
        if (inTheWay !== undefined) {
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(sourceDir, inTheWay)).isSymbolicLink())
                return throughLink(dir, inTheWay);
            continue;
        }
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(sourceDir, dir), { throwIfNoEntry: false }) !== undefined)
            continue;
        (0,_util_writable_dir_js__WEBPACK_IMPORTED_MODULE_8__/* .makeDirs */ .X2)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(sourceDir, dir));
        made++;
    }
    return made;
}
/**
 * Why the directory at `rel` (where an output file goes) must stay: it holds something that is not the job's
 * output (a file of the user's, tracked or not). Undefined when all it holds are the job's outputs: it may then be
 * replaced with the file.
 */
function notOnlyOutputs(sourceDir, rel, globs, protect) {
    // All of it: installed packages and repositories of their own in there are never the job's outputs either.
    const entries = [];
    walkOutputs(sourceDir, rel, undefined, entries, true);
    const kept = entries
        .map(([p]) => p)
        .filter((p) => !globs.matches(p) ||
        protect(p) ||
        p
            .slice(rel.length + 1)
            .split('/')
            .some(skipped))
        .sort();
    return kept.length > 0
        ? `${rel} is a directory holding ${kept[0]}, which is not the job's output`
        : undefined;
}
/**
 * Removes files the globs match that are not in `keep` (nor inputs of any job, in `protect`): stale outputs of
 * another build must not leak into this one's artifact, nor into what dependents read.
 */
function clearOutputs(sourceDir, globs, keep, protect) {
    const leftovers = [];
    for (const rel of [...presentOutputs(sourceDir, globs, undefined, leftovers).keys()].sort()) {
        if (keep.has(rel) || protect(rel))
            continue;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(sourceDir, rel);
        (0,_util_writable_dir_js__WEBPACK_IMPORTED_MODULE_8__/* .inWritableDir */ .ZW)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path), () => (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmSync)(path, { force: true }));
    }
    removeLeftovers(sourceDir, leftovers, protect);
}
/**
 * Puts an artifact's in-place outputs back in the source directory (answering their paths): each file whose content, mode or type
 * differs is written beside its place and renamed over it, then checked; files the globs match that the
 * artifact lacks are removed. Answers why not when it cannot: the artifact holds more than the job's outputs, a
 * place is reached through a link, or a written file does not read back as the artifact's.
 *
 * With `move`, `artifactDir` is this run's own verified copy of the artifact, which nothing reads afterwards:
 * a regular file that no other name shares (one link: never a cache entry's file) is renamed into place
 * instead of copied and read back — the bytes are the ones just verified — and is gone from `artifactDir`.
 */
function placeOutputs(artifactDir, sourceDir, globs, protect, sources, move = false) {
    const base = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(artifactDir, IN_PLACE_DIR);
    // All of it, `.git` and `node_modules` included: what the artifact holds there is not the job's either.
    const entries = [];
    const dirs = [];
    walkOutputs(base, '', dirs, entries, true);
    const inArtifact = entries.map(([rel]) => rel).sort();
    const emptyDirs = emptyDirectories([
        ...dirs.filter(([rel]) => rel !== '').map(([path]) => ({ path, type: 'dir' })),
        ...entries.map(([path]) => ({ path, type: 'file' })),
    ]);
    const strayDir = emptyDirs.find((d) => notAnOutput(d, globs) !== undefined);
    if (strayDir !== undefined) {
        return failed({
            message: `the artifact holds ${strayDir}/, ${notAnOutput(strayDir, globs)}`,
            stray: true,
        });
    }
    // An artifact is the job's only if all it holds could be the job's outputs, and its links stay in the checkout:
    // one from a cache another writer can reach must not put anything beside the checkout within its reach. The
    // caller learns that the artifact itself is at fault (`stray`), and drops it.
    const stray = strayEntry(base, inArtifact, globs, sourceDir);
    if (stray !== undefined)
        return failed({ message: stray, stray: true });
    // Nor is a source ever written over (see notAnOutput), nor a file of a repository of its own: they stay as
    // they are.
    const nested = new Map();
    const placing = inArtifact.filter((rel) => !sources(rel) && !inNestedRepository(sourceDir, rel, globs, nested));
    // Per file: one lstat of its place, and each side read once at most (the artifact's side only when a file
    // of the same size is there, or once written); each parent directory is made once.
    const made = new Set();
    const real = new Set();
    for (const rel of placing) {
        const link = (0,_link_on_the_way_js__WEBPACK_IMPORTED_MODULE_10__/* .linkOnTheWay */ .K)(sourceDir, rel, real);
        if (link !== undefined)
            return failed({ message: throughLink(rel, link) });
        const from = describe((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(base, rel));
        const to = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(sourceDir, rel);
        if (sameEntry(from, to))
            continue;
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(to);
        if (!made.has(parent)) {
            (0,_util_writable_dir_js__WEBPACK_IMPORTED_MODULE_8__/* .makeDirs */ .X2)(parent);
            made.add(parent);
        }
        // A directory where the file goes (a stale tree) is replaced too, when all it holds are the job's outputs.
        const inTheWay = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(to, { throwIfNoEntry: false })?.isDirectory() === true;
        const foreign = inTheWay ? notOnlyOutputs(sourceDir, rel, globs, protect) : undefined;
        if (foreign !== undefined)
            return failed({ message: foreign });
        if (move && moveFile(from, to, inTheWay))
            continue;
        const temp = `${to}.disbuild-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(4).toString('hex')}`;
        try {
            (0,_util_writable_dir_js__WEBPACK_IMPORTED_MODULE_8__/* .inWritableDir */ .ZW)(parent, () => copyEntry(from.path, temp));
            if (!sameEntry(from, temp)) {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmSync)(temp, { force: true });
                return failed({ message: `${rel} could not be written in place` });
            }
            if (inTheWay)
                (0,_util_writable_dir_js__WEBPACK_IMPORTED_MODULE_8__/* .removeOutputTree */ .kh)(to);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.renameSync)(temp, to);
        }
        catch (e) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmSync)(temp, { force: true });
            throw e;
        }
    }
    clearOutputs(sourceDir, globs, new Set(inArtifact), protect);
    // After the stale files went: one may stand where the artifact has an empty directory.
    const madeDirs = makeEmptyDirs(sourceDir, emptyDirs, globs);
    if (typeof madeDirs === 'string')
        return failed({ message: madeDirs });
    return { ok: true, value: placing };
}
const failed = (error) => ({ ok: false, error });
/**
 * Why the artifact is not the job's: the first of `inArtifact` that cannot be its output (see notAnOutput), or a
 * link whose target leaves the checkout, absolute or through `..`, on its own or through the artifact's other
 * links (`gen/a -> ..` is the checkout, so `gen/out -> a/..` is beside it).
 */
function strayEntry(base, inArtifact, globs, sourceDir) {
    const links = [];
    for (const rel of inArtifact) {
        const why = notAnOutput(rel, globs);
        if (why !== undefined)
            return `the artifact holds ${rel}, ${why}`;
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(base, rel)).isSymbolicLink()) {
            links.push({ path: rel, type: 'symlink', target: (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readlinkSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(base, rel)) });
        }
    }
    const own = new Set(links.map((l) => l.path));
    const leaving = (0,_cache_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .linkLeavingTree */ .X8)(links) ?? links.find((l) => upThroughLink(sourceDir, l.path, l.target, own))?.path;
    if (leaving === undefined)
        return undefined;
    const target = links.find((l) => l.path === leaving).target;
    return `the artifact's link ${leaving} points out of the checkout (${JSON.stringify(target)})`;
}
/**
 * Whether the target of the artifact's link at `path` goes up (`..`) after passing through a link the checkout
 * holds (not one of the artifact's, `own`): the kernel follows that link first, and `node_modules/ext/..` is
 * beside wherever `npm link` put `ext`, not `node_modules`. Said of the target's text, not resolved: such a
 * link is refused even when the checkout's link happens to point inside it.
 */
function upThroughLink(sourceDir, path, target, own) {
    const at = path.split('/').slice(0, -1);
    let throughLink = false;
    for (const part of target.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (throughLink)
                return true;
            at.pop();
            continue;
        }
        at.push(part);
        const rel = at.join('/');
        if (!own.has(rel) && (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(sourceDir, rel), { throwIfNoEntry: false })?.isSymbolicLink()) {
            throughLink = true;
        }
    }
    return false;
}
/** Why an in-place output is not put back (see linkOnTheWay). */
const throughLink = (rel, link) => `${rel} would be written through ${link}, which is not a directory (a symbolic link, say)`;
/**
 * Renames a private regular file over `to` with the mode a copy would get, the directory there first removed when
 * `dirInTheWay`; false when it cannot.
 */
function moveFile(from, to, dirInTheWay) {
    if (!from.stat.isFile() || from.stat.nlink !== 1)
        return false;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.chmodSync)(from.path, from.stat.mode & 0o100 ? 0o755 : 0o644);
        if (dirInTheWay)
            (0,_util_writable_dir_js__WEBPACK_IMPORTED_MODULE_8__/* .removeOutputTree */ .kh)(to);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.renameSync)(from.path, to);
        return true;
    }
    catch {
        // Another file system, say: copied instead.
        return false;
    }
}
function copyEntry(from, to) {
    const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(from);
    if (st.isSymbolicLink()) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.symlinkSync)((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readlinkSync)(from), to);
        return;
    }
    // A copy, never a link: the work tree's file may be edited later, and the artifact must not change with it.
    (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.copyFileSync)(from, to, node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.COPYFILE_FICLONE);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.chmodSync)(to, st.mode & 0o100 ? 0o755 : 0o644);
}
function describe(path) {
    const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(path);
    let content;
    return {
        path,
        stat,
        content: () => (content ??= stat.isSymbolicLink() ? (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readlinkSync)(path) : digest(path)),
    };
}
/** Same type, executable bit and content (or link text). */
function sameEntry(a, b) {
    const sa = a.stat;
    const sb = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(b, { throwIfNoEntry: false });
    if (!sb)
        return false;
    if (sa.isSymbolicLink() || sb.isSymbolicLink()) {
        return sa.isSymbolicLink() && sb.isSymbolicLink() && a.content() === (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readlinkSync)(b);
    }
    if (!sb.isFile() || sa.size !== sb.size || (sa.mode & 0o100) !== (sb.mode & 0o100))
        return false;
    return a.content() === digest(b);
}
function digest(path) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(path)).digest('hex');
}


/***/ }),

/***/ 4807:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ linkOnTheWay)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The first directory on the way from `root` to `rel` (a proper prefix of `rel`) that is a symbolic link, or
 * anything but a directory; undefined when every one is a real directory or missing. In-place outputs are never
 * listed, removed or written through a link: one that points out of the checkout would take them there.
 * `checked` remembers directories found real, for the calls of one pass.
 */
function linkOnTheWay(root, rel, checked = new Set()) {
    for (let i = rel.indexOf('/'); i !== -1; i = rel.indexOf('/', i + 1)) {
        const dir = rel.slice(0, i);
        if (checked.has(dir))
            continue;
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(`${root}/${dir}`, { throwIfNoEntry: false });
        if (st === undefined)
            return undefined;
        if (!st.isDirectory())
            return dir;
        checked.add(dir);
    }
    return undefined;
}


/***/ }),

/***/ 1082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ WorkerPool)
/* harmony export */ });
/**
 * A bounded pool of slots whose queue is ordered by priority (highest first, then arrival).
 *
 * Deals with: how many tasks (jobs, or commands) run at once and which waiting one goes next.
 * Does not deal with: dependencies — a task is only submitted once its inputs are ready.
 */
class WorkerPool {
    #size;
    #running = 0;
    #seq = 0;
    #drainScheduled = false;
    #queue = [];
    constructor(size) {
        this.#size = Math.max(1, Math.floor(size));
    }
    get size() {
        return this.#size;
    }
    /**
     * Runs `task` when a slot is free and nothing of higher priority waits. The slot is freed when the task ends,
     * or earlier when the task calls `release` (work that follows, such as saving, need not hold it).
     */
    async run(priority, task) {
        await this.#acquire(priority);
        let held = true;
        const release = () => {
            if (!held)
                return;
            held = false;
            this.#release();
        };
        try {
            return await task(release);
        }
        finally {
            release();
        }
    }
    #acquire(priority) {
        return new Promise((resolve) => {
            const entry = { priority, seq: this.#seq++, start: resolve };
            // Binary insertion keeps the queue sorted: O(log n) search, and the head is always next.
            let lo = 0;
            let hi = this.#queue.length;
            while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                const other = this.#queue[mid];
                if (other.priority > priority || (other.priority === priority && other.seq < entry.seq))
                    lo = mid + 1;
                else
                    hi = mid;
            }
            this.#queue.splice(lo, 0, entry);
            this.#scheduleDrain();
        });
    }
    // Slots are handed out on the next turn of the event loop, not at once: everything that became ready in this
    // turn is queued by then, so the first jobs started are the most urgent ones, not merely the first to ask.
    #scheduleDrain() {
        if (this.#drainScheduled)
            return;
        this.#drainScheduled = true;
        setImmediate(() => {
            this.#drainScheduled = false;
            this.#drain();
        });
    }
    #release() {
        this.#running--;
        this.#drain();
    }
    #drain() {
        while (this.#running < this.#size && this.#queue.length > 0) {
            this.#running++;
            this.#queue.shift().start();
        }
    }
}


/***/ })

};

return { id, ids, modules };
})