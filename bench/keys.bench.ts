import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Graph } from '../src/graph/model.js';
import { parseGraphText } from '../src/graph/parse.js';
import { streamDigests } from '../src/ids/file-digest.js';
import { computeKeys, keyGraph } from '../src/ids/job-key.js';
import type { BenchContext, BenchRow } from './harness.js';
import { label, prng } from './workspace.js';

const FILES = 100_000;
const JOBS = 10_000;

/** Key computation over 100,000 files (~400 MB), against `git hash-object --stdin-paths`; peak RSS at 100,000 jobs. */
export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  // Kept outside the per-run scratch dir: generating and committing 400 MB takes minutes, so it is reused.
  const dir = join(ctx.root, '.bench-work', 'keys-workspace');
  const paths = Array.from({ length: FILES }, (_, i) => `d${Math.floor(i / 500)}/f${i}.txt`);
  if (!existsSync(join(dir, '.done'))) await generate(ctx, dir, paths);
  const graph = graphOver(paths, JOBS, 10);

  const time = async (fn: () => Promise<unknown> | unknown): Promise<number> => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  ctx.log('reference: git hash-object --stdin-paths');
  const reference = median(
    await seq(3, () =>
      time(() =>
        execFileSync('git', ['hash-object', '--stdin-paths'], {
          cwd: dir,
          input: paths.join('\n'),
          maxBuffer: 1 << 30,
        }),
      ),
    ),
  );
  ctx.log('git fast path');
  const gitPath = median(await seq(3, () => time(() => keyGraph(graph, dir, ''))));
  ctx.log('streaming fallback');
  const fallback = median(
    await seq(3, () => time(async () => computeKeys(graph, await streamDigests(dir, paths), ''))),
  );
  const rss = peakRss(ctx, paths);
  return [
    row('keys, 10,000 jobs / 100,000 files (git path)', gitPath, reference, 0.3),
    row('keys, 10,000 jobs / 100,000 files (fallback)', fallback, reference, 1.5),
    {
      benchmark: 'validate + key a 100,000-job graph',
      measure: 'peak RSS',
      value: `${rss} MB`,
      target: '≤ 400 MB',
      pass: rss <= 400,
    },
  ];
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

async function seq<T>(n: number, fn: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
}

async function generate(ctx: BenchContext, dir: string, paths: string[]): Promise<void> {
  ctx.log(`generating ${FILES} files (~400 MB) and committing them; reused by later runs`);
  const rand = prng(1);
  for (let i = 0; i < paths.length; i++) {
    if (i % 500 === 0) await mkdir(join(dir, `d${i / 500}`), { recursive: true });
    const size = 2000 + Math.floor(rand() * 4000);
    const bytes = Buffer.alloc(size);
    for (let b = 0; b + 4 <= size; b += 4) bytes.writeUInt32LE((rand() * 2 ** 32) >>> 0, b);
    await writeFile(join(dir, paths[i]!), bytes);
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-qm', 'files');
  await writeFile(join(dir, '.done'), '');
}

/** `jobs` jobs with `per` inputs each over `paths`, each depending on up to two earlier jobs. */
export function graphOver(paths: string[], jobs: number, per: number): Graph {
  const rand = prng(3);
  const raw = {
    Jobs: Array.from({ length: jobs }, (_, i) => ({
      ID: label(i),
      Name: `job${i}`,
      Inputs: Array.from({ length: per }, () => paths[Math.floor(rand() * paths.length)]),
      Deps: i === 0 ? [] : [label(Math.floor(rand() * i)), label(Math.max(0, i - 1))],
      Cmds: [{ Exec: ['sh', '-c', `cat ${'$'}IN > {{OUTPUT_DIR}}/o`], Environ: [`JOB=${i}`] }],
    })),
  };
  const r = parseGraphText(JSON.stringify(raw));
  if (!r.ok) throw new Error(JSON.stringify(r.error.slice(0, 3)));
  return r.value;
}

/**
 * Peak RSS (MB) of the bundled CLI validating and keying a 100,000-job graph over the workspace
 * (`disbuild ids`), measured by the kernel for that process alone.
 */
function peakRss(ctx: BenchContext, paths: string[]): number {
  ctx.log('peak RSS of a 100,000-job graph');
  const rand = prng(5);
  const graphPath = join(ctx.workDir, 'graph-100k.json');
  writeFileSync(
    graphPath,
    JSON.stringify({
      Jobs: Array.from({ length: 100_000 }, (_, i) => ({
        ID: label(i),
        Name: `job${i}`,
        Inputs: Array.from({ length: 5 }, () => paths[Math.floor(rand() * paths.length)]),
        Deps: i === 0 ? [] : [label(Math.floor(rand() * i))],
        Cmds: [{ Exec: ['sh', '-c', 'cat $IN > {{OUTPUT_DIR}}/o'], Environ: [`JOB=${i}`] }],
      })),
    }),
  );
  const workspace = join(ctx.root, '.bench-work', 'keys-workspace');
  const cli = join(ctx.root, 'dist', 'cli', 'index.js');
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', process.execPath, cli, 'ids', '--graph', graphPath, '--source-dir', workspace],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return Math.round(Number(r.stderr.trim().split('\n').pop()) / 1024);
}
