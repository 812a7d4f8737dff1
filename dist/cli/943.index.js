(function (__disbuild_import_meta) {const id = 943;
const ids = [943];
const modules = {

/***/ 9085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dj: () => (/* binding */ readByCompile),
/* harmony export */   MP: () => (/* binding */ envNames),
/* harmony export */   Ne: () => (/* binding */ writeCompiledGraph),
/* harmony export */   PS: () => (/* binding */ readKeptGraph),
/* harmony export */   RS: () => (/* binding */ isReadByCompile),
/* harmony export */   Ul: () => (/* binding */ readFiles),
/* harmony export */   nT: () => (/* binding */ COMPILER_MODULE),
/* harmony export */   tn: () => (/* binding */ fileListDigest),
/* harmony export */   xv: () => (/* binding */ configDigest),
/* harmony export */   yR: () => (/* binding */ compilerIdentity)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _ids_canonical_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7536);
/* harmony import */ var _util_code_identity_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4170);
/* harmony import */ var _util_read_own_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5958);
/* harmony import */ var _util_settled_stat_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4956);
/* harmony import */ var _util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9293);
/* harmony import */ var _util_state_file_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2148);
/**
 * The compiled graph of the last run, kept so that a run whose configuration and repository did not change skips
 * the compile (reading every package.json, matching globs over every file, resolving dependencies).
 *
 * Exact, not a guess: a kept graph is reused only when everything the compile reads is what it was — the tasks of
 * disbuild.json, the values of the variables the tasks' `env` names, the compiler itself (the files of this module's
 * directory, their sizes and times, and a format number), the repository's file list (tracked less deleted, plus untracked not
 * ignored: so `.gitignore`, `info/exclude` and `core.excludesFile` count through what they hide), whether each
 * symbolic link in that list leads to a directory (which is no input), and the bytes of every package.json and of
 * pnpm-workspace.yaml in that list.
 *
 * Those bytes are vouched for by stat data, as git's index does for its work tree: beside the hash of the bytes,
 * the file keeps each read file's device, inode, size, mode, mtime and ctime (Node's milliseconds, precise enough:
 * see OutputStatRecords), taken before its bytes were read, and only for a file that had last changed at least
 * SETTLED_MS before: a write in the same tick of the file system's clock as the stat data (same size, same times)
 * is never believed unchanged. A file whose stat data is not all as recorded (or was not recorded) makes the check
 * read and hash the bytes, as the compile would.
 *
 * Everything but the file list can be checked before git has listed the files: the caller does that while git
 * works (see compileConfig).
 *
 * Deals with: the digests, the stat data, reading and writing the cache file. Does not deal with: compiling
 * (compile.ts).
 */









