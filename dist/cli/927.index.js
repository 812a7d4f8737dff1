(function (__disbuild_import_meta) {const id = 927;
const ids = [927];
const modules = {

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EJ: () => (/* binding */ parsePositiveInt),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   Qx: () => (/* binding */ parseCommandArgs)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8251);


/** node:util parseArgs with errors as values: unknown flags and missing values become one usage line. */
function parseCommandArgs(argv, options) {
    try {
        const parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)({ values: parsed.values, positionals: parsed.positionals, tokens: parsed.tokens });
    }
    catch (e) {
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(e.message);
    }
}
/** A positive integer flag, with an error that quotes the bad value. */
function parsePositiveInt(flag, value, fallback) {
    if (value === undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)(fallback);
    if (!/^[1-9][0-9]*$/.test(value.trim()))
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(`${flag} must be a positive integer, got ${JSON.stringify(value)}`);
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)(Number(value.trim()));
}
/** A flag restricted to a few words, with an error listing them. */
function parseChoice(flag, value, choices, fallback) {
    if (value === undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)(fallback);
    if (choices.includes(value))
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)(value);
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(`${flag} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
}


/***/ }),

/***/ 7536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ CanonicalHasher),
/* harmony export */   U: () => (/* binding */ compareCodeUnits)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The canonical encoding that keys are hashed over: a sequence of fields, each written as
 * `<tag> <byte length>\n<bytes>\n`. Length prefixes make it unambiguous (["ab","c"] ≠ ["a","bc"]) without escaping,
 * and lists are preceded by their count so a list's end is never confused with the next field.
 * docs/key-encoding.md describes it byte by byte; golden tests in test/unit/ids/ pin it.
 */
class CanonicalHasher {
    // Fields are gathered into one string and hashed once: one hash update per field measured 3× slower.
    pending = '';
    /** Appends one field: a tag and a string value (UTF-8). */
    field(tag, value) {
        this.pending += tag + ' ' + utf8Length(value) + '\n' + value + '\n';
        return this;
    }
    /**
     * Appends the fields of one input (`path`, `mode`, `digest`, and `link` when given) in one step: the same bytes
     * as one field() call each, built with one concatenation because this runs once per input of every job (a
     * million times in a large graph). `mode`, `digest` and `link` are ASCII.
     */
    input(path, mode, digest, link) {
        this.pending +=
            'path ' +
                utf8Length(path) +
                '\n' +
                path +
                '\nmode ' +
                mode.length +
                '\n' +
                mode +
                '\ndigest ' +
                digest.length +
                '\n' +
                digest +
                '\n';
        if (link !== undefined)
            this.pending += 'link ' + link.length + '\n' + link + '\n';
        return this;
    }
    /** Appends a list's length. */
    count(tag, n) {
        return this.field(tag, String(n));
    }
    /** The SHA-1 of everything appended, as 40 lower-case hex characters. */
    hex() {
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(this.pending, 'utf8').digest('hex');
    }
    /** The bytes hashed so far, for documentation and debugging (`disbuild explain`). */
    bytes() {
        return Buffer.from(this.pending, 'utf8');
    }
}
/** UTF-8 byte length, without Buffer.byteLength's call cost for the usual all-ASCII string. */
function utf8Length(s) {
    for (let i = 0; i < s.length; i++)
        if (s.charCodeAt(i) > 0x7f)
            return Buffer.byteLength(s, 'utf8');
    return s.length;
}
/** Sorts by UTF-16 code units: the same order on every machine and locale (never localeCompare). */
function compareCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
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

/***/ 8750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UW: () => (/* binding */ withoutPathspecSettings),
/* harmony export */   q_: () => (/* binding */ gitText),
/* harmony export */   s0: () => (/* binding */ gitBytes),
/* harmony export */   vZ: () => (/* binding */ gitTexts),
/* harmony export */   wP: () => (/* binding */ workTreePrefix)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8251);


/** The variables that set how git reads every pathspec (see withoutPathspecSettings). */
const PATHSPEC_SETTINGS = [
    'GIT_GLOB_PATHSPECS',
    'GIT_NOGLOB_PATHSPECS',
    'GIT_ICASE_PATHSPECS',
    'GIT_LITERAL_PATHSPECS',
];
/**
 * `env` less the variables that set how git reads every pathspec: some commands refuse any (`check-ignore`, and
 * `--literal-pathspecs` beside another), and others would read a path or a pattern (`:(top,glob)…`, a `*`
 * across directories) otherwise than written. Every git call of this module runs without them.
 */
function withoutPathspecSettings(env = process.env) {
    if (!PATHSPEC_SETTINGS.some((name) => env[name] !== undefined))
        return env;
    const out = { ...env };
    for (const name of PATHSPEC_SETTINGS)
        delete out[name];
    return out;
}
/**
 * `git <args>` output as UTF-8 text (with `-z`, git writes paths unquoted). Decoded as it arrives, so a large
 * listing is never held as chunks, a joined buffer and a string at once (the peak memory of a 100,000-job graph).
 *
 * Spawned directly rather than through simple-git: on a 100,000-file index, `ls-files -s -z` took 53 ms this way
 * against 63–75 ms through simple-git (which queues every task and gathers its output itself), and here only the
 * `-z` text is needed, parsed by git-output.ts.
 */
function gitText(cwd, args, options = {}) {
    return new Promise((resolve) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', args, {
            cwd,
            stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
            env: withoutPathspecSettings(options.env),
        });
        child.on('error', (e) => resolve((0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(`git ${args[0] ?? ''}: ${e.message}`)));
        // A spawn that failed (EMFILE, EAGAIN) has no streams: its error event is the answer.
        if (!child.stdout || !child.stderr)
            return;
        // git may exit before reading all of its input (an error): the broken pipe is its exit code's to report.
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(options.input);
        // Decoded chunk by chunk (a multi-byte character split across chunks is handled by the stream's decoder).
        child.stdout.setEncoding('utf8');
        let out = '';
        const errOut = [];
        child.stdout.on('data', (s) => (out += s));
        child.stderr.on('data', (b) => errOut.push(b));
        child.on('close', (code) => {
            if (code === 0)
                resolve((0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)(out));
            else
                resolve((0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(`git ${args.join(' ')}: ${Buffer.concat(errOut).toString('utf8').trim()}`));
        });
    });
}
/**
 * Where `dir` sits in its git work tree (`''` at the top, `sub/dir/` below it), or undefined when `dir` is not in
 * a work tree (no repository, a bare one, inside `.git`, or no git binary).
 */
async function workTreePrefix(dir) {
    const r = await gitText(dir, ['rev-parse', '--is-inside-work-tree', '--show-prefix']);
    if (!r.ok)
        return undefined;
    const [inside, prefix] = r.value.split('\n');
    return inside === 'true' ? (prefix ?? '') : undefined;
}
/** `git <args>` output as bytes (object contents, which need not be UTF-8), fed `input` on stdin. */
function gitBytes(cwd, args, input) {
    return new Promise((resolve) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        const out = [];
        const errOut = [];
        child.stdin.on('error', () => undefined);
        child.stdin.end(input);
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => errOut.push(b));
        child.on('error', (e) => resolve((0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(`git ${args[0] ?? ''}: ${e.message}`)));
        child.on('close', (code) => {
            if (code === 0)
                resolve((0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)(Buffer.concat(out)));
            else
                resolve((0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(`git ${args.join(' ')}: ${Buffer.concat(errOut).toString('utf8').trim()}`));
        });
    });
}
/** Quotes one word for `sh`. */
function shellWord(s) {
    return `'${s.replaceAll("'", `'\\''`)}'`;
}
/**
 * Several `git` commands run side by side from one `sh` process. Starting a process forks this one, whose
 * memory makes each fork cost a millisecond or more of its only thread (several on a busy machine); `sh` forks
 * its gits for a fraction of that. Each command's output comes on a pipe of its own; stderr is dropped (a
 * caller that needs a failure's message runs that command again with gitText: failures are the rare case).
 */
