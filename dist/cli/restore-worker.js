const __disbuild_module_url = require("node:url").pathToFileURL(__filename).href; const __WEBPACK_EXTERNAL_createRequire = () => require;
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', __disbuild_module_url).pathname.slice(__disbuild_module_url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:worker_threads");
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:path");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:zlib");
;// CONCATENATED MODULE: ./src/util/read-own-file.ts

/**
 * The text of `file` when it is a regular file that `accept` takes (by its stat data), else undefined; throws as
 * `open` does (ENOENT). Opened without blocking: a FIFO put in its place must not hang the run (it is then not a
 * regular file, and not read), nor a device be read without end.
 */
function readRegularFile(file, accept = () => true) {
    return readRegularBytes(file, accept)?.toString('utf8');
}
/**
 * A descriptor of `file`, opened for reading, when it is a regular file and not a link at its name; throws
 * otherwise (ELOOP for a link). For files that must be what a manifest says (a cache entry's): a FIFO or a device
 * put in one's place is damage, and opening it must neither hang the run nor read without end.
 */
function openRegularFile(file) {
    return openRegular(file).fd;
}
/** As openRegularFile, with the file's stat data (taken through the descriptor). */
function openRegular(file) {
    const fd = (0,external_node_fs_namespaceObject.openSync)(file, external_node_fs_namespaceObject.constants.O_RDONLY | external_node_fs_namespaceObject.constants.O_NONBLOCK | external_node_fs_namespaceObject.constants.O_NOFOLLOW);
    let stat;
    try {
        stat = (0,external_node_fs_namespaceObject.fstatSync)(fd);
    }
    finally {
        if (!stat?.isFile())
            (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
    if (!stat.isFile())
        throw new Error(`${file} is not a regular file`);
    return { fd, stat };
}
/** As readRegularFile, the bytes; `flags` are added to the open's. */
function readRegularBytes(file, accept, flags = 0) {
    const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | flags);
    try {
        const st = fstatSync(fd);
        return st.isFile() && accept(st) ? readFileSync(fd) : undefined;
    }
    finally {
        closeSync(fd);
    }
}
/**
 * The text of `file` when it is a regular file of this user that no one else may write, else undefined; throws as
 * `open` does (ENOENT, and ELOOP for a link). For state whose content vouches for something (outputs in place, a
 * compiled or validated graph, keys): whoever can write it can make a run trust anything, so a file another user
 * wrote or may write (a shared cache directory, a run under another account) is not read. Nor is a link at its name:
 * state files are never links, and one put there by another user would have the run read whatever it points to.
 */
function readOwnFile(file) {
    return readOwnBytes(file)?.toString('utf8');
}
/** As readOwnFile, the bytes: for a caller that checks a digest before it decodes anything. */
function readOwnBytes(file) {
    const uid = process.getuid?.();
    return readRegularBytes(file, (st) => (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0, constants.O_NOFOLLOW);
}
/** As readOwnBytes, but undefined as well for a file that cannot be opened (missing, a link, unreadable). */
function readOwnBytesIfAny(file) {
    try {
        return readOwnBytes(file);
    }
    catch {
        return undefined;
    }
}
/** As readOwnFile, but undefined as well for a file that cannot be opened (missing, a link, unreadable). */
function readOwnFileIfAny(file) {
    return readOwnBytesIfAny(file)?.toString('utf8');
}

;// CONCATENATED MODULE: ./src/cache/manifest.ts





function sha256(bytes) {
    // Most logs are empty, and a restore checks both of every artifact's: a hash object each costs more than that.
    if (bytes.length === 0)
        return EMPTY_SHA256;
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(bytes).digest('hex');
}
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/** Files up to this size are hashed with one synchronous read: far cheaper than a stream for typical outputs. */
const SYNC_HASH_LIMIT = 4 * 1024 * 1024;
/**
 * After this many bytes hashed synchronously, the next file waits for one turn of the event loop: a tree of
 * gigabytes in small files must not hold back timers (a coordinator lease renewal, a server's own lease
 * checks) for seconds.
 */
const YIELD_EVERY_BYTES = 16 * 1024 * 1024;
let hashedSinceYield = 0;
/** One read buffer for every file hashed synchronously: no allocation per file (thousands per cold run). */
const readBuffer = Buffer.allocUnsafe(256 * 1024);
/** SHA-256 hex of the first `size` bytes of a file (all of it, as it was sized), read through the shared buffer. */
function smallFileSha256(path, size) {
    const h = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const fd = openRegularFile(path);
    try {
        for (let done = 0; done < size;) {
            const n = (0,external_node_fs_namespaceObject.readSync)(fd, readBuffer, 0, Math.min(readBuffer.length, size - done), done);
            if (n === 0)
                break;
            h.update(readBuffer.subarray(0, n));
            done += n;
        }
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
    return h.digest('hex');
}
/** SHA-256 hex of a file's content (`size` picks the cheaper way to read it). */
async function fileSha256(path, size) {
    if (size <= SYNC_HASH_LIMIT) {
        hashedSinceYield += size;
        if (hashedSinceYield >= YIELD_EVERY_BYTES) {
            hashedSinceYield = 0;
            await new Promise((r) => setImmediate(r));
        }
        return smallFileSha256(path, size);
    }
    const h = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)('', { fd: openRegularFile(path) }))
        h.update(chunk);
    return h.digest('hex');
}
/** Does a symlink at `path` (relative, '/'-separated) with this target lead out of its tree? */
function symlinkEscapes(path, target) {
    const resolved = external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.dirname(path), target));
    return (0,external_node_path_namespaceObject.isAbsolute)(target) || target.includes('\0') || resolved === '..' || resolved.startsWith('../');
}
/** More link expansions than Linux follows in one lookup: such a chain cannot be followed at all. */
const MAX_LINK_HOPS = 40;
/** Directories deeper than a path the system takes (4,096 bytes) can spell: such a tree is refused. */
const MAX_DEPTH = 2048;
/**
 * The first symlink of a tree that leads out of it when followed through the tree's other links, or undefined.
 * Each link checked alone is not enough: with `a/b -> ..`, the link `c -> a/b/..` stays inside on paper and
 * resolves to the tree's parent. Names the tree does not have are taken as plain directories.
 */
