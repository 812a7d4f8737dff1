#!/usr/bin/env node
const __disbuild_module_url = require("node:url").pathToFileURL(__filename).href; const __WEBPACK_EXTERNAL_createRequire = () => require;
// Inlined by scripts/code-cache.mjs into a bundle's index.js (not a module of its own): loads the bundle's chunks
// as scripts compiled with V8's code cache, so that a run does not parse and compile the same code again each time.
//
// A chunk's compiled code is kept in `$XDG_CACHE_HOME/disbuild/code` (else `~/.cache/disbuild/code`), one file per
// chunk, named by the digest of the chunk's text (taken by the build), its size and mtime, Node's version, the
// platform and Node's flags: a rebuilt bundle or another Node never meets an old file. The file is written when the process exits, after the run compiled
// what it used; V8 checks it again when it is read and refuses what does not fit (then it is written anew). Only a
// file that this user owns and nobody else may write is read (compiled code is code). Trouble of any kind (no home,
// a full disk, a foreign or damaged file) costs the cache, never the run. DISBUILD_CODE_CACHE=off turns it off.
// Each version of the tool leaves files of its own: a file's mtime is its last use (refreshed by a read at most
// once a day), and a run that writes removes the files unused for 30 days.
//
// Node's modules are taken with require, not import: an ES import of a built-in module builds its module namespace,
// which reads every export once, and with them the lazy ones (fs.promises with readline, fs.ReadStream with the
// streams, crypto.webcrypto), modules a fully cached run otherwise never loads.
const __dccCreateRequire = () => require;

const __dccRequire = __dccCreateRequire(__disbuild_module_url);
const __dccFs = __dccRequire('node:fs');
const __dccPath = __dccRequire('node:path');
const __dccVm = __dccRequire('node:vm');
const { fileURLToPath: __dccFileUrlToPath, pathToFileURL: __dccPathToFileUrl } = __dccRequire('node:url');

const __dccHere = __dccPath.dirname(__dccFileUrlToPath(__disbuild_module_url));
/**
 * Each chunk's SHA-256, written in by the build (scripts/code-cache.mjs): no chunk's text is hashed at run time, nor
 * node:crypto loaded for it.
 */
