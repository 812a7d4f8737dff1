(function (__disbuild_import_meta) {const id = 867;
const ids = [867];
const modules = {

/***/ 8213:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ findCycles)
/* harmony export */ });
/* unused harmony export findCycle */
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


/***/ }),

/***/ 7395:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   K_: () => (/* binding */ goFold),
/* harmony export */   YX: () => (/* binding */ structType),
/* harmony export */   cL: () => (/* binding */ readStruct),
/* harmony export */   q0: () => (/* binding */ describe),
/* harmony export */   wM: () => (/* binding */ MAX_NESTING_DEPTH)
/* harmony export */ });
/* unused harmony export nestsDeeperThan */
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
/**
 * Go's encoding/json refuses a document nested more deeply than this anywhere, unknown keys included
 * (`maxNestingDepth` in encoding/json/scanner.go, since Go 1.15). So do we: a graph Go cannot read is not one.
 */
const MAX_NESTING_DEPTH = 10_000;
/** Describes a Go struct by its field names. */
function structType(...fields) {
    // Exact spellings first: producers write the Go field names, so most keys are found without folding.
    return new Map([
        ...fields.map((f) => [f, f]),
        ...fields.map((f) => [goFold(f), f]),
    ]);
}
/**
 * Reads a JSON object as the Go struct `type` would be decoded: one `Object.keys` walk per object. `depth` is the
 * object's own nesting depth in the document (the top-level object's is 1). The values of known fields are the
 * caller's to check (a value nested where a field expects a string or a list of strings is a type error anyway);
 * unknown keys' values, which Go skips but still scans, are checked against its nesting limit here.
 */
function readStruct(obj, type, depth) {
    const values = {};
    let ambiguous = false;
    const tooDeep = [];
    for (const key of Object.keys(obj)) {
        const f = type.get(key) ?? type.get(goFold(key));
        if (f === undefined) {
            if (nestsDeeperThan(obj[key], MAX_NESTING_DEPTH - depth))
                tooDeep.push(key);
            continue;
        }
        if (Object.prototype.hasOwnProperty.call(values, f))
            ambiguous = true;
        values[f] = obj[key];
    }
    return { values, ambiguous, tooDeep };
}
/** Whether `v` has more than `levels` levels of objects and lists, walked level by level (no recursion). */
function nestsDeeperThan(v, levels) {
    let level = typeof v === 'object' && v !== null ? [v] : [];
    for (let depth = 1; level.length > 0; depth++) {
        if (depth > levels)
            return true;
        const next = [];
        for (const container of level) {
            for (const child of Object.values(container))
                if (typeof child === 'object' && child !== null)
                    next.push(child);
        }
        level = next;
    }
    return false;
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


/***/ }),

/***/ 3899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ graphIdentity),
/* harmony export */   g: () => (/* binding */ rememberGraphIdentity)
/* harmony export */ });
/**
 * What a graph object holds, as a digest: that of its validated form as the validated-graph cache keeps it (every
 * job, field for field; validated-graph-cache.ts), known for a graph read from that cache or written to it. Kept
 * beside the object rather than in it, so that a graph built from another (a selection, a shard, a spread copy)
 * never carries an identity that is not its own.
 */
const identities = new WeakMap();
/** Records that `graph` holds what the validated form whose digest is `digest` holds. */
function rememberGraphIdentity(graph, digest) {
    identities.set(graph, digest);
}
/** The identity recorded for this very object, or undefined (then it is known by its content only). */
function graphIdentity(graph) {
    return identities.get(graph);
}


/***/ }),

/***/ 1535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ lexicalPath),
/* harmony export */   n: () => (/* binding */ hasDotDot)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Inputs are kept as spelled where a `..` follows a name (see validate.ts): after a symbolic link, `..` climbs from
 * where the link leads, which only a walk over the tree can say (resolve-input.ts). Code that matches inputs with
 * paths as git or a listing names them must take such a spelling into account.
 */
/** Whether a segment of the relative path `p` is `..`. */
function hasDotDot(p) {
    return p === '..' || p.startsWith('../') || p.endsWith('/..') || p.includes('/../');
}
/** The path `p` names where no symbolic link precedes a `..` in it: `a/../x.txt` is `x.txt`. */
function lexicalPath(p) {
    return hasDotDot(p) ? node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(p) : p;
}


/***/ }),

/***/ 8602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ jsonErrorLocation)
/* harmony export */ });
/* unused harmony export positionAt */
/* harmony import */ var _go_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7395);

/**
 * Where a text JSON.parse refused first goes wrong. Node 20's JSON.parse says "at position N" for most errors;
 * for the others ("Unexpected token '}', … is not valid JSON", "Unexpected end of JSON input") a scanner finds the
 * offset itself.
 */
function jsonErrorLocation(text, message = '') {
    const stated = / at position (\d+)/.exec(message);
    return positionAt(text, stated ? Math.min(Number(stated[1]), text.length) : firstErrorOffset(text));
}
/** The line and column of `offset` in `text`. */
function positionAt(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1, offset };
}
/** Thrown inside the scanner with the offset of the first error. */
class ScanError {
    offset;
    constructor(offset) {
        this.offset = offset;
    }
}
/** A validating scanner that builds nothing: the offset of the first error, or the text's length if none. */
function firstErrorOffset(text) {
    let i = 0;
    const fail = () => {
        throw new ScanError(i);
    };
    const ws = () => {
        while (i < text.length && ' \t\n\r'.includes(text[i]))
            i++;
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
            if (text.charCodeAt(i) < 0x20)
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
    /**
     * Scans a value up to its first scalar: each container it opens on the way is pushed on `open` (an empty one
     * is read whole), and the scalar that ends the descent is read.
     */
    const valueStart = (open) => {
        for (;;) {
            ws();
            const c = text[i];
            if (c === '{' || c === '[') {
                if (open.length >= _go_json_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_NESTING_DEPTH */ .wM)
                    fail();
                i++;
                ws();
                if (text[i] === (c === '{' ? '}' : ']')) {
                    i++;
                    return;
                }
                open.push(c);
                if (c === '{')
                    member();
                continue;
            }
            if (c === '"')
                string();
            else if (c === 't')
                literal('true');
            else if (c === 'f')
                literal('false');
            else if (c === 'n')
                literal('null');
            else
                number();
            return;
        }
    };
    /** An object member's key and colon; its value follows. */
    const member = () => {
        ws();
        string();
        ws();
        if (text[i] !== ':')
            fail();
        i++;
    };
    try {
        const open = [];
        valueStart(open);
        // After each value: close finished containers, or go on with the next member or element.
        while (open.length > 0) {
            ws();
            const top = open[open.length - 1];
            if (text[i] === ',') {
                i++;
                if (top === '{')
                    member();
                valueStart(open);
            }
            else if (text[i] === (top === '{' ? '}' : ']')) {
                i++;
                open.pop();
            }
            else
                fail();
        }
        ws();
        if (i < text.length)
            fail();
        return text.length;
    }
    catch (e) {
        if (e instanceof ScanError)
            return e.offset;
        throw e;
    }
}


/***/ }),

