(function (__disbuild_import_meta) {const id = 880;
const ids = [880,82];
const modules = {

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


/***/ })

};

return { id, ids, modules };
})