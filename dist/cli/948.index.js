(function (__disbuild_import_meta) {const id = 948;
const ids = [948];
const modules = {

/***/ 7948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   usageError: () => (/* binding */ usageError)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _ids_work_tree_commands_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8397);
/* harmony import */ var _report_summary_line_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9497);
/* harmony import */ var _run_env_cache_dir_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1203);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7593);
/* harmony import */ var _fully_cached_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5069);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1604);








const HELP = `Usage: disbuild run [--graph FILE] [options] [TARGET...]

Runs a build graph: computes every job's key, restores hits from the cache, builds the misses.

Options:
  --graph FILE          the graph JSON (default: what disbuild.json in the source dir describes)
  --source-dir DIR      the checkout that inputs are relative to (default: current directory)
  --cache local|none|http|turbo  where artifacts are kept (default: local); http and turbo put a shared
                        remote cache behind the local one (Bazel HTTP cache / Turborepo Remote Cache API)
  --cache-url URL       the remote cache's base URL (token from DISBUILD_CACHE_TOKEN)
  --cache-team T        the Turborepo team (teamId when it starts with team_, else slug)
  --cache-mode read-write|read  read: never upload (default: read-write)
  --cache-dir DIR       local cache directory (default: $XDG_CACHE_HOME/disbuild or ~/.cache/disbuild)
  --report FILE         write the JSON report there
  -j, --jobs N          commands run at once (default: number of CPUs)
  --fail-fast           start no new job after the first failure (default: keep going)
  --timeout SECONDS     per-job time-out (default: none)
  --salt S              folded into every key (toolchain versions, OS, ...)
  --targets NAME        job names or globs to build with their dependencies (repeatable, comma-separated)
  --out-dir DIR         copy the targets' outputs to DIR/<job name>
  --download minimal|all  restore every hit, not only those something needs (default: minimal)
  --log-replay failed|all|none  print cached jobs' logs (default: failed)
  --dry-run             compute keys and look them up; run nothing
  -q, --quiet           do not stream job output
  -v, --verbose         print the key salt in use, and say why each job runs as it starts (see 'disbuild explain')
  -h, --help            show this help

Exit status: 0 when every job is cached or built, 1 when any failed or was skipped, 2 for bad usage or an invalid graph.
`;
const flags = {
    graph: { type: 'string' },
    'source-dir': { type: 'string' },
    cache: { type: 'string' },
    'cache-dir': { type: 'string' },
    'cache-url': { type: 'string' },
    'cache-team': { type: 'string' },
    'cache-mode': { type: 'string' },
    report: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    'fail-fast': { type: 'boolean' },
    timeout: { type: 'string' },
    salt: { type: 'string' },
    targets: { type: 'string', multiple: true },
    'out-dir': { type: 'string' },
    download: { type: 'string' },
    'log-replay': { type: 'string' },
    'dry-run': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    verbose: { type: 'boolean', short: 'v' },
    help: { type: 'boolean', short: 'h' },
};
/** `disbuild run`: the CLI adapter around the engine. */
const run = async (argv, io) => {
    const startedAt = Date.now();
    const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCommandArgs */ .Qx)(argv, flags);
    if (!parsed.ok)
        return usageError(io, parsed.error);
    const v = parsed.value.values;
    if (v.help) {
        io.stdout.write(HELP);
        return _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.ok;
    }
    const jobs = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parsePositiveInt */ .EJ)('--jobs', v.jobs, (0,node_os__WEBPACK_IMPORTED_MODULE_0__.availableParallelism)());
    const timeout = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parsePositiveInt */ .EJ)('--timeout', v.timeout, 0);
    const cacheKind = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseChoice */ .HU)('--cache', v.cache, ['local', 'none', 'http', 'turbo'], 'local');
    const download = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseChoice */ .HU)('--download', v.download, ['minimal', 'all'], 'minimal');
    const logReplay = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseChoice */ .HU)('--log-replay', v['log-replay'], ['failed', 'all', 'none'], 'failed');
    for (const r of [jobs, timeout, cacheKind, download, logReplay])
        if (!r.ok)
            return usageError(io, r.error);
    if (!jobs.ok || !timeout.ok || !cacheKind.ok || !download.ok || !logReplay.ok)
        return _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.usage;
    const sourceDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, v['source-dir'] ?? '.');
    // git stats the work tree on another core while the rest starts. Without --graph, the compile of disbuild.json
    // takes the untracked files from the same call.
    const listingsStartedAt = Date.now();
    const listings = (0,_ids_work_tree_commands_js__WEBPACK_IMPORTED_MODULE_2__/* .startWorkTreeCommands */ .KG)(sourceDir, v.graph === undefined);
    // A run whose answer a record of the last one vouches for (src/cli/fully-cached.ts): only one that prints
    // nothing but its summary and restores nothing.
    const recordable = cacheKind.value === 'local' &&
        v.report === undefined &&
        download.value === 'minimal' &&
        logReplay.value !== 'all' &&
        !v['dry-run'] &&
        !v.verbose;
    const cacheDir = v['cache-dir'] === undefined ? (0,_run_env_cache_dir_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultCacheDir */ .$)(io.env) : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, v['cache-dir']);
    const identity = recordable
        ? {
            argv: recordedArgv(argv, parsed.value.tokens),
            outDir: v['out-dir'] !== undefined,
            cwd: io.cwd,
            env: io.env,
            sourceDir,
            // Not config-file.ts's name for it: that module loads a JSON parser a recorded run never needs.
            graphFile: v.graph === undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sourceDir, 'disbuild.json') : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, v.graph),
            config: v.graph === undefined,
            cacheDir,
        }
        : undefined;
    const record = identity && { file: (0,_fully_cached_js__WEBPACK_IMPORTED_MODULE_5__/* .recordFile */ .mR)(cacheDir, identity), identity };
    let warnings = [];
    if (record) {
        const answer = await (0,_fully_cached_js__WEBPACK_IMPORTED_MODULE_5__/* .answeredByRecord */ .Ai)(record.file, record.identity, listings);
        const failed = { ok: false, warnings: [] };
        const placed = answer?.outDir !== undefined
            ? await (await Promise.all(/* import() */[__webpack_require__.e(556), __webpack_require__.e(398)]).then(__webpack_require__.bind(__webpack_require__, 3398)))
                .placeRecordedTargets(cacheDir, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, v['out-dir']), answer.outDir)
                .catch(() => failed)
            : answer?.putBack !== undefined
                ? await (await Promise.all(/* import() */[__webpack_require__.e(556), __webpack_require__.e(844), __webpack_require__.e(4)]).then(__webpack_require__.bind(__webpack_require__, 7057)))
                    .putBackRecorded(cacheDir, answer.putBack)
                    .catch(() => failed)
                : { ok: true };
        if (answer !== undefined && placed.ok) {
            io.stdout.write((0,_report_summary_line_js__WEBPACK_IMPORTED_MODULE_7__/* .summaryLine */ .d)({ cached: answer.jobs, built: 0, failed: 0, skipped: 0 }, Date.now() - startedAt));
            return _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.ok;
        }
        if (!placed.ok)
            warnings = placed.warnings;
    }
    return (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(867), __webpack_require__.e(682), __webpack_require__.e(556), __webpack_require__.e(51), __webpack_require__.e(844), __webpack_require__.e(310), __webpack_require__.e(438), __webpack_require__.e(144)]).then(__webpack_require__.bind(__webpack_require__, 6144))).runGraphCommand(io, {
        values: v,
        positionals: parsed.value.positionals,
        jobs: jobs.value,
        timeoutSeconds: timeout.value,
        cacheKind: cacheKind.value,
        download: download.value,
        logReplay: logReplay.value,
        sourceDir,
        listings,
        listingsStartedAt,
        ...(record ? { record } : {}),
        warnings,
    });
};
/**
 * The arguments as a record knows them (fully-cached.ts): the value of `--out-dir` left out, as where the targets
 * are placed changes nothing a record vouches for, so that runs into a new directory each time share one.
 */
