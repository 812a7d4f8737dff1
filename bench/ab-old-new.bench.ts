import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchContext, BenchRow } from './harness.js';
import { generatePeersWorkload } from './workspace.js';

/**
 * This build of disbuild against another one (an older commit, say), on the same workload in the same run: cold
 * and fully cached runs of the side-by-side workload (PEERS.md: 200 packages / 1,000 files and 1,000 packages /
 * 10,000 files of 8 KiB, up to 4 dependencies each, `SourceFiles` filled, in a git repository) at `-j 2`.
 *
 * Each run is a whole process tree timed from outside by bench/tree-timer.py (wall, and the CPU time of every
 * process of the tree). Runs come in pairs whose order alternates; each cold run starts with a fresh cache
 * directory and with dirty pages written out. A fully cached series starts with one unmeasured cold run of each
 * build (each build has a cache directory of its own). Figures: medians with ranges, and the median of the pairs'
 * new/old ratios; only ratios within one run mean anything on a shared machine.
 *
 *     git worktree add --detach /tmp/old <commit> && (cd /tmp/old && npm ci && npm run build)
 *     npm run build
 *     DISBUILD_OLD_CLI=/tmp/old/dist/cli/index.js npm run bench -- ab
 *
 * Environment: DISBUILD_OLD_CLI (required: the reference build's dist/cli/index.js); DISBUILD_NEW_CLI (this
 * checkout's dist/ by default); AB_SIZES=200,1000; AB_SCENARIOS=cold,cached; BENCH_PAIRS=5; AB_WORKSPACE (a
 * directory holding ws-200/ and ws-1000/ to copy instead of generating, e.g. the side-by-side benchmark's).
 */
const SIZES = (process.env.AB_SIZES ?? '200,1000').split(',').map(Number);
const SCENARIOS = (process.env.AB_SCENARIOS ?? 'cold,cached').split(',');
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);
const CONCURRENCY = 2;
const TARGET = 1.05;

interface Measured {
  wallMs: number;
  cpuMs: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[]): string => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const oldCli = process.env.DISBUILD_OLD_CLI;
  if (!oldCli || !existsSync(oldCli)) {
    throw new Error('ab: set DISBUILD_OLD_CLI to the reference build (its dist/cli/index.js)');
  }
  const newCli = resolve(process.env.DISBUILD_NEW_CLI ?? join(ctx.root, 'dist/cli/index.js'));
  const clis = { old: resolve(oldCli), new: newCli };
  ctx.log(`old: ${clis.old}\nnew: ${clis.new}`);
  const rows: BenchRow[] = [];
  for (const size of SIZES) {
    const ws = await workspace(ctx, size);
    for (const scenario of SCENARIOS) {
      const series = measure(ctx, ws, size, scenario, clis);
      const ratios = series.old.map((o, i) => series.new[i]!.wallMs / o.wallMs);
      const cpuRatios = series.old.map((o, i) => series.new[i]!.cpuMs / o.cpuMs);
      const ratio = median(ratios);
      const wall = (s: Measured[]): string =>
        `${Math.round(median(s.map((m) => m.wallMs)))} ms (${range(s.map((m) => m.wallMs))})`;
      const cpu = (s: Measured[]): string =>
        `${Math.round(median(s.map((m) => m.cpuMs)))} ms (${range(s.map((m) => m.cpuMs))})`;
      ctx.log(
        `${scenario} ${size}: pair ratios ${ratios.map((r) => r.toFixed(2)).join(' ')}; ` +
          `CPU ratios ${cpuRatios.map((r) => r.toFixed(2)).join(' ')}`,
      );
      rows.push({
        benchmark: `new against old, ${scenario}, ${size} jobs`,
        measure: `wall, median (range), ${PAIRS} pairs`,
        value: wall(series.new),
        reference: wall(series.old),
        ratio,
        target: `≤ ${TARGET.toFixed(2)}`,
        pass: ratio <= TARGET,
      });
      rows.push({
        benchmark: `new against old, ${scenario}, ${size} jobs`,
        measure: 'CPU of the process tree, median (range)',
        value: cpu(series.new),
        reference: cpu(series.old),
        ratio: median(cpuRatios),
      });
    }
  }
  return rows;
}

/** The workload as a git repository: copied from AB_WORKSPACE when given, generated otherwise. */
async function workspace(ctx: BenchContext, size: number): Promise<string> {
  const dir = join(ctx.workDir, `ws-${size}`);
  const from = process.env.AB_WORKSPACE;
  if (from) {
    execFileSync('cp', ['-a', join(from, `ws-${size}`), dir]);
    return dir;
  }
  await generatePeersWorkload(dir, size, ctx.log);
  const git = (...a: string[]): void => void execFileSync('git', a, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-qm', 'workspace');
  return dir;
}

function measure(
  ctx: BenchContext,
  ws: string,
  size: number,
  scenario: string,
  clis: { old: string; new: string },
): { old: Measured[]; new: Measured[] } {
  const caches = join(ctx.workDir, `caches-${size}-${scenario}`);
  // Old caches are moved aside, not deleted (see run.ts): deletions would slow the next run's file creation.
  const trash = join(ctx.workDir, 'trash');
  mkdirSync(trash, { recursive: true });
  let generation = 0;
  const cacheOf = (which: 'old' | 'new'): string => join(caches, which);
  const fresh = (): void => {
    if (existsSync(caches)) renameSync(caches, join(trash, `${size}-${scenario}-${generation++}`));
    mkdirSync(caches, { recursive: true });
    execFileSync('sync');
  };
  const once = (which: 'old' | 'new'): Measured => {
    const result = join(ctx.workDir, 'result.json');
    execFileSync(
      'python3',
      [
        join(ctx.root, 'bench/tree-timer.py'),
        result,
        '--',
        process.execPath,
        clis[which],
        'run',
        '--graph',
        'graph.json',
        '--cache-dir',
        cacheOf(which),
        '-q',
        '-j',
        String(CONCURRENCY),
      ],
      { cwd: ws, stdio: 'inherit' },
    );
    const r = JSON.parse(readFileSync(result, 'utf8')) as Measured & { status: number; stderrTail: string };
    if (r.status !== 0) throw new Error(`ab: ${which} exited ${r.status}: ${r.stderrTail}`);
    return { wallMs: r.wallMs, cpuMs: r.cpuMs };
  };
  const series = { old: [] as Measured[], new: [] as Measured[] };
  if (scenario === 'cached') {
    fresh();
    once('old');
    once('new');
  } else if (scenario !== 'cold') {
    throw new Error(`ab: unknown scenario ${scenario} (cold, cached)`);
  }
  for (let i = 0; i < PAIRS; i++) {
    const order: ('old' | 'new')[] = i % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
    if (scenario === 'cold') fresh();
    for (const which of order) {
      // Each cold run starts with its dirty pages written: no run pays for the writes of the one before.
      if (scenario === 'cold') execFileSync('sync');
      series[which].push(once(which));
    }
  }
  return series;
}
