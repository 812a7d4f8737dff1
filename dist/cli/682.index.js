(function (__disbuild_import_meta) {const id = 682;
const ids = [682];
const modules = {

/***/ 8682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $c: () => (/* binding */ sortedByCodeUnits),
/* harmony export */   Sn: () => (/* binding */ startRepoFiles),
/* harmony export */   V_: () => (/* binding */ untrackedOf),
/* harmony export */   Yj: () => (/* binding */ fileRange),
/* harmony export */   c$: () => (/* binding */ listRepoFiles),
/* harmony export */   h8: () => (/* binding */ indexLinksOf),
/* harmony export */   iB: () => (/* binding */ listedByGitAlone),
/* harmony export */   jv: () => (/* binding */ hasFile),
/* harmony export */   mz: () => (/* binding */ filesUnder),
/* harmony export */   pj: () => (/* binding */ linksAsListed),
/* harmony export */   qd: () => (/* binding */ typeChangedOf),
/* harmony export */   yL: () => (/* binding */ withoutDirectories)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _ids_git_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8750);
/* harmony import */ var _ids_names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7259);
/* harmony import */ var _ids_canonical_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7536);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8251);
/* harmony import */ var _ids_submodule_checkout_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4313);
/* harmony import */ var _util_real_path_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3516);
/* harmony import */ var _util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9293);









/** The paths of each listing that git does not track (see untrackedOf). */
const untrackedPaths = new WeakMap();
/** The paths of each listing whose type git's status says changed (see typeChangedOf). */
const typeChangedPaths = new WeakMap();
/** The paths of each listing that the index holds as symbolic links (see indexLinksOf). */
const indexLinkPaths = new WeakMap();
/**
 * Of a listing made by startRepoFiles, the tracked paths whose type changed in the work tree or the index (`T`: a
 * file replaced by a link, say); undefined when not known. The list of paths is the same, yet a link to a
 * directory is no input.
 */
function typeChangedOf(files) {
    return typeChangedPaths.get(files);
}
/**
 * Listings made by startRepoFiles from the run's git calls alone: no path's presence was asked of the disk (no
 * conflicted, deleted or skip-worktree entry), and no submodule is in the index or checked out (each is listed by
 * a git call of its own, and whether it is checked out is the disk's to say). Such a listing is the same whenever
 * those calls answer the same (see listedByGitAlone).
 */
const byGitAlone = new WeakSet();
/** Whether `files` was made from the run's git calls alone (see byGitAlone). */
function listedByGitAlone(files) {
    return byGitAlone.has(files);
}
/** Of a listing made by startRepoFiles, the paths the index holds as symbolic links; undefined when not known. */
function indexLinksOf(files) {
    return indexLinkPaths.get(files);
}
/**
 * Of a listing made by listRepoFiles or startRepoFiles, the paths git does not track; undefined outside git,
 * where any file may be. Only those can be outputs (see select-inputs.ts): a tracked file is a source.
 */
function untrackedOf(files) {
    return untrackedPaths.get(files);
}
function withUntracked(files, untracked) {
    untrackedPaths.set(files, untracked);
    return files;
}
/**
 * The files a task's `inputs` globs choose from, relative to `dir`, sorted by UTF-16 code units: inside a git
 * work tree, what git tracks and what it would track (untracked, not ignored), less tracked files deleted from
 * the work tree and skip-worktree entries absent from it (a sparse checkout's), and the same of each submodule
 * checked out (see withSubmoduleFiles); outside git, every file under `dir` but `.git` and `node_modules`.
 */
async function listRepoFiles(dir, env) {
    // One call: `-t` tags each path (`H` tracked, `?` untracked, `R` deleted, `S` skip-worktree), so deleted files
    // can be left out.
    // It fails outside a work tree (no repository, a bare one, inside `.git`, no git): then every file is walked.
    const listed = await (0,_ids_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(dir, [
        ..._ids_names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMES_AS_ON_DISK */ .S,
        'ls-files',
        '-z',
        '-t',
        '--cached',
        '--deleted',
        '--others',
        '--exclude-standard',
        '--',
        '.',
    ], env ? { env } : {});
    if (listed.ok)
        return withSubmoduleFiles(dir, parseListing(dir, listed.value));
    const out = [];
    walk(dir, '', out);
    return out.sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_4__/* .compareCodeUnits */ .U);
}
/**
 * The paths of a tagged listing (`ls-files -z -t`), less the deleted ones, sorted. Most listings tag every path
 * `H` (tracked) or `?` (untracked), and then name each path once: they are taken as they come, without the sets
 * (whose hashing of ten thousand new strings is most of the parse) that deleted, conflicted and skip-worktree
 * entries need.
 */
