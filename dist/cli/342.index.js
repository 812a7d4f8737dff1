export const id = 342;
export const ids = [342,277];
export const modules = {

/***/ 5342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   explainCommand: () => (/* binding */ explainCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cache_local_cache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3851);
/* harmony import */ var _executor_select_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5277);
/* harmony import */ var _explain_explain_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(4624);
/* harmony import */ var _explain_record_store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1806);
/* harmony import */ var _explain_run_explainer_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9814);
/* harmony import */ var _graph_model_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2573);
/* harmony import */ var _ids_file_digest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9870);
/* harmony import */ var _ids_job_key_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8519);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7593);
/* harmony import */ var _graph_input_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3311);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1604);
/* harmony import */ var _local_state_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(4709);













const HELP = `Usage: disbuild explain [--graph FILE] [--source-dir DIR] [--cache-dir DIR] [--salt S] [TASK...]

For each job that would run (its key is not in the local cache), says why: which inputs changed (path, old and
new digest), which command fields, which env variables (names only), the salt, or which dependency changed (down
to the root cause) — against the key last recorded for the job's name when it was built. "never built" when
there is none. TASK: job names, globs, or disbuild.json task names; default: every job.
`;
/** `disbuild explain`: why each job that would run must run. */
const explainCommand = async (argv, io) => {
    const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .parseCommandArgs */ .Qx)(argv, {
        graph: { type: 'string' },
        'source-dir': { type: 'string' },
        'cache-dir': { type: 'string' },
        salt: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    });
    if (!parsed.ok || parsed.value.values.help) {
        const wanted = parsed.ok;
        (wanted ? io.stdout : io.stderr).write((parsed.ok ? '' : `disbuild explain: ${parsed.error}\n`) + HELP);
        return wanted ? _io_js__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .d.ok : _io_js__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .d.usage;
    }
    const v = parsed.value.values;
    const sourceDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, v['source-dir'] ?? '.');
    const input = await (0,_graph_input_js__WEBPACK_IMPORTED_MODULE_9__/* .loadGraphOrReport */ .C)(v.graph, sourceDir, io);
    if (!input)
        return _io_js__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .d.usage;
    const { graph } = input;
    const selection = (0,_executor_select_js__WEBPACK_IMPORTED_MODULE_2__.selectJobs)(graph, parsed.value.positionals);
    if (!selection.ok) {
        for (const m of selection.error)
            io.stderr.write(`disbuild explain: ${m}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .d.usage;
    }
    const salt = v.salt ?? input.salt ?? '';
    const digests = await (0,_ids_file_digest_js__WEBPACK_IMPORTED_MODULE_6__/* .chooseDigests */ .Dj)(sourceDir, (0,_ids_job_key_js__WEBPACK_IMPORTED_MODULE_7__/* .graphInputs */ .qP)(graph));
    const keys = (0,_ids_job_key_js__WEBPACK_IMPORTED_MODULE_7__/* .computeKeys */ .yp)(graph, digests, salt);
    if (!keys.ok) {
        for (const p of keys.error)
            io.stderr.write(`disbuild: ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_5__/* .formatProblem */ .V)(p)}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .d.usage;
    }
    const cacheDir = v['cache-dir'] === undefined ? (0,_local_state_js__WEBPACK_IMPORTED_MODULE_11__/* .defaultCacheDir */ .$)(io.env) : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, v['cache-dir']);
    const cache = await _cache_local_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .LocalCache */ .Um.create(cacheDir);
    const jobs = graph.jobs.filter((j) => selection.value.closure.has(j.label));
    const hits = await cache.lookup(jobs.map((j) => keys.value.get(j.label)));
    const explainer = new _explain_run_explainer_js__WEBPACK_IMPORTED_MODULE_4__/* .RunExplainer */ .M(graph, salt, new _explain_record_store_js__WEBPACK_IMPORTED_MODULE_3__/* .KeyRecordStore */ .G(cacheDir));
    explainer.onKeyed(digests, keys.value);
    const toRun = jobs.filter((j) => !hits.has(keys.value.get(j.label)));
    if (toRun.length === 0) {
        io.stdout.write(`nothing would run: all ${jobs.length} jobs are cached\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .d.ok;
    }
    for (const job of toRun) {
        const changes = explainer.changes(job.name);
        io.stdout.write(`${job.name}: ${(0,_explain_explain_js__WEBPACK_IMPORTED_MODULE_12__/* .oneLine */ .TN)(changes)}\n`);
        if (changes.length > 1 || changes.some((c) => c.kind === 'dep')) {
            io.stdout.write((0,_explain_explain_js__WEBPACK_IMPORTED_MODULE_12__/* .detailLines */ .ZN)(changes, '    ').join('\n') + '\n');
        }
    }
    return _io_js__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .d.ok;
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

/***/ 4624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   WE: () => (/* binding */ explain),
/* harmony export */   ZN: () => (/* binding */ detailLines)
/* harmony export */ });
/* unused harmony export describeChange */
/** The changes between a job's current record and the last stored one. */
function explain(name, records, seen = new Set()) {
    const now = records.current(name);
    const before = records.previous(name);
    if (now === undefined || before === undefined)
        return [{ kind: 'never-built' }];
    if (now.key === before.key)
        return [{ kind: 'same-key' }];
    seen.add(name);
    const changes = [];
    if (now.salt !== before.salt)
        changes.push({ kind: 'salt' });
    for (const path of unionKeys(now.inputs, before.inputs)) {
        const [n, b] = [now.inputs[path], before.inputs[path]];
        if (n === b)
            continue;
        changes.push({
            kind: 'input',
            path,
            ...(b === undefined ? {} : { old: b }),
            ...(n === undefined ? {} : { new: n }),
        });
    }
    changes.push(...commandChanges(now.cmds, before.cmds));
    if (now.outputs.join('\0') !== before.outputs.join('\0'))
        changes.push({ kind: 'outputs' });
    for (const dep of unionKeys(now.deps, before.deps)) {
        const [n, b] = [now.deps[dep], before.deps[dep]];
        if (n === b)
            continue;
        if (n === undefined || b === undefined)
            changes.push({ kind: 'dep-list', name: dep, how: n ? 'added' : 'removed' });
        else {
            const because = seen.has(dep) ? [] : explain(dep, records, seen);
            // The dependency was rebuilt since this job was: its own record already has the new key.
            changes.push({ kind: 'dep', name: dep, because: because[0]?.kind === 'same-key' ? [] : because });
        }
    }
    return changes;
}
function commandChanges(now, before) {
    const out = [];
    if (now.length !== before.length)
        return [{ kind: 'command', field: `Cmds (${before.length} -> ${now.length})` }];
    now.forEach((n, i) => {
        const b = before[i];
        const at = `Cmds[${i}]`;
        if (n.kind !== b.kind)
            out.push({ kind: 'command', field: at });
        else if (n.kind === 'cat' && b.kind === 'cat') {
            if (n.content !== b.content)
                out.push({ kind: 'command', field: `${at}.CatTemplate` });
            if (n.output !== b.output)
                out.push({ kind: 'command', field: `${at}.CatOutput` });
        }
        else if (n.kind === 'exec' && b.kind === 'exec') {
            const len = Math.max(n.argv.length, b.argv.length);
            for (let k = 0; k < len; k++) {
                if (n.argv[k] !== b.argv[k])
                    out.push({ kind: 'command', field: `${at}.Exec[${k}]` });
            }
            if (n.cwd !== b.cwd)
                out.push({ kind: 'command', field: `${at}.WorkingDirectory` });
            for (const name of unionKeys(n.env, b.env)) {
                if (n.env[name] === b.env[name])
                    continue;
                const how = b.env[name] === undefined ? 'added' : n.env[name] === undefined ? 'removed' : 'changed';
                out.push({ kind: 'env', name, how });
            }
        }
    });
    return out;
}
function unionKeys(a, b) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
const short = (state) => state === undefined ? 'none' : state === 'missing' ? 'missing' : state.split(' ')[1].slice(0, 12);
/** One change as a phrase. */
function describeChange(c) {
    switch (c.kind) {
        case 'never-built':
            return 'never built';
        case 'same-key':
            return 'built before with this key, but the cache no longer has it';
        case 'salt':
            return 'salt changed';
        case 'input':
            if (c.old === undefined)
                return `input ${c.path} added (${short(c.new)})`;
            if (c.new === undefined)
                return `input ${c.path} removed (was ${short(c.old)})`;
            return `input ${c.path} changed (${short(c.old)} -> ${short(c.new)})`;
        case 'command':
            return `command changed (${c.field})`;
        case 'env':
            return `env ${c.name} ${c.how}`;
        case 'outputs':
            return 'outputs changed';
        case 'dep-list':
            return `dependency ${JSON.stringify(c.name)} ${c.how}`;
        case 'dep': {
            const root = c.because.find((x) => x.kind !== 'dep') ?? c.because[0];
            return `dependency ${JSON.stringify(c.name)} changed${root ? `: ${describeChange(root)}` : ''}`;
        }
    }
}
/** The reason in one line: the job's own first change (before any dependency's), and how many more. */
function oneLine(changes) {
    const own = changes.find((c) => c.kind !== 'dep') ?? changes[0];
    if (!own)
        return 'key changed';
    const more = changes.length - 1;
    return more > 0 ? `${describeChange(own)} (+${more} more)` : describeChange(own);
}
/** Every change, one per line, dependencies' causes indented below them. */
function detailLines(changes, indent = '  ') {
    const out = [];
    for (const c of changes) {
        out.push(`${indent}${c.kind === 'dep' ? `dependency ${JSON.stringify(c.name)} changed` : describeChange(c)}`);
        if (c.kind === 'dep')
            out.push(...detailLines(c.because, `${indent}  `));
    }
    return out;
}


/***/ }),

/***/ 1806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ KeyRecordStore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/**
 * The last key record of each job name, one small file per name under `<cache-dir>/explain-v1/`. Written when a
 * job is built (temp file and rename: a reader sees the old record or the new one); advisory only — a missing or
 * unreadable record is "never built", never an error.
 */
class KeyRecordStore {
    #dir;
    #made = false;
    /** The record files there were when first asked: one listing instead of a failed open per job never built. */
    #listed;
    constructor(cacheDir) {
        this.#dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cacheDir, 'explain-v1');
    }
    #file(name) {
        return `${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(name).digest('hex')}.json`;
    }
    #path(name) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.#dir, this.#file(name));
    }
    read(name) {
        if (this.#listed === undefined) {
            try {
                this.#listed = new Set((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(this.#dir));
            }
            catch {
                this.#listed = new Set();
            }
        }
        const file = this.#file(name);
        if (!this.#listed.has(file))
            return undefined;
        try {
            const r = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.#dir, file), 'utf8'));
            return r.version === 1 && r.name === name ? r : undefined;
        }
        catch {
            return undefined;
        }
    }
    write(record) {
        const path = this.#path(record.name);
        const temp = `${path}.${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
        try {
            if (!this.#made)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(this.#dir, { recursive: true });
            this.#made = true;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(temp, JSON.stringify(record));
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, path);
            this.#listed?.add(this.#file(record.name));
        }
        catch {
            // A record that cannot be written costs a later explanation its detail, nothing else; a full disk must
            // not keep half of it either.
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(temp, { force: true });
        }
    }
}


/***/ }),

