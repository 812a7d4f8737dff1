(function (__disbuild_import_meta) {const id = 439;
const ids = [439,171];
const modules = {

/***/ 8949:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hook: () => (/* binding */ hook)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/simple-git/dist/esm/index.js + 2 modules
var esm = __webpack_require__(6332);
// EXTERNAL MODULE: ./src/config/config-file.ts + 1 modules
var config_file = __webpack_require__(7229);
// EXTERNAL MODULE: ./src/ids/git-command.ts
var git_command = __webpack_require__(8750);
// EXTERNAL MODULE: ./src/ids/git-config-records.ts
var git_config_records = __webpack_require__(3550);
;// CONCATENATED MODULE: ./src/hook/git-settings.ts


/**
 * Keys git reads as booleans: answered `true` or `false` as git reads them (see gitBoolean: a key without a value
 * is true, an empty value or `00` false), never left out.
 */
const BOOLEANS = new Set(['disbuild.keepworktree']);
/**
 * Every `disbuild.*` setting of git's configuration for the repository at `repoDir`, read in one `git config` call
 * (a hook asked for seven keys one process each: a fifth of a push that builds nothing). Names as git prints them,
 * lower-cased; a key set more than once answers its last value, as `git config --get` does; a last value that is
 * empty (or none) leaves the key out, but for booleans (see BOOLEANS). Empty when git fails or nothing is set.
 */
async function readDisbuildSettings(repoDir) {
    const settings = new Map();
    const r = await (0,git_command/* gitText */.q_)(repoDir, ['config', '-z', '--get-regexp', '^disbuild\\.']);
    if (!r.ok)
        return settings;
    for (const [name, raw] of (0,git_config_records/* parseConfigRecords */.w)(r.value)) {
        // A key without a value reads as empty, as `git config --get` answers it.
        const value = raw?.trim() ?? '';
        if (BOOLEANS.has(name))
            settings.set(name, String((0,git_config_records/* gitBoolean */.x)(raw)));
        else if (value !== '')
            settings.set(name, value);
    }
    return settings;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/ids/names-as-on-disk.ts
var names_as_on_disk = __webpack_require__(7259);
// EXTERNAL MODULE: ./src/util/is-alive.ts
var is_alive = __webpack_require__(5510);
// EXTERNAL MODULE: ./src/util/real-path.ts
var real_path = __webpack_require__(3516);
// EXTERNAL MODULE: ./src/util/remove-tree.ts
var remove_tree = __webpack_require__(8043);
// EXTERNAL MODULE: ./src/ids/git-attribute-files.ts
var git_attribute_files = __webpack_require__(6761);
;// CONCATENATED MODULE: ./src/hook/checkout-settings.ts







/** git's settings that decide how a blob is written into a work tree. */
const SETTINGS = '^(core\\.(autocrlf|eol|safecrlf|symlinks|filemode|ignorecase|precomposeunicode|checkroundtripencoding|attributesfile|ignorestat|fsmonitor)|filter\\.)';
/**
 * What, beside a commit's own files, decides the bytes a checkout of it writes: git's conversion and filter
 * settings and the attributes files outside the tree (the repository's `info/attributes`, the global and the
 * system one). A worktree brought from commit to commit by `checkout --force` equals a fresh checkout only while
 * these are what they were when its files were written: git writes no file whose blob and stat data are as
 * before, whatever its settings say now. Unreadable files count as absent.
 */
async function checkoutSettings(repoDir, env = process.env) {
    // Side by side from one `sh` (see gitTexts); a failed one answers as if nothing were set.
    const [config, infoPath, system, execPath] = await Promise.all((0,git_command/* gitTexts */.vZ)(repoDir, [
        ['config', '-z', '--get-regexp', SETTINGS],
        ['rev-parse', '--git-path', 'info/attributes'],
        [...git_attribute_files/* SYSTEM_ATTRIBUTES_QUERY */.D2],
        [...git_attribute_files/* EXEC_PATH_QUERY */.Tx],
    ]));
    const answer = (r) => (r?.code === 0 ? r.out.trim() : undefined);
    const text = config?.code === 0 ? config.out : '';
    const values = (0,git_config_records/* parseConfigRecords */.w)(text);
    const truthy = (key) => values.has(key) && (0,git_config_records/* gitBoolean */.x)(values.get(key));
    const attributesFile = values.get('core.attributesfile');
    const global = (0,git_attribute_files/* globalAttributesFile */.f$)(attributesFile, env);
    const systemFiles = (0,git_attribute_files/* systemAttributesFiles */.O4)(answer(system), env, answer(execPath));
    const read = (path) => {
        try {
            return (0,external_node_fs_.readFileSync)(path, 'latin1');
        }
        catch {
            return null;
        }
    };
    const h = (0,external_node_crypto_.createHash)('sha256');
    h.update(JSON.stringify([
        text,
        // Printed relative to the directory git ran in, links resolved.
        answer(infoPath) ? read((0,external_node_path_.resolve)((0,real_path/* realPathOr */.r)(repoDir), answer(infoPath))) : null,
        read(global),
        systemFiles.map(read),
        // A checkout's files and directories take their modes from it.
        umask(),
    ]));
    return {
        fingerprint: h.digest('hex'),
        unfit: [...values.keys()].some((k) => /^filter\..*\.(smudge|process)$/.test(k)) ||
            truthy('core.ignorestat') ||
            truthy('core.fsmonitor') ||
            (attributesFile !== undefined && !(0,external_node_path_.isAbsolute)(global)),
    };
}
/** This process's umask, read where it can be without setting it (process.umask() with no argument is deprecated). */
function umask() {
    try {
        return /^Umask:\s*(\d+)$/m.exec((0,external_node_fs_.readFileSync)('/proc/self/status', 'latin1'))?.[1] ?? '';
    }
    catch {
        return '';
    }
}

// EXTERNAL MODULE: ./src/ids/submodule-checkout.ts
var submodule_checkout = __webpack_require__(4313);
;// CONCATENATED MODULE: ./src/hook/worktree-submodules.ts





/**
 * Submodules in a worktree of a pushed commit: each that the checkout has checked out is checked out in the
 * worktree too, at the commit its gitlink records, as a worktree of the checkout's submodule (its objects, no
 * fetch); nested ones in turn. A build then reads the submodule's files as a full checkout of the commit would,
 * and the compile lists them as `disbuild run` does in the checkout (see config/repo-files.ts).
 *
 * Deals with: a gitlink whose commit the checkout's submodule lacks (not fetched; said, see checkOutSubmodules'
 * answer) or that the checkout has not checked out: its directory stays empty, as in a clone without
 * `--recurse-submodules`, and the keys find its files missing alike (see commit-digests.ts); removing the
 * submodules' records of worktrees gone (git's own `worktree remove` of the outer worktree leaves them).
 */
async function checkOutSubmodules(checkout, worktree, at = '') {
    if (!hasSubmodules(checkout))
        return [];
    const problems = [];
    for (const [path, commit] of await gitlinks(worktree)) {
        if (!(0,submodule_checkout/* isCheckedOutSubmodule */.cf)(checkout, path))
            continue;
        const added = await (0,git_command/* gitText */.q_)((0,external_node_path_.join)(checkout, path), [
            'worktree',
            'add',
            '--detach',
            '--quiet',
            (0,external_node_path_.join)(worktree, path),
            commit,
        ]);
        if (added.ok)
            problems.push(...(await checkOutSubmodules((0,external_node_path_.join)(checkout, path), (0,external_node_path_.join)(worktree, path), `${at}${path}/`)));
        else
            problems.push(await notCheckedOut((0,external_node_path_.join)(checkout, path), `${at}${path}`, commit, added.error));
    }
    return problems;
}
/** Why the submodule at `dir` could not be checked out at `commit`: not fetched, or what git said (a full disk). */
async function notCheckedOut(dir, path, commit, error) {
    const known = await (0,git_command/* gitText */.q_)(dir, ['cat-file', '-e', `${commit}^{commit}`]);
    const why = known.ok
        ? `could not be checked out at ${commit.slice(0, 12)} (${error})`
        : `its commit ${commit.slice(0, 12)} is not in this checkout's copy (\`git submodule update\` fetches it)`;
    return `submodule ${path}: ${why}; built without its files`;
}
/**
 * Removes the checkout's submodules' records of worktrees inside `worktree`, before it is removed: those of the
 * submodules checkOutSubmodules looked at (the worktree's gitlinks, while it is there: a branch may have a
 * submodule the checkout's index lacks, its directory left behind by a checkout), and the checkout's own.
 */
async function forgetSubmoduleWorktrees(checkout, worktree) {
    if (!hasSubmodules(checkout))
        return;
    const inside = [`${worktree}/`];
    const real = await (0,promises_.realpath)(worktree).catch(() => undefined);
    if (real !== undefined && real !== worktree)
        inside.push(`${real}/`);
    const paths = new Set([...(await gitlinks(worktree)).keys(), ...(await gitlinks(checkout)).keys()]);
    for (const path of paths) {
        if (!(0,submodule_checkout/* isCheckedOutSubmodule */.cf)(checkout, path))
            continue;
        const submodule = (0,external_node_path_.join)(checkout, path);
        const common = await (0,git_command/* gitText */.q_)(submodule, ['rev-parse', '--git-common-dir']);
        if (!common.ok)
            continue;
        const dir = common.value.trim();
        const records = (0,external_node_path_.join)((0,external_node_path_.isAbsolute)(dir) ? dir : (0,external_node_path_.join)(submodule, dir), 'worktrees');
        for (const name of await (0,promises_.readdir)(records).catch(() => [])) {
            const gitdir = (await (0,promises_.readFile)((0,external_node_path_.join)(records, name, 'gitdir'), 'utf8').catch(() => '')).trim();
            if (inside.some((p) => gitdir.startsWith(p)))
                await (0,promises_.rm)((0,external_node_path_.join)(records, name), { recursive: true, force: true });
        }
        await forgetSubmoduleWorktrees(submodule, (0,external_node_path_.join)(worktree, path));
    }
}
/** Whether the work tree at `dir` may have submodules checked out: `git submodule` writes `.gitmodules`. */
function hasSubmodules(dir) {
    return (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, '.gitmodules'));
}
/** The gitlinks of the index of the work tree at `dir`: path → the commit recorded. */
async function gitlinks(dir) {
    const out = new Map();
    const listed = await (0,git_command/* gitText */.q_)(dir, ['ls-files', '-s', '-z']);
    if (!listed.ok)
        return out;
    // `<mode> <oid> <stage>\t<path>`
    for (const record of listed.value.split('\0')) {
        if (!record.startsWith('160000 '))
            continue;
        const tab = record.indexOf('\t');
        out.set(record.slice(tab + 1), record.slice(7, record.indexOf(' ', 7)));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/hook/worktree.ts












/** git without the repository's hooks (core.hooksPath naming no directory). */
const NO_HOOKS = ['-c', 'core.hooksPath=/dev/null'];
/** Where the hook's worktrees are, in the git common directory. */
const WORKTREES_DIR = 'disbuild-worktrees';
/** The repository's common git directory (a linked worktree's is its main checkout's), absolute. */
async function gitCommonDir(repoDir) {
    const raw = (await (0,esm/* simpleGit */.Lp)(repoDir).raw(['rev-parse', '--git-common-dir'])).trim();
    return (0,external_node_path_.isAbsolute)(raw) ? raw : (0,external_node_path_.join)(repoDir, raw);
}
/** The worktree kept between pushes (see Worktrees), by its name under the root. */
const KEPT = 'kept';
/** In a kept worktree's record (`<git common dir>/worktrees/<name>`): the settings its files were written under. */
const SETTINGS_FILE = 'disbuild-checkout-settings';
/**
 * Temporary worktrees of pushed commits, under `<git common dir>/disbuild-worktrees/<pid>-<random>`, so that
 * uncommitted changes never leak into a build, with the submodules the checkout has (see worktree-submodules.ts).
 * Those of dead processes (a killed hook) are removed by the next.
 *
 * One is kept between pushes as `kept` (unless `keep` is off, the checkout has submodules, or a filter writes
 * files on checkout, as Git LFS does): checking out a repository of 10,000 files takes seconds, bringing a
 * worktree of the last push to the next commit a fraction of that. A hook takes it by moving it to a name of its
 * own (`git worktree move`: a rename, which one hook wins), brings it to the commit with `checkout --force` (every
 * tracked file git's stat data does not vouch for is written again) and `clean -ffdx` (every untracked and ignored
 * file goes: outputs, links, a build's leftovers), and moves it back when done. It then holds what a fresh
 * checkout holds only while nothing else decides a file's bytes differently (see #take): otherwise, and when
 * anything is wrong with it (its record removed by hand, a git that fails), it is removed, and the push gets a
 * fresh worktree.
 */
class Worktrees {
    repoDir;
    root;
    records;
    warn;
    keep;
    constructor(repoDir, root, 
    /** `<git common dir>/worktrees`: git's record of each worktree. */
    records, 
    /** Told, once each, what a worktree lacks that a full checkout of its commit would have. */
    warn, 
    /** Whether a worktree is kept between pushes. */
    keep) {
        this.repoDir = repoDir;
        this.root = root;
        this.records = records;
        this.warn = warn;
        this.keep = keep;
    }
    /** This process's worktree taken from `kept` (at most one at a time), while it has it. */
    #taken;
    static async open(repoDir, warn = () => undefined, opts = {}) {
        const common = await gitCommonDir(repoDir);
        const said = new Set();
        const once = (m) => {
            if (!said.has(m))
                warn(m);
            said.add(m);
        };
        // Without /proc, a process left working in the worktree could not be seen (see workedIn).
        const keep = (opts.keep ?? true) && !hasSubmodules(repoDir) && (0,external_node_fs_.existsSync)('/proc/self/cwd');
        const w = new Worktrees(repoDir, (0,external_node_path_.join)(common, WORKTREES_DIR), (0,external_node_path_.join)(common, 'worktrees'), once, keep);
        await w.#removeStale();
        return w;
    }
    /** Checks `sha` out, detached, into a directory of this process's: the kept worktree when it can be had. */
    async add(sha) {
        await (0,promises_.mkdir)(this.root, { recursive: true });
        const dir = (0,external_node_path_.join)(this.root, `${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
        const settings = this.keep ? await this.#settings() : undefined;
        const keeping = settings !== undefined && !settings.unfit && this.#taken === undefined;
        if (keeping && (await this.#take(dir, sha, settings.fingerprint)))
            return dir;
        // Without the repository's post-checkout hook, as a CI checkout (and the kept worktree's) is made: the files a
        // hook writes are not the commit's.
        const added = await (0,git_command/* gitText */.q_)(this.repoDir, [
            ...NO_HOOKS,
            'worktree',
            'add',
            '--detach',
            '--quiet',
            dir,
            sha,
        ]);
        if (!added.ok)
            throw new Error(added.error);
        for (const problem of await checkOutSubmodules(this.repoDir, dir))
            this.warn(problem);
        if (keeping && this.#taken === undefined) {
            this.#taken = dir;
            this.#checkedOut = await this.#stateOf(await this.#recordOf(dir), sha);
        }
        return dir;
    }
    /**
     * The taken worktree as its checkout left it: git's record of it (which moving the worktree does not rename),
     * its commit and its index's stat data (see #unchangedByJobs).
     */
    #checkedOut;
    /** The state of the worktree whose record is `record`, at `sha`; undefined without a record or an index. */
    async #stateOf(record, sha) {
        if (record === undefined)
            return undefined;
        const st = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(record, 'index'), { throwIfNoEntry: false });
        return st && { record, sha, index: `${st.dev} ${st.ino} ${st.size} ${st.mtimeMs} ${st.ctimeMs}` };
    }
    /**
     * Whether the taken worktree is detached at the commit it was checked out at, with the index that checkout
     * wrote. A job's `git status` writes an index vouching for files it rewrote that convert back to the same blob
     * (`ident`, a clean-only filter), which `checkout --force` would then leave as they are; a job's `git checkout
     * <branch>` would hold that branch until the next push.
     */
    async #unchangedByJobs() {
        const was = this.#checkedOut;
        if (was === undefined)
            return false;
        const head = await (0,promises_.readFile)((0,external_node_path_.join)(was.record, 'HEAD'), 'utf8').catch(() => '');
        return head === `${was.sha}\n` && (await this.#stateOf(was.record, was.sha))?.index === was.index;
    }
    #checkoutSettings;
    #settings() {
        return (this.#checkoutSettings ??= checkoutSettings(this.repoDir));
    }
    /**
     * Moves the kept worktree to `dir` and brings it to `sha`, exactly: false when there is none to take (another
     * hook has it), or when it cannot be brought there exactly (then it is removed). Exactly: its files were written
     * under the checkout settings `fingerprint` (see checkout-settings.ts), no attributes file of the tree differs
     * between its commit and `sha` (git does not write again a file whose blob did not change), and no process
     * works in it (a job's daemon that left its process group, writing where it was started).
     */
    async #take(dir, sha, fingerprint) {
        const kept = (0,external_node_path_.join)(this.root, KEPT);
        if (!(0,external_node_fs_.existsSync)(kept))
            return false;
        const moved = await (0,git_command/* gitText */.q_)(this.repoDir, ['worktree', 'move', kept, dir]);
        if (!moved.ok) {
            // Still there: not a worktree git knows (its record removed by hand), which nothing can take.
            if ((0,external_node_fs_.existsSync)(kept))
                await this.#removeWorktree(kept);
            return false;
        }
        this.#taken = dir;
        // Every git command on it names its record and work tree: never the `.git` file in it, which a job may have
        // pointed at another repository.
        const record = await this.#recordOf(dir);
        const git = (args) => (0,git_command/* gitText */.q_)(dir, [...(record ? ['--git-dir', record, '--work-tree', dir] : []), ...args]);
        const written = record ? await (0,promises_.readFile)((0,external_node_path_.join)(record, SETTINGS_FILE), 'utf8').catch(() => '') : '';
        const fit = written === fingerprint &&
            (await onlyGitsOwn(record)) &&
            !workedIn(dir) &&
            (await git(['diff', '--quiet', 'HEAD', sha, '--', ':(glob)**/.gitattributes'])).ok &&
            (await everyEntryLookedAt(git));
        // Cleaned first as well: an untracked attributes file would convert what the checkout writes, and a tracked
        // directory a job replaced by a link to its moved copy would pass for unchanged through the link. git's stat
        // data trusted only as `disbuild run` trusts it (change times included), every entry looked at; no hook run
        // (see add).
        // Cleaned with names as the disk has them (see names-as-on-disk.ts), else a job's `a.txt` beside a tracked `A.txt`
        // stays; checked out as the repository says, as the keys of a commit and a fresh worktree take it (attributes'
        // patterns match names in any case under core.ignoreCase=true).
        const steps = [
            [...names_as_on_disk/* NAMES_AS_ON_DISK */.S, 'clean', '-ffdxq'],
            [
                ...['-c', 'core.trustctime=true', '-c', 'core.checkStat=default'],
                ...['-c', 'core.ignoreStat=false', '-c', 'core.preloadIndex=false', '-c', 'core.fsmonitor=false'],
                ...NO_HOOKS,
                ...['checkout', '--force', '--detach', '--quiet', sha],
            ],
            [...names_as_on_disk/* NAMES_AS_ON_DISK */.S, 'clean', '-ffdxq'],
        ];
        let done = fit;
        for (let i = 0; done && i < steps.length; i++)
            done = (await git(steps[i])).ok;
        // What git clean passes over: a FIFO or a socket (a job reading `*` would hang), a `.git` a job made (git
        // commands of the next job would act on that repository).
        if (done && strayEntry(dir) === undefined) {
            this.#checkedOut = await this.#stateOf(record, sha);
            return true;
        }
        this.#taken = undefined;
        await this.#removeWorktree(dir);
        return false;
    }
    async remove(dir) {
        if (dir === this.#taken) {
            this.#taken = undefined;
            // Back for the next push, with the settings its files were written under; not when another hook put one
            // back meanwhile (a move onto a directory moves into it), nor while a process still works in it.
            const kept = (0,external_node_path_.join)(this.root, KEPT);
            const record = this.#checkedOut?.record;
            const noted = record !== undefined &&
                !(0,external_node_fs_.existsSync)(kept) &&
                (await this.#unchangedByJobs()) &&
                !workedIn(dir) &&
                (await (0,promises_.writeFile)((0,external_node_path_.join)(record, SETTINGS_FILE), (await this.#settings()).fingerprint).then(() => true, () => false));
            this.#checkedOut = undefined;
            if (noted && !(0,external_node_fs_.existsSync)(kept) && (await (0,git_command/* gitText */.q_)(this.repoDir, ['worktree', 'move', dir, kept])).ok) {
                // Into one another hook put back in the moment between the look and the move: this one goes.
                const nested = (0,external_node_path_.join)(kept, (0,external_node_path_.basename)(dir));
                if ((0,external_node_fs_.existsSync)(nested))
                    await this.#removeWorktree(nested);
                return;
            }
        }
        await this.#removeWorktree(dir);
    }
    /** git's record of the worktree at `dir` (`<git common dir>/worktrees/<name>`), found by what the record says. */
    async #recordOf(dir) {
        return (await this.#recordsOf(dir))[0];
    }
    /**
     * Every record naming `dir` as its worktree, whether or not `dir` still exists: git may have written the path
     * through the real directory (a temp directory behind a link).
     */
    async #recordsOf(dir) {
        const paths = [(0,external_node_path_.join)(dir, '.git')];
        const parent = await (0,promises_.realpath)((0,external_node_path_.dirname)(dir)).catch(() => undefined);
        if (parent !== undefined)
            paths.push((0,external_node_path_.join)(parent, (0,external_node_path_.basename)(dir), '.git'));
        return (await this.#allRecords()).filter((r) => paths.includes(r.gitdir)).map((r) => r.path);
    }
    /** Every worktree record of the repository, with the `.git` path it names (empty when unreadable). */
    async #allRecords() {
        const names = await (0,promises_.readdir)(this.records).catch(() => []);
        return Promise.all(names.map(async (n) => ({
            path: (0,external_node_path_.join)(this.records, n),
            gitdir: (await (0,promises_.readFile)((0,external_node_path_.join)(this.records, n, 'gitdir'), 'utf8').catch(() => '')).trim(),
        })));
    }
    async #removeWorktree(dir) {
        // First: which submodules it holds is read from it.
        await forgetSubmoduleWorktrees(this.repoDir, dir);
        await (0,esm/* simpleGit */.Lp)(this.repoDir)
            .raw(['worktree', 'remove', '--force', dir])
            .catch(() => undefined);
        // Jobs may leave read-only directories in the checkout; one that still resists is left for the next run.
        await (0,remove_tree/* removeTree */.dM)(dir).catch(() => undefined);
        await this.#forget(dir);
    }
    /**
     * Removes git's record of the worktree at `dir` when `worktree remove` left it (its directory was gone or
     * resisted): this one record, not `git worktree prune`, which also forgets the user's own worktrees whose
     * directory is away for a moment (an unmounted disk), with their HEAD and index.
     */
    async #forget(dir) {
        for (const record of await this.#recordsOf(dir))
            await (0,promises_.rm)(record, { recursive: true, force: true });
    }
    async #removeStale() {
        const names = await (0,promises_.readdir)(this.root).catch(() => []);
        const stale = names.filter((n) => {
            if (n === KEPT)
                return !this.keep;
            return !liveHook(n);
        });
        for (const n of stale)
            await this.#removeWorktree((0,external_node_path_.join)(this.root, n));
        // git's records of worktrees whose directory is gone (removed by hand, or a hook killed inside `git worktree
        // move`): one naming `kept` would make every move back to it fail. Only `kept` and dead hooks' names, never
        // a live hook's, whose `worktree add` may not have made its directory yet. Wherever the hook's directory was:
        // a repository moved elsewhere keeps the records of its old place, which no name there matches again.
        const gone = (path) => {
            const name = (0,external_node_path_.basename)((0,external_node_path_.dirname)(path));
            return ((0,external_node_path_.basename)((0,external_node_path_.dirname)((0,external_node_path_.dirname)(path))) === WORKTREES_DIR &&
                (name === KEPT || !liveHook(name)) &&
                !(0,external_node_fs_.existsSync)((0,external_node_path_.dirname)(path)));
        };
        for (const r of await this.#allRecords())
            if (r.gitdir !== '' && gone(r.gitdir))
                await (0,promises_.rm)(r.path, { recursive: true, force: true });
    }
}
/**
 * Whether `name` is a worktree of a hook that is still running: named `<pid>-<8 hex digits>` (see add) after a
 * process that exists. Anything else under the hook's root is a dead hook's, or no hook's.
 */
function liveHook(name) {
    const m = /^([1-9]\d*)-[0-9a-f]{8}$/.exec(name);
    return m !== null && (0,is_alive/* isAlive */._)(Number(m[1]));
}
/**
 * Whether a process works in `dir`: its working directory, its root or a file it holds open lies there (a daemon a
 * job started out of its process group, appending to a log or changing into the work tree): it would go on writing
 * into the next push's checkout. Asked of /proc (synchronously: a few microseconds a link, where the thread pool's
 * round trips cost tens); where there is none, keeping is off (see open). Processes this user cannot see
 * (another's, another PID namespace's, a container's) are not found.
 */
function workedIn(dir) {
    const real = (0,real_path/* realPathOr */.r)(dir);
    const inside = (path) => path === real || path.startsWith(`${real}/`);
    const link = (path) => {
        try {
            return (0,external_node_fs_.readlinkSync)(path);
        }
        catch {
            return '';
        }
    };
    let pids;
    try {
        pids = (0,external_node_fs_.readdirSync)('/proc');
    }
    catch {
        return true;
    }
    for (const pid of pids) {
        if (pid.charCodeAt(0) > 57)
            continue;
        if (inside(link(`/proc/${pid}/cwd`)) || inside(link(`/proc/${pid}/root`)))
            return true;
        let fds;
        try {
            fds = (0,external_node_fs_.readdirSync)(`/proc/${pid}/fd`);
        }
        catch {
            continue;
        }
        for (const fd of fds)
            if (inside(link(`/proc/${pid}/fd/${fd}`)))
                return true;
    }
    return false;
}
/** What a worktree's record holds when only git made it (a job's `git config --worktree`, sparse patterns do not). */
const RECORD_FILES = new Set(['HEAD', 'ORIG_HEAD', 'commondir', 'gitdir', 'index', 'logs', SETTINGS_FILE]);
/** Whether the record at `record` holds only what git itself writes there (see RECORD_FILES). */
async function onlyGitsOwn(record) {
    if (record === undefined)
        return false;
    const names = await (0,promises_.readdir)(record).catch(() => undefined);
    return names !== undefined && names.every((n) => RECORD_FILES.has(n));
}
/**
 * Whether git compares every entry of the index with its file: none skip-worktree or assume-unchanged (a job's
 * `git update-index --skip-worktree`, `git sparse-checkout set`), which `checkout --force` would leave as the job
 * left it.
 */
async function everyEntryLookedAt(git) {
    const listed = await git(['ls-files', '-v', '-z']);
    // `<tag> <path>\0`: `H` for an entry git compares, anything else (`S`, a lower-case tag) for one it does not.
    return listed.ok && listed.value.split('\0').every((r) => r === '' || r.startsWith('H '));
}
/** The first entry under `dir` that is not a file, link or directory, or a `.git` other than its own; undefined if none. */
function strayEntry(dir) {
    const pending = [''];
    for (let rel = pending.pop(); rel !== undefined; rel = pending.pop()) {
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(rel === '' ? dir : (0,external_node_path_.join)(dir, rel), { withFileTypes: true });
        }
        catch {
            return rel;
        }
        for (const e of entries) {
            const path = rel === '' ? e.name : `${rel}/${e.name}`;
            if (e.name === '.git') {
                if (path !== '.git')
                    return path;
            }
            else if (e.isDirectory())
                pending.push(path);
            else if (!e.isFile() && !e.isSymbolicLink())
                return path;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/hook/install.ts




/** Marks a hook file as ours, so install is idempotent and uninstall knows what to restore. */
const MARKER = '# disbuild pre-push hook';
/** Where git looks for hooks, resolved by git itself (core.hooksPath, worktrees). */
async function hooksDir(repoDir) {
    const out = (await (0,esm/* simpleGit */.Lp)(repoDir).raw(['rev-parse', '--git-path', 'hooks'])).trim();
    return (0,external_node_path_.isAbsolute)(out) ? out : (0,external_node_path_.join)(repoDir, out);
}
/** The script git runs. It chains a pre-existing hook first, with the same arguments and stdin. */
function hookScript(node, cli) {
    const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
    return `#!/bin/sh
${MARKER}: installed by 'disbuild hook install'; 'disbuild hook uninstall' restores what was here.
input=$(cat)
legacy="$(dirname "$0")/pre-push.legacy"
if [ -x "$legacy" ]; then
  printf '%s\\n' "$input" | "$legacy" "$@" || exit $?
fi
[ "$DISBUILD_SKIP" = "1" ] && exit 0
# As bin/disbuild does: Node would parse this file at start; the CLI puts it back for what it starts.
if [ -n "\${NODE_EXTRA_CA_CERTS-}" ]; then
  DISBUILD_NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS
  export DISBUILD_NODE_EXTRA_CA_CERTS
  unset NODE_EXTRA_CA_CERTS
fi
if [ -x ${q(node)} ] && [ -f ${q(cli)} ]; then
  printf '%s\\n' "$input" | ${q(node)} --v8-pool-size=2 ${q(cli)} hook run pre-push "$@"
else
  printf '%s\\n' "$input" | npx --no-install disbuild hook run pre-push "$@"
fi
`;
}
/** Writes the pre-push hook; an existing foreign hook is kept as pre-push.legacy and still runs first. */
async function installHook(repoDir, opts) {
    const dir = await hooksDir(repoDir);
    await (0,promises_.mkdir)(dir, { recursive: true });
    const path = (0,external_node_path_.join)(dir, 'pre-push');
    const script = hookScript(opts.node, opts.cli);
    const existing = await (0,promises_.readFile)(path, 'utf8').catch(() => undefined);
    if (existing === script)
        return { outcome: 'unchanged', path };
    let outcome = 'installed';
    if (existing !== undefined && !existing.includes(MARKER)) {
        const legacy = (0,external_node_path_.join)(dir, 'pre-push.legacy');
        const legacyExists = await (0,promises_.readFile)(legacy).then(() => true, () => false);
        if (legacyExists && !opts.force) {
            throw new Error(`${legacy} already exists; move it away or use --force to replace it`);
        }
        await (0,promises_.rename)(path, legacy);
        outcome = 'chained';
    }
    await (0,promises_.writeFile)(`${path}.tmp`, script, { mode: 0o755 });
    await (0,promises_.chmod)(`${path}.tmp`, 0o755);
    await (0,promises_.rename)(`${path}.tmp`, path);
    return { outcome, path };
}
/** Removes our hook and puts back the one it chained, exactly as it was. */
async function uninstallHook(repoDir) {
    const dir = await hooksDir(repoDir);
    const path = (0,external_node_path_.join)(dir, 'pre-push');
    const existing = await (0,promises_.readFile)(path, 'utf8').catch(() => undefined);
    if (existing === undefined || !existing.includes(MARKER))
        return 'not-installed';
    const legacy = (0,external_node_path_.join)(dir, 'pre-push.legacy');
    let done;
    try {
        await (0,promises_.rename)(legacy, path);
        done = 'restored';
    }
    catch {
        await (0,promises_.rm)(path, { force: true });
        done = 'removed';
    }
    // The worktree kept between pushes, and any a killed hook left: no later push would remove them, and the kept
    // one is a checkout's worth of disk holding its commit from git's garbage collection.
    await Worktrees.open(repoDir, undefined, { keep: false }).catch(() => undefined);
    await (0,promises_.rmdir)((0,external_node_path_.join)(await gitCommonDir(repoDir), WORKTREES_DIR)).catch(() => undefined);
    return done;
}

// EXTERNAL MODULE: ./src/util/result.ts
var result = __webpack_require__(8251);
;// CONCATENATED MODULE: ./src/hook/source-dir.ts



/**
 * The directory the hook reads `disbuild.json` from and builds in, relative to the repository's top:
 * `git config disbuild.sourceDir` (as the CLI's `--source-dir` and the Action's `source-dir`), `''` for the top.
 * A project whose `disbuild.json` lives in `web/` is then keyed and built there, as a run in `web/` is, so the
 * hook finds what such a run (CI's) cached.
 *
 * It must name a directory of the checkout pushing, not one reached through a link: the keys of a commit are read
 * through git from there (see commit-digests.ts), and a link could lead them elsewhere than the commit's own.
 */
async function hookSourceDir(top, settings) {
    const given = settings.get('disbuild.sourcedir');
    if (given === undefined)
        return (0,result.ok)('');
    const dir = external_node_path_.posix.normalize(given.replace(/\/+$/, ''));
    const refused = (why) => (0,result/* err */._)(`git config disbuild.sourceDir ${JSON.stringify(given)}: ${why}`);
    if (dir === '.')
        return (0,result.ok)('');
    if (external_node_path_.posix.isAbsolute(dir) || dir === '..' || dir.startsWith('../'))
        return refused('must be a directory inside the repository, relative to its top');
    const [realTop, realDir] = await Promise.all([
        (0,promises_.realpath)(top).catch(() => undefined),
        (0,promises_.realpath)((0,external_node_path_.join)(top, dir)).catch(() => undefined),
    ]);
    if (realTop === undefined || realDir === undefined)
        return refused('no such directory in this checkout');
    if (realDir !== (0,external_node_path_.join)(realTop, dir))
        return refused('is reached through a symbolic link');
    if (!(await (0,promises_.stat)(realDir).catch(() => undefined))?.isDirectory())
        return refused('is not a directory');
    return (0,result.ok)(dir);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/run-env/base-environment.ts
var base_environment = __webpack_require__(7622);
// EXTERNAL MODULE: ./src/run-env/local-state.ts + 1 modules
var local_state = __webpack_require__(4648);
// EXTERNAL MODULE: ./src/run-env/remote-cache.ts + 17 modules
var remote_cache = __webpack_require__(1511);
// EXTERNAL MODULE: ./src/coordinator/shared-coordinator.ts + 6 modules
var shared_coordinator = __webpack_require__(5431);
// EXTERNAL MODULE: ./src/coordinator/lazy-coordinator.ts
var lazy_coordinator = __webpack_require__(3413);
// EXTERNAL MODULE: ./src/engine.ts + 13 modules
var engine = __webpack_require__(2442);
// EXTERNAL MODULE: ./src/graph/model.ts
var model = __webpack_require__(2573);
// EXTERNAL MODULE: ./src/graph/parse.ts + 2 modules
var parse = __webpack_require__(1905);
// EXTERNAL MODULE: ./src/graph/input-spelling.ts
var input_spelling = __webpack_require__(1535);
// EXTERNAL MODULE: ./src/ids/job-key.ts + 3 modules
var job_key = __webpack_require__(371);
// EXTERNAL MODULE: ./src/report/console-reporter.ts
var console_reporter = __webpack_require__(3465);
;// CONCATENATED MODULE: ./src/report/exit-code.ts
/**
 * "exit code N" when a failed job's message does not say it already ("exited with code 3"), and it has one (not a
 * job killed by a signal, or one that never started): for the places that name a failure, so that each says it
 * once.
 */
function exitCodeToSay(exitCode, message) {
    if (exitCode === null || (message !== undefined && /\bcode \d/.test(message)))
        return undefined;
    return `exit code ${String(exitCode)}`;
}

// EXTERNAL MODULE: ./src/ids/commit-digests.ts
var commit_digests = __webpack_require__(5221);
// EXTERNAL MODULE: ./src/util/pid-temp.ts
var pid_temp = __webpack_require__(4340);
// EXTERNAL MODULE: ./src/config/compiled-graph-cache.ts
var compiled_graph_cache = __webpack_require__(9085);
// EXTERNAL MODULE: ./src/config/load-config.ts
var load_config = __webpack_require__(6943);
// EXTERNAL MODULE: ./src/config/repo-files.ts
var repo_files = __webpack_require__(8682);
;// CONCATENATED MODULE: ./src/config/compile-at-commit.ts
/**
 * disbuild.json's tasks compiled as of a commit from git's objects alone, without checking the commit out: its
 * file list from `git ls-tree`, its workspace manifests from `git cat-file --batch`. A checkout of a repository of
 * 10,000 files took 3.5 s here, and the pre-push hook needs the graphs of two commits (the pushed one and the
 * remote's) where most pushes then run nothing.
 *
 * Deals with: commits whose files are all regular files, and whose manifests and disbuild.json git checks out
 * byte for byte.
 * Does not deal with: submodules and symbolic links (a submodule's files, and whether a link leads to a
 * directory, are known from a checkout), files a filter, `working-tree-encoding` or `ident` may change on
 * checkout, nor paths equal but for case where the file system folds case (a checkout keeps one of them): for
 * those the caller compiles in a checkout.
 */










/**
 * What compiles of several commits of one repository, at one moment (one push), may share: git's answers about
 * attributes and case folding, which the commits of a push mostly share.
 */
class SharedAnswers {
    attributes = new Map();
    foldsCase;
}
/**
 * The graph of `config` (the commit's own disbuild.json) over the files of commit `sha` of the repository at
 * `repoDir` (its top), for the disbuild.json in directory `dir` of the commit (`''`: the top; `a/b` otherwise):
 * paths are relative to it, as a run there sees them. Environment variables named by tasks' `env` are read from
 * `env`.
 */
async function compileAtCommit(repoDir, sha, config, env, shared = new SharedAnswers(), dir = '') {
    const listed = await (0,git_command/* gitText */.q_)(repoDir, ['ls-tree', '-r', '-z', '--full-tree', sha]);
    if (!listed.ok)
        return { needsCheckout: listed.error };
    const prefix = dir === '' ? '' : `${dir}/`;
    const files = [];
    /** Blob IDs of the files read (manifests, by their path in `dir`), and of attributes files (by their path). */
    const blobs = new Map();
    /** The commit's attributes files, as `git update-index --index-info` reads entries. */
    const attributes = [];
    // `<mode> SP <type> SP <object> TAB <path> NUL`, read in place: twenty thousand records per commit.
    const text = listed.value;
    for (let at = 0; at < text.length;) {
        let end = text.indexOf('\0', at);
        if (end < 0)
            end = text.length;
        const tab = text.indexOf('\t', at);
        const path = text.slice(tab + 1, end);
        const inside = path.startsWith(prefix);
        const regular = text.startsWith('100644 ', at) || text.startsWith('100755 ', at);
        // Outside `dir` only attributes files count (those of the directories above it apply inside it).
        if (inside && !regular)
            return { needsCheckout: `${path} is not a regular file` };
        const attributesFile = regular && (path === '.gitattributes' || path.endsWith('/.gitattributes'));
        const own = inside ? path.slice(prefix.length) : undefined;
        if (own !== undefined)
            files.push(own);
        if (attributesFile || (own !== undefined && (0,compiled_graph_cache/* isReadByCompile */.RS)(own))) {
            const id = text.slice(text.lastIndexOf(' ', tab) + 1, tab);
            if (own !== undefined)
                blobs.set(own, id);
            if (attributesFile)
                attributes.push(`${text.slice(at, at + 6)} ${id}\t${path}`);
        }
        at = end + 1;
    }
    (0,repo_files/* sortedByCodeUnits */.$c)(files);
    const manifests = (0,compiled_graph_cache/* readByCompile */.Dj)(files);
    const [texts, changing, folded] = await Promise.all([
        blobTexts(repoDir, manifests, blobs),
        rewrittenOnCheckout(repoDir, attributes, [...manifests, config_file/* CONFIG_FILE */.g2].map((p) => prefix + p), shared),
        caseFolded(repoDir, files, shared),
    ]);
    if (!texts.ok)
        return { needsCheckout: texts.error };
    if (!changing.ok)
        return { needsCheckout: changing.error };
    if (changing.value !== undefined)
        return { needsCheckout: `${changing.value} may change on checkout` };
    if (folded !== undefined)
        return { needsCheckout: `${folded} differ only in case` };
    const compiled = await (0,load_config/* compileListed */.vQ)(
    // Nothing of a commit is untracked: as in a fresh checkout, no file it holds can be an output.
    { root: undefined, files, untracked: new Set(), manifests: texts.value }, config, env);
    return compiled.ok ? (0,result.ok)(compiled.value) : (0,result/* err */._)(compiled.error);
}
/** The texts of `paths` (UTF-8), by path, from one `git cat-file --batch`. */
async function blobTexts(repoDir, paths, blobs) {
    const texts = new Map();
    if (paths.length === 0)
        return (0,result.ok)(texts);
    const ids = [...new Set(paths.map((p) => blobs.get(p)))];
    const out = await (0,git_command/* gitBytes */.s0)(repoDir, ['cat-file', '--batch'], ids.join('\n') + '\n');
    if (!out.ok)
        return out;
    const byId = (0,commit_digests/* parseBatch */.Gc)(out.value);
    for (const p of paths) {
        const text = byId.get(blobs.get(p));
        if (text === undefined)
            return (0,result/* err */._)(`git cat-file: no blob for ${p}`);
        texts.set(p, text);
    }
    return (0,result.ok)(texts);
}
/** Attributes under which a checkout writes other bytes than the blob's, beyond line endings. */
const REWRITING = ['filter', 'working-tree-encoding', 'ident'];
/**
 * The first of `paths` whose checkout may hold other bytes than its blob, or undefined. git itself is asked
 * (`check-attr --cached`, over a temporary index holding the commit's `attributes` files only, as `ls-tree`
 * entries): those files and the repository's, user's and system's attributes, macros, and case folding are then
 * read exactly as a checkout reads them. Line endings do not matter: JSON and YAML read alike with either.
 */
function rewrittenOnCheckout(repoDir, attributes, paths, shared) {
    const key = `${attributes.join('\0')}\0\0${paths.join('\0')}`;
    let answer = shared.attributes.get(key);
    if (answer === undefined)
        shared.attributes.set(key, (answer = askAttributes(repoDir, attributes, paths)));
    return answer;
}
/** The temporary indexes of askAttributes are `<tmp>/disbuild-attrs-<pid>-<random>/index`. */
const ATTRS_PREFIX = 'disbuild-attrs-';
async function askAttributes(repoDir, attributes, paths) {
    // A hook killed while it asked leaves its index behind: the next one removes it.
    await (0,pid_temp/* removeDeadPidTemps */.Xw)(ATTRS_PREFIX, pid_temp/* ABANDONED_MS */.YF);
    let dir;
    try {
        dir = (0,pid_temp/* makePidTemp */.Gp)(ATTRS_PREFIX);
    }
    catch (e) {
        return (0,result/* err */._)(`no temporary index for git check-attr (${e.message})`);
    }
    try {
        const env = { ...process.env, GIT_INDEX_FILE: (0,external_node_path_.join)(dir, 'index') };
        if (attributes.length > 0) {
            const input = attributes.join('\0') + '\0';
            const made = await (0,git_command/* gitText */.q_)(repoDir, ['update-index', '-z', '--index-info'], { env, input });
            if (!made.ok)
                return made;
        }
        const asked = await (0,git_command/* gitText */.q_)(repoDir, ['check-attr', '--cached', '-z', '--stdin', ...REWRITING], {
            env,
            input: paths.join('\0') + '\0',
        });
        if (!asked.ok)
            return asked;
        // `<path>\0<attribute>\0<value>\0` for each path and attribute.
        const fields = asked.value.split('\0');
        for (let i = 0; i + 2 < fields.length; i += 3) {
            if (fields[i + 2] !== 'unspecified' && fields[i + 2] !== 'unset')
                return (0,result.ok)(fields[i]);
        }
        return (0,result.ok)(undefined);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true }).catch(() => { });
    }
}
/** Two of `files` equal but for case, when git says the file system folds case (`core.ignorecase`). */
async function caseFolded(repoDir, files, shared) {
    shared.foldsCase ??= (0,git_command/* gitText */.q_)(repoDir, ['config', '--bool', 'core.ignorecase']).then((r) => r.ok && r.value.trim() === 'true');
    if (!(await shared.foldsCase))
        return undefined;
    const seen = new Map();
    for (const f of files) {
        const key = f.toLowerCase();
        const other = seen.get(key);
        if (other !== undefined)
            return `${other} and ${f}`;
        seen.set(key, f);
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/config/config-graph.ts
var config_graph = __webpack_require__(3171);
// EXTERNAL MODULE: ./src/ids/git-conversions.ts
var git_conversions = __webpack_require__(5782);
// EXTERNAL MODULE: ./src/ids/resolve-input.ts
var resolve_input = __webpack_require__(6915);
;// CONCATENATED MODULE: ./src/hook/config.ts









/**
 * `git config disbuild.graph` (a path relative to the repository root) or `disbuild.graphCommand`, else
 * `disbuild.json` in directory `dir` of commit `sha` (`''`: the root; see source-dir.ts): `{"graph": "path"}`
 * (relative to that directory), `{"graphCommand": "cmd"}` or `{"tasks": …}`, with an optional `"salt"`. The file
 * is read from the commit, never the working tree: what is pushed is what is checked, and each commit (the pushed
 * one, the remote's) is keyed with its own configuration. Answers a one-line hint when there is none, and the
 * file's problems (`invalid`) when it cannot be used.
 */
async function readHookConfig(repoDir, sha, settings, dir = '') {
    const set = settings ?? (await readDisbuildSettings(repoDir));
    const [graph, command, salt] = ['graph', 'graphcommand', 'salt'].map((k) => set.get(`disbuild.${k}`));
    if (graph !== undefined)
        return { ok: true, value: { graph: { kind: 'file', path: graph }, salt: salt ?? '' } };
    if (command !== undefined)
        return { ok: true, value: { graph: { kind: 'command', command }, salt: salt ?? '' } };
    const read = await configText(repoDir, sha, external_node_path_.posix.join(dir, config_file/* CONFIG_FILE */.g2));
    if (!read.ok)
        return { ok: false, invalid: true, error: `disbuild: ${read.error}` };
    const text = read.value;
    if (text === undefined && dir !== '') {
        // A `dir` that is a link or a submodule in this commit would be built elsewhere than a run in it builds.
        const notDir = await notADirectory(repoDir, sha, dir);
        if (notDir !== undefined)
            return {
                ok: false,
                invalid: true,
                error: `disbuild: ${notDir} at ${sha.slice(0, 10)}: git config disbuild.sourceDir names a directory`,
            };
    }
    const source = text === undefined ? undefined : (0,load_config/* configSourceOf */.nI)((0,config_file/* parseConfigText */.Bu)(text));
    if (source === undefined) {
        return {
            ok: false,
            invalid: false,
            error: dir === ''
                ? "disbuild: no graph configured; describe the build in disbuild.json (see the README), or run 'git config disbuild.graph PATH'"
                : `disbuild: no ${external_node_path_.posix.join(dir, config_file/* CONFIG_FILE */.g2)} (git config disbuild.sourceDir) at ${sha.slice(0, 10)}`,
        };
    }
    if (!source.ok) {
        return {
            ok: false,
            invalid: true,
            error: source.error.map((p) => `disbuild: ${(0,config_file/* formatConfigProblem */.fc)(p)}`).join('\n'),
        };
    }
    const s = source.value.salt ?? salt ?? '';
    switch (source.value.kind) {
        case 'file':
            // `git show` names paths from the top: `sub/../graph.json` would be refused.
            return {
                ok: true,
                value: {
                    graph: { kind: 'file', path: external_node_path_.posix.normalize(external_node_path_.posix.join(dir, source.value.path)) },
                    salt: s,
                },
            };
        case 'command':
            return { ok: true, value: { graph: { kind: 'command', command: source.value.command }, salt: s } };
        case 'tasks':
            return { ok: true, value: { graph: { kind: 'tasks', config: source.value.config }, salt: s } };
    }
}
/**
 * The text of the file at `path` of commit `sha`, symbolic links followed within the commit's tree as a checkout
 * reads them, by the walk keys use (resolve-input.ts): `disbuild.json -> config/disbuild.json` (the hook once read
 * the link's text as JSON). Undefined when there is none. A link leading out of the repository, absolute,
 * dangling, looping or to a directory is an error naming it.
 */
async function configText(repoDir, sha, path) {
    const listed = await (0,git_command/* gitText */.q_)(repoDir, ['ls-tree', '-z', '--full-tree', sha, '--', path]);
    // `<mode> SP <type> SP <id> TAB <path> NUL`
    const entry = listed.ok ? /^(\d+) blob ([0-9a-f]+)\t/.exec(listed.value) : null;
    if (entry === null)
        return (0,result.ok)(undefined);
    let id = entry[2];
    if (entry[1] === '120000') {
        // Rare: the whole tree is listed only then.
        const [tree, settings] = await Promise.all([
            (0,git_command/* gitText */.q_)(repoDir, ['ls-tree', '-r', '-z', '--full-tree', sha]),
            (0,git_conversions/* readSettings */.sb)(repoDir),
        ]);
        if (!tree.ok)
            return (0,result/* err */._)(`${path}: ${tree.error}`);
        const view = await commit_digests/* CommitView */.r9.load(repoDir, tree.value, '', settings);
        if (!view.ok)
            return (0,result/* err */._)(`${path}: ${view.error}`);
        const r = (0,resolve_input/* resolveInput */.xI)(view.value, path);
        if (!r.ok || r.directory) {
            const why = r.ok ? `${path} leads to a directory` : r.problem.replace(/^input (file )?/, '');
            return (0,result/* err */._)(`${path} is a symbolic link the hook cannot read through: ${why}`);
        }
        id = view.value.entry(r.real).digest;
    }
    const blob = await (0,git_command/* gitText */.q_)(repoDir, ['cat-file', 'blob', id]);
    return blob.ok ? (0,result.ok)(blob.value) : (0,result/* err */._)(`${path}: ${blob.error}`);
}
/**
 * What the first of `dir`'s components that is no directory is in commit `sha` (`web is a symbolic link`), or
 * undefined when each is a directory, or one is missing (a commit without the project).
 */
async function notADirectory(repoDir, sha, dir) {
    const parts = dir.split('/');
    const components = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    const listed = await (0,git_command/* gitText */.q_)(repoDir, ['ls-tree', '-z', '--full-tree', sha, '--', ...components]);
    if (!listed.ok)
        return undefined;
    const modes = new Map();
    for (const entry of listed.value.split('\0')) {
        const tab = entry.indexOf('\t');
        if (tab > 0)
            modes.set(entry.slice(tab + 1), entry.slice(0, entry.indexOf(' ')));
    }
    for (const c of components) {
        const mode = modes.get(c);
        if (mode === undefined)
            return undefined;
        if (mode === '120000')
            return `${c} is a symbolic link`;
        if (mode === '160000')
            return `${c} is a submodule`;
        if (mode !== '040000')
            return `${c} is a file`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/hook/parse-push-input.ts
const ZERO = /^0+$/;
/** A deletion pushes nothing to build (`(delete)` with an all-zero local sha). */
const isDeletion = (r) => ZERO.test(r.localSha);
/** A new remote branch has an all-zero remote sha. */
const isNewBranch = (r) => ZERO.test(r.remoteSha);
/**
 * Parses `<local ref> SP <local sha> SP <remote ref> SP <remote sha> LF` lines, from the right: the local ref is
 * written as the user typed it, and may hold spaces (`HEAD^{/fix bug}`); a remote ref never does. Blank lines are
 * ignored; a malformed line is an error that quotes it, so a future git format change fails loudly, not silently.
 */
function parsePushInput(text) {
    const refs = [];
    const errors = [];
    for (const line of text.split('\n')) {
        const trimmed = line.trim();
        if (trimmed === '')
            continue;
        const parts = trimmed.split(' ');
        const [localSha, remoteRef, remoteSha] = parts.slice(-3);
        const localRef = parts.slice(0, -3).join(' ');
        const sha = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
        if (parts.length < 4 || localRef === '' || !sha.test(localSha ?? '') || !sha.test(remoteSha ?? '')) {
            errors.push(`unexpected pre-push input line ${JSON.stringify(line)}`);
            continue;
        }
        refs.push({ localRef, localSha: localSha, remoteRef: remoteRef, remoteSha: remoteSha });
    }
    return { refs, errors };
}

;// CONCATENATED MODULE: ./src/hook/remote-config.ts



/**
 * The hook's remote cache, from `git config disbuild.cache` (http or turbo; http when only a URL is set),
 * `disbuild.cacheUrl`, `disbuild.cacheTeam` and `disbuild.cacheMode`. A hook only reads unless the mode says
 * read-write: a developer's machine is not a trusted writer (see the README's trust model).
 */
async function readHookRemote(repoDir, env, settings) {
    const s = settings ?? (await readDisbuildSettings(repoDir));
    const [kind, url, team, mode] = ['cache', 'cacheurl', 'cacheteam', 'cachemode'].map((k) => s.get(`disbuild.${k}`));
    const k = kind ?? (url === undefined ? 'local' : 'http');
    if (k === 'local' || k === 'none')
        return (0,result.ok)(undefined);
    if (k !== 'http' && k !== 'turbo')
        return (0,result/* err */._)(`git config disbuild.cache must be one of http, turbo, local, got ${JSON.stringify(k)}`);
    return (0,remote_cache.parseRemoteSettings)({ kind: k, url, team, mode }, { url: 'git config disbuild.cacheUrl', mode: 'git config disbuild.cacheMode' }, env, 'read');
}

;// CONCATENATED MODULE: ./src/hook/remote-name.ts

/**
 * The configured remote git pushes to, by name: git hands the hook the URL itself as the remote's name when a push
 * names a URL (`git push git@host:repo.git b`), and the remote's branches (`refs/remotes/<name>/…`, where a new
 * branch finds its base) are under the name of the remote with that URL. `given` when it is a remote's name, or no
 * remote has that URL.
 */
async function remoteName(repoDir, given) {
    const r = await (0,git_command/* gitText */.q_)(repoDir, ['config', '-z', '--get-regexp', '^remote\\..*\\.(url|pushurl)$']);
    if (!r.ok)
        return given;
    let named;
    // `<key>\n<value>\0` each; a remote's name (the key's middle part) keeps its case.
    for (const record of r.value.split('\0')) {
        const nl = record.indexOf('\n');
        if (nl < 0)
            continue;
        const key = record.slice(0, nl);
        const name = key.slice('remote.'.length, key.lastIndexOf('.'));
        if (name === given)
            return given;
        if (record.slice(nl + 1) === given)
            named ??= name;
    }
    return named ?? given;
}

;// CONCATENATED MODULE: ./src/hook/worktree-modules.ts




/**
 * Gives a worktree of a pushed commit the installed packages of the checkout, with its own copies of the
 * workspace packages the commit builds. The worktree lies under `.git/`, so the checkout's top `node_modules` is
 * found above it, as it is, unless the checkout is not above the worktree: a linked worktree's (the hook's
 * worktrees are under the main checkout's `.git/`), or the directory `disbuild.sourceDir` names below the root
 * (the worktree builds its copy of that directory). Then, and for a package's own `node_modules` (pnpm's layout,
 * npm's nested installs), which is never found so: the
 * worktree gets one of its own, with a link to each entry of the checkout's: `.bin` (a directory of links, so
 * that a command a build adds stays in the worktree) and the packages; never the other dot-entries (`.cache`), nor
 * an entry an output glob may match in, which the build makes in the worktree. Every package's: a job may run a
 * script of any other (`node ../../tools/gen.js`).
 *
 * For each link a `node_modules` of the checkout holds to one of the checkout's own packages (npm, yarn and pnpm
 * link workspace packages so: `node_modules/@fx/a -> ../../packages/a`), the worktree gets the same link to its
 * own copy, when the graph writes one of the files that package's manifest names for importers (`main`, `types`,
 * `exports`...). A package importing another then gets it as pushed and built in the worktree, never the
 * checkout's (absent, or built from another commit). A package whose files the graph does not build (its `dist/`
 * made by `npm install`'s `prepare`), or whose own `node_modules` the worktree cannot be given, stays the checkout's.
 *
 * Only into a `node_modules` git ignores there: one it does not ignore would hold untracked files, which a key
 * reads. Best effort: what cannot be linked is left out, and the build finds what it can, as before.
 */
async function linkWorkspacePackages(checkout, worktree, outputs) {
    const root = (0,real_path/* realPathIfAny */.b)(checkout) ?? checkout;
    const topAbove = (0,real_path/* realPathIfAny */.b)(worktree)?.startsWith(`${root}${external_node_path_.sep}`) === true;
    const manifests = await gitPaths(worktree, ['ls-files', '-z', '--', 'package.json', '*/package.json']);
    const candidates = [];
    for (const m of manifests) {
        const d = m.slice(0, -'package.json'.length);
        if (d.split('/').includes('node_modules'))
            continue;
        let st;
        try {
            st = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(checkout, d, 'node_modules'), { throwIfNoEntry: false });
        }
        catch {
            // A file where the commit has a directory (ENOTDIR), an unreadable one: nothing installed there to give.
            continue;
        }
        if (st?.isDirectory())
            candidates.push(`${d}node_modules/`);
    }
    if (candidates.length === 0)
        return;
    const ignored = new Set(await gitPaths(worktree, ['check-ignore', '-z', '--stdin'], candidates.join('\0')));
    const given = candidates.filter((c) => ignored.has(c) || ignored.has(c.slice(0, -1)));
    // The packages whose own node_modules the worktree can be given whole (see above), by directory: not one an
    // output glob starts in (`node_modules/gen-*/out.txt`), whose entries the build may write.
    const whole = new Set(given
        .filter((c) => c !== 'node_modules/' && !outputs.bases.some((b) => `${b}/`.startsWith(c)))
        .map((c) => c.slice(0, -'/node_modules/'.length)));
    const decided = new Map();
    const ownCopy = (dir) => {
        let d = decided.get(dir);
        if (d === undefined) {
            // A package with packages of its own that the worktree is not given finds them only from the checkout's copy.
            d =
                (whole.has(dir) || !installsOwn((0,external_node_path_.join)(checkout, dir))) &&
                    builtForImporters(worktree, dir, outputs.matches);
            decided.set(dir, d);
        }
        return d;
    };
    // Synchronous: nothing else runs meanwhile, and thousands of links through the thread pool cost seconds.
    const made = new Set();
    const madeDir = (dir) => {
        try {
            if (!made.has(dir))
                (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
            made.add(dir);
            return true;
        }
        catch {
            return false;
        }
    };
    const linkAt = (path, target) => {
        try {
            if (madeDir((0,external_node_path_.dirname)(path)))
                (0,external_node_fs_.symlinkSync)(target, path);
        }
        catch {
            // Left out: the build finds what it can.
        }
    };
    /** The worktree's copy of the workspace package a link at `at` leads to, when the worktree is to use it. */
    const worktreeCopy = (at) => {
        const real = (0,real_path/* realPathIfAny */.b)((0,external_node_path_.join)(checkout, at));
        const pkg = real === undefined ? undefined : (0,external_node_path_.relative)(root, real);
        const parts = pkg?.split(external_node_path_.sep) ?? [];
        // A package of the workspace: inside the checkout, not installed (under no node_modules), not git's.
        if (!pkg || parts[0] === '..' || parts.some((s) => s === 'node_modules' || s === '.git'))
            return undefined;
        return ownCopy(parts.join('/')) ? (0,external_node_path_.join)(worktree, pkg) : undefined;
    };
    for (const c of given) {
        const top = c === 'node_modules/' && topAbove;
        for (const { name, link } of moduleEntries((0,external_node_path_.join)(checkout, c))) {
            const at = `${c}${name}`;
            const copy = link ? worktreeCopy(at) : undefined;
            if (copy !== undefined) {
                linkAt((0,external_node_path_.join)(worktree, at), copy);
                continue;
            }
            // The top one is found above the worktree, as it is; what the build may write is left to it.
            if (top || (name.startsWith('.') && name !== '.bin') || holdsOutputs(at, c, outputs.bases))
                continue;
            if (name !== '.bin') {
                linkAt((0,external_node_path_.join)(worktree, at), (0,external_node_path_.join)(checkout, at));
                continue;
            }
            // A directory of its own, so that a build adding a command adds it in the worktree.
            if (!madeDir((0,external_node_path_.join)(worktree, at)))
                continue;
            for (const bin of entriesOf((0,external_node_path_.join)(checkout, at))) {
                linkAt((0,external_node_path_.join)(worktree, at, bin.name), (0,external_node_path_.join)(checkout, at, bin.name));
            }
        }
    }
}
function entriesOf(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
    }
    catch {
        return [];
    }
}
/**
 * Whether an output glob may match inside the entry at `path` of the node_modules directory `dir`: it starts at
 * the entry or inside it, or in `dir` or a scope of it above the entry (`node_modules/gen-*\/out.txt`).
 */
function holdsOutputs(path, dir, bases) {
    return bases.some((b) => b === path || b.startsWith(`${path}/`) || (path.startsWith(`${b}/`) && `${b}/`.startsWith(dir)));
}
/** Whether the package at `dir` has packages in a `node_modules` of its own (not only `.cache` or `.bin`). */
function installsOwn(dir) {
    return entriesOf((0,external_node_path_.join)(dir, 'node_modules')).some((e) => !e.name.startsWith('.'));
}
/** The entries (`a`, `@fx/a`, `.bin`) of a `node_modules` directory, the scopes' read through, and which are links. */
function moduleEntries(dir) {
    const found = [];
    for (const e of entriesOf(dir)) {
        if (e.name.startsWith('@') && e.isDirectory()) {
            for (const s of entriesOf((0,external_node_path_.join)(dir, e.name))) {
                found.push({ name: `${e.name}/${s.name}`, link: s.isSymbolicLink() });
            }
        }
        else
            found.push({ name: e.name, link: e.isSymbolicLink() });
    }
    return found;
}
/** Whether the graph writes a file the pushed commit's manifest of the package at `dir` names for importers. */
function builtForImporters(worktree, dir, builds) {
    let manifest;
    try {
        const parsed = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(worktree, dir, 'package.json'), 'utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
            return false;
        manifest = parsed;
    }
    catch {
        return false;
    }
    const files = [];
    const collect = (v) => {
        if (typeof v === 'string')
            files.push(v);
        else if (Array.isArray(v))
            v.forEach(collect);
        else if (v !== null && typeof v === 'object')
            Object.values(v).forEach(collect);
    };
    for (const field of ['main', 'module', 'types', 'typings', 'exports'])
        collect(manifest[field]);
    if (manifest.main === undefined && manifest.exports === undefined)
        files.push('index.js');
    return files.some((f) => {
        const path = external_node_path_.posix.normalize(external_node_path_.posix.join(dir, f.replace(/\*/g, 'x')));
        return !path.startsWith('../') && builds(path);
    });
}
/** The NUL-separated paths git prints; none when it fails (check-ignore exits 1 when none is ignored). */
async function gitPaths(cwd, args, input) {
    const r = await (0,git_command/* gitText */.q_)(cwd, args, input === undefined ? {} : { input });
    return r.ok ? r.value.split('\0').filter(Boolean) : [];
}

;// CONCATENATED MODULE: ./src/hook/pusher-watch.ts

/**
 * Calls `onGone` once the `git push` that runs this hook has exited: git runs the hook through a shell, or execs
 * it, and when git alone is stopped (an editor's cancel, a CI step's timeout sends it SIGTERM) the hook is left
 * running, building for a push that no longer exists. With no `git` among its ancestors (run by hand, or on a
 * system without /proc) nothing is watched. Answers the stop of the watch.
 */
function watchPusher(onGone, everyMs = 500) {
    const git = gitAncestor();
    if (git === undefined)
        return () => undefined;
    const timer = setInterval(() => {
        if (running(git))
            return;
        clearInterval(timer);
        onGone();
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
}
/**
 * Among this process's ancestors (up to a few levels: hook managers add some), the nearest `git` given `push`,
 * else the nearest `git`: a hook may reach disbuild through a git subcommand (`git prepush-check`), which outlives
 * the push it serves.
 */
function gitAncestor() {
    let nearest;
    let pid = process.ppid;
    for (let level = 0; level < 10 && pid > 1; level++) {
        const s = stat(pid);
        if (s === undefined)
            break;
        if (s.name === 'git') {
            if (pushing(pid))
                return pid;
            nearest ??= pid;
        }
        pid = s.ppid;
    }
    return nearest;
}
/** Whether process `pid` was started with the argument `push` (its /proc/PID/cmdline, NUL-separated). */
function pushing(pid) {
    try {
        return (0,external_node_fs_.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('push');
    }
    catch {
        return false;
    }
}
/** Whether `pid` is a live process (a zombie, exited but not yet reaped, is not). */
function running(pid) {
    const s = stat(pid);
    return s !== undefined && s.state !== 'Z';
}
/** Name, state and parent of process `pid`, from /proc/PID/stat (the name is in parentheses, and may hold any). */
function stat(pid) {
    try {
        const text = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        const open = text.indexOf('(');
        const close = text.lastIndexOf(')');
        const [state = '', ppid = ''] = text.slice(close + 2).split(' ');
        return { name: text.slice(open + 1, close), state, ppid: Number(ppid) };
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/util/printable.ts
var printable = __webpack_require__(1095);
;// CONCATENATED MODULE: ./src/hook/run-hook.ts































const sh = (0,external_node_util_.promisify)(external_node_child_process_.exec);
/**
 * `disbuild hook run pre-push <remote> <url>`: builds what is being pushed, from the pushed commits' trees.
 * A job runs when its key differs from the key at the remote's commit and the local cache lacks it; it runs in
 * a temporary worktree of the pushed commit. Quiet when nothing needs to run; a failure blocks the push.
 */
async function runPrePush(remote, io, opts = {}) {
    if (io.env.DISBUILD_SKIP === '1')
        return 0;
    const { refs, errors } = parsePushInput(await readAll(io.stdin));
    for (const e of errors)
        io.stderr.write(`disbuild: ${e}\n`);
    // Refs pushing one commit share its build, but each has its own base: a job runs when its key differs from
    // its key at any of them. An annotated tag pushes its commit; a tag of a tree or a blob pushes nothing to build.
    const bySha = new Map();
    for (const r of refs) {
        if (isDeletion(r))
            continue;
        const commit = await peelToCommit(io.cwd, r.localSha);
        if (commit !== undefined)
            bySha.set(commit, [...(bySha.get(commit) ?? []), r]);
    }
    if (bySha.size === 0)
        return errors.length > 0 ? 1 : 0;
    const repoDir = await ownRepository(io.cwd);
    if (typeof repoDir !== 'string') {
        io.stderr.write(`disbuild: ${repoDir.skip}; this push is not checked\n`);
        return errors.length > 0 ? 1 : 0;
    }
    const state = (0,local_state/* openLocalState */.p)(undefined, io);
    const warn = (m) => io.stderr.write(`disbuild: warning: ${m}\n`);
    const settings = await readDisbuildSettings(repoDir);
    const dir = await hookSourceDir(repoDir, settings);
    if (!dir.ok) {
        io.stderr.write(`disbuild: ${dir.error}; fix it, or push with --no-verify\n`);
        return 1;
    }
    const shared = await readHookRemote(repoDir, io.env, settings);
    // Where the remote's branches are: under its name, also for a push naming its URL.
    const remoteRefs = await remoteName(repoDir, remote);
    // A broken cache setting costs the push its remote cache, never the push.
    if (!shared.ok)
        warn(`${shared.error}; not using a remote cache`);
    const cache = (0,remote_cache.withRemote)(await state.openCache(warn), shared.ok ? shared.value : undefined, state, warn);
    const worktrees = await Worktrees.open(repoDir, warn, {
        keep: settings.get('disbuild.keepworktree') !== 'false',
    });
    const live = new Set();
    const controller = new AbortController();
    // The lookups of a commit's keys come before its build: a stopped push waits for no server there either.
    controller.signal.addEventListener('abort', () => cache.interrupt?.(), { once: true });
    const onSignal = () => controller.abort();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const unwatch = watchPusher(() => {
        io.stderr.write('disbuild: the push was stopped; stopping its build\n');
        controller.abort();
    });
    const failures = [];
    // Commits whose build cannot be made: said as they are met, and the push refused once every commit was tried.
    let unbuildable = 0;
    const said = new Set();
    try {
        for (const [sha, shaRefs] of bySha) {
            const config = await readHookConfig(repoDir, sha, settings, dir.value);
            if (!config.ok && config.invalid) {
                // A disbuild.json that cannot be read would fail every build of the commit, in CI too.
                io.stderr.write(`${config.error}\n${blocked(sha)}`);
                unbuildable++;
                continue;
            }
            if (!config.ok) {
                // Said once, however many commits lack a configuration.
                if (!said.has(config.error))
                    io.stderr.write(`${config.error}\n`);
                said.add(config.error);
                continue;
            }
            // `-v` on the command, or DISBUILD_VERBOSE=1 where git starts the hook: says which salt the keys use.
            if (opts.verbose || io.env.DISBUILD_VERBOSE === '1')
                io.stderr.write(`disbuild: key salt ${JSON.stringify(config.value.salt)} (${sha.slice(0, 12)})\n`);
            const bases = new Set();
            for (const ref of shaRefs)
                bases.add(await baseCommit(repoDir, remoteRefs, ref.remoteSha, isNewBranch(ref), sha));
            const plan = await planCommit({ repoDir, dir: dir.value, settings }, sha, [...bases], config.value, cache, worktrees, live);
            if ('problem' in plan) {
                io.stderr.write(`${plan.problem}\n${blocked(sha)}`);
                unbuildable++;
                continue;
            }
            if (controller.signal.aborted) {
                if (plan.worktree)
                    await worktrees.remove(plan.worktree);
                return 130;
            }
            if (plan.toRun.length === 0 || plan.graph === undefined) {
                if (plan.changed > 0)
                    io.stderr.write(`disbuild: ${plan.changed} changed jobs, all cached\n`);
                if (plan.worktree)
                    await worktrees.remove(plan.worktree);
                continue;
            }
            const wt = plan.worktree ?? (await worktrees.add(sha));
            live.add(wt);
            try {
                const source = (0,external_node_path_.join)(wt, dir.value);
                await linkWorkspacePackages((0,external_node_path_.join)(repoDir, dir.value), source, await graphOutputs(plan.graph));
                const failed = await buildInWorktree(plan.graph, plan.toRun, source, sha, config.value.salt, cache, shared.ok && shared.value !== undefined, state, io, controller.signal);
                for (const outcome of failed)
                    failures.push({ sha, outcome });
            }
            finally {
                await worktrees.remove(wt);
                live.delete(wt);
            }
            if (controller.signal.aborted)
                return 130;
        }
    }
    finally {
        for (const wt of live)
            await worktrees.remove(wt);
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        unwatch();
    }
    if (failures.length > 0)
        await reportFailures(failures, bySha.size > 1, state.dir, io);
    // A line that could not be read is a ref not checked: the push is refused, whatever the others did.
    return failures.length > 0 || unbuildable > 0 || errors.length > 0 ? 1 : 0;
}
/** The commit `sha` (a commit, or a tag of one) names; undefined for a tag of a tree or a blob. */
async function peelToCommit(repoDir, sha) {
    return (0,esm/* simpleGit */.Lp)(repoDir)
        .raw(['rev-parse', '--verify', '--quiet', `${sha}^{commit}`])
        .then((s) => s.trim() || undefined, () => undefined);
}
/**
 * The work tree the push is made from, with this process's environment made fit for git commands in worktrees of
 * the pushed commits: `git --git-dir=… --work-tree=… push` hands its git directory, work tree and index down to
 * the hook, and every git command in a worktree would then read the user's files instead of the commit's; and a
 * new worktree takes over the patterns of a sparse checkout, while a commit is built whole. Answers why not when
 * the push comes from a bare repository, or from one whose git directory is not found from its work tree (a
 * dotfiles layout): there is no checkout to build from.
 */
async function ownRepository(cwd) {
    const toplevel = (dir) => (0,esm/* simpleGit */.Lp)(dir)
        .raw(['rev-parse', '--show-toplevel'])
        .then((s) => s.trim(), () => '');
    const absolute = async (dir) => (0,promises_.realpath)((await (0,esm/* simpleGit */.Lp)(dir).raw(['rev-parse', '--absolute-git-dir'])).trim()).catch(() => '');
    const handed = process.env.GIT_DIR;
    const named = handed !== undefined || process.env.GIT_WORK_TREE !== undefined;
    const given = await toplevel(cwd);
    // git runs a bare repository's hooks with GIT_DIR=.: no one named a directory, and there is no work tree. Asked
    // only then: the common push finds its work tree with no process more.
    if (named || given === '') {
        const bare = await (0,esm/* simpleGit */.Lp)(cwd)
            .raw(['rev-parse', '--is-bare-repository'])
            .then((s) => s.trim() === 'true', () => false);
        if (bare)
            return { skip: 'the pre-push hook builds from a work tree, and a bare repository has none' };
    }
    const gitDir = named || given === '' ? await absolute(cwd).catch(() => '') : '';
    for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR'])
        delete process.env[name];
    // The common push: no directory named, a work tree found from where git runs the hook.
    if (!named && given !== '')
        return fitForWorktrees(given);
    // Under GIT_DIR or GIT_WORK_TREE (or run inside the git directory) the top git names is the current directory, the
    // one named, or none: the work tree is the one the git directory itself leads to (a checkout's `.git` sits at its
    // top; a linked worktree's git directory names its `.git` file in `gitdir`), asked without them.
    const linked = await (0,promises_.readFile)((0,external_node_path_.join)(gitDir, 'gitdir'), 'utf8').then((t) => (0,external_node_path_.dirname)(t.trim()), () => undefined);
    const top = gitDir === '' ? '' : await toplevel(linked ?? (0,external_node_path_.dirname)(gitDir));
    if (top === '' || (await absolute(top).catch(() => '')) !== gitDir) {
        return {
            skip: handed === undefined
                ? 'the pre-push hook builds from a work tree, and this repository has none'
                : `the pre-push hook needs the git directory found from the work tree, not GIT_DIR=${handed}`,
        };
    }
    return fitForWorktrees(top);
}
/** `top`, once every git command started from here builds a commit whole, whatever a sparse checkout says. */
function fitForWorktrees(top) {
    // After any `git -c` of the push (GIT_CONFIG_PARAMETERS): the last setting of a key wins.
    const params = process.env.GIT_CONFIG_PARAMETERS;
    process.env.GIT_CONFIG_PARAMETERS = `${params ? `${params} ` : ''}'core.sparseCheckout=false'`;
    return top;
}
function blocked(sha) {
    return `disbuild: push blocked: the build graph of ${sha.slice(0, 10)} cannot be made; fix it, or push with --no-verify\n`;
}
/**
 * What to build of `sha`: the jobs whose key differs from their key at any of `bases` (the remote's commits of
 * the refs that push it; undefined where there is none, so every job counts as changed) and that the cache
 * lacks. Graph files, graph commands and disbuild.json tasks are compared alike; a command runs in a worktree of
 * each commit, tasks are compiled from a commit's objects when they can be (else in a worktree of it).
 */
async function planCommit(repo, sha, bases, config, cache, worktrees, live) {
    const { repoDir, dir } = repo;
    const source = config.graph;
    // A graph command may read any file, so it runs in a worktree of the pushed commit; a graph file is read
    // straight from the commit, and tasks are compiled from it when they can be (see compile-at-commit.ts): no
    // worktree is made unless something has to run.
    let worktree;
    const checkout = async () => {
        if (worktree === undefined) {
            worktree = await worktrees.add(sha);
            live.add(worktree);
        }
        return worktree;
    };
    // The commits of a push mostly share what git says of their attributes.
    const shared = new SharedAnswers();
    const diffs = Promise.all(bases.map((b) => (b === undefined ? undefined : pathsChanged(repoDir, b, sha))));
    // Keys are made of the commit's files and nothing else: where no base's tree differs, nothing can have changed.
    const unchanged = (diffed) => diffed.every((d) => d !== undefined && d.paths.length === 0);
    // A graph file's or tasks' push is judged by its paths first (below): the graph, and for a graph file whether
    // the tree holds links or submodules, are made while git diffs. Tasks that need a checkout wait for the diff:
    // an unchanged tree needs none.
    const early = source.kind === 'command'
        ? undefined
        : {
            made: graphAt(repo, sha, source, async () => {
                if (unchanged(await diffs))
                    throw new Error('the tree is unchanged');
                return checkout();
            }, shared),
            links: source.kind === 'file' ? treeHasLinksOrSubmodules(repoDir, sha) : undefined,
        };
    // Awaited below, or dropped when the tree is unchanged.
    early?.made.catch(() => undefined);
    const diffed = await diffs;
    const changedPaths = diffed.map((d) => d?.paths);
    if (source.kind !== 'file' && unchanged(diffed)) {
        // Nothing made in the background is left running (a worktree, were one made, would be in `live`).
        await early?.made.catch(() => undefined);
        return { toRun: [], changed: 0 };
    }
    // The remote's commits' tasks, compiled from their objects beside the pushed commit's (see below); or, where
    // the diff says the compile reads the same files with the same bytes at both, the pushed commit's own.
    const madeHere = early?.made ?? graphAt(repo, sha, source, checkout, shared);
    const atBases = source.kind === 'tasks'
        ? bases.map((b, i) => b === undefined
            ? Promise.resolve(undefined)
            : compilesAlike(diffed[i], dir)
                ? madeHere.then((m) => 
                // Only a compile from objects: one in a checkout reads through links (a manifest that
                // links to a file of another name) and into submodules.
                typeof m === 'string' || m.json === undefined ? undefined : { made: m, salt: config.salt })
                : tasksFromObjects(repo, b, shared).catch(() => undefined))
        : [];
    const made = await madeHere;
    const keep = worktree ? { worktree } : {};
    // A refused push leaves nothing running: the remote's compiles (git processes, a temporary index) end first.
    if (typeof made === 'string')
        return Promise.all(atBases).then(() => ({ problem: made }));
    const graph = made.graph;
    if (source.kind === 'file' &&
        changedPaths.every((p) => p !== undefined && !touchesGraph(p, source.path, graph, dir)) &&
        !(await early.links))
        return { toRun: [], changed: 0, ...keep };
    // Tasks compiled from the objects of the pushed commit and of every remote commit, to the same graph with the
    // same salt (so neither holds a link or a submodule): a push that changes no input nor attributes file leaves
    // every input's bytes, and so every key, as they were.
    if (source.kind === 'tasks' &&
        made.json !== undefined &&
        changedPaths.every((p) => p !== undefined && !touchesInputs(p, graph, dir))) {
        const before = await Promise.all(atBases);
        if (before.every((b) => b !== undefined && b.made.json === made.json && b.salt === config.salt))
            return { toRun: [], changed: 0, ...keep };
    }
    const keys = await (0,job_key/* keyGraphAtCommit */.CS)(graph, (0,external_node_path_.join)(repoDir, dir), sha, config.salt);
    if (!keys.ok) {
        await Promise.all(atBases);
        return { problem: keys.error.map((p) => `disbuild: ${(0,model/* formatProblem */.Vw)(p)}`).join('\n') };
    }
    const before = await Promise.all(bases.map((b, i) => (b === undefined ? new Set() : keysAt(repo, b, worktrees, live, atBases[i]))));
    const changed = graph.jobs.filter((j) => before.some((keysAtBase) => !keysAtBase.has(keys.value.get(j.label))));
    const hits = await cache.lookup(changed.map((j) => keys.value.get(j.label)));
    const toRun = changed.filter((j) => !hits.has(keys.value.get(j.label))).map((j) => j.label);
    return { graph, toRun, changed: changed.length, ...keep };
}
/** The tasks of commit `sha` compiled from its objects, when its configuration has tasks and they can be. */
async function tasksFromObjects(repo, sha, shared) {
    const config = await readHookConfig(repo.repoDir, sha, repo.settings, repo.dir);
    if (!config.ok || config.value.graph.kind !== 'tasks')
        return undefined;
    const r = await compileAtCommit(repo.repoDir, sha, config.value.graph.config, process.env, shared, repo.dir);
    if ('needsCheckout' in r || !r.ok)
        return undefined;
    return { made: { graph: r.value.graph, json: JSON.stringify(r.value.json) }, salt: config.value.salt };
}
/**
 * The keys of commit `base`'s jobs, each from its own configuration (graph and salt), as the remote's side of
 * the comparison; none when that commit has no valid graph (then every job of the pushed one counts as changed).
 * `fromObjects`: its tasks compiled already, when they could be.
 */
async function keysAt(repo, base, worktrees, live, fromObjects) {
    const sourceDir = (0,external_node_path_.join)(repo.repoDir, repo.dir);
    const compiled = await fromObjects;
    if (compiled !== undefined) {
        const keys = await (0,job_key/* keyGraphAtCommit */.CS)(compiled.made.graph, sourceDir, base, compiled.salt);
        return keys.ok ? new Set(keys.value.values()) : new Set();
    }
    const config = await readHookConfig(repo.repoDir, base, repo.settings, repo.dir);
    if (!config.ok)
        return new Set();
    let worktree;
    const checkout = async () => {
        if (worktree === undefined) {
            worktree = await worktrees.add(base);
            live.add(worktree);
        }
        return worktree;
    };
    try {
        const made = await graphAt(repo, base, config.value.graph, checkout);
        if (typeof made === 'string')
            return new Set();
        const keys = await (0,job_key/* keyGraphAtCommit */.CS)(made.graph, sourceDir, base, config.value.salt);
        return keys.ok ? new Set(keys.value.values()) : new Set();
    }
    finally {
        if (worktree) {
            await worktrees.remove(worktree);
            live.delete(worktree);
        }
    }
}
/** The paths that differ between two commits, or undefined when git cannot say. */
async function pathsChanged(repoDir, base, sha) {
    try {
        // `:<old mode> <new mode> <old id> <new id> <status>\0<path>\0` per path. Plumbing, and every gitlink: git
        // otherwise follows `.gitmodules`' `ignore` (and `git diff` `diff.ignoreSubmodules`), hiding a bump.
        const fields = (await (0,esm/* simpleGit */.Lp)(repoDir).raw([
            'diff-tree',
            '-r',
            '--raw',
            '--no-renames',
            '--ignore-submodules=none',
            '-z',
            base,
            sha,
        ])).split('\0');
        const paths = [];
        let sameFiles = true;
        for (let i = 0; i + 1 < fields.length && fields[i].startsWith(':'); i += 2) {
            const [oldMode, newMode, , , status] = fields[i].slice(1).split(' ');
            paths.push(fields[i + 1]);
            if (status !== 'M' || oldMode !== newMode || !REGULAR_MODES.has(newMode))
                sameFiles = false;
        }
        return { paths, sameFiles };
    }
    catch {
        return undefined;
    }
}
const REGULAR_MODES = new Set(['100644', '100755']);
/**
 * Whether disbuild.json's tasks compile alike at two commits that differ by `diff`: the compile reads the list of
 * files with their modes, the bytes of disbuild.json, every package.json and pnpm's workspace file (see
 * isReadByCompile), and what the attributes files say of those; none of that differs. A link or a gitlink changed
 * counts as a difference (a compile in a checkout reads through links and into submodules).
 */
function compilesAlike(diff, dir) {
    const prefix = dir === '' ? '' : `${dir}/`;
    // What the compile reads is named by its path in `dir` (`web/pnpm-workspace.yaml` is `pnpm-workspace.yaml`
    // there); outside `dir`, only attributes files count.
    const read = (p) => {
        if (!p.startsWith(prefix))
            return false;
        const own = p.slice(prefix.length);
        return own === config_file/* CONFIG_FILE */.g2 || (0,compiled_graph_cache/* isReadByCompile */.RS)(own);
    };
    return diff !== undefined && diff.sameFiles && !diff.paths.some((p) => read(p) || isAttributesFile(p));
}
function isAttributesFile(p) {
    return p === '.gitattributes' || p.endsWith('/.gitattributes');
}
/**
 * Whether a change to `changed` touches an input of `graph` (a `SourceFiles` file included) or what decides the
 * bytes an input's checkout holds (an attributes file).
 */
function touchesInputs(changed, graph, dir) {
    const prefix = dir === '' ? '' : `${dir}/`;
    const inputs = new Set();
    for (const path of graph.sourceFiles.values())
        inputs.add(prefix + path);
    for (const j of graph.jobs)
        for (const i of j.inputs)
            inputs.add(prefix + i);
    return changed.some((p) => inputs.has(p) || isAttributesFile(p));
}
/**
 * Whether a change to `changed` can change any key of a graph read from a file: it can only if it touches the
 * graph file, `disbuild.json`, an input, or what decides the bytes an input's checkout holds (an attributes
 * file) — keys are made of inputs, commands and dependencies, nothing else — or if an input may be read through
 * a symbolic link or inside a submodule (see treeHasLinksOrSubmodules). The common push (code the graph does not
 * read) is then decided by one `git diff` instead of hashing two trees.
 */
function touchesGraph(changed, graphPath, graph, dir) {
    // As git names it in a diff: `././graph.json` and `sub/../graph.json` are `graph.json`. One it cannot name
    // (outside the repository) may be anything: the push is keyed in full.
    const graphFile = external_node_path_.posix.normalize(graphPath);
    if (graphFile === '..' || graphFile.startsWith('../') || graphFile.startsWith('/'))
        return true;
    // The graph's paths are relative to `dir`; git's, to the top.
    const prefix = dir === '' ? '' : `${dir}/`;
    const inputs = new Set([graphFile, prefix + config_file/* CONFIG_FILE */.g2]);
    // Asked only of a tree without links (the caller checks): there `a/../x.txt` reads `x.txt`, as git names it.
    for (const j of graph.jobs)
        for (const i of j.inputs)
            inputs.add(prefix + (0,input_spelling/* lexicalPath */.Q)(i));
    // SourceFiles must exist in the commit (keyGraphAtCommit checks): deleting one is a change to check.
    for (const path of graph.sourceFiles.values())
        inputs.add(prefix + path);
    return changed.some((p) => inputs.has(p) || isAttributesFile(p));
}
/**
 * Whether the tree of `sha` holds any symbolic link or submodule: a linked input's target, and the files of a
 * submodule, can change without the input's path changing (a bump changes the gitlink's path alone), so a push is
 * then keyed in full rather than judged by the paths it changed.
 */
async function treeHasLinksOrSubmodules(repoDir, sha) {
    try {
        const tree = await (0,esm/* simpleGit */.Lp)(repoDir).raw(['ls-tree', '-r', '-z', '--full-tree', sha]);
        return ['120000 ', '160000 '].some((mode) => tree.startsWith(mode) || tree.includes(`\x00${mode}`));
    }
    catch {
        return true;
    }
}
/** The graph of commit `sha`; `checkout` makes (once) and answers a worktree of it, for what needs one. */
async function graphAt(repo, sha, source, checkout, shared) {
    const { repoDir, dir } = repo;
    if (source.kind === 'tasks') {
        // The commit's own disbuild.json, compiled over that commit's files: from git's objects, or in a checkout.
        const atCommit = await compileAtCommit(repoDir, sha, source.config, process.env, shared, dir);
        if (!('needsCheckout' in atCommit)) {
            if (atCommit.ok)
                return { graph: atCommit.value.graph, json: JSON.stringify(atCommit.value.json) };
            return atCommit.error.map((p) => `disbuild: ${(0,config_file/* formatConfigProblem */.fc)(p)}`).join('\n');
        }
        const compiled = await (0,config_graph.loadConfigGraph)((0,external_node_path_.join)(await checkout(), dir), process.env);
        if (compiled === undefined)
            return `disbuild: no disbuild.json at ${sha.slice(0, 10)}`;
        if (!compiled.ok)
            return compiled.error.map((l) => `disbuild: ${l}`).join('\n');
        return { graph: compiled.value.graph };
    }
    let text;
    try {
        text =
            source.kind === 'file'
                ? await (0,esm/* simpleGit */.Lp)(repoDir).raw(['show', `${sha}:${source.path}`])
                : (await sh(source.command, { cwd: (0,external_node_path_.join)(await checkout(), dir), maxBuffer: 1 << 30 })).stdout;
    }
    catch (e) {
        const what = source.kind === 'file' ? source.path : source.command;
        return (0,printable/* printable */.g$)(`disbuild: cannot read the graph at ${sha.slice(0, 10)} (${what}): ${e.message.split('\n')[0]}`, Infinity);
    }
    const parsed = (0,parse/* parseGraphText */.Vb)(text);
    if (!parsed.ok)
        return parsed.error.map((p) => `disbuild: invalid graph: ${(0,model/* formatProblem */.Vw)(p)}`).join('\n');
    return { graph: parsed.value };
}
/** The commit the remote has: its sha when known locally, else the merge base with its default branch. */
async function baseCommit(repoDir, remote, remoteSha, isNew, sha) {
    const git = (0,esm/* simpleGit */.Lp)(repoDir);
    if (!isNew) {
        const known = await git.raw(['cat-file', '-e', `${remoteSha}^{commit}`]).then(() => true, () => false);
        if (known)
            return remoteSha;
    }
    for (const ref of [
        `refs/remotes/${remote}/HEAD`,
        `refs/remotes/${remote}/main`,
        `refs/remotes/${remote}/master`,
    ]) {
        const base = await git.raw(['merge-base', ref, sha]).then((s) => s.trim(), () => '');
        if (base !== '')
            return base;
    }
    return undefined;
}
/** Runs `toRun` of `graph` in `sourceDir`, the directory of a worktree the hook builds in. */
async function buildInWorktree(graph, toRun, sourceDir, sha, salt, cache, remoteInFront, state, io, signal) {
    const reporter = new console_reporter/* ConsoleReporter */.l({
        stream: io.stderr,
        live: Boolean(io.stderr.isTTY) && !io.env.CI,
        logReplay: 'none',
        streamOutput: !io.stderr.isTTY,
    });
    const coordinator = (0,lazy_coordinator/* openOnFirstClaim */.w)(() => shared_coordinator.SharedCoordinator.open(state.dir, {
        onWarning: (m) => reporter.onEvent({ type: 'warning', message: m }),
    }));
    try {
        const result = await (0,engine/* runGraph */.C3)(graph, {
            sourceDir,
            salt,
            concurrency: (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8161, 23))).availableParallelism(),
            failFast: false,
            jobTimeoutMs: 0,
            targets: toRun,
            download: 'minimal',
            logReplay: 'none',
            // Only the failures' outcomes are read.
            cachedLogs: false,
            dryRun: false,
            workDir: state.newRunDir((m) => reporter.onEvent({ type: 'warning', message: m })),
            baseEnv: (0,base_environment/* baseEnvironment */.P)(io.env),
            digests: { commit: sha },
            signal,
        }, { cache, reporter, timings: state.timings, untimedWillBuild: !remoteInFront, coordinator });
        if (!result.ok) {
            for (const p of result.error)
                io.stderr.write(`disbuild: ${(0,model/* formatProblem */.Vw)(p)}\n`);
            return [];
        }
        return result.value.jobs.filter((j) => j.status === 'failed');
    }
    finally {
        await coordinator.close({ drain: !signal.aborted });
    }
}
async function reportFailures(failures, severalCommits, cacheDir, io) {
    const dir = (0,external_node_path_.join)(cacheDir, 'logs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
    await (0,promises_.mkdir)(dir, { recursive: true });
    io.stderr.write(`\ndisbuild: push blocked: ${failures.length} job${failures.length === 1 ? '' : 's'} failed\n`);
    // One log each: the same job of two commits, or two names that are one file name (`lint:js`, `lint/js`).
    const taken = new Set();
    for (const { sha, outcome: f } of failures) {
        let base = (0,engine/* safeName */.jC)(f.name);
        for (let k = 2; taken.has(base); k++)
            base = `${(0,engine/* safeName */.jC)(f.name)}-${k}`;
        taken.add(base);
        const log = (0,external_node_path_.join)(dir, `${base}.log`);
        await (0,promises_.writeFile)(log, Buffer.concat([f.stdout, Buffer.from('\n--- stderr ---\n'), f.stderr]));
        const where = severalCommits ? ` (${sha.slice(0, 10)})` : '';
        const code = exitCodeToSay(f.exitCode, f.message);
        const why = f.message === undefined ? (code ?? 'failed') : `${f.message}${code ? ` (${code})` : ''}`;
        io.stderr.write(`  ✗ ${(0,printable/* printable */.g$)(f.name)}${where}: ${(0,printable/* printable */.g$)(why, Infinity)}\n`);
        const tail = f.stderr.toString('utf8').trimEnd().split('\n').slice(-10);
        for (const line of tail)
            if (line !== '')
                io.stderr.write(`      ${line}\n`);
        io.stderr.write(`    full log: ${log}\n`);
    }
    io.stderr.write(`Fix the failures, or push with --no-verify (or DISBUILD_SKIP=1) to skip this check.\n`);
}
async function readAll(stream) {
    const chunks = [];
    for await (const c of stream)
        chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
    return Buffer.concat(chunks).toString('utf8');
}
/** The graph's in-place outputs: whether a job writes `path` (relative to the source directory), and where. */
async function graphOutputs(graph) {
    const globs = graph.jobs.flatMap((j) => (j.outputs && j.outputs.length > 0 ? [j.outputs] : []));
    if (globs.length === 0)
        return { matches: () => false, bases: [] };
    const { compileOutputGlobs } = await __webpack_require__.e(/* import() */ 254).then(__webpack_require__.bind(__webpack_require__, 4254));
    const compiled = globs.map((g) => compileOutputGlobs(g));
    return {
        matches: (path) => compiled.some((c) => c.matches(path)),
        bases: compiled.flatMap((c) => c.bases),
    };
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
;// CONCATENATED MODULE: ./src/cli/commands/hook.ts










const HELP = `Usage: disbuild hook install [--force]     write the pre-push hook (an existing one is chained)
       disbuild hook uninstall             remove it and restore what was there
       disbuild hook run pre-push [-v] REMOTE URL   what the hook runs (for husky, lefthook, pre-commit);
                                           -v (or DISBUILD_VERBOSE=1) prints the key salt

The graph comes from 'git config disbuild.graph PATH' (or disbuild.graphCommand), or disbuild.json at the
repository root, or in the directory 'git config disbuild.sourceDir DIR' names (where the hook then builds).
'git push --no-verify' or DISBUILD_SKIP=1 skips the check.
`;
/** `disbuild hook`: install, uninstall and run the pre-push hook. */
const hook = async (argv, io) => {
    const parsed = (0,args/* parseCommandArgs */.Qx)(argv, {
        force: { type: 'boolean' },
        verbose: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
    });
    if (parsed.ok && parsed.value.values.help) {
        io.stdout.write(HELP);
        return cli_io/* EXIT */.d.ok;
    }
    if (!parsed.ok)
        return usage(io, parsed.error);
    const [op, ...rest] = parsed.value.positionals;
    // `hook pre-push` is accepted as a short form of `hook run pre-push`.
    if (op === 'run' || op === 'pre-push') {
        const args = op === 'run' ? rest : ['pre-push', ...rest];
        if (args[0] !== 'pre-push')
            return usage(io, `only the pre-push hook exists, got ${JSON.stringify(args[0] ?? '')}`);
        return runPrePush(args[1] ?? 'origin', io, { verbose: parsed.value.values.verbose ?? false });
    }
    let repoDir;
    try {
        repoDir = (await (0,esm/* simpleGit */.Lp)(io.cwd).raw(['rev-parse', '--show-toplevel'])).trim();
    }
    catch {
        const bare = await (0,esm/* simpleGit */.Lp)(io.cwd)
            .raw(['rev-parse', '--is-bare-repository'])
            .then((s) => s.trim() === 'true', () => false);
        io.stderr.write(bare
            ? 'disbuild hook: a bare repository has no work tree to build pushes from; install the hook in a checkout\n'
            : 'disbuild hook: not inside a git repository\n');
        return cli_io/* EXIT */.d.usage;
    }
    if (op === 'install') {
        try {
            const cli = (0,external_node_path_.resolve)(process.argv[1] ?? 'dist/cli/index.js');
            const r = await installHook(repoDir, {
                node: process.execPath,
                cli,
                force: parsed.value.values.force ?? false,
            });
            const what = {
                installed: 'installed',
                unchanged: 'already installed',
                chained: 'installed (the existing hook runs first)',
            };
            io.stdout.write(`disbuild: pre-push hook ${what[r.outcome]}: ${r.path}\n`);
            const unchecked = await noGraphWarning(repoDir);
            if (unchecked !== undefined)
                io.stderr.write(unchecked);
            return cli_io/* EXIT */.d.ok;
        }
        catch (e) {
            io.stderr.write(`disbuild hook install: ${e.message}\n`);
            return cli_io/* EXIT */.d.failed;
        }
    }
    if (op === 'uninstall') {
        const r = await uninstallHook(repoDir);
        const what = {
            removed: 'removed',
            restored: 'removed; the previous hook is back',
            'not-installed': 'was not installed',
        };
        io.stdout.write(`disbuild: pre-push hook ${what[r]}\n`);
        return cli_io/* EXIT */.d.ok;
    }
    return usage(io, `unknown hook command ${JSON.stringify(op ?? '')}`);
};
/**
 * What to warn of when the hook would find no graph: it reads disbuild.json at the repository root (or in
 * `disbuild.sourceDir`) from each pushed commit (or the graph git's configuration names), and lets every push
 * through until there is one. A file that is not in git is said so; a disbuild.json elsewhere is named, since a
 * user who wrote one there expects the hook to run it.
 */
async function noGraphWarning(repoDir) {
    const settings = await readDisbuildSettings(repoDir);
    const dir = await hookSourceDir(repoDir, settings);
    // The hook refuses every push with this reason until it is mended.
    if (!dir.ok)
        return `disbuild: warning: ${dir.error}: the hook refuses pushes until it is mended\n`;
    if (settings.has('disbuild.graph') || settings.has('disbuild.graphcommand'))
        return undefined;
    const config = external_node_path_.posix.join(dir.value, config_file/* CONFIG_FILE */.g2);
    const where = dir.value === '' ? 'at the repository root' : `in ${dir.value} (git config disbuild.sourceDir)`;
    // `-t` tags what the index holds (`H`, and others for skip-worktree or conflicted entries) apart from what git
    // does not track (`?`); the hook reads the pushed commit, so only the index's root file counts.
    const listed = await (0,esm/* simpleGit */.Lp)(repoDir)
        .raw([
        'ls-files',
        '-z',
        '-t',
        '--cached',
        '--others',
        '--exclude-standard',
        '--',
        ':(top,glob)**/disbuild.json',
    ])
        .then((out) => out.split('\0').filter(Boolean))
        .catch(() => []);
    const tracked = new Set(listed.filter((l) => !l.startsWith('? ')).map((l) => l.slice(2)));
    if (tracked.has(config))
        return undefined;
    const unchecked = 'the hook lets every push through unchecked';
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(repoDir, config))) {
        return `disbuild: warning: disbuild.json ${where} is not in git, and the hook reads it from each pushed commit: until it is committed, ${unchecked}\n`;
    }
    const others = [...new Set(listed.map((l) => l.slice(2)))].filter((p) => p !== config);
    const named = others.length === 0
        ? ''
        : ` (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''} ${others.length === 1 ? 'is' : 'are'} not read: 'git config disbuild.sourceDir DIR' names the directory whose file is)`;
    return `disbuild: warning: no disbuild.json ${where}${named}, nor 'git config disbuild.graph': until there is one, ${unchecked}\n`;
}
function usage(io, message) {
    io.stderr.write(`disbuild hook: ${message}\n\n${HELP}`);
    return cli_io/* EXIT */.d.usage;
}


/***/ }),

/***/ 3171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadConfigGraph: () => (/* binding */ loadConfigGraph)
/* harmony export */ });
/* unused harmony export graphFromCommand */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _graph_model_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2573);
/* harmony import */ var _graph_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1905);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8251);
/* harmony import */ var _config_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7229);
/* harmony import */ var _load_config_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6943);








const sh = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.exec);
/**
 * The graph of `<sourceDir>/disbuild.json`, whichever of its three sources it uses: a graph file (relative to
 * the directory), a command printing the graph (run with a shell there), or tasks. Undefined when the file does
 * not exist; otherwise the graph or every problem as one line each (file, task and field; or job and field).
 * `shortcuts` serve tasks only (a file list already under way, the compiled-graph cache).
 */
async function loadConfigGraph(sourceDir, env, knownFiles, shortcuts = {}) {
    const source = await (0,_load_config_js__WEBPACK_IMPORTED_MODULE_6__/* .readConfigSource */ .az)(sourceDir);
    if (source === undefined)
        return undefined;
    if (!source.ok)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)(source.error.map(_config_file_js__WEBPACK_IMPORTED_MODULE_5__/* .formatConfigProblem */ .fc));
    const s = source.value;
    const salt = s.salt === undefined ? {} : { salt: s.salt };
    switch (s.kind) {
        case 'tasks': {
            const compiled = await (0,_load_config_js__WEBPACK_IMPORTED_MODULE_6__/* .compileConfig */ .q0)(sourceDir, s.config, env, shortcuts);
            if (!compiled.ok)
                return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)(compiled.error.map(_config_file_js__WEBPACK_IMPORTED_MODULE_5__/* .formatConfigProblem */ .fc));
            const { graph, vouch } = compiled.value;
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__.ok)({ graph, source: s.kind, ...salt, ...(vouch ? { vouch } : {}) });
        }
        case 'file': {
            const loaded = await (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .loadGraphFile */ .rn)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(sourceDir, s.path), sourceDir, typeof knownFiles === 'function' ? knownFiles() : knownFiles);
            if (!loaded.ok)
                return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)(loaded.error.map((p) => `${s.path}: ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_3__/* .formatProblem */ .Vw)(p)}`));
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__.ok)({ graph: loaded.value, source: s.kind, ...salt });
        }
        case 'command': {
            const printed = await graphFromCommand(s.command, sourceDir);
            if (!printed.ok)
                return printed;
            return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__.ok)({ graph: printed.value, source: s.kind, ...salt });
        }
    }
}
/** Runs a command that prints a graph (with a shell, in `sourceDir`) and validates what it prints. */
async function graphFromCommand(command, sourceDir) {
    let stdout;
    try {
        // A graph of 100,000 jobs is tens of megabytes of JSON: allow far more than the default 1 MiB.
        ({ stdout } = await sh(command, { cwd: sourceDir, maxBuffer: 1 << 30 }));
    }
    catch (e) {
        const x = e;
        const why = x.stderr?.trim().split('\n').slice(-5).join('\n') || x.message.split('\n')[0];
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)([`graphCommand ${JSON.stringify(command)} failed (exit code ${String(x.code)}): ${why}`]);
    }
    const parsed = (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseGraphText */ .Vb)(stdout);
    if (!parsed.ok)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)(parsed.error.map((p) => `graphCommand output: ${(0,_graph_model_js__WEBPACK_IMPORTED_MODULE_3__/* .formatProblem */ .Vw)(p)}`));
    const problems = (0,_graph_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .checkFilesExist */ .$n)(parsed.value, sourceDir);
    return problems.length > 0 ? (0,_util_result_js__WEBPACK_IMPORTED_MODULE_7__/* .err */ ._)(problems.map(_graph_model_js__WEBPACK_IMPORTED_MODULE_3__/* .formatProblem */ .Vw)) : parsed;
}


