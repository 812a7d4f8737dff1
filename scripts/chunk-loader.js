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
import { createRequire as __dccCreateRequire } from 'node:module';

const __dccRequire = __dccCreateRequire(import.meta.url);
const __dccFs = __dccRequire('node:fs');
const __dccPath = __dccRequire('node:path');
const __dccVm = __dccRequire('node:vm');
const { fileURLToPath: __dccFileUrlToPath, pathToFileURL: __dccPathToFileUrl } = __dccRequire('node:url');

const __dccHere = __dccPath.dirname(__dccFileUrlToPath(import.meta.url));
/**
 * Each chunk's SHA-256, written in by the build (scripts/code-cache.mjs): no chunk's text is hashed at run time, nor
 * node:crypto loaded for it.
 */
const __dccDigests = {};
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
