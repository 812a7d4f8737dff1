(function (__disbuild_import_meta) {const id = 788;
const ids = [788];
const modules = {

/***/ 3797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bu: () => (/* binding */ parseConfigText),
/* harmony export */   RG: () => (/* binding */ readConfigFile),
/* harmony export */   fc: () => (/* binding */ formatConfigProblem),
/* harmony export */   g2: () => (/* binding */ CONFIG_FILE)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
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
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, CONFIG_FILE), 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)([{ file: CONFIG_FILE, message: `cannot be read: ${e.message}` }]);
    }
    return parseConfigText(text);
}
/** Checks the file's shape: unknown keys, wrong types and bad names are problems, all reported together. */
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
            for (const name of Object.keys(raw.tasks).sort()) {
                const spec = readTask(name, raw.tasks[name], file, problems);
                if (spec)
                    tasks.set(name, spec);
            }
            config.tasks = tasks;
        }
    }
    const sources = ['graph', 'graphCommand', 'tasks'].filter((k) => raw[k] !== undefined);
    if (sources.length > 1) {
        problems.push({ file, field: sources[1], message: `cannot be used together with "${sources[0]}"` });
    }
    return problems.length > 0 ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__/* .err */ ._)(problems) : (0,_util_result_js__WEBPACK_IMPORTED_MODULE_2__.ok)(config);
}
function readTask(name, raw, file, problems) {
    const add = (field, message) => {
        problems.push({ file, task: name, ...(field === undefined ? {} : { field }), message });
    };
    if (!TASK_NAME.test(name))
        add(undefined, 'task names must not contain "#" or spaces, nor start with "^" or "!"');
    if (!isRecord(raw)) {
        add(undefined, `must be an object, got ${describe(raw)}`);
        return undefined;
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
    return spec;
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

/***/ 8788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q0: () => (/* binding */ compileConfig),
  nI: () => (/* binding */ configSourceOf),
  az: () => (/* binding */ readConfigSource)
});

// EXTERNAL MODULE: ./src/graph/validate.ts + 2 modules
var validate = __webpack_require__(7093);
// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/graph/cycles.ts
var cycles = __webpack_require__(8213);
// EXTERNAL MODULE: ./src/config/config-file.ts
var config_file = __webpack_require__(3797);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/config/globs.ts


/**
 * Normalises one pattern relative to a directory: `./a` → `a`, `dir/` → `dir/**`; answers an error for absolute
 * patterns and patterns that climb out with `..`.
 */
function normalizePattern(pattern) {
    const p = pattern.startsWith('!') ? pattern.slice(1) : pattern;
    if (p === '')
        return { ok: false, error: 'is empty' };
    if (p.startsWith('/'))
        return { ok: false, error: `must be relative, got ${JSON.stringify(pattern)}` };
    let norm = external_node_path_.posix.normalize(p);
    if (norm === '..' || norm.startsWith('../')) {
        return { ok: false, error: `must stay inside its directory, got ${JSON.stringify(pattern)}` };
    }
    if (norm.endsWith('/'))
        norm += '**';
    if (norm === '.')
        norm = '**';
    return { ok: true, value: norm };
}
/** Compiles already normalised patterns (`!` kept in front of exclusions). */
function compileGlobs(patterns) {
    const positiveIndex = [];
    const positives = [];
    const negatives = [];
    patterns.forEach((p, i) => {
        if (p.startsWith('!'))
            negatives.push(p.slice(1));
        else {
            positiveIndex.push(i);
            positives.push(matcher(p));
        }
    });
    const everything = positives.length > 0 && patterns.every((p) => p === '**' || p.startsWith('!'));
    return {
        positiveIndex,
        positives,
        excluded: negatives.length === 0 ? () => false : picomatch_default()(negatives, { dot: true }),
        everything,
    };
}
/**
 * A literal path is a string comparison, and a glob with a fixed leading directory (`dist/**`) first compares
 * that prefix: both far cheaper than a regular expression over thousands of files that mostly do not match.
 */
function matcher(pattern) {
    if (pattern === '**')
        return () => true;
    const scan = picomatch_default().scan(pattern);
    if (!scan.isGlob)
        return (path) => path === pattern;
    const re = picomatch_default().makeRe(pattern, { dot: true });
    if (scan.base === '')
        return (path) => re.test(path);
    const prefix = `${scan.base}/`;
    return (path) => path.startsWith(prefix) && re.test(path);
}

