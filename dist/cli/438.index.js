(function (__disbuild_import_meta) {const id = 438;
const ids = [438];
const modules = {

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

/***/ 4624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jt: () => (/* binding */ hasMoreDetail),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   WE: () => (/* binding */ explain),
/* harmony export */   ZN: () => (/* binding */ detailLines)
/* harmony export */ });
/* unused harmony export describeChange */
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1095);
/**
 * Why a job's key differs from the last one recorded for its name: the changes, from which a one-line reason
 * and a detailed account are rendered. A dependency whose key changed is followed down to the root cause.
 */

/**
 * The changes between a job's current record and a stored one: the one of `key` when given and found (the key a
 * dependent was built with), else the last one stored.
 */
function explain(name, records, seen = new Set(), key) {
    const now = records.current(name);
    const before = (key === undefined ? undefined : records.previousWithKey?.(name, key)) ?? records.previous(name);
    if (now === undefined || before === undefined)
        return [{ kind: 'never-built' }];
    if (now.key === before.key)
        return [{ kind: 'same-key' }];
    seen.add(name);
    const changes = [];
    if (now.salt !== before.salt)
        changes.push({ kind: 'salt' });
    changes.push(...inputChanges(now.inputs, before.inputs));
    changes.push(...commandChanges(now.cmds, before.cmds));
    if (now.outputs.join('\0') !== before.outputs.join('\0')) {
        const [n, b] = [new Set(now.outputs), new Set(before.outputs)];
        changes.push({
            kind: 'outputs',
            added: now.outputs.filter((o) => !b.has(o)),
            removed: before.outputs.filter((o) => !n.has(o)),
        });
    }
    for (const dep of unionKeys(now.deps, before.deps)) {
        const [n, b] = [now.deps[dep], before.deps[dep]];
        if (n === b)
            continue;
        if (n === undefined || b === undefined)
            changes.push({ kind: 'dep-list', name: dep, how: n ? 'added' : 'removed' });
        else {
            // Against the dependency's record of the key this job was built with: the dependency may have been rebuilt
            // since, on its own, and its last record then has its current key.
            const because = seen.has(dep) ? [] : explain(dep, records, seen, b);
            // Rebuilt since, and its record of that key gone (compacted away): what changed in it is not known.
            changes.push({ kind: 'dep', name: dep, because: because[0]?.kind === 'same-key' ? [] : because });
        }
    }
    return changes;
}
/**
 * The inputs that changed, were added or removed; a file removed from one path and added at another with the
 * same state (content and mode) is one change: moved.
 */