function recordedArgv(argv, tokens) {
    const out = [...argv];
    for (const t of tokens) {
        if (t.kind !== 'option' || t.name !== 'out-dir')
            continue;
        if (t.inlineValue)
            out[t.index] = '--out-dir=';
        else
            out[t.index + 1] = '';
    }
    return out;
}
function usageError(io, message) {
    io.stderr.write(`disbuild run: ${message}\nRun 'disbuild run --help' for usage.\n`);
    return _io_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .d.usage;
}


/***/ }),

/***/ 5069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ answeredByRecord),
/* harmony export */   QY: () => (/* binding */ recordFullyCached),
/* harmony export */   mR: () => (/* binding */ recordFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _config_compiled_graph_cache_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9085);
/* harmony import */ var _ids_canonical_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7536);
/* harmony import */ var _util_code_identity_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4170);
/* harmony import */ var _util_discarded_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(1567);
/* harmony import */ var _util_free_space_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6947);
/* harmony import */ var _util_read_own_file_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5958);
/* harmony import */ var _util_real_path_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3516);
/* harmony import */ var _util_settled_stat_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(4956);
/* harmony import */ var _util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9293);
/* harmony import */ var _util_state_file_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(2148);
/**
 * A fully cached run answered from a record of the last one, before the engine and the graph are loaded: a run of
 * 200 jobs spends most of its time loading code and reading state (the graph, its validation, the keys' and the
 * lookup's memos) to find again that nothing changed.
 *
 * Exact, not a guess. A run's answer is a function of its code, its arguments, directory and environment, the graph
 * file, the digests of its inputs, and what the local cache holds. The record, written by a run whose every job was
 * cached (and that warned of nothing), holds what vouches for each, and is believed only when all of them still
 * hold:
 * - the code, the arguments, the working directory and the environment: one digest (`_` and `OLDPWD` left out,
 *   which shells change between commands);
 * - the graph file: its stat data, taken before it was read and settled by then (settled-stat.ts);
 * - the digests: every input was answered by git's listings alone (see `fromListingsAlone` in file-digest.ts), so
 *   they are the same when the listings' answers are, byte for byte, the source directory resolves to the same
 *   place and no attributes file stands where git would read one; the record keeps the answers themselves;
 * - the hits: the stat data of the directories holding them (Cache.vouchedHits), and of the lookup memo that
 *   vouched for them (a run without it reads every entry, and finds one damaged in place), and the time until
 *   which their last uses stand (a later run marks them used, for pruning, through the full path);
 * - the cache as the full path finds it (cacheAsRecorded): nothing it would warn about, and nothing left by a
 *   killed run for it to remove;
 * - outputs in place: each job's, found in place against its hit's artifact, are as the full path's check by stat
 *   data found them (verdictNow: the same names in the same directories, the same files by their stat data), or
 *   gone whole, and then written back from the cache as the full path does (fully-cached-put-back.ts);
 * - disbuild.json's tasks (no graph file): the graph kept from their last compile, reused because every file the
 *   compile read has the stat data that vouched for its bytes (KeptVouch); the record checks those stat data and
 *   links again, disbuild.json's stat data stand for the graph file's, and the listings are compared anyway.
 * Anything else (another flag, a missing or foreign record) is a run through the full path, which writes the
 * record anew when it finds everything cached. Only runs with the local cache, that print nothing but their
 * summary and restore nothing, are recorded: a report, `--download all`, `--dry-run`, `--verbose`, `--log-replay
 * all`, outputs in place that had to be put back or were checked otherwise, a job whose artifact holds more than
 * its outputs in place, and a disbuild.json naming a graph file or command all take the full path. On a terminal,
 * the record's answer is the summary alone: the full path draws a status line first, and erases it.
 *
 * The file (one of sixteen slots, by source directory and arguments) is read only when it is a regular file of this user that
 * nobody else may write, and its header carries a digest of its own; the listings' answers that follow it are
 * compared with git's, so damage there is a mismatch. Trouble of any kind costs the shortcut, never the run.
 */














