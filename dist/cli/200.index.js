export const id = 200;
export const ids = [200];
export const modules = {

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

/***/ 3311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ loadGraphOrReport)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _graph_model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2573);
/* harmony import */ var _graph_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1137);



/** Loads and validates a graph file; prints every problem and answers undefined when it is invalid. */
async function loadGraphOrReport(graphPath, sourceDir, io) {
    const loaded = await (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .loadGraphFile */ .rn)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, graphPath), sourceDir);
    if (loaded.ok)
        return loaded.value;
    io.stderr.write(`disbuild: invalid graph ${graphPath} (${loaded.error.length} problem${loaded.error.length === 1 ? '' : 's'}):\n`);
    for (const p of loaded.error)
        io.stderr.write(`  ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_2__/* .formatProblem */ .V)(p)}\n`);
    return undefined;
}


/***/ }),

/***/ 2573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ formatProblem)
/* harmony export */ });
/**
 * The validated build graph. Producers write it as Go's encoding/json writes
 * `Graph{SourceFiles map[ID]string; Jobs []Job}`; `parse.ts` and `validate.ts` turn that JSON into these types.
 */
/** Renders a problem as one line: `job "compile" Cmds[0].Exec[1]: unknown template variable {{.Foo}}`. */
function formatProblem(p) {
    const where = [p.job === undefined ? undefined : `job ${JSON.stringify(p.job)}`, p.field]
        .filter((s) => s !== undefined)
        .join(' ');
    return where ? `${where}: ${p.message}` : p.message;
}


/***/ }),

/***/ 1137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rn: () => (/* binding */ loadGraphFile),
  Vb: () => (/* binding */ parseGraphText)
});

// UNUSED EXPORTS: checkFilesExist

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/graph/json-position.ts
/**
 * Where a JSON text first goes wrong, as line:column. JSON.parse says "at position N" for some errors and
 * nothing for others, so a small scanner finds the offset itself; it only validates, it builds nothing.
 */
