(function (__disbuild_import_meta) {const id = 51;
const ids = [51];
const modules = {

/***/ 2573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vw: () => (/* binding */ formatProblem),
/* harmony export */   uK: () => (/* binding */ missingSourceFile),
/* harmony export */   zE: () => (/* binding */ NO_JOBS)
/* harmony export */ });
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1095);

/**
 * Renders a problem as one line: `job "compile" Cmds[0].Exec[1]: unknown template variable {{.Foo}}`. The job's
 * name is escaped and cut, and the rest escaped (see printable.ts): a name, and the paths and values a message
 * quotes, are the producer's text, of any length and content.
 */
/** A SourceFiles entry whose file is not there (in a checkout, or in the commit the hook keys). */
function missingSourceFile(id, path) {
    return { field: `SourceFiles[${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(id)}]`, message: `source file ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(path)} does not exist` };
}
/**
 * The warning for a graph of no jobs: valid (a producer may have nothing to build), but most often a slip that
 * would pass unnoticed.
 */
const NO_JOBS = 'the graph has no jobs: nothing is built or checked (an empty graph, or "Jobs" misspelled?)';
function formatProblem(p) {
    const where = [p.job === undefined ? undefined : `job ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(p.job)}`, p.field]
        .filter((s) => s !== undefined)
        .join(' ');
    return (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(where ? `${where}: ${p.message}` : p.message, Infinity);
}


/***/ }),

/***/ 1905:
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
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/graph/model.ts
var model = __webpack_require__(2573);
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
    return new Decoder(text).value();
}
const WS = new Set([' ', '\t', '\n', '\r']);
/** Keeps open containers on a stack of its own, never the call stack: the depth is the producer's choice. */
class Decoder {
    text;
    i = 0;
    constructor(text) {
        this.text = text;
    }
    value() {
        const open = [];
        for (;;) {
            let v = this.valueStart(open);
            if (v === OPENED)
                continue;
            // Hand the value to its container; a container that closes is the value handed to the one around it.
            for (;;) {
                const top = open[open.length - 1];
                if (top === undefined)
                    return v;
                if ('obj' in top)
                    setLast(top.obj, top.keyByFold, top.key, v);
                else
                    top.list.push(v);
                this.ws();
                if (this.text[this.i++] === ',') {
                    if ('obj' in top)
                        top.key = this.key();
                    break;
                }
                open.pop();
                v = 'obj' in top ? top.obj : top.list;
            }
        }
    }
    /** A scalar or an empty container; or, for a container with members, `OPENED` after pushing it. */
    valueStart(open) {
        this.ws();
        const c = this.text[this.i];
        if (c === '{') {
            this.i++;
            this.ws();
            const obj = Object.create(null);
            if (this.text[this.i] === '}') {
                this.i++;
                return obj;
            }
            open.push({ obj, keyByFold: new Map(), key: this.key() });
            return OPENED;
        }
        if (c === '[') {
            this.i++;
            this.ws();
            if (this.text[this.i] === ']') {
                this.i++;
                return [];
            }
            open.push({ list: [] });
            return OPENED;
        }
        if (c === '"')
            return this.string();
        return this.scalar();
    }
    /** An object member's key and its colon. */
    key() {
        this.ws();
        const key = this.string();
        this.ws();
        this.i++; // ':'
        return key;
    }
    ws() {
        while (WS.has(this.text[this.i] ?? ''))
            this.i++;
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
const OPENED = Symbol('opened');
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

// EXTERNAL MODULE: ./src/graph/json-position.ts
var json_position = __webpack_require__(8602);
// EXTERNAL MODULE: ./src/graph/validate.ts + 2 modules
var validate = __webpack_require__(7093);
// EXTERNAL MODULE: ./src/graph/validated-graph-cache.ts
var validated_graph_cache = __webpack_require__(4272);
// EXTERNAL MODULE: ./src/ids/git-blob.ts
var git_blob = __webpack_require__(9236);
// EXTERNAL MODULE: ./src/ids/resolve-input.ts
var resolve_input = __webpack_require__(6915);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
;// CONCATENATED MODULE: ./src/util/collect-garbage.ts

let gc;
/**
 * Asks V8 for a full collection. Used once, after a large graph is decoded and validated: the decoded JSON tree
 * (hundreds of megabytes for 100,000 jobs) is garbage by then, and collecting it before keys are computed keeps
 * peak memory near the size of the graph itself rather than the sum of both. node:v8 is loaded only then: it
 * brings four of Node's internal modules that any other run does without.
 */
async function collectGarbage() {
    if (gc === undefined) {
        (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8877, 23))).setFlagsFromString('--expose-gc');
        gc = (0,external_node_vm_.runInNewContext)('gc');
    }
    gc();
}

// EXTERNAL MODULE: ./src/util/printable.ts
var printable = __webpack_require__(1095);
// EXTERNAL MODULE: ./src/util/settled-stat.ts
var settled_stat = __webpack_require__(4956);
// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
;// CONCATENATED MODULE: ./src/graph/parse.ts













/**
 * The largest graph text (in UTF-16 code units) whose validation is kept: keeping one holds its text and the kept
 * form in memory at once, and a graph of hundreds of megabytes is read keeping peak memory near its own size.
 */
const MAX_KEPT_TEXT = 32 * 1024 * 1024;
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
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const at = (0,json_position/* jsonErrorLocation */.s)(text, message);
        // The position becomes line:column; the text V8 quotes (the input, or a cut of it) goes; a quoted newline is
        // shown escaped.
        const reason = message
            .replace(/,? (\.\.\.)?"[^]*"(\.\.\.)? is not valid JSON$/, '')
            .replace(/ (in JSON )?at position \d+[^]*$/, '')
            .replace(/[\u0000-\u001f]/g, (c) => JSON.stringify(c).slice(1, -1));
        return (0,result/* err */._)([{ message: `malformed JSON at line ${at.line}, column ${at.column}: ${reason}` }]);
    }
    return (0,result.ok)(value);
}
/**
 * Read in one call on this thread, not through the thread pool: git's listings start just before, and while their
 * processes take both cores of a small machine, each of the pool's round trips waits for one (14 ms for a 1.4 MB
 * graph, against 1 ms read here).
 */
/**
 * The bytes of the graph file at `path` and, when `withStat`, its stat data when they vouch for those bytes: a
 * regular file that last changed well before now (settled-stat.ts). Both through one descriptor, the stat data
 * taken before the read: the file whose stat data is recorded is the one whose bytes are keyed, whatever its path
 * leads to meanwhile (a link retargeted), and a write after the stat leaves stat data that never match again.
 * `known`, given the stat data, answers for the bytes instead (see loadGraphFile): the file is then not read.
 */
