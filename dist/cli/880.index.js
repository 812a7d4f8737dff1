export const id = 880;
export const ids = [880];
export const modules = {

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
    // Only the default and exclusions: the same as no inputs with exclusions.
    return out.length === 0 ? undefined : out;
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
;// CONCATENATED MODULE: ./src/cli/commands/import.ts








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
        turbo = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(root, 'turbo.json'), 'utf8'));
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
    const ws = await (0,workspaces/* readWorkspace */.i)(root, await (0,repo_files/* listRepoFiles */.c)(root), problems);
    for (const p of problems)
        io.stderr.write(`disbuild import: ${p.file}: ${p.message}\n`);
    const result = importTurbo(turbo, ws);
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


/***/ })

};
