(function (__disbuild_import_meta) {const id = 266;
const ids = [266,277];
const modules = {

/***/ 2142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ NullCache)
/* harmony export */ });
/** `--cache none`: every lookup misses, every save is declined. */
class NullCache {
    lookup() {
        return Promise.resolve(new Map());
    }
    save() {
        return Promise.resolve({ saved: false, reason: 'disabled' });
    }
    close() {
        return Promise.resolve();
    }
}


/***/ }),

/***/ 5342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   explainCommand: () => (/* binding */ explainCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cache_local_cache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5556);
/* harmony import */ var _cache_null_cache_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(2142);
/* harmony import */ var _executor_select_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5277);
/* harmony import */ var _explain_explain_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4624);
/* harmony import */ var _explain_record_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1806);
/* harmony import */ var _explain_run_explainer_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1395);
/* harmony import */ var _graph_model_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2573);
/* harmony import */ var _ids_file_digest_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(679);
/* harmony import */ var _ids_job_key_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(371);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7593);
/* harmony import */ var _graph_input_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3311);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1604);
/* harmony import */ var _run_env_cache_dir_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1203);
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(1095);















const HELP = `Usage: disbuild explain [--graph FILE] [--source-dir DIR] [--cache-dir DIR] [--salt S] [TASK...]

For each job that would run (its key is not in the local cache), says why: which inputs changed (path, old and
new digest), which command fields, which env variables (names only), the salt, or which dependency changed (down
to the root cause) — against the key last recorded for the job's name when it was built. "never built" when
there is none. TASK: job names, globs, or disbuild.json task names; default: every job.
`;
/** `disbuild explain`: why each job that would run must run. */
const explainCommand = async (argv, io) => {
    const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .parseCommandArgs */ .Qx)(argv, {
        graph: { type: 'string' },
        'source-dir': { type: 'string' },
        'cache-dir': { type: 'string' },
        salt: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    });
    if (!parsed.ok || parsed.value.values.help) {
        const wanted = parsed.ok;
        (wanted ? io.stdout : io.stderr).write((parsed.ok ? '' : `disbuild explain: ${parsed.error}\n`) + HELP);
        return wanted ? _io_js__WEBPACK_IMPORTED_MODULE_11__/* .EXIT */ .d.ok : _io_js__WEBPACK_IMPORTED_MODULE_11__/* .EXIT */ .d.usage;
    }
    const v = parsed.value.values;
    const sourceDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, v['source-dir'] ?? '.');
    const input = await (0,_graph_input_js__WEBPACK_IMPORTED_MODULE_10__/* .loadGraphOrReport */ .C)(v.graph, sourceDir, io);
    if (!input)
        return _io_js__WEBPACK_IMPORTED_MODULE_11__/* .EXIT */ .d.usage;
    const { graph } = input;
    const selection = (0,_executor_select_js__WEBPACK_IMPORTED_MODULE_2__.selectJobs)(graph, parsed.value.positionals);
    if (!selection.ok) {
        for (const m of selection.error)
            io.stderr.write(`disbuild explain: ${m}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_11__/* .EXIT */ .d.usage;
    }
    const salt = v.salt ?? input.salt ?? '';
    const digests = await (0,_ids_file_digest_js__WEBPACK_IMPORTED_MODULE_7__/* .chooseDigests */ .Dj)(sourceDir, (0,_ids_job_key_js__WEBPACK_IMPORTED_MODULE_8__/* .graphInputs */ .qP)(graph));
    const keys = (0,_ids_job_key_js__WEBPACK_IMPORTED_MODULE_8__/* .computeKeys */ .yp)(graph, digests, salt);
    if (!keys.ok) {
        for (const p of keys.error)
            io.stderr.write(`disbuild: ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_6__/* .formatProblem */ .Vw)(p)}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_11__/* .EXIT */ .d.usage;
    }
    const cacheDir = v['cache-dir'] === undefined ? (0,_run_env_cache_dir_js__WEBPACK_IMPORTED_MODULE_12__/* .defaultCacheDir */ .$)(io.env) : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, v['cache-dir']);
    // A cache that cannot be opened (a link to nowhere, another user's) holds nothing: every job would run.
    const cache = await _cache_local_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .LocalCache */ .Um.create(cacheDir).catch((e) => {
        io.stderr.write(`disbuild explain: the local cache in ${cacheDir} cannot be used (${e.message})\n`);
        return new _cache_null_cache_js__WEBPACK_IMPORTED_MODULE_14__/* .NullCache */ .C();
    });
    const jobs = graph.jobs.filter((j) => selection.value.closure.has(j.label));
    const hits = await cache.lookup(jobs.map((j) => keys.value.get(j.label)));
    const explainer = new _explain_run_explainer_js__WEBPACK_IMPORTED_MODULE_5__/* .RunExplainer */ .M(graph, salt, new _explain_record_store_js__WEBPACK_IMPORTED_MODULE_4__/* .KeyRecordStore */ .G(cacheDir));
    explainer.onKeyed(digests, keys.value);
    const toRun = jobs.filter((j) => !hits.has(keys.value.get(j.label)));
    if (toRun.length === 0) {
        io.stdout.write(`nothing would run: all ${jobs.length} jobs are cached\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_11__/* .EXIT */ .d.ok;
    }
    const told = new Set(toRun.map((j) => j.name));
    for (const job of toRun) {
        const changes = explainer.changes(job.name);
        io.stdout.write(`${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_13__/* .printable */ .g$)(job.name)}: ${(0,_explain_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(changes)}\n`);
        if ((0,_explain_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .hasMoreDetail */ .Jt)(changes, told))
            io.stdout.write((0,_explain_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .detailLines */ .ZN)(changes, '    ', told).join('\n') + '\n');
    }
    return _io_js__WEBPACK_IMPORTED_MODULE_11__/* .EXIT */ .d.ok;
};


/***/ }),

/***/ 1017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ dependencyClosure),
/* harmony export */   X: () => (/* binding */ selectWith)
/* harmony export */ });
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1095);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8251);


/**
 * The jobs a run covers: the targets (names or globs, compiled by `glob`; all jobs when empty) and everything
 * they depend on. A target that matches no job is an error naming it, so a typo never becomes a silent no-op.
 */
function selectWith(graph, targets, glob) {
    if (targets.length === 0) {
        const all = graph.jobs.map((j) => j.label);
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)({ roots: all, closure: new Set(all) });
    }
    const roots = [];
    const problems = [];
    for (const target of targets) {
        const isMatch = glob(target);
        // A disbuild.json task name stands for that task in every package (`build` is `@scope/a#build`, …).
        const inPackages = `#${target}`;
        const matched = graph.jobs.filter((j) => j.name === target || j.label === target || isMatch(j.name) || j.name.endsWith(inPackages));
        if (matched.length === 0)
            problems.push(`target ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(target)} matches no job name`);
        for (const j of matched)
            roots.push(j.label);
    }
    if (problems.length > 0)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(problems);
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)({ roots: [...new Set(roots)], closure: dependencyClosure(graph, roots) });
}
/** `roots` and every job they transitively depend on. */
function dependencyClosure(graph, roots) {
    const seen = new Set();
    const stack = [...roots];
    while (stack.length > 0) {
        const label = stack.pop();
        if (seen.has(label))
            continue;
        seen.add(label);
        for (const dep of graph.byLabel.get(label)?.deps ?? [])
            stack.push(dep);
    }
    return seen;
}


