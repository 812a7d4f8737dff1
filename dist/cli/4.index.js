(function (__disbuild_import_meta) {const id = 4;
const ids = [4];
const modules = {

/***/ 7057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   putBackRecorded: () => (/* binding */ putBackRecorded)
/* harmony export */ });
/* harmony import */ var _cache_local_cache_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5556);
/* harmony import */ var _executor_in_place_restore_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8939);
/* harmony import */ var _executor_worker_pool_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1082);



/** Writes every gone job's outputs back under `realDir`; when it could not, what the cache warned of. */
async function putBackRecorded(cacheDir, { realDir, jobs, lookups }) {
    const warnings = [];
    const cache = await _cache_local_cache_js__WEBPACK_IMPORTED_MODULE_0__/* .LocalCache */ .Um.create(cacheDir, { onWarning: (m) => warnings.push(m) }).catch(() => undefined);
    if (cache === undefined)
        return { ok: false, warnings };
    try {
        // The full path's lookup, of every key of the run: with the lookup memo exactly when it has it (a lookup
        // without it reads each entry, and may find what the memo does not).
        const hits = await cache.lookup(lookups);
        if (warnings.length > 0)
            return { ok: false, warnings };
        // As many jobs writing at once as the full path lets (see InPlaceOutputs).
        const writers = new _executor_worker_pool_js__WEBPACK_IMPORTED_MODULE_2__/* .WorkerPool */ .T(8);
        const placed = await Promise.all(jobs.map(async ({ key, artifact, files }) => {
            const hit = hits.get(key);
            if (hit?.storedFile === undefined || hit.artifact !== artifact)
                return false;
            const place = hit.place?.bind(hit);
            const r = await (0,_executor_in_place_restore_js__WEBPACK_IMPORTED_MODULE_1__/* .placeStored */ .hN)((0,_executor_in_place_restore_js__WEBPACK_IMPORTED_MODULE_1__/* .verdictPlacement */ .Xl)(realDir, files, hit.storedFile.bind(hit)), place, writers);
            return r.ok;
        }));
        return warnings.length === 0 && placed.every(Boolean) ? { ok: true } : { ok: false, warnings };
    }
    finally {
        await cache.close();
    }
}


/***/ }),

/***/ 9766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Op: () => (/* binding */ attributeFiles),
/* harmony export */   RU: () => (/* binding */ gitlinkEntries),
/* harmony export */   _2: () => (/* binding */ parseIndexListing),
/* harmony export */   _S: () => (/* binding */ parseListing),
/* harmony export */   nL: () => (/* binding */ indexEntries),
/* harmony export */   u6: () => (/* binding */ parseDirtyPaths),
/* harmony export */   w5: () => (/* binding */ parseTreeEntries),
/* harmony export */   wn: () => (/* binding */ parseIndexListingWithPaths)
/* harmony export */ });
/* unused harmony export indexedFilePaths */
/** Git's file modes. 100664 is a legacy mode that git itself reads as 100644. */
const GIT_MODES = {
    '100644': 'regular',
    '100664': 'regular',
    '100755': 'executable',
    '120000': 'symlink',
};
/** A SHA-1 object ID. Entries with other IDs (SHA-256 repositories) are not used: keys need SHA-1 blob IDs. */
const SHA1_HEX = /^[0-9a-f]{40}$/;
/**
 * Picks wanted paths out of `git ls-files -s -v -z` (`<tag> <mode> <oid> <stage>\t<path>`) or `git ls-tree -r -z`
 * (`<mode> <type> <oid>\t<path>`) output. `prefix` is stripped from paths (entries outside it are skipped).
 * Only regular files, executables and symlinks at stage 0 are returned; anything else (submodules, conflicts)
 * is left out so that the caller reads it from disk or reports it missing. So are index entries that git does not
 * compare with the working tree (tag other than `H`): skip-worktree entries, absent from a sparse checkout, and
 * assume-unchanged ones, which `git status` never reports changed however they are edited.
 */