/***/ 6244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QC: () => (/* binding */ parseTemplate),
/* harmony export */   Xm: () => (/* binding */ renderTemplate)
/* harmony export */ });
/* unused harmony export depLabels */
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8251);
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1095);
/* harmony import */ var _util_unreachable_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3914);



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
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)({ kind: 'output-dir' });
    if (v === 'SOURCE_DIR' || v === '.SourceDir')
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)({ kind: 'source-dir' });
    const go = v.startsWith('DEP:') ? null : GO_INDEX.exec(v);
    const hex = go === null ? (v.startsWith('DEP:') ? v.slice(4).trim() : undefined) : (go[1] ?? go[2]);
    if (hex === undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(`unknown template variable ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(whole)}`);
    if (!HEX40.test(hex))
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(`${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(whole)} must name a dependency by its 40-character hex ID`);
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)({ kind: 'dep', label: hex.toLowerCase() });
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
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__/* .err */ ._)(`unclosed template variable ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(s.slice(open, open + 40))}`);
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
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_1__.ok)(parts);
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
                (0,_util_unreachable_js__WEBPACK_IMPORTED_MODULE_2__/* .unreachable */ .H)(p);
        }
    }
    return s;
}


/***/ }),

/***/ 7093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ validateDecoded),
  d: () => (/* binding */ validateGraph)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/graph/cycles.ts
var cycles = __webpack_require__(8213);
// EXTERNAL MODULE: ./src/graph/go-json.ts
var go_json = __webpack_require__(7395);
// EXTERNAL MODULE: ./src/util/printable.ts
var printable = __webpack_require__(1095);
;// CONCATENATED MODULE: ./src/graph/validate-cmd.ts


const CMD = (0,go_json/* structType */.YX)('Exec', 'Environ', 'WorkingDirectory', 'CatTemplate', 'CatOutput');
/**
 * One `Cmd`: an exec (`Exec` set) or a cat (`CatOutput` set), never both, never neither. Every string is a
 * template, and each one's `{{DEP:x}}` must name one of the job's `deps`. `where` is `Cmds[i]`.
 */
function readCmd(raw, job, deps, where, cx) {
    if (!(0,go_json/* isObject */.Gv)(raw)) {
        cx.add(job, where, `must be an object, got ${(0,go_json/* describe */.q0)(raw)}`);
        return undefined;
    }
    // Depth 5: the graph, Jobs, the job, its Cmds, the command.
    const { values: f, ambiguous, tooDeep } = (0,go_json/* readStruct */.cL)(raw, CMD, 5);
    if (ambiguous)
        cx.ambiguousKeys = true;
    for (const key of tooDeep)
        cx.tooDeep(job, `${where}.${key}`);
    // A NUL byte cannot reach a program's arguments, its environment, or a path; a cat's content may hold one.
    // Field names (`Cmds[0].Exec[2]`) are spelled out only for a problem.
    const template = (value, field, nulAllowed = false) => {
        const at = () => `${where}.${field()}`;
        if (!nulAllowed && value.includes('\0')) {
            cx.add(job, at(), 'must not contain a NUL byte');
            return [];
        }
        const t = cx.template(value, job, at);
        for (const p of t) {
            if (p.kind === 'dep' && !deps.includes(p.label))
                cx.add(job, at(), `refers to {{DEP:${p.label}}}, which is not in Deps`);
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
            catTemplate: template(catTemplate, () => 'CatTemplate', true),
            catOutput: template(catOutput, () => 'CatOutput'),
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
            cx.add(job, `${where}.Environ[${i}]`, `must look like KEY=VALUE, got ${(0,printable/* quoted */.TL)(e)}`);
        }
    });
    const templates = (list, field) => list.map((s, i) => (s === undefined ? [] : template(s, () => `${field}[${i}]`)));
    return {
        kind: 'exec',
        exec: templates(exec, 'Exec'),
        environ: templates(environ, 'Environ'),
        workingDirectory: template(cx.string(f.WorkingDirectory, job, `${where}.WorkingDirectory`), () => 'WorkingDirectory'),
    };
}

// EXTERNAL MODULE: ./src/graph/input-spelling.ts
var input_spelling = __webpack_require__(1535);
// EXTERNAL MODULE: ./src/graph/template.ts
var template = __webpack_require__(6244);
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
    /** Records an unknown key whose value nests past Go's limit (see go-json.ts); `field` is the key's path. */
    tooDeep(job, field) {
        this.add(job, (0,printable/* printable */.g$)(field), `nests more than ${go_json/* MAX_NESTING_DEPTH */.wM} levels deep, which Go's encoding/json refuses`);
    }
    /** One copy of each input path, however many jobs name it. */
    intern(s) {
        if (this.options.internInputs === false)
            return s;
        const known = this.interned.get(s);
        if (known !== undefined)
            return known;
        if (this.interned.size < MEMO_LIMIT)
            this.interned.set(s, s);
        return s;
    }
    /**
     * Parses a command string, reporting an error at `job`/`where()` (spelled out only then); an erroneous string
     * becomes an empty template.
     */
    template(value, job, where) {
        const known = this.templates.get(value);
        if (known)
            return known;
        const t = (0,template/* parseTemplate */.QC)(value);
        if (!t.ok) {
            this.add(job, where(), t.error);
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
            this.add(job, where, `must be a list of strings, got ${(0,go_json/* describe */.q0)(value)}`);
            return [];
        }
        return value.map((v, i) => {
            if (typeof v === 'string')
                return v;
            this.add(job, `${where}[${i}]`, `must be a string, got ${(0,go_json/* describe */.q0)(v)}`);
            return undefined;
        });
    }
    /** A `string` field: null is empty, anything else but a string is a type error naming the field. */
    string(value, job, where) {
        if (value === null || value === undefined)
            return '';
        if (typeof value === 'string')
            return value;
        this.add(job, where, `must be a string, got ${(0,go_json/* describe */.q0)(value)}`);
        return '';
    }
}
/** A 40-character hex ID, either case: one pass over the character codes, cheaper than a regular expression. */
function isHex40(s) {
    if (s.length !== 40)
        return false;
    for (let i = 0; i < 40; i++) {
        const c = s.charCodeAt(i);
        // 0-9, A-F, a-f
        if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)))
            return false;
    }
    return true;
}