/** Raised whenever the compiled graph's meaning changes in a way the code's file identity might not show. */
const FORMAT = 3;
/** The files of `files` whose bytes the compile may read: every package.json, and pnpm's workspace file. */
function readByCompile(files) {
    return files.filter(isReadByCompile);
}
function isReadByCompile(f) {
    return f === 'package.json' || f === 'pnpm-workspace.yaml' || f.endsWith('/package.json');
}
/** This module's file: in the bundle, the chunk it is in. */
const COMPILER_MODULE = (0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(__disbuild_import_meta.url);
/** The compiler's identity (see codeIdentity): this module's file and every file beside it. */
function compilerIdentity(self = COMPILER_MODULE) {
    return (0,_util_code_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .codeIdentity */ .y)(self);
}
/** The hash of the compile's inputs that are known before the files are listed: compiler, tasks, variables. */
function configDigest(config, env) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    h.update(`disbuild-compiled-graph\0${FORMAT}\0${compilerIdentity()}\0`);
    h.update(JSON.stringify([...config.tasks]));
    h.update('\0env\0');
    // Set and unset differ (an unset variable is left out of the command's environment).
    for (const n of envNames(config))
        h.update(JSON.stringify([n, env[n] ?? null]));
    return h.digest('hex');
}
/** The variables the tasks' `env` names, sorted: their values are in the compiled graph. */
function envNames(config) {
    const names = new Set();
    for (const spec of config.tasks.values())
        for (const n of spec.env ?? [])
            names.add(n);
    return [...names].sort();
}
/** The hash of the repository's file list. */
function fileListDigest(files, untracked, typeChanged) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${files.length}\0`).update(files.join('\0'));
    // Which are tracked decides which can be outputs (see untrackedOf): a `git add` changes the compile.
    if (untracked !== undefined)
        h.update(`\0untracked\0${[...untracked].sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_3__/* .compareCodeUnits */ .U).join('\0')}`);
    // A tracked file replaced by a link (to a directory, which is no input) lists as before (see typeChangedOf).
    if (typeChanged !== undefined && typeChanged.size > 0)
        h.update(`\0type-changed\0${[...typeChanged].sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_3__/* .compareCodeUnits */ .U).join('\0')}`);
    return h.digest('hex');
}
/**
 * Hashes the bytes of the files of `files` that the compile reads, each lstat'ed before it is read (a write in
 * between leaves stat data that never matches again). `now` is the clock the stat data is dated by.
 */
function readFiles(root, files, now = Date.now) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    // No prototype: paths are keys.
    const stats = Object.create(null);
    const read = readByCompile(files);
    const bytesOf = new Map();
    // Taken before any lstat: every stat datum is at least this recent.
    const takenAt = now();
    for (const f of read) {
        // Concatenated, not joined: `root` is absolute and `f` a clean relative path (join's normalising costs more).
        const path = `${root}/${f}`;
        let st;
        let bytes;
        try {
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(path, { throwIfNoEntry: false });
            bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path);
        }
        catch (e) {
            h.update(`${f}\0error ${e.code ?? ''}\0`);
            continue;
        }
        h.update(`${f}\0${bytes.length}\0`);
        h.update(bytes);
        bytesOf.set(f, bytes);
        const key = (0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_8__/* .statKey */ .CD)(st);
        if (key !== undefined && (0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_8__/* .settledMs */ .ou)(st, takenAt))
            stats[f] = key;
    }
    // Decoded only when the compile asks: a check that finds the bytes unchanged needs no text.
    const texts = { get: (path) => bytesOf.get(path)?.toString('utf8') };
    return { digest: h.digest('hex'), count: read.length, stats, texts };
}
/**
 * The graph kept in `file` when it was compiled under configuration `config` (configDigest), with whether the
 * files the compile read are unchanged by their stat data; undefined when the file holds another configuration's
 * graph (or none, or is unreadable, or is not this user's own: its commands would run).
 */
function readKeptGraph(file, config, root) {
    let text;
    try {
        text = (0,_util_read_own_file_js__WEBPACK_IMPORTED_MODULE_5__/* .readOwnFile */ .zx)(file);
    }
    catch {
        return undefined;
    }
    if (text === undefined)
        return undefined;
    const eol = text.indexOf('\n');
    if (eol < 0)
        return undefined;
    let header;
    try {
        header = JSON.parse(text.slice(0, eol));
    }
    catch {
        return undefined;
    }
    if (!isHeader(header) || header.config !== config)
        return undefined;
    const paths = Object.keys(header.stats);
    let readsUnchanged = paths.length === header.readCount;
    for (let i = 0; readsUnchanged && i < paths.length; i++) {
        readsUnchanged = (0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_8__/* .statKey */ .CD)((0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_6__/* .lstatIfAny */ .e)(`${root}/${paths[i]}`)) === header.stats[paths[i]];
    }
    return { header, text: text.slice(eol + 1), readsUnchanged };
}
function isHeader(h) {
    if (typeof h !== 'object' || h === null)
        return false;
    const x = h;
    return (typeof x.config === 'string' &&
        typeof x.files === 'string' &&
        typeof x.reads === 'string' &&
        typeof x.readCount === 'number' &&
        typeof x.stats === 'object' &&
        x.stats !== null &&
        Object.values(x.stats).every((v) => typeof v === 'string') &&
        Array.isArray(x.links) &&
        x.links.every((l) => Array.isArray(l) &&
            l.length === 4 &&
            typeof l[0] === 'string' &&
            (l[1] === 'directory' || l[1] === 'file' || l[1] === 'nothing') &&
            typeof l[2] === 'string' &&
            typeof l[3] === 'string'));
}
/** Replaces the cache file (see writeStateFile); a failure is ignored: the next run compiles again. */
function writeCompiledGraph(file, header, graphText) {
    (0,_util_state_file_js__WEBPACK_IMPORTED_MODULE_7__/* .writeStateFile */ .V)(file, `${JSON.stringify(header)}\n${graphText}`);
}


/***/ }),

/***/ 7229:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g2: () => (/* binding */ CONFIG_FILE),
  fc: () => (/* binding */ formatConfigProblem),
  Bu: () => (/* binding */ parseConfigText),
  RG: () => (/* binding */ readConfigFile),
  HH: () => (/* binding */ readJsonWithComments)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/esm/main.js + 5 modules
var main = __webpack_require__(9370);
// EXTERNAL MODULE: ./src/graph/json-position.ts
var json_position = __webpack_require__(8602);
// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
// EXTERNAL MODULE: ./src/util/strip-bom.ts
var strip_bom = __webpack_require__(3305);
// EXTERNAL MODULE: ./src/util/near-name.ts
var near_name = __webpack_require__(1466);
;// CONCATENATED MODULE: ./src/config/unknown-key.ts

/**
 * What an unknown key of disbuild.json is most likely meant to be: the same key in another case or number
 * (`output`, `Deps`), or what Turborepo calls it (`dependsOn`, `pipeline`), so that the message says what to write.
 */
/** Turborepo's names, where disbuild.json has a key of its own for the same thing. */
const TURBO_NAMES = {
    dependsOn: 'deps',
    pipeline: 'tasks',
};
/** Turborepo's top-level keys that `disbuild import turbo` translates into each task. */
const IMPORTED = new Set(['globalDependencies', 'globalEnv', 'globalPassThroughEnv']);
/** The message for `key`, unknown among `known`. */
function unknownKeyMessage(key, known) {
    const turbo = TURBO_NAMES[key];
    if (turbo !== undefined && known.has(turbo))
        return `unknown key; did you mean "${turbo}" (Turborepo's ${key})?`;
    if (IMPORTED.has(key))
        return `unknown key (Turborepo's; 'disbuild import turbo' translates a turbo.json)`;
    const near = (0,near_name/* nearName */.c)(key, known);
    if (near !== undefined)
        return `unknown key; did you mean "${near}"?`;
    return 'unknown key';
}

