(function (__disbuild_import_meta) {const id = 310;
const ids = [310];
const modules = {

/***/ 2142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ NullCache)
/* harmony export */ });
/** `--cache none`: every lookup misses, every save is declined. */
class NullCache {
    lookup() {
        return Promise.resolve(new Map());
    }
    save() {
        return Promise.resolve({ saved: false, reason: 'disabled' });
    }
    close() {
        return Promise.resolve();
    }
}


/***/ }),

/***/ 6526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ soloCoordinator)
/* harmony export */ });
/** No coordinator: every claim builds and finishing does nothing (one process, its own memoization). */
const soloCoordinator = {
    env: {},
    claim: () => Promise.resolve({ kind: 'build', finish: () => Promise.resolve() }),
};


/***/ }),

/***/ 3413:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ openOnFirstClaim)
/* harmony export */ });
/**
 * A coordinator joined (or started) on the first claim. Only a miss claims, so a run whose every job hits never
 * touches the coordinator: no socket, no server, no store to clear, nothing to wait for at exit. Every miss still
 * goes through it.
 */
function openOnFirstClaim(open) {
    let opening;
    let opened;
    const get = () => (opening ??= open().then((c) => (opened = c)));
    return {
        // Jobs read it after their claim, by which time the coordinator is open.
        get env() {
            return opened?.env ?? {};
        },
        claim: async (key) => (await get()).claim(key),
        close: async (opts) => {
            if (opening)
                await (await opening).close(opts);
        },
    };
}


/***/ }),

/***/ 2442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Br: () => (/* binding */ closeLauncher),
  C3: () => (/* binding */ runGraph),
  jC: () => (/* reexport */ out_dir_names/* safeName */.jC),
  eO: () => (/* binding */ startLauncherAhead)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/cache/tree-copy.ts