const MAGIC = 'disbuild-fully-cached';
const SELF = (0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(__disbuild_import_meta.url);
/** Raised whenever what the record holds, or how, changes. */
const FORMAT = 3;
/** Environment variables that shells change from one command to the next, and that no run reads. */
const VOLATILE = new Set(['_', 'OLDPWD']);
/**
 * The record's file for a run, under the cache directory: one of sixteen, chosen by what the record vouches for of
 * the run itself, so that runs that alternate (of a few targets and of the whole graph; from a terminal and from
 * an editor, whose environments differ) each keep their own rather than find the other's and write over it.
 */
function recordFile(cacheDir, run) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cacheDir, 'fully-cached-v1', `slot-${runDigest(run)[0]}`);
}
function identityOf(run) {
    return (new _ids_canonical_js__WEBPACK_IMPORTED_MODULE_5__/* .CanonicalHasher */ .A()
        .field('record', `${MAGIC} ${FORMAT}`)
        .field('code', (0,_util_code_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .codeIdentity */ .y)(SELF))
        // The compiler's code too, when another directory than this module's holds it (from source; the bundle's
        // chunks are all beside this one).
        .field('config', !run.config ? '' : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(_config_compiled_graph_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .COMPILER_MODULE */ .nT) === (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(SELF) ? 'beside' : (0,_config_compiled_graph_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .compilerIdentity */ .yR)())
        .field('run', runDigest(run))
        .hex());
}
/** The run's own part of what the record vouches for: its directories, graph file, arguments and environment. */
function runDigest(run) {
    // Once per run: its slot (recordFile) and its identity (identityOf) both stand on it.
    let digest = runDigests.get(run);
    if (digest !== undefined)
        return digest;
    const h = new _ids_canonical_js__WEBPACK_IMPORTED_MODULE_5__/* .CanonicalHasher */ .A()
        .field('cwd', run.cwd)
        .field('source', run.sourceDir)
        .field('graph', run.graphFile)
        .count('argv', run.argv.length);
    for (const a of run.argv)
        h.field('arg', a);
    const env = Object.entries(run.env).filter(([k, v]) => v !== undefined && !VOLATILE.has(k));
    env.sort(([a], [b]) => (0,_ids_canonical_js__WEBPACK_IMPORTED_MODULE_5__/* .compareCodeUnits */ .U)(a, b));
    h.count('env', env.length);
    for (const [k, v] of env)
        h.field('name', k).field('value', v);
    digest = h.hex();
    runDigests.set(run, digest);
    return digest;
}
const runDigests = new WeakMap();
function headerDigest(header) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(header).digest('hex');
}
/**
 * The run's answer when the record in `file` vouches for it (see above); undefined when it does not, and the run
 * takes the full path. `runs`: workTreeCommands started for this run.
 */
async function answeredByRecord(file, run, runs) {
    try {
        return await checkRecord(file, run, runs);
    }
    catch {
        // A record of the wrong shape, a directory that cannot be looked into: the full path answers.
        return undefined;
    }
}
async function checkRecord(file, run, runs) {
    const bytes = (0,_util_read_own_file_js__WEBPACK_IMPORTED_MODULE_8__/* .readOwnBytesIfAny */ .bv)(file);
    if (bytes === undefined)
        return undefined;
    const lineEnd = bytes.indexOf(0x0a);
    if (lineEnd < 0)
        return undefined;
    const [magic, format, identity, digest, length] = bytes.toString('latin1', 0, lineEnd).split(' ');
    if (magic !== MAGIC || format !== String(FORMAT) || identity !== identityOf(run))
        return undefined;
    const headerEnd = lineEnd + 1 + Number(length);
    if (!Number.isSafeInteger(headerEnd) || headerEnd > bytes.length)
        return undefined;
    const headerBytes = bytes.subarray(lineEnd + 1, headerEnd);
    if (headerDigest(headerBytes) !== digest)
        return undefined;
    let header;
    try {
        header = JSON.parse(headerBytes.toString('utf8'));
    }
    catch {
        return undefined;
    }
    // The cheap checks first, while git lists the work tree.
    if (!(Date.now() < header.freshUntilMs))
        return undefined;
    if (!cacheAsRecorded(run.cacheDir))
        return undefined;
    if ((0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_12__/* .statKey */ .CD)((0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_10__/* .statIfAny */ .k)(run.graphFile)) !== header.graphStat)
        return undefined;
    if ((0,_util_real_path_js__WEBPACK_IMPORTED_MODULE_9__/* .realPathOr */ .r)(run.sourceDir) !== header.realDir)
        return undefined;
    for (const [dir, stat] of header.shards) {
        if ((0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_12__/* .dirKey */ .zG)((0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_10__/* .lstatIfAny */ .e)(dir)) !== stat)
            return undefined;
    }
    // The memo is only ever replaced whole (a rename): another memo is another inode.
    if ((0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_12__/* .statKey */ .CD)((0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_10__/* .lstatIfAny */ .e)(header.memo[0])) !== header.memo[1])
        return undefined;
    if (header.attributePlaces.some((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(f)))
        return undefined;
    if ((header.compile !== undefined) !== run.config)
        return undefined;
    let gone;
    if (header.compile !== undefined || header.inPlace !== undefined) {
        const { compileAsRecorded, outputsAsRecorded } = await Promise.all(/* import() */[__webpack_require__.e(682), __webpack_require__.e(951)]).then(__webpack_require__.bind(__webpack_require__, 8559));
        if (header.compile !== undefined && !compileAsRecorded(run.sourceDir, header.compile))
            return undefined;
        if (header.inPlace !== undefined) {
            gone = outputsAsRecorded(header.realDir, header.inPlace);
            if (gone === undefined || (gone.length > 0 && header.inPlace.lookups === undefined))
                return undefined;
        }
    }
    const answers = await Promise.all(runs);
    if (answers.length !== header.runs.length)
        return undefined;
    let at = headerEnd;
    for (let i = 0; i < answers.length; i++) {
        const [code, size] = header.runs[i];
        if ((answers[i].code ?? null) !== code || at + size > bytes.length)
            return undefined;
        if (bytes.toString('utf8', at, at + size) !== answers[i].out)
            return undefined;
        at += size;
    }
    if (at !== bytes.length || !Number.isSafeInteger(header.jobs))
        return undefined;
    if ((header.outDir !== undefined) !== run.outDir)
        return undefined;
    return {
        jobs: header.jobs,
        ...(header.outDir ? { outDir: header.outDir } : {}),
        ...(gone?.length
            ? { putBack: { realDir: header.realDir, jobs: gone, lookups: header.inPlace.lookups } }
            : {}),
    };
}
/**
 * Whether the full path would find the local cache in `cacheDir` as the run that wrote the record did, and keep its
 * run's files there without a word: the cache's directories are there (a file in place of one makes the run go
 * without the cache), the runs' directory is one this process may write, the disk is not short of space (both
 * would be warned of; see LocalState's newRunDir), and no scratch directory is left in `runs` or `v1/tmp` (a run
 * removes those of dead processes; a live one's is another run under way), but for one moved aside to be removed.
 */
function cacheAsRecorded(cacheDir) {
    // Directories of their own: one that is a symbolic link makes the full path go without the cache (LocalCache).
    for (const dir of ['v1', 'v1/entries', 'v1/tmp', 'runs']) {
        if ((0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_10__/* .lstatIfAny */ .e)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cacheDir, dir))?.isDirectory() !== true)
            return false;
    }
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cacheDir, 'runs'), node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
        // A run's directory being removed after it (discardDir) is none: it was moved aside, and goes either way.
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cacheDir, 'runs')).some((n) => !n.includes(_util_discarded_js__WEBPACK_IMPORTED_MODULE_13__/* .DISCARDED */ .u)) ||
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cacheDir, 'v1/tmp')).length > 0)
            return false;
    }
    catch {
        return false;
    }
    return !(0,_util_free_space_js__WEBPACK_IMPORTED_MODULE_7__/* .isLowOnSpace */ .Io)(cacheDir);
}
/** Writes the record of a fully cached run (see above); nothing when the graph file's stat data vouch for nothing. */
async function recordFullyCached(file, run, found) {
    const graphStat = (0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_12__/* .statKey */ .CD)(found.graphStat.stat);
    if (graphStat === undefined || !(0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_12__/* .settledMs */ .ou)(found.graphStat.stat, found.graphStat.takenAtMs))
        return;
    // A variable the record leaves out of the environment it vouches for, but whose value is in the graph.
    if (found.compile?.env.some((n) => VOLATILE.has(n)))
        return;
    const answers = await Promise.all(found.runs);
    const outputs = answers.map((a) => Buffer.from(a.out, 'utf8'));
    const header = {
        realDir: found.realDir,
        graphStat,
        runs: answers.map((a, i) => [a.code ?? null, outputs[i].length]),
        attributePlaces: found.attributePlaces,
        shards: found.shards,
        memo: found.memo,
        freshUntilMs: found.freshUntilMs,
        jobs: found.jobs,
        ...(found.outDir ? { outDir: found.outDir } : {}),
        ...(found.compile ? { compile: found.compile } : {}),
        ...(found.inPlace ? { inPlace: found.inPlace } : {}),
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const line = `${MAGIC} ${FORMAT} ${identityOf(run)} ${headerDigest(headerBytes)} ${headerBytes.length}\n`;
    (0,_util_state_file_js__WEBPACK_IMPORTED_MODULE_11__/* .writeStateFile */ .V)(file, Buffer.concat([Buffer.from(line, 'latin1'), headerBytes, ...outputs]));
}


/***/ }),