function inputChanges(now, before) {
    const changes = [];
    const removed = new Map();
    for (const path of unionKeys(now, before)) {
        const [n, b] = [now[path], before[path]];
        if (n === b)
            continue;
        if (n === undefined && b !== 'missing')
            removed.set(b, [...(removed.get(b) ?? []), path]);
        changes.push({
            kind: 'input',
            path,
            ...(b === undefined ? {} : { old: b }),
            ...(n === undefined ? {} : { new: n }),
        });
    }
    if (removed.size === 0)
        return changes;
    const moved = new Set();
    const out = [];
    for (const c of changes) {
        if (c.kind !== 'input' || c.old !== undefined || c.new === undefined)
            continue;
        const from = removed.get(c.new)?.shift();
        if (from === undefined)
            continue;
        moved.add(c);
        moved.add(changes.find((x) => x.kind === 'input' && x.path === from));
        out.push({ kind: 'input-moved', from, to: c.path });
    }
    return [...changes.filter((c) => !moved.has(c)), ...out];
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
const short = (state) => state === undefined ? 'none' : state === 'missing' ? 'missing' : (state.split(' ')[1] ?? '').slice(0, 12);
/**
 * How one input's state (`<mode> <blob ID>[ link <blob ID>]`, or `missing`) changed: its content, else its mode
 * (the executable bit, which keys keep even with `core.fileMode=false`), else its link's target.
 */
function inputChange(old, now) {
    const [oldMode, oldBlob, , oldLink] = old.split(' ');
    const [newMode, newBlob, , newLink] = now.split(' ');
    if (old === 'missing' || now === 'missing' || oldBlob !== newBlob)
        return `changed (${short(old)} -> ${short(now)})`;
    if (oldMode !== newMode)
        return `changed mode (${oldMode} -> ${newMode})`;
    return `changed its link target (${(oldLink ?? 'none').slice(0, 12)} -> ${(newLink ?? 'none').slice(0, 12)})`;
}
/** One change as a phrase. */
function describeChange(c) {
    switch (c.kind) {
        case 'never-built':
            return 'never built';
        case 'same-key':
            return 'built before with this key, but the cache no longer has it';
        case 'salt':
            return 'salt changed';
        case 'input': {
            const path = (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(c.path);
            if (c.old === undefined)
                return `input ${path} added (${short(c.new)})`;
            if (c.new === undefined)
                return `input ${path} removed (was ${short(c.old)})`;
            return `input ${path} ${inputChange(c.old, c.new)}`;
        }
        case 'command':
            return `command changed (${c.field})`;
        case 'env':
            return `env ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(c.name)} ${c.how}`;
        case 'input-moved':
            return `input ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(c.from)} moved to ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(c.to)}`;
        case 'outputs': {
            const parts = [...c.added.map((o) => `+${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(o)}`), ...c.removed.map((o) => `-${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(o)}`)];
            return `outputs changed${parts.length > 0 ? ` (${parts.join(', ')})` : ' (their order)'}`;
        }
        case 'dep-list':
            return `dependency ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(c.name)} ${c.how}`;
        case 'dep': {
            const root = c.because.find((x) => x.kind !== 'dep') ?? c.because[0];
            return `dependency ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(c.name)} changed${root ? `: ${describeChange(root)}` : ''}`;
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
/**
 * Every change, one per line, dependencies' causes indented below them; a dependency in `told` (explained in the
 * same output) is referred to, not followed again: along a chain of a thousand packages, each job repeated every
 * cause below it.
 */
function detailLines(changes, indent = '  ', told = new Set()) {
    const out = [];
    for (const c of changes) {
        if (c.kind !== 'dep') {
            out.push(`${indent}${describeChange(c)}`);
            continue;
        }
        const name = (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(c.name);
        if (told.has(c.name))
            out.push(`${indent}dependency ${name} changed (see ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(c.name)})`);
        else
            out.push(`${indent}dependency ${name} changed`, ...detailLines(c.because, `${indent}  `, told));
    }
    return out;
}
/**
 * Whether the one line leaves something out: more changes, or a dependency's causes not told elsewhere beyond the
 * single chain of causes the line follows.
 */
function hasMoreDetail(changes, told = new Set()) {
    return (changes.length > 1 || changes.some((c) => c.kind === 'dep' && !told.has(c.name) && !oneChain(c.because)));
}
/** Whether `changes` are at most one change, and a dependency's causes one chain down to a single cause. */
function oneChain(changes) {
    if (changes.length > 1)
        return false;
    const c = changes[0];
    return c === undefined || c.kind !== 'dep' || oneChain(c.because);
}


/***/ }),

/***/ 4376:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ keyRecord),
/* harmony export */   g: () => (/* binding */ parseKeyRecord)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * A key's ingredients, kept per job name so that a later run can say what changed (`disbuild explain`). It holds
 * what the key is made of, in a form a person can read back: input paths with their digests, commands with
 * dependency references by name, environment variable names with a hash of their value (never the value), a
 * hash of the salt, and the dependencies' keys by name.
 */

const hash = (s) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(s).digest('hex');
/** The salt is the same for every record of a run: hashed once. */
let saltHash;
const hashSalt = (salt) => {
    if (saltHash?.salt !== salt)
        saltHash = { salt, hash: hash(salt) };
    return saltHash.hash;
};
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
        salt: hashSalt(salt),
        inputs,
        cmds,
        deps,
        outputs: [...(job.outputs ?? [])],
    };
}
const isString = (v) => typeof v === 'string';
const isStringMap = (v, value = () => true) => typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => isString(x) && value(x));
/** An input's state as keyRecord writes it: `missing`, or a mode and a blob ID, with a link's blob ID. */
const INPUT_STATE = /^(missing|\S+ [0-9a-f]+( link [0-9a-f]+)?)$/;
function isCmdRecord(c) {
    if (typeof c !== 'object' || c === null)
        return false;
    const x = c;
    if (x.kind === 'cat')
        return isString(x.content) && isString(x.output);
    return (x.kind === 'exec' &&
        Array.isArray(x.argv) &&
        x.argv.every(isString) &&
        isStringMap(x.env) &&
        isString(x.cwd));
}
/**
 * `r` when it is a whole key record of `name`, every field of the shape keyRecord writes; else undefined. Records
 * are read from a journal other processes append to and from a shared cache: one that is not whole is none.
 */
