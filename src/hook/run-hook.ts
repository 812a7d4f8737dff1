import { exec } from 'node:child_process';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { simpleGit } from 'simple-git';
import type { Cache } from '../cache/cache.js';
import { baseEnvironment } from '../run-env/base-environment.js';
import type { CliIo } from '../run-env/io.js';
import { openLocalState } from '../run-env/local-state.js';
import { withRemote } from '../run-env/remote-cache.js';
import { SharedCoordinator } from '../coordinator/shared-coordinator.js';
import { openOnFirstClaim } from '../coordinator/lazy-coordinator.js';
import { runGraph, safeName } from '../engine.js';
import type { Graph, JobLabel } from '../graph/model.js';
import { formatProblem } from '../graph/model.js';
import { parseGraphText } from '../graph/parse.js';
import { lexicalPath } from '../graph/input-spelling.js';
import { keyGraphAtCommit } from '../ids/job-key.js';
import { ConsoleReporter } from '../report/console-reporter.js';
import { exitCodeToSay } from '../report/exit-code.js';
import type { JobOutcome } from '../report/events.js';
import { compileAtCommit, SharedAnswers } from '../config/compile-at-commit.js';
import { CONFIG_FILE, formatConfigProblem } from '../config/config-file.js';
import { isReadByCompile } from '../config/compiled-graph-cache.js';
import { loadConfigGraph } from '../config/config-graph.js';
import { type GraphSource, type HookConfig, readHookConfig } from './config.js';
import { isDeletion, isNewBranch, parsePushInput, type PushedRef } from './parse-push-input.js';
import { readDisbuildSettings } from './git-settings.js';
import { readHookRemote } from './remote-config.js';
import { remoteName } from './remote-name.js';
import { hookSourceDir } from './source-dir.js';
import { Worktrees } from './worktree.js';
import { type GraphOutputs, linkWorkspacePackages } from './worktree-modules.js';
import { watchPusher } from './pusher-watch.js';
import { printable } from '../util/printable.js';

const sh = promisify(exec);

/**
 * `disbuild hook run pre-push <remote> <url>`: builds what is being pushed, from the pushed commits' trees.
 * A job runs when its key differs from the key at the remote's commit and the local cache lacks it; it runs in
 * a temporary worktree of the pushed commit. Quiet when nothing needs to run; a failure blocks the push.
 */