function jsonErrorLocation(text) {
    const offset = firstErrorOffset(text);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1, offset };
}
function firstErrorOffset(text) {
    let i = 0;
    const ws = () => {
        while (i < text.length && ' \t\n\r'.includes(text[i]))
            i++;
    };
    const fail = () => {
        throw i;
    };
    const literal = (word) => {
        for (const ch of word) {
            if (text[i] !== ch)
                fail();
            i++;
        }
    };
    const string = () => {
        if (text[i] !== '"')
            fail();
        i++;
        while (i < text.length && text[i] !== '"') {
            const c = text.charCodeAt(i);
            if (c < 0x20)
                fail();
            if (text[i] === '\\') {
                i++;
                if (text[i] === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5)))
                        fail();
                    i += 4;
                }
                else if (!'"\\/bfnrt'.includes(text[i] ?? 'x'))
                    fail();
            }
            i++;
        }
        if (i >= text.length)
            fail();
        i++;
    };
    const number = () => {
        const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
        if (!m || m[0] === '' || m[0] === '-')
            fail();
        i += m[0].length;
    };
    const value = () => {
        ws();
        const c = text[i];
        if (c === '{') {
            i++;
            ws();
            if (text[i] === '}')
                return void i++;
            for (;;) {
                ws();
                string();
                ws();
                if (text[i] !== ':')
                    fail();
                i++;
                value();
                ws();
                if (text[i] === ',')
                    i++;
                else if (text[i] === '}')
                    return void i++;
                else
                    fail();
            }
        }
        else if (c === '[') {
            i++;
            ws();
            if (text[i] === ']')
                return void i++;
            for (;;) {
                value();
                ws();
                if (text[i] === ',')
                    i++;
                else if (text[i] === ']')
                    return void i++;
                else
                    fail();
            }
        }
        else if (c === '"')
            string();
        else if (c === 't')
            literal('true');
        else if (c === 'f')
            literal('false');
        else if (c === 'n')
            literal('null');
        else
            number();
    };
    try {
        value();
        ws();
        if (i < text.length)
            fail();
        return text.length;
    }
    catch (e) {
        if (typeof e === 'number')
            return e;
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/graph/cycles.ts
/**
 * Finds one dependency cycle, as the labels along it with the first repeated at the end (`a b c a`).
 * Iterative depth-first search with colours, so deep graphs do not overflow the stack.
 */
function findCycle(deps) {
    const colour = new Map(); // 1: on the current path, 2: done
    for (const start of deps.keys()) {
        if (colour.has(start))
            continue;
        const path = [];
        const stack = [{ label: start, next: 0 }];
        colour.set(start, 1);
        path.push(start);
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            const children = deps.get(top.label) ?? [];
            if (top.next < children.length) {
                const child = children[top.next++];
                if (!deps.has(child))
                    continue;
                const c = colour.get(child);
                if (c === 1)
                    return [...path.slice(path.indexOf(child)), child];
                if (c === undefined) {
                    colour.set(child, 1);
                    path.push(child);
                    stack.push({ label: child, next: 0 });
                }
            }
            else {
                colour.set(top.label, 2);
                path.pop();
                stack.pop();
            }
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/graph/go-json.ts
/**
 * Go's encoding/json conventions over JSON.parse output: struct fields match keys case-insensitively (the last
 * matching key wins, as Go decodes in order), `null` is an empty slice or map, unknown keys are ignored.
 */
function field(obj, name) {
    if (Object.prototype.hasOwnProperty.call(obj, name))
        return obj[name];
    const lower = name.toLowerCase();
    let found = undefined;
    for (const k of Object.keys(obj))
        if (k.toLowerCase() === lower)
            found = obj[k];
    return found;
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** A JSON type name for messages: "a number", "an object". */
function describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'an object';
    return `a ${typeof v}`;
}

// EXTERNAL MODULE: ./src/graph/template.ts
var template = __webpack_require__(6244);
// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
;// CONCATENATED MODULE: ./src/graph/validate.ts





const HEX40 = /^[0-9a-fA-F]{40}$/;
const templates = new Map();
const strings_ = new Map();
/** One copy of each input path, however many jobs name it. */
function intern(s) {
    const known = strings_.get(s);
    if (known !== undefined)
        return known;
    if (strings_.size < 1_000_000)
        strings_.set(s, s);
    return s;
}
/** Problems are collected, never thrown: a user sees every one of them at once. */
class Problems {
    list = [];
    add(job, field, message) {
        this.list.push({
            ...(job === undefined ? {} : { job }),
            ...(field === undefined ? {} : { field }),
            message,
        });
    }
}
/** Validates decoded graph JSON (§1) into a Graph, or every problem found. Input files are not checked here. */
function validateGraph(raw) {
    const problems = new Problems();
    if (!isObject(raw))
        return (0,result/* err */._)([{ message: `the graph must be a JSON object, got ${describe(raw)}` }]);
    const sourceFiles = readSourceFiles(field(raw, 'SourceFiles'), problems);
    const rawJobs = field(raw, 'Jobs') ?? [];
    if (!Array.isArray(rawJobs))
        return (0,result/* err */._)([{ field: 'Jobs', message: `must be a list, got ${describe(rawJobs)}` }]);
    const jobs = [];
    const byLabel = new Map();
    rawJobs.forEach((rawJob, i) => {
        const job = readJob(rawJob, i, problems);
        // Each decoded job is dropped once validated, so a 100,000-job graph is never held twice over.
        rawJobs[i] = null;
        if (!job)
            return;
        const other = byLabel.get(job.label);
        if (other) {
            problems.add(job.name, 'ID', `duplicate ID ${job.label}, also used by job ${JSON.stringify(other.name)}`);
            return;
        }
        byLabel.set(job.label, job);
        jobs.push(job);
    });
    for (const job of jobs)
        checkReferences(job, byLabel, problems);
    if (problems.list.length === 0) {
        const cycle = findCycle(new Map(jobs.map((j) => [j.label, j.deps])));
        if (cycle) {
            const names = cycle.map((l) => byLabel.get(l).name);
            problems.add(names[0], 'Deps', `dependency cycle: ${names.join(' -> ')}`);
        }
    }
    templates.clear();
    strings_.clear();
    return problems.list.length > 0 ? (0,result/* err */._)(problems.list) : (0,result.ok)({ sourceFiles, jobs, byLabel });
}
function readSourceFiles(raw, problems) {
    const files = new Map();
    if (raw === null || raw === undefined)
        return files;
    if (!isObject(raw)) {
        problems.add(undefined, 'SourceFiles', `must be an object of ID to path, got ${describe(raw)}`);
        return files;
    }
    for (const [id, path] of Object.entries(raw)) {
        if (!HEX40.test(id))
            problems.add(undefined, `SourceFiles[${JSON.stringify(id)}]`, 'is not a 40-character hex ID');
        if (typeof path !== 'string')
            problems.add(undefined, `SourceFiles[${JSON.stringify(id)}]`, 'must be a path string');
        else
            files.set(id.toLowerCase(), path);
    }
    return files;
}
function strings(value, job, where, problems) {
    if (value === null || value === undefined)
        return [];
    if (!Array.isArray(value)) {
        problems.add(job, where, `must be a list of strings, got ${describe(value)}`);
        return [];
    }
    const out = [];
    value.forEach((v, i) => {
        if (typeof v === 'string')
            out.push(v);
        else
            problems.add(job, `${where}[${i}]`, `must be a string, got ${describe(v)}`);
    });
    return out;
}
function str(value, job, where, problems) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'string')
        return value;
    problems.add(job, where, `must be a string, got ${describe(value)}`);
    return '';
}
function readJob(raw, index, problems) {
    if (!isObject(raw)) {
        problems.add(undefined, `Jobs[${index}]`, `must be an object, got ${describe(raw)}`);
        return undefined;
    }
    const rawId = field(raw, 'ID');
    const nameValue = field(raw, 'Name');
    const idText = typeof rawId === 'string' ? rawId : '';
    const name = typeof nameValue === 'string' && nameValue !== '' ? nameValue : idText || `Jobs[${index}]`;
    if (nameValue !== undefined && nameValue !== null && typeof nameValue !== 'string') {
        problems.add(name, 'Name', `must be a string, got ${describe(nameValue)}`);
    }
    if (!HEX40.test(idText)) {
        problems.add(name, 'ID', `must be 40 hex characters, got ${JSON.stringify(rawId ?? null)}`);
        return undefined;
    }
    const label = idText.toLowerCase();
    const inputs = readInputs(strings(field(raw, 'Inputs'), name, 'Inputs', problems), name, problems);
    const deps = [];
    strings(field(raw, 'Deps'), name, 'Deps', problems).forEach((d, i) => {
        if (!HEX40.test(d))
            problems.add(name, `Deps[${i}]`, `must be 40 hex characters, got ${JSON.stringify(d)}`);
        else if (!deps.includes(d.toLowerCase()))
            deps.push(d.toLowerCase());
    });
    const rawCmds = field(raw, 'Cmds') ?? [];
    const cmds = [];
    if (!Array.isArray(rawCmds))
        problems.add(name, 'Cmds', `must be a list, got ${describe(rawCmds)}`);
    else
        rawCmds.forEach((c, i) => {
            const cmd = readCmd(c, name, `Cmds[${i}]`, problems);
            if (cmd)
                cmds.push(cmd);
        });
    return { label, name, inputs, deps, cmds };
}
/** Normalises input paths (`./a//b` → `a/b`), refusing absolute and escaping ones; sorted, deduplicated. */
function readInputs(raw, job, problems) {
    const out = new Set();
    raw.forEach((p, i) => {
        const where = `Inputs[${i}]`;
        if (p === '')
            return problems.add(job, where, 'is empty');
        if (p.startsWith('/'))
            return problems.add(job, where, `must be relative to the source directory, got ${JSON.stringify(p)}`);
        const norm = external_node_path_.posix.normalize(p);
        if (norm === '..' || norm.startsWith('../')) {
            return problems.add(job, where, `must not leave the source directory, got ${JSON.stringify(p)}`);
        }
        if (norm === '.')
            return problems.add(job, where, `must name a file, got ${JSON.stringify(p)}`);
        out.add(intern(norm.replace(/\/$/, '')));
    });
    return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
function validate_template(value, job, where, problems) {
    const cached = templates.get(value);
    if (cached)
        return cached;
    const t = (0,template/* parseTemplate */.QC)(value);
    if (t.ok) {
        // Graphs repeat the same strings (`sh`, `-c`, paths) thousands of times: one parsed copy serves all.
        if (templates.size < 1_000_000)
            templates.set(value, t.value);
        return t.value;
    }
    problems.add(job, where, t.error);
    return [];
}
function readCmd(raw, job, where, problems) {
    if (!isObject(raw)) {
        problems.add(job, where, `must be an object, got ${describe(raw)}`);
        return undefined;
    }
    const execRaw = field(raw, 'Exec');
    const exec = strings(execRaw, job, `${where}.Exec`, problems);
    const catOutput = str(field(raw, 'CatOutput'), job, `${where}.CatOutput`, problems);
    const hasExec = execRaw !== null && execRaw !== undefined;
    if (hasExec && catOutput !== '') {
        problems.add(job, where, 'sets both Exec and CatOutput; a command is either an exec or a cat');
        return undefined;
    }
    if (catOutput !== '') {
        return {
            kind: 'cat',
            catOutput: validate_template(catOutput, job, `${where}.CatOutput`, problems),
            catTemplate: validate_template(str(field(raw, 'CatTemplate'), job, `${where}.CatTemplate`, problems), job, `${where}.CatTemplate`, problems),
        };
    }
    if (exec.length === 0) {
        problems.add(job, where, hasExec ? 'Exec is empty' : 'sets neither Exec nor CatOutput');
        return undefined;
    }
    const environ = strings(field(raw, 'Environ'), job, `${where}.Environ`, problems);
    environ.forEach((e, i) => {
        if (!/^[^=]+=/.test(e))
            problems.add(job, `${where}.Environ[${i}]`, `must look like KEY=VALUE, got ${JSON.stringify(e)}`);
    });
    return {
        kind: 'exec',
        exec: exec.map((a, i) => validate_template(a, job, `${where}.Exec[${i}]`, problems)),
        environ: environ.map((e, i) => validate_template(e, job, `${where}.Environ[${i}]`, problems)),
        workingDirectory: validate_template(str(field(raw, 'WorkingDirectory'), job, `${where}.WorkingDirectory`, problems), job, `${where}.WorkingDirectory`, problems),
    };
}
/** Unknown deps, and `{{DEP:x}}` references to jobs not listed in Deps. */
function checkReferences(job, byLabel, problems) {
    job.deps.forEach((d, i) => {
        if (!byLabel.has(d))
            problems.add(job.name, `Deps[${i}]`, `unknown dependency ${d}`);
    });
    job.cmds.forEach((cmd, i) => {
        const fields = cmd.kind === 'cat'
            ? [
                ['CatTemplate', cmd.catTemplate],
                ['CatOutput', cmd.catOutput],
            ]
            : [
                ...cmd.exec.map((t, k) => [`Exec[${k}]`, t]),
                ...cmd.environ.map((t, k) => [`Environ[${k}]`, t]),
                ['WorkingDirectory', cmd.workingDirectory],
            ];
        for (const [name, t] of fields) {
            for (const label of (0,template/* depLabels */.LR)(t)) {
                if (!job.deps.includes(label)) {
                    problems.add(job.name, `Cmds[${i}].${name}`, `refers to {{DEP:${label}}}, which is not in Deps`);
                }
            }
        }
    });
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
;// CONCATENATED MODULE: ./src/util/collect-garbage.ts


let gc;
/**
 * Asks V8 for a full collection. Used once, after a large graph is decoded and validated: the decoded JSON tree
 * (hundreds of megabytes for 100,000 jobs) is garbage by then, and collecting it before keys are computed keeps
 * peak memory near the size of the graph itself rather than the sum of both.
 */
function collectGarbage() {
    if (gc === undefined) {
        (0,external_node_v8_.setFlagsFromString)('--expose-gc');
        gc = (0,external_node_vm_.runInNewContext)('gc');
    }
    gc();
}

;// CONCATENATED MODULE: ./src/graph/parse.ts







/** Parses and validates graph JSON; malformed JSON is reported with its line and column. */
function parseGraphText(text) {
    const raw = decode(text);
    return raw.ok ? validateGraph(raw.value) : raw;
}
function decode(text) {
    try {
        return (0,result.ok)(JSON.parse(text));
    }
    catch (e) {
        const at = jsonErrorLocation(text);
        const reason = e.message
            .replace(/ in JSON at position \d+.*$/, '')
            .replace(/, ".*" is not valid JSON$/, '');
        return (0,result/* err */._)([{ message: `malformed JSON at line ${at.line}, column ${at.column}: ${reason}` }]);
    }
}
/**
 * Reads a graph file and checks that every SourceFiles path exists under `sourceDir`. Input files are checked
 * where they are digested (keying reports a missing input with its job and index), so that a run stats each
 * input once, not twice; `checkFilesExist` does the full check for callers that do not key.
 */
async function loadGraphFile(path, sourceDir) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (e) {
        return (0,result/* err */._)([
            {
                message: `cannot read graph file ${path}: ${e.code ?? e.message}`,
            },
        ]);
    }
    const raw = decode(text);
    // The text is dropped before validation: for large graphs it is tens of megabytes nobody needs any more.
    text = '';
    if (!raw.ok)
        return raw;
    const parsed = validateGraph(raw.value);
    if (parsed.ok && parsed.value.jobs.length > 10_000)
        collectGarbage();
    if (!parsed.ok)
        return parsed;
    const problems = checkFilesExist(parsed.value, sourceDir, { inputs: false });
    return problems.length > 0 ? (0,result/* err */._)(problems) : parsed;
}
/** Synchronous lstat with a memo: 100,000 paths cost well under a second, and each path is asked once. */
function checkFilesExist(graph, sourceDir, opts = { inputs: true }) {
    const problems = [];
    const memo = new Map();
    const kind = (rel) => {
        let k = memo.get(rel);
        if (k === undefined) {
            const st = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(sourceDir, rel), { throwIfNoEntry: false });
            k = st === undefined ? 'missing' : st.isDirectory() ? 'dir' : 'file';
            memo.set(rel, k);
        }
        return k;
    };
    for (const job of opts.inputs ? graph.jobs : []) {
        job.inputs.forEach((input, i) => {
            const k = kind(input);
            if (k === 'missing')
                problems.push({
                    job: job.name,
                    field: `Inputs[${i}]`,
                    message: `input file ${input} does not exist`,
                });
            else if (k === 'dir')
                problems.push({
                    job: job.name,
                    field: `Inputs[${i}]`,
                    message: `input ${input} is a directory; list its files`,
                });
        });
    }
    for (const [id, path] of graph.sourceFiles) {
        if (kind(path) === 'missing')
            problems.push({
                field: `SourceFiles[${JSON.stringify(id)}]`,
                message: `source file ${path} does not exist`,
            });
    }
    return problems;
}


/***/ }),