;// CONCATENATED MODULE: ./src/config/config-file.ts
/**
 * `disbuild.json`: the repository's own description of its build. Three sources of the graph share the file —
 * `graph` (a path), `graphCommand` (a command printing the graph) and `tasks` (compiled by compile.ts) — plus a
 * `salt`. This module reads the file and checks its shape; every problem is reported at once, each naming the
 * file, the task and the field.
 */


// The package's ES build: its UMD one reaches for `require`, which the bundle's chunks cannot hold.





const CONFIG_FILE = 'disbuild.json';
function formatConfigProblem(p) {
    const where = [p.file, p.task === undefined ? undefined : `task ${JSON.stringify(p.task)}`, p.field]
        .filter((s) => s !== undefined)
        .join(' ');
    return `${where}: ${p.message}`;
}
const TOP_KEYS = new Set(['$schema', 'graph', 'graphCommand', 'salt', 'tasks']);
const TASK_KEYS = new Set(['command', 'script', 'cwd', 'inputs', 'outputs', 'deps', 'env', 'description']);
const TASK_NAME = /^[^#^!\s][^#\s]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Reads `<dir>/disbuild.json`; `undefined` when there is none. */
async function readConfigFile(dir) {
    let text;
    try {
        // In one call, not through the thread pool: it is read as git's listings start, while they hold the cores.
        text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, CONFIG_FILE), 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        return (0,result/* err */._)([{ file: CONFIG_FILE, message: `cannot be read: ${e.message}` }]);
    }
    return parseConfigText(text);
}
/** The parser's message with the line and column where the text goes wrong, as an editor shows them. */
function withLine(message, text) {
    const at = (0,json_position/* jsonErrorLocation */.s)(text, message);
    return `${message} (line ${at.line}, column ${at.column})`;
}
/**
 * The file's value. Comments and trailing commas are allowed, as in turbo.json and tsconfig.json: JSON.parse reads
 * the file, and when it refuses, the same text with its comments and trailing commas blanked out (offsets kept, so
 * that its message points at the right line). JSON.parse, not a tolerant parser's values: those set a `__proto__`
 * key as the object's prototype, and a file with a comment then meant something else.
 */