// EXTERNAL MODULE: ./src/util/git-dir-path.ts
var git_dir_path = __webpack_require__(6800);
// EXTERNAL MODULE: ./src/util/unescape-glob.ts
var unescape_glob = __webpack_require__(669);
// EXTERNAL MODULE: ./src/util/whole-tree-glob.ts
var whole_tree_glob = __webpack_require__(5191);
// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
;// CONCATENATED MODULE: ./src/graph/validate.ts











const GRAPH = (0,go_json/* structType */.YX)('SourceFiles', 'Jobs');
const JOB = (0,go_json/* structType */.YX)('ID', 'Name', 'Inputs', 'Deps', 'Cmds', 'Outputs');
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
    if (!(0,go_json/* isObject */.Gv)(raw))
        return (0,result/* err */._)([{ message: `the graph must be a JSON object, got ${(0,go_json/* describe */.q0)(raw)}` }]);
    const { values: g, ambiguous, tooDeep } = (0,go_json/* readStruct */.cL)(raw, GRAPH, 1);
    if (ambiguous)
        cx.ambiguousKeys = true;
    for (const key of tooDeep)
        cx.tooDeep(undefined, key);
    const sourceFiles = readSourceFiles(g.SourceFiles, cx);
    const rawJobs = g.Jobs ?? [];
    if (!Array.isArray(rawJobs)) {
        cx.add(undefined, 'Jobs', `must be a list of jobs, got ${(0,go_json/* describe */.q0)(rawJobs)}`);
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
            cx.add(job.name, 'ID', `duplicate ID ${job.label}, also used by job ${(0,printable/* quoted */.TL)(other.name)}`);
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
    if (!(0,go_json/* isObject */.Gv)(raw)) {
        cx.add(undefined, 'SourceFiles', `must be an object of ID to path, got ${(0,go_json/* describe */.q0)(raw)}`);
        return files;
    }
    const kind = cx.options.inputKind;
    // Tens of thousands of entries in a large graph: the field name is spelled out only for a problem.
    const where = (id) => `SourceFiles[${(0,printable/* quoted */.TL)(id)}]`;
    for (const id in raw) {
        const path = raw[id];
        const lower = id.toLowerCase();
        if (!isHex40(id))
            cx.add(undefined, where(id), 'is not a 40-character hex ID');
        else if (files.has(lower))
            cx.ambiguousKeys = true;
        if (typeof path !== 'string')
            cx.add(undefined, where(id), `must be a path string, got ${(0,go_json/* describe */.q0)(path)}`);
        else if (path.includes('\0'))
            cx.add(undefined, where(id), 'must not contain a NUL byte');
        else {
            files.set(lower, path);
            if (kind !== undefined && kind(path) === 'missing')
                cx.add(undefined, where(id), `source file ${(0,printable/* printable */.g$)(path)} does not exist`);
        }
    }
    return files;
}
/** A job is named by its Name, or by its label when the name is empty (or by its index when the ID is bad). */
function readJob(raw, index, cx) {
    if (!(0,go_json/* isObject */.Gv)(raw)) {
        cx.add(undefined, `Jobs[${index}]`, `must be an object, got ${(0,go_json/* describe */.q0)(raw)}`);
        return undefined;
    }
    // Depth 3: the graph object, its Jobs list, the job.
    const { values: f, ambiguous, tooDeep } = (0,go_json/* readStruct */.cL)(raw, JOB, 3);
    if (ambiguous)
        cx.ambiguousKeys = true;
    const validId = typeof f.ID === 'string' && isHex40(f.ID) ? f.ID.toLowerCase() : undefined;
    const nameText = typeof f.Name === 'string' ? f.Name : '';
    const idText = typeof f.ID === 'string' && f.ID !== '' ? f.ID : undefined;
    const name = nameText !== '' ? nameText : (validId ?? idText ?? `Jobs[${index}]`);
    cx.string(f.Name, name, 'Name');
    for (const key of tooDeep)
        cx.tooDeep(name, key);
    if (validId === undefined) {
        cx.add(name, 'ID', `must be 40 hex characters, got ${typeof f.ID === 'string' ? (0,printable/* quoted */.TL)(f.ID) : f.ID === undefined ? 'nothing' : (0,go_json/* isObject */.Gv)(f.ID) || Array.isArray(f.ID) ? (0,go_json/* describe */.q0)(f.ID) : JSON.stringify(f.ID)}`);
    }
    const inputs = readInputs(cx.strings(f.Inputs, name, 'Inputs'), name, cx);
    const deps = [];
    const depOrigin = [];
    cx.strings(f.Deps, name, 'Deps').forEach((d, i) => {
        if (d === undefined)
            return;
        const label = d.toLowerCase();
        if (!isHex40(d))
            cx.add(name, `Deps[${i}]`, `must be 40 hex characters, got ${(0,printable/* quoted */.TL)(d)}`);
        else if (!deps.includes(label)) {
            deps.push(label);
            depOrigin.push(i);
        }
    });
    const cmds = [];
    const rawCmds = f.Cmds ?? [];
    if (!Array.isArray(rawCmds))
        cx.add(name, 'Cmds', `must be a list of commands, got ${(0,go_json/* describe */.q0)(rawCmds)}`);
    else {
        rawCmds.forEach((c, i) => {
            const cmd = readCmd(c, name, deps, `Cmds[${i}]`, cx);
            if (cmd)
                cmds.push(cmd);
        });
    }
    const outputs = readOutputs(cx.strings(f.Outputs, name, 'Outputs'), name, cx);
    if (validId === undefined)
        return undefined;
    const job = { label: validId, name, inputs, deps, cmds };
    if (outputs.length > 0)
        job.outputs = outputs;
    // Kept only when deduplication shifted an index, so messages still name the producer's `Deps[i]`.
    return depOrigin.every((o, k) => o === k) ? { job } : { job, depOrigin };
}
/**
 * Normalises input paths (`./a//b` → `a/b`; a `..` after a name is kept, see withoutEmptyOrDot), refusing empty,
 * absolute and escaping ones (a backslash is an ordinary character, as it is in a POSIX file name); sorted by
 * UTF-16 code units, deduplicated. When the options can look paths up, a missing input is reported with the
 * producer's index.
 */