// EXTERNAL MODULE: ./src/config/repo-files.ts
var repo_files = __webpack_require__(8682);
;// CONCATENATED MODULE: ./src/config/select-inputs.ts


/**
 * The files matching any task's `outputs`. Each file is tested only against the globs of the tasks of its own
 * package (and of root tasks), relative to the package, each task's globs compiled once: a thousand packages
 * with `dist/**` cost one match per file, and one compiled glob.
 */
function generatedFiles(instances, ws) {
    const byTask = new Map();
    const byDir = new Map();
    for (const inst of instances) {
        if (inst.relOutputs.length === 0)
            continue;
        let globs = byTask.get(inst.task);
        if (!globs) {
            globs = compileGlobs(inst.relOutputs);
            byTask.set(inst.task, globs);
        }
        const set = byDir.get(inst.dir) ?? new Set();
        set.add(globs);
        byDir.set(inst.dir, set);
    }
    if (byDir.size === 0)
        return () => false;
    const pkgDirs = new Set([...ws.packages.values()].map((p) => p.dir));
    const test = (globs, rel) => {
        if (globs === undefined)
            return false;
        for (const g of globs)
            if (g.positives.some((m) => m(rel)) && !g.excluded(rel))
                return true;
        return false;
    };
    return (path) => {
        if (test(byDir.get(''), path))
            return true;
        for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            const dir = path.slice(0, slash);
            if (pkgDirs.has(dir))
                return test(byDir.get(dir), path.slice(slash + 1));
        }
        return false;
    };
}
/**
 * Each task instance's input files: the repository files under its directory that its `inputs` globs choose
 * (default: all of them), less generated files; a `script` task always reads its package.json. A glob that
 * matches no file in any package the task applies to is a problem (`inputs[i]`).
 */
function selectInputs(instances, files, generated, add) {
    const out = new Map();
    const globsByTask = new Map();
    for (const inst of instances) {
        let entry = globsByTask.get(inst.task);
        if (!globsByTask.has(inst.task)) {
            entry = taskGlobs(inst, add);
            globsByTask.set(inst.task, entry);
        }
        if (!entry)
            continue;
        out.set(inst, choose(inst, files, generated, entry.glob, entry.used));
    }
    for (const [task, entry] of globsByTask) {
        if (!entry || entry.glob.everything)
            continue;
        entry.glob.positiveIndex.forEach((i, k) => {
            if (!entry.used[k])
                add(task, `inputs[${i}]`, 'matches no file');
        });
    }
    return out;
}
function taskGlobs(inst, add) {
    const raw = inst.spec.inputs ?? ['**'];
    const patterns = [];
    let bad = false;
    raw.forEach((p, i) => {
        const n = normalizePattern(p);
        if (!n.ok) {
            add(inst.task, `inputs[${i}]`, n.error);
            bad = true;
        }
        else
            patterns.push(p.startsWith('!') ? `!${n.value}` : n.value);
    });
    if (bad)
        return undefined;
    const glob = compileGlobs(patterns);
    if (glob.positives.length === 0)
        add(inst.task, 'inputs', 'has only exclusions ("!"): add what to include');
    return { glob, used: glob.positives.map(() => false) };
}
function choose(inst, files, generated, glob, used) {
    const [lo, hi] = (0,repo_files/* filesUnder */.m)(files, inst.dir);
    const cut = inst.dir === '' ? 0 : inst.dir.length + 1;
    const chosen = [];
    for (let i = lo; i < hi; i++) {
        const path = files[i];
        const rel = cut === 0 ? path : path.slice(cut);
        let hit = glob.everything;
        if (!hit) {
            // Every glob is tried until it has matched once, so that "matches no file" is only said when true.
            for (let k = 0; k < glob.positives.length; k++) {
                if ((hit && used[k]) || !glob.positives[k](rel))
                    continue;
                hit = true;
                used[k] = true;
            }
        }
        if (hit && !glob.excluded(rel) && !generated(path))
            chosen.push(path);
    }
    if (inst.pkg) {
        const manifest = inst.dir === '' ? 'package.json' : `${inst.dir}/package.json`;
        if (!chosen.includes(manifest)) {
            chosen.push(manifest);
            chosen.sort();
        }
    }
    return chosen;
}