function gitTexts(cwd, commands, env) {
    const script = commands
        .map((args, i) => `{ git ${args.map(shellWord).join(' ')} >&${3 + i} 2>/dev/null; echo ${i} $?; } &`)
        .concat('wait')
        .join('\n');
    let child;
    try {
        child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('sh', ['-c', script], {
            cwd,
            stdio: ['ignore', 'pipe', 'ignore', ...commands.map(() => 'pipe')],
            env: withoutPathspecSettings(env),
        });
    }
    catch {
        return commands.map(() => Promise.resolve({ code: undefined, out: '' }));
    }
    const outs = commands.map(() => '');
    // A spawn that failed (EMFILE, EAGAIN) has no streams: its error event ends it with no command run.
    commands.forEach((_, i) => {
        const pipe = child.stdio?.[3 + i];
        pipe?.setEncoding('utf8');
        pipe?.on('data', (s) => (outs[i] += s));
    });
    let statusText = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (s) => (statusText += s));
    const codes = new Promise((resolve) => {
        const found = new Map();
        child.on('error', () => resolve(found));
        child.on('close', () => {
            for (const line of statusText.split('\n')) {
                const [i, code] = line.split(' ');
                if (i !== undefined && code !== undefined)
                    found.set(Number(i), Number(code));
            }
            resolve(found);
        });
    });
    return commands.map(async (_, i) => ({ code: (await codes).get(i), out: outs[i] }));
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
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8251);
/* harmony import */ var _git_attribute_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6761);
/* harmony import */ var _git_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8750);
/* harmony import */ var _git_config_records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3550);
/**
 * Which paths git converts between their blob and the work tree, and the settings that decide it: the git calls
 * and pure parsers of their `-z` output (fixture-tested in test/unit/ids/git-conversions.test.ts).
 *
 * A converted path's index entry (and a commit's blob) is not the bytes a job reads: `* text eol=crlf` stores `a\n`
 * for a work-tree `a\r\n`, an LFS filter stores a pointer for the real content, `ident` expands `$Id$`,
 * `working-tree-encoding` re-encodes. Such paths are read from disk; the rest keep the index's blob IDs for free.
 */