const __dccDigests = {"105.index.js":"7ba7f9066dc3e995f3318b2d609061b109fe78317420a494be8507d426a8c2fa","144.index.js":"d2b0e8c2b0ae73482ad07e27aa97a5ec005d0fc3df59626275335a1a8574ac71","167.index.js":"67866554cb06fe5e5116649a1bd1a977db693482db25733ad2080568e2a70ff6","171.index.js":"2ec0278e44ac88f23b8aebc2a6a7a5b5877295a6c2599cdc04c2b390602d170c","196.index.js":"dbcaadb8a747dc57a6fd5799059fff2dc9c9acc6a84317ca55cbfac5fc97c855","254.index.js":"70acbfb059dd376bae46cc06955fca57cd1fada84adbd086be8d40f822594ff4","266.index.js":"5a34d3a09fc0c135da9c5830fd71b53bfc3dd7a8bd6ab228492f2d08f6cf51ea","277.index.js":"78726cbe4d50dfcbcc9932f71e85b000a268c4c9765f9b6a5fd128647c99310a","29.index.js":"1578af1eb781a735e2aef18f9d37494f437174ec1c1168946dbcff904f767ab1","310.index.js":"ef55d55c0b5a8b563c3bcf270a63241f0a59bff745e69b332c1357f2ed78a837","332.index.js":"ce716a5b158ebcb767d75f7849c4aa7f6eb7dbe5847fdb84400188486e3d7526","338.index.js":"2b9c4f75939700f7df09ce228b9b0293f0260ea1dea85960c54dd6c08a86b230","340.index.js":"4cc8fe294a261bf2a7f5b2b60cdd2aa23fd0f31efb77214c6d8a0db3605015d9","370.index.js":"25281d37bb36ab0f959a690249f205f0e897853afe83b98775c3d976751f60f9","398.index.js":"b846e760791c61e0a92fe9b15de30eb3d1fb9bd36590d66fe3b66a6efbc541df","4.index.js":"ff08465416cb6c108baf62d41483c8fd4a6f20bfdab5a8ef1e12de40711d66fb","431.index.js":"8182ab458b80db48c2e0061bcffad4ce2bca4cac950306dc0aba3c3625f10219","438.index.js":"7922d10923e9807473c8fd8fd6a11a0c3e72d028bb0a3df48588a2f832e6a118","439.index.js":"05f8874f8153631fb17536adf24fd4c2ebbda93a432f17160c02ac37aedc85d7","442.index.js":"857d290da3c5c20cd920af1bc88f987d726550da987fdad07c257aee915ba356","51.index.js":"1d15ac75581da5834e79188a664f8b0bee72fc4c2dacb6a732092f5555cc0576","511.index.js":"5b7c709207fc73547341f9e966741597646f12bcca081aeb3698652c928a97a3","556.index.js":"69938ef69d4a5bc00e07d3b1b5aa8e4223be2cf9f0b3a96db876f3fad64a8733","6.index.js":"05f567ace60b07d0dddc8c2b48005d779dc4d2e8abee412e654e919164caa001","637.index.js":"81515b6397af5c53874f7c7fb355343cae5b2b20d71f18826de435e2d419f8b0","682.index.js":"1b71be1d193d97fbbe38295fc9f0fd1c52bad466438098ec45f222025708e236","691.index.js":"0d6f4a76f50b104a06e5f1f37e3d6ec76e85d39d04b77581ee4fd4dc09c19666","815.index.js":"800ebe34d68e4c67091cb6d7773b222d18d1376cebb7b605aa806f03c4dcfc64","82.index.js":"7264da25ab08ef77b9275c04d594e002f17954d1b16d619a7d84d99f8005f683","844.index.js":"425028cea549bf226c4e0a3c517ec6a2fd8e4dc7818578fae50717625b81bf23","867.index.js":"520229c6220011e339142921b0372a2a69def5d53c8fc8aba7d7cb7563552849","880.index.js":"63c9a2d35ff5a3dd7644cf693d93abc7e702e1c9e1dd9139b845621ca015cfd6","943.index.js":"9fcc05cba366b43098e5ce9ed29cd21a778f01f749631b80d58d7d2fe339a173","946.index.js":"ddc3f1c28c0ddfc8b5819467f03547f71d6df886b4f1a09ef47291174eb9137d","948.index.js":"1f72f3020a682d12e18950b5fa7ab1caafc2bcf74bed14077570e8bbbdc4e08b","951.index.js":"4cb2f34f9da23392c541ae3172ed3e4fe33a69702bed1d39a6aaf3870b13e5a4","953.index.js":"f0821dfaf89ff2426465682dae4e344ccfbf167e94980473c518c5eae84b6c6d"};
/** Scripts compiled without usable cached code, written at exit. */
const __dccToWrite = [];

function __dccDir() {
  const env = process.env;
  if (env.DISBUILD_CODE_CACHE === 'off' || typeof process.geteuid !== 'function') return undefined;
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg ? xdg : env.HOME ? __dccPath.join(env.HOME, '.cache') : undefined;
  return base === undefined ? undefined : __dccPath.join(base, 'disbuild', 'code');
}

/** How long a file unused stays (another version's, most often). */
const __dccUsedWithinMs = 30 * 86_400_000;
/** How precisely a use is recorded: a read refreshes the mtime once this much older, not every run. */
const __dccUseResolutionMs = 86_400_000;

/**
 * The cached code at `path`, when it is a file of this user's own that nobody else can have written; marked used
 * (see __dccRemoveLeftovers).
 */
function __dccRead(path) {
  let fd;
  try {
    // Without blocking, and not through a link: a FIFO in its place must not hang every start.
    const c = __dccFs.constants;
    fd = __dccFs.openSync(path, c.O_RDONLY | c.O_NONBLOCK | c.O_NOFOLLOW);
    const st = __dccFs.fstatSync(fd);
    if (!st.isFile() || st.uid !== process.geteuid() || (st.mode & 0o022) !== 0) return undefined;
    const now = Date.now();
    if (now - st.mtimeMs > __dccUseResolutionMs) {
      try {
        __dccFs.futimesSync(fd, now / 1000, now / 1000);
      } catch {
        // Unrecorded: at worst the file is written again after a removal.
      }
    }
    return __dccFs.readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) __dccFs.closeSync(fd);
  }
}