function parseKeyRecord(name, r) {
    if (typeof r !== 'object' || r === null)
        return undefined;
    const x = r;
    const whole = x.version === 1 &&
        x.name === name &&
        isString(x.key) &&
        isString(x.salt) &&
        isStringMap(x.inputs, (v) => INPUT_STATE.test(v)) &&
        Array.isArray(x.cmds) &&
        x.cmds.every(isCmdRecord) &&
        isStringMap(x.deps) &&
        Array.isArray(x.outputs) &&
        x.outputs.every(isString);
    return whole ? r : undefined;
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
/* harmony import */ var _util_own_directory_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74);
/* harmony import */ var _key_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4376);





/** How long a built job's record may wait in memory before it is appended (what a SIGKILL can lose). */
const APPEND_DELAY_MS = 100;
/** A journal is rewritten (compacted) once it is this much larger than its last compaction left it. */
const COMPACT_SLACK_BYTES = 4 * 1024 * 1024;
/**
 * Lines a compaction keeps of each name: its last record and those before it, so that a dependent built before
 * the dependency's last builds can still be explained against the record of the key it saw (see explain.ts).
 */
const KEPT_PER_NAME = 4;
/** At most this much of the journal survives a compaction: the records of the names built most recently. */
const KEPT_BYTES = 16 * 1024 * 1024;
/** The first line of a compacted journal: how long the journal was then. */
const HEADER = '{"compacted":';
/**
 * The last key records of each job name, kept in one journal, `<cache-dir>/explain-v2/records.jsonl`: one line
 * per build, `<name as JSON>\t<record as JSON>`, the last whole line of a name being its record. Advisory only: a
 * missing or unreadable record is "never built", never an error; a line that is not a whole record is skipped.
 *
 * Writes: a built job's record is appended within APPEND_DELAY_MS (and at `flush`), the records of that interval
 * in one write of whole lines to the journal opened for appending: no file and no rename per job, and a run
 * killed mid-way keeps the records of every job it finished, but for its last APPEND_DELAY_MS. Concurrent runs'
 * appends land whole, one after the other; a line that does not parse (a write cut short by a full disk) is
 * skipped, and each batch starts on a new line (empty lines are skipped too), so that records appended after a
 * cut line are not lost with it.
 *
 * Reads: the journal as it was when this process first wrote or read it, through a descriptor opened then — a run
 * explains its jobs against the records before it, not against its own, and a compaction by another process
 * meanwhile does not change what it reads. A name's record is parsed only when asked for.
 *
 * Compaction: `flush(true)` (the end of a run) rewrites the journal with each name's last KEPT_PER_NAME lines, of
 * the names built most recently up to KEPT_BYTES, once it has grown COMPACT_SLACK_BYTES past what the last
 * compaction left (a temp file renamed over it). A record another
 * run appends between that rewrite's read and its rename is lost: the cost is an explanation against an older
 * record, or "never built", for that job.
 */