function readInputs(raw, job, cx) {
    const kind = cx.options.inputKind;
    if (inOrderAndNormal(raw)) {
        // Nothing to normalise, drop or sort: only the lookups can find a problem, each at the producer's index.
        const paths = raw.map((p) => cx.intern(p));
        if (kind !== undefined)
            paths.forEach((p, i) => inputKindProblem(kind(p), p, job, () => `Inputs[${i}]`, cx));
        return paths;
    }
    const out = new Set();
    // Messages (and their strings) are made only for a problem: ten thousand inputs are almost always fine.
    raw.forEach((p, i) => {
        if (p === undefined)
            return;
        const where = () => `Inputs[${i}]`;
        if (p === '')
            return cx.add(job, where(), 'is empty');
        // No file has such a name, and the file system calls refuse it.
        if (p.includes('\0'))
            return cx.add(job, where(), 'must not contain a NUL byte');
        if (p.charCodeAt(0) === SLASH) {
            return cx.add(job, where(), `must be relative to the source directory, got ${(0,printable/* quoted */.TL)(p)}`);
        }
        const norm = isNormalPath(p) ? p : external_node_path_.posix.normalize(p).replace(/\/$/, '');
        if (norm === '..' || norm.startsWith('../')) {
            return cx.add(job, where(), `must not leave the source directory, got ${(0,printable/* quoted */.TL)(p)}`);
        }
        if (norm === '.')
            return cx.add(job, where(), `must name a file, got ${(0,printable/* quoted */.TL)(p)}`);
        const path = (0,input_spelling/* hasDotDot */.n)(p) ? withoutEmptyOrDot(p) : norm;
        if (out.has(path))
            return;
        out.add(cx.intern(path));
        if (kind !== undefined)
            inputKindProblem(kind(path), path, job, where, cx);
    });
    const sorted = [...out];
    // Producers usually list inputs in order already: checking is cheaper than sorting.
    for (let i = 1; i < sorted.length; i++) {
        if (!(sorted[i - 1] < sorted[i]))
            return sorted.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    return sorted;
}
/** Records what is wrong with what is at an input path, if anything. */
function inputKindProblem(k, path, job, where, cx) {
    if (k === 'file')
        return;
    const shown = (0,printable/* printable */.g$)(path);
    if (k === 'missing')
        cx.add(job, where(), `input file ${shown} does not exist`);
    else if (k === 'dir')
        cx.add(job, where(), `input ${shown} is a directory; list its files`);
    else if (k === 'other')
        cx.add(job, where(), `input ${shown} is not a regular file or a symbolic link`);
    else
        cx.add(job, where(), k.problem);
}
/**
 * Whether every input is a normal relative path (see isNormalPath), without a NUL byte, each after the one before
 * by UTF-16 code units: then readInputs has nothing to refuse, normalise, deduplicate or sort. Compiled graphs,
 * and producers that list their inputs sorted, are all such.
 */
function inOrderAndNormal(raw) {
    let prev = '';
    for (let i = 0; i < raw.length; i++) {
        const p = raw[i];
        if (p === undefined || (i > 0 && !(prev < p)) || !isNormalPath(p) || p.includes('\0'))
            return false;
        prev = p;
    }
    return true;
}
/**
 * `p` without its empty and `.` segments, and no trailing slash, its `..` segments kept: after a symbolic link,
 * `..` climbs from the directory the link leads to (`lnk/../x.txt` with `lnk -> sub/dir` reads `sub/x.txt`), which
 * only the walk over the tree can say (resolve-input.ts). Lexical normalising named another file, which keys then
 * digested in its place.
 */
function withoutEmptyOrDot(p) {
    return p
        .split('/')
        .filter((s) => s !== '' && s !== '.')
        .join('/');
}
const SLASH = 0x2f;
const DOT = 0x2e;
/**
 * True when `posix.normalize` would leave the relative path `p` as it is: no empty, `.` or `..` segment and no
 * trailing slash. One pass over the characters, where normalising builds a new string for every input.
 */
function isNormalPath(p) {
    let start = 0;
    for (let i = 0; i <= p.length; i++) {
        if (i < p.length && p.charCodeAt(i) !== SLASH)
            continue;
        const len = i - start;
        if (len === 0)
            return false;
        if (p.charCodeAt(start) === DOT && (len === 1 || (len === 2 && p.charCodeAt(start + 1) === DOT)))
            return false;
        start = i + 1;
    }
    return true;
}
/**
 * In-place output globs: relative to the source directory and inside it (`!` excludes), in the producer's order.
 * Only present when the producer sets them (disbuild.json does); graphs without them are unchanged.
 */
function readOutputs(raw, job, cx) {
    const out = [];
    raw.forEach((p, i) => {
        if (p === undefined)
            return;
        const where = `Outputs[${i}]`;
        const body = p.startsWith('!') ? p.slice(1) : p;
        if (body === '')
            return cx.add(job, where, 'is empty');
        if (body.startsWith('/')) {
            return cx.add(job, where, `must be relative to the source directory, got ${JSON.stringify(p)}`);
        }
        let norm = external_node_path_.posix.normalize(body);
        // `dir/` is every path below dir, as in disbuild.json (config/globs.ts): to picomatch it is the directory's own
        // path, which no walk of output files yields, so the job would capture nothing there and exclude nothing.
        if (norm.endsWith('/'))
            norm = norm === './' ? '.' : `${norm}**`;
        const spelled = (0,unescape_glob/* spelledPathProblem */.KX)(norm);
        if (norm === '..' || norm.startsWith('../') || spelled === 'leaves') {
            return cx.add(job, where, `must not leave the source directory, got ${JSON.stringify(p)}`);
        }
        if (spelled === 'odd')
            return cx.add(job, where, (0,unescape_glob/* oddSegments */.IZ)(p));
        if (norm === '.' || norm === '**' || norm === '**/*' || (body === p && (0,whole_tree_glob/* choosesEverything */.Y)([norm]))) {
            return cx.add(job, where, `must not be the whole source directory, got ${JSON.stringify(p)}`);
        }
        if ((0,git_dir_path/* insideGitDir */.Q)(norm)) {
            return cx.add(job, where, `must not be inside .git (git's own files), got ${JSON.stringify(p)}`);
        }
        out.push(p.startsWith('!') ? `!${norm}` : norm);
    });
    if (out.length > 1 && (0,whole_tree_glob/* choosesEverything */.Y)(out)) {
        cx.add(job, 'Outputs', `must not together be the whole source directory, got ${JSON.stringify(raw)}`);
    }
    return out;
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
    for (const cycle of (0,cycles/* findCycles */.p)(new Map(jobs.map((j) => [j.label, j.deps])))) {
        const first = byLabel.get(cycle[0]);
        const names = cycle.map((l) => (0,printable/* printable */.g$)(byLabel.get(l).name));
        cx.add(first.name, field(first, first.deps.indexOf(cycle[1])), `dependency cycle: ${names.join(' -> ')}`);
    }
}


/***/ }),

