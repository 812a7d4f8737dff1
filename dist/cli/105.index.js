(function (__disbuild_import_meta) {const id = 105;
const ids = [105];
const modules = {

/***/ 8559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileAsRecorded: () => (/* binding */ compileAsRecorded),
/* harmony export */   outputsAsRecorded: () => (/* binding */ outputsAsRecorded)
/* harmony export */ });
/* harmony import */ var _config_repo_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8682);
/* harmony import */ var _executor_output_stat_records_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72);
/* harmony import */ var _util_settled_stat_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4956);
/* harmony import */ var _util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9293);
/**
 * The checks of a fully cached run's record (fully-cached.ts) that only some runs need, loaded only for them:
 * that disbuild.json's tasks would compile to the kept graph again, and that in-place outputs are as a recorded
 * check found them (or gone whole). Each is the full path's own check, run on what the record kept of its inputs.
 */




/**
 * Whether the kept graph still stands as the compile found it (see compileConfig): every file it read has the stat
 * data that vouched for its bytes, and every link leads where it did. The listings, which the rest stands on, are
 * compared by the record itself.
 */
function compileAsRecorded(sourceDir, vouch) {
    for (const [path, stat] of Object.entries(vouch.stats)) {
        if ((0,_util_settled_stat_js__WEBPACK_IMPORTED_MODULE_3__/* .statKey */ .CD)((0,_util_stat_if_any_js__WEBPACK_IMPORTED_MODULE_2__/* .lstatIfAny */ .e)(`${sourceDir}/${path}`)) !== stat)
            return false;
    }
    return (0,_config_repo_files_js__WEBPACK_IMPORTED_MODULE_0__/* .linksAsListed */ .pj)(sourceDir, vouch.links, vouch.indexLinks, vouch.untracked && new Set(vouch.untracked));
}
/**
 * What became of every recorded job's in-place outputs, by stat data alone (see verdictNow): undefined when any
 * changed (only the full path can tell what to do); else the jobs whose output directories are all gone, with
 * the files their verdict found there, which the full path writes back from the cache's stored files.
 */
function outputsAsRecorded(realDir, { records, verdicts }, stats = new _executor_output_stat_records_js__WEBPACK_IMPORTED_MODULE_1__/* .OutputStatRecords */ .aG(records)) {
    const gone = [];
    for (const [label, artifact, key] of verdicts) {
        const verdict = stats.verdict(label, artifact);
        if (verdict === undefined)
            return undefined;
        const now = (0,_executor_output_stat_records_js__WEBPACK_IMPORTED_MODULE_1__/* .verdictNow */ .QC)(realDir, verdict, stats);
        if (now === 'changed')
            return undefined;
        if (now === 'gone')
            gone.push({ artifact, key, files: (0,_executor_output_stat_records_js__WEBPACK_IMPORTED_MODULE_1__/* .verdictOutputs */ .Ix)(verdict) });
    }
    return gone;
}


/***/ }),

/***/ 3105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   inPlaceForRecord: () => (/* binding */ inPlaceForRecord)
/* harmony export */ });
/* harmony import */ var _executor_output_stat_records_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72);
/* harmony import */ var _ids_git_output_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9766);
/* harmony import */ var _fully_cached_in_place_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8559);
/**
 * What the run that writes a record of a fully cached run (fully-cached.ts) vouches for of its in-place outputs. A
 * module apart from the record's checks (fully-cached-in-place.ts), which every answered run loads: only the run
 * that writes the record parses the index's listing here.
 */



/**
 * The in-place outputs of a fully cached run, for its record; undefined when the record cannot vouch for them:
 * each job's must have been found in place, nothing written (`unchanged`: the artifact checked against), and be so
 * now by the record's own check. With the run's `lookups` when writing them back once gone (fully-cached-put-back.ts)
 * writes only what the full path writes: it leaves alone every file git tracks and every job's input
 * (InPlaceOutputs' protect), so no output may be one of those, and no submodule may be in the index (what those
 * track is not in the keys' `ls-files -s` of the source directory, `listings`). Each holds while the record does:
 * it compares that listing, and stands for the graph.
 */
async function inPlaceForRecord(run) {
    const verdicts = [];
    for (const j of run.jobs) {
        const artifact = run.unchanged.get(j.label);
        if (artifact === undefined)
            return undefined;
        verdicts.push([j.label, artifact, j.key]);
    }
    const inPlace = { records: run.records, verdicts };
    const stats = new _executor_output_stat_records_js__WEBPACK_IMPORTED_MODULE_0__/* .OutputStatRecords */ .aG(run.records);
    if ((0,_fully_cached_in_place_js__WEBPACK_IMPORTED_MODULE_2__.outputsAsRecorded)(run.realDir, inPlace, stats)?.length !== 0)
        return undefined;
    const paths = await indexPaths(run.listings);
    if (paths === undefined || paths.gitlinks.length > 0)
        return inPlace;
    const tracked = new Set(paths.paths);
    const inputs = run.inputs();
    const likeFullPath = verdicts.every(([label, artifact]) => stats
        .verdict(label, artifact)
        ?.files.every(([rel, sha256]) => sha256 === '' || !(tracked.has(rel) || inputs.has(rel))));
    return likeFullPath ? { ...inPlace, lookups: run.lookups } : inPlace;
}
/**
 * The index's paths from the keys' listing: parsed once already for disbuild.json's runs (`indexPaths`), else
 * parsed here from the second of their calls (see workTreeCommands).
 */
async function indexPaths(l) {
    if (l.indexPaths !== undefined) {
        const parsed = await l.indexPaths;
        return parsed.ok ? parsed.value : undefined;
    }
    const run = await l.runs[1];
    return run?.code === 0 ? (0,_ids_git_output_js__WEBPACK_IMPORTED_MODULE_1__/* .parseIndexListingWithPaths */ .wn)(run.out).paths : undefined;
}


/***/ })

};

return { id, ids, modules };
})