export async function runPrePush(
  remote: string,
  io: CliIo,
  opts: { verbose?: boolean } = {},
): Promise<number> {
  if (io.env.DISBUILD_SKIP === '1') return 0;
  const { refs, errors } = parsePushInput(await readAll(io.stdin));
  for (const e of errors) io.stderr.write(`disbuild: ${e}\n`);
  // Refs pushing one commit share its build, but each has its own base: a job runs when its key differs from
  // its key at any of them. An annotated tag pushes its commit; a tag of a tree or a blob pushes nothing to build.
  const bySha = new Map<string, PushedRef[]>();
  for (const r of refs) {
    if (isDeletion(r)) continue;
    const commit = await peelToCommit(io.cwd, r.localSha);
    if (commit !== undefined) bySha.set(commit, [...(bySha.get(commit) ?? []), r]);
  }
  if (bySha.size === 0) return errors.length > 0 ? 1 : 0;
  const repoDir = await ownRepository(io.cwd);
  if (typeof repoDir !== 'string') {
    io.stderr.write(`disbuild: ${repoDir.skip}; this push is not checked\n`);
    return errors.length > 0 ? 1 : 0;
  }
  const state = openLocalState(undefined, io);
  const warn = (m: string): boolean => io.stderr.write(`disbuild: warning: ${m}\n`);
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
  if (!shared.ok) warn(`${shared.error}; not using a remote cache`);
  const cache = withRemote(await state.openCache(warn), shared.ok ? shared.value : undefined, state, warn);
  const worktrees = await Worktrees.open(repoDir, warn, {
    keep: settings.get('disbuild.keepworktree') !== 'false',
  });
  const live = new Set<string>();
  const controller = new AbortController();
  // The lookups of a commit's keys come before its build: a stopped push waits for no server there either.
  controller.signal.addEventListener('abort', () => cache.interrupt?.(), { once: true });
  const onSignal = (): void => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const unwatch = watchPusher(() => {
    io.stderr.write('disbuild: the push was stopped; stopping its build\n');
    controller.abort();
  });
  const failures: { sha: string; outcome: JobOutcome }[] = [];
  // Commits whose build cannot be made: said as they are met, and the push refused once every commit was tried.
  let unbuildable = 0;
  const said = new Set<string>();
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
        if (!said.has(config.error)) io.stderr.write(`${config.error}\n`);
        said.add(config.error);
        continue;
      }
      // `-v` on the command, or DISBUILD_VERBOSE=1 where git starts the hook: says which salt the keys use.
      if (opts.verbose || io.env.DISBUILD_VERBOSE === '1')
        io.stderr.write(`disbuild: key salt ${JSON.stringify(config.value.salt)} (${sha.slice(0, 12)})\n`);
      const bases = new Set<string | undefined>();
      for (const ref of shaRefs)
        bases.add(await baseCommit(repoDir, remoteRefs, ref.remoteSha, isNewBranch(ref), sha));
      const plan = await planCommit(
        { repoDir, dir: dir.value, settings },
        sha,
        [...bases],
        config.value,
        cache,
        worktrees,
        live,
      );
      if ('problem' in plan) {
        io.stderr.write(`${plan.problem}\n${blocked(sha)}`);
        unbuildable++;
        continue;
      }
      if (controller.signal.aborted) {
        if (plan.worktree) await worktrees.remove(plan.worktree);
        return 130;
      }
      if (plan.toRun.length === 0 || plan.graph === undefined) {
        if (plan.changed > 0) io.stderr.write(`disbuild: ${plan.changed} changed jobs, all cached\n`);
        if (plan.worktree) await worktrees.remove(plan.worktree);
        continue;
      }
      const wt = plan.worktree ?? (await worktrees.add(sha));
      live.add(wt);
      try {
        const source = join(wt, dir.value);
        await linkWorkspacePackages(join(repoDir, dir.value), source, await graphOutputs(plan.graph));
        const failed = await buildInWorktree(
          plan.graph,
          plan.toRun,
          source,
          sha,
          config.value.salt,
          cache,
          shared.ok && shared.value !== undefined,
          state,
          io,
          controller.signal,
        );
        for (const outcome of failed) failures.push({ sha, outcome });
      } finally {
        await worktrees.remove(wt);
        live.delete(wt);
      }
      if (controller.signal.aborted) return 130;
    }
  } finally {
    for (const wt of live) await worktrees.remove(wt);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    unwatch();
  }
  if (failures.length > 0) await reportFailures(failures, bySha.size > 1, state.dir, io);
  // A line that could not be read is a ref not checked: the push is refused, whatever the others did.
  return failures.length > 0 || unbuildable > 0 || errors.length > 0 ? 1 : 0;
}

/** The commit `sha` (a commit, or a tag of one) names; undefined for a tag of a tree or a blob. */
async function peelToCommit(repoDir: string, sha: string): Promise<string | undefined> {
  return simpleGit(repoDir)
    .raw(['rev-parse', '--verify', '--quiet', `${sha}^{commit}`])
    .then(
      (s) => s.trim() || undefined,
      () => undefined,
    );
}

/**
 * The work tree the push is made from, with this process's environment made fit for git commands in worktrees of
 * the pushed commits: `git --git-dir=… --work-tree=… push` hands its git directory, work tree and index down to
 * the hook, and every git command in a worktree would then read the user's files instead of the commit's; and a
 * new worktree takes over the patterns of a sparse checkout, while a commit is built whole. Answers why not when
 * the push comes from a bare repository, or from one whose git directory is not found from its work tree (a
 * dotfiles layout): there is no checkout to build from.
 */