/***/ 6244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LR: () => (/* binding */ depLabels),
/* harmony export */   QC: () => (/* binding */ parseTemplate),
/* harmony export */   Xm: () => (/* binding */ renderTemplate)
/* harmony export */ });
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8251);

const VARIABLE = /\{\{(.*?)\}\}/gs;
const HEX40 = /^[0-9a-fA-F]{40}$/;
/** One variable's text between the braces → its part, or undefined when unknown. Both spellings are accepted. */
function parseVariable(inner) {
    const v = inner.trim();
    if (v === 'OUTPUT_DIR' || v === '.OutputDir')
        return { kind: 'output-dir' };
    if (v === 'SOURCE_DIR' || v === '.SourceDir')
        return { kind: 'source-dir' };
    const dep = /^DEP:([0-9a-fA-F]+)$/.exec(v) ?? /^index\s+\.Deps\s+"([0-9a-fA-F]+)"$/.exec(v);
    if (dep && HEX40.test(dep[1]))
        return { kind: 'dep', label: dep[1].toLowerCase() };
    return undefined;
}
/** Splits a command string into text and variables; an unknown `{{…}}` is an error that quotes it. */
function parseTemplate(s) {
    const parts = [];
    let last = 0;
    for (const m of s.matchAll(VARIABLE)) {
        const part = parseVariable(m[1]);
        if (!part)
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(`unknown template variable ${m[0]}`);
        if (m.index > last)
            parts.push({ kind: 'text', text: s.slice(last, m.index) });
        parts.push(part);
        last = m.index + m[0].length;
    }
    if (last < s.length)
        parts.push({ kind: 'text', text: s.slice(last) });
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__.ok)(parts);
}
/** The labels a template refers to through `{{DEP:…}}`. */
function depLabels(t) {
    return t.flatMap((p) => (p.kind === 'dep' ? [p.label] : []));
}
/** Substitutes every variable. */
function renderTemplate(t, vars) {
    let s = '';
    for (const p of t) {
        switch (p.kind) {
            case 'text':
                s += p.text;
                break;
            case 'output-dir':
                s += vars.outputDir;
                break;
            case 'source-dir':
                s += vars.sourceDir;
                break;
            case 'dep':
                s += vars.depDir(p.label);
                break;
        }
    }
    return s;
}