async function readGraphFile(path, withStat, known) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
    }
    catch (e) {
        return cannotRead(path, e);
    }
    try {
        const takenAt = Date.now();
        const st = withStat ? (0,external_node_fs_.fstatSync)(fd) : undefined;
        const stat = st !== undefined && (0,settled_stat/* settledMs */.ou)(st, takenAt) ? (0,settled_stat/* statKey */.CD)(st) : undefined;
        const answer = stat === undefined ? undefined : await known(stat);
        if (answer !== undefined)
            return (0,result.ok)({ known: answer });
        return (0,result.ok)({ bytes: (0,external_node_fs_.readFileSync)(fd), stat });
    }
    catch (e) {
        return cannotRead(path, e);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function cannotRead(path, e) {
    const why = e.code ?? e.message;
    return (0,result/* err */._)([{ message: `cannot read graph file ${path}: ${why}` }]);
}
function readGraphBytes(path) {
    try {
        return (0,result.ok)((0,external_node_fs_.readFileSync)(path));
    }
    catch (e) {
        return cannotRead(path, e);
    }
}
/**
 * Reads a graph file and validates it, also checking that every input and every SourceFiles path exists under
 * `sourceDir`. All problems come back together, missing inputs named by job and the producer's `Inputs[i]`.
 * `knownFiles` are paths already known to be files, not looked up: git's account of the work tree, which costs
 * nothing more when keys use it anyway. It is awaited only after the graph is validated, with every path taken
 * for a file meanwhile: git lists the work tree on other cores while this one validates. Should a path then turn
 * out not to be a file (rare: a graph naming a missing input), the file is validated again, with the truth.
 * With `cacheFile`, the validation of the file's exact text is kept there and reused by the next run (for graph
 * texts up to MAX_KEPT_TEXT).
 */
async function loadGraphFile(path, sourceDir, knownFiles, cacheFile) {
    // An unchanged graph file was validated by an earlier run: its validation is reused (validated-graph-cache.ts);
    // whether its files exist is checked as for any graph. Its key is known without reading it when its stat data is
    // as recorded; the text is decoded only when no validation serves.
    let statedKey;
    const read = await readGraphFile(path, cacheFile !== undefined, async (stat) => {
        statedKey = (0,validated_graph_cache/* keyOfUnchangedFile */.ai)(cacheFile, stat);
        const stated = statedKey === undefined ? undefined : (0,validated_graph_cache/* readValidatedGraph */.R7)(cacheFile, statedKey);
        return stated !== undefined &&
            allFiles(stated.graph, pathKinds(sourceDir, await knownFiles), stated.sourceOnly)
            ? stated.graph
            : undefined;
    });
    if (!read.ok)
        return read;
    if ('known' in read.value)
        return (0,result.ok)(read.value.known);
    const { bytes, stat } = read.value;
    const key = cacheFile === undefined || bytes.length > MAX_KEPT_TEXT ? undefined : (0,validated_graph_cache/* validatedGraphKey */.sO)(bytes);
    const cached = cacheFile === undefined || key === undefined ? undefined : (0,validated_graph_cache/* readValidatedGraph */.R7)(cacheFile, key);
    if (cached !== undefined && stat !== undefined && key !== statedKey) {
        (0,validated_graph_cache/* recordKeyOfUnchangedFile */.rj)(cacheFile, stat, key);
    }
    if (cached !== undefined &&
        allFiles(cached.graph, pathKinds(sourceDir, await knownFiles), cached.sourceOnly))
        return (0,result.ok)(cached.graph);
    // None, or a missing input: validated below from the very bytes keyed, which names every problem.
    let text = bytes.toString('utf8');
    const raw = decode(text);
    // The text is dropped before validation: for large graphs it is tens of megabytes nobody needs any more.
    text = '';
    if (!raw.ok)
        return raw;
    let validated = (0,validate/* validateDecoded */.$)(raw.value, { inputKind: () => 'file' });
    let sameBytes = true;
    const kind = pathKinds(sourceDir, await knownFiles);
    if (validated.ambiguousKeys || !validated.result.ok || !allFiles(validated.result.value, kind)) {
        // Rare (a problem, or keys whose order JSON.parse lost, see parseGraphText): the file is read again rather
        // than its text kept through every validation.
        const again = readGraphBytes(path);
        if (!again.ok)
            return again;
        // Changed in between: this validation is not of the bytes keyed, and is not kept under their key.
        sameBytes = key !== undefined && (0,validated_graph_cache/* validatedGraphKey */.sO)(again.value) === key;
        const againText = again.value.toString('utf8');
        const decoded = validated.ambiguousKeys ? (0,result.ok)(decodeOrdered(againText)) : decode(againText);
        if (!decoded.ok)
            return decoded;
        validated = (0,validate/* validateDecoded */.$)(decoded.value, { inputKind: kind });
    }
    if (validated.result.ok &&
        sameBytes &&
        cacheFile !== undefined &&
        key !== undefined &&
        cached === undefined) {
        (0,validated_graph_cache/* writeValidatedGraph */.EC)(cacheFile, key, validated.result.value);
        if (stat !== undefined)
            (0,validated_graph_cache/* recordKeyOfUnchangedFile */.rj)(cacheFile, stat, key);
    }
    // The decoded JSON tree of a large graph is hundreds of megabytes of garbage by now: collect it before keying.
    if (validated.result.ok && validated.result.value.jobs.length > 10_000)
        await collectGarbage();
    return validated.result;
}
/**
 * What is at each relative path under `sourceDir`, asked once per path. Each directory is listed once (with
 * file types) instead of one lstat per file: inputs come many to a directory, and 10,000 inputs in 1,000
 * directories cost a third of the time. A name the listing does not show (or does not type) is lstat-ed, so
 * case-insensitive file systems and odd file systems answer exactly as lstat does. Paths in `knownFiles` are
 * files without asking. A path that is a symbolic link, or lies below one, is resolved as keys resolve it
 * (resolve-input.ts): a dangling link or a path leading outside `sourceDir` is a problem.
 */
function pathKinds(sourceDir, knownFiles) {
    const memo = new Map();
    const listings = new Map();
    const realDirs = new Map();
    const disk = new git_blob/* DiskView */.Vm(sourceDir);
    // Keyed by the directory's relative path: joining and normalising every input path costs more than the calls.
    const listed = (relDir) => {
        if (listings.has(relDir))
            return listings.get(relDir);
        let kinds;
        try {
            kinds = new Map();
            for (const e of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(sourceDir, relDir), { withFileTypes: true })) {
                const k = e.isFile()
                    ? 'file'
                    : e.isSymbolicLink()
                        ? 'link'
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
    // Whether a directory is reached without following a link (then its listing is the truth about its entries).
    const isRealDir = (relDir) => {
        if (relDir === '')
            return true;
        let real = realDirs.get(relDir);
        if (real === undefined) {
            const slash = relDir.lastIndexOf('/');
            const parent = slash < 0 ? '' : relDir.slice(0, slash);
            real = isRealDir(parent) && listed(parent)?.get(relDir.slice(slash + 1)) === 'dir';
            realDirs.set(relDir, real);
        }
        return real;
    };
    return (rel) => {
        if (knownFiles?.has(rel))
            return 'file';
        let k = memo.get(rel);
        if (k === undefined) {
            const slash = rel.lastIndexOf('/');
            const dir = slash < 0 ? '' : rel.slice(0, slash);
            try {
                const listedKind = isRealDir(dir)
                    ? (listed(dir)?.get(rel.slice(slash + 1)) ?? lstatKind((0,external_node_path_.join)(sourceDir, rel)))
                    : 'link';
                k = listedKind === 'link' ? resolvedKind(disk, rel) : listedKind;
            }
            catch (e) {
                k = { problem: (0,git_blob/* unreadable */.O$)(rel, e) };
            }
            memo.set(rel, k);
        }
        return k;
    };
}
/**
 * Whether validation with `kind` would find no problem with the paths of the valid `graph`. `sourceOnly`, when
 * known, are the SourceFiles paths that are no job's input (the others are files when the inputs are).
 */
function allFiles(graph, kind, sourceOnly = graph.sourceFiles.values()) {
    for (const job of graph.jobs)
        for (const p of job.inputs)
            if (kind(p) !== 'file')
                return false;
    // A SourceFiles path is a problem only when missing.
    for (const p of sourceOnly)
        if (kind(p) === 'missing')
            return false;
    return true;
}
/** A path that is, or lies below, a symbolic link: what reading it yields, as keys resolve it. */
function resolvedKind(disk, rel) {
    if (rel.includes('\0'))
        return 'missing';
    const r = (0,resolve_input/* resolveInput */.xI)(disk, rel);
    // A link to a directory is an input (where it leads); a directory reached through one is not.
    if (r.ok && r.directory && (0,resolve_input/* ownLink */.RL)(disk, rel) === undefined)
        return { problem: (0,resolve_input/* notALink */.bv)(rel).problem };
    return r.ok ? 'file' : r.missing ? 'missing' : { problem: r.problem };
}
function lstatKind(path) {
    // Validation refuses such paths; a caller that skipped it still gets an answer, not an exception.
    if (path.includes('\0'))
        return 'missing';
    const st = (0,external_node_fs_.lstatSync)(path, { throwIfNoEntry: false });
    if (st === undefined)
        return 'missing';
    if (st.isFile())
        return 'file';
    if (st.isSymbolicLink())
        return 'link';
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
            const shown = (0,printable/* printable */.g$)(input);
            if (k === 'missing')
                problems.push({ job: job.name, field, message: `input file ${shown} does not exist` });
            else if (k === 'dir')
                problems.push({ job: job.name, field, message: `input ${shown} is a directory; list its files` });
            else if (k === 'other') {
                problems.push({
                    job: job.name,
                    field,
                    message: `input ${shown} is not a regular file or a symbolic link`,
                });
            }
            else if (typeof k === 'object')
                problems.push({ job: job.name, field, message: k.problem });
        });
    }
    for (const [id, path] of graph.sourceFiles) {
        if (kind(path) === 'missing')
            problems.push((0,model/* missingSourceFile */.uK)(id, path));
    }
    return problems;
}


/***/ }),

/***/ 5221:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gc: () => (/* binding */ parseBatch),
/* harmony export */   nd: () => (/* binding */ commitTreeDigests),
/* harmony export */   r9: () => (/* binding */ CommitView)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8251);
/* harmony import */ var _util_pid_temp_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4340);
/* harmony import */ var _git_blob_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9236);
/* harmony import */ var _git_command_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8750);
/* harmony import */ var _git_conversions_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5782);
/* harmony import */ var _git_output_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9766);
/* harmony import */ var _graph_input_spelling_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1535);
/* harmony import */ var _resolve_input_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6915);
/* harmony import */ var _submodule_checkout_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4313);
/**
 * Digests as of a commit (the pre-push hook): what a checkout of that commit would hold, without making one.
 *
 * Blob IDs and modes come from `git ls-tree -r`; links are resolved inside the tree by the walk the working-tree
 * path uses on disk (resolve-input.ts), so the hook and `disbuild run` agree on every link. Paths git converts on
 * checkout (decided by the commit's own `.gitattributes`) are checked out by git itself, into a temporary
 * directory through a temporary index holding only them and the attribute files, and hashed from there: the same
 * code path as a real checkout, filters (LFS) and `ident` included. Only converted paths pay for this.
 */











/**
 * Digests as of `commit`, never reading the working tree. `repoDir` may be a subdirectory of the work tree: paths
 * are relative to it, and links must stay inside it. A path absent from the commit is missing; an unknown commit,
 * or a failing checkout filter, is an error. A path inside a submodule is taken from the commit the gitlink
 * records, in the submodule checked out at `repoDir` (see submoduleDigests).
 */