var tree_copy = __webpack_require__(3076);
// EXTERNAL MODULE: ./src/ids/job-key.ts + 3 modules
var job_key = __webpack_require__(371);
// EXTERNAL MODULE: ./src/util/printable.ts
var printable = __webpack_require__(1095);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
;// CONCATENATED MODULE: ./src/util/deferred.ts
/** A promise whose settlement is decided elsewhere. */
class Deferred {
    promise;
    #resolve;
    #reject;
    #settled = false;
    constructor() {
        this.promise = new Promise((resolve, reject) => {
            this.#resolve = resolve;
            this.#reject = reject;
        });
    }
    get settled() {
        return this.#settled;
    }
    resolve(value) {
        if (this.#settled)
            return;
        this.#settled = true;
        this.#resolve(value);
    }
    reject(reason) {
        if (this.#settled)
            return;
        this.#settled = true;
        this.#reject(reason);
    }
}

;// CONCATENATED MODULE: ./src/executor/command-queue.ts

/**
 * Starts a command once one of `slots` is free and nothing of higher priority waits, and frees the slot the
 * moment the command exits, before anyone is told: the next command starts at once instead of after the news of
 * this exit has travelled to the engine and a new request back (two process wake-ups, about 0.7 ms a command
 * on a virtual machine). `onStarted` is called as the command starts. `kill` on a command still waiting removes
 * it: it ends as not started.
 *
 * Used where commands are started: in the launcher process, and in the engine when it starts them itself.
 */
function queueCommand(slots, priority, start, onStarted) {
    let launched;
    const exited = new Deferred();
    void slots.run(priority, async (release) => {
        if (exited.settled)
            return;
        try {
            launched = start();
        }
        catch (e) {
            // Refused before any process existed (an argument Node rejects): an end like a failed start.
            onStarted(undefined);
            release();
            exited.resolve({ code: null, signal: null, error: e.message });
            return;
        }
        onStarted(launched.pid);
        const r = await launched.exited;
        release();
        exited.resolve(r);
    });
    return {
        exited: exited.promise,
        kill: () => {
            if (launched)
                launched.kill();
            else
                exited.resolve({ code: null, signal: null, notStarted: true });
        },
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/executor/log-capture.ts



/** Past this size, a job's stdout (or stderr) goes to a file instead of memory. */
const SPILL_BYTES = 16 * 1024 * 1024;
/** What is kept in memory of a spilled log, at each end: what reports show (the head) and tails show. */
const KEPT_BYTES = 1024 * 1024;
/**
 * Collects one stream of a job's output. Up to `limit` bytes it keeps chunks in memory; past that it writes
 * them to a file in `spillDir` and keeps only the head and the tail, so a job that prints gigabytes costs a
 * file, not memory for the rest of the run. Should the file fail (a full disk), it keeps everything in memory.
 */
class LogCapture {
    #spillDir;
    #limit;
    #chunks = [];
    #size = 0;
    #fd;
    #file;
    #head = Buffer.alloc(0);
    #tail = [];
    #tailSize = 0;
    constructor(spillDir, limit = SPILL_BYTES) {
        this.#spillDir = spillDir;
        this.#limit = limit;
    }
    push(chunk) {
        this.#size += chunk.length;
        if (this.#fd === undefined) {
            this.#chunks.push(chunk);
            if (this.#size > this.#limit && this.#spillDir !== undefined)
                this.#spill(this.#spillDir);
            return;
        }
        try {
            writeAll(this.#fd, chunk);
        }
        catch {
            this.#unspill();
            this.#chunks.push(chunk);
            return;
        }
        this.#keepTail(chunk);
    }
    #spill(dir) {
        const whole = Buffer.concat(this.#chunks);
        try {
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
            this.#file = (0,external_node_path_.join)(dir, `log-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
            this.#fd = (0,external_node_fs_.openSync)(this.#file, 'w', 0o600);
            writeAll(this.#fd, whole);
        }
        catch {
            this.#unspill();
            this.#chunks = [whole];
            return;
        }
        this.#head = Buffer.from(whole.subarray(0, KEPT_BYTES));
        this.#chunks = [];
        this.#keepTail(whole);
    }
    /** Back to memory only (the file could not be written): the file is no longer the whole log. */
    #unspill() {
        if (this.#fd !== undefined)
            (0,external_node_fs_.closeSync)(this.#fd);
        this.#fd = undefined;
        this.#file = undefined;
    }
    #keepTail(chunk) {
        this.#tail.push(chunk.length > KEPT_BYTES ? Buffer.from(chunk.subarray(-KEPT_BYTES)) : chunk);
        this.#tailSize += this.#tail.at(-1).length;
        while (this.#tailSize - this.#tail[0].length >= KEPT_BYTES)
            this.#tailSize -= this.#tail.shift().length;
    }
    /** The captured log; call once, when the job's commands are done. */
    finish() {
        if (this.#fd === undefined || this.#file === undefined) {
            return { bytes: Buffer.concat(this.#chunks), size: this.#size };
        }
        (0,external_node_fs_.closeSync)(this.#fd);
        this.#fd = undefined;
        const tail = Buffer.concat(this.#tail);
        const keep = Math.min(KEPT_BYTES, this.#size - this.#head.length);
        const kept = tail.subarray(tail.length - keep);
        const left = this.#size - this.#head.length - kept.length;
        const note = Buffer.from(`\n[… ${left} bytes left out here (${this.#size} in all) …]\n`);
        return { bytes: Buffer.concat([this.#head, note, kept]), file: this.#file, size: this.#size };
    }
}
function writeAll(fd, bytes) {
    for (let off = 0; off < bytes.length;)
        off += (0,external_node_fs_.writeSync)(fd, bytes, off);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/executor/group-watchdog.ts

/**
 * Kills the process groups of the commands this process starts itself, should it die while they run (SIGKILL,
 * the OOM killer): the launcher does this for the commands it starts (launcher-process.ts), and a run that starts
 * a few commands itself instead of booting one keeps the same promise, that no job outlives its run.
 *
 * A `/bin/sh` in a process group of its own (a kill of this process's whole group leaves it alive) reads the
 * groups' IDs from a pipe: `+ID` from each command as it starts (see ANNOUNCE), `-ID` from here once it has ended
 * and its group was killed. When the pipe closes (this process gone, however it died, and every command's copy
 * closed), the shell kills every group still listed, and exits. A group is listed only while its command runs, so
 * an ID the system has since given to another process is never killed.
 */
const SCRIPT = [
    "live=' '",
    'while read -r line; do',
    '  case $line in',
    '    +*) live="$live${line#+} " ;;',
    '    -*) id=${line#-}; case $live in *" $id "*) live="${live%% $id *} ${live#* $id }" ;; esac ;;',
    '  esac',
    'done',
    'for id in $live; do kill -s KILL -- "-$id" 2>/dev/null; done',
].join('\n');
/**
 * How a watched command starts: a `/bin/sh` that writes its own process ID (its group's, which it leads) to the
 * watchdog on descriptor 3, closes that, and becomes the command. The command announces itself rather than this
 * process after the fork: a death of this process in between would leave it unlisted, whereas the watchdog sees
 * the pipe's end only once the new process has written and closed its copy. SIGPIPE is ignored for the write (a
 * watchdog gone is no reason not to run the command) and restored for the command. A command that cannot be
 * started is then the shell's message and exit status 127.
 */
const ANNOUNCE = `trap '' PIPE; { echo "+$$" >&3; } 2>/dev/null; exec 3>&-; trap - PIPE; exec "$@"`;
/** The watchdog of this process while it runs; another is started should it die (killed by somebody). */
let running;
/** Commands started under a watchdog of this process that have not ended yet. */
let watching = 0;
/** Set once no shell could be started at all: the commands then run unwatched. */
let cannotStart = false;
/** This process's watchdog, started on the first call (and again should it have died); null when none can be. */
function groupWatchdog() {
    if (running?.alive)
        return running;
    if (cannotStart)
        return null;
    try {
        const child = (0,external_node_child_process_.spawn)('/bin/sh', ['-c', SCRIPT], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
        if (child.pid === undefined) {
            child.on('error', () => undefined);
            cannotStart = true;
            return null;
        }
        const pipe = child.stdin;
        let alive = true;
        const gone = () => {
            alive = false;
        };
        child.on('error', gone);
        child.on('exit', gone);
        // A write to a watchdog that died fails with EPIPE: the commands it listed then run unwatched.
        pipe.on('error', gone);
        // Idle, neither keeps this process alive; its exit is what the shell waits for.
        child.unref();
        pipe.unref();
        running = {
            // A pipe already closed cannot be handed to a command (spawn refuses it): a dead watchdog is replaced.
            get alive() {
                return alive && !pipe.destroyed;
            },
            wrap: (argv) => ['/bin/sh', '-c', ANNOUNCE, 'disbuild-job', ...argv],
            fd3: pipe,
            watch: (pgid, ended) => {
                watching++;
                void ended.then(() => {
                    watching--;
                    if (alive && !pipe.destroyed)
                        pipe.write(`-${pgid}\n`);
                });
            },
        };
        return running;
    }
    catch {
        cannotStart = true;
        return null;
    }
}
/**
 * Lets the watchdog go once the commands it watches have all ended: a run calls this when it will start no more, so
 * that the shell exits while the run finishes its own work rather than after the run's exit (a few milliseconds of
 * every run that built something). A later command starts a new one.
 */
function releaseGroupWatchdog() {
    if (running === undefined || watching > 0)
        return;
    const { fd3 } = running;
    running = undefined;
    // End of file for the shell: what it was told before reaches it first.
    fd3.end();
}

// EXTERNAL MODULE: ./src/executor/process-group.ts
var process_group = __webpack_require__(2838);
;// CONCATENATED MODULE: ./src/executor/run-command.ts








/** When the job started, and its deadline; set by whichever command starts first. */
class JobClock {
    timeoutMs;
    onStarted;
    startedAt;
    deadline = Infinity;
    constructor(timeoutMs, onStarted) {
        this.timeoutMs = timeoutMs;
        this.onStarted = onStarted;
    }
    start() {
        if (this.startedAt !== undefined)
            return;
        this.startedAt = performance.now();
        if (this.timeoutMs > 0)
            this.deadline = Date.now() + this.timeoutMs;
        this.onStarted?.();
    }
}
/** Runs a job's commands in order, stopping at the first failure. Output is captured in full. */
async function runCommands(cmds, opts) {
    const out = new LogCapture(opts.spillDir);
    const err = new LogCapture(opts.spillDir);
    const onOutput = (stream, chunk) => {
        (stream === 'stdout' ? out : err).push(chunk);
        opts.onOutput(stream, chunk);
    };
    const clock = new JobClock(opts.timeoutMs, opts.onStarted);
    // A job without commands starts and ends at once.
    if (cmds.length === 0)
        clock.start();
    let result = { exitCode: 0, signal: null, timedOut: false, interrupted: false };
    for (const cmd of cmds) {
        if (opts.signal?.aborted) {
            result = { exitCode: null, signal: null, timedOut: false, interrupted: true };
            break;
        }
        if (cmd.kind === 'exec')
            result = await runExec(cmd, opts, clock, onOutput);
        else {
            clock.start();
            const error = await runCat(cmd);
            result = {
                exitCode: error === undefined ? 0 : 1,
                signal: null,
                timedOut: false,
                interrupted: false,
                ...(error === undefined ? {} : { error }),
            };
        }
        if (result.exitCode !== 0)
            break;
    }
    // Not started: the run was interrupted before the first command had a slot. A command that could not be
    // started at all (the launcher gone, say) is a failure, not this.
    if (clock.startedAt === undefined && result.interrupted)
        result = { ...result, notStarted: true };
    const stdout = out.finish();
    const stderr = err.finish();
    return {
        ...result,
        ...(clock.startedAt === undefined ? {} : { startedAt: clock.startedAt }),
        stdout: stdout.bytes,
        stderr: stderr.bytes,
        ...(stdout.file === undefined ? {} : { stdoutFile: stdout.file }),
        ...(stderr.file === undefined ? {} : { stderrFile: stderr.file }),
    };
}
async function runCat(cmd) {
    try {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(cmd.path), { recursive: true });
        await (0,promises_.writeFile)(cmd.path, cmd.content);
        return undefined;
    }
    catch (e) {
        return `cannot write ${(0,printable/* quoted */.TL)(cmd.path)}: ${e.message}`;
    }
}
function runExec(cmd, opts, clock, onOutput) {
    const env = { ...opts.env };
    for (const entry of cmd.environ) {
        const eq = entry.indexOf('=');
        env[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
    const started = {
        argv: cmd.argv,
        cwd: cmd.cwd,
        env,
        ...(opts.captureDir === undefined ? {} : { captureDir: opts.captureDir }),
    };
    let timedOut = false;
    let interrupted = false;
    let timer;
    // The time-out runs from the job's start, not from when its commands were queued.
    let running = false;
    const onStarted = () => {
        running = true;
        clock.start();
        if (clock.deadline === Infinity)
            return;
        timer = setTimeout(() => {
            timedOut = true;
            proc.kill();
        }, Math.max(0, clock.deadline - Date.now()));
    };
    const proc = opts.launcher?.alive
        ? opts.launcher.run({ ...started, priority: opts.priority, slots: opts.slots.size }, onOutput, onStarted)
        : queueCommand(opts.slots, opts.priority, () => startWatched(started, onOutput), onStarted);
    // Every job hears the abort in one turn. Commands still waiting for a slot are withdrawn first, the running
    // ones killed after: a killed command frees its slot, and a waiting one the launcher had not yet been told to
    // drop would start in it.
    const onAbort = () => {
        interrupted = true;
        if (running)
            queueMicrotask(() => proc.kill());
        else
            proc.kill();
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    return proc.exited.then((r) => {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        return {
            exitCode: r.error !== undefined ? 127 : r.code,
            signal: r.signal,
            timedOut,
            interrupted,
            ...(r.error === undefined ? {} : { error: notStarted(cmd, r.error) }),
        };
    });
}
/** Why a command did not start: spawn says ENOENT alike for a missing program and a missing directory. */
function notStarted(cmd, error) {
    const missingDir = error.includes('ENOENT') && !(0,external_node_fs_.statSync)(cmd.cwd, { throwIfNoEntry: false })?.isDirectory();
    return `cannot run ${(0,printable/* quoted */.TL)(cmd.argv[0] ?? '')}: ${missingDir ? `its working directory ${(0,printable/* quoted */.TL)(cmd.cwd)} does not exist` : error}`;
}
/**
 * Starts a command from this process, watched while it runs (group-watchdog.ts); unwatched only when the watchdog
 * cannot be started (no `/bin/sh`).
 */
function startWatched(cmd, onOutput) {
    const watchdog = groupWatchdog();
    if (!watchdog)
        return (0,process_group/* startInGroup */.l)(cmd, onOutput);
    const launched = (0,process_group/* startInGroup */.l)({ ...cmd, argv: watchdog.wrap(cmd.argv) }, onOutput, watchdog.fd3);
    if (launched.pid !== undefined)
        watchdog.watch(launched.pid, launched.exited);
    return launched;
}

// EXTERNAL MODULE: ./src/graph/template.ts
var template = __webpack_require__(6244);
;// CONCATENATED MODULE: ./src/executor/render-commands.ts


/** Whether `path` lies strictly inside `dir`. */
function isInside(dir, path) {
    const rel = (0,external_node_path_.relative)(dir, path);
    return rel !== '' && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel);
}
/** Substitutes every template variable of a job's commands. */
function renderCommands(job, dirs) {
    const vars = {
        outputDir: dirs.outputDir,
        sourceDir: dirs.sourceDir,
        depDir: (label) => dirs.depDirs.get(label),
    };
    const r = (t) => (0,template/* renderTemplate */.Xm)(t, vars);
    return job.cmds.map((cmd) => {
        if (cmd.kind === 'cat') {
            const path = r(cmd.catOutput);
            return {
                kind: 'cat',
                content: r(cmd.catTemplate),
                path: (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(dirs.sourceDir, path),
            };
        }
        const wd = r(cmd.workingDirectory);
        return {
            kind: 'exec',
            argv: cmd.exec.map(r),
            environ: cmd.environ.map(r),
            cwd: wd === '' ? dirs.sourceDir : (0,external_node_path_.isAbsolute)(wd) ? wd : (0,external_node_path_.join)(dirs.sourceDir, wd),
        };
    });
}

// EXTERNAL MODULE: ./src/util/remove-tree.ts
var remove_tree = __webpack_require__(8043);
// EXTERNAL MODULE: ./src/util/background.ts
var background = __webpack_require__(3694);
;// CONCATENATED MODULE: ./src/executor/temp-dirs.ts




/**
 * The per-job temp directories of one run. Every job gets an empty directory of its own; most jobs leave it
 * empty, and such a directory is handed to the next job instead of being removed and another created: on
 * common disks each of those is a fraction of a millisecond of kernel time, paid on the thread that starts jobs.
 */
class TempDirs {
    #root;
    #free = [];
    #made = 0;
    constructor(root) {
        this.#root = root;
    }
    /** An empty directory that no other job holds. */
    take() {
        const reused = this.#free.pop();
        if (reused !== undefined)
            return reused;
        const dir = (0,external_node_path_.join)(this.#root, String(this.#made++));
        // Writable by this user only whatever the umask: a job writes files there and reads them back.
        (0,external_node_fs_.mkdirSync)(dir, 0o755);
        return dir;
    }
    /** Gives a job's directory back: kept for the next job when the job left it empty, removed otherwise. */
    give(dir) {
        let names;
        try {
            names = (0,external_node_fs_.readdirSync)(dir);
        }
        catch {
            return;
        }
        if (names.length === 0)
            this.#free.push(dir);
        // Read-only directories in it (Go's module cache) are made writable first.
        else
            (0,background/* inBackground */.k)((0,remove_tree/* removeTree */.dM)(dir));
    }
}

// EXTERNAL MODULE: ./src/util/unreachable.ts
var unreachable = __webpack_require__(3914);
// EXTERNAL MODULE: ./src/executor/in-place.ts
var in_place = __webpack_require__(1732);
// EXTERNAL MODULE: ./src/executor/in-place-restore.ts
var in_place_restore = __webpack_require__(8939);
// EXTERNAL MODULE: ./src/util/unescape-glob.ts
var unescape_glob = __webpack_require__(669);
;// CONCATENATED MODULE: ./src/executor/later-owners.ts

/**
 * Whether a file in the checkout that a job's output globs match, but its artifact lacks, is the output of a job
 * that depends on it (directly or not): that job runs later and writes last, so the file is its own, and the
 * earlier job must neither take it for a stale output of its own (remove it when it puts its artifact back) nor
 * count it against its outputs being in place. Before, a fully cached run of `build` (`dist/**`) and `bundle`
 * (`dist/bundle.js`, depending on `build`) removed `dist/bundle.js` for `bundle` to put back, every time, and a
 * run of `build` alone removed it.
 *
 * Only that judgement: what a job captures stays its own globs' (so its artifact, and its key, depend on nothing
 * but its own definition).
 *
 * Asked only about such extra files, which a run rarely finds: the jobs' output directories and their order are
 * indexed on the first question (one pass over the graph, no glob compiled), a job's matcher is compiled only when
 * its directory holds the file. Whether one job depends on another is answered first from the later job's own
 * dependencies (a bundle or a types task writing into the package it depends on); else by a walk that goes no lower
 * than the earlier job's place in a topological order, remembered for the next question about the same earlier
 * job (one glob over every package: one earlier job, many later ones). A job asked or walked through again and
 * again (a later job reaching many earlier ones only through others; the top of a chain that many later jobs
 * depend on) gets the set of every job it depends on, which answers for it from then on; the sets, and the walks'
 * memos, stay within a bound.
 */
class LaterOwners {
    #graph;
    #globsOf;
    #index;
    #reaches = new Map();
    #direct = new Map();
    /**
     * How often a job was asked about, or walked through, for a job it does not depend on directly; and, past
     * WALKS, every job it depends on.
     */
    #walks = new Map();
    #dependencies = new Map();
    #held = 0;
    /** The answers the walks' memos hold, in all. */
    #remembered = 0;
    /** `globsOf`: a job's own compiled output globs (undefined for a job without outputs). */
    constructor(graph, globsOf) {
        this.#graph = graph;
        this.#globsOf = globsOf;
    }
    /** Whether `path` is the output of a job that depends on `earlier`. */
    owns(earlier, path) {
        const { order } = (this.#index ??= this.#build());
        const floor = order.get(earlier);
        if (floor === undefined)
            return false;
        return this.claimants(path, (later) => {
            return (later !== earlier &&
                order.get(later) > floor &&
                this.#globsOf(later)?.matches(path) === true &&
                this.#dependsOn(later, earlier));
        });
    }
    /**
     * Whether `test` holds for one of the jobs that have an output directory at or above `path` (the only ones
     * whose globs can match it): '', each directory on its way, the path itself.
     */
    claimants(path, test) {
        const { bases } = (this.#index ??= this.#build());
        const claimed = (base) => (bases.get(base) ?? []).some(test);
        if (claimed(''))
            return true;
        for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1))
            if (claimed(path.slice(0, i)))
                return true;
        return claimed(path);
    }
    #build() {
        const bases = new Map();
        for (const job of this.#graph.jobs) {
            for (const p of job.outputs ?? []) {
                if (p.startsWith('!'))
                    continue;
                const base = (0,unescape_glob/* globBase */.EI)(p);
                const same = bases.get(base);
                if (same === undefined)
                    bases.set(base, [job.label]);
                else if (same[same.length - 1] !== job.label)
                    same.push(job.label);
            }
        }
        return { bases, order: topologicalOrder(this.#graph) };
    }
    /** Whether `later` depends on `earlier`, directly or not. */
    dependsOn(later, earlier) {
        this.#index ??= this.#build();
        return this.#dependsOn(later, earlier);
    }
    #dependsOn(later, earlier) {
        let direct = this.#direct.get(later);
        if (direct === undefined) {
            direct = new Set(this.#graph.byLabel.get(later)?.deps);
            this.#direct.set(later, direct);
        }
        if (direct.has(earlier))
            return true;
        return this.#dependencySet(later)?.has(earlier) ?? this.#reachesFrom(earlier)(later);
    }
    /**
     * The set of every job `label` depends on, once walks have passed through it more than WALKS times (and the
     * sets held stay within HELD labels); undefined before.
     */
    #dependencySet(label) {
        const known = this.#dependencies.get(label);
        if (known !== undefined)
            return known;
        const walks = (this.#walks.get(label) ?? 0) + 1;
        this.#walks.set(label, walks);
        if (walks <= WALKS || this.#held >= HELD)
            return undefined;
        const dependencies = this.#dependenciesOf(label);
        this.#dependencies.set(label, dependencies);
        this.#held += dependencies.size;
        return dependencies;
    }
    /** Every job `label` depends on, directly or not. */
    #dependenciesOf(label) {
        const seen = new Set();
        const stack = [label];
        while (stack.length > 0) {
            for (const dep of this.#graph.byLabel.get(stack.pop())?.deps ?? []) {
                if (seen.has(dep))
                    continue;
                seen.add(dep);
                stack.push(dep);
            }
        }
        return seen;
    }
    /** Whether a job depends on `target`, directly or not; answers kept for the next question about `target`. */
    #reachesFrom(target) {
        let reaches = this.#reaches.get(target);
        if (reaches)
            return reaches;
        const order = this.#index.order;
        const floor = order.get(target);
        const memo = new Map([[target, true]]);
        reaches = (start) => {
            if (memo.has(start))
                return memo.get(start);
            const before = memo.size;
            // Iterative: a long chain of dependencies must not exhaust the stack. A path down to `target` passes only
            // jobs placed after it, so the walk goes no lower.
            const stack = [[start, 0]];
            while (stack.length > 0) {
                const top = stack[stack.length - 1];
                const [label, next] = top;
                const deps = this.#graph.byLabel.get(label)?.deps ?? [];
                if (memo.get(label) !== true && next < deps.length) {
                    top[1]++;
                    const dep = deps[next];
                    if ((order.get(dep) ?? -1) < floor)
                        continue;
                    let known = memo.get(dep);
                    if (known === undefined) {
                        // A job many walks pass through (one that every later job depends on) answers from its set.
                        known = this.#dependencySet(dep)?.has(target);
                        if (known !== undefined)
                            memo.set(dep, known);
                    }
                    if (known === true)
                        memo.set(label, true);
                    else if (known === undefined)
                        stack.push([dep, 0]);
                    continue;
                }
                if (!memo.has(label))
                    memo.set(label, false);
                stack.pop();
                // A dependency that reaches the target makes its dependent reach it too.
                if (memo.get(label) === true && stack.length > 0)
                    memo.set(stack[stack.length - 1][0], true);
            }
            const answer = memo.get(start);
            // The answers kept for every target stay within a bound: past it, they are forgotten and walked again.
            this.#remembered += memo.size - before;
            if (this.#remembered > HELD) {
                this.#reaches.clear();
                this.#remembered = 0;
            }
            return answer;
        };
        this.#reaches.set(target, reaches);
        return reaches;
    }
}
/** Walks for one later job before it gets the set of its dependencies, and the labels such sets may hold in all. */
const WALKS = 8;
const HELD = 1_000_000;
/** Each job's place in an order where dependencies come first (a valid graph has no cycle). */
function topologicalOrder(graph) {
    const order = new Map();
    const open = new Set();
    for (const root of graph.jobs) {
        if (order.has(root.label))
            continue;
        const stack = [[root.label, 0]];
        open.add(root.label);
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            const [label, next] = top;
            const deps = graph.byLabel.get(label)?.deps ?? [];
            if (next < deps.length) {
                top[1]++;
                const dep = deps[next];
                if (order.has(dep) || open.has(dep) || !graph.byLabel.has(dep))
                    continue;
                open.add(dep);
                stack.push([dep, 0]);
            }
            else {
                open.delete(label);
                order.set(label, order.size);
                stack.pop();
            }
        }
    }
    return order;
}

// EXTERNAL MODULE: ./src/executor/output-stat-records.ts
var output_stat_records = __webpack_require__(72);
// EXTERNAL MODULE: ./src/executor/worker-pool.ts
var worker_pool = __webpack_require__(1082);
// EXTERNAL MODULE: ./src/ids/submodule-checkout.ts
var submodule_checkout = __webpack_require__(4313);
// EXTERNAL MODULE: ./src/ids/inputs-as-read.ts
var inputs_as_read = __webpack_require__(9527);
;// CONCATENATED MODULE: ./src/executor/in-place-outputs.ts










/** How far the file system's clock may lag the wall clock (one tick of the kernel's coarse clock, with room). */
const FS_CLOCK_SLACK_MS = 50;
/**
 * The in-place outputs of one run's jobs (`Outputs` in the graph), by job label. Jobs without `Outputs` cost
 * nothing here: every method returns at once for them.
 *
 * Deals with: which globs a job has, which jobs below a job have any, and never touching an input file.
 * Does not deal with: file operations (in-place.ts) or when they happen (execution.ts).
 */
class InPlaceOutputs {
    #graph;
    #sourceDir;
    #globs = new Map();
    #below = new Map();
    /**
     * The in-place files each job put in the checkout in this run (built, restored or found there already): a
     * manifest's until a job that runs asks (most never are asked).
     */
    #held = new Map();
    /**
     * The files a job's clear left as other jobs' (`#otherOwner`): as they were then (see `writtenAs`), and whether
     * another job held them (else the globs of one not settled matched them, and whose they are is not known).
     */
    #spared = new Map();
    /** When each job's stale outputs were cleared, before its command (see captureOutputs). */
    #clearedAt = new Map();
    /**
     * The files a job built in this run captured without its command writing them, spared by its clear only because
     * the globs of a job not settled matched them (see `capture`): whose they are is not known.
     */
    #keptOnly = new Map();
    /** Files a capture left out because a job not settled names them (see `capture`): that job's clear spares them. */
    #leftToNamer = new Set();
    /** The jobs between their clear and their capture now, and those waiting for their turn (see `exclusive`). */
    #writing = new Set();
    #queued = [];
    #inputs;
    /** The index as it was when `#inputs` was taken (see #indexStamp). */
    #stamp = '';
    #commandRan = false;
    #indexFile;
    /** Whether any job has in-place outputs: most graphs have none, and then nothing here costs anything. */
    #any;
    /** Whether restored output directories are scratch nobody reads after placing (see `placeOutputs`). */
    #move;
    #compile;
    #tracked;
    #inRun;
    #records;
    #onUnchanged;
    /** Whose outputs a file the checkout holds beyond a job's artifact is (see later-owners.ts). */
    #owners;
    /** Jobs writing in-place outputs from the cache at once (see restoreInPlace). */
    #writers = new worker_pool/* WorkerPool */.T(8);
    /**
     * `compile` (output-globs.ts) is needed only when some job has `Outputs`: most runs never load it.
     * `recordsFile`: where the stat data of in-place output files is remembered between runs (none: every check
     * reads the files).
     */
    constructor(graph, sourceDir, opts = {}) {
        this.#graph = graph;
        this.#sourceDir = sourceDir;
        this.#move = opts.moveFromRestores ?? false;
        this.#compile = opts.compile;
        this.#tracked = () => opts.tracked?.() ?? trackedFiles(sourceDir);
        this.#indexFile = opts.indexFile;
        this.#records = new output_stat_records/* OutputStatRecords */.aG(opts.recordsFile);
        this.#onUnchanged = opts.onUnchanged;
        this.#owners = new LaterOwners(graph, (label) => this.#of(label));
        const inRun = opts.inRun;
        // A set only once asked: most runs never are (see #otherOwner).
        let set;
        this.#inRun = inRun === undefined ? () => true : (label) => (set ??= new Set(inRun)).has(label);
        this.#any = graph.jobs.some((j) => j.outputs !== undefined && j.outputs.length > 0);
    }
    #of(label) {
        if (!this.#globs.has(label)) {
            const outputs = this.#graph.byLabel.get(label)?.outputs;
            if (outputs && outputs.length > 0 && !this.#compile)
                throw new Error('output globs without a compiler');
            this.#globs.set(label, outputs && outputs.length > 0 ? this.#compile(outputs) : undefined);
        }
        return this.#globs.get(label);
    }
    /**
     * No file any job reads, and no file git tracks, is ever removed as a stale output or captured as one, whatever
     * the globs say (a broad glob such as `**\/*.js` must not take sources with it). Asked only when one matches.
     */
    #protect = (path) => {
        if (this.#commandRan) {
            // A command may have added files to the index (`git add`), as may the user meanwhile: the index says.
            this.#commandRan = false;
            const stamp = this.#indexStamp();
            if (stamp !== this.#stamp)
                this.#inputs = undefined;
        }
        if (!this.#inputs) {
            this.#stamp = this.#indexStamp();
            this.#inputs = (0,inputs_as_read/* inputsAsRead */.K)(this.#graph, this.#sourceDir);
            for (const p of this.#tracked())
                this.#inputs.add(p);
        }
        return this.#inputs.has(path);
    };
    /** The index file as last seen (inode, size, modification time); '' when there is none to see. */
    #indexStamp() {
        if (this.#indexFile === undefined)
            return '';
        const st = (0,external_node_fs_.statSync)(this.#indexFile, { throwIfNoEntry: false, bigint: true });
        return st === undefined ? '' : `${st.ino}:${st.size}:${st.mtimeNs}`;
    }
    /** Called when a command of the run has ended: the files git tracks are asked again if the index changed. */
    commandEnded() {
        this.#commandRan = true;
    }
    /**
     * What putting a job's artifact back leaves alone beside its files: what `#protect` keeps, the outputs of jobs
     * that depend on it (see later-owners.ts), and what other jobs of this run put in the checkout (`#otherOwner`).
     */
    #keepOnRestore(label) {
        return (path) => this.#protect(path) || this.#othersOwn(label, path);
    }
    /** A file the checkout holds beyond a job's artifact that is not the job's to remove or count. */
    #othersOwn(label, path) {
        return this.#owners.owns(label, path) || this.#otherOwner(label, path) !== undefined;
    }
    /**
     * Whether `path` is another job's: 'held' when a job other than `label` put it in the checkout in this run
     * (built, restored or found in place); 'unsettled' when only the globs match it of a job of this run not settled
     * yet (queued or running) that does not depend on `label` (one that does writes later: its stale files are
     * stale). Sibling tasks whose globs overlap (`bundle`: `dist/bundle.js`, `types`: `dist/*.js`, both after
     * `build`) otherwise removed each other's files.
     */
    #otherOwner(label, path) {
        if (!this.#any)
            return undefined;
        let owner;
        this.#owners.claimants(path, (other) => {
            if (other === label)
                return false;
            const held = this.#heldBy(other);
            if (held !== undefined) {
                if (held.has(path))
                    owner = 'held';
                return owner === 'held';
            }
            // One not in this run will not settle in it: the file is left to its globs only for a job that will.
            if (this.#inRun(other) &&
                this.#of(other)?.matches(path) === true &&
                !this.#owners.dependsOn(other, label))
                owner ??= 'unsettled';
            return false;
        });
        return owner;
    }
    /** Whether a job of this run not settled yet, that does not depend on `label`, names `path` in its globs. */
    #namedByUnsettled(label, path) {
        return this.#owners.claimants(path, (other) => other !== label &&
            this.#heldBy(other) === undefined &&
            this.#inRun(other) &&
            this.#of(other)?.names(path) === true &&
            !this.#owners.dependsOn(other, label));
    }
    #heldBy(label) {
        let held = this.#held.get(label);
        if (typeof held === 'function') {
            held = held();
            this.#held.set(label, held);
        }
        return held;
    }
    /** The jobs with in-place outputs among all that `label` depends on, directly or not. */
    transitiveWithOutputs(label) {
        if (!this.#any)
            return [];
        let below = this.#below.get(label);
        if (below)
            return below;
        const seen = new Set();
        const stack = [...(this.#graph.byLabel.get(label)?.deps ?? [])];
        while (stack.length > 0) {
            const l = stack.pop();
            if (seen.has(l))
                continue;
            seen.add(l);
            stack.push(...(this.#graph.byLabel.get(l)?.deps ?? []));
        }
        below = [...seen].filter((l) => this.#of(l) !== undefined);
        this.#below.set(label, below);
        return below;
    }
    /**
     * Waits until no other job whose globs may match the same files is between its clear and its capture, and
     * answers the call that ends this job's turn (once captured, or failed). What a job's command wrote is told
     * from what changed between the two; a sibling writing under the same globs meanwhile made its file look like
     * this job's. `bundle` (`dist/bundle.js`) wrote its file at once and ended later, `types` (`dist/*.js`) ended
     * first and took the file; `bundle`, finding it held, left it out of its own artifact, and a later run where
     * `types` alone built removed it as a stale output. Which files two jobs may share is told by their globs'
     * bases (one within the other); jobs of different directories, nearly all, never wait for each other.
     * First come, first served: a job waits behind an earlier one it may share files with, so none waits forever.
     */
    async exclusive(label) {
        if (!this.#of(label))
            return () => undefined;
        if (this.#mustWait(label, this.#queued))
            await new Promise((go) => this.#queued.push({ label, go }));
        this.#writing.add(label);
        let done = false;
        return () => {
            if (done)
                return;
            done = true;
            this.#writing.delete(label);
            this.#admit();
        };
    }
    /** Lets in every queued job that shares files with no job writing now nor with one queued before it. */
    #admit() {
        const still = [];
        for (const q of this.#queued) {
            if (this.#mustWait(q.label, still))
                still.push(q);
            else {
                this.#writing.add(q.label);
                q.go();
            }
        }
        this.#queued.splice(0, this.#queued.length, ...still);
    }
    /** Whether `label` may share files with a job writing now, or with one of `before` (queued ahead of it). */
    #mustWait(label, before) {
        const bases = this.#of(label).bases;
        const shares = (other) => basesMeet(bases, this.#of(other).bases);
        for (const w of this.#writing)
            if (shares(w))
                return true;
        return before.some((q) => shares(q.label));
    }
    /**
     * Before a job runs: its stale in-place outputs are removed, so that only what it writes is captured. Not a file
     * another job put in the checkout in this run: a job it depends on put it there for this one to read (`build`
     * writes `dist/index.js`, `types` reads it and writes `dist/*.d.ts` under `dist/*`); before, such a job removed
     * the very file it was to read, and failed. Nor one the globs of a job of this run not settled yet match, that does not
     * depend on this one. A stale file is removed when every other job whose globs match it settled in this run
     * without it.
     */
    clear(label) {
        const globs = this.#of(label);
        if (!globs)
            return;
        const spared = new Map();
        (0,in_place/* clearOutputs */._Y)(this.#sourceDir, globs, new Set(), (path) => {
            if (this.#protect(path))
                return true;
            // Left to this job by a sibling's capture: whose it is, this job's command tells (it writes it, or keeps it).
            // Removed, it was lost when the sibling had written it and this job's globs name a file it does not write.
            if (this.#leftToNamer.has(path) && globs.names(path)) {
                spared.set(path, { as: writtenAs((0,external_node_path_.join)(this.#sourceDir, path)), held: false });
                return true;
            }
            const owner = this.#otherOwner(label, path);
            if (owner === undefined)
                return false;
            spared.set(path, { as: writtenAs((0,external_node_path_.join)(this.#sourceDir, path)), held: owner === 'held' });
            return true;
        });
        if (spared.size > 0)
            this.#spared.set(label, spared);
        // On the file system's clock, which stamps a change with the time of its last tick (a few milliseconds behind
        // the wall clock): a directory the command made a moment after the clear could read as older than it.
        this.#clearedAt.set(label, Date.now() - FS_CLOCK_SLACK_MS);
    }
    /**
     * After a job succeeded: its in-place outputs join its output directory. Not a file another job holds that its
     * command did not write since the clear (a dependency's file; a sibling's, built, restored or found in place,
     * even while this one ran): an artifact holding it would put it back over the owner's newer one. Where the
     * holder is a job it does not depend on, not even a file this command wrote, unless the holder only kept it (see
     * below). A file spared only because the globs of a job not settled match it, and that the command left as it
     * was, is taken: it may be this job's own output that its command kept (`cmp -s new old || cp new old`), and
     * leaving it out would leave the artifact without it. Answers how many files the globs matched, taken or not,
     * or why it failed.
     */
    capture(label, outputDir) {
        const globs = this.#of(label);
        if (!globs)
            return undefined;
        const spared = this.#spared.get(label);
        this.#spared.delete(label);
        const since = this.#clearedAt.get(label);
        this.#clearedAt.delete(label);
        const below = this.transitiveWithOutputs(label);
        const keptOnly = new Set();
        const notOwn = (path) => {
            if (this.#protect(path))
                return true;
            const was = spared?.get(path);
            const unchanged = was !== undefined && was.as === writtenAs((0,external_node_path_.join)(this.#sourceDir, path));
            if (unchanged && was.held)
                return true;
            const heldByOther = this.#owners.claimants(path, (other) => other !== label &&
                !below.includes(other) &&
                this.#heldBy(other)?.has(path) === true &&
                (unchanged || this.#keptOnly.get(other)?.has(path) !== true));
            if (heldByOther)
                return true;
            // A file a job not settled names outright, no wildcard, is that job's, which comes to it after this one (or
            // once it is restored). Left as it was, nothing else here says whose it is. Written since the clear, it may
            // be that job's too: waiting for this one's turn, it may have been built meanwhile by another process on the
            // same cache (a `disbuild run bundle` inside this job's command), whose writes this one cannot tell apart.
            if (this.#namedByUnsettled(label, path)) {
                this.#leftToNamer.add(path);
                return true;
            }
            if (unchanged)
                keptOnly.add(path);
            return false;
        };
        try {
            // Every file the globs match is asked about once: those left out (sources, other jobs') count as matched.
            let leftOut = 0;
            // A directory the command made counts as matched too: one it left empty is cached (see captureOutputs).
            const dirs = [];
            const captured = (0,in_place/* captureOutputs */.hk)(this.#sourceDir, globs, outputDir, (p) => notOwn(p) && ++leftOut > 0, since, dirs, this.#protect);
            this.#held.set(label, new Set(captured.files));
            if (keptOnly.size > 0)
                this.#keptOnly.set(label, keptOnly);
            // Held all the same (other jobs' captures leave those files alone), but not all the outputs: not cached.
            if (captured.through !== undefined)
                return { through: captured.through };
            return { matched: captured.files.length + leftOut + dirs.length };
        }
        catch (e) {
            return { error: e.message };
        }
    }
    /** Whether a cached job's in-place outputs are in the checkout already, as its manifest says. */
    upToDate(label, entries) {
        const globs = this.#of(label);
        if (!globs || entries === undefined)
            return false;
        try {
            const inPlace = (0,in_place_restore/* outputsInPlace */.VM)(this.#sourceDir, globs, entries, this.#records, (p) => this.#othersOwn(label, p));
            if (inPlace)
                this.#held.set(label, () => (0,in_place_restore/* inPlacePaths */.pl)(entries));
            return inPlace;
        }
        catch {
            return false;
        }
    }
    /** Whether the job has in-place outputs (`Outputs` in the graph). */
    has(label) {
        return (this.#graph.byLabel.get(label)?.outputs?.length ?? 0) > 0;
    }
    /**
     * A cached job's in-place outputs by what an earlier run's check against the same stored artifact (named
     * `artifact` by the cache) found (see verdictNow), without reading the artifact's manifest: true when they are in
     * the checkout as then, or when every output directory was gone and the files that check found are now written
     * back from the cache's stored files (each checked as it is written). False when that cannot be told, or a write
     * failed; restoreFromStore then checks in full.
     */
    async fromVerdict(label, artifact, stored) {
        if (!this.#move || !this.has(label))
            return false;
        const verdict = this.#records.verdict(label, artifact);
        if (verdict === undefined)
            return false;
        try {
            const now = (0,output_stat_records/* verdictNow */.QC)(this.#sourceDir, verdict, this.#records);
            if (now === 'changed')
                return false;
            const outputs = (0,output_stat_records/* verdictOutputs */.Ix)(verdict);
            this.#held.set(label, () => new Set(outputs.map((f) => f[0])));
            if (now === 'in-place') {
                this.#onUnchanged?.(label, artifact);
                return true;
            }
            // As a full check would: a file git tracks, or that a job reads, is never written over.
            const files = (0,in_place_restore/* verdictPlacement */.Xl)(this.#sourceDir, outputs.filter(([rel]) => !this.#protect(rel)), stored.storedFile);
            return (await (0,in_place_restore/* placeStored */.hN)(files, stored.place, this.#writers)).ok;
        }
        catch {
            return false;
        }
    }
    /**
     * A cached job's in-place outputs, straight from the cache's stored files into the checkout (only what
     * differs is written): true when the checkout now holds them. False when this cannot be done here (an
     * artifact with more than in-place files, a stored file not matching its manifest, a write that failed):
     * then the caller restores the artifact through the cache, which verifies it whole and says what is wrong.
     * Only when restored output directories are scratch (`moveFromRestores`): nothing else needs the artifact.
     * `named`: the cache's name for the artifact, by which what this check finds is remembered (fromVerdict).
     */
    async restoreFromStore(label, artifact, named) {
        const globs = this.#of(label);
        if (!globs || !this.#move)
            return false;
        // Held from the start: a sibling capturing while this restore is under way must not take its files. Only
        // those its globs match: an artifact holding another's file (refused: the job is rebuilt) claims none of it.
        this.#held.set(label, () => new Set([...(0,in_place_restore/* inPlacePaths */.pl)(artifact.entries)].filter(globs.matches)));
        try {
            const r = await (0,in_place_restore/* restoreInPlace */.Ni)(this.#sourceDir, globs, named === undefined ? artifact : { ...artifact, remember: { job: label, artifact: named } }, this.#records, this.#keepOnRestore(label), this.#protect, this.#writers);
            if (r.kind === 'unchanged' && named !== undefined)
                this.#onUnchanged?.(label, named);
            return r.kind !== 'not-here';
        }
        catch {
            return false;
        }
    }
    /** Keeps what this run learnt of output files' stat data for the next run. */
    flush() {
        this.#records.flush();
    }
    /**
     * After a job's artifact was restored to `dir`: its in-place outputs go back where they were written. With
     * `restored`, `dir` is a fresh restore that this run may take files from (when the options allow it).
     * Undefined once placed; else why not, and whether the artifact itself is at fault (`stray`: it holds more
     * than the job's outputs), which the cache should then drop.
     */
    place(label, dir, restored = false) {
        const globs = this.#of(label);
        if (!globs)
            return undefined;
        try {
            const placed = (0,in_place/* placeOutputs */.WR)(dir, this.#sourceDir, globs, this.#keepOnRestore(label), this.#protect, restored && this.#move);
            if (!placed.ok)
                return placed.error;
            this.#held.set(label, new Set(placed.value));
            return undefined;
        }
        catch (e) {
            return { message: `in-place outputs: ${e.message}` };
        }
    }
}
/** Whether a directory of one list is, or holds, or lies within, one of the other's ('' is the checkout's root). */
function basesMeet(a, b) {
    const within = (path, dir) => dir === '' || path === dir || (path.startsWith(dir) && path[dir.length] === '/');
    return a.some((x) => b.some((y) => within(x, y) || within(y, x)));
}
/**
 * A file as written: its inode, size, and modification and change times to the nanosecond; a command that writes
 * it, even the same bytes, changes them. Empty when it is not there.
 */
function writtenAs(path) {
    const st = (0,external_node_fs_.lstatSync)(path, { bigint: true, throwIfNoEntry: false });
    return st === undefined ? '' : `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}
/**
 * The files git tracks under `dir`, relative to it, and those each submodule checked out there tracks (see
 * checkedOutSubmodules), nested ones too; none outside a work tree. A submodule whose git fails (a broken `.git`)
 * has every file in it taken as tracked: a source, never taken or removed as an output.
 */
function trackedFiles(dir, env) {
    let files;
    try {
        const out = (0,external_node_child_process_.execFileSync)('git', ['ls-files', '-z', '--', '.'], {
            cwd: dir,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            maxBuffer: 1 << 30,
            ...(env ? { env } : {}),
        });
        files = out.split('\0').filter(Boolean);
    }
    catch {
        return env === undefined ? [] : everyFile(dir);
    }
    const listed = new Set(files);
    for (const submodule of (0,submodule_checkout/* checkedOutSubmodules */.Fc)(dir, (p) => listed.has(p))) {
        const inside = (0,external_node_path_.join)(dir, submodule);
        for (const f of trackedFiles(inside, (0,submodule_checkout/* submoduleEnv */.OQ)(inside)))
            files.push(`${submodule}/${f}`);
    }
    return files;
}
/** Every file and link under `dir` but its `.git`, relative to it. */
function everyFile(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir, { recursive: true, encoding: 'utf8' })
            .map((p) => p.split(external_node_path_.sep).join('/'))
            .filter((p) => p !== '.git' && !p.startsWith('.git/') && !(0,external_node_fs_.lstatSync)((0,external_node_path_.join)(dir, p)).isDirectory());
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/util/seal-tree.ts


/**
 * Makes a finished output tree read-only (directories r-x, files lose their write bits), so that a dependent
 * that tries to write into its dependency's outputs (Python's `__pycache__`, a lock file) gets EACCES instead of
 * changing what the cache holds. Root ignores modes: for it, restores copy only what the manifest lists, so such
 * writes are never mistaken for damage either. Symlinks are left alone (chmod would follow them).
 * Synchronous, as the manifest's walk is: a few metadata calls per file, cheaper in line than as thread-pool
 * round trips. Never throws: a tree that cannot be sealed is only less protected.
 */
function sealTree(dir) {
    try {
        setModes(dir, (mode, isDir) => (isDir ? 0o555 : mode & ~0o222 & 0o7777));
    }
    catch {
        // Gone, or not ours.
    }
}
/** The opposite, for copies handed to the user (`--out-dir`): the owner may write everything. */
function unsealTree(dir) {
    try {
        setModes(dir, (mode, isDir) => (isDir ? 0o755 : (mode & 0o7777) | 0o200));
    }
    catch {
        // As above.
    }
}
function setModes(path, next) {
    const st = (0,external_node_fs_.lstatSync)(path);
    if (st.isSymbolicLink())
        return;
    const isDir = st.isDirectory();
    let current = st.mode & 0o7777;
    if (isDir) {
        // A directory is opened (made readable) before its children are visited and sealed after them.
        if ((current & 0o700) !== 0o700)
            (0,external_node_fs_.chmodSync)(path, (current |= 0o700));
        for (const name of (0,external_node_fs_.readdirSync)(path))
            setModes((0,external_node_path_.join)(path, name), next);
    }
    const mode = next(st.mode, isDir);
    if (mode !== current)
        (0,external_node_fs_.chmodSync)(path, mode);
}

// EXTERNAL MODULE: ./src/util/real-path.ts
var real_path = __webpack_require__(3516);
// EXTERNAL MODULE: ./src/util/free-space.ts
var free_space = __webpack_require__(6947);
;// CONCATENATED MODULE: ./src/executor/restore-watchers.ts
/**
 * For each cache hit whose output a dependent may yet ask for, the dependents that may ask.
 *
 * A hit nobody needs the bytes of is reported `cached` at once. But a hit that some job restores (a dependent
 * that must build, an `--out-dir` target) may fail verification and be rebuilt, and then it is `built`: its
 * outcome must wait for the dependents that could cause that. A job may cause it when it misses, when its bytes
 * are wanted, or when it is itself such a hit (its own restore may fail and rebuild it). Empty — and free — for a
 * run where everything is cached and nothing is downloaded.
 */
function restoreWatchers(graph, selected, isHit, wantBytes) {
    const active = new Set(selected.filter((l) => !isHit(l) || wantBytes.has(l)));
    const watchers = new Map();
    if (active.size === 0)
        return watchers;
    const inSelection = new Set(selected);
    const queue = [...active];
    for (let i = 0; i < queue.length; i++) {
        const label = queue[i];
        for (const dep of graph.byLabel.get(label).deps) {
            if (!inSelection.has(dep) || !isHit(dep))
                continue;
            const list = watchers.get(dep);
            if (list)
                list.push(label);
            else
                watchers.set(dep, [label]);
            if (!active.has(dep)) {
                active.add(dep);
                queue.push(dep);
            }
        }
    }
    // A hit whose bytes are wanted is restored for its own sake: nothing to wait for.
    for (const l of wantBytes)
        watchers.delete(l);
    return watchers;
}

;// CONCATENATED MODULE: ./src/executor/execution.ts















/**
 * One run's memoized walk of the graph: each key is built or restored at most once, whichever job asks first.
 *
 * Deals with: ordering by dependencies, minimal download (a hit is restored only when asked for its bytes),
 * falling back to a build when a restore fails verification, keep-going / fail-fast, saving successes.
 * Does not deal with: keys, lookups or reporting formats — those are decided before and after.
 */
class Execution {
    #p;
    #ready = new Map();
    #saves = [];
    /** Whether each key built here made it into the cache (resolves when its save ends). */
    #inCache = new Map();
    #stopScheduling = false;
    #tempDirs;
    #outDirs;
    #inPlace;
    /** Hits whose outcome waits for the dependents that may restore (and so perhaps rebuild) them. */
    #watchers;
    #outcomes = new Map();
    /** Restored output directories that no command has read yet, left writable until one does. */
    #unsealed = new Set();
    /** Keys whose hit this run could not restore: not looked up again before they are built (see #lateHit). */
    #unrestorable = new Set();
    constructor(parts) {
        this.#p = parts;
        // Restored output directories are this run's scratch; only --out-dir and --download all read them whole.
        // From the source directory's real path, as git sees it: from a link to it, the walk of a glob's base at its
        // top (`*.js`) would meet the link itself, and find nothing under it.
        this.#inPlace = new InPlaceOutputs(parts.graph, (0,real_path/* realPathOr */.r)(parts.options.sourceDir), {
            moveFromRestores: parts.options.outDir === undefined && parts.options.download !== 'all',
            ...(parts.outputGlobs ? { compile: parts.outputGlobs } : {}),
            ...(parts.options.outputRecordsFile ? { recordsFile: parts.options.outputRecordsFile } : {}),
            ...(parts.selected ? { inRun: parts.selected } : {}),
            ...(parts.tracked ? { tracked: parts.tracked } : {}),
            ...(parts.indexFile ? { indexFile: parts.indexFile } : {}),
            ...(parts.onInPlaceUnchanged ? { onUnchanged: parts.onInPlaceUnchanged } : {}),
        });
        // Every job in progress listens to the signal: more than the default ten at -j 5 and above.
        if (parts.options.signal)
            (0,external_node_events_.setMaxListeners)(0, parts.options.signal);
        this.#tempDirs = new TempDirs((0,external_node_path_.join)(parts.options.workDir, 'tmp'));
        this.#outDirs = (0,external_node_path_.join)(parts.options.workDir, 'out');
        this.#watchers = restoreWatchers(parts.graph, parts.selected ?? [], (l) => parts.hits.has(parts.keys.get(l)), parts.wantBytes ?? new Set());
    }
    ref(label) {
        const job = this.#p.graph.byLabel.get(label);
        return { label, name: job.name, key: this.#p.keys.get(label) };
    }
    /** The job's outcome; restores a hit only when `needBytes` is set. */
    outcome(label, needBytes) {
        // Memoized only where outcomes wait for each other; a fully cached run keeps no map.
        if (this.#watchers.size === 0)
            return this.#decide(label, needBytes);
        let outcome = this.#outcomes.get(label);
        if (!outcome) {
            outcome = this.#decide(label, needBytes);
            this.#outcomes.set(label, outcome);
        }
        return outcome;
    }
    async #decide(label, needBytes) {
        const ref = this.ref(label);
        const hit = this.#p.hits.get(ref.key);
        if (hit && !needBytes) {
            const watchers = this.#watchers.get(label);
            if (watchers) {
                await Promise.all(watchers.map((w) => this.outcome(w, this.#p.wantBytes?.has(w) ?? false)));
            }
            // Not asked for by anyone: cached. Asked for: whatever its restore (or the rebuild after it) turned out.
            if (!this.#ready.has(ref.key))
                return this.#cachedOutcome(ref, hit);
        }
        const ready = await this.materialize(label);
        return { ...ready.outcome, label: ref.label, name: ref.name };
    }
    /** The job's output directory, restoring or building it (and its dependencies) as needed. */
    materialize(label) {
        const key = this.#p.keys.get(label);
        let ready = this.#ready.get(key);
        if (!ready) {
            ready = this.#restoreOrBuild(label);
            this.#ready.set(key, ready);
        }
        return ready;
    }
    /** Whether `dir`, an output directory of this run, was made read-only (see sealTree); restored ones that no
     * command read were not. */
    sealed(dir) {
        return !this.#unsealed.has(dir);
    }
    /** Waits for the background saves; call once every outcome is known. */
    async settle() {
        await Promise.allSettled(this.#saves);
        this.#inPlace.flush();
    }
    async #cachedOutcome(ref, hit) {
        const outcome = { ...ref, status: 'cached', exitCode: 0, durationMs: hit.durationMs };
        const none = { stdout: NO_BYTES, stderr: NO_BYTES };
        if (this.#p.options.cachedLogs === false) {
            hit.used?.();
            return { ...outcome, ...none };
        }
        try {
            return { ...outcome, ...(await hit.logs()) };
        }
        catch (e) {
            // Its outputs are as good as any hit's; only its logs are lost (a remote cache that turned off since the
            // lookup, say), and the report says so rather than show them empty.
            return {
                ...outcome,
                ...none,
                message: `its logs could not be read from the cache: ${e.message}`,
            };
        }
    }
    async #restoreOrBuild(label) {
        const ref = this.ref(label);
        const hit = this.#p.hits.get(ref.key);
        if (hit) {
            const dir = this.#p.restoreDir?.(label) ?? this.#outputDir(ref.key);
            if (this.#inPlaceAlready(label, hit) || (await this.#inPlaceFromStore(label, hit))) {
                // Its artifact holds nothing but in-place outputs, and those are in the checkout (or now are, written
                // there from the cache's files): nothing else to fetch. Its (empty) output directory is made only when
                // a job that runs names it (#build): a fully cached run of a thousand such jobs would otherwise spend
                // most of its file-system time making empty directories.
                return { ok: true, dir, outcome: await this.#cachedOutcome(ref, hit) };
            }
            const restored = await hit.restore(dir);
            const at = (restored.ok && restored.value?.dir) || dir;
            // Files may be moved out of a tree restored into this run's scratch space, never out of the cache's.
            const placed = restored.ok
                ? this.#inPlace.place(label, at, at === dir)
                : { message: restored.error.message };
            if (placed === undefined) {
                // A tree in this run's scratch space is sealed when a command reads it; one restored into a cache entry
                // is the cache's, immutable from the start.
                if (at === dir)
                    this.#unsealed.add(dir);
                else if (!(restored.ok && restored.value?.sealed))
                    sealTree(at);
                return { ok: true, dir: at, outcome: await this.#cachedOutcome(ref, hit) };
            }
            const message = `cached output of ${(0,printable/* quoted */.TL)(ref.name)} could not be restored (${placed.message}); building it instead`;
            // A backend that turned itself off has said so once; every restore after that is a plain miss.
            if (restored.ok || !(restored.error.reason === 'cache-unavailable' && restored.error.reported))
                this.#p.reporter.onEvent({ type: 'warning', job: ref, message });
            await (0,remove_tree/* removeTree */.dM)(dir).catch(() => undefined);
            this.#unrestorable.add(ref.key);
            // Not the job's artifact: the cache drops it, so that the build's takes its place.
            if (placed.stray)
                await this.#p.cache.discard?.(ref.key);
            const ready = await this.#build(this.#p.graph.byLabel.get(label), ref);
            // Built, not cached: the report says so, and why.
            ready.outcome.message ??= message;
            return ready;
        }
        return this.#build(this.#p.graph.byLabel.get(label), ref);
    }
    /** Only when no one wants the output directory's bytes (`--download all`, `--out-dir`). */
    #inPlaceAlready(label, hit) {
        const { options } = this.#p;
        if (options.download === 'all' || options.outDir !== undefined)
            return false;
        // A cache that keeps its files as files checks and restores in one pass (#inPlaceFromStore).
        if (hit.storedFile)
            return false;
        return this.#inPlace.upToDate(label, hit.entries?.());
    }
    /**
     * A cache that keeps artifacts as plain files: in-place outputs that differ are written straight from its files
     * into the checkout (checked as they are written), with no output directory in between.
     */
    async #inPlaceFromStore(label, hit) {
        const { options } = this.#p;
        if (options.download === 'all' || options.outDir !== undefined || !hit.storedFile)
            return false;
        if (!this.#inPlace.has(label))
            return false;
        const place = hit.place?.bind(hit);
        const stored = { storedFile: hit.storedFile.bind(hit), ...(place ? { place } : {}) };
        // Read once: a cache may name the artifact by hashing its record.
        const artifact = hit.artifact;
        // Found in place against this very artifact before, and unchanged since (or gone whole): its manifest is not
        // even parsed.
        if (artifact !== undefined && (await this.#inPlace.fromVerdict(label, artifact, stored)))
            return true;
        const entries = hit.entries?.();
        if (entries === undefined)
            return false;
        return this.#inPlace.restoreFromStore(label, { entries, ...stored }, artifact);
    }
    async #build(job, ref) {
        // A job that runs reads the in-place outputs of every job below it, not only of its direct dependencies.
        const below = this.#inPlace.transitiveWithOutputs(job.label);
        const needed = below.length === 0 ? job.deps : [...new Set([...job.deps, ...below])];
        const deps = await Promise.all(needed.map(async (d) => ({ label: d, ready: await this.materialize(d) })));
        const broken = deps.find((d) => !d.ready.ok);
        if (broken) {
            const name = this.#p.graph.byLabel.get(broken.label).name;
            return this.#notRun(ref, `dependency ${(0,printable/* quoted */.TL)(name)} ${broken.ready.outcome.status}`);
        }
        if (this.#stopScheduling)
            return this.#notRun(ref, 'not started: an earlier job failed (--fail-fast)');
        if (this.#p.options.signal?.aborted)
            return this.#notRun(ref, 'not started: the run was interrupted');
        // The first `job.deps.length` entries are the direct dependencies, whose directories commands may name.
        const direct = deps.slice(0, job.deps.length);
        const depDirs = new Map(direct.map((d) => [d.label, d.ready.dir]));
        for (const d of direct) {
            // A restored tree is sealed when a command is about to read it, not when it is restored: most restored
            // trees are read by no command (--out-dir targets, --download all), and sealing is a walk of the tree.
            if (this.#unsealed.delete(d.ready.dir))
                sealTree(d.ready.dir);
            // A directory built here exists: no call. Others are made so a command may enter an empty one (an artifact
            // of in-place outputs only is never restored); a dependency whose tree went away (a broken cache
            // directory) is not this job's failure: the command sees what is there.
            if (d.ready.built)
                continue;
            try {
                (0,external_node_fs_.mkdirSync)(d.ready.dir, { recursive: true });
            }
            catch {
                // As above.
            }
        }
        // The in-place turn (see InPlaceOutputs.exclusive) is taken before the worker slot and the coordinator claim:
        // a job waiting for it holds neither, so it keeps no unrelated job from a slot, and no tool inside the
        // turn-holder's command waits for a key claimed by a job queued behind it.
        const endTurn = await this.#inPlace.exclusive(job.label);
        try {
            return await this.#p.pool.run(this.#p.priorities.get(ref.label) ?? 0, (release) => this.#runJob(job, ref, depDirs, release, endTurn));
        }
        finally {
            endTurn();
        }
    }
    #notRun(ref, message) {
        return unrun(ref, 'skipped', message);
    }
    async #runJob(job, ref, depDirs, release, endTurn) {
        const { options } = this.#p;
        // Checked again here: the failure that stops scheduling may have happened while this job queued.
        if (this.#stopScheduling)
            return this.#notRun(ref, 'not started: an earlier job failed (--fail-fast)');
        if (options.signal?.aborted)
            return this.#notRun(ref, 'not started: the run was interrupted');
        const claim = await this.#p.coordinator.claim(ref.key);
        switch (claim.kind) {
            case 'reuse':
                return ((await this.#reuse(ref, claim.restore)) ??
                    this.#buildClaimed(job, ref, depDirs, release, () => Promise.resolve(), endTurn));
            case 'failed':
                return this.#failedElsewhere(ref, claim.error);
            case 'cached':
                // Built elsewhere and saved to the shared cache; should that fail to restore, build it here.
                return ((await this.#lateHit(ref)) ??
                    this.#buildClaimed(job, ref, depDirs, release, () => Promise.resolve(), endTurn));
            case 'build': {
                const late = await this.#lateHit(ref);
                if (late) {
                    this.#saves.push(this.#finish(ref, late, claim.finish));
                    return late;
                }
                return this.#buildClaimed(job, ref, depDirs, release, claim.finish, endTurn);
            }
            default:
                return (0,unreachable/* unreachable */.H)(claim);
        }
    }
    /**
     * A key can reach the cache between this run's lookup and its claim (another process built and saved it,
     * then its coordinator went away): look once more before building.
     */
    async #lateHit(ref) {
        // The same entry would fail the same way, and say so once more.
        if (this.#unrestorable.has(ref.key))
            return undefined;
        const hit = (await this.#p.cache.lookup([ref.key])).get(ref.key);
        if (!hit)
            return undefined;
        const dir = this.#outputDir(ref.key);
        const restored = await hit.restore(dir);
        const at = (restored.ok && restored.value?.dir) || dir;
        const placed = restored.ok ? this.#inPlace.place(ref.label, at) : { message: restored.error.message };
        if (placed !== undefined) {
            const message = `cached output of ${(0,printable/* quoted */.TL)(ref.name)} could not be restored (${placed.message}); building it instead`;
            this.#p.reporter.onEvent({ type: 'warning', job: ref, message });
            await (0,remove_tree/* removeTree */.dM)(dir).catch(() => undefined);
            if (placed.stray)
                await this.#p.cache.discard?.(ref.key);
            return undefined;
        }
        // A tree in this run's scratch space is sealed when a command reads it; one restored into a cache entry
        // is the cache's, immutable from the start.
        if (at === dir)
            this.#unsealed.add(dir);
        else if (!(restored.ok && restored.value?.sealed))
            sealTree(at);
        return { ok: true, dir: at, outcome: await this.#cachedOutcome(ref, hit) };
    }
    /**
     * Another worker or process built this key while we waited: its files are the result, once they verify.
     * Undefined when they do not (unreadable, or not matching their manifest): the caller builds it here.
     */
    async #reuse(ref, restore) {
        const outputDir = this.#outputDir(ref.key);
        await (0,remove_tree/* removeTree */.dM)(outputDir).catch(() => undefined);
        try {
            const logs = await restore(outputDir);
            const placed = this.#inPlace.place(ref.label, outputDir);
            if (placed !== undefined)
                throw new Error(placed.message);
            this.#unsealed.add(outputDir);
            const outcome = {
                ...ref,
                status: 'cached',
                exitCode: 0,
                ...logs,
                message: 'built by a concurrent run',
            };
            return { ok: true, dir: outputDir, outcome };
        }
        catch (e) {
            await (0,remove_tree/* removeTree */.dM)(outputDir).catch(() => undefined);
            this.#p.reporter.onEvent({
                type: 'warning',
                job: ref,
                message: `the result of ${(0,printable/* quoted */.TL)(ref.name)} from a concurrent run could not be used (${e.message}); building it instead`,
            });
            return undefined;
        }
    }
    #failedElsewhere(ref, error) {
        return unrun(ref, 'failed', `failed in a concurrent run: ${error}`);
    }
    async #buildClaimed(job, ref, depDirs, release, finish, endTurn) {
        let ready;
        try {
            ready = await this.#execute(job, ref, depDirs, release, endTurn);
        }
        finally {
            // Published in the background: dependents here read the output directory directly, so the worker slot
            // is free for the next job while other processes' waiters get the result a moment later.
            this.#saves.push(this.#finish(ref, ready, finish));
        }
        return ready;
    }
    async #finish(ref, ready, finish) {
        try {
            // Published after the save: a waiter told "it is in the cache" must find it there.
            const inCache = ready?.ok
                ? await (this.#inCache.get(ref.key) ?? Promise.resolve(ready.outcome.status === 'cached'))
                : false;
            await finish(claimResult(ready, inCache));
        }
        catch (e) {
            this.#p.reporter.onEvent({
                type: 'warning',
                job: ref,
                message: `could not publish ${(0,printable/* quoted */.TL)(ref.name)} to the coordinator: ${e.message}`,
            });
        }
    }
    async #execute(job, ref, depDirs, release, endTurn) {
        const { options, reporter } = this.#p;
        let outputDir;
        let tmpDir;
        try {
            outputDir = this.#newOutputDir(ref.key);
            tmpDir = this.#tempDirs.take();
        }
        catch (e) {
            return unrun(ref, 'failed', `not started: cannot create its directories (${e.message})${diskFullNote(options.workDir)}`);
        }
        try {
            this.#inPlace.clear(job.label);
        }
        catch (e) {
            this.#tempDirs.give(tmpDir);
            return unrun(ref, 'failed', `not started: its stale in-place outputs cannot be removed (${e.message})`);
        }
        const cmds = renderCommands(job, { outputDir, sourceDir: options.sourceDir, depDirs });
        for (const c of cmds) {
            if (c.kind === 'cat' && !isInside(outputDir, c.path)) {
                reporter.onEvent({
                    type: 'warning',
                    job: ref,
                    message: `${(0,printable/* quoted */.TL)(job.name)} writes ${(0,printable/* quoted */.TL)(c.path)} outside its output directory: that file is not cached`,
                });
                break;
            }
        }
        this.#p.inputsStarting?.(job);
        const result = await runCommands(cmds, {
            env: { ...options.baseEnv, ...this.#p.coordinator.env, TMPDIR: tmpDir },
            captureDir: tmpDir,
            // Beside the run's other files, not in the job's temp directory: saving needs them after the job.
            spillDir: (0,external_node_path_.join)(options.workDir, 'logs'),
            timeoutMs: options.jobTimeoutMs,
            ...(options.signal ? { signal: options.signal } : {}),
            slots: this.#p.commandSlots,
            priority: this.#p.priorities.get(ref.label) ?? 0,
            ...(this.#p.launcher ? { launcher: this.#p.launcher } : {}),
            onStarted: () => reporter.onEvent({ type: 'job-start', job: ref }),
            onOutput: (stream, chunk) => reporter.onEvent({ type: 'job-output', job: ref, stream, chunk }),
        });
        this.#inPlace.commandEnded();
        const durationMs = Math.round(performance.now() - (result.startedAt ?? performance.now()));
        // Asked before the temp directory is emptied: a job that filled the disk is told so.
        const fullNote = result.exitCode === 0 ? '' : diskFullNote(outputDir, tmpDir);
        this.#tempDirs.give(tmpDir);
        if (result.notStarted)
            return this.#notRun(ref, 'not started: the run was interrupted');
        const succeeded = result.exitCode === 0 && !result.interrupted && !result.timedOut;
        const outcome = {
            ...ref,
            status: succeeded ? 'built' : 'failed',
            exitCode: result.exitCode,
            durationMs,
            stdout: result.stdout,
            stderr: result.stderr,
        };
        if (!succeeded) {
            outcome.message = result.timedOut
                ? `timed out after ${options.jobTimeoutMs} ms`
                : result.interrupted
                    ? 'interrupted'
                    : (result.error ??
                        (result.signal ? `killed by ${result.signal}` : `exited with code ${String(result.exitCode)}`));
            outcome.message += fullNote;
            if (options.failFast)
                this.#stopScheduling = true;
            const own = !result.interrupted && !result.timedOut && fullNote === '';
            return own ? { ok: false, outcome, commandFailed: true } : { ok: false, outcome };
        }
        this.#p.timings.record(job.name, durationMs);
        const captured = this.#inPlace.capture(job.label, outputDir);
        endTurn();
        if (captured !== undefined && 'error' in captured) {
            outcome.status = 'failed';
            outcome.message = `its in-place outputs could not be captured: ${captured.error}`;
            return { ok: false, outcome };
        }
        if (captured !== undefined && 'through' in captured) {
            reporter.onEvent({
                type: 'warning',
                job: ref,
                message: `${(0,printable/* quoted */.TL)(job.name)} was not cached: it may have written outputs through the symbolic link ${(0,printable/* quoted */.TL)(captured.through)}, and nothing is taken through a link`,
            });
            return this.#notCached(outputDir, outcome, `outputs written through ${captured.through}`);
        }
        // As Turborepo does: a glob with a typo, or a tool writing elsewhere, would otherwise cache nothing in silence,
        // and a deleted `dist/` would never come back.
        // Only when nothing matches: a tracked file, or one another job holds, is matched and left out on purpose.
        if (captured?.matched === 0) {
            reporter.onEvent({
                type: 'warning',
                job: ref,
                message: `${(0,printable/* quoted */.TL)(job.name)} wrote no file its outputs (${(job.outputs ?? []).join(', ')}) match as paths from the source directory (not from the command's cwd): none is cached`,
            });
        }
        const changed = (await this.#p.inputsChanged?.(job)) ?? [];
        if (changed.length > 0) {
            // The job may have read the new bytes: filed under the key of the old ones, it would be served for them.
            reporter.onEvent({
                type: 'warning',
                job: ref,
                // Most often the job's own doing (a generator, a formatter writing its inputs back): say what to change.
                message: `${JSON.stringify(job.name)} was not cached: ${changed.length === 1 ? 'its input' : 'inputs'} ${changed.join(', ')} changed while it ran; a job that writes its own inputs, even the same bytes, is never cached (leave what it writes out of its inputs)`,
            });
            return this.#notCached(outputDir, outcome, 'inputs changed while it ran');
        }
        // Dependents get outputs they cannot write into, whether they read them here or from a later restore. A
        // cache that takes the directory over seals it as it hashes it (dependents read it after the save); here
        // otherwise, before anyone reads it.
        const sealInSave = this.#p.cache.newOutputDir !== undefined;
        if (!sealInSave)
            sealTree(outputDir);
        const artifact = {
            outputDir,
            ...(sealInSave ? { seal: true } : {}),
            stdout: result.stdout,
            stderr: result.stderr,
            durationMs,
            jobName: ref.name,
            ...(result.stdoutFile === undefined ? {} : { stdoutFile: result.stdoutFile }),
            ...(result.stderrFile === undefined ? {} : { stderrFile: result.stderrFile }),
        };
        const saving = this.#p.cache
            .save(ref.key, artifact)
            // Backends answer trouble as outcomes; should one throw all the same, the build goes on without it.
            .catch((e) => ({
            saved: false,
            reason: 'cache-unavailable',
            message: e.message,
        }));
        const saved = saving.then((saved) => {
            if (!saved.saved && saved.reason === 'unsafe-output') {
                reporter.onEvent({
                    type: 'warning',
                    job: ref,
                    message: `${(0,printable/* quoted */.TL)(job.name)} was not cached: ${asInCheckout(saved.message ?? 'unsafe output')}`,
                });
            }
            // 'exists': another process saved the same key first, so it is in the cache all the same.
            return saved.saved || saved.reason === 'exists';
        });
        this.#inCache.set(ref.key, saved);
        this.#saves.push(saved);
        if (this.#p.cache.newOutputDir === undefined)
            return { ok: true, dir: outputDir, outcome, built: true };
        // The cache takes the directory over: dependents read it where the save puts it. The slot is free already.
        release();
        const s = await saving;
        const dir = (s.saved && s.outputDir) || outputDir;
        if (!(s.saved && s.sealed))
            sealTree(dir);
        // Refused by the cache for what it holds (said above): not offered to waiters either, who build it themselves.
        const refused = !s.saved && s.reason === 'unsafe-output';
        return { ok: true, dir, outcome, built: true, ...(refused ? { unpublished: 'unsafe output' } : {}) };
    }
    /**
     * A job built and not saved: dependents in this run read its outputs where it wrote them. `unpublished`: why
     * they are this run's alone, so that a process waiting for the same key builds it itself.
     */
    #notCached(outputDir, outcome, unpublished) {
        this.#inCache.set(outcome.key, Promise.resolve(false));
        this.#p.cache.unsaved?.(outcome.key);
        return { ok: true, dir: outputDir, outcome, built: true, ...(unpublished ? { unpublished } : {}) };
    }
    /** Where a job writes its outputs: a directory the cache can take over whole, or one in this run's tree. */
    #newOutputDir(key) {
        if (this.#p.cache.newOutputDir) {
            try {
                return this.#p.cache.newOutputDir(key);
            }
            catch {
                // The cache cannot give one (a full or read-only cache disk): the job still runs, in this run's tree.
            }
        }
        const dir = this.#outputDir(key);
        // Fresh per key: nothing can be there unless a failed restore left it, and that path removes it.
        // Synchronous: a thread-pool round trip here would idle the slot between jobs. Writable by this user only,
        // whatever the umask, as the cache's own output directories are.
        (0,external_node_fs_.mkdirSync)(dir, 0o755);
        return dir;
    }
    // Spelled out, not joined: asked for every job of a cached run, and a key is hex.
    #outputDir(key) {
        return `${this.#outDirs}/${key}`;
    }
}
/** The logs of a cached job whose logs are not read: one buffer for a thousand such jobs, none can write to it. */
const NO_BYTES = Buffer.alloc(0);
/** Below this, a failed job's disk is called full in its message: the likely reason it failed. */
const FULL_DISK_BYTES = 1024 * 1024;
/** `; the disk holding DIR is full` when one of these directories' disks is (nearly) out of space; else ''. */
function diskFullNote(...dirs) {
    for (const dir of dirs) {
        const free = (0,free_space/* freeBytes */.go)(dir);
        if (free !== undefined && free < FULL_DISK_BYTES) {
            return `; the disk holding ${dir} is full (${free} bytes free)`;
        }
    }
    return '';
}
/**
 * What a claim is finished with: the build for other processes waiting on its key; a failure of its command, which
 * they would meet too; or, for anything that is this run's alone, nothing (they build it themselves).
 */
function claimResult(ready, inCache) {
    if (ready === undefined)
        return { unpublished: 'the build threw' };
    if (!ready.ok) {
        const message = ready.outcome.message ?? 'the build failed';
        return ready.commandFailed ? { error: message } : { unpublished: message };
    }
    if (ready.unpublished !== undefined)
        return { unpublished: ready.unpublished };
    return { outputDir: ready.dir, ...ready.outcome, inCache };
}
/** A job whose command did not run here, skipped or failed: no exit code, no output, the reason. */
function unrun(ref, status, message) {
    const outcome = {
        ...ref,
        status,
        exitCode: null,
        durationMs: 0,
        stdout: Buffer.alloc(0),
        stderr: Buffer.alloc(0),
        message,
    };
    return { ok: false, outcome };
}
/**
 * A save's message with the paths of in-place outputs as the checkout has them: in the artifact they lie under
 * IN_PLACE_DIR, a name the user never wrote.
 */
function asInCheckout(message) {
    // The path opens each of the save's messages ("symlink <path> points…", "<path> is neither…").
    const prefix = `${in_place/* IN_PLACE_DIR */.kO}/`;
    if (message.startsWith(prefix))
        return message.slice(prefix.length);
    if (message.startsWith(`symlink ${prefix}`))
        return `symlink ${message.slice(`symlink ${prefix}`.length)}`;
    return message;
}

;// CONCATENATED MODULE: ./src/executor/priorities.ts
/**
 * Critical-path-first priorities: a job's priority is its own estimated duration plus the longest chain of
 * estimated durations among the jobs that depend on it, so the pool always starts the job that delays the end most.
 * Jobs with no recorded duration are estimated at the median of the known ones (1 when none is known), which
 * degrades to "number of dependents on the longest chain".
 */
function criticalPathPriorities(graph, selected, estimate) {
    const known = [...selected].map(estimate).filter((d) => d !== undefined);
    known.sort((a, b) => a - b);
    const fallback = known.length > 0 ? Math.max(1, known[Math.floor(known.length / 2)]) : 1;
    const dependents = new Map();
    const pendingDependents = new Map();
    for (const label of selected)
        pendingDependents.set(label, 0);
    for (const label of selected) {
        for (const dep of graph.byLabel.get(label).deps) {
            if (!selected.has(dep))
                continue;
            let list = dependents.get(dep);
            if (!list)
                dependents.set(dep, (list = []));
            list.push(label);
            pendingDependents.set(dep, pendingDependents.get(dep) + 1);
        }
    }
    // Kahn's algorithm from the sinks upwards: iterative, so 100,000-job chains do not overflow the stack.
    const priority = new Map();
    const ready = [...selected].filter((l) => pendingDependents.get(l) === 0);
    while (ready.length > 0) {
        const label = ready.pop();
        let longestAfter = 0;
        for (const d of dependents.get(label) ?? [])
            longestAfter = Math.max(longestAfter, priority.get(d));
        priority.set(label, (estimate(label) ?? fallback) + longestAfter);
        for (const dep of graph.byLabel.get(label).deps) {
            if (!selected.has(dep))
                continue;
            const left = pendingDependents.get(dep) - 1;
            pendingDependents.set(dep, left);
            if (left === 0)
                ready.push(dep);
        }
    }
    return priority;
}

// EXTERNAL MODULE: ./src/executor/select-core.ts
var select_core = __webpack_require__(1017);
// EXTERNAL MODULE: ./src/executor/timings.ts
var executor_timings = __webpack_require__(2670);
// EXTERNAL MODULE: ./src/coordinator/job-coordinator.ts
var job_coordinator = __webpack_require__(6526);
// EXTERNAL MODULE: ./src/util/discard-dir.ts
var discard_dir = __webpack_require__(7516);
// EXTERNAL MODULE: ./src/executor/out-dir-names.ts
var out_dir_names = __webpack_require__(3098);
// EXTERNAL MODULE: ./src/executor/out-dir-asides.ts
var out_dir_asides = __webpack_require__(6977);
// EXTERNAL MODULE: ./src/util/jit-tiers.ts
var jit_tiers = __webpack_require__(3779);
// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
;// CONCATENATED MODULE: ./src/engine.ts




















/**
 * Runs a validated graph: keys every selected job, looks the keys up, and builds only the misses.
 * The one place that wires the core together; it knows nothing of terminals, GitHub or git hooks.
 * Returns problems (bad targets, missing inputs) before anything runs; job failures are in the summary.
 */
async function runGraph(graph, options, deps) {
    // A stopped run waits for no server: what the cache still waits for is abandoned (see Cache.interrupt).
    const signal = options.signal;
    const interrupt = () => deps.cache.interrupt?.();
    if (signal?.aborted)
        interrupt();
    else
        signal?.addEventListener('abort', interrupt, { once: true });
    try {
        return await runSelected(graph, options, deps);
    }
    finally {
        signal?.removeEventListener('abort', interrupt);
    }
}
async function runSelected(graph, options, deps) {
    // Not performance.now(): the global loads perf_hooks (seven of Node's modules), which a fully cached run needs
    // for nothing else.
    const started = process.hrtime.bigint();
    // The glob matcher (and for in-place outputs the glob compiler) is loaded only for a run that has any.
    const selection = options.targets.length === 0
        ? (0,select_core/* selectWith */.X)(graph, [], () => () => false)
        : (await __webpack_require__.e(/* import() */ 277).then(__webpack_require__.bind(__webpack_require__, 5277))).selectJobs(graph, options.targets);
    if (!selection.ok) {
        closeLauncher(deps.launcher);
        return (0,result/* err */._)(selection.error.map((message) => ({ field: 'targets', message })));
    }
    if (options.outDir !== undefined) {
        const collisions = (0,out_dir_names/* outDirCollisions */.v4)(graph, selection.value.roots);
        if (collisions.length > 0) {
            closeLauncher(deps.launcher);
            return (0,result/* err */._)(collisions);
        }
    }
    const timings = deps.timings ?? executor_timings/* noTimings */.D;
    const selected = graph.jobs.map((j) => j.label).filter((l) => selection.value.closure.has(l));
    // When a run will likely build more than a few jobs, the launcher boots while keys are computed instead of
    // delaying the first command: a job this cache never timed was never built with it (a fresh cache, new
    // packages). An edit may rebuild one job or all of them; which, the lookups tell (below).
    const likelyToBuild = !options.dryRun &&
        deps.timings !== undefined &&
        deps.untimedWillBuild !== false &&
        selected.filter((l) => timings.get(graph.byLabel.get(l).name) === undefined).length > DIRECT_MISSES;
    // Every target restored into --out-dir (or every job with --download all): a cache that restores on a helper
    // thread boots it while keys are computed, not after the restores are asked for.
    if (!options.dryRun && (options.outDir !== undefined || options.download === 'all')) {
        deps.cache.expectRestores?.(options.download === 'all' ? selected.length : selection.value.roots.length);
    }
    let launcher = (await deps.launcher) ?? (likelyToBuild ? await startLauncher() : undefined);
    let keys;
    let recheck;
    let hits;
    try {
        const keyed = await computeKeys(graph, options, deps.onKeyed);
        if (!keyed.ok) {
            launcher?.close();
            return keyed;
        }
        ({ keys, recheck } = keyed.value);
        hits = await deps.cache.lookup([...new Set(selected.map((l) => keys.get(l)))]);
    }
    catch (e) {
        launcher?.close();
        throw e;
    }
    const cachedCount = selected.filter((l) => hits.has(keys.get(l))).length;
    deps.reporter.onEvent({
        type: 'run-start',
        total: selected.length,
        cached: cachedCount,
        toRun: selected.length - cachedCount,
    });
    // Otherwise started once the misses are known, and only for more than a few: a run whose every job hits starts
    // no process, so it neither pays for one nor waits for one to exit, and a run with a few misses starts their
    // commands itself. A run with many queues its first commands while the launcher boots.
    if (options.dryRun || cachedCount === selected.length) {
        launcher?.close();
        launcher = undefined;
    }
    else if (selected.length - cachedCount > DIRECT_MISSES) {
        launcher ??= await startLauncher();
        // For the rest of this process (see jit-tiers.ts): its commands need the CPU more than this code needs speed.
        await (0,jit_tiers/* stopOptimizingCompilers */.Nc)();
    }
    // A target's tree restored from the cache goes straight to a directory beside its --out-dir target: placing it
    // is then one rename, and a cache on another file system costs no second copy.
    const outDirAsides = options.outDir !== undefined && !options.dryRun
        ? await (0,out_dir_asides/* prepareOutDir */.fW)(options.outDir, dirNameOfTarget(graph, selection.value.roots))
        : undefined;
    const wantBytes = new Set(options.download === 'all' ? selected : options.outDir !== undefined ? selection.value.roots : []);
    // In-place outputs are wanted where they belong: a cached job with `Outputs` is restored into the checkout.
    for (const l of selected)
        if (graph.byLabel.get(l).outputs)
            wantBytes.add(l);
    // The outcomes of hits whose bytes nobody wants (their bookkeeping only) wait for the first command to start,
    // or for every miss to end without one: a run that rebuilds one leaf of a thousand starts its command, then
    // tells the rest apart while it runs, instead of first. Hits to restore (in-place outputs, --out-dir,
    // --download all) start at once: a miss may take long to reach its command (a remote download of its
    // dependency, a claim another run holds), and their restores must not queue behind it.
    const firstCommand = new Deferred();
    // Every path of the index, when the keys' listing kept them (the compile of disbuild.json asks for them): the
    // files git tracks, which in-place outputs never touch, without a git call of their own. Only until a command
    // has started: one may have added a file to the index since (`git add`), as may its user meanwhile. Not with
    // submodules: the files they track are sources too, and only git's own listing of them has them.
    const indexPaths = options.digests === 'working-tree' ? await options.workTreeListings?.indexPaths : undefined;
    const indexFile = options.digests === 'working-tree' ? await options.workTreeListings?.indexFile : undefined;
    let commandStarted = false;
    const execution = new Execution({
        graph,
        keys,
        hits,
        // Only jobs that build are ordered, and only misses build (a hit whose restore fails is the rare exception):
        // their critical paths, worked out when the first of them is scheduled, and not at all in a run with none.
        priorities: lazily(() => criticalPathPriorities(graph, new Set(selected.filter((l) => !hits.has(keys.get(l)))), (l) => timings.get(graph.byLabel.get(l).name))),
        // -j bounds the commands running at once; as many jobs again are claimed and prepared ahead (directories,
        // commands), each queued to start the moment a running command ends (see command-queue.ts). Not with
        // --fail-fast: a queued command would start before the engine heard that the one before it failed; with no
        // more jobs in progress than slots, no command ever waits, and none starts after a failure is known.
        pool: new worker_pool/* WorkerPool */.T(options.failFast ? options.concurrency : options.concurrency * 2),
        commandSlots: new worker_pool/* WorkerPool */.T(options.concurrency),
        cache: deps.cache,
        reporter: {
            onEvent: (e) => {
                if (e.type === 'job-start') {
                    commandStarted = true;
                    firstCommand.resolve();
                }
                deps.reporter.onEvent(e);
            },
        },
        timings,
        coordinator: deps.coordinator ?? job_coordinator/* soloCoordinator */.E,
        ...(launcher ? { launcher } : {}),
        ...(recheck
            ? {
                inputsChanged: (job) => recheck.changed(job.inputs),
                inputsStarting: (job) => recheck.started(job.inputs),
            }
            : {}),
        ...(graph.jobs.some((j) => j.outputs !== undefined && j.outputs.length > 0)
            ? { outputGlobs: (await __webpack_require__.e(/* import() */ 254).then(__webpack_require__.bind(__webpack_require__, 4254))).compileOutputGlobs }
            : {}),
        options,
        selected,
        wantBytes,
        ...(outDirAsides ? { restoreDir: outDirAsides.take } : {}),
        ...(indexPaths?.ok && indexPaths.value.gitlinks.length === 0
            ? { tracked: () => (commandStarted ? undefined : indexPaths.value.paths) }
            : {}),
        ...(indexFile ? { indexFile } : {}),
        ...(deps.onInPlaceUnchanged ? { onInPlaceUnchanged: deps.onInPlaceUnchanged } : {}),
    });
    // Scratch space only for a run that builds or restores something: nothing to create, and nothing to remove.
    if (!options.dryRun && (cachedCount < selected.length || wantBytes.size > 0)) {
        // Synchronous: a cached run may never need the thread pool (see removeDeadTemps).
        // Writable by this user only whatever the umask: restored trees there are read back by their paths.
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(options.workDir, 'out'), { recursive: true, mode: 0o755 });
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(options.workDir, 'tmp'), { recursive: true, mode: 0o755 });
    }
    let jobs;
    let outDirFailures = [];
    try {
        const outcomeOf = async (label) => {
            const outcome = options.dryRun
                ? dryRunOutcome(execution, label, hits.has(keys.get(label)))
                : await execution.outcome(label, wantBytes.has(label));
            deps.reporter.onEvent({ type: 'job-end', outcome });
            return outcome;
        };
        const missed = selected.filter((l) => !hits.has(keys.get(l)));
        // What the misses' inputs are as the lookups end, before any command runs: a file swapped in while a job waits
        // for its dependencies is then another file when it ends (see input-recheck.ts).
        if (!options.dryRun)
            recheck?.started(missed.flatMap((l) => graph.byLabel.get(l).inputs));
        const misses = new Map(missed.map((l) => [l, outcomeOf(l)]));
        if (options.dryRun || misses.size === 0)
            firstCommand.resolve();
        else
            void Promise.allSettled(misses.values()).then(() => firstCommand.resolve());
        jobs = await Promise.all(selected.map((l) => misses.get(l) ?? (wantBytes.has(l) ? outcomeOf(l) : firstCommand.promise.then(() => outcomeOf(l)))));
        // Saves and publications read output directories: they end before any directory is moved to the out dir.
        await execution.settle();
        if (options.outDir !== undefined && !options.dryRun) {
            outDirFailures = await copyToOutDir(execution, selection.value.roots, options.outDir, graph, options.workDir, outDirAsides);
        }
    }
    finally {
        launcher?.close();
        // Commands this process started itself are over (unless the run failed midway): their watchdog exits now.
        releaseGroupWatchdog();
        await Promise.allSettled([deps.cache.close(), timings.flush()]);
        // Trees restored beside their targets that were not placed (a failed run, a target that could not be replaced):
        // removed once the cache is closed, so that no restore still under way writes one anew.
        if (outDirAsides)
            await outDirAsides.removeLeft();
        (0,discard_dir/* discardDir */._)(options.workDir);
    }
    const summary = {
        jobs,
        counts: countStatuses(jobs),
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e6),
        ...(outDirFailures.length > 0 ? { outDirFailures } : {}),
    };
    for (const message of outDirFailures)
        deps.reporter.onEvent({ type: 'warning', message });
    deps.reporter.onEvent({ type: 'run-end', summary });
    return (0,result.ok)(summary);
}
/**
 * Keys, and for the working tree the check that a build's inputs did not change while it ran (a commit cannot);
 * the digests go to whoever explains the keys (`onKeyed`).
 */
async function computeKeys(graph, options, onKeyed) {
    if (options.digests === 'working-tree') {
        const keyed = await (0,job_key/* keyGraphAndInputs */.Cq)(graph, options.sourceDir, options.salt, options.workTreeListings, options.keysMemoFile);
        if (keyed.ok)
            onKeyed?.(keyed.value.digests, keyed.value.keys);
        return keyed;
    }
    const keys = await (0,job_key/* keyGraphAtCommit */.CS)(graph, options.sourceDir, options.digests.commit, options.salt);
    return keys.ok ? (0,result.ok)({ keys: keys.value }) : keys;
}
function dryRunOutcome(execution, label, hit) {
    return {
        ...execution.ref(label),
        status: hit ? 'cached' : 'skipped',
        exitCode: hit ? 0 : null,
        durationMs: 0,
        stdout: Buffer.alloc(0),
        stderr: Buffer.alloc(0),
        ...(hit ? {} : { message: 'dry run: would build' }),
    };
}
/**
 * Copies each built or restored target's outputs to `<outDir>/<name>` (names made file-system safe). A target that
 * cannot be placed (a directory in the way the user may not remove, a full disk) is a message, not a crash: the
 * other targets are still placed, and none is ever left half-written.
 */
async function copyToOutDir(execution, roots, outDir, graph, workDir, asides) {
    if (asides === undefined) {
        try {
            await (0,promises_.mkdir)(outDir, { recursive: true });
        }
        catch (e) {
            // A file in its place, a directory this user may not write in: no target can be placed.
            return roots.map((label) => `cannot place the outputs of ${graph.byLabel.get(label).name} in ${(0,external_node_path_.join)(outDir, (0,out_dir_names/* outDirName */.t2)(graph, label))}: ${e.message}`);
        }
        await (0,out_dir_asides/* removeCopiesLeftBehind */.Lp)(outDir);
    }
    // A tree restored into this run's scratch space, or beside its target, is nobody else's by now (every job has
    // ended): it is moved into place, not copied a second time. Outputs that live in the cache (built by this run) are copied, and so is a
    // tree a second target shares (two targets with one key), from where the first one went.
    const scratch = (0,external_node_path_.join)(workDir, 'out') + external_node_path_.sep;
    const moves = new Map();
    const copies = [];
    for (const label of roots) {
        const ready = await execution.materialize(label);
        if (!ready.ok)
            continue;
        const dest = (0,external_node_path_.join)(outDir, (0,out_dir_names/* outDirName */.t2)(graph, label));
        const movable = ready.dir.startsWith(scratch) || asides?.has(ready.dir) === true;
        if (movable && !moves.has(ready.dir))
            moves.set(ready.dir, { label, dest });
        else
            copies.push({ label, dir: ready.dir, dest });
    }
    const failures = [];
    const placing = async (label, dest, place) => {
        try {
            await place();
        }
        catch (e) {
            failures.push(`cannot place the outputs of ${graph.byLabel.get(label).name} in ${dest}: ${e.message}`);
        }
    };
    // Outputs are read-only while dependents read them; the user's copy is the user's to change. A restored tree
    // that no command read was never sealed (see Execution), and neither is a copy of it. A copy is made beside its
    // target and renamed over it (renameReplacing), so a failure or a kill part way leaves the old target or the new
    // one: an old target a kill left moved aside is put back by the next run.
    const copy = async (from, dest, sealed) => {
        const temp = (0,out_dir_asides/* asideOf */.KN)(dest);
        try {
            await (0,tree_copy/* copyTree */.EL)(from, temp, { link: false });
            if (sealed)
                unsealTree(temp);
            await (0,out_dir_asides/* renameReplacing */.UU)(temp, dest);
        }
        finally {
            await (0,remove_tree/* removeTree */.dM)(temp);
        }
    };
    // The moves at once: a thousand renames one after another wait a thousand turns of the thread pool. Each ends
    // before the run removes its scratch space, failed or not.
    const placed = new Map();
    await Promise.all([...moves].map(([dir, { label, dest }]) => placing(label, dest, async () => {
        // Unsealed before it is placed, never at its place: another run placing the same target at once removes
        // what stands there, and cannot remove a read-only tree.
        if (execution.sealed(dir))
            unsealTree(dir);
        if (await (0,out_dir_asides/* moved */.aW)(dir, dest)) {
            placed.set(dir, dest);
            asides?.placed(dir);
        }
        else
            await copy(dir, dest, false);
    })));
    for (const { label, dir, dest } of copies) {
        const from = placed.get(dir);
        await placing(label, dest, () => from === undefined ? copy(dir, dest, execution.sealed(dir)) : copy(from, dest, false));
    }
    return failures;
}

/** The out-dir names of `roots` (outDirName), undefined for any other job. */
function dirNameOfTarget(graph, roots) {
    const targets = new Set(roots);
    return (label) => (targets.has(label) ? (0,out_dir_names/* outDirName */.t2)(graph, label) : undefined);
}
function countStatuses(jobs) {
    const counts = { cached: 0, built: 0, failed: 0, skipped: 0 };
    for (const j of jobs)
        counts[j.status]++;
    return counts;
}
/**
 * Misses up to which a run starts their commands itself rather than through a launcher (launcher.ts). Booting
 * one is a Node process's start, about 25 ms of a core that the run's own work is waiting for; a command started
 * from the engine's process costs that thread a fork, about 1 ms at a thousand jobs' worth of memory (some 2 ms
 * at 400 MB). One leaf edited at 1,000 packages: 231.5 → 208.3 ms without the launcher; every job rebuilt: 93 ms
 * more without it.
 */
const DIRECT_MISSES = 32;
/**
 * For an adapter that reads the graph itself: boots the launcher while the graph is still being read when the
 * run will build everything (`neverTimed`: a cache that has timed no job), and hands it to runGraph as
 * `EngineDeps.launcher`. Undefined otherwise: the run decides once it knows its misses (see runGraph). Whoever
 * does not pass it on closes it (closeLauncher).
 */
async function startLauncherAhead(neverTimed) {
    return neverTimed ? startLauncher() : undefined;
}
/** Closes a launcher started ahead (startLauncherAhead) once it is known, if it was started. */
function closeLauncher(launcher) {
    void launcher?.then((l) => l?.close());
}
/** A map made on its first read. */
function lazily(make) {
    let made;
    return { get: (k) => (made ??= make()).get(k) };
}
/** The launcher's code is loaded only by a run that starts one. */
async function startLauncher() {
    return (await __webpack_require__.e(/* import() */ 29).then(__webpack_require__.bind(__webpack_require__, 7029))).Launcher.start();
}


/***/ }),

/***/ 6977:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KN: () => (/* binding */ asideOf),
/* harmony export */   Lp: () => (/* binding */ removeCopiesLeftBehind),
/* harmony export */   UU: () => (/* binding */ renameReplacing),
/* harmony export */   aW: () => (/* binding */ moved),
/* harmony export */   fW: () => (/* binding */ prepareOutDir)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _cache_dead_temps_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5740);
/* harmony import */ var _util_random_hex_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7773);
/* harmony import */ var _util_remove_tree_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8043);






/**
 * A tree beside its --out-dir target (see copyToOutDir), renamed over it once complete: `<name>.disbuild-`, the
 * process id and 12 hex digits. Builds before this one named them without the process id.
 */
const ASIDE = /\.disbuild-(?:([0-9]+)-)?[0-9a-f]{12}$/;
function asideOf(dest) {
    const suffix = `.disbuild-${process.pid}-${(0,_util_random_hex_js__WEBPACK_IMPORTED_MODULE_4__/* .randomHex */ .n)(6)}`;
    // A target's name may use up to NAME_MAX bytes itself (out-dir names are ASCII): the name beside it is cut to
    // fit, still ending in the suffix by which a later run recognises it.
    const cut = Math.max(0, Buffer.byteLength((0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(dest)) + suffix.length - NAME_MAX);
    return `${cut === 0 ? dest : dest.slice(0, dest.length - cut)}${suffix}`;
}
/** The longest file name Linux and macOS file systems take, in bytes. */
const NAME_MAX = 255;
/**
 * What stood at a target while a tree was renamed over it (renameReplacing): `.disbuild-old-`, the process id and 12
 * hex digits, a directory holding it under the target's own name, which a later run puts back if it must. A name
 * beside the target (as ASIDE) would have to be cut for a long one, and could not be mapped back.
 */
const OLD = /^\.disbuild-old-([0-9]+)-[0-9a-f]{12}$/;
/**
 * Trees a run killed part way left beside their targets: only ever half-written or unplaced, never a target.
 * Those of a run still going (two runs into one --out-dir) are its own to place. A target that a killed run had
 * moved aside but not yet replaced is put back: the out dir then holds its old tree, not none. Called before this
 * run puts any tree there.
 */
async function removeCopiesLeftBehind(outDir) {
    const names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(outDir).catch(() => []);
    // This run has made none yet when this is called: one named with its own pid was left by a killed run that had
    // the same pid (in a container, the run is process 1 every time).
    const dead = (pid) => pid === undefined || pid === process.pid || !(0,_cache_dead_temps_js__WEBPACK_IMPORTED_MODULE_3__/* .isAlive */ ._)(pid);
    await Promise.all(names.map(async (n) => {
        const held = OLD.exec(n);
        const m = held ?? ASIDE.exec(n);
        if (m === null || !dead(m[1] === undefined ? undefined : Number(m[1])))
            return;
        if (held !== null)
            await putBack((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(outDir, n), outDir);
        await (0,_util_remove_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .removeTree */ .dM)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(outDir, n)).catch(() => undefined);
    }));
}
/** Renames what `holder` holds back to its place in `outDir`, unless something stands there by now. */
async function putBack(holder, outDir) {
    for (const name of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(holder).catch(() => [])) {
        const place = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(outDir, name);
        const free = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(place).then(() => false, () => true);
        if (free)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(holder, name), place).catch(() => undefined);
    }
}
/**
 * Makes the out dir and removes what killed runs left there, before anything is restored beside the targets;
 * `dirNameOf` names a target's directory there (undefined: not a target). Undefined when it cannot be made or written to: the targets are then restored into the run's scratch space, and placing them
 * says what is wrong.
 */
async function prepareOutDir(outDir, dirNameOf) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(outDir, { recursive: true });
        // One this user may not write to (another's, a read-only file system) takes no tree beside a target: a hit
        // restored there would fail, and be built again for nothing.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(outDir, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK);
    }
    catch {
        return undefined;
    }
    await removeCopiesLeftBehind(outDir);
    const left = new Set();
    return {
        take: (target) => {
            const name = dirNameOf(target);
            if (name === undefined)
                return undefined;
            const dir = asideOf((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(outDir, name));
            left.add(dir);
            return dir;
        },
        has: (dir) => left.has(dir),
        placed: (dir) => void left.delete(dir),
        removeLeft: async () => {
            await Promise.all([...left].map((dir) => (0,_util_remove_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .removeTree */ .dM)(dir).catch(() => undefined)));
            left.clear();
        },
    };
}
/** Moves `from` onto `to` (replacing what is there); false when it cannot, another file system, say. */
async function moved(from, to) {
    try {
        await renameReplacing(from, to);
        return true;
    }
    catch {
        return false;
    }
}
/** Codes of a rename onto something that stands in the way. */
const IN_THE_WAY = new Set(['ENOTEMPTY', 'EEXIST', 'ENOTDIR', 'EISDIR']);
/**
 * Renames `from` onto `to`, replacing what the rename finds there. That is renamed aside first (see OLD), `from`
 * renamed into place, then the old tree removed: a kill part way leaves the old target, or the new one, or (between
 * the two renames) neither but the old one aside, which the next run puts back. Removing it in place first would
 * leave a part of it at the target. Another run may place the same target meanwhile (two runs into one out dir):
 * its tree is moved aside the same way, and the rename tried again, so that the last to place wins, with a whole
 * tree.
 *
 * What another user owns is never moved aside: this user could not remove it, and it would be left behind. It is
 * removed in place instead, which fails, and the error says why. So is anything that cannot be moved aside.
 */
async function renameReplacing(from, to) {
    const held = [];
    try {
        for (let attempt = 1;; attempt++) {
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(from, to);
                return;
            }
            catch (e) {
                if (!IN_THE_WAY.has(e.code ?? '') || attempt === MAX_ATTEMPTS) {
                    await putBackLast(held, to);
                    throw e;
                }
            }
            const holder = await movedAside(to);
            if (holder !== undefined) {
                held.push(holder);
                continue;
            }
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(to, { recursive: true, force: true });
            }
            catch (e) {
                // Another run removing the same tree at once: a directory it has not emptied yet.
                if (e.code !== 'ENOTEMPTY' || attempt === MAX_ATTEMPTS)
                    throw e;
            }
        }
    }
    finally {
        // Placed or not, what was moved aside is not needed: a tree this user may not remove in part stays there, and
        // later runs try again.
        await Promise.all(held.map((h) => (0,_util_remove_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .removeTree */ .dM)(h).catch(() => undefined)));
    }
}
/**
 * Moves `to` into a new directory named by OLD beside it, under its own name; the holder, or undefined when it
 * cannot (another user's, a directory this user may not write to) or `to` has gone meanwhile.
 */
async function movedAside(to) {
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(to).catch(() => undefined);
    const uid = process.getuid?.();
    if (st === undefined || (uid !== undefined && uid !== 0 && st.uid !== uid))
        return undefined;
    const holder = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(to), `.disbuild-old-${process.pid}-${(0,_util_random_hex_js__WEBPACK_IMPORTED_MODULE_4__/* .randomHex */ .n)(6)}`);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(holder);
    }
    catch {
        return undefined;
    }
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(to, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(holder, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(to)));
        return holder;
    }
    catch (e) {
        // Gone meanwhile (another run moved it aside): the rename finds the way free, or another run's tree; the
        // empty holder goes with the others.
        if (e.code === 'ENOENT')
            return holder;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rmdir)(holder).catch(() => undefined);
        return undefined;
    }
}
/** Before giving up: the last tree moved aside goes back to `to` if nothing has taken its place. */
async function putBackLast(held, to) {
    const holder = held.pop();
    if (holder === undefined)
        return;
    await putBack(holder, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(to));
    held.push(holder);
}
/** Renames onto a place that others keep filling give up after this many. */
const MAX_ATTEMPTS = 16;


/***/ }),

/***/ 3098:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jC: () => (/* binding */ safeName),
/* harmony export */   t2: () => (/* binding */ outDirName),
/* harmony export */   v4: () => (/* binding */ outDirCollisions)
/* harmony export */ });
/** A job name as one path component: anything but letters, digits, `.`, `_` and `-` becomes `_`. */
function safeName(name) {
    const s = name.replace(/[^A-Za-z0-9._-]/g, '_');
    return s === '.' || s === '..' ? '_' : s;
}
/** Where `--out-dir` puts a target's outputs: its name made safe (the label when it has none). */
function outDirName(graph, label) {
    return safeName(graph.byLabel.get(label).name || label);
}
/**
 * Targets that `--out-dir` would put in the same directory (`a/b`, `a_b` and `a b` all become `a_b`), one
 * problem per shared directory naming every job in it. Names differing only in case count as the same, so that
 * a graph that works on Linux does not silently overwrite outputs on macOS or Windows.
 */
function outDirCollisions(graph, roots) {
    const byDir = new Map();
    for (const label of roots) {
        const dir = outDirName(graph, label);
        const slot = byDir.get(dir.toLowerCase());
        const name = graph.byLabel.get(label).name || label;
        if (slot)
            slot.names.push(name);
        else
            byDir.set(dir.toLowerCase(), { dir, names: [name] });
    }
    return [...byDir.values()]
        .filter((s) => s.names.length > 1)
        .map((s) => ({
        field: 'out-dir',
        message: `jobs ${s.names.map((n) => JSON.stringify(n)).join(', ')} would all be copied to ${JSON.stringify(s.dir)}; rename them or select fewer targets`,
    }));
}


/***/ }),

/***/ 72:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ix: () => (/* binding */ verdictOutputs),
/* harmony export */   QC: () => (/* binding */ verdictNow),
/* harmony export */   aG: () => (/* binding */ OutputStatRecords)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _cache_entry_meta_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7126);
/* harmony import */ var _util_read_own_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5958);
/* harmony import */ var _util_settled_stat_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4956);
/* harmony import */ var _util_state_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2148);
/* harmony import */ var _util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9293);
/* harmony import */ var _link_on_the_way_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4807);








/** Records beyond this many are dropped when the run did not look at them (files of long-gone packages). */
const MAX_RECORDS = 200_000;
/**
 * Raised whenever what a listing holds changes: 3 once repositories of their own were left out of walks, 4 once a
 * listing that met one (or a submodule) was no longer kept.
 */
const VERSION = 4;
/**
 * The SHA-256 of in-place output files, by path, with the stat data they had when hashed: what git's index is to
 * its work tree, so that a fully cached run checks `dist/` by `lstat` instead of reading and hashing every byte.
 *
 * A record answers only for a file whose device, inode, size, mode, mtime and ctime are all what they were, and
 * only when it was made from stat data taken at least SETTLED_MS after the file last changed, so that no write
 * after it can leave the same stat data behind (what git calls "racily clean" is never recorded). Times are
 * Node's milliseconds (a double: a quarter of a microsecond apart at today's dates), not BigInt nanoseconds,
 * which cost a fully cached run of a thousand packages several milliseconds to make and compare: any write after
 * a record sets the ctime to a moment at least SETTLED_MS past the recorded one, far beyond that rounding.
 * The stat data is always taken before the bytes are read: a write in between makes a record that never matches.
 *
 * Beside the files, the listing of each output directory (`dist`) walked, with the stat data of every directory
 * in it: a directory's mtime and ctime move whenever a name in it is added, removed or renamed, so while every
 * directory's stat data is what was recorded (under the same settling rule), its names are the recorded ones, and
 * a check lstats the recorded files instead of reading directories.
 *
 * Beside those, what the last full check of each job's in-place outputs found when they were all in place (a
 * Verdict, by job ID): a later run with the same artifact that finds every listing and every file's record as they
 * were then knows the outputs are still in place without reading the artifact's manifest. One per job, however
 * many artifacts it had; no more of them than listings are kept (see flush).
 *
 * One file per source directory, read once, written once at the end of a run that made new records (written
 * beside and renamed over: concurrent runs each leave a whole file, and every record checks itself); a run that
 * found everything as recorded writes nothing.
 */
class OutputStatRecords {
    #file;
    #rows;
    #trees;
    #used = new Set();
    #usedTrees = new Set();
    #verdicts;
    #usedVerdicts = new Set();
    #changed = false;
    #now;
    /**
     * Without a file, nothing is remembered and every file is hashed. `now` is the clock that stat data taken for
     * directory listings is dated by.
     */
    constructor(file, opts = {}) {
        this.#file = file;
        this.#now = opts.now ?? Date.now;
    }
    /** Whether anything is remembered at all (else there is no point in collecting what to record). */
    get enabled() {
        return this.#file !== undefined;
    }
    /** When stat data taken now was taken, by the records' clock (milliseconds). */
    now() {
        return this.#now();
    }
    #load() {
        if (this.#rows)
            return this.#rows;
        this.#rows = new Map();
        this.#trees = new Map();
        this.#verdicts = new Map();
        if (this.#file === undefined)
            return this.#rows;
        try {
            const text = (0,_util_read_own_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readOwnFile */ .zx)(this.#file);
            if (text === undefined)
                return this.#rows;
            const data = JSON.parse(text);
            if (data.version === VERSION && typeof data.files === 'object' && data.files !== null) {
                for (const [path, row] of Object.entries(data.files)) {
                    if (isRow(row))
                        this.#rows.set(path, row);
                }
                // Absent from files written before listings were recorded: then every directory is read once more.
                if (typeof data.trees === 'object' && data.trees !== null) {
                    for (const [base, tree] of Object.entries(data.trees)) {
                        if (isTree(tree) && isWholeTree(base, tree))
                            this.#trees.set(base, tree);
                    }
                }
                if (typeof data.verdicts === 'object' && data.verdicts !== null) {
                    for (const [job, v] of Object.entries(data.verdicts)) {
                        if (isVerdict(v))
                            this.#verdicts.set(job, v);
                    }
                }
            }
        }
        catch {
            // None yet, or unreadable: every file is hashed once more, and recorded.
        }
        return this.#rows;
    }
    /**
     * The files and symlinks under `base` (relative to `root`), when every directory under it is as recorded:
     * each directory is lstat-ed, none read. Undefined when there is no record or anything differs.
     */
    listing(root, base) {
        if (this.#file === undefined)
            return undefined;
        this.#load();
        const tree = this.#trees.get(base);
        if (tree === undefined)
            return undefined;
        this.#usedTrees.add(base);
        // An output that names a file (`out.txt`): while a file or a link stands there, nothing can be below it.
        if (tree.dirs.length === 0)
            return (0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_4__/* .lstatIfAny */ .e)(`${root}/${base}`)?.isDirectory() === false ? tree.entries : undefined;
        for (const d of tree.dirs) {
            let st;
            try {
                st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(d[0] === '' ? root : `${root}/${d[0]}`, { throwIfNoEntry: false });
            }
            catch {
                return undefined;
            }
            if (st === undefined ||
                !st.isDirectory() ||
                !(0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_6__/* .exactIno */ .ik)(st) ||
                st.mtimeMs !== d[3] ||
                st.ctimeMs !== d[4] ||
                st.ino !== d[2] ||
                st.dev !== d[1])
                return undefined;
        }
        return tree.entries;
    }
    /**
     * Remembers the listing of `base`: its directories with their lstat (bigint, each taken before the directory
     * was read) and the files and symlinks found in them. Ignored unless every directory's stat data was taken, at
     * `statTakenAtMs`, well after its last change (see SETTLED_MS). A file (or link) at `base` itself is remembered
     * as the listing of itself alone, which holds whenever no directory stands there (see `listing`).
     */
    recordListing(base, dirs, entries, statTakenAtMs) {
        if (this.#file === undefined)
            return;
        if (dirs.length === 0 && !(entries.length === 1 && entries[0] === base))
            return;
        for (const [, st] of dirs)
            if (!(0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_6__/* .settledMs */ .ou)(st, statTakenAtMs) || !(0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_6__/* .exactIno */ .ik)(st))
                return;
        this.#load();
        const tree = {
            dirs: dirs.map(([rel, st]) => [rel, st.dev, st.ino, st.mtimeMs, st.ctimeMs]),
            entries: [...entries],
        };
        this.#usedTrees.add(base);
        const old = this.#trees.get(base);
        if (old !== undefined && sameTree(old, tree))
            return;
        this.#trees.set(base, tree);
        this.#changed = true;
    }
    /** The recorded SHA-256 of the file at `path` when `st` (its lstat) is exactly what was recorded. */
    digestOf(path, st) {
        if (this.#file === undefined)
            return undefined;
        const row = this.#load().get(path);
        if (row === undefined || !(0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_6__/* .exactIno */ .ik)(st))
            return undefined;
        this.#used.add(path);
        return row[0] === st.dev &&
            row[1] === st.ino &&
            row[2] === st.size &&
            row[3] === st.mode &&
            row[4] === st.mtimeMs &&
            row[5] === st.ctimeMs
            ? row[6]
            : undefined;
    }
    /**
     * Remembers that the file at `path`, with stat data `st` taken at `statTakenAtMs` (before its bytes were
     * read), hashes to `sha256`; ignored when the file had changed too shortly before.
     */
    record(path, st, sha256, statTakenAtMs) {
        if (this.#file === undefined)
            return;
        if (!(0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_6__/* .settledMs */ .ou)(st, statTakenAtMs) || !(0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_6__/* .exactIno */ .ik)(st))
            return;
        const rows = this.#load();
        const row = statRow(st, sha256);
        const old = rows.get(path);
        this.#used.add(path);
        if (old !== undefined && old.every((x, i) => x === row[i]))
            return;
        rows.set(path, row);
        this.#changed = true;
    }
    /** What the last full check of `job` (its ID)'s in-place outputs found, if against the artifact named `artifact`. */
    verdict(job, artifact) {
        if (this.#file === undefined)
            return undefined;
        this.#load();
        const v = this.#verdicts.get(job);
        if (v === undefined || v.artifact !== artifact)
            return undefined;
        this.#usedVerdicts.add(job);
        return v;
    }
    /** Remembers what a full check of `job`'s in-place outputs found (in place for the verdict's artifact). */
    recordVerdict(job, verdict) {
        if (this.#file === undefined)
            return;
        this.#load();
        this.#usedVerdicts.add(job);
        const old = this.#verdicts.get(job);
        if (old !== undefined && (0,node_util__WEBPACK_IMPORTED_MODULE_1__.isDeepStrictEqual)(old, verdict))
            return;
        this.#verdicts.set(job, verdict);
        this.#changed = true;
    }
    /** Writes the records when this run made new ones; never fails a run. */
    flush() {
        if (this.#file === undefined || !this.#changed || !this.#rows)
            return;
        this.#changed = false;
        // Objects made from entries, never assigned into: a path or ID `__proto__` stays a key like any other.
        const kept = (all, used, max) => Object.fromEntries(all.size <= max ? all : [...all].filter(([k]) => used.has(k)));
        const files = kept(this.#rows, this.#used, MAX_RECORDS);
        const trees = kept(this.#trees, this.#usedTrees, MAX_RECORDS / 10);
        // Each verdict stands on the listing of its first output directory: more of them than listings are those of
        // jobs gone from the graph (or whose IDs change from run to run), and only this run's are kept then.
        const verdicts = kept(this.#verdicts, this.#usedVerdicts, Object.keys(trees).length);
        (0,_util_state_file_js__WEBPACK_IMPORTED_MODULE_3__/* .writeStateFile */ .V)(this.#file, JSON.stringify({ version: VERSION, files, trees, verdicts }));
    }
}
/**
 * Whether a verdict read from the file hangs together: plain relative paths, every file inside one of its output
 * directories. A verdict decides where files are written when its directories are gone (see fromVerdict), so one
 * that does not is dropped, as a damaged listing is.
 */
function isVerdict(x) {
    if (typeof x !== 'object' || x === null)
        return false;
    const { artifact, bases, files } = x;
    if (typeof artifact !== 'string' || !Array.isArray(bases) || bases.length === 0 || !Array.isArray(files))
        return false;
    if (!bases.every((b) => typeof b === 'string' && (0,_cache_entry_meta_js__WEBPACK_IMPORTED_MODULE_7__/* .isSafeRelativePath */ .VH)(b)))
        return false;
    const inBase = (p) => bases.some((b) => p === b || p.startsWith(`${b}/`));
    return files.every((f) => Array.isArray(f) &&
        f.length === 4 &&
        typeof f[0] === 'string' &&
        (0,_cache_entry_meta_js__WEBPACK_IMPORTED_MODULE_7__/* .isSafeRelativePath */ .VH)(f[0]) &&
        inBase(f[0]) &&
        typeof f[1] === 'string' &&
        (f[2] === 0 || f[2] === 1) &&
        Number.isSafeInteger(f[3]) &&
        f[3] >= 0);
}
function isTree(x) {
    if (typeof x !== 'object' || x === null)
        return false;
    const { dirs, entries } = x;
    return (Array.isArray(dirs) &&
        dirs.every((d) => Array.isArray(d) && d.length === 5 && typeof d[0] === 'string' && numbersFrom(d, 1, 5)) &&
        Array.isArray(entries) &&
        entries.every((e) => typeof e === 'string'));
}
/**
 * Whether a listing hangs together as a walk of `base` makes it: `base` first, and every other directory and
 * every entry inside a listed directory. One that does not is damaged (and could hide files that must be seen,
 * an extra file in `dist`): the directory is read again. A whole subdirectory left out cannot be told from here
 * (directories' names are not kept); whoever could write that is kept out by the file's owner check.
 */
function isWholeTree(base, tree) {
    if (tree.dirs.length === 0)
        return tree.entries.length === 1 && tree.entries[0] === base;
    if (tree.dirs[0][0] !== base)
        return false;
    const dirs = new Set();
    const inside = (path) => {
        const slash = path.lastIndexOf('/');
        return dirs.has(slash < 0 ? '' : path.slice(0, slash));
    };
    for (const [i, d] of tree.dirs.entries()) {
        if (i > 0 && !inside(d[0]))
            return false;
        dirs.add(d[0]);
    }
    return tree.entries.every(inside);
}
function sameTree(a, b) {
    return (a.dirs.length === b.dirs.length &&
        a.entries.length === b.entries.length &&
        a.dirs.every((d, i) => d.every((v, j) => v === b.dirs[i][j])) &&
        a.entries.every((e, i) => e === b.entries[i]));
}
function numbersFrom(a, from, to) {
    for (let i = from; i < to; i++)
        if (typeof a[i] !== 'number')
            return false;
    return true;
}
function isRow(x) {
    return Array.isArray(x) && x.length === 7 && numbersFrom(x, 0, 6) && typeof x[6] === 'string';
}
/** A verdict's output files (not the names it lists beside them), each once however many of its bases list it. */
function verdictOutputs(verdict) {
    const seen = new Set();
    return verdict.files.filter(([rel, sha256]) => sha256 !== '' && !seen.has(rel) && seen.add(rel));
}
function statRow(st, sha256) {
    return [st.dev, st.ino, st.size, st.mode, st.mtimeMs, st.ctimeMs, sha256];
}
/**
 * What became of the in-place outputs a verdict describes, reading no file and no directory:
 * - 'in-place': every output directory is reached through real directories and its listing is as recorded (so it
 *   holds the same names), and every file in it is the verdict's by its recorded stat data (same bytes, same exec
 *   bit);
 * - 'gone': every output directory is gone, with real directories (or none) on the way: the verdict's files are
 *   what a restore writes there;
 * - 'changed': anything else, which only a full check can tell.
 */
function verdictNow(sourceDir, verdict, records) {
    const real = new Set();
    let gone = 0;
    let i = 0;
    for (const base of verdict.bases) {
        if ((0,_link_on_the_way_js__WEBPACK_IMPORTED_MODULE_5__/* .linkOnTheWay */ .K)(sourceDir, base, real) !== undefined)
            return 'changed';
        const listed = records.listing(sourceDir, base);
        if (listed === undefined) {
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(`${sourceDir}/${base}`, { throwIfNoEntry: false }) !== undefined)
                return 'changed';
            gone++;
            continue;
        }
        for (const rel of listed) {
            const f = verdict.files[i++];
            if (f === undefined || f[0] !== rel)
                return 'changed';
            if (f[1] === '')
                continue;
            // Spelled out, not joined: a listed path is plain (see statListed).
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(`${sourceDir}/${rel}`, { throwIfNoEntry: false });
            if (st === undefined || !st.isFile() || (st.mode & 0o100 ? 1 : 0) !== f[2])
                return 'changed';
            if (records.digestOf(rel, st) !== f[1])
                return 'changed';
        }
    }
    if (gone === verdict.bases.length)
        return 'gone';
    return gone === 0 && i === verdict.files.length ? 'in-place' : 'changed';
}


/***/ }),

/***/ 2838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ killProcessGroup),
/* harmony export */   l: () => (/* binding */ startInGroup)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);




/**
 * Starts a command in a process group of its own, so that killing the group (a time-out, Ctrl-C, the engine
 * going away) kills everything the command started. Used by the engine directly and by the launcher process.
 *
 * Output goes to two anonymous files (created in `captureDir` and unlinked at once) rather than to pipes: a
 * pipe pair costs Node two stream objects and their events, about 0.4 ms of CPU per command, which for short
 * jobs is a sizeable share of the run. The files are read while the command runs (see `Captures`) and once
 * more when it exits, so output still arrives as it is written, within a poll interval. Should the files
 * not be creatable, the command gets pipes.
 */
function startInGroup(cmd, onOutput, 
/** Handed to the command as its descriptor 3 (see group-watchdog.ts). */
fd3) {
    const files = openCaptureFiles(cmd.captureDir ?? (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)());
    const stdio = files
        ? ['ignore', files.stdout.fd, files.stderr.fd]
        : ['ignore', 'pipe', 'pipe'];
    let child;
    try {
        child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(cmd.argv[0], cmd.argv.slice(1), {
            cwd: cmd.cwd,
            env: cmd.env,
            stdio: fd3 ? [...stdio, fd3] : stdio,
            detached: true,
        });
    }
    catch (e) {
        files?.close();
        throw e;
    }
    const killGroup = () => {
        if (child.pid !== undefined)
            killProcessGroup(child.pid);
    };
    if (files)
        captures.watch(files, onOutput);
    else {
        child.stdout.on('data', (c) => onOutput('stdout', c));
        child.stderr.on('data', (c) => onOutput('stderr', c));
    }
    let error;
    child.on('error', (e) => {
        error = e.message;
    });
    // Grandchildren left running in the group would go on writing (or hold the pipes open): they end with their
    // parent.
    child.on('exit', killGroup);
    return {
        exited: new Promise((resolve) => child.on('close', (code, signal) => {
            if (files)
                captures.finish(files, onOutput);
            resolve({ code, signal, ...(error === undefined ? {} : { error }) });
        })),
        kill: killGroup,
        pid: child.pid,
    };
}
/** Kills everything in the process group `pid` leads. */
function killProcessGroup(pid) {
    try {
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        // Already gone.
    }
}
let captureSeq = 0;
function openCaptureFiles(dir) {
    const opened = [];
    try {
        for (const name of ['out', 'err']) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, `.disbuild-${name}-${process.pid}-${captureSeq++}`);
            // O_APPEND: every write of the command (and of whatever it starts) lands at the end, none overwrites.
            const flags = node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDWR | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_EXCL | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_APPEND;
            opened.push((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(path, flags, 0o600));
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(path);
        }
    }
    catch {
        for (const fd of opened)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        return undefined;
    }
    const [out, err] = opened;
    return {
        stdout: { fd: out, read: 0 },
        stderr: { fd: err, read: 0 },
        close: () => {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(out);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(err);
        },
    };
}
/** How often running commands' capture files are looked at for new output. */
const POLL_MS = 100;
/** The capture files of running commands, read on a timer while any runs. */
class Captures {
    #running = new Map();
    #timer;
    watch(files, onOutput) {
        this.#running.set(files, onOutput);
        // Unref'd: the commands themselves keep the process alive while they run.
        this.#timer ??= setInterval(() => this.#poll(), POLL_MS).unref();
    }
    /** Passes on the rest of a finished command's output and closes its files. */
    finish(files, onOutput) {
        this.#running.delete(files);
        if (this.#running.size === 0 && this.#timer) {
            clearInterval(this.#timer);
            this.#timer = undefined;
        }
        drain(files, onOutput);
        files.close();
    }
    #poll() {
        for (const [files, onOutput] of this.#running)
            drain(files, onOutput);
    }
}
const captures = new Captures();
function drain(files, onOutput) {
    drainOne(files.stdout, (c) => onOutput('stdout', c));
    drainOne(files.stderr, (c) => onOutput('stderr', c));
}
const CHUNK = 1 << 20;
function drainOne(c, emit) {
    try {
        const size = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(c.fd).size;
        while (c.read < size) {
            const buf = Buffer.allocUnsafe(Math.min(CHUNK, size - c.read));
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(c.fd, buf, 0, buf.length, c.read);
            if (n === 0)
                return;
            c.read += n;
            emit(n === buf.length ? buf : buf.subarray(0, n));
        }
    }
    catch {
        // A capture file that cannot be read loses the rest of that output, never the command.
    }
}


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

/***/ 2670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ noTimings),
/* harmony export */   g: () => (/* binding */ FileTimings)
/* harmony export */ });
/* harmony import */ var _util_read_own_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5958);
/* harmony import */ var _util_state_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2148);


const noTimings = {
    get: () => undefined,
    record: () => undefined,
    flush: () => Promise.resolve(),
};
/** Timings kept in one JSON file, read once and rewritten atomically at the end of a run. */
class FileTimings {
    #path;
    #data;
    #dirty = false;
    constructor(path, data) {
        this.#path = path;
        this.#data = data;
    }
    /** Read at once: whether a run boots its launcher ahead depends on it (a cache that never timed a job). */
    static read(path) {
        let data = new Map();
        try {
            // Not blocking: a FIFO in its place must not hang the run. Another user's file is read: a hint, no more.
            const parsed = JSON.parse((0,_util_read_own_file_js__WEBPACK_IMPORTED_MODULE_0__/* .readRegularFile */ .XF)(path) ?? '');
            if (parsed && typeof parsed === 'object') {
                data = new Map(Object.entries(parsed).filter((e) => typeof e[1] === 'number'));
            }
        }
        catch {
            // Missing or unreadable: start afresh, timings are only a hint.
        }
        return new FileTimings(path, data);
    }
    get(name) {
        return this.#data.get(name);
    }
    /** No job was ever timed with this cache: a fresh one (or one whose timings were lost). */
    get empty() {
        return this.#data.size === 0;
    }
    /**
     * Kept when it is news: a job never timed, or one whose time moved by more than a quarter and 50 ms. A run that
     * rebuilds one leaf in about the time it took before then writes nothing (the file's encoding is a millisecond
     * or two of a short run's end); schedules are drawn from proportions, which such a change does not move.
     */
    record(name, durationMs) {
        const ms = Math.round(durationMs);
        const before = this.#data.get(name);
        if (before !== undefined && Math.abs(ms - before) <= Math.max(50, before / 4))
            return;
        this.#data.set(name, ms);
        this.#dirty = true;
    }
    /**
     * Written in line (see writeStateFile): a small file, whose three calls through the thread pool waited behind the
     * run's other work at its very end. A lost hint costs scheduling quality, never correctness.
     */
    flush() {
        if (!this.#dirty)
            return Promise.resolve();
        this.#dirty = false;
        (0,_util_state_file_js__WEBPACK_IMPORTED_MODULE_1__/* .writeStateFile */ .V)(this.#path, JSON.stringify(Object.fromEntries(this.#data)));
        return Promise.resolve();
    }
}


/***/ }),

/***/ 9527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ inputsAsRead)
/* harmony export */ });
/* harmony import */ var _graph_input_spelling_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1535);
/* harmony import */ var _git_blob_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9236);
/* harmony import */ var _resolve_input_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6915);



/**
 * The files of `sourceDir` the inputs of `graph` name: each input as spelled and, for one spelled with `..` after a
 * name, the file the walk over the disk reaches (`lnk/../x.txt` with `lnk -> sub/dir`: `sub/x.txt`), or where no walk
 * reaches one, its lexical form. What is kept from a stale output's removal, or from an output's capture, because a
 * job reads it must be found whatever the input's spelling.
 */
function inputsAsRead(graph, sourceDir) {
    const paths = new Set();
    let view;
    for (const j of graph.jobs) {
        for (const i of j.inputs) {
            paths.add(i);
            if (!(0,_graph_input_spelling_js__WEBPACK_IMPORTED_MODULE_0__/* .hasDotDot */ .n)(i))
                continue;
            let real;
            try {
                const r = (0,_resolve_input_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveInput */ .xI)((view ??= new _git_blob_js__WEBPACK_IMPORTED_MODULE_1__/* .DiskView */ .Vm(sourceDir)), i);
                if (r.ok && r.directory === undefined)
                    real = r.real;
            }
            catch {
                // A directory on the way this user may not search: the keys named the input's problem already.
            }
            paths.add(real ?? (0,_graph_input_spelling_js__WEBPACK_IMPORTED_MODULE_0__/* .lexicalPath */ .Q)(i));
        }
    }
    return paths;
}


/***/ }),

/***/ 3465:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ ConsoleReporter)
/* harmony export */ });
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1095);
/* harmony import */ var _util_unreachable_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3914);
/* harmony import */ var _summary_line_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9497);



/**
 * Renders run events for people. Deals with: prefixing job output line by line, the live status line,
 * the closing summary. Does not deal with: deciding anything about the run.
 *
 * Names and messages are the producer's text: they are printed escaped and cut (see printable.ts), so that
 * none can recolour the terminal or print a line of its own. Jobs' output is theirs and passes unchanged.
 */
class ConsoleReporter {
    #o;
    #partial = new Map();
    #running = new Map();
    #counts = { cached: 0, built: 0, failed: 0, skipped: 0 };
    #total = 0;
    #statusShown = false;
    #lastDraw = 0;
    constructor(options) {
        this.#o = options;
    }
    onEvent(event) {
        switch (event.type) {
            case 'run-start':
                this.#total = event.total;
                break;
            case 'job-start':
                this.#running.set(event.job.key + event.job.label, (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(event.job.name));
                if (!this.#o.live)
                    this.#line(`▶ ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(event.job.name)}`);
                break;
            case 'job-output':
                if (this.#o.streamOutput)
                    this.#output(event.job, event.stream, event.chunk);
                break;
            case 'job-end':
                this.#jobEnd(event.outcome);
                break;
            case 'warning':
                this.#line(`warning: ${message(event.message)}`);
                break;
            case 'run-end':
                this.#runEnd(event.summary);
                return;
            default:
                (0,_util_unreachable_js__WEBPACK_IMPORTED_MODULE_1__/* .unreachable */ .H)(event);
        }
        this.#drawStatus(false);
    }
    #output(job, stream, chunk) {
        const id = `${job.label}:${stream}`;
        const text = (this.#partial.get(id) ?? '') + chunk.toString('utf8');
        const lines = text.split('\n');
        this.#partial.set(id, lines.pop());
        const name = (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(job.name);
        for (const l of lines)
            this.#line(`${name} | ${l}`);
    }
    #flushPartial(job) {
        // Nothing held back, as for every cached job of a quiet run: no keys to spell.
        if (this.#partial.size === 0)
            return;
        for (const stream of ['stdout', 'stderr']) {
            const id = `${job.label}:${stream}`;
            const rest = this.#partial.get(id);
            if (rest)
                this.#line(`${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(job.name)} | ${rest}`);
            this.#partial.delete(id);
        }
    }
    #jobEnd(o) {
        this.#counts[o.status]++;
        this.#running.delete(o.key + o.label);
        this.#flushPartial(o);
        const secs = (o.durationMs / 1000).toFixed(1);
        const name = (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(o.name);
        switch (o.status) {
            case 'cached':
                if (this.#o.logReplay !== 'all')
                    break;
                if (o.message !== undefined)
                    this.#line(`${name}: ${message(o.message)}`);
                this.#replay(o);
                break;
            case 'built':
                if (!this.#o.live)
                    this.#line(`✓ ${name} built in ${secs}s`);
                break;
            case 'failed':
                this.#line(`✗ ${name} failed after ${secs}s: ${message(o.message ?? `exit code ${String(o.exitCode)}`)}`);
                if (!this.#o.streamOutput)
                    this.#replay(o);
                break;
            case 'skipped':
                if (!this.#o.live)
                    this.#line(`- ${name} skipped: ${message(o.message ?? '')}`);
                break;
            default:
                (0,_util_unreachable_js__WEBPACK_IMPORTED_MODULE_1__/* .unreachable */ .H)(o.status);
        }
    }
    #replay(o) {
        this.#output(o, 'stdout', o.stdout);
        this.#output(o, 'stderr', o.stderr);
        this.#flushPartial(o);
    }
    #runEnd(s) {
        this.#clearStatus();
        this.#o.stream.write((0,_summary_line_js__WEBPACK_IMPORTED_MODULE_2__/* .summaryLine */ .d)(s.counts, s.durationMs));
        const failed = s.jobs.filter((j) => j.status === 'failed');
        for (const j of failed)
            this.#o.stream.write(`  failed: ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(j.name)} (${message(j.message ?? `exit ${String(j.exitCode)}`)})\n`);
    }
    #line(text) {
        this.#clearStatus();
        this.#o.stream.write(text + '\n');
    }
    #clearStatus() {
        if (this.#statusShown)
            this.#o.stream.write('\r\x1b[2K');
        this.#statusShown = false;
    }
    #drawStatus(force) {
        if (!this.#o.live)
            return;
        const now = Date.now();
        if (!force && this.#statusShown && now - this.#lastDraw < 80)
            return;
        this.#lastDraw = now;
        const c = this.#counts;
        const done = c.cached + c.built + c.failed + c.skipped;
        const running = [...this.#running.values()].slice(0, 3).join(', ');
        const text = `[${done}/${this.#total}] cached ${c.cached} · built ${c.built} · failed ${c.failed} · remaining ${this.#total - done}${running ? ` · running ${running}` : ''}`;
        const cols = this.#o.stream.columns ?? 100;
        this.#clearStatus();
        this.#o.stream.write(text.slice(0, Math.max(20, cols - 1)));
        this.#statusShown = true;
    }
}
/** A message of the engine's: its own words, with names and paths in it; escaped, never cut. */
function message(text) {
    return (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(text, Infinity);
}


/***/ }),

/***/ 7622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ baseEnvironment)
/* harmony export */ });
/** The minimal base environment of §5: what commands need to find tools, and nothing that varies silently. */
function baseEnvironment(env) {
    const base = { PATH: env.PATH ?? '/usr/local/bin:/usr/bin:/bin' };
    if (env.HOME !== undefined)
        base.HOME = env.HOME;
    return base;
}


/***/ }),

/***/ 4648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ openLocalState)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/cache/local-cache.ts + 6 modules
var local_cache = __webpack_require__(5556);
// EXTERNAL MODULE: ./src/cache/null-cache.ts
var null_cache = __webpack_require__(2142);
// EXTERNAL MODULE: ./src/executor/timings.ts
var timings = __webpack_require__(2670);
// EXTERNAL MODULE: ./src/util/free-space.ts
var free_space = __webpack_require__(6947);
// EXTERNAL MODULE: ./src/util/pid-temp.ts
var pid_temp = __webpack_require__(4340);
// EXTERNAL MODULE: ./src/util/remove-tree.ts
var remove_tree = __webpack_require__(8043);
// EXTERNAL MODULE: ./src/util/renamable-by-others.ts
var renamable_by_others = __webpack_require__(1909);
// EXTERNAL MODULE: ./src/util/background.ts
var background = __webpack_require__(3694);
// EXTERNAL MODULE: ./src/run-env/cache-dir.ts
var cache_dir = __webpack_require__(1203);
;// CONCATENATED MODULE: ./src/run-env/cache-dir-ignore.ts


/** Whether `dir` is new to disbuild: not there yet, or empty. Asked before a run writes anything there. */
function isNewCacheDir(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir).length === 0;
    }
    catch (e) {
        return e.code === 'ENOENT';
    }
}
/**
 * Gives a cache directory a `.gitignore` that ignores everything in it (itself included), as pytest and mypy do
 * theirs: a cache inside a repository (`--cache-dir .cache/disbuild`) is then no untracked file of it, so neither
 * an input of a task whose inputs are every file (which its runs changed, and which then never stayed cached) nor
 * anything a glob of disbuild.json finds. Only for a directory the run found new (isNewCacheDir): one that holds
 * anything else may be the repository's own (`--cache-dir versions`, beside `v1/` and `v2/` of sources), whose new
 * files a `.gitignore` would hide from git and from the keys. Never over an existing file, and never a reason for a
 * run to fail.
 */
function ignoreCacheDir(dir) {
    try {
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, '.gitignore'), '# written by disbuild: this cache is no part of the repository\n*\n', {
            flag: 'wx',
            mode: 0o644,
        });
    }
    catch (e) {
        // There already, or the directory cannot be written: the run goes on. One made and not written whole (a full
        // disk) ignores nothing and is not left to say it does.
        if (e.code === 'EEXIST')
            return;
        try {
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(dir, '.gitignore'), { force: true });
        }
        catch {
            // Not removable either: an empty file that ignores nothing, as before it was written.
        }
    }
}

;// CONCATENATED MODULE: ./src/run-env/local-state.ts













/** Run directories made in the system temp directory are named `disbuild-run-<pid>-<random>`. */
const FALLBACK_PREFIX = 'disbuild-run-';
function openLocalState(cacheDirFlag, io) {
    const dir = cacheDirFlag === undefined ? (0,cache_dir/* defaultCacheDir */.$)(io.env) : (0,external_node_path_.resolve)(io.cwd, cacheDirFlag);
    const runsDir = (0,external_node_path_.join)(dir, 'runs');
    // Before this run writes there (see ignoreCacheDir).
    let fresh = isNewCacheDir(dir);
    // Scratch directories of runs whose process is gone (killed, crashed) are removed by the next run, while it
    // reads its graph: a new run's own directory bears its own process ID, which that removal passes over.
    (0,background/* inBackground */.k)((0,local_cache/* removeDeadTemps */.Uc)(runsDir));
    return {
        dir,
        timings: timings/* FileTimings */.g.read((0,external_node_path_.join)(dir, 'timings-v1.json')),
        // A cache that cannot be opened costs the run its cache, never the build.
        openCache: (onWarning) => local_cache/* LocalCache */.Um.create(dir, { onWarning }).catch((e) => {
            onWarning(`the local cache in ${dir} cannot be used (${e.message}); running without it`);
            return new null_cache/* NullCache */.C();
        }),
        outputRecordsFile: (sourceDir) => (0,external_node_path_.join)(dir, 'in-place-v1', `${(0,external_node_crypto_.createHash)('sha1').update(sourceDir).digest('hex')}.json`),
        compiledGraphFile: (sourceDir) => (0,external_node_path_.join)(dir, 'compiled-graph-v1', `${(0,external_node_crypto_.createHash)('sha1').update(sourceDir).digest('hex')}.json`),
        // Sixteen slots, not a file per path: a graph generated into a new temp directory every run must not leave a
        // graph-sized file behind each time. The slot's key is the text's digest (a validation depends on nothing else).
        validatedGraphFile: (graphPath) => (0,external_node_path_.join)(dir, 'validated-graph-v1', `slot-${(0,external_node_crypto_.createHash)('sha1').update(graphPath).digest('hex')[0]}.json`),
        // Sixteen slots as well: each holds the keys of one graph and checkout, whichever ran last in that slot.
        keysMemoFile: (sourceDir) => (0,external_node_path_.join)(dir, 'keys-memo-v1', `slot-${(0,external_node_crypto_.createHash)('sha1').update(sourceDir).digest('hex')[0]}`),
        newRunDir: (onWarning) => {
            let why;
            if ((0,free_space/* isLowOnSpace */.Io)(dir)) {
                why = `the disk of the cache directory ${dir} has ${Math.floor(((0,free_space/* freeBytes */.go)(dir) ?? 0) / 1024 / 1024)} MiB free`;
            }
            else {
                try {
                    // Checked here: a cache directory this user cannot write (another user's, a read-only home) costs the
                    // run its place there, never the build.
                    (0,external_node_fs_.mkdirSync)(runsDir, { recursive: true, mode: 0o755 });
                    (0,external_node_fs_.accessSync)(runsDir, external_node_fs_.constants.W_OK);
                    (0,renamable_by_others/* ownDirectoryTightened */.w)(dir, true);
                    (0,renamable_by_others/* ownDirectoryTightened */.w)(runsDir);
                    // Dependencies' outputs are restored there and read back by their paths, as a job's own outputs are.
                    const unsafe = (0,renamable_by_others/* renamableByOthers */.A)(dir, ['runs']);
                    if (unsafe !== undefined)
                        throw new Error(`${unsafe}, who could swap what is kept there`);
                    if (fresh) {
                        ignoreCacheDir(dir);
                        fresh = false;
                    }
                    return (0,external_node_path_.join)(runsDir, `${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
                }
                catch (e) {
                    why = `the cache directory ${dir} cannot hold this run's files (${e.message})`;
                }
            }
            removeDeadFallbacks();
            // mkdtemp: a fresh, owner-only directory, never one that someone else prepared in the shared temp dir.
            const runDir = (0,pid_temp/* makePidTemp */.Gp)(FALLBACK_PREFIX);
            onWarning?.(`${why}: this run keeps job outputs in ${runDir}`);
            return runDir;
        },
    };
}
/** Fallback run directories of dead runs of this user: a killed run leaves nothing behind for long. */
function removeDeadFallbacks() {
    for (const path of (0,pid_temp/* deadPidTemps */.pD)(FALLBACK_PREFIX))
        (0,background/* inBackground */.k)((0,remove_tree/* removeTree */.dM)(path));
}


/***/ }),

/***/ 7516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ discardDir)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _remove_tree_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8043);
/* harmony import */ var _background_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3694);
/* harmony import */ var _discarded_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1567);






