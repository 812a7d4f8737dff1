import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/executor/process-group.ts

/**
 * Starts a command in a process group of its own, so that killing the group (a time-out, Ctrl-C, the engine
 * going away) kills everything the command started. Used by the engine directly and by the launcher process.
 */
function startInGroup(cmd, onOutput) {
    const child = (0,external_node_child_process_namespaceObject.spawn)(cmd.argv[0], cmd.argv.slice(1), {
        cwd: cmd.cwd,
        env: cmd.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
    });
    const killGroup = () => {
        if (child.pid === undefined)
            return;
        try {
            process.kill(-child.pid, 'SIGKILL');
        }
        catch {
            // Already gone.
        }
    };
    child.stdout.on('data', (c) => onOutput('stdout', c));
    child.stderr.on('data', (c) => onOutput('stderr', c));
    let error;
    child.on('error', (e) => {
        error = e.message;
    });
    // Grandchildren left running in the group would hold the pipes open: they end with their parent.
    child.on('exit', killGroup);
    return {
        exited: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, ...(error === undefined ? {} : { error }) }))),
        kill: killGroup,
    };
}

;// CONCATENATED MODULE: ./src/executor/launcher-process.ts

const running = new Map();
function send(e) {
    if (process.connected)
        process.send(e);
}
function run(m) {
    const launched = startInGroup(m, (stream, chunk) => send({ type: 'output', id: m.id, stream, chunk: chunk.toString('base64') }));
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
process.on('disconnect', () => {
    for (const launched of running.values())
        launched.kill();
    process.exit(0);
});
// Ctrl-C reaches the whole foreground process group: the engine decides what to kill and tells us.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);