class KeyRecordStore {
    #dir;
    #path;
    /** The journal as first seen: its descriptor and length (-1 when there was none). */
    #snapshot;
    /** Job name → its lines (unparsed, oldest first), read from the snapshot on the first `read`. */
    #index;
    #pending = [];
    #timer;
    #made = false;
    constructor(cacheDir) {
        this.#dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cacheDir, 'explain-v2');
        this.#path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.#dir, 'records.jsonl');
    }
    /** The last whole record of `name`. */
    read(name) {
        return this.#find(name, () => true);
    }
    /** The last whole record of `name` whose key is `key`. */
    readWithKey(name, key) {
        return this.#find(name, (r) => r.key === key);
    }
    #find(name, wanted) {
        const lines = this.#lines().get(name) ?? [];
        for (let i = lines.length - 1; i >= 0; i--) {
            const line = lines[i];
            let r;
            try {
                r = (0,_key_record_js__WEBPACK_IMPORTED_MODULE_4__/* .parseKeyRecord */ .g)(name, JSON.parse(line.slice(line.indexOf('\t') + 1)));
            }
            catch {
                // Not a record: the one before it is asked.
            }
            if (r && wanted(r))
                return r;
        }
        return undefined;
    }
    /** Queues `record` for appending; it reaches the journal within APPEND_DELAY_MS, or at `flush`. */
    write(record) {
        this.#open();
        this.#pending.push(`${JSON.stringify(record.name)}\t${JSON.stringify(record)}\n`);
        // Unref'd: a run that ends without `flush` is not kept alive for it (it loses that interval's records).
        this.#timer ??= setTimeout(() => this.#append(), APPEND_DELAY_MS).unref();
    }
    /**
     * Appends what is queued. With `end` (the run is over), also rewrites an overgrown journal (see above) and lets
     * go of the snapshot: records not read by then read as missing.
     */
    flush(end = false) {
        this.#append();
        if (!end)
            return;
        if (this.#made)
            this.#compactIfOvergrown();
        if (this.#snapshot !== undefined && this.#snapshot.fd >= 0) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(this.#snapshot.fd);
            this.#snapshot = { fd: -1, size: 0 };
        }
    }
    #open() {
        if (this.#snapshot === undefined) {
            this.#snapshot = { fd: -1, size: 0 };
            try {
                const fd = openOwn(this.#path, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NONBLOCK);
                if (fd !== undefined)
                    this.#snapshot = { fd, size: (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(fd).size };
            }
            catch {
                // None: every record reads as missing.
            }
        }
        return this.#snapshot;
    }
    #lines() {
        if (this.#index !== undefined)
            return this.#index;
        const { fd, size } = this.#open();
        this.#index = new Map();
        if (fd < 0 || size === 0)
            return this.#index;
        let text;
        try {
            text = readAll(fd, size);
        }
        catch {
            return this.#index;
        }
        indexLines(text, this.#index);
        return this.#index;
    }
    #append() {
        if (this.#timer)
            clearTimeout(this.#timer);
        this.#timer = undefined;
        if (this.#pending.length === 0)
            return;
        // Each batch starts a line of its own: after a line cut short (a run killed mid-write, a short write on a full
        // disk) it would otherwise continue that line, and its first record would be lost with it.
        const text = `\n${this.#pending.join('')}`;
        this.#pending = [];
        let fd;
        try {
            if (!this.#made)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(this.#dir, { recursive: true, mode: 0o700 });
            this.#made = true;
            // Opened per batch, not held: a journal compacted by another process meanwhile is appended to, not its
            // replaced predecessor.
            fd = openOwn(this.#path, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_APPEND | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_CREAT);
            if (fd !== undefined)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeSync)(fd, text);
        }
        catch {
            // A record that cannot be written costs a later explanation its detail, nothing else; a full disk keeps
            // no empty journal either.
            try {
                if (fd !== undefined && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(fd).size === 0)
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(this.#path);
            }
            catch {
                // Gone already.
            }
        }
        finally {
            if (fd !== undefined)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        }
    }
    #compactIfOvergrown() {
        let fd;
        let temp;
        try {
            fd = openOwn(this.#path, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NONBLOCK);
            if (fd === undefined)
                return;
            const size = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(fd).size;
            if (size <= compactedSize(fd) + COMPACT_SLACK_BYTES)
                return;
            const last = new Map();
            indexLines(readAll(fd, size), last);
            // The names built most recently, within KEPT_BYTES: names no graph has any more (renamed jobs, other
            // repositories sharing the cache) go first, instead of growing the journal every explanation reads.
            const kept = [];
            let bytes = 0;
            for (const lines of [...last.values()].reverse()) {
                const text = lines
                    .slice(-KEPT_PER_NAME)
                    .map((l) => `${l}\n`)
                    .join('');
                bytes += Buffer.byteLength(text);
                if (bytes > KEPT_BYTES)
                    break;
                kept.push(text);
            }
            const body = kept.reverse().join('');
            const header = `${HEADER}${Buffer.byteLength(body)}}\n`;
            temp = `${this.#path}.${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(temp, header + body, { mode: 0o600, flag: 'wx' });
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, this.#path);
            temp = undefined;
        }
        catch {
            // Left as it is: a larger journal, nothing worse.
        }
        finally {
            if (fd !== undefined)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
            if (temp !== undefined)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(temp, { force: true });
        }
    }
}
/**
 * The journal opened with `flags`, never through a link, when it is a regular file of this user that no one else
 * may write; else undefined (closed again). Its records make what `explain` says, and a shared cache directory
 * may hold another user's file, or a link to any file, in its place: neither is read nor appended to.
 */
function openOwn(path, flags) {
    // Nor through a directory that is a link, or another user's.
    const dir = (0,_util_own_directory_js__WEBPACK_IMPORTED_MODULE_3__/* .ownDirectory */ .c)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path));
    if (dir === undefined)
        return undefined;
    const uid = process.getuid?.();
    // This user's, and others may write it: made by an earlier version under a umask of 002 (the default of many
    // systems). Made private, rather than passed over for good.
    if ((dir.mode & 0o077) !== 0)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.chmodSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), 0o700);
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(path, flags | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW, 0o600);
    const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(fd);
    // One name only: a hard link to another of this user's files would have it rewritten and made private.
    if (st.isFile() && st.nlink === 1 && (uid === undefined || st.uid === uid)) {
        if ((st.mode & 0o077) !== 0)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fchmodSync)(fd, 0o600);
        return fd;
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    return undefined;
}
function readAll(fd, size) {
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
        const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buf, got, size - got, got);
        if (n === 0)
            break;
        got += n;
    }
    return buf.toString('utf8', 0, got);
}
/** Adds every record line of `text` to `into` (name → its lines, in order). Other lines are skipped. */
function indexLines(text, into) {
    let at = 0;
    while (at < text.length) {
        const end = text.indexOf('\n', at);
        // A last line without its newline was cut short (a full disk, a crash mid-write): not a record.
        if (end < 0)
            break;
        const line = text.slice(at, end);
        at = end + 1;
        const tab = line.indexOf('\t');
        // A record is a JSON object: a line that does not end like one was cut short, and must not hide its name's
        // previous record.
        if (tab <= 0 || line.charCodeAt(line.length - 1) !== 0x7d)
            continue;
        try {
            const name = JSON.parse(line.slice(0, tab));
            if (typeof name !== 'string')
                continue;
            const lines = into.get(name);
            if (lines === undefined)
                into.set(name, [line]);
            else {
                // Moved last: the map's order is that of the names' latest lines (see compaction).
                into.delete(name);
                lines.push(line);
                into.set(name, lines);
            }
        }
        catch {
            // Not a record line.
        }
    }
}
/** The length the journal had after its last compaction (its header says), 0 when never compacted. */
function compactedSize(fd) {
    const buf = Buffer.alloc(64);
    const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buf, 0, buf.length, 0);
    const head = buf.toString('utf8', 0, n);
    if (!head.startsWith(HEADER))
        return 0;
    const size = Number.parseInt(head.slice(HEADER.length), 10);
    return Number.isFinite(size) ? size : 0;
}


/***/ }),

/***/ 1395:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ RunExplainer)
/* harmony export */ });
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4624);
/* harmony import */ var _key_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4376);


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
            r = (0,_key_record_js__WEBPACK_IMPORTED_MODULE_1__/* .keyRecord */ .B)(this.#graph, job, this.#digests, this.#keys, this.#salt);
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
    previousWithKey(name, key) {
        return this.#store.readWithKey(name, key);
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
            for (const [n, r] of found) {
                const record = (0,_key_record_js__WEBPACK_IMPORTED_MODULE_1__/* .parseKeyRecord */ .g)(n, r);
                if (record)
                    this.#previous.set(n, record);
            }
            // Explaining them reaches the dependencies whose keys changed: their records are asked for next.
            this.#looked.clear();
            for (const n of names)
                this.changes(n);
            wanted = [...this.#looked].filter((n) => !asked.has(n));
        }
    }
    changes(name) {
        return (0,_explain_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(name, this);
    }
    reason(name) {
        return (0,_explain_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(this.changes(name));
    }
    /**
     * Called when a job was built: its record becomes the one later runs compare with. Queued for the journal at
     * once, so that a run killed later keeps it (see record-store.ts); this run still explains against the records
     * from before it.
     */
    recordBuilt(name) {
        const r = this.current(name);
        if (r)
            this.#store.write(r);
    }
    /** The run is over: the records still queued are written. */
    flush() {
        this.#store.flush(true);
    }
}


/***/ })

};

return { id, ids, modules };
})