/**
 * Removes temp files of processes that died writing (a SIGKILL between write and rename), and the files of code
 * unused for __dccUsedWithinMs: once per writing run.
 */
function __dccRemoveLeftovers(dir) {
  let names;
  try {
    names = __dccFs.readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    const temp = /\.(\d+)\.tmp$/.exec(name);
    if (temp) {
      if (Number(temp[1]) === process.pid) continue;
      try {
        process.kill(Number(temp[1]), 0);
        continue;
      } catch (e) {
        if (e.code !== 'ESRCH') continue;
      }
    } else {
      if (!/-[0-9a-f]{32}\.v8$/.test(name)) continue;
      try {
        const st = __dccFs.lstatSync(__dccPath.join(dir, name));
        // Another user's file (a cache directory shared by mistake) is theirs to remove.
        if (!st.isFile() || st.uid !== process.geteuid() || now - st.mtimeMs < __dccUsedWithinMs) continue;
      } catch {
        continue;
      }
    }
    try {
      __dccFs.rmSync(__dccPath.join(dir, name), { force: true });
    } catch {
      // Left for the next writing run.
    }
  }
}

function __dccWriteAll() {
  const writes = __dccToWrite.splice(0);
  if (writes.length > 0) __dccRemoveLeftovers(__dccPath.dirname(writes[0].path));
  for (const { script, path } of writes) {
    const temp = `${path}.${process.pid}.tmp`;
    try {
      __dccFs.mkdirSync(__dccPath.dirname(path), { recursive: true, mode: 0o700 });
      __dccFs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
      __dccFs.renameSync(temp, path);
    } catch {
      try {
        __dccFs.rmSync(temp, { force: true });
      } catch {
        // Nothing more to do: the next run compiles without it.
      }
    }
  }
}

/** Compiles and runs the chunk `name` (a script: a function of `import.meta`, see code-cache.mjs). */
function __dccLoad(name) {
  const file = __dccPath.join(__dccHere, name);
  const source = __dccFs.readFileSync(file, 'utf8');
  const dir = __dccDir();
  const digest = __dccDigests[name];
  let path;
  let cachedData;
  if (dir !== undefined && digest !== undefined) {
    // The chunk's size and mtime as well: a chunk changed since the build (by hand) is not taken for the one built.
    // The rest only keeps the files of other Nodes and flags apart: V8 itself refuses code cached by another
    // version or with other flags.
    const st = __dccFs.statSync(file);
    const key =
      digest.slice(0, 24) +
      __dccFnv(
        `${st.size}\0${st.mtimeMs}\0${process.version}\0${process.platform}\0${process.arch}\0` +
          `${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`,
      );
    path = __dccPath.join(dir, `${name.replace(/\.js$/, '')}-${key}.v8`);
    cachedData = __dccRead(path);
  }
  const script = new __dccVm.Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (path !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
    if (__dccToWrite.length === 0) process.once('exit', __dccWriteAll);
    __dccToWrite.push({ script, path });
  }
  return script.runInThisContext()({ url: __dccPathToFileUrl(file).href });
}

/** FNV-1a of `text`'s UTF-16 code units, as 8 hex digits. */
function __dccFnv(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** What `import("./<chunk>")` answered before: the chunk's `{ id, ids, modules }`. */
function __disbuildLoadChunk(name) {
  return new Promise((resolve) => resolve(__dccLoad(name)));
}

/******/ var __webpack_modules__ = ({

/***/ 2342:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ runCli)
/* harmony export */ });
/* unused harmony export usage */
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1604);

