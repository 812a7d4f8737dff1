/**
 * Key computation over 100,000 committed files (~400 MB), 10,000 jobs, against `git hash-object --stdin-paths`
 * over the same files in the same run; and the peak RSS of parsing and keying a 100,000-job graph.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Graph } from '../src/graph/model.js';
import { parseGraphText } from '../src/graph/parse.js';
import { streamDigests } from '../src/ids/file-digest.js';
import { computeKeys, graphInputs, keyGraph } from '../src/ids/job-key.js';
import type { BenchContext, BenchRow } from './harness.js';
import { medianMs } from './harness.js';
import { label, prng } from './workspace.js';

const FILES = 100_000;
const JOBS = 10_000;
const RSS_JOBS = 100_000;

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const dir = await workspace(ctx);
  const paths = filePaths();
  const graph = graphOver(paths, JOBS);
  if (graphInputs(graph).length !== FILES) throw new Error('the graph must read every file once at least');

  ctx.log('reference: git hash-object --stdin-paths');
  const hashObject = (): Buffer =>
    execFileSync('git', ['hash-object', '--stdin-paths'], {
      cwd: dir,
      input: paths.join('\n'),
      maxBuffer: 1 << 30,
    });
  hashObject(); // warms the page cache for every contender alike
  const reference = await medianMs(3, hashObject);
  ctx.log('git fast path');
  const gitPath = await medianMs(3, async () => ok(await keyGraph(graph, dir, '')));
  ctx.log('streaming fallback');
  const fallback = await medianMs(3, async () => ok(computeKeys(graph, await streamDigests(dir, paths), '')));
  const rss = await peakRss(ctx, dir, paths);
  return [
    row('keys, 10,000 jobs / 100,000 files (git path)', gitPath, reference, 0.3),
    row('keys, 10,000 jobs / 100,000 files (fallback)', fallback, reference, 1.5),
    {
      benchmark: `parse + key a ${RSS_JOBS.toLocaleString('en')}-job graph (git path)`,
      measure: 'peak RSS (maxRSS of a child node)',
      value: `${rss.peak} MB (${rss.seconds.toFixed(2)} s)`,
      reference: `same process before parsing: ${rss.idle} MB`,
      target: '≤ 400 MB',
      pass: rss.peak <= 400,
    },
  ];
}

function ok(r: { ok: boolean; error?: unknown }): void {
  if (!r.ok) throw new Error(JSON.stringify(r.error).slice(0, 500));
}

function row(benchmark: string, ms: number, reference: number, target: number): BenchRow {
  return {
    benchmark,
    measure: 'wall (median of 3)',
    value: `${(ms / 1000).toFixed(2)} s`,
    reference: `git hash-object --stdin-paths ${(reference / 1000).toFixed(2)} s`,
    ratio: ms / reference,
    target: `≤ ${target}×`,
    pass: ms / reference <= target,
  };
}

function filePaths(): string[] {
  return Array.from({ length: FILES }, (_, i) => `d${Math.floor(i / 500)}/f${i}.txt`);
}

/**
 * The committed workspace, generated once and reused: writing and committing 400 MB takes minutes. It lives outside
 * the per-run scratch dir, and a marker naming its parameters says it is complete.
 */
async function workspace(ctx: BenchContext): Promise<string> {
  const dir = join(ctx.root, '.bench-work', 'keys-workspace');
  const marker = join(dir, `.generated-${FILES}-seed1`);
  // Workspaces generated before the marker named its parameters used these same parameters.
  if (existsSync(join(dir, '.done'))) renameSync(join(dir, '.done'), marker);
  if (!existsSync(marker)) await generate(ctx, dir, filePaths(), marker);
  return dir;
}

async function generate(ctx: BenchContext, dir: string, paths: string[], marker: string): Promise<void> {
  ctx.log(`generating ${FILES} files (2–6 KB, ~400 MB) and committing them; reused by later runs`);
  const rand = prng(1);
  for (let i = 0; i < paths.length; i++) {
    if (i % 500 === 0) await mkdir(join(dir, `d${i / 500}`), { recursive: true });
    const size = 2000 + Math.floor(rand() * 4000);
    const bytes = Buffer.alloc(size);
    for (let b = 0; b + 4 <= size; b += 4) bytes.writeUInt32LE((rand() * 2 ** 32) >>> 0, b);
    await writeFile(join(dir, paths[i]!), bytes);
  }
  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'core.fsmonitor=false', ...args], { cwd: dir, stdio: 'ignore' });
  };
  git('init', '-q');
  // Directory by directory: one `git add` of 100,000 paths holds them all in memory at once.
  for (let d = 0; d < FILES / 500; d++) git('add', `d${d}`);
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-qm', 'files');
  await writeFile(marker, '');
}

