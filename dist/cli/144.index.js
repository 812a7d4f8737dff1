(function (__disbuild_import_meta) {const id = 144;
const ids = [144];
const modules = {

/***/ 6144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runGraphCommand: () => (/* binding */ runGraphCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/cache/null-cache.ts
var null_cache = __webpack_require__(2142);
// EXTERNAL MODULE: ./src/coordinator/lazy-coordinator.ts
var lazy_coordinator = __webpack_require__(3413);
// EXTERNAL MODULE: ./src/engine.ts + 13 modules
var engine = __webpack_require__(2442);
// EXTERNAL MODULE: ./src/ids/file-digest.ts
var file_digest = __webpack_require__(679);
// EXTERNAL MODULE: ./src/graph/model.ts
var model = __webpack_require__(2573);
// EXTERNAL MODULE: ./src/report/console-reporter.ts
var console_reporter = __webpack_require__(3465);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/report/json-report.ts


/** Logs larger than this are cut in the report (and say so); the full text stays in the job's log. */
const REPORT_LOG_LIMIT = 1024 * 1024;
/** The report as data: pure, so tests and other reporters can use it without a file. */
function buildJsonReport(summary) {
    return {
        version: 1,
        counts: summary.counts,
        durationMs: summary.durationMs,
        jobs: summary.jobs.map((j) => {
            const job = {
                id: j.label,
                name: j.name,
                key: j.key,
                status: j.status,
                exitCode: j.exitCode,
                durationMs: j.durationMs,
                stdout: '',
                stderr: '',
            };
            job.stdout = j.stdout.subarray(0, REPORT_LOG_LIMIT).toString('utf8');
            if (j.stdout.length > REPORT_LOG_LIMIT)
                job.stdoutTruncated = true;
            job.stderr = j.stderr.subarray(0, REPORT_LOG_LIMIT).toString('utf8');
            if (j.stderr.length > REPORT_LOG_LIMIT)
                job.stderrTruncated = true;
            if (j.message !== undefined)
                job.message = j.message;
            return job;
        }),
    };
}
/**
 * Writes the report atomically, so a reader never sees half a file. In place: a run that needed no thread pool
 * does not start one for its last file (see removeDeadTemps).
 */
function writeJsonReport(path, summary) {
    writeReportFile(path, buildJsonReport(summary));
}
/** As writeJsonReport, of a report as data. */
function writeReportFile(path, report) {
    const tmp = `${path}.${process.pid}.tmp`;
    try {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify(report, null, 2) + '\n');
        (0,external_node_fs_.renameSync)(tmp, path);
    }
    catch (e) {
        // A full disk leaves no half-written file behind; the error that says why is the one reported.
        try {
            (0,external_node_fs_.rmSync)(tmp, { force: true });
        }
        catch {
            // Nothing more to do about it.
        }
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/cli/report-among-inputs.ts

/**
 * A warning when the `--report` file is an input of some job: it lies in the source directory, untracked and not
 * ignored, where a task reading every file (disbuild.json's default) takes it, and each run rewrites it (durations
 * change), so those jobs never stay cached. Undefined otherwise. `report` and `sourceDir` are absolute.
 */
function reportAmongInputs(graph, sourceDir, report) {
    const rel = (0,external_node_path_.relative)(sourceDir, report);
    if (rel === '' || rel === '..' || rel.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(rel))
        return undefined;
    const path = rel.split(external_node_path_.sep).join('/');
    const readers = graph.jobs.filter((j) => j.inputs.includes(path)).map((j) => j.name || j.label);
    if (readers.length === 0)
        return undefined;
    const named = `${readers.slice(0, 3).join(', ')}${readers.length > 3 ? ', ...' : ''}`;
    return `--report ${path} is an input of ${readers.length} job${readers.length === 1 ? '' : 's'} (${named}): each run rewrites it, so they never stay cached; write the report outside ${sourceDir}, or ignore it in .gitignore`;
}

// EXTERNAL MODULE: ./src/config/repo-files.ts
var repo_files = __webpack_require__(8682);
// EXTERNAL MODULE: ./src/cli/graph-input.ts
var graph_input = __webpack_require__(3311);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/run-env/base-environment.ts
var base_environment = __webpack_require__(7622);
// EXTERNAL MODULE: ./src/run-env/local-state.ts + 1 modules
var local_state = __webpack_require__(4648);
// EXTERNAL MODULE: ./src/explain/record-store.ts
var record_store = __webpack_require__(1806);
// EXTERNAL MODULE: ./src/explain/run-explainer.ts
var run_explainer = __webpack_require__(1395);
// EXTERNAL MODULE: ./src/util/printable.ts
var printable = __webpack_require__(1095);
// EXTERNAL MODULE: ./src/cli/fully-cached.ts
var fully_cached = __webpack_require__(5069);
// EXTERNAL MODULE: ./src/executor/out-dir-names.ts
var out_dir_names = __webpack_require__(3098);
// EXTERNAL MODULE: ./src/util/stat-if-any.ts
var stat_if_any = __webpack_require__(9293);
// EXTERNAL MODULE: ./src/cli/commands/run.ts
var run = __webpack_require__(7948);
;// CONCATENATED MODULE: ./src/cli/commands/run-graph.ts





















/** `disbuild run` through the engine: every run the record of a fully cached one does not answer (see run.ts). */
async function runGraphCommand(io, request) {
    const { values: v, sourceDir, record } = request;
    const kind = request.cacheKind;
    // The remote cache's code (HTTP, archives) is loaded only for a run that has one.
    const remoteKind = kind === 'http' || kind === 'turbo' ? kind : undefined;
    const remoteCache = remoteKind ? await Promise.all(/* import() */[__webpack_require__.e(442), __webpack_require__.e(511)]).then(__webpack_require__.bind(__webpack_require__, 1511)) : undefined;
    const remote = remoteCache && remoteKind
        ? remoteCache.parseRemoteSettings({ kind: remoteKind, url: v['cache-url'], team: v['cache-team'], mode: v['cache-mode'] }, { url: '--cache-url', mode: '--cache-mode' }, io.env, 'read-write')
        : undefined;
    if (remote && !remote.ok)
        return (0,run.usageError)(io, remote.error);
    // git stats the work tree on another core while the graph is read. The check that inputs exist then takes
    // git's word for unchanged tracked files instead of listing their directories.
    const workTreeListings = (0,file_digest/* startWorkTreeListings */.$)(sourceDir, {
        untracked: v.graph === undefined,
        runs: request.listings,
        startedAt: request.listingsStartedAt,
    });
    const knownFiles = () => (0,file_digest/* unchangedIndexedFiles */.IQ)(workTreeListings);
    // Through disbuild.json: the compile's file list comes from git calls started now, the keys' status among
    // them, and an unchanged repository and configuration reuse the graph compiled last time.
    const repoFiles = v.graph === undefined ? (0,repo_files/* startRepoFiles */.Sn)(sourceDir, workTreeListings) : undefined;
    const state = (0,local_state/* openLocalState */.p)(v['cache-dir'], io);
    // A fresh cache will build everything: the launcher boots while the graph is read and keyed, not after. It is
    // forked before the graph is read, whose reading and validating take this thread for as long as they last.
    // Not in front of a remote cache: there an empty local cache is a fresh clone whose builds CI has done, and a
    // launcher booted for nothing takes a core from the lookups and downloads.
    const launcher = v['dry-run'] || remote !== undefined ? undefined : (0,engine/* startLauncherAhead */.eO)(state.timings.empty);
    if (launcher)
        await launcher;
    const compiledFile = state.compiledGraphFile(sourceDir);
    const shortcuts = repoFiles && {
        files: repoFiles,
        cacheFile: compiledFile,
        validatedFile: state.validatedGraphFile(compiledFile),
    };
    // Taken before the graph is read: a record of this run must not vouch for a graph file changed since.
    const graphStat = record && { takenAtMs: Date.now(), stat: (0,stat_if_any/* statIfAny */.k)(record.identity.graphFile) };
    const input = await (0,graph_input/* loadGraphOrReport */.C)(v.graph, sourceDir, io, knownFiles, shortcuts, state.validatedGraphFile);
    if (!input) {
        (0,engine/* closeLauncher */.Br)(launcher);
        return cli_io/* EXIT */.d.usage;
    }
    const { graph } = input;
    const live = Boolean(io.stdout.isTTY) && !io.env.CI;
    const reporter = new console_reporter/* ConsoleReporter */.l({
        stream: io.stdout,
        live,
        logReplay: request.logReplay,
        streamOutput: !v.quiet,
    });
    // A run that warned is not recorded (see fully-cached.ts): the next one must warn again.
    let warned = false;
    const warn = (message) => {
        warned = true;
        reporter.onEvent({ type: 'warning', message });
    };
    // What the record's answer ran into (a damaged entry it found, say): the run then builds what the record had.
    for (const message of request.warnings)
        warn(message);
    // Most often a slip (`{}`, a misspelled "Jobs", a graph command that printed nothing useful), which would pass.
    if (graph.jobs.length === 0)
        warn(model/* NO_JOBS */.zE);
    const reportRead = v.report && reportAmongInputs(graph, (0,external_node_path_.resolve)(sourceDir), (0,external_node_path_.resolve)(io.cwd, v.report));
    if (reportRead)
        warn(reportRead);
    const salt = v.salt ?? input.salt ?? '';
    if (v.verbose)
        io.stderr.write(`disbuild: key salt ${JSON.stringify(salt)}\n`);
    const explainer = new run_explainer/* RunExplainer */.M(graph, salt, new record_store/* KeyRecordStore */.G(state.dir));
    const verbose = v.verbose ?? false;
    const local = kind === 'none' ? undefined : await state.openCache(warn);
    const cache = local === undefined
        ? new null_cache/* NullCache */.C()
        : remoteCache && remote?.ok
            ? remoteCache.withRemote(local, remote.value, state, warn, request.download === 'all' && !(v['dry-run'] ?? false))
            : local;
    // Its server's code is loaded with it, on the first miss.
    const coordinator = (0,lazy_coordinator/* openOnFirstClaim */.w)(async () => (await Promise.all(/* import() */[__webpack_require__.e(431), __webpack_require__.e(340)]).then(__webpack_require__.bind(__webpack_require__, 5431))).SharedCoordinator.open(state.dir, {
        onWarning: warn,
    }));
    // Cached jobs whose in-place outputs were found in place, nothing written: the artifact each was checked against.
    const inPlaceUnchanged = new Map();
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        const targets = [...(v.targets ?? []).flatMap((t) => t.split(',')), ...request.positionals].filter(Boolean);
        const result = await (0,engine/* runGraph */.C3)(graph, {
            sourceDir,
            salt,
            concurrency: request.jobs,
            failFast: v['fail-fast'] ?? false,
            jobTimeoutMs: request.timeoutSeconds * 1000,
            targets,
            download: request.download,
            ...(v['out-dir'] === undefined ? {} : { outDir: (0,external_node_path_.resolve)(io.cwd, v['out-dir']) }),
            logReplay: request.logReplay,
            // Shown only when replayed, kept only in a report.
            cachedLogs: request.logReplay === 'all' || v.report !== undefined,
            dryRun: v['dry-run'] ?? false,
            workDir: state.newRunDir(warn),
            outputRecordsFile: state.outputRecordsFile(sourceDir),
            keysMemoFile: state.keysMemoFile(sourceDir),
            baseEnv: (0,base_environment/* baseEnvironment */.P)(io.env),
            digests: 'working-tree',
            workTreeListings,
            signal: controller.signal,
        }, {
            cache,
            reporter: {
                onEvent: (e) => {
                    if (e.type === 'job-start' && verbose) {
                        io.stdout.write(`why ${(0,printable/* printable */.g$)(e.job.name)}: ${explainer.reason(e.job.name)}\n`);
                    }
                    if (e.type === 'job-end' && e.outcome.status === 'built')
                        explainer.recordBuilt(e.outcome.name);
                    if (e.type === 'warning')
                        warned = true;
                    reporter.onEvent(e);
                },
            },
            onKeyed: explainer.onKeyed,
            ...(record
                ? { onInPlaceUnchanged: (label, artifact) => inPlaceUnchanged.set(label, artifact) }
                : {}),
            timings: state.timings,
            untimedWillBuild: remote === undefined,
            coordinator,
            ...(launcher ? { launcher } : {}),
        });
        if (!result.ok) {
            for (const p of result.error)
                io.stderr.write(`disbuild: ${(0,model/* formatProblem */.Vw)(p)}\n`);
            return cli_io/* EXIT */.d.usage;
        }
        if (v.report !== undefined) {
            const path = (0,external_node_path_.resolve)(io.cwd, v.report);
            try {
                writeJsonReport(path, result.value);
            }
            catch (e) {
                io.stderr.write(`disbuild: cannot write the report to ${path}: ${e.message}\n`);
                return cli_io/* EXIT */.d.failed;
            }
        }
        if (controller.signal.aborted)
            return 130;
        if (v['dry-run'])
            return cli_io/* EXIT */.d.ok;
        const { cached, failed, skipped } = result.value.counts;
        if (record && graphStat?.stat && !warned && cached === result.value.jobs.length) {
            const alone = workTreeListings.fromListingsAlone;
            const placed = v['out-dir'] === undefined ? undefined : await placedTargets(graph, targets, result.value.jobs);
            const vouched = cache.vouchedHits?.(result.value.jobs.map((j) => j.key));
            const known = await knownFiles();
            const realDir = await workTreeListings.realDir;
            // SourceFiles that are no job's input are checked on disk when git does not vouch for them; outputs in place
            // only as inPlaceForRecord finds them, and disbuild.json's tasks only when the kept graph was reused by stat
            // data (which the record checks again).
            const withOutputs = result.value.jobs.filter((j) => (graph.byLabel.get(j.label).outputs?.length ?? 0) > 0);
            const inPlace = withOutputs.length === 0 || !realDir
                ? undefined
                : await (await __webpack_require__.e(/* import() */ 105).then(__webpack_require__.bind(__webpack_require__, 3105))).inPlaceForRecord({
                    records: state.outputRecordsFile(sourceDir),
                    realDir,
                    jobs: withOutputs,
                    unchanged: inPlaceUnchanged,
                    lookups: result.value.jobs.map((j) => j.key),
                    listings: workTreeListings,
                    // Made only when a write-back would be allowed otherwise: a graph's every input.
                    inputs: () => new Set(graph.jobs.flatMap((j) => j.inputs)),
                });
            if (alone &&
                vouched &&
                known &&
                realDir &&
                [...graph.sourceFiles.values()].every((p) => known.has(p)) &&
                (withOutputs.length === 0 || inPlace !== undefined) &&
                (input.vouch !== undefined) === record.identity.config &&
                (v['out-dir'] === undefined || placed !== undefined)) {
                await (0,fully_cached/* recordFullyCached */.QY)(record.file, record.identity, {
                    graphStat: { stat: graphStat.stat, takenAtMs: graphStat.takenAtMs },
                    runs: workTreeListings.runs,
                    attributePlaces: alone.attributePlaces,
                    realDir,
                    shards: vouched.shards,
                    memo: vouched.memo,
                    freshUntilMs: vouched.freshUntilMs,
                    jobs: cached,
                    ...(placed ? { outDir: placed } : {}),
                    ...(input.vouch ? { compile: input.vouch } : {}),
                    ...(inPlace ? { inPlace } : {}),
                });
            }
        }
        return failed + skipped > 0 || result.value.outDirFailures !== undefined ? cli_io/* EXIT */.d.failed : cli_io/* EXIT */.d.ok;
    }
    finally {
        // Closed by the run already; should the run have thrown before it took the launcher, closed here.
        (0,engine/* closeLauncher */.Br)(launcher);
        // Records are appended as jobs are built; the last ones, and a compaction when due, are written here.
        explainer.flush();
        await coordinator.close({ drain: !controller.signal.aborted });
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}
/**
 * What the run placed in its `--out-dir` (every job is a target without --targets), for its record; undefined when
 * two targets have one key (the engine restores it once, and copies it for the second).
 */
async function placedTargets(graph, targets, jobs) {
    const selection = targets.length === 0 ? undefined : (await __webpack_require__.e(/* import() */ 277).then(__webpack_require__.bind(__webpack_require__, 5277))).selectJobs(graph, targets);
    if (selection?.ok === false)
        return undefined;
    const roots = selection && new Set(selection.value.roots);
    const placed = jobs.filter((j) => roots?.has(j.label) ?? true);
    if (new Set(placed.map((j) => j.key)).size !== placed.length)
        return undefined;
    return {
        targets: placed.map((j) => [j.name, (0,out_dir_names/* outDirName */.t2)(graph, j.label), j.key]),
        otherKeys: jobs.filter((j) => roots !== undefined && !roots.has(j.label)).map((j) => j.key),
    };
}


/***/ }),

/***/ 8682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $c: () => (/* binding */ sortedByCodeUnits),
/* harmony export */   Sn: () => (/* binding */ startRepoFiles),
/* harmony export */   V_: () => (/* binding */ untrackedOf),
/* harmony export */   Yj: () => (/* binding */ fileRange),
/* harmony export */   c$: () => (/* binding */ listRepoFiles),
/* harmony export */   h8: () => (/* binding */ indexLinksOf),
/* harmony export */   iB: () => (/* binding */ listedByGitAlone),
/* harmony export */   jv: () => (/* binding */ hasFile),
/* harmony export */   mz: () => (/* binding */ filesUnder),
/* harmony export */   pj: () => (/* binding */ linksAsListed),
/* harmony export */   qd: () => (/* binding */ typeChangedOf),
/* harmony export */   yL: () => (/* binding */ withoutDirectories)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _ids_git_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8750);
/* harmony import */ var _ids_names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7259);
/* harmony import */ var _ids_canonical_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7536);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8251);
/* harmony import */ var _ids_submodule_checkout_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4313);