/***/ }),

/***/ 3754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Sw: () => (/* binding */ keyGraph),
  CS: () => (/* binding */ keyGraphAtCommit)
});

// UNUSED EXPORTS: KEY_SCHEMA, computeKeys

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/ids/canonical.ts

/**
 * The canonical encoding that keys are hashed over: a sequence of fields, each written as
 * `<tag> <byte length>\n<bytes>\n`. Length prefixes make it unambiguous (["ab","c"] ≠ ["a","bc"]) without escaping.
 * docs/key-encoding.md describes it byte by byte; golden tests pin it.
 */
class CanonicalHasher {
    #hash = (0,external_node_crypto_.createHash)('sha1');
    // Fields are gathered into one string and hashed once: one hash update per field measured 3× slower.
    #pending = '';
    field(tag, value) {
        this.#pending += `${tag} ${Buffer.byteLength(value, 'utf8')}\n${value}\n`;
        return this;
    }
    /** A list's length, so that a list's end can never be confused with the next field. */
    count(tag, n) {
        return this.field(tag, String(n));
    }
    hex() {
        return this.#hash.update(this.#pending, 'utf8').digest('hex');
    }
}
/** Sorts by UTF-16 code units: the same order on every machine and locale. */
function compareCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/simple-git/dist/esm/index.js + 2 modules
var esm = __webpack_require__(6332);
;// CONCATENATED MODULE: ./src/ids/file-digest.ts




