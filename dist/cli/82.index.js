(function (__disbuild_import_meta) {const id = 82;
const ids = [82];
const modules = {

/***/ 6082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readWorkspace: () => (/* binding */ readWorkspace)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _repo_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8682);
/* harmony import */ var _util_strip_bom_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3305);
/**
 * Workspace packages: npm and yarn `workspaces` in the root package.json, or pnpm's pnpm-workspace.yaml. Each
 * package's name, directory, scripts, and the other packages of the workspace it depends on.
 *
 * Deals with: finding packages among the repository's files and reading their package.json.
 * Does not deal with: tasks (compile.ts) or installing anything.
 */






const DEP_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
/**
 * The workspace of the repository at `root`, whose files (sorted, relative) are `files`. `manifests`: package.json
 * texts read ahead (see workspace-prefetch.ts), used for the listed ones among them instead of reading them again.
 * `root` undefined: there is no work tree to read (a commit's objects), and `manifests` holds every manifest and
 * pnpm-workspace.yaml that `files` lists.
 */
async function readWorkspace(root, files, problems, manifests = new Map()) {
    const known = problems.length;
    const readPackageJson = (path) => readManifest(root, path, manifests.get(path), problems);
    const rootPkg = (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'package.json') ? readPackageJson('package.json') : undefined;
    let patterns;
    let manager = 'npm';
    if ((0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'pnpm-workspace.yaml')) {
        manager = 'pnpm';
        patterns = await pnpmPatterns(root, manifests.get('pnpm-workspace.yaml'), problems);
    }
    else if (rootPkg) {
        const ws = rootPkg.workspaces;
        const list = Array.isArray(ws)
            ? ws
            : isRecord(ws) && Array.isArray(ws.packages)
                ? ws.packages
                : undefined;
        if (list)
            patterns = list.filter((p) => typeof p === 'string');
        // Read as no workspace at all, it made every script task's problem "the root package.json has no script".
        if (ws !== undefined && (list === undefined || patterns.length !== list.length)) {
            problems.push({
                file: 'package.json',
                field: 'workspaces',
                message: 'must be a list of globs, or an object whose "packages" is one',
            });
        }
    }
    if (typeof rootPkg?.packageManager === 'string') {
        const m = /^(npm|yarn|pnpm|bun)@/.exec(rootPkg.packageManager);
        if (m)
            manager = m[1];
    }
    else if ((0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'pnpm-lock.yaml'))
        manager = 'pnpm';
    else if ((0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'yarn.lock'))
        manager = 'yarn';
    else if ((0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'bun.lock') || (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFile */ .jv)(files, 'bun.lockb'))
        manager = 'bun';
    const packages = new Map();
    if (patterns === undefined) {
        if (rootPkg)
            packages.set(packageName(rootPkg, ''), toPackage(rootPkg, '', new Set()));
        return { packages, declared: false, manager, incomplete: problems.length > known };
    }
    const dirs = packageDirs(files, patterns);
    // Synchronous: a thousand small reads in a loop cost less than a thousand thread-pool round trips.
    const read = dirs.map((d) => readPackageJson(`${d}/package.json`));
    const dirsOf = new Map();
    const pkgs = [];
    dirs.forEach((dir, i) => {
        const json = read[i];
        if (!json)
            return;
        const name = packageName(json, dir);
        const same = dirsOf.get(name);
        if (same === undefined)
            dirsOf.set(name, [dir]);
        else
            same.push(dir);
        pkgs.push({ json, dir, name });
    });
    // A name two packages declare is neither's: which one a dependency means cannot be told, and picking one
    // brought problems of its own making (a cycle through the other's dependencies).
    const names = new Set();
    for (const [name, where] of dirsOf) {
        if (where.length === 1)
            names.add(name);
        else {
            problems.push({
                file: `${where[1]}/package.json`,
                field: 'name',
                message: `package ${name} is declared ${where.length === 2 ? 'twice' : `${where.length} times`}: in ${where.map((d) => `${d}/package.json`).join(', ')}`,
            });
        }
    }
    for (const { json, dir, name } of pkgs)
        if (names.has(name))
            packages.set(name, toPackage(json, dir, names));
    return { packages, declared: true, manager, incomplete: problems.length > known };
}
/** Directories holding a package.json that the workspace globs choose (`!` excludes), sorted. */
function packageDirs(files, patterns) {
    const norm = (p) => node_path__WEBPACK_IMPORTED_MODULE_2__.posix.normalize(p).replace(/^\.\//, '').replace(/\/+$/, '');
    const include = patterns.filter((p) => !p.startsWith('!')).map(norm);
    const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => norm(p.slice(1)));
    const isIn = picomatch__WEBPACK_IMPORTED_MODULE_4___default()(include.length > 0 ? include : ['\0'], { dot: false });
    const isOut = exclude.length > 0 ? picomatch__WEBPACK_IMPORTED_MODULE_4___default()(exclude) : () => false;
    const dirs = [];
    for (const f of files) {
        if (!f.endsWith('/package.json') || f.includes('node_modules/'))
            continue;
        const dir = f.slice(0, -'/package.json'.length);
        if (isIn(dir) && !isOut(dir))
            dirs.push(dir);
    }
    return dirs;
}
async function pnpmPatterns(root, text, problems) {
    const file = 'pnpm-workspace.yaml';
    try {
        // The YAML parser is a large module: loaded only for the repositories that have this file.
        const { parse: parseYaml } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
        const doc = parseYaml(text ?? (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(inWorkTree(root, file), 'utf8')));
        const list = isRecord(doc) ? doc.packages : undefined;
        if (list === undefined || list === null)
            return [];
        if (!Array.isArray(list) || list.some((p) => typeof p !== 'string')) {
            problems.push({ file, field: 'packages', message: 'must be a list of globs' });
            return [];
        }
        return list;
    }
    catch (e) {
        problems.push({ file, message: `cannot be read: ${e.message.split('\n')[0]}` });
        return [];
    }
}
/** A package.json, from `text` when it was read already. */
function readManifest(root, path, text, problems) {
    try {
        const json = JSON.parse((0,_util_strip_bom_js__WEBPACK_IMPORTED_MODULE_5__/* .stripBom */ .F)(text ?? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(inWorkTree(root, path), 'utf8')));
        if (isRecord(json)) {
            // Fields the compile reads, of a type it would otherwise pass over without a word (a package then known by
            // its directory, or without its dependencies).
            if (json.name !== undefined && typeof json.name !== 'string')
                problems.push({ file: path, field: 'name', message: 'must be a string' });
            for (const field of ['scripts', ...DEP_FIELDS]) {
                if (json[field] !== undefined && !isRecord(json[field]))
                    problems.push({ file: path, field, message: 'must be an object' });
            }
            return json;
        }
        problems.push({ file: path, message: 'must be a JSON object' });
    }
    catch (e) {
        problems.push({ file: path, message: `cannot be read: ${e.message}` });
    }
    return undefined;
}
/** `path` in the work tree at `root`; without one, a file not given cannot be read. */
function inWorkTree(root, path) {
    if (root === undefined)
        throw new Error('not among the files read');
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, path);
}
/** A package without a name is known by its directory (the root's by "//", as Turborepo calls it). */
function packageName(json, dir) {
    return typeof json.name === 'string' && json.name !== '' ? json.name : dir === '' ? '//' : dir;
}
function toPackage(json, dir, names) {
    const scripts = new Map();
    if (isRecord(json.scripts)) {
        for (const [k, v] of Object.entries(json.scripts))
            if (typeof v === 'string')
                scripts.set(k, v);
    }
    const self = packageName(json, dir);
    const deps = new Set();
    for (const field of DEP_FIELDS) {
        const d = json[field];
        if (!isRecord(d))
            continue;
        for (const [key, spec] of Object.entries(d)) {
            const n = aliasedWorkspacePackage(spec) ?? key;
            if (names.has(n) && n !== self)
                deps.add(n);
        }
    }
    return { name: self, dir, scripts, deps: [...deps].sort() };
}
/**
 * The package a pnpm alias of a workspace package names (`"my-a": "workspace:@org/a@*"`, `workspace:a@^1`), for
 * which the key is only the name it is imported by; undefined for every other version specification.
 */
function aliasedWorkspacePackage(spec) {
    if (typeof spec !== 'string' || !spec.startsWith('workspace:'))
        return undefined;
    // As pnpm reads it: a name, then `@` and the version range (`workspace:^1` has no `@`, so no name).
    return /^workspace:([^._/][^@]*)@/.exec(spec)?.[1];
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}


/***/ })

};

return { id, ids, modules };
})