/** The paths of each listing that git does not track (see untrackedOf). */
const untrackedPaths = new WeakMap();
/** The paths of each listing whose type git's status says changed (see typeChangedOf). */
const typeChangedPaths = new WeakMap();
/** The paths of each listing that the index holds as symbolic links (see indexLinksOf). */
const indexLinkPaths = new WeakMap();
/**
 * Of a listing made by startRepoFiles, the tracked paths whose type changed in the work tree or the index (`T`: a
 * file replaced by a link, say); undefined when not known. The list of paths is the same, yet a link to a
 * directory is no input.
 */
function typeChangedOf(files) {
    return typeChangedPaths.get(files);
}
/**
 * Listings made by startRepoFiles from the run's git calls alone: no path's presence was asked of the disk (no
 * conflicted, deleted or skip-worktree entry), and no submodule is in the index or checked out (each is listed by
 * a git call of its own, and whether it is checked out is the disk's to say). Such a listing is the same whenever
 * those calls answer the same (see listedByGitAlone).
 */
const byGitAlone = new WeakSet();
/** Whether `files` was made from the run's git calls alone (see byGitAlone). */
function listedByGitAlone(files) {
    return byGitAlone.has(files);
}
/** Of a listing made by startRepoFiles, the paths the index holds as symbolic links; undefined when not known. */
function indexLinksOf(files) {
    return indexLinkPaths.get(files);
}
/**
 * Of a listing made by listRepoFiles or startRepoFiles, the paths git does not track; undefined outside git,
 * where any file may be. Only those can be outputs (see select-inputs.ts): a tracked file is a source.
 */