;// CONCATENATED MODULE: ./src/config/compile.ts
/**
 * Compiles `disbuild.json` tasks into the seed's graph JSON (DESIGN.md §1 and §10): one job per task, or per
 * workspace package for `script` tasks; inputs chosen by glob from the repository's files; in-place `Outputs`.
 *
 * Deterministic: jobs sorted by name, IDs the SHA-1 of package and task name (stable across runs and machines),
 * inputs sorted. Every problem is collected and reported at once, naming the file, the task and the field.
 */





/** The graph JSON of the config's tasks, or every problem found. */
function compileTasks(input) {
    const problems = [];
    // A task's problem is the same in every package it applies to: reported once.
    const seen = new Set();
    const add = (task, field, message) => {
        const id = JSON.stringify([task, field, message]);
        if (seen.has(id))
            return;
        seen.add(id);
        problems.push({ file: config_file/* CONFIG_FILE */.g2, task, ...(field === undefined ? {} : { field }), message });
    };
    const instances = instantiate(input, add);
    const generated = generatedFiles(instances, input.workspace);
    const inputs = selectInputs(instances, input.files, generated, add);
    const byKey = new Map(instances.map((i) => [instanceKey(i.task, i.pkg?.name), i]));
    const jobs = instances.map((inst) => {
        const deps = resolveDeps(inst, input, byKey, add);
        const job = {
            ID: inst.label,
            Name: inst.name,
            Inputs: inputs.get(inst) ?? [],
            Deps: deps,
            Cmds: [command(inst, input, add)],
        };
        if (inst.outputs.length > 0)
            job.Outputs = inst.outputs;
        return job;
    });
    const byLabel = new Map(instances.map((i) => [i.label, i]));
    for (const cycle of (0,cycles/* findCycles */.p)(new Map(jobs.map((j) => [j.ID, j.Deps])))) {
        const first = byLabel.get(cycle[0]);
        add(first.task, 'deps', `dependency cycle: ${cycle.map((l) => byLabel.get(l).name).join(' -> ')}`);
    }
    return { graph: { SourceFiles: null, Jobs: jobs }, problems };
}
function instanceKey(task, pkg) {
    return `${pkg ?? ''}\0${task}`;
}
/** Stable across runs and machines: the package and task names, nothing else. */
function taskLabel(task, pkg) {
    return (0,external_node_crypto_.createHash)('sha1')
        .update(`disbuild-task\0${pkg ?? ''}\0${task}`)
        .digest('hex');
}
function instantiate(input, add) {
    const out = [];
    const packages = [...input.workspace.packages.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const [task, spec] of input.config.tasks) {
        const relOutputs = (spec.outputs ?? []).flatMap((p, i) => {
            const n = normalizePattern(p);
            if (n.ok)
                return [p.startsWith('!') ? `!${n.value}` : n.value];
            add(task, `outputs[${i}]`, n.error);
            return [];
        });
        const outputs = (base) => base === ''
            ? relOutputs
            : relOutputs.map((p) => (p.startsWith('!') ? `!${base}/${p.slice(1)}` : `${base}/${p}`));
        if (spec.script === undefined) {
            const label = taskLabel(task, undefined);
            out.push({ task, spec, dir: '', name: task, label, outputs: relOutputs, relOutputs });
            continue;
        }
        const chosen = packages.filter((p) => p.scripts.has(spec.script));
        if (chosen.length === 0) {
            const where = input.workspace.declared ? 'no workspace package has' : 'the root package.json has no';
            add(task, 'script', `${where} a script ${JSON.stringify(spec.script)}`);
        }
        for (const pkg of chosen) {
            const name = `${pkg.name}#${task}`;
            const label = taskLabel(task, pkg.name);
            out.push({ task, spec, pkg, dir: pkg.dir, name, label, outputs: outputs(pkg.dir), relOutputs });
        }
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
function resolveDeps(inst, input, byKey, add) {
    const tasks = input.config.tasks;
    const out = new Set();
    (inst.spec.deps ?? []).forEach((d, i) => {
        const field = `deps[${i}]`;
        const upstream = d.startsWith('^');
        const name = upstream ? d.slice(1) : d;
        const target = tasks.get(name);
        if (!target) {
            add(inst.task, field, `unknown task ${JSON.stringify(name)}`);
            return;
        }
        if (upstream) {
            if (!inst.pkg || target.script === undefined) {
                add(inst.task, field, `"^${name}" needs a script task on both sides (the same task of every workspace dependency)`);
                return;
            }
            for (const l of upstreamLabels(inst.pkg, name, input.workspace, byKey))
                out.add(l);
        }
        else if (target.script === undefined) {
            out.add(byKey.get(instanceKey(name, undefined)).label);
        }
        else if (inst.pkg) {
            const same = byKey.get(instanceKey(name, inst.pkg.name));
            if (same)
                out.add(same.label);
        }
        else {
            for (const other of byKey.values())
                if (other.task === name)
                    out.add(other.label);
        }
    });
    return [...out].sort();
}
/**
 * `^task` from package P: the task in each workspace dependency of P that has it; through a dependency that does
 * not, on to its own dependencies (so that the order still holds across a package with nothing to build).
 */
function upstreamLabels(pkg, task, ws, byKey) {
    const out = [];
    const seen = new Set([pkg.name]);
    const stack = [...pkg.deps];
    while (stack.length > 0) {
        const name = stack.pop();
        if (seen.has(name))
            continue;
        seen.add(name);
        const inst = byKey.get(instanceKey(task, name));
        if (inst)
            out.push(inst.label);
        else
            stack.push(...(ws.packages.get(name)?.deps ?? []));
    }
    return out;
}
function command(inst, input, add) {
    const { spec } = inst;
    const exec = spec.script !== undefined
        ? [input.workspace.manager, 'run', spec.script]
        : typeof spec.command === 'string'
            ? ['sh', '-c', spec.command]
            : [...(spec.command ?? [])];
    let wd = inst.dir;
    if (spec.cwd !== undefined) {
        const n = normalizePattern(spec.cwd);
        if (!n.ok)
            add(inst.task, 'cwd', n.error);
        else if (n.value !== '**')
            wd = wd === '' ? n.value : `${wd}/${n.value}`;
    }
    // Unset variables are left out (and so differ from set-but-empty ones in the key).
    const environ = (spec.env ?? []).flatMap((name) => {
        const v = input.env[name];
        return v === undefined ? [] : [`${name}=${v}`];
    });
    return { Exec: exec, Environ: environ, WorkingDirectory: wd };
}

// EXTERNAL MODULE: ./src/config/workspaces.ts
var workspaces = __webpack_require__(6082);
;// CONCATENATED MODULE: ./src/config/load-config.ts






/** The graph source of `<dir>/disbuild.json`; undefined when there is no such file. */
async function readConfigSource(dir) {
    const read = await (0,config_file/* readConfigFile */.RG)(dir);
    return read === undefined ? undefined : configSourceOf(read);
}
/** The graph source a read disbuild.json names (from a file, or from a commit: see the hook). */
function configSourceOf(read) {
    if (!read.ok)
        return read;
    const c = read.value;
    const salt = c.salt === undefined ? {} : { salt: c.salt };
    if (c.graph !== undefined)
        return (0,result.ok)({ kind: 'file', path: c.graph, ...salt });
    if (c.graphCommand !== undefined)
        return (0,result.ok)({ kind: 'command', command: c.graphCommand, ...salt });
    if (c.tasks !== undefined)
        return (0,result.ok)({ kind: 'tasks', config: { ...c, tasks: c.tasks }, ...salt });
    return (0,result/* err */._)([
        {
            file: config_file/* CONFIG_FILE */.g2,
            message: 'needs "tasks" (see the README), "graph" (a path) or "graphCommand" (a command printing the graph)',
        },
    ]);
}
/**
 * Compiles the tasks of disbuild.json at `root` into a validated Graph, and the graph JSON `disbuild graph`
 * prints. Environment variables named by tasks' `env` are read from `env`.
 */
async function compileConfig(root, config, env) {
    const files = await (0,repo_files/* listRepoFiles */.c)(root);
    const problems = [];
    const workspace = await (0,workspaces/* readWorkspace */.i)(root, files, problems);
    const compiled = compileTasks({ config, workspace, files, env });
    problems.push(...compiled.problems);
    if (problems.length > 0)
        return (0,result/* err */._)(problems);
    // The validator empties the list it reads: it gets a copy, the JSON stays whole for printing.
    const validated = (0,validate/* validateGraph */.d)({ ...compiled.graph, Jobs: [...compiled.graph.Jobs] });
    if (!validated.ok) {
        const taskOf = new Map(compiled.graph.Jobs.map((j) => [j.Name, j.Name.replace(/^.*#/, '')]));
        return (0,result/* err */._)(validated.error.map((p) => ({
            file: config_file/* CONFIG_FILE */.g2,
            ...(p.job === undefined ? {} : { task: taskOf.get(p.job) ?? p.job }),
            field: p.field?.startsWith('Cmds') ? 'command' : (p.field ?? 'tasks'),
            message: p.message,
        })));
    }
    return (0,result.ok)({ graph: validated.value, json: compiled.graph });
}


/***/ }),

/***/ 8682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ listRepoFiles),
/* harmony export */   m: () => (/* binding */ filesUnder)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _ids_git_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8750);
/* harmony import */ var _ids_canonical_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7536);




/**
 * The files a task's `inputs` globs choose from, relative to `dir`, sorted by UTF-16 code units: inside a git
 * work tree, what git tracks and what it would track (untracked, not ignored), less tracked files deleted from
 * the work tree; outside git, every file under `dir` but `.git` and `node_modules`.
 */
async function listRepoFiles(dir) {
    // One call: `-t` tags each path (`H` tracked, `?` untracked, `R` deleted), so deleted files can be left out.
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
    if (listed.ok) {
        const gone = new Set();
        const seen = new Set();
        for (const entry of listed.value.split('\0')) {
            if (entry.length < 3)
                continue;
            const path = entry.slice(2);
            if (entry[0] === 'R')
                gone.add(path);
            else
                seen.add(path);
        }
        const files = [];
        for (const p of seen)
            if (!gone.has(p))
                files.push(p);
        return files.sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_3__/* .compareCodeUnits */ .U);
    }
    const out = [];
    walk(dir, '', out);
    return out.sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_3__/* .compareCodeUnits */ .U);
}
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
/** The half-open range of `files` (sorted) that lie under directory `dir` ('' is everything). */
function filesUnder(files, dir) {
    if (dir === '')
        return [0, files.length];
    const prefix = `${dir}/`;
    // '/' + 1 is '0': every path with the prefix sorts before `${dir}0`.
    return [lowerBound(files, prefix), lowerBound(files, `${dir}0`)];
}
function lowerBound(files, s) {
    let lo = 0;
    let hi = files.length;
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

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ readWorkspace)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8815);
/**
 * Workspace packages: npm and yarn `workspaces` in the root package.json, or pnpm's pnpm-workspace.yaml. Each
 * package's name, directory, scripts, and the other packages of the workspace it depends on.
 *
 * Deals with: finding packages among the repository's files and reading their package.json.
 * Does not deal with: tasks (compile.ts) or installing anything.
 */





