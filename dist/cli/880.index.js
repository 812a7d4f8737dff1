(function (__disbuild_import_meta) {const id = 880;
const ids = [880,82];
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
        const parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options, allowPositionals: true, strict: true });
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)({ values: parsed.values, positionals: parsed.positionals });
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

/***/ 7880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  importCommand: () => (/* binding */ importCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/config-file.ts
var config_file = __webpack_require__(3797);
;// CONCATENATED MODULE: ./src/config/import-turbo.ts
const SCHEMA_REF = './node_modules/disbuild/schema/disbuild.schema.json';
const IGNORED = new Set(['outputLogs', 'outputMode', 'interactive', 'description']);
/** Translates parsed turbo.json; `ws` says which packages have which scripts and the package manager. */
function importTurbo(turbo, ws) {
    const notes = [];
    const tasks = {};
    if (!isRecord(turbo))
        return { config: { $schema: SCHEMA_REF, tasks }, notes: ['turbo.json is not an object'] };
    const raw = isRecord(turbo.tasks) ? turbo.tasks : isRecord(turbo.pipeline) ? turbo.pipeline : {};
    const globalEnv = names(turbo.globalEnv, 'globalEnv', notes);
    if (Array.isArray(turbo.globalDependencies) && turbo.globalDependencies.length > 0) {
        notes.push(`globalDependencies (${turbo.globalDependencies.join(', ')}): not translated; disbuild inputs stay inside a task's package — put what they imply in "salt", or add them to a root task's inputs`);
    }
    for (const key of Object.keys(turbo).sort()) {
        if (!['$schema', 'tasks', 'pipeline', 'globalEnv', 'globalDependencies', 'ui', 'daemon'].includes(key)) {
            notes.push(`${key}: not translated`);
        }
    }
    const scripts = new Set();
    for (const p of ws.packages.values())
        for (const s of p.scripts.keys())
            scripts.add(s);
    for (const name of Object.keys(raw).sort()) {
        const t = raw[name];
        if (!isRecord(t))
            continue;
        if (name.includes('#')) {
            notes.push(`${name}: a package-specific task is not translated (a disbuild task applies to every package with the script)`);
            continue;
        }
        if (t.persistent === true) {
            notes.push(`${name}: persistent (long-running) task left out: a build graph only runs tasks that finish`);
            continue;
        }
        if (!scripts.has(name)) {
            notes.push(`${name}: no package has a "${name}" script; left out`);
            continue;
        }
        tasks[name] = translateTask(name, t, globalEnv, notes);
    }
    // Turborepo skips a dependency on a task no package has; disbuild refuses one: it is dropped, and said so.
    for (const [name, spec] of Object.entries(tasks)) {
        if (!spec.deps)
            continue;
        const kept = spec.deps.filter((d) => {
            if (tasks[d.replace(/^\^/, '')] !== undefined)
                return true;
            notes.push(`${name}: dependsOn ${JSON.stringify(d)} names a task left out above; dropped`);
            return false;
        });
        if (kept.length > 0)
            spec.deps = kept;
        else
            delete spec.deps;
    }
    return { config: { $schema: SCHEMA_REF, tasks }, notes };
}
function translateTask(name, t, globalEnv, notes) {
    const spec = { script: name };
    const deps = [];
    const env = [...globalEnv];
    for (const d of strings(t.dependsOn)) {
        if (d.startsWith('$'))
            env.push(d.slice(1));
        else if (d.includes('#'))
            notes.push(`${name}: dependsOn ${JSON.stringify(d)} (a package-specific task) not translated`);
        else
            deps.push(d);
    }
    if (deps.length > 0)
        spec.deps = deps;
    const inputs = translateInputs(name, strings(t.inputs), notes);
    if (inputs)
        spec.inputs = inputs;
    const outputs = strings(t.outputs).filter((o) => {
        if (!o.includes('$TURBO_'))
            return true;
        notes.push(`${name}: output ${JSON.stringify(o)} not translated`);
        return false;
    });
    if (outputs.length > 0)
        spec.outputs = outputs;
    env.push(...names(t.env, `${name}: env`, notes));
    if (env.length > 0)
        spec.env = [...new Set(env)].sort();
    if (t.cache === false) {
        notes.push(`${name}: "cache": false not translated; disbuild caches every task by its inputs, command and env`);
    }
    if (Array.isArray(t.passThroughEnv) && t.passThroughEnv.length > 0) {
        notes.push(`${name}: passThroughEnv not translated; commands see only PATH, HOME and the task's env`);
    }
    for (const key of Object.keys(t)) {
        const known = ['dependsOn', 'inputs', 'outputs', 'env', 'cache', 'persistent', 'passThroughEnv'];
        if (!known.includes(key) && !IGNORED.has(key))
            notes.push(`${name}: ${key} not translated`);
    }
    return spec;
}
/** `$TURBO_DEFAULT$` is disbuild's default (every file of the package); `$TURBO_ROOT$` has no equivalent. */
function translateInputs(name, inputs, notes) {
    if (inputs.length === 0)
        return undefined;
    const out = [];
    for (const i of inputs) {
        if (i === '$TURBO_DEFAULT$')
            out.push('**');
        else if (i.includes('$TURBO_ROOT$') || i.startsWith('../')) {
            notes.push(`${name}: input ${JSON.stringify(i)} outside the package not translated`);
        }
        else
            out.push(i);
    }
    if (out.length === 0)
        return undefined;
    // Exclusions alone take away from Turborepo's default, which is every file of the package.
    return out.every((i) => i.startsWith('!')) ? ['**', ...out] : out;
}
/** Variable names; wildcards and exclusions have no equivalent. */
function names(v, where, notes) {
    return strings(v).filter((n) => {
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n))
            return true;
        notes.push(`${where} ${JSON.stringify(n)} not translated (disbuild names variables one by one)`);
        return false;
    });
}
function strings(v) {
    return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// EXTERNAL MODULE: ./src/config/repo-files.ts
var repo_files = __webpack_require__(8682);
// EXTERNAL MODULE: ./src/config/workspaces.ts
var workspaces = __webpack_require__(6082);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/esm/main.js + 5 modules
var main = __webpack_require__(9370);
;// CONCATENATED MODULE: ./src/cli/commands/import.ts








// The package's ES build: its UMD one reaches for `require`, which the bundle's chunks cannot hold.

const HELP = `Usage: disbuild import turbo [--source-dir DIR] [--force] [--stdout]

Reads turbo.json ("tasks", or "pipeline") and the workspaces, and writes an equivalent disbuild.json beside it.
Everything that has no equivalent is listed on stderr.

Options:
  --source-dir DIR   the repository (default: current directory)
  --force            replace an existing disbuild.json
  --stdout           print the configuration instead of writing it
`;
/** `disbuild import turbo`: turbo.json to disbuild.json. */
const importCommand = async (argv, io) => {
    const parsed = (0,args/* parseCommandArgs */.Qx)(argv, {
        'source-dir': { type: 'string' },
        force: { type: 'boolean' },
        stdout: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
    });
    if (parsed.ok && parsed.value.values.help) {
        io.stdout.write(HELP);
        return cli_io/* EXIT */.d.ok;
    }
    const from = parsed.ok ? parsed.value.positionals[0] : undefined;
    if (!parsed.ok || from !== 'turbo' || parsed.value.positionals.length !== 1) {
        const why = !parsed.ok
            ? parsed.error
            : from === undefined
                ? 'say what to import: turbo'
                : `cannot import ${JSON.stringify(from)}; only turbo`;
        io.stderr.write(`disbuild import: ${why}\n${HELP}`);
        return cli_io/* EXIT */.d.usage;
    }
    const v = parsed.value.values;
    const root = (0,external_node_path_.resolve)(io.cwd, v['source-dir'] ?? '.');
    let turbo;
    try {
        // turbo.json may hold comments and trailing commas, as Turborepo reads it.
        const errors = [];
        turbo = (0,main/* parse */.qg)(await (0,promises_.readFile)((0,external_node_path_.join)(root, 'turbo.json'), 'utf8'), errors, {
            allowTrailingComma: true,
        });
        const first = errors[0];
        if (first)
            throw new Error(`${(0,main/* printParseErrorCode */._n)(first.error)} at offset ${first.offset}`);
    }
    catch (e) {
        io.stderr.write(`disbuild import: cannot read ${(0,external_node_path_.join)(root, 'turbo.json')}: ${e.message}\n`);
        return cli_io/* EXIT */.d.usage;
    }
    const target = (0,external_node_path_.join)(root, config_file/* CONFIG_FILE */.g2);
    if (!v.stdout &&
        !v.force &&
        (await (0,promises_.access)(target).then(() => true, () => false))) {
        io.stderr.write(`disbuild import: ${target} exists; pass --force to replace it, or --stdout\n`);
        return cli_io/* EXIT */.d.usage;
    }
    const problems = [];
    const files = await (0,repo_files/* listRepoFiles */.c$)(root);
    const ws = await (0,workspaces.readWorkspace)(root, files, problems);
    for (const p of problems)
        io.stderr.write(`disbuild import: ${p.file}: ${p.message}\n`);
    const result = importTurbo(turbo, ws);
    // A package's own turbo.json (`extends`) changes its tasks there: said, not silently dropped.
    for (const f of files) {
        if (f !== 'turbo.json' && f.endsWith('/turbo.json'))
            result.notes.push(`${f}: a package's own configuration not translated`);
    }
    const text = `${JSON.stringify(result.config, null, 2)}\n`;
    if (v.stdout)
        io.stdout.write(text);
    else
        await (0,promises_.writeFile)(target, text);
    const n = Object.keys(result.config.tasks).length;
    io.stderr.write(`disbuild import: ${n} task${n === 1 ? '' : 's'} translated${v.stdout ? '' : ` into ${target}`}\n`);
    if (result.notes.length > 0) {
        io.stderr.write(`Not translated:\n${result.notes.map((s) => `  - ${s}\n`).join('')}`);
    }
    return cli_io/* EXIT */.d.ok;
};


/***/ }),