function parseListing(dir, listing) {
    const paths = [];
    const untracked = new Set();
    for (let start = 0; start < listing.length;) {
        let end = listing.indexOf('\0', start);
        if (end < 0)
            end = listing.length;
        if (end - start >= 3) {
            const tag = listing.charCodeAt(start);
            if (tag !== TAG_TRACKED && tag !== TAG_UNTRACKED)
                return parseTaggedListing(dir, listing);
            const path = listing.slice(start + 2, end);
            // A name that is not UTF-8, left out as the run's own listings leave it out (see git-output.ts).
            if (!path.includes('\uFFFD')) {
                paths.push(path);
                if (tag === TAG_UNTRACKED)
                    untracked.add(path);
            }
        }
        start = end + 1;
    }
    return withUntracked(sortedByCodeUnits(paths), untracked);
}
const TAG_TRACKED = 'H'.charCodeAt(0);
const TAG_UNTRACKED = '?'.charCodeAt(0);
/** parseListing for any tags: a deleted file is listed twice (`H`, then `R`), a conflicted one once per stage. */
function parseTaggedListing(dir, listing) {
    const gone = new Set();
    const seen = new Set();
    const untracked = new Set();
    for (const entry of listing.split('\0')) {
        if (entry.length < 3 || entry.includes('\uFFFD'))
            continue;
        const path = entry.slice(2);
        // Skip-worktree (`S`): git never looks at its file, which a sparse checkout leaves out: the disk says.
        if (entry[0] === 'R' || (entry[0] === 'S' && !inWorkTree((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, path))))
            gone.add(path);
        else
            seen.add(path);
        if (entry[0] === '?')
            untracked.add(path);
    }
    const files = [];
    for (const p of seen)
        if (!gone.has(p))
            files.push(p);
    return withUntracked(files.sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_4__/* .compareCodeUnits */ .U), untracked);
}
/** Sorts in place; git lists in order already (untracked paths first, then the index), so this is mostly a check. */
function sortedByCodeUnits(paths) {
    for (let i = 1; i < paths.length; i++) {
        if (!(paths[i - 1] < paths[i]))
            return paths.sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_4__/* .compareCodeUnits */ .U);
    }
    return paths;
}
/**
 * The same list as listRepoFiles, from the git calls a run starts for its keys anyway, so that all of git's work
 * overlaps Node's start-up instead of following it: the index's paths from the keys' `ls-files` (when the
 * listings were started with `untracked`; else one more call, `ls-files --cached`, which reads no file), deleted
 * files from the keys' `git status`, and untracked, not ignored files from the same status (else one more call
 * for those). Undefined outside a work tree or when git fails: the caller then asks listRepoFiles.
 */