/***/ }),

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


/***/ }),

/***/ 6761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D2: () => (/* binding */ SYSTEM_ATTRIBUTES_QUERY),
/* harmony export */   O4: () => (/* binding */ systemAttributesFiles),
/* harmony export */   Tx: () => (/* binding */ EXEC_PATH_QUERY),
/* harmony export */   f$: () => (/* binding */ globalAttributesFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _git_config_records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3550);
/**
 * Where git reads attributes beside a tree's own `.gitattributes` files and the repository's `info/attributes`: the
 * global file and the system one. Keys (git-conversions.ts) and the hook's kept worktree (checkout-settings.ts)
 * must look where git looks: a file they miss converts bytes they take for unconverted.
 */




/**
 * The git arguments whose answer names the system file: git 2.42 and later print it (nothing, and fail, when
 * `GIT_ATTR_NOSYSTEM` turns it off); older ones fail, and systemAttributesFiles guesses.
 */
const SYSTEM_ATTRIBUTES_QUERY = ['var', 'GIT_ATTR_SYSTEM'];
/** The git arguments whose answer is git's exec-path (`<prefix>/libexec/git-core`): for systemAttributesFiles. */
const EXEC_PATH_QUERY = ['--exec-path'];
/** The global file: `core.attributesFile` (`~/` expanded, as git does), else git's place for it under XDG. */
function globalAttributesFile(attributesFile, env) {
    const home = env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)();
    return attributesFile
        ? attributesFile.replace(/^~(?=\/)/, home)
        : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.XDG_CONFIG_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(home, '.config'), 'git', 'attributes');
}
/**
 * The system files git may read: none when `GIT_ATTR_NOSYSTEM` is true (as git reads a boolean: `0` is false);
 * the one git named (`named`, the trimmed answer of SYSTEM_ATTRIBUTES_QUERY when it succeeded); else, for a git too
 * old to say, every place `$(sysconfdir)/gitattributes` may be: `/etc` (a git installed under `/usr`) and `etc`
 * under git's prefix (a git built with another, such as `/usr/local`), found from `execPath` (the answer of
 * EXEC_PATH_QUERY, `<prefix>/libexec/git-core`, right through a version manager's shim) and from the `git` that PATH
 * finds, as found and with links resolved: `<prefix>/bin/git`, or, when git runs us (a hook, an alias: it puts its
 * exec-path first on PATH), `<prefix>/libexec/git-core/git`. Homebrew's git, whose `sysconfdir` is none of these,
 * is recent enough to name it.
 */
