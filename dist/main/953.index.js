export const id = 953;
export const ids = [953];
export const modules = {

/***/ 4953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  compileTasks: () => (/* binding */ compileTasks),
  taskLabel: () => (/* binding */ taskLabel)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/graph/cycles.ts
var cycles = __webpack_require__(8213);
// EXTERNAL MODULE: ./src/config/config-file.ts + 8 modules
var config_file = __webpack_require__(9401);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/util/unescape-glob.ts
var unescape_glob = __webpack_require__(669);
;// CONCATENATED MODULE: ./src/config/globs.ts



/**
 * Normalises one pattern relative to a directory: `./a` → `a`, `dir/` → `dir/**`; answers an error for absolute
 * patterns and patterns that climb out with `..`.
 */
function normalizePattern(pattern) {
    const p = pattern.startsWith('!') ? pattern.slice(1) : pattern;
    if (p === '')
        return { ok: false, error: 'is empty' };
    if (p.startsWith('/'))
        return { ok: false, error: `must be relative, got ${JSON.stringify(pattern)}` };
    let norm = external_node_path_.posix.normalize(p);
    const spelled = (0,unescape_glob/* spelledPathProblem */.KX)(norm);
    if (norm === '..' || norm.startsWith('../') || spelled === 'leaves') {
        return { ok: false, error: `must stay inside its directory, got ${JSON.stringify(pattern)}` };
    }
    if (spelled === 'odd')
        return { ok: false, error: (0,unescape_glob/* oddSegments */.IZ)(pattern) };
    if (norm.endsWith('/'))
        norm += '**';
    if (norm === '.')
        norm = '**';
    return { ok: true, value: norm };
}
/**
 * Dot files match; `.` matches a newline too (the `s` flag): git tracks a file named `a\nb`, and `src/**` must
 * not pass over it.
 */
const GLOB_OPTIONS = { dot: true, flags: 's' };
/** Compiles already normalised patterns (`!` kept in front of exclusions). */
function compileGlobs(patterns) {
    const positiveIndex = [];
    const positives = [];
    const negatives = [];
    let within = [];
    patterns.forEach((p, i) => {
        if (p.startsWith('!'))
            negatives.push(p.slice(1));
        else {
            const m = matcher(p);
            positiveIndex.push(i);
            positives.push(m.matches);
            within = m.within && within?.concat(m.within);
        }
    });
    const everything = positives.length > 0 && patterns.every((p) => p === '**' || p.startsWith('!'));
    return {
        positiveIndex,
        positives,
        excluded: negatives.length === 0 ? () => false : picomatch_default()(negatives, GLOB_OPTIONS),
        excludes: negatives.length > 0,
        everything,
        within,
    };
}
/** Whether a normalised pattern names one path (no wildcard, class or brace in it). */
function isLiteral(pattern) {
    return !(0,unescape_glob/* isGlobPattern */.tv)(pattern);
}
/**
 * A literal path is a string comparison, and a glob with a fixed leading directory (`dist/**`) first compares
 * that prefix: both far cheaper than a regular expression over thousands of files that mostly do not match.
 */
function matcher(pattern) {
    if (pattern === '**')
        return { matches: () => true };
    if (!(0,unescape_glob/* isGlobPattern */.tv)(pattern)) {
        // `a\(1\).txt` names `a(1).txt`.
        const literal = (0,unescape_glob/* unescapeGlob */.DU)(pattern);
        return { matches: (path) => path === literal, within: { path: literal } };
    }
    const re = picomatch_default().makeRe(pattern, GLOB_OPTIONS);
    // As picomatch itself does: a pattern is also the path it spells (`app/(mkt)/page.tsx`, `a(1).txt`).
    const base = (0,unescape_glob/* globBase */.EI)(pattern);
    if (base === '')
        return { matches: (path) => path === pattern || re.test(path) };
    const prefix = `${base}/`;
    return {
        matches: (path) => path === pattern || (path.startsWith(prefix) && re.test(path)),
        within: { dir: base },
    };
}

// EXTERNAL MODULE: ./src/config/repo-files.ts
var repo_files = __webpack_require__(8682);
;// CONCATENATED MODULE: ./src/config/select-inputs.ts



/**
 * The files matching any task's `outputs`, marked once for all tasks. A file is tested only against the globs of
 * the tasks of the package it is in (the deepest, when packages nest) and of root tasks, relative to the package,
 * each task's globs compiled once, and only where they can match (see scanRanges): a thousand packages with
 * `dist/**` cost one compiled glob, and one match per file under a dist. The package a file is in comes from the
 * sorted list itself: each package's files are one range of it, marked from the shallowest package to the
 * deepest, so a nested package's own globs decide for its files.
 */
function generatedFiles(instances, ws, files, 
/** The files git does not track (see untrackedOf): only those can be outputs. Undefined: any file can. */
untracked) {
    const byTask = new Map();
    const byDir = new Map();
    for (const inst of instances) {
        if (inst.relOutputs.length === 0)
            continue;
        let globs = byTask.get(inst.task);
        if (!globs) {
            globs = compileGlobs(inst.relOutputs);
            byTask.set(inst.task, globs);
        }
        const set = byDir.get(inst.dir) ?? new Set();
        set.add(globs);
        byDir.set(inst.dir, set);
    }
    if (byDir.size === 0)
        return () => false;
    const test = (globs, rel) => {
        for (const g of globs)
            if (g.positives.some((m) => m(rel)) && !g.excluded(rel))
                return true;
        return false;
    };
    const marks = new Uint8Array(files.length);
    // The root package's directory is the repository's: its files are root tasks' business alone (below).
    const pkgDirs = [...new Set([...ws.packages.values()].map((p) => p.dir))].filter((d) => d !== '');
    // A package's directory is longer than that of any package it is nested in.
    pkgDirs.sort((a, b) => a.length - b.length);
    const hasPackageGlobs = [...byDir.keys()].some((d) => d !== '');
    for (const dir of hasPackageGlobs ? pkgDirs : []) {
        const under = (0,repo_files/* filesUnder */.mz)(files, dir);
        marks.fill(0, under[0], under[1]);
        const globs = byDir.get(dir);
        if (globs === undefined)
            continue;
        // Only where the globs can match (`dist/**`: under dist).
        const cut = dir.length + 1;
        for (const [lo, hi] of scanRanges(files, dir, withinAny(globs), under)) {
            for (let i = lo; i < hi; i++)
                if (test(globs, files[i].slice(cut)))
                    marks[i] = 1;
        }
    }
    const root = byDir.get('');
    for (const [lo, hi] of root === undefined ? [] : scanRanges(files, '', withinAny(root))) {
        for (let i = lo; i < hi; i++)
            if (test(root, files[i]))
                marks[i] = 1;
    }
    return untracked === undefined
        ? (index) => marks[index] === 1
        : (index) => marks[index] === 1 && untracked.has(files[index]);
}
/**
 * What the package managers read at the repository's root: their lock files (what `node_modules` holds follows
 * from them, and a package's build reads `node_modules`) and their settings, which reach a script as
 * `npm_config_*` variables, or choose its shell and Node's options (`.npmrc`'s `script-shell`, `node-options`).
 */
const ROOT_FILES = [
    '.npmrc',
    '.yarnrc',
    '.yarnrc.yml',
    'bun.lock',
    'bun.lockb',
    'bunfig.toml',
    'npm-shrinkwrap.json',
    'package-lock.json',
    'pnpm-lock.yaml',
    'yarn.lock',
];
/**
 * Each task instance's input files: the repository files under its directory that its `inputs` globs choose
 * (default: all of them), less generated files; a `script` task always reads its package.json, its `.npmrc`, and
 * the root's lock files and package managers' settings (before, upgrading a dependency, or a setting its script
 * reads, left every package's build cached). A glob that matches no file in any package the task applies to is a
 * problem (`inputs[i]`).
 */
function selectInputs(instances, files, generated, add) {
    const out = new Map();
    const globsByTask = new Map();
    // A lock file some task writes is its output, and never an input (as any other).
    const present = (f) => {
        const [at, end] = (0,repo_files/* fileRange */.Yj)(files, f);
        return at < end && !generated(at);
    };
    const rootFiles = ROOT_FILES.filter(present);
    const dirsByTask = new Map();
    const reported = new Set();
    for (const inst of instances) {
        const dirs = dirsByTask.get(inst.task);
        if (dirs === undefined)
            dirsByTask.set(inst.task, [inst.dir]);
        else
            dirs.push(inst.dir);
        let entry = globsByTask.get(inst.task);
        if (!globsByTask.has(inst.task)) {
            entry = taskGlobs(inst, add);
            globsByTask.set(inst.task, entry);
        }
        if (!entry)
            continue;
        outputsNamed(inst, entry, files, generated, add, reported);
        const rootExcluded = entry.rooted?.glob.excludes ? entry.rooted.glob.excluded : undefined;
        // A package's own `.npmrc` is read too when the package manager runs there.
        const own = inst.pkg && inst.dir !== '' && present(`${inst.dir}/.npmrc`) ? [`${inst.dir}/.npmrc`] : [];
        const chosen = choose(inst, files, generated, entry.local.glob, entry.local.used, [...rootFiles, ...own], rootExcluded);
        if (entry.rooted !== undefined)
            addRooted(chosen, files, generated, entry.rooted);
        out.set(inst, chosen);
    }
    for (const [task, entry] of globsByTask) {
        for (const list of entry === undefined ? [] : [entry.local, entry.rooted]) {
            if (list === undefined || list.glob.everything)
                continue;
            list.glob.positiveIndex.forEach((i, k) => {
                if (list.used[k])
                    return;
                const cwd = entry.cwd;
                const where = entry.script !== undefined
                    ? ` in any package with the script ${JSON.stringify(entry.script)}`
                    : cwd !== undefined && cwd !== '.' && list === entry.local
                        ? ` (inputs are relative to the directory of disbuild.json, not to the task's cwd ${JSON.stringify(cwd)})`
                        : '';
                // A path, not a glob: where it would be, for the caller to say when a file is there that git ignores.
                const pattern = list.patterns[i];
                const path = isLiteral(pattern) ? (0,unescape_glob/* unescapeGlob */.DU)(pattern) : undefined;
                const dirs = list === entry.rooted ? [''] : (dirsByTask.get(task) ?? []);
                // A directory's name, as outputs may be written: its files are what was meant.
                const isDir = path !== undefined &&
                    dirs.some((d) => {
                        const [at, end] = (0,repo_files/* filesUnder */.mz)(files, d === '' ? path : `${d}/${path}`);
                        return at < end;
                    });
                const raw = entry.raw[list.index[i]];
                add(task, `inputs[${list.index[i]}]`, `${JSON.stringify(raw)} matches no file${where}${isDir ? `; it is a directory: ${JSON.stringify(`${raw.replace(/\/+$/, '')}/**`)} takes its files` : ''}`, {
                    matchesNothing: true,
                    ...(path === undefined ? {} : { unlisted: dirs.map((d) => (d === '' ? path : `${d}/${path}`)) }),
                });
            });
        }
    }
    return out;
}
function taskGlobs(inst, add) {
    const raw = inst.spec.inputs ?? ['**'];
    const local = [];
    const localIndex = [];
    const rooted = [];
    const rootedIndex = [];
    let bad = false;
    raw.forEach((p, i) => {
        const negated = p.startsWith('!');
        const body = negated ? p.slice(1) : p;
        const atRoot = body.startsWith('//');
        const n = normalizePattern(atRoot ? body.slice(2) : body);
        if (!n.ok) {
            const error = atRoot && n.error !== 'is empty'
                ? `must stay inside the repository, got ${JSON.stringify(p)}`
                : n.error;
            add(inst.task, `inputs[${i}]`, error);
            bad = true;
            return;
        }
        const pattern = negated ? `!${n.value}` : n.value;
        if (atRoot) {
            rooted.push(pattern);
            rootedIndex.push(i);
        }
        else {
            local.push(pattern);
            localIndex.push(i);
        }
    });
    if (bad)
        return undefined;
    const compile = (patterns, index) => {
        const glob = compileGlobs(patterns);
        return { glob, patterns, used: glob.positives.map(() => false), index };
    };
    const globs = {
        local: compile(local, localIndex),
        raw,
        script: inst.spec.script,
        ...(inst.spec.cwd === undefined ? {} : { cwd: inst.spec.cwd }),
    };
    if (rooted.length > 0)
        globs.rooted = compile(rooted, rootedIndex);
    // `[]` says the task reads no file; exclusions alone say nothing that could be meant.
    if (raw.length > 0 && globs.local.glob.positives.length === 0 && !globs.rooted?.glob.positives.length) {
        add(inst.task, 'inputs', 'has only exclusions ("!"): add what to include');
    }
    return globs;
}
/** Adds to `chosen` (sorted, kept so) the repository's files that the task's `//` patterns choose. */
function addRooted(chosen, files, generated, { glob, used }) {
    const have = new Set(chosen);
    const before = chosen.length;
    for (const [lo, hi] of scanRanges(files, '', glob)) {
        for (let i = lo; i < hi; i++) {
            const path = files[i];
            let hit = glob.everything;
            for (let k = 0; k < glob.positives.length; k++) {
                if ((hit && used[k]) || !glob.positives[k](path))
                    continue;
                hit = true;
                used[k] = true;
            }
            if (hit && !glob.excluded(path) && !generated(i) && !have.has(path))
                chosen.push(path);
        }
    }
    if (chosen.length > before)
        chosen.sort();
}
/**
 * Says so when an input named by its path, not a glob, is a file some task's `outputs` match: as an output it is
 * never an input, and, not tracked, it is that task's, removed before it runs. Dropped from the inputs in silence,
 * a file the user keeps there (`gen/config.json`) was deleted by the other task's run. Once per task and input.
 */
function outputsNamed(inst, entry, files, generated, add, reported) {
    for (const list of [entry.local, entry.rooted]) {
        if (list === undefined)
            continue;
        list.glob.positiveIndex.forEach((i) => {
            const pattern = list.patterns[i];
            if (!isLiteral(pattern))
                return;
            const dir = list === entry.rooted ? '' : inst.dir;
            const path = dir === '' ? (0,unescape_glob/* unescapeGlob */.DU)(pattern) : `${dir}/${(0,unescape_glob/* unescapeGlob */.DU)(pattern)}`;
            const [at, end] = (0,repo_files/* fileRange */.Yj)(files, path);
            const field = `inputs[${list.index[i]}]`;
            if (at === end || !generated(at) || reported.has(`${inst.task}\0${field}`))
                return;
            reported.add(`${inst.task}\0${field}`);
            add(inst.task, field, `${JSON.stringify(path)} is matched by a task's outputs: an output is never an input, and a file there that git does not track is that task's, removed before it runs (read it through deps, or keep it out of those outputs with "!")`);
        });
    }
}
function choose(inst, files, generated, glob, used, 
/** What the package manager reads beside the package's manifest (see ROOT_FILES). */
managerFiles, 
/** `!//…` patterns: they exclude from every glob's files, by their path from the root. */
rootExcluded) {
    const cut = inst.dir === '' ? 0 : inst.dir.length + 1;
    const chosen = [];
    for (const [lo, hi] of scanRanges(files, inst.dir, glob)) {
        for (let i = lo; i < hi; i++) {
            const path = files[i];
            // `**` alone: no path to cut, no glob to try.
            if (glob.everything && !glob.excludes) {
                if (!generated(i) && rootExcluded?.(path) !== true)
                    chosen.push(path);
                continue;
            }
            const rel = cut === 0 ? path : path.slice(cut);
            let hit = glob.everything;
            if (!hit) {
                // Every glob is tried until it has matched once, so that "matches no file" is only said when true.
                for (let k = 0; k < glob.positives.length; k++) {
                    if ((hit && used[k]) || !glob.positives[k](rel))
                        continue;
                    hit = true;
                    used[k] = true;
                }
            }
            if (hit && !glob.excluded(rel) && rootExcluded?.(path) !== true && !generated(i))
                chosen.push(path);
        }
    }
    if (inst.pkg) {
        const always = [inst.dir === '' ? 'package.json' : `${inst.dir}/package.json`, ...managerFiles];
        const missing = always.filter((f) => !chosen.includes(f));
        if (missing.length > 0) {
            chosen.push(...missing);
            chosen.sort();
        }
    }
    return chosen;
}
/**
 * The ranges of `files` (sorted) whose paths a task in `dir` tries its globs on, in order, disjoint: every file
 * under `dir`, or, when each positive glob can only match under a directory of its own or at one path (see
 * GlobList.within), just those: a root task's `src/**` looks at the files under src, not at the whole repository.
 * `under`: the range of `dir`, when known.
 */
function scanRanges(files, dir, glob, under = (0,repo_files/* filesUnder */.mz)(files, dir)) {
    if (glob.within === undefined)
        return [under];
    const [lo, hi] = under;
    const at = (p) => (dir === '' ? p : `${dir}/${p}`);
    const ranges = glob.within
        .map((w) => ('dir' in w ? (0,repo_files/* filesUnder */.mz)(files, at(w.dir), lo, hi) : (0,repo_files/* fileRange */.Yj)(files, at(w.path), lo, hi)))
        .filter(([a, b]) => a < b)
        .sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const [a, b] of ranges) {
        const last = merged[merged.length - 1];
        if (last !== undefined && a <= last[1])
            last[1] = Math.max(last[1], b);
        else
            merged.push([a, b]);
    }
    return merged;
}
/** Where any of several glob lists can match (see GlobList.within). */
function withinAny(globs) {
    let within = [];
    for (const g of globs)
        within = g.within && within?.concat(g.within);
    return { within };
}