async function commitTreeDigests(repoDir, commit, paths, 
/** Where `repoDir` lies in the source directory the keys are of (`sm/` for a submodule's): a link to a directory is keyed by its path from there. */
at = '') {
    if (commit.startsWith('-'))
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__/* .err */ ._)(`not a commit: ${JSON.stringify(commit)}`);
    const [prefix = '', listed, settings] = await Promise.all([
        (0,_git_command_js__WEBPACK_IMPORTED_MODULE_4__/* .workTreePrefix */ .wP)(repoDir),
        (0,_git_command_js__WEBPACK_IMPORTED_MODULE_4__/* .gitText */ .q_)(repoDir, ['ls-tree', '-r', '-z', '--full-tree', commit]),
        (0,_git_conversions_js__WEBPACK_IMPORTED_MODULE_5__/* .readSettings */ .sb)(repoDir),
    ]);
    if (!listed.ok)
        return listed;
    let view;
    // An input spelled with `..` after a name is looked up where its climbing leads (see climbed): out of a
    // submodule (`sm/../x.txt`), or into one (`a/../sm/x.txt`), which the walk over this tree alone cannot enter.
    const climbs = new Map();
    if (paths.some(_graph_input_spelling_js__WEBPACK_IMPORTED_MODULE_7__/* .hasDotDot */ .n)) {
        const loaded = await CommitView.load(repoDir, listed.value, prefix, settings);
        if (!loaded.ok)
            return loaded;
        view = loaded.value;
        for (const p of paths) {
            const c = (0,_graph_input_spelling_js__WEBPACK_IMPORTED_MODULE_7__/* .hasDotDot */ .n)(p) ? climbed(view, p) : undefined;
            if (c !== undefined)
                climbs.set(p, c);
        }
    }
    const tree = (0,_git_output_js__WEBPACK_IMPORTED_MODULE_6__/* .parseListing */ ._S)(listed.value, 'ls-tree', [...paths, ...climbs.values()], prefix);
    const out = new Map();
    const resolved = new Map();
    const gitlinks = (0,_git_output_js__WEBPACK_IMPORTED_MODULE_6__/* .gitlinkEntries */ .RU)(listed.value, prefix);
    const inSubmodules = new Map();
    for (const p of paths) {
        const listedAs = climbs.get(p) ?? p;
        const e = tree.get(listedAs);
        if (e !== undefined && (e.mode !== 'symlink' || !settings.symlinks)) {
            resolved.set(p, { real: listedAs, ...fileOf(e) });
            continue;
        }
        const submodule = gitlinks.size > 0 && e === undefined ? gitlinkAbove(gitlinks, listedAs) : undefined;
        if (submodule !== undefined) {
            const inside = inSubmodules.get(submodule);
            if (inside)
                inside.push([p, listedAs]);
            else
                inSubmodules.set(submodule, [[p, listedAs]]);
            continue;
        }
        if (view === undefined) {
            const loaded = await CommitView.load(repoDir, listed.value, prefix, settings);
            if (!loaded.ok)
                return loaded;
            view = loaded.value;
        }
        const r = (0,_resolve_input_js__WEBPACK_IMPORTED_MODULE_10__/* .resolveInput */ .xI)(view, p);
        if (!r.ok) {
            out.set(p, r.missing ? { missing: true } : { problem: r.problem });
            continue;
        }
        if (r.directory) {
            // As the disk's walk records it (git-blob.ts): where the link leads, and its text.
            const own = (0,_resolve_input_js__WEBPACK_IMPORTED_MODULE_10__/* .ownLink */ .RL)(view, p);
            out.set(p, own === undefined
                ? { problem: (0,_resolve_input_js__WEBPACK_IMPORTED_MODULE_10__/* .notALink */ .bv)(p).problem }
                : { mode: 'directory', digest: (0,_git_blob_js__WEBPACK_IMPORTED_MODULE_3__/* .blobId */ .zA)(at + r.real), link: view.entry(own).digest });
            continue;
        }
        const own = r.linked ? (0,_resolve_input_js__WEBPACK_IMPORTED_MODULE_10__/* .ownLink */ .RL)(view, p) : undefined;
        const target = view.entry(r.real);
        resolved.set(p, { real: r.real, ...fileOf(target), ...(own ? { link: view.entry(own).digest } : {}) });
    }
    const checkedOut = await convertedDigests(repoDir, prefix, listed.value, resolved, settings);
    if (!checkedOut.ok)
        return checkedOut;
    for (const [p, r] of resolved) {
        const digest = checkedOut.value.get(r.real) ?? r.digest;
        out.set(p, r.link === undefined ? { mode: r.mode, digest } : { mode: r.mode, digest, link: r.link });
    }
    for (const [submodule, inside] of inSubmodules) {
        const digests = await submoduleDigests(repoDir, submodule, gitlinks.get(submodule), inside.map(([, path]) => path), at);
        if (!digests.ok)
            return digests;
        for (const [p, path] of inside)
            out.set(p, digests.value.get(path));
    }
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__.ok)(out);
}
/**
 * The path `p` (with a `..` after a name) leads to, its climbing done: the directory its last `..` reaches, resolved
 * in `view` (links followed, a submodule a directory), then the rest as written. Undefined when that walk fails, or
 * enters a submodule, whose files `view` does not hold (`sm/d/../x.txt`: the submodule resolves it).
 */
function climbed(view, p) {
    const last = p.endsWith('/..') ? p.length - 2 : p.lastIndexOf('/../') + 1;
    const rest = p.slice(last + 3);
    if (rest === '' || last < 1)
        return undefined;
    const dir = (0,_resolve_input_js__WEBPACK_IMPORTED_MODULE_10__/* .resolveDir */ .m$)(view, p.slice(0, last + 2));
    return dir === undefined ? undefined : dir === '' ? rest : `${dir}/${rest}`;
}
/** The gitlink whose directory holds `path`, the innermost first (a tree holds no gitlink inside another). */
function gitlinkAbove(gitlinks, path) {
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
        if (gitlinks.has(path.slice(0, i)))
            return path.slice(0, i);
    }
    return undefined;
}
/**
 * Digests of `paths` (relative to `repoDir`) inside the submodule at `submodule`, as of the commit `commit` its
 * gitlink records, from the submodule's own repository where `repoDir` has it checked out (its own links,
 * attributes and submodules apply). Where it is not checked out, or lacks that commit (not fetched), the paths
 * are missing, as they are from a worktree of the commit the hook checks the submodule out in (see worktree.ts).
 */
async function submoduleDigests(repoDir, submodule, commit, paths, at) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(repoDir, submodule);
    const missing = () => (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__.ok)(new Map(paths.map((p) => [p, { missing: true }])));
    if (!(0,_submodule_checkout_js__WEBPACK_IMPORTED_MODULE_8__/* .isCheckedOutSubmodule */ .cf)(repoDir, submodule))
        return missing();
    const known = await (0,_git_command_js__WEBPACK_IMPORTED_MODULE_4__/* .gitText */ .q_)(dir, ['cat-file', '-e', `${commit}^{commit}`]);
    if (!known.ok)
        return missing();
    const inner = await commitTreeDigests(dir, commit, paths.map((p) => p.slice(submodule.length + 1)), `${at}${submodule}/`);
    if (!inner.ok)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__/* .err */ ._)(`submodule ${submodule}: ${inner.error}`);
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__.ok)(new Map(paths.map((p) => [p, inner.value.get(p.slice(submodule.length + 1))])));
}
/** A blob entry as a file: with `core.symlinks=false` a link is checked out as a file holding its text. */
function fileOf(e) {
    return { mode: e.mode === 'symlink' ? 'regular' : e.mode, digest: e.digest };
}
/** convertedDigests checks files out into `<tmp>/disbuild-checkout-<pid>-<random>`. */
const CHECKOUT_PREFIX = 'disbuild-checkout-';
/**
 * The blob IDs of what a checkout writes for the resolved files that git converts, by tree path; the others are
 * left out (their blob is what a checkout writes).
 */
async function convertedDigests(repoDir, prefix, listing, resolved, settings) {
    const files = new Map();
    for (const r of resolved.values())
        files.set(r.real, r);
    const out = new Map();
    if (files.size === 0)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__.ok)(out);
    // A hook killed while it converted leaves its directory behind: the next one removes it.
    await (0,_util_pid_temp_js__WEBPACK_IMPORTED_MODULE_2__/* .removeDeadPidTemps */ .Xw)(CHECKOUT_PREFIX, _util_pid_temp_js__WEBPACK_IMPORTED_MODULE_2__/* .ABANDONED_MS */ .YF);
    let temp;
    try {
        temp = (0,_util_pid_temp_js__WEBPACK_IMPORTED_MODULE_2__/* .makePidTemp */ .Gp)(CHECKOUT_PREFIX);
    }
    catch (e) {
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__/* .err */ ._)(`no temporary directory to check converted files out into (${e.message})`);
    }
    try {
        const index = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(temp, 'index');
        // The commit's attribute files in an index of their own: `check-attr --cached` then answers for the commit.
        const attrs = (0,_git_output_js__WEBPACK_IMPORTED_MODULE_6__/* .attributeFiles */ .Op)(listing);
        if (attrs.length > 0) {
            const made = await (0,_git_command_js__WEBPACK_IMPORTED_MODULE_4__/* .gitText */ .q_)(repoDir, ['update-index', '-z', '--index-info'], {
                input: attrs.join('\0') + '\0',
                env: { ...process.env, GIT_INDEX_FILE: index },
            });
            if (!made.ok)
                return made;
        }
        const converted = await (0,_git_conversions_js__WEBPACK_IMPORTED_MODULE_5__/* .convertedPaths */ .Lg)(repoDir, [...files.keys()], settings, {
            cached: true,
            env: { ...process.env, GIT_INDEX_FILE: index },
        });
        if (!converted.ok)
            return converted;
        if (converted.value.size === 0)
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__.ok)(out);
        const gitDir = await (0,_git_command_js__WEBPACK_IMPORTED_MODULE_4__/* .gitText */ .q_)(repoDir, ['rev-parse', '--absolute-git-dir']);
        if (!gitDir.ok)
            return gitDir;
        const wt = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(temp, 'wt');
        const env = {
            ...process.env,
            GIT_DIR: gitDir.value.trim(),
            GIT_WORK_TREE: wt,
            GIT_INDEX_FILE: index,
        };
        const lines = [...converted.value].map((real) => {
            const r = files.get(real);
            return `${r.mode === 'executable' ? '100755' : '100644'} ${r.digest}\t${prefix}${real}`;
        });
        const added = await (0,_git_command_js__WEBPACK_IMPORTED_MODULE_4__/* .gitText */ .q_)(repoDir, ['update-index', '-z', '--index-info'], {
            input: lines.join('\0') + '\0',
            env,
        });
        if (!added.ok)
            return added;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(wt);
        const written = await (0,_git_command_js__WEBPACK_IMPORTED_MODULE_4__/* .gitText */ .q_)(wt, ['checkout-index', '--all', '--force'], { env });
        if (!written.ok)
            return written;
        for (const real of converted.value)
            out.set(real, (0,_git_blob_js__WEBPACK_IMPORTED_MODULE_3__/* .blobId */ .zA)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(wt, prefix + real))));
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__.ok)(out);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(temp, { recursive: true, force: true }).catch(() => { });
    }
}
/** A commit's tree under the source directory as a TreeView, with the text of its links. */
class CommitView {
    entries;
    dirs;
    links;
    symlinks;
    constructor(entries, dirs, links, symlinks) {
        this.entries = entries;
        this.dirs = dirs;
        this.links = links;
        this.symlinks = symlinks;
    }
    static async load(repoDir, listing, prefix, settings) {
        const entries = (0,_git_output_js__WEBPACK_IMPORTED_MODULE_6__/* .parseTreeEntries */ .w5)(listing, prefix);
        const dirs = new Set();
        const linkIds = new Map();
        for (const [path, e] of entries) {
            for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
                const dir = path.slice(0, i);
                if (dirs.has(dir))
                    break;
                dirs.add(dir);
            }
            if (e !== 'other' && e.mode === 'symlink')
                linkIds.set(path, e.digest);
        }
        const links = new Map();
        if (settings.symlinks && linkIds.size > 0) {
            const ids = [...new Set(linkIds.values())];
            const batch = await (0,_git_command_js__WEBPACK_IMPORTED_MODULE_4__/* .gitBytes */ .s0)(repoDir, ['cat-file', '--batch'], ids.join('\n') + '\n');
            if (!batch.ok)
                return batch;
            const texts = parseBatch(batch.value);
            for (const [path, id] of linkIds)
                links.set(path, texts.get(id) ?? '');
        }
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_9__.ok)(new CommitView(entries, dirs, links, settings.symlinks));
    }
    entry(path) {
        const e = this.entries.get(path);
        return e === 'other' ? undefined : e;
    }
    kind(path) {
        const e = this.entries.get(path);
        // A submodule is checked out as a directory.
        if (e === 'other')
            return 'dir';
        if (e !== undefined)
            return e.mode === 'symlink' && this.symlinks ? 'link' : 'file';
        return this.dirs.has(path) ? 'dir' : 'missing';
    }
    linkText(path) {
        return this.links.get(path) ?? '';
    }
}
/** Object ID → content (as UTF-8 text) from `git cat-file --batch` output (`<id> <type> <size>\n<bytes>\n`). */
function parseBatch(out) {
    const texts = new Map();
    let at = 0;
    while (at < out.length) {
        const nl = out.indexOf(0x0a, at);
        if (nl < 0)
            break;
        const [id = '', , size] = out.subarray(at, nl).toString('utf8').split(' ');
        if (size === undefined) {
            at = nl + 1; // `<id> missing`
            continue;
        }
        const n = Number(size);
        texts.set(id, out.subarray(nl + 1, nl + 1 + n).toString('utf8'));
        at = nl + 1 + n + 1;
    }
    return texts;
}


