(function (__disbuild_import_meta) {const id = 76;
const ids = [76,82];
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
// EXTERNAL MODULE: ./src/config/config-file.ts + 1 modules
var config_file = __webpack_require__(7229);
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
    for (const key of ['tasks', 'pipeline']) {
        if (turbo[key] === undefined)
            continue;
        if (!isRecord(turbo[key]))
            notes.push(`${key}: not an object; not translated`);
        else if (raw !== turbo[key])
            notes.push(`${key}: not translated (Turborepo reads "tasks" when both are there)`);
    }
    const globalDependencies = strings(turbo.globalDependencies, 'globalDependencies', notes);
    // Before Turborepo 2, `$NAME` among them was an environment variable every task's hash covers.
    const globalEnv = [
        ...names(turbo.globalEnv, 'globalEnv', notes),
        ...names(globalDependencies.filter((g) => g.startsWith('$')).map((g) => g.slice(1)), 'globalDependencies $', notes),
    ];
    // Files at the root every task's hash covers: inputs from the repository's root (`//`) of every task.
    const globalInputs = globalDependencies
        .filter((g) => !g.startsWith('$'))
        .map((g) => (g.startsWith('!') ? `!//${g.slice(1)}` : `//${g}`));
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
        if (!isRecord(t)) {
            notes.push(`${name}: not an object; left out`);
            continue;
        }
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
        const spec = translateTask(name, t, globalEnv, notes);
        if (globalInputs.length > 0)
            spec.inputs = [...(spec.inputs ?? ['**']), ...globalInputs];
        tasks[name] = spec;
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
    for (const d of strings(t.dependsOn, `${name}: dependsOn`, notes)) {
        if (d.startsWith('$'))
            env.push(...names([d.slice(1)], `${name}: dependsOn $`, notes));
        else if (d.includes('#'))
            notes.push(`${name}: dependsOn ${JSON.stringify(d)} (a package-specific task) not translated`);
        else
            deps.push(d);
    }
    if (deps.length > 0)
        spec.deps = deps;
    const inputs = translateInputs(name, strings(t.inputs, `${name}: inputs`, notes), notes);
    if (inputs)
        spec.inputs = inputs;
    const outputs = strings(t.outputs, `${name}: outputs`, notes).filter((o) => {
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
/**
 * `$TURBO_DEFAULT$` is disbuild's default (every file of the package); `$TURBO_ROOT$/` is `//`, the repository's
 * root.
 */
function translateInputs(name, inputs, notes) {
    if (inputs.length === 0)
        return undefined;
    const out = [];
    for (const i of inputs) {
        const rooted = /^(!?)\$TURBO_ROOT\$\/(.+)$/.exec(i);
        if (i === '$TURBO_DEFAULT$')
            out.push('**');
        else if (rooted !== null && !rooted[2].startsWith('../'))
            out.push(`${rooted[1]}//${rooted[2]}`);
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
    return strings(v, where, notes).filter((n) => {
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n))
            return true;
        notes.push(`${where} ${JSON.stringify(n)} not translated (disbuild names variables one by one)`);
        return false;
    });
}
/** A list of strings; anything else in its place is said, not silently dropped. */
function strings(v, where, notes) {
    if (v === undefined)
        return [];
    if (!Array.isArray(v)) {
        notes.push(`${where}: must be a list, got ${JSON.stringify(v)}; not translated`);
        return [];
    }
    const kept = v.filter((x) => typeof x === 'string');
    if (kept.length < v.length)
        notes.push(`${where}: entries that are not strings left out`);
    return kept;
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// EXTERNAL MODULE: ./src/config/load-config.ts
var load_config = __webpack_require__(6943);
// EXTERNAL MODULE: ./src/config/repo-files.ts
var repo_files = __webpack_require__(8682);
// EXTERNAL MODULE: ./src/config/workspaces.ts
var workspaces = __webpack_require__(6082);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
;// CONCATENATED MODULE: ./src/cli/commands/import.ts









const HELP = `Usage: disbuild import turbo [--source-dir DIR] [--force] [--stdout]

Reads turbo.json or turbo.jsonc ("tasks", or "pipeline") and the workspaces, and writes an equivalent disbuild.json beside it.
Everything that has no equivalent is listed on stderr. Exits with 1, after writing it, when the configuration
needs fixing before it can run (listed too); with 2 when nothing was written.

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
    const exists = (path) => (0,promises_.access)(path).then(() => true, () => false);
    // turbo.json, or turbo.jsonc as Turborepo 2 also reads it; either may hold comments and trailing commas.
    const jsonc = (0,external_node_path_.join)(root, 'turbo.jsonc');
    const source = !(await exists((0,external_node_path_.join)(root, 'turbo.json'))) && (await exists(jsonc)) ? jsonc : (0,external_node_path_.join)(root, 'turbo.json');
    try {
        const read = (0,config_file/* readJsonWithComments */.HH)(await (0,promises_.readFile)(source, 'utf8'));
        if (!read.ok)
            throw new Error(read.error);
        turbo = read.value;
    }
    catch (e) {
        io.stderr.write(`disbuild import: cannot read ${source}: ${e.message}\n`);
        return cli_io/* EXIT */.d.usage;
    }
    const target = (0,external_node_path_.join)(root, config_file/* CONFIG_FILE */.g2);
    if (!v.stdout && !v.force && (await exists(target))) {
        io.stderr.write(`disbuild import: ${target} exists; pass --force to replace it, or --stdout\n`);
        return cli_io/* EXIT */.d.usage;
    }
    const problems = [];
    const files = await (0,repo_files/* listRepoFiles */.c$)(root);
    const ws = await (0,workspaces.readWorkspace)(root, files, problems);
    for (const p of problems)
        io.stderr.write(`disbuild import: ${p.file}: ${p.message}\n`);
    const result = importTurbo(turbo, ws);
    if (source !== jsonc && (await exists(jsonc)))
        result.notes.push('turbo.jsonc: not read (turbo.json is)');
    // A package's own turbo.json (`extends`) changes its tasks there: said, not silently dropped.
    for (const f of files) {
        if (f.includes('/') && (f.endsWith('/turbo.json') || f.endsWith('/turbo.jsonc')))
            result.notes.push(`${f}: a package's own configuration not translated`);
    }
    const toFix = await leaveOutEmptyInputs(root, result, io.env);
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
    if (toFix.length > 0) {
        io.stderr.write(`To fix before it runs:\n${toFix.map((p) => `  - ${(0,config_file/* formatConfigProblem */.fc)(p)}\n`).join('')}`);
        // Written, to be fixed in place; but `disbuild import turbo && disbuild run` must not go on as if it could run.
        // Not 2: that says nothing was written (bad usage, turbo.json unreadable, disbuild.json there already).
        return cli_io/* EXIT */.d.failed;
    }
    return cli_io/* EXIT */.d.ok;
};
/**
 * Turborepo accepts an input glob that matches no file; disbuild refuses one (a mistyped glob would leave a key
 * blind to what was meant). Compiled against the repository, such globs are left out of the translation, and
 * said so; a task left with none reads every file of its package. Answers what else the compile finds.
 */
async function leaveOutEmptyInputs(root, result, env) {
    const compile = async () => {
        const parsed = (0,config_file/* parseConfigText */.Bu)(JSON.stringify(result.config));
        if (!parsed.ok)
            return parsed.error;
        const config = parsed.value;
        if (config.tasks === undefined)
            return [];
        const compiled = await (0,load_config/* compileConfig */.q0)(root, { ...config, tasks: config.tasks }, env);
        return compiled.ok ? [] : compiled.error;
    };
    const problems = await compile();
    const empty = new Map();
    for (const p of problems) {
        const at = /^inputs\[(\d+)\]$/.exec(p.field ?? '');
        if (p.task === undefined || at === null || p.matchesNothing !== true)
            continue;
        empty.set(p.task, (empty.get(p.task) ?? new Set()).add(Number(at[1])));
    }
    if (empty.size === 0)
        return problems;
    for (const [task, indices] of empty) {
        const spec = result.config.tasks[task];
        const inputs = spec.inputs ?? [];
        for (const i of indices) {
            result.notes.push(`${task}: input ${JSON.stringify(inputs[i])} matches no file of a package with the script; left out`);
        }
        const kept = inputs.filter((_, i) => !indices.has(i));
        if (kept.some((g) => !g.startsWith('!')))
            spec.inputs = kept;
        else
            delete spec.inputs;
    }
    return compile();
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
/* harmony import */ var _util_strip_bom_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3305);
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
 * `root` undefined: there is no work tree to read (a commit's objects), and `manifests` holds every manifest and
 * pnpm-workspace.yaml that `files` lists.
 */
async function readWorkspace(root, files, problems, manifests = new Map()) {
    const known = problems.length;
    const readPackageJson = (path) => readManifest(root, path, manifests.get(path), problems);
    const rootPkg = (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'package.json') ? readPackageJson('package.json') : undefined;
    let patterns;
    let manager = 'npm';
    if ((0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'pnpm-workspace.yaml')) {
        manager = 'pnpm';
        patterns = await pnpmPatterns(root, manifests.get('pnpm-workspace.yaml'), problems);
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
        const m = /^(npm|yarn|pnpm|bun)@/.exec(rootPkg.packageManager);
        if (m)
            manager = m[1];
    }
    else if ((0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'pnpm-lock.yaml'))
        manager = 'pnpm';
    else if ((0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'yarn.lock'))
        manager = 'yarn';
    else if ((0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'bun.lock') || (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'bun.lockb'))
        manager = 'bun';
    const packages = new Map();
    if (patterns === undefined) {
        if (rootPkg)
            packages.set(packageName(rootPkg, ''), toPackage(rootPkg, '', new Set()));
        return { packages, declared: false, manager, incomplete: problems.length > known };
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
    return { packages, declared: true, manager, incomplete: problems.length > known };
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
async function pnpmPatterns(root, text, problems) {
    const file = 'pnpm-workspace.yaml';
    try {
        // The YAML parser is a large module: loaded only for the repositories that have this file.
        const { parse: parseYaml } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
        const doc = parseYaml(text ?? (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(inWorkTree(root, file), 'utf8')));
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
        const json = JSON.parse((0,_util_strip_bom_js__WEBPACK_IMPORTED_MODULE_5__/* .stripBom */ .F)(text ?? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(inWorkTree(root, path), 'utf8')));
        if (isRecord(json)) {
            // Fields the compile reads, of a type it would otherwise pass over without a word (a package then known by
            // its directory, or without its dependencies).
            if (json.name !== undefined && typeof json.name !== 'string')
                problems.push({ file: path, field: 'name', message: 'must be a string' });
            for (const field of ['scripts', ...DEP_FIELDS]) {
                if (json[field] !== undefined && !isRecord(json[field]))
                    problems.push({ file: path, field, message: 'must be an object' });
            }
            return json;
        }
        problems.push({ file: path, message: 'must be a JSON object' });
    }
    catch (e) {
        problems.push({ file: path, message: `cannot be read: ${e.message}` });
    }
    return undefined;
}
/** `path` in the work tree at `root`; without one, a file not given cannot be read. */
function inWorkTree(root, path) {
    if (root === undefined)
        throw new Error('not among the files read');
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, path);
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
        if (!isRecord(d))
            continue;
        for (const [key, spec] of Object.entries(d)) {
            const n = aliasedWorkspacePackage(spec) ?? key;
            if (names.has(n) && n !== self)
                deps.add(n);
        }
    }
    return { name: self, dir, scripts, deps: [...deps].sort() };
}
/**
 * The package a pnpm alias of a workspace package names (`"my-a": "workspace:@org/a@*"`, `workspace:a@^1`), for
 * which the key is only the name it is imported by; undefined for every other version specification.
 */
function aliasedWorkspacePackage(spec) {
    if (typeof spec !== 'string' || !spec.startsWith('workspace:'))
        return undefined;
    // As pnpm reads it: a name, then `@` and the version range (`workspace:^1` has no `@`, so no name).
    return /^workspace:([^._/][^@]*)@/.exec(spec)?.[1];
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