function startRepoFiles(sourceDir, listings) {
    const cached = listings.indexPaths
        ? undefined
        : (0,_ids_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(sourceDir, ['ls-files', '-z', '-t', '--cached', '--', '.']).then((r) => {
            if (!r.ok)
                return r;
            // `-t` tags each path: `S` skip-worktree, `H` and the rest otherwise.
            const paths = [];
            const skipWorktree = [];
            for (const entry of r.value.split('\0')) {
                if (entry.length < 3)
                    continue;
                paths.push(entry.slice(2));
                if (entry[0] === 'S')
                    skipWorktree.push(entry.slice(2));
            }
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_8__.ok)({ paths, skipWorktree });
        });
    const others = listings.untracked
        ? undefined
        : (0,_ids_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(sourceDir, [
            ..._ids_names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMES_AS_ON_DISK */ .S,
            'ls-files',
            '-z',
            '--others',
            '--exclude-standard',
            '--',
            '.',
        ]);
    return (async () => {
        const [prefix, index, status, fromStatus, untracked] = await Promise.all([
            listings.prefix,
            listings.indexPaths ?? cached,
            listings.status,
            listings.untracked,
            others,
        ]);
        if (prefix === undefined || !index.ok || !status.ok)
            return undefined;
        const seen = new Set();
        if (fromStatus?.ok) {
            // Relative to the repository root, like every path of `git status`.
            for (const p of fromStatus.value)
                if (p.startsWith(prefix))
                    seen.add(p.slice(prefix.length));
        }
        else if (untracked?.ok) {
            for (const p of untracked.value.split('\0'))
                if (p !== '')
                    seen.add(p);
        }
        else
            return undefined;
        // Until the index's paths join them.
        const notTracked = new Set(seen);
        const gone = new Set();
        const typeChanged = new Set();
        let askedTheDisk = false;
        // `git status --porcelain=v1 -z --no-renames` records (the tracked files' changes), paths relative to the
        // repository root.
        for (const f of status.value.split('\0')) {
            if (f.length <= 3 || !f.startsWith(prefix, 3))
                continue;
            const path = f.slice(3 + prefix.length);
            if (f[0] === 'T' || f[1] === 'T')
                typeChanged.add(path);
            // A conflict (`UU`, `AA`, `DD`, `UD`, ...) does not say whether the work tree has the file, not even `UD`
            // (deleted by them: our file stays): the disk does, as for `ls-files --deleted`.
            // Nor does `D` alone: git says so of a file beyond a link too (a tracked directory replaced by one), which
            // `ls-files --deleted` keeps, as the file is there through it; then the graph's checks refuse the link. A
            // run must see what `disbuild graph` and `ids` see, not a package gone in silence.
            if (UNMERGED.has(f.slice(0, 2)) || f[1] === 'D') {
                askedTheDisk = true;
                if (!inWorkTree(`${sourceDir}/${path}`))
                    gone.add(path);
            }
        }
        // Relative to the source directory; a conflicted path may come once per stage, hence the set.
        for (const p of index.value.skipWorktree)
            if (!inWorkTree(`${sourceDir}/${p}`))
                gone.add(p);
        if (index.value.skipWorktree.length > 0)
            askedTheDisk = true;
        for (const p of index.value.paths)
            if (!gone.has(p))
                seen.add(p);
        const listed = withUntracked([...seen].sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_4__/* .compareCodeUnits */ .U), notTracked);
        const files = await withSubmoduleFiles(sourceDir, listed);
        typeChangedPaths.set(files, typeChanged);
        const gitlinks = index.value.gitlinks;
        if (!askedTheDisk && files === listed && gitlinks?.length === 0)
            byGitAlone.add(files);
        // Known from the run's own listing of the index (with modes), not from the fallback's.
        const links = index.value.symlinks;
        if (links)
            indexLinkPaths.set(files, links);
        return files;
    })();
}
/**
 * `files` (a listing of `dir` made by git) with the files of each submodule checked out under `dir` (see
 * checkedOutSubmodules), listed as listRepoFiles lists `dir`, nested ones too: a build reads them as it reads the
 * repository's own, so they are inputs like any other. What a submodule tracks is a source here too; what it
 * would track is untracked. One whose git fails (a broken `.git`) has every file of its walk taken as a source:
 * more inputs than git would say, and none of them ever an output, rather than files a key silently leaves out.
 */