/***/ }),

/***/ 679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ startWorkTreeListings),
/* harmony export */   Dj: () => (/* binding */ chooseDigests),
/* harmony export */   IQ: () => (/* binding */ unchangedIndexedFiles),
/* harmony export */   nd: () => (/* reexport safe */ _commit_digests_js__WEBPACK_IMPORTED_MODULE_9__.nd)
/* harmony export */ });
/* unused harmony exports workingTreeDigests, streamSource, workingTreeSource, commitTreeSource, chooseDigestSource */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_real_path_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3516);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(8251);
/* harmony import */ var _git_blob_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9236);
/* harmony import */ var _git_command_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8750);
/* harmony import */ var _git_attribute_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6761);
/* harmony import */ var _git_conversions_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5782);
/* harmony import */ var _work_tree_commands_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8397);
/* harmony import */ var _git_output_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9766);
/* harmony import */ var _commit_digests_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5221);
/* harmony import */ var _submodule_checkout_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4313);
/**
 * Content digests of input files: git blob IDs of the bytes a job reads, from the cheapest place that knows them.
 *
 * Deals with: the git index fast path (unchanged tracked files that git does not convert cost nothing), reading
 * only what changed or what git converts (end of lines, filters such as LFS, `ident`, encodings), modes when git
 * ignores them (`core.fileMode=false`), symbolic links (followed inside the source directory), commit trees
 * (commit-digests.ts), and the streaming fallback outside git. All give identical digests for the same bytes.
 */














/**
 * Whether the index holds a file at one of `places` (absolute), its paths being from `top`, the work tree's top:
 * git reads an attributes file from the index where the work tree lacks it.
 */
function indexHolds(index, top, places) {
    if (index.size === 0)
        return false;
    const below = top === '/' ? top : top + '/';
    return places.some((f) => f.startsWith(below) && index.has(f.slice(below.length)));
}
/** The work tree's top: `dir` (the source directory, links resolved) less git's `prefix` for it. */
function workTreeTop(dir, prefix) {
    const depth = prefix.split('/').filter(Boolean).length;
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dir, ...Array(depth).fill('..'));
}
/**
 * The git fast path: blob IDs and modes of tracked files come from `git ls-files -s -v`. Read from disk instead:
 * the requested paths that `git status` finds changed against the index (content, mode, type, deletion) or that
 * are not in the index (untracked, ignored); symbolic links (their targets are what a job reads); and the paths
 * git converts between blob and work tree, found by one `git check-attr` call over the remaining paths. With
 * `core.fileMode=false` the mode of each indexed file is taken from disk (one lstat), since git ignores it.
 * Fails when `sourceDir` is not in a git work tree or git fails.
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
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_11__/* .err */ ._)(`${sourceDir} is not inside a git work tree`);
    const listed = await listings.index;
    if (!listed.ok)
        return listed;
    // ls-files, run in sourceDir, prints paths relative to it; status prints them from the repository root.
    const index = (0,_git_output_js__WEBPACK_IMPORTED_MODULE_8__/* .indexEntries */ .nL)(listed.value, paths);
    const settings = await listings.settings;
    // Asked while `git status` runs: of every indexed file, dirty or not (a dirty one is read from disk anyway).
    const candidates = [];
    for (const [p, e] of index)
        if (e.mode !== 'symlink')
            candidates.push(p);
    const [infoAttributes, realDir] = await Promise.all([listings.infoAttributes, listings.realDir]);
    const places = infoAttributes === undefined
        ? undefined
        : (0,_git_conversions_js__WEBPACK_IMPORTED_MODULE_6__/* .attributePlaces */ .h9)(realDir ?? sourceDir, prefix, candidates, infoAttributes, settings, await listings.systemAttributes, listings.env);
    const attributed = places === undefined ||
        places.some((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f)) ||
        indexHolds(await listings.indexAttributes, workTreeTop(realDir ?? sourceDir, prefix), places);
    const converting = attributed
        ? (0,_git_conversions_js__WEBPACK_IMPORTED_MODULE_6__/* .convertedPaths */ .Lg)(sourceDir, candidates, settings, listings.env ? { env: listings.env } : {})
        : Promise.resolve((0,_util_result_js__WEBPACK_IMPORTED_MODULE_11__.ok)(new Set(settings.autocrlf ? candidates : [])));
    const changed = await listings.status;
    if (!changed.ok)
        return changed;
    const dirty = (0,_git_output_js__WEBPACK_IMPORTED_MODULE_8__/* .parseDirtyPaths */ .u6)(changed.value, prefix);
    const converted = await converting;
    if (!converted.ok)
        return converted;
    // The index map becomes the answer (one 100,000-entry map less at the peak): entries read from disk replace theirs.
    const out = index;
    const toRead = [];
    for (const p of paths) {
        const e = index.get(p);
        if (e === undefined || e.mode === 'symlink' || dirty.has(p) || converted.value.has(p)) {
            toRead.push(p);
        }
        else if (!settings.fileMode) {
            // git ignores the execute bit here, so its index keeps the mode of the last commit: the disk says.
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(sourceDir + '/' + p, { throwIfNoEntry: false });
            if (st?.isFile())
                out.set(p, { mode: st.mode & 0o100 ? 'executable' : 'regular', digest: e.digest });
            else
                toRead.push(p);
        }
    }
    if (toRead.length === 0 && settings.fileMode && !attributed && places !== undefined) {
        listings.fromListingsAlone = { attributePlaces: places };
    }
    const fromSubmodules = toRead.length > 0 ? await submoduleDigests(sourceDir, toRead) : undefined;
    for (const [p, state] of fromSubmodules?.found ?? [])
        out.set(p, state);
    for (const [p, state] of await (0,_git_blob_js__WEBPACK_IMPORTED_MODULE_3__/* .streamDigests */ ._h)(sourceDir, fromSubmodules?.rest ?? toRead))
        out.set(p, state);
    // Every symlink entry was among the paths read: what is left of the index are files.
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_11__.ok)(out);
}
/**
 * Of `paths` (not in the index), the files inside a submodule checked out under `sourceDir`, by the same fast path
 * over the submodule's own index (which holds them, where the repository's does not), nested submodules in turn;
 * `rest` is left to the disk, as is a submodule with few files to digest. Only files come from the submodule: a
 * link there resolves inside the repository, as the disk's walk resolves it, not inside the submodule. Nothing
 * when the submodule's git fails.
 */
async function submoduleDigests(sourceDir, paths) {
    const submodules = (0,_submodule_checkout_js__WEBPACK_IMPORTED_MODULE_10__/* .checkedOutSubmodules */ .Fc)(sourceDir);
    if (submodules.length === 0)
        return undefined;
    const found = new Map();
    const rest = [];
    const inside = new Map(submodules.map((s) => [s, []]));
    for (const p of paths) {
        let held;
        for (let i = p.indexOf('/'); i > 0 && held === undefined; i = p.indexOf('/', i + 1))
            held = inside.get(p.slice(0, i));
        if (held)
            held.push(p);
        else
            rest.push(p);
    }
    // A submodule's listings are six git processes (tens of milliseconds): a few hundred files read from disk cost
    // less. A hundred submodules of ten files each took 11 s a run through their indexes, 1.2 s from the disk.
    const asked = [...inside].filter(([, ps]) => {
        if (ps.length >= INDEX_WORTHWHILE)
            return true;
        rest.push(...ps);
        return false;
    });
    // A few at a time: each submodule's listings are six git processes.
    for (let i = 0; i < asked.length; i += SUBMODULES_AT_ONCE) {
        await Promise.all(asked.slice(i, i + SUBMODULES_AT_ONCE).map(async ([submodule, ps]) => {
            const dir = `${sourceDir}/${submodule}`;
            const inner = await workingTreeDigests(dir, ps.map((p) => p.slice(submodule.length + 1)), startWorkTreeListings(dir, { env: (0,_submodule_checkout_js__WEBPACK_IMPORTED_MODULE_10__/* .submoduleEnv */ .OQ)(dir) }));
            for (const p of ps) {
                const state = inner.ok ? inner.value.get(p.slice(submodule.length + 1)) : undefined;
                if (state !== undefined && 'digest' in state && state.link === undefined)
                    found.set(p, state);
                else
                    rest.push(p);
            }
        }));
    }
    return { found, rest };
}
/** How many submodules' listings run at once. */
const SUBMODULES_AT_ONCE = 4;
/** How many of a submodule's files a run must digest before its index is worth asking. */
const INDEX_WORTHWHILE = 500;
/**
 * Starts the fast path's git calls. They depend on the directory only, not on the graph, so a caller can start
 * them before it reads the graph and have git stat the work tree on another core meanwhile. All run at once
 * (gitText never rejects); outside a work tree the listings fail, and only `prefix` is looked at. `runs`: the
 * calls of workTreeCommands, started already (at `startedAt`) with the same `untracked` and `env`.
 */