function systemAttributesFiles(named, env, execPath) {
    if (env.GIT_ATTR_NOSYSTEM !== undefined && (0,_git_config_records_js__WEBPACK_IMPORTED_MODULE_3__/* .gitBoolean */ .x)(env.GIT_ATTR_NOSYSTEM))
        return [];
    if (named)
        return [named];
    const prefixes = [];
    if (execPath)
        prefixes.push(prefixOf((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(execPath, 'git')));
    const git = gitOnPath(env.PATH ?? '');
    if (git !== undefined)
        prefixes.push(prefixOf(git.found), prefixOf(git.real));
    return [...new Set(['/etc/gitattributes', ...prefixes.map((p) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(p, 'etc', 'gitattributes'))])];
}
/** The installation prefix of a `git` executable: above `bin/`, or above `libexec/git-core/` (`lib/git-core/`). */
function prefixOf(git) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(git);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(dir) === 'git-core' ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir)) : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir);
}
/** The `git` executable PATH leads to, as found and with links resolved; undefined when none is found. */
function gitOnPath(path) {
    for (const dir of path.split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter)) {
        if (dir === '')
            continue;
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'git');
        try {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(candidate).isFile())
                continue;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(candidate, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
            return { found: candidate, real: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(candidate) };
        }
        catch {
            continue;
        }
    }
    return undefined;
}


/***/ }),

/***/ 3550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ parseConfigRecords),
/* harmony export */   x: () => (/* binding */ gitBoolean)
/* harmony export */ });
/**
 * The answer of `git config -z --get-regexp` (`<key>\n<value>\0`, or `<key>\0` for a key without a value), and
 * git's reading of a boolean, shared by every caller that reads settings that way.
 */
/**
 * Each key's last value, as git answers `--get` for it (keys lower-cased, as git prints them); undefined for a key
 * written without a value.
 */
function parseConfigRecords(text) {
    const values = new Map();
    for (const record of text.split('\0')) {
        if (record === '')
            continue;
        const nl = record.indexOf('\n');
        values.set((nl < 0 ? record : record.slice(0, nl)).toLowerCase(), nl < 0 ? undefined : record.slice(nl + 1));
    }
    return values;
}
/**
 * A value as git reads a boolean (git_parse_maybe_bool, then as an integer): none at all is true; `true`, `yes`,
 * `on` true and `false`, `no`, `off` and the empty string false, in any case; else an integer (decimal, `0x` hex or
 * `0` octal, with a sign and a `k`, `m` or `g` unit) is true unless zero: `00`, `+0`, `0x0` and `0k` are false.
 * A value git cannot read (it refuses it) counts as true.
 */