function untrackedOf(files) {
    return untrackedPaths.get(files);
}
function withUntracked(files, untracked) {
    untrackedPaths.set(files, untracked);
    return files;
}
/**
 * The files a task's `inputs` globs choose from, relative to `dir`, sorted by UTF-16 code units: inside a git
 * work tree, what git tracks and what it would track (untracked, not ignored), less tracked files deleted from
 * the work tree and skip-worktree entries absent from it (a sparse checkout's), and the same of each submodule
 * checked out (see withSubmoduleFiles); outside git, every file under `dir` but `.git` and `node_modules`.
 */
async function listRepoFiles(dir, env) {
    // One call: `-t` tags each path (`H` tracked, `?` untracked, `R` deleted, `S` skip-worktree), so deleted files
    // can be left out.
    // It fails outside a work tree (no repository, a bare one, inside `.git`, no git): then every file is walked.
    const listed = await (0,_ids_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(dir, [
        ..._ids_names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMES_AS_ON_DISK */ .S,
        'ls-files',
        '-z',
        '-t',
        '--cached',
        '--deleted',
        '--others',
        '--exclude-standard',
        '--',
        '.',
    ], env ? { env } : {});
    if (listed.ok)
        return withSubmoduleFiles(dir, parseListing(dir, listed.value));
    const out = [];
    walk(dir, '', out);
    return out.sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_4__/* .compareCodeUnits */ .U);
}
/**
 * The paths of a tagged listing (`ls-files -z -t`), less the deleted ones, sorted. Most listings tag every path
 * `H` (tracked) or `?` (untracked), and then name each path once: they are taken as they come, without the sets
 * (whose hashing of ten thousand new strings is most of the parse) that deleted, conflicted and skip-worktree
 * entries need.
 */
