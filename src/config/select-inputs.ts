import type { TaskInstance } from './compile.js';
import type { ConfigProblem } from './config-file.js';
import { compileGlobs, isLiteral, normalizePattern, type GlobList } from './globs.js';
import { fileRange, filesUnder } from './repo-files.js';
import type { Workspace } from './workspaces.js';
import { unescapeGlob } from '../util/unescape-glob.js';

/**
 * Whether the repository file at an index of the sorted file list is some task's output: outputs are never inputs
 * (they reach dependents by `deps`).
 */
export type GeneratedFiles = (index: number) => boolean;

/**
 * The files matching any task's `outputs`, marked once for all tasks. A file is tested only against the globs of
 * the tasks of the package it is in (the deepest, when packages nest) and of root tasks, relative to the package,
 * each task's globs compiled once, and only where they can match (see scanRanges): a thousand packages with
 * `dist/**` cost one compiled glob, and one match per file under a dist. The package a file is in comes from the
 * sorted list itself: each package's files are one range of it, marked from the shallowest package to the
 * deepest, so a nested package's own globs decide for its files.
 */
export function generatedFiles(
  instances: readonly TaskInstance[],
  ws: Workspace,
  files: readonly string[],
  /** The files git does not track (see untrackedOf): only those can be outputs. Undefined: any file can. */
  untracked?: ReadonlySet<string>,
): GeneratedFiles {
  const byTask = new Map<string, GlobList>();
  const byDir = new Map<string, Set<GlobList>>();
  for (const inst of instances) {
    if (inst.relOutputs.length === 0) continue;
    let globs = byTask.get(inst.task);
    if (!globs) {
      globs = compileGlobs(inst.relOutputs);
      byTask.set(inst.task, globs);
    }
    const set = byDir.get(inst.dir) ?? new Set();
    set.add(globs);
    byDir.set(inst.dir, set);
  }
  if (byDir.size === 0) return () => false;
  const test = (globs: Set<GlobList>, rel: string): boolean => {
    for (const g of globs) if (g.positives.some((m) => m(rel)) && !g.excluded(rel)) return true;
    return false;
  };
  const marks = new Uint8Array(files.length);
  // The root package's directory is the repository's: its files are root tasks' business alone (below).
  const pkgDirs = [...new Set([...ws.packages.values()].map((p) => p.dir))].filter((d) => d !== '');
  // A package's directory is longer than that of any package it is nested in.
  pkgDirs.sort((a, b) => a.length - b.length);
  const hasPackageGlobs = [...byDir.keys()].some((d) => d !== '');
  for (const dir of hasPackageGlobs ? pkgDirs : []) {
    const under = filesUnder(files, dir);
    marks.fill(0, under[0], under[1]);
    const globs = byDir.get(dir);
    if (globs === undefined) continue;
    // Only where the globs can match (`dist/**`: under dist).
    const cut = dir.length + 1;
    for (const [lo, hi] of scanRanges(files, dir, withinAny(globs), under)) {
      for (let i = lo; i < hi; i++) if (test(globs, files[i]!.slice(cut))) marks[i] = 1;
    }
  }
  const root = byDir.get('');
  for (const [lo, hi] of root === undefined ? [] : scanRanges(files, '', withinAny(root))) {
    for (let i = lo; i < hi; i++) if (test(root!, files[i]!)) marks[i] = 1;
  }
  return untracked === undefined
    ? (index) => marks[index] === 1
    : (index) => marks[index] === 1 && untracked.has(files[index]!);
}

