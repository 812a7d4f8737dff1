(function (__disbuild_import_meta) {const id = 196;
const ids = [196];
const modules = {

/***/ 9747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ids: () => (/* binding */ ids)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _graph_model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2573);
/* harmony import */ var _ids_job_key_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(371);
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1095);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7593);
/* harmony import */ var _graph_input_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3311);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1604);







const HELP = `Usage: disbuild ids [--graph FILE] [--source-dir DIR] [--salt S] [--json]

Prints every job's content key: one "<name> <key>" line per job, or a JSON object name -> key.
Without --graph, the graph is what disbuild.json in the source dir describes.
`;
/** `disbuild ids`: job name → key, without running anything. */
const ids = async (argv, io) => {
    const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCommandArgs */ .Qx)(argv, {
        graph: { type: 'string' },
        'source-dir': { type: 'string' },
        salt: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
    });
    if (!parsed.ok || parsed.value.values.help) {
        const wanted = parsed.ok && parsed.value.values.help;
        (wanted ? io.stdout : io.stderr).write((parsed.ok ? '' : `disbuild ids: ${parsed.error}\n`) + HELP);
        return wanted ? _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.ok : _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.usage;
    }
    const v = parsed.value.values;
    const sourceDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, v['source-dir'] ?? '.');
    const input = await (0,_graph_input_js__WEBPACK_IMPORTED_MODULE_5__/* .loadGraphOrReport */ .C)(v.graph, sourceDir, io);
    if (!input)
        return _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.usage;
    const { graph } = input;
    const keys = await (0,_ids_job_key_js__WEBPACK_IMPORTED_MODULE_2__/* .keyGraph */ .Sw)(graph, sourceDir, v.salt ?? input.salt ?? '');
    if (!keys.ok) {
        for (const p of keys.error)
            io.stderr.write(`disbuild: ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_1__/* .formatProblem */ .Vw)(p)}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.usage;
    }
    if (v.json) {
        io.stdout.write(JSON.stringify(Object.fromEntries(graph.jobs.map((j) => [j.name, keys.value.get(j.label)])), null, 2) +
            '\n');
    }
    else {
        io.stdout.write(graph.jobs.map((j) => `${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g$)(j.name)} ${keys.value.get(j.label)}\n`).join(''));
    }
    return _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.ok;
};


/***/ }),

/***/ 4474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ configAbove)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The nearest directory above `dir` holding a disbuild.json: a run in a package's directory meant that one. */
function configAbove(dir) {
    for (let at = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir); at !== dir; dir = at, at = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(at)) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(at, 'disbuild.json')))
            return at;
    }
    return undefined;
}


/***/ }),

/***/ 3311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ loadGraphOrReport)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _graph_model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2573);
/* harmony import */ var _graph_parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1905);
/* harmony import */ var _config_above_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4474);





/**
 * The graph of `--graph FILE`, or without it the one `<sourceDir>/disbuild.json` describes (a graph file, a
 * graph command, or tasks). Prints every problem and answers undefined when there is none or it is invalid.
 * `validatedGraphFile` names where a graph file's validation is kept for the next run (see parse.ts).
 */
async function loadGraphOrReport(graphPath, sourceDir, io, knownFiles, shortcuts, validatedGraphFile) {
    if (graphPath === undefined) {
        // Loaded only here: a run given --graph does not pay for compiling disbuild.json (globs, YAML).
        const { loadConfigGraph } = await Promise.all(/* import() */[__webpack_require__.e(370), __webpack_require__.e(682), __webpack_require__.e(943), __webpack_require__.e(171)]).then(__webpack_require__.bind(__webpack_require__, 3171));
        const configured = await loadConfigGraph(sourceDir, io.env, knownFiles, shortcuts);
        if (configured === undefined) {
            const above = (0,_config_above_js__WEBPACK_IMPORTED_MODULE_4__/* .configAbove */ .e)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(sourceDir));
            const turbo = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sourceDir, 'turbo.json'))
                ? " ('disbuild import turbo' writes one from turbo.json)"
                : '';
            io.stderr.write(above === undefined
                ? `disbuild: no graph: pass --graph FILE, or describe the build in ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(sourceDir, 'disbuild.json')}${turbo}\n`
                : `disbuild: no graph here: ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(above, 'disbuild.json')} describes the build of ${above}; run disbuild there, or pass --source-dir ${above}\n`);
            return undefined;
        }
        if (configured.ok)
            return configured.value;
        const n = configured.error.length;
        io.stderr.write(`disbuild: invalid configuration (${n} problem${n === 1 ? '' : 's'}):\n`);
        for (const line of configured.error)
            io.stderr.write(`  ${line}\n`);
        return undefined;
    }
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, graphPath);
    const loaded = await (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .loadGraphFile */ .rn)(path, sourceDir, typeof knownFiles === 'function' ? knownFiles() : knownFiles, validatedGraphFile?.(path));
    if (loaded.ok)
        return { graph: loaded.value };
    io.stderr.write(`disbuild: invalid graph ${graphPath} (${loaded.error.length} problem${loaded.error.length === 1 ? '' : 's'}):\n`);
    for (const p of loaded.error)
        io.stderr.write(`  ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_2__/* .formatProblem */ .Vw)(p)}\n`);
    return undefined;
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


/***/ })

};

return { id, ids, modules };
})