/***/ }),

/***/ 6761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D2: () => (/* binding */ SYSTEM_ATTRIBUTES_QUERY),
/* harmony export */   O4: () => (/* binding */ systemAttributesFiles),
/* harmony export */   Tx: () => (/* binding */ EXEC_PATH_QUERY),
/* harmony export */   f$: () => (/* binding */ globalAttributesFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _git_config_records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3550);
/**
 * Where git reads attributes beside a tree's own `.gitattributes` files and the repository's `info/attributes`: the
 * global file and the system one. Keys (git-conversions.ts) and the hook's kept worktree (checkout-settings.ts)
 * must look where git looks: a file they miss converts bytes they take for unconverted.
 */




/**
 * The git arguments whose answer names the system file: git 2.42 and later print it (nothing, and fail, when
 * `GIT_ATTR_NOSYSTEM` turns it off); older ones fail, and systemAttributesFiles guesses.
 */
const SYSTEM_ATTRIBUTES_QUERY = ['var', 'GIT_ATTR_SYSTEM'];
/** The git arguments whose answer is git's exec-path (`<prefix>/libexec/git-core`): for systemAttributesFiles. */
const EXEC_PATH_QUERY = ['--exec-path'];
/** The global file: `core.attributesFile` (`~/` expanded, as git does), else git's place for it under XDG. */
function globalAttributesFile(attributesFile, env) {
    const home = env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)();
    return attributesFile
        ? attributesFile.replace(/^~(?=\/)/, home)
        : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.XDG_CONFIG_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(home, '.config'), 'git', 'attributes');
}
/**
 * The system files git may read: none when `GIT_ATTR_NOSYSTEM` is true (as git reads a boolean: `0` is false);
 * the one git named (`named`, the trimmed answer of SYSTEM_ATTRIBUTES_QUERY when it succeeded); else, for a git too
 * old to say, every place `$(sysconfdir)/gitattributes` may be: `/etc` (a git installed under `/usr`) and `etc`
 * under git's prefix (a git built with another, such as `/usr/local`), found from `execPath` (the answer of
 * EXEC_PATH_QUERY, `<prefix>/libexec/git-core`, right through a version manager's shim) and from the `git` that PATH
 * finds, as found and with links resolved: `<prefix>/bin/git`, or, when git runs us (a hook, an alias: it puts its
 * exec-path first on PATH), `<prefix>/libexec/git-core/git`. Homebrew's git, whose `sysconfdir` is none of these,
 * is recent enough to name it.
 */