/** The regular expression of the `git config --get-regexp` call that reads GitSettings. */
const SETTINGS_REGEXP = '^(core\\.(autocrlf|filemode|symlinks|attributesfile)|attr\\.tree)$';
/** GitSettings from `git config -z --get-regexp SETTINGS_REGEXP` (see parseConfigRecords). */
function parseSettings(text) {
    const values = (0,_git_config_records_js__WEBPACK_IMPORTED_MODULE_3__/* .parseConfigRecords */ .w)(text);
    const bool = (key) => values.has(key) ? (0,_git_config_records_js__WEBPACK_IMPORTED_MODULE_3__/* .gitBoolean */ .x)(values.get(key)) : undefined;
    const attributesFile = values.get('core.attributesfile');
    const attrTree = values.get('attr.tree');
    return {
        // `input` is not a boolean but converts as `true` does (in the clean direction).
        autocrlf: bool('core.autocrlf') ?? false,
        fileMode: bool('core.filemode') ?? true,
        symlinks: bool('core.symlinks') ?? true,
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
 */
async function convertedPaths(dir, paths, settings, options = {}) {
    if (paths.length === 0)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_4__.ok)(new Set());
    const answer = await (0,_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(dir, ['check-attr', ...(options.cached ? ['--cached'] : []), '--stdin', '-z', '-a'], { input: paths.join('\0') + '\0', ...(options.env ? { env: options.env } : {}) });
    return answer.ok ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_4__.ok)(parseConvertedPaths(answer.value, paths, settings.autocrlf)) : answer;
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

/***/ 4170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ codeIdentity)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * The identity of the code in `self`: its path and the names, sizes, modification times and inodes of every file
 * beside it. The code that matters may sit in another file than the caller's module (a chunk of the bundle loaded on
 * demand, a module beside it when run from source): an upgrade, a rebuild or a `git pull` that rewrites only that
 * file must still differ. State kept between runs and keyed by this is never read by other code.
 */
