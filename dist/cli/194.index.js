export const id = 194;
export const ids = [194];
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
/* harmony import */ var _graph_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8105);



/** Loads and validates a graph file; prints every problem and answers undefined when it is invalid. */
async function loadGraphOrReport(graphPath, sourceDir, io, knownFiles) {
    const loaded = await (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .loadGraphFile */ .rn)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, graphPath), sourceDir, knownFiles);
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

/***/ 8105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rn: () => (/* binding */ loadGraphFile),
  Vb: () => (/* binding */ parseGraphText)
});

// UNUSED EXPORTS: checkFilesExist, parseGraphTextIn, pathKinds

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/graph/go-json.ts
/**
 * Go's encoding/json conventions over decoded JSON: struct fields match keys case-insensitively, `null` is an
 * empty slice or map, unknown keys are ignored, and when several keys match one field the last one in the
 * document wins (Go decodes keys in order, each overwriting the field).
 *
 * JSON.parse keeps a key's first position but its last value, so when two differently cased keys match the same
 * field the document order is lost. `readStruct` notices that case and says so; the caller then decodes the text
 * again with `decodeOrdered` (go-decode.ts), which keeps Go's order. Graph producers written in Go never emit
 * such keys, so the fast path is the only one that matters for speed.
 */
/**
 * Go's case folding of a key, as `encoding/json` matches keys to fields (`unicode.ToUpper(unicode.ToLower(r))`
 * per rune): ASCII case, plus the four non-ASCII letters that fold onto ASCII ones, the long s (ſ), the dotless
 * and the dotted capital i (ı, İ) and the Kelvin sign (U+212A). They are replaced before lower-casing, because
 * JavaScript lower-cases İ to two characters.
 */
function goFold(key) {
    return key.replace(/[\u017f\u0131\u0130\u212a]/g, (c) => NON_ASCII_FOLDS[c]).toLowerCase();
}
const NON_ASCII_FOLDS = {
    '\u017f': 's',
    '\u0131': 'i',
    '\u0130': 'i',
    '\u212a': 'k',
};
/** Describes a Go struct by its field names. */
function structType(...fields) {
    // Exact spellings first: producers write the Go field names, so most keys are found without folding.
    return new Map([
        ...fields.map((f) => [f, f]),
        ...fields.map((f) => [goFold(f), f]),
    ]);
}
/** Reads a JSON object as the Go struct `type` would be decoded: one `Object.keys` walk per object. */
function readStruct(obj, type) {
    const values = {};
    let ambiguous = false;
    for (const key of Object.keys(obj)) {
        const f = type.get(key) ?? type.get(goFold(key));
        if (f === undefined)
            continue;
        if (Object.prototype.hasOwnProperty.call(values, f))
            ambiguous = true;
        values[f] = obj[key];
    }
    return { values, ambiguous };
}
/** True for a JSON object (not null, not a list). */
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

;// CONCATENATED MODULE: ./src/graph/go-decode.ts

/**
 * Decodes JSON keeping Go's rule for repeated keys: of the keys of one object that fold to the same name, the
 * last in the document wins; a later `null` leaves an earlier string, number or boolean in place, because Go's
 * decoder leaves such fields unchanged on `null` (it empties only slices, maps and pointers).
 *
 * Only used when JSON.parse's result is ambiguous (two differently cased keys for one field), so it favours
 * plainness over speed. The text is known to be valid JSON: JSON.parse accepted it first.
 */
function decodeOrdered(text) {
    const d = new Decoder(text);
    return d.value();
}
const WS = new Set([' ', '\t', '\n', '\r']);
class Decoder {
    text;
    i = 0;
    constructor(text) {
        this.text = text;
    }
    value() {
        this.ws();
        const c = this.text[this.i];
        if (c === '{')
            return this.object();
        if (c === '[')
            return this.list();
        if (c === '"')
            return this.string();
        return this.scalar();
    }
    ws() {
        while (WS.has(this.text[this.i] ?? ''))
            this.i++;
    }
    object() {
        const obj = Object.create(null);
        const keyByFold = new Map();
        this.i++;
        this.ws();
        if (this.text[this.i] === '}') {
            this.i++;
            return obj;
        }
        for (;;) {
            this.ws();
            const key = this.string();
            this.ws();
            this.i++; // ':'
            const v = this.value();
            setLast(obj, keyByFold, key, v);
            this.ws();
            if (this.text[this.i++] === '}')
                return obj;
        }
    }
    list() {
        const out = [];
        this.i++;
        this.ws();
        if (this.text[this.i] === ']') {
            this.i++;
            return out;
        }
        for (;;) {
            out.push(this.value());
            this.ws();
            if (this.text[this.i++] === ']')
                return out;
        }
    }
    string() {
        const start = this.i;
        this.i++;
        while (this.text[this.i] !== '"')
            this.i += this.text[this.i] === '\\' ? 2 : 1;
        this.i++;
        return JSON.parse(this.text.slice(start, this.i));
    }
    scalar() {
        const m = /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(this.text.slice(this.i, this.i + 400));
        this.i += m[0].length;
        return JSON.parse(m[0]);
    }
}
function setLast(obj, keyByFold, key, v) {
    const fold = goFold(key);
    const earlier = keyByFold.get(fold);
    if (earlier !== undefined) {
        const old = obj[earlier];
        if (v === null && old !== null && typeof old !== 'object')
            return;
        delete obj[earlier];
    }
    keyByFold.set(fold, key);
    obj[key] = v;
}

;// CONCATENATED MODULE: ./src/graph/json-position.ts
/**
 * Where a JSON text first goes wrong, as line:column (both from 1; columns count UTF-16 code units, as editors
 * do). Node 20's JSON.parse says "at position N" for most errors; for the others ("Unexpected token '}', … is not
 * valid JSON", "Unexpected end of JSON input") a small scanner finds the offset itself. It only validates and
 * builds nothing; on input too deeply nested for it, the answer is 1:1.
 */