function startWorkTreeListings(sourceDir, options = {}) {
    const startedAt = options.startedAt ?? Date.now();
    // Asked by a caller that needs the untracked files too (the compile of disbuild.json): one walk in the same
    // call, rather than a second git process reading the index again.
    const untracked = options.untracked ?? false;
    const commands = (0,_work_tree_commands_js__WEBPACK_IMPORTED_MODULE_7__/* .workTreeCommands */ .YG)(untracked);
    const runs = options.runs ?? (0,_work_tree_commands_js__WEBPACK_IMPORTED_MODULE_7__/* .startWorkTreeCommands */ .KG)(sourceDir, untracked, options.env);
    const [where, index, status, config, system, execPath, attributes] = runs;
    const place = where.then((r) => (r.code === 0 ? r.out.split('\n') : []));
    // Printed relative to the directory git ran in, which is the source directory with its links resolved.
    const gitPaths = place.then(([inside, , info, index]) => {
        if (inside !== 'true')
            return {};
        const real = (0,_util_real_path_js__WEBPACK_IMPORTED_MODULE_2__/* .realPathOr */ .r)(sourceDir);
        return {
            realDir: real,
            infoAttributes: info ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(real, info) : undefined,
            indexFile: index ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(real, index) : undefined,
        };
    });
    // A listing that failed inside a work tree is asked again on its own, for git's message.
    const listing = async (run, args) => {
        const r = await run;
        if (r.code === 0)
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_11__.ok)(r.out);
        if ((await place)[0] !== 'true')
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_11__/* .err */ ._)(`${sourceDir} is not inside a git work tree`);
        return (0,_git_command_js__WEBPACK_IMPORTED_MODULE_4__/* .gitText */ .q_)(sourceDir, args, options.env ? { env: options.env } : {});
    };
    const statusText = listing(status, commands[2]);
    const split = untracked ? statusText.then(splitUntracked) : undefined;
    const indexText = listing(index, commands[1]);
    // With `untracked`, the paths come from the same pass over the listing as the entries.
    const parsed = indexText.then((r) => r.ok
        ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_11__.ok)(untracked
            ? (0,_git_output_js__WEBPACK_IMPORTED_MODULE_8__/* .parseIndexListingWithPaths */ .wn)(r.value)
            : { entries: (0,_git_output_js__WEBPACK_IMPORTED_MODULE_8__/* .parseIndexListing */ ._2)(r.value), paths: undefined })
        : r);
    return {
        startedAt,
        runs,
        ...(options.env ? { env: options.env } : {}),
        prefix: place.then(([inside, prefix]) => (inside === 'true' ? (prefix ?? '') : undefined)),
        index: parsed.then((r) => (r.ok ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_11__.ok)(r.value.entries) : r)),
        indexAttributes: attributes.then((r) => new Set(r.code === 0 ? r.out.split('\0').filter((p) => p !== '') : [])),
        ...(untracked ? { indexPaths: parsed.then((r) => (r.ok ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_11__.ok)(r.value.paths) : r)) } : {}),
        status: split ? split.then((r) => (r.ok ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_11__.ok)(r.value.tracked) : r)) : statusText,
        ...(split ? { untracked: split.then((r) => (r.ok ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_11__.ok)(r.value.untracked) : r)) } : {}),
        settings: config.then((r) => (0,_git_conversions_js__WEBPACK_IMPORTED_MODULE_6__/* .parseSettings */ .P$)(r.code === 0 ? r.out : '')),
        systemAttributes: Promise.all([system, execPath]).then(([named, exec]) => (0,_git_attribute_files_js__WEBPACK_IMPORTED_MODULE_5__/* .systemAttributesFiles */ .O4)(named.code === 0 ? named.out.trim() : undefined, options.env ?? process.env, exec.code === 0 ? exec.out.trim() : undefined)),
        realDir: gitPaths.then((p) => p.realDir),
        infoAttributes: gitPaths.then((p) => p.infoAttributes),
        indexFile: gitPaths.then((p) => p.indexFile),
    };
}
/** `git status --porcelain=v1 -z --no-renames` text parted into its `??` records' paths and the rest, as text. */
function splitUntracked(r) {
    if (!r.ok)
        return r;
    if (r.value === '')
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_11__.ok)({ tracked: '', untracked: [] });
    const tracked = [];
    const untracked = [];
    for (const f of r.value.split('\0')) {
        if (f.startsWith('?? '))
            untracked.push(f.slice(3));
        else if (f !== '')
            tracked.push(f);
    }
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_11__.ok)({ tracked: tracked.length === 0 ? '' : `${tracked.join('\0')}\0`, untracked });
}
/**
 * The paths under the source directory that are files right now by git's account: in the index as a file that git
 * compares with the working tree (see `indexedFilePaths`), and not changed, deleted or replaced there. A caller
 * checking that inputs exist need not look these up on disk. Undefined outside a work tree or when git fails.
 * A view of the parsed listing, not a set of its own: one path asked is two map lookups, where a set of every
 * indexed file cost a pass over the index and its memory in every run.
 */
async function unchangedIndexedFiles(listings) {
    const prefix = await listings.prefix;
    if (prefix === undefined)
        return undefined;
    const [listed, changed] = await Promise.all([listings.index, listings.status]);
    if (!listed.ok || !changed.ok)
        return undefined;
    const index = listed.value;
    const dirty = (0,_git_output_js__WEBPACK_IMPORTED_MODULE_8__/* .parseDirtyPaths */ .u6)(changed.value, prefix);
    return {
        has: (p) => {
            const e = index.get(p);
            return e !== undefined && (typeof e === 'string' ? e : e.mode) !== 'symlink' && !dirty.has(p);
        },
    };
}
/**
 * The working tree's digests by the fastest correct means: the git fast path inside a work tree, else (or when
 * git fails there) the streaming fallback. Never fails: a missing file is a value.
 */
async function chooseDigests(sourceDir, paths, listings) {
    const fast = await workingTreeDigests(sourceDir, paths, listings);
    return fast.ok ? fast.value : (0,_git_blob_js__WEBPACK_IMPORTED_MODULE_3__/* .streamDigests */ ._h)(sourceDir, paths);
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

/***/ 9236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ statStamp),
/* harmony export */   O$: () => (/* binding */ unreadable),
/* harmony export */   Vm: () => (/* binding */ DiskView),
/* harmony export */   Zs: () => (/* binding */ stampOf),
/* harmony export */   _h: () => (/* binding */ streamDigests),
/* harmony export */   cB: () => (/* binding */ digestFromDisk),
/* harmony export */   kQ: () => (/* binding */ sameStamp),
/* harmony export */   zA: () => (/* binding */ blobId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _resolve_input_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6915);



/** Git's blob ID of some bytes: SHA-1 of `blob <size>\0<bytes>`, exactly what `git hash-object` prints. */
function blobId(bytes) {
    const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(`blob ${b.length}\0`).update(b).digest('hex');
}
/** Files up to this size are read in one call; larger ones are streamed so memory stays bounded. */
const SMALL_FILE = 1024 * 1024;
/** Large files streamed at once: enough to keep a disk busy, few enough to bound memory (32 × 64 KB). */
const CONCURRENCY = 32;
/**
 * The stat data of what each state was read from (see `statStamp`), for the check before saving that an input did
 * not change during the run. Kept beside the states, not in them: states are compared across digest sources, and
 * the git index's states have none.
 */
const stamps = new WeakMap();
/** The stamp recorded when `state` was read from disk, or undefined when it came from git. */
function stampOf(state) {
    return stamps.get(state);
}
/** The stamp of `st`, appended to `link`'s when given. */
function statStamp(st, link) {
    const s = [st.ino, st.size, st.mtimeMs, st.ctimeMs, st.mode];
    if (link)
        s.push(link.ino, link.size, link.mtimeMs, link.ctimeMs, link.mode);
    return s;
}
/** Whether two stamps are equal. */
function sameStamp(a, b) {
    return a.length === b.length && a.every((v, i) => v === b[i]);
}
/**
 * The disk under `root` as a TreeView for `resolveInput`. Directories and links are remembered (inputs come many to
 * a directory); files are not, but the stat data of the last file looked at is kept for the reader.
 */
class DiskView {
    root;
    known = new Map();
    realDirs = new Map();
    linkBytes = new Map();
    /** The stat data of the last path `kind` found to be a file. */
    lastFile;
    constructor(root) {
        this.root = root;
    }
    kind(path) {
        const known = this.known.get(path);
        if (known !== undefined)
            return known;
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(this.root + '/' + path, { throwIfNoEntry: false });
        if (st === undefined)
            return 'missing';
        if (st.isFile()) {
            this.lastFile = st;
            return 'file';
        }
        const k = st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'link' : 'other';
        this.known.set(path, k);
        return k;
    }
    /** Whether `dir` (relative, '' for the root) is a directory reached without following a link. */
    isRealDir(dir) {
        if (dir === '')
            return true;
        let real = this.realDirs.get(dir);
        if (real === undefined) {
            const slash = dir.lastIndexOf('/');
            real = this.isRealDir(slash < 0 ? '' : dir.slice(0, slash)) && this.kind(dir) === 'dir';
            this.realDirs.set(dir, real);
        }
        return real;
    }
    linkText(path) {
        return this.link(path).toString('utf8');
    }
    link(path) {
        let b = this.linkBytes.get(path);
        if (b === undefined) {
            b = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readlinkSync)(this.root + '/' + path, { encoding: 'buffer' });
            this.linkBytes.set(path, b);
        }
        return b;
    }
}
/**
 * Reads one input and digests what reading it yields: links are followed inside `root` (see resolve-input.ts), the
 * mode is the owner's execute bit of the file reached (git's `ce_mode_from_stat`), and an input that is itself a
 * link also records the blob ID of its link text. The digest is git's blob ID of the bytes on disk, as
 * `git hash-object --no-filters` prints it.
 */
async function digestFromDisk(root, rel, view = new DiskView(root)) {
    try {
        return await readDigest(root, rel, view);
    }
    catch (e) {
        const code = e.code;
        if (code === undefined)
            throw e;
        // Gone between the look and the read.
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return { missing: true };
        return { problem: unreadable(rel, e) };
    }
}
/**
 * The problem of an input the system refuses to look at or read (a directory on its way without search permission
 * for this user, a file without read permission, an I/O error): no key can say what it holds.
 */