/***/ 3797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bu: () => (/* binding */ parseConfigText),
/* harmony export */   RG: () => (/* binding */ readConfigFile),
/* harmony export */   fc: () => (/* binding */ formatConfigProblem),
/* harmony export */   g2: () => (/* binding */ CONFIG_FILE)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8251);
/**
 * `disbuild.json`: the repository's own description of its build. Three sources of the graph share the file —
 * `graph` (a path), `graphCommand` (a command printing the graph) and `tasks` (compiled by compile.ts) — plus a
 * `salt`. This module reads the file and checks its shape; every problem is reported at once, each naming the
 * file, the task and the field.
 */



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
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, CONFIG_FILE), 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)([{ file: CONFIG_FILE, message: `cannot be read: ${e.message}` }]);
    }
    return parseConfigText(text);
}
/**
 * Checks the file's shape: unknown keys, wrong types and bad names are problems, all reported together. When the
 * file has tasks and nothing else is wrong with it as a whole, its problems travel with the config instead
 * (`shapeProblems`): a task keeps the fields that were right.
 */
function parseConfigText(text, file = CONFIG_FILE) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (e) {
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)([{ file, message: `is not valid JSON: ${e.message}` }]);
    }
    const problems = [];
    if (!isRecord(raw))
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)([{ file, message: `must be a JSON object, got ${describe(raw)}` }]);
    const config = {};
    for (const key of Object.keys(raw)) {
        if (!TOP_KEYS.has(key))
            problems.push({ file, field: key, message: 'unknown key' });
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
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__.ok)(config);
    const compilable = config.tasks !== undefined && sources.length === 1;
    return compilable ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__.ok)({ ...config, shapeProblems: problems }) : (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)(problems);
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
            add(key, 'unknown key');
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
        else
            spec[key] = stringList(v, key, add);
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