function jsonErrorLocation(text, message = '') {
    const stated = / at position (\d+)/.exec(message);
    const offset = stated ? Math.min(Number(stated[1]), text.length) : scannedOffset(text);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1, offset };
}
function scannedOffset(text) {
    try {
        return firstErrorOffset(text);
    }
    catch (e) {
        if (e instanceof RangeError)
            return 0;
        throw e;
    }
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
 * Dependency cycles. Every cycle is reported at once: one per strongly connected component (Tarjan's algorithm,
 * iterative so that a 100,000-deep chain does not overflow the stack), each as the shortest cycle through the
 * component's first node in the map's order, so that messages are short and stable.
 *
 * Deals with: nodes and their successors. Does not deal with: names or messages (validate.ts renders those).
 * Successors that are not keys of the map (unknown deps, reported elsewhere) are ignored.
 */
/** One cycle, as the nodes along it with the first repeated at the end (`a b c a`); undefined when acyclic. */
function findCycle(deps) {
    return findCycles(deps)[0];
}
/** One cycle per strongly connected component that has one, in the map's order of their first nodes. */
function findCycles(deps) {
    const cycles = [];
    for (const component of cyclicComponents(deps)) {
        const start = component[0];
        cycles.push(shortestCycleThrough(start, new Set(component), deps));
    }
    return cycles;
}
/**
 * Components with more than one node, or one node depending on itself; nodes listed in the map's order. Nodes
 * are numbered once and the per-node state lives in typed arrays: on 100,000 jobs this is several times
 * cheaper, in time and memory, than maps keyed by node.
 */
function cyclicComponents(deps) {
    const nodes = [...deps.keys()];
    const number = new Map();
    nodes.forEach((n, i) => number.set(n, i));
    const index = new Int32Array(nodes.length).fill(-1);
    const low = new Int32Array(nodes.length);
    const onStack = new Uint8Array(nodes.length);
    const stack = [];
    const out = [];
    let counter = 0;
    const visit = (v) => {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
    };
    for (let root = 0; root < nodes.length; root++) {
        if (index[root] !== -1)
            continue;
        const frames = [{ v: root, next: 0 }];
        visit(root);
        while (frames.length > 0) {
            const top = frames[frames.length - 1];
            const succ = deps.get(nodes[top.v]);
            if (top.next < succ.length) {
                const w = number.get(succ[top.next++]);
                if (w === undefined)
                    continue;
                if (index[w] === -1) {
                    visit(w);
                    frames.push({ v: w, next: 0 });
                }
                else if (onStack[w])
                    low[top.v] = Math.min(low[top.v], index[w]);
                continue;
            }
            frames.pop();
            const parent = frames[frames.length - 1];
            if (parent)
                low[parent.v] = Math.min(low[parent.v], low[top.v]);
            if (low[top.v] !== index[top.v])
                continue;
            const component = [];
            let w;
            do {
                w = stack.pop();
                onStack[w] = 0;
                component.push(w);
            } while (w !== top.v);
            if (component.length > 1 || succ.includes(nodes[top.v]))
                out.push(component.sort((a, b) => a - b));
        }
    }
    return out.sort((a, b) => a[0] - b[0]).map((c) => c.map((v) => nodes[v]));
}
/** Breadth-first search inside one component, from `start` back to it. */
function shortestCycleThrough(start, within, deps) {
    const parent = new Map();
    let frontier = [start];
    while (frontier.length > 0) {
        const next = [];
        for (const node of frontier) {
            for (const child of deps.get(node)) {
                if (child === start)
                    return [...pathTo(node, start, parent), start];
                if (!within.has(child) || parent.has(child))
                    continue;
                parent.set(child, node);
                next.push(child);
            }
        }
        frontier = next;
    }
    // A strongly connected component always leads back to its start.
    throw new Error('no cycle through a node of a cyclic component');
}
function pathTo(node, start, parent) {
    const path = [node];
    for (let n = node; n !== start;) {
        n = parent.get(n);
        path.push(n);
    }
    return path.reverse();
}

// EXTERNAL MODULE: ./src/graph/template.ts
var graph_template = __webpack_require__(6244);
;// CONCATENATED MODULE: ./src/graph/validate-cmd.ts


const CMD = structType('Exec', 'Environ', 'WorkingDirectory', 'CatTemplate', 'CatOutput');
/**
 * One `Cmd`: an exec (`Exec` set) or a cat (`CatOutput` set), never both, never neither. Every string is a
 * template, and each one's `{{DEP:x}}` must name one of the job's `deps`. `where` is `Cmds[i]`.
 */
function readCmd(raw, job, deps, where, cx) {
    if (!isObject(raw)) {
        cx.add(job, where, `must be an object, got ${describe(raw)}`);
        return undefined;
    }
    const { values: f, ambiguous } = readStruct(raw, CMD);
    if (ambiguous)
        cx.ambiguousKeys = true;
    const template = (value, field) => {
        const t = cx.template(value, job, `${where}.${field}`);
        for (const label of (0,graph_template/* depLabels */.LR)(t)) {
            if (!deps.includes(label))
                cx.add(job, `${where}.${field}`, `refers to {{DEP:${label}}}, which is not in Deps`);
        }
        return t;
    };
    const hasExec = f.Exec !== null && f.Exec !== undefined;
    const catOutput = cx.string(f.CatOutput, job, `${where}.CatOutput`);
    if (hasExec && catOutput !== '') {
        cx.add(job, where, 'sets both Exec and CatOutput; a command is either an exec or a cat');
        return undefined;
    }
    if (catOutput !== '') {
        const catTemplate = cx.string(f.CatTemplate, job, `${where}.CatTemplate`);
        return {
            kind: 'cat',
            catTemplate: template(catTemplate, 'CatTemplate'),
            catOutput: template(catOutput, 'CatOutput'),
        };
    }
    if (!hasExec) {
        cx.add(job, where, 'sets neither Exec nor CatOutput; a command is either an exec or a cat');
        return undefined;
    }
    const exec = cx.strings(f.Exec, job, `${where}.Exec`);
    if (Array.isArray(f.Exec) && exec.length === 0)
        cx.add(job, `${where}.Exec`, 'is empty: an exec needs a program');
    if (exec[0] === '')
        cx.add(job, `${where}.Exec[0]`, 'is empty: an exec needs a program');
    const environ = cx.strings(f.Environ, job, `${where}.Environ`);
    environ.forEach((e, i) => {
        if (e !== undefined && !/^[^=]+=/.test(e)) {
            cx.add(job, `${where}.Environ[${i}]`, `must look like KEY=VALUE, got ${JSON.stringify(e)}`);
        }
    });
    const templates = (list, field) => list.map((s, i) => (s === undefined ? [] : template(s, `${field}[${i}]`)));
    return {
        kind: 'exec',
        exec: templates(exec, 'Exec'),
        environ: templates(environ, 'Environ'),
        workingDirectory: template(cx.string(f.WorkingDirectory, job, `${where}.WorkingDirectory`), 'WorkingDirectory'),
    };
}

;// CONCATENATED MODULE: ./src/graph/validate-context.ts


/** Entries kept per memo: graphs repeat a few thousand strings, and the bound keeps an odd graph from growing it. */
const MEMO_LIMIT = 1_000_000;
/**
 * The state of one validation: the problems found so far (collected, never thrown, so that a user sees every one
 * at once), and memos that let a 100,000-job graph share one copy of each repeated string and parsed template.
 */
class ValidateContext {
    options;
    problems = [];
    /** Set when an object had two differently cased keys for one field: JSON.parse lost their order. */
    ambiguousKeys = false;
    templates = new Map();
    interned = new Map();
    constructor(options = {}) {
        this.options = options;
    }
    /** Records a problem. */
    add(job, field, message) {
        this.problems.push({
            ...(job === undefined ? {} : { job }),
            ...(field === undefined ? {} : { field }),
            message,
        });
    }
    /** One copy of each input path, however many jobs name it. */
    intern(s) {
        const known = this.interned.get(s);
        if (known !== undefined)
            return known;
        if (this.interned.size < MEMO_LIMIT)
            this.interned.set(s, s);
        return s;
    }
    /** Parses a command string, reporting an error at `job`/`where`; an erroneous string becomes an empty template. */
    template(value, job, where) {
        const known = this.templates.get(value);
        if (known)
            return known;
        const t = (0,graph_template/* parseTemplate */.QC)(value);
        if (!t.ok) {
            this.add(job, where, t.error);
            return [];
        }
        // Graphs repeat the same strings (`sh`, `-c`, paths) thousands of times: one parsed copy serves all.
        if (this.templates.size < MEMO_LIMIT)
            this.templates.set(value, t.value);
        return t.value;
    }
    /**
     * A `[]string` field: null is empty, a string or any non-list is a type error naming the field. Elements keep
     * their indices (a wrong one becomes undefined after its problem is recorded), so later messages name the
     * producer's index.
     */
    strings(value, job, where) {
        if (value === null || value === undefined)
            return [];
        if (!Array.isArray(value)) {
            this.add(job, where, `must be a list of strings, got ${describe(value)}`);
            return [];
        }
        return value.map((v, i) => {
            if (typeof v === 'string')
                return v;
            this.add(job, `${where}[${i}]`, `must be a string, got ${describe(v)}`);
            return undefined;
        });
    }
    /** A `string` field: null is empty, anything else but a string is a type error naming the field. */
    string(value, job, where) {
        if (value === null || value === undefined)
            return '';
        if (typeof value === 'string')
            return value;
        this.add(job, where, `must be a string, got ${describe(value)}`);
        return '';
    }
}

// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
;// CONCATENATED MODULE: ./src/graph/validate.ts






const HEX40 = /^[0-9a-fA-F]{40}$/;
const GRAPH = structType('SourceFiles', 'Jobs');
const JOB = structType('ID', 'Name', 'Inputs', 'Deps', 'Cmds');
/** Validates decoded graph JSON (DESIGN.md §1) into a Graph, or every problem found. */
function validateGraph(raw, options = {}) {
    return validateDecoded(raw, options).result;
}
/**
 * As `validateGraph`, and says whether two differently cased keys matched one field somewhere, in which case a
 * caller holding the text decodes it again in document order (`decodeOrdered`). The decoded jobs are released
 * one by one as they are read, so a 100,000-job graph is never held twice over.
 */
function validateDecoded(raw, options = {}) {
    const cx = new ValidateContext(options);
    const result = validate(raw, cx);
    return { result, ambiguousKeys: cx.ambiguousKeys };
}
function validate(raw, cx) {
    if (!isObject(raw))
        return (0,result/* err */._)([{ message: `the graph must be a JSON object, got ${describe(raw)}` }]);
    const { values: g, ambiguous } = readStruct(raw, GRAPH);
    if (ambiguous)
        cx.ambiguousKeys = true;
    const sourceFiles = readSourceFiles(g.SourceFiles, cx);
    const rawJobs = g.Jobs ?? [];
    if (!Array.isArray(rawJobs)) {
        cx.add(undefined, 'Jobs', `must be a list of jobs, got ${describe(rawJobs)}`);
        return (0,result/* err */._)(cx.problems);
    }
    const jobs = [];
    const byLabel = new Map();
    const depOrigins = new Map();
    rawJobs.forEach((rawJob, i) => {
        const read = readJob(rawJob, i, cx);
        rawJobs[i] = null;
        if (!read)
            return;
        const { job, depOrigin } = read;
        if (depOrigin)
            depOrigins.set(job, depOrigin);
        const other = byLabel.get(job.label);
        if (other) {
            cx.add(job.name, 'ID', `duplicate ID ${job.label}, also used by job ${JSON.stringify(other.name)}`);
            return;
        }
        byLabel.set(job.label, job);
        jobs.push(job);
    });
    checkDeps(jobs, byLabel, depOrigins, cx);
    return cx.problems.length > 0 ? (0,result/* err */._)(cx.problems) : (0,result.ok)({ sourceFiles, jobs, byLabel });
}
function readSourceFiles(raw, cx) {
    const files = new Map();
    if (raw === null || raw === undefined)
        return files;
    if (!isObject(raw)) {
        cx.add(undefined, 'SourceFiles', `must be an object of ID to path, got ${describe(raw)}`);
        return files;
    }
    for (const [id, path] of Object.entries(raw)) {
        const where = `SourceFiles[${JSON.stringify(id)}]`;
        if (!HEX40.test(id))
            cx.add(undefined, where, 'is not a 40-character hex ID');
        else if (files.has(id.toLowerCase()))
            cx.ambiguousKeys = true;
        if (typeof path !== 'string')
            cx.add(undefined, where, `must be a path string, got ${describe(path)}`);
        else {
            files.set(id.toLowerCase(), path);
            if (cx.options.inputKind?.(path) === 'missing')
                cx.add(undefined, where, `source file ${path} does not exist`);
        }
    }
    return files;
}
/** A job is named by its Name, or by its label when the name is empty (or by its index when the ID is bad). */
function readJob(raw, index, cx) {
    if (!isObject(raw)) {
        cx.add(undefined, `Jobs[${index}]`, `must be an object, got ${describe(raw)}`);
        return undefined;
    }
    const { values: f, ambiguous } = readStruct(raw, JOB);
    if (ambiguous)
        cx.ambiguousKeys = true;
    const validId = typeof f.ID === 'string' && HEX40.test(f.ID) ? f.ID.toLowerCase() : undefined;
    const nameText = typeof f.Name === 'string' ? f.Name : '';
    const idText = typeof f.ID === 'string' && f.ID !== '' ? f.ID : undefined;
    const name = nameText !== '' ? nameText : (validId ?? idText ?? `Jobs[${index}]`);
    cx.string(f.Name, name, 'Name');
    if (validId === undefined) {
        cx.add(name, 'ID', `must be 40 hex characters, got ${f.ID === undefined ? 'nothing' : JSON.stringify(f.ID)}`);
    }
    const inputs = readInputs(cx.strings(f.Inputs, name, 'Inputs'), name, cx);
    const deps = [];
    const depOrigin = [];
    cx.strings(f.Deps, name, 'Deps').forEach((d, i) => {
        if (d === undefined)
            return;
        const label = d.toLowerCase();
        if (!HEX40.test(d))
            cx.add(name, `Deps[${i}]`, `must be 40 hex characters, got ${JSON.stringify(d)}`);
        else if (!deps.includes(label)) {
            deps.push(label);
            depOrigin.push(i);
        }
    });
    const cmds = [];
    const rawCmds = f.Cmds ?? [];
    if (!Array.isArray(rawCmds))
        cx.add(name, 'Cmds', `must be a list of commands, got ${describe(rawCmds)}`);
    else {
        rawCmds.forEach((c, i) => {
            const cmd = readCmd(c, name, deps, `Cmds[${i}]`, cx);
            if (cmd)
                cmds.push(cmd);
        });
    }
    if (validId === undefined)
        return undefined;
    const job = { label: validId, name, inputs, deps, cmds };
    // Kept only when deduplication shifted an index, so messages still name the producer's `Deps[i]`.
    return depOrigin.every((o, k) => o === k) ? { job } : { job, depOrigin };
}
/**
 * Normalises input paths (`./a//b` → `a/b`), refusing empty, absolute and escaping ones (a backslash is an
 * ordinary character, as it is in a POSIX file name); sorted by UTF-16 code units, deduplicated. When the
 * options can look paths up, a missing input is reported with the producer's index.
 */
function readInputs(raw, job, cx) {
    const out = new Set();
    const kind = cx.options.inputKind;
    raw.forEach((p, i) => {
        if (p === undefined)
            return;
        const where = `Inputs[${i}]`;
        if (p === '')
            return cx.add(job, where, 'is empty');
        if (p.startsWith('/')) {
            return cx.add(job, where, `must be relative to the source directory, got ${JSON.stringify(p)}`);
        }
        const norm = external_node_path_.posix.normalize(p).replace(/\/$/, '');
        if (norm === '..' || norm.startsWith('../')) {
            return cx.add(job, where, `must not leave the source directory, got ${JSON.stringify(p)}`);
        }
        if (norm === '.')
            return cx.add(job, where, `must name a file, got ${JSON.stringify(p)}`);
        if (out.has(norm))
            return;
        out.add(cx.intern(norm));
        const k = kind?.(norm) ?? 'file';
        if (k === 'missing')
            cx.add(job, where, `input file ${norm} does not exist`);
        else if (k === 'dir')
            cx.add(job, where, `input ${norm} is a directory; list its files`);
        else if (k === 'other')
            cx.add(job, where, `input ${norm} is not a regular file or a symbolic link`);
    });
    return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
/** Unknown deps, then every dependency cycle, each as the chain of job names. */
function checkDeps(jobs, byLabel, depOrigins, cx) {
    const field = (job, k) => `Deps[${depOrigins.get(job)?.[k] ?? k}]`;
    for (const job of jobs) {
        job.deps.forEach((d, k) => {
            if (!byLabel.has(d))
                cx.add(job.name, field(job, k), `unknown dependency ${d}`);
        });
    }
    for (const cycle of findCycles(new Map(jobs.map((j) => [j.label, j.deps])))) {
        const first = byLabel.get(cycle[0]);
        const names = cycle.map((l) => byLabel.get(l).name);
        cx.add(first.name, field(first, first.deps.indexOf(cycle[1])), `dependency cycle: ${names.join(' -> ')}`);
    }
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
    return parseWith(text, {});
}
/**
 * As `parseGraphText`, also checking that every input and SourceFiles path exists under `sourceDir`, as
 * `loadGraphFile` does for a file (for a graph printed by a command, say).
 */
function parseGraphTextIn(text, sourceDir) {
    return parseWith(text, { inputKind: pathKinds(sourceDir) });
}
function parseWith(text, options) {
    const raw = decode(text);
    if (!raw.ok)
        return raw;
    const first = validateDecoded(raw.value, options);
    // Rare: differently cased keys for one field, whose document order JSON.parse dropped. Decode again in order.
    return first.ambiguousKeys ? validateDecoded(decodeOrdered(text), options).result : first.result;
}
function decode(text) {
    try {
        return (0,result.ok)(JSON.parse(text));
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const at = jsonErrorLocation(text, message);
        // The position becomes line:column; the text V8 quotes is the whole input; a quoted newline is shown escaped.
        const reason = message
            .replace(/,? "[^]*" is not valid JSON$/, '')
            .replace(/ (in JSON )?at position \d+[^]*$/, '')
            .replace(/[\u0000-\u001f]/g, (c) => JSON.stringify(c).slice(1, -1));
        return (0,result/* err */._)([{ message: `malformed JSON at line ${at.line}, column ${at.column}: ${reason}` }]);
    }
}
/**
 * Reads a graph file and validates it, also checking that every input and every SourceFiles path exists under
 * `sourceDir`. All problems come back together, missing inputs named by job and the producer's `Inputs[i]`.
 * `knownFiles` (awaited once the file is parsed) are paths already known to be files, not looked up: git's
 * account of the work tree, which costs nothing more when keys use it anyway.
 */
async function loadGraphFile(path, sourceDir, knownFiles) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (e) {
        const why = e.code ?? e.message;
        return (0,result/* err */._)([{ message: `cannot read graph file ${path}: ${why}` }]);
    }
    const raw = decode(text);
    // The text is dropped before validation: for large graphs it is tens of megabytes nobody needs any more.
    text = '';
    if (!raw.ok)
        return raw;
    const options = { inputKind: pathKinds(sourceDir, await knownFiles) };
    let validated = validateDecoded(raw.value, options);
    if (validated.ambiguousKeys) {
        // Rare (see parseGraphText): the file is read again rather than its text kept through every validation.
        validated = validateDecoded(decodeOrdered(await (0,promises_.readFile)(path, 'utf8')), options);
    }
    // The decoded JSON tree of a large graph is hundreds of megabytes of garbage by now: collect it before keying.
    if (validated.result.ok && validated.result.value.jobs.length > 10_000)
        collectGarbage();
    return validated.result;
}
/**
 * What is at each relative path under `sourceDir`, asked once per path. Each directory is listed once (with
 * file types) instead of one lstat per file: inputs come many to a directory, and 10,000 inputs in 1,000
 * directories cost a third of the time. A name the listing does not show (or does not type) is lstat-ed, so
 * case-insensitive file systems and odd file systems answer exactly as lstat does. Paths in `knownFiles` are
 * files without asking.
 */
function pathKinds(sourceDir, knownFiles) {
    const memo = new Map();
    const listings = new Map();
    // Keyed by the directory's relative path: joining and normalising every input path costs more than the calls.
    const listed = (relDir) => {
        if (listings.has(relDir))
            return listings.get(relDir);
        let kinds;
        try {
            kinds = new Map();
            for (const e of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(sourceDir, relDir), { withFileTypes: true })) {
                const k = e.isFile() || e.isSymbolicLink()
                    ? 'file'
                    : e.isDirectory()
                        ? 'dir'
                        : e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice()
                            ? 'other'
                            : undefined;
                if (k !== undefined)
                    kinds.set(e.name, k);
            }
        }
        catch {
            kinds = undefined;
        }
        listings.set(relDir, kinds);
        return kinds;
    };
    return (rel) => {
        if (knownFiles?.has(rel))
            return 'file';
        let k = memo.get(rel);
        if (k === undefined) {
            const slash = rel.lastIndexOf('/');
            k =
                listed(slash < 0 ? '' : rel.slice(0, slash))?.get(rel.slice(slash + 1)) ??
                    lstatKind((0,external_node_path_.join)(sourceDir, rel));
            memo.set(rel, k);
        }
        return k;
    };
}
function lstatKind(path) {
    const st = (0,external_node_fs_.lstatSync)(path, { throwIfNoEntry: false });
    if (st === undefined)
        return 'missing';
    if (st.isFile() || st.isSymbolicLink())
        return 'file';
    return st.isDirectory() ? 'dir' : 'other';
}
/**
 * Checks that the files of an already validated graph exist under `sourceDir`: SourceFiles paths always, inputs
 * unless `inputs` is false (for callers whose keying step reports missing inputs itself). Inputs are named by
 * their index in the normalised, sorted list.
 */