function unreadable(rel, e) {
    const code = e.code;
    if (code === undefined)
        throw e;
    return `input ${rel} cannot be read: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code}`;
}
async function readDigest(root, rel, view) {
    // Synchronous metadata and small reads: per-call thread-pool round trips cost more than the work itself.
    // The usual input, a file in a directory reached without links, is one lstat; anything else takes the walk.
    const slash = rel.lastIndexOf('/');
    let st;
    let real = rel;
    let link;
    let linkStats;
    if (view.isRealDir(slash < 0 ? '' : rel.slice(0, slash)) && !rel.endsWith('/.') && !rel.endsWith('/..')) {
        st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(root + '/' + rel, { throwIfNoEntry: false });
        if (st === undefined)
            return { missing: true };
    }
    if (st === undefined || !st.isFile()) {
        const r = (0,_resolve_input_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveInput */ .xI)(view, rel);
        if (!r.ok)
            return r.missing ? { missing: true } : { problem: r.problem };
        if (r.directory) {
            // No stat data kept: the directory's own change as files come and go says nothing of where the link leads,
            // so the check before saving reads it again (a readlink and a walk).
            const own = (0,_resolve_input_js__WEBPACK_IMPORTED_MODULE_2__/* .ownLink */ .RL)(view, rel);
            if (own === undefined)
                return { problem: (0,_resolve_input_js__WEBPACK_IMPORTED_MODULE_2__/* .notALink */ .bv)(rel).problem };
            return { mode: 'directory', digest: blobId(r.real), link: blobId(view.link(own)) };
        }
        st = view.lastFile;
        real = r.real;
        const own = r.linked ? (0,_resolve_input_js__WEBPACK_IMPORTED_MODULE_2__/* .ownLink */ .RL)(view, rel) : undefined;
        if (own !== undefined) {
            link = blobId(view.link(own));
            linkStats = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(root + '/' + own);
        }
    }
    const mode = st.mode & 0o100 ? 'executable' : 'regular';
    const path = root + '/' + real;
    let digest;
    if (st.size <= SMALL_FILE) {
        const bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path);
        // A file rewritten between lstat and read: digest it again rather than mix two versions' size and bytes.
        if (bytes.length !== st.size)
            return digestFromDisk(root, rel, new DiskView(root));
        digest = blobId(bytes);
    }
    else {
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(`blob ${st.size}\0`);
        let read = 0;
        for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path)) {
            hash.update(chunk);
            read += chunk.length;
        }
        if (read !== st.size)
            return digestFromDisk(root, rel, new DiskView(root));
        digest = hash.digest('hex');
    }
    const state = link === undefined ? { mode, digest } : { mode, digest, link };
    stamps.set(state, statStamp(st, linkStats));
    return state;
}
/**
 * The fallback outside git (and the reader of changed and converted files inside it): digests every path from disk
 * with bounded concurrency. Gives exactly the blob IDs git gives unconverted files, so keys do not depend on which
 * path ran.
 */
async function streamDigests(sourceDir, paths) {
    const out = new Map();
    const view = new DiskView(sourceDir);
    let next = 0;
    const worker = async () => {
        while (next < paths.length) {
            const p = paths[next++];
            out.set(p, await digestFromDisk(sourceDir, p, view));
        }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, paths.length) }, worker));
    return out;
}


/***/ }),

/***/ 9766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Op: () => (/* binding */ attributeFiles),
/* harmony export */   RU: () => (/* binding */ gitlinkEntries),
/* harmony export */   _2: () => (/* binding */ parseIndexListing),
/* harmony export */   _S: () => (/* binding */ parseListing),
/* harmony export */   nL: () => (/* binding */ indexEntries),
/* harmony export */   u6: () => (/* binding */ parseDirtyPaths),
/* harmony export */   w5: () => (/* binding */ parseTreeEntries),
/* harmony export */   wn: () => (/* binding */ parseIndexListingWithPaths)
/* harmony export */ });
/* unused harmony export indexedFilePaths */
/** Git's file modes. 100664 is a legacy mode that git itself reads as 100644. */
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
 * Every entry of a `git ls-files -s -v -z` listing that git compares with the working tree (tagged `H`, stage 0,
 * a file, an executable or a symlink), by path: its mode and blob ID, or only its mode when the ID is not SHA-1.
 * One pass serves both the check that inputs exist (`unchangedIndexedFiles`) and the keys (`indexEntries`).
 */
function parseIndexListing(text) {
    return parseIndex(text, false).entries;
}
/**
 * parseIndexListing, and every path of the listing whatever its tag, stage or mode (the paths `ls-files --cached`
 * prints; a conflicted path once per stage), apart those tagged skip-worktree (`S`, `s` when also assumed
 * unchanged): git says nothing of their file, which a sparse checkout leaves out of the work tree. One pass over
 * the text, each path sliced once for both answers.
 */
function parseIndexListingWithPaths(text) {
    const parsed = parseIndex(text, true);
    return { entries: parsed.entries, paths: parsed.paths };
}
function parseIndex(text, withPaths) {
    const entries = new Map();
    const paths = [];
    const skipWorktree = [];
    const gitlinks = [];
    const symlinks = [];
    forEachRecord(text, (start, tab, end) => {
        const mode = lsFilesHead(text, start, tab);
        if (mode === undefined && !withPaths)
            return;
        const path = text.slice(tab + 1, end);
        if (mode !== undefined)
            entries.set(path, parseMeta(text, start, tab, 'ls-files') ?? mode);
        if (!withPaths)
            return;
        paths.push(path);
        const tag = text.charCodeAt(start);
        if ((tag === 0x53 || tag === 0x73) && text.charCodeAt(start + 1) === 0x20)
            skipWorktree.push(path); // "S ", "s "
        if (mode === undefined && text.startsWith('160000 ', start + 2))
            gitlinks.push(path);
        if (text.startsWith('120000 ', start + 2))
            symlinks.push(path);
    });
    return withPaths ? { entries, paths: { paths, skipWorktree, gitlinks, symlinks } } : { entries };
}
/** Of a parsed index listing, the entries of `paths` that have a SHA-1 blob ID (as `parseListing` picks them). */
function indexEntries(index, paths) {
    const found = new Map();
    for (const p of paths) {
        const e = index.get(p);
        if (e !== undefined && typeof e !== 'string')
            found.set(p, e);
    }
    return found;
}
/**
 * Every path of a `git ls-files -s -v -z` listing that the index holds as a file whose working-tree copy git
 * checks: a regular file or an executable, at stage 0, tagged `H`. Whatever else (symbolic links, whose targets
 * git does not look at; submodules, conflicts, skip-worktree and assume-unchanged entries) the caller looks up on
 * disk.
 */
function indexedFilePaths(text) {
    const paths = new Set();
    forEachRecord(text, (start, tab, end) => {
        const mode = lsFilesHead(text, start, tab);
        if (mode !== undefined && mode !== 'symlink')
            paths.add(text.slice(tab + 1, end));
    });
    return paths;
}
/**
 * Every entry of a `git ls-tree -r -z` listing under `prefix` (stripped), for resolving links within a tree:
 * blobs with their mode and ID, and anything else (a submodule) as `other`.
 */
function parseTreeEntries(text, prefix = '') {
    const entries = new Map();
    forEachRecord(text, (start, tab, end) => {
        if (!text.startsWith(prefix, tab + 1))
            return;
        entries.set(text.slice(tab + 1 + prefix.length, end), parseMeta(text, start, tab, 'ls-tree') ?? 'other');
    });
    return entries;
}
/**
 * The submodules of a `git ls-tree -r -z` listing under `prefix` (stripped): each gitlink's path and the commit it
 * records.
 */
function gitlinkEntries(text, prefix = '') {
    const links = new Map();
    forEachRecord(text, (start, tab, end) => {
        if (!text.startsWith('160000 commit ', start) || !text.startsWith(prefix, tab + 1))
            return;
        links.set(text.slice(tab + 1 + prefix.length, end), text.slice(start + 14, tab));
    });
    return links;
}
/** The `.gitattributes` blobs of a `git ls-tree -r -z` listing, as `git update-index --index-info` lines. */
function attributeFiles(text) {
    const lines = [];
    forEachRecord(text, (start, tab, end) => {
        const path = text.slice(tab + 1, end);
        if (path === '.gitattributes' || path.endsWith('/.gitattributes'))
            lines.push(text.slice(start, end));
    });
    return lines;
}
/**
 * Calls `f` with each NUL-terminated record's start, its first tab (which ends the metadata) and its end.
 *
 * Records whose path holds U+FFFD are left out. git's paths are bytes, decoded as UTF-8: a name that is not UTF-8
 * (`b\xff`) comes out as U+FFFD, and so does the valid name spelled with that character (`b\xef\xbf\xbd`), so two
 * files would share one entry and either could answer for the other. Left out, such a path is not in the index
 * for the work tree (an input so named is read from disk) nor in a commit's tree (where it is not found).
 */
function forEachRecord(text, f) {
    const lossy = text.includes('\uFFFD');
    let start = 0;
    while (start < text.length) {
        let end = text.indexOf('\0', start);
        if (end < 0)
            end = text.length;
        const tab = text.indexOf('\t', start);
        if (tab > start && tab < end && !(lossy && holdsReplacement(text, tab, end)))
            f(start, tab, end);
        start = end + 1;
    }
}
function holdsReplacement(text, from, end) {
    const at = text.indexOf('\uFFFD', from);
    return at !== -1 && at < end;
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


/***/ }),

/***/ 371:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yp: () => (/* binding */ computeKeys),
  qP: () => (/* binding */ graphInputs),
  Sw: () => (/* binding */ keyGraph),
  Cq: () => (/* binding */ keyGraphAndInputs),
  CS: () => (/* binding */ keyGraphAtCommit)
});

// UNUSED EXPORTS: KEY_SCHEMA, keyGraphWith

// EXTERNAL MODULE: ./src/graph/model.ts
var model = __webpack_require__(2573);
// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
// EXTERNAL MODULE: ./src/util/unreachable.ts
var unreachable = __webpack_require__(3914);
// EXTERNAL MODULE: ./src/ids/canonical.ts
var canonical = __webpack_require__(7536);
// EXTERNAL MODULE: ./src/ids/file-digest.ts
var file_digest = __webpack_require__(679);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/ids/git-blob.ts
var git_blob = __webpack_require__(9236);
// EXTERNAL MODULE: ./src/util/stat-if-any.ts
var stat_if_any = __webpack_require__(9293);
;// CONCATENATED MODULE: ./src/ids/input-recheck.ts
/**
 * The check before saving a build: are its inputs still what its key recorded? An input edited while the job ran
 * may have been read in its new version, and the output must then not be filed under the old key.
 *
 * Inputs read from disk when keyed carry their stat data (inode, size, mtime, ctime, mode; git-blob.ts): any
 * difference now means a change. Inputs whose digest came from git's index were not looked at by this process;
 * git compared them with the index when `git status` ran, after `since`. Their stat data is taken once the lookups
 * have said which jobs build, before any command runs (`started`; as a job starts, for one that builds after a
 * failed restore): any difference after means the job may have read other bytes, though the file holds the keyed
 * ones again by its end (an edit undone, a `git stash` and `pop`), or another file now stands at its path (a
 * directory swapped in, whose files are older). So a job that rewrites one of its inputs, even with the same
 * bytes, is not saved, as for inputs read from disk. Besides, one whose ctime is not older than `since` (less a
 * margin for coarse file-system clocks) is read again and compared by content: it may have changed between the
 * keys and the lookups' end, and a file touched just before the run is not taken for an edit. ctime cannot be set
 * by a program: every write, chmod or replacement moves it.
 */



