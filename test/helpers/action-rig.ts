import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type Azurite, startAzurite } from './gha/azurite.js';
import { API_TOKEN, type CacheService, type Scope, startCacheService } from './gha/cache-service.js';
import { graphJson, type JobSpec } from './graph-json.js';
import { runProcess } from './rig.js';

/** The bundled Action entries, exactly as the runner runs them. */
export const MAIN_JS = resolve(import.meta.dirname, '../../dist/main/index.js');
export const POST_JS = resolve(import.meta.dirname, '../../dist/post/index.js');

export const MAIN_BRANCH: Scope = { ref: 'refs/heads/main', readRefs: [] };
export const PULL_REQUEST: Scope = { ref: 'refs/pull/7/merge', readRefs: ['refs/heads/main'] };

/** One step as the runner saw it. */
export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The workspace the step ran in (a fresh copy of the checkout). */
  ws: string;
  /** The runner temp dir of the step. */
  temp: string;
  outputs: Record<string, string>;
  summary: string;
  /** Names of the jobs whose commands ran, sorted. */
  executions: string[];
}

/** Parses the runner's GITHUB_OUTPUT / GITHUB_STATE files (`name<<DELIM\nvalue\nDELIM`). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]!] = m[3]!;
  return out;
}

/**
 * A git checkout to copy into fresh workspaces, a stand-in cache service, and a way to run the bundled Action's
 * main and post steps in a child `node` with the runner's variables (`INPUT_*`, `GITHUB_OUTPUT`, …).
 * Jobs made with `job()` append their name to a log, so tests see exactly which commands ran.
 */
export class ActionRig {
  private constructor(
    readonly root: string,
    readonly azurite: Azurite,
    readonly service: CacheService,
  ) {}

  static async create(files: Record<string, string>): Promise<ActionRig> {
    const root = await mkdtemp(join(tmpdir(), 'disbuild-action-'));
    const azurite = await startAzurite();
    const rig = new ActionRig(root, azurite, await startCacheService(azurite));
    const git = (...args: string[]) => runProcess('git', args, { cwd: rig.template, env: rig.gitEnv });
    await mkdir(rig.template, { recursive: true });
    await git('init', '-q', '-b', 'main');
    await rig.write(rig.template, files);
    await git('add', '-A');
    await git('commit', '-q', '-m', 'checkout');
    return rig;
  }

  get template(): string {
    return join(this.root, 'template');
  }
  get log(): string {
    return join(this.root, 'executions.log');
  }
  private get gitEnv(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: join(this.root, 'home'),
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    };
  }

  /** A job that records that it ran, then runs `script` (sh) with `<out>`, `<dep:NAME>` substituted. */
  job(name: string, script: string, opts: { inputs?: string[]; deps?: string[] } = {}): JobSpec {
    return { name, ...opts, cmds: [{ exec: ['sh', '-c', `echo ${name} >> ${this.log}; ${script}`] }] };
  }

  graph(jobs: JobSpec[]): string {
    return graphJson(jobs);
  }

  private async write(dir: string, files: Record<string, string>): Promise<void> {
    for (const [f, c] of Object.entries(files)) {
      await mkdir(dirname(join(dir, f)), { recursive: true });
      await writeFile(join(dir, f), c);
    }
  }

  /** The main step in a fresh workspace (a copy of the checkout, then `edit` applied) and runner temp dir. */
  async main(
    inputs: Record<string, string>,
    opts: {
      scope?: Scope;
      edit?: Record<string, string>;
      env?: Record<string, string>;
      /** Give the step a token with `actions: read` (the github cache then lists its index entries). */
      listing?: boolean;
      /** Told the step process's id once it started (to kill it). */
      onSpawn?: (pid: number) => void;
    } = {},
  ): Promise<StepResult> {
    const ws = await mkdtemp(join(this.root, 'ws-'));
    await cp(this.template, ws, { recursive: true });
    await this.write(ws, opts.edit ?? {});
    const temp = await mkdtemp(join(this.root, 'temp-'));
    await writeFile(this.log, '');
    const listing: Record<string, string> = opts.listing
      ? { 'INPUT_GITHUB-TOKEN': API_TOKEN, GITHUB_API_URL: this.service.url, GITHUB_REPOSITORY: 'octo/repo' }
      : {};
    return this.step(
      MAIN_JS,
      ws,
      temp,
      inputs,
      opts.scope ?? MAIN_BRANCH,
      { ...listing, ...opts.env },
      opts.onSpawn,
    );
  }

  /** The post step of a main step that ran in `ws`/`temp`, with the state main saved. */
  post(main: StepResult): Promise<StepResult> {
    return this.step(POST_JS, main.ws, main.temp, {}, MAIN_BRANCH, {});
  }

  private async step(
    entry: string,
    ws: string,
    temp: string,
    inputs: Record<string, string>,
    scope: Scope,
    extraEnv: Record<string, string>,
    onSpawn?: (pid: number) => void,
  ): Promise<StepResult> {
    const files = {
      outputs: join(temp, 'outputs'),
      summary: join(temp, 'summary.md'),
      state: join(temp, 'state'),
    };
    for (const f of [files.outputs, files.summary]) await writeFile(f, '');
    // The runner creates the state file for main; post gets what main wrote to it.
    if (entry === MAIN_JS) await writeFile(files.state, '');
    const state = parseFileCommands(await readFile(files.state, 'utf8'));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: join(this.root, 'home'),
      GITHUB_WORKSPACE: ws,
      GITHUB_OUTPUT: files.outputs,
      GITHUB_STATE: files.state,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_REF: scope.ref,
      // A pull request's run is told its base branch, as GitHub does.
      ...(scope.ref.startsWith('refs/pull/') && scope.readRefs[0]
        ? { GITHUB_BASE_REF: scope.readRefs[0].replace(/^refs\/heads\//, '') }
        : {}),
      GITHUB_RUN_ID: '42',
      RUNNER_TEMP: temp,
      ACTIONS_CACHE_SERVICE_V2: '1',
      ACTIONS_RESULTS_URL: this.service.url,
      ACTIONS_RUNTIME_TOKEN: this.service.tokenFor(scope),
      ...extraEnv,
    };
    // The runner hands post the state main saved as STATE_<name>.
    for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v;
    const withGraph = entry === MAIN_JS ? { graph: 'graph.json', ...inputs } : inputs;
    for (const [k, v] of Object.entries(withGraph)) env[`INPUT_${k.toUpperCase()}`] = v;
    const r = await runProcess(process.execPath, [entry], { cwd: ws, env, ...(onSpawn ? { onSpawn } : {}) });
    return {
      ...r,
      ws,
      temp,
      outputs: parseFileCommands(await readFile(files.outputs, 'utf8')),
      summary: await readFile(files.summary, 'utf8'),
      executions: (await readFile(this.log, 'utf8')).split('\n').filter(Boolean).sort(),
    };
  }

  async close(): Promise<void> {
    await this.service.close();
    await this.azurite.stop();
    await rm(this.root, { recursive: true, force: true });
  }
}