/** Sub-commands are loaded on demand so that a fast command never pays for a slow one's imports. */
const commands = {};
/** Registers a sub-command; each lives in src/cli/commands/<name>.ts. */
function register(name, summary, load) {
    commands[name] = { summary, load };
}
register('run', 'run a build graph with caching', async () => (await Promise.all(/* import() */[__nccwpck_require__.e(338), __nccwpck_require__.e(948)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7948))).run);
register('ids', "print every job's content key", async () => (await Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(867), __nccwpck_require__.e(338), __nccwpck_require__.e(51), __nccwpck_require__.e(196)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9747))).ids);
register('graph', "print the graph disbuild.json's tasks compile to", async () => (await Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(370), __nccwpck_require__.e(867), __nccwpck_require__.e(338), __nccwpck_require__.e(682), __nccwpck_require__.e(943), __nccwpck_require__.e(637)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1637))).graph);
register('import', 'write disbuild.json from turbo.json', async () => (await Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(370), __nccwpck_require__.e(867), __nccwpck_require__.e(338), __nccwpck_require__.e(682), __nccwpck_require__.e(943), __nccwpck_require__.e(880)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7880))).importCommand);
register('explain', 'say why each job that would run must run', async () => (await Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(867), __nccwpck_require__.e(338), __nccwpck_require__.e(556), __nccwpck_require__.e(51), __nccwpck_require__.e(438), __nccwpck_require__.e(266)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5342))).explainCommand);
register('cache', 'manage the local cache (prune)', async () => (await __nccwpck_require__.e(/* import() */ 946).then(__nccwpck_require__.bind(__nccwpck_require__, 8946))).cache);
register('hook', 'install, uninstall or run the pre-push git hook', async () => (await Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(370), __nccwpck_require__.e(442), __nccwpck_require__.e(332), __nccwpck_require__.e(867), __nccwpck_require__.e(338), __nccwpck_require__.e(682), __nccwpck_require__.e(556), __nccwpck_require__.e(51), __nccwpck_require__.e(943), __nccwpck_require__.e(844), __nccwpck_require__.e(511), __nccwpck_require__.e(310), __nccwpck_require__.e(431), __nccwpck_require__.e(439)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8949))).hook);
register('coordinator', 'speak the Start/Finish protocol from inside a job', async () => (await __nccwpck_require__.e(/* import() */ 167).then(__nccwpck_require__.bind(__nccwpck_require__, 167))).coordinator);
function usage() {
    const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(12)} ${c.summary}`);
    return `Usage: disbuild <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'disbuild <command> --help' for a command's options.\n`;
}
async function runCli(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        (name === undefined ? io.stderr : io.stdout).write(usage());
        return name === undefined ? _io_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .d.usage : _io_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .d.ok;
    }
    const command = commands[name];
    if (!command) {
        io.stderr.write(`disbuild: unknown command ${JSON.stringify(name)}\n\n${usage()}`);
        return _io_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .d.usage;
    }
    return (await command.load())(rest, io);
}


/***/ }),

/***/ 9949:
/***/ ((__unused_webpack_module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

/* harmony import */ var _util_extra_ca_certs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1737);
// bin/disbuild hands NODE_EXTRA_CA_CERTS over under another name so that Node's start does not parse it. Put it
// back before anything reads the environment or starts a process: jobs and the remote cache see it unchanged.

const handedOver = process.env[_util_extra_ca_certs_js__WEBPACK_IMPORTED_MODULE_0__/* .HANDED_OVER_CA_CERTS */ .J2];
if (handedOver !== undefined) {
    process.env.NODE_EXTRA_CA_CERTS = handedOver;
    delete process.env[_util_extra_ca_certs_js__WEBPACK_IMPORTED_MODULE_0__/* .HANDED_OVER_CA_CERTS */ .J2];
}


/***/ }),

/***/ 1604:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ EXIT)
/* harmony export */ });
/** Exit codes shared by every command. */
const EXIT = { ok: 0, failed: 1, usage: 2 };


/***/ }),

/***/ 2957:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _handed_over_env_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9949);
/* harmony import */ var _dispatch_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2342);
/* harmony import */ var _util_background_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3694);