/***/ 4272:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EC: () => (/* binding */ writeValidatedGraph),
/* harmony export */   R7: () => (/* binding */ readValidatedGraph),
/* harmony export */   ai: () => (/* binding */ keyOfUnchangedFile),
/* harmony export */   rj: () => (/* binding */ recordKeyOfUnchangedFile),
/* harmony export */   sO: () => (/* binding */ validatedGraphKey)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_code_identity_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4170);
/* harmony import */ var _graph_identity_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3899);
/* harmony import */ var _util_read_own_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5958);
/* harmony import */ var _util_state_file_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2148);
/**
 * The validated form of the graph file a run read last, kept so that a run of an unchanged graph file skips
 * decoding and validating it (for 1,000 inputs the larger part of reading a graph, and most of its garbage).
 *
 * Exact, not a guess: the cache file (one of sixteen slots, chosen by the graph file's path) holds the digest of
 * the graph's text (with the validating code's identity and a format number) and the graph validation made of
 * that text. It is used only when the digest matches the text just read, and only from a regular file of this
 * user that nobody else may write (its commands would run, and its inputs make the keys). The payload carries a
 * digest of its own: a damaged file (a bit flipped, a truncated write) is never believed. Whether every input
 * exists is not part of it: that is the work tree's state, checked each run as for a fresh graph. Trouble of any
 * kind costs the cache, never the run: the graph is then validated as usual and the file written anew. A graph
 * read or written here is known by its payload's digest (graph-identity.ts): all it holds, in the form it is kept.
 *
 * Deals with: the key, reading and writing the cache file. Does not deal with: validation (validate.ts).
 */







/** Raised whenever the cached form's meaning changes in a way the code's file identity might not show. */
const FORMAT = 3;
const MAGIC = 'disbuild-validated-graph';
/**
 * The key of a graph's text: what a cached validation must have been made from. The file's bytes, as read, when
 * the caller has them: hashing them costs a tenth of decoding and hashing the text (the same key for UTF-8 text).
 */
function validatedGraphKey(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256')
        .update(`${MAGIC}\0${FORMAT}\0${(0,_util_code_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .codeIdentity */ .y)((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(__disbuild_import_meta.url))}\0`)
        .update(text)
        .digest('hex');
}
/**
 * The key of the graph file whose stat data (statKey, settled, taken before its bytes were read) is `stat`, as the
 * run that read and hashed those bytes recorded it beside `cacheFile`: a run of an unchanged graph file then reads
 * neither the file nor its digest (for 1,000 jobs, 1.4 MB read and hashed: a twentieth of a fully cached run).
 * Vouched for as git's index vouches for a work tree: any write to the file after that stat data was taken moves
 * its ctime, which nobody can set back. Undefined when nothing is recorded for that stat data and this code.
 */
function keyOfUnchangedFile(cacheFile, stat) {
    const [vouch, key] = (0,_util_read_own_file_js__WEBPACK_IMPORTED_MODULE_5__/* .readOwnFileIfAny */ .OQ)(statFile(cacheFile))?.split('\n') ?? [];
    return vouch === statVouch(stat) && key !== undefined && /^[0-9a-f]{64}$/.test(key) ? key : undefined;
}
/** Records that the graph file whose stat data is `stat` has the key `key` (see keyOfUnchangedFile). */
function recordKeyOfUnchangedFile(cacheFile, stat, key) {
    (0,_util_state_file_js__WEBPACK_IMPORTED_MODULE_6__/* .writeStateFile */ .V)(statFile(cacheFile), `${statVouch(stat)}\n${key}\n`);
}
const statFile = (cacheFile) => `${cacheFile}.stat`;
/** The stat data with this code's identity: a key recorded by other code names that code's validation. */
function statVouch(stat) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256')
        .update(`${MAGIC}-stat\0${FORMAT}\0${(0,_util_code_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .codeIdentity */ .y)((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(__disbuild_import_meta.url))}\0${stat}`)
        .digest('hex');
}
/**
 * The graph validated from the text of `key`, or undefined when the file holds another (or none), is damaged, is
 * not a regular file, or another user owns it or may write it.
 */