// EXTERNAL MODULE: ./src/util/whole-tree-glob.ts
var whole_tree_glob = __webpack_require__(5191);
// EXTERNAL MODULE: ./src/util/git-dir-path.ts
var git_dir_path = __webpack_require__(6800);
;// CONCATENATED MODULE: ./src/config/compile.ts
/**
 * Compiles `disbuild.json` tasks into the seed's graph JSON (DESIGN.md §1 and §10): one job per task, or per
 * workspace package for `script` tasks; inputs chosen by glob from the repository's files; in-place `Outputs`.
 *
 * Deterministic: jobs sorted by name, IDs the SHA-1 of package and task name (stable across runs and machines),
 * inputs sorted. Every problem is collected and reported at once, naming the file, the task and the field.
 */









/** The graph JSON of the config's tasks, or every problem found. */
function compileTasks(input) {
    const problems = [];
    // A task's problem is the same in every package it applies to: reported once.
    const seen = new Set();
    const add = (task, field, message, more = {}) => {
        const id = JSON.stringify([task, field, message]);
        if (seen.has(id))
            return;
        seen.add(id);
        problems.push({ file: config_file/* CONFIG_FILE */.g2, task, ...(field === undefined ? {} : { field }), message, ...more });
    };
    const instances = instantiate(input, add);
    const generated = generatedFiles(instances, input.workspace, input.files, input.untracked);
    const byKey = new Map(instances.map((i) => [instanceKey(i.task, i.pkg?.name), i]));
    // Dependencies first (their problems said after the inputs', as before), for the packages `^task` passes through.
    const later = [];
    const resolved = new Map(instances.map((inst) => [inst, resolveDeps(inst, input, byKey, (...a) => void later.push(a))]));
    const through = new Map();
    for (const r of resolved.values()) {
        for (const t of r.through)
            if (!through.has(t.key))
                through.set(t.key, passedThrough(t.task, t.pkg, input));
    }
    const inputs = selectInputs([...instances, ...through.values()], input.files, generated, add);
    for (const a of later)
        add(...a);
    const jobs = instances.map((inst) => {
        const r = resolved.get(inst);
        let own = inputs.get(inst) ?? [];
        if (r.through.length > 0) {
            const all = new Set(own);
            for (const t of r.through)
                for (const f of inputs.get(through.get(t.key)) ?? [])
                    all.add(f);
            own = [...all].sort();
        }
        const job = {
            ID: inst.label,
            Name: inst.name,
            Inputs: own,
            Deps: r.deps,
            Cmds: [command(inst, input, add)],
        };
        if (inst.outputs.length > 0)
            job.Outputs = inst.outputs;
        return job;
    });
    const byLabel = new Map(instances.map((i) => [i.label, i]));
    for (const cycle of (0,cycles/* findCycles */.p)(new Map(jobs.map((j) => [j.ID, j.Deps])))) {
        const first = byLabel.get(cycle[0]);
        add(first.task, 'deps', `dependency cycle: ${cycle.map((l) => byLabel.get(l).name).join(' -> ')}`);
    }
    return { graph: { SourceFiles: null, Jobs: jobs }, problems };
}
function instanceKey(task, pkg) {
    return `${pkg ?? ''}\0${task}`;
}
/** Stable across runs and machines: the package and task names, nothing else. */
function taskLabel(task, pkg) {
    return (0,external_node_crypto_.createHash)('sha1')
        .update(`disbuild-task\0${pkg ?? ''}\0${task}`)
        .digest('hex');
}
function instantiate(input, add) {
    const out = [];
    const packages = [...input.workspace.packages.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const [task, spec] of input.config.tasks) {
        // Its one problem is reported already (config-file.ts); compiled as something it may not be, it would add others.
        if (input.config.brokenTasks?.has(task))
            continue;
        const relOutputs = (spec.outputs ?? []).flatMap((p, i) => {
            const n = normalizePattern(p);
            if (!n.ok) {
                add(task, `outputs[${i}]`, n.error);
                return [];
            }
            if ((0,git_dir_path/* insideGitDir */.Q)(n.value)) {
                add(task, `outputs[${i}]`, `must not be inside .git (git's own files), got ${JSON.stringify(p)}`);
                return [];
            }
            if (spec.script === undefined && !p.startsWith('!') && (0,whole_tree_glob/* choosesEverything */.Y)([n.value])) {
                add(task, `outputs[${i}]`, `must not be the whole repository, got ${JSON.stringify(p)}`);
                return [];
            }
            const not = p.startsWith('!') ? '!' : '';
            // A plain path is a file or a directory (`"dist"`): what is in that directory is the task's too.
            return isLiteral(n.value) ? [`${not}${n.value}`, `${not}${n.value}/**`] : [`${not}${n.value}`];
        });
        const outputs = (base) => base === ''
            ? relOutputs
            : // A package directory is a path, not a glob: `apps/(marketing)` must match itself.
                relOutputs.map((p) => {
                    const dir = (0,unescape_glob/* escapeGlob */.yk)(base);
                    return p.startsWith('!') ? `!${dir}/${p.slice(1)}` : `${dir}/${p}`;
                });
        if (spec.script === undefined) {
            const label = taskLabel(task, undefined);
            out.push({ task, spec, dir: '', name: task, label, outputs: relOutputs, relOutputs });
            continue;
        }
        const chosen = packages.filter((p) => p.scripts.has(spec.script));
        if (chosen.length === 0 && input.workspace.incomplete !== true) {
            const script = JSON.stringify(spec.script);
            add(task, 'script', input.workspace.declared
                ? `no workspace package has a script ${script}`
                : `the root package.json has no script ${script}`);
        }
        for (const pkg of chosen) {
            const name = `${pkg.name}#${task}`;
            const label = taskLabel(task, pkg.name);
            out.push({ task, spec, pkg, dir: pkg.dir, name, label, outputs: outputs(pkg.dir), relOutputs });
        }
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
/**
 * What a package without the task's script would read as that task: its files that the task's globs select, its
 * package.json and the lock files. Never a job: its inputs are read by the jobs whose `^task` passes through it, so
 * that an edit of a package with nothing to build (types consumed from source) rebuilds its dependents, as
 * Turborepo's hash of a task without a script covers the package's files.
 */
function passedThrough(task, pkg, input) {
    const spec = input.config.tasks.get(task);
    return {
        task,
        spec,
        pkg,
        dir: pkg.dir,
        name: `${pkg.name}#${task}`,
        label: '',
        outputs: [],
        relOutputs: [],
    };
}
function resolveDeps(inst, input, byKey, add) {
    const tasks = input.config.tasks;
    const out = new Set();
    const through = new Map();
    (inst.spec.deps ?? []).forEach((d, i) => {
        const field = `deps[${i}]`;
        const upstream = d.startsWith('^');
        const name = upstream ? d.slice(1) : d;
        const target = tasks.get(name);
        if (!target) {
            add(inst.task, field, unknownTask(name, tasks));
            return;
        }
        // Whether `^name` fits cannot be told of a task whose kind is unknown (see instantiate).
        if (input.config.brokenTasks?.has(name))
            return;
        // Said once for the task, not as a cycle in each of its packages.
        if (!upstream && name === inst.task) {
            const hint = target.script === undefined ? '' : `; "^${name}" is the same task of its workspace dependencies`;
            add(inst.task, field, `a task cannot depend on itself${hint}`);
            return;
        }
        if (upstream) {
            if (!inst.pkg || target.script === undefined) {
                add(inst.task, field, `"^${name}" needs a script task on both sides (the same task of every workspace dependency)`);
                return;
            }
            const up = upstreamLabels(inst.pkg, name, input.workspace, byKey);
            for (const l of up.labels)
                out.add(l);
            for (const pkg of up.through) {
                const key = instanceKey(name, pkg.name);
                through.set(key, { key, task: name, pkg });
            }
        }
        else if (target.script === undefined) {
            out.add(byKey.get(instanceKey(name, undefined)).label);
        }
        else if (inst.pkg) {
            const same = byKey.get(instanceKey(name, inst.pkg.name));
            if (same)
                out.add(same.label);
        }
        else {
            for (const other of byKey.values())
                if (other.task === name)
                    out.add(other.label);
        }
    });
    return { deps: [...out].sort(), through: [...through.values()] };
}
/** Why a name in `deps` names no task, with the task it likely meant. */
function unknownTask(name, tasks) {
    if (name.includes('#') && tasks.has(name.slice(name.lastIndexOf('#') + 1))) {
        return `unknown task ${JSON.stringify(name)}: deps name a task ("${name.slice(name.lastIndexOf('#') + 1)}"), not one package's`;
    }
    let best;
    let bestDistance = 3;
    for (const t of tasks.keys()) {
        const d = editDistance(name, t);
        if (d < bestDistance)
            [best, bestDistance] = [t, d];
    }
    return `unknown task ${JSON.stringify(name)}${best === undefined ? '' : `; did you mean ${JSON.stringify(best)}?`}`;
}
/** Levenshtein distance, for names of a few dozen characters. */
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = row;
    }
    return prev[b.length];
}
/**
 * `^task` from package P: the task in each workspace dependency of P that has it; through a dependency that does
 * not, on to its own dependencies (so that the order still holds across a package with nothing to build), and
 * that dependency in `through`.
 */