function systemAttributesFiles(named, env, execPath) {
    if (env.GIT_ATTR_NOSYSTEM !== undefined && (0,_git_config_records_js__WEBPACK_IMPORTED_MODULE_3__/* .gitBoolean */ .x)(env.GIT_ATTR_NOSYSTEM))
        return [];
    if (named)
        return [named];
    const prefixes = [];
    if (execPath)
        prefixes.push(prefixOf((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(execPath, 'git')));
    const git = gitOnPath(env.PATH ?? '');
    if (git !== undefined)
        prefixes.push(prefixOf(git.found), prefixOf(git.real));
    return [...new Set(['/etc/gitattributes', ...prefixes.map((p) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(p, 'etc', 'gitattributes'))])];
}
/** The installation prefix of a `git` executable: above `bin/`, or above `libexec/git-core/` (`lib/git-core/`). */
function prefixOf(git) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(git);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(dir) === 'git-core' ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir)) : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir);
}
/** The `git` executable PATH leads to, as found and with links resolved; undefined when none is found. */
function gitOnPath(path) {
    for (const dir of path.split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter)) {
        if (dir === '')
            continue;
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'git');
        try {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(candidate).isFile())
                continue;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(candidate, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
            return { found: candidate, real: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(candidate) };
        }
        catch {
            continue;
        }
    }
    return undefined;
}