// A reader that goes away (`disbuild run | head -1`, a closed terminal) costs the rest of the output, never the
// run: the jobs go on, are cached and counted in the exit code and the report. Other stream errors stay fatal.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e) => {
        if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED')
            throw e;
    });
}
process.exitCode = await (0,_dispatch_js__WEBPACK_IMPORTED_MODULE_1__/* .runCli */ .a)(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    // A getter: touching process.stdin creates the stream (a handle probe and the tty or net modules loaded), a
    // cost every run paid though only the hook reads it.
    get stdin() {
        return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
});
// Ended here rather than left to wind down: with the command over, Node would first finish whatever collection V8
// has begun (about 10 ms after a fully cached run of 1,000 jobs). Work nobody awaited is finished first, and what
// stdout and stderr still hold for a reader that is slow (a pipe is written asynchronously) is written out. The
// exit comes once this module has finished: from within, it would count as a module that never settled (code 13).
await (0,_util_background_js__WEBPACK_IMPORTED_MODULE_2__/* .backgroundDone */ .$)();
await Promise.all([written(process.stdout), written(process.stderr)]);
setImmediate(() => process.exit());
/** Resolves once what was written to `stream` before has reached its file descriptor (or the stream failed). */
function written(stream) {
    if (stream.writableLength === 0 || stream.destroyed)
        return Promise.resolve();
    return new Promise((resolve) => stream.write('', () => resolve()));
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3694:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ backgroundDone),
/* harmony export */   k: () => (/* binding */ inBackground)
/* harmony export */ });
/**
 * Work nobody waits for, which must still be done before the process ends: clean-ups of scratch directories, a
 * damaged cache entry moved aside, an entry's last use recorded. The CLI ends its process as soon as a command is
 * over (see cli/main.ts), so such work is registered here and awaited first. Failures are the work's own concern:
 * it is registered with its errors already handled.
 */
const pending = new Set();
function inBackground(work) {
    const settled = work.catch(() => undefined).finally(() => pending.delete(settled));
    pending.add(settled);
}
/** Resolves once everything registered, including what that work registered in turn, is done. */
async function backgroundDone() {
    while (pending.size > 0)
        await Promise.all(pending);
}


/***/ }),

/***/ 1737:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J2: () => (/* binding */ HANDED_OVER_CA_CERTS),
/* harmony export */   RC: () => (/* binding */ handOverCaCerts),
/* harmony export */   y7: () => (/* binding */ extraCaCertsFile)
/* harmony export */ });
/**
 * NODE_EXTRA_CA_CERTS under another name, for Node processes that must not parse the file as they start (tens of
 * milliseconds of CPU each, before any of their code runs) and that read it themselves when they need it: the CLI
 * (bin/disbuild hands it over) and the upload process.
 */
const HANDED_OVER_CA_CERTS = 'DISBUILD_NODE_EXTRA_CA_CERTS';
/** `env` with NODE_EXTRA_CA_CERTS moved to HANDED_OVER_CA_CERTS (a copy; `env` itself when it is not set). */
function handOverCaCerts(env) {
    const file = env.NODE_EXTRA_CA_CERTS;
    if (file === undefined)
        return env;
    const { NODE_EXTRA_CA_CERTS: _moved, ...rest } = env;
    return { ...rest, [HANDED_OVER_CA_CERTS]: file };
}
/** The extra CA certificates file, under either name. */
function extraCaCertsFile(env = process.env) {
    return env.NODE_EXTRA_CA_CERTS ?? env[HANDED_OVER_CA_CERTS];
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("child_process");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("fs");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:diagnostics_channel");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:stream/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:util/types");

/***/ }),

/***/ 8877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:v8");

/***/ }),

/***/ 714:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:vm");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("process");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("tty");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', __disbuild_module_url).pathname.slice(__disbuild_module_url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = __disbuildLoadChunk(__nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(2957);
/******/ __webpack_exports__.then((e) => { __webpack_exports__ = e; }, (e) => { __webpack_exports__ = undefined; throw e; }); process.once("exit", (code) => { if (code === 0 && __webpack_exports__ instanceof Promise) process.exitCode = 13; });
/******/ 