/** Git's blob ID of some bytes: SHA-1 of `blob <size>\0<bytes>`, exactly what `git hash-object` prints. */
function blobId(bytes) {
    const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${b.length}\0`).update(b).digest('hex');
}
const SMALL_FILE = 1024 * 1024;
/** Reads one file from disk and digests it as git would (symlinks digest their target text). */
async function digestFromDisk(path) {
    // Synchronous metadata and small reads: per-call thread-pool round trips cost more than the work itself.
    const st = (0,external_node_fs_.lstatSync)(path, { throwIfNoEntry: false });
    if (st === undefined)
        return { missing: true };
    if (st.isSymbolicLink())
        return { mode: 'symlink', digest: blobId((0,external_node_fs_.readlinkSync)(path)) };
    if (!st.isFile())
        return { missing: true };
    const mode = st.mode & 0o100 ? 'executable' : 'regular';
    if (st.size <= SMALL_FILE) {
        // One synchronous read beats a stream's open/read/close round trips by far for typical source files.
        const bytes = (0,external_node_fs_.readFileSync)(path);
        if (bytes.length === st.size)
            return { mode, digest: blobId(bytes) };
        return digestFromDisk(path);
    }
    const hash = (0,external_node_crypto_.createHash)('sha1').update(`blob ${st.size}\0`);
    let read = 0;
    for await (const chunk of (0,external_node_fs_.createReadStream)(path)) {
        hash.update(chunk);
        read += chunk.length;
    }
    // A file that changed size while being read would give a digest of neither version: treat it as unreadable.
    if (read !== st.size)
        return digestFromDisk(path);
    return { mode, digest: hash.digest('hex') };
}
/** Digests many files from disk with bounded concurrency (the fallback outside git, and changed files inside). */
async function streamDigests(sourceDir, paths) {
    const out = new Map();
    let next = 0;
    const worker = async () => {
        while (next < paths.length) {
            const p = paths[next++];
            out.set(p, await digestFromDisk((0,external_node_path_.join)(sourceDir, p)));
        }
    };
    await Promise.all(Array.from({ length: Math.min(32, paths.length) }, worker));
    return out;
}
const GIT_MODES = {
    '100644': 'regular',
    '100755': 'executable',
    '120000': 'symlink',
};
/** Where sourceDir sits in its git work tree, or undefined outside git. */
async function gitPrefix(sourceDir) {
    try {
        const out = await (0,esm/* simpleGit */.Lp)(sourceDir).raw(['rev-parse', '--is-inside-work-tree', '--show-prefix']);
        const [inside, prefix] = out.split('\n');
        return inside === 'true' ? (prefix ?? '') : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Picks the requested paths out of `git ls-files -s -z` / `git ls-tree -r -z` records, as path → {mode, blob}.
 * Scans with indexOf and builds entries only for wanted paths: a 100,000-file index is parsed in a few ms.
 */
function parseEntries(out, format, wanted, prefix = '') {
    const entries = new Map();
    let start = 0;
    while (start < out.length) {
        let end = out.indexOf('\0', start);
        if (end < 0)
            end = out.length;
        const tab = out.indexOf('\t', start);
        if (tab > start && tab < end) {
            const path = out.slice(tab + 1 + prefix.length, end);
            if (wanted.has(path) && out.startsWith(prefix, tab + 1)) {
                // ls-files -s: "<mode> <blob> <stage>"; ls-tree: "<mode> <type> <blob>".
                const sp1 = out.indexOf(' ', start);
                const blob = format === 'ls-files' ? out.slice(sp1 + 1, sp1 + 41) : out.slice(tab - 40, tab);
                entries.set(path, { mode: out.slice(start, sp1), blob });
            }
        }
        start = end + 1;
    }
    return entries;
}
function fromEntry(e) {
    const mode = e && GIT_MODES[e.mode];
    return mode ? { mode, digest: e.blob } : undefined;
}
/**
 * The git fast path: unchanged tracked files take their blob IDs from the index for free; only files that
 * `git diff-files` reports as changed, and untracked files, are read. Outside a work tree, every file is streamed.
 * Both paths give identical digests (git blob IDs), so keys do not depend on which one ran.
 */
async function workingTreeDigests(sourceDir, paths) {
    const prefix = await gitPrefix(sourceDir);
    if (prefix === undefined)
        return streamDigests(sourceDir, paths);
    const git = (0,esm/* simpleGit */.Lp)(sourceDir);
    // Run in sourceDir, both list paths relative to it (ls-files) or need the prefix stripped (diff-files).
    const [indexOut, changedOut] = await Promise.all([
        git.raw(['ls-files', '-s', '-z', '--', '.']),
        git.raw(['diff-files', '--name-only', '-z', '--', '.']),
    ]);
    const index = parseEntries(indexOut, 'ls-files', new Set(paths));
    const changed = new Set(changedOut
        .split('\0')
        .filter(Boolean)
        .map((p) => (p.startsWith(prefix) ? p.slice(prefix.length) : p)));
    const out = new Map();
    const toRead = [];
    for (const p of paths) {
        const known = changed.has(p) ? undefined : fromEntry(index.get(p));
        if (known)
            out.set(p, known);
        else
            toRead.push(p);
    }
    for (const [p, state] of await streamDigests(sourceDir, toRead))
        out.set(p, state);
    return out;
}
/** Digests from a commit's tree (`git ls-tree -r`): the working tree is never read. */
async function commitTreeDigests(sourceDir, commit, paths) {
    const prefix = (await gitPrefix(sourceDir)) ?? '';
    const tree = parseEntries(await (0,esm/* simpleGit */.Lp)(sourceDir).raw(['ls-tree', '-r', '-z', '--full-tree', commit]), 'ls-tree', new Set(paths), prefix);
    const out = new Map();
    for (const p of paths)
        out.set(p, fromEntry(tree.get(p)) ?? { missing: true });
    return out;
}

// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
;// CONCATENATED MODULE: ./src/ids/job-key.ts



/** Bumped whenever the encoding changes, so that no key ever changes meaning silently. */
const KEY_SCHEMA = 'disbuild-key-v1';
function encodeTemplate(h, t, keyOf) {
    h.count('parts', t.length);
    for (const p of t) {
        switch (p.kind) {
            case 'text':
                h.field('text', p.text);
                break;
            case 'output-dir':
                h.field('var', 'OUTPUT_DIR');
                break;
            case 'source-dir':
                h.field('var', 'SOURCE_DIR');
                break;
            case 'dep':
                // The producer's label is replaced by the dependency's key: labels are arbitrary, keys are content.
                h.field('dep', keyOf(p.label));
                break;
        }
    }
}
function encodeCmd(h, cmd, keyOf) {
    if (cmd.kind === 'cat') {
        h.field('cmd', 'cat');
        encodeTemplate(h, cmd.catTemplate, keyOf);
        encodeTemplate(h, cmd.catOutput, keyOf);
        return;
    }
    h.field('cmd', 'exec');
    h.count('argv', cmd.exec.length);
    for (const a of cmd.exec)
        encodeTemplate(h, a, keyOf);
    h.count('environ', cmd.environ.length);
    for (const e of cmd.environ)
        encodeTemplate(h, e, keyOf);
    encodeTemplate(h, cmd.workingDirectory, keyOf);
}
/**
 * Every job's key, dependencies first. `digests` must hold every input path; a missing input is a problem that
 * names the job and the input. Name and labels never enter a key.
 */
function computeKeys(graph, digests, salt) {
    const keys = new Map();
    const problems = [];
    const keyOf = (label) => keys.get(label);
    for (const label of topologicalOrder(graph)) {
        const job = graph.byLabel.get(label);
        const h = new CanonicalHasher().field('schema', KEY_SCHEMA).field('salt', salt);
        h.count('inputs', job.inputs.length);
        job.inputs.forEach((path, i) => {
            const state = digests.get(path);
            if (!state || 'missing' in state) {
                problems.push({ job: job.name, field: `Inputs[${i}]`, message: `input file ${path} does not exist` });
                return;
            }
            h.field('path', path).field('mode', state.mode).field('digest', state.digest);
        });
        h.count('cmds', job.cmds.length);
        for (const cmd of job.cmds)
            encodeCmd(h, cmd, keyOf);
        const depKeys = job.deps.map(keyOf).sort(compareCodeUnits);
        h.count('deps', depKeys.length);
        for (const k of depKeys)
            h.field('key', k);
        keys.set(label, h.hex());
    }
    return problems.length > 0 ? (0,result/* err */._)(problems) : (0,result.ok)(keys);
}
/** Labels ordered so that every job comes after its dependencies (the graph is known to be acyclic). */
function topologicalOrder(graph) {
    const order = [];
    const state = new Map();
    for (const root of graph.jobs) {
        if (state.has(root.label))
            continue;
        const stack = [{ label: root.label, next: 0 }];
        state.set(root.label, 1);
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            const deps = graph.byLabel.get(top.label).deps;
            if (top.next < deps.length) {
                const d = deps[top.next++];
                if (!state.has(d)) {
                    state.set(d, 1);
                    stack.push({ label: d, next: 0 });
                }
            }
            else {
                state.set(top.label, 2);
                order.push(top.label);
                stack.pop();
            }
        }
    }
    return order;
}
function allInputs(graph) {
    const set = new Set();
    for (const j of graph.jobs)
        for (const i of j.inputs)
            set.add(i);
    return [...set];
}
/** Keys from the source directory as it is now (git fast path inside a work tree, streaming outside). */
async function keyGraph(graph, sourceDir, salt) {
    return computeKeys(graph, await workingTreeDigests(sourceDir, allInputs(graph)), salt);
}
/** Keys from a commit's tree: what the pre-push hook uses, so uncommitted changes never count. */
async function keyGraphAtCommit(graph, sourceDir, commit, salt) {
    return computeKeys(graph, await commitTreeDigests(sourceDir, commit, allInputs(graph)), salt);
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