function parseListing(dir, listing) {
    const paths = [];
    const untracked = new Set();
    for (let start = 0; start < listing.length;) {
        let end = listing.indexOf('\0', start);
        if (end < 0)
            end = listing.length;
        if (end - start >= 3) {
            const tag = listing.charCodeAt(start);
            if (tag !== TAG_TRACKED && tag !== TAG_UNTRACKED)
                return parseTaggedListing(dir, listing);
            const path = listing.slice(start + 2, end);
            // A name that is not UTF-8, left out as the run's own listings leave it out (see git-output.ts).
            if (!path.includes('\uFFFD')) {
                paths.push(path);
                if (tag === TAG_UNTRACKED)
                    untracked.add(path);
            }
        }
        start = end + 1;
    }
    return withUntracked(sortedByCodeUnits(paths), untracked);
}
const TAG_TRACKED = 'H'.charCodeAt(0);
const TAG_UNTRACKED = '?'.charCodeAt(0);
/** parseListing for any tags: a deleted file is listed twice (`H`, then `R`), a conflicted one once per stage. */
function parseTaggedListing(dir, listing) {
    const gone = new Set();
    const seen = new Set();
    const untracked = new Set();
    for (const entry of listing.split('\0')) {
        if (entry.length < 3 || entry.includes('\uFFFD'))
            continue;
        const path = entry.slice(2);
        // Skip-worktree (`S`): git never looks at its file, which a sparse checkout leaves out: the disk says.
        if (entry[0] === 'R' || (entry[0] === 'S' && !inWorkTree((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, path))))
            gone.add(path);
        else
            seen.add(path);
        if (entry[0] === '?')
            untracked.add(path);
    }
    const files = [];
    for (const p of seen)
        if (!gone.has(p))
            files.push(p);
    return withUntracked(files.sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_4__/* .compareCodeUnits */ .U), untracked);
}
/** Sorts in place; git lists in order already (untracked paths first, then the index), so this is mostly a check. */
function sortedByCodeUnits(paths) {
    for (let i = 1; i < paths.length; i++) {
        if (!(paths[i - 1] < paths[i]))
            return paths.sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_4__/* .compareCodeUnits */ .U);
    }
    return paths;
}
/**
 * The same list as listRepoFiles, from the git calls a run starts for its keys anyway, so that all of git's work
 * overlaps Node's start-up instead of following it: the index's paths from the keys' `ls-files` (when the
 * listings were started with `untracked`; else one more call, `ls-files --cached`, which reads no file), deleted
 * files from the keys' `git status`, and untracked, not ignored files from the same status (else one more call
 * for those). Undefined outside a work tree or when git fails: the caller then asks listRepoFiles.
 */