/***/ 9814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M: () => (/* binding */ RunExplainer)
});

// EXTERNAL MODULE: ./src/explain/explain.ts
var explain = __webpack_require__(4624);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/explain/key-record.ts
/**
 * A key's ingredients, kept per job name so that a later run can say what changed (`disbuild explain`). It holds
 * what the key is made of, in a form a person can read back: input paths with their digests, commands with
 * dependency references by name, environment variable names with a hash of their value (never the value), a
 * hash of the salt, and the dependencies' keys by name.
 */

const hash = (s) => (0,external_node_crypto_.createHash)('sha256').update(s).digest('hex');
/** The record of one job's key. */
function keyRecord(graph, job, digests, keys, salt) {
    const depName = (l) => graph.byLabel.get(l)?.name ?? l;
    const text = (t) => t
        .map((p) => p.kind === 'text'
        ? p.text
        : p.kind === 'output-dir'
            ? '{{OUTPUT_DIR}}'
            : p.kind === 'source-dir'
                ? '{{SOURCE_DIR}}'
                : `{{DEP:${depName(p.label)}}}`)
        .join('');
    const inputs = {};
    for (const path of job.inputs) {
        const s = digests.get(path);
        inputs[path] =
            s === undefined || !('digest' in s)
                ? 'missing'
                : `${s.mode} ${s.digest}${s.link === undefined ? '' : ` link ${s.link}`}`;
    }
    const cmds = job.cmds.map((c) => {
        if (c.kind === 'cat')
            return { kind: 'cat', content: hash(text(c.catTemplate)), output: text(c.catOutput) };
        const env = {};
        for (const e of c.environ) {
            const entry = text(e);
            const eq = entry.indexOf('=');
            env[eq < 0 ? entry : entry.slice(0, eq)] = hash(eq < 0 ? '' : entry.slice(eq + 1));
        }
        return { kind: 'exec', argv: c.exec.map(text), env, cwd: text(c.workingDirectory) };
    });
    const deps = {};
    for (const d of job.deps)
        deps[depName(d)] = keys.get(d) ?? '';
    return {
        version: 1,
        name: job.name,
        key: keys.get(job.label) ?? '',
        salt: hash(salt),
        inputs,
        cmds,
        deps,
        outputs: [...(job.outputs ?? [])],
    };
}