/***/ }),

/***/ 3550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ parseConfigRecords),
/* harmony export */   x: () => (/* binding */ gitBoolean)
/* harmony export */ });
/**
 * The answer of `git config -z --get-regexp` (`<key>\n<value>\0`, or `<key>\0` for a key without a value), and
 * git's reading of a boolean, shared by every caller that reads settings that way.
 */
/**
 * Each key's last value, as git answers `--get` for it (keys lower-cased, as git prints them); undefined for a key
 * written without a value.
 */
function parseConfigRecords(text) {
    const values = new Map();
    for (const record of text.split('\0')) {
        if (record === '')
            continue;
        const nl = record.indexOf('\n');
        values.set((nl < 0 ? record : record.slice(0, nl)).toLowerCase(), nl < 0 ? undefined : record.slice(nl + 1));
    }
    return values;
}
/**
 * A value as git reads a boolean (git_parse_maybe_bool, then as an integer): none at all is true; `true`, `yes`,
 * `on` true and `false`, `no`, `off` and the empty string false, in any case; else an integer (decimal, `0x` hex or
 * `0` octal, with a sign and a `k`, `m` or `g` unit) is true unless zero: `00`, `+0`, `0x0` and `0k` are false.
 * A value git cannot read (it refuses it) counts as true.
 */