function parseListing(text, format, paths, prefix = '') {
    // Results are keyed by the caller's own strings, not by slices of `text`: a lookup by slice returns the
    // caller's string, and storing that was 30% faster (and keeps no slice of the whole listing alive).
    const wanted = new Map();
    for (const p of paths)
        wanted.set(p, p);
    const found = new Map();
    forEachRecord(text, (start, tab, end) => {
        if (!text.startsWith(prefix, tab + 1))
            return;
        const path = wanted.get(text.slice(tab + 1 + prefix.length, end));
        if (path === undefined)
            return;
        const state = parseMeta(text, start, tab, format);
        if (state)
            found.set(path, state);
    });
    return found;
}
/**
 * Every entry of a `git ls-files -s -v -z` listing that git compares with the working tree (tagged `H`, stage 0,
 * a file, an executable or a symlink), by path: its mode and blob ID, or only its mode when the ID is not SHA-1.
 * One pass serves both the check that inputs exist (`unchangedIndexedFiles`) and the keys (`indexEntries`).
 */
function parseIndexListing(text) {
    return parseIndex(text, false).entries;
}
/**
 * parseIndexListing, and every path of the listing whatever its tag, stage or mode (the paths `ls-files --cached`
 * prints; a conflicted path once per stage), apart those tagged skip-worktree (`S`, `s` when also assumed
 * unchanged): git says nothing of their file, which a sparse checkout leaves out of the work tree. One pass over
 * the text, each path sliced once for both answers.
 */
function parseIndexListingWithPaths(text) {
    const parsed = parseIndex(text, true);
    return { entries: parsed.entries, paths: parsed.paths };
}
function parseIndex(text, withPaths) {
    const entries = new Map();
    const paths = [];
    const skipWorktree = [];
    const gitlinks = [];
    const symlinks = [];
    forEachRecord(text, (start, tab, end) => {
        const mode = lsFilesHead(text, start, tab);
        if (mode === undefined && !withPaths)
            return;
        const path = text.slice(tab + 1, end);
        if (mode !== undefined)
            entries.set(path, parseMeta(text, start, tab, 'ls-files') ?? mode);
        if (!withPaths)
            return;
        paths.push(path);
        const tag = text.charCodeAt(start);
        if ((tag === 0x53 || tag === 0x73) && text.charCodeAt(start + 1) === 0x20)
            skipWorktree.push(path); // "S ", "s "
        if (mode === undefined && text.startsWith('160000 ', start + 2))
            gitlinks.push(path);
        if (text.startsWith('120000 ', start + 2))
            symlinks.push(path);
    });
    return withPaths ? { entries, paths: { paths, skipWorktree, gitlinks, symlinks } } : { entries };
}
/** Of a parsed index listing, the entries of `paths` that have a SHA-1 blob ID (as `parseListing` picks them). */
function indexEntries(index, paths) {
    const found = new Map();
    for (const p of paths) {
        const e = index.get(p);
        if (e !== undefined && typeof e !== 'string')
            found.set(p, e);
    }
    return found;
}
/**
 * Every path of a `git ls-files -s -v -z` listing that the index holds as a file whose working-tree copy git
 * checks: a regular file or an executable, at stage 0, tagged `H`. Whatever else (symbolic links, whose targets
 * git does not look at; submodules, conflicts, skip-worktree and assume-unchanged entries) the caller looks up on
 * disk.
 */
function indexedFilePaths(text) {
    const paths = new Set();
    forEachRecord(text, (start, tab, end) => {
        const mode = lsFilesHead(text, start, tab);
        if (mode !== undefined && mode !== 'symlink')
            paths.add(text.slice(tab + 1, end));
    });
    return paths;
}
/**
 * Every entry of a `git ls-tree -r -z` listing under `prefix` (stripped), for resolving links within a tree:
 * blobs with their mode and ID, and anything else (a submodule) as `other`.
 */
function parseTreeEntries(text, prefix = '') {
    const entries = new Map();
    forEachRecord(text, (start, tab, end) => {
        if (!text.startsWith(prefix, tab + 1))
            return;
        entries.set(text.slice(tab + 1 + prefix.length, end), parseMeta(text, start, tab, 'ls-tree') ?? 'other');
    });
    return entries;
}
/**
 * The submodules of a `git ls-tree -r -z` listing under `prefix` (stripped): each gitlink's path and the commit it
 * records.
 */