function gitBoolean(value) {
    if (value === undefined)
        return true;
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === 'yes' || v === 'on')
        return true;
    if (v === 'false' || v === 'no' || v === 'off' || v === '')
        return false;
    const n = /^[+-]?(?:0x([0-9a-f]+)|(0[0-7]*)|([1-9][0-9]*))[kmg]?$/.exec(v);
    if (n === null)
        return true;
    return !/^0+$/.test(n[1] ?? n[2] ?? n[3]);
}


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lg: () => (/* binding */ convertedPaths),
/* harmony export */   P$: () => (/* binding */ parseSettings),
/* harmony export */   Q9: () => (/* binding */ SETTINGS_REGEXP),
/* harmony export */   h9: () => (/* binding */ attributePlaces),
/* harmony export */   sb: () => (/* binding */ readSettings)
/* harmony export */ });
/* unused harmony export parseConvertedPaths */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8251);
/* harmony import */ var _git_attribute_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6761);
/* harmony import */ var _git_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8750);
/* harmony import */ var _git_config_records_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3550);
/* harmony import */ var _names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7259);
/**
 * Which paths git converts between their blob and the work tree, and the settings that decide it: the git calls
 * and pure parsers of their `-z` output (fixture-tested in test/unit/ids/git-conversions.test.ts).
 *
 * A converted path's index entry (and a commit's blob) is not the bytes a job reads: `* text eol=crlf` stores `a\n`
 * for a work-tree `a\r\n`, an LFS filter stores a pointer for the real content, `ident` expands `$Id$`,
 * `working-tree-encoding` re-encodes. Such paths are read from disk; the rest keep the index's blob IDs for free.
 */






/** The regular expression of the `git config --get-regexp` call that reads GitSettings. */
const SETTINGS_REGEXP = '^(core\\.(autocrlf|filemode|symlinks|attributesfile|ignorecase)|attr\\.tree)$';
/** GitSettings from `git config -z --get-regexp SETTINGS_REGEXP` (see parseConfigRecords). */
function parseSettings(text) {
    const values = (0,_git_config_records_js__WEBPACK_IMPORTED_MODULE_4__/* .parseConfigRecords */ .w)(text);
    const bool = (key) => values.has(key) ? (0,_git_config_records_js__WEBPACK_IMPORTED_MODULE_4__/* .gitBoolean */ .x)(values.get(key)) : undefined;
    const attributesFile = values.get('core.attributesfile');
    const attrTree = values.get('attr.tree');
    return {
        // `input` is not a boolean but converts as `true` does (in the clean direction).
        autocrlf: bool('core.autocrlf') ?? false,
        fileMode: bool('core.filemode') ?? true,
        symlinks: bool('core.symlinks') ?? true,
        ignoreCase: bool('core.ignorecase') ?? false,
        ...(attributesFile ? { attributesFile } : {}),
        ...(attrTree !== undefined ? { attrTree } : {}),
    };
}
/**
 * The paths among `paths` that git may convert, from a `git check-attr -a -z` answer for them
 * (`<path>\0<attribute>\0<value>\0` for each attribute a path has; none for a path without attributes, which is
 * why `-a` is asked: its answer for a repository without attributes is empty, where naming six attributes printed
 * 21 MB for 100,000 paths and took four times as long). Errs on the side of converting: a value git would ignore (a
 * filter with no driver, `text=foo`) still sends the path to disk, which is always correct, only slower.
 */
function parseConvertedPaths(text, paths, autocrlf) {
    const attrs = new Map();
    const fields = text.split('\0');
    for (let i = 0; i + 2 < fields.length; i += 3) {
        let m = attrs.get(fields[i]);
        if (m === undefined)
            attrs.set(fields[i], (m = new Map()));
        m.set(fields[i + 1], fields[i + 2]);
    }
    const converted = new Set();
    const none = new Map();
    // Without attributes a path converts only under core.autocrlf: then every path is asked about.
    for (const p of autocrlf ? paths : attrs.keys())
        if (converts(attrs.get(p) ?? none, autocrlf))
            converted.add(p);
    return converted;
}
/** convert.c's decision, conservatively: does any conversion apply to a path with these attribute values? */
function converts(attrs, autocrlf) {
    const given = (name) => {
        const v = attrs.get(name) ?? 'unspecified';
        return v !== 'unspecified' && v !== 'unset';
    };
    if (given('filter') || given('ident') || given('working-tree-encoding'))
        return true;
    let text = attrs.get('text') ?? 'unspecified';
    // `crlf` is the old name of `text`, read only when `text` says nothing.
    if (text === 'unspecified')
        text = attrs.get('crlf') ?? 'unspecified';
    // `-text` (binary) turns every end-of-line conversion off, `eol` included.
    if (text === 'unset')
        return false;
    if (text !== 'unspecified')
        return true;
    return given('eol') || autocrlf;
}
/**
 * The paths among `paths` (relative to `dir`, all tracked) that git converts between blob and work tree, by one
 * `git check-attr --stdin` call. No call when there are no paths.
 *
 * In a work tree under core.ignoreCase=true where the disk tells case apart (see names-as-on-disk.ts), a second
 * call with core.ignoreCase=false, and the paths either converts: `*.TXT eol=crlf` applies to `a.txt` as the
 * checkout wrote it, and not as the keys' `git status` (run with false) compares it again. A path is taken from
 * the index only when neither would have changed its bytes.
 */