function gitBoolean(value) {
    if (value === undefined)
        return true;
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === 'yes' || v === 'on')
        return true;
    if (v === 'false' || v === 'no' || v === 'off' || v === '')
        return false;
    const n = /^[+-]?(?:0x([0-9a-f]+)|(0[0-7]*)|([1-9][0-9]*))[kmg]?$/.exec(v);
    if (n === null)
        return true;
    return !/^0+$/.test(n[1] ?? n[2] ?? n[3]);
}


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lg: () => (/* binding */ convertedPaths),
/* harmony export */   P$: () => (/* binding */ parseSettings),
/* harmony export */   Q9: () => (/* binding */ SETTINGS_REGEXP),
/* harmony export */   h9: () => (/* binding */ attributePlaces),
/* harmony export */   sb: () => (/* binding */ readSettings)
/* harmony export */ });
/* unused harmony export parseConvertedPaths */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_result_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8251);
/* harmony import */ var _git_attribute_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6761);
/* harmony import */ var _git_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8750);
/* harmony import */ var _git_config_records_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3550);
/* harmony import */ var _names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7259);
/**
 * Which paths git converts between their blob and the work tree, and the settings that decide it: the git calls
 * and pure parsers of their `-z` output (fixture-tested in test/unit/ids/git-conversions.test.ts).
 *
 * A converted path's index entry (and a commit's blob) is not the bytes a job reads: `* text eol=crlf` stores `a\n`
 * for a work-tree `a\r\n`, an LFS filter stores a pointer for the real content, `ident` expands `$Id$`,
 * `working-tree-encoding` re-encodes. Such paths are read from disk; the rest keep the index's blob IDs for free.
 */