/** File-system timestamps lag the wall clock (a kernel tick) or are coarse (1–2 s on some file systems). */
const CLOCK_MARGIN_MS = 2500;
class InputRecheck {
    sourceDir;
    digests;
    since;
    /**
     * `digests` are the states the keys were computed from; `since` is the wall-clock time (ms) just before any of
     * them was looked at.
     */
    /** The stat data of inputs keyed from the index as the first job reading them started; null: none was there. */
    #atStart = new Map();
    constructor(sourceDir, digests, since) {
        this.sourceDir = sourceDir;
        this.digests = digests;
        this.since = since;
    }
    /** Before commands start: the stat data of those of `paths` keyed from the index, unless taken already. */
    started(paths) {
        for (const p of paths) {
            const state = this.digests.get(p);
            if (state === undefined ||
                !('digest' in state) ||
                state.mode === 'directory' ||
                (0,git_blob/* stampOf */.Zs)(state) !== undefined ||
                this.#atStart.has(p))
                continue;
            const st = (0,stat_if_any/* statIfAny */.k)(this.sourceDir + '/' + p);
            this.#atStart.set(p, st === undefined ? null : (0,git_blob/* statStamp */.AS)(st));
        }
    }
    /** The inputs among `paths` that are no longer what the key recorded (empty when all are unchanged). */
    async changed(paths) {
        // Stat data answers for nearly every input, in line: one metadata call each, no thread-pool round trip, and
        // no promise per input. Only files touched since the run started are read again, and only those wait.
        const answers = [];
        let waits = false;
        for (const p of paths) {
            const state = this.digests.get(p);
            const answer = state === undefined || !('digest' in state) ? false : this.#changedByStat(p, state);
            waits ||= answer === 'read';
            answers.push(answer === 'read' ? this.#changedByContent(p, state) : answer);
        }
        const changed = waits ? await Promise.all(answers) : answers;
        return paths.filter((_, i) => changed[i]);
    }
    /** true: changed; false: unchanged; 'read': its content must say (a git-indexed file touched since `since`). */
    #changedByStat(p, state) {
        // Where a link to a directory leads is read again: cheap, and no stat data of a directory answers for it.
        if (state.mode === 'directory')
            return 'read';
        const path = this.sourceDir + '/' + p;
        // Gone, or no longer readable (ENOTDIR, ELOOP): changed.
        const st = (0,stat_if_any/* statIfAny */.k)(path);
        if (st === undefined)
            return true;
        const stamp = (0,git_blob/* stampOf */.Zs)(state);
        if (stamp !== undefined) {
            return !(0,git_blob/* sameStamp */.kQ)((0,git_blob/* statStamp */.AS)(st, state.link === undefined ? undefined : (0,external_node_fs_.lstatSync)(path)), stamp);
        }
        const atStart = this.#atStart.get(p);
        if (atStart === null || (atStart !== undefined && !(0,git_blob/* sameStamp */.kQ)((0,git_blob/* statStamp */.AS)(st), atStart)))
            return true;
        return st.ctimeMs < this.since - CLOCK_MARGIN_MS ? false : 'read';
    }
    async #changedByContent(p, state) {
        const now = await (0,git_blob/* digestFromDisk */.cB)(this.sourceDir, p);
        return (!('digest' in now) || now.digest !== state.digest || now.mode !== state.mode || now.link !== state.link);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/graph/graph-identity.ts
var graph_identity = __webpack_require__(3899);
// EXTERNAL MODULE: ./src/util/code-identity.ts
var code_identity = __webpack_require__(4170);
// EXTERNAL MODULE: ./src/util/read-own-file.ts
var read_own_file = __webpack_require__(5958);
// EXTERNAL MODULE: ./src/util/state-file.ts
var state_file = __webpack_require__(2148);
;// CONCATENATED MODULE: ./src/ids/keys-memo.ts
/**
 * The keys a run computed last, kept with the input digests they were computed from, so that a run of the same
 * graph takes them instead of computing them again: all of them when no digest changed (a fully cached run), and
 * all but those of the jobs an edit reaches otherwise (one leaf edited: one key computed). For 1,000 jobs of ten
 * inputs each, that is most of what keying costs once the digests are known.
 *
 * Exact, not a guess: keys are a function of the graph, the salt and the inputs' digests (job-key.ts). The memo is
 * found by a digest of the graph's identity (the digest of its validated form, every job field for field;
 * graph-identity.ts), the salt, and this code's own identity and key schema; it holds every input's mode, blob ID
 * and link blob ID, in the graph's order, as they were, and each job's key. A job keeps its kept key only when
 * none of its inputs changed and every dependency kept its own (computeKeys). The digests themselves are found as
 * in every run. A graph without an identity (one the validated-graph cache neither gave nor kept) and a graph with
 * a missing input are never memoized.
 *
 * The file (one of sixteen slots, chosen by the caller) is read only when it is a regular file of this user that
 * nobody else may write (its keys decide what is restored), and its payload carries a digest of its own: a
 * damaged file is never believed. Trouble of any kind costs the memo, never the run.
 */







const MAGIC = 'disbuild-keys-memo';
/** Raised whenever what the memo holds, or how it is found, changes. */
const FORMAT = 2;
const KEY = /^[0-9a-f]{40}$/;
/**
 * The graph's keys, computed by `compute` with what `file` holds of this graph and salt (see KnownKeys), then kept
 * there for the next run; taken from there whole when no input's digest changed. `inputs` are the graph's
 * distinct input paths in the order graphInputs gives them.
 */
function memoizedKeys(file, graph, salt, schema, inputs, digests, compute) {
    const graphKey = (0,graph_identity/* graphIdentity */.X)(graph);
    const states = graphKey === undefined ? undefined : statesText(inputs, digests);
    if (graphKey === undefined || states === undefined)
        return compute();
    const identity = (0,external_node_crypto_.createHash)('sha256')
        .update(`${MAGIC}\0${FORMAT}\0${schema}\0${(0,code_identity/* codeIdentity */.y)((0,external_node_url_.fileURLToPath)(__disbuild_import_meta.url))}\0`)
        .update(`${graphKey}\0${inputs.length}\0${Buffer.byteLength(salt)}\0${salt}\0`)
        .digest('hex');
    const kept = readMemo(file, identity, graph);
    if (kept !== undefined && kept.states === states)
        return (0,result.ok)(kept.keys);
    const keys = compute(kept && { keys: kept.keys, changed: changedInputs(kept.states, states, inputs) });
    if (keys.ok)
        writeMemo(file, identity, states, graph, keys.value);
    return keys;
}
/**
 * One line per input: its mode, blob ID and link blob ID, ASCII words without spaces (so the lines are
 * unambiguous, and the paths are the graph's, in its order). Undefined when an input has no digest.
 */
function statesText(inputs, digests) {
    let text = '';
    for (const p of inputs) {
        const s = digests.get(p);
        if (s === undefined || !('digest' in s))
            return undefined;
        text += s.link === undefined ? `${s.mode} ${s.digest}\n` : `${s.mode} ${s.digest} ${s.link}\n`;
    }
    return text;
}
/** The inputs whose line differs between two states texts of the same inputs. */
function changedInputs(before, now, inputs) {
    const a = before.split('\n');
    const b = now.split('\n');
    const changed = new Set();
    for (let i = 0; i < inputs.length; i++)
        if (a[i] !== b[i])
            changed.add(inputs[i]);
    return changed;
}
function payloadDigest(payload) {
    return (0,external_node_crypto_.createHash)('sha256').update(payload, 'latin1').digest('hex');
}
/**
 * What the file holds for `identity` (the states text, and the keys by label), or undefined when it holds another
 * graph's, none, or is not to be trusted. The file: the identity, the payload's digest, the states text's length,
 * each on a line, then the payload (the states text, then one key per job in the graph's order).
 */
function readMemo(file, identity, graph) {
    const bytes = (0,read_own_file/* readOwnBytesIfAny */.bv)(file);
    if (bytes === undefined)
        return undefined;
    const text = bytes.toString('latin1');
    const head = `${identity}\n`;
    if (!text.startsWith(head))
        return undefined;
    const digestEnd = text.indexOf('\n', head.length);
    const lengthEnd = digestEnd < 0 ? -1 : text.indexOf('\n', digestEnd + 1);
    if (lengthEnd < 0)
        return undefined;
    const payload = text.slice(lengthEnd + 1);
    if (text.slice(head.length, digestEnd) !== payloadDigest(payload))
        return undefined;
    const statesLength = Number(text.slice(digestEnd + 1, lengthEnd));
    if (!Number.isSafeInteger(statesLength) || statesLength < 0 || statesLength > payload.length)
        return undefined;
    const keysText = payload.slice(statesLength);
    const lines = keysText === '' ? [] : keysText.split('\n');
    if (lines.length !== graph.jobs.length)
        return undefined;
    const keys = new Map();
    for (let i = 0; i < lines.length; i++) {
        if (!KEY.test(lines[i]))
            return undefined;
        keys.set(graph.jobs[i].label, lines[i]);
    }
    return { states: payload.slice(0, statesLength), keys };
}
/** Replaces the file with the keys of `identity` and the states they were computed from (see writeStateFile). */
function writeMemo(file, identity, states, graph, keys) {
    const payload = states + graph.jobs.map((j) => keys.get(j.label)).join('\n');
    (0,state_file/* writeStateFile */.V)(file, `${identity}\n${payloadDigest(payload)}\n${states.length}\n${payload}`);
}

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
const KEY_SCHEMA = 'disbuild-key-v2';
/**
 * Every job's key, dependencies before dependents. `digests` must answer every input path; an input that is
 * missing (or absent from the map), or that cannot be an input (a dangling link, a path leading outside the source
 * directory), is a problem naming the job and the input, and all such problems come back together. With `known`,
 * a job none of whose inputs changed and each of whose dependencies has its known key keeps its known key: every
 * part of its record is then what it was (the graph and salt being the same).
 */
function computeKeys(graph, digests, salt, known) {
    const keys = new Map();
    const problems = [];
    const keyOf = (label) => keys.get(label);
    for (const job of topologicalOrder(graph)) {
        const kept = known?.keys.get(job.label);
        if (kept !== undefined &&
            !job.inputs.some((p) => known.changed.has(p)) &&
            job.deps.every((d) => keys.get(d) === known.keys.get(d))) {
            keys.set(job.label, kept);
            continue;
        }
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
    inputs.forEach((path, i) => {
        const state = digests.get(path);
        if (state === undefined || !('digest' in state)) {
            // The model's inputs are normalised and sorted: `i` is the index in that list (the parser names the
            // producer's own index when it finds the problem at load time, as `disbuild run` does).
            problems.push({
                job: job.name || job.label,
                field: `Inputs[${i}]`,
                message: state !== undefined && 'problem' in state ? state.problem : `input file ${path} does not exist`,
            });
            return;
        }
        h.input(path, state.mode, state.digest, state.link);
    });
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
    const r = await keyGraphAndInputs(graph, sourceDir, salt, listings);
    return r.ok ? (0,result.ok)(r.value.keys) : r;
}
/**
 * As keyGraph, with what the keys were computed from: the check before saving a build (input-recheck.ts) asks
 * whether its inputs are still those. With `memoFile`, keys computed from the same graph and digests by an earlier
 * run are taken from there (keys-memo.ts).
 */
async function keyGraphAndInputs(graph, sourceDir, salt, listings, memoFile) {
    const since = listings?.startedAt ?? Date.now();
    const inputs = graphInputs(graph);
    const digests = await (0,file_digest/* chooseDigests */.Dj)(sourceDir, inputs, listings);
    const compute = (known) => computeKeys(graph, digests, salt, known);
    const keys = memoFile === undefined
        ? compute()
        : memoizedKeys(memoFile, graph, salt, KEY_SCHEMA, inputs, digests, compute);
    return keys.ok
        ? (0,result.ok)({ keys: keys.value, digests, recheck: new InputRecheck(sourceDir, digests, since) })
        : keys;
}
/** Keys from a commit's tree: what the pre-push hook uses, so uncommitted changes never count. */
async function keyGraphAtCommit(graph, repoDir, commit, salt) {
    const inputs = graphInputs(graph);
    // SourceFiles must exist as a checkout's do (parse.ts checkFilesExist): asked for beside the inputs.
    const sources = [...new Set(graph.sourceFiles.values())];
    const digests = await (0,file_digest/* commitTreeDigests */.nd)(repoDir, commit, [...new Set([...inputs, ...sources])]);
    if (!digests.ok)
        return (0,result/* err */._)([{ message: `cannot read the tree of ${commit}: ${digests.error}` }]);
    const missing = [];
    for (const [id, path] of graph.sourceFiles) {
        const state = digests.value.get(path);
        if (state !== undefined && 'missing' in state)
            missing.push((0,model/* missingSourceFile */.uK)(id, path));
    }
    const keys = computeKeys(graph, digests.value, salt);
    if (missing.length === 0)
        return keys;
    return (0,result/* err */._)([...missing, ...(keys.ok ? [] : keys.error)]);
}


/***/ }),

/***/ 6915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RL: () => (/* binding */ ownLink),
/* harmony export */   bv: () => (/* binding */ notALink),
/* harmony export */   m$: () => (/* binding */ resolveDir),
/* harmony export */   xI: () => (/* binding */ resolveInput)
/* harmony export */ });
/**
 * Where reading an input path leads: symbolic links followed one component at a time, as the kernel does, over any
 * view of a directory tree (the disk, or a commit's tree). The CLI and the pre-push hook resolve inputs with this
 * same walk, so they agree on every link: which file an input reads, and which inputs are errors.
 *
 * Inputs must stay inside the source directory: a link that leads above it, or an absolute link (whose meaning
 * depends on where the checkout sits, so a commit alone cannot say what it reads), is refused.
 */