function startRepoFiles(sourceDir, listings) {
    const cached = listings.indexPaths
        ? undefined
        : (0,_ids_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(sourceDir, ['ls-files', '-z', '-t', '--cached', '--', '.']).then((r) => {
            if (!r.ok)
                return r;
            // `-t` tags each path: `S` skip-worktree, `H` and the rest otherwise.
            const paths = [];
            const skipWorktree = [];
            for (const entry of r.value.split('\0')) {
                if (entry.length < 3)
                    continue;
                paths.push(entry.slice(2));
                if (entry[0] === 'S')
                    skipWorktree.push(entry.slice(2));
            }
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_6__.ok)({ paths, skipWorktree });
        });
    const others = listings.untracked
        ? undefined
        : (0,_ids_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(sourceDir, [
            ..._ids_names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMES_AS_ON_DISK */ .S,
            'ls-files',
            '-z',
            '--others',
            '--exclude-standard',
            '--',
            '.',
        ]);
    return (async () => {
        const [prefix, index, status, fromStatus, untracked] = await Promise.all([
            listings.prefix,
            listings.indexPaths ?? cached,
            listings.status,
            listings.untracked,
            others,
        ]);
        if (prefix === undefined || !index.ok || !status.ok)
            return undefined;
        const seen = new Set();
        if (fromStatus?.ok) {
            // Relative to the repository root, like every path of `git status`.
            for (const p of fromStatus.value)
                if (p.startsWith(prefix))
                    seen.add(p.slice(prefix.length));
        }
        else if (untracked?.ok) {
            for (const p of untracked.value.split('\0'))
                if (p !== '')
                    seen.add(p);
        }
        else
            return undefined;
        // Until the index's paths join them.
        const notTracked = new Set(seen);
        const gone = new Set();
        const typeChanged = new Set();
        let askedTheDisk = false;
        // `git status --porcelain=v1 -z --no-renames` records (the tracked files' changes), paths relative to the
        // repository root.
        for (const f of status.value.split('\0')) {
            if (f.length <= 3 || !f.startsWith(prefix, 3))
                continue;
            const path = f.slice(3 + prefix.length);
            if (f[0] === 'T' || f[1] === 'T')
                typeChanged.add(path);
            // A conflict (`UU`, `AA`, `DD`, `UD`, ...) does not say whether the work tree has the file, not even `UD`
            // (deleted by them: our file stays): the disk does, as for `ls-files --deleted`.
            // Nor does `D` alone: git says so of a file beyond a link too (a tracked directory replaced by one), which
            // `ls-files --deleted` keeps, as the file is there through it; then the graph's checks refuse the link. A
            // run must see what `disbuild graph` and `ids` see, not a package gone in silence.
            if (UNMERGED.has(f.slice(0, 2)) || f[1] === 'D') {
                askedTheDisk = true;
                if (!inWorkTree(`${sourceDir}/${path}`))
                    gone.add(path);
            }
        }
        // Relative to the source directory; a conflicted path may come once per stage, hence the set.
        for (const p of index.value.skipWorktree)
            if (!inWorkTree(`${sourceDir}/${p}`))
                gone.add(p);
        if (index.value.skipWorktree.length > 0)
            askedTheDisk = true;
        for (const p of index.value.paths)
            if (!gone.has(p))
                seen.add(p);
        const listed = withUntracked([...seen].sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_4__/* .compareCodeUnits */ .U), notTracked);
        const files = await withSubmoduleFiles(sourceDir, listed);
        typeChangedPaths.set(files, typeChanged);
        const gitlinks = index.value.gitlinks;
        if (!askedTheDisk && files === listed && gitlinks?.length === 0)
            byGitAlone.add(files);
        // Known from the run's own listing of the index (with modes), not from the fallback's.
        const links = index.value.symlinks;
        if (links)
            indexLinkPaths.set(files, links);
        return files;
    })();
}
/**
 * `files` (a listing of `dir` made by git) with the files of each submodule checked out under `dir` (see
 * checkedOutSubmodules), listed as listRepoFiles lists `dir`, nested ones too: a build reads them as it reads the
 * repository's own, so they are inputs like any other. What a submodule tracks is a source here too; what it
 * would track is untracked. One whose git fails (a broken `.git`) has every file of its walk taken as a source:
 * more inputs than git would say, and none of them ever an output, rather than files a key silently leaves out.
 */