function parseJsonWithComments(text, scan) {
    try {
        return (0,result.ok)(JSON.parse(text));
    }
    catch (e) {
        if (scan.trivia.length === 0)
            return (0,result/* err */._)(withLine(e.message, text));
    }
    // By UTF-16 unit, as the tokenizer's offsets and JSON.parse's positions count.
    const units = text.split('');
    for (const [at, length] of scan.trivia) {
        for (let i = at; i < at + length; i++)
            if (units[i] !== '\n' && units[i] !== '\r')
                units[i] = ' ';
    }
    const cleaned = units.join('');
    try {
        return (0,result.ok)(JSON.parse(cleaned));
    }
    catch (e) {
        return (0,result/* err */._)(withLine(e.message, cleaned));
    }
}
/** A JSON file's value, read as disbuild.json is: comments, trailing commas and a byte order mark allowed. */
function readJsonWithComments(withBom) {
    const text = (0,strip_bom/* stripBom */.F)(withBom);
    return parseJsonWithComments(text, scanJson(text, CONFIG_FILE));
}
/**
 * Checks the file's shape: unknown keys, wrong types and bad names are problems, all reported together. When the
 * file has tasks and nothing else is wrong with it as a whole, its problems travel with the config instead
 * (`shapeProblems`): a task keeps the fields that were right.
 */
function parseConfigText(withBom, file = CONFIG_FILE) {
    const text = (0,strip_bom/* stripBom */.F)(withBom);
    const scan = scanJson(text, file);
    const parsed = parseJsonWithComments(text, scan);
    if (!parsed.ok)
        return (0,result/* err */._)([{ file, message: `is not valid JSON: ${parsed.error}` }]);
    const raw = parsed.value;
    const problems = [...scan.duplicates];
    if (!isRecord(raw))
        return (0,result/* err */._)([{ file, message: `must be a JSON object, got ${describe(raw)}` }]);
    const config = {};
    for (const key of Object.keys(raw)) {
        if (!TOP_KEYS.has(key))
            problems.push({ file, field: key, message: unknownKeyMessage(key, TOP_KEYS) });
    }
    for (const key of ['graph', 'graphCommand', 'salt']) {
        const v = raw[key];
        if (v === undefined)
            continue;
        if (typeof v === 'string')
            config[key] = v;
        else
            problems.push({ file, field: key, message: `must be a string, got ${describe(v)}` });
    }
    if (raw.tasks !== undefined) {
        if (!isRecord(raw.tasks)) {
            problems.push({
                file,
                field: 'tasks',
                message: `must be an object of tasks, got ${describe(raw.tasks)}`,
            });
        }
        else {
            const tasks = new Map();
            const broken = new Set();
            for (const name of Object.keys(raw.tasks).sort()) {
                const read = readTask(name, raw.tasks[name], file, problems);
                tasks.set(name, read.spec);
                if (read.broken)
                    broken.add(name);
            }
            config.tasks = tasks;
            if (broken.size > 0)
                config.brokenTasks = broken;
        }
    }
    const sources = ['graph', 'graphCommand', 'tasks'].filter((k) => raw[k] !== undefined);
    if (sources.length > 1) {
        problems.push({ file, field: sources[1], message: `cannot be used together with "${sources[0]}"` });
    }
    if (problems.length === 0)
        return (0,result.ok)(config);
    const compilable = config.tasks !== undefined && sources.length === 1;
    return compilable ? (0,result.ok)({ ...config, shapeProblems: problems }) : (0,result/* err */._)(problems);
}
/**
 * Keys written more than once in one object (JSON.parse keeps the last without a word, and an edit of the other
 * copy then changes nothing), and where the comments and trailing commas are. A file nested beyond the
 * tokenizer's depth (thousands of levels) is not scanned: JSON.parse still reads it, as before.
 */
