import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNginx } from '../test/helpers/remote/servers.js';
import type { BenchContext, BenchRow } from './harness.js';
import { generateWorkspace, toGraphJson } from './workspace.js';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[]): string => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))} ms`;

/** Wall time of a whole process, timed from outside. */
function timed(cmd: string, args: string[], cwd: string): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, CI: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout.slice(-2000)}`);
  if (/warning:/.test(r.stdout + r.stderr)) throw new Error(`unexpected warning: ${r.stdout}${r.stderr}`);
  return ms;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/**
 * The remote cache against nginx on loopback, 1,000 jobs (the PEERS workload): a fully cached run with an empty
 * local cache against one with a warm local cache; `--download all` from the server against curl fetching the
 * same objects; a cold run that uploads against a cold run that does not. Alternating pairs, whole processes.
 */
export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const src = join(ctx.workDir, 'ws');
  ctx.log('generating 1,000 jobs over 10,000 files (80 MB)');
  const jobs = await generateWorkspace(src, { jobs: 1000, filesPerJob: 10, fileBytes: 8000 });
  writeFileSync(join(src, 'graph.json'), toGraphJson(jobs));
  const git = (...a: string[]): void => void execFileSync('git', a, { cwd: src, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-qm', 'ws');
  const server = await startNginx();
  const cliJs = join(ctx.root, 'dist/cli/index.js');
  let fresh = 0;
  const freshDir = (): string => join(ctx.workDir, `cache-${fresh++}`);
  const disbuild = (args: string[]): number =>
    timed(
      process.execPath,
      [cliJs, 'run', '--graph', 'graph.json', '-q', '--log-replay', 'none', ...args],
      src,
    );
  const remote = ['--cache', 'http', '--cache-url', server.url];
  const rows: BenchRow[] = [];
  try {
    ctx.log('seeding the server and a warm local cache');
    const warm = freshDir();
    disbuild([...remote, '--cache-dir', warm]);

    // 1. Fully cached: warm local cache (reference) vs empty local cache, lookups only.
    const local: number[] = [];
    const empty: number[] = [];
    for (let i = 0; i < 5; i++) {
      local.push(disbuild(['--cache-dir', warm]));
      const dir = freshDir();
      empty.push(disbuild([...remote, '--cache-dir', dir]));
      rmSync(dir, { recursive: true, force: true });
    }
    const r1 = median(empty) / median(local);
    rows.push({
      benchmark: 'remote cache (nginx, 1,000 jobs)',
      measure: 'fully cached, empty local cache (lookups only)',
      value: `${Math.round(median(empty))} ms (${range(empty)})`,
      reference: `warm local cache ${Math.round(median(local))} ms (${range(local)})`,
      ratio: r1,
      target: '≤ 2×',
      pass: r1 <= 2,
    });

    // 2. --download all vs curl fetching every stored object (records and archives) over one keep-alive client.
    const objects = filesUnder(server.storeDir);
    const bytes = objects.reduce((s, f) => s + statSync(f).size, 0);
    const config = join(ctx.workDir, 'curl.cfg');
    writeFileSync(
      config,
      objects
        .map((f) => `url = "${server.url}${f.slice(server.storeDir.length)}"\noutput = "/dev/null"\n`)
        .join(''),
    );
    const curl: number[] = [];
    const all: number[] = [];
    for (let i = 0; i < 5; i++) {
      curl.push(timed('curl', ['-sf', '--parallel', '--parallel-max', '32', '-K', config], src));
      const dir = freshDir();
      all.push(disbuild([...remote, '--cache-dir', dir, '--download', 'all']));
      rmSync(dir, { recursive: true, force: true });
    }
    const mb = bytes / 1e6;
    const ours = mb / (median(all) / 1000);
    const theirs = mb / (median(curl) / 1000);
    rows.push({
      benchmark: 'remote cache (nginx, 1,000 jobs)',
      measure: `--download all, empty local cache (${objects.length} objects, ${mb.toFixed(1)} MB)`,
      value: `${ours.toFixed(0)} MB/s (${range(all)})`,
      reference: `curl --parallel 32, same objects: ${theirs.toFixed(0)} MB/s (${range(curl)})`,
      ratio: ours / theirs,
      target: '≥ 0.5×',
      pass: ours / theirs >= 0.5,
    });

    // 3. Cold runs (a new salt: every key new): uploads vs no remote at all.
    const coldLocal: number[] = [];
    const coldRemote: number[] = [];
    for (let i = 0; i < 3; i++) {
      execFileSync('sync');
      coldLocal.push(disbuild(['--cache-dir', freshDir(), '--salt', `cold-local-${i}`]));
      execFileSync('sync');
      coldRemote.push(disbuild([...remote, '--cache-dir', freshDir(), '--salt', `cold-remote-${i}`]));
    }
    const r3 = median(coldRemote) / median(coldLocal);
    rows.push({
      benchmark: 'remote cache (nginx, 1,000 jobs)',
      measure: 'cold run, uploading every artifact (waits for uploads at its end)',
      value: `${Math.round(median(coldRemote))} ms (${range(coldRemote)})`,
      reference: `cold run, local cache only ${Math.round(median(coldLocal))} ms (${range(coldLocal)})`,
      ratio: r3,
      target: '≤ 1.10×',
      pass: r3 <= 1.1,
    });
  } finally {
    await server.stop();
  }
  return rows;
}