function codeIdentity(self) {
    try {
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(self);
        const parts = [self];
        for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir).sort()) {
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(`${dir}/${name}`, { bigint: true });
            parts.push(`${name}\0${st.size}\0${st.mtimeNs}\0${st.ino}`);
        }
        return parts.join('\0');
    }
    catch {
        // Unknown: a value no other run shares, so nothing is reused.
        return `unknown\0${process.pid}\0${Date.now()}\0${Math.random()}`;
    }
}


/***/ }),

/***/ 5510:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ isAlive)
/* harmony export */ });
/** Whether process `pid` exists (EPERM: it does, another user's). */
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}


/***/ }),

/***/ 74:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ ownDirectory)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The stat data of `dir` when it is a directory of this user's, not a link to one; else undefined. Throws as lstat
 * does. In a cache directory shared with another user, a directory that user made (or replaced with a link to any
 * directory this user may write) must not receive this user's state: whatever it holds could be overwritten, or
 * removed as a leftover, and the other user could replace what is written there.
 */
function ownDirectory(dir) {
    const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir);
    const uid = process.getuid?.();
    return st.isDirectory() && (uid === undefined || st.uid === uid) ? st : undefined;
}


/***/ }),

/***/ 5958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OQ: () => (/* binding */ readOwnFileIfAny),
/* harmony export */   XF: () => (/* binding */ readRegularFile),
/* harmony export */   ZU: () => (/* binding */ openRegularFile),
/* harmony export */   bv: () => (/* binding */ readOwnBytesIfAny),
/* harmony export */   lf: () => (/* binding */ openRegular),
/* harmony export */   zx: () => (/* binding */ readOwnFile)
/* harmony export */ });
/* unused harmony export readOwnBytes */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The text of `file` when it is a regular file that `accept` takes (by its stat data), else undefined; throws as
 * `open` does (ENOENT). Opened without blocking: a FIFO put in its place must not hang the run (it is then not a
 * regular file, and not read), nor a device be read without end.
 */
function readRegularFile(file, accept = () => true) {
    return readRegularBytes(file, accept)?.toString('utf8');
}
/**
 * A descriptor of `file`, opened for reading, when it is a regular file and not a link at its name; throws
 * otherwise (ELOOP for a link). For files that must be what a manifest says (a cache entry's): a FIFO or a device
 * put in one's place is damage, and opening it must neither hang the run nor read without end.
 */
function openRegularFile(file) {
    return openRegular(file).fd;
}
/** As openRegularFile, with the file's stat data (taken through the descriptor). */
function openRegular(file) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW);
    let stat;
    try {
        stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
    }
    finally {
        if (!stat?.isFile())
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    if (!stat.isFile())
        throw new Error(`${file} is not a regular file`);
    return { fd, stat };
}
/** As readRegularFile, the bytes; `flags` are added to the open's. */
function readRegularBytes(file, accept, flags = 0) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK | flags);
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        return st.isFile() && accept(st) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd) : undefined;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * The text of `file` when it is a regular file of this user that no one else may write, else undefined; throws as
 * `open` does (ENOENT, and ELOOP for a link). For state whose content vouches for something (outputs in place, a
 * compiled or validated graph, keys): whoever can write it can make a run trust anything, so a file another user
 * wrote or may write (a shared cache directory, a run under another account) is not read. Nor is a link at its name:
 * state files are never links, and one put there by another user would have the run read whatever it points to.
 */
function readOwnFile(file) {
    return readOwnBytes(file)?.toString('utf8');
}
/** As readOwnFile, the bytes: for a caller that checks a digest before it decodes anything. */
function readOwnBytes(file) {
    const uid = process.getuid?.();
    return readRegularBytes(file, (st) => (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW);
}
/** As readOwnBytes, but undefined as well for a file that cannot be opened (missing, a link, unreadable). */
function readOwnBytesIfAny(file) {
    try {
        return readOwnBytes(file);
    }
    catch {
        return undefined;
    }
}
/** As readOwnFile, but undefined as well for a file that cannot be opened (missing, a link, unreadable). */
function readOwnFileIfAny(file) {
    return readOwnBytesIfAny(file)?.toString('utf8');
}


/***/ }),