function readValidatedGraph(file, key) {
    const bytes = (0,_util_read_own_file_js__WEBPACK_IMPORTED_MODULE_5__/* .readOwnBytesIfAny */ .bv)(file);
    if (bytes === undefined)
        return undefined;
    // Checked as bytes: most of a large graph's cost here was decoding and hashing text (see validatedGraphKey).
    const head = `${key}\n`;
    if (bytes.length <= head.length || bytes.toString('latin1', 0, head.length) !== head)
        return undefined;
    const digestEnd = bytes.indexOf(0x0a, head.length);
    if (digestEnd < 0)
        return undefined;
    const payload = bytes.subarray(digestEnd + 1);
    if (bytes.toString('latin1', head.length, digestEnd) !== payloadDigest(payload))
        return undefined;
    const split = payload.indexOf(0x0a);
    if (split < 0)
        return undefined;
    // JSON text without escapes is often all ASCII: then Latin-1 decodes it to the same string, without UTF-8's
    // checks and in a string of one byte a character from the start.
    const text = (b) => b.toString((0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isAscii)(b) ? 'latin1' : 'utf8');
    try {
        const p = JSON.parse(text(payload.subarray(0, split)));
        const sourceFiles = payload.subarray(split + 1);
        const kept = graphOf(p, () => JSON.parse(text(sourceFiles)));
        if (kept)
            (0,_graph_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .rememberGraphIdentity */ .g)(kept.graph, bytes.toString('latin1', head.length, digestEnd));
        return kept;
    }
    catch {
        return undefined;
    }
}
/**
 * Replaces the cache file with `graph`, validated from the text of `key` (written aside, then renamed: a reader
 * sees the old file or the new one, whole). A failure is ignored: the next run validates again.
 */
function writeValidatedGraph(file, key, graph) {
    const inputs = new Set();
    for (const job of graph.jobs)
        for (const p of job.inputs)
            inputs.add(p);
    const sourceOnly = [...new Set(graph.sourceFiles.values())].filter((p) => !inputs.has(p));
    // JSON text holds no raw newline: the first one after the header ends the jobs.
    const payload = JSON.stringify({ jobs: graph.jobs, sourceOnly }) +
        '\n' +
        JSON.stringify([...graph.sourceFiles]);
    const digest = payloadDigest(payload);
    // What the graph holds, as the next run reads it back: the identity of this object as of that run's.
    (0,_graph_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .rememberGraphIdentity */ .g)(graph, digest);
    (0,_util_state_file_js__WEBPACK_IMPORTED_MODULE_6__/* .writeStateFile */ .V)(file, `${key}\n${digest}\n${payload}`);
}
function payloadDigest(payload) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(payload).digest('hex');
}
/**
 * The graph of a payload this code wrote (its digest checked): the lookup map is rebuilt, nothing re-validated;
 * SourceFiles is parsed when first read.
 */
function graphOf(p, sourceFiles) {
    if (!Array.isArray(p.sourceOnly) || !Array.isArray(p.jobs))
        return undefined;
    const byLabel = new Map();
    for (const job of p.jobs) {
        if (typeof job.label !== 'string' || !Array.isArray(job.inputs) || !Array.isArray(job.deps))
            return undefined;
        if (!Array.isArray(job.cmds))
            return undefined;
        byLabel.set(job.label, job);
    }
    let map;
    const graph = {
        get sourceFiles() {
            return (map ??= new Map(sourceFiles()));
        },
        jobs: p.jobs,
        byLabel,
    };
    return { graph, sourceOnly: p.sourceOnly };
}


/***/ }),

/***/ 4313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fc: () => (/* binding */ checkedOutSubmodules),
/* harmony export */   OQ: () => (/* binding */ submoduleEnv),
/* harmony export */   cf: () => (/* binding */ isCheckedOutSubmodule)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/**
 * Whether the submodule at `path` (relative to `repoDir`) is checked out there: a `.git` of its own, reached
 * through no link (its files are listed and read under `path`, so no link on the way may lead elsewhere). One
 * that is not checked out is an empty directory.
 */
function isCheckedOutSubmodule(repoDir, path) {
    try {
        const real = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(repoDir), path);
        return ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(real) === real && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(real, '.git'), { throwIfNoEntry: false }) !== undefined);
    }
    catch {
        return false;
    }
}
/**
 * The submodules that the repository holding `dir` lists in its `.gitmodules` and that are checked out (see
 * isCheckedOutSubmodule) under `dir`, relative to it, each a path `isGitlink` accepts (by default, any); nested
 * ones are the submodules' own. Whether a submodule is active (`submodule.<name>.active`, or a URL in the
 * configuration) does not matter: its files are on disk for a build to read. A repository nested without
 * `.gitmodules` (`git add` of a directory with a `.git`) is left out: git itself does not clone it. Synchronous:
 * asked only where a `.gitmodules` lists a directory with a `.git`, one short `git config` per version of the
 * file in a process (the listing, the keys and the in-place outputs all ask).
 */
function checkedOutSubmodules(from, isGitlink = () => true) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(from);
    const top = workTreeTop(dir);
    const file = top === undefined ? undefined : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(top, '.gitmodules');
    if (file === undefined || !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
        return [];
    // Paths in `.gitmodules` are from the top; `dir` may be below it.
    const below = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(top, dir).split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep).join('/');
    const prefix = below === '' ? '' : `${below}/`;
    const candidates = plainPaths(file);
    if (candidates !== undefined &&
        !candidates.some((p) => p.startsWith(prefix) && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(top, p, '.git'))))
        return [];
    const listed = pathsGitReads(file, top);
    if (listed === undefined)
        return [];
    const out = new Set();
    for (const path of listed) {
        if (path === '' || !path.startsWith(prefix))
            continue;
        const inside = path.slice(prefix.length);
        // A path of `.` or through `..` would list a repository as its own submodule, without end.
        if (inside.split('/').some((s) => s === '' || s === '.' || s === '..'))
            continue;
        if (isGitlink(inside) && isCheckedOutSubmodule(dir, inside))
            out.add(inside);
    }
    return [...out];
}
/** What git read of each `.gitmodules`, with the file's stat data then: a run asks for it more than once. */
const readByGit = new Map();
/**
 * The `path` values of the `.gitmodules` file `file` at the top `top` of a work tree, as `git config` reads
 * them; undefined when git cannot. Asked again only once the file has changed.
 */