function checkFilesExist(graph, sourceDir, opts = { inputs: true }) {
    const kind = pathKinds(sourceDir);
    const problems = [];
    for (const job of opts.inputs ? graph.jobs : []) {
        job.inputs.forEach((input, i) => {
            const k = kind(input);
            const field = `Inputs[${i}]`;
            if (k === 'missing')
                problems.push({ job: job.name, field, message: `input file ${input} does not exist` });
            else if (k === 'dir')
                problems.push({ job: job.name, field, message: `input ${input} is a directory; list its files` });
            else if (k === 'other') {
                problems.push({
                    job: job.name,
                    field,
                    message: `input ${input} is not a regular file or a symbolic link`,
                });
            }
        });
    }
    for (const [id, path] of graph.sourceFiles) {
        if (kind(path) === 'missing') {
            problems.push({
                field: `SourceFiles[${JSON.stringify(id)}]`,
                message: `source file ${path} does not exist`,
            });
        }
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
/* harmony import */ var _util_unreachable_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3914);


/**
 * Command strings carry variables in two spellings, the plain one and Go's text/template one:
 * `{{OUTPUT_DIR}}` / `{{.OutputDir}}`, `{{SOURCE_DIR}}` / `{{.SourceDir}}`, `{{DEP:<hex>}}` /
 * `{{index .Deps "<hex>"}}`. Spaces inside the braces are allowed, as Go allows them. Anything else between
 * `{{` and `}}` is an error, and so is a `{{` that is never closed: Go's template parser refuses both, and a
 * silently literal `{{` would only fail later, inside the job.
 */
const HEX40 = /^[0-9a-fA-F]{40}$/;
/** `index .Deps "<hex>"`, with a Go interpreted or raw (back-quoted) string literal. */
const GO_INDEX = /^index\s+\.Deps\s+(?:"([^"]*)"|`([^`]*)`)$/;
/** One variable's text between the braces → its part, or an error message. */
function parseVariable(whole, inner) {
    const v = inner.trim();
    if (v === 'OUTPUT_DIR' || v === '.OutputDir')
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__.ok)({ kind: 'output-dir' });
    if (v === 'SOURCE_DIR' || v === '.SourceDir')
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__.ok)({ kind: 'source-dir' });
    const go = GO_INDEX.exec(v);
    const hex = v.startsWith('DEP:') ? v.slice(4).trim() : go ? (go[1] ?? go[2]) : undefined;
    if (hex === undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(`unknown template variable ${whole}`);
    if (!HEX40.test(hex))
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(`${whole} must name a dependency by its 40-character hex ID`);
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__.ok)({ kind: 'dep', label: hex.toLowerCase() });
}
/** Splits a command string into text and variables; an unknown `{{…}}` is an error that quotes it. */
function parseTemplate(s) {
    const parts = [];
    let last = 0;
    for (;;) {
        const open = s.indexOf('{{', last);
        if (open < 0)
            break;
        const close = s.indexOf('}}', open + 2);
        if (close < 0)
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_0__/* .err */ ._)(`unclosed template variable ${JSON.stringify(s.slice(open, open + 40))}`);
        const whole = s.slice(open, close + 2);
        const part = parseVariable(whole, s.slice(open + 2, close));
        if (!part.ok)
            return part;
        if (open > last)
            parts.push({ kind: 'text', text: s.slice(last, open) });
        parts.push(part.value);
        last = close + 2;
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
            default:
                (0,_util_unreachable_js__WEBPACK_IMPORTED_MODULE_1__/* .unreachable */ .H)(p);
        }
    }
    return s;
}