/** Trees of at most this many entries are removed in line: cheaper than starting a process, and nothing waits. */
const INLINE_LIMIT = 64;
/**
 * Removes a scratch directory without making the caller wait: it is renamed out of the way at once (so nothing
 * sees it half-deleted), then deleted by a detached `rm -rf` that may outlive this process. Deleting thousands of
 * job directories costs hundreds of milliseconds that no user should wait for at the end of a run. A small tree
 * (a run that built a few jobs, an empty store) is removed in line instead: a process of its own would cost more
 * than the removal, and would still be running when this one exits. Read-only directories in it (left by jobs,
 * or sealed outputs) are made writable when the first removal fails.
 */
function discardDir(path) {
    const doomed = `${path}${_discarded_js__WEBPACK_IMPORTED_MODULE_5__/* .DISCARDED */ .u}${process.pid}-${Date.now()}`;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(path, doomed);
    }
    catch {
        return; // Already gone.
    }
    const inProcess = () => (0,_background_js__WEBPACK_IMPORTED_MODULE_4__/* .inBackground */ .k)((0,_remove_tree_js__WEBPACK_IMPORTED_MODULE_3__/* .removeTree */ .dM)(doomed));
    if (isSmallTree(doomed)) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(doomed, { recursive: true, force: true });
            return;
        }
        catch {
            // Left to rm below, which makes read-only directories writable.
        }
    }
    try {
        const script = 'rm -rf -- "$1" 2>/dev/null || { chmod -R u+rwX -- "$1"; rm -rf -- "$1"; }';
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('sh', ['-c', script, 'sh', doomed], { detached: true, stdio: 'ignore' });
        child.on('error', inProcess);
        child.unref();
    }
    catch {
        inProcess();
    }
}
/** Whether `dir` holds at most INLINE_LIMIT entries, looking at no more than that many. */
function isSmallTree(dir) {
    let budget = INLINE_LIMIT;
    const stack = [dir];
    while (stack.length > 0) {
        const d = stack.pop();
        let entries;
        try {
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(d, { withFileTypes: true });
        }
        catch {
            return false;
        }
        budget -= entries.length;
        if (budget < 0)
            return false;
        for (const e of entries)
            if (e.isDirectory())
                stack.push((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(d, e.name));
    }
    return true;
}


/***/ }),