function linkLeavingTree(entries) {
    const links = new Map();
    for (const e of entries)
        if (e.type === 'symlink' && e.target !== undefined)
            links.set(e.path, e.target);
    // Parts walked over the whole tree, and the depth of a walk: bounded, so that a forged list of long, looping
    // links costs little to refuse (one of 300,000 parts took the stack; thirty looping ones, ten seconds). A tree
    // that needs more is refused as though it led out: the links of a package tree take a few parts each.
    let budget = 64 * 1024 + 32 * links.size;
    const leaves = (path, target) => {
        const at = path.split('/').slice(0, -1);
        // Parts still to walk, the next one last.
        const todo = target.split('/').reverse();
        let hops = 0;
        while (todo.length > 0) {
            if (--budget < 0 || at.length > MAX_DEPTH)
                return true;
            const part = todo.pop();
            if (part === '' || part === '.')
                continue;
            if (part === '..') {
                if (at.length === 0)
                    return true;
                at.pop();
                continue;
            }
            at.push(part);
            const next = links.get(at.join('/'));
            if (next === undefined)
                continue;
            if ((0,external_node_path_namespaceObject.isAbsolute)(next))
                return true;
            if (++hops > MAX_LINK_HOPS)
                return false;
            at.pop();
            const parts = next.split('/');
            for (let i = parts.length - 1; i >= 0; i--)
                todo.push(parts[i]);
        }
        return false;
    };
    for (const [path, target] of links)
        if ((0,external_node_path_namespaceObject.isAbsolute)(target) || leaves(path, target))
            return path;
    return undefined;
}
/**
 * The first path the manifest places inside another of its entries that is not a directory (a file or a link):
 * writing it would fail half-way, or go through the link — each link lexically inside the tree, `d/l -> ..` makes
 * `d/l/m` at `m`. Such a list is refused before anything is made.
 */
function pathUnderNonDirectory(entries) {
    const types = new Map(entries.map((e) => [e.path, e.type]));
    for (const e of entries) {
        for (let i = e.path.indexOf('/'); i !== -1; i = e.path.indexOf('/', i + 1)) {
            const above = types.get(e.path.slice(0, i));
            if (above !== undefined && above !== 'dir')
                return e.path;
        }
    }
    return undefined;
}
/**
 * Every file, directory and symlink under `dir`, sorted by path; symlinks must stay inside the tree. With `seal`,
 * the tree is also made read-only in the same pass, as sealTree (util/seal-tree.ts) does: each file loses its
 * write bits once hashed, each directory becomes r-x once its children are done, the tree's root last.
 */
