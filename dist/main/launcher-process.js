import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/executor/launcher-process.ts
/**
 * The launcher process: starts the commands the engine sends it and streams back their output and exit.
 * Runs as its own small program (bundled as `launcher-process.js` beside the entry that uses it).
 *
 * Each command gets its own process group; when the command exits, whatever it left running in that group is
 * killed, so its pipes close. When the engine goes away (the IPC channel closes), every group still running is
 * killed: no job outlives the run that started it.
 */

const groups = new Map();
function send(e) {
    if (process.connected)
        process.send(e);
}
function killGroup(pid) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        // Already gone.
    }
}
function run(m) {
    const child = (0,external_node_child_process_namespaceObject.spawn)(m.argv[0], m.argv.slice(1), {
        cwd: m.cwd,
        env: m.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
    });
    if (child.pid !== undefined)
        groups.set(m.id, child.pid);
    child.stdout.on('data', (chunk) => send({ type: 'output', id: m.id, stream: 'stdout', chunk: chunk.toString('base64') }));
    child.stderr.on('data', (chunk) => send({ type: 'output', id: m.id, stream: 'stderr', chunk: chunk.toString('base64') }));
    let error;
    child.on('error', (e) => {
        error = e.message;
    });
    child.on('exit', () => killGroup(child.pid));
    child.on('close', (code, signal) => {
        groups.delete(m.id);
        send({ type: 'exit', id: m.id, code, signal, ...(error === undefined ? {} : { error }) });
    });
}
process.on('message', (m) => {
    if (m.type === 'kill')
        killGroup(groups.get(m.id));
    else
        run(m);
});
process.on('disconnect', () => {
    for (const pid of groups.values())
        killGroup(pid);
    process.exit(0);
});
// Ctrl-C reaches the whole foreground process group: the engine decides what to kill and tells us.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);