function pathsGitReads(file, top) {
    const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(file, { bigint: true, throwIfNoEntry: false });
    const stamp = st === undefined ? '' : `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
    const kept = readByGit.get(file);
    if (kept !== undefined && kept.stamp === stamp && stamp !== '')
        return kept.paths;
    let paths;
    try {
        const listed = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', ['config', '-z', '--file', file, '--get-regexp', '^submodule\\..*\\.path$'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: submoduleEnv(top) });
        // Records of `<key>\n<value>\0`.
        paths = listed.split('\0').map((record) => record.slice(record.indexOf('\n') + 1));
    }
    catch {
        paths = undefined;
    }
    readByGit.set(file, { stamp, paths });
    return paths;
}
/**
 * The `path` values of a `.gitmodules` read as plain text, when none is quoted or escaped (the usual file, as
 * `git submodule add` writes it): enough to tell that none is checked out without starting git, which then
 * reads the file for the answer. Undefined when git must read it (quotes, escapes, or no file).
 */
function plainPaths(file) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
    const paths = [];
    for (const m of text.matchAll(/^\s*path\s*=(.*)$/gim)) {
        const value = m[1];
        if (/["\\]/.test(value))
            return undefined;
        // An unquoted `#` or `;` begins a comment.
        paths.push(value.replace(/[#;].*$/, '').trim());
    }
    // A key written where the lines above do not look (after a section's header, on its line): git reads it.
    if ((text.match(/path\s*=/gi) ?? []).length !== paths.length)
        return undefined;
    return paths;
}
/**
 * The top of the work tree holding `dir`: the nearest directory at or above it with a `.git` (a directory, or
 * the file of a linked worktree or a submodule). Undefined when there is none.
 */
function workTreeTop(dir) {
    for (let d = dir;; d = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(d)) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(d, '.git')))
            return d;
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(d) === d)
            return undefined;
    }
}
/**
 * git's variables that tie a command to one repository (`git rev-parse --local-env-vars`), less those carrying
 * `-c` settings, which git itself passes on to submodules.
 */
const LOCAL_ENV = [
    'GIT_ALTERNATE_OBJECT_DIRECTORIES',
    'GIT_CONFIG',
    'GIT_OBJECT_DIRECTORY',
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_IMPLICIT_WORK_TREE',
    'GIT_GRAFT_FILE',
    'GIT_INDEX_FILE',
    'GIT_NO_REPLACE_OBJECTS',
    'GIT_REPLACE_REF_BASE',
    'GIT_PREFIX',
    'GIT_INTERNAL_SUPER_PREFIX',
    'GIT_SHALLOW_FILE',
    'GIT_COMMON_DIR',
];
/**
 * The environment for git commands in the submodule at `dir`: this process's, less the variables that would point
 * them at the repository around it (a pre-commit hook runs with `GIT_INDEX_FILE`; `GIT_DIR` and `GIT_WORK_TREE`
 * name the superproject), and with git's search for a repository stopped above `dir`: a submodule whose `.git`
 * is broken must fail, not be taken for a directory of the superproject.
 */
function submoduleEnv(dir) {
    const env = { ...process.env };
    for (const name of LOCAL_ENV)
        delete env[name];
    let parent = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir);
    try {
        parent = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(parent);
    }
    catch {
        // As given: git fails on a directory that is not there anyway.
    }
    env.GIT_CEILING_DIRECTORIES = parent;
    return env;
}


/***/ }),

/***/ 6800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ insideGitDir)
/* harmony export */ });
/* harmony import */ var _unescape_glob_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(669);

/**
 * Whether a relative path or glob names something inside a `.git` directory (the repository's or a nested one's):
 * outputs there would be cleared and restored like any others, deleting git's own files. Case-insensitively, as
 * macOS and Windows find `.GIT` to be `.git`.
 */
function insideGitDir(pattern) {
    const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
    return (0,_unescape_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .unescapeGlob */ .DU)(body)
        .split('/')
        .some((segment) => segment.toLowerCase() === '.git');
}


/***/ }),

/***/ 1095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TL: () => (/* binding */ quoted),
/* harmony export */   g$: () => (/* binding */ printable)
/* harmony export */ });
/* unused harmony exports SHOWN_CHARS, printableLines, withoutTerminalEscapes */
/**
 * User-given text (job names, paths, IDs, values from a graph) made safe to print: control characters cannot
 * move the cursor, recolour the terminal, start a fake line ("\n0 failed") or reorder what follows, and a huge
 * value cannot flood a message. Every place that prints such text to a terminal, a log or a summary goes through
 * here; the JSON report keeps the text as it is.
 */
/** How many characters of one value a message shows; the rest is cut and its length said. */
const SHOWN_CHARS = 200;
/**
 * C0 controls, DEL, C1 controls (U+009B is a one-character CSI to some terminals), the line and paragraph
 * separators, and the bidirectional embeddings, overrides and isolates, which reorder the text around them.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_OR_QUOTE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069"\\]/g;
const SHORT = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };
function escapeChar(c) {
    return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/** The first `max` characters of `s`, never ending inside a surrogate pair, or undefined when it fits. */
function cut(s, max) {
    if (s.length <= max)
        return undefined;
    const end = max > 0 && /[\ud800-\udbff]/.test(s[max - 1]) ? max - 1 : max;
    return s.slice(0, end);
}
/**
 * `s` with control characters escaped as `\n`, `\u001b` and the like, cut after `max` characters with
 * `… (N characters)`. Unquoted: for names at the start of a line or between fixed words.
 */
function printable(s, max = SHOWN_CHARS) {
    const head = cut(s, max);
    const text = (head ?? s).replace(UNSAFE, escapeChar);
    return head === undefined ? text : `${text}… (${s.length} characters)`;
}
/**
 * `s` in double quotes, escaped as a JSON string is (plus DEL, C1 controls and bidirectional controls), cut after
 * `max` characters: `"ab…" (10485760 characters)`. For values inside a sentence.
 */
function quoted(s, max = SHOWN_CHARS) {
    const head = cut(s, max);
    const text = `"${(head ?? s).replace(UNSAFE_OR_QUOTE, escapeChar)}`;
    return head === undefined ? `${text}"` : `${text}…" (${s.length} characters)`;
}
/** UNSAFE less the newline and the tab, which a log's lines keep. */
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** Terminal escape sequences: CSI (colours, cursor moves, erasing), OSC (titles, hyperlinks), and two-byte ones. */
const TERMINAL_ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;
/**
 * A log's text made safe to show as lines (a summary's code block, an annotation): terminal escape sequences and
 * carriage returns taken out (GitHub shows them as text, or as line breaks), every other control character escaped
 * as printable does; newlines and tabs kept. Not cut: the caller takes the lines it shows.
 */