async function ownRepository(cwd: string): Promise<string | { skip: string }> {
  const toplevel = (dir: string): Promise<string> =>
    simpleGit(dir)
      .raw(['rev-parse', '--show-toplevel'])
      .then(
        (s) => s.trim(),
        () => '',
      );
  const absolute = async (dir: string): Promise<string> =>
    realpath((await simpleGit(dir).raw(['rev-parse', '--absolute-git-dir'])).trim()).catch(() => '');
  const handed = process.env.GIT_DIR;
  const named = handed !== undefined || process.env.GIT_WORK_TREE !== undefined;
  const given = await toplevel(cwd);
  // git runs a bare repository's hooks with GIT_DIR=.: no one named a directory, and there is no work tree. Asked
  // only then: the common push finds its work tree with no process more.
  if (named || given === '') {
    const bare = await simpleGit(cwd)
      .raw(['rev-parse', '--is-bare-repository'])
      .then(
        (s) => s.trim() === 'true',
        () => false,
      );
    if (bare) return { skip: 'the pre-push hook builds from a work tree, and a bare repository has none' };
  }
  const gitDir = named || given === '' ? await absolute(cwd).catch(() => '') : '';
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR'])
    delete process.env[name];
  // The common push: no directory named, a work tree found from where git runs the hook.
  if (!named && given !== '') return fitForWorktrees(given);
  // Under GIT_DIR or GIT_WORK_TREE (or run inside the git directory) the top git names is the current directory, the
  // one named, or none: the work tree is the one the git directory itself leads to (a checkout's `.git` sits at its
  // top; a linked worktree's git directory names its `.git` file in `gitdir`), asked without them.
  const linked = await readFile(join(gitDir, 'gitdir'), 'utf8').then(
    (t) => dirname(t.trim()),
    () => undefined,
  );
  const top = gitDir === '' ? '' : await toplevel(linked ?? dirname(gitDir));
  if (top === '' || (await absolute(top).catch(() => '')) !== gitDir) {
    return {
      skip:
        handed === undefined
          ? 'the pre-push hook builds from a work tree, and this repository has none'
          : `the pre-push hook needs the git directory found from the work tree, not GIT_DIR=${handed}`,
    };
  }
  return fitForWorktrees(top);
}

/** `top`, once every git command started from here builds a commit whole, whatever a sparse checkout says. */
function fitForWorktrees(top: string): string {
  // After any `git -c` of the push (GIT_CONFIG_PARAMETERS): the last setting of a key wins.
  const params = process.env.GIT_CONFIG_PARAMETERS;
  process.env.GIT_CONFIG_PARAMETERS = `${params ? `${params} ` : ''}'core.sparseCheckout=false'`;
  return top;
}

function blocked(sha: string): string {
  return `disbuild: push blocked: the build graph of ${sha.slice(0, 10)} cannot be made; fix it, or push with --no-verify\n`;
}

/** `graph` is absent when no job can have changed (then `toRun` is empty). */
type Plan = { problem: string } | { graph?: Graph; toRun: JobLabel[]; changed: number; worktree?: string };

/** The repository pushing: its top, the directory the hook builds in (see source-dir.ts), git's settings. */
interface Repo {
  repoDir: string;
  dir: string;
  settings: ReadonlyMap<string, string>;
}

/** A commit's graph; `json` when it is tasks compiled from the commit's objects (see compile-at-commit.ts). */
interface Made {
  graph: Graph;
  json?: string;
}

/** A commit's tasks compiled from its objects, with the salt its configuration gives; undefined when they are not. */
type FromObjects = { made: Made; salt: string } | undefined;

/**
 * What to build of `sha`: the jobs whose key differs from their key at any of `bases` (the remote's commits of
 * the refs that push it; undefined where there is none, so every job counts as changed) and that the cache
 * lacks. Graph files, graph commands and disbuild.json tasks are compared alike; a command runs in a worktree of
 * each commit, tasks are compiled from a commit's objects when they can be (else in a worktree of it).
 */