async function withSubmoduleFiles(dir, files) {
    const untracked = untrackedOf(files);
    if (untracked === undefined)
        return files;
    const submodules = (0,_ids_submodule_checkout_js__WEBPACK_IMPORTED_MODULE_5__/* .checkedOutSubmodules */ .Fc)(dir, (p) => hasFile(files, p));
    if (submodules.length === 0)
        return files;
    const all = [...files];
    const notTracked = new Set(untracked);
    // A few at a time: a repository of a hundred submodules must not open a hundred git processes at once.
    for (let i = 0; i < submodules.length; i += SUBMODULE_LISTINGS) {
        const batch = submodules.slice(i, i + SUBMODULE_LISTINGS);
        const listings = await Promise.all(batch.map((p) => listRepoFiles((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, p), (0,_ids_submodule_checkout_js__WEBPACK_IMPORTED_MODULE_5__/* .submoduleEnv */ .OQ)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, p)))));
        batch.forEach((p, k) => {
            const inner = listings[k];
            const innerUntracked = untrackedOf(inner);
            for (const f of inner) {
                all.push(`${p}/${f}`);
                if (innerUntracked?.has(f))
                    notTracked.add(`${p}/${f}`);
            }
        });
    }
    return withUntracked(all.sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_4__/* .compareCodeUnits */ .U), notTracked);
}
/** How many submodules are listed at once. */
const SUBMODULE_LISTINGS = 4;
/**
 * `files` less the directories git lists like files: a submodule (a gitlink), which a glob such as the default
 * `**` must not choose (its files are listed in it), and a link to a directory git does not track, which is more
 * often where a build writes (`dist -> /elsewhere`) than a source. A link to a directory git tracks stays: it is
 * an input by where it leads (see input-state.ts), or a command reading through it would read another directory
 * under the same key. `untracked`: what git does not track (undefined outside git: then nothing is tracked). With
 * the symbolic links among `files`, each with whether it leads to a directory: a link retargeted from a directory
 * to a file, or back, may change what the compile chooses though the listing does not change.
 */