async function convertedPaths(dir, paths, settings, options = {}) {
    if (paths.length === 0)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__.ok)(new Set());
    const ask = (names) => (0,_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(dir, [...names, 'check-attr', ...(options.cached ? ['--cached'] : []), '--stdin', '-z', '-a'], {
        input: paths.join('\0') + '\0',
        ...(options.env ? { env: options.env } : {}),
    });
    const both = !options.cached && settings.ignoreCase && _names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMES_AS_ON_DISK */ .S.length > 0;
    const [answer, asOnDisk] = await Promise.all([ask([]), both ? ask(_names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMES_AS_ON_DISK */ .S) : undefined]);
    if (!answer.ok)
        return answer;
    const converted = parseConvertedPaths(answer.value, paths, settings.autocrlf);
    if (asOnDisk === undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__.ok)(converted);
    if (!asOnDisk.ok)
        return asOnDisk;
    for (const p of parseConvertedPaths(asOnDisk.value, paths, settings.autocrlf))
        converted.add(p);
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__.ok)(converted);
}
/** The settings that decide conversions and modes, from `git config`; git's defaults when none is set. */
async function readSettings(dir) {
    // Exit code 1 means none of the keys is set.
    const r = await (0,_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(dir, ['config', '-z', '--get-regexp', SETTINGS_REGEXP]);
    return parseSettings(r.ok ? r.value : '');
}
/**
 * Every place an attributes file could apply to `paths` from (relative to `realDir`, the source directory with its
 * links resolved, which sits at `prefix` in the work tree at `top`), in the order to look: the repository's
 * `info/attributes` (`infoAttributes`, absolute), the global file (`core.attributesFile`, else
 * `$XDG_CONFIG_HOME/git/attributes` or `~/.config/git/attributes`), the system one (`systemFiles`: see
 * systemAttributesFiles), and a `.gitattributes` in the directory of a path or any directory above it up to the
 * top. When none exists no path has an attribute, and `git check-attr` need not be asked: a few hundred lstat
 * calls for 100,000 paths in 200 directories, against 0.1–0.4 s. Undefined when the disk cannot tell (see below).
 */
function attributePlaces(realDir, prefix, paths, infoAttributes, settings, systemFiles, env = process.env) {
    // Attributes read from a tree rather than the disk (`attr.tree`, `GIT_ATTR_SOURCE`), or a global file named as
    // git expands and this does not (`~user/`, `%(prefix)/`): no file on disk tells, so git is asked.
    if (settings.attrTree !== undefined || env.GIT_ATTR_SOURCE !== undefined)
        return undefined;
    const global = (0,_git_attribute_files_js__WEBPACK_IMPORTED_MODULE_1__/* .globalAttributesFile */ .f$)(settings.attributesFile, env);
    if (/^(?:~[^/]|%\(prefix\)\/)/.test(global))
        return undefined;
    // git runs from the work tree's top: a relative global file is read from there. The top is above the real
    // directory (`prefix` is git's), not above a link leading to it.
    const depth = prefix.split('/').filter(Boolean).length;
    const top = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(realDir, ...Array(depth).fill('..'));
    const places = [infoAttributes, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(top, global), ...systemFiles];
    // The directories from the work tree's top down to the source directory, then those of the paths.
    let above = realDir;
    for (let i = depth; i >= 0; i--) {
        places.push((0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(above, '.gitattributes'));
        above = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(above, '..');
    }
    const seen = new Set();
    for (const p of paths) {
        for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
            const dir = p.slice(0, i);
            if (seen.has(dir))
                break;
            seen.add(dir);
            places.push(realDir + '/' + dir + '/.gitattributes');
        }
    }
    return places;
}


/***/ }),

/***/ 8397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KG: () => (/* binding */ startWorkTreeCommands),
/* harmony export */   YG: () => (/* binding */ workTreeCommands)
/* harmony export */ });
/* unused harmony export INDEX_ATTRIBUTES_QUERY */
/* harmony import */ var _git_attribute_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6761);
/* harmony import */ var _git_conversions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5782);
/* harmony import */ var _git_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8750);
/* harmony import */ var _names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7259);




/**
 * The git calls a run's digests start from (see startWorkTreeListings in file-digest.ts), in this order: where the
 * source directory sits, the index, the status, the settings that convert bytes, where the system attributes
 * file is, git's exec-path, and the index's attributes files. A module of their own: a fully cached run's record (src/cli/fully-cached.ts) compares their answers
 * with those of the run that wrote it, before anything that reads them is loaded.
 */