function scanJson(text, file) {
    const objects = [];
    const found = [];
    const trivia = [];
    let comma;
    const value = () => void (comma = undefined);
    const close = () => {
        if (comma !== undefined)
            trivia.push([comma, 1]);
        comma = undefined;
    };
    try {
        (0,main/* visit */.YR)(text, {
            onObjectBegin: () => {
                value();
                objects.push(new Map());
            },
            onObjectProperty: (key, _offset, _length, line, _column, pathSupplier) => {
                value();
                const seen = objects[objects.length - 1];
                const lines = seen.get(key);
                if (lines === undefined)
                    seen.set(key, [line + 1]);
                else {
                    if (lines.length === 1)
                        found.push({ path: [...pathSupplier(), key], lines });
                    lines.push(line + 1);
                }
            },
            onObjectEnd: () => {
                close();
                objects.pop();
            },
            onArrayBegin: value,
            onArrayEnd: close,
            onLiteralValue: value,
            onSeparator: (character, offset) => {
                if (character === ',')
                    comma = offset;
            },
            onComment: (offset, length) => void trivia.push([offset, length]),
        }, { allowTrailingComma: true, disallowComments: false });
    }
    catch (e) {
        if (!(e instanceof RangeError))
            throw e;
        return { duplicates: [], trivia: [] };
    }
    const duplicates = found.map(({ path, lines }) => {
        const where = new Set(lines).size === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
        const message = `written more than once (${where}); JSON keeps only the last, keep one`;
        if (path[0] === 'tasks' && path.length >= 2) {
            const field = fieldPath(path.slice(2));
            return { file, task: String(path[1]), ...(field === '' ? {} : { field }), message };
        }
        return { file, field: fieldPath(path), message };
    });
    return { duplicates, trivia };
}
/** A path in the file as the other problems spell it: `inputs[0].x`. */
function fieldPath(path) {
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
/** One task's spec, and whether its kind (command or script) could be told (see DisbuildConfig.brokenTasks). */
function readTask(name, raw, file, problems) {
    const add = (field, message) => {
        problems.push({ file, task: name, ...(field === undefined ? {} : { field }), message });
    };
    if (!TASK_NAME.test(name))
        add(undefined, 'task names must not contain "#" or spaces, nor start with "^" or "!"');
    if (!isRecord(raw)) {
        add(undefined, `must be an object, got ${describe(raw)}`);
        // Still a task: another's `deps` naming it is not also "unknown".
        return { spec: {}, broken: true };
    }
    for (const key of Object.keys(raw))
        if (!TASK_KEYS.has(key))
            add(key, unknownKeyMessage(key, TASK_KEYS));
    const spec = {};
    const cmd = raw.command;
    if (typeof cmd === 'string') {
        if (cmd.trim() === '')
            add('command', 'is empty');
        spec.command = cmd;
    }
    else if (Array.isArray(cmd)) {
        const argv = stringList(cmd, 'command', add);
        if (argv.length === 0)
            add('command', 'must not be an empty list');
        spec.command = argv;
    }
    else if (cmd !== undefined)
        add('command', `must be a string or a list of strings, got ${describe(cmd)}`);
    for (const key of ['script', 'cwd']) {
        const v = raw[key];
        if (v === undefined)
            continue;
        if (typeof v !== 'string')
            add(key, `must be a string, got ${describe(v)}`);
        else
            spec[key] = v;
    }
    if (spec.script === '')
        add('script', 'is empty');
    if ((raw.command === undefined) === (raw.script === undefined)) {
        add(undefined, 'needs exactly one of "command" (a shell string or argv) and "script" (a package.json script)');
    }
    const kindUnknown = (raw.command === undefined) === (raw.script === undefined) ||
        (cmd !== undefined && typeof cmd !== 'string' && !Array.isArray(cmd)) ||
        (raw.script !== undefined && (typeof raw.script !== 'string' || raw.script === ''));
    for (const key of ['inputs', 'outputs', 'deps', 'env']) {
        const v = raw[key];
        if (v === undefined)
            continue;
        if (!Array.isArray(v))
            add(key, `must be a list of strings, got ${describe(v)}`);
        else {
            const list = stringList(v, key, add);
            // Left out when an entry is not a string: what is said later of its entries would name them by their places
            // in a shorter list (`inputs[0]` for the second). The file is refused for that entry anyway.
            if (list.length === v.length)
                spec[key] = list;
        }
    }
    spec.env?.forEach((e, i) => {
        if (!ENV_NAME.test(e))
            add(`env[${i}]`, `must be an environment variable name, got ${JSON.stringify(e)}`);
    });
    return { spec, broken: kindUnknown };
}
function stringList(v, field, add) {
    const out = [];
    v.forEach((x, i) => {
        if (typeof x === 'string')
            out.push(x);
        else
            add(`${field}[${i}]`, `must be a string, got ${describe(x)}`);
    });
    return out;
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'an object';
    return `${typeof v} ${JSON.stringify(v)}`;
}


/***/ }),