/***/ 8682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sn: () => (/* binding */ startRepoFiles),
/* harmony export */   V_: () => (/* binding */ untrackedOf),
/* harmony export */   Yj: () => (/* binding */ fileRange),
/* harmony export */   c$: () => (/* binding */ listRepoFiles),
/* harmony export */   jv: () => (/* binding */ hasFile),
/* harmony export */   mz: () => (/* binding */ filesUnder),
/* harmony export */   yL: () => (/* binding */ withoutDirectories)
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
/**
 * `files` less the directories git lists like files: a submodule (a gitlink) and a link to a directory. Neither
 * can be an input (a task's inputs are files), and a glob such as the default `**` must not choose them.
 */
function withoutDirectories(root, files) {
    const out = files.filter((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(`${root}/${f}`, { throwIfNoEntry: false })?.isDirectory() !== true);
    return out.length === files.length ? files : out;
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

/***/ 6082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readWorkspace: () => (/* binding */ readWorkspace)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _repo_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8682);
/**
 * Workspace packages: npm and yarn `workspaces` in the root package.json, or pnpm's pnpm-workspace.yaml. Each
 * package's name, directory, scripts, and the other packages of the workspace it depends on.
 *
 * Deals with: finding packages among the repository's files and reading their package.json.
 * Does not deal with: tasks (compile.ts) or installing anything.
 */





const DEP_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
/**
 * The workspace of the repository at `root`, whose files (sorted, relative) are `files`. `manifests`: package.json
 * texts read ahead (see workspace-prefetch.ts), used for the listed ones among them instead of reading them again.
 */
async function readWorkspace(root, files, problems, manifests = new Map()) {
    const readPackageJson = (path) => readManifest(root, path, manifests.get(path), problems);
    const rootPkg = (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'package.json') ? readPackageJson('package.json') : undefined;
    let patterns;
    let manager = 'npm';
    if ((0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'pnpm-workspace.yaml')) {
        manager = 'pnpm';
        patterns = await pnpmPatterns(root, problems);
    }
    else if (rootPkg) {
        const ws = rootPkg.workspaces;
        const list = Array.isArray(ws)
            ? ws
            : isRecord(ws) && Array.isArray(ws.packages)
                ? ws.packages
                : undefined;
        if (list)
            patterns = list.filter((p) => typeof p === 'string');
        // Read as no workspace at all, it made every script task's problem "the root package.json has no script".
        if (ws !== undefined && (list === undefined || patterns.length !== list.length)) {
            problems.push({
                file: 'package.json',
                field: 'workspaces',
                message: 'must be a list of globs, or an object whose "packages" is one',
            });
        }
    }
    if (typeof rootPkg?.packageManager === 'string') {
        const m = /^(npm|yarn|pnpm)@/.exec(rootPkg.packageManager);
        if (m)
            manager = m[1];
    }
    else if ((0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'pnpm-lock.yaml'))
        manager = 'pnpm';
    else if ((0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'yarn.lock'))
        manager = 'yarn';
    const packages = new Map();
    if (patterns === undefined) {
        if (rootPkg)
            packages.set(packageName(rootPkg, ''), toPackage(rootPkg, '', new Set()));
        return { packages, declared: false, manager };
    }
    const dirs = packageDirs(files, patterns);
    // Synchronous: a thousand small reads in a loop cost less than a thousand thread-pool round trips.
    const read = dirs.map((d) => readPackageJson(`${d}/package.json`));
    const dirsOf = new Map();
    const pkgs = [];
    dirs.forEach((dir, i) => {
        const json = read[i];
        if (!json)
            return;
        const name = packageName(json, dir);
        const same = dirsOf.get(name);
        if (same === undefined)
            dirsOf.set(name, [dir]);
        else
            same.push(dir);
        pkgs.push({ json, dir, name });
    });
    // A name two packages declare is neither's: which one a dependency means cannot be told, and picking one
    // brought problems of its own making (a cycle through the other's dependencies).
    const names = new Set();
    for (const [name, where] of dirsOf) {
        if (where.length === 1)
            names.add(name);
        else {
            problems.push({
                file: `${where[1]}/package.json`,
                field: 'name',
                message: `package ${name} is declared ${where.length === 2 ? 'twice' : `${where.length} times`}: in ${where.map((d) => `${d}/package.json`).join(', ')}`,
            });
        }
    }
    for (const { json, dir, name } of pkgs)
        if (names.has(name))
            packages.set(name, toPackage(json, dir, names));
    return { packages, declared: true, manager };
}
/** Directories holding a package.json that the workspace globs choose (`!` excludes), sorted. */
function packageDirs(files, patterns) {
    const norm = (p) => node_path__WEBPACK_IMPORTED_MODULE_2__.posix.normalize(p).replace(/^\.\//, '').replace(/\/+$/, '');
    const include = patterns.filter((p) => !p.startsWith('!')).map(norm);
    const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => norm(p.slice(1)));
    const isIn = picomatch__WEBPACK_IMPORTED_MODULE_4___default()(include.length > 0 ? include : ['\0'], { dot: false });
    const isOut = exclude.length > 0 ? picomatch__WEBPACK_IMPORTED_MODULE_4___default()(exclude) : () => false;
    const dirs = [];
    for (const f of files) {
        if (!f.endsWith('/package.json') || f.includes('node_modules/'))
            continue;
        const dir = f.slice(0, -'/package.json'.length);
        if (isIn(dir) && !isOut(dir))
            dirs.push(dir);
    }
    return dirs;
}
async function pnpmPatterns(root, problems) {
    const file = 'pnpm-workspace.yaml';
    try {
        // The YAML parser is a large module: loaded only for the repositories that have this file.
        const { parse: parseYaml } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
        const doc = parseYaml(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, file), 'utf8'));
        const list = isRecord(doc) ? doc.packages : undefined;
        if (list === undefined || list === null)
            return [];
        if (!Array.isArray(list) || list.some((p) => typeof p !== 'string')) {
            problems.push({ file, field: 'packages', message: 'must be a list of globs' });
            return [];
        }
        return list;
    }
    catch (e) {
        problems.push({ file, message: `cannot be read: ${e.message.split('\n')[0]}` });
        return [];
    }
}
/** A package.json, from `text` when it was read already. */
function readManifest(root, path, text, problems) {
    try {
        const json = JSON.parse(text ?? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, path), 'utf8'));
        if (isRecord(json))
            return json;
        problems.push({ file: path, message: 'must be a JSON object' });
    }
    catch (e) {
        problems.push({ file: path, message: `cannot be read: ${e.message}` });
    }
    return undefined;
}
/** A package without a name is known by its directory (the root's by "//", as Turborepo calls it). */
function packageName(json, dir) {
    return typeof json.name === 'string' && json.name !== '' ? json.name : dir === '' ? '//' : dir;
}
function toPackage(json, dir, names) {
    const scripts = new Map();
    if (isRecord(json.scripts)) {
        for (const [k, v] of Object.entries(json.scripts))
            if (typeof v === 'string')
                scripts.set(k, v);
    }
    const self = packageName(json, dir);
    const deps = new Set();
    for (const field of DEP_FIELDS) {
        const d = json[field];
        if (isRecord(d))
            for (const n of Object.keys(d))
                if (names.has(n) && n !== self)
                    deps.add(n);
    }
    return { name: self, dir, scripts, deps: [...deps].sort() };
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
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
/* harmony export */   q_: () => (/* binding */ gitText),
/* harmony export */   s0: () => (/* binding */ gitBytes),
/* harmony export */   vZ: () => (/* binding */ gitTexts),
/* harmony export */   wP: () => (/* binding */ workTreePrefix)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8251);


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
            ...(options.env ? { env: options.env } : {}),
        });
        // git may exit before reading all of its input (an error): the broken pipe is its exit code's to report.
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(options.input);
        // Decoded chunk by chunk (a multi-byte character split across chunks is handled by the stream's decoder).
        child.stdout.setEncoding('utf8');
        let out = '';
        const errOut = [];
        child.stdout.on('data', (s) => (out += s));
        child.stderr.on('data', (b) => errOut.push(b));
        child.on('error', (e) => resolve((0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(`git ${args[0] ?? ''}: ${e.message}`)));
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
function gitTexts(cwd, commands) {
    const script = commands
        .map((args, i) => `{ git ${args.map(shellWord).join(' ')} >&${3 + i} 2>/dev/null; echo ${i} $?; } &`)
        .concat('wait')
        .join('\n');
    let child;
    try {
        child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('sh', ['-c', script], {
            cwd,
            stdio: ['ignore', 'pipe', 'ignore', ...commands.map(() => 'pipe')],
        });
    }
    catch {
        return commands.map(() => Promise.resolve({ code: undefined, out: '' }));
    }
    const outs = commands.map(() => '');
    commands.forEach((_, i) => {
        const pipe = child.stdio[3 + i];
        pipe.setEncoding('utf8');
        pipe.on('data', (s) => (outs[i] += s));
    });
    let statusText = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s) => (statusText += s));
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

/***/ 8251:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ err),
/* harmony export */   ok: () => (/* binding */ ok)
/* harmony export */ });
const ok = (value) => ({ ok: true, value });
const err = (error) => ({ ok: false, error });


/***/ })

};

return { id, ids, modules };
})