/** The regular expression of the `git config --get-regexp` call that reads GitSettings. */
const SETTINGS_REGEXP = '^(core\\.(autocrlf|filemode|symlinks|attributesfile|ignorecase)|attr\\.tree)$';
/** GitSettings from `git config -z --get-regexp SETTINGS_REGEXP` (see parseConfigRecords). */
function parseSettings(text) {
    const values = (0,_git_config_records_js__WEBPACK_IMPORTED_MODULE_4__/* .parseConfigRecords */ .w)(text);
    const bool = (key) => values.has(key) ? (0,_git_config_records_js__WEBPACK_IMPORTED_MODULE_4__/* .gitBoolean */ .x)(values.get(key)) : undefined;
    const attributesFile = values.get('core.attributesfile');
    const attrTree = values.get('attr.tree');
    return {
        // `input` is not a boolean but converts as `true` does (in the clean direction).
        autocrlf: bool('core.autocrlf') ?? false,
        fileMode: bool('core.filemode') ?? true,
        symlinks: bool('core.symlinks') ?? true,
        ignoreCase: bool('core.ignorecase') ?? false,
        ...(attributesFile ? { attributesFile } : {}),
        ...(attrTree !== undefined ? { attrTree } : {}),
    };
}
/**
 * The paths among `paths` that git may convert, from a `git check-attr -a -z` answer for them
 * (`<path>\0<attribute>\0<value>\0` for each attribute a path has; none for a path without attributes, which is
 * why `-a` is asked: its answer for a repository without attributes is empty, where naming six attributes printed
 * 21 MB for 100,000 paths and took four times as long). Errs on the side of converting: a value git would ignore (a
 * filter with no driver, `text=foo`) still sends the path to disk, which is always correct, only slower.
 */