function workTreeCommands(untracked) {
    return [
        // One rev-parse answers where the source directory sits, and where the repository's attributes file and
        // index are.
        [
            'rev-parse',
            '--is-inside-work-tree',
            '--show-prefix',
            '--git-path',
            'info/attributes',
            '--git-path',
            'index',
        ],
        ['ls-files', '-s', '-v', '-z', '--', '.'],
        [
            // Never the index's lock: a status refreshes stale stat data in the index and writes it under
            // `.git/index.lock`, and a `git commit` of the user's at that moment would fail on the lock.
            '--no-optional-locks',
            // git compares every file's ctime (and inode, owner, device) with its index whatever the repository says:
            // under core.trustctime=false or core.checkStat=minimal, a file edited to the same size with its mtime put
            // back looks unchanged, and its key would be the old bytes'. Nor does it ask a file-system monitor what
            // changed: one that misses events (inotify over a bind mount or NFS) would keep an edited input's old key.
            '-c',
            'core.trustctime=true',
            '-c',
            'core.checkStat=default',
            '-c',
            'core.fsmonitor=false',
            ..._names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMES_AS_ON_DISK */ .S,
            'status',
            '--porcelain=v1',
            '-z',
            untracked ? '--untracked-files=all' : '--untracked-files=no',
            '--ignore-submodules=all',
            '--no-renames',
            '--',
            '.',
        ],
        // Exit code 1 means none of the keys is set.
        ['config', '-z', '--get-regexp', _git_conversions_js__WEBPACK_IMPORTED_MODULE_1__/* .SETTINGS_REGEXP */ .Q9],
        [..._git_attribute_files_js__WEBPACK_IMPORTED_MODULE_0__/* .SYSTEM_ATTRIBUTES_QUERY */ .D2],
        [..._git_attribute_files_js__WEBPACK_IMPORTED_MODULE_0__/* .EXEC_PATH_QUERY */ .Tx],
        // Every `.gitattributes` the index holds, from the top: git reads one the work tree lacks (deleted, left out
        // by a sparse checkout) from the index, above the source directory too.
        [...INDEX_ATTRIBUTES_QUERY],
    ];
}
/** The git arguments whose answer lists the index's `.gitattributes` files, by their paths from the top. */
const INDEX_ATTRIBUTES_QUERY = [
    'ls-files',
    '-z',
    '--full-name',
    '--',
    ':(top,glob)**/.gitattributes',
];
/** workTreeCommands, started in `sourceDir` (see gitTexts). */
function startWorkTreeCommands(sourceDir, untracked, env) {
    return (0,_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitTexts */ .vZ)(sourceDir, workTreeCommands(untracked), env);
}


/***/ }),

/***/ 1203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ defaultCacheDir)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** `$XDG_CACHE_HOME/disbuild`, else `~/.cache/disbuild`. */
function defaultCacheDir(env) {
    const xdg = env.XDG_CACHE_HOME;
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(xdg && xdg !== '' ? xdg : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)(), '.cache'), 'disbuild');
}


/***/ }),

/***/ 6947:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Io: () => (/* binding */ isLowOnSpace),
/* harmony export */   b$: () => (/* binding */ isDiskFull),
/* harmony export */   go: () => (/* binding */ freeBytes)
/* harmony export */ });
/* unused harmony export LOW_SPACE_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Below this much free space on the cache's disk, a run keeps its scratch files and job outputs elsewhere (the
 * system temp directory): a job must not fail because the cache filled its disk. Only where outputs are written
 * changes (a save then copies instead of renaming), so the margin can be generous.
 */
const LOW_SPACE_BYTES = 512 * 1024 * 1024;
/** Bytes an unprivileged process may still write on the file system holding `path`; undefined when unknown. */
function freeBytes(path) {
    try {
        const s = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statfsSync)(path);
        return s.bavail * s.bsize;
    }
    catch {
        return undefined;
    }
}
/** Whether the disk holding `path` is known to be short of space (unknown counts as not short). */
function isLowOnSpace(path, threshold = LOW_SPACE_BYTES) {
    const free = freeBytes(path);
    return free !== undefined && free < threshold;
}
/** Whether an error says a disk or a quota is full. */
function isDiskFull(e) {
    const code = e?.code;
    return code === 'ENOSPC' || code === 'EDQUOT';
}


/***/ })

};

return { id, ids, modules };
})