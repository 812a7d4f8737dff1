(function (__disbuild_import_meta) {const id = 951;
const ids = [951];
const modules = {

/***/ 7126:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ checkManifest),
/* harmony export */   VH: () => (/* binding */ isSafeRelativePath),
/* harmony export */   zr: () => (/* binding */ parseEntryMeta)
/* harmony export */ });
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8251);

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * Reads `meta.json` of the entry for `key`, checking every field it relies on: a damaged file (empty, cut
 * short, edited, or another key's) is answered as a problem, never as a hit with wrong or ill-typed values.
 */
function parseEntryMeta(text, key) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch (e) {
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(`meta.json is not valid JSON (${e.message})`);
    }
    if (!isObject(v))
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)('meta.json is not an object');
    const { durationMs, stdout, stderr, manifest } = v;
    if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0) {
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(`meta.json has no valid durationMs (got ${JSON.stringify(durationMs)})`);
    }
    for (const [name, log] of [
        ['stdout', stdout],
        ['stderr', stderr],
    ]) {
        if (log !== undefined && typeof log !== 'string')
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(`meta.json has an ill-typed ${name}`);
    }
    const meta = { durationMs };
    if (typeof stdout === 'string')
        meta.stdout = stdout;
    if (typeof stderr === 'string')
        meta.stderr = stderr;
    if (manifest !== undefined) {
        // Its entries are checked when a restore needs them: a lookup stays one small parse per key.
        const checked = checkManifest(manifest, key, { entries: false });
        if (!checked.ok)
            return checked;
        meta.manifest = checked.value;
    }
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__.ok)(meta);
}
/**
 * A manifest as read from disk, checked to be for `key` and (unless `entries` is false) to list only safe,
 * well-typed entries.
 */
function checkManifest(v, key, opts = { entries: true }) {
    if (!isObject(v) || v.version !== 1)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)('the manifest is not a version 1 manifest');
    if (v.key !== key)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(`the manifest names another key (${JSON.stringify(v.key)})`);
    if (typeof v.stdoutSha256 !== 'string' || typeof v.stderrSha256 !== 'string') {
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)('the manifest has no log digests');
    }
    if (!Array.isArray(v.entries))
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)('the manifest has no entry list');
    if (!opts.entries)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__.ok)(v);
    for (const e of v.entries) {
        if (!isEntry(e))
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(`the manifest lists an invalid entry ${entryLabel(e)}`);
    }
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__.ok)(v);
}
/**
 * What names an entry in a message: its path when it has one, cut. Not the entry whole: a forged one can be nested
 * deeper than JSON.stringify's stack goes, or be megabytes long.
 */
function entryLabel(e) {
    if (!isObject(e))
        return e === null ? 'null' : Array.isArray(e) ? 'a list' : `a ${typeof e}`;
    if (typeof e.path !== 'string')
        return 'with no path';
    return e.path.length > 200 ? `${JSON.stringify(e.path.slice(0, 200))}...` : JSON.stringify(e.path);
}
function isEntry(e) {
    if (!isObject(e) || typeof e.path !== 'string' || !isSafeRelativePath(e.path))
        return false;
    if (typeof e.size !== 'number' || typeof e.sha256 !== 'string' || typeof e.mode !== 'number')
        return false;
    if (e.type === 'symlink')
        return typeof e.target === 'string';
    return e.type === 'file' || e.type === 'dir';
}
/** `a/b/c`: no empty, `.` or `..` component, not absolute. */
function isSafeRelativePath(p) {
    return p !== '' && p.split('/').every((c) => c !== '' && c !== '.' && c !== '..' && !c.includes('\0'));
}


/***/ }),

/***/ 8559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileAsRecorded: () => (/* binding */ compileAsRecorded),
/* harmony export */   outputsAsRecorded: () => (/* binding */ outputsAsRecorded)
/* harmony export */ });
/* harmony import */ var _config_repo_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8682);
/* harmony import */ var _executor_output_stat_records_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72);
/* harmony import */ var _util_settled_stat_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4956);
/* harmony import */ var _util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9293);
/**
 * The checks of a fully cached run's record (fully-cached.ts) that only some runs need, loaded only for them:
 * that disbuild.json's tasks would compile to the kept graph again, and that in-place outputs are as a recorded
 * check found them (or gone whole). Each is the full path's own check, run on what the record kept of its inputs.
 */