async function planCommit(
  repo: Repo,
  sha: string,
  bases: (string | undefined)[],
  config: HookConfig,
  cache: Cache,
  worktrees: Worktrees,
  live: Set<string>,
): Promise<Plan> {
  const { repoDir, dir } = repo;
  const source = config.graph;
  // A graph command may read any file, so it runs in a worktree of the pushed commit; a graph file is read
  // straight from the commit, and tasks are compiled from it when they can be (see compile-at-commit.ts): no
  // worktree is made unless something has to run.
  let worktree: string | undefined;
  const checkout = async (): Promise<string> => {
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
  const unchanged = (diffed: (Diff | undefined)[]): boolean =>
    diffed.every((d) => d !== undefined && d.paths.length === 0);
  // A graph file's or tasks' push is judged by its paths first (below): the graph, and for a graph file whether
  // the tree holds links or submodules, are made while git diffs. Tasks that need a checkout wait for the diff:
  // an unchanged tree needs none.
  const early =
    source.kind === 'command'
      ? undefined
      : {
          made: graphAt(
            repo,
            sha,
            source,
            async () => {
              if (unchanged(await diffs)) throw new Error('the tree is unchanged');
              return checkout();
            },
            shared,
          ),
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
  const atBases: Promise<FromObjects>[] =
    source.kind === 'tasks'
      ? bases.map((b, i) =>
          b === undefined
            ? Promise.resolve(undefined)
            : compilesAlike(diffed[i]!, dir)
              ? madeHere.then((m) =>
                  // Only a compile from objects: one in a checkout reads through links (a manifest that
                  // links to a file of another name) and into submodules.
                  typeof m === 'string' || m.json === undefined ? undefined : { made: m, salt: config.salt },
                )
              : tasksFromObjects(repo, b, shared).catch(() => undefined),
        )
      : [];
  const made = await madeHere;
  const keep = worktree ? { worktree } : {};
  // A refused push leaves nothing running: the remote's compiles (git processes, a temporary index) end first.
  if (typeof made === 'string') return Promise.all(atBases).then(() => ({ problem: made }));
  const graph = made.graph;
  if (
    source.kind === 'file' &&
    changedPaths.every((p) => p !== undefined && !touchesGraph(p, source.path, graph, dir)) &&
    !(await early!.links!)
  )
    return { toRun: [], changed: 0, ...keep };
  // Tasks compiled from the objects of the pushed commit and of every remote commit, to the same graph with the
  // same salt (so neither holds a link or a submodule): a push that changes no input nor attributes file leaves
  // every input's bytes, and so every key, as they were.
  if (
    source.kind === 'tasks' &&
    made.json !== undefined &&
    changedPaths.every((p) => p !== undefined && !touchesInputs(p, graph, dir))
  ) {
    const before = await Promise.all(atBases);
    if (before.every((b) => b !== undefined && b.made.json === made.json && b.salt === config.salt))
      return { toRun: [], changed: 0, ...keep };
  }
  const keys = await keyGraphAtCommit(graph, join(repoDir, dir), sha, config.salt);
  if (!keys.ok) {
    await Promise.all(atBases);
    return { problem: keys.error.map((p) => `disbuild: ${formatProblem(p)}`).join('\n') };
  }
  const before = await Promise.all(
    bases.map((b, i) => (b === undefined ? new Set<string>() : keysAt(repo, b, worktrees, live, atBases[i]))),
  );
  const changed = graph.jobs.filter((j) =>
    before.some((keysAtBase) => !keysAtBase.has(keys.value.get(j.label)!)),
  );
  const hits = await cache.lookup(changed.map((j) => keys.value.get(j.label)!));
  const toRun = changed.filter((j) => !hits.has(keys.value.get(j.label)!)).map((j) => j.label);
  return { graph, toRun, changed: changed.length, ...keep };
}

/** The tasks of commit `sha` compiled from its objects, when its configuration has tasks and they can be. */
async function tasksFromObjects(repo: Repo, sha: string, shared: SharedAnswers): Promise<FromObjects> {
  const config = await readHookConfig(repo.repoDir, sha, repo.settings, repo.dir);
  if (!config.ok || config.value.graph.kind !== 'tasks') return undefined;
  const r = await compileAtCommit(
    repo.repoDir,
    sha,
    config.value.graph.config,
    process.env,
    shared,
    repo.dir,
  );
  if ('needsCheckout' in r || !r.ok) return undefined;
  return { made: { graph: r.value.graph, json: JSON.stringify(r.value.json) }, salt: config.value.salt };
}

/**
 * The keys of commit `base`'s jobs, each from its own configuration (graph and salt), as the remote's side of
 * the comparison; none when that commit has no valid graph (then every job of the pushed one counts as changed).
 * `fromObjects`: its tasks compiled already, when they could be.
 */
async function keysAt(
  repo: Repo,
  base: string,
  worktrees: Worktrees,
  live: Set<string>,
  fromObjects?: Promise<FromObjects>,
): Promise<Set<string>> {
  const sourceDir = join(repo.repoDir, repo.dir);
  const compiled = await fromObjects;
  if (compiled !== undefined) {
    const keys = await keyGraphAtCommit(compiled.made.graph, sourceDir, base, compiled.salt);
    return keys.ok ? new Set(keys.value.values()) : new Set();
  }
  const config = await readHookConfig(repo.repoDir, base, repo.settings, repo.dir);
  if (!config.ok) return new Set();
  let worktree: string | undefined;
  const checkout = async (): Promise<string> => {
    if (worktree === undefined) {
      worktree = await worktrees.add(base);
      live.add(worktree);
    }
    return worktree;
  };
  try {
    const made = await graphAt(repo, base, config.value.graph, checkout);
    if (typeof made === 'string') return new Set();
    const keys = await keyGraphAtCommit(made.graph, sourceDir, base, config.value.salt);
    return keys.ok ? new Set(keys.value.values()) : new Set();
  } finally {
    if (worktree) {
      await worktrees.remove(worktree);
      live.delete(worktree);
    }
  }
}

/** The paths that differ between two commits, or undefined when git cannot say. */
async function pathsChanged(repoDir: string, base: string, sha: string): Promise<Diff | undefined> {
  try {
    // `:<old mode> <new mode> <old id> <new id> <status>\0<path>\0` per path. Plumbing, and every gitlink: git
    // otherwise follows `.gitmodules`' `ignore` (and `git diff` `diff.ignoreSubmodules`), hiding a bump.
    const fields = (
      await simpleGit(repoDir).raw([
        'diff-tree',
        '-r',
        '--raw',
        '--no-renames',
        '--ignore-submodules=none',
        '-z',
        base,
        sha,
      ])
    ).split('\0');
    const paths: string[] = [];
    let sameFiles = true;
    for (let i = 0; i + 1 < fields.length && fields[i]!.startsWith(':'); i += 2) {
      const [oldMode, newMode, , , status] = fields[i]!.slice(1).split(' ');
      paths.push(fields[i + 1]!);
      if (status !== 'M' || oldMode !== newMode || !REGULAR_MODES.has(newMode!)) sameFiles = false;
    }
    return { paths, sameFiles };
  } catch {
    return undefined;
  }
}

/** The paths two commits' trees differ in. */
interface Diff {
  paths: string[];
  /** Whether both trees hold the same paths, each a regular file of the same mode in both. */
  sameFiles: boolean;
}

const REGULAR_MODES = new Set(['100644', '100755']);

/**
 * Whether disbuild.json's tasks compile alike at two commits that differ by `diff`: the compile reads the list of
 * files with their modes, the bytes of disbuild.json, every package.json and pnpm's workspace file (see
 * isReadByCompile), and what the attributes files say of those; none of that differs. A link or a gitlink changed
 * counts as a difference (a compile in a checkout reads through links and into submodules).
 */
function compilesAlike(diff: Diff | undefined, dir: string): boolean {
  const prefix = dir === '' ? '' : `${dir}/`;
  // What the compile reads is named by its path in `dir` (`web/pnpm-workspace.yaml` is `pnpm-workspace.yaml`
  // there); outside `dir`, only attributes files count.
  const read = (p: string): boolean => {
    if (!p.startsWith(prefix)) return false;
    const own = p.slice(prefix.length);
    return own === CONFIG_FILE || isReadByCompile(own);
  };
  return diff !== undefined && diff.sameFiles && !diff.paths.some((p) => read(p) || isAttributesFile(p));
}

function isAttributesFile(p: string): boolean {
  return p === '.gitattributes' || p.endsWith('/.gitattributes');
}

/**
 * Whether a change to `changed` touches an input of `graph` (a `SourceFiles` file included) or what decides the
 * bytes an input's checkout holds (an attributes file).
 */
function touchesInputs(changed: string[], graph: Graph, dir: string): boolean {
  const prefix = dir === '' ? '' : `${dir}/`;
  const inputs = new Set<string>();
  for (const path of graph.sourceFiles.values()) inputs.add(prefix + path);
  for (const j of graph.jobs) for (const i of j.inputs) inputs.add(prefix + i);
  return changed.some((p) => inputs.has(p) || isAttributesFile(p));
}

/**
 * Whether a change to `changed` can change any key of a graph read from a file: it can only if it touches the
 * graph file, `disbuild.json`, an input, or what decides the bytes an input's checkout holds (an attributes
 * file) — keys are made of inputs, commands and dependencies, nothing else — or if an input may be read through
 * a symbolic link or inside a submodule (see treeHasLinksOrSubmodules). The common push (code the graph does not
 * read) is then decided by one `git diff` instead of hashing two trees.
 */
function touchesGraph(changed: string[], graphPath: string, graph: Graph, dir: string): boolean {
  // As git names it in a diff: `././graph.json` and `sub/../graph.json` are `graph.json`. One it cannot name
  // (outside the repository) may be anything: the push is keyed in full.
  const graphFile = posix.normalize(graphPath);
  if (graphFile === '..' || graphFile.startsWith('../') || graphFile.startsWith('/')) return true;
  // The graph's paths are relative to `dir`; git's, to the top.
  const prefix = dir === '' ? '' : `${dir}/`;
  const inputs = new Set<string>([graphFile, prefix + CONFIG_FILE]);
  // Asked only of a tree without links (the caller checks): there `a/../x.txt` reads `x.txt`, as git names it.
  for (const j of graph.jobs) for (const i of j.inputs) inputs.add(prefix + lexicalPath(i));
  // SourceFiles must exist in the commit (keyGraphAtCommit checks): deleting one is a change to check.
  for (const path of graph.sourceFiles.values()) inputs.add(prefix + path);
  return changed.some((p) => inputs.has(p) || isAttributesFile(p));
}

/**
 * Whether the tree of `sha` holds any symbolic link or submodule: a linked input's target, and the files of a
 * submodule, can change without the input's path changing (a bump changes the gitlink's path alone), so a push is
 * then keyed in full rather than judged by the paths it changed.
 */
async function treeHasLinksOrSubmodules(repoDir: string, sha: string): Promise<boolean> {
  try {
    const tree = await simpleGit(repoDir).raw(['ls-tree', '-r', '-z', '--full-tree', sha]);
    return ['120000 ', '160000 '].some((mode) => tree.startsWith(mode) || tree.includes(`\x00${mode}`));
  } catch {
    return true;
  }
}

/** The graph of commit `sha`; `checkout` makes (once) and answers a worktree of it, for what needs one. */
async function graphAt(
  repo: Repo,
  sha: string,
  source: GraphSource,
  checkout: () => Promise<string>,
  shared?: SharedAnswers,
): Promise<Made | string> {
  const { repoDir, dir } = repo;
  if (source.kind === 'tasks') {
    // The commit's own disbuild.json, compiled over that commit's files: from git's objects, or in a checkout.
    const atCommit = await compileAtCommit(repoDir, sha, source.config, process.env, shared, dir);
    if (!('needsCheckout' in atCommit)) {
      if (atCommit.ok) return { graph: atCommit.value.graph, json: JSON.stringify(atCommit.value.json) };
      return atCommit.error.map((p) => `disbuild: ${formatConfigProblem(p)}`).join('\n');
    }
    const compiled = await loadConfigGraph(join(await checkout(), dir), process.env);
    if (compiled === undefined) return `disbuild: no disbuild.json at ${sha.slice(0, 10)}`;
    if (!compiled.ok) return compiled.error.map((l) => `disbuild: ${l}`).join('\n');
    return { graph: compiled.value.graph };
  }
  let text: string;
  try {
    text =
      source.kind === 'file'
        ? await simpleGit(repoDir).raw(['show', `${sha}:${source.path}`])
        : (await sh(source.command, { cwd: join(await checkout(), dir), maxBuffer: 1 << 30 })).stdout;
  } catch (e) {
    const what = source.kind === 'file' ? source.path : source.command;
    return printable(
      `disbuild: cannot read the graph at ${sha.slice(0, 10)} (${what}): ${(e as Error).message.split('\n')[0]}`,
      Infinity,
    );
  }
  const parsed = parseGraphText(text);
  if (!parsed.ok) return parsed.error.map((p) => `disbuild: invalid graph: ${formatProblem(p)}`).join('\n');
  return { graph: parsed.value };
}

/** The commit the remote has: its sha when known locally, else the merge base with its default branch. */
async function baseCommit(
  repoDir: string,
  remote: string,
  remoteSha: string,
  isNew: boolean,
  sha: string,
): Promise<string | undefined> {
  const git = simpleGit(repoDir);
  if (!isNew) {
    const known = await git.raw(['cat-file', '-e', `${remoteSha}^{commit}`]).then(
      () => true,
      () => false,
    );
    if (known) return remoteSha;
  }
  for (const ref of [
    `refs/remotes/${remote}/HEAD`,
    `refs/remotes/${remote}/main`,
    `refs/remotes/${remote}/master`,
  ]) {
    const base = await git.raw(['merge-base', ref, sha]).then(
      (s) => s.trim(),
      () => '',
    );
    if (base !== '') return base;
  }
  return undefined;
}

/** Runs `toRun` of `graph` in `sourceDir`, the directory of a worktree the hook builds in. */
async function buildInWorktree(
  graph: Graph,
  toRun: JobLabel[],
  sourceDir: string,
  sha: string,
  salt: string,
  cache: Cache,
  remoteInFront: boolean,
  state: ReturnType<typeof openLocalState>,
  io: CliIo,
  signal: AbortSignal,
): Promise<JobOutcome[]> {
  const reporter = new ConsoleReporter({
    stream: io.stderr,
    live: Boolean(io.stderr.isTTY) && !io.env.CI,
    logReplay: 'none',
    streamOutput: !io.stderr.isTTY,
  });
  const coordinator = openOnFirstClaim(() =>
    SharedCoordinator.open(state.dir, {
      onWarning: (m) => reporter.onEvent({ type: 'warning', message: m }),
    }),
  );
  try {
    const result = await runGraph(
      graph,
      {
        sourceDir,
        salt,
        concurrency: (await import('node:os')).availableParallelism(),
        failFast: false,
        jobTimeoutMs: 0,
        targets: toRun,
        download: 'minimal',
        logReplay: 'none',
        // Only the failures' outcomes are read.
        cachedLogs: false,
        dryRun: false,
        workDir: state.newRunDir((m) => reporter.onEvent({ type: 'warning', message: m })),
        baseEnv: baseEnvironment(io.env),
        digests: { commit: sha },
        signal,
      },
      { cache, reporter, timings: state.timings, untimedWillBuild: !remoteInFront, coordinator },
    );
    if (!result.ok) {
      for (const p of result.error) io.stderr.write(`disbuild: ${formatProblem(p)}\n`);
      return [];
    }
    return result.value.jobs.filter((j) => j.status === 'failed');
  } finally {
    await coordinator.close({ drain: !signal.aborted });
  }
}

async function reportFailures(
  failures: { sha: string; outcome: JobOutcome }[],
  severalCommits: boolean,
  cacheDir: string,
  io: CliIo,
): Promise<void> {
  const dir = join(cacheDir, 'logs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  await mkdir(dir, { recursive: true });
  io.stderr.write(
    `\ndisbuild: push blocked: ${failures.length} job${failures.length === 1 ? '' : 's'} failed\n`,
  );
  // One log each: the same job of two commits, or two names that are one file name (`lint:js`, `lint/js`).
  const taken = new Set<string>();
  for (const { sha, outcome: f } of failures) {
    let base = safeName(f.name);
    for (let k = 2; taken.has(base); k++) base = `${safeName(f.name)}-${k}`;
    taken.add(base);
    const log = join(dir, `${base}.log`);
    await writeFile(log, Buffer.concat([f.stdout, Buffer.from('\n--- stderr ---\n'), f.stderr]));
    const where = severalCommits ? ` (${sha.slice(0, 10)})` : '';
    const code = exitCodeToSay(f.exitCode, f.message);
    const why = f.message === undefined ? (code ?? 'failed') : `${f.message}${code ? ` (${code})` : ''}`;
    io.stderr.write(`  ✗ ${printable(f.name)}${where}: ${printable(why, Infinity)}\n`);
    const tail = f.stderr.toString('utf8').trimEnd().split('\n').slice(-10);
    for (const line of tail) if (line !== '') io.stderr.write(`      ${line}\n`);
    io.stderr.write(`    full log: ${log}\n`);
  }
  io.stderr.write(`Fix the failures, or push with --no-verify (or DISBUILD_SKIP=1) to skip this check.\n`);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString('utf8');
}

/** The graph's in-place outputs: whether a job writes `path` (relative to the source directory), and where. */
async function graphOutputs(graph: Graph): Promise<GraphOutputs> {
  const globs = graph.jobs.flatMap((j) => (j.outputs && j.outputs.length > 0 ? [j.outputs] : []));
  if (globs.length === 0) return { matches: () => false, bases: [] };
  const { compileOutputGlobs } = await import('../executor/output-globs.js');
  const compiled = globs.map((g) => compileOutputGlobs(g));
  return {
    matches: (path) => compiled.some((c) => c.matches(path)),
    bases: compiled.flatMap((c) => c.bases),
  };
}