/***/ 3516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ realPathOr)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * `path` with its links resolved, as git sees the directory it runs in (paths git prints relative to its working
 * directory are relative to this, not to a link leading to it); `path` itself when that fails.
 */
function realPathOr(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(path);
    }
    catch {
        return path;
    }
}


/***/ }),

/***/ 8251:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ err),
/* harmony export */   ok: () => (/* binding */ ok)
/* harmony export */ });
const ok = (value) => ({ ok: true, value });
const err = (error) => ({ ok: false, error });


/***/ }),

/***/ 4956:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CD: () => (/* binding */ statKey),
/* harmony export */   ik: () => (/* binding */ exactIno),
/* harmony export */   ou: () => (/* binding */ settledMs),
/* harmony export */   zG: () => (/* binding */ dirKey)
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
/** The stat data that must be unchanged for a file's bytes to be: undefined for anything but a regular file. */
function statKey(st) {
    if (!st?.isFile() || !exactIno(st))
        return undefined;
    return `${st.dev}:${st.ino}:${st.size}:${st.mode}:${st.mtimeMs}:${st.ctimeMs}`;
}
/** The stat data that must be unchanged for a directory to hold the same names (a rename in or out moves them). */
function dirKey(st) {
    if (!st?.isDirectory() || !exactIno(st))
        return undefined;
    return `${st.dev}:${st.ino}:${st.mode}:${st.uid}:${st.mtimeMs}:${st.ctimeMs}`;
}


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ writeStateFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _is_alive_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5510);
/* harmony import */ var _own_directory_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74);




/**
 * Replaces a file of state kept between runs with `text`, readable by this user alone in a directory of its own
 * (written aside as `<file>.<pid>.<ms>.tmp`, then renamed: a reader sees the old file or the new one, whole). In a
 * cache directory shared with another user, names are easy to guess and directories may be that user's: so nothing
 * is written in a directory that is a link or another user's, and the temp file is created, never opened (a link
 * planted at its name would have this run write through it into any file it may write, and rename the link into
 * place; anything at that name makes the write fail). The temp files that writers of this same file left when
 * killed before their rename are removed; a live process's is its write under way. Only those: the directory may
 * hold files of others (the cache directory's root holds the job timings). A failure is ignored: the state is only
 * a saving, and the next run does the work again. Answers which file it wrote; undefined when it wrote none.
 */
function writeStateFile(file, text) {
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    let made = false;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file), { recursive: true, mode: 0o700 });
        if (!(0,_own_directory_js__WEBPACK_IMPORTED_MODULE_2__/* .ownDirectory */ .c)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file)))
            return undefined;
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(temp, 'wx', 0o600);
        made = true;
        let st;
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(fd, text);
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temp, file);
        removeDeadWrites(file);
        return { dev: st.dev, ino: st.ino, size: st.size };
    }
    catch {
        // Not made: whatever is at that name is not this run's to remove.
        if (!made)
            return undefined;
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.unlinkSync)(temp);
        }
        catch {
            // Renamed, or gone already.
        }
        return undefined;
    }
}
function removeDeadWrites(file) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file);
    const own = `${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file)}.`;
    for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir)) {
        if (!name.startsWith(own))
            continue;
        const pid = Number(/^(\d+)\.\d+\.tmp$/.exec(name.slice(own.length))?.[1]);
        if (!pid || pid === process.pid || (0,_is_alive_js__WEBPACK_IMPORTED_MODULE_3__/* .isAlive */ ._)(pid))
            continue;
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.unlinkSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name));
        }
        catch {
            // Gone already, or not ours to remove: left.
        }
    }
}


/***/ })

};

return { id, ids, modules };
})