/**
 * Whether the kept graph still stands as the compile found it (see compileConfig): every file it read has the stat
 * data that vouched for its bytes, and every link leads where it did. The listings, which the rest stands on, are
 * compared by the record itself.
 */
function compileAsRecorded(sourceDir, vouch) {
    for (const [path, stat] of Object.entries(vouch.stats)) {
        if ((0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_3__/* .statKey */ .CD)((0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_2__/* .lstatIfAny */ .e)(`${sourceDir}/${path}`)) !== stat)
            return false;
    }
    return (0,_config_repo_files_js__WEBPACK_IMPORTED_MODULE_0__/* .linksAsListed */ .pj)(sourceDir, vouch.links, vouch.indexLinks, vouch.untracked && new Set(vouch.untracked));
}
/**
 * What became of every recorded job's in-place outputs, by stat data alone (see verdictNow): undefined when any
 * changed (only the full path can tell what to do); else the jobs whose output directories are all gone, with
 * the files their verdict found there, which the full path writes back from the cache's stored files.
 */
function outputsAsRecorded(realDir, { records, verdicts }, stats = new _executor_output_stat_records_js__WEBPACK_IMPORTED_MODULE_1__/* .OutputStatRecords */ .aG(records)) {
    const gone = [];
    for (const [label, artifact, key] of verdicts) {
        const verdict = stats.verdict(label, artifact);
        if (verdict === undefined)
            return undefined;
        const now = (0,_executor_output_stat_records_js__WEBPACK_IMPORTED_MODULE_1__/* .verdictNow */ .QC)(realDir, verdict, stats);
        if (now === 'changed')
            return undefined;
        if (now === 'gone')
            gone.push({ artifact, key, files: (0,_executor_output_stat_records_js__WEBPACK_IMPORTED_MODULE_1__/* .verdictOutputs */ .Ix)(verdict) });
    }
    return gone;
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

/***/ 72:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ix: () => (/* binding */ verdictOutputs),
/* harmony export */   QC: () => (/* binding */ verdictNow),
/* harmony export */   aG: () => (/* binding */ OutputStatRecords)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _cache_entry_meta_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7126);
/* harmony import */ var _util_read_own_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5958);
/* harmony import */ var _util_settled_stat_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4956);
/* harmony import */ var _util_state_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2148);
/* harmony import */ var _util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9293);
/* harmony import */ var _link_on_the_way_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4807);








/** Records beyond this many are dropped when the run did not look at them (files of long-gone packages). */
const MAX_RECORDS = 200_000;
/**
 * Raised whenever what a listing holds changes: 3 once repositories of their own were left out of walks, 4 once a
 * listing that met one (or a submodule) was no longer kept.
 */
const VERSION = 4;
/**
 * The SHA-256 of in-place output files, by path, with the stat data they had when hashed: what git's index is to
 * its work tree, so that a fully cached run checks `dist/` by `lstat` instead of reading and hashing every byte.
 *
 * A record answers only for a file whose device, inode, size, mode, mtime and ctime are all what they were, and
 * only when it was made from stat data taken at least SETTLED_MS after the file last changed, so that no write
 * after it can leave the same stat data behind (what git calls "racily clean" is never recorded). Times are
 * Node's milliseconds (a double: a quarter of a microsecond apart at today's dates), not BigInt nanoseconds,
 * which cost a fully cached run of a thousand packages several milliseconds to make and compare: any write after
 * a record sets the ctime to a moment at least SETTLED_MS past the recorded one, far beyond that rounding.
 * The stat data is always taken before the bytes are read: a write in between makes a record that never matches.
 *
 * Beside the files, the listing of each output directory (`dist`) walked, with the stat data of every directory
 * in it: a directory's mtime and ctime move whenever a name in it is added, removed or renamed, so while every
 * directory's stat data is what was recorded (under the same settling rule), its names are the recorded ones, and
 * a check lstats the recorded files instead of reading directories.
 *
 * Beside those, what the last full check of each job's in-place outputs found when they were all in place (a
 * Verdict, by job ID): a later run with the same artifact that finds every listing and every file's record as they
 * were then knows the outputs are still in place without reading the artifact's manifest. One per job, however
 * many artifacts it had; no more of them than listings are kept (see flush).
 *
 * One file per source directory, read once, written once at the end of a run that made new records (written
 * beside and renamed over: concurrent runs each leave a whole file, and every record checks itself); a run that
 * found everything as recorded writes nothing.
 */