function printableLines(s) {
    return withoutTerminalEscapes(s).replace(/\r/g, '').replace(UNSAFE_IN_LINES, escapeChar);
}
/** `s` without terminal escape sequences (colours, cursor moves, hyperlinks): what a program meant a terminal to show. */
function withoutTerminalEscapes(s) {
    return s.replace(TERMINAL_ESCAPES, '');
}


/***/ }),

/***/ 669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DU: () => (/* binding */ unescapeGlob),
/* harmony export */   E5: () => (/* binding */ ODD_SEGMENT),
/* harmony export */   EI: () => (/* binding */ globBase),
/* harmony export */   IZ: () => (/* binding */ oddSegments),
/* harmony export */   KX: () => (/* binding */ spelledPathProblem),
/* harmony export */   tv: () => (/* binding */ isGlobPattern),
/* harmony export */   yk: () => (/* binding */ escapeGlob)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/** A glob's literal part as the path it names: `app/\(mkt\)` is the directory `app/(mkt)`. */
function unescapeGlob(text) {
    return text.replace(/\\(.)/g, '$1');
}
/** An empty, `.` or `..` segment of a path. */
const ODD_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;
/**
 * What is wrong with the path a normalised glob spells once its escapes are read: `leaves` when it climbs out of its
 * directory, `odd` when it holds another empty, `.` or `..` segment, undefined when neither. `dist\/..\/..\/b/**`
 * normalises as the segments `dist\` and `..\`, yet names `dist/../../b`: its files would be walked, and stale
 * ones removed, two directories up.
 */
function spelledPathProblem(pattern) {
    // Without escapes, posix.normalize has seen the segments as they are.
    if (!pattern.includes('\\'))
        return undefined;
    const plain = unescapeGlob(pattern);
    if (!ODD_SEGMENT.test(plain))
        return undefined;
    const norm = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(plain);
    return norm === '..' || norm.startsWith('../') ? 'leaves' : 'odd';
}
/** The problem of a glob whose escapes spell an empty, `.` or `..` segment (see spelledPathProblem). */
const oddSegments = (pattern) => `must not spell an empty, "." or ".." path segment with escapes, got ${JSON.stringify(pattern)}`;
/**
 * A path as a glob that matches it alone: the characters picomatch gives meaning to within a path are escaped
 * (`apps/(mkt)` → `apps/\(mkt\)`), and a leading `!`. Not `@`, `+` or `!` elsewhere: they mean something only
 * before a parenthesis, which is escaped. A path without any of these (nearly all) is its own glob, unchanged.
 */
function escapeGlob(path) {
    return path.replace(/[\\*?[\]{}()|]|^!/g, '\\$&');
}
/** A brace picomatch matches as itself: no list, range, nesting, separator or escape inside (`a{b}`). */
const PLAIN_BRACE = /^\{(?:[^\\{}/,.]|\.(?!\.))*\}/;
/**
 * How much of a pattern is a literal path before anything that can match more than its spelling: the index of the
 * separator ending the last whole segment before it, 0 when it starts in the first segment, and -1 when there is
 * nothing of the kind (the pattern is the path it spells). Read as picomatch reads a pattern, over the whole of
 * it, not segment by segment: a brace's list may hold a separator (`{src/**,package.json}`), an escaped slash
 * separates (`dist\/*.js`), and an unescaped `|` anywhere makes the whole pattern an alternation. Where unsure (a
 * lone trailing backslash, a brace it cannot tell), a glob: a base taken too high only costs a wider walk.
 */
function literalEnd(pattern) {
    if (pattern.startsWith('!'))
        return 0;
    let separator = 0;
    let end = -1;
    // The previous character when it was not escaped: `+` after a group, a class or a brace is a quantifier in the
    // regular expression picomatch makes.
    let last = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            if (i === pattern.length - 1)
                return end < 0 ? separator : end;
            if (pattern[i + 1] === '/')
                separator = i;
            i++;
            last = '';
            continue;
        }
        if (c === '|')
            return 0;
        if (end < 0) {
            if (c === '/')
                separator = i;
            else if (c === '*' ||
                c === '?' ||
                c === '[' ||
                c === '(' ||
                (c === '{' && !PLAIN_BRACE.test(pattern.slice(i))) ||
                (c === '+' && (last === ')' || last === ']' || last === '}')))
                end = separator;
        }
        last = c;
    }
    return end;
}
/** Whether a pattern can match more than the one path it spells (picomatch's scan takes `a\{b\}/**` for none). */
function isGlobPattern(pattern) {
    return literalEnd(pattern) >= 0;
}
/**
 * The directory every path a glob matches lies in, as a path on disk: its whole segments before anything that can
 * match more than its spelling (`pkg/a\{b\}/dist/**` → `pkg/a{b}/dist`); a pattern without any is the path it
 * names.
 */
function globBase(pattern) {
    const end = literalEnd(pattern);
    return unescapeGlob(end < 0 ? pattern : pattern.slice(0, end));
}


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


/***/ }),

/***/ 5191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ choosesEverything)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _unescape_glob_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(669);


/** Paths below the first level, of names nobody writes and common ones, dot files among them. */
const PROBES = [
    'x/y',
    'notes/today.txt',
    'disbuild-probe/.disbuild-probe',
    '.disbuild-probe/disbuild-probe/disbuild-probe.x',
    'A/B/C.D',
];
/**
 * Whether normalised, relative output globs (`!` ones are passed over) together choose every path in the
 * subdirectories of their directory, or all but a few: `**`, and what says nearly the same (`**\/**`, `*\/**`,
 * `**\/*.*`, `**\/!(x)`). Such outputs would have every untracked file there removed as stale. A guard against a
 * slip, not a proof: all but one of PROBES matched. Only globs that start with a wildcard are compiled
 * (`pkg/dist/**` is not, nor is a plain path). `*` alone, the files at the top, is a choice some tasks make.
 */
function choosesEverything(globs) {
    const open = globs.filter((g) => !g.startsWith('!') && (0,_unescape_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .globBase */ .EI)(g) === '');
    if (open.length === 0)
        return false;
    const matches = picomatch__WEBPACK_IMPORTED_MODULE_1___default()(open, { dot: true });
    return PROBES.filter((p) => matches(p)).length >= PROBES.length - 1;
}


/***/ })

};

return { id, ids, modules };
})