function parseConvertedPaths(text, paths, autocrlf) {
    const attrs = new Map();
    const fields = text.split('\0');
    for (let i = 0; i + 2 < fields.length; i += 3) {
        let m = attrs.get(fields[i]);
        if (m === undefined)
            attrs.set(fields[i], (m = new Map()));
        m.set(fields[i + 1], fields[i + 2]);
    }
    const converted = new Set();
    const none = new Map();
    // Without attributes a path converts only under core.autocrlf: then every path is asked about.
    for (const p of autocrlf ? paths : attrs.keys())
        if (converts(attrs.get(p) ?? none, autocrlf))
            converted.add(p);
    return converted;
}
/** convert.c's decision, conservatively: does any conversion apply to a path with these attribute values? */
function converts(attrs, autocrlf) {
    const given = (name) => {
        const v = attrs.get(name) ?? 'unspecified';
        return v !== 'unspecified' && v !== 'unset';
    };
    if (given('filter') || given('ident') || given('working-tree-encoding'))
        return true;
    let text = attrs.get('text') ?? 'unspecified';
    // `crlf` is the old name of `text`, read only when `text` says nothing.
    if (text === 'unspecified')
        text = attrs.get('crlf') ?? 'unspecified';
    // `-text` (binary) turns every end-of-line conversion off, `eol` included.
    if (text === 'unset')
        return false;
    if (text !== 'unspecified')
        return true;
    return given('eol') || autocrlf;
}
/**
 * The paths among `paths` (relative to `dir`, all tracked) that git converts between blob and work tree, by one
 * `git check-attr --stdin` call. No call when there are no paths.
 *
 * In a work tree under core.ignoreCase=true where the disk tells case apart (see names-as-on-disk.ts), a second
 * call with core.ignoreCase=false, and the paths either converts: `*.TXT eol=crlf` applies to `a.txt` as the
 * checkout wrote it, and not as the keys' `git status` (run with false) compares it again. A path is taken from
 * the index only when neither would have changed its bytes.
 */
