export const id = 69;
export const ids = [69];
export const modules = {

/***/ 3311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ loadGraphOrReport)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_config_graph_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3171);
/* harmony import */ var _graph_model_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2573);
/* harmony import */ var _graph_parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6266);




/**
 * The graph of `--graph FILE`, or without it the one `<sourceDir>/disbuild.json` describes (a graph file, a
 * graph command, or tasks). Prints every problem and answers undefined when there is none or it is invalid.
 */
async function loadGraphOrReport(graphPath, sourceDir, io, knownFiles) {
    if (graphPath === undefined) {
        const configured = await (0,_config_config_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .loadConfigGraph */ .L)(sourceDir, io.env, knownFiles);
        if (configured === undefined) {
            io.stderr.write(`disbuild: no graph: pass --graph FILE, or describe the build in ${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(sourceDir, 'disbuild.json')}\n`);
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
    const loaded = await (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .loadGraphFile */ .rn)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, graphPath), sourceDir, knownFiles);
    if (loaded.ok)
        return { graph: loaded.value };
    io.stderr.write(`disbuild: invalid graph ${graphPath} (${loaded.error.length} problem${loaded.error.length === 1 ? '' : 's'}):\n`);
    for (const p of loaded.error)
        io.stderr.write(`  ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_3__/* .formatProblem */ .V)(p)}\n`);
    return undefined;
}


/***/ }),

/***/ 3171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ loadConfigGraph)
/* harmony export */ });
/* unused harmony export graphFromCommand */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _graph_model_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2573);
/* harmony import */ var _graph_parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6266);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8251);
/* harmony import */ var _config_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3797);
/* harmony import */ var _load_config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8788);








const sh = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.exec);
/**
 * The graph of `<sourceDir>/disbuild.json`, whichever of its three sources it uses: a graph file (relative to
 * the directory), a command printing the graph (run with a shell there), or tasks. Undefined when the file does
 * not exist; otherwise the graph or every problem as one line each (file, task and field; or job and field).
 */
async function loadConfigGraph(sourceDir, env, knownFiles) {
    const source = await (0,_load_config_js__WEBPACK_IMPORTED_MODULE_5__/* .readConfigSource */ .a)(sourceDir);
    if (source === undefined)
        return undefined;
    if (!source.ok)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_6__/* .err */ ._)(source.error.map(_config_file_js__WEBPACK_IMPORTED_MODULE_4__/* .formatConfigProblem */ .fc));
    const s = source.value;
    const salt = s.salt === undefined ? {} : { salt: s.salt };
    switch (s.kind) {
        case 'tasks': {
            const compiled = await (0,_load_config_js__WEBPACK_IMPORTED_MODULE_5__/* .compileConfig */ .q)(sourceDir, s.config, env);
            if (!compiled.ok)
                return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_6__/* .err */ ._)(compiled.error.map(_config_file_js__WEBPACK_IMPORTED_MODULE_4__/* .formatConfigProblem */ .fc));
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_6__.ok)({ graph: compiled.value.graph, source: s.kind, ...salt });
        }
        case 'file': {
            const loaded = await (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .loadGraphFile */ .rn)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(sourceDir, s.path), sourceDir, knownFiles);
            if (!loaded.ok)
                return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_6__/* .err */ ._)(loaded.error.map((p) => `${s.path}: ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_7__/* .formatProblem */ .V)(p)}`));
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_6__.ok)({ graph: loaded.value, source: s.kind, ...salt });
        }
        case 'command': {
            const printed = await graphFromCommand(s.command, sourceDir);
            if (!printed.ok)
                return printed;
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_6__.ok)({ graph: printed.value, source: s.kind, ...salt });
        }
    }
}
/** Runs a command that prints a graph (with a shell, in `sourceDir`) and validates what it prints. */
async function graphFromCommand(command, sourceDir) {
    let stdout;
    try {
        // A graph of 100,000 jobs is tens of megabytes of JSON: allow far more than the default 1 MiB.
        ({ stdout } = await sh(command, { cwd: sourceDir, maxBuffer: 1 << 30 }));
    }
    catch (e) {
        const x = e;
        const why = x.stderr?.trim().split('\n').slice(-5).join('\n') || x.message.split('\n')[0];
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_6__/* .err */ ._)([`graphCommand ${JSON.stringify(command)} failed (exit code ${String(x.code)}): ${why}`]);
    }
    const parsed = (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .parseGraphText */ .Vb)(stdout);
    if (!parsed.ok)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_6__/* .err */ ._)(parsed.error.map((p) => `graphCommand output: ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_7__/* .formatProblem */ .V)(p)}`));
    const problems = (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .checkFilesExist */ .$n)(parsed.value, sourceDir);
    return problems.length > 0 ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_6__/* .err */ ._)(problems.map(_graph_model_js__WEBPACK_IMPORTED_MODULE_7__/* .formatProblem */ .V)) : parsed;
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