async function describeTree(dir, opts = {}) {
    const entries = [];
    const seal = opts.seal === true;
    const list = (abs) => {
        try {
            return readdirSync(abs);
        }
        catch (e) {
            // A job may leave a directory it cannot read; sealing opens it, as sealTree does.
            if (!seal || e.code !== 'EACCES')
                throw e;
            chmodSync(abs, 0o700);
            return readdirSync(abs);
        }
    };
    const walk = async (rel) => {
        // The walk is synchronous: it is a handful of metadata calls per file, and thousands of thread-pool round
        // trips per run would cost more than they overlap.
        const names = list(join(dir, rel)).sort();
        for (const name of names) {
            const r = rel === '' ? name : `${rel}/${name}`;
            const abs = join(dir, r);
            const st = lstatSync(abs);
            if (st.isDirectory()) {
                entries.push({ path: r, type: 'dir', mode: 0o755, size: 0, sha256: '' });
                if (seal && (st.mode & 0o700) !== 0o700)
                    chmodSync(abs, (st.mode & 0o7777) | 0o700);
                const problem = await walk(r);
                if (problem)
                    return problem;
                if (seal)
                    chmodSync(abs, 0o555);
            }
            else if (st.isSymbolicLink()) {
                const target = readlinkSync(abs);
                // Links through links (`c -> .`, `up -> c/..`) are resolved once the whole tree is known, below.
                if (symlinkEscapes(r, target)) {
                    return `symlink ${r} points outside the output directory (${target})`;
                }
                entries.push({
                    path: r,
                    type: 'symlink',
                    mode: 0o777,
                    size: target.length,
                    sha256: sha256(target),
                    target,
                });
            }
            else if (st.isFile()) {
                const mode = st.mode & 0o100 ? 0o755 : 0o644;
                entries.push({ path: r, type: 'file', mode, size: st.size, sha256: await fileSha256(abs, st.size) });
                if (seal && (st.mode & 0o222) !== 0)
                    chmodSync(abs, st.mode & ~0o222 & 0o7777);
            }
            else {
                return `${r} is neither a file, a directory nor a symlink`;
            }
        }
        return undefined;
    };
    const problem = await walk('');
    if (problem !== undefined)
        return err(problem);
    if (seal)
        chmodSync(dir, 0o555);
    const leaving = linkLeavingTree(entries);
    return leaving === undefined
        ? ok(entries)
        : err(`symlink ${leaving} points outside the output directory through other links`);
}
/** The manifest of an artifact whose output tree is at `outputDir` (made read-only with `seal`, see above). */
async function buildManifest(outputDir, key, durationMs, stdout, stderr, opts = {}) {
    const entries = await describeTree(outputDir, opts);
    if (!entries.ok)
        return entries;
    return ok({
        version: 1,
        key,
        durationMs,
        stdoutSha256: sha256(stdout),
        stderrSha256: sha256(stderr),
        entries: entries.value,
    });
}
/** Checks that `dir` holds exactly the manifest's tree: same entries, types, sizes, exec bits and hashes. */
async function verifyTree(dir, manifest) {
    const actual = await describeTree(dir);
    if (!actual.ok)
        return actual;
    const want = new Map(manifest.entries.map((e) => [e.path, e]));
    for (const e of actual.value) {
        const w = want.get(e.path);
        if (!w)
            return err(`unexpected ${e.type} ${e.path}`);
        if (w.type !== e.type ||
            w.size !== e.size ||
            w.sha256 !== e.sha256 ||
            (w.type === 'file' && w.mode !== e.mode)) {
            return err(`${e.path} does not match the manifest`);
        }
        want.delete(e.path);
    }
    const missing = want.keys().next();
    return missing.done ? ok(undefined) : err(`${missing.value} is missing`);
}

;// CONCATENATED MODULE: ./src/cache/adopt-archive.ts