async function convertedPaths(dir, paths, settings, options = {}) {
    if (paths.length === 0)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__.ok)(new Set());
    const ask = (names) => (0,_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(dir, [...names, 'check-attr', ...(options.cached ? ['--cached'] : []), '--stdin', '-z', '-a'], {
        input: paths.join('\0') + '\0',
        ...(options.env ? { env: options.env } : {}),
    });
    const both = !options.cached && settings.ignoreCase && _names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMES_AS_ON_DISK */ .S.length > 0;
    const [answer, asOnDisk] = await Promise.all([ask([]), both ? ask(_names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMES_AS_ON_DISK */ .S) : undefined]);
    if (!answer.ok)
        return answer;
    const converted = parseConvertedPaths(answer.value, paths, settings.autocrlf);
    if (asOnDisk === undefined)
        return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__.ok)(converted);
    if (!asOnDisk.ok)
        return asOnDisk;
    for (const p of parseConvertedPaths(asOnDisk.value, paths, settings.autocrlf))
        converted.add(p);
    return (0,_util_result_js__WEBPACK_IMPORTED_MODULE_5__.ok)(converted);
}
/** The settings that decide conversions and modes, from `git config`; git's defaults when none is set. */
async function readSettings(dir) {
    // Exit code 1 means none of the keys is set.
    const r = await (0,_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitText */ .q_)(dir, ['config', '-z', '--get-regexp', SETTINGS_REGEXP]);
    return parseSettings(r.ok ? r.value : '');
}
/**
 * Every place an attributes file could apply to `paths` from (relative to `realDir`, the source directory with its
 * links resolved, which sits at `prefix` in the work tree at `top`), in the order to look: the repository's
 * `info/attributes` (`infoAttributes`, absolute), the global file (`core.attributesFile`, else
 * `$XDG_CONFIG_HOME/git/attributes` or `~/.config/git/attributes`), the system one (`systemFiles`: see
 * systemAttributesFiles), and a `.gitattributes` in the directory of a path or any directory above it up to the
 * top. When none exists no path has an attribute, and `git check-attr` need not be asked: a few hundred lstat
 * calls for 100,000 paths in 200 directories, against 0.1–0.4 s. Undefined when the disk cannot tell (see below).
 */
function attributePlaces(realDir, prefix, paths, infoAttributes, settings, systemFiles, env = process.env) {
    // Attributes read from a tree rather than the disk (`attr.tree`, `GIT_ATTR_SOURCE`), or a global file named as
    // git expands and this does not (`~user/`, `%(prefix)/`): no file on disk tells, so git is asked.
    if (settings.attrTree !== undefined || env.GIT_ATTR_SOURCE !== undefined)
        return undefined;
    const global = (0,_git_attribute_files_js__WEBPACK_IMPORTED_MODULE_1__/* .globalAttributesFile */ .f$)(settings.attributesFile, env);
    if (/^(?:~[^/]|%\(prefix\)\/)/.test(global))
        return undefined;
    // git runs from the work tree's top: a relative global file is read from there. The top is above the real
    // directory (`prefix` is git's), not above a link leading to it.
    const depth = prefix.split('/').filter(Boolean).length;
    const top = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(realDir, ...Array(depth).fill('..'));
    const places = [infoAttributes, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(top, global), ...systemFiles];
    // The directories from the work tree's top down to the source directory, then those of the paths.
    let above = realDir;
    for (let i = depth; i >= 0; i--) {
        places.push((0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(above, '.gitattributes'));
        above = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(above, '..');
    }
    const seen = new Set();
    for (const p of paths) {
        for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
            const dir = p.slice(0, i);
            if (seen.has(dir))
                break;
            seen.add(dir);
            places.push(realDir + '/' + dir + '/.gitattributes');
        }
    }
    return places;
}


/***/ }),

/***/ 8397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KG: () => (/* binding */ startWorkTreeCommands),
/* harmony export */   YG: () => (/* binding */ workTreeCommands)
/* harmony export */ });
/* unused harmony export INDEX_ATTRIBUTES_QUERY */
/* harmony import */ var _git_attribute_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6761);
/* harmony import */ var _git_conversions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5782);
/* harmony import */ var _git_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8750);
/* harmony import */ var _names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7259);




/**
 * The git calls a run's digests start from (see startWorkTreeListings in file-digest.ts), in this order: where the
 * source directory sits, the index, the status, the settings that convert bytes, where the system attributes
 * file is, git's exec-path, and the index's attributes files. A module of their own: a fully cached run's record (src/cli/fully-cached.ts) compares their answers
 * with those of the run that wrote it, before anything that reads them is loaded.
 */
function workTreeCommands(untracked) {
    return [
        // One rev-parse answers where the source directory sits, and where the repository's attributes file and
        // index are.
        [
            'rev-parse',
            '--is-inside-work-tree',
            '--show-prefix',
            '--git-path',
            'info/attributes',
            '--git-path',
            'index',
        ],
        ['ls-files', '-s', '-v', '-z', '--', '.'],
        [
            // Never the index's lock: a status refreshes stale stat data in the index and writes it under
            // `.git/index.lock`, and a `git commit` of the user's at that moment would fail on the lock.
            '--no-optional-locks',
            // git compares every file's ctime (and inode, owner, device) with its index whatever the repository says:
            // under core.trustctime=false or core.checkStat=minimal, a file edited to the same size with its mtime put
            // back looks unchanged, and its key would be the old bytes'. Nor does it ask a file-system monitor what
            // changed: one that misses events (inotify over a bind mount or NFS) would keep an edited input's old key.
            '-c',
            'core.trustctime=true',
            '-c',
            'core.checkStat=default',
            '-c',
            'core.fsmonitor=false',
            ..._names_as_on_disk_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMES_AS_ON_DISK */ .S,
            'status',
            '--porcelain=v1',
            '-z',
            untracked ? '--untracked-files=all' : '--untracked-files=no',
            '--ignore-submodules=all',
            '--no-renames',
            '--',
            '.',
        ],
        // Exit code 1 means none of the keys is set.
        ['config', '-z', '--get-regexp', _git_conversions_js__WEBPACK_IMPORTED_MODULE_1__/* .SETTINGS_REGEXP */ .Q9],
        [..._git_attribute_files_js__WEBPACK_IMPORTED_MODULE_0__/* .SYSTEM_ATTRIBUTES_QUERY */ .D2],
        [..._git_attribute_files_js__WEBPACK_IMPORTED_MODULE_0__/* .EXEC_PATH_QUERY */ .Tx],
        // Every `.gitattributes` the index holds, from the top: git reads one the work tree lacks (deleted, left out
        // by a sparse checkout) from the index, above the source directory too.
        [...INDEX_ATTRIBUTES_QUERY],
    ];
}
/** The git arguments whose answer lists the index's `.gitattributes` files, by their paths from the top. */
const INDEX_ATTRIBUTES_QUERY = [
    'ls-files',
    '-z',
    '--full-name',
    '--',
    ':(top,glob)**/.gitattributes',
];
/** workTreeCommands, started in `sourceDir` (see gitTexts). */
function startWorkTreeCommands(sourceDir, untracked, env) {
    return (0,_git_command_js__WEBPACK_IMPORTED_MODULE_2__/* .gitTexts */ .vZ)(sourceDir, workTreeCommands(untracked), env);
}


/***/ }),

/***/ 9497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ summaryLine)
/* harmony export */ });
/** The line that ends a run's console output: what became of its jobs, and how long it took. */
function summaryLine(c, durationMs) {
    const total = c.cached + c.built + c.failed + c.skipped;
    return `disbuild: ${total} jobs: ${c.cached} cached, ${c.built} built, ${c.failed} failed, ${c.skipped} skipped in ${(durationMs / 1000).toFixed(2)}s\n`;
}


/***/ }),

/***/ 1203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ defaultCacheDir)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** `$XDG_CACHE_HOME/disbuild`, else `~/.cache/disbuild`. */
function defaultCacheDir(env) {
    const xdg = env.XDG_CACHE_HOME;
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(xdg && xdg !== '' ? xdg : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)(), '.cache'), 'disbuild');
}


/***/ }),

/***/ 1567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ DISCARDED)
/* harmony export */ });
/**
 * What the name of a directory moved aside to be removed holds after its own name (see discardDir). A module of
 * its own: the record of a fully cached run passes over such directories without loading what removes them.
 */
const DISCARDED = '.discard-';


/***/ }),

/***/ 6947:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Io: () => (/* binding */ isLowOnSpace),
/* harmony export */   b$: () => (/* binding */ isDiskFull),
/* harmony export */   go: () => (/* binding */ freeBytes)
/* harmony export */ });
/* unused harmony export LOW_SPACE_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Below this much free space on the cache's disk, a run keeps its scratch files and job outputs elsewhere (the
 * system temp directory): a job must not fail because the cache filled its disk. Only where outputs are written
 * changes (a save then copies instead of renaming), so the margin can be generous.
 */
const LOW_SPACE_BYTES = 512 * 1024 * 1024;
/** Bytes an unprivileged process may still write on the file system holding `path`; undefined when unknown. */
function freeBytes(path) {
    try {
        const s = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statfsSync)(path);
        return s.bavail * s.bsize;
    }
    catch {
        return undefined;
    }
}
/** Whether the disk holding `path` is known to be short of space (unknown counts as not short). */
function isLowOnSpace(path, threshold = LOW_SPACE_BYTES) {
    const free = freeBytes(path);
    return free !== undefined && free < threshold;
}
/** Whether an error says a disk or a quota is full. */
function isDiskFull(e) {
    const code = e?.code;
    return code === 'ENOSPC' || code === 'EDQUOT';
}


/***/ })

};

return { id, ids, modules };
})