;// CONCATENATED MODULE: ./src/explain/run-explainer.ts


/** A record from elsewhere, checked before it is compared with anything. */
function isKeyRecord(name, r) {
    if (typeof r !== 'object' || r === null)
        return false;
    const x = r;
    const isMap = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    return (x.version === 1 &&
        x.name === name &&
        typeof x.key === 'string' &&
        typeof x.salt === 'string' &&
        isMap(x.inputs) &&
        Array.isArray(x.cmds) &&
        isMap(x.deps) &&
        Array.isArray(x.outputs));
}
/**
 * One run's explanations: this run's key records (made on demand from the digests the keys were computed from)
 * against the stored ones, and storing the records of the jobs it builds.
 *
 * Deals with: records by job name, lazily (a fully cached run makes none). Does not deal with: rendering.
 */
class RunExplainer {
    #graph;
    #salt;
    #store;
    #byName = new Map();
    #current = new Map();
    #previous = new Map();
    #digests = new Map();
    #keys = new Map();
    constructor(graph, salt, store) {
        this.#graph = graph;
        this.#salt = salt;
        this.#store = store;
        for (const j of graph.jobs)
            if (!this.#byName.has(j.name))
                this.#byName.set(j.name, j);
    }
    /** For EngineDeps.onKeyed. */
    onKeyed = (digests, keys) => {
        this.#digests = digests;
        this.#keys = keys;
    };
    current(name) {
        let r = this.#current.get(name);
        const job = this.#byName.get(name);
        if (r === undefined && job !== undefined && this.#keys.has(job.label)) {
            r = keyRecord(this.#graph, job, this.#digests, this.#keys, this.#salt);
            this.#current.set(name, r);
        }
        return r;
    }
    previous(name) {
        if (!this.#previous.has(name)) {
            this.#previous.set(name, this.#store.read(name));
            this.#looked.add(name);
        }
        return this.#previous.get(name);
    }
    /** Names whose stored record was looked up (locally) since the last `preload` round. */
    #looked = new Set();
    /**
     * Takes the stored records of `names`, and of the dependencies their explanations reach, from a shared
     * cache (the GitHub cache's index: a fresh runner has no local records). A record found there replaces the
     * local one: it is the last one of the cache this run reads. Call before `reason`, after the run.
     */
    async preload(names, fetch) {
        const asked = new Set();
        let wanted = [...new Set(names)];
        while (wanted.length > 0) {
            for (const n of wanted)
                asked.add(n);
            const found = await fetch(wanted).catch(() => new Map());
            for (const [n, r] of found)
                if (isKeyRecord(n, r))
                    this.#previous.set(n, r);
            // Explaining them reaches the dependencies whose keys changed: their records are asked for next.
            this.#looked.clear();
            for (const n of names)
                this.changes(n);
            wanted = [...this.#looked].filter((n) => !asked.has(n));
        }
    }
    changes(name) {
        return (0,explain/* explain */.WE)(name, this);
    }
    reason(name) {
        return (0,explain/* oneLine */.TN)(this.changes(name));
    }
    #built = [];
    /** Called when a job was built: its record becomes the one later runs compare with (written by `flush`). */
    recordBuilt(name) {
        // The record it replaces is read first: dependents still explain themselves against it in this run.
        this.previous(name);
        this.#built.push(name);
    }
    /** Writes the records of the jobs built, after the run: nothing is written while jobs wait to start. */
    flush() {
        for (const name of this.#built.splice(0)) {
            const r = this.current(name);
            if (r)
                this.#store.write(r);
        }
    }
}


/***/ })

};