/** Links followed while resolving one path before giving up, as Linux's ELOOP limit. */
const MAX_LINKS = 40;
/** Resolves `path` (relative, '/'-separated, normalised) to the file reading it yields, or says why it cannot. */
function resolveInput(view, path) {
    const pending = path.split('/').reverse();
    let real = '';
    let links = 0;
    let via; // the last link followed, for messages
    let finalKind = 'dir';
    while (pending.length > 0) {
        const c = pending.pop();
        if (c === '' || c === '.')
            continue;
        if (c === '..') {
            if (real === '')
                return outside(path, via);
            real = real.slice(0, Math.max(0, real.lastIndexOf('/')));
            finalKind = 'dir';
            continue;
        }
        const candidate = real === '' ? c : real + '/' + c;
        const kind = view.kind(candidate);
        if (kind === 'link') {
            if (++links > MAX_LINKS)
                return { ok: false, problem: `input ${path}: too many levels of symbolic links` };
            const text = view.linkText(candidate);
            via = `${candidate} -> ${text}`;
            if (text.startsWith('/')) {
                return {
                    ok: false,
                    problem: `input ${path} goes through the absolute symbolic link ${via}: links an input goes through must be relative and stay inside the source directory`,
                };
            }
            pending.push(...text.split('/').reverse());
            continue;
        }
        const last = pending.length === 0 || pending.every((p) => p === '' || p === '.');
        if (kind === 'missing' || (!last && kind !== 'dir')) {
            return via === undefined
                ? { ok: false, problem: `input file ${path} does not exist`, missing: true }
                : {
                    ok: false,
                    problem: `input ${path} is a dangling symbolic link (${via}: ${kind === 'missing' ? 'no such file' : 'not a directory'})`,
                };
        }
        // A link whose text ends in `/` (`a.txt/`) leads only to a directory, as the system resolves it: reading it
        // fails (ENOTDIR) where a file is.
        if (last && pending.length > 0 && kind !== 'dir') {
            return via === undefined
                ? { ok: false, problem: `input file ${path} does not exist`, missing: true }
                : { ok: false, problem: `input ${path} is a dangling symbolic link (${via}: not a directory)` };
        }
        real = candidate;
        finalKind = kind;
        if (last)
            break;
    }
    if (finalKind === 'file')
        return { ok: true, real, linked: via !== undefined };
    if (finalKind === 'dir' && via !== undefined)
        return { ok: true, real, linked: true, directory: true };
    if (finalKind === 'dir')
        return notALink(path);
    return { ok: false, problem: `input ${path} is not a regular file or a symbolic link` };
}
/**
 * The path of the link that `path` itself is (its last component, once its parent directories are resolved), or
 * undefined when it is not a link. Only worth asking when `resolveInput` said a link was followed.
 */
function ownLink(view, path) {
    const slash = path.lastIndexOf('/');
    let dir = '';
    if (slash >= 0) {
        const parent = resolveDir(view, path.slice(0, slash));
        if (parent === undefined)
            return undefined;
        dir = parent;
    }
    const candidate = (dir === '' ? '' : dir + '/') + path.slice(slash + 1);
    return view.kind(candidate) === 'link' ? candidate : undefined;
}
/** The path with no link in it of the directory `dir` leads to, or undefined when it leads to none. */
function resolveDir(view, dir) {
    // A directory resolves as a file does, but must end at a directory: walk it with a marker file name and drop it.
    const probe = {
        kind: (p) => (p.endsWith('/\0') || p === '\0' ? 'file' : view.kind(p)),
        linkText: (p) => view.linkText(p),
    };
    const r = resolveInput(probe, dir + '/\0');
    return r.ok ? r.real.slice(0, -2) : undefined;
}
/** The problem of a directory named as an input, which is not a link to one. */
function notALink(path) {
    return { ok: false, problem: `input ${path} is a directory; list its files` };
}
function outside(path, via) {
    return {
        ok: false,
        problem: `input ${path} resolves outside the source directory${via === undefined ? '' : ` (through ${via})`}`,
    };
}


/***/ }),

/***/ 4340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gp: () => (/* binding */ makePidTemp),
/* harmony export */   Xw: () => (/* binding */ removeDeadPidTemps),
/* harmony export */   YF: () => (/* binding */ ABANDONED_MS),
/* harmony export */   pD: () => (/* binding */ deadPidTemps)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _is_alive_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5510);





/**
 * A fresh, owner-only directory in the system's temp directory named `<prefix><pid>-<random>`, so that what a
 * killed process leaves there can be told from what a live one is using (see deadPidTemps). Throws as mkdtemp
 * does (an unwritable or full temp directory).
 */
function makePidTemp(prefix) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), `${prefix}${process.pid}-`));
}
/**
 * The directories makePidTemp made with `prefix` for processes of this user that are gone; never one another
 * user made, nor a link. A process is gone when no process of its ID exists here, which says nothing of one in
 * another PID namespace sharing the temp directory (a container): with `minAgeMs`, a directory is gone only once
 * unchanged for that long as well, which a short-lived one in use never is.
 */
function deadPidTemps(prefix, minAgeMs = 0) {
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)());
    }
    catch {
        return [];
    }
    const dead = [];
    for (const name of names) {
        if (!name.startsWith(prefix))
            continue;
        // Exactly as mkdtemp names them: `<pid>-` and six characters.
        const m = /^([1-9]\d*)-[A-Za-z0-9]{6}$/.exec(name.slice(prefix.length));
        const pid = Number(m?.[1]);
        if (m === null || pid === process.pid || (0,_is_alive_js__WEBPACK_IMPORTED_MODULE_4__/* .isAlive */ ._)(pid))
            continue;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), name);
        try {
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path);
            if (!st.isDirectory() || st.uid !== process.getuid?.() || Date.now() - st.mtimeMs < minAgeMs)
                continue;
        }
        catch {
            continue;
        }
        dead.push(path);
    }
    return dead;
}
const swept = new Set();
/** Removes, once per process and prefix, what dead processes left (see deadPidTemps): small directories only. */
async function removeDeadPidTemps(prefix, minAgeMs = 0) {
    if (swept.has(prefix))
        return;
    swept.add(prefix);
    await Promise.all(deadPidTemps(prefix, minAgeMs).map((d) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(d, { recursive: true, force: true }).catch(() => { })));
}
/**
 * How long a hook's temporary index (a few git commands' worth of use) stays unchanged before it counts as left
 * by a process that is gone, seen from another PID namespace as well (see deadPidTemps).
 */
const ABANDONED_MS = 10 * 60_000;


/***/ })

};

return { id, ids, modules };
})