function gitlinkEntries(text, prefix = '') {
    const links = new Map();
    forEachRecord(text, (start, tab, end) => {
        if (!text.startsWith('160000 commit ', start) || !text.startsWith(prefix, tab + 1))
            return;
        links.set(text.slice(tab + 1 + prefix.length, end), text.slice(start + 14, tab));
    });
    return links;
}
/** The `.gitattributes` blobs of a `git ls-tree -r -z` listing, as `git update-index --index-info` lines. */
function attributeFiles(text) {
    const lines = [];
    forEachRecord(text, (start, tab, end) => {
        const path = text.slice(tab + 1, end);
        if (path === '.gitattributes' || path.endsWith('/.gitattributes'))
            lines.push(text.slice(start, end));
    });
    return lines;
}
/**
 * Calls `f` with each NUL-terminated record's start, its first tab (which ends the metadata) and its end.
 *
 * Records whose path holds U+FFFD are left out. git's paths are bytes, decoded as UTF-8: a name that is not UTF-8
 * (`b\xff`) comes out as U+FFFD, and so does the valid name spelled with that character (`b\xef\xbf\xbd`), so two
 * files would share one entry and either could answer for the other. Left out, such a path is not in the index
 * for the work tree (an input so named is read from disk) nor in a commit's tree (where it is not found).
 */
function forEachRecord(text, f) {
    const lossy = text.includes('\uFFFD');
    let start = 0;
    while (start < text.length) {
        let end = text.indexOf('\0', start);
        if (end < 0)
            end = text.length;
        const tab = text.indexOf('\t', start);
        if (tab > start && tab < end && !(lossy && holdsReplacement(text, tab, end)))
            f(start, tab, end);
        start = end + 1;
    }
}
function holdsReplacement(text, from, end) {
    const at = text.indexOf('\uFFFD', from);
    return at !== -1 && at < end;
}
/** `ls-files -s -v`: `<tag> <6-digit mode> <oid> <stage>\t`; with a SHA-1 ID the tab is at offset 51. */
const LS_FILES_SHA1_TAB = 51;
/** `ls-tree` with a SHA-1 ID: `<6-digit mode> blob <40 hex>\t`. */
const LS_TREE_BLOB_SHA1_TAB = 52;
/** The mode of an `ls-files -s -v` record that git keeps in step with the working tree, at stage 0. */
function lsFilesHead(text, start, tab) {
    const checked = text.charCodeAt(start) === 0x48 && text.charCodeAt(start + 1) === 0x20; // "H "
    const stage0 = text.charCodeAt(tab - 1) === 0x30 && text.charCodeAt(tab - 2) === 0x20; // " 0"
    return checked && stage0 ? modeAt(text, start + 2) : undefined;
}
/**
 * The mode and blob ID of the record `text[start, tab)`. The usual layout is read at fixed offsets (slicing and
 * splitting every record tripled the parse time of a 100,000-file index); anything else takes the general path.
 */
function parseMeta(text, start, tab, format) {
    if (format === 'ls-files') {
        const mode = lsFilesHead(text, start, tab);
        if (mode === undefined)
            return undefined;
        if (tab - start === LS_FILES_SHA1_TAB)
            return { mode, digest: sha1At(text, start + 9) };
        const oid = text.slice(start + 9, tab - 2);
        return SHA1_HEX.test(oid) ? { mode, digest: oid } : undefined;
    }
    const mode = modeAt(text, start);
    if (tab - start === LS_TREE_BLOB_SHA1_TAB && text.startsWith(' blob ', start + 6)) {
        return mode ? { mode, digest: sha1At(text, start + 12) } : undefined;
    }
    const [, type = '', oid = ''] = text.slice(start, tab).split(' ');
    return mode && type === 'blob' && SHA1_HEX.test(oid) ? { mode, digest: oid } : undefined;
}
function modeAt(text, at) {
    if (text.charCodeAt(at + 6) !== 0x20)
        return undefined;
    return GIT_MODES[text.slice(at, at + 6)];
}
function sha1At(text, at) {
    return text.slice(at, at + 40);
}
/**
 * The paths whose working-tree file differs from the index, from `git status --porcelain=v1 -z`
 * (`XY <path>`, plus `<orig path>` after renames and copies). Y is the index → working tree column, so a
 * staged-only change (`M `) is not dirty: the index already holds its blob. Paths are relative to the repository
 * root in this format; `prefix` is stripped and paths outside it are dropped.
 */
function parseDirtyPaths(text, prefix = '') {
    const dirty = new Set();
    const fields = text.split('\0');
    for (let i = 0; i < fields.length; i++) {
        const f = fields[i];
        if (f.length < 4)
            continue;
        const x = f[0];
        const y = f[1];
        if (y !== ' ' && f.startsWith(prefix, 3))
            dirty.add(f.slice(3 + prefix.length));
        // A rename or copy is followed by its source path, which is not a record of its own.
        if (x === 'R' || x === 'C' || y === 'R' || y === 'C')
            i++;
    }
    return dirty;
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