/***/ 9085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dj: () => (/* binding */ readByCompile),
/* harmony export */   MP: () => (/* binding */ envNames),
/* harmony export */   Ne: () => (/* binding */ writeCompiledGraph),
/* harmony export */   PS: () => (/* binding */ readKeptGraph),
/* harmony export */   RS: () => (/* binding */ isReadByCompile),
/* harmony export */   Ul: () => (/* binding */ readFiles),
/* harmony export */   nT: () => (/* binding */ COMPILER_MODULE),
/* harmony export */   tn: () => (/* binding */ fileListDigest),
/* harmony export */   xv: () => (/* binding */ configDigest),
/* harmony export */   yR: () => (/* binding */ compilerIdentity)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _ids_canonical_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7536);
/* harmony import */ var _util_code_identity_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4170);
/* harmony import */ var _util_read_own_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5958);
/* harmony import */ var _util_settled_stat_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4956);
/* harmony import */ var _util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9293);
/* harmony import */ var _util_state_file_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2148);
/**
 * The compiled graph of the last run, kept so that a run whose configuration and repository did not change skips
 * the compile (reading every package.json, matching globs over every file, resolving dependencies).
 *
 * Exact, not a guess: a kept graph is reused only when everything the compile reads is what it was — the tasks of
 * disbuild.json, the values of the variables the tasks' `env` names, the compiler itself (the files of this module's
 * directory, their sizes and times, and a format number), the repository's file list (tracked less deleted, plus untracked not
 * ignored: so `.gitignore`, `info/exclude` and `core.excludesFile` count through what they hide), whether each
 * symbolic link in that list leads to a directory (which is no input), and the bytes of every package.json and of
 * pnpm-workspace.yaml in that list.
 *
 * Those bytes are vouched for by stat data, as git's index does for its work tree: beside the hash of the bytes,
 * the file keeps each read file's device, inode, size, mode, mtime and ctime (Node's milliseconds, precise enough:
 * see OutputStatRecords), taken before its bytes were read, and only for a file that had last changed at least
 * SETTLED_MS before: a write in the same tick of the file system's clock as the stat data (same size, same times)
 * is never believed unchanged. A file whose stat data is not all as recorded (or was not recorded) makes the check
 * read and hash the bytes, as the compile would.
 *
 * Everything but the file list can be checked before git has listed the files: the caller does that while git
 * works (see compileConfig).
 *
 * Deals with: the digests, the stat data, reading and writing the cache file. Does not deal with: compiling
 * (compile.ts).
 */









