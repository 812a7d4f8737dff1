import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/executor/process-group.ts




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
    const files = openCaptureFiles(cmd.captureDir ?? (0,external_node_os_namespaceObject.tmpdir)());
    const stdio = files
        ? ['ignore', files.stdout.fd, files.stderr.fd]
        : ['ignore', 'pipe', 'pipe'];
    let child;
    try {
        child = (0,external_node_child_process_namespaceObject.spawn)(cmd.argv[0], cmd.argv.slice(1), {
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
            const path = (0,external_node_path_namespaceObject.join)(dir, `.disbuild-${name}-${process.pid}-${captureSeq++}`);
            // O_APPEND: every write of the command (and of whatever it starts) lands at the end, none overwrites.
            const flags = external_node_fs_namespaceObject.constants.O_RDWR | external_node_fs_namespaceObject.constants.O_CREAT | external_node_fs_namespaceObject.constants.O_EXCL | external_node_fs_namespaceObject.constants.O_APPEND;
            opened.push((0,external_node_fs_namespaceObject.openSync)(path, flags, 0o600));
            (0,external_node_fs_namespaceObject.unlinkSync)(path);
        }
    }
    catch {
        for (const fd of opened)
            (0,external_node_fs_namespaceObject.closeSync)(fd);
        return undefined;
    }
    const [out, err] = opened;
    return {
        stdout: { fd: out, read: 0 },
        stderr: { fd: err, read: 0 },
        close: () => {
            (0,external_node_fs_namespaceObject.closeSync)(out);
            (0,external_node_fs_namespaceObject.closeSync)(err);
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
        const size = (0,external_node_fs_namespaceObject.fstatSync)(c.fd).size;
        while (c.read < size) {
            const buf = Buffer.allocUnsafe(Math.min(CHUNK, size - c.read));
            const n = (0,external_node_fs_namespaceObject.readSync)(c.fd, buf, 0, buf.length, c.read);
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

;// CONCATENATED MODULE: ./src/executor/worker-pool.ts
/**
 * A bounded pool of slots whose queue is ordered by priority (highest first, then arrival).
 *
 * Deals with: how many tasks (jobs, or commands) run at once and which waiting one goes next.
 * Does not deal with: dependencies — a task is only submitted once its inputs are ready.
 */
class WorkerPool {
    #size;
    #running = 0;
    #seq = 0;
    #drainScheduled = false;
    #queue = [];
    constructor(size) {
        this.#size = Math.max(1, Math.floor(size));
    }
    get size() {
        return this.#size;
    }
    /**
     * Runs `task` when a slot is free and nothing of higher priority waits. The slot is freed when the task ends,
     * or earlier when the task calls `release` (work that follows, such as saving, need not hold it).
     */
    async run(priority, task) {
        await this.#acquire(priority);
        let held = true;
        const release = () => {
            if (!held)
                return;
            held = false;
            this.#release();
        };
        try {
            return await task(release);
        }
        finally {
            release();
        }
    }
    #acquire(priority) {
        return new Promise((resolve) => {
            const entry = { priority, seq: this.#seq++, start: resolve };
            // Binary insertion keeps the queue sorted: O(log n) search, and the head is always next.
            let lo = 0;
            let hi = this.#queue.length;
            while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                const other = this.#queue[mid];
                if (other.priority > priority || (other.priority === priority && other.seq < entry.seq))
                    lo = mid + 1;
                else
                    hi = mid;
            }
            this.#queue.splice(lo, 0, entry);
            this.#scheduleDrain();
        });
    }
    // Slots are handed out on the next turn of the event loop, not at once: everything that became ready in this
    // turn is queued by then, so the first jobs started are the most urgent ones, not merely the first to ask.
    #scheduleDrain() {
        if (this.#drainScheduled)
            return;
        this.#drainScheduled = true;
        setImmediate(() => {
            this.#drainScheduled = false;
            this.#drain();
        });
    }
    #release() {
        this.#running--;
        this.#drain();
    }
    #drain() {
        while (this.#running < this.#size && this.#queue.length > 0) {
            this.#running++;
            this.#queue.shift().start();
        }
    }
}

;// CONCATENATED MODULE: ./src/executor/launcher-process.ts
/**
 * The launcher process: starts the commands the engine sends it, as many at once as the engine's concurrency and
 * highest priority first, and streams back their start, output and exit. Runs as its own small program (bundled
 * as `launcher-process.js` beside the entry that uses it).
 *
 * Each command gets its own process group; when the command exits, whatever it left running in that group is
 * killed. When the engine goes away, every group still running is killed and this process exits: no job
 * outlives the run that started it. The engine's death shows in three ways, and whichever comes first counts:
 * the IPC channel closes, a message to the engine fails (EPIPE, or the channel already closed), or this
 * process's parent changes (it was re-parented; a safety net should the channel's end be held open elsewhere).
 * The engine starts this process in a process group of its own, so that a kill of the engine's whole group
 * (`kill -9 -PGID`, `timeout -s KILL`) leaves it alive to do this clean-up.
 */



const running = new Map();
/** Sized by the first request: the engine's concurrency. */
let slots;
/** How often the parent is checked (see above); a job may outlive a dead engine by up to this long. */
const PARENT_CHECK_MS = 250;
function send(e) {
    if (!process.connected)
        return engineGone();
    // With a callback, a failed write is reported to it instead of as an 'error' event that would kill this
    // process before it could end the commands.
    process.send(e, undefined, undefined, (err) => {
        if (err)
            engineGone();
    });
}
let ending = false;
/** Kills every command, running or waiting, and exits. */
function engineGone(code = 0) {
    if (ending)
        return;
    ending = true;
    for (const launched of running.values())
        launched.kill();
    process.exit(code);
}
function run(m) {
    slots ??= new WorkerPool(m.slots);
    const launched = queueCommand(slots, m.priority, () => startInGroup(m, (stream, chunk) => send({ type: 'output', id: m.id, stream, chunk: chunk.toString('base64') })), (pid) => send({ type: 'started', id: m.id, ...(pid === undefined ? {} : { pid }) }));
    running.set(m.id, launched);
    void launched.exited.then((r) => {
        running.delete(m.id);
        send({ type: 'exit', id: m.id, ...r });
    });
}
process.on('message', (m) => {
    if (m.type === 'kill')
        running.get(m.id)?.kill();
    else
        run(m);
});
process.on('disconnect', () => engineGone());
process.on('error', () => engineGone());
// A bug here must not leave the commands running either.
process.on('uncaughtException', (e) => {
    process.stderr.write(`disbuild launcher: ${e.stack ?? String(e)}\n`);
    engineGone(1);
});
const launcher_process_parent = process.ppid;
setInterval(() => {
    if (process.ppid !== launcher_process_parent)
        engineGone();
}, PARENT_CHECK_MS).unref();
// Signals meant for the run go to the engine, which decides what to kill and tells us.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);