/***/ 6266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $n: () => (/* binding */ checkFilesExist),
  rn: () => (/* binding */ loadGraphFile),
  Vb: () => (/* binding */ parseGraphText)
});

// UNUSED EXPORTS: parseGraphTextIn, pathKinds

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/graph/go-json.ts
var go_json = __webpack_require__(7395);
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
    const fold = (0,go_json/* goFold */.K_)(key);
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

// EXTERNAL MODULE: ./src/graph/validate.ts + 2 modules
var validate = __webpack_require__(7093);
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

// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
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
    const first = (0,validate/* validateDecoded */.$)(raw.value, options);
    // Rare: differently cased keys for one field, whose document order JSON.parse dropped. Decode again in order.
    return first.ambiguousKeys ? (0,validate/* validateDecoded */.$)(decodeOrdered(text), options).result : first.result;
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
    let validated = (0,validate/* validateDecoded */.$)(raw.value, options);
    if (validated.ambiguousKeys) {
        // Rare (see parseGraphText): the file is read again rather than its text kept through every validation.
        validated = (0,validate/* validateDecoded */.$)(decodeOrdered(await (0,promises_.readFile)(path, 'utf8')), options);
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

/***/ 5815:
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

// EXTERNAL MODULE: ./src/ids/git-command.ts
var git_command = __webpack_require__(8750);
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
        prefix: (0,git_command/* workTreePrefix */.w)(sourceDir),
        index: (0,git_command/* gitText */.q)(sourceDir, ['ls-files', '-s', '-v', '-z', '--', '.']),
        status: (0,git_command/* gitText */.q)(sourceDir, [
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
    const prefix = (await (0,git_command/* workTreePrefix */.w)(repoDir)) ?? '';
    const listed = await (0,git_command/* gitText */.q)(repoDir, ['ls-tree', '-r', '-z', '--full-tree', commit]);
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

/***/ 9915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yp: () => (/* binding */ computeKeys),
  qP: () => (/* binding */ graphInputs),
  Sw: () => (/* binding */ keyGraph),
  CS: () => (/* binding */ keyGraphAtCommit)
});

// UNUSED EXPORTS: KEY_SCHEMA, keyGraphWith

// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
// EXTERNAL MODULE: ./src/util/unreachable.ts
var unreachable = __webpack_require__(3914);
// EXTERNAL MODULE: ./src/ids/canonical.ts
var canonical = __webpack_require__(7536);
// EXTERNAL MODULE: ./src/ids/file-digest.ts + 2 modules
var file_digest = __webpack_require__(5815);
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
        const h = new canonical/* CanonicalHasher */.A().field('schema', KEY_SCHEMA).field('salt', salt);
        encodeInputs(h, job, digests, problems);
        h.count('cmds', job.cmds.length);
        for (const cmd of job.cmds)
            encodeCmd(h, cmd, keyOf);
        const depKeys = job.deps.map(keyOf).sort(canonical/* compareCodeUnits */.U);
        h.count('deps', depKeys.length);
        for (const k of depKeys)
            h.field('key', k);
        encodeOutputs(h, job);
        // The one place job keys are minted.
        keys.set(job.label, h.hex());
    }
    return problems.length > 0 ? (0,result/* err */._)(problems) : (0,result.ok)(keys);
}
/**
 * In-place output globs, in the producer's order, only when the job has them: a graph without `Outputs` keys
 * exactly as before, and the same commands writing other paths in place are other work.
 */
function encodeOutputs(h, job) {
    const outputs = job.outputs ?? [];
    if (outputs.length === 0)
        return;
    h.count('outputs', outputs.length);
    for (const o of outputs)
        h.field('output', o);
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
            return [...new Set(inputs)].sort(canonical/* compareCodeUnits */.U);
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


/***/ })

};
