(function (__disbuild_import_meta) {const id = 338;
const ids = [338];
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
/* harmony import */ var _util_near_name_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1466);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8251);



/** node:util parseArgs with errors as values: unknown flags and missing values become one usage line. */
function parseCommandArgs(argv, options) {
    try {
        const parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)({ values: parsed.values, positionals: parsed.positionals, tokens: parsed.tokens });
    }
    catch (e) {
        const error = e;
        // Node's message for an unknown option is about positionals starting with '-': name the option meant instead,
        // and keep its advice for a name that is no option (a task named `--lint`).
        const unknown = /^Unknown option '(-{1,2})(.*)'\. To specify/s.exec(error.message);
        if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown !== null) {
            const dashes = unknown[1];
            const name = unknown[2];
            const near = dashes === '--' ? (0,_util_near_name_js__WEBPACK_IMPORTED_MODULE_2__/* .nearName */ .c)(name, Object.keys(options)) : undefined;
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(near !== undefined
                ? `unknown option ${dashes}${name}; did you mean --${near}?`
                : `unknown option ${dashes}${name} (a name that starts with '-' goes after '--': -- ${dashes}${name})`);
        }
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(error.message);
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
        child.on('error', (e) => resolve((0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(`git ${commandName(args)}: ${e.message}`)));
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
        child.on('error', (e) => resolve((0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(`git ${commandName(args)}: ${e.message}`)));
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
/** git's options whose value is the next argument. */
const TAKES_VALUE = new Set(['-c', '-C', '--git-dir', '--work-tree', '--namespace']);
/** The git command `args` run, past the options before it (`-c name=value`, `--git-dir DIR`, `--no-optional-locks`). */
function commandName(args) {
    return args.find((a, i) => !a.startsWith('-') && !TAKES_VALUE.has(args[i - 1] ?? '')) ?? '';
}


/***/ }),

/***/ 7259:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ NAMES_AS_ON_DISK)
/* harmony export */ });
/**
 * Settings for git's listings of the work tree, so that they name files as the disk does.
 *
 * `core.ignorecase=true` (which git sets on a case-insensitive file system, and which a repository copied from one
 * keeps) makes git take a name for any other that differs only in case. On Linux, whose file systems tell them
 * apart, a tracked `A.txt` renamed to `a.txt` is then listed as deleted while `a.txt` is listed nowhere, neither
 * tracked nor untracked: no input, so edits to it left every key that should read it unchanged. Listed with
 * `core.ignorecase=false`, as a fresh clone on this machine (CI's) is set, `a.txt` is untracked. Elsewhere the
 * repository's setting stands: on a case-insensitive disk, it is the true one.
 */
const NAMES_AS_ON_DISK = process.platform === 'linux' ? ['-c', 'core.ignorecase=false'] : [];


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

/***/ 1466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ nearName)
/* harmony export */ });
/** The name among `known` that `name` is most likely meant to be: the same in another case or number (`output`). */
function nearName(name, known) {
    const folded = name.toLowerCase();
    for (const k of known) {
        const other = k.toLowerCase();
        if (other === folded || other === `${folded}s` || `${other}s` === folded)
            return k;
    }
    return undefined;
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
/* harmony export */   b: () => (/* binding */ realPathIfAny),
/* harmony export */   r: () => (/* binding */ realPathOr)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * `path` with its links resolved, as git sees the directory it runs in (paths git prints relative to its working
 * directory are relative to this, not to a link leading to it); `path` itself when that fails.
 */
function realPathOr(path) {
    return realPathIfAny(path) ?? path;
}
/** `path` with its links resolved; undefined when that fails (it leads nowhere, or loops). */
function realPathIfAny(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(path);
    }
    catch {
        return undefined;
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

/***/ 9293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ lstatIfAny),
/* harmony export */   k: () => (/* binding */ statIfAny)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A path's stat data (of a link itself, not of what it leads to); undefined when it cannot be had for any reason:
 * missing, or behind a directory that became a file or that may not be entered. Whoever asks treats that as
 * nothing there, and never fails for it.
 */
function lstatIfAny(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path, { throwIfNoEntry: false });
    }
    catch {
        return undefined;
    }
}
/** As lstatIfAny, following links. */
function statIfAny(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path, { throwIfNoEntry: false });
    }
    catch {
        return undefined;
    }
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