function withoutDirectories(root, files, untracked) {
    const links = [];
    const out = files.filter((f) => {
        const path = `${root}/${f}`;
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path, { throwIfNoEntry: false });
        if (st === undefined || !st.isSymbolicLink())
            return st?.isDirectory() !== true;
        const toDirectory = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path, { throwIfNoEntry: false })?.isDirectory() === true;
        links.push([f, toDirectory]);
        return !toDirectory || (untracked !== undefined && !untracked.has(f));
    });
    return { files: out.length === files.length ? files : out, links };
}
/**
 * Whether the links among `files` are those of `links` (see withoutDirectories), each still leading, or not, to a
 * directory. Which files are links is asked of the index where it is known (`indexLinks`, see indexLinksOf) and
 * of the disk for the untracked ones (few): a file that became a link since lists as before.
 */
function linksAsListed(root, links, indexLinks, untracked) {
    const recorded = new Set(links.map(([f]) => f));
    // An index link the disk does not have as one (left out by a sparse checkout, deleted, replaced by a file)
    // changes the listing or its type changes, which the file list's digest holds: only one now on disk counts.
    if (indexLinks?.some((f) => !recorded.has(f) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(`${root}/${f}`, { throwIfNoEntry: false })?.isSymbolicLink() === true))
        return false;
    for (const f of untracked ?? [])
        if (((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(`${root}/${f}`, { throwIfNoEntry: false })?.isSymbolicLink() === true) !== recorded.has(f))
            return false;
    return links.every(([f, toDirectory]) => {
        const path = `${root}/${f}`;
        return ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path, { throwIfNoEntry: false })?.isSymbolicLink() === true &&
            ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path, { throwIfNoEntry: false })?.isDirectory() === true) === toDirectory);
    });
}
/** Whether the work tree has something at `path`: not when lstat fails (ENOENT, or ENOTDIR under a file). */
function inWorkTree(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path, { throwIfNoEntry: false }) !== undefined;
    }
    catch {
        return false;
    }
}
/** The status codes of a path with a conflict (git-status(1), "Short Format"). */
const UNMERGED = new Set(['DD', 'AU', 'UD', 'UA', 'DU', 'AA', 'UU']);
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
/**
 * The half-open range of `files` (sorted) that lie under directory `dir` ('' is everything), searched for within
 * `[lo, hi)` when that range is known to hold them (the range of a directory above).
 */
