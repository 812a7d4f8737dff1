(function (__disbuild_import_meta) {const id = 29;
const ids = [29];
const modules = {

/***/ 7029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Launcher: () => (/* binding */ Launcher),
/* harmony export */   launcherEnv: () => (/* binding */ launcherEnv)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _process_group_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2838);
/* harmony import */ var _util_jit_tiers_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3779);






// Read once at load: in the bundle this is the chunk's own file, beside which the build puts the launcher.
const here = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(__disbuild_import_meta.url));
/**
 * Starts job commands from a small separate process instead of this one.
 *
 * Why: starting a process forks its parent, and a fork costs in proportion to the parent's memory. The engine's
 * process holds the graph, the keys and the logs, so each fork there costs a few milliseconds of its only
 * thread — the thread that also schedules, saves and reports. A launcher of a few tens of megabytes forks
 * several times faster, on another core. Only the bundled build has the launcher; elsewhere (and should it
 * fail to start or die) commands are started directly.
 */
class Launcher {
    #child;
    #pending = new Map();
    #next = 1;
    #alive = true;
    constructor(child) {
        this.#child = child;
        // Idle, the launcher does not keep this process alive: a run that ends without closing it (or a launcher
        // started early and never used) does not hang the exit. Commands in flight hold it.
        child.unref();
        child.channel?.unref();
        child.on('message', (e) => {
            const p = this.#pending.get(e.id);
            if (!p)
                return;
            if (e.type === 'output')
                p.onOutput(e.stream, Buffer.from(e.chunk, 'base64'));
            else if (e.type === 'started') {
                p.pid = e.pid;
                p.onStarted();
            }
            else {
                this.#pending.delete(e.id);
                if (this.#pending.size === 0)
                    child.channel?.unref();
                p.resolve(e);
            }
        });
        const gone = () => {
            this.#alive = false;
            for (const p of this.#pending.values()) {
                // Killed itself (SIGKILL, the OOM killer), the launcher could not end its commands: they end here.
                if (p.pid !== undefined)
                    (0,_process_group_js__WEBPACK_IMPORTED_MODULE_4__/* .killProcessGroup */ .$)(p.pid);
                p.resolve({ code: null, signal: null, error: 'the launcher process exited' });
            }
            this.#pending.clear();
        };
        child.on('exit', gone);
        child.on('error', gone);
    }
    /** A launcher beside this module's bundle, or undefined when there is none (running from source). */
    static start() {
        const program = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(here, 'launcher-process.js');
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(program))
            return undefined;
        try {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.fork)(program, [], {
                env: launcherEnv(process.env),
                serialization: 'json',
                // Small young generation: this process allocates little, and its size is what each fork copies. No
                // optimizing compilers: its code is a few calls per command, and compiling it cost 0.1 s of CPU in 1,000.
                execArgv: ['--max-semi-space-size=1', ..._util_jit_tiers_js__WEBPACK_IMPORTED_MODULE_5__/* .WITHOUT_OPTIMIZING_COMPILERS */ .Df],
                stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
                // A group of its own: a kill of this process's group must leave it alive to end the commands.
                detached: true,
            });
            return new Launcher(child);
        }
        catch {
            return undefined;
        }
    }
    get alive() {
        return this.#alive && this.#child.connected;
    }
    /** Queues a command in the launcher, which starts it when one of `slots` is free (see command-queue.ts). */
    run(cmd, onOutput, onStarted) {
        const id = this.#next++;
        if (!this.alive)
            return {
                exited: Promise.resolve({ code: null, signal: null, error: 'the launcher process exited' }),
                kill: () => undefined,
            };
        const exited = new Promise((resolve) => this.#pending.set(id, { onOutput, onStarted, resolve }));
        if (this.#pending.size === 1)
            this.#child.channel?.ref();
        this.#send({ type: 'run', id, ...cmd });
        return { exited, kill: () => this.#send({ type: 'kill', id }) };
    }
    /** Ends the launcher; commands still running are killed by it. */
    close() {
        // One started ahead and never used may still be booting, and would exit only once it has booted far enough
        // to see the channel close: it has nothing to clean up, so it is killed at once.
        if (this.#next === 1 && this.#alive)
            this.#child.kill('SIGKILL');
        else if (this.#child.connected)
            this.#child.disconnect();
    }
    #send(m) {
        try {
            if (this.#child.connected)
                this.#child.send(m);
        }
        catch {
            // The exit handler answers every pending command.
        }
    }
}
/**
 * The launcher's own environment: the engine's, less what only costs it time. With NODE_EXTRA_CA_CERTS set
 * (common behind a corporate proxy), Node reads and parses the whole certificate file as it starts, some 50 ms of
 * CPU per process, for a process that never opens a TLS connection. Commands are not affected: each gets the
 * environment the engine sends with it (the base environment and the job's own variables), not this one.
 */
function launcherEnv(env) {
    if (env.NODE_EXTRA_CA_CERTS === undefined)
        return env;
    const { NODE_EXTRA_CA_CERTS: _unused, ...rest } = env;
    return rest;
}


/***/ })

};

return { id, ids, modules };
})