/***/ 6943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   az: () => (/* binding */ readConfigSource),
/* harmony export */   nI: () => (/* binding */ configSourceOf),
/* harmony export */   q0: () => (/* binding */ compileConfig),
/* harmony export */   vQ: () => (/* binding */ compileListed)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _graph_validate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7093);
/* harmony import */ var _graph_validated_graph_cache_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4272);
/* harmony import */ var _ids_names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7259);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8251);
/* harmony import */ var _config_file_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7229);
/* harmony import */ var _compiled_graph_cache_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9085);
/* harmony import */ var _repo_files_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8682);










/** The graph source of `<dir>/disbuild.json`; undefined when there is no such file. */
async function readConfigSource(dir) {
    const read = await (0,_config_file_js__WEBPACK_IMPORTED_MODULE_6__/* .readConfigFile */ .RG)(dir);
    return read === undefined ? undefined : configSourceOf(read);
}
/** The graph source a read disbuild.json names (from a file, or from a commit: see the hook). */
function configSourceOf(read) {
    if (!read.ok)
        return read;
    const c = read.value;
    const salt = c.salt === undefined ? {} : { salt: c.salt };
    if (c.graph !== undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__.ok)({ kind: 'file', path: c.graph, ...salt });
    if (c.graphCommand !== undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__.ok)({ kind: 'command', command: c.graphCommand, ...salt });
    if (c.tasks !== undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__.ok)({ kind: 'tasks', config: { ...c, tasks: c.tasks }, ...salt });
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__/* .err */ ._)([
        {
            file: _config_file_js__WEBPACK_IMPORTED_MODULE_6__/* .CONFIG_FILE */ .g2,
            message: 'needs "tasks" (see the README), "graph" (a path) or "graphCommand" (a command printing the graph)',
        },
    ]);
}
/**
 * Compiles the tasks of disbuild.json at `root` into a validated Graph, and the graph JSON `disbuild graph`
 * prints. Environment variables named by tasks' `env` are read from `env`. `cached` says whether the compile was
 * skipped because nothing it reads changed since the graph in `shortcuts.cacheFile` was compiled; `vouch`, what
 * said so when stat data alone did.
 */