async function withSubmoduleFiles(dir, files) {
    const untracked = untrackedOf(files);
    if (untracked === undefined)
        return files;
    const submodules = (0,_ids_submodule_checkout_js__WEBPACK_IMPORTED_MODULE_5__/* .checkedOutSubmodules */ .Fc)(dir, (p) => hasFile(files, p));
    if (submodules.length === 0)
        return files;
    const all = [...files];
    const notTracked = new Set(untracked);
    // A few at a time: a repository of a hundred submodules must not open a hundred git processes at once.
    for (let i = 0; i < submodules.length; i += SUBMODULE_LISTINGS) {
        const batch = submodules.slice(i, i + SUBMODULE_LISTINGS);
        const listings = await Promise.all(batch.map((p) => listRepoFiles((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, p), (0,_ids_submodule_checkout_js__WEBPACK_IMPORTED_MODULE_5__/* .submoduleEnv */ .OQ)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, p)))));
        batch.forEach((p, k) => {
            const inner = listings[k];
            const innerUntracked = untrackedOf(inner);
            for (const f of inner) {
                all.push(`${p}/${f}`);
                if (innerUntracked?.has(f))
                    notTracked.add(`${p}/${f}`);
            }
        });
    }
    return withUntracked(all.sort(_ids_canonical_js__WEBPACK_IMPORTED_MODULE_4__/* .compareCodeUnits */ .U), notTracked);
}
/** How many submodules are listed at once. */
const SUBMODULE_LISTINGS = 4;
function targetOf(path) {
    const st = (0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_7__/* .statIfAny */ .k)(path);
    return st === undefined ? 'nothing' : st.isDirectory() ? 'directory' : 'file';
}
/** `path` with every link resolved; empty when it leads nowhere. */
function resolvedOf(path) {
    return (0,_util_real_path_js__WEBPACK_IMPORTED_MODULE_6__/* .realPathIfAny */ .b)(path) ?? '';
}
/**
 * `files` less the directories git lists like files: a submodule (a gitlink), which a glob such as the default
 * `**` must not choose (its files are listed in it), and a link to a directory git does not track, which is more
 * often where a build writes (`dist -> /elsewhere`) than a source. A link to a directory git tracks stays: it is
 * an input by where it leads (see input-state.ts), or a command reading through it would read another directory
 * under the same key. A tracked link to a directory, or dangling, that leads where no listed file is (`tools ->
 * ../node_modules/.bin`; a link to a file a build makes) goes too: what is there is no source (git ignores it, or
 * there is nothing), and at a commit the link dangles, so that the pre-push hook, keying the commit, could not key
 * it as a run does. `untracked`: what git does not track (undefined outside git: then nothing is tracked). With the
 * symbolic links among `files`, each with what it leads to, its text and where it leads: a link retargeted may
 * change what the compile chooses though the listing does not change.
 */
function withoutDirectories(root, files, untracked) {
    const links = [];
    const kinds = files.map((f) => {
        const path = `${root}/${f}`;
        const st = (0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_7__/* .lstatIfAny */ .e)(path);
        if (st === undefined || !st.isSymbolicLink())
            return st?.isDirectory() === true ? 'directory' : 'file';
        const link = [f, targetOf(path), linkText(path), resolvedOf(path)];
        links.push(link);
        return link;
    });
    const tracked = (f) => untracked !== undefined && !untracked.has(f);
    const trackedLinks = new Map(links.filter(([f]) => tracked(f)).map(([f, , text]) => [f, text]));
    let realRoot;
    const onDisk = (resolved) => resolved === '' ? undefined : inside((realRoot ??= resolvedOf(root) || root), resolved);
    const out = files.filter((f, i) => {
        const kind = kinds[i];
        if (typeof kind === 'string')
            return kind === 'file';
        const [, leadsTo, text, resolved] = kind;
        // One to a file stays whatever its place: it is read through, and keyed by what it holds. One to a directory
        // or to nothing goes when neither a checkout of the commit (tracked links followed) nor the disk has a listed
        // file there.
        if (leadsTo !== 'file' &&
            tracked(f) &&
            !leadsToListed(lexicalTarget(f, text, trackedLinks), files) &&
            !leadsToListed(onDisk(resolved), files))
            return false;
        return leadsTo !== 'directory' || tracked(f);
    });
    return { files: out.length === files.length ? files : out, links };
}
/** A link's text; empty when it is no longer a link. */
function linkText(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(path, 'utf8');
    }
    catch {
        return '';
    }
}
/** How many links a path may go through, as Linux allows (MAXSYMLINKS). */
const MAX_HOPS = 40;
const OUTSIDE = '..';
/** `path` (absolute, links resolved) from `realRoot`, or OUTSIDE. */
function inside(realRoot, path) {
    if (path === realRoot)
        return '';
    return path.startsWith(`${realRoot}/`) ? path.slice(realRoot.length + 1) : OUTSIDE;
}
/**
 * Where the link at `link`, with text `text`, leads as a checkout of the commit has it: following only tracked
 * links on the way (`trackedLinks`, by path to text), as text otherwise. OUTSIDE for one that leaves the source
 * directory or goes round in a loop.
 */
function lexicalTarget(link, text, trackedLinks) {
    if (text.startsWith('/'))
        return OUTSIDE;
    const at = link.split('/').slice(0, -1);
    const pending = text.split('/').reverse();
    let hops = 0;
    while (pending.length > 0) {
        const part = pending.pop();
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (at.length === 0)
                return OUTSIDE;
            at.pop();
            continue;
        }
        at.push(part);
        const next = trackedLinks.get(at.join('/'));
        if (next === undefined)
            continue;
        if (next.startsWith('/') || ++hops > MAX_HOPS)
            return OUTSIDE;
        at.pop();
        pending.push(...next.split('/').reverse());
    }
    return at.join('/');
}
/**
 * Whether a listed file is at `place` or below it (`files` sorted; the whole source directory has one). A place
 * outside the source directory counts as one: the link stays, and keying it says what is wrong.
 */