function filesUnder(files, dir, lo = 0, hi = files.length) {
    if (dir === '')
        return [lo, hi];
    const prefix = `${dir}/`;
    // '/' + 1 is '0': every path with the prefix sorts before `${dir}0`.
    const start = lowerBound(files, prefix, lo, hi);
    return [start, gallop(files, `${dir}0`, start, hi)];
}
/**
 * lowerBound for a bound expected near `lo` (a directory's end, a few files past its start): steps of 1, 2, 4, …
 * first, so that a small directory costs a few comparisons rather than a search of the whole list.
 */
function gallop(files, s, lo, hi) {
    let step = 1;
    while (lo + step < hi && files[lo + step] < s) {
        lo += step;
        step *= 2;
    }
    return lowerBound(files, s, lo, Math.min(lo + step, hi));
}
/** Whether `files` (sorted) has `path`. */
function hasFile(files, path) {
    return files[lowerBound(files, path, 0, files.length)] === path;
}
/**
 * The half-open range of `files` (sorted) that is `path`, searched for within `[lo, hi)`: empty where it would be
 * when there is no such file.
 */
function fileRange(files, path, lo = 0, hi = files.length) {
    const at = lowerBound(files, path, lo, hi);
    return [at, at < hi && files[at] === path ? at + 1 : at];
}
function lowerBound(files, s, lo, hi) {
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (files[mid] < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}


/***/ })

};

return { id, ids, modules };
})