async function compileConfig(root, config, env, shortcuts = {}) {
    const shape = config.shapeProblems ?? [];
    // A config with problems compiles only to report its own: nothing kept is read or written.
    const { cacheFile, now, validatedFile } = shape.length > 0 ? {} : shortcuts;
    const configKey = cacheFile === undefined ? undefined : (0,_compiled_graph_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .configDigest */ .xv)(config, env);
    // While git lists the files: the kept graph read, the files it was compiled from checked by their stat data,
    // and the graph validated like any graph. Only the file list is left to compare when the listing arrives.
    const listing = shortcuts.files
        ? shortcuts.files.then((f) => f ?? (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_8__/* .listRepoFiles */ .c$)(root))
        : (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_8__/* .listRepoFiles */ .c$)(root);
    const kept = cacheFile && configKey ? (0,_compiled_graph_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .readKeptGraph */ .PS)(cacheFile, configKey, root) : undefined;
    const reusable = kept && (await validatedKept(kept.text, validatedFile));
    // Nothing kept to reuse: the compiler's modules are loaded while git lists, and without a cache the workspace's
    // manifests read (with one, their bytes must be hashed before the compile reads them: see below).
    let compiler = cacheFile !== undefined && kept && reusable ? undefined : loadCompiler(root, cacheFile === undefined);
    const files = await listing;
    const untracked = (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_8__/* .untrackedOf */ .V_)(files);
    const listKey = cacheFile === undefined ? undefined : (0,_compiled_graph_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .fileListDigest */ .tn)(files, untracked, (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_8__/* .typeChangedOf */ .qd)(files));
    let reads;
    if (cacheFile !== undefined &&
        kept &&
        reusable &&
        kept.header.files === listKey &&
        (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_8__/* .linksAsListed */ .pj)(root, kept.header.links, (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_8__/* .indexLinksOf */ .h8)(files), untracked)) {
        // What vouched for the graph by stat data, when every file read has settled stat data that do and the file
        // list is a function of git's answers alone.
        const vouch = (stats) => (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_8__/* .listedByGitAlone */ .iB)(files)
            ? {
                vouch: {
                    stats,
                    links: kept.header.links,
                    indexLinks: (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_8__/* .indexLinksOf */ .h8)(files),
                    untracked: untracked && [...untracked],
                    env: (0,_compiled_graph_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .envNames */ .MP)(config),
                },
            }
            : {};
        if (kept.readsUnchanged)
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__.ok)({ ...reusable, ...vouch(kept.header.stats) });
        // Stat data changed or was too recent to vouch: the bytes say.
        reads = (0,_compiled_graph_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .readFiles */ .Ul)(root, files, now);
        if (reads.digest === kept.header.reads) {
            // Kept with the stat data of now (a checkout rewrote the files, they settled), so that the next run need
            // not read them.
            if (!sameStats(reads.stats, kept.header.stats)) {
                (0,_compiled_graph_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .writeCompiledGraph */ .Ne)(cacheFile, { ...kept.header, stats: reads.stats }, kept.text);
            }
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__.ok)(Object.keys(reads.stats).length === reads.count ? { ...reusable, ...vouch(reads.stats) } : reusable);
        }
    }
    // Hashed before the compile reads them: a file changed in between leaves a record that never matches. The
    // compile then reads the very bytes hashed.
    if (cacheFile !== undefined)
        reads ??= (0,_compiled_graph_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .readFiles */ .Ul)(root, files, now);
    // Before the compile, as the bytes: a link retargeted meanwhile leaves a record that never matches.
    const listed = (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_8__/* .withoutDirectories */ .yL)(root, files, untracked);
    const loaded = await (compiler ??= loadCompiler(root, false));
    const compiled = await compileListed({ root, files: listed.files, untracked, manifests: reads?.texts ?? loaded.manifests }, config, env, loaded);
    if (!compiled.ok)
        return compiled;
    if (cacheFile !== undefined && configKey !== undefined && listKey !== undefined && reads !== undefined) {
        const header = {
            config: configKey,
            files: listKey,
            reads: reads.digest,
            readCount: reads.count,
            stats: reads.stats,
            links: listed.links,
        };
        (0,_compiled_graph_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .writeCompiledGraph */ .Ne)(cacheFile, header, JSON.stringify(compiled.value.json));
    }
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__.ok)({ ...compiled.value, cached: false });
}
/** Compiles the tasks of `config` over `input` into a validated Graph and its JSON. */
async function compileListed(input, config, env, loaded) {
    const { root, files, untracked } = input;
    const compiler = loaded ?? (await loadCompiler('', false));
    const problems = [];
    const workspace = await compiler.readWorkspace(root, files, problems, input.manifests);
    const compiled = compiler.compileTasks({
        config,
        workspace,
        files,
        env,
        ...(untracked ? { untracked } : {}),
    });
    problems.push(...compiled.problems.map((p) => (root === undefined ? p : withIgnoredFile(root, p))));
    const shape = config.shapeProblems ?? [];
    if (shape.length > 0 || problems.length > 0)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__/* .err */ ._)([...shape, ...problems]);
    // The validator empties the list it reads: it gets a copy, the JSON stays whole for printing. The inputs are
    // the listing's strings, shared already.
    const validated = (0,_graph_validate_js__WEBPACK_IMPORTED_MODULE_3__/* .validateGraph */ .d)({ ...compiled.graph, Jobs: [...compiled.graph.Jobs] }, { internInputs: false });
    if (!validated.ok) {
        const taskOf = new Map(compiled.graph.Jobs.map((j) => [j.Name, j.Name.replace(/^.*#/, '')]));
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__/* .err */ ._)(validated.error.map((p) => ({
            file: _config_file_js__WEBPACK_IMPORTED_MODULE_6__/* .CONFIG_FILE */ .g2,
            ...(p.job === undefined ? {} : { task: taskOf.get(p.job) ?? p.job }),
            field: p.field?.startsWith('Cmds') ? 'command' : (p.field ?? 'tasks'),
            message: p.message,
        })));
    }
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__.ok)({ graph: validated.value, json: compiled.graph });
}
async function loadCompiler(root, readAhead) {
    const [{ compileTasks }, { readWorkspace }, { prefetchManifests }] = await Promise.all([
        __webpack_require__.e(/* import() */ 953).then(__webpack_require__.bind(__webpack_require__, 4953)),
        __webpack_require__.e(/* import() */ 82).then(__webpack_require__.bind(__webpack_require__, 6082)),
        __webpack_require__.e(/* import() */ 691).then(__webpack_require__.bind(__webpack_require__, 6691)),
    ]);
    return { compileTasks, readWorkspace, manifests: readAhead ? prefetchManifests(root) : new Map() };
}
/**
 * A kept graph's JSON, validated, or undefined when it no longer validates (it is then compiled afresh, and its
 * problems reported). With `validatedFile`, a validation of the same text made by an earlier run is taken from
 * there, and the JSON is parsed only if a caller asks for it. Each step first lets the event loop take in what git
 * has written meanwhile.
 */
async function validatedKept(text, validatedFile) {
    await new Promise(setImmediate);
    const slot = validatedFile === undefined ? undefined : { file: validatedFile, key: (0,_graph_validated_graph_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .validatedGraphKey */ .sO)(text) };
    const earlier = slot && (0,_graph_validated_graph_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .readValidatedGraph */ .R7)(slot.file, slot.key);
    if (earlier !== undefined) {
        let json;
        return {
            graph: earlier.graph,
            get json() {
                return (json ??= JSON.parse(text));
            },
            cached: true,
        };
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (!Array.isArray(json.Jobs))
        return undefined;
    await new Promise(setImmediate);
    // The validator empties the list it reads: it gets a copy, the JSON stays whole for printing.
    const validated = (0,_graph_validate_js__WEBPACK_IMPORTED_MODULE_3__/* .validateGraph */ .d)({ ...json, Jobs: [...json.Jobs] });
    if (!validated.ok)
        return undefined;
    if (slot)
        (0,_graph_validated_graph_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .writeValidatedGraph */ .EC)(slot.file, slot.key, validated.value);
    return { graph: validated.value, json, cached: true };
}
function sameStats(a, b) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
/**
 * An input path that matches no file because git ignores the file there (`.env.local`) says so: "matches no
 * file" sent users looking for a file they could see.
 */
function withIgnoredFile(root, p) {
    // Asked of git, for a file that is there: one beyond a link, in a submodule or under .git is not "ignored".
    const there = p.unlisted?.find((rel) => {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, rel), { throwIfNoEntry: false });
        if (st === undefined || !(st.isFile() || st.isSymbolicLink()))
            return false;
        return ((0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)('git', [..._ids_names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_5__/* .NAMES_AS_ON_DISK */ .S, 'check-ignore', '-q', '--', rel], { cwd: root, stdio: 'ignore' })
            .status === 0);
    });
    if (there === undefined)
        return p;
    return {
        ...p,
        message: `${p.message}: ${JSON.stringify(there)} is there, but git ignores it (inputs are the files git tracks, and those it would add)`,
    };
}


/***/ }),

/***/ 3305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ stripBom)
/* harmony export */ });
/**
 * The text without a leading byte order mark, which some editors write at the start of a UTF-8 file: JSON.parse
 * refuses it, while npm and TypeScript read such a package.json or tsconfig.json as if it were not there.
 */
function stripBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}


/***/ })

};

return { id, ids, modules };
})