function upstreamLabels(pkg, task, ws, byKey) {
    const labels = [];
    const through = [];
    const seen = new Set([pkg.name]);
    const stack = [...pkg.deps];
    while (stack.length > 0) {
        const name = stack.pop();
        if (seen.has(name))
            continue;
        seen.add(name);
        const inst = byKey.get(instanceKey(task, name));
        if (inst)
            labels.push(inst.label);
        else {
            const other = ws.packages.get(name);
            if (other === undefined)
                continue;
            through.push(other);
            stack.push(...other.deps);
        }
    }
    return { labels, through };
}
function command(inst, input, add) {
    const { spec } = inst;
    const exec = spec.script !== undefined
        ? [input.workspace.manager, 'run', spec.script]
        : typeof spec.command === 'string'
            ? ['sh', '-c', spec.command]
            : [...(spec.command ?? [])];
    let wd = inst.dir;
    if (spec.cwd !== undefined) {
        const n = normalizeDir(spec.cwd);
        if (!n.ok)
            add(inst.task, 'cwd', n.error);
        else if (n.value !== '')
            wd = wd === '' ? n.value : `${wd}/${n.value}`;
    }
    // Unset variables are left out (and so differ from set-but-empty ones in the key).
    const environ = (spec.env ?? []).flatMap((name) => {
        const v = input.env[name];
        return v === undefined ? [] : [`${name}=${v}`];
    });
    return { Exec: exec, Environ: environ, WorkingDirectory: wd };
}
/** A directory relative to the task's own (`cwd`): a path, not a glob; `.`, `sub/` and `./sub` are plain. */
function normalizeDir(dir) {
    if (dir === '')
        return { ok: false, error: 'is empty' };
    if (dir.startsWith('/'))
        return { ok: false, error: `must be relative, got ${JSON.stringify(dir)}` };
    const norm = external_node_path_.posix.normalize(dir).replace(/\/+$/, '');
    if (norm === '..' || norm.startsWith('../')) {
        return { ok: false, error: `must stay inside its directory, got ${JSON.stringify(dir)}` };
    }
    return { ok: true, value: norm === '.' ? '' : norm };
}


/***/ })

};