/** Shard directories of entries (see adoptArchive) this thread made or found. */
const shards = new Set();
/**
 * Turns a downloaded archive into a committed local cache entry in one synchronous stretch, on whichever thread
 * runs it (the restore helper thread, normally): every file is checked against the manifest before anything is
 * written; then the entry is built in `temp` with its files and directories already read-only (as the executor
 * would seal them: no walk afterwards), its meta.json written, and renamed into place — the single commit point,
 * so a crash at any moment leaves either nothing or a complete entry (the temp directory of a dead process is
 * removed by the next run). Answers a mismatch; throws on I/O trouble (a full disk), leaving `temp` for the
 * caller to remove.
 *
 * Writes nothing through a link: the manifest's paths are safe and unique (checked when its record was read),
 * links are made last, and no path is written twice ('wx').
 */
function adoptArchive(r) {
    const clash = pathUnderNonDirectory(r.entries);
    if (clash !== undefined)
        return { ok: false, mismatch: `the file list puts ${JSON.stringify(clash)} under a file or link` };
    const files = r.entries.filter((e) => e.type === 'file');
    const total = files.reduce((s, e) => s + e.size, 0);
    let content = Buffer.from(r.archive.buffer, r.archive.byteOffset, r.archive.byteLength);
    if (r.encoding === 'gzip') {
        try {
            // Never more than the manifest promises: a small archive cannot expand into a huge one.
            content = (0,external_node_zlib_namespaceObject.gunzipSync)(content, { maxOutputLength: Math.max(1, total) });
        }
        catch (e) {
            return { ok: false, mismatch: `bad archive: ${e.message}` };
        }
    }
    if (content.length !== total) {
        return { ok: false, mismatch: `the archive holds ${content.length} bytes, the manifest ${total}` };
    }
    const parts = [];
    let at = 0;
    for (const e of files) {
        const bytes = content.subarray(at, at + e.size);
        at += e.size;
        if ((0,external_node_crypto_namespaceObject.createHash)('sha256').update(bytes).digest('hex') !== e.sha256) {
            return { ok: false, mismatch: `${JSON.stringify(e.path)} does not match the manifest` };
        }
        parts.push(bytes);
    }
    const out = (0,external_node_path_namespaceObject.join)(r.temp, 'out');
    (0,external_node_fs_namespaceObject.mkdirSync)(r.temp);
    (0,external_node_fs_namespaceObject.mkdirSync)(out);
    // Every directory of the tree, to be sealed once its contents are written.
    const dirs = [out];
    const made = new Set(dirs);
    const makeDir = (dir) => {
        if (made.has(dir))
            return;
        makeDir((0,external_node_path_namespaceObject.dirname)(dir));
        (0,external_node_fs_namespaceObject.mkdirSync)(dir);
        made.add(dir);
        dirs.push(dir);
    };
    let file = 0;
    for (const e of r.entries) {
        const path = (0,external_node_path_namespaceObject.join)(out, e.path);
        if (e.type === 'dir')
            makeDir(path);
        else if (e.type === 'file') {
            makeDir((0,external_node_path_namespaceObject.dirname)(path));
            // Read-only from the start: the mode the executor's seal would give it (umask only takes bits away).
            (0,external_node_fs_namespaceObject.writeFileSync)(path, parts[file++], { flag: 'wx', mode: (e.mode & 0o100 ? 0o755 : 0o644) & ~0o222 });
        }
    }
    for (const e of r.entries) {
        if (e.type !== 'symlink')
            continue;
        const path = (0,external_node_path_namespaceObject.join)(out, e.path);
        makeDir((0,external_node_path_namespaceObject.dirname)(path));
        (0,external_node_fs_namespaceObject.symlinkSync)(e.target, path);
    }
    // Deepest first: a directory is sealed after everything inside it was made.
    for (let i = dirs.length - 1; i >= 0; i--)
        (0,external_node_fs_namespaceObject.chmodSync)(dirs[i], 0o555);
    for (const log of r.logs)
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(r.temp, log.name), log.bytes);
    // Its mode spelled out, as a local save does (a umask of 000 would leave it writable by anyone, and refused).
    (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(r.temp, 'meta.json'), r.meta, { mode: 0o644 });
    // The entry's shard directory is made (or found) once per thread before its first rename, not after a rename
    // failed: a failed call costs an exception, and a new cache has 256 shards to make.
    const shard = (0,external_node_path_namespaceObject.dirname)(r.entry);
    if (!shards.has(shard)) {
        (0,external_node_fs_namespaceObject.mkdirSync)(shard, { recursive: true });
        shards.add(shard);
    }
    try {
        (0,external_node_fs_namespaceObject.renameSync)(r.temp, r.entry);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOTEMPTY' || code === 'EEXIST')
            return { ok: true, committed: false };
        if (code !== 'ENOENT')
            throw e;
        // The shard was removed meanwhile (the cache pruned or wiped while this runs).
        (0,external_node_fs_namespaceObject.mkdirSync)(shard, { recursive: true });
        (0,external_node_fs_namespaceObject.renameSync)(r.temp, r.entry);
    }
    return { ok: true, committed: true };
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(__disbuild_module_url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/util/remove-tree.ts


/** Whether an error is the kind that giving the owner write permission back can cure. */
function isPermissionError(e) {
    const code = e?.code;
    return code === 'EACCES' || code === 'EPERM';
}
/**
 * Removes a directory tree (or a file) that may hold read-only directories: jobs leave them (Go's module cache
 * is made read-only on purpose) and committed cache entries are read-only by design. An unprivileged `rm -rf`
 * cannot empty such a directory, so on a permission error every directory of the tree is made writable by its
 * owner and the removal is tried once more. Throws only when that fails too (a tree owned by someone else).
 */
async function removeTree(path) {
    try {
        await rm(path, { recursive: true, force: true });
        return;
    }
    catch (e) {
        if (!isPermissionError(e))
            throw e;
    }
    await makeDirsWritable(path);
    await rm(path, { recursive: true, force: true });
}
/** Gives the owner full access to every directory under `path` (symlinks are never followed). */
async function makeDirsWritable(path) {
    let st;
    try {
        st = await lstat(path);
    }
    catch {
        return;
    }
    if (!st.isDirectory())
        return;
    if ((st.mode & 0o700) !== 0o700)
        await chmod(path, (st.mode & 0o7777) | 0o700).catch(() => undefined);
    let names;
    try {
        names = await readdir(path);
    }
    catch {
        return;
    }
    for (const name of names)
        await makeDirsWritable(join(path, name));
}

;// CONCATENATED MODULE: ./src/util/writable-dir.ts



/**
 * Runs `op`, which makes, replaces or removes an entry of the directory `dir`; when the directory refuses it (a
 * job left it read-only, `chmod 555 dist/sub`, as Go's module cache is made read-only on purpose), gives its
 * owner write permission back and runs `op` once more. Throws the first error when that cannot be done (the
 * directory is someone else's, or the entry is immutable).
 */
function inWritableDir(dir, op) {
    try {
        return op();
    }
    catch (e) {
        if (!isPermissionError(e) || !makeWritable(dir))
            throw e;
    }
    return op();
}
/** As inWritableDir, for an asynchronous `op`. */
async function inWritableDirAsync(dir, op) {
    try {
        return await op();
    }
    catch (e) {
        if (!isPermissionError(e) || !makeWritable(dir))
            throw e;
    }
    return op();
}
/** Whether `dir` was a directory its owner could not write, and now can. */
function makeWritable(dir) {
    try {
        const st = (0,external_node_fs_namespaceObject.lstatSync)(dir);
        if (!st.isDirectory() || (st.mode & 0o300) === 0o300)
            return false;
        (0,external_node_fs_namespaceObject.chmodSync)(dir, (st.mode & 0o7777) | 0o300);
        return true;
    }
    catch {
        return false;
    }
}
/** `mkdir -p dir`; when the deepest directory that exists refuses (made read-only by a job), as inWritableDir. */
function makeDirs(dir) {
    let above = (0,external_node_path_namespaceObject.dirname)(dir);
    try {
        (0,external_node_fs_namespaceObject.mkdirSync)(dir, { recursive: true });
        return;
    }
    catch (e) {
        if (!isPermissionError(e))
            throw e;
    }
    while (above !== (0,external_node_path_namespaceObject.dirname)(above) && !(0,external_node_fs_namespaceObject.existsSync)(above))
        above = (0,external_node_path_namespaceObject.dirname)(above);
    inWritableDir(above, () => (0,external_node_fs_namespaceObject.mkdirSync)(dir, { recursive: true }));
}
/**
 * Removes the file or tree at `path` (nothing when it is not there), as a job's stale output: read-only
 * directories the job made in it, and its parent, are made writable by their owner when they refuse.
 */
function removeOutputTree(path) {
    inWritableDir((0,external_node_path_namespaceObject.dirname)(path), () => {
        try {
            (0,external_node_fs_namespaceObject.rmSync)(path, { recursive: true, force: true });
        }
        catch (e) {
            if (!isPermissionError(e))
                throw e;
            makeTreeWritable(path);
            (0,external_node_fs_namespaceObject.rmSync)(path, { recursive: true, force: true });
        }
    });
}
/** Gives the owner write and search permission on every directory under `path` (links are never followed). */
function makeTreeWritable(path) {
    if (!makeWritable(path) && !(0,external_node_fs_namespaceObject.lstatSync)(path, { throwIfNoEntry: false })?.isDirectory())
        return;
    let names;
    try {
        names = (0,external_node_fs_namespaceObject.readdirSync)(path);
    }
    catch {
        return;
    }
    for (const name of names)
        makeTreeWritable((0,external_node_path_namespaceObject.join)(path, name));
}

;// CONCATENATED MODULE: ./src/util/result.ts
const result_ok = (value) => ({ ok: true, value });
const result_err = (error) => ({ ok: false, error });

;// CONCATENATED MODULE: ./src/cache/tree-copy.ts






/**
 * Copies a directory tree, hard-linking files when `link` is set and the file system allows it.
 * Linking is for saves only: restores must copy, because a restored tree may be written to, while a saved
 * entry is verified against its manifest on every restore, so a later write through a link is caught there.
 * Asynchronous: creating a directory entry costs a fraction of a millisecond of kernel time on common disks,
 * and the event loop has jobs to start meanwhile.
 */
async function copyTree(src, dest, opts) {
    await mkdir(dest, { recursive: true });
    for (const entry of await readdir(src, { withFileTypes: true })) {
        const from = join(src, entry.name);
        const to = join(dest, entry.name);
        if (entry.isDirectory())
            await copyTree(from, to, opts);
        else if (entry.isSymbolicLink())
            await symlink(await readlink(from), to);
        else if (entry.isFile())
            await copyOne(from, to, opts.link);
    }
}
async function copyOne(from, to, tryLink) {
    if (tryLink) {
        try {
            await link(from, to);
            return;
        }
        catch {
            // Another file system, or links not allowed: copy instead.
        }
    }
    await copyFile(from, to, constants.COPYFILE_FICLONE);
    const mode = (await stat(from)).mode & 0o777;
    if (mode & 0o111)
        await chmod(to, mode);
}
/** Files up to this size are restored from one read: hashed from memory and written from the same bytes. */
const IN_MEMORY_LIMIT = 4 * 1024 * 1024;
/** After this many bytes restored in line, the next file waits for one turn of the event loop (timers, leases). */
const tree_copy_YIELD_EVERY_BYTES = 16 * 1024 * 1024;
/**
 * Restores exactly the entries a manifest lists (parents before children, as manifests are sorted) from `src`
 * into a new `dest`, verifying as it goes: each file's bytes are read once, checked against the listed size and
 * SHA-256, and those same bytes are written (larger files: a kernel copy, reflink where possible, hashed after);
 * each symlink's target is checked against its digest and must stay inside the tree. Files get the listed mode. Anything else in `src` is left behind: a
 * dependent may have written there (Python's `__pycache__`), and that is neither part of the artifact nor a
 * reason to call it damaged. A path whose parent is not a directory made by this restore is refused, so a
 * listed symlink is never written through. Answers the first mismatch; throws on I/O trouble (a missing file,
 * a full disk).
 *
 * Synchronous for small files: an output is mostly small files, and three thread-pool round trips per file
 * (read, write, close) cost more than they overlap.
 */
async function restoreListedTree(src, dest, entries) {
    const leaving = linkLeavingTree(entries);
    if (leaving !== undefined)
        return result_err(`symlink ${leaving} points outside the output directory`);
    (0,external_node_fs_namespaceObject.mkdirSync)(dest);
    const dirs = new Set(['']);
    for (const e of entries) {
        const slash = e.path.lastIndexOf('/');
        if (!dirs.has(slash < 0 ? '' : e.path.slice(0, slash))) {
            return result_err(`the manifest lists ${e.path} outside a listed directory`);
        }
        const to = (0,external_node_path_namespaceObject.join)(dest, e.path);
        if (e.type === 'dir') {
            (0,external_node_fs_namespaceObject.mkdirSync)(to);
            dirs.add(e.path);
        }
        else if (e.type === 'symlink') {
            const target = e.target ?? '';
            if (target.length !== e.size || sha256(target) !== e.sha256 || symlinkEscapes(e.path, target)) {
                return result_err(`${e.path} does not match the manifest`);
            }
            (0,external_node_fs_namespaceObject.symlinkSync)(target, to);
        }
        else if (!(await copyVerifiedFile((0,external_node_path_namespaceObject.join)(src, e.path), to, e))) {
            return result_err(`${e.path} does not match the manifest`);
        }
    }
    return result_ok(undefined);
}
let sinceYield = 0;
/**
 * Copies the stored file `from` to `to`, which must not exist, checking it against the listed size, exec bit and
 * SHA-256 as it goes; false when it does not match (`to` may then hold the copy: the caller removes it). The copy
 * gets the listed mode (0755 or 0644). Small files are read once, hashed from memory and written from the same
 * bytes; larger ones are a kernel copy (a reflink where possible), hashed after. Throws on I/O trouble (a missing
 * file, a full disk).
 */
async function copyVerifiedFile(from, to, e) {
    const mode = e.mode & 0o100 ? 0o755 : 0o644;
    if (e.size <= IN_MEMORY_LIMIT) {
        const bytes = readStored(from, e);
        if (bytes === undefined || sha256(bytes) !== e.sha256)
            return false;
        (0,external_node_fs_namespaceObject.writeFileSync)(to, bytes, { mode, flag: 'wx' });
        sinceYield += bytes.length;
        if (sinceYield >= tree_copy_YIELD_EVERY_BYTES) {
            sinceYield = 0;
            await new Promise((r) => setImmediate(r));
        }
        return true;
    }
    // The kernel's copy opens `from` itself, blocking: checked first to be a regular file (a FIFO in its place
    // would hang the run), as readStored does for a small one.
    const { fd } = openRegular(from);
    (0,external_node_fs_namespaceObject.closeSync)(fd);
    await (0,promises_namespaceObject.copyFile)(from, to, promises_namespaceObject.constants.COPYFILE_EXCL | promises_namespaceObject.constants.COPYFILE_FICLONE);
    const st = (0,external_node_fs_namespaceObject.statSync)(to);
    if (st.size !== e.size || (st.mode & 0o100) !== (e.mode & 0o100))
        return false;
    await (0,promises_namespaceObject.chmod)(to, mode);
    return (await fileSha256(to, st.size)) === e.sha256;
}
/**
 * One buffer that every restored file is read into, hashed from and written from, in one synchronous stretch
 * (no other restore can use it meanwhile): a thousand restored files would otherwise be a thousand buffers
 * outside the heap, and the garbage collections they bring took a tenth of a restore of 1,000 outputs.
 */
let scratch = Buffer.allocUnsafe(64 * 1024);
/**
 * A stored file's bytes (in the shared scratch buffer, valid until the next call), or undefined when it is not the regular file of the listed size and exec bit (a
 * tampered entry is damaged even where the restored copy would come out right). The same calls as one
 * `readFileSync`: open, fstat, read, close.
 */
function readStored(path, e) {
    const { fd, stat: st } = openRegular(path);
    try {
        if (!st.isFile() || st.size !== e.size || (st.mode & 0o100) !== (e.mode & 0o100))
            return undefined;
        if (scratch.length < e.size)
            scratch = Buffer.allocUnsafe(Math.min(IN_MEMORY_LIMIT, Math.max(e.size, 2 * scratch.length)));
        const bytes = scratch.subarray(0, e.size);
        let at = 0;
        while (at < e.size) {
            const n = (0,external_node_fs_namespaceObject.readSync)(fd, bytes, at, e.size - at, at);
            if (n === 0)
                return undefined;
            at += n;
        }
        return bytes;
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/cache/place-files.ts
/**
 * Stored files put in their places, each checked as it is written (as a restore copies them, see tree-copy.ts),
 * beside its place, then renamed over it. In-place outputs go into
 * the checkout this way (executor/in-place-restore.ts), on whichever thread has time (restore-helper.ts).
 */






/**
 * Temp names are unique to this thread as well as this process: both threads of a run place files, and two jobs
 * whose outputs overlap may place the same path.
 */
const tempPrefix = `disbuild-${process.pid}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`;
let temps = 0;
/**
 * Writes each stored file at its place (`to`), checked against its entry as it is written, in order; the manifest
 * path of the first whose stored bytes are not the entry's. Parent directories are made as needed.
 */
async function placeFiles(files) {
    const made = new Set();
    for (const f of files) {
        const parent = (0,external_node_path_namespaceObject.dirname)(f.to);
        if (!made.has(parent)) {
            makeDirs(parent);
            made.add(parent);
        }
        if (!(await writeVerified(f)))
            return result_err(f.path);
    }
    return result_ok(undefined);
}
/**
 * Removes what placements of `files` that never ended left beside their places (a helper thread that died while
 * writing one): temp files of any thread and process, named `<place>.disbuild-…`.
 */
function removePlacementLeftovers(files) {
    for (const f of files) {
        const prefix = `${basename(f.to)}.disbuild-`;
        let names;
        try {
            names = readdirSync(dirname(f.to));
        }
        catch {
            continue;
        }
        for (const name of names)
            if (name.startsWith(prefix))
                rmSync(join(dirname(f.to), name), { force: true });
    }
}
/**
 * Writes the stored file beside `to`, checked against the entry (copyVerifiedFile), and renames it over `to` (a
 * directory in the way, a stale tree, goes first). False, with nothing left behind, when the stored file is not
 * the entry's.
 */
async function writeVerified(e) {
    const temp = `${e.to}.${tempPrefix}-${temps++}`;
    try {
        if (!(await inWritableDirAsync((0,external_node_path_namespaceObject.dirname)(e.to), () => copyVerifiedFile(e.stored, temp, e)))) {
            (0,external_node_fs_namespaceObject.rmSync)(temp, { force: true });
            return false;
        }
        try {
            (0,external_node_fs_namespaceObject.renameSync)(temp, e.to);
        }
        catch (err) {
            const code = err.code;
            if (code !== 'EISDIR' && code !== 'ENOTEMPTY' && code !== 'EEXIST')
                throw err;
            // A stale tree of the job's outputs alone (the caller checked what it holds).
            removeOutputTree(e.to);
            (0,external_node_fs_namespaceObject.renameSync)(temp, e.to);
        }
        return true;
    }
    catch (err) {
        (0,external_node_fs_namespaceObject.rmSync)(temp, { force: true });
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/cache/restore-tasks.ts


/** A queued task, on whichever thread runs it. */
function runTask(request) {
    return 'place' in request
        ? placeFiles(request.place)
        : restoreListedTree(request.src, request.dest, request.entries);
}
/** The error a task threw on the thread, as this thread rethrows it. */
function thrownError(thrown) {
    return Object.assign(new Error(thrown.message), { code: thrown.code });
}

;// CONCATENATED MODULE: ./src/cache/restore-worker.ts
/**
 * The restore helper thread (see restore-helper.ts, and restore-tasks.ts for what is said): runs the restores,
 * placements and commits it is sent, a few to a message, and answers each message with one.
 */



const thrown = (id, e) => ({
    id,
    ok: false,
    thrown: { message: e.message, ...(e.code ? { code: e.code } : {}) },
});
/** Commits one archive; an owned archive's memory goes back once written, to be used again for the next download. */
function adopt(m) {
    try {
        const entries = JSON.parse(m.meta).manifest.entries;
        const r = adoptArchive({ ...m, entries });
        if (!r.ok)
            return { reply: { id: m.id, ok: false, mismatch: r.mismatch } };
        if (!m.owned)
            return { reply: { id: m.id, ok: true, committed: r.committed } };
        const memory = m.archive.buffer;
        return { reply: { id: m.id, ok: true, committed: r.committed, memory }, memory };
    }
    catch (e) {
        return { reply: thrown(m.id, e) };
    }
}
external_node_worker_threads_namespaceObject.parentPort.on('message', (m) => {
    if ('adopts' in m) {
        const replies = [];
        const moved = new Set();
        for (const one of m.adopts) {
            const { reply, memory } = adopt(one);
            replies.push(reply);
            if (memory)
                moved.add(memory);
        }
        external_node_worker_threads_namespaceObject.parentPort.postMessage({ replies }, [...moved]);
        return;
    }
    void Promise.all(m.tasks.map((t) => runTask(t).then((r) => (r.ok ? { id: t.id, ok: true } : { id: t.id, ok: false, mismatch: r.error }), (e) => thrown(t.id, e)))).then((replies) => external_node_worker_threads_namespaceObject.parentPort.postMessage({ replies }));
});