/***/ 3779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Df: () => (/* binding */ WITHOUT_OPTIMIZING_COMPILERS),
/* harmony export */   Nc: () => (/* binding */ stopOptimizingCompilers)
/* harmony export */ });
/* unused harmony export optimizeOnly */
/**
 * V8's optimizing compilers (TurboFan; Maglev, on by default since Node 22) off: what runs hot afterwards stays in
 * the interpreter and the baseline compiler (Sparkplug); code already optimized stays. The flags, not `--max-opt`:
 * Node 24 ignores a `--max-opt` set after start.
 */
const WITHOUT_OPTIMIZING_COMPILERS = ['--no-turbofan', '--no-maglev'];
/**
 * Turns the optimizing compilers off for the rest of this process (WITHOUT_OPTIMIZING_COMPILERS).
 *
 * Why: a run that builds many jobs keeps both cores busy with their commands, and TurboFan compiles on a thread of
 * its own: at 1,000 jobs rebuilt, about a quarter of a second of CPU that the commands were waiting for, to speed
 * up code whose own time is mostly system calls. A warm run is the other way round (a fifth of a second, hot loops
 * over ten thousand inputs, one core free), so this is called only once a run knows it builds many jobs. node:v8 is
 * loaded only then.
 */
async function stopOptimizingCompilers() {
    const { setFlagsFromString } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8877, 23));
    for (const flag of WITHOUT_OPTIMIZING_COMPILERS)
        setFlagsFromString(flag);
}
/**
 * Lets V8's optimizing compilers compile only `fn`, for the rest of this process. For a process whose one hot
 * loop needs them and whose other code is warm but not hot: compiling that code costs more than it saves.
 * Matched by name, as V8 sees it in this process's own code.
 */
async function optimizeOnly(fn) {
    const { setFlagsFromString } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8877, 23));
    setFlagsFromString(`--turbo-filter=${fn.name}`);
    setFlagsFromString(`--maglev-filter=${fn.name}`);
}


/***/ })

};

return { id, ids, modules };
})