const DEP_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
/** The workspace of the repository at `root`, whose files (sorted, relative) are `files`. */
async function readWorkspace(root, files, problems) {
    const has = new Set(files);
    const rootPkg = has.has('package.json') ? readPackageJson(root, 'package.json', problems) : undefined;
    let patterns;
    let manager = 'npm';
    if (has.has('pnpm-workspace.yaml')) {
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
    }
    if (typeof rootPkg?.packageManager === 'string') {
        const m = /^(npm|yarn|pnpm)@/.exec(rootPkg.packageManager);
        if (m)
            manager = m[1];
    }
    else if (has.has('pnpm-lock.yaml'))
        manager = 'pnpm';
    else if (has.has('yarn.lock'))
        manager = 'yarn';
    const packages = new Map();
    if (patterns === undefined) {
        if (rootPkg)
            packages.set(packageName(rootPkg, ''), toPackage(rootPkg, '', new Set()));
        return { packages, declared: false, manager };
    }
    const dirs = packageDirs(files, patterns);
    // Synchronous: a thousand small reads in a loop cost less than a thousand thread-pool round trips.
    const read = dirs.map((d) => readPackageJson(root, `${d}/package.json`, problems));
    const names = new Set();
    const pkgs = [];
    dirs.forEach((dir, i) => {
        const json = read[i];
        if (!json)
            return;
        const name = packageName(json, dir);
        if (names.has(name)) {
            problems.push({
                file: `${dir}/package.json`,
                field: 'name',
                message: `package ${name} is declared twice`,
            });
            return;
        }
        names.add(name);
        pkgs.push({ json, dir });
    });
    for (const { json, dir } of pkgs)
        packages.set(packageName(json, dir), toPackage(json, dir, names));
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
        const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parse */ .qg)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, file), 'utf8'));
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
function readPackageJson(root, path, problems) {
    try {
        const json = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, path), 'utf8'));
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


/***/ })

};

return { id, ids, modules };
})