import { spawnSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { Graph } from '../graph/model.js';
import { validateGraph } from '../graph/validate.js';
import {
  readValidatedGraph,
  validatedGraphKey,
  writeValidatedGraph,
} from '../graph/validated-graph-cache.js';
import { NAMES_AS_ON_DISK } from '../ids/names-as-on-disk.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import type { GoGraph } from './compile.js';
import type { ConfigProblem, DisbuildConfig, TaskSpec } from './config-file.js';
import { CONFIG_FILE, readConfigFile } from './config-file.js';
import {
  configDigest,
  envNames,
  fileListDigest,
  type KeptVouch,
  readFiles,
  type ReadFiles,
  readKeptGraph,
  writeCompiledGraph,
} from './compiled-graph-cache.js';
import {
  indexLinksOf,
  linksAsListed,
  listedByGitAlone,
  listRepoFiles,
  typeChangedOf,
  untrackedOf,
  withoutDirectories,
} from './repo-files.js';
import type { ManifestTexts } from './workspace-prefetch.js';

/** Where the graph comes from, as disbuild.json says. */
export type ConfigSource =
  | { kind: 'file'; path: string; salt?: string }
  | { kind: 'command'; command: string; salt?: string }
  | { kind: 'tasks'; config: DisbuildConfig & { tasks: ReadonlyMap<string, TaskSpec> }; salt?: string };

/** The graph source of `<dir>/disbuild.json`; undefined when there is no such file. */
export async function readConfigSource(
  dir: string,
): Promise<Result<ConfigSource, ConfigProblem[]> | undefined> {
  const read = await readConfigFile(dir);
  return read === undefined ? undefined : configSourceOf(read);
}

/** The graph source a read disbuild.json names (from a file, or from a commit: see the hook). */
export function configSourceOf(
  read: Result<DisbuildConfig, ConfigProblem[]>,
): Result<ConfigSource, ConfigProblem[]> {
  if (!read.ok) return read;
  const c = read.value;
  const salt = c.salt === undefined ? {} : { salt: c.salt };
  if (c.graph !== undefined) return ok({ kind: 'file', path: c.graph, ...salt });
  if (c.graphCommand !== undefined) return ok({ kind: 'command', command: c.graphCommand, ...salt });
  if (c.tasks !== undefined) return ok({ kind: 'tasks', config: { ...c, tasks: c.tasks }, ...salt });
  return err([
    {
      file: CONFIG_FILE,
      message:
        'needs "tasks" (see the README), "graph" (a path) or "graphCommand" (a command printing the graph)',
    },
  ]);
}

/** What a caller may lend the compile: the repository's files listed already, and where compiled graphs are kept. */
export interface CompileShortcuts {
  /** The repository's files as listRepoFiles lists them (see startRepoFiles); undefined: list them here. */
  files?: Promise<readonly string[] | undefined>;
  /** The file keeping the last compiled graph (see compiled-graph-cache.ts); absent: compile every time. */
  cacheFile?: string;
  /** The clock that stat data kept with the compiled graph is dated by (see SETTLED_MS); Date.now by default. */
  now?: () => number;
  /**
   * Where the validation of the kept graph is kept in turn (see validated-graph-cache.ts): an unchanged kept graph
   * is then not validated again each run. Absent: it is.
   */
  validatedFile?: string;
}

/**
 * Compiles the tasks of disbuild.json at `root` into a validated Graph, and the graph JSON `disbuild graph`
 * prints. Environment variables named by tasks' `env` are read from `env`. `cached` says whether the compile was
 * skipped because nothing it reads changed since the graph in `shortcuts.cacheFile` was compiled; `vouch`, what
 * said so when stat data alone did.
 */
export async function compileConfig(
  root: string,
  config: DisbuildConfig & { tasks: ReadonlyMap<string, TaskSpec> },
  env: NodeJS.ProcessEnv,
  shortcuts: CompileShortcuts = {},
): Promise<Result<{ graph: Graph; json: GoGraph; cached: boolean; vouch?: KeptVouch }, ConfigProblem[]>> {
  const shape = config.shapeProblems ?? [];
  // A config with problems compiles only to report its own: nothing kept is read or written.
  const { cacheFile, now, validatedFile } = shape.length > 0 ? {} : shortcuts;
  const configKey = cacheFile === undefined ? undefined : configDigest(config, env);
  // While git lists the files: the kept graph read, the files it was compiled from checked by their stat data,
  // and the graph validated like any graph. Only the file list is left to compare when the listing arrives.
  const listing = shortcuts.files
    ? shortcuts.files.then((f) => f ?? listRepoFiles(root))
    : listRepoFiles(root);
  const kept = cacheFile && configKey ? readKeptGraph(cacheFile, configKey, root) : undefined;
  const reusable = kept && (await validatedKept(kept.text, validatedFile));
  // Nothing kept to reuse: the compiler's modules are loaded while git lists, and without a cache the workspace's
  // manifests read (with one, their bytes must be hashed before the compile reads them: see below).
  let compiler =
    cacheFile !== undefined && kept && reusable ? undefined : loadCompiler(root, cacheFile === undefined);
  const files = await listing;
  const untracked = untrackedOf(files);
  const listKey =
    cacheFile === undefined ? undefined : fileListDigest(files, untracked, typeChangedOf(files));
  let reads: ReadFiles | undefined;
  if (
    cacheFile !== undefined &&
    kept &&
    reusable &&
    kept.header.files === listKey &&
    linksAsListed(root, kept.header.links, indexLinksOf(files), untracked)
  ) {
    // What vouched for the graph by stat data, when every file read has settled stat data that do and the file
    // list is a function of git's answers alone.
    const vouch = (stats: Record<string, string>): { vouch?: KeptVouch } =>
      listedByGitAlone(files)
        ? {
            vouch: {
              stats,
              links: kept.header.links,
              indexLinks: indexLinksOf(files),
              untracked: untracked && [...untracked],
              env: envNames(config),
            },
          }
        : {};
    if (kept.readsUnchanged) return ok({ ...reusable, ...vouch(kept.header.stats) });
    // Stat data changed or was too recent to vouch: the bytes say.
    reads = readFiles(root, files, now);
    if (reads.digest === kept.header.reads) {
      // Kept with the stat data of now (a checkout rewrote the files, they settled), so that the next run need
      // not read them.
      if (!sameStats(reads.stats, kept.header.stats)) {
        writeCompiledGraph(cacheFile, { ...kept.header, stats: reads.stats }, kept.text);
      }
      return ok(
        Object.keys(reads.stats).length === reads.count ? { ...reusable, ...vouch(reads.stats) } : reusable,
      );
    }
  }
  // Hashed before the compile reads them: a file changed in between leaves a record that never matches. The
  // compile then reads the very bytes hashed.
  if (cacheFile !== undefined) reads ??= readFiles(root, files, now);
  // Before the compile, as the bytes: a link retargeted meanwhile leaves a record that never matches.
  const listed = withoutDirectories(root, files, untracked);
  const loaded = await (compiler ??= loadCompiler(root, false));
  const compiled = await compileListed(
    { root, files: listed.files, untracked, manifests: reads?.texts ?? loaded.manifests },
    config,
    env,
    loaded,
  );
  if (!compiled.ok) return compiled;
  if (cacheFile !== undefined && configKey !== undefined && listKey !== undefined && reads !== undefined) {
    const header = {
      config: configKey,
      files: listKey,
      reads: reads.digest,
      readCount: reads.count,
      stats: reads.stats,
      links: listed.links,
    };
    writeCompiledGraph(cacheFile, header, JSON.stringify(compiled.value.json));
  }
  return ok({ ...compiled.value, cached: false });
}

/**
 * What a compile reads: the repository's files (directories left out) and the texts of its workspace manifests.
 * `root` undefined: there is no work tree (a commit's objects, see compile-at-commit.ts), and `manifests` holds
 * every manifest the listing has.
 */
export interface CompileInput {
  root: string | undefined;
  files: readonly string[];
  /** Those of `files` git does not track (only those can be outputs); undefined: any can. */
  untracked: ReadonlySet<string> | undefined;
  manifests: ManifestTexts;
}

/** Compiles the tasks of `config` over `input` into a validated Graph and its JSON. */
export async function compileListed(
  input: CompileInput,
  config: DisbuildConfig & { tasks: ReadonlyMap<string, TaskSpec> },
  env: NodeJS.ProcessEnv,
  loaded?: Pick<Compiler, 'compileTasks' | 'readWorkspace'>,
): Promise<Result<{ graph: Graph; json: GoGraph }, ConfigProblem[]>> {
  const { root, files, untracked } = input;
  const compiler = loaded ?? (await loadCompiler('', false));
  const problems: ConfigProblem[] = [];
  const workspace = await compiler.readWorkspace(root, files, problems, input.manifests);
  const compiled = compiler.compileTasks({
    config,
    workspace,
    files,
    env,
    ...(untracked ? { untracked } : {}),
  });
  problems.push(...compiled.problems.map((p) => (root === undefined ? p : withIgnoredFile(root, p))));
  const shape = config.shapeProblems ?? [];
  if (shape.length > 0 || problems.length > 0) return err([...shape, ...problems]);
  // The validator empties the list it reads: it gets a copy, the JSON stays whole for printing. The inputs are
  // the listing's strings, shared already.
  const validated = validateGraph(
    { ...compiled.graph, Jobs: [...compiled.graph.Jobs] },
    { internInputs: false },
  );
  if (!validated.ok) {
    const taskOf = new Map(compiled.graph.Jobs.map((j) => [j.Name, j.Name.replace(/^.*#/, '')]));
    return err(
      validated.error.map((p) => ({
        file: CONFIG_FILE,
        ...(p.job === undefined ? {} : { task: taskOf.get(p.job) ?? p.job }),
        field: p.field?.startsWith('Cmds') ? 'command' : (p.field ?? 'tasks'),
        message: p.message,
      })),
    );
  }
  return ok({ graph: validated.value, json: compiled.graph });
}

/**
 * The compiler's modules, loaded only when there is something to compile, and the workspace manifests it will
 * probably read (see workspace-prefetch.ts).
 */
interface Compiler {
  compileTasks: typeof import('./compile.js').compileTasks;
  readWorkspace: typeof import('./workspaces.js').readWorkspace;
  manifests: ManifestTexts;
}

async function loadCompiler(root: string, readAhead: boolean): Promise<Compiler> {
  const [{ compileTasks }, { readWorkspace }, { prefetchManifests }] = await Promise.all([
    import('./compile.js'),
    import('./workspaces.js'),
    import('./workspace-prefetch.js'),
  ]);
  return { compileTasks, readWorkspace, manifests: readAhead ? prefetchManifests(root) : new Map() };
}

/**
 * A kept graph's JSON, validated, or undefined when it no longer validates (it is then compiled afresh, and its
 * problems reported). With `validatedFile`, a validation of the same text made by an earlier run is taken from
 * there, and the JSON is parsed only if a caller asks for it. Each step first lets the event loop take in what git
 * has written meanwhile.
 */
async function validatedKept(
  text: string,
  validatedFile: string | undefined,
): Promise<{ graph: Graph; readonly json: GoGraph; cached: true } | undefined> {
  await new Promise(setImmediate);
  const slot =
    validatedFile === undefined ? undefined : { file: validatedFile, key: validatedGraphKey(text) };
  const earlier = slot && readValidatedGraph(slot.file, slot.key);
  if (earlier !== undefined) {
    let json: GoGraph | undefined;
    return {
      graph: earlier.graph,
      get json() {
        return (json ??= JSON.parse(text) as GoGraph);
      },
      cached: true,
    };
  }
  let json: GoGraph;
  try {
    json = JSON.parse(text) as GoGraph;
  } catch {
    return undefined;
  }
  if (!Array.isArray(json.Jobs)) return undefined;
  await new Promise(setImmediate);
  // The validator empties the list it reads: it gets a copy, the JSON stays whole for printing.
  const validated = validateGraph({ ...json, Jobs: [...json.Jobs] });
  if (!validated.ok) return undefined;
  if (slot) writeValidatedGraph(slot.file, slot.key, validated.value);
  return { graph: validated.value, json, cached: true };
}

function sameStats(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * An input path that matches no file because git ignores the file there (`.env.local`) says so: "matches no
 * file" sent users looking for a file they could see.
 */
function withIgnoredFile(root: string, p: ConfigProblem): ConfigProblem {
  // Asked of git, for a file that is there: one beyond a link, in a submodule or under .git is not "ignored".
  const there = p.unlisted?.find((rel) => {
    const st = lstatSync(join(root, rel), { throwIfNoEntry: false });
    if (st === undefined || !(st.isFile() || st.isSymbolicLink())) return false;
    return (
      spawnSync('git', [...NAMES_AS_ON_DISK, 'check-ignore', '-q', '--', rel], { cwd: root, stdio: 'ignore' })
        .status === 0
    );
  });
  if (there === undefined) return p;
  return {
    ...p,
    message: `${p.message}: ${JSON.stringify(there)} is there, but git ignores it (inputs are the files git tracks, and those it would add)`,
  };
}