/**
 * `jobs` jobs over `paths`: job i reads its own 10 files of a fixed shuffle (so every file is read, as by the
 * reference) plus 2 shared ones, and depends on up to two earlier jobs, one of them through a template.
 */
export function graphOver(paths: string[], jobs: number): Graph {
  const rand = prng(3);
  const order = paths.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const per = Math.ceil(paths.length / jobs);
  const raw = {
    Jobs: Array.from({ length: jobs }, (_, i) => {
      const own = order.slice(i * per, (i + 1) * per).map((k) => paths[k]!);
      const shared = [0, 1].map(() => paths[Math.floor(rand() * paths.length)]!);
      const deps = i === 0 ? [] : [...new Set([label(Math.floor(rand() * i)), label(i - 1)])];
      return {
        ID: label(i),
        Name: `job${i}`,
        Inputs: [...own, ...shared],
        Deps: deps,
        Cmds: [
          {
            Exec: ['sh', '-c', `cat ${own.join(' ')} > {{OUTPUT_DIR}}/o`, ...deps.map((d) => `{{DEP:${d}}}`)],
            Environ: [`JOB=${i}`],
          },
        ],
      };
    }),
  };
  const r = parseGraphText(JSON.stringify(raw));
  if (!r.ok) throw new Error(JSON.stringify(r.error.slice(0, 3)));
  return r.value;
}

/**
 * The child: parse the graph file, key it over the workspace, print maxRSS (KB) and the time taken. It is bundled
 * with esbuild (as ncc bundles the CLI) so that the figure is the shipped code's, not the TypeScript loader's
 * (tsx alone adds about 30 MB).
 */
const CHILD = `
import { readFileSync } from 'node:fs';
import { parseGraphText } from './src/graph/parse.ts';
import { keyGraph } from './src/ids/job-key.ts';
const [graphPath, dir] = process.argv.slice(2);
const idle = process.resourceUsage().maxRSS;
const t0 = performance.now();
const parsed = parseGraphText(readFileSync(graphPath, 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
const keys = await keyGraph(parsed.value, dir, '');
if (!keys.ok) throw new Error(JSON.stringify(keys.error.slice(0, 3)));
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ idle, peak: process.resourceUsage().maxRSS, seconds, keys: keys.value.size }));
`;

/** Peak RSS (MB) of a child node parsing and keying a 100,000-job graph (`disbuild ids` does the same work). */
async function peakRss(
  ctx: BenchContext,
  dir: string,
  paths: string[],
): Promise<{ peak: number; idle: number; seconds: number }> {
  ctx.log(`peak RSS of a ${RSS_JOBS}-job graph`);
  const rand = prng(5);
  const graphPath = join(ctx.workDir, 'graph-100k.json');
  writeFileSync(
    graphPath,
    JSON.stringify({
      Jobs: Array.from({ length: RSS_JOBS }, (_, i) => ({
        ID: label(i),
        Name: `job${i}`,
        Inputs: Array.from({ length: 5 }, () => paths[Math.floor(rand() * paths.length)]),
        Deps: i === 0 ? [] : [label(Math.floor(rand() * i))],
        Cmds: [{ Exec: ['sh', '-c', 'cat $IN > {{OUTPUT_DIR}}/o'], Environ: [`JOB=${i}`] }],
      })),
    }),
  );
  // esbuild comes with tsx and vitest; it is what both use to compile TypeScript.
  const { buildSync } = await import('esbuild');
  const child = join(ctx.workDir, 'rss-child.mjs');
  buildSync({
    stdin: { contents: CHILD, resolveDir: ctx.root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: child,
    logLevel: 'error',
  });
  const r = spawnSync(process.execPath, [child, graphPath, dir], { cwd: ctx.root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout) as { idle: number; peak: number; seconds: number; keys: number };
  if (out.keys !== RSS_JOBS) throw new Error(`keyed ${out.keys} jobs`);
  return { peak: Math.round(out.peak / 1024), idle: Math.round(out.idle / 1024), seconds: out.seconds };
}