type Add = (task: string, field: string | undefined, message: string, more?: Partial<ConfigProblem>) => void;

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
export function selectInputs(
  instances: readonly TaskInstance[],
  files: readonly string[],
  generated: GeneratedFiles,
  add: Add,
): Map<TaskInstance, string[]> {
  const out = new Map<TaskInstance, string[]>();
  const globsByTask = new Map<string, TaskGlobs | undefined>();
  // A lock file some task writes is its output, and never an input (as any other).
  const present = (f: string): boolean => {
    const [at, end] = fileRange(files, f);
    return at < end && !generated(at);
  };
  const rootFiles = ROOT_FILES.filter(present);
  const dirsByTask = new Map<string, string[]>();
  const reported = new Set<string>();
  for (const inst of instances) {
    const dirs = dirsByTask.get(inst.task);
    if (dirs === undefined) dirsByTask.set(inst.task, [inst.dir]);
    else dirs.push(inst.dir);
    let entry = globsByTask.get(inst.task);
    if (!globsByTask.has(inst.task)) {
      entry = taskGlobs(inst, add);
      globsByTask.set(inst.task, entry);
    }
    if (!entry) continue;
    outputsNamed(inst, entry, files, generated, add, reported);
    const rootExcluded = entry.rooted?.glob.excludes ? entry.rooted.glob.excluded : undefined;
    // A package's own `.npmrc` is read too when the package manager runs there.
    const own = inst.pkg && inst.dir !== '' && present(`${inst.dir}/.npmrc`) ? [`${inst.dir}/.npmrc`] : [];
    const chosen = choose(
      inst,
      files,
      generated,
      entry.local.glob,
      entry.local.used,
      [...rootFiles, ...own],
      rootExcluded,
    );
    if (entry.rooted !== undefined) addRooted(chosen, files, generated, entry.rooted);
    out.set(inst, chosen);
  }
  for (const [task, entry] of globsByTask) {
    for (const list of entry === undefined ? [] : [entry.local, entry.rooted]) {
      if (list === undefined || list.glob.everything) continue;
      list.glob.positiveIndex.forEach((i, k) => {
        if (list.used[k]) return;
        const cwd = entry!.cwd;
        const where =
          entry!.script !== undefined
            ? ` in any package with the script ${JSON.stringify(entry!.script)}`
            : cwd !== undefined && cwd !== '.' && list === entry!.local
              ? ` (inputs are relative to the directory of disbuild.json, not to the task's cwd ${JSON.stringify(cwd)})`
              : '';
        // A path, not a glob: where it would be, for the caller to say when a file is there that git ignores.
        const pattern = list.patterns[i]!;
        const path = isLiteral(pattern) ? unescapeGlob(pattern) : undefined;
        const dirs = list === entry!.rooted ? [''] : (dirsByTask.get(task) ?? []);
        // A directory's name, as outputs may be written: its files are what was meant.
        const isDir =
          path !== undefined &&
          dirs.some((d) => {
            const [at, end] = filesUnder(files, d === '' ? path : `${d}/${path}`);
            return at < end;
          });
        const raw = entry!.raw[list.index[i]!]!;
        add(
          task,
          `inputs[${list.index[i]!}]`,
          `${JSON.stringify(raw)} matches no file${where}${isDir ? `; it is a directory: ${JSON.stringify(`${raw.replace(/\/+$/, '')}/**`)} takes its files` : ''}`,
          {
            matchesNothing: true,
            ...(path === undefined ? {} : { unlisted: dirs.map((d) => (d === '' ? path : `${d}/${path}`)) }),
          },
        );
      });
    }
  }
  return out;
}

/** A task's input globs compiled, with which of them matched a file so far and where each was declared. */
interface InputGlobs {
  glob: GlobList;
  /** The compiled patterns, normalised (`!` kept). */
  patterns: readonly string[];
  used: boolean[];
  /** A compiled pattern's index in the task's `inputs`, by its index in the compiled list. */
  index: number[];
}

/**
 * `local`: relative to the task's directory; `rooted`: the patterns that begin with `//`, relative to the
 * repository's root (`//tsconfig.base.json`), as Bazel writes the root; none when there are none. A `!//…`
 * exclusion takes its files away from both.
 */
interface TaskGlobs {
  local: InputGlobs;
  rooted?: InputGlobs;
  /** The task's `inputs` as written. */
  raw: readonly string[];
  /** The script the task runs in every package that has it; undefined for a command run in its directory. */
  script: string | undefined;
  /** A command's `cwd` as written, which its input globs are not relative to. */
  cwd?: string;
}

function taskGlobs(inst: TaskInstance, add: Add): TaskGlobs | undefined {
  const raw = inst.spec.inputs ?? ['**'];
  const local: string[] = [];
  const localIndex: number[] = [];
  const rooted: string[] = [];
  const rootedIndex: number[] = [];
  let bad = false;
  raw.forEach((p, i) => {
    const negated = p.startsWith('!');
    const body = negated ? p.slice(1) : p;
    const atRoot = body.startsWith('//');
    const n = normalizePattern(atRoot ? body.slice(2) : body);
    if (!n.ok) {
      const error =
        atRoot && n.error !== 'is empty'
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
    } else {
      local.push(pattern);
      localIndex.push(i);
    }
  });
  if (bad) return undefined;
  const compile = (patterns: string[], index: number[]): InputGlobs => {
    const glob = compileGlobs(patterns);
    return { glob, patterns, used: glob.positives.map(() => false), index };
  };
  const globs: TaskGlobs = {
    local: compile(local, localIndex),
    raw,
    script: inst.spec.script,
    ...(inst.spec.cwd === undefined ? {} : { cwd: inst.spec.cwd }),
  };
  if (rooted.length > 0) globs.rooted = compile(rooted, rootedIndex);
  // `[]` says the task reads no file; exclusions alone say nothing that could be meant.
  if (raw.length > 0 && globs.local.glob.positives.length === 0 && !globs.rooted?.glob.positives.length) {
    add(inst.task, 'inputs', 'has only exclusions ("!"): add what to include');
  }
  return globs;
}