/***/ }),

/***/ 9021:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Dj: () => (/* binding */ chooseDigests),
  nd: () => (/* binding */ commitTreeDigests),
  $: () => (/* binding */ startWorkTreeListings),
  IQ: () => (/* binding */ unchangedIndexedFiles)
});

// UNUSED EXPORTS: blobId, chooseDigestSource, commitTreeSource, digestFromDisk, streamDigests, streamSource, workingTreeDigests, workingTreeSource

// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/ids/git-blob.ts



/** Git's blob ID of some bytes: SHA-1 of `blob <size>\0<bytes>`, exactly what `git hash-object` prints. */
function blobId(bytes) {
    const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${b.length}\0`).update(b).digest('hex');
}
/** Files up to this size are read in one call; larger ones are streamed so memory stays bounded. */
const SMALL_FILE = 1024 * 1024;
/** Large files streamed at once: enough to keep a disk busy, few enough to bound memory (32 × 64 KB). */
const CONCURRENCY = 32;
/**
 * Reads one file and digests it as git would: mode from the owner's execute bit (as git's `ce_mode_from_stat`),
 * a symlink as the blob of its target text (never followed). Anything else (directory, socket) is missing.
 */
async function digestFromDisk(path) {
    // Synchronous metadata and small reads: per-call thread-pool round trips cost more than the work itself.
    const st = (0,external_node_fs_.lstatSync)(path, { throwIfNoEntry: false });
    if (st === undefined)
        return { missing: true };
    if (st.isSymbolicLink()) {
        return { mode: 'symlink', digest: blobId((0,external_node_fs_.readlinkSync)(path, { encoding: 'buffer' })) };
    }
    if (!st.isFile())
        return { missing: true };
    const mode = st.mode & 0o100 ? 'executable' : 'regular';
    if (st.size <= SMALL_FILE) {
        const bytes = (0,external_node_fs_.readFileSync)(path);
        // A file rewritten between lstat and read: digest it again rather than mix two versions' size and bytes.
        return bytes.length === st.size ? { mode, digest: blobId(bytes) } : digestFromDisk(path);
    }
    const hash = (0,external_node_crypto_.createHash)('sha1').update(`blob ${st.size}\0`);
    let read = 0;
    for await (const chunk of (0,external_node_fs_.createReadStream)(path)) {
        hash.update(chunk);
        read += chunk.length;
    }
    if (read !== st.size)
        return digestFromDisk(path);
    return { mode, digest: hash.digest('hex') };
}
/**
 * The fallback outside git (and the reader of changed files inside it): digests every path from disk with
 * bounded concurrency. Gives exactly the blob IDs git would, so keys do not depend on which path ran.
 */
async function git_blob_streamDigests(sourceDir, paths) {
    const out = new Map();
    let next = 0;
    const worker = async () => {
        while (next < paths.length) {
            const p = paths[next++];
            out.set(p, await digestFromDisk((0,external_node_path_.join)(sourceDir, p)));
        }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, paths.length) }, worker));
    return out;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/ids/git-command.ts


/**
 * `git <args>` output as UTF-8 text (with `-z`, git writes paths unquoted). Decoded as it arrives, so a large
 * listing is never held as chunks, a joined buffer and a string at once (the peak memory of a 100,000-job graph).
 *
 * Spawned directly rather than through simple-git: on a 100,000-file index, `ls-files -s -z` took 53 ms this way
 * against 63–75 ms through simple-git (which queues every task and gathers its output itself), and here only the
 * `-z` text is needed, parsed by git-output.ts.
 */
function gitText(cwd, args) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        // Decoded chunk by chunk (a multi-byte character split across chunks is handled by the stream's decoder).
        child.stdout.setEncoding('utf8');
        let out = '';
        const errOut = [];
        child.stdout.on('data', (s) => (out += s));
        child.stderr.on('data', (b) => errOut.push(b));
        child.on('error', (e) => resolve((0,result/* err */._)(`git ${args[0] ?? ''}: ${e.message}`)));
        child.on('close', (code) => {
            if (code === 0)
                resolve((0,result.ok)(out));
            else
                resolve((0,result/* err */._)(`git ${args.join(' ')}: ${Buffer.concat(errOut).toString('utf8').trim()}`));
        });
    });
}
/**
 * Where `dir` sits in its git work tree (`''` at the top, `sub/dir/` below it), or undefined when `dir` is not in
 * a work tree (no repository, a bare one, inside `.git`, or no git binary).
 */
async function git_command_workTreePrefix(dir) {
    const r = await gitText(dir, ['rev-parse', '--is-inside-work-tree', '--show-prefix']);
    if (!r.ok)
        return undefined;
    const [inside, prefix] = r.value.split('\n');
    return inside === 'true' ? (prefix ?? '') : undefined;
}

;// CONCATENATED MODULE: ./src/ids/git-output.ts
/** Git's file modes as keys record them. 100664 is a legacy mode that git itself reads as 100644. */
const GIT_MODES = {
    '100644': 'regular',
    '100664': 'regular',
    '100755': 'executable',
    '120000': 'symlink',
};
/** A SHA-1 object ID. Entries with other IDs (SHA-256 repositories) are not used: keys need SHA-1 blob IDs. */
const SHA1_HEX = /^[0-9a-f]{40}$/;
/**
 * Picks wanted paths out of `git ls-files -s -v -z` (`<tag> <mode> <oid> <stage>\t<path>`) or `git ls-tree -r -z`
 * (`<mode> <type> <oid>\t<path>`) output. `prefix` is stripped from paths (entries outside it are skipped).
 * Only regular files, executables and symlinks at stage 0 are returned; anything else (submodules, conflicts)
 * is left out so that the caller reads it from disk or reports it missing. So are index entries that git does not
 * compare with the working tree (tag other than `H`): skip-worktree entries, absent from a sparse checkout, and
 * assume-unchanged ones, which `git status` never reports changed however they are edited.
 */
function parseListing(text, format, paths, prefix = '') {
    // Results are keyed by the caller's own strings, not by slices of `text`: a lookup by slice returns the
    // caller's string, and storing that was 30% faster (and keeps no slice of the whole listing alive).
    const wanted = new Map();
    for (const p of paths)
        wanted.set(p, p);
    const found = new Map();
    forEachRecord(text, (start, tab, end) => {
        if (!text.startsWith(prefix, tab + 1))
            return;
        const path = wanted.get(text.slice(tab + 1 + prefix.length, end));
        if (path === undefined)
            return;
        const state = parseMeta(text, start, tab, format);
        if (state)
            found.set(path, state);
    });
    return found;
}
/**
 * Every path of a `git ls-files -s -v -z` listing that the index holds as a file whose working-tree copy git
 * checks: a regular file, an executable or a symlink, at stage 0, tagged `H`. Whatever else (submodules,
 * conflicts, skip-worktree and assume-unchanged entries) the caller looks up on disk.
 */
function indexedFilePaths(text) {
    const paths = new Set();
    forEachRecord(text, (start, tab, end) => {
        if (lsFilesHead(text, start, tab) !== undefined)
            paths.add(text.slice(tab + 1, end));
    });
    return paths;
}
/** Calls `f` with each NUL-terminated record's start, its first tab (which ends the metadata) and its end. */
function forEachRecord(text, f) {
    let start = 0;
    while (start < text.length) {
        let end = text.indexOf('\0', start);
        if (end < 0)
            end = text.length;
        const tab = text.indexOf('\t', start);
        if (tab > start && tab < end)
            f(start, tab, end);
        start = end + 1;
    }
}
/** `ls-files -s -v`: `<tag> <6-digit mode> <oid> <stage>\t`; with a SHA-1 ID the tab is at offset 51. */
const LS_FILES_SHA1_TAB = 51;
/** `ls-tree` with a SHA-1 ID: `<6-digit mode> blob <40 hex>\t`. */
const LS_TREE_BLOB_SHA1_TAB = 52;
/** The mode of an `ls-files -s -v` record that git keeps in step with the working tree, at stage 0. */
function lsFilesHead(text, start, tab) {
    const checked = text.charCodeAt(start) === 0x48 && text.charCodeAt(start + 1) === 0x20; // "H "
    const stage0 = text.charCodeAt(tab - 1) === 0x30 && text.charCodeAt(tab - 2) === 0x20; // " 0"
    return checked && stage0 ? modeAt(text, start + 2) : undefined;
}
/**
 * The mode and blob ID of the record `text[start, tab)`. The usual layout is read at fixed offsets (slicing and
 * splitting every record tripled the parse time of a 100,000-file index); anything else takes the general path.
 */
function parseMeta(text, start, tab, format) {
    if (format === 'ls-files') {
        const mode = lsFilesHead(text, start, tab);
        if (mode === undefined)
            return undefined;
        if (tab - start === LS_FILES_SHA1_TAB)
            return { mode, digest: sha1At(text, start + 9) };
        const oid = text.slice(start + 9, tab - 2);
        return SHA1_HEX.test(oid) ? { mode, digest: oid } : undefined;
    }
    const mode = modeAt(text, start);
    if (tab - start === LS_TREE_BLOB_SHA1_TAB && text.startsWith(' blob ', start + 6)) {
        return mode ? { mode, digest: sha1At(text, start + 12) } : undefined;
    }
    const [, type = '', oid = ''] = text.slice(start, tab).split(' ');
    return mode && type === 'blob' && SHA1_HEX.test(oid) ? { mode, digest: oid } : undefined;
}
function modeAt(text, at) {
    if (text.charCodeAt(at + 6) !== 0x20)
        return undefined;
    return GIT_MODES[text.slice(at, at + 6)];
}
function sha1At(text, at) {
    return text.slice(at, at + 40);
}
/**
 * The paths whose working-tree file differs from the index, from `git status --porcelain=v1 -z`
 * (`XY <path>`, plus `<orig path>` after renames and copies). Y is the index → working tree column, so a
 * staged-only change (`M `) is not dirty: the index already holds its blob. Paths are relative to the repository
 * root in this format; `prefix` is stripped and paths outside it are dropped.
 */
function parseDirtyPaths(text, prefix = '') {
    const dirty = new Set();
    const fields = text.split('\0');
    for (let i = 0; i < fields.length; i++) {
        const f = fields[i];
        if (f.length < 4)
            continue;
        const x = f[0];
        const y = f[1];
        if (y !== ' ' && f.startsWith(prefix, 3))
            dirty.add(f.slice(3 + prefix.length));
        // A rename or copy is followed by its source path, which is not a record of its own.
        if (x === 'R' || x === 'C' || y === 'R' || y === 'C')
            i++;
    }
    return dirty;
}

;// CONCATENATED MODULE: ./src/ids/file-digest.ts





/**
 * The git fast path: blob IDs and modes of tracked files come from `git ls-files -s -v`; only the requested paths
 * that `git status` finds changed against the index (content, mode, type, deletion) or that are not in the index
 * (untracked, ignored) are read from disk. Fails when `sourceDir` is not in a git work tree or git fails.
 *
 * `git status` rather than `git diff-files`: both cost the same (about 160 ms on a 100,000-file index: each stats
 * every file), but status refreshes stale stat data, checking the content of a file that was touched but not
 * changed, and writes the refreshed index back when it can take the lock (an optional lock, as `git status`
 * always does). diff-files would report every touched file (after a copy, a cache restore, a `touch`) as changed
 * on every run, and each would be re-read: correct, but as slow as the fallback, forever.
 */
async function workingTreeDigests(sourceDir, paths, listings = startWorkTreeListings(sourceDir)) {
    const prefix = await listings.prefix;
    if (prefix === undefined)
        return (0,result/* err */._)(`${sourceDir} is not inside a git work tree`);
    const listed = await listings.index;
    if (!listed.ok)
        return listed;
    // ls-files, run in sourceDir, prints paths relative to it; status prints them from the repository root.
    const index = parseListing(listed.value, 'ls-files', paths);
    const changed = await listings.status;
    if (!changed.ok)
        return changed;
    const dirty = parseDirtyPaths(changed.value, prefix);
    // The index map becomes the answer (one 100,000-entry map less at the peak): dirty entries are replaced below.
    const out = index;
    const toRead = paths.filter((p) => dirty.has(p) || !out.has(p));
    for (const [p, state] of await git_blob_streamDigests(sourceDir, toRead))
        out.set(p, state);
    return (0,result.ok)(out);
}
/**
 * Starts the fast path's git calls. They depend on the directory only, not on the graph, so a caller can start
 * them before it reads the graph and have git stat the work tree on another core meanwhile. All three run at
 * once (gitText never rejects); outside a work tree the listings fail, and only `prefix` is looked at.
 */
function startWorkTreeListings(sourceDir) {
    return {
        prefix: git_command_workTreePrefix(sourceDir),
        index: gitText(sourceDir, ['ls-files', '-s', '-v', '-z', '--', '.']),
        status: gitText(sourceDir, [
            'status',
            '--porcelain=v1',
            '-z',
            '--untracked-files=no',
            '--ignore-submodules=all',
            '--no-renames',
            '--',
            '.',
        ]),
    };
}
/**
 * The paths under the source directory that are files right now by git's account: in the index as a file that git
 * compares with the working tree (see `indexedFilePaths`), and not changed, deleted or replaced there. A caller
 * checking that inputs exist need not look these up on disk. Undefined outside a work tree or when git fails.
 */
async function unchangedIndexedFiles(listings) {
    const prefix = await listings.prefix;
    if (prefix === undefined)
        return undefined;
    const [listed, changed] = await Promise.all([listings.index, listings.status]);
    if (!listed.ok || !changed.ok)
        return undefined;
    const files = indexedFilePaths(listed.value);
    for (const p of parseDirtyPaths(changed.value, prefix))
        files.delete(p);
    return files;
}
/**
 * Digests as of a commit, from `git ls-tree -r --full-tree <commit>`: the working tree is never read (the pre-push
 * hook keys the pushed commit, not the checkout). `repoDir` may be a subdirectory of the work tree: paths are
 * relative to it. A path absent from the commit is missing; an unknown commit is an error.
 */
async function commitTreeDigests(repoDir, commit, paths) {
    if (commit.startsWith('-'))
        return (0,result/* err */._)(`not a commit: ${JSON.stringify(commit)}`);
    const prefix = (await git_command_workTreePrefix(repoDir)) ?? '';
    const listed = await gitText(repoDir, ['ls-tree', '-r', '-z', '--full-tree', commit]);
    if (!listed.ok)
        return listed;
    const tree = parseListing(listed.value, 'ls-tree', paths, prefix);
    const out = new Map();
    for (const p of paths)
        out.set(p, tree.get(p) ?? { missing: true });
    return (0,result.ok)(out);
}
/**
 * The working tree's digests by the fastest correct means: the git fast path inside a work tree, else (or when
 * git fails there) the streaming fallback. Never fails: a missing file is a value.
 */
async function chooseDigests(sourceDir, paths, listings) {
    const fast = await workingTreeDigests(sourceDir, paths, listings);
    return fast.ok ? fast.value : git_blob_streamDigests(sourceDir, paths);
}
/** The streaming fallback as a DigestSource. */
function streamSource(sourceDir) {
    return { kind: 'stream', digests: async (paths) => ok(await streamDigests(sourceDir, paths)) };
}
/** The git fast path as a DigestSource (fails outside a work tree). */
function workingTreeSource(sourceDir) {
    return { kind: 'git-index', digests: (paths) => workingTreeDigests(sourceDir, paths) };
}
/** A commit's tree as a DigestSource. */
function commitTreeSource(repoDir, commit) {
    return { kind: 'git-commit', digests: (paths) => commitTreeDigests(repoDir, commit, paths) };
}
/** The source chooseDigests would use for `sourceDir`: git's index inside a work tree, streaming outside. */
async function chooseDigestSource(sourceDir) {
    return (await workTreePrefix(sourceDir)) === undefined
        ? streamSource(sourceDir)
        : { kind: 'git-index', digests: async (paths) => ok(await chooseDigests(sourceDir, paths)) };
}


/***/ }),

/***/ 2468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Sw: () => (/* binding */ keyGraph),
  CS: () => (/* binding */ keyGraphAtCommit)
});

// UNUSED EXPORTS: KEY_SCHEMA, computeKeys, graphInputs, keyGraphWith

// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
// EXTERNAL MODULE: ./src/util/unreachable.ts
var unreachable = __webpack_require__(3914);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/ids/canonical.ts

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
     * Appends the three fields of one input (`path`, `mode`, `digest`) in one step: the same bytes as three field()
     * calls, built with one concatenation because this runs once per input of every job (a million times in a
     * large graph). `mode` and `digest` are ASCII.
     */
    input(path, mode, digest) {
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
        return this;
    }
    /** Appends a list's length. */
    count(tag, n) {
        return this.field(tag, String(n));
    }
    /** The SHA-1 of everything appended, as 40 lower-case hex characters. */
    hex() {
        return (0,external_node_crypto_.createHash)('sha1').update(this.pending, 'utf8').digest('hex');
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

// EXTERNAL MODULE: ./src/ids/file-digest.ts + 3 modules
var file_digest = __webpack_require__(9021);
;// CONCATENATED MODULE: ./src/ids/topological-order.ts
/**
 * The jobs ordered so that every job comes after its dependencies (the validated graph is acyclic), starting from
 * the producer's order. Iterative, so a 100,000-deep chain does not overflow the stack.
 */
function topologicalOrder(graph) {
    const order = [];
    const seen = new Set();
    const stack = [];
    for (const root of graph.jobs) {
        if (seen.has(root.label))
            continue;
        seen.add(root.label);
        stack.push({ job: root, next: 0 });
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            if (top.next < top.job.deps.length) {
                const dep = top.job.deps[top.next++];
                if (seen.has(dep))
                    continue;
                seen.add(dep);
                stack.push({ job: graph.byLabel.get(dep), next: 0 });
            }
            else {
                order.push(top.job);
                stack.pop();
            }
        }
    }
    return order;
}

;// CONCATENATED MODULE: ./src/ids/job-key.ts





/** Bumped whenever the encoding changes, so that no key ever changes meaning silently. */
const KEY_SCHEMA = 'disbuild-key-v1';
/**
 * Every job's key, dependencies before dependents. `digests` must answer every input path; an input that is
 * missing (or absent from the map) is a problem naming the job and the input, and all such problems come back
 * together.
 */
function computeKeys(graph, digests, salt) {
    const keys = new Map();
    const problems = [];
    const keyOf = (label) => keys.get(label);
    for (const job of topologicalOrder(graph)) {
        const h = new CanonicalHasher().field('schema', KEY_SCHEMA).field('salt', salt);
        encodeInputs(h, job, digests, problems);
        h.count('cmds', job.cmds.length);
        for (const cmd of job.cmds)
            encodeCmd(h, cmd, keyOf);
        const depKeys = job.deps.map(keyOf).sort(compareCodeUnits);
        h.count('deps', depKeys.length);
        for (const k of depKeys)
            h.field('key', k);
        // The one place job keys are minted.
        keys.set(job.label, h.hex());
    }
    return problems.length > 0 ? (0,result/* err */._)(problems) : (0,result.ok)(keys);
}
function encodeInputs(h, job, digests, problems) {
    const inputs = sortedUnique(job.inputs);
    h.count('inputs', inputs.length);
    for (const path of inputs) {
        const state = digests.get(path);
        if (state === undefined || 'missing' in state) {
            // The model's inputs are normalised and sorted, so the producer's index is not known here (the parser
            // names it when the file is missing at load time); the path identifies the input instead.
            problems.push({
                job: job.name || job.label,
                field: 'Inputs',
                message: `input file ${path} does not exist`,
            });
            continue;
        }
        h.input(path, state.mode, state.digest);
    }
}
/** The inputs in code-unit order without duplicates; the validated model already is, so this rarely copies. */
function sortedUnique(inputs) {
    for (let i = 1; i < inputs.length; i++) {
        if (!(inputs[i - 1] < inputs[i]))
            return [...new Set(inputs)].sort(compareCodeUnits);
    }
    return inputs;
}
function encodeCmd(h, cmd, keyOf) {
    switch (cmd.kind) {
        case 'cat':
            h.field('cmd', 'cat');
            encodeTemplate(h, cmd.catTemplate, keyOf);
            encodeTemplate(h, cmd.catOutput, keyOf);
            return;
        case 'exec':
            h.field('cmd', 'exec');
            h.count('argv', cmd.exec.length);
            for (const a of cmd.exec)
                encodeTemplate(h, a, keyOf);
            h.count('environ', cmd.environ.length);
            for (const e of cmd.environ)
                encodeTemplate(h, e, keyOf);
            encodeTemplate(h, cmd.workingDirectory, keyOf);
            return;
        default:
            (0,unreachable/* unreachable */.H)(cmd);
    }
}
function encodeTemplate(h, template, keyOf) {
    const parts = canonicalParts(template);
    h.count('parts', parts.length);
    for (const p of parts) {
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
            default:
                (0,unreachable/* unreachable */.H)(p);
        }
    }
}
/**
 * The template with no empty text parts and no two text parts in a row, so that templates which render the same
 * way encode the same way. The parser already produces this form; then the template itself is returned.
 */
function canonicalParts(template) {
    let canonical = true;
    for (let i = 0; i < template.length && canonical; i++) {
        const p = template[i];
        if (p.kind === 'text' && (p.text === '' || template[i - 1]?.kind === 'text'))
            canonical = false;
    }
    if (canonical)
        return template;
    const out = [];
    for (const p of template) {
        const last = out[out.length - 1];
        if (p.kind !== 'text')
            out.push(p);
        else if (last?.kind === 'text')
            out[out.length - 1] = { kind: 'text', text: last.text + p.text };
        else if (p.text !== '')
            out.push(p);
    }
    return out;
}
/** Every distinct input path of the graph. */
function graphInputs(graph) {
    const set = new Set();
    for (const j of graph.jobs)
        for (const i of j.inputs)
            set.add(i);
    return [...set];
}
/** Keys with digests from any DigestSource; a source that fails is one problem. */
async function keyGraphWith(graph, source, salt) {
    const digests = await source.digests(graphInputs(graph));
    if (!digests.ok)
        return err([{ message: digests.error }]);
    return computeKeys(graph, digests.value, salt);
}
/**
 * Keys from the source directory as it is now (git fast path inside a work tree, streaming outside); `listings`
 * are the fast path's git calls when the caller started them early.
 */
async function keyGraph(graph, sourceDir, salt, listings) {
    return computeKeys(graph, await (0,file_digest/* chooseDigests */.Dj)(sourceDir, graphInputs(graph), listings), salt);
}
/** Keys from a commit's tree: what the pre-push hook uses, so uncommitted changes never count. */
async function keyGraphAtCommit(graph, repoDir, commit, salt) {
    const digests = await (0,file_digest/* commitTreeDigests */.nd)(repoDir, commit, graphInputs(graph));
    if (!digests.ok)
        return (0,result/* err */._)([{ message: `cannot read the tree of ${commit}: ${digests.error}` }]);
    return computeKeys(graph, digests.value, salt);
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

/***/ 3914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ unreachable)
/* harmony export */ });
/** Put in the `default:` of a switch over a union so that a new member is a compile error. */
function unreachable(value) {
    throw new Error(`unreachable: ${JSON.stringify(value)}`);
}


/***/ })

};
