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
// EXTERNAL MODULE: ./src/ids/inputs-as-read.ts
var inputs_as_read = __webpack_require__(9527);
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

// EXTERNAL MODULE: ./src/graph/input-spelling.ts
var input_spelling = __webpack_require__(1535);
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
    const readers = graph.jobs
        .filter((j) => j.inputs.some((i) => i === path || (0,input_spelling/* lexicalPath */.Q)(i) === path))
        .map((j) => j.name || j.label);
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
                    inputs: () => (0,inputs_as_read/* inputsAsRead */.K)(graph, sourceDir),
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


/***/ })

};

return { id, ids, modules };
})