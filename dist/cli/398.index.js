(function (__disbuild_import_meta) {const id = 398;
const ids = [398];
const modules = {

/***/ 3398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   placeRecordedTargets: () => (/* binding */ placeRecordedTargets)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cache_local_cache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5556);
/* harmony import */ var _executor_out_dir_asides_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6977);
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1095);
/**
 * The `--out-dir` of a run that a record answers (fully-cached.ts): each target's outputs restored from the local
 * cache beside its place in the out dir, verified, then renamed over it, as the full path does (engine.ts,
 * copyToOutDir) but without the graph, the keys or the engine: their answers are the record's.
 *
 * All or nothing as far as the run can tell: on any trouble (a hit gone, a restore that fails its check, a target
 * that cannot be placed), what was restored and not placed is removed, and the caller takes the full path,
 * which places every target again and says what went wrong. Targets placed before the trouble hold the bytes the
 * full path would place there too.
 */




/**
 * Places every target's outputs under `outDir`; when it could not, the warnings the full path must give: what only
 * this attempt saw (a restore that failed its check, and removed the entry). What the full path finds again itself
 * (a hit gone by the lookup, an out dir that cannot be made, a target that cannot be placed) is left to it to say.
 */
async function placeRecordedTargets(cacheDir, outDir, { targets, otherKeys }) {
    const warnings = [];
    const cache = await _cache_local_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .LocalCache */ .Um.create(cacheDir, { onWarning: (m) => warnings.push(m) }).catch(() => undefined);
    if (cache === undefined)
        return { ok: false, warnings };
    const byDir = new Map(targets.map(([name, dirName, key]) => [dirName, { name, key: key }]));
    const asides = await (0,_executor_out_dir_asides_js__WEBPACK_IMPORTED_MODULE_2__/* .prepareOutDir */ .fW)(outDir, (dirName) => (byDir.has(dirName) ? dirName : undefined));
    try {
        // The full path's lookup, of every key its run selected: with the lookup memo exactly when it has it.
        const hits = await cache.lookup([
            ...new Set([...targets.map(([, , key]) => key), ...otherKeys]),
        ]);
        if (asides === undefined ||
            warnings.length > 0 ||
            targets.some(([, , key]) => !hits.has(key))) {
            return { ok: false, warnings };
        }
        let failed = false;
        const restored = await Promise.all([...byDir].map(async ([dirName, { name, key }]) => {
            const dir = asides.take(dirName);
            const r = await hits.get(key).restore(dir);
            // A local entry is restored into `dir`, never elsewhere.
            if (r.ok && r.value === undefined)
                return { dir, dest: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(outDir, dirName) };
            failed = true;
            // A damaged entry is removed by now: the full path finds a miss and builds, and would not say why. What
            // else fails here (a full disk, a place it may not write) fails there too, and is said there.
            if (!r.ok && r.error.reason === 'corrupt') {
                warnings.push(`cached output of ${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .quoted */ .TL)(name)} could not be restored (${r.error.message}); building it instead`);
            }
            return undefined;
        }));
        if (failed)
            return { ok: false, warnings };
        // At once, as the engine places them: renames one after another wait a turn of the thread pool each.
        const placed = await Promise.all(restored.map(async (r) => {
            const done = await (0,_executor_out_dir_asides_js__WEBPACK_IMPORTED_MODULE_2__/* .moved */ .aW)(r.dir, r.dest);
            if (done)
                asides.placed(r.dir);
            return done;
        }));
        return placed.every(Boolean) ? { ok: true } : { ok: false, warnings };
    }
    finally {
        await cache.close();
        await asides?.removeLeft();
    }
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

/***/ 1095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TL: () => (/* binding */ quoted),
/* harmony export */   g$: () => (/* binding */ printable)
/* harmony export */ });
/* unused harmony exports SHOWN_CHARS, printableLines, withoutTerminalEscapes */
/**
 * User-given text (job names, paths, IDs, values from a graph) made safe to print: control characters cannot
 * move the cursor, recolour the terminal, start a fake line ("\n0 failed") or reorder what follows, and a huge
 * value cannot flood a message. Every place that prints such text to a terminal, a log or a summary goes through
 * here; the JSON report keeps the text as it is.
 */
/** How many characters of one value a message shows; the rest is cut and its length said. */
const SHOWN_CHARS = 200;
/**
 * C0 controls, DEL, C1 controls (U+009B is a one-character CSI to some terminals), the line and paragraph
 * separators, and the bidirectional embeddings, overrides and isolates, which reorder the text around them.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_OR_QUOTE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069"\\]/g;
const SHORT = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };
function escapeChar(c) {
    return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/** The first `max` characters of `s`, never ending inside a surrogate pair, or undefined when it fits. */
function cut(s, max) {
    if (s.length <= max)
        return undefined;
    const end = max > 0 && /[\ud800-\udbff]/.test(s[max - 1]) ? max - 1 : max;
    return s.slice(0, end);
}
/**
 * `s` with control characters escaped as `\n`, `\u001b` and the like, cut after `max` characters with
 * `… (N characters)`. Unquoted: for names at the start of a line or between fixed words.
 */
function printable(s, max = SHOWN_CHARS) {
    const head = cut(s, max);
    const text = (head ?? s).replace(UNSAFE, escapeChar);
    return head === undefined ? text : `${text}… (${s.length} characters)`;
}
/**
 * `s` in double quotes, escaped as a JSON string is (plus DEL, C1 controls and bidirectional controls), cut after
 * `max` characters: `"ab…" (10485760 characters)`. For values inside a sentence.
 */
function quoted(s, max = SHOWN_CHARS) {
    const head = cut(s, max);
    const text = `"${(head ?? s).replace(UNSAFE_OR_QUOTE, escapeChar)}`;
    return head === undefined ? `${text}"` : `${text}…" (${s.length} characters)`;
}
/** UNSAFE less the newline and the tab, which a log's lines keep. */
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** Terminal escape sequences: CSI (colours, cursor moves, erasing), OSC (titles, hyperlinks), and two-byte ones. */
const TERMINAL_ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;
/**
 * A log's text made safe to show as lines (a summary's code block, an annotation): terminal escape sequences and
 * carriage returns taken out (GitHub shows them as text, or as line breaks), every other control character escaped
 * as printable does; newlines and tabs kept. Not cut: the caller takes the lines it shows.
 */
function printableLines(s) {
    return withoutTerminalEscapes(s).replace(/\r/g, '').replace(UNSAFE_IN_LINES, escapeChar);
}
/** `s` without terminal escape sequences (colours, cursor moves, hyperlinks): what a program meant a terminal to show. */
function withoutTerminalEscapes(s) {
    return s.replace(TERMINAL_ESCAPES, '');
}


/***/ })

};

return { id, ids, modules };
})