function leadsToListed(place, files) {
    if (place === undefined)
        return false;
    if (place === '' || place === OUTSIDE)
        return true;
    if (hasFile(files, place))
        return true;
    const below = `${place}/`;
    return files[lowerBound(files, below, 0, files.length)]?.startsWith(below) === true;
}
/**
 * Whether the links among `files` are those of `links` (see withoutDirectories), each still leading to what it
 * led to, with the same text, to the same place. Which files are links is asked of the index where it is known
 * (`indexLinks`, see indexLinksOf) and of the disk for the untracked ones (few): a file that became a link since
 * lists as before.
 */
function linksAsListed(root, links, indexLinks, untracked) {
    const recorded = new Set(links.map(([f]) => f));
    // An index link the disk does not have as one (left out by a sparse checkout, deleted, replaced by a file)
    // changes the listing or its type changes, which the file list's digest holds: only one now on disk counts.
    if (indexLinks?.some((f) => !recorded.has(f) && (0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_7__/* .lstatIfAny */ .e)(`${root}/${f}`)?.isSymbolicLink() === true))
        return false;
    for (const f of untracked ?? [])
        if (((0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_7__/* .lstatIfAny */ .e)(`${root}/${f}`)?.isSymbolicLink() === true) !== recorded.has(f))
            return false;
    return links.every(([f, leadsTo, text, resolved]) => {
        const path = `${root}/${f}`;
        return ((0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_7__/* .lstatIfAny */ .e)(path)?.isSymbolicLink() === true &&
            targetOf(path) === leadsTo &&
            linkText(path) === text &&
            resolvedOf(path) === resolved);
    });
}
/** Whether the work tree has something at `path`: not when lstat fails (ENOENT, or ENOTDIR under a file). */
function inWorkTree(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path, { throwIfNoEntry: false }) !== undefined;
    }
    catch {
        return false;
    }
}
/** The status codes of a path with a conflict (git-status(1), "Short Format"). */
const UNMERGED = new Set(['DD', 'AU', 'UD', 'UA', 'DU', 'AA', 'UU']);
function walk(root, rel, out) {
    let entries;
    try {
        entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel), { withFileTypes: true });
    }
    catch {
        return;
    }
    for (const e of entries) {
        const r = rel === '' ? e.name : `${rel}/${e.name}`;
        if (e.isDirectory()) {
            if (e.name !== '.git' && e.name !== 'node_modules')
                walk(root, r, out);
        }
        else if (e.isFile() || e.isSymbolicLink())
            out.push(r);
    }
}
/**
 * The half-open range of `files` (sorted) that lie under directory `dir` ('' is everything), searched for within
 * `[lo, hi)` when that range is known to hold them (the range of a directory above).
 */
function filesUnder(files, dir, lo = 0, hi = files.length) {
    if (dir === '')
        return [lo, hi];
    const prefix = `${dir}/`;
    // '/' + 1 is '0': every path with the prefix sorts before `${dir}0`.
    const start = lowerBound(files, prefix, lo, hi);
    return [start, gallop(files, `${dir}0`, start, hi)];
}
/**
 * lowerBound for a bound expected near `lo` (a directory's end, a few files past its start): steps of 1, 2, 4, …
 * first, so that a small directory costs a few comparisons rather than a search of the whole list.
 */
function gallop(files, s, lo, hi) {
    let step = 1;
    while (lo + step < hi && files[lo + step] < s) {
        lo += step;
        step *= 2;
    }
    return lowerBound(files, s, lo, Math.min(lo + step, hi));
}
/** Whether `files` (sorted) has `path`. */
function hasFile(files, path) {
    return files[lowerBound(files, path, 0, files.length)] === path;
}
/**
 * The half-open range of `files` (sorted) that is `path`, searched for within `[lo, hi)`: empty where it would be
 * when there is no such file.
 */
function fileRange(files, path, lo = 0, hi = files.length) {
    const at = lowerBound(files, path, lo, hi);
    return [at, at < hi && files[at] === path ? at + 1 : at];
}
function lowerBound(files, s, lo, hi) {
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (files[mid] < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}


/***/ })

};

return { id, ids, modules };
})