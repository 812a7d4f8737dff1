import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Azurite, startAzurite } from '../helpers/gha/azurite.js';
import { type CacheService, type Scope, startCacheService } from '../helpers/gha/cache-service.js';
import { graphJson, type JobSpec } from '../helpers/graph-json.js';
import { runProcess } from '../helpers/rig.js';

const MAIN_JS = resolve(import.meta.dirname, '../../dist/main/index.js');
const MAIN: Scope = { ref: 'refs/heads/main', readRefs: [] };

/** Parses the runner's GITHUB_OUTPUT file (`name<<DELIM\nvalue\nDELIM`). */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

describe('the bundled Action, run as the runner runs it', () => {
  let azurite: Azurite;
  let service: CacheService;
  let root: string;
  let template: string;
  const log = () => join(root, 'executions.log');

  const jobs = (): JobSpec[] => [
    {
      name: 'lib',
      inputs: ['lib.txt'],
      cmds: [{ exec: ['sh', '-c', `echo lib >> ${log()}; cat lib.txt > <out>/lib`] }],
    },
    {
      name: 'app',
      inputs: ['app.txt'],
      deps: ['lib'],
      cmds: [{ exec: ['sh', '-c', `echo app >> ${log()}; cat <dep:lib>/lib app.txt > <out>/app`] }],
    },
    {
      name: 'docs',
      inputs: ['docs.txt'],
      cmds: [{ exec: ['sh', '-c', `echo docs >> ${log()}; cat docs.txt > <out>/docs`] }],
    },
  ];

  beforeAll(async () => {
    azurite = await startAzurite();
    service = await startCacheService(azurite);
    root = await mkdtemp(join(tmpdir(), 'disbuild-action-'));
    template = join(root, 'template');
    await runProcess('git', ['init', '-q', template], { cwd: root, env: process.env });
    for (const [f, c] of Object.entries({
      'graph.json': graphJson(jobs()),
      'lib.txt': 'lib v1\n',
      'app.txt': 'app\n',
      'docs.txt': 'docs\n',
    })) {
      await writeFile(join(template, f), c);
    }
  });
  afterAll(async () => {
    await service.close();
    await azurite.stop();
    await rm(root, { recursive: true, force: true });
  });

  /** A fresh workspace (a copy of the checkout) and a fresh runner temp dir, then the Action's main step. */
  async function runAction(
    inputs: Record<string, string>,
    opts: { scope?: Scope; edit?: Record<string, string> } = {},
  ) {
    const ws = await mkdtemp(join(root, 'ws-'));
    await cp(template, ws, { recursive: true });
    for (const [f, c] of Object.entries(opts.edit ?? {})) {
      await mkdir(dirname(join(ws, f)), { recursive: true });
      await writeFile(join(ws, f), c);
    }
    const temp = await mkdtemp(join(root, 'temp-'));
    const outputs = join(temp, 'outputs');
    const summary = join(temp, 'summary.md');
    await writeFile(outputs, '');
    await writeFile(summary, '');
    await writeFile(log(), '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: join(root, 'home'),
      GITHUB_WORKSPACE: ws,
      GITHUB_OUTPUT: outputs,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_REF: (opts.scope ?? MAIN).ref,
      GITHUB_RUN_ID: '42',
      RUNNER_TEMP: temp,
      ACTIONS_CACHE_SERVICE_V2: '1',
      ACTIONS_RESULTS_URL: service.url,
      ACTIONS_RUNTIME_TOKEN: service.tokenFor(opts.scope ?? MAIN),
    };
    for (const [k, v] of Object.entries({ graph: 'graph.json', ...inputs }))
      env[`INPUT_${k.toUpperCase()}`] = v;
    const r = await runProcess(process.execPath, [MAIN_JS], { cwd: ws, env });
    return {
      ...r,
      ws,
      outputs: parseOutputs(await readFile(outputs, 'utf8')),
      summary: await readFile(summary, 'utf8'),
      executions: (await readFile(log(), 'utf8')).split('\n').filter(Boolean).sort(),
    };
  }

  it('builds and saves in at most 3 entries; a fresh workspace then executes nothing; an edit rebuilds exactly what it affects', async () => {
    service.resetStats();
    const cold = await runAction({ 'key-prefix': 'k1' });
    expect(cold.code, cold.stdout).toBe(0);
    expect(cold.executions).toEqual(['app', 'docs', 'lib']);
    expect(cold.outputs).toMatchObject({ built: '3', cached: '0', failed: '0', 'failed-jobs': '[]' });
    expect(service.stats().entriesCreated).toBeLessThanOrEqual(3);

    service.resetStats();
    const warm = await runAction({ 'key-prefix': 'k1' });
    expect(warm.code, warm.stdout).toBe(0);
    expect(warm.executions).toEqual([]);
    expect(warm.outputs).toMatchObject({ cached: '3', built: '0' });
    // Nothing needed the bytes: only the index was downloaded.
    expect(service.stats()).toMatchObject({ download: 1 });
    expect(service.stats().CreateCacheEntry ?? 0).toBe(0);

    const edited = await runAction({ 'key-prefix': 'k1' }, { edit: { 'app.txt': 'app v2\n' } });
    expect(edited.code).toBe(0);
    expect(edited.executions).toEqual(['app']);
    expect(edited.outputs).toMatchObject({ built: '1', cached: '2' });
  });

  it('materializes out-dir targets from the cache', async () => {
    await runAction({ 'key-prefix': 'k2' });
    const r = await runAction({ 'key-prefix': 'k2', targets: 'app', 'out-dir': 'out' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.executions).toEqual([]);
    expect(await readFile(join(r.ws, 'out', 'app', 'app'), 'utf8')).toBe('lib v1\napp\n');
  });

  it('fails the step for a failing job, names it, lists it first, and annotates the file and line', async () => {
    const failing = graphJson([
      ...jobs(),
      {
        name: 'compile',
        inputs: ['src/a.c'],
        cmds: [{ exec: ['sh', '-c', 'echo "src/a.c:3:5: error: expected ;" >&2; exit 2'] }],
      },
    ]);
    const r = await runAction(
      { 'key-prefix': 'k3' },
      { edit: { 'graph.json': failing, 'src/a.c': 'int x\n' } },
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.outputs['failed-jobs']!)).toEqual(['compile']);
    expect(r.summary.indexOf('compile')).toBeLessThan(r.summary.indexOf('| lib'));
    expect(r.summary).toContain('expected ;');
    expect(r.stdout).toMatch(
      /::error title=disbuild%3A compile failed \(exit code 2\),file=src\/a\.c,line=3,col=5::error: expected ;/,
    );
  });

  it('still builds correctly, with a warning, when the cache service misbehaves', async () => {
    service.injectFault({ method: 'CreateCacheEntry', times: 10, status: 429, retryAfter: 60 });
    const r = await runAction({ 'key-prefix': 'k4' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ built: '3' });
    expect(r.stdout).toContain('::warning::');
  });

  it('fails the step on bad inputs, naming the input and quoting the value', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ concurrency: 'lots' }, 'Input "concurrency" must be a positive integer, got "lots"'],
      [{ cache: 'floppy' }, 'Input "cache" must be one of github, local, none, got "floppy"'],
      [{ graph: 'nope.json' }, 'Input "graph": cannot read "nope.json"'],
      [{ shard: '5/4' }, 'Input "shard" must look like i/n with 1 <= i <= n, got "5/4"'],
    ];
    for (const [inputs, message] of cases) {
      const r = await runAction(inputs);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`::error::${message}`);
    }
  });

  it('plans a matrix of shards, and a shard builds only its part', async () => {
    const planned = await runAction({ 'key-prefix': 'k5', mode: 'plan' });
    expect(planned.code, planned.stdout).toBe(0);
    expect(JSON.parse(planned.outputs.matrix!)).toEqual({ shard: ['1/1'] });
    expect(planned.executions).toEqual([]);
    const one = await runAction({ 'key-prefix': 'k5', shard: '1/1' });
    expect(one.executions).toEqual(['app', 'docs', 'lib']);
  });
});
