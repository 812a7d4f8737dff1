/**
 * disbuild.json on the 1,000-package workspace (10,000 source files): compiling it to the graph in-process,
 * against loading the same graph from a file in the same run; `disbuild graph` as a whole process (Node's
 * start-up, the CLI's modules, the compile, printing the graph), against `node -e 0` and the one `git ls-files`
 * the compile runs, alternating; and a fully cached run through the config against the same run through the
 * graph file (both restore dist/ in place), alternating; the config run reuses the graph compiled by the cold build
 * (the compiled-graph cache), whose in-process cost is measured too.
 *
 * `npm run <script>` costs about 0.2 s of CPU per job whatever the script does: the workspace's PATH puts a
 * stand-in `npm` first that runs the package's build.sh, so that the cold build of 1,000 jobs takes seconds and
 * the figures are disbuild's. The cached runs start no command at all.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfigSource, compileConfig } from '../src/config/load-config.js';
import { startRepoFiles } from '../src/config/repo-files.js';
import { loadGraphFile } from '../src/graph/parse.js';
import { startWorkTreeListings } from '../src/ids/file-digest.js';
import type { BenchContext, BenchRow } from './harness.js';
import { generateNpmWorkspace } from './workspace.js';

/** CPU (user + sys, ms) of this process's waited-for children so far, from /proc (10 ms resolution). */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[]): string =>
  `${(Math.min(...xs) / 1000).toFixed(2)}–${(Math.max(...xs) / 1000).toFixed(2)} s`;

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const src = join(ctx.workDir, 'ws');
  ctx.log('generating 1,000 packages over 10,000 source files');
  await generateNpmWorkspace(src, { jobs: 1000, filesPerJob: 10, fileBytes: 800 });
  const git = (...a: string[]): void => void execFileSync('git', a, { cwd: src, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-qm', 'workspace');
  const bin = join(ctx.workDir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'npm'), '#!/bin/sh\nexec sh build.sh\n');
  chmodSync(join(bin, 'npm'), 0o755);
  const env = { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: process.env.HOME, CI: '1' };
  const cacheDir = join(ctx.workDir, 'cache');
  const cli = (args: string[]): number => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(ctx.root, 'dist/cli/index.js'), ...args], {
      cwd: src,
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (r.status !== 0) throw new Error(`disbuild ${args[0]} failed (${r.status}): ${r.stderr.slice(-2000)}`);
    return performance.now() - t0;
  };

  // The first pair is not counted: it loads (and, under tsx, transpiles) the compiler's modules, which the CLI
  // takes from its bundle and V8's code cache instead.
  ctx.log('compile disbuild.json vs load graph.json, alternating (1 + 11 pairs)');
  const graphFile = join(ctx.workDir, 'graph.json');
  const printed = spawnSync(process.execPath, [join(ctx.root, 'dist/cli/index.js'), 'graph'], {
    cwd: src,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  writeFileSync(graphFile, printed.stdout);
  const compileMs: number[] = [];
  const compileCpu: number[] = [];
  const loadMs: number[] = [];
  for (let i = 0; i < 12; i++) {
    const cpu0 = process.cpuUsage();
    const children0 = childrenCpuMs();
    let t0 = performance.now();
    const source = await readConfigSource(src);
    if (!source?.ok || source.value.kind !== 'tasks') throw new Error('no tasks');
    const compiled = await compileConfig(src, source.value.config, env);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.error).slice(0, 500));
    compileMs.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    compileCpu.push((cpu.user + cpu.system) / 1000 + childrenCpuMs() - children0);
    t0 = performance.now();
    const loaded = await loadGraphFile(graphFile, src);
    if (!loaded.ok) throw new Error('graph.json invalid');
    loadMs.push(performance.now() - t0);
  }
  for (const a of [compileMs, compileCpu, loadMs]) a.shift();

  ctx.log('the same compile through the compiled-graph cache, nothing changed (7 runs after one to fill it)');
  const cacheFile = join(ctx.workDir, 'compiled-graph.json');
  const hitMs: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const source = await readConfigSource(src);
    if (!source?.ok || source.value.kind !== 'tasks') throw new Error('no tasks');
    const files = startRepoFiles(src, startWorkTreeListings(src, { untracked: true }));
    const r = await compileConfig(src, source.value.config, env, { files, cacheFile });
    if (!r.ok || r.value.cached !== i > 0) throw new Error(`compiled-graph cache: run ${i} not as expected`);
    if (i > 0) hitMs.push(performance.now() - t0);
  }

  ctx.log('disbuild graph vs node -e 0 vs git ls-files, whole processes, alternating (7 rounds)');
  const whole = { graph: [] as number[], node: [] as number[], git: [] as number[] };
  const wholeCpu = { graph: [] as number[], node: [] as number[], git: [] as number[] };
  const timed = (k: keyof typeof whole, cmd: string, args: string[]): void => {
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd: src, env, stdio: ['ignore', 'ignore', 'pipe'] });
    whole[k].push(performance.now() - t0);
    wholeCpu[k].push(childrenCpuMs() - cpu0);
    if (r.status !== 0) throw new Error(`${cmd} ${args[0] ?? ''} failed: ${r.stderr.toString().slice(-500)}`);
  };
  const lsFiles = [
    'ls-files',
    '-z',
    '-t',
    '--cached',
    '--deleted',
    '--others',
    '--exclude-standard',
    '--',
    '.',
  ];
  for (let i = 0; i < 7; i++) {
    const steps = [
      () => timed('graph', process.execPath, [join(ctx.root, 'dist/cli/index.js'), 'graph']),
      () => timed('node', process.execPath, ['-e', '0']),
      () => timed('git', 'git', lsFiles),
    ];
    for (const step of [...steps.slice(i % 3), ...steps.slice(0, i % 3)]) step();
  }

  ctx.log('cold build through disbuild.json');
  cli(['run', '--cache-dir', cacheDir, '-q']);
  ctx.log('fully cached: disbuild.json vs --graph graph.json, alternating (5 pairs)');
  const viaConfig: number[] = [];
  const viaGraph: number[] = [];
  for (let i = 0; i < 5; i++) {
    viaConfig.push(cli(['run', '--cache-dir', cacheDir, '-q']));
    viaGraph.push(cli(['run', '--graph', graphFile, '--cache-dir', cacheDir, '-q']));
  }
  const c = median(compileMs);
  const l = median(loadMs);
  const rc = median(viaConfig);
  const rg = median(viaGraph);
  return [
    {
      benchmark: 'compile disbuild.json, 1,000 packages / 10,000 files',
      measure:
        'in-process wall (median of 11, after one uncounted; range), and CPU of this process and its git (median)',
      value: `${(c / 1000).toFixed(3)} s (${range(compileMs)}); CPU ${(median(compileCpu) / 1000).toFixed(3)} s`,
      reference: `parse + validate the same graph.json ${(l / 1000).toFixed(3)} s (${range(loadMs)})`,
      ratio: c / l,
      target: '≤ 0.3 s',
      pass: c <= 300,
    },
    {
      benchmark: 'disbuild.json through the compiled-graph cache, nothing changed, 1,000 packages',
      measure: "in-process wall (median of 7; range), with the run's git listings",
      value: `${(median(hitMs) / 1000).toFixed(3)} s (${range(hitMs)})`,
      reference: `compiled afresh ${(c / 1000).toFixed(3)} s`,
      ratio: median(hitMs) / c,
    },
    {
      benchmark: '`disbuild graph` (whole process), 1,000 packages / 10,000 files',
      measure: 'wall (median of 7 rounds; range), and CPU of the process tree (median)',
      value: `${(median(whole.graph) / 1000).toFixed(3)} s (${range(whole.graph)}); CPU ${(median(wholeCpu.graph) / 1000).toFixed(2)} s`,
      reference: `\`node -e 0\` ${(median(whole.node) / 1000).toFixed(3)} s (CPU ${(median(wholeCpu.node) / 1000).toFixed(2)} s); the compile's \`git ls-files\` ${(median(whole.git) / 1000).toFixed(3)} s (CPU ${(median(wholeCpu.git) / 1000).toFixed(2)} s)`,
      ratio: median(whole.graph) / median(whole.node),
    },
    {
      benchmark: 'fully cached run through disbuild.json, 1,000 packages, dist/ present',
      measure: 'whole process (median of 5 alternating; range)',
      value: `${(rc / 1000).toFixed(2)} s (${range(viaConfig)})`,
      reference: `--graph graph.json ${(rg / 1000).toFixed(2)} s (${range(viaGraph)})`,
      ratio: rc / rg,
      target: '≤ 1.2×',
      pass: rc / rg <= 1.2,
    },
  ];
}