/** Adds to `chosen` (sorted, kept so) the repository's files that the task's `//` patterns choose. */
function addRooted(
  chosen: string[],
  files: readonly string[],
  generated: GeneratedFiles,
  { glob, used }: InputGlobs,
): void {
  const have = new Set(chosen);
  const before = chosen.length;
  for (const [lo, hi] of scanRanges(files, '', glob)) {
    for (let i = lo; i < hi; i++) {
      const path = files[i]!;
      let hit = glob.everything;
      for (let k = 0; k < glob.positives.length; k++) {
        if ((hit && used[k]) || !glob.positives[k]!(path)) continue;
        hit = true;
        used[k] = true;
      }
      if (hit && !glob.excluded(path) && !generated(i) && !have.has(path)) chosen.push(path);
    }
  }
  if (chosen.length > before) chosen.sort();
}

/**
 * Says so when an input named by its path, not a glob, is a file some task's `outputs` match: as an output it is
 * never an input, and, not tracked, it is that task's, removed before it runs. Dropped from the inputs in silence,
 * a file the user keeps there (`gen/config.json`) was deleted by the other task's run. Once per task and input.
 */
function outputsNamed(
  inst: TaskInstance,
  entry: TaskGlobs,
  files: readonly string[],
  generated: GeneratedFiles,
  add: Add,
  reported: Set<string>,
): void {
  for (const list of [entry.local, entry.rooted]) {
    if (list === undefined) continue;
    list.glob.positiveIndex.forEach((i) => {
      const pattern = list.patterns[i]!;
      if (!isLiteral(pattern)) return;
      const dir = list === entry.rooted ? '' : inst.dir;
      const path = dir === '' ? unescapeGlob(pattern) : `${dir}/${unescapeGlob(pattern)}`;
      const [at, end] = fileRange(files, path);
      const field = `inputs[${list.index[i]!}]`;
      if (at === end || !generated(at) || reported.has(`${inst.task}\0${field}`)) return;
      reported.add(`${inst.task}\0${field}`);
      add(
        inst.task,
        field,
        `${JSON.stringify(path)} is matched by a task's outputs: an output is never an input, and a file there that git does not track is that task's, removed before it runs (read it through deps, or keep it out of those outputs with "!")`,
      );
    });
  }
}

function choose(
  inst: TaskInstance,
  files: readonly string[],
  generated: GeneratedFiles,
  glob: GlobList,
  used: boolean[],
  /** What the package manager reads beside the package's manifest (see ROOT_FILES). */
  managerFiles: readonly string[],
  /** `!//…` patterns: they exclude from every glob's files, by their path from the root. */
  rootExcluded?: (path: string) => boolean,
): string[] {
  const cut = inst.dir === '' ? 0 : inst.dir.length + 1;
  const chosen: string[] = [];
  for (const [lo, hi] of scanRanges(files, inst.dir, glob)) {
    for (let i = lo; i < hi; i++) {
      const path = files[i]!;
      // `**` alone: no path to cut, no glob to try.
      if (glob.everything && !glob.excludes) {
        if (!generated(i) && rootExcluded?.(path) !== true) chosen.push(path);
        continue;
      }
      const rel = cut === 0 ? path : path.slice(cut);
      let hit = glob.everything;
      if (!hit) {
        // Every glob is tried until it has matched once, so that "matches no file" is only said when true.
        for (let k = 0; k < glob.positives.length; k++) {
          if ((hit && used[k]) || !glob.positives[k]!(rel)) continue;
          hit = true;
          used[k] = true;
        }
      }
      if (hit && !glob.excluded(rel) && rootExcluded?.(path) !== true && !generated(i)) chosen.push(path);
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
export function scanRanges(
  files: readonly string[],
  dir: string,
  glob: Pick<GlobList, 'within'>,
  under: [number, number] = filesUnder(files, dir),
): [number, number][] {
  if (glob.within === undefined) return [under];
  const [lo, hi] = under;
  const at = (p: string): string => (dir === '' ? p : `${dir}/${p}`);
  const ranges = glob.within
    .map((w) => ('dir' in w ? filesUnder(files, at(w.dir), lo, hi) : fileRange(files, at(w.path), lo, hi)))
    .filter(([a, b]) => a < b)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** Where any of several glob lists can match (see GlobList.within). */
function withinAny(globs: Iterable<GlobList>): Pick<GlobList, 'within'> {
  let within: GlobList['within'] = [];
  for (const g of globs) within = g.within && within?.concat(g.within);
  return { within };
}