class OutputStatRecords {
    #file;
    #rows;
    #trees;
    #used = new Set();
    #usedTrees = new Set();
    #verdicts;
    #usedVerdicts = new Set();
    #changed = false;
    #now;
    /**
     * Without a file, nothing is remembered and every file is hashed. `now` is the clock that stat data taken for
     * directory listings is dated by.
     */
    constructor(file, opts = {}) {
        this.#file = file;
        this.#now = opts.now ?? Date.now;
    }
    /** Whether anything is remembered at all (else there is no point in collecting what to record). */
    get enabled() {
        return this.#file !== undefined;
    }
    /** When stat data taken now was taken, by the records' clock (milliseconds). */
    now() {
        return this.#now();
    }
    #load() {
        if (this.#rows)
            return this.#rows;
        this.#rows = new Map();
        this.#trees = new Map();
        this.#verdicts = new Map();
        if (this.#file === undefined)
            return this.#rows;
        try {
            const text = (0,_util_read_own_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readOwnFile */ .zx)(this.#file);
            if (text === undefined)
                return this.#rows;
            const data = JSON.parse(text);
            if (data.version === VERSION && typeof data.files === 'object' && data.files !== null) {
                for (const [path, row] of Object.entries(data.files)) {
                    if (isRow(row))
                        this.#rows.set(path, row);
                }
                // Absent from files written before listings were recorded: then every directory is read once more.
                if (typeof data.trees === 'object' && data.trees !== null) {
                    for (const [base, tree] of Object.entries(data.trees)) {
                        if (isTree(tree) && isWholeTree(base, tree))
                            this.#trees.set(base, tree);
                    }
                }
                if (typeof data.verdicts === 'object' && data.verdicts !== null) {
                    for (const [job, v] of Object.entries(data.verdicts)) {
                        if (isVerdict(v))
                            this.#verdicts.set(job, v);
                    }
                }
            }
        }
        catch {
            // None yet, or unreadable: every file is hashed once more, and recorded.
        }
        return this.#rows;
    }
    /**
     * The files and symlinks under `base` (relative to `root`), when every directory under it is as recorded:
     * each directory is lstat-ed, none read. Undefined when there is no record or anything differs.
     */
    listing(root, base) {
        if (this.#file === undefined)
            return undefined;
        this.#load();
        const tree = this.#trees.get(base);
        if (tree === undefined)
            return undefined;
        this.#usedTrees.add(base);
        // An output that names a file (`out.txt`): while a file or a link stands there, nothing can be below it.
        if (tree.dirs.length === 0)
            return (0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_4__/* .lstatIfAny */ .e)(`${root}/${base}`)?.isDirectory() === false ? tree.entries : undefined;
        for (const d of tree.dirs) {
            let st;
            try {
                st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(d[0] === '' ? root : `${root}/${d[0]}`, { throwIfNoEntry: false });
            }
            catch {
                return undefined;
            }
            if (st === undefined ||
                !st.isDirectory() ||
                !(0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_6__/* .exactIno */ .ik)(st) ||
                st.mtimeMs !== d[3] ||
                st.ctimeMs !== d[4] ||
                st.ino !== d[2] ||
                st.dev !== d[1])
                return undefined;
        }
        return tree.entries;
    }
    /**
     * Remembers the listing of `base`: its directories with their lstat (bigint, each taken before the directory
     * was read) and the files and symlinks found in them. Ignored unless every directory's stat data was taken, at
     * `statTakenAtMs`, well after its last change (see SETTLED_MS). A file (or link) at `base` itself is remembered
     * as the listing of itself alone, which holds whenever no directory stands there (see `listing`).
     */
    recordListing(base, dirs, entries, statTakenAtMs) {
        if (this.#file === undefined)
            return;
        if (dirs.length === 0 && !(entries.length === 1 && entries[0] === base))
            return;
        for (const [, st] of dirs)
            if (!(0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_6__/* .settledMs */ .ou)(st, statTakenAtMs) || !(0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_6__/* .exactIno */ .ik)(st))
                return;
        this.#load();
        const tree = {
            dirs: dirs.map(([rel, st]) => [rel, st.dev, st.ino, st.mtimeMs, st.ctimeMs]),
            entries: [...entries],
        };
        this.#usedTrees.add(base);
        const old = this.#trees.get(base);
        if (old !== undefined && sameTree(old, tree))
            return;
        this.#trees.set(base, tree);
        this.#changed = true;
    }
    /** The recorded SHA-256 of the file at `path` when `st` (its lstat) is exactly what was recorded. */
    digestOf(path, st) {
        if (this.#file === undefined)
            return undefined;
        const row = this.#load().get(path);
        if (row === undefined || !(0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_6__/* .exactIno */ .ik)(st))
            return undefined;
        this.#used.add(path);
        return row[0] === st.dev &&
            row[1] === st.ino &&
            row[2] === st.size &&
            row[3] === st.mode &&
            row[4] === st.mtimeMs &&
            row[5] === st.ctimeMs
            ? row[6]
            : undefined;
    }
    /**
     * Remembers that the file at `path`, with stat data `st` taken at `statTakenAtMs` (before its bytes were
     * read), hashes to `sha256`; ignored when the file had changed too shortly before.
     */
    record(path, st, sha256, statTakenAtMs) {
        if (this.#file === undefined)
            return;
        if (!(0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_6__/* .settledMs */ .ou)(st, statTakenAtMs) || !(0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_6__/* .exactIno */ .ik)(st))
            return;
        const rows = this.#load();
        const row = statRow(st, sha256);
        const old = rows.get(path);
        this.#used.add(path);
        if (old !== undefined && old.every((x, i) => x === row[i]))
            return;
        rows.set(path, row);
        this.#changed = true;
    }
    /** What the last full check of `job` (its ID)'s in-place outputs found, if against the artifact named `artifact`. */
    verdict(job, artifact) {
        if (this.#file === undefined)
            return undefined;
        this.#load();
        const v = this.#verdicts.get(job);
        if (v === undefined || v.artifact !== artifact)
            return undefined;
        this.#usedVerdicts.add(job);
        return v;
    }
    /** Remembers what a full check of `job`'s in-place outputs found (in place for the verdict's artifact). */
    recordVerdict(job, verdict) {
        if (this.#file === undefined)
            return;
        this.#load();
        this.#usedVerdicts.add(job);
        const old = this.#verdicts.get(job);
        if (old !== undefined && (0,node_util__WEBPACK_IMPORTED_MODULE_1__.isDeepStrictEqual)(old, verdict))
            return;
        this.#verdicts.set(job, verdict);
        this.#changed = true;
    }
    /** Writes the records when this run made new ones; never fails a run. */
    flush() {
        if (this.#file === undefined || !this.#changed || !this.#rows)
            return;
        this.#changed = false;
        // Objects made from entries, never assigned into: a path or ID `__proto__` stays a key like any other.
        const kept = (all, used, max) => Object.fromEntries(all.size <= max ? all : [...all].filter(([k]) => used.has(k)));
        const files = kept(this.#rows, this.#used, MAX_RECORDS);
        const trees = kept(this.#trees, this.#usedTrees, MAX_RECORDS / 10);
        // Each verdict stands on the listing of its first output directory: more of them than listings are those of
        // jobs gone from the graph (or whose IDs change from run to run), and only this run's are kept then.
        const verdicts = kept(this.#verdicts, this.#usedVerdicts, Object.keys(trees).length);
        (0,_util_state_file_js__WEBPACK_IMPORTED_MODULE_3__/* .writeStateFile */ .V)(this.#file, JSON.stringify({ version: VERSION, files, trees, verdicts }));
    }
}
/**
 * Whether a verdict read from the file hangs together: plain relative paths, every file inside one of its output
 * directories. A verdict decides where files are written when its directories are gone (see fromVerdict), so one
 * that does not is dropped, as a damaged listing is.
 */
function isVerdict(x) {
    if (typeof x !== 'object' || x === null)
        return false;
    const { artifact, bases, files } = x;
    if (typeof artifact !== 'string' || !Array.isArray(bases) || bases.length === 0 || !Array.isArray(files))
        return false;
    if (!bases.every((b) => typeof b === 'string' && (0,_cache_entry_meta_js__WEBPACK_IMPORTED_MODULE_7__/* .isSafeRelativePath */ .VH)(b)))
        return false;
    const inBase = (p) => bases.some((b) => p === b || p.startsWith(`${b}/`));
    return files.every((f) => Array.isArray(f) &&
        f.length === 4 &&
        typeof f[0] === 'string' &&
        (0,_cache_entry_meta_js__WEBPACK_IMPORTED_MODULE_7__/* .isSafeRelativePath */ .VH)(f[0]) &&
        inBase(f[0]) &&
        typeof f[1] === 'string' &&
        (f[2] === 0 || f[2] === 1) &&
        Number.isSafeInteger(f[3]) &&
        f[3] >= 0);
}
function isTree(x) {
    if (typeof x !== 'object' || x === null)
        return false;
    const { dirs, entries } = x;
    return (Array.isArray(dirs) &&
        dirs.every((d) => Array.isArray(d) && d.length === 5 && typeof d[0] === 'string' && numbersFrom(d, 1, 5)) &&
        Array.isArray(entries) &&
        entries.every((e) => typeof e === 'string'));
}
/**
 * Whether a listing hangs together as a walk of `base` makes it: `base` first, and every other directory and
 * every entry inside a listed directory. One that does not is damaged (and could hide files that must be seen,
 * an extra file in `dist`): the directory is read again. A whole subdirectory left out cannot be told from here
 * (directories' names are not kept); whoever could write that is kept out by the file's owner check.
 */
function isWholeTree(base, tree) {
    if (tree.dirs.length === 0)
        return tree.entries.length === 1 && tree.entries[0] === base;
    if (tree.dirs[0][0] !== base)
        return false;
    const dirs = new Set();
    const inside = (path) => {
        const slash = path.lastIndexOf('/');
        return dirs.has(slash < 0 ? '' : path.slice(0, slash));
    };
    for (const [i, d] of tree.dirs.entries()) {
        if (i > 0 && !inside(d[0]))
            return false;
        dirs.add(d[0]);
    }
    return tree.entries.every(inside);
}
function sameTree(a, b) {
    return (a.dirs.length === b.dirs.length &&
        a.entries.length === b.entries.length &&
        a.dirs.every((d, i) => d.every((v, j) => v === b.dirs[i][j])) &&
        a.entries.every((e, i) => e === b.entries[i]));
}
function numbersFrom(a, from, to) {
    for (let i = from; i < to; i++)
        if (typeof a[i] !== 'number')
            return false;
    return true;
}
function isRow(x) {
    return Array.isArray(x) && x.length === 7 && numbersFrom(x, 0, 6) && typeof x[6] === 'string';
}
/** A verdict's output files (not the names it lists beside them), each once however many of its bases list it. */
function verdictOutputs(verdict) {
    const seen = new Set();
    return verdict.files.filter(([rel, sha256]) => sha256 !== '' && !seen.has(rel) && seen.add(rel));
}
function statRow(st, sha256) {
    return [st.dev, st.ino, st.size, st.mode, st.mtimeMs, st.ctimeMs, sha256];
}
/**
 * What became of the in-place outputs a verdict describes, reading no file and no directory:
 * - 'in-place': every output directory is reached through real directories and its listing is as recorded (so it
 *   holds the same names), and every file in it is the verdict's by its recorded stat data (same bytes, same exec
 *   bit);
 * - 'gone': every output directory is gone, with real directories (or none) on the way: the verdict's files are
 *   what a restore writes there;
 * - 'changed': anything else, which only a full check can tell.
 */
function verdictNow(sourceDir, verdict, records) {
    const real = new Set();
    let gone = 0;
    let i = 0;
    for (const base of verdict.bases) {
        if ((0,_link_on_the_way_js__WEBPACK_IMPORTED_MODULE_5__/* .linkOnTheWay */ .K)(sourceDir, base, real) !== undefined)
            return 'changed';
        const listed = records.listing(sourceDir, base);
        if (listed === undefined) {
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(`${sourceDir}/${base}`, { throwIfNoEntry: false }) !== undefined)
                return 'changed';
            gone++;
            continue;
        }
        for (const rel of listed) {
            const f = verdict.files[i++];
            if (f === undefined || f[0] !== rel)
                return 'changed';
            if (f[1] === '')
                continue;
            // Spelled out, not joined: a listed path is plain (see statListed).
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(`${sourceDir}/${rel}`, { throwIfNoEntry: false });
            if (st === undefined || !st.isFile() || (st.mode & 0o100 ? 1 : 0) !== f[2])
                return 'changed';
            if (records.digestOf(rel, st) !== f[1])
                return 'changed';
        }
    }
    if (gone === verdict.bases.length)
        return 'gone';
    return gone === 0 && i === verdict.files.length ? 'in-place' : 'changed';
}


/***/ }),

/***/ 4313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fc: () => (/* binding */ checkedOutSubmodules),
/* harmony export */   OQ: () => (/* binding */ submoduleEnv),
/* harmony export */   cf: () => (/* binding */ isCheckedOutSubmodule)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/**
 * Whether the submodule at `path` (relative to `repoDir`) is checked out there: a `.git` of its own, reached
 * through no link (its files are listed and read under `path`, so no link on the way may lead elsewhere). One
 * that is not checked out is an empty directory.
 */
function isCheckedOutSubmodule(repoDir, path) {
    try {
        const real = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(repoDir), path);
        return ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(real) === real && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(real, '.git'), { throwIfNoEntry: false }) !== undefined);
    }
    catch {
        return false;
    }
}
/**
 * The submodules that the repository holding `dir` lists in its `.gitmodules` and that are checked out (see
 * isCheckedOutSubmodule) under `dir`, relative to it, each a path `isGitlink` accepts (by default, any); nested
 * ones are the submodules' own. Whether a submodule is active (`submodule.<name>.active`, or a URL in the
 * configuration) does not matter: its files are on disk for a build to read. A repository nested without
 * `.gitmodules` (`git add` of a directory with a `.git`) is left out: git itself does not clone it. Synchronous:
 * asked only where a `.gitmodules` lists a directory with a `.git`, one short `git config` per version of the
 * file in a process (the listing, the keys and the in-place outputs all ask).
 */
function checkedOutSubmodules(from, isGitlink = () => true) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(from);
    const top = workTreeTop(dir);
    const file = top === undefined ? undefined : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(top, '.gitmodules');
    if (file === undefined || !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
        return [];
    // Paths in `.gitmodules` are from the top; `dir` may be below it.
    const below = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(top, dir).split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep).join('/');
    const prefix = below === '' ? '' : `${below}/`;
    const candidates = plainPaths(file);
    if (candidates !== undefined &&
        !candidates.some((p) => p.startsWith(prefix) && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(top, p, '.git'))))
        return [];
    const listed = pathsGitReads(file, top);
    if (listed === undefined)
        return [];
    const out = new Set();
    for (const path of listed) {
        if (path === '' || !path.startsWith(prefix))
            continue;
        const inside = path.slice(prefix.length);
        // A path of `.` or through `..` would list a repository as its own submodule, without end.
        if (inside.split('/').some((s) => s === '' || s === '.' || s === '..'))
            continue;
        if (isGitlink(inside) && isCheckedOutSubmodule(dir, inside))
            out.add(inside);
    }
    return [...out];
}
/** What git read of each `.gitmodules`, with the file's stat data then: a run asks for it more than once. */
const readByGit = new Map();
/**
 * The `path` values of the `.gitmodules` file `file` at the top `top` of a work tree, as `git config` reads
 * them; undefined when git cannot. Asked again only once the file has changed.
 */
function pathsGitReads(file, top) {
    const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(file, { bigint: true, throwIfNoEntry: false });
    const stamp = st === undefined ? '' : `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
    const kept = readByGit.get(file);
    if (kept !== undefined && kept.stamp === stamp && stamp !== '')
        return kept.paths;
    let paths;
    try {
        const listed = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', ['config', '-z', '--file', file, '--get-regexp', '^submodule\\..*\\.path$'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: submoduleEnv(top) });
        // Records of `<key>\n<value>\0`.
        paths = listed.split('\0').map((record) => record.slice(record.indexOf('\n') + 1));
    }
    catch {
        paths = undefined;
    }
    readByGit.set(file, { stamp, paths });
    return paths;
}
/**
 * The `path` values of a `.gitmodules` read as plain text, when none is quoted or escaped (the usual file, as
 * `git submodule add` writes it): enough to tell that none is checked out without starting git, which then
 * reads the file for the answer. Undefined when git must read it (quotes, escapes, or no file).
 */
function plainPaths(file) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
    const paths = [];
    for (const m of text.matchAll(/^\s*path\s*=(.*)$/gim)) {
        const value = m[1];
        if (/["\\]/.test(value))
            return undefined;
        // An unquoted `#` or `;` begins a comment.
        paths.push(value.replace(/[#;].*$/, '').trim());
    }
    // A key written where the lines above do not look (after a section's header, on its line): git reads it.
    if ((text.match(/path\s*=/gi) ?? []).length !== paths.length)
        return undefined;
    return paths;
}
/**
 * The top of the work tree holding `dir`: the nearest directory at or above it with a `.git` (a directory, or
 * the file of a linked worktree or a submodule). Undefined when there is none.
 */
function workTreeTop(dir) {
    for (let d = dir;; d = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(d)) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(d, '.git')))
            return d;
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(d) === d)
            return undefined;
    }
}
/**
 * git's variables that tie a command to one repository (`git rev-parse --local-env-vars`), less those carrying
 * `-c` settings, which git itself passes on to submodules.
 */
const LOCAL_ENV = [
    'GIT_ALTERNATE_OBJECT_DIRECTORIES',
    'GIT_CONFIG',
    'GIT_OBJECT_DIRECTORY',
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_IMPLICIT_WORK_TREE',
    'GIT_GRAFT_FILE',
    'GIT_INDEX_FILE',
    'GIT_NO_REPLACE_OBJECTS',
    'GIT_REPLACE_REF_BASE',
    'GIT_PREFIX',
    'GIT_INTERNAL_SUPER_PREFIX',
    'GIT_SHALLOW_FILE',
    'GIT_COMMON_DIR',
];
/**
 * The environment for git commands in the submodule at `dir`: this process's, less the variables that would point
 * them at the repository around it (a pre-commit hook runs with `GIT_INDEX_FILE`; `GIT_DIR` and `GIT_WORK_TREE`
 * name the superproject), and with git's search for a repository stopped above `dir`: a submodule whose `.git`
 * is broken must fail, not be taken for a directory of the superproject.
 */
function submoduleEnv(dir) {
    const env = { ...process.env };
    for (const name of LOCAL_ENV)
        delete env[name];
    let parent = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir);
    try {
        parent = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(parent);
    }
    catch {
        // As given: git fails on a directory that is not there anyway.
    }
    env.GIT_CEILING_DIRECTORIES = parent;
    return env;
}


/***/ })

};

return { id, ids, modules };
})