/** Raised whenever the compiled graph's meaning changes in a way the code's file identity might not show. */
const FORMAT = 3;
/** The files of `files` whose bytes the compile may read: every package.json, and pnpm's workspace file. */
function readByCompile(files) {
    return files.filter(isReadByCompile);
}
function isReadByCompile(f) {
    return f === 'package.json' || f === 'pnpm-workspace.yaml' || f.endsWith('/package.json');
}
/** This module's file: in the bundle, the chunk it is in. */
const COMPILER_MODULE = (0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(__disbuild_import_meta.url);
/** The compiler's identity (see codeIdentity): this module's file and every file beside it. */
function compilerIdentity(self = COMPILER_MODULE) {
    return (0,_util_code_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .codeIdentity */ .y)(self);
}
/** The hash of the compile's inputs that are known before the files are listed: compiler, tasks, variables. */
function configDigest(config, env) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    h.update(`disbuild-compiled-graph\0${FORMAT}\0${compilerIdentity()}\0`);
    h.update(JSON.stringify([...config.tasks]));
    h.update('\0env\0');
    // Set and unset differ (an unset variable is left out of the command's environment).
    for (const n of envNames(config))
        h.update(JSON.stringify([n, env[n] ?? null]));
    return h.digest('hex');
}
/** The variables the tasks' `env` names, sorted: their values are in the compiled graph. */
function envNames(config) {
    const names = new Set();
    for (const spec of config.tasks.values())
        for (const n of spec.env ?? [])
            names.add(n);
    return [...names].sort();
}
/** The hash of the repository's file list. */
function fileListDigest(files, untracked, typeChanged) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${files.length}\0`).update(files.join('\0'));
    // Which are tracked decides which can be outputs (see untrackedOf): a `git add` changes the compile.
    if (untracked !== undefined)
        h.update(`\0untracked\0${[...untracked].sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_3__/* .compareCodeUnits */ .U).join('\0')}`);
    // A tracked file replaced by a link (to a directory, which is no input) lists as before (see typeChangedOf).
    if (typeChanged !== undefined && typeChanged.size > 0)
        h.update(`\0type-changed\0${[...typeChanged].sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_3__/* .compareCodeUnits */ .U).join('\0')}`);
    return h.digest('hex');
}
/**
 * Hashes the bytes of the files of `files` that the compile reads, each lstat'ed before it is read (a write in
 * between leaves stat data that never matches again). `now` is the clock the stat data is dated by.
 */
function readFiles(root, files, now = Date.now) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    // No prototype: paths are keys.
    const stats = Object.create(null);
    const read = readByCompile(files);
    const bytesOf = new Map();
    // Taken before any lstat: every stat datum is at least this recent.
    const takenAt = now();
    for (const f of read) {
        // Concatenated, not joined: `root` is absolute and `f` a clean relative path (join's normalising costs more).
        const path = `${root}/${f}`;
        let st;
        let bytes;
        try {
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(path, { throwIfNoEntry: false });
            bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path);
        }
        catch (e) {
            h.update(`${f}\0error ${e.code ?? ''}\0`);
            continue;
        }
        h.update(`${f}\0${bytes.length}\0`);
        h.update(bytes);
        bytesOf.set(f, bytes);
        const key = (0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_8__/* .statKey */ .CD)(st);
        if (key !== undefined && (0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_8__/* .settledMs */ .ou)(st, takenAt))
            stats[f] = key;
    }
    // Decoded only when the compile asks: a check that finds the bytes unchanged needs no text.
    const texts = { get: (path) => bytesOf.get(path)?.toString('utf8') };
    return { digest: h.digest('hex'), count: read.length, stats, texts };
}
/**
 * The graph kept in `file` when it was compiled under configuration `config` (configDigest), with whether the
 * files the compile read are unchanged by their stat data; undefined when the file holds another configuration's
 * graph (or none, or is unreadable, or is not this user's own: its commands would run).
 */
function readKeptGraph(file, config, root) {
    let text;
    try {
        text = (0,_util_read_own_file_js__WEBPACK_IMPORTED_MODULE_5__/* .readOwnFile */ .zx)(file);
    }
    catch {
        return undefined;
    }
    if (text === undefined)
        return undefined;
    const eol = text.indexOf('\n');
    if (eol < 0)
        return undefined;
    let header;
    try {
        header = JSON.parse(text.slice(0, eol));
    }
    catch {
        return undefined;
    }
    if (!isHeader(header) || header.config !== config)
        return undefined;
    const paths = Object.keys(header.stats);
    let readsUnchanged = paths.length === header.readCount;
    for (let i = 0; readsUnchanged && i < paths.length; i++) {
        readsUnchanged = (0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_8__/* .statKey */ .CD)((0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_6__/* .lstatIfAny */ .e)(`${root}/${paths[i]}`)) === header.stats[paths[i]];
    }
    return { header, text: text.slice(eol + 1), readsUnchanged };
}
function isHeader(h) {
    if (typeof h !== 'object' || h === null)
        return false;
    const x = h;
    return (typeof x.config === 'string' &&
        typeof x.files === 'string' &&
        typeof x.reads === 'string' &&
        typeof x.readCount === 'number' &&
        typeof x.stats === 'object' &&
        x.stats !== null &&
        Object.values(x.stats).every((v) => typeof v === 'string') &&
        Array.isArray(x.links) &&
        x.links.every((l) => Array.isArray(l) &&
            l.length === 4 &&
            typeof l[0] === 'string' &&
            (l[1] === 'directory' || l[1] === 'file' || l[1] === 'nothing') &&
            typeof l[2] === 'string' &&
            typeof l[3] === 'string'));
}
/** Replaces the cache file (see writeStateFile); a failure is ignored: the next run compiles again. */
function writeCompiledGraph(file, header, graphText) {
    (0,_util_state_file_js__WEBPACK_IMPORTED_MODULE_7__/* .writeStateFile */ .V)(file, `${JSON.stringify(header)}\n${graphText}`);
}


/***/ }),

/***/ 6761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D2: () => (/* binding */ SYSTEM_ATTRIBUTES_QUERY),
/* harmony export */   O4: () => (/* binding */ systemAttributesFiles),
/* harmony export */   Tx: () => (/* binding */ EXEC_PATH_QUERY),
/* harmony export */   f$: () => (/* binding */ globalAttributesFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _git_config_records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3550);
/**
 * Where git reads attributes beside a tree's own `.gitattributes` files and the repository's `info/attributes`: the
 * global file and the system one. Keys (git-conversions.ts) and the hook's kept worktree (checkout-settings.ts)
 * must look where git looks: a file they miss converts bytes they take for unconverted.
 */




/**
 * The git arguments whose answer names the system file: git 2.42 and later print it (nothing, and fail, when
 * `GIT_ATTR_NOSYSTEM` turns it off); older ones fail, and systemAttributesFiles guesses.
 */
const SYSTEM_ATTRIBUTES_QUERY = ['var', 'GIT_ATTR_SYSTEM'];
/** The git arguments whose answer is git's exec-path (`<prefix>/libexec/git-core`): for systemAttributesFiles. */
const EXEC_PATH_QUERY = ['--exec-path'];
/** The global file: `core.attributesFile` (`~/` expanded, as git does), else git's place for it under XDG. */
function globalAttributesFile(attributesFile, env) {
    const home = env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)();
    return attributesFile
        ? attributesFile.replace(/^~(?=\/)/, home)
        : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.XDG_CONFIG_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(home, '.config'), 'git', 'attributes');
}
/**
 * The system files git may read: none when `GIT_ATTR_NOSYSTEM` is true (as git reads a boolean: `0` is false);
 * the one git named (`named`, the trimmed answer of SYSTEM_ATTRIBUTES_QUERY when it succeeded); else, for a git too
 * old to say, every place `$(sysconfdir)/gitattributes` may be: `/etc` (a git installed under `/usr`) and `etc`
 * under git's prefix (a git built with another, such as `/usr/local`), found from `execPath` (the answer of
 * EXEC_PATH_QUERY, `<prefix>/libexec/git-core`, right through a version manager's shim) and from the `git` that PATH
 * finds, as found and with links resolved: `<prefix>/bin/git`, or, when git runs us (a hook, an alias: it puts its
 * exec-path first on PATH), `<prefix>/libexec/git-core/git`. Homebrew's git, whose `sysconfdir` is none of these,
 * is recent enough to name it.
 */
function systemAttributesFiles(named, env, execPath) {
    if (env.GIT_ATTR_NOSYSTEM !== undefined && (0,_git_config_records_js__WEBPACK_IMPORTED_MODULE_3__/* .gitBoolean */ .x)(env.GIT_ATTR_NOSYSTEM))
        return [];
    if (named)
        return [named];
    const prefixes = [];
    if (execPath)
        prefixes.push(prefixOf((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(execPath, 'git')));
    const git = gitOnPath(env.PATH ?? '');
    if (git !== undefined)
        prefixes.push(prefixOf(git.found), prefixOf(git.real));
    return [...new Set(['/etc/gitattributes', ...prefixes.map((p) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(p, 'etc', 'gitattributes'))])];
}
/** The installation prefix of a `git` executable: above `bin/`, or above `libexec/git-core/` (`lib/git-core/`). */
function prefixOf(git) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(git);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(dir) === 'git-core' ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir)) : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir);
}
/** The `git` executable PATH leads to, as found and with links resolved; undefined when none is found. */
function gitOnPath(path) {
    for (const dir of path.split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter)) {
        if (dir === '')
            continue;
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'git');
        try {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(candidate).isFile())
                continue;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(candidate, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
            return { found: candidate, real: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(candidate) };
        }
        catch {
            continue;
        }
    }
    return undefined;
}


/***/ }),

/***/ 3550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ parseConfigRecords),
/* harmony export */   x: () => (/* binding */ gitBoolean)
/* harmony export */ });
/**
 * The answer of `git config -z --get-regexp` (`<key>\n<value>\0`, or `<key>\0` for a key without a value), and
 * git's reading of a boolean, shared by every caller that reads settings that way.
 */
/**
 * Each key's last value, as git answers `--get` for it (keys lower-cased, as git prints them); undefined for a key
 * written without a value.
 */
function parseConfigRecords(text) {
    const values = new Map();
    for (const record of text.split('\0')) {
        if (record === '')
            continue;
        const nl = record.indexOf('\n');
        values.set((nl < 0 ? record : record.slice(0, nl)).toLowerCase(), nl < 0 ? undefined : record.slice(nl + 1));
    }
    return values;
}
/**
 * A value as git reads a boolean (git_parse_maybe_bool, then as an integer): none at all is true; `true`, `yes`,
 * `on` true and `false`, `no`, `off` and the empty string false, in any case; else an integer (decimal, `0x` hex or
 * `0` octal, with a sign and a `k`, `m` or `g` unit) is true unless zero: `00`, `+0`, `0x0` and `0k` are false.
 * A value git cannot read (it refuses it) counts as true.
 */
function gitBoolean(value) {
    if (value === undefined)
        return true;
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === 'yes' || v === 'on')
        return true;
    if (v === 'false' || v === 'no' || v === 'off' || v === '')
        return false;
    const n = /^[+-]?(?:0x([0-9a-f]+)|(0[0-7]*)|([1-9][0-9]*))[kmg]?$/.exec(v);
    if (n === null)
        return true;
    return !/^0+$/.test(n[1] ?? n[2] ?? n[3]);
}


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lg: () => (/* binding */ convertedPaths),
/* harmony export */   P$: () => (/* binding */ parseSettings),
/* harmony export */   Q9: () => (/* binding */ SETTINGS_REGEXP),
/* harmony export */   h9: () => (/* binding */ attributePlaces),
/* harmony export */   sb: () => (/* binding */ readSettings)
/* harmony export */ });
/* unused harmony export parseConvertedPaths */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8251);
/* harmony import */ var _git_attribute_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6761);
/* harmony import */ var _git_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8750);
/* harmony import */ var _git_config_records_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3550);
/* harmony import */ var _names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7259);
/**
 * Which paths git converts between their blob and the work tree, and the settings that decide it: the git calls
 * and pure parsers of their `-z` output (fixture-tested in test/unit/ids/git-conversions.test.ts).
 *
 * A converted path's index entry (and a commit's blob) is not the bytes a job reads: `* text eol=crlf` stores `a\n`
 * for a work-tree `a\r\n`, an LFS filter stores a pointer for the real content, `ident` expands `$Id$`,
 * `working-tree-encoding` re-encodes. Such paths are read from disk; the rest keep the index's blob IDs for free.
 */






/** The regular expression of the `git config --get-regexp` call that reads GitSettings. */
const SETTINGS_REGEXP = '^(core\\.(autocrlf|filemode|symlinks|attributesfile|ignorecase)|attr\\.tree)$';
/** GitSettings from `git config -z --get-regexp SETTINGS_REGEXP` (see parseConfigRecords). */
function parseSettings(text) {
    const values = (0,_git_config_records_js__WEBPACK_IMPORTED_MODULE_4__/* .parseConfigRecords */ .w)(text);
    const bool = (key) => values.has(key) ? (0,_git_config_records_js__WEBPACK_IMPORTED_MODULE_4__/* .gitBoolean */ .x)(values.get(key)) : undefined;
    const attributesFile = values.get('core.attributesfile');
    const attrTree = values.get('attr.tree');
    return {
        // `input` is not a boolean but converts as `true` does (in the clean direction).
        autocrlf: bool('core.autocrlf') ?? false,
        fileMode: bool('core.filemode') ?? true,
        symlinks: bool('core.symlinks') ?? true,
        ignoreCase: bool('core.ignorecase') ?? false,
        ...(attributesFile ? { attributesFile } : {}),
        ...(attrTree !== undefined ? { attrTree } : {}),
    };
}
/**
 * The paths among `paths` that git may convert, from a `git check-attr -a -z` answer for them
 * (`<path>\0<attribute>\0<value>\0` for each attribute a path has; none for a path without attributes, which is
 * why `-a` is asked: its answer for a repository without attributes is empty, where naming six attributes printed
 * 21 MB for 100,000 paths and took four times as long). Errs on the side of converting: a value git would ignore (a
 * filter with no driver, `text=foo`) still sends the path to disk, which is always correct, only slower.
 */
function parseConvertedPaths(text, paths, autocrlf) {
    const attrs = new Map();
    const fields = text.split('\0');
    for (let i = 0; i + 2 < fields.length; i += 3) {
        let m = attrs.get(fields[i]);
        if (m === undefined)
            attrs.set(fields[i], (m = new Map()));
        m.set(fields[i + 1], fields[i + 2]);
    }
    const converted = new Set();
    const none = new Map();
    // Without attributes a path converts only under core.autocrlf: then every path is asked about.
    for (const p of autocrlf ? paths : attrs.keys())
        if (converts(attrs.get(p) ?? none, autocrlf))
            converted.add(p);
    return converted;
}
/** convert.c's decision, conservatively: does any conversion apply to a path with these attribute values? */
function converts(attrs, autocrlf) {
    const given = (name) => {
        const v = attrs.get(name) ?? 'unspecified';
        return v !== 'unspecified' && v !== 'unset';
    };
    if (given('filter') || given('ident') || given('working-tree-encoding'))
        return true;
    let text = attrs.get('text') ?? 'unspecified';
    // `crlf` is the old name of `text`, read only when `text` says nothing.
    if (text === 'unspecified')
        text = attrs.get('crlf') ?? 'unspecified';
    // `-text` (binary) turns every end-of-line conversion off, `eol` included.
    if (text === 'unset')
        return false;
    if (text !== 'unspecified')
        return true;
    return given('eol') || autocrlf;
}
/**
 * The paths among `paths` (relative to `dir`, all tracked) that git converts between blob and work tree, by one
 * `git check-attr --stdin` call. No call when there are no paths.
 *
 * In a work tree under core.ignoreCase=true where the disk tells case apart (see names-as-on-disk.ts), a second
 * call with core.ignoreCase=false, and the paths either converts: `*.TXT eol=crlf` applies to `a.txt` as the
 * checkout wrote it, and not as the keys' `git status` (run with false) compares it again. A path is taken from
 * the index only when neither would have changed its bytes.
 */
async function convertedPaths(dir, paths, settings, options = {}) {
    if (paths.length === 0)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__.ok)(new Set());
    const ask = (names) => (0,_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(dir, [...names, 'check-attr', ...(options.cached ? ['--cached'] : []), '--stdin', '-z', '-a'], {
        input: paths.join('\0') + '\0',
        ...(options.env ? { env: options.env } : {}),
    });
    const both = !options.cached && settings.ignoreCase && _names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMES_AS_ON_DISK */ .S.length > 0;
    const [answer, asOnDisk] = await Promise.all([ask([]), both ? ask(_names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMES_AS_ON_DISK */ .S) : undefined]);
    if (!answer.ok)
        return answer;
    const converted = parseConvertedPaths(answer.value, paths, settings.autocrlf);
    if (asOnDisk === undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__.ok)(converted);
    if (!asOnDisk.ok)
        return asOnDisk;
    for (const p of parseConvertedPaths(asOnDisk.value, paths, settings.autocrlf))
        converted.add(p);
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__.ok)(converted);
}
/** The settings that decide conversions and modes, from `git config`; git's defaults when none is set. */
async function readSettings(dir) {
    // Exit code 1 means none of the keys is set.
    const r = await (0,_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(dir, ['config', '-z', '--get-regexp', SETTINGS_REGEXP]);
    return parseSettings(r.ok ? r.value : '');
}
/**
 * Every place an attributes file could apply to `paths` from (relative to `realDir`, the source directory with its
 * links resolved, which sits at `prefix` in the work tree at `top`), in the order to look: the repository's
 * `info/attributes` (`infoAttributes`, absolute), the global file (`core.attributesFile`, else
 * `$XDG_CONFIG_HOME/git/attributes` or `~/.config/git/attributes`), the system one (`systemFiles`: see
 * systemAttributesFiles), and a `.gitattributes` in the directory of a path or any directory above it up to the
 * top. When none exists no path has an attribute, and `git check-attr` need not be asked: a few hundred lstat
 * calls for 100,000 paths in 200 directories, against 0.1–0.4 s. Undefined when the disk cannot tell (see below).
 */
function attributePlaces(realDir, prefix, paths, infoAttributes, settings, systemFiles, env = process.env) {
    // Attributes read from a tree rather than the disk (`attr.tree`, `GIT_ATTR_SOURCE`), or a global file named as
    // git expands and this does not (`~user/`, `%(prefix)/`): no file on disk tells, so git is asked.
    if (settings.attrTree !== undefined || env.GIT_ATTR_SOURCE !== undefined)
        return undefined;
    const global = (0,_git_attribute_files_js__WEBPACK_IMPORTED_MODULE_1__/* .globalAttributesFile */ .f$)(settings.attributesFile, env);
    if (/^(?:~[^/]|%\(prefix\)\/)/.test(global))
        return undefined;
    // git runs from the work tree's top: a relative global file is read from there. The top is above the real
    // directory (`prefix` is git's), not above a link leading to it.
    const depth = prefix.split('/').filter(Boolean).length;
    const top = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(realDir, ...Array(depth).fill('..'));
    const places = [infoAttributes, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(top, global), ...systemFiles];
    // The directories from the work tree's top down to the source directory, then those of the paths.
    let above = realDir;
    for (let i = depth; i >= 0; i--) {
        places.push((0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(above, '.gitattributes'));
        above = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(above, '..');
    }
    const seen = new Set();
    for (const p of paths) {
        for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
            const dir = p.slice(0, i);
            if (seen.has(dir))
                break;
            seen.add(dir);
            places.push(realDir + '/' + dir + '/.gitattributes');
        }
    }
    return places;
}


/***/ }),

/***/ 8397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KG: () => (/* binding */ startWorkTreeCommands),
/* harmony export */   YG: () => (/* binding */ workTreeCommands)
/* harmony export */ });
/* unused harmony export INDEX_ATTRIBUTES_QUERY */
/* harmony import */ var _git_attribute_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6761);
/* harmony import */ var _git_conversions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5782);
/* harmony import */ var _git_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8750);
/* harmony import */ var _names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7259);




/**
 * The git calls a run's digests start from (see startWorkTreeListings in file-digest.ts), in this order: where the
 * source directory sits, the index, the status, the settings that convert bytes, where the system attributes
 * file is, git's exec-path, and the index's attributes files. A module of their own: a fully cached run's record (src/cli/fully-cached.ts) compares their answers
 * with those of the run that wrote it, before anything that reads them is loaded.
 */
function workTreeCommands(untracked) {
    return [
        // One rev-parse answers where the source directory sits, and where the repository's attributes file and
        // index are.
        [
            'rev-parse',
            '--is-inside-work-tree',
            '--show-prefix',
            '--git-path',
            'info/attributes',
            '--git-path',
            'index',
        ],
        ['ls-files', '-s', '-v', '-z', '--', '.'],
        [
            // Never the index's lock: a status refreshes stale stat data in the index and writes it under
            // `.git/index.lock`, and a `git commit` of the user's at that moment would fail on the lock.
            '--no-optional-locks',
            // git compares every file's ctime (and inode, owner, device) with its index whatever the repository says:
            // under core.trustctime=false or core.checkStat=minimal, a file edited to the same size with its mtime put
            // back looks unchanged, and its key would be the old bytes'. Nor does it ask a file-system monitor what
            // changed: one that misses events (inotify over a bind mount or NFS) would keep an edited input's old key.
            '-c',
            'core.trustctime=true',
            '-c',
            'core.checkStat=default',
            '-c',
            'core.fsmonitor=false',
            ..._names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMES_AS_ON_DISK */ .S,
            'status',
            '--porcelain=v1',
            '-z',
            untracked ? '--untracked-files=all' : '--untracked-files=no',
            '--ignore-submodules=all',
            '--no-renames',
            '--',
            '.',
        ],
        // Exit code 1 means none of the keys is set.
        ['config', '-z', '--get-regexp', _git_conversions_js__WEBPACK_IMPORTED_MODULE_1__/* .SETTINGS_REGEXP */ .Q9],
        [..._git_attribute_files_js__WEBPACK_IMPORTED_MODULE_0__/* .SYSTEM_ATTRIBUTES_QUERY */ .D2],
        [..._git_attribute_files_js__WEBPACK_IMPORTED_MODULE_0__/* .EXEC_PATH_QUERY */ .Tx],
        // Every `.gitattributes` the index holds, from the top: git reads one the work tree lacks (deleted, left out
        // by a sparse checkout) from the index, above the source directory too.
        [...INDEX_ATTRIBUTES_QUERY],
    ];
}
/** The git arguments whose answer lists the index's `.gitattributes` files, by their paths from the top. */
const INDEX_ATTRIBUTES_QUERY = [
    'ls-files',
    '-z',
    '--full-name',
    '--',
    ':(top,glob)**/.gitattributes',
];
/** workTreeCommands, started in `sourceDir` (see gitTexts). */
function startWorkTreeCommands(sourceDir, untracked, env) {
    return (0,_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitTexts */ .vZ)(sourceDir, workTreeCommands(untracked), env);
}


/***/ }),

/***/ 9497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ summaryLine)
/* harmony export */ });
/** The line that ends a run's console output: what became of its jobs, and how long it took. */
function summaryLine(c, durationMs) {
    const total = c.cached + c.built + c.failed + c.skipped;
    return `disbuild: ${total} jobs: ${c.cached} cached, ${c.built} built, ${c.failed} failed, ${c.skipped} skipped in ${(durationMs / 1000).toFixed(2)}s\n`;
}


/***/ }),

/***/ 1203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ defaultCacheDir)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** `$XDG_CACHE_HOME/disbuild`, else `~/.cache/disbuild`. */
function defaultCacheDir(env) {
    const xdg = env.XDG_CACHE_HOME;
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(xdg && xdg !== '' ? xdg : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)(), '.cache'), 'disbuild');
}


/***/ }),

/***/ 1567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ DISCARDED)
/* harmony export */ });
/**
 * What the name of a directory moved aside to be removed holds after its own name (see discardDir). A module of
 * its own: the record of a fully cached run passes over such directories without loading what removes them.
 */
const DISCARDED = '.discard-';


/***/ }),

/***/ 6947:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Io: () => (/* binding */ isLowOnSpace),
/* harmony export */   b$: () => (/* binding */ isDiskFull),
/* harmony export */   go: () => (/* binding */ freeBytes)
/* harmony export */ });
/* unused harmony export LOW_SPACE_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Below this much free space on the cache's disk, a run keeps its scratch files and job outputs elsewhere (the
 * system temp directory): a job must not fail because the cache filled its disk. Only where outputs are written
 * changes (a save then copies instead of renaming), so the margin can be generous.
 */
const LOW_SPACE_BYTES = 512 * 1024 * 1024;
/** Bytes an unprivileged process may still write on the file system holding `path`; undefined when unknown. */
function freeBytes(path) {
    try {
        const s = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statfsSync)(path);
        return s.bavail * s.bsize;
    }
    catch {
        return undefined;
    }
}
/** Whether the disk holding `path` is known to be short of space (unknown counts as not short). */
function isLowOnSpace(path, threshold = LOW_SPACE_BYTES) {
    const free = freeBytes(path);
    return free !== undefined && free < threshold;
}
/** Whether an error says a disk or a quota is full. */
function isDiskFull(e) {
    const code = e?.code;
    return code === 'ENOSPC' || code === 'EDQUOT';
}


/***/ })

};

return { id, ids, modules };
})